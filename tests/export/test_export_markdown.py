"""`casetui export --format markdown`: a handout that renders as written, with sources as footnotes."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

SECTIONS = ("## Overview", "## Business model", "## Timeline", "## Services", "## Phases", "## Quotes", "## Lessons")


def render(markdown: str) -> str:
    """The Markdown as a GFM renderer with footnotes shows it (markdown-it-py comes with Textual)."""
    markdown_it = pytest.importorskip("markdown_it")
    footnote = pytest.importorskip("mdit_py_plugins.footnote")
    return markdown_it.MarkdownIt("gfm-like").use(footnote.footnote_plugin).render(markdown)


class _Tags(HTMLParser):
    """Collects tags, their attributes and the text of a rendered page."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(html: str) -> _Tags:
    parser = _Tags()
    parser.feed(html)
    return parser


def test_handout_has_every_part_of_the_case(cli):
    result = cli("export", "alpha-club", "--format", "markdown")
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert text.startswith("# Alpha Club · 阿尔法会员店\n")
    for section in (*SECTIONS, "## Discussion questions"):
        assert f"\n{section}\n" in text, section
    for fact in (
        "**Company:** Alpha Group",
        "**Launched:** 2019",
        "**Ended:** 2022-03-17 10:00 +08:00",
        "**Lifespan:** 3 years",
        "**Notice period:** 59 days",
        "**Reason:** Low repurchase.",
        "| Membership fee | 396 CNY | one-off[^notice] |",
        "**2022-01-17 10:00 +08:00** · T+0 · *announcement*",
        "Stops: Daily check-in",
        "Daily check-in — stopped 2022-01-17 10:00 +08:00 (T+0)",
        "**Growth**: 2019 – 2021",
        "> 我们没有做好准备。",
        "> *Translation:* We were not ready.",
        "1. Was one month of notice enough?",
    ):
        assert fact in text, fact
    assert "**2019** · T-3y · *launch*" in text  # a year-precision date stays a year


def test_sources_are_footnotes_with_definitions(cli):
    text = cli("export", "alpha-club").stdout
    assert "**Launch**[^notice]" in text
    assert "\n[^notice]: *Shutdown notice*. Example Daily. 2022-01-18.\n" in text
    html = render(text)
    assert 'class="footnote-ref"' in html and "Example Daily" in html


def test_footnotes_number_by_first_citation_and_uncited_sources_are_listed(cli, library):
    text = cli("export", "hostile", cases=library).stdout
    references = re.findall(r"(?<!\\)\[\^([^\]]+)\](?!:)", text)  # escaped "\[^first\]" is case text
    definitions = re.findall(r"^\[\^([^\]]+)\]:", text, re.MULTILINE)
    assert definitions == ["second", "first"]  # the model's fee cites "second" before any event cites "first"
    assert set(references) == set(definitions)
    assert "## Further sources\n\n- *Never cited*. <https://example.org/unused>." in text


def test_trainer_notes_only_with_the_flag(cli):
    without = cli("export", "alpha-club").stdout
    assert "Compare with the two-month total." not in without
    assert "Trainer notes" not in without
    with_notes = cli("export", "alpha-club", "--with-notes").stdout
    assert "**Trainer notes:** Compare with the two-month total." in with_notes


def test_markup_and_escapes_read_literally_once_rendered(cli):
    result = cli("export", "gamma-card")
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.stdout
    page = parse(render(result.stdout))
    shown = "".join(page.text)
    for literal in ("Gamma Card [/]", "Gamma [@click=app.quit]quit[/]", "[bold]markup[/bold]", "[TODO] Q3"):
        assert literal in shown, literal
    assert "\\x1b[31m" in shown  # the file's ESC, made visible
    assert "Pause announced [@click=app.quit]" in shown


def test_hostile_text_never_becomes_html_or_a_link(cli, library):
    text = cli("export", "hostile", "--with-notes", cases=library).stdout
    page = parse(render(text))
    tags = {tag for tag, _ in page.tags}
    assert not tags & {"script", "img", "iframe", "svg", "style", "u", "b", "co", "phase"}
    hrefs = [attrs.get("href") or "" for tag, attrs in page.tags if tag == "a"]
    assert all(h.startswith("#") or h.startswith("https://") for h in hrefs), hrefs
    assert "https://example.org/unused" in hrefs
    shown = "".join(page.text)
    assert "Evil <script>alert(1)</script> Co" in shown
    assert "Click [here](javascript:alert(3))" in shown
    assert "a & b; [^first]" in shown  # not a footnote reference
    assert "javascript:alert(9)" in shown  # shown as text, never a link


def test_chinese_handout(cli):
    text = cli("--lang", "zh", "export", "alpha-club", "--with-notes").stdout
    assert text.startswith("# 阿尔法会员店 · Alpha Club\n")
    for fact in ("## 概览", "**公司：** 阿尔法集团", "存续时间：** 3年", "停止：签到", "## 讨论题", "**讲师备注：**"):
        assert fact in text, fact
    assert "> *译文：* We were not ready." in text
