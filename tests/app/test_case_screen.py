"""The case screen: seven tabs of one case, its sources beside its facts, notes hidden until revealed."""

from __future__ import annotations

import pytest
from textual.pilot import Pilot
from textual.widgets import TabbedContent

from casetui.tui.screens.case import CaseScreen
from casetui.tui.screens.library import LibraryScreen


async def open_case(pilot: Pilot[None], downs: int = 0) -> CaseScreen:
    """From the library, open the case `downs` rows below the first (sorted by name)."""
    for _ in range(downs):
        await pilot.press("down")
    await pilot.press("enter")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, CaseScreen)
    return screen


def test_enter_opens_the_overview_and_escape_goes_back(app_factory, drive, screen_text) -> None:
    async def scenario(pilot: Pilot[None]) -> None:
        screen = await open_case(pilot)
        assert screen.case.id == "alpha-club"
        text = screen_text(pilot.app)
        assert "Alpha Club — Alpha Group" in text  # the header
        assert "1 Overview" in text and "7 Questions" in text
        assert "Notice period    59 days" in text
        assert "Announced (T-0)" in text
        assert "Low repurchase." in text
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(pilot.app.screen, LibraryScreen)

    drive(app_factory(), scenario)


def test_number_keys_switch_tabs_and_each_tab_shows_its_section(app_factory, drive, screen_text) -> None:
    async def scenario(pilot: Pilot[None]) -> None:
        screen = await open_case(pilot)
        tabs = screen.query_one(TabbedContent)
        expected = {
            "2": ("model", ["Membership social e-commerce", "Membership fee", "396", "CNY", "one-off", "[notice]"]),
            "3": ("timeline", ["2022-01-17", "10:00 +08:00", "T+0", "T+59d", "announcement", "stops: Ordering"]),
            "4": ("sources", ["[notice] Shutdown notice", "Example Daily · 2022-01-18"]),
            "5": ("quotes", ["“We were not ready.”", "A spokesperson [notice]"]),
            "6": ("lessons", ["1. Membership fees do not buy loyalty. [notice]"]),
            "7": ("questions", ["Was one month of notice enough?", "At event:"]),
            "1": ("overview", ["Final shutdown"]),
        }
        for key, (tab, fragments) in expected.items():
            await pilot.press(key)
            await pilot.pause()
            assert tabs.active == tab
            text = screen_text(pilot.app)
            for fragment in fragments:
                assert fragment in text, (tab, fragment)
        await pilot.press("right_square_bracket")
        assert tabs.active == "model"
        await pilot.press("left_square_bracket", "left_square_bracket")
        assert tabs.active == "questions"

    drive(app_factory(), scenario)


def test_timeline_keeps_the_precision_the_author_wrote(app_factory, drive, screen_text) -> None:
    async def scenario(pilot: Pilot[None]) -> None:
        await open_case(pilot, downs=1)  # Beta Market: month-precision dates
        await pilot.press("3")
        await pilot.pause()
        text = screen_text(pilot.app)
        assert "2021-08" in text and "2021-09" in text
        assert "2021-08-01" not in text and "2021-09-01" not in text
        assert "T+1mo" in text

    drive(app_factory(), scenario)


def test_trainer_notes_stay_hidden_until_r(app_factory, drive, screen_text) -> None:
    async def scenario(pilot: Pilot[None]) -> None:
        await open_case(pilot)
        await pilot.press("7")
        await pilot.pause()
        assert "Compare with the two-month total." not in screen_text(pilot.app)
        assert "Trainer notes hidden" in screen_text(pilot.app)
        await pilot.press("r")
        await pilot.pause()
        assert "Trainer notes: Compare with the two-month total." in screen_text(pilot.app)
        await pilot.press("r")
        await pilot.pause()
        assert "Compare with the two-month total." not in screen_text(pilot.app)

    drive(app_factory(), scenario)


@pytest.mark.frames
def test_t_opens_the_sunset_of_this_case(app_factory, drive) -> None:
    async def scenario(pilot: Pilot[None]) -> None:
        await open_case(pilot, downs=2)
        await pilot.press("t")
        await pilot.pause()
        screen = pilot.app.screen
        assert type(screen).__name__ == "SunsetScreen"
        assert screen.case.id == "gamma-card"

    drive(app_factory(), scenario)


def test_markup_in_every_tab_stays_literal(app_factory, drive, screen_text) -> None:
    async def scenario(pilot: Pilot[None]) -> None:
        await open_case(pilot, downs=2)  # Gamma Card
        text = screen_text(pilot.app)
        assert "Gamma Card [/] — Gamma [@click=app.quit]quit[/]" in text
        assert "[bold]markup[/bold], [TODO] Q3" in text
        await pilot.press("3")
        await pilot.pause()
        assert "Pause announced [@click=app.quit]" in screen_text(pilot.app)
        for key in "24567":
            await pilot.press(key)
        await pilot.click("#timeline-scroll")

    drive(app_factory(), scenario)


def test_language_switch_rerenders_the_open_case(app_factory, drive, screen_text) -> None:
    async def scenario(pilot: Pilot[None]) -> None:
        await open_case(pilot)
        await pilot.press("L")
        await pilot.pause()
        text = screen_text(pilot.app)
        assert "阿尔法会员店 — 阿尔法集团" in text
        assert "1 概览" in text and "2 商业模式" in text
        assert "通知期" in text and "59天" in text
        assert "返回" in text  # the footer speaks Chinese too
        await pilot.press("L")
        await pilot.pause()
        assert "Alpha Club — Alpha Group" in screen_text(pilot.app)

    drive(app_factory(), scenario)


def test_the_timeline_gives_the_title_the_room_at_80x24(app_factory, drive, screen_text) -> None:
    async def scenario(pilot: Pilot[None]) -> None:
        await open_case(pilot)  # Alpha Club
        await pilot.press("3")
        await pilot.pause()
        lines = screen_text(pilot.app).splitlines()
        # Each title whole on its line, beside its date and kind; its source on a line of its own below.
        assert any("announcement" in line and "Shutdown announced; check-in stops" in line for line in lines)
        assert any("shutdown" in line and "Withdrawals close; app shut down" in line for line in lines)
        assert not any("…" in line for line in lines)

    drive(app_factory(), scenario, size=(80, 24))


LONG_ZH = (
    "2019 年上线，采用 S2B2C 模式：普通消费者购买固定金额的商品后即可入会，分享商品赚取佣金，"
    "发货和售后由供货商负责（据公开报道）。"
)


def test_chinese_case_text_wraps_whole_by_the_punctuation_rules(app_factory, drive, screen_text, tmp_path) -> None:
    (tmp_path / "long-zh.toml").write_text(
        'format = 1\n[case]\nname = "Long"\nstatus = "active"\nsummary = "s"\n[model]\ntype = "t"\n'
        f'how = {{ en = "h", zh = "{LONG_ZH}" }}\n'
        f'[[lessons]]\ntext = {{ en = "l", zh = "{LONG_ZH}" }}\n',
        encoding="utf-8",
    )

    async def scenario(pilot: Pilot[None]) -> None:
        await open_case(pilot)
        await pilot.press("L")
        for tab in ("6", "2"):  # The lessons, then the model table's value column
            await pilot.press(tab)
            await pilot.pause()
            lines = [line.strip() for line in screen_text(pilot.app).splitlines()]
            start = next(n for n, line in enumerate(lines) if "2019" in line)
            block = lines[start : start + 8]
            assert LONG_ZH.replace(" ", "") in "".join(block).replace(" ", ""), block
            assert not any(line.startswith(("，", "。", "：", "）")) for line in block[1:]), block
            assert not any(line.endswith("（") for line in block), block

    drive(app_factory(tmp_path), scenario, size=(60, 24))
