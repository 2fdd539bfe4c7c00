"""The presenter/speaker pairing: its messages, the choice of presenter, and both sides over a real socket."""

from __future__ import annotations

import asyncio
import os
import shutil
import socket
import stat
import subprocess
import sys
import tempfile
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path

import pytest

from casetui import present_link
from casetui.present_link import (
    Choice,
    Follower,
    LinkState,
    Presenter,
    PresenterServer,
    Step,
    choose,
    decode,
    encode,
    presenters,
)

pytestmark = pytest.mark.skipif(not present_link.available(), reason="no Unix sockets here")

DEADLINE = 10.0


@pytest.fixture
def folder() -> Iterator[Path]:
    """A short private folder: a socket's path must stay under about 100 bytes, which tmp_path may not."""
    path = Path(tempfile.mkdtemp(prefix="ct-"))
    try:
        yield path / "run"
    finally:
        shutil.rmtree(path, ignore_errors=True)


def dead_pid() -> int:
    """The id of a process that has ended."""
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def test_messages_round_trip_and_bad_lines_are_dropped() -> None:
    assert decode(encode(Step("alpha-club", 3))) == Step("alpha-club", 3)
    assert decode(encode(Step("alpha-club", 0, ack=2))) == Step("alpha-club", 0, 2)
    assert encode(Step("alpha-club", 3)) == b'{"case":"alpha-club","step":3}\n'
    bad_lines = (
        b"",
        b"nonsense\n",
        b"[1]\n",
        b'{"case": 1, "step": 2}\n',
        b'{"case": "a", "step": -1}\n',
        b'{"case": "a", "step": true}\n',
        b'{"case": "a", "step": "2"}\n',
        b'{"case": "a", "step": 1, "ack": -1}\n',
        b"\xff\xfe\n",
    )
    for bad in bad_lines:
        assert decode(bad) is None, bad


def test_choose_the_presenter_of_the_same_case() -> None:
    a = Presenter("alpha-club", 10, Path("a"))
    b1 = Presenter("beta-market", 11, Path("b1"))
    b2 = Presenter("beta-market", 12, Path("b2"))
    assert choose([a, b1], "beta-market") == Choice(b1)
    assert choose([a, b1, b2], "beta-market") == Choice(None, several=(11, 12))
    assert choose([a, b1, b2], "beta-market", pid=12) == Choice(b2)
    assert choose([a, b1], "gamma-card") == Choice(None, others=("alpha-club", "beta-market"))
    assert choose([], "gamma-card") == Choice(None)


def test_a_socket_left_by_a_dead_presenter_is_removed(folder: Path) -> None:
    present_link.prepare_folder(folder)
    stale = folder / f"alpha-club.{dead_pid()}.sock"
    listener = socket.socket(socket.AF_UNIX)
    listener.bind(str(stale))
    listener.close()  # the file stays, as after a crash
    alive = folder / f"beta-market.{os.getpid()}.sock"
    alive.touch()
    assert [p.case_id for p in presenters(folder)] == ["beta-market"]
    assert not stale.exists()


def run(scenario: Callable[[], Awaitable[None]]) -> None:
    asyncio.run(asyncio.wait_for(scenario(), DEADLINE))


async def until(check: Callable[[], bool]) -> None:
    while not check():
        await asyncio.sleep(0.01)


def test_both_sides_step_each_other_and_the_speaker_waits_again_when_the_presenter_quits(folder: Path) -> None:
    async def scenario() -> None:
        presenter_steps: list[int] = []
        speaker_steps: list[int] = []
        states: list[LinkState] = []
        follower = Follower("alpha-club", speaker_steps.append, states.append, folder=folder, retry=0.02)
        following = asyncio.create_task(follower.run())
        await until(lambda: bool(states))
        assert states[-1].choice == Choice(None) and states[-1].connected is None  # no presenter: it waits

        server = PresenterServer("alpha-club", presenter_steps.append, step=2, folder=folder)
        path = await server.start()
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
        await until(lambda: follower.connected and speaker_steps == [2])  # joins at the presenter's step
        assert states[-1].connected is not None and states[-1].connected.pid == os.getpid()

        server.publish(3)
        await until(lambda: speaker_steps[-1:] == [3])
        follower.send(1)
        await until(lambda: presenter_steps == [1] and speaker_steps[-1:] == [1])
        assert server.step == 1

        await server.close()
        assert not path.exists()
        await until(lambda: states[-1].lost)  # says its presenter has gone, and waits
        server = PresenterServer("alpha-club", presenter_steps.append, step=4, folder=folder)
        await server.start()
        await until(lambda: speaker_steps[-1:] == [4])  # and follows the next one
        following.cancel()
        await server.close()

    run(scenario)


def test_a_stale_echo_does_not_move_the_speaker_back(folder: Path) -> None:
    async def scenario() -> None:
        speaker_steps: list[int] = []
        server = PresenterServer("alpha-club", lambda _step: None, folder=folder)
        await server.start()
        follower = Follower("alpha-club", speaker_steps.append, lambda _s: None, folder=folder, retry=0.02)
        following = asyncio.create_task(follower.run())
        await until(lambda: follower.connected and speaker_steps == [0])
        follower.send(1)
        follower.send(2)  # sent before the echo of 1 comes back
        await until(lambda: server.step == 2)
        await asyncio.sleep(0.1)
        assert speaker_steps == [0, 2]  # the echo of 1 was ignored
        following.cancel()
        await server.close()

    run(scenario)


def test_several_presenters_of_one_case_are_named_by_pid(folder: Path) -> None:
    async def scenario() -> None:
        present_link.prepare_folder(folder)
        other = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
        try:
            (folder / f"alpha-club.{other.pid}.sock").touch()
            server = PresenterServer("alpha-club", lambda _step: None, folder=folder)
            await server.start()
            states: list[LinkState] = []
            follower = Follower("alpha-club", lambda _s: None, states.append, folder=folder, retry=0.02)
            following = asyncio.create_task(follower.run())
            await until(lambda: bool(states))
            assert states[-1].choice is not None
            assert states[-1].choice.several == tuple(sorted((other.pid, os.getpid())))
            following.cancel()
            await server.close()
        finally:
            other.kill()
            other.wait()

    run(scenario)
