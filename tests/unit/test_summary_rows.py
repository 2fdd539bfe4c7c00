"""A summary's row in the index cache: it comes back whole, and a damaged part is refused, never used.

The index is a file on disk that anything may have damaged; `Summary.from_row` must refuse each part
of the wrong shape (a refused row makes casetui parse the file again) rather than show it.
"""

from __future__ import annotations

import datetime as dt

import pytest

from casetui.summary import Summary
from casetui.text import LText
from casetui.when import Precision, Span, SpanUnit, When

CST = dt.timezone(dt.timedelta(hours=8))
MOMENT = dt.datetime(2022, 3, 17, 10, tzinfo=CST)

GOOD = Summary(
    "alpha-club",
    LText((("en", "Alpha Club"), ("zh", "阿尔法会员店"))),
    "shut-down",
    LText.plain("Membership"),
    company=LText.plain("Example Co"),
    tags=("membership",),
    launched=When(2019, precision=Precision.YEAR),
    ended=When(2022, 3, 17, Precision.TIME, MOMENT),
    lifespan=Span(3, SpanUnit.YEAR),
    notice=Span(59, SpanUnit.DAY),
    events=4,
    end=When(2022, 3, 17, Precision.DAY),
)

LAUNCHED, LIFESPAN, EVENTS, FLAGS = 6, 8, 10, 12
"""Where these parts sit in a row."""


def damaged(index: int, value: object) -> tuple[object, ...]:
    row = list(GOOD.to_row())
    row[index] = value
    return tuple(row)


@pytest.mark.parametrize(
    "flags",
    [
        {"end_derived": True},
        {"end_scheduled": True},
        {"lifespan_scheduled": True},
        {"notice_scheduled": True},
        {"premature": True},
        {"end_scheduled": True, "notice_scheduled": True},
    ],
)
def test_each_flag_comes_back_as_it_went(flags: dict[str, bool]) -> None:
    summary = GOOD._replace(**flags)
    assert Summary.from_row(summary.to_row()) == summary


def test_a_good_row_comes_back_whole() -> None:
    assert Summary.from_row(GOOD.to_row()) == GOOD


@pytest.mark.parametrize(
    ("index", "value"),
    [
        (FLAGS, 32),  # six bits: more flags than a summary has
        (FLAGS, -1),
        (EVENTS, -1),
        (LIFESPAN, (3, 0)),  # no span unit 0
        (LIFESPAN, (3, len(SpanUnit) + 1)),
        (LAUNCHED, (2019, 2, 30, int(Precision.DAY), None)),  # no 30 February
        (LAUNCHED, (2019, 1, 1, 0, None)),  # no precision 0
        (LAUNCHED, (2019, 1, 1, len(Precision) + 1, None)),
        (LAUNCHED, (2022, 3, 17, int(Precision.TIME), None)),  # a time without its moment
        (LAUNCHED, (2022, 3, 17, int(Precision.DAY), MOMENT.isoformat())),  # a day with one
        (LAUNCHED, (2022, 3, 17, int(Precision.TIME), 5)),
    ],
)
def test_a_damaged_part_is_refused(index: int, value: object) -> None:
    with pytest.raises((TypeError, ValueError)):
        Summary.from_row(damaged(index, value))
