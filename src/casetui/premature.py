"""`casetui validate`'s warnings for a case that says it ended when, on its `as_of` date, the end
was only scheduled (`derive.premature`), located at the line of `status` or `ended`."""

from __future__ import annotations

from pathlib import Path

from casetui import derive
from casetui.library import Library, display_path
from casetui.model import Case
from casetui.problems import Problem


def warnings(case: Case, shown: str | None = None) -> list[Problem]:
    """One warning per premature key of the case; the file is read again only when there is one."""
    found = derive.premature(case)
    if not found:
        return []
    from casetui import locate

    try:
        lines = locate.key_lines(Path(case.path).read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError):
        lines = {}
    where = shown if shown is not None else display_path(case.path)
    return [
        Problem(where, locate.line_of(lines, tuple(key.split("."))), key, message, warning=True)
        for key, message in found
    ]


def library_warnings(library: Library) -> list[Problem]:
    """The warnings for every case of a library that has one, read from its summary first."""
    found: list[Problem] = []
    for entry in library.entries.values():
        if entry.summary is None or not entry.summary.premature:
            continue
        case = entry.case
        if case is not None:
            found.extend(warnings(case))
    return found
