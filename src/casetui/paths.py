"""The folders casetui uses, as each operating system expects them (via platformdirs).

- the user's library folder, searched after `--cases` and `CASETUI_CASES` and before the bundled library;
- the cache folder, where `list` and the app keep a summary index for each library folder;
- the screenshot folder, where the app saves SVG screenshots.

Also the read-only switch that `casetui serve` sets for the app it serves. No UI imports here, and
platformdirs is imported only when a folder is asked for.
"""

import os
import sys
from pathlib import Path

from casetui.record import NamedTuple

TYPE_CHECKING = False  # typing's flag, without importing typing (see casetui.record)
if TYPE_CHECKING:
    from typing import Literal

    Source = Literal["cli", "env", "user", "bundled"]
    """Why a library folder is searched: `--cases`, `CASETUI_CASES`, the user's folder, or the package."""

APP_NAME = "casetui"
ENV_SCREENSHOT_DIR = "CASETUI_SCREENSHOT_DIR"
ENV_READ_ONLY = "CASETUI_READ_ONLY"


def user_library_dir() -> Path:
    """The user's own library folder: `<user data dir>/cases` (`~/.local/share/casetui/cases` on Linux)."""
    return _user_data_dir() / "cases"


def _user_data_dir() -> Path:
    """The user data folder, as platformdirs gives it.

    Every command that reads the library asks for this folder, and importing platformdirs on Linux
    costs about 5 ms (it imports tempfile, shutil, bz2, lzma and random): more than parsing a case.
    So on the XDG platforms the rule platformdirs follows is applied here (`$XDG_DATA_HOME` when it
    is an absolute path, as the XDG spec requires, else `$HOME/.local/share`); anything less plain,
    and every other system, asks platformdirs. A test checks that both agree.
    """
    if sys.platform not in ("win32", "darwin", "ios") and not _maybe_android():
        data = os.environ.get("XDG_DATA_HOME", "")
        if os.path.isabs(data):
            return Path(data, APP_NAME)
        home = os.environ.get("HOME", "")
        if os.path.isabs(home):
            return Path(home, ".local", "share", APP_NAME)
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def _maybe_android() -> bool:
    """True where platformdirs may take the system for Android, which has folders of its own."""
    return hasattr(sys, "getandroidapilevel") or "ANDROID_DATA" in os.environ


def cache_dir() -> Path:
    """Where casetui keeps its summary indexes: `CASETUI_CACHE_DIR`, else the user's cache folder."""
    from casetui.index_cache import cache_dir as index_cache_dir

    return index_cache_dir()


def screenshot_dir() -> Path:
    """Where the app saves screenshots: `CASETUI_SCREENSHOT_DIR`, else `<Pictures>/casetui`.

    The pictures folder is where people look for images; a `casetui` folder inside it keeps ours together.
    The folder is not created here: whoever saves the first screenshot creates it.
    """
    override = os.environ.get(ENV_SCREENSHOT_DIR)
    if override:
        return Path(override).expanduser()
    from platformdirs import user_pictures_dir

    return Path(user_pictures_dir()) / APP_NAME


def read_only() -> bool:
    """True when casetui must write nothing at all (set by `casetui serve` for the app it serves).

    `CASETUI_READ_ONLY` set to anything but empty or `0` turns it on. Then the summary indexes are read
    but never written, and the app must not save screenshots to disk (it may send them to the browser).
    """
    return os.environ.get(ENV_READ_ONLY, "").strip() not in ("", "0")


class Folder(NamedTuple):
    """One folder casetui uses, why, and whether it is there now.

    A named tuple rather than a dataclass: this module is imported on every run, and it is cheaper
    (see `casetui.model`, also on why this module has no `from __future__ import annotations`).
    """

    path: Path
    source: str
    exists: bool


def library_folders(cli_dirs: list[Path], bundled: bool = True) -> list[Folder]:
    """Every library folder in search order, each with its source; the user's folder even when missing.

    Mirrors `casetui.library.search_dirs`, which leaves a missing user folder out (nothing to read there).
    """
    from casetui.library import bundled_dir, search_dirs

    labelled: list[tuple[Path, Source]] = [(Path(d).expanduser(), "cli") for d in cli_dirs]
    labelled += [(d, "env") for d in search_dirs((), bundled=False, user=False)]
    if bundled:
        labelled += [(user_library_dir(), "user"), (bundled_dir(), "bundled")]
    return [Folder(path, source, path.is_dir()) for path, source in labelled]
