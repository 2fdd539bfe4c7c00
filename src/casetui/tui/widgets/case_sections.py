"""The case screen's sections as Rich renderables: overview, model, timeline, sources, quotes, lessons, questions.

Each function takes a case and a language and returns something to put in a `Static`. Case text
only ever enters as `Text` (through casetui.tui.safe), so markup in a case file stays literal.
Facts and events carry their source ids beside them; the sources section says what each id is.
"""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from casetui import derive, i18n
from casetui.model import Case, Dimension, Event, Fact, Phase
from casetui.text import LText
from casetui.tui import safe
from casetui.tui.labels import is_zh, word
from casetui.tui.widgets.badges import SOURCE_STYLE, sources_text, span_cell, status_text, when_text
from casetui.values import display_value
from casetui.when import Span

HEADING_STYLE = "bold"
LABEL_STYLE = "dim"
KIND_STYLES: dict[str, str] = {
    "launch": "#3fa45b",
    "growth": "#3fa45b",
    "announcement": "bold #d08a1c",
    "service-stop": "#d08a1c",
    "shutdown": "bold #d9534f",
    "migration": "#9b6ad1",
    "regulatory": "#4a8fd4",
}

SECTIONS = ("overview", "model", "timeline", "sources", "quotes", "lessons", "questions")
"""The tabs of the case screen, in order (keys 1-7)."""

MAX_TIMELINE_ROWS = 500
"""Events the timeline tab lays out: Rich needs seconds per thousand rows; the sunset (t) steps through any number."""
_MORE_EVENTS = (
    "… {n:,} more events: press t to step through every one, or run: casetui timeline {id}",
    "……还有 {n:,} 个事件：按 t 逐个查看，或运行：casetui timeline {id}",
)


def heading(text: str) -> Text:
    """A section heading in the app's own words."""
    return Text(text, style=HEADING_STYLE)


def _none(lang: str) -> Text:
    return Text(word("none", lang), style="dim")


def _facts_grid() -> Table:
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style=LABEL_STYLE, no_wrap=True)
    grid.add_column()
    return grid


def overview(case: Case, lang: str) -> RenderableType:
    """Name, company, status, key dates, derived spans, summary and reason."""
    parts: list[RenderableType] = [safe.localized(case.name, lang, style="bold")]
    if case.company is not None:
        parts.append(safe.localized(case.company, lang, style="dim"))
    badge = Text.assemble(status_text(case.status, lang))
    if case.tags:
        badge.append("   " + "  ".join(f"#{t}" for t in case.tags), style="dim")
    parts += [badge, Text("")]
    grid = _facts_grid()
    if case.region:
        grid.add_row(word("region", lang), Text(case.region))
    grid.add_row(word("launched", lang), when_text(case.launched))
    grid.add_row(word("ended", lang), when_text(case.ended))
    grid.add_row(word("lifespan", lang), span_cell(derive.lifespan(case), lang))
    grid.add_row(word("notice", lang), span_cell(derive.notice_period(case), lang))
    announced, shutdown = derive.announcement(case), derive.final_shutdown(case)
    if announced is not None:
        grid.add_row(word("announced", lang), _event_ref(announced, lang))
    if shutdown is not None:
        grid.add_row(word("shutdown", lang), _event_ref(shutdown, lang))
    if case.as_of is not None:
        grid.add_row(word("as_of", lang), when_text(case.as_of))
    parts += [grid, Text(""), heading(word("summary", lang)), safe.localized(case.summary, lang)]
    if case.reason is not None:
        parts += [Text(""), heading(word("reason", lang)), safe.localized(case.reason, lang)]
    return Group(*parts)


def _event_ref(event: Event, lang: str) -> Text:
    return Text.assemble(when_text(event.date), "  ", safe.localized(event.title, lang))


def model(case: Case, lang: str) -> RenderableType:
    """The model type and summary, then one row per comparison dimension with its source."""
    parts: list[RenderableType] = [safe.localized(case.model_type, lang, style="bold")]
    if case.model_summary is not None:
        parts.append(safe.localized(case.model_summary, lang))
    parts.append(Text(""))
    if not case.dimensions:
        return Group(*parts, _none(lang))
    table = Table(box=None, padding=(0, 1), show_edge=False, expand=True, header_style="bold")
    table.add_column(word("dimension", lang), ratio=2)
    table.add_column(word("value", lang), ratio=2)
    table.add_column(word("unit", lang), no_wrap=True)
    table.add_column(word("note", lang), ratio=2)
    table.add_column(word("source", lang), no_wrap=True)
    for key, value in case.dimensions:
        table.add_row(*_dimension_cells(key, value, lang))
    parts.append(table)
    return Group(*parts)


def _dimension_cells(key: str, value: Dimension, lang: str) -> tuple[Text, Text, Text, Text, Text]:
    if isinstance(value, Fact):
        label = safe.localized(value.label, lang) if value.label is not None else Text(i18n.model_label(key, lang))
        shown, _ = display_value(value.value, lang)
        note = safe.localized(value.note, lang, style="dim") if value.note is not None else Text("")
        unit = Text(i18n.unit_label(value.unit, lang))
        return (label, Text(shown, style="bold"), unit, note, sources_text(_ids(value.source)))
    if isinstance(value, (int, float, bool)):
        shown, _ = display_value(value, lang)
        cell = Text(shown, style="bold")
    elif isinstance(value, LText):
        cell = safe.localized(value, lang)
    else:
        cell = Text(display_value(value, lang)[0])
    return (Text(i18n.model_label(key, lang)), cell, Text(""), Text(""), Text(""))


def _ids(source: str | None) -> tuple[str, ...]:
    return (source,) if source else ()


def timeline(case: Case, lang: str) -> RenderableType:
    """Events in order: date at its written precision, T-offset, kind, title and detail, sources."""
    if not case.events:
        return _none(lang)
    table = Table(box=None, padding=(0, 1), show_edge=False, expand=True, header_style="bold")
    table.add_column(word("date", lang), no_wrap=True)
    table.add_column(word("offset", lang), no_wrap=True, justify="right")
    table.add_column(word("kind", lang), no_wrap=True)
    table.add_column(word("title", lang), ratio=1)
    table.add_column(word("source", lang), no_wrap=True)
    phase: Phase | None = None
    start = derive.announcement(case)  # T-0 found once, not once per event
    for event in case.events[:MAX_TIMELINE_ROWS]:
        current = _phase_of(case, event)
        if current is not None and current is not phase:
            title = Text.assemble(("▸ ", "dim"), safe.localized(current.title, lang, style="bold italic"))
            table.add_row("", "", "", title, "")
        phase = current
        offset = None if start is None else Span.between(start.date, event.date)
        kind = event.kind
        emphasis = "bold" if kind in ("announcement", "shutdown") else ""
        body = Text.assemble(safe.localized(event.title, lang, style=emphasis))
        if event.detail is not None:
            body.append("\n")
            body.append_text(safe.localized(event.detail, lang, style="dim"))
        stopped = derive.services_ended_by(case, event)
        if stopped:
            body.append(f"\n{word('stops', lang)}: ", style="#d08a1c")
            body.append_text(Text(", ").join(safe.localized(s.name, lang) for s in stopped))
        table.add_row(
            when_text(event.date, stacked=True),
            _offset(offset),
            Text(word(f"kind_{kind}", lang), style=KIND_STYLES.get(kind, "")),
            body,
            sources_text(event.sources),
        )
    hidden = len(case.events) - MAX_TIMELINE_ROWS
    if hidden > 0:
        more = _MORE_EVENTS[1] if is_zh(lang) else _MORE_EVENTS[0]
        return Group(table, Text(""), Text(more.format(n=hidden, id=case.id), style="dim"))
    return table


def _offset(offset: Span | None) -> Text:
    """`T+59d`, with T-0 itself in bold; empty without an announcement."""
    if offset is None:
        return Text("")
    return Text(offset.offset(), style="bold" if offset.amount == 0 else "dim")


def _phase_of(case: Case, event: Event) -> Phase | None:
    """The last phase that has started by the event and not yet ended (compared at the coarser precision)."""
    found = None
    for phase in case.phases:
        precision = min(phase.start.precision, event.date.precision)
        if phase.start.truncated(precision) > event.date.truncated(precision):
            continue
        if phase.end is not None:
            precision = min(phase.end.precision, event.date.precision)
            if event.date.truncated(precision) > phase.end.truncated(precision):
                continue
        found = phase
    return found


def sources(case: Case, lang: str) -> RenderableType:
    """Every source: id, title, publisher, date, address and note."""
    if not case.sources:
        return _none(lang)
    parts: list[RenderableType] = []
    for source in case.sources:
        title = safe.localized(source.title, lang, style="bold")
        parts.append(Text.assemble(Text(f"[{source.id}] ", style=SOURCE_STYLE), title))
        meta = []
        if source.publisher is not None:
            meta.append(safe.localized(source.publisher, lang))
        if source.author is not None:
            meta.append(safe.localized(source.author, lang))
        if source.date is not None:
            meta.append(when_text(source.date))
        if meta:
            parts.append(Padding(Text(" · ").join(meta), (0, 0, 0, 2)))
        if source.url:
            parts.append(Padding(Text(source.url, style="underline #4a8fd4"), (0, 0, 0, 2)))
        if source.note is not None:
            parts.append(Padding(safe.localized(source.note, lang, style="dim"), (0, 0, 0, 2)))
        parts.append(Text(""))
    return Group(*parts)


def quotes(case: Case, lang: str) -> RenderableType:
    """What was said, by whom, with its source."""
    if not case.quotes:
        return _none(lang)
    parts: list[RenderableType] = []
    for quote in case.quotes:
        text = Text("“", style="italic")
        text.append_text(safe.localized(quote.text, lang, style="italic"))
        text.append("”", style="italic")
        parts.append(text)
        by = Text("— ", style="dim")
        if quote.by is not None:
            by.append_text(safe.localized(quote.by, lang, style="dim"))
        by.append(" ")
        by.append_text(sources_text(_ids(quote.source)))
        parts += [Padding(by, (0, 0, 0, 2)), Text("")]
    return Group(*parts)


def lessons(case: Case, lang: str) -> RenderableType:
    """The take-aways, numbered, each with its source."""
    if not case.lessons:
        return _none(lang)
    table = Table.grid(padding=(0, 1))
    table.add_column(no_wrap=True, style="bold")
    table.add_column(ratio=1)
    for number, lesson in enumerate(case.lessons, 1):
        body = Text.assemble(safe.localized(lesson.text, lang))
        if lesson.source:
            body.append(" ")
            body.append_text(sources_text(_ids(lesson.source)))
        table.add_row(f"{number}.", body)
        table.add_row("", "")
    return table


def questions(case: Case, lang: str, reveal: bool) -> RenderableType:
    """Discussion prompts; trainer notes only when `reveal` is on (the `r` key)."""
    if not case.questions:
        return _none(lang)
    parts: list[RenderableType] = []
    if not reveal and any(q.notes is not None for q in case.questions):
        parts += [Text(word("notes_hidden", lang), style="italic dim"), Text("")]
    table = Table.grid(padding=(0, 1))
    table.add_column(no_wrap=True, style="bold")
    table.add_column(ratio=1)
    for number, question in enumerate(case.questions, 1):
        body = Text.assemble(safe.localized(question.prompt, lang, style="bold"))
        if question.event is not None:
            event = case.event(question.event)
            if event is not None:
                body.append(f"\n{word('at_event', lang)}: ", style="dim")
                body.append_text(_event_ref(event, lang))
        if reveal and question.notes is not None:
            body.append(f"\n{word('trainer_notes', lang)}: ", style="#d08a1c")
            body.append_text(safe.localized(question.notes, lang))
        table.add_row(f"{number}.", body)
        table.add_row("", "")
    parts.append(table)
    return Group(*parts)
