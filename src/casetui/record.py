"""`NamedTuple` for casetui's records, made without importing `typing`.

The scripted commands never need `typing` at run time, yet importing it costs every start about
15M instructions (8% of `casetui compare A B --format json`, callgrind, Python 3.11), and each
`typing.NamedTuple` class another 0.3M for checking its annotations. This one builds the same
class (a `collections.namedtuple` with the body's methods, properties and docstring, and its
annotations kept as written); type checkers see `typing.NamedTuple` itself. Modules that use it
also keep `typing` for type checkers only:

    TYPE_CHECKING = False  # typing's flag, without importing typing; type checkers take it as True
    if TYPE_CHECKING:
        from typing import Any
"""

from collections import namedtuple

TYPE_CHECKING = False  # typing's flag, without importing typing; type checkers take it as True
if TYPE_CHECKING:
    from typing import NamedTuple
else:
    _NOT_COPIED = frozenset({"__module__", "__annotations__"})
    _RESERVED = frozenset(
        ("__new__", "__init__", "__slots__", "__getnewargs__", "_fields", "_field_defaults", "_make", "_replace")
        + ("_asdict", "_source")
    )

    class _RecordType(type):
        """Turns `class Name(NamedTuple): field: type = default …` into a named tuple, as typing does."""

        def __new__(cls, name: str, bases: tuple[type, ...], namespace: dict[str, object]) -> type:
            if not bases:  # NamedTuple itself
                return super().__new__(cls, name, bases, namespace)
            if bases != (NamedTuple,):
                raise TypeError(f"{name}: a record's only base is NamedTuple")
            fields = dict(namespace.get("__annotations__", {}))  # type: ignore[call-overload]
            has_default = [field in namespace for field in fields]
            if has_default != sorted(has_default):
                raise TypeError(f"{name}: a field without a default follows one with a default")
            defaults = [namespace[field] for field in fields if field in namespace]
            record = namedtuple(name, fields, defaults=defaults, module=str(namespace["__module__"]))  # type: ignore[misc]
            record.__annotations__ = fields
            for key, value in namespace.items():
                if key in _RESERVED:
                    raise AttributeError(f"{name}: cannot overwrite NamedTuple attribute {key}")
                if key not in _NOT_COPIED and key not in fields:
                    setattr(record, key, value)
            return record

    class NamedTuple(metaclass=_RecordType):
        """The base of a record: `class Fact(NamedTuple): …` makes a named tuple class."""
