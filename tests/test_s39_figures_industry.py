"""An industry typed as people shorten a name that covers several choices (批发零售 for 批发和零售业, 住宿餐饮,
交通运输仓储邮政): refused with just the choices it covers, as its full name is, where it got the list of all
sixteen. In a profile file, at --set and in a batch sheet alike (one reader: profile.choices_meant)."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from littlegiant.cli.app import app

runner = CliRunner()
PROFILE = "name: 简称公司\nindustry: {industry}\nemployees: 80\nfinancials:\n  2025: {{revenue: 6000}}\n"


def refusal(tmp_path: Path, *args: str, industry: str = "工业", lang: str = "zh") -> tuple[int, str]:
    f = tmp_path / "p.yaml"
    f.write_text(PROFILE.format(industry=industry), encoding="utf-8")
    done = runner.invoke(app, ["assess", str(f), *args, "--as-of", "2026-06-01", "--lang", lang],
                         env={"COLUMNS": "200", "NO_COLOR": "1"})
    return done.exit_code, done.stderr


@pytest.mark.parametrize(("typed", "meant"), [
    ("批发零售", "请写批发业或零售业"), ("批发与零售", "请写批发业或零售业"), ("批发、零售", "请写批发业或零售业"),
    ("批发零售（电子产品）", "请写批发业或零售业"), ("住宿餐饮", "请写住宿业或餐饮业"),
    ("交通运输仓储邮政", "请写交通运输业、仓储业或邮政业")])
def test_a_shortened_name_of_several_choices_names_just_them(tmp_path: Path, typed: str, meant: str) -> None:
    for args, industry in ((("--set", f"industry={typed}"), "工业"), ((), typed)):
        code, err = refusal(tmp_path, *args, industry=industry)
        assert code == 2
        assert f"现在是文字“{typed}”，这包括不止一类，{meant}" in err
        assert "农、林、牧、渔业" not in err and err.count("\n") == 1


def test_in_english_too(tmp_path: Path) -> None:
    code, err = refusal(tmp_path, "--set", "industry=wholesale & retail", lang="en")
    assert code == 2 and "which covers more than one choice: write Wholesale or Retail" in err


def test_a_word_of_one_choice_is_still_read(tmp_path: Path) -> None:
    code, _ = refusal(tmp_path, "--set", "industry=批发")
    assert code == 0
