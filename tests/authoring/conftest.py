"""Fixtures for authoring tests: no user library, no CASETUI_CASES, no index cache of the user's own."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def own_folders(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """A fresh XDG data folder (where the user's library lives on Linux), and nothing from the environment."""
    data = tmp_path / "xdg-data"
    monkeypatch.setenv("XDG_DATA_HOME", str(data))
    monkeypatch.setenv("CASETUI_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("CASETUI_CASES", raising=False)
    for name in ("CASETUI_LANG", "NO_COLOR", "CASETUI_NO_BUNDLED", "COLUMNS"):
        monkeypatch.delenv(name, raising=False)
    return data
