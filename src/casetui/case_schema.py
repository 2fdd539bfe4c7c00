"""Where the JSON Schema of the case format lives, for `casetui schema` and the `#:schema` line of new cases.

The wheel ships it as `casetui/schema/case.schema.json`; a checkout (or an editable install) keeps it
in `schema/` at the top of the repository, beside `cases/`. Imports nothing from any UI library.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

SCHEMA_NAME = "case.schema.json"


def _packaged() -> Traversable:
    return resources.files("casetui") / "schema" / SCHEMA_NAME


def _checkout() -> Path:
    return Path(__file__).resolve().parents[2] / "schema" / SCHEMA_NAME


def schema_text() -> str:
    """The schema as shipped; raises OSError when this installation has lost it."""
    packaged = _packaged()
    if packaged.is_file():
        return packaged.read_text(encoding="utf-8")
    return _checkout().read_text(encoding="utf-8")


def schema_path() -> Path | None:
    """The schema's file on disk, or None when it is not a plain file (a zipped install, or missing)."""
    packaged = _packaged()
    if packaged.is_file():
        return Path(str(packaged)) if isinstance(packaged, Path) else None
    checkout = _checkout()
    return checkout if checkout.is_file() else None


def schema_uri() -> str | None:
    """A `file://` URL of the schema, as editors read it in a `#:schema` line."""
    path = schema_path()
    return path.resolve().as_uri() if path is not None else None
