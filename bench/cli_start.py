"""Cold start of `casetui compare A B --format json` against a bare Python doing the same parse.

The floor is a script that parses the same two files with tomli and prints JSON: what any
tool has to pay. The two take turns, and both wall time and CPU time are compared. Target: casetui
within 1.5x of it.
"""

from __future__ import annotations

import argparse
import sys

from common import PYTHON, ROOT, clean_env, ensure_compiled, report, time_commands_together

FLOOR = """
import json, sys, tomli
docs = [tomli.load(open(p, "rb")) for p in sys.argv[1:]]
print(json.dumps(docs, default=str, ensure_ascii=False))
"""


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("a", nargs="?", default="xiaomi-youpin-youyu")
    parser.add_argument("b", nargs="?", default="taoxiaopu")
    args = parser.parse_args(argv)
    ensure_compiled()
    files = [str(ROOT / "cases" / f"{case}.toml") for case in (args.a, args.b)]
    env = clean_env()
    script = str(ROOT / "bench" / "_casetui_entry.py")
    casetui_argv = [PYTHON, script, "compare", args.a, args.b, "--format", "json"]
    (floor, floor_cpu), (casetui, casetui_cpu) = time_commands_together(
        [[PYTHON, "-c", FLOOR, *files], casetui_argv], args.runs, env
    )
    report("compare A B --format json (cold start)", casetui, floor, 1.5)
    report("  the same in CPU time", casetui_cpu, floor_cpu, 1.5)


if __name__ == "__main__":
    sys.exit(main())
