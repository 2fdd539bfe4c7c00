"""A case library: the folders searched, in order, and every case file found in them.

Search order: each `--cases DIR`, then each folder in `CASETUI_CASES` (separated like PATH),
then the user's library folder when it exists (`casetui.paths.user_library_dir`), then the library
bundled in the package. The first folder to hold an id wins, and the shadowed
file is reported as a warning. A broken file is listed with its problems; it never stops the
others from loading.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Iterable, Iterator, Sequence
from operator import attrgetter
from pathlib import Path

from casetui.loader import read_case
from casetui.model import Case
from casetui.problems import CaseError, Problem
from casetui.sanitize import clean

TYPE_CHECKING = False  # typing's flag, without importing typing (see casetui.record)
if TYPE_CHECKING:  # Only for annotations: the index and summaries load when a library does.
    from casetui.index_cache import FolderIndex, IndexCache
    from casetui.summary import Summary

ENV_CASES = "CASETUI_CASES"


def bundled_dir() -> Path:
    """The library shipped with casetui (inside the wheel, or `cases/` in a checkout)."""
    packaged = Path(__file__).with_name("cases")
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "cases"


def search_dirs(
    cli_dirs: Sequence[Path] = (), env: str | None = None, bundled: bool = True, *, user: bool | None = None
) -> list[Path]:
    """The folders to read, in priority order.

    `user` adds the user's library folder when it exists; by default it goes with `bundled`, so that
    tests which leave out the bundled library see only their own folders.
    """
    dirs = [Path(d).expanduser() for d in cli_dirs]
    env_value = os.environ.get(ENV_CASES, "") if env is None else env
    dirs += [Path(p).expanduser() for p in env_value.split(os.pathsep) if p.strip()]
    if bundled if user is None else user:
        from casetui.paths import user_library_dir  # platformdirs, only when it is needed

        folder = user_library_dir()
        if folder.is_dir():
            dirs.append(folder)
    if bundled:
        dirs.append(bundled_dir())
    return dirs


class Entry:
    """One case file: its summary when it loaded, its problems when it did not.

    The full case is parsed on demand (`case`) so that a large library keeps only summaries.
    A plain class rather than a dataclass, which costs every CLI start (see `casetui.model`).
    """

    __slots__ = ("_case", "_name", "_path", "id", "problems", "root", "summary")

    def __init__(
        self,
        id: str,
        path: Path | None,
        root: Path,
        summary: Summary | None,
        problems: tuple[Problem, ...] = (),
        case: Case | None = None,
        *,
        name: str = "",
    ) -> None:
        self.id = id
        self._path = path
        self._name = name
        """With `path` None: the file's path inside `root` (its index key too), joined only when asked for."""
        self.root = root
        self.summary = summary
        self.problems = problems
        self._case = case

    @property
    def path(self) -> Path:
        """The case file. Built on first use: a start on 10,000 files needs few of them, and each costs."""
        path = self._path
        if path is None:
            path = self._path = self.root / self._name
        return path

    @property
    def location(self) -> str:
        """`path` as a string, without building the path (`list` shows thousands)."""
        if self._path is not None:
            return str(self._path)
        root = str(self.root)  # Normalised by Path, except that Path(".") / name is just the name.
        return self._name if root == "." else os.path.join(root, self._name)

    @property
    def ok(self) -> bool:
        return self.summary is not None

    @property
    def case(self) -> Case | None:
        """The full case, read now if it was not kept; None when the file is broken."""
        if self._case is None and self.summary is not None:
            try:
                self._case = read_case(self.path, display_path(self.path))
            except CaseError as err:  # Changed on disk since it was indexed.
                self.summary = None
                self.problems = tuple(err.problems)
        return self._case


class Library:
    """Every case found, by id, plus the problems met on the way."""

    __slots__ = ("entries", "problems", "roots")

    def __init__(self) -> None:
        self.entries: dict[str, Entry] = {}
        """Winning entry per id, in discovery order."""
        self.problems: list[Problem] = []
        """Problems not tied to a loaded case: broken files, unreadable folders, shadowed ids."""
        self.roots: list[Path] = []

    @property
    def cases(self) -> list[Case]:
        """Every case that loads, parsed in full: for small libraries and commands that need them all."""
        return [case for case in (e.case for e in self.entries.values()) if case is not None]

    @property
    def summaries(self) -> list[Summary]:
        """The list-level facts of every case that loaded, without parsing anything."""
        return [e.summary for e in self.entries.values() if e.summary is not None]

    @property
    def broken(self) -> list[Entry]:
        """Entries whose file did not load."""
        return [e for e in self.entries.values() if e.summary is None]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if not p.warning]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.warning]

    def get(self, case_id: str) -> Case | None:
        """The full case with this id (parsed now if only its summary was kept)."""
        entry = self.entries.get(case_id)
        return entry.case if entry else None

    def summary(self, case_id: str) -> Summary | None:
        """The summary of the case with this id."""
        entry = self.entries.get(case_id)
        return entry.summary if entry else None

    def suggest(self, case_id: str) -> list[str]:
        """Ids close to an unknown one, for "did you mean"."""
        import difflib  # only for a suggestion: it costs more to import than a case to parse

        return difflib.get_close_matches(case_id, list(self.entries), n=3, cutoff=0.5)


def display_path(path: Path) -> str:
    """A path as the user would type it: relative to the working folder when inside it.

    Escaped like case text: a folder or file name may hold terminal controls or bidi overrides.
    """
    return display_paths((path,))[0]


def display_paths(paths: Iterable[Path | str]) -> list[str]:
    """`display_path` of each path, asking for the working folder once (`list` shows thousands)."""
    try:
        cwd = os.getcwd()
    except OSError:  # The working folder is gone: nothing is inside it.
        return [clean(str(path)) for path in paths]
    # Compared as strings, as `relative_to` does, without building a path for each.
    inside = os.path.join(cwd, "")
    cut, folded_inside, folded_cwd = len(inside), os.path.normcase(inside), os.path.normcase(cwd)
    shown = []
    for path in paths:
        text = str(path)
        folded = os.path.normcase(text)
        if folded.startswith(folded_inside):
            text = text[cut:]
        elif folded == folded_cwd:
            text = "."
        shown.append(clean(text))
    return shown


def iter_case_files(root: Path, problems: list[Problem]) -> Iterator[Path]:
    """Case files under `root` in a stable order, skipping `_` and `.` names.

    Folder symlinks are not followed (no loops); file symlinks are read only when they point
    inside the library folder.
    """
    for folder, item in _scan(root, problems):
        yield folder / item.name


_name = attrgetter("name")


def _scan(root: Path, problems: list[Problem]) -> Iterator[tuple[Path, os.DirEntry[str]]]:
    """`iter_case_files` as (folder, directory entry) pairs.

    A library of 10,000 files pays for every object made per file: the entry already knows the
    file's name and type, and caches its `stat` for the index.
    """
    try:
        real_root = root.resolve()
        items = sorted(os.scandir(root), key=_name)
    except OSError as err:
        problems.append(Problem(display_path(root), None, "folder", f"cannot read: {err.strerror or err}"))
        return
    for item in items:
        name = item.name
        if name.startswith(("_", ".")):
            continue
        try:
            if item.is_dir(follow_symlinks=False):
                if not name.endswith(".toml"):
                    yield from _scan(root / name, problems)
                    continue
            elif not name.endswith(".toml"):
                continue
            if item.is_symlink():
                target = (root / name).resolve(strict=True)
                if target.is_dir():
                    continue
                if real_root not in target.parents:
                    message = "symlink points outside the library; not read"
                    problems.append(Problem(display_path(root / name), None, "file", message))
                    continue
        except (OSError, RuntimeError) as err:
            message = getattr(err, "strerror", None) or "symlink loop or broken link"
            problems.append(Problem(display_path(root / name), None, "file", f"cannot read: {message}"))
            continue
        yield root, item


def load_library(dirs: Iterable[Path], cache: IndexCache | None = None) -> Library:
    """Read every case under `dirs`, first folder winning on a duplicate id.

    Without a cache every file is parsed and kept in full. With one, unchanged files come from
    their folder's index, new or changed ones are parsed (in parallel when there are many), and
    only summaries are kept.
    """
    library = Library()
    # A large library makes tens of thousands of objects that all live on (the indexes read and the
    # summaries rebuilt): the collector would walk them again and again while they are made, and
    # find nothing to free.
    collecting = gc.isenabled()
    gc.disable()
    try:
        pending = _scan_roots(library, dirs, cache)
    finally:
        if collecting:
            gc.enable()
    if pending:
        results = _parse_many([entry.path for entry, _, _, _ in pending])
        for (entry, index, key, stamp), result in zip(pending, results, strict=True):
            _fill(entry, result, keep=False)
            if entry.summary is not None:
                index.put(key, stamp, entry.summary)
    for entry in library.entries.values():
        if entry.problems:
            library.problems.extend(entry.problems)
    if cache is not None:
        cache.save()
    return library


def _scan_roots(
    library: Library, dirs: Iterable[Path], cache: IndexCache | None
) -> list[tuple[Entry, FolderIndex, str, tuple[int, int]]]:
    """Fill `library` with an entry per case id; the entries still to parse, each with its index, key and stamp."""
    entries = library.entries
    pending: list[tuple[Entry, FolderIndex, str, tuple[int, int]]] = []
    for root in dirs:
        library.roots.append(root)
        if not root.exists():
            continue
        index = cache.for_root(root) if cache is not None else None
        # The index key is the file's path inside `root`, made from its folder's (found once per folder).
        current: Path | None = None
        prefix = ""
        for folder, item in _scan(root, library.problems):
            name = item.name
            if folder is not current:
                current, prefix = folder, "" if folder is root else os.path.join(folder.relative_to(root), "")
            case_id = clean(name[:-5])  # The stem, shown for broken files too, whatever it holds.
            key = prefix + name
            if case_id in entries:
                path = folder / name
                if index is not None:
                    index.keep(key)  # Still in the folder: its row stays for a run where it wins.
                first = entries[case_id]
                if _same_file(first.path, path):
                    continue  # One file reached twice through overlapping folders shadows nothing.
                message = f'"{case_id}" is shadowed by {display_path(first.path)}, which is read first'
                library.problems.append(Problem(display_path(path), None, "case.id", message, warning=True))
                continue
            entry = Entry(case_id, None, root, None, name=key)
            entries[case_id] = entry
            if index is None:
                _fill(entry, _parse(entry.path), keep=True)
                continue
            try:
                info = item.stat()
                stamp = (info.st_mtime_ns, info.st_size)
            except OSError:
                stamp = (0, -1)
            entry.summary = index.get(key, stamp)
            if entry.summary is None:
                pending.append((entry, index, key, stamp))
    return pending


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


_Parsed = "Case | Summary | tuple[Problem, ...]"

PARALLEL_FROM = 800
"""Below this many files to parse, a process pool costs more than it saves."""


def _parse(path: Path) -> Case | tuple[Problem, ...]:
    try:
        return read_case(path, display_path(path))
    except CaseError as err:
        return tuple(err.problems)


def _summarise(path: Path) -> Summary | tuple[Problem, ...]:
    parsed = _parse(path)
    from casetui.summary import Summary

    return Summary.from_case(parsed) if isinstance(parsed, Case) else parsed


def _parse_many(paths: list[Path]) -> list[Summary | tuple[Problem, ...]]:
    """Summaries (or problems) for `paths`, on every core when there are many."""
    workers = min(os.cpu_count() or 1, 8)
    if len(paths) < PARALLEL_FROM or workers < 2:
        return [_summarise(p) for p in paths]
    import multiprocessing
    import threading
    from concurrent.futures import ProcessPoolExecutor

    # fork is cheapest, but unsafe once threads run (as in the app's loading worker): spawn then.
    forkable = threading.active_count() == 1 and "fork" in multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if forkable else "spawn")
    chunk = max(64, len(paths) // (workers * 4))
    try:
        with ProcessPoolExecutor(workers, mp_context=context) as pool:
            return list(pool.map(_summarise, paths, chunksize=chunk))
    except (OSError, RuntimeError):  # No processes to be had here: do it in this one.
        return [_summarise(p) for p in paths]


def _fill(entry: Entry, parsed: _Parsed, keep: bool) -> None:
    from casetui.summary import Summary

    if isinstance(parsed, Case):
        entry.summary = Summary.from_case(parsed)
        entry._case = parsed if keep else None
    elif isinstance(parsed, Summary):
        entry.summary = parsed
    else:
        entry.problems = parsed


def validate_paths(paths: Iterable[Path]) -> tuple[int, list[Problem]]:
    """Check files or folders given by the user; return (files checked, problems).

    Two files with one id are reported as they would be in a library read in the same order.
    """
    problems: list[Problem] = []
    checked = 0
    first_with_id: dict[str, Path] = {}
    for path in paths:
        files = list(iter_case_files(path, problems)) if path.is_dir() else [path]
        for file in files:
            checked += 1
            first = first_with_id.setdefault(file.stem, file)
            if first is not file and not _same_file(first, file):
                message = f'"{file.stem}" is shadowed by {display_path(first)}, which is read first'
                problems.append(Problem(display_path(file), None, "case.id", message, warning=True))
            try:
                read_case(file, display_path(file))
            except CaseError as err:
                problems.extend(err.problems)
    return checked, problems
