"""The step-through cursor behind the sunset view, free of any UI."""

from __future__ import annotations

import pytest

from casetui.library import load_library
from casetui.model import Case
from casetui.timeline import TimelineCursor

from .helpers import FIXTURES, MINIMAL, load


@pytest.fixture(scope="module")
def alpha() -> Case:
    case = load_library([FIXTURES]).get("alpha-club")
    assert case is not None
    return case


def test_stepping_forward_and_back_stops_at_the_ends(alpha: Case) -> None:
    cursor = TimelineCursor(alpha)
    assert (len(cursor), cursor.position, cursor.at_start, cursor.at_end) == (4, 0, True, False)
    assert cursor.prev() is False
    titles = [cursor.event.title.get() if cursor.event else None]
    while cursor.next():
        titles.append(cursor.event.title.get() if cursor.event else None)
    assert titles == [
        "Launch",
        "Shutdown announced; check-in stops",
        "Ordering stops",
        "Withdrawals close; app shut down",
    ]
    assert cursor.at_end and cursor.position == 3
    assert cursor.next() is False
    assert cursor.prev() is True and cursor.position == 2


def test_jumps_are_clamped(alpha: Case) -> None:
    cursor = TimelineCursor(alpha, position=99)
    assert cursor.position == 3
    assert cursor.first() is True and cursor.position == 0
    assert cursor.first() is False
    assert cursor.last() is True and cursor.position == 3
    assert cursor.go(-5) is True and cursor.position == 0


def test_jump_to_an_event_id(alpha: Case) -> None:
    cursor = TimelineCursor(alpha)
    assert cursor.go_to_id("final") is True and cursor.position == 3
    assert cursor.go_to_id("nope") is False and cursor.position == 3


def test_what_the_sunset_view_shows_at_each_step(alpha: Case) -> None:
    cursor = TimelineCursor(alpha, position=1)
    assert cursor.offset is not None and cursor.offset.offset() == "T+0"
    assert cursor.to_shutdown is not None and cursor.to_shutdown.display() == "59 days"
    assert [(s.service.id, s.on) for s in cursor.states] == [
        ("check_in", False),
        ("ordering", True),
        ("withdrawal", True),
    ]
    assert [q.prompt.get() for q in cursor.questions] == ["Was one month of notice enough?"]
    cursor.next()
    assert cursor.offset is not None and cursor.offset.offset() == "T+31d"
    assert cursor.questions == ()


def test_a_case_without_events() -> None:
    cursor = TimelineCursor(load(MINIMAL + '[services]\nshop = "Shop"\n'))
    assert (len(cursor), cursor.event, cursor.offset, cursor.to_shutdown, cursor.questions) == (0, None, None, None, ())
    assert cursor.next() is False and cursor.prev() is False and cursor.last() is False
    assert [s.on for s in cursor.states] == [True]
