"""Which cases `casetui list` prints, in what order: filters, each sort column, ties and missing values."""

from __future__ import annotations

from casetui.cli.listing import select, sort_field
from casetui.summary import Summary
from casetui.text import LText
from casetui.when import Precision, Span, SpanUnit, When


def summary(case_id: str, status: str = "active", **fields: object) -> Summary:
    name = fields.pop("name", LText.plain(case_id))
    fields.setdefault("end", fields.get("ended"))  # as `Summary.from_case`: the end is `ended` when written
    return Summary(case_id, name, status, LText.plain("Marketplace"), **fields)  # type: ignore[arg-type]


def ids(chosen: list[Summary]) -> list[str]:
    return [s.id for s in chosen]


def year(n: int) -> When:
    return When(n, precision=Precision.YEAR)


def test_names_sort_in_the_language_shown_whatever_their_case() -> None:
    zebra = summary("z", name=LText((("en", "Zebra"), ("zh", "八"))))
    apple = summary("a", name=LText((("en", "apple"), ("zh", "波"))))
    assert ids(select([zebra, apple], sort="name")) == ["a", "z"]  # apple, Zebra
    assert ids(select([zebra, apple], sort="name", lang="zh")) == ["z", "a"]  # 八 (U+516B), 波 (U+6CE2)


def test_company_sorts_by_company_whatever_its_case_with_the_cases_without_one_last() -> None:
    cases = [
        summary("a", company=LText.plain("Zed Co")),
        summary("b"),
        summary("c", company=LText.plain("acme")),
        summary("d", company=LText.plain("Bolt")),
    ]
    assert ids(select(cases, sort="company")) == ["c", "d", "a", "b"]
    assert ids(select(cases, sort="company", reverse=True)) == ["a", "d", "c", "b"]


def test_spans_sort_by_their_length_not_by_the_number_written() -> None:
    # 3 years (1,096 days) is longer than 30 months (913 days); 2 months (61 days) than 45 days.
    cases = [
        summary("years", lifespan=Span(3, SpanUnit.YEAR), notice=Span(2, SpanUnit.MONTH)),
        summary("months", lifespan=Span(30, SpanUnit.MONTH), notice=Span(45, SpanUnit.DAY)),
        summary("none"),
    ]
    assert ids(select(cases, sort="lifespan")) == ["months", "years", "none"]
    assert ids(select(cases, sort="notice")) == ["months", "years", "none"]


def test_dates_sort_by_their_own_column() -> None:
    cases = [
        summary("a", launched=year(2015), ended=year(2022)),
        summary("b", launched=year(2018), ended=year(2020)),
        summary("c", launched=year(2016)),
    ]
    assert ids(select(cases, sort="launched")) == ["a", "c", "b"]
    assert ids(select(cases, sort="ended")) == ["b", "a", "c"]


def test_ties_keep_id_order_in_either_direction() -> None:
    cases = [summary("d", "paused"), summary("c"), summary("b", "paused"), summary("a")]
    assert ids(select(cases, sort="status")) == ["a", "c", "b", "d"]
    assert ids(select(cases, sort="status", reverse=True)) == ["b", "d", "a", "c"]


def test_several_statuses_or_tags_keep_a_case_with_any_of_them() -> None:
    cases = [
        summary("a", "paused", tags=("membership",)),
        summary("b", "shut-down", tags=("local-life", "membership")),
        summary("c", tags=("local-life",)),
    ]
    assert ids(select(cases, statuses=["paused", "shut-down"])) == ["a", "b"]
    assert ids(select(cases, statuses=["shut-down", "paused"])) == ["a", "b"]
    assert ids(select(cases, tags=["local-life", "membership"])) == ["a", "b", "c"]
    assert ids(select(cases, tags=["Local-Life"], statuses=["active", "paused"])) == ["c"]


def test_sort_fields_are_read_whatever_their_case_or_spelling() -> None:
    assert [sort_field(v) for v in ("Lifespan", "NOTICE", "notice-period", "Notice_Period")] == [
        "lifespan",
        "notice",
        "notice",
        "notice",
    ]


def test_without_a_sort_the_cases_are_in_id_order_whatever_their_names() -> None:
    cases = [summary("b-case", name=LText.plain("Aardvark")), summary("a-case", name=LText.plain("Zebra"))]
    assert ids(select(cases)) == ["a-case", "b-case"]
    assert ids(select(cases, sort="name")) == ["b-case", "a-case"]
