"""Find the line of a key path in a TOML document, for error messages.

tomli gives values, not positions, so after it has accepted a document this scanner walks the
same text and records the line on which each key path begins: headers, dotted keys, inline
tables and array elements. It runs only when there is an error to report, never on the
happy path, so loading stays fast.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

import tomli

KeyPath = tuple[str | int, ...]

_BARE = set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-")


class _Scanner:
    def __init__(self, text: str) -> None:
        self.s = text
        self.i = 0
        self.line = 1
        self.lines: dict[KeyPath, int] = {}
        self.aot_count: dict[KeyPath, int] = {}

    # -- low-level -------------------------------------------------------------------------
    def peek(self, n: int = 1) -> str:
        return self.s[self.i : self.i + n]

    def advance(self, n: int = 1) -> None:
        chunk = self.s[self.i : self.i + n]
        self.line += chunk.count("\n")
        self.i += n

    def skip_space(self, newlines: bool) -> None:
        """Skip blanks and comments (and newlines when `newlines`)."""
        while self.i < len(self.s):
            c = self.s[self.i]
            if c in " \t\r" or (newlines and c == "\n"):
                self.advance()
            elif c == "#":
                end = self.s.find("\n", self.i)
                self.i = len(self.s) if end < 0 else end
            else:
                return

    def skip_string(self) -> str:
        """Skip a string of any kind, returning its value for single-line ones."""
        for quote in ('"""', "'''"):
            if self.peek(3) == quote:
                end = self.i + 3
                while True:
                    end = self.s.index(quote, end)
                    if quote == '"""' and _escaped(self.s, end):
                        end += 1
                        continue
                    break
                # A closing delimiter may be followed by up to two more quotes of content.
                while self.s[end + 3 : end + 4] == quote[0]:
                    end += 1
                self.advance(end + 3 - self.i)
                return ""
        quote = self.s[self.i]
        end = self.i + 1
        while True:
            end = self.s.index(quote, end)
            if quote == '"' and _escaped(self.s, end):
                end += 1
                continue
            break
        raw = self.s[self.i : end + 1]
        self.advance(end + 1 - self.i)
        if quote == "'":
            return raw[1:-1]
        try:
            return str(json.loads(raw))
        except ValueError:
            pass
        try:  # TOML-only escapes such as \U0001F600 or \e, which JSON does not know.
            return str(tomli.loads(f"k = {raw}")["k"])
        except tomli.TOMLDecodeError:
            return raw[1:-1]

    def key(self) -> list[str]:
        """Read a (dotted) key up to `=` or `]`."""
        parts: list[str] = []
        while True:
            self.skip_space(newlines=False)
            c = self.peek()
            if c in ('"', "'"):
                parts.append(self.skip_string())
            else:
                start = self.i
                while self.i < len(self.s) and self.s[self.i] in _BARE:
                    self.i += 1
                parts.append(self.s[start : self.i])
            self.skip_space(newlines=False)
            if self.peek() == ".":
                self.i += 1
                continue
            return parts

    def record(self, path: KeyPath) -> None:
        self.lines.setdefault(path, self.line)

    def record_parents(self, path: KeyPath) -> None:
        """Record the tables a header or dotted key creates on the way (`[a.b.c]` creates `a.b`)."""
        for end in range(1, len(path)):
            self.record(path[:end])

    # -- structure -------------------------------------------------------------------------
    def resolve(self, parts: Sequence[str]) -> KeyPath:
        """Insert the current index after each array-of-tables prefix."""
        path: list[str | int] = []
        for part in parts:
            path.append(part)
            count = self.aot_count.get(tuple(path))
            if count is not None:
                path.append(count - 1)
        return tuple(path)

    def document(self) -> None:
        prefix: KeyPath = ()
        while True:
            self.skip_space(newlines=True)
            if self.i >= len(self.s):
                return
            if self.peek(2) == "[[":
                self.i += 2
                parts = self.key()
                self.i += 2
                base = self.resolve(parts[:-1]) + (parts[-1],)
                self.aot_count[base] = self.aot_count.get(base, 0) + 1
                prefix = base + (self.aot_count[base] - 1,)
                self.record_parents(base)
                self.record(base)
                self.record(prefix)
            elif self.peek() == "[":
                self.i += 1
                prefix = self.resolve(self.key())
                self.i += 1
                self.record_parents(prefix)
                self.record(prefix)
            else:
                path = prefix + tuple(self.key())
                self.record_parents(path)
                self.record(path)
                self.i += 1  # '='
                self.value(path)

    def value(self, path: KeyPath) -> None:
        self.skip_space(newlines=False)
        c = self.peek()
        if c in ('"', "'"):
            self.skip_string()
        elif c == "[":
            self.advance()
            index = 0
            while True:
                self.skip_space(newlines=True)
                if self.peek() == "]":
                    self.advance()
                    return
                self.record(path + (index,))
                self.value(path + (index,))
                self.skip_space(newlines=True)
                if self.peek() == ",":
                    self.advance()
                    index += 1
        elif c == "{":
            self.advance()
            while True:
                self.skip_space(newlines=True)
                if self.peek() == "}":
                    self.advance()
                    return
                if self.peek() == ",":
                    self.advance()
                    continue
                sub = path + tuple(self.key())
                self.record(sub)
                self.advance()  # '='
                self.value(sub)
        else:
            while self.i < len(self.s) and self.s[self.i] not in ",]}\n#":
                self.i += 1


def _escaped(s: str, pos: int) -> bool:
    """True when the quote at `pos` is preceded by an odd number of backslashes."""
    n = 0
    while pos - n - 1 >= 0 and s[pos - n - 1] == "\\":
        n += 1
    return n % 2 == 1


def key_lines(text: str) -> dict[KeyPath, int]:
    """Map each key path in a valid TOML document to the line where it starts (1-based)."""
    scanner = _Scanner(text)
    try:
        scanner.document()
    except (ValueError, IndexError, RecursionError):
        pass  # Best effort: lines found so far still help.
    return scanner.lines


def line_of(lines: dict[KeyPath, int], path: KeyPath) -> int | None:
    """The line of `path`, or of its nearest recorded ancestor."""
    for end in range(len(path), 0, -1):
        line = lines.get(path[:end])
        if line is not None:
            return line
    return None


def format_path(path: KeyPath) -> str:
    """`("events", 2, "date")` -> `events[2].date`; keys that are not bare are quoted."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            name = part if part and all(c in _BARE for c in part) else json.dumps(part, ensure_ascii=False)
            out += f".{name}" if out else name
    return out
