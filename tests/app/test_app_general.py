"""What holds on every screen: keys help, quit, language, theme, command palette, small terminals."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from textual.command import CommandPalette
from textual.pilot import Pilot

from casetui.tui.screens.case import CaseScreen
from casetui.tui.screens.help import HelpScreen
from casetui.tui.screens.library import LibraryScreen
from casetui.tui.widgets.case_table import CaseTable


def test_question_mark_lists_the_keys_of_the_current_screen(app_factory, drive, screen_text) -> None:
    async def scenario(pilot: Pilot[None]) -> None:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(pilot.app.screen, HelpScreen)
        text = screen_text(pilot.app)
        for key, description in (("m", "Mark"), ("c", "Compare"), ("t", "Sunset"), ("q", "Quit"), ("L", "中文")):
            assert re.search(rf"\b{key} +{description}", text), (key, description)
        assert "Copy selected" not in text  # Textual's own keys are not casetui's to explain
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(pilot.app.screen, LibraryScreen)
        await pilot.press("enter", "question_mark")
        await pilot.pause()
        text = screen_text(pilot.app)
        assert re.search(r"r +Notes", text) and re.search(r"3 +Timeline", text)
        assert "Compare" not in text  # a library key, not a case-screen one
        await pilot.press("question_mark")  # ? closes it too
        await pilot.pause()
        assert isinstance(pilot.app.screen, CaseScreen)

    drive(app_factory(), scenario)


@pytest.mark.frames
def test_q_quits_from_any_screen(app_factory, drive) -> None:
    async def scenario(pilot: Pilot[None]) -> None:
        await pilot.press("enter", "3")
        await pilot.press("q")
        await pilot.pause()
        assert not pilot.app.is_running

    drive(app_factory(), scenario, expect_exit=True)


@pytest.mark.frames
def test_escape_walks_back_through_the_screens(app_factory, drive) -> None:
    async def scenario(pilot: Pilot[None]) -> None:
        await pilot.press("enter", "t")
        await pilot.pause()
        assert len(pilot.app.screen_stack) == 3
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(pilot.app.screen, CaseScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(pilot.app.screen, LibraryScreen)

    drive(app_factory(), scenario)


def test_shift_l_switches_the_library_to_chinese_live(app_factory, drive, screen_text) -> None:
    async def scenario(pilot: Pilot[None]) -> None:
        await pilot.press("L")
        await pilot.pause()
        text = screen_text(pilot.app)
        assert "casetui — 案例库" in text
        assert "名称 ▲" in text and "状态" in text
        assert "阿尔法会员店" in text and "○ 已关停" in text
        assert "3年3个月" in text  # Beta Market's lifespan, in Chinese units
        assert "q 退出" in text and "L English" in text
        # Sorted by the Chinese names now, and the cursor stayed on the same case.
        assert pilot.app.screen.query_one(CaseTable).highlighted_id == "alpha-club"

    drive(app_factory(), scenario)


def test_chinese_cells_stay_aligned(app_factory, drive, screen_text) -> None:
    async def scenario(pilot: Pilot[None]) -> None:
        from rich.cells import cell_len

        lines = [line for line in screen_text(pilot.app).splitlines() if "已关停" in line or "暂停" in line]
        assert len(lines) >= 3
        starts = {cell_len(line[: line.index("○" if "○" in line else "‖")]) for line in lines}
        assert len(starts) == 1, lines  # every status starts in the same terminal column

    drive(app_factory(lang="zh"), scenario)


@pytest.mark.frames
def test_d_toggles_light_and_dark(app_factory, drive) -> None:
    async def scenario(pilot: Pilot[None]) -> None:
        app = pilot.app
        app.theme = "textual-dark"
        await pilot.press("d")
        assert app.theme == "textual-light"
        await pilot.press("d")
        assert app.theme == "textual-dark"

    drive(app_factory(), scenario)


async def palette(pilot: Pilot[None], query: str) -> None:
    await pilot.press("ctrl+p")
    await pilot.pause()
    assert isinstance(pilot.app.screen, CommandPalette)
    await pilot.press(*("space" if c == " " else c for c in query))
    await pilot.pause(0.2)


def test_palette_opens_a_case_found_by_its_chinese_name(app_factory, drive, screen_text) -> None:
    async def scenario(pilot: Pilot[None]) -> None:
        await palette(pilot, "阿尔法")
        assert "Open case: Alpha Club" in screen_text(pilot.app)
        await pilot.press("enter")
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, CaseScreen)
        assert screen.case.id == "alpha-club"

    drive(app_factory(), scenario)


def test_palette_shows_markup_literally_and_offers_compare_only_with_two_marks(app_factory, drive, screen_text) -> None:
    async def scenario(pilot: Pilot[None]) -> None:
        await palette(pilot, "gamma")
        text = screen_text(pilot.app)
        assert "Open case: Gamma Card [/]" in text
        assert "Mark for compare: Gamma Card [/]" in text
        await pilot.press("escape")
        await palette(pilot, "compare")
        assert "Compare marked cases" not in screen_text(pilot.app)
        await pilot.press("escape")
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("m", "down", "m")
        await palette(pilot, "compare")
        assert "Compare marked cases" in screen_text(pilot.app)
        await pilot.press("enter")
        await pilot.pause()
        assert type(pilot.app.screen).__name__ == "CompareScreen"

    drive(app_factory(), scenario)


@pytest.mark.frames
def test_palette_marks_a_case(app_factory, drive) -> None:
    async def scenario(pilot: Pilot[None]) -> None:
        await palette(pilot, "mark be")
        await pilot.press("enter")
        await pilot.pause()
        assert pilot.app.marked == ("beta-market",)

    drive(app_factory(), scenario)


@pytest.mark.frames
@pytest.mark.parametrize(("width", "height"), [(40, 12), (20, 6)])
def test_every_screen_survives_small_terminals(app_factory, drive, screen_text, width: int, height: int) -> None:
    async def scenario(pilot: Pilot[None]) -> None:
        library = pilot.app.screen
        assert library.has_class("-narrow") is (width < 110)
        assert library.has_class("-short") is (height < 22)
        for keys in (("question_mark",), ("escape", "enter"), ("3",), ("7", "r"), ("question_mark",), ("escape", "t")):
            await pilot.press(*keys)
            await pilot.pause()
            assert screen_text(pilot.app).strip()

    drive(app_factory(), scenario, size=(width, height))


@pytest.mark.frames
def test_resizing_moves_the_preview(app_factory, drive) -> None:
    async def scenario(pilot: Pilot[None]) -> None:
        screen = pilot.app.screen
        preview = screen.query_one("#preview")
        table = screen.query_one(CaseTable)
        assert preview.region.x > table.region.x  # beside the table
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert screen.has_class("-narrow")
        assert preview.region.y > table.region.y  # under it
        await pilot.resize_terminal(80, 16)
        await pilot.pause()
        assert not preview.display or preview.region.height == 0

    drive(app_factory(), scenario)


@pytest.mark.frames
def test_present_mode_opens_the_sunset_full_screen(app_factory, drive) -> None:
    async def scenario(pilot: Pilot[None]) -> None:
        assert type(pilot.app.screen).__name__ == "SunsetScreen"
        assert pilot.app.screen.case.id == "alpha-club"

    drive(app_factory(present="alpha-club"), scenario)


def test_unknown_present_id_says_so_on_the_library(app_factory, drive, screen_text) -> None:
    async def scenario(pilot: Pilot[None]) -> None:
        assert isinstance(pilot.app.screen, LibraryScreen)
        text = screen_text(pilot.app)
        assert "No case with id alpha-clu." in text
        assert "alpha-club" in text

    drive(app_factory(present="alpha-clu"), scenario)


def test_an_empty_library_says_how_to_add_cases(app_factory, drive, screen_text, tmp_path: Path) -> None:
    async def scenario(pilot: Pilot[None]) -> None:
        assert "No cases found." in screen_text(pilot.app)
        await pilot.press("enter", "m", "t", "c", "s")  # nothing to act on, nothing breaks

    drive(app_factory(tmp_path), scenario)
