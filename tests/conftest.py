"""Every test runs without the user's own casetui folders or settings.

The user's library, cache and screenshot folders come from platformdirs; point them all into a
temporary folder so that no test reads a trainer's real cases or writes into their cache.
"""

from __future__ import annotations

import gc
import os
import signal
from pathlib import Path

import pytest
from hypothesis import settings

import settle

pytest_plugins = ["app_fixtures", "cli_fixtures"]

SOURCE = Path(__file__).resolve().parents[1] / "src"
"""The working tree's package: `pythonpath` in pyproject.toml puts it first for this process; the
processes the tests start (the console script, `python -m casetui`, `python -c`) get it through
PYTHONPATH, so an edit is tested without a reinstall. Absent when the tests are copied out to test an
installed wheel, which they then import."""
if (SOURCE / "casetui").is_dir():
    os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(SOURCE), os.environ.get("PYTHONPATH")]))

# A shell starts a background job (`pytest ... &`, some CI runners) with SIGINT ignored, and exec passes
# an ignored signal on: every process a test starts would then shrug off the Ctrl-C that tests of
# interrupted imports, `validate --watch` and the app send it. A handler, unlike an ignore, is reset
# to the default by exec, so the processes started from here get Ctrl-C back.
if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
    signal.signal(signal.SIGINT, signal.default_int_handler)

# Hypothesis: no deadline anywhere (a busy machine makes any example slow, and a deadline would fail it
# for that); in CI (the `CI` variable is set) the same examples every run, so a red build repeats and a
# green one cannot be luck. Each test's own `@settings(max_examples=...)` sets how many.
settings.register_profile("dev", deadline=None)
settings.register_profile("ci", deadline=None, derandomize=True, database=None, print_blob=True)
settings.load_profile("ci" if os.environ.get("CI") else "dev")


def pytest_configure(config: pytest.Config) -> None:
    """With `-n`, hand each worker one test at a time (xdist's `--maxschedchunk=1`), unless told otherwise.

    xdist hands out tests in runs of a quarter of each worker's share (about a hundred here) and never
    takes them back: one worker got the heaviest app tests in a row and ran them alone for two minutes
    after the others had finished. Set here rather than in `addopts`, which `-p no:xdist` would refuse.
    """
    if getattr(config.option, "maxschedchunk", "absent") is None:
        config.option.maxschedchunk = 1


def pytest_collection_finish(session: pytest.Session) -> None:
    """Fewer passes of Python's cycle collector over objects that live all session.

    The app tests make and drop millions of small objects (styles, strips, segments), and at the
    default threshold (a pass every 700 new objects) the collector kept scanning everything the
    imports and the collection had made. Frozen, those are never scanned again, and a pass comes
    every 50,000 objects: the heaviest app proofs used 38-43 s of CPU instead of 48 (measured twice
    each), for 25 MB more per worker. Nothing here relies on when garbage is collected.
    """
    gc.collect()
    gc.freeze()
    gc.set_threshold(50_000, 20, 100)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The heavy tests first, the rest in their usual order.

    A dozen tests walk the app through every case or many examples and take a tenth of the suite's
    time each; started last, one of them keeps a worker busy long after the others are done. Started
    first, and handed out one at a time, they run side by side while the short tests fill the gaps.
    """
    items.sort(key=lambda item: item.get_closest_marker("heavy") is None)


@pytest.fixture(autouse=True)
def _private_user_folders(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path_factory.mktemp("home")
    for name in ("XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_PICTURES_DIR"):
        monkeypatch.setenv(name, str(Path(home) / name.lower()))
    monkeypatch.setenv("CASETUI_CACHE_DIR", str(Path(home) / "cache"))
    monkeypatch.setenv("CASETUI_SCREENSHOT_DIR", str(Path(home) / "screenshots"))
    for name in ("CASETUI_CASES", "CASETUI_LANG", "CASETUI_NO_BUNDLED", "CASETUI_READ_ONLY", "NO_COLOR"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(autouse=True)
def _pilot_waits_until_settled(monkeypatch: pytest.MonkeyPatch) -> None:
    """The pilot waits until the app has handled each key, not for idle-looking sleeps (tests/settle.py)."""
    settle.install(monkeypatch)
