"""A one-line map of the whole timeline: a marker per event, coloured by kind, the current one pointed at.

Few events are spread across the width; many (10,000 is fine) are windowed around the cursor, with
`‹`/`›` where more lie beyond. Phases label the line above when they fit.

Without spoilers, events beyond the horizon (the last one the class may see) are plain grey dots:
neither their kind nor the phases they open give the ending away.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.style import Style
from rich.text import Text
from textual.widget import Widget

from casetui.model import Case, Event, Phase
from casetui.tui import safe
from casetui.tui.widgets.kinds import kind_colour, kind_glyph
from casetui.when import When

PAST_LINE = Style(color="#8a8f98", bold=True)
FUTURE_LINE = Style(color="#8a8f98", dim=True)
POINTER = Style(bold=True)
UNSEEN = Style(color="#8a8f98", dim=True)
UNSEEN_GLYPH = "·"
PHASE_STYLE = Style(color="#9b6ad1", italic=True)


@dataclass(frozen=True, slots=True)
class Placement:
    """Which events are drawn and at which column."""

    start: int
    """Index of the first event drawn."""
    columns: tuple[int, ...]
    """Column of each drawn event, left to right."""
    more_before: bool
    more_after: bool


def place(count: int, position: int, width: int) -> Placement:
    """Place `count` markers in `width` cells: spread out when they fit, else a window around `position`."""
    if count == 0 or width < 3:
        return Placement(0, (), False, False)
    if count == 1:
        return Placement(0, (width // 2,), False, False)
    if 2 * count - 1 <= width - 2:
        span = width - 3
        return Placement(0, tuple(1 + round(i * span / (count - 1)) for i in range(count)), False, False)
    slots = max(1, (width - 3) // 2)
    start = max(0, min(position - slots // 2, count - slots))
    return Placement(start, tuple(2 + 2 * i for i in range(slots)), start > 0, start + slots < count)


def in_phase(when: When, phase: Phase) -> bool:
    """True when `when` falls in the phase, each end compared at the precision it was written."""
    if when.truncated(phase.start.precision) < phase.start.truncated(phase.start.precision):
        return False
    return phase.end is None or when.truncated(phase.end.precision) <= phase.end.truncated(phase.end.precision)


class Ribbon(Widget):
    """The whole timeline at a glance, with the current position."""

    DEFAULT_CSS = """
    Ribbon {
        height: 3;
        padding: 0 1;
    }
    Ribbon.-no-phases {
        height: 2;
    }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._case: Case | None = None
        self._position = 0
        self._horizon = 0
        self._lang = "en"

    def show(self, case: Case, position: int, lang: str, horizon: int | None = None) -> None:
        """Point at event `position` of `case`; events after `horizon` (default: none) are not shown."""
        self._case, self._position, self._lang = case, position, lang
        self._horizon = len(case.events) - 1 if horizon is None else horizon
        self.set_class(not case.phases, "-no-phases")
        self.refresh()

    def render(self) -> Text:
        case = self._case
        width = self.content_size.width or 80
        if case is None or not case.events:
            return Text()
        events = case.events
        plan = place(len(events), self._position, width)
        if not plan.columns:
            return Text()
        lines = [self._markers(events, plan, width), self._pointer(events, plan, width)]
        if case.phases:
            lines.insert(0, self._phases(case, plan, width))
        return Text("\n").join(lines)

    def _markers(self, events: tuple[Event, ...], plan: Placement, width: int) -> Text:
        cells: list[tuple[str, Style]] = [(" ", Style())] * width
        last = plan.columns[-1]
        current = plan.columns[self._position - plan.start]
        first = 0 if plan.more_before else plan.columns[0]
        end = width if plan.more_after else last + 1
        for x in range(first, end):
            cells[x] = ("━" if x < current else "─", PAST_LINE if x < current else FUTURE_LINE)
        for n, x in enumerate(plan.columns):
            index = plan.start + n
            event = events[index]
            if index > self._horizon:
                cells[x] = (UNSEEN_GLYPH, UNSEEN)
                continue
            style = Style(color=kind_colour(event.kind), bold=index == self._position)
            if index > self._position:
                style += Style(dim=True)
            if index == self._position:
                style += Style(reverse=True)
            cells[x] = (kind_glyph(event.kind), style)
        if plan.more_before:
            cells[0] = ("‹", POINTER)
        if plan.more_after:
            cells[width - 1] = ("›", POINTER)
        text = Text()
        for char, style in cells:
            text.append(char, style)
        return text

    def _pointer(self, events: tuple[Event, ...], plan: Placement, width: int) -> Text:
        """`▲ 2/4 · 2022-01-17` under the current marker: right of it if there is room, else left, else shorter."""
        x = plan.columns[self._position - plan.start]
        count = f"{self._position + 1:,}/{len(events):,}"
        for label in (f"{count} · {events[self._position].date.display()}", count):
            if x + 2 + len(label) <= width:
                text = Text(" " * x)
                text.append("▲ ", POINTER)
                text.append(label, "dim")
                return text
            if len(label) + 1 <= x:
                text = Text(" " * (x - len(label) - 1))
                text.append(label, "dim")
                text.append(" ▲", POINTER)
                return text
        return Text(" " * x).append("▲", POINTER)

    def _phases(self, case: Case, plan: Placement, width: int) -> Text:
        """Each phase's title from the column of its first drawn event, cut short before the next."""
        starts: list[tuple[int, int, Phase]] = []
        for phase in case.phases:
            columns = [
                x
                for n, x in enumerate(plan.columns)
                if plan.start + n <= self._horizon and in_phase(case.events[plan.start + n].date, phase)
            ]
            if columns:
                starts.append((columns[0], columns[-1], phase))
        starts.sort(key=lambda item: item[0])
        text = Text()
        for n, (x, x_end, phase) in enumerate(starts):
            limit = starts[n + 1][0] - 1 if n + 1 < len(starts) else width
            if x < text.cell_len or x >= limit:
                continue
            text.append(" " * (x - text.cell_len))
            label = Text("┌ ", PHASE_STYLE)
            label.append_text(safe.localized(phase.title, self._lang, style=PHASE_STYLE))
            label.append(" ")
            # The bracket spans the phase's events, closed before the next phase's label: an ellipsis
            # only where the title itself does not fit (the timeline tab has every title whole).
            room = min(x_end - x + 1, limit - x)
            if label.cell_len < room:
                label.append("─" * (room - label.cell_len - 1), PHASE_STYLE)
                label.append("┐", PHASE_STYLE)
            label.truncate(limit - x, overflow="ellipsis")
            text.append_text(label)
        return text
