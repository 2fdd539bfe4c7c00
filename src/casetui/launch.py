"""Open the Textual app from the command line, and leave the process as soon as it closes.

Both the Typer CLI (`casetui`, `casetui present ID`) and the fast path in `cli.fast` (plain
`casetui`, which needs no Typer) come here, so the two open the app the same way.
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from casetui.cli.support import Failure


def has_terminal() -> bool:
    """True when both stdin and stdout are a terminal, as the app needs."""
    return sys.stdin.isatty() and sys.stdout.isatty()


ENV_NO_WATCH = "CASETUI_NO_WATCH"
"""Set (to anything) to open the app without live reload: where the OS limits file watches, say."""

_closed = False
"""True once the app has run and closed in this process: the caller may then `leave`."""


def open_app(
    cli_dirs: Sequence[Path],
    lang: str,
    present: str | None = None,
    bundled: bool = True,
    *,
    speaker: bool = False,
    speaker_pid: int | None = None,
    spoilers: bool = True,
) -> int:
    """Run the app until it quits; its return code. `spoilers=False` opens the presented sunset without them.

    Raises `Failure` when there is no terminal or Textual cannot be imported.
    """
    global _closed
    if not has_terminal():
        raise Failure(["casetui: the app needs a terminal; in scripts use list, show, compare or timeline"], 2)
    try:
        from casetui.tui.factory import make_app
    except ImportError as error:
        raise Failure([f"casetui: the app is not available: {error}"]) from None
    # Importing Textual and building the first screen make some 100,000 long-lived objects, and the
    # cyclic collector would walk them again and again for nothing: about 40 ms of CPU before the
    # first frame. It stays off until then; the app freezes what start-up made and turns it back on
    # (`CaseTUI.on_ready`).
    gc.disable()
    extra: dict[str, Any] = {} if bundled else {"bundled": False}
    if speaker:
        extra.update(speaker=True, speaker_pid=speaker_pid)
    if not spoilers:
        extra["spoilers"] = False
    watch = not os.environ.get(ENV_NO_WATCH)
    app = make_app(list(cli_dirs), lang=lang, present=present, watch=watch, **extra)
    app.run()
    _closed = True
    return getattr(app, "return_code", None) or 0


def leave_if_app_closed(code: int | str | None) -> None:
    """End the process at once with `code` if the app ran; otherwise return and let Python exit as usual.

    The app has restored the terminal and written anything it had to say. Tearing down the
    interpreter would now free every widget, style and module one by one: about 80 ms measured in
    tmux, which the user waits through before the prompt comes back. Nothing is left to save (the
    summary index is written when the library loads), so the console script ends the process here.
    Only the console script calls this: tests and embedders keep their interpreter.
    """
    if not _closed:
        return
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code if isinstance(code, int) else (0 if code is None else 1))
