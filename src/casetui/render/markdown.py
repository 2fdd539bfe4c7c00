"""Markdown output (GitHub-flavoured) for `show`, `compare` and `timeline`.

Case text is escaped so that it reads as written once rendered: `[TODO] Q3` stays text, never a
link, and a `|` never breaks a table. Text shown in a fallback language ends with ` ⟨en⟩`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from casetui import derive
from casetui.compare import Row
from casetui.i18n import kind_name, label, model_label
from casetui.model import Case, Fact, Source
from casetui.render.common import MISSING, TimelineRow, cell_text, marked, scheduled_mark, timeline_rows
from casetui.values import show
from casetui.when import Span

_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~!])")
_LINE_START = re.compile(r"^(\s*)(?:([-+=])|(\d+)([.)]))", re.MULTILINE)


def escape(text: str) -> str:
    """Case text as Markdown that renders literally (newlines kept)."""
    text = text.replace("&", "&amp;")
    text = _SPECIAL.sub(r"\\\1", text)
    return _LINE_START.sub(_escape_line_start, text)


def _escape_line_start(match: re.Match[str]) -> str:
    """`- x` -> `\\- x`; `1. x` -> `1\\. x` (a backslash before a digit would show: digits are not escapable)."""
    indent, sign, digits, delimiter = match.groups()
    return f"{indent}\\{sign}" if sign else f"{indent}{digits}\\{delimiter}"


def cell(text: str) -> str:
    """Case text for one table cell: escaped, on one line."""
    return escape(text).replace("\r", "").replace("\n", "<br>")


def table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> list[str]:
    """A GFM table; `header` and `rows` must already be escaped."""
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines


# -- timeline --------------------------------------------------------------------------------


def _timeline_table(case: Case, rows: Sequence[TimelineRow], lang: str) -> list[str]:
    header = [label(k, lang) for k in ("offset", "date", "kind", "title", "source", "stops", "to_shutdown")]
    body = []
    for row in rows:
        event = row.event
        title = cell(marked(event.title, lang))
        if event.detail is not None:
            title += "<br>*" + cell(marked(event.detail, lang)) + "*"
        body.append(
            [
                row.offset.offset(lang) if row.offset else "",
                event.date.display() + scheduled_mark(row.scheduled, lang),
                kind_name(event.kind, lang),
                title,
                cell(", ".join(event.sources)),
                cell(", ".join(marked(s.name, lang) for s in row.stops)),
                _span(row.to_shutdown, lang) or "",  # The shutdown's own date carries the mark.
            ]
        )
    return table(header, body)


def timeline_md(case: Case, lang: str) -> str:
    """`casetui timeline --format markdown`: the events table and the sources it cites."""
    rows = timeline_rows(case)
    lines = [f"# {cell(marked(case.name, lang))}: {label('timeline', lang)}", ""]
    lines += _timeline_table(case, rows, lang)
    cited = {s for row in rows for s in row.event.sources}
    sources = [s for s in case.sources if s.id in cited]
    if sources:
        lines += ["", f"## {label('sources', lang)}", ""]
        lines += [_source_line(s, lang) for s in sources]
    return "\n".join(lines) + "\n"


# -- compare ---------------------------------------------------------------------------------


def compare_md(cases: Sequence[Case], rows: Sequence[Row], lang: str, baseline: int | None) -> str:
    """`casetui compare --format markdown`: a table with a `differs` marker column.

    With a baseline, the cells that differ from it are also set in bold.
    """
    header = [label("dimension", lang)]
    for index, case in enumerate(cases):
        head = f"{cell(marked(case.name, lang))} (`{case.id}`)"
        header.append(head + (f" ({label('baseline', lang)})" if index == baseline else ""))
    header.append("differs")
    body = []
    for row in rows:
        values = []
        for value, differs in zip(row.cells, row.cell_differs, strict=True):
            if value is None:
                values.append(MISSING)
                continue
            text = cell(cell_text(value, lang))
            if value.note:
                text += f" ({cell(value.note)})"
            values.append(f"**{text}**" if differs and baseline is not None and text else text)
        body.append([cell(row.label), *values, "≠" if row.differs else ""])
    return "\n".join(table(header, body)) + "\n"


# -- show ------------------------------------------------------------------------------------


def _source_line(source: Source, lang: str) -> str:
    parts = [f"- **{cell(source.id)}**: {cell(marked(source.title, lang))}"]
    for extra in (source.publisher, source.author):
        if extra is not None:
            parts.append(cell(marked(extra, lang)))
    if source.date is not None:
        parts.append(source.date.display())
    if source.url:
        parts.append(cell(source.url))
    if source.note is not None:
        parts.append(f"*{cell(marked(source.note, lang))}*")
    return ". ".join(parts)


def _cite(source_id: str | None) -> str:
    return f" \\[{cell(source_id)}\\]" if source_id else ""


def case_md(case: Case, lang: str) -> str:
    """`casetui show --format markdown`: the whole case, sources included."""
    out = [f"# {cell(marked(case.name, lang))}", "", f"`{case.id}`", ""]
    finish = derive.end(case)  # `ended`, else the final shutdown (the end the lifespan counts to)
    facts = [
        ("company", marked(case.company, lang) if case.company else None),
        ("status", label(case.status, lang)),
        ("region", case.region),
        ("tags", ", ".join(case.tags) or None),
        ("launched", case.launched.display() if case.launched else None),
        ("ended", finish.date.display() + scheduled_mark(finish.scheduled, lang) if finish else None),
        ("lifespan", _span(derive.lifespan(case), lang, derive.lifespan_scheduled(case))),
        ("notice_period", _span(derive.notice_period(case), lang, derive.notice_scheduled(case))),
        ("as_of", case.as_of.display() if case.as_of else None),
    ]
    out += [f"- **{label(key, lang)}:** {cell(value)}" for key, value in facts if value]
    out += ["", escape(marked(case.summary, lang))]
    if case.reason is not None:
        out += ["", f"**{label('reason', lang)}:** {escape(marked(case.reason, lang))}"]

    out += [
        "",
        f"## {label('model', lang)}",
        "",
        f"**{label('model_type', lang)}:** {cell(marked(case.model_type, lang))}",
    ]
    if case.model_summary is not None:
        out += ["", escape(marked(case.model_summary, lang))]
    if case.dimensions:
        body = []
        for key, value in case.dimensions:
            shown = show(value, lang)
            name = marked(value.label, lang) if isinstance(value, Fact) and value.label else model_label(key, lang)
            body.append(
                [
                    cell(name),
                    cell(cell_text(shown, lang)),
                    cell(shown.note or "") if shown else "",
                    cell(", ".join(shown.sources) if shown else ""),
                ]
            )
        out += ["", *table([label(k, lang) for k in ("dimension", "value", "note", "source")], body)]

    if case.services:
        out += ["", f"## {label('services_section', lang)}", ""]
        out += [f"- {cell(marked(s.name, lang))} (`{s.id}`)" for s in case.services]
    if case.events:
        out += ["", f"## {label('timeline', lang)}", "", *_timeline_table(case, timeline_rows(case), lang)]
    if case.phases:
        out += ["", f"## {label('phases', lang)}", ""]
        for phase in case.phases:
            end = phase.end.display() if phase.end else "…"
            out.append(f"- {cell(marked(phase.title, lang))}: {phase.start.display()} – {end}")
    if case.sources:
        out += ["", f"## {label('sources', lang)}", ""]
        out += [_source_line(s, lang) for s in case.sources]
    if case.quotes:
        out += ["", f"## {label('quotes', lang)}"]
        for quote in case.quotes:
            by = f"— {cell(marked(quote.by, lang))}" if quote.by else "—"
            out += ["", f"> {cell(marked(quote.text, lang))}", ">", f"> {by}{_cite(quote.source)}"]
    if case.lessons:
        out += ["", f"## {label('lessons', lang)}", ""]
        out += [f"- {cell(marked(lesson.text, lang))}{_cite(lesson.source)}" for lesson in case.lessons]
    if case.questions:
        out += ["", f"## {label('questions', lang)}", ""]
        for number, question in enumerate(case.questions, 1):
            out.append(f"{number}. {cell(marked(question.prompt, lang))}")
            if question.notes is not None:
                out.append(f"   - *{label('notes', lang)}:* {cell(marked(question.notes, lang))}")
    return "\n".join(out) + "\n"


def _span(value: Span | None, lang: str, scheduled: bool = False) -> str | None:
    return None if value is None else value.display(lang) + scheduled_mark(scheduled, lang)
