"""Side-by-side rows: which rows exist, what each cell shows, and which cells are marked as different."""

from __future__ import annotations

import pytest

from casetui.compare import Row, compare
from casetui.library import load_library
from casetui.model import Case

from .helpers import FIXTURES, load


@pytest.fixture(scope="module")
def cases() -> dict[str, Case]:
    return {case.id: case for case in load_library([FIXTURES]).cases}


def by_key(rows: list[Row]) -> dict[str, Row]:
    return {row.key: row for row in rows}


def shown(row: Row) -> list[str | None]:
    return [None if cell is None else cell.display for cell in row.cells]


def test_rows_are_case_fields_then_the_union_of_model_keys_then_derived_values(cases: dict[str, Case]) -> None:
    rows = compare([cases["alpha-club"], cases["beta-market"]])
    assert [row.key for row in rows] == [
        "case.name",
        "case.company",
        "case.status",
        "case.region",
        "case.tags",
        "case.launched",
        "case.ended",
        "case.model_type",
        "case.reason",
        "model.membership_fee",
        "model.take_rate",
        "model.fulfilment",
        "model.cities",
        "derived.lifespan",
        "derived.notice_period",
        "derived.announced",
        "derived.shutdown",
        "derived.events",
        "derived.services",
    ]


def test_a_row_that_no_case_has_is_left_out(cases: dict[str, Case]) -> None:
    keys = by_key(compare([cases["beta-market"], cases["gamma-card"]]))
    assert "case.reason" not in keys and "case.region" not in keys and "model.take_rate" not in keys
    assert "derived.lifespan" in keys  # beta has one


def test_cells_show_values_units_and_derived_numbers(cases: dict[str, Case]) -> None:
    rows = by_key(compare([cases["alpha-club"], cases["beta-market"], cases["gamma-card"]]))
    assert shown(rows["model.membership_fee"]) == ["396 CNY", "399 CNY", "168 CNY"]
    assert rows["model.membership_fee"].label == "Membership fee" and rows["model.membership_fee"].unit == "CNY"
    assert shown(rows["model.take_rate"]) == ["20%", None, None]
    assert shown(rows["case.launched"]) == ["2019", "2018-06", "2025-09-01"]
    assert shown(rows["derived.lifespan"]) == ["3 years", "3 years 3 months", None]
    assert [c.raw if c else None for c in rows["derived.lifespan"].cells] == [
        {"amount": 3, "unit": "year"},
        {"amount": 39, "unit": "month"},
        None,
    ]
    # 59 days in seconds: 59 * 86400.
    notice = rows["derived.notice_period"].cells[0]
    assert notice is not None and notice.raw == {"amount": 5097600, "unit": "second"}
    assert shown(rows["derived.notice_period"]) == ["59 days", "1 month", None]
    assert shown(rows["derived.events"]) == ["4", "3", "2"]
    assert shown(rows["derived.services"]) == ["3", "1", None]


def test_case_text_is_shown_literally(cases: dict[str, Case]) -> None:
    rows = by_key(compare([cases["gamma-card"]]))
    assert shown(rows["case.company"]) == ["Gamma [@click=app.quit]quit[/]"]
    assert shown(rows["case.name"]) == ["Gamma Card [/]"]


def test_without_a_baseline_a_row_that_varies_marks_every_cell(cases: dict[str, Case]) -> None:
    rows = by_key(compare([cases["alpha-club"], cases["beta-market"]]))
    assert rows["case.status"].cell_differs == (False, False) and not rows["case.status"].differs
    assert rows["model.membership_fee"].cell_differs == (True, True)
    assert rows["model.cities"].cell_differs == (True, True)  # present in one case only


def test_with_a_baseline_only_the_cells_that_differ_from_it_are_marked(cases: dict[str, Case]) -> None:
    rows = by_key(compare([cases["alpha-club"], cases["beta-market"], cases["gamma-card"]], baseline=1))
    assert rows["case.status"].cell_differs == (False, False, True)  # shut-down, shut-down, paused
    assert rows["model.membership_fee"].cell_differs == (True, False, True)
    assert rows["case.region"].cell_differs == (True, False, False)  # "CN", none, none


def test_labels_and_text_follow_the_language_and_fallbacks_are_flagged(cases: dict[str, Case]) -> None:
    rows = by_key(compare([cases["alpha-club"], cases["beta-market"]], lang="zh"))
    assert rows["case.name"].label == "名称"
    assert shown(rows["case.name"]) == ["阿尔法会员店", "贝塔小铺"]
    assert shown(rows["case.status"]) == ["已关停", "已关停"]
    assert rows["model.membership_fee"].label == "会员费"
    french = by_key(compare([cases["alpha-club"], cases["beta-market"]], lang="fr"))
    assert [c.fallback if c else None for c in french["case.name"].cells] == [True, True]
    assert [c.fallback if c else None for c in french["case.company"].cells] == [True, False]  # "Beta Corp" is plain


def test_the_same_value_in_another_language_is_not_a_difference(cases: dict[str, Case]) -> None:
    rows = by_key(compare([cases["alpha-club"], cases["alpha-club"]], lang="zh"))
    assert not any(row.differs for row in rows.values())


USERS = """\
format = 1

[case]
name = "Users"
status = "active"
summary = "Users under one key, measured differently."

[model]
type = "Marketplace"
users = {{ value = {value}, unit = "people", label = {{ en = "{en}", zh = "{zh}" }} }}
"""


def test_a_shared_key_with_different_labels_keeps_each_cases_own_label() -> None:
    """Taote's annual active consumers must not show under Taoxiaopu's "Shopkeepers at peak"."""
    shops_en, shops_zh = "Shopkeepers at peak", "鼎盛时期掌柜数"
    buyers_en, buyers_zh = "Annual active consumers", "年度活跃消费者"
    shops = load(USERS.format(value=900000, en=shops_en, zh=shops_zh), "shops.toml")
    buyers = load(USERS.format(value=190000000, en=buyers_en, zh=buyers_zh), "buyers.toml")
    row = by_key(compare([shops, buyers], "en"))["model.users"]
    assert shops_en not in row.label and buyers_en not in row.label, row.label
    assert shown(row) == [f"{shops_en}: 900,000 people", f"{buyers_en}: 190,000,000 people"]
    row = by_key(compare([shops, buyers], "zh"))["model.users"]
    assert shops_zh not in row.label and buyers_zh not in row.label, row.label
    assert shown(row) == [f"{shops_zh}：900,000人", f"{buyers_zh}：190,000,000人"]


def test_a_shared_key_with_one_label_keeps_it_as_the_row_label() -> None:
    one = load(USERS.format(value=1, en="Members", zh="会员"), "one.toml")
    two = load(USERS.format(value=2, en="Members", zh="会员"), "two.toml")
    row = by_key(compare([one, two], "zh"))["model.users"]
    assert row.label == "会员"
    assert shown(row) == ["1人", "2人"]


def test_the_same_amount_in_another_unit_differs(tmp_path) -> None:
    """399 CNY and 399 USD are not the same fee: the row is marked."""
    fee = 'membership_fee = {{ value = 399, unit = "{unit}", label = "Fee" }}'
    for name, unit in (("in-yuan", "CNY"), ("in-dollars", "USD"), ("also-yuan", "CNY")):
        text = f'format = 1\n[case]\nname = "{name}"\nstatus = "active"\nsummary = "s"\n[model]\ntype = "t"\n'
        (tmp_path / f"{name}.toml").write_text(text + fee.format(unit=unit) + "\n", encoding="utf-8")
    library = {case.id: case for case in load_library([tmp_path]).cases}
    row = by_key(compare([library["in-yuan"], library["in-dollars"]]))["model.membership_fee"]
    assert shown(row) == ["399 CNY", "399 USD"]
    assert row.differs
    same = by_key(compare([library["in-yuan"], library["also-yuan"]]))["model.membership_fee"]
    assert not same.differs


def case_text(name: str, head: str = "", events: str = "") -> str:
    """A small valid case; `head` goes into `[case]`, `events` after `[model]`."""
    return (
        f'format = 1\n[case]\nname = "{name}"\nstatus = "sunsetting"\nsummary = "s"\n{head}\n'
        f'[model]\ntype = "t"\n{events}'
    )


def test_cases_without_tags_or_services_have_no_rows_for_them() -> None:
    rows = by_key(compare([load(case_text("One"), "one.toml"), load(case_text("Two"), "two.toml")]))
    assert "case.tags" not in rows and "derived.services" not in rows
    assert shown(rows["derived.events"]) == ["0", "0"]


def test_a_scheduled_announcement_is_marked_in_its_row() -> None:
    events = '[[events]]\ndate = 2022-03-01\ntitle = "a"\nkind = "announcement"\n'
    later = load(case_text("Later", 'as_of = "2022-02"', events), "later.toml")
    known = load(case_text("Known", 'as_of = "2022-04"', events), "known.toml")
    row = by_key(compare([later, known]))["derived.announced"]
    assert [c.scheduled if c else None for c in row.cells] == [True, False]
    assert shown(row) == ["2022-03-01", "2022-03-01"]


def test_the_rows_that_differ_are_the_same_in_every_language() -> None:
    """Two names alike in English but not in Chinese differ in both: `--diff-only` keeps one set of rows."""
    one = load(case_text("x").replace('name = "x"', 'name = { en = "Shop", zh = "甲店" }'), "one.toml")
    two = load(case_text("x").replace('name = "x"', 'name = { en = "Shop", zh = "乙店" }'), "two.toml")
    for lang in ("en", "zh"):
        row = by_key(compare([one, two], lang))["case.name"]
        assert row.cell_differs == (True, True), lang
    assert shown(by_key(compare([one, two], "en"))["case.name"]) == ["Shop", "Shop"]


def fee_case(name: str, fee: str) -> Case:
    return load(case_text(name) + f"membership_fee = {fee}\n", f"{name}.toml")


def test_a_row_label_is_the_first_written_in_the_language_asked_for() -> None:
    english_only = fee_case("one", '{ value = 1, unit = "CNY", label = { en = "Fee" } }')
    both = fee_case("two", '{ value = 2, unit = "CNY", label = { en = "Fee", zh = "会费" } }')
    assert by_key(compare([english_only, both], "zh"))["model.membership_fee"].label == "会费"
    assert by_key(compare([english_only, both], "en"))["model.membership_fee"].label == "Fee"


def test_a_row_keeps_the_unit_written_even_where_a_later_case_leaves_it_out() -> None:
    with_unit = fee_case("one", '{ value = 1, unit = "CNY" }')
    without = fee_case("two", '{ value = 2, note = "no unit given" }')
    assert by_key(compare([with_unit, without]))["model.membership_fee"].unit == "CNY"
