"""`casetui serve`: the app in a browser for a workshop; `casetui paths`: the folders casetui uses.

`serve` runs textual-serve (the `serve` extra), which starts one copy of the app per browser tab:
`python -m casetui <the same global options> served-app`. The served app is read-only
(`CASETUI_READ_ONLY=1`, set by the server for its children and by `served-app` for itself): it reads
the library and writes nothing on the server. The server listens
on loopback unless another host is given, and then warns that anyone who can reach the port can
use the app.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from casetui.cli.app import app, guarded, settings
from casetui.cli.support import Failure, Settings, ascii_stdout, err, out
from casetui.paths import ENV_READ_ONLY, ENV_SCREENSHOT_DIR, Folder, library_folders, read_only

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
WILDCARD_HOSTS = ("", "0.0.0.0", "::")
SERVED_APP = "served-app"
"""The hidden command each browser tab runs: the app, read-only, without asking for a terminal."""
INSTALL_HINT = "casetui serve: textual-serve is not installed: pip install 'casetui[serve]'"


# -- serve -----------------------------------------------------------------------------------


def normal_host(host: str) -> str:
    """`host` as the address it stands for: `0` is 0.0.0.0 and `127.1` is 127.0.0.1, as the system reads them.

    The short IPv4 forms (`inet_aton`'s) are what the server binds to, so they are what the URL and
    the loopback check must go by. Names and IPv6 addresses are returned as given, without brackets.
    """
    import ipaddress
    import socket

    name = host.strip().strip("[]")
    try:
        return str(ipaddress.ip_address(name))
    except ValueError:
        pass
    if name and all(part.isdigit() or part.lower().startswith("0x") for part in name.split(".")):
        try:
            return socket.inet_ntoa(socket.inet_aton(name))
        except OSError:
            pass
    return name


def is_loopback(host: str) -> bool:
    """True when `host` only accepts connections from this machine (127.0.0.0/8, ::1, localhost)."""
    import ipaddress

    name = normal_host(host)
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return name.lower() == "localhost" or name.lower().endswith(".localhost")


def served_command(opts: Settings, python: str = sys.executable) -> str:
    """The shell command textual-serve runs per browser tab: this casetui, with the same global options.

    textual-serve hands it to a shell, so every part is quoted for the shell of this platform.
    """
    import shlex
    import subprocess

    argv = [python, "-m", "casetui"]
    for folder in opts.cli_dirs:
        argv += ["--cases", str(Path(folder).expanduser().absolute())]
    argv += ["--lang", opts.lang]
    if not opts.bundled:
        argv.append("--no-bundled")
    argv.append(SERVED_APP)
    if os.name == "nt":
        return subprocess.list2cmdline(argv)
    return shlex.join(argv)


def public_url(host: str, port: int, given: str | None = None) -> str:
    """The address browsers load: `given`, else this host and port (this machine's address for 0.0.0.0)."""
    if given:
        return given.rstrip("/")
    name = normal_host(host)
    if name in WILDCARD_HOSTS:
        name = _lan_address()
    if ":" in name:
        name = f"[{name}]"  # An IPv6 address in a URL.
    return f"http://{name}:{port}"


def _lan_address() -> str:
    """This machine's address on its network, as others would reach it; its host name when unknown.

    Connecting a UDP socket sends nothing: it only asks the system which local address it would use.
    """
    import socket

    probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        probe.connect(("10.254.254.254", 1))
        return str(probe.getsockname()[0])
    except OSError:
        return socket.gethostname()
    finally:
        probe.close()


def exposure_warning(host: str, port: int) -> str:
    """What a non-loopback host means, said before the server starts."""
    where = "every network interface" if normal_host(host) in WILDCARD_HOSTS else host
    return (
        f"casetui serve: warning: listening on {where}, port {port}: anyone who can reach this port "
        "can use the app, with no password (it can only read the library)"
    )


def _check_url(value: str | None) -> str | None:
    if value is not None and not value.startswith(("http://", "https://")):
        raise typer.BadParameter("give a full address, such as http://workshop.example.org:8000")
    return value


@app.command(
    "serve",
    epilog="\b\nExamples:\n"
    "  casetui serve                                  # http://127.0.0.1:8000 on this machine\n"
    "  casetui --cases ~/workshop serve --port 8080\n"
    "  casetui serve --host 0.0.0.0                   # the room can connect: read the warning",
)
@guarded
def serve_command(
    ctx: typer.Context,
    host: Annotated[
        str,
        typer.Option(
            "--host", metavar="HOST", help="Address to listen on. Other than loopback, anyone who can reach it gets in."
        ),
    ] = DEFAULT_HOST,
    port: Annotated[
        int, typer.Option("--port", metavar="PORT", min=1, max=65535, help="Port to listen on.")
    ] = DEFAULT_PORT,
    url: Annotated[
        str | None,
        typer.Option(
            "--public-url",
            metavar="URL",
            help="The address browsers use, when it differs from host and port (a proxy, a DNS name).",
            callback=_check_url,
        ),
    ] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", hidden=True, help="Print what would be served, and stop.")
    ] = False,
) -> None:
    """Serve the app to web browsers (one copy per tab), read-only, until Ctrl+C.

    Needs the `serve` extra: pip install 'casetui[serve]'. Every tab gets the same library and
    language as given here (--cases, --lang); nothing it does is written on this machine.
    """
    try:
        import textual_serve.server  # noqa: F401  (the extra is there: else say how to install it)
    except ImportError:
        raise Failure([INSTALL_HINT]) from None
    from casetui.cli.serving import EndingServer

    opts = settings(ctx)
    command = served_command(opts)
    bind = normal_host(host)
    address = public_url(bind, port, url)
    if not is_loopback(bind):
        err(exposure_warning(host, port))
    server = EndingServer(command, host=bind, port=port, title="casetui", public_url=address)
    if not dry_run:
        _check_port(host, bind, port)  # Before any address is printed: a busy port is someone else's server.
    hint = ""
    if bind in WILDCARD_HOSTS and not url:
        hint = f"; on this machine http://127.0.0.1:{port} (it listens on every interface)"
    err(f"casetui serve: open {address}{hint} (Ctrl+C stops the server)")
    if dry_run:
        out(command + "\n")
        return
    os.environ[ENV_READ_ONLY] = "1"  # Inherited by every app textual-serve starts (served-app sets it too).
    try:
        server.serve()
    except OSError as error:  # aiohttp wraps the bind error; its errno says what went wrong.
        raise Failure([_cannot_listen(host, port, error)]) from None


def _check_port(host: str, bind: str, port: int) -> None:
    """Bind the address as the server will (SO_REUSEADDR, as aiohttp sets it), then let go; a Failure if busy.

    aiohttp binds only after textual-serve has printed "Serving … on http://…", so a busy port would
    first announce someone else's server. A program taking the port between this check and the
    server's own bind still gets the clean error below.
    """
    import socket

    try:
        infos = socket.getaddrinfo(bind or None, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except OSError as error:
        raise Failure([_cannot_listen(host, port, error)]) from None
    for family, kind, proto, _name, where in infos:
        try:
            with socket.socket(family, kind, proto) as probe:
                if os.name == "posix":
                    probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
                probe.bind(where)
                probe.listen()
        except OSError as error:
            raise Failure([_cannot_listen(host, port, error)]) from None


def _cannot_listen(host: str, port: int, error: OSError) -> str:
    reason = os.strerror(error.errno) if error.errno else (getattr(error, "strerror", None) or str(error))
    return f"casetui serve: cannot listen on {host} port {port}: {reason}"


@app.command(SERVED_APP, hidden=True)
@guarded
def served_app_command(ctx: typer.Context) -> None:
    """The app as `casetui serve` runs it for each browser tab: read-only, on textual-serve's driver."""
    if not os.environ.get("TEXTUAL_DRIVER") and not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise Failure([f"casetui: {SERVED_APP} is the app for `casetui serve`; run casetui serve instead"], 2)
    os.environ[ENV_READ_ONLY] = "1"
    from casetui.launch import ENV_NO_WATCH
    from casetui.tui.factory import make_app

    opts = settings(ctx)
    # Live reload as in the terminal: a trainer editing a case sees each tab follow the save. It only
    # reads, so read-only holds; each tab's process watches the folders for itself.
    watch = not os.environ.get(ENV_NO_WATCH)
    make_app(opts.cli_dirs, lang=opts.lang, bundled=opts.bundled, watch=watch).run()


# -- paths -----------------------------------------------------------------------------------

SOURCE_NOTES = {
    "cli": "--cases",
    "env": "CASETUI_CASES",
    "user": "your own library",
    "bundled": "bundled with casetui",
}


def _folder_json(folder: Folder) -> dict[str, Any]:
    return {"path": str(folder.path.absolute()), "source": folder.source, "exists": folder.exists}


def _folder_line(folder: Folder, note: str, missing: str = "missing") -> str:
    from casetui.sanitize import clean

    state = "" if folder.exists else f"; {missing}"
    return f"{clean(str(folder.path.absolute()))}  ({note}{state})"


@app.command(
    "paths",
    epilog="\b\nExamples:\n  casetui paths\n  casetui --cases ~/my-cases paths --json",
)
@guarded
def paths_command(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="JSON instead of text.")] = False,
) -> None:
    """Print the folders casetui uses: case libraries in search order, the cache, screenshots, presenting.

    Folders that do not exist are marked; the first library folder to hold an id wins.
    """
    from casetui.index_cache import ENV_CACHE_DIR
    from casetui.paths import cache_dir, screenshot_dir

    opts = settings(ctx)
    libraries = library_folders(opts.cli_dirs, bundled=opts.bundled)
    cache_path, shots_path = cache_dir(), screenshot_dir()
    cache = Folder(cache_path, "env" if os.environ.get(ENV_CACHE_DIR) else "default", cache_path.is_dir())
    shots = Folder(shots_path, "env" if os.environ.get(ENV_SCREENSHOT_DIR) else "default", shots_path.is_dir())
    from casetui.present_link import runtime_folder

    runtime_path = runtime_folder()
    runtime = Folder(runtime_path, "default", runtime_path.is_dir())
    if as_json:
        from casetui.render.json import dumps

        document = {
            "format": 1,
            "library": [_folder_json(f) for f in libraries],
            "cache": _folder_json(cache),
            "screenshots": _folder_json(shots),
            "runtime": _folder_json(runtime),
            "read_only": read_only(),
        }
        out(dumps(document, ascii_only=ascii_stdout()))
        return
    lines = ["Case libraries, searched in this order (the first folder to hold an id wins):"]
    for number, folder in enumerate(libraries, 1):
        missing = "missing: create it and put case files in it" if folder.source == "user" else "missing"
        lines.append(f"  {number}. {_folder_line(folder, SOURCE_NOTES[folder.source], missing)}")
    if not libraries:
        lines.append("  (none)")
    made = "missing: made when needed"
    lines.append(
        f"Cache:        {_folder_line(cache, 'CASETUI_CACHE_DIR' if cache.source == 'env' else 'summary index', made)}"
    )
    shots_note = ENV_SCREENSHOT_DIR if shots.source == "env" else "the app's screenshots"
    lines.append(f"Screenshots:  {_folder_line(shots, shots_note, made)}")
    lines.append(f"Presenting:   {_folder_line(runtime, 'where speaker views find presenters', made)}")
    if read_only():
        lines.append(f"Read-only:    yes ({ENV_READ_ONLY}): casetui writes nothing")
    out("\n".join(lines) + "\n")
