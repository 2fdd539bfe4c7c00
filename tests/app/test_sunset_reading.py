"""The sunset and workshop mode as a room reads them: keys that scroll, a projector's screen, no spoilers.

Each check reads the terminal's cells the way a person would see them (`shown_in`), so text that is
below the fold, clipped, or scrolled away does not count as shown.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.geometry import Region
from textual.pilot import Pilot
from textual.widget import Widget

from casetui.library import bundled_dir, load_library
from casetui.model import Case
from casetui.tui.app import CaseTUI
from casetui.tui.screens.sunset import SunsetScreen
from casetui.tui.widgets.event_pane import EventPane
from casetui.tui.widgets.service_board import ServiceBoard

from .reading import lines_in

WORKSHOP_CASE = "xiaomi-youpin-youyu"


def squeeze(text: str) -> str:
    """Text without any whitespace: wrapped lines (English or Chinese) compare equal to the original."""
    return "".join(text.split())


def shown_in(app: CaseTUI, region: Region) -> list[str]:
    """The lines of the terminal inside `region`, cell-exact (a CJK character is two cells)."""
    return [line.rstrip() for line in lines_in(app, region)]


def visible(app: CaseTUI, widget: Widget) -> str:
    """What the user can read of `widget` on screen right now, whitespace squeezed out (its scrollbar too)."""
    return squeeze("".join(shown_in(app, widget.scrollable_content_region)))


def board_names(app: CaseTUI, board: ServiceBoard) -> str:
    """The board as read on screen, with each line's state label (on/off/stops here) taken off."""
    lines = shown_in(app, board.content_region)
    labels = ("stops here", "on", "off", "本步停止", "可用", "已停")
    kept = []
    for line in lines:
        for label in labels:
            if line.lstrip()[:1] in "✕●○" and line.endswith(label):
                line = line[: -len(label)]
                break
        kept.append(line)
    return squeeze("".join(kept))


def workshop_case() -> Case:
    case = load_library([bundled_dir()]).get(WORKSHOP_CASE)
    assert case is not None
    return case


BUNDLED_IDS = sorted(case.id for case in load_library([bundled_dir()]).cases)


async def check_workshop_step(pilot: Pilot[None], case: Case, step: int, read_text) -> None:
    """The countdown, the event, its questions and the services it stops, all on screen without scrolling."""
    app = pilot.app
    assert isinstance(app, CaseTUI)
    screen = app.screen
    assert isinstance(screen, SunsetScreen)
    lang = app.lang
    event = case.events[step]
    where = f"{lang} {app.size} step {step + 1}"
    assert screen.cursor.position == step, where
    pane, board = screen.query_one(EventPane), screen.query_one(ServiceBoard)
    assert pane.scroll_y == 0, where
    on_screen = squeeze("".join(shown_in(app, screen.region)))
    # The countdown: both large figures lie on the screen, with what they count under them.
    for figure in ("#offset-digits", "#left-digits"):
        assert screen.region.contains_region(screen.query_one(figure).region), where
    for caption in ("#offset-caption", "#left-caption"):
        assert squeeze(read_text(screen.query_one(caption))) in on_screen, where
    if case.id == WORKSHOP_CASE:
        assert squeeze("距最终关停" if lang == "zh" else "to the final shutdown") in on_screen
    assert squeeze(event.title.get(lang)) in visible(app, pane), where
    for question in (q for q in case.questions if q.event == event.id):
        assert squeeze(question.prompt.get(lang)) in visible(app, pane), where
    names = board_names(app, board)
    for service in case.services:
        if service.id in event.ends:
            assert squeeze(service.name.get(lang)) in names, where


@pytest.mark.heavy
@pytest.mark.parametrize("case_id", BUNDLED_IDS)
def test_workshop_shows_the_countdown_event_changes_and_question_without_scrolling(
    drive, app_factory, read_text, case_id: str
) -> None:
    """At each size, stepped forward in English and, after `L`, back in Chinese: every step in both."""
    case = load_library([bundled_dir()]).get(case_id)
    assert case is not None
    for size in ((120, 40), (100, 30)):

        async def scenario(pilot: Pilot[None]) -> None:
            steps = range(len(case.events))
            for step in steps:
                if step:
                    await pilot.press("right")
                await check_workshop_step(pilot, case, step, read_text)
            await pilot.press("L")
            assert pilot.app.lang == "zh"  # type: ignore[attr-defined]
            for step in reversed(steps):
                if step < len(steps) - 1:
                    await pilot.press("left")
                await check_workshop_step(pilot, case, step, read_text)

        drive(app_factory(bundled_dir(), lang="en", present=case_id), scenario, size=size)


def test_a_board_without_room_shows_what_stops_first_then_counts_the_rest(drive, app_factory) -> None:
    async def scenario(pilot: Pilot[None]) -> None:
        app = pilot.app
        assert isinstance(app, CaseTUI)
        board = app.screen.query_one(ServiceBoard)
        await pilot.press("end")
        names = board_names(app, board)
        # The last two services stop here; the other eight are off, and not all of them fit.
        assert squeeze("Balance withdrawal") in names
        assert squeeze("Youyu app and mini program (servers)") in names
        assert squeeze("Check-in service") in names
        assert "3moreoff" in names and "moreon" not in names
        await pilot.press("left")  # Three services stop at stage 3; two are still on, five are off.
        names = board_names(app, board)
        assert names.startswith(squeeze("✕ Product sales (ordering) ✕ Exchange growth value for points"))
        assert names.endswith(squeeze("2 more on · 1 more off"))

    drive(app_factory(bundled_dir(), present=WORKSHOP_CASE), scenario, size=(100, 30))


def test_the_board_counts_what_it_has_no_room_for_in_chinese(drive, app_factory) -> None:
    async def scenario(pilot: Pilot[None]) -> None:
        app = pilot.app
        assert isinstance(app, CaseTUI)
        await pilot.press("end")
        names = board_names(app, app.screen.query_one(ServiceBoard))
        assert names.startswith(squeeze("✕提现服务（账户余额提现）✕有品有鱼App及小程序（服务器）"))
        assert "项已停" in names

    drive(app_factory(bundled_dir(), lang="zh", present=WORKSHOP_CASE), scenario, size=(100, 24))


@pytest.mark.frames
def test_the_event_pane_scrolls_from_the_keyboard_and_still_steps(drive, app_factory) -> None:
    async def scenario(pilot: Pilot[None]) -> None:
        app = pilot.app
        assert isinstance(app, CaseTUI)
        app.open_sunset(WORKSHOP_CASE)
        await pilot.pause()
        screen = app.screen
        pane = screen.query_one(EventPane)
        assert app.focused is pane
        assert pane.max_scroll_y > 0  # At 80x24 the launch does not fit: there is something to scroll to.
        await pilot.press("down")
        assert pane.scroll_y == 1
        await pilot.press("pagedown")
        assert pane.scroll_y > 1
        await pilot.press("up", "pageup")
        assert pane.scroll_y == 0
        # The stepping keys still step while the pane has the focus.
        position = lambda: screen.cursor.position  # noqa: E731
        await pilot.press("right")
        assert position() == 1
        await pilot.press("end")
        assert position() == len(screen.cursor) - 1
        await pilot.press("left", "home")
        assert position() == 0
        await pilot.press("pagedown", "right")  # A new step is read from its top.
        assert position() == 1 and pane.scroll_y == 0
        # Tab reaches the pane from nowhere.
        screen.set_focus(None)
        await pilot.press("tab")
        assert app.focused is pane

    drive(app_factory(bundled_dir()), scenario, size=(80, 24))


def test_r_brings_the_trainer_notes_into_view(drive, app_factory) -> None:
    case = workshop_case()
    notes = case.questions[0].notes
    assert notes is not None

    async def scenario(pilot: Pilot[None]) -> None:
        app = pilot.app
        assert isinstance(app, CaseTUI)
        app.open_sunset(WORKSHOP_CASE)
        await pilot.pause()
        pane = app.screen.query_one(EventPane)
        first_words = squeeze(" ".join(notes.get("en").split()[:6]))
        assert first_words not in visible(app, pane)
        await pilot.press("r")
        await pilot.pause()
        assert first_words in visible(app, pane)

    drive(app_factory(bundled_dir()), scenario, size=(80, 24))


async def read_whole_pane(pilot: Pilot[None], pane: EventPane) -> str:
    """Everything the pane holds, read screen by screen with `pagedown` (squeezed), as a reader would."""
    app = pilot.app
    assert isinstance(app, CaseTUI)
    rows: dict[int, str] = {}
    while pane.scroll_y > 0:
        await pilot.press("pageup")
    while True:
        top = round(pane.scroll_y)
        for n, line in enumerate(shown_in(app, pane.scrollable_content_region)):
            rows[top + n] = line
        if pane.scroll_y >= pane.max_scroll_y:
            break
        await pilot.press("pagedown")
    return squeeze("".join(rows[y] for y in sorted(rows)))


async def read_step(pilot: Pilot[None], screen: SunsetScreen, case: Case, step: int) -> None:
    """The step's event, its questions and their notes (`r`) are all in the pane, read page by page."""
    lang = pilot.app.lang  # type: ignore[attr-defined]
    where = f"{case.id} step {step + 1} {lang} present={screen.present}"
    assert screen.cursor.position == step, where
    if not screen.reveal:
        await pilot.press("r")
    assert screen.reveal, where
    read = await read_whole_pane(pilot, screen.query_one(EventPane))
    event = case.events[step]
    texts = [event.title, event.detail]
    for question in (q for q in case.questions if q.event == event.id):
        texts += [question.prompt, question.notes]
    for text in texts:
        if text is not None:
            assert squeeze(text.get(lang)) in read, where


@pytest.mark.heavy
@pytest.mark.parametrize("present", [False, True], ids=["sunset", "workshop"])
@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
def test_every_event_question_and_note_of_every_bundled_case_can_be_read_in_full(
    drive, app_factory, present: bool, size: tuple[int, int]
) -> None:
    """Each case's sunset is opened once: stepped forward in one language, `L`, and back in the other.

    Opening and closing a screen costs about as much as reading two steps, so each step is read in
    both languages on one screen; the notes revealed at the last step stay revealed across `L`.
    """
    library = load_library([bundled_dir()])

    async def scenario(pilot: Pilot[None]) -> None:
        app = pilot.app
        assert isinstance(app, CaseTUI)
        for case in library.cases:
            app.open_sunset(case.id, present=present)
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, SunsetScreen)
            languages = [app.lang]
            steps = range(len(case.events))
            for step in steps:
                if step:
                    await pilot.press("right")
                await read_step(pilot, screen, case, step)
            await pilot.press("L")
            languages.append(app.lang)
            for step in reversed(steps):
                if step < len(steps) - 1:
                    await pilot.press("left")
                await read_step(pilot, screen, case, step)
            assert sorted(languages) == ["en", "zh"], case.id
            app.pop_screen()
            await pilot.pause()

    drive(app_factory(bundled_dir()), scenario, size=size)


def test_hundreds_of_services_fit_the_board_with_the_stopping_ones_first(drive, app_factory, tmp_path: Path) -> None:
    services = "".join(f's{n} = "Service {n}"\n' for n in range(300))
    stops = ", ".join(f'"s{n}"' for n in range(295, 300))
    (tmp_path / "many.toml").write_text(
        'format = 1\n[case]\nname = "Many"\nstatus = "active"\nsummary = "s"\n[model]\ntype = "t"\n'
        f'[services]\n{services}[[events]]\ndate = 2020-01-01\ntitle = "A"\nkind = "launch"\n'
        f'[[events]]\ndate = 2021-01-01\ntitle = "B"\nkind = "shutdown"\nends = [{stops}]\n',
        encoding="utf-8",
    )

    async def scenario(pilot: Pilot[None]) -> None:
        app = pilot.app
        assert isinstance(app, CaseTUI)
        board = app.screen.query_one(ServiceBoard)
        await pilot.press("end")
        lines = [line.strip() for line in shown_in(app, board.content_region)]
        assert [line.split()[2] for line in lines[:5]] == ["295", "296", "297", "298", "299"]
        assert all(line.endswith("stops here") for line in lines[:5])
        shown_on = len(lines) - 6  # Every line but the five stops and the count is a service still on.
        assert lines[-1] == f"{295 - shown_on} more on"

    drive(app_factory(tmp_path, present="many"), scenario, size=(80, 24))
