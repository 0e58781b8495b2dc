"""A score item's figure beside its bands: never written rounded onto (or across) a band edge it does not
reach. 55.0002% scores 5 where ≤55% scores 10; shown as 「55%：得 5/10 分」 it read as a wrong score."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from tests.test_reports import cli

from littlegiant.report.explanations import fmt

ODD = """\
name: 嘉兴瑞丰传感器有限公司
industry: 工业
employees: 137
rd_staff: 23
tech_staff: 19
niche_years: 5
registered_in_china: 是
compliance: {abnormal_operation: 否, serious_dishonesty: 否, prohibited_products: 否, major_incident: 否, tax_violation: 否, data_fabrication: 否}
financials:
  2025: {revenue: 4321, main_revenue: 3977, rd_expense: 187, net_profit: 301, total_assets: 5230, total_liabilities: 3011, total_costs: 3890}
  2024: {revenue: 3870, main_revenue: 3640, rd_expense: 162}
  2023: {revenue: 3502, main_revenue: 3311}
equity_financing: {2025: 0, 2024: 0, 2023: 0}
ip: {class1: 2, class1_self_developed: 2, class1_high_value: 0, class1_applied: 1, class1_top3_holder: 1, class2: 7}
rd_institution: city
digital_level: 2
quality: {provincial_award: 否, iso9001: 是, own_brand: 是, standards: 否}
certification: {management_system: 是, developed_market_product: 否}
info_system_core_business: 是
market: {domestic_share: 6.5, domestic_rank: 5, leading: 是}
strategic_emerging_industry: 否
field: {chain_role: 否, foundation: 是, priority_domain: 是}
awards: {national_rank: 0, national_5y_rank: 0, provincial_rank: 0, maker_china: none, led_standard_5y: 否}
honors: {high_tech_enterprise: 否, tech_innovation_demo: 否, ip_advantage: 否}
titles: {innovative_sme: 是, tech_sme: 否, zjtx_sme: 否, little_giant: 否}
platform_score: 55
characteristic_score: 7
exclusions: {single_champion: 否, related_to_little_giant: 否}
"""

DEBT = ("--set", "financials.2025.total_liabilities=2876.51")  # ÷ 5,230 = 55.0002%: past ≤55% (10分), 5分
RD = ("--set", "financials.2025.revenue=10001", "--set", "financials.2025.rd_expense=300")  # 2.9997%: under 3%


@pytest.fixture()
def odd(tmp_path: Path) -> str:
    path = tmp_path / "odd.yaml"
    path.write_text(ODD, encoding="utf-8")
    return str(path)


def test_explain_of_a_debt_ratio_just_past_55_percent_does_not_show_55(odd: str) -> None:
    zh = cli("assess", odd, "--as-of", "2026-11-26", *DEBT, "--lang", "zh", "--explain", "上年度资产负债率", columns=80)
    assert "计算结果：55.0002%（2,876.51 ÷ 5,230）：得 5/10 分" in zh, zh
    en = cli("assess", odd, "--as-of", "2026-11-26", *DEBT, "--lang", "en", "--explain", "上年度资产负债率", columns=80)
    assert "55.0002% (2,876.51 ÷ 5,230): 5 of 10 points" in " ".join(en.split()), en


def test_explain_of_an_rd_share_just_under_3_percent_does_not_show_3(odd: str) -> None:
    zh = cli("assess", odd, "--as-of", "2026-11-26", *RD, "--lang", "zh", "--explain", "上年度研发费用总额占营业收入总额比重",
             columns=80)
    assert "2.9997%（300 ÷ 10,001）：得 10/20 分" in zh, zh


@pytest.mark.parametrize("fmt_", ["text", "markdown", "html"])
def test_every_report_shows_the_points_rows_figure_off_the_band_edge(odd: str, fmt_: str) -> None:
    out = cli("assess", odd, "--as-of", "2026-11-26", *DEBT, *RD, "--lang", "zh", "--detail", "--format", fmt_,
              columns=2000)
    assert "55.0002%：得 5/10 分" in out and "2.9997%：得 10/20 分" in out
    assert "55%：得 5/10 分" not in out and "3%：得 10/20 分" not in out


def test_a_json_explanation_shows_the_points_rows_figure_off_the_band_edge(odd: str) -> None:
    for lang, said in (("zh", "55.0002%：得 5/10 分"), ("en", "55.0002%: 5 of 10 points")):
        doc = json.loads(cli("assess", odd, "--as-of", "2026-11-26", *DEBT, "--lang", lang, "--format", "json"))
        told = [c["explanation"] for t in doc["tiers"].values() for c in t["criteria"] if c["id"].endswith("debt_ratio")
                and c["kind"] == "points"]
        assert told and all(e == said for e in told), told


def test_a_score_just_under_60_is_not_written_60(odd: str) -> None:
    """2022's 专精特新 score with a province's 5.996 characteristic points: 59.996, not met, read 「得分 60，
    要求不低于60分：不满足」 in the trace and 「不满足（得分 60）」 in the answer."""
    out = cli("assess", odd, "--as-of", "2026-03-01", "--set", "characteristic_score=5.996", "--lang", "zh",
              "--detail", columns=2000)
    assert "专精特新中小企业：不满足（得分 59.996）" in out
    assert "得分 59.996，要求不低于60分：不满足" in out
    assert "评分达到60分以上（现为59.996分）" in out
    assert "得分 60" not in out


_EDGES = st.lists(st.decimals(min_value=-1000, max_value=1000, places=2, allow_nan=False, allow_infinity=False),
                  min_size=1, max_size=5, unique=True)
_OFF = st.decimals(min_value=Decimal("-0.02"), max_value=Decimal("0.02"), places=8, allow_nan=False,
                   allow_infinity=False)


@given(edges=_EDGES, at=st.integers(min_value=0, max_value=4), off=_OFF)
def test_a_figure_never_reads_as_on_or_across_a_band_edge_it_misses(edges: list[Decimal], at: int,
                                                                     off: Decimal) -> None:
    v = edges[at % len(edges)] + off  # a figure near one of the edges, as a ratio near 55% is
    shown = Decimal(fmt(v, tuple(sorted(edges))))
    for e in edges:
        assert (shown < e) == (v < e) and (shown > e) == (v > e), (v, e, shown)


@pytest.mark.parametrize(("lang", "said"), [("zh", "“上市进展（已上市，或已进入上市辅导、申报阶段）”为“是”：3分"),
                                            ("en", "yes to “Listing progress (listed, or in listing tutoring or application)”: 3")])
def test_explain_of_a_yes_no_band_without_words_names_the_answer_that_scores(lang: str, said: str) -> None:
    """--explain of Shandong's 上市进展 listed 「其他：3分」 then 「其他：0分」, as if any answer earned the
    3 points (the rule-author review): the band is said by the question it reads, as `rules show` says it."""
    out = cli("assess", str(Path(__file__).resolve().parent.parent / "examples" / "little-giant-2022.yaml"),
              "--rules", "shandong-2022", "--as-of", "2026-03-01", "--lang", lang, "--explain", "zjtx.points.sd_listing",
              columns=200)
    assert said in out and ("其他：3分" not in out if lang == "zh" else "other: 3" not in out)
