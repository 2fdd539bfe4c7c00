"""Which library entries the table shows, and in what order: search, filters and sort, free of any UI.

Broken files are entries too (no summary, only problems): they match searches on their id and path,
pass the filters only when no status or tag is chosen (or the status filter is `broken`), and sort
after every case that loaded.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from casetui.library import Entry
from casetui.model import STATUSES
from casetui.summary import Summary

COLUMNS = ("name", "company", "status", "launched", "ended", "lifespan", "notice")
"""The sortable columns, in table order."""

BROKEN = "broken"
"""The pseudo-status of an entry whose file did not load."""

STATUS_FILTERS = (None, *STATUSES, BROKEN)
"""What the status filter cycles through; None shows everything."""


@dataclass(frozen=True, slots=True)
class Listing:
    """The table's search, filters and sort order."""

    query: str = ""
    status: str | None = None
    tag: str | None = None
    sort: str = "name"
    descending: bool = False

    @property
    def filtered(self) -> bool:
        """True when anything hides rows."""
        return bool(self.query.strip()) or self.status is not None or self.tag is not None


def search_blob(entry: Entry) -> str:
    """What a search looks in: names in every language, company, tags and id; the path for broken files."""
    if entry.summary is None:
        return f"{entry.id} {entry.path}".casefold()
    return entry.summary.search_blob()


def matches(entry: Entry, listing: Listing, blob: str | None = None) -> bool:
    """True when the entry passes the search (every word found) and both filters."""
    summary = entry.summary
    if listing.status is not None:
        status = BROKEN if summary is None else summary.status
        if status != listing.status:
            return False
    if listing.tag is not None and (summary is None or listing.tag not in summary.tags):
        return False
    words = listing.query.casefold().split()
    if words:
        haystack = blob if blob is not None else search_blob(entry)
        return all(w in haystack for w in words)
    return True


def select(entries: Iterable[Entry], listing: Listing, lang: str, blobs: dict[str, str] | None = None) -> list[Entry]:
    """The entries to show, filtered and sorted; missing values and broken files sort last either way."""
    keyed: list[tuple[object, str, Entry]] = []
    missing: list[Entry] = []
    broken: list[Entry] = []
    for entry in entries:
        if not matches(entry, listing, blobs.get(entry.id) if blobs else None):
            continue
        if entry.summary is None:
            broken.append(entry)
            continue
        key = _key(entry.summary, listing.sort, lang)
        if key is None:
            missing.append(entry)
        else:
            keyed.append((key, entry.id, entry))
    keyed.sort(key=lambda item: (item[0], item[1]), reverse=listing.descending)
    missing.sort(key=lambda e: e.id)
    broken.sort(key=lambda e: e.id)
    return [item[2] for item in keyed] + missing + broken


def tags_of(entries: Iterable[Entry]) -> list[str]:
    """Every tag used in the library, sorted."""
    return sorted({tag for e in entries if e.summary is not None for tag in e.summary.tags})


def next_in(options: tuple[str | None, ...] | list[str | None], current: str | None) -> str | None:
    """The option after `current`, wrapping round (for keys that cycle a filter)."""
    index = options.index(current) if current in options else -1
    return options[(index + 1) % len(options)]


def _key(summary: Summary, column: str, lang: str) -> object:
    """The sort key of one cell, or None when the case has no value there."""
    if column == "name":
        return summary.name.get(lang).casefold()
    if column == "company":
        return None if summary.company is None else summary.company.get(lang).casefold()
    if column == "status":
        return STATUSES.index(summary.status) if summary.status in STATUSES else len(STATUSES)
    if column in ("launched", "ended"):
        when = summary.launched if column == "launched" else summary.ended
        return None if when is None else when.sort_key
    span = summary.lifespan if column == "lifespan" else summary.notice
    return None if span is None else span.days
