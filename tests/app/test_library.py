"""The library screen as a user meets it: search, filters, sort, preview, broken files, marks."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from textual import events
from textual.command import CommandInput
from textual.pilot import Pilot
from textual.widgets import Input

from casetui.tui.app import CaseTUI
from casetui.tui.screens.case import CaseScreen
from casetui.tui.screens.library import LibraryScreen
from casetui.tui.widgets.case_table import CaseTable
from casetui.tui.widgets.preview import CasePreview

ALL = ["alpha-club", "beta-market", "gamma-card"]


def rows(pilot: Pilot[None]) -> list[str]:
    """The case ids in the table, top to bottom."""
    return pilot.app.screen.query_one(CaseTable).ids


async def type_text(pilot: Pilot[None], text: str) -> None:
    for char in text:
        await pilot.press("space" if char == " " else char)
    await pilot.pause()


def test_table_lists_every_case_sorted_by_name(screen_text, app_factory: Callable[..., CaseTUI], drive) -> None:
    async def scenario(pilot: Pilot[None]) -> None:
        assert isinstance(pilot.app.screen, LibraryScreen)
        assert rows(pilot) == ALL
        text = screen_text(pilot.app)
        for heading in ("Name ▲", "Company", "Status", "Launched", "Ended", "Lifespan", "Notice"):
            assert heading in text
        assert "○ shut down" in text and "‖ paused" in text
        assert "59d" in text  # Alpha's notice period.

    drive(app_factory(), scenario, size=(160, 30))


def test_search_in_chinese_finds_the_english_named_case(screen_text, app_factory, drive) -> None:
    async def scenario(pilot: Pilot[None]) -> None:
        await pilot.press("slash")
        assert isinstance(pilot.app.focused, Input)
        await type_text(pilot, "阿尔法")
        assert rows(pilot) == ["alpha-club"]
        assert "1/3" in screen_text(pilot.app)

    drive(app_factory(), scenario)


def test_search_matches_company_and_tag_and_every_word(screen_text, app_factory, drive) -> None:
    async def scenario(pilot: Pilot[None]) -> None:
        search = pilot.app.screen.query_one("#search", Input)
        for query, expected in (("beta corp", ["beta-market"]), ("local-life", ["gamma-card"]), ("membership x", [])):
            search.value = query
            await pilot.pause()
            assert rows(pilot) == expected, query
        assert "No case matches." in screen_text(pilot.app)

    drive(app_factory(), scenario)


def test_typing_on_narrows_and_deleting_widens_again(app_factory, drive) -> None:
    async def scenario(pilot: Pilot[None]) -> None:
        await pilot.press("slash")
        await type_text(pilot, "ma")  # Beta Market, Gamma Card
        assert rows(pilot) == ["beta-market", "gamma-card"]
        await type_text(pilot, "r")
        assert rows(pilot) == ["beta-market"]
        await pilot.press("backspace")
        await pilot.pause()
        assert rows(pilot) == ["beta-market", "gamma-card"]
        await pilot.press("backspace")
        await type_text(pilot, "b")  # "mb" is no narrower "ma": membership is found again
        assert rows(pilot) == ["alpha-club"]
        await type_text(pilot, " corp")
        assert rows(pilot) == []

    drive(app_factory(), scenario)


def test_preview_follows_the_search(screen_text, app_factory, drive) -> None:
    async def scenario(pilot: Pilot[None]) -> None:
        search = pilot.app.screen.query_one("#search", Input)
        for query, shown, hidden in (
            ("beta", "An S2B2C shop network", "closed in stages"),
            ("nothing like it", "No case matches.", "An S2B2C shop network"),
            ("", "closed in stages", "No case matches."),
        ):
            search.value = query
            await pilot.pause()
            text = screen_text(pilot.app)
            assert shown in text and hidden not in text, query

    drive(app_factory(), scenario)


def test_the_count_keeps_its_width_so_the_search_field_does_not_jump(
    screen_text, app_factory, drive, fixture_dir: Path, tmp_path: Path
) -> None:
    library = tmp_path / "many"
    shutil.copytree(fixture_dir, library)
    for n in range(8):  # eleven cases: the count has two digits, a match one
        shutil.copy(fixture_dir / "alpha-club.toml", library / f"alpha-club-{n}.toml")

    async def scenario(pilot: Pilot[None]) -> None:
        search = pilot.app.screen.query_one("#search", Input)
        width = search.region.width
        assert "11/11" in screen_text(pilot.app)
        search.value = "beta"
        await pilot.pause()
        assert " 1/11" in screen_text(pilot.app)
        assert search.region.width == width

    drive(app_factory(library), scenario)


@pytest.mark.frames
def test_enter_in_search_opens_the_first_match(app_factory, drive) -> None:
    async def scenario(pilot: Pilot[None]) -> None:
        await pilot.press("slash", "g", "a", "m")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(pilot.app.screen, CaseScreen)
        assert pilot.app.screen.case.id == "gamma-card"

    drive(app_factory(), scenario)


@pytest.mark.frames
def test_escape_leaves_search_then_clears_it(app_factory, drive) -> None:
    async def scenario(pilot: Pilot[None]) -> None:
        await pilot.press("slash", "b", "e", "t")
        await pilot.press("escape")
        assert isinstance(pilot.app.focused, CaseTable)
        assert rows(pilot) == ["beta-market"]
        await pilot.press("escape")
        await pilot.pause()
        assert rows(pilot) == ALL

    drive(app_factory(), scenario)


def test_status_filter_cycles_and_shows_its_state(screen_text, app_factory, drive) -> None:
    async def scenario(pilot: Pilot[None]) -> None:
        await pilot.press("f")  # active: none in the fixtures
        assert rows(pilot) == []
        assert "status: active" in screen_text(pilot.app)
        await pilot.press("f", "f")  # sunsetting, then paused
        assert rows(pilot) == ["gamma-card"]
        assert "status: paused" in screen_text(pilot.app)
        await pilot.press("x")
        assert rows(pilot) == ALL
        assert "status: all" in screen_text(pilot.app)

    drive(app_factory(), scenario)


def test_tag_filter_cycles_through_the_library_tags(screen_text, app_factory, drive) -> None:
    async def scenario(pilot: Pilot[None]) -> None:
        await pilot.press("g")  # local-life, the first tag in order
        assert rows(pilot) == ["gamma-card"]
        assert "tags: local-life" in screen_text(pilot.app)
        await pilot.press("g")  # membership
        assert rows(pilot) == ["alpha-club"]

    drive(app_factory(), scenario)


def test_s_cycles_the_sort_column_and_shift_s_reverses(screen_text, app_factory, drive) -> None:
    async def scenario(pilot: Pilot[None]) -> None:
        await pilot.press("s")  # company: Alpha Group, Beta Corp, Gamma […]
        assert "sort: company ▲" in screen_text(pilot.app)
        await pilot.press("s", "s")  # status, then launched
        assert rows(pilot) == ["beta-market", "alpha-club", "gamma-card"]  # 2018-06, 2019, 2025-09-01
        assert "Launched ▲" in screen_text(pilot.app)
        await pilot.press("S")
        assert rows(pilot) == ["gamma-card", "alpha-club", "beta-market"]
        assert "Launched ▼" in screen_text(pilot.app)

    drive(app_factory(), scenario, size=(160, 30))


@pytest.mark.frames
def test_clicking_a_header_sorts_by_it_and_again_reverses(app_factory, drive) -> None:
    async def scenario(pilot: Pilot[None]) -> None:
        x = pilot.app.screen.query_one(CaseTable).header_offset("lifespan")
        assert x is not None
        await pilot.click(CaseTable, offset=(x + 2, 0))
        await pilot.pause()
        # Lifespans: Alpha 3 years, Beta 3 years 3 months; Gamma has none and sorts last.
        assert rows(pilot) == ["alpha-club", "beta-market", "gamma-card"]
        await pilot.click(CaseTable, offset=(x + 2, 0))
        await pilot.pause()
        assert rows(pilot) == ["beta-market", "alpha-club", "gamma-card"]

    drive(app_factory(), scenario, size=(160, 30))


def test_preview_follows_the_cursor(screen_text, app_factory, drive) -> None:
    async def scenario(pilot: Pilot[None]) -> None:
        text = screen_text(pilot.app)
        assert "closed in stages." in text
        assert "Membership social" in text
        await pilot.press("down")
        await pilot.pause()
        text = screen_text(pilot.app)
        assert "An S2B2C shop network" in text
        assert "3 years 3 months" in text  # lifespan, month precision
        assert "closed in stages" not in text

    drive(app_factory(), scenario)


def _library_with_problems(fixture_dir: Path, tmp_path: Path) -> tuple[Path, Path]:
    """A copy of the fixtures plus a broken file, and a second folder that shadows one id."""
    first = tmp_path / "mine"
    shutil.copytree(fixture_dir, first)
    (first / "delta-broken.toml").write_text('format = 1\n[case]\nname = "Delta"\nstatus = "gone"\n', encoding="utf-8")
    second = tmp_path / "theirs"
    second.mkdir()
    shutil.copy(fixture_dir / "alpha-club.toml", second / "alpha-club.toml")
    return first, second


def test_broken_file_is_listed_with_its_error_and_shadowed_id_is_reported(
    screen_text, app_factory, drive, fixture_dir: Path, tmp_path: Path
) -> None:
    first, second = _library_with_problems(fixture_dir, tmp_path)

    async def scenario(pilot: Pilot[None]) -> None:
        assert rows(pilot) == [*ALL, "delta-broken"]  # broken files sort last
        text = screen_text(pilot.app)
        assert "✗ broken" in text
        assert "problems in the library: press p to see them." in text  # the start-up notification
        await pilot.press("end")
        await pilot.pause()
        text = screen_text(pilot.app)
        assert "This file did not load:" in text
        assert "✗ broken delta-broken" in text
        assert "gone" in text  # the error names the bad status
        await pilot.press("p")
        await pilot.pause()
        text = screen_text(pilot.app)
        assert "shadowed" in text
        await pilot.press("enter")  # cannot be opened: says so, stays on the library
        await pilot.pause()
        assert isinstance(pilot.app.screen, LibraryScreen)

    drive(app_factory(first, second), scenario)


def test_status_filter_can_show_only_broken_files(app_factory, drive, fixture_dir: Path, tmp_path: Path) -> None:
    first, _ = _library_with_problems(fixture_dir, tmp_path)

    async def scenario(pilot: Pilot[None]) -> None:
        await pilot.press(*["f"] * 6)  # five statuses, then broken
        assert rows(pilot) == ["delta-broken"]

    drive(app_factory(first), scenario)


def test_each_status_filter_shows_that_status_only_and_broken_files_under_broken_only(
    app_factory, drive, fixture_dir: Path, tmp_path: Path
) -> None:
    """`f` through every status with a broken file in the library: it shows under `broken`, nowhere else."""
    first, _ = _library_with_problems(fixture_dir, tmp_path)
    expected = {
        "active": [],
        "sunsetting": [],
        "paused": ["gamma-card"],
        "shut-down": ["alpha-club", "beta-market"],
        "merged": [],
        "broken": ["delta-broken"],
    }

    async def scenario(pilot: Pilot[None]) -> None:
        screen = pilot.app.screen
        assert isinstance(screen, LibraryScreen)
        seen: dict[str, list[str]] = {}
        for _ in expected:
            await pilot.press("f")
            await pilot.pause()
            assert screen.listing.status is not None
            seen[screen.listing.status] = rows(pilot)
        assert seen == expected
        await pilot.press("f")  # and round again to every case
        await pilot.pause()
        assert rows(pilot) == [*ALL, "delta-broken"]

    drive(app_factory(first), scenario)


def test_each_tag_filter_shows_the_cases_with_that_tag_and_no_broken_file(
    app_factory, drive, fixture_dir: Path, tmp_path: Path
) -> None:
    """`g` through every tag with a broken file in the library: a file that did not load has no tags."""
    first, _ = _library_with_problems(fixture_dir, tmp_path)
    expected = {
        "local-life": ["gamma-card"],
        "membership": ["alpha-club"],
        "s2b2c": ["beta-market"],
        "social-commerce": ["alpha-club"],
    }

    async def scenario(pilot: Pilot[None]) -> None:
        screen = pilot.app.screen
        assert isinstance(screen, LibraryScreen)
        seen: dict[str, list[str]] = {}
        for _ in expected:
            await pilot.press("g")
            await pilot.pause()
            assert screen.listing.tag is not None
            seen[screen.listing.tag] = rows(pilot)
        assert seen == expected

    drive(app_factory(first), scenario)


def test_marks_show_in_the_table_and_c_opens_compare(screen_text, app_factory, drive) -> None:
    async def scenario(pilot: Pilot[None]) -> None:
        app = pilot.app
        assert isinstance(app, CaseTUI)
        await pilot.press("c")
        await pilot.pause()
        assert "Mark at least two cases" in screen_text(app)
        assert isinstance(app.screen, LibraryScreen)
        await pilot.press("m", "down", "m")
        await pilot.pause()
        assert app.marked == ("alpha-club", "beta-market")
        assert screen_text(app).count("✓") >= 2
        assert "✓ 2" in screen_text(app)
        await pilot.press("c")
        await pilot.pause()
        assert type(app.screen).__name__ == "CompareScreen"

    drive(app_factory(), scenario)


@pytest.mark.frames
def test_m_again_unmarks(app_factory, drive) -> None:
    async def scenario(pilot: Pilot[None]) -> None:
        await pilot.press("m", "m")
        assert pilot.app.marked == ()

    drive(app_factory(), scenario)


@pytest.mark.frames
def test_t_opens_the_sunset_of_the_highlighted_case(app_factory, drive) -> None:
    async def scenario(pilot: Pilot[None]) -> None:
        await pilot.press("t")
        await pilot.pause()
        screen = pilot.app.screen
        assert type(screen).__name__ == "SunsetScreen"
        assert screen.case.id == "alpha-club"

    drive(app_factory(), scenario)


def test_case_text_markup_stays_literal(screen_text, app_factory, drive) -> None:
    async def scenario(pilot: Pilot[None]) -> None:
        await pilot.press("end")
        await pilot.pause()
        text = screen_text(pilot.app)
        assert "Gamma Card [/]" in text
        assert "Gamma [@click=app.quit]quit[/]" in text  # the preview shows it whole
        assert "[bold]markup[/bold]" in text
        assert "\\x1b[31m" in text  # the escape character is shown, not sent
        await pilot.click("#preview")  # clicking the text runs no action
        await pilot.pause()

    drive(app_factory(), scenario)


def test_the_count_stays_on_screen_in_a_narrow_terminal(screen_text, app_factory, drive) -> None:
    """The filter line is cut at the right edge when narrow; the counts come first, so they stay."""

    async def scenario(pilot: Pilot[None]) -> None:
        assert "3/3" in screen_text(pilot.app)
        await pilot.press("m")
        await pilot.pause()
        assert "3/3  ✓ 1" in screen_text(pilot.app)

    drive(app_factory(), scenario, size=(40, 12))


def test_a_slash_typed_in_the_search_field_is_text(app_factory, drive) -> None:
    async def scenario(pilot: Pilot[None]) -> None:
        await pilot.press("/", "a", "/", "b")
        await pilot.pause()
        search = pilot.app.screen.query_one("#search", Input)
        assert search.has_focus
        assert search.value == "a/b"

    drive(app_factory(), scenario)


@pytest.mark.frames
def test_keys_in_one_burst_with_backspaces_land_in_order(app_factory, drive) -> None:
    """Over SSH or in a browser keys arrive in batches: each is posted before the app has handled the last."""
    burst = [*"taoxyz", "backspace", "backspace", "backspace", *"iaopu"]

    async def scenario(pilot: Pilot[None]) -> None:
        await pilot.press("slash")
        for key in burst:
            character = None if key == "backspace" else key
            pilot.app.post_message(events.Key(key, character))
        await pilot.pause()
        assert pilot.app.screen.query_one("#search", Input).value == "taoiaopu"

    drive(app_factory(), scenario)


@pytest.mark.frames
def test_the_command_palette_field_takes_a_burst_in_order(app_factory, drive) -> None:
    burst = [*"ovexyz", "backspace", "backspace", "backspace", *"rview"]

    async def scenario(pilot: Pilot[None]) -> None:
        await pilot.press("ctrl+p")
        await pilot.pause()
        for key in burst:
            pilot.app.post_message(events.Key(key, None if key == "backspace" else key))
        await pilot.pause()
        assert pilot.app.screen.query_one(CommandInput).value == "overview"

    drive(app_factory(), scenario)


def test_opening_the_problems_panel_takes_away_the_toast_that_covered_it(
    screen_text, app_factory, drive, fixture_dir: Path, tmp_path: Path
) -> None:
    first, second = _library_with_problems(fixture_dir, tmp_path)

    async def scenario(pilot: Pilot[None]) -> None:
        assert "press p to see them" in screen_text(pilot.app)
        await pilot.press("p")
        await pilot.pause()
        text = screen_text(pilot.app)
        assert "─ Problems ─" in text  # the panel is open
        assert "press p to see them" not in text

    drive(app_factory(first, second), scenario, size=(80, 24))


def test_one_problem_is_one_problem(screen_text, app_factory, drive, fixture_dir: Path, tmp_path: Path) -> None:
    """A single shadowed id: the start-up note says "1 problem … see it", not "1 problem(s)"."""
    second = tmp_path / "theirs"
    second.mkdir()
    shutil.copy(fixture_dir / "alpha-club.toml", second / "alpha-club.toml")

    async def scenario(pilot: Pilot[None]) -> None:
        assert len(pilot.app.library.problems) == 1
        assert "1 problem in the library: press p to see it." in screen_text(pilot.app)

    drive(app_factory(fixture_dir, second), scenario)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_problems_panel_at_80x24_leaves_the_rows_in_view(
    screen_text, app_factory, drive, fixture_dir: Path, tmp_path: Path, lang: str
) -> None:
    """Opened under a narrow table, the panel takes the preview's place: every row stays on screen."""
    first, second = _library_with_problems(fixture_dir, tmp_path)

    async def scenario(pilot: Pilot[None]) -> None:
        await pilot.press("p")
        await pilot.pause()
        text = screen_text(pilot.app)
        assert ("─ Problems ─" if lang == "en" else "─ 问题 ─") in text  # the panel is open
        table = pilot.app.screen.query_one(CaseTable)
        assert table.row_count == 4 and table.scrollable_content_region.height - 1 >= table.row_count, text
        names = ("Alpha Club", "Beta Market", "Gamma Card") if lang == "en" else ("阿尔法会员店",)
        for name in (*names, "delta-broken"):
            assert name in text, text
        await pilot.press("p")  # closed: the preview is back
        await pilot.pause()
        assert pilot.app.screen.query_one(CasePreview).display

    drive(app_factory(first, second, lang=lang), scenario, size=(80, 24))


def test_s_sorts_only_by_the_columns_on_screen(screen_text, app_factory, drive) -> None:
    async def scenario(pilot: Pilot[None]) -> None:
        shown = pilot.app.screen.query_one(CaseTable).columns
        assert "launched" not in shown and "company" not in shown  # 80 columns leave them out
        seen = []
        for _ in range(len(shown) + 1):
            await pilot.press("s")
            await pilot.pause()
            seen.append(pilot.app.screen.listing.sort)
        assert set(seen) == set(shown), seen
        assert seen[-1] == seen[0]  # round again, without a hidden column in between

    drive(app_factory(), scenario, size=(80, 24))
