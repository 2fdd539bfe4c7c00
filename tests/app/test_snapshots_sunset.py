"""SVG snapshots of the sunset, workshop and compare screens (`--snapshot-update` to regenerate)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence

from textual.pilot import Pilot

from casetui.tui.app import CaseTUI

RunBefore = Callable[[Pilot[None]], Awaitable[None]]


def sunset(case_id: str = "alpha-club") -> RunBefore:
    async def run_before(pilot: Pilot[None]) -> None:
        assert isinstance(pilot.app, CaseTUI)
        pilot.app.open_sunset(case_id)
        await pilot.pause()

    return run_before


def compare(ids: Sequence[str]) -> RunBefore:
    async def run_before(pilot: Pilot[None]) -> None:
        assert isinstance(pilot.app, CaseTUI)
        pilot.app.open_compare(ids)
        await pilot.pause()

    return run_before


def themed(app: CaseTUI) -> CaseTUI:
    """A fixed theme, so that the snapshot does not follow the default's changes."""
    app.theme = "textual-dark"
    return app


def test_sunset_at_the_announcement_80x24(snap_compare, app_factory) -> None:
    assert snap_compare(themed(app_factory()), press=["right"], terminal_size=(80, 24), run_before=sunset())


def test_sunset_in_chinese_with_notes_revealed_80x24(snap_compare, app_factory) -> None:
    app = themed(app_factory(lang="zh"))
    assert snap_compare(app, press=["right", "r"], terminal_size=(80, 24), run_before=sunset())


def test_sunset_with_notes_revealed_120x40(snap_compare, app_factory) -> None:
    assert snap_compare(themed(app_factory()), press=["right", "r"], terminal_size=(120, 40), run_before=sunset())


def test_sunset_in_chinese_without_spoilers_120x40(snap_compare, app_factory) -> None:
    app = themed(app_factory(lang="zh"))
    assert snap_compare(app, press=["right", "s"], terminal_size=(120, 40), run_before=sunset())


def test_present_mode_80x24(snap_compare, app_factory) -> None:
    assert snap_compare(themed(app_factory(present="alpha-club")), press=["right"], terminal_size=(80, 24))


def test_present_mode_in_chinese_80x24(snap_compare, app_factory) -> None:
    app = themed(app_factory(lang="zh", present="alpha-club"))
    assert snap_compare(app, press=["right"], terminal_size=(80, 24))


def test_present_mode_100x30(snap_compare, app_factory) -> None:
    app = themed(app_factory(present="alpha-club"))
    assert snap_compare(app, press=["right", "right"], terminal_size=(100, 30))


def test_present_mode_in_chinese_100x30(snap_compare, app_factory) -> None:
    app = themed(app_factory(lang="zh", present="alpha-club"))
    assert snap_compare(app, press=["end"], terminal_size=(100, 30))


def test_present_mode_120x40(snap_compare, app_factory) -> None:
    app = themed(app_factory(present="alpha-club"))
    assert snap_compare(app, press=["right", "right"], terminal_size=(120, 40))


def test_present_mode_in_chinese_120x40(snap_compare, app_factory) -> None:
    app = themed(app_factory(lang="zh", present="alpha-club"))
    assert snap_compare(app, press=["right", "r"], terminal_size=(120, 40))


def test_present_mode_without_spoilers_120x40(snap_compare, app_factory) -> None:
    app = themed(app_factory(present="alpha-club", spoilers=False))
    assert snap_compare(app, press=["right"], terminal_size=(120, 40))


def test_compare_table_80x24(snap_compare, app_factory) -> None:
    run_before = compare(["alpha-club", "beta-market"])
    assert snap_compare(app_factory(), terminal_size=(80, 24), run_before=run_before)


def test_compare_baseline_and_differences_120x40(snap_compare, app_factory) -> None:
    """Beta Market pinned (not the column the cursor starts on), and the rows both cases agree on
    (status: shut down) hidden: the state line reads fewer rows than there are."""
    run_before = compare(["alpha-club", "beta-market"])
    press = ["right", "b", "d", "n"]
    assert snap_compare(app_factory(), press=press, terminal_size=(120, 40), run_before=run_before)


def test_compare_sunsets_side_by_side_120x40(snap_compare, app_factory) -> None:
    run_before = compare(["alpha-club", "beta-market", "gamma-card"])
    assert snap_compare(app_factory(), press=["s"], terminal_size=(120, 40), run_before=run_before)
