"""`casetui list` writes its table as strings, without Rich: what it writes is what Rich prints of the same table.

The `Grid` of `casetui.render.lines` lays rows that fit on one line out itself and leaves the rest
(wrapped cells, the narrow terminal's blocks) to the code Rich prints through; these tests hold the
two together, plain and coloured, and run the real command in a pseudo-terminal.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import io
import os
import pty
import re
import struct
import subprocess
import sys
import termios
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rich.color import ColorSystem
from rich.console import Console
from rich.style import Style

from casetui.cli.support import terminal
from casetui.library import load_library
from casetui.render.common import FALLBACK, STATUS_STYLES, scheduled_mark
from casetui.render.lines import Grid, escape_code
from casetui.render.listing import COLUMNS, list_table
from casetui.summary import Summary
from casetui.text import LText
from casetui.when import Precision, When
from cli_fixtures import FIXTURES

BUNDLED = Path(__file__).resolve().parents[2] / "cases"
WIDTHS = [30, 60, 80, 100, 120, 200, 300]


def rich_prints(grid: Grid, width: int, styled: bool) -> str:
    """What Rich prints of `grid`: standard colours as in a terminal, or plain without trailing spaces."""
    out = io.StringIO()
    console = Console(
        file=out,
        width=width,
        force_terminal=styled,
        color_system="standard" if styled else None,
        highlight=False,
        markup=False,
        emoji=False,
    )
    console.print(grid)
    if styled:
        return out.getvalue()
    return "".join(line.rstrip() + "\n" for line in out.getvalue().splitlines())


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("folder", [BUNDLED, FIXTURES], ids=["bundled", "fixtures"])
def test_the_list_is_written_as_rich_prints_it(folder: Path, lang: str) -> None:
    grid = list_table(sorted(load_library([folder]).summaries, key=lambda s: s.id), lang)
    for width in WIDTHS:
        assert grid.plain_text(width) == rich_prints(grid, width, styled=False), width
        assert grid.ansi_text(width) == rich_prints(grid, width, styled=True), width


def test_colours_follow_the_status_and_keep_a_wrapped_name_bold() -> None:
    grid = list_table(sorted(load_library([FIXTURES]).summaries, key=lambda s: s.id), "en")
    wide, narrow = grid.ansi_text(300), grid.ansi_text(40)
    assert "\x1b[36malpha-club\x1b[0m" in wide and "\x1b[1mAlpha Club\x1b[0m" in wide
    assert "\x1b[31mshut down\x1b[0m" in wide and "\x1b[35mpaused\x1b[0m" in wide
    # At 40 columns each case is a block: the name and status keep their styles there too.
    assert "\x1b[1mAlpha Club\x1b[0m" in narrow and "\x1b[31mshut down\x1b[0m" in narrow
    assert "\x1b[2m  Name" in narrow


@pytest.mark.parametrize("system", [ColorSystem.STANDARD, ColorSystem.EIGHT_BIT, ColorSystem.TRUECOLOR])
@pytest.mark.parametrize("style", ["bold", "cyan", "italic", "dim", "bold yellow", FALLBACK, *STATUS_STYLES.values()])
def test_escape_codes_are_the_ones_rich_writes(style: str, system: ColorSystem) -> None:
    """The list's styles are named colours, which every colour system writes alike."""
    assert escape_code(style) + "x\x1b[0m" == Style.parse(style).render("x", color_system=system)


def test_a_style_outside_the_table_still_colours_its_cell() -> None:
    grid = Grid("Name")
    grid.add_row((("warm", "bright_red"),))
    grid.add_row((("sea", "on blue"),))
    written = grid.ansi_text(20)
    assert "\x1b[91mwarm\x1b[0m" in written and "\x1b[44msea\x1b[0m" in written


def test_case_text_cannot_drive_the_terminal() -> None:
    grid = Grid("Name", "Note")
    grid.add_row((("a\x1b[2Jb", "bold"),), "tab\there\x07")
    written = grid.ansi_text(80)
    assert "\x1b[2J" not in written and "\x07" not in written and "\t" not in written
    assert "a\\x1b[2Jb" in written and "tab here\\x07" in written


FRAGMENTS = [
    "word",
    "a longer phrase of words",
    "Averyveryverylongwordthatmustfold",
    "有鱼小米有品",
    "\n",
    " ",
    "（2021）",
]
STYLES = ["", "cyan", "bold", "dim italic", "red"]
runs = st.tuples(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=6)), st.sampled_from(STYLES))
cells = st.one_of(st.sampled_from(FRAGMENTS), st.lists(runs, min_size=1, max_size=3).map(tuple))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    headers=st.lists(st.sampled_from(["ID", "Name", "名称", "Notice period"]), min_size=1, max_size=4),
    data=st.data(),
    width=st.integers(16, 120),
)
def test_any_grid_is_written_as_rich_prints_it(headers: list[str], data: st.DataObject, width: int) -> None:
    """From 16 columns up: below that a block's values keep 8 columns, wider than the line, which Rich crops."""
    grid = Grid(*headers, no_wrap=(0,))
    for row in data.draw(st.lists(st.tuples(*[cells] * len(headers)), max_size=8)):
        grid.add_row(*row)
    assert grid.plain_text(width) == rich_prints(grid, width, styled=False)
    assert grid.ansi_text(width) == rich_prints(grid, width, styled=True)


# -- the command in a terminal -----------------------------------------------------------------


def in_terminal(columns: int, *args: str, **env: str) -> str:
    """What `casetui --no-bundled --cases FIXTURES ARGS…` writes to a pseudo-terminal `columns` wide."""
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, columns, 0, 0))
    environment = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "COLUMNS", "FORCE_COLOR")}
    environment.update({"TERM": "xterm", **env})
    command = [sys.executable, "-m", "casetui", "--no-bundled", "--cases", str(FIXTURES), *args]
    process = subprocess.Popen(command, stdout=follower, stderr=subprocess.DEVNULL, env=environment)
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 1 << 16)
        except OSError:  # the child closed the terminal (Linux says EIO)
            break
        if not chunk:
            break
        chunks.append(chunk)
    process.wait()
    os.close(leader)
    return b"".join(chunks).decode().replace("\r\n", "\n")


def test_in_a_terminal_the_list_is_coloured_and_fits_its_width() -> None:
    wide = in_terminal(160, "list")
    assert "\x1b[36malpha-club\x1b[0m" in wide
    grid = list_table(sorted(load_library([FIXTURES]).summaries, key=lambda s: s.id), "en")
    assert wide == grid.ansi_text(160)
    narrow = in_terminal(50, "list")
    assert narrow == grid.ansi_text(50)
    assert "\x1b[2m  Company" in narrow  # too narrow for whole words: a block per case


def test_in_a_terminal_without_colour_the_list_is_plain() -> None:
    grid = list_table(sorted(load_library([FIXTURES]).summaries, key=lambda s: s.id), "en")
    assert in_terminal(160, "list", NO_COLOR="1") == grid.plain_text(grid.natural_width())
    assert in_terminal(160, "list", TERM="dumb") == grid.plain_text(80)


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"COLUMNS": "57"}, (57, True)),
        ({"TERM": "dumb", "COLUMNS": "57"}, (80, False)),
        ({"FORCE_COLOR": "", "COLUMNS": "57"}, (57, False)),
        ({"TTY_COMPATIBLE": "0", "TERM": "dumb", "COLUMNS": "57"}, (57, False)),
        ({"TTY_COMPATIBLE": "1", "FORCE_COLOR": "", "COLUMNS": "57"}, (57, True)),
    ],
)
def test_the_terminal_is_read_as_rich_reads_it(monkeypatch: pytest.MonkeyPatch, env: dict[str, str], expected) -> None:
    for name in ("COLUMNS", "TERM", "FORCE_COLOR", "TTY_COMPATIBLE"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert terminal() == expected


@pytest.mark.parametrize("width", [60, 80, 100, 120])
def test_chinese_cells_break_by_custom(width: int) -> None:
    """No line of a cell begins with closing punctuation (`；阿里` / `、腾讯`) nor ends with an opening one."""
    grid = list_table(sorted(load_library([BUNDLED]).summaries, key=lambda s: s.id), "zh")
    for line in grid.plain_text(width).splitlines():
        for piece in filter(None, re.split(r"\s{2,}", line.strip())):
            assert piece[0] not in "，。、；：？！）」』" and piece[-1] not in "（「『", (width, line)


def test_dates_and_spans_stay_whole_while_names_can_wrap() -> None:
    """At 120 columns the Chinese list wraps its names: its dates and spans (`2年（计划）`) keep one line each.

    The Ended column's scheduled dates (`2021-10-11（计划）`, 18 cells) may put their mark on the next
    line rather than take the names' room, but the date itself stays whole.
    """
    summaries = sorted(load_library([BUNDLED]).summaries, key=lambda s: s.id)
    written = list_table(summaries, "zh").plain_text(120)
    assert "自营旗舰店" not in written  # the names do wrap at this width
    mark = scheduled_mark(True, "zh")
    for plains in list_table(summaries, "zh").plains:
        for column, value in zip(COLUMNS[4:], plains[4:], strict=True):
            whole = value.removesuffix(mark) if column == "ended" else value
            assert whole in written, value


def test_one_moment_written_in_two_offsets_keeps_each_offset() -> None:
    beijing = dt.datetime(2022, 3, 17, 10, tzinfo=dt.timezone(dt.timedelta(hours=8)))
    utc = beijing.astimezone(dt.timezone.utc)
    assert beijing == utc  # the same instant: a cache keyed on equality would show one offset for both
    whens = [When(m.year, m.month, m.day, Precision.TIME, m) for m in (beijing, utc)]
    summaries = [
        Summary(f"c{i}", LText.plain("N"), "active", LText.plain("T"), launched=when) for i, when in enumerate(whens)
    ]
    written = list_table(summaries, "en").plain_text(200)
    assert "2022-03-17 10:00 +08:00" in written and "2022-03-17 02:00 +00:00" in written


def test_a_table_that_would_squeeze_a_column_to_a_few_characters_is_shown_as_blocks() -> None:
    """At 100 columns the Chinese list's company column would get three characters a line: blocks read better."""
    grid = list_table(sorted(load_library([BUNDLED]).summaries, key=lambda s: s.id), "zh")
    assert "─" not in grid.plain_text(100) and "\n  公司      " in grid.plain_text(100)
    assert "─" in grid.plain_text(120)  # at 120 every wrapped column keeps four characters or more
