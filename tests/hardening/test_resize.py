"""Resize storms on every screen, and terminals without colour.

Thirty random sizes between 20x6 and 250x80 (a seeded RNG, so a failure repeats) on the library,
the case screen, the sunset, the comparison and workshop mode; then the screen must still answer
its keys. With `NO_COLOR` every screen still renders, headless and once in a real tmux.
"""

from __future__ import annotations

import os
import random
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from textual.events import Resize
from textual.geometry import Size
from textual.pilot import Pilot
from textual.widgets import TabbedContent

from casetui.tui.app import CaseTUI
from casetui.tui.screens.case import CaseScreen
from casetui.tui.screens.compare import CompareScreen
from casetui.tui.screens.library import LibraryScreen
from casetui.tui.screens.sunset import SunsetScreen
from casetui.tui.widgets.case_table import CaseTable

from .app_support import check_screen, screen_text
from .support import FIXTURES

SIZES = 30
MIN, MAX = (20, 6), (250, 80)


async def _storm(pilot: Pilot[None], seed: str) -> None:
    """Resize the terminal SIZES times at random, then to an extreme corner, then to an ordinary size.

    As a window being dragged does, the sizes come in bursts of five, faster than the screen can
    draw: the app handles every resize event and draws whichever size is current when it gets to it.
    """
    rng = random.Random(seed)
    for n in range(SIZES):
        size = Size(rng.randint(MIN[0], MAX[0]), rng.randint(MIN[1], MAX[1]))
        pilot.app._driver._size = size  # the headless driver's idea of the terminal, as resize_terminal sets it
        pilot.app.post_message(Resize(size, size))
        if n % 5 == 4:
            await pilot.pause()
    await pilot.resize_terminal(rng.choice([MIN[0], MAX[0]]), rng.choice([MIN[1], MAX[1]]))
    await pilot.resize_terminal(100, 30)
    await pilot.pause()


async def _library(pilot: Pilot[None]) -> None:
    table = pilot.app.screen.query_one(CaseTable)
    before = table.highlighted_id
    await pilot.press("down")
    assert table.highlighted_id != before


async def _case(pilot: Pilot[None]) -> None:
    await pilot.press("3")
    assert pilot.app.screen.query_one(TabbedContent).active == "timeline"


async def _sunset(pilot: Pilot[None]) -> None:
    screen = pilot.app.screen
    assert isinstance(screen, SunsetScreen)
    before = screen.cursor.position
    await pilot.press("right")
    assert screen.cursor.position == before + 1


async def _compare(pilot: Pilot[None]) -> None:
    await pilot.press("s")
    assert pilot.app.screen.query_one(TabbedContent).active == "tab-sunsets"


async def _open(app: CaseTUI, screen: str) -> None:
    if screen == "case":
        app.open_case("gamma-card")
    elif screen == "sunset":
        app.open_sunset("alpha-club")
    elif screen == "compare":
        app.open_compare(["alpha-club", "beta-market", "gamma-card"])
    elif screen == "present":
        app.open_sunset("alpha-club", present=True)


SCREENS: dict[str, tuple[type, Callable[[Pilot[None]], Awaitable[None]]]] = {
    "library": (LibraryScreen, _library),
    "case": (CaseScreen, _case),
    "sunset": (SunsetScreen, _sunset),
    "compare": (CompareScreen, _compare),
    "present": (SunsetScreen, _sunset),
}


@pytest.mark.parametrize("name", list(SCREENS))
def test_every_screen_survives_a_resize_storm(app_factory, drive, name: str) -> None:
    kind, responds = SCREENS[name]

    async def scenario(pilot: Pilot[None]) -> None:
        app = pilot.app
        assert isinstance(app, CaseTUI)
        await _open(app, name)
        await pilot.pause()
        await _storm(pilot, f"storm-{name}")
        assert isinstance(app.screen, kind), type(app.screen)
        await responds(pilot)
        check_screen(app, name, expect=None)
        assert screen_text(app).strip()
        await pilot.press("question_mark")  # the keys help opens over it and closes again
        await pilot.press("question_mark")
        assert isinstance(app.screen, kind)

    drive(app_factory(), scenario, size=(100, 30))


WORDS = {
    "library": "Alpha Club",
    "case": "Gamma Card [/]",
    "sunset": "Alpha Club",
    "compare": "Beta Market",
    "present": "WORKSHOP",
}
"""Text each screen shows, from the fixture library."""


def test_every_screen_renders_without_colour(app_factory, drive, monkeypatch: pytest.MonkeyPatch) -> None:
    """`NO_COLOR=1` (Textual drops to monochrome): every screen still renders its content."""
    monkeypatch.setenv("NO_COLOR", "1")
    app = app_factory()
    assert app.no_color

    async def scenario(pilot: Pilot[None]) -> None:
        for name in WORDS:
            await _open(pilot.app, name)  # type: ignore[arg-type]
            await pilot.pause()
            check_screen(pilot.app, name, expect=WORDS[name])  # type: ignore[arg-type]
            if name in ("case", "sunset", "compare"):
                await pilot.press("escape")
                await pilot.pause()

    drive(app, scenario, size=(100, 30))


TMUX = shutil.which("tmux")
CASETUI = Path(sys.executable).with_name("casetui")


@pytest.mark.skipif(TMUX is None or not CASETUI.exists(), reason="needs tmux and the casetui console script")
def _settled_library(screen: str) -> bool:
    """The library as it stays: every case, the count and, on the last line, the footer's keys."""
    lines = screen.rstrip("\n").splitlines()
    cases = all(name in screen for name in ("Alpha Club", "Beta Market", "Gamma Card"))
    return cases and "3/3" in screen and bool(lines) and "q Quit" in lines[-1] and "? Keys" in lines[-1]


def test_the_app_in_a_real_terminal_without_colour(tmp_path: Path) -> None:
    """`NO_COLOR=1 TERM=xterm` in tmux, 80x24: the library shows, stacked, with its footer; `q` quits.

    The screen is polled until it has settled (however busy the machine), and only then judged.
    """
    assert TMUX is not None
    session = f"casetui-hard-{uuid.uuid4().hex[:8]}"
    env = dict(os.environ)
    # A tmux server that is already running would not pass this process's environment on: set it inline.
    private = {
        "NO_COLOR": "1",
        "TERM": "xterm",
        "CASETUI_CASES": "",
        "CASETUI_CACHE_DIR": str(tmp_path / "cache"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
    }
    if "PYTHONPATH" in os.environ:  # the working tree's casetui rather than the installed one (tests/conftest.py)
        private["PYTHONPATH"] = os.environ["PYTHONPATH"]
    settings = " ".join(f"{name}={shlex.quote(value)}" for name, value in private.items())
    # -u: the pane is the terminal, whatever COLUMNS or LINES the tmux server was started with.
    program = f"{shlex.quote(str(CASETUI))} --no-bundled --cases {shlex.quote(str(FIXTURES))}"
    command = f"env -u COLUMNS -u LINES {settings} {program}"
    subprocess.run([TMUX, "new-session", "-d", "-s", session, "-x", "80", "-y", "24", command], env=env, check=True)

    def capture() -> str:
        result = subprocess.run([TMUX, "capture-pane", "-p", "-t", session], capture_output=True, text=True, env=env)
        return result.stdout

    try:
        screen = capture()
        deadline = time.monotonic() + 120  # generous: two busy cores can take many seconds to start Python
        while not _settled_library(screen) and time.monotonic() < deadline:
            time.sleep(0.1)
            screen = capture()
        assert _settled_library(screen), screen
        lines = screen.rstrip("\n").splitlines()
        assert "casetui" in lines[0]
        # At 80 columns the preview sits under the table (its top border across the width), not beside it.
        assert any(line.strip() and set(line.strip()) == {"▔"} for line in lines), screen
        assert "▊" not in screen, screen
        assert "Traceback" not in screen
        subprocess.run([TMUX, "send-keys", "-t", session, "q"], env=env, check=True)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            alive = subprocess.run([TMUX, "has-session", "-t", session], env=env, capture_output=True, check=False)
            if alive.returncode != 0:
                break  # the app quit, and the session with it
            time.sleep(0.1)
        else:
            pytest.fail("q did not quit the app in tmux")
    finally:
        subprocess.run([TMUX, "kill-session", "-t", session], env=env, capture_output=True, check=False)
