"""The installed console script in a real pseudo-terminal: it draws, takes keys, quits and gives the terminal back.

The headless pilot tests use Textual's headless driver; only this test runs the driver a user gets.
"""

from __future__ import annotations

import fcntl
import os
import pty
import select
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "library"
SCRIPT = Path(sys.executable).with_name("casetui")
LEAVE_ALT_SCREEN = b"\x1b[?1049l"


class Terminal:
    """The console script running in a pseudo-terminal of `size`, with its output collected as it comes."""

    def __init__(self, args: list[str], size: tuple[int, int] = (100, 30)) -> None:
        self.leader, follower = pty.openpty()
        fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", size[1], size[0], 0, 0))
        env = {**os.environ, "CASETUI_CASES": "", "TERM": "xterm-256color", "CASETUI_NO_CACHE": "1"}
        env.pop("NO_COLOR", None)
        self.process = subprocess.Popen(
            [str(SCRIPT), *args], stdin=follower, stdout=follower, stderr=follower, env=env, close_fds=True
        )
        os.close(follower)
        self.output = b""

    def read_until(self, wanted: bytes, timeout: float = 30.0) -> bool:
        """Collect output until `wanted` has appeared (True) or the terminal closes or time runs out."""
        deadline = time.monotonic() + timeout
        while wanted not in self.output and time.monotonic() < deadline:
            if not select.select([self.leader], [], [], 0.2)[0]:
                continue
            try:
                data = os.read(self.leader, 1 << 16)
            except OSError:  # the process has gone and the terminal closed: Linux says EIO
                break
            if not data:
                break
            self.output += data
        return wanted in self.output

    def type(self, keys: str) -> None:
        os.write(self.leader, keys.encode())

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        os.close(self.leader)


@pytest.fixture
def terminal():
    opened: list[Terminal] = []

    def start(*args: str) -> Terminal:
        opened.append(Terminal(["--no-bundled", "--cases", str(FIXTURES), *args]))
        return opened[-1]

    yield start
    for term in opened:
        term.close()


def test_the_app_opens_takes_keys_and_quits_with_the_terminal_restored(terminal) -> None:
    term = terminal()
    assert term.read_until(b"3/3"), "the library never showed its count"
    term.type("/beta")  # in one burst: every key after `/` must reach the search field
    assert term.read_until(b"1/3"), "typing a search did not filter the list"
    term.type("\x1b")  # leave the search box, so that `q` is a key rather than text
    time.sleep(0.3)
    term.type("q")
    assert term.read_until(LEAVE_ALT_SCREEN), "quitting did not leave the alternate screen"
    assert term.process.wait(timeout=10) == 0
    assert b"Traceback" not in term.output


def test_a_slash_typed_in_the_search_in_one_burst_stays_in_its_place(terminal) -> None:
    term = terminal()
    assert term.read_until(b"3/3")
    term.type("/x/y")  # the first `/` opens the search; the second is text, between the letters
    assert term.read_until(b"x/y"), "the search field did not show what was typed, in order"
    assert term.read_until(b"0/3")


def test_present_mode_opens_the_case_and_quits_cleanly(terminal) -> None:
    term = terminal("present", "alpha-club")
    assert term.read_until(b"Alpha"), "workshop mode never showed the case"
    term.type("q")
    assert term.read_until(LEAVE_ALT_SCREEN)
    assert term.process.wait(timeout=10) == 0


def test_present_without_spoilers_hides_the_notice_until_end(terminal) -> None:
    term = terminal("present", "alpha-club", "--no-spoilers")
    assert term.read_until(b"no spoilers"), "workshop mode did not open without spoilers"
    assert b"Notice" not in term.output
    term.type("\x1b[F")  # end: the last event, and with it the notice period
    assert term.read_until(b"Notice"), "end did not reveal the notice period"
    term.type("q")
    assert term.read_until(LEAVE_ALT_SCREEN)
    assert term.process.wait(timeout=10) == 0


def test_the_collector_the_launch_turns_off_is_back_on_after_the_first_frame(app_factory, drive) -> None:
    """`casetui.launch` starts the app with the collector off; a long session must not run without it."""
    import gc

    async def scenario(pilot) -> None:
        assert gc.isenabled()

    gc.disable()
    try:
        drive(app_factory(), scenario)
    finally:
        gc.enable()
        gc.unfreeze()


def test_backspaces_typed_in_one_burst_delete_in_their_place(terminal) -> None:
    term = terminal()
    assert term.read_until(b"3/3")
    term.type("/zqxyz\x7f\x7f\x7fwv")  # one write: the backspaces must act before `wv` arrives
    assert term.read_until(b"zqwv"), "the search field did not show the keys in the order typed"
