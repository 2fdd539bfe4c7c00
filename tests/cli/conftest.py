"""CLI tests run over the fixture library only, with no user environment and no index cache.

`cli`, `cli_json` and `library_copy` come from tests/cli_fixtures.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cli_fixtures import ignore_user_settings


@pytest.fixture(autouse=True)
def quiet_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Ignore the user's library, language, colour and cache settings."""
    ignore_user_settings(monkeypatch, tmp_path / "cache")
