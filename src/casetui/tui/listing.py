"""Which library entries the table shows, and in what order: search, filters and sort, free of any UI.

Broken files are entries too (no summary, only problems): they match searches on their id and path,
pass the filters only when no status or tag is chosen (or the status filter is `broken`), and sort
after every case that loaded.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from casetui.library import Entry
from casetui.model import STATUSES
from casetui.stats import Facet
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
    facets: tuple[Facet, ...] = ()
    """Bars chosen in the overview: a case must be counted in each."""

    @property
    def filtered(self) -> bool:
        """True when anything hides rows."""
        return bool(self.query.strip()) or self.status is not None or self.tag is not None or bool(self.facets)


def search_blob(entry: Entry) -> str:
    """What a search looks in: names in every language, company, tags and id; the path for broken files."""
    if entry.summary is None:
        return f"{entry.id} {entry.path}".casefold()
    return entry.summary.search_blob()


def matches(entry: Entry, listing: Listing, blob: str | None = None) -> bool:
    """True when the entry passes the search (every word found), both filters and the overview's bars."""
    return _matcher(listing)(entry, blob)


def _matcher(listing: Listing) -> Callable[[Entry, str | None], bool]:
    """The test of one entry against the search and filters, with the query split once."""
    words = listing.query.casefold().split()
    status, tag, facets = listing.status, listing.tag, listing.facets

    def test(entry: Entry, blob: str | None) -> bool:
        summary = entry.summary
        if status is not None and (BROKEN if summary is None else summary.status) != status:
            return False
        if tag is not None and (summary is None or tag not in summary.tags):
            return False
        if facets and (summary is None or not all(f.matches(summary) for f in facets)):
            return False
        if words:
            haystack = blob if blob is not None else search_blob(entry)
            return all(w in haystack for w in words)
        return True

    return test


def order(entries: Iterable[Entry], sort: str, descending: bool, lang: str) -> list[Entry]:
    """Every entry sorted by one column; missing values and broken files last either way.

    The library screen keeps this order and filters it on each keystroke (filtering keeps order),
    so a search over 10,000 cases never sorts.
    """
    keyed: list[tuple[object, str, Entry]] = []
    missing: list[Entry] = []
    broken: list[Entry] = []
    for entry in entries:
        if entry.summary is None:
            broken.append(entry)
            continue
        key = _key(entry.summary, sort, lang)
        if key is None:
            missing.append(entry)
        else:
            keyed.append((key, entry.id, entry))
    keyed.sort(key=lambda item: (item[0], item[1]), reverse=descending)
    missing.sort(key=lambda e: e.id)
    broken.sort(key=lambda e: e.id)
    return [item[2] for item in keyed] + missing + broken


def select(
    entries: Iterable[Entry],
    listing: Listing,
    lang: str,
    blobs: dict[str, str] | None = None,
    ordered: list[Entry] | None = None,
) -> list[Entry]:
    """The entries to show, filtered and sorted (from `ordered`, the output of `order`, when given)."""
    if ordered is None:
        ordered = order(entries, listing.sort, listing.descending, lang)
    if blobs is not None and listing.status is None and listing.tag is None and not listing.facets:
        # The common case, a search alone: one substring test per entry, nothing else.
        words = listing.query.casefold().split()
        if not words:
            return list(ordered)
        if len(words) == 1:
            word = words[0]
            return [e for e in ordered if word in blobs.get(e.id, "")]
        return [e for e in ordered if all(w in blobs.get(e.id, "") for w in words)]
    test = _matcher(listing)
    if blobs is None:
        return [e for e in ordered if test(e, None)]
    return [e for e in ordered if test(e, blobs.get(e.id))]


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
