"""Every command marks what is only scheduled (dated after `as_of`), and `validate` warns about it.

Over tests/fixtures/scheduled: delta-shop (sunsetting, as the rule asks), epsilon-pause (paused and
`ended` after `as_of`), zeta-merge (merged by a migration after `as_of`), eta-plain (no `as_of`).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

SCHEDULED = Path(__file__).resolve().parents[1] / "fixtures" / "scheduled"
SPAN_KEYS = {"amount", "unit", "display", "scheduled"}


@pytest.fixture
def sched(cli):
    def invoke(*args: str, cases: Path = SCHEDULED, **kwargs):
        return cli(*args, cases=cases, **kwargs)

    return invoke


def where(line: str) -> tuple[str, str]:
    """`name.toml:line` and the key path of a `path:line: key: message` line."""
    location, key, _ = line.split(": ", 2)
    return Path(location).name, key


def parsed(result) -> dict:
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_timeline_json_flags_each_event_and_the_spans_resting_on_one(sched) -> None:
    doc = parsed(sched("timeline", "delta-shop", "--format", "json"))
    events = doc["events"]
    assert [(e["date"], e["scheduled"]) for e in events] == [
        ("2019", False),
        ("2022-01-17", False),
        ("2022-01-18T09:00:00+08:00", False),  # the as_of day: not after it
        ("2022-02-14T10:00:00+08:00", True),
        ("2022-03-17T10:00:00+08:00", True),
    ]
    assert (doc["as_of"], doc["announced_scheduled"], doc["shutdown_scheduled"]) == ("2022-01-18", False, True)
    assert doc["notice_period"] == {"amount": 59, "unit": "day", "display": "59 days", "scheduled": True}
    announce = events[1]
    assert announce["offset"]["scheduled"] is False  # T-0 itself is confirmed
    assert announce["to_shutdown"]["scheduled"] is True  # it runs to a scheduled shutdown
    for event in events:
        assert set(event["offset"]) == SPAN_KEYS and set(event["to_shutdown"]) == SPAN_KEYS


def test_show_json_gives_the_end_and_flags_lifespan_and_notice(sched) -> None:
    delta = parsed(sched("show", "delta-shop", "--format", "json"))
    assert delta["ended"] is None  # as written
    assert delta["end"] == {"date": "2022-03-17T10:00:00+08:00", "derived": True, "scheduled": True}
    assert delta["lifespan"] == {"amount": 3, "unit": "year", "display": "3 years", "scheduled": True}
    assert delta["notice_period"]["scheduled"] is True
    assert [e["scheduled"] for e in delta["events"]] == [False, False, False, True, True]

    epsilon = parsed(sched("show", "epsilon-pause", "--format", "json"))
    assert epsilon["end"] == {"date": "2021-10-11", "derived": False, "scheduled": True}  # ended wins
    assert epsilon["lifespan"]["amount"] == 28
    # as_of "2021-09": the announcement on 2021-09-12 may have been checked; the shutdown is after.
    assert [e["scheduled"] for e in epsilon["events"]] == [False, True]


def test_without_as_of_nothing_is_scheduled_but_every_flag_is_there(sched) -> None:
    doc = parsed(sched("show", "eta-plain", "--format", "json"))
    assert [e["scheduled"] for e in doc["events"]] == [False, False]
    assert doc["end"] == {"date": "2030-03-01", "derived": True, "scheduled": False}
    assert doc["lifespan"]["scheduled"] is False and doc["notice_period"]["scheduled"] is False


def test_compare_json_flags_cells_and_every_cell_has_the_key(sched) -> None:
    doc = parsed(sched("compare", "delta-shop", "epsilon-pause", "eta-plain", "--format", "json"))
    rows = {row["key"]: row["values"] for row in doc["rows"]}
    flags = {key: {i: (v or {}).get("scheduled") for i, v in values.items()} for key, values in rows.items()}
    assert flags["derived.lifespan"] == {"delta-shop": True, "epsilon-pause": True, "eta-plain": False}
    assert flags["derived.notice_period"] == {"delta-shop": True, "epsilon-pause": True, "eta-plain": False}
    assert flags["derived.shutdown"] == {"delta-shop": True, "epsilon-pause": True, "eta-plain": False}
    assert flags["derived.announced"] == {"delta-shop": False, "epsilon-pause": False, "eta-plain": False}
    assert flags["case.ended"] == {"delta-shop": None, "epsilon-pause": True, "eta-plain": None}  # None: no cell
    for values in rows.values():
        for value in values.values():
            assert value is None or isinstance(value["scheduled"], bool)
    assert rows["derived.lifespan"]["delta-shop"]["display"] == "3 years"  # the mark is not in display


def test_list_json_gives_the_end_and_the_span_flags(sched) -> None:
    cases = {c["id"]: c for c in parsed(sched("list", "--json"))["cases"]}
    assert cases["delta-shop"]["end"] == {"date": "2022-03-17T10:00:00+08:00", "derived": True, "scheduled": True}
    assert cases["delta-shop"]["lifespan"]["scheduled"] is True
    assert cases["epsilon-pause"]["end"] == {"date": "2021-10-11", "derived": False, "scheduled": True}
    assert cases["eta-plain"]["notice_period"]["scheduled"] is False
    assert cases["zeta-merge"]["end"] is None


@pytest.mark.parametrize(("lang", "mark"), [("en", " (scheduled)"), ("zh", "（计划）")])
def test_text_and_markdown_mark_scheduled_dates_in_both_languages(sched, lang: str, mark: str) -> None:
    table = sched("--lang", lang, "timeline", "delta-shop", env={"COLUMNS": "160"})  # wide enough for a table
    assert table.exit_code == 0, table.output
    lines = {line.split()[1]: line for line in table.stdout.splitlines() if line.startswith((" T+", " T-"))}
    assert mark.strip() in lines["2022-03-17"] and mark.strip() in lines["2022-02-14"]
    assert mark.strip() not in lines["2022-01-18"] and mark.strip() not in lines["2022-01-17"]

    markdown = sched("--lang", lang, "timeline", "delta-shop", "--format", "markdown").stdout
    assert f"| 2022-03-17 10:00 +08:00{mark} |" in markdown
    assert "| 2022-01-18 09:00 +08:00 |" in markdown

    shown = sched("--lang", lang, "show", "delta-shop", "--format", "markdown").stdout
    assert f"3 years{mark}" in shown or f"3年{mark}" in shown


def test_csv_and_the_compare_table_mark_scheduled_cells(sched) -> None:
    csv = sched("compare", "delta-shop", "eta-plain", "--format", "csv").stdout
    rows = {line.split(",")[0]: line for line in csv.splitlines()}
    assert rows["derived.lifespan"].endswith(",3 years (scheduled),2 years")
    assert rows["derived.shutdown"].endswith(",2022-03-17 10:00 +08:00 (scheduled),2030-03-01")
    table = sched("--lang", "zh", "compare", "delta-shop", "eta-plain").stdout
    assert "59天（计划）" in table and "58天（计划）" not in table


def test_list_and_show_tables_mark_the_spans(sched) -> None:
    listing = sched("list").stdout
    delta = next(line for line in listing.splitlines() if line.startswith(" delta-shop"))
    assert "3 years (scheduled)" in delta and "59 days (scheduled)" in delta
    eta = next(line for line in listing.splitlines() if line.startswith(" eta-plain"))
    assert "scheduled" not in eta
    shown = sched("show", "epsilon-pause").stdout
    assert "2021-10-11 (scheduled)" in shown


@pytest.mark.parametrize(("lang", "mark"), [("en", " (scheduled)"), ("zh", "（计划）")])
def test_the_list_table_ends_a_sunsetting_case_at_its_scheduled_stop(sched, lang: str, mark: str) -> None:
    """Without `ended`, the Ended column shows the final shutdown (as `list --json`'s "end"), marked when scheduled."""
    listing = sched("--lang", lang, "list", env={"COLUMNS": "200"}).stdout
    rows = {line.split()[0]: line for line in listing.splitlines()[2:] if line.strip()}
    # To the day, as in the app's table (`show` and `list --json` keep the time of day).
    assert f"2022-03-17{mark}" in rows["delta-shop"] and "10:00" not in rows["delta-shop"]
    assert "2030-03-01" in rows["eta-plain"] and mark.strip() not in rows["eta-plain"]  # derived, not scheduled
    assert f"2021-10-11{mark}" in rows["epsilon-pause"]  # `ended` as written, after as_of


def test_sorting_by_ended_uses_the_end_the_column_shows(sched) -> None:
    """delta-shop has no `ended`: it sorts by its final shutdown, between epsilon's 2021 and eta's 2030."""
    listing = sched("list", "--sort", "ended", env={"COLUMNS": "200"}).stdout
    ids = [line.split()[0] for line in listing.splitlines()[2:] if line.strip()]
    assert ids == ["epsilon-pause", "delta-shop", "eta-plain", "zeta-merge"]
    ordered = parsed(sched("list", "--json", "--sort", "ended", "--reverse"))["cases"]
    assert [c["id"] for c in ordered] == ["eta-plain", "delta-shop", "epsilon-pause", "zeta-merge"]


def test_show_names_the_derived_end(sched) -> None:
    shown = sched("show", "delta-shop").stdout
    ended = next(line for line in shown.splitlines() if line.startswith("Ended"))
    assert ended.split(None, 1)[1].strip() == "2022-03-17 10:00 +08:00 (scheduled)"
    markdown = sched("--lang", "zh", "show", "delta-shop", "--format", "markdown").stdout
    assert "- **结束:** 2022-03-17 10:00 +08:00（计划）" in markdown


def test_validate_warns_at_the_line_of_status_and_ended_and_exits_0(sched) -> None:
    result = sched("validate", str(SCHEDULED))
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert len(lines) == 3, lines
    epsilon_status, epsilon_ended, zeta_status = lines
    assert where(epsilon_status) == ("epsilon-pause.toml:6", "case.status")
    assert "2021-11-01" in epsilon_status and 'write status = "sunsetting"' in epsilon_status
    assert where(epsilon_ended) == ("epsilon-pause.toml:9", "case.ended")
    assert "2021-10-11 lies after as_of (2021-09)" in epsilon_ended
    assert where(zeta_status) == ("zeta-merge.toml:6", "case.status")
    assert "migration" in zeta_status
    assert all(line.endswith("(warning)") for line in lines)
    assert "0 errors, 3 warnings" in result.stderr


def test_validate_json_lists_the_warnings_as_warnings(sched) -> None:
    result = sched("validate", "--json", str(SCHEDULED / "epsilon-pause.toml"))
    doc = json.loads(result.stdout)
    assert result.exit_code == 0 and (doc["ok"], doc["errors"], doc["warnings"]) == (True, 0, 2)
    assert [(p["line"], p["key"], p["severity"]) for p in doc["problems"]] == [
        (6, "case.status", "warning"),
        (9, "case.ended", "warning"),
    ]


def test_validate_of_the_library_warns_from_the_index_too(sched, tmp_path: Path) -> None:
    folder = tmp_path / "lib"
    shutil.copytree(SCHEDULED, folder)
    first = sched("validate", cases=folder)  # builds the index
    second = sched("validate", cases=folder)  # reads summaries from it
    for result in (first, second):
        assert result.exit_code == 0, result.output
        assert "0 errors, 3 warnings" in result.stderr
        assert [where(line) for line in result.stdout.splitlines()] == [
            ("epsilon-pause.toml:6", "case.status"),
            ("epsilon-pause.toml:9", "case.ended"),
            ("zeta-merge.toml:6", "case.status"),
        ]


def test_a_sunsetting_case_with_its_stop_scheduled_is_clean(sched) -> None:
    result = sched("validate", str(SCHEDULED / "delta-shop.toml"), str(SCHEDULED / "eta-plain.toml"))
    assert result.exit_code == 0 and result.stdout == ""
    assert "0 errors, 0 warnings" in result.stderr
