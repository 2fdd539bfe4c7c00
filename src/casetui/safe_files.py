"""Writing files without harm: what casetui writes never replaces anything but a regular file it owns.

Every file casetui writes (exports, imported cases, the summary index) goes through here:

- A FIFO, a device or a socket is refused (`NotRegular`), never replaced: `-o /dev/null` run as
  root must not replace the system's `/dev/null` with a file.
- A symlink is followed: the file it points at gets the new content and the link stays a link.
- A file with other hard links, or owned by another user, is written in place (truncated, then
  written), so that it stays one file under all its names and keeps its owner. That costs the
  all-or-nothing of a rename: a crash half-way leaves half a file. Splitting a hard link or
  taking over someone's file would be a surprise every time; a torn write needs a crash at that
  moment, so in place is the lesser harm.
- Any other regular file is replaced in one step (a temporary file beside it, then a rename), so
  a reader or a crash never sees half of it, and it keeps its permission bits.

Temporary files are named `.<name>.<pid>-<random>.tmp`, so that a later run can tell its own
leftovers (from a kill or a power cut) from a write under way in another process: it removes
one only when the process that made it is gone, or when it is older than `STALE_AFTER` seconds
(a write takes milliseconds; the process id may have been reused, or belong to another machine
sharing the folder).
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import time
from collections.abc import Iterator
from pathlib import Path

STALE_AFTER = 60.0
"""Seconds after which a temporary file of ours is a leftover even if its process id is in use."""

_KINDS = {
    stat.S_IFIFO: "a named pipe (FIFO)",
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
    stat.S_IFSOCK: "a socket",
    stat.S_IFDIR: "a folder",
}


class NotRegular(OSError):
    """The target exists and is not a regular file: casetui does not write there."""

    def __init__(self, kind: str) -> None:
        super().__init__(f"it is {kind}, not a regular file; not replaced")
        self.kind = kind


def kind_of(mode: int) -> str:
    """`a named pipe (FIFO)`, `a character device`… for a file mode that is not a regular file's."""
    return _KINDS.get(stat.S_IFMT(mode), "not a regular file")


def temp_prefix(name: str) -> str:
    """The start of a temporary file's name for writing `name`: hidden, and naming this process."""
    return f".{name}.{os.getpid()}-"


def write_text(path: Path, text: str, mode: int | None = None) -> None:
    """Write `text` (UTF-8, `\\n` line ends) to `path` as described in the module's docstring.

    `mode` is a new file's permission bits (default: 0o666 less the umask); an existing file keeps its own.
    Raises NotRegular for a FIFO, device, socket or folder, and OSError when the write fails.
    """
    write_bytes(path, text.encode("utf-8"), mode)


def write_bytes(path: Path, data: bytes, mode: int | None = None) -> None:
    """`write_text` for bytes."""
    target = Path(os.path.realpath(path))  # through every symlink: the link stays, its file gets the data
    try:
        info = os.stat(target)
    except FileNotFoundError:
        info = None
    if info is None:
        _replace(target, data, _new_mode() if mode is None else mode)
    elif not stat.S_ISREG(info.st_mode):
        raise NotRegular(kind_of(info.st_mode))
    elif info.st_nlink > 1 or info.st_uid != _uid():
        _write_in_place(target, data)
    else:
        try:
            _replace(target, data, stat.S_IMODE(info.st_mode))
        except PermissionError:  # A writable file in a folder we may not add to: as a shell's `>` would.
            _write_in_place(target, data)


def replaceable(path: Path) -> bool:
    """True when `path` is absent or a regular file of ours with no other name (no link followed).

    For casetui's own files (the summary index): anything else at that name is left alone.
    """
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return True
    except OSError:
        return False
    return stat.S_ISREG(info.st_mode) and info.st_nlink == 1 and info.st_uid == _uid()


def replace_own(path: Path, data: bytes, mode: int = 0o600) -> None:
    """Replace casetui's own file at `path` in one step; raise NotRegular if something else is there."""
    if not replaceable(path):
        raise NotRegular("not a file of casetui's own")
    _replace(path, data, mode)


def _replace(target: Path, data: bytes, mode: int) -> None:
    import tempfile  # only when writing

    fd, temporary = tempfile.mkstemp(prefix=temp_prefix(target.name), suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(temporary, mode)  # mkstemp makes it private
        os.replace(temporary, target)
    except BaseException:  # KeyboardInterrupt too: a Ctrl-C leaves no temporary file behind
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


@contextlib.contextmanager
def interrupts_deferred() -> Iterator[None]:
    """Hold a Ctrl-C (SIGINT) back until the block ends, then raise KeyboardInterrupt.

    A KeyboardInterrupt can land anywhere, even between creating a temporary file and the
    `try` that would remove it; held back, it comes once the file is in place or removed. Only in
    the main thread (where signals are handled) and only over Python's own handler.
    """
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread() or (
        signal.getsignal(signal.SIGINT) is not signal.default_int_handler
    ):
        yield
        return
    caught: list[int] = []
    signal.signal(signal.SIGINT, lambda number, _frame: caught.append(number))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, signal.default_int_handler)
    if caught:
        raise KeyboardInterrupt


def _write_in_place(target: Path, data: bytes) -> None:
    # O_NONBLOCK: if a FIFO took the file's place since the check, opening fails instead of waiting.
    fd = os.open(target, os.O_WRONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0))
    with os.fdopen(fd, "wb") as handle:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise NotRegular(kind_of(os.fstat(fd).st_mode))
        handle.truncate(0)
        handle.write(data)


_TEMPORARY = re.compile(r"^\.(?P<name>.+)\.(?:(?P<pid>\d+)-)?[a-z0-9_]{8}\.tmp$")
"""`.<name>.<pid>-<random>.tmp`, or `.<name>.<random>.tmp` as earlier versions named them."""


def remove_stale_temporaries(folder: Path, names: re.Pattern[str], legacy: re.Pattern[str] | None = None) -> int:
    """Remove the leftover temporary files of ours in `folder` whose target name matches `names`.

    Only regular files owned by this user, named as `write_text` names them (or whose whole name
    matches `legacy`, as an earlier version named them), and stale: their process is gone, or they
    are older than `STALE_AFTER`. Returns how many were removed; never raises.
    """
    removed = 0
    now = time.time()
    try:
        items = list(os.scandir(folder))
    except OSError:
        return 0
    for item in items:
        match = _TEMPORARY.match(item.name)
        if match is not None and names.fullmatch(match["name"]):
            pid = match["pid"]
        elif legacy is not None and legacy.fullmatch(item.name):
            pid = None
        else:
            continue
        try:
            info = item.stat(follow_symlinks=False)
            if not stat.S_ISREG(info.st_mode) or info.st_uid != _uid():
                continue
            if now - info.st_mtime < STALE_AFTER and (pid is None or _alive(int(pid))):
                continue  # perhaps a write under way right now
            os.unlink(item.path)
            removed += 1
        except OSError:
            continue
    return removed


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, OSError):
        return True  # someone else's process, or a number we cannot ask about: assume it is writing
    return True


def _uid() -> int:
    getuid = getattr(os, "getuid", None)
    return getuid() if getuid is not None else 0


def _new_mode() -> int:
    """0o666 less the umask (read by setting it, then put back), as a shell redirection would create."""
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask
