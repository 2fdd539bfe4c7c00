"""Errors name the line of the key that is wrong, however the TOML was written."""

from __future__ import annotations

from casetui import locate

from .helpers import where

HEAD = """\
format = 1
[case]
name = "x"
status = "active"
summary = "s"
[model]
type = "t"
"""
"""Seven lines; everything a test appends starts on line 8."""


def test_a_wrong_type_in_an_array_of_tables_names_the_key_line() -> None:
    text = HEAD + (
        "[[events]]\n"  # 8
        "date = 2020-01-01\n"
        'title = "a"\n'
        "\n"
        "[[events]]\n"  # 12
        "date = 2020-01-02\n"
        'title = "b"\n'
        "\n"
        "[[events]]\n"  # 16
        'title = "c"\n'
        "# a comment with date = 1\n"
        "date = true\n"  # 19
    )
    assert where(text) == [(19, "events[2].date")]


def test_keys_inside_inline_tables_and_multi_line_arrays() -> None:
    text = (
        "format = 1\n"
        "events = [\n"
        '  { date = 2020-01-01, title = "a" },\n'  # 3
        "  { date = 2020-01-01,\n"  # 4
        '    title = "b", kind = "nope" },\n'  # 5
        "  {\n"
        "    date = 2020-01-01,\n"
        '    title = "c",\n'
        "    ends = [\n"  # 9
        '      "x",\n'
        "      3,\n"  # 11
        "    ],\n"
        "  },\n"
        "]\n"
        "[case]\n"
        'name = "x"\n'
        'status = "active"\n'
        'summary = "s"\n'
        "[model]\n"
        'type = "t"\n'
        "[services]\n"
        'x = "X"\n'
    )
    assert where(text) == [(5, "events[1].kind"), (11, "events[2].ends[1]")]


def test_dotted_keys_and_spaces_around_dots() -> None:
    text = (
        "format = 1\n"
        'case.name = "x"\n'
        'case.status = "activ"\n'  # 3
        "case . summary = 3\n"  # 4
        "model = { type = 1 }\n"  # 5
    )
    assert where(text) == [(3, "case.status"), (4, "case.summary"), (5, "model.type")]


def test_quoted_keys_in_headers_and_key_value_pairs() -> None:
    text = HEAD + (
        '"quoted key" = { value = 1, unit = 3 }\n'  # 8
        "'lit # not a comment' = [1]\n"  # 9
        '"\\U0001F600" = [2]\n'  # 10
        '[sources."a.b"]\n'  # 11
        "title = 3\n"  # 12
        "[sources.'c d']\n"  # 13
        'titel = "x"\n'  # 14
        '[ "sources" . "e" ]\n'  # 15
        '"title" = false\n'  # 16
    )
    assert where(text) == [
        (8, 'model."quoted key".unit'),
        (9, 'model."lit # not a comment"'),
        (10, 'model."😀"'),
        (12, 'sources."a.b".title'),
        (13, 'sources."c d".title'),
        (14, 'sources."c d".titel'),
        (16, "sources.e.title"),
    ]


def test_strings_that_look_like_toml_do_not_move_the_lines() -> None:
    text = HEAD + (
        'summary = """\n'  # 8
        "[fake]\n"
        'type = 1 # "\n'
        '"""\n'
        "first = 'a \" b'\n"  # 12
        'second = """a\\"""\nb"""\n'  # 13-14: an escaped quote inside a multi-line string
        "third = '''x'y''z'''\n"  # 15
        "fourth = [true]\n"  # 16
    )
    assert where(text) == [(16, "model.fourth")]


def test_crlf_lines_count_like_lf_lines() -> None:
    text = HEAD.replace("\n", "\r\n") + "[[events]]\r\ndate = 3\r\ntitle = 'x'\r\n"
    assert where(text) == [(9, "events[0].date")]


def test_a_missing_key_names_the_line_of_its_table() -> None:
    text = HEAD + "\n[[events]]\ndate = 2020-01-01\n\n[[quotes]]\nby = 'me'\n"
    assert where(text) == [(9, "events[0].title"), (12, "quotes[0].text")]


def test_sub_tables_of_an_array_of_tables_belong_to_its_last_element() -> None:
    lines = locate.key_lines("[[a.b]]\nc = 1\n[[a.b]]\nc = 2\n[a.b.d]\ne = 1\n")
    assert lines[("a", "b", 0, "c")] == 2
    assert lines[("a", "b", 1, "c")] == 4
    assert lines[("a", "b", 1, "d", "e")] == 6


def test_line_of_falls_back_to_the_nearest_known_ancestor() -> None:
    lines = {("sources", "a"): 4, ("sources", "a", "title"): 5}
    assert locate.line_of(lines, ("sources", "a", "title")) == 5
    assert locate.line_of(lines, ("sources", "a", "date")) == 4
    assert locate.line_of(lines, ("case",)) is None
    assert locate.line_of(lines, ()) is None


def test_key_paths_are_written_like_toml() -> None:
    assert locate.format_path(("events", 2, "date")) == "events[2].date"
    assert locate.format_path(("sources", "a.b", "title")) == 'sources."a.b".title'
    assert locate.format_path(("model", "费用")) == 'model."费用"'
    assert locate.format_path(("model", "a\nb")) == 'model."a\\nb"'
    assert locate.format_path(()) == ""


def test_a_document_the_scanner_cannot_follow_still_gives_what_it_found() -> None:
    lines = locate.key_lines('a = 1\nb = "unterminated\n')
    assert lines[("a",)] == 1
