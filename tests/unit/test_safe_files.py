"""What casetui writes never harms what is there: its own files replaced only when they are plainly its own,
new files made as a shell would make them, and only its own stale temporary files removed."""

from __future__ import annotations

import os
import re
import stat
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from casetui import safe_files
from casetui.safe_files import NotRegular, remove_stale_temporaries, replace_own, write_text

NOBODY = 65534


@pytest.fixture
def umask_077() -> Iterator[None]:
    old = os.umask(0o077)
    try:
        yield
    finally:
        os.umask(old)


def test_a_new_file_gets_the_mode_the_umask_leaves(tmp_path: Path, umask_077: None) -> None:
    path = tmp_path / "handout.md"
    write_text(path, "text")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert path.read_text(encoding="utf-8") == "text"


def test_an_own_file_with_another_name_is_not_replaced(tmp_path: Path) -> None:
    """The index's name hard-linked to another file: replacing it would change that file's twin, or split it."""
    path, twin = tmp_path / "index.marshal", tmp_path / "elsewhere"
    twin.write_bytes(b"someone's data")
    os.link(twin, path)
    assert not safe_files.replaceable(path)
    with pytest.raises(NotRegular):
        replace_own(path, b"index")
    assert twin.read_bytes() == path.read_bytes() == b"someone's data"
    assert path.stat().st_ino == twin.stat().st_ino


def test_an_own_file_alone_is_replaced_private(tmp_path: Path) -> None:
    path = tmp_path / "index.marshal"
    path.write_bytes(b"old")
    replace_own(path, b"new")
    assert path.read_bytes() == b"new"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def _stale(folder: Path, name: str) -> Path:
    """A temporary file of ours, named as a killed write leaves it, and old enough to be a leftover."""
    path = folder / f".{name}.999999999-abcdefgh.tmp"
    path.write_bytes(b"half a file")
    old = time.time() - 3600
    os.utime(path, (old, old))
    return path


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root to give a file away")
def test_a_stale_temporary_file_of_another_user_is_left_alone(tmp_path: Path) -> None:
    mine, theirs = _stale(tmp_path, "index-1.marshal"), _stale(tmp_path, "index-2.marshal")
    os.chown(theirs, NOBODY, NOBODY)
    assert remove_stale_temporaries(tmp_path, re.compile(r"index-.*")) == 1
    assert not mine.exists() and theirs.exists()


def test_only_temporary_files_for_the_names_asked_for_are_removed(tmp_path: Path) -> None:
    index, export = _stale(tmp_path, "index-1.marshal"), _stale(tmp_path, "handout.md")
    assert remove_stale_temporaries(tmp_path, re.compile(r"index-.*")) == 1
    assert not index.exists() and export.exists()
