"""The overview screen as a user meets it: `o` opens charts of the cases shown, a bar chosen there
narrows the library to its cases, `x` clears it, `L` relabels."""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input

from casetui.tui.screens.library import LibraryScreen
from casetui.tui.screens.overview import OverviewScreen
from casetui.tui.widgets.bars import BarChart, HorizontalBars, YearColumns
from casetui.tui.widgets.case_table import CaseTable

from .conftest import FIXTURES

ALL = ["alpha-club", "beta-market", "gamma-card"]


def rows(pilot: Pilot[None]) -> list[str]:
    """The case ids in the library table, top to bottom."""
    assert isinstance(pilot.app.screen, LibraryScreen)
    return pilot.app.screen.query_one(CaseTable).ids


def chart(pilot: Pilot[None], name: str) -> BarChart:
    return pilot.app.screen.query_one(f"#chart-{name}", BarChart)


def test_o_opens_charts_of_every_case_with_their_counts(app_factory, drive, screen_text) -> None:
    async def scenario(pilot: Pilot[None]) -> None:
        await pilot.press("o")
        assert isinstance(pilot.app.screen, OverviewScreen)
        text = screen_text(pilot.app)
        assert "all 3 cases" in text
        for title in ("Launches per year", "Shutdowns per year", "Lifespan", "Notice period", "Status", "Companies"):
            assert title in text
        lines = text.splitlines()
        assert any("shut down" in line and "█" in line and " 2 67%" in line for line in lines)
        assert any("2–5 years" in line and " 2 67%" in line for line in lines)
        assert "Gamma [@click=app…" in text  # A company name is shown literally, cut to fit.
        assert isinstance(chart(pilot, "ended"), YearColumns)
        assert "2021" in text and "2022" in text
        await pilot.click("#chart-company", offset=(10, 3))  # On the `[@click=app.quit]` of Gamma's company.
        await pilot.pause()
        assert rows(pilot) == ["gamma-card"]  # It chose the bar, and quit nothing.

    drive(app_factory(), scenario)


def test_enter_on_a_status_bar_shows_those_cases_and_x_clears_it(app_factory, drive, screen_text) -> None:
    async def scenario(pilot: Pilot[None]) -> None:
        await pilot.press("o", "tab", "tab", "tab", "tab")  # launched -> ended -> lifespan -> notice -> status
        assert pilot.app.focused is chart(pilot, "status")
        await pilot.press("down", "down")  # active, sunsetting, paused
        assert "▸paused" in screen_text(pilot.app).replace(" ", "")
        await pilot.press("enter")
        await pilot.pause()
        assert rows(pilot) == ["gamma-card"]
        text = screen_text(pilot.app)
        assert "o status: paused" in text and "1/3" in text
        await pilot.press("x")
        assert rows(pilot) == ALL
        assert "o status" not in screen_text(pilot.app)

    drive(app_factory(), scenario)


def test_a_year_bar_chosen_with_the_arrows_filters_by_that_year(app_factory, drive, screen_text) -> None:
    async def scenario(pilot: Pilot[None]) -> None:
        await pilot.press("o", "tab", "right")  # Shutdowns per year: 2021, then 2022.
        assert "▸ 2022  1 case  33%" in screen_text(pilot.app)
        await pilot.press("enter")
        await pilot.pause()
        assert rows(pilot) == ["alpha-club"]
        assert "o ended: 2022" in screen_text(pilot.app)

    drive(app_factory(), scenario)


def test_a_click_on_a_bar_filters_and_bars_add_up_when_drilling_down(app_factory, drive, screen_text) -> None:
    async def scenario(pilot: Pilot[None]) -> None:
        await pilot.press("o")
        # The lifespan chart's third line (inside its border) is "2–5 years".
        await pilot.click("#chart-lifespan", offset=(6, 3))
        await pilot.pause()
        assert rows(pilot) == ["alpha-club", "beta-market"]
        await pilot.press("o")
        assert "2 of 3 cases" in screen_text(pilot.app)
        await pilot.click("#chart-company", offset=(6, 2))  # Beta Corp, second of the two left.
        await pilot.pause()
        assert rows(pilot) == ["beta-market"]
        text = screen_text(pilot.app)
        assert "o lifespan: 2–5 years" in text and "o company: Beta Corp" in text
        await pilot.press("escape")  # Escape clears the filters, as before.
        assert rows(pilot) == ALL

    drive(app_factory(), scenario)


def test_the_overview_counts_what_the_search_shows(app_factory, drive, screen_text) -> None:
    async def scenario(pilot: Pilot[None]) -> None:
        await pilot.press("slash", "b", "e", "t", "a")
        assert isinstance(pilot.app.focused, Input)
        await pilot.press("down", "o")
        assert isinstance(pilot.app.screen, OverviewScreen)
        text = screen_text(pilot.app)
        assert "1 of 3 cases" in text and "search: beta" in text
        status = chart(pilot, "status")
        assert {b.key: b.count for b in status.chart.bars}["shut-down"] == 1
        await pilot.press("escape")
        assert rows(pilot) == ["beta-market"]  # Back without a choice: the search stays as it was.

    drive(app_factory(), scenario)


def test_broken_files_are_not_counted_and_a_bar_of_no_cases_is_not_a_filter(
    app_factory, drive, screen_text, tmp_path: Path
) -> None:
    library = tmp_path / "library"
    shutil.copytree(FIXTURES, library)
    (library / "broken.toml").write_text("format = 1\n[case\n", encoding="utf-8")

    async def scenario(pilot: Pilot[None]) -> None:
        await pilot.press("o")
        text = screen_text(pilot.app)
        assert "all 3 cases" in text  # The broken file is not a case...
        assert "1 broken file(s) not counted" in text  # ...and the overview says so.
        await pilot.press("tab", "tab", "tab", "tab", "enter")  # Status "active": no case.
        assert isinstance(pilot.app.screen, OverviewScreen)
        assert any("No case there." in str(n.message) for n in pilot.app._notifications)

    drive(app_factory(library), scenario)


def test_language_switch_relabels_charts_and_the_filter_line(app_factory, drive, screen_text) -> None:
    async def scenario(pilot: Pilot[None]) -> None:
        await pilot.press("o", "L")
        text = screen_text(pilot.app)
        for word in ("全部 3 个案例", "每年上线", "每年关停", "存续时间", "已关停", "阿尔法集团", "显示案例"):
            assert word in text
        await pilot.press("tab", "enter")
        await pilot.pause()
        assert "o 结束: 2021" in screen_text(pilot.app)

    drive(app_factory(), scenario)


def test_the_palette_opens_the_overview(app_factory, drive) -> None:
    async def scenario(pilot: Pilot[None]) -> None:
        await pilot.press("ctrl+p")
        for char in "overview":
            await pilot.press(char)
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(pilot.app.screen, OverviewScreen)

    drive(app_factory(), scenario)


def test_killed_by_google_charts_show_the_307_cases_and_filter_by_year(
    app_factory, drive, screen_text, graveyard, google_cases: Path
) -> None:
    closed = Counter(entry["dateClose"][:4] for entry in graveyard)

    async def scenario(pilot: Pilot[None]) -> None:
        await pilot.press("o")
        text = screen_text(pilot.app)
        assert "all 307 cases" in text
        ended = chart(pilot, "ended")
        assert {b.key: b.count for b in ended.chart.bars if b.count} == closed
        assert (
            str(closed["2019"])
            in text.splitlines()[next(i for i, s in enumerate(text.splitlines()) if "Shutdowns" in s) + 1]
        )
        assert isinstance(chart(pilot, "tag"), HorizontalBars)
        ended.focus()
        ended.cursor = [b.key for b in ended.chart.bars].index("2019")
        await pilot.press("enter")
        await pilot.pause()
        assert len(rows(pilot)) == closed["2019"]
        assert f"{closed['2019']}/307" in screen_text(pilot.app)

    drive(app_factory(google_cases), scenario)
