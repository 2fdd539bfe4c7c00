"""Text in one or more languages: which string is shown, and when it is marked as a fallback."""

from __future__ import annotations

import pytest

from casetui.text import LText

from .helpers import MINIMAL, lines_of, load


def table(**entries: str) -> LText:
    return LText(tuple((lang.replace("_", "-"), text) for lang, text in entries.items()))


def test_a_plain_string_is_never_marked_as_a_fallback() -> None:
    text = LText.plain("Youyu")
    for lang in ("en", "zh", "fr"):
        resolved = text.resolve(lang)
        assert (resolved.text, resolved.lang, resolved.fallback) == ("Youyu", None, False)


def test_the_asked_language_wins() -> None:
    name = table(en="Youyu", zh="有鱼")
    assert name.resolve("zh").text == "有鱼"
    assert name.resolve("zh").fallback is False
    assert name.get("en") == "Youyu"


def test_a_regional_tag_uses_its_base_language_without_a_fallback_mark() -> None:
    resolved = table(en="Youyu", zh="有鱼").resolve("zh-Hans")
    assert (resolved.text, resolved.lang, resolved.fallback) == ("有鱼", "zh", False)


def test_a_missing_language_falls_back_to_english_and_is_marked() -> None:
    resolved = table(zh="有鱼", en="Youyu").resolve("fr")
    assert (resolved.text, resolved.lang, resolved.fallback) == ("Youyu", "en", True)


def test_without_english_the_first_entry_is_shown_and_marked() -> None:
    resolved = table(ja="有魚", zh="有鱼").resolve("en")
    assert (resolved.text, resolved.lang, resolved.fallback) == ("有魚", "ja", True)


def test_text_keeps_what_was_written_for_json_and_search() -> None:
    name = table(en="Youyu", zh="有鱼")
    assert name.as_json() == {"en": "Youyu", "zh": "有鱼"}
    assert LText.plain("x").as_json() == "x"
    assert name.languages == ("en", "zh")
    assert "youyu" in name.search_blob() and "有鱼" in name.search_blob()


def test_the_loader_reads_strings_and_language_tables_in_file_order() -> None:
    case = load(MINIMAL.replace('name = "Minimal"', 'name = { zh = "有鱼", en = "Youyu", zh-Hant = "有魚" }'))
    assert case.name.entries == (("zh", "有鱼"), ("en", "Youyu"), ("zh-Hant", "有魚"))
    assert case.summary.is_plain


def test_x_keys_inside_a_language_table_are_ignored() -> None:
    case = load(MINIMAL.replace('name = "Minimal"', 'name = { x_todo = "check", zh = "有鱼" }'))
    assert case.name.entries == (("zh", "有鱼"),)


@pytest.mark.parametrize(
    ("value", "key", "message"),
    [
        ("{ en = 3 }", "case.name.en", "expected a string, got an integer"),
        ('{ "not a tag" = "x" }', 'case.name."not a tag"', "is not a language tag"),
        ("{}", "case.name", "empty text"),
        ('{ x_only = "x" }', "case.name", "empty text"),
        ("3", "case.name", "expected text (a string or a table like { en = …, zh = … }), got an integer"),
        ('["a"]', "case.name", "got an array"),
    ],
)
def test_bad_text_is_one_located_error(value: str, key: str, message: str) -> None:
    (line,) = lines_of(MINIMAL.replace('name = "Minimal"', f"name = {value}"))
    assert line.startswith(f"t.toml:4: {key}: ")
    assert message in line
