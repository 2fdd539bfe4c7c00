"""JSON output: the dicts of `casetui.serialize`, indented, one document per run."""

from __future__ import annotations

import json
from typing import Any


def dumps(document: Any, ascii_only: bool = False) -> str:
    """The document as indented JSON with a final newline.

    Args:
        document: a dict from `casetui.serialize`.
        ascii_only: escape non-ASCII text, for a stdout that cannot encode it.
    """
    return json.dumps(document, ensure_ascii=ascii_only, indent=2, allow_nan=False) + "\n"
