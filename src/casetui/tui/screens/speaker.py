"""The speaker view: a second terminal that follows `casetui present ID` step by step, for the trainer's eyes.

It shows the current event with its detail, the questions at this step with their trainer notes, the
next event, the step count and a clock. Stepping here moves the projected screen too (and the other
way round), through `casetui.present_link`.
"""

from __future__ import annotations

import time
from dataclasses import replace
from typing import ClassVar

from rich.console import Group
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from casetui.model import Case
from casetui.present_link import Follower, LinkError, LinkState
from casetui.timeline import TimelineCursor
from casetui.tui import safe
from casetui.tui.labels import is_zh
from casetui.tui.reloading import CaseReloaded, new_version
from casetui.tui.stepping import Stepping
from casetui.tui.widgets.event_card import EventCard, QuestionList
from casetui.tui.widgets.footer import KeysFooter
from casetui.tui.widgets.kinds import kind_colour
from casetui.tui.widgets.reload_banner import ReloadBanner

_WORDS: dict[str, tuple[str, str]] = {
    "speaker": ("SPEAKER", "讲者视图"),
    "step": ("Step {n} / {total}", "第 {n} / {total} 步"),
    "elapsed": ("{time} elapsed", "已用 {time}"),
    "next": ("Next: ", "下一步："),
    "last": ("This is the last event.", "这是最后一个事件。"),
    "connected": ("● following presenter (pid {pid})", "● 正在跟随演示（进程 {pid}）"),
    "waiting": (
        "○ no presenter yet: start `casetui present {id}` in another terminal; waiting",
        "○ 尚无演示：请在另一个终端运行 `casetui present {id}`；等待中",
    ),
    "lost": ("○ the presenter has quit; waiting for it to start again", "○ 演示已退出；等待重新开始"),
    "several": (
        "○ several presenters of this case (pids {pids}): pick one with --pid",
        "○ 此案例有多个演示（进程 {pids}）：请用 --pid 选择",
    ),
    "others": (
        "○ no presenter of this case (presenting now: {ids}); waiting",
        "○ 没有此案例的演示（正在演示：{ids}）；等待中",
    ),
    "unavailable": ("○ not linked: {error}", "○ 未连接：{error}"),
    # Footer descriptions, keyed `b_` + `Binding.id`.
    "b_next": ("Next", "下一步"),
    "b_prev": ("Prev", "上一步"),
    "b_first": ("First", "第一步"),
    "b_last": ("Last", "最后一步"),
    "b_quit": ("Quit", "退出"),
}


def _word(key: str, lang: str) -> str:
    pair = _WORDS[key]
    return pair[1] if is_zh(lang) else pair[0]


def link_text(state: LinkState | None, case_id: str, lang: str, error: str | None = None) -> Text:
    """One line on the link to the presenter: following whom, or why not and what to do."""
    if error is not None:
        return Text(_word("unavailable", lang).format(error=error), style="bold #d9534f")
    if state is not None and state.connected is not None:
        return Text(_word("connected", lang).format(pid=state.connected.pid), style="bold #5cb85c")
    choice = state.choice if state is not None else None
    if choice is not None and choice.several:
        line = _word("several", lang).format(pids=", ".join(str(p) for p in choice.several))
    elif state is not None and state.lost:
        line = _word("lost", lang)
    elif choice is not None and choice.others:
        line = _word("others", lang).format(ids=", ".join(choice.others))
    else:
        line = _word("waiting", lang).format(id=case_id)
    return Text(line, style="bold #d08a1c")


def clock_text(now: float, started: float, lang: str) -> Text:
    """The time of day, and how long the session has run."""
    seconds = max(0, int(now - started))
    elapsed = f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"
    text = Text(time.strftime("%H:%M:%S", time.localtime(now)), style="bold")
    text.append("  ·  " + _word("elapsed", lang).format(time=elapsed), style="dim")
    return text


class SpeakerScreen(Stepping, Screen[None]):
    """The trainer's view of the step the room sees, with everything the room does not."""

    CSS_PATH = "speaker.tcss"
    AUTO_FOCUS = ""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("right,space,l", "step(1)", "Next", id="next", tooltip="Next event, here and on the projector"),
        Binding("left,h", "step(-1)", "Prev", id="prev", tooltip="Previous event, here and on the projector"),
        Binding("home", "first", "First", id="first", tooltip="First event"),
        Binding("end", "last", "Last", id="last", tooltip="Last event"),
        Binding("escape,q", "quit_speaker", "Quit", id="quit", tooltip="Close the speaker view"),
    ]

    def __init__(self, case: Case, pid: int | None = None) -> None:
        super().__init__()
        self.case = case
        self.pid = pid
        """The presenter to follow when several present this case."""
        self.cursor = TimelineCursor(case)
        self.started = time.time()
        self.link: LinkState | None = None
        self.link_error: str | None = None
        self.follower = Follower(case.id, self.show_step, self._link_changed, pid=pid)

    def compose(self) -> ComposeResult:
        with Horizontal(id="speaker-title"):
            yield Static(id="speaker-name")
            yield Static(id="speaker-clock")
        with Horizontal(id="speaker-status"):
            yield Static(id="speaker-step")
            yield Static(id="speaker-link")
        yield ReloadBanner(id="reload-banner")
        with VerticalScroll(id="speaker-main", can_focus=False):
            yield EventCard(id="speaker-event")
            yield QuestionList(id="speaker-questions")
            yield Static(id="speaker-next")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.watch(self.app, "lang", self._lang_changed, init=False)
        self._localize_bindings(self.lang)
        self.refresh_step()
        self._tick()
        self.set_interval(1.0, self._tick)
        self.run_worker(self._follow(), name="speaker-link", exclusive=True)

    async def _follow(self) -> None:
        try:
            await self.follower.run()
        except LinkError as error:
            self.link_error = str(error)
            self._show_link()

    @property
    def lang(self) -> str:
        return str(getattr(self.app, "lang", "en"))

    def _lang_changed(self, lang: str) -> None:
        self._localize_bindings(lang)
        self.refresh_step()
        self._show_link()
        self._tick()

    def _localize_bindings(self, lang: str) -> None:
        bindings = self._bindings.key_to_bindings
        for key, group in bindings.items():
            bindings[key] = [replace(b, description=_word(f"b_{b.id}", lang)) if b.id else b for b in group]
        self.refresh_bindings()

    # -- drawing ---------------------------------------------------------------------------
    def refresh_step(self) -> None:
        """Show the cursor's step: the event, its questions with their notes, and what comes next."""
        lang, cursor = self.lang, self.cursor
        title = Text()
        title.append(f" {_word('speaker', lang)} ", style="bold #ffffff on #9b6ad1")
        title.append("  ")
        title.append_text(safe.localized(self.case.name, lang, style="bold"))
        self.query_one("#speaker-name", Static).update(title)
        total = len(cursor)
        step = Text(_word("step", lang).format(n=cursor.position + 1 if total else 0, total=total), style="bold")
        self.query_one("#speaker-step", Static).update(step)
        self.query_one(EventCard).show(cursor, lang)
        questions = self.query_one(QuestionList)
        questions.show(cursor.questions, lang, reveal=True)
        self.query_one("#speaker-next", Static).update(self._next(lang))

    def _next(self, lang: str) -> Group | Text:
        position = self.cursor.position + 1
        events = self.case.events
        if position >= len(events):
            return Text(_word("last", lang), style="dim italic")
        event = events[position]
        line = Text(_word("next", lang), style="bold")
        line.append(event.date.display(), style="dim")
        line.append("  ")
        line.append_text(safe.localized(event.title, lang, style=kind_colour(event.kind)))
        return line

    def _tick(self) -> None:
        self.query_one("#speaker-clock", Static).update(clock_text(time.time(), self.started, self.lang))

    def _link_changed(self, state: LinkState) -> None:
        self.link = state
        self._show_link()

    def _show_link(self) -> None:
        text = link_text(self.link, self.case.id, self.lang, self.link_error)
        self.query_one("#speaker-link", Static).update(text)

    # -- stepping --------------------------------------------------------------------------
    def show_step(self, position: int) -> None:
        """Move to `position` because the presenter is there."""
        if self.cursor.go(position):
            self.refresh_step()

    def _moved(self, moved: bool) -> None:
        if moved:
            self.refresh_step()
            self.follower.send(self.cursor.position)

    def action_quit_speaker(self) -> None:
        """Close the speaker view (the presenter goes on)."""
        self.app.exit()

    def on_case_reloaded(self, message: CaseReloaded) -> None:
        """The case's file was saved: show the new version at the same step, or say why not."""
        case = new_version(message, self.case, self.query_one(ReloadBanner), self.lang)
        if case is not None:
            self.case = case
            self.cursor = TimelineCursor(case, self.cursor.position)
            self.refresh_step()
