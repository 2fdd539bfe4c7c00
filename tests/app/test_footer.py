"""The footer shows each screen's keys in the current language, and is rebuilt only when they change."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widgets._footer import FooterKey

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
