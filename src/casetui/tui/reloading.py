"""What a screen hears when a case file of the library is saved while the app runs (live reload)."""

from __future__ import annotations

from textual.message import Message

from casetui.library import Entry, Library


class CaseReloaded(Message, bubble=False):
    """A case file was read again. Posted to every open screen; those that show the case redraw it.

    `entry` is None when the file is gone. A stale entry (`Entry.stale`) keeps its last good case and
    carries the problems of the save that broke it. `library` is the whole library, as it is now.
    """

    def __init__(self, case_id: str, entry: Entry | None, library: Library) -> None:
        super().__init__()
        self.case_id = case_id
        self.entry = entry
        self.library = library
