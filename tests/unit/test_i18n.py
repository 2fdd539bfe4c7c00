"""casetui's own words in English and Chinese, for every tag that means Chinese, and values as shown."""

from __future__ import annotations

import pytest

from casetui import i18n
from casetui.text import LText
from casetui.values import display_value, format_number

CHINESE = ("zh", "zh-Hans", "zh-Hant", "zh-CN")


@pytest.mark.parametrize("lang", CHINESE)
def test_every_chinese_tag_gets_chinese_labels_marks_and_units(lang: str) -> None:
    assert i18n.label("lifespan", lang) == "存续时间"
    assert i18n.label("shut-down", lang) == "已关停"
    assert i18n.scheduled_mark(lang) == "（计划）"
    assert i18n.unit_text("396", "CNY", lang) == "396元"
    assert i18n.unit_label("people", lang) == "人"
    assert i18n.kind_name("service-stop", lang) == "停止服务"
    assert i18n.model_label("membership_fee", lang) == "会员费"
    assert i18n.lang_note(lang) is None


def test_english_labels_marks_and_units() -> None:
    assert i18n.label("lifespan", "en") == "Lifespan"
    assert i18n.scheduled_mark("en") == " (scheduled)"
    assert (i18n.unit_text("396", "CNY"), i18n.unit_text("20", "%"), i18n.unit_text("3", None)) == (
        "396 CNY",
        "20%",
        "3",
    )
    assert (i18n.unit_label("people"), i18n.unit_label(None)) == ("people", "")
    assert i18n.kind_name("service-stop") == "service-stop"


def test_a_figure_the_source_gave_in_words_keeps_its_one_unit() -> None:
    assert i18n.unit_text("数亿元", "CNY", "zh") == "数亿元"
    assert i18n.unit_text("数亿", "CNY", "zh") == "数亿元"


def test_a_language_tag_is_read_whatever_its_case() -> None:
    assert i18n.lang_note("ZH") is None and i18n.lang_note("En-GB") is None
    assert i18n.lang_note("fr") == "casetui: --lang 'fr' is not supported (en, zh): falling back to English."


def test_an_unknown_key_is_made_readable_in_sentence_case() -> None:
    assert i18n.model_label("store_sales_per-year") == "Store sales per year"
    assert i18n.label("as_of_date") == "As of date"


def test_the_exact_language_tag_wins_over_its_base_language() -> None:
    name = LText((("zh", "有鱼"), ("zh-Hant", "有魚")))
    assert name.resolve("zh-Hant").text == "有魚"
    assert name.resolve("zh-CN").text == "有鱼"


def test_english_is_the_fallback_before_the_first_language_written() -> None:
    resolved = LText((("ja", "有魚"), ("en", "Youyu"))).resolve("zh")
    assert (resolved.text, resolved.lang, resolved.fallback) == ("Youyu", "en", True)


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (True, "yes"),
        (False, "no"),
        (1000, "1,000"),
        (1000000, "1,000,000"),
        (2.5, "2.5"),
        (0.125, "0.125"),
        (1234567.891, "1,234,567.89"),
        (396.0, "396"),
    ],
)
def test_values_as_shown(value: object, shown: str) -> None:
    assert display_value(value, "en") == (shown, False)


def test_booleans_in_chinese() -> None:
    assert (display_value(True, "zh"), display_value(False, "zh")) == (("是", False), ("否", False))
    assert format_number(-2.5) == "-2.5"
