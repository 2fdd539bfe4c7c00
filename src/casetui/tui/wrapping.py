"""Case text that wraps and is never cut: Rich `Text` laid out by casetui.linebreak's rules.

Rich breaks lines only at spaces and, inside a table column, cuts a longer run with "…": a Chinese
sentence (no spaces) loses most of itself. `Wrapped` breaks Chinese between characters (by the
punctuation rules), English at spaces, and folds only a run wider than a whole line. Use it for
every case text put in a `Group`, a `Table` cell or a `Static`.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.containers import Lines
from rich.measure import Measurement
from rich.text import Text

from casetui import linebreak


def wrap_text(text: Text, width: int) -> Lines:
    """`text` as lines of at most `width` cells, styles kept; its own newlines kept too."""
    lines = Lines()
    for line in text.split("\n", allow_blank=True):
        for piece in line.divide(linebreak.wrap_offsets(line.plain, width, cell_len)):
            piece.rstrip_end(width)
            lines.append(piece)
    return lines


class Wrapped:
    """A `Text` as a renderable that wraps by casetui's line-break rules instead of cutting."""

    def __init__(self, text: Text) -> None:
        self.text = text
        """The text shown, whole."""

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = options.max_width
        lines = wrap_text(self.text, width)
        justify = options.justify or self.text.justify
        if justify in ("center", "right", "full"):
            lines.justify(console, width, justify=justify, overflow="fold")
        yield from Text("\n").join(lines).render(console, end=self.text.end)

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        plain = self.text.plain
        widest = max((cell_len(line) for line in plain.split("\n")), default=0)
        return Measurement(linebreak.min_width(plain, cell_len), widest).clamp(max_width=options.max_width)
