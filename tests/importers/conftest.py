"""Fixtures for the importer tests: a CLI runner, the shared dataset, and small hand-made inputs."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from cli_fixtures import Invoke, ignore_user_settings

from .support import DATASET, run


@pytest.fixture(autouse=True)
def quiet_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Ignore the user's library, language, colour and cache settings."""
    ignore_user_settings(monkeypatch, tmp_path / "cache")


@pytest.fixture
def cli() -> Invoke:
    """Run `casetui ARGS…` in-process."""
    return run


@pytest.fixture
def dataset() -> Path:
    """The 307-entry dataset, copied into tests/data."""
    return DATASET


@pytest.fixture
def write_json(tmp_path: Path) -> Callable[[list[Any], str], Path]:
    """Write a small graveyard.json of the given entries and return its path."""

    def write(entries: list[Any], name: str = "graveyard.json") -> Path:
        path = tmp_path / "input" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(entries, ensure_ascii=False), encoding="utf-8")
        return path

    return write
