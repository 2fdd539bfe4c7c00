"""Fixtures for the hardening suite: the hostile corpus built once per worker, a private environment,
and the app driven headless.

Every test here runs without the user's library, language, colour or cache settings; the corpus
is built in a temporary folder by `tests/hostile/generate.py`, and its bytes and modification
times are recorded before any test runs so that a test can prove casetui wrote nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from casetui.tui.app import CaseTUI
from cli_fixtures import ignore_user_settings

from .app_support import build_app
from .corpus import GENERATE, Corpus
from .support import snapshot


@pytest.fixture(autouse=True)
def quiet_environment(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> None:
    """No user library, language, colour, width or cache: each run sees only the folders it is given."""
    ignore_user_settings(monkeypatch, tmp_path_factory.mktemp("cache"), "CASETUI_READ_ONLY")


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Corpus]:
    """The hostile corpus, built once per worker; the mode-000 file is made readable again at the end."""
    target = tmp_path_factory.mktemp("hostile")
    library = GENERATE.build(target)
    yield Corpus(target, library, snapshot(target))
    (library / "unreadable.toml").chmod(0o644)


# -- the app -----------------------------------------------------------------------------------


@pytest.fixture
def app_factory() -> Callable[..., CaseTUI]:
    """Build the app over the given folders (the fixture library by default), without the bundled cases."""
    return build_app
