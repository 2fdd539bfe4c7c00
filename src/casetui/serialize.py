"""Cases, comparisons and timelines as JSON-ready dicts: the documented output shapes.

`list --json`, which may hold 10,000 cases, is written straight from summaries by
`casetui.render.json.case_list`, in the same shape and by the same conventions.

Every document carries `"format": 1`; keys are only ever added within a format number, never
renamed or removed (docs/cli.md lists them). Conventions shared by every shape:

- numbers stay numbers and booleans booleans; dates are ISO 8601 strings at the precision written
  (`"2019"`, `"2021-09"`, `"2022-01-17"`, `"2022-01-17T10:00:00+08:00"`);
- spans are `{"amount": 59, "unit": "day", "display": "59 days", "scheduled": false}` (unit: year,
  month, day, second; `scheduled`: it rests on a date after `as_of`, see `casetui.derive`);
- every event carries `"scheduled"` (true when dated after `as_of`), and so does every compare
  cell, `false` where nothing is scheduled, so that a script sees one shape;
- case text is a string in the display language (`"lang"` at the top); an object whose texts
  fell back to another language lists those keys in `"fallback"`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from casetui import derive, i18n
from casetui.compare import Row
from casetui.library import display_path
from casetui.model import Case, Dimension, Fact, Source
from casetui.problems import Problem
from casetui.text import LText
from casetui.values import Shown, show
from casetui.when import Span, When

OUTPUT_FORMAT = 1
"""The version of the JSON shapes below."""

TYPE_CHECKING = False  # typing's flag, without importing typing (see casetui.record)
if TYPE_CHECKING:
    from typing import Any

    from casetui.render.common import TimelineRow

    JSON = dict[str, Any]


class _Texts:
    """Resolves case texts for one object and remembers which keys fell back."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.fallback: list[str] = []

    def __call__(self, key: str, value: LText | None) -> str | None:
        if value is None:
            return None
        resolved = value.resolve(self.lang)
        if resolved.fallback:
            self.fallback.append(key)
        return resolved.text


def when(value: When | None) -> str | None:
    """A date as ISO 8601 at its written precision."""
    return None if value is None else value.iso()


def span(value: Span | None, display: str | None = None, scheduled: bool = False) -> JSON | None:
    """A span as amount, unit, its human form and whether it rests on a schedule."""
    if value is None:
        return None
    return {
        "amount": value.amount,
        "unit": value.unit_name,
        "display": display or value.display(),
        "scheduled": scheduled,
    }


def end(case: Case) -> JSON | None:
    """When the case ended: `ended` as written, or else the final shutdown (`derived`), and whether it is scheduled."""
    finish = derive.end(case)
    if finish is None:
        return None
    return {"date": finish.date.iso(), "derived": finish.derived, "scheduled": finish.scheduled}


# -- show ------------------------------------------------------------------------------------


def dimension(key: str, value: Dimension, lang: str) -> JSON:
    """One `[model]` dimension: its label, raw value and display form."""
    text = _Texts(lang)
    label = text("label", value.label) if isinstance(value, Fact) and value.label else None
    cell = show(value, lang)
    assert cell is not None  # a dimension always has a value
    if cell.fallback:
        text.fallback.append("display")
    return {
        "key": key,
        "label": label or i18n.model_label(key, lang),
        "raw": cell.raw,
        "display": cell.display,
        "unit": cell.unit,
        "note": cell.note,
        "sources": list(cell.sources),
        "fallback": text.fallback,
    }


def event_item(row: TimelineRow, lang: str) -> JSON:
    """One timeline event with its T-offset, time to shutdown and the services it stops."""
    event = row.event
    text = _Texts(lang)
    item: JSON = {
        "index": event.index,
        "id": event.id,
        "date": when(event.date),
        "scheduled": row.scheduled,
        "kind": event.kind,
        "title": text("title", event.title),
        "detail": text("detail", event.detail),
        "sources": list(event.sources),
        "offset": span(row.offset, row.offset.offset() if row.offset else None, row.offset_scheduled),
        "to_shutdown": span(row.to_shutdown, scheduled=row.to_shutdown_scheduled),
        "stops": [{"id": s.id, "name": s.name.get(lang)} for s in row.stops],
    }
    item["fallback"] = text.fallback
    return item


def case_document(case: Case, lang: str) -> JSON:
    """`casetui show --format json`: the whole case, sources included, with derived values."""
    text = _Texts(lang)
    doc: JSON = {
        "format": OUTPUT_FORMAT,
        "lang": lang,
        "id": case.id,
        "path": display_path(case.path),
        "name": text("name", case.name),
        "company": text("company", case.company),
        "status": case.status,
        "summary": text("summary", case.summary),
        "region": case.region,
        "tags": list(case.tags),
        "launched": when(case.launched),
        "ended": when(case.ended),
        "end": end(case),
        "reason": text("reason", case.reason),
        "as_of": when(case.as_of),
        "lifespan": span(derive.lifespan(case), scheduled=derive.lifespan_scheduled(case)),
        "notice_period": span(derive.notice_period(case), scheduled=derive.notice_scheduled(case)),
        "model": _model(case, lang),
        "services": [_service(s.id, s.name, lang) for s in case.services],
        "events": [event_item(row, lang) for row in _timeline_rows(case)],
        "phases": [_object(lang, title=p.title, start=when(p.start), end=when(p.end)) for p in case.phases],
        "sources": [source(s, lang) for s in case.sources],
        "quotes": [_object(lang, text=q.text, by=q.by, source=q.source) for q in case.quotes],
        "lessons": [_object(lang, text=item.text, source=item.source) for item in case.lessons],
        "questions": [_object(lang, prompt=q.prompt, notes=q.notes, event=q.event) for q in case.questions],
    }
    doc["fallback"] = text.fallback
    return doc


def source(value: Source, lang: str) -> JSON:
    """One entry of `[sources]`."""
    return _object(
        lang,
        id=value.id,
        title=value.title,
        publisher=value.publisher,
        author=value.author,
        date=when(value.date),
        url=value.url,
        note=value.note,
    )


def _model(case: Case, lang: str) -> JSON:
    text = _Texts(lang)
    model: JSON = {
        "type": text("type", case.model_type),
        "summary": text("summary", case.model_summary),
        "dimensions": [dimension(key, value, lang) for key, value in case.dimensions],
    }
    model["fallback"] = text.fallback
    return model


def _service(service_id: str, name: LText, lang: str) -> JSON:
    return _object(lang, id=service_id, name=name)


def _object(lang: str, **fields: Any) -> JSON:
    """An object whose LText fields are resolved in `lang`; other values are kept as they are."""
    text = _Texts(lang)
    out: JSON = {key: text(key, value) if isinstance(value, LText) else value for key, value in fields.items()}
    out["fallback"] = text.fallback
    return out


# -- compare ---------------------------------------------------------------------------------


def cell(value: Shown | None, differs: bool) -> JSON | None:
    """One case's value in a compare row, or None where the case lacks the row."""
    if value is None:
        return None
    return {
        "raw": value.raw,
        "display": value.display,
        "unit": value.unit,
        "note": value.note,
        "sources": list(value.sources),
        "differs": differs,
        "fallback": value.fallback,
        "scheduled": value.scheduled,
    }


def comparison(cases: Sequence[Case], rows: Iterable[Row], lang: str, baseline: str | None) -> JSON:
    """`casetui compare --format json`: one row per dimension, one value per case id."""
    ids = [c.id for c in cases]
    return {
        "format": OUTPUT_FORMAT,
        "lang": lang,
        "baseline": baseline,
        "cases": [{"id": c.id, "name": c.name.get(lang)} for c in cases],
        "rows": [
            {
                "key": row.key,
                "group": row.group,
                "label": row.label,
                "unit": row.unit,
                "differs": row.differs,
                "values": {i: cell(v, d) for i, v, d in zip(ids, row.cells, row.cell_differs, strict=True)},
            }
            for row in rows
        ],
    }


# -- timeline --------------------------------------------------------------------------------


def _timeline_rows(case: Case) -> list[TimelineRow]:
    """`render.common.timeline_rows`, imported when a document holds events: `compare` never does (1M instructions)."""
    from casetui.render.common import timeline_rows

    return timeline_rows(case)


def timeline(case: Case, lang: str) -> JSON:
    """`casetui timeline --format json`: every event in order, and the sources they cite."""
    rows = _timeline_rows(case)
    cited = {s for row in rows for s in row.event.sources}
    announced, shutdown = derive.announcement(case), derive.final_shutdown(case)
    return {
        "format": OUTPUT_FORMAT,
        "lang": lang,
        "case": {"id": case.id, "name": case.name.get(lang)},
        "as_of": when(case.as_of),
        "announced": when(announced.date) if announced else None,
        "announced_scheduled": announced is not None and derive.scheduled(case, announced),
        "shutdown": when(shutdown.date) if shutdown else None,
        "shutdown_scheduled": shutdown is not None and derive.scheduled(case, shutdown),
        "notice_period": span(derive.notice_period(case), scheduled=derive.notice_scheduled(case)),
        "services": [_service(s.id, s.name, lang) for s in case.services],
        "events": [event_item(row, lang) for row in rows],
        "sources": [source(s, lang) for s in case.sources if s.id in cited],
    }


# -- validate --------------------------------------------------------------------------------


def validation(checked: int, problems: Sequence[Problem]) -> JSON:
    """`casetui validate --json`: how many files were read and every problem found."""
    errors = sum(1 for p in problems if not p.warning)
    return {
        "format": OUTPUT_FORMAT,
        "checked": checked,
        "errors": errors,
        "warnings": len(problems) - errors,
        "ok": errors == 0,
        "problems": [p.as_json() for p in problems],
    }
