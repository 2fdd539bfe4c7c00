"""Two real terminals in tmux: `casetui present ID` and `casetui present ID --speaker`, stepping each other."""

from __future__ import annotations

import shutil
import time
from collections.abc import Iterator

import pytest

from casetui import present_link
from tmux_terminals import DEADLINE, Tmux, private_tmux

pytestmark = pytest.mark.skipif(
    shutil.which("tmux") is None or not present_link.available(), reason="needs tmux and Unix sockets"
)


@pytest.fixture
def tmux() -> Iterator[Tmux]:
    with private_tmux() as server:
        yield server


def test_presenter_and_speaker_in_two_terminals_step_each_other(tmux: Tmux) -> None:
    tmux.start("speaker", "present", "alpha-club", "--speaker")
    tmux.wait_for("speaker", "SPEAKER", "no presenter yet")

    tmux.start("presenter", "present", "alpha-club")
    tmux.wait_for("presenter", "WORKSHOP")
    tmux.wait_for("speaker", "following presenter", "Step 1 / 4")

    tmux.keys("presenter", "Right", "Right")
    screen = tmux.wait_for("speaker", "Step 3 / 4", "Ordering stops")
    assert "Withdrawals close" in screen  # the next event

    tmux.keys("speaker", "Left")
    tmux.wait_for("presenter", "Shutdown announced; check-in stops", "T+0 · days since the announcement")

    tmux.keys("presenter", "q")
    tmux.wait_for("speaker", "the presenter has quit")
    assert not list((tmux.home / "run" / "casetui").glob("*.sock"))


def test_with_two_presenters_of_one_case_the_speaker_names_them_and_follows_the_one_picked(tmux: Tmux) -> None:
    tmux.start("first", "present", "alpha-club")
    tmux.start("second", "present", "alpha-club")
    tmux.wait_for("first", "WORKSHOP")
    tmux.wait_for("second", "WORKSHOP")
    folder = tmux.home / "run" / "casetui"
    end = time.monotonic() + DEADLINE
    while len(list(folder.glob("*.sock"))) < 2:
        assert time.monotonic() < end, "the presenters never listened"
        time.sleep(0.1)
    pids = sorted(int(p.name.split(".")[1]) for p in folder.glob("*.sock"))

    tmux.start("speaker", "present", "alpha-club", "--speaker")
    tmux.wait_for("speaker", "several presenters", "--pid")
    tmux.run("kill-session", "-t", "speaker")

    tmux.start("picked", "present", "alpha-club", "--speaker", "--pid", str(pids[1]))
    tmux.wait_for("picked", f"following presenter (pid {pids[1]})")
