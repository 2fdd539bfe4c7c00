"""The library: which folders are read in which order, what is skipped, and how problems are kept."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from casetui import library
from casetui.index_cache import IndexCache
from casetui.library import Entry, load_library, search_dirs, validate_paths

from .helpers import FIXTURES, MINIMAL


def write(path: Path, text: str = MINIMAL) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def named(name: str) -> str:
    return MINIMAL.replace('name = "Minimal"', f'name = "{name}"')


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run in the temporary folder so paths are shown relative to it, and ignore the user's setting."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv(library.ENV_CASES, raising=False)


# -- search order ----------------------------------------------------------------------------


def test_cli_folders_come_first_then_the_environment_then_the_bundled_library(tmp_path: Path) -> None:
    env = os.pathsep.join(["/env/one", "", "/env/two"])
    dirs = search_dirs([tmp_path / "a", tmp_path / "b"], env=env)
    assert dirs == [tmp_path / "a", tmp_path / "b", Path("/env/one"), Path("/env/two"), library.bundled_dir()]


def test_the_environment_variable_is_split_like_path(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(library.ENV_CASES, f"/x{os.pathsep}/y{os.pathsep}")
    assert search_dirs([], bundled=False) == [Path("/x"), Path("/y")]
    assert search_dirs([], env="", bundled=False) == []


def test_home_is_expanded(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    assert search_dirs([Path("~/cases")], env="~/more", bundled=False) == [tmp_path / "cases", tmp_path / "more"]


def test_the_bundled_library_is_the_cases_folder_of_the_checkout_or_the_package() -> None:
    bundled = library.bundled_dir()
    assert bundled.name == "cases"
    assert bundled.is_dir()


def test_the_first_folder_wins_and_the_shadowed_file_is_reported(tmp_path: Path) -> None:
    write(tmp_path / "first" / "same-id.toml", named("First"))
    write(tmp_path / "second" / "nested" / "same-id.toml", named("Second"))
    lib = load_library([tmp_path / "first", tmp_path / "second"])
    case = lib.get("same-id")
    assert case is not None and case.name.get() == "First"
    (warning,) = lib.warnings
    assert str(warning) == (
        'second/nested/same-id.toml: case.id: "same-id" is shadowed by first/same-id.toml, which is read first'
    )
    assert lib.errors == []


def test_environment_folders_shadow_nothing_given_on_the_command_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path / "cli" / "shared.toml", named("From --cases"))
    write(tmp_path / "env" / "shared.toml", named("From the environment"))
    write(tmp_path / "env" / "only-env.toml")
    monkeypatch.setenv(library.ENV_CASES, str(tmp_path / "env"))
    lib = load_library(search_dirs([tmp_path / "cli"], bundled=False))
    shared = lib.get("shared")
    assert shared is not None and shared.name.get() == "From --cases"
    assert lib.get("only-env") is not None
    assert [w.path for w in lib.warnings] == ["env/shared.toml"]


def test_duplicate_ids_in_two_subfolders_of_one_library(tmp_path: Path) -> None:
    write(tmp_path / "lib" / "a" / "dup.toml", named("A"))
    write(tmp_path / "lib" / "b" / "dup.toml", named("B"))
    lib = load_library([tmp_path / "lib"])
    dup = lib.get("dup")
    assert dup is not None and dup.name.get() == "A"
    assert len(lib.warnings) == 1 and "shadowed by lib/a/dup.toml" in lib.warnings[0].message


# -- what is read ----------------------------------------------------------------------------


def test_underscore_and_dot_names_are_not_cases(tmp_path: Path) -> None:
    root = tmp_path / "lib"
    write(root / "kept.toml")
    write(root / "sub" / "kept-too.toml")
    for skipped in ("_draft.toml", ".hidden.toml", "_templates/t.toml", ".git/g.toml", "sub/_x.toml", "sub/.y.toml"):
        write(root / skipped, "this is not TOML [")
    write(root / "README.md", "# not a case")
    write(root / "notes.txt", "not a case")
    lib = load_library([root])
    assert sorted(lib.entries) == ["kept", "kept-too"]
    assert lib.problems == []


def test_one_broken_file_never_takes_the_library_down(tmp_path: Path) -> None:
    root = tmp_path / "lib"
    write(root / "a-good.toml")
    write(root / "b-broken.toml", MINIMAL.replace('status = "active"', 'status = "gone"'))
    write(root / "c-good.toml")
    lib = load_library([root])
    assert [c.id for c in lib.cases] == ["a-good", "c-good"]
    (entry,) = lib.broken
    assert entry.id == "b-broken" and not entry.ok
    assert [str(p) for p in entry.problems] == [
        'lib/b-broken.toml:5: case.status: unknown value "gone"; one of: active, sunsetting, paused, shut-down, merged'
    ]
    assert lib.errors == list(entry.problems)


def test_overlapping_folders_do_not_report_a_file_as_shadowing_itself(tmp_path: Path) -> None:
    # As with `--cases cases` in a checkout, where `cases/` is also the bundled library.
    write(tmp_path / "lib" / "once.toml")
    write(tmp_path / "lib" / "sub" / "nested.toml")
    lib = load_library([tmp_path / "lib" / "sub", tmp_path / "lib", Path("lib")])
    assert sorted(c.id for c in lib.cases) == ["nested", "once"]
    assert lib.problems == []


def test_a_file_given_as_a_library_folder_is_reported(tmp_path: Path) -> None:
    file = write(tmp_path / "not-a-folder.toml")
    lib = load_library([file])
    assert lib.entries == {}
    assert [(p.path, p.key) for p in lib.errors] == [("not-a-folder.toml", "folder")]
    assert "cannot read" in lib.errors[0].message


def test_the_fixture_library_loads_cleanly() -> None:
    lib = load_library([FIXTURES])
    assert sorted(lib.entries) == ["alpha-club", "beta-market", "gamma-card"]
    assert lib.problems == []


def test_get_and_suggest(tmp_path: Path) -> None:
    lib = load_library([FIXTURES])
    assert lib.get("nope") is None
    assert lib.suggest("alpha-clb") == ["alpha-club"]
    summary = lib.summary("beta-market")
    assert summary is not None and summary.events == 3


def test_validate_paths_checks_files_and_folders(tmp_path: Path) -> None:
    write(tmp_path / "lib" / "ok.toml")
    write(tmp_path / "lib" / "bad.toml", "format = 2\n" + MINIMAL.replace("format = 1\n", ""))
    single = write(tmp_path / "single.toml", "")
    checked, problems = validate_paths([tmp_path / "lib", single])
    assert checked == 3
    assert [str(p) for p in problems] == [
        "lib/bad.toml:1: format: written for format 2; this casetui reads 1",
        "single.toml: format: required key is missing (write format = 1 at the top)",
        "single.toml: case: required key is missing",
        "single.toml: model: required key is missing",
    ]


def test_validate_paths_warns_about_one_id_in_two_places(tmp_path: Path) -> None:
    write(tmp_path / "a" / "same.toml")
    write(tmp_path / "b" / "same.toml")
    checked, problems = validate_paths([tmp_path / "a", tmp_path / "b"])
    assert checked == 2
    assert [(str(p), p.warning) for p in problems] == [
        ('b/same.toml: case.id: "same" is shadowed by a/same.toml, which is read first', True)
    ]


def test_a_cached_library_gives_the_same_summaries_and_reads_cases_on_demand(tmp_path: Path) -> None:
    root = tmp_path / "lib"
    shutil.copytree(FIXTURES, root)
    cache_dir = tmp_path / "cache"
    fresh = load_library([root], cache=IndexCache(cache_dir))
    assert any(cache_dir.iterdir())
    cache = IndexCache(cache_dir)
    again = load_library([root], cache=cache)
    assert (cache.hits, cache.misses) == (3, 0)
    assert again.summaries == fresh.summaries
    alpha = again.get("alpha-club")
    assert alpha is not None and len(alpha.events) == 4


def test_a_case_broken_after_it_was_indexed_is_reported_when_opened(tmp_path: Path) -> None:
    root = tmp_path / "lib"
    path = write(root / "changes.toml")
    cache_dir = tmp_path / "cache"
    load_library([root], cache=IndexCache(cache_dir))
    lib = load_library([root], cache=IndexCache(cache_dir))
    stat = path.stat()
    path.write_text(MINIMAL.replace("format = 1", "format = 5"), encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # the index still believes it
    assert lib.get("changes") is None
    (entry,) = lib.broken
    assert [p.message for p in entry.problems] == ["written for format 5; this casetui reads 1"]


def test_the_index_keeps_what_other_libraries_recorded(tmp_path, monkeypatch) -> None:
    """Opening library A, then B, then A again must find A still indexed (no re-parse)."""
    from casetui.index_cache import IndexCache

    monkeypatch.setenv("CASETUI_CACHE_DIR", str(tmp_path / "cache"))
    fixtures = Path(__file__).resolve().parents[1] / "fixtures" / "library"
    other = tmp_path / "other"
    other.mkdir()
    (other / "solo.toml").write_bytes((fixtures / "beta-market.toml").read_bytes())
    for folder in (fixtures, other):
        load_library([folder], IndexCache.default())
    again = IndexCache.default()
    load_library([fixtures], again)
    assert again.misses == 0 and again.hits == 3


def test_paths_are_shown_relative_to_the_working_folder_when_inside_it(tmp_path: Path) -> None:
    inside, outside = tmp_path / "lib" / "a.toml", tmp_path.parent / "elsewhere" / "b\x1b[31m.toml"
    assert library.display_paths([inside, outside, tmp_path, Path("rel/c.toml")]) == [
        "lib/a.toml",
        f"{tmp_path.parent}/elsewhere/b\\x1b[31m.toml",
        ".",
        "rel/c.toml",
    ]
    assert library.display_path(inside) == "lib/a.toml"


@pytest.mark.parametrize("root", [".", "cases", "./cases/", "/abs/cases", "~/cases"])
@pytest.mark.parametrize("name", ["a.toml", os.path.join("sub", "a.toml")])
def test_an_entrys_location_is_its_path_as_text(root: str, name: str) -> None:
    entry = Entry("a", None, Path(root), None, name=name)
    assert entry.location == str(Path(root) / name)
    assert entry.location == str(entry.path)


@pytest.mark.parametrize("cached", [False, True])
def test_files_and_subfolders_are_read_in_name_order_the_first_file_of_an_id_winning(
    tmp_path: Path, cached: bool
) -> None:
    """Files are read a folder's run at a time: a subfolder between two files is read between them."""
    for path, name in [("a.toml", "A"), ("b/dup.toml", "Sub"), ("c.toml", "C"), ("dup.toml", "Top"), ("z/e.toml", "E")]:
        write(tmp_path / "lib" / path, named(name))
    for _ in range(2 if cached else 1):  # the second run reads the index the first wrote
        cache = IndexCache(tmp_path / "cache") if cached else None
        lib = load_library([tmp_path / "lib"], cache=cache)
        assert list(lib.entries) == ["a", "dup", "c", "e"]
        dup = lib.summary("dup")
        assert dup is not None and dup.name.get() == "Sub"
        assert [p.path for p in lib.warnings] == ["lib/dup.toml"]
        assert "shadowed by lib/b/dup.toml" in lib.warnings[0].message
    if cache is not None:
        assert (cache.hits, cache.misses) == (4, 0)
