"""The summary index: one file per library folder in the user's cache folder, keyed on everything
cheap a stat of each case file gives (size, mtime_ns, ctime_ns, inode, device). A second start
reads it instead of parsing every file. Size and mtime alone miss an edit that keeps both (`sed`,
then `touch -r`); the change time cannot be set back by hand, and an editor that saves by rename
gives the file a new inode.

One file per folder, named from a hash of the folder's resolved path, so that a start reads the
indexes of the folders it searches and no others: after a 10,000-case folder was opened once,
a start on the 11 bundled cases must not load 10,000 summaries it will never show.

The index is written with `marshal`: it keeps tuples as tuples and loads several times faster
than JSON, which matters at 10,000 cases. It is Python-version specific, so the version is part
of the file name. It is the user's own private file (mode 0600), never a shared one. The cache
is only an optimisation: a missing, unreadable or corrupt index is ignored, and an unwritable
cache folder is never an error.

"Corrupt" covers anything: random bytes, a truncated file, a 4 GB file, a FIFO in its place, rows
of the wrong shape or type. The file is opened without blocking and read only when it is a
regular file under `MAX_INDEX_BYTES`; it starts with a magic string and a CRC-32 of the rest,
so a damaged or truncated file is dropped before `marshal` sees it; and every row is checked in
full before its summary is used (`Summary.from_row`). On any doubt the whole index is dropped
and written afresh: one bad row says the file cannot be trusted.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import re
import stat
import sys
from pathlib import Path
from typing import Any

from casetui import __version__
from casetui.summary import Summary, new_shared

ENV_CACHE_DIR = "CASETUI_CACHE_DIR"
ENV_NO_CACHE = "CASETUI_NO_CACHE"
_TAG = f"py{sys.version_info[0]}{sys.version_info[1]}"
INDEX_PREFIX = "index-3-"
"""Every folder's index is named `index-3-pyXY-<hash>.marshal` (3: rows keyed on five stat fields and
checked, summaries that know what is scheduled)."""
PREVIOUS_PREFIX = "index-2-"
"""Indexes keyed on size and mtime only, which a new one replaces (and removes)."""
OLD_INDEX_NAME = f"index-1-{_TAG}.marshal"
"""The single index earlier versions kept for every folder at once."""
MAGIC = b"casetui-index\x003"
"""The first bytes of an index file; a CRC-32 of the rest (4 bytes, little-endian) follows."""
MAX_INDEX_BYTES = 256 << 20
"""A larger file is not an index of ours (10,000 cases take about 3 MiB): never read into memory."""
TEMPORARY_NAMES = re.compile(r"index-.*")
"""Temporary files of an index being written (`casetui.safe_files`), removed when stale."""
_OLD_TEMPORARY = re.compile(r"\.index-[a-z0-9_]{8}\.tmp")
"""How earlier versions named them."""

Stamp = tuple[int, int, int, int, int]
"""(size, mtime_ns, ctime_ns, inode, device) of a case file, made by `casetui.library` from the stat it
already has: its row is valid while all five hold."""


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


def index_name(real_root: str, prefix: str = INDEX_PREFIX) -> str:
    """The index file's name for a folder's resolved path.

    CRC-32 rather than hashlib, whose import costs a start more than reading the bundled index. A
    collision is harmless: the index records its folder, and one written for another is ignored.
    """
    import zlib

    digest = zlib.crc32(os.fsencode(real_root))
    return f"{prefix}{_TAG}-{digest:08x}.marshal"


class FolderIndex:
    """One library folder's summaries, by path inside the folder, each valid while its file's `Stamp` holds."""

    def __init__(
        self, real_root: str, old: dict[str, Any], rebuilt: dict[str, dict[Any, Any]], parts: dict[Any, Any]
    ) -> None:
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
        self.dropped = False
        """True once a damaged row made this run drop the index read from disk."""

    def get(self, key: str, stamp: Stamp) -> Summary | None:
        """The cached summary for the file at `key` if its stamp still matches.

        A row that does not check out (wrong shape or type, or another file's id) drops the rest
        of the index: whatever damaged it may have damaged other rows in ways no check can see.
        """
        row = self._old.get(key)
        if row is not None and (type(row) is not tuple or len(row) != 6):
            self._drop()
        elif row is not None and row[:5] == stamp:  # By value: an equal stamp of another number type is as good.
            try:
                summary = Summary.from_row(row[5], self._rebuilt)
                if summary.id != _stem(key):
                    raise ValueError("another file's summary")
            except (TypeError, ValueError, IndexError, KeyError, AttributeError, OverflowError):
                self._drop()
            else:
                self.hits += 1
                self._kept[key] = row
                return summary
        self.misses += 1
        return None

    def _drop(self) -> None:
        """Distrust every row not used yet (those already used were checked one by one: they stay)."""
        self._old = {}
        self.dropped = True

    def keep(self, key: str) -> None:
        """A file still in the folder that this run did not look up (another folder's file of that id won)."""
        row = self._old.get(key)
        if row is not None:
            self._kept[key] = row

    def put(self, key: str, stamp: Stamp, summary: Summary) -> None:
        """Remember a freshly parsed summary."""
        row = summary.to_row()
        # Repeated parts as one object each: `marshal` then writes them once, and loads them once.
        self._new[key] = (*stamp, (row[0], *map(self._share, row[1:])))

    def _share(self, value: Any) -> Any:
        if isinstance(value, tuple):
            value = tuple(map(self._share, value))
        elif not isinstance(value, str):
            return value
        return self._parts.setdefault(value, value)

    @property
    def changed(self) -> bool:
        """True when a file was parsed afresh or one in the index left the folder or changed."""
        return bool(self._new) or len(self._kept) != len(self._old) or self.dropped

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
        self._rebuilt = new_shared()
        """Parts of rows already rebuilt, for `Summary.from_row`."""
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
        from casetui.safe_files import remove_stale_temporaries

        with contextlib.suppress(OSError):
            self.directory.mkdir(parents=True, exist_ok=True)
            # The single index of earlier versions holds every folder ever opened, perhaps megabytes,
            # and nothing reads it now: remove it rather than leave it in the user's cache for good.
            with contextlib.suppress(OSError):
                os.unlink(self.directory / OLD_INDEX_NAME)
            # A run killed while writing leaves its temporary file: the next write clears it away.
            remove_stale_temporaries(self.directory, TEMPORARY_NAMES, _OLD_TEMPORARY)
            for index in changed:
                _write(self.directory / index_name(index.real_root), index.payload())
                with contextlib.suppress(OSError):
                    os.unlink(self.directory / index_name(index.real_root, PREVIOUS_PREFIX))


def _stem(key: str) -> str:
    """The case id a file's index key implies (`sub/name.toml` -> `name`)."""
    return key[key.rfind(os.sep) + 1 : -5] if os.sep in key else key[:-5]


def _write(path: Path, payload: dict[str, Any]) -> None:
    """Replace the index at `path` in one step (never a file that is not an index of ours)."""
    from casetui.safe_files import replace_own

    with contextlib.suppress(OSError):
        replace_own(path, encode(payload))


def encode(payload: Any) -> bytes:
    """An index file's bytes: the magic string, a CRC-32 of the marshalled payload, the payload."""
    import zlib

    body = marshal.dumps(payload)
    return MAGIC + zlib.crc32(body).to_bytes(4, "little") + body


def decode(data: bytes) -> Any:
    """The payload of an index file's bytes; None when they are not one (damaged or cut short)."""
    if not data.startswith(MAGIC):
        return None
    import zlib

    start = len(MAGIC) + 4
    if zlib.crc32(memoryview(data)[start:]) != int.from_bytes(data[len(MAGIC) : start], "little"):
        return None
    try:
        return marshal.loads(memoryview(data)[start:])
    except (ValueError, EOFError, TypeError):
        return None


def _read(path: Path, real_root: str) -> dict[str, Any]:
    """The rows of the index at `path`, or none when anything about the file is in doubt."""
    # Read while `load_library` keeps the collector off: every tuple loaded here lives on.
    data = _read_bounded(path)
    payload = None if data is None else decode(data)
    if type(payload) is not dict or payload.get("casetui") != __version__:
        return {}  # Another version may derive differently: start afresh.
    if payload.get("root") != real_root:
        return {}  # Another folder's index under the same name: its keys mean other files.
    files = payload.get("files")
    # Each row is checked when it is used (`FolderIndex.get`), not all 10,000 here: a row of the
    # wrong shape is then a damaged index, and a key that is not a path never matches a file.
    return files if type(files) is dict else {}


def _read_bounded(path: Path) -> bytes | None:
    """The bytes of the regular file at `path` if it is at most `MAX_INDEX_BYTES`; None otherwise.

    Opened without blocking and checked through the open descriptor: a FIFO in the index's place
    would otherwise block the start for ever, and a huge file would fill the memory.
    """
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError:
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_INDEX_BYTES:
            return None
        with os.fdopen(os.dup(fd), "rb") as handle:
            data = handle.read(MAX_INDEX_BYTES + 1)
        return data if len(data) <= MAX_INDEX_BYTES else None
    except OSError:
        return None
    finally:
        os.close(fd)
