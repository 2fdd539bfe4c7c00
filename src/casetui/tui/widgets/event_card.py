"""The current event of a sunset, and the discussion questions attached to it.

Both widgets only display what a `TimelineCursor` says; all case text goes through `safe`.
"""

from __future__ import annotations

from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.text import Text
from textual.widgets import Static

from casetui import derive
from casetui.model import Case, Question
from casetui.timeline import Hidden, TimelineCursor
from casetui.tui import safe
from casetui.tui.labels import is_zh, span_text
from casetui.tui.widgets.badges import scheduled
from casetui.tui.widgets.kinds import badge_style, kind_colour, kind_glyph, kind_label
from casetui.tui.wrapping import Wrapped
from casetui.when import Span, SpanUnit

_WORDS: dict[str, tuple[str, str]] = {
    "from_announcement": ("from the announcement", "距宣布"),
    "no_announcement": ("no announcement", "无关停公告"),
    "to_shutdown": ("to the final shutdown", "距最终关停"),
    "after_shutdown": ("after the final shutdown", "最终关停之后"),
    "at_shutdown": ("at the final shutdown", "最终关停时刻"),
    "no_shutdown": ("no shutdown in the timeline", "时间线中无关停"),
    # Worded so as not to say whether there is an announcement or a shutdown at all.
    "offset_hidden": ("from the announcement: hidden (no spoilers)", "距宣布：已隐藏（防剧透）"),
    "ending_hidden": ("to the final shutdown: hidden (no spoilers)", "距最终关停：已隐藏（防剧透）"),
    "stops_here": ("Stops here: ", "本步停止："),
    "source": ("Source: ", "来源："),
    "no_events": ("This case has no events yet.", "此案例尚无事件。"),
    "notes": ("Trainer notes: ", "讲师备注："),
    "notes_hidden": ("Trainer notes hidden · press r to reveal", "讲师备注已隐藏 · 按 r 显示"),
    "question": ("Discuss", "讨论"),
    "days": ("days", "天"),
    "months": ("months", "月"),
    "years": ("years", "年"),
    "hours": ("hours", "小时"),
    "minutes": ("minutes", "分钟"),
}


def word(key: str, lang: str) -> str:
    """One of this module's UI words in `lang`."""
    pair = _WORDS[key]
    return pair[1] if is_zh(lang) else pair[0]


def countdown(span: Span) -> tuple[int, str]:
    """A span as one whole number and its unit key, for large figures (`Digits` shows digits only)."""
    if span.unit is SpanUnit.YEAR:
        return span.amount, "years"
    if span.unit is SpanUnit.MONTH:
        return span.amount, "months"
    if span.unit is SpanUnit.DAY:
        return span.amount, "days"
    seconds = span.amount
    if abs(seconds) >= 86400 or seconds == 0:
        return int(seconds / 86400), "days"
    if abs(seconds) >= 3600:
        return int(seconds / 3600), "hours"
    return int(seconds / 60), "minutes"


def position_lines(cursor: TimelineCursor, lang: str) -> list[Text]:
    """`T+31d from the announcement` and `28 days to the final shutdown`, styled."""
    offset = cursor.shown_offset
    if isinstance(offset, Hidden):
        since = Text(word("offset_hidden", lang), style="dim italic")
    elif offset is None:
        since = Text(word("no_announcement", lang), style="dim")
    else:
        since = Text()
        since.append(offset.offset(lang), style="bold #d08a1c")
        since.append(f" {word('from_announcement', lang)}", style="dim")
    left = cursor.shown_to_shutdown
    if isinstance(left, Hidden):
        until = Text(word("ending_hidden", lang), style="dim italic")
    elif left is None:
        until = Text(word("no_shutdown", lang), style="dim")
    elif left.amount == 0:
        until = Text(word("at_shutdown", lang), style="bold #d9534f")
    elif left.amount < 0:
        until = Text()
        until.append(span_text(Span(-left.amount, left.unit), lang), style="bold")
        until.append(f" {word('after_shutdown', lang)}", style="dim")
    else:
        until = Text()
        until.append(span_text(left, lang), style="bold #d9534f")
        until.append(f" {word('to_shutdown', lang)}", style="dim")
    return [since, until]


class Head:
    """The kind badge and the date: on one line when they fit, else the date goes under the badge."""

    def __init__(self, badge: Text, date: Text) -> None:
        self.badge, self.date = badge, date

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        if self.badge.cell_len + 2 + self.date.cell_len <= options.max_width:
            yield Text.assemble(self.badge, "  ", self.date)
        else:
            yield self.badge
            yield self.date


class EventCard(Static):
    """The event under the cursor: kind, date, title and where it lies from the announcement and the end."""

    DEFAULT_CSS = """
    EventCard {
        height: auto;
        padding: 0 1;
    }
    """

    def show(self, cursor: TimelineCursor, lang: str, positions: bool = True) -> None:
        """Render the cursor's current event in `lang`; `positions=False` leaves the offsets to large figures."""
        event = cursor.event
        if event is None:
            self.update(Text(word("no_events", lang), style="dim italic"))
            return
        badge = Text(
            f" {kind_glyph(event.kind)} {kind_label(event.kind, lang).upper()} ", style=badge_style(event.kind)
        )
        date = scheduled(Text(event.date.display(), style="bold"), derive.scheduled(cursor.case, event), lang)
        head = Head(badge, date)
        title = safe.localized(event.title, lang, style=f"bold {kind_colour(event.kind)}")
        parts: list[RenderableType] = [head, Text(), Wrapped(title)]
        if positions:
            parts += position_lines(cursor, lang)
        self.update(Group(*parts))


class EventDetail(Static):
    """What happened at the current event, and the services it stops."""

    DEFAULT_CSS = """
    EventDetail {
        height: auto;
        padding: 0 1;
        margin: 1 0 0 0;
    }
    EventDetail.-empty {
        display: none;
    }
    """

    def show(self, cursor: TimelineCursor, lang: str) -> None:
        """Render the detail of the cursor's current event in `lang`."""
        event = cursor.event
        ended = derive.services_ended_by(cursor.case, event) if event is not None else ()
        parts: list[RenderableType] = []
        if event is not None and event.detail is not None:
            parts.append(Wrapped(safe.localized(event.detail, lang)))
        if ended:
            if parts:
                parts.append(Text())
            stops = Text(word("stops_here", lang), style="bold")
            for n, service in enumerate(ended):
                if n:
                    stops.append("  ")
                stops.append("✕ ", style="bold #d9534f")
                stops.append_text(safe.localized(service.name, lang))
            parts.append(Wrapped(stops))
        self.set_class(not parts, "-empty")
        self.update(Group(*parts))


class SourceList(Static):
    """Where the current event is told: under the questions, a footnote to what the room discusses."""

    DEFAULT_CSS = """
    SourceList {
        height: auto;
        padding: 0 1;
    }
    SourceList.-empty {
        display: none;
    }
    """

    def show(self, cursor: TimelineCursor, lang: str) -> None:
        """The sources of the cursor's current event, one line each."""
        event = cursor.event
        sources = event.sources if event is not None else ()
        self.set_class(not sources, "-empty")
        self.update(Wrapped(_sources_text(cursor.case, sources, lang)))


def _sources_text(case: Case, source_ids: tuple[str, ...], lang: str) -> Text:
    """`Source: Shutdown notice · Example Daily · 2022-01-18`, one line per source."""
    text = Text()
    for n, source_id in enumerate(source_ids):
        if n:
            text.append("\n")
        text.append(word("source", lang), style="dim")
        source = case.source(source_id)
        if source is None:
            text.append(source_id, style="italic")
            continue
        text.append_text(safe.localized(source.title, lang, style="italic"))
        if source.publisher is not None:
            text.append(" · ", style="dim")
            text.append_text(safe.localized(source.publisher, lang, style="dim"))
        if source.date is not None:
            text.append(f" · {source.date.display()}", style="dim")
    return text


class QuestionList(Static):
    """Discussion prompts for the current event; trainer notes stay hidden until revealed."""

    DEFAULT_CSS = """
    QuestionList {
        height: auto;
        padding: 0 1;
    }
    """

    def show(self, questions: tuple[Question, ...], lang: str, reveal: bool) -> None:
        """Render `questions`, with their notes only when `reveal` is set."""
        self.set_class(not questions, "-empty")
        lines: list[Wrapped] = []
        for question in questions:
            prompt = Text()
            prompt.append(f" {word('question', lang)} ", style="bold #ffffff on #9b6ad1")
            prompt.append(" ")
            prompt.append_text(safe.localized(question.prompt, lang, style="bold"))
            lines.append(Wrapped(prompt))
            if question.notes is None:
                continue
            if reveal:
                notes = Text()
                notes.append("  ▌", style="#9b6ad1")
                notes.append(word("notes", lang), style="bold")
                notes.append_text(safe.localized(question.notes, lang))
            else:
                notes = Text(f"  ▌{word('notes_hidden', lang)}", style="dim italic")
            lines.append(Wrapped(notes))
        self.update(Group(*lines))
