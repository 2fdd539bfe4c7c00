"""Mutation testing: plant one small bug at a time in the core and check that the tests notice.

Each mutation (listed in mutations.py beside this script) replaces one exact snippet of a source
file (a flipped comparison, an off-by-one, a dropped filter condition, a swapped exit code, a skipped
escape) in a temporary copy of the checkout; the working tree is never touched. The tests that cover
that code run against the copy (`-x`: the first failure is enough). A mutation the tests let through
"survives": a gap in the suite, or a mutation that changes nothing a user could see (then take it out
of the list and say why in a comment there).

    python tests/mutation/run.py                 # every mutation; exit status 1 if any survives
    python tests/mutation/run.py --list          # the mutations, by name
    python tests/mutation/run.py when- derive-   # only those whose name starts with one of these
    python tests/mutation/run.py --all-tests     # each against the whole suite rather than its own tests

It runs one pytest at a time (no xdist), so that it can share a busy machine.
"""

from __future__ import annotations

import argparse
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from mutations import MUTATIONS, stale  # beside this script, which Python puts first on the path

ROOT = Path(__file__).resolve().parents[2]
COPIED = ("src", "tests", "cases", "schema", "docs", "pyproject.toml", "README.md")
"""What the tests need from the checkout (not the venv, not .git)."""
TIMEOUT = 900
"""Seconds for one mutation's tests; a mutation that hangs them counts as caught (and is reported)."""


def copy_checkout(into: Path) -> Path:
    """The files the tests need, copied; bytecode and caches left behind."""
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", ".pytest_cache", ".ruff_cache", ".hypothesis")
    for name in COPIED:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, into / name, ignore=ignore, symlinks=True)
        elif source.exists():
            shutil.copy2(source, into / name)
    return into


def run_tests(tree: Path, tests: tuple[str, ...]) -> tuple[bool, str]:
    """(passed, the last lines of output) for `tests` run in `tree`."""
    # Not the check of this list (tests/mutation): in a mutated copy it fails for any mutation, and so
    # would count every one as caught under --all-tests.
    command = [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider", "-p", "no:xdist"]
    command += ["--ignore=tests/mutation", *tests]
    try:
        result = subprocess.run(command, cwd=tree, capture_output=True, text=True, timeout=TIMEOUT, check=False)
    except subprocess.TimeoutExpired:
        return False, f"timed out after {TIMEOUT} s"
    tail = (result.stdout + result.stderr).strip().splitlines()[-1:] or [""]
    return result.returncode == 0, tail[0]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("prefixes", nargs="*", help="only the mutations whose name starts with one of these")
    parser.add_argument("--list", action="store_true", help="list the mutations and stop")
    parser.add_argument("--all-tests", action="store_true", help="run the whole suite against each mutation")
    parser.add_argument("--no-baseline", action="store_true", help="skip the check that the tests pass unmutated")
    args = parser.parse_args()
    # A shell starts a job in the background (`run.py &`) with Ctrl-C ignored, and the tests would inherit
    # that through exec: those that stop a process with SIGINT would then fail, mutated or not. A handler
    # of our own is reset to the default in each child.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    chosen = [m for m in MUTATIONS if not args.prefixes or m.name.startswith(tuple(args.prefixes))]
    if args.list:
        for mutation in chosen:
            print(f"{mutation.name:48} src/casetui/{mutation.path}")
        return 0
    with tempfile.TemporaryDirectory(prefix="casetui-mutants-") as folder:
        tree = copy_checkout(Path(folder))
        outdated = stale(tuple(chosen), tree)
        if outdated:
            print("these snippets no longer occur exactly once; update them:", ", ".join(outdated))
            return 2
        if not args.no_baseline:
            every = tuple(sorted({t for m in chosen for t in m.tests})) if not args.all_tests else ("tests",)
            passed, tail = run_tests(tree, every)
            if not passed:
                print(f"the tests fail without any mutation, so nothing can be learnt: {tail}")
                return 2
        survivors: list[str] = []
        for number, mutation in enumerate(chosen, 1):
            target = tree / "src/casetui" / mutation.path
            original = target.read_text()
            target.write_text(original.replace(mutation.original, mutation.mutated))
            started = time.monotonic()
            try:
                passed, tail = run_tests(tree, ("tests",) if args.all_tests else mutation.tests)
                caught = not passed
            finally:
                target.write_text(original)
            verdict = "caught  " if caught else "SURVIVED"
            print(
                f"[{number:2}/{len(chosen)}] {verdict} {mutation.name:48} {time.monotonic() - started:5.0f} s  {tail}"
            )
            sys.stdout.flush()
            if not caught:
                survivors.append(mutation.name)
    print(f"\n{len(chosen) - len(survivors)} of {len(chosen)} mutations caught; {len(survivors)} survived")
    for name in survivors:
        print(f"  survived: {name}")
    return 1 if survivors else 0


if __name__ == "__main__":
    sys.exit(main())
