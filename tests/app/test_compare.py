"""The compare screen: marked differences, the filter, the baseline, and sunsets side by side."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest
from rich.cells import cell_len
from rich.text import Text
from textual.pilot import Pilot
from textual.widgets import TabbedContent

from casetui.tui.app import CaseTUI
from casetui.tui.screens.compare import CompareScreen
from casetui.tui.widgets.compare_table import DIFF_STYLE, GROUP_KEY, CompareTable, fit_columns
from casetui.tui.widgets.sunsets import SideBySideSunsets, around_zero


async def open_compare(pilot: Pilot[None], ids: Sequence[str]) -> CompareScreen:
    app = pilot.app
    assert isinstance(app, CaseTUI)
    app.open_compare(ids)
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, CompareScreen)
    return screen


def value_rows(table: CompareTable) -> list[str]:
    """Keys of the rows on screen that hold values (section headings left out)."""
    keys = [table.coordinate_to_cell_key((row, 0)).row_key.value for row in range(table.row_count)]
    return [key for key in keys if key is not None and not key.startswith(GROUP_KEY)]


def marked(table: CompareTable, row_key: str) -> list[bool]:
    """Per case column: is the cell drawn as differing?"""
    cells: list[Text] = [cell.text for cell in table.get_row(row_key)[1:]]
    return [any(span.style == DIFF_STYLE for span in cell.spans) for cell in cells]


@pytest.mark.frames
def test_difference_filter_hides_equal_rows(drive, app_factory) -> None:
    async def scenario(pilot: Pilot[None]) -> None:
        screen = await open_compare(pilot, ["alpha-club", "beta-market"])
        table = screen.query_one(CompareTable)
        before = value_rows(table)
        assert "case.status" in before  # Both shut down: equal.
        await pilot.press("d")
        after = value_rows(table)
        assert "case.status" not in after
        assert "model.membership_fee" in after
        assert 0 < len(after) < len(before)
        assert all(table.row_at(table.get_row_index(key)).differs for key in after)  # type: ignore[union-attr]
        await pilot.press("d")
        assert value_rows(table) == before

    drive(app_factory(), scenario)


def test_baseline_changes_which_cells_are_marked(drive, app_factory, read_text) -> None:
    async def scenario(pilot: Pilot[None]) -> None:
        screen = await open_compare(pilot, ["alpha-club", "beta-market", "gamma-card"])
        table = screen.query_one(CompareTable)
        # Without a baseline a row that differs anywhere is marked in every column.
        assert marked(table, "case.status") == [True, True, True]
        table.move_cursor(column=1)
        await pilot.press("b")
        # Against alpha-club: beta-market is shut down too; gamma-card is paused.
        assert marked(table, "case.status") == [False, False, True]
        assert "◆ Baseline: Alpha Club" in read_text(screen.query_one("#compare-status"))
        table.move_cursor(column=3)
        await pilot.press("b")
        assert marked(table, "case.status") == [True, True, False]
        await pilot.press("b")  # Again on the pinned column: unpinned.
        assert marked(table, "case.status") == [True, True, True]
        assert "Baseline" not in read_text(screen.query_one("#compare-status"))

    drive(app_factory(), scenario)


@pytest.mark.frames
def test_n_jumps_to_the_next_differing_row(drive, app_factory) -> None:
    async def scenario(pilot: Pilot[None]) -> None:
        screen = await open_compare(pilot, ["alpha-club", "beta-market"])
        table = screen.query_one(CompareTable)
        table.move_cursor(row=table.get_row_index("case.company"))
        await pilot.press("n")
        # The status row is equal, so the cursor skips it.
        assert table.row_at(table.cursor_row).key == "case.region"  # type: ignore[union-attr]
        await pilot.press("n")
        assert table.row_at(table.cursor_row).key == "case.tags"  # type: ignore[union-attr]

    drive(app_factory(), scenario)


def test_sunsets_side_by_side_are_aligned_on_the_announcement(drive, app_factory, read_text) -> None:
    async def scenario(pilot: Pilot[None]) -> None:
        screen = await open_compare(pilot, ["alpha-club", "beta-market"])
        await pilot.press("s")
        assert screen.query_one(TabbedContent).active == "tab-sunsets"
        await pilot.pause()
        axis = read_text(screen.query_one("#aligned-axis")).splitlines()
        zero = next(line for line in axis if line.startswith("T+0"))
        assert "Shutdown announced" in zero
        assert "Closure announced" in zero
        # Events after T-0 follow in the order of their distance from it, each in its own column.
        order = [line.split()[0] for line in axis if line.startswith("T+") and line.split()[0] != "T+0"]
        assert order == ["T+1mo", "T+31d", "T+59d"]
        notices = read_text(screen.query_one("#notice-bars"))
        assert "59 days" in notices
        assert "1 month" in notices
        assert "1 Daily check-in T+0 → 2 Ordering T+31d → 3 Balance withdrawal T+59d" in notices

    drive(app_factory(), scenario)


def test_case_without_announcement_is_shown_as_such(drive, app_factory, read_text, fixture_dir, tmp_path: Path) -> None:
    (tmp_path / "quiet.toml").write_text(
        'format = 1\n[case]\nname = "Quiet"\nstatus = "active"\nsummary = "s"\n[model]\ntype = "t"\n'
        '[[events]]\ndate = 2020-01-01\ntitle = "Launch"\nkind = "launch"\n',
        encoding="utf-8",
    )

    async def scenario(pilot: Pilot[None]) -> None:
        screen = await open_compare(pilot, ["alpha-club", "quiet"])
        await pilot.press("s")
        await pilot.pause()
        assert "no announcement" in read_text(screen.query_one("#notice-bars"))
        assert "not shown: no announcement" in read_text(screen.query_one("#aligned-axis"))

    drive(app_factory(fixture_dir, tmp_path), scenario)


def test_markup_in_case_text_stays_literal(drive, app_factory, read_text) -> None:
    async def scenario(pilot: Pilot[None]) -> None:
        screen = await open_compare(pilot, ["alpha-club", "gamma-card"])
        table = screen.query_one(CompareTable)
        assert table.get_row("case.company")[2].text.plain == "Gamma [@click=app.quit]quit[/]"
        assert "Gamma Card [/]" in read_text(screen.query_one("#compare-names"))
        await pilot.press("s")
        await pilot.pause()
        assert "Pause announced [@click=app.quit]" in read_text(screen.query_one("#aligned-axis"))
        await pilot.click("#aligned-axis")
        assert pilot.app.return_code is None

    drive(app_factory(), scenario)


def test_language_switch_rerenders_live(drive, app_factory, read_text) -> None:
    async def scenario(pilot: Pilot[None]) -> None:
        screen = await open_compare(pilot, ["alpha-club", "beta-market"])
        table = screen.query_one(CompareTable)
        await pilot.press("d", "L")
        assert "阿尔法会员店" in read_text(screen.query_one("#compare-names"))
        assert table.get_row("case.company")[1].text.plain == "阿尔法集团"
        assert table.only_differences  # The filter survives the switch.
        await pilot.press("s")
        await pilot.pause()
        assert "59天" in read_text(screen.query_one("#notice-bars"))

    drive(app_factory(), scenario)


def marked_cases(table: CompareTable, row_key: str) -> dict[int, bool]:
    """Per case on screen (by its index among the compared cases): is its cell drawn as differing?"""
    return dict(zip(table.shown, marked(table, row_key), strict=True))


@pytest.mark.frames
def test_small_terminals_and_escape(drive, app_factory) -> None:
    for size in ((40, 12), (20, 6)):  # 80x24 is covered by the snapshots.

        async def scenario(pilot: Pilot[None]) -> None:
            screen = await open_compare(pilot, ["alpha-club", "beta-market"])
            table = screen.query_one(CompareTable)
            every = value_rows(table)
            assert list(table.shown) == [0]  # one case fits; `right` slides the next one in
            assert marked_cases(table, "model.membership_fee") == {0: True}
            while table.case_index != 1:  # onto Beta Market's column
                await pilot.press("right")
            assert list(table.shown) == [1]
            await pilot.press("b")
            await pilot.pause()
            assert table.baseline == 1
            # Against the baseline only the other case's fee is marked, not the baseline's own.
            assert marked_cases(table, "model.membership_fee") == {1: False}
            await pilot.press("left")
            await pilot.pause()
            assert marked_cases(table, "model.membership_fee") == {0: True}
            await pilot.press("d")
            await pilot.pause()
            shown = value_rows(table)
            assert "case.status" in every and "case.status" not in shown  # both shut down
            assert "model.membership_fee" in shown
            await pilot.press("s")
            await pilot.pause()
            assert screen.query_one(TabbedContent).active == "tab-sunsets"
            assert screen.query_one("#aligned-axis").display
            await pilot.press("escape")
            assert not isinstance(pilot.app.screen, CompareScreen)

        drive(app_factory(), scenario, size=size)


@pytest.mark.frames
def test_long_timelines_are_cut_around_t0() -> None:
    rows = [(float(days), []) for days in range(-20, 10)]  # T-0 is row 20 of 30.
    assert around_zero(rows, 100) == (0, 30)
    start, end = around_zero(rows, 9)
    assert (start, end) == (17, 26)
    assert rows[start][0] < 0 <= rows[start + 3][0]


def test_a_long_field_label_wraps_in_the_table_and_shows_whole_below(
    drive, app_factory, read_text, fixture_dir, tmp_path: Path
) -> None:
    label = "Date from which every platform must lift the blocking of links to other platforms"
    (tmp_path / "long-label.toml").write_text(
        'format = 1\n[case]\nname = "Long"\nstatus = "active"\nsummary = "s"\n[model]\ntype = "t"\n'
        f'deadline = {{ value = 2021-09-17, label = "{label}" }}\n',
        encoding="utf-8",
    )

    async def scenario(pilot: Pilot[None]) -> None:
        screen = await open_compare(pilot, ["alpha-club", "long-label"])
        table = screen.query_one(CompareTable)
        table.move_cursor(row=table.get_row_index("model.deadline"), column=2)
        await pilot.pause()
        assert label in " ".join(read_text(screen.query_one("#cell-detail")).split())
        # In the table the label wraps within the Field column, which leaves the cases their room.
        lines = read_text(table).splitlines()
        first = next(n for n, line in enumerate(lines) if "Date from which" in line)
        field = [line[: table.ordered_columns[0].get_render_width(table)] for line in lines[first : first + 6]]
        assert label in " ".join(" ".join(field).split())
        assert "2021-09-17" in lines[first]

    drive(app_factory(fixture_dir, tmp_path), scenario)


def columns_of(line: str, table: CompareTable) -> list[str]:
    """A table line cut into its columns (each one's text, stripped)."""
    chars: list[str] = []  # One entry per cell: a wide character, then an empty string for its second half.
    for char in line:
        chars += [char, *[""] * (cell_len(char) - 1)]
    cells, start = [], 0
    for column in table.ordered_columns:
        width = column.get_render_width(table)
        cells.append("".join(chars[start : start + width]).strip())
        start += width
    return cells


def test_two_cases_side_by_side_at_80_columns_and_right_slides_the_third_in(drive, app_factory, read_text) -> None:
    async def scenario(pilot: Pilot[None]) -> None:
        screen = await open_compare(pilot, ["alpha-club", "beta-market", "gamma-card"])
        table = screen.query_one(CompareTable)
        await pilot.press("L")
        await pilot.pause()
        header = columns_of(read_text(table).splitlines()[0], table)
        assert header[1:] == ["阿尔法会员店", "贝塔小铺"]
        assert "1-2/3" in header[0]
        await pilot.press("right", "right")
        await pilot.pause()
        assert table.case_index == 2
        lines = read_text(table).splitlines()
        assert columns_of(lines[0], table)[1:] == ["贝塔小铺", "伽马卡"]
        # Each line's Field column holds a field label or nothing: no value from a case off screen.
        labels = {row.label for row in table.rows_shown} | {"案例", "商业模式", "推导值"}  # headings too
        for line in lines[1:]:
            field = columns_of(line, table)[0].removeprefix("≠").strip()
            assert not field or any(field in label for label in labels), line
        assert "伽马卡" in read_text(screen.query_one("#cell-detail"))
        await pilot.press("left", "left", "left")
        assert table.case_index is None  # On the Field column, with the first case back on screen.
        assert columns_of(read_text(table).splitlines()[0], table)[1] == "阿尔法会员店"

    drive(app_factory(), scenario, size=(80, 24))


def test_long_values_wrap_in_their_cell_and_are_never_cut(drive, app_factory, read_text) -> None:
    async def scenario(pilot: Pilot[None]) -> None:
        screen = await open_compare(pilot, ["alpha-club", "beta-market", "gamma-card"])
        table = screen.query_one(CompareTable)
        lines = read_text(table).splitlines()
        shown = " ".join(" ".join(line.split()) for line in lines)
        assert "…" not in "".join(lines[1:])
        for row in table.rows_shown:
            for index in table.shown:
                cell = row.cells[index]
                if cell is not None and row.key != "case.name":
                    for word in cell.display.split():
                        assert word in shown, (row.key, word)

    drive(app_factory(), scenario, size=(80, 40))


@pytest.mark.frames
def test_each_view_takes_the_keys_and_the_sunsets_scroll_from_the_keyboard(drive, app_factory) -> None:
    async def scenario(pilot: Pilot[None]) -> None:
        screen = await open_compare(pilot, ["alpha-club", "beta-market", "gamma-card"])
        await pilot.press("s")
        await pilot.pause()
        sunsets = screen.query_one(SideBySideSunsets)
        assert sunsets.has_focus
        assert sunsets.max_scroll_y > 0  # Taller than the screen at 80x24: below the fold without scrolling.
        await pilot.press("pagedown")
        assert sunsets.scroll_y > 0
        await pilot.press("end")
        assert sunsets.scroll_y == sunsets.max_scroll_y
        await pilot.press("s")
        await pilot.pause()
        assert screen.query_one(CompareTable).has_focus

    drive(app_factory(), scenario, size=(80, 24))


@pytest.mark.frames
def test_columns_fit_two_cases_at_80_and_all_three_at_120() -> None:
    narrow = fit_columns(78, cases=3, label_natural=30)
    assert narrow.fit == 2
    assert narrow.label + 2 + narrow.fit * (narrow.cell + 2) <= 78
    wide = fit_columns(118, cases=3, label_natural=30)
    assert wide.fit == 3
    assert wide.label == 29 and wide.cell >= 22
    assert fit_columns(30, cases=3, label_natural=30).fit == 1


@pytest.mark.parametrize(("lang", "take_rate"), [("en", "Take rate"), ("zh", "抽成")])
def test_a_value_one_case_lacks_shows_a_dim_dash(drive, app_factory, screen_text, lang: str, take_rate: str) -> None:
    """Gamma Card has no take rate: its cell in that differing row reads "—", dimmed, not blank."""

    async def scenario(pilot: Pilot[None]) -> None:
        screen = await open_compare(pilot, ["alpha-club", "gamma-card"])
        table = screen.query_one(CompareTable)
        cells: list[Text] = [cell.text for cell in table.get_row("model.take_rate")[1:]]
        assert [cell.plain for cell in cells] == ["20%", "—"]
        assert cells[1].style == "dim"
        row = next(line for line in screen_text(pilot.app).splitlines() if take_rate in line)
        assert row.split(take_rate)[1].split() == ["20%", "—"]

    drive(app_factory(lang=lang), scenario, size=(80, 24))


SCHEDULED = Path(__file__).resolve().parents[1] / "fixtures" / "scheduled"
BUNDLED = Path(__file__).resolve().parents[2] / "cases"


@pytest.mark.parametrize(
    ("lang", "marked", "plain"), [("en", "59 days (scheduled)", "58 days"), ("zh", "59天（计划）", "58天")]
)
def test_sunsets_side_by_side_mark_a_notice_resting_on_a_schedule(
    drive, app_factory, read_text, lang: str, marked: str, plain: str
) -> None:
    """delta-shop's stop comes after its as_of; eta-plain has no as_of: only the first is marked, bar and axis."""

    async def scenario(pilot: Pilot[None]) -> None:
        screen = await open_compare(pilot, ["delta-shop", "eta-plain"])
        await pilot.press("s")
        await pilot.pause()
        for part in ("#notice-bars", "#aligned-axis"):
            text = read_text(screen.query_one(part))
            assert marked in text, text
            assert plain in text and f"{plain} (" not in text and f"{plain}（" not in text, text

    drive(app_factory(SCHEDULED, lang=lang), scenario)


def test_chinese_service_names_in_the_stop_order_wrap_whole_at_80_columns(drive, app_factory, read_text) -> None:
    async def scenario(pilot: Pilot[None]) -> None:
        screen = await open_compare(pilot, ["kuaishou-self-operated", "xiaohongka", "xiaomi-mi-fan-festival"])
        await pilot.press("s")
        await pilot.pause()
        notices = "".join(read_text(screen.query_one("#notice-bars")).split())
        assert "…" not in notices
        assert "1精选门店折扣（吃喝玩乐一卡通）T+22天→2小红卡商家官方认证T+22天" in notices

    drive(app_factory(BUNDLED, lang="zh"), scenario, size=(80, 24))
