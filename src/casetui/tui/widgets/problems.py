"""Every problem met while loading the library: broken files and shadowed ids, one located line each."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Group, RenderableType
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from casetui.problems import Problem
from casetui.tui.labels import word

ERROR_STYLE = "bold #d9534f"
WARNING_STYLE = "bold #d08a1c"


class ProblemsPanel(VerticalScroll, can_focus=False):
    """The library's problems, shown on demand (`p`) and never fatal."""

    def compose(self) -> ComposeResult:
        yield Static(id="problems-body")

    def show(self, problems: Sequence[Problem], lang: str) -> None:
        """List `problems` in `lang`'s words."""
        self.border_title = word("problems", lang)
        self.query_one("#problems-body", Static).update(render_problems(problems, lang))


def render_problems(problems: Sequence[Problem], lang: str) -> RenderableType:
    """Errors first, then warnings; the text of each is literal."""
    if not problems:
        return Text(word("no_problems", lang), style="dim")
    ordered = sorted(problems, key=lambda p: p.warning)
    lines = []
    for problem in ordered:
        severity = word("warning" if problem.warning else "error", lang)
        style = WARNING_STYLE if problem.warning else ERROR_STYLE
        lines.append(Text.assemble((f"{severity}: ", style), Text(str(problem))))
    return Group(*lines)
