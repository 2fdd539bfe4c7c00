"""Fixtures for CLI tests: the fixture library only, no user environment, no index cache."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from casetui.cli import app

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "library"


@pytest.fixture(autouse=True)
def quiet_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Ignore the user's library, language, colour and cache settings."""
    monkeypatch.setenv("CASETUI_CASES", "")
    monkeypatch.setenv("CASETUI_CACHE_DIR", str(tmp_path / "cache"))
    for name in ("CASETUI_LANG", "NO_COLOR", "CASETUI_NO_BUNDLED", "COLUMNS"):
        monkeypatch.delenv(name, raising=False)


Invoke = Callable[..., Result]


@pytest.fixture
def cli() -> Invoke:
    """Run `casetui --no-bundled --cases <dir> ARGS…` in-process (the fixture library by default)."""

    def invoke(*args: str, cases: Path | list[Path] = FIXTURES, env: dict[str, str] | None = None) -> Result:
        folders = cases if isinstance(cases, list) else [cases]
        options = [item for folder in folders for item in ("--cases", str(folder))]
        return CliRunner().invoke(app, ["--no-bundled", *options, *args], env=env)

    return invoke


@pytest.fixture
def cli_json(cli: Invoke) -> Callable[..., Any]:
    """Run a command that prints JSON, check it succeeded, and return the parsed document."""

    def invoke(*args: str, **kwargs: Any) -> Any:
        result = cli(*args, **kwargs)
        assert result.exit_code == 0, result.output
        return json.loads(result.stdout)

    return invoke


@pytest.fixture
def library_copy(tmp_path: Path) -> Path:
    """A writable copy of the fixture library, for tests that break or add files."""
    folder = tmp_path / "library"
    shutil.copytree(FIXTURES, folder)
    return folder
