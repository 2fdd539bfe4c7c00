"""The stepping keys a screen over a `TimelineCursor` shares: the sunset view and the speaker view."""

from __future__ import annotations

from casetui.timeline import TimelineCursor


class Stepping:
    """`step(±1)`, `first` and `last` actions over `self.cursor`.

    Each action hands whether the cursor moved to the screen's `_moved`, which decides what a move
    means there (redraw; tell the speaker view, or the presenter).
    """

    cursor: TimelineCursor

    def _moved(self, moved: bool) -> None:
        raise NotImplementedError

    def action_step(self, delta: int) -> None:
        """One event on (1) or back (-1)."""
        self._moved(self.cursor.go(self.cursor.position + delta))

    def action_first(self) -> None:
        """To the first event."""
        self._moved(self.cursor.first())

    def action_last(self) -> None:
        """To the last event."""
        self._moved(self.cursor.last())
