"""JSON output: the dicts of `casetui.serialize`, indented, one document per run; and `list --json`."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence

TYPE_CHECKING = False  # typing's flag, without importing typing (see casetui.record)
if TYPE_CHECKING:
    from typing import Any

    from casetui.problems import Problem
    from casetui.summary import Summary
    from casetui.when import Span, When


def dumps(document: Any, ascii_only: bool = False) -> str:
    """The document as indented JSON with a final newline: exactly `json.dumps(document, indent=2)`.

    With an indent, `json` encodes in pure Python, a generator step per token: 6.5M of the 150M
    instructions of `casetui compare A B --format json`. The documents are plain trees of dicts,
    lists, strings, numbers, booleans and None, which a recursive join writes in some 60% of that;
    anything else (a key that is not a string, a number `json` refuses, a cycle) goes to `json`,
    which writes it or says what is wrong.

    Args:
        document: a dict from `casetui.serialize`.
        ascii_only: escape non-ASCII text, for a stdout that cannot encode it.
    """
    text = json.encoder.encode_basestring_ascii if ascii_only else json.encoder.encode_basestring
    try:
        return _indented(document, "\n", text) + "\n"
    except (_NotPlain, RecursionError):
        return json.dumps(document, ensure_ascii=ascii_only, indent=2, allow_nan=False) + "\n"


class _NotPlain(Exception):
    """A value `_indented` leaves to `json`."""


_CONSTANTS = {None: "null", True: "true", False: "false"}


def _indented(value: Any, newline: str, text: Any) -> str:
    """`value` as `json.dumps(value, indent=2)` writes it, its nested lines starting with `newline`."""
    kind = type(value)
    if kind is dict:
        if not value:
            return "{}"
        inner = newline + "  "
        items = []
        for key, item in value.items():
            if type(key) is not str:
                raise _NotPlain
            kind = type(item)
            if kind is str:
                items.append(text(key) + ": " + text(item))
            elif item is None or kind is bool:  # as common as strings in these documents: no call for them either
                items.append(text(key) + ": " + _CONSTANTS[item])
            else:
                items.append(text(key) + ": " + _indented(item, inner, text))
        return "{" + inner + ("," + inner).join(items) + newline + "}"
    if kind is list or kind is tuple:
        if not value:
            return "[]"
        inner = newline + "  "
        return (
            "["
            + inner
            + ("," + inner).join([text(item) if type(item) is str else _indented(item, inner, text) for item in value])
            + newline
            + "]"
        )
    if kind is str:
        return text(value)  # type: ignore[no-any-return]
    if value is None or kind is bool:
        return _CONSTANTS[value]
    if kind is int:
        return int.__repr__(value)
    if kind is float and value - value == 0:  # finite: `json` refuses NaN and the infinities here
        return float.__repr__(value)
    raise _NotPlain


# -- list --------------------------------------------------------------------------------------
# `casetui list --json` is written case by case from a template rather than built as dicts: with
# an indent, `json` encodes in pure Python, which at 10,000 cases costs more than loading the
# library. The text is exactly what `dumps` writes for the same document (a test holds it to that).

_BOOL = ("false", "true")
_CHUNK = 500
"""Cases per piece of output: 10,000 cases held as one string (and its encoding) cost 20 MB."""


def case_list(
    summaries: Sequence[Summary], paths: Sequence[str], lang: str, problems: Sequence[Problem], ascii_only: bool = False
) -> Iterator[str]:
    """`casetui list --json` in pieces to write in turn: the cases shown (each with its file's path
    as shown), and the files that did not load.

    Each case: its id, name and company in `lang`, status as written, tags, launched and ended
    dates, the end (`ended` or else the final shutdown) with whether it is derived and scheduled,
    lifespan and notice period as spans (each saying whether it rests on a schedule), number of
    events, path, and which of its texts fell back to another language.
    """
    from casetui.serialize import OUTPUT_FORMAT

    text = json.encoder.encode_basestring_ascii if ascii_only else json.encoder.encode_basestring
    # Dates, spans, ends and tag sets repeat across a library (and are shared objects): each is
    # written once and then looked up, so that most cases cost no call beyond the encoding of
    # their own strings.
    dates: dict[When | None, str] = {None: "null"}
    spans: dict[tuple[Span | None, bool], str] = {(None, False): "null", (None, True): "null"}
    ends: dict[tuple[When | None, bool, bool], str] = {}
    lists: dict[tuple[str, ...], str] = {(): "[]"}
    statuses: dict[str, str] = {}

    def date(value: When) -> str:
        written = text(value.iso())
        if value.moment is None:  # Equal moments in other offsets are written differently: not kept.
            dates[value] = written
        return written

    def span(key: tuple[Span | None, bool]) -> str:
        value, scheduled = key
        assert value is not None  # None is in the map from the start
        written = spans[key] = (
            f'{{\n        "amount": {value.amount},\n        "unit": {text(value.unit_name)},\n'
            f'        "display": {text(value.display())},\n'
            f'        "scheduled": {_BOOL[scheduled]}\n      }}'
        )
        return written

    def end(key: tuple[When | None, bool, bool]) -> str:
        finish, derived, scheduled = key
        if finish is None:
            return "null"
        when = dates.get(finish) or date(finish)
        written = (
            f'{{\n        "date": {when},\n        "derived": {_BOOL[derived]},\n'
            f'        "scheduled": {_BOOL[scheduled]}\n      }}'
        )
        if finish.moment is None:
            ends[key] = written
        return written

    def strings(values: tuple[str, ...]) -> str:
        written = lists[values] = "[\n        " + ",\n        ".join(map(text, values)) + "\n      ]"
        return written

    fallbacks = {
        (False, False): "[]",
        (True, False): strings(("name",)),
        (False, True): strings(("company",)),
        (True, True): strings(("name", "company")),
    }

    yield f'{{\n  "format": {OUTPUT_FORMAT},\n  "lang": {text(lang)},\n  "cases": ['
    cases = []
    separator = "\n"
    for summary, path in zip(summaries, paths, strict=True):
        if len(cases) == _CHUNK:
            yield "".join(cases)
            cases.clear()
        # `LText.resolve`, without its call for the usual text: in the language asked for, or plain.
        entries = summary.name.entries
        tag, name = entries[0]
        name_fallback = False
        if tag != lang and (tag is not None or len(entries) != 1):
            resolved = summary.name.resolve(lang)
            name, name_fallback = resolved.text, resolved.fallback
        company = summary.company
        company_fallback = False
        if company is None:
            company_text = "null"
        else:
            entries = company.entries
            tag, company_text = entries[0]
            if tag != lang and (tag is not None or len(entries) != 1):
                resolved = company.resolve(lang)
                company_text, company_fallback = resolved.text, resolved.fallback
            company_text = text(company_text)
        status = statuses.get(summary.status)
        if status is None:
            status = statuses[summary.status] = text(summary.status)
        launched, ended, tags = summary.launched, summary.ended, summary.tags
        ending = (summary.end, summary.end_derived, summary.end_scheduled)
        lifespan = (summary.lifespan, summary.lifespan_scheduled)
        notice = (summary.notice, summary.notice_scheduled)
        cases.append(
            f"{separator}    {{\n"
            f'      "id": {text(summary.id)},\n'
            f'      "name": {text(name)},\n'
            f'      "company": {company_text},\n'
            f'      "status": {status},\n'
            f'      "tags": {lists.get(tags) or strings(tags)},\n'
            f'      "launched": {dates.get(launched) or date(launched)},\n'  # type: ignore[arg-type]
            f'      "ended": {dates.get(ended) or date(ended)},\n'  # type: ignore[arg-type]
            f'      "end": {ends.get(ending) or end(ending)},\n'
            f'      "lifespan": {spans.get(lifespan) or span(lifespan)},\n'
            f'      "notice_period": {spans.get(notice) or span(notice)},\n'
            f'      "events": {summary.events},\n'
            f'      "path": {text(path)},\n'
            f'      "fallback": {fallbacks[name_fallback, company_fallback]}\n'
            "    }"
        )
        separator = ",\n"
    issues = dumps([p.as_json() for p in problems], ascii_only).rstrip("\n").replace("\n", "\n  ")
    yield "".join(cases) + ("\n  ]" if summaries else "]") + f',\n  "problems": {issues}\n}}\n'
