"""The library table's order: by one column, ties by id, missing values and broken files last either way."""

from __future__ import annotations

from pathlib import Path

import pytest

from casetui.library import Entry, load_library
from casetui.text import LText
from casetui.tui.listing import order

from .helpers import FIXTURES


def _entries(first: str | None = None, broken: bool = True) -> list[Entry]:
    """Cases named alike under ids out of order, one without a company, and a broken file; names in
    English then Chinese, or with `first` None language-neutral."""
    base = load_library([FIXTURES]).summary("beta-market")
    assert base is not None
    made = []
    for case_id, name, company in [
        ("c-two", "Same", "Zed"),
        ("a-one", "same", None),
        ("d-four", "Other", "Alpha"),
        ("b-three", "SAME", "Zed"),
    ]:
        title = LText.plain(name) if first is None else LText(((first, name), ("zh", f"中{case_id}")))
        summary = base._replace(id=case_id, name=title, company=company and LText.plain(company))
        made.append(Entry(case_id, None, Path("."), summary, name=f"{case_id}.toml"))
    if broken:
        made.append(Entry("broken", None, Path("."), None, name="broken.toml"))
    return made


@pytest.mark.parametrize(
    ("column", "descending", "ids"),
    [
        ("name", False, ["d-four", "a-one", "b-three", "c-two", "broken"]),
        ("name", True, ["c-two", "b-three", "a-one", "d-four", "broken"]),
        ("company", False, ["d-four", "b-three", "c-two", "a-one", "broken"]),
        ("company", True, ["c-two", "b-three", "d-four", "a-one", "broken"]),
        ("status", False, ["a-one", "b-three", "c-two", "d-four", "broken"]),
        ("status", True, ["d-four", "c-two", "b-three", "a-one", "broken"]),
    ],
)
def test_rows_sort_by_the_column_then_by_id_with_missing_values_and_broken_files_last(
    column: str, descending: bool, ids: list[str]
) -> None:
    assert [entry.id for entry in order(_entries(), column, descending, "en")] == ids


@pytest.mark.parametrize("broken", [True, False])
@pytest.mark.parametrize("descending", [False, True])
def test_names_first_in_the_language_sort_as_any_others(descending: bool, broken: bool) -> None:
    """The names all in English first (the keys are then made in passes over the library) or not."""
    expected = order(_entries(broken=broken), "name", descending, "en")
    assert [entry.id for entry in order(_entries("en", broken), "name", descending, "en")] == [
        entry.id for entry in expected
    ]
    chinese = [entry.id for entry in order(_entries("en", broken), "name", descending, "zh")]
    by_id = sorted(["a-one", "b-three", "c-two", "d-four"], reverse=descending)  # 中a-one, 中b-three …
    assert chinese == by_id + ["broken"] * broken
