"""JSON documents (compare, show, timeline) are written exactly as `json.dumps(..., indent=2)` writes them."""

from __future__ import annotations

import enum
import json
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from casetui.render.json import dumps

leaves = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**20), 10**20),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=12),  # any text: quotes, backslashes, controls, astral characters
)
documents = st.recursive(
    leaves,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.lists(children, max_size=3).map(tuple),
        st.dictionaries(st.text(max_size=6), children, max_size=4),
    ),
    max_leaves=30,
)


@settings(max_examples=300, deadline=None)
@given(document=documents, ascii_only=st.booleans())
def test_any_plain_document_is_written_as_json_writes_it(document: object, ascii_only: bool) -> None:
    assert dumps(document, ascii_only) == json.dumps(document, ensure_ascii=ascii_only, indent=2) + "\n"


class Level(enum.IntEnum):
    LOW = 1


@pytest.mark.parametrize(
    "document",
    [{1: "a number as a key"}, {"level": Level.LOW}, {"ratio": 0.5, "keys": {None: 1, True: 2}}],
)
def test_anything_else_is_left_to_json(document: object) -> None:
    assert dumps(document) == json.dumps(document, ensure_ascii=False, indent=2) + "\n"


@pytest.mark.parametrize("number", [math.nan, math.inf, -math.inf])
def test_numbers_json_refuses_are_still_refused(number: float) -> None:
    with pytest.raises(ValueError):
        dumps({"value": [number]})
