"""`--lang zh` text outputs carry no English word of casetui's own: labels, kinds, units."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from casetui.linebreak import NO_LINE_START
from chinese_words import case_words, english_left

BUNDLED = Path(__file__).resolve().parents[2] / "cases"
FILES = sorted(BUNDLED.glob("*.toml"))
IDS = [path.stem for path in FILES]


@pytest.fixture(scope="module")
def allowed() -> set[str]:
    return case_words(FILES)


@pytest.mark.parametrize("command", ["show", "timeline"])
@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_every_bundled_case_in_chinese_has_no_english_label(cli, allowed, command: str, fmt: str) -> None:
    for case_id in IDS:
        args = ["--lang", "zh", command, case_id] + ([] if fmt == "text" else ["--format", fmt])
        result = cli(*args, cases=BUNDLED, env={"COLUMNS": "120"})
        assert result.exit_code == 0, result.stderr
        assert not english_left(result.stdout, allowed), (case_id, english_left(result.stdout, allowed))


def test_the_chinese_list_and_comparison_have_no_english_label(cli, allowed) -> None:
    for args in (["list"], ["compare", *IDS[:4]], ["stats"]):
        result = cli("--lang", "zh", *args, cases=BUNDLED, env={"COLUMNS": "120"})
        assert result.exit_code == 0, result.stderr
        assert not english_left(result.stdout, allowed), (args, english_left(result.stdout, allowed))


def test_a_chinese_timeline_names_the_kinds_in_chinese(cli) -> None:
    result = cli("--lang", "zh", "timeline", "taoxiaopu", cases=BUNDLED, env={"COLUMNS": "120"})
    assert "公告" in result.stdout and "关停" in result.stdout
    assert "announcement" not in result.stdout


def _cells(line: str) -> list[str]:
    """The cells of a text-table line: the runs between gaps of two or more spaces."""
    return [cell for cell in re.split(r" {2,}", line.strip()) if cell]


@pytest.mark.parametrize("width", ["80", "100", "120"])
def test_chinese_text_tables_break_lines_by_chinese_custom(cli, width: str) -> None:
    """No line of a cell begins with closing punctuation (`（AAC）` does not leave its `）` alone)."""
    for args in (["compare", "xiaomi-youpin-youyu", "taote"], ["show", "taoxiaopu"], ["timeline", "xiaohongka"]):
        result = cli("--lang", "zh", *args, cases=BUNDLED, env={"COLUMNS": width})
        assert result.exit_code == 0, result.stderr
        starts = [cell[0] for line in result.stdout.splitlines() for cell in _cells(line)]
        assert not [c for c in starts if c in NO_LINE_START and c not in ",.;:?!)]}%"], (args, result.stdout)


def test_chinese_t_offsets_use_chinese_units_and_json_keeps_the_notation(cli, cli_json) -> None:
    """Youyu: T-3y / T+59d are `T-3年` / `T+59天` in Chinese text and Markdown; JSON's display stays as is."""
    for fmt in ([], ["--format", "markdown"]):
        result = cli("--lang", "zh", "timeline", "xiaomi-youpin-youyu", *fmt, cases=BUNDLED)
        assert result.exit_code == 0, result.output
        out = result.stdout
        assert "T-3年" in out and "T-3个月" in out and "T+59天" in out, out
        assert not re.search(r"T[+-]\d+(y|mo|d)\b", out), out
    doc = cli_json("--lang", "zh", "timeline", "xiaomi-youpin-youyu", "--format", "json", cases=BUNDLED)
    assert [e["offset"]["display"] for e in doc["events"]][-1] == "T+59d"
