"""`python -m casetui`."""

from casetui.cli import main

main()
