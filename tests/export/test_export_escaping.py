"""Whatever a case says, the handouts show it as text: never a tag, a link or markup (property-based)."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from casetui.export.html import html_handout
from casetui.export.markdown import markdown_handout
from casetui.export.timelinejs import timeline_document
from casetui.model import Case, Event, Source
from casetui.text import LText
from casetui.when import When

# Printable text, heavy on the characters that mean something in HTML and Markdown.
ALPHABET = st.sampled_from(list("<>&\"'`*_[]()!#|\\-+=.:/^~ aZ1中\n")) | st.characters(
    blacklist_categories=("Cs", "Cc"), blacklist_characters="\r"
)
TEXT = st.text(ALPHABET, min_size=1, max_size=40).filter(lambda s: s.strip())
LINE = TEXT.filter(lambda s: "\n" not in s)

MARKDOWN_TAGS = {"h1", "h2", "p", "ul", "ol", "li", "strong", "em", "table", "thead", "tbody", "tr", "th", "td"}
MARKDOWN_TAGS |= {"sup", "a", "section", "hr", "br", "code", "blockquote"}


class Tags(HTMLParser):
    """Tags with attributes, and the text of the first `h1`."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.h1: list[str] = []
        self._in_h1 = False
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))
        self._in_h1 = self._in_h1 or tag == "h1"

    def handle_endtag(self, tag: str) -> None:
        if tag == "h1":
            self._in_h1 = False

    def handle_data(self, data: str) -> None:
        if self._in_h1:
            self.h1.append(data)


def make_case(name: str, text: str) -> Case:
    """A case with `name` as its name and `text` in every other field a handout shows."""
    plain = LText.plain(text)
    return Case(
        id="prop",
        path=Path("prop.toml"),
        name=LText.plain(name),
        status="active",
        summary=plain,
        model_type=plain,
        company=plain,
        reason=plain,
        model_summary=plain,
        dimensions=(("dim", plain),),
        events=(Event(0, When.parse("2020-05"), plain, "launch", detail=plain, sources=(text,)),),
        sources=(Source(text, plain, publisher=plain, url=text),),
    )


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=LINE, text=TEXT)
def test_html_shows_case_text_as_text(name, text):
    page = Tags(html_handout(make_case(name, text), "en"))
    assert "".join(page.h1).strip() == name.strip()
    tags = {tag for tag, _ in page.tags}
    assert not tags & {"script", "img", "iframe", "svg", "object", "embed", "form", "input", "link"}
    assert [tag for tag, _ in page.tags].count("style") == 1
    for _, attrs in page.tags:
        assert not any(key.startswith("on") for key in attrs)
        href = attrs.get("href", "#")
        assert href.startswith("#") or href.startswith(("http://", "https://")), href


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=LINE, text=TEXT)
@example(name="0.", text="1. one\n2) two\n- three\n=== four")  # list and heading starts stay text
def test_markdown_shows_case_text_as_text(name, text):
    markdown_it = pytest.importorskip("markdown_it")
    footnote = pytest.importorskip("mdit_py_plugins.footnote")
    renderer = markdown_it.MarkdownIt("commonmark").enable("table").use(footnote.footnote_plugin)
    page = Tags(renderer.render(markdown_handout(make_case(name, text), "en")))
    assert "".join(page.h1).strip() == name.strip()
    assert {tag for tag, _ in page.tags} <= MARKDOWN_TAGS
    for tag, attrs in page.tags:
        if tag == "a":
            href = attrs["href"]
            assert href.startswith("#") or href == text.strip(), href  # footnotes, or the source's own URL


@settings(max_examples=60, deadline=None)
@given(text=TEXT)
def test_timelinejs_text_holds_no_tag_from_the_case(text):
    doc = timeline_document(make_case("Name", text), "en")
    event = doc["events"][0]
    page = Tags(event["text"]["headline"] + event["text"]["text"] + doc["title"]["text"]["text"])
    assert {tag for tag, _ in page.tags} <= {"p", "br", "strong", "small", "cite", "a"}
    json.dumps(doc)
