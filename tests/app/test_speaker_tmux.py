"""Two real terminals in tmux: `casetui present ID` and `casetui present ID --speaker`, stepping each other.

Each test runs its own tmux server (`-L`) with HOME and XDG_RUNTIME_DIR in a private folder, so it
meets neither the user's presenters nor another test's. Screens are read with capture-pane, polled up
to a deadline.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from casetui import present_link

pytestmark = pytest.mark.skipif(
    shutil.which("tmux") is None or not present_link.available(), reason="needs tmux and Unix sockets"
)

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "library"
SCRIPT = Path(sys.executable).with_name("casetui")
DEADLINE = 30.0


class Tmux:
    """A private tmux server holding one session per terminal."""

    def __init__(self, home: Path) -> None:
        self.server = f"casetui-test-{os.getpid()}"
        self.home = home

    def run(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(["tmux", "-L", self.server, *args], capture_output=True, text=True, timeout=30)

    def start(self, name: str, *args: str) -> None:
        env = {
            "HOME": str(self.home),
            "XDG_RUNTIME_DIR": str(self.home / "run"),
            "CASETUI_CASES": "",
            "CASETUI_NO_CACHE": "1",
            "TERM": "xterm-256color",
        }
        command = [str(SCRIPT), "--no-bundled", "--cases", str(FIXTURES), *args]
        line = " ".join(["env", *(f"{k}={shlex.quote(v)}" for k, v in env.items()), *map(shlex.quote, command)])
        result = self.run("new-session", "-d", "-s", name, "-x", "100", "-y", "30", line)
        assert result.returncode == 0, result.stderr

    def screen(self, name: str) -> str:
        return self.run("capture-pane", "-p", "-t", name).stdout

    def wait_for(self, name: str, *wanted: str) -> str:
        """The screen of `name` once it shows every one of `wanted` (fails after DEADLINE seconds)."""
        end = time.monotonic() + DEADLINE
        while True:
            screen = self.screen(name)
            if all(w in screen for w in wanted):
                return screen
            if time.monotonic() > end:
                raise AssertionError(f"{name} never showed {wanted!r}; it shows:\n{screen}")
            time.sleep(0.1)

    def keys(self, name: str, *keys: str) -> None:
        self.run("send-keys", "-t", name, *keys)


@pytest.fixture
def tmux() -> Iterator[Tmux]:
    home = Path(tempfile.mkdtemp(prefix="ct-"))
    (home / "run").mkdir(mode=0o700)
    server = Tmux(home)
    try:
        yield server
    finally:
        server.run("kill-server")
        shutil.rmtree(home, ignore_errors=True)


def test_presenter_and_speaker_in_two_terminals_step_each_other(tmux: Tmux) -> None:
    tmux.start("speaker", "present", "alpha-club", "--speaker")
    tmux.wait_for("speaker", "SPEAKER", "no presenter yet")

    tmux.start("presenter", "present", "alpha-club")
    tmux.wait_for("presenter", "WORKSHOP")
    tmux.wait_for("speaker", "following presenter", "Step 1 / 4")

    tmux.keys("presenter", "Right", "Right")
    screen = tmux.wait_for("speaker", "Step 3 / 4", "Ordering stops")
    assert "Withdrawals close" in screen  # the next event

    tmux.keys("speaker", "Left")
    tmux.wait_for("presenter", "Shutdown announced; check-in stops", "T+0 from the announcement")

    tmux.keys("presenter", "q")
    tmux.wait_for("speaker", "the presenter has quit")
    assert not list((tmux.home / "run" / "casetui").glob("*.sock"))


def test_with_two_presenters_of_one_case_the_speaker_names_them_and_follows_the_one_picked(tmux: Tmux) -> None:
    tmux.start("first", "present", "alpha-club")
    tmux.start("second", "present", "alpha-club")
    tmux.wait_for("first", "WORKSHOP")
    tmux.wait_for("second", "WORKSHOP")
    folder = tmux.home / "run" / "casetui"
    end = time.monotonic() + DEADLINE
    while len(list(folder.glob("*.sock"))) < 2:
        assert time.monotonic() < end, "the presenters never listened"
        time.sleep(0.1)
    pids = sorted(int(p.name.split(".")[1]) for p in folder.glob("*.sock"))

    tmux.start("speaker", "present", "alpha-club", "--speaker")
    tmux.wait_for("speaker", "several presenters", "--pid")
    tmux.run("kill-session", "-t", "speaker")

    tmux.start("picked", "present", "alpha-club", "--speaker", "--pid", str(pids[1]))
    tmux.wait_for("picked", f"following presenter (pid {pids[1]})")
