"""`python -m casetui`."""

from casetui.entry import main

# Guarded: worker processes that parse large libraries re-import the main module.
if __name__ == "__main__":
    main()
