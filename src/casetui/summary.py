"""What the library table needs of a case, small enough to keep 10,000 in memory and on disk.

It holds no long text (the preview reads the full case on demand), so the index stays small.
A `Summary` is derived from a validated `Case` and cached in the user's cache folder, keyed on
each file's size and modification time, so a large library starts without parsing every file.
Full cases are parsed on demand.
"""

import datetime as dt
from collections.abc import Callable
from typing import Any, NamedTuple

from casetui import derive
from casetui.model import Case
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
    def from_row(cls, row: tuple[Any, ...], shared: dict[Any, Any] | None = None) -> "Summary":
        """Rebuild from `to_row` output; raises TypeError or ValueError on anything malformed.

        `shared` maps the parts of rows rebuilt so far to their values: types, dates and spans
        repeat across a library, and one immutable object each saves time and memory.
        Its keys cannot clash: texts are tuples of pairs, dates 5-tuples and spans pairs of ints.
        """
        (case_id, name, status, model_type, company, tags, launched, ended, lifespan, notice, events, finish, flags) = (
            row
        )
        if shared is None:
            shared = {None: None}
        model = _shared(shared, model_type, LText)
        maker = None if company is None else LText(company)
        start, end = _shared(shared, launched, _when_in), _shared(shared, ended, _when_in)
        life, warning = _shared(shared, lifespan, _span_in), _shared(shared, notice, _span_in)
        return cls(
            case_id,
            LText(name),
            status,
            model,
            maker,
            tags,
            start,
            end,
            life,
            warning,
            events,
            _shared(shared, finish, _when_in),
            bool(flags & 1),
            bool(flags & 2),
            bool(flags & 4),
            bool(flags & 8),
            bool(flags & 16),
        )


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


def _span_in(value: tuple[int, int]) -> Span:
    return Span(value[0], _UNITS[value[1]])


def _when_in(value: tuple[int, int, int, int, str | None]) -> When:
    year, month, day, precision, moment = value
    return When(year, month, day, _PRECISIONS[precision], None if moment is None else dt.datetime.fromisoformat(moment))


def _span_out(value: Span | None) -> tuple[int, int] | None:
    return None if value is None else (value.amount, int(value.unit))
