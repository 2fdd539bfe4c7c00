"""New case files for authors: a commented starter, or a copy of an existing case under a new id.

A new file goes into the first library folder the user can write to, never into the library bundled
with casetui, and never over an existing file. Imports nothing from any UI library.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from string import Template

from casetui.library import bundled_dir, search_dirs
from casetui.paths import user_library_dir

BOM = b"\xef\xbb\xbf"
MAX_BYTES = 1 << 20
SCHEMA_DIRECTIVE = "#:schema "
"""The comment that tells Taplo (Even Better TOML in VS Code) which JSON Schema a file follows."""


class StarterError(Exception):
    """A new case cannot be written; the message says why, naming the file or folder."""


@dataclass(slots=True)
class Target:
    """The folder chosen for a new case, and why earlier candidates were passed over."""

    folder: Path
    skipped: list[str] = field(default_factory=list)


def choose_folder(cli_dirs: Sequence[Path], into: Path | None = None, env: str | None = None) -> Target:
    """The folder for a new case: `into` if given, else the first writable one of the `--cases` folders,
    the `CASETUI_CASES` folders and the user's library folder (made on demand); never the bundled library.
    """
    bundled = bundled_dir().resolve()
    if into is not None:
        folder = Path(into).expanduser()
        if _inside(folder, bundled):
            raise StarterError(f"{folder} is the library bundled with casetui; new cases go in a folder of your own")
        problem = _writable(folder)
        if problem:
            raise StarterError(f"cannot write to {folder}: {problem}")
        return Target(folder)
    skipped: list[str] = []
    for folder in [*search_dirs(cli_dirs, env=env, bundled=False, user=False), user_library_dir()]:
        if _inside(folder, bundled):
            skipped.append(f"{folder}: the bundled library")
            continue
        problem = _writable(folder)
        if problem is None:
            return Target(folder, skipped)
        skipped.append(f"{folder}: {problem}")
    raise StarterError("no library folder to write to (" + "; ".join(skipped) + "); use --into DIR")


def is_read(folder: Path, dirs: Sequence[Path]) -> bool:
    """True when `folder` is one of the library folders `dirs` (or inside one), so casetui reads it."""
    return any(_inside(folder, d.expanduser().resolve()) for d in dirs)


def _inside(folder: Path, root: Path) -> bool:
    resolved = folder.expanduser().resolve()
    return resolved == root or root in resolved.parents


def _writable(folder: Path) -> str | None:
    """None when a file can be created in `folder` (made on demand), else the reason it cannot."""
    if folder.is_dir():
        return None if os.access(folder, os.W_OK | os.X_OK) else "not writable"
    if folder.exists():
        return "not a folder"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        return f"cannot create it ({error.strerror or error})"
    return None


def write_new(folder: Path, case_id: str, data: bytes) -> Path:
    """Create `<folder>/<case_id>.toml` holding `data`; refuse if anything is already there."""
    path = folder / f"{case_id}.toml"
    try:
        with open(path, "xb") as handle:  # "x": fails if the name exists, even as a dangling link
            handle.write(data)
    except FileExistsError:
        raise StarterError(f"{path} already exists; not overwritten (choose another id, or move that file)") from None
    except OSError as error:
        path.unlink(missing_ok=True)
        raise StarterError(f"cannot write {path}: {error.strerror or error}") from None
    return path


# -- the commented starter -----------------------------------------------------------------------

STARTER = Template(
    """\
${directive}# ${case_id}.toml: a case study for casetui, case format 1.
# Reference: docs/format.md in casetui's repository; `casetui schema` prints the JSON Schema.
#
# Replace every "TODO" text; the dates, kinds and numbers below are examples, so replace them too.
# Delete the optional keys and sections you do not need. Check your work with:
#   casetui validate ${case_id}.toml
#
# Text is a plain string, or one string per language: { en = "…", zh = "…" }.
# A date ("when") is "2019" or "2019-10" in quotes when you know only the year or the month,
# and 2022-01-17 or 2022-01-17T10:00:00+08:00 without quotes for a day or a moment.
# Keys that start with x_ are your own notes: casetui ignores them.

format = 1                      # the version of the case format: always 1

# -- What the case is about (required) -----------------------------------------------------------
[case]
id = "${case_id}"${id_pad}# optional; must equal the file name without .toml
name = { en = "TODO Platform name", zh = "TODO 平台名称" }          # required
company = { en = "TODO Company", zh = "TODO 公司" }
status = "shut-down"            # required: active | sunsetting | paused | shut-down | merged
summary = { en = "TODO The case in a paragraph.", zh = "TODO 用一段话概述本案例。" }   # required
region = "CN"                   # where it ran
tags = ["todo-tag"]             # words for searching and filtering
launched = "2019"               # when it started
ended = 2022-03-17              # when it ended, not before launched; delete it while still running
reason = { en = "TODO Why it ended or changed course, as the sources tell it.", zh = "TODO 结束或转向的原因。" }
as_of = ${today}              # when the facts were last checked

# -- How the platform makes money (required) -----------------------------------------------------
[model]
type = { en = "TODO Kind of platform, in a few words", zh = "TODO 平台类型" }   # required
summary = { en = "TODO How it makes money and who takes part.", zh = "TODO 盈利方式与参与者。" }
# Every other key in [model] is a comparison dimension that you name. `casetui compare` lines up
# keys of the same name across cases, so reuse names (membership_fee, take_rate, fulfilment).
# A dimension is text, a number, a boolean, a when, or a fact (a table with a value, below).
fulfilment = { en = "TODO Who delivers the goods", zh = "TODO 谁负责履约" }

[model.membership_fee]          # a fact: only value is required
value = 0                       # TODO the number (or text, a boolean, a when)
unit = "CNY"                    # CNY, %, people …
label = { en = "Membership fee", zh = "会员费" }   # shown instead of the key
note = { en = "TODO one-off or yearly?", zh = "TODO 一次性还是按年？" }
source = "todo-source"          # the id of a [sources.<id>] entry below

# -- What users could do, for the sunset view (optional) -----------------------------------------
# One key per service; the event whose `ends` names it stops it.
[services]
ordering = { en = "Placing orders", zh = "下单" }
withdrawal = { en = "Balance withdrawal", zh = "余额提现" }

# -- The timeline: one [[events]] per event, in any order (shown sorted by date) -----------------
[[events]]
date = "2019"                   # required: when it happened
title = { en = "TODO Launch", zh = "TODO 上线" }   # required
kind = "launch"                 # launch | milestone | growth | partnership | financial | regulatory |
                                # announcement | service-stop | shutdown | migration | other (default: milestone)
id = "launch"                   # optional, unique in this file; questions refer to events by id
source = "todo-source"          # a [sources] id, or a list of them: ["a", "b"]

[[events]]
date = 2022-01-17T10:00:00+08:00
title = { en = "TODO Shutdown announced; ordering stops", zh = "TODO 宣布关停，停止下单" }
kind = "announcement"           # the first announcement is T-0 of the sunset view
detail = { en = "TODO More about it.", zh = "TODO 详细说明。" }
id = "announce"
ends = ["ordering"]             # the [services] that stop at this event
source = "todo-source"

[[events]]
date = 2022-03-17
title = { en = "TODO Withdrawals close; the platform shuts down", zh = "TODO 停止提现，平台关闭" }
kind = "shutdown"               # the last shutdown ends the notice period
ends = ["withdrawal"]
source = "todo-source"

# -- Where the facts come from: every `source = "…"` in this file names one of these -------------
[sources.todo-source]           # the source's id is the part after "sources."
title = "TODO Title of the article or report"   # required
publisher = "TODO Publisher"
author = "TODO Author"          # a casetui extension of the format
date = "2022-01"                # when it was published
url = "https://example.com/TODO"
note = "TODO Anything a reader should know about this source"

# -- For teaching (all optional) -----------------------------------------------------------------
[[phases]]                      # eras that group the timeline
title = { en = "TODO Growth", zh = "TODO 增长期" }   # required
start = "2019"                  # required
end = "2021-06"                 # optional: open-ended if absent

[[quotes]]                      # what people said
text = { en = "TODO What was said.", zh = "TODO 原话。" }   # required
by = "TODO Who said it"
source = "todo-source"

[[lessons]]                     # take-aways for discussion
text = { en = "TODO A take-away for discussion.", zh = "TODO 供讨论的启示。" }   # required
source = "todo-source"

[[questions]]                   # discussion prompts for workshops
prompt = { en = "TODO A question for the class?", zh = "TODO 课堂讨论的问题？" }   # required
notes = { en = "TODO Trainer notes, hidden until revealed.", zh = "TODO 讲师备注，揭晓前隐藏。" }
event = "announce"              # optional: ask it when the timeline reaches this event id
"""
)


def starter_text(case_id: str, schema_ref: str | None, today: dt.date | None = None) -> str:
    """The commented starter case `<case_id>.toml`; `schema_ref` goes in its `#:schema` line."""
    return STARTER.substitute(
        directive=f"{SCHEMA_DIRECTIVE}{schema_ref}\n" if schema_ref else "",
        case_id=case_id,
        id_pad=" " * max(1, 25 - len(case_id)),  # the comment lines up with the others
        today=(today or dt.date.today()).isoformat(),
    )


# -- a copy of an existing case ------------------------------------------------------------------

_ID_VALUE = re.compile(r"""(?P<key>(?<![\w-])(?P<q>["']?)id(?P=q)\s*=\s*)(?P<value>"(?:[^"\\\n]|\\.)*"|'[^'\n]*')""")
"""`id = "…"` (the key possibly quoted) and its single-line string value."""


def copy_text(data: bytes, case_id: str, schema_ref: str | None, shown: str) -> bytes:
    """The bytes of a case file with its `[case] id` (if any) set to `case_id`.

    A relative `#:schema` path on the first line is replaced by `schema_ref`: relative to the new
    folder it would point nowhere. Everything else is kept byte for byte, BOM and line ends too.
    """
    import tomli

    from casetui import locate

    if len(data) > MAX_BYTES:
        raise StarterError(f"{shown} is larger than 1 MiB; not copied")
    bom = data.startswith(BOM)
    try:
        text = data[len(BOM) :].decode("utf-8") if bom else data.decode("utf-8")
        doc = tomli.loads(text)
    except UnicodeDecodeError:
        raise StarterError(f"{shown} is not UTF-8; not copied") from None
    except (tomli.TOMLDecodeError, RecursionError):
        raise StarterError(f"{shown} is not valid TOML; not copied (casetui validate {shown} says why)") from None
    lines = text.split("\n")  # "\n" only, as TOML counts lines; a "\r" before it stays with its line
    table = doc.get("case")
    if isinstance(table, dict) and "id" in table:
        number = locate.key_lines(text).get(("case", "id"))
        line = lines[number - 1] if number else ""
        match = _ID_VALUE.search(line)
        if number is None or match is None:
            raise StarterError(f"{shown}: cannot find the line of [case] id to change; not copied")
        lines[number - 1] = f'{line[: match.start("value")]}"{case_id}"{line[match.end("value") :]}'
        try:
            changed = tomli.loads("\n".join(lines)).get("case", {})
        except tomli.TOMLDecodeError:
            changed = None  # an id written in a way the line edit does not handle (a multi-line string)
        if not isinstance(changed, dict) or changed.get("id") != case_id:
            raise StarterError(f"{shown}: cannot change its [case] id safely; not copied")
    if schema_ref and lines[0].startswith(SCHEMA_DIRECTIVE) and _relative(lines[0][len(SCHEMA_DIRECTIVE) :].strip()):
        ending = "\r" if lines[0].endswith("\r") else ""
        lines[0] = f"{SCHEMA_DIRECTIVE}{schema_ref}{ending}"
    return (BOM if bom else b"") + "\n".join(lines).encode("utf-8")


def _relative(reference: str) -> bool:
    """True for a schema reference that is neither a URL nor an absolute path."""
    return "://" not in reference and not Path(reference).is_absolute()
