"""Found in review: a verdict on a growth made of a rough figure got no ⚠ when the growth was further than 5% from
its threshold, though the rough figure 5% off decides it otherwise (约4500万 two years back: 5.41% meets 5%; at
4,599万, 4.27% does not). The report now asks to check that figure, saying the verdict moves with it."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from littlegiant.cli.app import app

PROFILE = """name: 多公司
industry: industrial
employees: 120
financials:
  2025: {{revenue: 5000, rd_expense: 700}}
  2024: {{revenue: 4800, rd_expense: 600}}
  2023: {{revenue: {early}}}
"""


def _report(tmp_path: Path, early: str, lang: str = "zh") -> str:
    path = tmp_path / "co.yaml"
    path.write_text(PROFILE.format(early=early), encoding="utf-8")
    done = CliRunner().invoke(app, ["assess", str(path), "--as-of", "2026-12-05", "--lang", lang],
                              env={"COLUMNS": "200", "NO_COLOR": "1"})
    assert done.exit_code == 0, done.output
    return done.stdout


def test_a_rough_figure_that_moves_a_growth_verdict_is_flagged(tmp_path: Path) -> None:
    text = _report(tmp_path, "约4500")
    assert ("⚠ 「营业收入（2023年）」填的是约数（约4,500万元），上下浮动5%就会改变「近两年营业收入复合增长率不低于5%」的结论"
            "（由它算出的现为约5.41%，门槛5%）") in text
    english = _report(tmp_path, "约4500", "en")
    assert "5% either way changes the verdict on “Two-year compound revenue growth at least 5%”" in english


@pytest.mark.parametrize("early", ["4500", "约4000"])
def test_an_exact_figure_or_one_far_from_deciding_is_not(tmp_path: Path, early: str) -> None:
    assert "复合增长率不低于5%」的结论" not in _report(tmp_path, early)
