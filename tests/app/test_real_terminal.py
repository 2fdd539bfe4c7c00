"""The console script in a real pseudo-terminal: it draws, takes keys, quits and gives the terminal back.

The headless pilot tests use Textual's headless driver; only these tests run the driver a user gets.
Every wait polls the output up to a generous deadline (a busy machine may take seconds to start
Python); none sleeps for a fixed time and then looks.
"""

from __future__ import annotations

import fcntl
import os
import pty
import select
import shutil
import struct
import subprocess
import sys
import tempfile
import termios
import time
import uuid
from collections.abc import Callable
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "library"
SCRIPT = Path(sys.executable).with_name("casetui")
LEAVE_ALT_SCREEN = b"\x1b[?1049l"
SYNC_QUERY = b"\x1b[?2026$p"
"""Textual asks whether the terminal supports synchronized output; told yes, it brackets each frame."""
SYNC_SUPPORTED = b"\x1b[?2026;2$y"
FRAME_END = b"\x1b[?2026l"
TMUX = shutil.which("tmux")


class Terminal:
    """The console script running in a pseudo-terminal of `size`, with its output collected as it comes."""

    def __init__(self, args: list[str], size: tuple[int, int] = (100, 30)) -> None:
        self.size = size
        self.leader, follower = pty.openpty()
        fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", size[1], size[0], 0, 0))
        env = {**os.environ, "CASETUI_CASES": "", "TERM": "xterm-256color", "CASETUI_NO_CACHE": "1"}
        # The pty's size is the terminal's: COLUMNS or LINES left by another test would override it.
        for name in ("NO_COLOR", "COLUMNS", "LINES"):
            env.pop(name, None)
        self.process = subprocess.Popen(
            [str(SCRIPT), *args], stdin=follower, stdout=follower, stderr=follower, env=env, close_fds=True
        )
        os.close(follower)
        self.output = b""

    def read_until(self, wanted: bytes, timeout: float = 120.0) -> bool:
        """Collect output until `wanted` has appeared (True) or the terminal closes or time runs out."""
        return self._collect(lambda: wanted in self.output, timeout)

    def read_until_drawn(self, wanted: list[bytes], timeout: float = 120.0) -> bool:
        """Collect output until a finished frame has drawn every one of `wanted` (True), or as above."""

        def drawn() -> bool:
            finished = self.output[: self.output.rfind(FRAME_END) + len(FRAME_END)]
            return all(item in finished for item in wanted)

        return self._collect(drawn, timeout)

    def _collect(self, done: Callable[[], bool], timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        while not done() and time.monotonic() < deadline:
            if not select.select([self.leader], [], [], 0.2)[0]:
                continue
            try:
                data = os.read(self.leader, 1 << 16)
            except OSError:  # the process has gone and the terminal closed: Linux says EIO
                break
            if not data:
                break
            if SYNC_QUERY in data:  # answered like a modern terminal, so that frames can be told apart
                os.write(self.leader, SYNC_SUPPORTED)
            self.output += data
        return done()

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

    def start(*args: str, size: tuple[int, int] = (100, 30)) -> Terminal:
        opened.append(Terminal(["--no-bundled", "--cases", str(FIXTURES), *args], size))
        return opened[-1]

    yield start
    for term in opened:
        term.close()


def test_the_app_opens_takes_keys_and_quits_with_the_terminal_restored(terminal) -> None:
    term = terminal()
    assert term.read_until(b"3/3"), "the library never showed its count"
    term.type("/beta")  # in one burst: every key after `/` must reach the search field
    assert term.read_until(b"1/3"), "typing a search did not filter the list"
    term.type("\r")  # enter in the search opens the first match; `q` there is a key rather than text
    assert term.read_until(b"Overview"), "enter in the search did not open the case"
    term.type("q")
    assert term.read_until(LEAVE_ALT_SCREEN), "quitting did not leave the alternate screen"
    assert term.process.wait(timeout=60) == 0
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
    assert term.process.wait(timeout=60) == 0


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


def replay(output: bytes, size: tuple[int, int]) -> str:
    """What a terminal of `size` shows after receiving `output`: tmux plays the terminal."""
    assert TMUX is not None
    name = f"casetui-frame-{uuid.uuid4().hex[:8]}"
    with tempfile.TemporaryDirectory() as folder:
        recording = Path(folder) / "output"
        recording.write_bytes(output)
        # `wait-for -S` remembers its signal, so the wait below returns whether or not cat finished first.
        # A private tmux server (`-L`): no other test's sessions, sizes or kill-server reach this one.
        tmux = [TMUX, "-L", name, "-f", "/dev/null"]
        command = f"cat {recording}; {TMUX} -L {name} wait-for -S {name}; sleep 600"
        subprocess.run([*tmux, "new-session", "-d", "-s", name, "-x", str(size[0]), "-y", str(size[1]), command])
        try:
            subprocess.run([*tmux, "wait-for", name], timeout=120, check=True)
            return subprocess.run([*tmux, "capture-pane", "-p", "-t", name], capture_output=True, text=True).stdout
        finally:
            subprocess.run([*tmux, "kill-server"], capture_output=True)


def frames_of(output: bytes) -> list[bytes]:
    """Everything the terminal had received at the end of each frame."""
    ends: list[int] = []
    at = output.find(FRAME_END)
    while at != -1:
        ends.append(at + len(FRAME_END))
        at = output.find(FRAME_END, at + 1)
    return [output[:end] for end in ends]


def settled_screen(app_factory, drive, size: tuple[int, int], present: str | None) -> list[str]:
    """The screen at `size` once every message has been handled: Textual's headless driver, same fixtures."""
    lines: list[str] = []

    async def scenario(pilot) -> None:
        await pilot.pause()
        lines.extend(strip.text.rstrip() for strip in pilot.app.screen._compositor.render_strips())

    drive(app_factory(present=present), scenario, size=size)
    return lines


SCROLLBAR = str.maketrans(dict.fromkeys("▁▂▃▄▅▆▇█", " "))
"""The glyphs of a scrollbar's thumb: Textual adds a scrollbar once the content has been measured."""


def _without_scrollbars(lines: list[str]) -> list[str]:
    return [line.translate(SCROLLBAR).rstrip() for line in lines]


LIBRARY = [b"3/3", b"Gamma Card", b"Quit", b"Keys"]
WORKSHOP = [b"Alpha Club", b"Quit", b"Keys"]


@pytest.mark.skipif(TMUX is None, reason="needs tmux to play the recorded frames back")
@pytest.mark.parametrize(
    ("present", "size", "drawn"),
    [(None, (80, 24), LIBRARY), (None, (120, 40), LIBRARY), ("alpha-club", (80, 24), WORKSHOP)],
    ids=["library-80x24", "library-120x40", "workshop-80x24"],
)
def test_every_frame_of_a_start_shows_the_final_layout_with_its_footer(
    terminal, app_factory, drive, present: str | None, size: tuple[int, int], drawn: list[bytes]
) -> None:
    """From the first frame on, the screen is laid out as it stays: no frame without the footer, none
    with the library's table and preview side by side at 80 columns or stacked at 120, no column or
    panel that comes later, no workshop screen drawn over the library.

    Every byte of a real start is recorded until a frame shows the screen with its footer; each frame
    is played back into a terminal of the same size and compared with the settled screen, which the
    headless driver gives once every message has been handled.
    """
    settled = settled_screen(app_factory, drive, size, present)
    assert "Quit" in settled[-1] and "? Keys" in settled[-1], settled
    if present is None:
        stacked = any(line.strip() and set(line.strip()) == {"▔"} for line in settled)
        assert stacked == (size[0] < 110), "\n".join(settled)
    term = terminal(*(("present", present) if present else ()), size=size)
    assert term.read_until_drawn(drawn), "the screen never showed"
    frames = frames_of(term.output)
    assert frames, "Textual did not bracket its frames: the recording cannot be split"
    for number, frame in enumerate(frames):
        shown = replay(frame, size).splitlines()
        shown += [""] * (size[1] - len(shown))
        assert _without_scrollbars(shown) == _without_scrollbars(settled), (
            f"frame {number + 1} of {len(frames)} differs from the settled screen:\n" + "\n".join(shown)
        )
