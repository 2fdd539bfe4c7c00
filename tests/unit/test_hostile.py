"""The hostile corpus (tests/hostile): broken, huge, odd and malicious files in one library folder.

Each broken file gets exactly the one-line, located problems listed here; nothing raises; the good
cases beside them still load; terminal control sequences in text load as visible escapes; and no
file is ever written to.
"""

from __future__ import annotations

import dataclasses
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from casetui import derive
from casetui.library import Library, load_library, validate_paths
from casetui.loader import parse_case
from casetui.model import Case
from casetui.problems import CaseError
from casetui.text import LText

from .helpers import HOSTILE

ONE_LINE = re.compile(r"^[^:\n]+(:\d+)?: \S[^\n]*: [^\n]+$")
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
TEXT = "expected text (a string or a table like { en = …, zh = … }), got"
MISSING = "required key is missing"

EXPECTED: dict[str, list[tuple[int | None, str, str]]] = {
    # TOML syntax: (line, "toml", part of the parser's message).
    "toml-unclosed-header": [(3, "toml", "Expected ']' at the end of a table declaration")],
    "toml-duplicate-key": [(10, "toml", "Cannot overwrite a value")],
    "toml-unterminated-string": [(10, "toml", "Illegal character")],
    "toml-bad-date": [(10, "toml", "Invalid date or datetime")],
    "toml-bare-word": [(10, "toml", "Expected '=' after a key")],
    "toml-raw-escape-byte": [(10, "toml", "Invalid value")],
    "toml-unclosed-array": [(14, "toml", "")],
    "toml-table-twice": [(10, "toml", "Cannot declare ('model',) twice")],
    # Not cases at all.
    "empty": [(None, "format", MISSING), (None, "case", MISSING), (None, "model", MISSING)],
    "only-comments": [(None, "format", MISSING), (None, "case", MISSING), (None, "model", MISSING)],
    "not-utf8": [(10, "file", "not UTF-8 (byte 0xe9)")],
    "utf16": [(1, "file", "not UTF-8 (byte 0xff)")],
    # Every schema rule broken once.
    "schema-no-format": [(None, "format", "required key is missing (write format = 1 at the top)")],
    "schema-format-2": [(1, "format", "written for format 2; this casetui reads 1")],
    "schema-format-string": [(1, "format", "expected an integer, got a string")],
    "schema-no-case": [(None, "case", MISSING)],
    "schema-no-model": [(None, "model", MISSING)],
    "schema-missing-name": [(3, "case.name", MISSING)],
    "schema-missing-model-type": [(8, "model.type", MISSING)],
    "schema-unknown-key": [(7, "case.sumary", 'unknown key "sumary" (did you mean "summary"?)')],
    "schema-unknown-top-key": [(10, "evnets", 'unknown key "evnets" (did you mean "events"?)')],
    "schema-bad-status": [(5, "case.status", 'unknown value "shutdown" (did you mean "shut-down"?)')],
    "schema-bad-kind": [(14, "events[0].kind", 'unknown value "annoucement" (did you mean "announcement"?)')],
    "schema-wrong-type-name": [(4, "case.name", f"{TEXT} an integer")],
    "schema-wrong-type-deep": [(30, "events[3].ends[0]", "expected a string, got an integer")],
    "schema-event-missing-date": [(11, "events[0].date", MISSING)],
    "schema-bad-partial-date": [(12, "events[0].date", "'2019-13' has no month 13")],
    "schema-date-as-number": [
        (7, "case.launched", 'expected a date (2022-01-17, "2019-10" or "2019"), got an integer')
    ],
    "schema-source-names-nothing": [
        (14, "events[0].source", 'source "jianshi-2021" names no [sources] entry (did you mean "jianshi-2022"?)')
    ],
    "schema-ends-names-nothing": [
        (17, "events[0].ends[0]", 'service "checkin" names no [services] entry (did you mean "check_in"?)')
    ],
    "schema-question-event-names-nothing": [
        (18, "questions[0].event", 'event "anounce" names no event id (did you mean "announce"?)')
    ],
    "schema-duplicate-event-id": [(19, "events[1].id", 'duplicate event id "same" (also events[0])')],
    "schema-ended-before-launched": [(8, "case.ended", "2020-05-31 is before launched (2020-06)")],
    "schema-id-mismatch": [(4, "case.id", '"another-case" does not match the file name "schema-id-mismatch"')],
    "Bad_Id": [(None, "(top)", 'bad case id "Bad_Id" (from the file name)')],
    "a" * 65: [(None, "(top)", "at most 64 characters")],
    "schema-fact-without-value": [(10, "model.fee", 'a fact needs a "value" key')],
    "schema-fact-nan": [(10, "model.rate.value", "a number must be finite (not nan or inf)")],
    "schema-bad-language-tag": [(4, "case.name.english", '"english" is not a language tag')],
    "schema-empty-text-table": [(4, "case.name", "empty text")],
    "schema-phase-ends-before-start": [(14, "phases[0].end", "2019-12 is before the start 2020")],
    "schema-inline-events": [(4, "events[1].date", "got an integer")],
    # Generated (tests/hostile/generate.py).
    "huge": [(None, "file", "larger than 1 MiB (1,048,7")],
    "deep-arrays": [(10, "toml", "nested too deeply to read")],
    "deep-tables": [(10, "toml", "nested too deeply to read")],
    "folder": [(None, "file", "is a folder, not a case file")],
}
if hasattr(os, "mkfifo"):
    EXPECTED["fifo"] = [(None, "file", "not a regular file; not read")]

GOOD = ("good-plain", "good-terminal-text", "good-bom", "good-crlf", "good-bom-crlf", "alias", "long-strings")

NOT_ENTRIES = {
    # Files the scan reports without making them library entries.
    "loop": "cannot read",
    "loop-a": "cannot read",
    "loop-b": "cannot read",
    "dangling": "cannot read",
    "outside": "symlink points outside the library; not read",
}


def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("hostile_generate", HOSTILE / "generate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _snapshot(root: Path) -> dict[str, tuple[bytes, int]]:
    """Bytes and modification time of every regular file under `root` that can be read."""
    out = {}
    for path in root.rglob("*"):
        try:
            if path.is_file() and not path.is_symlink() and os.access(path, os.R_OK):
                out[str(path)] = (path.read_bytes(), path.stat().st_mtime_ns)
        except OSError:
            pass
    return out


@dataclasses.dataclass
class Corpus:
    root: Path
    library: Library
    before: dict[str, tuple[bytes, int]]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Corpus]:
    target = tmp_path_factory.mktemp("hostile")
    root = _generator().build(target)
    before = _snapshot(target)
    result: list[Library] = []
    # In a thread, so that a scan that blocks (on the FIFO, say) fails the test instead of hanging it.
    worker = threading.Thread(target=lambda: result.append(load_library([root])), daemon=True)
    worker.start()
    worker.join(timeout=60)
    assert not worker.is_alive(), "loading the hostile library blocked"
    assert result, "loading the hostile library raised"
    yield Corpus(root, result[0], before)
    (root / "unreadable.toml").chmod(0o644)  # so the temporary folder can be cleaned up


def _name(path: str) -> str:
    return Path(path).name.removesuffix(".toml")


@pytest.mark.parametrize("stem", sorted(EXPECTED))
def test_each_broken_file_gets_exactly_its_located_errors(corpus: Corpus, stem: str) -> None:
    entry = corpus.library.entries[stem]
    assert entry.case is None
    got = [(p.line, p.key, p.message) for p in entry.problems]
    assert [(line, key) for line, key, _ in got] == [(line, key) for line, key, _ in EXPECTED[stem]], got
    for (_, _, message), (_, _, part) in zip(got, EXPECTED[stem], strict=True):
        assert part in message
    for problem in entry.problems:
        shown = str(problem)
        assert ONE_LINE.match(shown), shown
        assert _name(problem.path) == stem
        assert "Traceback" not in shown


def test_the_good_cases_beside_them_still_load(corpus: Corpus) -> None:
    for stem in GOOD:
        assert corpus.library.get(stem) is not None, corpus.library.entries[stem].problems
    bom, crlf = corpus.library.get("good-bom"), corpus.library.get("good-crlf")
    assert bom is not None and bom.name.get() == "BOM Market"
    assert crlf is not None and crlf.name.get() == "CRLF Market"


def test_every_file_is_accounted_for(corpus: Corpus) -> None:
    nasty = "evil-\\x1b]52;c;ZXZpbA==\\x07-\\u202e"
    expected_entries = set(EXPECTED) | set(GOOD) | {"dup-id", "many-events", "unreadable", nasty}
    assert set(corpus.library.entries) == expected_entries
    outside_entries = {_name(p.path): p.message for p in corpus.library.problems if _name(p.path) in NOT_ENTRIES}
    assert set(outside_entries) == set(NOT_ENTRIES)
    for stem, part in NOT_ENTRIES.items():
        assert part in outside_entries[stem]


def test_static_bom_and_crlf_files_kept_their_bytes() -> None:
    cases = HOSTILE / "cases"
    assert (cases / "good-bom.toml").read_bytes().startswith(b"\xef\xbb\xbf")
    assert b"\r\n" in (cases / "good-crlf.toml").read_bytes()
    assert (cases / "good-bom-crlf.toml").read_bytes().startswith(b"\xef\xbb\xbf# A plain")
    assert b"\r\n" in (cases / "good-bom-crlf.toml").read_bytes()


def test_a_file_name_full_of_terminal_controls_is_shown_escaped(corpus: Corpus) -> None:
    shown_id = "evil-\\x1b]52;c;ZXZpbA==\\x07-\\u202e"
    entry = corpus.library.entries[shown_id]
    (problem,) = entry.problems
    assert str(problem).endswith(
        f'{shown_id}.toml: (top): bad case id "{shown_id}" (from the file name): '
        "use lowercase ASCII letters, digits and single hyphens, at most 64 characters"
    )
    assert not UNSAFE.search(str(problem))


def test_names_starting_with_underscore_or_dot_are_not_read(corpus: Corpus) -> None:
    for stem in ("_draft", ".hidden", "template", "notes", "inside", "secret"):
        assert stem not in corpus.library.entries


def test_the_same_id_in_two_folders_is_a_warning_and_the_first_wins(corpus: Corpus) -> None:
    case = corpus.library.get("dup-id")
    assert case is not None and case.name.get() == "Read first"
    (warning,) = corpus.library.warnings
    assert warning.path.endswith("dup-b/dup-id.toml")
    assert warning.message.startswith('"dup-id" is shadowed by ') and "dup-a/dup-id.toml" in warning.message


def test_validate_prints_one_line_per_problem_and_no_traceback(corpus: Corpus) -> None:
    env = {**os.environ, "CASETUI_NO_CACHE": "1", "CASETUI_CASES": "", "NO_COLOR": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "casetui", "validate", str(corpus.root)],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        check=False,
    )
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    lines = result.stdout.splitlines()
    for line in lines:
        assert ONE_LINE.match(line), line
    named = {_name(line.split(": ", 1)[0].split(":")[0]) for line in lines}
    assert set(EXPECTED) | set(NOT_ENTRIES) | {"dup-id"} <= named


def test_casetui_never_writes_to_a_case_file(corpus: Corpus) -> None:
    for case in corpus.library.cases:
        derive.notice_period(case)
    validate_paths([corpus.root])
    assert _snapshot(corpus.root.parent) == corpus.before


def test_an_unreadable_file_is_one_error(corpus: Corpus) -> None:
    entry = corpus.library.entries["unreadable"]
    if os.access(entry.path, os.R_OK):
        pytest.skip("root reads mode-000 files: the next test refuses it as an unprivileged user")
    assert [str(p) for p in entry.problems] == [f"{entry.problems[0].path}: file: cannot read: Permission denied"]


SETPRIV = shutil.which("setpriv")
NOBODY = 65534


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() != 0 or SETPRIV is None,
    reason="only root needs this (the test above refuses the file as the user); needs setpriv",
)
def test_an_unreadable_file_is_one_error_when_root_runs_the_suite() -> None:
    """CI runs as root, who reads a mode-000 file: `casetui validate` runs as an unprivileged user instead."""
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        root.chmod(0o755)  # the unprivileged user must reach the folder, just not read the file
        (root / "cases").mkdir(mode=0o755)
        unreadable = root / "cases" / "unreadable.toml"
        unreadable.write_text("id = 1\n", encoding="utf-8")
        unreadable.chmod(0)
        env = {
            **os.environ,
            "CASETUI_NO_CACHE": "1",
            "CASETUI_CASES": "",
            "NO_COLOR": "1",
            "HOME": folder,
            "XDG_CACHE_HOME": folder,
            "XDG_DATA_HOME": folder,
            "CASETUI_CACHE_DIR": folder,
        }
        command = [SETPRIV, f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups", sys.executable]
        probe = subprocess.run([*command, "-c", "import casetui"], capture_output=True, env=env, cwd=folder)
        if probe.returncode != 0:
            pytest.skip(f"an unprivileged user cannot run this Python and casetui: {probe.stderr.decode()[-200:]}")
        command += ["-m", "casetui", "--no-bundled", "validate", str(root / "cases")]
        result = subprocess.run(command, capture_output=True, text=True, timeout=120, env=env, cwd=folder, check=False)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    problems = [line for line in result.stdout.splitlines() if "unreadable.toml" in line]
    assert problems == ["cases/unreadable.toml: file: cannot read: Permission denied"], result.stdout + result.stderr


# -- size ------------------------------------------------------------------------------------


def test_ten_thousand_events_load_sorted(corpus: Corpus) -> None:
    case = corpus.library.get("many-events")
    assert case is not None
    assert len(case.events) == 10_000 and len(case.services) == 100
    keys = [(e.date.sort_key, e.index) for e in case.events]
    assert keys == sorted(keys)  # by date, ties in file order
    assert derive.service_states(case, len(case.events) - 1)[0].on is False


def test_long_strings_and_arrays_survive_whole(corpus: Corpus) -> None:
    case = corpus.library.get("long-strings")
    assert case is not None
    assert len(case.summary.get()) == 400_000 and len(case.tags) == 20_000


@pytest.mark.parametrize("depth", [100, 1_000, 10_000, 100_000])
def test_deep_nesting_never_escapes_as_recursion_error(depth: int) -> None:
    head = b'format = 1\n[case]\nname = "x"\nstatus = "active"\nsummary = "s"\n[model]\ntype = "t"\n'
    for body in (b"[" * depth + b"]" * depth, b"{a=" * depth + b"1" + b"}" * depth):
        with pytest.raises(CaseError) as caught:
            parse_case(head + b"deep = " + body + b"\n", Path("deep.toml"))
        (problem,) = caught.value.problems
        assert problem.key in ("toml", "model.deep", "model.deep.a")


# -- terminal escapes ------------------------------------------------------------------------


def _strings(value: object) -> Iterator[str]:
    """Every string a loaded case holds, however deep."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, LText):
        for lang, text in value.entries:
            yield from _strings(lang)
            yield text
    elif isinstance(value, (tuple, list)):  # The model's records are named tuples: this walks their fields too.
        for item in value:
            yield from _strings(item)


def test_terminal_controls_load_as_visible_escapes_in_every_field(corpus: Corpus) -> None:
    case = corpus.library.get("good-terminal-text")
    assert isinstance(case, Case)
    strings = [s for s in _strings(case) if s]
    nasty = [s for s in strings if "osc52" in s]
    # name (2 languages), company, summary, region, tag, reason, model type and summary, dimension
    # key and value, fact unit/label/note/source, text fact, service id and name, event title, detail,
    # id, ends, source, source id/title/publisher/author/url/note, phase, quote text/by/source,
    # lesson, question prompt/notes/event.
    assert len(nasty) == 37
    for text in strings:
        assert not UNSAFE.search(text), repr(text)
    sample = case.name.get()
    for visible in ("\\x1b]52;c;ZXZpbA==\\x07", "\\x1b]8;;https://evil.example\\x1b\\link", "\\x1b[2J", "\\x9b31m"):
        assert visible in sample
    for visible in ("\\x85", "\\x07", "\\x7f", "\\u202eevil\\u202c", "\\u2066iso\\u2069"):
        assert visible in sample
    for kept in ("[@click=app.quit]quit[/]", "[bold red]markup[/] [/]", "a\u200bb \u200c \u200d", "👨\u200d👩\u200d👧"):
        assert kept in sample
    assert "有鱼" in sample and "e\u0301" in sample
    # References between ids still match after escaping.
    assert case.events[0].ends == (case.services[0].id,)
    assert case.questions[0].event == case.events[0].id
    assert case.source(case.events[0].sources[0]) is not None
