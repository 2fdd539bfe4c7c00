"""A run killed at any point leaves nothing behind that the next run does not clear away.

Each killed run is the real CLI (`casetui.entry.main`) in a child process that signals itself at
a seeded point of its file writes: when it opens the temporary file, after writing it, or just
before renaming it into place. Points are counted calls, never delays, so every run is the same.
The run after must leave the folder as a run never interrupted would: no temporary file, every
case file whole and right, the same `list` output.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from casetui.library import bundled_dir

from .support import FIXTURES

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")

KILL_AT = textwrap.dedent(
    """
    import os, sys
    count, signal_number, where = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    real = getattr(os, where)
    calls = 0

    def hooked(*args, **kwargs):
        global calls
        calls += 1
        if calls == count and where != "open":
            os.kill(os.getpid(), signal_number)
        result = real(*args, **kwargs)
        if calls == count and where == "open":  # just after: the file exists, nothing yet knows it
            os.kill(os.getpid(), signal_number)
        return result

    setattr(os, where, hooked)
    sys.argv = ["casetui", *sys.argv[4:]]
    from casetui.entry import main

    main()
    """
)
"""`python -c KILL_AT N SIGNAL FUNCTION ARGS…`: casetui ARGS…, signalling itself at the Nth call of os.FUNCTION
(just after the call for `open`, just before it otherwise)."""

POINTS = ("open", "fdopen", "chmod", "replace")
"""In `casetui.safe_files`: the temporary file just made (inside `mkstemp`), opened for writing, written,
about to be renamed into place."""


def _env(cache: Path) -> dict[str, str]:
    return {**os.environ, "CASETUI_CASES": "", "CASETUI_CACHE_DIR": str(cache), "CASETUI_READ_ONLY": ""}


def _casetui(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "casetui", *args], capture_output=True, text=True, env=env, timeout=120, check=False
    )


def _killed(count: int, signal_number: int, where: str, args: list[str], env: dict[str, str]) -> int:
    done = subprocess.run(
        [sys.executable, "-c", KILL_AT, str(count), str(signal_number), where, *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    return done.returncode


def _files(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


def _dataset(path: Path, description: str) -> Path:
    entries = [
        {
            "name": f"Product {n}",
            "dateOpen": f"20{10 + n % 9}-0{1 + n % 9}-01",
            "dateClose": "2019-12-31",
            "link": f"https://news.example/{n}",
            "description": f"{description} {n}.",
            "type": "service",
        }
        for n in range(24)
    ]
    path.write_text(json.dumps(entries), encoding="utf-8")
    return path


def test_imports_killed_at_random_points_are_cleared_by_the_next_run(tmp_path: Path) -> None:
    env = _env(tmp_path / "cache")
    first, second = _dataset(tmp_path / "one.json", "First"), _dataset(tmp_path / "two.json", "Second")
    reference = tmp_path / "reference"
    for source in (first, second):
        assert _casetui(["import", "killedbygoogle", str(source), "--into", str(reference)], env).returncode == 0
    expected = _files(reference)
    rng = random.Random(12)
    for trial in range(3):
        into = tmp_path / f"into-{trial}"
        assert _casetui(["import", "killedbygoogle", str(first), "--into", str(into)], env).returncode == 0
        args = ["import", "killedbygoogle", str(second), "--into", str(into)]
        where, count = rng.choice(POINTS), rng.randrange(1, 25)
        assert _killed(count, signal.SIGKILL, where, args, env) == -signal.SIGKILL, (where, count)
        assert any(name.startswith(".") and name.endswith(".tmp") for name in os.listdir(into)), (where, count)
        done = _casetui(args, env)
        assert done.returncode == 0, done.stderr
        assert _files(into) == expected, (where, count)


@pytest.mark.parametrize("where", POINTS)
def test_ctrl_c_during_an_import_leaves_no_temporary_file(tmp_path: Path, where: str) -> None:
    env = _env(tmp_path / "cache")
    into = tmp_path / "into"
    args = ["import", "killedbygoogle", str(_dataset(tmp_path / "one.json", "First")), "--into", str(into)]
    count = random.Random(where).randrange(1, 25)
    assert _killed(count, signal.SIGINT, where, args, env) == 130
    names = os.listdir(into)
    assert not [name for name in names if name.startswith(".")], names
    for name in names:  # Every file there is whole: the interrupted one was finished first, or never begun.
        assert b"\n[model]\n" in (into / name).read_bytes(), name


def test_index_writes_killed_at_random_points_are_cleared_by_the_next_run(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    env = _env(cache)
    library = tmp_path / "cases"
    library.mkdir()
    for source in (*sorted(bundled_dir().glob("*.toml")), *sorted(FIXTURES.glob("*.toml"))):
        (library / source.name).write_bytes(source.read_bytes())
    args = ["--no-bundled", "--cases", str(library), "list", "--json"]
    expected = _casetui(args, {**env, "CASETUI_NO_CACHE": "1"}).stdout
    rng = random.Random(7)
    for _trial in range(3):
        where = rng.choice(POINTS[1:])  # the first os.open of `list` reads the index
        assert _killed(1, signal.SIGKILL, where, args, env) == -signal.SIGKILL, where
        assert any(name.endswith(".tmp") for name in os.listdir(cache)), where
        done = _casetui(args, env)
        assert (done.returncode, done.stdout) == (0, expected)
        assert not [name for name in os.listdir(cache) if name.endswith(".tmp")]
        assert _casetui(args, env).stdout == expected  # read back from the index just written
        for name in os.listdir(cache):
            (cache / name).unlink()  # a cold start again, so that the next kill lands in a write
