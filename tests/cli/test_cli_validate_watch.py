"""`casetui validate --watch`: the real command in a subprocess, saving a file under it, then Ctrl-C."""

from __future__ import annotations

import os
import queue
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

pytest.importorskip("watchfiles")

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "library"
DEADLINE = 20.0
"""Seconds to wait for each line before failing: far above what a save takes to be checked."""


class Lines:
    """The lines a process writes to stderr, read in a thread so that waiting for one has a bound."""

    def __init__(self, process: subprocess.Popen[str]) -> None:
        self.seen: queue.Queue[str] = queue.Queue()
        assert process.stderr is not None
        stream = process.stderr
        threading.Thread(target=lambda: [self.seen.put(line) for line in stream], daemon=True).start()

    def until(self, wanted: str, again: object = None) -> str:
        """The first line holding `wanted`; meanwhile `again()` each second (a save made before the watch began)."""
        end = time.monotonic() + DEADLINE
        while time.monotonic() < end:
            try:
                line = self.seen.get(timeout=1.0)
            except queue.Empty:
                if callable(again):
                    again()
                continue
            if wanted in line:
                return line
        raise AssertionError(f"no line with {wanted!r} within {DEADLINE} s")


def test_validate_watch_checks_each_save_and_exits_0_on_ctrl_c(tmp_path: Path) -> None:
    path = tmp_path / "alpha-club.toml"
    shutil.copy(FIXTURES / "alpha-club.toml", path)
    good = path.read_text(encoding="utf-8")
    broken = good.replace('kind = "service-stop"', 'kind = "service-stopp"')
    env = {**os.environ, "CASETUI_NO_CACHE": "1", "CASETUI_CASES": ""}
    process = subprocess.Popen(
        [sys.executable, "-m", "casetui", "validate", "--watch", str(path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        env=env,
    )
    try:
        lines = Lines(process)
        assert "ok: 1 file checked" in lines.until("casetui validate: ok")
        lines.until("watching for saves")
        path.write_text(broken, encoding="utf-8")
        lines.until("failed: 1 file checked, 1 error", again=lambda: path.write_text(broken, encoding="utf-8"))
        # An editor's save: a new file renamed over the old one.
        temporary = tmp_path / ".alpha-club.toml.swp"
        temporary.write_text(good, encoding="utf-8")
        os.replace(temporary, path)
        lines.until("casetui validate: ok", again=lambda: path.write_text(good, encoding="utf-8"))
        process.send_signal(signal.SIGINT)
        code = process.wait(timeout=DEADLINE)
        out = process.stdout.read() if process.stdout else ""
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert code == 0
    assert "events[2].kind" in out  # the located line of the broken save, on stdout
