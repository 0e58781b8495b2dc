"""「请先核对」 of a share made of an approximate figure: the share that is close is said, not only the figure.
「营业收入（2025年）填的是约数（约8,000万元），与…比重不低于90%的门槛90%相差不到5%」 set 8,000万 beside 90%,
and a finance manager could not see what was close to what: 7,500 ÷ 约8,000 is 93.75%."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from littlegiant.cli.app import app

PROFILE = """\
name: 苏州精工传感科技有限公司
industry: industrial
registered_in_china: true
compliance:
  abnormal_operation: false
financials:
  2025:
    revenue: 约8000
    main_revenue: 7500
    rd_expense: 约520
"""


@pytest.mark.parametrize(("lang", "said"), [
    ("zh", "「营业收入（2025年）」填的是约数（约8,000万元），由它算出的约93.75%与「上年度主营业务收入占营业收入比重不低于90%」"
           "的门槛90%相差不到5%"),
    ("en", "Operating revenue 2025 was given as approximate (about 8,000 (10k CNY)); the roughly 93.75% worked out from it is "
           "within 5% of the threshold 90%"),
])
def test_the_share_made_of_an_approximate_figure_is_said(tmp_path: Path, lang: str, said: str) -> None:
    path = tmp_path / "a.yaml"
    path.write_text(PROFILE, encoding="utf-8")
    done = CliRunner().invoke(app, ["assess", str(path), "--as-of", "2026-11-01", "--lang", lang],
                              env={"COLUMNS": "80", "NO_COLOR": "1"})
    assert done.exit_code == 0, done.output
    flat = re.sub(r"\n\s*", " " if lang == "en" else "", done.stdout)
    assert said in flat, done.stdout


def test_a_figure_held_to_its_own_threshold_is_said_as_before(tmp_path: Path) -> None:
    """约5,100万 of revenue against 5,000万: the figure is what is close, and nothing else is said."""
    path = tmp_path / "a.yaml"
    path.write_text(PROFILE.replace("revenue: 约8000", "revenue: 约5100").replace("main_revenue: 7500", "main_revenue: 5000"),
                    encoding="utf-8")
    done = CliRunner().invoke(app, ["assess", str(path), "--as-of", "2026-11-01", "--lang", "zh", "--format", "json"])
    assert done.exit_code == 0, done.output
    assert "填的是约数（约5,100万元），与「上年度营业收入不低于5000万元」的门槛5,000万元相差不到5%" in done.stdout
    assert "由它算出的" not in done.stdout
