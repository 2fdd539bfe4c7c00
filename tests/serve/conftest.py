"""Fixtures for `casetui serve` and `casetui paths`: a private home, no user settings, the fixture library.

`cli_json` comes from tests/cli_fixtures.py; here `cli` runs `casetui ARGS…` exactly as given.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cli_fixtures import FIXTURES, Invoke, casetui

__all__ = ["FIXTURES"]  # the tests here import the fixture library's path from this conftest


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
    """Run `casetui ARGS…` in-process: these tests name the folders and flags themselves."""
    return casetui
