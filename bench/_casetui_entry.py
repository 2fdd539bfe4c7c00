"""Run the casetui console script's entry point, as the installed `casetui` does."""

from casetui.cli import main

main()
