"""`casetui export --format html`: one self-contained page, escaped, footnoted, and what a browser renders."""

from __future__ import annotations

from html.parser import HTMLParser


class Page(HTMLParser):
    """Tags with attributes, the text, and the text of each element with an id."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.text: list[str] = []
        self.by_id: dict[str, list[str]] = {}
        self._open: list[tuple[str, str | None]] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {k: v or "" for k, v in attrs}
        self.tags.append((tag, attributes))
        if tag not in ("meta", "link", "br", "img", "hr", "input"):
            self._open.append((tag, attributes.get("id")))
            if attributes.get("id"):
                self.by_id[attributes["id"]] = []

    def handle_endtag(self, tag: str) -> None:
        while self._open:
            name, _ = self._open.pop()
            if name == tag:
                break

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        for _, element_id in self._open:
            if element_id:
                self.by_id[element_id].append(data)

    def text_of(self, element_id: str) -> str:
        return "".join(self.by_id[element_id])

    def all(self, tag: str) -> list[dict[str, str]]:
        return [attrs for name, attrs in self.tags if name == tag]


def export_html(cli, *args: str, **kwargs) -> str:
    result = cli("export", *args, "--format", "html", **kwargs)
    assert result.exit_code == 0, result.output
    return result.stdout


def test_page_is_self_contained_and_scriptless(cli):
    html = export_html(cli, "alpha-club")
    page = Page(html)
    assert page.all("html")[0]["lang"] == "en"
    assert {"charset": "utf-8"} in page.all("meta")
    assert not page.all("script") and not page.all("link") and not page.all("img")
    csp = next(m["content"] for m in page.all("meta") if m.get("http-equiv") == "Content-Security-Policy")
    assert "default-src 'none'" in csp and "script-src" not in csp
    assert "@media print" in html and "prefers-color-scheme: dark" in html and "Noto Sans CJK SC" in html


def test_every_part_of_the_case(cli):
    page = Page(export_html(cli, "alpha-club"))
    assert page.text_of("title").split() == ["Alpha", "Club", "阿尔法会员店"]  # the other language beside it
    for section in ("overview", "model", "timeline", "services", "phases", "quotes", "lessons", "questions"):
        assert section in page.by_id, section
    overview = page.text_of("overview")
    for fact in ("Alpha Group", "2019", "2022-03-17 10:00 +08:00", "3 years", "59 days", "Low repurchase."):
        assert fact in overview, fact
    assert "396 CNY" in page.text_of("model") and "one-off" in page.text_of("model")
    announce = page.text_of("event-2")
    for fact in ("2022-01-17 10:00 +08:00", "T+0", "announcement", "Shutdown announced; check-in", "Daily check-in"):
        assert fact in announce, fact
    assert "T-3y" in page.text_of("event-1") and "2019" in page.text_of("event-1")
    assert "我们没有做好准备。" in page.text_of("quotes") and "We were not ready." in page.text_of("quotes")
    assert "Was one month of notice enough?" in page.text_of("questions")


def test_footnotes_link_to_the_numbered_sources(cli, library):
    page = Page(export_html(cli, "hostile", cases=library))
    links = [a["href"] for a in page.all("a") if a.get("href", "").startswith("#source-")]
    assert links[0] == "#source-1"  # the first citation on the page gets number 1
    assert set(links) == {"#source-1", "#source-2"}
    assert "Second <em>source</em>" in page.text_of("source-1")  # cited by the model, before any event
    first = page.text_of("source-2")
    assert 'Press "quoted" & <co>' in first
    assert "Never cited" in page.text_of("source-3")  # listed, though nothing cites it


def test_source_list_shows_publisher_date_and_link(cli):
    page = Page(export_html(cli, "alpha-club"))
    assert next(a["href"] for a in page.all("a") if a["href"].startswith("#source")) == "#source-1"
    source = page.text_of("source-1")
    assert "Shutdown notice" in source and "Example Daily" in source and "2022-01-18" in source


def test_trainer_notes_only_with_the_flag(cli):
    assert "Compare with the two-month total." not in export_html(cli, "alpha-club")
    page = Page(export_html(cli, "alpha-club", "--with-notes"))
    assert "Trainer notes" in page.text_of("questions")
    assert "Compare with the two-month total." in page.text_of("questions")


def test_hostile_text_stays_text(cli, library):
    html = export_html(cli, "hostile", "--with-notes", cases=library)
    page = Page(html)
    tags = {name for name, _ in page.tags}
    assert not tags & {"script", "img", "iframe", "svg", "u", "b", "co", "phase"}
    assert [name for name, _ in page.tags].count("style") == 1  # ours, in the head
    assert not [attrs for _, attrs in page.tags if any(key.startswith("on") for key in attrs)]
    hrefs = [a["href"] for a in page.all("a")]
    assert all(h.startswith("#") or h.startswith("https://") for h in hrefs), hrefs
    assert "https://example.org/unused" in hrefs
    assert "javascript:" not in "".join(hrefs)
    text = "".join(page.text)
    for literal in ("Evil <script>alert(1)</script> Co", "<img src=x onerror=alert(2)>", "javascript:alert(9)"):
        assert literal in text, literal


def test_gamma_card_markup_is_literal(cli):
    html = export_html(cli, "gamma-card")
    assert "\x1b" not in html
    text = "".join(Page(html).text)
    for literal in ("Gamma Card [/]", "Gamma [@click=app.quit]quit[/]", "[bold]markup[/bold]", "\\x1b[31m"):
        assert literal in text, literal


def test_chinese_page_is_marked_chinese(cli):
    zh = Page(cli("--lang", "zh", "export", "alpha-club", "-f", "html").stdout)
    assert zh.all("html")[0]["lang"] == "zh"
    assert "概览" in zh.text_of("overview")
    assert any(span.get("lang") == "en" for span in zh.all("span"))  # "Alpha Club" beside the title, in English


def test_chromium_renders_title_and_footnotes_and_no_script(cli, library, browser_dom):
    rendered = Page(browser_dom(export_html(cli, "hostile", "--with-notes", cases=library)))
    assert rendered.text_of("title").startswith("Evil <script>alert(1)</script> Co")
    assert not rendered.all("script") and not rendered.all("img") and not rendered.all("iframe")
    assert any(a.get("href") == "#source-1" for a in rendered.all("a"))
    assert "Second <em>source</em>" in rendered.text_of("source-1")
    assert "First source" in rendered.text_of("source-2")
    assert "Secret <b>trainer</b> note" in rendered.text_of("questions")
