"""Property-based tests of the loader: any input gives a Case or a CaseError; valid documents always load.

Valid documents are generated as Python values and written out as TOML text (tests/strategies.py), so
the expected order of events is computed from the generated dates, not by the code under test.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import strategies as shared
from casetui.loader import parse_case
from casetui.model import EVENT_KINDS, STATUSES
from casetui.problems import CaseError
from casetui.sanitize import is_clean
from strategies import When, to_toml, whens

PROBLEM_LINE = re.compile(r"^[^:]+(:\d+)?: \S.*: .+$")
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
NAME = Path("generated-case.toml")

FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# -- generating valid documents --------------------------------------------------------------

HOSTILE_BITS = [
    "[bold]x[/bold]",
    "[/]",
    "[@click=app.quit]quit[/]",
    "\x1b]52;c;ZXZpbA==\x07",
    "\x1b]8;;https://e.example\x1b\\l\x1b]8;;\x1b\\",
    "\x1b[31m",
    "\x07",
    "\x9b",
    "\u202e",
    "\u2066",
    "\u200b",
    "\u200d",
    "有鱼",
    "小米有品",
    "👨\u200d👩\u200d👧",
    "e\u0301",
    "\r\n",
    '"',
    "\\",
    "'''",
    '"""',
    "#",
    "=",
]

plain_text = st.text(st.characters(exclude_categories=("Cs",)), max_size=12)
texts = st.lists(st.one_of(plain_text, st.sampled_from(HOSTILE_BITS)), max_size=4).map("".join)


def text_values() -> st.SearchStrategy[str | dict[str, str]]:
    return shared.text_values(texts)


@dataclass
class Generated:
    doc: dict[str, Any]
    event_keys: list[tuple[int, int, int, int, int, int]] = field(default_factory=list)
    plain_name: str | None = None


scalars = st.one_of(
    st.integers(-(10**12), 10**12),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
    text_values(),
    whens().filter(lambda d: not d.toml.startswith('"')),  # a quoted partial date is text here
)


@st.composite
def valid_documents(draw: st.DrawFn) -> Generated:
    services = [f"s{i}" for i in range(draw(st.integers(0, 4)))]
    source_ids = draw(st.lists(st.from_regex(r"[a-z][a-z0-9-]{0,10}", fullmatch=True), max_size=3, unique=True))
    name = draw(text_values())
    case: dict[str, Any] = {"name": name, "status": draw(st.sampled_from(STATUSES)), "summary": draw(text_values())}
    if draw(st.booleans()):
        case["company"] = draw(text_values())
        case["tags"] = draw(st.lists(texts, max_size=3))
        case["region"] = draw(texts)
    if draw(st.booleans()):
        launched = draw(st.integers(1900, 1989))
        case["launched"] = When(f'"{launched}"', (launched, 1, 1, 0, 0, 0))
        case["ended"] = draw(whens())
    model: dict[str, Any] = {"type": draw(text_values())}
    dim_keys = st.one_of(st.from_regex(r"[a-z][a-z0-9_]{0,8}", fullmatch=True), texts.filter(bool))
    for key in draw(st.lists(dim_keys, max_size=4, unique=True)):
        if key in ("type", "summary") or key.startswith("x_"):
            continue
        value = draw(scalars)
        if draw(st.booleans()):
            fact: dict[str, Any] = {"value": value}
            if draw(st.booleans()):
                fact["unit"] = draw(texts)
            if source_ids and draw(st.booleans()):
                fact["source"] = draw(st.sampled_from(source_ids))
            value = fact
        model[key] = value
    doc: dict[str, Any] = {"format": 1, "case": case, "model": model}
    if services:
        doc["services"] = {s: draw(text_values()) for s in services}
    events, keys = [], []
    event_ids = draw(st.lists(st.from_regex(r"[a-z]{1,6}", fullmatch=True), max_size=8, unique=True))
    for i in range(draw(st.integers(0, 8))):
        when = draw(whens())
        event: dict[str, Any] = {"date": when, "title": draw(text_values())}
        if draw(st.booleans()):
            event["kind"] = draw(st.sampled_from(EVENT_KINDS))
        if i < len(event_ids) and draw(st.booleans()):
            event["id"] = event_ids[i]
        if services and draw(st.booleans()):
            event["ends"] = draw(st.lists(st.sampled_from(services), max_size=2))
        if source_ids and draw(st.booleans()):
            event["source"] = draw(st.one_of(st.sampled_from(source_ids), st.lists(st.sampled_from(source_ids))))
        events.append(event)
        keys.append(when.key)
    if events:
        doc["events"] = events
    if source_ids:
        doc["sources"] = {s: {"title": draw(text_values()), "author": draw(texts)} for s in source_ids}
    ids = [e["id"] for e in events if "id" in e]
    if ids:
        doc["questions"] = [{"prompt": draw(text_values()), "event": draw(st.sampled_from(ids))}]
    return Generated(doc, keys, name if isinstance(name, str) else None)


# -- (1) anything in: a Case or a CaseError out ----------------------------------------------

TOKENS = [
    "format = 1\n",
    "[case]\n",
    "[model]\n",
    "[[events]]\n",
    "[sources.a]\n",
    'name = "x"\n',
    "status = 'active'\n",
    "summary = { en = 'x', zh = '有' }\n",
    "type = 't'\n",
    "date = 2020-01-01T10:00:00+08:00\n",
    'date = "2019-10"\n',
    "title = '''a\nb'''\n",
    "ends = [\n'a',\n]\n",
    "source = ['a']\n",
    "x_a = [[[]]]\n",
    "value = nan\n",
    "{",
    "}",
    "[",
    "]",
    "=",
    '"',
    "'",
    "\\",
    "\n",
    "\r\n",
    "\ufeff",
    "\x1b",
    "#",
    ".",
    ",",
]


def assert_case_or_error(data: bytes) -> None:
    try:
        parse_case(data, NAME)
    except CaseError as err:
        assert err.problems
        for problem in err.problems:
            assert PROBLEM_LINE.match(str(problem)), str(problem)


@FAST
@given(st.binary(max_size=400))
def test_arbitrary_bytes_give_a_case_or_a_case_error(data: bytes) -> None:
    assert_case_or_error(data)


@FAST
@given(st.lists(st.one_of(st.sampled_from(TOKENS), st.text(max_size=5)), max_size=40))
def test_toml_ish_text_gives_a_case_or_a_case_error(parts: list[str]) -> None:
    assert_case_or_error("".join(parts).encode("utf-8", "surrogatepass"))


@FAST
@given(valid_documents(), st.data())
def test_damaged_valid_documents_give_a_case_or_a_case_error(generated: Generated, data: st.DataObject) -> None:
    text = bytearray(to_toml(generated.doc).encode())
    for _ in range(data.draw(st.integers(1, 3))):
        start = data.draw(st.integers(0, len(text)))
        end = data.draw(st.integers(start, min(len(text), start + 8)))
        text[start:end] = data.draw(st.sampled_from(TOKENS)).encode()
    assert_case_or_error(bytes(text))


# -- (2) valid documents always load, events sorted with ties in file order -------------------


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(valid_documents())
def test_valid_documents_always_load_with_events_in_order(generated: Generated) -> None:
    text = to_toml(generated.doc)
    try:
        case = parse_case(text.encode(), NAME)
    except CaseError as err:  # pragma: no cover - the failure message is the point
        raise AssertionError(f"{err}\n--- document ---\n{text}") from None
    expected = sorted(range(len(generated.event_keys)), key=lambda i: generated.event_keys[i])
    assert [e.index for e in case.events] == expected
    if generated.plain_name is not None and is_clean(generated.plain_name):
        assert case.name.get() == generated.plain_name  # nothing but controls is ever changed
    for event in case.events:
        assert not UNSAFE.search(event.title.get())
    assert not UNSAFE.search(case.summary.get()) and not UNSAFE.search(case.model_type.get())


def test_writer_round_trips_through_the_loader_on_a_known_document() -> None:
    doc = {
        "format": 1,
        "case": {"name": {"en": 'A "quoted" name', "zh": "有鱼"}, "status": "active", "summary": "tab\there"},
        "model": {"type": "t", "有": 1.5},
        "events": [
            {"date": When("2021-01-01T10:00:00+08:00", (2021, 1, 1, 10, 0, 0)), "title": "b"},
            {"date": When('"2021"', (2021, 1, 1, 0, 0, 0)), "title": "a"},
        ],
    }
    case = parse_case(to_toml(doc).encode(), NAME)
    assert case.name.get("zh") == "有鱼" and case.name.get() == 'A "quoted" name'
    assert [e.title.get() for e in case.events] == ["a", "b"]
    assert dict(case.dimensions)["有"] == 1.5
    assert dt.date(2021, 1, 1) == case.events[0].date.date


# -- (3) broken documents: every problem is one located line ---------------------------------

REQUIRED = [
    ("format",),
    ("case",),
    ("case", "name"),
    ("case", "status"),
    ("case", "summary"),
    ("model",),
    ("model", "type"),
]
RENAMABLE = ["name", "status", "summary"]
WRONG_TYPES: list[tuple[tuple[str, ...], Any]] = [
    (("format",), "1"),
    (("format",), 2),
    (("case", "name"), 42),
    (("case", "status"), ["active"]),
    (("case", "status"), "closed"),
    (("case", "summary"), True),
    (("case", "tags"), "one"),
    (("case", "launched"), 2019),
    (("model", "type"), 3.5),
    (("model", "bad_dim"), [1, 2]),
    (("model", "bad_fact"), {"unit": "CNY"}),
]


@FAST
@given(valid_documents(), st.data())
def test_mutated_documents_fail_with_one_line_problems(generated: Generated, data: st.DataObject) -> None:
    doc = generated.doc
    mutation = data.draw(st.sampled_from(["drop", "rename", "retype", "event"]))
    if mutation == "drop":
        path = data.draw(st.sampled_from(REQUIRED))
        table = doc if len(path) == 1 else doc[path[0]]
        del table[path[-1]]
    elif mutation == "rename":
        key = data.draw(st.sampled_from(RENAMABLE))
        doc["case"][key + data.draw(st.sampled_from(["x", "_", "s"]))] = doc["case"].pop(key)
    elif mutation == "retype":
        path, value = data.draw(st.sampled_from(WRONG_TYPES))
        (doc if len(path) == 1 else doc[path[0]])[path[-1]] = value
    else:
        doc["events"] = [
            *doc.get("events", []),
            {"date": data.draw(st.sampled_from([True, "2019-13", 5])), "title": "x"},
        ]
    text = to_toml(doc)
    try:
        parse_case(text.encode(), NAME)
    except CaseError as err:
        assert err.problems
        for problem in err.problems:
            assert PROBLEM_LINE.match(str(problem)), str(problem)
        if mutation in ("rename", "retype", "event"):  # the broken key is in the file: its line is known
            assert any(p.line is not None for p in err.problems), [str(p) for p in err.problems]
    else:
        raise AssertionError(f"a {mutation} mutation loaded:\n{text}")
