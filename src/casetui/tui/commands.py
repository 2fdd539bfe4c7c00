"""The command palette (ctrl+p): find a case to open, step through or mark, and the app's commands.

Only what fits is offered: compare needs two marked cases, the sunset needs events, "back to the
library" needs to be elsewhere, and a broken file offers nothing. Hits are shown as `Content`
built from literal text (the palette would read a plain string as markup).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from typing import TYPE_CHECKING, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.fuzzy import Matcher
from textual.style import Style

from casetui.record import NamedTuple
from casetui.tui.labels import word
from casetui.tui.screens.library import LibraryScreen

if TYPE_CHECKING:
    from casetui.tui.app import CaseTUI

VERB_STYLE = Style(dim=True)


class Choice(NamedTuple):
    """One thing the palette can do (a record: a frozen dataclass takes ten times as long to define, at start-up)."""

    verb: str
    """What it does, in the app's words: "Open case"."""
    subject: str
    """What it does it to (a case name, literal), or "" for an app command."""
    search: str
    """Other words it may be found by: a case's names in every language, company, tags and id."""
    run: Callable[[], object]

    @property
    def label(self) -> str:
        """The plain text shown, and the text the palette sorts by."""
        return f"{self.verb}: {self.subject}" if self.subject else self.verb

    @property
    def haystack(self) -> str:
        """What a query is matched against: the label and everything else it may be found by."""
        return f"{self.label} {self.search}"


class CaseCommands(Provider):
    """Cases (open, sunset, mark) and the app's own commands."""

    _choices: list[tuple[Choice, frozenset[str]]]

    @property
    def tui(self) -> CaseTUI:
        """The app, typed."""
        return cast("CaseTUI", self.app)

    def choices(self) -> Iterator[Choice]:
        """Every choice that fits the app's current state."""
        app = self.tui
        lang = app.lang
        marked = app.marked
        if len(marked) >= 2:
            yield Choice(word("p_compare", lang), "", "", partial(app.open_compare, marked))
        if marked:
            yield Choice(word("p_clear_marks", lang), "", "", partial(setattr, app, "marked", ()))
        if not isinstance(self.screen, LibraryScreen):  # The screen the palette was opened over.
            yield Choice(word("p_library", lang), "", "", _back_to_library(app))
        else:
            yield Choice(word("p_overview", lang), "", "overview stats charts 概览 统计", self.screen.action_overview)
        yield Choice(word("p_lang", lang), "", "language 语言 English 中文", app.action_toggle_lang)
        yield Choice(word("p_theme", lang), "", "theme 主题", app.action_toggle_theme)
        if app.library.problems:
            yield Choice(word("p_problems", lang), "", "", partial(_show_problems, app))
        opener, sunset = word("p_open", lang), word("p_sunset", lang)
        for entry in app.library.entries.values():
            summary = entry.summary
            if summary is None:
                continue
            name, found = summary.name.get(lang), summary.search_blob()
            yield Choice(opener, name, found, partial(app.open_case, entry.id))
            if summary.events:
                yield Choice(sunset, name, found, partial(app.open_sunset, entry.id))
            verb = word("p_unmark" if entry.id in marked else "p_mark", lang)
            yield Choice(verb, name, found, partial(app.toggle_mark, entry.id))

    async def startup(self) -> None:
        """Gather the choices once per opening of the palette, with the letters each can match."""
        self._choices = [(choice, frozenset(choice.haystack.casefold())) for choice in self.choices()]

    async def discover(self) -> Hits:
        """Before anything is typed: the app's commands, then open each case."""
        opener = word("p_open", self.tui.lang)
        for choice, _ in self._choices:
            if not choice.subject or choice.verb == opener:
                yield DiscoveryHit(self._display(choice), choice.run, text=choice.label)

    async def search(self, query: str) -> Hits:
        """Score each choice on everything it may be found by (names in any language), then on its label.

        A fuzzy match needs every letter of the query, so choices without them are skipped unscored:
        that keeps typing quick in a library of thousands of cases.
        """
        matcher = self.matcher(query)
        letters = frozenset(query.casefold().replace(" ", ""))
        for choice, available in self._choices:
            if not letters <= available:
                continue
            found = matcher.match(choice.haystack)
            if found > 0:
                score = max(matcher.match(choice.label), found * 0.9)
                yield Hit(score, self._display(choice, _offsets(matcher, choice.label)), choice.run, text=choice.label)

    def _display(self, choice: Choice, offsets: tuple[int, ...] = ()) -> Content:
        """The hit as literal content: the verb dimmed, the case name plain, matched letters underlined."""
        content = Content(choice.label)
        if choice.subject:
            content = content.stylize(VERB_STYLE, 0, len(choice.verb) + 1)
        for offset in offsets:
            content = content.stylize(Style(underline=True, bold=True), offset, offset + 1)
        return content


def _offsets(matcher: Matcher, candidate: str) -> tuple[int, ...]:
    """Where the query's letters fall in `candidate` (no markup involved, unlike `Matcher.highlight`)."""
    score, offsets = matcher.fuzzy_search.match(matcher.query, candidate)
    return tuple(offsets) if score else ()


def _back_to_library(app: CaseTUI) -> Callable[[], None]:
    def back() -> None:
        while len(app.screen_stack) > 1:
            app.pop_screen()

    return back


def _show_problems(app: CaseTUI) -> None:
    """Back to the library with the problems panel open."""
    _back_to_library(app)()
    screen = app.screen
    if isinstance(screen, LibraryScreen):
        screen.show_problems = True
