"""`casetui schema` and `casetui new`: help for authors writing their own cases.

`schema` prints the JSON Schema that editors use for completion and checks; `new` writes a commented
starter case, or a copy of an existing one under a new id, into the user's own library. The work is
done in `casetui.starter` and `casetui.case_schema`, imported inside the commands.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer

from casetui.cli.app import app, guarded, settings
from casetui.cli.support import Failure, err, out


@app.command(
    "schema",
    epilog="\b\nExamples:\n"
    "  casetui schema > case.schema.json\n"
    "  casetui schema | jq '.properties.case.properties | keys'",
)
@guarded
def schema_command() -> None:
    """Print the JSON Schema of the case file format (draft 2020-12), for editors and scripts.

    Editors that read Taplo's `#:schema` line (Even Better TOML in VS Code) use it for completion,
    hover help and checks as you type. `casetui validate` checks more: see docs/format.md.
    """
    from casetui.case_schema import schema_text

    try:
        text = schema_text()
    except OSError as error:
        reason = error.strerror or error
        raise Failure([f"casetui: the case schema is missing from this installation ({reason})"]) from None
    out(text if text.endswith("\n") else text + "\n")


@app.command(
    "new",
    epilog="\b\nExamples:\n"
    "  casetui new my-case                      # a commented starter in your library\n"
    "  casetui new my-youyu --from xiaomi-youpin-youyu\n"
    "  casetui --cases ~/my-cases new my-case   # into ~/my-cases\n"
    "  casetui new my-case --into drafts/",
)
@guarded
def new_command(
    ctx: typer.Context,
    case_id: Annotated[
        str, typer.Argument(metavar="ID", help="The new case's id, which is also its file name (my-case.toml).")
    ],
    from_id: Annotated[
        str | None,
        typer.Option("--from", metavar="ID", help="Copy this case (an id, or the path of a case file) instead."),
    ] = None,
    into: Annotated[
        Path | None,
        typer.Option("--into", metavar="DIR", help="Write into this folder (made if missing).", file_okay=False),
    ] = None,
) -> None:
    """Write a new case file and print its path; never overwrites a file.

    The file goes into the first library folder you can write to, among each --cases DIR, each
    CASETUI_CASES folder, then your own library folder (made if missing); never into the library
    bundled with casetui.
    """
    from casetui.case_schema import schema_uri
    from casetui.loader import ID_MAX, valid_id
    from casetui.sanitize import clean
    from casetui.starter import StarterError, choose_folder, copy_text, is_read, starter_text, write_new

    if not valid_id(case_id):
        raise typer.BadParameter(
            f'"{clean(case_id)}" is not a case id: use lowercase ASCII letters, digits and single hyphens, '
            f"at most {ID_MAX} characters (like my-case)",
            param_hint="ID",
        )
    opts = settings(ctx)
    schema_ref = schema_uri()
    try:
        if from_id is None:
            data = starter_text(case_id, schema_ref).encode("utf-8")
            what = "a starter case: replace its TODOs"
        else:
            source = _source_file(opts.dirs, from_id)
            data = copy_text(source.read_bytes(), case_id, schema_ref, str(source))
            what = f"a copy of {source}"
        target = choose_folder(opts.cli_dirs, into)
        path = write_new(target.folder, case_id, data)
    except StarterError as error:
        raise Failure([f"casetui new: {error}"]) from None
    except OSError as error:
        raise Failure([f"casetui new: cannot read {error.filename}: {error.strerror or error}"]) from None
    for skipped in target.skipped:
        err(f"casetui new: skipped {skipped}")
    out(f"{path}\n")
    err(f"casetui new: wrote {what}; check it with: casetui validate {path}")
    if not is_read(target.folder, opts.dirs):
        err(f"casetui new: casetui reads {target.folder} only when asked: --cases {target.folder}, or CASETUI_CASES")


def _source_file(dirs: list[Path], wanted: str) -> Path:
    """The file of the case to copy: a path, or a case id looked up in the library (bundled one included)."""
    from casetui.cli.support import case_files, unknown_message
    from casetui.sanitize import clean

    candidate = Path(wanted).expanduser()
    if "/" in wanted or os.sep in wanted or (wanted.endswith(".toml") and candidate.exists()):
        if not candidate.is_file():
            raise Failure([f"casetui new: no case file {clean(wanted)}"])
        return candidate
    files = case_files(dirs)
    if wanted not in files:
        raise Failure([unknown_message(wanted, list(files))])
    return files[wanted]
