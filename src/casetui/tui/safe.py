"""Case text to Rich `Text`: never parsed as markup, so `[/]` and `[@click=…]` stay literal.

Control characters were already escaped at load time (casetui.sanitize); this module is the
other half of "text is data". Every widget that shows case text goes through here.
"""

from __future__ import annotations

from rich.text import Text

from casetui.text import LText

FALLBACK_STYLE = "italic"


def plain(text: str, style: str = "") -> Text:
    """A string as literal text."""
    return Text(text, style=style)


def localized(value: LText | None, lang: str, style: str = "", mark_fallback: bool = True) -> Text:
    """A case text in `lang`; a fallback language is marked with its tag, e.g. `⟨en⟩`."""
    if value is None:
        return Text("")
    resolved = value.resolve(lang)
    text = Text(resolved.text, style=style)
    if mark_fallback and resolved.fallback and resolved.lang:
        text.append(f" ⟨{resolved.lang}⟩", style="dim " + FALLBACK_STYLE)
    return text
