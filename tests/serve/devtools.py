"""Just enough of the Chrome DevTools protocol to load a page, press keys and read a served terminal.

textual-serve's page draws the terminal with xterm.js on a canvas, and keeps the terminal object to
itself, so the page holds no text to read. What the app sends arrives over the page's websocket; the
DevTools Network domain reports every frame, and the terminal's text is in them (escape codes aside).
Screenshots show what the user sees.
"""

from __future__ import annotations

import asyncio
import base64
import json
import re
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import aiohttp

ESCAPE = re.compile(rb"\x1b(?:\[[0-9;?<>=!]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[@-_])")
"""CSI, OSC and two-byte escape sequences: what is left is the text the terminal shows."""

CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--remote-debugging-address=127.0.0.1",
    "--remote-debugging-port=0",
    # Loopback only: the page also asks Google for a font; answer every other name with "not found".
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
    "--window-size=1280,800",
)


@contextmanager
def chromium(binary: str, timeout: float = 15.0) -> Iterator[int]:
    """Run a headless Chromium with a fresh profile; yield its DevTools port; always stop it."""
    with tempfile.TemporaryDirectory(prefix="casetui-chromium-") as profile:
        process = subprocess.Popen(
            [binary, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "about:blank"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        try:
            yield _devtools_port(Path(profile) / "DevToolsActivePort", process, timeout)
        finally:
            stop(process)


def stop(process: subprocess.Popen[Any]) -> None:
    """End a process started in its own session, and everything it started, within a few seconds."""
    import os
    import signal

    for sig, wait in ((signal.SIGTERM, 5), (signal.SIGKILL, 5)):
        if process.poll() is not None:
            break
        try:
            os.killpg(process.pid, sig)
        except ProcessLookupError:
            break
        try:
            process.wait(wait)
        except subprocess.TimeoutExpired:
            continue
    try:
        os.killpg(process.pid, signal.SIGKILL)  # Children the leader left behind, if any.
    except (ProcessLookupError, PermissionError):
        pass


def _devtools_port(port_file: Path, process: subprocess.Popen[Any], timeout: float) -> int:
    """The port Chromium chose, from the file it writes in its profile once DevTools listens."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"chromium exited with code {process.returncode}")
        lines = port_file.read_text().split() if port_file.exists() else []
        if lines and lines[0].isdigit():
            return int(lines[0])
        time.sleep(0.05)
    raise TimeoutError("chromium did not open its DevTools port")


class Page:
    """One browser tab over DevTools: navigate, press keys, read what the served terminal was sent."""

    def __init__(self, ws: aiohttp.ClientWebSocketResponse) -> None:
        self._ws = ws
        self._next_id = 0
        self._pending: dict[int, asyncio.Future[dict[str, Any]]] = {}
        self.frames: list[bytes] = []
        """Every websocket frame the page received, in order."""
        self._reader = asyncio.create_task(self._read())

    @classmethod
    async def open(cls, session: aiohttp.ClientSession, port: int) -> Page:
        """Attach to the first tab of the Chromium listening on `port`."""
        async with session.get(f"http://127.0.0.1:{port}/json/list") as response:
            targets = await response.json()
        target = next(t for t in targets if t["type"] == "page")
        ws = await session.ws_connect(target["webSocketDebuggerUrl"], max_msg_size=0)
        page = cls(ws)
        await page.call("Network.enable")
        await page.call("Page.enable")
        return page

    async def close(self) -> None:
        self._reader.cancel()
        await self._ws.close()

    async def _read(self) -> None:
        async for message in self._ws:
            data = json.loads(message.data)
            if "id" in data:
                future = self._pending.pop(data["id"], None)
                if future is not None and not future.done():
                    future.set_result(data)
            elif data.get("method") == "Network.webSocketFrameReceived":
                frame = data["params"]["response"]
                payload = frame["payloadData"]
                self.frames.append(base64.b64decode(payload) if frame["opcode"] == 2 else payload.encode())

    async def call(self, method: str, **params: Any) -> dict[str, Any]:
        """Send one DevTools command and return its result."""
        self._next_id += 1
        future: asyncio.Future[dict[str, Any]] = asyncio.get_running_loop().create_future()
        self._pending[self._next_id] = future
        await self._ws.send_json({"id": self._next_id, "method": method, "params": params})
        reply = await asyncio.wait_for(future, 10)
        if "error" in reply:
            raise RuntimeError(f"{method}: {reply['error']}")
        return reply.get("result", {})

    def text(self, since: int = 0) -> str:
        """The text of the frames received from frame number `since` on, without escape codes."""
        return ESCAPE.sub(b"", b"".join(self.frames[since:])).decode("utf-8", "replace")

    async def wait_for_text(self, wanted: str, since: int = 0, timeout: float = 20.0) -> None:
        """Wait until the terminal has been sent `wanted`."""
        deadline = time.monotonic() + timeout
        while wanted not in self.text(since):
            if time.monotonic() > deadline:
                raise TimeoutError(f"{wanted!r} never reached the page; it got: {self.text(since)[-600:]!r}")
            await asyncio.sleep(0.1)

    async def screenshot(self) -> bytes:
        """A PNG of the tab."""
        return base64.b64decode((await self.call("Page.captureScreenshot"))["data"])

    async def settled_screenshot(self, timeout: float = 10.0) -> bytes:
        """A screenshot once two in a row, a quarter second apart, are the same (drawing has finished)."""
        deadline = time.monotonic() + timeout
        last = await self.screenshot()
        while time.monotonic() < deadline:
            await asyncio.sleep(0.25)
            shot = await self.screenshot()
            if shot == last:
                return shot
            last = shot
        raise TimeoutError("the page kept changing")

    async def press(self, key: str, code: str, key_code: int, shift: bool = False) -> None:
        """Press and release one printable key in the focused element."""
        modifiers = 8 if shift else 0
        await self.call(
            "Input.dispatchKeyEvent",
            type="keyDown",
            key=key,
            code=code,
            text=key,
            windowsVirtualKeyCode=key_code,
            modifiers=modifiers,
        )
        await self.call("Input.dispatchKeyEvent", type="keyUp", key=key, code=code, windowsVirtualKeyCode=key_code)

    async def evaluate(self, expression: str) -> Any:
        """The value of a JavaScript expression in the page."""
        result = await self.call("Runtime.evaluate", expression=expression, returnByValue=True)
        return result["result"].get("value")
