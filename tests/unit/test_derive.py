"""Derived values, with every expected number worked out by hand in the comments."""

from __future__ import annotations

import pytest

from casetui import derive
from casetui.library import load_library
from casetui.model import Case
from casetui.when import Span, SpanUnit

from .helpers import FIXTURES, MINIMAL, load

DAY = 86400


@pytest.fixture(scope="module")
def fixtures() -> dict[str, Case]:
    return {case.id: case for case in load_library([FIXTURES]).cases}


def events_case(*events: str, services: str = "") -> Case:
    """A minimal case with these `[[events]]` bodies (and `[services]` body)."""
    text = MINIMAL + (f"[services]\n{services}\n" if services else "")
    for body in events:
        text += f"[[events]]\n{body}\n"
    return load(text)


# -- lifespan --------------------------------------------------------------------------------


def test_lifespan_at_the_coarser_precision(fixtures: dict[str, Case]) -> None:
    # alpha: launched "2019", ended 2022-03-17T10:00+08:00 -> years: 2022 - 2019 = 3.
    assert derive.lifespan(fixtures["alpha-club"]) == Span(3, SpanUnit.YEAR)
    # beta: "2018-06" to "2021-09" -> months: (2021*12 + 9) - (2018*12 + 6) = 39.
    beta = derive.lifespan(fixtures["beta-market"])
    assert beta == Span(39, SpanUnit.MONTH)
    assert beta is not None and beta.display() == "3 years 3 months"
    # gamma has not ended.
    assert derive.lifespan(fixtures["gamma-card"]) is None


def test_lifespan_in_days_when_both_ends_are_days() -> None:
    case = load(
        MINIMAL.replace(
            'summary = "Only what is required."', 'summary = "s"\nlaunched = 2020-02-01\nended = 2021-02-01'
        )
    )
    # 2020 is a leap year: 29 days in February 2020, 366 days from 2020-02-01 to 2021-02-01.
    assert derive.lifespan(case) == Span(366, SpanUnit.DAY)


# -- notice period ---------------------------------------------------------------------------


def test_notice_period_from_the_first_announcement_to_the_last_shutdown(fixtures: dict[str, Case]) -> None:
    # alpha: 2022-01-17T10:00+08:00 to 2022-03-17T10:00+08:00: 14 + 28 + 17 = 59 days exactly.
    notice = derive.notice_period(fixtures["alpha-club"])
    assert notice == Span(59 * DAY, SpanUnit.SECOND)
    assert notice is not None and notice.display() == "59 days"
    # beta: "2021-08" to "2021-09" is one month.
    assert derive.notice_period(fixtures["beta-market"]) == Span(1, SpanUnit.MONTH)
    # gamma was paused: announced, never shut down.
    assert derive.notice_period(fixtures["gamma-card"]) is None


def test_notice_period_picks_the_first_announcement_and_the_last_shutdown_by_date() -> None:
    case = events_case(
        'date = 2021-05-01\ntitle = "final"\nkind = "shutdown"',
        'date = 2021-03-01\ntitle = "second notice"\nkind = "announcement"',
        'date = 2021-02-01\ntitle = "first notice"\nkind = "announcement"',
        'date = 2021-04-01\ntitle = "partial"\nkind = "shutdown"',
    )
    first, last = derive.announcement(case), derive.final_shutdown(case)
    assert first is not None and first.title.get() == "first notice"
    assert last is not None and last.title.get() == "final"
    # February 2021 (28) + March (31) + April (30) = 89 days.
    assert derive.notice_period(case) == Span(89, SpanUnit.DAY)


def test_notice_period_at_month_precision_when_the_announcement_is_a_month() -> None:
    case = events_case(
        'date = "2021-02"\ntitle = "a"\nkind = "announcement"',
        'date = 2021-05-20\ntitle = "s"\nkind = "shutdown"',
    )
    assert derive.notice_period(case) == Span(3, SpanUnit.MONTH)


def test_no_notice_period_without_an_announcement() -> None:
    case = events_case('date = 2021-05-01\ntitle = "s"\nkind = "shutdown"')
    assert derive.notice_period(case) is None
    assert derive.t_offset(case, case.events[0]) is None


# -- T-offsets -------------------------------------------------------------------------------


def test_t_offsets_from_the_first_announcement(fixtures: dict[str, Case]) -> None:
    alpha = fixtures["alpha-club"]
    offsets = [derive.t_offset(alpha, e) for e in alpha.events]
    # Launch "2019" against 2022: years. Then 0, 31 days (January has 31), 59 days.
    assert offsets == [
        Span(-3, SpanUnit.YEAR),
        Span(0, SpanUnit.SECOND),
        Span(31 * DAY, SpanUnit.SECOND),
        Span(59 * DAY, SpanUnit.SECOND),
    ]
    assert [o.offset() for o in offsets if o] == ["T-3y", "T+0", "T+31d", "T+59d"]
    beta = fixtures["beta-market"]
    # "2018-06" to "2021-08": 3 years and 2 months = 38 months before.
    assert [o.offset() for e in beta.events if (o := derive.t_offset(beta, e))] == ["T-3y2mo", "T+0", "T+1mo"]
    gamma = fixtures["gamma-card"]
    # 2025-09-01 to 2025-12-10: 30 (Sep) + 31 (Oct) + 30 (Nov) + 9 = 100 days before.
    assert [o.offset() for e in gamma.events if (o := derive.t_offset(gamma, e))] == ["T-3mo", "T+0"]


def test_time_left_to_the_last_shutdown(fixtures: dict[str, Case]) -> None:
    alpha = fixtures["alpha-club"]
    # From ordering stopping (2022-02-17) to the final shutdown (2022-03-17): February 2022 has 28 days.
    assert derive.to_shutdown(alpha, alpha.events[2]) == Span(28 * DAY, SpanUnit.SECOND)
    assert derive.to_shutdown(alpha, alpha.events[3]) == Span(0, SpanUnit.SECOND)
    gamma = fixtures["gamma-card"]
    assert derive.to_shutdown(gamma, gamma.events[0]) is None


# -- service states --------------------------------------------------------------------------


def on_at(case: Case, step: int) -> dict[str, bool]:
    return {s.service.id: s.on for s in derive.service_states(case, step)}


def test_services_stay_on_until_the_event_that_ends_them(fixtures: dict[str, Case]) -> None:
    alpha = fixtures["alpha-club"]
    assert on_at(alpha, 0) == {"check_in": True, "ordering": True, "withdrawal": True}
    assert on_at(alpha, 1) == {"check_in": False, "ordering": True, "withdrawal": True}
    assert on_at(alpha, 2) == {"check_in": False, "ordering": False, "withdrawal": True}
    assert on_at(alpha, 3) == {"check_in": False, "ordering": False, "withdrawal": False}
    ended_here = [[s.service.id for s in derive.service_states(alpha, step) if s.ended_here] for step in range(4)]
    assert ended_here == [[], ["check_in"], ["ordering"], ["withdrawal"]]


def test_a_service_ends_at_its_first_ending_in_date_order_and_others_stay_on() -> None:
    case = events_case(
        'date = 2021-03-01\ntitle = "again"\nends = ["chat"]',
        'date = 2021-01-01\ntitle = "first"',
        'date = 2021-02-01\ntitle = "chat off"\nends = ["chat"]',
        services='chat = "Chat"\nshop = "Shop"',
    )
    assert [e.title.get() for e in case.events] == ["first", "chat off", "again"]
    assert on_at(case, 0) == {"chat": True, "shop": True}
    assert on_at(case, 1) == {"chat": False, "shop": True}
    assert on_at(case, 2) == {"chat": False, "shop": True}
    assert [s.ended_here for s in derive.service_states(case, 2)] == [False, False]
    assert derive.services_ended_by(case, case.events[1]) == (case.services[0],)
    assert derive.services_ended_by(case, case.events[0]) == ()


def test_the_services_an_event_stops_are_listed_in_services_order() -> None:
    case = events_case(
        'date = 2021-01-01\ntitle = "off"\nends = ["shop", "chat"]', services='chat = "Chat"\nshop = "Shop"'
    )
    assert [s.id for s in derive.services_ended_by(case, case.events[0])] == ["chat", "shop"]


def test_no_lifespan_without_a_launch_even_when_the_case_ended() -> None:
    case = events_case('date = 2021-05-01\ntitle = "s"\nkind = "shutdown"')
    assert case.launched is None and derive.end(case) is not None
    assert derive.lifespan(case) is None
