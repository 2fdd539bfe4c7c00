"""The real `casetui` console script over the hostile corpus: a handful of representative runs.

These go through `casetui.entry` (the fast path for scripted output as well as Typer), with real
pipes and, once, a real pseudo-terminal, where Rich styles the output and case text must still
carry no control sequence of its own.
"""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import struct
import subprocess
import sys
import termios
from pathlib import Path

import pytest

from .corpus import Corpus
from .support import FIXTURES, GOOD_CASE, LOCATED, check_messages, snapshot, unsafe_in

SCRIPT = Path(sys.executable).with_name("casetui")
pytestmark = pytest.mark.skipif(not SCRIPT.exists(), reason=f"the console script is not installed at {SCRIPT}")

NASTY = "evil-\x1b]52;c;ZXZpbA==\x07-\u202e"
TERMINAL = "good-terminal-text"

RUNS: list[tuple[list[str], int]] = [
    (["list"], 0),
    (["show", TERMINAL], 0),
    (["compare", GOOD_CASE, TERMINAL, "--format", "csv"], 0),  # the fast path
    (["timeline", TERMINAL, "--format", "json"], 0),  # the fast path
    (["compare", TERMINAL, "gamma-card", "--format", "markdown", "--baseline", "gamma-card"], 0),
    (["export", TERMINAL, "--format", "html", "--with-notes"], 0),
    (["show", "toml-bad-date", "--format", "json"], 1),  # a broken file on the fast path
    (["show", NASTY], 1),  # a file name full of controls
    (["timeline", "deep-arrays", "--format", "markdown"], 1),
    (["show", "fifo", "--format", "markdown"], 1),  # must not block on the pipe
    (["compare", "youyu", GOOD_CASE, "--format", "json"], 1),  # unknown id
    (["validate", "--json"], 1),
    (["compare", GOOD_CASE], 2),  # usage
]


def run(corpus: Corpus, args: list[str]) -> subprocess.CompletedProcess[bytes]:
    """The console script over the corpus and the fixture library, with pipes for stdout and stderr."""
    folders = ["--cases", str(corpus.library), "--cases", str(FIXTURES)]
    environment = {**os.environ, "CASETUI_CASES": "", "COLUMNS": "300"}
    return subprocess.run(
        [str(SCRIPT), "--no-bundled", *folders, *args], capture_output=True, env=environment, timeout=60, check=False
    )


@pytest.mark.parametrize(("args", "code"), RUNS, ids=[" ".join(a)[:40] for a, _ in RUNS])
def test_the_console_script_on_hostile_input(corpus: Corpus, args: list[str], code: int) -> None:
    done = run(corpus, args)
    stderr = done.stderr.decode("utf-8")
    assert done.returncode == code, stderr
    assert "Traceback" not in stderr
    assert not unsafe_in(done.stdout), unsafe_in(done.stdout)
    assert not unsafe_in(done.stderr), unsafe_in(done.stderr)
    if code == 1 and args[0] != "validate":
        assert done.stdout == b""
        check_messages(stderr, 1)
    if code == 2:
        assert "Usage:" in stderr
    if args[0] == "show" and code == 0:
        assert "[@click=app.quit]quit[/]" in done.stdout.decode()
    if args == ["list"]:
        for line in stderr.splitlines():
            assert LOCATED.match(line), line
    assert snapshot(corpus.target) == corpus.before


def in_terminal(args: list[str], env: dict[str, str], size: tuple[int, int] = (200, 50)) -> tuple[int, bytes]:
    """Run the console script with a pseudo-terminal as stdin and stdout; its exit code and output."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", size[1], size[0], 0, 0))
    process = subprocess.Popen(
        [str(SCRIPT), *args], stdin=slave, stdout=slave, stderr=subprocess.DEVNULL, env=env, close_fds=True
    )
    os.close(slave)
    chunks = []
    try:
        while select.select([master], [], [], 30)[0]:
            try:
                data = os.read(master, 1 << 16)
            except OSError:  # the other end closed: Linux says EIO
                break
            if not data:
                break
            chunks.append(data)
    finally:
        os.close(master)
    return process.wait(timeout=30), b"".join(chunks)


RICH_SGR = re.compile(rb"\x1b\[[0-9;]*m")
RICH_LINK = re.compile(rb"\x1b\]8;[^\x1b\x07]*\x1b\\")


@pytest.mark.parametrize("color", [True, False], ids=["colour", "NO_COLOR"])
def test_styled_output_in_a_real_terminal_carries_only_richs_own_codes(corpus: Corpus, color: bool) -> None:
    """In a terminal Rich adds colour; once its own SGR codes are removed nothing else may remain.

    With `NO_COLOR` there is no escape code at all.
    """
    env = {**os.environ, "CASETUI_CASES": "", "TERM": "xterm-256color", "COLUMNS": "200", "LINES": "50"}
    env.pop("NO_COLOR", None)
    if not color:
        env["NO_COLOR"] = "1"
    folders = ["--no-bundled", "--cases", str(corpus.library), "--cases", str(FIXTURES)]
    commands = [["show", TERMINAL], ["timeline", TERMINAL], ["compare", GOOD_CASE, TERMINAL], ["list"]]
    for args in commands if color else commands[::3]:
        code, output = in_terminal([*folders, *args], env)
        assert code == 0, args
        if color:
            assert RICH_SGR.search(output), "no colour in a terminal"
            output = RICH_LINK.sub(b"", RICH_SGR.sub(b"", output))
        else:
            assert b"\x1b" not in output, args
        assert not unsafe_in(output), (args, unsafe_in(output))
        assert "[@click=app.quit]" in output.decode("utf-8", errors="replace"), args
