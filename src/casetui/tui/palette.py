"""The command palette in the app's language, with a field that takes a burst of keys in order.

Textual's palette speaks English: its placeholder and its system commands (Theme, Quit, Keys,
Screenshot...). This one takes its placeholder from the app's words, and `localized_commands`
renames the system commands; its field is casetui's `OrderedCommandInput` (see ordered_input.py).
"""

from __future__ import annotations

from collections.abc import Iterable

from textual.app import ComposeResult, SystemCommand
from textual.command import CommandList, CommandPalette, SearchIcon
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, LoadingIndicator

from casetui.tui.labels import is_zh
from casetui.tui.widgets.ordered_input import OrderedCommandInput

SYSTEM_COMMANDS_ZH: dict[str, tuple[str, str]] = {
    # Textual's title: (Chinese title, Chinese help).
    "Theme": ("主题", "更换配色主题"),
    "Quit": ("退出", "立即退出程序"),
    "Keys": ("按键", "显示或隐藏当前控件的帮助和按键一览"),
    "Maximize": ("最大化", "最大化当前控件"),
    "Minimize": ("还原", "把最大化的控件还原为正常大小"),
    "Screenshot": ("截图", "把当前屏幕保存为 SVG 截图"),
}


def localized_commands(commands: Iterable[SystemCommand], lang: str) -> Iterable[SystemCommand]:
    """Textual's system commands with their titles and help in `lang` (as they are in English)."""
    for command in commands:
        words = SYSTEM_COMMANDS_ZH.get(command.title) if is_zh(lang) else None
        yield command if words is None else command._replace(title=words[0], help=words[1])


class Palette(CommandPalette):
    """Textual's command palette, composed with casetui's ordered field."""

    def compose(self) -> ComposeResult:
        # As CommandPalette.compose (Textual 8), with the field swapped.
        with Vertical(id="--container"):
            with Horizontal(id="--input"):
                yield SearchIcon()
                yield OrderedCommandInput(placeholder=self._placeholder, select_on_focus=False)
                if not self.run_on_select:
                    yield Button("\u25b6")
            with Vertical(id="--results"):
                yield CommandList()
                yield LoadingIndicator()
