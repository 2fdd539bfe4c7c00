"""The bodies of the scriptable commands, free of Typer: shared by the Typer CLI and the fast path.

Each function takes settings and loaded cases, and prints. Renderers are imported inside, so a
JSON run never loads Rich.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from casetui import serialize
from casetui.cli.support import Settings, ascii_stdout, out, terminal
from casetui.model import Case

TYPE_CHECKING = False  # typing's flag, without importing typing (see casetui.record)
if TYPE_CHECKING:
    from typing import Any

    from casetui.render.lines import Grid


def to_json(document: Any) -> str:
    """A JSON document as casetui prints it (UTF-8 unless stdout cannot take it)."""
    from casetui.render.json import dumps

    return dumps(document, ascii_only=ascii_stdout())


def render_text(renderable: Any, opts: Settings) -> None:
    """Print a Rich renderable: styled in a terminal, plain text without trailing spaces in a pipe."""
    from casetui.render.text import make_console

    console = make_console(opts.plain, opts.width)
    if not opts.plain:
        console.print(renderable)
        return
    with console.capture() as capture:
        console.print(renderable)
    out("".join(line.rstrip() + "\n" for line in capture.get().splitlines()))


def write_grid(grid: Grid, opts: Settings) -> None:
    """Print a `Grid` (`casetui list`) without Rich's console: it writes its lines itself.

    A pipe gets the full natural width, so that each row stays on one line; a terminal gets its
    own width, with colours unless it cannot show them.
    """
    if opts.plain:
        out(grid.plain_text(max(opts.width or 0, grid.natural_width())))
        return
    if sys.platform == "win32":  # Rich knows the Windows consoles that take no escape codes
        render_text(grid, opts)
        return
    width, colour = terminal()
    out(grid.ansi_text(width) if colour else grid.plain_text(width))


def run_compare(opts: Settings, cases: Sequence[Case], base: int | None, fmt: str, diff_only: bool) -> None:
    """`casetui compare`: rows for every dimension, differences against `base` (an index) or each other."""
    from casetui.compare import compare

    rows = compare(cases, opts.lang, base)
    if diff_only:
        rows = [row for row in rows if row.differs]
    if fmt == "json":
        baseline = cases[base].id if base is not None else None
        out(to_json(serialize.comparison(cases, rows, opts.lang, baseline)))
    elif fmt == "csv":
        from casetui.render.csv import compare_csv

        out(compare_csv(cases, rows, opts.lang))
    elif fmt == "markdown":
        from casetui.render.markdown import compare_md

        out(compare_md(cases, rows, opts.lang, base))
    else:
        from casetui.render.text import compare_table

        render_text(compare_table(cases, rows, opts.lang, base), opts)


def run_timeline(opts: Settings, case: Case, fmt: str) -> None:
    """`casetui timeline`: every event in order."""
    if fmt == "json":
        out(to_json(serialize.timeline(case, opts.lang)))
    elif fmt == "markdown":
        from casetui.render.markdown import timeline_md

        out(timeline_md(case, opts.lang))
    else:
        from casetui.render.text import timeline_table

        render_text(timeline_table(case, opts.lang), opts)


def run_show(opts: Settings, case: Case, fmt: str) -> None:
    """`casetui show`: the whole case."""
    if fmt == "json":
        out(to_json(serialize.case_document(case, opts.lang)))
    elif fmt == "markdown":
        from casetui.render.markdown import case_md

        out(case_md(case, opts.lang))
    else:
        from casetui.render.text import case_view

        render_text(case_view(case, opts.lang), opts)
