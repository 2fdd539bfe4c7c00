"""Hypothesis strategies for valid case files whose every text is hostile, written out as TOML text.

Names always start with `[@click=app.quit]` (so a test can find them on screen and click them),
then carry random text: CJK, emoji with joiners, combining marks, markup, control characters,
bidi overrides, quotes and TOML punctuation. Dates come at every precision the format allows;
services end at events, events and facts cite sources, questions point at events. Every
document is valid by construction, so it must load; tests/strategies.py writes it out.
"""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

import strategies as shared
from casetui.model import EVENT_KINDS, STATUSES
from strategies import When, whens

CLICK = "[@click=app.quit]"
"""Markup that, if interpreted, would quit the app when clicked."""

BITS = [
    "[b]",
    "[/b]",
    "[/]",
    CLICK,
    "[bold red]x[/]",
    "[link=https://e.example]l[/link]",
    "\x1b]52;c;ZXZpbA==\x07",
    "\x1b]8;;https://e.example\x1b\\l\x1b]8;;\x1b\\",
    "\x1b[2J\x1b[31m",
    "\x07",
    "\x9b31m",
    "\x85",
    "\x7f",
    "\u202e",
    "\u2066",
    "\u200b",
    "\u200d",
    "\ufeff",
    "有鱼",
    "小米有品",
    "タイムライン",
    "👨\u200d👩\u200d👧",
    "🇨🇳",
    "e\u0301",
    "a\u0308\u0323",
    "\t",
    "\n",
    "\r\n",
    '"',
    "'",
    "\\",
    "#",
    "=",
    "|",
    "*",
    "<b>",
    "&amp;",
    "`",
    "${x}",
    "-1",
]

_chars = st.characters(exclude_categories=("Cs",))
fragments = st.one_of(st.sampled_from(BITS), st.text(_chars, min_size=1, max_size=6))
texts = st.lists(fragments, min_size=1, max_size=4).map("".join).filter(lambda t: t.strip() != "")
"""A non-blank string of hostile fragments."""


def text_values(prefix: str = "") -> st.SearchStrategy[str | dict[str, str]]:
    """A text of hostile fragments: a plain string, or a table of languages."""
    return shared.text_values(texts, prefix)


def _ids(prefix: str) -> st.SearchStrategy[list[str]]:
    """Unique ids: plain ones and hostile ones (keys may be any string)."""
    plain = st.from_regex(rf"{prefix}[a-z0-9_]{{1,6}}", fullmatch=True)
    hostile = texts.map(lambda t: f"{prefix}{t}")
    return st.lists(st.one_of(plain, hostile), max_size=4, unique=True)


@st.composite
def case_documents(draw: st.DrawFn) -> dict[str, Any]:
    """A valid case document as Python values (`When` for dates), ready for `to_toml`."""
    services = draw(_ids("s"))
    sources = draw(_ids("src"))
    case: dict[str, Any] = {
        "name": draw(text_values(prefix=CLICK)),
        "status": draw(st.sampled_from(STATUSES)),
        "summary": draw(text_values()),
    }
    if draw(st.booleans()):
        case.update(company=draw(text_values()), region=draw(texts), tags=draw(st.lists(texts, max_size=3)))
    if draw(st.booleans()):
        start = draw(st.integers(1995, 2010))
        case["launched"] = draw(whens((start, start)))
        if draw(st.booleans()):
            case["ended"] = draw(whens((start + 2, 2030)))
        case["reason"] = draw(text_values())
    model: dict[str, Any] = {"type": draw(text_values())}
    if draw(st.booleans()):
        model["summary"] = draw(text_values())
    for key in draw(st.lists(st.one_of(st.from_regex(r"[a-z][a-z_]{0,8}", fullmatch=True), texts), max_size=4)):
        if key in ("type", "summary") or key.startswith("x_") or key in model:
            continue
        value = draw(
            st.one_of(
                st.integers(-(10**12), 10**12),
                st.floats(allow_nan=False, allow_infinity=False),
                st.booleans(),
                text_values(),
                whens().filter(lambda w: not w.toml.startswith('"')),
            )
        )
        if draw(st.booleans()):
            fact: dict[str, Any] = {"value": value, "unit": draw(texts), "note": draw(text_values())}
            if sources:
                fact["source"] = draw(st.sampled_from(sources))
            value = fact
        model[key] = value
    doc: dict[str, Any] = {"format": 1, "case": case, "model": model}
    if services:
        doc["services"] = {s: draw(text_values()) for s in services}
    open_services = list(services)
    events = []
    for n in range(draw(st.integers(0, 6))):
        event: dict[str, Any] = {
            "date": draw(whens()),
            "title": draw(text_values()),
            "kind": draw(st.sampled_from(EVENT_KINDS)),
        }
        if draw(st.booleans()):
            event["detail"] = draw(text_values())
        if draw(st.booleans()):
            event["id"] = f"e{n}-" + draw(texts)
        if open_services and draw(st.booleans()):
            ended = draw(st.lists(st.sampled_from(open_services), min_size=1, max_size=2, unique=True))
            open_services = [s for s in open_services if s not in ended]
            event["ends"] = ended
        if sources and draw(st.booleans()):
            event["source"] = draw(st.one_of(st.sampled_from(sources), st.lists(st.sampled_from(sources), max_size=2)))
        events.append(event)
    if events:
        doc["events"] = events
    if sources:
        doc["sources"] = {
            s: {"title": draw(text_values()), "publisher": draw(texts), "date": draw(whens()), "url": draw(texts)}
            for s in sources
        }
    if draw(st.booleans()):
        start = draw(st.integers(1995, 2020))
        phase: dict[str, Any] = {"title": draw(text_values()), "start": When(f'"{start}"', (start, 1, 1, 0, 0, 0))}
        if draw(st.booleans()):
            phase["end"] = draw(whens((start + 1, 2030)))
        doc["phases"] = [phase]
    if draw(st.booleans()):
        doc["quotes"] = [{"text": draw(text_values()), "by": draw(text_values())}]
        doc["lessons"] = [{"text": draw(text_values())}]
    event_ids = [e["id"] for e in events if "id" in e]
    if draw(st.booleans()):
        question: dict[str, Any] = {"prompt": draw(text_values()), "notes": draw(text_values())}
        if event_ids:
            question["event"] = draw(st.sampled_from(event_ids))
        doc["questions"] = [question]
    return doc
