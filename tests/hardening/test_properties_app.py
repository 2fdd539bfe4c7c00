"""Generated valid cases full of hostile text, through every screen of the app, headless.

One generated case through the library, the case screen with each of its tabs, the sunset
stepped to its end with notes revealed, and workshop mode; two compared (table and sunsets).
On every screen no terminal control shows, the name's literal `[@click=app.quit]` is on
screen, and clicking it leaves the app running: markup in case text is never interpreted.
"""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from textual.pilot import Pilot

from casetui.tui.app import CaseTUI
from casetui.tui.screens.case import CaseScreen
from casetui.tui.screens.compare import CompareScreen
from casetui.tui.screens.sunset import SunsetScreen
from casetui.tui.widgets.case_sections import SECTIONS
from strategies import to_toml

from .app_support import back_to_library, build_app, check_screen, click_text
from .strategies import case_documents


@pytest.fixture(scope="module")
def folders(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """A fresh library folder for each example."""
    root = tmp_path_factory.mktemp("generated-app")
    return (root / str(n) for n in itertools.count())


async def _click_and_survive(pilot: Pilot[None], where: str) -> None:
    assert await click_text(pilot), f"{where}: the name is not on screen"
    assert pilot.app.is_running, f"{where}: clicking the name quit the app"


async def _one_case(pilot: Pilot[None], events: int) -> None:
    """The library, the case screen tab by tab, the sunset to its end, and workshop mode."""
    app = pilot.app
    assert isinstance(app, CaseTUI)
    check_screen(app, "library")
    await _click_and_survive(pilot, "library")
    await back_to_library(pilot)

    app.open_case("gen-a")
    await pilot.pause()
    assert isinstance(app.screen, CaseScreen)
    for number, name in enumerate(SECTIONS, 1):
        await pilot.press(str(number))
        check_screen(app, f"{name} tab", expect=None)
    await pilot.press("r", "1")  # reveal the trainer notes, then back to the overview
    check_screen(app, "overview")
    await _click_and_survive(pilot, "case screen")
    await back_to_library(pilot)

    if events:
        app.open_sunset("gen-a")
        await pilot.pause()
        assert isinstance(app.screen, SunsetScreen)
        await pilot.press("r", *["right"] * events, "r")  # one step past the end, where nothing happens
        assert app.screen.cursor.position == events - 1
        check_screen(app, "sunset at its end")
        await _click_and_survive(pilot, "sunset")
        await back_to_library(pilot)

    app.open_sunset("gen-a", present=True)
    await pilot.pause()
    await pilot.press(*["right"] * events, "r")
    check_screen(app, "workshop mode at its end")
    await _click_and_survive(pilot, "workshop mode")


async def _two_cases(pilot: Pilot[None]) -> None:
    """The comparison of two cases: the table with its filter and baseline, then the sunsets side by side."""
    app = pilot.app
    assert isinstance(app, CaseTUI)
    app.open_compare(["gen-a", "gen-b"])
    await pilot.pause()
    assert isinstance(app.screen, CompareScreen)
    await pilot.press("d", "n", "right", "b", "d")
    check_screen(app, "compare")
    await pilot.press("s")
    check_screen(app, "compare, sunsets side by side")
    await _click_and_survive(pilot, "compare")


def _run(folder: Path, docs: list[dict[str, Any]], tour: Callable[[Pilot[None]], Awaitable[None]]) -> None:
    folder.mkdir()
    for case_id, doc in zip(("gen-a", "gen-b"), docs, strict=False):
        (folder / f"{case_id}.toml").write_text(to_toml(doc), encoding="utf-8")
    app = build_app(folder)

    async def main() -> None:
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            assert not app.library.problems, [str(p) for p in app.library.problems]
            await tour(pilot)
            assert app.is_running

    asyncio.run(main())


APP = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
APP_EXAMPLES = 8
"""Each example drives the app through every screen (about 2 s of CPU): eight per test keep the suite
under three minutes while reaching cases of more shapes than the four this ran before."""


@pytest.mark.heavy
@settings(APP, max_examples=APP_EXAMPLES)
@given(doc=case_documents())
def test_a_generated_case_through_every_screen(folders: Any, doc: dict[str, Any]) -> None:
    events = len(doc.get("events", []))
    _run(next(folders), [doc], lambda pilot: _one_case(pilot, events))


@pytest.mark.heavy
@settings(APP, max_examples=APP_EXAMPLES)
@given(first=case_documents(), second=case_documents())
def test_two_generated_cases_compared(folders: Any, first: dict[str, Any], second: dict[str, Any]) -> None:
    _run(next(folders), [first, second], _two_cases)
