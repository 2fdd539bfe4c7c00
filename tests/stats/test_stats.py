"""The statistics themselves, on the fixture library (expectations worked out by hand) and on made-up cases."""

from __future__ import annotations

import subprocess
import sys

import pytest

from casetui.library import load_library
from casetui.stats import (
    LIFESPANS,
    NOTICES,
    OTHER,
    UNKNOWN,
    Facet,
    bar_label,
    bucket,
    chart_title,
    compute,
    values_of,
)
from casetui.summary import Summary
from casetui.text import LText
from casetui.when import Span, SpanUnit, When

from .conftest import FIXTURES


@pytest.fixture(scope="module")
def summaries() -> list[Summary]:
    return load_library([FIXTURES]).summaries


def counts(stats, chart: str) -> dict[str, int]:
    return {bar.key: bar.count for bar in stats.chart(chart).bars}


def case(case_id: str, **fields) -> Summary:
    """A summary with only the fields a test cares about."""
    return Summary(
        id=case_id,
        name=LText.plain(case_id),
        status=fields.pop("status", "shut-down"),
        model_type=LText.plain("x"),
        **fields,
    )


def test_years_run_from_the_first_to_the_last_with_empty_years_and_partial_dates_in_their_year(summaries) -> None:
    stats = compute(summaries)
    # Launched: alpha "2019", beta "2018-06", gamma 2025-09-01.
    assert counts(stats, "launched") == {
        "2018": 1,
        "2019": 1,
        "2020": 0,
        "2021": 0,
        "2022": 0,
        "2023": 0,
        "2024": 0,
        "2025": 1,
    }
    # Ended: beta "2021-09", alpha 2022-03-17T10:00+08:00; gamma (paused) has no end date.
    assert counts(stats, "ended") == {"2021": 1, "2022": 1, UNKNOWN: 1}


def test_lifespans_notices_and_statuses_are_bucketed_with_the_unknown_counted(summaries) -> None:
    stats = compute(summaries)
    # Alpha 2019 -> 2022 is 3 years; beta 2018-06 -> 2021-09 is 39 months; gamma never ended.
    assert counts(stats, "lifespan") == {"<1y": 0, "1-2y": 0, "2-5y": 2, "5-10y": 0, "10y+": 0, UNKNOWN: 1}
    # Alpha: 59 days of notice; beta: one month; gamma announced but not shut down.
    assert counts(stats, "notice") == {"none": 0, "<7d": 0, "7-30d": 0, "1-3mo": 2, "3mo+": 0, UNKNOWN: 1}
    assert counts(stats, "status") == {"active": 0, "sunsetting": 0, "paused": 1, "shut-down": 2, "merged": 0}


def test_companies_and_tags_rank_by_count_then_name_and_the_rest_share_an_other_bar(summaries) -> None:
    stats = compute(summaries, top=2)
    assert counts(stats, "company") == {"Alpha Group": 1, "Beta Corp": 1, OTHER: 1}
    tags = stats.chart("tag")
    assert [b.key for b in tags.values] == ["local-life", "membership"]
    other = tags.other
    assert other is not None and other.covers == {"s2b2c", "social-commerce"}
    assert other.count == 2  # alpha (social-commerce) and beta (s2b2c): cases, not tag uses
    assert tags.unknown == 0


def test_every_bar_counts_exactly_the_cases_its_facet_matches() -> None:
    cases = [
        case(
            "a",
            company=LText.plain("Google"),
            tags=("x", "y"),
            launched=When.parse("2019"),
            ended=When.parse("2019-10"),
            lifespan=Span(0, SpanUnit.YEAR),
            notice=Span(0, SpanUnit.DAY),
        ),
        case(
            "b",
            company=LText((("en", "Google"), ("zh", "谷歌"))),
            tags=("y",),
            launched=When(2016, 5, 1),
            ended=When(2021, 2, 1),
            lifespan=Span(1737, SpanUnit.DAY),
            notice=Span(5 * 3600, SpanUnit.SECOND),
        ),
        case("c", company=LText.plain("Meta"), tags=("z",), status="active", launched=When(2004)),
        case("d", status="merged", tags=(), notice=Span(4, SpanUnit.MONTH)),
    ]
    stats = compute(cases, top=1)
    assert counts(stats, "company") == {"Google": 2, OTHER: 1, UNKNOWN: 1}  # Google in two spellings: one company
    assert counts(stats, "tag") == {"y": 2, OTHER: 2, UNKNOWN: 1}
    assert counts(stats, "notice")["<7d"] == 1 and counts(stats, "notice")["3mo+"] == 1
    for chart in stats.charts:
        for bar in chart.bars:
            matched = [c.id for c in cases if Facet(chart.name, bar).matches(c)]
            assert len(matched) == bar.count, (chart.name, bar.key, matched)


@pytest.mark.parametrize(
    ("span", "buckets", "expected"),
    [
        (Span(364, SpanUnit.DAY), LIFESPANS, "<1y"),
        (Span(1, SpanUnit.YEAR), LIFESPANS, "1-2y"),
        (Span(24, SpanUnit.MONTH), LIFESPANS, "2-5y"),
        (Span(5, SpanUnit.YEAR), LIFESPANS, "5-10y"),
        (Span(10, SpanUnit.YEAR), LIFESPANS, "10y+"),
        (Span(0, SpanUnit.DAY), NOTICES, "none"),
        (Span(2 * 3600, SpanUnit.SECOND), NOTICES, "<7d"),
        (Span(7, SpanUnit.DAY), NOTICES, "7-30d"),
        (Span(1, SpanUnit.MONTH), NOTICES, "1-3mo"),
        (Span(59, SpanUnit.DAY), NOTICES, "1-3mo"),
        (Span(3, SpanUnit.MONTH), NOTICES, "3mo+"),
    ],
)
def test_bucket_edges(span: Span, buckets, expected: str) -> None:
    assert bucket(span.days, buckets) == expected


def test_a_case_with_a_repeated_tag_is_counted_once() -> None:
    stats = compute([case("a", tags=("x", "x"))])
    assert counts(stats, "tag") == {"x": 1}
    assert values_of(case("a", tags=("x", "x")), "tag") == ("x",)


def test_no_cases_give_empty_charts_that_still_list_the_buckets() -> None:
    stats = compute([])
    assert stats.total == 0
    assert stats.chart("ended").bars == ()
    assert counts(stats, "lifespan") == dict.fromkeys(("<1y", "1-2y", "2-5y", "5-10y", "10y+"), 0)


def test_labels_in_both_languages(summaries) -> None:
    stats = compute(summaries)
    lifespan, ended, company = stats.chart("lifespan"), stats.chart("ended"), stats.chart("company")
    assert [bar_label("lifespan", b, "en") for b in lifespan.bars][:3] == ["< 1 year", "1–2 years", "2–5 years"]
    assert bar_label("lifespan", lifespan.bars[2], "zh") == "2–5 年"
    assert bar_label("ended", ended.bars[-1], "en") == "no date"
    assert bar_label("status", stats.chart("status").bars[3], "zh") == "已关停"
    assert bar_label("company", company.bars[0], "zh") == "阿尔法集团"  # Written in both languages.
    assert chart_title("ended", "zh") == "每年关停"


def test_the_statistics_load_neither_rich_nor_textual() -> None:
    code = "import sys, casetui.stats; print(sorted(m for m in sys.modules if m.split('.')[0] in ('rich', 'textual')))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_year_columns_fit_the_width_and_scroll_round_the_cursor_when_they_cannot() -> None:
    from casetui.tui.widgets.bars import MAX_COLUMN, fit_columns

    few = fit_columns(3, 80, 0, cursor=0, first=0)
    assert (few.width, few.gap, few.shown) == (MAX_COLUMN, 1, 3)
    assert few.left == (80 - (3 * (MAX_COLUMN + 1) - 1)) // 2  # Centred.
    dense = fit_columns(29, 54, 0, cursor=0, first=0)
    assert (dense.width, dense.gap, dense.shown) == (1, 0, 29)
    many = fit_columns(200, 50, 0, cursor=120, first=0)
    assert (many.width, many.gap, many.shown) == (1, 0, 50)
    assert many.first <= 120 < many.first + many.shown
