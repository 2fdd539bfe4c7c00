"""The library at a glance: charts of the cases the library shows, whose bars narrow it down.

Opened with `o` from the library over the rows it shows (search and filters applied). Choosing a
bar (enter, or a click) returns to the library with that bar as one more filter, shown in the filter
line and cleared with `x`; escape returns without one. The numbers come from `casetui.stats`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Header, Static

from casetui import i18n
from casetui.stats import CHARTS, YEAR_CHARTS, Chart, Facet, bar_label, chart_title, compute, facet_name
from casetui.summary import Summary
from casetui.tui.labels import is_zh, word
from casetui.tui.listing import BROKEN, Listing
from casetui.tui.widgets.badges import STATUS_STYLES
from casetui.tui.widgets.bars import BarChart, HorizontalBars, YearColumns
from casetui.tui.widgets.footer import KeysFooter

TOP = 8
"""Companies and tags with a bar of their own (the rest share one)."""

_WORDS: dict[str, tuple[str, str]] = {
    "overview": ("Overview", "概览"),
    "badge": (" OVERVIEW ", " 概览 "),
    "all": ("all {n} cases", "全部 {n} 个案例"),
    "some": ("{shown} of {total} cases", "{total} 个案例中的 {shown} 个"),
    "search": ("search", "搜索"),
    "not_counted": ("{n} broken file(s) not counted", "{n} 个无法读取的文件未计入"),
    "hint": ("enter on a bar shows its cases", "在某一项上按 enter 显示其案例"),
    "empty_bar": ("No case there.", "这一项没有案例。"),
    "years": ("{first}–{last}", "{first}–{last}"),
    "top": ("top {n} of {m}", "前 {n} / 共 {m}"),
    "b_back": ("Back", "返回"),
    "b_choose": ("Show cases", "显示案例"),
    "b_next_chart": ("Next chart", "下一图"),
    "b_prev_chart": ("Previous chart", "上一图"),
}


def _word(key: str, lang: str, **values: object) -> str:
    text = _WORDS[key][1 if is_zh(lang) else 0]
    return text.format(**values) if values else text


class OverviewScreen(Screen[Facet | None]):
    """Charts of a set of cases: years, lifespans, notice periods, statuses, companies and tags."""

    CSS_PATH = "overview.tcss"
    AUTO_FOCUS = "#chart-launched"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "choose", "Show cases", id="choose", tooltip="Back to the library with this bar's cases"),
        Binding("tab", "app.focus_next", "Next chart", id="next_chart", tooltip="Move to the next chart"),
        Binding("shift+tab", "app.focus_previous", "Previous chart", id="prev_chart", show=False),
        Binding("escape", "back", "Back", id="back", tooltip="Back to the library, filters unchanged"),
    ]

    HORIZONTAL_BREAKPOINTS: ClassVar[list[tuple[int, str]]] = [(0, "-narrow"), (110, "-wide")]
    """Below 110 columns the charts stack two abreast at most (overview.tcss)."""

    def __init__(self, summaries: Sequence[Summary], listing: Listing, library_size: int, broken: int = 0) -> None:
        """Count `summaries`: the cases the library shows under `listing`, of the `library_size` that loaded.

        `broken` files shown in the library are not cases, so they are not counted (the scope line says so).
        """
        super().__init__()
        self.listing = listing
        self.library_size = library_size
        self.broken = broken
        self.stats = compute(summaries, TOP)

    def compose(self) -> ComposeResult:
        yield Header(icon="▤")
        yield Static(id="overview-scope", markup=False)
        with VerticalScroll(id="charts"):
            for name in CHARTS:
                if name in YEAR_CHARTS:
                    yield YearColumns(id=f"chart-{name}")
                else:
                    yield HorizontalBars(colours=_status_colours() if name == "status" else None, id=f"chart-{name}")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.watch(self.app, "lang", self._lang_changed, init=False)
        self._render_all(str(getattr(self.app, "lang", "en")), refresh_footer=False)

    @property
    def charts(self) -> list[BarChart]:
        """The chart widgets, in order."""
        return list(self.query(BarChart))

    # -- rendering -------------------------------------------------------------------------
    def _lang_changed(self, lang: str) -> None:
        self._render_all(lang)

    def _render_all(self, lang: str, refresh_footer: bool = True) -> None:
        """Every word and chart in `lang`."""
        self.title = "casetui"
        self.sub_title = _word("overview", lang)
        for node in (self, *self.charts):
            bindings = node._bindings.key_to_bindings
            for key, group in bindings.items():
                bindings[key] = [replace(b, description=_word(f"b_{b.id}", lang)) if b.id else b for b in group]
        if refresh_footer:
            self.refresh_bindings()
        self.query_one("#overview-scope", Static).update(self._scope(lang))
        for widget in self.charts:
            chart = self.stats.chart(str(widget.id).removeprefix("chart-"))
            widget.border_title = chart_title(chart.name, lang)
            widget.border_subtitle = _subtitle(chart, lang)
            widget.show(chart, lang, self.stats.total)

    def _scope(self, lang: str) -> Text:
        """Which cases are counted: how many of the library, under which search and filters."""
        text = Text()
        text.append(_word("badge", lang), style="bold #ffffff on #4a8fd4")
        shown, total = self.stats.total, self.library_size
        text.append("  ")
        scope = _word("all", lang, n=total) if shown == total else _word("some", lang, shown=shown, total=total)
        text.append(scope, style="bold")
        listing = self.listing
        if listing.query.strip():
            text.append(f"  ·  {_word('search', lang)}: ", style="dim")
            text.append(listing.query.strip())  # Typed by the user: literal.
        if listing.status is not None:
            status = word(BROKEN, lang) if listing.status == BROKEN else i18n.label(listing.status, lang)
            text.append(f"  ·  {word('status', lang).lower()}: ", style="dim")
            text.append(status)
        if listing.tag is not None:
            text.append(f"  ·  {facet_name('tag', lang).lower()}: ", style="dim")
            text.append(listing.tag)
        for facet in listing.facets:
            text.append(f"  ·  {facet_name(facet.chart, lang).lower()}: ", style="dim")
            text.append(bar_label(facet.chart, facet.bar, lang))
        if self.broken:
            text.append(f"  ·  {_word('not_counted', lang).format(n=self.broken)}", style="bold #d08a1c")
        text.append(f"   {_word('hint', lang)}", style="dim italic")
        return text

    # -- choosing --------------------------------------------------------------------------
    @on(BarChart.Selected)
    def _chosen(self, event: BarChart.Selected) -> None:
        """Back to the library showing the chosen bar's cases (a bar of none stays here)."""
        if event.bar.count == 0:
            self.notify(_word("empty_bar", str(getattr(self.app, "lang", "en"))), markup=False)
            return
        self.dismiss(Facet(event.chart.chart.name, event.bar))

    def action_choose(self) -> None:
        """Choose the bar under the cursor of the focused chart."""
        focused = self.focused
        if isinstance(focused, BarChart):
            focused.action_select()

    def action_back(self) -> None:
        """Back to the library, its filters as they were."""
        self.dismiss(None)


def _status_colours() -> dict[str, str]:
    """Each status's badge colour, without its boldness."""
    return {status: style.replace("bold", "").strip() for status, style in STATUS_STYLES.items()}


def _subtitle(chart: Chart, lang: str) -> str:
    """Under a chart: the span of years, or how many companies or tags have a bar."""
    values = chart.values
    if chart.name in YEAR_CHARTS and values:
        return _word("years", lang, first=values[0].key, last=values[-1].key)
    other = chart.other
    if other is not None:
        return _word("top", lang, n=len(values), m=len(values) + len(other.covers))
    return ""
