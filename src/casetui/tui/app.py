"""The casetui Textual app: thin; screens and widgets live in their own modules."""

from __future__ import annotations

import gc
from collections.abc import Sequence
from pathlib import Path
from typing import Any, ClassVar

from textual.app import App
from textual.binding import Binding, BindingType
from textual.driver import Driver
from textual.reactive import reactive
from textual.screen import Screen

from casetui.i18n import LANGUAGES
from casetui.index_cache import IndexCache
from casetui.library import Library, load_library
from casetui.tui.commands import CaseCommands
from casetui.tui.labels import localize_bindings, word
from casetui.tui.screens.library import LibraryScreen

THEMES = ("textual-dark", "textual-light")
"""The two themes `d` switches between."""


class CaseTUI(App[None]):
    """Browse, read, compare and step through platform case studies."""

    TITLE = "casetui"
    CSS_PATH: ClassVar[list[str]] = ["app.tcss", "screens/library.tcss"]
    """The library's styles too: it is the first screen, and a screen's own CSS_PATH (or a mode, which
    loads one) makes Textual parse every stylesheet again as it opens, before the first frame."""
    COMMANDS = App.COMMANDS | {CaseCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit", id="quit", tooltip="Quit casetui"),
        Binding("question_mark", "help", "Keys", id="help", tooltip="Show the keys of this screen"),
        Binding("L", "toggle_lang", "中文", id="lang", tooltip="Switch English / Chinese"),
        Binding("d", "toggle_theme", "Light/dark", id="theme", show=False),
        Binding("ctrl+s", "screenshot", "Screenshot", id="screenshot", show=False, tooltip="Save an SVG screenshot"),
        Binding("ctrl+p", "command_palette", "palette", id="palette", show=False, priority=True),
    ]

    lang: reactive[str] = reactive("en")
    """Display language for case text and labels; every screen watches it."""
    marked: reactive[tuple[str, ...]] = reactive(tuple)
    """Ids of the cases marked for comparison, in the order they were marked."""

    def __init__(
        self,
        dirs: Sequence[Path],
        lang: str = "en",
        present: str | None = None,
        cache: IndexCache | None = None,
    ) -> None:
        super().__init__()
        self.dirs = list(dirs)
        self.present = present
        self.library: Library = load_library(self.dirs, cache)
        self.set_reactive(CaseTUI.lang, lang)
        # Before anything is drawn, so the footer's first keys are already in `lang`. (From `on_mount`
        # the footer would not hear of it: the app is not yet mounted, so refresh_bindings does nothing.)
        localize_bindings(self, lang)

    def get_default_screen(self) -> Screen[Any]:
        """The library, where every session starts."""
        return LibraryScreen()

    def get_driver_class(self) -> type[Driver]:
        """Textual's choice of driver, except that a local terminal on Linux or macOS gets one that quits at once."""
        driver = super().get_driver_class()
        # Compared by name: importing the Linux driver on Windows would fail (no termios).
        if (driver.__module__, driver.__qualname__) == ("textual.drivers.linux_driver", "LinuxDriver"):
            from casetui.tui.driver import QuickExitDriver

            return QuickExitDriver
        return driver

    def on_mount(self) -> None:
        problems = self.library.problems
        if problems:
            self.notify(word("n_problems", self.lang, n=len(problems)), severity="warning", markup=False, timeout=8)
        if self.present is not None:
            if self.library.get(self.present) is not None:
                self.open_sunset(self.present, present=True)
            else:
                self._unknown(self.present)

    def on_ready(self) -> None:
        """After the first frame: if start-up ran with the collector off (`casetui.launch`), turn it back on.

        What start-up made lives as long as the app, so it is frozen first: later collections need
        not walk it (which also keeps their pauses out of keystrokes on a large library).
        """
        if not gc.isenabled():
            gc.freeze()
            gc.enable()

    def watch_lang(self, lang: str) -> None:
        self._localize(lang)

    def _localize(self, lang: str) -> None:
        if localize_bindings(self, lang):
            self.refresh_bindings()

    def _unknown(self, case_id: str) -> None:
        """Say that no case has this id, and which ones come close."""
        message = word("no_case", self.lang, id=case_id)
        close = self.library.suggest(case_id)
        if close:
            message += " " + word("did_you_mean", self.lang, ids=", ".join(close))
        self.notify(message, severity="error", markup=False, timeout=10)

    # -- actions ---------------------------------------------------------------------------
    def action_toggle_lang(self) -> None:
        """Switch to the next display language."""
        index = LANGUAGES.index(self.lang) if self.lang in LANGUAGES else -1
        self.lang = LANGUAGES[(index + 1) % len(LANGUAGES)]

    def action_toggle_theme(self) -> None:
        """Switch between the dark and the light theme."""
        self.theme = THEMES[1] if self.theme == THEMES[0] else THEMES[0]

    def action_screenshot(self, filename: str | None = None, path: str | None = None) -> None:
        """Save an SVG screenshot of the screen into the screenshot folder, and say where."""
        self.deliver_screenshot(filename, path)

    def deliver_screenshot(
        self, filename: str | None = None, path: str | None = None, time_format: str | None = None
    ) -> str | None:
        """Locally: write into `casetui paths`' screenshot folder (never when read-only). In a browser: download."""
        if self.is_web:
            return super().deliver_screenshot(filename, path, time_format)
        from casetui.paths import read_only, screenshot_dir

        if read_only():
            self.notify(word("screenshot_read_only", self.lang), severity="warning", markup=False)
            return None
        folder = Path(path) if path else screenshot_dir()
        try:
            folder.mkdir(parents=True, exist_ok=True)
            saved = self._write_screenshot(folder, filename, time_format)
        except OSError as error:
            self.notify(word("screenshot_failed", self.lang, error=str(error)), severity="error", markup=False)
            return None
        self.notify(word("screenshot_saved", self.lang, path=saved), markup=False, timeout=8)
        return saved

    def _write_screenshot(self, folder: Path, filename: str | None, time_format: str | None) -> str:
        """Write the SVG as every file casetui writes (`casetui.safe_files`): never over a FIFO or a device.

        Textual's `save_screenshot` opens the name for writing, which blocks on a FIFO and writes into
        a device; here only a regular file (or a new one) is written, whole.
        """
        from textual._files import generate_datetime_filename

        from casetui.safe_files import write_text

        target = folder / (filename or generate_datetime_filename(self.title, ".svg", time_format))
        write_text(target, self.export_screenshot())
        return str(target)

    def action_help(self) -> None:
        """Show the keys of the current screen."""
        from casetui.tui.screens.help import HelpScreen, keys_of

        if isinstance(self.screen, HelpScreen):
            self.screen.dismiss()
            return
        self.push_screen(HelpScreen(keys_of(self.screen), self.lang))

    # -- navigation, used by screens and the command palette --------------------------------
    def open_case(self, case_id: str) -> None:
        """Open the case screen for a case."""
        from casetui.tui.screens.case import CaseScreen

        case = self.library.get(case_id)
        if case is None:
            self._unknown(case_id)
            return
        self.push_screen(CaseScreen(case))

    def open_sunset(self, case_id: str, present: bool = False) -> None:
        """Open the step-through sunset timeline for a case (full screen in workshop mode)."""
        from casetui.tui.screens.sunset import SunsetScreen

        case = self.library.get(case_id)
        if case is None:
            self._unknown(case_id)
            return
        self.push_screen(SunsetScreen(case, present=present))

    def open_compare(self, case_ids: Sequence[str]) -> None:
        """Open the side-by-side comparison of the given cases."""
        from casetui.tui.screens.compare import CompareScreen

        cases = [c for c in (self.library.get(i) for i in case_ids) if c is not None]
        if cases:
            self.push_screen(CompareScreen(cases))

    def toggle_mark(self, case_id: str) -> None:
        """Mark a case for comparison, or unmark it."""
        if case_id in self.marked:
            self.marked = tuple(i for i in self.marked if i != case_id)
        else:
            self.marked = (*self.marked, case_id)
