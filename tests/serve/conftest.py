"""Fixtures for `casetui serve` and `casetui paths`: a private home, no user settings, the fixture library."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from casetui.cli import app

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "library"

Invoke = Callable[..., Result]


@pytest.fixture(autouse=True)
def private_home(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """A home folder of the test's own, with the XDG folders inside it, and none of the user's settings."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    for name, sub in (("XDG_DATA_HOME", "data"), ("XDG_CACHE_HOME", "cache"), ("XDG_CONFIG_HOME", "config")):
        monkeypatch.setenv(name, str(home / sub))
    monkeypatch.setenv("CASETUI_CASES", "")
    # Set (not deleted) so that the value the served app sets in this process is undone after the test.
    monkeypatch.setenv("CASETUI_READ_ONLY", "")
    for name in (
        "CASETUI_CACHE_DIR",
        "CASETUI_SCREENSHOT_DIR",
        "CASETUI_NO_BUNDLED",
        "CASETUI_NO_CACHE",
        "CASETUI_LANG",
        "XDG_PICTURES_DIR",
    ):
        monkeypatch.delenv(name, raising=False)
    return home


@pytest.fixture
def cli() -> Invoke:
    """Run `casetui ARGS…` in-process."""

    def invoke(*args: str, env: dict[str, str] | None = None) -> Result:
        return CliRunner().invoke(app, list(args), env=env)

    return invoke


@pytest.fixture
def cli_json(cli: Invoke) -> Callable[..., Any]:
    """Run a command that prints JSON, check it succeeded, and return the parsed document."""

    def invoke(*args: str, **kwargs: Any) -> Any:
        result = cli(*args, **kwargs)
        assert result.exit_code == 0, result.output
        return json.loads(result.stdout)

    return invoke
