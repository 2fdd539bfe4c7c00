"""The sunset's scrolling pane: the event, its questions and sources, read from the keyboard."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll


class EventPane(VerticalScroll, inherit_bindings=False):
    """Scrolls with `up`/`down`/`pageup`/`pagedown` and nothing else.

    A scroll container also binds `left`/`right`/`home`/`end`; here those keys belong to the screen,
    which steps through the events with them, so the pane may hold the focus without taking them.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "scroll_up", "Scroll up", show=False),
        Binding("down", "scroll_down", "Scroll down", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("pagedown", "page_down", "Page down", show=False),
    ]
