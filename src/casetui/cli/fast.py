"""A fast path for the commands scripts run most (JSON, CSV and Markdown from compare, timeline and show) and for
opening the app, which people do many times a day.

Typer (with its Click) costs more to import than parsing two case files, so for these commands
casetui reads its few options itself and calls the same functions the Typer commands call
(casetui.cli.run). Anything it does not recognise exactly — help, a table format, an unknown
option, a usage error, an unusual environment — goes to the Typer CLI, which owns every message
about usage. A test runs both paths over the same arguments and expects the same output.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

LANG_RE = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$")
FORMATS = {
    "compare": ("json", "csv", "markdown"),
    "timeline": ("json", "markdown"),
    "show": ("json", "markdown"),
}


class _Unhandled(Exception):
    """These arguments are for the Typer CLI."""


def _value(args: list[str], index: int, token: str) -> tuple[str, int]:
    """The value of `--opt VALUE` or `--opt=VALUE` at `index`; the index after it."""
    if "=" in token:
        return token.split("=", 1)[1], index + 1
    if index + 1 >= len(args):
        raise _Unhandled
    return args[index + 1], index + 2


def parse(args: list[str]) -> tuple[dict[str, object], str, list[str], dict[str, object]] | None:
    """Split `args` into global options, command, positionals and command options; None when unsure."""
    try:
        return _parse(args)
    except _Unhandled:
        return None


def _parse(args: list[str]) -> tuple[dict[str, object], str, list[str], dict[str, object]]:
    if os.environ.get("CASETUI_NO_BUNDLED") is not None:
        raise _Unhandled
    if "_CASETUI_COMPLETE" in os.environ:  # A shell asking for completions (bare `casetui`): Click answers.
        raise _Unhandled
    glob: dict[str, object] = {"cases": [], "lang": os.environ.get("CASETUI_LANG", "en"), "no_color": False}
    i = 0
    while i < len(args) and args[i].startswith("-"):
        token = args[i]
        name = token.split("=", 1)[0]
        if name == "--cases":
            value, i = _value(args, i, token)
            if not Path(value).is_dir():
                raise _Unhandled
            glob["cases"].append(Path(value))  # type: ignore[attr-defined]
        elif name == "--lang":
            glob["lang"], i = _value(args, i, token)
        elif token == "--no-color":
            glob["no_color"], i = True, i + 1
        else:
            raise _Unhandled
    if not LANG_RE.match(str(glob["lang"])):
        raise _Unhandled
    if i == len(args):  # No command: open the app.
        return glob, "", [], {}
    if args[i] not in FORMATS:
        raise _Unhandled
    command = args[i]
    positionals: list[str] = []
    options: dict[str, object] = {"format": None, "diff_only": False, "baseline": None}
    i += 1
    while i < len(args):
        token = args[i]
        name = token.split("=", 1)[0]
        if not token.startswith("-"):
            positionals.append(token)
            i += 1
        elif name in ("--format", "-f"):
            value, i = _value(args, i, token)
            options["format"] = value.lower()
        elif command == "compare" and token == "--diff-only":
            options["diff_only"], i = True, i + 1
        elif command == "compare" and name == "--baseline":
            options["baseline"], i = _value(args, i, token)
        else:
            raise _Unhandled
    if options["format"] not in FORMATS[command]:
        raise _Unhandled
    if command == "compare":
        if len(positionals) < 2 or len(set(positionals)) != len(positionals):
            raise _Unhandled
        if options["baseline"] is not None and options["baseline"] not in positionals:
            raise _Unhandled
    elif len(positionals) != 1:
        raise _Unhandled
    return glob, command, positionals, options


def _open_app(glob: dict[str, object]) -> int:
    """Open the app as the Typer CLI would with the same options (`casetui.launch` does it for both)."""
    from casetui import launch  # It keeps the collector off until the first frame, then turns it on.
    from casetui.cli.support import Failure, err

    try:
        return launch.open_app(list(glob["cases"]), str(glob["lang"]))  # type: ignore[call-overload]
    except Failure as failure:
        for line in failure.lines:
            err(line)
        return failure.code


def run(args: list[str]) -> int | None:
    """Run the command if it is one for the fast path; its exit code, or None to use Typer."""
    parsed = parse(args)
    if parsed is None:
        return None
    glob, command, positionals, options = parsed
    from casetui.i18n import lang_note

    note = lang_note(str(glob["lang"]))
    if note is not None:
        sys.stderr.write(note + "\n")
    if command == "":
        return _open_app(glob)

    from casetui.cli.run import run_compare, run_show, run_timeline
    from casetui.cli.support import Failure, Settings, err, load_cases

    opts = Settings(list(glob["cases"]), str(glob["lang"]), bool(glob["no_color"]))  # type: ignore[call-overload]
    fmt = str(options["format"])
    try:
        cases = load_cases(opts.dirs, positionals)
        if command == "compare":
            ids = [c.id for c in cases]
            baseline = options["baseline"]
            base = None
            if baseline is not None:
                base = ids.index(baseline) if baseline in ids else positionals.index(str(baseline))
            run_compare(opts, cases, base, fmt, bool(options["diff_only"]))
        elif command == "timeline":
            run_timeline(opts, cases[0], fmt)
        else:
            run_show(opts, cases[0], fmt)
        sys.stdout.flush()
    except Failure as failure:
        for line in failure.lines:
            err(line)
        return failure.code
    except BrokenPipeError:
        from casetui.cli.support import reader_gone

        return reader_gone()
    except KeyboardInterrupt:
        return 130
    except Exception as error:  # A bug of ours: one line, never a traceback.
        err(f"casetui: internal error: {type(error).__name__}: {error}")
        return 1
    return 0
