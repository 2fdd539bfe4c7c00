"""`casetui list --json` as written: the same text `json.dumps` indents, whatever the cases hold."""

from __future__ import annotations

import datetime as dt
import json

from hypothesis import given, settings
from hypothesis import strategies as st

from casetui.problems import Problem
from casetui.render.json import case_list, dumps
from casetui.summary import Summary
from casetui.text import LText
from casetui.when import Precision, Span, SpanUnit, When

# Any text at all: quotes, backslashes, controls, bidi overrides, astral characters.
texts = st.text(max_size=12)
langs = st.sampled_from(["en", "zh", "zh-Hant", "fr"])
ltexts = st.one_of(
    texts.map(LText.plain),
    st.lists(st.tuples(langs, texts), min_size=1, max_size=3, unique_by=lambda pair: pair[0]).map(
        lambda pairs: LText(tuple(pairs))
    ),
)
offsets = st.sampled_from([None, dt.timezone.utc, dt.timezone(dt.timedelta(hours=8))])
moments = st.builds(
    lambda day, seconds, tz: dt.datetime.combine(day, dt.time(), tz) + dt.timedelta(seconds=seconds),
    st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31)),
    st.integers(0, 86399),
    offsets,
)
whens = st.one_of(
    st.builds(lambda y: When(y, precision=Precision.YEAR), st.integers(1990, 2030)),
    st.builds(lambda y, m: When(y, m, precision=Precision.MONTH), st.integers(1990, 2030), st.integers(1, 12)),
    moments.map(lambda m: When(m.year, m.month, m.day, Precision.TIME, m)),
)
spans = st.builds(Span, st.integers(-5000, 5000), st.sampled_from(list(SpanUnit)))
summaries = st.builds(
    Summary,
    id=texts,
    name=ltexts,
    status=texts,
    model_type=ltexts,
    company=st.none() | ltexts,
    tags=st.lists(texts, max_size=3).map(tuple),
    launched=st.none() | whens,
    ended=st.none() | whens,
    lifespan=st.none() | spans,
    notice=st.none() | spans,
    events=st.integers(0, 500),
    end=st.none() | whens,
    end_derived=st.booleans(),
    end_scheduled=st.booleans(),
    lifespan_scheduled=st.booleans(),
    notice_scheduled=st.booleans(),
)
problems = st.builds(Problem, texts, st.none() | st.integers(1, 99), texts, texts, st.booleans())


def written(items: list[Summary], paths: list[str], lang: str, found: list[Problem], ascii_only: bool) -> str:
    return "".join(case_list(items, paths, lang, found, ascii_only))


@settings(max_examples=150, deadline=None)
@given(
    items=st.lists(summaries, max_size=6),
    lang=langs,
    found=st.lists(problems, max_size=2),
    ascii_only=st.booleans(),
    data=st.data(),
)
def test_list_json_is_the_indented_json_of_each_case(items, lang, found, ascii_only, data) -> None:
    paths = data.draw(st.lists(texts, min_size=len(items), max_size=len(items)))
    text = written(items, paths, lang, found, ascii_only)
    document = json.loads(text)
    assert text == dumps(document, ascii_only)
    assert not ascii_only or text.isascii()
    assert (document["format"], document["lang"]) == (1, lang)
    assert document["problems"] == [p.as_json() for p in found]
    for case, summary, path in zip(document["cases"], items, paths, strict=True):
        name = summary.name.resolve(lang)
        company = None if summary.company is None else summary.company.resolve(lang)
        assert case == {
            "id": summary.id,
            "name": name.text,
            "company": None if company is None else company.text,
            "status": summary.status,
            "tags": list(summary.tags),
            "launched": None if summary.launched is None else summary.launched.iso(),
            "ended": None if summary.ended is None else summary.ended.iso(),
            "end": None
            if summary.end is None
            else {"date": summary.end.iso(), "derived": summary.end_derived, "scheduled": summary.end_scheduled},
            "lifespan": _span(summary.lifespan, summary.lifespan_scheduled),
            "notice_period": _span(summary.notice, summary.notice_scheduled),
            "events": summary.events,
            "path": path,
            "fallback": ["name"] * name.fallback + ["company"] * bool(company and company.fallback),
        }


def _span(value: Span | None, scheduled: bool) -> dict[str, object] | None:
    if value is None:
        return None
    return {"amount": value.amount, "unit": value.unit.name.lower(), "display": value.display(), "scheduled": scheduled}


def test_one_moment_written_in_two_offsets_keeps_each_offset() -> None:
    beijing = dt.datetime(2022, 3, 17, 10, tzinfo=dt.timezone(dt.timedelta(hours=8)))
    utc = beijing.astimezone(dt.timezone.utc)
    assert beijing == utc  # the same instant: a cache keyed on equality would write one for both
    whens = [When(m.year, m.month, m.day, Precision.TIME, m) for m in (beijing, utc)]
    items = [
        Summary(f"c{i}", LText.plain("N"), "active", LText.plain("T"), ended=when, end=when)
        for i, when in enumerate(whens)
    ]
    cases = json.loads(written(items, ["a", "b"], "en", [], False))["cases"]
    assert [c["ended"] for c in cases] == ["2022-03-17T10:00:00+08:00", "2022-03-17T02:00:00+00:00"]
    assert [c["end"]["date"] for c in cases] == ["2022-03-17T10:00:00+08:00", "2022-03-17T02:00:00+00:00"]


def test_a_list_written_in_several_pieces_is_one_document_in_order() -> None:
    items = [Summary(f"case-{i:05d}", LText.plain(f"Case {i}"), "active", LText.plain("T")) for i in range(1200)]
    pieces = list(case_list(items, [f"{s.id}.toml" for s in items], "en", []))
    assert len(pieces) > 2
    assert [c["id"] for c in json.loads("".join(pieces))["cases"]] == [s.id for s in items]
