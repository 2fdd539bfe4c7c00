"""Dates at the precision written, their order, and the spans between them."""

from __future__ import annotations

import datetime as dt

import pytest

from casetui.when import Precision, Span, SpanUnit, When

from .helpers import MINIMAL, lines_of, load

CST = dt.timezone(dt.timedelta(hours=8))


def w(value: object) -> When:
    return When.from_toml(value)


@pytest.mark.parametrize(
    ("value", "precision", "iso", "shown"),
    [
        ("2019", Precision.YEAR, "2019", "2019"),
        ("2019-10", Precision.MONTH, "2019-10", "2019-10"),
        (dt.date(2022, 1, 17), Precision.DAY, "2022-01-17", "2022-01-17"),
        (dt.datetime(2022, 3, 17, 10, 0), Precision.TIME, "2022-03-17T10:00:00", "2022-03-17 10:00"),
        (
            dt.datetime(2022, 3, 17, 10, 0, tzinfo=CST),
            Precision.TIME,
            "2022-03-17T10:00:00+08:00",
            "2022-03-17 10:00 +08:00",
        ),
        (
            dt.datetime(2022, 3, 17, 10, 0, 5, tzinfo=dt.timezone.utc),
            Precision.TIME,
            None,
            "2022-03-17 10:00:05 +00:00",
        ),
        (
            dt.datetime(2022, 3, 17, 10, 0, tzinfo=dt.timezone(-dt.timedelta(hours=5, minutes=30))),
            Precision.TIME,
            None,
            "2022-03-17 10:00 -05:30",
        ),
        # -225 minutes: 3 h 45 min behind, not "-04:15" from a floored division of a negative number.
        (
            dt.datetime(2022, 3, 17, 10, 0, tzinfo=dt.timezone(-dt.timedelta(hours=3, minutes=45))),
            Precision.TIME,
            None,
            "2022-03-17 10:00 -03:45",
        ),
        (dt.date(2025, 9, 1), Precision.DAY, "2025-09-01", "2025-09-01"),
        ("2019-10-03", Precision.DAY, "2019-10-03", "2019-10-03"),
    ],
)
def test_shown_at_the_precision_written(value: object, precision: Precision, iso: str | None, shown: str) -> None:
    when = w(value)
    assert when.precision is precision
    if iso is not None:
        assert when.iso() == iso
    assert when.display() == shown
    assert str(when) == shown


def test_a_month_never_gets_an_invented_day() -> None:
    when = When.parse("2019-10")
    assert when.precision is Precision.MONTH
    assert when.display() == "2019-10"
    assert when.iso() == "2019-10"
    assert When.parse("2019").display() == "2019"


def test_spaces_around_a_date_string_are_ignored() -> None:
    assert When.parse(" 2019-10 ") == When(2019, 10, precision=Precision.MONTH)
    assert When.parse("2019\n").display() == "2019"


@pytest.mark.parametrize("text", ["２０１９", "٢٠١٩-١٠", "2019-１０", "2019-10-０３"])
def test_only_ascii_digits_make_a_date(text: str) -> None:
    """Full-width and Arabic-Indic digits are digits to Python's `int`, but not to the format."""
    with pytest.raises(ValueError, match="is not a date"):
        When.parse(text)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("2019-13", "no month 13"),
        ("2019-00", "no month 00"),
        ("2019-1", "is not a date"),
        ("19", "is not a date"),
        ("October 2019", "is not a date"),
        ("2019-02-30", "not a day of the calendar"),
        ("", "is not a date"),
    ],
)
def test_bad_partial_dates_are_refused_with_a_reason(text: str, reason: str) -> None:
    with pytest.raises(ValueError, match=reason):
        When.parse(text)


def test_partial_dates_sort_at_the_start_of_their_period() -> None:
    year, month = When.parse("2019"), When.parse("2019-10")
    assert year.sort_key == w(dt.date(2019, 1, 1)).sort_key
    assert month.sort_key == w(dt.date(2019, 10, 1)).sort_key
    assert month.sort_key < w(dt.datetime(2019, 10, 1, 0, 0, 1)).sort_key
    assert w(dt.date(2019, 9, 30)).sort_key < month.sort_key
    assert w(dt.date(2018, 12, 31)).sort_key < year.sort_key


def test_days_of_one_month_sort_by_day() -> None:
    case = load(
        MINIMAL
        + """
[[events]]
date = 2020-03-20
title = "late"
[[events]]
date = 2020-03-05
title = "early"
"""
    )
    assert [e.title.get("en") for e in case.events] == ["early", "late"]
    assert w(dt.date(2020, 3, 5)).sort_key < w(dt.date(2020, 3, 20)).sort_key


def test_events_sort_by_date_and_ties_keep_file_order() -> None:
    case = load(
        MINIMAL
        + """
[[events]]
date = 2020-03-01
title = "c"
[[events]]
date = "2020"
title = "a1"
[[events]]
date = "2020-03"
title = "b1"
[[events]]
date = 2020-01-01
title = "a2"
[[events]]
date = "2020-03"
title = "b2"
[[events]]
date = 2020-03-01T00:00:00
title = "d"
[[events]]
date = 2019-12-31T23:59:59
title = "first"
"""
    )
    # "2020" and 2020-01-01 tie (start of the year); "2020-03", "2020-03", 2020-03-01 and its midnight tie too.
    assert [e.title.get() for e in case.events] == ["first", "a1", "a2", "c", "b1", "b2", "d"]
    assert [e.index for e in case.events] == [6, 1, 3, 0, 2, 4, 5]


def test_loader_accepts_every_kind_of_when_and_keeps_its_precision() -> None:
    case = load(
        MINIMAL.replace(
            'summary = "Only what is required."',
            'summary = "s"\nlaunched = "2019"\nended = 2022-03-17T10:00:00+08:00\nas_of = 2022-01-18',
        )
        + """
[[events]]
date = "2019-10"
title = "month"
[[events]]
date = 2021-06-01T09:30:00
title = "local date-time"
"""
    )
    assert case.launched is not None and case.launched.display() == "2019"
    assert case.ended is not None and case.ended.display() == "2022-03-17 10:00 +08:00"
    assert case.as_of is not None and case.as_of.display() == "2022-01-18"
    assert [e.date.display() for e in case.events] == ["2019-10", "2021-06-01 09:30"]


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("10:00:00", 'expected a date (2022-01-17, "2019-10" or "2019"), got a time of day'),
        ("2019", 'expected a date (2022-01-17, "2019-10" or "2019"), got an integer'),
        ('"2019-13"', "has no month 13"),
        ('"soon"', "is not a date"),
        ("[2019]", "got an array"),
    ],
)
def test_a_bad_when_is_one_located_error(value: str, message: str) -> None:
    text = MINIMAL + f'\n[[events]]\ndate = {value}\ntitle = "x"\n'
    (line,) = lines_of(text)
    assert line.startswith("t.toml:12: events[0].date: ")
    assert message in line


# -- spans, counted by hand ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "end", "amount", "unit", "shown", "offset"),
    [
        # Years: 2019 -> 2022 is 3, whatever the finer end says.
        ("2019", dt.datetime(2022, 3, 17, 10, tzinfo=CST), 3, SpanUnit.YEAR, "3 years", "T+3y"),
        ("2021", "2022-02", 1, SpanUnit.YEAR, "1 year", "T+1y"),
        # Months: (2021*12+9) - (2018*12+6) = 39 = 3 years 3 months.
        ("2018-06", "2021-09", 39, SpanUnit.MONTH, "3 years 3 months", "T+3y3mo"),
        ("2021-08", "2021-09", 1, SpanUnit.MONTH, "1 month", "T+1mo"),
        ("2020-01", "2022-01", 24, SpanUnit.MONTH, "2 years", "T+2y"),
        ("2021-09", dt.date(2021, 8, 31), -1, SpanUnit.MONTH, "-1 month", "T-1mo"),
        # An announcement and a shutdown in the same month: no time at that precision, but not nothing shown.
        ("2021-09", dt.date(2021, 9, 30), 0, SpanUnit.MONTH, "0 months", "T+0"),
        # Days: 14 left in January + 28 in February + 17 = 59.
        (dt.date(2022, 1, 17), dt.date(2022, 3, 17), 59, SpanUnit.DAY, "59 days", "T+59d"),
        # 2024 is a leap year: February has 29 days.
        (dt.date(2024, 2, 1), dt.date(2024, 3, 1), 29, SpanUnit.DAY, "29 days", "T+29d"),
        (dt.date(2022, 1, 17), dt.datetime(2022, 1, 18, 23, 0), 1, SpanUnit.DAY, "1 day", "T+1d"),
        (dt.date(2022, 1, 17), dt.date(2022, 1, 17), 0, SpanUnit.DAY, "0 days", "T+0"),
        # Seconds: 1 day + 5 h 30 min = 86400 + 19800 = 106200.
        (
            dt.datetime(2022, 1, 17, 10, tzinfo=CST),
            dt.datetime(2022, 1, 18, 15, 30, tzinfo=CST),
            106200,
            SpanUnit.SECOND,
            "1 day 5 h",
            "T+1d5h",
        ),
        # 10:00 at +08:00 is 02:00 UTC: one hour before 03:00 UTC.
        (
            dt.datetime(2022, 1, 17, 10, tzinfo=CST),
            dt.datetime(2022, 1, 17, 3, tzinfo=dt.timezone.utc),
            3600,
            SpanUnit.SECOND,
            "1 h",
            "T+1h",
        ),
        # One end without an offset: the wall clocks as written, 10:00 -> 10:45.
        (
            dt.datetime(2022, 1, 17, 10, tzinfo=CST),
            dt.datetime(2022, 1, 17, 10, 45),
            2700,
            SpanUnit.SECOND,
            "45 min",
            "T+45min",
        ),
        (
            dt.datetime(2022, 1, 17, 10),
            dt.datetime(2022, 1, 15, 10),
            -172800,
            SpanUnit.SECOND,
            "-2 days",
            "T-2d",
        ),
    ],
)
def test_spans_count_at_the_coarser_precision(
    start: object, end: object, amount: int, unit: SpanUnit, shown: str, offset: str
) -> None:
    span = Span.between(w(start), w(end))
    assert (span.amount, span.unit) == (amount, unit)
    assert span.display() == shown
    assert span.offset() == offset


def test_span_length_in_days_for_sorting() -> None:
    assert Span(59, SpanUnit.DAY).days == 59
    assert Span(2, SpanUnit.YEAR).days == pytest.approx(730.485)
    assert Span(1, SpanUnit.MONTH).days == pytest.approx(30.436875)
    assert Span(43200, SpanUnit.SECOND).days == 0.5
    assert Span(3, SpanUnit.MONTH).unit_name == "month"


@pytest.mark.parametrize(
    ("span", "english", "chinese", "offset"),
    [
        (Span(2824, SpanUnit.DAY), "7 years 9 months", "7年9个月", "T+7y9mo"),
        (Span(-685, SpanUnit.DAY), "-1 year 11 months", "-1年11个月", "T-1y11mo"),
        (Span(-48, SpanUnit.MONTH), "-4 years", "-4年", "T-4y"),
        (Span(100 * 86400, SpanUnit.SECOND), "3 months", "3个月", "T+3mo"),
        (Span(89, SpanUnit.DAY), "89 days", "89天", "T+89d"),
        # From 90 days on (2.96 months, rounded): months.
        (Span(90, SpanUnit.DAY), "3 months", "3个月", "T+3mo"),
        (Span(59 * 86400 + 5 * 3600, SpanUnit.SECOND), "59 days 5 h", "59天5小时", "T+59d5h"),
    ],
)
def test_a_long_span_shows_in_years_and_months_whatever_it_was_counted_in(
    span: Span, english: str, chinese: str, offset: str
) -> None:
    """`3y` beside `2824d` read as two scales: from about three months on, every span is years and months."""
    assert (span.display("en"), span.display("zh"), span.offset()) == (english, chinese, offset)


@pytest.mark.parametrize(
    ("span", "english", "chinese"),
    [
        (Span(-3, SpanUnit.YEAR), "T-3y", "T-3年"),
        (Span(-23, SpanUnit.MONTH), "T-1y11mo", "T-1年11个月"),
        (Span(-3, SpanUnit.MONTH), "T-3mo", "T-3个月"),
        (Span(59, SpanUnit.DAY), "T+59d", "T+59天"),
        (Span(0, SpanUnit.DAY), "T+0", "T+0"),
        (Span(86400 + 5 * 3600, SpanUnit.SECOND), "T+1d5h", "T+1天5小时"),
        (Span(5 * 3600, SpanUnit.SECOND), "T+5h", "T+5小时"),
        (Span(-90, SpanUnit.SECOND), "T-1min", "T-1分钟"),
    ],
)
def test_t_offsets_in_english_and_chinese(span: Span, english: str, chinese: str) -> None:
    assert span.offset() == english
    assert span.offset("zh") == chinese and span.offset("zh-Hans") == chinese


@pytest.mark.parametrize(
    ("span", "english", "chinese", "offset"),
    [
        (Span(0, SpanUnit.MONTH), "0 months", "0个月", "T+0"),
        (Span(0, SpanUnit.SECOND), "0 days", "0天", "T+0"),
        # Under a minute: the offset says a minute rather than nothing.
        (Span(30, SpanUnit.SECOND), "0 days", "0天", "T+1min"),
        # Nothing shown has no sign: not "-0 days".
        (Span(-30, SpanUnit.SECOND), "0 days", "0天", "T-1min"),
        (Span(24, SpanUnit.MONTH), "2 years", "2年", "T+2y"),
    ],
)
def test_spans_of_nothing_or_almost_nothing_still_say_something(
    span: Span, english: str, chinese: str, offset: str
) -> None:
    assert (span.display("en"), span.display("zh"), span.offset()) == (english, chinese, offset)


@pytest.mark.parametrize("lang", ["zh", "zh-Hans", "zh-CN", "ZH"])
def test_every_chinese_tag_gets_chinese_units(lang: str) -> None:
    assert Span(59, SpanUnit.DAY).display(lang) == "59天"
    assert Span(39, SpanUnit.MONTH).display(lang) == "3年3个月"


def test_to_day_drops_only_a_time_of_day() -> None:
    """Narrow table cells (the app's and `casetui list`'s Ended column) show a date-time to the day."""
    at = dt.datetime(2022, 3, 17, 10, tzinfo=dt.timezone(dt.timedelta(hours=8)))
    moment = When.from_toml(at)
    assert moment.to_day() == When(2022, 3, 17) and moment.to_day().display() == "2022-03-17"
    for coarse in (When.parse("2022"), When.parse("2022-03"), When.parse("2022-03-17")):
        assert coarse.to_day() is coarse
