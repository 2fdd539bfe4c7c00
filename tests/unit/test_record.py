"""casetui's own `NamedTuple` (made without importing typing) behaves as `typing.NamedTuple` does."""

from __future__ import annotations

import pickle

import pytest

from casetui.model import Event, Fact
from casetui.record import NamedTuple
from casetui.text import LText


def test_fields_defaults_methods_and_docstring_are_those_of_the_class_body() -> None:
    fact = Fact(3, unit="people")
    assert fact == (3, "people", None, None, None)
    assert fact._replace(note=LText.plain("n")).note == LText.plain("n")
    assert Fact._fields == ("value", "unit", "label", "note", "source")
    assert Fact.__doc__ == "A value with its unit, label, note and source."
    assert LText.plain("x").resolve("en").text == "x"  # a method of the body
    assert Event.__module__ == "casetui.model"
    assert Event.__qualname__ == "Event"


def test_records_survive_pickling_as_worker_processes_send_them() -> None:
    event = Event(0, None, LText.plain("x"), sources=("a",))  # type: ignore[arg-type]
    assert pickle.loads(pickle.dumps(event)) == event


def test_a_field_without_default_after_one_with_a_default_is_refused() -> None:
    with pytest.raises(TypeError, match="follows one with a default"):

        class Bad(NamedTuple):
            first: int = 0
            second: int


def test_namedtuple_machinery_cannot_be_overwritten() -> None:
    with pytest.raises(AttributeError, match="_replace"):

        class Bad(NamedTuple):
            value: int

            def _replace(self) -> None: ...
