"""The bundled cases name the schema on their first line, and still load; Taplo agrees when it is installed."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from casetui.cli.app import app
from casetui.library import bundled_dir, validate_paths

from .verdicts import REPO, SCHEMA_FILE

DIRECTIVE = "#:schema ../schema/case.schema.json"
BUNDLED = sorted(bundled_dir().glob("*.toml"))
TAPLO = shutil.which("taplo")


def test_every_bundled_case_names_the_schema_by_a_path_that_resolves() -> None:
    assert BUNDLED
    for path in BUNDLED:
        first = path.read_text(encoding="utf-8").split("\n", 1)[0]
        assert first == DIRECTIVE, path.name
        target = path.parent / first.removeprefix("#:schema ")
        assert target.resolve().read_bytes() == SCHEMA_FILE.read_bytes()


def test_the_bundled_cases_still_validate_with_the_directive() -> None:
    checked, problems = validate_paths(BUNDLED)
    assert checked == len(BUNDLED)
    assert [str(p) for p in problems] == []


def _lint(*paths: Path) -> subprocess.CompletedProcess[str]:
    assert TAPLO is not None
    command = [TAPLO, "lint", "--no-auto-config", *map(str, paths)]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)


@pytest.mark.skipif(TAPLO is None, reason="taplo is not installed (npm install -g @taplo/cli)")
def test_taplo_accepts_the_bundled_cases_and_a_starter_through_their_schema_lines(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["new", "my-case", "--into", str(tmp_path)])
    assert result.exit_code == 0, result.output
    linted = _lint(*BUNDLED, Path(result.stdout.strip()))
    assert linted.returncode == 0, linted.stderr


@pytest.mark.skipif(TAPLO is None, reason="taplo is not installed (npm install -g @taplo/cli)")
def test_taplo_applies_the_schema_named_by_the_directive(tmp_path: Path) -> None:
    broken = tmp_path / "cases" / "broken.toml"
    broken.parent.mkdir()
    shutil.copytree(REPO / "schema", tmp_path / "schema")
    text = (bundled_dir() / "taote.toml").read_text(encoding="utf-8").replace("[case]\n", '[case]\nsumary = "x"\n', 1)
    broken.write_text(text, encoding="utf-8")
    linted = _lint(broken)
    assert linted.returncode != 0
    assert "sumary" in linted.stderr
