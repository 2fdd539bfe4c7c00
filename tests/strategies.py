"""Hypothesis building blocks for generated case files, shared by the loader's and the hardening property tests.

A document is built as Python values (`When` for dates) and written out as TOML text by `to_toml`,
so a test knows what it wrote without asking the code under test. Each suite draws its own texts
(the loader's may be blank, the hardening suite's never are) and passes them to `text_values`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from hypothesis import strategies as st

LANGUAGES = ["en", "zh", "zh-Hant", "fr", "ja"]


@st.composite
def text_values(draw: st.DrawFn, texts: st.SearchStrategy[str], prefix: str = "") -> str | dict[str, str]:
    """A text: a plain string, or a table of languages (English first, or not at all)."""
    if draw(st.booleans()):
        return prefix + draw(texts)
    langs = draw(st.lists(st.sampled_from(LANGUAGES), min_size=1, max_size=3, unique=True))
    return {lang: prefix + draw(texts) for lang in langs}


@dataclass(frozen=True)
class When:
    """A TOML date as written, and its wall-clock sort key worked out here."""

    toml: str
    key: tuple[int, int, int, int, int, int]


@st.composite
def whens(draw: st.DrawFn, years: tuple[int, int] = (1990, 2030)) -> When:
    """A date at any precision: year, month, day, local date-time or offset date-time."""
    year = draw(st.integers(*years))
    month, day = draw(st.integers(1, 12)), draw(st.integers(1, 28))
    precision = draw(st.sampled_from(["year", "month", "day", "local", "offset"]))
    if precision == "year":
        return When(f'"{year}"', (year, 1, 1, 0, 0, 0))
    if precision == "month":
        return When(f'"{year}-{month:02d}"', (year, month, 1, 0, 0, 0))
    text = f"{year}-{month:02d}-{day:02d}"
    if precision == "day":
        return When(text, (year, month, day, 0, 0, 0))
    hour, minute, second = draw(st.integers(0, 23)), draw(st.integers(0, 59)), draw(st.integers(0, 59))
    text += f"T{hour:02d}:{minute:02d}:{second:02d}"
    if precision == "offset":
        text += draw(st.sampled_from(["Z", "+08:00", "-05:30", "+00:00"]))
    # Events sort by the wall clock as written, whatever the offset.
    return When(text, (year, month, day, hour, minute, second))


# -- TOML text ---------------------------------------------------------------------------------

_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r"}


def toml_string(text: str) -> str:
    """A TOML basic string; every control character escaped, as TOML requires."""
    out = []
    for char in text:
        if char in _ESCAPES:
            out.append(_ESCAPES[char])
        elif ord(char) < 0x20 or ord(char) == 0x7F:
            out.append(f"\\u{ord(char):04X}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def toml_key(key: str) -> str:
    return key if re.fullmatch(r"[A-Za-z0-9_-]+", key) else toml_string(key)


def toml_value(value: Any) -> str:
    if isinstance(value, When):
        return value.toml
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return toml_string(value)
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{toml_key(k)} = {toml_value(v)}" for k, v in value.items()) + " }"
    raise TypeError(type(value))


def _pairs(table: dict[str, Any]) -> list[str]:
    return [f"{toml_key(k)} = {toml_value(v)}" for k, v in table.items()]


def to_toml(doc: dict[str, Any]) -> str:
    """Top-level scalars first, then `[table]`s, `[sources.<id>]` and `[[arrays]]` of tables."""
    lines = _pairs({k: v for k, v in doc.items() if not isinstance(v, (dict, list))})
    for key, value in doc.items():
        if key == "sources" and isinstance(value, dict):
            for source_id, source in value.items():
                lines += [f"\n[sources.{toml_key(source_id)}]", *_pairs(source)]
        elif isinstance(value, dict):
            lines += [f"\n[{toml_key(key)}]", *_pairs(value)]
        elif isinstance(value, list):
            for item in value:
                lines += [f"\n[[{toml_key(key)}]]", *_pairs(item)]
    return "\n".join(lines) + "\n"
