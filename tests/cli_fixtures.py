"""CLI fixtures shared by every test folder that runs `casetui` in-process (cli, export, serve, stats, importers).

Registered from tests/conftest.py. Each folder's conftest decides how private its environment is
(an autouse fixture calling `ignore_user_settings`), and may override `cli`: serve runs
`casetui ARGS…` exactly as given, importers through its own helper.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from casetui.cli.app import app

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "library"

Invoke = Callable[..., Result]


def ignore_user_settings(monkeypatch: pytest.MonkeyPatch, cache: Path, *also: str) -> None:
    """No user library, language, colour, width or cache (nor the variables in `also`): only the folders given."""
    monkeypatch.setenv("CASETUI_CASES", "")
    monkeypatch.setenv("CASETUI_CACHE_DIR", str(cache))
    for name in ("CASETUI_LANG", "NO_COLOR", "CASETUI_NO_BUNDLED", "COLUMNS", *also):
        monkeypatch.delenv(name, raising=False)


def casetui(*args: str, env: dict[str, str] | None = None) -> Result:
    """`casetui ARGS…` in-process, exactly as given."""
    return CliRunner().invoke(app, list(args), env=env)


def run(*args: str, cases: Path | list[Path] = FIXTURES, env: dict[str, str] | None = None) -> Result:
    """`casetui --no-bundled --cases DIR… ARGS…` in-process (the fixture library by default)."""
    folders = cases if isinstance(cases, list) else [cases]
    options = [item for folder in folders for item in ("--cases", str(folder))]
    return casetui("--no-bundled", *options, *args, env=env)


@pytest.fixture
def cli() -> Invoke:
    """Run `casetui --no-bundled --cases <dir> ARGS…` in-process (the fixture library by default)."""
    return run


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
