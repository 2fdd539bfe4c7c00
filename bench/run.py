"""Run every benchmark; `--small` is the quick size CI uses (ratios printed, never asserted).

Full size: `python bench/run.py` (about two minutes on two cores).
"""

from __future__ import annotations

import argparse
import sys

import app_start
import cli_start
import list_text
import scale


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--small", action="store_true", help="few runs and a 500-case library")
    args = parser.parse_args()
    runs = ["--runs", "3"] if args.small else []
    cli_start.main(runs)
    app_start.main(runs)
    scale.main([*runs, "--count", "500" if args.small else "10000"])
    list_text.main([*runs, "--count", "500" if args.small else "10000"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
