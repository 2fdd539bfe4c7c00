"""The hostile corpus as these tests see it: the generator, which names are cases, which are not."""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

from .support import HOSTILE


def load_generator() -> ModuleType:
    """tests/hostile/generate.py as a module (it is a script, not a package member)."""
    spec = importlib.util.spec_from_file_location("hostile_generate", HOSTILE / "generate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


GENERATE = load_generator()

LOADS = {
    "good-plain",
    "good-bom",
    "good-crlf",
    "good-bom-crlf",
    "good-terminal-text",
    "alias",
    "long-strings",
    "many-events",
    "unreadable",  # mode 000 loads when the tests run as root; `loadable` drops it otherwise
    "dup-id",
}
"""Stems of the corpus files that are cases (the rest must fail with located problems)."""


@dataclass(frozen=True)
class Corpus:
    """The whole hostile library (static and generated files) in a folder of its own."""

    target: Path
    """The folder holding `library/` and the `outside/` folder a symlink points into."""
    library: Path
    before: dict[str, tuple[bytes, int]]
    """Bytes and modification time of every readable file, taken before any test ran."""


def corpus_stems() -> list[str]:
    """Every name in the corpus that looks like a case file, static and generated, as a case id."""
    cases = HOSTILE / "cases"
    static = [p.name for p in cases.iterdir() if p.suffix == ".toml" and not p.name.startswith(("_", "."))]
    generated = [name for name in GENERATE.GENERATED if name.endswith(".toml")]
    return sorted({name.removesuffix(".toml") for name in [*static, *generated, "loop-b.toml"]} | {"dup-id"})


def loadable(corpus: Corpus) -> set[str]:
    """LOADS, less the mode-000 file where it cannot be read (not running as root)."""
    try:
        (corpus.library / "unreadable.toml").read_bytes()
    except PermissionError:
        return LOADS - {"unreadable"}
    return LOADS
