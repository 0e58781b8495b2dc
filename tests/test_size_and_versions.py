"""The 300号 size table (docs/criteria.md §2.1), rule-version choice (§1), exactness and unknowns (§3)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from tests.conftest import crit, run

from littlegiant.core import plan
from littlegiant.errors import InputError
from littlegiant.load import rules

# industry: (ceiling, medium, small) written from docs/criteria.md §2.1; keys staff / revenue / assets
TABLE: dict[str, tuple[dict[str, int], dict[str, int], dict[str, int]]] = {
    "agriculture": ({"revenue": 20000}, {"revenue": 500}, {"revenue": 50}),
    "industrial": ({"staff": 1000, "revenue": 40000}, {"staff": 300, "revenue": 2000}, {"staff": 20, "revenue": 300}),
    "construction": ({"revenue": 80000, "assets": 80000}, {"revenue": 6000, "assets": 5000}, {"revenue": 300, "assets": 300}),
    "wholesale": ({"staff": 200, "revenue": 40000}, {"staff": 20, "revenue": 5000}, {"staff": 5, "revenue": 1000}),
    "retail": ({"staff": 300, "revenue": 20000}, {"staff": 50, "revenue": 500}, {"staff": 10, "revenue": 100}),
    "transport": ({"staff": 1000, "revenue": 30000}, {"staff": 300, "revenue": 3000}, {"staff": 20, "revenue": 200}),
    "warehousing": ({"staff": 200, "revenue": 30000}, {"staff": 100, "revenue": 1000}, {"staff": 20, "revenue": 100}),
    "postal": ({"staff": 1000, "revenue": 30000}, {"staff": 300, "revenue": 2000}, {"staff": 20, "revenue": 100}),
    "accommodation": ({"staff": 300, "revenue": 10000}, {"staff": 100, "revenue": 2000}, {"staff": 10, "revenue": 100}),
    "catering": ({"staff": 300, "revenue": 10000}, {"staff": 100, "revenue": 2000}, {"staff": 10, "revenue": 100}),
    "information_transmission": ({"staff": 2000, "revenue": 100000}, {"staff": 100, "revenue": 1000}, {"staff": 10, "revenue": 100}),
    "software_it": ({"staff": 300, "revenue": 10000}, {"staff": 100, "revenue": 1000}, {"staff": 10, "revenue": 50}),
    "real_estate": ({"revenue": 200000, "assets": 10000}, {"revenue": 1000, "assets": 5000}, {"revenue": 100, "assets": 2000}),
    "property_management": ({"staff": 1000, "revenue": 5000}, {"staff": 300, "revenue": 1000}, {"staff": 100, "revenue": 500}),
    "leasing_business": ({"staff": 300, "assets": 120000}, {"staff": 100, "assets": 8000}, {"staff": 10, "assets": 100}),
    "other": ({"staff": 300}, {"staff": 100}, {"staff": 10}),
}
PATHS = {"staff": "employees", "revenue": "financials__2025__revenue", "assets": "financials__2025__total_assets"}
EPS = {"staff": 1, "revenue": Decimal("0.01"), "assets": Decimal("0.01")}


def size_of(industry: str, figures: dict[str, Any]) -> tuple[str, str | None]:
    r = run("miit-2026", {}, industry=industry, **{PATHS[k]: v for k, v in figures.items()})
    return r.sme_status, r.sme_size


@pytest.mark.parametrize("industry", sorted(TABLE))
def test_size_table(industry: str) -> None:
    ceiling, medium, small = TABLE[industry]
    # at every ceiling figure at once: large ("X以下" excludes X)
    assert size_of(industry, ceiling) == ("unmet", "large")
    # one figure just under its ceiling is enough to be an SME (或)
    for key in ceiling:
        under = {**ceiling, key: ceiling[key] - EPS[key]}
        assert size_of(industry, under)[0] == "met", key
    # exactly on both medium bounds: medium ("及以上" includes the bound)
    assert size_of(industry, medium) == ("met", "medium")
    for key in medium:
        assert size_of(industry, {**medium, key: medium[key] - EPS[key]}) == ("met", "small"), key
    assert size_of(industry, small) == ("met", "small")
    for key in small:
        assert size_of(industry, {**small, key: small[key] - EPS[key]}) == ("met", "micro"), key


def test_size_unknown_without_figures() -> None:
    assert size_of("industrial", {"staff": 1200}) == ("unknown", None)  # revenue decides
    assert size_of("industrial", {"staff": 999})[0] == "met"  # staff alone suffices (或)
    assert run("miit-2026", {}).sme_status == "unknown"  # no industry


def test_no_version_before_2022() -> None:
    """Before the 2022 measures took effect the calendar names no set, and says where it starts."""
    with pytest.raises(InputError, match=r"no rule set is in force on 2022-07-31 \(the calendar starts 2022-08-01\)"):
        rules.select_version(date(2022, 7, 31))


def test_last_year_follows_as_of(lg2026: dict[str, Any]) -> None:
    """As of 2027 the last fiscal year is 2026: 2025 figures no longer count."""
    r = run("miit-2026", lg2026, as_of=date(2027, 5, 1))
    assert r.last_year == 2026
    assert crit(r, "lg26.revenue").status == "unknown"
    assert crit(r, "lg26.revenue").missing == ["financials.2026.revenue"]


def test_average_growth_exact_at_boundary(lg2026: dict[str, Any]) -> None:
    """92/69 − 1 + 69/90 − 1 is exactly 0.1: the 2-year average is exactly 5%, which passes."""
    r = run("miit-2022", lg2026, financials__2025__main_revenue=92, financials__2024__main_revenue=69,
            financials__2023__main_revenue=90)
    assert crit(r, "lg.main_growth_avg").value == 5
    assert crit(r, "lg.main_growth_avg").status == "met"


def test_zero_denominator_is_unknown(lg2026: dict[str, Any]) -> None:
    r = run("miit-2026", lg2026, financials__2025__revenue=0)
    assert crit(r, "lg26.main_share").status == "unknown"
    assert crit(r, "lg26.revenue").status == "unmet"


def test_unknown_inputs_bound_the_score(lg2022: dict[str, Any]) -> None:
    """Missing debt figures leave the 2022 tier-2 score as a range over the debt bands (0–5)."""
    r = run("miit-2022", lg2022, financials__2025__total_liabilities=None)
    tier = r.tiers["zjtx_sme"]
    assert (tier.score, tier.score_min, tier.score_max) == (None, 82, 87)
    item = crit(r, "zjtx.points.debt_ratio")
    assert (item.status, item.missing) == ("unknown", ["financials.2025.total_liabilities"])
    # 82 already clears 60, so the score criterion is met despite the gap
    assert crit(r, "zjtx.score").status == "met"


def test_unknown_propagates_to_tier(lg2026: dict[str, Any]) -> None:
    r = run("miit-2026", lg2026, platform_score=None)
    assert crit(r, "lg26.platform").status == "unknown"
    assert r.tiers["little_giant"].status == "unknown"
    # but a tier already unmet stays unmet whatever is missing
    r = run("miit-2026", lg2026, platform_score=None, titles__zjtx_sme=False)
    assert r.tiers["little_giant"].status == "unmet"


def test_any_of_takes_best_branch() -> None:
    assert plan.combine_any(["unmet", "unknown"]) == "unknown"
    assert plan.combine_any(["unknown", "manual_review"]) == "manual_review"
    assert plan.combine_any(["manual_review", "met", "unmet"]) == "met"
    assert plan.combine_all(["met", "manual_review", "unknown"]) == "unknown"
    assert plan.combine_all(["met", "manual_review"]) == "manual_review"
    assert plan.combine_all(["unknown", "unmet"]) == "unmet"


@pytest.mark.parametrize(("rule_id", "asked", "not_asked"), [
    ("miit-2022", "重大安全（含网络安全、数据安全）", "较大生产安全事故"),
    ("miit-2026", "较大生产安全事故", "重大安全（含网络安全、数据安全）"),
])
def test_the_incident_question_is_asked_in_the_words_of_the_set_that_judges_it(
        rule_id: str, asked: str, not_asked: str) -> None:
    """The 2026 red line names other events (较大 accidents, serious breaches of industry rules) than the
    2022 one: the question, its help and the veto each set judges are in that set's words, so a
    company is not asked one question and judged on another."""
    rs = rules.load(rule_id)
    field = rs.fields["major_incident"]
    node = next(n for _, n in rs.all_nodes() if n.id == "gate.major_incident")
    assert asked in field.label.zh and not_asked not in field.label.zh and not_asked not in field.help.zh
    assert asked in node.title.zh
    assert field.path == "compliance.major_incident"
