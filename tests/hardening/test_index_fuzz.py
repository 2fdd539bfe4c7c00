"""A damaged summary index costs a re-parse, never an error and never a wrong answer.

Seeded fuzz of the index file of a copy of the bundled library: random bytes, the file cut short,
bytes flipped, and valid-looking files (right magic, right checksum) whose rows hold a part of the
wrong type or the wrong shape, a column of the wrong length, a position outside its table, two
files' paths swapped, or a stamp changed. After each, `list --json` and `list` must exit 0 and
print exactly what they print with `CASETUI_NO_CACHE=1`; and the run after must too (the index
was rebuilt).
"""

from __future__ import annotations

import contextlib
import random
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from casetui import index_cache
from casetui.index_cache import STAMP_SIZE, index_name, resolved
from casetui.library import bundled_dir
from casetui.summary import RAW

from .support import check_messages, invoke

SEEDS = range(140)
COMMANDS = (["list", "--json"], ["list"])

_POOL: tuple[Any, ...] = (7, -1, 2**70, 1.5, b"x", True, [], [1], {}, frozenset({1}), 1j, "x")
"""Replacements for one part of a row. None, strings and tuples are left out where they could
stand for a valid part (a plain text's `None` tag, tags `()`): only a wrong type is a finding."""


def _wrong_type(original: Any, rng: random.Random) -> Any:
    choices = [
        value
        for value in _POOL
        if type(value) is not type(original) and (not isinstance(value, str) or type(original) is int)
    ]
    return rng.choice(choices)


def _replace_at(value: Any, rng: random.Random, depth: int = 0) -> Any:
    """`value` (a tuple) with one part somewhere inside replaced by a value of another type."""
    index = rng.randrange(len(value))
    part = value[index]
    if isinstance(part, tuple) and part and rng.random() < 0.6:
        new = _replace_at(part, rng, depth + 1)
    else:
        new = _wrong_type(part, rng)
    return (*value[:index], new, *value[index + 1 :])


def _mutate_rows(payload: dict[str, Any], rng: random.Random) -> dict[str, Any]:
    """The payload with one thing wrong in its rows: a part of a row, a table or a position of a coded
    column, a column's length, a path or a stamp."""
    keys, stamps = payload["keys"].split("\0"), bytearray(payload["stamps"])
    columns: list[Any] = [
        list(column) if at in RAW else (list(column[0]), list(column[1]))
        for at, column in enumerate(payload["summaries"])
    ]
    row = rng.randrange(len(keys))
    at = rng.randrange(len(columns))
    column = columns[at]
    # The list holding each case's part (or its position in the table) in the chosen column.
    parts = column if at in RAW else column[1]
    kind = rng.randrange(8)
    if kind == 0:  # a column, the paths or the stamps one part short, or one too long
        choice = rng.randrange(3)
        if choice < 2:
            shortened = parts if choice == 0 else keys
            if rng.random() < 0.5:
                shortened.insert(row, shortened[row])
            else:
                shortened.pop(row)
        else:
            cut = rng.choice((1, STAMP_SIZE))
            stamps = stamps[:-cut] if rng.random() < 0.5 else stamps + bytes(cut)
    elif kind == 1:  # the columns one short, or one too long
        if rng.random() < 0.5:
            columns.pop(at)
        else:
            columns.insert(at, columns[0])
    elif kind == 2:  # the paths, the stamps, a column, or a table or the positions of one, of another type
        choice = rng.randrange(3)
        if choice == 0:
            return {**payload, "keys": rng.choice((keys, 12, b"x", None))}
        if choice == 1:
            return {**payload, "stamps": rng.choice((list(stamps), str(stamps), None, 7))}
        if at in RAW or rng.random() < 0.3:
            columns[at] = tuple(column) if rng.random() < 0.5 else _wrong_type(column, rng)
        else:
            half = rng.randrange(2)
            columns[at] = (*column[:half], _wrong_type(column[half], rng), *column[half + 1 :])
    elif kind == 3:  # two files' paths swapped: each keeps the other's stamp and summary
        other = rng.randrange(len(keys))
        keys[row], keys[other] = keys[other], keys[row]
    elif kind == 4 and at not in RAW:  # a position outside the table, or no int
        table = column[0]
        # A negative one that would count from the end to another case's part, if the table has one.
        others = [at - len(table) for at, part in enumerate(table) if part != table[parts[row]]]
        if others and rng.random() < 0.5:
            parts[row] = rng.choice(others)
        else:
            parts[row] = rng.choice((len(table), -len(table) - 1, 1.5, "0", None))
    elif kind == 5:  # a stamp changed: that file is read again
        stamps[row * STAMP_SIZE + rng.randrange(STAMP_SIZE)] ^= 1 << rng.randrange(8)
    else:  # one part anywhere in one row (a table's part is every row's that points to it)
        holder, index = (column, row) if at in RAW else (column[0], column[1][row])
        part = holder[index]
        holder[index] = _replace_at(part, rng) if isinstance(part, tuple) and part else _wrong_type(part, rng)
    # Positions written as bytes go back as bytes, where they still can.
    for place, (column, original) in enumerate(zip(columns, payload["summaries"], strict=False)):
        if type(column) is tuple and len(column) == 2 and type(column[1]) is list and type(original[1]) is bytes:
            with contextlib.suppress(TypeError, ValueError):
                columns[place] = (column[0], bytes(column[1]))
    return {**payload, "keys": "\0".join(keys), "stamps": bytes(stamps), "summaries": tuple(columns)}


def _mutations(good: bytes) -> list[Callable[[random.Random], bytes]]:
    payload = index_cache.decode(good)
    assert payload is not None
    return [
        lambda rng: rng.randbytes(rng.randrange(0, 4000)),
        lambda rng: good[: rng.randrange(len(good))],
        lambda rng: bytes(b ^ (1 << rng.randrange(8)) if rng.random() < 0.01 else b for b in good),
        *[lambda rng: index_cache.encode(_mutate_rows(payload, rng))] * 6,
        lambda rng: index_cache.encode(
            rng.choice([[], {"keys": ""}, {**payload, "summaries": ()}, {**payload, "keys": "a.toml"}, 3])
        ),
    ]


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("fuzz") / "cases"
    shutil.copytree(bundled_dir(), folder)
    return folder


def _run(library: Path, args: list[str], env: dict[str, str]) -> str:
    result = invoke([library], args, env=env)
    check_messages(result.stderr, result.exit_code, " ".join(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def test_a_damaged_index_never_changes_what_list_prints(library: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    expected = {tuple(args): _run(library, args, {"CASETUI_NO_CACHE": "1"}) for args in COMMANDS}
    env = {"CASETUI_CACHE_DIR": str(cache)}
    _run(library, ["list", "--json"], env)
    index = cache / index_name(resolved(library))
    good = index.read_bytes()
    mutations = _mutations(good)
    for seed in SEEDS:
        rng = random.Random(seed)
        index.write_bytes(mutations[seed % len(mutations)](rng))
        for args in COMMANDS:
            assert _run(library, args, env) == expected[tuple(args)], f"seed {seed}: {args}"
        assert index_cache.decode(index.read_bytes()) == index_cache.decode(good), f"seed {seed}: not rebuilt"
