"""App start in a real terminal: launch to the settled first frame, and quit to exit, polled through tmux.

The floor is a bare Textual app with a Header, a 20-row DataTable and a Footer; its settled frame
is the first that shows both the table's last row and the footer's keys. casetui is measured the
same way (the library table's last row and the footer's keys on screen), and again until the
screen is complete (the search bar's case count too). Target: the settled frame within 1.1x of the
floor's; quit to process exit within 150 ms.
"""

from __future__ import annotations

import argparse
import os
import shlex
import shutil
import statistics
import subprocess
import sys
import time

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


def first_frame(command: str, markers: tuple[str, ...], timeout: float = 60.0) -> tuple[float, float]:
    """Seconds from launch until every one of `markers` is on screen at once, then from `q` until the
    process is gone."""
    _tmux("kill-session", "-t", SESSION)
    start = time.perf_counter()
    _tmux("new-session", "-d", "-s", SESSION, "-x", "120", "-y", "40", command)
    shown = None
    while time.perf_counter() - start < timeout:
        screen = _tmux("capture-pane", "-p", "-t", SESSION).stdout
        if all(marker in screen for marker in markers):
            shown = time.perf_counter() - start
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
    return shown, time.perf_counter() - quit_start


def measure(command: str, markers: tuple[str, ...], runs: int) -> tuple[float, float]:
    """Median first-frame and quit times over `runs` launches, after one warm-up."""
    return measure_together([(command, markers)], runs)[0]


def measure_together(launches: list[tuple[str, tuple[str, ...]]], runs: int) -> list[tuple[float, float]]:
    """Median first-frame and quit times of each (command, markers), launched in turn round after round.

    Taking turns puts the floor and the app under the same load when a shared machine gets busier
    or quieter during the run; the first round only warms the file cache.
    """
    frames: list[list[float]] = [[] for _ in launches]
    quits: list[list[float]] = [[] for _ in launches]
    for round_ in range(runs + 1):
        for index, (command, markers) in enumerate(launches):
            frame, quit_time = first_frame(command, markers)
            if round_:
                frames[index].append(frame)
                quits[index].append(quit_time)
    return [(statistics.median(f), statistics.median(q)) for f, q in zip(frames, quits, strict=True)]


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
    (floor_frame, floor_quit), (app_frame, app_quit), (complete, _) = measure_together(
        [
            (floor_command(), ("row 19", *FOOTER)),
            (app_command(), (last_row_marker(), *FOOTER)),
            (app_command(), (last_row_marker(), f"{count}/{count}", *FOOTER)),
        ],
        args.runs,
    )
    report("app launch to settled frame (rows and footer)", app_frame, floor_frame, 1.1)
    report("app launch to complete screen (with the count)", complete, floor_frame, 1.1)
    absolute("quit to process exit", app_quit * 1000, "ms", 150, f"a bare Textual app: {floor_quit * 1000:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
