"""Shell completion through Typer's mechanism, as docs/install.md describes it."""

from __future__ import annotations

import os
import subprocess
import sys


def _complete(words: str) -> str:
    env = {
        **os.environ,
        "_CASETUI_COMPLETE": "complete_bash",
        "COMP_WORDS": words,
        "COMP_CWORD": str(len(words.split()) - 1),
    }
    code = "from casetui.entry import main; main()"
    return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60).stdout


def test_bash_completes_command_names() -> None:
    assert "compare" in _complete("casetui comp").split()


def test_bash_source_script_is_printed() -> None:
    env = {**os.environ, "_CASETUI_COMPLETE": "source_bash"}
    code = "from casetui.entry import main; main()"
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60)
    assert "complete" in result.stdout and "_CASETUI_COMPLETE" in result.stdout
