"""docs/format.md stays true: its complete example loads and gives the values it claims, and it names every key."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from casetui import derive, loader
from casetui.loader import parse_case
from casetui.model import EVENT_KINDS, STATUSES

DOC = Path(__file__).resolve().parents[2] / "docs" / "format.md"


@pytest.fixture(scope="module")
def doc() -> str:
    return DOC.read_text(encoding="utf-8")


def test_the_complete_example_loads_and_derives_what_the_page_says(doc: str) -> None:
    example = doc.split("## A complete example", 1)[1]
    toml = re.search(r"```toml\n(.*?)```", example, re.S)
    assert toml is not None
    case = parse_case(toml.group(1).encode(), Path("example-club.toml"))
    lifespan, notice = derive.lifespan(case), derive.notice_period(case)
    assert lifespan is not None and lifespan.display() == "3 years"
    assert notice is not None and notice.display() == "59 days"
    offsets = [o.offset() for e in case.events if (o := derive.t_offset(case, e))]
    assert offsets == ["T-3y", "T+0", "T+31d", "T+59d"]
    assert not any(state.on for state in derive.service_states(case, len(case.events) - 1))
    assert case.sources[0].author is not None
    # It follows its own rule: checked after the close, nothing in it is only scheduled.
    assert derive.premature(case) == () and not any(derive.scheduled(case, e) for e in case.events)


def test_every_key_status_and_kind_is_documented(doc: str) -> None:
    keys = (
        loader.TOP_KEYS
        + loader.CASE_KEYS
        + loader.MODEL_FIXED
        + loader.FACT_KEYS
        + loader.EVENT_KEYS
        + loader.SOURCE_KEYS
        + loader.PHASE_KEYS
        + loader.QUOTE_KEYS
        + loader.LESSON_KEYS
        + loader.QUESTION_KEYS
    )
    for word in (*keys, *STATUSES, *EVENT_KINDS):
        assert f"`{word}`" in doc or f"[{word}]" in doc or f"[[{word}]]" in doc, word
