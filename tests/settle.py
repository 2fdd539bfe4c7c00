"""The pilot's wait after a key: until the app has handled it, not until the process looks idle.

Textual's pilot waits after every key (`Pilot.press`) and in `Pilot.pause()` with `wait_for_idle`. It
sleeps in 20 ms steps until one step passes in which the process used under 1 ms of CPU: at least
40 ms a key, which was half the wall time of the app tests and left two cores half idle. It is also
a guess: a process the scheduler keeps waiting for a whole step looks idle with the key unhandled.

`settled` waits for the thing itself. It lets the event loop deliver what was sent (the headless
driver posts a key from the next loop turn), waits until the app, its screen and every widget on it
have handled every message queued so far, then does the screen's pending layout and repaint at once,
as its update timer would; a terminal resize waiting out the app's debounce timer is sent on at
once, as the timer would send it. It repeats until a round ends with no message queued anywhere
and nothing left to lay out or paint.

Two things show only as CPU time, so upstream's wait follows them: a worker the app runs (the
presenter link, the speaker's follow loop), and a screen that will not settle in `ROUNDS` rounds.
Time-driven behaviour (a timer, the file watcher's thread) is no one's business here: the tests that
need it wait for what it does, with `Pilot.pause(delay)` or a deadline loop.
"""

from __future__ import annotations

import asyncio

import pytest
import textual.app
import textual.pilot
from textual._context import active_app
from textual._wait import wait_for_idle as idle_by_cpu_time
from textual.app import App
from textual.message_pump import MessagePump
from textual.worker import WorkerState

ROUNDS = 100
"""A key whose effects are still queueing messages after this many rounds is left to upstream's wait."""

LOOP_TURNS = 3
"""Loop turns before a round: `run_coroutine_threadsafe` schedules the post, a task makes it."""


def _busy_workers(app: App[object]) -> bool:
    return any(worker.state in (WorkerState.PENDING, WorkerState.RUNNING) for worker in app.workers)


async def _handled(pumps: list[MessagePump]) -> None:
    """Return once each pump has handled every message queued on it now (as `Pilot._wait_for_screen`)."""
    waiting = len(pumps)
    done = asyncio.Event()

    def one_done() -> None:
        nonlocal waiting
        waiting -= 1
        if not waiting:
            done.set()

    for pump in pumps:
        if not pump.call_later(one_done):  # a pump closing takes no more messages
            one_done()
    await done.wait()


async def _one_round(app: App[object]) -> bool:
    """Handle what is queued, lay out and paint; True when nothing was queued and nothing was left to do."""
    for _ in range(LOOP_TURNS):
        await asyncio.sleep(0)
    if app._resize_event is not None:
        app._check_resize()  # What the app's 1/120 s resize debounce timer does when it fires.
    screen = app.screen
    # Only the pumps with messages waiting: a message to each of a screen's hundreds of widgets,
    # every round, cost more than the keys. (`Pilot.press` still ends with one to each.)
    busy = [pump for pump in (app, *screen.walk_children(with_self=True)) if not pump._message_queue.empty()]
    if busy:
        await _handled(busy)
    screen = app.screen  # a key handled may have opened or closed a screen
    dirty = (
        screen._layout_required
        or screen._scroll_required
        or screen._repaint_required
        or screen._recompose_required
        or bool(screen._dirty_widgets)
    )
    if dirty:
        screen._on_timer_update()
    return not busy and not dirty


async def settled(min_sleep: float = 0.0, max_sleep: float = 1.0) -> None:
    """A drop-in for `textual._wait.wait_for_idle` in the pilot: returns once the app has settled."""
    try:
        app = active_app.get()
        app.screen  # noqa: B018 - raises while the app has no screen (starting or closing)
    except Exception:
        await idle_by_cpu_time(min_sleep, max_sleep)
        return
    if not app.is_running:
        return
    for _ in range(ROUNDS):
        if await _one_round(app):
            break
    else:
        await idle_by_cpu_time(min_sleep, max_sleep)
        return
    if _busy_workers(app):
        await idle_by_cpu_time(min_sleep, max_sleep)


def install(monkeypatch: pytest.MonkeyPatch) -> None:
    """Put `settled` where the pilot and `App._press_keys` look up `wait_for_idle`."""
    monkeypatch.setattr(textual.app, "wait_for_idle", settled)
    monkeypatch.setattr(textual.pilot, "wait_for_idle", settled)
