"""Which source URLs a handout may turn into links: http and https only, never `javascript:`."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

_UNSAFE = re.compile(r"[\s<>\"'`\\\x00-\x1f\x7f]")


def safe_url(url: str | None) -> str | None:
    """`url` when it is a plain http(s) address with a host, else None (then shown as text only)."""
    if not url or _UNSAFE.search(url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url
