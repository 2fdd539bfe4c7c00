"""A `list` killed during the cold parse of a large library leaves no pool worker running.

The child is the real CLI over a library big enough to parse in a process pool, with each
worker made to wait in its first file (so that the kill lands while the pool works, every
time). Once the workers are up, the parent is killed; they must end with it, not live on
adopted by PID 1.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from casetui.library import PARALLEL_FROM

from .support import FIXTURES

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc to find the workers")

STUCK_WORKERS = textwrap.dedent(
    """
    import os, sys, time
    import casetui.library as library

    marks = sys.argv[1]

    def stuck(path):
        open(os.path.join(marks, f"worker-{os.getpid()}"), "w").close()
        time.sleep(600)

    library._summarise = stuck
    os.cpu_count = lambda: 2  # a pool even on one core
    sys.argv = ["casetui", *sys.argv[2:]]
    from casetui.entry import main

    main()
    """
)


def _alive(pid: int) -> bool:
    """True while `pid` runs (a zombie awaiting its parent's wait counts as ended)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _wait_for(condition, what: str) -> None:
    """Poll `condition` for up to a minute: a bound on a hang, not a measure of speed."""
    for _ in range(600):
        if condition():
            return
        time.sleep(0.1)
    pytest.fail(f"gave up waiting: {what}")


def test_workers_end_with_a_killed_parent(tmp_path: Path) -> None:
    library, marks = tmp_path / "cases", tmp_path / "marks"
    library.mkdir()
    marks.mkdir()
    text = (FIXTURES / "beta-market.toml").read_bytes()
    for n in range(PARALLEL_FROM + 10):
        (library / f"case-{n:04d}.toml").write_bytes(text)
    env = {**os.environ, "CASETUI_CASES": "", "CASETUI_CACHE_DIR": str(tmp_path / "cache")}
    child = subprocess.Popen(
        [sys.executable, "-c", STUCK_WORKERS, str(marks), "--no-bundled", "--cases", str(library), "list", "--json"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    workers: list[int] = []
    try:
        _wait_for(lambda: len(os.listdir(marks)) >= 2, "two workers at work")
        workers = [int(name.split("-")[1]) for name in os.listdir(marks)]
        child.kill()
        child.wait(timeout=60)
        _wait_for(lambda: not any(_alive(pid) for pid in workers), "the workers to end")
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        for pid in workers:
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)
