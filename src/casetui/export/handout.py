"""What a handout says about a case in one language, before any format: the shape that the Markdown
and HTML handouts both render, so that the two never drift apart.

Case strings stay raw here (as `Resolved`, which keeps the language each one is in); every format
escapes them its own way. Sources are numbered in the order the handout first cites them, then the
sources nothing cites, so that footnote numbers read 1, 2, 3 down the page.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from casetui import derive
from casetui.export.words import kind_word, span_words, word
from casetui.i18n import label, model_label
from casetui.model import Case, Fact, Question, Quote
from casetui.render.common import cell_fallback, scheduled_mark, timeline_rows
from casetui.text import LText, Resolved
from casetui.values import show

Cites = tuple[int, ...]
"""Numbers of the sources a statement cites (1-based positions in `Handout.sources`)."""

_SAFE_LABEL = re.compile(r"^[A-Za-z0-9_-]{1,64}$")


def neutral(text: str) -> Resolved:
    """casetui's own string (a date, a label): no language of its own to mark."""
    return Resolved(text, None, False)


def pick(value: LText, lang: str) -> Resolved:
    """A case text in `lang`, remembering the language it came out in."""
    return value.resolve(lang)


def maybe(value: LText | None, lang: str) -> Resolved | None:
    """`pick` for optional texts."""
    return None if value is None else value.resolve(lang)


@dataclass(frozen=True, slots=True)
class Field:
    """One line of the overview: casetui's label and the case's value."""

    key: str
    label: str
    value: Resolved


@dataclass(frozen=True, slots=True)
class DimensionRow:
    """One `[model]` dimension, its value with unit, its note and citation."""

    label: Resolved
    value: Resolved
    note: str | None
    cites: Cites


@dataclass(frozen=True, slots=True)
class EventRow:
    """One timeline entry with what casetui derives for it."""

    anchor: str
    """Stable fragment id within the handout: `event-1`, `event-2`, …"""
    date: str
    iso: str
    offset: str | None
    kind: str
    kind_label: str
    title: Resolved
    detail: Resolved | None
    stops: tuple[Resolved, ...]
    cites: Cites
    scheduled: str = ""
    """The mark after a date later than `as_of` (` (scheduled)`, `（计划）`), or nothing."""


@dataclass(frozen=True, slots=True)
class ServiceRow:
    """A service and when the case switches it off."""

    id: str
    name: Resolved
    stopped: str | None
    """`2022-01-17 10:00 +08:00 (T+0)`, or None when no event stops it."""
    anchor: str | None
    """The event that stops it."""


@dataclass(frozen=True, slots=True)
class PhaseRow:
    """An era of the case."""

    title: Resolved
    start: str
    end: str | None


@dataclass(frozen=True, slots=True)
class QuoteRow:
    """A quote as said, and a translation when the case gives one."""

    original: Resolved
    translation: Resolved | None
    by: Resolved | None
    cites: Cites


@dataclass(frozen=True, slots=True)
class LessonRow:
    """A take-away."""

    text: Resolved
    cites: Cites


@dataclass(frozen=True, slots=True)
class QuestionRow:
    """A discussion prompt; `notes` is None unless trainer notes were asked for."""

    prompt: Resolved
    notes: Resolved | None
    event: EventRow | None


@dataclass(frozen=True, slots=True)
class SourceRow:
    """One entry of the handout's numbered source list."""

    number: int
    label: str
    """The Markdown footnote label: the source id when it is safe there, else `source-N`."""
    id: str
    title: Resolved
    publisher: Resolved | None
    author: Resolved | None
    date: str | None
    url: str | None
    note: Resolved | None
    cited: bool


@dataclass(frozen=True, slots=True)
class Handout:
    """Everything a handout shows, resolved in one language."""

    lang: str
    case_id: str
    status: str
    """The case's `status` as written (`shut-down`), for styling; the overview has its label."""
    name: Resolved
    other_name: Resolved | None
    """The case's name in one other language, shown beside the title."""
    summary: Resolved
    overview: tuple[Field, ...]
    reason: Resolved | None
    model_type: Resolved
    model_summary: Resolved | None
    dimensions: tuple[DimensionRow, ...]
    events: tuple[EventRow, ...]
    has_offsets: bool
    scheduled_legend: str | None
    """What the scheduled mark means, when an event carries it."""
    services: tuple[ServiceRow, ...]
    phases: tuple[PhaseRow, ...]
    quotes: tuple[QuoteRow, ...]
    lessons: tuple[LessonRow, ...]
    questions: tuple[QuestionRow, ...]
    sources: tuple[SourceRow, ...]
    as_of: str | None

    def source(self, number: int) -> SourceRow:
        """The source with this footnote number."""
        return self.sources[number - 1]


class _Citations:
    """Numbers sources in the order they are first cited."""

    def __init__(self, case: Case) -> None:
        self.case = case
        self.order: dict[str, int] = {}

    def cite(self, ids: Iterable[str | None]) -> Cites:
        numbers: list[int] = []
        for source_id in ids:
            if not source_id or self.case.source(source_id) is None:
                continue
            number = self.order.setdefault(source_id, len(self.order) + 1)
            if number not in numbers:
                numbers.append(number)
        return tuple(numbers)

    def rows(self, lang: str) -> tuple[SourceRow, ...]:
        """Every source of the case: cited ones by number, then the rest in file order."""
        ordered = sorted((s for s in self.case.sources if s.id in self.order), key=lambda s: self.order[s.id])
        ordered += [s for s in self.case.sources if s.id not in self.order]
        rows, labels = [], set()
        for number, source in enumerate(ordered, 1):
            tag = source.id if _SAFE_LABEL.match(source.id) else f"source-{number}"
            while tag in labels:
                tag += f"-{number}"
            labels.add(tag)
            rows.append(
                SourceRow(
                    number=number,
                    label=tag,
                    id=source.id,
                    title=pick(source.title, lang),
                    publisher=maybe(source.publisher, lang),
                    author=maybe(source.author, lang),
                    date=source.date.display() if source.date else None,
                    url=source.url,
                    note=maybe(source.note, lang),
                    cited=source.id in self.order,
                )
            )
        return tuple(rows)


def build(case: Case, lang: str, with_notes: bool = False) -> Handout:
    """The handout of `case` in `lang`; trainer notes only `with_notes`."""
    citations = _Citations(case)
    dimensions = _dimensions(case, lang, citations)
    events = _events(case, lang, citations)
    by_id = {event.id: row for event, row in zip(case.events, events, strict=True) if event.id}
    quotes = tuple(_quote(q, lang, citations) for q in case.quotes)
    lessons = tuple(LessonRow(pick(x.text, lang), citations.cite([x.source])) for x in case.lessons)
    name = pick(case.name, lang)
    return Handout(
        lang=lang,
        case_id=case.id,
        status=case.status,
        name=name,
        other_name=_other_language(case.name, name),
        summary=pick(case.summary, lang),
        overview=_overview(case, lang),
        reason=maybe(case.reason, lang),
        model_type=pick(case.model_type, lang),
        model_summary=maybe(case.model_summary, lang),
        dimensions=dimensions,
        events=events,
        has_offsets=any(row.offset for row in events),
        scheduled_legend=(
            word("scheduled_legend", lang, date=case.as_of.display())
            if case.as_of is not None and any(row.scheduled for row in events)
            else None
        ),
        services=_services(case, lang, events),
        phases=tuple(
            PhaseRow(pick(p.title, lang), p.start.display(), p.end.display() if p.end else None) for p in case.phases
        ),
        quotes=quotes,
        lessons=lessons,
        questions=tuple(_question(q, lang, with_notes, by_id) for q in case.questions),
        sources=citations.rows(lang),
        as_of=case.as_of.display() if case.as_of else None,
    )


def _other_language(value: LText, shown: Resolved) -> Resolved | None:
    """The first entry of `value` in another language than the one shown."""
    for entry_lang, text in value.entries:
        if entry_lang is not None and entry_lang != shown.lang and text.strip() != shown.text.strip():
            return Resolved(text, entry_lang, False)
    return None


def _marked(text: str, mark: str) -> str:
    """`text` with its scheduled mark, or "" when there is no text."""
    return text + mark if text else ""


def _overview(case: Case, lang: str) -> tuple[Field, ...]:
    def mark(scheduled: bool) -> str:
        return scheduled_mark(scheduled, lang)

    values: list[tuple[str, Resolved | None]] = [
        ("company", maybe(case.company, lang)),
        ("status", neutral(label(case.status, lang))),
        ("region", neutral(case.region) if case.region else None),
        ("tags", neutral(", ".join(case.tags)) if case.tags else None),
        ("launched", neutral(case.launched.display()) if case.launched else None),
        ("ended", neutral(case.ended.display() + mark(derive.is_scheduled(case, case.ended))) if case.ended else None),
        ("lifespan", neutral(_marked(span_words(derive.lifespan(case), lang), mark(derive.lifespan_scheduled(case))))),
        (
            "notice_period",
            neutral(_marked(span_words(derive.notice_period(case), lang), mark(derive.notice_scheduled(case)))),
        ),
    ]
    return tuple(Field(key, label(key, lang), value) for key, value in values if value is not None and value.text)


def _dimensions(case: Case, lang: str, citations: _Citations) -> tuple[DimensionRow, ...]:
    rows = []
    for key, value in case.dimensions:
        shown = show(value, lang)
        assert shown is not None  # a dimension always has a value
        name = pick(value.label, lang) if isinstance(value, Fact) and value.label else neutral(model_label(key, lang))
        rows.append(
            DimensionRow(
                label=name,
                value=Resolved(shown.display, cell_fallback(shown), shown.fallback),
                note=shown.note,
                cites=citations.cite(shown.sources),
            )
        )
    return tuple(rows)


def _events(case: Case, lang: str, citations: _Citations) -> tuple[EventRow, ...]:
    rows = []
    for position, row in enumerate(timeline_rows(case), 1):
        event = row.event
        rows.append(
            EventRow(
                anchor=f"event-{position}",
                date=event.date.display(),
                iso=event.date.iso(),
                offset=row.offset.offset(lang) if row.offset else None,
                kind=event.kind,
                kind_label=kind_word(event.kind, lang),
                title=pick(event.title, lang),
                detail=maybe(event.detail, lang),
                stops=tuple(pick(s.name, lang) for s in row.stops),
                cites=citations.cite(event.sources),
                scheduled=scheduled_mark(row.scheduled, lang),
            )
        )
    return tuple(rows)


def _services(case: Case, lang: str, events: tuple[EventRow, ...]) -> tuple[ServiceRow, ...]:
    stopped_by: dict[str, EventRow] = {}
    for event, row in zip(case.events, events, strict=True):
        for service_id in event.ends:
            stopped_by.setdefault(service_id, row)
    rows = []
    for service in case.services:
        row = stopped_by.get(service.id)
        when = None if row is None else row.date + row.scheduled + (f" ({row.offset})" if row.offset else "")
        rows.append(ServiceRow(service.id, pick(service.name, lang), when, row.anchor if row else None))
    return tuple(rows)


def _quote(quote: Quote, lang: str, citations: _Citations) -> QuoteRow:
    """The quote in the language it was said (the first one written) and a translation beside it.

    The translation is the reader's language; when the reader reads the original, it is another
    language the case gives (English first).
    """
    text = quote.text
    first_lang, first = text.entries[0]
    original = Resolved(first, first_lang, False)
    translation = None
    shown = text.resolve(lang)
    if first_lang is not None and shown.lang != first_lang:
        translation = Resolved(shown.text, shown.lang, False)
    elif first_lang is not None:
        others = [(tag, s) for tag, s in text.entries[1:] if tag is not None]
        others.sort(key=lambda entry: entry[0] != "en")
        if others:
            translation = Resolved(others[0][1], others[0][0], False)
    return QuoteRow(original, translation, maybe(quote.by, lang), citations.cite([quote.source]))


def _question(question: Question, lang: str, with_notes: bool, by_id: dict[str, EventRow]) -> QuestionRow:
    return QuestionRow(
        prompt=pick(question.prompt, lang),
        notes=maybe(question.notes, lang) if with_notes else None,
        event=by_id.get(question.event) if question.event else None,
    )
