"""How event kinds look: one colour, glyph and label per kind, shared by every timeline view.

Glyphs differ by shape as well as colour, so the ribbon reads on a monochrome projector too.
"""

from __future__ import annotations

from rich.style import Style

from casetui.tui.labels import word

KIND_COLOURS: dict[str, str] = {
    "launch": "#3fa45b",
    "milestone": "#7d8597",
    "growth": "#5aa469",
    "partnership": "#b5659e",
    "financial": "#1f9e89",
    "regulatory": "#4a8fd4",
    "announcement": "#d08a1c",
    "service-stop": "#e0703a",
    "shutdown": "#d9534f",
    "migration": "#9b6ad1",
    "other": "#8a8f98",
}
"""Mid-tone colours that read on both the dark and the light theme."""

KIND_GLYPHS: dict[str, str] = {
    "launch": "▲",
    "announcement": "◆",
    "service-stop": "▼",
    "shutdown": "■",
    "migration": "▶",
}
"""Kinds with a shape of their own; every other kind is a dot."""


def kind_colour(kind: str) -> str:
    """The colour of a kind (grey for one this version does not know)."""
    return KIND_COLOURS.get(kind, KIND_COLOURS["other"])


def kind_glyph(kind: str) -> str:
    """The ribbon marker of a kind."""
    return KIND_GLYPHS.get(kind, "●")


def kind_label(kind: str, lang: str) -> str:
    """The kind's name in the UI language (the app's shared word for it)."""
    return word(f"kind_{kind}", lang)


def kind_style(kind: str, bold: bool = False) -> Style:
    """Foreground style in the kind's colour."""
    return Style(color=kind_colour(kind), bold=bold)


def badge_style(kind: str) -> Style:
    """A solid badge: dark text on the kind's colour."""
    return Style(color="#ffffff", bgcolor=kind_colour(kind), bold=True)
