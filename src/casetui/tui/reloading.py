"""What a screen hears when a case file of the library is saved while the app runs (live reload)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.message import Message

from casetui.library import Entry, Library
from casetui.tui.labels import word

if TYPE_CHECKING:
    from casetui.model import Case
    from casetui.tui.widgets.reload_banner import ReloadBanner


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


def new_version(message: CaseReloaded, case: Case, banner: ReloadBanner, lang: str) -> Case | None:
    """For a screen that shows `case`: say in its banner what the save did, and return the new
    version to show, if there is one (None: another case, the file is gone, or nothing loaded anew).

    A save that breaks the file keeps the last good version on screen, with the errors above it.
    """
    if message.case_id != case.id:
        return None
    entry = message.entry
    if entry is None:
        banner.show_message(word("case_removed", lang))
        return None
    banner.show(entry.problems, lang)
    return entry.case if entry.case is not None and entry.case is not case else None
