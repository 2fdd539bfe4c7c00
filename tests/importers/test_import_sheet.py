"""`casetui import sheet`: a TimelineJS spreadsheet becomes one case, dates at the precision written."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest
import tomli

from casetui.loader import read_case
from casetui.when import Precision

from .support import FIXTURES

HEADER = (
    "Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,Headline,Text,Media,"
    "Media Credit,Media Caption,Media Thumbnail,Type,Group,Background\n"
)


@pytest.fixture
def sheet(tmp_path: Path) -> Path:
    """A copy of the good fixture sheet, run from a folder of its own."""
    path = tmp_path / "timeline.csv"
    shutil.copy(FIXTURES / "timeline.csv", path)
    return path


def import_sheet(cli, source: Path, into: Path, *extra: str, case_id: str = "youyu"):
    return cli("import", "sheet", str(source), "--into", str(into), "--id", case_id, *extra)


def test_rows_become_events_at_the_precision_written(cli, sheet, tmp_path):
    result = import_sheet(cli, sheet, tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert result.stderr.strip() == "casetui import sheet: added 1, updated 0, unchanged 0, skipped 0"
    case = read_case(tmp_path / "out" / "youyu.toml")
    assert case.name.get() == "Youyu: rise and fall"
    assert case.summary.get() == "A membership social-commerce app & its sunset.\n\nSecond paragraph."
    assert case.status == "active"
    shown = [(e.date.display(), e.date.precision, e.kind, e.title.get()) for e in case.events]
    assert shown == [
        ("2019", Precision.YEAR, "launch", "Youyu launches"),
        ("2019-10", Precision.MONTH, "growth", "Sales peak"),
        ("2021-03-15", Precision.DAY, "partnership", "Partner deal"),
        ("2022-01-17 10:00", Precision.TIME, "announcement", "Shutdown announced"),
        ("2022-01-20 14:30", Precision.TIME, "milestone", "Town hall"),
        ("2022-03-17", Precision.DAY, "shutdown", "Service ends"),
    ]
    assert case.events[3].detail is not None and case.events[3].detail.get() == "Check-in stops.\nWithdrawals continue."
    assert [(p.title.get(), p.start.display(), p.end.display() if p.end else None) for p in case.phases] == [
        ("Growth", "2019", "2020-06"),
        ("Decline", "2021-11", None),
    ]
    (source,) = case.sources
    assert (source.id, source.title.get()) == ("sheet", "timeline.csv")
    raw = tomli.loads((tmp_path / "out" / "youyu.toml").read_text(encoding="utf-8"))
    assert raw["events"][4]["x_group"] == "Community", "a group that is no kind is kept"
    assert "x_group" not in raw["events"][0]
    assert str(raw["events"][5]["x_end"]) == "2022-03-31"
    assert "example.com" not in (tmp_path / "out" / "youyu.toml").read_text(), "media columns are ignored"


def test_options_override_the_title_row(cli, sheet, tmp_path):
    result = import_sheet(
        cli, sheet, tmp_path / "out", "--name", "有鱼", "--status", "shut-down", "--company", "Xiaomi", case_id="yy"
    )
    assert result.exit_code == 0, result.output
    case = read_case(tmp_path / "out" / "yy.toml")
    assert (case.name.get(), case.status, case.company.get() if case.company else None) == (
        "有鱼",
        "shut-down",
        "Xiaomi",
    )


def test_bad_rows_are_all_reported_and_nothing_is_written(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(FIXTURES)
    into = tmp_path / "out"
    result = import_sheet(cli, Path("bad.csv"), into, case_id="bad")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        "bad.csv:3: Month: 13 is not a month (1 to 12)",
        "bad.csv:4: Headline: missing: an event needs one",
        'bad.csv:5: Year: "twenty" is not a year (write it in digits, like 2019)',
        "bad.csv:6: Day: 30 is not a day of 2021-02 (it has 28 days)",
    ]
    assert not into.exists()


@pytest.mark.parametrize(
    ("row", "line"),
    [
        (",5,,,,,,,,No year,,,,,,,,", "Year: missing, but Month is given"),
        ("2019,,,10:00,,,,,,Time without day,,,,,,,,", "Time: a time needs a full date (year, month and day)"),
        (
            "2019,1,2,25:00,,,,,,Bad time,,,,,,,,",
            'Time: "25:00" is not a time of day (like 14:30, 14:30:05 or 2:30 PM)',
        ),
        ("2020,,,,2019,,,,,Backwards,,,,,,era,,", "End Year: the end 2019 is before the start 2020"),
        ("2020,,,,,,,,,Odd,,,,,,slide,,", 'Type: unknown type "slide": use title, era, or leave it empty for an event'),
        (",,,,,,,,,<b></b>,Only text,,,,,,,", "Year: missing: an event needs a date"),
    ],
)
def test_each_kind_of_bad_cell(cli, tmp_path, row, line):
    source = tmp_path / "s.csv"
    source.write_text(HEADER + ",,,,,,,,,T,Intro,,,,,title,,\n" + row + "\n", encoding="utf-8")
    result = import_sheet(cli, source, tmp_path / "out")
    assert result.exit_code == 1
    assert f"{source}:3: {line}" in result.stderr.splitlines()


def test_missing_columns_and_missing_summary(cli, tmp_path):
    source = tmp_path / "s.csv"
    source.write_text("Year,Month,Hedline\n2019,,Launch\n", encoding="utf-8")
    result = import_sheet(cli, source, tmp_path / "out")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"{source}:1: Headline: required column is missing (the first row must hold the column names)"
    ]
    source.write_text("Year,Headline\n2019,Launch\n", encoding="utf-8")
    result = import_sheet(cli, source, tmp_path / "out", "--name", "N")
    assert result.exit_code == 1
    assert "no summary: give --summary" in result.stderr
    result = import_sheet(cli, source, tmp_path / "out", "--name", "N", "--summary", "S")
    assert result.exit_code == 0, result.output
    assert read_case(tmp_path / "out" / "youyu.toml").events[0].date.display() == "2019"


def test_reimport_edit_and_force(cli, sheet, tmp_path):
    into = tmp_path / "out"
    assert import_sheet(cli, sheet, into).exit_code == 0
    again = import_sheet(cli, sheet, into, "--json")
    assert json.loads(again.stdout)["counts"] == {"added": 0, "updated": 0, "unchanged": 1, "skipped": 0}
    target = into / "youyu.toml"
    target.write_text(
        target.read_text(encoding="utf-8").replace("Sales peak", "Sales peak (by hand)"), encoding="utf-8"
    )
    skipped = import_sheet(cli, sheet, into)
    assert skipped.exit_code == 0
    assert "youyu.toml: skipped: edited by hand" in skipped.stderr
    assert "(by hand)" in target.read_text(encoding="utf-8")
    forced = import_sheet(cli, sheet, into, "--force")
    assert forced.stderr.strip() == "casetui import sheet: added 0, updated 1, unchanged 0, skipped 0"
    assert "(by hand)" not in target.read_text(encoding="utf-8")
    assert sorted(p.name for p in into.iterdir()) == ["youyu.toml"]


def test_bad_options_are_usage_errors(cli, sheet, tmp_path):
    assert import_sheet(cli, sheet, tmp_path / "out", case_id="Bad_Id").exit_code == 2
    assert import_sheet(cli, sheet, tmp_path / "out", "--status", "dead").exit_code == 2
    assert not (tmp_path / "out").exists()


def test_excel_style_export_reads_the_same(cli, sheet, tmp_path):
    """A BOM, CRLF line ends and `;` separators (as some spreadsheet locales save CSV) change nothing."""
    rows = list(csv.reader(io.StringIO(sheet.read_text(encoding="utf-8"), newline="")))
    excel = tmp_path / "excel.csv"
    with open(excel, "w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle, delimiter=";", lineterminator="\r\n").writerows(rows)
    assert import_sheet(cli, sheet, tmp_path / "a").exit_code == 0
    result = import_sheet(cli, excel, tmp_path / "b")
    assert result.exit_code == 0, result.output
    plain, excel_made = ((tmp_path / d / "youyu.toml").read_text(encoding="utf-8").split("\n", 2)[2] for d in "ab")
    assert excel_made == plain.replace("timeline.csv", "excel.csv")
