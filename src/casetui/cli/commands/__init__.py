"""Commands that live in modules of their own; each registers itself on `casetui.cli.app`.

Imported at the end of `casetui.cli.app`. Every module here imports its heavy dependencies inside
the command function, so that `casetui compare` never pays for them.
"""

from casetui.cli.commands import authoring, export, importing, serve, stats

__all__ = ["authoring", "export", "importing", "serve", "stats"]
