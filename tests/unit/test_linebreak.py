"""Line breaking: Chinese between characters by the punctuation rules, English at spaces, nothing lost."""

from __future__ import annotations

import itertools
import re

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from casetui import linebreak
from casetui.linebreak import NO_LINE_END, NO_LINE_START, break_points, min_width, wrap_offsets

ZH = (
    "2019 年上线，采用 S2B2C 模式：普通消费者购买固定金额的商品后即可“入会”，分享商品赚取佣金，"
    "发货和售后由供货商负责。据公开报道，淘宝用户产品平台事业部总监千城（花名）曾表示——淘小铺"
    "并不是想做社交电商……而是希望让更多的生态角色加入！对吗？「是的」、『好』；"
)
MIXED = (
    "Launched in 2019 with an S2B2C model. Taobao's 千城 (a pseudonym; director of the Taobao user "
    "product platform division) was reported as saying 淘小铺并不是想做社交电商 at the time."
)


def lines_of(text: str, width: int) -> list[str]:
    offsets = wrap_offsets(text, width, cell_len)
    edges = [0, *offsets, len(text)]
    return [text[a:b] for a, b in itertools.pairwise(edges)]


def test_chinese_lines_fit_and_keep_every_character() -> None:
    for width in range(6, 61):
        lines = lines_of(ZH, width)
        assert "".join(lines) == ZH
        assert all(cell_len(line.rstrip()) <= width for line in lines), width
        assert len(lines) > 1 or cell_len(ZH) <= width


def test_no_chinese_line_begins_with_closing_or_ends_with_opening_punctuation() -> None:
    for width in range(10, 61):  # Narrower, "『好』；" (8 cells, unbreakable) is folded.
        lines = lines_of(ZH, width)
        for line in lines[1:]:
            assert line[0] not in NO_LINE_START, (width, line)
        for line in lines[:-1]:
            assert line.rstrip()[-1] not in NO_LINE_END, (width, line)


def test_opening_punctuation_before_a_space_never_ends_a_line() -> None:
    """`（ ` at a line's end is still `（` ending it: the space after it is no place to break either."""
    text = "千城说（ 淘小铺并不是想做社交电商 ）对吗"
    for width in range(6, 30):
        lines = lines_of(text, width)
        assert "".join(lines) == text
        for line in lines[:-1]:
            assert line.rstrip()[-1] not in NO_LINE_END, (width, lines)


def test_paired_dashes_and_ellipses_stay_on_one_line() -> None:
    for width in range(6, 61):
        lines = lines_of(ZH, width)
        for before, after in itertools.pairwise(lines):
            assert not (before.endswith("—") and after.startswith("—")), (width, before, after)
            assert not after.startswith("…"), (width, after)


def test_english_words_beside_chinese_are_never_cut() -> None:
    words = set(re.findall(r"[A-Za-z0-9']+", MIXED))
    for width in range(12, 80):
        found = set()
        for line in lines_of(MIXED, width):
            found |= set(re.findall(r"[A-Za-z0-9']+", line))
        assert found == words, width


def test_chinese_breaks_between_characters_so_a_narrow_column_can_hold_it() -> None:
    assert min_width("淘小铺并不是想做社交电商", cell_len) == 2
    assert min_width("开小铺，赚点钱", cell_len) == 4  # "铺，" stays together
    assert min_width("Taobao's 千城 (a pseudonym)", cell_len) == cell_len("pseudonym)")


def test_ascii_text_breaks_only_after_spaces() -> None:
    assert break_points("one two  three") == [4, 9]
    assert break_points("S2B2C") == []


def test_a_run_wider_than_the_line_is_folded_not_lost() -> None:
    url = "https://example.com/" + "a" * 50
    lines = lines_of("see " + url, 20)
    assert "".join(lines) == "see " + url
    assert all(cell_len(line.rstrip()) <= 20 for line in lines)


PIECES = st.sampled_from(
    [*"淘小铺上线社交电商，。、；：？！（）「」『』“”", "ab", "cd ", " ", "S2B", "——", "……", '"', "'"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, max_size=60).map("".join), st.integers(min_value=12, max_value=50))
def test_any_mix_wraps_within_width_by_the_rules(text: str, width: int) -> None:
    lines = lines_of(text, width)
    assert "".join(lines) == text
    for start, end in linebreak.units(text):
        if cell_len(text[start:end].rstrip()) > width:
            return  # A piece wider than a line is folded; the rules below hold for the rest.
    assert all(cell_len(line.rstrip()) <= width for line in lines)
    for line in lines[1:]:
        assert line[0] not in NO_LINE_START and not line[0].isspace(), (lines, width)
    for line in lines[:-1]:
        assert line.rstrip()[-1:] not in NO_LINE_END, (lines, width)


def test_wrapped_text_in_a_narrow_table_column_is_whole_and_keeps_its_style() -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from casetui.tui.wrapping import Wrapped

    table = Table.grid(padding=(0, 1))
    table.add_column(no_wrap=True)
    table.add_column(ratio=1)  # Rich would cut a Chinese run here with "…"
    table.add_row("1.", Wrapped(Text(ZH, style="bold")))
    console = Console(width=30, record=True, color_system="truecolor")
    console.print(table)
    shown = console.export_text(clear=False)
    assert "…" not in shown.replace("……", "")
    assert "".join(ZH.split()) in "".join(line[3:] for line in shown.splitlines()).replace(" ", "")
    assert all(cell_len(line.rstrip()) <= 30 for line in shown.splitlines())
    assert "\x1b[1m" in console.export_text(styles=True)


def test_a_line_may_break_between_chinese_and_latin_but_not_at_an_ascii_quote() -> None:
    assert break_points("用S2B2C模式") == [1, 6, 7]  # 用|S2B2C|模|式
    assert break_points('他说"好的"吧') == [1, 4]  # 他|说"好|的"吧: a quote sticks to both neighbours
    assert break_points("它'好'了") == []


def test_full_width_letters_and_digits_break_like_chinese() -> None:
    assert break_points("２０１９年") == [1, 2, 3, 4]
    assert min_width("ＡＢＣ", cell_len) == 2


def test_closing_punctuation_after_a_space_still_may_not_start_a_line() -> None:
    assert break_points("好 ，好") == [3]


def test_text_exactly_as_wide_as_the_line_stays_on_it() -> None:
    assert wrap_offsets("ab cd", 5, cell_len) == []
    assert wrap_offsets("ab cd", 4, cell_len) == [3]
    assert wrap_offsets("淘小铺", 6, cell_len) == []
    assert wrap_offsets("淘小铺", 5, cell_len) == [2]


def test_a_run_wider_than_the_line_is_folded_at_full_lines() -> None:
    assert wrap_offsets("a" * 25, 10, cell_len) == [10, 20]
    assert wrap_offsets("see " + "b" * 12, 5, cell_len) == [4, 9, 14]  # "see ", then 5, 5 and 2 cells


def test_the_narrowest_width_leaves_out_the_spaces_that_hang_at_line_ends() -> None:
    assert min_width("ab cd", cell_len) == 2
    assert min_width("淘小铺   上线", cell_len) == 2
