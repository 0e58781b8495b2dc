"""The interview's list of answers, reached early because an answer stops every tier: it says which answer
and why, as a finance manager who answered 对 to 「被列入经营异常名录？」 at question 7 of 52 was shown the
list of 7 answers with not a word of why the other 45 were never asked."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.test_cli_interactive import Session


@pytest.mark.parametrize(("lang", "given", "told"), [
    ("zh", "compliance.abnormal_operation=是",
     ["因为第 2 项「被列入经营异常名录：是」，任何称号都不能认定（红线），其余问题不用再答", "输入编号 2 改正"]),
    ("en", "compliance.abnormal_operation=yes",
     ["Because of answer 2 (", "no title can be met (a red line), so no more questions are asked", "type 2 to change it"]),
    ("zh", "registered_in_china=否",
     ["因为第 2 项「在中华人民共和国境内工商注册登记、具有独立法人资格：否」", "每个称号都要求这一条"]),
])
def test_an_answer_that_stops_every_tier_is_named_at_the_list(tmp_path: Path, lang: str, given: str,
                                                              told: list[str]) -> None:
    s = Session(["assess", "--as-of", "2026-11-01", "--lang", lang, "--save", "a.yaml", "--set", given,
                 "--format", "json"], tmp_path)
    s.answers("甲公司")
    shown = s.until_prompt() or ""
    for words in told:
        assert words in shown, shown
    code, _ = s.finish()
    assert code == 0, s.transcript


def test_large_enterprise_names_its_figures_in_the_list_order(tmp_path: Path) -> None:
    s = Session(["assess", "--as-of", "2026-11-01", "--lang", "zh", "--save", "a.yaml", "--set", "industry=工业",
                 "--set", "employees=2000", "--set", "financials.2025.revenue=90000", "--format", "json"], tmp_path)
    s.answers("乙公司")
    shown = s.until_prompt() or ""
    assert "按这些数据属于大型企业" in shown and "输入编号 2、3、4 改正" in shown, shown
    s.finish()


def test_nothing_stopping_says_nothing_of_it(tmp_path: Path) -> None:
    s = Session(["assess", "--as-of", "2026-11-01", "--lang", "zh", "--save", "a.yaml",
                 "--set", "compliance.abnormal_operation=否", "--format", "json"], tmp_path)
    s.answers("丙公司")
    shown = s.until_prompt() or ""
    assert "不用再答" not in shown, shown
    s.send("退出")
    s.finish()


@pytest.mark.parametrize(("lang", "typed", "told"), [
    ("zh", "3000多万", "只知道大概的，可以在数前加“约”，如 约3000万"),
    ("zh", "8000-9000万", "只知道大概的，可以在数前加“约”，如 约3000万"),
    ("en", "3000多万", 'if you know it only roughly, put "about" before it (about 30 million)'),
])
def test_a_range_refused_is_told_a_rough_figure_is_taken(tmp_path: Path, lang: str, typed: str, told: str) -> None:
    """「3200多万」 was told only to write the exact figure or 不知道: one who knew the revenue roughly typed
    不知道 and the report had nothing. The refusal now says a figure with 约 is taken, and it is."""
    s = Session(["assess", "--as-of", "2026-11-01", "--lang", lang, "--save", "a.yaml"], tmp_path)
    s.answers("甲公司")
    assert "营业收入" in (s.until_prompt() or "") or "revenue" in s.transcript.lower()
    said = s.reply(typed)
    assert told in said, said
    s.send("约3200万" if lang == "zh" else "about 32 million")
    s.until_prompt()
    s.send("退出")
    s.finish()
    assert "revenue: 约3200" in (tmp_path / "a.yaml").read_text(encoding="utf-8")


def test_the_reports_way_to_answer_the_plans_questions_works_on_a_file_of_dont_knows(tmp_path: Path) -> None:
    """A file the interview wrote, many answers 不知道: its report said to run the interview again and type p
    at the list, where p was refused (p asks only what the file leaves out). The report now says an answer
    of 不知道 is changed by its number, and at the list that number asks the question again."""
    import os
    import re
    import subprocess
    import sys

    (tmp_path / "a.yaml").write_text(_ALL_UNKNOWN, encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "littlegiant", "assess", "a.yaml", "--as-of", "2026-11-01", "--lang",
                          "zh"], cwd=tmp_path, capture_output=True, text=True, env={**os.environ, "COLUMNS": "300"})
    flat = re.sub(r"\s+", "", run.stdout)
    assert "在答案列表处输入p逐一回答；答过“不知道”的，在列表中输入它的编号修改。" in flat, run.stdout
    s = Session(["assess", "--as-of", "2026-11-01", "--lang", "zh", "--save", "a.yaml"], tmp_path)
    s.answers("")  # resume
    listed = s.until_prompt() or ""
    number = re.search(r"(\d+)\. 研发费用（2025年）：不知道", listed)
    assert number is not None, listed
    assert "研发费用（2025年）" in s.reply(number.group(1))
    s.send("600")
    s.until_prompt()
    s.send("退出")
    s.finish()
    assert "    rd_expense: 600\n" in (tmp_path / "a.yaml").read_text(encoding="utf-8")


_ALL_UNKNOWN = """# 由 littlegiant 问答生成的企业信息（依据《优质中小企业梯度培育管理办法（2026）》，评估日期 2026-11-01）。
# null 表示“不知道”。再次评估：littlegiant assess fm2.yaml --as-of 2026-11-01
answered_under: miit-2026
name: 苏州精工传感科技有限公司
industry: industrial
employees: null
tech_staff: null
niche_years: 13
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
    revenue: 10500
    main_revenue: 9800
    rd_expense: null
    total_assets: 12000
    total_liabilities: 5400
    total_costs: null
  2024:
    revenue: 8600
    main_revenue: null
    rd_expense: 约460
  2023:
    revenue: null
equity_financing:
  2025: null
  2024: null
  2023: null
ip:
  class1: null
  class1_self_developed: null
  class1_high_value: null
  class1_applied: null
  class1_top3_holder: null
  class2: null
rd_institution: city
market:
  domestic_share: null
  international_share: null
  domestic_rank: null
  leading: null
strategic_emerging_industry: null
field:
  chain_role: null
  priority_domain: null
awards:
  national_rank: 0
  national_5y_rank: null
  provincial_rank: 0
  led_standard_5y: null
honors:
  high_tech_enterprise: null
  tech_innovation_demo: null
  ip_advantage: null
titles:
  innovative_sme: null
  tech_sme: null
  zjtx_sme: null
platform_score: 约85
exclusions:
  single_champion: null
  related_to_little_giant: null
"""
"""The file the interview wrote for a finance manager who answered 不知道 to most questions."""
