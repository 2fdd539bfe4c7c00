"""The library's search field and the line that shows the filters, the sort order and the counts."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Static

from casetui import i18n
from casetui.tui.labels import word
from casetui.tui.listing import BROKEN, Listing
from casetui.tui.widgets.badges import SCHEDULED_STYLE
from casetui.tui.widgets.case_table import SCHEDULED_GLYPH
from casetui.tui.widgets.ordered_input import OrderedInput

KEY_STYLE = "bold #d08a1c"
ACTIVE_STYLE = "bold reverse #d08a1c"


class SearchBar(Horizontal):
    """Live search (focused with `/`) and the visible state of the filters."""

    def compose(self) -> ComposeResult:
        yield OrderedInput(id="search", compact=True)
        yield Static(id="filter-state", markup=False)

    @property
    def input(self) -> OrderedInput:
        """The search field."""
        return self.query_one("#search", OrderedInput)

    def set_lang(self, lang: str) -> None:
        """Words of the field in `lang`."""
        self.input.placeholder = word("search_placeholder", lang)

    def set_state(
        self, listing: Listing, lang: str, shown: int, total: int, marked: int, scheduled: bool = False
    ) -> None:
        """Show the filters, the sort order and the counts (and what the table's scheduled mark means)."""
        state = filter_state(listing, lang, shown, total, marked, scheduled)
        self.query_one("#filter-state", Static).update(state)


def filter_state(listing: Listing, lang: str, shown: int, total: int, marked: int, scheduled: bool = False) -> Text:
    """`3/3  ✓ 1  f status: all  g tag: all  s sort: name ▲  * scheduled`, with active filters highlighted.

    The counts come first: in a narrow terminal the end of the line is cut, and they matter most.
    `scheduled` adds the key to the table's `*` (a date after the case's `as_of`).
    """
    text = Text()
    # Padded to the width of the total, so that the line (and the search field beside it) keeps its
    # width while the count changes with every keystroke.
    text.append(f"{shown:>{len(str(total))}}/{total}", style="bold" if shown < total else "dim")
    if marked:
        text.append(f"  ✓ {marked}", style=KEY_STYLE)
    text.append("  ")

    def part(key: str, name: str, value: str, active: bool) -> None:
        text.append(key, style=KEY_STYLE)
        text.append(f" {name}:")
        text.append(f" {value} " if active else f" {value}", style=ACTIVE_STYLE if active else "")
        text.append("  ")

    status = listing.status
    if status is None:
        status_value = word("all", lang)
    else:
        status_value = word(BROKEN, lang) if status == BROKEN else i18n.label(status, lang)
    part("f", word("status", lang).lower(), status_value, status is not None)
    part("g", word("tags", lang).lower(), listing.tag or word("all", lang), listing.tag is not None)
    if listing.facets:  # Bars chosen in the overview, whose module (and it) loads when it opens.
        from casetui.stats import bar_label, facet_name

    for facet in listing.facets:  # A company or tag is literal text.
        part("o", facet_name(facet.chart, lang).lower(), bar_label(facet.chart, facet.bar, lang), True)
    arrow = "▼" if listing.descending else "▲"
    part("s", word("sort", lang).lower(), f"{word(listing.sort, lang).lower()} {arrow}", False)
    if scheduled:
        text.append(f"{SCHEDULED_GLYPH} {i18n.label('scheduled', lang)}", style=SCHEDULED_STYLE)
    text.rstrip()
    return text
