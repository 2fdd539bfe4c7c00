"""Compare cases: a table of fields with differences marked, and their sunsets side by side."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import DataTable, Static, TabbedContent, TabPane

from casetui.model import Case
from casetui.tui import safe
from casetui.tui.labels import is_zh, word
from casetui.tui.reloading import CaseReloaded
from casetui.tui.widgets.compare_table import CompareTable
from casetui.tui.widgets.footer import KeysFooter
from casetui.tui.widgets.reload_banner import ReloadBanner
from casetui.tui.widgets.sunsets import SideBySideSunsets
from casetui.tui.wrapping import Wrapped

_WORDS: dict[str, tuple[str, str]] = {
    "compare": ("COMPARE", "对比"),
    "table": ("Table", "对比表"),
    "sunsets": ("Sunsets side by side", "关停并排"),
    "baseline": ("Baseline: ", "基准："),
    "all_rows": ("all {n} rows", "全部 {n} 行"),
    "only_diff": ("only differences: {shown} of {n} rows", "仅差异：{n} 行中的 {shown} 行"),
    "pick_column": ("Move to a case's column to pin it as the baseline", "请先移到某个案例的列再设为基准"),
    "no_diff": ("No row differs", "没有不同的行"),
    "note": ("Note: ", "注："),
    "source": ("Source: ", "来源："),
    # Footer descriptions, keyed `b_` + `Binding.id`.
    "b_diffs": ("Diffs only", "仅差异"),
    "b_baseline": ("Baseline", "基准"),
    "b_next_diff": ("Next diff", "下个差异"),
    "b_view": ("Table/sunsets", "表格/关停"),
    "b_back": ("Back", "返回"),
}


def _word(key: str, lang: str) -> str:
    pair = _WORDS[key]
    return pair[1] if is_zh(lang) else pair[0]


class CompareScreen(Screen[None]):
    """Several cases side by side: their fields, model dimensions, derived values and sunsets."""

    CSS_PATH = "compare.tcss"
    AUTO_FOCUS = "CompareTable"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("d", "differences", "Diffs only", id="diffs", tooltip="Show only the rows that differ, or all rows"),
        Binding(
            "b",
            "baseline",
            "Baseline",
            id="baseline",
            tooltip="Pin the case under the cursor as the baseline (again to unpin)",
        ),
        Binding("n", "next_difference", "Next diff", id="next_diff", tooltip="Jump to the next row that differs"),
        Binding("s", "switch_view", "View", id="view", tooltip="Switch between the table and the sunsets side by side"),
        Binding("escape", "back", "Back", id="back", tooltip="Close the comparison"),
    ]

    HORIZONTAL_BREAKPOINTS: ClassVar[list[tuple[int, str]]] = [(0, "-w-tiny"), (40, "-w-narrow"), (80, "-w-wide")]
    """Below 80 columns the baseline and filter state give way to the case names."""
    VERTICAL_BREAKPOINTS: ClassVar[list[tuple[int, str]]] = [(0, "-h-tiny"), (12, "-h-tall")]
    """Below 12 rows the detail line under the table goes."""

    def __init__(self, cases: Sequence[Case]) -> None:
        super().__init__()
        self.cases = list(cases)

    def compose(self) -> ComposeResult:
        with Horizontal(id="compare-title"):
            yield Static(id="compare-names")
            yield Static(id="compare-status")
        yield ReloadBanner(id="reload-banner")
        with TabbedContent(id="compare-tabs"):
            with TabPane("Table", id="tab-table"):
                yield CompareTable(self.cases, id="compare-table")
                yield Static(id="cell-detail")
            with TabPane("Sunsets", id="tab-sunsets"):
                yield SideBySideSunsets(self.cases, id="sunsets")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.watch(self.app, "lang", self._lang_changed, init=False)
        self._render_all()

    @property
    def lang(self) -> str:
        """The app's display language."""
        return str(getattr(self.app, "lang", "en"))

    @property
    def table(self) -> CompareTable:
        return self.query_one(CompareTable)

    def _lang_changed(self, _lang: str) -> None:
        self._render_all()

    def _localize_bindings(self, lang: str) -> None:
        """Footer descriptions in `lang`."""
        bindings = self._bindings.key_to_bindings
        for key, group in bindings.items():
            bindings[key] = [replace(b, description=_word(f"b_{b.id}", lang)) if b.id else b for b in group]
        self.refresh_bindings()

    def _render_all(self) -> None:
        lang = self.lang
        self._localize_bindings(lang)
        tabs = self.query_one(TabbedContent)
        tabs.get_tab("tab-table").label = _word("table", lang)
        tabs.get_tab("tab-sunsets").label = _word("sunsets", lang)
        self.query_one("#compare-names", Static).update(self._names(lang))
        self.table.rebuild(lang)
        self.query_one(SideBySideSunsets).show(lang)
        self._update_status()

    def on_case_reloaded(self, message: CaseReloaded) -> None:
        """A compared case's file was saved: the table and sunsets show the new version, cursor kept."""
        at = next((i for i, case in enumerate(self.cases) if case.id == message.case_id), None)
        if at is None:
            return
        entry = message.entry
        banner = self.query_one(ReloadBanner)
        if entry is None:
            banner.show_message(f"{message.case_id}: {word('case_removed', self.lang)}")
            return
        # The errors of every compared case: another one may still be broken.
        entries = message.library.entries
        banner.show([p for c in self.cases if (e := entries.get(c.id)) is not None for p in e.problems], self.lang)
        case = entry.case
        if case is not None and case is not self.cases[at]:
            self.cases[at] = case
            self.table.cases = list(self.cases)
            self.query_one(SideBySideSunsets).cases = list(self.cases)
            self._render_all()

    def _names(self, lang: str) -> Text:
        title = Text()
        title.append(f" {_word('compare', lang)} ", style="bold #ffffff on #4a8fd4")
        for n, case in enumerate(self.cases):
            title.append("  " if n == 0 else "  ·  ", style="dim")
            title.append_text(safe.localized(case.name, lang, style="bold"))
        return title

    def _update_status(self) -> None:
        """Baseline and filter state, top right."""
        lang, table = self.lang, self.table
        text = Text()
        if table.baseline is not None:
            text.append(f"◆ {_word('baseline', lang)}", style="#4a8fd4")
            text.append_text(safe.localized(self.cases[table.baseline].name, lang, style="bold #4a8fd4"))
            text.append("   ")
        if table.only_differences:
            shown = len(table.rows_shown)
            text.append(_word("only_diff", lang).format(shown=shown, n=table.total_rows), style="bold #d08a1c")
        else:
            text.append(_word("all_rows", lang).format(n=table.total_rows), style="dim")
        self.query_one("#compare-status", Static).update(text)
        self._update_detail()

    @on(TabbedContent.TabActivated, "#compare-tabs")
    def _focus_view(self) -> None:
        """The keys go to the view on show: the table's cursor, or the sunsets' scrolling."""
        if self.query_one(TabbedContent).active == "tab-sunsets":
            self.query_one(SideBySideSunsets).focus()
        else:
            self.table.focus()

    @on(DataTable.CellHighlighted, "#compare-table")
    def _cell_highlighted(self) -> None:
        self._update_detail()

    def _update_detail(self) -> None:
        """The highlighted value in full, with its note and sources (which the cells leave out)."""
        table, lang = self.table, self.lang
        row = table.row_at(table.cursor_row)
        detail = Text()
        column = table.case_index
        if row is not None:
            detail.append(row.label, style="bold")
            if column is not None:
                detail.append(" · ", style="dim")
                detail.append_text(safe.localized(self.cases[column].name, lang, style="dim"))
                cell = row.cells[column]
                detail.append("\n")
                if cell is None:
                    detail.append("—", style="dim")
                else:
                    detail.append(cell.display)
                    if cell.note:
                        detail.append(f"\n{_word('note', lang)}", style="dim")
                        detail.append(cell.note)
                    for source_id in cell.sources:
                        source = self.cases[column].source(source_id)
                        detail.append(f"\n{_word('source', lang)}", style="dim")
                        if source is None:
                            detail.append(source_id, style="italic")
                        else:
                            detail.append_text(safe.localized(source.title, lang, style="italic"))
        self.query_one("#cell-detail", Static).update(Wrapped(detail))

    def action_differences(self) -> None:
        """Show only rows that differ, or every row again."""
        self.table.toggle_differences()
        self._update_status()

    def action_baseline(self) -> None:
        """Pin the case under the cursor as the baseline, or unpin it."""
        if not self.table.pin_baseline():
            self.notify(_word("pick_column", self.lang), severity="warning", markup=False)
        self.query_one(TabbedContent).active = "tab-table"
        self._update_status()

    def action_next_difference(self) -> None:
        """Jump to the next row that differs."""
        self.query_one(TabbedContent).active = "tab-table"
        if not self.table.next_difference():
            self.notify(_word("no_diff", self.lang), markup=False)

    def action_switch_view(self) -> None:
        """Between the table and the sunsets side by side."""
        tabs = self.query_one(TabbedContent)
        tabs.active = "tab-sunsets" if tabs.active == "tab-table" else "tab-table"

    def action_back(self) -> None:
        """Close the comparison."""
        self.dismiss()
