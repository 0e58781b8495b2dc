"""Both sides of every threshold and band edge, with expected values taken from docs/criteria.md.

A value exactly on a band edge takes the more favourable band (docs/criteria.md §3); 「不低于」「以上」
mean ≥ and 「不高于」 means ≤. Amounts just past an edge move by 0.01 万元 (one hundred yuan).
"""

from __future__ import annotations

import json
from decimal import ROUND_CEILING, Decimal
from typing import Any

import pytest
from tests.conftest import EXAMPLES, crit, run
from typer.testing import CliRunner

from littlegiant.cli.app import app
from littlegiant.report.words import sentences

Y1, Y2, Y3 = "financials__2025__", "financials__2024__", "financials__2023__"


def points(rule_id: str, base: dict[str, Any], item: str, **changes: Any) -> Any:
    r = run(rule_id, base, **changes)
    c = crit(r, item)
    assert c.points_min == c.points_max, f"{item} is not decided: {sentences(r.rules, 'en')(c)}"
    return c.points


def status(rule_id: str, base: dict[str, Any], cid: str, renewal: str | None = None, **changes: Any) -> str:
    return crit(run(rule_id, base, renewal=renewal, **changes), cid).status


# ---------------------------------------------------------------- §4.1 创新型 score table

RD_SHARE_2022_T1 = [(500, 20), (499.99, 15), (300, 15), (299.99, 10), (200, 10), (199.99, 5), (100, 5), (99.99, 0)]


@pytest.mark.parametrize(("rd", "expected"), RD_SHARE_2022_T1)
@pytest.mark.parametrize("rule_id", ["miit-2022", "miit-2026"])
def test_innovative_rd_share_bands(lg2026: dict[str, Any], rule_id: str, rd: float, expected: int) -> None:
    """R&D share of revenue: ≥5% 20 · 3–5% 15 · 2–3% 10 · 1–2% 5 · <1% 0 (revenue 10000)."""
    assert points(rule_id, lg2026, "innovative.points.rd_share", **{Y1 + "revenue": 10000, Y1 + "rd_expense": rd}) == expected


@pytest.mark.parametrize(("main_y1", "expected"), [(11500, 20), (11499.99, 15), (11000, 15), (10999.99, 10),
                                                     (10500, 10), (10499.99, 5), (10000, 5), (9999.99, 0)])
def test_innovative_growth_bands(lg2026: dict[str, Any], main_y1: float, expected: int) -> None:
    """Main revenue growth: ≥15% 20 · 10–15% 15 · 5–10% 10 · 0–5% 5 · <0 0."""
    assert points("miit-2022", lg2026, "innovative.points.main_growth",
                  **{Y1 + "main_revenue": main_y1, Y2 + "main_revenue": 10000}) == expected


@pytest.mark.parametrize(("liab", "expected"), [(5500, 10), (5500.01, 5), (7500, 5), (7500.01, 0)])
def test_innovative_debt_bands(lg2026: dict[str, Any], liab: float, expected: int) -> None:
    """Debt ratio: ≤55% 10 · 55–75% 5 · >75% 0 (exactly 55% scores 10)."""
    assert points("miit-2022", lg2026, "innovative.points.debt_ratio",
                  **{Y1 + "total_assets": 10000, Y1 + "total_liabilities": liab}) == expected


@pytest.mark.parametrize(("main", "expected"), [(7000, 20), (6999.99, 15), (6000, 15), (5999.99, 10), (5500, 10),
                                                 (5499.99, 5), (5000, 5), (4999.99, 0)])
def test_innovative_main_share_bands(lg2026: dict[str, Any], main: float, expected: int) -> None:
    """Main-business share: ≥70% 20 · 60–70% 15 · 55–60% 10 · 50–55% 5 · <50% 0."""
    assert points("miit-2022", lg2026, "innovative.points.main_share",
                  **{Y1 + "revenue": 10000, Y1 + "main_revenue": main}) == expected


@pytest.mark.parametrize(("ip", "expected"), [
    ({"ip__class1_high_value": 1, "ip__class1_self_developed": 0, "ip__class1": 1, "ip__class2": 0}, 20),
    ({"ip__class1_high_value": 0, "ip__class1_self_developed": 1, "ip__class1": 1, "ip__class2": 0}, 15),
    ({"ip__class1_high_value": 0, "ip__class1_self_developed": 0, "ip__class1": 1, "ip__class2": 0}, 10),
    ({"ip__class1_high_value": 0, "ip__class1_self_developed": 0, "ip__class1": 0, "ip__class2": 1}, 5),
    ({"ip__class1_high_value": 0, "ip__class1_self_developed": 0, "ip__class1": 0, "ip__class2": 0}, 0),
])
def test_innovative_ip_bands(lg2026: dict[str, Any], ip: dict[str, int], expected: int) -> None:
    """IP: high-value Ⅰ 20 · self-developed Ⅰ 15 · Ⅰ 10 · Ⅱ 5 · none 0."""
    assert points("miit-2022", lg2026, "innovative.points.ip", **ip) == expected


@pytest.mark.parametrize(("strategic", "expected"), [(True, 10), (False, 5)])
def test_innovative_field(lg2026: dict[str, Any], strategic: bool, expected: int) -> None:
    assert points("miit-2022", lg2026, "innovative.points.field", strategic_emerging_industry=strategic) == expected


@pytest.mark.parametrize(("equity", "expected"), [(500, "met"), (499.99, "unmet")])
def test_innovative_direct_equity(lg2026: dict[str, Any], equity: float, expected: str) -> None:
    """近三年新增股权融资 500万元以上 (sum of the three years)."""
    changes = {"equity_financing__2025": equity, "equity_financing__2024": 0, "equity_financing__2023": 0}
    assert status("miit-2022", lg2026, "innovative.direct.equity", **changes) == expected


@pytest.mark.parametrize(("changes", "expected"), [
    ({"awards__provincial_rank": 9, "awards__national_rank": 0}, "met"),
    ({"awards__provincial_rank": 0, "awards__national_rank": 1}, "met"),
    ({"awards__provincial_rank": 0, "awards__national_rank": 0}, "unmet"),
])
def test_innovative_direct_award(lg2026: dict[str, Any], changes: dict[str, int], expected: str) -> None:
    assert status("miit-2022", lg2026, "innovative.direct.award", **changes) == expected


@pytest.mark.parametrize(("level", "expected"), [("national", "met"), ("provincial", "met"), ("city", "unmet"),
                                                  ("below_city", "unmet"), ("none", "unmet")])
def test_innovative_direct_institution(lg2026: dict[str, Any], level: str, expected: str) -> None:
    assert status("miit-2022", lg2026, "innovative.direct.institution", rd_institution=level) == expected


def test_innovative_group_minimums(lg2026: dict[str, Any]) -> None:
    """Score ≥ 60 is not enough: 专业化 below 15 fails the score route (docs/criteria.md §4.1)."""
    r = run("miit-2022", lg2026, strategic_emerging_industry=False,
            **{Y1 + "revenue": 10000, Y1 + "main_revenue": 4999.99, Y2 + "main_revenue": 4000})
    assert r.tiers["innovative_sme"].score == 75  # 20 + 20 + 20 + 10 + 5 + 0
    assert crit(r, "innovative.score.specialisation").status == "unmet"  # 5 + 0
    assert crit(r, "innovative.score").status == "met"
    assert crit(r, "innovative.scored").status == "unmet"


NO_IP = {"ip__class1_high_value": 0, "ip__class1_self_developed": 0, "ip__class1": 0, "ip__class1_applied": 0,
         "ip__class1_top3_holder": 0, "ip__class2": 0}


@pytest.mark.parametrize(("cid", "changes", "expected"), [
    # 创新能力 = IP 0 + R&D share 20 (5.42%) = 20; at 4.99% the R&D share scores 15
    ("innovative.score.innovation", NO_IP, "met"),
    ("innovative.score.innovation", {**NO_IP, Y1 + "rd_expense": 599.99}, "unmet"),
    # 成长性 = growth + debt 10 (40%): growth exactly 0 scores 5 (15), just under 0 scores 0 (10)
    ("innovative.score.growth", {Y1 + "main_revenue": 9800}, "met"),
    ("innovative.score.growth", {Y1 + "main_revenue": 9799.99}, "unmet"),
    # 专业化 = field 5 (not strategic) + main share: exactly 55% scores 10 (15), just under scores 5 (10)
    ("innovative.score.specialisation", {"strategic_emerging_industry": False, Y1 + "main_revenue": 6600}, "met"),
    ("innovative.score.specialisation", {"strategic_emerging_industry": False, Y1 + "main_revenue": 6599.99}, "unmet"),
    # 20 + (5 + 10) + (5 + 20) = 60 with every group at its minimum or above; a main share of 69.99%
    # scores 15 instead of 20: 55, every group still at its minimum
    ("innovative.score", {**NO_IP, "strategic_emerging_industry": False, Y1 + "main_revenue": 8400,
                          Y2 + "main_revenue": 8400}, "met"),
    ("innovative.score", {**NO_IP, "strategic_emerging_industry": False, Y1 + "main_revenue": 8399.99,
                          Y2 + "main_revenue": 8399.99}, "unmet"),
    ("innovative.scored", {**NO_IP, "strategic_emerging_industry": False, Y1 + "main_revenue": 8400,
                           Y2 + "main_revenue": 8400}, "met"),
    ("innovative.scored", {**NO_IP, "strategic_emerging_industry": False, Y1 + "main_revenue": 8399.99,
                           Y2 + "main_revenue": 8399.99}, "unmet"),
])
@pytest.mark.parametrize("rule_id", ["miit-2022", "miit-2026"])
def test_innovative_score_and_group_minimums_on_both_sides(lg2026: dict[str, Any], rule_id: str, cid: str,
                                                           changes: dict[str, Any], expected: str) -> None:
    """Score ≥ 60 with 创新能力 ≥ 20, 成长性 ≥ 15 and 专业化 ≥ 15 (docs/criteria.md §4.1), each exactly on
    its edge and one band under it."""
    assert status(rule_id, lg2026, cid, **changes) == expected


@pytest.mark.parametrize(("honors", "expected"), [
    ({"honors__high_tech_enterprise": True, "honors__tech_innovation_demo": False, "honors__ip_advantage": False}, "met"),
    ({"honors__high_tech_enterprise": False, "honors__tech_innovation_demo": True, "honors__ip_advantage": False}, "met"),
    ({"honors__high_tech_enterprise": False, "honors__tech_innovation_demo": False, "honors__ip_advantage": True}, "met"),
    ({"honors__high_tech_enterprise": False, "honors__tech_innovation_demo": False, "honors__ip_advantage": False}, "unmet"),
])
def test_innovative_direct_honor(lg2026: dict[str, Any], honors: dict[str, bool], expected: str) -> None:
    """Any one valid honour of §4.1 (2) is a direct path; none is not."""
    assert status("miit-2022", lg2026, "innovative.direct.honor", **honors) == expected


# ---------------------------------------------------------------- §5.1 2022 tier 2

@pytest.mark.parametrize(("cid", "changes", "expected"), [
    ("zjtx.niche_years", {"niche_years": 2}, "met"),
    ("zjtx.niche_years", {"niche_years": 1.99}, "unmet"),
    ("zjtx.rd.amount", {Y1 + "rd_expense": 100}, "met"),
    ("zjtx.rd.amount", {Y1 + "rd_expense": 99.99}, "unmet"),
    ("zjtx.rd.share", {Y1 + "revenue": 10000, Y1 + "rd_expense": 300}, "met"),
    ("zjtx.rd.share", {Y1 + "revenue": 10000, Y1 + "rd_expense": 299.99}, "unmet"),
    ("zjtx.revenue.amount", {Y1 + "revenue": 1000}, "met"),
    ("zjtx.revenue.amount", {Y1 + "revenue": 999.99}, "unmet"),
    ("zjtx.revenue.equity", {"equity_financing__2025": 1000, "equity_financing__2024": 1000}, "met"),
    ("zjtx.revenue.equity", {"equity_financing__2025": 1000, "equity_financing__2024": 999.99}, "unmet"),
    ("zjtx.direct.award", {"awards__provincial_rank": 1, "awards__national_rank": 0}, "met"),  # rank 0 is no award
    ("zjtx.direct.award", {"awards__provincial_rank": 3, "awards__national_rank": 0}, "met"),
    ("zjtx.direct.award", {"awards__provincial_rank": 4, "awards__national_rank": 0}, "unmet"),
    ("zjtx.direct.award", {"awards__provincial_rank": 0, "awards__national_rank": 1}, "met"),
    ("zjtx.direct.award", {"awards__provincial_rank": 0, "awards__national_rank": 5}, "met"),
    ("zjtx.direct.award", {"awards__provincial_rank": 0, "awards__national_rank": 6}, "unmet"),
    ("zjtx.direct.rd_avg", {Y1 + "rd_expense": 1000, Y2 + "rd_expense": 1000}, "met"),
    ("zjtx.direct.rd_avg", {Y1 + "rd_expense": 1000, Y2 + "rd_expense": 999.99}, "unmet"),
    ("zjtx.direct.equity", {"equity_financing__2025": 3000, "equity_financing__2024": 3000}, "met"),
    ("zjtx.direct.equity", {"equity_financing__2025": 3000, "equity_financing__2024": 2999.99}, "unmet"),
    ("zjtx.direct.maker", {"awards__maker_china": "top500"}, "met"),
    ("zjtx.direct.maker", {"awards__maker_china": "top50"}, "met"),
    ("zjtx.direct.maker", {"awards__maker_china": "none"}, "unmet"),
    ("zjtx.prerequisite", {"titles__innovative_sme": False}, "unmet"),
])
def test_zjtx_2022_conditions(lg2022: dict[str, Any], cid: str, changes: dict[str, Any], expected: str) -> None:
    assert status("miit-2022", lg2022, cid, **changes) == expected


def _growth(avg: float) -> dict[str, float]:
    """Main revenue with y2 = y3 = 10000, so the 2-year average growth is (y1/10000 − 1)/2."""
    return {Y3 + "main_revenue": 10000, Y2 + "main_revenue": 10000, Y1 + "main_revenue": 10000 * (1 + 2 * avg)}


@pytest.mark.parametrize(("item", "changes", "expected"), [
    ("main_share", {Y1 + "revenue": 10000, Y1 + "main_revenue": 8000}, 5),
    ("main_share", {Y1 + "revenue": 10000, Y1 + "main_revenue": 7999.99}, 3),
    ("main_share", {Y1 + "revenue": 10000, Y1 + "main_revenue": 7000}, 3),
    ("main_share", {Y1 + "revenue": 10000, Y1 + "main_revenue": 6999.99}, 1),
    ("main_share", {Y1 + "revenue": 10000, Y1 + "main_revenue": 6000}, 1),
    ("main_share", {Y1 + "revenue": 10000, Y1 + "main_revenue": 5999.99}, 0),
    ("main_growth_avg", _growth(0.10), 10),
    ("main_growth_avg", {**_growth(0.10), Y1 + "main_revenue": 11999.99}, 8),
    ("main_growth_avg", _growth(0.08), 8),
    ("main_growth_avg", {**_growth(0.08), Y1 + "main_revenue": 11599.99}, 6),
    ("main_growth_avg", _growth(0.06), 6),
    ("main_growth_avg", {**_growth(0.06), Y1 + "main_revenue": 11199.99}, 4),
    ("main_growth_avg", _growth(0.04), 4),
    ("main_growth_avg", {**_growth(0.04), Y1 + "main_revenue": 10799.99}, 2),
    ("main_growth_avg", _growth(0), 2),
    ("main_growth_avg", {**_growth(0), Y1 + "main_revenue": 9999.99}, 0),
    ("niche_years", {"niche_years": 10}, 5),
    ("niche_years", {"niche_years": 12}, 5),  # the next full 2 years: capped at 5
    ("niche_years", {"niche_years": 30}, 5),
    ("niche_years", {"niche_years": 9.99}, 4),
    ("niche_years", {"niche_years": 8}, 4),
    ("niche_years", {"niche_years": 7.99}, 3),
    ("niche_years", {"niche_years": 7}, 3),
    ("niche_years", {"niche_years": 6}, 3),
    ("niche_years", {"niche_years": 5.99}, 2),
    ("niche_years", {"niche_years": 4}, 2),
    ("niche_years", {"niche_years": 3.99}, 1),
    ("niche_years", {"niche_years": 2}, 1),
    ("niche_years", {"niche_years": 1.99}, 0),
    ("field", {"field__chain_role": True, "field__foundation": False}, 5),
    ("field", {"field__chain_role": False, "field__foundation": True}, 3),
    ("field", {"field__chain_role": False, "field__foundation": False}, 0),
    ("digital_level", {"digital_level": 4}, 5),
    ("digital_level", {"digital_level": 3}, 5),
    ("digital_level", {"digital_level": 2}, 3),
    ("digital_level", {"digital_level": 1}, 0),
    ("quality", {"quality__provincial_award": True, "quality__iso9001": False, "quality__own_brand": False, "quality__standards": False}, 3),
    ("quality", {"quality__provincial_award": True, "quality__iso9001": True, "quality__own_brand": False, "quality__standards": False}, 5),
    ("quality", {"quality__provincial_award": False, "quality__iso9001": False, "quality__own_brand": False, "quality__standards": False}, 0),
    ("net_margin", {Y1 + "revenue": 10000, Y1 + "net_profit": 1000}, 10),
    ("net_margin", {Y1 + "revenue": 10000, Y1 + "net_profit": 999.99}, 8),
    ("net_margin", {Y1 + "revenue": 10000, Y1 + "net_profit": 800}, 8),
    ("net_margin", {Y1 + "revenue": 10000, Y1 + "net_profit": 799.99}, 6),
    ("net_margin", {Y1 + "revenue": 10000, Y1 + "net_profit": 600}, 6),
    ("net_margin", {Y1 + "revenue": 10000, Y1 + "net_profit": 599.99}, 4),
    ("net_margin", {Y1 + "revenue": 10000, Y1 + "net_profit": 400}, 4),
    ("net_margin", {Y1 + "revenue": 10000, Y1 + "net_profit": 399.99}, 2),
    ("net_margin", {Y1 + "revenue": 10000, Y1 + "net_profit": 200}, 2),
    ("net_margin", {Y1 + "revenue": 10000, Y1 + "net_profit": 199.99}, 0),
    ("net_margin", {Y1 + "revenue": 10000, Y1 + "net_profit": -500}, 0),
    ("debt_ratio", {Y1 + "total_assets": 10000, Y1 + "total_liabilities": 5000}, 5),
    ("debt_ratio", {Y1 + "total_assets": 10000, Y1 + "total_liabilities": 5000.01}, 3),
    ("debt_ratio", {Y1 + "total_assets": 10000, Y1 + "total_liabilities": 6000}, 3),
    ("debt_ratio", {Y1 + "total_assets": 10000, Y1 + "total_liabilities": 6000.01}, 1),
    ("debt_ratio", {Y1 + "total_assets": 10000, Y1 + "total_liabilities": 7000}, 1),
    ("debt_ratio", {Y1 + "total_assets": 10000, Y1 + "total_liabilities": 7000.01}, 0),
    ("characteristic", {"characteristic_score": 15}, 15),
    ("characteristic", {"characteristic_score": 0}, 0),
    ("characteristic", {"characteristic_score": 7.5}, 7.5),
    ("ip", {"ip__class1_high_value": 1}, 10),
    ("ip", {"ip__class1_high_value": 0, "ip__class1_self_developed": 1}, 8),
    ("ip", {"ip__class1_high_value": 0, "ip__class1_self_developed": 0, "ip__class1": 1}, 6),
    ("ip", {"ip__class1_high_value": 0, "ip__class1_self_developed": 0, "ip__class1": 0, "ip__class2": 1}, 2),
    ("ip", {"ip__class1_high_value": 0, "ip__class1_self_developed": 0, "ip__class1": 0, "ip__class2": 0}, 0),
    # amount bands with a share too small to matter (revenue 100000 → share < 1%)
    ("rd_input", {Y1 + "revenue": 100000, Y1 + "rd_expense": 500}, 10),
    ("rd_input", {Y1 + "revenue": 100000, Y1 + "rd_expense": 499.99}, 8),
    ("rd_input", {Y1 + "revenue": 100000, Y1 + "rd_expense": 400}, 8),
    ("rd_input", {Y1 + "revenue": 100000, Y1 + "rd_expense": 399.99}, 6),
    ("rd_input", {Y1 + "revenue": 100000, Y1 + "rd_expense": 300}, 6),
    ("rd_input", {Y1 + "revenue": 100000, Y1 + "rd_expense": 299.99}, 4),
    ("rd_input", {Y1 + "revenue": 100000, Y1 + "rd_expense": 200}, 4),
    ("rd_input", {Y1 + "revenue": 100000, Y1 + "rd_expense": 199.99}, 2),
    ("rd_input", {Y1 + "revenue": 100000, Y1 + "rd_expense": 100}, 2),
    ("rd_input", {Y1 + "revenue": 100000, Y1 + "rd_expense": 99.99}, 0),
    # share bands with an amount under 100万 (revenue 900)
    ("rd_input", {Y1 + "revenue": 900, Y1 + "rd_expense": 90}, 10),
    ("rd_input", {Y1 + "revenue": 900, Y1 + "rd_expense": 89.99}, 8),
    ("rd_input", {Y1 + "revenue": 900, Y1 + "rd_expense": 72}, 8),
    ("rd_input", {Y1 + "revenue": 900, Y1 + "rd_expense": 71.99}, 6),
    ("rd_input", {Y1 + "revenue": 900, Y1 + "rd_expense": 54}, 6),
    ("rd_input", {Y1 + "revenue": 900, Y1 + "rd_expense": 53.99}, 4),
    ("rd_input", {Y1 + "revenue": 900, Y1 + "rd_expense": 36}, 4),
    ("rd_input", {Y1 + "revenue": 900, Y1 + "rd_expense": 35.99}, 2),
    ("rd_input", {Y1 + "revenue": 900, Y1 + "rd_expense": 27}, 2),
    ("rd_input", {Y1 + "revenue": 900, Y1 + "rd_expense": 26.99}, 0),
    ("rd_staff_share", {"employees": 100, "rd_staff": 20}, 5),
    ("rd_staff_share", {"employees": 100, "rd_staff": 19}, 3),
    ("rd_staff_share", {"employees": 100, "rd_staff": 10}, 3),
    ("rd_staff_share", {"employees": 100, "rd_staff": 9}, 1),
    ("rd_staff_share", {"employees": 100, "rd_staff": 5}, 1),
    ("rd_staff_share", {"employees": 100, "rd_staff": 4}, 0),
    # a hundredth of a percent under each edge (10000 staff)
    ("rd_staff_share", {"employees": 10000, "rd_staff": 1999}, 3),
    ("rd_staff_share", {"employees": 10000, "rd_staff": 999}, 1),
    ("rd_staff_share", {"employees": 10000, "rd_staff": 499}, 0),
    ("rd_institution", {"rd_institution": "national"}, 10),
    ("rd_institution", {"rd_institution": "provincial"}, 8),
    ("rd_institution", {"rd_institution": "city"}, 4),
    ("rd_institution", {"rd_institution": "below_city"}, 2),
    ("rd_institution", {"rd_institution": "none"}, 0),
])
def test_zjtx_2022_score_bands(lg2022: dict[str, Any], item: str, changes: dict[str, Any], expected: float) -> None:
    assert points("miit-2022", lg2022, f"zjtx.points.{item}", **changes) == pytest.approx(expected)


# The 2022 tier-2 direct paths closed and points taken away down to 专业化 5+10+3+3, 精细化 0+5+0+5,
# 创新能力 10+10+5+0: 56 points before the provincial characteristic score.
SCORE_56: dict[str, Any] = {"awards__provincial_rank": 0, "awards__national_rank": 0, "awards__maker_china": "none",
                            Y2 + "rd_expense": 100, "field__chain_role": False, "digital_level": 1,
                            Y1 + "net_profit": 0, "rd_institution": "none"}


def test_zjtx_2022_score_threshold(lg2022: dict[str, Any]) -> None:
    """Score exactly 60 passes and 59 fails (the direct paths closed)."""
    at = run("miit-2022", lg2022, characteristic_score=4, **SCORE_56)
    below = run("miit-2022", lg2022, characteristic_score=3, **SCORE_56)
    assert (at.tiers["zjtx_sme"].score, crit(at, "zjtx.score_or_direct").status) == (60, "met")
    assert (below.tiers["zjtx_sme"].score, crit(below, "zjtx.score_or_direct").status) == (59, "unmet")
    # the provincial points may be a fraction: a hundredth of a point under 60 fails too
    nearly = run("miit-2022", lg2022, characteristic_score=3.99, **SCORE_56)
    assert (nearly.tiers["zjtx_sme"].score, crit(nearly, "zjtx.score").status) == (Decimal("59.99"), "unmet")
    assert nearly.tiers["zjtx_sme"].status == "unmet"


@pytest.mark.parametrize(("years", "score", "expected"), [(6, 60, "met"), (5.99, 59, "unmet")])
def test_zjtx_2022_niche_years_edge_decides_the_score(lg2022: dict[str, Any], years: float, score: int,
                                                      expected: str) -> None:
    """1 point per full 2 years in the niche (docs/criteria.md §5.1 item 3): 6 years are 3 points, 5.99
    only 2, and with every other point fixed that is the difference between 60 and 59."""
    r = run("miit-2022", lg2022, characteristic_score=4, niche_years=years, **SCORE_56)
    assert crit(r, "zjtx.points.niche_years").points == score - 57
    assert (r.tiers["zjtx_sme"].score, crit(r, "zjtx.score").status) == (score, expected)
    assert r.tiers["zjtx_sme"].status == expected


def test_zjtx_2022_qualitative_points_await_review(lg2022: dict[str, Any]) -> None:
    """Chain-role points count as answered, but a pass that rests on them awaits review (§9)."""
    closed = {"awards__provincial_rank": 0, "awards__national_rank": 0, "awards__maker_china": "none",
              Y2 + "rd_expense": 100, "field__foundation": False}
    # 87 with chain role (5) and foundation (3); without foundation still 87 since chain wins
    r = run("miit-2022", lg2022, characteristic_score=0, **closed)  # 77
    assert crit(r, "zjtx.points.field").status == "manual_review"
    assert crit(r, "zjtx.score").status == "met"  # 77 − 5 ≥ 60
    r = run("miit-2022", lg2022, characteristic_score=0, digital_level=1, **{**closed, Y1 + "net_profit": 0,
            "rd_institution": "city"})  # 77 − 5 − 6 − 4 = 62; without the 5 review points 57
    assert r.tiers["zjtx_sme"].score == 62
    assert crit(r, "zjtx.score").status == "manual_review"


# ---------------------------------------------------------------- §6.1 2022 tier 3

@pytest.mark.parametrize(("cid", "changes", "expected"), [
    ("lg.niche_years", {"niche_years": 3}, "met"),
    ("lg.niche_years", {"niche_years": 2.99}, "unmet"),
    ("lg.main_share", {Y1 + "revenue": 10000, Y1 + "main_revenue": 7000}, "met"),
    ("lg.main_share", {Y1 + "revenue": 10000, Y1 + "main_revenue": 6999.99}, "unmet"),
    ("lg.main_growth_avg", _growth(0.05), "met"),
    ("lg.main_growth_avg", {**_growth(0.05), Y1 + "main_revenue": 10999.99}, "unmet"),
    ("lg.debt_ratio", {Y1 + "total_assets": 10000, Y1 + "total_liabilities": 7000}, "met"),
    ("lg.debt_ratio", {Y1 + "total_assets": 10000, Y1 + "total_liabilities": 7000.01}, "unmet"),
    ("lg.market_share", {"market__domestic_share": 10}, "met"),
    ("lg.market_share", {"market__domestic_share": 9.99}, "unmet"),
    ("lg.certification", {"certification__management_system": False, "certification__developed_market_product": True}, "met"),
    ("lg.certification", {"certification__management_system": False, "certification__developed_market_product": False}, "unmet"),
    ("lg.ip_applied", {"ip__class1_applied": 2}, "met"),
    ("lg.ip_applied", {"ip__class1_applied": 1}, "unmet"),
    ("lg.institution", {"rd_institution": "below_city"}, "met"),
    ("lg.institution", {"rd_institution": "none"}, "unmet"),
    ("lg.direct.award", {"awards__national_rank": 1}, "met"),
    ("lg.direct.award", {"awards__national_rank": 0}, "unmet"),  # rank 0 is no award
    ("lg.direct.award", {"awards__national_rank": 3}, "met"),
    ("lg.direct.award", {"awards__national_rank": 4}, "unmet"),
    ("lg.direct.maker", {"awards__maker_china": "top50"}, "met"),
    ("lg.direct.maker", {"awards__maker_china": "top500"}, "unmet"),
    ("lg.exclusion.single_champion", {"exclusions__single_champion": True}, "unmet"),
    ("lg.exclusion.related", {"exclusions__related_to_little_giant": True}, "unmet"),
    ("lg.chain_role", {"field__chain_role": True}, "manual_review"),
    ("lg.chain_role", {"field__chain_role": False}, "unmet"),
    ("lg.info_system", {"info_system_core_business": True}, "met"),
    ("lg.info_system", {"info_system_core_business": False}, "unmet"),
    ("lg.own_brand", {"quality__own_brand": True}, "met"),
    ("lg.own_brand", {"quality__own_brand": False}, "unmet"),
    ("lg.exclusion.single_champion", {"exclusions__single_champion": False}, "met"),
    ("lg.exclusion.related", {"exclusions__related_to_little_giant": False}, "met"),
    ("lg.prerequisite", {"titles__zjtx_sme": True}, "met"),
    ("lg.prerequisite", {"titles__zjtx_sme": False}, "unmet"),
])
def test_little_giant_2022_conditions(lg2022: dict[str, Any], cid: str, changes: dict[str, Any], expected: str) -> None:
    assert status("miit-2022", lg2022, cid, **changes) == expected


def _rd_years(revenue: str, share_y1: str, share_y2: str) -> dict[str, Decimal]:
    """R&D of exactly the given shares (rounded up to the cent) of revenue y1 and of 10000 in y2."""
    rev = Decimal(revenue)
    rd1 = (rev * Decimal(share_y1)).quantize(Decimal("0.01"), rounding=ROUND_CEILING)
    return {Y1 + "revenue": rev, Y2 + "revenue": Decimal(10000), Y1 + "rd_expense": rd1,
            Y2 + "rd_expense": Decimal(10000) * Decimal(share_y2)}


@pytest.mark.parametrize(("changes", "expected"), [
    (_rd_years("10000", "0.03", "0.03"), "met"),  # exactly 1亿 is in the ≥ 1亿 band (decision)
    ({**_rd_years("10000", "0.03", "0.03"), Y2 + "rd_expense": 299.99}, "unmet"),
    (_rd_years("9999.99", "0.06", "0.06"), "met"),  # just under 1亿 needs 6%
    (_rd_years("9999.99", "0.05", "0.05"), "unmet"),
    (_rd_years("5000", "0.06", "0.06"), "met"),
    ({**_rd_years("5000", "0.06", "0.06"), Y1 + "rd_expense": 299.99}, "unmet"),
    # each year of each band on its own: the year before is held too ("均不低于")
    ({**_rd_years("10000", "0.03", "0.03"), Y1 + "rd_expense": 299.99}, "unmet"),
    ({**_rd_years("5000", "0.06", "0.06"), Y2 + "rd_expense": 599.99}, "unmet"),
])
def test_little_giant_2022_rd_bands(lg2022: dict[str, Any], changes: dict[str, float], expected: str) -> None:
    """R&D by revenue band: ≥1亿 3% each year · 5000万–1亿 6% each year."""
    assert status("miit-2022", lg2022, "lg.innovation.rd", **changes) == expected


SMALL_BAND = {Y1 + "revenue": 4999.99, Y1 + "rd_expense": 1500, Y2 + "rd_expense": 1500,
              "equity_financing__2025": 4000, "equity_financing__2024": 4000, "employees": 100, "rd_staff": 50}


@pytest.mark.parametrize(("changes", "expected"), [
    (SMALL_BAND, "met"),
    ({**SMALL_BAND, Y2 + "rd_expense": 1499.99}, "unmet"),  # 2-year total 3000 (decision)
    ({**SMALL_BAND, "equity_financing__2024": 3999.99}, "unmet"),
    ({**SMALL_BAND, "rd_staff": 49}, "unmet"),
    ({**SMALL_BAND, "employees": 10000, "rd_staff": 5000}, "met"),
    ({**SMALL_BAND, "employees": 10000, "rd_staff": 4999}, "unmet"),  # 49.99%
])
def test_little_giant_2022_small_band(lg2022: dict[str, Any], changes: dict[str, float], expected: str) -> None:
    """Under 5000万: 8000万 equity and 3000万 R&D over 2 years, R&D staff ≥ 50%."""
    assert status("miit-2022", lg2022, "lg.innovation.rd.small", **changes) == expected


BANDS_2022 = ("lg.rd.small.band", "lg.rd.medium.band", "lg.rd.large.band")


@pytest.mark.parametrize(("revenue", "band"), [("4999.99", "lg.rd.small.band"), ("5000", "lg.rd.medium.band"),
                                               ("9999.99", "lg.rd.medium.band"), ("10000", "lg.rd.large.band")])
def test_little_giant_2022_revenue_bands_meet_without_overlap(lg2022: dict[str, Any], revenue: str, band: str) -> None:
    """Exactly one revenue band of the 2022 创新能力 R&D condition applies on each side of each edge
    (docs/criteria.md §6.1): 5000万 opens 5000万–1亿 and closes < 5000万; exactly 1亿 is in ≥ 1亿 (decision),
    so it closes 5000万–1亿, which still holds at 9999.99."""
    changes: dict[str, Any] = {Y1 + "revenue": Decimal(revenue)}
    r = run("miit-2022", lg2022, **changes)
    assert {b: crit(r, b).status for b in BANDS_2022} == {b: "met" if b == band else "unmet" for b in BANDS_2022}


def _lg22_near(revenue: str, rd_y1: str, rd_y2: str) -> dict[str, Decimal]:
    """A whole 2022 小巨人 whose other conditions hold at either edge (main share 90%, growth 7.4% a year,
    main revenue never over revenue): scaled by half near 5000万, whole near 1亿."""
    rev = Decimal(revenue)
    s = Decimal("0.5") if rev < 7500 else Decimal(1)
    return {Y1 + "revenue": rev, Y1 + "main_revenue": 9000 * s, Y2 + "revenue": 9200 * s, Y2 + "main_revenue": 8400 * s,
            Y3 + "revenue": 8600 * s, Y3 + "main_revenue": 7800 * s,
            Y1 + "rd_expense": Decimal(rd_y1), Y2 + "rd_expense": Decimal(rd_y2)}


# The < 5000万 route met in full (8000万 equity, R&D 3000万 over two years, R&D staff 50%) while the
# 5000万–1亿 route fails on last year's share (299.99 / 5000 = 5.9998%).
SMALL_ROUTE = {"equity_financing__2025": 4000, "equity_financing__2024": 4000, "employees": 100, "rd_staff": 50}


@pytest.mark.parametrize(("changes", "expected"), [
    # < 5000万 is closed at exactly 5000万: the same company meets the criterion only a hundred yuan under it
    ({**_lg22_near("4999.99", "299.99", "2700.01"), **SMALL_ROUTE}, "met"),
    ({**_lg22_near("5000", "299.99", "2700.01"), **SMALL_ROUTE}, "unmet"),
    # 5000万–1亿 does not reach down to 4999.99: 6% both years (300 / 5000, 276 / 4600) and no < 5000万 route
    (_lg22_near("5000", "300", "276"), "met"),
    (_lg22_near("4999.99", "300", "276"), "unmet"),
    # ≥ 1亿 does not reach down to 9999.99: 3% both years (300 / 10000, 276 / 9200) needs exactly 1亿
    (_lg22_near("10000", "300", "276"), "met"),
    (_lg22_near("9999.99", "300", "276"), "unmet"),
])
def test_little_giant_2022_revenue_band_edges_decide_the_verdict(lg2022: dict[str, Any], changes: dict[str, Any],
                                                                  expected: str) -> None:
    """Each revenue-band edge of §6.1 on both sides, with the figures of only one band met: the R&D
    condition and the 小巨人 verdict flip with a hundred yuan of revenue. Met is manual_review for the
    tier: the chain role awaits the authority."""
    r = run("miit-2022", lg2022, **changes)
    assert crit(r, "lg.innovation.rd").status == expected
    assert crit(r, "lg.innovation").status == expected  # no direct path: the general conditions decide
    assert r.tiers["little_giant"].status == ("manual_review" if expected == "met" else "unmet")


@pytest.mark.parametrize(("revenue", "band", "expected"), [("10000", "lg.rd.large.band", "manual_review"),
                                                           ("9999.99", "lg.rd.medium.band", "unmet")])
def test_little_giant_2022_one_hundred_million_decision_in_the_json(revenue: str, band: str, expected: str) -> None:
    """What a script reads (`assess --format json`): revenue of exactly 1亿 is judged in the ≥ 1亿 band
    (3% a year suffices, decision of docs/criteria.md §6.1); a hundred yuan less is 5000万–1亿, where 3% fails."""
    sets = {"financials.2025.revenue": revenue, "financials.2025.main_revenue": "9000",
            "financials.2025.rd_expense": "300", "financials.2024.rd_expense": "315"}  # 315 / 10500 = 3%
    args = ["assess", str(EXAMPLES / "little-giant-2022.yaml"), "--rules", "miit-2022", "--as-of", "2026-03-01",
            "--format", "json", *(a for k, v in sets.items() for a in ("--set", f"{k}={v}"))]
    out = CliRunner().invoke(app, args, env={"COLUMNS": "120", "NO_COLOR": "1", "LANG": "en_US.UTF-8"})
    assert out.exit_code == 0, out.output
    tier = json.loads(out.stdout)["tiers"]["little_giant"]
    statuses = {c["id"]: c["status"] for c in tier["criteria"]}
    assert {b: statuses[b] for b in BANDS_2022} == {b: "met" if b == band else "unmet" for b in BANDS_2022}
    assert statuses["lg.innovation.rd"] == ("met" if expected == "manual_review" else "unmet")
    assert tier["status"] == expected


# ---------------------------------------------------------------- §5.2 2026 tier 2

@pytest.mark.parametrize(("cid", "changes", "expected"), [
    ("zjtx26.prerequisite", {"titles__innovative_sme": False, "titles__tech_sme": True}, "met"),
    ("zjtx26.prerequisite", {"titles__innovative_sme": False, "titles__tech_sme": False}, "unmet"),
    ("zjtx26.niche_years", {"niche_years": 3}, "met"),
    ("zjtx26.niche_years", {"niche_years": 2.99}, "unmet"),
    ("zjtx26.revenue.amount", {Y1 + "revenue": 1500}, "met"),
    ("zjtx26.revenue.amount", {Y1 + "revenue": 1499.99}, "unmet"),
    ("zjtx26.revenue.equity", {"equity_financing__2025": 2000, "equity_financing__2024": 0}, "met"),
    ("zjtx26.revenue.equity", {"equity_financing__2025": 1999.99, "equity_financing__2024": 0}, "unmet"),
    ("zjtx26.main_share", {Y1 + "revenue": 10000, Y1 + "main_revenue": 8000}, "met"),
    ("zjtx26.main_share", {Y1 + "revenue": 10000, Y1 + "main_revenue": 7999.99}, "unmet"),
    ("zjtx26.debt_ratio", {Y1 + "total_assets": 10000, Y1 + "total_liabilities": 8000}, "met"),
    ("zjtx26.debt_ratio", {Y1 + "total_assets": 10000, Y1 + "total_liabilities": 8000.01}, "unmet"),
    ("zjtx26.rd", {Y1 + "revenue": 3000, Y2 + "revenue": 3000, Y1 + "rd_expense": 100, Y2 + "rd_expense": 100}, "met"),
    ("zjtx26.rd", {Y1 + "revenue": 3000, Y2 + "revenue": 3000, Y1 + "rd_expense": 100, Y2 + "rd_expense": 99.99}, "unmet"),
    ("zjtx26.rd", {Y1 + "revenue": 10000, Y2 + "revenue": 10000, Y1 + "rd_expense": 300, Y2 + "rd_expense": 299.99}, "unmet"),
    ("zjtx26.ip", {"ip__class1_applied": 1}, "met"),
    ("zjtx26.ip", {"ip__class1_applied": 0, "rd_institution": "city", "awards__provincial_rank": 0, "awards__national_rank": 0}, "unmet"),
    ("zjtx26.ip", {"ip__class1_applied": 0, "rd_institution": "provincial", "awards__provincial_rank": 0}, "met"),
    ("zjtx26.ip", {"ip__class1_applied": 0, "rd_institution": "city", "awards__provincial_rank": 3}, "met"),
    ("zjtx26.ip", {"ip__class1_applied": 0, "rd_institution": "city", "awards__provincial_rank": 4, "awards__national_rank": 0}, "unmet"),
    ("zjtx26.market", {"market__leading": True}, "manual_review"),
    ("zjtx26.market", {"market__leading": False}, "unmet"),
    ("zjtx26.market", {"market__leading": None}, "unknown"),
    ("zjtx26.platform", {"platform_score": 50}, "met"),
    ("zjtx26.platform", {"platform_score": 49.99}, "unmet"),
    ("zjtx26.rd.amount_y1", {Y1 + "rd_expense": 100}, "met"),
    ("zjtx26.rd.amount_y1", {Y1 + "rd_expense": 99.99}, "unmet"),
    ("zjtx26.rd.share_y1", {Y1 + "revenue": 10000, Y1 + "rd_expense": 300}, "met"),
    ("zjtx26.rd.share_y1", {Y1 + "revenue": 10000, Y1 + "rd_expense": 299.99}, "unmet"),
    ("zjtx26.ip.exempt_award", {"awards__provincial_rank": 0, "awards__national_rank": 3}, "met"),
    ("zjtx26.ip.exempt_award", {"awards__provincial_rank": 0, "awards__national_rank": 4}, "unmet"),
    ("zjtx26.ip.exempt_award", {"awards__provincial_rank": 1, "awards__national_rank": 0}, "met"),
    ("zjtx26.ip.exempt_award", {"awards__provincial_rank": 0, "awards__national_rank": 1}, "met"),
    ("zjtx26.ip.exempt_award", {"awards__provincial_rank": 0, "awards__national_rank": 0}, "unmet"),  # no award
    ("zjtx26.rd.amount_y2", {Y2 + "rd_expense": 100}, "met"),
    ("zjtx26.rd.amount_y2", {Y2 + "rd_expense": 99.99}, "unmet"),
])
def test_zjtx_2026_conditions(lg2026: dict[str, Any], cid: str, changes: dict[str, Any], expected: str) -> None:
    assert status("miit-2026", lg2026, cid, **changes) == expected


# 3% of 20000 is 600: one year's revenue raised to 20000 puts its share on the edge at 600 and a
# hundred yuan under it at 599.99. For last year the main share stays 90% and the year before keeps
# 700, so the 2026 小巨人 two-year total (1200) holds on both sides.
SHARE_EDGE: dict[str, dict[str, Any]] = {Y1: {Y1 + "revenue": 20000, Y1 + "main_revenue": 18000, Y2 + "rd_expense": 700},
                                          Y2: {Y2 + "revenue": 20000}}


@pytest.mark.parametrize(("tier", "cid", "year"), [
    ("zjtx_sme", "zjtx26.rd.share_y1", Y1), ("zjtx_sme", "zjtx26.rd.share_y2", Y2),
    ("little_giant", "lg26.rd.share_y1", Y1), ("little_giant", "lg26.rd.share_y2", Y2)])
@pytest.mark.parametrize(("rd", "expected"), [(600, "met"), (599.99, "unmet")])
def test_2026_rd_share_of_each_year_on_both_sides(lg2026: dict[str, Any], tier: str, cid: str, year: str, rd: float,
                                                  expected: str) -> None:
    """「近两年…每年占营业收入比重均不低于3%」 (docs/criteria.md §5.2 item 6, §6.2 item 3): each year's share
    exactly 3% meets it and 2.99995% does not, and the tier's verdict follows (met is manual_review: the
    market position or the chain role awaits the authority)."""
    changes: dict[str, Any] = {**SHARE_EDGE[year], year + "rd_expense": rd}
    r = run("miit-2026", lg2026, **changes)
    assert crit(r, cid).status == expected
    assert r.tiers[tier].status == ("manual_review" if expected == "met" else "unmet")


# ---------------------------------------------------------------- §6.2 2026 tier 3

@pytest.mark.parametrize(("cid", "changes", "expected"), [
    ("lg26.revenue", {Y1 + "revenue": 5000}, "met"),
    ("lg26.revenue", {Y1 + "revenue": 4999.99}, "unmet"),
    ("lg26.main_share", {Y1 + "revenue": 10000, Y1 + "main_revenue": 9000}, "met"),
    ("lg26.main_share", {Y1 + "revenue": 10000, Y1 + "main_revenue": 8999.99}, "unmet"),
    ("lg26.cagr", {Y1 + "revenue": 11025, Y3 + "revenue": 10000}, "met"),  # sqrt(1.1025) − 1 = 5% exactly
    ("lg26.cagr", {Y1 + "revenue": 11024.99, Y3 + "revenue": 10000}, "unmet"),
    ("lg26.debt_ratio", {Y1 + "total_assets": 10000, Y1 + "total_liabilities": 7500}, "met"),
    ("lg26.debt_ratio", {Y1 + "total_assets": 10000, Y1 + "total_liabilities": 7500.01}, "unmet"),
    ("lg26.rd.total", {Y1 + "rd_expense": 600, Y2 + "rd_expense": 600}, "met"),
    ("lg26.rd.total", {Y1 + "rd_expense": 600, Y2 + "rd_expense": 599.99}, "unmet"),
    ("lg26.rd", {Y1 + "revenue": 20000, Y1 + "rd_expense": 600, Y2 + "rd_expense": 600}, "met"),  # 3% exactly
    ("lg26.rd", {Y1 + "revenue": 20000, Y1 + "rd_expense": 599.99, Y2 + "rd_expense": 700}, "unmet"),
    ("lg26.ip", {"ip__class1_top3_holder": 4}, "met"),
    ("lg26.ip", {"ip__class1_top3_holder": 3, "awards__national_rank": 0}, "unmet"),
    ("lg26.ip", {"ip__class1_top3_holder": 3, "awards__national_rank": 3}, "met"),
    ("lg26.ip", {"ip__class1_top3_holder": 3, "awards__national_rank": 4}, "unmet"),
    ("lg26.ip.exempt_award", {"awards__national_rank": 1}, "met"),
    ("lg26.ip.exempt_award", {"awards__national_rank": 0}, "unmet"),  # rank 0 is no award
    ("lg26.market", {"market__domestic_share": 10, "market__domestic_rank": 0}, "met"),
    ("lg26.market", {"market__domestic_share": 9.99, "market__domestic_rank": 0, "market__international_share": 0}, "unmet"),
    ("lg26.market", {"market__domestic_share": 1, "market__domestic_rank": 0, "market__international_share": 10}, "met"),
    ("lg26.market", {"market__domestic_share": 1, "market__domestic_rank": 3, "market__international_share": 0}, "met"),
    ("lg26.market", {"market__domestic_share": 1, "market__domestic_rank": 4, "market__international_share": 0}, "unmet"),
    ("lg26.platform", {"platform_score": 60}, "met"),
    ("lg26.platform", {"platform_score": 59.99}, "unmet"),
    ("lg26.prerequisite", {"titles__zjtx_sme": False}, "unmet"),
    ("lg26.niche_years", {"niche_years": 3}, "met"),
    ("lg26.niche_years", {"niche_years": 2.99}, "unmet"),
    ("lg26.rd.share_y2", {Y2 + "revenue": 10000, Y2 + "rd_expense": 300}, "met"),
    ("lg26.rd.share_y2", {Y2 + "revenue": 10000, Y2 + "rd_expense": 299.99}, "unmet"),
    ("lg26.exclusion.single_champion", {"exclusions__single_champion": False}, "met"),
    ("lg26.exclusion.single_champion", {"exclusions__single_champion": True}, "unmet"),
    ("lg26.exclusion.related", {"exclusions__related_to_little_giant": False}, "met"),
    ("lg26.exclusion.related", {"exclusions__related_to_little_giant": True}, "unmet"),
])
def test_little_giant_2026_conditions(lg2026: dict[str, Any], cid: str, changes: dict[str, Any], expected: str) -> None:
    assert status("miit-2026", lg2026, cid, **changes) == expected


# Every way into the 2026 小巨人 market condition closed: 1% at home, 0% abroad, not ranked.
NO_MARKET = {"market__domestic_share": 1, "market__international_share": 0, "market__domestic_rank": 0}


@pytest.mark.parametrize(("cid", "changes", "expected"), [
    ("lg26.market.international", {"market__international_share": 10}, "met"),
    ("lg26.market.international", {"market__international_share": 9.99}, "unmet"),
    ("lg26.market.domestic", {"market__domestic_share": 10}, "met"),
    ("lg26.market.domestic", {"market__domestic_share": 9.99}, "unmet"),
    ("lg26.market.rank", {"market__domestic_rank": 3}, "met"),
    ("lg26.market.rank", {"market__domestic_rank": 4}, "unmet"),
    ("lg26.market.rank", {"market__domestic_rank": 1}, "met"),
])
def test_little_giant_2026_market_ways_on_both_sides(lg2026: dict[str, Any], cid: str, changes: dict[str, Any],
                                                     expected: str) -> None:
    """「国内或国际细分市场占有率达到10%以上，或国内前三名」 (docs/criteria.md §6.2 item 5): each way on its
    own, at its edge and just past it, the others closed; the market condition and the verdict follow it."""
    r = run("miit-2026", lg2026, **{**NO_MARKET, **changes})
    assert crit(r, cid).status == expected
    assert crit(r, "lg26.market").status == expected
    assert r.tiers["little_giant"].status == ("manual_review" if expected == "met" else "unmet")


def test_little_giant_2026_renewal_clauses(lg2026: dict[str, Any]) -> None:
    """Renewals: growth is not checked, and either of the last two platform scores counts."""
    slow = {Y1 + "revenue": 9000, Y3 + "revenue": 9000, "platform_score": 55, "platform_score_previous": 61}
    new = run("miit-2026", lg2026, **slow)
    assert crit(new, "lg26.cagr").status == "unmet"
    assert crit(new, "lg26.platform").status == "unmet"
    renewal = run("miit-2026", lg2026, renewal="little_giant", **slow)
    assert renewal.criterion("lg26.cagr") is None
    assert crit(renewal, "lg26.platform_renewal").status == "met"
    assert renewal.tiers["little_giant"].status == "manual_review"


@pytest.mark.parametrize(("renewal", "cid", "mark"), [("zjtx_sme", "zjtx26.platform_renewal", 50),
                                                    ("little_giant", "lg26.platform_renewal", 60)])
@pytest.mark.parametrize(("this_year", "last_year", "expected"), [
    (0, 0, "met"), (-0.01, -0.01, "unmet"), (-0.01, 0, "met"), (0, -0.01, "met")])
def test_2026_renewal_scores_either_year_on_both_sides(lg2026: dict[str, Any], renewal: str, cid: str, mark: int,
                                                       this_year: float, last_year: float, expected: str) -> None:
    """Renewal clauses (docs/criteria.md §1, §5.2 item 9, §6.2 item 7): the platform score of either of the
    last two years exactly at the mark (50 for tier 2, 60 for tier 3) passes; both a hundredth under fails."""
    r = run("miit-2026", lg2026, renewal=renewal,
            platform_score=mark + this_year, platform_score_previous=mark + last_year)
    assert crit(r, cid).status == expected


@pytest.mark.parametrize(("rule_id", "cid", "path"), [
    ("miit-2026", "lg26.priority_domain", "field__priority_domain"),
    ("miit-2026", "lg26.chain_role", "field__chain_role"),
    ("miit-2022", "lg.priority_domain", "field__priority_domain"),
    ("miit-2022", "lg.chain_role", "field__chain_role"),
])
@pytest.mark.parametrize(("answer", "expected"), [(True, "manual_review"), (False, "unmet"), (None, "unknown")])
def test_qualitative_little_giant_criteria_are_never_passed_here(lg2026: dict[str, Any], rule_id: str, cid: str,
                                                                 path: str, answer: bool | None, expected: str) -> None:
    """A criterion with no number is answered by the user: yes awaits the authority, no is unmet, no answer
    is unknown (docs/criteria.md §9) — and the tier follows."""
    r = run(rule_id, lg2026, **{path: answer})
    assert crit(r, cid).status == expected
    assert r.tiers["little_giant"].status == expected


# ---------------------------------------------------------------- §4.2 科技型

TECH = {"titles__innovative_sme": False, "honors__high_tech_enterprise": False, "awards__national_5y_rank": 0,
        "rd_institution": "city", "awards__led_standard_5y": False}


@pytest.mark.parametrize(("cid", "changes", "expected"), [
    ("tech.employees", {"employees": 500}, "met"),
    ("tech.employees", {"employees": 501}, "unmet"),
    ("tech.revenue", {Y1 + "revenue": 20000}, "met"),
    ("tech.revenue", {Y1 + "revenue": 20000.01}, "unmet"),
    ("tech.assets", {Y1 + "total_assets": 20000}, "met"),
    ("tech.assets", {Y1 + "total_assets": 20000.01}, "unmet"),
    ("tech.direct.high_tech", {"honors__high_tech_enterprise": True}, "met"),
    ("tech.direct.award", {"awards__national_5y_rank": 3}, "met"),
    ("tech.direct.award", {"awards__national_5y_rank": 4}, "unmet"),
    ("tech.direct.award", {"awards__national_5y_rank": 1}, "met"),
    ("tech.direct.award", {"awards__national_5y_rank": 0}, "unmet"),  # rank 0 is no award
    ("tech.direct.institution", {"rd_institution": "provincial"}, "met"),
    ("tech.direct.standard", {"awards__led_standard_5y": True}, "met"),
    ("tech.direct", TECH, "unmet"),
])
def test_tech_conditions(lg2026: dict[str, Any], cid: str, changes: dict[str, Any], expected: str) -> None:
    assert status("miit-2026", lg2026, cid, **{**TECH, **changes}) == expected


@pytest.mark.parametrize(("tech_staff", "expected"), [(30, 20), (29, 16), (25, 16), (24, 12), (20, 12), (19, 8),
                                                       (15, 8), (14, 4), (10, 4), (9, 0)])
def test_tech_staff_bands(lg2026: dict[str, Any], tech_staff: int, expected: int) -> None:
    assert points("miit-2026", lg2026, "tech.points.tech_staff", employees=100, tech_staff=tech_staff) == expected


@pytest.mark.parametrize(("tech_staff", "expected"), [(3000, 20), (2999, 16), (2500, 16), (2499, 12), (2000, 12),
                                                       (1999, 8), (1500, 8), (1499, 4), (1000, 4), (999, 0)])
def test_tech_staff_bands_a_hundredth_under_each_edge(lg2026: dict[str, Any], tech_staff: int, expected: int) -> None:
    """The same bands with 10000 staff, so the side under each edge is 0.01% under it (29.99%, not 29%)."""
    assert points("miit-2026", lg2026, "tech.points.tech_staff", employees=10000, tech_staff=tech_staff) == expected


@pytest.mark.parametrize(("rd", "costs", "expected"), [
    (600, 1000000, 50), (599.99, 1000000, 40), (500, 1000000, 40), (499.99, 1000000, 30), (400, 1000000, 30),
    (399.99, 1000000, 20), (300, 1000000, 20), (299.99, 1000000, 10), (200, 1000000, 10), (199.99, 1000000, 0),
    # ② R&D / total costs, revenue share kept under 2% (revenue 10000, R&D ≤ 199.99)
    (150, 500, 50), (149.99, 500, 40), (125, 500, 40), (124.99, 500, 30), (100, 500, 30), (99.99, 500, 20),
    (75, 500, 20), (74.99, 500, 10), (50, 500, 10), (49.99, 500, 0),
])
def test_tech_rd_best_of(lg2026: dict[str, Any], rd: float, costs: float, expected: int) -> None:
    """R&D: the higher of ① R&D/revenue (6/5/4/3/2%) and ② R&D/total costs (30/25/20/15/10%)."""
    assert points("miit-2026", lg2026, "tech.points.rd_input",
                  **{Y1 + "revenue": 10000, Y1 + "rd_expense": rd, Y1 + "total_costs": costs}) == expected


@pytest.mark.parametrize(("class1", "class2", "expected"), [(1, 0, 30), (0, 5, 24), (0, 4, 24), (0, 3, 18),
                                                            (0, 2, 12), (0, 1, 6), (0, 0, 0)])
def test_tech_ip_bands(lg2026: dict[str, Any], class1: int, class2: int, expected: int) -> None:
    assert points("miit-2026", lg2026, "tech.points.ip", ip__class1=class1, ip__class2=class2) == expected


@pytest.mark.parametrize(("rd", "expected"), [(480, "met"), (479.99, "unmet")])
def test_tech_score_threshold(lg2026: dict[str, Any], rd: float, expected: str) -> None:
    """科技型 score ≥ 60: staff 12 (23%) + R&D 30 (exactly 4%) + IP 18 (3 class II) = 60; at 3.99% the
    R&D scores 20 and the total 50 (docs/criteria.md §4.2)."""
    r = run("miit-2026", lg2026, **{**TECH, **NO_IP, "ip__class2": 3, Y1 + "revenue": 12000, Y1 + "rd_expense": rd,
                                    Y1 + "total_costs": 1000000})
    assert crit(r, "tech.score").status == expected
    assert crit(r, "tech.scored").status == expected


@pytest.mark.parametrize(("employees", "tech_staff", "expected"), [(100, 10, "met"), (100, 9, "unmet"),
                                                                  (10000, 999, "unmet")])
def test_tech_staff_points_above_zero_on_both_sides(lg2026: dict[str, Any], employees: int, tech_staff: int,
                                                   expected: str) -> None:
    """科技人员 exactly 10% scores 4 (> 0); 9% and 9.99% score 0."""
    r = run("miit-2026", lg2026, employees=employees, rd_staff=10, tech_staff=tech_staff)
    assert crit(r, "tech.score.staff").status == expected


def test_tech_staff_points_must_be_above_zero(lg2026: dict[str, Any]) -> None:
    """A score of 80 fails the 科技型 route when 科技人员 scores 0 (share under 10%)."""
    r = run("miit-2026", lg2026, employees=100, tech_staff=9, **{**TECH, Y1 + "revenue": 10000,
                                                                   Y1 + "rd_expense": 600})
    assert crit(r, "tech.score").status == "met"
    assert crit(r, "tech.score.staff").status == "unmet"
    assert crit(r, "tech.scored").status == "unmet"


# ---------------------------------------------------------------- §2 gate and red lines

@pytest.mark.parametrize(("rule_id", "red_line"), [
    *[("miit-2022", line) for line in ("abnormal_operation", "serious_dishonesty", "prohibited_products",
                                       "major_incident", "tax_violation")],
    *[("miit-2026", line) for line in ("abnormal_operation", "serious_dishonesty", "prohibited_products",
                                       "major_incident", "data_fabrication")]])
def test_red_line_vetoes_every_tier(lg2026: dict[str, Any], rule_id: str, red_line: str) -> None:
    """Each red line of a rule set (docs/criteria.md §2) makes every tier unmet."""
    r = run(rule_id, lg2026, **{f"compliance__{red_line}": True})
    assert {t.status for t in r.tiers.values()} == {"unmet"}
    assert crit(r, f"gate.{red_line}").status == "unmet"


def test_a_2026_tax_violation_sends_every_tier_to_review_with_the_reason(lg2026: dict[str, Any]) -> None:
    """Under miit-2026 a tax violation is no veto: each tier is at best manual_review, and says why."""
    clean = run("miit-2026", lg2026)
    r = run("miit-2026", lg2026, compliance__tax_violation=True)
    for tid, tier in r.tiers.items():
        before = clean.tiers[tid].status
        assert tier.status == ("unmet" if before == "unmet" else "unknown" if before == "unknown" else "manual_review")
    c = crit(r, "gate.tax_violation")
    assert c.status == "manual_review" and c.confidence == "recalled"
    zh, en = sentences(r.rules, "zh")(c), sentences(r.rules, "en")(c)
    assert "2026" in zh and "认定机关" in zh
    assert "does not list" in en and "authority decides" in en


def test_data_fabrication_is_read_only_under_2026(lg2026: dict[str, Any]) -> None:
    """数据造假 is a 2026 red line; the 2022 rules do not read it (docs/criteria.md §2)."""
    r = run("miit-2022", lg2026, compliance__data_fabrication=True)
    assert r.criterion("gate.data_fabrication") is None
    assert r.tiers["innovative_sme"].status == run("miit-2022", lg2026).tiers["innovative_sme"].status
    unanswered = run("miit-2026", lg2026, compliance__data_fabrication=None)
    assert crit(unanswered, "gate.data_fabrication").status == "unknown"


def test_unanswered_red_line_is_unknown_not_clear(lg2026: dict[str, Any]) -> None:
    r = run("miit-2026", lg2026, compliance__major_incident=None)
    assert crit(r, "gate.major_incident").status == "unknown"
    assert crit(r, "gate.major_incident").missing == ["compliance.major_incident"]
    assert {t.status for t in r.tiers.values()} == {"unknown"}


def test_not_registered_in_china(lg2026: dict[str, Any]) -> None:
    r = run("miit-2026", lg2026, registered_in_china=False)
    assert {t.status for t in r.tiers.values()} == {"unmet"}
