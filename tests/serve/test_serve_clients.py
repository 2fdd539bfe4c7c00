"""`casetui serve` with clients that come and go: no app process outlives its client or the server.

The server is the real `casetui serve` on loopback; the app each client gets is a stand-in that
speaks textual-serve's protocol and keeps writing (as an app redrawing does), and writes a large
burst when told to quit, as an app tearing its screen down does: a server that stops reading its
output leaves it blocked on a full pipe for ever. Clients are aiohttp websockets. Every wait is
bounded (a minute), and only ever waits for something to happen, never measures how long it took.
"""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
import textwrap
import time
import uuid
from pathlib import Path

import pytest

pytest.importorskip("textual_serve", reason="casetui serve needs the serve extra")
aiohttp = pytest.importorskip("aiohttp", reason="the clients use aiohttp (installed with textual-serve)")

pytestmark = pytest.mark.skipif(not Path("/proc/self/cmdline").exists(), reason="finds the app processes in /proc")

FAKE_APP = textwrap.dedent(
    """
    import json, os, sys, threading, time
    out = sys.stdout.buffer
    out.write(b"__GANGLION__\\n")
    out.flush()
    quit = threading.Event()

    def packet(kind, payload):
        return kind + len(payload).to_bytes(4, "big") + payload

    def read_stdin():
        data = sys.stdin.buffer
        while True:
            head = data.read(5)
            if len(head) < 5:
                break
            body = data.read(int.from_bytes(head[1:], "big"))
            if head[:1] == b"M" and json.loads(body).get("type") == "quit":
                break
        quit.set()

    threading.Thread(target=read_stdin, daemon=True).start()
    frame = packet(b"D", b"x" * 4096)
    while not quit.is_set():
        out.write(frame)
        out.flush()
        time.sleep(0.01)
    out.write(frame * 64)  # tearing the screen down: more than a pipe holds
    out.flush()
    """
)

SERVER = textwrap.dedent(
    """
    import shlex, sys
    import casetui.cli.commands.serve as serve
    fake, token = sys.argv[1], sys.argv[2]
    serve.served_command = lambda opts, python=sys.executable: shlex.join([python, "-c", fake, token])
    sys.argv = ["casetui", *sys.argv[3:]]
    from casetui.entry import main
    main()
    """
)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _apps(token: str, marker: bytes = b"-c") -> list[int]:
    """Processes whose command line holds `token`: the stand-in apps of this test (and the shells that start them)."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit() or int(entry) in _servers:
            continue
        try:
            cmdline = Path(f"/proc/{entry}/cmdline").read_bytes()
            state = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if token.encode() in cmdline and marker in cmdline and state != "Z":
            found.append(int(entry))
    return found


_servers: set[int] = set()
"""The servers' own processes, whose command lines hold the token too."""


def _wait_for(condition, what: str) -> None:
    for _ in range(600):
        if condition():
            return
        time.sleep(0.1)
    pytest.fail(f"gave up waiting: {what}")


def _listening(port: int, process: subprocess.Popen[bytes], log: Path) -> bool:
    if process.poll() is not None:
        pytest.fail(f"casetui serve exited: {log.read_text(errors='replace')}")
    try:
        socket.create_connection(("127.0.0.1", port), timeout=1).close()
    except OSError:
        return False
    return True


async def _client(url: str, leave: bool = True) -> object:
    """Connect, see the app draw, and (with `leave`) close the tab."""
    session = aiohttp.ClientSession()
    socket_ = await session.ws_connect(url)
    message = await asyncio.wait_for(socket_.receive(), 60)
    assert message.type == aiohttp.WSMsgType.BINARY, message
    if leave:
        await socket_.close()
        await session.close()
        return None
    return session, socket_


@pytest.fixture
def server(tmp_path: Path):
    """Start `casetui serve` with stand-in apps; yield (port, token, process, log); always stop it."""
    port, token = _free_port(), f"casetui-test-app-{uuid.uuid4().hex}"
    fake = tmp_path / "fake_app.py"
    fake.write_text(FAKE_APP, encoding="utf-8")
    log = tmp_path / "serve.log"
    env = {**os.environ, "CASETUI_CASES": "", "CASETUI_CACHE_DIR": str(tmp_path / "cache"), "NO_COLOR": "1"}
    code = f"exec(open({str(fake)!r}).read())"
    with log.open("wb") as output:
        process = subprocess.Popen(
            [sys.executable, "-c", SERVER, code, token, "--no-bundled", "serve", "--port", str(port)],
            stdout=output,
            stderr=subprocess.STDOUT,
            env=env,
            start_new_session=True,
        )
    _servers.add(process.pid)

    try:
        _wait_for(lambda: _listening(port, process, log), "the server to listen")
        yield port, token, process, log
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        for pid in _apps(token):
            os.kill(pid, signal.SIGKILL)


def test_thirty_clients_come_and_go_and_no_app_process_remains(server) -> None:
    port, token, process, _log = server
    url = f"http://127.0.0.1:{port}/ws?width=80&height=24"

    async def clients() -> None:
        for _batch in range(3):
            await asyncio.gather(*(_client(url) for _ in range(10)))

    asyncio.run(clients())
    _wait_for(lambda: not _apps(token), f"every app to end ({len(_apps(token))} left)")
    assert process.poll() is None, "the server is still up"


@pytest.mark.heavy
def test_stopping_the_server_ends_its_apps_without_a_traceback(server) -> None:
    port, token, process, log = server
    url = f"http://127.0.0.1:{port}/ws?width=80&height=24"

    async def stay() -> list[object]:
        return [await _client(url, leave=False) for _ in range(3)]

    loop = asyncio.new_event_loop()
    try:
        connected = loop.run_until_complete(stay())
        assert len(_apps(token)) >= 3
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=60) == 0
        for session, _socket in connected:  # type: ignore[misc]
            loop.run_until_complete(session.close())
    finally:
        loop.close()
    _wait_for(lambda: not _apps(token), "every app to end with the server")
    text = log.read_text(errors="replace")
    assert "Traceback" not in text and "Event loop is closed" not in text, text


def test_real_apps_end_when_their_tabs_close(tmp_path: Path) -> None:
    """The same with the app itself (three tabs: an app start costs about a second of CPU)."""
    library = tmp_path / f"cases-{uuid.uuid4().hex}"  # in every app's command line: how this test finds them
    library.mkdir()
    for source in Path(__file__).resolve().parents[1].joinpath("fixtures", "library").glob("*.toml"):
        (library / source.name).write_bytes(source.read_bytes())
    port = _free_port()
    env = {**os.environ, "CASETUI_CASES": "", "CASETUI_CACHE_DIR": str(tmp_path / "cache"), "NO_COLOR": "1"}
    command = [sys.executable, "-m", "casetui", "--no-bundled", "--cases", str(library), "serve", "--port", str(port)]
    log = tmp_path / "serve.log"
    with log.open("wb") as output:
        process = subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT, env=env, start_new_session=True)
    _servers.add(process.pid)
    token = library.name
    try:
        _wait_for(lambda: _listening(port, process, log), "the server to listen")
        url = f"http://127.0.0.1:{port}/ws?width=80&height=24"

        async def clients() -> None:
            await asyncio.gather(*(_client(url) for _ in range(3)))

        asyncio.run(clients())
        _wait_for(lambda: not _apps(token, marker=b"served-app"), "every app to end")
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=60) == 0
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        for pid in _apps(token, marker=b"served-app"):
            os.kill(pid, signal.SIGKILL)
    assert "Traceback" not in log.read_text(errors="replace")
