"""Dates at the precision an author wrote them, and spans between them.

A `When` keeps what was written: a year, a month, a day or a moment. It never invents a day
for `"2019-10"`. Partial dates sort at the start of their period.
"""

import datetime as dt
import re
from enum import IntEnum

from casetui.record import NamedTuple


class Precision(IntEnum):
    """How much of a date was written; larger is finer."""

    YEAR = 1
    MONTH = 2
    DAY = 3
    TIME = 4


_PARTIAL = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$", re.ASCII)  # ASCII digits only, as documented


class When(NamedTuple):
    """A point in time at the precision it was written (a record: see `casetui.model` on why a NamedTuple)."""

    year: int
    month: int = 1
    day: int = 1
    precision: Precision = Precision.DAY
    moment: dt.datetime | None = None
    """The full date-time, for `Precision.TIME` only (naive or with an offset)."""

    @classmethod
    def from_toml(cls, value: object) -> "When":
        """Build from a TOML value; raise ValueError with a readable reason when it is not a when."""
        if isinstance(value, dt.datetime):
            return cls(value.year, value.month, value.day, Precision.TIME, value)
        if isinstance(value, dt.date):
            return cls(value.year, value.month, value.day, Precision.DAY)
        if isinstance(value, str):
            return cls.parse(value)
        raise TypeError(type(value).__name__)

    @classmethod
    def parse(cls, text: str) -> "When":
        """Parse `"2019"`, `"2019-10"` or `"2019-10-03"`."""
        match = _PARTIAL.match(text.strip())
        if not match:
            raise ValueError(f'{text!r} is not a date: write 2019, "2019-10" or 2019-10-03')
        year, month, day = match.groups()
        if month is None:
            return cls(int(year), precision=Precision.YEAR)
        if not 1 <= int(month) <= 12:
            raise ValueError(f"{text!r} has no month {month}")
        if day is None:
            return cls(int(year), int(month), precision=Precision.MONTH)
        try:
            dt.date(int(year), int(month), int(day))
        except ValueError:
            raise ValueError(f"{text!r} is not a day of the calendar") from None
        return cls(int(year), int(month), int(day), Precision.DAY)

    @property
    def sort_key(self) -> tuple[int, int, int, int, int, int]:
        """Wall-clock order, partial dates at the start of their period."""
        m = self.moment
        if m is not None:
            return (self.year, self.month, self.day, m.hour, m.minute, m.second)
        return (self.year, self.month, self.day, 0, 0, 0)

    @property
    def date(self) -> dt.date:
        """The first day of the period (used for day arithmetic at day precision or finer)."""
        return dt.date(self.year, self.month, self.day)

    def truncated(self, precision: Precision) -> tuple[int, ...]:
        """The fields down to `precision`, for comparisons at a coarser precision."""
        fields = (self.year, self.month, self.day)
        return fields[: min(int(precision), 3)]

    def to_day(self) -> "When":
        """The same date to the day when written to the minute (narrow table cells); else itself."""
        if self.precision is not Precision.TIME:
            return self
        return When(self.year, self.month, self.day)

    def iso(self) -> str:
        """ISO 8601 at the written precision (`2019`, `2019-10`, `2019-10-03`, full date-time)."""
        if self.precision is Precision.YEAR:
            return f"{self.year:04d}"
        if self.precision is Precision.MONTH:
            return f"{self.year:04d}-{self.month:02d}"
        if self.precision is Precision.DAY:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        assert self.moment is not None
        return self.moment.isoformat()

    def display(self) -> str:
        """Human form at the written precision; times keep their offset."""
        if self.precision is not Precision.TIME:
            return self.iso()
        assert self.moment is not None
        m = self.moment
        text = f"{m:%Y-%m-%d %H:%M}"
        if m.second:
            text = f"{m:%Y-%m-%d %H:%M:%S}"
        offset = m.utcoffset()
        if offset is not None:
            minutes = int(offset.total_seconds() // 60)
            sign = "+" if minutes >= 0 else "-"
            text += f" {sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
        return text

    def __str__(self) -> str:
        return self.display()


def known_after(later: When, earlier: When) -> bool:
    """True when `later` is known to lie after `earlier`: strictly later at the coarser of the two
    precisions. `"2021-09-20"` is not known to be after `"2021-09"`, nor `2021-09` after `2021-09-30`;
    two date-times with offsets compare as instants, otherwise as wall clocks written."""
    precision = min(later.precision, earlier.precision)
    if precision is Precision.TIME:
        a, b = later.moment, earlier.moment
        if a is not None and b is not None and a.tzinfo is not None and b.tzinfo is not None:
            return a > b
        return later.sort_key > earlier.sort_key
    return later.truncated(precision) > earlier.truncated(precision)


class SpanUnit(IntEnum):
    """The unit a span is counted in: that of the coarser of its two ends."""

    YEAR = 1
    MONTH = 2
    DAY = 3
    SECOND = 4


LONG_DAYS = 90
"""From about three months on, a span is shown in years and months rather than days."""
_APPROX_DAYS = {SpanUnit.YEAR: 365.2425, SpanUnit.MONTH: 30.436875, SpanUnit.DAY: 1.0}


class Span(NamedTuple):
    """A signed distance between two whens, counted at the coarser of their precisions."""

    amount: int
    unit: SpanUnit

    @classmethod
    def between(cls, start: When, end: When) -> "Span":
        """The span from `start` to `end` (negative when `end` comes first)."""
        precision = min(start.precision, end.precision)
        if precision is Precision.YEAR:
            return cls(end.year - start.year, SpanUnit.YEAR)
        if precision is Precision.MONTH:
            months = (end.year * 12 + end.month) - (start.year * 12 + start.month)
            return cls(months, SpanUnit.MONTH)
        if precision is Precision.DAY:
            return cls((end.date - start.date).days, SpanUnit.DAY)
        a, b = start.moment, end.moment
        assert a is not None and b is not None
        if (a.tzinfo is None) != (b.tzinfo is None):
            # One end written with an offset, one without: compare wall clocks as written.
            a, b = a.replace(tzinfo=None), b.replace(tzinfo=None)
        return cls(int((b - a).total_seconds()), SpanUnit.SECOND)

    @property
    def days(self) -> float:
        """Approximate length in days, for sorting and charts."""
        if self.unit is SpanUnit.SECOND:
            return self.amount / 86400
        return self.amount * _APPROX_DAYS[self.unit]

    @property
    def unit_name(self) -> str:
        """The unit's name as used in JSON output."""
        return self.unit.name.lower()

    def shown(self) -> "Span":
        """The span as casetui shows it: a long one in months (years and months), a short one as counted.

        One family of units for every span on screen, whatever the precision of its dates: from
        `LONG_DAYS` days on, a span counted in days or seconds is shown in whole months (`7 years
        9 months`, `T-1y11mo`) beside those counted in years or months; a shorter one keeps its
        days (`59 days`, `T+29d`). JSON keeps the span as counted.
        """
        if self.unit in (SpanUnit.DAY, SpanUnit.SECOND) and abs(self.days) >= LONG_DAYS:
            return Span(round(self.days / _APPROX_DAYS[SpanUnit.MONTH]), SpanUnit.MONTH)
        return self

    def display(self, lang: str = "en") -> str:
        """`3 years`, `1 year 4 months`, `59 days`, `2 days 5 h` (`3年`, `1年4个月`, `59天` in Chinese)."""
        shown = self.shown()
        if shown is not self:
            return shown.display(lang)
        if lang.split("-")[0].lower() == "zh":
            return self._display_zh()
        sign = "-" if self.amount < 0 else ""
        n = abs(self.amount)
        if self.unit is SpanUnit.YEAR:
            return f"{sign}{_plural(n, 'year')}"
        if self.unit is SpanUnit.MONTH:
            years, months = divmod(n, 12)
            parts = [_plural(years, "year")] if years else []
            if months or not years:
                parts.append(_plural(months, "month"))
            return sign + " ".join(parts)
        if self.unit is SpanUnit.DAY:
            return f"{sign}{_plural(n, 'day')}"
        days, rest = divmod(n, 86400)
        hours, rest = divmod(rest, 3600)
        minutes = rest // 60
        parts = [_plural(days, "day")] if days else []
        if hours:
            parts.append(f"{hours} h")
        if minutes and not days:
            parts.append(f"{minutes} min")
        return (sign + " ".join(parts)) if parts else "0 days"  # under a minute: no "-0 days"

    def _display_zh(self) -> str:
        sign = "-" if self.amount < 0 else ""
        n = abs(self.amount)
        if self.unit is SpanUnit.YEAR:
            return f"{sign}{n}年"
        if self.unit is SpanUnit.MONTH:
            years, months = divmod(n, 12)
            parts = [f"{years}年"] if years else []
            if months or not years:
                parts.append(f"{months}个月")
            return sign + "".join(parts)
        if self.unit is SpanUnit.DAY:
            return f"{sign}{n}天"
        days, rest = divmod(n, 86400)
        hours = rest // 3600
        parts = [f"{days}天"] if days else []
        if hours:
            parts.append(f"{hours}小时")
        return (sign + "".join(parts)) if parts else "0天"

    def offset(self, lang: str = "en") -> str:
        """Compact signed form for timelines: `T+59d`, `T-3mo`, `T-4y`, `T-1y11mo`, `T+5h`, `T+0`.

        In Chinese the units are Chinese (`T+59天`, `T-1年11个月`): `y`, `mo` and `d` are English.
        """
        shown = self.shown()
        if shown is not self:
            return shown.offset(lang)
        n = self.amount
        if n == 0:
            return "T+0"
        sign = "+" if n > 0 else "-"
        n = abs(n)
        if lang.split("-")[0].lower() == "zh":
            if self.unit is SpanUnit.SECOND and n < 3600:
                return f"T{sign}{max(n // 60, 1)}分钟"
            return f"T{sign}{Span(n, self.unit)._display_zh()}"
        if self.unit is SpanUnit.YEAR:
            return f"T{sign}{n}y"
        if self.unit is SpanUnit.MONTH:
            years, months = divmod(n, 12)
            if not years:
                return f"T{sign}{months}mo"
            return f"T{sign}{years}y{months}mo" if months else f"T{sign}{years}y"
        if self.unit is SpanUnit.DAY:
            return f"T{sign}{n}d"
        days, rest = divmod(n, 86400)
        hours = rest // 3600
        if days and hours:
            return f"T{sign}{days}d{hours}h"
        if days:
            return f"T{sign}{days}d"
        if hours:
            return f"T{sign}{hours}h"
        return f"T{sign}{max(rest // 60, 1)}min"

    def __str__(self) -> str:
        return self.display()


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"
