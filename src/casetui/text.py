"""Text in one or more languages, and the choice of which to show."""

from casetui.record import NamedTuple

DEFAULT_LANG = "en"


class Resolved(NamedTuple):
    """A string picked for a display language, and whether it is a fallback."""

    text: str
    lang: str | None
    """The language the string is in; None for a plain string, which is language-neutral."""
    fallback: bool


class LText(NamedTuple):
    """A text value: one plain string, or strings keyed by language tag in file order.

    A record (see `casetui.model` on why a NamedTuple).
    """

    entries: tuple[tuple[str | None, str], ...]

    @classmethod
    def plain(cls, text: str) -> "LText":
        """A language-neutral string."""
        return cls(((None, text),))

    @property
    def is_plain(self) -> bool:
        """True for a single language-neutral string."""
        return len(self.entries) == 1 and self.entries[0][0] is None

    @property
    def languages(self) -> tuple[str, ...]:
        """The language tags present, in file order."""
        return tuple(lang for lang, _ in self.entries if lang is not None)

    def resolve(self, lang: str = DEFAULT_LANG) -> Resolved:
        """Pick `lang`, else English, else the first entry; a table fallback is marked."""
        first_tag, first_text = self.entries[0]
        if first_tag == lang:  # The usual case, and this runs for every row of a large table.
            return Resolved(first_text, first_tag, False)
        if first_tag is None and len(self.entries) == 1:
            return Resolved(first_text, None, False)
        base = _base(lang)
        exact = base_match = english = None
        for tag, text in self.entries:  # A loop, not a dict: this runs for every row of a large table.
            if tag == lang:
                exact = (text, tag)
                break
            if tag == base and base_match is None:
                base_match = (text, tag)
            if tag == DEFAULT_LANG and english is None:
                english = text
        found = exact or base_match
        if found is not None:
            return Resolved(found[0], found[1], False)
        if english is not None:
            return Resolved(english, DEFAULT_LANG, True)
        first_lang, first = self.entries[0]
        return Resolved(first, first_lang, True)

    def get(self, lang: str = DEFAULT_LANG) -> str:
        """The string for `lang`, falling back as `resolve` does."""
        return self.resolve(lang).text

    def as_json(self) -> str | dict[str, str]:
        """The value as written: a string, or a language table."""
        if self.is_plain:
            return self.entries[0][1]
        return {str(lang): text for lang, text in self.entries}

    def search_blob(self) -> str:
        """Every language's string, lower-cased, for search."""
        return " ".join(text for _, text in self.entries).casefold()

    def __str__(self) -> str:
        return self.get()


def _base(lang: str) -> str:
    """`zh-Hans` -> `zh`."""
    return lang.split("-", 1)[0].lower()
