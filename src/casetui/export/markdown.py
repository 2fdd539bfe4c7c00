"""The Markdown handout (GitHub-flavoured): sections to read in class, sources as `[^id]` footnotes.

Case text goes through the escaping of `casetui.render.markdown`, so it renders as written: no raw
HTML, no link or footnote that the author did not mean. Only a source's own http(s) URL becomes
a link.
"""

from __future__ import annotations

from casetui.export.handout import Cites, Handout, SourceRow, build
from casetui.export.urls import safe_url
from casetui.export.words import colon, is_zh, list_sep, word
from casetui.model import Case
from casetui.render.common import fallback_mark
from casetui.render.markdown import cell, escape, table
from casetui.text import Resolved


def markdown_handout(case: Case, lang: str, with_notes: bool = False) -> str:
    """The handout of `case` as one Markdown document."""
    return render(build(case, lang, with_notes))


def render(doc: Handout) -> str:
    """A built handout as Markdown."""
    lang = doc.lang
    out = [f"# {_title(doc)}", ""]
    out += _overview(doc)
    out += _model(doc)
    out += _timeline(doc)
    if doc.services:
        out += [f"## {word('services_section', lang)}", ""]
        for service in doc.services:
            line = f"- {_inline(service.name)}"
            if service.stopped:
                line += f" — {word('stopped_at', lang)} {service.stopped}"
            else:
                line += f" — *{word('never_stopped', lang)}*"
            out.append(line)
        out.append("")
    if doc.phases:
        out += [f"## {word('phases', lang)}", ""]
        for phase in doc.phases:
            end = phase.end or word("open_ended", lang)
            out.append(f"- **{_inline(phase.title)}**{colon(lang)}{phase.start} – {end}")
        out.append("")
    out += _quotes(doc)
    if doc.lessons:
        out += [f"## {word('lessons', lang)}", ""]
        out += [f"- {_inline(x.text, '  ')}{_refs(doc, x.cites)}" for x in doc.lessons]
        out.append("")
    out += _questions(doc)
    further = [s for s in doc.sources if not s.cited]
    if further:
        out += [f"## {word('further_sources', lang)}", ""]
        out += [f"- {_source_text(s, '  ')}" for s in further]
        out.append("")
    out += ["---", "", _footer(doc), ""]
    cited = [s for s in doc.sources if s.cited]
    if cited:
        out += [f"[^{s.label}]: {_source_text(s, '    ')}" for s in cited]
        out.append("")
    return "\n".join(out)


# -- pieces ----------------------------------------------------------------------------------


def _inline(text: Resolved, indent: str = "") -> str:
    """Case text escaped for Markdown; its line breaks stay (blank lines part paragraphs), indented by `indent`.

    Text shown in a fallback language ends with ` ⟨en⟩`.
    """
    # Leading spaces would turn a line into a code block: a handout has no use for them.
    lines = [escape(line.strip()) for line in text.text.replace("\r", "").strip().split("\n")]
    return ("  \n" + indent).join(lines) + (fallback_mark(text.lang) if text.fallback else "")


def _colon(lang: str) -> str:
    """The colon inside a bold label; a space always follows it, or CommonMark would not close the bold after `：`."""
    return colon(lang).strip()


def _refs(doc: Handout, cites: Cites) -> str:
    return "".join(f"[^{doc.source(n).label}]" for n in cites)


def _title(doc: Handout) -> str:
    title = _inline(doc.name)
    if doc.other_name is not None:
        title += f" · {_inline(doc.other_name)}"
    return title


def _overview(doc: Handout) -> list[str]:
    lang = doc.lang
    out = [f"## {word('overview', lang)}", "", _inline(doc.summary), ""]
    out += [f"- **{f.label}{_colon(lang)}** {_inline(f.value, '  ')}" for f in doc.overview]
    out.append("")
    if doc.reason is not None:
        out += [f"**{word('reason', lang)}{_colon(lang)}** {_inline(doc.reason)}", ""]
    return out


def _model(doc: Handout) -> list[str]:
    lang = doc.lang
    out = [
        f"## {word('model', lang)}",
        "",
        f"**{word('model_type', lang)}{_colon(lang)}** {_inline(doc.model_type)}",
        "",
    ]
    if doc.model_summary is not None:
        out += [_inline(doc.model_summary), ""]
    if doc.dimensions:
        header = [word(k, lang) for k in ("dimension", "value", "note")]
        rows = [
            [
                cell(d.label.text + (fallback_mark(d.label.lang) if d.label.fallback else "")),
                cell(d.value.text + (fallback_mark(d.value.lang) if d.value.fallback else "")),
                cell(d.note or "") + _refs(doc, d.cites),
            ]
            for d in doc.dimensions
        ]
        out += [*table(header, rows), ""]
    return out


def _timeline(doc: Handout) -> list[str]:
    lang = doc.lang
    if not doc.events:
        return []
    out = [f"## {word('timeline', lang)}", ""]
    if doc.has_offsets:
        out += [f"*{word('t_zero', lang)}*", ""]
    if doc.scheduled_legend:
        out += [f"*{escape(doc.scheduled_legend)}*", ""]
    for event in doc.events:
        head = [f"**{event.date}**{event.scheduled}"]
        if event.offset:
            head.append(event.offset)
        head.append(f"*{event.kind_label}*")
        out.append("- " + " · ".join(head) + "  ")
        out.append(f"  **{_inline(event.title, '  ')}**{_refs(doc, event.cites)}")
        if event.detail is not None:
            out[-1] += "  "
            out.append("  " + _inline(event.detail, "  "))
        if event.stops:
            out[-1] += "  "
            names = list_sep(lang).join(_inline(s) for s in event.stops)
            out.append(f"  {word('stops_here', lang)}{colon(lang)}{names}")
    out.append("")
    return out


def _quotes(doc: Handout) -> list[str]:
    if not doc.quotes:
        return []
    out = [f"## {word('quotes', doc.lang)}", ""]
    for quote in doc.quotes:
        out.append(f"> {_inline(quote.original, '> ')}")
        if quote.translation is not None:
            out += [">", f"> *{word('translation', doc.lang)}{_colon(doc.lang)}* {_inline(quote.translation, '> ')}"]
        by = f"— {_inline(quote.by)}" if quote.by else "—"
        out += [">", f"> {by}{_refs(doc, quote.cites)}", ""]
    return out


def _questions(doc: Handout) -> list[str]:
    lang = doc.lang
    if not doc.questions:
        return []
    out = [f"## {word('discussion', lang)}", ""]
    for number, question in enumerate(doc.questions, 1):
        out.append(f"{number}. {_inline(question.prompt, '   ')}")
        if question.event is not None:
            out[-1] += "  "
            event = question.event
            out.append(
                f"   *{word('at_event', lang)}{colon(lang)}{event.date}{event.scheduled}"
                f" · {_inline(event.title, '   ')}*"
            )
        if question.notes is not None:
            out += ["", f"   > **{word('trainer_notes', lang)}{_colon(lang)}** {_inline(question.notes, '   > ')}"]
    out.append("")
    return out


def _source_text(source: SourceRow, indent: str) -> str:
    """A source in one entry: title, publisher, author, date, URL, note."""
    parts = [f"*{_inline(source.title, indent)}*"]
    parts += [_inline(x, indent) for x in (source.publisher, source.author) if x is not None]
    if source.date:
        parts.append(source.date)
    url = safe_url(source.url)
    if url:
        parts.append(f"<{url}>")
    elif source.url:
        parts.append(escape(source.url))
    text = ". ".join(parts) + "."
    if source.note is not None:
        text += f" {_inline(source.note, indent)}"
    return text


def _footer(doc: Handout) -> str:
    parts = []
    if doc.as_of:
        parts.append(word("facts_as_of", doc.lang, date=doc.as_of))
    parts.append(word("generated", doc.lang, id=f"`{doc.case_id}`"))
    return "*" + ("" if is_zh(doc.lang) else " ").join(parts) + "*"
