"""Which route of an any-of a plan takes: the one nearest for the company, not the first the rule
data lists nor a choice counted as one step however many levels it climbs."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
import yaml
from tests.conftest import EXAMPLES
from tests.test_plan_years import STARTUP, plan_block
from tests.test_reports import cli, squash

ZJTX_HEAD = "专精特新中小企业：最早2029年申报"  # 2028 only if 2026's R&D 30 → 100万 in December
PATENT = "与主导产品相关的有效Ⅰ类知识产权：0 → 1项（+1）；实际应用并已产生经济效益的Ⅰ类知识产权：0 → 1项（+1）"


@pytest.mark.parametrize("institution", ["none", "below_city"])
def test_a_company_without_a_patent_is_asked_for_one_applied_patent_not_a_provincial_institution(
        institution: str) -> None:
    """A micro start-up with no Ⅰ类 patent and no recognised R&D institution was told 研发机构 从「无」
    提升到「省级」: three accreditations up counted as one step. One applied Ⅰ类 patent (the patent and
    its being applied, said as one step, the whole first) is nearer; from below city level the two
    weigh the same and the rule's order (the patent first) decides."""
    out = cli("assess", STARTUP, "--lang", "zh", "--as-of", "2026-12-02", "--set", f"rd_institution={institution}",
              columns=80)
    block = plan_block(out, ZJTX_HEAD)
    assert "已验证" in block
    assert squash(PATENT) in block
    assert "研发机构" not in block


def test_a_city_level_institution_one_level_short_still_leaves_the_patent_to_the_company() -> None:
    """With a city-level institution, provincial recognition is one level up and one action, as the applied
    patent is: between routes of as many actions, the figures the company moves itself come before a
    recognition an authority grants (``gaps.nearest``)."""
    out = cli("assess", STARTUP, "--lang", "zh", "--as-of", "2026-12-02", "--set", "rd_institution=city", columns=80)
    block = plan_block(out, ZJTX_HEAD)
    assert squash(PATENT) in block
    assert "提升到「省级" not in block


# 科技型 by its score: 49 of 500 staff are 科技人员 (9.8%: 0 points, and the 科技人员 score must not be 0),
# R&D 5% of revenue (40), three Ⅱ类 IP (18): 58 points, one hire short of 62 (a consultant's case)
TECH_49 = """\
name: 科技人员差1人
industry: industrial
employees: 500
rd_staff: 40
tech_staff: 49
niche_years: 4
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
    revenue: 20000
    main_revenue: 15000
    rd_expense: 1000
    net_profit: 100
    total_assets: 20000
    total_liabilities: 16000
    total_costs: 19000
  2024:
    revenue: 21000
    main_revenue: 16000
    rd_expense: 900
  2023:
    revenue: 20000
    main_revenue: 15500
equity_financing:
  2025: 0
  2024: 0
  2023: 0
ip:
  class1: 0
  class1_self_developed: 0
  class1_high_value: 0
  class1_applied: 0
  class1_top3_holder: 0
  class2: 3
rd_institution: none
digital_level: 2
quality:
  provincial_award: false
  iso9001: false
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
  chain_role: false
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
  innovative_sme: false
  tech_sme: false
  zjtx_sme: false
  little_giant: false
platform_score: null
characteristic_score: 0
exclusions:
  single_champion: false
  related_to_little_giant: false
"""
TIER1_HEAD = "科技和创新型中小企业：以下各项全部做到后可达到"


def _tier1_steps(tmp_path: Path, *sets: str) -> str:
    path = tmp_path / "tech49.yaml"
    path.write_text(TECH_49, encoding="utf-8")
    args = [a for s in sets for a in ("--set", s)]
    out = cli("assess", str(path), "--lang", "zh", "--as-of", "2026-04-01", *args, columns=80)
    return plan_block(out, TIER1_HEAD)


def test_one_hire_that_meets_the_score_and_its_staff_condition_is_one_step_before_a_certification(
        tmp_path: Path) -> None:
    """科技人员 49 → 50 meets both the score of 60 and the 科技人员 score above 0: counted as two steps (one per
    criterion), it lost to one 取得高新技术企业认定, and a company one hire short was sent for a certification."""
    block = _tier1_steps(tmp_path)
    assert "已验证" in block and "结果为「满足」" in block
    assert squash("1. 科技人员人数：49 → 50人（+1）") in block
    assert "高新技术企业" not in block and "2." not in block


def test_a_step_another_step_of_the_same_route_already_meets_is_not_asked(tmp_path: Path) -> None:
    """With 10 科技人员 of 500, the score (58) was mended alone by a fourth Ⅱ类 patent and the 科技人员 score
    above 0 by 40 more 科技人员, whose 4 points lift the score over 60 anyway: two actions, and 取得高新技术
    企业认定 won as one. The hire alone is the route now, a figure before the certification."""
    block = _tier1_steps(tmp_path, "tech_staff=10")
    assert squash("1. 科技人员人数：10 → 50人（+40）") in block
    assert "高新技术企业" not in block and "Ⅱ类" not in block and "2." not in block


def test_a_certification_that_is_fewer_actions_than_the_figures_still_leads(tmp_path: Path) -> None:
    """The other side of the rule: with no Ⅱ类 IP left and R&D at 1.5% of revenue, the score needs two
    figures (科技人员 and R&D or IP); one certification is fewer actions and leads."""
    block = _tier1_steps(tmp_path, "ip.class2=0", "financials.2025.rd_expense=300")
    assert squash("1. 取得高新技术企业认定（有效期内）") in block and "科技人员人数" not in block


def test_a_part_and_its_whole_are_one_english_step_with_the_whole_first() -> None:
    """The part (class I IP applied and already earning) opened a step of its own, before the total it is part of."""
    out = cli("assess", STARTUP, "--lang", "en", "--as-of", "2026-12-02", columns=200)
    assert squash("Valid class I IP related to the main product: 0 → 1 item (+1); Class I IP applied and already "
                  "earning: 0 → 1 item (+1)") in squash(out)


def test_a_title_below_left_blank_is_planned_as_not_held_and_says_so() -> None:
    """With 专精特新 left blank, the 小巨人 plan was dated 2027 under a 专精特新 plan dated 2028: two plans that
    cannot both hold. The title below is planned as not held (the tier no sooner than its round) and the
    step says the answer was not given and would change the plan."""
    out = cli("assess", str(EXAMPLES / "tier1-only.yaml"), "--lang", "zh", "--as-of", "2026-12-02",
              "--set", "titles.zjtx_sme=不知道", columns=80)
    block = plan_block(out, '专精特新"小巨人"企业：最早2028年申报')
    assert squash("须先取得「专精特新中小企业」称号，该称号最早2028年申报，本层级不能早于这一年") in block
    assert squash("先取得「专精特新中小企业」称号（按上面的计划最早2028年申报）。资料中未填是否已持有这一称号，"
                  "本计划按目前尚未持有安排；如已持有，请补填后重新评估") in block
    assert '专精特新"小巨人"企业：最早2027年' not in squash(out)
    held = cli("assess", str(EXAMPLES / "tier1-only.yaml"), "--lang", "zh", "--as-of", "2026-12-02", columns=80)
    assert "资料中未填是否已持有" not in held  # answered 否: planned as not held, with nothing to say


BLANK_AWARD = """\
name: 苏州恒锐精密机械有限公司
industry: 工业
employees: 186
rd_staff: 32
niche_years: 6
registered_in_china: 是
compliance: {abnormal_operation: 否, serious_dishonesty: 否, prohibited_products: 否, major_incident: 否,
             tax_violation: 否, data_fabrication: 否}
financials:
  2025: {revenue: 6850, main_revenue: 6120, rd_expense: 295, net_profit: 510, total_assets: 8200, total_liabilities: 3900}
  2024: {revenue: 5820, main_revenue: 5300, rd_expense: 240}
  2023: {revenue: 4900}
ip: {class1: 3, class1_self_developed: 3, class1_applied: 2, class2: 14}
rd_institution: 市级
market: {domestic_share: 5}
honors: {high_tech_enterprise: 是}
titles: {innovative_sme: 是, zjtx_sme: 是}
platform_score: 72
"""
"""小巨人 holds with 4 Ⅰ类 IP (top-3 holder) or a national award ranked top 3: 3 patents held, the award left blank."""
LG_HEAD = '专精特新"小巨人"企业：最早2028年申报'  # 2027 only if 2026's R&D 295 → 905万 in December
IF_NO_AWARD = ("如「豁免：近三年获得国家级科学技术奖励（获奖单位排名前三）」不能满足，则还须：与主导产品相关的有效Ⅰ类知识产权：3 → 4项（+1）")


def test_a_route_a_blank_answer_leaves_open_is_planned_should_the_answer_fail(tmp_path: Path) -> None:
    """With the national award's rank blank, the plan asked for it after its steps and said nothing of the
    fourth Ⅰ类 patent a company without the award needs (patents take years: the 2027 date misled). The
    step is now said on that condition, after the question, which the plan still asks; answered 0 the
    patent is a step of the plan itself, answered 1 there is none; in English and in the JSON plan too."""
    path = tmp_path / "co.yaml"
    path.write_text(BLANK_AWARD, encoding="utf-8")
    block = plan_block(cli("assess", str(path), "--lang", "zh", "--as-of", "2026-12-03", columns=80), LG_HEAD)
    asked = block.index(squash("仍需回答：近三年国家级科技奖励获奖单位排名"))
    assert block.index(squash(IF_NO_AWARD)) > asked
    # a blank the company could still change (its international share, its rank) settles nothing: no step on it
    assert "如「国际细分市场占有率" not in block
    none = plan_block(cli("assess", str(path), "--lang", "zh", "--as-of", "2026-12-03", "--set", "awards.national_rank=0",
                          columns=80), LG_HEAD)
    assert squash("与主导产品相关的有效Ⅰ类知识产权：3 → 4项") in none and "如「豁免" not in none
    won = cli("assess", str(path), "--lang", "zh", "--as-of", "2026-12-03", "--set", "awards.national_rank=1", columns=80)
    assert "Ⅰ类知识产权：3 → 4项" not in squash(won) and "如「豁免" not in squash(won)
    en = squash(cli("assess", str(path), "--lang", "en", "--as-of", "2026-12-03", columns=120))
    assert squash('If "Exemption: national S&T award in 3 years, ranked top 3" does not hold, also: Valid class I IP '
                  "related to the main product: 3 → 4 items (+1)") in en
    doc = json.loads(cli("assess", str(path), "--as-of", "2026-12-03", "--format", "json"))
    plan = doc["plans"]["little_giant"]
    assert plan["checked"] == "unknown" and "awards.national_rank" in plan["missing"]
    ip = next(o for o in plan["otherwise"] if o["group"] == "lg26.ip")
    assert ip["unless"] == ["lg26.ip.exempt_award"]
    # 4 held as a top-3 right holder are 4 self-developed and 4 applied too (CONTRACT §2): raised with it
    assert {m["path"]: m["after"] for m in ip["moves"]} == {"ip.class1": 4, "ip.class1_top3_holder": 4,
                                                          "ip.class1_self_developed": 4, "ip.class1_applied": 4}
    assert all(m["path"] not in ("ip.class1", "ip.class1_top3_holder") for m in plan["moves"])  # not the plan's own
    # a batch's next step counts the steps to take, not those said on a condition
    src, out = tmp_path / "co.jsonl", tmp_path / "out.csv"
    src.write_text(json.dumps(yaml.safe_load(BLANK_AWARD), ensure_ascii=False) + "\n", encoding="utf-8")
    assert cli("batch", str(src), "-o", str(out), "--advice", "--lang", "zh", "--as-of", "2026-12-03", "-q") == ""
    cell = next(csv.DictReader(out.open(encoding="utf-8-sig")))["下一步"]
    # (the 4 steps and 2026's R&D to keep at 2025's 295万, which 2027's 905万 leaves exactly enough)
    assert cell.endswith("；另有5项，全部做到后仍需补充数据才能判定"), cell


def test_a_plan_of_answers_only_says_the_route_beside_the_blank_too() -> None:
    """A 小巨人 that needs only the award's rank to decide it (3 Ⅰ类 IP held, 4 asked) lists that question
    and nothing else: the fourth patent was only in the JSON. It is said beside the question."""
    out = cli("assess", str(EXAMPLES / "little-giant-2026.yaml"), "--lang", "zh", "--as-of", "2026-11-26",
              "--set", "ip.class1=3", "--set", "ip.class1_self_developed=3", "--set", "ip.class1_applied=3",
              "--set", "ip.class1_top3_holder=3", "--set", "awards.national_rank=不知道", columns=80)
    block = plan_block(out, '专精特新"小巨人"企业：先回答以下问题才能判定')
    assert squash(IF_NO_AWARD + "；自主研发、已应用并产生效益、本企业为前三位权利人的Ⅰ类知识产权：3 → 4项（+1）") in block
    assert squash("1. 近三年国家级科技奖励获奖单位排名计划中") in block  # the question, without the fill-in note


def test_a_blank_answer_that_alone_can_meet_a_group_this_round_is_said_so() -> None:
    """Under 2022, with the 2024 R&D share at 1.9% (a closed year) and the national award's rank blank, no
    change meets 小巨人's innovation group by its general route: the rank decides the round, and the plan
    asked it without saying so."""
    out = cli("assess", str(EXAMPLES / "little-giant-2022.yaml"), "--lang", "zh", "--as-of", "2026-03-01",
              "--set", "financials.2024.rd_expense=200", "--set", "awards.national_rank=不知道", columns=80)
    block = plan_block(out, '专精特新"小巨人"企业：先回答以下问题才能判定')
    assert squash("如「直通条件（满足其一）」不能满足，则「创新能力（满足一般性条件或直通条件）」本轮无法满足："
                  "其他途径无法通过调整数据做到") in block


def test_a_rank_of_none_is_moved_into_the_places_asked_not_raised_by_one() -> None:
    """「主导产品国内细分市场排名（0为无排名）：0 → 1（+1）」 read as a rank to raise by one; the step says it
    moves from none into the places the criterion asks, in both languages (the --set argument unchanged).
    Both shares given and low, the rank is the nearest route of 小巨人's market group."""
    shares = ("--set", "market.international_share=1", "--set", "market.domestic_share=2")
    zh = cli("assess", STARTUP, "--lang", "zh", "--as-of", "2026-11-26", *shares, columns=80)
    assert squash("主导产品国内细分市场排名：从「无排名」进入第1–3名") in squash(zh) and "排名（0为无排名）：0→1" not in squash(zh)
    en = cli("assess", STARTUP, "--lang", "en", "--as-of", "2026-11-26", *shares, columns=200)
    assert "Domestic niche-market rank of the main product: from not ranked into places 1–3" in en
    doc = json.loads(cli("assess", STARTUP, "--as-of", "2026-11-26", "--format", "json", *shares))
    assert "market.domestic_rank=1" in [m["set"] for m in doc["plans"]["little_giant"]["moves"]]
    # a later round judged by another rule set (2022 in March, the 2028 round by 2026's): its criterion's places
    later = cli("assess", STARTUP, "--lang", "zh", "--as-of", "2026-03-01", *shares, columns=80)
    assert "排名（0为无排名）：0→1" not in squash(later)
