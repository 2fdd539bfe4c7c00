"""Textual's footer, rebuilt only when the keys it would show have changed."""

from __future__ import annotations

from collections.abc import Hashable

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer


class KeysFooter(Footer):
    """A `Footer` that skips rebuilding when nothing it shows has changed.

    Textual rebuilds every key of the footer each time a screen says its bindings changed. When a
    screen opens that happens three times over for the same keys (focus moves, the screen stack
    changes, the terminal reports focus), each rebuild mounting and styling a widget per key: on
    the library screen about a tenth of the time to the first frame.
    """

    def __init__(self) -> None:
        super().__init__()
        self._shown: Hashable | None = None
        """What the keys on display were built from; None before the first build."""

    def _keys(self, screen: Screen[object]) -> Hashable:
        """Everything about the screen's active bindings that the footer's keys are built from."""
        return tuple(
            (binding.key, binding.description, binding.action, binding.show, enabled, tooltip)
            for _node, binding, enabled, tooltip in screen.active_bindings.values()
        )

    def compose(self) -> ComposeResult:
        # `_bindings_ready` is the footer's own flag: False until the screen first reports its bindings.
        self._shown = self._keys(self.screen) if self._bindings_ready else None
        yield from super().compose()

    def bindings_changed(self, screen: Screen[object]) -> None:
        if self._shown is not None and screen is self.screen and self._keys(screen) == self._shown:
            return
        super().bindings_changed(screen)
