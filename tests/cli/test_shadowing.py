"""A case read from an earlier folder that hides one of the same id later: show and compare say so, once."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from casetui.cli import fast as cli_fast
from cli_fixtures import FIXTURES


@pytest.fixture
def mine(tmp_path: Path) -> Path:
    """A folder of the user's own, holding their copy of alpha-club."""
    folder = tmp_path / "mine"
    folder.mkdir()
    shutil.copy(FIXTURES / "alpha-club.toml", folder / "alpha-club.toml")
    return folder


@pytest.mark.parametrize(
    "args",
    [
        ["show", "alpha-club"],
        ["show", "alpha-club", "--format", "json"],
        ["compare", "alpha-club", "beta-market"],
        ["timeline", "alpha-club", "--format", "markdown"],
    ],
)
def test_show_and_compare_say_once_which_file_is_shadowed(cli, mine: Path, args: list[str]) -> None:
    result = cli(*args, cases=[mine, FIXTURES])
    assert result.exit_code == 0, result.stderr
    lines = [line for line in result.stderr.splitlines() if "shadowed" in line]
    assert len(lines) == 1, result.stderr
    assert "alpha-club.toml: case.id:" in lines[0] and "mine/alpha-club.toml" in lines[0]


def test_the_fast_path_says_it_too(mine: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["--cases", str(mine), "--cases", str(FIXTURES), "show", "alpha-club", "--format", "json"]
    assert cli_fast.run(args) == 0
    assert capsys.readouterr().err.count("is shadowed by") == 1


def test_a_case_that_shadows_nothing_says_nothing(cli, mine: Path) -> None:
    result = cli("show", "beta-market", cases=[mine, FIXTURES])
    assert "shadowed" not in result.stderr
