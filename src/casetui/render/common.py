"""What several output formats share: timeline rows and the mark on text shown in a fallback language.

Nothing here imports Rich, so the JSON, CSV and Markdown outputs stay light.
"""

from casetui import derive
from casetui.model import Case, Event, Service
from casetui.record import NamedTuple
from casetui.text import LText
from casetui.values import Shown
from casetui.when import Span


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


def cell_text(cell: Shown | None) -> str:
    """A compare cell's display string with its fallback mark, or "" when the case lacks the row."""
    if cell is None:
        return ""
    return cell.display + fallback_mark(cell_fallback(cell))


class TimelineRow(NamedTuple):
    """One event with what the timeline views derive for it."""

    event: Event
    offset: Span | None
    """Distance from the first announcement (T-0); None when the case has no announcement."""
    to_shutdown: Span | None
    """What is left to the final shutdown; None when the case has no shutdown event."""
    stops: tuple[Service, ...]
    """Services this event switches off, in `[services]` order."""


def timeline_rows(case: Case) -> list[TimelineRow]:
    """Every event in order, with T-offset, time to shutdown and the services it stops."""
    return [
        TimelineRow(
            event=event,
            offset=derive.t_offset(case, event),
            to_shutdown=derive.to_shutdown(case, event),
            stops=derive.services_ended_by(case, event) if event.ends else (),
        )
        for event in case.events
    ]
