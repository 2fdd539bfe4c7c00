"""`casetui stats`: bar charts in text, the documented JSON, filters as in `list`, and the summary index only."""

from __future__ import annotations

import json
import shutil
from collections import Counter
from pathlib import Path

import pytest

from .conftest import FIXTURES


def test_text_output_in_a_pipe_is_plain_bars_with_counts_and_shares(cli) -> None:
    result = cli("stats")
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert "\x1b" not in text
    assert text.startswith("3 cases")
    for title in (
        "Launches per year",
        "Shutdowns per year",
        "Lifespan",
        "Notice period",
        "Status",
        "Companies",
        "Tags",
    ):
        assert f"\n{title}\n" in text
    lines = text.splitlines()
    shut_down = next(line for line in lines if line.strip().startswith("shut down"))
    assert "█" in shut_down and shut_down.split()[-2:] == ["2", "67%"]
    no_date = next(line for line in lines if line.strip().startswith("no date"))
    assert no_date.split()[-2:] == ["1", "33%"]  # Gamma, still paused, has no end date: counted, not dropped.
    assert "Gamma [@click=app.quit]quit" in text  # Case text printed literally.


def test_text_output_in_chinese(cli) -> None:
    result = cli("--lang", "zh", "stats")
    assert result.exit_code == 0, result.output
    for word in ("3 个案例", "每年上线", "每年关停", "存续时间", "已关停", "阿尔法集团", "无日期"):
        assert word in result.stdout


def test_json_shape(stats_json) -> None:
    document = stats_json()
    assert document["format"] == 1 and document["lang"] == "en" and document["cases"] == 3
    assert document["filters"] == {"status": [], "tag": []}
    assert document["problems"] == []
    charts = document["charts"]
    assert list(charts) == ["launched", "ended", "lifespan", "notice", "status", "company", "tag"]
    assert charts["ended"] == {
        "title": "Shutdowns per year",
        "bars": [{"key": "2021", "label": "2021", "count": 1}, {"key": "2022", "label": "2022", "count": 1}],
        "unknown": 1,
    }
    assert [b["count"] for b in charts["launched"]["bars"]] == [1, 1, 0, 0, 0, 0, 0, 1]
    assert {b["key"]: b["count"] for b in charts["lifespan"]["bars"]}["2-5y"] == 2
    assert charts["notice"]["unknown"] == 1
    assert charts["company"]["top"] == 10 and charts["company"]["other"] == 0
    assert {b["label"] for b in charts["company"]["bars"]} == {
        "Alpha Group",
        "Beta Corp",
        "Gamma [@click=app.quit]quit[/]",
    }


def test_json_top_gathers_the_rest(stats_json) -> None:
    tags = stats_json("--top", "1")["charts"]["tag"]
    assert [b["key"] for b in tags["bars"]] == ["local-life"]
    assert (tags["other"], tags["other_values"], tags["top"]) == (2, 3, 1)


def test_filters_work_as_in_list(stats_json) -> None:
    paused = stats_json("--status", "paused")
    assert paused["cases"] == 1 and paused["filters"]["status"] == ["paused"]
    assert {b["key"]: b["count"] for b in paused["charts"]["status"]["bars"]}["paused"] == 1
    tagged = stats_json("--tag", "s2b2c", "--tag", "membership")
    assert tagged["cases"] == 2
    assert [b["key"] for b in tagged["charts"]["ended"]["bars"]] == ["2021", "2022"]


def test_no_match_says_so_on_stderr(cli) -> None:
    result = cli("stats", "--tag", "nothing-has-this")
    assert result.exit_code == 0
    assert result.stdout == ""
    assert "no cases to count with these filters" in result.stderr


def test_bad_status_is_a_usage_error(cli) -> None:
    result = cli("stats", "--status", "dead")
    assert result.exit_code == 2
    assert "'dead' is not one of" in result.output


def test_broken_files_are_reported_and_not_counted(cli, stats_json, tmp_path: Path) -> None:
    library = tmp_path / "library"
    shutil.copytree(FIXTURES, library)
    (library / "broken.toml").write_text("format = 1\n[case\n", encoding="utf-8")
    document = stats_json(cases=library)
    assert document["cases"] == 3
    assert [p["path"].endswith("broken.toml") for p in document["problems"]] == [True]
    result = cli("stats", cases=library)
    assert "broken.toml" in result.stderr


def test_counts_from_the_summary_index_without_parsing_a_case(cli, monkeypatch: pytest.MonkeyPatch) -> None:
    parsed = cli("stats", "--json")  # Builds the index.
    assert parsed.exit_code == 0, parsed.output

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a case file was parsed")

    monkeypatch.setattr("casetui.library.read_case", refuse)
    result = cli("stats", "--json")
    assert result.exit_code == 0, result.output
    assert result.stderr == ""  # no case reported as broken for want of parsing
    document = json.loads(result.stdout)
    assert document == json.loads(parsed.stdout)  # the same counts as from the parsed files
    assert document["cases"] == 3
    launched = {bar["key"]: bar["count"] for bar in document["charts"]["launched"]["bars"]}
    assert (launched["2018"], launched["2019"], launched["2025"]) == (1, 1, 1)


def test_help_has_an_example(cli) -> None:
    result = cli("stats", "--help")
    assert result.exit_code == 0
    assert "casetui stats --status shut-down" in result.stdout


def test_killed_by_google_shutdowns_per_year_match_the_dataset(stats_json, graveyard, google_cases: Path) -> None:
    document = stats_json(cases=google_cases)
    assert document["cases"] == len(graveyard) == 307
    charts = document["charts"]
    for chart, field in (("ended", "dateClose"), ("launched", "dateOpen")):
        expected = Counter(entry[field][:4] for entry in graveyard)
        counted = {b["key"]: b["count"] for b in charts[chart]["bars"] if b["count"]}
        assert counted == expected, chart
        assert charts[chart]["unknown"] == 0
    types = Counter(entry["type"] for entry in graveyard)
    tags = {b["key"]: b["count"] for b in charts["tag"]["bars"]}
    assert tags["killed-by-google"] == 307
    assert all(tags[kind] == n for kind, n in types.items())
