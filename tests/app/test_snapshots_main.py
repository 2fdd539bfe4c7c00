"""SVG snapshots of the library, case and compare screens at 80x24 and 120x40, in English and Chinese.

Regenerate after a deliberate change with `pytest tests/app/test_snapshots_main.py --snapshot-update`
and look at the report before committing.
"""

from __future__ import annotations

from collections.abc import Awaitable

from textual.pilot import Pilot

from casetui.tui.app import CaseTUI


def test_library_80x24(snap_compare, snap_app) -> None:
    assert snap_compare(snap_app(), terminal_size=(80, 24))


def test_library_120x40_marked_and_sorted(snap_compare, snap_app) -> None:
    assert snap_compare(snap_app(), press=["m", "down", "m", "s", "s", "s"], terminal_size=(120, 40))


def test_library_chinese_120x40(snap_compare, snap_app) -> None:
    assert snap_compare(snap_app(lang="zh"), terminal_size=(120, 40))


def test_case_overview_80x24(snap_compare, snap_app) -> None:
    assert snap_compare(snap_app(), press=["enter"], terminal_size=(80, 24))


def test_case_timeline_120x40(snap_compare, snap_app) -> None:
    assert snap_compare(snap_app(), press=["enter", "3"], terminal_size=(120, 40))


def test_case_questions_chinese_80x24(snap_compare, snap_app) -> None:
    assert snap_compare(snap_app(lang="zh"), press=["end", "enter", "7", "r"], terminal_size=(80, 24))


def test_keys_help_80x24(snap_compare, snap_app) -> None:
    assert snap_compare(snap_app(), press=["question_mark"], terminal_size=(80, 24))


def test_library_chinese_80x24(snap_compare, snap_app) -> None:
    assert snap_compare(snap_app(lang="zh"), terminal_size=(80, 24))


def test_case_timeline_80x24(snap_compare, snap_app) -> None:
    assert snap_compare(snap_app(), press=["enter", "3"], terminal_size=(80, 24))


def test_case_timeline_chinese_80x24(snap_compare, snap_app) -> None:
    assert snap_compare(snap_app(lang="zh"), press=["enter", "3"], terminal_size=(80, 24))


def test_case_model_chinese_120x40(snap_compare, snap_app) -> None:
    assert snap_compare(snap_app(lang="zh"), press=["enter", "2"], terminal_size=(120, 40))


def test_case_overview_chinese_120x40(snap_compare, snap_app) -> None:
    assert snap_compare(snap_app(lang="zh"), press=["enter"], terminal_size=(120, 40))


def open_compare(pilot: Pilot[None]) -> Awaitable[None]:
    assert isinstance(pilot.app, CaseTUI)
    pilot.app.open_compare(["alpha-club", "beta-market", "gamma-card"])
    return pilot.pause()


def test_compare_three_cases_80x24(snap_compare, snap_app) -> None:
    assert snap_compare(snap_app(), terminal_size=(80, 24), run_before=open_compare)


def test_compare_chinese_80x24_after_right(snap_compare, snap_app) -> None:
    """The third case slides in; no cell of the case that slid out shows in the Field column."""
    assert snap_compare(snap_app(lang="zh"), press=["right", "right"], terminal_size=(80, 24), run_before=open_compare)


def test_compare_120x40(snap_compare, snap_app) -> None:
    assert snap_compare(snap_app(), terminal_size=(120, 40), run_before=open_compare)


def test_compare_chinese_120x40(snap_compare, snap_app) -> None:
    assert snap_compare(snap_app(lang="zh"), terminal_size=(120, 40), run_before=open_compare)
