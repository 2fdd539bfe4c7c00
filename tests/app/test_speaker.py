"""The speaker view and the presenting app, each driven through the pilot with the other side in the test.

The other side is the pairing module's own peer, run in the app's event loop over a real socket in a
private runtime folder (XDG_RUNTIME_DIR), so tests never meet a user's presenter or each other.
"""

from __future__ import annotations

import asyncio
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from textual.pilot import Pilot

from casetui import present_link
from casetui.present_link import Follower, LinkState, PresenterServer
from casetui.tui.app import CaseTUI
from casetui.tui.factory import make_app
from casetui.tui.screens.speaker import SpeakerScreen
from casetui.tui.screens.sunset import SunsetScreen

pytestmark = pytest.mark.skipif(not present_link.available(), reason="no Unix sockets here")

DEADLINE = 10.0


@pytest.fixture
def runtime(monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A private runtime folder, short enough for a socket's path."""
    folder = Path(tempfile.mkdtemp(prefix="ct-"))
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(folder))
    try:
        yield folder / "casetui"
    finally:
        shutil.rmtree(folder, ignore_errors=True)


async def until(pilot: Pilot[None], check: Callable[[], bool]) -> None:
    loop = asyncio.get_running_loop()
    end = loop.time() + DEADLINE
    while not check():
        assert loop.time() < end, "the screen never showed what was expected"
        await asyncio.sleep(0.02)
        await pilot.pause()


def test_speaker_view_waits_then_follows_and_steps_the_presenter(
    runtime: Path,
    fixture_dir: Path,
    drive: Callable[..., None],
    screen_text: Callable[[CaseTUI], str],
) -> None:
    app = make_app([fixture_dir], present="alpha-club", speaker=True, bundled=False, env="")
    app.animation_level = "none"

    async def scenario(pilot: Pilot[None]) -> None:
        assert isinstance(app.screen, SpeakerScreen)
        await until(pilot, lambda: "no presenter yet" in screen_text(app))
        text = screen_text(app)
        assert "Step 1 / 4" in text and "Next: " in text and "Shutdown announced" in text  # the next event
        heard: list[int] = []
        server = PresenterServer("alpha-club", heard.append, step=1, folder=runtime)
        await server.start()
        try:
            await until(pilot, lambda: "following presenter" in screen_text(app))
            assert "Step 2 / 4" in screen_text(app)  # it joins at the presenter's step
            # The questions at this step, with their trainer notes shown.
            assert "Was one month of notice enough?" in screen_text(app)
            assert "Compare with the two-month total." in screen_text(app)
            server.publish(2)
            await until(pilot, lambda: "Step 3 / 4" in screen_text(app))
            assert "Ordering stops" in screen_text(app)
            await pilot.press("left")
            await until(pilot, lambda: heard == [1])
            assert "Step 2 / 4" in screen_text(app)
        finally:
            await server.close()
        await until(pilot, lambda: "the presenter has quit" in screen_text(app))

    drive(app, scenario)


@pytest.mark.frames
def test_presenting_app_moves_with_a_speaker_and_tells_it_each_step(
    runtime: Path, app_factory: Callable[..., CaseTUI], drive: Callable[..., None]
) -> None:
    app = app_factory(present="alpha-club")

    async def scenario(pilot: Pilot[None]) -> None:
        screen = app.screen
        assert isinstance(screen, SunsetScreen)
        steps: list[int] = []
        states: list[LinkState] = []
        follower = Follower("alpha-club", steps.append, states.append, folder=runtime, retry=0.02)
        following = asyncio.create_task(follower.run())
        try:
            await until(pilot, lambda: follower.connected and steps == [0])
            await pilot.press("right")
            await until(pilot, lambda: steps[-1:] == [1])
            follower.send(3)
            await until(pilot, lambda: screen.cursor.position == 3)
        finally:
            following.cancel()

    drive(app, scenario)
    assert not list(runtime.glob("*.sock"))  # the socket goes with the app


@pytest.mark.parametrize(
    ("lang", "wanted"),
    [("en", "casetui present alpha-club --speaker"), ("zh", "讲者视图：在本机另一个终端运行")],
)
def test_keys_screen_of_a_presentation_tells_of_the_speaker_view(
    runtime: Path,
    app_factory: Callable[..., CaseTUI],
    drive: Callable[..., None],
    screen_text: Callable[[CaseTUI], str],
    lang: str,
    wanted: str,
) -> None:
    app = app_factory(present="alpha-club", lang=lang)

    async def scenario(pilot: Pilot[None]) -> None:
        await pilot.press("question_mark")
        await pilot.pause()
        assert wanted in screen_text(app).replace("\n", "")

    drive(app, scenario)


def test_speaker_view_shows_a_saved_case_at_the_same_step(
    runtime: Path, tmp_path: Path, fixture_dir: Path, drive: Callable[..., None], screen_text: Callable[[CaseTUI], str]
) -> None:
    folder = tmp_path / "cases"
    folder.mkdir()
    path = folder / "alpha-club.toml"
    path.write_text((fixture_dir / "alpha-club.toml").read_text(encoding="utf-8"), encoding="utf-8")
    app = make_app([folder], present="alpha-club", speaker=True, bundled=False, env="")

    async def scenario(pilot: Pilot[None]) -> None:
        await pilot.press("right", "right")
        await until(pilot, lambda: "Ordering stops" in screen_text(app))
        path.write_text(path.read_text(encoding="utf-8").replace("Ordering stops", "Orders frozen"), encoding="utf-8")
        assert app.reload_files([path]) == ["alpha-club"]  # what the watcher calls on a save
        await until(pilot, lambda: "Orders frozen" in screen_text(app))
        assert "Step 3 / 4" in screen_text(app)

    drive(app, scenario)
