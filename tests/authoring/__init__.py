"""Tests of what casetui gives case authors: the JSON Schema, `casetui schema` and `casetui new`."""
