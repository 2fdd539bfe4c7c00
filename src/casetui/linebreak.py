"""Where a line of text may break, in English and in Chinese, and a greedy fill over those points.

English breaks after spaces, as Rich does. Chinese has no spaces: a line may break between any two
characters where one is wide (CJK), except that by custom no line begins with closing punctuation
(`，。、；：？！）」』”` …) and none ends with opening punctuation (`（「『“` …), and `——`/`……` stay
whole. ASCII quotes, which the case files use in Chinese too and which do not say whether they open
or close, stick to both neighbours. No UI library here: widths come from the caller's `measure`.

uniseg's full UAX #14 finds the same breaks on the bundled library (besides breaking after
hyphens and slashes) but takes hundreds of times as long: see bench/linebreak.py.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache

NO_LINE_START = frozenset(
    "，。、；：？！）」』”’》〉】〕〗〙〛｝］…‥·・～％‰"  # Chinese
    ",.;:?!)]}%"  # ASCII
    "ー々ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ"  # Japanese small kana and marks
)
"""Characters that may not begin a line (Chinese and Japanese custom, plus their ASCII kin)."""
NO_LINE_END = frozenset("（「『“‘《〈【〔〖〘〚｛［([{")
"""Characters that may not end a line."""
UNSPLIT = frozenset("—…")
"""Characters written in pairs (`——`, `……`) that are never split between lines."""
GLUE = frozenset("\"'")
"""ASCII quotes: opening or closing is unknown, so they break on neither side."""

_SPACE_THEN_WORD = re.compile(r"(?<=\s)(?=\S)")

Measure = Callable[[str], int]
"""Width of a string in terminal cells (Rich's `cell_len` in the app)."""


@lru_cache(maxsize=4096)
def _is_wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in ("W", "F")


def _may_break(before: str, after: str) -> bool:
    """Whether a line may end after `before` and the next begin with `after` (neither a space)."""
    if after in NO_LINE_START or before in NO_LINE_END:
        return False
    if before in GLUE or after in GLUE:
        return False
    if before == after and before in UNSPLIT:
        return False
    return _is_wide(before) or _is_wide(after)


def break_points(text: str) -> list[int]:
    """Indices in `text` (one line, no newline) where a new line may begin, ascending, never 0."""
    if text.isascii():
        return [m.start() for m in _SPACE_THEN_WORD.finditer(text)]
    points: list[int] = []
    last = text[0]  # The last character before `index` that is not a space: `（ ` may not end a line either.
    for index in range(1, len(text)):
        before, after = text[index - 1], text[index]
        if not before.isspace():
            last = before
        if after.isspace():
            continue  # Spaces stay at the end of the line before, as in Rich.
        if before.isspace():
            if after not in NO_LINE_START and last not in NO_LINE_END:
                points.append(index)
        elif _may_break(before, after):
            points.append(index)
    return points


def units(text: str) -> list[tuple[int, int]]:
    """The unbreakable pieces of `text`, each as (start, end), trailing spaces included."""
    starts = [0, *break_points(text)]
    return list(zip(starts, [*starts[1:], len(text)], strict=True))


def min_width(text: str, measure: Measure) -> int:
    """The narrowest width at which `text` wraps without folding a piece: its widest piece."""
    return max((measure(text[s:e].rstrip()) for line in text.split("\n") for s, e in units(line)), default=0)


def wrap_offsets(text: str, width: int, measure: Measure) -> list[int]:
    """Where to cut one line of `text` (no newline) so each piece fits `width` cells.

    Greedy: each unbreakable piece goes on the current line if it fits (trailing spaces may hang
    over the edge), else starts a new one; a piece wider than a whole line is folded by cells.
    """
    width = max(width, 1)
    offsets: list[int] = []
    used = 0
    for start, end in units(text):
        piece = text[start:end]
        piece_width = measure(piece.rstrip())
        if used + piece_width <= width:
            used += measure(piece)
            continue
        if piece_width <= width:
            if start:
                offsets.append(start)
            used = measure(piece)
            continue
        # Wider than any line (a long URL or id): start it afresh and fold it cell by cell.
        if start and used:
            offsets.append(start)
        used = 0
        for index in range(start, end):
            char_width = measure(text[index])
            if used + char_width > width and used and not text[index].isspace():
                offsets.append(index)
                used = 0
            used += char_width
    return offsets
