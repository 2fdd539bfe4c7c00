"""The importers' TOML: tomli-w's escaping, in the layout a person editing the file expects."""

from __future__ import annotations

import math

import pytest
import tomli

from casetui.importers import toml_writer


def test_short_events_stay_tables_below_the_case() -> None:
    document = {
        "format": 1,
        "case": {"name": "A", "tags": ["x"]},
        "events": [{"date": "2019", "title": "Launch"}, {"date": "2020", "title": "End"}],
        "sources": {"s": {"title": "S"}},
    }
    text = toml_writer.dumps(document)
    assert tomli.loads(text) == document
    assert text.index("[case]") < text.index("[[events]]") < text.index("[sources.s]")
    assert text.count("[[events]]") == 2 and "events = [" not in text


@pytest.mark.parametrize("number", [math.nan, math.inf])
def test_a_number_the_format_rejects_is_never_written(number: float) -> None:
    with pytest.raises(ValueError, match="finite"):
        toml_writer.dumps({"model": {"fee": number}})


def test_an_event_holding_a_table_is_refused_rather_than_written_wrong() -> None:
    with pytest.raises(TypeError):
        toml_writer.dumps({"events": [{"title": {"en": "x"}}]})
