"""Watch library folders for saved case files: the app's live reload and `casetui validate --watch`.

The operating system tells us of changes (inotify, FSEvents, ReadDirectoryChangesW, through the
`watchfiles` package), so nothing runs while nothing changes, however many files the library holds.
`watchfiles` is imported here only, and this module only when watching starts: other commands never
pay for it.

Editors save in several steps (vim and VS Code write a new file and rename it over the old one, some
delete first): a burst of events for one file arrives as one batch, and only the paths are passed
on. Whoever reads them looks at what is on disk now.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path

STEP_MS = 150
"""How long a burst must be quiet before its batch is passed on; also how often the watcher checks
whether it should stop. Short enough that a save shows within a second, long enough to gather an
editor's rename-and-write into one batch."""
DEBOUNCE_MS = 800
"""The longest a batch waits while changes keep coming (a `git checkout` of many files)."""


def is_case_file(path: str) -> bool:
    """A path the library might read: a `.toml` file whose name is not hidden or private."""
    name = os.path.basename(path)
    return name.endswith(".toml") and not name.startswith(("_", "."))


def watch_paths(paths: Iterable[Path], stop: threading.Event) -> Iterator[set[Path]]:
    """Batches of case files changed under `paths` (folders or files), until `stop` is set.

    Folders that do not exist are left out; with nothing left to watch, nothing is yielded.
    Blocks between batches: run it in a thread.
    """
    import logging

    import watchfiles

    # Its own note on Ctrl-C ("KeyboardInterrupt caught, stopping watch") is not the user's business.
    logging.getLogger("watchfiles").setLevel(logging.ERROR)
    targets = [os.path.abspath(p) for p in paths if os.path.exists(p)]
    if not targets:
        return
    # A single file is watched through its folder: an editor's rename replaces the file, and a
    # watch on the file itself would end with the old one.
    folders = sorted({t if os.path.isdir(t) else os.path.dirname(t) for t in targets})
    files = {t for t in targets if not os.path.isdir(t)}

    def wanted(_change: watchfiles.Change, path: str) -> bool:
        if not is_case_file(path):
            return False
        return not files or path in files or any(path.startswith(os.path.join(t, "")) for t in targets)

    for changes in watchfiles.watch(
        *folders,
        watch_filter=wanted,
        debounce=DEBOUNCE_MS,
        step=STEP_MS,
        stop_event=stop,
        raise_interrupt=False,
        ignore_permission_denied=True,
    ):
        yield {Path(path) for _change, path in changes}
