"""Small helpers shared by the unit tests: load a case from text, collect its problems."""

from __future__ import annotations

from pathlib import Path

import pytest

from casetui.loader import parse_case
from casetui.model import Case
from casetui.problems import CaseError, Problem

TESTS = Path(__file__).resolve().parents[1]
FIXTURES = TESTS / "fixtures" / "library"
HOSTILE = TESTS / "hostile"

MINIMAL = """\
format = 1

[case]
name = "Minimal"
status = "active"
summary = "Only what is required."

[model]
type = "Marketplace"
"""
"""The smallest valid case: 9 lines, `[case]` on line 3 and `[model]` on line 8."""

FULL = """\
format = 1

[case]
id = "full-case"
name = { en = "Full Case", zh = "完整案例" }
company = "Example Co"
status = "shut-down"
summary = "Uses every key."
region = "CN"
tags = ["membership", "social-commerce"]
launched = "2019"
ended = 2022-03-17T10:00:00+08:00
reason = "Low repurchase."
as_of = 2022-01-18
x_editor = "ignored"

[model]
type = "Membership social e-commerce"
summary = "Members pay once."
membership_fee = { value = 396, unit = "CNY", label = "Fee", note = "one-off", source = "notice" }
fulfilment = "Platform-run"
cities = 12
profitable = false
peak = "2020-06"
x_todo = "ignored"

[services]
check_in = { en = "Daily check-in", zh = "签到" }
withdrawal = "Balance withdrawal"
x_hidden = 3

[[events]]
date = "2019"
title = "Launch"
kind = "launch"
source = 'notice'

[[events]]
date = 2022-01-17T10:00:00+08:00
title = "Shutdown announced; check-in stops"
kind = "announcement"
detail = "Details."
id = "announce"
ends = ["check_in"]
source = ["notice", "essay"]
x_note = "ignored"

[[events]]
date = 2022-03-17T10:00:00+08:00
title = "Withdrawals close"
kind = "shutdown"
id = "final"
ends = ["withdrawal"]

[sources.notice]
title = "Shutdown notice"
publisher = "Example Daily"
author = "A. Writer"
date = 2022-01-18
url = "https://example.com/notice"
note = "Official."

[sources.essay]
title = "An essay"

[[phases]]
title = "Growth"
start = "2019"
end = "2020-06"

[[quotes]]
text = "We were not ready."
by = "A spokesperson"
source = "notice"

[[lessons]]
text = "Fees do not buy loyalty."
source = "essay"

[[questions]]
prompt = "Was one month of notice enough?"
notes = "Compare with the total."
event = "announce"

[x_meta]
anything = [1, "two"]
"""
"""A valid case using every key of the format; tests break one line of it at a time.

Line numbers used by the tests: format 1, [case] 3, case.name 5, status 7, summary 8, tags 10,
launched 11, ended 12, [model] 17, model.type 18, membership_fee 20, [services] 27,
events[0] 32-36, events[1] 38-46 (ends 44, source 45), events[2] 48-53 (id 52, ends 53),
sources.notice 55-61, sources.essay 63-64, phases[0] 66-69, quotes[0] 71-74, lessons[0] 76-78,
questions[0] 80-83 (event 83).
"""


def replace_line(text: str, old: str, new: str) -> str:
    """`text` with the one line `old` replaced by `new` (which may be empty or several lines)."""
    lines = text.split("\n")
    assert lines.count(old) == 1, f"{old!r} is not exactly one line of the document"
    lines[lines.index(old)] = new
    return "\n".join(lines)


def load(text: str, name: str = "t.toml") -> Case:
    """Parse `text` as the file `name`; the test fails with the problems if it does not load."""
    try:
        return parse_case(text.encode("utf-8"), Path(name))
    except CaseError as err:
        pytest.fail(f"expected {name} to load, got:\n{err}")


def problems_of(text: str | bytes, name: str = "t.toml") -> list[Problem]:
    """The problems of a file that must not load."""
    data = text.encode("utf-8") if isinstance(text, str) else text
    with pytest.raises(CaseError) as caught:
        parse_case(data, Path(name))
    return caught.value.problems


def lines_of(text: str | bytes, name: str = "t.toml") -> list[str]:
    """The one-line messages of a file that must not load."""
    return [str(p) for p in problems_of(text, name)]


def where(text: str | bytes, name: str = "t.toml") -> list[tuple[int | None, str]]:
    """(line, key path) of each problem, in the order reported."""
    return [(p.line, p.key) for p in problems_of(text, name)]
