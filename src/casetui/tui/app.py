"""The casetui Textual app: thin; screens and widgets live in their own modules."""

from __future__ import annotations

import contextlib
import gc
import threading
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.driver import Driver
from textual.reactive import reactive
from textual.screen import Screen

from casetui.i18n import LANGUAGES
from casetui.index_cache import IndexCache
from casetui.library import Library, load_library
from casetui.tui.commands import CaseCommands
from casetui.tui.labels import localize_bindings, word
from casetui.tui.reloading import CaseReloaded
from casetui.tui.screens.library import LibraryScreen

if TYPE_CHECKING:  # The link and the sunset load only when a case is presented.
    from casetui.present_link import PresenterServer
    from casetui.tui.screens.sunset import SunsetScreen

WATCH_AFTER = 0.5
"""Seconds after the first frame before live reload starts: importing the watcher (some 50 ms of CPU)
would otherwise compete with the frames that complete the first screen."""

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
        *,
        watch: bool = False,
        speaker: bool = False,
        speaker_pid: int | None = None,
        spoilers: bool = True,
    ) -> None:
        super().__init__()
        self.dirs = list(dirs)
        self.present = present
        self.speaker = speaker
        """With `present`: open the speaker view of that case, which follows its presenter."""
        self.speaker_pid = speaker_pid
        self._presenter: PresenterServer | None = None
        self.watch_files = watch
        """Whether saved case files are read again while the app runs (live reload)."""
        self._stop_watching = threading.Event()
        self.watching = False
        """True once the watcher thread has been started."""
        self.spoilers = spoilers
        """False: the presented sunset opens with what comes after each step hidden."""
        self.library: Library = load_library(self.dirs, cache)
        self.set_reactive(CaseTUI.lang, lang)
        # Before anything is drawn, so the footer's first keys are already in `lang`. (From `on_mount`
        # the footer would not hear of it: the app is not yet mounted, so refresh_bindings does nothing.)
        localize_bindings(self, lang)

    def get_default_screen(self) -> Screen[Any]:
        """The library, where every session starts; in workshop mode the case's sunset (or speaker view), alone.

        Workshop mode quits rather than going back, so the library is not built beneath it: its
        first frame is the sunset's, not the library's half replaced.
        """
        case = self.library.get(self.present) if self.present is not None else None
        if case is not None:
            from casetui.tui.screens.speaker import SpeakerScreen
            from casetui.tui.screens.sunset import SunsetScreen

            screen: Screen[Any]
            if self.speaker:
                screen = SpeakerScreen(case, self.speaker_pid)
            else:
                screen = SunsetScreen(case, present=True, spoilers=self.spoilers)
            # Textual loads a screen's own stylesheet when it is pushed, not for the default screen.
            self._load_screen_css(screen)
            return screen
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
            says = (
                word("one_problem", self.lang) if len(problems) == 1 else word("n_problems", self.lang, n=len(problems))
            )
            self.notify(says, severity="warning", markup=False, timeout=8)
        if self.present is None:
            return
        if self.library.get(self.present) is None:
            self._unknown(self.present)
        elif not self.speaker:
            self.run_worker(self._start_presenting(self.present), name="presenter-link")

    def on_ready(self) -> None:
        """After the first frame: if start-up ran with the collector off (`casetui.launch`), turn it back on.

        What start-up made lives as long as the app, so it is frozen first: later collections need
        not walk it (which also keeps their pauses out of keystrokes on a large library). Live reload
        starts a little later still.
        """
        if not gc.isenabled():
            gc.freeze()
            gc.enable()
        if self.watch_files:
            self.set_timer(WATCH_AFTER, self.start_watching)

    def on_unmount(self) -> None:
        self._stop_watching.set()
        if self._presenter is not None:
            self._presenter.close_now()

    # -- the speaker view's link -------------------------------------------------------------
    async def _start_presenting(self, case_id: str) -> None:
        """Let speaker views (`casetui present ID --speaker`) follow this presentation and step it."""
        from casetui.present_link import LinkError, PresenterServer, available

        if not available():
            return  # No Unix sockets (Windows): presenting works, without a speaker view.
        server = PresenterServer(case_id, self._speaker_stepped)
        try:
            await server.start()
        except LinkError as error:
            self.notify(str(error), severity="warning", markup=False, timeout=8)
            return
        self._presenter = server

    def _speaker_stepped(self, position: int) -> None:
        """A speaker view stepped: the projected sunset goes there too."""
        from casetui.tui.screens.sunset import SunsetScreen

        screen = self.screen
        if (
            isinstance(screen, SunsetScreen)
            and self._presenter is not None
            and screen.case.id == self._presenter.case_id
        ):
            screen.show_step(position)

    def on_sunset_screen_stepped(self, message: SunsetScreen.Stepped) -> None:
        """The presenter stepped: every speaker view follows."""
        if self._presenter is not None and message.case_id == self._presenter.case_id:
            self._presenter.publish(message.position)

    # -- live reload -----------------------------------------------------------------------
    def start_watching(self) -> None:
        """Watch the library's folders in a thread, and read each saved case file again.

        Started after the first screen is complete (`WATCH_AFTER`), so that a library of any size opens as
        fast as without it. A daemon thread rather than a worker: the app's exit must not wait for the
        watcher to notice.
        """
        roots = list(self.library.roots)
        self.watching = True
        threading.Thread(target=self._watch, args=(roots,), name="casetui-watch", daemon=True).start()

    def _watch(self, roots: list[Path]) -> None:
        from casetui.watching import watch_paths

        try:
            for changed in watch_paths(roots, self._stop_watching):
                self.call_from_thread(self.reload_files, changed)
        except (OSError, RuntimeError) as error:  # inotify limits reached, or the app closed meanwhile.
            if not self._stop_watching.is_set():
                with contextlib.suppress(RuntimeError):  # The app may be gone by now.
                    self.call_from_thread(self.notify, str(error), severity="warning", markup=False)

    def reload_files(self, paths: Iterable[Path]) -> list[str]:
        """Read these case files again and tell every open screen which cases changed."""
        changed = self.library.reload(paths)
        for case_id in changed:
            entry = self.library.entries.get(case_id)
            for screen in self.screen_stack:
                screen.post_message(CaseReloaded(case_id, entry, self.library))
        return changed

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

    def action_command_palette(self) -> None:
        """The command palette, in the app's language."""
        from casetui.tui.palette import Palette

        if self.use_command_palette and not Palette.is_open(self):
            self.push_screen(Palette(placeholder=word("palette_placeholder", self.lang), id="--command-palette"))

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """Textual's commands (theme, quit, keys, screenshot), named in the app's language."""
        from casetui.tui.palette import localized_commands

        return localized_commands(super().get_system_commands(screen), self.lang)

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
        self.push_screen(HelpScreen(keys_of(self.screen), self.lang, self._help_notes()))

    def _help_notes(self) -> list[str]:
        """What the keys screen says beyond keys: the speaker view when presenting, live reload when on."""
        notes = []
        if self.present is not None and (self.speaker or getattr(self.screen, "present", False)):
            key = "help_speaker_here" if self.speaker else "help_speaker"
            notes.append(word(key, self.lang, id=self.present))
        if self.watch_files:
            notes.append(word("help_live_reload", self.lang))
        return notes

    # -- navigation, used by screens and the command palette --------------------------------
    def open_case(self, case_id: str) -> None:
        """Open the case screen for a case."""
        from casetui.tui.screens.case import CaseScreen

        case = self.library.get(case_id)
        if case is None:
            self._unknown(case_id)
            return
        self.push_screen(CaseScreen(case))

    def open_sunset(self, case_id: str, present: bool = False, spoilers: bool = True) -> None:
        """Open the step-through sunset timeline for a case (full screen in workshop mode)."""
        from casetui.tui.screens.sunset import SunsetScreen

        case = self.library.get(case_id)
        if case is None:
            self._unknown(case_id)
            return
        self.push_screen(SunsetScreen(case, present=present, spoilers=spoilers))

    def open_speaker(self, case_id: str, pid: int | None = None) -> None:
        """Open the speaker view of a case: it follows the presenter of that case (`pid` when several)."""
        from casetui.tui.screens.speaker import SpeakerScreen

        case = self.library.get(case_id)
        if case is None:
            self._unknown(case_id)
            return
        self.push_screen(SpeakerScreen(case, pid))

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
