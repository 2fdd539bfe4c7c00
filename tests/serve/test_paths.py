"""`casetui paths`: every folder casetui uses, in search order, with the ones that exist marked."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from casetui.index_cache import IndexCache, index_name, resolved
from casetui.library import bundled_dir, search_dirs
from casetui.paths import read_only, screenshot_dir, user_library_dir

from .conftest import FIXTURES

linux_only = pytest.mark.skipif(sys.platform != "linux", reason="XDG variables decide the folders on Linux only")


def test_json_lists_cases_option_then_environment_then_user_folder_then_bundled(cli_json, tmp_path, monkeypatch):
    env_present, env_missing = tmp_path / "env-one", tmp_path / "env-missing"
    env_present.mkdir()
    monkeypatch.setenv("CASETUI_CASES", os.pathsep.join([str(env_present), str(env_missing)]))
    doc = cli_json("--cases", str(FIXTURES), "paths", "--json")
    assert doc["format"] == 1
    assert [(Path(f["path"]), f["source"], f["exists"]) for f in doc["library"]] == [
        (FIXTURES, "cli", True),
        (env_present, "env", True),
        (env_missing, "env", False),
        (user_library_dir(), "user", False),
        (bundled_dir().absolute(), "bundled", True),
    ]
    assert doc["read_only"] is False


@linux_only
def test_xdg_variables_place_the_user_library_cache_and_screenshots(cli_json, private_home, monkeypatch):
    monkeypatch.setenv("XDG_PICTURES_DIR", str(private_home / "pics"))
    doc = cli_json("paths", "--json")
    user = next(f for f in doc["library"] if f["source"] == "user")
    assert user["path"] == str(private_home / "data" / "casetui" / "cases")
    assert doc["cache"] == {"path": str(private_home / "cache" / "casetui"), "source": "default", "exists": False}
    assert doc["screenshots"] == {"path": str(private_home / "pics" / "casetui"), "source": "default", "exists": False}


def test_casetui_variables_override_the_cache_and_screenshot_folders(cli_json, tmp_path, monkeypatch):
    (tmp_path / "c").mkdir()
    monkeypatch.setenv("CASETUI_CACHE_DIR", str(tmp_path / "c"))
    monkeypatch.setenv("CASETUI_SCREENSHOT_DIR", str(tmp_path / "s"))
    doc = cli_json("paths", "--json")
    assert doc["cache"] == {"path": str(tmp_path / "c"), "source": "env", "exists": True}
    assert doc["screenshots"] == {"path": str(tmp_path / "s"), "source": "env", "exists": False}


def test_text_numbers_the_search_order_and_marks_missing_folders(cli, tmp_path, monkeypatch):
    monkeypatch.setenv("CASETUI_CASES", str(tmp_path / "nowhere"))
    result = cli("--cases", str(FIXTURES), "paths")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith("Case libraries, searched in this order")
    assert lines[1] == f"  1. {FIXTURES}  (--cases)"
    assert lines[2] == f"  2. {tmp_path / 'nowhere'}  (CASETUI_CASES; missing)"
    assert lines[3] == f"  3. {user_library_dir()}  (your own library; missing: create it and put case files in it)"
    assert lines[4] == f"  4. {bundled_dir().absolute()}  (bundled with casetui)"
    assert lines[5].startswith("Cache:") and "missing: made when needed" in lines[5]
    assert lines[6] == f"Screenshots:  {screenshot_dir()}  (the app's screenshots; missing: made when needed)"
    assert lines[7].startswith("Presenting:") and "where speaker views find presenters" in lines[7]
    assert "\x1b" not in result.stdout


def test_without_the_bundled_library_only_the_given_folders_are_listed(cli_json):
    doc = cli_json("--no-bundled", "--cases", str(FIXTURES), "paths", "--json")
    assert [f["source"] for f in doc["library"]] == ["cli"]


def test_a_case_in_the_user_library_folder_is_listed_without_any_option(cli_json, monkeypatch):
    folder = user_library_dir()
    folder.mkdir(parents=True)
    (folder / "alpha-club.toml").write_bytes((FIXTURES / "alpha-club.toml").read_bytes())
    monkeypatch.setenv("CASETUI_NO_CACHE", "1")
    listed = cli_json("list", "--json")
    assert "alpha-club" in [c["id"] for c in listed["cases"]]
    assert next(f for f in cli_json("paths", "--json")["library"] if f["source"] == "user")["exists"] is True


def test_the_user_folder_comes_after_the_environment_and_before_the_bundled_library(tmp_path):
    user_library_dir().mkdir(parents=True)
    dirs = search_dirs([tmp_path / "cli"], env=str(tmp_path / "env"))
    assert dirs == [tmp_path / "cli", tmp_path / "env", user_library_dir(), bundled_dir()]
    assert search_dirs([tmp_path / "cli"], env="", bundled=False) == [tmp_path / "cli"]
    assert search_dirs([], env="", user=False) == [bundled_dir()]


def test_read_only_keeps_the_summary_index_from_being_written(tmp_path, monkeypatch):
    monkeypatch.setenv("CASETUI_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("CASETUI_READ_ONLY", "1")
    assert read_only()
    from casetui.library import load_library

    library = load_library([FIXTURES], cache=IndexCache.default())
    assert library.summaries
    index = tmp_path / "cache" / index_name(resolved(FIXTURES))
    assert not index.exists()
    monkeypatch.setenv("CASETUI_READ_ONLY", "0")
    load_library([FIXTURES], cache=IndexCache.default())
    assert index.exists()


def test_the_paths_module_imports_no_ui_library() -> None:
    import subprocess

    probe = (
        "import sys, casetui.paths as p; p.user_library_dir(); p.cache_dir(); p.screenshot_dir(); "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')))"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
