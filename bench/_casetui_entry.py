"""Run the casetui console script's entry point, as the installed `casetui` does."""

from casetui.entry import main

# Guarded: worker processes that parse large libraries re-import the main module.
if __name__ == "__main__":
    main()
