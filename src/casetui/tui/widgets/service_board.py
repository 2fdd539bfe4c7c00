"""The board of a case's services: on, off, or stopping at this step of the sunset.

When the board has fewer rows than its services need (a projector's screen, a short terminal), it
shows the services that change at this step first, then as many others as fit, then how many more
are on and off: what the room needs at this step is never the part that is cut.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.geometry import Size
from textual.widget import Widget

from casetui.derive import ServiceState
from casetui.tui import safe
from casetui.tui.labels import is_zh
from casetui.tui.wrapping import wrap_text

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
        self._cache: tuple[tuple[int, str, tuple[ServiceState, ...]], list[list[Text]]] | None = None
        """The rows last laid out, and for which width, language and states."""

    def show(self, states: tuple[ServiceState, ...], lang: str) -> None:
        """Show the state of every service at the current step."""
        self._states, self._lang = states, lang
        self.border_title = _word("services", lang)
        on = sum(state.on for state in states)
        self.border_subtitle = _word("still_on", lang).format(on=on, total=len(states)) if states else ""
        self.refresh(layout=True)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        # Every service in full; a max-height may then leave less, and `render` fits the board to it.
        return sum(len(row) for row in self._rows(width)) if self._states else 1

    def render(self) -> Text:
        states, lang = self._states, self._lang
        if not states:
            return Text(_word("none", lang), style="dim italic")
        width, height = self.content_size
        rows = self._rows(width)
        if height <= 0 or sum(len(row) for row in rows) <= height:
            return Text("\n").join(line for row in rows for line in row)
        # What changes at this step first, then the others in order, as many as fit above the count.
        order = sorted(range(len(states)), key=lambda n: not states[n].ended_here)
        shown, used = 0, 0
        while shown < len(order) and used + len(rows[order[shown]]) + 1 <= height:
            used += len(rows[order[shown]])
            shown += 1
        lines = [line for n in order[:shown] for line in rows[n]]
        lines.append(more_line([states[n] for n in order[shown:]], lang))
        return Text("\n").join(lines)

    def _rows(self, width: int) -> list[list[Text]]:
        """Each service's lines at `width` cells: lamp, name wrapped by casetui's rules, state on the right.

        Laid out by hand rather than as a table so that each row's height is known on its own: the
        board then fits hundreds of services to its height without rendering them again and again.
        """
        key = (width, self._lang, self._states)
        if self._cache is not None and self._cache[0] == key:
            return self._cache[1]
        looks = [self._look(state, self._lang) for state in self._states]
        label_width = max(label.cell_len for _, _, label in looks)
        name_width = max(1, width - 2 - 1 - label_width)
        rows = []
        for state, (lamp, name_style, label) in zip(self._states, looks, strict=True):
            name = safe.localized(state.service.name, self._lang, style=name_style)
            pieces = list(wrap_text(name, name_width)) or [Text()]
            row = []
            for n, piece in enumerate(pieces):
                if n:
                    row.append(Text.assemble("  ", piece))
                    continue
                piece.pad_right(name_width - piece.cell_len)
                padding = " " * (label_width - label.cell_len)
                row.append(Text.assemble(lamp, " ", piece, " ", padding, label))
            rows.append(row)
        self._cache = (key, rows)
        return rows

    @staticmethod
    def _look(state: ServiceState, lang: str) -> tuple[Text, str, Text]:
        """Lamp, name style and state label of one service."""
        if state.ended_here:
            return Text("✕", style=STOP_STYLE), "bold", Text(_word("stops_here", lang), style=STOP_STYLE)
        if state.on:
            return Text("●", style=ON_STYLE), "", Text(_word("on", lang), style=ON_STYLE)
        return Text("○", style=OFF_STYLE), OFF_STYLE, Text(_word("off", lang), style=OFF_STYLE)
