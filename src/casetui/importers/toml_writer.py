"""Write a TOML document from plain Python values, every string escaped.

Imported text comes from files nobody here wrote, so values are never pasted into TOML by string
concatenation: each string becomes a basic string with `"`, `\\` and every control character
escaped. Tables print in the order given; `None` values are left out, so callers can build
documents with optional keys without branching.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Any

_BARE_KEY = re.compile(r"^[A-Za-z0-9_-]+$")
_SHORT_ESCAPES = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r"}
# What a basic string cannot hold as written: quote, backslash, C0 controls, DEL, and lone
# surrogates (which UTF-8 cannot encode; they become U+FFFD).
_NEEDS_ESCAPE = re.compile('["\\\\\x00-\x1f\x7f\ud800-\udfff]')


def _escape_char(match: re.Match[str]) -> str:
    char = match.group()
    if char in _SHORT_ESCAPES:
        return _SHORT_ESCAPES[char]
    if "\ud800" <= char <= "\udfff":
        return "\ufffd"
    return f"\\u{ord(char):04X}"


def string(text: str) -> str:
    """`text` as a TOML basic string."""
    return '"' + _NEEDS_ESCAPE.sub(_escape_char, text) + '"'


def key(name: str) -> str:
    """A key: bare when it can be, quoted otherwise."""
    return name if _BARE_KEY.match(name) else string(name)


def value(item: Any) -> str:
    """One inline value: string, boolean, number, date, date-time, array or inline table."""
    if isinstance(item, str):
        return string(item)
    if isinstance(item, bool):
        return "true" if item else "false"
    if isinstance(item, int):
        return str(item)
    if isinstance(item, float):
        if not math.isfinite(item):
            raise ValueError("TOML numbers written by casetui must be finite")
        return repr(item)
    if isinstance(item, (dt.datetime, dt.date, dt.time)):
        return item.isoformat()
    if isinstance(item, dict):
        pairs = [f"{key(k)} = {value(v)}" for k, v in item.items() if v is not None]
        return "{ " + ", ".join(pairs) + " }" if pairs else "{}"
    if isinstance(item, (list, tuple)):
        return "[" + ", ".join(value(v) for v in item) + "]"
    raise TypeError(f"cannot write {type(item).__name__} as TOML")


def _is_table(item: Any) -> bool:
    return isinstance(item, dict)


def _is_table_array(item: Any) -> bool:
    return isinstance(item, (list, tuple)) and bool(item) and all(isinstance(v, dict) for v in item)


def dumps(document: dict[str, Any]) -> str:
    """The document as TOML text: plain keys first, then `[tables]` and `[[arrays of tables]]` in order.

    A dict value becomes a table and a non-empty list of dicts an array of tables, at any depth;
    anything else is written inline.
    """
    lines: list[str] = []
    _write_table(lines, (), document, None)
    return "\n".join(lines).strip("\n") + "\n"


def _write_table(lines: list[str], path: tuple[str, ...], table: dict[str, Any], header: str | None) -> None:
    """Write `table` under `header`; a table holding only sub-tables needs no header (`[a.b]` implies `[a]`)."""
    inline: list[str] = []
    nested: list[tuple[str, Any]] = []
    for name, item in table.items():
        if item is None:
            continue
        if _is_table(item) or _is_table_array(item):
            nested.append((name, item))
        else:
            inline.append(f"{key(name)} = {value(item)}")
    if header is not None and (inline or not nested):
        lines += ["", header]
    lines += inline
    for name, item in nested:
        dotted = ".".join(key(p) for p in (*path, name))
        if _is_table(item):
            _write_table(lines, (*path, name), item, f"[{dotted}]")
        else:
            for element in item:
                lines += ["", f"[[{dotted}]]"]
                _write_table(lines, (*path, name), element, None)
