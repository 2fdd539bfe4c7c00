"""The `casetui` console script: the fast path for scripted output, else the Typer CLI."""

from __future__ import annotations

import sys


def main() -> None:
    """Run casetui with the process's arguments."""
    from casetui.cli_fast import run
    from casetui.cli_support import ascii_stdout

    if hasattr(sys.stdout, "reconfigure") and ascii_stdout():
        sys.stdout.reconfigure(errors="backslashreplace")
    code = run(sys.argv[1:])
    if code is not None:
        launch = sys.modules.get("casetui.launch")  # imported only if the app ran
        if launch is not None:
            launch.leave_if_app_closed(code)
        sys.exit(code)
    from casetui.cli import main as cli_main

    cli_main()
