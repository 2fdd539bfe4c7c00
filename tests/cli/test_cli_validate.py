"""`casetui validate`: one located line per problem, a summary on stderr, exit 1 only on errors."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

LOCATED = re.compile(r"^(?P<path>[^:]+\.toml):(?P<line>\d+): (?P<key>[\w.\[\]-]+): (?P<message>.+)$")


@pytest.fixture
def interrupted_watch(monkeypatch: pytest.MonkeyPatch) -> None:
    """`--watch` as if Ctrl-C came before the first save."""
    import casetui.watching

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt
        yield

    monkeypatch.setattr(casetui.watching, "watch_paths", interrupted)


def test_clean_library_exits_0(cli):
    result = cli("validate")
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert "ok: 3 files checked, 0 errors, 0 warnings" in result.stderr


def test_broken_file_exits_1_with_located_lines(cli, library_copy: Path):
    (library_copy / "beta-market.toml").write_text(
        'format = 1\n[case]\nname = "Beta"\nstatus = "shut-down"\nsumary = "typo"\n[model]\ntype = "t"\n'
    )
    result = cli("validate", cases=library_copy)
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines, result.output
    for line in lines:
        match = LOCATED.match(line)
        assert match, line
        assert match["path"].endswith("beta-market.toml")
    assert any('case.sumary: unknown key "sumary" (did you mean "summary"?)' in line for line in lines)
    assert "failed" in result.stderr


def test_given_paths_only(cli, library_copy: Path, tmp_path: Path):
    broken = tmp_path / "draft.toml"
    broken.write_text("format = 1\n[case\n")
    result = cli("validate", str(library_copy / "alpha-club.toml"), str(broken))
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [line for line in result.stdout.splitlines() if "draft.toml:2: toml:" in line]
    assert "2 files checked, 1 error" in result.stderr
    assert cli("validate", str(library_copy)).exit_code == 0


def test_missing_path_is_an_error(cli, tmp_path: Path):
    result = cli("validate", str(tmp_path / "nope.toml"))
    assert result.exit_code == 1
    assert "nope.toml: file: cannot read" in result.stdout


def test_with_watch_the_run_ends_with_0_even_after_a_check_that_failed(cli, tmp_path: Path, interrupted_watch):
    """Ctrl-C ends a watch, not a failure: the exit code does not repeat the last check's verdict."""
    broken = tmp_path / "draft.toml"
    broken.write_text("format = 1\n[case\n")
    result = cli("validate", "--watch", str(broken))
    assert "failed: 1 file checked, 1 error" in result.stderr and "watching for saves" in result.stderr
    assert result.exit_code == 0


def test_watch_of_paths_that_do_not_exist_is_an_error(cli, tmp_path: Path, interrupted_watch):
    result = cli("validate", "--watch", str(tmp_path / "gone.toml"))
    assert result.exit_code == 1
    assert "none of these paths exists, so there is nothing to watch" in result.stderr


def test_shadowed_id_is_a_warning_and_exits_0(cli, library_copy: Path, tmp_path: Path):
    first = tmp_path / "mine"
    first.mkdir()
    shutil.copy(library_copy / "alpha-club.toml", first / "alpha-club.toml")
    result = cli("validate", cases=[first, library_copy])
    assert result.exit_code == 0, result.output
    assert "alpha-club" in result.stdout and "shadowed" in result.stdout and "(warning)" in result.stdout
    assert "casetui validate: ok: 4 files checked, 0 errors, 1 warning" in result.stderr


def test_json(cli, library_copy: Path):
    (library_copy / "gamma-card.toml").write_text("format = 2\n")
    result = cli("validate", "--json", cases=library_copy)
    assert result.exit_code == 1
    doc = json.loads(result.stdout)
    assert (doc["format"], doc["checked"], doc["ok"], doc["warnings"]) == (1, 3, False, 0)
    assert doc["errors"] == len(doc["problems"]) >= 1
    problem = doc["problems"][0]
    assert set(problem) == {"path", "line", "key", "message", "severity"}
    assert problem["path"].endswith("gamma-card.toml") and problem["severity"] == "error"
