"""`casetui export`: one case as a handout for class (Markdown or standalone HTML) or as TimelineJS3 JSON.

The exporters are imported inside the command, so other commands never load them.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from casetui.cli.app import app, guarded, settings
from casetui.cli.support import Failure, err, load_cases, out
from casetui.sanitize import clean


class ExportFormat(str, Enum):
    """Output formats of `export`."""

    markdown = "markdown"
    html = "html"
    timelinejs = "timelinejs"


_BY_SUFFIX = {".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html", ".json": "timelinejs"}
"""The format `-o FILE` implies when `--format` is not given."""


@app.command(
    "export",
    epilog="\b\nExamples:\n"
    "  casetui export xiaohongka > xiaohongka.md\n"
    "  casetui --lang zh export xiaohongka -o xiaohongka.html --with-notes\n"
    "  casetui export xiaomi-youpin-youyu --format timelinejs -o youyu-timeline.json",
)
@guarded
def export_command(
    ctx: typer.Context,
    case_id: Annotated[str, typer.Argument(metavar="ID", help="A case id (or the path of a case file).")],
    fmt: Annotated[
        ExportFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="markdown or html (a handout for class), or timelinejs (JSON for TimelineJS3). "
            "Default: from the -o suffix (.md, .html, .json), else markdown.",
            case_sensitive=False,
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", metavar="FILE", help="Write to FILE instead of stdout (never a .toml file)."),
    ] = None,
    with_notes: Annotated[
        bool, typer.Option("--with-notes", help="Include the trainer notes of the discussion questions.")
    ] = False,
) -> None:
    """Export one case: a handout to print or share, or a TimelineJS3 timeline.

    Handouts hold the overview, business model, timeline, services, phases, quotes, lessons and
    discussion questions, with sources as footnotes; trainer notes only with --with-notes.
    """
    target = None if output is None or str(output) == "-" else output
    if target is not None:
        _check_target(target)
    if fmt is not None:
        chosen = fmt.value
    else:
        chosen = _BY_SUFFIX.get(target.suffix.lower(), "markdown") if target is not None else "markdown"
    opts = settings(ctx)
    (case,) = load_cases(opts.dirs, [case_id])

    from casetui.export import export
    from casetui.export.timelinejs import NoEvents

    try:
        text = export(case, chosen, opts.lang, with_notes)
    except NoEvents as error:
        raise Failure([f"casetui: {error}"]) from None
    if target is None:
        out(text)
        return
    _write(target, text)
    size = len(text.encode("utf-8"))
    err(f"casetui: wrote {clean(str(target))} ({chosen} export of {case.id}, {_size(size)})")


def _check_target(target: Path) -> None:
    """Refuse a target that would clobber a case file or is a folder (a usage error: exit 2)."""
    if target.suffix.lower() == ".toml":
        raise typer.BadParameter("will not write an export to a .toml file (it would read as a case)", param_hint="-o")
    if target.is_dir():
        raise typer.BadParameter(f"{clean(str(target))} is a folder; give a file name", param_hint="-o")


def _write(target: Path, text: str) -> None:
    """Write `text` to `target` as a user expects of a regular file (`casetui.safe_files`).

    A symlink keeps pointing at its file, which gets the export; a hard link stays one file; the
    file keeps its mode; a FIFO, device or socket is refused and left alone (`-o -` writes to stdout).
    """
    import re

    from casetui.safe_files import NotRegular, interrupts_deferred, remove_stale_temporaries, write_text

    shown = clean(str(target))
    # An export killed while writing this name left its temporary file beside it: clear it away.
    remove_stale_temporaries(target.parent if str(target.parent) else Path("."), re.compile(re.escape(target.name)))
    try:
        with interrupts_deferred():
            write_text(target, text)
    except NotRegular as error:
        raise Failure([f"casetui: cannot write {shown}: {error} (-o - writes to stdout)"]) from None
    except OSError as error:
        raise Failure([f"casetui: cannot write {shown}: {error.strerror or error}"]) from None


def _size(n: int) -> str:
    return f"{n} bytes" if n < 1024 else f"{n / 1024:.1f} KiB"
