"""Fixtures for the statistics tests: the fixture library, `cli` and the app from tests/cli_fixtures.py and
tests/app_fixtures.py, and the Killed by Google dataset (tests/data) imported once per session."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from cli_fixtures import FIXTURES, Invoke, casetui, ignore_user_settings

HERE = Path(__file__).resolve().parent
DATASET = HERE.parent / "data" / "killedbygoogle" / "graveyard.json"
"""A copy kept in the repository (MIT, its licence beside it), so a fresh clone runs these tests."""


@pytest.fixture(autouse=True)
def quiet_environment(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> None:
    """Ignore the user's library, language, colour and cache settings."""
    ignore_user_settings(monkeypatch, tmp_path_factory.mktemp("cache"))


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
    return json.loads(DATASET.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def google_cases(graveyard: list[dict[str, Any]], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder of case files imported from the dataset with `casetui import killedbygoogle`."""
    folder = tmp_path_factory.mktemp("google") / "cases"
    result = casetui("import", "killedbygoogle", str(DATASET), "--into", str(folder))
    assert result.exit_code == 0, result.output
    return folder
