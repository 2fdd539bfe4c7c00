"""The mutation list keeps up with the code: every snippet still plants its bug, and every named test runs.

`run.py` refuses to start on a stale list, but it runs by hand and rarely; this runs with the suite, so
a change that moves a snippet is seen by whoever makes it, not at the next mutation run.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from mutations import MUTATIONS, stale  # beside this file: pytest puts this folder on the path

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(
    not (ROOT / "src/casetui").is_dir(), reason="tests copied out to test an installed wheel: no sources"
)


def test_every_snippet_occurs_exactly_once_in_its_file() -> None:
    assert stale(MUTATIONS, ROOT) == []


def test_every_mutated_file_still_compiles() -> None:
    """A mutation that breaks the syntax fails every test: it would count as caught and teach nothing."""
    broken = []
    for mutation in MUTATIONS:
        path = ROOT / "src/casetui" / mutation.path
        source = path.read_text(encoding="utf-8").replace(mutation.original, mutation.mutated)
        try:
            compile(source, str(path), "exec")
        except SyntaxError as error:
            broken.append(f"{mutation.name}: {error}")
    assert broken == []


def test_every_mutation_changes_its_snippet() -> None:
    assert [m.name for m in MUTATIONS if m.original == m.mutated] == []


def test_every_named_test_exists_and_every_name_is_unique() -> None:
    """pytest given a missing file fails, which would count the mutation as caught."""
    missing = sorted({t for m in MUTATIONS for t in m.tests if not (ROOT / t).exists()})
    assert missing == []
    names = [m.name for m in MUTATIONS]
    assert sorted(n for n in set(names) if names.count(n) > 1) == []
