"""The summary index: one file in the user's cache folder, keyed on each case file's size and
modification time. A second start reads it instead of parsing every file.

The index is written with `marshal`: it keeps tuples as tuples and loads several times faster
than JSON, which matters at 10,000 cases. It is Python-version specific, so the version is part
of the file name. It is the user's own private file (mode 0600), never a shared one. The cache
is only an optimisation: a missing, unreadable or corrupt index is ignored, and an unwritable
cache folder is never an error.
"""

from __future__ import annotations

import contextlib
import gc
import marshal
import os
import sys
from pathlib import Path
from typing import Any

from casetui import __version__
from casetui.summary import Summary

ENV_CACHE_DIR = "CASETUI_CACHE_DIR"
ENV_NO_CACHE = "CASETUI_NO_CACHE"
INDEX_NAME = f"index-1-py{sys.version_info[0]}{sys.version_info[1]}.marshal"


def cache_dir() -> Path:
    """Where casetui keeps its index: `CASETUI_CACHE_DIR`, else the user's cache folder (platformdirs)."""
    override = os.environ.get(ENV_CACHE_DIR)
    if override:
        return Path(override).expanduser()
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("casetui", appauthor=False))


class IndexCache:
    """Summaries by absolute path, valid while the file's (mtime_ns, size) is unchanged."""

    def __init__(self, path: Path | None, writable: bool = True) -> None:
        self.path = path
        self.writable = writable
        """False: read the index but never write it (`CASETUI_READ_ONLY`, as in `casetui serve`)."""
        self._old: dict[str, Any] = {}
        self._new: dict[str, Any] = {}
        self._rebuilt: dict[Any, Any] = {None: None}
        """Parts of rows already rebuilt, for `Summary.from_row` (an absent part, None, stays None)."""
        self._parts: dict[Any, Any] = {}
        """Parts of rows put in the index, one object for each that repeats."""
        self.hits = 0
        self.misses = 0
        if path is not None:
            self._old = _read(path)

    @classmethod
    def default(cls) -> IndexCache:
        """The user's index, or a disabled one when `CASETUI_NO_CACHE` is set; never written when read-only."""
        from casetui.paths import read_only

        if os.environ.get(ENV_NO_CACHE):
            return cls(None)
        return cls(cache_dir() / INDEX_NAME, writable=not read_only())

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
                return summary
        self.misses += 1
        return None

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

    def save(self) -> None:
        """Write the index when it changed; silently keep the old one when the folder is not writable."""
        if self.path is None or not self.writable or self.misses == 0:
            return
        # One index serves every library the user opens: keep what other runs recorded (a file
        # they saw that this run did not), so switching libraries never thrashes the index.
        payload = {"casetui": __version__, "files": {**self._old, **self._new}}
        with contextlib.suppress(OSError):
            self.path.parent.mkdir(parents=True, exist_ok=True)
            import tempfile  # only when writing: reading the index must stay quick

            fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".index-", suffix=".tmp")
            try:
                with os.fdopen(fd, "wb") as handle:
                    marshal.dump(payload, handle)
                os.replace(tmp, self.path)
            except OSError:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)


def _read(path: Path) -> dict[str, Any]:
    collecting = gc.isenabled()
    gc.disable()  # Every tuple loaded lives on: collecting while they are made only walks them again.
    try:
        with open(path, "rb") as handle:
            payload = marshal.loads(handle.read())
    except (OSError, ValueError, EOFError, TypeError):
        return {}
    finally:
        if collecting:
            gc.enable()
    if not isinstance(payload, dict) or payload.get("casetui") != __version__:
        return {}  # Another version may derive differently: start afresh.
    files = payload.get("files")
    return files if isinstance(files, dict) else {}
