"""Every file of the hostile corpus through every command and format of the CLI, in-process.

Whatever the file holds, a command exits 0 or 1 with no traceback; a broken file gets located
one-line problems on stderr and nothing on stdout; a case that loads prints no terminal control
in any format (JSON may carry `\\u001b` as text, never the character); markup in case text prints
literally; the good cases beside the broken ones still list; and no file of the corpus changes.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from pathlib import Path

import pytest

from casetui.sanitize import clean

from .corpus import GENERATE, Corpus, corpus_stems, loadable
from .support import FIXTURES, GOOD_CASE, check_messages, invoke, snapshot, unsafe_in

WITH_EVENTS = {"good-terminal-text", "many-events"}
"""Loadable cases with a timeline (TimelineJS needs one)."""
SLOW_TABLES = {"many-events"}
"""The tables get a 300-event copy: 10,000 rows take about a second per run, and tests/cli/test_long_tables.py
prints them in full once."""
MARKUP = ("[@click=app.quit]quit[/]", "[/]", "[bold red]markup[/]")


@dataclass(frozen=True)
class Command:
    """One command line with `{id}` (the case under test) and `{path}` (its file) to fill in."""

    name: str
    args: tuple[str, ...]
    kind: str = "text"
    """How its stdout is read: text, json, csv or markdown."""

    def argv(self, case_id: str, path: Path) -> list[str]:
        return [a.replace("{id}", case_id).replace("{path}", str(path)) for a in self.args]


PER_CASE = [
    Command("show", ("show", "{id}")),
    Command("show json", ("show", "{id}", "--format", "json"), "json"),
    Command("show markdown", ("show", "{id}", "--format", "markdown"), "markdown"),
    Command("compare", ("compare", GOOD_CASE, "{id}")),
    Command("compare json", ("compare", GOOD_CASE, "{id}", "--format", "json"), "json"),
    Command("compare markdown", ("compare", "{id}", GOOD_CASE, "-f", "markdown", "--baseline", "{id}"), "markdown"),
    Command("compare csv", ("compare", GOOD_CASE, "{id}", "--format", "csv", "--diff-only"), "csv"),
    Command("timeline", ("timeline", "{id}")),
    Command("timeline json", ("timeline", "{id}", "--format", "json"), "json"),
    Command("timeline markdown", ("timeline", "{id}", "--format", "markdown"), "markdown"),
    Command("export markdown", ("export", "{id}"), "markdown"),
    Command("export html", ("export", "{id}", "--format", "html", "--with-notes"), "html"),
    Command("export timelinejs", ("export", "{id}", "--format", "timelinejs", "--with-notes"), "json"),
    Command("show by path", ("show", "{path}", "--format", "json"), "json"),
    Command("validate path", ("validate", "{path}")),
    Command("validate path json", ("validate", "{path}", "--json"), "json"),
]
TABLES = {"show", "timeline"}
"""The Rich-table commands that SLOW_TABLES cases run on a shorter copy."""


def parses(kind: str, stdout: str) -> None:
    """The output reads back as what it claims to be."""
    if kind == "json":
        json.loads(stdout)
    elif kind == "csv":
        csv.field_size_limit(1 << 24)  # long-strings.toml holds a 400,000-character summary
        rows = list(csv.reader(io.StringIO(stdout)))
        assert rows and rows[0][:5] == ["key", "group", "label", "unit", "differs"]
        assert all(len(row) == len(rows[0]) for row in rows)


def file_of(corpus: Corpus, stem: str) -> Path:
    if stem == "dup-id":
        return corpus.library / "dup-a" / "dup-id.toml"
    return corpus.library / f"{stem}.toml"


BY_PATH = {
    "outside": ("show by path", "validate path", "validate path json"),
    "folder": ("validate path", "validate path json"),
}
"""Given by path, a link out of the library is read (the user named it), and a folder is a folder to check."""


def expected_code(stem: str, command: Command, loads: set[str]) -> int:
    if command.name in BY_PATH.get(stem, ()):
        return 0
    if stem not in loads:
        return 1
    if command.name == "export timelinejs" and stem not in WITH_EVENTS:
        return 1  # "has no events; a TimelineJS timeline needs at least one"
    return 0


@pytest.mark.parametrize("stem", corpus_stems())
def test_every_command_and_format_on_each_corpus_file(corpus: Corpus, stem: str, tmp_path: Path) -> None:
    dirs = [corpus.library, FIXTURES]
    short = None
    if stem in SLOW_TABLES:
        short = tmp_path / "short"
        short.mkdir()
        (short / f"{stem}.toml").write_text(GENERATE.many_events(300), encoding="utf-8")
    path = file_of(corpus, stem)
    loads = loadable(corpus)
    failures = []
    for command in PER_CASE:
        folders = [short, FIXTURES] if short is not None and command.name in TABLES else dirs
        result = invoke(folders, command.argv(stem, path))
        where = f"{command.name}: exit {result.exit_code}\n{result.stderr}"
        if result.exit_code != expected_code(stem, command, loads):
            failures.append(where)
            continue
        if command.name == "validate path json":
            assert result.stderr == "", where  # the document says it all: no summary line
        else:
            check_messages(result.stderr, result.exit_code, command.name)
        assert not unsafe_in(result.stdout_bytes), (command.name, unsafe_in(result.stdout_bytes))
        if result.exit_code == 0 or command.name.startswith("validate"):
            parses(command.kind, result.stdout)
        if result.exit_code == 1 and not command.name.startswith("validate"):
            assert result.stdout == "", where  # bad data: the message on stderr, nothing on stdout
            if stem not in loads:
                assert clean(stem) in result.stderr, where  # the problem names the file
        if stem == "good-terminal-text" and command.kind == "text" and not command.name.startswith("validate"):
            for markup in MARKUP:
                assert markup in result.stdout, (command.name, markup)
    assert not failures, "\n".join(failures)
    assert snapshot(corpus.target) == corpus.before, "a command changed a file of the corpus"


def test_list_and_validate_over_the_whole_corpus(corpus: Corpus) -> None:
    """The library commands: every good case listed, every broken file reported on its own lines."""
    dirs = [corpus.library, FIXTURES]
    broken = set(corpus_stems()) - loadable(corpus)
    good = loadable(corpus) | {"alpha-club", "beta-market", "gamma-card"}

    listed = invoke(dirs, ["list"])
    assert listed.exit_code == 0, listed.stderr
    check_messages(listed.stderr, 1)  # every stderr line is a located problem, though list exits 0
    assert not unsafe_in(listed.stdout_bytes) and not unsafe_in(listed.stderr_bytes)
    shown = {line.split()[0] for line in listed.stdout.splitlines()[2:]}
    assert shown == good
    for stem in broken:
        assert clean(stem) in listed.stderr, stem
    assert "[@click=app.quit]quit[/]" in listed.stdout

    as_json = invoke(dirs, ["list", "--json"])
    assert as_json.exit_code == 0
    assert not unsafe_in(as_json.stdout_bytes)
    document = json.loads(as_json.stdout)
    assert {case["id"] for case in document["cases"]} == good
    reported = {Path(p["path"]).name for p in document["problems"]}
    assert {clean(stem) + ".toml" for stem in broken} <= reported

    for args in (["validate"], ["validate", str(corpus.library)]):
        checked = invoke(dirs, args)
        assert checked.exit_code == 1
        check_messages(checked.stderr, 1)
        assert not unsafe_in(checked.stdout_bytes)
        for line in checked.stdout.splitlines():
            assert "Traceback" not in line
            check_messages(line, 1)
        assert checked.stderr.startswith("casetui validate: failed:")

    report = invoke(dirs, ["validate", "--json"])
    assert report.exit_code == 1 and not unsafe_in(report.stdout_bytes)
    document = json.loads(report.stdout)
    assert document["ok"] is False and document["errors"] >= len(broken)
    assert any(p["severity"] == "warning" and "dup-id" in p["path"] for p in document["problems"])
    assert snapshot(corpus.target) == corpus.before


@pytest.mark.parametrize("lang", ["zh", "fr"])
def test_other_languages_print_the_hostile_text_as_safely(corpus: Corpus, lang: str) -> None:
    """Chinese labels, and a language no text has (every text falls back), change nothing of the above."""
    for command in PER_CASE[:13]:
        result = invoke([corpus.library, FIXTURES], command.argv("good-terminal-text", Path()), lang=lang)
        assert result.exit_code == 0, (command.name, result.stderr)
        assert not unsafe_in(result.stdout_bytes), command.name
        parses(command.kind, result.stdout)


def test_a_case_in_a_folder_named_with_terminal_controls(tmp_path: Path) -> None:
    """A folder name is shown wherever a path is: escaped like case text, in every format."""
    folder = tmp_path / "lib-\x1b]52;c;ZXZpbA==\x07-\u202e"
    folder.mkdir()
    (folder / f"{GOOD_CASE}.toml").write_bytes((FIXTURES / f"{GOOD_CASE}.toml").read_bytes())
    (folder / "broken.toml").write_text("format = 1\n[case\n", encoding="utf-8")
    for args in (["list"], ["list", "--json"], ["show", GOOD_CASE, "--format", "json"], ["validate", "--json"]):
        result = invoke([folder], args)
        assert result.exit_code in (0, 1)
        check_messages(result.stderr, 1 if result.stderr.strip() else 0)
        assert not unsafe_in(result.stdout_bytes), (args, unsafe_in(result.stdout_bytes))
        assert not unsafe_in(result.stderr_bytes), (args, unsafe_in(result.stderr_bytes))
        assert "\\u202e" in result.stdout + result.stderr, args  # shown, as an escape


def test_hostile_keys_and_values_in_validate_json(tmp_path: Path) -> None:
    """An unknown key or value holding controls is reported escaped in JSON as in text."""
    (tmp_path / "bad-keys.toml").write_text(
        'format = 1\n\n[case]\nname = "N"\nstatus = "act\\u202eive"\nsummary = "s"\n'
        '"x\\u202ey\\u001b[31m" = 1\n\n[model]\ntype = "T"\n',
        encoding="utf-8",
    )
    for args in (["validate", str(tmp_path)], ["validate", str(tmp_path), "--json"]):
        result = invoke([tmp_path], args)
        assert result.exit_code == 1
        assert not unsafe_in(result.stdout_bytes), (args, unsafe_in(result.stdout_bytes))
        assert result.stdout.count("\\u202e") >= 2


def test_an_unreadable_file_asked_for_by_id_names_its_own_problem(corpus: Corpus) -> None:
    """`show loop` says the link loops rather than that there is no such case."""
    for stem, part in (("loop", "cannot read"), ("dangling", "cannot read"), ("outside", "outside the library")):
        result = invoke([corpus.library], ["show", stem])
        assert result.exit_code == 1
        assert result.stderr.startswith(f"{corpus.library}/{stem}.toml: file: "), result.stderr
        assert part in result.stderr and "no case" not in result.stderr
