"""The library's preview pane: the highlighted case at a glance, or why its file did not load."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from casetui import derive
from casetui.library import Entry, display_path
from casetui.tui import safe
from casetui.tui.labels import word
from casetui.tui.listing import BROKEN
from casetui.tui.widgets.badges import scheduled, span_cell, status_text, when_text
from casetui.tui.wrapping import Wrapped

GLANCE_CHARS = 1_000
"""Characters of summary and reason the preview shows: wrapping a file's 400,000 would stall every cursor move."""
GLANCE_TAGS = 20
"""Tags the preview shows."""


class CasePreview(VerticalScroll, can_focus=True):
    """Summary, model type, key dates, lifespan and notice period of one case.

    It takes focus (tab from the table) so that a long summary scrolls from the keyboard.
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._shown: tuple[Entry | None, str, bool] | None = None
        """The entry shown, in which language, and whether it had loaded."""

    def compose(self) -> ComposeResult:
        yield Static(id="preview-body")

    def show(self, entry: Entry | None, lang: str) -> None:
        """Show `entry` (a loaded case or a broken file), or an empty pane for None.

        Showing what is shown already does nothing: a keystroke in the search often keeps the same case
        highlighted, and a new preview costs a layout of the screen.
        """
        shown = self._shown
        if shown is not None and shown[0] is entry and shown[1:] == (lang, entry is not None and entry.ok):
            return
        body = self.query_one("#preview-body", Static)
        body.update(render_preview(entry, lang))
        self.scroll_home(animate=False)
        self._shown = (entry, lang, entry is not None and entry.ok)  # After rendering: reading a case may break it.

    def forget(self) -> None:
        """Draw the next entry shown even if it is the one shown now: its file was read again."""
        self._shown = None

    def show_message(self, message: str) -> None:
        """Show a line of the app's own words instead of a case."""
        self.query_one("#preview-body", Static).update(Text(message, style="dim"))
        self._shown = None


def render_preview(entry: Entry | None, lang: str) -> RenderableType:
    """The preview of one entry as Rich renderables built from literal text."""
    if entry is None:
        return Text(word("no_match", lang), style="dim")
    case = entry.case  # Parsed on demand; None when the file is (or has become) broken.
    if case is None:
        return _broken(entry, lang)
    title = safe.localized(case.name, lang, style="bold")
    lines: list[RenderableType] = [*_stale(entry, lang), Wrapped(title)]
    if case.company is not None:
        lines.append(Wrapped(safe.localized(case.company, lang, style="dim")))
    badge = Text.assemble(status_text(case.status, lang))
    if case.tags:
        more = " …" if len(case.tags) > GLANCE_TAGS else ""
        badge.append("  " + " ".join(f"#{t}" for t in case.tags[:GLANCE_TAGS]) + more, style="dim")
    lines += [Wrapped(badge), Text("")]
    facts = Table.grid(padding=(0, 1))
    facts.add_column(style="dim", no_wrap=True)
    facts.add_column()
    facts.add_row(Text(word("model_type", lang)), Wrapped(safe.localized(case.model_type, lang)))
    facts.add_row(Text(word("launched", lang)), when_text(case.launched))
    # `ended`, else the final shutdown: what the table's Ended column shows. The day is enough in this
    # narrow pane (the case screen gives the time of day), and keeps the scheduled mark on its line.
    finish = derive.end(case)
    ended = when_text(None) if finish is None else when_text(finish.date, compact=True)
    ended = scheduled(ended, finish is not None and finish.scheduled, lang)
    facts.add_row(Text(word("ended", lang)), ended)
    summary = entry.summary
    if summary is not None:
        marked = summary.lifespan is not None and summary.lifespan_scheduled  # not on the dash of no lifespan
        lifespan = scheduled(span_cell(summary.lifespan, lang), marked, lang)
        facts.add_row(Text(word("lifespan", lang)), lifespan)
        notice = scheduled(span_cell(summary.notice, lang), summary.notice_scheduled, lang)
        facts.add_row(Text(word("notice", lang)), notice)
    if case.region:
        facts.add_row(Text(word("region", lang)), Text(case.region))
    lines += [facts, Text(""), _glance(safe.localized(case.summary, lang))]
    if case.reason is not None:
        lines += [Text(""), Text(word("reason", lang), style="bold"), _glance(safe.localized(case.reason, lang))]
    return Group(*lines)


def _stale(entry: Entry, lang: str) -> list[RenderableType]:
    """Above a case whose file was since saved with errors: the errors, before its last good version."""
    if not entry.stale:
        return []
    lines: list[RenderableType] = [Text(word("stale_file", lang), style="bold #d9534f")]
    lines += [Text(str(p)) for p in entry.problems if not p.warning]
    return [*lines, Text("")]


def _glance(text: Text) -> Wrapped:
    """The start of a long text, cut with an ellipsis; the case screen shows it whole."""
    if len(text) <= GLANCE_CHARS:
        return Wrapped(text)
    return Wrapped(text[:GLANCE_CHARS] + Text("…"))


def _broken(entry: Entry, lang: str) -> RenderableType:
    """A file that did not load: its path and every problem, so the author can fix it."""
    lines: list[RenderableType] = [
        Text.assemble(status_text(BROKEN, lang), " ", Text(entry.id, style="bold")),
        Text(""),
        Text(word("failed_to_load", lang), style="bold"),
        Text(display_path(entry.path), style="dim"),  # escaped: a file name may hold terminal controls
        Text(""),
    ]
    for problem in entry.problems:
        severity = word("warning" if problem.warning else "error", lang)
        lines.append(Text.assemble((f"{severity}: ", "bold #d9534f"), Text(str(problem))))
    return Group(*lines)
