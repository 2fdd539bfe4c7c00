"""Plain text from the bits of HTML that TimelineJS lets authors put in a cell.

Case files hold plain text, so tags go and entities are decoded (`&amp;` → `&`). Paragraphs,
line breaks and list items become line breaks; scripts and styles are dropped with their content.
"""

from __future__ import annotations

from html.parser import HTMLParser

_BREAKS = frozenset({"br", "p", "div", "li", "ul", "ol", "tr", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6"})
_DROPPED = frozenset({"script", "style", "template"})


class _Collector(HTMLParser):
    """Keeps the text between tags and a line break for each block tag."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.dropping = 0
        """How many `<script>`-like elements we are inside."""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _DROPPED:
            self.dropping += 1
        elif tag in _BREAKS:
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BREAKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _DROPPED:
            self.dropping = max(0, self.dropping - 1)
        elif tag in _BREAKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.dropping:
            self.parts.append(data)


def plain_text(cell: str) -> str:
    """The text of `cell` without tags: spaces collapsed, at most one blank line between paragraphs."""
    if "<" not in cell and "&" not in cell:
        text = cell
    else:
        collector = _Collector()
        collector.feed(cell)
        collector.close()
        text = "".join(collector.parts)
    lines = [" ".join(line.split()) for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    kept: list[str] = []
    for line in lines:
        if line or (kept and kept[-1]):
            kept.append(line)
    return "\n".join(kept).strip("\n")
