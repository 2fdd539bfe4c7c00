"""`casetui import`: write case files from the Killed by Google dataset or a TimelineJS sheet.

Both commands build every case in memory and check it with casetui's own loader before writing
anything, so bad input never leaves half an import behind. Files are then written one by one,
each atomically, and a file a person changed (or wrote) is left alone unless `--force`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TypeVar

import typer

from casetui.cli.app import app, guarded
from casetui.cli.support import Failure, err, out
from casetui.model import STATUSES

if TYPE_CHECKING:
    from casetui.importers.output import Existing, Generated, Outcome

T = TypeVar("T")

import_app = typer.Typer(
    name="import",
    help="Create case files from other data: the Killed by Google dataset, or a TimelineJS spreadsheet.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)
app.add_typer(import_app, name="import")

_INTO_HELP = "The folder to write the case files into (created if missing)."
_FORCE_HELP = "Also overwrite files edited by hand, or not written by this importer."
_JSON_HELP = "Print a JSON report of every file instead of the summary on stderr."


def _check_id(value: str) -> str:
    from casetui.loader import ID_MAX, valid_id

    if not valid_id(value):
        raise typer.BadParameter(
            f"{value!r} is not a case id: use lowercase ASCII letters, digits and single hyphens, at most {ID_MAX}"
        )
    return value


def _check_status(value: str) -> str:
    if value not in STATUSES:
        raise typer.BadParameter(f"{value!r} is not one of {', '.join(STATUSES)}")
    return value


@import_app.command(
    "killedbygoogle",
    epilog="\b\nExamples:\n"
    "  casetui import killedbygoogle graveyard.json --into google-cases/\n"
    "  casetui --cases google-cases list --tag hardware --sort lifespan\n"
    "  casetui import killedbygoogle graveyard.json --into google-cases/ --json | jq .counts",
)
@guarded
def killedbygoogle_command(
    source: Annotated[
        Path,
        typer.Argument(metavar="FILE", help="graveyard.json from the Killed by Google project.", dir_okay=False),
    ],
    into: Annotated[Path, typer.Option("--into", metavar="DIR", help=_INTO_HELP)],
    force: Annotated[bool, typer.Option("--force", help=_FORCE_HELP)] = False,
    as_json: Annotated[bool, typer.Option("--json", help=_JSON_HELP)] = False,
) -> None:
    """One case per product in the Killed by Google dataset (github.com/codyogden/killedbygoogle).

    Each case has the product's dates, description and type, a launch and a shutdown event, and the
    entry's news link as its source. A close date still ahead makes the case `sunsetting`. Running it
    again updates the files it wrote, adds new entries and leaves files edited by hand alone. Prints
    `added N, updated N, unchanged N, skipped N` on stderr; exits 1, writing nothing, when the file
    has a bad entry.
    """
    import datetime as dt

    from casetui.importers import killedbygoogle
    from casetui.importers.output import kept_ids, scan

    _check_into(into)
    dataset = _guard(lambda: killedbygoogle.read_dataset(source, _shown(source)))
    existing = scan(into, killedbygoogle.IMPORTER)
    generated = killedbygoogle.generate(dataset, dt.date.today(), kept_ids(existing))
    _write(killedbygoogle.IMPORTER, source, into, generated, existing, force, as_json)


@import_app.command(
    "sheet",
    epilog="\b\nExamples:\n"
    "  casetui import sheet timeline.csv --into my-cases/ --id youyu --name 'Xiaomi Youpin Youyu'\n"
    "  casetui import sheet timeline.csv --into my-cases/ --id youyu --status shut-down --force",
)
@guarded
def sheet_command(
    source: Annotated[
        Path,
        typer.Argument(metavar="FILE.csv", help="The TimelineJS sheet, exported as CSV.", dir_okay=False),
    ],
    into: Annotated[Path, typer.Option("--into", metavar="DIR", help=_INTO_HELP)],
    case_id: Annotated[
        str, typer.Option("--id", metavar="ID", help="The case id (the file is ID.toml).", callback=_check_id)
    ],
    name: Annotated[
        str | None, typer.Option("--name", metavar="NAME", help="The case name (default: the title row's Headline).")
    ] = None,
    status: Annotated[
        str,
        typer.Option("--status", metavar="S", help=f"The case status: {', '.join(STATUSES)}.", callback=_check_status),
    ] = "active",
    summary: Annotated[
        str | None, typer.Option("--summary", metavar="TEXT", help="The summary (default: the title row's Text).")
    ] = None,
    company: Annotated[str | None, typer.Option("--company", metavar="TEXT", help="The company.")] = None,
    model_type: Annotated[
        str, typer.Option("--model-type", metavar="TEXT", help="The [model] type, such as 'Marketplace'.")
    ] = "Not described yet",
    force: Annotated[bool, typer.Option("--force", help=_FORCE_HELP)] = False,
    as_json: Annotated[bool, typer.Option("--json", help=_JSON_HELP)] = False,
) -> None:
    """One case from a TimelineJS spreadsheet (its template's columns), exported as CSV.

    Each row is an event; `Type = title` gives the case name and summary, `Type = era` a phase from
    Year/Month/Day to End Year/End Month/End Day. Dates keep the precision written: a year alone
    stays a year, Year and Month a month, a full date a day, and Time a local date-time. Headline is
    the title, Text the detail (HTML tags removed), Group the kind when it is one (launch, shutdown,
    …; otherwise milestone, with the group kept as x_group). An event's end date is kept as x_end.
    Display Date, Media, Media Credit, Media Caption, Media Thumbnail and Background are ignored.
    A bad row is reported as `FILE.csv:ROW: COLUMN: message`, and then nothing is written (exit 1).
    """
    from casetui.importers import sheet
    from casetui.importers.output import inspect

    _check_into(into)
    shown = _shown(source)
    table = _guard(lambda: sheet.read_sheet(source, shown))
    info = sheet.CaseInfo(case_id, name, status, summary, company, model_type)
    generated = _guard(lambda: sheet.generate(table, info, shown))
    existing = {case_id: inspect(into / f"{case_id}.toml", sheet.IMPORTER)}
    _write(sheet.IMPORTER, source, into, [generated], existing, force, as_json)


# -- shared --------------------------------------------------------------------------------


def _write(
    importer: str,
    source: Path,
    into: Path,
    generated: list[Generated],
    existing: dict[str, Existing],
    force: bool,
    as_json: bool,
) -> None:
    """Check every case, write what changed, and report."""
    from casetui.importers.output import apply, counts, plan, skip_reasons

    _validate(into, generated)
    outcomes = plan(into, importer, generated, force, existing)
    _guard(lambda: apply(into, outcomes, _shown))
    tally = counts(outcomes)
    if as_json:
        _report_json(importer, source, into, outcomes, tally)
        return
    for outcome in outcomes:
        if outcome.action.value == "skipped":
            err(f"{_shown(outcome.path)}: skipped: {outcome.reason}")
    line = ", ".join(f"{action} {count}" for action, count in tally.items())
    reasons = skip_reasons(outcomes)
    hint = ""
    if reasons:
        why = ", ".join(f"{count} {label}" for label, count in reasons.items())
        forced = {"edited by hand", "not written by this importer"} & reasons.keys()
        hint = f" ({why}{'; --force to overwrite' if forced else ''})"
    err(f"casetui import {importer}: {line}{hint}")


def _validate(into: Path, generated: list[Generated]) -> None:
    """Load every generated case with casetui's loader: an importer must never write a broken file."""
    from casetui.cli.support import problem_line
    from casetui.loader import parse_case
    from casetui.problems import CaseError

    lines: list[str] = []
    for case in generated:
        try:
            parse_case(case.body.encode("utf-8"), into / f"{case.case_id}.toml", _shown(into / f"{case.case_id}.toml"))
        except CaseError as error:
            lines += [f"casetui import: would write a broken case: {problem_line(p)}" for p in error.problems]
    if lines:
        raise Failure([*lines, "casetui import: nothing written"])


def _report_json(importer: str, source: Path, into: Path, outcomes: list[Outcome], tally: dict[str, int]) -> None:
    from casetui.cli.support import ascii_stdout
    from casetui.render.json import dumps

    document = {
        "importer": importer,
        "source": _shown(source),
        "into": _shown(into),
        "counts": tally,
        "files": [
            {"id": o.case_id, "path": _shown(o.path), "action": o.action.value, "reason": o.reason} for o in outcomes
        ],
    }
    out(dumps(document, ascii_only=ascii_stdout()))


def _guard(step: Callable[[], T]) -> T:
    """Run one step of an import; an ImportFailed becomes its lines on stderr and exit 1."""
    from casetui.importers import ImportFailed

    try:
        return step()
    except ImportFailed as failure:
        raise Failure(failure.lines) from None


def _check_into(into: Path) -> None:
    if into.exists() and not into.is_dir():
        raise typer.BadParameter(f"{_shown(into)} is not a folder", param_hint="--into")


def _shown(path: Path) -> str:
    from casetui.library import display_path

    return display_path(path)
