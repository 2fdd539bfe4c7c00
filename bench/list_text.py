"""`casetui list` as a text table against `list --json` on a large generated library.

Both read the same warm index; the table must cost at most 3x the JSON in CPU time (the issue's
target), in a pipe (plain text) and in a terminal (styled, 120 columns, through a pseudo-terminal).
CPU seconds, not wall time, so that a busy machine does not move the ratio much.
"""

from __future__ import annotations

import argparse
import os
import pty
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from common import ENTRY, PYTHON, clean_env, ensure_compiled, report
from generate import generate


def cpu_seconds(argv: Sequence[str], env: dict[str, str], runs: int, terminal: bool = False) -> float:
    """Median CPU seconds (user + system) of running `argv` to completion, after one warm-up run."""
    samples = []
    for i in range(runs + 1):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        if terminal:
            _run_in_terminal(argv, env)
        else:
            subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if i:
            samples.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return statistics.median(samples)


def _run_in_terminal(argv: Sequence[str], env: dict[str, str]) -> None:
    """Run `argv` with a pseudo-terminal of 120x40 as stdout, reading (and dropping) what it prints."""
    import fcntl
    import struct
    import termios

    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    terminal_env = {k: v for k, v in env.items() if k not in ("NO_COLOR", "COLUMNS")}
    process = subprocess.Popen(argv, stdout=follower, stderr=subprocess.DEVNULL, env=terminal_env)
    os.close(follower)
    while True:
        try:
            if not os.read(leader, 1 << 16):
                break
        except OSError:  # the child closed the terminal (Linux says EIO)
            break
    process.wait()
    os.close(leader)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    ensure_compiled()
    work = Path(tempfile.mkdtemp(prefix="casetui-list-"))
    try:
        library = work / "library"
        generate(library, args.count)
        env = clean_env(CASETUI_CACHE_DIR=str(work / "cache"))
        base = [PYTHON, ENTRY, "--cases", str(library), "list"]
        subprocess.run([*base, "--json"], env=env, stdout=subprocess.DEVNULL, check=True)  # fills the index
        json_cpu = cpu_seconds([*base, "--json"], env, args.runs)
        report(f"list as text in a pipe, {args.count} cases", cpu_seconds(base, env, args.runs), json_cpu, 3.0)
        terminal = cpu_seconds(base, env, args.runs, terminal=True)
        report(f"list as text in a terminal, {args.count} cases", terminal, json_cpu, 3.0)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
