"""Bar charts drawn with block characters, whose bars can be chosen with the keyboard or the mouse.

`HorizontalBars` puts one labelled bar per line (statuses, lifespans, companies: labels of any
length and script); `YearColumns` puts one column per year along a time axis, with a caption line
that names the bar under the cursor. Both take a `casetui.stats.Chart`, draw with partial blocks in
eighths so that close counts still differ, and post `BarChart.Selected` on enter or a click.
Every label enters as literal `Text`: company names and tags are case text.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from math import ceil
from typing import ClassVar

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from casetui.stats import OTHER, UNKNOWN, Bar, Chart, bar_label, count_text, stats_word

ACROSS = " ▏▎▍▌▋▊▉█"
"""Horizontal partial blocks, by eighths filled."""
UP = " ▁▂▃▄▅▆▇█"
"""Vertical partial blocks, by eighths filled."""

MAX_LABEL = 22
"""Cells a label of a horizontal chart may take before it is cut with an ellipsis."""
PLOT_ROWS = 5
MAX_COLUMN = 4
"""Cells of a year column at most: wider ones read as blocks rather than bars."""
"""Rows of the tallest column of a year chart (a row for its count sits above)."""


def across(count: int, peak: int, width: int) -> str:
    """A bar of `count/peak` of `width` cells in eighths; never empty for a count above zero."""
    if peak <= 0 or count <= 0 or width <= 0:
        return ""
    eighths = max(1, round(8 * width * count / peak))
    full, part = divmod(eighths, 8)
    return "█" * full + (ACROSS[part] if part else "")


def share(count: int, total: int) -> str:
    """`35%`, `<1%`, or nothing for no cases."""
    if not count or not total:
        return ""
    percent = 100 * count / total
    return "<1%" if percent < 1 else f"{percent:.0f}%"


class BarChart(Widget, can_focus=True):
    """The behaviour shared by both charts: a chart to show, a cursor over its bars, and choosing one."""

    DEFAULT_CSS = """
    BarChart {
        height: auto;
        & > .bar-chart--bar { color: $primary; }
        & > .bar-chart--faint { color: $text-muted; }
        & > .bar-chart--count { text-style: bold; }
        & > .bar-chart--muted { color: $text-muted; }
        & > .bar-chart--cursor { background: $block-cursor-background; color: $block-cursor-foreground; }
        & > .bar-chart--hover { background: $block-hover-background; }
    }
    """
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "bar-chart--bar",
        "bar-chart--faint",
        "bar-chart--count",
        "bar-chart--muted",
        "bar-chart--cursor",
        "bar-chart--hover",
    }
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select", "Choose", id="choose", tooltip="Choose the bar under the cursor"),
        Binding("home", "first", "First", show=False),
        Binding("end", "last", "Last", show=False),
    ]

    cursor: reactive[int] = reactive(0, init=False)
    """Index of the bar under the cursor."""
    hover: reactive[int | None] = reactive(None, init=False)
    """Index of the bar under the mouse, if any."""

    @dataclass
    class Selected(Message):
        """A bar was chosen: enter on it, or a click."""

        chart: BarChart
        bar: Bar

        @property
        def control(self) -> BarChart:
            return self.chart

    def __init__(self, *, colours: Mapping[str, str] | None = None, id: str | None = None) -> None:
        super().__init__(id=id)
        self.chart = Chart("", (), 0)
        self.lang = "en"
        self.total = 0
        self.colours = dict(colours or {})
        """A colour for some bars, by key (statuses keep their badge colours)."""

    def show(self, chart: Chart, lang: str, total: int) -> None:
        """Draw this chart; `total` is the number of cases its shares are of."""
        self.chart, self.lang, self.total = chart, lang, total
        self.set_reactive(BarChart.cursor, max(0, min(self.cursor, len(chart.bars) - 1)))
        self.refresh(layout=True)

    @property
    def bar(self) -> Bar | None:
        """The bar under the cursor."""
        bars = self.chart.bars
        return bars[self.cursor] if 0 <= self.cursor < len(bars) else None

    def label(self, bar: Bar) -> str:
        """A bar's label in the display language."""
        return bar_label(self.chart.name, bar, self.lang)

    def bar_style(self, bar: Bar) -> Style:
        """The colour of a bar: its own, or the chart's; unknown and "other" bars are faint."""
        if bar.kind in (UNKNOWN, OTHER):
            return self.get_component_rich_style("bar-chart--faint")
        own = self.colours.get(bar.key)
        return Style.parse(own) if own else self.get_component_rich_style("bar-chart--bar")

    def line_style(self, index: int) -> Style | None:
        """The background of a bar's line: the cursor's when focused, a lighter one under the mouse."""
        if index == self.cursor and self.has_focus:
            return self.get_component_rich_style("bar-chart--cursor")
        if index == self.hover:
            return self.get_component_rich_style("bar-chart--hover")
        return None

    # -- moving and choosing ---------------------------------------------------------------
    def watch_cursor(self) -> None:
        self.refresh()

    def watch_hover(self) -> None:
        self.refresh()

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    def step(self, step: int) -> None:
        """Move the cursor; past either end, move on to the previous or next chart."""
        target = self.cursor + step
        if 0 <= target < len(self.chart.bars):
            self.cursor = target
        elif target < 0:
            self.screen.focus_previous()
        else:
            self.screen.focus_next()

    def action_first(self) -> None:
        """The first bar."""
        self.cursor = 0

    def action_last(self) -> None:
        """The last bar."""
        self.cursor = max(len(self.chart.bars) - 1, 0)

    def action_select(self) -> None:
        """Choose the bar under the cursor."""
        bar = self.bar
        if bar is not None:
            self.post_message(self.Selected(self, bar))

    def bar_at(self, x: int, y: int) -> int | None:
        """The index of the bar drawn at a content offset, if any."""
        raise NotImplementedError

    def on_click(self, event: events.Click) -> None:
        """A click chooses the bar under the mouse."""
        offset = event.get_content_offset(self)
        index = None if offset is None else self.bar_at(offset.x, offset.y)
        if index is not None:
            self.cursor = index
            self.focus()
            self.action_select()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        offset = event.get_content_offset(self)
        self.hover = None if offset is None else self.bar_at(offset.x, offset.y)

    def on_leave(self) -> None:
        self.hover = None

    def empty(self) -> Text:
        """What an empty chart shows."""
        return Text(count_text(0, self.lang), style=self.get_component_rich_style("bar-chart--muted"))


class HorizontalBars(BarChart):
    """One line per bar: label, bar, count and share of the cases; up and down move the cursor."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "step(-1)", "Previous bar", show=False),
        Binding("down", "step(1)", "Next bar", show=False),
        Binding("left", "app.focus_previous", "Previous chart", show=False),
        Binding("right", "app.focus_next", "Next chart", show=False),
    ]

    def action_step(self, step: int) -> None:
        """Move to the bar above or below."""
        self.step(step)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return max(len(self.chart.bars), 1)

    def bar_at(self, x: int, y: int) -> int | None:
        return y if 0 <= y < len(self.chart.bars) else None

    def render(self) -> Text:
        bars = self.chart.bars
        if not bars:
            return self.empty()
        width = self.size.width
        labels = [self.label(b) for b in bars]
        label_width = min(max(cell_len(s) for s in labels), MAX_LABEL, max(width // 3, 6))
        count_width = max(len(str(b.count)) for b in bars)
        shares = [share(b.count, self.total) for b in bars]
        share_width = max(len(s) for s in shares) + 1
        bar_width = width - 1 - label_width - 1 - 1 - count_width
        if bar_width - share_width >= 8:  # The share only where the bar keeps some room.
            bar_width -= share_width
        else:
            share_width = 0
        muted = self.get_component_rich_style("bar-chart--muted")
        count_style = self.get_component_rich_style("bar-chart--count")
        lines = []
        for index, (bar, label) in enumerate(zip(bars, labels, strict=True)):
            line = Text("▸" if index == self.cursor and self.has_focus else " ")
            name = Text(label, style=muted if bar.kind != "value" else "")
            name.truncate(label_width, overflow="ellipsis", pad=True)
            line.append_text(name)
            line.append(" ")
            line.append(across(bar.count, self.chart.peak, bar_width).ljust(bar_width), style=self.bar_style(bar))
            line.append(" ")
            line.append(str(bar.count).rjust(count_width), style=count_style if bar.count else muted)
            if share_width:
                line.append(shares[index].rjust(share_width), style=muted)
            background = self.line_style(index)
            if background is not None:
                line.stylize(background)
            lines.append(line)
        return Text("\n").join(lines)


@dataclass(frozen=True, slots=True)
class Columns:
    """Where the columns of a year chart go: where the first starts, each one's width and gap, and which show."""

    left: int
    width: int
    gap: int
    first: int
    shown: int

    def x_of(self, index: int) -> int:
        """The cell where column `index` starts."""
        return self.left + (index - self.first) * (self.width + self.gap)


def fit_columns(count: int, width: int, axis: int, cursor: int, first: int) -> Columns:
    """The widest columns (up to `MAX_COLUMN` cells) that fit every bar, centred; when even one cell each is too wide,
    a window of them round the cursor."""
    room = max(width - axis, 1)
    for gap in (1, 0):
        column = min((room + gap) // max(count, 1) - gap, MAX_COLUMN)
        if column >= 1:
            used = count * (column + gap) - gap
            return Columns(axis + (room - used) // 2, column, gap, 0, count)
    first = min(max(first, cursor - room + 1), cursor)
    return Columns(axis, 1, 0, max(0, min(first, count - room)), room)


class YearColumns(BarChart):
    """One column per year along a time axis, counts on top where they fit; left and right move the cursor."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left", "step(-1)", "Previous year", show=False),
        Binding("right", "step(1)", "Next year", show=False),
        Binding("up", "app.focus_previous", "Previous chart", show=False),
        Binding("down", "app.focus_next", "Next chart", show=False),
    ]

    def __init__(self, *, colours: Mapping[str, str] | None = None, id: str | None = None) -> None:
        super().__init__(colours=colours, id=id)
        self._first = 0

    def action_step(self, step: int) -> None:
        """Move to the year before or after."""
        self.step(step)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return PLOT_ROWS + 3 if self.chart.bars else 1

    def _layout(self) -> tuple[Columns, bool]:
        """The columns, and whether the counts fit on top of them (else the axis shows the peak)."""
        bars = self.chart.bars
        digits = len(str(self.chart.peak))
        columns = fit_columns(len(bars), self.size.width, 0, self.cursor, self._first)
        if columns.width >= digits:
            return columns, True
        columns = fit_columns(len(bars), self.size.width, digits + 1, self.cursor, self._first)
        return columns, False

    def bar_at(self, x: int, y: int) -> int | None:
        if not self.chart.bars or y > PLOT_ROWS + 1:
            return None
        columns, _ = self._layout()
        if x < columns.left:
            return None
        index = columns.first + (x - columns.left) // (columns.width + columns.gap)
        return index if index < min(columns.first + columns.shown, len(self.chart.bars)) else None

    def render(self) -> Text:
        bars = self.chart.bars
        if not bars:
            return self.empty()
        columns, counts_on_top = self._layout()
        self._first = columns.first
        width = self.size.width
        peak = max(self.chart.peak, 1)
        muted = self.get_component_rich_style("bar-chart--muted")
        rows = [Text(" " * width) for _ in range(PLOT_ROWS + 2)]  # A row for counts, the plot, the labels.
        if not counts_on_top:
            axis = columns.left - 1  # The peak's count, right-aligned against the first column.
            _put(rows[0], 0, f"{self.chart.peak:>{axis}}┐", muted)
            for row in rows[1 : PLOT_ROWS + 1]:
                _put(row, axis, "│", muted)
        shown = range(columns.first, min(columns.first + columns.shown, len(bars)))
        for index in shown:
            self._draw_column(rows, index, bars[index], columns, peak, counts_on_top)
        self._draw_labels(rows[-1], shown, columns)
        for index in {self.cursor, self.hover} & set(shown):
            self._highlight(rows, index, columns)
        return Text("\n").join([*rows, self._caption()])

    def _highlight(self, rows: list[Text], index: int, columns: Columns) -> None:
        """The column under the cursor (when focused) or the mouse: drawn in the cursor's colour, its foot marked."""
        background = self.line_style(index)
        if background is None:
            return
        x = columns.x_of(index)
        colour = background.bgcolor
        if colour is not None:
            for row in rows[:-1]:
                row.stylize(Style(color=colour, bold=True), x, x + columns.width)
        rows[-1].stylize(background, x, x + columns.width)

    def _draw_column(self, rows: list[Text], index: int, bar: Bar, columns: Columns, peak: int, counts: bool) -> None:
        """One column, its count above it, and the cursor's or the mouse's background."""
        x = columns.x_of(index)
        eighths = max(1, round(8 * PLOT_ROWS * bar.count / peak)) if bar.count else 0
        style = self.bar_style(bar)
        for level in range(PLOT_ROWS):
            filled = max(0, min(8, eighths - 8 * level))
            if filled:
                _put(rows[PLOT_ROWS - level], x, UP[filled] * columns.width, style)
        if counts and bar.count:
            top = PLOT_ROWS - ceil(eighths / 8)
            number = str(bar.count)
            _put(
                rows[top],
                x + (columns.width - len(number)) // 2,
                number,
                self.get_component_rich_style("bar-chart--muted"),
            )

    def _draw_labels(self, row: Text, shown: range, columns: Columns) -> None:
        """Years under their columns, as many as fit: every 1, 2, 5 or 10 years, on round years."""
        slot = columns.width + columns.gap
        step = next((s for s in (1, 2, 5, 10, 20, 50) if s * slot >= 5), 100)
        free = 0
        muted = self.get_component_rich_style("bar-chart--muted")
        for index in shown:
            bar = self.chart.bars[index]
            if bar.kind == UNKNOWN:
                text = "?"
            elif bar.key.isdigit() and int(bar.key) % step == 0:
                text = bar.key
            else:
                continue
            x = columns.x_of(index)
            if x >= free and x + len(text) <= row.cell_len:
                _put(row, x, text, muted)
                free = x + len(text) + 1

    def _caption(self) -> Text:
        """The bar under the mouse or the cursor, in words; with neither, the peak and the unknown count."""
        muted = self.get_component_rich_style("bar-chart--muted")
        caption = Text()
        index = self.hover if self.hover is not None else self.cursor if self.has_focus else None
        if index is not None and 0 <= index < len(self.chart.bars):
            bar = self.chart.bars[index]
            caption.append("▸ ")
            caption.append(self.label(bar), style="bold")
            caption.append(f"  {count_text(bar.count, self.lang)}")
            caption.append(f"  {share(bar.count, self.total)}", style=muted)
            return caption
        top = max(self.chart.values, key=lambda b: b.count, default=None)
        if top is not None and top.count:
            caption.append(f"{stats_word('peak', self.lang)} ", style=muted)
            caption.append(top.key, style="bold")
            caption.append(f"  {count_text(top.count, self.lang)}")
        if self.chart.unknown:
            caption.append(f"   ? = {self.label(self.chart.bars[-1])}: {self.chart.unknown}", style=muted)
        return caption


def _put(row: Text, x: int, text: str, style: Style) -> None:
    """Write `text` over a row of plain cells at `x` (the row holds no wide characters)."""
    if x < 0 or x >= len(row.plain):
        return
    text = text[: len(row.plain) - x]
    spans = row.spans
    row.plain = row.plain[:x] + text + row.plain[x + len(text) :]
    row.spans = spans
    row.stylize(style, x, x + len(text))
