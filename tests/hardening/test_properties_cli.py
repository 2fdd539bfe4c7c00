"""Generated valid cases full of hostile text, through every command and format of the CLI.

Each one must print without an error, in output that parses as what it claims to be (JSON,
CSV), with no terminal control character anywhere and markup printed as written.
"""

from __future__ import annotations

import csv
import io
import itertools
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from strategies import to_toml

from .strategies import CLICK, case_documents
from .support import FIXTURES, GOOD_CASE, check_messages, invoke, unsafe_in

CASE_ID = "generated-case"

COMMANDS: list[tuple[list[str], str]] = [
    (["list"], "text"),
    (["list", "--json"], "json"),
    (["show", CASE_ID], "text"),
    (["show", CASE_ID, "--format", "json"], "json"),
    (["show", CASE_ID, "--format", "markdown"], "markdown"),
    (["compare", CASE_ID, GOOD_CASE], "text"),
    (["compare", GOOD_CASE, CASE_ID, "--format", "json", "--baseline", CASE_ID], "json"),
    (["compare", CASE_ID, GOOD_CASE, "--format", "markdown"], "markdown"),
    (["compare", GOOD_CASE, CASE_ID, "--format", "csv"], "csv"),
    (["timeline", CASE_ID], "text"),
    (["timeline", CASE_ID, "--format", "json"], "json"),
    (["timeline", CASE_ID, "--format", "markdown"], "markdown"),
    (["export", CASE_ID], "markdown"),
    (["export", CASE_ID, "--format", "html", "--with-notes"], "html"),
    (["export", CASE_ID, "--format", "timelinejs", "--with-notes"], "json"),
    (["validate"], "text"),
    (["validate", "--json"], "json"),
]
SHOW_NAME = {"list", "show", "compare"}
"""Text outputs that print the case's name, which starts with literal markup."""


@pytest.fixture(scope="module")
def folders(tmp_path_factory: pytest.TempPathFactory) -> itertools.count[Path]:
    """A fresh library folder for each example (the summary index keys on modification time)."""
    root = tmp_path_factory.mktemp("generated")
    return (root / str(n) for n in itertools.count())  # type: ignore[return-value]


def _parse(kind: str, stdout: str) -> None:
    if kind == "json":
        json.loads(stdout)
    elif kind == "csv":
        rows = list(csv.reader(io.StringIO(stdout)))
        assert rows[0][-2:] == [GOOD_CASE, CASE_ID]
        assert all(len(row) == len(rows[0]) for row in rows), "a CSV row has the wrong number of cells"


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(doc=case_documents(), lang=st.sampled_from(["en", "zh", "ja"]))
def test_generated_cases_through_every_format(folders: Any, doc: dict[str, Any], lang: str) -> None:
    folder: Path = next(folders)
    folder.mkdir()
    path = folder / f"{CASE_ID}.toml"
    path.write_text(to_toml(doc), encoding="utf-8")
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    for args, kind in COMMANDS:
        result = invoke([folder, FIXTURES], args, lang=lang)
        no_events = args[0] == "export" and "timelinejs" in args and not doc.get("events")
        assert result.exit_code == (1 if no_events else 0), (args, result.stderr)
        check_messages(result.stderr, result.exit_code, " ".join(args))
        assert not unsafe_in(result.stdout_bytes), (args, unsafe_in(result.stdout_bytes))
        if result.exit_code == 0:
            _parse(kind, result.stdout)
        if kind == "text" and args[0] in SHOW_NAME:
            assert CLICK in result.stdout, args
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before
