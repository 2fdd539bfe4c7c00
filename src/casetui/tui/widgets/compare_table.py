"""The comparison grid: one column per case, one row per field, differing cells marked.

Rows come from `casetui.compare.compare` (shared with `casetui compare`), never recomputed here.
Every cell is a rich `Text`: a plain string would be read as markup by the DataTable.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.style import Style
from rich.text import Text
from textual.coordinate import Coordinate
from textual.widgets import DataTable

from casetui.compare import Row, compare
from casetui.model import Case
from casetui.tui import safe
from casetui.tui.labels import is_zh
from casetui.tui.widgets.badges import scheduled
from casetui.values import Shown

MAX_CELL = 40
"""Cells are cut to this many columns; the detail line under the table shows them whole."""
MAX_LABEL = 32
"""Field labels too: one long label would otherwise push the cases off a 120-column screen."""

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


def cell_text(cell: Shown | None, differs: bool, baseline: bool, lang: str = "en") -> Text:
    """One value as literal text, one line, cut to `MAX_CELL`, styled by how it compares."""
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
    text.truncate(MAX_CELL, overflow="ellipsis")
    return text


class CompareTable(DataTable[Text]):
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
        self._by_key: dict[str, Row] = {}

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
        self.clear(columns=True)
        self.add_column(Text(_word(_WORDS, "field", lang), style="bold"), key="label")
        for index, case in enumerate(self.cases):
            self.add_column(self._header(index, case, lang), key=f"case-{index}")
        group = None
        for row in self.rows_shown:
            if row.group != group:
                group = row.group
                heading = Text(_word(_GROUPS, group, lang).upper(), style="bold #9b6ad1")
                self.add_row(heading, *(Text() for _ in self.cases), key=GROUP_KEY + group)
            self.add_row(self._label(row), *self._cells(row), key=row.key)
        self._restore_cursor(keep_row, keep_column)

    def _header(self, index: int, case: Case, lang: str) -> Text:
        name = safe.localized(case.name, lang, style="bold")
        name.truncate(MAX_CELL, overflow="ellipsis")
        if index != self.baseline:
            return name
        header = Text("◆ ", style="bold #4a8fd4")
        header.append_text(name)
        header.append(f" ({_word(_WORDS, 'baseline', lang)})", style="#4a8fd4")
        return header

    @staticmethod
    def _label(row: Row) -> Text:
        label = Text()
        label.append("≠ " if row.differs else "  ", style=DIFF_STYLE)
        label.append(row.label, style="bold" if row.differs else "")
        label.truncate(MAX_LABEL, overflow="ellipsis")
        return label

    def _cells(self, row: Row) -> list[Text]:
        return [
            cell_text(cell, differs, index == self.baseline, self.lang)
            for index, (cell, differs) in enumerate(zip(row.cells, row.cell_differs, strict=True))
        ]

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
        index = self.cursor_column - 1
        if index < 0:
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
