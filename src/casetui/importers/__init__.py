"""Importers: turn other people's data into case files.

- `killedbygoogle`: the Killed by Google dataset (`graveyard.json`), one case per product.
- `sheet`: a TimelineJS spreadsheet (CSV), one case with its events and eras.
- `toml_writer`, `ids`, `html_text`, `output`: what both share (safe TOML, stable ids, plain text
  from HTML, and writing files so that re-imports update them without clobbering hand edits).

Nothing here imports a UI library; the `casetui import` commands in `casetui.cli.commands.importing`
print what these modules return.
"""


class ImportFailed(Exception):
    """Nothing was imported (or not all of it was written); `lines` says where and why, one line each."""

    def __init__(self, lines: list[str]) -> None:
        super().__init__("\n".join(lines))
        self.lines = lines
