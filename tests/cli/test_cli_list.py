"""`casetui list`: every case, filters, sorting with missing values last, broken files on stderr."""

from __future__ import annotations

from pathlib import Path

import pytest


def ids_in(output: str) -> list[str]:
    """Case ids in table order (each row starts with its id)."""
    known = ("alpha-club", "beta-market", "gamma-card")
    return [line.split()[0] for line in output.splitlines() if line.split() and line.split()[0] in known]


def test_lists_every_case_with_its_columns(cli):
    result = cli("list")
    assert result.exit_code == 0, result.output
    assert ids_in(result.stdout) == ["alpha-club", "beta-market", "gamma-card"]
    for text in ("Alpha Club", "Beta Corp", "shut down", "paused", "2018-06", "3 years 3 months", "59 days"):
        assert text in result.stdout
    assert result.stderr == ""


def test_piped_table_keeps_one_line_per_case(cli):
    lines = cli("list").stdout.splitlines()
    alpha = next(line for line in lines if line.startswith(" alpha-club") or line.startswith("alpha-club"))
    assert "Alpha Club" in alpha and "2022-03-17" in alpha and "59 days" in alpha
    assert "10:00" not in alpha  # the Ended column is to the day, as in the app (`show` keeps the time)
    assert all(line == line.rstrip() for line in lines)


@pytest.mark.parametrize(
    ("field", "expected"),
    [
        ("launched", ["beta-market", "alpha-club", "gamma-card"]),
        ("ended", ["beta-market", "alpha-club", "gamma-card"]),
        ("lifespan", ["alpha-club", "beta-market", "gamma-card"]),
        ("notice", ["beta-market", "alpha-club", "gamma-card"]),
        ("notice-period", ["beta-market", "alpha-club", "gamma-card"]),
        ("status", ["gamma-card", "alpha-club", "beta-market"]),
        ("name", ["alpha-club", "beta-market", "gamma-card"]),
    ],
)
def test_sorts_by_any_column(cli, field, expected):
    result = cli("list", "--sort", field)
    assert result.exit_code == 0, result.output
    assert ids_in(result.stdout) == expected


def test_reverse_by_id_is_descending(cli):
    assert ids_in(cli("list", "--reverse").stdout) == ["gamma-card", "beta-market", "alpha-club"]


def test_reverse_keeps_missing_values_last(cli):
    # gamma-card has no end date and no lifespan: it stays last whichever the direction.
    assert ids_in(cli("list", "--sort", "ended", "--reverse").stdout) == ["alpha-club", "beta-market", "gamma-card"]
    assert ids_in(cli("list", "--sort", "lifespan", "--reverse").stdout) == ["beta-market", "alpha-club", "gamma-card"]


def test_a_tag_matches_whatever_its_case(cli, cli_json, library_copy: Path):
    """An author's `Social-Commerce` is found by `--tag social-commerce`, and the other way round."""
    alpha = (library_copy / "alpha-club.toml").read_text(encoding="utf-8")
    assert 'tags = ["membership", "social-commerce"]' in alpha
    alpha = alpha.replace('tags = ["membership", "social-commerce"]', 'tags = ["Membership", "Social-Commerce"]')
    (library_copy / "alpha-club.toml").write_text(alpha, encoding="utf-8")
    for asked in ("social-commerce", "SOCIAL-COMMERCE", "Social-Commerce"):
        found = cli_json("list", "--tag", asked, "--json", cases=library_copy)
        assert [case["id"] for case in found["cases"]] == ["alpha-club"], asked


def test_sort_by_status_follows_the_lifecycle_not_the_alphabet(cli_json, library_copy: Path):
    for case_id, status in (("delta-shop", "sunsetting"), ("epsilon-mall", "merged")):
        text = f'format = 1\n[case]\nname = "{case_id}"\nstatus = "{status}"\nsummary = "s"\n[model]\ntype = "t"\n'
        (library_copy / f"{case_id}.toml").write_text(text, encoding="utf-8")
    listed = cli_json("list", "--sort", "status", "--json", cases=library_copy)["cases"]
    # active, sunsetting, paused, shut-down, merged: ties by id.
    assert [c["id"] for c in listed] == ["delta-shop", "gamma-card", "alpha-club", "beta-market", "epsilon-mall"]


def test_filters_by_status_and_tag(cli):
    assert ids_in(cli("list", "--status", "paused").stdout) == ["gamma-card"]
    assert ids_in(cli("list", "--tag", "membership").stdout) == ["alpha-club"]
    assert ids_in(cli("list", "--status", "shut-down", "--tag", "s2b2c").stdout) == ["beta-market"]


def test_unknown_status_or_sort_field_is_a_usage_error(cli):
    assert cli("list", "--status", "dead").exit_code == 2
    result = cli("list", "--sort", "colour")
    assert result.exit_code == 2
    assert "lifespan" in result.output


def test_json_has_numbers_and_dates_at_written_precision(cli_json):
    doc = cli_json("list", "--json")
    assert doc["format"] == 1
    cases = {c["id"]: c for c in doc["cases"]}
    assert list(cases) == ["alpha-club", "beta-market", "gamma-card"]
    beta = cases["beta-market"]
    assert (beta["launched"], beta["ended"]) == ("2018-06", "2021-09")
    assert beta["lifespan"] == {"amount": 39, "unit": "month", "display": "3 years 3 months", "scheduled": False}
    assert cases["alpha-club"]["ended"] == "2022-03-17T10:00:00+08:00"
    assert cases["gamma-card"]["ended"] is None
    assert beta["events"] == 3


def test_chinese_names_and_fallback_marks(cli, cli_json):
    assert "阿尔法会员店" in cli("--lang", "zh", "list").stdout
    # No French in the fixtures: language tables fall back to English, and say so.
    assert "Alpha Club ⟨en⟩" in cli("--lang", "fr", "list").stdout
    alpha = cli_json("--lang", "fr", "list", "--json")["cases"][0]
    assert alpha["name"] == "Alpha Club"
    assert alpha["fallback"] == ["name", "company"]


def test_language_from_environment(cli):
    assert "阿尔法会员店" in cli("list", env={"CASETUI_LANG": "zh"}).stdout


def test_broken_file_is_reported_and_the_others_still_listed(cli, library_copy: Path):
    (library_copy / "delta-broken.toml").write_text('format = 1\n[case]\nname = "Delta"\nstatus = "zombie"\n')
    result = cli("list", cases=library_copy)
    assert result.exit_code == 0
    assert ids_in(result.stdout) == ["alpha-club", "beta-market", "gamma-card"]
    assert "delta-broken" not in result.stdout
    lines = result.stderr.splitlines()
    assert lines and all("delta-broken.toml" in line for line in lines)
    assert any('case.status: unknown value "zombie"' in line for line in lines)


def test_empty_library_says_so_on_stderr(cli, tmp_path: Path):
    result = cli("list", cases=tmp_path)
    assert result.exit_code == 0
    assert result.stdout == ""
    assert "no cases" in result.stderr


def test_sort_fields_are_read_whatever_their_case(cli):
    assert ids_in(cli("list", "--sort", "LIFESPAN").stdout) == ["alpha-club", "beta-market", "gamma-card"]
    assert ids_in(cli("list", "--sort", "Notice_Period").stdout) == ["beta-market", "alpha-club", "gamma-card"]


def test_no_case_with_a_tag_says_the_filters_left_nothing(cli):
    result = cli("list", "--tag", "no-such-tag")
    assert (result.exit_code, result.stdout) == (0, "")
    assert result.stderr.strip() == "casetui: no cases to list with these filters"
