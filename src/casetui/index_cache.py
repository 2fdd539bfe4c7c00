"""The summary index: one file per library folder in the user's cache folder, keyed on each case
file's size and modification time. A second start reads it instead of parsing every file.

One file per folder, named from a hash of the folder's resolved path, so that a start reads the
indexes of the folders it searches and no others: after a 10,000-case folder was opened once,
a start on the 11 bundled cases must not load 10,000 summaries it will never show.

The index is written with `marshal`: it keeps tuples as tuples and loads several times faster
than JSON, which matters at 10,000 cases. It is Python-version specific, so the version is part
of the file name. It is the user's own private file (mode 0600), never a shared one. The cache
is only an optimisation: a missing, unreadable or corrupt index is ignored, and an unwritable
cache folder is never an error.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import sys
from pathlib import Path
from typing import Any

from casetui import __version__
from casetui.summary import Summary

ENV_CACHE_DIR = "CASETUI_CACHE_DIR"
ENV_NO_CACHE = "CASETUI_NO_CACHE"
_TAG = f"py{sys.version_info[0]}{sys.version_info[1]}"
INDEX_PREFIX = "index-3-"
"""Every folder's index is named `index-3-pyXY-<hash>.marshal` (3: summaries know what is scheduled)."""
OLD_INDEX_NAME = f"index-1-{_TAG}.marshal"
"""The single index earlier versions kept for every folder at once."""


def cache_dir() -> Path:
    """Where casetui keeps its indexes: `CASETUI_CACHE_DIR`, else the user's cache folder (platformdirs)."""
    override = os.environ.get(ENV_CACHE_DIR)
    if override:
        return Path(override).expanduser()
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("casetui", appauthor=False))


def resolved(root: Path) -> str:
    """The folder's real path, as its index records it: one folder reached two ways shares one index."""
    try:
        return str(root.resolve())
    except (OSError, RuntimeError):  # A symlink loop: the folder reads as nothing, its index is never used.
        return str(root.absolute())


def index_name(real_root: str) -> str:
    """The index file's name for a folder's resolved path.

    CRC-32 rather than hashlib, whose import costs a start more than reading the bundled index. A
    collision is harmless: the index records its folder, and one written for another is ignored.
    """
    import zlib

    digest = zlib.crc32(os.fsencode(real_root))
    return f"{INDEX_PREFIX}{_TAG}-{digest:08x}.marshal"


class FolderIndex:
    """One library folder's summaries, by path inside the folder, valid while the file's (mtime_ns, size) holds."""

    def __init__(self, real_root: str, old: dict[str, Any], rebuilt: dict[Any, Any], parts: dict[Any, Any]) -> None:
        self.real_root = real_root
        self._old = old
        """The rows read from disk."""
        self._rebuilt = rebuilt
        self._parts = parts
        self._kept: dict[str, Any] = {}
        """Rows of `_old` for files still in the folder; what is left out on save is a deleted file's."""
        self._new: dict[str, Any] = {}
        self.hits = 0
        self.misses = 0

    def get(self, key: str, stamp: tuple[int, int]) -> Summary | None:
        """The cached summary for the file at `key` if its stamp still matches."""
        row = self._old.get(key)
        if row is not None and row[0] == stamp[0] and row[1] == stamp[1]:
            try:
                summary = Summary.from_row(row[2], self._rebuilt)
            except (TypeError, ValueError, IndexError, KeyError, AttributeError):
                summary = None
            if summary is not None:
                self.hits += 1
                self._kept[key] = row
                return summary
        self.misses += 1
        return None

    def keep(self, key: str) -> None:
        """A file still in the folder that this run did not look up (another folder's file of that id won)."""
        row = self._old.get(key)
        if row is not None:
            self._kept[key] = row

    def put(self, key: str, stamp: tuple[int, int], summary: Summary) -> None:
        """Remember a freshly parsed summary."""
        row = summary.to_row()
        # Repeated parts as one object each: `marshal` then writes them once, and loads them once.
        self._new[key] = (stamp[0], stamp[1], (row[0], *map(self._share, row[1:])))

    def _share(self, value: Any) -> Any:
        if isinstance(value, tuple):
            value = tuple(map(self._share, value))
        elif not isinstance(value, str):
            return value
        return self._parts.setdefault(value, value)

    @property
    def changed(self) -> bool:
        """True when a file was parsed afresh or one in the index left the folder or changed."""
        return bool(self._new) or len(self._kept) != len(self._old)

    def payload(self) -> dict[str, Any]:
        """What the index file holds: the rows of files seen in the folder this run, and no deleted file's."""
        return {"casetui": __version__, "root": self.real_root, "files": {**self._kept, **self._new}}


class IndexCache:
    """The indexes of the library folders one load reads: each read when its folder is first searched."""

    def __init__(self, directory: Path | None, writable: bool = True) -> None:
        self.directory = directory
        """The cache folder; None keeps summaries in memory only (`CASETUI_NO_CACHE`)."""
        self.writable = writable
        """False: read the indexes but never write them (`CASETUI_READ_ONLY`, as in `casetui serve`)."""
        self._folders: dict[str, FolderIndex] = {}
        self._rebuilt: dict[Any, Any] = {None: None}
        """Parts of rows already rebuilt, for `Summary.from_row` (an absent part, None, stays None)."""
        self._parts: dict[Any, Any] = {}
        """Parts of rows put in an index, one object for each that repeats."""

    @classmethod
    def default(cls) -> IndexCache:
        """The user's indexes, or disabled ones when `CASETUI_NO_CACHE` is set; never written when read-only."""
        from casetui.paths import read_only

        if os.environ.get(ENV_NO_CACHE):
            return cls(None)
        return cls(cache_dir(), writable=not read_only())

    def for_root(self, root: Path) -> FolderIndex:
        """The index of one library folder, read from disk the first time it is asked for."""
        real_root = resolved(root)
        index = self._folders.get(real_root)
        if index is None:
            old = _read(self.directory / index_name(real_root), real_root) if self.directory is not None else {}
            index = self._folders[real_root] = FolderIndex(real_root, old, self._rebuilt, self._parts)
        return index

    @property
    def hits(self) -> int:
        return sum(index.hits for index in self._folders.values())

    @property
    def misses(self) -> int:
        return sum(index.misses for index in self._folders.values())

    def save(self) -> None:
        """Write each folder's index that changed; silently keep the old ones when the folder is not writable."""
        if self.directory is None or not self.writable:
            return
        changed = [index for index in self._folders.values() if index.changed]
        if not changed:
            return
        with contextlib.suppress(OSError):
            self.directory.mkdir(parents=True, exist_ok=True)
            # The single index of earlier versions holds every folder ever opened, perhaps megabytes,
            # and nothing reads it now: remove it rather than leave it in the user's cache for good.
            with contextlib.suppress(OSError):
                os.unlink(self.directory / OLD_INDEX_NAME)
            for index in changed:
                _write(self.directory / index_name(index.real_root), index.payload())


def _write(path: Path, payload: dict[str, Any]) -> None:
    """Replace the file at `path` in one step, so that a reader never sees half an index."""
    import tempfile  # only when writing: reading an index must stay quick

    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".index-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            marshal.dump(payload, handle)
        os.replace(tmp, path)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(tmp)


def _read(path: Path, real_root: str) -> dict[str, Any]:
    # Read while `load_library` keeps the collector off: every tuple loaded here lives on.
    try:
        with open(path, "rb") as handle:
            payload = marshal.loads(handle.read())
    except (OSError, ValueError, EOFError, TypeError):
        return {}
    if not isinstance(payload, dict) or payload.get("casetui") != __version__:
        return {}  # Another version may derive differently: start afresh.
    if payload.get("root") != real_root:
        return {}  # Another folder's index under the same name: its keys mean other files.
    files = payload.get("files")
    return files if isinstance(files, dict) else {}
