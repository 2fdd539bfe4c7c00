"""The user's library folder: casetui's own XDG rule gives what platformdirs gives."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from platformdirs import user_data_dir

from casetui.paths import APP_NAME, user_library_dir

pytestmark = pytest.mark.skipif(
    sys.platform in ("win32", "darwin"), reason="casetui asks platformdirs itself on this system"
)


@pytest.mark.parametrize(
    "xdg_data_home",
    [None, "", "{tmp}/data", "{tmp}/data/", "relative/data", "~/data"],
    ids=["unset", "empty", "absolute", "trailing-slash", "relative", "tilde"],
)
@pytest.mark.parametrize(
    "home", ["{tmp}/home", "{tmp}/home/", "relative/home"], ids=["home", "home-trailing-slash", "relative-home"]
)
def test_user_library_folder_is_the_one_platformdirs_names(
    xdg_data_home: str | None, home: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", home.format(tmp=tmp_path))
    if xdg_data_home is None:
        monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    else:
        monkeypatch.setenv("XDG_DATA_HOME", xdg_data_home.format(tmp=tmp_path))
    assert user_library_dir() == Path(user_data_dir(APP_NAME, appauthor=False)) / "cases"


def test_an_absolute_xdg_data_home_holds_the_library(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert user_library_dir() == tmp_path / "casetui" / "cases"


def test_without_xdg_data_home_the_library_is_under_local_share(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    assert user_library_dir() == tmp_path / ".local" / "share" / "casetui" / "cases"
