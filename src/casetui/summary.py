"""What the library table needs of a case, small enough to keep 10,000 in memory and on disk.

It holds no long text (the preview reads the full case on demand), so the index stays small.
A `Summary` is derived from a validated `Case` and cached in the user's cache folder, keyed on
what a stat of the file gives (`casetui.index_cache`), so a large library starts without parsing every file.
Full cases are parsed on demand.
"""

import datetime as dt
from functools import partial
from itertools import chain
from operator import itemgetter

from casetui import derive
from casetui.loader import ID_MAX
from casetui.model import STATUSES, Case
from casetui.record import NamedTuple
from casetui.text import LText
from casetui.when import Precision, Span, SpanUnit, When

TYPE_CHECKING = False  # typing's flag, without importing typing (see casetui.record)
if TYPE_CHECKING:
    from collections.abc import Callable, Iterable
    from typing import Any


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
    def to_row(self) -> "tuple[Any, ...]":
        """A compact form of plain tuples, strings and ints: what the index stores of one summary."""
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
    def from_row(cls, row: "tuple[Any, ...]") -> "Summary":
        """Rebuild one summary from `to_row` output; raises TypeError or ValueError on anything malformed."""
        if type(row) is not tuple or len(row) != ROW_PARTS:
            raise ValueError(f"a summary row has {ROW_PARTS} parts")
        columns = tuple([part] if at in RAW else ([part], [0]) for at, part in enumerate(row[1:]))
        return from_columns([row[0]], columns)[0]


_STATUSES = frozenset(STATUSES)
ROW_PARTS = 13
"""The parts of a row (`Summary.to_row`): the id, then one part for each of the index's columns."""
RAW = frozenset({0, 3})
"""The columns that are not coded (`to_columns`), the names and the companies: each case has its own."""


def to_columns(summaries: "Iterable[Summary]") -> "tuple[Any, ...]":
    """The rows of `summaries` (`Summary.to_row`) column by column, ids left out (the index's keys give them).

    The names and companies are lists of parts (`RAW`). Every other column is coded: a table of its
    distinct parts, and for each case the position of its part in it. Types, dates, spans, tags,
    counts and flags repeat across a library: each distinct part is then read, checked and built once.
    """
    rows = [summary.to_row()[1:] for summary in summaries]
    columns = zip(*rows, strict=True) if rows else [()] * (ROW_PARTS - 1)
    return tuple(list(column) if at in RAW else _coded(column) for at, column in enumerate(columns))


def _coded(column: "Iterable[Any]") -> "tuple[list[Any], list[int] | bytes]":
    """A table of the distinct parts and each part's position in it: one byte each when the table is
    small enough, as it nearly always is (marshal then reads one object rather than 10,000 ints)."""
    table: dict[Any, int] = {}
    positions = [table.setdefault(part, len(table)) for part in column]
    return list(table), bytes(positions) if len(table) <= 256 else positions


def from_columns(ids: "list[str]", columns: object) -> "list[Summary]":
    """The summaries of `to_columns` output, the case `ids` given; raises TypeError or ValueError on anything malformed.

    The columns come from a file on disk that anything may have damaged, so every part is checked for
    its exact type and shape (a wrong-typed part would otherwise fail later, on every run, wherever it
    is shown). A start on 10,000 cases checks them all, so the checks run column by column, in passes
    made in C (`map`, `set`, `str.join`): checked row by row they cost 4 µs a row. The summaries are
    built the same way. A coded column's table is checked and built part by part, but parts such as
    types, dates and spans repeat across a library: one object each saves time and memory.
    """
    count = len(ids)
    if type(columns) is not tuple or len(columns) != ROW_PARTS - 1:
        raise ValueError(f"a summary index has {ROW_PARTS - 1} columns")
    names, statuses, models, companies, tags, launched, ended, lifespans, notices, events, finishes, flags = columns
    if type(names) is not list or type(companies) is not list or len(names) != count or len(companies) != count:
        raise ValueError("a name and a company for each case")
    if not count:
        return []
    _check_ids(ids)
    _check_texts(names)
    flag_values = _decoded(flags, count, _flags_in)
    # Each bit looked up in a table of the 32 flag words: one pass in C for each.
    bits = [list(map([bool(word & bit) for word in range(32)].__getitem__, flag_values)) for bit in (1, 2, 4, 8, 16)]
    return list(
        map(
            _new_summary,
            zip(
                ids,
                list(map(_new_text, zip(names))),
                _decoded(statuses, count, _statuses_in),
                _decoded(models, count, _texts_in),
                _optional(_texts_in)(companies),
                _decoded(tags, count, _tags_in),
                _decoded(launched, count, _optional(_whens_in)),
                _decoded(ended, count, _optional(_whens_in)),
                _decoded(lifespans, count, _optional(_spans_in)),
                _decoded(notices, count, _optional(_spans_in)),
                _decoded(events, count, _counts_in),
                _decoded(finishes, count, _optional(_whens_in)),
                *bits,
                strict=True,
            ),
        )
    )


_new_summary = partial(tuple.__new__, Summary)
"""A summary from the tuple of its fields, made in C (as `Summary._make` does, less its Python call)."""
_new_text = partial(tuple.__new__, LText)
_first, _second = itemgetter(0), itemgetter(1)
_TAG_TYPES = frozenset({str, type(None)})
_ID_CHARS = b"abcdefghijklmnopqrstuvwxyz0123456789-"
"""What a case id is made of (`casetui.loader.valid_id`)."""


def _only(values: "list[Any]", kind: type) -> bool:
    """True when every value is exactly of type `kind` (no subclass: a bool is no count)."""
    return set(map(type, values)) <= {kind}


def _ints_within(values: "list[Any]", low: int, high: "int | None") -> bool:
    """True when every value is an int from `low` up to, not including, `high` (None: no limit)."""
    return _only(values, int) and min(values) >= low and (high is None or max(values) < high)


def _check_ids(ids: "list[Any]") -> None:
    """Raise unless each id is a case id (`casetui.loader.valid_id`): a summary is only made of a valid case.

    Checked all at once in C: lowercase ASCII letters, digits and single hyphens, neither first nor last.
    """
    if not _only(ids, str) or min(map(len, ids)) == 0 or max(map(len, ids)) > ID_MAX:
        raise ValueError("not a case id")
    joined = "\n".join(ids)
    if (
        not joined.isascii()
        or joined.encode().translate(None, _ID_CHARS + b"\n")
        or joined.count("\n") != len(ids) - 1
        or "--" in joined
        or "\n-" in joined
        or "-\n" in joined
        or joined[0] == "-"
        or joined[-1] == "-"
    ):
        raise ValueError("not a case id")


def _check_strings(strings: "Iterable[Any]") -> None:
    """Raise unless every item is a string a case file could hold, checked in one go (10,000 rows at a start).

    `join` raises TypeError for anything but a string; `encode` raises UnicodeEncodeError (a ValueError)
    for a lone surrogate, which no case file can hold and no terminal can print.
    """
    "\x00".join(strings).encode("utf-8")


def _check_texts(values: "list[Any]") -> None:
    """Raise unless every value is the form of a text (`LText.entries`): a non-empty tuple of pairs of a
    language tag (or None) and a string."""
    if not values:
        return
    if not _only(values, tuple) or not all(values):
        raise ValueError("a text is a non-empty tuple")
    pairs = list(chain.from_iterable(values))
    if not _only(pairs, tuple) or set(map(len, pairs)) != {2}:
        raise ValueError("a text entry is a pair")
    tags = set(map(_first, pairs))  # A handful: the languages of the library.
    if not set(map(type, tags)) <= _TAG_TYPES:
        raise ValueError("a language tag is a string")
    _check_strings(filter(None, tags))
    _check_strings(map(_second, pairs))


def _decoded(column: object, count: int, build: "Callable[[list[Any]], list[Any]]") -> "list[Any]":
    """The part of each case in a coded column: its table checked and built by `build`, then looked up
    at each case's position (a position that is no int, or past the end, raises)."""
    if type(column) is not tuple or len(column) != 2:
        raise ValueError("a coded column is a table and positions")
    table, positions = column
    if type(table) is not list or type(positions) not in (bytes, list) or len(positions) != count:
        raise ValueError("a position for each case")
    values = build(table)
    if len(values) == 1 and positions == bytes(count):  # One part for every case: no look-ups.
        return values * count
    parts = list(map(values.__getitem__, positions))
    if type(positions) is list and min(positions) < 0:  # It would count from the end (a byte cannot).
        raise ValueError("a position outside the table")
    return parts


def _optional(build: "Callable[[list[Any]], list[Any]]") -> "Callable[[list[Any]], list[Any]]":
    """`build` for a column whose part may be absent (None)."""

    def build_optional(table: "list[Any]") -> "list[Any]":
        if None not in table:
            return build(table)
        present = [part for part in table if part is not None]
        built = iter(build(present))
        return [None if part is None else next(built) for part in table]

    return build_optional


def _statuses_in(table: "list[Any]") -> "list[Any]":
    if not _STATUSES.issuperset(table):
        raise ValueError("no such status")
    return table


def _counts_in(table: "list[Any]") -> "list[Any]":
    if not _ints_within(table, 0, None):
        raise ValueError("an event count is an int, 0 or more")
    return table


def _flags_in(table: "list[Any]") -> "list[Any]":
    if not _ints_within(table, 0, 32):
        raise ValueError("the flags are five bits")
    return table


def _tags_in(table: "list[Any]") -> "list[Any]":
    if not _only(table, tuple):
        raise ValueError("tags are a tuple")
    _check_strings(chain.from_iterable(table))
    return table


def _texts_in(table: "list[Any]") -> "list[Any]":
    _check_texts(table)
    return list(map(_new_text, zip(table)))


def _whens_in(table: "list[Any]") -> "list[Any]":
    return list(map(_when_in, table))


def _spans_in(table: "list[Any]") -> "list[Any]":
    return list(map(_span_in, table))


# Enum lookups by value are slow at 10,000 rows; index a tuple instead.
_PRECISIONS = (None, *Precision)
_UNITS = (None, *SpanUnit)


def _when_out(value: "When | None") -> "tuple[int, int, int, int, str | None] | None":
    if value is None:
        return None
    moment = None if value.moment is None else value.moment.isoformat()
    return (value.year, value.month, value.day, int(value.precision), moment)


def _span_in(value: object) -> Span:
    if type(value) is not tuple or len(value) != 2 or type(value[0]) is not int or type(value[1]) is not int:
        raise ValueError("a span is two ints")
    if not 1 <= value[1] < len(_UNITS):  # 0 and negative indexes would pick None or wrap around
        raise ValueError("no such span unit")
    return Span(value[0], _UNITS[value[1]])


def _when_in(value: object) -> When:
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


def _span_out(value: "Span | None") -> "tuple[int, int] | None":
    return None if value is None else (value.amount, int(value.unit))
