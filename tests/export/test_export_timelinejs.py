"""`casetui export --format timelinejs`: JSON that TimelineJS3 accepts, dates at the precision written."""

from __future__ import annotations

import json
from typing import Any

DATE_KEYS = {"year", "month", "day", "hour", "minute", "second", "display_date"}


def timeline(cli, *args: str, **kwargs: Any) -> dict[str, Any]:
    result = cli("export", *args, "--format", "timelinejs", **kwargs)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def check_date(date: dict[str, Any]) -> None:
    """A date as TimelineJS reads it: an integer year, a month 1-12, a day 1-31, nothing unknown."""
    assert set(date) <= DATE_KEYS, date
    assert isinstance(date["year"], int)
    assert 1 <= date.get("month", 1) <= 12 and 1 <= date.get("day", 1) <= 31
    assert "day" not in date or "month" in date


def accepted_by_timelinejs(doc: dict[str, Any]) -> None:
    """The checks TimelineJS3's TimelineConfig makes, and the one silent drop it does.

    It needs events with a `start_date`; eras with a start, an end and a `text.headline`; unique ids.
    It drops an end date whose fields equal the start's fields (compared over the start's keys),
    which would leave an era without an end: an error.
    """
    assert doc["events"]
    ids = [doc["title"]["unique_id"]] + [event["unique_id"] for event in doc["events"]]
    assert len(ids) == len(set(ids)), ids
    for event in doc["events"]:
        check_date(event["start_date"])
        assert set(event["text"]) == {"headline", "text"}
        assert isinstance(event["group"], str) and event["group"]
    for era in doc.get("eras", []):
        check_date(era["start_date"])
        check_date(era["end_date"])
        assert era["text"]["headline"]
        start, end = era["start_date"], era["end_date"]
        assert any(start[key] != end.get(key) for key in start), era
        assert _order(start) < _order(end)


def _order(date: dict[str, Any]) -> tuple[int, ...]:
    return tuple(date.get(key, 1 if key in ("month", "day") else 0) for key in ("year", "month", "day", "hour"))


def test_dates_keep_the_precision_written(cli):
    alpha = timeline(cli, "alpha-club")
    assert alpha["events"][0]["start_date"] == {"year": 2019, "display_date": "2019"}
    assert alpha["events"][1]["start_date"] == {
        "year": 2022,
        "month": 1,
        "day": 17,
        "hour": 10,
        "minute": 0,
        "display_date": "2022-01-17 10:00 +08:00",
    }
    beta = timeline(cli, "beta-market")
    shutdown = beta["events"][-1]["start_date"]
    assert shutdown == {"year": 2021, "month": 9, "display_date": "2021-09"}  # no invented day
    gamma = timeline(cli, "gamma-card")
    assert gamma["events"][0]["start_date"] == {"year": 2025, "month": 9, "day": 1, "display_date": "2025-09-01"}


def test_events_carry_headline_text_group_and_unique_id(cli):
    doc = timeline(cli, "alpha-club")
    accepted_by_timelinejs(doc)
    announce = doc["events"][1]
    assert announce["text"]["headline"] == "Shutdown announced; check-in stops"
    assert "T+0" in announce["text"]["text"] and "Stops: Daily check-in" in announce["text"]["text"]
    assert "Shutdown notice" in announce["text"]["text"]  # its source
    assert [event["group"] for event in doc["events"]] == ["launch", "announcement", "service stop", "shutdown"]
    assert announce["unique_id"] == "alpha-club--announce"
    assert doc["title"]["text"]["headline"] == "Alpha Club"
    assert "A membership social-commerce club that closed in stages." in doc["title"]["text"]["text"]


def test_chinese_groups_and_headlines(cli):
    result = cli("--lang", "zh", "export", "alpha-club", "-f", "timelinejs")
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert doc["title"]["text"]["headline"] == "阿尔法会员店"
    assert doc["events"][1]["group"] == "公告"
    assert "停止：签到" in doc["events"][1]["text"]["text"]


def test_eras_come_from_phases(cli, library):
    alpha = timeline(cli, "alpha-club")
    assert alpha["eras"] == [
        {
            "start_date": {"year": 2019, "display_date": "2019"},
            "end_date": {"year": 2021, "display_date": "2021"},
            "text": {"headline": "Growth", "text": ""},
        }
    ]
    hostile = timeline(cli, "hostile", cases=library)
    accepted_by_timelinejs(hostile)
    (era,) = hostile["eras"]
    # Open-ended: it runs to the last event (2021-03-04), which is later than `ended = "2021"`.
    assert era["end_date"] == {"year": 2021, "month": 3, "day": 4, "display_date": "2021-03-04"}
    assert era["text"]["headline"] == "Open &lt;phase&gt;"


def test_era_within_one_year_keeps_its_end(cli, library):
    """TimelineJS drops an end date equal to the start over the start's keys; display_date keeps them apart."""
    path = library / "alpha-club.toml"
    path.write_text(path.read_text(encoding="utf-8").replace('end = "2021"', 'end = "2019-06"'), encoding="utf-8")
    doc = timeline(cli, "alpha-club", cases=library)
    accepted_by_timelinejs(doc)
    assert doc["eras"][0]["end_date"] == {"year": 2019, "month": 6, "display_date": "2019-06"}


def test_text_is_escaped_html_and_links_are_https_only(cli, library):
    doc = timeline(cli, "hostile", "--with-notes", cases=library)
    accepted_by_timelinejs(doc)
    raw = json.dumps(doc)
    assert "<script" not in raw and "<img" not in raw and "<svg" not in raw and "<style" not in raw
    assert "javascript:alert(9)" not in raw  # a source URL that is not http(s) is not even shown as a link
    launch = doc["events"][0]["text"]
    assert launch["headline"] == "Launch &lt;/p&gt;&lt;script&gt;alert(8)&lt;/script&gt;"
    assert '<a href="https://example.com' not in raw  # that URL holds "<" and ">": not linked
    assert doc["title"]["text"]["headline"] == "Evil &lt;script&gt;alert(1)&lt;/script&gt; Co"
    assert "&lt;style&gt;" in launch["text"]


def test_trainer_notes_only_with_the_flag(cli):
    without = timeline(cli, "alpha-club")["events"][1]["text"]["text"]
    assert "Was one month of notice enough?" in without  # the question tied to this event
    assert "Compare with the two-month total." not in without
    with_notes = timeline(cli, "alpha-club", "--with-notes")["events"][1]["text"]["text"]
    assert "Compare with the two-month total." in with_notes


def test_source_links_are_made_from_https_urls(cli, library):
    path = library / "alpha-club.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('publisher = "Example Daily"', 'url = "https://example.com/notice?a=1&b=2"'), "utf-8")
    launch = timeline(cli, "alpha-club", cases=library)["events"][0]["text"]["text"]
    assert '<a href="https://example.com/notice?a=1&amp;b=2" target="_blank" rel="noreferrer">' in launch


def test_a_case_without_events_cannot_be_a_timeline(cli, library):
    (library / "empty.toml").write_text(
        'format = 1\n[case]\nname = "Empty"\nstatus = "active"\nsummary = "No events yet."\n[model]\ntype = "None"\n',
        encoding="utf-8",
    )
    result = cli("export", "empty", "-f", "timelinejs", cases=library)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == "casetui: empty has no events; a TimelineJS timeline needs at least one\n"
    assert cli("export", "empty", "-f", "html", cases=library).exit_code == 0  # a handout does not need any
