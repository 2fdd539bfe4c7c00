"""A text table of light cells, written as lines of strings: `casetui list` on 10,000 cases.

Rich's `Text` and `Segment` cost microseconds a cell and its `Console` tens of milliseconds to
import, while the list's cells are short strings in a handful of styles. Here a cell is a string
or a few `(text, style)` runs, the table is laid out by the same rules as `render.grid` (no id or
word split, a block per row when the terminal is too narrow) and written as one string, its
styles as escape codes worked out once per style. Rich can still print a `Grid` (tests compare
the two).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from rich.cells import cell_len

from casetui.render.measure import EDGE, GAP, fit_widths, measure_column, width_of, wrapped_spans
from casetui.sanitize import clean

TYPE_CHECKING = False  # typing's flag, without importing typing (see casetui.record)
if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderResult
    from rich.measure import Measurement

Run = tuple[str, str]
"""Text and the Rich style it is shown in (`""` for none)."""
Cell = str | tuple[Run, ...]
"""A cell: a plain string, or runs of differently styled text."""

_SGR = {
    **{"bold": 1, "dim": 2, "italic": 3, "underline": 4, "reverse": 7, "strike": 9},
    **{"black": 30, "red": 31, "green": 32, "yellow": 33, "blue": 34, "magenta": 35, "cyan": 36, "white": 37},
}
"""The parameters of the style words casetui's tables use: attributes and named colours, which every
colour system writes alike."""
RESET = "\x1b[0m"
NARROWEST = 8
"""The fewest cells a column that wraps may have (four Chinese characters, a short word) before rows become blocks."""


def escape_code(style: str) -> str:
    """The escape code that turns `style` (words such as `bold yellow`) on, as Rich writes it."""
    try:
        return "\x1b[" + ";".join(str(code) for code in sorted(_SGR[word] for word in style.split())) + "m"
    except KeyError:  # another colour (`bright_red`, `#ff8800`): Rich's code for it among the 16 all terminals show
        from rich.color import ColorSystem
        from rich.style import Style

        return Style.parse(style).render("\0", color_system=ColorSystem.STANDARD).split("\0")[0]


class Codes(dict[str, str]):
    """Each style's escape code, worked out when the style is first met."""

    def __missing__(self, style: str) -> str:
        code = self[style] = escape_code(style) if style else ""
        return code


def _plain(cell: Cell) -> str:
    return cell if type(cell) is str else "".join(text for text, _ in cell)


def _runs(cell: Cell) -> tuple[Run, ...]:
    return ((cell, ""),) if type(cell) is str else cell


def _cut(runs: Sequence[Run], start: int, end: int) -> list[Run]:
    """The runs covering characters `start` to `end` of their joined text."""
    out: list[Run] = []
    position = 0
    for text, style in runs:
        left, right = max(start - position, 0), min(end - position, len(text))
        if left < right:
            out.append((text[left:right], style))
        position += len(text)
    return out


def _paint(runs: Iterable[Run], codes: Codes | None) -> str:
    if codes is None:
        return "".join([text for text, _ in runs])
    return "".join([codes[style] + text + RESET if style and text else text for text, style in runs])


class Grid:
    """A table of light cells whose columns never split an id or a word (see the module's docstring)."""

    def __init__(self, *headers: str, no_wrap: Iterable[int] = ()) -> None:
        self.headers: tuple[Cell, ...] = tuple(((header, "bold"),) for header in headers)
        self.no_wrap = frozenset(no_wrap)
        """Columns (by position) that never wrap: ids."""
        self.rows: list[tuple[Cell, ...]] = []
        self.plains: list[tuple[str, ...]] = []
        """Each row's text without styles."""
        self._bounds: list[tuple[int, int]] | None = None

    def add_row(self, *cells: Cell) -> None:
        plains = tuple(map(_plain, cells))
        if not "".join(plains).isprintable():  # a tab, a newline or worse: as `casetui.sanitize` shows them
            cells = tuple(_clean(cell) for cell in cells)
            plains = tuple(map(_plain, cells))
        self.rows.append(cells)
        self.plains.append(plains)
        self._bounds = None

    def bounds(self) -> list[tuple[int, int]]:
        """Each column's (minimum, maximum) width in cells, without padding."""
        if self._bounds is None:
            headers = [_plain(header) for header in self.headers]
            columns = zip(*self.plains, strict=True) if self.plains else [()] * len(headers)
            self._bounds = [
                measure_column([header, *column], index in self.no_wrap)
                for index, (header, column) in enumerate(zip(headers, columns, strict=True))
            ]
        return self._bounds

    def natural_width(self) -> int:
        """The width at which no cell wraps."""
        bounds = self.bounds()
        return sum(high for _, high in bounds) + 2 * EDGE + GAP * (len(bounds) - 1)

    def widths(self, width: int) -> list[int] | None:
        """Column widths for a table `width` cells wide; None when each row is better shown as a block.

        That is when whole words do not fit, or when a column that wraps would get under
        `NARROWEST` cells: three Chinese characters a line (`工信` / `部；阿` / `里、腾`) read worse
        than a block.
        """
        bounds = self.bounds()
        widths = fit_widths(bounds, width)
        if widths is None or any(room < min(high, NARROWEST) for room, (_, high) in zip(widths, bounds, strict=True)):
            return None
        return widths

    # -- writing -------------------------------------------------------------------------------

    def plain_text(self, width: int) -> str:
        """The table `width` cells wide, without styles or trailing spaces: for a pipe."""
        return "".join(line.rstrip() + "\n" for line in self._lines(width, None))

    def ansi_text(self, width: int) -> str:
        """The table `width` cells wide with its styles as escape codes: for a terminal."""
        return "".join(line + "\n" for line in self._lines(width, Codes()))

    def _lines(self, width: int, codes: Codes | None) -> Iterator[str]:
        widths = self.widths(width)
        if widths is None:
            for line in self._blocks(width):
                yield _paint(line, codes)
            return
        for line in self._row_lines(self.headers, widths):
            yield _paint(line, codes)
        yield "─" * (sum(widths) + 2 * EDGE + GAP * (len(widths) - 1))
        edge, last = " " * EDGE, len(widths) - 1
        for row, plains in zip(self.rows, self.plains, strict=True):
            # Nearly every row fits on one line: written straight out, a cell and its padding at a time.
            parts = [edge]
            for column, (cell, plain, room) in enumerate(zip(row, plains, widths, strict=True)):
                size = len(plain) if plain.isascii() else cell_len(plain)
                if size > room or "\n" in plain:
                    break
                parts.append(plain if codes is None or type(cell) is str else _paint(cell, codes))
                parts.append(" " * (room - size + (GAP if column < last else EDGE)))
            else:
                yield "".join(parts)
                continue
            for line in self._row_lines(row, widths):
                yield _paint(line, codes)

    def _row_lines(self, row: Sequence[Cell], widths: Sequence[int]) -> list[list[Run]]:
        """A row's lines: each cell broken to its column's width and padded to it."""
        cells = [self._cell_lines(cell, width) for cell, width in zip(row, widths, strict=True)]
        height = max(len(lines) for lines in cells)
        out = []
        for line_no in range(height):
            line: list[Run] = [(" " * EDGE, "")]
            for column, (lines, width) in enumerate(zip(cells, widths, strict=True)):
                if column:
                    line.append((" " * GAP, ""))
                runs, size = lines[line_no] if line_no < len(lines) else ([], 0)
                line += runs
                line.append((" " * (width - size), ""))
            line.append((" " * EDGE, ""))
            out.append(line)
        return out

    @staticmethod
    def _cell_lines(cell: Cell, width: int) -> list[tuple[list[Run], int]]:
        """A cell's lines at most `width` cells wide, each with its width."""
        plain, runs = _plain(cell), _runs(cell)
        return [(_cut(runs, start, end), width_of(plain[start:end])) for start, end in wrapped_spans(plain, width)]

    def _blocks(self, width: int) -> Iterator[Sequence[Run]]:
        """Each row as its id, then a `header  value` line per cell: for a terminal too narrow for whole words."""
        names = [_plain(header).split("\n")[-1] for header in self.headers[1:]]
        columns = list(zip(*self.plains, strict=True))[1:] if self.plains else []
        longest = max((measure_column(column)[0] for column in columns), default=0)
        indent = max(min(max((cell_len(name) for name in names), default=0) + 4, width // 2, width - longest), 2)
        room = max(width - indent, 8)
        # What goes before a value: its column's name, or spaces below a name too long for the indent,
        # which takes a line of its own.
        blank = ("  " + " " * (indent - 2), "dim")
        own_line = [(("  " + name, "dim"),) if cell_len(name) + 3 > indent else None for name in names]
        labels = [
            blank if own else ("  " + name + " " * (indent - 2 - cell_len(name)), "dim")
            for name, own in zip(names, own_line, strict=True)
        ]
        for index, (row, plains) in enumerate(zip(self.rows, self.plains, strict=True)):
            if index:
                yield ()
            if plains[0].strip():
                yield from self._fitted_lines(row[0], plains[0], width)
            for own, label, cell, plain in zip(own_line, labels, row[1:], plains[1:], strict=True):
                if not plain.strip():
                    continue
                if own is not None:
                    yield own
                if "\n" not in plain and (len(plain) if plain.isascii() else cell_len(plain)) <= room:
                    yield (label, *_runs(cell))  # as nearly every value does: it fits
                    continue
                for runs in self._fitted_lines(cell, plain, room):
                    yield (label, *runs)
                    label = blank

    def _fitted_lines(self, cell: Cell, plain: str, width: int) -> Iterable[Sequence[Run]]:
        """A cell's lines at most `width` cells wide: the cell itself when it fits, as nearly all do."""
        if "\n" not in plain and (len(plain) if plain.isascii() else cell_len(plain)) <= width:
            return (_runs(cell),)
        return [runs for runs, _ in self._cell_lines(cell, width)]

    # -- Rich --------------------------------------------------------------------------------

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        from rich.measure import Measurement

        bounds = self.bounds()
        frame = 2 * EDGE + GAP * (len(bounds) - 1)
        return Measurement(sum(low for low, _ in bounds) + frame, self.natural_width())

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        from rich.segment import Segment

        width = options.max_width
        widths = self.widths(width)
        if widths is None:
            lines: Iterable[Sequence[Run]] = self._blocks(width)
        else:
            rule = [("─" * (sum(widths) + 2 * EDGE + GAP * (len(widths) - 1)), "")]
            lines = [
                *self._row_lines(self.headers, widths),
                rule,
                *(line for row in self.rows for line in self._row_lines(row, widths)),
            ]
        for line in lines:
            for text, style in line:
                if text:
                    yield Segment(text, console.get_style(style) if style else None)
            yield Segment.line()


def _clean(cell: Cell) -> Cell:
    """`cell` with tabs as spaces and control characters shown as escapes, so that no terminal acts on them."""
    if type(cell) is str:
        return clean(cell).replace("\t", " ")
    return tuple((clean(text).replace("\t", " "), style) for text, style in cell)
