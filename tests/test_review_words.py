"""What a consultant's review of `assess` reports found (December 2026), as a finance manager reads them:
a 差在 count the detail below bears out, a verdict that says which route met it, and a trace that speaks
the rule's own words."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from littlegiant.cli.app import app

AS_OF = "2026-12-05"

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
"""小巨人 just short on everything (a 2026 new application): its Ⅰ类 condition fails with its exemption."""

RENEWING = """\
name: 苏州华锐传感科技股份有限公司
industry: industrial
employees: 420
rd_staff: 95
tech_staff: 110
niche_years: 12
registered_in_china: true
compliance: {abnormal_operation: false, serious_dishonesty: false, prohibited_products: false, major_incident: false,
             tax_violation: false, data_fabrication: false}
financials:
  2025: {revenue: 15800, main_revenue: 14900, rd_expense: 980, net_profit: 1300, total_assets: 21000,
         total_liabilities: 9800, total_costs: 14000}
  2024: {revenue: 16200, main_revenue: 15300, rd_expense: 900}
  2023: {revenue: 15000, main_revenue: 14100, rd_expense: 820}
equity_financing: {2025: 0, 2024: 0, 2023: 0}
ip: {class1: 9, class1_self_developed: 8, class1_high_value: 1, class1_applied: 6, class1_top3_holder: 6, class2: 30}
rd_institution: provincial
digital_level: 3
quality: {provincial_award: false, iso9001: true, own_brand: true, standards: true}
certification: {management_system: true, developed_market_product: true}
info_system_core_business: true
market: {domestic_share: 14, international_share: null, domestic_rank: 3, leading: true}
strategic_emerging_industry: true
field: {chain_role: true, foundation: true, priority_domain: true}
awards: {national_rank: 0, national_5y_rank: 0, provincial_rank: 0, maker_china: none, led_standard_5y: true}
honors: {high_tech_enterprise: true, tech_innovation_demo: false, ip_advantage: false}
titles: {innovative_sme: true, tech_sme: true, zjtx_sme: true, little_giant: true}
platform_score: 66
characteristic_score: 9
exclusions: {single_champion: false, related_to_little_giant: false}
"""
"""A 小巨人 renewing in 2026 (judged by the 2022 measures that round): its 创新型 score is 80, but 成长性 10
of the 15 asked fails the score's route; 高新技术企业 and a 省级 R&D institution meet it directly."""


def run(tmp_path: Path, text: str, *args: str, lang: str = "zh", fmt: str = "text") -> str:
    """``littlegiant assess`` on a profile written from ``text``, at 80 columns, as a user runs it."""
    src = tmp_path / "企业.yaml"
    src.write_text(text, encoding="utf-8")
    done = CliRunner().invoke(app, ["assess", str(src), "--as-of", AS_OF, "--lang", lang, "--format", fmt, *args],
                              env={"COLUMNS": "80", "NO_COLOR": "1"})
    assert done.exit_code == 0, done.output
    return done.stdout


def flat(text: str) -> str:
    """Markup and line breaks taken out: what a reader reads, as one run of text."""
    return re.sub(r"\s+", "", html.unescape(re.sub(r"<[^>]+>|\*\*", "", text)))


def top_rows(trace: str) -> list[str]:
    """The status of each top row of one tier's detail table (its own conditions, not their parts)."""
    return [m.group(1) for m in re.finditer(r"^(✘ 不满足|\? 未知|✔ 满足|◔ 待审核) +(?![·-] )\S", trace, re.M)]


def test_the_count_after_the_named_gaps_is_the_detail_rows_left(tmp_path: Path) -> None:
    """「差在：营业收入…；主营业务收入占比…；另7项」 named two of 小巨人's gaps and counted seven more, where the
    detail below marks 7 rows ✘ and 1 ?: the Ⅰ类 route and its exemption (或豁免：…) were counted as two. The
    count is of the tier's own conditions the detail marks, less those named."""
    out = run(tmp_path, NEAR_MISS, "--detail")
    trace = out.split('逐条明细 · 专精特新"小巨人"企业', 1)[1]
    rows = top_rows(trace)
    assert (rows.count("✘ 不满足"), rows.count("? 未知")) == (7, 1)
    said = flat(out.split("结论", 1)[1].split("行动计划", 1)[0])
    assert ('专精特新"小巨人"企业——差在：上年度营业收入不低于5000万元（现为4,980万元）；上年度主营业务收入占营业收入'
            "比重不低于90%（现为89.76%）；另5项") in said  # the ✘ rows: a ? row is counted in no tier
    en = flat(run(tmp_path, NEAR_MISS, lang="en").split("The answer", 1)[1].split("The plan", 1)[0])
    assert "(now89.76%);5more" in en


MICRO_STARTUP = """\
name: 极光智算科技（深圳）有限公司
industry: software_it
employees: 6
rd_staff: 4
tech_staff: 5
niche_years: 1
registered_in_china: true
compliance: {abnormal_operation: false, serious_dishonesty: false, prohibited_products: false, major_incident: false,
             tax_violation: false, data_fabrication: false}
financials:
  2025: {revenue: 40, main_revenue: 18, rd_expense: 30, net_profit: -20, total_assets: 60, total_liabilities: 20,
         total_costs: 70}
  2024: {revenue: 10, main_revenue: 10, rd_expense: 15}
equity_financing: {2025: 100, 2024: 0, 2023: 0}
ip: {class1: 0, class1_self_developed: 0, class1_high_value: 0, class1_applied: 0, class1_top3_holder: 0, class2: 2}
rd_institution: none
digital_level: 1
quality: {provincial_award: false, iso9001: false, own_brand: true, standards: false}
certification: {management_system: false, developed_market_product: false}
info_system_core_business: true
market: {domestic_share: 0.1, domestic_rank: 0, leading: false}
strategic_emerging_industry: false
field: {chain_role: false, foundation: false, priority_domain: false}
awards: {national_rank: 0, national_5y_rank: 0, provincial_rank: 0, maker_china: none, led_standard_5y: false}
honors: {high_tech_enterprise: false, tech_innovation_demo: false, ip_advantage: false}
titles: {innovative_sme: false, tech_sme: false, zjtx_sme: false, little_giant: false}
exclusions: {single_champion: false, related_to_little_giant: false}
"""
"""The first case of rules/miit-2026.tests.yaml: a six-person start-up, far from 专精特新 and 小巨人."""


def test_every_tier_counts_the_same_rows_after_the_named_gaps(tmp_path: Path) -> None:
    """A micro start-up's 小巨人 read 「差在：…；…；另7项」, 9 in all, beside 8 ✘ rows and 3 ? in the detail: a
    market-share choice still open (? ) was counted for its failing route, two other ? rows were not, and
    专精特新 beside it counted its ✘ rows alone. Every tier's count is of its ✘ rows not named."""
    out = run(tmp_path, MICRO_STARTUP, "--detail")
    said = flat(out.split("结论", 1)[1].split("行动计划", 1)[0])
    for title, ahead in (("专精特新中小企业", '逐条明细 · 专精特新"小巨人"企业'), ('专精特新"小巨人"企业', None)):
        trace = out.split(f"逐条明细 · {title}", 1)[1]
        rows = top_rows(trace.split(ahead, 1)[0] if ahead else trace)
        gap = said.split(f"{title}——差在：", 1)[1]
        more = int(re.match(r"[^；]+；[^；]+；另(\d+)项", gap).group(1))  # type: ignore[union-attr]
        assert more + 2 == rows.count("✘ 不满足"), (title, rows)
    assert rows.count("? 未知") == 3
    assert '专精特新"小巨人"企业——差在：持有有效期内的专精特新中小企业称号；截至上年末从事特定细分市场时间达到3年以上' \
           "（现为1年）；另6项" in said


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_a_tier_met_by_a_direct_path_names_it_not_a_score_its_route_failed(tmp_path: Path, fmt: str) -> None:
    """「创新型中小企业：满足（得分 80）」 where 成长性 10 of 15 failed the score's route: the tier is met by
    高新技术企业 (and its 省级 R&D institution), as the detail's 「满足其一即可：2/4 项满足」 shows. The verdict
    names the path that met it and the count, and no score; 专精特新, met by its score, keeps it."""
    out = flat(run(tmp_path, RENEWING, "--renewal", "little_giant", fmt=fmt))
    answer = out.split("结论", 1)[1][:200]
    assert "创新型中小企业：满足（经直通条件：有效期内的高新技术企业等2项）" in answer or (
        fmt == "html" and "创新型中小企业（经直通条件：有效期内的高新技术企业等2项）" in answer), answer
    assert "得分80" not in answer
    assert "专精特新中小企业：满足（得分82）" in answer or "专精特新中小企业（得分82）" in answer


def test_a_2022_tier_2_under_its_score_met_by_a_direct_path_names_that_path(tmp_path: Path) -> None:
    """The 2022 专精特新 tier: a score short of 60 but 近两年研发费用均值 over 1000万 meets it; the verdict says
    so, in zh and en, where 「满足（得分 55）」 would read as if 55 sufficed."""
    text = RENEWING.replace("digital_level: 3", "digital_level: 1").replace("characteristic_score: 9",
                                                                             "characteristic_score: 0")
    text = text.replace("rd_staff: 95", "rd_staff: 10").replace("net_profit: 1300", "net_profit: 100")
    text = text.replace("rd_expense: 980", "rd_expense: 1200").replace("rd_expense: 900", "rd_expense: 1100")
    text = text.replace("2025: {revenue: 15800, main_revenue: 14900", "2025: {revenue: 15800, main_revenue: 14200")
    text = text.replace("quality: {provincial_award: false, iso9001: true, own_brand: true, standards: true}",
                        "quality: {provincial_award: false, iso9001: false, own_brand: false, standards: false}")
    zh = flat(run(tmp_path, text, "--renewal", "little_giant"))
    assert "专精特新中小企业：满足（经直通条件：近两年研发费用总额均值在1000万元以上）" in zh, zh[:300]
    trace = run(tmp_path, text, "--renewal", "little_giant", "--detail").split("逐条明细 · 专精特新中小企业", 1)[1]
    assert re.search(r"✘ 不满足 · 评分达到60分以上", trace)  # the score's own row fails
    en = flat(run(tmp_path, text, "--renewal", "little_giant", lang="en"))
    assert "met(byadirectpath:averageR&Dexpenseover2yearsatleast10millionCNY)" in en


def test_the_2026_tier_1_shows_no_score_beside_its_verdict(tmp_path: Path) -> None:
    """Under the 2026 rules tier 1 has no score of its own (it is met by the 创新型 or the 科技型 route, each
    scored apart): its verdict carries neither a score nor a path."""
    out = flat(run(tmp_path, NEAR_MISS))
    assert "✔科技和创新型中小企业：满足◔专精特新中小企业" in out.split("结论", 1)[1]


def test_the_2022_award_rows_say_the_level_their_titles_say(tmp_path: Path) -> None:
    """「近三年内获得过国家级、省级科技奖励」 (2022) was explained as 「…近三年省部级科技奖励获奖单位排名…」, the
    profile field's label: the 2022 text says 省级. Its rows (tier 1's direct path, tier 2's 省级 top-3
    path) say the title's word, in zh and en; the 2026 exemption, whose title says 省部级, keeps it, and so
    does the 2022 tier-1 route the 2026 rules take over, which says 省级."""
    old = flat(run(tmp_path, RENEWING, "--renewal", "little_giant", fmt="markdown").split("逐条明细", 1)[1])
    assert "近三年国家级科技奖励获奖单位排名「未获奖」，近三年省级科技奖励获奖单位排名「未获奖」：不满足" in old
    assert "近三年省级科技奖励获奖单位排名「未获奖」，近三年国家级科技奖励获奖单位排名「未获奖」：不满足" in old
    assert "省部级科技奖励" not in old
    en = flat(run(tmp_path, RENEWING, "--renewal", "little_giant", lang="en", fmt="markdown"))
    assert "RankamongwinningunitsofaprovincialS&Tawardinthelast3years—noaward" in en
    assert "provincialorministerialS&Taward" not in en.split("##Appendix", 1)[0]
    new = flat(run(tmp_path, NEAR_MISS, fmt="markdown").split("逐条明细", 1)[1])
    assert "近三年国家级科技奖励获奖单位排名「未获奖」，近三年省级科技奖励获奖单位排名「未获奖」：不满足" in new
    assert "近三年省部级科技奖励获奖单位排名「未获奖」，近三年国家级科技奖励获奖单位排名「未获奖」：不满足" in new


def test_a_renewal_run_hints_the_other_titles_renewal_in_place_of_its_own(tmp_path: Path) -> None:
    """A 小巨人 renewal also holding 专精特新: the verdict block says in words that that title's renewal is judged
    apart; the hint below the report says to run with --renewal 专精特新中小企业 in place of this run's
    --renewal (one renewal a run), not to add a second."""
    out = run(tmp_path, RENEWING, "--renewal", "little_giant")
    answer = out.split("结论", 1)[1].split("行动计划", 1)[0]
    assert "--renewal" not in answer and "称号复核须按复核条件另行评估" in flat(answer)
    assert "想按复核条件评估已持有的「专精特新中小企业」称号：把命令中的--renewal改为--renewal专精特新中小企业再运行一次。" \
        in flat(out.split("评估依据", 1)[1])


SCORE_60 = """\
name: C12 专精特新2022恰好60分
industry: industrial
employees: 50
rd_staff: 5
tech_staff: 6
niche_years: 2
registered_in_china: true
compliance:
  abnormal_operation: false
  serious_dishonesty: false
  prohibited_products: false
  major_incident: false
  tax_violation: false
  data_fabrication: false
financials:
  2025:
    revenue: 1000
    main_revenue: 800
    rd_expense: 100
    net_profit: 20
    total_assets: 1000
    total_liabilities: 600
    total_costs: 950
  2024:
    revenue: 1000
    main_revenue: 800
    rd_expense: 90
  2023:
    revenue: 1000
    main_revenue: 800
equity_financing:
  2025: 0
  2024: 0
  2023: 0
ip:
  class1: 1
  class1_self_developed: 1
  class1_high_value: 0
  class1_applied: 1
  class1_top3_holder: 1
  class2: 0
rd_institution: city
digital_level: 2
quality:
  provincial_award: false
  iso9001: true
  own_brand: false
  standards: false
certification:
  management_system: false
  developed_market_product: false
info_system_core_business: false
market:
  domestic_share: null
  international_share: null
  domestic_rank: null
  leading: false
strategic_emerging_industry: false
field:
  chain_role: true
  foundation: false
  priority_domain: false
awards:
  national_rank: 0
  national_5y_rank: 0
  provincial_rank: 0
  maker_china: none
  led_standard_5y: false
honors:
  high_tech_enterprise: false
  tech_innovation_demo: false
  ip_advantage: false
titles:
  innovative_sme: true
  tech_sme: false
  zjtx_sme: false
  little_giant: false
platform_score: null
characteristic_score: 11
exclusions:
  single_champion: false
  related_to_little_giant: false
"""
"""A consultant's case: 2022 专精特新 at exactly 60 points, 5 of them for 补短板 (indicator 4), self-assessed."""


def _assess_2022(tmp_path: Path, *args: str, lang: str = "zh") -> str:
    src = tmp_path / "score60.yaml"
    src.write_text(SCORE_60, encoding="utf-8")
    done = CliRunner().invoke(app, ["assess", str(src), "--as-of", "2026-03-31", "--lang", lang, *args],
                              env={"COLUMNS": "80", "NO_COLOR": "1"})
    assert done.exit_code == 0, done.output
    return done.stdout


def test_a_pass_resting_on_self_assessed_points_says_so_and_lists_their_evidence(tmp_path: Path) -> None:
    """「◔ 专精特新中小企业：待审核（得分 60）」 had no reason line, its plan step read 「评分达到60分以上」 alone,
    and no document for the 补短板 claim its 5 points rest on (criteria.md §9): a consultant read a pass the
    authority may take away. The summary and the step name the points and the score without them; the
    step and the list of documents name the evidence for the claim."""
    out = flat(_assess_2022(tmp_path))
    assert flat("专精特新中小企业——待认定机关审核：得分60分中，「主导产品所属领域情况」的5分（在产业链供应链关键环节"
                "补短板、锻长板、填空白取得实际成效）按自评计入，不计这5分为55分，低于60分") in out
    assert flat("1. 评分达到60分以上：得分60分中，「主导产品所属领域情况」的5分") in out
    assert flat("低于60分；材料：配套关系证明（主要客户、采购合同）、替代进口或首台套证明") in out
    materials = out[out.index("需准备的材料"):out.index("依据说明")]
    assert flat("主导产品所属领域情况：配套关系证明（主要客户、采购合同）、替代进口或首台套证明") in materials
    en = flat(_assess_2022(tmp_path, lang="en"))
    assert flat("of the score of 60, the 5 points for \"Field of the main product\" (key-link supply-chain role with "
                "real results) are self-assessed; without them it is 55, under 60") in en


def test_points_the_figures_decide_ask_no_review_nor_its_evidence(tmp_path: Path) -> None:
    """The other side: with 补短板 answered no and 工业"六基" yes, indicator 4 scores 3 points on a fact, the score
    of 58 fails and nothing is said to await review, nor the 补短板 evidence asked for."""
    out = flat(_assess_2022(tmp_path, "--set", "field.chain_role=false", "--set", "field.foundation=true"))
    assert "按自评计入" not in out and "配套关系证明" not in out
    assert flat("专精特新中小企业——差在：评分达到60分以上（现为58分）") in out
