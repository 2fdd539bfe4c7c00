"""Global options, help, and the commands that open the app (with a stand-in for the app)."""

from __future__ import annotations

import sys
import types
from pathlib import Path
from typing import Any

import pytest

import casetui
from casetui import launch
from casetui.cli import app as cli_module
from casetui.cli import fast as cli_fast

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "library"


class FakeApp:
    """Stands in for the Textual app: records the arguments it was built with when it runs."""

    def __init__(self, calls: list[dict[str, Any]], **kwargs: Any) -> None:
        self.calls = calls
        self.kwargs = kwargs

    def run(self) -> None:
        self.calls.append(self.kwargs)


@pytest.fixture
def fake_app(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """Replace the app factory and pretend to be in a terminal; return the recorded runs."""

    calls: list[dict[str, Any]] = []

    def make_app(cases_dirs, lang="en", present=None, **extra):
        return FakeApp(calls, cases_dirs=list(cases_dirs), lang=lang, present=present, **extra)

    factory = types.ModuleType("casetui.tui.factory")
    factory.make_app = make_app  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "casetui.tui.factory", factory)
    monkeypatch.setattr(launch, "has_terminal", lambda: True)
    return calls


def test_version(cli):
    result = cli("--version")
    assert result.exit_code == 0
    assert result.stdout == f"casetui {casetui.__version__}\n"


def test_no_command_opens_the_app(cli, fake_app, monkeypatch):
    monkeypatch.delenv("CASETUI_NO_WATCH", raising=False)
    result = cli("--lang", "zh")
    assert result.exit_code == 0, result.output
    assert fake_app == [{"cases_dirs": [FIXTURES], "lang": "zh", "present": None, "watch": True, "bundled": False}]


def test_live_reload_can_be_turned_off(cli, fake_app, monkeypatch):
    monkeypatch.setenv("CASETUI_NO_WATCH", "1")
    assert cli().exit_code == 0
    assert fake_app[0]["watch"] is False


def test_present_speaker_opens_the_speaker_view_of_the_presenter_picked(cli, fake_app):
    result = cli("present", "alpha-club", "--speaker", "--pid", "4321")
    assert result.exit_code == 0, result.output
    assert fake_app[0]["present"] == "alpha-club"
    assert (fake_app[0]["speaker"], fake_app[0]["speaker_pid"]) == (True, 4321)


def test_pid_without_speaker_is_a_usage_error(cli, fake_app):
    result = cli("present", "alpha-club", "--pid", "4321")
    assert result.exit_code == 2
    assert "--speaker" in result.output
    assert fake_app == []


@pytest.mark.parametrize(
    "args", [[], ["--lang", "zh"], ["--cases", str(FIXTURES)], ["--lang=zh", "--cases", str(FIXTURES)]]
)
def test_plain_casetui_opens_the_app_without_typer_as_typer_would(args, fake_app, monkeypatch, capsys):
    monkeypatch.delenv("CASETUI_LANG", raising=False)
    monkeypatch.delenv("CASETUI_NO_BUNDLED", raising=False)
    assert cli_fast.run(args) == 0
    from typer.testing import CliRunner

    assert CliRunner().invoke(cli_module.app, args).exit_code == 0
    assert len(fake_app) == 2
    assert fake_app[0] == fake_app[1]


def test_without_a_terminal_the_app_says_what_to_use_instead(monkeypatch, capsys):
    monkeypatch.setattr(launch, "has_terminal", lambda: False)
    assert cli_fast.run([]) == 2
    assert "the app needs a terminal" in capsys.readouterr().err


def test_present_opens_the_app_on_the_case(cli, fake_app):
    result = cli("present", "alpha-club")
    assert result.exit_code == 0, result.output
    assert fake_app[0]["present"] == "alpha-club"


def test_present_no_spoilers_opens_the_case_with_what_follows_hidden(cli, fake_app):
    assert "spoilers" not in fake_app_run(cli, fake_app, "present", "alpha-club")
    assert fake_app_run(cli, fake_app, "present", "alpha-club", "--no-spoilers")["spoilers"] is False


def fake_app_run(cli, fake_app: list[dict[str, Any]], *args: str) -> dict[str, Any]:
    """Run the CLI and return what the app it opened was built with."""
    result = cli(*args)
    assert result.exit_code == 0, result.output
    return fake_app[-1]


def test_the_apps_exit_code_is_the_commands(cli, fake_app, monkeypatch):
    monkeypatch.setattr(FakeApp, "return_code", 3, raising=False)
    assert cli().exit_code == 3
    assert cli("present", "alpha-club").exit_code == 3


def test_present_takes_an_id_not_a_file(cli, fake_app):
    result = cli("present", "alpha-club.toml")
    assert result.exit_code == 2
    assert "not a file" in result.output
    assert fake_app == []


def test_present_unknown_id_fails_before_opening_anything(cli, fake_app):
    result = cli("present", "alpa-club")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "did you mean alpha-club" in result.stderr
    assert fake_app == []


def test_the_app_needs_a_terminal(cli):
    result = cli("present", "alpha-club")  # CliRunner's streams are not terminals
    assert result.exit_code == 2
    assert "needs a terminal" in result.stderr


def test_bad_language_tag_is_a_usage_error(cli):
    assert cli("--lang", "not a tag", "list").exit_code == 2


def test_missing_cases_folder_is_a_usage_error(cli, tmp_path: Path):
    assert cli("list", cases=tmp_path / "nowhere").exit_code == 2


def test_cases_folders_from_the_environment(cli, tmp_path: Path):
    result = cli("list", cases=tmp_path, env={"CASETUI_CASES": str(FIXTURES)})
    assert "alpha-club" in result.stdout


def test_cases_folder_given_first_wins(cli, library_copy: Path, tmp_path: Path):
    mine = tmp_path / "mine"
    mine.mkdir()
    text = (library_copy / "beta-market.toml").read_text().replace('en = "Beta Market"', 'en = "My Beta"')
    (mine / "beta-market.toml").write_text(text)
    result = cli("show", "beta-market", cases=[mine, library_copy])
    assert "My Beta" in result.stdout


@pytest.mark.parametrize("command", ["list", "show", "compare", "timeline", "validate", "present"])
def test_every_command_help_has_an_example(cli, command):
    result = cli(command, "--help")
    assert result.exit_code == 0
    assert "Example" in result.stdout
    assert f"casetui {command}" in result.stdout


def test_main_help_lists_commands_and_an_example(cli):
    out = cli("--help").stdout
    for command in ("list", "show", "compare", "timeline", "validate", "present"):
        assert command in out
    assert "Examples" in out
    assert "--no-bundled" not in out  # a testing aid, hidden


def test_ctrl_c_in_a_command_exits_130_without_a_traceback(cli, monkeypatch: pytest.MonkeyPatch):
    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(cli_module, "load_cases", interrupted)
    result = cli("show", "alpha-club")
    assert (result.exit_code, result.stdout, result.stderr) == (130, "", "")


def test_internal_errors_become_one_line(cli, monkeypatch: pytest.MonkeyPatch):
    def boom(*args, **kwargs):
        raise RuntimeError("something broke")

    monkeypatch.setattr(cli_module, "load_cases", boom)
    result = cli("show", "alpha-club")
    assert result.exit_code == 1
    assert result.stderr == "casetui: internal error: RuntimeError: something broke\n"
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_an_error_outside_any_command_is_one_line_and_exit_1(monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    def broken(**kwargs: Any) -> None:
        raise RuntimeError("before any command")

    monkeypatch.setattr(cli_module, "app", broken)
    with pytest.raises(SystemExit) as done:
        cli_module.main()
    assert done.value.code == 1
    assert capsys.readouterr().err == "casetui: internal error: RuntimeError: before any command\n"
