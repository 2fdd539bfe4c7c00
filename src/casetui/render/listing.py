"""`casetui list` as a text table: one line per case, its cells light enough for 10,000 cases.

Dates, spans and labels repeat across a library (the index shares one object for each), so each
is turned into its text once.
"""

from __future__ import annotations

from collections.abc import Sequence

from casetui.i18n import label
from casetui.render.common import FALLBACK, STATUS_STYLES, fallback_mark, scheduled_mark
from casetui.render.lines import Cell, Grid
from casetui.summary import Summary

TYPE_CHECKING = False  # typing's flag, without importing typing (see casetui.record)

if TYPE_CHECKING:
    from casetui.text import LText
    from casetui.when import Span, When

COLUMNS = ("id", "name", "company", "status", "launched", "ended", "lifespan", "notice_period")


def list_table(summaries: Sequence[Summary], lang: str) -> Grid:
    """`casetui list`: one line per case (a block per case in a terminal too narrow for whole words)."""
    table = Grid(*(label(key, lang) for key in COLUMNS), no_wrap=(0,))
    mark = scheduled_mark(True, lang)
    statuses: dict[str, Cell] = {}
    dates: dict[tuple[When | None, bool], Cell] = {(None, False): "", (None, True): ""}
    spans: dict[tuple[Span | None, bool], Cell] = {(None, False): "", (None, True): ""}

    def text(value: LText | None, style: str = "") -> Cell:
        if value is None:
            return ""
        resolved = value.resolve(lang)
        if resolved.fallback:
            return ((resolved.text, style), (fallback_mark(resolved.lang), FALLBACK))
        return ((resolved.text, style),) if style else resolved.text

    def date(value: When | None, scheduled: bool = False) -> Cell:
        cell = dates.get((value, scheduled))
        if cell is None:
            assert value is not None  # None is in the map from the start
            shown = value.display()
            cell = ((shown, ""), (mark, "italic")) if scheduled else shown
            if value.moment is None:  # Equal moments in other offsets are shown differently: not kept.
                dates[value, scheduled] = cell
        return cell

    def span(value: Span | None, scheduled: bool) -> Cell:
        cell = spans.get((value, scheduled))
        if cell is None:
            shown = value.display(lang)  # type: ignore[union-attr]  # None is in the map from the start
            cell = spans[value, scheduled] = ((shown, ""), (mark, "italic")) if scheduled else shown
        return cell

    add = table.add_row
    for s in summaries:
        status = statuses.get(s.status)
        if status is None:
            status = statuses[s.status] = ((label(s.status, lang), STATUS_STYLES.get(s.status, "")),)
        add(
            ((s.id, "cyan"),),
            text(s.name, "bold"),
            text(s.company),
            status,
            date(s.launched),
            # `ended`, else the final shutdown (as `list --json`'s "end"), at most to the day as in the
            # app's table: a shutdown's time and offset beside its scheduled mark would take the names' room.
            date(s.end and s.end.to_day(), s.end_scheduled),
            span(s.lifespan, s.lifespan_scheduled),
            span(s.notice, s.notice_scheduled),
        )
    return table
