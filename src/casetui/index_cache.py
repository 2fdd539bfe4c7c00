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

A start on 10,000 cases pays for every object made per case, so the index holds few: the paths
as one NUL-joined string, the stamps as one `bytes`, and the summaries column by column
(`casetui.summary.to_columns`), checked and rebuilt in a few passes over each column made in C
rather than 10,000 times over in Python. When nothing in the folder changed, one comparison of
the paths and one of the stamps say so. A case's id is not stored: it is its file's name.

"Corrupt" covers anything: random bytes, a truncated file, a 4 GB file, a FIFO in its place, rows
of the wrong shape or type. The file is opened without blocking and read only when it is a
regular file under `MAX_INDEX_BYTES`; it starts with a magic string and a CRC-32 of the rest,
so a damaged or truncated file is dropped before `marshal` sees it; and every part of every row
is checked before any summary is used (`casetui.summary.from_columns`). On any doubt the whole
index is dropped and written afresh: one bad row says the file cannot be trusted.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import re
import stat
import struct
import sys
from pathlib import Path
from typing import Any

from casetui import __version__
from casetui.summary import Summary, from_columns, to_columns

ENV_CACHE_DIR = "CASETUI_CACHE_DIR"
ENV_NO_CACHE = "CASETUI_NO_CACHE"
_TAG = f"py{sys.version_info[0]}{sys.version_info[1]}"
INDEX_PREFIX = "index-4-"
"""Every folder's index is named `index-4-pyXY-<hash>.marshal` (4: summaries stored column by column)."""
PREVIOUS_PREFIXES = ("index-3-", "index-2-")
"""Indexes of earlier versions (rows one by one; before that, keyed on size and mtime only), which a new
one replaces (and removes)."""
OLD_INDEX_NAME = f"index-1-{_TAG}.marshal"
"""The single index earlier versions kept for every folder at once."""
MAGIC = b"casetui-index\x004"
"""The first bytes of an index file; a CRC-32 of the rest (4 bytes, little-endian) follows."""
MAX_INDEX_BYTES = 256 << 20
"""A larger file is not an index of ours (10,000 cases take about 3 MiB): never read into memory."""
TEMPORARY_NAMES = re.compile(r"index-.*")
"""Temporary files of an index being written (`casetui.safe_files`), removed when stale."""
_OLD_TEMPORARY = re.compile(r"\.index-[a-z0-9_]{8}\.tmp")
"""How earlier versions named them."""

STAMP = struct.Struct("<qqqQQ")
"""A file's stamp: its size, mtime_ns, ctime_ns, inode and device, packed. Each row keeps its stamp;
the index keeps them all in one `bytes`, and a start compares them all at once."""
STAMP_SIZE = STAMP.size
NO_STAMP = b"\xff" * STAMP_SIZE
"""The stamp of a file that cannot be stat-ed (a size of -1): it matches no row, and no row is kept for it."""


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
    """One library folder's summaries, by path inside the folder, each valid while its file's stamp holds."""

    def __init__(self, real_root: str, payload: dict[str, Any], parts: dict[Any, Any]) -> None:
        self.real_root = real_root
        self._parts = parts
        self.dropped = False
        """True when the index read from disk was damaged, and this run dropped it."""
        self._joined = ""
        """The paths of the rows read from disk, joined by NUL (which no path holds)."""
        self._stamps = b""
        """Their stamps, `STAMP_SIZE` bytes each."""
        self._columns: Any = None
        """Their summaries as the file holds them, until they are checked and built."""
        joined, stamps = payload.get("keys"), payload.get("stamps")
        if type(joined) is str and type(stamps) is bytes and len(stamps) == STAMP_SIZE * _count(joined):
            self._joined, self._stamps, self._columns = joined, stamps, payload.get("summaries")
        elif payload:
            self.dropped = True
        self._keys: list[str] = []
        self._summaries: list[Summary] = []
        """The rows read from disk once built, whole and checked: the paths and the summaries."""
        self._at: dict[str, int] | None = None
        """The row of each path, made when a lookup cannot take the rows as they come."""
        self._kept: set[int] | None = set()
        """Rows still in use, or of files still in the folder (None: all of them); the others are a
        deleted or changed file's."""
        self._shadowed: list[str] = []
        """Files still in the folder that this run did not look up (another folder's file of that id won)."""
        self._new: dict[str, tuple[bytes, Summary]] = {}
        self._order: list[str] = []
        """The files looked up, in the order the library found them: the order to write them in."""
        self.hits = 0
        self.misses = 0

    def lookup(self, keys: list[str], ids: list[str], stamps: bytes) -> list[Summary | None]:
        """The cached summary of each file at `keys` (of case `ids`, stamps joined) whose stamp still
        matches; None for the others.

        When nothing in the folder changed since the index was written, the files come in the index's
        order with its stamps: one comparison of the paths and one of the stamps say so, and only then
        are the summaries checked and built.
        """
        self._order = keys
        if (
            self._columns is not None
            and stamps == self._stamps
            and "\0".join(keys) == self._joined
            and NO_STAMP not in stamps  # A file that cannot be stat-ed never takes a row.
        ):
            columns, self._columns = self._columns, None
            self._build(keys, ids, columns)
            if not self.dropped:
                self.hits += len(keys)
                self._kept = None
                return list(self._summaries)
        self._rows()
        at = self._positions()
        own = self._stamps
        found: list[Summary | None] = []
        for place, key in enumerate(keys):
            row = at.get(key)
            start = place * STAMP_SIZE
            stamp = stamps[start : start + STAMP_SIZE]
            if row is not None and stamp != NO_STAMP and own[row * STAMP_SIZE : (row + 1) * STAMP_SIZE] == stamp:
                self._keep(row)
                found.append(self._summaries[row])
            else:
                found.append(None)
        missed = found.count(None)
        self.misses += missed
        self.hits += len(found) - missed
        return found

    def _build(self, keys: list[str], ids: list[str], columns: Any) -> None:
        """Check and build the rows of `columns`, for the files at `keys`; drop them all on any doubt."""
        try:
            self._keys, self._summaries = keys, from_columns(ids, columns)
        except (TypeError, ValueError, IndexError, KeyError, AttributeError, OverflowError, RecursionError):
            self._drop()

    def _rows(self) -> None:
        """Build the rows read from disk, if not yet done."""
        if self._columns is not None:
            columns, self._columns = self._columns, None
            keys = self._joined.split("\0") if self._joined else []
            # A case's id is its file's name (`sub/name.toml`: `name`); `from_columns` checks it is one.
            self._build(keys, [key[key.rfind(os.sep) + 1 : -5] for key in keys], columns)

    def _drop(self) -> None:
        """Trust no row read from disk: every file is parsed afresh, and the index written again."""
        self._keys, self._summaries, self._stamps, self._at = [], [], b"", None
        self.dropped = True

    def _positions(self) -> dict[str, int]:
        if self._at is None:
            self._at = {key: row for row, key in enumerate(self._keys)}
        return self._at

    def _keep(self, row: int) -> None:
        if self._kept is not None:
            self._kept.add(row)

    def keep(self, key: str) -> None:
        """A file still in the folder that this run did not look up (another folder's file of that id won)."""
        self._shadowed.append(key)

    def put(self, key: str, stamp: bytes, summary: Summary) -> None:
        """Remember a freshly parsed summary (not for a file that could not be stat-ed: it would match another)."""
        if stamp != NO_STAMP:
            self._new[key] = (stamp, summary)

    def _settle(self) -> set[int]:
        """The rows to keep, shadowed files' included."""
        self._rows()
        kept = set(range(len(self._keys))) if self._kept is None else self._kept
        at = self._positions()
        kept.update(at[key] for key in self._shadowed if key in at)
        self._kept = kept
        return kept

    @property
    def changed(self) -> bool:
        """True when a file was parsed afresh or one in the index left the folder or changed."""
        if self._new or self.dropped:
            return True
        if self._kept is None:
            return False
        return len(self._settle()) != len(self._keys)

    def payload(self) -> dict[str, Any]:
        """What the index file holds: the rows of files seen in the folder this run, and no deleted file's."""
        own = self._stamps
        rows = {
            self._keys[row]: (own[row * STAMP_SIZE : (row + 1) * STAMP_SIZE], self._summaries[row])
            for row in sorted(self._settle())
        }
        rows.update(self._new)
        # In the order the next run finds the files, so that it can take the rows as they come (`lookup`).
        rows = {key: rows[key] for key in dict.fromkeys([*self._order, *rows]) if key in rows}
        columns = to_columns(summary for _, summary in rows.values())
        return {
            "casetui": __version__,
            "root": self.real_root,
            "keys": "\0".join(rows),
            "stamps": b"".join(stamp for stamp, _ in rows.values()),
            # Repeated parts as one object each: `marshal` then writes them once, and loads them once.
            "summaries": self._share(columns),
        }

    def _share(self, value: Any) -> Any:
        if isinstance(value, (tuple, list)):
            return type(value)(map(self._share, value))
        if not isinstance(value, str):
            return value
        return self._parts.setdefault(value, value)


def _count(joined: str) -> int:
    """How many paths `joined` holds."""
    return joined.count("\0") + 1 if joined else 0


def stamp(info: os.stat_result) -> bytes:
    """The stamp of a file from its stat: its row in the index is valid while the stamp is the same."""
    try:
        return STAMP.pack(info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino, info.st_dev)
    except struct.error:  # Out of range for 64 bits (a time centuries away): parsed on every start.
        return NO_STAMP


class IndexCache:
    """The indexes of the library folders one load reads: each read when its folder is first searched."""

    def __init__(self, directory: Path | None, writable: bool = True) -> None:
        self.directory = directory
        """The cache folder; None keeps summaries in memory only (`CASETUI_NO_CACHE`)."""
        self.writable = writable
        """False: read the indexes but never write them (`CASETUI_READ_ONLY`, as in `casetui serve`)."""
        self._folders: dict[str, FolderIndex] = {}
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
            payload = _read(self.directory / index_name(real_root), real_root) if self.directory is not None else {}
            index = self._folders[real_root] = FolderIndex(real_root, payload, self._parts)
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
                for prefix in PREVIOUS_PREFIXES:
                    with contextlib.suppress(OSError):
                        os.unlink(self.directory / index_name(index.real_root, prefix))


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
    """The index at `path` as written, or nothing when anything about the file is in doubt (its rows are
    checked by `FolderIndex`)."""
    # Read while `load_library` keeps the collector off: every tuple loaded here lives on.
    data = _read_bounded(path)
    payload = None if data is None else decode(data)
    if type(payload) is not dict or payload.get("casetui") != __version__:
        return {}  # Another version may derive differently: start afresh.
    if payload.get("root") != real_root:
        return {}  # Another folder's index under the same name: its keys mean other files.
    return payload


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
