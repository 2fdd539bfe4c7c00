"""The keys screen (`?`): every binding of the screen it was opened over, then those that work everywhere."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual.actions import parse
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.dom import DOMNode
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from casetui.tui.labels import word

KEY_STYLE = "bold #d08a1c"


@dataclass(frozen=True, slots=True)
class KeyHelp:
    """One key and what it does."""

    key: str
    description: str
    everywhere: bool
    """True for app-wide keys, False for the screen's own."""


def keys_of(screen: Screen[object]) -> list[KeyHelp]:
    """casetui's bindings on `screen`, then the app's, one line per action and each key once.

    Read from each node's own bindings (`_bindings`, already in the display language) rather than
    `active_bindings`, where the focused widget's keys hide the screen's: `enter` on the library
    is the table's "select", which the screen turns into "open". A binding the screen turns off
    (`check_action` False: `esc` quits only in workshop mode) is left out, and a key the screen
    binds hides the app's binding of it (`d` on compare is "Diffs only", not "Light/dark").
    """
    app = screen.app
    keys: list[KeyHelp] = []
    taken: set[str] = set()
    for node, everywhere in ((screen, False), (app, True)):
        by_action: dict[str, KeyHelp] = {}
        mine: set[str] = set()
        for key, binding in node._bindings:
            if binding.id is None or not binding.description:
                continue  # Textual's own (focus, copy) rather than casetui's.
            if key in taken or not _enabled(node, binding.action):
                continue
            mine.add(key)
            shown = app.get_key_display(binding)
            previous = by_action.get(binding.action)
            if previous is not None:
                shown = f"{previous.key} {shown}"
            by_action[binding.action] = KeyHelp(shown, binding.description, everywhere)
        taken |= mine
        keys += by_action.values()
    return keys


def _enabled(node: DOMNode, action: str) -> bool:
    """False when `node` hides the action's binding where it stands (its `check_action` says False)."""
    _namespace, name, parameters = parse(action)
    return node.check_action(name, parameters) is not False


class HelpScreen(ModalScreen[None]):
    """A dialog that lists the keys; escape or `?` closes it."""

    DEFAULT_CSS = """
    HelpScreen {
        align: center middle;
    }
    HelpScreen > VerticalScroll {
        width: 68;
        max-width: 100%;
        height: auto;
        max-height: 100%;
        padding: 1 2;
        background: $panel;
        border: round $primary;
        border-title-color: $primary;
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,question_mark", "dismiss", "Close", show=False),
    ]

    def __init__(self, keys: Sequence[KeyHelp], lang: str, notes: Sequence[str] = ()) -> None:
        super().__init__()
        self.keys = list(keys)
        self.lang = lang
        self.notes = list(notes)
        """Lines under the keys on what this screen does without one (live reload, the speaker view)."""

    def compose(self) -> ComposeResult:
        with VerticalScroll() as box:
            box.border_title = word("keys", self.lang)
            box.can_focus = False
            yield Static(render_keys(self.keys, self.lang, self.notes), id="help-body")


def render_keys(keys: Sequence[KeyHelp], lang: str, notes: Sequence[str] = ()) -> RenderableType:
    """This screen's keys and the app's, side by side, as key/description columns."""
    groups = []
    for everywhere, title in ((False, word("on_screen", lang)), (True, word("everywhere", lang))):
        group = [k for k in keys if k.everywhere is everywhere]
        if not group:
            continue
        table = Table.grid(padding=(0, 2))
        table.add_column(no_wrap=True, style=KEY_STYLE)
        table.add_column()
        for key in group:
            table.add_row(Text(key.key), Text(key.description))
        groups.append(Group(Text(title, style="bold underline"), table))
    layout = Table.grid(padding=(0, 4))
    for _ in groups:
        layout.add_column(vertical="top")
    layout.add_row(*groups)
    lines: list[RenderableType] = [layout]
    for note in notes:
        lines += [Text(""), Text(note)]
    return Group(*lines, Text(""), Text(word("close_help", lang), style="dim italic"))
