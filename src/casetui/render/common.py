"""What several output formats share: timeline rows and the mark on text shown in a fallback language.

Nothing here imports Rich, so the JSON, CSV and Markdown outputs stay light.
"""

from casetui import derive, i18n
from casetui.model import Case, Event, Service
from casetui.record import NamedTuple
from casetui.text import LText
from casetui.values import Shown
from casetui.when import Span

FALLBACK = "dim italic"
"""The style of the ` ⟨en⟩` after text shown in a fallback language."""
STATUS_STYLES = {
    "active": "green",
    "sunsetting": "yellow",
    "paused": "magenta",
    "shut-down": "red",
    "merged": "blue",
}
"""The colour of each status in a terminal."""


def fallback_mark(lang: str | None) -> str:
    """The suffix for text shown in a fallback language: ` ⟨en⟩`, or nothing."""
    return f" ⟨{lang}⟩" if lang else ""


def localized(value: LText | None, lang: str) -> tuple[str, str | None]:
    """A case text in `lang`, and the language it fell back to (None when it did not)."""
    if value is None:
        return "", None
    resolved = value.resolve(lang)
    return resolved.text, (resolved.lang if resolved.fallback else None)


def marked(value: LText | None, lang: str) -> str:
    """A case text in `lang`, with ` ⟨en⟩` appended when it is shown in a fallback language."""
    text, fallback = localized(value, lang)
    return text + fallback_mark(fallback)


def cell_fallback(cell: Shown) -> str | None:
    """The language a compare cell fell back to, read from its raw value as written."""
    if not cell.fallback:
        return None
    raw = cell.raw
    if isinstance(raw, dict) and raw:
        return "en" if "en" in raw else str(next(iter(raw)))
    return "en"


MISSING = "—"
"""What the text and Markdown compare tables show where a case lacks a row's value (CSV leaves the
cell empty and JSON writes null, as their readers expect): a blank cell in a row marked as differing
would look like a value lost in printing."""


def cell_text(cell: Shown | None, lang: str = "en") -> str:
    """A compare cell's display string with its fallback and scheduled marks, or "" when the case lacks the row."""
    if cell is None:
        return ""
    return cell.display + fallback_mark(cell_fallback(cell)) + scheduled_mark(cell.scheduled, lang)


class TimelineRow(NamedTuple):
    """One event with what the timeline views derive for it."""

    event: Event
    offset: Span | None
    """Distance from the first announcement (T-0); None when the case has no announcement."""
    to_shutdown: Span | None
    """What is left to the final shutdown; None when the case has no shutdown event."""
    stops: tuple[Service, ...]
    """Services this event switches off, in `[services]` order."""
    scheduled: bool = False
    """Dated after the case's `as_of`: announced, not confirmed."""
    offset_scheduled: bool = False
    """The T-offset rests on a scheduled date (this event or the announcement)."""
    to_shutdown_scheduled: bool = False
    """The time to shutdown rests on a scheduled date (this event or the final shutdown)."""


def timeline_rows(case: Case) -> list[TimelineRow]:
    """Every event in order, with T-offset, time to shutdown and the services it stops."""
    announced, shutdown = derive.announcement(case), derive.final_shutdown(case)
    announced_scheduled = announced is not None and derive.scheduled(case, announced)
    shutdown_scheduled = shutdown is not None and derive.scheduled(case, shutdown)
    rows = []
    for event in case.events:
        scheduled = derive.scheduled(case, event)
        offset = derive.t_offset(case, event)
        to_shutdown = derive.to_shutdown(case, event)
        rows.append(
            TimelineRow(
                event=event,
                offset=offset,
                to_shutdown=to_shutdown,
                stops=derive.services_ended_by(case, event) if event.ends else (),
                scheduled=scheduled,
                offset_scheduled=offset is not None and (scheduled or announced_scheduled),
                to_shutdown_scheduled=to_shutdown is not None and (scheduled or shutdown_scheduled),
            )
        )
    return rows


def scheduled_mark(scheduled: bool, lang: str) -> str:
    """The mark after a date or span that rests on a schedule: ` (scheduled)`, `（计划）`, or nothing."""
    return i18n.scheduled_mark(lang) if scheduled else ""
