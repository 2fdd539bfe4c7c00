"""One case from a TimelineJS spreadsheet exported as CSV.

The TimelineJS template has the columns Year, Month, Day, Time, End Year, End Month, End Day, End
Time, Display Date, Headline, Text, Media, Media Credit, Media Caption, Media Thumbnail, Type, Group
and Background. Each row is an event, the title slide (`Type = title`) or an era (`Type = era`).
Dates keep the precision the author gave: a row with only a year stays `"2019"`. Media columns,
Display Date and Background have no place in a case file and are ignored.

A sheet with any bad row imports nothing: every problem is reported as `file.csv:ROW: COLUMN:
message`, ROW being the row number a spreadsheet shows (the header is row 1).
"""

from __future__ import annotations

import calendar
import csv
import datetime as dt
import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from casetui.importers import ImportFailed, toml_writer
from casetui.importers.html_text import plain_text
from casetui.importers.output import Generated
from casetui.model import EVENT_KINDS
from casetui.sanitize import clean
from casetui.when import Precision, When

IMPORTER = "sheet"
SOURCE_ID = "sheet"
MAX_BYTES = 8 << 20
COLUMNS = (
    "Year",
    "Month",
    "Day",
    "Time",
    "End Year",
    "End Month",
    "End Day",
    "End Time",
    "Display Date",
    "Headline",
    "Text",
    "Media",
    "Media Credit",
    "Media Caption",
    "Media Thumbnail",
    "Type",
    "Group",
    "Background",
)
REQUIRED = ("Year", "Headline")
"""Without these no row can become an event; every other column may be left out of the sheet."""
IGNORED = ("Display Date", "Media", "Media Credit", "Media Caption", "Media Thumbnail", "Background")
ROW_TYPES = ("title", "era")
_INTEGER = re.compile(r"^[+-]?\d+$")
_TIME = re.compile(r"^(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap]\.?m\.?)?$", re.IGNORECASE)


@dataclass(slots=True)
class Sheet:
    """What a valid sheet holds, ready to become one case."""

    file_name: str
    title: str | None = None
    """The title row's Headline."""
    intro: str | None = None
    """The title row's Text."""
    events: list[dict[str, Any]] = field(default_factory=list)
    phases: list[dict[str, Any]] = field(default_factory=list)


class _Problems:
    """Collects `file.csv:ROW: COLUMN: message` lines."""

    def __init__(self, shown: str) -> None:
        self.shown = shown
        self.lines: list[str] = []

    def add(self, row: int, column: str, message: str) -> None:
        self.lines.append(f"{self.shown}:{row}: {column}: {message}")


# -- reading -------------------------------------------------------------------------------


def read_sheet(path: Path, shown: str) -> Sheet:
    """Read and check the whole sheet; raise ImportFailed with every bad row (nothing is half-read)."""
    text = _read_text(path, shown)
    rows = _records(text, shown)
    if not rows or not any(cell.strip() for cell in rows[0]):
        raise ImportFailed([f"{shown}: empty: expected a header row with the TimelineJS columns (Year, Headline, …)"])
    problems = _Problems(shown)
    columns = _header(rows[0], problems)
    if problems.lines:
        raise ImportFailed(problems.lines)
    sheet = Sheet(path.name)
    title_row: int | None = None
    for offset, record in enumerate(rows[1:]):
        number = offset + 2  # the header is row 1
        cells = {name: (record[index] if index < len(record) else "") for name, index in columns.items()}
        if not any(cell.strip() for cell in record):
            continue
        row_type = cells.get("Type", "").strip().lower()
        if row_type == "title":
            if title_row is not None:
                problems.add(number, "Type", f"a second title row (the first is row {title_row})")
                continue
            title_row = number
            _title(sheet, cells, number, problems)
        elif row_type == "era":
            phase = _era(cells, number, problems)
            if phase is not None:
                sheet.phases.append(phase)
        elif row_type:
            shown_type = _quote(cells["Type"].strip())
            problems.add(number, "Type", f"unknown type {shown_type}: use title, era, or leave it empty for an event")
        else:
            event = _event(cells, number, problems)
            if event is not None:
                sheet.events.append(event)
    if problems.lines:
        raise ImportFailed(problems.lines)
    if not sheet.events and not sheet.phases:
        raise ImportFailed([f"{shown}: no events: the sheet has no rows below the header"])
    return sheet


def _read_text(path: Path, shown: str) -> str:
    try:
        if path.stat().st_size > MAX_BYTES:
            raise ImportFailed([f"{shown}: larger than {MAX_BYTES >> 20} MiB; not read"])
        data = path.read_bytes()
    except OSError as error:
        raise ImportFailed([f"{shown}: cannot read: {error.strerror or error}"]) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        byte = data[error.start : error.start + 1].hex()
        raise ImportFailed(
            [f"{shown}:{line}: file: not UTF-8 (byte 0x{byte}); export the sheet as UTF-8 CSV"]
        ) from None


def _records(text: str, shown: str) -> list[list[str]]:
    """The CSV records; a sheet saved with `;` or tabs (some spreadsheet locales do) is read too."""
    first = text.split("\n", 1)[0]
    delimiter = ","
    if "," not in first:
        delimiter = ";" if ";" in first else "\t" if "\t" in first else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        return [list(record) for record in reader]
    except csv.Error as error:
        raise ImportFailed([f"{shown}:{reader.line_num}: file: not readable as CSV ({error})"]) from None


def _header(record: list[str], problems: _Problems) -> dict[str, int]:
    """Column name -> index, for the template columns present; problems for missing or doubled ones."""
    canonical = {_fold(name): name for name in COLUMNS}
    columns: dict[str, int] = {}
    for index, cell in enumerate(record):
        name = canonical.get(_fold(cell))
        if name is None:
            continue  # a column of the author's own: not ours to read
        if name in columns:
            problems.add(1, name, f"appears twice (columns {columns[name] + 1} and {index + 1})")
            continue
        columns[name] = index
    for name in REQUIRED:
        if name not in columns:
            problems.add(1, name, "required column is missing (the first row must hold the column names)")
    return columns


def _fold(name: str) -> str:
    return " ".join(name.split()).casefold()


# -- rows ----------------------------------------------------------------------------------


def _title(sheet: Sheet, cells: dict[str, str], row: int, problems: _Problems) -> None:
    sheet.title = plain_text(cells.get("Headline", "")) or None
    sheet.intro = plain_text(cells.get("Text", "")) or None
    if sheet.title is None and sheet.intro is None:
        problems.add(row, "Headline", "a title row needs a Headline or a Text")


def _era(cells: dict[str, str], row: int, problems: _Problems) -> dict[str, Any] | None:
    before = len(problems.lines)
    start = _when(cells, "", row, problems, required="an era needs its start year")
    end = _when(cells, "End ", row, problems)
    title = _headline(cells, row, problems, "an era")
    _check_order(start, end, row, problems)
    if len(problems.lines) > before or start is None:
        return None
    return {"title": title, "start": start[0], "end": end[0] if end else None}


def _event(cells: dict[str, str], row: int, problems: _Problems) -> dict[str, Any] | None:
    before = len(problems.lines)
    start = _when(cells, "", row, problems, required="an event needs a date")
    end = _when(cells, "End ", row, problems)
    title = _headline(cells, row, problems, "an event")
    _check_order(start, end, row, problems)
    if len(problems.lines) > before or start is None:
        return None
    group = plain_text(cells.get("Group", ""))
    kind = "-".join(group.lower().replace("_", "-").split())
    known = kind in EVENT_KINDS
    return {
        "date": start[0],
        "title": title,
        "kind": kind if known else "milestone",
        "detail": plain_text(cells.get("Text", "")) or None,
        "source": SOURCE_ID,
        "x_group": group if group and not known else None,
        "x_end": end[0] if end else None,
    }


def _headline(cells: dict[str, str], row: int, problems: _Problems, what: str) -> str:
    raw = cells.get("Headline", "")
    headline = plain_text(raw)
    if not headline:
        problems.add(row, "Headline", f"{'empty once HTML is removed' if raw.strip() else 'missing'}: {what} needs one")
    return headline


def _check_order(start: tuple[Any, When] | None, end: tuple[Any, When] | None, row: int, problems: _Problems) -> None:
    if start is None or end is None:
        return
    a, b = end[1], start[1]
    precision = min(a.precision, b.precision)
    width = 6 if precision is Precision.TIME else int(precision)  # compare at the coarser precision
    if a.sort_key[:width] < b.sort_key[:width]:
        problems.add(row, "End Year", f"the end {a} is before the start {b}")


def _when(
    cells: dict[str, str], prefix: str, row: int, problems: _Problems, required: str | None = None
) -> tuple[Any, When] | None:
    """A date at the precision written, as (TOML value, When); None when empty or wrong.

    Year only gives `"2019"`, with Month `"2019-10"`, with Day a date, with Time a local date-time.
    """
    names = [prefix + part for part in ("Year", "Month", "Day", "Time")]
    year_text, month_text, day_text, time_text = (cells.get(name, "").strip() for name in names)
    if not year_text:
        given = [name for name, text in zip(names[1:], (month_text, day_text, time_text), strict=True) if text]
        if given:
            problems.add(
                row, names[0], f"missing, but {' and '.join(given)} {'is' if len(given) == 1 else 'are'} given"
            )
        elif required:
            problems.add(row, names[0], f"missing: {required}")
        return None
    before = len(problems.lines)
    year = _number(year_text, row, names[0], problems, "a year", 1, 9999, " (write it in digits, like 2019)")
    month = _number(month_text, row, names[1], problems, "a month", 1, 12) if month_text else None
    day = None
    if day_text and month_text:
        day = _number(day_text, row, names[2], problems, "a day", 1, 31)
        if day is not None and year is not None and month is not None:
            last = calendar.monthrange(year, month)[1]
            if day > last:
                problems.add(row, names[2], f"{day} is not a day of {year:04d}-{month:02d} (it has {last} days)")
                day = None
    elif day_text:
        problems.add(row, names[2], f"a day needs a month: {names[1]} is empty")
    moment = None
    if time_text:
        if not day_text:
            problems.add(row, names[3], "a time needs a full date (year, month and day)")
        else:
            moment = _time(time_text, row, names[3], problems)
    if len(problems.lines) > before or year is None:
        return None
    if month is None:
        value: Any = f"{year:04d}"
    elif day is None:
        value = f"{year:04d}-{month:02d}"
    elif moment is None:
        value = dt.date(year, month, day)
    else:
        value = dt.datetime.combine(dt.date(year, month, day), moment)
    return value, When.from_toml(value)


def _number(
    text: str, row: int, column: str, problems: _Problems, what: str, low: int, high: int, hint: str = ""
) -> int | None:
    if not _INTEGER.match(text):
        problems.add(row, column, f"{_quote(text)} is not {what}{hint}")
        return None
    number = int(text)
    if not low <= number <= high:
        problems.add(row, column, f"{number} is not {what} ({low} to {high})")
        return None
    return number


def _time(text: str, row: int, column: str, problems: _Problems) -> dt.time | None:
    match = _TIME.match(text)
    hour = minute = second = -1
    if match:
        hour, minute, second = int(match[1]), int(match[2]), int(match[3] or 0)
        meridiem = (match[4] or "").replace(".", "").lower()
        if meridiem and 1 <= hour <= 12:
            hour = hour % 12 + (12 if meridiem == "pm" else 0)
        elif meridiem:
            hour = -1
    if not (0 <= hour <= 23 and 0 <= minute <= 59 and 0 <= second <= 59):
        problems.add(row, column, f"{_quote(text)} is not a time of day (like 14:30, 14:30:05 or 2:30 PM)")
        return None
    return dt.time(hour, minute, second)


def _quote(text: str) -> str:
    shown = clean(text).replace("\n", "\\n")
    return f'"{shown[:40]}…"' if len(shown) > 40 else f'"{shown}"'


# -- the case ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CaseInfo:
    """What the command line adds to the sheet: the id and the fields a sheet has no column for."""

    case_id: str
    name: str | None
    status: str = "active"
    summary: str | None = None
    company: str | None = None
    model_type: str = "Not described yet"


def generate(sheet: Sheet, info: CaseInfo, shown: str) -> Generated:
    """The case file body; ImportFailed when neither the sheet nor the options give a name and summary."""
    name = info.name or sheet.title
    summary = info.summary or sheet.intro or sheet.title
    missing = []
    if not name:
        missing.append(f"{shown}: no case name: give --name, or add a row with Type = title and a Headline")
    if not summary:
        missing.append(f"{shown}: no summary: give --summary, or add a row with Type = title and a Text")
    if missing:
        raise ImportFailed(missing)
    document = {
        "format": 1,
        "case": {"name": name, "company": info.company, "status": info.status, "summary": summary},
        "model": {"type": info.model_type},
        "events": sheet.events or None,
        "phases": sheet.phases or None,
        "sources": {
            SOURCE_ID: {
                "title": sheet.file_name,
                "note": "A TimelineJS spreadsheet, imported with `casetui import sheet`.",
            }
        },
    }
    return Generated(info.case_id, toml_writer.dumps(document))
