"""`export -o FILE` writes a regular file as a user expects, and replaces nothing that is not one.

A symlink keeps pointing at its file, which gets the new content; a hard link stays one file
under both names; the file keeps its mode; a FIFO, a device or a socket is refused in one line
and left as it was.
"""

from __future__ import annotations

import os
import socket
import stat
from pathlib import Path

import pytest


def _export(cli, target: Path):
    return cli("export", "alpha-club", "-f", "markdown", "-o", str(target))


def test_a_symlink_keeps_pointing_at_its_file_which_gets_the_export(cli, tmp_path):
    real = tmp_path / "notes" / "alpha.md"
    real.parent.mkdir()
    real.write_text("old\n", encoding="utf-8")
    link = tmp_path / "alpha.md"
    link.symlink_to(Path("notes") / "alpha.md")
    result = _export(cli, link)
    assert result.exit_code == 0, result.output
    assert link.is_symlink() and os.readlink(link) == str(Path("notes") / "alpha.md")
    assert real.read_text(encoding="utf-8").startswith("# Alpha Club")


def test_a_hard_link_stays_one_file(cli, tmp_path):
    first, second = tmp_path / "a.md", tmp_path / "b.md"
    first.write_text("old\n", encoding="utf-8")
    os.link(first, second)
    assert _export(cli, first).exit_code == 0
    assert first.stat().st_ino == second.stat().st_ino
    assert second.read_text(encoding="utf-8").startswith("# Alpha Club")


def test_the_file_keeps_its_mode(cli, tmp_path):
    target = tmp_path / "private.md"
    target.write_text("old\n", encoding="utf-8")
    target.chmod(0o600)
    assert _export(cli, target).exit_code == 0
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert target.read_text(encoding="utf-8").startswith("# Alpha Club")


def _refused(cli, target: Path, kind: str) -> None:
    before = os.lstat(target)
    result = _export(cli, target)
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"casetui: cannot write {target}: it is {kind}, not a regular file; not replaced (-o - writes to stdout)"
    ]
    after = os.lstat(target)
    assert (after.st_ino, stat.S_IFMT(after.st_mode)) == (before.st_ino, stat.S_IFMT(before.st_mode))
    assert not [p for p in target.parent.iterdir() if p.name.startswith(".")], "no temporary file left"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_is_refused_and_left_alone(cli, tmp_path):
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    _refused(cli, fifo, "a named pipe (FIFO)")


def test_a_socket_is_refused_and_left_alone(cli, tmp_path):
    path = tmp_path / "s.md"
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(path))
        _refused(cli, path, "a socket")


def test_a_device_is_refused_and_left_alone(cli, tmp_path):
    """A device node of its own (never the system's /dev/null, which a broken build would replace)."""
    device = tmp_path / "null.md"
    try:
        os.mknod(device, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    except (PermissionError, AttributeError, OSError):
        pytest.skip("cannot make a device node here (not root)")
    _refused(cli, device, "a character device")


def test_a_symlink_to_a_fifo_is_refused_and_both_are_left_alone(cli, tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    link = tmp_path / "out.md"
    link.symlink_to(fifo)
    result = _export(cli, link)
    assert result.exit_code == 1 and "a named pipe (FIFO)" in result.stderr
    assert link.is_symlink() and stat.S_ISFIFO(os.stat(link).st_mode)


@pytest.mark.skipif(os.geteuid() == 0 if hasattr(os, "geteuid") else True, reason="root may write any folder")
def test_a_writable_file_in_a_locked_folder_is_written_in_place(cli, tmp_path):
    folder = tmp_path / "locked"
    folder.mkdir()
    target = folder / "alpha.md"
    target.write_text("old\n", encoding="utf-8")
    folder.chmod(0o555)
    try:
        assert _export(cli, target).exit_code == 0
        assert target.read_text(encoding="utf-8").startswith("# Alpha Club")
    finally:
        folder.chmod(0o755)


def test_a_leftover_temporary_file_of_a_killed_export_is_removed(cli, tmp_path):
    """Named by a process that is gone: the next export of that name clears it away."""
    import subprocess
    import sys

    gone = int(subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True).stdout)
    leftover = tmp_path / f".alpha.md.{gone}-abcd1234.tmp"
    leftover.write_text("half", encoding="utf-8")
    other = tmp_path / f".notes.md.{gone}-abcd1234.tmp"  # another name's: not this export's business
    other.write_text("half", encoding="utf-8")
    assert _export(cli, tmp_path / "alpha.md").exit_code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["alpha.md", other.name])
