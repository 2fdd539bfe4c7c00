"""Filtering and sorting for `casetui list`: any column, missing values always last."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from operator import attrgetter

from casetui.model import STATUSES
from casetui.summary import Summary
from casetui.text import LText

SORT_FIELDS = ("id", "name", "company", "status", "launched", "ended", "lifespan", "notice")
"""What `--sort` accepts (`notice_period` and `notice-period` are read as `notice`)."""

_ALIASES = {"notice_period": "notice", "notice-period": "notice"}
_id = attrgetter("id")


def sort_field(value: str) -> str:
    """The canonical field for a `--sort` value; ValueError when there is none."""
    field = _ALIASES.get(value.lower(), value.lower())
    if field not in SORT_FIELDS:
        raise ValueError(f"{value!r} is not one of {', '.join(SORT_FIELDS)}")
    return field


def _text(value: LText | None, lang: str) -> str | None:
    return None if value is None else value.get(lang).casefold()


def sort_key(field: str, lang: str) -> Callable[[Summary], object]:
    """The key for `field`: dates by `When.sort_key`, spans by length in days, statuses in lifecycle order.

    Not for "id": `select` sorts every list by id first, and for `--sort id` that is all it does.
    """
    keys: dict[str, Callable[[Summary], object]] = {
        "name": lambda s: _text(s.name, lang),
        "company": lambda s: _text(s.company, lang),
        "status": lambda s: STATUSES.index(s.status) if s.status in STATUSES else len(STATUSES),
        "launched": lambda s: s.launched.sort_key if s.launched else None,
        "ended": lambda s: s.end.sort_key if s.end else None,  # `ended`, else the final shutdown
        "lifespan": lambda s: s.lifespan.days if s.lifespan else None,
        "notice": lambda s: s.notice.days if s.notice else None,
    }
    return keys[field]


def select(
    summaries: Sequence[Summary],
    statuses: Sequence[str] = (),
    tags: Sequence[str] = (),
    sort: str = "id",
    reverse: bool = False,
    lang: str = "en",
) -> list[Summary]:
    """The cases to list: any of `statuses`, any of `tags`, sorted, missing values last.

    Ties keep id order (in either direction), so output is stable between runs.
    """
    wanted_tags = {t.casefold() for t in tags}
    chosen = [
        s
        for s in summaries
        if (not statuses or s.status in statuses) and (not wanted_tags or wanted_tags & {t.casefold() for t in s.tags})
    ]
    chosen.sort(key=_id)
    if sort == "id":  # every case has one: sorted already (10,000 cases: no key called three times each)
        if reverse:
            chosen.reverse()
        return chosen
    key = sort_key(sort, lang)
    present = [s for s in chosen if key(s) is not None]
    missing = [s for s in chosen if key(s) is None]
    present.sort(key=key, reverse=reverse)  # type: ignore[arg-type]
    return present + missing
