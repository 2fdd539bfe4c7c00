"""Mutation testing: plant one small bug at a time in the core and check that the tests notice.

Each mutation below replaces one exact snippet of a source file (a flipped comparison, an off-by-one,
a dropped filter condition, a swapped exit code, a skipped escape) in a temporary copy of the
checkout; the working tree is never touched. The tests that cover that code run against the copy
(`-x`: the first failure is enough). A mutation the tests let through "survives": a gap in the suite.

    python tests/mutation/run.py                 # every mutation; exit status 1 if any survives
    python tests/mutation/run.py --list          # the mutations, by name
    python tests/mutation/run.py when- derive-   # only those whose name starts with one of these
    python tests/mutation/run.py --all-tests     # each against the whole suite rather than its own tests

It runs one pytest at a time (no xdist), so that it can share a busy machine.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
COPIED = ("src", "tests", "cases", "schema", "docs", "pyproject.toml", "README.md")
"""What the tests need from the checkout (not the venv, not .git)."""
TIMEOUT = 900
"""Seconds for one mutation's tests; a mutation that hangs them counts as caught (and is reported)."""


@dataclass(frozen=True)
class Mutation:
    name: str
    path: str
    """Under src/casetui/."""
    original: str
    """Must occur exactly once in the file."""
    mutated: str
    tests: tuple[str, ...]


DERIVE = ("tests/unit/test_derive.py", "tests/unit/test_timeline.py", "tests/unit/test_compare.py")
WHEN = ("tests/unit/test_when.py", "tests/unit/test_derive.py", "tests/unit/test_loader_rules.py")
COMPARE = ("tests/unit/test_compare.py", "tests/cli/test_cli_compare.py")
LOADER = ("tests/unit/test_loader_rules.py", "tests/unit/test_hostile.py")
SANITIZE = ("tests/unit/test_sanitize.py", "tests/unit/test_hostile.py")
TIMELINE = ("tests/unit/test_timeline.py", "tests/app/test_sunset.py")
LISTING = ("tests/cli/test_cli_list.py", "tests/unit/test_list_json.py")
LIBRARY_FILTERS = ("tests/app/test_library.py",)
EXIT_CODES = ("tests/cli",)

MUTATIONS: tuple[Mutation, ...] = (
    # -- derive: lifespan, notice period, service states ---------------------------------------
    Mutation(
        "derive-lifespan-backwards",
        "derive.py",
        "return Span.between(case.launched, case.ended)",
        "return Span.between(case.ended, case.launched)",
        DERIVE,
    ),
    Mutation(
        "derive-notice-backwards",
        "derive.py",
        "return Span.between(start.date, end.date)",
        "return Span.between(end.date, start.date)",
        DERIVE,
    ),
    Mutation(
        "derive-to-shutdown-backwards",
        "derive.py",
        "Span.between(event.date, end.date)",
        "Span.between(end.date, event.date)",
        DERIVE,
    ),
    Mutation(
        "derive-service-off-one-step-late",
        "derive.py",
        "on=end is None or end > step",
        "on=end is None or end >= step",
        DERIVE,
    ),
    Mutation(
        "derive-ended-here-everywhere",
        "derive.py",
        "ended_here=end == step",
        "ended_here=end is not None",
        DERIVE,
    ),
    Mutation(
        "derive-services-ended-by-inverted",
        "derive.py",
        "if s.id in event.ends)",
        "if s.id not in event.ends)",
        DERIVE,
    ),
    # -- when: dates and spans -----------------------------------------------------------------
    Mutation(
        "when-span-at-the-finer-precision",
        "when.py",
        "precision = min(start.precision, end.precision)",
        "precision = max(start.precision, end.precision)",
        WHEN,
    ),
    Mutation(
        "when-months-off-by-one",
        "when.py",
        "months = (end.year * 12 + end.month) - (start.year * 12 + start.month)",
        "months = (end.year * 12 + end.month) - (start.year * 12 + start.month) + 1",
        WHEN,
    ),
    Mutation(
        "when-month-13-accepted",
        "when.py",
        "if not 1 <= int(month) <= 12:",
        "if not 1 <= int(month) <= 13:",
        WHEN,
    ),
    Mutation(
        "when-sort-ignores-the-day",
        "when.py",
        "return (self.year, self.month, self.day, 0, 0, 0)",
        "return (self.year, self.month, 1, 0, 0, 0)",
        WHEN,
    ),
    Mutation(
        "when-utc-offset-shown-negative",
        "when.py",
        'sign = "+" if minutes >= 0 else "-"',
        'sign = "+" if minutes > 0 else "-"',
        WHEN,
    ),
    Mutation(
        "when-plural-of-zero",
        "when.py",
        'return f"{n} {word}" if n == 1 else f"{n} {word}s"',
        'return f"{n} {word}" if n <= 1 else f"{n} {word}s"',
        WHEN,
    ),
    Mutation(
        "when-t-zero-signed",
        "when.py",
        'return "T+0"',
        'return "T-0"',
        WHEN,
    ),
    Mutation(
        "when-seconds-as-hours-in-days",
        "when.py",
        "return self.amount / 86400",
        "return self.amount / 3600",
        WHEN,
    ),
    # -- compare -------------------------------------------------------------------------------
    Mutation(
        "compare-equal-rows-differ",
        "compare.py",
        "if len(set(ids)) <= 1:",
        "if len(set(ids)) < 1:",
        COMPARE,
    ),
    Mutation(
        "compare-baseline-marks-every-other-cell",
        "compare.py",
        "i != baseline and ids[i] != ids[baseline]",
        "i != baseline",
        COMPARE,
    ),
    Mutation(
        "compare-units-ignored",
        "compare.py",
        "return (repr(raw), cell.unit)",
        "return repr(raw)",
        COMPARE,
    ),
    Mutation(
        "compare-model-keys-of-the-first-case-only",
        "compare.py",
        "    for case in cases:\n        for key, _ in case.dimensions:",
        "    for case in cases[:1]:\n        for key, _ in case.dimensions:",
        COMPARE,
    ),
    Mutation(
        "compare-diff-only-keeps-derived",
        "cli/run.py",
        "rows = [row for row in rows if row.differs]",
        'rows = [row for row in rows if row.differs or row.group == "derived"]',
        COMPARE,
    ),
    # -- loader --------------------------------------------------------------------------------
    Mutation(
        "loader-1mib-refused",
        "loader.py",
        "if info.st_size > MAX_BYTES:",
        "if info.st_size >= MAX_BYTES:",
        LOADER,
    ),
    Mutation(
        "loader-bom-kept",
        "loader.py",
        "if data.startswith(BOM):",
        "if False:",
        LOADER,
    ),
    Mutation(
        "loader-id-of-64-refused",
        "loader.py",
        "return len(case_id) <= ID_MAX and",
        "return len(case_id) < ID_MAX and",
        LOADER,
    ),
    Mutation(
        "loader-same-period-is-before",
        "loader.py",
        "return later.truncated(precision) < earlier.truncated(precision)",
        "return later.truncated(precision) <= earlier.truncated(precision)",
        LOADER,
    ),
    Mutation(
        "loader-offsets-compared-as-wall-clocks",
        "loader.py",
        "return a < b  # Both with offsets",
        "return later.sort_key < earlier.sort_key  # Both with offsets",
        LOADER,
    ),
    Mutation(
        "loader-duplicate-event-id-allowed",
        "loader.py",
        "if event.id in seen:",
        "if False:",
        LOADER,
    ),
    Mutation(
        "loader-question-event-unchecked",
        "loader.py",
        "if question.event is not None and question.event not in seen:",
        "if False:",
        LOADER,
    ),
    # -- sanitize ------------------------------------------------------------------------------
    Mutation(
        "sanitize-ascii-controls-pass",
        "sanitize.py",
        "if text.isascii() and text.isprintable():",
        "if text.isascii():",
        SANITIZE,
    ),
    Mutation(
        "sanitize-bidi-overrides-pass",
        "sanitize.py",
        r"\x7f-\x9f\u202a-\u202e\u2066-\u2069]",
        r"\x7f-\x9f\u2066-\u2069]",
        SANITIZE,
    ),
    Mutation(
        "sanitize-crlf-kept",
        "sanitize.py",
        r'text = text.replace("\r\n", "\n")',
        "text = text",
        SANITIZE,
    ),
    Mutation(
        "sanitize-escapes-lose-their-leading-zero",
        "sanitize.py",
        r'return f"\\x{code:02x}" if code < 0x100',
        r'return f"\\x{code:x}" if code < 0x100',
        SANITIZE,
    ),
    # -- timeline ------------------------------------------------------------------------------
    Mutation(
        "timeline-steps-past-the-end",
        "timeline.py",
        "target = max(0, min(position, len(self) - 1))",
        "target = max(0, min(position, len(self)))",
        TIMELINE,
    ),
    Mutation(
        "timeline-at-end-too-late",
        "timeline.py",
        "return self.position >= len(self) - 1",
        "return self.position >= len(self)",
        TIMELINE,
    ),
    Mutation(
        "timeline-questions-of-other-events",
        "timeline.py",
        "if q.event == event.id)",
        "if q.event != event.id)",
        TIMELINE,
    ),
    # -- listing: `casetui list` and the library's filters --------------------------------------
    Mutation(
        "list-status-filter-dropped",
        "cli/listing.py",
        "if (not statuses or s.status in statuses) and",
        "if True and",
        LISTING,
    ),
    Mutation(
        "list-tags-case-sensitive",
        "cli/listing.py",
        "wanted_tags & {t.casefold() for t in s.tags}",
        "wanted_tags & set(s.tags)",
        LISTING,
    ),
    Mutation(
        "list-missing-values-first",
        "cli/listing.py",
        "return present + missing",
        "return missing + present",
        LISTING,
    ),
    Mutation(
        "list-ties-in-reverse-id-order",
        "cli/listing.py",
        "chosen.sort(key=lambda s: s.id)",
        "chosen.sort(key=lambda s: s.id, reverse=True)",
        LISTING,
    ),
    Mutation(
        "list-status-sorted-alphabetically",
        "cli/listing.py",
        '"status": lambda s: STATUSES.index(s.status) if s.status in STATUSES else len(STATUSES),',
        '"status": lambda s: s.status,',
        LISTING,
    ),
    Mutation(
        "library-broken-files-pass-every-status",
        "tui/listing.py",
        "if status is not None and (BROKEN if summary is None else summary.status) != status:",
        "if status is not None and summary is not None and summary.status != status:",
        LIBRARY_FILTERS,
    ),
    Mutation(
        "library-broken-files-pass-the-tag-filter",
        "tui/listing.py",
        "if tag is not None and (summary is None or tag not in summary.tags):",
        "if tag is not None and summary is not None and tag not in summary.tags:",
        LIBRARY_FILTERS,
    ),
    Mutation(
        "library-broken-files-first",
        "tui/listing.py",
        "return [item[2] for item in keyed] + missing + broken",
        "return broken + [item[2] for item in keyed] + missing",
        LIBRARY_FILTERS,
    ),
    # -- the CLI's exit codes ------------------------------------------------------------------
    Mutation(
        "cli-validate-errors-exit-0",
        "cli/app.py",
        "    if errors:\n        raise typer.Exit(1)",
        "    if errors:\n        raise typer.Exit(0)",
        EXIT_CODES,
    ),
    Mutation(
        "cli-failure-code-lost",
        "cli/app.py",
        "raise typer.Exit(failure.code) from None",
        "raise typer.Exit(1) from None",
        EXIT_CODES,
    ),
    Mutation(
        "cli-internal-error-exits-0",
        "cli/app.py",
        "    raise typer.Exit(1) from None\n\n    return run",
        "    raise typer.Exit(0) from None\n\n    return run",
        EXIT_CODES,
    ),
    Mutation(
        "cli-fast-path-failure-exits-0",
        "cli/fast.py",
        "        return failure.code\n    except BrokenPipeError:",
        "        return 0\n    except BrokenPipeError:",
        EXIT_CODES,
    ),
    Mutation(
        "cli-failure-default-code-0",
        "cli/support.py",
        "def __init__(self, lines: Sequence[str], code: int = 1)",
        "def __init__(self, lines: Sequence[str], code: int = 0)",
        EXIT_CODES,
    ),
)


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
    command = [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider", "-p", "no:xdist", *tests]
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
    chosen = [m for m in MUTATIONS if not args.prefixes or m.name.startswith(tuple(args.prefixes))]
    if args.list:
        for mutation in chosen:
            print(f"{mutation.name:48} src/casetui/{mutation.path}")
        return 0
    with tempfile.TemporaryDirectory(prefix="casetui-mutants-") as folder:
        tree = copy_checkout(Path(folder))
        stale = [m.name for m in chosen if (tree / "src/casetui" / m.path).read_text().count(m.original) != 1]
        if stale:
            print("these snippets no longer occur exactly once; update them:", ", ".join(stale))
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
