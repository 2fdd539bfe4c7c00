"""The app marks dates after `as_of` (announced, not confirmed) wherever it shows them, in both languages.

Over tests/fixtures/scheduled: delta-shop's orders stop (2022-02-14) and its app closes (2022-03-17)
after its `as_of` of 2022-01-18; its announcement (2022-01-17) and a migration on 2022-01-18 do not.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot

from casetui.tui.app import CaseTUI
from casetui.tui.screens.case import CaseScreen
from casetui.tui.screens.compare import CompareScreen
from casetui.tui.screens.sunset import SunsetScreen
from casetui.tui.widgets.badges import SCHEDULED_STYLE
from casetui.tui.widgets.case_table import CaseTable, row_cells
from casetui.tui.widgets.compare_table import CompareTable
from casetui.tui.widgets.event_card import EventCard
from casetui.tui.widgets.preview import CasePreview

SCHEDULED = Path(__file__).resolve().parents[1] / "fixtures" / "scheduled"
MARKS = {"en": "(scheduled)", "zh": "（计划）"}


def after(text: str, start: str, lines: int = 3) -> str:
    """The line holding `start` and the `lines` - 1 lines below it."""
    rows = text.splitlines()
    index = next(i for i, row in enumerate(rows) if start in row)
    return "\n".join(rows[index : index + lines])


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_timeline_tab_marks_scheduled_dates_only(app_factory, drive, screen_text, lang: str) -> None:
    async def scenario(pilot: Pilot[None]) -> None:
        app = pilot.app
        assert isinstance(app, CaseTUI)
        app.open_case("delta-shop")
        await pilot.pause()
        assert isinstance(pilot.app.screen, CaseScreen) and pilot.app.screen.case.id == "delta-shop"
        overview = screen_text(pilot.app)
        assert "3 years (scheduled)" in overview if lang == "en" else "3年（计划）" in overview
        await pilot.press("3")
        await pilot.pause()
        text = screen_text(pilot.app)
        mark = MARKS[lang]
        # The date is stacked: day, time of day, then the mark on a line of its own.
        assert mark in after(text, "2022-02-14") and mark in after(text, "2022-03-17")
        assert mark not in after(text, "2022-01-18", 2) and mark not in after(text, "2022-01-17", 1)
        assert text.count(mark) == 2

    drive(app_factory(SCHEDULED, lang=lang), scenario)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_sunset_card_and_notice_say_the_stop_is_scheduled(app_factory, drive, read_text, lang: str) -> None:
    async def scenario(pilot: Pilot[None]) -> None:
        app = pilot.app
        assert isinstance(app, CaseTUI)
        app.open_sunset("delta-shop")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SunsetScreen)
        card = screen.query_one(EventCard)
        mark = MARKS[lang]
        assert mark not in read_text(card)  # the launch
        await pilot.press("end")
        await pilot.pause()
        assert f"2022-03-17 10:00 +08:00{' ' if lang == 'en' else ''}{mark}" in read_text(card)
        assert mark in read_text(screen.query_one("#sunset-notice"))

    drive(app_factory(SCHEDULED, lang=lang), scenario)


@pytest.mark.frames
def test_compare_cells_of_derived_spans_carry_the_mark(app_factory, drive) -> None:
    async def scenario(pilot: Pilot[None]) -> None:
        app = pilot.app
        assert isinstance(app, CaseTUI)
        app.open_compare(["delta-shop", "eta-plain"])
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)
        table = app.screen.query_one(CompareTable)
        lifespan = [cell.text.plain for cell in table.get_row("derived.lifespan")[1:]]
        assert lifespan == ["3 years (scheduled)", "2 years"]
        shutdown = [cell.text.plain for cell in table.get_row("derived.shutdown")[1:]]
        assert shutdown == ["2022-03-17 10:00 +08:00 (scheduled)", "2030-03-01"]

    drive(app_factory(SCHEDULED), scenario)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_library_preview_words_it_and_the_list_styles_it(app_factory, drive, screen_text, lang: str) -> None:
    async def scenario(pilot: Pilot[None]) -> None:
        app = pilot.app
        assert isinstance(app, CaseTUI)
        delta = app.library.entries["delta-shop"]
        eta = app.library.entries["eta-plain"]
        for key in ("lifespan", "notice"):
            assert any(span.style == SCHEDULED_STYLE for span in row_cells(delta, lang)[key].spans)
            assert not any(span.style == SCHEDULED_STYLE for span in row_cells(eta, lang)[key].spans)
        app.screen.query_one(CaseTable).move_to("delta-shop")
        await pilot.pause()
        assert app.screen.query_one(CasePreview).display
        preview = screen_text(app)
        assert ("3 years (scheduled)" if lang == "en" else "3年（计划）") in preview

    drive(app_factory(SCHEDULED, lang=lang), scenario)


NAMES = {"delta": ("Delta Shop", "德尔塔商城"), "epsilon": ("Epsilon Pause", "艾普西隆"), "eta": ("Eta Plain",)}


def table_rows(text: str) -> dict[str, str]:
    """The library table's lines on screen, by the case whose name (in either language) starts them."""
    rows: dict[str, str] = {}
    for line in text.splitlines():
        for case, names in NAMES.items():
            if line.strip().startswith(names):
                rows.setdefault(case, line)  # the table's row, not the preview's title below it
    return rows


@pytest.mark.parametrize(("lang", "legend"), [("en", "* scheduled"), ("zh", "* 计划")])
@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
def test_the_ended_column_shows_the_scheduled_stop_and_says_what_the_mark_means(
    app_factory, drive, screen_text, read_text, lang: str, legend: str, size: tuple[int, int]
) -> None:
    """A case without `ended` ends at its final shutdown, marked `*` when that is after `as_of`."""

    async def scenario(pilot: Pilot[None]) -> None:
        app = pilot.app
        assert isinstance(app, CaseTUI)
        table = app.screen.query_one(CaseTable)
        assert "ended" in table.columns
        text = screen_text(app)
        rows = table_rows(text)
        assert "2022-03-17*" in rows["delta"] and ("3y*" if lang == "en" else "3年*") in rows["delta"]
        assert "2030-03-01" in rows["eta"] and "*" not in rows["eta"]  # derived from its shutdown, no as_of
        assert "2021-10-11*" in rows["epsilon"]  # `ended` as written, after its as_of
        assert legend in text
        table.move_to("delta-shop")
        await pilot.pause()
        # The preview's Ended line, wherever the pane's width wraps it.
        preview = "".join(read_text(app.screen.query_one("#preview-body")).replace("▊", "").split())
        assert ("Ended2022-03-17(scheduled)" if lang == "en" else "结束2022-03-17（计划）") in preview

    drive(app_factory(SCHEDULED, lang=lang), scenario, size=size)


@pytest.mark.frames
def test_sorting_by_ended_uses_the_end_the_column_shows(app_factory, drive) -> None:
    async def scenario(pilot: Pilot[None]) -> None:
        app = pilot.app
        assert isinstance(app, CaseTUI)
        table = app.screen.query_one(CaseTable)
        while app.screen.listing.sort != "ended":
            await pilot.press("s")
        await pilot.pause()
        assert table.ids == ["epsilon-pause", "delta-shop", "eta-plain", "zeta-merge"]
        await pilot.press("S")  # newest end first; a case with no end at all stays last
        assert table.ids == ["eta-plain", "delta-shop", "epsilon-pause", "zeta-merge"]

    drive(app_factory(SCHEDULED), scenario)


def test_no_legend_without_a_scheduled_mark(app_factory, drive, screen_text, fixture_dir) -> None:
    async def scenario(pilot: Pilot[None]) -> None:
        assert "* scheduled" not in screen_text(pilot.app)

    drive(app_factory(fixture_dir), scenario)


def test_no_lifespan_gets_no_scheduled_mark(app_factory, drive, screen_text, tmp_path: Path) -> None:
    """Without `launched` there is no lifespan: its dash carries no mark, though the end is scheduled."""
    text = (SCHEDULED / "delta-shop.toml").read_text(encoding="utf-8")
    assert 'launched = "2019"\n' in text
    (tmp_path / "delta-shop.toml").write_text(text.replace('launched = "2019"\n', ""), encoding="utf-8")

    async def scenario(pilot: Pilot[None]) -> None:
        app = pilot.app
        assert isinstance(app, CaseTUI)
        cells = row_cells(app.library.entries["delta-shop"], "en")
        assert cells["lifespan"].plain == "—" and cells["ended"].plain == "2022-03-17*"
        preview = screen_text(app)
        assert "Lifespan      —" in preview and "— (scheduled)" not in preview, preview
        app.open_case("delta-shop")
        await pilot.pause()
        overview = screen_text(app)
        assert "— (scheduled)" not in overview and "2022-03-17 10:00 +08:00 (scheduled)" in overview, overview

    drive(app_factory(tmp_path), scenario)
