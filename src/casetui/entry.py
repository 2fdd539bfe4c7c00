"""The `casetui` console script: the fast path for scripted output, else the Typer CLI."""

from __future__ import annotations

import gc
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
        sys.exit(code)
    gc.enable()
    from casetui.cli.app import main as cli_main

    cli_main()
