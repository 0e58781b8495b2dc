"""A plan that waits for a later round is checked by the rules that will judge that round."""

from __future__ import annotations

import json
import re
from pathlib import Path

from typer.testing import CliRunner

from littlegiant.cli.app import app
from test_client_words import LG22

runner = CliRunner()
PROFILE = LG22
"""二二边界有限公司 of the report-words tests: a little giant under the 2022 measures but for its debt ratio."""
CLOSED_DEBT = ("--set", "financials.2025.total_liabilities=7500")
"""Its 2025 debt ratio at 75%: over 2022's 70% (a closed year), within 2026's 75%."""

ROUND_2025 = """\
name: 二四边界有限公司
industry: industrial
employees: 200
rd_staff: 110
tech_staff: 120
niche_years: 4
registered_in_china: true
compliance: {abnormal_operation: false, serious_dishonesty: false, prohibited_products: false, major_incident: false,
             tax_violation: false, data_fabrication: false}
financials:
  2023: {revenue: 4000, main_revenue: 3600, rd_expense: 1600, net_profit: 300, total_assets: 10000,
         total_liabilities: 7500, total_costs: 3500}
  2022: {revenue: 3800, main_revenue: 3400, rd_expense: 1500}
  2021: {revenue: 3500, main_revenue: 3100}
equity_financing: {2023: 5000, 2022: 4000, 2021: 0}
ip: {class1: 3, class1_self_developed: 3, class1_high_value: 0, class1_applied: 3, class1_top3_holder: 3, class2: 3}
rd_institution: city
digital_level: 2
quality: {provincial_award: false, iso9001: true, own_brand: true, standards: false}
certification: {management_system: true, developed_market_product: false}
info_system_core_business: true
market: {domestic_share: 12, international_share: null, domestic_rank: 2, leading: true}
strategic_emerging_industry: true
field: {chain_role: true, foundation: false, priority_domain: true}
awards: {national_rank: 0, national_5y_rank: 0, provincial_rank: 0, maker_china: none, led_standard_5y: false}
honors: {high_tech_enterprise: true, tech_innovation_demo: false, ip_advantage: false}
titles: {innovative_sme: true, tech_sme: false, zjtx_sme: true, little_giant: false}
platform_score: 60
characteristic_score: 5
exclusions: {single_champion: false, related_to_little_giant: false}
"""


def assess_json(*args: str) -> dict:
    """``assess --format json``, read back."""
    result = runner.invoke(app, ["assess", *args, "--format", "json"], env={"LANG": "en_US.UTF-8"})
    assert result.exit_code in (0, 1), result.stderr
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def test_a_plan_for_next_years_round_is_checked_by_next_years_rules_and_doing_it_gives_its_verdict(
        tmp_path: Path) -> None:
    """Assessed in March 2026 (the 2022 measures), 小巨人's 2025 debt ratio is closed: the plan for the
    2027 round is made and checked under the 2026 measures that will judge it, and a company that does
    what it says (its moves and the premises it states) gets, assessed in March 2027, the promised verdict."""
    path = tmp_path / "co.yaml"
    path.write_text(PROFILE, encoding="utf-8")
    now = assess_json(str(path), "--as-of", "2026-03-15", *CLOSED_DEBT)
    assert now["rules"]["id"] == "miit-2022"
    plan = now["plans"]["little_giant"]
    assert (plan["as_of"], plan["rules"], plan["checked"]) == ("2027-03-15", "miit-2026", "manual_review")
    assert "under the rules then in force: Measures for Cultivating Quality SMEs (2026)" in plan["text"][0]
    done = [f"{p}={v}" for p, v in plan["assumed"].items()] + [m["set"] for m in plan["moves"]]
    later = assess_json(str(path), "--as-of", "2027-03-15", *CLOSED_DEBT, *[a for s in done for a in ("--set", s)])
    assert later["rules"]["id"] == "miit-2026"
    assert later["tiers"]["little_giant"]["status"] == plan["checked"]


def test_a_rule_set_the_user_forces_judges_every_round_of_the_plan(tmp_path: Path) -> None:
    """With --rules the calendar is not asked, for today's round or a later one."""
    path = tmp_path / "co.yaml"
    path.write_text(PROFILE, encoding="utf-8")
    plan = assess_json(str(path), "--as-of", "2026-03-15", "--rules", "miit-2022", *CLOSED_DEBT)["plans"]["little_giant"]
    assert (plan["as_of"], plan["rules"]) == ("2027-03-15", "miit-2022")
    assert "rules then in force" not in plan["text"][0]


def test_a_later_round_under_a_round_notice_is_checked_with_that_notice(tmp_path: Path) -> None:
    """Assessed in June 2024, a 小巨人 under 5000万 plans for the 2025 round, which the 2025 notice (190号,
    a round file of the 2022 set: the same set id) holds to 5000万: the plan raises 2024 revenue to it,
    and a company that does what it says is not refused in June 2025."""
    path = tmp_path / "co.yaml"
    path.write_text(ROUND_2025, encoding="utf-8")
    plan = assess_json(str(path), "--as-of", "2024-06-15")["plans"]["little_giant"]
    assert (plan["as_of"], plan["checked"]) == ("2025-06-15", "manual_review")
    assert "financials.2024.revenue=5000" in [m["set"] for m in plan["moves"]]
    done = [f"{p}={v}" for p, v in plan["assumed"].items()] + [m["set"] for m in plan["moves"]]
    later = assess_json(str(path), "--as-of", "2025-06-15", *[a for s in done for a in ("--set", s)])
    assert later["calendar"]["round"] == "工信厅企业函〔2025〕190号"
    assert later["tiers"]["little_giant"]["status"] == plan["checked"]


def test_a_later_rounds_plan_says_the_platform_score_must_be_that_years(tmp_path: Path) -> None:
    """本年度专精特新发展评价得分 is the platform's score of the year applied in: a plan for the 2028 round
    took this year's 75 as if it carried over. The plan says that round counts 2028's score, taking this
    year's as its estimate (a premise in the JSON), and a score it raises is said to be 2028's; a plan for
    this round says nothing of it."""
    from tests.conftest import EXAMPLES

    text = (EXAMPLES / "tier1-only.yaml").read_text(encoding="utf-8")
    assert "platform_score: 41\n" in text
    for score in (75, 41):
        path = tmp_path / f"co{score}.yaml"
        path.write_text(text.replace("platform_score: 41\n", f"platform_score: {score}\n"), encoding="utf-8")
        result = runner.invoke(app, ["assess", str(path), "--as-of", "2026-11-26", "--format", "json", "--lang", "zh"])
        plan = json.loads(result.stdout)["plans"]["little_giant"]
        assert plan["as_of"] == "2028-11-26" and plan["assumed"].get("platform_score") == (75 if score == 75 else None)
        said = [t for t in plan["text"] if "本年度专精特新发展评价得分" in t and not t.startswith("如2026年内达不到")]
        if score == 75:
            assert said == ["本年度专精特新发展评价得分（官方平台）：申报时看2028年度的得分，本计划按今年的75分估计，"
                            "届时须仍不低于60分"]
            # 2026's R&D is its share of a two-year sum, the rest in 2027: no later round is offered for it
            assert not any(t.startswith("如2026年内达不到") for t in plan["text"]) and plan["if_not_this_year"] is None
        else:
            assert said == ["本年度专精特新发展评价得分（官方平台）：41 → 60分（+19；须是2028年度的得分，41分是今年的）"]
    path = tmp_path / "unknown.yaml"  # not given: 2028's cannot be answered now, and is not asked for
    path.write_text(text.replace("platform_score: 41\n", "platform_score: null\n"), encoding="utf-8")
    result = runner.invoke(app, ["assess", str(path), "--as-of", "2026-11-26", "--format", "json", "--lang", "zh"])
    plan = json.loads(result.stdout)["plans"]["little_giant"]
    said = [t for t in plan["text"] if "本年度专精特新发展评价得分" in t and not t.startswith("如2026年内达不到")]
    assert said == ["本年度专精特新发展评价得分（官方平台）：申报时看2028年度的得分，届时须不低于60分"], plan["text"]
    now = [p for p in assess_json(str(EXAMPLES / "half-missing.yaml"), "--as-of", "2026-11-26")["plans"].values()
           if p["rounds_later"] == 0]
    assert len(now) == 2 and all("platform_score" not in p["assumed"] and "counts" not in " ".join(p["text"])
                                 for p in now)


RENEWED = """\
name: 合肥晶川新材料有限公司
industry: industrial
employees: 310
rd_staff: 62
tech_staff: 66
niche_years: 11
registered_in_china: true
compliance: {abnormal_operation: false, serious_dishonesty: false, prohibited_products: false, major_incident: false,
             tax_violation: false, data_fabrication: false}
financials:
  2025: {revenue: 9300, main_revenue: 8800, rd_expense: 520, net_profit: 700, total_assets: 12000, total_liabilities: 6100,
         total_costs: 8400}
  2024: {revenue: 9600, main_revenue: 9100, rd_expense: 560}
  2023: {revenue: 9100, main_revenue: 8700}
equity_financing: {2025: 0, 2024: 0, 2023: 0}
ip: {class1: 7, class1_self_developed: 6, class1_high_value: 1, class1_applied: 5, class1_top3_holder: 5, class2: 18}
rd_institution: provincial
digital_level: 3
quality: {provincial_award: false, iso9001: true, own_brand: true, standards: true}
certification: {management_system: true, developed_market_product: false}
info_system_core_business: true
market: {domestic_share: 14, international_share: null, domestic_rank: 2, leading: true}
strategic_emerging_industry: true
field: {chain_role: true, foundation: true, priority_domain: true}
awards: {national_rank: 0, national_5y_rank: 0, provincial_rank: 2, maker_china: none, led_standard_5y: false}
honors: {high_tech_enterprise: true, tech_innovation_demo: false, ip_advantage: false}
titles: {innovative_sme: true, tech_sme: false, zjtx_sme: true, little_giant: true}
platform_score: 68
characteristic_score: 10
exclusions: {single_champion: false, related_to_little_giant: false}
"""
"""A 小巨人 renewed in December 2026 under the 2022 renewal clauses, whose 专业化 (closed years) fails it."""


def test_a_renewal_that_cannot_pass_says_the_title_lapses_and_its_check_runs_a_new_application(tmp_path: Path) -> None:
    """The renewal's plan for 2027 read as the renewal's own date: it says first that this round's renewal
    cannot pass and the title lapses. Its appendix command re-ran 2027 with --renewal little_giant, a
    renewal, where the plan was checked as a new application: run as printed, it gives the plan's verdict."""
    path = tmp_path / "co.yaml"
    path.write_text(RENEWED, encoding="utf-8")
    args = ("assess", str(path), "--as-of", "2026-12-03", "--renewal", "little_giant", "--lang", "zh")
    text = runner.invoke(app, [*args], env={"COLUMNS": "80"}).stdout
    plan = text[text.index("行动计划"):text.index("需准备的材料")]
    assert '专精特新"小巨人"企业：最早2027年申报' in plan
    assert "这一轮复核不能通过，称号将失效；以下按重新申报安排（届时按新申请的条件判定）" in plan.replace("\n    ", "")
    # the 2027 round is judged by the 2026 measures: their bar for the platform score, not 「届时须仍达到要求」
    assert "本计划按今年的68分估计，届时须仍不低于60分" in plan.replace("\n     ", "")
    doc = json.loads(runner.invoke(app, [*args, "--format", "json"]).stdout)
    assert doc["plans"]["little_giant"]["checked"] == "manual_review" and doc["plans"]["little_giant"]["rounds_later"] == 1
    md = tmp_path / "r.md"
    assert runner.invoke(app, [*args, "-o", str(md)]).exit_code == 0
    command = next(line for line in md.read_text(encoding="utf-8").splitlines() if line.startswith("littlegiant assess co.yaml"))
    assert "--as-of 2027-12-03" in command and "--renewal" not in command
    import shlex

    words = [str(path) if w == "co.yaml" else w for w in shlex.split(command)[1:]]  # run where the file is
    again = runner.invoke(app, [*words, "--format", "json"])
    assert json.loads(again.stdout)["tiers"]["little_giant"]["status"] == "manual_review"


NICHE_TWO = """\
name: 青岛海联电气有限公司
industry: industrial
employees: 150
rd_staff: 15
tech_staff: 20
niche_years: 2
registered_in_china: true
compliance: {abnormal_operation: false, serious_dishonesty: false, prohibited_products: false, major_incident: false, tax_violation: false}
financials:
  2025: {revenue: 1000, main_revenue: 800, rd_expense: 100, net_profit: 100, total_assets: 2000, total_liabilities: 1000, total_costs: 900}
  2024: {revenue: 900, main_revenue: 727.2727, rd_expense: 80}
  2023: {revenue: 800, main_revenue: 661.157}
titles: {innovative_sme: true, zjtx_sme: false, little_giant: false}
"""
"""A consultant's client under 2022 (a user pass): 专业化 fails on two years in the niche alone; its
main-business share (80%) and growth (10%) meet it."""


def test_a_group_that_only_waits_for_years_in_the_niche_is_not_said_to_rest_on_closed_years(tmp_path: Path) -> None:
    """The 小巨人 plan said 「「专业化」取决于2023、2024、2025年的数据，已无法改变，本轮不能满足」: the years
    of its met share, where a third year in the niche (the plan's own step) is all it waits for."""
    path = tmp_path / "niche.yaml"
    path.write_text(NICHE_TWO, encoding="utf-8")
    out = CliRunner().invoke(app, ["assess", str(path), "--as-of", "2026-03-15", "--lang", "zh"], env={"COLUMNS": "200"})
    assert "「专业化」要等时间累积，本轮不能满足" in out.stdout
    assert "已无法改变" not in out.stdout
    assert "从事特定细分市场年限（截至上年末）：2026年末达到3年（要求不低于3年）" in out.stdout


AWARD_BLANK = """\
name: 宁波海曙精密模具有限公司
industry: industrial
employees: 150
rd_staff: 30
tech_staff: 32
niche_years: 5
registered_in_china: true
compliance: {abnormal_operation: false, serious_dishonesty: false, prohibited_products: false, major_incident: false,
             tax_violation: false, data_fabrication: false}
financials:
  2025: {revenue: 6800, main_revenue: 6500, rd_expense: 350, net_profit: 500, total_assets: 8000,
         total_liabilities: 4000, total_costs: 6000}
  2024: {revenue: 6000, main_revenue: 5700, rd_expense: 300, net_profit: 420, total_assets: 7500,
         total_liabilities: 3900}
  2023: {revenue: 5200, main_revenue: 5000}
equity_financing: {2025: 0, 2024: 0, 2023: 0}
ip: {class1: 3, class1_self_developed: 3, class1_applied: 2, class1_top3_holder: 2, class2: 8}
rd_institution: city
market: {domestic_share: 8, domestic_rank: 5, leading: true}
strategic_emerging_industry: true
honors: {high_tech_enterprise: true}
titles: {innovative_sme: true, tech_sme: true, zjtx_sme: false, little_giant: false}
platform_score: 58
"""


def test_the_round_after_a_hurried_one_keeps_the_step_a_blank_award_may_need(tmp_path: Path) -> None:
    """With the national award left blank, 小巨人's 2027 plan said 「如「豁免：……国家级科学技术奖励……」不能满足，
    则还须：……Ⅰ类知识产权：3 → 4项」, and its round after (「如2026年内达不到……最早2028年申报……届时须」), the one
    a client short of 500万 of R&D in 28 days would follow, said nothing of the patents (a user pass).
    That raise is far beyond what the 28 days bring (some 27万), so the plan is now 2028's, and 2027 its
    last step, only if: the patents are said once, for both rounds need them alike."""
    path = tmp_path / "c1.yaml"
    path.write_text(AWARD_BLANK, encoding="utf-8")
    args = ["assess", str(path), "--as-of", "2026-12-04", "--lang", "zh"]
    done = CliRunner().invoke(app, [*args, "--format", "json"])
    assert done.exit_code == 0, done.output
    plan = json.loads(done.stdout)["plans"]["little_giant"]
    sooner = plan["only_if_this_year"]
    assert (plan["as_of"], sooner["as_of"]) == ("2028-12-04", "2027-12-04")
    assert [o["group"] for o in plan["otherwise"]] == [o["group"] for o in sooner["otherwise"]] == ["lg26.ip"]
    needed = "如「豁免：近三年获得国家级科学技术奖励（获奖单位排名前三）」不能满足，则还须：与主导产品相关的有效Ⅰ类知识产权：3 → 4项"
    assert plan["text"][-2].startswith(needed)
    assert plan["text"][-1].startswith("只有在2026年余下的28天内使研发费用（2026年）达到850万元") and needed not in plan["text"][-1]
    text = re.sub(r"\n\s*", "", CliRunner().invoke(app, args, env={"COLUMNS": "80", "NO_COLOR": "1"}).stdout)
    assert text.count(needed) == 1  # the plan's, which the round before needs alike
