"""Helpers shared by the importer tests: where the inputs are, and a dataset entry builder."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner, Result

from casetui.cli.app import app

HERE = Path(__file__).resolve().parent
FIXTURES = HERE / "fixtures"
DATASET = HERE.parent / "data" / "killedbygoogle" / "graveyard.json"
"""A copy kept in the repository (MIT, its licence beside it), so a fresh clone runs these tests."""


def run(*args: str) -> Result:
    """`casetui ARGS…` in-process."""
    return CliRunner().invoke(app, list(args))


def entry(name: str, opened: str = "2010-05-01", closed: str = "2015-06-30", **extra: str) -> dict[str, str]:
    """One dataset entry with sensible defaults."""
    item = {
        "name": name,
        "dateOpen": opened,
        "dateClose": closed,
        "link": f"https://news.example/{name.lower().replace(' ', '-')}",
        "description": f"{name} was a test product.",
        "type": "service",
    }
    item.update(extra)
    return item
