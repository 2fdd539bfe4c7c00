"""`casetui import killedbygoogle` on the real 307-entry dataset: every case valid, counts right, re-runs idempotent."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from pathlib import Path

import pytest

from casetui import derive
from casetui.library import validate_paths
from casetui.loader import read_case, valid_id
from casetui.model import Case

from .support import DATASET, run


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The whole dataset imported once into a fresh folder: (folder, stderr)."""
    into = tmp_path_factory.mktemp("kbg") / "google"
    result = run("import", "killedbygoogle", str(DATASET), "--into", str(into))
    assert result.exit_code == 0, result.output
    return into, result.stderr


@pytest.fixture(scope="module")
def entries() -> list[dict[str, str]]:
    return json.loads(DATASET.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def cases(imported: tuple[Path, str]) -> dict[str, Case]:
    """Every imported case by name."""
    into = imported[0]
    loaded = [read_case(path) for path in sorted(into.glob("*.toml"))]
    return {case.name.get(): case for case in loaded}


def test_one_valid_case_per_entry(imported, entries):
    into, stderr = imported
    files = sorted(into.glob("*.toml"))
    assert len(files) == len(entries) == 307
    assert all(valid_id(f.stem) for f in files)
    checked, problems = validate_paths([into])
    assert checked == 307
    assert [str(p) for p in problems] == []
    assert (
        stderr.strip().splitlines()[-1] == "casetui import killedbygoogle: added 307, updated 0, unchanged 0, skipped 0"
    )


def test_shutdowns_per_year_match_the_json(cases, entries):
    expected = Counter(dt.date.fromisoformat(e["dateClose"]).year for e in entries)
    shutdowns = [event for case in cases.values() for event in case.events if event.kind == "shutdown"]
    assert len(shutdowns) == len(entries)
    assert Counter(event.date.year for event in shutdowns) == expected
    launches = Counter(e.date.year for c in cases.values() for e in c.events if e.kind == "launch")
    assert launches == Counter(dt.date.fromisoformat(e["dateOpen"]).year for e in entries)


def test_each_case_carries_its_entry(cases, entries):
    today = dt.date.today()
    for item in entries:
        case = cases[item["name"]]
        assert case.company is not None and case.company.get() == "Google"
        assert case.summary.get() == item["description"].strip()
        assert case.launched is not None and case.launched.iso() == item["dateOpen"]
        # On `as_of` (the dataset's commit) a later close was only scheduled: no `ended`, a derived end.
        checked = case.as_of.iso() if case.as_of is not None else today.isoformat()
        ahead = item["dateClose"] > checked
        end = derive.end(case)
        assert end is not None and end.date.iso() == item["dateClose"] and end.scheduled == ahead
        assert (case.ended is None) == ahead
        assert case.status == ("sunsetting" if ahead else "shut-down")
        assert set(case.tags) == {"killed-by-google", item["type"]}
        (source,) = case.sources
        assert source.id == "killedbygoogle" and source.url == item["link"]
        assert all(event.sources == ("killedbygoogle",) for event in case.events)


def test_reimport_changes_nothing(imported):
    into = imported[0]
    before = {path.name: path.read_bytes() for path in into.iterdir()}
    result = run("import", "killedbygoogle", str(DATASET), "--into", str(into))
    assert result.exit_code == 0, result.output
    assert result.stderr.strip() == "casetui import killedbygoogle: added 0, updated 0, unchanged 307, skipped 0"
    assert {path.name: path.read_bytes() for path in into.iterdir()} == before


def test_cases_list_and_validate_from_the_cli(imported):
    into = imported[0]
    listed = run("--no-bundled", "--cases", str(into), "list", "--json")
    assert listed.exit_code == 0, listed.output
    assert len(json.loads(listed.stdout)["cases"]) == 307
    checked = run("validate", str(into))
    assert checked.exit_code == 0, checked.output
    assert "ok: 307 files checked, 0 errors, 0 warnings" in checked.stderr
