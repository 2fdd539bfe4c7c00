"""`casetui … | head -1`: a reader that leaves early is not an error.

Each command runs as the real console script with its stdout on a pipe whose reading end is
already closed, so that its first write fails, whatever the pipe's buffer size. It must exit 0 and
say nothing: the fast path (show, compare, timeline) and the Typer path (list, stats, export).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from .support import FIXTURES, GOOD_CASE

SCRIPT = Path(sys.executable).with_name("casetui")
pytestmark = pytest.mark.skipif(not SCRIPT.exists(), reason=f"the console script is not installed at {SCRIPT}")

RUNS = [
    ["list", "--json"],
    ["list"],
    ["stats", "--json"],
    ["export", GOOD_CASE],
    ["show", GOOD_CASE, "--format", "json"],
    ["compare", GOOD_CASE, "beta-market", "--format", "json"],
    ["timeline", GOOD_CASE, "--format", "markdown"],
]


@pytest.mark.parametrize("args", RUNS, ids=" ".join)
def test_a_closed_pipe_ends_the_run_quietly_with_exit_0(args: list[str]) -> None:
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        done = subprocess.run(
            [str(SCRIPT), "--no-bundled", "--cases", str(FIXTURES), *args],
            stdout=write_end,
            stderr=subprocess.PIPE,
            env={**os.environ, "CASETUI_CASES": "", "CASETUI_NO_CACHE": "1"},
            timeout=60,
            check=False,
        )
    finally:
        os.close(write_end)
    assert (done.returncode, done.stderr.decode()) == (0, "")
