"""Text tables that never split an id or a word, laid out in one pass: fast enough for 10,000 rows.

Rich's `Table` squeezes the widest columns when a table is too wide, whatever they hold, so an id
or a word is cut mid-way (`kuaisho` / `u-self-` / `operate` / `d`); and it measures and renders
every cell through several layers, seconds for `casetui list` on 10,000 cases. Here each cell is
measured once with `cell_len`: a column needs at least its longest word (a column of ids: its
widest cell) and at most its widest line. When the table fits at those minimums, the room left
goes to the columns with the most to gain and each cell breaks only at spaces or beside a CJK
character (`wrap_whole`); when it cannot, each row is shown as a block of `header  value` lines
instead, so no word is lost. Cells that fit their column on one line, nearly all, are written out
as they are.

A long run of CJK characters has no spaces and may break between any two of them, so in it only
its Latin letters and digits count as a word; a short one (a label, a status) stays whole.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.segment import Segment, Segments
from rich.style import Style
from rich.table import Table
from rich.text import Text

from casetui.linebreak import wrap_offsets

GAP = 3
"""Cells between two columns: a space of padding either side and a space between (Rich's SIMPLE_HEAD)."""
EDGE = 1
"""The padding before the first column and after the last."""
SHORT_CJK = 10
"""A token with CJK text up to this many cells stays whole: a label or a status (`已关停`), not a sentence."""
_LATIN = re.compile(r"[\x21-\x7e\u00a0-\u024f]+")
"""Runs that must stay whole inside a token that also holds CJK text: its Latin words, numbers, ids."""
_UNIT = re.compile(r"[ \t]+|[\x21-\x7e\u00a0-\u024f]+|.")
"""What a line breaks between: a run of spaces, a Latin word (or id, number), or one other character (CJK)."""


def width_of(plain: str) -> int:
    """`cell_len`, without its work for the ASCII text most cells hold."""
    return len(plain) if plain.isascii() else cell_len(plain)


def word_width(plain: str) -> int:
    """The widest thing in `plain` that must not be split: its longest word, in cells."""
    if plain.isascii():
        return max(map(len, plain.split()), default=0)
    widest = 0
    for token in plain.split():
        size = cell_len(token)
        if size > SHORT_CJK and not token.isascii():
            size = max((len(run) for run in _LATIN.findall(token)), default=2)
        widest = max(widest, size)
    return widest


def line_width(plain: str) -> int:
    """The widest line of `plain`, in cells."""
    return max(width_of(line) for line in plain.split("\n")) if "\n" in plain else width_of(plain)


def wrap_whole(cell: Text, width: int) -> list[Text]:
    """`cell`'s lines at most `width` cells wide, broken only at spaces or beside a CJK character.

    Rich wraps at spaces and folds a longer run anywhere, which cuts a word held in CJK text
    (`（2021）`); here only a word longer than the whole line is folded.
    """
    lines: list[Text] = []
    for line in cell.split("\n", allow_blank=True):
        plain = line.plain
        if width_of(plain) <= width:
            lines.append(line)
            continue
        if not plain.isascii():
            # Chinese custom too: no line begins with `，。）」` nor ends with `（「` (as the app wraps).
            for part in line.divide(wrap_offsets(plain, width, width_of)):
                part.rstrip()
                lines.append(part)
            continue
        offsets: list[int] = []
        used = 0
        for unit in _UNIT.finditer(plain):
            start, end = unit.span()
            size = width_of(unit.group())
            if unit.group().isspace():
                if used + size > width:
                    offsets.append(end)
                    used = 0
                else:
                    used += size
                continue
            if used and used + size > width:
                offsets.append(start)
                used = 0
            while size > width:  # a word longer than the line: folded, as nothing else can be done
                start += _fit_chars(plain[start:end], width)
                offsets.append(start)
                size = width_of(plain[start:end])
            used += size
        for part in line.divide(offsets):
            part.rstrip()
            lines.append(part)
    return lines


def _fit_chars(word: str, width: int) -> int:
    """How many characters of `word` fit in `width` cells (at least one)."""
    used = 0
    for index, char in enumerate(word):
        used += width_of(char)
        if used > width:
            return max(index, 1)
    return len(word)


def prewrapped(cell: Text, width: int) -> Text:
    """`cell` broken into lines by `wrap_whole` when it is wider than `width`, so that Rich need not wrap it."""
    if line_width(cell.plain) <= width:
        return cell
    return Text("\n").join(wrap_whole(cell, width))


def fit_widths(bounds: Sequence[tuple[int, int]], room: int, frame: int | None = None) -> list[int] | None:
    """Column widths (without padding) within `room` cells, each at least its minimum; None if they cannot fit.

    `bounds` are each column's (minimum, maximum); `frame` the cells between and around the columns
    (a `Grid`'s by default). Every column gets its maximum when they all
    fit; otherwise each starts at its minimum and the room left goes, a cell at a time, to the
    column furthest below its maximum (so the long prose columns share it).
    """
    room -= 2 * EDGE + GAP * (len(bounds) - 1) if frame is None else frame
    if sum(high for _, high in bounds) <= room:
        return [high for _, high in bounds]
    widths = [low for low, _ in bounds]
    spare = room - sum(widths)
    if spare < 0:
        return None
    wanting = [i for i, (low, high) in enumerate(bounds) if high > low]
    while spare > 0 and wanting:
        column = max(wanting, key=lambda i: bounds[i][1] - widths[i])
        widths[column] += 1
        spare -= 1
        if widths[column] >= bounds[column][1]:
            wanting.remove(column)
    return widths


def column_bounds(
    headers: Sequence[Text], rows: Sequence[Sequence[Text]], no_wrap: Iterable[int]
) -> list[tuple[int, int]]:
    """Each column's (minimum, maximum) width in cells, without padding: its longest word, its widest line."""
    fixed = set(no_wrap)
    bounds = []
    for column, header in enumerate(headers):
        cells = [header.plain, *(row[column].plain for row in rows)]
        high = max(line_width(plain) for plain in cells)
        low = high if column in fixed else max(word_width(plain) for plain in cells)
        bounds.append((low, high))
    return bounds


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
            yield from line.render(console)
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
                yield from line.render(console)
                yield Segment.line()
                label = ""


class Grid:
    """A table of `Text` cells, laid out with whole words (see the module's docstring)."""

    def __init__(self, *headers: str, no_wrap: Iterable[int] = ()) -> None:
        self.headers = tuple(Text(header, style="bold") for header in headers)
        self.no_wrap = frozenset(no_wrap)
        """Columns (by position) that never wrap: ids."""
        self.rows: list[tuple[Text, ...]] = []
        self._bounds: list[tuple[int, int]] | None = None

    def add_row(self, *cells: Text) -> None:
        self.rows.append(cells)
        self._bounds = None

    def bounds(self) -> list[tuple[int, int]]:
        """Each column's (minimum, maximum) width in cells, without padding."""
        if self._bounds is None:
            self._bounds = column_bounds(self.headers, self.rows, self.no_wrap)
        return self._bounds

    def plain_text(self, width: int) -> str:
        """The table as plain lines (no styles, no trailing spaces) for a pipe: as it prints, faster."""
        widths = fit_widths(self.bounds(), width)
        console = Console(width=width, no_color=True, color_system=None, markup=False, highlight=False, emoji=False)
        if widths is None:
            with console.capture() as capture:
                console.print(self)
            return "".join(line.rstrip() + "\n" for line in capture.get().splitlines())
        gap, edge = " " * GAP, " " * EDGE
        lines = []
        for row in (self.headers, *self.rows):
            cells: list[str] | None = []
            for cell, room in zip(row, widths, strict=True):
                plain = cell.plain
                size = width_of(plain)
                if size > room or "\n" in plain:
                    cells = None
                    break
                cells.append(plain + " " * (room - size))
            if cells is None:  # a cell wraps: the row is laid out as in a terminal
                with console.capture() as capture:
                    console.print(Segments(list(self._row(console, row, widths, {}))))
                lines += [line.rstrip() for line in capture.get().splitlines()]
            else:
                lines.append((edge + gap.join(cells)).rstrip())
            if row is self.headers:
                lines.append("─" * (sum(widths) + 2 * EDGE + GAP * (len(widths) - 1)))
        return "".join(line + "\n" for line in lines)

    def ansi_text(self, console: Console) -> str:
        """The table as a terminal shows it, its styles as escape codes, written without Rich's per-line work.

        Every line already fits the width, so the cropping and padding Rich's `print` does for each
        of 10,000 lines is skipped: each segment's style is rendered (Rich caches the codes) and joined.
        """
        system = console._color_system  # None: no colour at all
        if system is None:
            return self.plain_text(console.width)
        return "".join(
            segment.style.render(segment.text, color_system=system) if segment.style else segment.text
            for segment in self.__rich_console__(console, console.options)
        )

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        bounds = self.bounds()
        frame = 2 * EDGE + GAP * (len(bounds) - 1)
        return Measurement(sum(low for low, _ in bounds) + frame, sum(high for _, high in bounds) + frame)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        widths = fit_widths(self.bounds(), options.max_width)
        if widths is None:
            yield from blocks(console, options.max_width, self.headers, self.rows)
            return
        styles: dict[str, Style] = {}
        yield from self._row(console, self.headers, widths, styles)
        yield Segment("─" * (sum(widths) + 2 * EDGE + GAP * (len(widths) - 1)))
        yield Segment.line()
        last = len(widths) - 1
        edge, new_line = Segment(" " * EDGE), Segment.line()
        for row in self.rows:
            # Most rows fit on one line: a segment a cell, its padding and the gap after it in the
            # cell's own style (spaces show no colour), so that Rich has few segments to write.
            line = [edge]
            for column, (cell, width) in enumerate(zip(row, widths, strict=True)):
                plain = cell.plain
                size = width_of(plain)
                if cell.spans or size > width or "\n" in plain:
                    line = None
                    break
                style = styles.get(str(cell.style))
                if style is None:
                    style = styles[str(cell.style)] = console.get_style(cell.style) if cell.style else Style.null()
                gap = width - size + (GAP if column < last else EDGE)
                line.append(Segment(plain + " " * gap, style))
            if line is None:
                yield from self._row(console, row, widths, styles)
            else:
                yield from line
                yield new_line

    def _row(
        self, console: Console, row: Sequence[Text], widths: Sequence[int], styles: dict[str, Style]
    ) -> Iterable[Segment]:
        """One row: each cell padded to its column, wrapped ones line by line."""
        cells = [self._lines(console, cell, width, styles) for cell, width in zip(row, widths, strict=True)]
        height = max(len(lines) for lines in cells)
        blank = [[Segment(" " * width)] for width in widths]
        for line_no in range(height):
            yield Segment(" " * EDGE)
            for column, lines in enumerate(cells):
                if column:
                    yield Segment(" " * GAP)
                yield from lines[line_no] if line_no < len(lines) else blank[column]
            yield Segment(" " * EDGE)
            yield Segment.line()

    def _lines(self, console: Console, cell: Text, width: int, styles: dict[str, Style]) -> list[list[Segment]]:
        """The lines of a cell, each exactly `width` cells wide."""
        plain = cell.plain
        size = width_of(plain)
        if size <= width and "\n" not in plain:
            if cell.spans:
                return [[*cell.render(console), Segment(" " * (width - size))]]
            style = styles.get(str(cell.style))
            if style is None:
                style = styles[str(cell.style)] = console.get_style(cell.style) if cell.style else Style.null()
            return [[Segment(plain, style), Segment(" " * (width - size))]]
        return [
            [*line.render(console), Segment(" " * (width - cell_len(line.plain)))] for line in wrap_whole(cell, width)
        ]


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
            yield from line.render(console)
            yield Segment.line()
