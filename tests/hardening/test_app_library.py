"""The app over libraries with problems: ids in several folders, broken files, the hostile corpus.

The app shows every case that loads, says which file won an id and which ones did not load, and
never lets one bad file take the library down.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from textual.pilot import Pilot

from casetui.sanitize import clean
from casetui.tui.app import CaseTUI
from casetui.tui.screens.case import CaseScreen
from casetui.tui.screens.library import LibraryScreen
from casetui.tui.screens.sunset import SunsetScreen
from casetui.tui.widgets.case_table import CaseTable

from .app_support import check_screen, screen_text, widget_text
from .corpus import Corpus, corpus_stems, loadable
from .support import FIXTURES, UNSAFE_TEXT, snapshot


def _rows(app: CaseTUI) -> list[str]:
    return list(app.screen.query_one(CaseTable).ids)


def _three_folders(tmp_path: Path) -> list[Path]:
    """alpha-club in two folders (the first renamed), gamma-card in two, and a broken file in each of two."""
    first, second, third = (tmp_path / name for name in ("first", "second", "third"))
    for folder in (first, second, third):
        folder.mkdir()
    alpha = (FIXTURES / "alpha-club.toml").read_text(encoding="utf-8")
    assert 'en = "Alpha Club"' in alpha
    (first / "alpha-club.toml").write_text(alpha.replace('en = "Alpha Club"', 'en = "Alpha Club (first)"'), "utf-8")
    shutil.copy(FIXTURES / "beta-market.toml", first)
    (first / "broken-syntax.toml").write_text('format = 1\n[case]\nname = "Broken\n', encoding="utf-8")
    shutil.copy(FIXTURES / "alpha-club.toml", second)
    shutil.copy(FIXTURES / "gamma-card.toml", second)
    (second / "broken-status.toml").write_text(
        'format = 1\n[case]\nname = "B"\nstatus = "gone"\nsummary = "s"\n[model]\ntype = "t"\n', encoding="utf-8"
    )
    shutil.copytree(second, third / "nested")  # every id of the second folder again, one level down
    return [first, second, third]


def test_duplicate_ids_and_broken_files_show_beside_the_cases(app_factory, drive, tmp_path: Path) -> None:
    folders = _three_folders(tmp_path)
    before = snapshot(tmp_path)

    async def scenario(pilot: Pilot[None]) -> None:
        app = pilot.app
        assert isinstance(app, CaseTUI)
        rows = _rows(app)
        assert sorted(rows) == ["alpha-club", "beta-market", "broken-status", "broken-syntax", "gamma-card"]
        text = check_screen(app, "library", expect="Alpha Club (first)")  # the first folder wins the id
        assert "Gamma Card" in text and "Beta Market" in text
        assert "problems in the library: press p to see them." in text
        await pilot.press("p")
        assert "Problems" in screen_text(app)
        problems = " ".join(widget_text(app.screen.query_one("#problems-body")).split())  # lines unwrapped
        for shadowed in ("second/alpha-club.toml", "nested/alpha-club.toml", "nested/gamma-card.toml"):
            assert shadowed in problems, shadowed
        assert problems.count("shadowed") >= 4  # alpha-club twice, gamma-card, broken-status
        assert "broken-syntax.toml:3: toml:" in problems
        assert "broken-status.toml:4: case.status:" in problems
        await pilot.press("p")

        table = app.screen.query_one(CaseTable)
        table.move_to("broken-syntax")
        await pilot.press("enter")  # a broken file cannot open: the library stays, and says why
        assert isinstance(app.screen, LibraryScreen)
        # The toast names the file and says it did not load; the problems panel opens beside it.
        assert "broken-syntax: This file did not load:" in " ".join(screen_text(app).split())

        table.move_to("alpha-club")
        await pilot.press("enter")
        assert isinstance(app.screen, CaseScreen)
        check_screen(app, "alpha-club", expect="Alpha Club (first)")
        await pilot.press("escape")
        table.move_to("alpha-club")
        await pilot.press("m")
        table.move_to("gamma-card")
        await pilot.press("m", "c")
        assert type(app.screen).__name__ == "CompareScreen"
        check_screen(app, "compare", expect="Alpha Club (first)")

    drive(app_factory(*folders), scenario)
    assert snapshot(tmp_path) == before, "the app changed a case file"


PREVIEWED = {
    "toml-bad-date": "Invalid date or datetime",
    "schema-unknown-key": 'did you mean "summary"?',
    "not-utf8": "not UTF-8",
    "huge": "larger than 1 MiB",
    "deep-arrays": "nested too deeply",
    "fifo": "not a regular file",
    "folder": "is a folder",
    clean("evil-\x1b]52;c;ZXZpbA==\x07-\u202e"): "bad case id",
}
"""Broken files of every sort, and part of what the preview says about each."""


@pytest.mark.heavy
def test_the_whole_hostile_corpus_in_the_app(app_factory, drive, corpus: Corpus) -> None:
    """Good cases listed and openable, every broken file reported, no control character on screen."""

    async def scenario(pilot: Pilot[None]) -> None:
        app = pilot.app
        assert isinstance(app, CaseTUI)
        rows = _rows(app)
        good = loadable(corpus)
        assert good <= set(rows)
        check_screen(app, "library", expect="[@click=app.quit]quit[/]")
        await pilot.press("p")
        check_screen(app, "problems", expect="Problems")
        problems = widget_text(app.screen.query_one("#problems-body"))
        assert not UNSAFE_TEXT.search(problems)
        assert clean("evil-\x1b]52;c;ZXZpbA==\x07-\u202e") in problems
        joined = "".join(problems.splitlines())  # long lines wrap, mid-path where they must
        for stem in set(corpus_stems()) - good:
            assert f"{clean(stem)}.toml" in joined, stem  # every broken file is reported
        table = app.screen.query_one(CaseTable)
        await pilot.press("p")
        for stem, part in PREVIEWED.items():
            table.move_to(stem)
            await pilot.pause()
            preview = " ".join(widget_text(app.screen.query_one("#preview-body")).split())  # unwrapped
            assert part in preview, (stem, preview)  # the preview says why the file did not load
            assert not UNSAFE_TEXT.search(preview), preview
        await pilot.press("enter")  # the nasty name (last) cannot open: a notification says so, escaped
        assert isinstance(app.screen, LibraryScreen)
        check_screen(app, "notification", expect="did not load")

        table.move_to("long-strings")  # a 400,000-character summary: the preview shows its start
        await pilot.pause()
        preview = widget_text(app.screen.query_one("#preview-body"))
        assert "长长长" in preview and "…" in preview and len(preview) < 20_000

        table.move_to("good-bom-crlf")
        await pilot.press("enter")
        assert isinstance(app.screen, CaseScreen)
        check_screen(app, "good-bom-crlf", expect="Plain Market")
        await pilot.press("escape")

        table.move_to("many-events")
        await pilot.press("enter", "3", "end")  # the timeline tab lays out the first events and says how many more
        check_screen(app, "many-events timeline", expect="9,500 more events")
        await pilot.press("escape")

        table.move_to("good-terminal-text")
        await pilot.press("enter", "3")
        check_screen(app, "good-terminal-text timeline", expect="[@click=app.quit]")
        await pilot.press("r", "t")
        assert isinstance(app.screen, SunsetScreen)
        await pilot.press("end", "r")
        check_screen(app, "sunset", expect="[@click=app.quit]")
        await pilot.press("escape", "escape")

        table.move_to("many-events")
        await pilot.press("t", "end", "left", "home")  # 10,000 events, stepped from end to start
        assert isinstance(app.screen, SunsetScreen)
        assert app.screen.cursor.position == 0
        check_screen(app, "many events", expect="Event")

    drive(app_factory(corpus.library, FIXTURES), scenario)
    assert snapshot(corpus.target) == corpus.before
