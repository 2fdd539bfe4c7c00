"""The command line: the Typer app (`app`), its fast path for scripted output (`fast`), and helpers.

Kept empty on purpose: `casetui compare A B --format json` imports `casetui.cli.fast` without
paying for Typer, which `casetui.cli.app` imports.
"""
