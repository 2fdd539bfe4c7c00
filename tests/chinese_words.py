"""English left in casetui's Chinese mode: words on screen that come neither from case text nor from key names.

Case text may be English where its author wrote only English, so the words allowed are those of the
case files' texts as Chinese mode resolves them: a `{ en = …, zh = … }` table gives its `zh`, an
English-only text gives its English. Enumerations casetui itself names (an event's `kind`, a case's
`status`, a fact's `unit`) are left out: their words on screen are ours, and must be Chinese.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

import tomli

OURS = ("kind", "status", "unit")
"""Keys whose values casetui names in its own words."""
NAMES = {"esc", "escape", "home", "end", "tab", "shift", "space", "ctrl", "enter", "English", "casetui", "SVG"}
"""Names: of keys in the footer and help (the keyboard's words), of the language `L` switches to
(`L English`), of the program, and of a file format."""
WORD = re.compile(r"[A-Za-z]{3,}")


def case_words(files: Iterable[Path]) -> set[str]:
    """Every word of the case texts in `files` as Chinese mode shows them."""
    words: set[str] = set()

    def walk(value: object, key: str = "") -> None:
        if key in OURS:
            return
        if isinstance(value, str):
            words.update(WORD.findall(value))
        elif isinstance(value, dict):
            if "zh" in value and isinstance(value["zh"], str):
                walk(value["zh"])
                return
            for name, item in value.items():
                words.update(WORD.findall(name))  # ids and service ids are shown as written
                walk(item, name)
        elif isinstance(value, list):
            for item in value:
                walk(item, key)

    for path in files:
        words.update(WORD.findall(path.stem))  # a case's id is its file name
        walk(tomli.loads(path.read_text(encoding="utf-8")))
    return words


def english_left(text: str, allowed: set[str]) -> set[str]:
    """Words of three letters or more in `text` that are neither case text nor names."""
    text = re.sub(r"&[a-z]+;", " ", text)  # Markdown's escapes (`&amp;`) are not words
    text = re.sub(r"\S*[/=?#&]\S*", " ", text)  # nor are pieces of a URL (a long one wraps mid-word)
    text = re.sub(r"[A-Za-z]+…", " ", text)  # a table cell cut short: case text, which other tests follow
    return {w for w in WORD.findall(text) if w not in allowed and w not in NAMES}
