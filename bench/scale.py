"""A large generated library: first-start parse cost, second start, peak memory.

Floors are measured in the same run: the start on the bundled library (for the second start of
the large one) and tomli alone on the same files (for the parse cost). Targets from the speed
issue: first start at most 0.5 ms per file; second start within 1.5x of the bundled start;
peak memory under 120 MiB.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import PYTHON, ROOT, clean_env, report, time_command
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--dir", type=Path, help="where to generate (default: a temporary folder)")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="casetui-scale-"))
    library = args.dir or work / "library"
    generate(library, args.count)
    entry = str(ROOT / "bench" / "_casetui_entry.py")
    print(f"library of {args.count} generated cases in {library}")

    # First start: an empty cache, every file parsed.
    cold_env = clean_env(CASETUI_CACHE_DIR=str(work / "cache-cold"))
    cold = subprocess.run(
        [PYTHON, "-c", COLD_LOAD, str(library)], env=cold_env, capture_output=True, text=True, check=True
    )
    cold_seconds = float(cold.stdout.split()[0])
    tomli_seconds = float(
        subprocess.run([PYTHON, "-c", TOMLI_ONLY, str(library)], capture_output=True, text=True, check=True).stdout
    )
    per_file = cold_seconds / args.count * 1000
    per_file_tomli = tomli_seconds / args.count * 1000
    verdict = "ok" if per_file <= 0.5 else "over target"
    print(
        f"{'first start: parse per file':<44} {per_file:9.3f} ms  (tomli alone, one core: {per_file_tomli:.3f} ms; target 0.5 ms: {verdict})"
    )

    # Second start: the index is warm. Floor: the same command on the bundled library.
    warm_env = clean_env(CASETUI_CACHE_DIR=str(work / "cache-warm"))
    subprocess.run(
        [PYTHON, entry, "--cases", str(library), "list", "--json"], env=warm_env, stdout=subprocess.DEVNULL, check=True
    )
    bundled = time_command([PYTHON, entry, "list", "--json"], args.runs, warm_env)
    large = time_command([PYTHON, entry, "--cases", str(library), "list", "--json"], args.runs, warm_env)
    report(f"second start, list --json, {args.count} cases", large, bundled, 1.5)

    rss = peak_rss_mib([PYTHON, entry, "--cases", str(library), "list", "--json"], warm_env)
    print(
        f"{'peak memory, list --json (warm index)':<44} {rss:9.1f} MiB (target 120 MiB: {'ok' if rss < 120 else 'over target'})"
    )
    return 0


if __name__ == "__main__":
    start = time.perf_counter()
    code = main()
    print(f"(scale benchmark took {time.perf_counter() - start:.1f} s)")
    sys.exit(code)
