"""The case screen: one case in seven tabs, from overview to discussion questions."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, cast

from rich.console import RenderableType
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Header, Static, TabbedContent, TabPane

from casetui.model import Case
from casetui.tui.labels import GOTO, localize_bindings, word
from casetui.tui.reloading import CaseReloaded, new_version
from casetui.tui.widgets import case_sections
from casetui.tui.widgets.case_sections import SECTIONS
from casetui.tui.widgets.footer import KeysFooter
from casetui.tui.widgets.reload_banner import ReloadBanner

if TYPE_CHECKING:
    from casetui.tui.app import CaseTUI

TAB_WORDS = {"model": "tab_model"}
"""Tabs whose label is shorter than the field's own word, so that seven fit in 80 columns."""


def _tab_word(name: str) -> str:
    return TAB_WORDS.get(name, name)


class CaseScreen(Screen[None]):
    """Everything about one case, readable and navigable by tab (keys 1-7)."""

    CSS_PATH = "case.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back", id="back", tooltip="Back to the library"),
        Binding("t", "sunset", "Sunset", id="sunset", tooltip="Step through the sunset timeline"),
        Binding("r", "reveal", "Notes", id="reveal", tooltip="Reveal or hide the trainer notes"),
        Binding("m", "mark", "Mark", id="mark", show=False),
        *(
            Binding(str(n), f"tab('{name}')", word(_tab_word(name)), id=GOTO + _tab_word(name), show=False)
            for n, name in enumerate(SECTIONS, 1)
        ),
        Binding("right_square_bracket", "next_tab(1)", "Next tab", id="next_tab", show=False),
        Binding("left_square_bracket", "next_tab(-1)", "Previous tab", id="prev_tab", show=False),
    ]

    reveal_notes: reactive[bool] = reactive(False, init=False)
    """Whether the questions tab shows the trainer notes."""

    def __init__(self, case: Case) -> None:
        super().__init__()
        self.case = case

    @property
    def tui(self) -> CaseTUI:
        """The app, typed."""
        return cast("CaseTUI", self.app)

    def compose(self) -> ComposeResult:
        yield Header(icon="◧")
        yield ReloadBanner(id="reload-banner")
        with TabbedContent(id="tabs"):
            for number, name in enumerate(SECTIONS, 1):
                label = self._tab_label(number, name, self.tui.lang)
                with TabPane(label, id=name), VerticalScroll(id=f"{name}-scroll"):
                    yield Static(id=f"{name}-body", classes="section")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.watch(self.app, "lang", self._lang_changed, init=False)
        self._apply_lang(self.tui.lang, refresh_footer=False)
        self._focus_section()

    def _tab_label(self, number: int, name: str, lang: str) -> Content:
        return Content.assemble((f"{number} ", "dim"), word(_tab_word(name), lang))

    def _lang_changed(self, lang: str) -> None:
        self._apply_lang(lang)

    def _apply_lang(self, lang: str, refresh_footer: bool = True) -> None:
        """Re-render every tab, the title and the footer in `lang`."""
        case = self.case
        self.title = case.name.get(lang)
        self.sub_title = case.company.get(lang) if case.company is not None else ""
        localize_bindings(self, lang)
        if refresh_footer:  # On mount the footer has yet to draw itself.
            self.refresh_bindings()
        tabs = self.query_one(TabbedContent)
        for number, name in enumerate(SECTIONS, 1):
            tabs.get_tab(name).label = self._tab_label(number, name, lang)
            self.query_one(f"#{name}-body", Static).update(self._render_section(name, lang))

    def _render_section(self, name: str, lang: str) -> RenderableType:
        if name == "questions":
            return case_sections.questions(self.case, lang, self.reveal_notes)
        render = getattr(case_sections, name)
        return render(self.case, lang)

    def watch_reveal_notes(self) -> None:
        self.query_one("#questions-body", Static).update(self._render_section("questions", self.tui.lang))

    def on_case_reloaded(self, message: CaseReloaded) -> None:
        """This case's file was saved: show the new version in the same tab, or say why not."""
        case = new_version(message, self.case, self.query_one(ReloadBanner), self.tui.lang)
        if case is not None:
            self.case = case
            self._apply_lang(self.tui.lang)

    @on(TabbedContent.TabActivated)
    def _focus_section(self) -> None:
        """Arrow keys and page keys scroll the active tab."""
        active = self.query_one(TabbedContent).active
        if active:
            self.query_one(f"#{active}-scroll", VerticalScroll).focus()

    def action_back(self) -> None:
        """Back to where the case was opened from."""
        self.dismiss()

    def action_sunset(self) -> None:
        """Open this case's sunset timeline."""
        if not self.case.events:
            self.notify(word("no_events", self.tui.lang), severity="warning", markup=False)
            return
        self.tui.open_sunset(self.case.id)

    def action_reveal(self) -> None:
        """Show or hide the trainer notes, and go to the questions."""
        self.reveal_notes = not self.reveal_notes
        self.action_tab("questions")

    def action_mark(self) -> None:
        """Mark or unmark this case for comparison."""
        self.tui.toggle_mark(self.case.id)

    def action_tab(self, name: str) -> None:
        """Show the tab called `name`."""
        self.query_one(TabbedContent).active = name

    def action_next_tab(self, step: int) -> None:
        """Show the next (or, with -1, the previous) tab, wrapping round."""
        tabs = self.query_one(TabbedContent)
        index = SECTIONS.index(tabs.active) if tabs.active in SECTIONS else 0
        tabs.active = SECTIONS[(index + step) % len(SECTIONS)]
