"""The step-through cursor behind the sunset view, free of any UI."""

from __future__ import annotations

import pytest

from casetui import derive
from casetui.library import load_library
from casetui.model import Case
from casetui.timeline import HIDDEN, TimelineCursor
from casetui.when import Span

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


def test_without_spoilers_only_the_steps_reached_are_shown(alpha: Case) -> None:
    cursor = TimelineCursor(alpha, spoilers=False)
    assert [cursor.shows(i) for i in range(4)] == [True, False, False, False]
    assert cursor.horizon == 0
    # At the launch the announcement, the shutdown and every figure drawn from them lie ahead.
    assert (cursor.shown_offset, cursor.shown_to_shutdown) == (HIDDEN, HIDDEN)
    assert (cursor.shown_notice, cursor.shown_lifespan, cursor.ending_hidden) == (HIDDEN, HIDDEN, True)

    cursor.next()  # The announcement: T-0 is known, the end is not.
    assert cursor.horizon == 1 and cursor.shows(1) and not cursor.shows(2)
    assert isinstance(cursor.shown_offset, Span) and cursor.shown_offset.offset() == "T+0"
    assert cursor.shown_to_shutdown is HIDDEN and cursor.shown_notice is HIDDEN

    cursor.last()  # `end` still jumps, and then everything is known.
    assert cursor.horizon == 3 and all(cursor.shows(i) for i in range(4))
    assert isinstance(cursor.shown_to_shutdown, Span) and cursor.shown_to_shutdown.amount == 0
    assert isinstance(cursor.shown_notice, Span) and cursor.shown_notice.display() == "59 days"
    assert cursor.shown_lifespan == derive.lifespan(alpha) and not cursor.ending_hidden

    cursor.prev()  # Stepping back hides the ending again.
    assert cursor.horizon == 2 and not cursor.shows(3)
    assert cursor.shown_to_shutdown is HIDDEN and cursor.shown_notice is HIDDEN


def test_with_spoilers_everything_is_shown_from_the_first_step(alpha: Case) -> None:
    cursor = TimelineCursor(alpha)
    assert cursor.horizon == 3 and all(cursor.shows(i) for i in range(4))
    assert cursor.shown_offset == cursor.offset and cursor.shown_to_shutdown == cursor.to_shutdown
    assert cursor.shown_notice == derive.notice_period(alpha)
    cursor.spoilers = False  # The key in the sunset view turns it off where the class stands.
    assert cursor.horizon == 0 and cursor.shown_notice is HIDDEN


def test_without_spoilers_a_case_without_an_announcement_or_a_shutdown_says_so_only_at_the_end() -> None:
    events = '[[events]]\ndate = 2020-01-01\ntitle = "A"\nkind = "launch"\n'
    events += '[[events]]\ndate = 2021-01-01\ntitle = "B"\nkind = "milestone"\n'
    cursor = TimelineCursor(load(MINIMAL + events), spoilers=False)
    assert (cursor.shown_offset, cursor.shown_to_shutdown) == (HIDDEN, HIDDEN)
    cursor.last()
    assert (cursor.shown_offset, cursor.shown_to_shutdown) == (None, None)
    empty = TimelineCursor(load(MINIMAL), spoilers=False)
    assert (empty.horizon, empty.shown_offset, empty.shown_notice) == (-1, None, None)


def test_only_the_first_step_is_the_start(alpha: Case) -> None:
    cursor = TimelineCursor(alpha)
    assert cursor.at_start and not cursor.at_end
    cursor.next()
    assert not cursor.at_start and not cursor.at_end
    cursor.last()
    assert (cursor.at_start, cursor.at_end) == (False, True)


def test_a_question_for_no_event_is_not_shown_at_an_event_without_an_id() -> None:
    events = '[[events]]\ndate = 2020-01-01\ntitle = "A"\n'
    events += '[[events]]\ndate = 2021-01-01\ntitle = "B"\nid = "b"\n'
    questions = '[[questions]]\nprompt = "General"\n[[questions]]\nprompt = "About B"\nevent = "b"\n'
    cursor = TimelineCursor(load(MINIMAL + events + questions))
    assert cursor.questions == ()
    cursor.next()
    assert [q.prompt.get() for q in cursor.questions] == ["About B"]
