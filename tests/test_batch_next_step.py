"""A batch row's 下一步 is the single report's plan, opened where the report opens it.

A consultant reads the cell and tells the client what to do: a cell that says "wait a year" where the
report also asks for 研发费用 and an answer sends the client off with half the plan.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import openpyxl
from typer.testing import CliRunner

from littlegiant.cli.app import app
from test_plan_answers import NICHE_25, blank

runner = CliRunner()
AS_OF = "2026-11-26"
UNANSWERED = blank(NICHE_25, "compliance.data_fabrication")
"""2.5 years in its niche, 数据造假 blank: 专精特新 and 小巨人 wait for 2027, 小巨人 needs more R&D too."""


def folder_of(tmp_path: Path, profile: dict[str, object]) -> Path:
    folder = tmp_path / "企业"
    folder.mkdir(parents=True)
    (folder / "客户.yaml").write_text(json.dumps(profile, ensure_ascii=False), encoding="utf-8")
    return folder


def next_step(folder: Path, tmp_path: Path, *args: str) -> str:
    """The 下一步 cell of the one company, read back from the workbook."""
    out = tmp_path / "结果.xlsx"
    done = runner.invoke(app, ["batch", str(folder), "-o", str(out), "--lang", "zh", "--advice", "--as-of", AS_OF,
                               "-q", *args])
    assert done.exit_code in (0, 1), done.output
    sheet = openpyxl.load_workbook(out).worksheets[0]
    header = [c.value for c in sheet[1]]
    return str(sheet.cell(2, header.index("下一步") + 1).value)


def report_plan(folder: Path, tier: str, *args: str) -> dict[str, object]:
    done = runner.invoke(app, ["assess", str(folder / "客户.yaml"), "--as-of", AS_OF, "--lang", "zh",
                               "--format", "json", *args])
    assert done.exit_code in (0, 1), done.output
    return json.loads(done.stdout)["plans"][tier]  # type: ignore[no-any-return]


def test_a_renewal_rows_next_step_is_the_reports_plan_with_every_step_counted(tmp_path: Path) -> None:
    """复核 of 小巨人 in November 2026 (the 2022 measures): the 2027 round is judged by the 2026 ones, in
    the report and in the row alike, so the row's plan is the report's: the wait first, then the
    R&D and the answer the report lists, counted, never "wait" alone."""
    folder = folder_of(tmp_path, UNANSWERED)
    plan = report_plan(folder, "little_giant", "--renewal", "little_giant")
    text: list[str] = plan["text"]  # type: ignore[assignment]
    assert text[1] == "这一轮复核不能通过，称号将失效；以下按重新申报安排（届时按新申请的条件判定）"
    steps = text[2 + len(plan["blockers"]):]  # type: ignore[arg-type]
    assert plan["as_of"] == "2027-11-26" and plan["rules"] == "miit-2026"
    assert [m["set"] for m in plan["moves"]] == ["financials.2026.rd_expense=680", "niche_years=3.5"]  # type: ignore[index]
    assert len(steps) == 6 and steps[-2] == "做到以上各项后，仍需回答：近三年是否有数据造假行为"
    # 2026's revenue, taken as 2025's, must stay up to the compound growth from 2024's 7,000万 (5%: 7,717.5)
    assert steps[2] == "营业收入（2026年）：须不低于7,718万元（本计划按2025年的8,000万元估计；其他数据与估计不同时请重新评估）"
    # +160万 of R&D in 36 days: the 2028 round is said last, on that condition (no step to do: not counted below)
    assert steps[-1].startswith("如2026年内达不到上面的研发费用（2026年）：最早2028年申报（以2027年数据计")
    assert steps[3] == "本年度专精特新发展评价得分（官方平台）：申报时看2027年度的得分，本计划按今年的65分估计，届时须仍不低于60分"
    when = re.match(r".*?：(最早2027年申报（.*?）[^；]*；)", text[0])
    assert when is not None and "按届时适用的《优质中小企业梯度培育管理办法（2026）》" in when.group(1)
    # the round hangs on that raise: said in the head and the cell, with the figure, not behind 「另有3项」
    assert re.fullmatch(r"最早2027年申报（.*?），须在2026年余下的36天内使研发费用（2026年）达到680万元，做不到则最早2028年申报；",
                        when.group(1)), when.group(1)
    cell = next_step(folder, tmp_path, "--renewal", "little_giant")
    assert cell == f"专精特新\"小巨人\"企业：{when.group(1)}{steps[0]}；另有4项，全部做到后仍需补充数据才能判定"


def test_the_answer_that_decides_the_lower_tiers_comes_first_in_the_cell(tmp_path: Path) -> None:
    """专精特新 fails on its niche years, 创新型 waits only for 数据造假: the report's plan opens with that
    question, and so does the row, naming the tier it decides, then 专精特新's own step (neither title held:
    held, a title needs no application, and the row speaks of the tiers above it alone)."""
    applying = {**UNANSWERED["titles"], "innovative_sme": False, "zjtx_sme": False}  # type: ignore[dict-item]
    folder = folder_of(tmp_path, {**UNANSWERED, "titles": applying})
    first = report_plan(folder, "innovative_sme")
    assert (first["checked"], first["missing"]) == (None, ["compliance.data_fabrication"])
    cell = next_step(folder, tmp_path)
    assert cell.startswith("科技和创新型中小企业：先回答以下问题才能判定：近三年是否有数据造假行为；"
                           "专精特新中小企业：最早2027年申报（以2026年数据计）；先取得「科技和创新型中小企业」称号"), cell
    # answered, the lower tier is met and the cell is its tier's own plan again
    answered = next_step(folder_of(tmp_path / "答", {**NICHE_25, "titles": {**NICHE_25["titles"], "zjtx_sme": False}}),
                         tmp_path / "答")
    assert answered.startswith("专精特新中小企业：最早2027年申报（以2026年数据计）；从事特定细分市场年限")


def test_many_blanks_below_are_left_to_the_rows_own_tier(tmp_path: Path) -> None:
    """Four questions blank below 专精特新 are a form to fill in, not a step: the cell stays the tier's own
    (of a company applying for it: a title held needs no application)."""
    many = {**UNANSWERED, "titles": {**UNANSWERED["titles"], "zjtx_sme": False}}  # type: ignore[dict-item]
    for question in ("compliance.major_incident", "compliance.tax_violation", "compliance.abnormal_operation"):
        many = blank(many, question)
    cell = next_step(folder_of(tmp_path, many), tmp_path)
    assert cell.startswith("专精特新中小企业：最早2027年申报（以2026年数据计）；从事特定细分市场年限"), cell


def test_a_row_awaiting_only_the_authority_gets_the_reports_line_for_the_tier_to_apply_for(tmp_path: Path) -> None:
    """专精特新 (held) and 小巨人 待审核 on the market and chain questions, every figure met: the park's best
    candidate had a blank 下一步. It now gets the report's plan line for 小巨人, the one title it can
    apply for, with the items the authority judges by name (the report lists the evidence)."""
    example = Path(__file__).parent.parent / "examples" / "little-giant-2026.yaml"
    folder = tmp_path / "企业"
    folder.mkdir()
    (folder / "客户.yaml").write_text(example.read_text(encoding="utf-8"), encoding="utf-8")
    report = runner.invoke(app, ["assess", str(folder / "客户.yaml"), "--as-of", AS_OF, "--lang", "zh"],
                           env={"COLUMNS": "400"})
    head = "专精特新\"小巨人\"企业：数据方面的条件均已满足，可在下一次申报时申报（以2025年数据计；申报时间以各地主管部门的通知为准，" \
        "2026年的申报如已结束，2027年申报时看2026年的数据，届时请重新评估）；以下各项由认定机关审核（所列材料随申报提交）"
    assert head in report.stdout
    assert next_step(folder, tmp_path) == (
        f"{head}：主导产品属于制造业核心基础零部件、核心基础元器件、关键软件、先进基础工艺、关键基础材料、产业技术基础，"
        "或改造提升传统产业、培育壮大新兴产业、布局建设未来产业；位于产业链关键环节")


def test_a_red_line_left_to_the_authority_is_named_in_the_cell_as_the_report_names_it(tmp_path: Path) -> None:
    """Every tier 待审核 over a tax violation the 2026 text does not list (the first two titles held): the
    cell is 小巨人's line, the tax question first among the items, by the problem it states."""
    example = Path(__file__).parent.parent / "examples" / "red-line.yaml"
    folder = tmp_path / "企业"
    folder.mkdir()
    (folder / "客户.yaml").write_text(example.read_text(encoding="utf-8"), encoding="utf-8")
    cell = next_step(folder, tmp_path)
    assert cell.startswith("专精特新\"小巨人\"企业：数据方面的条件均已满足，可在下一次申报时申报（以2025年数据计；"
                           "申报时间以各地主管部门的通知为准，2026年的申报如已结束，2027年申报时看2026年的数据，届时请重新评估）；"
                           "以下各项由认定机关审核（所列材料随申报提交）：近三年有偷漏税等违法违规行为；主导产品属于"), cell


SMALL_UNANSWERED: dict[str, object] = {
    "name": "无锡博远电子科技有限公司", "industry": "工业", "employees": 85, "rd_staff": 20, "niche_years": 4,
    "registered_in_china": True,
    "compliance": {"abnormal_operation": False, "serious_dishonesty": False, "prohibited_products": False,
                   "tax_violation": False},
    "financials": {"2025": {"revenue": 3200, "main_revenue": 3000, "rd_expense": 180, "net_profit": 210,
                            "total_assets": 4200, "total_liabilities": 2300},
                   "2024": {"revenue": 2800, "main_revenue": 2650, "rd_expense": 150}, "2023": {"revenue": 2500}},
    "ip": {"class1": 2, "class2": 6}, "rd_institution": "city", "quality": {"iso9001": True, "own_brand": True},
    "honors": {"high_tech_enterprise": True}, "titles": {"innovative_sme": True, "zjtx_sme": False},
}
"""A user's company: two red-line questions blank (重大事故, 数据造假), which decide 科技和创新型; 专精特新
needs five answers more, none of its figures short; 小巨人 short of 5,000万 revenue."""


def test_the_answers_deciding_the_lowest_tier_come_first_when_the_next_tier_needs_many(tmp_path: Path) -> None:
    """The report's plan opens with 科技和创新型's two questions (专精特新 asks them and five more): the row
    opened with 小巨人's revenue, the two lower tiers' nine answers counted together as a form to fill in.
    Counted tier by tier, the two that decide 科技和创新型 come first, as the report has them (its 创新型
    title not held: held, that tier needs no application, and 专精特新's questions lead)."""
    unheld = {**SMALL_UNANSWERED, "titles": {"innovative_sme": False, "zjtx_sme": False}}
    folder = folder_of(tmp_path, unheld)
    report = runner.invoke(app, ["assess", str(folder / "客户.yaml"), "--as-of", AS_OF, "--lang", "zh"],
                           env={"COLUMNS": "400"})
    questions = ("近三年是否发生较大生产安全事故、重大网络和数据安全事件、重大环境违法行为、严重质量问题或严重违反相关行业管理规定",
                 "近三年是否有数据造假行为")
    plan = report.stdout.split("行动计划\n")[1]
    assert plan.startswith(f"■ 科技和创新型中小企业：先回答以下问题才能判定\n  1. {questions[0]}\n  2. {questions[1]}\n"
                           "■ 专精特新中小企业：先回答以下问题才能判定\n"), plan
    cell = next_step(folder, tmp_path)
    # 2027 would need +1,800万 of revenue in the 36 days that bring some 316万: the plan leads with 2028
    assert cell.startswith(f"科技和创新型中小企业：先回答以下问题才能判定：{'；'.join(questions)}；"
                           "专精特新\"小巨人\"企业：最早2028年申报（以2027年数据计）"), cell


def test_a_tier_whose_title_is_held_for_good_is_passed_over_by_the_gap_and_the_next_step(tmp_path: Path) -> None:
    """The same company holding 创新型 (科技和创新型中小企业 has no 复核): 未知 as a new application, it led the row
    with its two questions in 下一步, and 主要差距 ended 「科技和创新型中小企业仅缺参评基本条件的回答」; once the report
    said it needed no application, 下一步 said so. The row speaks of the tiers to apply for alone (专精特新 and
    小巨人 ask those two answers too); the report's plan says the held tier needs nothing."""
    folder = folder_of(tmp_path, SMALL_UNANSWERED)
    report = runner.invoke(app, ["assess", str(folder / "客户.yaml"), "--as-of", AS_OF, "--lang", "zh"],
                           env={"COLUMNS": "400"})
    plan = report.stdout.split("行动计划\n")[1]
    assert plan.startswith("■ 科技和创新型中小企业：已持有这一称号，有效期内无需再申报\n■ 专精特新中小企业：先回答以下问题才能判定\n"), plan
    cell = next_step(folder, tmp_path)  # 小巨人, which a figure fails, is the row's focus; 专精特新's seven answers no step
    assert cell.startswith('专精特新"小巨人"企业：最早2028年申报（以2027年数据计）；先取得「专精特新中小企业」称号'), cell
    sheet = openpyxl.load_workbook(tmp_path / "结果.xlsx").worksheets[0]
    gap = str(sheet.cell(2, [c.value for c in sheet[1]].index("主要差距") + 1).value)
    assert gap.startswith('专精特新"小巨人"企业：上年度营业收入不低于5000万元（现为3,200万元）'), gap
    assert "科技和创新型" not in cell + gap  # nothing to answer or apply for while the title is valid


def test_a_renewal_rows_cells_speak_of_the_title_renewed_not_one_held_beside_it(tmp_path: Path) -> None:
    """A company holding both titles, renewing 小巨人 in March 2027 (its 2026 figures not in yet): the row's
    主要差距 and 下一步 spoke of 专精特新 (judged as a new application, held and kept by its own renewal), the
    report's plan of 小巨人 (the renewal review). Both cells now speak of the title renewed."""
    text = (Path(__file__).resolve().parent.parent / "examples" / "little-giant-2026.yaml").read_text(encoding="utf-8")
    held = "titles: {innovative_sme: true, tech_sme: false, zjtx_sme: true, little_giant: true}"
    assert "titles: {innovative_sme: true, tech_sme: false, zjtx_sme: true, little_giant: false}" in text
    folder = tmp_path / "企业"
    folder.mkdir()
    (folder / "客户.yaml").write_text(
        text.replace("titles: {innovative_sme: true, tech_sme: false, zjtx_sme: true, little_giant: false}", held),
        encoding="utf-8")
    out = tmp_path / "结果.xlsx"
    done = runner.invoke(app, ["batch", str(folder), "-o", str(out), "--lang", "zh", "--advice", "--as-of", "2027-03-01",
                               "--renewal", "little_giant", "-q"])
    assert done.exit_code == 0, done.output
    sheet = openpyxl.load_workbook(out).worksheets[0]
    header = [c.value for c in sheet[1]]
    gap, step = (str(sheet.cell(2, header.index(h) + 1).value) for h in ("主要差距", "下一步"))
    assert gap.startswith("专精特新\"小巨人\"企业：") and step.startswith("专精特新\"小巨人\"企业："), (gap, step)
