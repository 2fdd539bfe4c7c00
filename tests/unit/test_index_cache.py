"""The summary index: a second start reads it, and a damaged one costs a re-parse, never an error."""

from __future__ import annotations

import marshal
import os
import shutil
from pathlib import Path

from casetui.index_cache import IndexCache
from casetui.library import load_library

from .helpers import FIXTURES


def _library(tmp_path: Path) -> Path:
    root = tmp_path / "lib"
    shutil.copytree(FIXTURES, root)
    return root


def test_a_corrupt_index_is_read_as_empty_and_written_afresh(tmp_path: Path) -> None:
    root, index = _library(tmp_path), tmp_path / "index.marshal"
    fresh = load_library([root], cache=IndexCache(index))
    index.write_bytes(b"\x00not marshal at all")
    cache = IndexCache(index)
    again = load_library([root], cache=cache)
    assert (cache.hits, cache.misses) == (0, 3)
    assert again.summaries == fresh.summaries and not again.problems
    third = IndexCache(index)
    load_library([root], cache=third)
    assert (third.hits, third.misses) == (3, 0)


def test_a_damaged_row_reparses_only_its_own_file(tmp_path: Path) -> None:
    root, index = _library(tmp_path), tmp_path / "index.marshal"
    fresh = load_library([root], cache=IndexCache(index))
    payload = marshal.loads(index.read_bytes())
    key = next(k for k in payload["files"] if k.endswith("beta-market.toml"))
    mtime, size, row = payload["files"][key]
    payload["files"][key] = (mtime, size, (*row[:8], (39, 99), *row[9:]))  # a span unit that does not exist
    index.write_bytes(marshal.dumps(payload))
    cache = IndexCache(index)
    again = load_library([root], cache=cache)
    assert (cache.hits, cache.misses) == (2, 1)
    assert again.summaries == fresh.summaries


def test_cases_that_share_dates_and_types_come_back_whole(tmp_path: Path) -> None:
    root, index = tmp_path / "lib", tmp_path / "index.marshal"
    root.mkdir()
    text = (FIXTURES / "beta-market.toml").read_text(encoding="utf-8")
    for name in ("one", "two", "three"):
        (root / f"{name}.toml").write_text(text, encoding="utf-8")
    fresh = load_library([root], cache=IndexCache(index))
    cache = IndexCache(index)
    again = load_library([root], cache=cache)
    assert cache.hits == 3
    assert again.summaries == fresh.summaries
    assert [s.id for s in again.summaries] == ["one", "three", "two"]


def test_a_file_is_never_given_the_summary_of_another_path(tmp_path: Path, monkeypatch) -> None:
    """Two files alike in size and time, `./sub/a.toml` read from `home` and `homeub/a.toml`: two entries."""
    text = (FIXTURES / "beta-market.toml").read_text(encoding="utf-8")
    first, second = tmp_path / "home" / "sub" / "a.toml", tmp_path / "homeub" / "a.toml"
    for path, name in ((first, "Aaaa Market"), (second, "Bbbb Market")):
        path.parent.mkdir(parents=True)
        path.write_text(text.replace("Beta Market", name, 1), encoding="utf-8")
        os.utime(path, ns=(1_600_000_000_000_000_000, 1_600_000_000_000_000_000))
    index = tmp_path / "index.marshal"
    monkeypatch.chdir(tmp_path / "home")
    assert load_library([Path(".")], cache=IndexCache(index)).summaries[0].name.get() == "Aaaa Market"
    cache = IndexCache(index)
    assert load_library([second.parent], cache=cache).summaries[0].name.get() == "Bbbb Market"
    assert cache.misses == 1
