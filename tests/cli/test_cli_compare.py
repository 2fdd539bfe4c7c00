"""`casetui compare`: rows per dimension, columns per case, differences marked in every format."""

from __future__ import annotations

import csv
import io

import pytest

from casetui.render.csv import safe

THREE = ("alpha-club", "beta-market", "gamma-card")


def row_line(output: str, label: str) -> str:
    return next(line for line in output.splitlines() if f" {label} " in f" {line} ")


def test_table_has_a_column_per_case_and_marks_differences(cli):
    result = cli("compare", *THREE)
    assert result.exit_code == 0, result.output
    out = result.stdout
    for case_id in THREE:
        assert case_id in out
    fee = row_line(out, "Membership fee")
    assert "396 CNY" in fee and "399 CNY" in fee and "168 CNY" in fee and "≠" in fee
    assert "\x1b" not in out


def test_json_shape(cli_json):
    doc = cli_json("compare", *THREE, "--format", "json")
    assert doc["format"] == 1 and doc["lang"] == "en" and doc["baseline"] is None
    assert doc["cases"] == [
        {"id": "alpha-club", "name": "Alpha Club"},
        {"id": "beta-market", "name": "Beta Market"},
        {"id": "gamma-card", "name": "Gamma Card [/]"},
    ]
    rows = {row["key"]: row for row in doc["rows"]}
    assert set(rows["case.name"]) == {"key", "group", "label", "unit", "differs", "values"}
    fee = rows["model.membership_fee"]
    assert (fee["group"], fee["label"], fee["unit"], fee["differs"]) == ("model", "Membership fee", "CNY", True)
    alpha = fee["values"]["alpha-club"]
    assert alpha == {
        "raw": 396,
        "display": "396 CNY",
        "unit": "CNY",
        "note": "one-off",
        "sources": ["notice"],
        "differs": True,
        "fallback": False,
        "scheduled": False,
    }
    # A case without the row has null, not an empty value.
    assert rows["model.cities"]["values"]["alpha-club"] is None
    assert rows["model.cities"]["values"]["beta-market"]["raw"] == 12


def test_json_dates_at_written_precision(cli_json):
    rows = {r["key"]: r for r in cli_json("compare", "alpha-club", "beta-market", "-f", "json")["rows"]}
    launched = rows["case.launched"]["values"]
    assert (launched["alpha-club"]["raw"], launched["beta-market"]["raw"]) == ("2019", "2018-06")
    assert rows["case.ended"]["values"]["beta-market"]["raw"] == "2021-09"
    assert rows["case.ended"]["values"]["alpha-club"]["raw"] == "2022-03-17T10:00:00+08:00"
    lifespan = rows["derived.lifespan"]["values"]["beta-market"]
    assert lifespan["raw"] == {"amount": 39, "unit": "month"}


def test_baseline_marks_cells_against_it(cli_json):
    doc = cli_json("compare", "alpha-club", "beta-market", "--baseline", "alpha-club", "-f", "json")
    assert doc["baseline"] == "alpha-club"
    rows = {r["key"]: r for r in doc["rows"]}
    assert rows["case.status"]["differs"] is False  # both shut down
    fee = rows["model.membership_fee"]["values"]
    assert fee["alpha-club"]["differs"] is False and fee["beta-market"]["differs"] is True


def test_a_baseline_that_is_not_the_first_case_is_named_and_used(cli_json):
    doc = cli_json("compare", "alpha-club", "beta-market", "gamma-card", "--baseline", "beta-market", "-f", "json")
    assert doc["baseline"] == "beta-market"
    fee = {
        case: value["differs"]
        for case, value in next(r for r in doc["rows"] if r["key"] == "model.membership_fee")["values"].items()
    }
    assert fee == {"alpha-club": True, "beta-market": False, "gamma-card": True}


def test_diff_only_drops_rows_that_agree(cli_json, cli):
    doc = cli_json("compare", "alpha-club", "beta-market", "--diff-only", "-f", "json")
    keys = [r["key"] for r in doc["rows"]]
    assert "case.status" not in keys and "model.membership_fee" in keys
    assert all(r["differs"] for r in doc["rows"])
    assert "shut down" not in cli("compare", "alpha-club", "beta-market", "--diff-only").stdout


def test_diff_only_drops_a_derived_row_that_agrees(cli_json, cli, library_copy):
    """A twin of Beta Market with the same dates and events: every derived value is equal and dropped."""
    twin = (library_copy / "beta-market.toml").read_text(encoding="utf-8")
    twin = twin.replace('"Beta Market"', '"Beta Twin"').replace("value = 399", "value = 499")
    (library_copy / "beta-twin.toml").write_text(twin, encoding="utf-8")
    full = cli_json("compare", "beta-market", "beta-twin", "-f", "json", cases=library_copy)
    full = {r["key"]: r for r in full["rows"]}
    assert full["derived.lifespan"]["differs"] is False  # 39 months each: the row exists, and agrees
    doc = cli_json("compare", "beta-market", "beta-twin", "--diff-only", "-f", "json", cases=library_copy)
    keys = [r["key"] for r in doc["rows"]]
    assert [k for k in keys if k.startswith("derived.")] == []
    assert "model.membership_fee" in keys and "case.name" in keys
    text = cli("compare", "beta-market", "beta-twin", "--diff-only", cases=library_copy).stdout
    assert "Lifespan" not in text and "3 years 3 months" not in text
    assert "Lifespan" in cli("compare", "beta-market", "beta-twin", cases=library_copy).stdout


def test_csv(cli):
    result = cli("compare", *THREE, "--format", "csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[0] == ["key", "group", "label", "unit", "differs", *THREE]
    by_key = {row[0]: row for row in rows[1:]}
    assert by_key["model.membership_fee"] == [
        "model.membership_fee",
        "model",
        "Membership fee",
        "CNY",
        "yes",
        "396",
        "399",
        "168",
    ]
    assert by_key["model.cities"][5:] == ["", "12", ""]
    assert by_key["case.launched"][5:] == ["2019", "2018-06", "2025-09-01"]


def test_csv_with_baseline_marks_only_rows_that_differ_from_it(cli):
    rows = list(
        csv.reader(
            io.StringIO(cli("compare", "alpha-club", "beta-market", "--baseline", "beta-market", "-f", "csv").stdout)
        )
    )
    by_key = {row[0]: row for row in rows[1:]}
    assert by_key["case.status"][4] == "no"
    assert by_key["case.name"][4] == "yes"


def test_csv_defuses_spreadsheet_formulas():
    assert safe('=HYPERLINK("x")') == '\'=HYPERLINK("x")'
    assert safe("@SUM(A1)") == "'@SUM(A1)"
    assert safe("-cmd") == "'-cmd"
    assert safe("-12.5") == "-12.5"
    assert safe("Platform") == "Platform"


def test_markdown(cli):
    out = cli("compare", *THREE, "--format", "markdown").stdout
    lines = out.splitlines()
    assert lines[0] == (
        "| Dimension | Alpha Club (`alpha-club`) | Beta Market (`beta-market`) "
        "| Gamma Card \\[/\\] (`gamma-card`) | differs |"
    )
    assert lines[1] == "|---|---|---|---|---|"
    assert "| Membership fee | 396 CNY (one-off) | 399 CNY | 168 CNY (per year) | ≠ |" in lines
    assert "| Cities | — | 12 | — | ≠ |" in lines


def test_markdown_baseline_sets_differing_cells_in_bold(cli):
    out = cli("compare", "alpha-club", "beta-market", "--baseline", "alpha-club", "-f", "markdown").stdout
    assert "Alpha Club (`alpha-club`) (baseline)" in out
    assert "| Status | shut down | shut down |  |" in out
    assert "| Membership fee | 396 CNY (one-off) | **399 CNY** | ≠ |" in out


def test_chinese_labels_and_values(cli):
    out = cli("--lang", "zh", "compare", "alpha-club", "beta-market").stdout
    for text in ("阿尔法会员店", "贝塔小铺", "会员费", "已关停", "存续时间"):
        assert text in out, text


def test_fallback_marked_in_table_and_json(cli, cli_json):
    assert "Alpha Club ⟨en⟩" in cli("--lang", "fr", "compare", "alpha-club", "beta-market").stdout
    doc = cli_json("--lang", "fr", "compare", "alpha-club", "beta-market", "-f", "json")
    name = next(r for r in doc["rows"] if r["key"] == "case.name")["values"]["alpha-club"]
    assert name["fallback"] is True and name["raw"] == {"en": "Alpha Club", "zh": "阿尔法会员店"}


def test_unknown_ids_exit_1_with_suggestions_and_nothing_on_stdout(cli):
    result = cli("compare", "alpha-club", "betamarket", "zzz", "--format", "json")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert 'no case "betamarket"; did you mean beta-market?' in result.stderr
    assert 'no case "zzz"' in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ("alpha-club",),
        ("alpha-club", "alpha-club"),
        ("alpha-club", "beta-market", "--baseline", "gamma-card"),
        ("alpha-club", "beta-market", "--format", "xml"),
    ],
)
def test_usage_errors_exit_2(cli, args):
    result = cli("compare", *args)
    assert result.exit_code == 2
    assert result.stdout == ""


@pytest.mark.parametrize(("lang", "take_rate"), [("en", "Take rate"), ("zh", "抽成")])
def test_a_value_one_case_lacks_shows_a_dash_in_text_and_markdown(cli, lang: str, take_rate: str) -> None:
    """Gamma Card has no take rate: the row differs, and its cell says "—" rather than nothing."""
    args = ("--lang", lang, "compare", "alpha-club", "gamma-card")
    table = cli(*args).stdout
    row = row_line(table, take_rate)
    assert row.split()[0] == "≠" and row.split(take_rate)[1].split() == ["20%", "—"]

    markdown = cli(*args, "--format", "markdown").stdout
    assert f"| {take_rate} | 20% | — | ≠ |" in markdown
    # With a baseline, values that differ are set in bold; the dash is not a value.
    pinned = cli(*args, "--format", "markdown", "--baseline", "alpha-club").stdout
    assert f"| {take_rate} | 20% | — | ≠ |" in pinned


def test_a_value_one_case_lacks_stays_empty_in_csv_and_null_in_json(cli, cli_json) -> None:
    rows = list(csv.reader(io.StringIO(cli("compare", "alpha-club", "gamma-card", "--format", "csv").stdout)))
    take = next(r for r in rows if r[0] == "model.take_rate")
    assert take[-2:] == ["20", ""]
    doc = cli_json("compare", "alpha-club", "gamma-card", "--format", "json")
    take_rate = next(r for r in doc["rows"] if r["key"] == "model.take_rate")
    assert take_rate["values"]["gamma-card"] is None
