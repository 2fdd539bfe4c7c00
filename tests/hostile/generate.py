"""Write the hostile case files that cannot be committed as static files.

Run it to get the whole corpus in a folder of your own:

    python tests/hostile/generate.py /tmp/hostile-library

`test_hostile.py` calls `generate()` on a copy of `tests/hostile/cases/` in a temporary folder.
Each entry of `GENERATED` is a file name and what casetui must do with it.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

CASES = Path(__file__).resolve().parent / "cases"

HEAD = """\
format = 1

[case]
name = "Generated"
status = "active"
summary = "Written by tests/hostile/generate.py."

[model]
type = "Marketplace"
"""

MIB = 1 << 20
NASTY_NAME = "evil-\x1b]52;c;ZXZpbA==\x07-\u202e.toml"
"""OSC 52 (write to the clipboard), BEL and a bidi override, in a file name."""

GENERATED = {
    "huge.toml": "over 1 MiB: refused unread",
    "many-events.toml": "10,000 events: loads",
    "long-strings.toml": "strings and arrays close to 1 MiB in all: loads",
    "deep-arrays.toml": "10,000 nested arrays: one error, no RecursionError",
    "deep-tables.toml": "10,000 nested inline tables: one error, no RecursionError",
    "folder.toml": "a folder with a case name: one error, not read",
    "fifo.toml": "a named pipe: one error, the scan does not block",
    "unreadable.toml": "mode 000: one error (unless running as root)",
    "loop.toml": "a symlink to itself: one error",
    "loop-a.toml": "two symlinks pointing at each other: one error each",
    "dangling.toml": "a symlink to nothing: one error",
    "outside.toml": "a symlink to a case outside the library: reported, not read",
    "alias.toml": "a symlink to a case inside the library: loads",
    "up": "a folder symlink back up the tree: not followed",
    NASTY_NAME: "a file name holding terminal controls: one error, the name shown escaped",
}


def many_events(count: int = 10_000) -> str:
    """A valid case with `count` events over 100 services, in reverse date order."""
    services = "".join(f's{i} = "Service {i}"\n' for i in range(100))
    events = []
    for i in range(count):
        year, month = 2000 + (count - i) // 1000, 1 + i % 12
        ends = f'ends = ["s{i // 100}"]\n' if i % 100 == 0 else ""
        events.append(f'[[events]]\ndate = "{year}-{month:02d}"\ntitle = "Event {i}"\nid = "e{i}"\n{ends}')
    return HEAD + "\n[services]\n" + services + "\n" + "\n".join(events)


def long_strings() -> str:
    """One string of 600,000 characters and an array of 20,000 tags: big, but under 1 MiB."""
    summary = "长" * 100_000 + "x" * 300_000
    tags = ", ".join(f'"t{i}"' for i in range(20_000))
    return HEAD.replace('summary = "Written by tests/hostile/generate.py."', f'summary = "{summary}"\ntags = [{tags}]')


def generate(root: Path, outside: Path) -> None:
    """Add the generated files to the library folder `root`; `outside` is a folder beyond it."""
    root.mkdir(parents=True, exist_ok=True)
    outside.mkdir(parents=True, exist_ok=True)
    with open(root / "huge.toml", "w", encoding="utf-8") as handle:
        handle.write(HEAD)
        handle.write("# padding\n" * (MIB // 10 + 1))
    (root / "many-events.toml").write_text(many_events(), encoding="utf-8")
    long_text = long_strings()
    assert len(long_text.encode()) < MIB
    (root / "long-strings.toml").write_text(long_text, encoding="utf-8")
    (root / "deep-arrays.toml").write_text(HEAD + "x_deep = " + "[" * 10_000 + "]" * 10_000 + "\n", encoding="utf-8")
    (root / "deep-tables.toml").write_text(HEAD + "deep = " + "{ a = " * 10_000 + "1" + " }" * 10_000 + "\n")
    (root / "folder.toml").mkdir()
    (root / "folder.toml" / "inside.toml").write_text(HEAD, encoding="utf-8")
    if hasattr(os, "mkfifo"):
        os.mkfifo(root / "fifo.toml")
    unreadable = root / "unreadable.toml"
    unreadable.write_text(HEAD, encoding="utf-8")
    unreadable.chmod(0)
    os.symlink("loop.toml", root / "loop.toml")
    os.symlink("loop-b.toml", root / "loop-a.toml")
    os.symlink("loop-a.toml", root / "loop-b.toml")
    os.symlink("nowhere/at-all.toml", root / "dangling.toml")
    (outside / "secret.toml").write_text(HEAD, encoding="utf-8")
    os.symlink(outside / "secret.toml", root / "outside.toml")
    os.symlink("good-plain.toml", root / "alias.toml")
    os.symlink(".", root / "up", target_is_directory=True)
    (root / NASTY_NAME).write_text(HEAD, encoding="utf-8")


def build(target: Path) -> Path:
    """The static corpus copied to `target/library`, plus the generated files; returns the library."""
    library = target / "library"
    shutil.copytree(CASES, library, symlinks=True)
    generate(library, target / "outside")
    return library


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python tests/hostile/generate.py TARGET_FOLDER")
    print(build(Path(sys.argv[1])))
