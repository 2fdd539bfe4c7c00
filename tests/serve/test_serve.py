"""`casetui serve` without a browser: the command it serves, the warning, the missing extra, the served app."""

from __future__ import annotations

import os
import shlex
import socket
import subprocess
import sys
import types
from pathlib import Path
from typing import Any

import pytest

from casetui.cli.commands.serve import INSTALL_HINT, is_loopback, public_url, served_command
from casetui.cli.support import Settings

from .conftest import FIXTURES

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="the served command is quoted for a POSIX shell")


@pytest.mark.parametrize("host", ["127.0.0.1", "127.0.0.2", "localhost", "::1", "[::1]", "LOCALHOST"])
def test_loopback_hosts_are_recognised(host: str) -> None:
    assert is_loopback(host)


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.168.1.20", "workshop.example.org", "10.0.0.1"])
def test_other_hosts_are_not_loopback(host: str) -> None:
    assert not is_loopback(host)


def test_loopback_serves_quietly_and_names_the_address(cli) -> None:
    result = cli("--no-bundled", "--cases", str(FIXTURES), "serve", "--port", "8123", "--dry-run")
    assert result.exit_code == 0, result.output
    assert "warning" not in result.stderr
    assert "http://127.0.0.1:8123" in result.stderr


@pytest.mark.parametrize("host", ["0.0.0.0", "192.0.2.7"])
def test_a_host_beyond_loopback_is_warned_about_before_serving(cli, host: str) -> None:
    result = cli("serve", "--host", host, "--dry-run")
    assert result.exit_code == 0, result.output
    assert "warning" in result.stderr
    assert "anyone who can reach this port can use the app" in result.stderr
    assert result.stderr.index("warning") < result.stderr.index("open http")


def test_the_server_is_not_started_before_the_warning(cli, monkeypatch: pytest.MonkeyPatch) -> None:
    """With a stand-in for the server: the warning is out before the port is checked or the server binds."""
    pytest.importorskip("textual_serve")
    import casetui.cli.serving

    events: list[str] = []

    class FakeServer:
        def __init__(self, command: str, **kwargs: Any) -> None:
            self.command, self.kwargs = command, kwargs

        def serve(self) -> None:
            events.append(f"serve {self.kwargs['host']}:{self.kwargs['port']} {self.kwargs['public_url']}")

    monkeypatch.setattr(casetui.cli.serving, "EndingServer", FakeServer)
    monkeypatch.setattr("casetui.cli.commands.serve._check_port", lambda host, bind, port: events.append("check"))
    monkeypatch.setattr("casetui.cli.commands.serve.err", lambda line: events.append(line))
    result = cli("serve", "--host", "192.0.2.7", "--port", "9000")
    assert result.exit_code == 0, result.output
    assert "warning" in events[0]
    assert events[1] == "check" and "open http://192.0.2.7:9000" in events[2]
    assert events[-1] == "serve 192.0.2.7:9000 http://192.0.2.7:9000"
    assert os.environ.get("CASETUI_READ_ONLY") == "1"  # inherited by the apps textual-serve starts


def test_without_textual_serve_it_says_how_to_install_it(cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "textual_serve.server", None)
    result = cli("serve", "--dry-run")
    assert result.exit_code == 1
    assert result.stderr.strip() == INSTALL_HINT
    assert "pip install 'casetui[serve]'" in INSTALL_HINT
    assert result.stdout == ""


def test_a_public_url_must_be_a_full_address(cli) -> None:
    result = cli("serve", "--public-url", "workshop.example.org", "--dry-run")
    assert result.exit_code == 2
    assert "full address" in result.stderr


def test_a_port_in_use_is_one_line_and_exit_1(tmp_path: Path) -> None:
    pytest.importorskip("textual_serve")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = str(taken.getsockname()[1])
        env = {**os.environ, "CASETUI_CASES": ""}
        command = [sys.executable, "-m", "casetui", "--no-bundled", "serve", "--port", port]
        result = subprocess.run(command, capture_output=True, text=True, timeout=30, env=env, cwd=tmp_path)
    assert result.returncode == 1
    assert f"casetui serve: cannot listen on 127.0.0.1 port {port}: " in result.stderr
    assert "Traceback" not in result.stderr


def test_the_public_url_puts_ipv6_in_brackets_and_takes_an_override() -> None:
    assert public_url("::1", 8000) == "http://[::1]:8000"
    assert public_url("127.0.0.1", 80) == "http://127.0.0.1:80"
    assert public_url("0.0.0.0", 8000, "https://room.example.org/") == "https://room.example.org"
    assert not public_url("0.0.0.0", 8000).startswith("http://0.0.0.0")


@posix_only
def test_the_served_command_is_this_casetui_with_the_same_options(tmp_path: Path) -> None:
    odd = tmp_path / "my cases; $(touch pwned)"
    odd.mkdir()
    command = served_command(Settings([FIXTURES, odd], "zh", bundled=False), python="/opt/py thon/bin/python")
    assert shlex.split(command) == [
        "/opt/py thon/bin/python",
        "-m",
        "casetui",
        "--cases",
        str(FIXTURES),
        "--cases",
        str(odd),
        "--lang",
        "zh",
        "--no-bundled",
        "served-app",
    ]


def test_dry_run_prints_the_served_command(cli) -> None:
    result = cli("--lang", "zh", "--cases", str(FIXTURES), "serve", "--dry-run")
    assert result.exit_code == 0, result.output
    assert result.stdout.strip().endswith("served-app")
    assert "--lang zh" in result.stdout and str(FIXTURES) in result.stdout


# -- the served app --------------------------------------------------------------------------


@pytest.fixture
def fake_app(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """Replace the app factory; return the runs, with the read-only switch as the app saw it."""
    calls: list[dict[str, Any]] = []

    class FakeApp:
        def __init__(self, **kwargs: Any) -> None:
            self.kwargs = kwargs

        def run(self) -> None:
            calls.append({**self.kwargs, "read_only": os.environ.get("CASETUI_READ_ONLY")})

    def make_app(cases_dirs, lang="en", present=None, **extra):
        return FakeApp(cases_dirs=list(cases_dirs), lang=lang, **extra)

    factory = types.ModuleType("casetui.tui.factory")
    factory.make_app = make_app  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "casetui.tui.factory", factory)
    return calls


def test_the_served_app_opens_read_only_with_the_global_options(cli, fake_app, monkeypatch) -> None:
    monkeypatch.setenv("TEXTUAL_DRIVER", "textual.drivers.web_driver:WebDriver")
    result = cli("--no-bundled", "--lang", "zh", "--cases", str(FIXTURES), "served-app")
    assert result.exit_code == 0, result.output
    assert fake_app == [{"cases_dirs": [FIXTURES], "lang": "zh", "bundled": False, "watch": True, "read_only": "1"}]


def test_the_served_app_reloads_on_save_unless_told_not_to(cli, fake_app, monkeypatch) -> None:
    monkeypatch.setenv("TEXTUAL_DRIVER", "textual.drivers.web_driver:WebDriver")
    monkeypatch.setenv("CASETUI_NO_WATCH", "1")
    result = cli("--cases", str(FIXTURES), "served-app")
    assert result.exit_code == 0, result.output
    assert [run["watch"] for run in fake_app] == [False]


def test_the_served_app_refuses_a_pipe_outside_textual_serve(cli, fake_app, monkeypatch) -> None:
    monkeypatch.delenv("TEXTUAL_DRIVER", raising=False)
    result = cli("served-app")
    assert result.exit_code == 2
    assert "casetui serve" in result.stderr
    assert fake_app == []


def test_serve_and_paths_are_in_help_and_served_app_is_not(cli) -> None:
    result = cli("--help")
    assert " serve " in result.stdout and " paths " in result.stdout
    assert "served-app" not in result.stdout


@pytest.mark.parametrize("host", ["127.1", "127.0.0.9", "127.255.255.254", "0x7f.1", "::1"])
def test_every_loopback_form_serves_without_the_warning(cli, host: str) -> None:
    assert is_loopback(host)
    result = cli("serve", "--host", host, "--port", "8124", "--dry-run")
    assert result.exit_code == 0, result.output
    assert "warning" not in result.stderr


@pytest.mark.parametrize("host", ["0", "0.0.0.0", "::"])
def test_every_interface_gives_a_url_a_person_can_open(cli, host: str) -> None:
    result = cli("serve", "--host", host, "--port", "8125", "--dry-run")
    assert result.exit_code == 0, result.output
    assert "warning: listening on every network interface" in result.stderr
    opened = next(line for line in result.stderr.splitlines() if "open http" in line)
    assert "http://0:" not in opened and "http://0.0.0.0:" not in opened and "http://[::]:" not in opened
    assert "on this machine http://127.0.0.1:8125 (it listens on every interface)" in opened


def test_a_busy_port_announces_no_address(tmp_path: Path) -> None:
    """The address printed would be someone else's server: only the one-line error."""
    pytest.importorskip("textual_serve")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = str(taken.getsockname()[1])
        env = {**os.environ, "CASETUI_CASES": ""}
        command = [sys.executable, "-m", "casetui", "--no-bundled", "serve", "--host", "127.1", "--port", port]
        result = subprocess.run(command, capture_output=True, text=True, timeout=30, env=env, cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.splitlines() == [f"casetui serve: cannot listen on 127.1 port {port}: Address already in use"]
