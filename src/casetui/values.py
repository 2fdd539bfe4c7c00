"""Raw and display forms of model values, shared by every output format and the app."""

from casetui import i18n
from casetui.model import Dimension, Fact
from casetui.record import NamedTuple
from casetui.text import LText
from casetui.when import Span, When

JSONValue = object


class Shown(NamedTuple):
    """A value ready to show: its raw JSON form and its string in one language."""

    raw: JSONValue
    display: str
    unit: str | None = None
    note: str | None = None
    sources: tuple[str, ...] = ()
    fallback: bool = False
    """True when a text was shown in another language than the one asked for."""
    scheduled: bool = False
    """A date after the case's `as_of`, or a span resting on one: announced, not confirmed."""


def raw_value(value: object) -> JSONValue:
    """Numbers as numbers, booleans as booleans, dates as ISO at their precision, text as written."""
    if isinstance(value, LText):
        return value.as_json()
    if isinstance(value, When):
        return value.iso()
    if isinstance(value, Span):
        return {"amount": value.amount, "unit": value.unit_name}
    return value


def format_number(value: float) -> str:
    """`396`, `1,000,000`, `2.5`: thousands separated, no spurious decimals."""
    if isinstance(value, float) and not value.is_integer():
        return f"{value:,.6g}" if abs(value) < 1e6 else f"{value:,.2f}"
    return f"{int(value):,}"


def display_value(value: object, lang: str) -> tuple[str, bool]:
    """A value as text in `lang`, and whether a text fell back to another language."""
    if isinstance(value, bool):
        return i18n.label("yes" if value else "no", lang), False
    if isinstance(value, (int, float)):
        return format_number(value), False
    if isinstance(value, LText):
        resolved = value.resolve(lang)
        return resolved.text, resolved.fallback
    if isinstance(value, Span):
        return value.display(lang), False
    if isinstance(value, When):
        return value.display(), False
    return str(value), False


def show(value: Dimension | Span | str | tuple[str, ...] | None, lang: str) -> Shown | None:
    """Everything an output needs about one value, or None for an absent one."""
    if value is None:
        return None
    if isinstance(value, str):
        return Shown(value, value)
    if isinstance(value, Fact):
        text, fallback = display_value(value.value, lang)
        text = i18n.unit_text(text, value.unit, lang)
        note = value.note.get(lang) if value.note else None
        return Shown(
            raw_value(value.value),
            text,
            unit=value.unit,
            note=note,
            sources=(value.source,) if value.source else (),
            fallback=fallback,
        )
    if type(value) is tuple:  # Tags. Not isinstance: records are tuples too.
        return Shown(list(value), ", ".join(value))
    text, fallback = display_value(value, lang)
    return Shown(raw_value(value), text, fallback=fallback)
