"""Helpers for the no-text-lost proof: what a case says, and reading it off the screen as a person would.

A `Reading` gathers what the views showed. Each scrollable is read page by page (the pilot
presses `pagedown` until the view cannot move), and the cells inside the view on each page are put
together by scroll offset, so a text that runs across a page edge is read as the person scrolling
reads it; a text the view does not show (cut at its side, or under another widget) is not found.
A text is found when its characters follow each other on screen, line after line, ignoring only
whitespace: a wrapped line may continue at another column (a hanging indent) but must continue the
text.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from textual.app import App
from textual.geometry import Region
from textual.pilot import Pilot
from textual.strip import Strip
from textual.widget import Widget

from casetui.model import Case, Fact
from casetui.text import LText
from casetui.values import display_value

MAX_PAGES = 200
"""A scrollable that has not reached its end after this many pages does not scroll."""


def _text(value: LText | None, lang: str) -> str | None:
    return None if value is None else value.get(lang)


def reading_texts(case: Case, lang: str) -> dict[str, str]:
    """Every text of the case a reader must find, by a name that says where it comes from."""
    texts: dict[str, str | None] = {
        "summary": _text(case.summary, lang),
        "reason": _text(case.reason, lang),
        "model type": _text(case.model_type, lang),
        "model summary": _text(case.model_summary, lang),
    }
    for key, value in case.dimensions:
        if isinstance(value, Fact):
            texts[f"model {key}"] = display_value(value.value, lang)[0]
            texts[f"model {key} note"] = _text(value.note, lang)
        elif isinstance(value, LText):
            texts[f"model {key}"] = value.get(lang)
        else:
            texts[f"model {key}"] = display_value(value, lang)[0]
    texts.update(event_texts(case, lang))
    for n, quote in enumerate(case.quotes, 1):
        texts[f"quote {n}"] = _text(quote.text, lang)
        texts[f"quote {n} by"] = _text(quote.by, lang)
    for n, lesson in enumerate(case.lessons, 1):
        texts[f"lesson {n}"] = _text(lesson.text, lang)
    texts.update(question_texts(case, lang))
    return {name: text for name, text in texts.items() if text and text.strip()}


def event_texts(case: Case, lang: str) -> dict[str, str]:
    """Each event's title and detail."""
    texts: dict[str, str] = {}
    for event in case.events:
        texts[f"event {event.id} title"] = event.title.get(lang)
        if event.detail is not None:
            texts[f"event {event.id} detail"] = event.detail.get(lang)
    return texts


def question_texts(case: Case, lang: str, tied_to_events: bool = False) -> dict[str, str]:
    """Each question's prompt and trainer notes (only those tied to an event, for the sunset)."""
    texts: dict[str, str] = {}
    for n, question in enumerate(case.questions, 1):
        if tied_to_events and question.event is None:
            continue
        texts[f"question {n}"] = question.prompt.get(lang)
        if question.notes is not None:
            texts[f"question {n} notes"] = question.notes.get(lang)
    return texts


def lines_in(app: App[object], region: Region) -> list[str]:
    """The lines of the terminal inside `region`, cell-exact (a CJK character is two cells).

    The same cells as the whole screen's `render_strips()` cropped to `region`, but only the widgets
    that overlap the region are drawn: reading a scrolled view page by page, the rest of the screen
    (tables, footer, header) was most of the cost.
    """
    compositor = app.screen._compositor
    region = region.intersection(compositor.size.region)
    rows = range(region.y, region.bottom)
    chops = compositor._render_chops(region, rows.__contains__)
    lines = []
    for y in rows:
        cuts = [(x, strip) for x, strip in chops[y].items() if strip is not None]
        # The screen itself overlaps every region, so its cells fill each line from its first cut.
        left = cuts[0][0]
        line = Strip.join(strip for _x, strip in cuts)
        lines.append(line.crop(region.x - left, region.right - left).text)
    return lines


@dataclass
class Reading:
    """What each view showed, put together from its pages."""

    documents: list[list[str]] = field(default_factory=list)

    async def add_scrollable(self, pilot: Pilot[None], view: Widget) -> None:
        """Scroll `view` (which has focus) from its top to its end with the keyboard, reading every page."""
        assert view.has_focus, f"{view!r} does not have the focus, so the keyboard cannot scroll it"
        # Back to the top with `pageup`: `home` belongs to the sunset's stepping (first event), not its pane.
        for _ in range(MAX_PAGES):
            if round(view.scroll_y) == 0:
                break
            await pilot.press("pageup")
        region = view.scrollable_content_region
        pages: dict[int, str] = {}
        for _ in range(MAX_PAGES):
            top = round(view.scroll_y)
            for row, line in enumerate(lines_in(pilot.app, region)):  # Kept by their place in the content.
                pages[top + row] = line
            if view.scroll_y >= view.max_scroll_y:
                break
            # No `pause` after a key: `press` returns once the screen has handled it and laid it out
            # (tests/settle.py).
            await pilot.press("pagedown")
            if round(view.scroll_y) == top:
                raise AssertionError(f"pagedown does not scroll {view!r} (at {top} of {view.max_scroll_y})")
        self.documents.append([pages[y] for y in sorted(pages)])

    def find(self, text: str) -> bool:
        """Whether `text` appears whole in some document, whitespace aside."""
        target = "".join(text.split())
        return any(_found(document, target) for document in self.documents)

    def missing(self, texts: dict[str, str]) -> dict[str, str]:
        """The texts not found, by name."""
        return {name: text for name, text in texts.items() if not self.find(text)}


def _match(line: str, start: int, target: str, at: int) -> int:
    """How many characters of `target` from `at` the line spells from `start`, skipping its spaces."""
    matched = 0
    for char in line[start:]:
        if char.isspace():
            continue
        if at + matched >= len(target) or char != target[at + matched]:
            break
        matched += 1
    return matched


def _starts(line: str, char: str) -> Iterator[int]:
    index = line.find(char)
    while index != -1:
        yield index
        index = line.find(char, index + 1)


def _found(lines: list[str], target: str) -> bool:
    if not target:
        return True
    for y, line in enumerate(lines):
        for x in _starts(line, target[0]):
            if _follow(lines, y, x, target):
                return True
    return False


def _follow(lines: list[str], y: int, x: int, target: str) -> bool:
    """Whether `target` starts at (x, y) and goes on, line after line, to its end."""
    at = 0
    while True:
        matched = _match(lines[y], x, target, at)
        if matched == 0:
            return False
        at += matched
        if at == len(target):
            return True
        y += 1
        if y >= len(lines):
            return False
        # The next line goes on where the text goes on: at the start of the cell, or a hanging indent.
        best = max(((_match(lines[y], k, target, at), k) for k in _starts(lines[y], target[at])), default=(0, 0))
        if best[0] == 0:
            return False
        x = best[1]
