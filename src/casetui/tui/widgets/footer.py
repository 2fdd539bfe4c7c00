"""The footer: the screen's keys, fitted to the terminal's width, rebuilt only when what it shows changes."""

from __future__ import annotations

from rich.cells import cell_len
from textual import events
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from casetui.record import NamedTuple
from casetui.tui.labels import short_label

KEEP = ("help", "lang")
"""Binding ids the footer never drops: `?` lists every other key, and `L` is how a reader gets their language."""
KEEP_LONGER = ("back", "quit")
"""Binding ids dropped only after every other key: the ways out."""
DROP_FIRST = ("first", "last")
"""Binding ids dropped before the others: `home` and `end` say what they do by their names."""


class FooterItem(NamedTuple):
    """One key as the footer shows it (a record: a frozen dataclass takes ten times as long to define, at start-up)."""

    key: str
    display: str
    description: str
    action: str
    enabled: bool
    tooltip: str
    palette: bool = False

    @property
    def width(self) -> int:
        """Cells it takes: ` key description ` (FooterKey's padding), or the bare key without a description.

        The command palette's key is compact (no padding) and docked right: a one-cell border,
        `key description`, and a cell after it.
        """
        if self.palette:
            return 1 + cell_len(self.display) + (cell_len(self.description) + 1 if self.description else 0) + 1
        return cell_len(self.display) + (cell_len(self.description) + 3 if self.description else 0)


def fit(items: list[FooterItem], ids: list[str | None], width: int, lang: str) -> tuple[FooterItem, ...]:
    """The items that fit in `width` cells: full labels, else short ones, else fewer keys.

    `ids` are the items' binding ids. Labels are shortened one by one, the palette's first, then
    from the end of the keys, `L` last; a key is dropped only when every label is already short:
    `home` and `end` first, then from the end, the ways out (`esc`, `q`) last, and `?` and `L` never.
    """
    shown = list(items)

    def total() -> int:
        return sum(item.width for item in shown if item is not None)

    last = range(len(items) - 1, -1, -1)
    for index in sorted(last, key=lambda i: 0 if items[i].palette else 2 if ids[i] in KEEP else 1):
        if total() <= width:
            return tuple(shown)
        shown[index] = _shortened(items[index], ids[index], lang)
    droppable = [i for i in last if ids[i] not in KEEP and ids[i] not in KEEP_LONGER and not items[i].palette]
    # `home` and `end` go together: one without the other would look like a key missing by mistake.
    steps = [[i for i in droppable if ids[i] in DROP_FIRST]]
    steps += [[i] for i in droppable if ids[i] not in DROP_FIRST]
    steps += [[i] for i in last if ids[i] in KEEP_LONGER]
    kept: list[FooterItem | None] = list(shown)
    for step in steps:
        if sum(item.width for item in kept if item is not None) <= width:
            break
        for index in step:
            kept[index] = None
    return tuple(item for item in kept if item is not None)


def _shortened(item: FooterItem, binding_id: str | None, lang: str) -> FooterItem:
    if item.palette:  # `^p` alone: the key is known, and its tooltip says the rest.
        return FooterItem(item.key, item.display, "", item.action, item.enabled, item.tooltip, palette=True)
    short = short_label(binding_id, lang) if binding_id is not None else None
    if short is None:
        return item
    return FooterItem(item.key, item.display, short, item.action, item.enabled, item.tooltip or item.description)


class KeysFooter(Footer):
    """A `Footer` that fits its keys to the width and skips rebuilding when nothing it shows has changed.

    At 80 columns Textual's footer cuts the keys at the right edge, where `?` and `L` are. This one
    measures each key in cells (a CJK character is two) and shortens labels, then drops the
    screen's least keys, so that `?` (which lists them all) and `L` always show.

    Textual rebuilds every key of the footer each time a screen says its bindings changed. When a
    screen opens that happens three times over for the same keys (focus moves, the screen stack
    changes, the terminal reports focus), each rebuild mounting and styling a widget per key: on
    the library screen about a tenth of the time to the first frame. So a rebuild is skipped when
    one is already scheduled (it reads the bindings when it runs) or the keys shown would not change.
    """

    def __init__(self) -> None:
        super().__init__()
        self._shown: tuple[FooterItem, ...] | None = None
        """The keys on display; None before the first build."""
        self._rebuild_pending = False
        """A rebuild is scheduled: it will read the bindings as they are then, so another is not needed."""

    def _plan(self, screen: Screen[object]) -> tuple[FooterItem, ...]:
        """The keys to show for the screen's bindings at the app's width."""
        app = self.app
        palette_key = app.COMMAND_PALETTE_BINDING
        items: list[FooterItem] = []
        ids: list[str | None] = []
        actions: set[str] = set()
        palette: tuple[FooterItem, str | None] | None = None
        for key, (_node, binding, enabled, tooltip) in screen.active_bindings.items():
            if key == palette_key and self.show_command_palette and app.ENABLE_COMMAND_PALETTE:
                item = FooterItem(
                    binding.key,
                    app.get_key_display(binding),
                    binding.description,
                    binding.action,
                    enabled,
                    binding.tooltip or binding.description,
                    palette=True,
                )
                palette = (item, binding.id)
                continue
            if not binding.show or binding.action in actions:
                continue  # One key per action, as Textual's footer shows: `→` for `right,space,l`.
            actions.add(binding.action)
            display = app.get_key_display(binding)
            items.append(FooterItem(binding.key, display, binding.description, binding.action, enabled, tooltip))
            ids.append(binding.id)
        if palette is not None:
            items.append(palette[0])
            ids.append(palette[1])
        return fit(items, ids, app.size.width, str(getattr(app, "lang", "en")))

    def compose(self) -> ComposeResult:
        self._rebuild_pending = False
        # Textual's footer stays empty until the screen first reports its bindings, after the first
        # frame: the screen would first show without its keys. They are known already, so draw them now.
        self.set_reactive(Footer._bindings_ready, True)
        self._shown = self._plan(self.screen)
        for item in self._shown:
            key = FooterKey(
                item.key,
                item.display,
                item.description,
                item.action,
                disabled=not item.enabled,
                tooltip=item.tooltip,
                classes="-command-palette" if item.palette else "",
            )
            # As Textual's footer: the palette's key stays compact, the others follow the footer.
            yield key if item.palette else key.data_bind(compact=Footer.compact)

    def bindings_changed(self, screen: Screen[object]) -> None:
        if screen is self.screen:
            if self._rebuild_pending:
                return
            if self._shown is not None and self._plan(screen) == self._shown:
                return
            # The conditions under which Textual's footer schedules a rebuild (after the next refresh).
            self._rebuild_pending = screen.app.app_focus and self.is_attached
        super().bindings_changed(screen)

    def on_resize(self, _event: events.Resize) -> None:
        """A new width may fit more keys or fewer."""
        if self._shown is not None and not self._rebuild_pending and self._plan(self.screen) != self._shown:
            self._rebuild_pending = True
            self.call_after_refresh(self.recompose)
