"""The case screen's sections as Rich renderables: overview, model, timeline, sources, quotes, lessons, questions.

Each function takes a case and a language and returns something to put in a `Static`. Case text
only ever enters as `Text` (through casetui.tui.safe), so markup in a case file stays literal.
Facts and events carry their source ids beside them; the sources section says what each id is.
Case text is laid out by `Wrapped`, so it wraps (Chinese between characters) and is never cut.
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
from casetui.tui.widgets.badges import SOURCE_STYLE, scheduled, sources_text, span_cell, status_text, when_text
from casetui.tui.wrapping import Wrapped
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
    parts: list[RenderableType] = [Wrapped(safe.localized(case.name, lang, style="bold"))]
    if case.company is not None:
        parts.append(Wrapped(safe.localized(case.company, lang, style="dim")))
    badge = Text.assemble(status_text(case.status, lang))
    if case.tags:
        badge.append("   " + "  ".join(f"#{t}" for t in case.tags), style="dim")
    parts += [Wrapped(badge), Text("")]
    grid = _facts_grid()
    if case.region:
        grid.add_row(word("region", lang), Text(case.region))
    grid.add_row(word("launched", lang), when_text(case.launched))
    finish = derive.end(case)  # `ended`, else the final shutdown, as the library's Ended column shows it
    ended = when_text(None) if finish is None else scheduled(when_text(finish.date), finish.scheduled, lang)
    grid.add_row(word("ended", lang), ended)
    lifespan, notice = derive.lifespan(case), derive.notice_period(case)
    marked = lifespan is not None and derive.lifespan_scheduled(case)  # not on the dash of no lifespan
    grid.add_row(word("lifespan", lang), scheduled(span_cell(lifespan, lang), marked, lang))
    grid.add_row(word("notice", lang), scheduled(span_cell(notice, lang), derive.notice_scheduled(case), lang))
    announced, shutdown = derive.announcement(case), derive.final_shutdown(case)
    if announced is not None:
        grid.add_row(word("announced", lang), _event_ref_cell(case, announced, lang))
    if shutdown is not None:
        grid.add_row(word("shutdown", lang), _event_ref_cell(case, shutdown, lang))
    if case.as_of is not None:
        grid.add_row(word("as_of", lang), when_text(case.as_of))
    parts += [grid, Text(""), heading(word("summary", lang)), Wrapped(safe.localized(case.summary, lang))]
    if case.reason is not None:
        parts += [Text(""), heading(word("reason", lang)), Wrapped(safe.localized(case.reason, lang))]
    return Group(*parts)


def _event_ref(case: Case, event: Event, lang: str) -> Text:
    date = scheduled(when_text(event.date), derive.scheduled(case, event), lang)
    return Text.assemble(date, "  ", safe.localized(event.title, lang))


def _event_ref_cell(case: Case, event: Event, lang: str) -> Wrapped:
    return Wrapped(_event_ref(case, event, lang))


def model(case: Case, lang: str) -> RenderableType:
    """The model type and summary, then one row per comparison dimension with its source."""
    parts: list[RenderableType] = [Wrapped(safe.localized(case.model_type, lang, style="bold"))]
    if case.model_summary is not None:
        parts.append(Wrapped(safe.localized(case.model_summary, lang)))
    parts.append(Text(""))
    if not case.dimensions:
        return Group(*parts, _none(lang))
    # Two columns, the unit, note and source under the value: five columns left each a few cells at 80.
    table = Table(box=None, padding=(0, 1), show_edge=False, expand=True, header_style="bold")
    table.add_column(word("dimension", lang), ratio=1)
    table.add_column(word("value", lang), ratio=2)
    for key, value in case.dimensions:
        label, shown = _dimension_cells(key, value, lang)
        table.add_row(Wrapped(label), Wrapped(shown))
    parts.append(table)
    return Group(*parts)


def _dimension_cells(key: str, value: Dimension, lang: str) -> tuple[Text, Text]:
    """The label, and the value with its unit, then its note and source on a line below."""
    if isinstance(value, Fact):
        label = safe.localized(value.label, lang) if value.label is not None else Text(i18n.model_label(key, lang))
        number = display_value(value.value, lang)[0]
        shown = Text(number, style="bold")
        shown.append(i18n.unit_text(number, value.unit, lang)[len(number) :])  # the unit, plain, in `lang`
        note = safe.localized(value.note, lang, style="dim")  # empty for no note
        below = Text(" ").join(part for part in (note, sources_text(_ids(value.source))) if part)
        if below:
            shown.append("\n")
            shown.append_text(below)
        return label, shown
    if isinstance(value, (int, float, bool)):
        shown, _ = display_value(value, lang)
        cell = Text(shown, style="bold")
    elif isinstance(value, LText):
        cell = safe.localized(value, lang)
    else:
        cell = Text(display_value(value, lang)[0])
    return Text(i18n.model_label(key, lang)), cell


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
    table.add_column(word("title", lang), ratio=1)  # Sources go under the detail: the title gets the room.
    phase: Phase | None = None
    start = derive.announcement(case)  # T-0 found once, not once per event
    for event in case.events[:MAX_TIMELINE_ROWS]:
        current = _phase_of(case, event)
        if current is not None and current is not phase:
            title = Text.assemble(("▸ ", "dim"), safe.localized(current.title, lang, style="bold italic"))
            table.add_row("", "", "", Wrapped(title))
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
        if event.sources:
            body.append("\n")
            body.append_text(sources_text(event.sources))
        table.add_row(
            scheduled(when_text(event.date, stacked=True), derive.scheduled(case, event), lang, own_line=True),
            _offset(offset, lang),
            Text(word(f"kind_{kind}", lang), style=KIND_STYLES.get(kind, "")),
            Wrapped(body),
        )
    hidden = len(case.events) - MAX_TIMELINE_ROWS
    if hidden > 0:
        more = _MORE_EVENTS[1] if is_zh(lang) else _MORE_EVENTS[0]
        return Group(table, Text(""), Text(more.format(n=hidden, id=case.id), style="dim"))
    return table


def _offset(offset: Span | None, lang: str) -> Text:
    """`T+59d`, with T-0 itself in bold; empty without an announcement."""
    if offset is None:
        return Text("")
    return Text(offset.offset(lang), style="bold" if offset.amount == 0 else "dim")


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
        parts.append(Wrapped(Text.assemble(Text(f"[{source.id}] ", style=SOURCE_STYLE), title)))
        meta = []
        if source.publisher is not None:
            meta.append(safe.localized(source.publisher, lang))
        if source.author is not None:
            meta.append(safe.localized(source.author, lang))
        if source.date is not None:
            meta.append(when_text(source.date))
        if meta:
            parts.append(Padding(Wrapped(Text(" · ").join(meta)), (0, 0, 0, 2)))
        if source.url:
            parts.append(Padding(Wrapped(Text(source.url, style="underline #4a8fd4")), (0, 0, 0, 2)))
        if source.note is not None:
            parts.append(Padding(Wrapped(safe.localized(source.note, lang, style="dim")), (0, 0, 0, 2)))
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
        parts.append(Wrapped(text))
        by = Text("— ", style="dim")
        if quote.by is not None:
            by.append_text(safe.localized(quote.by, lang, style="dim"))
        by.append(" ")
        by.append_text(sources_text(_ids(quote.source)))
        parts += [Padding(Wrapped(by), (0, 0, 0, 2)), Text("")]
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
        table.add_row(f"{number}.", Wrapped(body))
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
                body.append_text(_event_ref(case, event, lang))
        if reveal and question.notes is not None:
            body.append(f"\n{word('trainer_notes', lang)}: ", style="#d08a1c")
            body.append_text(safe.localized(question.notes, lang))
        table.add_row(f"{number}.", Wrapped(body))
        table.add_row("", "")
    parts.append(table)
    return Group(*parts)
