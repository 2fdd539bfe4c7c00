"""Every rule of the case format, kept and broken: what loads, and the one-line error for what does not.

Most tests break one line of `FULL` (a valid case that uses every key) and assert the exact line,
key path and message of each problem.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from casetui import derive
from casetui.loader import read_case, valid_id
from casetui.model import Fact
from casetui.problems import CaseError
from casetui.text import LText
from casetui.when import Precision, Span, SpanUnit

from .helpers import FULL, MINIMAL, lines_of, load, problems_of, replace_line

NAME = "full-case.toml"
ONE_LINE = re.compile(r"^[^:\n]+(:\d+)?: \S[^\n]*: [^\n]+$")


def broken(old: str, new: str) -> list[tuple[int | None, str, str]]:
    """Break one line of FULL; return (line, key path, message) of each problem."""
    problems = problems_of(replace_line(FULL, old, new), NAME)
    for problem in problems:
        assert ONE_LINE.match(str(problem)), str(problem)
    return [(p.line, p.key, p.message) for p in problems]


def test_the_full_example_loads_with_every_key() -> None:
    case = load(FULL, NAME)
    assert case.id == "full-case"
    assert case.name.get("zh") == "完整案例"
    assert case.company is not None and case.company.get() == "Example Co"
    assert (case.status, case.region, case.tags) == ("shut-down", "CN", ("membership", "social-commerce"))
    assert case.reason is not None and case.as_of is not None and case.as_of.display() == "2022-01-18"
    assert case.model_type.get() == "Membership social e-commerce"
    assert case.model_summary is not None and case.model_summary.get() == "Members pay once."
    assert [key for key, _ in case.dimensions] == ["membership_fee", "fulfilment", "cities", "profitable", "peak"]
    assert [s.id for s in case.services] == ["check_in", "withdrawal"]
    assert [e.id for e in case.events] == [None, "announce", "final"]
    assert case.events[1].sources == ("notice", "essay")
    assert case.events[0].sources == ("notice",)
    assert case.events[2].kind == "shutdown" and case.events[2].ends == ("withdrawal",)
    assert [s.id for s in case.sources] == ["notice", "essay"]
    notice = case.source("notice")
    assert notice is not None and notice.url == "https://example.com/notice"
    assert notice.date is not None and notice.date.display() == "2022-01-18"
    assert case.phases[0].end is not None and case.phases[0].end.display() == "2020-06"
    assert case.quotes[0].source == "notice" and case.lessons[0].source == "essay"
    assert case.questions[0].event == "announce"


def test_source_author_is_accepted_as_an_extension() -> None:
    case = load(FULL, NAME)
    author = case.sources[0].author
    assert author is not None and author.get() == "A. Writer"


def test_kind_defaults_to_milestone() -> None:
    case = load(replace_line(FULL, 'kind = "launch"', ""), NAME)
    assert case.events[0].kind == "milestone"


# -- files and ids ---------------------------------------------------------------------------


@pytest.mark.parametrize("stem", ["xiaomi-youpin-youyu", "a", "2021", "a1-b2-c3", "a" * 64])
def test_good_ids(stem: str) -> None:
    assert valid_id(stem)
    assert load(MINIMAL, f"{stem}.toml").id == stem


@pytest.mark.parametrize("stem", ["Xiaomi", "a--b", "-a", "a-", "a_b", "a.b", "a b", "有鱼", "ａ", "a" * 65])
def test_bad_ids_are_refused_with_the_rule(stem: str) -> None:
    assert not valid_id(stem)
    (problem,) = problems_of(MINIMAL, f"{stem}.toml")
    assert problem.line is None
    assert str(problem).startswith(f'{stem}.toml: (top): bad case id "{stem}" (from the file name): ')
    assert "lowercase ASCII letters, digits and single hyphens, at most 64 characters" in problem.message


def test_an_id_ending_in_a_newline_is_refused() -> None:
    """A regular expression's `$` matches before a final newline: the whole name must match, not most of it."""
    assert not valid_id("a-b\n")
    (problem,) = problems_of(MINIMAL, "a-b\n.toml")
    assert problem.message.startswith('bad case id "a-b\n" (from the file name)')


def test_case_id_must_equal_the_file_stem() -> None:
    assert broken('id = "full-case"', 'id = "other-case"') == [
        (4, "case.id", '"other-case" does not match the file name "full-case"')
    ]
    assert load(replace_line(FULL, 'id = "full-case"', ""), NAME).id == "full-case"


# -- format ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("new", "line", "message"),
    [
        ("", None, "required key is missing (write format = 1 at the top)"),
        ("format = 2", 1, "written for format 2; this casetui reads 1"),
        ("format = 10", 1, "written for format 10; this casetui reads 1"),
        ("format = 0", 1, "there is no format 0; this casetui reads 1"),
        ('format = "1"', 1, "expected an integer, got a string"),
        ("format = 1.0", 1, "expected an integer, got a float"),
        ("format = true", 1, "expected an integer, got a boolean"),
    ],
)
def test_format(new: str, line: int | None, message: str) -> None:
    assert broken("format = 1", new) == [(line, "format", message)]


# -- required keys ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "line", "key"),
    [
        ('name = { en = "Full Case", zh = "完整案例" }', 3, "case.name"),
        ('status = "shut-down"', 3, "case.status"),
        ('summary = "Uses every key."', 3, "case.summary"),
        ('type = "Membership social e-commerce"', 17, "model.type"),
        ('date = "2019"', 32, "events[0].date"),
        ('title = "Launch"', 32, "events[0].title"),
        ('title = "Shutdown notice"', 55, "sources.notice.title"),
        ('title = "Growth"', 66, "phases[0].title"),
        ('start = "2019"', 66, "phases[0].start"),
        ('text = "We were not ready."', 71, "quotes[0].text"),
        ('text = "Fees do not buy loyalty."', 76, "lessons[0].text"),
        ('prompt = "Was one month of notice enough?"', 80, "questions[0].prompt"),
    ],
)
def test_a_missing_required_key_names_its_table_line(old: str, line: int, key: str) -> None:
    assert broken(old, "") == [(line, key, "required key is missing")]


def test_a_missing_fact_value() -> None:
    old = 'membership_fee = { value = 396, unit = "CNY", label = "Fee", note = "one-off", source = "notice" }'
    assert broken(old, 'membership_fee = { unit = "CNY" }') == [
        (20, "model.membership_fee", 'a fact needs a "value" key')
    ]


def test_missing_tables() -> None:
    assert lines_of("format = 1\n[model]\ntype = 't'\n") == ["t.toml: case: required key is missing"]
    assert lines_of("format = 1\n[case]\nname = 'x'\nstatus = 'active'\nsummary = 's'\n") == [
        "t.toml: model: required key is missing"
    ]


def test_every_missing_key_is_reported_at_once() -> None:
    text = "format = 1\n[case]\nregion = 'CN'\n[model]\nsummary = 's'\n"
    assert [str(p) for p in problems_of(text)] == [
        "t.toml:2: case.name: required key is missing",
        "t.toml:2: case.status: required key is missing",
        "t.toml:2: case.summary: required key is missing",
        "t.toml:4: model.type: required key is missing",
    ]


def test_only_the_required_keys_are_needed() -> None:
    case = load(MINIMAL)
    assert (case.events, case.sources, case.services, case.dimensions) == ((), (), (), ())
    assert case.company is None and case.launched is None and case.tags == ()


# -- wrong types -----------------------------------------------------------------------------

TEXT = "expected text (a string or a table like { en = …, zh = … }), got "
DATE = 'expected a date (2022-01-17, "2019-10" or "2019"), got '


@pytest.mark.parametrize(
    ("old", "new", "line", "key", "message"),
    [
        ('company = "Example Co"', "company = 7", 6, "case.company", TEXT + "an integer"),
        ('status = "shut-down"', "status = 1", 7, "case.status", "expected a string, got an integer"),
        ('region = "CN"', "region = { en = 'CN' }", 9, "case.region", "expected a string, got a table"),
        ('tags = ["membership", "social-commerce"]', 'tags = "membership"', 10, "case.tags", "expected an array"),
        ('tags = ["membership", "social-commerce"]', 'tags = ["a", 2]', 10, "case.tags[1]", "expected a string"),
        ('launched = "2019"', "launched = 2019", 11, "case.launched", DATE + "an integer"),
        ("as_of = 2022-01-18", "as_of = true", 14, "case.as_of", DATE + "a boolean"),
        (
            'name = { en = "Full Case", zh = "完整案例" }',
            "name = 2022-01-17T10:00:00",
            5,
            "case.name",
            TEXT + "a date-time",
        ),
        ('name = { en = "Full Case", zh = "完整案例" }', "name = 2022-01-17", 5, "case.name", TEXT + "a date"),
        ('reason = "Low repurchase."', "reason = []", 13, "case.reason", TEXT + "an array"),
        ('id = "full-case"', "id = 1", 4, "case.id", "expected a string, got an integer"),
        ('summary = "Members pay once."', "summary = 1", 19, "model.summary", TEXT + "an integer"),
        ("cities = 12", "cities = [12]", 22, "model.cities", "expected a number, boolean, text or date, got an array"),
        ("cities = 12", "cities = nan", 22, "model.cities", "a number must be finite (not nan or inf)"),
        ("cities = 12", "cities = -inf", 22, "model.cities", "a number must be finite (not nan or inf)"),
        ("cities = 12", "cities = 10:30:00", 22, "model.cities", "got a time of day"),
        ("cities = 12", "cities = { value = [1] }", 22, "model.cities.value", "got an array"),
        ("cities = 12", "cities = { value = 1, unit = 2 }", 22, "model.cities.unit", "expected a string"),
        ("cities = 12", "cities = { value = 1, label = 2 }", 22, "model.cities.label", TEXT + "an integer"),
        ("cities = 12", "cities = { value = 1, note = false }", 22, "model.cities.note", TEXT + "a boolean"),
        ("cities = 12", "cities = { value = 1, source = 3 }", 22, "model.cities.source", "expected a string"),
        ('withdrawal = "Balance withdrawal"', "withdrawal = 5", 29, "services.withdrawal", TEXT + "an integer"),
        ('date = "2019"', "date = 2019", 33, "events[0].date", DATE + "an integer"),
        ('title = "Launch"', "title = false", 34, "events[0].title", TEXT + "a boolean"),
        ('kind = "launch"', "kind = 3", 35, "events[0].kind", "expected a string, got an integer"),
        ('detail = "Details."', "detail = 1.5", 42, "events[1].detail", TEXT + "a float"),
        ('id = "final"', "id = 7", 52, "events[2].id", "expected a string, got an integer"),
        ('ends = ["check_in"]', 'ends = "check_in"', 44, "events[1].ends", "expected an array, got a string"),
        ('ends = ["withdrawal"]', "ends = [1]", 53, "events[2].ends[0]", "expected a string, got an integer"),
        ('source = ["notice", "essay"]', 'source = ["notice", 2]', 45, "events[1].source[1]", "expected a string"),
        ("source = 'notice'", "source = { id = 'notice' }", 36, "events[0].source", "got a table"),
        ('title = "Shutdown notice"', "title = 1", 56, "sources.notice.title", TEXT + "an integer"),
        ('publisher = "Example Daily"', "publisher = 1", 57, "sources.notice.publisher", TEXT + "an integer"),
        ('author = "A. Writer"', "author = 1", 58, "sources.notice.author", TEXT + "an integer"),
        ("date = 2022-01-18", "date = 'soon'", 59, "sources.notice.date", "is not a date"),
        ('url = "https://example.com/notice"', "url = 1", 60, "sources.notice.url", "expected a string"),
        ('note = "Official."', "note = 1", 61, "sources.notice.note", TEXT + "an integer"),
        ('end = "2020-06"', "end = 2020", 69, "phases[0].end", DATE + "an integer"),
        ('by = "A spokesperson"', "by = 1", 73, "quotes[0].by", TEXT + "an integer"),
        ('notes = "Compare with the total."', "notes = 1", 82, "questions[0].notes", TEXT + "an integer"),
        ('event = "announce"', "event = 1", 83, "questions[0].event", "expected a string"),
    ],
)
def test_a_wrong_type_is_one_error_on_its_own_line(old: str, new: str, line: int, key: str, message: str) -> None:
    problems = broken(old, new)
    assert len(problems) == 1, problems
    assert problems[0][:2] == (line, key)
    assert message in problems[0][2]


def test_tables_that_must_be_tables() -> None:
    assert lines_of("case = 3\n" + MINIMAL.replace("[case]\n", "[x_case]\n")) == [
        "t.toml:1: case: expected a table, got an integer"
    ]
    assert lines_of("services = 1\n" + MINIMAL) == ["t.toml:1: services: expected a table, got an integer"]
    assert lines_of("sources = []\n" + MINIMAL) == ["t.toml:1: sources: expected a table, got an array"]
    assert lines_of(MINIMAL + "[sources]\na = 'title only'\n") == [
        "t.toml:11: sources.a: expected a table, got a string"
    ]


def test_a_header_that_only_creates_its_parent_table_still_names_a_line() -> None:
    # `[sources.essay.x]` creates sources.essay on line 63 without a title, and x is no source key.
    assert sorted(broken("[sources.essay]", "[sources.essay.x]")) == [
        (63, "sources.essay.title", "required key is missing"),
        (63, "sources.essay.x", 'unknown key "x"'),
    ]


def test_arrays_of_tables_must_be_arrays_and_their_elements_tables() -> None:
    # Under [model], `events = 3` is just a dimension named "events"; at the top it is the timeline.
    assert load(MINIMAL + "events = 3\n").dimensions == (("events", 3),)
    top = "events = 3\nphases = [1, { title = 't', start = '2019' }]\n" + MINIMAL
    assert [str(p) for p in problems_of(top)] == [
        "t.toml:1: events: expected an array, got an integer",
        "t.toml:2: phases[0]: expected a table, got an integer",
    ]


# -- enums -----------------------------------------------------------------------------------


def test_unknown_status_suggests_the_nearest() -> None:
    ((line, key, message),) = broken('status = "shut-down"', 'status = "shutdown"')
    assert (line, key) == (7, "case.status")
    assert message == (
        'unknown value "shutdown" (did you mean "shut-down"?); one of: active, sunsetting, paused, shut-down, merged'
    )


@pytest.mark.parametrize("status", ["active", "sunsetting", "paused", "shut-down", "merged"])
def test_every_status_loads(status: str) -> None:
    assert load(replace_line(FULL, 'status = "shut-down"', f'status = "{status}"'), NAME).status == status


def test_unknown_kind_suggests_the_nearest() -> None:
    ((line, key, message),) = broken('kind = "shutdown"', 'kind = "shutdwon"')
    assert (line, key) == (51, "events[2].kind")
    assert message.startswith('unknown value "shutdwon" (did you mean "shutdown"?); one of: launch, milestone, ')


@pytest.mark.parametrize(
    "kind",
    [
        "launch",
        "milestone",
        "growth",
        "partnership",
        "financial",
        "regulatory",
        "announcement",
        "service-stop",
        "shutdown",
        "migration",
        "other",
    ],
)
def test_every_kind_loads(kind: str) -> None:
    assert load(replace_line(FULL, 'kind = "launch"', f'kind = "{kind}"'), NAME).events[0].kind == kind


# -- unknown keys and x_ keys ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "line", "key", "word", "hint"),
    [
        ("format = 1", "format = 1\nevnets = []", 2, "evnets", "evnets", "events"),
        ('tags = ["membership", "social-commerce"]', "tag = []", 10, "case.tag", "tag", "tags"),
        ('kind = "launch"', 'knd = "launch"', 35, "events[0].knd", "knd", "kind"),
        ('publisher = "Example Daily"', 'publsher = "x"', 57, "sources.notice.publsher", "publsher", "publisher"),
        ('start = "2019"', 'start = "2019"\nstrat = "2019"', 69, "phases[0].strat", "strat", "start"),
        ('by = "A spokesperson"', 'bye = "x"', 73, "quotes[0].bye", "bye", "by"),
        ('source = "essay"', 'sources = "essay"', 78, "lessons[0].sources", "sources", "source"),
        ('notes = "Compare with the total."', 'note = "x"', 82, "questions[0].note", "note", "notes"),
    ],
)
def test_an_unknown_key_suggests_the_nearest(old: str, new: str, line: int, key: str, word: str, hint: str) -> None:
    assert broken(old, new) == [(line, key, f'unknown key "{word}" (did you mean "{hint}"?)')]


def test_a_misspelt_required_key_is_unknown_and_missing() -> None:
    assert broken('summary = "Uses every key."', 'sumary = "Uses every key."') == [
        (3, "case.summary", "required key is missing"),
        (8, "case.sumary", 'unknown key "sumary" (did you mean "summary"?)'),
    ]


def test_an_unknown_fact_key_suggests_the_nearest() -> None:
    old = 'membership_fee = { value = 396, unit = "CNY", label = "Fee", note = "one-off", source = "notice" }'
    assert broken(old, "membership_fee = { value = 396, unti = 'CNY' }") == [
        (20, "model.membership_fee.unti", 'unknown key "unti" (did you mean "unit"?)')
    ]


def test_a_key_like_nothing_gets_no_suggestion() -> None:
    assert broken('region = "CN"', 'zzzzzz = "CN"') == [(9, "case.zzzzzz", 'unknown key "zzzzzz"')]


def test_x_keys_are_ignored_everywhere() -> None:
    text = (
        "x_top = 1\n"
        + MINIMAL.replace('status = "active"', 'status = "active"\nx_case = { any = "thing" }')
        + "x_dim = [1, 2]\n"
        "[services]\nx_service = 1\nsvc = { en = 'S', x_lang = 3 }\n"
        "[[events]]\ndate = 2020-01-01\ntitle = 't'\nx_event = 1\nid = 'e'\n"
        "[sources.s]\ntitle = 't'\nx_source = 1\n"
        "[sources.x_not_a_source]\nwhatever = 1\n"
        "[[phases]]\ntitle = 't'\nstart = '2019'\nx_phase = 1\n"
        "[[quotes]]\ntext = 't'\nx_quote = 1\n"
        "[[lessons]]\ntext = 't'\nx_lesson = 1\n"
        "[[questions]]\nprompt = 'p'\nx_question = 1\nevent = 'e'\n"
        "[model.fact]\nvalue = 1\nx_fact = 'note'\n"
        "[[x_list]]\nanything = true\n"
    )
    case = load(text)
    assert [key for key, _ in case.dimensions] == ["fact"]
    assert [s.id for s in case.services] == ["svc"]
    assert case.services[0].name.entries == (("en", "S"),)
    assert [s.id for s in case.sources] == ["s"]
    assert (len(case.events), len(case.phases), len(case.quotes), len(case.lessons)) == (1, 1, 1, 1)


# -- references ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "line", "key", "message"),
    [
        (
            "source = 'notice'",
            "source = 'notise'",
            36,
            "events[0].source",
            'source "notise" names no [sources] entry (did you mean "notice"?)',
        ),
        (
            'source = ["notice", "essay"]',
            'source = ["notice", "zzz"]',
            45,
            "events[1].source[1]",
            'source "zzz" names no [sources] entry',
        ),
        (
            'source = "essay"',
            'source = "esay"',
            78,
            "lessons[0].source",
            'source "esay" names no [sources] entry (did you mean "essay"?)',
        ),
        (
            'ends = ["check_in"]',
            'ends = ["checkin"]',
            44,
            "events[1].ends[0]",
            'service "checkin" names no [services] entry (did you mean "check_in"?)',
        ),
        (
            'event = "announce"',
            'event = "anounce"',
            83,
            "questions[0].event",
            'event "anounce" names no event id (did you mean "announce"?)',
        ),
        ('id = "final"', 'id = "announce"', 52, "events[2].id", 'duplicate event id "announce" (also events[1])'),
    ],
)
def test_a_reference_that_names_nothing(old: str, new: str, line: int, key: str, message: str) -> None:
    assert broken(old, new) == [(line, key, message)]


def test_sources_named_without_any_sources_table() -> None:
    text = MINIMAL + (
        "fee = { value = 1, source = 'report' }\n"  # 10
        "[[quotes]]\n"
        "text = 'q'\n"
        "source = 'report'\n"  # 13
    )
    assert lines_of(text) == [
        't.toml:10: model.fee.source: source "report" names no [sources] entry (no [sources] table)',
        't.toml:13: quotes[0].source: source "report" names no [sources] entry (no [sources] table)',
    ]


# -- dates in order --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("launched", "ended", "lifespan"),
    [
        ('"2019-10"', '"2019"', Span(0, SpanUnit.YEAR)),  # same year: not before at the coarser precision
        ("2019-10-05", '"2019-10"', Span(0, SpanUnit.MONTH)),
        ("2019-10-05", "2019-10-05", Span(0, SpanUnit.DAY)),
        ("2022-01-17T10:00:00+08:00", "2022-01-17T03:00:00Z", Span(3600, SpanUnit.SECOND)),  # 02:00 UTC to 03:00
        ("2022-01-17T10:00:00", "2022-01-17", Span(0, SpanUnit.DAY)),
        ("2022-01-17T10:00:00", "2022-01-17T10:00:00", Span(0, SpanUnit.SECOND)),  # the same wall clock
    ],
)
def test_ended_on_or_after_launched_loads(launched: str, ended: str, lifespan: Span) -> None:
    text = replace_line(
        replace_line(FULL, 'launched = "2019"', f"launched = {launched}"),
        "ended = 2022-03-17T10:00:00+08:00",
        f"ended = {ended}",
    )
    assert derive.lifespan(load(text, NAME)) == lifespan


@pytest.mark.parametrize(
    ("launched", "ended", "shown"),
    [
        ('"2019-10"', "2019-09-30", "2019-09-30 is before launched (2019-10)"),
        ('"2020"', '"2019-12"', "2019-12 is before launched (2020)"),
        (
            "2022-01-17T10:00:00+08:00",
            "2022-01-17T01:00:00Z",
            "2022-01-17 01:00 +00:00 is before launched (2022-01-17 10:00 +08:00)",
        ),
        ("2022-01-17T10:00:00", "2022-01-17T09:59:59", "2022-01-17 09:59:59 is before launched (2022-01-17 10:00)"),
    ],
)
def test_ended_before_launched_is_an_error_on_the_ended_line(launched: str, ended: str, shown: str) -> None:
    text = replace_line(
        replace_line(FULL, 'launched = "2019"', f"launched = {launched}"),
        "ended = 2022-03-17T10:00:00+08:00",
        f"ended = {ended}",
    )
    assert [(p.line, p.key, p.message) for p in problems_of(text, NAME)] == [(12, "case.ended", shown)]


def test_a_phase_that_ends_before_it_starts() -> None:
    assert broken('end = "2020-06"', 'end = "2018"') == [(69, "phases[0].end", "2018 is before the start 2019")]


# -- facts and dimensions --------------------------------------------------------------------


def test_dimensions_keep_their_types_and_file_order() -> None:
    text = MINIMAL + (
        "fee = { value = 396, unit = 'CNY', label = { en = 'Fee', zh = '会员费' }, note = 'once', source = 's' }\n"
        "rate = { value = 2.5, unit = '%' }\n"
        "open = { value = true }\n"
        "since = { value = 2019-10-03 }\n"
        "named = { value = { en = 'Yes', zh = '是' } }\n"
        "plain_number = 12\n"
        "plain_bool = true\n"
        "plain_date = 2021-06-01T09:00:00\n"
        "plain_text = { en = 'Platform', zh = '平台' }\n"
        "[sources.s]\ntitle = 'S'\n"
    )
    dims = dict(load(text).dimensions)
    assert list(dims) == [
        "fee",
        "rate",
        "open",
        "since",
        "named",
        "plain_number",
        "plain_bool",
        "plain_date",
        "plain_text",
    ]
    fee = dims["fee"]
    assert isinstance(fee, Fact)
    assert (fee.value, fee.unit, fee.source) == (396, "CNY", "s")
    assert fee.label is not None and fee.label.get("zh") == "会员费"
    assert fee.note is not None and fee.note.get() == "once"
    assert dims["rate"] == Fact(2.5, unit="%")
    assert dims["open"] == Fact(True)
    since = dims["since"]
    assert isinstance(since, Fact) and since.value.precision is Precision.DAY  # type: ignore[union-attr]
    named = dims["named"]
    assert isinstance(named, Fact) and isinstance(named.value, LText) and named.value.get("zh") == "是"
    assert dims["plain_number"] == 12 and dims["plain_bool"] is True
    assert dims["plain_date"].precision is Precision.TIME  # type: ignore[union-attr]
    assert dims["plain_text"].get("zh") == "平台"  # type: ignore[union-attr]


# -- encoding and syntax ---------------------------------------------------------------------


def test_a_bom_and_crlf_line_ends_are_accepted() -> None:
    data = b"\xef\xbb\xbf" + FULL.replace("\n", "\r\n").encode()
    case = load(data.decode("utf-8"), NAME)
    assert case.name.get() == "Full Case"
    assert "\r" not in case.summary.get()


def test_crlf_inside_a_multi_line_string_becomes_lf() -> None:
    text = MINIMAL.replace('summary = "Only what is required."', 'summary = """one\ntwo"""').replace("\n", "\r\n")
    assert load(text).summary.get() == "one\ntwo"


def test_a_file_that_is_not_utf8_names_the_line_of_the_first_bad_byte() -> None:
    data = MINIMAL.encode() + b"fee = 'caf\xe9'\n"
    assert lines_of(data) == ["t.toml:10: file: not UTF-8 (byte 0xe9)"]
    assert lines_of(b"\xff\xfeformat = 1") == ["t.toml:1: file: not UTF-8 (byte 0xff)"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("format = 1\n[case\n", "t.toml:2: toml: Expected ']' at the end of a table declaration (column 6)"),
        ("format = 1\nformat = 2\n", "t.toml:2: toml: Cannot overwrite a value (column 11)"),
        ('a = "open\n', "t.toml:1: toml: Illegal character '\\n' (column 10)"),
        ("\n\na = 2022-02-30\n", "t.toml:3: toml: Invalid date or datetime (column 5)"),
        ("[a]\n[a]\n", "t.toml:2: toml: Cannot declare ('a',) twice (column 3)"),
        ("a = [1,\n2\n", "t.toml:3: toml: Unclosed array (column 1)"),
        ("a = 1\nb\n", "t.toml:2: toml: Expected '=' after a key in a key/value pair (column 2)"),
        ("a = \x01\n", "t.toml:1: toml: Invalid value (column 5)"),
    ],
)
def test_toml_syntax_errors_are_one_located_line(text: str, expected: str) -> None:
    assert lines_of(text) == [expected]


def test_an_empty_file_is_missing_everything_required() -> None:
    assert lines_of("") == [
        "t.toml: format: required key is missing (write format = 1 at the top)",
        "t.toml: case: required key is missing",
        "t.toml: model: required key is missing",
    ]


# -- reading files ---------------------------------------------------------------------------


def test_read_case_takes_the_id_from_the_file_name(tmp_path: Path) -> None:
    path = tmp_path / "full-case.toml"
    path.write_text(FULL, encoding="utf-8")
    assert read_case(path).id == "full-case"


def test_read_case_shows_the_path_it_was_given(tmp_path: Path) -> None:
    path = tmp_path / "full-case.toml"
    path.write_text(FULL.replace("format = 1", "format = 9"), encoding="utf-8")
    with pytest.raises(CaseError) as caught:
        read_case(path, "cases/full-case.toml")
    assert str(caught.value) == "cases/full-case.toml:1: format: written for format 9; this casetui reads 1"


def test_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(CaseError) as caught:
        read_case(tmp_path / "gone.toml", "gone.toml")
    assert str(caught.value) == "gone.toml: file: cannot read: No such file or directory"


def test_a_file_over_one_mib_is_refused_unread(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "huge.toml"
    with open(path, "wb") as handle:
        handle.truncate((1 << 20) + 1)  # sparse: a mebibyte and one byte of zeros
    opened: list[object] = []
    monkeypatch.setattr("casetui.loader.open", lambda *a, **k: opened.append(a), raising=False)
    with pytest.raises(CaseError) as caught:
        read_case(path, "huge.toml")
    assert str(caught.value) == "huge.toml: file: larger than 1 MiB (1,048,577 bytes); not read"
    assert opened == []


def test_a_file_of_exactly_one_mib_is_read(tmp_path: Path) -> None:
    path = tmp_path / "big-case.toml"
    padding = (1 << 20) - len(MINIMAL.encode()) - len("# \n")
    path.write_bytes(MINIMAL.encode() + b"# " + b"x" * padding + b"\n")
    assert path.stat().st_size == 1 << 20
    assert read_case(path).id == "big-case"


def test_a_badly_broken_file_gets_every_problem_at_once_each_on_one_line() -> None:
    text = (
        "format = 3\nzz = 1\n[case]\nname = 1\nstatus = 'x'\nsummary = {}\nended = '2019'\nlaunched = '2020'\n"
        "[model]\ntype = []\n[[events]]\ndate = 'x'\ntitle = 1\nkind = 'y'\nends = ['nope', 2]\nid = 'a'\n"
        "[[events]]\ndate = 2020-01-01\ntitle = 't'\nid = 'a'\nsource = 'nope'\n"
        "[services]\n'a\\nb' = 1\n[[questions]]\nprompt = 'p'\nevent = 'b'\n"
    )
    text_error = "expected text (a string or a table like { en = …, zh = … }), got"
    assert lines_of(text) == [
        "t.toml:1: format: written for format 3; this casetui reads 1",
        't.toml:2: zz: unknown key "zz"',
        f"t.toml:4: case.name: {text_error} an integer",
        't.toml:5: case.status: unknown value "x"; one of: active, sunsetting, paused, shut-down, merged',
        "t.toml:6: case.summary: empty text: give a string or at least one language",
        "t.toml:7: case.ended: 2019 is before launched (2020)",
        f"t.toml:10: model.type: {text_error} an array",
        "t.toml:12: events[0].date: 'x' is not a date: write 2019, \"2019-10\" or 2019-10-03",
        f"t.toml:13: events[0].title: {text_error} an integer",
        't.toml:14: events[0].kind: unknown value "y"; one of: launch, milestone, growth, partnership, financial, '
        "regulatory, announcement, service-stop, shutdown, migration, other",
        "t.toml:15: events[0].ends[1]: expected a string, got an integer",
        't.toml:15: events[0].ends[0]: service "nope" names no [services] entry',
        't.toml:20: events[1].id: duplicate event id "a" (also events[0])',
        't.toml:21: events[1].source: source "nope" names no [sources] entry (no [sources] table)',
        f't.toml:23: services."a\\\\nb": {text_error} an integer',
        't.toml:26: questions[0].event: event "b" names no event id',
    ]


def test_a_broken_source_or_service_is_one_error_not_one_per_reference() -> None:
    assert broken('title = "Shutdown notice"', "title = 1") == [(56, "sources.notice.title", TEXT + "an integer")]
    assert broken('check_in = { en = "Daily check-in", zh = "签到" }', "check_in = { en = 1 }") == [
        (28, "services.check_in.en", "expected a string, got an integer")
    ]


def test_an_event_missing_its_date_still_has_its_references_checked() -> None:
    problems = broken("date = 2022-03-17T10:00:00+08:00", "")
    assert problems == [(48, "events[2].date", "required key is missing")]
    text = replace_line(
        replace_line(FULL, "date = 2022-03-17T10:00:00+08:00", ""), 'ends = ["withdrawal"]', 'ends = ["gone"]'
    )
    assert [(p.line, p.key) for p in problems_of(text, NAME)] == [(48, "events[2].date"), (53, "events[2].ends[0]")]
