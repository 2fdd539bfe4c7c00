"""Fixtures for the statistics tests: the fixture library, the app as tests/app builds it, and the
Killed by Google dataset imported once per session (skipped when this checkout has no copy beside it)."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from typer.testing import CliRunner, Result

from casetui.cli import app as cli_app
from casetui.tui.app import CaseTUI
from casetui.tui.factory import make_app

HERE = Path(__file__).resolve().parent
FIXTURES = HERE.parent / "fixtures" / "library"
DATASET = HERE.parents[1] / ".." / "shared" / "datasets" / "killedbygoogle" / "graveyard.json"
"""The real Killed by Google data, kept beside the repository (never inside it)."""

Invoke = Callable[..., Result]
Scenario = Callable[[Pilot[None]], Awaitable[None]]


@pytest.fixture(autouse=True)
def quiet_environment(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> None:
    """Ignore the user's library, language, colour and cache settings."""
    monkeypatch.setenv("CASETUI_CASES", "")
    monkeypatch.setenv("CASETUI_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
    for name in ("CASETUI_LANG", "NO_COLOR", "CASETUI_NO_BUNDLED", "COLUMNS"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def cli() -> Invoke:
    """Run `casetui --no-bundled --cases <dir> ARGS…` in-process (the fixture library by default)."""

    def invoke(*args: str, cases: Path = FIXTURES) -> Result:
        return CliRunner().invoke(cli_app, ["--no-bundled", "--cases", str(cases), *args])

    return invoke


@pytest.fixture
def stats_json(cli: Invoke) -> Callable[..., Any]:
    """`casetui stats --json ARGS…`, checked to succeed, parsed."""

    def invoke(*args: str, cases: Path = FIXTURES) -> Any:
        result = cli("stats", "--json", *args, cases=cases)
        assert result.exit_code == 0, result.output
        return json.loads(result.stdout)

    return invoke


@pytest.fixture(scope="session")
def graveyard() -> list[dict[str, Any]]:
    """The entries of the Killed by Google dataset."""
    if not DATASET.is_file():
        pytest.skip(f"the Killed by Google dataset is not at {DATASET.resolve()} (it lives outside the repository)")
    return json.loads(DATASET.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def google_cases(graveyard: list[dict[str, Any]], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder of case files imported from the dataset with `casetui import killedbygoogle`."""
    folder = tmp_path_factory.mktemp("google") / "cases"
    result = CliRunner().invoke(cli_app, ["import", "killedbygoogle", str(DATASET), "--into", str(folder)])
    assert result.exit_code == 0, result.output
    return folder


@pytest.fixture
def app_factory() -> Callable[..., CaseTUI]:
    """Build the app over the fixture library (or given folders), without the bundled cases."""

    def build(*dirs: Path, lang: str = "en") -> CaseTUI:
        app = make_app(list(dirs) or [FIXTURES], lang=lang, bundled=False, env="")
        app.animation_level = "none"
        return app

    return build


@pytest.fixture
def drive() -> Callable[..., None]:
    """Run `scenario(pilot)` against an app in a headless terminal, which must still be running at the end."""

    def run(app: CaseTUI, scenario: Scenario, size: tuple[int, int] = (120, 40)) -> None:
        async def main() -> None:
            async with app.run_test(size=size, notifications=True) as pilot:
                await pilot.pause()
                await scenario(pilot)
                assert app.is_running, "the app quit during the scenario"

        asyncio.run(main())

    return run


@pytest.fixture
def screen_text() -> Callable[[CaseTUI], str]:
    """Everything the app's current screen shows, as plain text lines."""

    def read(app: CaseTUI) -> str:
        strips = app.screen._compositor.render_strips()
        return "\n".join(strip.text.rstrip() for strip in strips)

    return read


@pytest.fixture
def snap_app(app_factory: Callable[..., CaseTUI]) -> Callable[..., CaseTUI]:
    """An app for SVG snapshots: the fixture library, a fixed theme, no animation."""

    def build(*dirs: Path, lang: str = "en") -> CaseTUI:
        app = app_factory(*dirs, lang=lang)
        app.theme = "textual-dark"
        return app

    return build
