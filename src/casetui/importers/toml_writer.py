"""Write a TOML document from plain Python values, with tomli-w.

Imported text comes from files nobody here wrote, so values are never pasted into TOML by string
concatenation: tomli-w (the writer kept beside tomli, which casetui reads with) escapes every
string. What it does not do, done here first:

- `None` values are left out of tables, so callers can build documents with optional keys
  without branching (tomli-w refuses None);
- lone surrogates in strings and keys become U+FFFD: UTF-8 cannot encode them, and a JSON file
  may hold them (`"\\ud800"`);
- a float must be finite: tomli-w would write `nan` or `inf`, valid TOML that the case format
  rejects, and an importer must never write a broken case.

Tables print in the order given, after the plain keys: `[tables]` and `[[arrays of tables]]`.
tomli-w alone would write a short array of tables (a case's two events) inline, as
`events = [{ … }, …]`, and so above `[case]`: valid, but a file a person is invited to edit would
then read differently from one case to the next. So each element of a top-level array
of tables is written under its own `[[name]]` header, its body by tomli-w (the elements importers
make hold no tables of their own; one that did is refused rather than written wrong). The
generated header comment is written around this document (`casetui.importers.output`).
"""

from __future__ import annotations

import math
import re
from typing import Any

import tomli_w


def dumps(document: dict[str, Any]) -> str:
    """The document as TOML text.

    A dict value becomes a table and a non-empty list of dicts an array of tables, at any depth;
    anything else is written inline.
    """
    prepared = _prepared(document)
    nested = [k for k, v in prepared.items() if isinstance(v, dict) or _is_table_array(v)]
    parts = [tomli_w.dumps({k: v for k, v in prepared.items() if k not in nested})]
    for name in nested:
        value = prepared[name]
        if isinstance(value, dict):
            parts.append(tomli_w.dumps({name: value}))
            continue
        header = f"[[{tomli_w.dumps({name: 0}).split(' = ')[0]}]]\n"  # the key, quoted by tomli-w if need be
        for element in value:
            if any(isinstance(v, dict) or _is_table_array(v) for v in element.values()):
                raise TypeError(f"an element of {name!r} holds a table: not written by casetui's importers")
            parts.append(header + tomli_w.dumps(element))
    return "\n\n".join(part.strip("\n") for part in parts if part.strip("\n")) + "\n"


def _is_table_array(item: Any) -> bool:
    return isinstance(item, list) and bool(item) and all(isinstance(v, dict) for v in item)


def _prepared(item: Any) -> Any:
    if isinstance(item, str):
        return _text(item)
    if isinstance(item, float) and not math.isfinite(item):
        raise ValueError("TOML numbers written by casetui must be finite")
    if isinstance(item, dict):
        return {_text(str(k)): _prepared(v) for k, v in item.items() if v is not None}
    if isinstance(item, (list, tuple)):
        return [_prepared(v) for v in item]
    return item


_SURROGATE = re.compile("[\ud800-\udfff]")


def _text(text: str) -> str:
    """`text` with each lone surrogate replaced by U+FFFD (the only characters UTF-8 cannot hold)."""
    return text if text.isascii() else _SURROGATE.sub("\ufffd", text)
