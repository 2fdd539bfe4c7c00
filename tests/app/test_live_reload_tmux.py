"""Live reload in a real terminal: the installed app in tmux, a case file saved beside it as editors save."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tmux_terminals import FIXTURES, Tmux, private_tmux

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="needs tmux")
pytest.importorskip("watchfiles")


@pytest.fixture
def tmux() -> Iterator[Tmux]:
    with private_tmux() as server:
        yield server


def save_by_rename(path: Path, text: str) -> None:
    """As vim and VS Code save: a new file renamed over the old one."""
    temporary = path.with_name(f".{path.name}.swp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


def test_the_open_case_follows_saves_and_shows_a_broken_one_in_place(tmux: Tmux) -> None:
    folder = tmux.home / "cases"
    folder.mkdir()
    path = folder / "alpha-club.toml"
    shutil.copy(FIXTURES / "alpha-club.toml", path)
    original = path.read_text(encoding="utf-8")
    tmux.start("app", cases=folder)
    tmux.wait_for("app", "Alpha Club", "1/1")
    tmux.keys("app", "Enter")
    tmux.wait_for("app", "1 Overview")
    tmux.keys("app", "3")  # the timeline tab
    tmux.wait_for("app", "Ordering stops")

    edited = original.replace("Ordering stops", "Orders frozen")
    # Saved again while waiting: the watcher starts just after the first screen, and may miss a first save.
    tmux.wait_for("app", "Orders frozen", again=lambda: save_by_rename(path, edited))

    broken = edited.replace('kind = "service-stop"', 'kind = "service-stopp"')
    screen = tmux.wait_for("app", "events[2].kind", again=lambda: save_by_rename(path, broken))
    assert "Orders frozen" in screen and "Saved with errors" in screen

    tmux.wait_for("app", "Ordering stops", again=lambda: save_by_rename(path, original))
    assert "events[2].kind" not in tmux.screen("app")


def test_the_app_served_to_browsers_follows_saves_too(tmux: Tmux) -> None:
    """`casetui serve` runs `served-app` for each tab: it reloads as the terminal app does (here in a terminal)."""
    folder = tmux.home / "cases"
    folder.mkdir()
    path = folder / "alpha-club.toml"
    shutil.copy(FIXTURES / "alpha-club.toml", path)
    original = path.read_text(encoding="utf-8")
    tmux.start("served", "served-app", cases=folder)
    tmux.wait_for("served", "Alpha Club", "1/1")
    edited = original.replace('en = "Alpha Club"', 'en = "Alpha Club Renamed"', 1)
    assert edited != original
    tmux.wait_for("served", "Alpha Club Renamed", again=lambda: save_by_rename(path, edited))
