"""Cold start of `casetui compare A B --format json` against a bare Python doing the same parse.

The floor is a script that parses the same two files with tomli and prints JSON: what any
tool has to pay. Target: casetui within 2x of it.
"""

from __future__ import annotations

import argparse
import sys

from common import PYTHON, ROOT, clean_env, ensure_compiled, report, time_command

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
    floor = time_command([PYTHON, "-c", FLOOR, *files], args.runs, env)
    script = str(ROOT / "bench" / "_casetui_entry.py")
    casetui = time_command([PYTHON, script, "compare", args.a, args.b, "--format", "json"], args.runs, env)
    report("compare A B --format json (cold start)", casetui, floor, 2.0)


if __name__ == "__main__":
    sys.exit(main())
