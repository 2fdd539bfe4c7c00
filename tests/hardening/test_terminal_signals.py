"""SIGTERM and SIGHUP give the terminal back as `q` and ctrl+c do.

The real console script in a pseudo-terminal: once the app has drawn, the signal comes; the app
must leave the alternate screen, turn mouse reporting off and put the terminal back in its
cooked mode (`stty -a` shows `icanon` and `echo`) before it ends.
"""

from __future__ import annotations

import fcntl
import os
import pty
import select
import signal
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest

from .support import FIXTURES

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")

SCRIPT = Path(sys.executable).with_name("casetui")
LEAVE_ALT_SCREEN = b"\x1b[?1049l"
MOUSE_OFF = b"\x1b[?1000l"


def _read_until(leader: int, output: bytearray, wanted: bytes, process: subprocess.Popen[bytes]) -> bool:
    """Collect output until `wanted` appears, the process ends, or a minute passes (a bound on a hang)."""
    deadline = time.monotonic() + 60
    while wanted not in output and time.monotonic() < deadline:
        if not select.select([leader], [], [], 0.2)[0]:
            if process.poll() is not None:
                break
            continue
        try:
            data = os.read(leader, 1 << 16)
        except OSError:  # the process has gone and the terminal closed: Linux says EIO
            break
        if not data:
            break
        output += data
    return wanted in output


def _stty(device: str) -> list[str]:
    done = subprocess.run(["stty", "-a", "-F", device], capture_output=True, text=True, check=True)
    return done.stdout.replace(";", " ").split()


@pytest.mark.parametrize("signal_number", [signal.SIGTERM, signal.SIGHUP], ids=["SIGTERM", "SIGHUP"])
def test_a_signal_restores_the_terminal(signal_number: int) -> None:
    leader, follower = pty.openpty()
    device = os.ttyname(follower)
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
    env = {**os.environ, "CASETUI_CASES": "", "TERM": "xterm-256color", "CASETUI_NO_CACHE": "1"}
    process = subprocess.Popen(
        [str(SCRIPT), "--no-bundled", "--cases", str(FIXTURES)],
        stdin=follower,
        stdout=follower,
        stderr=follower,
        env=env,
        close_fds=True,
    )
    output = bytearray()
    try:
        assert _read_until(leader, output, b"3/3", process), "the library never showed its count"
        assert "-icanon" in _stty(device), "the app did not put the terminal in raw mode"
        process.send_signal(signal_number)
        assert _read_until(leader, output, LEAVE_ALT_SCREEN, process), "the alternate screen was not left"
        assert process.wait(timeout=60) == 128 + signal_number
        tail = bytes(output[output.rfind(b"\x1b[?1049h") :])
        assert MOUSE_OFF in tail, "mouse reporting was left on"
        settings = _stty(device)
        assert "icanon" in settings and "echo" in settings, settings
        assert b"Traceback" not in output
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        os.close(follower)
        os.close(leader)


def test_a_hang_up_with_the_terminal_gone_ends_the_app() -> None:
    """The window closed: nothing to restore, and writing to the terminal fails; the app must still end."""
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
    env = {**os.environ, "CASETUI_CASES": "", "TERM": "xterm-256color", "CASETUI_NO_CACHE": "1"}
    process = subprocess.Popen(
        [str(SCRIPT), "--no-bundled", "--cases", str(FIXTURES)],
        stdin=follower,
        stdout=follower,
        stderr=follower,
        env=env,
        close_fds=True,
    )
    os.close(follower)
    output = bytearray()
    try:
        assert _read_until(leader, output, b"3/3", process), "the library never showed its count"
        os.close(leader)
        leader = -1
        process.send_signal(signal.SIGHUP)
        assert process.wait(timeout=60) == 128 + signal.SIGHUP
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        if leader >= 0:
            os.close(leader)
