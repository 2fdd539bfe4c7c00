"""The library table's rows: search, filters, sort order and the search that narrows the last one.

The rules behind the app's table (`casetui.tui.listing`), checked without the app: each test builds
a few summaries and reads back the ids a user would see, in order.
"""

from __future__ import annotations

from pathlib import Path

from casetui.library import Entry
from casetui.stats import Bar, Facet
from casetui.summary import Summary
from casetui.text import LText
from casetui.tui.listing import Listing, Selector, next_in, order, tags_of
from casetui.when import Precision, Span, SpanUnit, When

ROOT = Path("lib")


def summary(case_id: str, name: str, status: str = "active", **fields: object) -> Summary:
    fields.setdefault("end", fields.get("ended"))  # as `Summary.from_case`: the end is `ended` when written
    return Summary(case_id, LText.plain(name), status, LText.plain("Marketplace"), **fields)  # type: ignore[arg-type]


def entry(item: Summary | str) -> Entry:
    """A loaded case, or (given an id) a file that did not load."""
    if isinstance(item, str):
        return Entry(item, None, ROOT, None, name=f"{item}.toml")
    return Entry(item.id, None, ROOT, item, name=f"{item.id}.toml")


def library(*items: Summary | str) -> dict[str, Entry]:
    return {e.id: e for e in map(entry, items)}


def ids(entries: list[Entry]) -> list[str]:
    return [e.id for e in entries]


def year(n: int) -> When:
    return When(n, precision=Precision.YEAR)


CLUB = summary("club", "Alpha Club", tags=("membership", "Social"), company=LText.plain("acme"))
MARKET = summary("market", "Alpha Market", "paused", tags=("membership",), company=LText.plain("Zed Co"))
SHOP = summary("shop", "Beta Shop", "shut-down", tags=("social",))
CASES = library(CLUB, MARKET, SHOP, "broken")


def rows(listing: Listing, entries: dict[str, Entry] = CASES, selector: Selector | None = None) -> list[str]:
    return ids((selector or Selector()).rows(entries, listing, "en"))


def test_a_search_keeps_the_cases_that_have_every_word_whatever_their_case() -> None:
    assert rows(Listing(query="alpha")) == ["club", "market"]
    assert rows(Listing(query="ALPHA club")) == ["club"]
    assert rows(Listing(query="alpha shop")) == []
    assert rows(Listing(query="broken")) == ["broken"]  # a file that did not load, by its id


def test_a_search_after_another_that_it_does_not_narrow_starts_afresh() -> None:
    selector = Selector()
    assert rows(Listing(query="alpha club"), selector=selector) == ["club"]
    assert rows(Listing(query="alpha"), selector=selector) == ["club", "market"]  # a word taken away
    assert rows(Listing(query="beta"), selector=selector) == ["shop"]  # another word
    assert rows(Listing(query="beta shop"), selector=selector) == ["shop"]  # typing on narrows
    assert rows(Listing(query="a", status="paused"), selector=selector) == ["market"]
    assert rows(Listing(query="a"), selector=selector) == ["club", "market", "shop"]  # the filter taken off


def test_tags_match_as_written_and_facets_must_all_match() -> None:
    assert rows(Listing(tag="membership")) == ["club", "market"]
    assert rows(Listing(tag="social")) == ["shop"]
    paused = Facet("status", Bar("paused", 1))
    member = Facet("tag", Bar("membership", 2))
    assert rows(Listing(facets=(member,))) == ["club", "market"]
    assert rows(Listing(facets=(member, paused))) == ["market"]


def test_status_sorts_in_lifecycle_order_not_the_alphabet() -> None:
    cases = library(summary("a", "A", "sunsetting"), summary("b", "B", "merged"), summary("c", "C", "active"))
    assert rows(Listing(sort="status"), cases) == ["c", "a", "b"]  # active, sunsetting, merged


def test_company_sorts_whatever_its_case_and_the_cases_without_one_come_last() -> None:
    assert rows(Listing(sort="company")) == ["club", "market", "shop", "broken"]  # acme, Zed Co, none, broken
    assert rows(Listing(sort="company", descending=True)) == ["market", "club", "shop", "broken"]


def test_dates_and_spans_sort_by_their_own_column() -> None:
    cases = library(
        summary("a", "A", launched=year(2015), ended=year(2022), lifespan=Span(7, SpanUnit.YEAR)),
        summary("b", "B", launched=year(2018), ended=year(2020), notice=Span(30, SpanUnit.DAY)),
        summary("c", "C", launched=year(2016), lifespan=Span(2, SpanUnit.YEAR), notice=Span(10, SpanUnit.DAY)),
        "broken",
    )
    assert rows(Listing(sort="launched"), cases) == ["a", "c", "b", "broken"]
    assert rows(Listing(sort="ended"), cases) == ["b", "a", "c", "broken"]
    assert rows(Listing(sort="lifespan"), cases) == ["c", "a", "b", "broken"]
    assert rows(Listing(sort="notice"), cases) == ["c", "b", "a", "broken"]


def test_descending_keeps_missing_values_in_id_order_and_broken_files_last() -> None:
    cases = library(
        "zz-broken",
        summary("m2", "M2"),
        summary("a", "A", launched=year(2015)),
        "aa-broken",
        summary("m1", "M1"),
        summary("b", "B", launched=year(2018)),
    )
    expected = ["b", "a", "m1", "m2", "aa-broken", "zz-broken"]
    assert ids(order(cases.values(), "launched", True, "en")) == expected
    assert ids(order(cases.values(), "launched", False, "en")) == ["a", "b", *expected[2:]]


def test_a_filter_key_cycles_round_to_showing_everything() -> None:
    options = (None, "active", "broken")
    assert [next_in(options, o) for o in options] == ["active", "broken", None]
    assert next_in(options, "gone") is None  # a value no longer offered starts the cycle again


def test_the_tag_filter_offers_every_tag_once_in_order() -> None:
    tags = tuple(f"tag-{n:02d}" for n in range(20, 0, -1))
    cases = library(summary("a", "A", tags=tags[:12]), summary("b", "B", tags=tags[8:]), "broken")
    assert tags_of(cases.values()) == sorted(tags)


def test_a_library_reloaded_with_as_many_cases_is_searched_and_sorted_afresh() -> None:
    selector = Selector()
    assert rows(Listing(query="alpha"), selector=selector) == ["club", "market"]
    renamed = library(CLUB._replace(name=LText.plain("Gamma Club")), MARKET, SHOP, "broken")
    assert rows(Listing(query="alpha"), renamed, selector) == ["market"]
    assert rows(Listing(), renamed, selector) == ["market", "shop", "club", "broken"]  # Alpha, Beta, Gamma


def test_the_same_sort_in_another_language_is_sorted_afresh() -> None:
    cases = library(
        summary("z", "x")._replace(name=LText((("en", "Zebra"), ("zh", "八")))),
        summary("a", "x")._replace(name=LText((("en", "apple"), ("zh", "波")))),
    )
    selector = Selector()
    assert ids(selector.rows(cases, Listing(), "en")) == ["a", "z"]
    assert ids(selector.rows(cases, Listing(), "zh")) == ["z", "a"]


def test_names_sort_whatever_their_case() -> None:
    cases = library(summary("z", "Zebra"), summary("a", "apple"), "broken")
    assert rows(Listing(sort="name"), cases) == ["a", "z", "broken"]
