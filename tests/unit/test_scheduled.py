"""Scheduled is not happened: an event after `as_of` is scheduled, and what rests on it says so."""

from __future__ import annotations

import pytest

from casetui import derive
from casetui.summary import Summary
from casetui.when import Span, SpanUnit, known_after

from .helpers import TESTS, load

SCHEDULED = TESTS / "fixtures" / "scheduled"


def case_with(as_of: str | None, *events: tuple[str, str], head: str = "") -> str:
    """A case text with `as_of` (a TOML value, or None) and events given as (date, kind)."""
    lines = ["format = 1", "[case]", 'name = "S"', 'status = "sunsetting"', 'summary = "s"', head]
    if as_of is not None:
        lines.append(f"as_of = {as_of}")
    lines += ["[model]", 'type = "t"']
    for date, kind in events:
        lines += ["[[events]]", f"date = {date}", 'title = "e"', f'kind = "{kind}"']
    return "\n".join(lines) + "\n"


def flags(text: str) -> list[bool]:
    case = load(text)
    return [derive.scheduled(case, event) for event in case.events]


def test_an_event_after_as_of_is_scheduled_and_one_on_the_same_day_is_not() -> None:
    text = case_with(
        "2022-01-18",
        ("2022-01-17", "announcement"),
        ("2022-01-18T23:59:00+08:00", "migration"),  # the as_of day itself, late in the day
        ("2022-01-19", "service-stop"),
        ("2022-03-17T10:00:00+08:00", "shutdown"),
    )
    assert flags(text) == [False, False, True, True]


def test_without_as_of_nothing_is_scheduled() -> None:
    assert flags(case_with(None, ("2099-01-01", "announcement"), ("2099-02-01", "shutdown"))) == [False, False]


@pytest.mark.parametrize(
    ("as_of", "date", "scheduled"),
    [
        ('"2021-09"', "2021-09-12", False),  # the same month: perhaps already past when checked
        ('"2021-09"', '"2021-09"', False),
        ('"2021-09"', "2021-10-11", True),
        ('"2021-09"', '"2021"', False),  # a coarser event: the same year
        ('"2021-09"', '"2022"', True),
        ("2021-09-30", '"2021-09"', False),  # a coarser event in the as_of month
        ("2021-09-30", '"2021-10"', True),
        ('"2021"', "2021-12-31", False),
        ('"2021"', "2022-01-01", True),
        # One instant written in two offsets is not after itself; a second later is.
        ("2022-01-18T10:00:00+08:00", "2022-01-18T02:00:00+00:00", False),
        ("2022-01-18T10:00:00+08:00", "2022-01-18T02:00:01+00:00", True),
        # Two wall clocks without offsets: the same minute is not after it.
        ("2022-01-18T10:00:00", "2022-01-18T10:00:00", False),
        ("2022-01-18T10:00:00", "2022-01-18T10:01:00", True),
        # Only one with an offset: the clocks as written, as spans compare them (no error).
        ("2022-01-18T10:00:00+08:00", "2022-01-18T11:00:00", True),
        ("2022-01-18T10:00:00", "2022-01-18T09:00:00+00:00", False),
    ],
)
def test_an_event_is_scheduled_only_when_known_to_be_after_as_of(as_of: str, date: str, scheduled: bool) -> None:
    """Partial dates only when known to be after; moments only when strictly later."""
    assert flags(case_with(as_of, (date, "shutdown"))) == [scheduled]


def test_two_moments_with_offsets_compare_as_instants() -> None:
    beijing = load(case_with("2022-01-18T10:00:00+08:00")).as_of
    assert beijing is not None
    earlier_in_utc = load(case_with(None, ("2022-01-18T01:00:00+00:00", "shutdown"))).events[0].date
    later_in_utc = load(case_with(None, ("2022-01-18T03:00:00+00:00", "shutdown"))).events[0].date
    assert not known_after(earlier_in_utc, beijing)  # 09:00 in Beijing
    assert known_after(later_in_utc, beijing)  # 11:00 in Beijing


def test_the_end_comes_from_the_final_shutdown_when_ended_is_absent() -> None:
    case = load((SCHEDULED / "delta-shop.toml").read_text(encoding="utf-8"), "delta-shop.toml")
    end = derive.end(case)
    assert end is not None and (end.date.iso(), end.derived, end.scheduled) == ("2022-03-17T10:00:00+08:00", True, True)
    assert derive.lifespan(case) == Span(3, SpanUnit.YEAR)
    assert derive.lifespan_scheduled(case) and derive.notice_scheduled(case)


def test_the_authors_ended_wins_over_the_final_shutdown() -> None:
    case = load((SCHEDULED / "epsilon-pause.toml").read_text(encoding="utf-8"), "epsilon-pause.toml")
    end = derive.end(case)
    assert end is not None and (end.date.iso(), end.derived, end.scheduled) == ("2021-10-11", False, True)
    # 2019-06 to 2021-10 (ended) is 28 months; to the shutdown of 2021-11-01 it would be 29.
    assert derive.lifespan(case) == Span(28, SpanUnit.MONTH)


def test_a_confirmed_end_and_its_spans_rest_on_no_schedule() -> None:
    text = case_with("2022-03-20", ("2022-01-17", "announcement"), ("2022-03-17", "shutdown"), head='launched = "2019"')
    case = load(text)
    end = derive.end(case)
    assert end is not None and not end.scheduled
    assert not derive.lifespan_scheduled(case) and not derive.notice_scheduled(case)


def test_no_end_without_ended_or_a_shutdown_event() -> None:
    case = load(case_with("2022-01-18", ("2022-01-17", "announcement"), head='launched = "2019"'))
    assert derive.end(case) is None and derive.lifespan(case) is None


@pytest.mark.parametrize(
    ("name", "keys"),
    [
        ("delta-shop", []),  # sunsetting, no ended: as the rule asks
        ("epsilon-pause", ["case.status", "case.ended"]),  # paused by a shutdown event after as_of
        ("zeta-merge", ["case.status"]),  # merged by a migration after as_of
        ("eta-plain", []),  # no as_of: nothing to check
    ],
)
def test_premature_finds_a_status_or_ended_that_rests_on_a_schedule(name: str, keys: list[str]) -> None:
    case = load((SCHEDULED / f"{name}.toml").read_text(encoding="utf-8"), f"{name}.toml")
    found = derive.premature(case)
    assert [key for key, _ in found] == keys
    assert all("sunsetting" in message for _, message in found)


def test_the_status_event_is_the_last_shutdown_or_for_merged_the_last_migration() -> None:
    base = case_with("2023-05-01", ("2023-04-01", "shutdown"), ("2023-04-20", "migration"), ("2023-06-01", "shutdown"))
    for status, date in (("shut-down", "2023-06-01"), ("paused", "2023-06-01"), ("merged", "2023-04-20")):
        case = load(base.replace('status = "sunsetting"', f'status = "{status}"'))
        event = derive.status_event(case)
        assert event is not None and event.date.iso() == date
    merged = load(base.replace('status = "sunsetting"', 'status = "merged"'))
    assert derive.premature(merged) == ()  # its migration came before as_of
    assert derive.status_event(load(base)) is None  # sunsetting: nothing makes it so


def test_summaries_keep_the_flags_through_the_index_cache() -> None:
    for path in sorted(SCHEDULED.glob("*.toml")):
        summary = Summary.from_case(load(path.read_text(encoding="utf-8"), path.name))
        assert Summary.from_row(summary.to_row()) == summary
    delta = Summary.from_case(load((SCHEDULED / "delta-shop.toml").read_text(encoding="utf-8"), "delta-shop.toml"))
    assert (delta.end_derived, delta.end_scheduled, delta.lifespan_scheduled, delta.notice_scheduled) == (
        True,
        True,
        True,
        True,
    )
    assert not delta.premature
    with pytest.raises(ValueError):
        Summary.from_row(delta.to_row()[:11])  # a row of the previous index version


def test_a_launch_after_as_of_makes_the_lifespan_scheduled_even_when_the_end_is_not() -> None:
    # Launched 2022-03-01, after as_of "2022-02"; ended "2022" is not known to be after "2022-02".
    case = load(case_with('"2022-02"', head='launched = 2022-03-01\nended = "2022"'))
    end = derive.end(case)
    assert end is not None and not end.scheduled
    assert derive.lifespan_scheduled(case)


def test_a_scheduled_announcement_makes_the_notice_period_scheduled() -> None:
    # The announcement (2022-03-01) is after as_of "2022-02"; the shutdown, "2022", is not known to be.
    case = load(case_with('"2022-02"', ("2022-03-01", "announcement"), ('"2022"', "shutdown")))
    assert [derive.scheduled(case, event) for event in case.events] == [False, True]
    assert derive.notice_period(case) == Span(0, SpanUnit.YEAR)
    assert derive.notice_scheduled(case)


def test_a_sunsetting_case_is_not_told_to_write_sunsetting() -> None:
    text = case_with("2022-01-18", ("2022-03-17", "shutdown"), head="ended = 2022-03-17")
    ((key, message),) = derive.premature(load(text))
    assert key == "case.ended" and "leave ended out" in message
    assert 'write status = "sunsetting"' not in message
    paused = derive.premature(load(text.replace('status = "sunsetting"', 'status = "paused"')))
    assert [key for key, _ in paused] == ["case.status", "case.ended"]
    assert all('write status = "sunsetting"' in message for _, message in paused)
