"""The `casetui` command: open the app, or list, show, compare, step through and validate cases.

Exit codes: 0 success; 1 bad data or an unknown case id (the message goes to stderr and nothing
to stdout); 2 a usage error. Output carries no escape codes when stdout is not a terminal, when
`NO_COLOR` is set or with `--no-color`. Rich is imported only by the text and table outputs, and
Textual only when the app opens, so `casetui compare A B --format json` stays quick.
"""

import functools
import os
import re
import sys
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from casetui import __version__, i18n, launch, serialize
from casetui.cli.listing import SORT_FIELDS, select, sort_field
from casetui.cli.run import run_compare, run_show, run_timeline, write_grid
from casetui.cli.run import to_json as _json
from casetui.cli.support import Failure, Settings, ascii_stdout, err, load_cases, out, problem_line, reader_gone
from casetui.model import STATUSES

F = TypeVar("F", bound=Callable[..., Any])

SETTINGS = "casetui.settings"
"""Key of the run's `Settings` in the Click context's shared `meta`."""

LANG_RE = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$")

app = typer.Typer(
    name="casetui",
    help="Explore platform case studies: browse, compare and step through sunsets.",
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)


class TextFormat(str, Enum):
    """Output formats of `show`."""

    text = "text"
    json = "json"
    markdown = "markdown"


class TableFormat(str, Enum):
    """Output formats of `compare`."""

    table = "table"
    json = "json"
    markdown = "markdown"
    csv = "csv"


class TimelineFormat(str, Enum):
    """Output formats of `timeline`."""

    table = "table"
    json = "json"
    markdown = "markdown"


# -- plumbing --------------------------------------------------------------------------------

_PASS_THROUGH = (typer.Exit, typer.Abort, typer.BadParameter)


def guarded(command: F) -> F:
    """Turn any failure into one located line on stderr and an exit code: never a traceback."""

    @functools.wraps(command)
    def run(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except Failure as failure:
            for line in failure.lines:
                err(line)
            raise typer.Exit(failure.code) from None
        except _PASS_THROUGH:
            raise
        except BrokenPipeError:
            raise typer.Exit(reader_gone()) from None  # `casetui list | head -1`: done, not failed
        except KeyboardInterrupt:
            raise typer.Exit(130) from None
        except Exception as error:  # A bug of ours: say so on one line rather than with a traceback.
            err(f"casetui: internal error: {type(error).__name__}: {error}")
            raise typer.Exit(1) from None

    return run  # type: ignore[return-value]


def settings(ctx: typer.Context) -> Settings:
    """The global options given before the command."""
    return ctx.meta.get(SETTINGS) or Settings()


def _show_version(value: bool) -> None:
    if value:
        out(f"casetui {__version__}\n")
        raise typer.Exit()


def _check_lang(value: str) -> str:
    if not LANG_RE.match(value):
        raise typer.BadParameter(f"{value!r} is not a language tag (en, zh, zh-Hans, …)")
    return value


def _check_statuses(values: list[str] | None) -> list[str]:
    for value in values or []:
        if value not in STATUSES:
            raise typer.BadParameter(f"{value!r} is not one of {', '.join(STATUSES)}")
    return values or []


StatusOption = Annotated[
    list[str] | None,
    typer.Option(
        "--status", metavar="S", help=f"Only this status ({', '.join(STATUSES)}); repeatable.", callback=_check_statuses
    ),
]
"""`--status S`, shared by every command that filters the library."""
TagOption = Annotated[
    list[str] | None, typer.Option("--tag", metavar="T", help="Only cases with this tag; repeatable.")
]
"""`--tag T`, shared likewise."""


def _check_sort(value: str) -> str:
    try:
        return sort_field(value)
    except ValueError as error:
        raise typer.BadParameter(str(error)) from None


def _open_app(
    opts: Settings, present: str | None = None, speaker: bool = False, pid: int | None = None, spoilers: bool = True
) -> None:
    """Start the Textual app (imported only then, so other commands never load Textual)."""
    code = launch.open_app(
        opts.cli_dirs, opts.lang, present, opts.bundled, speaker=speaker, speaker_pid=pid, spoilers=spoilers
    )
    if code:
        raise typer.Exit(code)


# -- the commands ----------------------------------------------------------------------------


@app.callback(
    invoke_without_command=True,
    epilog="Without a command, casetui opens the app. Examples:\n\n"
    "\b\n"
    "  casetui                              # browse the bundled library\n"
    "  casetui --cases ~/my-cases --lang zh list\n"
    "  casetui compare taoxiaopu xiaohongka --format csv > compare.csv",
)
@guarded
def main_options(
    ctx: typer.Context,
    cases: Annotated[
        list[Path] | None,
        typer.Option(
            "--cases",
            metavar="DIR",
            help="A folder of case files, read before CASETUI_CASES and the bundled library (repeatable).",
            exists=True,
            file_okay=False,
            dir_okay=True,
        ),
    ] = None,
    lang: Annotated[
        str,
        typer.Option("--lang", envvar="CASETUI_LANG", help="Display language (en, zh).", callback=_check_lang),
    ] = "en",
    no_color: Annotated[bool, typer.Option("--no-color", help="No colour or styles, even in a terminal.")] = False,
    no_bundled: Annotated[
        bool, typer.Option("--no-bundled", hidden=True, envvar="CASETUI_NO_BUNDLED", help="Skip the bundled library.")
    ] = False,
    version: Annotated[
        bool,
        typer.Option("--version", is_eager=True, callback=_show_version, help="Print the version and exit."),
    ] = False,
) -> None:
    """Explore platform case studies: browse, compare and step through sunsets."""
    note = i18n.lang_note(lang)
    if note is not None:
        err(note)
    opts = Settings(list(cases or []), lang, no_color, not no_bundled)
    ctx.meta[SETTINGS] = opts
    if ctx.invoked_subcommand is None:
        _open_app(opts)


@app.command(
    "list",
    epilog="\b\nExamples:\n"
    "  casetui list --sort lifespan --reverse\n"
    "  casetui list --status shut-down --tag membership --json",
)
@guarded
def list_command(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="JSON instead of a table.")] = False,
    status: StatusOption = None,
    tag: TagOption = None,
    sort: Annotated[
        str, typer.Option("--sort", metavar="FIELD", help=f"Sort by {', '.join(SORT_FIELDS)}.", callback=_check_sort)
    ] = "id",
    reverse: Annotated[
        bool, typer.Option("--reverse", help="Sort in descending order (missing values stay last).")
    ] = False,
) -> None:
    """List every case: id, name, company, status, dates, lifespan and notice period.

    Files that do not load are reported on stderr, one line each; the others are still listed.
    """
    from casetui.index_cache import IndexCache
    from casetui.library import display_paths, load_library

    opts = settings(ctx)
    library = load_library(opts.dirs, cache=IndexCache.default())
    for problem in library.problems:
        err(problem_line(problem))
    chosen = select(library.summaries, status or [], tag or [], sort, reverse, opts.lang)
    if as_json:
        from casetui.render.json import case_list

        paths = display_paths([library.entries[s.id].location for s in chosen])
        for piece in case_list(chosen, paths, opts.lang, library.problems, ascii_stdout()):
            out(piece)
        return
    if not chosen:
        err("casetui: no cases to list" + (" with these filters" if status or tag else f" in {_dirs(opts)}"))
        return
    from casetui.render.listing import list_table

    write_grid(list_table(chosen, opts.lang), opts)


@app.command(
    "show",
    epilog="\b\nExamples:\n"
    "  casetui show xiaohongka\n"
    "  casetui --lang zh show xiaohongka --format markdown > xiaohongka.md",
)
@guarded
def show_command(
    ctx: typer.Context,
    case_id: Annotated[str, typer.Argument(metavar="ID", help="A case id (or the path of a case file).")],
    fmt: Annotated[
        TextFormat, typer.Option("--format", "-f", help="Output format.", case_sensitive=False)
    ] = TextFormat.text,
) -> None:
    """Show a whole case: overview, model, services, timeline, sources, quotes, lessons and questions."""
    opts = settings(ctx)
    (case,) = load_cases(opts.dirs, [case_id])
    run_show(opts, case, fmt.value)


@app.command(
    "compare",
    epilog="\b\nExamples:\n"
    "  casetui compare xiaomi-youpin-youyu taoxiaopu xiaohongka\n"
    "  casetui compare taoxiaopu xiaohongka --diff-only --baseline taoxiaopu\n"
    "  casetui compare taoxiaopu xiaohongka --format json | jq '.rows[] | select(.differs)'",
)
@guarded
def compare_command(
    ctx: typer.Context,
    case_ids: Annotated[list[str], typer.Argument(metavar="ID...", help="Two or more case ids.")],
    fmt: Annotated[
        TableFormat, typer.Option("--format", "-f", help="Output format.", case_sensitive=False)
    ] = TableFormat.table,
    diff_only: Annotated[bool, typer.Option("--diff-only", help="Only the rows that differ.")] = False,
    baseline: Annotated[
        str | None,
        typer.Option("--baseline", metavar="ID", help="Mark differences against this case (one of those compared)."),
    ] = None,
) -> None:
    """Compare cases side by side: one row per dimension, one column per case, differences marked."""
    if len(case_ids) < 2:
        raise typer.BadParameter("give at least two case ids", param_hint="ID")
    repeated = sorted({i for i in case_ids if case_ids.count(i) > 1})
    if repeated:
        raise typer.BadParameter(f"{', '.join(repeated)} given more than once", param_hint="ID")
    opts = settings(ctx)
    cases = load_cases(opts.dirs, case_ids)
    ids = [c.id for c in cases]
    base = None
    if baseline is not None:
        if baseline not in ids and baseline not in case_ids:
            raise typer.BadParameter(f"{baseline!r} is not among the compared cases", param_hint="--baseline")
        base = ids.index(baseline) if baseline in ids else case_ids.index(baseline)
    run_compare(opts, cases, base, fmt.value, diff_only)


@app.command(
    "timeline",
    epilog="\b\nExamples:\n"
    "  casetui timeline xiaomi-youpin-youyu\n"
    "  casetui timeline xiaomi-youpin-youyu --format json",
)
@guarded
def timeline_command(
    ctx: typer.Context,
    case_id: Annotated[str, typer.Argument(metavar="ID", help="A case id (or the path of a case file).")],
    fmt: Annotated[
        TimelineFormat, typer.Option("--format", "-f", help="Output format.", case_sensitive=False)
    ] = TimelineFormat.table,
) -> None:
    """Every event in order: T-offset from the announcement, date, kind, title, sources, services stopped, time left."""
    opts = settings(ctx)
    (case,) = load_cases(opts.dirs, [case_id])
    run_timeline(opts, case, fmt.value)


@app.command(
    "validate",
    epilog="\b\nExamples:\n  casetui validate                      # the whole library\n"
    "  casetui validate my-cases/ draft.toml --json\n"
    "  casetui validate --watch draft.toml      # again on every save; Ctrl-C to stop",
)
@guarded
def validate_command(
    ctx: typer.Context,
    paths: Annotated[
        list[Path] | None,
        typer.Argument(metavar="[PATH ...]", help="Case files or folders (default: the whole library)."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="JSON instead of one line per problem.")] = False,
    watch: Annotated[
        bool, typer.Option("--watch", help="Check again each time a file is saved, until Ctrl-C (which exits 0).")
    ] = False,
) -> None:
    """Check case files; print one line per problem (`path:line: key: message`).

    Exits 1 when any file has an error; warnings (a shadowed id, a `status` or `ended` that lies
    after `as_of`) are printed but exit 0. With --watch, checks again on every save and prints the
    result each time.
    """
    opts = settings(ctx)
    errors = _validate(opts, paths, as_json)
    if watch:
        _validate_on_save(opts, paths, as_json)
        return
    if errors:
        raise typer.Exit(1)


def _validate(opts: Settings, paths: list[Path] | None, as_json: bool) -> int:
    """Check `paths` (or the library), print the problems and the verdict; the number of errors."""
    from casetui.library import load_library, validate_paths

    if paths:
        checked, problems = validate_paths(paths)
    else:
        from casetui.premature import library_warnings

        library = load_library(opts.dirs)
        problems = list(library.problems)
        checked = len(library.entries) + sum(1 for p in problems if p.warning and p.key == "case.id")
        problems.extend(library_warnings(library))
    errors = sum(1 for p in problems if not p.warning)
    if as_json:
        out(_json(serialize.validation(checked, problems)))
    else:
        for problem in problems:
            out(problem_line(problem) + "\n")
        warnings = len(problems) - errors
        verdict = "ok" if not errors else "failed"
        err(
            f"casetui validate: {verdict}: {_count(checked, 'file')} checked, "
            f"{_count(errors, 'error')}, {_count(warnings, 'warning')}"
        )
    sys.stdout.flush()  # A pipe (an editor's pane, a test) sees each result as it comes.
    return errors


def _validate_on_save(opts: Settings, paths: list[Path] | None, as_json: bool) -> None:
    """`validate --watch`: check again after each burst of saves, until Ctrl-C."""
    import threading

    from casetui.library import display_paths
    from casetui.watching import watch_paths

    targets = [p for p in (paths or opts.dirs) if p.exists()]
    if not targets:
        raise Failure(["casetui validate: --watch: none of these paths exists, so there is nothing to watch"])
    err("casetui validate: watching for saves; Ctrl-C to stop")
    try:
        for changed in watch_paths(targets, threading.Event()):
            err(f"casetui validate: saved: {', '.join(sorted(display_paths(changed)))}")
            _validate(opts, paths, as_json)
    except KeyboardInterrupt:
        pass


@app.command(
    "present",
    epilog="\b\nExamples:\n  casetui present xiaomi-youpin-youyu     # full screen, for a workshop\n"
    "  casetui present xiaomi-youpin-youyu --no-spoilers   # the class decides before it sees the end\n"
    "  casetui present xiaomi-youpin-youyu --speaker   # in a second terminal: notes, next event, clock\n"
    "\b\nThe speaker view needs Unix sockets (Linux, macOS, other POSIX systems).",
)
@guarded
def present_command(
    ctx: typer.Context,
    case_id: Annotated[str, typer.Argument(metavar="ID", help="The case to present.")],
    speaker: Annotated[
        bool,
        typer.Option(
            "--speaker",
            help="The speaker view: follows `casetui present ID` running in another terminal, step by step "
            "(stepping in either moves both), with the trainer notes, the next event and a clock.",
        ),
    ] = False,
    pid: Annotated[
        int | None,
        typer.Option("--pid", metavar="PID", help="With --speaker: the presenter to follow when several present ID."),
    ] = None,
    no_spoilers: Annotated[
        bool,
        typer.Option(
            "--no-spoilers",
            help="Hide the events after the current step, and the figures they give away, until the step reaches them.",
        ),
    ] = False,
) -> None:
    """Open the app full screen on one case's sunset timeline, for a workshop."""
    opts = settings(ctx)
    if "/" in case_id or case_id.endswith(".toml"):
        raise typer.BadParameter("give a case id from the library, not a file (use --cases DIR)", param_hint="ID")
    if pid is not None and not speaker:
        raise typer.BadParameter("--pid picks the presenter a speaker view follows: add --speaker", param_hint="--pid")
    if speaker:
        from casetui.present_link import available

        if not available():
            raise Failure(["casetui present: --speaker needs Unix sockets, which this system lacks (POSIX only)"], 2)
    (case,) = load_cases(opts.dirs, [case_id])
    _open_app(opts, present=case.id, speaker=speaker, pid=pid, spoilers=not no_spoilers)


# -- helpers ---------------------------------------------------------------------------------


def _count(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _dirs(opts: Settings) -> str:
    return ", ".join(str(d) for d in opts.dirs) or "no folder"


def main() -> None:
    """Console-script entry point: run the CLI, never ending in a traceback."""
    if hasattr(sys.stdout, "reconfigure") and ascii_stdout():
        sys.stdout.reconfigure(errors="backslashreplace")  # type: ignore[union-attr]
    if "_CASETUI_COMPLETE" in os.environ:
        # Shell completion (docs/install.md); loaded only when the shell asks, so runs stay quick.
        from typer.completion import completion_init

        completion_init()
    try:
        app(prog_name="casetui")
    except SystemExit as done:
        launch.leave_if_app_closed(done.code)
        try:
            sys.stdout.flush()  # here rather than at exit, where a closed pipe would print a warning
        except BrokenPipeError:
            sys.exit(reader_gone())
        raise
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as error:
        err(f"casetui: internal error: {type(error).__name__}: {error}")
        sys.exit(1)


# Commands kept in their own modules register on `app` when imported.
import casetui.cli.commands  # noqa: E402, F401
