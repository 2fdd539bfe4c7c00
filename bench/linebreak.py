"""casetui's line-break rule against uniseg's UAX #14 on every text of the bundled cases.

Run with uniseg installed beside casetui (it is not a dependency): `python bench/linebreak.py`.
Prints, for each, the time for one pass over every line, how many break points it finds, how
many would start a line with closing (or end one with opening) Chinese punctuation, and how many
fall inside an ASCII word; then where the two disagree.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator

import tomli

from casetui.library import bundled_dir
from casetui.linebreak import break_points

CLOSING = "，。、；：？！）」』”"
OPENING = "（「『“"


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def lines() -> list[str]:
    """Every line of every string of the bundled cases."""
    found: list[str] = []
    for path in sorted(bundled_dir().glob("*.toml")):
        for text in _strings(tomli.loads(path.read_text(encoding="utf-8"))):
            found += [line for line in text.split("\n") if line]
    return found


def _inside_word(line: str, at: int) -> bool:
    pair = line[at - 1 : at + 1]
    return pair.isascii() and pair.isalnum()


def measure(name: str, points: Callable[[str], list[int]], corpus: list[str]) -> dict[str, set[int]]:
    start = time.perf_counter()
    found = {line: set(points(line)) for line in corpus}
    seconds = time.perf_counter() - start
    rule = sum(1 for line, at in found.items() for i in at if line[i] in CLOSING or line[i - 1] in OPENING)
    words = sum(1 for line, at in found.items() for i in at if _inside_word(line, i))
    total = sum(map(len, found.values()))
    print(f"{name:8} {seconds * 1000:9.1f} ms  {total:6} break points  {rule} against the rule  {words} inside words")
    return found


def main() -> None:
    from uniseg.linebreak import line_break_boundaries

    def uax14(line: str) -> list[int]:
        return [i for i in line_break_boundaries(line) if 0 < i < len(line)]

    corpus = lines()
    print(f"{len(corpus)} lines, {sum(map(len, corpus)):,} characters")
    ours = measure("casetui", break_points, corpus)
    theirs = measure("uniseg", uax14, corpus)
    differ = sum(len(ours[line] ^ theirs[line]) for line in corpus)
    print(f"{differ} break points differ (uniseg also breaks after hyphens and slashes)")


if __name__ == "__main__":
    main()
