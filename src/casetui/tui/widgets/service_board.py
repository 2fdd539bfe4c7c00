"""The board of a case's services: on, off, or stopping at this step of the sunset.

When the board has fewer rows than its services need (a projector's screen, a short terminal), it
shows the services that change at this step first, then as many others as fit, then how many more
are on and off: what the room needs at this step is never the part that is cut.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual.geometry import Size
from textual.widget import Widget

from casetui.derive import ServiceState
from casetui.tui import safe
from casetui.tui.labels import is_zh
from casetui.tui.wrapping import Wrapped

_WORDS: dict[str, tuple[str, str]] = {
    "on": ("on", "可用"),
    "off": ("off", "已停"),
    "stops_here": ("stops here", "本步停止"),
    "services": ("Services", "服务"),
    "still_on": ("{on} of {total} still on", "{total} 项中 {on} 项可用"),
    "none": ("No services listed", "未列出服务"),
    "more_on": ("{n} more on", "另 {n} 项可用"),
    "more_off": ("{n} more off", "另 {n} 项已停"),
}

ON_COLOUR, STOP_COLOUR, OFF_COLOUR = "#3fa45b", "#d9534f", "#8a8f98"
ON_STYLE = f"bold {ON_COLOUR}"
STOP_STYLE = f"bold {STOP_COLOUR}"
OFF_STYLE = OFF_COLOUR


def _word(key: str, lang: str) -> str:
    pair = _WORDS[key]
    return pair[1] if is_zh(lang) else pair[0]


def more_line(hidden: Sequence[ServiceState], lang: str) -> Text:
    """`3 more on · 2 more off` for the services the board had no room for."""
    on = sum(state.on for state in hidden)
    parts = [_word("more_on", lang).format(n=on)] if on else []
    if len(hidden) - on:
        parts.append(_word("more_off", lang).format(n=len(hidden) - on))
    return Text(" · ".join(parts), style="dim italic")


def by_priority(states: Sequence[ServiceState]) -> list[ServiceState]:
    """The services that change at this step, then the others in `[services]` order."""
    return [s for s in states if s.ended_here] + [s for s in states if not s.ended_here]


class ServiceBoard(Widget):
    """One line per service: a lamp, its name (wrapped, never cut) and its state, readable at a glance."""

    DEFAULT_CSS = """
    ServiceBoard {
        height: auto;
        padding: 0 1;
    }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._states: tuple[ServiceState, ...] = ()
        self._lang = "en"

    def show(self, states: tuple[ServiceState, ...], lang: str) -> None:
        """Show the state of every service at the current step."""
        self._states, self._lang = states, lang
        self.border_title = _word("services", lang)
        on = sum(state.on for state in states)
        self.border_subtitle = _word("still_on", lang).format(on=on, total=len(states)) if states else ""
        self.refresh(layout=True)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        # Every service in full; a max-height may then leave less, and `render` fits the board to it.
        return self._rows(self._grid(self._states), width) if self._states else 1

    def render(self) -> RenderableType:
        states, lang = self._states, self._lang
        if not states:
            return Text(_word("none", lang), style="dim italic")
        width, height = self.content_size
        grid = self._grid(states)
        if height <= 0 or self._rows(grid, width) <= height:
            return grid
        order = by_priority(states)
        shown = 0
        while shown < len(order) and self._rows(self._grid(order[: shown + 1]), width) + 1 <= height:
            shown += 1
        return Group(self._grid(order[:shown]), more_line(order[shown:], lang))

    def _rows(self, grid: Table, width: int) -> int:
        """How many lines `grid` takes at `width` cells."""
        console = self.app.console
        return len(console.render_lines(grid, console.options.update_width(max(1, width)), pad=False))

    @staticmethod
    def _look(state: ServiceState, lang: str) -> tuple[Text, str, Text]:
        """Lamp, name style and state label of one service."""
        if state.ended_here:
            return Text("✕", style=STOP_STYLE), "bold", Text(_word("stops_here", lang), style=STOP_STYLE)
        if state.on:
            return Text("●", style=ON_STYLE), "", Text(_word("on", lang), style=ON_STYLE)
        return Text("○", style=OFF_STYLE), OFF_STYLE, Text(_word("off", lang), style=OFF_STYLE)

    def _grid(self, states: Sequence[ServiceState]) -> Table:
        grid = Table.grid(padding=(0, 1, 0, 0), expand=True)
        grid.add_column(width=1, no_wrap=True)
        grid.add_column(ratio=1)
        grid.add_column(justify="right", no_wrap=True)
        for state in states:
            lamp, name_style, label = self._look(state, self._lang)
            name = Wrapped(safe.localized(state.service.name, self._lang, style=name_style))
            grid.add_row(lamp, name, label)
        return grid
