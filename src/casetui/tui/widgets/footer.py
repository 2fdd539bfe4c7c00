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
    the library screen about a tenth of the time to the first frame. So a rebuild is skipped when
    one is already scheduled (it reads the bindings when it runs) or the keys shown would not change.
    """

    def __init__(self) -> None:
        super().__init__()
        self._shown: Hashable | None = None
        """What the keys on display were built from; None before the first build."""
        self._rebuild_pending = False
        """A rebuild is scheduled: it will read the bindings as they are then, so another is not needed."""

    def _keys(self, screen: Screen[object]) -> Hashable:
        """Everything the footer's keys are built from: the shown bindings and the command palette's.

        Hidden bindings are left out: moving the focus changes them (each widget has its own
        scrolling keys) without changing a single key on display.
        """
        palette = self.app.COMMAND_PALETTE_BINDING
        return tuple(
            (key, binding.key, binding.description, binding.action, binding.group, enabled, tooltip)
            for key, (_node, binding, enabled, tooltip) in screen.active_bindings.items()
            if binding.show or key == palette
        )

    def compose(self) -> ComposeResult:
        self._rebuild_pending = False
        # Textual's footer stays empty until the screen first reports its bindings, after the first
        # frame: the screen would first show without its keys. They are known already, so draw them now.
        self.set_reactive(Footer._bindings_ready, True)
        self._shown = self._keys(self.screen)
        yield from super().compose()

    def bindings_changed(self, screen: Screen[object]) -> None:
        if screen is self.screen:
            if self._rebuild_pending:
                return
            if self._shown is not None and self._keys(screen) == self._shown:
                return
            # The conditions under which Textual's footer schedules a rebuild (after the next refresh).
            self._rebuild_pending = screen.app.app_focus and self.is_attached
        super().bindings_changed(screen)
