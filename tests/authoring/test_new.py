"""`casetui schema` and `casetui new`, as an author uses them."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest
from typer.testing import CliRunner, Result

from casetui.cli.app import app
from casetui.library import bundled_dir
from casetui.loader import read_case

from .verdicts import REPO, SCHEMA_FILE, verdicts

FIXTURES = REPO / "tests" / "fixtures" / "library"


def casetui(*args: str, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(app, list(args), env=env)


def written(result: Result) -> Path:
    """The one path `casetui new` printed, after checking that it succeeded."""
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert len(lines) == 1, result.stdout
    return Path(lines[0])


def files_in(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*")) if folder.exists() else []


# -- casetui schema ------------------------------------------------------------------------------


def test_schema_prints_the_shipped_schema_as_json() -> None:
    result = casetui("schema")
    assert result.exit_code == 0, result.output
    assert result.stdout == SCHEMA_FILE.read_text(encoding="utf-8")
    assert json.loads(result.stdout)["title"] == "casetui case file (format 1)"


def test_schema_help_shows_an_example() -> None:
    result = casetui("schema", "--help")
    assert result.exit_code == 0
    assert "casetui schema > case.schema.json" in result.stdout


# -- casetui new: the starter --------------------------------------------------------------------


def test_new_writes_a_commented_bilingual_starter_that_validates(tmp_path: Path) -> None:
    library = tmp_path / "library"
    library.mkdir()
    path = written(casetui("--cases", str(library), "new", "my-case"))
    assert path == library / "my-case.toml"
    text = path.read_text(encoding="utf-8")
    case = read_case(path)
    assert case.id == "my-case"
    assert case.name.get("en") == "TODO Platform name" and case.name.get("zh") == "TODO 平台名称"
    assert case.events and case.services and case.sources and case.dimensions
    assert case.phases and case.quotes and case.lessons and case.questions
    assert text.count("TODO") > 20
    for header in ("[case]", "[model]", "[services]", "[[events]]", "[sources.", "[[phases]]", "[[questions]]"):
        line = next(line for line in text.splitlines() if line.startswith(header))
        index = text.splitlines().index(line)
        assert "#" in line or text.splitlines()[index - 1].startswith("#"), f"{header} has no comment"
    validate = casetui("validate", str(path))
    assert validate.exit_code == 0, validate.output
    found = verdicts(path.read_bytes(), path.name)
    assert found.schema_ok, found.schema_errors


def test_the_starter_points_editors_at_the_installed_schema(tmp_path: Path) -> None:
    path = written(casetui("new", "my-case", "--into", str(tmp_path)))
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("#:schema file://")
    url = urlparse(first.removeprefix("#:schema "))
    schema = Path(unquote(url.path.lstrip("/") if sys.platform == "win32" else url.path))
    assert schema.read_bytes() == SCHEMA_FILE.read_bytes()


def test_new_refuses_to_overwrite_a_file(tmp_path: Path) -> None:
    path = written(casetui("--cases", str(tmp_path), "new", "my-case"))
    path.write_text("my own work\n", encoding="utf-8")
    result = casetui("--cases", str(tmp_path), "new", "my-case")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert f"{path} already exists" in result.stderr
    assert path.read_text(encoding="utf-8") == "my own work\n"


@pytest.mark.parametrize("bad", ["Bad_Id", "my case", "a--b", "-a", "a" * 65, "abc\n", "../x", ""])
def test_new_refuses_a_bad_id_and_writes_nothing(tmp_path: Path, own_folders: Path, bad: str) -> None:
    result = casetui("--cases", str(tmp_path), "new", "--", bad)
    assert result.exit_code == 2
    assert "is not a case id: use lowercase ASCII letters, digits and single hyphens" in result.stderr
    assert files_in(tmp_path) == [] and files_in(own_folders) == []


# -- casetui new: where the file goes ------------------------------------------------------------


def test_new_writes_into_the_first_cases_folder(tmp_path: Path) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    path = written(casetui("--cases", str(first), "--cases", str(second), "new", "my-case"))
    assert path == first / "my-case.toml"
    assert files_in(second) == []


def test_new_writes_into_the_first_casetui_cases_folder(tmp_path: Path, own_folders: Path) -> None:
    first, second = tmp_path / "not-yet", tmp_path / "second"
    second.mkdir()
    path = written(casetui("new", "my-case", env={"CASETUI_CASES": f"{first}{os.pathsep}{second}"}))
    assert path == first / "my-case.toml"
    assert files_in(second) == [] and files_in(own_folders) == []


@pytest.mark.skipif(sys.platform != "linux", reason="XDG_DATA_HOME places the user's folder on Linux only")
def test_new_without_a_library_folder_writes_into_the_users_library(own_folders: Path) -> None:
    path = written(casetui("new", "my-case"))
    assert path == own_folders / "casetui" / "cases" / "my-case.toml"
    shown = casetui("show", "my-case", "--format", "json")
    assert shown.exit_code == 0, shown.output
    assert json.loads(shown.stdout)["id"] == "my-case"


def test_new_never_writes_into_the_bundled_library(tmp_path: Path, own_folders: Path) -> None:
    before = files_in(bundled_dir())
    result = casetui("--cases", str(bundled_dir()), "new", "my-case")
    path = written(result)
    assert not path.is_relative_to(bundled_dir())
    assert "skipped" in result.stderr and "bundled library" in result.stderr
    refused = casetui("new", "other-case", "--into", str(bundled_dir()))
    assert refused.exit_code == 1
    assert "bundled with casetui" in refused.stderr
    assert files_in(bundled_dir()) == before


def test_new_into_a_folder_makes_it(tmp_path: Path, own_folders: Path) -> None:
    drafts = tmp_path / "drafts" / "2024"
    path = written(casetui("new", "my-case", "--into", str(drafts)))
    assert path == drafts / "my-case.toml"
    assert files_in(own_folders) == []


# -- casetui new --from --------------------------------------------------------------------------

SOURCE = (
    "\ufeff#:schema ../schema/case.schema.json\r\n"
    "format = 1\r\n"
    "\r\n"
    "[case]\r\n"
    "id = 'src-case'   # the old id\r\n"
    'name = "Source"\r\n'
    'status = "active"\r\n'
    'summary = "A case to copy."\r\n'
    "\r\n"
    "[model]\r\n"
    'type = "Marketplace"\r\n'
    "\r\n"
    "[[events]]\r\n"
    'date = "2019"\r\n'
    'title = "Launch"\r\n'
    'id = "src-case"\r\n'
)


def test_new_from_copies_the_file_and_changes_only_its_id(tmp_path: Path) -> None:
    library = tmp_path / "library"
    library.mkdir()
    source = library / "src-case.toml"
    source.write_bytes(SOURCE.encode("utf-8"))
    path = written(casetui("--cases", str(library), "new", "copy-case", "--from", "src-case"))
    assert path == library / "copy-case.toml"
    copy = path.read_bytes().decode("utf-8")
    first, rest = copy.split("\r\n", 1)
    assert first.startswith("\ufeff#:schema file://")
    assert rest == SOURCE.split("\r\n", 1)[1].replace("id = 'src-case'", 'id = "copy-case"')
    assert read_case(path).id == "copy-case"
    assert source.read_bytes() == SOURCE.encode("utf-8")


def test_new_from_a_bundled_case_keeps_every_byte_but_the_schema_line(tmp_path: Path) -> None:
    original = bundled_dir() / "xiaomi-youpin-youyu.toml"
    path = written(casetui("new", "my-youyu", "--from", "xiaomi-youpin-youyu", "--into", str(tmp_path)))
    copied = path.read_bytes()
    assert copied.split(b"\n", 1)[1] == original.read_bytes().split(b"\n", 1)[1]
    assert copied.startswith(b"#:schema file://")
    assert casetui("validate", str(path)).exit_code == 0


def test_new_from_a_file_path_without_an_id_copies_it_unchanged(tmp_path: Path) -> None:
    original = FIXTURES / "alpha-club.toml"
    path = written(casetui("new", "my-club", "--from", str(original), "--into", str(tmp_path)))
    assert path.read_bytes() == original.read_bytes()


def test_new_from_an_unknown_case_names_it_and_writes_nothing(tmp_path: Path) -> None:
    result = casetui("--cases", str(FIXTURES), "new", "copy", "--from", "alpha-clb", "--into", str(tmp_path))
    assert result.exit_code == 1
    assert 'no case "alpha-clb"; did you mean alpha-club?' in result.stderr
    assert files_in(tmp_path) == []
