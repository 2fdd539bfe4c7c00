"""Run the JSON Schema and the loader over the same bytes, and explain where their verdicts differ.

The schema sees the document as an editor does: Taplo (Even Better TOML) turns TOML dates, times and
date-times into ISO strings and `nan`/`inf` into null before validating. A few rules need more than
one value's type and shape, or the TOML type a string came from; only the loader checks those, and
`LOADER_ONLY` lists them with the message the loader gives.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import tomli
from jsonschema import Draft202012Validator

from casetui.loader import parse_case
from casetui.problems import CaseError, Problem

REPO = Path(__file__).resolve().parents[2]
SCHEMA_FILE = REPO / "schema" / "case.schema.json"
SCHEMA = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
VALIDATOR = Draft202012Validator(SCHEMA)
BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True)
class Rule:
    """A rule only the loader checks: how docs/format.md names it, and the loader's message for it."""

    doc: str
    message: re.Pattern[str]


LOADER_ONLY: dict[str, Rule] = {
    "names nothing": Rule(
        "a `source`, `ends` or `event` that names nothing",
        re.compile(r"names no (\[sources\] entry|\[services\] entry|event id)"),
    ),
    "duplicate event id": Rule("a duplicate event `id`", re.compile(r"^duplicate event id ")),
    "ended before launched": Rule("`ended` before `launched`", re.compile(r" is before launched ")),
    "phase ends before it starts": Rule(
        "a phase whose `end` is before its `start`", re.compile(r" is before the start ")
    ),
    "case id is not the file name": Rule(
        "`[case] id` different from the file name", re.compile(r" does not match the file name ")
    ),
    "bad file name": Rule("a file name that is not a valid id", re.compile(r"^bad case id .* \(from the file name\)")),
    "not a calendar day": Rule("a day that is not in the calendar", re.compile(r"is not a day of the calendar$")),
    "TOML date where a string is expected": Rule(
        "a TOML date or time where a string or text is expected", re.compile(r"got (a date|a date-time|a time of day)$")
    ),
    "quoted date-time": Rule(
        "a date-time written in quotes", re.compile(r"""^['"][0-9]{4}-[0-9]{2}-[0-9]{2}[Tt ].*['"] is not a date""")
    ),
    "format as a float": Rule(
        "`format = 1.0` instead of `format = 1`", re.compile(r"^expected an integer, got a float$")
    ),
}
"""Every rule that the schema cannot express, by name. docs/format.md lists each `doc` phrase."""


def taplo_json(value: Any) -> Any:
    """A parsed TOML value as Taplo hands it to a JSON Schema validator."""
    if isinstance(value, dict):
        return {key: taplo_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [taplo_json(item) for item in value]
    if isinstance(value, (dt.date, dt.time)):  # dt.datetime is a dt.date
        return value.isoformat()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


@dataclass(frozen=True)
class Verdicts:
    """What each side says about one file."""

    schema_errors: tuple[str, ...]
    problems: tuple[Problem, ...]

    @property
    def schema_ok(self) -> bool:
        return not self.schema_errors

    @property
    def loader_ok(self) -> bool:
        return not self.problems


def parses(data: bytes) -> Any | None:
    """The TOML document in `data`, or None when it is not UTF-8 TOML (then neither side gets it)."""
    try:
        return tomli.loads(data.removeprefix(BOM).decode("utf-8"))
    except (UnicodeDecodeError, tomli.TOMLDecodeError, RecursionError):
        return None


def verdicts(data: bytes | str, name: str) -> Verdicts:
    """Both verdicts on `data` read as the file `name`."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    doc = parses(raw)
    assert doc is not None, f"{name} is not TOML; the schema never sees it"
    errors = tuple(
        f"{'/'.join(map(str, error.absolute_path)) or '(top)'}: {error.message}"
        for error in VALIDATOR.iter_errors(taplo_json(doc))
    )
    try:
        parse_case(raw, Path(name))
        problems: tuple[Problem, ...] = ()
    except CaseError as error:
        problems = tuple(error.problems)
    return Verdicts(errors, problems)


def loader_only_rules(found: Verdicts) -> set[str]:
    """The loader-only rules behind a difference of verdicts; fails when a difference is unexplained.

    Same verdict: nothing to explain. The schema refusing a file the loader accepts is always a bug of
    the schema. The loader refusing a file the schema accepts must come from `LOADER_ONLY` rules alone.
    """
    if found.schema_ok == found.loader_ok:
        return set()
    assert found.loader_ok is False, "the schema refuses what the loader accepts:\n" + "\n".join(found.schema_errors)
    rules: set[str] = set()
    for problem in found.problems:
        matched = {name for name, rule in LOADER_ONLY.items() if rule.message.search(problem.message)}
        assert matched, f"the schema accepts what the loader refuses, and no loader-only rule says why: {problem}"
        rules |= matched
    return rules
