"""Step through a case's sunset one event at a time; in workshop mode, full screen for a projector.

The screen only displays a `TimelineCursor`: what the current event is, how far it lies from the
announcement and from the final shutdown, which services are still on, what to discuss, and (with
spoilers off) what the class may not see yet. The cursor's position is the one current step: whatever
moves it then calls `refresh_step`, which starts a new step's pane at its top.
"""

from __future__ import annotations

from dataclasses import replace
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.reactive import var
from textual.screen import Screen
from textual.widgets import Digits, Static

from casetui import derive
from casetui.model import Case
from casetui.timeline import Hidden, TimelineCursor
from casetui.tui import safe
from casetui.tui.breakpoints import set_breakpoints
from casetui.tui.labels import is_zh, span_text
from casetui.tui.reloading import CaseReloaded, new_version
from casetui.tui.stepping import Stepping
from casetui.tui.widgets.badges import scheduled
from casetui.tui.widgets.event_card import EventCard, EventDetail, QuestionList, SourceList, countdown, word
from casetui.tui.widgets.event_pane import EventPane
from casetui.tui.widgets.footer import KeysFooter
from casetui.tui.widgets.reload_banner import ReloadBanner
from casetui.tui.widgets.ribbon import Ribbon
from casetui.tui.widgets.service_board import ServiceBoard

_WORDS: dict[str, tuple[str, str]] = {
    "sunset": ("SUNSET", "关停时间线"),
    "workshop": ("WORKSHOP", "研讨模式"),
    "notice": ("Notice", "通知期"),
    "since": ("{unit} since the announcement", "宣布后（{unit}）"),
    "before": ("{unit} before the announcement", "宣布前（{unit}）"),
    "left": ("{unit} to the final shutdown", "距最终关停（{unit}）"),
    "after": ("{unit} after the final shutdown", "最终关停后（{unit}）"),
    "no_spoilers": ("no spoilers", "防剧透"),
    "offset_hidden": ("since the announcement: hidden (no spoilers)", "宣布后：已隐藏（防剧透）"),
    "left_hidden": ("to the final shutdown: hidden (no spoilers)", "距最终关停：已隐藏（防剧透）"),
    # Footer descriptions, keyed `b_` + `Binding.id`.
    "b_next": ("Next", "下一步"),
    "b_prev": ("Prev", "上一步"),
    "b_first": ("First", "第一步"),
    "b_last": ("Last", "最后一步"),
    "b_reveal": ("Notes", "备注"),
    "b_spoilers": ("Spoilers", "剧透"),
    "b_back": ("Back", "返回"),
    "b_quit": ("Quit", "退出"),
}


def _word(key: str, lang: str) -> str:
    pair = _WORDS[key]
    return pair[1] if is_zh(lang) else pair[0]


FIGURES_FROM = 24
"""Rows from which workshop mode shows the large figures (sunset.tcss hides them below)."""


class SunsetScreen(Stepping, Screen[None]):
    """The sunset timeline of one case, one event at a time."""

    CSS_PATH = "sunset.tcss"
    AUTO_FOCUS = "#sunset-main"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("right,space,l", "step(1)", "Next", id="next", tooltip="Next event"),
        Binding("left,h", "step(-1)", "Prev", id="prev", tooltip="Previous event"),
        Binding("home", "first", "First", id="first", tooltip="First event"),
        Binding("end", "last", "Last", id="last", tooltip="Last event"),
        Binding("r", "reveal", "Notes", id="reveal", tooltip="Reveal or hide the trainer notes"),
        Binding("s", "toggle_spoilers", "Spoilers", id="spoilers", tooltip="Show or hide what comes after this step"),
        Binding("escape", "back", "Back", id="back", tooltip="Close the sunset"),
        Binding("escape,q", "quit_present", "Quit", id="quit", tooltip="Quit workshop mode"),
    ]

    HORIZONTAL_BREAKPOINTS: ClassVar[list[tuple[int, str]]] = [
        (0, "-w-tiny"),
        (40, "-w-narrow"),
        (80, "-w-medium"),
        (110, "-w-wide"),
    ]
    """Below 40 columns the board and ribbon go; below 80 the board moves under the event."""
    VERTICAL_BREAKPOINTS: ClassVar[list[tuple[int, str]]] = [
        (0, "-h-tiny"),
        (12, "-h-short"),
        (24, "-h-tall"),
        (30, "-h-roomy"),
    ]
    """Below 12 rows only the event is left; below 24 the large figures go; from 30 workshop mode spreads out."""

    class Stepped(Message):
        """The trainer stepped on this screen (not `show_step`, told by another view): the speaker view follows."""

        def __init__(self, case_id: str, position: int) -> None:
            super().__init__()
            self.case_id = case_id
            self.position = position

    reveal: var[bool] = var(False)
    """Whether the trainer notes of the current event's questions are shown."""

    def __init__(self, case: Case, present: bool = False, spoilers: bool = True) -> None:
        super().__init__(classes="-present" if present else None)
        self.case = case
        self.present = present
        self.cursor = TimelineCursor(case, spoilers=spoilers)
        self._drawn_step = 0
        """The step the screen last drew."""

    def compose(self) -> ComposeResult:
        # The first frame in this size's layout (see the module), and the footer's first keys in this language.
        set_breakpoints(self, self.app.size)
        self._localize_bindings(self.lang)
        with Horizontal(id="sunset-title"):
            yield Static(id="sunset-name")
            yield Static(id="sunset-notice")
        yield ReloadBanner(id="reload-banner")
        if self.present:
            with Horizontal(id="figures"):
                with Vertical(classes="figure"):
                    yield Digits(id="offset-digits")
                    yield Static(id="offset-caption", classes="caption")
                with Vertical(classes="figure"):
                    yield Digits(id="left-digits")
                    yield Static(id="left-caption", classes="caption")
        yield Ribbon(id="ribbon")
        with Horizontal(id="sunset-body"):
            with EventPane(id="sunset-main"):
                yield EventCard(id="event-card")
                # On a projector the question comes straight after the event's title: a long detail
                # must not push what the room discusses below the fold.
                if self.present:
                    yield QuestionList(id="questions")
                    yield EventDetail(id="event-detail")
                else:
                    yield EventDetail(id="event-detail")
                    yield QuestionList(id="questions")
                yield SourceList(id="event-sources")
            yield ServiceBoard(id="board")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.watch(self.app, "lang", self._lang_changed, init=False)
        self._localize_bindings(self.lang)
        self.refresh_step()

    @property
    def lang(self) -> str:
        """The app's display language."""
        return str(getattr(self.app, "lang", "en"))

    @property
    def _figures(self) -> bool:
        """True when the large figures show the offsets, so the event card need not repeat them."""
        # Before its first layout the screen has no size yet: the terminal's is the one it will have.
        height = self.size.height or self.app.size.height
        return self.present and height >= FIGURES_FROM

    def on_resize(self) -> None:
        if self.present:
            self.query_one(EventCard).show(self.cursor, self.lang, positions=not self._figures)

    def _lang_changed(self, lang: str) -> None:
        self._localize_bindings(lang)
        self.refresh_step()

    def _localize_bindings(self, lang: str) -> None:
        """Footer descriptions in `lang`."""
        bindings = self._bindings.key_to_bindings
        for key, group in bindings.items():
            bindings[key] = [replace(b, description=_word(f"b_{b.id}", lang)) if b.id else b for b in group]
        self.refresh_bindings()

    def watch_reveal(self, reveal: bool) -> None:
        if not self.is_mounted:
            return
        questions = self.query_one(QuestionList)
        questions.show(self.cursor.questions, self.lang, reveal)
        if reveal and self.cursor.questions:
            # The notes were drawn below the fold on a small screen: bring them up once laid out.
            self.call_after_refresh(self._bring_into_view, questions)

    def _bring_into_view(self, questions: QuestionList) -> None:
        self.query_one(EventPane).scroll_to_widget(questions, animate=False, top=True)

    def refresh_step(self) -> None:
        """Show the cursor's current step in every part of the screen."""
        lang, cursor = self.lang, self.cursor
        self.query_one("#sunset-name", Static).update(self._title(lang))
        self.query_one("#sunset-notice", Static).update(self._notice(lang))
        self.query_one(Ribbon).show(self.case, cursor.position, lang, horizon=cursor.horizon)
        self.query_one(EventCard).show(cursor, lang, positions=not self._figures)
        self.query_one(EventDetail).show(cursor, lang)
        self.query_one(QuestionList).show(cursor.questions, lang, self.reveal)
        self.query_one(SourceList).show(cursor, lang)
        self.query_one(ServiceBoard).show(cursor.states, lang)
        self.set_class(not self.case.services, "-no-services")
        if cursor.position != self._drawn_step:
            # A new step is read from its top, however the cursor got there.
            self._drawn_step = cursor.position
            self.query_one(EventPane).scroll_home(animate=False)
        if self.present:
            self._show_figures(lang)

    def _title(self, lang: str) -> Text:
        """Mode badge, case name and company."""
        title = Text()
        title.append(f" {_word('workshop' if self.present else 'sunset', lang)} ", style="bold #ffffff on #d08a1c")
        title.append("  ")
        title.append_text(safe.localized(self.case.name, lang, style="bold"))
        if self.case.company is not None:
            title.append("  ")
            title.append_text(safe.localized(self.case.company, lang, style="dim"))
        return title

    def _notice(self, lang: str) -> Text:
        """The notice period users were given, announcement to final shutdown (or that spoilers are off)."""
        notice = self.cursor.shown_notice
        text = Text()
        if not self.cursor.spoilers:
            text.append(f"{_word('no_spoilers', lang)}  ", style="bold #9b6ad1")
        if notice is not None and not isinstance(notice, Hidden):
            text.append(f"{_word('notice', lang)} ", style="dim")
            text.append(span_text(notice, lang), style="bold")
            scheduled(text, derive.notice_scheduled(self.case), lang)
        return text

    def _show_figures(self, lang: str) -> None:
        """Large figures for the room: days since the announcement and days left."""
        offset, left = self.cursor.shown_offset, self.cursor.shown_to_shutdown
        offset_digits = self.query_one("#offset-digits", Digits)
        offset_caption = self.query_one("#offset-caption", Static)
        if isinstance(offset, Hidden):
            offset_digits.update("--")
            offset_caption.update(Text(_word("offset_hidden", lang)))
        elif offset is None:
            offset_digits.update("--")
            offset_caption.update(Text(word("no_announcement", lang)))
        else:
            amount, unit = countdown(offset)
            offset_digits.update(f"{amount:+d}" if amount else "0")
            template = _word("before" if amount < 0 else "since", lang)
            offset_caption.update(Text(f"{offset.offset(lang)} · {template.format(unit=word(unit, lang))}"))
        left_digits = self.query_one("#left-digits", Digits)
        left_caption = self.query_one("#left-caption", Static)
        if isinstance(left, Hidden):
            left_digits.update("--")
            left_caption.update(Text(_word("left_hidden", lang)))
        elif left is None:
            left_digits.update("--")
            left_caption.update(Text(word("no_shutdown", lang)))
        else:
            amount, unit = countdown(left)
            left_digits.update(str(abs(amount)))
            template = _word("after" if amount < 0 else "left", lang)
            left_caption.update(Text(template.format(unit=word(unit, lang))))

    def _moved(self, moved: bool, announce: bool = True) -> None:
        if moved:
            # Hide the notes again without a separate redraw: refresh_step draws the questions.
            self.set_reactive(SunsetScreen.reveal, False)
            self.refresh_step()
            if announce:
                self.post_message(self.Stepped(self.case.id, self.cursor.position))

    def show_step(self, position: int) -> None:
        """Move to `position` because another view moved there (no `Stepped` message back)."""
        self._moved(self.cursor.go(position), announce=False)

    def on_case_reloaded(self, message: CaseReloaded) -> None:
        """This case's file was saved: show the new version at the same step, or say why not."""
        case = new_version(message, self.case, self.query_one(ReloadBanner), self.lang)
        if case is not None:
            self.case = case
            self.cursor = TimelineCursor(case, self.cursor.position, spoilers=self.cursor.spoilers)
            self.refresh_step()

    def action_toggle_spoilers(self) -> None:
        """Show or hide the events after the current step, and the figures they give away."""
        self.cursor.spoilers = not self.cursor.spoilers
        self.refresh_step()

    def action_reveal(self) -> None:
        """Show or hide the trainer notes."""
        self.reveal = not self.reveal

    def action_back(self) -> None:
        """Close the sunset and return to where it was opened from."""
        self.dismiss()

    def action_quit_present(self) -> None:
        """Quit: in workshop mode the sunset is the only screen."""
        self.app.exit()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Escape closes the screen, or quits in workshop mode; `q` quits only in workshop mode and
        # otherwise falls through to the app's own binding.
        if action == "back":
            return not self.present
        if action == "quit_present":
            return self.present
        return True
