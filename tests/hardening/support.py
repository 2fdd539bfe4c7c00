"""What every hardening test checks: one located line per problem, no traceback, no terminal controls."""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from unittest import mock

import typer.testing
from typer.main import get_command
from typer.testing import CliRunner, Result

from casetui.cli.app import app

TESTS = Path(__file__).resolve().parents[1]
FIXTURES = TESTS / "fixtures" / "library"
HOSTILE = TESTS / "hostile"
GOOD_CASE = "alpha-club"
"""A fixture case every comparison puts beside the case under test."""

LOCATED = re.compile(r"^[^\n]+?(:\d+)?: \S[^\n]*?: [^\n]+$")
"""`path:line: key.path: message` or `path: key: message`, on one line."""
CASETUI_LINE = re.compile(r"^casetui( [a-z]+)?: [^\n]+$")
"""A message of casetui's own (`casetui: no case "x"; …`), on one line."""

UNSAFE_TEXT = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
"""Characters a terminal acts on (C0 but tab and newline, DEL, C1) and bidi overrides and isolates."""


def unsafe_in(data: bytes) -> list[str]:
    """The terminal controls in raw output, as code points (empty when there are none).

    The bytes are checked as written, so JSON that carries `\\u001b` as six characters of text
    passes and JSON that carries the character itself does not. CRLF is not a finding.
    """
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        return [f"not UTF-8: {error}"]
    return sorted({f"U+{ord(c):04X}" for c in UNSAFE_TEXT.findall(text.replace("\r\n", "\n"))})


def check_messages(stderr: str, exit_code: int, context: str = "") -> None:
    """stderr holds no traceback and no internal error; after a failure every line is located."""
    assert "Traceback" not in stderr, (context, stderr)
    assert "internal error" not in stderr, (context, stderr)
    if exit_code == 1:
        lines = stderr.splitlines()
        assert lines, f"{context}: exit 1 with nothing on stderr"
        for line in lines:
            if line.startswith("casetui validate: "):
                continue  # the summary line of `validate`
            assert LOCATED.match(line) or CASETUI_LINE.match(line), (context, line)
            assert not UNSAFE_TEXT.search(line), (context, line)


def snapshot(root: Path) -> dict[str, tuple[bytes, int]]:
    """Bytes and modification time of every readable regular file under `root` (links not followed)."""
    out: dict[str, tuple[bytes, int]] = {}
    for folder, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if not os.path.islink(os.path.join(folder, d))]
        for name in files:
            path = Path(folder, name)
            try:
                if path.is_file() and not path.is_symlink() and os.access(path, os.R_OK):
                    out[str(path)] = (path.read_bytes(), path.stat().st_mtime_ns)
            except OSError:
                pass
    return out


@functools.cache
def _command() -> Any:
    return get_command(app)


def invoke(dirs: Sequence[Path], args: Sequence[str], lang: str = "en", env: dict[str, str] | None = None) -> Result:
    """`casetui --no-bundled --cases DIR… --lang LANG ARGS…` in-process, laid out 400 columns wide.

    Typer rebuilds its Click command on every `CliRunner.invoke` (some 20 ms, most of a run here);
    this suite invokes over a thousand times, so the command is built once and reused.
    """
    folders = [item for folder in dirs for item in ("--cases", str(folder))]
    argv = ["--no-bundled", *folders, "--lang", lang, *args]
    with mock.patch.object(typer.testing, "_get_command", lambda _app: _command()):
        return CliRunner().invoke(app, argv, env={"COLUMNS": "400", **(env or {})})
