"""An `Input` that handles every key in the order it was typed, even in a burst.

Textual's `Input` inserts a printable key in its own `_on_key`, but leaves a key it binds (backspace,
delete, the arrows, home, end, ctrl+w...) to bubble up: the `Key` event is posted to the parent's
message queue, then the grandparent's, up to the app, which only then runs the field's binding. When
keys arrive in one read (over SSH, in a browser, from a paste without bracketed-paste mode) the field
handles the printable keys that follow while the bound key is still on its way up, so `alphabeta`,
three backspaces and `gamma` became `alphabetaga` (Textual 8.2). This field runs its own bindings as
it meets them, in its own queue, so each key lands in its turn.
"""

from __future__ import annotations

from textual import events
from textual.command import CommandInput
from textual.widgets import Input


class OrderedKeys(Input):
    """Mixed into an `Input`: its own bound keys act where they were typed rather than after the keys that follow."""

    async def _on_key(self, event: events.Key) -> None:
        if not event.is_printable:
            for binding in self._bindings.key_to_bindings.get(event.key, ()):
                # Priority bindings were already tried by the app, before the key reached the field.
                if not binding.priority and await self.app.run_action(binding.action, self):
                    event.stop()
                    event.prevent_default()
                    return
        await super()._on_key(event)


class OrderedInput(OrderedKeys, Input):
    """casetui's text field: an `Input` that takes a burst of keys in order."""


class OrderedCommandInput(CommandInput, OrderedKeys):
    """The command palette's field, taking a burst of keys in order.

    `CommandInput` first: Textual's CSS type names follow the first base, and the palette styles
    and finds its field as `CommandInput`.
    """
