"""Unit tests of the core: format rules, derived values, library search, hostile input."""
