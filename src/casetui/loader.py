"""Read one case file: bytes to a validated `Case`, or a `CaseError` with every problem located.

Validation is written out by hand rather than with a schema library so that every message can
name the key path, the line and the nearest known key, and so that loading imports nothing
heavy. Nothing here imports a UI library.
"""

from __future__ import annotations

import datetime as dt
import math
import os
import re
import stat
from collections.abc import Callable, Iterable
from pathlib import Path

import tomli

from casetui.model import (
    EVENT_KINDS,
    FORMAT_VERSION,
    STATUSES,
    Case,
    Dimension,
    Event,
    Fact,
    Lesson,
    Phase,
    Question,
    Quote,
    Service,
    Source,
)
from casetui.problems import CaseError, Problem
from casetui.sanitize import clean
from casetui.text import LText
from casetui.when import Precision, When

TYPE_CHECKING = False  # typing's flag, without importing typing (see casetui.record)
if TYPE_CHECKING:
    from typing import Any

    from casetui.locate import KeyPath as Path_

MAX_BYTES = 1 << 20
ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
ID_MAX = 64
LANG_RE = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$")
BOM = b"\xef\xbb\xbf"

TOP_KEYS = ("format", "case", "model", "services", "events", "sources", "phases", "quotes", "lessons", "questions")
CASE_KEYS = ("id", "name", "company", "status", "summary", "region", "tags", "launched", "ended", "reason", "as_of")
MODEL_FIXED = ("type", "summary")
FACT_KEYS = ("value", "unit", "label", "note", "source")
EVENT_KEYS = ("date", "title", "kind", "detail", "id", "ends", "source")
SOURCE_KEYS = ("title", "publisher", "author", "date", "url", "note")
PHASE_KEYS = ("title", "start", "end")
QUOTE_KEYS = ("text", "by", "source")
LESSON_KEYS = ("text", "source")
QUESTION_KEYS = ("prompt", "notes", "event")


def valid_id(case_id: str) -> bool:
    """True for a well-formed case id (lowercase ASCII, digits, single hyphens, <= 64)."""
    return len(case_id) <= ID_MAX and ID_RE.fullmatch(case_id) is not None  # `$` alone lets a final newline in


def read_case(path: Path, display: str | None = None) -> Case:
    """Read and validate the case file at `path`; raise CaseError on any problem."""
    shown = display if display is not None else str(path)

    def fail(message: str, key: str = "file") -> CaseError:
        return CaseError([Problem(shown, None, key, message)])

    try:
        info = os.stat(path)
    except OSError as err:
        raise fail(f"cannot read: {err.strerror or err}") from None
    if stat.S_ISDIR(info.st_mode):
        raise fail("is a folder, not a case file")
    if not stat.S_ISREG(info.st_mode):
        raise fail("not a regular file; not read")
    if info.st_size > MAX_BYTES:
        raise fail(f"larger than 1 MiB ({info.st_size:,} bytes); not read")
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError as err:
        raise fail(f"cannot read: {err.strerror or err}") from None
    if len(data) > MAX_BYTES:
        raise fail("larger than 1 MiB; not read")
    return parse_case(data, path, shown)


def parse_case(data: bytes, path: Path, display: str | None = None) -> Case:
    """Validate the bytes of a case file whose id is the stem of `path`."""
    shown = display if display is not None else str(path)
    if data.startswith(BOM):
        data = data[len(BOM) :]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        byte = data[err.start : err.start + 1].hex()
        raise CaseError([Problem(shown, line, "file", f"not UTF-8 (byte 0x{byte})")]) from None
    try:
        doc = tomli.loads(text)
    except tomli.TOMLDecodeError as err:
        message = getattr(err, "msg", None) or str(err)
        line = getattr(err, "lineno", None)
        col = getattr(err, "colno", None)
        where = f" (column {col})" if col else ""
        raise CaseError([Problem(shown, line, "toml", f"{message}{where}")]) from None
    except RecursionError:
        raise CaseError([Problem(shown, _deep_line(text), "toml", "nested too deeply to read")]) from None
    return _Builder(shown, path, text).build(doc)


_DEEP = 100
"""Nesting depth of arrays and inline tables past which a line is the one to point at."""


def _deep_line(text: str) -> int | None:
    """The line on which arrays and inline tables first nest deeper than `_DEEP`, for a file tomli gave up on.

    tomli's RecursionError says nothing of where; this counts brackets outside strings and
    comments (enough for a file that was valid TOML up to there, which tomli has just read).
    """
    depth, line = 0, 1
    index, end = 0, len(text)
    while index < end:
        char = text[index]
        if char == "\n":
            line += 1
        elif char in "[{":
            depth += 1
            if depth > _DEEP:
                return line
        elif char in "]}":
            depth = max(0, depth - 1)
        elif char == "#":
            stop = text.find("\n", index)
            index = end if stop < 0 else stop
            continue
        elif char in "\"'":
            quote = text[index : index + 3] if text.startswith(char * 3, index) else char
            stop = index + len(quote)
            while True:
                stop = text.find(quote, stop)
                if stop < 0:
                    return None
                if char == "'" or text[stop - 1] != "\\" or _escaped_backslash(text, stop - 1):
                    break
                stop += 1
            line += text.count("\n", index, stop)
            index = stop + len(quote)
            continue
        index += 1
    return None


def _escaped_backslash(text: str, at: int) -> bool:
    """True when the backslash at `at` is itself escaped (an even run of backslashes ends there)."""
    run = 0
    while at >= 0 and text[at] == "\\":
        run += 1
        at -= 1
    return run % 2 == 0


def _type_name(value: object) -> str:
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int):
        return "an integer"
    if isinstance(value, float):
        return "a float"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dt.datetime):
        return "a date-time"
    if isinstance(value, dt.date):
        return "a date"
    if isinstance(value, dt.time):
        return "a time of day"
    return type(value).__name__


def suggest(word: str, choices: Iterable[str]) -> str:
    """` (did you mean "x"?)` for the nearest choice, or nothing."""
    import difflib  # only for a suggestion: it costs more to import than a case to parse

    match = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f' (did you mean "{match[0]}"?)' if match else ""


class _Invalid(Exception):
    """Raised inside the builder after a problem is recorded, to skip the broken value."""


class _Builder:
    """Walks a parsed document, building the model and recording every problem."""

    def __init__(self, shown: str, path: Path, text: str) -> None:
        self.shown = shown
        self.path = path
        self.document = text
        self.problems: list[tuple[Path_, str]] = []
        self.refs: list[tuple[Path_, str]] = []
        """Every `source` reference, checked once the sources are known."""
        self.declared: dict[str, set[str]] = {"sources": set(), "services": set()}
        """Ids written in `[sources]` and `[services]`, broken entries included: a broken entry gets
        its own error, not one more at every reference to it."""
        self.broken_events: list[Event] = []
        """Events missing a date or title, kept so their `ends` and `id` are still checked."""

    # -- recording -------------------------------------------------------------------------
    def problem(self, path: Path_, message: str) -> _Invalid:
        self.problems.append((path, message))
        return _Invalid()

    def located(self) -> list[Problem]:
        from casetui import locate  # only when there is a problem to report: valid files never need it

        lines = locate.key_lines(self.document)
        found = [
            Problem(self.shown, locate.line_of(lines, path), locate.format_path(path) or "(top)", message)
            for path, message in self.problems
        ]
        found.sort(key=lambda p: p.line or 0)
        return found

    # -- value checks ----------------------------------------------------------------------
    def table(self, value: object, path: Path_, allowed: tuple[str, ...] | None) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.problem(path, f"expected a table, got {_type_name(value)}")
        if allowed is not None:
            for key in value:
                if key not in allowed and not key.startswith("x_"):
                    self.problem(path + (key,), f'unknown key "{clean(key)}"{suggest(key, allowed)}')
        return value

    def array(self, value: object, path: Path_) -> list[Any]:
        if not isinstance(value, list):
            raise self.problem(path, f"expected an array, got {_type_name(value)}")
        return value

    def string(self, value: object, path: Path_) -> str:
        if not isinstance(value, str):
            raise self.problem(path, f"expected a string, got {_type_name(value)}")
        return clean(value)

    def text(self, value: object, path: Path_) -> LText:
        if isinstance(value, str):
            return LText.plain(clean(value))
        if isinstance(value, dict):
            entries: list[tuple[str | None, str]] = []
            for lang, item in value.items():
                if lang.startswith("x_"):
                    continue
                if not LANG_RE.match(lang):
                    raise self.problem(path + (lang,), f'"{clean(lang)}" is not a language tag (like en, zh, zh-Hant)')
                if not isinstance(item, str):
                    raise self.problem(path + (lang,), f"expected a string, got {_type_name(item)}")
                entries.append((lang, clean(item)))
            if not entries:
                raise self.problem(path, "empty text: give a string or at least one language")
            return LText(tuple(entries))
        raise self.problem(
            path, f"expected text (a string or a table like {{ en = …, zh = … }}), got {_type_name(value)}"
        )

    def when(self, value: object, path: Path_) -> When:
        if isinstance(value, (dt.date, str)):
            try:
                return When.from_toml(value)
            except ValueError as err:
                raise self.problem(path, clean(str(err))) from None
        raise self.problem(path, f'expected a date (2022-01-17, "2019-10" or "2019"), got {_type_name(value)}')

    def choice(self, value: object, path: Path_, choices: tuple[str, ...]) -> str:
        word = self.string(value, path)
        if word not in choices:
            raise self.problem(path, f'unknown value "{word}"{suggest(word, choices)}; one of: {", ".join(choices)}')
        return word

    def optional(self, table: dict[str, Any], key: str, path: Path_, check: Callable[[object, Path_], Any]) -> Any:
        if key not in table:
            return None
        try:
            return check(table[key], path + (key,))
        except _Invalid:
            return None

    def required(self, table: dict[str, Any], key: str, path: Path_, check: Callable[[object, Path_], Any]) -> Any:
        if key not in table:
            raise self.problem(path + (key,), "required key is missing")
        return check(table[key], path + (key,))

    def needed(self, table: dict[str, Any], key: str, path: Path_, check: Callable[[object, Path_], Any]) -> Any:
        """Like `required`, but record the problem and return None so sibling keys get checked too."""
        try:
            return self.required(table, key, path, check)
        except _Invalid:
            return None

    def source_ref(self, value: object, path: Path_) -> str:
        ref = self.string(value, path)
        self.refs.append((path, ref))
        return ref

    def source_refs(self, value: object, path: Path_) -> tuple[str, ...]:
        if isinstance(value, list):
            return tuple(self.source_ref(item, path + (i,)) for i, item in enumerate(value))
        return (self.source_ref(value, path),)

    def scalar(self, value: object, path: Path_) -> Any:
        """A dimension or fact value: number, boolean, text or when."""
        if isinstance(value, bool):
            return value
        if isinstance(value, (int, float)):
            if isinstance(value, float) and not math.isfinite(value):
                raise self.problem(path, "a number must be finite (not nan or inf)")
            return value
        if isinstance(value, dt.date):
            return self.when(value, path)
        if isinstance(value, (str, dict)):
            return self.text(value, path)
        raise self.problem(path, f"expected a number, boolean, text or date, got {_type_name(value)}")

    def fact(self, value: dict[str, Any], path: Path_) -> Fact:
        self.table(value, path, FACT_KEYS)
        raw = self.required(value, "value", path, self.scalar)
        return Fact(
            value=raw,
            unit=self.optional(value, "unit", path, self.string),
            label=self.optional(value, "label", path, self.text),
            note=self.optional(value, "note", path, self.text),
            source=self.optional(value, "source", path, self.source_ref),
        )

    def dimension(self, value: object, path: Path_) -> Dimension:
        if isinstance(value, dict) and "value" in value:
            return self.fact(value, path)
        if isinstance(value, dict) and any(key in FACT_KEYS for key in value):
            raise self.problem(path, 'a fact needs a "value" key')
        return self.scalar(value, path)

    # -- sections --------------------------------------------------------------------------
    def each(self, doc: dict[str, Any], key: str, build: Callable[[object, Path_, int], Any]) -> list[Any]:
        out: list[Any] = []
        if key not in doc:
            return out
        try:
            items = self.array(doc[key], (key,))
        except _Invalid:
            return out
        for index, item in enumerate(items):
            try:
                out.append(build(item, (key, index), index))
            except _Invalid:
                pass
        return out

    def event(self, item: object, path: Path_, index: int) -> Event:
        table = self.table(item, path, EVENT_KEYS)
        date = self.needed(table, "date", path, self.when)
        title = self.needed(table, "title", path, self.text)
        ends = self.optional(table, "ends", path, self.array) or []
        event = Event(
            index=index,
            date=date,
            title=title,
            kind=self.optional(table, "kind", path, lambda v, p: self.choice(v, p, EVENT_KINDS)) or "milestone",
            detail=self.optional(table, "detail", path, self.text),
            id=self.optional(table, "id", path, self.string),
            ends=self.strings(ends, path + ("ends",)),
            sources=self.optional(table, "source", path, self.source_refs) or (),
        )
        if date is None or title is None:
            self.broken_events.append(event)
            raise _Invalid()
        return event

    def strings(self, values: list[Any], path: Path_) -> tuple[str, ...]:
        """The strings of an array, each wrong element recorded at its own index."""
        out: list[str] = []
        for index, value in enumerate(values):
            try:
                out.append(self.string(value, path + (index,)))
            except _Invalid:
                pass
        return tuple(out)

    def phase(self, item: object, path: Path_, index: int) -> Phase:
        table = self.table(item, path, PHASE_KEYS)
        start = self.needed(table, "start", path, self.when)
        end = self.optional(table, "end", path, self.when)
        title = self.needed(table, "title", path, self.text)
        if start is None or title is None:
            raise _Invalid()
        if end is not None and _before(end, start):
            self.problem(path + ("end",), f"{end} is before the start {start}")
        return Phase(title=title, start=start, end=end)

    def quote(self, item: object, path: Path_, index: int) -> Quote:
        table = self.table(item, path, QUOTE_KEYS)
        return Quote(
            text=self.required(table, "text", path, self.text),
            by=self.optional(table, "by", path, self.text),
            source=self.optional(table, "source", path, self.source_ref),
        )

    def lesson(self, item: object, path: Path_, index: int) -> Lesson:
        table = self.table(item, path, LESSON_KEYS)
        return Lesson(
            text=self.required(table, "text", path, self.text),
            source=self.optional(table, "source", path, self.source_ref),
        )

    def question(self, item: object, path: Path_, index: int) -> Question:
        table = self.table(item, path, QUESTION_KEYS)
        return Question(
            prompt=self.required(table, "prompt", path, self.text),
            notes=self.optional(table, "notes", path, self.text),
            event=self.optional(table, "event", path, self.string),
        )

    def sources(self, doc: dict[str, Any]) -> list[Source]:
        out: list[Source] = []
        if "sources" not in doc:
            return out
        try:
            table = self.table(doc["sources"], ("sources",), None)
        except _Invalid:
            return out
        for source_id, item in table.items():
            if source_id.startswith("x_"):
                continue
            self.declared["sources"].add(clean(source_id))
            path: Path_ = ("sources", source_id)
            try:
                entry = self.table(item, path, SOURCE_KEYS)
                out.append(
                    Source(
                        id=clean(source_id),
                        title=self.required(entry, "title", path, self.text),
                        publisher=self.optional(entry, "publisher", path, self.text),
                        author=self.optional(entry, "author", path, self.text),
                        date=self.optional(entry, "date", path, self.when),
                        url=self.optional(entry, "url", path, self.string),
                        note=self.optional(entry, "note", path, self.text),
                    )
                )
            except _Invalid:
                pass
        return out

    def services(self, doc: dict[str, Any]) -> list[Service]:
        out: list[Service] = []
        if "services" not in doc:
            return out
        try:
            table = self.table(doc["services"], ("services",), None)
        except _Invalid:
            return out
        for service_id, name in table.items():
            if service_id.startswith("x_"):
                continue
            self.declared["services"].add(clean(service_id))
            try:
                out.append(Service(clean(service_id), self.text(name, ("services", service_id))))
            except _Invalid:
                pass
        return out

    def model(self, doc: dict[str, Any]) -> tuple[LText | None, LText | None, list[tuple[str, Dimension]]]:
        dims: list[tuple[str, Dimension]] = []
        try:
            table = self.required(doc, "model", (), lambda v, p: self.table(v, p, None))
        except _Invalid:
            return None, None, dims
        path: Path_ = ("model",)
        model_type = None
        try:
            model_type = self.required(table, "type", path, self.text)
        except _Invalid:
            pass
        summary = self.optional(table, "summary", path, self.text)
        for key, value in table.items():
            if key in MODEL_FIXED or key.startswith("x_"):
                continue
            try:
                dims.append((clean(key), self.dimension(value, path + (key,))))
            except _Invalid:
                pass
        return model_type, summary, dims

    # -- the whole document ----------------------------------------------------------------
    def build(self, doc: dict[str, Any]) -> Case:
        stem = self.path.stem
        for key in doc:
            if key not in TOP_KEYS and not key.startswith("x_"):
                self.problem((key,), f'unknown key "{clean(key)}"{suggest(key, TOP_KEYS)}')
        if not valid_id(stem):
            rule = f"use lowercase ASCII letters, digits and single hyphens, at most {ID_MAX} characters"
            self.problem((), f'bad case id "{clean(stem)}" (from the file name): {rule}')
        self.check_format(doc)
        info = self.case_table(doc)
        model_type, model_summary, dims = self.model(doc)
        services = self.services(doc)
        events = self.each(doc, "events", self.event)
        sources = self.sources(doc)
        phases = self.each(doc, "phases", self.phase)
        quotes = self.each(doc, "quotes", self.quote)
        lessons = self.each(doc, "lessons", self.lesson)
        questions = self.each(doc, "questions", self.question)
        self.cross_check(services, events, sources, questions)
        if self.problems or info is None or model_type is None:
            raise CaseError(self.located())
        events.sort(key=lambda e: e.date.sort_key)  # stable: ties keep file order
        return Case(
            id=stem,
            path=self.path,
            model_type=model_type,
            model_summary=model_summary,
            dimensions=tuple(dims),
            services=tuple(services),
            events=tuple(events),
            sources=tuple(sources),
            phases=tuple(phases),
            quotes=tuple(quotes),
            lessons=tuple(lessons),
            questions=tuple(questions),
            **info,
        )

    def check_format(self, doc: dict[str, Any]) -> None:
        if "format" not in doc:
            self.problem(("format",), f"required key is missing (write format = {FORMAT_VERSION} at the top)")
            return
        version = doc["format"]
        if isinstance(version, bool) or not isinstance(version, int):
            self.problem(("format",), f"expected an integer, got {_type_name(version)}")
        elif version > FORMAT_VERSION:
            self.problem(("format",), f"written for format {version}; this casetui reads {FORMAT_VERSION}")
        elif version < 1:
            self.problem(("format",), f"there is no format {version}; this casetui reads {FORMAT_VERSION}")

    def case_table(self, doc: dict[str, Any]) -> dict[str, Any] | None:
        path: Path_ = ("case",)
        try:
            table = self.required(doc, "case", (), lambda v, p: self.table(v, p, CASE_KEYS))
        except _Invalid:
            return None
        info: dict[str, Any] = {}
        failed = False
        for key, check in (
            ("name", self.text),
            ("status", lambda v, p: self.choice(v, p, STATUSES)),
            ("summary", self.text),
        ):
            info[key] = self.needed(table, key, path, check)
            failed = failed or info[key] is None
        case_id = self.optional(table, "id", path, self.string)
        if case_id is not None and case_id != self.path.stem:
            self.problem(path + ("id",), f'"{case_id}" does not match the file name "{clean(self.path.stem)}"')
        info["company"] = self.optional(table, "company", path, self.text)
        info["region"] = self.optional(table, "region", path, self.string)
        tags = self.optional(table, "tags", path, self.array) or []
        info["tags"] = self.strings(tags, path + ("tags",))
        info["launched"] = self.optional(table, "launched", path, self.when)
        info["ended"] = self.optional(table, "ended", path, self.when)
        info["reason"] = self.optional(table, "reason", path, self.text)
        info["as_of"] = self.optional(table, "as_of", path, self.when)
        if info["launched"] and info["ended"] and _before(info["ended"], info["launched"]):
            self.problem(path + ("ended",), f"{info['ended']} is before launched ({info['launched']})")
        return None if failed else info

    def cross_check(
        self, services: list[Service], events: list[Event], sources: list[Source], questions: list[Question]
    ) -> None:
        known_sources = {s.id for s in sources} | self.declared["sources"]
        for path, ref in self.refs:
            if ref not in known_sources:
                hint = suggest(ref, known_sources) or (" (no [sources] table)" if not known_sources else "")
                self.problem(path, f'source "{ref}" names no [sources] entry{hint}')
        known_services = {s.id for s in services} | self.declared["services"]
        seen: dict[str, int] = {}
        for event in sorted(events + self.broken_events, key=lambda e: e.index):
            path: Path_ = ("events", event.index)
            for i, service in enumerate(event.ends):
                if service not in known_services:
                    self.problem(
                        path + ("ends", i),
                        f'service "{service}" names no [services] entry{suggest(service, known_services)}',
                    )
            if event.id is not None:
                if event.id in seen:
                    self.problem(path + ("id",), f'duplicate event id "{event.id}" (also events[{seen[event.id]}])')
                else:
                    seen[event.id] = event.index
        for index, question in enumerate(questions):
            if question.event is not None and question.event not in seen:
                self.problem(
                    ("questions", index, "event"),
                    f'event "{question.event}" names no event id{suggest(question.event, seen)}',
                )


def _before(later: When, earlier: When) -> bool:
    """True when `later` is strictly before `earlier`, compared at the coarser precision."""
    precision = min(later.precision, earlier.precision)
    if precision is Precision.TIME:
        a, b = later.moment, earlier.moment
        if a is not None and b is not None and a.tzinfo is not None and b.tzinfo is not None:
            return a < b  # Both with offsets: compare the instants, not the wall clocks.
        return later.sort_key < earlier.sort_key
    return later.truncated(precision) < earlier.truncated(precision)
