"""App tests use the shared fixtures in tests/app_fixtures.py (the fixture library, `drive`, `screen_text`).

Here the frames a headless app throws away are not drawn (`frames_drawn_only_when_read`): a test
that reads the screen draws what it reads, and drawing every frame besides was a fifth of these
tests' time. A test marked `frames` looks only at the app's state, or hunts for a screen that fails
to draw (a tiny terminal): every frame is drawn for it, as in a terminal, so that an error in
drawing one shows. The tests in tests/hardening draw every frame.
"""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _frames_drawn_only_when_read(request: pytest.FixtureRequest) -> None:
    if request.node.get_closest_marker("frames") is None:
        request.getfixturevalue("frames_drawn_only_when_read")
