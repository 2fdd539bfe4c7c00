"""Which library entries the table shows, and in what order: search, filters and sort, free of any UI.

Broken files are entries too (no summary, only problems): they match searches on their id and path,
pass the filters only when no status or tag is chosen (or the status filter is `broken`), and sort
after every case that loaded.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from itertools import compress
from operator import attrgetter, itemgetter
from typing import TYPE_CHECKING, Any

from casetui.library import Entry
from casetui.model import STATUSES
from casetui.record import NamedTuple
from casetui.summary import Summary

if TYPE_CHECKING:  # The overview's bars: loaded when it opens, not at start-up.
    from casetui.stats import Facet

COLUMNS = ("name", "company", "status", "launched", "ended", "lifespan", "notice")
"""The sortable columns, in table order."""

BROKEN = "broken"
"""The pseudo-status of an entry whose file did not load."""

STATUS_FILTERS = (None, *STATUSES, BROKEN)
"""What the status filter cycles through; None shows everything."""


# A record, not a frozen dataclass, which takes ten times as long to define: it is on the way to the first frame.
class Listing(NamedTuple):
    """The table's search, filters and sort order (a record: see `casetui.model`)."""

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
    """Every entry sorted by one column, ties by id; missing values and broken files last either way.

    `Selector` keeps this order and filters it on each keystroke (filtering keeps order), so a search
    over 10,000 cases never sorts. It sorts at start-up, though: the positions of the entries are sorted
    by their keys alone (a comparison of two strings, for names, rather than of two tuples), after a
    sort by id that the second keeps for equal keys (both stable, and reversed alike).
    """
    every = list(entries)
    missing: list[Entry] = []
    broken: list[Entry] = []
    # The order the library opens in: every name's key made in C, when it can be (`_name_keys`).
    keys: list[Any] = _name_keys(every, lang) if sort == "name" else []
    rows: list[Entry] = every if keys else []
    if not keys and sort in TEXT_COLUMNS:
        for entry in every:
            summary = entry.summary
            if summary is None:
                broken.append(entry)
                continue
            text = summary.name if sort == "name" else summary.company
            if text is None:
                missing.append(entry)
                continue
            tag, first = text.entries[0]  # The text in `lang`, as `LText.get` picks it, without its call.
            keys.append((first if tag == lang else text.get(lang)).casefold())
            rows.append(entry)
    elif not keys:
        for entry in every:
            if entry.summary is None:
                broken.append(entry)
                continue
            key = _key(entry.summary, sort)
            if key is None:
                missing.append(entry)
            else:
                keys.append(key)
                rows.append(entry)
    ids = [entry.id for entry in rows]
    by_id = sorted(range(len(rows)), key=ids.__getitem__, reverse=descending)
    by_key = sorted(by_id, key=keys.__getitem__, reverse=descending)
    missing.sort(key=_id)
    broken.sort(key=_id)
    return [rows[at] for at in by_key] + missing + broken


_id = attrgetter("id")
TEXT_COLUMNS = ("name", "company")
_SUMMARY, _NAME, _ENTRIES = attrgetter("summary"), attrgetter("name"), attrgetter("entries")
_FIRST, _SECOND = itemgetter(0), itemgetter(1)


def _name_keys(entries: list[Entry], lang: str) -> list[str]:
    """The name sort key of every entry, in passes made in C, when every entry loaded and every name's
    first text is in `lang` (as in a library written in one language first); else none."""
    summaries = list(map(_SUMMARY, entries))
    if not all(summaries):
        return []
    firsts = list(map(_FIRST, map(_ENTRIES, map(_NAME, summaries))))
    if set(map(_FIRST, firsts)) != {lang}:
        return []
    return list(map(str.casefold, map(_SECOND, firsts)))


def narrows(old: Listing, new: Listing) -> bool:
    """True when `new` can only hide entries that `old` shows: same filters and order, each old word inside a new one.

    Typing on in the search is such a change, so the rows shown can be filtered instead of the library.
    """
    same = (old.status, old.tag, old.facets, old.sort, old.descending)
    if same != (new.status, new.tag, new.facets, new.sort, new.descending):
        return False
    new_words = new.query.casefold().split()
    return all(any(w in v for v in new_words) for w in old.query.casefold().split())


class Selector:
    """The rows of a listing over one library, cheaply enough for every keystroke.

    Entries are sorted once per column and language; search blobs are built when the search field takes
    focus or at the first search (not at start-up) and kept beside the sorted entries; a search that
    narrows the previous one filters what that one found, not the library.
    """

    def __init__(self) -> None:
        self._library: tuple[int, int] | None = None
        self._blobs: dict[str, str] = {}
        self._order_key: tuple[str, bool, str] | None = None
        self._ordered: list[Entry] = []
        self._ordered_blobs: list[str] = []
        """The search blob of each entry of `_ordered`, once a search needs them."""
        self._last: Listing | None = None
        self._found: tuple[list[Entry], list[str]] = ([], [])
        """What the last search (`_last`) found, with the blobs."""

    def prepare(self, entries: Mapping[str, Entry]) -> None:
        """Build the search blobs now, before the first search needs them (when the search field takes focus)."""
        self._track(entries)
        if not self._blobs:
            self._blobs = {e.id: search_blob(e) for e in entries.values()}

    def _track(self, entries: Mapping[str, Entry]) -> None:
        """Forget everything kept for another library."""
        library = (id(entries), len(entries))
        if library != self._library:
            self._library, self._blobs, self._order_key = library, {}, None

    def rows(self, entries: Mapping[str, Entry], listing: Listing, lang: str) -> list[Entry]:
        """The entries `listing` shows, in its order."""
        self._track(entries)
        key = (listing.sort, listing.descending, lang)
        if key != self._order_key:
            self._ordered = order(entries.values(), listing.sort, listing.descending, lang)
            self._order_key, self._ordered_blobs = key, []
        words = listing.query.casefold().split()
        if not words:
            self._last = None
            test = _matcher(listing)
            return [e for e in self._ordered if test(e, None)] if listing.filtered else list(self._ordered)
        if not self._ordered_blobs:
            self.prepare(entries)
            self._ordered_blobs = [self._blobs[e.id] for e in self._ordered]
            self._last = None
        if self._last is not None and narrows(self._last, listing):
            rows, blobs = self._found
        else:
            rows, blobs = self._ordered, self._ordered_blobs
            if listing.status is not None or listing.tag is not None or listing.facets:
                test = _matcher(listing._replace(query=""))
                keep = [test(e, None) for e in rows]
                rows, blobs = list(compress(rows, keep)), list(compress(blobs, keep))
        for word in words:  # A substring test per blob, the rest in C: this runs on every keystroke.
            keep = [word in blob for blob in blobs]
            rows, blobs = list(compress(rows, keep)), list(compress(blobs, keep))
        self._last, self._found = listing, (rows, blobs)
        return list(rows)


def tags_of(entries: Iterable[Entry]) -> list[str]:
    """Every tag used in the library, sorted."""
    return sorted({tag for e in entries if e.summary is not None for tag in e.summary.tags})


def next_in(options: tuple[str | None, ...] | list[str | None], current: str | None) -> str | None:
    """The option after `current`, wrapping round (for keys that cycle a filter)."""
    index = options.index(current) if current in options else -1
    return options[(index + 1) % len(options)]


def _key(summary: Summary, column: str) -> object:
    """The sort key of one cell, or None when the case has no value there (`TEXT_COLUMNS` are keyed in `order`)."""
    if column == "status":
        return STATUSES.index(summary.status) if summary.status in STATUSES else len(STATUSES)
    if column in ("launched", "ended"):
        when = summary.launched if column == "launched" else summary.end  # as the Ended column shows it
        return None if when is None else when.sort_key
    span = summary.lifespan if column == "lifespan" else summary.notice
    return None if span is None else span.days
