"""The library table: one row per case file, drawn line by line so that 10,000 rows cost no more than 40.

Textual's DataTable measures every cell of every row whenever rows are added, which makes each
search keystroke O(library). This table keeps the rows as a list of entries and builds the text
of a row only when it is on screen. Columns that do not fit the width are left out, least needed
first; widths come from the whole library, so they do not jump while the user types a search.
Every cell is literal `Text`.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from itertools import chain
from operator import attrgetter
from typing import ClassVar

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from casetui.library import Entry
from casetui.record import NamedTuple
from casetui.summary import Summary
from casetui.text import LText
from casetui.tui import safe
from casetui.tui.labels import span_text, word
from casetui.tui.listing import BROKEN, COLUMNS
from casetui.tui.widgets.badges import SCHEDULED_STYLE, span_cell, status_text, when_text
from casetui.when import Precision

MARK_GLYPH = "✓"
MARK_STYLE = "bold #d08a1c"
MARK_WIDTH = 3
"""The mark column: one glyph and its padding."""

DROP_ORDER = ("launched", "company", "ended", "lifespan", "notice")
"""Columns given up, first to last, when the table is too narrow for all of them."""

MAX_WIDTHS = {"name": 34, "company": 18}
MIN_NAME_WIDTH = 22
PADDING = 2
"""One blank cell on each side of every column."""
HEADER_WORDS = {"notice": "col_notice"}
"""Columns whose header is shorter than the field's own word."""

DASH = Text("—", style="dim")

SCHEDULED_GLYPH = "*"
"""After a cell that rests on a date after `as_of`: the words "(scheduled)" / "（计划）" do not fit a
table cell at 80 columns, so the table marks it with this and the line above the table says what it
means (`SearchBar`), as the preview beside the list does in words."""

CACHED_LINES = 1_000
"""Rows kept drawn: every row in view in each of its looks (stripe, cursor), many screens over."""


class Layout(NamedTuple):
    """The columns on screen, with their widths and where each starts (a record: a frozen dataclass takes
    ten times as long to define, on the way to the first frame)."""

    columns: tuple[str, ...]
    widths: tuple[int, ...]

    @property
    def total(self) -> int:
        """Width of a whole row, mark column included."""
        return MARK_WIDTH + sum(w + PADDING for w in self.widths)

    def column_at(self, x: int) -> str | None:
        """The column under a cell offset from the left edge of a row."""
        edge = MARK_WIDTH
        for column, width in zip(self.columns, self.widths, strict=True):
            edge += width + PADDING
            if x < edge:
                return column
        return None


class CaseTable(ScrollView, can_focus=True):
    """The cases of the library; the cursor is a row, the header sorts."""

    DEFAULT_CSS = """
    CaseTable {
        height: 1fr;
        background: $surface;
        & > .case-table--header { text-style: bold; background: $panel; color: $foreground; }
        & > .case-table--cursor {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
            text-style: $block-cursor-blurred-text-style;
        }
        & > .case-table--even { background: $surface-lighten-1 50%; }
        &:focus > .case-table--cursor {
            background: $block-cursor-background;
            color: $block-cursor-foreground;
            text-style: $block-cursor-text-style;
        }
    }
    """
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "case-table--header",
        "case-table--cursor",
        "case-table--even",
    }
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "move(-1)", "Up", show=False),
        Binding("down", "move(1)", "Down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("home", "first", "First", show=False),
        Binding("end", "last", "Last", show=False),
        Binding("enter", "select", "Open", show=False),
    ]

    cursor: reactive[int] = reactive(0, always_update=True, init=False)
    """Index of the highlighted row."""

    # Messages with their own __init__ rather than dataclasses, which take 0.3 ms each to define at start-up.
    class Highlighted(Message):
        """The cursor is on another case (or on none)."""

        def __init__(self, table: CaseTable, case_id: str | None) -> None:
            self.table = table
            self.case_id = case_id
            super().__init__()

        @property
        def control(self) -> CaseTable:
            return self.table

    class Selected(Message):
        """Enter, or a click on the highlighted row: open this case."""

        def __init__(self, table: CaseTable, case_id: str) -> None:
            self.table = table
            self.case_id = case_id
            super().__init__()

        @property
        def control(self) -> CaseTable:
            return self.table

    class HeaderClicked(Message):
        """The user clicked a column header."""

        def __init__(self, table: CaseTable, column: str) -> None:
            self.table = table
            self.column = column
            super().__init__()

        @property
        def control(self) -> CaseTable:
            return self.table

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._entries: list[Entry] = []
        self._index: dict[str, int] | None = None
        """Row of each case id, built when first asked for."""
        self._lang = "en"
        self._marked: frozenset[str] = frozenset()
        self._sort = "name"
        self._descending = False
        self._natural: dict[str, int] = {}
        self._natural_for: tuple[str, int] | None = None
        self.marks_scheduled = False
        """Whether some row of the library carries `SCHEDULED_GLYPH` (then the screen says what it means)."""
        self._layout = Layout((), ())
        self._fitted_width = -1
        """The width the columns were chosen for."""
        self._lines: LRUCache[tuple[str, bool, Style], Strip] = LRUCache(CACHED_LINES)
        """Drawn rows by case id, whether it loaded, and row style: kept while the rows change with a search."""
        self._announced: str | None = None

    # -- reading ---------------------------------------------------------------------------
    @property
    def row_count(self) -> int:
        """How many rows are shown."""
        return len(self._entries)

    @property
    def highlighted_id(self) -> str | None:
        """The id of the case under the cursor, if any row is shown."""
        return self._entries[self.cursor].id if self._entries else None

    @property
    def ids(self) -> list[str]:
        """The ids of the rows, top to bottom."""
        return [e.id for e in self._entries]

    @property
    def columns(self) -> tuple[str, ...]:
        """The columns on screen, left to right (the mark column aside)."""
        return self._layout.columns

    def header_offset(self, column: str) -> int | None:
        """Where a column's header starts, in cells from the left edge (for clicks)."""
        edge = MARK_WIDTH
        for name, width in zip(self._layout.columns, self._layout.widths, strict=True):
            if name == column:
                return edge
            edge += width + PADDING
        return None

    # -- writing ---------------------------------------------------------------------------
    def show(
        self,
        entries: Sequence[Entry],
        lang: str,
        marked: Collection[str],
        sort: str,
        descending: bool,
        library: Collection[Entry] = (),
    ) -> None:
        """Show these entries in this order, keeping the cursor on the same case where it is still shown.

        `library` (every entry, shown or not) sets the column widths; it defaults to `entries`.
        """
        keep = self.highlighted_id
        self._entries = list(entries)
        self._index = None
        self._sort, self._descending = sort, descending
        marked = frozenset(marked)
        if marked != self._marked or lang != self._lang:
            self._lines.clear()
        self._marked = marked
        everything = library or entries
        if self._lang != lang or self._natural_for != (lang, len(everything)):
            self._natural = natural_widths(everything, lang)
            self._natural_for = (lang, len(everything))
            self.marks_scheduled = any(e.summary is not None and has_scheduled(e.summary) for e in everything)
        self._lang = lang
        self._relayout()
        # The same case stays highlighted when it is still shown; it is often the first row while typing.
        target = next((i for i, e in enumerate(self._entries) if e.id == keep), 0) if keep is not None else 0
        self.cursor = min(target, max(len(self._entries) - 1, 0))

    def forget_rows(self) -> None:
        """Draw every row afresh: their entries were read again (live reload)."""
        self._lines.clear()
        self._natural_for = None
        self.refresh()

    def set_marked(self, marked: Collection[str]) -> None:
        """Update the marks only: cheap enough for every key press."""
        self._marked = frozenset(marked)
        self._lines.clear()
        self.refresh()

    # -- layout ----------------------------------------------------------------------------
    def on_resize(self) -> None:
        self._relayout()

    def _relayout(self) -> None:
        if not self._natural:
            return
        self._fit(self.scrollable_content_region.width)
        self.virtual_size = Size(self._layout.total, len(self._entries) + 1)
        self.refresh()

    def _fit(self, width: int) -> None:
        """Choose the columns that fit `width` cells."""
        self._fitted_width = width
        layout = fit_columns(self._natural, width - MARK_WIDTH)
        if layout != self._layout:
            self._layout = layout
            self._lines.clear()

    # -- drawing ---------------------------------------------------------------------------
    def render_line(self, y: int) -> Strip:
        """The header on the first line, whatever the scroll; then the rows in view."""
        scroll_x, scroll_y = self.scroll_offset
        width = self.scrollable_content_region.width
        if width != self._fitted_width and self._natural:
            # The first frame is drawn before the table hears of its size (`on_resize`): the columns
            # chosen when the rows came, before any layout, would show for a frame and then change.
            self._fit(width)
        if y == 0:
            style = self.get_component_rich_style("case-table--header")
            strip = self._strip(self._header_line(), style, on_cursor=False)
            return strip.crop_extend(scroll_x, scroll_x + width, style)
        index = scroll_y + y - 1
        if index >= len(self._entries):
            return Strip.blank(width, self.rich_style)
        on_cursor = index == self.cursor
        if on_cursor:
            style = self.get_component_rich_style("case-table--cursor")
        elif index % 2:
            style = self.get_component_rich_style("case-table--even")
        else:
            style = self.rich_style
        entry = self._entries[index]
        key = (entry.id, entry.ok, style)
        strip = self._lines.get(key)
        if strip is None:
            strip = self._strip(self._row_line(entry), style, on_cursor)
            self._lines.set(key, strip)
        return strip.crop_extend(scroll_x, scroll_x + width, style)

    def _strip(self, line: Text, style: Style, on_cursor: bool) -> Strip:
        """A line of cells over the row's style."""
        segments = [Segment(s.text, _layer(style, s.style, on_top=on_cursor)) for s in line.render(self.app.console)]
        return Strip(segments)

    def _header_line(self) -> Text:
        line = Text(" " * MARK_WIDTH)
        for column, width in zip(self._layout.columns, self._layout.widths, strict=True):
            label = header(column, self._lang)
            if column == self._sort:
                label += " ▼" if self._descending else " ▲"
            _append_cell(line, Text(label), width)
        return line

    def _row_line(self, entry: Entry) -> Text:
        cells = row_cells(entry, self._lang)
        line = Text()
        line.append(f" {MARK_GLYPH} " if entry.id in self._marked else "   ", style=MARK_STYLE)
        for column, width in zip(self._layout.columns, self._layout.widths, strict=True):
            _append_cell(line, cells[column], width)
        return line

    # -- cursor ----------------------------------------------------------------------------
    def watch_cursor(self, old: int, new: int) -> None:
        self._scroll_to_cursor()
        self.refresh()
        case_id = self.highlighted_id
        if case_id != self._announced:
            self._announced = case_id
            self.post_message(self.Highlighted(self, case_id))

    def _scroll_to_cursor(self) -> None:
        rows_in_view = max(self.scrollable_content_region.height - 1, 1)
        top = round(self.scroll_y)
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False, immediate=True)
        elif self.cursor >= top + rows_in_view:
            self.scroll_to(y=self.cursor - rows_in_view + 1, animate=False, immediate=True)

    def move_to(self, case_id: str) -> None:
        """Put the cursor on this case, if it is shown."""
        if self._index is None:
            self._index = {e.id: i for i, e in enumerate(self._entries)}
        if case_id in self._index:
            self.cursor = self._index[case_id]

    def action_move(self, step: int) -> None:
        """Move the cursor up or down."""
        if self._entries:
            self.cursor = max(0, min(self.cursor + step, len(self._entries) - 1))

    def action_page(self, direction: int) -> None:
        """Move the cursor a screenful."""
        self.action_move(direction * max(self.scrollable_content_region.height - 2, 1))

    def action_first(self) -> None:
        """Go to the first row."""
        self.action_move(-len(self._entries))

    def action_last(self) -> None:
        """Go to the last row."""
        self.action_move(len(self._entries))

    def action_select(self) -> None:
        """Open the highlighted case."""
        case_id = self.highlighted_id
        if case_id is not None:
            self.post_message(self.Selected(self, case_id))

    def on_click(self, event: events.Click) -> None:
        """A header sorts; a row takes the cursor; the highlighted row (or a double click) opens."""
        offset = event.get_content_offset(self)
        if offset is None:
            return
        if offset.y == 0:
            column = self._layout.column_at(offset.x + round(self.scroll_x))
            if column is not None:
                self.post_message(self.HeaderClicked(self, column))
            return
        index = round(self.scroll_y) + offset.y - 1
        if 0 <= index < len(self._entries):
            if index == self.cursor or event.chain > 1:
                self.cursor = index
                self.action_select()
            else:
                self.cursor = index


def _layer(row: Style, cell: Style | None, on_top: bool) -> Style:
    """A cell's colours over the row's stripe; the cursor's colours over the cell's, so they stay readable."""
    if cell is None:
        return row
    return cell + row if on_top else row + cell


def header(column: str, lang: str) -> str:
    """A column's header in `lang`."""
    return word(HEADER_WORDS.get(column, column), lang)


def fit_columns(natural: dict[str, int], available: int) -> Layout:
    """All columns if they fit, else without the least needed ones; the name takes what is left."""
    columns = list(COLUMNS)
    for drop in DROP_ORDER:
        needed = sum(natural[c] + PADDING for c in columns if c != "name") + MIN_NAME_WIDTH + PADDING
        if needed <= available:
            break
        columns.remove(drop)
    others = sum(natural[c] + PADDING for c in columns if c != "name")
    name_width = max(MIN_NAME_WIDTH, min(natural["name"], available - others - PADDING))
    widths = tuple(name_width if c == "name" else natural[c] for c in columns)
    return Layout(tuple(columns), widths)


def natural_widths(entries: Collection[Entry], lang: str) -> dict[str, int]:
    """Each column's widest cell across `entries` (or its header and sort arrow), capped.

    Measured from plain strings, and each distinct status, span or date precision once, so that it
    stays fast for large libraries: what can be is gathered by `map` and `set` in C, and only names
    and companies are measured one by one (`_widest`).
    """
    widths = {column: cell_len(header(column, lang)) + 2 for column in COLUMNS}
    summaries = [entry.summary for entry in entries if entry.summary is not None]
    broken = [entry.id for entry in entries if entry.summary is None]
    statuses = set(map(_STATUS, summaries))
    if broken:
        statuses.add(BROKEN)
    name_width = max([widths["name"], *map(cell_len, broken)])
    widths["name"] = _widest(map(_NAME, summaries), lang, name_width, MAX_WIDTHS["name"])
    companies = filter(None, map(_COMPANY, summaries))
    widths["company"] = _widest(companies, lang, widths["company"], MAX_WIDTHS["company"])
    whens = filter(None, chain(map(_LAUNCHED, summaries), map(_END, summaries)))
    dates = max((DATE_WIDTHS[p] for p in set(map(_PRECISION, whens))), default=1)
    spans = set(filter(None, chain(map(_LIFESPAN, summaries), map(_NOTICE, summaries))))
    spans_width = max((cell_len(span_text(s, lang, compact=True)) for s in spans), default=1)
    # Room for the scheduled mark after the widest value, whichever row holds it.
    glyph = cell_len(SCHEDULED_GLYPH)
    widths["launched"] = max(widths["launched"], dates)
    widths["ended"] = max(widths["ended"], dates + (glyph if any(map(_END_SCHEDULED, summaries)) else 0))
    for column, flag in (("lifespan", _lifespan_marked), ("notice", _NOTICE_SCHEDULED)):
        widths[column] = max(widths[column], spans_width + (glyph if any(map(flag, summaries)) else 0))
    widths["status"] = max([widths["status"], *(cell_len(status_text(s, lang).plain) for s in statuses)])
    return {c: min(w, MAX_WIDTHS.get(c, w)) for c, w in widths.items()}


_STATUS, _NAME, _COMPANY = attrgetter("status"), attrgetter("name"), attrgetter("company")
_LAUNCHED, _END, _PRECISION = attrgetter("launched"), attrgetter("end"), attrgetter("precision")
_LIFESPAN, _NOTICE = attrgetter("lifespan"), attrgetter("notice")
_END_SCHEDULED, _NOTICE_SCHEDULED = attrgetter("end_scheduled"), attrgetter("notice_scheduled")


def has_scheduled(summary: Summary) -> bool:
    """Whether any cell of the case's row rests on a date after its `as_of` (and carries the mark)."""
    return summary.end_scheduled or _lifespan_marked(summary) or summary.notice_scheduled


def _lifespan_marked(summary: Summary) -> bool:
    """A lifespan to a scheduled end is marked; with no `launched` there is no lifespan, and no mark on its dash."""
    return summary.lifespan is not None and summary.lifespan_scheduled


def _widest(values: Iterable[LText], lang: str, width: int, cap: int) -> int:
    """The widest of `width` and the texts as `safe.localized` shows them (fallback tag included),
    stopping at `cap`.

    Once the column reaches its cap no later row can change it; in a large library of long names
    that comes within the first few rows. Otherwise this runs once per case, so the usual text (the
    first entry is in `lang`, or the only one, language-neutral) is taken without a call, and a text
    that cannot be wider than `width` even at two cells a character is not measured.
    """
    for value in values:
        if width >= cap:
            break
        entries = value.entries
        tag, text = entries[0]
        extra = 0
        if tag != lang and (tag is not None or len(entries) > 1):
            resolved = value.resolve(lang)
            text = resolved.text
            if resolved.fallback and resolved.lang:
                extra = cell_len(f" ⟨{resolved.lang}⟩")
        if text.isascii():  # far cheaper than cell_len at 10,000 rows
            cells = len(text) + extra
        elif 2 * len(text) + extra <= width:
            continue
        else:
            cells = cell_len(text) + extra
        if cells > width:
            width = cells
    return width


DATE_WIDTHS = {Precision.YEAR: 4, Precision.MONTH: 7, Precision.DAY: 10, Precision.TIME: 10}
"""Width of a date in a table cell, by the precision it was written at (the time of day is left out)."""


def row_cells(entry: Entry, lang: str) -> dict[str, Text]:
    """Every cell of one row, as literal text."""
    summary = entry.summary
    if summary is None:
        return {
            "name": Text(entry.id, style="#d9534f"),
            "company": DASH,
            "status": status_text(BROKEN, lang),
            "launched": DASH,
            "ended": DASH,
            "lifespan": DASH,
            "notice": DASH,
        }
    return {
        "name": safe.localized(summary.name, lang),
        "company": safe.localized(summary.company, lang) if summary.company else DASH,
        "status": status_text(summary.status, lang),
        "launched": when_text(summary.launched, compact=True),
        # `ended`, or else the final shutdown's date, as the lifespan beside it counts to.
        "ended": _scheduled(when_text(summary.end, compact=True), summary.end_scheduled),
        "lifespan": _scheduled(span_cell(summary.lifespan, lang, compact=True), _lifespan_marked(summary)),
        "notice": _scheduled(span_cell(summary.notice, lang, compact=True), summary.notice_scheduled),
    }


def _scheduled(cell: Text, scheduled: bool) -> Text:
    """A cell resting on a date after `as_of`: in the scheduled style, with `SCHEDULED_GLYPH` after it."""
    if scheduled:
        cell.stylize(SCHEDULED_STYLE)
        cell.append(SCHEDULED_GLYPH, style=SCHEDULED_STYLE)
    return cell


def _append_cell(line: Text, cell: Text, width: int) -> None:
    """Append the cell cut (with an ellipsis) or padded to `width`, with one blank on each side."""
    plain = cell.plain
    length = cell_len(plain)
    line.append(" ")
    if length <= width and not cell.spans:  # Most cells: one style, and it fits; no copy.
        line.append(plain + " " * (width - length), style=cell.style)
    else:
        fitted = cell.copy()
        if length > width:
            fitted.truncate(width, overflow="ellipsis")
        fitted.truncate(width, pad=True)
        line.append_text(fitted)
    line.append(" ")
