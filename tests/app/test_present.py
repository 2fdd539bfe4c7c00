"""Workshop mode (`casetui present ID`): the sunset full screen with large figures."""

from __future__ import annotations

import pytest
from textual.pilot import Pilot
from textual.widgets import Digits, Header

from casetui.tui.screens.sunset import SunsetScreen
from casetui.tui.widgets.event_card import QuestionList


def figures(screen: SunsetScreen) -> tuple[str, str]:
    """The two large figures: days from the announcement, and what is left to the shutdown."""
    return screen.query_one("#offset-digits", Digits).value, screen.query_one("#left-digits", Digits).value


def test_present_mode_counts_down_in_large_figures(drive, app_factory, read_text) -> None:
    async def scenario(pilot: Pilot[None]) -> None:
        screen = pilot.app.screen
        assert isinstance(screen, SunsetScreen)
        assert screen.present
        assert not screen.query(Header)
        assert figures(screen) == ("-3", "3")  # The launch, written as a year: 3 years before.
        assert "years before the announcement" in read_text(screen.query_one("#offset-caption"))
        await pilot.press("right")
        assert figures(screen) == ("0", "59")
        assert "days to the final shutdown" in read_text(screen.query_one("#left-caption"))
        await pilot.press("right")
        assert figures(screen) == ("+31", "28")
        await pilot.press("end")
        assert figures(screen) == ("+59", "0")

    drive(app_factory(present="alpha-club"), scenario)


def test_present_mode_hides_notes_until_revealed(drive, app_factory, read_text) -> None:
    async def scenario(pilot: Pilot[None]) -> None:
        questions = pilot.app.screen.query_one(QuestionList)
        await pilot.press("right")
        assert "Was one month of notice enough?" in read_text(questions)
        assert "two-month total" not in read_text(questions)
        await pilot.press("r")
        assert "two-month total" in read_text(questions)

    drive(app_factory(present="alpha-club"), scenario)


@pytest.mark.frames
def test_escape_quits_present_mode(drive, app_factory) -> None:
    async def scenario(pilot: Pilot[None]) -> None:
        await pilot.press("right", "escape")
        await pilot.pause()
        assert pilot.app.return_code == 0

    drive(app_factory(present="alpha-club"), scenario, expect_exit=True)


@pytest.mark.frames
def test_q_quits_present_mode(drive, app_factory) -> None:
    async def scenario(pilot: Pilot[None]) -> None:
        await pilot.press("q")
        await pilot.pause()
        assert pilot.app.return_code == 0

    drive(app_factory(present="beta-market"), scenario, expect_exit=True)


def test_present_mode_in_chinese_and_at_small_sizes(drive, app_factory, read_text) -> None:
    for size in ((80, 24), (20, 6)):

        async def scenario(pilot: Pilot[None]) -> None:
            screen = pilot.app.screen
            assert isinstance(screen, SunsetScreen)
            await pilot.press("right", "r")
            assert "宣布关停" in read_text(screen.query_one("#event-card"))
            # Large figures need the room: below 24 rows they give way to the event.
            assert screen.query_one("#figures").display is (pilot.app.size.height >= 24)

        drive(app_factory(lang="zh", present="alpha-club"), scenario, size=size)


def test_present_without_spoilers_hides_the_countdown_until_the_end(drive, app_factory, read_text) -> None:
    async def scenario(pilot: Pilot[None]) -> None:
        screen = pilot.app.screen
        assert isinstance(screen, SunsetScreen)
        assert figures(screen)[1] == "--"
        assert "to the final shutdown: hidden" in read_text(screen.query_one("#left-caption"))
        assert "Notice" not in read_text(screen.query_one("#sunset-notice"))
        await pilot.press("right")
        assert figures(screen) == ("0", "--")  # The announcement is reached; the end is not.
        await pilot.press("end")
        assert figures(screen) == ("+59", "0")
        assert "Notice" in read_text(screen.query_one("#sunset-notice"))
        await pilot.press("left")
        assert figures(screen) == ("+31", "--")

    drive(app_factory(present="alpha-club", spoilers=False), scenario)
