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
import stat
import struct
from collections.abc import Iterable, Iterator, Sequence
from operator import attrgetter
from pathlib import Path

from casetui.loader import read_case
from casetui.model import Case
from casetui.problems import CaseError, Problem
from casetui.sanitize import clean

TYPE_CHECKING = False  # typing's flag, without importing typing (see casetui.record)
if TYPE_CHECKING:  # Only for annotations: the index and summaries load when a library does.
    from typing import Any

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
    def stale(self) -> bool:
        """Loaded once, but its file has since been saved with errors: it shows its last good case."""
        return self.summary is not None and any(not p.warning for p in self.problems)

    @property
    def case(self) -> Case | None:
        """The full case, read now if it was not kept; None when the file is broken.

        A stale entry is not read again: its file is known to be broken, and reading it would drop
        the summary the library still shows.
        """
        if self._case is None and self.summary is not None and not self.problems:
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

    def reload(self, paths: Iterable[Path]) -> list[str]:
        """Read again the case files at `paths`, saved, created or deleted since: the ids whose entry changed.

        Each file goes through the loader as at start-up. A file that no longer loads keeps its last
        good case and summary and gains its problems (`Entry.stale`), so a half-typed save loses
        nothing on screen; the next good save clears them. A path that is gone drops its entry (an
        editor's save by rename arrives as a delete and a create of one path: what counts is the file
        there now). Paths outside the library, hidden ones and other files are ignored.
        """
        changed: list[str] = []
        for path in paths:
            place = self._place(path)
            if place is None:
                continue
            root_at, root, path = place
            case_id = clean(path.name[:-5])
            entry = self.entries.get(case_id)
            same = entry is not None and _same_path(entry.path, path)
            if not path.is_file() or path.is_symlink():  # Gone (or a link, which start-up checks and this does not).
                self._forget(path)
                if entry is not None and same:
                    del self.entries[case_id]
                    self._promote(case_id, path, self._root_at(entry.root))
                    changed.append(case_id)
                continue
            if entry is not None and not same:
                if self._root_at(entry.root) <= root_at:
                    self._shadowed(case_id, path, entry.path)  # The file read first wins, as at start-up.
                    continue
                self._shadowed(case_id, entry.path, path)  # A new file in an earlier folder wins the id.
                entry = None
            self._read(case_id, path, root, entry)
            changed.append(case_id)
        return changed

    def _read(self, case_id: str, path: Path, root: Path, entry: Entry | None = None) -> Entry:
        """Parse `path` through the loader into `entry` (a new entry for `case_id` when None)."""
        parsed = _parse(path)
        if entry is None:
            entry = self.entries[case_id] = Entry(case_id, path, root, None)
        if isinstance(parsed, Case):
            from casetui.summary import Summary

            entry.summary, entry._case, entry.problems = Summary.from_case(parsed), parsed, ()
        else:
            entry.problems = parsed  # Summary and case stay: the last good version, if any.
        self._forget(path)
        self.problems.extend(entry.problems)
        return entry

    def _promote(self, case_id: str, gone: Path, root_at: int) -> None:
        """After the file that won `case_id` is gone, the next one in search order wins it, as at start-up."""
        for root in self.roots[root_at:]:
            if not root.exists():
                continue
            for path in iter_case_files(root, []):
                if clean(path.name[:-5]) == case_id and not _same_path(path, gone):
                    self._read(case_id, path, root)
                    return

    def _shadowed(self, case_id: str, path: Path, winner: Path) -> None:
        """Warn that the file at `path` is not read because `winner` holds its id."""
        self._forget(path)
        message = f'"{case_id}" is shadowed by {display_path(winner)}, which is read first'
        self.problems.append(Problem(display_path(path), None, "case.id", message, warning=True))

    def _place(self, path: Path) -> tuple[int, Path, Path] | None:
        """The position and folder of the library root holding case file `path`, and the path spelt from
        that root as start-up spells it; None when no root reads it.

        A watcher may report a path through the folder's real name (macOS reports `/private/var/...`
        for `/var/...`; a symlinked `--cases` folder): each root is tried as given, then resolved.
        """
        if not path.name.endswith(".toml"):
            return None
        for spelling in (os.path.abspath, os.path.realpath):
            full = spelling(path.parent)
            for at, root in enumerate(self.roots):
                try:
                    inside = os.path.relpath(full, spelling(root))
                except ValueError:  # Another drive (Windows).
                    continue
                parts = [] if inside == os.curdir else inside.split(os.sep)
                if parts and parts[0] == os.pardir:
                    continue
                if any(part.startswith(("_", ".")) for part in [*parts, path.name]):
                    return None
                return at, root, root.joinpath(*parts, path.name)
        return None

    def _root_at(self, root: Path) -> int:
        return self.roots.index(root) if root in self.roots else len(self.roots)

    def _forget(self, path: Path) -> None:
        """Drop the problems met in `path` when it was read before."""
        shown = display_path(path)
        self.problems = [p for p in self.problems if p.path != shown]

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
    for folder, names, _ in _runs(root, problems):
        for name in names:
            yield folder / name


_name = attrgetter("name")

_BY_FOLDER = os.stat in os.supports_dir_fd and os.listdir in os.supports_fd
"""Whether a file can be stat-ed by its name in an open folder (`fstatat`), which costs a library of
10,000 files a fifth less CPU than by its whole path."""


def _runs(root: Path, problems: list[Problem], stamped: bool = False) -> Iterator[tuple[Path, list[str], list[Any]]]:
    """`iter_case_files` as runs of files in one folder: (folder, names, stamps).

    A library of 10,000 files is handled a run at a time rather than a file at a time: a folder's
    files come in one run, unless a subfolder or a symlink comes between them in the order.
    `stamped`: each file is stat-ed (the file a symlink points to, for a symlink) for its stamp in
    the index (`casetui.index_cache.stamp`). Otherwise nothing is stat-ed, and each stamp is None.
    """
    try:
        real_root = root.resolve()
        listing = _stat_listing(root) if stamped else _type_listing(root)
    except OSError as err:
        problems.append(Problem(display_path(root), None, "folder", f"cannot read: {err.strerror or err}"))
        return
    names: list[str] = []
    stamps: list[Any] = []
    for name, kind, stamp in listing:
        if kind == _FILE:  # Nearly every file: nothing more to find out.
            if name.endswith(".toml"):
                names.append(name)
                stamps.append(stamp)
            continue
        if names:
            yield root, names, stamps
            names, stamps = [], []
        try:
            if kind == stat.S_IFDIR:
                if not name.endswith(".toml"):
                    yield from _runs(root / name, problems, stamped)
                    continue
            elif not name.endswith(".toml"):
                continue
            if kind == stat.S_IFLNK:
                target = (root / name).resolve(strict=True)
                if target.is_dir():
                    continue
                if real_root not in target.parents:
                    message = "symlink points outside the library; not read"
                    problems.append(Problem(display_path(root / name), None, "file", message))
                    continue
                if stamped:
                    from casetui.index_cache import stamp as stamp_of

                    stamp = stamp_of(os.stat(root / name))
        except (OSError, RuntimeError) as err:
            message = getattr(err, "strerror", None) or "symlink loop or broken link"
            problems.append(Problem(display_path(root / name), None, "file", f"cannot read: {message}"))
            continue
        yield root, [name], [stamp]
    if names:
        yield root, names, stamps


_FILE = stat.S_IFREG


Listing = list[tuple[str, int, "bytes | None"]]
"""A folder's names, sorted, each with its file type (`stat.S_IFMT`) and its stamp (None when not
stat-ed); `_` and `.` names left out."""


def _type_listing(root: Path) -> Listing:
    """Types from the folder's own entries, without a stat (a FIFO or a device passes for a file)."""
    items = sorted(os.scandir(root), key=_name)
    return [
        (
            item.name,
            stat.S_IFDIR if item.is_dir(follow_symlinks=False) else stat.S_IFLNK if item.is_symlink() else stat.S_IFREG,
            None,
        )
        for item in items
        if not item.name.startswith(("_", "."))
    ]


def _stat_listing(root: Path) -> Listing:
    """Types and stamps from one `lstat` a name (a file that cannot be stat-ed passes for a file, stamped
    `NO_STAMP`).

    A library of 10,000 files pays for every object and system call made per file: `os.scandir`'s
    entries would cost more, and keep every stat they make.
    """
    from casetui.index_cache import NO_STAMP, STAMP, stamp

    listing: Listing = []
    pack, file_type = STAMP.pack, stat.S_IFMT
    folder = os.open(root, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0)) if _BY_FOLDER else None
    try:
        for name in sorted(os.listdir(root if folder is None else folder)):
            if name.startswith(("_", ".")):
                continue
            try:
                if folder is None:
                    info = os.lstat(os.path.join(root, name))
                else:
                    info = os.stat(name, dir_fd=folder, follow_symlinks=False)
                # `stamp` inline: a call less for each of 10,000 files.
                stamped = pack(info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino, info.st_dev)
            except OSError:  # Gone meanwhile, or not to be stat-ed: reading it will say why.
                listing.append((name, stat.S_IFREG, NO_STAMP))
            except struct.error:
                listing.append((name, file_type(info.st_mode), stamp(info)))
            else:
                listing.append((name, file_type(info.st_mode), stamped))
    finally:
        if folder is not None:
            os.close(folder)
    return listing


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
) -> list[tuple[Entry, FolderIndex, str, bytes]]:
    """Fill `library` with an entry per case id; the entries still to parse, each with its index, key and stamp."""
    entries = library.entries
    pending: list[tuple[Entry, FolderIndex, str, bytes]] = []
    for root in dirs:
        library.roots.append(root)
        if not root.exists():
            continue
        index = cache.for_root(root) if cache is not None else None
        # The entries of this folder to look up in its index, all at once, with their keys and stamps.
        found: list[Entry] = []
        keys: list[str] = []
        stamps: list[bytes] = []
        # The index key is the file's path inside `root`, made from its folder's (found once per folder).
        current: Path | None = None
        prefix = ""
        for folder, names, run_stamps in _runs(root, library.problems, stamped=index is not None):
            if folder is not current:
                current, prefix = folder, "" if folder is root else os.path.join(folder.relative_to(root), "")
            stems = [name[:-5] for name in names]
            # The stems, shown for broken files too, whatever they hold: `clean` keeps printable ASCII as it is.
            joined = " ".join(stems)
            ids = stems if joined.isascii() and joined.isprintable() else list(map(clean, stems))
            run_keys = [prefix + name for name in names] if prefix else names
            if index is not None and entries.keys().isdisjoint(ids) and len(set(ids)) == len(ids):
                # No id taken (nearly always): the run's entries all at once.
                made = [Entry(case_id, None, root, None, name=key) for case_id, key in zip(ids, run_keys, strict=True)]
                entries.update(zip(ids, made, strict=True))
                found += made
                keys += run_keys
                stamps += run_stamps
                continue
            for case_id, key, name, stamp in zip(ids, run_keys, names, run_stamps, strict=True):
                if case_id in entries:
                    path = folder / name
                    if index is not None:
                        index.keep(key)  # Still in the folder: its row stays for a run where it wins.
                    first = entries[case_id]
                    if same_file(first.path, path):
                        continue  # One file reached twice through overlapping folders shadows nothing.
                    message = f'"{case_id}" is shadowed by {display_path(first.path)}, which is read first'
                    library.problems.append(Problem(display_path(path), None, "case.id", message, warning=True))
                    continue
                entry = Entry(case_id, None, root, None, name=key)
                entries[case_id] = entry
                if index is None:
                    _fill(entry, _parse(entry.path), keep=True)
                    continue
                found.append(entry)
                keys.append(key)
                stamps.append(stamp)
        if index is None or not found:
            continue
        summaries = index.lookup(keys, [entry.id for entry in found], b"".join(stamps))
        for entry, summary, key, stamp in zip(found, summaries, keys, stamps, strict=True):
            if summary is None:
                pending.append((entry, index, key, stamp))
            else:
                entry.summary = summary
    return pending


def _same_path(a: Path, b: Path) -> bool:
    """One path written two ways (relative and absolute); unlike `_same_file`, true for a file now gone."""
    return os.path.abspath(a) == os.path.abspath(b)


def same_file(a: Path, b: Path) -> bool:
    """True when `a` and `b` are one file (reached through overlapping folders or a link)."""
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
        with ProcessPoolExecutor(workers, mp_context=context, initializer=_end_with, initargs=(os.getpid(),)) as pool:
            return list(pool.map(_summarise, paths, chunksize=chunk))
    except (OSError, RuntimeError):  # No processes to be had here: do it in this one.
        return [_summarise(p) for p in paths]


def _end_with(parent: int) -> None:
    """In a pool worker: end when the process that started it ends, even if it is killed.

    A killed `list` cannot shut its pool down, and its workers would wait for work for ever,
    orphaned. On Linux the kernel sends them SIGKILL (PR_SET_PDEATHSIG: a worker has nothing to
    clean up, and no handler of its parent's can keep it alive); elsewhere a thread
    watches for the parent to go (the worker is then adopted, and its parent id changes).
    """
    import signal
    import sys

    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            pr_set_pdeathsig = 1
            if libc.prctl(pr_set_pdeathsig, int(signal.SIGKILL), 0, 0, 0) == 0:
                if os.getppid() != parent:  # The parent died before the request took effect.
                    os._exit(1)
                return
        except (OSError, AttributeError):
            pass
    import threading
    import time

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, name="casetui-parent-watch", daemon=True).start()


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
            if first is not file and not same_file(first, file):
                message = f'"{file.stem}" is shadowed by {display_path(first)}, which is read first'
                problems.append(Problem(display_path(file), None, "case.id", message, warning=True))
            try:
                case = read_case(file, display_path(file))
            except CaseError as err:
                problems.extend(err.problems)
            else:
                from casetui import premature  # A warning's line is looked up only when there is one.

                problems.extend(premature.warnings(case, display_path(file)))
    return checked, problems
