"""Text tables never split an id or a word, whatever the terminal's width.

Each table is printed once at a width where nothing wraps: its words are the reference. At each
narrower width, every one of them must still be printed whole somewhere.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from rich.console import Console

from casetui.compare import compare
from casetui.library import load_library
from casetui.render.listing import list_table
from casetui.render.text import case_view, compare_table, make_console, timeline_table

BUNDLED = Path(__file__).resolve().parents[2] / "cases"
WIDTHS = [40, 60, 80, 100, 120, 160]
TOKEN = re.compile(r"[\x21-\x7e]{2,}")
"""Ids, dates, numbers and English words: the runs of printable ASCII that must stay whole."""


@pytest.fixture(scope="module")
def library():
    return load_library([BUNDLED])


def printed(renderable: object, width: int) -> str:
    out = io.StringIO()
    make_console(True, width, out).print(renderable)
    return out.getvalue()


def tokens(output: str, skip_headers: bool = False) -> set[str]:
    """The ASCII runs of `output`; with `skip_headers`, not those of a line above a table's rule.

    Column headers are casetui's labels, not case text, and a narrow layout names rows its own way.
    """
    lines = output.splitlines()
    found = set()
    for index, line in enumerate(lines):
        if skip_headers and index + 1 < len(lines) and lines[index + 1].startswith("─"):
            continue
        found.update(TOKEN.findall(line))
    return found


def tables(library, lang: str):
    cases = sorted(library.cases, key=lambda case: case.id)
    yield "list", list_table(sorted(library.summaries, key=lambda s: s.id), lang)
    chosen = [case for case in cases if case.id in ("kuaishou-self-operated", "platform-link-unblocking-2021", "taote")]
    yield "compare", compare_table(chosen, compare(chosen, lang), lang, None)
    for case in cases:
        yield f"timeline {case.id}", timeline_table(case, lang)
        yield f"show {case.id}", case_view(case, lang)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_id_and_word_is_printed_whole_at_every_width(library, lang: str) -> None:
    for name, table in tables(library, lang):
        reference = tokens(printed(table, 10_000), skip_headers=True)
        for width in WIDTHS:
            # A word wider than the whole line can only be folded.
            missing = {t for t in reference - tokens(printed(table, width)) if len(t) < width - 4}
            assert not missing, (name, width, sorted(missing)[:10])


def test_a_narrow_terminal_shows_each_case_as_a_block_rather_than_cutting_words(library) -> None:
    output = printed(list_table(sorted(library.summaries, key=lambda s: s.id), "en"), 60)
    assert "kuaishou-self-operated\n" in output
    assert "  Company" in output


def test_a_comparison_shown_as_blocks_keeps_its_highlights(library) -> None:
    """At 40 columns each compare row is a block: the values that differ from the baseline are still bold yellow."""
    chosen = [case for case in sorted(library.cases, key=lambda case: case.id) if case.id in ("taote", "taoxiaopu")]
    rows = compare(chosen, "en", 0)
    table = compare_table(chosen, rows, "en", 0)
    assert "≠ Name\n  taote (baseline)" in printed(table, 40)  # blocks, not a table
    highlighted = " ".join(re.findall(r"\x1b\[1;33m([^\x1b]*)\x1b\[0m", styled(table, 40)))
    differing = [row.cells[1].display for row in rows if row.cell_differs[1] and row.cells[1] is not None]
    assert differing
    for shown in differing:
        assert shown.split()[0] in highlighted, shown


def styled(renderable: object, width: int) -> str:
    out = io.StringIO()
    Console(file=out, width=width, force_terminal=True, color_system="standard", markup=False, highlight=False).print(
        renderable
    )
    return out.getvalue()
