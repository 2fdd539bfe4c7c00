"""A screenshot never writes into a FIFO (or a device) that sits where its file would go."""

from __future__ import annotations

import os
import select
import stat
import threading
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")


def test_a_fifo_in_the_screenshot_place_is_left_alone(app_factory, drive, tmp_path: Path, monkeypatch) -> None:
    shots = tmp_path / "shots"
    shots.mkdir()
    fifo = shots / "shot.svg"
    os.mkfifo(fifo)
    monkeypatch.setenv("CASETUI_SCREENSHOT_DIR", str(shots))
    # A reader kept open, drained by a thread: a build that writes into the FIFO neither blocks nor hides it.
    reader = os.open(fifo, os.O_RDWR | os.O_NONBLOCK)
    received = bytearray()
    done = threading.Event()

    def drain() -> None:
        while not done.is_set():
            if select.select([reader], [], [], 0.05)[0]:
                received.extend(os.read(reader, 1 << 16))

    thread = threading.Thread(target=drain, daemon=True)
    thread.start()
    app = app_factory()

    async def scenario(pilot) -> None:
        assert app.deliver_screenshot("shot.svg") is None
        await pilot.pause()
        messages = [str(n.message) for n in app._notifications]
        assert any("named pipe" in m for m in messages), messages

    try:
        drive(app, scenario)
    finally:
        done.set()
        thread.join()
        os.close(reader)
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert bytes(received) == b""
