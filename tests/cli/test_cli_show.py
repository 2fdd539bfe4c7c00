"""`casetui show`: the whole case in text, JSON and Markdown; case text always literal."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "library"


def test_text_shows_every_part_of_the_case(cli):
    result = cli("show", "alpha-club")
    assert result.exit_code == 0, result.output
    expected = [
        "Alpha Club",
        "A membership social-commerce club that closed in stages.",  # overview
        "Membership social e-commerce",  # model type
        "396 CNY",  # fact with unit
        "one-off",  # fact note
        "Daily check-in",  # services
        "T+59d",  # timeline offsets
        "Shutdown notice",  # sources
        "Example Daily",
        "We were not ready.",  # quotes
        "Membership fees do not buy loyalty.",  # lessons
        "Was one month of notice enough?",  # questions
        "Compare with the two-month total.",  # trainer notes
        "Growth",  # phases
        "Low repurchase.",  # reason
    ]
    for text in expected:
        assert text in result.stdout, text
    assert "\x1b" not in result.stdout


def test_markup_and_control_characters_print_literally(cli):
    result = cli("show", "gamma-card")
    assert result.exit_code == 0, result.output
    for text in ("Gamma Card [/]", "Gamma [@click=app.quit]quit[/]", "[bold]markup[/bold]", "[TODO] Q3"):
        assert text in result.stdout, text
    assert "\x1b" not in result.stdout
    assert "\\x1b[31m" in result.stdout  # the ESC from the file, made visible


def test_chinese(cli):
    result = cli("--lang", "zh", "show", "alpha-club")
    for text in ("阿尔法会员店", "会员费", "签到", "一个月的通知期够吗？", "商业模式"):
        assert text in result.stdout, text


def test_json_is_the_whole_case(cli_json):
    doc = cli_json("show", "alpha-club", "--format", "json")
    assert doc["format"] == 1 and doc["id"] == "alpha-club" and doc["lang"] == "en"
    assert doc["launched"] == "2019"
    fee = doc["model"]["dimensions"][0]
    assert fee["key"] == "membership_fee"
    assert fee["raw"] == 396 and isinstance(fee["raw"], int)
    assert (fee["unit"], fee["note"], fee["sources"]) == ("CNY", "one-off", ["notice"])
    assert [s["id"] for s in doc["services"]] == ["check_in", "ordering", "withdrawal"]
    assert [e["offset"]["display"] if e["offset"] else None for e in doc["events"]] == ["T-3y", "T+0", "T+31d", "T+59d"]
    assert doc["sources"][0]["title"] == "Shutdown notice"
    assert doc["questions"][0]["notes"] == "Compare with the two-month total."
    assert doc["quotes"][0]["by"] == "A spokesperson"
    assert doc["lessons"][0]["source"] == "notice"
    assert doc["phases"][0] == {"title": "Growth", "start": "2019", "end": "2021", "fallback": []}
    assert doc["notice_period"]["display"] == "59 days"


def test_json_keeps_month_precision(cli_json):
    doc = cli_json("show", "beta-market", "-f", "json")
    assert (doc["launched"], doc["ended"], doc["as_of"]) == ("2018-06", "2021-09", "2021-09")
    assert [e["date"] for e in doc["events"]] == ["2018-06", "2021-08", "2021-09"]


def test_json_marks_fallback_text(cli_json):
    doc = cli_json("--lang", "fr", "show", "alpha-club", "-f", "json")
    assert doc["name"] == "Alpha Club"
    assert "name" in doc["fallback"] and "summary" in doc["fallback"]
    assert doc["quotes"][0]["fallback"] == ["text"]


def test_markdown(cli):
    result = cli("show", "alpha-club", "--format", "markdown")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.startswith("# Alpha Club\n")
    for heading in ("## Business model", "## Services", "## Timeline", "## Sources", "## Quotes", "## Questions"):
        assert heading in out
    assert "| Membership fee | 396 CNY | one-off | notice |" in out


def test_markdown_escapes_case_text(cli):
    out = cli("show", "gamma-card", "-f", "markdown").stdout
    assert "# Gamma Card \\[/\\]" in out
    assert "\\[TODO\\] Q3" in out
    assert "Gamma \\[@click=app.quit\\]quit\\[/\\]" in out
    assert re.search(r"(?<!\\)\[(@click|/|TODO)", out) is None


def test_markdown_marks_fallback(cli):
    assert cli("--lang", "fr", "show", "alpha-club", "-f", "markdown").stdout.startswith("# Alpha Club ⟨en⟩")


def test_unknown_id_suggests_and_prints_nothing(cli):
    result = cli("show", "alpah-club")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "did you mean alpha-club" in result.stderr


def test_word_in_an_id_is_suggested(cli):
    assert "did you mean gamma-card" in cli("show", "gamma").stderr
    # Too short to be a close spelling of either, but inside both ids.
    assert 'no case "ma"; did you mean beta-market or gamma-card?' in cli("show", "ma").stderr


def test_an_unknown_id_is_echoed_with_its_terminal_controls_escaped(cli):
    result = cli("show", "\x1b]0;owned\x07zzz")
    assert result.exit_code == 1
    assert 'no case "\\x1b]0;owned\\x07zzz"' in result.stderr
    assert "\x1b" not in result.stderr and "\x07" not in result.stderr


def test_a_case_file_can_be_shown_by_path(cli, tmp_path: Path):
    result = cli("show", str(FIXTURES / "beta-market.toml"), cases=tmp_path)
    assert result.exit_code == 0, result.output
    assert "Beta Market" in result.stdout


def test_a_file_name_in_the_working_folder_is_read_as_a_path(cli, tmp_path: Path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    shutil.copy(FIXTURES / "beta-market.toml", tmp_path / "draft.toml")
    result = cli("show", "draft.toml")
    assert result.exit_code == 0, result.output
    assert "Beta Market" in result.stdout


def test_a_broken_case_reports_every_problem(cli, library_copy: Path):
    (library_copy / "beta-market.toml").write_text('format = 1\n[case]\nname = 1\nstatus = "zombie"\n')
    result = cli("show", "beta-market", cases=library_copy)
    assert result.exit_code == 1
    keys = [line.split(": ")[1] for line in result.stderr.splitlines()]
    assert keys == ["model", "case.summary", "case.name", "case.status"], result.stderr  # in line order


def test_broken_case_exits_1_with_its_problems(cli, library_copy: Path):
    (library_copy / "beta-market.toml").write_text("format = 1\n[case\n")
    result = cli("show", "beta-market", cases=library_copy)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "beta-market.toml:2: toml:" in result.stderr


def test_unknown_format_is_a_usage_error(cli):
    assert cli("show", "alpha-club", "--format", "pdf").exit_code == 2
