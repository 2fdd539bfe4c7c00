"""textual-serve's server, with every app process ended when its browser tab goes or the server stops.

textual-serve (1.1) starts one app process per websocket and, when the tab closes, sends the app
`quit` and stops reading its output as soon as forwarding to the closed socket fails. An app that
is still writing (drawing, or tearing its screen down) then blocks on a full pipe for ever, and
nothing waits for it: of 30 tabs opened and closed, 3 app processes stayed. On Ctrl+C the app
processes still running were left for the garbage collector, whose clean-up after the event loop had
closed printed `RuntimeError: Event loop is closed` tracebacks.

Here each app runs in a process group of its own (the shell textual-serve starts it with may not
`exec` it), and ending an app means: ask it to quit, keep reading and discarding its output so
that it can finish, wait a few seconds, then SIGTERM and at last SIGKILL the group, and close its
pipes while the loop still runs. The server ends every app this way when a tab goes, and all that
remain when it stops. Only this module imports textual-serve, and only when `casetui serve` runs.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import signal
from typing import Any

from aiohttp import web
from textual_serve.app_service import AppService
from textual_serve.server import Server, to_int

log = logging.getLogger("textual-serve")

QUIT_GRACE = 5.0
"""Seconds an app has to quit by itself once its tab has gone (or the server stops)."""
TERM_GRACE = 2.0
"""Seconds between SIGTERM and SIGKILL."""


class EndingAppService(AppService):
    """One app process, which `end` is sure to end."""

    async def _open_app_process(self, width: int = 80, height: int = 24) -> asyncio.subprocess.Process:
        """As textual-serve starts it, in a new session: the shell and the app form one group to signal."""
        environment = self._build_environment(width=width, height=height)
        self._process = process = await asyncio.create_subprocess_shell(
            self.command,
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
            env=environment,
            start_new_session=os.name == "posix",
        )
        assert process.stdin is not None
        self._stdin = process.stdin
        return process

    async def end(self) -> None:
        """Ask the app to quit, let it finish writing, and make sure its process ends."""
        process = self._process
        if process is None:
            return
        with contextlib.suppress(Exception):
            await self._download_manager.cancel_app_downloads(app_service_id=self.app_service_id)
        if process.returncode is None:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(self.send_meta({"type": "quit"}), QUIT_GRACE)
        task, self._task = self._task, None
        if task is not None and not task.done():
            task.cancel()  # It forwards output to a tab that has gone; the drains below read it instead.
        with contextlib.suppress(BaseException):
            if task is not None:
                await task
        drains = [asyncio.ensure_future(_drain(stream)) for stream in (process.stdout, process.stderr) if stream]
        try:
            await self._wait_or_signal(process)
        finally:
            for drain in drains:
                drain.cancel()
            await asyncio.gather(*drains, return_exceptions=True)
            with contextlib.suppress(Exception):
                self.stdin.close()
            transport = getattr(process, "_transport", None)
            if transport is not None:  # Closed now, while the loop runs, not by the garbage collector.
                transport.close()

    async def _wait_or_signal(self, process: asyncio.subprocess.Process) -> None:
        for number, grace in ((None, QUIT_GRACE), (signal.SIGTERM, TERM_GRACE), (signal.SIGKILL, None)):
            if number is not None:
                _signal_group(process.pid, number)
            try:
                await asyncio.wait_for(process.wait(), grace)
                return
            except asyncio.TimeoutError:
                continue


async def _drain(stream: asyncio.StreamReader) -> None:
    """Read `stream` to its end, discarding it: an app blocked writing to a full pipe cannot quit."""
    while await stream.read(1 << 16):
        pass


def _signal_group(pid: int, number: signal.Signals) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError, OSError):
        if os.name == "posix":
            os.killpg(pid, number)
        else:
            os.kill(pid, number)


class EndingServer(Server):
    """textual-serve's `Server`, whose app processes end with their tab, and all of them with the server."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._services: set[EndingAppService] = set()

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        """One tab: start its app, pass messages until the tab goes, then end the app."""
        websocket = web.WebSocketResponse(heartbeat=15)
        width = to_int(request.query.get("width", "80"), 80)
        height = to_int(request.query.get("height", "24"), 24)
        service: EndingAppService | None = None
        try:
            await websocket.prepare(request)
            service = EndingAppService(
                self.command,
                write_bytes=websocket.send_bytes,
                write_str=websocket.send_str,
                close=websocket.close,
                download_manager=self.download_manager,
                debug=self.debug,
            )
            self._services.add(service)
            await service.start(width, height)
            await self._process_messages(websocket, service)
        except asyncio.CancelledError:
            with contextlib.suppress(Exception):
                await websocket.close()
        except Exception as error:  # As textual-serve does: one tab's failure is logged, the server goes on.
            log.exception(error)
        finally:
            if service is not None:
                # Shielded: a server shutting down cancels this handler, and the app must still end.
                with contextlib.suppress(BaseException):
                    await asyncio.shield(service.end())
                self._services.discard(service)
        return websocket

    async def on_shutdown(self, app: web.Application) -> None:
        """End every app still running before the event loop closes."""
        await asyncio.gather(*(service.end() for service in list(self._services)), return_exceptions=True)
        self._services.clear()
