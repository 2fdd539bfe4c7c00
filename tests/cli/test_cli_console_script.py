"""The real console script in a subprocess: streams, colour, exit codes and imports as a user sees them."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "library"
SCRIPT = Path(sys.executable).with_name("casetui")
BASE = ["--no-bundled", "--cases", str(FIXTURES)]


def environment(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "CASETUI_LANG", "COLUMNS", "FORCE_COLOR")}
    env.update({"CASETUI_CASES": "", "CASETUI_NO_CACHE": "1", **extra})
    return env


def run(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    """`python -m casetui ARGS` with stdout and stderr piped."""
    return subprocess.run(
        [sys.executable, "-m", "casetui", *BASE, *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=environment(**env),
        timeout=60,
    )


def run_in_terminal(*args: str, **env: str) -> str:
    """The output of `python -m casetui ARGS` when stdout is a terminal."""
    leader, follower = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "casetui", *BASE, *args],
        stdout=follower,
        stderr=subprocess.DEVNULL,
        env=environment(TERM="xterm-256color", **env),
    )
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal closes with the process
            break
        if not chunk:
            break
        chunks.append(chunk)
    process.wait(timeout=60)
    os.close(leader)
    return b"".join(chunks).decode("utf-8", "replace")


def test_piped_output_has_no_escape_codes():
    for args in (
        ("list",),
        ("show", "gamma-card"),
        ("compare", "alpha-club", "beta-market"),
        ("timeline", "alpha-club"),
    ):
        result = run(*args)
        assert result.returncode == 0, result.stderr
        assert "\x1b" not in result.stdout, args


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_terminal_gets_colour_unless_no_color_or_flag():
    for args in (
        ("list",),
        ("show", "gamma-card"),
        ("compare", "alpha-club", "beta-market"),
        ("timeline", "alpha-club"),
    ):
        styled = run_in_terminal(*args)
        assert "\x1b[" in styled and "Traceback" not in styled, args
    assert "Gamma Card [/]" in run_in_terminal("--no-color", "show", "gamma-card")
    assert "\x1b" not in run_in_terminal("list", NO_COLOR="1")
    assert "\x1b" not in run_in_terminal("--no-color", "list")


def test_unknown_id_through_the_installed_script():
    result = subprocess.run(
        [str(SCRIPT), *BASE, "show", "gama-card"], capture_output=True, text=True, env=environment(), timeout=60
    )
    assert result.returncode == 1
    assert result.stdout == ""
    assert "did you mean gamma-card" in result.stderr
    assert "Traceback" not in result.stderr


def test_markup_in_case_text_prints_literally():
    out = run("show", "gamma-card").stdout
    for text in ("Gamma Card [/]", "[@click=app.quit]quit[/]", "[TODO] Q3", "[bold]markup[/bold]"):
        assert text in out


def test_json_numbers_and_written_precision():
    result = run("compare", "alpha-club", "beta-market", "--format", "json")
    assert result.returncode == 0, result.stderr
    rows = {r["key"]: r for r in json.loads(result.stdout)["rows"]}
    assert rows["model.membership_fee"]["values"]["beta-market"]["raw"] == 399
    assert rows["derived.events"]["values"]["alpha-club"]["raw"] == 4
    assert rows["case.ended"]["values"]["beta-market"]["raw"] == "2021-09"


def test_compare_json_imports_neither_textual_nor_rich():
    result = subprocess.run(
        [
            sys.executable,
            "-X",
            "importtime",
            "-m",
            "casetui",
            *BASE,
            "compare",
            "alpha-club",
            "beta-market",
            "-f",
            "json",
        ],
        capture_output=True,
        text=True,
        env=environment(),
        timeout=60,
    )
    assert result.returncode == 0
    imported = [
        line.rsplit("|", 1)[-1].strip() for line in result.stderr.splitlines() if line.startswith("import time:")
    ]
    assert "casetui.serialize" in imported  # the measurement works
    assert not [m for m in imported if m.split(".")[0] in ("textual", "rich")]


def test_broken_file_never_shows_a_traceback(tmp_path: Path):
    (tmp_path / "bad.toml").write_bytes(b'format = 1\n[case]\nname = "\xff"\n')
    result = subprocess.run(
        [sys.executable, "-m", "casetui", "--no-bundled", "--cases", str(tmp_path), "show", "bad"],
        capture_output=True,
        text=True,
        env=environment(),
        timeout=60,
    )
    assert result.returncode == 1
    assert "bad.toml" in result.stderr and "UTF-8" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("args", "env"),
    [
        (["--lang", "fr", "show", "xiaomi-youpin-youyu", "--format", "json"], {}),  # the fast path
        (["--lang", "fr", "list"], {}),  # the Typer CLI
        (["show", "xiaomi-youpin-youyu", "--format", "json"], {"CASETUI_LANG": "fr"}),
        (["list"], {"CASETUI_LANG": "de-AT"}),
    ],
    ids=["fast", "typer", "env-fast", "env-typer"],
)
def test_an_unsupported_language_says_once_that_it_falls_back_to_english(args: list[str], env: dict[str, str]):
    result = subprocess.run(
        [str(SCRIPT), *args], capture_output=True, text=True, encoding="utf-8", env=environment(**env), timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr.count("falling back to English") == 1, result.stderr
    assert "Status" in result.stdout or '"status"' in result.stdout  # English labels


def test_a_supported_language_says_nothing_about_it():
    for lang in ("zh", "zh-Hans", "en-GB"):
        result = subprocess.run(
            [str(SCRIPT), "--lang", lang, "list"], capture_output=True, text=True, env=environment(), timeout=60
        )
        assert result.stderr == "", (lang, result.stderr)
