"""SVG snapshots of the overview at 80x24 and 120x40, and in Chinese with a bar under the cursor.

Regenerate after a deliberate change with `pytest tests/stats/test_snapshots_overview.py --snapshot-update`
and look at the report before committing.
"""

from __future__ import annotations


def test_overview_80x24(snap_compare, snap_app) -> None:
    assert snap_compare(snap_app(), press=["o"], terminal_size=(80, 24))


def test_overview_120x40(snap_compare, snap_app) -> None:
    assert snap_compare(snap_app(), press=["o", "tab", "right"], terminal_size=(120, 40))


def test_overview_chinese_120x40_status_under_the_cursor(snap_compare, snap_app) -> None:
    assert snap_compare(snap_app(lang="zh"), press=["o", "tab", "tab", "tab", "tab", "down"], terminal_size=(120, 40))
