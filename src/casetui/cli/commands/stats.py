"""`casetui stats`: the library at a glance, as bar charts in text or as JSON.

Counted from the summary index (`Library.summaries`), never from parsed cases, so it stays quick on a
library of thousands. Rich and the statistics are imported inside the command.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from casetui.cli.app import StatusOption, TagOption, app, guarded, settings
from casetui.cli.support import err, out, problem_line

if TYPE_CHECKING:
    from rich.console import RenderableType
    from rich.table import Table

    from casetui.stats import Chart, Stats

BAR_WIDTH = 30
"""Cells of the longest bar in text output."""
LABEL_WIDTH = 30
"""Longer labels (company names, tags) are cut with an ellipsis."""
EIGHTHS = " ▏▎▍▌▋▊▉"
"""Partial blocks, so that bars of close counts still differ in length."""


@app.command(
    "stats",
    epilog="\b\nExamples:\n"
    "  casetui stats\n"
    "  casetui stats --status shut-down --tag membership\n"
    "  casetui --cases google-cases stats --json | jq '.charts.ended.bars'",
)
@guarded
def stats_command(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="JSON instead of bar charts.")] = False,
    status: StatusOption = None,
    tag: TagOption = None,
    top: Annotated[
        int, typer.Option("--top", metavar="N", min=1, help="Companies and tags with a bar of their own.")
    ] = 10,
) -> None:
    """Count the cases: launches and shutdowns per year, lifespans, notice periods, statuses, companies, tags.

    Cases without a value (no end date, no announcement) are counted as unknown. Filters work as in
    `list`. Files that do not load are reported on stderr and not counted.
    """
    from casetui.cli.listing import select
    from casetui.index_cache import IndexCache
    from casetui.library import load_library
    from casetui.stats import compute, to_json

    opts = settings(ctx)
    library = load_library(opts.dirs, cache=IndexCache.default())
    for problem in library.problems:
        err(problem_line(problem))
    chosen = select(library.summaries, status or [], tag or [])
    stats = compute(chosen, top)
    if as_json:
        from casetui.cli.run import to_json as dumps

        filters = {"status": status or [], "tag": tag or []}
        out(dumps(to_json(stats, opts.lang, top, filters, library.problems)))
        return
    if not chosen:
        err("casetui: no cases to count" + (" with these filters" if status or tag else ""))
        return
    from casetui.cli.run import render_text
    from casetui.cli.support import ascii_stdout

    render_text(stats_view(stats, opts.lang, ascii_only=ascii_stdout()), opts)


def stats_view(stats: Stats, lang: str, ascii_only: bool = False) -> RenderableType:
    """Every chart under its heading, in one table so that the bars of all charts line up."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    from casetui.stats import chart_title, count_text

    table = Table(box=box.SIMPLE, show_header=False, show_edge=False, pad_edge=False, padding=(0, 1))
    table.add_column(no_wrap=True, max_width=LABEL_WIDTH, overflow="ellipsis")
    table.add_column(no_wrap=True)
    table.add_column(justify="right", no_wrap=True)
    table.add_column(justify="right", no_wrap=True, style="dim")
    table.add_row(Text(count_text(stats.total, lang), style="bold"))
    for chart in stats.charts:
        table.add_row()
        table.add_row(Text(chart_title(chart.name, lang), style="bold underline"))
        _add_bars(table, chart, stats.total, lang, ascii_only)
    return table


def _add_bars(table: Table, chart: Chart, total: int, lang: str, ascii_only: bool) -> None:
    """One row per bar: label, bar, count and share of the cases; unknown and "other" dimmed."""
    from rich.text import Text

    from casetui.stats import OTHER, UNKNOWN, bar_label

    for bar in chart.bars:
        faint = bar.kind in (UNKNOWN, OTHER)
        table.add_row(
            Text("  " + bar_label(chart.name, bar, lang), style="dim italic" if faint else ""),
            Text(_blocks(bar.count, chart.peak, ascii_only), style="dim" if faint else "cyan"),
            Text(str(bar.count), style="dim" if not bar.count else "" if faint else "bold"),
            _share(bar.count, total),
        )


def _share(count: int, total: int) -> str:
    """`33%`, `<1%`, or nothing for no cases."""
    if not count or not total:
        return ""
    percent = 100 * count / total
    return "<1%" if percent < 1 else f"{percent:.0f}%"


def _blocks(count: int, peak: int, ascii_only: bool) -> str:
    """A bar `count/peak` of `BAR_WIDTH` cells, in eighths; never empty for a count above zero."""
    if peak <= 0 or count <= 0:
        return ""
    if ascii_only:
        return "#" * max(1, round(BAR_WIDTH * count / peak))
    eighths = max(1, round(8 * BAR_WIDTH * count / peak))
    full, part = divmod(eighths, 8)
    return "█" * full + (EIGHTHS[part] if part else "")
