"""`nested too deeply to read` names the line where the nesting runs away, brackets in strings and comments aside."""

from __future__ import annotations

from pathlib import Path

import pytest

from casetui.loader import parse_case
from casetui.problems import CaseError

from .helpers import MINIMAL


def _line_of(text: str) -> int | None:
    with pytest.raises(CaseError) as caught:
        parse_case(text.encode(), Path("deep.toml"))
    (problem,) = caught.value.problems
    assert problem.message == "nested too deeply to read"
    return problem.line


def test_the_line_is_the_one_that_nests() -> None:
    many = "[" * 150  # deeper than any real file, but text: not nesting
    decoys = f'x_a = "{many} \\" {many}"\nx_b = \'{many}\'\nx_c = """\n{many}\n"""\n# {many}\n'
    decoys += (
        f'x_d = "{many}\\\\"\nx_e = "\\\\\\" {many}"\n'  # a string ending in an escaped backslash; one that does not
    )
    text = MINIMAL + decoys + "x_deep = " + "[" * 5000 + "]" * 5000 + "\n"
    assert _line_of(text) == MINIMAL.count("\n") + decoys.count("\n") + 1


def test_deep_inline_tables_name_their_line_too() -> None:
    text = MINIMAL + "\n\nx_deep = " + "{ a = " * 5000 + "1" + " }" * 5000 + "\n"
    assert _line_of(text) == MINIMAL.count("\n") + 3


def test_the_line_is_where_the_nesting_first_goes_past_100_deep() -> None:
    """One bracket a line: the 101st is the one to point at."""
    text = MINIMAL + "x_deep = [\n" + "[\n" * 4999 + "]" * 5000 + "\n"
    assert _line_of(text) == MINIMAL.count("\n") + 101
