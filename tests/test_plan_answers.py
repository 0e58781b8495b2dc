"""A plan that only answers still decide is a plan: the questions are its last step, never "no plan".

A company two and a half years in its niche, one yes/no question blank (近三年是否有数据造假行为): 专精特新
is reached by waiting for 2027, and the report must say so and ask the question, as it does for 小巨人
in the same report. It once said "在4个申报年度内找不到可行的调整方案": a manager told "no way in four
years" gives up on a title one answer and one year away.
"""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from littlegiant.cli.app import app
from littlegiant.load import rules

runner = CliRunner()

NICHE_25: dict[str, Any] = {
    "name": "细分二点五年有限公司", "industry": "industrial", "employees": 260, "rd_staff": 58, "niche_years": 2.5,
    "registered_in_china": True,
    "compliance": {"abnormal_operation": False, "serious_dishonesty": False, "prohibited_products": False,
                   "major_incident": False, "tax_violation": False, "data_fabrication": False},
    "financials": {"2025": {"revenue": 8000, "main_revenue": 7600, "rd_expense": 520, "net_profit": -120,
                            "total_assets": 15000, "total_liabilities": 6000},
                   "2024": {"revenue": 7000, "main_revenue": 6500, "rd_expense": 300},
                   "2023": {"revenue": 5000, "main_revenue": 4500}},
    "equity_financing": {"2025": 0, "2024": 0},
    "ip": {"class1": 5, "class1_self_developed": 4, "class1_applied": 4, "class1_top3_holder": 4, "class2": 12},
    "rd_institution": "provincial", "digital_level": 3,
    "quality": {"provincial_award": False, "iso9001": True, "own_brand": True, "standards": True},
    "certification": {"management_system": True, "developed_market_product": False},
    "info_system_core_business": True,
    "market": {"domestic_share": 12.5, "domestic_rank": 2, "leading": True},
    "strategic_emerging_industry": True,
    "field": {"chain_role": True, "foundation": True, "priority_domain": True},
    "awards": {"national_rank": 0, "national_5y_rank": 0, "maker_china": "top500", "led_standard_5y": False},
    "honors": {"high_tech_enterprise": True, "tech_innovation_demo": False, "ip_advantage": False},
    "titles": {"innovative_sme": True, "tech_sme": False, "zjtx_sme": True, "little_giant": False},
    "platform_score": 65,
    "exclusions": {"single_champion": False, "related_to_little_giant": False},
}
"""The QA's 苏州精工 at 2.5 years in its niche: 专精特新 waits for 2027, every question answered."""
APPLYING = NICHE_25 | {"titles": {**NICHE_25["titles"], "zjtx_sme": False}}
"""苏州精工 not yet holding 专精特新: the tier's plan is its application (a title held needs none)."""
AS_OF = "2026-11-26"  # the 2026 measures, with 数据造假 a red line


def blank(profile: dict[str, Any], path: str) -> dict[str, Any]:
    """The profile with one answer left blank (unknown, not 否)."""
    out = copy.deepcopy(profile)
    node = out
    *up, last = path.split(".")
    for key in up:
        node = node.setdefault(key, {})
    node[last] = None
    return out


def write(tmp_path: Path, profile: dict[str, Any]) -> Path:
    path = tmp_path / "co.yaml"
    path.write_text(json.dumps(profile, ensure_ascii=False), encoding="utf-8")  # JSON is YAML
    return path


def assess(path: Path, *args: str, fmt: str = "json") -> Any:
    result = runner.invoke(app, ["assess", str(path), "--as-of", AS_OF, "--lang", "zh", "--format", fmt, *args],
                           env={"COLUMNS": "80"})
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout) if fmt == "json" else result.stdout


def test_one_blank_red_line_is_the_last_step_of_a_wait_not_no_plan(tmp_path: Path) -> None:
    """数据造假 blank: 专精特新's plan is 2027, the wait, then the question; doing it and answering 否 gives,
    in 2027, the verdict the plan of the company that had answered 否 promised."""
    path = write(tmp_path, blank(APPLYING, "compliance.data_fabrication"))
    text = assess(path, fmt="text")
    plan = text[text.index("行动计划"):text.index("需准备的材料")]
    assert "找不到可行的调整方案" not in plan
    zjtx = plan[plan.index("■ 专精特新中小企业"):plan.index('■ 专精特新"小巨人"')]
    zjtx = re.sub(r"\n\s*", "", zjtx)  # lines wrapped at 80 columns, read as one
    assert "最早2027年申报" in zjtx
    assert "2026年末达到3.5年" in zjtx
    # 2026's R&D, taken as 2025's 520万, must stay at 3% of 2026's revenue (8,000万) at least
    assert "研发费用（2026年）：须不低于240万元（本计划按2025年的520万元估计；其他数据与估计不同时请重新评估）" in zjtx
    assert "本年度专精特新发展评价得分（官方平台）：申报时看2027年度的得分" in zjtx  # that round's own score
    assert re.search(r"\d\. 做到以上各项后，仍需回答：近三年是否有数据造假行为■", zjtx + "■")  # that question alone
    # what the plan says, done and answered, gives the tier a year on
    p = assess(path)["plans"]["zjtx_sme"]
    assert (p["as_of"], p["checked"], p["missing"]) == ("2027-11-26", "unknown", ["compliance.data_fabrication"])
    done = [*(f"{k}={v}" for k, v in p["assumed"].items()), *(m["set"] for m in p["moves"]),
            "compliance.data_fabrication=否"]
    later = runner.invoke(app, ["assess", str(path), "--as-of", "2027-11-26", "--format", "json",
                                *(a for s in done for a in ("--set", s))])
    answered = assess(write(tmp_path, APPLYING))["plans"]["zjtx_sme"]  # the same company, 否 answered
    assert (answered["as_of"], answered["checked"]) == ("2027-11-26", "manual_review")  # 主导产品…靠前 is judged
    assert json.loads(later.stdout)["tiers"]["zjtx_sme"]["status"] == answered["checked"]


YES_NO = sorted(f.path for f in rules.load("miit-2026").fields.values() if f.type == "bool" and not f.per_year)


def test_the_questions_are_yes_no_questions_of_the_profile() -> None:
    """The property below runs over the profile's own yes/no questions, the red lines among them."""
    assert {"compliance.data_fabrication", "compliance.major_incident", "compliance.abnormal_operation",
            "registered_in_china", "titles.zjtx_sme", "market.leading"} <= set(YES_NO)


@pytest.mark.parametrize("question", YES_NO)
def test_whichever_yes_no_is_blank_the_plans_stay_dated_and_ask_only_it(tmp_path: Path, question: str) -> None:
    """Any one yes/no question blank: 专精特新 and 小巨人 still have a plan for 2027 (the wait), and what
    it still asks is that question or nothing (not 国际占有率 or 省部级奖励 beside a branch that is met),
    never "no plan in four years". (专精特新's plan of a company not holding it: a title held needs none.)"""
    for tier, base in (("zjtx_sme", APPLYING), ("little_giant", NICHE_25)):
        if question == "titles.zjtx_sme" and tier == "zjtx_sme":
            base = NICHE_25  # blanked below: the title not known held
        p = assess(write(tmp_path, blank(base, question)))["plans"][tier]
        assert p["checked"] is not None and p["as_of"] == "2027-11-26", (question, tier, p["text"])
        assert not any("找不到可行" in line for line in p["text"]), (question, tier, p["text"])
        assert set(p["missing"]) <= {question}, (question, tier, p["missing"])  # nothing moot asked
        if question in p["missing"]:  # the last step to do (a late raise's next round, if any, is said after it)
            own = p["text"][:-1] if p["text"][-1].startswith("如2026年内达不到") else p["text"]
            assert "仍需回答" in own[-1], (question, tier, p["text"])


def test_an_any_of_met_by_one_branch_asks_nothing_of_the_other(tmp_path: Path) -> None:
    """国内占有率 12.5% (第2名) meets 小巨人's market-share criterion: its plan never asks for 国际占有率,
    nor does the summary, whatever else is blank; answered alone, the international share stays moot."""
    path = write(tmp_path, blank(NICHE_25 | {"niche_years": 4}, "compliance.data_fabrication"))
    text = assess(path, fmt="text")
    asks = re.sub(r"\n\s*", "", text[text.index("结论"):text.index("需准备的材料")])  # summary and plans
    assert "主导产品国际细分市场占有率" not in asks
    lg = assess(path)["plans"]["little_giant"]
    assert lg["missing"] == ["compliance.data_fabrication"]
    assert lg["text"][-2] == "做到以上各项后，仍需回答：近三年是否有数据造假行为"
    assert lg["text"][-1].startswith("如2026年内达不到上面的研发费用（2026年）：最早2028年申报")  # 36 days for +160万
    # the other side: no domestic share, and the international one is asked beside it
    path = write(tmp_path, blank(blank(NICHE_25 | {"niche_years": 4}, "market.domestic_share"),
                                 "market.domestic_rank"))
    asked = assess(path)["plans"]["little_giant"]["missing"]
    assert {"market.domestic_share", "market.international_share"} <= set(asked)


def test_a_title_first_whose_plan_waits_for_answers_is_dated_by_that_plan(tmp_path: Path) -> None:
    """Without the 专精特新 title, 小巨人 needs it first; 专精特新's plan is 2027 with 数据造假 still to
    answer, so 小巨人's first step names that year rather than "该层级：不满足"."""
    path = write(tmp_path, blank(NICHE_25 | {"titles": {**NICHE_25["titles"], "zjtx_sme": False}},
                                 "compliance.data_fabrication"))
    out = assess(path)
    zjtx, lg = out["plans"]["zjtx_sme"], out["plans"]["little_giant"]
    assert (zjtx["as_of"], zjtx["checked"], lg["as_of"]) == ("2027-11-26", "unknown", "2027-11-26")
    assert "1. 先取得「专精特新中小企业」称号（按上面的计划最早2027年申报）" in assess(path, fmt="text")


def test_the_terminal_says_how_to_give_the_answers_a_plan_still_asks(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """A plan ending in 仍需回答 is followed, once, by how to give those answers (in the profile file, or
    at the interview's list of answers, where p asks them): the interview asks only what decides a verdict
    today, so QA met questions it had never been asked. The command names the profile's own file, as
    typed (「--save 文件名」 left the user to work out which); a file the interview cannot save to (JSON)
    keeps the placeholder. A profile whose plans ask nothing more gets no such line."""
    monkeypatch.chdir(tmp_path)
    write(tmp_path, blank(NICHE_25, "compliance.data_fabrication")).rename(tmp_path / "精工 轴承.yaml")
    text = assess(Path("精工 轴承.yaml"), fmt="text")
    plan = re.sub(r"\n\s*", "", text[text.index("行动计划"):text.index("需准备的材料")])
    said = ("计划中仍需回答的问题：把答案补填到企业信息文件后重新评估；也可以对这个文件重新运行逐题问答"
            f"（littlegiant assess --save \"精工 轴承.yaml\" --as-of {AS_OF} --lang zh），在答案列表处输入 p 逐一回答；"
            "答过“不知道”的，在列表中输入它的编号修改。")
    assert plan.replace(" ", "").count(said.replace(" ", "")) == 1, plan  # (a line may wrap at any of its spaces)
    # the run's renewal and forced set go with it: without them the interview went on as a new application
    text = re.sub(r"\n\s*", "", assess(Path("精工 轴承.yaml"), "--renewal", "zjtx_sme", "--rules", "miit-2026",
                                        fmt="text"))
    said = f"（littlegiant assess --save \"精工 轴承.yaml\" --as-of {AS_OF} --lang zh --renewal zjtx_sme --rules miit-2026）"
    assert said.replace(" ", "") in text.replace(" ", ""), text  # (a line may wrap at any of its spaces)
    (tmp_path / "精工 轴承.yaml").rename(tmp_path / "co.json")
    assert f"（littlegiant assess --save 文件名 --as-of {AS_OF} --lang zh）" in re.sub(r"\n\s*", "", assess(Path("co.json"), fmt="text"))
    text = assess(write(tmp_path, blank(NICHE_25, "compliance.data_fabrication")), fmt="text")
    plan = re.sub(r"\n\s*", "", text[text.index("行动计划"):text.index("需准备的材料")])
    assert plan.index("仍需回答：近三年是否有数据造假行为") < plan.index("计划中仍需回答的问题")
    full = assess(write(tmp_path, NICHE_25), fmt="text")
    assert "计划中仍需回答的问题" not in full
