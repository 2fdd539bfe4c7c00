"""The standalone HTML handout: one file, inline CSS, no JavaScript, readable on screen and on paper.

Every string from the case goes through `html.escape`; links are made only from a source's own
http(s) URL. A Content-Security-Policy forbids scripts outright, so even a mistake here could not
run one. Text in another language than the page's carries its own `lang`, so browsers pick the
right CJK font.
"""

from __future__ import annotations

import re
from html import escape
from importlib import resources

from casetui import __version__
from casetui.export.handout import Cites, EventRow, Handout, SourceRow, build
from casetui.export.urls import safe_url
from casetui.export.words import colon, is_zh, list_sep, word
from casetui.model import Case
from casetui.text import Resolved

_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"
_PARAGRAPHS = re.compile(r"\n\s*\n")


def html_handout(case: Case, lang: str, with_notes: bool = False) -> str:
    """The handout of `case` as one self-contained HTML document."""
    return render(build(case, lang, with_notes))


def stylesheet() -> str:
    """The handout's CSS, shipped beside this module."""
    return resources.files("casetui.export").joinpath("handout.css").read_text(encoding="utf-8")


def render(doc: Handout) -> str:
    """A built handout as HTML."""
    lang = doc.lang
    title = doc.name.text + (f" · {doc.other_name.text}" if doc.other_name else "")
    body = [
        *_header(doc),
        *_overview(doc),
        *_model(doc),
        *_timeline(doc),
        *_services(doc),
        *_phases(doc),
        *_quotes(doc),
        *_lessons(doc),
        *_questions(doc),
        *_sources(doc),
        *_footer(doc),
    ]
    head = [
        "<!DOCTYPE html>",
        f'<html lang="{_attr(lang)}">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="color-scheme" content="light dark">',
        f'<meta name="generator" content="casetui {_attr(__version__)}">',
        f"<title>{_esc(title)}</title>",
        f"<style>\n{stylesheet()}</style>",
        "</head>",
        "<body>",
    ]
    return "\n".join([*head, *body, "</body>", "</html>", ""])


# -- text ------------------------------------------------------------------------------------


def _esc(text: str) -> str:
    """Escape case text for HTML content and attributes alike."""
    return escape(text.replace("\r", ""), quote=True)


def _attr(text: str) -> str:
    return escape(text, quote=True)


def _lines(text: str) -> str:
    """Escaped text with its line breaks kept as `<br>`."""
    return "<br>\n".join(_esc(line.strip()) for line in text.strip().split("\n"))


def _t(doc: Handout, text: Resolved) -> str:
    """Case text inline: escaped, in its own `lang` when that differs from the page's, marked when a fallback."""
    inner = _lines(text.text.replace("\r", ""))
    if text.lang and text.lang.split("-")[0].lower() != doc.lang.split("-")[0].lower():
        inner = f'<span lang="{_attr(text.lang)}">{inner}</span>'
    if text.fallback and text.lang:
        inner += f' <span class="fallback">⟨{_esc(text.lang)}⟩</span>'
    return inner


def _paras(doc: Handout, text: Resolved, css: str = "") -> list[str]:
    """Case text as paragraphs: blank lines part them, single line breaks stay."""
    cls = f' class="{css}"' if css else ""
    parts = [p for p in _PARAGRAPHS.split(text.text.replace("\r", "").strip()) if p.strip()]
    last = len(parts) - 1
    # The fallback mark goes once, after the last paragraph.
    return [f"<p{cls}>{_t(doc, Resolved(p, text.lang, text.fallback and i == last))}</p>" for i, p in enumerate(parts)]


def _refs(doc: Handout, cites: Cites) -> str:
    """Footnote links to the numbered source list."""
    if not cites:
        return ""
    name = _esc(word("source", doc.lang))
    links = ", ".join(f'<a href="#source-{n}" aria-label="{name} {n}">{n}</a>' for n in cites)
    return f'<sup class="cite">{links}</sup>'


# -- sections --------------------------------------------------------------------------------


def _header(doc: Handout) -> list[str]:
    status = next((f for f in doc.overview if f.key == "status"), None)
    out = [
        "<header>",
        f'<p class="eyebrow">{_esc(word("case_study", doc.lang))} · <code>{_esc(doc.case_id)}</code></p>',
        f'<h1 id="title">{_t(doc, doc.name)}',
    ]
    if doc.other_name is not None:
        out.append(f'<span class="other-name">{_t(doc, doc.other_name)}</span>')
    out.append("</h1>")
    if status is not None:
        out.append(f'<p class="status status-{_attr(doc.status)}">{_esc(status.value.text)}</p>')
    out.append("</header>")
    return out


def _overview(doc: Handout) -> list[str]:
    out = ['<section id="overview">', f"<h2>{_esc(word('overview', doc.lang))}</h2>"]
    out += _paras(doc, doc.summary, "lede")
    out.append('<dl class="facts">')
    for field in doc.overview:
        if field.key != "status":
            out.append(f"<dt>{_esc(field.label)}</dt><dd>{_t(doc, field.value)}</dd>")
    out.append("</dl>")
    if doc.reason is not None:
        out.append('<div class="reason">')
        out.append(f"<h3>{_esc(word('reason', doc.lang))}</h3>")
        out += _paras(doc, doc.reason)
        out.append("</div>")
    out.append("</section>")
    return out


def _model(doc: Handout) -> list[str]:
    lang = doc.lang
    out = ['<section id="model">', f"<h2>{_esc(word('model', lang))}</h2>"]
    out.append(f"<p><strong>{_esc(word('model_type', lang) + colon(lang))}</strong>{_t(doc, doc.model_type)}</p>")
    if doc.model_summary is not None:
        out += _paras(doc, doc.model_summary)
    if doc.dimensions:
        head = "".join(f'<th scope="col">{_esc(word(k, lang))}</th>' for k in ("dimension", "value", "note"))
        out += ["<table>", f"<thead><tr>{head}</tr></thead>", "<tbody>"]
        for row in doc.dimensions:
            note = _lines(row.note) if row.note else ""
            out.append(
                f'<tr><th scope="row">{_t(doc, row.label)}</th><td class="value">{_t(doc, row.value)}</td>'
                f'<td class="note">{note}{_refs(doc, row.cites)}</td></tr>'
            )
        out += ["</tbody>", "</table>"]
    out.append("</section>")
    return out


def _timeline(doc: Handout) -> list[str]:
    if not doc.events:
        return []
    lang = doc.lang
    out = ['<section id="timeline">', f"<h2>{_esc(word('timeline', lang))}</h2>"]
    if doc.has_offsets:
        out.append(f'<p class="hint">{_esc(word("t_zero", lang))}</p>')
    if doc.scheduled_legend:
        out.append(f'<p class="hint">{_esc(doc.scheduled_legend)}</p>')
    out.append('<ol class="timeline">')
    for event in doc.events:
        out += _event(doc, event)
    out += ["</ol>", "</section>"]
    return out


def _event(doc: Handout, event: EventRow) -> list[str]:
    out = [
        f'<li id="{event.anchor}" class="kind-{_attr(event.kind)}">',
        '<div class="when">',
        f'<time datetime="{_attr(event.iso)}">{_esc(event.date)}</time>',
    ]
    if event.scheduled:
        out.append(f'<span class="scheduled">{_esc(event.scheduled.strip())}</span>')
    if event.offset:
        out.append(f'<span class="offset">{_esc(event.offset)}</span>')
    out += [
        "</div>",
        '<div class="what">',
        f'<span class="kind">{_esc(event.kind_label)}</span>',
        f"<h3>{_t(doc, event.title)}{_refs(doc, event.cites)}</h3>",
    ]
    if event.detail is not None:
        out += _paras(doc, event.detail)
    if event.stops:
        names = list_sep(doc.lang).join(_t(doc, s) for s in event.stops)
        out.append(f'<p class="stops">{_esc(word("stops_here", doc.lang) + colon(doc.lang))}{names}</p>')
    out += ["</div>", "</li>"]
    return out


def _services(doc: Handout) -> list[str]:
    if not doc.services:
        return []
    lang = doc.lang
    out = ['<section id="services">', f"<h2>{_esc(word('services_section', lang))}</h2>", '<ul class="plain">']
    for service in doc.services:
        if service.stopped and service.anchor:
            state = f'{_esc(word("stopped_at", lang))} <a href="#{service.anchor}">{_esc(service.stopped)}</a>'
        else:
            state = f'<span class="service-on">{_esc(word("never_stopped", lang))}</span>'
        out.append(f"<li><strong>{_t(doc, service.name)}</strong> — {state}</li>")
    out += ["</ul>", "</section>"]
    return out


def _phases(doc: Handout) -> list[str]:
    if not doc.phases:
        return []
    out = ['<section id="phases">', f"<h2>{_esc(word('phases', doc.lang))}</h2>", '<ul class="plain">']
    for phase in doc.phases:
        end = phase.end or word("open_ended", doc.lang)
        dates = f'<span class="dates">{_esc(phase.start)} – {_esc(end)}</span>'
        out.append(f"<li><strong>{_t(doc, phase.title)}</strong> {dates}</li>")
    out += ["</ul>", "</section>"]
    return out


def _quotes(doc: Handout) -> list[str]:
    if not doc.quotes:
        return []
    out = ['<section id="quotes">', f"<h2>{_esc(word('quotes', doc.lang))}</h2>"]
    for quote in doc.quotes:
        out.append("<blockquote>")
        out.append(f'<p class="original">{_t(doc, quote.original)}</p>')
        if quote.translation is not None:
            label = _esc(word("translation", doc.lang) + colon(doc.lang))
            out.append(f'<p class="translation">{label}{_t(doc, quote.translation)}</p>')
        by = f"— {_t(doc, quote.by)}" if quote.by else ""
        if by or quote.cites:
            out.append(f"<footer>{by}{_refs(doc, quote.cites)}</footer>")
        out.append("</blockquote>")
    out.append("</section>")
    return out


def _lessons(doc: Handout) -> list[str]:
    if not doc.lessons:
        return []
    out = ['<section id="lessons">', f"<h2>{_esc(word('lessons', doc.lang))}</h2>", '<ul class="plain">']
    out += [f"<li>{_t(doc, lesson.text)}{_refs(doc, lesson.cites)}</li>" for lesson in doc.lessons]
    out += ["</ul>", "</section>"]
    return out


def _questions(doc: Handout) -> list[str]:
    if not doc.questions:
        return []
    lang = doc.lang
    out = ['<section id="questions">', f"<h2>{_esc(word('discussion', lang))}</h2>", '<ol class="questions">']
    for question in doc.questions:
        out += ["<li>", f'<p class="prompt">{_t(doc, question.prompt)}</p>']
        if question.event is not None:
            event = question.event
            out.append(
                f'<p class="at-event">{_esc(word("at_event", lang) + colon(lang))}'
                f'<a href="#{event.anchor}">{_esc(event.date + event.scheduled)} · {_t(doc, event.title)}</a></p>'
            )
        if question.notes is not None:
            out += ['<aside class="notes">', f"<strong>{_esc(word('trainer_notes', lang))}</strong>"]
            out += _paras(doc, question.notes)
            out.append("</aside>")
        out.append("</li>")
    out += ["</ol>", "</section>"]
    return out


def _sources(doc: Handout) -> list[str]:
    if not doc.sources:
        return []
    out = ['<section id="sources">', f"<h2>{_esc(word('sources', doc.lang))}</h2>", '<ol class="sources">']
    out += [_source(doc, source) for source in doc.sources]
    out += ["</ol>", "</section>"]
    return out


def _source(doc: Handout, source: SourceRow) -> str:
    parts = [f"<cite>{_t(doc, source.title)}</cite>"]
    parts += [_t(doc, x) for x in (source.publisher, source.author) if x is not None]
    if source.date:
        parts.append(f"<time>{_esc(source.date)}</time>")
    url = safe_url(source.url)
    if url:
        parts.append(f'<a class="url" href="{_attr(url)}" rel="noreferrer">{_esc(url)}</a>')
    elif source.url:
        parts.append(f'<span class="url">{_esc(source.url)}</span>')
    text = ". ".join(parts) + "."
    if source.note is not None:
        text += f" {_t(doc, source.note)}"
    return f'<li id="source-{source.number}">{text}</li>'


def _footer(doc: Handout) -> list[str]:
    parts = []
    if doc.as_of:
        parts.append(_esc(word("facts_as_of", doc.lang, date=doc.as_of)))
    parts.append(_esc(word("generated", doc.lang, id=doc.case_id)))
    return [f"<footer>{('' if is_zh(doc.lang) else ' ').join(parts)}</footer>"]
