"""The sunset step-through: keys, the service board, offsets, questions, hostile text, sizes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from textual.pilot import Pilot

from casetui.tui.app import CaseTUI
from casetui.tui.factory import make_app
from casetui.tui.screens.sunset import SunsetScreen
from casetui.tui.widgets.event_card import EventCard, QuestionList, SourceList
from casetui.tui.widgets.ribbon import Ribbon
from casetui.tui.widgets.service_board import ServiceBoard

TITLES = (
    "Launch",
    "Shutdown announced; check-in stops",
    "Ordering stops",
    "Withdrawals close; app shut down",
)
"""alpha-club's events in order."""


async def open_sunset(pilot: Pilot[None], case_id: str = "alpha-club") -> SunsetScreen:
    app = pilot.app
    assert isinstance(app, CaseTUI)
    app.open_sunset(case_id)
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, SunsetScreen)
    return screen


def board_line(board_text: str, service: str) -> str:
    """The board's line for one service."""
    return next(line for line in board_text.splitlines() if service in line)


def write_case(folder: Path, case_id: str, events: str, services: str = "") -> Path:
    """A minimal valid case file with the given `[services]` body and `[[events]]` tables."""
    folder.mkdir(parents=True, exist_ok=True)
    body = (
        'format = 1\n[case]\nname = "Made up"\nstatus = "active"\nsummary = "s"\n[model]\ntype = "t"\n'
        f"[services]\n{services}\n{events}"
    )
    path = folder / f"{case_id}.toml"
    path.write_text(body, encoding="utf-8")
    return path


def test_every_key_steps_through_the_events(drive, app_factory, read_text) -> None:
    async def scenario(pilot: Pilot[None]) -> None:
        screen = await open_sunset(pilot)
        card = screen.query_one(EventCard)
        shown = [next(t for t in TITLES if t in read_text(card))]
        for key in ("right", "space", "l", "l", "left", "h", "end", "home"):
            await pilot.press(key)
            shown.append(next(t for t in TITLES if t in read_text(card)))
        assert shown == [TITLES[i] for i in (0, 1, 2, 3, 3, 2, 1, 3, 0)]

    drive(app_factory(), scenario)


def test_service_board_changes_as_you_step(drive, app_factory, read_text) -> None:
    async def scenario(pilot: Pilot[None]) -> None:
        screen = await open_sunset(pilot)
        board = screen.query_one(ServiceBoard)

        text = read_text(board)
        assert all(board_line(text, s).endswith("on │") for s in ("Daily check-in", "Ordering", "Balance withdrawal"))
        assert "3 of 3 still on" in text

        await pilot.press("right")  # The announcement switches check-in off.
        text = read_text(board)
        assert "stops here" in board_line(text, "Daily check-in")
        assert board_line(text, "Ordering").endswith("on │")

        await pilot.press("right")  # The second stop: ordering.
        text = read_text(board)
        assert board_line(text, "Daily check-in").endswith("off │")
        assert "stops here" in board_line(text, "Ordering")
        assert board_line(text, "Balance withdrawal").endswith("on │")
        assert "1 of 3 still on" in text

        await pilot.press("end")
        text = read_text(board)
        assert board_line(text, "Ordering").endswith("off │")
        assert "stops here" in board_line(text, "Balance withdrawal")
        assert "0 of 3 still on" in text

        await pilot.press("left")  # Stepping back switches withdrawal on again.
        assert board_line(read_text(board), "Balance withdrawal").endswith("on │")

    drive(app_factory(), scenario)


def test_offset_and_time_left_are_shown(drive, app_factory, read_text) -> None:
    async def scenario(pilot: Pilot[None]) -> None:
        screen = await open_sunset(pilot)
        card = screen.query_one(EventCard)
        await pilot.press("right")
        text = read_text(card)
        assert "2022-01-17 10:00 +08:00" in text
        assert "T+0 from the announcement" in text
        assert "59 days to the final shutdown" in text
        assert "ANNOUNCEMENT" in text
        assert "Source: Shutdown notice · Example Daily · 2022-01-18" in read_text(screen.query_one(SourceList))
        await pilot.press("right")
        text = read_text(card)
        assert "T+31d from the announcement" in text
        assert "28 days to the final shutdown" in text
        await pilot.press("end")
        assert "at the final shutdown" in read_text(card)
        await pilot.press("home")
        assert "T-3y from the announcement" in read_text(card)

    drive(app_factory(), scenario)


def test_question_appears_at_its_event_with_notes_hidden_until_r(drive, app_factory, read_text) -> None:
    prompt, notes = "Was one month of notice enough?", "Compare with the two-month total."

    async def scenario(pilot: Pilot[None]) -> None:
        screen = await open_sunset(pilot)
        questions = screen.query_one(QuestionList)
        assert not questions.display

        await pilot.press("right")
        assert questions.display
        assert prompt in read_text(questions)
        assert notes not in read_text(questions)
        assert "press r to reveal" in read_text(questions)

        await pilot.press("r")
        assert notes in read_text(questions)
        await pilot.press("r")
        assert notes not in read_text(questions)

        await pilot.press("r", "right")
        assert not questions.display
        await pilot.press("left")  # Back at the question: the notes are hidden again.
        assert prompt in read_text(questions)
        assert notes not in read_text(questions)

    drive(app_factory(), scenario)


@pytest.mark.frames
def test_escape_closes_the_sunset(drive, app_factory) -> None:
    async def scenario(pilot: Pilot[None]) -> None:
        await open_sunset(pilot)
        await pilot.press("escape")
        assert not isinstance(pilot.app.screen, SunsetScreen)
        assert pilot.app.return_code is None

    drive(app_factory(), scenario)


def test_markup_in_case_text_stays_literal(drive, app_factory, read_text) -> None:
    async def scenario(pilot: Pilot[None]) -> None:
        screen = await open_sunset(pilot, "gamma-card")
        await pilot.press("end")
        assert "Pause announced [@click=app.quit]" in read_text(screen.query_one(EventCard))
        title = read_text(screen.query_one("#sunset-name"))
        assert "Gamma Card [/]" in title
        assert "Gamma [@click=app.quit]quit[/]" in title
        await pilot.click("#event-card")
        assert pilot.app.return_code is None

    drive(app_factory(), scenario)


def test_language_switch_rerenders_live(drive, app_factory, read_text) -> None:
    async def scenario(pilot: Pilot[None]) -> None:
        screen = await open_sunset(pilot)
        await pilot.press("right", "L")
        assert "阿尔法会员店" in read_text(screen.query_one("#sunset-name"))
        assert "宣布关停，停止签到" in read_text(screen.query_one(EventCard))
        board = read_text(screen.query_one(ServiceBoard))
        assert "本步停止" in board_line(board, "签到")
        assert "一个月的通知期够吗？" in read_text(screen.query_one(QuestionList))
        await pilot.press("L")
        assert "Alpha Club" in read_text(screen.query_one("#sunset-name"))

    drive(app_factory(), scenario)


def test_case_without_events_opens(drive, app_factory, read_text, tmp_path: Path) -> None:
    write_case(tmp_path, "empty", events="", services='a = "Lone shop"')

    async def scenario(pilot: Pilot[None]) -> None:
        screen = await open_sunset(pilot, "empty")
        assert "no events" in read_text(screen.query_one(EventCard))
        await pilot.press("right", "left", "end", "home", "r")
        board = read_text(screen.query_one(ServiceBoard))
        # With no event nothing ever stops: the one service stays on.
        (line,) = [line for line in board.splitlines() if "Lone shop" in line]
        assert line.split() == ["│", "●", "Lone", "shop", "on", "│"], board
        assert "1 of 1 still on" in board

    drive(app_factory(tmp_path), scenario)


def test_ten_thousand_events_are_windowed(drive, app_factory, read_text, tmp_path: Path) -> None:
    start = dt.date(2000, 1, 1)
    kinds = {0: "launch", 5000: "announcement", 9999: "shutdown"}
    events = "".join(
        f'[[events]]\ndate = {start + dt.timedelta(days=i)}\ntitle = "E{i}"\nkind = "{kinds.get(i, "milestone")}"\n'
        + ('ends = ["a"]\n' if i == 9999 else "")
        for i in range(10_000)
    )
    write_case(tmp_path, "many", events=events, services='a = "A"')

    async def scenario(pilot: Pilot[None]) -> None:
        screen = await open_sunset(pilot, "many")
        ribbon = screen.query_one(Ribbon)
        assert "1/10,000" in read_text(ribbon)
        assert "›" in read_text(ribbon)
        await pilot.press("end")
        assert "10,000/10,000" in read_text(ribbon)
        assert "‹" in read_text(ribbon)
        assert "E9999" in read_text(screen.query_one(EventCard))
        assert "stops here" in read_text(screen.query_one(ServiceBoard))
        await pilot.press("left")
        assert "9,999/10,000" in read_text(ribbon)
        assert "T+13y8mo" in read_text(screen.query_one(EventCard))

    drive(app_factory(tmp_path), scenario)


@pytest.mark.frames
def test_small_terminals_degrade_without_crashing(drive, app_factory, read_text) -> None:
    # Size, then whether the board and the ribbon still show.
    for size, board, ribbon in (((80, 24), True, True), ((40, 12), True, False), ((20, 6), False, False)):

        async def scenario(pilot: Pilot[None], board: bool = board, ribbon: bool = ribbon) -> None:
            screen = await open_sunset(pilot)
            await pilot.press("end", "home", "right")
            assert "ANNOUNCEMENT" in read_text(screen.query_one(EventCard))
            assert screen.query_one(ServiceBoard).display is board
            assert screen.query_one(Ribbon).display is ribbon

        drive(app_factory(), scenario, size=size)


def test_no_spoilers_hides_what_comes_after_the_step_until_it_is_reached(drive, app_factory, screen_text) -> None:
    last_title, last_date, shutdown_marker = "Withdrawals close; app shut down", "2022-03-17", "■"

    async def scenario(pilot: Pilot[None]) -> None:
        await open_sunset(pilot)
        shown = screen_text(pilot.app)
        # With spoilers, the launch already tells how it ends: the countdown, the notice, the marker.
        assert "3 years to the final shutdown" in shown and "Notice 59 days" in shown and shutdown_marker in shown

        await pilot.press("s")
        shown = screen_text(pilot.app)
        assert "no spoilers" in shown
        for spoiler in (last_title, last_date, shutdown_marker, "years to the final shutdown", "Notice", "59 days"):
            assert spoiler not in shown, spoiler
        assert "to the final shutdown: hidden (no spoilers)" in shown

        await pilot.press("end")  # The trainer may still jump to the end, and then it is all there.
        shown = screen_text(pilot.app)
        for fact in (last_title, last_date, shutdown_marker, "at the final shutdown", "Notice 59 days"):
            assert fact in shown, fact

        await pilot.press("left")  # One step back: the end is hidden again.
        shown = screen_text(pilot.app)
        assert "Ordering stops" in shown
        for spoiler in (last_title, last_date, shutdown_marker, "28 days to the final shutdown", "Notice"):
            assert spoiler not in shown, spoiler

        await pilot.press("s")
        assert "28 days to the final shutdown" in screen_text(pilot.app)

    drive(app_factory(), scenario)


def test_the_spoilers_key_is_in_the_footer_and_help_in_both_languages(drive, app_factory, screen_text) -> None:
    async def scenario(pilot: Pilot[None]) -> None:
        await open_sunset(pilot)
        assert "s Spoilers" in screen_text(pilot.app)
        await pilot.press("question_mark")
        assert "Spoilers" in screen_text(pilot.app)
        await pilot.press("escape", "L")
        assert "s 剧透" in screen_text(pilot.app)
        await pilot.press("question_mark")
        assert "剧透" in screen_text(pilot.app)

    drive(app_factory(), scenario)


def test_a_phase_whose_title_fits_keeps_its_closing_bracket_not_an_ellipsis(drive, read_text) -> None:
    """Taoxiaopu in Chinese at 80x24: the first phase's bracket closes before the next phase's label."""
    app = make_app([Path(__file__).resolve().parents[2] / "cases"], lang="zh", bundled=False, env="")

    async def scenario(pilot: Pilot[None]) -> None:
        assert isinstance(pilot.app, CaseTUI)
        pilot.app.open_sunset("taoxiaopu")
        await pilot.pause()
        phases = read_text(pilot.app.screen.query_one(Ribbon)).splitlines()[0]
        assert "借助运营商扩张，传销质疑如影随形" in phases and "停服（按公告预定）" in phases
        assert "…" not in phases, phases
        first = phases.split("┌")[1]
        assert first.rstrip().endswith("┐"), phases

    drive(app, scenario, size=(80, 24))
