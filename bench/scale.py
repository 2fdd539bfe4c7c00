"""A large generated library: first-start parse cost, second start, live reload's cost, search, peak memory.

Floors are measured in the same run: tomli alone on the same files (for the parse cost), the
same command or app on the bundled library (for the second start), and a keystroke on the
bundled library (for search). Targets from the speed issue: first start at most 0.5 ms per
file; second start within 1.5x of the bundled start for `list --json` and 1.3x for the app (its
settled screen: the case count and the footer drawn); a search keystroke within 50 ms; peak
memory under 120 MiB. Live reload: the app's start with it on within 1.05x of off (the watcher
starts after the first frame), its set-up under a quarter of that start, and under 5 ms of CPU a
second while nothing changes.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from app_start import FOOTER, app_command, first_frame, measure_together, report_cpu
from common import ENTRY, PYTHON, absolute, clean_env, ensure_compiled, report, time_commands_together
from generate import generate

COLD_LOAD = """
import sys, time
from pathlib import Path
from casetui.index_cache import IndexCache
from casetui.library import load_library
if __name__ == "__main__":
    start = time.perf_counter()
    library = load_library([Path(sys.argv[1])], IndexCache.default())
    print(time.perf_counter() - start, len(library.summaries))
"""

TOMLI_ONLY = """
import sys, time, tomli
from pathlib import Path
files = sorted(Path(sys.argv[1]).glob("*.toml"))
start = time.perf_counter()
for path in files:
    tomli.loads(path.read_bytes().decode())
print(time.perf_counter() - start)
"""

WATCH_SETUP = """
import os, sys, threading, time
from pathlib import Path
import watchfiles
# The same call the app makes in its thread, timed until its watches are in place: watchfiles sets
# them up when the first batch is asked for, so a file written after the set-up ends the wait.
folder = Path(sys.argv[1])
stop = threading.Event()
start = time.perf_counter()
ready = []
def probe():
    while not ready:
        (folder / "_probe.toml").write_text("")
        time.sleep(0.002)
threading.Thread(target=probe, daemon=True).start()
for _ in watchfiles.watch(folder, step=1, debounce=10, stop_event=stop):
    ready.append(time.perf_counter() - start)
    break
os.remove(folder / "_probe.toml")
print(ready[0])
"""

WATCH_IDLE = """
import sys, threading, time
from pathlib import Path
from casetui.watching import watch_paths
# CPU time of this process over two idle seconds, with the app's watcher running and without.
def idle():
    start = time.process_time()
    time.sleep(2.0)
    return (time.process_time() - start) / 2.0
bare = idle()
stop = threading.Event()
thread = threading.Thread(target=lambda: list(watch_paths([Path(sys.argv[1])], stop)), daemon=True)
thread.start()
time.sleep(1.0)  # its set-up, which is not idle time
watching = idle()
stop.set()
thread.join()
print(watching, bare)
"""

LIST_FLOOR = """
import json, os, sys, time
from pathlib import Path
folder, document = Path(sys.argv[1]), json.loads(sys.stdin.read())
def best(fn):
    times = []
    for _ in range(5):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)
stat = best(lambda: [entry.stat() for entry in os.scandir(folder)])
encode = best(lambda: json.dumps(document, ensure_ascii=False))
indented = best(lambda: json.dumps(document, ensure_ascii=False, indent=2))
print(stat, encode, indented)
"""
"""What any `list --json` of the library must do beyond the bundled run's work: stat every file to
know the index is current, and encode the same records (json's C encoder, which only writes without
an indent); and what json's indenting encoder costs for them."""


def peak_rss_mib(argv: list[str], env: dict[str, str]) -> float:
    """Peak resident memory of a command, from GNU time (falls back to rusage)."""
    if Path("/usr/bin/time").exists():
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / "rss"
            command = ["/usr/bin/time", "-f", "%M", "-o", str(out), *argv]
            subprocess.run(command, env=env, stdout=subprocess.DEVNULL, check=True)
            return int(out.read_text().split()[-1]) / 1024
    import resource

    subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, check=True)
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


async def _keystrokes(folder: Path | None, text: str) -> list[float]:
    """CPU seconds each change of the search text costs, until the app is idle again (list redrawn).

    CPU time, not wall time: the headless pilot's pause also waits out Textual's frame pacing,
    which is idle time, not work a keystroke makes the user wait for.
    """
    from textual.widgets import Input

    from casetui.tui.factory import make_app

    app = make_app([folder] if folder else [], bundled=folder is None, env="")
    times = []
    async with app.run_test(size=(120, 40)) as pilot:
        search = app.screen.query_one("#search", Input)
        for end in range(1, len(text) + 1):
            start = time.process_time()
            search.value = text[:end]
            await pilot.pause()
            times.append(time.process_time() - start)
    return times


def search_latency(folder: Path | None, text: str = "lomi") -> float:
    """Median keystroke time of typing `text` into the search."""
    return statistics.median(asyncio.run(_keystrokes(folder, text)))


@contextlib.contextmanager
def own_cache(folder: Path) -> Iterator[None]:
    """Point every index this process and its children use at `folder`, never at the user's cache.

    The app built in this process for the keystroke timings takes the default index, and every
    command below inherits this environment: without this, a run would leave an index of thousands
    of generated cases in the user's cache folder.
    """
    previous = os.environ.get("CASETUI_CACHE_DIR")
    os.environ["CASETUI_CACHE_DIR"] = str(folder)
    try:
        yield
    finally:
        if previous is None:
            del os.environ["CASETUI_CACHE_DIR"]
        else:
            os.environ["CASETUI_CACHE_DIR"] = previous


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--dir", type=Path, help="where to generate (default: a temporary folder)")
    args = parser.parse_args(argv)
    ensure_compiled()
    work = Path(tempfile.mkdtemp(prefix="casetui-scale-"))
    try:
        with own_cache(work / "cache-warm"):
            return _run(args, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _run(args: argparse.Namespace, work: Path) -> int:
    library = args.dir or work / "library"
    generate(library, args.count)
    print(f"library of {args.count} generated cases in {library}")

    cold_env = clean_env(CASETUI_CACHE_DIR=str(work / "cache-cold"))
    cold = subprocess.run(
        [PYTHON, "-c", COLD_LOAD, str(library)], env=cold_env, capture_output=True, text=True, check=True
    )
    per_file = float(cold.stdout.split()[0]) / args.count * 1000
    tomli = subprocess.run([PYTHON, "-c", TOMLI_ONLY, str(library)], capture_output=True, text=True, check=True)
    per_file_tomli = float(tomli.stdout) / args.count * 1000
    absolute("first start: parse per file", per_file, "ms", 0.5, f"tomli alone on one core: {per_file_tomli:.3f} ms")

    warm = str(work / "cache-warm")
    warm_env = clean_env(CASETUI_CACHE_DIR=warm)
    listing = [PYTHON, ENTRY, "--cases", str(library), "list", "--json"]
    subprocess.run(listing, env=warm_env, stdout=subprocess.DEVNULL, check=True)  # fills the index
    # In turns, so that both meet the same load; CPU time too, which a busy machine moves less.
    (bundled, bundled_cpu), (large, large_cpu) = time_commands_together(
        [[PYTHON, ENTRY, "list", "--json"], listing], args.runs, warm_env
    )
    report(f"second start, list --json, {args.count} cases", large, bundled, 1.5)
    report("  the same in CPU time", large_cpu, bundled_cpu, 1.5)
    listed = subprocess.run(listing, env=warm_env, capture_output=True, text=True, check=True).stdout
    measure_floor = [PYTHON, "-c", LIST_FLOOR, str(library)]
    floor = subprocess.run(measure_floor, input=listed, capture_output=True, text=True, check=True)
    stat, encode, indented = (float(x) for x in floor.stdout.split())
    print(
        f"  of which unavoidable: stat {args.count} files {stat * 1000:.1f} ms + encode the records "
        f"{encode * 1000:.1f} ms (json.dumps, no indent; {indented * 1000:.1f} ms indented) = best ratio "
        f"{(bundled + stat + encode) / bundled:.2f}x",
        flush=True,
    )
    absolute("peak memory, list --json (warm index)", peak_rss_mib(listing, warm_env), "MiB", 120)

    if shutil.which("tmux"):
        from casetui.library import load_library, search_dirs

        n = len(load_library(search_dirs(env="", user=False)).entries)
        total = args.count
        command = app_command(f"--cases {library}", CASETUI_CACHE_DIR=warm)
        unwatched_command = app_command(f"--cases {library}", CASETUI_CACHE_DIR=warm, CASETUI_NO_WATCH="1")
        settled = (f"{total + n}/{total + n}", *FOOTER)
        # In turns, so that all three meet the same load on a shared machine.
        floor, big, unwatched = measure_together(
            [
                (app_command(CASETUI_CACHE_DIR=warm), (f"{n}/{n}", *FOOTER)),
                (command, settled),
                (unwatched_command, settled),
            ],
            args.runs,
        )
        report(f"app second start, {args.count} cases", big.frame, floor.frame, 1.3)
        report_cpu("  the same in CPU time", big, floor, 1.3)
        report(f"  live reload on vs off, {args.count} cases", big.frame, unwatched.frame, 1.05)
        setup = subprocess.run([PYTHON, "-c", WATCH_SETUP, str(library)], capture_output=True, text=True, check=True)
        report(f"watcher set-up on {args.count} files vs app start", float(setup.stdout), big.frame, 0.25)
        if Path("/usr/bin/time").exists():
            rss_file = work / "app-rss"
            timed = app_command(f"--cases {library}", f"/usr/bin/time -f %M -o {rss_file}", CASETUI_CACHE_DIR=warm)
            first_frame(timed, (f"{total + n}/{total + n}", *FOOTER))
            rss = int(rss_file.read_text().split()[-1]) / 1024
            absolute(f"peak memory, app on {args.count} cases", rss, "MiB", 120)

    idle = subprocess.run([PYTHON, "-c", WATCH_IDLE, str(library)], capture_output=True, text=True, check=True)
    watching_cpu, bare_cpu = (float(x) for x in idle.stdout.split())
    absolute(
        f"idle CPU while watching {args.count} files",
        watching_cpu * 1000,
        "ms/s",
        5,
        f"a sleeping Python: {bare_cpu * 1000:.2f} ms/s",
    )

    small = search_latency(None)
    big = search_latency(library)
    note = f"CPU per keystroke; on the bundled library: {small * 1000:.1f} ms"
    absolute(f"search keystroke, {args.count} cases", big * 1000, "ms", 50, note)
    return 0


if __name__ == "__main__":
    start = time.perf_counter()
    code = main()
    print(f"(scale benchmark took {time.perf_counter() - start:.1f} s)")
    sys.exit(code)
