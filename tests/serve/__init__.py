"""Tests of `casetui serve` and `casetui paths`."""
