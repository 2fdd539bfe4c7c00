"""The pieces both importers share: the TOML writer, ids, plain text from HTML, and file ownership."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import tomli
from hypothesis import given
from hypothesis import strategies as st

from casetui.importers import ids, toml_writer
from casetui.importers.html_text import plain_text
from casetui.importers.output import Generated, Owner, inspect, render


@given(st.text())
def test_any_string_survives_the_writer(text):
    assert tomli.loads(toml_writer.dumps({text: text}))[text] == text


def test_lone_surrogates_become_replacement_characters():
    assert tomli.loads(toml_writer.dumps({"k": "a\ud800b"}))["k"] == "a\ufffdb"


def test_documents_round_trip():
    document = {
        "format": 1,
        "case": {"name": 'Q "quoted"', "tags": ["a b", "c"], "launched": dt.date(2019, 1, 2), "skip": None},
        "events": [{"date": "2019-10", "title": "t", "x_end": dt.datetime(2020, 1, 1, 10, 0)}, {"date": "2019"}],
        "sources": {"a.b": {"title": "dotted id"}, "plain": {"title": "x", "n": 1.5, "ok": True}},
    }
    text = toml_writer.dumps(document)
    assert "skip" not in text
    assert "[sources]" not in text, "a table of sub-tables needs no header of its own"
    expected = {**document, "case": {k: v for k, v in document["case"].items() if v is not None}}
    assert tomli.loads(text) == expected


def test_slugs():
    assert ids.slugify("Google+") == "google-plus"
    assert ids.slugify("Android @ Home") == "android-at-home"
    assert ids.slugify("  Café -- Ünïcode!! ") == "cafe-unicode"
    assert ids.slugify("Straße Æther") == "strasse-aether"
    assert ids.slugify("有鱼").startswith("entry-")
    long = ids.slugify("word " * 30)
    assert len(long) <= 64 and long.endswith("word")
    assert len(ids.with_suffix("x" * 70, "2011")) == 64


def test_assign_is_stable_and_unique():
    named = [ids.Named("k1", "Foo", 2010), ids.Named("k2", "foo", 2010), ids.Named("k3", "Bar", None)]
    first = ids.assign(named, {})
    assert first == {"k1": "foo-2010", "k2": "foo-2010-2", "k3": "bar"}
    assert ids.assign(list(reversed(named)), {}) == first
    assert ids.assign(named, {"k2": "foo"}) == {"k2": "foo", "k1": "foo-2010", "k3": "bar"}


def test_plain_text_from_html():
    assert plain_text("<p>One &amp; <b>two</b></p><p>Three<br/>four</p>") == "One & two\n\nThree\nfour"
    assert plain_text("<script>alert(1)</script>Kept") == "Kept"
    assert plain_text("a < b and c > d") == "a < b and c > d"
    assert plain_text("  spaced \n\n\n  out ") == "spaced\n\nout"


def test_ownership_from_the_marker(tmp_path: Path):
    path = tmp_path / "x.toml"
    assert inspect(path, "sheet").owner is Owner.absent
    path.write_text(render("sheet", Generated("x", 'format = 1\nname = "a"\n')), encoding="utf-8")
    assert inspect(path, "sheet").owner is Owner.ours
    assert inspect(path, "killedbygoogle").owner is Owner.foreign
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    assert inspect(path, "sheet").owner is Owner.ours, "a CRLF checkout is not an edit"
    path.write_text(path.read_text(encoding="utf-8").replace('"a"', '"b"'), encoding="utf-8")
    assert inspect(path, "sheet").owner is Owner.edited
    (tmp_path / "d.toml").mkdir()
    assert inspect(tmp_path / "d.toml", "sheet").owner is Owner.unusable


def test_importers_import_no_ui_library():
    code = (
        "import sys\n"
        "import casetui.importers.killedbygoogle, casetui.importers.sheet\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('rich', 'textual', 'typer')))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
