"""The one place that builds the app: used by the CLI, the tests and the snapshot suite."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from casetui.index_cache import IndexCache
from casetui.library import search_dirs
from casetui.tui.app import CaseTUI


def make_app(
    cases_dirs: Sequence[Path] = (),
    lang: str = "en",
    present: str | None = None,
    *,
    bundled: bool = True,
    env: str | None = None,
    cache: IndexCache | None = None,
    watch: bool = False,
    speaker: bool = False,
    speaker_pid: int | None = None,
    spoilers: bool = True,
) -> CaseTUI:
    """Build the app over the library folders in search order.

    Args:
        cases_dirs: folders given with `--cases`, searched first.
        lang: display language for case text and labels.
        present: a case id to open full screen in workshop mode.
        bundled: include the library shipped with casetui (tests turn it off).
        env: overrides `CASETUI_CASES` (tests pass "" to ignore the user's environment).
        cache: the summary index; by default the user's (`IndexCache.default()`, which
            `CASETUI_NO_CACHE` turns off), so that a large library opens without parsing every file.
        watch: read case files again as they are saved (live reload); the CLI turns it on.
        speaker: with `present`, open the speaker view that follows the presenter of that case
            (the one with process id `speaker_pid` when several present it).
        spoilers: False hides what comes after the current step of the presented sunset.
    """
    dirs = search_dirs(cases_dirs, env=env, bundled=bundled)
    cache = IndexCache.default() if cache is None else cache
    return CaseTUI(
        dirs,
        lang=lang,
        present=present,
        cache=cache,
        watch=watch,
        speaker=speaker,
        speaker_pid=speaker_pid,
        spoilers=spoilers,
    )
