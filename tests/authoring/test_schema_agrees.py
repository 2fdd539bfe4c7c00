"""The JSON Schema and the loader give the same verdict on the same files, except for the loader-only rules.

An author whose editor shows no schema error must not meet a `casetui validate` error other than
one of the documented loader-only rules, and the editor must never flag a file that casetui reads.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from casetui import loader
from casetui.model import EVENT_KINDS, STATUSES
from unit.helpers import FULL, MINIMAL, replace_line

from .verdicts import LOADER_ONLY, REPO, SCHEMA, loader_only_rules, parses, verdicts

VALID = "valid"
INVALID = "invalid"

FILES = sorted(
    [
        *(REPO / "tests" / "fixtures" / "library").glob("*.toml"),
        *(REPO / "cases").glob("*.toml"),
        *(REPO / "tests" / "hostile" / "cases").rglob("*.toml"),
    ]
)


def case_key(line: str) -> str:
    """MINIMAL with `line` added to its [case] table."""
    return replace_line(MINIMAL, 'summary = "Only what is required."', f'summary = "Only what is required."\n{line}')


def model_key(line: str) -> str:
    """MINIMAL with `line` added to its [model] table."""
    return f"{MINIMAL}{line}\n"


def top_key(line: str) -> str:
    """MINIMAL with a top-level `line` before its first table."""
    return replace_line(MINIMAL, "format = 1", f"format = 1\n{line}")


def tail(text: str) -> str:
    """MINIMAL followed by more tables."""
    return f"{MINIMAL}\n{text}\n"


def full(old: str, new: str) -> str:
    """FULL with one line replaced."""
    return replace_line(FULL, old, new)


EVENT = '[[events]]\ndate = "2019"\ntitle = "T"\n'

# (what is tried, document, file name, expected: VALID, INVALID, or the loader-only rule that refuses it)
MUTATIONS: list[tuple[str, str, str, str]] = [
    ("the smallest case", MINIMAL, "t.toml", VALID),
    ("every key of the format", FULL, "full-case.toml", VALID),
    # -- text
    ("x_ note in a language table", case_key('company = { en = "C", x_note = 3 }'), "t.toml", VALID),
    (
        "language tags with subtags",
        case_key('company = { en = "C", zh-Hant = "C", pt-BR = "C", EN = "C" }'),
        "t.toml",
        VALID,
    ),
    ("empty language table", case_key("company = {}"), "t.toml", INVALID),
    ("language table with only notes", case_key('company = { x_only = "C" }'), "t.toml", INVALID),
    ("not a language tag", case_key('company = { english = "C" }'), "t.toml", INVALID),
    ("language entry not a string", case_key("company = { en = 1 }"), "t.toml", INVALID),
    ("text as a number", replace_line(MINIMAL, 'name = "Minimal"', "name = 3"), "t.toml", INVALID),
    ("text as an array", replace_line(MINIMAL, 'name = "Minimal"', 'name = ["Minimal"]'), "t.toml", INVALID),
    (
        "text as a TOML date",
        replace_line(MINIMAL, 'name = "Minimal"', "name = 2022-01-17"),
        "t.toml",
        "TOML date where a string is expected",
    ),
    ("string as a TOML date", case_key("region = 2022-01-17"), "t.toml", "TOML date where a string is expected"),
    # -- when
    ("year", case_key('launched = "2019"'), "t.toml", VALID),
    ("month", case_key('launched = "2019-10"'), "t.toml", VALID),
    ("day as a string", case_key('launched = "2019-10-03"'), "t.toml", VALID),
    ("partial date with spaces", case_key('launched = " 2019-10 "'), "t.toml", VALID),
    ("TOML local date", case_key("launched = 2019-10-03"), "t.toml", VALID),
    ("TOML local date-time", case_key("launched = 2019-10-03T10:00:00"), "t.toml", VALID),
    ("TOML date-time in UTC", case_key("launched = 2019-10-03T10:00:00Z"), "t.toml", VALID),
    ("TOML date-time with a space and a fraction", case_key("launched = 2019-10-03 10:00:00.5+08:00"), "t.toml", VALID),
    ("month 13", case_key('launched = "2019-13"'), "t.toml", INVALID),
    ("two-digit year", case_key('launched = "19"'), "t.toml", INVALID),
    ("one-digit month", case_key('launched = "2019-1"'), "t.toml", INVALID),
    ("day 32", case_key('launched = "2019-10-32"'), "t.toml", INVALID),
    ("a word", case_key('launched = "soon"'), "t.toml", INVALID),
    ("year as a number", case_key("launched = 2019"), "t.toml", INVALID),
    ("year in other digits", case_key('launched = "٢٠١٩"'), "t.toml", INVALID),
    ("time of day", case_key("launched = 10:00:00"), "t.toml", INVALID),
    ("30 February", case_key('launched = "2019-02-30"'), "t.toml", "not a calendar day"),
    ("date-time in quotes", case_key('launched = "2019-10-03T10:00:00+08:00"'), "t.toml", "quoted date-time"),
    ("ended before launched", case_key('launched = "2020"\nended = "2019"'), "t.toml", "ended before launched"),
    # -- format and the top level
    ("no format", replace_line(MINIMAL, "format = 1", ""), "t.toml", INVALID),
    ("format 2", replace_line(MINIMAL, "format = 1", "format = 2"), "t.toml", INVALID),
    ("format 0", replace_line(MINIMAL, "format = 1", "format = 0"), "t.toml", INVALID),
    ("format as a string", replace_line(MINIMAL, "format = 1", 'format = "1"'), "t.toml", INVALID),
    ("format as a boolean", replace_line(MINIMAL, "format = 1", "format = true"), "t.toml", INVALID),
    ("format 1.5", replace_line(MINIMAL, "format = 1", "format = 1.5"), "t.toml", INVALID),
    ("format 1.0", replace_line(MINIMAL, "format = 1", "format = 1.0"), "t.toml", "format as a float"),
    ("x_ note at the top", top_key("x_meta = { anything = [1, 2] }"), "t.toml", VALID),
    ("unknown top-level key", top_key("formats = 1"), "t.toml", INVALID),
    ("empty events array", top_key("events = []"), "t.toml", VALID),
    ("events as a string", top_key('events = "none"'), "t.toml", INVALID),
    ("event not a table", top_key("events = [1]"), "t.toml", INVALID),
    ("services as a number", top_key("services = 3"), "t.toml", INVALID),
    ("sources as a string", top_key('sources = "none"'), "t.toml", INVALID),
    # -- [case]
    (
        "no [case]",
        MINIMAL.replace('[case]\nname = "Minimal"\nstatus = "active"\nsummary = "Only what is required."\n', ""),
        "t.toml",
        INVALID,
    ),
    ("no name", replace_line(MINIMAL, 'name = "Minimal"', ""), "t.toml", INVALID),
    ("no status", replace_line(MINIMAL, 'status = "active"', ""), "t.toml", INVALID),
    ("no summary", replace_line(MINIMAL, 'summary = "Only what is required."', ""), "t.toml", INVALID),
    ("unknown status", replace_line(MINIMAL, 'status = "active"', 'status = "closed"'), "t.toml", INVALID),
    ("misspelt key", case_key('sumary = "x"'), "t.toml", INVALID),
    ("x_ note in [case]", case_key("x_todo = [1]"), "t.toml", VALID),
    ("region as a number", case_key("region = 1"), "t.toml", INVALID),
    ("tags as a string", case_key('tags = "a"'), "t.toml", INVALID),
    ("tags with a number", case_key("tags = [1]"), "t.toml", INVALID),
    ("id equal to the file name", case_key('id = "t"'), "t.toml", VALID),
    ("id as a number", case_key("id = 1"), "t.toml", INVALID),
    ("id that is not an id", case_key('id = "Bad_Id"'), "Bad_Id.toml", INVALID),
    ("id over 64 characters", case_key(f'id = "{"a" * 65}"'), f"{'a' * 65}.toml", INVALID),
    ("id not the file name", case_key('id = "other"'), "t.toml", "case id is not the file name"),
    ("file name not an id", MINIMAL, "Bad_Name.toml", "bad file name"),
    # -- [model]
    ("no [model]", MINIMAL.replace('[model]\ntype = "Marketplace"\n', ""), "t.toml", INVALID),
    ("no model type", replace_line(MINIMAL, 'type = "Marketplace"', 'summary = "s"'), "t.toml", INVALID),
    ("model type as a number", replace_line(MINIMAL, 'type = "Marketplace"', "type = 3"), "t.toml", INVALID),
    ("model type as a fact", replace_line(MINIMAL, 'type = "Marketplace"', "type = { value = 3 }"), "t.toml", INVALID),
    ("float dimension", model_key("share = 1.5"), "t.toml", VALID),
    ("negative dimension", model_key("loss = -3"), "t.toml", VALID),
    ("boolean dimension", model_key("profitable = false"), "t.toml", VALID),
    ("date dimension", model_key("peak = 2020-01-01"), "t.toml", VALID),
    ("text dimension", model_key('fulfilment = { en = "Platform", zh = "平台" }'), "t.toml", VALID),
    ("fact with a text value", model_key('fee = { value = { en = "free" }, label = "Fee" }'), "t.toml", VALID),
    ("fact with a date value", model_key('start = { value = 2020-01-01, unit = "day" }'), "t.toml", VALID),
    ("fact with a note key", model_key("fee = { value = 1, x_checked = true }"), "t.toml", VALID),
    ("x_ note in [model]", model_key("x_anything = [1, { a = 2 }]"), "t.toml", VALID),
    ("array dimension", model_key("cities = [1, 2]"), "t.toml", INVALID),
    ("nan dimension", model_key("share = nan"), "t.toml", INVALID),
    ("inf dimension", model_key("share = inf"), "t.toml", INVALID),
    ("time-of-day dimension", model_key("opens = 10:00:00"), "t.toml", "TOML date where a string is expected"),
    ("fact without a value", model_key('fee = { unit = "CNY" }'), "t.toml", INVALID),
    ("fact with an unknown key", model_key('fee = { value = 1, units = "CNY" }'), "t.toml", INVALID),
    ("fact with an array value", model_key("fee = { value = [1] }"), "t.toml", INVALID),
    ("fact with a nan value", model_key("fee = { value = nan }"), "t.toml", INVALID),
    ("fact with a numeric unit", model_key("fee = { value = 1, unit = 1 }"), "t.toml", INVALID),
    ("dimension table with only notes", model_key("fee = { x_only = 1 }"), "t.toml", INVALID),
    ("fact naming no source", model_key('fee = { value = 1, source = "nope" }'), "t.toml", "names nothing"),
    # -- [services]
    ("empty [services]", tail("[services]"), "t.toml", VALID),
    ("x_ note in [services]", tail('[services]\nx_hidden = 3\nshop = "Shop"'), "t.toml", VALID),
    ("service as a number", tail("[services]\nshop = 3"), "t.toml", INVALID),
    # -- [[events]]
    ("event with empty lists", tail(EVENT + "source = []\nends = []"), "t.toml", VALID),
    ("event with every kind", tail("\n".join(EVENT + f'kind = "{kind}"' for kind in EVENT_KINDS)), "t.toml", VALID),
    ("event without a date", tail('[[events]]\ntitle = "T"'), "t.toml", INVALID),
    ("event without a title", tail('[[events]]\ndate = "2019"'), "t.toml", INVALID),
    ("unknown kind", tail(EVENT + 'kind = "annoucement"'), "t.toml", INVALID),
    ("misspelt event key", tail(EVENT + 'detial = "x"'), "t.toml", INVALID),
    ("ends as a string", tail(EVENT + 'ends = "shop"'), "t.toml", INVALID),
    ("source as a number", tail(EVENT + "source = 3"), "t.toml", INVALID),
    ("source list with a number", tail(EVENT + "source = [3]"), "t.toml", INVALID),
    ("event id as a number", tail(EVENT + "id = 1"), "t.toml", INVALID),
    ("event date in month 13", tail('[[events]]\ndate = "2019-13"\ntitle = "T"'), "t.toml", INVALID),
    ("ends naming no service", tail(EVENT + 'ends = ["shop"]'), "t.toml", "names nothing"),
    ("event source naming nothing", tail(EVENT + 'source = "nope"'), "t.toml", "names nothing"),
    ("duplicate event id", tail(EVENT + 'id = "a"\n' + EVENT + 'id = "a"'), "t.toml", "duplicate event id"),
    # -- [sources]
    ("x_ notes in [sources]", tail('[sources]\nx_n = 1\n[sources.a]\ntitle = "A"\nx_b = 2'), "t.toml", VALID),
    ("source not a table", tail('[sources]\na = "A"'), "t.toml", INVALID),
    ("source without a title", tail('[sources.a]\nurl = "https://example.com"'), "t.toml", INVALID),
    ("misspelt source key", tail('[sources.a]\ntitle = "A"\ntitel = "A"'), "t.toml", INVALID),
    ("url as a number", tail('[sources.a]\ntitle = "A"\nurl = 1'), "t.toml", INVALID),
    ("source date as a word", tail('[sources.a]\ntitle = "A"\ndate = "last year"'), "t.toml", INVALID),
    (
        "source author in two languages",
        tail('[sources.a]\ntitle = "A"\nauthor = { en = "Li", zh = "李" }'),
        "t.toml",
        VALID,
    ),
    # -- [[phases]], [[quotes]], [[lessons]], [[questions]]
    ("open phase", tail('[[phases]]\ntitle = "P"\nstart = "2019"'), "t.toml", VALID),
    ("phase without a start", tail('[[phases]]\ntitle = "P"'), "t.toml", INVALID),
    ("phase with a bad end", tail('[[phases]]\ntitle = "P"\nstart = "2019"\nend = "later"'), "t.toml", INVALID),
    ("misspelt phase key", tail('[[phases]]\ntitle = "P"\nstart = "2019"\nfinish = "2020"'), "t.toml", INVALID),
    (
        "phase ending before it starts",
        tail('[[phases]]\ntitle = "P"\nstart = "2020"\nend = "2019"'),
        "t.toml",
        "phase ends before it starts",
    ),
    ("quote without text", tail('[[quotes]]\nby = "B"'), "t.toml", INVALID),
    ("quote source as a number", tail('[[quotes]]\ntext = "Q"\nsource = 1'), "t.toml", INVALID),
    ("quote naming no source", tail('[[quotes]]\ntext = "Q"\nsource = "nope"'), "t.toml", "names nothing"),
    ("lesson without text", tail('[[lessons]]\nsource = "a"'), "t.toml", INVALID),
    ("lesson with an unknown key", tail('[[lessons]]\ntext = "L"\nby = "B"'), "t.toml", INVALID),
    ("question without a prompt", tail('[[questions]]\nnotes = "N"'), "t.toml", INVALID),
    ("question event as a number", tail('[[questions]]\nprompt = "Q"\nevent = 1'), "t.toml", INVALID),
    ("question naming no event", tail('[[questions]]\nprompt = "Q"\nevent = "nope"'), "t.toml", "names nothing"),
    # -- FULL, one line broken at a time
    ("FULL with another status", full('status = "shut-down"', 'status = "merged"'), "full-case.toml", VALID),
    ("FULL with an unknown kind", full('kind = "shutdown"', 'kind = "closed"'), "full-case.toml", INVALID),
    (
        "FULL with a service list",
        full('withdrawal = "Balance withdrawal"', "withdrawal = []"),
        "full-case.toml",
        INVALID,
    ),
    (
        "FULL with its id changed",
        full('id = "full-case"', 'id = "fuller-case"'),
        "full-case.toml",
        "case id is not the file name",
    ),
]


@pytest.mark.parametrize(("what", "text", "name", "expected"), MUTATIONS, ids=[m[0] for m in MUTATIONS])
def test_schema_and_loader_agree_on_each_edit(what: str, text: str, name: str, expected: str) -> None:
    found = verdicts(text, name)
    rules = loader_only_rules(found)
    if expected == VALID:
        assert found.loader_ok and found.schema_ok, found
    elif expected == INVALID:
        assert not found.loader_ok and not found.schema_ok, found
    else:
        assert found.schema_ok and rules == {expected}, found


@pytest.mark.parametrize("path", FILES, ids=[str(p.relative_to(REPO)) for p in FILES])
def test_schema_and_loader_agree_on_every_library_file(path: Path) -> None:
    data = path.read_bytes()
    if parses(data) is None:
        with pytest.raises(loader.CaseError):
            loader.read_case(path)
        return
    found = verdicts(data, path.name)
    loader_only_rules(found)
    if path.parent in (REPO / "cases", REPO / "tests" / "fixtures" / "library"):
        assert found.loader_ok and found.schema_ok, found


def test_every_loader_only_rule_is_shown_by_an_edit() -> None:
    shown = {expected for *_, expected in MUTATIONS} - {VALID, INVALID}
    assert shown == set(LOADER_ONLY)


def test_the_schema_is_draft_2020_12_and_lists_every_key_status_and_kind() -> None:
    Draft202012Validator.check_schema(SCHEMA)
    assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    props = SCHEMA["properties"]
    defs = SCHEMA["$defs"]
    assert tuple(props) == loader.TOP_KEYS
    assert tuple(props["case"]["properties"]) == loader.CASE_KEYS
    assert tuple(props["model"]["properties"]) == loader.MODEL_FIXED
    assert tuple(defs["fact"]["properties"]) == loader.FACT_KEYS
    assert tuple(defs["event"]["properties"]) == loader.EVENT_KEYS
    assert tuple(defs["source"]["properties"]) == loader.SOURCE_KEYS
    assert tuple(defs["phase"]["properties"]) == loader.PHASE_KEYS
    assert tuple(defs["quote"]["properties"]) == loader.QUOTE_KEYS
    assert tuple(defs["lesson"]["properties"]) == loader.LESSON_KEYS
    assert tuple(defs["question"]["properties"]) == loader.QUESTION_KEYS
    assert tuple(props["case"]["properties"]["status"]["enum"]) == STATUSES
    assert tuple(defs["event"]["properties"]["kind"]["enum"]) == EVENT_KINDS


def test_every_key_has_help_for_the_editor() -> None:
    def tables(schema: dict) -> list[dict]:
        return [schema["properties"][key] for key in ("case", "model")] + [
            defs for name, defs in schema["$defs"].items() if "properties" in defs
        ]

    for table in [SCHEMA, *tables(SCHEMA)]:
        for key, spec in table["properties"].items():
            assert spec.get("title") and spec.get("description"), key


def test_docs_list_every_loader_only_rule() -> None:
    doc = (REPO / "docs" / "format.md").read_text(encoding="utf-8")
    section = doc.split("## Editor support", 1)[1]
    section = re.split(r"\n## ", section, maxsplit=1)[0]
    for rule in LOADER_ONLY.values():
        assert rule.doc in section, rule.doc
    assert "#:schema" in section and "Even Better TOML" in section
