"""Library.reload: the files saved, created, renamed or deleted while the app runs, read again through the loader."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from casetui.library import Library, load_library

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "library"


@pytest.fixture
def folders(tmp_path: Path) -> tuple[Path, Path]:
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    shutil.copy(FIXTURES / "alpha-club.toml", second / "alpha-club.toml")
    shutil.copy(FIXTURES / "beta-market.toml", second / "beta-market.toml")
    return first, second


def name(library: Library, case_id: str) -> str:
    case = library.get(case_id)
    assert case is not None
    return case.name.get("en")


def test_a_saved_file_is_read_again_and_a_broken_save_keeps_the_last_good_case(folders: tuple[Path, Path]) -> None:
    library = load_library(folders)
    path = folders[1] / "alpha-club.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("Alpha Club", "Alpha Klub"), encoding="utf-8")
    assert library.reload([path]) == ["alpha-club"]
    assert name(library, "alpha-club") == "Alpha Klub"
    assert library.entries["alpha-club"].summary.name.get("en") == "Alpha Klub"  # the library row

    path.write_text(text.replace('kind = "service-stop"', 'kind = "nope"'), encoding="utf-8")
    assert library.reload([path]) == ["alpha-club"]
    entry = library.entries["alpha-club"]
    assert entry.stale and name(library, "alpha-club") == "Alpha Klub"
    assert "alpha-club.toml:45: events[2].kind: unknown value" in str(entry.problems[0])  # path:line: key: message
    assert any("events[2].kind" in str(p) for p in library.problems)

    path.write_text(text, encoding="utf-8")
    library.reload([path])
    assert not library.entries["alpha-club"].stale
    assert not library.problems


def test_created_deleted_renamed_and_ignored_paths(folders: tuple[Path, Path]) -> None:
    second = folders[1]
    library = load_library(folders)
    new = second / "gamma-card.toml"
    shutil.copy(FIXTURES / "gamma-card.toml", new)
    assert library.reload([new]) == ["gamma-card"]
    # Renamed away (an editor's temporary file renamed over it is a create of the same path).
    os.replace(new, second / "gamma-card.toml.bak")
    assert library.reload([new]) == ["gamma-card"]
    assert "gamma-card" not in library.entries
    # Hidden, private, other files and paths outside the library are not the library's.
    hidden = second / ".alpha-club.toml"
    shutil.copy(FIXTURES / "alpha-club.toml", hidden)
    assert library.reload([hidden, second / "notes.txt", second.parent / "alpha-club.toml"]) == []


def test_a_new_file_in_an_earlier_folder_wins_its_id_and_one_in_a_later_folder_does_not(
    folders: tuple[Path, Path],
) -> None:
    first, second = folders
    library = load_library(folders)
    earlier = first / "alpha-club.toml"
    earlier.write_text(
        (FIXTURES / "alpha-club.toml").read_text(encoding="utf-8").replace("Alpha Club", "First Alpha"),
        encoding="utf-8",
    )
    assert library.reload([earlier]) == ["alpha-club"]
    assert name(library, "alpha-club") == "First Alpha"
    # Saving the shadowed copy changes nothing shown.
    assert library.reload([second / "alpha-club.toml"]) == []
    assert name(library, "alpha-club") == "First Alpha"


def test_deleting_the_file_that_wins_an_id_lets_the_shadowed_one_win_again(folders: tuple[Path, Path]) -> None:
    winner = folders[0] / "alpha-club.toml"
    winner.write_text(
        (FIXTURES / "alpha-club.toml").read_text(encoding="utf-8").replace("Alpha Club", "First Alpha"),
        encoding="utf-8",
    )
    library = load_library(folders)
    assert name(library, "alpha-club") == "First Alpha"
    assert [p.key for p in library.problems] == ["case.id"]  # the shadowed copy, warned of
    winner.unlink()
    assert library.reload([winner]) == ["alpha-club"]
    assert name(library, "alpha-club") == "Alpha Club"
    assert library.problems == []
    # And back: the copy in the earlier folder wins again, and the later one is warned of.
    shutil.copy(FIXTURES / "alpha-club.toml", winner)
    assert library.reload([winner]) == ["alpha-club"]
    assert library.entries["alpha-club"].path == winner
    assert [(p.key, p.warning) for p in library.problems] == [("case.id", True)]


def test_a_path_reported_through_a_symlinked_folder_is_the_same_file(
    folders: tuple[Path, Path], tmp_path: Path
) -> None:
    link = tmp_path / "link"
    link.symlink_to(folders[1], target_is_directory=True)
    library = load_library([link])
    real = folders[1] / "alpha-club.toml"  # as a watcher may report it: through the folder's real name
    real.write_text(real.read_text(encoding="utf-8").replace("Alpha Club", "Alpha Klub"), encoding="utf-8")
    assert library.reload([real]) == ["alpha-club"]
    assert name(library, "alpha-club") == "Alpha Klub"
    assert library.entries["alpha-club"].path == link / "alpha-club.toml"
    assert library.problems == []  # not taken for a second file with the same id
