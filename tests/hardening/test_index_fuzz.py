"""A damaged summary index costs a re-parse, never an error and never a wrong answer.

Seeded fuzz of the index file of a copy of the bundled library: random bytes, the file cut short,
bytes flipped, and valid-looking files (right magic, right checksum) whose rows hold a part of the
wrong type or the wrong shape. After each, `list --json` and `list` must exit 0 and print exactly
what they print with `CASETUI_NO_CACHE=1`; and the run after must too (the index was rebuilt).
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
    files = dict(payload["files"])
    key = rng.choice(sorted(files))
    row = files[key]
    kind = rng.randrange(6)
    if kind == 0:  # one row one part short, or one too long
        files[key] = row[:-1] if rng.random() < 0.5 else (*row, 0)
    elif kind == 1:  # the summary one part short, or one too long
        summary = row[5]
        files[key] = (*row[:5], summary[:-1] if rng.random() < 0.5 else (*summary, 0))
    elif kind == 2:  # the whole row, or its key, of another type
        if rng.random() < 0.5:
            files[key] = _wrong_type(row, rng)
        else:
            files[rng.choice((12, b"x", 1.5, None, ("x",)))] = files.pop(key)
    else:  # one part anywhere in the row
        files[key] = _replace_at(row, rng)
    return {**payload, "files": files}


def _mutations(good: bytes) -> list[Callable[[random.Random], bytes]]:
    payload = index_cache.decode(good)
    assert payload is not None
    return [
        lambda rng: rng.randbytes(rng.randrange(0, 4000)),
        lambda rng: good[: rng.randrange(len(good))],
        lambda rng: bytes(b ^ (1 << rng.randrange(8)) if rng.random() < 0.01 else b for b in good),
        *[lambda rng: index_cache.encode(_mutate_rows(payload, rng))] * 6,
        lambda rng: index_cache.encode(rng.choice([[], {"files": []}, {**payload, "files": {"a.toml": ()}}, 3])),
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
