"""The typed, immutable case model. Imports nothing from any UI library.

Records are named tuples, not dataclasses, because every CLI start builds them. The
dataclasses module imports `inspect` (and with it ast, dis and tokenize), and each frozen slotted
dataclass generates and compiles its methods when its class is made; a NamedTuple class costs a
sixth of that. Measured with callgrind (Python 3.11): importing the modules that define records
(model, when, text, values, compare, derive, render.common, problems) took 132M instructions with
dataclasses and takes 40M as NamedTuples, typing included. That was the largest part of taking
`casetui compare A B --format json` from 326M to 180M (a bare Python parsing the two files: 108M).
They are made by `casetui.record.NamedTuple`, which is typing's without importing typing: that
took the same command from 186M to 167M (the bare Python: 113M).

What follows from tuples, for code that handles these records:
- a record is a tuple: test for a record type before testing for `tuple` (see `values.show`);
- a record equals a plain tuple, or a record of another type, holding the same values;
- fields cannot start with `_`, defaults must be immutable, and `_replace` replaces `dataclasses.replace`.
No `from __future__ import annotations` in modules that define records, so that the field types
stay real objects, as typing.NamedTuple would keep them.
"""

import datetime as dt
from functools import cached_property
from pathlib import Path

from casetui.record import NamedTuple
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


class Fact(NamedTuple):
    """A value with its unit, label, note and source."""

    value: Scalar
    unit: str | None = None
    label: LText | None = None
    note: LText | None = None
    source: str | None = None


Dimension = int | float | bool | LText | When | Fact


class Source(NamedTuple):
    """A document the case's facts come from."""

    id: str
    title: LText
    publisher: LText | None = None
    author: LText | None = None
    date: When | None = None
    url: str | None = None
    note: LText | None = None


class Service(NamedTuple):
    """Something users could do, switched off by events in the sunset."""

    id: str
    name: LText


class Event(NamedTuple):
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


class Phase(NamedTuple):
    """An era that groups part of the timeline."""

    title: LText
    start: When
    end: When | None = None


class Quote(NamedTuple):
    """Something somebody said, with its source."""

    text: LText
    by: LText | None = None
    source: str | None = None


class Lesson(NamedTuple):
    """A take-away for discussion."""

    text: LText
    source: str | None = None


class Question(NamedTuple):
    """A discussion prompt, with trainer notes hidden until revealed."""

    prompt: LText
    notes: LText | None = None
    event: str | None = None


class _CaseFields(NamedTuple):
    """The fields of a case; `Case` adds its lookups."""

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


class Case(_CaseFields):
    """One platform case study, as read from one file.

    A subclass without `__slots__`, so that each case has an instance dict for what is looked up
    again and again: exports and the app look a source up for every citation, and T-0 for every
    event, and a case may have thousands of each. Equality and hashing stay those of the fields.
    """

    @cached_property
    def _source_index(self) -> dict[str, Source]:
        return {s.id: s for s in self.sources}

    @cached_property
    def first_announcement(self) -> Event | None:
        """The first `announcement` event (T-0 of `casetui.derive`), found once."""
        return next((e for e in self.events if e.kind == "announcement"), None)

    @cached_property
    def last_shutdown(self) -> Event | None:
        """The last `shutdown` event, found once."""
        return next((e for e in reversed(self.events) if e.kind == "shutdown"), None)

    def source(self, source_id: str) -> Source | None:
        """The source with this id, if the case has it."""
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
