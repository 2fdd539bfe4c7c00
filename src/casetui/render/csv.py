"""CSV output of `casetui compare`: one line per dimension, one column per case.

Columns: key, group, label, unit, differs (`yes`/`no`), then one column per case id. A value
is written as a bare number when it is one and its unit is the row's; otherwise as displayed, with
` (scheduled)` (`（计划）` in Chinese) after a date or span that rests on a date after `as_of`.
Text that a spreadsheet would run as a formula (`=`, `+`, `@`, or `-` before a non-number) is
prefixed with `'` so that opening a shared file never executes it.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from casetui.compare import Row
from casetui.model import Case
from casetui.render.common import cell_text
from casetui.values import Shown

_FORMULA_START = ("=", "+", "@", "\t", "\r")


def compare_csv(cases: Sequence[Case], rows: Sequence[Row], lang: str = "en") -> str:
    """The comparison as CSV text (RFC 4180 quoting, `\\n` line ends)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["key", "group", "label", "unit", "differs", *(c.id for c in cases)])
    for row in rows:
        values = [_value(cell, row.unit, lang) for cell in row.cells]
        writer.writerow([row.key, row.group, safe(row.label), row.unit or "", "yes" if row.differs else "no", *values])
    return out.getvalue()


def _value(cell: Shown | None, unit: str | None, lang: str) -> str | int | float:
    if cell is None:
        return ""
    raw = cell.raw
    if isinstance(raw, (int, float)) and not isinstance(raw, bool) and cell.unit == unit:
        return raw
    return safe(cell_text(cell, lang))


def safe(text: str) -> str:
    """`text`, defused if a spreadsheet would read it as a formula."""
    if text.startswith(_FORMULA_START) or (text.startswith("-") and not _is_number(text)):
        return "'" + text
    return text


def _is_number(text: str) -> bool:
    try:
        float(text.replace(",", ""))
    except ValueError:
        return False
    return True
