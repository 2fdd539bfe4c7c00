"""Case ids from product names: lowercase ASCII slugs, unique, and the same on every run.

An id names a file, so it must not change between imports of the same entry; otherwise a
re-import would leave the old file behind and duplicate the case. Ids already given to entries
(read back from the files written earlier) are kept; new collisions are settled by launch year,
then by a counter, in an order that depends only on the entries themselves.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from casetui.loader import ID_MAX

# Letters that Unicode does not decompose into ASCII, and symbols that carry meaning in names.
_SPELLED = {
    "ß": "ss",
    "æ": "ae",
    "œ": "oe",
    "ø": "o",
    "ð": "d",
    "þ": "th",
    "ł": "l",
    "đ": "d",
    "ı": "i",
    "&": " and ",
    "+": " plus ",
    "@": " at ",
}
_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def slugify(name: str, limit: int = ID_MAX) -> str:
    """A lowercase ASCII slug of `name`, at most `limit` characters, cut at a hyphen where it can be.

    Accents are dropped (`Café` → `cafe`), a few symbols are spelled out (`Google+` →
    `google-plus`), and other non-ASCII text is left out. A name with nothing left (all CJK, for
    instance) gets `entry-` and a short hash of the name, so it still has a stable id.
    """
    text = unicodedata.normalize("NFKD", name.lower())
    text = "".join(_SPELLED.get(char, char) for char in text if not unicodedata.combining(char))
    slug = _NOT_SLUG.sub("-", text.encode("ascii", "ignore").decode()).strip("-")
    if not slug:
        slug = "entry-" + hashlib.sha256(name.encode("utf-8", "surrogatepass")).hexdigest()[:10]
    return _cut(slug, limit)


def _cut(slug: str, limit: int) -> str:
    if len(slug) <= limit:
        return slug
    head = slug[:limit]
    if slug[limit] != "-" and "-" in head:
        head = head.rsplit("-", 1)[0]  # do not end on half a word
    return head.strip("-")


def with_suffix(base: str, suffix: str) -> str:
    """`base-suffix`, with `base` shortened so that the whole stays within the id limit."""
    return f"{_cut(base, ID_MAX - len(suffix) - 1)}-{suffix}"


@dataclass(frozen=True, slots=True)
class Named:
    """What an id is made from: the entry's key, its name, and its launch year (for collisions)."""

    key: str
    """Identifies the entry across runs (the importer decides what it is)."""
    name: str
    year: int | None


def assign(entries: Sequence[Named], kept: Mapping[str, str]) -> dict[str, str]:
    """An id for every entry key: `kept[key]` where a file already holds it, a fresh unique one otherwise.

    Args:
        entries: the entries to name; keys must be unique.
        kept: entry key -> id, for entries written by an earlier run (their ids are never reused).
    """
    ids = {e.key: kept[e.key] for e in entries if e.key in kept}
    used = set(kept.values())
    groups: dict[str, list[Named]] = defaultdict(list)
    for entry in entries:
        if entry.key not in ids:
            groups[slugify(entry.name)].append(entry)
    rest: list[tuple[str, Named]] = []
    # A name that only one entry has keeps its plain slug, so `Google+` is `google-plus`.
    for base in sorted(groups):
        members = groups[base]
        if len(members) == 1 and base not in used:
            ids[members[0].key] = base
            used.add(base)
        else:
            rest += [(base, m) for m in members]
    # Shared names (or a slug already taken) get the launch year, then a counter.
    rest.sort(key=lambda item: (item[0], item[1].year or 0, item[1].name, item[1].key))
    for base, entry in rest:
        stem = with_suffix(base, str(entry.year)) if entry.year else base
        candidate, counter = stem, 2
        while candidate in used:
            candidate = with_suffix(stem, str(counter))
            counter += 1
        ids[entry.key] = candidate
        used.add(candidate)
    return ids
