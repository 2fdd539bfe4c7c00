"""Small styled pieces shared by the app's views: status badges, dates, spans and source tags."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text

from casetui import i18n
from casetui.tui.labels import span_text, word
from casetui.tui.listing import BROKEN
from casetui.when import Precision, Span, When

STATUS_STYLES: dict[str, str] = {
    "active": "bold #3fa45b",
    "sunsetting": "bold #d08a1c",
    "paused": "bold #4a8fd4",
    "shut-down": "bold #d9534f",
    "merged": "bold #9b6ad1",
    BROKEN: "bold reverse #d9534f",
}
"""Mid-tone colours that read on both the dark and the light theme."""

STATUS_MARKS: dict[str, str] = {
    "active": "●",
    "sunsetting": "◐",
    "paused": "‖",
    "shut-down": "○",
    "merged": "◆",
    BROKEN: "✗",
}

SOURCE_STYLE = "dim italic"
SCHEDULED_STYLE = "italic #d08a1c"
"""The mark beside a date after the case's `as_of` (announced, not confirmed), in the sunsetting colour."""


def scheduled(text: Text, is_scheduled: bool, lang: str, own_line: bool = False) -> Text:
    """`text` with ` (scheduled)` / `（计划）` after it when `is_scheduled`; on a line of its own with `own_line`."""
    if is_scheduled:
        mark = i18n.scheduled_mark(lang)
        text.append("\n" + mark.strip() if own_line else mark, style=SCHEDULED_STYLE)
    return text


def status_text(status: str, lang: str) -> Text:
    """A status as a coloured badge: `● active`, `○ 已关停`, `✗ broken`."""
    name = word(BROKEN, lang) if status == BROKEN else i18n.label(status, lang)
    mark = STATUS_MARKS.get(status, "?")
    return Text(f"{mark} {name}", style=STATUS_STYLES.get(status, "bold"))


def when_text(when: When | None, compact: bool = False, stacked: bool = False) -> Text:
    """A date at its written precision.

    For a date-time, `compact` drops the time of day (narrow table cells) and `stacked` puts it
    on a second line, dimmed (timeline rows).
    """
    if when is None:
        return Text("—", style="dim")
    if when.precision is Precision.TIME and (compact or stacked):
        day = when.to_day().iso()
        if compact:
            return Text(day)
        return Text.assemble(day, "\n", (when.display().removeprefix(day).strip(), "dim"))
    return Text(when.display())


def span_cell(span: Span | None, lang: str, compact: bool = False) -> Text:
    """A span in words (short ones for table cells), or a dim dash."""
    if span is None:
        return Text("—", style="dim")
    return Text(span_text(span, lang, compact))


def sources_text(source_ids: Sequence[str]) -> Text:
    """Source ids as a dim tag, e.g. `[notice]`; literal text, never markup."""
    if not source_ids:
        return Text("")
    return Text("[" + ", ".join(source_ids) + "]", style=SOURCE_STYLE)
