"""What every CLI command leans on: output encoding, table width, messages for unknown ids, paths or ids."""

from __future__ import annotations

import io

import pytest

from casetui.cli import support
from casetui.cli.support import Settings, ascii_stdout, unknown_message


@pytest.mark.parametrize(
    ("encoding", "ascii_only"),
    [("utf-8", False), ("UTF8", False), ("utf_16", False), ("UTF-32", False), ("ascii", True), ("latin-1", True)],
)
def test_json_is_escaped_to_ascii_only_where_stdout_cannot_take_unicode(
    encoding: str, ascii_only: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(support.sys, "stdout", io.TextIOWrapper(io.BytesIO(), encoding=encoding))
    assert ascii_stdout() is ascii_only


@pytest.mark.parametrize(
    ("columns", "width"), [("60", 60), ("21", 21), ("20", 100), ("5", 100), ("wide", 100), ("", 100)]
)
def test_a_pipe_lays_tables_out_at_columns_unless_too_narrow_to_read(
    columns: str, width: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", columns)
    assert Settings(no_color=True).width == width


def test_no_color_in_the_environment_makes_output_plain(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(support.sys, "stdout", type("Terminal", (io.StringIO,), {"isatty": lambda self: True})())
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert not Settings().plain
    monkeypatch.setenv("NO_COLOR", "1")
    assert Settings().plain


def test_an_unknown_id_in_an_empty_library_says_how_to_add_one() -> None:
    assert (
        unknown_message("alpha", []) == 'casetui: no case "alpha": the library is empty (add folders with --cases DIR)'
    )
    assert unknown_message("zzz", ["alpha-club", "beta-market"]) == (
        'casetui: no case "zzz"; run "casetui list" to see the 2 ids'
    )
