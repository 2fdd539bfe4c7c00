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
    """The document as indented JSON with a final newline.

    Args:
        document: a dict from `casetui.serialize`.
        ascii_only: escape non-ASCII text, for a stdout that cannot encode it.
    """
    return json.dumps(document, ensure_ascii=ascii_only, indent=2, allow_nan=False) + "\n"


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
    # Dates, spans and tag sets repeat across a library (and are shared objects): write each once.
    dates: dict[When, str] = {}
    spans: dict[tuple[Span, bool], str] = {}
    lists: dict[tuple[str, ...], str] = {}

    def date(value: When | None) -> str:
        if value is None:
            return "null"
        if value.moment is not None:  # Equal moments in other offsets are written differently.
            return text(value.iso())
        written = dates.get(value)
        if written is None:
            written = dates[value] = text(value.iso())
        return written

    def span(value: Span | None, scheduled: bool) -> str:
        if value is None:
            return "null"
        written = spans.get((value, scheduled))
        if written is None:
            written = spans[value, scheduled] = (
                f'{{\n        "amount": {value.amount},\n        "unit": {text(value.unit_name)},\n'
                f'        "display": {text(value.display())},\n'
                f'        "scheduled": {_BOOL[scheduled]}\n      }}'
            )
        return written

    def end(summary: Summary) -> str:
        if summary.end is None:
            return "null"
        return (
            f'{{\n        "date": {date(summary.end)},\n        "derived": {_BOOL[summary.end_derived]},\n'
            f'        "scheduled": {_BOOL[summary.end_scheduled]}\n      }}'
        )

    def strings(values: tuple[str, ...]) -> str:
        written = lists.get(values)
        if written is None:
            written = "[\n        " + ",\n        ".join(map(text, values)) + "\n      ]" if values else "[]"
            lists[values] = written
        return written

    yield f'{{\n  "format": {OUTPUT_FORMAT},\n  "lang": {text(lang)},\n  "cases": ['
    cases = []
    separator = "\n"
    for summary, path in zip(summaries, paths, strict=True):
        if len(cases) == _CHUNK:
            yield "".join(cases)
            cases.clear()
        name = summary.name.resolve(lang)
        company = None if summary.company is None else summary.company.resolve(lang)
        fallback: tuple[str, ...] = ("name",) if name.fallback else ()
        if company is not None and company.fallback:
            fallback += ("company",)
        cases.append(
            f"{separator}    {{\n"
            f'      "id": {text(summary.id)},\n'
            f'      "name": {text(name.text)},\n'
            f'      "company": {"null" if company is None else text(company.text)},\n'
            f'      "status": {text(summary.status)},\n'
            f'      "tags": {strings(summary.tags)},\n'
            f'      "launched": {date(summary.launched)},\n'
            f'      "ended": {date(summary.ended)},\n'
            f'      "end": {end(summary)},\n'
            f'      "lifespan": {span(summary.lifespan, summary.lifespan_scheduled)},\n'
            f'      "notice_period": {span(summary.notice, summary.notice_scheduled)},\n'
            f'      "events": {summary.events},\n'
            f'      "path": {text(path)},\n'
            f'      "fallback": {strings(fallback)}\n'
            "    }"
        )
        separator = ",\n"
    issues = dumps([p.as_json() for p in problems], ascii_only).rstrip("\n").replace("\n", "\n  ")
    yield "".join(cases) + ("\n  ]" if summaries else "]") + f',\n  "problems": {issues}\n}}\n'
