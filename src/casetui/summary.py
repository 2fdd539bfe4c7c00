"""What the library table needs of a case, small enough to keep 10,000 in memory and on disk.

It holds no long text (the preview reads the full case on demand), so the index stays small.
A `Summary` is derived from a validated `Case` and cached in the user's cache folder, keyed on
what a stat of the file gives (`casetui.index_cache`), so a large library starts without parsing every file.
Full cases are parsed on demand.
"""

import datetime as dt
from collections.abc import Callable
from typing import Any, NamedTuple

from casetui import derive
from casetui.model import STATUSES, Case
from casetui.text import LText
from casetui.when import Precision, Span, SpanUnit, When


class Summary(NamedTuple):
    """The list-level facts of one case (a record: see `casetui.model` on why a NamedTuple)."""

    id: str
    name: LText
    status: str
    model_type: LText
    company: LText | None = None
    tags: tuple[str, ...] = ()
    launched: When | None = None
    ended: When | None = None
    lifespan: Span | None = None
    notice: Span | None = None
    events: int = 0
    end: When | None = None
    """`ended`, or else the final shutdown's date (`derive.end`)."""
    end_derived: bool = False
    end_scheduled: bool = False
    lifespan_scheduled: bool = False
    notice_scheduled: bool = False
    premature: bool = False
    """`casetui validate` has a warning for it (`derive.premature`): read the file only then."""

    @classmethod
    def from_case(cls, case: Case) -> "Summary":
        """The summary of a loaded case."""
        finish = derive.end(case)
        return cls(
            id=case.id,
            name=case.name,
            status=case.status,
            model_type=case.model_type,
            company=case.company,
            tags=case.tags,
            launched=case.launched,
            ended=case.ended,
            lifespan=derive.lifespan(case),
            notice=derive.notice_period(case),
            events=len(case.events),
            end=None if finish is None else finish.date,
            end_derived=finish is not None and finish.derived,
            end_scheduled=finish is not None and finish.scheduled,
            lifespan_scheduled=derive.lifespan_scheduled(case),
            notice_scheduled=derive.notice_scheduled(case),
            premature=bool(derive.premature(case)),
        )

    def search_blob(self) -> str:
        """Id, names in every language, company and tags, case-folded, for search."""
        parts = [self.id, self.name.search_blob(), " ".join(self.tags).casefold()]
        if self.company is not None:
            parts.append(self.company.search_blob())
        return " ".join(parts)

    # -- cache form ------------------------------------------------------------------------
    def to_row(self) -> tuple[Any, ...]:
        """A compact form of plain tuples and strings, for the index cache."""
        return (
            self.id,
            self.name.entries,
            self.status,
            self.model_type.entries,
            None if self.company is None else self.company.entries,
            self.tags,
            _when_out(self.launched),
            _when_out(self.ended),
            _span_out(self.lifespan),
            _span_out(self.notice),
            self.events,
            _when_out(self.end),
            # Five flags in one small int: 10,000 rows of five booleans would cost the index more.
            self.end_derived
            | self.end_scheduled << 1
            | self.lifespan_scheduled << 2
            | self.notice_scheduled << 3
            | self.premature << 4,
        )

    @classmethod
    def from_row(cls, row: tuple[Any, ...], shared: dict[str, dict[Any, Any]] | None = None) -> "Summary":
        """Rebuild from `to_row` output; raises TypeError or ValueError on anything malformed.

        The row comes from a file on disk that anything may have damaged, so every part is checked
        for its exact shape and type (a wrong-typed part would otherwise fail later, on every run,
        wherever it is shown). `shared` maps the parts of rows rebuilt so far to their values, one
        map per kind of part: types, dates and spans repeat across a library, and one immutable
        object each saves time and memory (and checks each distinct part once). Kinds are kept
        apart so that a damaged row cannot pass a date off as a text.
        """
        if type(row) is not tuple or len(row) != 13:
            raise ValueError("a summary row has 13 parts")
        (case_id, name, status, model_type, company, tags, launched, ended, lifespan, notice, events, finish, flags) = (
            row
        )
        if status not in _STATUSES or type(events) is not int or events < 0 or type(tags) is not tuple:
            raise ValueError("bad status, event count or tags")
        if type(flags) is not int or not 0 <= flags < 32:
            raise ValueError("the flags are five bits")
        if shared is None:
            shared = new_shared()
        texts, whens, spans = shared["text"], shared["when"], shared["span"]
        strings = [case_id, *tags]
        title = _text_parts(name, strings)
        maker = None if company is None else _text_parts(company, strings)
        _check_strings(strings)
        model = _shared(texts, model_type, _text_in)
        start, end = _shared(whens, launched, _when_in), _shared(whens, ended, _when_in)
        life, warning = _shared(spans, lifespan, _span_in), _shared(spans, notice, _span_in)
        return cls(
            case_id,
            title,
            status,
            model,
            maker,
            tags,
            start,
            end,
            life,
            warning,
            events,
            _shared(whens, finish, _when_in),
            bool(flags & 1),
            bool(flags & 2),
            bool(flags & 4),
            bool(flags & 8),
            bool(flags & 16),
        )


_STATUSES = frozenset(STATUSES)


def new_shared() -> dict[str, dict[Any, Any]]:
    """Empty maps of rebuilt parts for `Summary.from_row`, one per kind (an absent part, None, stays None)."""
    return {"text": {None: None}, "when": {None: None}, "span": {None: None}}


def _check_strings(strings: list[Any]) -> None:
    """Raise unless every item is a string a case file could hold, checked in one go (10,000 rows at a start).

    `join` raises TypeError for anything but a string; `encode` raises UnicodeEncodeError (a ValueError)
    for a lone surrogate, which no case file can hold and no terminal can print.
    """
    "\x00".join(strings).encode("utf-8")


def _text_parts(raw: Any, strings: list[Any]) -> LText:
    """The text `raw` stands for, its shape checked; its strings are added to `strings` to check."""
    if type(raw) is not tuple or not raw:
        raise ValueError("a text is a non-empty tuple")
    for pair in raw:
        if type(pair) is not tuple or len(pair) != 2:
            raise ValueError("a text entry is a pair")
        if pair[0] is not None:
            strings.append(pair[0])
        strings.append(pair[1])
    return LText(raw)


def _text_in(raw: Any) -> LText:
    strings: list[Any] = []
    text = _text_parts(raw, strings)
    _check_strings(strings)
    return text


# Enum lookups by value are slow at 10,000 rows; index a tuple instead.
_PRECISIONS = (None, *Precision)
_UNITS = (None, *SpanUnit)


def _when_out(value: When | None) -> tuple[int, int, int, int, str | None] | None:
    if value is None:
        return None
    moment = None if value.moment is None else value.moment.isoformat()
    return (value.year, value.month, value.day, int(value.precision), moment)


def _shared(shared: dict[Any, Any], raw: Any, build: Callable[[Any], Any]) -> Any:
    """The value rebuilt from `raw` by `build`, built once for each distinct `raw` (None stays None)."""
    try:
        return shared[raw]
    except KeyError:
        value = shared[raw] = build(raw)
        return value


def _span_in(value: Any) -> Span:
    if type(value) is not tuple or len(value) != 2 or type(value[0]) is not int or type(value[1]) is not int:
        raise ValueError("a span is two ints")
    if not 1 <= value[1] < len(_UNITS):  # 0 and negative indexes would pick None or wrap around
        raise ValueError("no such span unit")
    return Span(value[0], _UNITS[value[1]])


def _when_in(value: Any) -> When:
    if type(value) is not tuple or len(value) != 5:
        raise ValueError("a when has five parts")
    year, month, day, precision, moment = value
    if type(year) is not int or type(month) is not int or type(day) is not int or type(precision) is not int:
        raise ValueError("a when's numbers are ints")
    dt.date(year, month, day)  # ValueError when there is no such day
    if not 1 <= precision < len(_PRECISIONS):
        raise ValueError("no such precision")
    if (precision == Precision.TIME) != (type(moment) is str) or (moment is not None and type(moment) is not str):
        raise ValueError("a time, and only a time, has a moment")
    return When(year, month, day, _PRECISIONS[precision], None if moment is None else dt.datetime.fromisoformat(moment))


def _span_out(value: Span | None) -> tuple[int, int] | None:
    return None if value is None else (value.amount, int(value.unit))
