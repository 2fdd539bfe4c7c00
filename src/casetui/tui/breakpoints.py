"""A screen's width and height classes, set before its first layout rather than on its first resize."""

from __future__ import annotations

from textual.geometry import Size
from textual.screen import Screen


def _class_for(dimension: int, breakpoints: list[tuple[int, str]]) -> str | None:
    """The class of the largest breakpoint at or below `dimension` (Textual's rule)."""
    for edge, name in sorted(breakpoints, reverse=True):
        if dimension >= edge:
            return name
    return None


def set_breakpoints(screen: Screen[object], size: Size) -> None:
    """Give `screen` the breakpoint classes Textual would give it for a terminal of `size`.

    Textual sets them as the screen handles its first Resize event, which comes after the first
    frame has been drawn: a narrow terminal would first see the wide layout (the library's table and
    preview side by side at 80 columns), then jump. Called from `compose`, the first layout is
    already the one for this size; Textual's own resize handling keeps them up to date afterwards.
    """
    app = screen.app
    horizontal = screen.HORIZONTAL_BREAKPOINTS
    vertical = screen.VERTICAL_BREAKPOINTS
    horizontal = (app.HORIZONTAL_BREAKPOINTS if horizontal is None else horizontal) or []
    vertical = (app.VERTICAL_BREAKPOINTS if vertical is None else vertical) or []
    classes = {name: False for _, name in (*horizontal, *vertical)}
    for name in (_class_for(size.width, horizontal), _class_for(size.height, vertical)):
        if name is not None:
            classes[name] = True
    screen.update_classes(classes, animate=False)
