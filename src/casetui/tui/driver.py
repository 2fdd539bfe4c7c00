"""A Linux/macOS terminal driver that lets the app quit at once, and gives the terminal back on SIGTERM and SIGHUP.

Textual's `LinuxDriver` reads keys in a thread that waits in `select()` with a 0.1 s timeout and
checks an exit flag between waits; on quit it sets the flag, waits for the thread to notice, and
then sleeps another 0.1 s. Measured in tmux, that is 200 ms of the ~300 ms from `q` to the shell
prompt. This driver reads input the same way but also watches a pipe that the exit flag writes to,
so the input thread ends as soon as the app asks it to.

SIGTERM (`kill`, a system shutdown) and SIGHUP (the terminal window closed, an ssh link dropped)
end a Python process at once by default, leaving the terminal in the alternate screen, with mouse
reporting on and in raw mode (`stty -a`: `-icanon -echo`). This driver turns both into a normal
exit, as `q` and ctrl+c are, so Textual restores the terminal on the way out.

It relies on Textual's input parser, which Textual does not export; `casetui` pins Textual below 9
and the app tests drive this driver in a real pseudo-terminal, so a change there shows up at once.
"""

from __future__ import annotations

import asyncio
import os
import select
import selectors
import signal
import threading
from codecs import getincrementaldecoder
from threading import Event

from textual._parser import ParseError
from textual._xterm_parser import XTermParser
from textual.drivers.linux_driver import LinuxDriver

_EXIT_GRACE = 5.0
"""Seconds an exit asked for by SIGTERM or SIGHUP may take before the process ends without it."""


class _WakingEvent(Event):
    """The driver's exit flag: setting it also wakes the input thread's `select()`."""

    def __init__(self) -> None:
        super().__init__()
        self.wake_fd: int | None = None

    def set(self) -> None:
        super().set()
        fd = self.wake_fd
        if fd is not None:
            try:
                os.write(fd, b"\0")
            except OSError:  # The thread has already ended and closed its pipe.
                pass


class QuickExitDriver(LinuxDriver):
    """`LinuxDriver` whose input thread stops as soon as input is disabled."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.exit_event = _WakingEvent()
        self._signals: list[signal.Signals] = []
        self._signal_loop: asyncio.AbstractEventLoop | None = None

    def start_application_mode(self) -> None:
        """Enter application mode; SIGTERM and SIGHUP then end the app as `q` does."""
        super().start_application_mode()
        loop = self._signal_loop = asyncio.get_running_loop()
        for number in (signal.SIGTERM, signal.SIGHUP):
            try:
                loop.add_signal_handler(number, self._exit_on, number)
            except (ValueError, RuntimeError, NotImplementedError):  # not the main thread: the caller's to handle
                continue
            self._signals.append(number)

    def stop_application_mode(self) -> None:
        """Leave application mode and give the signals back their usual meaning."""
        try:
            super().stop_application_mode()
        finally:
            loop = self._signal_loop
            for number in self._signals:
                try:
                    if loop is not None:
                        loop.remove_signal_handler(number)
                except (ValueError, RuntimeError):
                    pass
            self._signals.clear()

    def _exit_on(self, number: signal.Signals) -> None:
        """Quit as a shell expects of a process a signal ended: exit code 128 + the signal's number.

        After a real hang-up (the terminal window closed) there is no terminal to restore, and
        writing to it fails: Textual's writer thread would die and its flush wait for ever. So
        then the process ends at once; and a watchdog ends it anyway if the exit ever stalls.
        """
        code = 128 + int(number)
        if self._hung_up():
            os._exit(code)
        watchdog = threading.Timer(_EXIT_GRACE, os._exit, (code,))
        watchdog.daemon = True
        watchdog.start()
        self._app.exit(return_code=code)

    def _hung_up(self) -> bool:
        """True when the terminal has gone (poll reports a hang-up on it)."""
        try:
            poller = select.poll()
            poller.register(self.fileno, select.POLLOUT)
            return any(mask & (select.POLLHUP | select.POLLERR | select.POLLNVAL) for _fd, mask in poller.poll(0))
        except (OSError, ValueError, AttributeError):
            return False

    def run_input_thread(self) -> None:
        """Read the terminal and dispatch events until the exit flag is set (or its pipe wakes us)."""
        wake_read, wake_write = os.pipe()
        exit_event = self.exit_event
        assert isinstance(exit_event, _WakingEvent)
        exit_event.wake_fd = wake_write
        selector = selectors.SelectSelector()
        fileno = self.fileno
        selector.register(fileno, selectors.EVENT_READ)
        selector.register(wake_read, selectors.EVENT_READ)
        parser = XTermParser(self._debug)
        decode = getincrementaldecoder("utf-8")().decode
        try:
            while not exit_event.is_set():
                # The timeout lets the parser time out a lone escape key (`tick`), as Textual's own loop does.
                for key, _mask in selector.select(0.1):
                    if key.fd != fileno:
                        continue
                    data = decode(os.read(fileno, 4096))
                    if not data:  # stdin closed (a pipe, not a terminal)
                        break
                    for event in parser.feed(data):
                        self.process_message(event)
                for event in parser.tick():
                    self.process_message(event)
        finally:
            exit_event.wake_fd = None
            selector.close()
            os.close(wake_read)
            os.close(wake_write)
            try:
                for _event in parser.feed(""):
                    pass
            except (EOFError, ParseError):  # An incomplete escape sequence at exit: nothing to deliver.
                pass
