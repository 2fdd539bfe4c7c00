"""Side-by-side comparison of cases: one row per dimension, one cell per case.

Shared by `casetui compare` and the app's compare screen, so both mark the same differences.
"""

from collections.abc import Sequence

from casetui import derive, i18n
from casetui.model import Case, Dimension, Fact
from casetui.record import NamedTuple
from casetui.text import Resolved
from casetui.values import Shown, show
from casetui.when import Span

CASE_FIELDS = ("name", "company", "status", "region", "tags", "launched", "ended", "model_type", "reason")
DERIVED_FIELDS = ("lifespan", "notice_period", "announced", "shutdown", "events", "services")


class Row(NamedTuple):
    """One dimension across the compared cases."""

    key: str
    """Stable id: `case.status`, `model.membership_fee`, `derived.lifespan`."""
    group: str
    label: str
    unit: str | None
    cells: tuple[Shown | None, ...]
    """One per case, None where the case lacks the row."""
    cell_differs: tuple[bool, ...]
    """Per cell: differs from the baseline, or (with no baseline) from the other cases."""

    @property
    def differs(self) -> bool:
        return any(self.cell_differs)


def _case_field(case: Case, key: str) -> object:
    if key == "model_type":
        return case.model_type
    if key == "tags":
        return case.tags or None
    return getattr(case, key)


def _derived(case: Case, key: str) -> Span | str | int | None:
    if key == "lifespan":
        return derive.lifespan(case)
    if key == "notice_period":
        return derive.notice_period(case)
    if key == "announced":
        event = derive.announcement(case)
        return event.date if event else None  # type: ignore[return-value]
    if key == "shutdown":
        event = derive.final_shutdown(case)
        return event.date if event else None  # type: ignore[return-value]
    if key == "events":
        return len(case.events)
    if key == "services":
        return len(case.services) or None
    raise KeyError(key)


def _scheduled(case: Case, key: str) -> bool:
    """Whether a date or derived value of the case rests on a schedule (a date after `as_of`)."""
    if key in ("launched", "ended"):
        return derive.is_scheduled(case, getattr(case, key))
    if key == "lifespan":
        return derive.lifespan_scheduled(case)
    if key == "notice_period":
        return derive.notice_scheduled(case)
    if key == "announced":
        event = derive.announcement(case)
        return event is not None and derive.scheduled(case, event)
    if key == "shutdown":
        event = derive.final_shutdown(case)
        return event is not None and derive.scheduled(case, event)
    return False


def _marked(cases: Sequence[Case], key: str, cells: list[Shown | None]) -> list[Shown | None]:
    """The cells, each flagged when its value rests on a schedule."""
    return [
        cell._replace(scheduled=True) if cell is not None and _scheduled(case, key) else cell
        for case, cell in zip(cases, cells, strict=True)
    ]


def _identity(cell: Shown | None) -> object:
    """What makes two cells equal: the raw value and unit, not the display language."""
    if cell is None:
        return None
    raw = cell.raw
    return (repr(raw), cell.unit)


def _differs(cells: Sequence[Shown | None], baseline: int | None) -> tuple[bool, ...]:
    ids = [_identity(c) for c in cells]
    if baseline is not None:
        return tuple(i != baseline and ids[i] != ids[baseline] for i in range(len(ids)))
    if len(set(ids)) <= 1:
        return tuple(False for _ in ids)
    return tuple(True for _ in ids)


def _model_label(cases: Sequence[Case], key: str, lang: str) -> tuple[str, str | None, bool]:
    """A model dimension's row label and unit, and whether its cases label it differently.

    Cases may measure different things under one key (Taoxiaopu's shopkeepers and Taote's annual
    active consumers are both `users`): then no one case's label may stand for the row, and the
    row takes the key's own name while each cell keeps its case's label.
    """
    labels: list[Resolved] = []
    same_as: set[str] = set()  # Each label in English: a Chinese label and its English twin are one label.
    unit = None
    for case in cases:
        value = dict(case.dimensions).get(key)
        if isinstance(value, Fact):
            if value.label is not None:
                labels.append(value.label.resolve(lang))
                same_as.add(value.label.get("en"))
            unit = unit or value.unit
    if len(same_as) > 1:
        return i18n.model_label(key, lang), unit, True
    # The first label written in the language asked for, else the first at all.
    label = next((r.text for r in labels if not r.fallback), labels[0].text if labels else None)
    return label or i18n.model_label(key, lang), unit, False


def _labelled(value: Dimension | None, cell: Shown | None, lang: str) -> Shown | None:
    """The cell with its own case's label in front, for a row whose cases label it differently."""
    if cell is None or not isinstance(value, Fact) or value.label is None:
        return cell
    colon = "：" if lang.split("-")[0] == "zh" else ": "
    return cell._replace(display=f"{value.label.get(lang)}{colon}{cell.display}")


def compare(cases: Sequence[Case], lang: str = "en", baseline: int | None = None) -> list[Row]:
    """Rows for case fields, the union of `[model]` keys, and derived values."""
    rows: list[Row] = []

    def add(key: str, group: str, label: str, unit: str | None, cells: list[Shown | None]) -> None:
        if all(c is None for c in cells):
            return
        rows.append(Row(key, group, label, unit, tuple(cells), _differs(cells, baseline)))

    for key in CASE_FIELDS:
        cells = [show(_case_field(c, key), lang) for c in cases]  # type: ignore[arg-type]
        if key == "status":
            cells = [None if c is None else Shown(c.raw, i18n.label(str(c.raw), lang)) for c in cells]
        elif key in ("launched", "ended"):
            cells = _marked(cases, key, cells)
        add(f"case.{key}", "case", i18n.label(key, lang), None, cells)

    model_keys: list[str] = []
    for case in cases:
        for key, _ in case.dimensions:
            if key not in model_keys:
                model_keys.append(key)
    for key in model_keys:
        label, unit, mixed = _model_label(cases, key, lang)
        values: list[Dimension | None] = [dict(c.dimensions).get(key) for c in cases]
        cells = [show(v, lang) for v in values]
        if mixed:
            cells = [_labelled(v, c, lang) for v, c in zip(values, cells, strict=True)]
        add(f"model.{key}", "model", label, unit, cells)

    for key in DERIVED_FIELDS:
        cells = [show(_derived(c, key), lang) for c in cases]  # type: ignore[arg-type]
        add(f"derived.{key}", "derived", i18n.label(key, lang), None, _marked(cases, key, cells))
    return rows
