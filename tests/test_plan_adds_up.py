"""A plan's figures add up: a figure the estimate only just meets is said as one to keep, and a count
raised takes the counts it holds by definition with it."""

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

NINGBO = """\
name: 宁波恒力精密机械有限公司
industry: industrial
employees: 185
tech_staff: 12
niche_years: 10
registered_in_china: true
compliance: {abnormal_operation: false, serious_dishonesty: false, prohibited_products: false, major_incident: false,
             tax_violation: false, data_fabrication: false}
financials:
  2025: {revenue: 8000, main_revenue: 6000, rd_expense: 720, total_assets: 12000, total_liabilities: 5500}
  2024: {revenue: 7500}
ip: {class1: 3, class1_applied: 2}
rd_institution: city
market: {domestic_share: null, international_share: 0, domestic_rank: null, leading: true}
field: {chain_role: true, priority_domain: false}
awards: {national_rank: null}
honors: {high_tech_enterprise: true}
titles: {innovative_sme: true, zjtx_sme: false}
exclusions: {single_champion: null, related_to_little_giant: null}
"""

# 专精特新 in 2028 and 小巨人 after it: Ⅰ类 1 → 4 held as a top-3 right holder, with 1 self-developed and none applied
NEAR_T2 = """\
name: 台州小马泵业有限公司
industry: industrial
employees: 68
rd_staff: 9
tech_staff: 12
niche_years: 2.5
registered_in_china: true
compliance: {abnormal_operation: false, serious_dishonesty: false, prohibited_products: false, major_incident: false,
             tax_violation: false, data_fabrication: false}
financials:
  2025: {revenue: 1480, main_revenue: 1182, rd_expense: 99, net_profit: 60, total_assets: 1000, total_liabilities: 805,
         total_costs: 1400}
  2024: {revenue: 1350, main_revenue: 1100, rd_expense: 40}
  2023: {revenue: 1200, main_revenue: 1000}
equity_financing: {2025: 0, 2024: 0, 2023: 0}
ip: {class1: 1, class1_self_developed: 1, class1_high_value: 0, class1_applied: 0, class1_top3_holder: 0, class2: 6}
rd_institution: city
digital_level: 2
quality: {provincial_award: false, iso9001: true, own_brand: true, standards: false}
certification: {management_system: true, developed_market_product: false}
info_system_core_business: true
market: {domestic_share: 3, international_share: 0, domestic_rank: 8, leading: true}
strategic_emerging_industry: false
field: {chain_role: false, foundation: true, priority_domain: false}
awards: {national_rank: 0, national_5y_rank: 0, provincial_rank: 0, maker_china: none, led_standard_5y: false}
honors: {high_tech_enterprise: false, tech_innovation_demo: false, ip_advantage: false}
titles: {innovative_sme: true, tech_sme: false, zjtx_sme: false, little_giant: false}
platform_score: 48
characteristic_score: 6
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


def test_raising_the_top3_count_raises_self_developed_and_applied_with_it(tmp_path: Path) -> None:
    """「自主研发、已应用、本企业为前三位权利人」的Ⅰ类 are self-developed and applied by definition (CONTRACT §2):
    a plan asking 4 of them beside 0 applied and 1 self-developed asked for figures that cannot all be true.
    The others are raised to 4 with it, in the same step; applied at once, the figures hold together."""
    src = write(tmp_path, NEAR_T2)
    block = plan_block(cli("assess", src, "--lang", "zh", "--as-of", AS_OF, columns=80), LG)
    assert squash("自主研发、已应用并产生效益、本企业为前三位权利人的Ⅰ类知识产权：0 → 4项（+4）；自主研发获得的Ⅰ类知识"
                  "产权（不含受让）：1 → 4项（+3；上面的4项都须计入此项）；实际应用并已产生经济效益的Ⅰ类知识产权：0 → 4项"
                  "（+4；上面的4项都须计入此项）") in block, block
    plan = doc(src, "--as-of", AS_OF)["plans"]["little_giant"]
    moved = {m["path"]: (m["kind"], m["after"]) for m in plan["moves"]}
    assert moved["ip.class1_top3_holder"] == ("change", 4)
    assert moved["ip.class1_self_developed"] == moved["ip.class1_applied"] == ("within", 4)
    after = doc(src, "--as-of", plan["as_of"], "--rules", plan["rules"], *sets_of(plan))
    assert after["tiers"]["little_giant"]["status"] == plan["checked"]
    assert not [w for w in after["warnings"] if w["kind"] == "within"]
    # should the award not exempt it (宁波: rank blank), the fourth patent: top-3, with 2 applied and self-developed blank
    ningbo = doc(write(tmp_path, NINGBO, "nb.yaml"), "--as-of", AS_OF)["plans"]["little_giant"]
    [ip] = [o for o in ningbo["otherwise"] if o["group"] == "lg26.ip"]
    assert {m["path"]: m["after"] for m in ip["moves"]} == {
        "ip.class1": 4, "ip.class1_top3_holder": 4, "ip.class1_self_developed": 4, "ip.class1_applied": 4}
