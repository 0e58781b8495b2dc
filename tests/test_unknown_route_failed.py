"""An unknown tier whose route in reach has failed already: the summary says so, and what can still meet it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from tests.conftest import EXAMPLES
from typer.testing import CliRunner

from littlegiant.cli.app import app

runner = CliRunner()

SHORT = ("  2025: {revenue: 8000, main_revenue: 7000, rd_expense: 400, net_profit: 600, total_assets: 10000, "
         "total_liabilities: 4000, total_costs: 7000}\n"
         "  2024: {revenue: 7000, main_revenue: 6300, rd_expense: 350, total_assets: 9000, total_liabilities: 4000}\n"
         "  2023: {revenue: 6000, main_revenue: 5500}\n")


def profile(tmp_path: Path, awards: str) -> Path:
    """The 2022 example with revenue of 8,000万 (the 5000万–1亿 band, 6% R&D each year) and 5% R&D."""
    text = (EXAMPLES / "little-giant-2022.yaml").read_text(encoding="utf-8")
    text = re.sub(r"  2025: .*\n  2024: .*\n  2023: .*\n", SHORT, text)
    text = re.sub(r"awards: \{.*\}", f"awards: {{{awards}}}", text)
    src = tmp_path / "p.yaml"
    src.write_text(text, encoding="utf-8")
    return src


@pytest.mark.parametrize(("lang", "said"), [
    ("zh", "专精特新\"小巨人\"企业——上年度研发费用占比不低于6%（现为5%）、前年研发费用占比不低于6%（现为5%），"
           "或「近三年获得国家级科技奖励，并在获奖单位中排名前三」或「近三年进入\"创客中国\"中小企业创新创业大赛全国50强企业组名单」"
           "（尚缺数据）；尚缺："),
    ("en", "\"Little Giant\" — R&D share last year at least 6% (now 5%), R&D share the year before at least 6% (now 5%), "
           "or National S&T award in 3 years, ranked top 3 among winning units or Maker China national top 50 "
           "(enterprise group) in 3 years (answers missing); still to answer:"),
])
def test_an_unknown_tier_names_the_failed_route_and_what_can_still_meet_it(tmp_path: Path, lang: str, said: str) -> None:
    """2022's 小巨人 of a company short of its band's R&D share read 「未知」 with eleven questions, as if it
    might pass: only a national award or a 创客中国 top-50 place can. The summary now says both, as a choice
    still open and not under 差在 (which read as the blocker while the other routes may pass); answered
    no to those, the tier is 不满足 and nothing is said to be still open."""
    args = ["--as-of", "2026-03-01", "--lang", lang]
    env = {"COLUMNS": "200", "NO_COLOR": "1"}
    done = runner.invoke(app, ["assess", str(profile(tmp_path, "provincial_rank: 2")), *args], env=env)
    assert done.exit_code == 0, done.output
    flat = re.sub(r"\s*\n\s*", "" if lang == "zh" else " ", done.stdout)
    assert said in flat, flat
    done = runner.invoke(app, ["assess", str(profile(tmp_path, "national_rank: 0, provincial_rank: 2, maker_china: top500")),
                               *args], env=env)
    assert done.exit_code == 0, done.output
    assert "或「近三年获得国家级科技奖励" not in done.stdout and "(answers missing)" not in done.stdout, done.stdout
    assert ("专精特新\"小巨人\"企业：不满足" if lang == "zh" else "\"Little Giant\": not met") in done.stdout, done.stdout
