"""A line above a case that says its file was saved with errors, and where: shown until the file is fixed."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.widgets import Static

from casetui.problems import Problem
from casetui.tui.labels import word


class ReloadBanner(Static):
    """Hidden while the case's file loads; otherwise `path:line: key.path: message` for each error."""

    DEFAULT_CSS = """
    ReloadBanner {
        display: none;
        height: auto;
        max-height: 6;
        padding: 0 1;
        background: $error 25%;
        color: $text;
    }
    ReloadBanner.-shown {
        display: block;
    }
    """

    def show(self, problems: Sequence[Problem], lang: str) -> None:
        """Show the errors among `problems`, or hide the banner when there are none."""
        errors = [p for p in problems if not p.warning]
        self.set_class(bool(errors), "-shown")
        if not errors:
            self.update("")
            return
        text = Text(word("stale_file", lang), style="bold")
        for problem in errors:
            text.append("\n")
            text.append(str(problem))  # Problem.__str__ escapes what the file holds.
        self.update(text)

    def show_message(self, message: str) -> None:
        """Show one line of the app's own words (the case's file is gone)."""
        self.set_class(True, "-shown")
        self.update(Text(message, style="bold"))
