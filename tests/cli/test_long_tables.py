"""Long timelines print fast, and exactly as Rich's own table would print them at the same column widths.

`LongTable` lays out a table of thousands of rows itself; up to `RICH_ROWS` rows Rich does. These
tests set the threshold to 0 (always the fast layout) or out of reach (always Rich) and compare.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rich.console import Console
from rich.text import Text

from casetui.library import load_library
from casetui.render.text import LongTable, make_console, timeline_table
from cli_fixtures import FIXTURES
from hardening.corpus import GENERATE

ALWAYS_RICH = 10**9


def printed(renderable: object, width: int, styled: bool) -> str:
    """What a console prints: plain as in a pipe, or with colours as in a terminal."""
    out = io.StringIO()
    if styled:
        console = Console(
            file=out,
            width=width,
            force_terminal=True,
            color_system="truecolor",
            highlight=False,
            markup=False,
            emoji=False,
        )
    else:
        console = make_console(True, width, out)
    console.print(renderable)
    return out.getvalue()


@pytest.fixture
def long_case(tmp_path: Path) -> Path:
    """A folder holding `many-events`: 250 events, over `RICH_ROWS`, with services stopped on the way."""
    (tmp_path / "many-events.toml").write_text(GENERATE.many_events(250), encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("columns", ["40", "100", "160"])
@pytest.mark.parametrize("command", ["timeline", "show"])
def test_the_fast_layout_prints_what_rich_prints(cli, monkeypatch, long_case: Path, command: str, columns: str):
    env = {"COLUMNS": columns}
    for case_id, cases in [("alpha-club", FIXTURES), ("beta-market", FIXTURES), ("many-events", long_case)]:
        for lang in ("en", "zh"):
            monkeypatch.setattr(LongTable, "RICH_ROWS", ALWAYS_RICH)
            rich = cli("--lang", lang, command, case_id, cases=cases, env=env)
            monkeypatch.setattr(LongTable, "RICH_ROWS", 0)
            fast = cli("--lang", lang, command, case_id, cases=cases, env=env)
            assert rich.exit_code == fast.exit_code == 0, fast.output
            assert fast.stdout == rich.stdout, (case_id, lang)


@pytest.mark.parametrize("width", [30, 80, 120])
def test_the_fast_layout_colours_what_rich_colours(monkeypatch, width: int):
    for case in load_library([FIXTURES]).cases:
        table = timeline_table(case, "en")
        monkeypatch.setattr(LongTable, "RICH_ROWS", ALWAYS_RICH)
        rich = printed(table, width, styled=True)
        monkeypatch.setattr(LongTable, "RICH_ROWS", 0)
        assert printed(table, width, styled=True) == rich, case.id


FRAGMENTS = [
    "word",
    "a longer phrase of words",
    "Averyveryverylongwordthatmustfold",
    "有鱼小米有品",
    "👨\u200d👩\u200d👧",
    "e\u0301",
    "\u200d",
    "\u200b",
    "\n",
    "\t",
    " ",
    "[bold]x[/]",
]
STYLES = ["", "cyan", "bold", "dim italic", "red"]


@st.composite
def cells(draw: st.DrawFn) -> Text:
    """A cell as the renderers build them: styled text, sometimes with a differently styled tail."""
    parts = draw(st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=8)), max_size=4))
    cell = Text("".join(parts), style=draw(st.sampled_from(STYLES)))
    if draw(st.booleans()):
        cell.append(draw(st.sampled_from(FRAGMENTS)), style=draw(st.sampled_from(STYLES)))
    return cell


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    headers=st.lists(st.sampled_from(["T", "Date", "Kind", "Title", "标题", "To shutdown"]), min_size=1, max_size=5),
    data=st.data(),
    width=st.integers(8, 160),
    styled=st.booleans(),
)
def test_any_table_lays_out_as_rich_lays_it_out(headers: list[str], data: st.DataObject, width: int, styled: bool):
    no_wrap = data.draw(st.lists(st.integers(0, len(headers) - 1), max_size=2))
    table = LongTable(*headers, no_wrap=no_wrap)
    for row in data.draw(st.lists(st.tuples(*[cells()] * len(headers)), max_size=12)):
        table.add_row(*row)
    original = LongTable.RICH_ROWS
    # hypothesis runs the body many times per test: no monkeypatch fixture here
    LongTable.RICH_ROWS = ALWAYS_RICH
    try:
        rich = printed(table, width, styled)
        LongTable.RICH_ROWS = 0
        assert printed(table, width, styled) == rich
    finally:
        LongTable.RICH_ROWS = original


def test_a_ten_thousand_event_timeline_prints_every_event(cli, tmp_path: Path):
    """The fast layout at full size (its speed is measured by the benchmarks, not asserted here)."""
    (tmp_path / "many-events.toml").write_text(GENERATE.many_events(10_000), encoding="utf-8")
    result = cli("timeline", "many-events", cases=tmp_path)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert len(lines) == 2 + 10_000  # the header, its rule, a line per event
    assert all(line.strip() for line in lines), "an empty line in the table"
