"""`casetui serve` end to end: a real server on loopback, headless Chromium loads the page, a key press
changes the screen."""

from __future__ import annotations

import asyncio
import os
import shutil
import socket
import struct
import subprocess
import sys
import time
import zlib
from pathlib import Path

import pytest

from .conftest import FIXTURES

pytest.importorskip("textual_serve", reason="casetui serve needs the serve extra")
aiohttp = pytest.importorskip("aiohttp", reason="the DevTools client uses aiohttp (installed with textual-serve)")

from .devtools import Page, chromium, stop  # noqa: E402  (needs aiohttp, checked above)

CHROMIUM = os.environ.get("CASETUI_CHROMIUM") or next(
    (found for name in ("chromium", "chromium-browser", "google-chrome") if (found := shutil.which(name))), None
)

pytestmark = [
    pytest.mark.skipif(CHROMIUM is None, reason="no chromium on PATH (CI installs it; or set CASETUI_CHROMIUM)"),
    pytest.mark.skipif(os.name != "posix", reason="process groups keep the server and browser cleanup simple"),
]


def free_port() -> int:
    """A port nothing listens on now (a small race with other programs, harmless in a test)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_for_port(port: int, server: subprocess.Popen[bytes], log: Path, timeout: float = 15.0) -> None:
    """Wait until the server accepts connections; fail with its output if it dies first."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"casetui serve exited with {server.returncode}: {log.read_text(errors='replace')}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.1)
    pytest.fail(f"casetui serve did not listen on port {port}: {log.read_text(errors='replace')}")


async def switch_language_in_the_browser(devtools_port: int, url: str) -> tuple[bytes, bytes, bytes, Page]:
    """Load the app, wait for the library, press `L` twice; the screen before, after one press and after two."""
    async with aiohttp.ClientSession() as session:
        page = await Page.open(session, devtools_port)
        try:
            await page.call("Page.navigate", url=url)
            await page.wait_for_text("Alpha Club")
            before = await page.settled_screenshot()
            focused = await page.evaluate(
                "(() => { const t = document.querySelector('.xterm-helper-textarea');"
                " if (t) { t.focus(); } return document.activeElement?.className ?? ''; })()"
            )
            assert "xterm-helper-textarea" in focused, "the terminal did not take the keyboard"
            mark = len(page.frames)
            await page.press("L", "KeyL", 76, shift=True)  # L: switch the display language to Chinese.
            await page.wait_for_text("阿尔法会员店", since=mark)
            after = await page.settled_screenshot()
            mark = len(page.frames)
            await page.press("L", "KeyL", 76, shift=True)  # and back to English
            await page.wait_for_text("Alpha Club", since=mark)
            back = await page.settled_screenshot()
            return before, after, back, page
        finally:
            await page.close()


def pixel_rows(png: bytes) -> list[bytes]:
    """The rows of pixels of an 8-bit, non-interlaced PNG (what Chromium's screenshots are), unfiltered."""
    assert png.startswith(b"\x89PNG\r\n\x1a\n"), "not a PNG"
    at, data, header = 8, b"", b""
    while at < len(png):
        (length,) = struct.unpack(">I", png[at : at + 4])
        kind, body = png[at + 4 : at + 8], png[at + 8 : at + 8 + length]
        header = body if kind == b"IHDR" else header
        data += body if kind == b"IDAT" else b""
        at += 12 + length
    width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", header)
    assert depth == 8 and interlace == 0 and colour in (2, 6), (depth, colour, interlace)
    size = 3 if colour == 2 else 4
    raw, stride = zlib.decompress(data), width * size
    rows: list[bytes] = []
    previous = bytearray(stride)
    for y in range(height):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)])
        for x in range(stride):
            left = line[x - size] if x >= size else 0
            up, corner = previous[x], previous[x - size] if x >= size else 0
            if kind == 1:
                line[x] = (line[x] + left) & 0xFF
            elif kind == 2:
                line[x] = (line[x] + up) & 0xFF
            elif kind == 3:
                line[x] = (line[x] + (left + up) // 2) & 0xFF
            elif kind == 4:
                guess = left + up - corner
                near = min((abs(guess - left), 0, left), (abs(guess - up), 1, up), (abs(guess - corner), 2, corner))
                line[x] = (line[x] + near[2]) & 0xFF
        rows.append(bytes(line))
        previous = line
    return rows


@pytest.mark.heavy
def test_the_browser_shows_the_library_and_a_key_press_changes_the_screen(tmp_path: Path) -> None:
    assert CHROMIUM is not None
    port = free_port()
    log = tmp_path / "serve.log"
    env = {
        **os.environ,
        "CASETUI_CASES": "",
        "CASETUI_CACHE_DIR": str(tmp_path / "cache"),
        "CASETUI_SCREENSHOT_DIR": str(tmp_path / "shots"),
        "CASETUI_LANG": "en",
        "NO_COLOR": "1",
    }
    command = [sys.executable, "-m", "casetui", "--no-bundled", "--cases", str(FIXTURES), "serve", "--port", str(port)]
    with log.open("wb") as output:
        server = subprocess.Popen(
            command, stdout=output, stderr=subprocess.STDOUT, env=env, cwd=tmp_path, start_new_session=True
        )
    try:
        wait_for_port(port, server, log)
        with chromium(CHROMIUM) as devtools_port:
            run = switch_language_in_the_browser(devtools_port, f"http://127.0.0.1:{port}/")
            before, after, back, page = asyncio.run(asyncio.wait_for(run, 60))
    finally:
        stop(server)
    assert "Beta Market" in page.text(), "the whole fixture library is listed"
    before_rows, after_rows, back_rows = pixel_rows(before), pixel_rows(after), pixel_rows(back)
    # The same state shows the same pixels, so a difference below is the key's doing, not noise. The top
    # line is left out: the header draws its title a shade brighter once it has been redrawn.
    below_header = len(before_rows) // 20
    assert back_rows[below_header:] == before_rows[below_header:], "pressing L twice did not bring English back"
    changed = sum(a != b for a, b in zip(before_rows, after_rows, strict=True))
    # Every case name, the title and the footer change language: many lines of text, not a stray pixel.
    assert changed >= len(before_rows) // 10, f"only {changed} of {len(before_rows)} pixel rows changed"
    assert not (tmp_path / "cache").exists() and not (tmp_path / "shots").exists(), "the served app wrote files"
