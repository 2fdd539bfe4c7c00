"""The typed, immutable case model. Imports nothing from any UI library."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from casetui.text import LText
from casetui.when import When

FORMAT_VERSION = 1

STATUSES = ("active", "sunsetting", "paused", "shut-down", "merged")
EVENT_KINDS = (
    "launch",
    "milestone",
    "growth",
    "partnership",
    "financial",
    "regulatory",
    "announcement",
    "service-stop",
    "shutdown",
    "migration",
    "other",
)

Scalar = int | float | bool | LText | When
"""A model dimension's raw value: number, boolean, text or when."""


@dataclass(frozen=True, slots=True)
class Fact:
    """A value with its unit, label, note and source."""

    value: Scalar
    unit: str | None = None
    label: LText | None = None
    note: LText | None = None
    source: str | None = None


Dimension = int | float | bool | LText | When | Fact


@dataclass(frozen=True, slots=True)
class Source:
    """A document the case's facts come from."""

    id: str
    title: LText
    publisher: LText | None = None
    author: LText | None = None
    date: When | None = None
    url: str | None = None
    note: LText | None = None


@dataclass(frozen=True, slots=True)
class Service:
    """Something users could do, switched off by events in the sunset."""

    id: str
    name: LText


@dataclass(frozen=True, slots=True)
class Event:
    """One entry of the timeline."""

    index: int
    """Position in the file, 0-based; ties in date keep this order."""
    date: When
    title: LText
    kind: str = "milestone"
    detail: LText | None = None
    id: str | None = None
    ends: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Phase:
    """An era that groups part of the timeline."""

    title: LText
    start: When
    end: When | None = None


@dataclass(frozen=True, slots=True)
class Quote:
    """Something somebody said, with its source."""

    text: LText
    by: LText | None = None
    source: str | None = None


@dataclass(frozen=True, slots=True)
class Lesson:
    """A take-away for discussion."""

    text: LText
    source: str | None = None


@dataclass(frozen=True, slots=True)
class Question:
    """A discussion prompt, with trainer notes hidden until revealed."""

    prompt: LText
    notes: LText | None = None
    event: str | None = None


@dataclass(frozen=True, slots=True)
class Case:
    """One platform case study, as read from one file."""

    id: str
    path: Path
    name: LText
    status: str
    summary: LText
    model_type: LText
    company: LText | None = None
    region: str | None = None
    tags: tuple[str, ...] = ()
    launched: When | None = None
    ended: When | None = None
    reason: LText | None = None
    as_of: When | None = None
    model_summary: LText | None = None
    dimensions: tuple[tuple[str, Dimension], ...] = ()
    """The `[model]` comparison dimensions in file order."""
    services: tuple[Service, ...] = ()
    events: tuple[Event, ...] = ()
    """Sorted by date; ties keep file order."""
    sources: tuple[Source, ...] = ()
    phases: tuple[Phase, ...] = ()
    quotes: tuple[Quote, ...] = ()
    lessons: tuple[Lesson, ...] = ()
    questions: tuple[Question, ...] = ()
    _source_index: dict[str, Source] = field(default_factory=dict, compare=False, repr=False)

    def source(self, source_id: str) -> Source | None:
        """The source with this id, if the case has it."""
        if not self._source_index and self.sources:
            self._source_index.update((s.id, s) for s in self.sources)
        return self._source_index.get(source_id)

    def service(self, service_id: str) -> Service | None:
        """The service with this id, if the case has it."""
        return next((s for s in self.services if s.id == service_id), None)

    def event(self, event_id: str) -> Event | None:
        """The event with this id, if any."""
        return next((e for e in self.events if e.id == event_id), None)

    def search_blob(self) -> str:
        """Names in every language, company, id and tags, case-folded, for search."""
        parts = [self.id, self.name.search_blob(), " ".join(self.tags).casefold()]
        if self.company is not None:
            parts.append(self.company.search_blob())
        return " ".join(parts)


def today() -> dt.date:
    """Today's date; one place to change for tests of `sunsetting` cases."""
    return dt.date.today()
