"""What every CLI command needs: run settings, finding cases by id, and clean failure.

Finding a case reads only the file asked for (the library is scanned for names, not parsed), so
`casetui compare A B` costs two parses however large the library is. Nothing here imports Rich.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path

from casetui.library import display_path, iter_case_files, same_file, search_dirs
from casetui.loader import read_case
from casetui.model import Case
from casetui.problems import CaseError, Problem
from casetui.sanitize import clean


class Failure(Exception):
    """Stop the command: print `lines` to stderr, nothing more to stdout, and exit with `code`."""

    def __init__(self, lines: Sequence[str], code: int = 1) -> None:
        super().__init__("\n".join(lines))
        self.lines = list(lines)
        self.code = code


class Settings:
    """The global options of one run.

    A plain class, not a dataclass: importing dataclasses costs every CLI start several
    milliseconds (see `casetui.model`).
    """

    __slots__ = ("bundled", "cli_dirs", "lang", "no_color")

    def __init__(
        self, cli_dirs: Sequence[Path] = (), lang: str = "en", no_color: bool = False, bundled: bool = True
    ) -> None:
        self.cli_dirs = list(cli_dirs)
        """Folders from `--cases`, searched first."""
        self.lang = lang
        self.no_color = no_color
        self.bundled = bundled
        """Read the library shipped with casetui (the hidden `--no-bundled` turns it off for tests)."""

    @property
    def dirs(self) -> list[Path]:
        """Every library folder in search order: `--cases`, `CASETUI_CASES`, then the bundled one."""
        return search_dirs(self.cli_dirs, bundled=self.bundled)

    @property
    def plain(self) -> bool:
        """True when output must carry no escape codes: piped, `NO_COLOR` or `--no-color`."""
        if self.no_color or os.environ.get("NO_COLOR"):
            return True
        isatty = getattr(sys.stdout, "isatty", None)
        return not (isatty and isatty())

    @property
    def width(self) -> int | None:
        """Layout width for tables: the terminal's own, else `COLUMNS`, else 100 in a pipe."""
        if not self.plain:
            return None
        try:
            columns = int(os.environ.get("COLUMNS", ""))
        except ValueError:
            columns = 0
        return columns if columns > 20 else 100


def terminal() -> tuple[int, bool]:
    """The width of the terminal stdout shows in, and whether it shows colours, as Rich's `Console` decides.

    For `casetui list`, which writes its table without a console: the same `COLUMNS`, the same
    size from the first standard stream that knows it, and no colour in a dumb terminal or where
    `TTY_COMPATIBLE=0` or an empty `FORCE_COLOR` says it is none.
    """
    environ = os.environ
    tty = environ.get("TTY_COMPATIBLE", "")
    colour = tty == "1" or (tty != "0" and environ.get("FORCE_COLOR") != "")
    if colour and environ.get("TERM", "").lower() in ("dumb", "unknown"):
        return 80, False
    width = 0
    for stream in (0, 1, 2):
        try:
            width = os.get_terminal_size(stream).columns
        except (AttributeError, ValueError, OSError):  # not a terminal
            continue
        break
    columns = environ.get("COLUMNS", "")
    if columns.isdigit():
        width = int(columns)
    return width or 80, colour


def out(text: str) -> None:
    """Write command output to stdout."""
    sys.stdout.write(text)


def reader_gone() -> int:
    """After a write to a closed pipe (`casetui list --json | head -1`): stop writing, exit 0.

    The reader took what it wanted, as `head` means to; it is not an error. Standard output is
    pointed at the null device, so that Python's final flush of what is still buffered fails no more.
    """
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)
    except (OSError, AttributeError, ValueError):  # no real stdout (a test runner's): nothing to flush
        pass
    return 0


def err(line: str) -> None:
    """Write one line to stderr."""
    sys.stderr.write(line.rstrip("\n") + "\n")


def ascii_stdout() -> bool:
    """True when stdout cannot encode all of Unicode (JSON then escapes non-ASCII text)."""
    encoding = (getattr(sys.stdout, "encoding", None) or "utf-8").lower().replace("-", "").replace("_", "")
    return encoding not in ("utf8", "utf16", "utf32")


def problem_line(problem: Problem) -> str:
    """`path:line: key: message`, with ` (warning)` after a warning."""
    return f"{problem} (warning)" if problem.warning else str(problem)


# -- finding cases ---------------------------------------------------------------------------


def case_files(
    dirs: Sequence[Path], skipped: list[Problem] | None = None, shadowed: dict[str, list[Path]] | None = None
) -> dict[str, Path]:
    """Every case id in the library and the file that wins it, without parsing anything.

    Files the scan cannot read (a symlink loop, a link out of the library) are not ids; their
    problems go to `skipped` when given. Files of an id that an earlier folder already holds go to
    `shadowed`, by id, when given.
    """
    found: dict[str, Path] = {}
    ignored: list[Problem] = [] if skipped is None else skipped
    for root in dirs:
        if not root.is_dir():
            continue
        for path in iter_case_files(root, ignored):
            first = found.setdefault(path.stem, path)
            if shadowed is not None and first is not path and not same_file(first, path):
                shadowed.setdefault(path.stem, []).append(path)
    return found


def shadow_line(case_id: str, loser: Path, winner: Path) -> str:
    """The warning `casetui list` and `validate` print for a shadowed file, for one case asked for."""
    message = f'"{case_id}" is shadowed by {display_path(winner)}, which is read first'
    return problem_line(Problem(display_path(loser), None, "case.id", message, warning=True))


def suggestions(wanted: str, ids: Sequence[str]) -> list[str]:
    """Up to three ids the user may have meant: those containing the word first, then close spellings."""
    key = wanted.lower().removesuffix(".toml")
    near = [i for i in ids if key and key in i]
    import difflib  # only for a suggestion: it costs more to import than a case to parse

    near += [i for i in difflib.get_close_matches(key, ids, n=3, cutoff=0.5) if i not in near]
    return near[:3]


def unknown_message(wanted: str, ids: Sequence[str]) -> str:
    """`no case "x" (did you mean …?)`, or how to list the ids when nothing is close."""
    near = suggestions(wanted, ids)
    wanted = clean(wanted)  # echoed to a terminal: no escape sequences from the command line either
    if near:
        options = near[0] if len(near) == 1 else f"{', '.join(near[:-1])} or {near[-1]}"
        return f'casetui: no case "{wanted}"; did you mean {options}?'
    if not ids:
        return f'casetui: no case "{wanted}": the library is empty (add folders with --cases DIR)'
    return f'casetui: no case "{wanted}"; run "casetui list" to see the {len(ids)} ids'


def load_cases(dirs: Sequence[Path], wanted: Sequence[str]) -> list[Case]:
    """The cases with these ids (or paths to case files), in the order given.

    Raises `Failure` naming every unknown id with a suggestion, or every problem of a broken file.
    """
    files: dict[str, Path] | None = None
    skipped: list[Problem] = []
    shadowed: dict[str, list[Path]] = {}
    paths: list[Path] = []
    lines: list[str] = []
    for item in wanted:
        if _is_path(item):
            paths.append(Path(item))  # A file given by path: an author previewing a draft.
            continue
        if files is None:
            files = case_files(dirs, skipped, shadowed)
        path = files.get(item)
        if path is not None:
            paths.append(path)
            # As `list` does: the reader should know which of two files with this id they are reading.
            for loser in shadowed.get(item, ()):
                err(shadow_line(item, loser, path))
            continue
        # A file of that name the scan could not read: its own problem says more than "no case".
        unreadable = [problem_line(p) for p in skipped if Path(p.path).name == f"{item}.toml"]
        lines += unreadable or [unknown_message(item, list(files))]
    if lines:
        raise Failure(lines)
    cases = []
    for path in paths:
        try:
            cases.append(read_case(path, display_path(path)))
        except CaseError as error:
            lines += [problem_line(p) for p in error.problems]
    if lines:
        raise Failure(lines)
    return cases


def _is_path(item: str) -> bool:
    """True for an argument naming a file rather than a case id."""
    if "/" in item or os.sep in item:
        return True
    return item.endswith(".toml") and Path(item).is_file()
