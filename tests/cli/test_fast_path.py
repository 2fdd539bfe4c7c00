"""The fast path gives exactly what the Typer CLI gives, and skips Typer when it can."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from casetui.cli import app as cli
from casetui.cli import fast as cli_fast

FIXTURES = str(Path(__file__).resolve().parents[1] / "fixtures" / "library")
SCHEDULED = str(Path(__file__).resolve().parents[1] / "fixtures" / "scheduled")
BUNDLED = Path(__file__).resolve().parents[2] / "cases"

FAST = [
    ["--cases", FIXTURES, "compare", "alpha-club", "beta-market", "--format", "json"],
    ["--cases", FIXTURES, "compare", "alpha-club", "beta-market", "gamma-card", "-f", "csv", "--diff-only"],
    ["--cases", FIXTURES, "compare", "alpha-club", "beta-market", "--diff-only", "--format", "json"],  # rows agree
    ["--cases", FIXTURES, "--lang", "zh", "compare", "alpha-club", "beta-market", "--format=markdown"],
    ["--cases", FIXTURES, "compare", "alpha-club", "beta-market", "--baseline", "beta-market", "--format", "json"],
    ["--cases", FIXTURES, "timeline", "alpha-club", "--format", "json"],
    ["--cases", FIXTURES, "--lang", "zh", "timeline", "alpha-club", "--format", "markdown"],
    ["--cases", FIXTURES, "show", "gamma-card", "--format", "json"],
    ["--cases", FIXTURES, "show", "alpha-club", "--format", "markdown"],
    ["--cases", FIXTURES, "compare", "alpha-club", "alpha-clu", "--format", "json"],  # unknown id: exit 1
    # Cases with events after as_of: the scheduled flags and marks agree too.
    ["--cases", SCHEDULED, "compare", "delta-shop", "epsilon-pause", "eta-plain", "--format", "json"],
    ["--cases", SCHEDULED, "--lang", "zh", "compare", "delta-shop", "epsilon-pause", "-f", "csv"],
    ["--cases", SCHEDULED, "--lang", "zh", "compare", "delta-shop", "epsilon-pause", "--format", "markdown"],
    ["--cases", SCHEDULED, "timeline", "delta-shop", "--format", "json"],
    ["--cases", SCHEDULED, "--lang", "zh", "timeline", "delta-shop", "--format", "markdown"],
    ["--cases", SCHEDULED, "show", "epsilon-pause", "--format", "json"],
    ["--cases", SCHEDULED, "show", "delta-shop", "--format", "markdown"],
    ["--cases", FIXTURES, "--lang", "fr", "show", "alpha-club", "--format", "json"],  # a note on stderr
]

TYPER_ONLY = [
    ["--cases", FIXTURES, "compare", "alpha-club", "beta-market"],  # a table needs Rich anyway
    ["--cases", FIXTURES, "compare", "alpha-club", "--format", "json"],  # a usage error
    ["--cases", FIXTURES, "compare", "alpha-club", "alpha-club", "--format", "json"],
    ["--cases", FIXTURES, "compare", "alpha-club", "beta-market", "--baseline", "nope", "--format", "json"],
    ["--cases", FIXTURES, "show", "alpha-club", "--format", "json", "--help"],
    ["--cases", FIXTURES, "show", "--format", "json"],  # no id: a usage error
    ["--cases", FIXTURES, "timeline", "--format", "json"],
    ["--cases", "/no/such/folder", "show", "alpha-club", "--format", "json"],
    ["--lang", "??", "show", "alpha-club", "--format", "json"],
    ["list", "--json"],
]


@pytest.fixture(autouse=True)
def _plain_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CASETUI_CASES", raising=False)
    monkeypatch.delenv("CASETUI_LANG", raising=False)
    monkeypatch.delenv("CASETUI_NO_BUNDLED", raising=False)


@pytest.mark.parametrize("args", FAST, ids=lambda a: " ".join(a[2:]))
def test_the_fast_path_prints_what_the_typer_cli_prints(args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert cli_fast.parse(args) is not None, "these arguments should take the fast path"
    code = cli_fast.run(args)
    fast = capsys.readouterr()
    typer_run = CliRunner().invoke(cli.app, args)
    assert code == typer_run.exit_code
    assert fast.out == typer_run.stdout
    assert fast.err.strip() == typer_run.stderr.strip()


@pytest.mark.parametrize("args", TYPER_ONLY, ids=lambda a: " ".join(a[-3:]))
def test_anything_else_goes_to_the_typer_cli(args: list[str]) -> None:
    assert cli_fast.parse(args) is None


def test_without_the_bundled_library_the_typer_cli_answers(monkeypatch: pytest.MonkeyPatch) -> None:
    """`CASETUI_NO_BUNDLED` is read by Typer: the fast path would search the bundled library regardless."""
    monkeypatch.setenv("CASETUI_NO_BUNDLED", "1")
    assert cli_fast.parse(FAST[0]) is None


def test_ctrl_c_on_the_fast_path_exits_130_quietly(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import casetui.cli.run

    def interrupted(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(casetui.cli.run, "run_compare", interrupted)
    assert cli_fast.run(FAST[0]) == 130
    assert capsys.readouterr() == ("", "")


def test_an_internal_error_on_the_fast_path_is_one_line_and_exit_1(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import casetui.cli.run

    def broken(*args: object) -> None:
        raise RuntimeError("a bug of ours")

    monkeypatch.setattr(casetui.cli.run, "run_compare", broken)
    assert cli_fast.run(FAST[0]) == 1
    captured = capsys.readouterr()
    assert (captured.out, captured.err) == ("", "casetui: internal error: RuntimeError: a bug of ours\n")


SLOW_TO_IMPORT = ("typer", "click", "rich", "textual", "dataclasses", "inspect", "platformdirs", "typing")
"""What scripted output must not load: the UI libraries, and modules that cost more to import than a
case costs to read (dataclasses brings inspect, ast and dis; platformdirs brings tempfile, shutil and lzma;
typing alone costs about as much as parsing a case)."""


def test_scripted_json_does_not_import_ui_libraries_or_slow_modules() -> None:
    code = (
        "import os, sys; sys.argv = ['casetui', *sys.argv[1:]]\n"
        "def leave(code):\n    raise SystemExit(code)\n"
        "os._exit = leave  # the console script ends the process at once: look at what it imported first\n"
        "from casetui.entry import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        f"print(sorted(m for m in {SLOW_TO_IMPORT!r} if m in sys.modules), file=sys.stderr)"
    )
    args = ["--cases", FIXTURES, "compare", "alpha-club", "beta-market", "--format", "json"]
    result = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, check=True)
    assert result.stderr.strip().splitlines()[-1] == "[]"
    assert '"format": 1' in result.stdout


def test_the_console_script_writes_all_its_output_before_it_ends() -> None:
    """The fast path ends the process without tearing Python down: everything written must still arrive,
    a document smaller than the stream's buffer as well as one larger than a pipe holds."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}  # buffered, as a user's shell has it

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "casetui", "--lang", "fr", *args, "--format", "json"]
        return subprocess.run(command, capture_output=True, text=True, encoding="utf-8", env=env, check=True)

    small = run("--cases", FIXTURES, "timeline", "alpha-club")
    assert len(small.stdout) < 8192 and json.loads(small.stdout)["case"]["id"] == "alpha-club"
    ids = sorted(path.stem for path in BUNDLED.glob("*.toml"))
    large = run("compare", *ids)
    assert len(large.stdout) > 1 << 16 and [case["id"] for case in json.loads(large.stdout)["cases"]] == ids
    for result in (small, large):
        assert len(result.stderr.splitlines()) == 1 and "fr" in result.stderr  # the note on the language
