"""The `casetui` console script: the fast path for scripted output, else the Typer CLI."""

from __future__ import annotations

import gc
import os
import sys


def main() -> None:
    """Run casetui with the process's arguments."""
    # Scripted output takes milliseconds and leaves next to no cyclic garbage, yet the cyclic
    # collector would walk the objects the imports make several times over: about 2 ms, 5% of
    # `casetui compare A B --format json`. So it starts off; the app turns it back on after its
    # first frame (`casetui.launch`), and the Typer CLI below before it starts.
    gc.disable()
    from casetui.cli.fast import run
    from casetui.cli.support import ascii_stdout

    if hasattr(sys.stdout, "reconfigure") and ascii_stdout():
        sys.stdout.reconfigure(errors="backslashreplace")
    code = run(sys.argv[1:])
    if code is not None:
        launch = sys.modules.get("casetui.launch")  # imported only if the app ran
        if launch is not None:
            launch.leave_if_app_closed(code)
        _leave(code)
    gc.enable()
    from casetui.cli.app import main as cli_main

    cli_main()


def _leave(code: int) -> None:
    """End the process at once after the fast path has written its output.

    A scripted run has nothing left to save, yet tearing the interpreter down would free every
    module and object one by one: some 14M instructions, 8% of `casetui compare A B --format json`.
    Only the console script ends this way; tests and embedders call `casetui.cli.fast.run`.
    """
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):  # the reader is gone, or a stream was closed: nothing more can be written
        pass
    os._exit(code)
