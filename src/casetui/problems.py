"""Problems found in case files: one located line each, `path:line: key.path: message`."""

from casetui.record import NamedTuple
from casetui.sanitize import clean


class Problem(NamedTuple):
    """One thing wrong with one file."""

    path: str
    line: int | None
    key: str
    message: str
    warning: bool = False
    """Warnings (a shadowed id) do not stop a case from loading."""

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        return clean(f"{where}: {self.key}: {self.message}").replace("\n", " ")

    def as_json(self) -> dict[str, object]:
        """The problem as a JSON object, escaped like its line: a file name or key may hold terminal controls."""
        return {
            "path": clean(self.path),
            "line": self.line,
            "key": clean(self.key),
            "message": clean(self.message),
            "severity": "warning" if self.warning else "error",
        }


class CaseError(Exception):
    """A file could not be read as a case; carries every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems
