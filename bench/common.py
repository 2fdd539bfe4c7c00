"""Helpers for the benchmarks: run a command many times and report medians and ratios.

Every benchmark measures a floor in the same run (a bare Python, a bare Textual app) and
prints ratios against it, so the numbers hold on a noisy, shared machine.
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
ENTRY = str(ROOT / "bench" / "_casetui_entry.py")


def clean_env(**extra: str) -> dict[str, str]:
    """The environment for a measured run: no user library, no colour, plus `extra`."""
    env = {k: v for k, v in os.environ.items() if k not in ("CASETUI_CASES", "CASETUI_LANG")}
    env.update({"NO_COLOR": "1", **extra})
    return env


def time_command(argv: Sequence[str], runs: int, env: dict[str, str] | None = None) -> float:
    """Median wall time in seconds of running `argv` to completion `runs` times (after one warm-up)."""
    samples = []
    for i in range(runs + 1):
        start = time.perf_counter()
        subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        if i:  # the first run warms the file cache
            samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def time_commands_together(
    argvs: Sequence[Sequence[str]], runs: int, env: dict[str, str] | None = None
) -> list[tuple[float, float]]:
    """Median wall and CPU (user + system) seconds of each command, run in turn round after round.

    Taking turns puts a floor and the command it is compared with under the same load when a shared
    machine gets busier or quieter; CPU time leaves out the time a busy machine makes a process wait.
    The first round only warms the file cache.
    """
    walls: list[list[float]] = [[] for _ in argvs]
    cpus: list[list[float]] = [[] for _ in argvs]
    for round_ in range(runs + 1):
        for index, argv in enumerate(argvs):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
            wall = time.perf_counter() - start
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            if round_:
                walls[index].append(wall)
                cpus[index].append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    return [(statistics.median(w), statistics.median(c)) for w, c in zip(walls, cpus, strict=True)]


def time_call(fn: Callable[[], object], runs: int) -> float:
    """Median seconds of calling `fn`."""
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def report(name: str, value: float, floor: float, target: float) -> None:
    """One result line: the measurement in ms, its floor, the ratio and the target ratio."""
    ratio = value / floor if floor else float("inf")
    verdict = "ok" if ratio <= target else "over target"
    print(
        f"{name:<44} {value * 1000:9.1f} ms  floor {floor * 1000:8.1f} ms  "
        f"ratio {ratio:5.2f}x  (target {target}x: {verdict})",
        flush=True,
    )


def absolute(name: str, value: float, unit: str, target: float, note: str = "") -> None:
    """One result line for a measurement with an absolute target."""
    verdict = "ok" if value <= target else "over target"
    extra = f"; {note}" if note else ""
    print(f"{name:<44} {value:9.3f} {unit}  (target {target} {unit}: {verdict}{extra})", flush=True)


def ensure_compiled() -> None:
    """Write casetui's bytecode, as `pip install` does for a real install.

    A source checkout run with PYTHONDONTWRITEBYTECODE (or a read-only tree) would otherwise
    compile every module on every start, which no installed casetui does.
    """
    import compileall

    import casetui

    compileall.compile_dir(str(Path(casetui.__file__).parent), quiet=1, force=False)
