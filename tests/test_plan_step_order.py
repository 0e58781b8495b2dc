"""A plan lists what must change before what must only be kept, in the report and in the batch's 下一步.

A park's sheet (园区企业摸底表2026, 企业名单 row 7): revenue 8,520.91万 in 2025, R&D 269.6万 (3.16%) in 2025 and
237.39万 of 8,108.09万 (2.93%) in 2024. 专精特新 (2026) fails on the 2024 share alone, which no one can change:
the plan is the 2027 round, on 2025 and 2026. Its steps were each next year's figure with the least it may
fall to, in the order the plan read them: 营业收入（2026年）须不低于1,500万元 came first, a bar the 8,520.91万
passes six times over, and the 下一步 of some 70 rows of that sheet opened with it; the R&D share of 2026,
which is what replaces the 2.93% and the one thing the company has to see to, came second or was counted in
「另有3项」.
"""

from __future__ import annotations

import re
from pathlib import Path

import openpyxl
from typer.testing import CliRunner

from littlegiant.cli.app import app

runner = CliRunner()
AS_OF = "2026-12-05"

ROW7 = {"企业名称": "南通新材料医疗器械技术有限公司", "所属行业": "工业", "员工人数": 75, "其中：研发人员": 27,
        "2025年营业收入(万元)": 8520.91, "2025年主营业务收入(万元)": 8520.91, "2025年研发费用（万元）": 269.6,
        "2025年净利润(万元)": 174.3, "2024年营业收入(万元)": 8108.09, "2024年主营业务收入(万元)": 8108.09,
        "2024年研发费用（万元）": 237.39, "2023年营业收入(万元)": 8169.44, "2023年主营业务收入(万元)": 8169.44,
        "2025年末资产总额（万元）": 13004.8, "2025年末负债总额（万元）": 9343.28, "是否高新技术企业": "是",
        "是否专精特新中小企业": "×", "是否创新型中小企业": "否", "研发机构级别": "区级", "数字化水平": "二级",
        "有效Ⅰ类知识产权（件）": 8, "Ⅱ类知识产权（件）": 14}
"""The park's row 7 as its sheet has it (the amounts in 万元; the sheet's 资产 and 负债 in 元 are 13,004.8万 and
9,343.28万), with no red-line, niche-years or market columns, as parks keep them."""

PROFILE = """\
name: 南通新材料医疗器械技术有限公司
industry: industrial
employees: 75
rd_staff: 27
financials:
  2025: {revenue: 8520.91, main_revenue: 8520.91, rd_expense: 269.6, net_profit: 174.3,
         total_assets: 13004.8, total_liabilities: 9343.28}
  2024: {revenue: 8108.09, main_revenue: 8108.09, rd_expense: 237.39}
  2023: {revenue: 8169.44, main_revenue: 8169.44}
honors: {high_tech_enterprise: true}
titles: {zjtx_sme: false, innovative_sme: false}
rd_institution: below_city
digital_level: 2
ip: {class1: 8, class2: 14}
"""
"""The same company as a profile file, for ``assess``."""

RD_STEP = "研发费用（2026年）：须不低于255.63万元（本计划按2025年的269.6万元估计；其他数据与估计不同时请重新评估）"
REVENUE_STEP = "营业收入（2026年）：须不低于1,500万元（本计划按2025年的8,520.91万元估计；其他数据与估计不同时请重新评估）"


def test_the_batch_next_step_opens_with_the_share_to_reach_not_the_revenue_already_past_its_bar(tmp_path: Path) -> None:
    """The 下一步 of row 7 opens with 2026's R&D (3% of the revenue the plan takes: 255.63万), and counts the
    revenue among the rest; its 主要差距 still names the 2.93% of 2024."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "企业名单"
    sheet.append(list(ROW7))
    sheet.append(list(ROW7.values()))
    src = tmp_path / "园区企业摸底表.xlsx"
    book.save(src)
    out = tmp_path / "结果.xlsx"
    done = runner.invoke(app, ["batch", str(src), "-o", str(out), "--lang", "zh", "--advice", "--as-of", AS_OF, "-q"])
    assert done.exit_code == 0, done.output
    rows = list(openpyxl.load_workbook(out)["评估结果"].iter_rows(values_only=True))
    row = dict(zip(rows[0], rows[1], strict=True))
    assert row["主要差距"].startswith("专精特新中小企业：前年研发费用占营业收入比重不低于3%（现为2.93%）；")
    assert row["下一步"] == f"专精特新中小企业：最早2027年申报（以2026年数据计）；{RD_STEP}；另有3项，全部做到后仍需补充数据才能判定"


def test_the_report_lists_the_share_to_reach_first_and_the_revenue_to_keep_after_the_score_to_obtain(
        tmp_path: Path) -> None:
    """The report's plan is where the cell takes its first step: the R&D of 2026 is step 1, the platform score
    that round counts (not given: to obtain) step 2, and the revenue, which only has to stay above 1,500万,
    step 3. Each is still there, with its figures, at 80 columns."""
    src = tmp_path / "南通.yaml"
    src.write_text(PROFILE, encoding="utf-8")
    done = runner.invoke(app, ["assess", str(src), "--lang", "zh", "--as-of", AS_OF], env={"COLUMNS": "80", "NO_COLOR": "1"})
    assert done.exit_code == 0, done.output
    flat = re.sub(r"\n\s*", "", done.stdout)
    plan = flat[flat.index("■ 专精特新中小企业：最早2027年申报"):flat.index("■ 专精特新\"小巨人\"企业")]
    assert f"1. {RD_STEP}2. 本年度专精特新发展评价得分（官方平台）：申报时看2027年度的得分，届时须不低于50分3. {REVENUE_STEP}4. " \
        in plan, plan
