"""Reading and clicking the app's screen in the hardening tests."""

from __future__ import annotations

from pathlib import Path

from rich.cells import cell_len
from textual.geometry import Region
from textual.pilot import Pilot
from textual.widget import Widget

from casetui.tui.app import CaseTUI
from casetui.tui.factory import make_app

from .strategies import CLICK
from .support import FIXTURES, UNSAFE_TEXT


def build_app(*dirs: Path, lang: str = "en", present: str | None = None) -> CaseTUI:
    """The app over the given folders (the fixture library by default), without the bundled cases."""
    app = make_app(list(dirs) or [FIXTURES], lang=lang, present=present, bundled=False, env="")
    app.animation_level = "none"
    return app


def screen_text(app: CaseTUI) -> str:
    """Everything the current screen shows, as plain text lines (wide characters once each)."""
    strips = app.screen._compositor.render_strips()
    return "\n".join(strip.text.rstrip() for strip in strips)


def widget_text(widget: Widget) -> str:
    """All a widget shows, including what is scrolled out of view, as plain text lines."""
    width, height = widget.outer_size
    strips = widget.render_lines(Region(0, 0, width, height))
    return "\n".join("".join(segment.text for segment in strip).rstrip() for strip in strips)


def check_screen(app: CaseTUI, where: str, expect: str | None = CLICK) -> str:
    """The screen shows no terminal control and, unless `expect` is None, shows `expect` literally."""
    text = screen_text(app)
    assert not UNSAFE_TEXT.search(text), (where, sorted(set(UNSAFE_TEXT.findall(text))))
    if expect is not None:
        assert expect in text, f"{where}: {expect!r} is not on screen:\n{text}"
    return text


async def click_text(pilot: Pilot[None], needle: str = CLICK) -> bool:
    """Click the first place `needle` shows on screen; False when it is not there.

    A click on markup that had been interpreted would run `app.quit`; the caller checks the app runs.
    """
    for y, line in enumerate(screen_text(pilot.app).splitlines()):  # type: ignore[arg-type]
        index = line.find(needle)
        if index >= 0:
            await pilot.click(offset=(cell_len(line[:index]) + 2, y))
            await pilot.pause()
            return True
    return False


async def back_to_library(pilot: Pilot[None]) -> None:
    """Close every screen above the library."""
    app = pilot.app
    while len(app.screen_stack) > 1:
        app.pop_screen()
        await pilot.pause()
