"""No case text is lost: every text of every bundled case can be read in full, at 80x24 and 120x40, in both languages.

The pilot goes where a person goes — the library's preview pane and every tab of the case screen
(with `r` for the trainer notes) — scrolls each view to its end with the keyboard, and looks for each
text on what was shown (helpers in tests/app/reading.py). One app per size and language walks every
case, back and forth between the library and the case screen; the Chinese one gets there with `L`.
Every step of the sunset and of the workshop screen (with `r`), where the events and their questions
and notes are read, is covered the same way in tests/app/test_sunset_reading.py.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from textual.pilot import Pilot

from casetui.library import bundled_dir
from casetui.model import Case
from casetui.tui.app import CaseTUI
from casetui.tui.factory import make_app
from casetui.tui.screens.case import CaseScreen
from casetui.tui.screens.library import LibraryScreen
from casetui.tui.widgets.case_sections import SECTIONS
from casetui.tui.widgets.case_table import CaseTable
from casetui.tui.widgets.preview import CasePreview

from .reading import Reading, reading_texts

CASE_IDS = sorted(path.stem for path in bundled_dir().glob("*.toml"))
SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]
LANGS = ("en", "zh")


def bundled_app(present: str | None = None) -> CaseTUI:
    app = make_app([], lang=LANGS[0], present=present, bundled=True, env="")
    app.animation_level = "none"
    return app


def the_case(app: CaseTUI, case_id: str) -> Case:
    case = app.library.get(case_id)
    assert case is not None, f"bundled case {case_id} did not load"
    return case


async def switch_language(pilot: Pilot[None], lang: str) -> None:
    if pilot.app.lang != lang:  # type: ignore[attr-defined]
        await pilot.press("L")
        await pilot.pause()
    assert pilot.app.lang == lang  # type: ignore[attr-defined]


async def read_preview(pilot: Pilot[None], case_id: str, reading: Reading) -> None:
    """The library's preview of the case, focused with tab and scrolled."""
    screen = pilot.app.screen
    assert isinstance(screen, LibraryScreen)
    table = screen.query_one(CaseTable)
    table.focus()
    table.move_to(case_id)
    await pilot.pause()
    preview = screen.query_one(CasePreview)
    for _ in range(4):
        if preview.has_focus:
            break
        await pilot.press("tab")
    await reading.add_scrollable(pilot, preview)


async def read_case_screen(pilot: Pilot[None], reading: Reading) -> None:
    """Every tab of the case screen, then the questions again with the trainer notes (`r`)."""
    await pilot.press("enter")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, CaseScreen)
    for number, name in enumerate(SECTIONS, 1):
        await pilot.press(str(number))  # `press` returns once the tab is shown: no `pause` needed.
        await reading.add_scrollable(pilot, screen.query_one(f"#{name}-scroll"))
    await pilot.press("r")
    await reading.add_scrollable(pilot, screen.query_one("#questions-scroll"))
    await pilot.press("escape")
    await pilot.pause()


def report(missing: dict[str, dict[str, str]]) -> str:
    return "\n".join(f"{case} {name}: {text[:80]!r}" for case, texts in missing.items() for name, text in texts.items())


@pytest.mark.heavy
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("size", SIZES)
def test_every_text_is_read_whole_in_the_library_and_the_case_screen(
    size: tuple[int, int], lang: str, drive: Callable[..., None]
) -> None:
    app = bundled_app()
    missing: dict[str, dict[str, str]] = {}

    async def scenario(pilot: Pilot[None]) -> None:
        await switch_language(pilot, lang)
        for case_id in CASE_IDS:
            reading = Reading()
            await read_preview(pilot, case_id, reading)
            await read_case_screen(pilot, reading)
            lost = reading.missing(reading_texts(the_case(app, case_id), lang))
            if lost:
                missing[case_id] = lost

    drive(app, scenario, size=size)
    assert not missing, f"not shown whole anywhere ({lang}):\n" + report(missing)
