"""`casetui timeline`: every event in order with T-offsets, services stopped and time to shutdown."""

from __future__ import annotations

import re
from pathlib import Path

re_offset = re.compile(r"^\s*T[+-]\d")


def test_table_in_order_with_offsets_and_stops(cli):
    result = cli("timeline", "alpha-club", env={"COLUMNS": "160"})  # wide enough for one line per event
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    offsets = [line.split()[0] for line in lines if re_offset.match(line)]
    assert offsets == ["T-3y", "T+0", "T+31d", "T+59d"]
    announce = next(line for line in lines if line.split() and line.split()[0] == "T+0")
    assert "2022-01-17 10:00 +08:00" in announce and "announcement" in announce
    assert "Daily check-in" in announce and "59 days" in announce
    assert "0 days" in next(line for line in lines if line.split() and line.split()[0] == "T+59d")


def test_month_precision_dates_stay_months(cli):
    out = cli("timeline", "beta-market").stdout
    assert "2021-08" in out and "2021-09" in out
    assert "2021-08-01" not in out and "2021-09-01" not in out
    assert "T+1mo" in out


def test_json(cli_json):
    doc = cli_json("timeline", "alpha-club", "--format", "json")
    assert doc["format"] == 1 and doc["case"] == {"id": "alpha-club", "name": "Alpha Club"}
    assert doc["announced"] == "2022-01-17T10:00:00+08:00"
    events = doc["events"]
    assert [e["kind"] for e in events] == ["launch", "announcement", "service-stop", "shutdown"]
    assert events[0]["date"] == "2019"
    assert events[2]["offset"] == {"amount": 2678400, "unit": "second", "display": "T+31d", "scheduled": False}
    assert events[2]["stops"] == [{"id": "ordering", "name": "Ordering"}]
    assert events[3]["to_shutdown"]["amount"] == 0
    assert events[1]["sources"] == ["notice"]
    assert [s["id"] for s in doc["sources"]] == ["notice"]


def test_markdown(cli):
    out = cli("--lang", "zh", "timeline", "alpha-club", "-f", "markdown").stdout
    assert out.startswith("# 阿尔法会员店: 时间线\n")
    assert "| T+0 | 2022-01-17 10:00 +08:00 | 公告 | 宣布关停，停止签到 | notice | 签到 | 59天 |" in out


def test_a_case_without_announcement_has_no_offsets(cli_json, tmp_path: Path):
    (tmp_path / "solo.toml").write_text(
        'format = 1\n[case]\nname = "Solo"\nstatus = "active"\nsummary = "s"\n[model]\ntype = "t"\n'
        '[[events]]\ndate = "2020"\ntitle = "Launch"\nkind = "launch"\n'
    )
    event = cli_json("timeline", "solo", "-f", "json", cases=tmp_path)["events"][0]
    assert event["offset"] is None and event["to_shutdown"] is None


def test_every_event_is_printed_however_many(cli, cli_json, tmp_path: Path):
    lines = ["format = 1", "[case]", 'name = "Many"', 'status = "active"', 'summary = "s"', "[model]", 'type = "t"']
    for n in range(150):
        lines += ["[[events]]", f'date = "{1900 + n}"', f'title = "Event {n:03d}"']
    (tmp_path / "many.toml").write_text("\n".join(lines) + "\n")
    for fmt in ("table", "markdown"):
        out = cli("timeline", "many", "-f", fmt, cases=tmp_path).stdout
        assert all(f"Event {n:03d}" in out for n in range(150)), fmt
    assert len(cli_json("timeline", "many", "-f", "json", cases=tmp_path)["events"]) == 150


def test_unknown_id(cli):
    result = cli("timeline", "alpha")
    assert result.exit_code == 1 and result.stdout == ""
    assert "did you mean alpha-club" in result.stderr
