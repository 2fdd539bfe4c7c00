"""The bundled cases say only what their sources support, in a form fit to hand out.

A case describes the world on its `as_of` date, so a stop dated later is a schedule, not a fact;
no text names a file on the machine the case was written on; Chinese text uses Chinese quotation marks.
The text checks read the TOML itself, `x_` keys included: `casetui new --from` copies those too.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import tomli

from casetui import derive
from casetui.library import bundled_dir, load_library
from casetui.model import Case, Event, Fact
from casetui.when import Precision, When

CASES = {case.id: case for case in load_library([bundled_dir()]).cases}
FILES = sorted(bundled_dir().glob("*.toml"))

FINAL_STATUSES = ("shut-down", "paused", "merged")
"""Statuses that say the end has come, so the event that brings it must lie on or before `as_of`."""


def is_after(moment: When, as_of: When) -> bool:
    """True when `moment` lies after `as_of`, compared at the coarser of the two precisions."""
    precision = min(moment.precision, as_of.precision, Precision.DAY)
    return moment.truncated(precision) > as_of.truncated(precision)


def final_stop(case: Case) -> Event | None:
    """The event that makes a case shut down or paused (its last shutdown), or merged (its last migration)."""
    kinds = ("shutdown", "migration") if case.status == "merged" else ("shutdown",)
    stops = [event for event in case.events if event.kind in kinds]
    return stops[-1] if stops else None


@pytest.mark.parametrize(
    ("moment", "as_of", "after"),
    [
        ("2022-03-17", "2022-01-18", True),
        ("2022-01-17", "2022-01-18", False),
        ("2021-10-11", "2021-09", True),  # a later month is after, whatever the day
        ("2021-09-12", "2021-09", False),  # within the month of `as_of`: not known to be after
        ("2022", "2021-12-31", True),
        ("2021", "2021-12-31", False),
    ],
)
def test_after_compares_at_the_coarser_precision(moment: str, as_of: str, after: bool) -> None:
    assert is_after(When.parse(moment), When.parse(as_of)) is after


@pytest.mark.parametrize("case_id", sorted(CASES))
def test_a_case_that_has_ended_ended_by_its_as_of_date(case_id: str) -> None:
    case = CASES[case_id]
    status, ended, as_of = case.status, case.ended, case.as_of
    if as_of is None:
        assert status not in FINAL_STATUSES, "a case that has ended says when it was checked (as_of)"
        return
    if ended is not None:
        assert not is_after(ended, as_of), f"ended {ended} is after as_of {as_of}: a schedule"
    if status in FINAL_STATUSES:
        stop = final_stop(case)
        assert stop is not None, f"status {status} but no event brings it about"
        stop_date = stop.date
        assert not is_after(stop_date, as_of), (
            f"status {status}, but the stop on {stop_date} lies after as_of {as_of}: on that date it was sunsetting"
        )


@pytest.mark.parametrize("case_id", ["xiaomi-youpin-youyu", "taoxiaopu", "xiaohongka"])
def test_the_three_announced_stops_are_sunsetting_with_the_stop_still_on_the_timeline(case_id: str) -> None:
    case = CASES[case_id]
    stop = derive.final_shutdown(case)
    assert case.status == "sunsetting"
    assert stop is not None and case.as_of is not None and is_after(stop.date, case.as_of)


LANGUAGE_TAG = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]+)*$")


def is_language_table(node: dict[str, object]) -> bool:
    """A text written as `{ en = "…", zh = "…" }`."""
    return bool(node) and all(LANGUAGE_TAG.match(key) and isinstance(v, str) for key, v in node.items())


def strings(node: object, path: str = "", lang: str | None = None) -> Iterator[tuple[str, str | None, str]]:
    """Every string in a parsed TOML document: its key path (`events[2].detail.zh`), its language tag
    when it is one side of a language table (else None), and the string."""
    if isinstance(node, str):
        yield path, lang, node
    elif isinstance(node, dict):
        table = is_language_table(node)
        for key, value in node.items():
            yield from strings(value, f"{path}.{key}" if path else key, key if table else None)
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from strings(value, f"{path}[{index}]")


def parsed(path: Path) -> dict[str, object]:
    return tomli.loads(path.read_text(encoding="utf-8"))


URL = re.compile(r"\b[a-z][a-z0-9+.-]*://\S+", re.IGNORECASE)
FILE_PATH = re.compile(
    r"""
      ~[/\\]                                  # a home folder: ~/cases
    | (?<![\w/.])\.{1,2}[/\\]                 # relative to here or above: ./x, ../x
    | \b[A-Za-z]:\\                           # a Windows drive: C:\Users
    | (?<![\w/.])/[\w.-]+/                    # an absolute path: /home/..., /srv/..., /tmp/...
    | \bshared[/\\]sources\b                  # the folder the source copies sat in
    | \b[\w-]+\.(?:txt|toml|md|json|csv|html?|py|svg|png)\b   # a file name
    """,
    re.VERBOSE,
)


def file_paths(text: str) -> list[str]:
    """What in `text` looks like a file path; a URL is not one."""
    return [match.group(0) for match in FILE_PATH.finditer(URL.sub(" ", text))]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Local copy: /srv/shared/sources/000_4eee.txt (HTML).", ["/srv/", "shared/sources", "000_4eee.txt"]),
        ("本地副本：/home/x（繁体）", ["/home/"]),
        ("(../shared/sources/003_bc7c)", ["../", "shared/sources"]),
        ("see ~/cases or C:\\Users\\me", ["~/", "C:\\"]),
        ("https://36kr.com/p/1234.html and http://mp.weixin.qq.com/s?__biz=Mz#rd", []),
        ("points/coupon exchanges, 1/3, Jianshi/36Kr, www.xiaomi.com, 3,323.252 / 2,880.725", []),
    ],
)
def test_the_path_finder_finds_paths_and_leaves_urls_and_prose_alone(text: str, found: list[str]) -> None:
    assert file_paths(text) == found


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_no_case_text_holds_a_file_path(path: Path) -> None:
    hits = [(key, file_paths(text)) for key, _, text in strings(parsed(path))]
    assert [(key, found) for key, found in hits if found] == []


CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]")
LATIN = re.compile(r"[A-Za-z]")


def chinese_texts(document: dict[str, object]) -> Iterator[tuple[str, str]]:
    """The texts written in Chinese: the `zh` side of every language table, and every plain string
    whose CJK characters outnumber its Latin letters (a name such as 老冀, a Chinese sentence)."""
    for key, lang, text in strings(document):
        mostly_chinese = len(CJK.findall(text)) > len(LATIN.findall(text))
        if lang == "zh" or (lang is None and mostly_chinese):
            yield key, text


def quote_problems(text: str) -> list[str]:
    """ASCII quotation marks, or Chinese ones left unpaired."""
    problems = [f"ASCII {mark} in {text[max(0, i - 12) : i + 12]!r}" for i, mark in enumerate(text) if mark in "\"'"]
    for opening, closing in ("“”", "‘’"):
        if text.count(opening) != text.count(closing):
            problems.append(f"{text.count(opening)} {opening} but {text.count(closing)} {closing}")
    return problems


@pytest.mark.parametrize(
    ("text", "problems"),
    [
        ("停运公告称“小米有品有鱼将于 2022 年 3 月 17 日终止运营”，交了600元，等来了‘三无服务’。", 0),
        ('停运公告称"小米有品有鱼将终止运营"。', 2),
        ("关注'淘宝联盟'App", 2),
        ("“开小铺，赚点钱", 1),
    ],
)
def test_quote_problems_are_ascii_marks_and_unpaired_chinese_ones(text: str, problems: int) -> None:
    assert len(quote_problems(text)) == problems


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_every_chinese_text_uses_chinese_quotation_marks(path: Path) -> None:
    document = parsed(path)
    found = [(key, problem) for key, text in chinese_texts(document) for problem in quote_problems(text)]
    assert found == []
    assert any(True for _ in chinese_texts(document)), "every bundled case has Chinese text to check"


NEARLY = re.compile(r"\bnearly\b|\balmost\b|近百|近千|近万|将近|接近", re.IGNORECASE)


@pytest.mark.parametrize("case_id", sorted(CASES))
def test_a_nearly_figure_is_not_compared_as_its_round_number(case_id: str) -> None:
    """近百万, "nearly a million", is below a million: a number would make `compare` show 1,000,000 as exact."""
    for key, value in CASES[case_id].dimensions:
        if isinstance(value, Fact) and isinstance(value.value, (int, float)) and value.note is not None:
            said = " ".join(text for _, text in value.note.entries)
            assert not NEARLY.search(said), f"model.{key} = {value.value} is 'nearly' that: write it as text"
