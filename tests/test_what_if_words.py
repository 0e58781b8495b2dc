"""What a what-if (--set) report says: a condition whose other route is still open is no blocker
(差在), with or without --set; and the changes listed are those that move a verdict, the rest in one line."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.conftest import EXAMPLES
from tests.test_reports import cli, squash

YEAR = """\
name: 徐州中科精密有限公司
industry: industrial
employees: 260
niche_years: 5
registered_in_china: true
compliance: {abnormal_operation: false, serious_dishonesty: false, prohibited_products: false,
             major_incident: false, tax_violation: false, data_fabrication: false}
financials:
  2025: {revenue: REVENUE, main_revenue: MAIN, rd_expense: 700, total_assets: 15000, total_liabilities: 6000}
  2023: {revenue: 9500, main_revenue: 9000, rd_expense: 500}
ip: {class1: 5, class1_applied: 5, class1_top3_holder: 5}
titles: {innovative_sme: true, zjtx_sme: true}
platform_score: 75
market: {domestic_share: 15, leading: true}
field: {chain_role: true, priority_domain: true}
"""
ARGS = ("--as-of", "2026-12-04", "--lang", "zh")


def _summary(text: str) -> str:
    return squash(text.split("\n结论", 1)[1].split("\n\n", 1)[0])


@pytest.mark.parametrize("how", ["set", "file"])
def test_a_condition_with_an_open_alternative_is_not_said_as_the_blocker(tmp_path: Path, how: str) -> None:
    """Revenue of 1.2万 fails 上年度营业收入不低于1500万元, but the other route (2,000万 of new equity) is
    not answered: 专精特新 is 未知, and its line says the choice, not 「差在：上年度营业收入…」; the same
    with --set as with the figure in the file."""
    path = tmp_path / "d_year.yaml"
    if how == "set":
        path.write_text(YEAR.replace("REVENUE", "12000").replace("MAIN", "11500"), encoding="utf-8")
        out = cli("assess", str(path), *ARGS, "--set", "financials.2025.revenue=1.2",
                  "--set", "financials.2025.main_revenue=1", columns=80)
    else:
        path.write_text(YEAR.replace("REVENUE", "1.2").replace("MAIN", "1"), encoding="utf-8")
        out = cli("assess", str(path), *ARGS, columns=80)
    line = next(x for x in _summary(out).split("专精特新中小企业——")[1:])
    assert line.startswith(squash("上年度营业收入不低于1500万元（现为1.2万元），或「近两年新增股权投资（合格机构投资者实缴额）"
                                  "总额不低于2000万元」（尚缺数据）；尚缺：")), line
    assert "差在" not in line.split("专精特新\"小巨人\"企业")[0]


def test_the_what_if_lists_the_changes_that_move_a_verdict_and_folds_the_rest() -> None:
    """tier1-only with R&D of 200万 and five years in the niche: the 科技型 route and the three groups it sits
    in turn 满足 inside 科技和创新型, met before and after; they are one line, not four."""
    out = cli("assess", str(EXAMPLES / "tier1-only.yaml"), "--as-of", "2026-11-26", "--lang", "zh",
              "--set", "financials.2025.rd_expense=200", "--set", "niche_years=5", columns=80)
    section = out.split("\n假设变化带来的判定变化\n", 1)[1].split("\n\n", 1)[0]
    lines = [squash(x) for x in section.replace("\n  ", "").splitlines()]
    assert lines == [squash(x) for x in (
        "→ 专精特新中小企业——截至上年末从事特定细分市场时间达到3年以上：不满足 → 满足",
        "→ 专精特新中小企业——上年度研发费用不低于100万元：不满足 → 满足",
        '→ 专精特新"小巨人"企业——截至上年末从事特定细分市场时间达到3年以上：不满足 → 满足',
        "→ 另有4项细项条件也随之变化，未带来上面以外的判定变化")], section
