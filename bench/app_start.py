"""App start in a real terminal: launch to the settled first frame, and quit to exit, polled through tmux.

The floor is a bare Textual app with a Header, a 20-row DataTable and a Footer; its settled frame
is the first that shows both the table's last row and the footer's keys. casetui is measured the
same way (the library table's last row and the footer's keys on screen), and again until the
screen is complete (the search bar's case count too). Target: the settled frame within 1.1x of the
floor's; quit to process exit within 150 ms.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shlex
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import NamedTuple

from common import ENTRY, PYTHON, absolute, clean_env, ensure_compiled, report

FLOOR_APP = """
from textual.app import App
from textual.widgets import DataTable, Footer, Header

class Bare(App):
    BINDINGS = [("q", "quit", "Quit")]

    def compose(self):
        yield Header()
        yield DataTable()
        yield Footer()

    def on_mount(self):
        table = self.query_one(DataTable)
        table.add_columns("name", "company", "status")
        table.add_rows([(f"row {i}", "company", "status") for i in range(20)])

Bare().run()
"""

SESSION = f"casetui-bench-{os.getpid():07d}"
"""Per process (fixed width: tmux also matches a name by its prefix), so that two benchmark runs on one
machine do not close each other's terminal."""


def _tmux(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["tmux", *args], capture_output=True, text=True)


FOOTER = ("q Quit", "^p palette")
"""The footer's first and last keys, as both the floor and casetui show them at 120 columns."""


def cpu_seconds(pid: int) -> float | None:
    """CPU time used so far by process `pid` and its descendants, every thread counted (Linux only).

    On a busy machine a start's wall time mostly measures how long the others kept the CPU; the CPU
    time the start itself used up to its settled frame does not change with them.
    """
    proc = Path("/proc")
    try:
        children: dict[int, list[int]] = {}
        for stat in proc.glob("[0-9]*/stat"):
            with contextlib.suppress(OSError, ValueError, IndexError):
                fields = stat.read_text().rsplit(")", 1)[1].split()
                children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
        total, todo = 0, [pid]
        while todo:
            current = todo.pop()
            todo.extend(children.get(current, []))
            for task in (proc / str(current) / "task").glob("*/schedstat"):
                with contextlib.suppress(OSError, ValueError):
                    total += int(task.read_text().split()[0])
    except OSError:
        return None
    return total / 1e9 if total else None


def first_frame(command: str, markers: tuple[str, ...], timeout: float = 60.0) -> tuple[float, float, float | None]:
    """Seconds from launch until every one of `markers` is on screen at once, with the CPU seconds the
    process had used by then (None where that cannot be read); then seconds from `q` until the
    process is gone."""
    _tmux("kill-session", "-t", SESSION)
    start = time.perf_counter()
    _tmux("new-session", "-d", "-s", SESSION, "-x", "120", "-y", "40", command)
    shown = None
    while time.perf_counter() - start < timeout:
        screen = _tmux("capture-pane", "-p", "-t", SESSION).stdout
        if all(marker in screen for marker in markers):
            shown = time.perf_counter() - start
            pane = _tmux("display-message", "-p", "-t", SESSION, "#{pane_pid}").stdout.strip()
            cpu = cpu_seconds(int(pane)) if pane.isdigit() else None
            break
        time.sleep(0.003)
    if shown is None:
        _tmux("kill-session", "-t", SESSION)
        raise RuntimeError(f"{markers!r} never all appeared on screen for: {command}")
    time.sleep(0.5)  # let start-up settle before quitting
    quit_start = time.perf_counter()
    _tmux("send-keys", "-t", SESSION, "q")
    while _tmux("has-session", "-t", SESSION).returncode == 0:
        if time.perf_counter() - quit_start > timeout:
            _tmux("kill-session", "-t", SESSION)
            break
        time.sleep(0.003)
    return shown, time.perf_counter() - quit_start, cpu


class Launch(NamedTuple):
    """Medians over the launches of one command."""

    frame: float
    """Wall seconds to the settled frame."""
    quit: float
    """Wall seconds from `q` to process exit."""
    cpu: float | None
    """CPU seconds used by the settled frame; None where it cannot be read."""


def measure(command: str, markers: tuple[str, ...], runs: int) -> Launch:
    """Median first-frame, quit and CPU times over `runs` launches, after one warm-up."""
    return measure_together([(command, markers)], runs)[0]


def measure_together(launches: list[tuple[str, tuple[str, ...]]], runs: int) -> list[Launch]:
    """Median first-frame, quit and CPU times of each (command, markers), launched in turn round after round.

    Taking turns puts the floor and the app under the same load when a shared machine gets busier
    or quieter during the run; the first round only warms the file cache.
    """
    samples: list[list[tuple[float, float, float | None]]] = [[] for _ in launches]
    for round_ in range(runs + 1):
        for index, (command, markers) in enumerate(launches):
            sample = first_frame(command, markers)
            if round_:
                samples[index].append(sample)
    results = []
    for taken in samples:
        frames, quits, cpus = zip(*taken, strict=True)
        cpu = None if None in cpus else statistics.median(c for c in cpus if c is not None)
        results.append(Launch(statistics.median(frames), statistics.median(quits), cpu))
    return results


def last_row_marker() -> str:
    """The start of the last row of the bundled library as the app first shows it (sorted by name)."""
    from casetui.library import load_library, search_dirs
    from casetui.tui.listing import order

    library = load_library(search_dirs(bundled=True, env="", user=False))
    last = order(library.entries.values(), "name", False, "en")[-1]
    assert last.summary is not None
    text, _lang, _fallback = last.summary.name.resolve("en")
    return text[:12]


def shell_env(**extra: str) -> str:
    """`env K=V …` for a tmux command line: only what the app needs, no user library."""
    keep = ("PATH", "HOME", "LANG", "LC_ALL", "CASETUI_CACHE_DIR")
    env = {k: v for k, v in clean_env(TERM="xterm-256color", **extra).items() if k in keep or k in extra}
    env.pop("NO_COLOR", None)
    return "env " + " ".join(f"{k}={shlex.quote(v)}" for k, v in env.items())


def app_command(args: str = "", wrapper: str = "", **env: str) -> str:
    """The casetui app as a tmux command line (`wrapper`, e.g. GNU time, runs it)."""
    return f"{shell_env(**env)} {wrapper} {shlex.quote(PYTHON)} {shlex.quote(ENTRY)} {args}"


def report_cpu(name: str, launch: Launch, floor: Launch, target: float) -> None:
    """The CPU-time line for a launch measured against a floor, where CPU time could be read."""
    if launch.cpu is not None and floor.cpu is not None:
        report(name, launch.cpu, floor.cpu, target)


def floor_command() -> str:
    """The bare Textual app as a tmux command line."""
    return f"{shell_env()} {shlex.quote(PYTHON)} -c {shlex.quote(FLOOR_APP)}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args(argv)
    ensure_compiled()
    if shutil.which("tmux") is None:
        print("app start: tmux not found; skipped")
        return 0
    from casetui.library import load_library, search_dirs

    count = len(load_library(search_dirs(bundled=True, env="", user=False)).entries)
    floor, app, complete, unwatched = measure_together(
        [
            (floor_command(), ("row 19", *FOOTER)),
            (app_command(), (last_row_marker(), *FOOTER)),
            (app_command(), (last_row_marker(), f"{count}/{count}", *FOOTER)),
            (app_command(CASETUI_NO_WATCH="1"), (last_row_marker(), f"{count}/{count}", *FOOTER)),
        ],
        args.runs,
    )
    report("app launch to settled frame (rows and footer)", app.frame, floor.frame, 1.1)
    report_cpu("  the same in CPU time", app, floor, 1.1)
    report("app launch to complete screen (with the count)", complete.frame, floor.frame, 1.1)
    report_cpu("  the same in CPU time", complete, floor, 1.1)
    report("  complete screen, live reload on vs off", complete.frame, unwatched.frame, 1.05)
    absolute("quit to process exit", app.quit * 1000, "ms", 150, f"a bare Textual app: {floor.quit * 1000:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
