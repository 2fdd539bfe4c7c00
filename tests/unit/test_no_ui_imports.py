"""The model and everything that reads or derives cases import no UI library (checked in a fresh process)."""

from __future__ import annotations

import subprocess
import sys

from .helpers import FIXTURES

CORE = (
    "casetui.model",
    "casetui.loader",
    "casetui.library",
    "casetui.derive",
    "casetui.compare",
    "casetui.timeline",
    "casetui.when",
    "casetui.text",
    "casetui.values",
    "casetui.problems",
    "casetui.watching",
    "casetui.present_link",
)

PROBE = """
import sys
from pathlib import Path
for name in {modules!r}:
    __import__(name)
from casetui.library import load_library
library = load_library([Path({fixtures!r})])
assert library.cases, "the fixture library did not load"
print(sorted(m for m in sys.modules if m.split(".")[0] in ("textual", "rich")))
"""


def test_core_modules_import_neither_textual_nor_rich() -> None:
    code = PROBE.format(modules=CORE, fixtures=str(FIXTURES))
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
