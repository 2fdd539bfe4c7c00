"""Output formats for the CLI, one module each.

`json`, `csv` and `markdown` build plain strings and never import Rich, so scripted use such as
`casetui compare --format json` stays quick; `text` builds Rich renderables for a terminal, and
`listing` the `casetui list` table, written as strings by `lines` (only Rich's cell widths).
`measure` holds the widths and line breaks the tables share; `common` what several formats share:
timeline rows and the mark on fallback-language text.
"""
