"""A case library: the folders searched, in order, and every case file found in them.

Search order: each `--cases DIR`, then each folder in `CASETUI_CASES` (separated like PATH),
then the library bundled in the package. The first folder to hold an id wins, and the shadowed
file is reported as a warning. A broken file is listed with its problems; it never stops the
others from loading.
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from casetui.loader import read_case
from casetui.model import Case
from casetui.problems import CaseError, Problem

ENV_CASES = "CASETUI_CASES"


def bundled_dir() -> Path:
    """The library shipped with casetui (inside the wheel, or `cases/` in a checkout)."""
    packaged = Path(__file__).with_name("cases")
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "cases"


def search_dirs(cli_dirs: Sequence[Path] = (), env: str | None = None, bundled: bool = True) -> list[Path]:
    """The folders to read, in priority order."""
    dirs = [Path(d).expanduser() for d in cli_dirs]
    env_value = os.environ.get(ENV_CASES, "") if env is None else env
    dirs += [Path(p).expanduser() for p in env_value.split(os.pathsep) if p.strip()]
    if bundled:
        dirs.append(bundled_dir())
    return dirs


@dataclass(frozen=True, slots=True)
class Entry:
    """One case file: the case when it loaded, its problems when it did not."""

    id: str
    path: Path
    root: Path
    case: Case | None
    problems: tuple[Problem, ...] = ()

    @property
    def ok(self) -> bool:
        return self.case is not None


@dataclass(slots=True)
class Library:
    """Every case found, by id, plus the problems met on the way."""

    entries: dict[str, Entry] = field(default_factory=dict)
    """Winning entry per id, in discovery order."""
    problems: list[Problem] = field(default_factory=list)
    """Problems not tied to a loaded case: broken files, unreadable folders, shadowed ids."""
    roots: list[Path] = field(default_factory=list)

    @property
    def cases(self) -> list[Case]:
        """The cases that loaded."""
        return [e.case for e in self.entries.values() if e.case is not None]

    @property
    def broken(self) -> list[Entry]:
        """Entries whose file did not load."""
        return [e for e in self.entries.values() if e.case is None]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if not p.warning]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.warning]

    def get(self, case_id: str) -> Case | None:
        entry = self.entries.get(case_id)
        return entry.case if entry else None

    def suggest(self, case_id: str) -> list[str]:
        """Ids close to an unknown one, for "did you mean"."""
        return difflib.get_close_matches(case_id, list(self.entries), n=3, cutoff=0.5)


def display_path(path: Path) -> str:
    """A path as the user would type it: relative to the working folder when inside it."""
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def iter_case_files(root: Path, problems: list[Problem]) -> Iterator[Path]:
    """Case files under `root` in a stable order, skipping `_` and `.` names.

    Folder symlinks are not followed (no loops); file symlinks are read only when they point
    inside the library folder.
    """
    try:
        real_root = root.resolve()
        items = sorted(os.scandir(root), key=lambda d: d.name)
    except OSError as err:
        problems.append(Problem(display_path(root), None, "folder", f"cannot read: {err.strerror or err}"))
        return
    for item in items:
        if item.name.startswith(("_", ".")):
            continue
        path = Path(item.path)
        try:
            is_link = item.is_symlink()
            if item.is_dir(follow_symlinks=False):
                if not item.name.endswith(".toml"):
                    yield from iter_case_files(path, problems)
                    continue
            elif not item.name.endswith(".toml"):
                continue
            if is_link:
                target = path.resolve(strict=True)
                if target.is_dir():
                    continue
                if real_root not in target.parents:
                    problems.append(Problem(display_path(path), None, "file", "symlink points outside the library; not read"))
                    continue
        except (OSError, RuntimeError) as err:
            message = getattr(err, "strerror", None) or "symlink loop or broken link"
            problems.append(Problem(display_path(path), None, "file", f"cannot read: {message}"))
            continue
        yield path


def load_library(dirs: Iterable[Path]) -> Library:
    """Read every case under `dirs`, first folder winning on a duplicate id."""
    library = Library()
    for root in dirs:
        library.roots.append(root)
        if not root.exists():
            continue
        for path in iter_case_files(root, library.problems):
            case_id = path.stem
            shown = display_path(path)
            if case_id in library.entries:
                first = library.entries[case_id]
                library.problems.append(
                    Problem(shown, None, "case.id", f'"{case_id}" is shadowed by {display_path(first.path)}, which is read first', warning=True)
                )
                continue
            try:
                entry = Entry(case_id, path, root, read_case(path, shown))
            except CaseError as err:
                entry = Entry(case_id, path, root, None, tuple(err.problems))
                library.problems.extend(err.problems)
            library.entries[case_id] = entry
    return library


def validate_paths(paths: Iterable[Path]) -> tuple[int, list[Problem]]:
    """Check files or folders given by the user; return (files checked, problems)."""
    problems: list[Problem] = []
    checked = 0
    for path in paths:
        files = list(iter_case_files(path, problems)) if path.is_dir() else [path]
        for file in files:
            checked += 1
            try:
                read_case(file, display_path(file))
            except CaseError as err:
                problems.extend(err.problems)
    return checked, problems
