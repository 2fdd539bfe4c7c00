"""App fixtures shared by every test folder that drives the app (app, stats, hardening).

Registered from tests/conftest.py; a folder's own conftest may override one (hardening builds its
apps its own way).
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from rich.console import RenderableType
from textual._compositor import Compositor
from textual.geometry import Region
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widget import Widget

from casetui.tui.app import CaseTUI
from casetui.tui.factory import make_app

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "library"


@pytest.fixture
def fixture_dir() -> Path:
    """The stable, fictional test library."""
    return FIXTURES


@pytest.fixture
def app_factory() -> Callable[..., CaseTUI]:
    """Build the app over the fixture library (or given folders), without the bundled cases."""

    def build(*dirs: Path, lang: str = "en", present: str | None = None, spoilers: bool = True) -> CaseTUI:
        app = make_app(list(dirs) or [FIXTURES], lang=lang, present=present, bundled=False, env="", spoilers=spoilers)
        app.animation_level = "none"
        return app

    return build


@pytest.fixture
def read_text() -> Callable[[Widget], str]:
    """What a widget shows on screen, as plain text lines (borders and padding included)."""

    def read(widget: Widget) -> str:
        width, height = widget.outer_size
        strips = widget.render_lines(Region(0, 0, width, height))
        return "\n".join("".join(segment.text for segment in strip).rstrip() for strip in strips)

    return read


Scenario = Callable[[Pilot[None]], Awaitable[None]]


@pytest.fixture
def drive() -> Callable[..., None]:
    """Run `scenario(pilot)` against an app in a headless terminal; plain pytest, no async plugin.

    Usage: `drive(app, scenario, size=(120, 40))`. The app must still be running at the end unless
    the scenario expects it to quit (`expect_exit=True`).
    """

    def run(app: CaseTUI, scenario: Scenario, size: tuple[int, int] = (120, 40), expect_exit: bool = False) -> None:
        async def main() -> None:
            async with app.run_test(size=size, notifications=True) as pilot:
                await pilot.pause()
                await scenario(pilot)
                if not expect_exit:
                    assert app.is_running, "the app quit during the scenario"

        asyncio.run(main())

    return run


@pytest.fixture
def screen_text() -> Callable[[CaseTUI], str]:
    """Everything the app's current screen shows, as plain text lines (wide characters once each)."""

    def read(app: CaseTUI) -> str:
        strips = app.screen._compositor.render_strips()
        return "\n".join(strip.text.rstrip() for strip in strips)

    return read


@pytest.fixture
def snap_app(app_factory: Callable[..., CaseTUI]) -> Callable[..., CaseTUI]:
    """An app for SVG snapshots: the fixture library, a fixed theme, no animation."""

    def build(*dirs: Path, lang: str = "en") -> CaseTUI:
        app = app_factory(*dirs, lang=lang)
        app.theme = "textual-dark"
        return app

    return build


@pytest.fixture
def frames_drawn_only_when_read(monkeypatch: pytest.MonkeyPatch) -> None:
    """Skip drawing the frames a headless app throws away, for tests that read every screen they check.

    Textual draws each frame for the terminal even under `run_test`, where the headless driver drops
    it (`App._display` returns before writing). A test that reads the screen itself, with
    `render_strips` (or `lines_in` for part of it) at every position it checks, sees the same
    compositor either way: the layout is still refreshed, only the dropped frame is not drawn. Those
    frames were a third of test_no_text_lost's CPU; the sunset proof's steps cost more than their
    frames (a tenth there).
    Not for tests that only look at widget state, nor for those hunting rendering errors: there the
    frame is where an error shows. In tests/app it is the default (tests/app/conftest.py), and such a
    test is marked `frames`.
    """

    draw = Compositor.render_update

    def discard(
        self: Compositor, full: bool = False, screen_stack: list[Screen] | None = None, simplify: bool = False
    ) -> RenderableType | None:
        if full:  # Only a screenshot (`App.export_screenshot`) asks for a full frame: it is drawn.
            return draw(self, full, screen_stack, simplify)
        self._dirty_regions.clear()  # What the dropped frame would have repainted.
        return None

    monkeypatch.setattr(Compositor, "render_update", discard)
