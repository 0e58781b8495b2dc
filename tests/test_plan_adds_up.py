"""A plan's figures add up: a figure the estimate only just meets is said as one to keep."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.test_plan_years import plan_block
from tests.test_reports import cli, squash
from typer.testing import CliRunner

from littlegiant.cli.app import app

AS_OF = "2026-12-05"
LG = '专精特新"小巨人"企业：最早'

NEAR_MISS = """\
name: 常州精工液压件有限公司
industry: industrial
employees: 210
rd_staff: 40
tech_staff: 45
niche_years: 8
registered_in_china: true
compliance: {abnormal_operation: false, serious_dishonesty: false, prohibited_products: false, major_incident: false,
             tax_violation: false, data_fabrication: false}
financials:
  2025: {revenue: 4980, main_revenue: 4470, rd_expense: 600, net_profit: 420, total_assets: 6000,
         total_liabilities: 4512, total_costs: 4500}
  2024: {revenue: 4700, main_revenue: 4250, rd_expense: 590}
  2023: {revenue: 4530, main_revenue: 4100, rd_expense: 500}
equity_financing: {2025: 0, 2024: 0, 2023: 0}
ip: {class1: 5, class1_self_developed: 4, class1_high_value: 0, class1_applied: 4, class1_top3_holder: 3, class2: 10}
rd_institution: provincial
digital_level: 2
quality: {provincial_award: false, iso9001: true, own_brand: true, standards: false}
certification: {management_system: true, developed_market_product: false}
info_system_core_business: true
market: {domestic_share: 9.8, international_share: null, domestic_rank: 5, leading: true}
strategic_emerging_industry: false
field: {chain_role: true, foundation: true, priority_domain: true}
awards: {national_rank: 0, national_5y_rank: 0, provincial_rank: 0, maker_china: none, led_standard_5y: false}
honors: {high_tech_enterprise: true, tech_innovation_demo: false, ip_advantage: false}
titles: {innovative_sme: true, tech_sme: false, zjtx_sme: true, little_giant: false}
platform_score: 59
characteristic_score: 8
exclusions: {single_champion: false, related_to_little_giant: false}
"""

def write(tmp_path: Path, text: str, name: str = "co.yaml") -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def doc(*args: str) -> dict[str, Any]:
    done = CliRunner().invoke(app, ["assess", *args, "--format", "json"])
    assert done.exit_code == 0, done.output
    return json.loads(done.stdout)


def sets_of(plan: dict[str, Any]) -> list[str]:
    """The plan's figures as --set arguments: what it assumes and what it moves."""
    out = []
    for path, value in plan["assumed"].items():
        out += ["--set", f"{path}={str(value).lower() if isinstance(value, bool) else value}"]
    for m in plan["moves"]:
        out += ["--set", m["set"]]
    return out


def verdict(src: str, plan: dict[str, Any], tier: str, *extra: str) -> str:
    """The tier's status on the round the plan is for, with its figures (and ``extra`` --set after them)."""
    found = doc(src, "--as-of", plan["as_of"], "--rules", plan["rules"], *sets_of(plan), *extra)
    return found["tiers"][tier]["status"]


def test_a_figure_the_estimate_only_just_meets_is_said_as_one_to_keep(tmp_path: Path) -> None:
    """A 2027 小巨人 needs 2025 + 2026 R&D ≥ 1,200万: with 2025's 600万, 2026 needs 600万, the very figure the plan
    estimates it by. Met exactly, it was left unsaid, and 599万 fails the round. It is said after the changes,
    as what to keep; with 610万 estimated (590万 needed) it was said already, and still is, as before."""
    src = write(tmp_path, NEAR_MISS)
    block = plan_block(cli("assess", src, "--lang", "zh", "--as-of", AS_OF, columns=80), LG)
    keep = squash("研发费用（2026年）：须不低于600万元（本计划按2025年的600万元估计，正好达到；其他数据与估计不同时请重新评估）")
    assert keep in block, block
    assert block.index(squash("负债总额（2026年末）")) < block.index(keep) < block.index("仍需回答")
    plan = doc(src, "--as-of", AS_OF)["plans"]["little_giant"]
    assert verdict(src, plan, "little_giant") == plan["checked"] == "unknown"
    assert verdict(src, plan, "little_giant", "--set", "financials.2026.rd_expense=599") == "unmet"
    more = plan_block(cli("assess", src, "--lang", "zh", "--as-of", AS_OF, "--set", "financials.2025.rd_expense=610",
                          "--set", "financials.2024.rd_expense=580", columns=80), LG)
    assert squash("研发费用（2026年）：须不低于590万元（本计划按2025年的610万元估计；其他数据与估计不同时请重新评估）") in more
    en = squash(cli("assess", src, "--lang", "en", "--as-of", AS_OF, columns=200))
    assert squash("R&D expense 2026: at least 600 (10k CNY); this plan takes 2025's 600 (10k CNY), which just meets it,") in en
