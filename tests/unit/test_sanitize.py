"""Control characters in case text become visible escapes; everything else survives unchanged."""

from __future__ import annotations

import pytest

from casetui.problems import Problem
from casetui.sanitize import clean, is_clean

from .helpers import MINIMAL, load


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("\x1b[31mred", "\\x1b[31mred"),
        ("\x1b]52;c;aGVsbG8=\x07", "\\x1b]52;c;aGVsbG8=\\x07"),
        (
            "\x1b]8;;https://evil.example\x1b\\link\x1b]8;;\x1b\\",
            "\\x1b]8;;https://evil.example\\x1b\\link\\x1b]8;;\\x1b\\",
        ),
        ("bell\x07", "bell\\x07"),
        ("nul\x00", "nul\\x00"),
        ("del\x7f", "del\\x7f"),
        ("c1 csi \x9b31m", "c1 csi \\x9b31m"),
        ("next line \x85", "next line \\x85"),
        ("cr\ronly", "cr\\x0donly"),
        ("abc\u202edef", "abc\\u202edef"),
        ("\u202a\u202b\u202c\u202d", "\\u202a\\u202b\\u202c\\u202d"),
        ("\u2066isolate\u2069", "\\u2066isolate\\u2069"),
    ],
)
def test_terminal_controls_become_visible_escapes(raw: str, shown: str) -> None:
    assert clean(raw) == shown
    assert is_clean(shown)
    assert not is_clean(raw)


@pytest.mark.parametrize(
    "text",
    [
        "tab\tand\nnewline",
        "有鱼 小米有品",
        "family 👨\u200d👩\u200d👧 and zero\u200bwidth \u200c\u200d",
        "combining e\u0301 and a\u0308",
        "marks \u200e\u200f stay",
        "[bold]markup[/bold] [@click=app.quit]quit[/] [/]",
        "🇨🇳 flags and 🏳️\u200d🌈",
    ],
)
def test_ordinary_text_survives_unchanged(text: str) -> None:
    assert clean(text) == text
    assert is_clean(text)


def test_crlf_folds_to_lf() -> None:
    assert clean("a\r\nb") == "a\nb"
    assert not is_clean("a\r\nb")


def test_a_problem_is_always_one_clean_line() -> None:
    problem = Problem("c.toml", 3, "case.name", "bad \x1b[2J value\nsecond line\u202e")
    shown = str(problem)
    assert shown == "c.toml:3: case.name: bad \\x1b[2J value second line\\u202e"
    assert str(Problem("c.toml", None, "file", "x")) == "c.toml: file: x"


def test_loaded_text_is_escaped_in_every_kind_of_field() -> None:
    nasty = "\\u001b]52;c;ZXZpbA==\\u0007 \\u202E [@click=app.quit]x[/]"
    case = load(
        MINIMAL.replace(
            'name = "Minimal"',
            f'name = {{ en = "{nasty}" }}\ncompany = "{nasty}"\ntags = ["{nasty}"]\nregion = "{nasty}"',
        )
        + f'"{nasty}" = "{nasty}"\n'
        + f'\n[services]\n"{nasty}" = "{nasty}"\n'
        + f'[[events]]\ndate = 2020-01-01\ntitle = "{nasty}"\nends = ["{nasty}"]\nid = "{nasty}"\n'
    )
    expected = "\\x1b]52;c;ZXZpbA==\\x07 \\u202e [@click=app.quit]x[/]"
    assert case.name.get() == expected
    assert case.company is not None and case.company.get() == expected
    assert case.tags == (expected,)
    assert case.region == expected
    assert case.dimensions == ((expected, case.dimensions[0][1]),)
    assert str(case.dimensions[0][1]) == expected
    assert case.services[0].id == expected and case.services[0].name.get() == expected
    assert case.events[0].title.get() == expected
    assert case.events[0].ends == (expected,)
    assert case.events[0].id == expected


UNSAFE = [
    chr(code)
    for span in ((0x00, 0x08), (0x0B, 0x1F), (0x7F, 0x9F), (0x202A, 0x202E), (0x2066, 0x2069))
    for code in range(span[0], span[1] + 1)
]


@pytest.mark.parametrize("around", ["{}", "text {} text", "有鱼\n{}\t小米"])
def test_every_control_and_bidi_character_is_escaped_wherever_it_stands(around: str) -> None:
    """`clean` skips text it can tell in C is safe; none of these may pass for safe, in ASCII text or not."""
    for char in UNSAFE:
        assert char not in clean(around.format(char)), hex(ord(char))
