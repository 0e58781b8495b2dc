"""A park's workbook of several sheets of companies, one of them refused for its columns: the other sheets are
scored, the refused one is its error row and is named at the end with what to change (exit 1), where it
stopped the whole workbook (exit 2, no results). Sheets of no companies (填表说明, a chart, a summary) are passed
over as before; a workbook whose every list is refused still stops. Real workbooks in, results read back."""

from __future__ import annotations

import csv
from pathlib import Path

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.worksheet.worksheet import Worksheet
from typer.testing import CliRunner

from littlegiant.cli.app import app

runner = CliRunner()
DECLARED = {"在中华人民共和国境内工商注册登记、具有独立法人资格": "是", "被列入经营异常名录": "否"}
GOOD = ["企业名称", "营业收入（2025年）（万元）", "研发费用（2025年）（万元）", "从业人员", *DECLARED]
YEARLESS = ["企业名称", "营业收入（万元）", "研发费用（万元）", "从业人员", *DECLARED]


def invoke(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, [*args, "--as-of", "2026-11-26"], env={"LANG": "zh_CN.UTF-8", "COLUMNS": "80"})
    return result.exit_code, result.stderr


def rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def listed(ws: Worksheet, header: list[str], companies: list[str]) -> None:
    ws.append(header)
    for i, name in enumerate(companies):
        ws.append([name, 6000 + i, 500, 100, *DECLARED.values()])


def book(path: Path, second: list[str], third: list[str] | None = GOOD) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "一季度新增"
    listed(ws, GOOD, ["甲科技有限公司", "乙制造有限公司"])
    listed(wb.create_sheet("二季度新增"), second, ["丙精密机械有限公司", "丁新材料股份有限公司"])
    if third is not None:
        listed(wb.create_sheet("三季度新增"), third, ["戊电子有限公司"])
    notes = wb.create_sheet("填表说明")
    for line in ("填表说明", "1. 金额单位为万元", "2. 是否类请填“是”或“否”"):
        notes.append([line])
    summary = wb.create_sheet("汇总")
    for row in (["季度", "企业数", "营业收入合计（万元）"], ["一季度", 2, 12001], ["合计", 5, 30000]):
        summary.append(row)
    chart = BarChart()
    chart.add_data(Reference(wb["一季度新增"], min_col=2, min_row=1, max_row=3), titles_from_data=True)
    wb.create_chartsheet("图表").add_chart(chart)
    wb.save(path)
    return path


def test_the_other_sheets_are_scored_and_the_refused_one_is_named(tmp_path: Path) -> None:
    out = tmp_path / "结果.csv"
    code, said = invoke("batch", str(book(tmp_path / "园区企业.xlsx", YEARLESS)), "-o", str(out))
    assert code == 1, said
    got = [(r["来源（文件:行）"].rpartition("园区企业.xlsx:")[2], r["企业名称"], r["处理结果"]) for r in rows(out)]
    assert got == [("一季度新增:2", "甲科技有限公司", "已评估"), ("一季度新增:3", "乙制造有限公司", "已评估"),
                   ("二季度新增:2", "丙精密机械有限公司", "出错"), ("二季度新增:3", "丁新材料股份有限公司", "出错"),
                   ("三季度新增:2", "戊电子有限公司", "已评估")]
    for error in (rows(out)[2]["错误说明"], rows(out)[3]["错误说明"]):  # each company of it: why its sheet was not read
        assert error.startswith("未评估：所在的工作表“二季度新增”未能读取：“营业收入（万元）”列：请在列名中写明年份，"
                                "如“营业收入（2025年）（万元）”；“研发费用（万元）”列")
        assert "其余工作表“一季度新增”、“三季度新增”已照常评估" in error
    (line,) = [x for x in said.splitlines() if "未能读取" in x]
    assert line.startswith(f"littlegiant：{tmp_path / '园区企业.xlsx'}:二季度新增 未能读取：“营业收入（万元）”列：请在列名中写明年份")
    assert "其余工作表“一季度新增”、“三季度新增”已照常评估" in line and \
        line.endswith("（结果文件中这张表的企业每家一行，共 2 行，都写明了原因）")
    assert "共读取 5 行，已评估 3 行，出错 2 行" in said
    # the sheets of no companies are passed over, and said, as before: no error row of theirs
    assert "填表说明 没有企业名单表格（只有说明文字），已略过" in said and "汇总 没有企业名称列（像是汇总表），已略过" in said


def test_one_sheet_read_beside_the_refused_one_is_offered_to_read_alone(tmp_path: Path) -> None:
    out = tmp_path / "结果.xlsx"
    code, said = invoke("batch", str(book(tmp_path / "园区企业.xlsx", YEARLESS, third=None)), "-o", str(out))
    assert code == 1 and out.exists(), said
    (line,) = [x for x in said.splitlines() if "未能读取" in x]
    assert "工作表“一季度新增”已照常评估；如果这张表不是企业名单（例如供公式查找的数据表），可加上 --sheet 一季度新增 只读取名单" in line


def test_a_workbook_whose_every_list_is_refused_still_stops(tmp_path: Path) -> None:
    """Nothing can be read: every refused column is said, exit 2, no results written."""
    wb = Workbook()
    listed(wb.active, YEARLESS, ["甲科技有限公司"])
    listed(wb.create_sheet("二"), YEARLESS, ["乙制造有限公司"])
    wb.create_sheet("说明").append(["填表说明"])
    wb.save(tmp_path / "园区企业.xlsx")
    out = tmp_path / "结果.csv"
    code, said = invoke("batch", str(tmp_path / "园区企业.xlsx"), "-o", str(out))
    assert code == 2 and not out.exists()
    assert said.count("请在列名中写明年份") == 4 and "未能读取" not in said


def test_a_refused_list_beside_an_empty_template_sheet_still_stops(tmp_path: Path) -> None:
    """The sheet that passed holds no company (the template's header alone): nothing was read, so the run stops
    on the refused columns as before, exit 2, nothing written and no partial file left."""
    wb = Workbook()
    wb.active.title = "模板"
    wb.active.append(GOOD)
    listed(wb.create_sheet("企业名单"), YEARLESS, ["甲科技有限公司", "乙制造有限公司"])
    wb.save(tmp_path / "园区企业.xlsx")
    out = tmp_path / "结果.xlsx"
    code, said = invoke("batch", str(tmp_path / "园区企业.xlsx"), "-o", str(out))
    assert code == 2 and not out.exists() and list(tmp_path.iterdir()) == [tmp_path / "园区企业.xlsx"]
    assert f"{tmp_path / '园区企业.xlsx'}:企业名单，“营业收入（万元）”列：请在列名中写明年份" in said
    assert said.rstrip().endswith(f"没有写出任何行，未生成 {out}") and "已照常评估" not in said


def notes_table(wb: Workbook) -> None:
    """A 填表说明 sheet laid out as a table, as parks write one: a column of items (企业名称 among them) and what
    to fill in under each."""
    ws = wb.create_sheet("填表说明")
    for row in (["填表说明"], ["指标名称", "填写要求", "示例"], ["企业名称", "营业执照上的全称", "某某科技有限公司"],
                ["营业收入（2025年）（万元）", "单位万元", "1000.00"], ["从业人员", "上年末人数", "120"]):
        ws.append(row)


def test_a_notes_sheet_laid_out_as_a_table_is_passed_over(tmp_path: Path) -> None:
    """Taken for a list, its 上年末人数 refused, it stopped the workbook (exit 2); passed over with a note now."""
    wb = Workbook()
    listed(wb.active, GOOD, ["甲科技有限公司", "乙制造有限公司"])
    notes_table(wb)
    wb.save(tmp_path / "园区企业.xlsx")
    out = tmp_path / "结果.csv"
    code, said = invoke("batch", str(tmp_path / "园区企业.xlsx"), "-o", str(out))
    assert code == 0, said
    assert [r["企业名称"] for r in rows(out)] == ["甲科技有限公司", "乙制造有限公司"]
    assert f"工作表 {tmp_path / '园区企业.xlsx'}:填表说明 没有企业名单表格（只有说明文字），已略过" in said


def test_beside_a_refused_list_a_notes_table_asks_nothing(tmp_path: Path) -> None:
    """The list refused, nothing read: the run stops on the list's columns alone, not the notes' (exit 2)."""
    wb = Workbook()
    listed(wb.active, YEARLESS, ["甲科技有限公司"])
    notes_table(wb)
    wb.save(tmp_path / "园区企业.xlsx")
    code, said = invoke("batch", str(tmp_path / "园区企业.xlsx"), "-o", str(tmp_path / "结果.csv"))
    assert code == 2 and said.count("请在列名中写明年份") == 2 and "填表说明" not in said


def test_a_list_named_with_notes_words_is_not_passed_over(tmp_path: Path) -> None:
    """企业情况说明 names companies: refused beside a list, it is an error row and said, never passed over as notes."""
    wb = Workbook()
    listed(wb.active, GOOD, ["甲科技有限公司"])
    listed(wb.create_sheet("企业情况说明"), YEARLESS, ["乙制造有限公司"])
    wb.save(tmp_path / "园区企业.xlsx")
    out = tmp_path / "结果.csv"
    code, said = invoke("batch", str(tmp_path / "园区企业.xlsx"), "-o", str(out))
    assert code == 1 and [r["处理结果"] for r in rows(out)] == ["已评估", "出错"]
    assert f"{tmp_path / '园区企业.xlsx'}:企业情况说明 未能读取：" in said and "已略过" not in said
