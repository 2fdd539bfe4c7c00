"""Handouts and exports of one case: a Markdown handout, a standalone HTML handout, TimelineJS3 JSON.

No UI library here: exports are plain strings built from the case model, so scripts, the CLI and
tests can make them without Rich or Textual. Each format's module is imported only when asked for.
"""

from __future__ import annotations

from casetui.model import Case

FORMATS = ("markdown", "html", "timelinejs")
"""The export formats, in the order the CLI lists them."""

SUFFIXES = {"markdown": ".md", "html": ".html", "timelinejs": ".json"}
"""The file suffix each format is usually saved with."""


def export(case: Case, fmt: str, lang: str, with_notes: bool = False) -> str:
    """`case` in format `fmt` and language `lang`; trainer notes only `with_notes`.

    Raises ValueError for an unknown format, and `timelinejs.NoEvents` for a timeline without events.
    """
    if fmt == "markdown":
        from casetui.export.markdown import markdown_handout

        return markdown_handout(case, lang, with_notes)
    if fmt == "html":
        from casetui.export.html import html_handout

        return html_handout(case, lang, with_notes)
    if fmt == "timelinejs":
        from casetui.export.timelinejs import timelinejs_json

        return timelinejs_json(case, lang, with_notes)
    raise ValueError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
