"""Pair `casetui present ID` with `casetui present ID --speaker` on one machine: step in either, both move.

The presenting process listens on a Unix socket in the user's runtime folder (platformdirs'
`user_runtime_dir`, made 0700; the socket is 0600 and named `<case id>.<pid>.sock`), so only this
user on this machine can reach it, and no network port is opened. Speaker views connect to it.

The protocol is one JSON object per line, `{"case": "alpha-club", "step": 2}`, in both directions.
The presenter holds the one true step: it applies a speaker's step, then sends the step to every
speaker, the sender included, with `"ack": n` (the sender's n-th message) so that a speaker which has
stepped on meanwhile can ignore the stale echo. Both sides outlive the other: a speaker whose presenter
quits says so and waits for the next one; a socket left by a presenter that died is removed by whoever
finds it.

presenterm pairs its two processes the other way round (the presenting instance publishes slide changes,
the notes instance only listens); here the speaker steps too, so the presenter must also listen.

Nothing here imports a UI library; the app and the CLI import this module only for `present`.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import socket
import stat
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

SUFFIX = ".sock"
MAX_LINE = 4096
"""Longest message read; a longer line ends the connection (nothing we send comes near)."""
RETRY_SECONDS = 0.5
"""How often a waiting speaker view looks for a presenter again: one folder listing, nothing more."""


class LinkError(Exception):
    """Pairing cannot work here; the message is one line for the user."""


def available() -> bool:
    """Whether this system has Unix sockets (every POSIX system; not every Windows)."""
    return hasattr(socket, "AF_UNIX")


def runtime_folder() -> Path:
    """Where presenters put their sockets: the user's runtime folder (`$XDG_RUNTIME_DIR` on Linux), under `casetui`."""
    import warnings

    from platformdirs import user_runtime_dir

    with warnings.catch_warnings():  # Without XDG_RUNTIME_DIR it falls back to /tmp/runtime-UID, and says so.
        warnings.simplefilter("ignore")
        return Path(user_runtime_dir("casetui", appauthor=False))


def prepare_folder(folder: Path) -> Path:
    """Make `folder` (0700) if need be; refuse one that another user owns or others can write to."""
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = folder.stat()
    except OSError as error:
        raise LinkError(f"cannot use the runtime folder {folder}: {error.strerror or error}") from None
    if hasattr(os, "getuid") and info.st_uid != os.getuid():
        raise LinkError(f"the runtime folder {folder} belongs to another user")
    if stat.S_IMODE(info.st_mode) & 0o077:
        try:
            os.chmod(folder, 0o700)
        except OSError as error:
            raise LinkError(f"cannot make {folder} private: {error.strerror or error}") from None
    return folder


@dataclass(frozen=True)
class Presenter:
    """A presenting process, as its socket file names it."""

    case_id: str
    pid: int
    path: Path


def socket_path(folder: Path, case_id: str, pid: int) -> Path:
    return folder / f"{case_id}.{pid}{SUFFIX}"


def parse_name(path: Path) -> Presenter | None:
    """The presenter a socket file name stands for, or None for any other file."""
    name = path.name
    if not name.endswith(SUFFIX):
        return None
    case_id, _, pid = name[: -len(SUFFIX)].rpartition(".")
    if not case_id or not pid.isdigit():
        return None
    return Presenter(case_id, int(pid), path)


def is_alive(pid: int) -> bool:
    """Whether a process with this id runs (perhaps another user's)."""
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return False
    return True


def presenters(folder: Path) -> list[Presenter]:
    """Presenters whose process still runs, by pid; sockets of dead ones are removed on the way."""
    try:
        names = sorted(os.listdir(folder))
    except OSError:
        return []
    found = []
    for name in names:
        presenter = parse_name(folder / name)
        if presenter is None:
            continue
        if is_alive(presenter.pid):
            found.append(presenter)
        else:
            remove_stale(presenter.path)
    return sorted(found, key=lambda p: p.pid)


def remove_stale(path: Path) -> None:
    """Remove a socket file nobody listens on (its presenter died without cleaning up)."""
    with contextlib.suppress(OSError):
        if stat.S_ISSOCK(os.lstat(path).st_mode):
            os.unlink(path)


@dataclass(frozen=True)
class Choice:
    """Which presenter a speaker view follows, or why none."""

    presenter: Presenter | None
    several: tuple[int, ...] = ()
    """Pids of the presenters of this case when there are several to pick from (`--pid`)."""
    others: tuple[str, ...] = ()
    """Cases presented now, none of them this one."""


def choose(found: list[Presenter], case_id: str, pid: int | None = None) -> Choice:
    """The presenter of `case_id` (with `pid` when given); several, or others, when there is no one answer."""
    same = [p for p in found if p.case_id == case_id and (pid is None or p.pid == pid)]
    if len(same) == 1:
        return Choice(same[0])
    if len(same) > 1:
        return Choice(None, several=tuple(p.pid for p in same))
    return Choice(None, others=tuple(sorted({p.case_id for p in found if p.case_id != case_id})))


@dataclass(frozen=True)
class Step:
    """One message: this case is at this step (`ack`: the sender's message this answers)."""

    case_id: str
    step: int
    ack: int | None = None


def encode(message: Step) -> bytes:
    document: dict[str, object] = {"case": message.case_id, "step": message.step}
    if message.ack is not None:
        document["ack"] = message.ack
    return json.dumps(document, ensure_ascii=True, separators=(",", ":")).encode("ascii") + b"\n"


def decode(line: bytes) -> Step | None:
    """The message on one line, or None for anything else (a bad line is dropped, not fatal)."""
    try:
        document = json.loads(line)
    except (ValueError, UnicodeDecodeError):
        return None
    if not isinstance(document, dict):
        return None
    case_id, step, ack = document.get("case"), document.get("step"), document.get("ack")
    if not isinstance(case_id, str) or type(step) is not int or step < 0:
        return None
    if ack is not None and (type(ack) is not int or ack < 0):
        return None
    return Step(case_id, step, ack)


async def _read_steps(reader: asyncio.StreamReader) -> Step | None:
    """The next good message; None at the end of the stream (or a line too long to be ours)."""
    while True:
        try:
            line = await reader.readuntil(b"\n")
        except asyncio.IncompleteReadError:
            return None
        except asyncio.LimitOverrunError:
            return None
        except (ConnectionError, OSError):
            return None
        message = decode(line)
        if message is not None:
            return message


class PresenterServer:
    """The presenting side: a socket speakers connect to; `publish` each local step, hear theirs in `on_step`."""

    def __init__(self, case_id: str, on_step: Callable[[int], None], step: int = 0, folder: Path | None = None):
        self.case_id = case_id
        self.on_step = on_step
        self.step = step
        self.folder = folder
        self.path: Path | None = None
        self._server: asyncio.base_events.Server | None = None
        self._writers: set[asyncio.StreamWriter] = set()

    @property
    def followers(self) -> int:
        """Speaker views connected now."""
        return len(self._writers)

    async def start(self) -> Path:
        """Listen; the socket's path. Raises LinkError when this system or folder cannot."""
        if not available():
            raise LinkError("the speaker view needs Unix sockets, which this system lacks (POSIX only)")
        folder = prepare_folder(self.folder or runtime_folder())
        presenters(folder)  # Removes the sockets of presenters that died.
        path = socket_path(folder, self.case_id, os.getpid())
        remove_stale(path)
        try:
            self._server = await asyncio.start_unix_server(self._serve, path=str(path), limit=MAX_LINE)
            os.chmod(path, 0o600)
        except OSError as error:
            raise LinkError(f"cannot listen on {path}: {error.strerror or error}") from None
        self.path = path
        return path

    def publish(self, step: int) -> None:
        """The presenter stepped here: tell every speaker."""
        self.step = step
        self._send_all(Step(self.case_id, step))

    async def close(self) -> None:
        """Stop listening, drop every speaker and remove the socket file."""
        self.close_now()

    def close_now(self) -> None:
        """`close`, from code that cannot wait (the app's exit)."""
        if self._server is not None:
            self._server.close()
        for writer in list(self._writers):
            writer.close()
        self._writers.clear()
        if self.path is not None:
            with contextlib.suppress(OSError):
                os.unlink(self.path)
            self.path = None

    def _send_all(self, message: Step, sender: asyncio.StreamWriter | None = None, ack: int | None = None) -> None:
        for writer in list(self._writers):
            data = encode(Step(message.case_id, message.step, ack if writer is sender else None))
            try:
                writer.write(data)
            except (ConnectionError, OSError, RuntimeError):
                self._writers.discard(writer)

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self._writers.add(writer)
        received = 0
        try:
            writer.write(encode(Step(self.case_id, self.step)))
            while (message := await _read_steps(reader)) is not None:
                received += 1
                if message.case_id != self.case_id:
                    continue
                self.step = message.step
                self.on_step(message.step)
                self._send_all(Step(self.case_id, self.step), sender=writer, ack=received)
        except (ConnectionError, OSError):
            pass
        finally:
            self._writers.discard(writer)
            writer.close()


@dataclass(frozen=True)
class LinkState:
    """What a speaker view says about its presenter."""

    connected: Presenter | None = None
    choice: Choice | None = None
    """Why nobody is followed (waiting): no presenter, several to pick from, or other cases only."""
    lost: bool = False
    """The presenter followed until now has quit."""


class Follower:
    """The speaker side: finds the presenter of its case, follows its steps, sends its own; waits when alone."""

    def __init__(
        self,
        case_id: str,
        on_step: Callable[[int], None],
        on_state: Callable[[LinkState], None],
        pid: int | None = None,
        folder: Path | None = None,
        retry: float = RETRY_SECONDS,
    ) -> None:
        self.case_id = case_id
        self.on_step = on_step
        self.on_state = on_state
        self.pid = pid
        self.folder = folder
        self.retry = retry
        self._writer: asyncio.StreamWriter | None = None
        self._sent = 0

    @property
    def connected(self) -> bool:
        return self._writer is not None

    def send(self, step: int) -> None:
        """The speaker stepped here: tell the presenter (nothing when there is none)."""
        if self._writer is None:
            return
        try:
            self._writer.write(encode(Step(self.case_id, step)))
            self._sent += 1
        except (ConnectionError, OSError, RuntimeError):
            self._writer = None

    async def run(self) -> None:
        """Follow presenters until cancelled: connect, follow, and on losing one wait for the next."""
        if not available():
            raise LinkError("the speaker view needs Unix sockets, which this system lacks (POSIX only)")
        folder = self.folder or runtime_folder()
        last: LinkState | None = None
        lost = False
        while True:
            choice = choose(presenters(folder), self.case_id, self.pid)
            if choice.presenter is not None and await self._follow(choice.presenter):
                lost, last = True, LinkState(lost=True)
                self.on_state(last)
                await asyncio.sleep(self.retry)  # Not straight back to one that hangs up at once.
                continue
            state = LinkState(choice=choice, lost=lost)
            if state != last:
                self.on_state(state)
                last = state
            await asyncio.sleep(self.retry)

    async def _follow(self, presenter: Presenter) -> bool:
        """Follow one presenter until it goes; False when it could not be reached at all."""
        try:
            reader, writer = await asyncio.open_unix_connection(str(presenter.path), limit=MAX_LINE)
        except (ConnectionRefusedError, FileNotFoundError):
            remove_stale(presenter.path)  # Nobody listens there: its presenter died without cleaning up.
            return False
        except OSError:
            return False
        self._writer, self._sent = writer, 0
        self.on_state(LinkState(connected=presenter))
        try:
            while (message := await _read_steps(reader)) is not None:
                if message.case_id != self.case_id:
                    continue
                if message.ack is not None and message.ack < self._sent:
                    continue  # The echo of a step this side has since left.
                self.on_step(message.step)
        finally:
            self._writer = None
            writer.close()
        return True
