"""Chinese mode is Chinese: walked screen by screen, the app shows no English word of its own."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from textual.pilot import Pilot

from casetui.tui.factory import make_app
from chinese_words import case_words, english_left

BUNDLED = Path(__file__).resolve().parents[2] / "cases"


@pytest.mark.heavy
def test_the_chinese_screens_show_no_english_label_of_ours(screen_text, drive) -> None:
    files = sorted(BUNDLED.glob("*.toml"))
    allowed = case_words(files)
    found: dict[str, set[str]] = {}
    app = make_app([BUNDLED], lang="zh", bundled=False, env="")
    app.animation_level = "none"

    async def look(pilot: Pilot[None], where: str) -> None:
        await pilot.pause()
        left = english_left(screen_text(pilot.app), allowed)
        if left:
            found[where] = left

    async def scenario(pilot: Pilot[None]) -> None:
        await look(pilot, "library")
        for keys, where in ((("question_mark",), "help"), (("ctrl+p",), "palette")):
            await pilot.press(*keys)
            await look(pilot, where)
            await pilot.press("escape")
        for path in files:  # every case's model table: the shared vocabulary and its units
            pilot.app.open_case(path.stem)
            await pilot.press("2")
            await look(pilot, f"{path.stem} model")
            await pilot.press("escape")
        await pilot.press("enter")
        for tab in "1234567":
            await pilot.press(tab)
            await look(pilot, f"case tab {tab}")
        await pilot.press("question_mark")
        await look(pilot, "case help")
        await pilot.press("escape", "escape", "m", "down", "m", "c")
        await look(pilot, "compare")
        await pilot.press("s")
        await look(pilot, "compare sunsets")
        await pilot.press("escape", "t")
        for step in range(4):
            await pilot.press("right")
            await look(pilot, f"sunset step {step}")
        await pilot.press("r")
        await look(pilot, "sunset notes")
        await pilot.press("escape", "o")
        await look(pilot, "overview")

    drive(app, scenario, size=(120, 40))
    assert not found, found


def test_t_offsets_in_the_timeline_tab_and_the_sunset_speak_chinese(screen_text, drive) -> None:
    """`T-3年` and `T+59天`, not the English `T-3y` and `T+59d`, in the case's timeline and the sunset."""
    app = make_app([BUNDLED], lang="zh", bundled=False, env="")
    app.animation_level = "none"

    async def scenario(pilot: Pilot[None]) -> None:
        app.open_case("xiaomi-youpin-youyu")
        await pilot.pause()
        await pilot.press("3")
        await pilot.pause()
        text = screen_text(app)
        assert "T-3年" in text and "T-3个月" in text, text
        app.open_sunset("xiaomi-youpin-youyu")
        await pilot.pause()
        await pilot.press("end")
        await pilot.pause()
        text = screen_text(app)
        assert "T+59天" in text, text
        assert not re.search(r"T[+-]\d+(y|mo|d)\b", text), text

    drive(app, scenario)
