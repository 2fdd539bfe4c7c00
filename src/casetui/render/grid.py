"""Rich tables and text that never split an id or a word: the comparison, a case's model, its paragraphs.

Rich's `Table` squeezes the widest columns when a table is too wide, whatever they hold, so an id
or a word is cut mid-way (`kuaisho` / `u-self-` / `operate` / `d`). Here each column gets widths
that keep its words whole (`render.measure`), each cell breaks only at spaces or beside a CJK
character (`wrap_whole`), and a table that cannot fit at those widths is shown as a block of
`header  value` lines per row instead, so no word is lost. `casetui list`, too long for Rich's
per-cell work, is laid out by `render.lines` by the same rules.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.segment import Segment
from rich.table import Table
from rich.text import Text

from casetui.render.measure import break_offsets, fit_widths, line_width, measure_column, width_of, word_width


def wrap_whole(cell: Text, width: int) -> list[Text]:
    """`cell`'s lines at most `width` cells wide, broken only at spaces or beside a CJK character (as Chinese
    custom allows: see `render.measure.break_offsets`).

    Rich wraps at spaces and folds a longer run anywhere, which cuts a word held in CJK text
    (`（2021）`); here only a word longer than the whole line is folded.
    """
    lines: list[Text] = []
    for line in cell.split("\n", allow_blank=True):
        plain = line.plain
        if width_of(plain) <= width:
            lines.append(line)
            continue
        offsets = break_offsets(plain, width)
        for part in line.divide(offsets):
            part.rstrip()
            lines.append(part)
    return lines


def prewrapped(cell: Text, width: int) -> Text:
    """`cell` broken into lines by `wrap_whole` when it is wider than `width`, so that Rich need not wrap it."""
    if line_width(cell.plain) <= width:
        return cell
    return Text("\n").join(wrap_whole(cell, width))


def column_bounds(
    headers: Sequence[Text], rows: Sequence[Sequence[Text]], no_wrap: Iterable[int]
) -> list[tuple[int, int]]:
    """Each column's (minimum, maximum) width in cells, without padding: its longest word, its widest line."""
    fixed = set(no_wrap)
    return [
        measure_column([header.plain, *(row[column].plain for row in rows)], column in fixed)
        for column, header in enumerate(headers)
    ]


def blocks(
    console: Console, width: int, headers: Sequence[Text], rows: Sequence[Sequence[Text]], title_columns: int = 1
) -> RenderResult:
    """A table too narrow for whole words: each row as its first cells (`title_columns`), then `header  value` lines."""
    # A header of several lines (a case's name over its id) is named by its last line.
    names = [name.plain.split("\n")[-1] for name in headers[title_columns:]]
    longest = max((word_width(cell.plain) for row in rows for cell in row[title_columns:]), default=0)
    indent = max(min(max((cell_len(name) for name in names), default=0) + 4, width // 2, width - longest), 2)
    room = max(width - indent, 8)
    dim = console.get_style("dim")
    for index, row in enumerate(rows):
        if index:
            yield Segment.line()
        title = Text(" ").join(cell for cell in row[:title_columns] if cell.plain.strip())
        for line in wrap_whole(title, width):
            yield from _styled(line, console)
            yield Segment.line()
        for name, cell in zip(names, row[title_columns:], strict=True):
            if not cell.plain.strip():
                continue
            label = name
            if cell_len(name) + 3 > indent:  # a long name (an id) gets a line of its own
                yield Segment("  " + name, dim)
                yield Segment.line()
                label = ""
            for line in wrap_whole(cell, room):
                yield Segment("  " + label + " " * (indent - 2 - cell_len(label)), dim)
                yield from _styled(line, console)
                yield Segment.line()
                label = ""


class WholeWords:
    """A Rich `Table` given column widths that keep every word whole, or shown as blocks when none can.

    For the small tables (a comparison, a case's model): Rich lays each out at the widths given.
    """

    def __init__(self, table: Table, title_columns: int = 1, frame: int | None = None) -> None:
        self.table = table
        self.frame = frame
        """Cells the table adds between and around its columns, when not a `Grid`'s (a `Table.grid`'s padding)."""
        self.title_columns = title_columns
        """How many leading columns name a row when it is shown as a block: `≠ Name` in a comparison."""
        self._cells = [[_as_text(cell) for cell in column._cells] for column in table.columns]
        """The cells as written: each render breaks them anew for its width."""

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement.get(console, options, self.table)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        table = self.table
        headers = [_as_text(column.header) for column in table.columns]
        rows = [[column[row] for column in self._cells] for row in range(table.row_count)]
        no_wrap = [index for index, column in enumerate(table.columns) if column.no_wrap]
        widths = fit_widths(column_bounds(headers, rows, no_wrap), options.max_width, self.frame)
        if widths is None:
            yield from blocks(console, options.max_width, headers, rows, self.title_columns)
            return
        for column, header, cells, width in zip(table.columns, headers, self._cells, widths, strict=True):
            column.width = max(width, 1)
            column.header = prewrapped(header, width)
            column._cells = [prewrapped(cell, width) for cell in cells]
        yield table


def _styled(line: Text, console: Console) -> Iterable[Segment]:
    """`line`'s segments in its own style too: `Text.render` leaves that to its caller when the text has no spans."""
    return Text("\n").join([line]).render(console)


def _as_text(renderable: object) -> Text:
    return renderable if isinstance(renderable, Text) else Text(str(renderable))


class Paragraph:
    """A `Text` broken into lines by `wrap_whole` at the width it is printed at, rather than by Rich's fold."""

    def __init__(self, text: Text) -> None:
        self.text = text

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement.get(console, options, self.text)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        for line in wrap_whole(self.text, options.max_width):
            yield from _styled(line, console)
            yield Segment.line()
