"""The bundled library: it validates cleanly, its sunsets match the articles, every fact is cited."""

from __future__ import annotations

import pytest

from casetui import derive
from casetui.library import bundled_dir, load_library
from casetui.model import Case, Fact
from casetui.text import LText
from casetui.when import Span, SpanUnit

REQUIRED_IDS = (
    "xiaomi-youpin-youyu",
    "taoxiaopu",
    "xiaohongka",
    "xiaomi-youpin-up",
    "xiaomi-mi-fan-festival",
    "kuaishou-self-operated",
    "xiaohongshu-payment",
    "taote",
)

LIBRARY = load_library([bundled_dir()])
CASES = {case.id: case for case in LIBRARY.cases}


def test_the_bundled_library_loads_without_an_error_or_a_warning() -> None:
    assert [str(p) for p in LIBRARY.problems] == []
    assert set(REQUIRED_IDS) <= set(CASES)


# Dates as the articles give them, and the spans a student would work out by hand. All three stops
# were announced, not yet done, on the article's date: the end is the scheduled final shutdown event.
# - Youyu (36Kr/Jianshi, 2022-01-18): launched "2019"; SMS on 17 January 2022; the app is to close
#   2022-03-17 10:00. Notice: 17 Jan -> 17 Mar = 14 + 28 + 17 = 59 days. Lifespan at year
#   precision: 2022 - 2019 = 3 years.
# - Taoxiaopu (人人都是产品经理, 2021-09): launched "2019"; notice 2021-09-12; trading to stop
#   2021-10-11. Notice: 18 + 11 = 29 days. Lifespan: 2021 - 2019 = 2 years.
# - Xiaohongka (新浪科技, 2025-12-10): launched "2025-09"; reported 2025-12-10 (the announcement came
#   on or before it, so the notice is a lower bound); to pause from 2026-01-01. Notice: 21 + 1 = 22 days.
#   Lifespan at month precision: September -> January = 4 months.
SUNSETS = {
    "xiaomi-youpin-youyu": (Span(3, SpanUnit.YEAR), Span(59, SpanUnit.DAY)),
    "taoxiaopu": (Span(2, SpanUnit.YEAR), Span(29, SpanUnit.DAY)),
    "xiaohongka": (Span(4, SpanUnit.MONTH), Span(22, SpanUnit.DAY)),
}


@pytest.mark.parametrize("case_id", sorted(SUNSETS))
def test_sunset_spans_match_the_article(case_id: str) -> None:
    lifespan, notice = SUNSETS[case_id]
    case = CASES[case_id]
    stop = derive.final_shutdown(case)
    assert case.launched is not None and stop is not None
    assert case.ended is None, "a scheduled end is not written as `ended`: it is derived from the stop"
    assert Span.between(case.launched, stop.date) == lifespan
    assert derive.notice_period(case) == notice


def test_youyu_services_stop_in_the_stages_the_notice_gives() -> None:
    case = CASES["xiaomi-youpin-youyu"]
    stops = {e.date.iso()[:10]: set(e.ends) for e in case.events if e.ends}
    assert sorted(stops) == ["2022-01-17", "2022-02-14", "2022-02-17", "2022-03-17"]
    final = derive.service_states(case, len(case.events) - 1)
    assert not any(state.on for state in final), "every service is off after the final shutdown"


def _figure_facts(case: Case) -> list[tuple[str, Fact]]:
    return [(key, value) for key, value in case.dimensions if isinstance(value, Fact)]


@pytest.mark.parametrize("case_id", sorted(CASES))
def test_every_event_and_figure_cites_a_source_that_exists(case_id: str) -> None:
    case = CASES[case_id]
    known = {s.id for s in case.sources}
    assert known, "a bundled case names its sources"
    for event in case.events:
        assert event.sources, f"event {event.title} cites no source"
        assert set(event.sources) <= known
    for key, value in case.dimensions:
        assert not isinstance(value, (int, float)), f"model.{key} is a bare number: make it a fact with a source"
    for key, fact in _figure_facts(case):
        assert fact.source in known, f"model.{key} cites no known source"
    for item in (*case.quotes, *case.lessons):
        assert item.source in known


def _bilingual(text: LText | None) -> bool:
    return text is not None and {"en", "zh"} <= set(text.languages)


@pytest.mark.parametrize("case_id", sorted(CASES))
def test_a_reader_of_either_language_gets_the_whole_case(case_id: str) -> None:
    case = CASES[case_id]
    assert _bilingual(case.name) and _bilingual(case.summary) and _bilingual(case.model_type)
    for event in case.events:
        assert _bilingual(event.title), event.title
    for lesson in case.lessons:
        assert _bilingual(lesson.text)
    for quote in case.quotes:
        assert _bilingual(quote.text), "quotes: the original Chinese with an English translation"
    for question in case.questions:
        assert _bilingual(question.prompt)


def test_the_comparison_a_class_starts_with_lines_up_on_shared_keys() -> None:
    from casetui.compare import compare

    rows = compare([CASES["xiaomi-youpin-youyu"], CASES["taoxiaopu"], CASES["xiaohongka"]])
    shared = [r.key for r in rows if r.group == "model" and sum(c is not None for c in r.cells) >= 2]
    assert len(shared) >= 3, f"too few model keys shared across the three cases: {shared}"
