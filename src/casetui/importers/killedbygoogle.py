"""Cases from the Killed by Google dataset: one file per discontinued product.

The dataset (github.com/codyogden/killedbygoogle, `graveyard.json`, MIT licence) is a JSON array
of entries with `name`, `dateOpen`, `dateClose`, `description`, `link` and `type`. Each entry
becomes a case with a launch and a shutdown event, sourced to the entry's link. An entry whose
close date is still ahead is `sunsetting`, with its shutdown event marked as scheduled.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from casetui.importers import ImportFailed, ids, toml_writer
from casetui.importers.output import Generated, entry_hash
from casetui.sanitize import clean

IMPORTER = "killedbygoogle"
PROJECT = "Killed by Google"
REPOSITORY = "github.com/codyogden/killedbygoogle"
MAX_BYTES = 64 << 20
SOURCE_ID = "killedbygoogle"
MODEL_TYPES = {"service": "Google service", "app": "Google app", "hardware": "Google hardware"}
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_COMMIT_DATE = re.compile(r"commit of (\d{4}-\d{2}-\d{2})")


@dataclass(frozen=True, slots=True)
class Entry:
    """One product in the dataset, checked."""

    name: str
    opened: dt.date
    closed: dt.date
    description: str
    link: str
    type: str


@dataclass(frozen=True, slots=True)
class Dataset:
    """The entries, and what the README beside the file says about their origin."""

    entries: list[Entry]
    file_name: str
    commit_date: dt.date | None = None
    """The upstream commit the copy was taken from, when a README beside the file names it."""


def read_dataset(path: Path, shown: str) -> Dataset:
    """Read and check `graveyard.json`; raise ImportFailed listing every bad entry."""
    try:
        if path.stat().st_size > MAX_BYTES:
            raise ImportFailed([f"{shown}: larger than {MAX_BYTES >> 20} MiB; not read"])
        data = path.read_bytes()
    except OSError as error:
        raise ImportFailed([f"{shown}: cannot read: {error.strerror or error}"]) from None
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as error:
        raise ImportFailed([f"{shown}: not UTF-8 (byte 0x{data[error.start : error.start + 1].hex()})"]) from None
    except json.JSONDecodeError as error:
        raise ImportFailed([f"{shown}:{error.lineno}: json: {error.msg} (column {error.colno})"]) from None
    except RecursionError:
        raise ImportFailed([f"{shown}: json: nested too deeply to read"]) from None
    if not isinstance(document, list):
        raise ImportFailed([f"{shown}: json: expected an array of entries, got {_kind(document)}"])
    entries: list[Entry] = []
    problems: list[str] = []
    seen: dict[str, int] = {}
    for index, item in enumerate(document):
        entry = _entry(item, f"{shown}: [{index}]", problems)
        if entry is None:
            continue
        if entry.name in seen:
            problems.append(f"{shown}: [{index}].name: {_quote(entry.name)} is also entry [{seen[entry.name]}]")
            continue
        seen[entry.name] = index
        entries.append(entry)
    if problems:
        raise ImportFailed(problems)
    return Dataset(entries, path.name, _commit_date(path.parent / "README.md"))


def _entry(item: object, where: str, problems: list[str]) -> Entry | None:
    """One entry, or None after recording what is wrong with it."""
    if not isinstance(item, dict):
        problems.append(f"{where}: expected an object, got {_kind(item)}")
        return None
    before = len(problems)
    fields: dict[str, Any] = {}
    for key in ("name", "description", "type"):
        fields[key] = _text(item, key, where, problems, required=True)
    fields["link"] = _text(item, "link", where, problems, required=False) or ""
    for key in ("dateOpen", "dateClose"):
        fields[key] = _day(item, key, where, problems)
    if len(problems) > before:
        return None
    if fields["dateClose"] < fields["dateOpen"]:
        problems.append(f"{where}.dateClose: {fields['dateClose']} is before dateOpen {fields['dateOpen']}")
        return None
    return Entry(
        fields["name"], fields["dateOpen"], fields["dateClose"], fields["description"], fields["link"], fields["type"]
    )


def _text(item: Mapping[str, Any], key: str, where: str, problems: list[str], required: bool) -> str | None:
    value = item.get(key)
    if value is None and not required:
        return None
    if not isinstance(value, str):
        problems.append(f"{where}.{key}: " + ("missing" if value is None else f"expected a string, got {_kind(value)}"))
        return None
    if required and not value.strip():
        problems.append(f"{where}.{key}: empty")
        return None
    return value.strip()


def _day(item: Mapping[str, Any], key: str, where: str, problems: list[str]) -> dt.date | None:
    value = item.get(key)
    if not isinstance(value, str) or not _ISO_DAY.match(value):
        shown = "missing" if value is None else f"{_quote(str(value))} is not a date (YYYY-MM-DD)"
        problems.append(f"{where}.{key}: {shown}")
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        problems.append(f"{where}.{key}: {_quote(value)} is not a day of the calendar")
        return None


def _commit_date(readme: Path) -> dt.date | None:
    """The `commit of YYYY-MM-DD` that the README beside a copy of the dataset records, if any."""
    try:
        match = _COMMIT_DATE.search(readme.read_text(encoding="utf-8", errors="replace")[:20_000])
        return dt.date.fromisoformat(match.group(1)) if match else None
    except (OSError, ValueError):
        return None


def _kind(value: object) -> str:
    names = {dict: "an object", list: "an array", str: "a string", bool: "a boolean", type(None): "null"}
    return names.get(type(value), "a number")


def _quote(text: str) -> str:
    shown = clean(text).replace("\n", "\\n")
    return f'"{shown[:60]}…"' if len(shown) > 60 else f'"{shown}"'


# -- cases ---------------------------------------------------------------------------------


def generate(dataset: Dataset, today: dt.date, kept: Mapping[str, str]) -> list[Generated]:
    """One case file body per entry, with ids that stay the same from run to run.

    Args:
        dataset: the checked entries.
        today: the cases' `as_of` when the dataset's commit date is not known: it decides whether a
            close date is past (`shut-down`) or ahead (`sunsetting`).
        kept: entry hash -> id of files an earlier import wrote (edited ones too).
    """
    keys = {entry.name: entry_hash(f"{IMPORTER}:{entry.name}") for entry in dataset.entries}
    named = [ids.Named(keys[e.name], e.name, e.opened.year) for e in dataset.entries]
    chosen = ids.assign(named, kept)
    return [
        Generated(chosen[keys[e.name]], toml_writer.dumps(case_document(e, dataset, today)), keys[e.name])
        for e in dataset.entries
    ]


def case_document(entry: Entry, dataset: Dataset, today: dt.date) -> dict[str, Any]:
    """The case of one entry, as a document for `toml_writer.dumps`."""
    # `status` describes the case on `as_of`: the dataset's commit, or today when the copy does not
    # say (the day the import checked it). A close after it was only scheduled then, so the case is
    # `sunsetting` and its end is left for casetui to derive from the shutdown event (an `ended`
    # after `as_of` is what `validate` warns about).
    as_of = dataset.commit_date or today
    ahead = entry.closed > as_of
    model_type = MODEL_TYPES.get(entry.type.lower(), f"Google {entry.type}")
    return {
        "format": 1,
        "case": {
            "name": entry.name,
            "company": "Google",
            "status": "sunsetting" if ahead else "shut-down",
            "summary": entry.description,
            "tags": _tags(entry.type),
            "launched": entry.opened,
            **({} if ahead else {"ended": entry.closed}),
            "as_of": as_of,
        },
        "model": {"type": model_type},
        "events": [
            {"date": entry.opened, "title": f"{entry.name} launched", "kind": "launch", "source": SOURCE_ID},
            {
                "date": entry.closed,
                "title": f"{entry.name} scheduled to shut down" if ahead else f"{entry.name} shut down",
                "kind": "shutdown",
                "source": SOURCE_ID,
            },
        ],
        "sources": {SOURCE_ID: _source(entry, dataset)},
    }


def _tags(product_type: str) -> list[str]:
    tag = ids.slugify(product_type)
    return ["killed-by-google", tag] if tag != "killed-by-google" else [tag]


def _source(entry: Entry, dataset: Dataset) -> dict[str, Any]:
    copy = f"{dataset.file_name}, commit of {dataset.commit_date}" if dataset.commit_date else dataset.file_name
    return {
        "title": f"{PROJECT}: {entry.name}",
        "publisher": PROJECT,
        "url": entry.link or None,
        "note": f"Entry of the {PROJECT} dataset ({REPOSITORY}, {copy}); MIT licence, © Cody Ogden.",
    }
