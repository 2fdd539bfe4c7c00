"""Several cases' sunsets side by side, aligned on their announcement (T-0).

At the top, one bar per case for the notice users were given and the order its services stopped;
below, a shared axis of T-offsets with each case's events placed on it, so a class can read across
a row what each platform had done by the same distance from its announcement.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich import box
from rich.console import Group, RenderableType
from rich.progress_bar import ProgressBar
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from casetui import derive
from casetui.model import Case, Event
from casetui.tui import safe
from casetui.tui.labels import is_zh, span_text
from casetui.tui.widgets.badges import scheduled
from casetui.tui.widgets.kinds import kind_colour, kind_glyph
from casetui.tui.wrapping import Wrapped
from casetui.when import Span

_WORDS: dict[str, tuple[str, str]] = {
    "notice": ("Notice given: announcement to final shutdown", "通知期：从宣布到最终关停"),
    "no_announcement": ("no announcement", "无关停公告"),
    "no_shutdown": ("no shutdown yet", "尚未关停"),
    "stops": ("Stops: ", "停止顺序："),
    "no_stops": ("no service stops", "无服务停止"),
    "axis": ("Timelines aligned on the announcement (T-0)", "以宣布日 (T-0) 对齐的时间线"),
    "not_aligned": ("not shown: no announcement", "未显示：无关停公告"),
    "earlier": ("… {n:,} earlier points in time not shown", "… 另有 {n:,} 个更早的时间点未显示"),
    "later": ("… {n:,} later points in time not shown", "… 另有 {n:,} 个更晚的时间点未显示"),
}

MAX_AXIS_ROWS = 200
"""Points in time drawn on the shared axis; beyond this, the ones farthest from T-0 are left out."""

BAR_COLOURS = ("#4a8fd4", "#d08a1c", "#9b6ad1", "#3fa45b", "#d9534f", "#6c8cff")
"""One colour per case column, in order."""


def _word(key: str, lang: str) -> str:
    pair = _WORDS[key]
    return pair[1] if is_zh(lang) else pair[0]


@dataclass(frozen=True, slots=True)
class Placed:
    """An event of one case at its distance from that case's announcement."""

    case: int
    event: Event
    offset: Span


def aligned(cases: Sequence[Case]) -> list[tuple[float, list[Placed]]]:
    """Every event of every announced case, grouped by (approximate) days from T-0, earliest first."""
    rows: dict[float, list[Placed]] = {}
    for index, case in enumerate(cases):
        start = derive.announcement(case)
        if start is None:
            continue
        for event in case.events:
            # What derive.t_offset gives, without looking for T-0 again for every event.
            offset = Span.between(start.date, event.date)
            rows.setdefault(round(offset.days, 6), []).append(Placed(index, event, offset))
    return sorted(rows.items())


def around_zero(rows: list[tuple[float, list[Placed]]], limit: int) -> tuple[int, int]:
    """The slice of at most `limit` rows to draw: a third before T-0, the rest from it on."""
    if len(rows) <= limit:
        return 0, len(rows)
    zero = next((n for n, (days, _) in enumerate(rows) if days >= 0), len(rows))
    start = max(0, min(zero - limit // 3, len(rows) - limit))
    return start, start + limit


def _resting(case: Case) -> bool:
    """Whether the case's notice period rests on a date after its `as_of` (announced, not confirmed)."""
    return derive.notice_scheduled(case)


def stop_order(case: Case) -> list[tuple[Event, Span | None]]:
    """The events that switch services off, in the order they happen, with their T-offsets."""
    return [(event, derive.t_offset(case, event)) for event in case.events if event.ends]


class SideBySideSunsets(VerticalScroll):
    """Notice periods and timelines of several cases, on one shared T-0."""

    DEFAULT_CSS = """
    SideBySideSunsets {
        height: 1fr;
        padding: 0 1;
    }
    SideBySideSunsets > Static {
        height: auto;
        margin-bottom: 1;
    }
    """

    def __init__(self, cases: Sequence[Case], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.cases = list(cases)

    def compose(self) -> ComposeResult:
        yield Static(id="notice-bars")
        yield Static(id="aligned-axis")

    def show(self, lang: str) -> None:
        """Render both parts in `lang`."""
        self.query_one("#notice-bars", Static).update(self._notices(lang))
        self.query_one("#aligned-axis", Static).update(self._axis(lang))

    def _case_name(self, index: int, lang: str) -> Text:
        return safe.localized(self.cases[index].name, lang, style=f"bold {BAR_COLOURS[index % len(BAR_COLOURS)]}")

    def _notices(self, lang: str) -> Group:
        """A bar per case, as long as its notice period, and the order its services stopped."""
        notices = [derive.notice_period(case) for case in self.cases]
        longest = max((span.days for span in notices if span is not None), default=0.0) or 1.0
        grid = Table.grid(padding=(0, 2, 0, 0), expand=True)
        grid.add_column(max_width=28)  # a long name wraps (Wrapped): none is cut
        grid.add_column(ratio=1)
        grid.add_column(no_wrap=True, justify="right")
        for index, (case, notice) in enumerate(zip(self.cases, notices, strict=True)):
            colour = BAR_COLOURS[index % len(BAR_COLOURS)]
            if notice is None:
                missing = "no_announcement" if derive.announcement(case) is None else "no_shutdown"
                grid.add_row(
                    Wrapped(self._case_name(index, lang)), Text(_word(missing, lang), style="dim italic"), Text()
                )
            else:
                bar = ProgressBar(
                    total=longest, completed=notice.days, style="#8a8f98", complete_style=colour, finished_style=colour
                )
                length = scheduled(Text(span_text(notice, lang), style=f"bold {colour}"), _resting(case), lang)
                grid.add_row(Wrapped(self._case_name(index, lang)), bar, length)
            # Wrapped: Chinese service names have no spaces to break at, and a table cell would cut them.
            grid.add_row(Text(), Wrapped(self._stops(case, lang)), Text())
        title = Text(_word("notice", lang), style="bold")
        return Group(title, Text(), grid)

    def _stops(self, case: Case, lang: str) -> Text:
        """`1 Daily check-in T+0 → 2 Ordering T+31d → …`."""
        order = stop_order(case)
        if not order:
            return Text(_word("no_stops", lang), style="dim")
        text = Text()
        text.append(_word("stops", lang), style="dim")
        n = 0
        for event, offset in order:
            for service in derive.services_ended_by(case, event):
                if n:
                    text.append(" → ", style="dim")
                n += 1
                text.append(f"{n} ", style="bold #d9534f")
                text.append_text(safe.localized(service.name, lang))
                if offset is not None:
                    text.append(f" {offset.offset(lang)}", style="dim")
        return text

    def _axis(self, lang: str) -> Group:
        """A row per distinct T-offset; each case's events in its own column."""
        table = Table(box=box.MINIMAL, expand=True, show_edge=False, pad_edge=False)
        table.add_column(Text("T", style="bold"), no_wrap=True, style="dim")
        for index, case in enumerate(self.cases):
            header = self._case_name(index, lang)
            notice = derive.notice_period(case)
            if derive.announcement(case) is None:
                header.append(f"\n{_word('not_aligned', lang)}", style="dim italic")
            elif notice is None:
                header.append(f"\n{_word('no_shutdown', lang)}", style="dim italic")
            else:
                header.append(f"\n{span_text(notice, lang)}", style="dim")
                scheduled(header, _resting(case), lang)
            table.add_column(Wrapped(header), ratio=1)
        rows = aligned(self.cases)
        first, end = around_zero(rows, MAX_AXIS_ROWS)
        for n in range(first, end):
            days, placed = rows[n]
            cells: list[Text] = [Text() for _ in self.cases]
            for item in placed:
                cell = cells[item.case]
                if cell.plain:
                    cell.append("\n")
                cell.append_text(self._event_text(self.cases[item.case], item.event, lang))
            offsets = list(dict.fromkeys(item.offset.offset(lang) for item in placed))
            axis = Text("\n".join(offsets))
            # T-0 gets a rule above and below, so the eye finds the line every case is aligned on.
            before_zero = n + 1 < len(rows) and rows[n + 1][0] == 0
            if days == 0:
                axis.stylize("bold #ffffff on #d08a1c")
            else:
                axis.stylize("bold" if days > 0 else "dim")
            table.add_row(axis, *(Wrapped(cell) for cell in cells), end_section=days == 0 or before_zero)
        parts: list[RenderableType] = [Text(_word("axis", lang), style="bold")]
        if first:
            parts.append(Text(_word("earlier", lang).format(n=first), style="dim italic"))
        parts.append(table)
        if end < len(rows):
            parts.append(Text(_word("later", lang).format(n=len(rows) - end), style="dim italic"))
        return Group(*parts)

    @staticmethod
    def _event_text(case: Case, event: Event, lang: str) -> Text:
        text = Text()
        text.append(f"{kind_glyph(event.kind)} ", style=kind_colour(event.kind))
        text.append_text(safe.localized(event.title, lang))
        for service in derive.services_ended_by(case, event):
            text.append("\n  ✕ ", style="bold #d9534f")
            text.append_text(safe.localized(service.name, lang, style="#d9534f"))
        return text
