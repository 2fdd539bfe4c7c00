"""The board of a case's services: on, off, or stopping at this step of the sunset."""

from __future__ import annotations

from rich import box
from rich.columns import Columns
from rich.panel import Panel
from rich.table import Table
from rich.text import Text
from textual.widgets import Static

from casetui.derive import ServiceState
from casetui.tui import safe
from casetui.tui.labels import is_zh

_WORDS: dict[str, tuple[str, str]] = {
    "on": ("on", "可用"),
    "off": ("off", "已停"),
    "stops_here": ("stops here", "本步停止"),
    "services": ("Services", "服务"),
    "still_on": ("{on} of {total} still on", "{total} 项中 {on} 项可用"),
    "none": ("No services listed", "未列出服务"),
}

ON_COLOUR, STOP_COLOUR, OFF_COLOUR = "#3fa45b", "#d9534f", "#8a8f98"
ON_STYLE = f"bold {ON_COLOUR}"
STOP_STYLE = f"bold {STOP_COLOUR}"
OFF_STYLE = OFF_COLOUR
TILE_WIDTH = 26
"""Tiles share one width so that a row of them lines up on the projector."""


def _word(key: str, lang: str) -> str:
    pair = _WORDS[key]
    return pair[1] if is_zh(lang) else pair[0]


class ServiceBoard(Static):
    """One line per service: a lamp, its name and its state, readable at a glance."""

    DEFAULT_CSS = """
    ServiceBoard {
        height: auto;
        padding: 0 1;
    }
    """

    def show(self, states: tuple[ServiceState, ...], lang: str, tiles: bool = False) -> None:
        """Render the states of every service at the current step: as lines, or as tiles for a projector."""
        self.border_title = _word("services", lang)
        if not states:
            self.border_subtitle = ""
            self.update(Text(_word("none", lang), style="dim italic"))
            return
        on = sum(state.on for state in states)
        self.border_subtitle = _word("still_on", lang).format(on=on, total=len(states))
        self.update(self._tiles(states, lang) if tiles else self._lines(states, lang))

    @staticmethod
    def _look(state: ServiceState, lang: str) -> tuple[Text, str, Text, str]:
        """Lamp, name style, state label and border colour of one service."""
        if state.ended_here:
            return Text("✕", style=STOP_STYLE), "bold", Text(_word("stops_here", lang), style=STOP_STYLE), STOP_COLOUR
        if state.on:
            return Text("●", style=ON_STYLE), "", Text(_word("on", lang), style=ON_STYLE), ON_COLOUR
        return Text("○", style=OFF_STYLE), OFF_STYLE, Text(_word("off", lang), style=OFF_STYLE), OFF_COLOUR

    def _lines(self, states: tuple[ServiceState, ...], lang: str) -> Table:
        grid = Table.grid(padding=(0, 1, 0, 0), expand=True)
        grid.add_column(width=1, no_wrap=True)
        grid.add_column(ratio=1)
        grid.add_column(justify="right", no_wrap=True)
        for state in states:
            lamp, name_style, label, _ = self._look(state, lang)
            grid.add_row(lamp, safe.localized(state.service.name, lang, style=name_style), label)
        return grid

    def _tiles(self, states: tuple[ServiceState, ...], lang: str) -> Columns:
        panels = []
        for state in states:
            lamp, name_style, label, colour = self._look(state, lang)
            body = Text.assemble(lamp, " ", safe.localized(state.service.name, lang, style=name_style or "bold"))
            body.append("\n")
            body.append_text(label)
            body.justify = "center"
            panels.append(Panel(body, border_style=colour, box=box.ROUNDED, width=TILE_WIDTH))
        return Columns(panels, padding=(0, 1))
