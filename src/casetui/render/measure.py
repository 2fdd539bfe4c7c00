"""Widths in terminal cells, where a line may break, and column widths that keep every word whole.

What the text tables share, whether they are written through Rich (`render.grid`) or as plain
strings (`render.lines`). Only Rich's `cell_len` is used, so `casetui list` measures 10,000 rows
without importing the rest of Rich.

A column needs at least its longest word (a column of ids: its widest cell) and at most its
widest line. A long run of CJK characters has no spaces and may break between any two of them,
so in it only its Latin letters and digits count as a word; a short one (a label, a status) stays
whole.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Sequence

from rich.cells import cell_len

from casetui.linebreak import wrap_offsets

GAP = 3
"""Cells between two columns: a space of padding either side and a space between (Rich's SIMPLE_HEAD)."""
EDGE = 1
"""The padding before the first column and after the last."""
SHORT_CJK = 10
"""A token with CJK text up to this many cells stays whole: a label or a status (`已关停`), not a sentence."""
SHORT_COLUMN = 24
"""A column at most this wide holds short values (dates, spans, statuses) rather than prose."""
_LATIN = re.compile(r"[\x21-\x7e\u00a0-\u024f]+")
"""Runs that must stay whole inside a token that also holds CJK text: its Latin words, numbers, ids."""
_UNIT = re.compile(r"[ \t]+|[\x21-\x7e\u00a0-\u024f]+|.")
"""What a line breaks between: a run of spaces, a Latin word (or id, number), or one other character (CJK)."""


def width_of(plain: str) -> int:
    """`cell_len`, without its work for the ASCII text most cells hold."""
    return len(plain) if plain.isascii() else cell_len(plain)


def word_width(plain: str) -> int:
    """The widest thing in `plain` that must not be split: its longest word, in cells."""
    if plain.isascii():
        return max(map(len, plain.split()), default=0)
    widest = 0
    for token in plain.split():
        size = cell_len(token)
        if size > SHORT_CJK and not token.isascii():
            size = max((len(run) for run in _LATIN.findall(token)), default=2)
        widest = max(widest, size)
    return widest


def line_width(plain: str) -> int:
    """The widest line of `plain`, in cells."""
    return max(width_of(line) for line in plain.split("\n")) if "\n" in plain else width_of(plain)


def measure_column(column: Sequence[str], no_wrap: bool = False) -> tuple[int, int]:
    """A column's (minimum, maximum) width in cells: its longest word and its widest line.

    Measured over the whole column at once where it can be (in C, for the ASCII most columns
    hold): `casetui list` measures eight columns of 10,000 cells.
    """
    joined = "\n".join(column)
    if joined.isascii():
        high = max(map(len, joined.split("\n")), default=0)
        if no_wrap:
            return high, high
        return max(map(len, joined.split()), default=0), high
    high = max(map(line_width, column), default=0)
    if no_wrap:
        return high, high
    return max(map(word_width, column), default=0), high


def break_offsets(line: str, width: int) -> list[int]:
    """Where to break `line` (one line, no newline) so that no part is wider than `width` cells.

    Breaks fall at spaces or beside a CJK character; only a word longer than the whole width is
    folded, as nothing else can be done. Each part still carries the spaces it ends with. Text
    holding Chinese breaks as the app wraps it (`casetui.linebreak`): no line begins with `，。）」`
    nor ends with `（「`.
    """
    if not line.isascii():
        return wrap_offsets(line, width, width_of)
    offsets: list[int] = []
    used = 0
    for unit in _UNIT.finditer(line):
        start, end = unit.span()
        size = width_of(unit.group())
        if unit.group().isspace():
            if used + size > width:
                offsets.append(end)
                used = 0
            else:
                used += size
            continue
        if used and used + size > width:
            offsets.append(start)
            used = 0
        while size > width:  # a word longer than the line: folded
            start += _fit_chars(line[start:end], width)
            offsets.append(start)
            size = width_of(line[start:end])
        used += size
    return offsets


def wrapped_spans(plain: str, width: int) -> list[tuple[int, int]]:
    """The lines of `plain` at most `width` cells wide, as (start, end) offsets into it.

    Its own lines first; a line wider than `width` is broken by `break_offsets`, and each part
    loses the spaces it ends with.
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for line in plain.split("\n"):
        end = start + len(line)
        if width_of(line) <= width:
            spans.append((start, end))
        else:
            cuts = [start, *(start + offset for offset in break_offsets(line, width)), end]
            for left, right in itertools.pairwise(cuts):
                if left == right:
                    continue
                spans.append((left, left + len(plain[left:right].rstrip())))
        start = end + 1
    return spans


def _fit_chars(word: str, width: int) -> int:
    """How many characters of `word` fit in `width` cells (at least one)."""
    used = 0
    for index, char in enumerate(word):
        used += width_of(char)
        if used > width:
            return max(index, 1)
    return len(word)


def fit_widths(bounds: Sequence[tuple[int, int]], room: int, frame: int | None = None) -> list[int] | None:
    """Column widths (without padding) within `room` cells, each at least its minimum; None if they cannot fit.

    `bounds` are each column's (minimum, maximum); `frame` the cells between and around the columns
    (a `Grid`'s by default). Every column gets its maximum when they all fit; otherwise each starts
    at its minimum, the short columns (a date, a span, a status: at most `SHORT_COLUMN` cells) get
    their whole width, those needing least first, since a wrapped date or `2年（计 / 划）` reads
    worst; and the room left goes, a cell at a time, to the column furthest below its maximum (so the long prose
    columns share it).
    """
    room -= 2 * EDGE + GAP * (len(bounds) - 1) if frame is None else frame
    if sum(high for _, high in bounds) <= room:
        return [high for _, high in bounds]
    widths = [low for low, _ in bounds]
    spare = room - sum(widths)
    if spare < 0:
        return None
    for column in sorted((i for i, (low, high) in enumerate(bounds) if low < high <= SHORT_COLUMN), key=_need(bounds)):
        need = bounds[column][1] - widths[column]
        if need <= spare:
            widths[column] += need
            spare -= need
    wanting = [i for i, (low, high) in enumerate(bounds) if high > low]
    while spare > 0 and wanting:
        column = max(wanting, key=lambda i: bounds[i][1] - widths[i])
        widths[column] += 1
        spare -= 1
        if widths[column] >= bounds[column][1]:
            wanting.remove(column)
    return widths


def _need(bounds: Sequence[tuple[int, int]]) -> Callable[[int], int]:
    """How many cells column `i` lacks at its minimum."""
    return lambda i: bounds[i][1] - bounds[i][0]
