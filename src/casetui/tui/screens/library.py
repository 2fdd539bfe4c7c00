"""The library screen: every case in a table, with live search, filters, sort, marks and a preview."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, cast

from textual import events, on
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Header, Input

from casetui.library import Entry, display_path
from casetui.tui.breakpoints import set_breakpoints
from casetui.tui.labels import localize_bindings, word
from casetui.tui.listing import COLUMNS, STATUS_FILTERS, Listing, Selector, next_in, tags_of
from casetui.tui.reloading import CaseReloaded
from casetui.tui.widgets.case_table import CaseTable
from casetui.tui.widgets.footer import KeysFooter
from casetui.tui.widgets.preview import CasePreview
from casetui.tui.widgets.problems import ProblemsPanel
from casetui.tui.widgets.search_bar import SearchBar

if TYPE_CHECKING:
    from casetui.stats import Facet
    from casetui.tui.app import CaseTUI


class LibraryScreen(Screen[None]):
    """The default screen: find a case, read its preview, open it, mark cases to compare."""

    # Its styles, library.tcss beside this file, are loaded with the app's (see `CaseTUI.CSS_PATH`).
    AUTO_FOCUS = "#cases"
    """The table, not the first focusable widget (the search field, which would index the library for search)."""
    BINDINGS: ClassVar[list[BindingType]] = [
        # A priority binding acts before keys reach the focused table, so keys typed in one burst after `/`
        # (or pasted) land in the search field rather than on the table, where `t` would open a sunset.
        Binding(
            "slash", "focus_search", "Search", id="search", tooltip="Search names, companies and tags", priority=True
        ),
        # Not in the footer: the table, focused from the start, takes `enter` itself (and hides the screen's
        # key), so a shown "Open" would appear only in the frames drawn before the table has the focus.
        Binding("enter", "open", "Open", id="open", show=False, tooltip="Open the highlighted case"),
        Binding("m", "mark", "Mark", id="mark", tooltip="Mark or unmark the case for comparison"),
        Binding("c", "compare", "Compare", id="compare", tooltip="Compare the marked cases"),
        Binding("t", "sunset", "Sunset", id="sunset", tooltip="Step through the case's sunset timeline"),
        Binding("s", "sort", "Sort", id="sort", show=False),
        Binding("S", "reverse", "Reverse", id="reverse", show=False),
        Binding("f", "cycle_status", "Status", id="status", show=False),
        Binding("g", "cycle_tag", "Tag", id="tag", show=False),
        Binding("x", "clear_filters", "Clear filters", id="clear", show=False),
        Binding("o", "overview", "Overview", id="goto-overview", show=False, tooltip="Charts of the cases shown"),
        Binding("p", "problems", "Problems", id="problems", show=False),
        Binding("escape", "escape", "Back", id="back", show=False),
        Binding("down", "focus_table", show=False),
    ]

    HORIZONTAL_BREAKPOINTS: ClassVar[list[tuple[int, str]]] = [(0, "-narrow"), (110, "-wide")]
    """Below 110 columns the preview moves under the table (library.tcss)."""
    VERTICAL_BREAKPOINTS: ClassVar[list[tuple[int, str]]] = [(0, "-short"), (22, "-tall")]
    """Below 22 rows the preview hides."""

    listing: reactive[Listing] = reactive(Listing, init=False, repaint=False)
    """The search, filters and sort order of the table (whose widgets redraw themselves: a repaint of the
    screen would redraw every widget on each keystroke)."""
    show_problems: reactive[bool] = reactive(False, init=False)
    """Whether the problems panel is open."""

    def __init__(self) -> None:
        super().__init__()
        self._selector = Selector()
        self._rows: list[Entry] = []

    @property
    def tui(self) -> CaseTUI:
        """The app, typed."""
        return cast("CaseTUI", self.app)

    def compose(self) -> ComposeResult:
        # Before the first layout, so that the first frame has this size's layout and the footer this
        # language's keys (the footer draws its keys as it mounts: `KeysFooter.compose`).
        set_breakpoints(self, self.app.size)
        localize_bindings(self, self.tui.lang)
        yield Header(icon="▤")
        yield SearchBar(id="search-bar")
        with Horizontal(id="body"):
            yield CaseTable(id="cases")
            yield CasePreview(id="preview")
        yield ProblemsPanel(id="problems")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.watch(self.app, "lang", self._lang_changed, init=False)
        self.watch(self.app, "marked", self._apply_marks, init=False)
        # Watched, not heard as Input.Changed: the message arrives after the screen has drawn the new
        # text, and the rows would be drawn in a second frame.
        self.watch(self.query_one(SearchBar).input, "value", self._search, init=False)
        self._apply_lang(self.tui.lang, refresh_footer=False)

    @property
    def table(self) -> CaseTable:
        """The case table."""
        return self.query_one(CaseTable)

    @property
    def highlighted(self) -> Entry | None:
        """The entry under the table cursor."""
        case_id = self.table.highlighted_id
        return None if case_id is None else self.tui.library.entries.get(case_id)

    # -- rendering -------------------------------------------------------------------------
    def _lang_changed(self, lang: str) -> None:
        self._apply_lang(lang)

    def _apply_lang(self, lang: str, refresh_footer: bool = True) -> None:
        """Re-render everything that holds words or case text."""
        self.title = "casetui"
        self.sub_title = word("library", lang)
        localize_bindings(self, lang)
        if refresh_footer:  # On mount the footer has yet to draw itself.
            self.refresh_bindings()
        self.query_one(SearchBar).set_lang(lang)
        self.query_one(ProblemsPanel).show(self.tui.library.problems, lang)
        self._refill()

    def _apply_marks(self, marked: tuple[str, ...]) -> None:
        self.table.set_marked(marked)
        self._show_state()

    def watch_listing(self) -> None:
        self._refill()

    def watch_show_problems(self, show: bool) -> None:
        self.set_class(show, "-problems")
        if show:
            # The "N problems: press p" toast sits over the panel's corner; the panel says all it said.
            self.app.clear_notifications()

    def _refill(self) -> None:
        """Filter and sort the entries into the table, then refresh the state line and the preview."""
        lang = self.tui.lang
        listing = self.listing
        entries = self.tui.library.entries
        self._rows = self._selector.rows(entries, listing, lang)
        self.table.show(self._rows, lang, self.tui.marked, listing.sort, listing.descending, entries.values())
        self._show_state()
        self._show_preview()

    def _show_state(self) -> None:
        total = len(self.tui.library.entries)
        marked, scheduled = len(self.tui.marked), self.table.marks_scheduled
        self.query_one(SearchBar).set_state(self.listing, self.tui.lang, len(self._rows), total, marked, scheduled)

    def _show_preview(self) -> None:
        preview = self.query_one(CasePreview)
        if not self.tui.library.entries:
            preview.show_message(word("no_cases", self.tui.lang))
        else:
            preview.show(self.highlighted, self.tui.lang)

    # -- events ----------------------------------------------------------------------------
    def on_case_reloaded(self, message: CaseReloaded) -> None:
        """A case file was saved: its row, the preview and the problems show what is on disk now."""
        self._selector = Selector()  # Its sorted orders and search text hold the old entries.
        self.table.forget_rows()
        self.query_one(ProblemsPanel).show(self.tui.library.problems, self.tui.lang)
        self.query_one(CasePreview).forget()
        self._refill()

    @on(CaseTable.Highlighted, "#cases")
    def _highlighted(self) -> None:
        self._show_preview()

    @on(CaseTable.Selected, "#cases")
    def _selected(self) -> None:
        self.action_open()

    @on(CaseTable.HeaderClicked, "#cases")
    def _header(self, event: CaseTable.HeaderClicked) -> None:
        """Click a header to sort by it; click it again to reverse."""
        column = event.column
        if column in COLUMNS:
            same = column == self.listing.sort
            self.listing = self.listing._replace(sort=column, descending=same and not self.listing.descending)

    def _search(self, value: str) -> None:
        self.listing = self.listing._replace(query=value)

    @on(events.DescendantFocus, "#search")
    def _search_focused(self) -> None:
        """Index the library for search while the user is yet to type (10,000 cases take a moment)."""
        self._selector.prepare(self.tui.library.entries)

    @on(Input.Submitted, "#search")
    def _submit(self) -> None:
        """Enter in the search opens the first match."""
        if self._rows:
            self.table.cursor = 0
            self.table.focus()
            self._open(self._rows[0])

    # -- actions ---------------------------------------------------------------------------
    def action_focus_search(self) -> None:
        """Put the cursor in the search field; typed in the field, `/` is just text.

        Focused at once (`set_focus`), not later as `Widget.focus` does, so the next key finds it focused.
        In the field the binding steps aside (`SkipAction`) and the key reaches the field in its turn:
        inserting it from here would put it before keys typed just ahead of it and not yet handled.
        """
        search = self.query_one(SearchBar).input
        if self.focused is search:  # Not `has_focus`, which the field sets only as it handles its Focus event.
            raise SkipAction
        self.set_focus(search)

    def action_focus_table(self) -> None:
        """Leave the search field for the table."""
        self.table.focus()

    def action_escape(self) -> None:
        """Leave the search field; else close the problems panel; else clear the search and filters."""
        if self.query_one(SearchBar).input.has_focus:
            self.table.focus()
        elif self.show_problems:
            self.show_problems = False
        elif self.listing.filtered:
            self.action_clear_filters()

    def action_open(self) -> None:
        """Open the highlighted case."""
        entry = self.highlighted
        if entry is not None:
            self._open(entry)

    def _open(self, entry: Entry) -> None:
        if entry.case is None:
            self._not_loaded(entry)
        else:
            self.tui.open_case(entry.id)

    def _not_loaded(self, entry: Entry) -> None:
        """A broken file cannot be opened: say so and show the problems."""
        self.show_problems = True
        shown = display_path(entry.path)  # escaped: a file name may hold terminal controls
        self.notify(f"{entry.id}: {word('failed_to_load', self.tui.lang)} {shown}", severity="error", markup=False)

    def action_mark(self) -> None:
        """Mark or unmark the highlighted case for comparison."""
        entry = self.highlighted
        if entry is None:
            return
        if not entry.ok:
            self._not_loaded(entry)
            return
        self.tui.toggle_mark(entry.id)

    def action_compare(self) -> None:
        """Compare the marked cases (at least two)."""
        if len(self.tui.marked) < 2:
            self.notify(word("mark_more", self.tui.lang), severity="warning", markup=False)
            return
        self.tui.open_compare(self.tui.marked)

    def action_sunset(self) -> None:
        """Open the sunset timeline of the highlighted case."""
        entry = self.highlighted
        if entry is None:
            return
        if entry.case is None:
            self._not_loaded(entry)
        elif not entry.case.events:
            self.notify(word("no_events", self.tui.lang), severity="warning", markup=False)
        else:
            self.tui.open_sunset(entry.id)

    def action_sort(self) -> None:
        """Sort by the next column on screen, ascending: a narrow terminal hides some, and a sort by one
        of those would order the rows by something the reader cannot see."""
        shown = [column for column in COLUMNS if column in self.table.columns] or ["name"]
        self.listing = self.listing._replace(sort=next_in(shown, self.listing.sort) or "name", descending=False)

    def action_reverse(self) -> None:
        """Reverse the sort direction."""
        self.listing = self.listing._replace(descending=not self.listing.descending)

    def action_cycle_status(self) -> None:
        """Show only the next status (then every status again)."""
        self.listing = self.listing._replace(status=next_in(STATUS_FILTERS, self.listing.status))

    def action_cycle_tag(self) -> None:
        """Show only the next tag (then every tag again)."""
        tags: list[str | None] = [None, *tags_of(self.tui.library.entries.values())]
        self.listing = self.listing._replace(tag=next_in(tags, self.listing.tag))

    def action_clear_filters(self) -> None:
        """Clear the search, both filters and the overview's bars; keep the sort order."""
        self.listing = self.listing._replace(query="", status=None, tag=None, facets=())
        self.query_one(SearchBar).input.value = ""  # After the listing, so that the rows are chosen once.

    def action_overview(self) -> None:
        """Charts of the cases shown; a bar chosen there narrows the table to its cases."""
        from casetui.tui.screens.overview import OverviewScreen

        summaries = [e.summary for e in self._rows if e.summary is not None]
        broken = len(self._rows) - len(summaries)
        screen = OverviewScreen(summaries, self.listing, len(self.tui.library.summaries), broken)
        self.app.push_screen(screen, callback=self.apply_facet)

    def apply_facet(self, facet: Facet | None) -> None:
        """Keep only the cases of a bar chosen in the overview (`x` clears it with the other filters)."""
        if facet is not None and not any(facet.same_as(f) for f in self.listing.facets):
            self.listing = self.listing._replace(facets=(*self.listing.facets, facet))

    def action_problems(self) -> None:
        """Open or close the problems panel."""
        self.show_problems = not self.show_problems
