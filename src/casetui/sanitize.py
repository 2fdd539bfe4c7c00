"""Make text from case files safe to show: control characters become visible escapes.

Case text is data. Rich and Textual are always handed `Text`/`Content` objects, so markup is
never interpreted; this module covers the other half: bytes that a terminal would act on (ESC
sequences, BEL, C1 controls, DEL) and bidi overrides that can reorder what a reader sees.
"""

from __future__ import annotations

import re

# C0 except tab and newline, DEL and C1; and the bidi embedding/override/isolate controls. Two
# patterns, because one set holding both compiles a 64K-entry table in Python on every start
# (0.43 ms, 1.5% of `casetui compare A B --format json`); these two take 0.13 ms together.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def clean(text: str) -> str:
    """Return `text` with CRLF folded to LF and every unsafe character shown as an escape."""
    # Nothing to change, checked in C (a fifth of the regexes' time): every character escaped below
    # is one `isprintable` refuses (a control or format character), as are tab and newline, kept.
    if text.isprintable() or text.replace("\n", "").replace("\t", "").isprintable():
        return text
    if "\r" in text:
        text = text.replace("\r\n", "\n")
    return _BIDI.sub(_escape, _CONTROL.sub(_escape, text))  # escapes are ASCII: the order is free


def is_clean(text: str) -> bool:
    """True when `text` holds no character that `clean` would escape."""
    return _CONTROL.search(text) is None and _BIDI.search(text) is None and "\r" not in text
