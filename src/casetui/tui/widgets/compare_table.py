"""The comparison grid: one column per case, one row per field, differing cells marked.

Rows come from `casetui.compare.compare` (shared with `casetui compare`), never recomputed here.
Every cell is literal text (a plain string would be read as markup by the DataTable), wrapped in
its column and never cut: rows grow to hold it. The table never scrolls sideways (the DataTable
draws a scrolled-off cell over its fixed Field column): the cases that fit are shown, and moving
the cursor past the last one (or the first) slides that window along the cases.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual import events
from textual.coordinate import Coordinate
from textual.widgets import DataTable

from casetui.compare import Row, compare
from casetui.model import Case
from casetui.tui import safe
from casetui.tui.labels import is_zh
from casetui.tui.widgets.badges import scheduled
from casetui.tui.wrapping import Wrapped
from casetui.values import Shown

MAX_CELL = 40
"""The widest a case column grows; longer values wrap within it."""
MIN_CELL = 22
"""The narrowest a case column shrinks before fewer cases are shown at once (two fit at 80 columns)."""
MAX_LABEL = 32
"""The widest the Field column grows; longer labels wrap within it."""
MIN_LABEL = 12
CELL_PADDING = 2
"""The DataTable's blank cell on each side of a column."""

DIFF_STYLE = Style(color="#d08a1c")
"""A value that differs (from the baseline, or from the other cases)."""
BASELINE_STYLE = Style(color="#4a8fd4")
"""A value in the pinned baseline column."""
MISSING = "—"
GROUP_KEY = "group:"
"""Row keys of section headings start with this; every other row key is a `Row.key`."""

_GROUPS: dict[str, tuple[str, str]] = {
    "case": ("Case", "案例"),
    "model": ("Business model", "商业模式"),
    "derived": ("Derived", "推导值"),
}
_WORDS: dict[str, tuple[str, str]] = {
    "field": ("Field", "字段"),
    "baseline": ("baseline", "基准"),
}


def _word(table: dict[str, tuple[str, str]], key: str, lang: str) -> str:
    pair = table.get(key, (key, key))
    return pair[1] if is_zh(lang) else pair[0]


class Columns(NamedTuple):
    """How the table uses its width: the Field column, each case column, and how many cases fit."""

    label: int
    cell: int
    fit: int


def fit_columns(width: int, cases: int, label_natural: int) -> Columns:
    """Column widths for a table `width` cells wide: as many cases as fit at `MIN_CELL`, sharing what is left."""
    label = max(MIN_LABEL, min(label_natural, MAX_LABEL, width // 4))
    room = width - label - CELL_PADDING
    fit = max(1, min(cases, room // (MIN_CELL + CELL_PADDING)))
    cell = max(MIN_CELL // 2, min(MAX_CELL, room // fit - CELL_PADDING))
    return Columns(label, cell, fit)


def cell_text(cell: Shown | None, differs: bool, baseline: bool, lang: str = "en") -> Text:
    """One value as literal text, whole, styled by how it compares."""
    if cell is None:
        return Text(MISSING, style="dim")
    text = Text(" ".join(cell.display.split()) if "\n" in cell.display else cell.display)
    if cell.fallback:
        text.stylize(safe.FALLBACK_STYLE)
    if differs:
        text.stylize(DIFF_STYLE)
    elif baseline:
        text.stylize(BASELINE_STYLE)
    scheduled(text, cell.scheduled, lang)
    return text


class CompareTable(DataTable[Text | Wrapped]):
    """The rows of `compare(cases, lang, baseline)`, optionally only those that differ."""

    DEFAULT_CSS = """
    CompareTable {
        height: 1fr;
    }
    """

    def __init__(self, cases: Sequence[Case], *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="cell", fixed_columns=1, zebra_stripes=True)
        self.cases = list(cases)
        self.baseline: int | None = None
        """Index of the pinned case, or None to compare every case with the others."""
        self.only_differences = False
        """Whether rows whose values are all equal are hidden."""
        self.lang = "en"
        self.rows_shown: list[Row] = []
        """The compared rows on screen, in order (section headings excluded)."""
        self.total_rows = 0
        """How many rows `compare` returned, shown or not."""
        self.first = 0
        """Index of the first case shown: the cases from here that fit the width are on screen."""
        self._columns = Columns(MAX_LABEL, MAX_CELL, len(self.cases))
        self._by_key: dict[str, Row] = {}

    @property
    def shown(self) -> range:
        """Indices of the cases on screen, left to right."""
        return range(self.first, min(self.first + self._columns.fit, len(self.cases)))

    @property
    def case_index(self) -> int | None:
        """The case under the cursor, or None on the Field column."""
        column = self.cursor_column - 1
        return self.first + column if 0 <= column < len(self.shown) else None

    def _fit(self) -> Columns:
        rows = compare(self.cases, self.lang, self.baseline) if not self._by_key else self.rows_shown
        natural = max((cell_len(row.label) + 2 for row in rows), default=MIN_LABEL)
        # The vertical scrollbar's room is kept whether or not it shows: rows grow as they wrap.
        width = (self.size.width or self.app.size.width) - self.styles.scrollbar_size_vertical
        return fit_columns(width, len(self.cases), natural)

    def on_resize(self, _event: events.Resize) -> None:
        columns = self._fit()
        if columns != self._columns:
            self.rebuild()

    def rebuild(self, lang: str | None = None) -> None:
        """Recompute the rows and redraw, keeping the cursor on the same row and column."""
        if lang is not None:
            self.lang = lang
        lang = self.lang
        keep_row = self._key_at(self.cursor_row) if self.row_count else None
        keep_column = self.cursor_column
        rows = compare(self.cases, lang, self.baseline)
        self.total_rows = len(rows)
        self.rows_shown = [row for row in rows if row.differs or not self.only_differences]
        self._by_key = {row.key: row for row in self.rows_shown}
        self._columns = columns = self._fit()
        self.first = max(0, min(self.first, len(self.cases) - columns.fit))
        self.clear(columns=True)
        self.add_column(self._field_header(lang), key="label", width=columns.label)
        for index in self.shown:
            self.add_column(self._header(index, self.cases[index], lang), key=f"case-{index}", width=columns.cell)
        group = None
        blank = [Text() for _ in self.shown]
        for row in self.rows_shown:
            if row.group != group:
                group = row.group
                heading = Text(_word(_GROUPS, group, lang).upper(), style="bold #9b6ad1")
                self.add_row(heading, *blank, key=GROUP_KEY + group)
            self.add_row(Wrapped(self._label(row)), *self._cells(row), key=row.key, height=None)
        self._restore_cursor(keep_row, min(keep_column, len(self.shown)))

    def _field_header(self, lang: str) -> Text:
        """The Field header, with where the cases on screen are among all of them when not all fit."""
        header = Text(_word(_WORDS, "field", lang), style="bold")
        shown, total = self.shown, len(self.cases)
        if len(shown) < total:
            header.append(" ◀" if shown.start > 0 else "  ", style="#4a8fd4")
            header.append(f" {shown.start + 1}-{shown.stop}/{total} ", style="dim")
            header.append("▶" if shown.stop < total else "", style="#4a8fd4")
        return header

    def action_cursor_right(self) -> None:
        """Right; past the last case on screen, the next case slides in."""
        if self.cursor_column == len(self.shown) and self.shown.stop < len(self.cases):
            self.first += 1
            self.rebuild()
            return
        super().action_cursor_right()

    def action_cursor_left(self) -> None:
        """Left; past the first case on screen, the one before slides in (then the Field column)."""
        if self.cursor_column == 1 and self.first > 0:
            self.first -= 1
            self.rebuild()
            return
        super().action_cursor_left()

    def _header(self, index: int, case: Case, lang: str) -> Text:
        """The case's name, cut to the column: the title line above the table has every name whole."""
        name = safe.localized(case.name, lang, style="bold")
        if index == self.baseline:
            name = Text.assemble(("◆ ", "bold #4a8fd4"), name, (f" ({_word(_WORDS, 'baseline', lang)})", "#4a8fd4"))
        name.truncate(self._columns.cell, overflow="ellipsis")
        return name

    @staticmethod
    def _label(row: Row) -> Text:
        label = Text()
        label.append("≠ " if row.differs else "  ", style=DIFF_STYLE)
        label.append(row.label, style="bold" if row.differs else "")
        return label

    def _cells(self, row: Row) -> list[Wrapped]:
        baseline = self.baseline
        return [Wrapped(cell_text(row.cells[i], row.cell_differs[i], i == baseline, self.lang)) for i in self.shown]

    def _key_at(self, row_index: int) -> str | None:
        if not 0 <= row_index < self.row_count:
            return None
        return self.coordinate_to_cell_key(Coordinate(row_index, 0)).row_key.value

    def _restore_cursor(self, row_key: str | None, column: int) -> None:
        row = 0
        if row_key is not None and row_key in self.rows:
            row = self.get_row_index(row_key)
        elif self.row_count > 1:
            row = 1  # The first value row, under its heading.
        # Start on the first case rather than on the labels, so the detail line shows a value.
        self.move_cursor(row=row, column=max(column, 1), animate=False)

    def row_at(self, row_index: int) -> Row | None:
        """The compared row at a table row, or None on a heading."""
        key = self._key_at(row_index)
        return self._by_key.get(key) if key is not None else None

    def toggle_differences(self) -> None:
        """Show only the rows that differ, or every row again."""
        self.only_differences = not self.only_differences
        self.rebuild()

    def pin_baseline(self) -> bool:
        """Pin the case under the cursor as the baseline, or unpin it; False on the label column."""
        index = self.case_index
        if index is None:
            return False
        self.baseline = None if index == self.baseline else index
        self.rebuild()
        return True

    def next_difference(self) -> bool:
        """Move the cursor to the next row that differs, wrapping round; False when none does."""
        count = self.row_count
        for step in range(1, count + 1):
            index = (self.cursor_row + step) % count
            row = self.row_at(index)
            if row is not None and row.differs:
                self.move_cursor(row=index, animate=False)
                return True
        return False
