"""The footer shows each screen's keys in the current language, and is rebuilt only when they change."""

from __future__ import annotations

import re

import pytest
from textual.pilot import Pilot
from textual.widgets._footer import FooterKey

from casetui.tui.screens.help import HelpScreen
from casetui.tui.widgets.footer import KeysFooter


def footer_line(app) -> str:
    return " ".join(" ".join(key.render().plain.split()) for key in app.screen.query(FooterKey))


def test_the_footer_follows_the_screen_and_the_language(app_factory, drive) -> None:
    async def scenario(pilot: Pilot[None]) -> None:
        app = pilot.app
        assert "/ Search" in footer_line(app) and "m Mark" in footer_line(app)
        await pilot.press("enter")  # open the highlighted case
        await pilot.pause()
        assert "esc Back" in footer_line(app) and "m Mark" not in footer_line(app)
        await pilot.press("L")
        await pilot.pause()
        assert "返回" in footer_line(app)
        await pilot.press("escape")
        await pilot.pause()
        assert "搜索" in footer_line(app), "the library's footer did not follow the language switch"
        await pilot.press("L")
        await pilot.pause()
        assert "/ Search" in footer_line(app)

    drive(app_factory(), scenario)


@pytest.mark.frames
def test_the_footer_keeps_its_keys_when_nothing_it_shows_changed(app_factory, drive) -> None:
    """Screens report binding changes several times over when they open; rebuilding for nothing flickers."""

    async def scenario(pilot: Pilot[None]) -> None:
        footer = pilot.app.screen.query_one(KeysFooter)
        keys = list(footer.query(FooterKey))
        assert keys
        pilot.app.screen.refresh_bindings()
        await pilot.pause()
        assert list(footer.query(FooterKey)) == keys
        await pilot.press("L")
        await pilot.pause()
        assert list(footer.query(FooterKey)) != keys, "a language switch must rebuild the keys"

    drive(app_factory(), scenario)


def test_an_app_started_in_chinese_shows_its_own_keys_in_chinese(app_factory, drive) -> None:
    async def scenario(pilot: Pilot[None]) -> None:
        line = footer_line(pilot.app)
        assert "q 退出" in line and "/ 搜索" in line, line
        assert "Quit" not in line

    drive(app_factory(lang="zh"), scenario)


SCREENS = ("library", "case", "compare", "sunset", "overview")
"""Each screen reached from the library of the fixture cases, in this order."""


async def visit(pilot: Pilot[None]):
    """Yield each screen's name once it is on display: library, case, compare, sunset, overview."""
    yield "library"
    for keys, name in (
        (("enter",), "case"),
        (("escape", "m", "down", "m", "c"), "compare"),
        (("escape", "t"), "sunset"),
        (("escape", "o"), "overview"),
    ):
        await pilot.press(*keys)
        await pilot.pause()
        yield name


def bottom_line(app) -> str:
    return app.screen._compositor.render_strips()[-1].text


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("present", [None, "alpha-club"], ids=["screens", "workshop"])
def test_every_footer_keeps_help_and_language_at_80_columns(app_factory, drive, lang: str, present: str | None) -> None:
    help_key = "? Keys" if lang == "en" else "? 按键"
    lang_key = re.compile(r"L (中文|English|EN)\b")
    seen: list[str] = []

    async def scenario(pilot: Pilot[None]) -> None:
        screens = visit(pilot) if present is None else _one("workshop")
        async for name in screens:
            await pilot.pause()
            line = bottom_line(pilot.app)
            assert help_key in line, (name, line)
            assert lang_key.search(line), (name, line)
            seen.append(name)

    drive(app_factory(lang=lang, present=present), scenario, size=(80, 24))
    assert seen == (list(SCREENS) if present is None else ["workshop"])


async def _one(name: str):
    yield name


@pytest.mark.frames
@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("present", [None, "alpha-club"], ids=["screens", "workshop"])
def test_every_screen_help_lists_each_key_once(app_factory, drive, lang: str, present: str | None) -> None:
    async def scenario(pilot: Pilot[None]) -> None:
        screens = visit(pilot) if present is None else _one("workshop")
        async for name in screens:
            await pilot.press("question_mark")
            await pilot.pause()
            help_screen = pilot.app.screen
            assert isinstance(help_screen, HelpScreen), name
            keys = [key for entry in help_screen.keys for key in entry.key.split()]
            duplicates = {key for key in keys if keys.count(key) > 1}
            assert not duplicates, (name, duplicates)
            await pilot.press("escape")
            await pilot.pause()

    drive(app_factory(lang=lang, present=present), scenario, size=(80, 24))


def test_the_footer_fits_more_keys_when_the_terminal_widens(app_factory, drive) -> None:
    async def scenario(pilot: Pilot[None]) -> None:
        await pilot.press("m", "down", "m", "c")
        await pilot.pause()
        assert "Table/sunsets" not in bottom_line(pilot.app)  # shortened to "View" at 80 columns
        await pilot.resize_terminal(140, 30)
        await pilot.pause()
        await pilot.pause()
        assert "s Table/sunsets" in bottom_line(pilot.app)
        assert "^p palette" in bottom_line(pilot.app)

    drive(app_factory(), scenario, size=(80, 24))
