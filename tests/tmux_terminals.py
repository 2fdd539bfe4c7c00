"""Real terminals in tmux for the tests of real processes: start the console script, read the screen, type.

Each `Tmux` runs its own tmux server (`-L`) with HOME and XDG_RUNTIME_DIR in a private folder, so
a test meets neither the user's presenters nor another test's. Screens are read with capture-pane,
polled up to a deadline.
"""

from __future__ import annotations

import contextlib
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "library"
SCRIPT = Path(sys.executable).with_name("casetui")
DEADLINE = 30.0


class Tmux:
    """A private tmux server holding one session per terminal."""

    def __init__(self, home: Path) -> None:
        self.server = f"casetui-test-{os.getpid()}-{home.name}"
        self.home = home

    def run(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(["tmux", "-L", self.server, *args], capture_output=True, text=True, timeout=30)

    def start(self, name: str, *args: str, cases: Path = FIXTURES) -> None:
        env = {
            "HOME": str(self.home),
            "XDG_RUNTIME_DIR": str(self.home / "run"),
            "CASETUI_CASES": "",
            "CASETUI_NO_CACHE": "1",
            "TERM": "xterm-256color",
        }
        command = [str(SCRIPT), "--no-bundled", "--cases", str(cases), *args]
        line = " ".join(["env", *(f"{k}={shlex.quote(v)}" for k, v in env.items()), *map(shlex.quote, command)])
        result = self.run("new-session", "-d", "-s", name, "-x", "100", "-y", "30", line)
        assert result.returncode == 0, result.stderr

    def screen(self, name: str) -> str:
        return self.run("capture-pane", "-p", "-t", name).stdout

    def wait_for(self, name: str, *wanted: str, again: Callable[[], None] | None = None) -> str:
        """The screen of `name` once it shows every one of `wanted` (fails after DEADLINE seconds).

        `again` is called at once and then every second until then (a file saved again, say).
        """
        end = time.monotonic() + DEADLINE
        next_call = time.monotonic()
        while True:
            if again is not None and time.monotonic() >= next_call:
                again()
                next_call = time.monotonic() + 1.0
            screen = self.screen(name)
            if all(w in screen for w in wanted):
                return screen
            if time.monotonic() > end:
                raise AssertionError(f"{name} never showed {wanted!r}; it shows:\n{screen}")
            time.sleep(0.1)

    def keys(self, name: str, *keys: str) -> None:
        self.run("send-keys", "-t", name, *keys)


@contextlib.contextmanager
def private_tmux() -> Iterator[Tmux]:
    """A private tmux server, killed (with every terminal in it) on leaving."""
    home = Path(tempfile.mkdtemp(prefix="ct-"))  # short: a socket's path must stay under ~100 bytes
    (home / "run").mkdir(mode=0o700)
    server = Tmux(home)
    try:
        yield server
    finally:
        server.run("kill-server")
        shutil.rmtree(home, ignore_errors=True)
