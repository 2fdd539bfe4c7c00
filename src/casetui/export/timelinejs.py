"""A case's timeline as TimelineJS3 JSON (https://timeline.knightlab.com/docs/json-format.html).

Dates keep their written precision: a `"2019"` event gives only `year`, never an invented month or
day; `display_date` is casetui's own display of the date. TimelineJS renders `headline` and `text`
as HTML, so every case string is escaped, and links are made only from a source's http(s) URL.
Event kinds become `group`s, phases become `eras`, and the case's name and summary the title slide.
"""

from __future__ import annotations

import json
import re
from html import escape
from typing import Any

from casetui import derive
from casetui.export.urls import safe_url
from casetui.export.words import colon, kind_word, list_sep, word
from casetui.i18n import label
from casetui.model import Case, Event, Phase
from casetui.render.common import scheduled_mark, timeline_rows
from casetui.text import LText
from casetui.when import Precision, When

_SAFE_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class NoEvents(ValueError):
    """TimelineJS refuses a timeline without events."""


def timeline_document(case: Case, lang: str, with_notes: bool = False) -> dict[str, Any]:
    """The TimelineJS3 data object for `case`: title slide, events and eras.

    Raises `NoEvents` for a case without events. With `with_notes`, the trainer notes of the
    questions tied to an event are shown on its slide (the prompts always are).
    """
    if not case.events:
        raise NoEvents(f"{case.id} has no events; a TimelineJS timeline needs at least one")
    questions: dict[str, list[str]] = {}
    for question in case.questions:
        if question.event:
            html = f"<strong>{_esc(word('question', lang) + colon(lang))}</strong>{_text(question.prompt, lang)}"
            if with_notes and question.notes is not None:
                html += f"<br><em>{_esc(word('trainer_notes', lang) + colon(lang))}</em>{_text(question.notes, lang)}"
            questions.setdefault(question.event, []).append(f"<p>{html}</p>")
    events = []
    used: set[str] = {case.id}
    for position, row in enumerate(timeline_rows(case), 1):
        event = row.event
        parts = _paragraphs(event.detail, lang)
        meta = [f"<strong>{_esc(row.offset.offset())}</strong>"] if row.offset else []
        if row.scheduled:  # Also in `display_date`, which some TimelineJS layouts do not show.
            meta.append(f"<em>{_esc(word('scheduled_note', lang))}</em>")
        if row.stops:
            names = list_sep(lang).join(_text(s.name, lang) for s in row.stops)
            meta.append(f"{_esc(word('stops_here', lang) + colon(lang))}{names}")
        if meta:
            parts.append("<p>" + " · ".join(meta) + "</p>")
        parts += questions.get(event.id or "", [])
        parts += _citations(case, event, lang)
        events.append(
            {
                "start_date": date_object(event.date, scheduled_mark(row.scheduled, lang)),
                "text": {"headline": _text(event.title, lang), "text": "".join(parts)},
                "group": kind_word(event.kind, lang),
                "unique_id": _unique_id(case, event, position, used),
            }
        )
    document: dict[str, Any] = {"title": _title_slide(case, lang), "events": events}
    eras = [era for phase in case.phases if (era := _era(case, phase, lang)) is not None]
    if eras:
        document["eras"] = eras
    return document


def timelinejs_json(case: Case, lang: str, with_notes: bool = False) -> str:
    """`timeline_document` as JSON text (UTF-8, indented, ending in a newline)."""
    return json.dumps(timeline_document(case, lang, with_notes), ensure_ascii=False, indent=2) + "\n"


def date_object(when: When, mark: str = "") -> dict[str, Any]:
    """A TimelineJS date at the precision written, with casetui's display of it (and `mark` after it:
    ` (scheduled)` for a date after `as_of`)."""
    date: dict[str, Any] = {"year": when.year}
    if when.precision >= Precision.MONTH:
        date["month"] = when.month
    if when.precision >= Precision.DAY:
        date["day"] = when.day
    if when.precision is Precision.TIME and when.moment is not None:
        # Wall-clock time as written; the offset is in `display_date` (TimelineJS has no time zones).
        date["hour"] = when.moment.hour
        date["minute"] = when.moment.minute
        if when.moment.second:
            date["second"] = when.moment.second
    date["display_date"] = when.display() + mark
    return date


# -- pieces ----------------------------------------------------------------------------------


def _esc(text: str) -> str:
    return escape(text.replace("\r", ""), quote=True)


def _lines(text: str) -> str:
    """Escaped text with its line breaks kept as `<br>`."""
    return "<br>".join(_esc(line.strip()) for line in text.replace("\r", "").strip().split("\n"))


def _mark(value: LText, lang: str) -> str:
    """` ⟨en⟩` after text shown in a fallback language."""
    resolved = value.resolve(lang)
    return f" ⟨{_esc(resolved.lang)}⟩" if resolved.fallback and resolved.lang else ""


def _text(value: LText, lang: str) -> str:
    """A case text in `lang`, escaped for TimelineJS's HTML, line breaks kept."""
    return _lines(value.get(lang)) + _mark(value, lang)


def _paragraphs(value: LText | None, lang: str) -> list[str]:
    """A case text as `<p>` blocks: blank lines part them."""
    if value is None:
        return []
    blocks = [b for b in re.split(r"\n\s*\n", value.get(lang).replace("\r", "").strip()) if b.strip()]
    return [f"<p>{_lines(block)}{_mark(value, lang) if last else ''}</p>" for last, block in _last(blocks)]


def _last(items: list[str]) -> list[tuple[bool, str]]:
    return [(i == len(items) - 1, item) for i, item in enumerate(items)]


def _citations(case: Case, event: Event, lang: str) -> list[str]:
    items = []
    for source_id in event.sources:
        source = case.source(source_id)
        if source is None:
            continue
        title = f"<cite>{_text(source.title, lang)}</cite>"
        url = safe_url(source.url)
        if url:
            title = f'<a href="{_esc(url)}" target="_blank" rel="noreferrer">{title}</a>'
        bits = [title] + [_text(x, lang) for x in (source.publisher, source.author) if x is not None]
        if source.date is not None:
            bits.append(_esc(source.date.display()))
        items.append(", ".join(bits))
    if not items:
        return []
    return [f"<p><small>{_esc(word('source', lang) + colon(lang))}{'; '.join(items)}</small></p>"]


def _title_slide(case: Case, lang: str) -> dict[str, Any]:
    facts = [_text(case.company, lang)] if case.company is not None else []
    facts.append(_esc(label(case.status, lang)))
    if case.launched is not None:
        finish = derive.end(case)
        span = case.launched.display()
        if finish is not None:
            span += f" – {finish.date.display()}{scheduled_mark(finish.scheduled, lang)}"
        facts.append(_esc(span))
    text = "".join(_paragraphs(case.summary, lang)) + "<p>" + " · ".join(facts) + "</p>"
    return {"text": {"headline": _text(case.name, lang), "text": text}, "unique_id": case.id}


def _era(case: Case, phase: Phase, lang: str) -> dict[str, Any] | None:
    """The phase as an era; an open-ended one runs to the case's last date (its end or last event).

    TimelineJS requires an end after the start, so an era that would end where it starts is left out.
    """
    end = phase.end
    if end is None:
        candidates = [case.events[-1].date] + ([case.ended] if case.ended else [])
        end = max(candidates, key=lambda w: w.sort_key)
    if end.sort_key <= phase.start.sort_key:
        return None
    return {
        "start_date": date_object(phase.start),
        "end_date": date_object(end),
        "text": {"headline": _text(phase.title, lang), "text": ""},
    }


def _unique_id(case: Case, event: Event, position: int, used: set[str]) -> str:
    """`<case>--<event id>`, or `<case>--<position>` when the event has no id fit for a URL fragment."""
    base = f"{case.id}--{event.id}" if event.id and _SAFE_ID.match(event.id) else f"{case.id}--{position}"
    unique, n = base, 1
    while unique in used:
        n += 1
        unique = f"{base}-{n}"
    used.add(unique)
    return unique
