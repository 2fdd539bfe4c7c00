"""`--lang zh` text outputs carry no English word of casetui's own: labels, kinds, units."""

from __future__ import annotations

from pathlib import Path

import pytest

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
