"""Live reload: a case file saved while the app runs shows at once, in the same tab and step.

Each test writes its library in tmp_path, opens the app on it with the watcher on, saves the file the
way editors do (in place, or a new file renamed over the old one) and waits for the screen through
the pilot, with a bound on the wait (never an assertion on how long it took).
"""

from __future__ import annotations

import asyncio
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import TabbedContent

from casetui.tui.app import CaseTUI
from casetui.tui.factory import make_app
from casetui.tui.screens.case import CaseScreen
from casetui.tui.screens.compare import CompareScreen
from casetui.tui.screens.sunset import SunsetScreen

pytest.importorskip("watchfiles")

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "library"

DEADLINE = 15.0
"""Seconds to wait for a reload before the test fails: far above the second a save takes to show."""


@pytest.fixture
def library(tmp_path: Path) -> Path:
    folder = tmp_path / "cases"
    folder.mkdir()
    for name in ("alpha-club.toml", "beta-market.toml"):
        shutil.copy(FIXTURES / name, folder / name)
    return folder


def watching_app(folder: Path) -> CaseTUI:
    app = make_app([folder], bundled=False, env="", watch=True)
    app.animation_level = "none"
    return app


def save(path: Path, text: str, by_rename: bool = False) -> None:
    """Save as an editor would: in place, or (vim, VS Code) a new file renamed over the old one."""
    if by_rename:
        temporary = path.with_name(f".{path.name}.swp")
        temporary.write_text(text, encoding="utf-8")
        os.replace(temporary, path)
    else:
        path.write_text(text, encoding="utf-8")


async def until(pilot: Pilot[None], shown: Callable[[], bool], again: Callable[[], None] | None = None) -> None:
    """Wait until `shown()` holds, up to DEADLINE seconds.

    `again` saves once more each second: the watcher starts in its thread after the first frame, and
    a save made before its watches are in place goes unseen (a person saves again; so does the test).
    """
    loop = asyncio.get_running_loop()
    end = loop.time() + DEADLINE
    next_save = loop.time() + 1.0
    while not shown():
        assert loop.time() < end, "the screen did not change after the save"
        if again is not None and loop.time() > next_save:
            again()
            next_save = loop.time() + 1.0
        await asyncio.sleep(0.05)
        await pilot.pause()


async def watching(pilot: Pilot[None]) -> None:
    """Wait until the watcher has started (after the first frame), so that a save is not missed."""
    app = pilot.app
    assert isinstance(app, CaseTUI)
    await until(pilot, lambda: app.watching)


def test_case_screen_shows_the_saved_text_in_the_same_tab(
    library: Path, drive: Callable[..., None], screen_text: Callable[[CaseTUI], str]
) -> None:
    app = watching_app(library)
    path = library / "alpha-club.toml"
    original = path.read_text(encoding="utf-8")

    async def scenario(pilot: Pilot[None]) -> None:
        await watching(pilot)
        app.open_case("alpha-club")
        await pilot.pause()
        await pilot.press("3")  # the timeline tab
        await pilot.pause()
        tabs = app.screen.query_one(TabbedContent)
        active = tabs.active
        assert "Ordering stops" in screen_text(app)
        edited = original.replace("Ordering stops", "Orders frozen")
        save(path, edited, by_rename=True)
        await until(pilot, lambda: "Orders frozen" in screen_text(app), lambda: save(path, edited, by_rename=True))
        assert isinstance(app.screen, CaseScreen)
        assert app.screen.query_one(TabbedContent).active == active
        assert "Ordering stops" not in screen_text(app)

    drive(app, scenario)


def test_a_broken_save_keeps_the_last_good_case_and_shows_where(
    library: Path, drive: Callable[..., None], screen_text: Callable[[CaseTUI], str]
) -> None:
    app = watching_app(library)
    path = library / "alpha-club.toml"
    original = path.read_text(encoding="utf-8")

    async def scenario(pilot: Pilot[None]) -> None:
        await watching(pilot)
        app.open_case("alpha-club")
        await pilot.pause()
        await pilot.press("3")
        await pilot.pause()
        broken = original.replace('kind = "service-stop"', 'kind = "service-stopp"')
        save(path, broken)
        # The loader's own line for it: `path:line: key.path: message`.
        await until(pilot, lambda: "events[2].kind" in screen_text(app), lambda: save(path, broken))
        text = screen_text(app)
        assert "alpha-club.toml:" in text
        assert "Ordering stops" in text  # the last good version is still shown
        fixed = original.replace("Ordering stops", "Orders frozen")
        save(path, fixed)
        await until(pilot, lambda: "Orders frozen" in screen_text(app), lambda: save(path, fixed))
        assert "events[2].kind" not in screen_text(app)

    drive(app, scenario)


def test_sunset_keeps_its_step_and_the_library_row_changes(
    library: Path, drive: Callable[..., None], screen_text: Callable[[CaseTUI], str]
) -> None:
    app = watching_app(library)
    path = library / "alpha-club.toml"
    original = path.read_text(encoding="utf-8")

    async def scenario(pilot: Pilot[None]) -> None:
        await watching(pilot)
        app.open_sunset("alpha-club")
        await pilot.pause()
        await pilot.press("right", "right")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SunsetScreen)
        assert "Ordering stops" in screen_text(app)
        edited = original.replace("Ordering stops", "Orders frozen").replace("Alpha Club", "Alpha Klub")
        save(path, edited)
        await until(pilot, lambda: "Orders frozen" in screen_text(app), lambda: save(path, edited))
        assert app.screen is screen and screen.cursor.position == 2
        await pilot.press("escape")
        await pilot.pause()
        assert "Alpha Klub" in screen_text(app)  # the library row under it changed too

    drive(app, scenario)


def test_compare_shows_the_saved_value(
    library: Path, drive: Callable[..., None], screen_text: Callable[[CaseTUI], str]
) -> None:
    app = watching_app(library)
    path = library / "alpha-club.toml"
    original = path.read_text(encoding="utf-8")

    async def scenario(pilot: Pilot[None]) -> None:
        await watching(pilot)
        app.toggle_mark("alpha-club")
        app.toggle_mark("beta-market")
        app.open_compare(app.marked)
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)
        assert "Alpha Club" in screen_text(app)
        edited = original.replace("Alpha Club", "Alpha Klub")
        save(path, edited, by_rename=True)
        await until(pilot, lambda: "Alpha Klub" in screen_text(app), lambda: save(path, edited, by_rename=True))
        assert app.marked == ("alpha-club", "beta-market")

    drive(app, scenario)


def test_a_new_file_appears_in_the_library(
    library: Path, drive: Callable[..., None], screen_text: Callable[[CaseTUI], str]
) -> None:
    app = watching_app(library)

    async def scenario(pilot: Pilot[None]) -> None:
        await watching(pilot)
        assert "Gamma" not in screen_text(app)
        text = (FIXTURES / "gamma-card.toml").read_text(encoding="utf-8")
        new = library / "gamma-card.toml"
        save(new, text)
        await until(pilot, lambda: "Gamma" in screen_text(app), lambda: save(new, text))

    drive(app, scenario)


def test_library_keeps_the_row_of_a_broken_save_and_its_preview_says_why(
    library: Path, drive: Callable[..., None], screen_text: Callable[[CaseTUI], str]
) -> None:
    app = watching_app(library)
    path = library / "alpha-club.toml"
    broken = path.read_text(encoding="utf-8").replace('kind = "service-stop"', 'kind = "service-stopp"')

    async def scenario(pilot: Pilot[None]) -> None:
        await watching(pilot)
        assert "Alpha Club" in screen_text(app)  # the first row, highlighted: its preview is shown
        save(path, broken, by_rename=True)
        await until(pilot, lambda: "events[2].kind" in screen_text(app), lambda: save(path, broken, by_rename=True))
        text = screen_text(app)
        assert "Saved with errors" in text
        assert "A membership social-commerce club" in text  # the last good preview stays under it
        assert app.library.entries["alpha-club"].ok  # still listed as a case, not as a broken file

    drive(app, scenario)


def test_compare_keeps_one_case_s_error_while_another_is_saved(
    library: Path, drive: Callable[..., None], screen_text: Callable[[CaseTUI], str]
) -> None:
    app = watching_app(library)
    alpha, beta = library / "alpha-club.toml", library / "beta-market.toml"
    broken = alpha.read_text(encoding="utf-8").replace('kind = "service-stop"', 'kind = "service-stopp"')
    renamed = beta.read_text(encoding="utf-8").replace("Beta Market", "Beta Renamed")

    async def scenario(pilot: Pilot[None]) -> None:
        await watching(pilot)
        app.open_compare(["alpha-club", "beta-market"])
        await pilot.pause()
        save(alpha, broken)
        await until(pilot, lambda: "events[2].kind" in screen_text(app), lambda: save(alpha, broken))
        save(beta, renamed)
        await until(pilot, lambda: "Beta Renamed" in screen_text(app), lambda: save(beta, renamed))
        assert "events[2].kind" in screen_text(app)  # alpha-club is still broken

    drive(app, scenario)
