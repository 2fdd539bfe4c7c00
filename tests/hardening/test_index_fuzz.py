"""A damaged summary index costs a re-parse, never an error and never a wrong answer.

Seeded fuzz of the index file of a copy of the bundled library: random bytes, the file cut short,
bytes flipped, and valid-looking files (right magic, right checksum) whose rows hold a part of the
wrong type or the wrong shape, a column of the wrong length, or two files' paths swapped. After
each, `list --json` and `list` must exit 0 and print exactly what they print with
`CASETUI_NO_CACHE=1`; and the run after must too (the index was rebuilt).
"""

from __future__ import annotations

import random
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from casetui import index_cache
from casetui.index_cache import index_name, resolved
from casetui.library import bundled_dir

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
    """The payload with one thing wrong in its rows: a part of a row, a column, a path or a stamp."""
    keys, stamps = list(payload["keys"]), list(payload["stamps"])
    columns = [list(column) for column in payload["summaries"]]
    row = rng.randrange(len(keys))
    kind = rng.randrange(7)
    if kind == 0:  # a column one part short, or one too long
        column = rng.choice([keys, stamps, *columns])
        if rng.random() < 0.5:
            column.pop(row)
        else:
            column.insert(row, column[row])
    elif kind == 1:  # the columns one short, or one too long
        if rng.random() < 0.5:
            columns.pop(rng.randrange(len(columns)))
        else:
            columns.insert(rng.randrange(len(columns)), list(columns[0]))
    elif kind == 2:  # a path, a stamp or a whole column of another type
        choice = rng.randrange(3)
        if choice == 0:
            keys[row] = rng.choice((12, b"x", 1.5, None, ("x",)))
        elif choice == 1:
            stamps[row] = _wrong_type(stamps[row], rng) if rng.random() < 0.5 else _replace_at(stamps[row], rng)
        else:
            at = rng.randrange(len(columns))
            columns[at] = tuple(columns[at]) if rng.random() < 0.5 else _wrong_type(columns[at], rng)
    elif kind == 3:  # two files' paths swapped: each keeps the other's stamp and summary
        other = rng.randrange(len(keys))
        keys[row], keys[other] = keys[other], keys[row]
    else:  # one part anywhere in one row
        column = columns[rng.randrange(len(columns))]
        part = column[row]
        column[row] = _replace_at(part, rng) if isinstance(part, tuple) and part else _wrong_type(part, rng)
    return {**payload, "keys": keys, "stamps": stamps, "summaries": tuple(columns)}


def _mutations(good: bytes) -> list[Callable[[random.Random], bytes]]:
    payload = index_cache.decode(good)
    assert payload is not None
    return [
        lambda rng: rng.randbytes(rng.randrange(0, 4000)),
        lambda rng: good[: rng.randrange(len(good))],
        lambda rng: bytes(b ^ (1 << rng.randrange(8)) if rng.random() < 0.01 else b for b in good),
        *[lambda rng: index_cache.encode(_mutate_rows(payload, rng))] * 6,
        lambda rng: index_cache.encode(
            rng.choice([[], {"keys": []}, {**payload, "summaries": ()}, {**payload, "keys": ["a.toml"]}, 3])
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
