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
from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.measure import Measurement
from rich.padding import Padding
from rich.segment import Segment
from rich.style import Style
from rich.table import Table
from rich.text import Text

from casetui import derive
from casetui.compare import Row
from casetui.i18n import kind_name, label, model_label
from casetui.model import Case, Fact, Source
from casetui.render.common import (
    FALLBACK,
    MISSING,
    STATUS_STYLES,
    cell_fallback,
    fallback_mark,
    localized,
    scheduled_mark,
    timeline_rows,
)
from casetui.render.grid import Paragraph, WholeWords, blocks, column_bounds, prewrapped
from casetui.render.measure import fit_widths
from casetui.text import LText
from casetui.values import Shown, show
from casetui.when import Span, When

DIFFERS = "bold yellow"
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


def text(value: LText | None, lang: str, style: str = "") -> Text:
    """A case text in `lang` as literal `Text`, its fallback language marked ` ⟨en⟩`."""
    string, fallback = localized(value, lang)
    out = Text(string, style=style)
    if fallback:
        out.append(fallback_mark(fallback), style=FALLBACK)
    return out


def _span(value: Span | None, lang: str, scheduled: bool = False) -> Text:
    out = Text(value.display(lang) if value else "")
    return _mark(out, value is not None and scheduled, lang)


def _when(value: When | None, lang: str, scheduled: bool = False) -> Text:
    return _mark(Text(value.display() if value else ""), value is not None and scheduled, lang)


def _mark(out: Text, scheduled: bool, lang: str) -> Text:
    """`out` with ` (scheduled)` / `（计划）` after it when it rests on a date after `as_of`."""
    if scheduled:
        out.append(scheduled_mark(True, lang), style="italic")
    return out


def _status(status: str, lang: str) -> Text:
    return Text(label(status, lang), style=STATUS_STYLES.get(status, ""))


def _table(*headers: str, no_wrap: Sequence[int] = ()) -> Table:
    """A table with plain-text headers; columns in `no_wrap` (by position) never wrap."""
    table = Table(box=box.SIMPLE_HEAD, header_style="bold", show_edge=False)
    for position, header in enumerate(headers):
        table.add_column(Text(header), no_wrap=position in no_wrap, overflow="fold")
    return table


class LongTable:
    """A `_table` of `Text` cells that Rich would lay out the same way, fast enough for thousands of rows.

    Rich's `Table` measures every cell, then renders each through padding, wrapping and cropping:
    some 100 µs a cell, seconds for a 10,000-event timeline. A column's width depends only on its
    header, its widest cell and its longest word, so Rich's own width algorithm runs on a stand-in
    table of those rows; then a cell that fits its column on one line is written out directly, and
    any other goes through Rich as the table would send it. Up to `RICH_ROWS` rows Rich lays the
    table out itself.
    """

    RICH_ROWS = 200
    """Up to this many rows Rich lays the table out itself: ordinary cases print as they always have."""
    PADDING = (0, 1, 0, 1)
    """What `_table` pads each cell with: one space either side."""

    def __init__(self, *headers: str, no_wrap: Sequence[int] = ()) -> None:
        self.headers = headers
        self.no_wrap = tuple(no_wrap)
        self.rows: list[tuple[Text, ...]] = []
        self._stand_in_rows: list[tuple[Text, ...]] | None = None

    def add_row(self, *cells: Text) -> None:
        self.rows.append(cells)
        self._stand_in_rows = None

    def table(self, rows: Sequence[tuple[Text, ...]] | None = None, widths: Sequence[int] | None = None) -> Table:
        """The Rich table with `rows` (every row by default), its columns `widths` wide if given."""
        table = _table(*self.headers, no_wrap=self.no_wrap)
        for row in self.rows if rows is None else rows:
            table.add_row(*row)
        for column, width in zip(table.columns, widths or (), strict=False):
            column.width = width
        return table

    def whole_word_widths(self, width: int) -> list[int] | None:
        """Column widths within `width` that split no word (`render.grid`), or None when there are none."""
        headers = [Text(header) for header in self.headers]
        return fit_widths(column_bounds(headers, self.rows, self.no_wrap), width)

    def _stand_in(self, console: Console, options: ConsoleOptions) -> Table:
        """The header and the rows holding each column's longest word and widest line."""
        if self._stand_in_rows is None:
            sizes = [[cell.__rich_measure__(console, options) for cell in row] for row in self.rows]
            picks = {
                max(range(len(sizes)), key=lambda index: sizes[index][column][bound])
                for column in range(len(self.headers) if sizes else 0)
                for bound in (0, 1)  # Measurement(minimum, maximum)
            }
            self._stand_in_rows = [self.rows[index] for index in sorted(picks)]
        return self.table(self._stand_in_rows)

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement.get(console, options, self._stand_in(console, options))

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        fitted = self.whole_word_widths(options.max_width)
        if fitted is None:
            yield from blocks(console, options.max_width, [Text(h, style="bold") for h in self.headers], self.rows)
            return
        rows = [tuple(prewrapped(cell, width) for cell, width in zip(row, fitted, strict=True)) for row in self.rows]
        if len(rows) <= self.RICH_ROWS:
            yield self.table(rows, widths=fitted)
            return
        widths = [width + sum(self.PADDING) for width in fitted]
        yield self.table([], widths=fitted)
        line_box = box.SIMPLE_HEAD.substitute(options, safe=console.safe_box)
        middle, foot = Segment(line_box.mid_vertical), Segment(line_box.foot_vertical)
        no_wrap = [position in self.no_wrap for position in range(len(self.headers))]
        new_line = Segment.line()
        last = len(rows) - 1
        for index, row in enumerate(rows):
            cells = [
                self._cell(console, options, cell, width, wrap)
                for cell, width, wrap in zip(row, widths, no_wrap, strict=True)
            ]
            height = max(len(lines) for lines in cells)
            if height > 1:
                cells = [
                    Segment.set_shape(Segment.align_top(lines, width, height, Style.null()), width, height)
                    for lines, width in zip(cells, widths, strict=True)
                ]
            divider = foot if index == last else middle
            for line_no in range(height):
                for column, lines in enumerate(cells):
                    if column:
                        yield divider
                    yield from lines[line_no]
                yield new_line

    def _cell(
        self, console: Console, options: ConsoleOptions, cell: Text, width: int, no_wrap: bool
    ) -> list[list[Segment]]:
        """The lines of one cell, `width` wide with its padding: as Rich's table renders it."""
        room = width - sum(self.PADDING)
        plain = cell.plain
        size = cell_len(plain)
        # Rich also trims trailing spaces (and their style) from a line of more characters than cells.
        if size > room or len(plain) > room or "\n" in plain or "\t" in plain:
            cell_options = options.update(
                width=width, justify="left", no_wrap=no_wrap, overflow="fold", height=None, highlight=False
            )
            return console.render_lines(Padding(cell, self.PADDING), cell_options)
        # What Rich's wrap makes of a line that fits: the text padded to the column, in the text's style.
        if cell.spans:
            padded = cell.copy()
            padded.pad_right(room - size)
            segments = list(Text("\n").join([padded]).render(console))
        else:
            segments = [Segment(plain + " " * (room - size), console.get_style(cell.style) if cell.style else None)]
            if plain.isascii():  # one cell a character: already `room` wide
                return [[_SPACE, *segments, _SPACE]]
        # Rich measures the rendered pieces again; joiners and marks may count differently split up.
        return [[_SPACE, *Segment.adjust_line_length(segments, room), _SPACE]]


_SPACE = Segment(" ")


def _heading(title: str) -> Text:
    return Text("\n" + title, style="bold underline")


# -- compare ---------------------------------------------------------------------------------


def _cell(value: Shown | None, differs: bool = False, note: bool = True, lang: str = "en") -> Text:
    """A compare value with its fallback and scheduled marks, and its note on a second line when `note`."""
    if value is None:
        return Text(MISSING, style="dim")
    out = Text(value.display, style=DIFFERS if differs else "")
    fallback = cell_fallback(value)
    if fallback:
        out.append(fallback_mark(fallback), style=FALLBACK)
    _mark(out, value.scheduled, lang)
    if note and value.note:
        out.append("\n" + value.note, style="dim")
    return out


def compare_table(cases: Sequence[Case], rows: Sequence[Row], lang: str, baseline: int | None) -> WholeWords:
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
        cells = [_cell(v, d, lang=lang) for v, d in zip(row.cells, row.cell_differs, strict=True)]
        table.add_row(Text("≠" if row.differs else ""), Text(row.label), *cells)
    return WholeWords(table, title_columns=2)


# -- timeline --------------------------------------------------------------------------------


def timeline_table(case: Case, lang: str) -> LongTable:
    """`casetui timeline`: every event, its T-offset, the services it stops and what is left."""
    keys = ("offset", "date", "kind", "title", "source", "stops", "to_shutdown")
    table = LongTable(*(label(k, lang) for k in keys), no_wrap=(0, 1, 2))
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
            Text(row.offset.offset(lang) if row.offset else "", style="cyan"),
            _when(event.date, lang, row.scheduled),
            Text(kind_name(event.kind, lang)),
            title,
            Text(", ".join(event.sources), style="dim"),
            stops,
            _span(row.to_shutdown, lang),  # The date and the notice period carry the mark: not every row again.
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

    lifespan, notice = derive.lifespan(case), derive.notice_period(case)
    finish = derive.end(case)  # `ended`, else the final shutdown (the end the lifespan counts to)
    overview = Table.grid(padding=(0, 2))
    overview.add_column(style="bold", no_wrap=True)
    overview.add_column(overflow="fold")
    fields: list[tuple[str, Text | None]] = [
        ("company", text(case.company, lang) if case.company else None),
        ("status", _status(case.status, lang)),
        ("region", Text(case.region) if case.region else None),
        ("tags", Text(", ".join(case.tags)) if case.tags else None),
        ("launched", Text(case.launched.display()) if case.launched else None),
        ("ended", _when(finish.date, lang, finish.scheduled) if finish else None),
        ("lifespan", _span(lifespan, lang, derive.lifespan_scheduled(case)) if lifespan else None),
        ("notice_period", _span(notice, lang, derive.notice_scheduled(case)) if notice else None),
        ("as_of", Text(case.as_of.display()) if case.as_of else None),
        ("reason", text(case.reason, lang) if case.reason else None),
    ]
    for key, value in fields:
        if value is not None:
            overview.add_row(Text(label(key, lang)), value)
    parts += [_heading(label("overview", lang)), WholeWords(overview, frame=4)]  # padding 2 either side of the gap

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
            name = text(value.label, lang) if isinstance(value, Fact) and value.label else Text(model_label(key, lang))
            dims.add_row(
                name,
                _cell(shown, note=False, lang=lang),
                Text(shown.note or "" if shown else "", style="dim"),
                Text(", ".join(shown.sources) if shown else "", style="dim cyan"),
            )
        parts.append(WholeWords(dims))

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
                parts.append(Padding(Paragraph(notes), (0, 0, 0, 3)))
    return Group(*(Paragraph(part) if isinstance(part, Text) else part for part in parts))
