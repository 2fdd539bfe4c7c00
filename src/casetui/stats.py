"""Statistics over a set of cases, as bars: launches and endings per year, lifespans, notice periods,
statuses, companies and tags.

Counted from `Summary` objects only (the summary index), so a library of any size is counted without
parsing a file. Free of Rich and Textual: `casetui stats`, its JSON and the app's overview share it.

Every bar is also a filter (`Facet`): the cases it matches are exactly the `count` the bar shows, so
choosing a bar in the overview narrows the library to that many rows. A case without the value (no
`ended`, no announcement event, no tags) is counted in an "unknown" bar, never dropped.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from casetui import i18n
from casetui.model import STATUSES
from casetui.problems import Problem
from casetui.summary import Summary
from casetui.text import LText

CHARTS = ("launched", "ended", "lifespan", "notice", "status", "company", "tag")
"""Every chart, in the order they are shown."""

YEAR_CHARTS = ("launched", "ended")
"""Charts with a bar per calendar year (every year from the first to the last, empty ones too)."""

TOP = 10
"""How many companies and tags get a bar of their own; the rest share an "other" bar."""

VALUE, UNKNOWN, OTHER = "value", "unknown", "other"
"""Kinds of bar: one value, the cases without a value, the values beyond the top N."""

_YEAR = 365.2425
_MONTH = _YEAR / 12

LIFESPANS: tuple[tuple[str, float], ...] = (
    ("<1y", _YEAR),
    ("1-2y", 2 * _YEAR),
    ("2-5y", 5 * _YEAR),
    ("5-10y", 10 * _YEAR),
    ("10y+", float("inf")),
)
"""Lifespan buckets: each key and the length in days it stays under (`Span.days`)."""

NOTICES: tuple[tuple[str, float], ...] = (
    ("none", 0.0),
    ("<7d", 7.0),
    ("7-30d", 30.0),
    ("1-3mo", 3 * _MONTH),
    ("3mo+", float("inf")),
)
"""Notice-period buckets; `none` is a shutdown on (or before) the day it was announced."""


@dataclass(frozen=True, slots=True)
class Bar:
    """One bar of a chart: a value and how many cases have it."""

    key: str
    """The value: a year (`"2019"`), a bucket (`"2-5y"`), a status, a company as written in English, a tag;
    `"unknown"` or `"other"` for those kinds of bar."""
    count: int
    kind: str = VALUE
    name: LText | None = None
    """A company's name as written (case text), to show in the display language."""
    covers: frozenset[str] = frozenset()
    """For the "other" bar: the values it gathers."""


@dataclass(frozen=True, slots=True)
class Chart:
    """The bars of one statistic: its values in order, then "other", then "unknown" when they count any."""

    name: str
    bars: tuple[Bar, ...]
    total: int
    """How many cases were counted (a case may sit in several tag bars)."""

    @property
    def values(self) -> tuple[Bar, ...]:
        """The bars of single values."""
        return tuple(b for b in self.bars if b.kind == VALUE)

    @property
    def unknown(self) -> int:
        """Cases without this value."""
        return sum(b.count for b in self.bars if b.kind == UNKNOWN)

    @property
    def other(self) -> Bar | None:
        """The bar of the values beyond the top N, if there are any."""
        return next((b for b in self.bars if b.kind == OTHER), None)

    @property
    def peak(self) -> int:
        """The largest count (the length of a full bar)."""
        return max((b.count for b in self.bars), default=0)


@dataclass(frozen=True, slots=True)
class Stats:
    """Every chart over one set of cases."""

    total: int
    charts: tuple[Chart, ...]

    def chart(self, name: str) -> Chart:
        """The chart called `name` (one of `CHARTS`)."""
        return next(c for c in self.charts if c.name == name)


@dataclass(frozen=True, slots=True)
class Facet:
    """A bar chosen as a filter: the cases it counted."""

    chart: str
    bar: Bar

    def matches(self, summary: Summary) -> bool:
        """True when the case is one of those the bar counts."""
        values = values_of(summary, self.chart)
        if self.bar.kind == UNKNOWN:
            return not values
        if self.bar.kind == OTHER:
            return any(v in self.bar.covers for v in values)
        return self.bar.key in values

    def same_as(self, other: Facet) -> bool:
        """True when both select the same cases (whatever the counts were when they were chosen)."""
        return (self.chart, self.bar.kind, self.bar.key, self.bar.covers) == (
            other.chart,
            other.bar.kind,
            other.bar.key,
            other.bar.covers,
        )


# -- counting --------------------------------------------------------------------------------


def bucket(days: float, buckets: tuple[tuple[str, float], ...]) -> str:
    """The key of the first bucket that `days` stays under (the `none` notice bucket takes 0 too)."""
    for key, limit in buckets:
        if days < limit or (limit == 0 and days <= 0):
            return key
    return buckets[-1][0]


def company_key(summary: Summary) -> str | None:
    """The company as written in English (else its first language), which groups a company's cases."""
    if summary.company is None:
        return None
    return " ".join(summary.company.get("en").split()) or None


def values_of(summary: Summary, chart: str) -> tuple[str, ...]:
    """The values a case has on a chart: none when unknown, one, or several for tags."""
    if chart in YEAR_CHARTS:
        when = summary.launched if chart == "launched" else summary.end  # `ended`, else the final shutdown
        return () if when is None else (str(when.year),)
    if chart in ("lifespan", "notice"):
        span = summary.lifespan if chart == "lifespan" else summary.notice
        return () if span is None else (bucket(span.days, LIFESPANS if chart == "lifespan" else NOTICES),)
    if chart == "status":
        return (summary.status,)
    if chart == "company":
        key = company_key(summary)
        return () if key is None else (key,)
    if chart == "tag":
        return tuple(dict.fromkeys(summary.tags))
    raise ValueError(f"no chart called {chart!r}")


def compute(summaries: Iterable[Summary], top: int = TOP) -> Stats:
    """Every chart over these cases; companies and tags keep their `top` most frequent values."""
    cases = sorted(summaries, key=lambda s: s.id)
    return Stats(len(cases), tuple(_chart(name, cases, top) for name in CHARTS))


def _chart(name: str, cases: Sequence[Summary], top: int) -> Chart:
    values = {s.id: values_of(s, name) for s in cases}
    counts = Counter(v for vs in values.values() for v in vs)
    unknown = sum(1 for vs in values.values() if not vs)
    if name in YEAR_CHARTS:
        years = [int(y) for y in counts]
        keys = [str(y) for y in range(min(years), max(years) + 1)] if years else []
        bars = [Bar(k, counts[k]) for k in keys]
    elif name in ("lifespan", "notice"):
        bars = [Bar(k, counts[k]) for k, _ in (LIFESPANS if name == "lifespan" else NOTICES)]
    elif name == "status":
        bars = [Bar(k, counts[k]) for k in (*STATUSES, *sorted(set(counts) - set(STATUSES)))]
    else:
        ranked = sorted(counts, key=lambda k: (-counts[k], k.casefold(), k))
        names = _company_names(cases) if name == "company" else {}
        bars = [Bar(k, counts[k], name=names.get(k)) for k in ranked[:top]]
        rest = frozenset(ranked[top:])
        if rest:
            gathered = sum(1 for vs in values.values() if rest.intersection(vs))
            bars.append(Bar(OTHER, gathered, OTHER, covers=rest))
    if unknown:
        bars.append(Bar(UNKNOWN, unknown, UNKNOWN))
    return Chart(name, tuple(bars), len(cases))


def _company_names(cases: Sequence[Summary]) -> dict[str, LText]:
    """Each company key's name as written by the first case (by id) that has it."""
    names: dict[str, LText] = {}
    for summary in cases:
        key = company_key(summary)
        if key is not None and summary.company is not None:
            names.setdefault(key, summary.company)
    return names


# -- words -----------------------------------------------------------------------------------

_WORDS: dict[str, tuple[str, str]] = {
    "title_launched": ("Launches per year", "每年上线"),
    "title_ended": ("Shutdowns per year", "每年关停"),
    "title_lifespan": ("Lifespan", "存续时间"),
    "title_notice": ("Notice period", "通知期"),
    "title_status": ("Status", "状态"),
    "title_company": ("Companies", "公司"),
    "title_tag": ("Tags", "标签"),
    "facet_tag": ("Tag", "标签"),
    "<1y": ("< 1 year", "不到 1 年"),
    "1-2y": ("1–2 years", "1–2 年"),
    "2-5y": ("2–5 years", "2–5 年"),
    "5-10y": ("5–10 years", "5–10 年"),
    "10y+": ("10+ years", "10 年以上"),
    "none": ("no notice", "无提前通知"),
    "<7d": ("< 7 days", "不到 7 天"),
    "7-30d": ("7–30 days", "7–30 天"),
    "1-3mo": ("1–3 months", "1–3 个月"),
    "3mo+": ("3+ months", "3 个月以上"),
    "no_date": ("no date", "无日期"),
    "unknown": ("unknown", "未知"),
    "no_company": ("no company", "未注明公司"),
    "no_tags": ("no tags", "无标签"),
    "other": ("{n} others", "其余 {n} 个"),
    "cases": ("{n} cases", "{n} 个案例"),
    "peak": ("peak", "最多"),
    "case": ("{n} case", "{n} 个案例"),
}

_UNKNOWN_WORDS = {"launched": "no_date", "ended": "no_date", "company": "no_company", "tag": "no_tags"}


def stats_word(key: str, lang: str, **values: object) -> str:
    """A word of the statistics in `lang` (English or Chinese), with `{name}` fields filled."""
    pair = _WORDS[key]
    text = pair[1] if lang.split("-")[0].lower() == "zh" else pair[0]
    return text.format(**values) if values else text


def chart_title(chart: str, lang: str) -> str:
    """A chart's heading: "Launches per year"."""
    return stats_word(f"title_{chart}", lang)


def facet_name(chart: str, lang: str) -> str:
    """A chart's short name for a filter line: "ended", "lifespan", "tag"."""
    if chart == "tag":
        return stats_word("facet_tag", lang)
    return i18n.label(chart, lang)


def bar_label(chart: str, bar: Bar, lang: str) -> str:
    """A bar's label in `lang`: the year, the bucket in words, the status, the company or tag as written.

    Company names and tags are case text: show them as literal text, never as markup.
    """
    if bar.kind == UNKNOWN:
        return stats_word(_UNKNOWN_WORDS.get(chart, "unknown"), lang)
    if bar.kind == OTHER:
        return stats_word("other", lang, n=len(bar.covers))
    if chart in ("lifespan", "notice"):
        return stats_word(bar.key, lang)
    if chart == "status":
        return i18n.label(bar.key, lang)
    if bar.name is not None:
        return bar.name.get(lang)
    return bar.key


def count_text(n: int, lang: str) -> str:
    """`1 case`, `12 cases`, `12 个案例`."""
    return stats_word("case" if n == 1 else "cases", lang, n=n)


# -- JSON ------------------------------------------------------------------------------------

OUTPUT_FORMAT = 1
"""The version of the `casetui stats --json` shape (docs/cli.md)."""


def to_json(
    stats: Stats, lang: str, top: int, filters: dict[str, list[str]], problems: Sequence[Problem] = ()
) -> dict[str, object]:
    """`casetui stats --json`: the filters, each chart's bars with counts, its unknown and "other" counts,
    and the files that did not load (not counted)."""
    charts: dict[str, object] = {}
    for chart in stats.charts:
        shape: dict[str, object] = {
            "title": chart_title(chart.name, lang),
            "bars": [{"key": b.key, "label": bar_label(chart.name, b, lang), "count": b.count} for b in chart.values],
            "unknown": chart.unknown,
        }
        if chart.name in ("company", "tag"):
            other = chart.other
            shape["top"] = top
            shape["other"] = 0 if other is None else other.count
            shape["other_values"] = 0 if other is None else len(other.covers)
        charts[chart.name] = shape
    return {
        "format": OUTPUT_FORMAT,
        "lang": lang,
        "filters": filters,
        "cases": stats.total,
        "charts": charts,
        "problems": [p.as_json() for p in problems],
    }
