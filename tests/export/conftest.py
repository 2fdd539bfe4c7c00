"""Fixtures for export tests: the fixture library only, no user environment; helpers to write cases.

`cli` (over the fixture library by default) and `library_copy` come from tests/cli_fixtures.py.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from cli_fixtures import ignore_user_settings

HOSTILE = """\
# Test case (fictional): every string tries to become HTML, a link or a script.
format = 1

[case]
name = { en = "Evil <script>alert(1)</script> Co", zh = "恶意<b>公司</b>" }
company = "<img src=x onerror=alert(2)>"
status = "shut-down"
summary = "Click [here](javascript:alert(3)) or <a href='javascript:alert(4)'>here</a>; a & b; [^first]"
launched = "2020"
ended = "2021"

[model]
type = "<iframe src=javascript:alert(5)>"
fee = { value = 1, unit = "<u>CNY</u>", note = "</td></tr></table><script>alert(6)</script>", source = "second" }

[services]
evil = "<svg onload=alert(7)>"

[[events]]
date = "2020"
title = "Launch </p><script>alert(8)</script>"
kind = "launch"
detail = "Line one\\n\\n<style>body{display:none}</style>"
source = "first"

[[events]]
date = 2021-03-04
title = "Second source cited here"
kind = "shutdown"
ends = ["evil"]
source = ["second", "first"]

[sources.second]
title = "Second <em>source</em>"
url = "javascript:alert(9)"

[sources.first]
title = "First source"
publisher = "Press \\"quoted\\" & <co>"
url = "https://example.com/a?b=1&c=<2>"

[sources.unused]
title = "Never cited"
url = "https://example.org/unused"

[[phases]]
title = "Open <phase>"
start = "2020"

[[questions]]
prompt = "Why <script>?"
notes = "Secret <b>trainer</b> note"
"""
"""A case whose every string is hostile HTML or Markdown; it loads cleanly."""


@pytest.fixture(autouse=True)
def quiet_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Ignore the user's library, language, colour and cache settings."""
    ignore_user_settings(monkeypatch, tmp_path / "cache")


@pytest.fixture
def library(library_copy: Path) -> Path:
    """A writable copy of the fixture library with the hostile case added."""
    (library_copy / "hostile.toml").write_text(HOSTILE, encoding="utf-8")
    return library_copy


@pytest.fixture
def browser_dom(tmp_path: Path) -> Callable[[str], str]:
    """Load an HTML page in headless Chromium and return the DOM it built; skip without Chromium."""
    binary = shutil.which("chromium") or shutil.which("chromium-browser")
    if binary is None:
        pytest.skip("Chromium is not installed (CI installs Debian's chromium package)")

    def load(html: str) -> str:
        page = tmp_path / "page.html"
        page.write_text(html, encoding="utf-8")
        command = [
            binary,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={tmp_path / 'profile'}",
            "--dump-dom",
            page.as_uri(),
        ]
        result = subprocess.run(command, capture_output=True, text=True, timeout=90, check=False)
        assert result.returncode == 0, result.stderr[-2000:]
        return result.stdout

    return load
