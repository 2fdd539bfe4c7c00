"""Saving a screenshot: into the known folder, said on screen, and never when read-only."""

from __future__ import annotations

from pathlib import Path

import pytest


def test_ctrl_s_saves_an_svg_into_the_screenshot_folder_and_says_where(
    app_factory, drive, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CASETUI_SCREENSHOT_DIR", str(tmp_path / "shots"))
    app = app_factory()

    async def scenario(pilot) -> None:
        await pilot.press("ctrl+s")
        await pilot.pause()
        saved = list((tmp_path / "shots").glob("*.svg"))
        assert len(saved) == 1
        assert "Alpha" in saved[0].read_text(encoding="utf-8")  # SVG text keeps words, not spaces
        messages = [str(n.message) for n in app._notifications]
        assert any(str(saved[0]) in m for m in messages), messages

    drive(app, scenario)


def test_a_read_only_app_writes_no_screenshot(
    app_factory, drive, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CASETUI_SCREENSHOT_DIR", str(tmp_path / "shots"))
    monkeypatch.setenv("CASETUI_READ_ONLY", "1")
    app = app_factory()

    async def scenario(pilot) -> None:
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not (tmp_path / "shots").exists()
        assert any("Read-only" in str(n.message) for n in app._notifications)

    drive(app, scenario)
