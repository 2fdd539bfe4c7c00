"""The summary index: one file per library folder; a second start reads it, and a damaged one
costs a re-parse, never an error."""

from __future__ import annotations

import marshal
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from casetui import index_cache
from casetui.index_cache import OLD_INDEX_NAME, IndexCache, index_name, resolved
from casetui.library import load_library
from casetui.summary import Summary

from .helpers import FIXTURES


def _library(tmp_path: Path, name: str = "lib") -> Path:
    root = tmp_path / name
    shutil.copytree(FIXTURES, root)
    return root


def _index_file(cache: Path, root: Path) -> Path:
    return cache / index_name(resolved(root))


def _indexed(cache: Path, root: Path) -> set[str]:
    """The files a folder's index holds, as paths inside the folder."""
    return set(filter(None, index_cache.decode(_index_file(cache, root).read_bytes())["keys"].split("\0")))


def _swap_summaries(payload: dict, first: str, second: str) -> None:
    """Swap two files' summaries in an index's payload (column by column), each file keeping its stamp."""
    keys = payload["keys"].split("\0")
    a, b = keys.index(first), keys.index(second)
    columns = []
    for column in payload["summaries"]:
        if type(column) is list:  # the names and the companies, one part per case
            column[a], column[b] = column[b], column[a]
        else:  # a table of distinct parts, and each case's position in it
            table, positions = column
            moved = list(positions)
            moved[a], moved[b] = moved[b], moved[a]
            column = (table, bytes(moved) if type(positions) is bytes else moved)
        columns.append(column)
    payload["summaries"] = tuple(columns)


def test_a_corrupt_index_is_read_as_empty_and_written_afresh(tmp_path: Path) -> None:
    root, cache_dir = _library(tmp_path), tmp_path / "cache"
    fresh = load_library([root], cache=IndexCache(cache_dir))
    _index_file(cache_dir, root).write_bytes(b"\x00not marshal at all")
    cache = IndexCache(cache_dir)
    again = load_library([root], cache=cache)
    assert (cache.hits, cache.misses) == (0, 3)
    assert again.summaries == fresh.summaries and not again.problems
    third = IndexCache(cache_dir)
    load_library([root], cache=third)
    assert (third.hits, third.misses) == (3, 0)


def test_a_damaged_row_drops_the_whole_index_and_it_is_written_afresh(tmp_path: Path) -> None:
    """One row with a span of no such unit: none of the three rows is trusted, not even the sound ones."""
    root, cache_dir = _library(tmp_path), tmp_path / "cache"
    fresh = load_library([root], cache=IndexCache(cache_dir))
    index = _index_file(cache_dir, root)
    payload = index_cache.decode(index.read_bytes())
    row = payload["keys"].split("\0").index("beta-market.toml")
    table, positions = payload["summaries"][7]  # the lifespans: each distinct one, and where each case's is
    table.append((39, 99))  # no such span unit
    moved = bytearray(positions)
    moved[row] = len(table) - 1
    payload["summaries"] = (*payload["summaries"][:7], (table, bytes(moved)), *payload["summaries"][8:])
    index.write_bytes(index_cache.encode(payload))
    cache = IndexCache(cache_dir)
    again = load_library([root], cache=cache)
    assert (cache.hits, cache.misses) == (0, 3)
    assert again.summaries == fresh.summaries
    third = IndexCache(cache_dir)
    load_library([root], cache=third)
    assert (third.hits, third.misses) == (3, 0)


def test_a_file_whose_name_is_no_case_id_never_takes_a_summary_from_the_index(tmp_path: Path) -> None:
    """A broken file is never indexed; an index that holds a row for it anyway (another case's summary,
    under the broken file's path and stamp) is dropped, and the file is shown broken."""
    root, cache_dir = _library(tmp_path), tmp_path / "cache"
    odd = root / "Beta Copy.toml"
    odd.write_bytes((root / "beta-market.toml").read_bytes())
    load_library([root], cache=IndexCache(cache_dir))
    index = _index_file(cache_dir, root)
    payload = index_cache.decode(index.read_bytes())
    keys = payload["keys"].split("\0")
    row = keys.index("beta-market.toml")
    keys[row] = odd.name
    start = row * index_cache.STAMP_SIZE
    stamps = payload["stamps"]
    own = index_cache.stamp(odd.stat())
    payload.update(keys="\0".join(keys), stamps=stamps[:start] + own + stamps[start + len(own) :])
    index.write_bytes(index_cache.encode(payload))
    cache = IndexCache(cache_dir)
    again = load_library([root], cache=cache)
    assert [entry.id for entry in again.broken] == ["Beta Copy"]
    assert (cache.hits, cache.misses) == (0, 4)


@pytest.mark.parametrize(
    ("case_id", "valid"),
    [("beta-market", True), ("b2", True), ("x" * 64, True), ("x" * 65, False), ("", False), ("-beta", False)]
    + [("beta-", False), ("beta--market", False), ("Beta", False), ("beta market", False), ("beta\nmarket", False)]
    + [("bêta", False), ("beta_market", False)],
)
def test_a_summary_row_is_only_ever_for_a_case_id(case_id: str, valid: bool) -> None:
    row = (case_id, *load_library([FIXTURES]).summary("beta-market").to_row()[1:])  # type: ignore[union-attr]
    if valid:
        assert Summary.from_row(row).id == case_id
    else:
        with pytest.raises(ValueError):
            Summary.from_row(row)


@pytest.mark.xfail(
    strict=True,
    raises=AssertionError,  # not a payload of another layout, as before: that is an error, not this gap
    reason="the index keeps no case id beside a summary (it is the file's name): a summary moved to another "
    "file's row, with a valid checksum, has nothing to betray it",
)
def test_a_row_holding_another_files_summary_is_not_used(tmp_path: Path) -> None:
    """Each file's stamp kept, the two summaries swapped: alpha-club must not show as Beta Market."""
    root, cache_dir = _library(tmp_path), tmp_path / "cache"
    fresh = load_library([root], cache=IndexCache(cache_dir))
    index = _index_file(cache_dir, root)
    payload = index_cache.decode(index.read_bytes())
    _swap_summaries(payload, "alpha-club.toml", "beta-market.toml")
    index.write_bytes(index_cache.encode(payload))
    cache = IndexCache(cache_dir)
    again = load_library([root], cache=cache)
    assert [(s.id, s.name.get()) for s in again.summaries] == [(s.id, s.name.get()) for s in fresh.summaries]
    assert cache.hits < 3


def test_a_row_holding_another_files_stamp_and_summary_is_not_used(tmp_path: Path) -> None:
    """Two files' stamps and summaries swapped, each row under the other's path: the stamp ties a row to
    its file, so neither is used and alpha-club never shows as Beta Market."""
    root, cache_dir = _library(tmp_path), tmp_path / "cache"
    fresh = load_library([root], cache=IndexCache(cache_dir))
    index = _index_file(cache_dir, root)
    payload = index_cache.decode(index.read_bytes())
    _swap_summaries(payload, "alpha-club.toml", "beta-market.toml")
    keys, size = payload["keys"].split("\0"), index_cache.STAMP_SIZE
    stamps = [payload["stamps"][at * size : (at + 1) * size] for at in range(len(keys))]
    a, b = keys.index("alpha-club.toml"), keys.index("beta-market.toml")
    stamps[a], stamps[b] = stamps[b], stamps[a]
    payload["stamps"] = b"".join(stamps)
    index.write_bytes(index_cache.encode(payload))
    cache = IndexCache(cache_dir)
    again = load_library([root], cache=cache)
    assert [(s.id, s.name.get()) for s in again.summaries] == [(s.id, s.name.get()) for s in fresh.summaries]
    assert (cache.hits, cache.misses) == (1, 2)


def test_an_index_damaged_inside_a_string_is_caught_by_its_checksum(tmp_path: Path) -> None:
    """A damaged name still unmarshals, and passes every check of a row: only the CRC-32 sees it."""
    root, cache_dir = _library(tmp_path), tmp_path / "cache"
    load_library([root], cache=IndexCache(cache_dir))
    index = _index_file(cache_dir, root)
    data = index.read_bytes()
    assert data.count(b"Beta Market") == 1
    index.write_bytes(data.replace(b"Beta Market", b"Beta Marker"))
    cache = IndexCache(cache_dir)
    again = load_library([root], cache=cache)
    assert "Beta Market" in [s.name.get() for s in again.summaries]
    assert (cache.hits, cache.misses) == (0, 3)


def test_an_index_written_by_another_version_is_not_used(tmp_path: Path) -> None:
    """Another version may derive differently: its summaries are parsed afresh."""
    root, cache_dir = _library(tmp_path), tmp_path / "cache"
    load_library([root], cache=IndexCache(cache_dir))
    index = _index_file(cache_dir, root)
    payload = index_cache.decode(index.read_bytes())
    payload["casetui"] = "0.0.1"
    index.write_bytes(index_cache.encode(payload))
    cache = IndexCache(cache_dir)
    load_library([root], cache=cache)
    assert (cache.hits, cache.misses) == (0, 3)


def test_cases_that_share_dates_and_types_come_back_whole(tmp_path: Path) -> None:
    root, cache_dir = tmp_path / "lib", tmp_path / "cache"
    root.mkdir()
    text = (FIXTURES / "beta-market.toml").read_text(encoding="utf-8")
    for name in ("one", "two", "three"):
        (root / f"{name}.toml").write_text(text, encoding="utf-8")
    fresh = load_library([root], cache=IndexCache(cache_dir))
    cache = IndexCache(cache_dir)
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
    cache_dir = tmp_path / "cache"
    monkeypatch.chdir(tmp_path / "home")
    assert load_library([Path(".")], cache=IndexCache(cache_dir)).summaries[0].name.get() == "Aaaa Market"
    cache = IndexCache(cache_dir)
    assert load_library([second.parent], cache=cache).summaries[0].name.get() == "Bbbb Market"
    assert cache.misses == 1


def test_each_folder_gets_an_index_of_its_own_files(tmp_path: Path) -> None:
    first, second, cache_dir = _library(tmp_path, "a"), tmp_path / "b", tmp_path / "cache"
    second.mkdir()
    (second / "solo.toml").write_bytes((FIXTURES / "beta-market.toml").read_bytes())
    load_library([first, second], cache=IndexCache(cache_dir))
    assert len(list(cache_dir.glob("index-*"))) == 2
    assert _indexed(cache_dir, first) == {"alpha-club.toml", "beta-market.toml", "gamma-card.toml"}
    assert _indexed(cache_dir, second) == {"solo.toml"}


def test_a_folder_reached_through_a_symlink_shares_its_index(tmp_path: Path) -> None:
    root, cache_dir = _library(tmp_path), tmp_path / "cache"
    link = tmp_path / "link"
    link.symlink_to(root, target_is_directory=True)
    load_library([root], cache=IndexCache(cache_dir))
    cache = IndexCache(cache_dir)
    load_library([link], cache=cache)
    assert (cache.hits, cache.misses) == (3, 0)


def test_loading_one_folder_reads_no_other_folders_index(tmp_path: Path, monkeypatch) -> None:
    """Once a large folder is indexed, a start on another folder must not pay for reading its index."""
    small, large, cache_dir = _library(tmp_path, "small"), _library(tmp_path, "large"), tmp_path / "cache"
    load_library([small], cache=IndexCache(cache_dir))
    load_library([large], cache=IndexCache(cache_dir))
    _index_file(cache_dir, large).write_bytes(b"\x00damaged")
    read: list[str] = []
    real_read = index_cache._read
    monkeypatch.setattr(index_cache, "_read", lambda path, root: read.append(path.name) or real_read(path, root))
    cache = IndexCache(cache_dir)
    load_library([small], cache=cache)
    assert read == [_index_file(cache_dir, small).name]
    assert (cache.hits, cache.misses) == (3, 0)


def test_an_index_written_for_another_folder_is_ignored(tmp_path: Path) -> None:
    """Two folders whose hashes collide take turns with one file; neither gets the other's summaries.

    The second folder's files are hard links to the first's, so every row's stamp matches: only the
    folder the index records tells them apart.
    """
    first, second, cache_dir = _library(tmp_path, "a"), tmp_path / "b", tmp_path / "cache"
    second.mkdir()
    for path in first.iterdir():
        os.link(path, second / path.name)
    load_library([first], cache=IndexCache(cache_dir))
    _index_file(cache_dir, first).replace(_index_file(cache_dir, second))
    cache = IndexCache(cache_dir)
    load_library([second], cache=cache)
    assert (cache.hits, cache.misses) == (0, 3)


def test_files_gone_from_the_folder_leave_its_index(tmp_path: Path) -> None:
    root, cache_dir = _library(tmp_path), tmp_path / "cache"
    load_library([root], cache=IndexCache(cache_dir))
    (root / "gamma-card.toml").unlink()
    cache = IndexCache(cache_dir)
    load_library([root], cache=cache)
    assert (cache.hits, cache.misses) == (2, 0)
    assert _indexed(cache_dir, root) == {"alpha-club.toml", "beta-market.toml"}


def test_a_shadowed_file_keeps_its_row_for_a_run_where_it_wins(tmp_path: Path) -> None:
    first, second, cache_dir = _library(tmp_path, "a"), _library(tmp_path, "b"), tmp_path / "cache"
    load_library([second], cache=IndexCache(cache_dir))
    load_library([first, second], cache=IndexCache(cache_dir))  # every file of `second` is shadowed
    cache = IndexCache(cache_dir)
    load_library([second], cache=cache)
    assert (cache.hits, cache.misses) == (3, 0)


def test_an_unchanged_folder_is_not_written_again(tmp_path: Path) -> None:
    """Not even with a broken file in it, which is parsed on every start but never indexed."""
    root, cache_dir = _library(tmp_path), tmp_path / "cache"
    (root / "broken.toml").write_text("format = [", encoding="utf-8")
    load_library([root], cache=IndexCache(cache_dir))
    before = _index_file(cache_dir, root).stat()
    again = load_library([root], cache=IndexCache(cache_dir))
    assert [e.id for e in again.broken] == ["broken"]
    after = _index_file(cache_dir, root).stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)


@pytest.mark.parametrize("writable", [True, False])
def test_the_single_index_of_earlier_versions_is_removed_unless_read_only(tmp_path: Path, writable: bool) -> None:
    root, cache_dir = _library(tmp_path), tmp_path / "cache"
    cache_dir.mkdir()
    (cache_dir / OLD_INDEX_NAME).write_bytes(marshal.dumps({"casetui": "0", "files": {}}))
    library = load_library([root], cache=IndexCache(cache_dir, writable=writable))
    assert len(library.summaries) == 3
    assert (cache_dir / OLD_INDEX_NAME).exists() is not writable
    assert _index_file(cache_dir, root).exists() is writable


def test_a_read_only_cache_reads_the_index_and_writes_nothing(tmp_path: Path) -> None:
    root, other, cache_dir = _library(tmp_path), tmp_path / "other", tmp_path / "cache"
    other.mkdir()
    (other / "solo.toml").write_bytes((FIXTURES / "beta-market.toml").read_bytes())
    load_library([root], cache=IndexCache(cache_dir))
    before = sorted((p.name, p.stat().st_mtime_ns) for p in cache_dir.iterdir())
    (root / "gamma-card.toml").rename(root / "delta.toml")
    cache = IndexCache(cache_dir, writable=False)
    load_library([root, other], cache=cache)
    assert (cache.hits, cache.misses) == (2, 2)
    assert sorted((p.name, p.stat().st_mtime_ns) for p in cache_dir.iterdir()) == before


# -- edits that keep the size and the modification time -------------------------------------


def _same_size_edit(path: Path, old: str, new: str) -> None:
    """Replace `old` by `new` (as long) in the file, in place, then put its old times back, as `touch -r` would."""
    assert len(old.encode()) == len(new.encode())
    before = path.stat()
    data = path.read_bytes()
    assert old.encode() in data
    with open(path, "r+b") as handle:  # in place: the same inode, as a careful hand edit keeps
        handle.write(data.replace(old.encode(), new.encode(), 1))
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = path.stat()
    assert (after.st_size, after.st_mtime_ns, after.st_ino) == (before.st_size, before.st_mtime_ns, before.st_ino)


def test_an_edit_that_keeps_size_and_mtime_is_seen(tmp_path: Path) -> None:
    root, cache_dir = _library(tmp_path), tmp_path / "cache"
    load_library([root], cache=IndexCache(cache_dir))
    _same_size_edit(root / "beta-market.toml", 'en = "Beta Market"', 'en = "Zeta Market"')
    again = load_library([root], cache=IndexCache(cache_dir))
    summary = again.summary("beta-market")
    assert summary is not None and summary.name.get() == "Zeta Market"


def test_a_status_made_invalid_without_changing_size_or_mtime_makes_the_case_broken(tmp_path: Path) -> None:
    root, cache_dir = _library(tmp_path), tmp_path / "cache"
    load_library([root], cache=IndexCache(cache_dir))
    _same_size_edit(root / "beta-market.toml", '"shut-down"', '"shut-dowX"')
    again = load_library([root], cache=IndexCache(cache_dir))
    assert [e.id for e in again.broken] == ["beta-market"]
    assert any("shut-dowX" in p.message for p in again.problems)


def test_a_file_replaced_by_another_of_the_same_size_and_mtime_is_seen(tmp_path: Path) -> None:
    """`sed -i` then `touch -r`: a new inode under the old name and times."""
    root, cache_dir = _library(tmp_path), tmp_path / "cache"
    load_library([root], cache=IndexCache(cache_dir))
    path = root / "beta-market.toml"
    before = path.stat()
    replacement = tmp_path / "new.toml"
    replacement.write_bytes(path.read_bytes().replace(b"Beta Market", b"Beta Marker", 1))
    os.utime(replacement, ns=(before.st_atime_ns, before.st_mtime_ns))
    replacement.replace(path)
    again = load_library([root], cache=IndexCache(cache_dir))
    summary = again.summary("beta-market")
    assert summary is not None and summary.name.get() == "Beta Marker"


# -- an index file that is not one ---------------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_in_the_index_place_is_not_read_and_not_replaced(tmp_path: Path) -> None:
    """Reading a FIFO would wait for a writer for ever: the load runs in a child with a generous limit."""
    root, cache_dir = _library(tmp_path), tmp_path / "cache"
    cache_dir.mkdir()
    fifo = _index_file(cache_dir, root)
    os.mkfifo(fifo)
    code = (
        "import sys; from pathlib import Path; from casetui.index_cache import IndexCache;"
        "from casetui.library import load_library;"
        "print(len(load_library([Path(sys.argv[1])], cache=IndexCache(Path(sys.argv[2]))).summaries))"
    )
    try:
        done = subprocess.run(
            [sys.executable, "-c", code, str(root), str(cache_dir)], capture_output=True, text=True, timeout=60
        )
    except subprocess.TimeoutExpired:
        pytest.fail("the load waited on the FIFO")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "3"
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_a_huge_index_is_not_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A sparse file one byte over the limit (4 GiB in the report): never read into memory."""
    root, cache_dir = _library(tmp_path), tmp_path / "cache"
    load_library([root], cache=IndexCache(cache_dir))
    index = _index_file(cache_dir, root)
    monkeypatch.setattr(index_cache, "MAX_INDEX_BYTES", index.stat().st_size + 100)
    with open(index, "ab") as handle:
        handle.truncate(index.stat().st_size + 101)
    reads: list[int] = []
    real_open = os.fdopen

    def counting_fdopen(fd: int, *args: object, **kwargs: object) -> object:
        reads.append(fd)
        return real_open(fd, *args, **kwargs)

    monkeypatch.setattr(os, "fdopen", counting_fdopen)
    cache = IndexCache(cache_dir, writable=False)
    library = load_library([root], cache=cache)
    assert len(library.summaries) == 3 and (cache.hits, cache.misses) == (0, 3)
    assert reads == []


@pytest.mark.skipif(sys.platform != "linux", reason="RLIMIT_AS and sparse files as on Linux")
def test_a_4_gib_index_under_a_memory_limit_costs_a_reparse_not_an_error(tmp_path: Path) -> None:
    root, cache_dir = _library(tmp_path), tmp_path / "cache"
    load_library([root], cache=IndexCache(cache_dir))
    with open(_index_file(cache_dir, root), "ab") as handle:
        handle.truncate(4 << 30)
    code = (
        "import resource, sys; from pathlib import Path;"
        "resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30));"
        "from casetui.index_cache import IndexCache; from casetui.library import load_library;"
        "print(len(load_library([Path(sys.argv[1])], cache=IndexCache(Path(sys.argv[2]))).summaries))"
    )
    done = subprocess.run([sys.executable, "-c", code, str(root), str(cache_dir)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "3"


def test_a_leftover_temporary_index_is_removed_by_the_next_write(tmp_path: Path) -> None:
    """Left by a run killed while writing (its process gone), or by an earlier version (old enough)."""
    root, cache_dir = _library(tmp_path), tmp_path / "cache"
    cache_dir.mkdir()
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    name = index_name(resolved(root))
    killed = cache_dir / f".{name}.{int(dead.stdout)}-abcd_123.tmp"
    legacy = cache_dir / ".index-k2j4h5g6.tmp"
    writing = cache_dir / f".{name}.{os.getpid()}-zzzz_999.tmp"  # a write under way in a live process
    for path in (killed, legacy, writing):
        path.write_bytes(b"")
    os.utime(legacy, (1_000_000_000, 1_000_000_000))
    load_library([root], cache=IndexCache(cache_dir))
    assert sorted(p.name for p in cache_dir.iterdir()) == sorted([name, writing.name])


def test_a_file_that_cannot_be_stat_ed_is_read_afresh_and_never_indexed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without a stamp, a row could not be told from another file's: the file is parsed, and no row kept."""
    root, cache_dir = _library(tmp_path), tmp_path / "cache"
    load_library([root], cache=IndexCache(cache_dir))
    real_stat = os.stat

    def failing_stat(path: object, *args: object, **kwargs: object) -> os.stat_result:
        if path == "beta-market.toml":  # the library's scan, by name in the open folder
            raise PermissionError(13, "Permission denied")
        return real_stat(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "stat", failing_stat)
    cache = IndexCache(cache_dir)
    again = load_library([root], cache=cache)
    assert (cache.hits, cache.misses) == (2, 1)
    summary = again.summary("beta-market")
    assert summary is not None and summary.name.get() == "Beta Market"
    assert _indexed(cache_dir, root) == {"alpha-club.toml", "gamma-card.toml"}
    monkeypatch.setattr(os, "stat", real_stat)
    third = IndexCache(cache_dir)
    load_library([root], cache=third)
    assert (third.hits, third.misses) == (2, 1)
    assert _indexed(cache_dir, root) == {"alpha-club.toml", "beta-market.toml", "gamma-card.toml"}


def test_cases_in_subfolders_are_read_from_the_index_too(tmp_path: Path) -> None:
    root, cache_dir = _library(tmp_path), tmp_path / "cache"
    (root / "older").mkdir()
    (root / "beta-market.toml").replace(root / "older" / "beta-market.toml")
    fresh = load_library([root], cache=IndexCache(cache_dir))
    cache = IndexCache(cache_dir)
    again = load_library([root], cache=cache)
    assert (cache.hits, cache.misses) == (3, 0)
    assert again.summaries == fresh.summaries


def test_cases_in_subfolders_are_read_from_the_index_when_another_file_changed(tmp_path: Path) -> None:
    """The index is then read row by row, each case's id taken from its path: `older/beta-market`'s is
    `beta-market`."""
    root, cache_dir = _library(tmp_path), tmp_path / "cache"
    (root / "older").mkdir()
    (root / "beta-market.toml").replace(root / "older" / "beta-market.toml")
    fresh = load_library([root], cache=IndexCache(cache_dir))
    alpha = root / "alpha-club.toml"
    alpha.write_text(alpha.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    cache = IndexCache(cache_dir)
    again = load_library([root], cache=cache)
    assert (cache.hits, cache.misses) == (2, 1)
    assert again.summaries == fresh.summaries


def test_a_damaged_index_is_written_afresh_even_when_nothing_new_is_parsed(tmp_path: Path) -> None:
    """The only case's row is damaged and its file now broken: no summary to add, but the damage goes."""
    root, cache_dir = tmp_path / "lib", tmp_path / "cache"
    root.mkdir()
    shutil.copy(FIXTURES / "beta-market.toml", root / "beta-market.toml")
    load_library([root], cache=IndexCache(cache_dir))
    index = _index_file(cache_dir, root)
    payload = index_cache.decode(index.read_bytes())
    assert payload["keys"] == "beta-market.toml"
    payload["summaries"] = (["not a name"], *payload["summaries"][1:])
    index.write_bytes(index_cache.encode(payload))
    (root / "beta-market.toml").write_text("format = [\n", encoding="utf-8")
    assert [e.id for e in load_library([root], cache=IndexCache(cache_dir)).broken] == ["beta-market"]
    assert _indexed(cache_dir, root) == set()
