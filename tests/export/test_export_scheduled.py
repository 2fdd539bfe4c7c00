"""Handouts and TimelineJS mark what is only scheduled (dated after `as_of`), in English and Chinese.

Over tests/fixtures/scheduled/delta-shop.toml: `as_of` 2022-01-18; a migration on the as_of day
(confirmed), orders stop on 2022-02-14 and the app closes on 2022-03-17 (both scheduled).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

SCHEDULED = Path(__file__).resolve().parents[1] / "fixtures" / "scheduled"
MARKS = {"en": " (scheduled)", "zh": "（计划）"}


def export(cli, lang: str, fmt: str, case_id: str = "delta-shop") -> str:
    result = cli("--lang", lang, "export", case_id, "--format", fmt, cases=SCHEDULED)
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_markdown_handout_marks_scheduled_dates_and_spans(cli, lang: str) -> None:
    mark = MARKS[lang]
    text = export(cli, lang, "markdown")
    assert f"- **2022-03-17 10:00 +08:00**{mark} · " in text
    assert f"- **2022-02-14 10:00 +08:00**{mark} · " in text
    assert "- **2022-01-18 09:00 +08:00** · " in text  # the as_of day: confirmed
    lifespan = "3年" if lang == "zh" else "3 years"
    assert f"{lifespan}{mark}" in text
    assert ("晚于 2022-01-18" if lang == "zh" else "lie after 2022-01-18") in text  # the legend, once


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_html_handout_marks_scheduled_events(cli, lang: str) -> None:
    html = export(cli, lang, "html")
    mark = MARKS[lang].strip()
    items = re.findall(r'<li id="event-\d+".*?</li>', html, re.S)
    marked = ['<span class="scheduled">' + mark + "</span>" in item for item in items]
    assert marked == [False, False, False, True, True]
    notice = "通知期" if lang == "zh" else "Notice period"
    assert re.search(rf"<dt>{notice}</dt><dd>[^<]*{re.escape(mark)}</dd>", html)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_timelinejs_marks_the_display_date_and_the_slide(cli, lang: str) -> None:
    doc = json.loads(export(cli, lang, "timelinejs"))
    mark = MARKS[lang]
    shown = [event["start_date"]["display_date"] for event in doc["events"]]
    assert shown == [
        "2019",
        "2022-01-17",
        "2022-01-18 09:00 +08:00",
        f"2022-02-14 10:00 +08:00{mark}",
        f"2022-03-17 10:00 +08:00{mark}",
    ]
    note = "计划：已宣布，尚未证实" if lang == "zh" else "Scheduled: announced, not confirmed"
    assert [note in event["text"]["text"] for event in doc["events"]] == [False, False, False, True, True]
    # The title slide gives the derived end, marked: the case has no `ended`.
    assert f"2019 – 2022-03-17 10:00 +08:00{mark}" in doc["title"]["text"]["text"]


def test_a_case_without_as_of_has_no_mark_and_no_legend(cli) -> None:
    text = export(cli, "en", "markdown", "eta-plain")
    assert "scheduled" not in text
    html = export(cli, "en", "html", "eta-plain")
    assert 'class="scheduled"' not in html
