"""Rich output for a terminal: the list, a case, a comparison and a timeline as tables and text.

Imported only by the commands that print text or tables, so JSON, CSV and Markdown output never
pay for Rich. Case text always enters as `Text` (never a markup string), and the console is built
with markup, emoji and highlighting off, so `[/]`, `:smile:` and numbers print exactly as written.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import IO

from rich import box
from rich.console import Console, Group, RenderableType
from rich.measure import Measurement
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from casetui import derive
from casetui.compare import Row
from casetui.i18n import label
from casetui.model import Case, Fact, Source
from casetui.render.common import cell_fallback, fallback_mark, localized, timeline_rows
from casetui.summary import Summary
from casetui.text import LText
from casetui.values import Shown, show
from casetui.when import Span

FALLBACK = "dim italic"
DIFFERS = "bold yellow"
STATUS_STYLES = {
    "active": "green",
    "sunsetting": "yellow",
    "paused": "magenta",
    "shut-down": "red",
    "merged": "blue",
}
PIPE_WIDTH = 100
"""Layout width when stdout is not a terminal and `COLUMNS` is not set."""


def make_console(plain: bool, width: int | None = None, file: IO[str] | None = None) -> Console:
    """A console for one run: no escape codes at all when `plain`, Rich styling otherwise."""
    return Console(
        file=file or sys.stdout,
        force_terminal=False if plain else None,
        no_color=plain,
        color_system=None if plain else "auto",
        width=width,
        highlight=False,
        markup=False,
        emoji=False,
        soft_wrap=False,
    )


def natural_width(console: Console, renderable: RenderableType) -> int:
    """The width `renderable` needs to lay out without wrapping."""
    return Measurement.get(console, console.options.update(width=10_000), renderable).maximum


def text(value: LText | None, lang: str, style: str = "") -> Text:
    """A case text in `lang` as literal `Text`, its fallback language marked ` ⟨en⟩`."""
    string, fallback = localized(value, lang)
    out = Text(string, style=style)
    if fallback:
        out.append(fallback_mark(fallback), style=FALLBACK)
    return out


def _span(value: Span | None, lang: str) -> Text:
    return Text(value.display(lang) if value else "")


def _status(status: str, lang: str) -> Text:
    return Text(label(status, lang), style=STATUS_STYLES.get(status, ""))


def _table(*headers: str, no_wrap: Sequence[int] = ()) -> Table:
    """A table with plain-text headers; columns in `no_wrap` (by position) never wrap."""
    table = Table(box=box.SIMPLE_HEAD, header_style="bold", show_edge=False)
    for position, header in enumerate(headers):
        table.add_column(Text(header), no_wrap=position in no_wrap, overflow="fold")
    return table


def _heading(title: str) -> Text:
    return Text("\n" + title, style="bold underline")


# -- list ------------------------------------------------------------------------------------


def list_table(summaries: Sequence[Summary], lang: str) -> Table:
    """`casetui list`: one line per case."""
    keys = ("id", "name", "company", "status", "launched", "ended", "lifespan", "notice_period")
    table = _table(*(label(k, lang) for k in keys))
    for s in summaries:
        table.add_row(
            Text(s.id, style="cyan"),
            text(s.name, lang, "bold"),
            text(s.company, lang),
            _status(s.status, lang),
            Text(s.launched.display() if s.launched else ""),
            Text(s.ended.display() if s.ended else ""),
            _span(s.lifespan, lang),
            _span(s.notice, lang),
        )
    return table


# -- compare ---------------------------------------------------------------------------------


def _cell(value: Shown | None, differs: bool = False, note: bool = True) -> Text:
    """A compare value with its fallback mark, and its note on a second line when `note`."""
    if value is None:
        return Text("")
    out = Text(value.display, style=DIFFERS if differs else "")
    fallback = cell_fallback(value)
    if fallback:
        out.append(fallback_mark(fallback), style=FALLBACK)
    if note and value.note:
        out.append("\n" + value.note, style="dim")
    return out


def compare_table(cases: Sequence[Case], rows: Sequence[Row], lang: str, baseline: int | None) -> Table:
    """`casetui compare`: one row per dimension; `≠` marks rows that differ, colour marks cells."""
    table = Table(box=box.SIMPLE_HEAD, header_style="bold", show_edge=False)
    table.add_column(Text("≠"), no_wrap=True, style=DIFFERS)
    table.add_column(Text(label("dimension", lang)), style="bold", overflow="fold")
    for index, case in enumerate(cases):
        head = text(case.name, lang)
        head.append("\n" + case.id, style="dim")
        if index == baseline:
            head.append(f" ({label('baseline', lang)})", style="dim")
        table.add_column(head, overflow="fold")
    group = rows[0].group if rows else None
    for row in rows:
        if row.group != group:
            table.add_section()
            group = row.group
        cells = [_cell(v, d) for v, d in zip(row.cells, row.cell_differs, strict=True)]
        table.add_row(Text("≠" if row.differs else ""), Text(row.label), *cells)
    return table


# -- timeline --------------------------------------------------------------------------------


def timeline_table(case: Case, lang: str) -> Table:
    """`casetui timeline`: every event, its T-offset, the services it stops and what is left."""
    keys = ("offset", "date", "kind", "title", "source", "stops", "to_shutdown")
    table = _table(*(label(k, lang) for k in keys), no_wrap=(0, 1, 2))
    for row in timeline_rows(case):
        event = row.event
        title = text(event.title, lang, "bold" if event.kind in ("announcement", "shutdown") else "")
        if event.detail is not None:
            title.append("\n")
            title.append_text(text(event.detail, lang, "dim"))
        stops = Text(style="red")
        for n, service in enumerate(row.stops):
            if n:
                stops.append(", ")
            stops.append_text(text(service.name, lang))
        table.add_row(
            Text(row.offset.offset() if row.offset else "", style="cyan"),
            Text(event.date.display()),
            Text(event.kind),
            title,
            Text(", ".join(event.sources), style="dim"),
            stops,
            _span(row.to_shutdown, lang),
        )
    return table


# -- show ------------------------------------------------------------------------------------


def _source_text(source: Source, lang: str) -> Text:
    out = Text(f"[{source.id}] ", style="cyan")
    out.append_text(text(source.title, lang, "bold"))
    for extra in (source.publisher, source.author):
        if extra is not None:
            out.append(". ")
            out.append_text(text(extra, lang))
    if source.date is not None:
        out.append(". " + source.date.display())
    if source.url:
        out.append("\n    " + source.url, style="underline")
    if source.note is not None:
        out.append("\n    ")
        out.append_text(text(source.note, lang, "dim"))
    return out


def _cite(source_id: str | None) -> Text:
    return Text(f" [{source_id}]", style="dim cyan") if source_id else Text("")


def case_view(case: Case, lang: str) -> Group:
    """`casetui show`: the whole case, sources included."""
    parts: list[RenderableType] = []
    title = text(case.name, lang, "bold")
    title.append(f"  {case.id}", style="dim")
    parts += [title, text(case.summary, lang)]

    overview = Table.grid(padding=(0, 2))
    overview.add_column(style="bold", no_wrap=True)
    overview.add_column(overflow="fold")
    fields: list[tuple[str, Text | None]] = [
        ("company", text(case.company, lang) if case.company else None),
        ("status", _status(case.status, lang)),
        ("region", Text(case.region) if case.region else None),
        ("tags", Text(", ".join(case.tags)) if case.tags else None),
        ("launched", Text(case.launched.display()) if case.launched else None),
        ("ended", Text(case.ended.display()) if case.ended else None),
        ("lifespan", _span(derive.lifespan(case), lang) if case.launched and case.ended else None),
        ("notice_period", _span(derive.notice_period(case), lang) if derive.notice_period(case) else None),
        ("as_of", Text(case.as_of.display()) if case.as_of else None),
        ("reason", text(case.reason, lang) if case.reason else None),
    ]
    for key, value in fields:
        if value is not None:
            overview.add_row(Text(label(key, lang)), value)
    parts += [_heading(label("overview", lang)), overview]

    parts.append(_heading(label("model", lang)))
    model_type = Text(label("model_type", lang) + ": ", style="bold")
    model_type.append_text(text(case.model_type, lang))
    parts.append(model_type)
    if case.model_summary is not None:
        parts.append(text(case.model_summary, lang))
    if case.dimensions:
        dims = _table(*(label(k, lang) for k in ("dimension", "value", "note", "source")))
        for key, value in case.dimensions:
            shown = show(value, lang)
            name = text(value.label, lang) if isinstance(value, Fact) and value.label else Text(label(key, lang))
            dims.add_row(
                name,
                _cell(shown, note=False),
                Text(shown.note or "" if shown else "", style="dim"),
                Text(", ".join(shown.sources) if shown else "", style="dim cyan"),
            )
        parts.append(dims)

    if case.services:
        parts.append(_heading(label("services_section", lang)))
        for service in case.services:
            line = Text("• ")
            line.append_text(text(service.name, lang))
            line.append(f"  {service.id}", style="dim")
            parts.append(line)
    if case.events:
        parts += [_heading(label("timeline", lang)), timeline_table(case, lang)]
    if case.phases:
        parts.append(_heading(label("phases", lang)))
        for phase in case.phases:
            line = Text("• ")
            line.append_text(text(phase.title, lang, "bold"))
            end = phase.end.display() if phase.end else "…"
            line.append(f"  {phase.start.display()} – {end}")
            parts.append(line)
    if case.sources:
        parts.append(_heading(label("sources", lang)))
        parts += [_source_text(s, lang) for s in case.sources]
    if case.quotes:
        parts.append(_heading(label("quotes", lang)))
        for quote in case.quotes:
            line = Text("“")
            line.append_text(text(quote.text, lang, "italic"))
            line.append("”")
            if quote.by is not None:
                line.append(" — ")
                line.append_text(text(quote.by, lang))
            line.append_text(_cite(quote.source))
            parts.append(line)
    if case.lessons:
        parts.append(_heading(label("lessons", lang)))
        for lesson in case.lessons:
            line = Text("• ")
            line.append_text(text(lesson.text, lang))
            line.append_text(_cite(lesson.source))
            parts.append(line)
    if case.questions:
        parts.append(_heading(label("questions", lang)))
        for number, question in enumerate(case.questions, 1):
            line = Text(f"{number}. ")
            line.append_text(text(question.prompt, lang, "bold"))
            if question.event:
                line.append(f"  @{question.event}", style="dim")
            parts.append(line)
            if question.notes is not None:
                notes = Text(label("notes", lang) + ": ", style="dim")
                notes.append_text(text(question.notes, lang, "dim"))
                parts.append(Padding(notes, (0, 0, 0, 3)))
    return Group(*parts)
