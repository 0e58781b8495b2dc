"""Sheets as park staff fill them in, read back as a user would check them: a units row under the
header, ¥ before amounts, rows of averages and counts, a summary sheet beside the list, the 信用代码
and 序号 that match results to the master list, and what a wrongly saved file is told."""

from __future__ import annotations

import csv
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook
from tests.test_park_sheets import invoke, read_csv


def figures(line: dict[str, Any]) -> dict[str, Any]:
    """Every input the criteria of a JSON Lines result read, by field path (what the tool took the sheet to say)."""
    out: dict[str, Any] = {}
    for tier in line["result"]["tiers"].values():
        for criterion in tier["criteria"]:
            out.update(criterion.get("inputs") or {})
    return out


def scored(path: Path) -> list[dict[str, Any]]:
    return [json.loads(text) for text in path.read_text(encoding="utf-8").splitlines() if text.strip()]


def workbook(path: Path, *sheets: tuple[str, list[list[object]]]) -> Path:
    book = Workbook()
    book.remove(book.active)
    for title, rows in sheets:
        ws = book.create_sheet(title)
        for row in rows:
            ws.append(row)
    book.save(path)
    return path


UNIT_HEADER = ["企业名称", "行业", "从业人员", "营业收入（2025年）", "营业收入（2024年）", "研发费用（2025年）"]


def test_a_units_row_under_the_header_gives_the_columns_units(tmp_path: Path) -> None:
    """人 | 亿元 under the header: 1.2 is 1.2亿元 (12000万元), said once, and the units row is no error row."""
    src = workbook(tmp_path / "名单.xlsx", ("名单", [UNIT_HEADER, [None, None, "人", "亿元", "（亿元）", "万元"],
                                                   ["甲精密", "工业", 250, 1.2, 1.05, 650]]))
    out = tmp_path / "out.jsonl"
    code, _, err = invoke("batch", str(src), "-o", str(out), "--format", "json")
    (line,) = scored(out)
    read = figures(line)
    assert code == 0 and line["status"] == "scored"
    assert Decimal(str(read["financials.2025.revenue"])) == 12000
    assert Decimal(str(read["financials.2024.revenue"])) == 10500
    assert Decimal(str(read["financials.2025.rd_expense"])) == 650
    assert err.count("第 2 行写的是各列的单位（人、亿元、万元）") == 1
    assert "共读取 1 行，已评估 1 行，出错 0 行" in err


@pytest.mark.parametrize("label", ["单位", None])
def test_a_units_row_with_yes_no_hints_and_a_count_unit_its_header_names(tmp_path: Path, label: str | None) -> None:
    """单位 | 人 | 万元 | 是/否 | 项 under a park's header (是否高新技术企业, 有效Ⅰ类知识产权（项）): the row is units, not a
    company (it was an error row failing the run), and 项 under （项） is said once (the column was refused
    as “有效Ⅰ类知识产权（项）（项）”, the whole run with it); the figures read as without the row."""
    header = ["企业名称", "从业人员", "营业收入（2025年）", "是否高新技术企业", "有效Ⅰ类知识产权（项）"]
    units = [label, "人", "万元", "是/否", "项"]
    company = ["甲精密", 250, 8000, "是", 2]
    src = workbook(tmp_path / "名单.xlsx", ("名单", [header, units, company]))
    out = tmp_path / "out.jsonl"
    code, _, err = invoke("batch", str(src), "-o", str(out), "--format", "json")
    assert code == 0, err
    (line,) = scored(out)
    read = figures(line)
    assert line["status"] == "scored" and read["honors.high_tech_enterprise"] is True
    assert read["ip.class1"] == 2 and Decimal(str(read["financials.2025.revenue"])) == 8000
    assert err.count("第 2 行写的是各列的单位（人、万元、项）") == 1 and "共读取 1 行，已评估 1 行，出错 0 行" in err


def test_a_units_row_of_a_csv_reads_as_in_the_workbook(tmp_path: Path) -> None:
    src = tmp_path / "名单.csv"
    src.write_text("企业名称,从业人员,营业收入（2025年）\n计量单位,人,亿元\n甲,250,1.2\n", encoding="utf-8")  # its label too
    out = tmp_path / "out.jsonl"
    code, _, err = invoke("batch", str(src), "-o", str(out), "--format", "json")
    (line,) = scored(out)
    assert code == 0 and Decimal(str(figures(line)["financials.2025.revenue"])) == 12000
    assert "第 2 行写的是各列的单位" in err


def test_a_units_row_against_the_headers_own_unit_is_refused_naming_the_column(tmp_path: Path) -> None:
    """营业收入（万元） over 亿元: nothing says which the figures are in; one line, exit 2, no output."""
    for src in (tmp_path / "a.csv", tmp_path / "a.xlsx"):
        rows = [["企业名称", "营业收入（万元）（2025年）"], ["", "亿元"], ["甲", "1.2"]]
        if src.suffix == ".csv":
            src.write_text("\n".join(",".join(r) for r in rows) + "\n", encoding="utf-8")
        else:
            workbook(src, ("名单", rows))  # type: ignore[arg-type]
        out = tmp_path / "out.csv"
        code, _, err = invoke("batch", str(src), "-o", str(out))
        assert code == 2 and not out.exists()
        assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
        assert "“营业收入（万元）（2025年）”列" in err and "万元" in err and "亿元" in err


AMOUNT = "“营业收入（2025年）（人）”列：单位是“人”（写在列名里，或列名下一行的单位行里），这一列却是金额"
COUNT = "“从业人员（上年末）（万元）”列：单位是“万元”（写在列名里，或列名下一行的单位行里），这一列却是人数、个数等，不是金额"


@pytest.mark.parametrize(("units", "said"), [("万元,人", [COUNT, AMOUNT]), ("万元,万元", [COUNT])])
def test_a_units_row_that_slipped_a_column_is_refused(tmp_path: Path, units: str, said: list[str]) -> None:
    """万元 | 人 under 从业人员 | 营业收入 (the units row swapped, or one column off): each was passed over
    as no unit its column takes, the figures read in the columns' defaults, and the run's note said they
    were read in the row's units. Exit 2, one line per refused column and no note before them; a row
    that fits reads as before."""
    src = tmp_path / "名单.csv"
    src.write_text(f"企业名称,从业人员（上年末）,营业收入（2025年）\n,{units}\n甲,120,0.5\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    code, _, err = invoke("batch", str(src), "-o", str(out), "--format", "json", "--lang", "zh")
    lines = err.strip().splitlines()
    assert code == 2 and not out.exists() and len(lines) == len(said) and lines[0].startswith("littlegiant 出错：")
    for line, column in zip(lines, said, strict=True):
        assert f"{column}：单位行是否错位了？请核对后重新运行" in line
    src.write_text("企业名称,从业人员（上年末）,营业收入（2025年）\n,人,亿元\n甲,120,0.5\n", encoding="utf-8")
    code, _, _ = invoke("batch", str(src), "-o", str(out), "--format", "json")
    (line,) = scored(out)
    assert code == 0 and Decimal(str(figures(line)["financials.2025.revenue"])) == 5000
    assert Decimal(str(figures(line)["employees"])) == 120


def test_a_filled_init_template_reads_its_notes_row_as_no_company(tmp_path: Path) -> None:
    """The template's row 2 (填写说明, the units in words) is not read as a units row nor as a company: a
    filled-in template's amounts are in 万元, as its notes row says."""
    template = tmp_path / "模板.xlsx"
    code, _, _ = invoke("init", "--xlsx", str(template))
    assert code == 0
    book = load_workbook(template)
    ws = book["企业名单"]  # after the sheet saying how to fill it in
    header = [c.value for c in ws[1]]
    notes = [c.value for c in ws[2]]
    revenue = header.index("营业收入（2025年）")
    assert notes[revenue] and "万元" in str(notes[revenue])
    ws.cell(3, 1, "甲公司")
    ws.cell(3, revenue + 1, 3000)
    book.save(template)
    out = tmp_path / "out.jsonl"
    code, _, err = invoke("batch", str(template), "-o", str(out), "--format", "json")
    (line,) = scored(out)
    assert code == 0 and "单位（" not in err
    assert line["result"]["name"] == "甲公司" and Decimal(str(figures(line)["financials.2025.revenue"])) == 3000


def test_average_and_count_rows_are_no_companies_but_companies_named_with_those_words_are(tmp_path: Path) -> None:
    """平均, 共计3家企业 and 合计（3家） under the list are said as passed over, not scored; 平均精密 and 共计
    科技 are companies."""
    src = tmp_path / "名单.csv"
    src.write_text("序号,企业名称,营业收入（2025年）\n1,甲,100\n,,\n2,乙,200\n3,,\n4,平均精密机械有限公司,300\n"
                   "5,共计科技有限公司,50\n合 计,,650\n平均,,150\n均值：,,150\n,共计3家企业,\n合计（5家）,,650\n",
                   encoding="utf-8")
    out = tmp_path / "out.csv"
    code, _, err = invoke("batch", str(src), "-o", str(out))
    assert code == 0
    assert [r["企业名称"] for r in read_csv(out)] == ["甲", "乙", "平均精密机械有限公司", "共计科技有限公司"]
    assert "第 5 行（只有序号的空行）、第 8、11、12 行（合计行）、第 9、10 行（平均值行）" in err
    assert "已评估 4 行，出错 0 行，略过 6 行" in err


SUMMARY = ("按行业汇总", [["所属行业", "企业数", "营业收入（2025年）"], ["制造业", 2, 3000], ["软件和信息技术服务业", 0, 0]])
LIST = ("企业名单", [["序号", "企业名称", "所属行业", "营业收入（2025年）"], [1, "甲公司", "制造业", 3000]])


def test_a_sheet_without_a_name_column_beside_the_list_is_passed_over_before_or_after_it(tmp_path: Path) -> None:
    for order in ((LIST, SUMMARY), (SUMMARY, LIST)):
        src = workbook(tmp_path / "名单.xlsx", *order)
        out = tmp_path / "out.csv"
        code, _, err = invoke("batch", str(src), "-o", str(out))
        assert code == 0 and [(r["企业名称"], r["处理结果"]) for r in read_csv(out)] == [("甲公司", "已评估")]
        assert err.count("按行业汇总 没有企业名称列（像是汇总表），已略过") == 1 and "“企业数”" not in err


def test_a_sheet_without_a_name_column_alone_is_still_read(tmp_path: Path) -> None:
    """One sheet of figures with no name column (or only a 信用代码 beside it) is read as before, each row a
    company without a name, said on its row; so is a sheet named by --sheet that counts no companies."""
    src = workbook(tmp_path / "表.xlsx", ("表", [["信用代码", "所属行业", "营业收入（2025年）"], ["9132", "制造业", 3000]]),
                   ("说明", [["1. 金额单位为万元"]]))
    out = tmp_path / "out.csv"
    code, _, _ = invoke("batch", str(src), "-o", str(out))
    assert code == 0 and [r["处理结果"] for r in read_csv(out)] == ["已评估"]
    figures_only = ("数据", [["所属行业", "营业收入（2025年）"], ["制造业", 3000]])
    src = workbook(tmp_path / "名单.xlsx", LIST, figures_only)
    code, _, _ = invoke("batch", str(src), "--sheet", "数据", "-o", str(out))
    assert code == 0 and [(r["企业名称"], r["处理结果"]) for r in read_csv(out)] == [("", "已评估")]


def test_a_summary_sheet_named_by_sheet_is_refused_in_one_line(tmp_path: Path) -> None:
    """--sheet 按行业汇总 (所属行业 | 企业数 | 营业收入): each group was scored as a nameless company with the
    group's sums, results a park could take for its companies'. It is refused, naming the count column
    and the sheets there are, and nothing is written."""
    src = workbook(tmp_path / "名单.xlsx", LIST, SUMMARY)
    out = tmp_path / "out.csv"
    code, _, err = invoke("batch", str(src), "--sheet", "按行业汇总", "--lang", "zh", "-o", str(out))
    assert code == 2 and not out.exists() and len(err.strip().splitlines()) == 1
    assert "工作表“按行业汇总”没有企业名称列，却有“企业数”这样的计数列，像是汇总表" in err
    assert "（现有：企业名单、按行业汇总）" in err and "Traceback" not in err
    counted = ("统计", [["所属行业", "企业数（家）", "营业收入（2025年）"], ["制造业", 2, 15000]])
    code, _, err = invoke("batch", str(workbook(tmp_path / "计数.xlsx", LIST, counted)), "--sheet", "统计",
                          "--lang", "en", "-o", str(out))
    assert code == 2 and "sheet '统计' has no column of company names but counts them ('企业数（家）')" in err


CODED = ("序号,企业名称,统一社会信用代码,营业收入（2025年）,联系人\n"
         "1,甲精密有限公司,91320500MA1XXXXX1A,3000,张三\n"
         "2,乙公司,91320500MA1YYYYY2B,abc,李四\n"
         "007,丙公司,91320500MA1ZZZZZ3C,200,\n")


def test_the_inputs_credit_code_and_number_come_back_beside_each_result(tmp_path: Path) -> None:
    """Park staff match results to their master list by 统一社会信用代码 and 序号: each row's own, error rows
    too, in the .csv and .xlsx beside the name, in JSON Lines under credit_code and seq_no; the run no
    longer says these columns are of no use (the code tells companies entered twice apart)."""
    src = tmp_path / "名单.csv"
    src.write_text(CODED, encoding="utf-8")
    out = tmp_path / "out.csv"
    code, _, err = invoke("batch", str(src), "-o", str(out))
    rows = read_csv(out)
    assert code == 1 and list(rows[0])[:5] == ["来源（文件:行）", "企业名称", "统一社会信用代码", "序号", "处理结果"]
    assert [(r["企业名称"], r["统一社会信用代码"], r["序号"], r["处理结果"]) for r in rows] == [
        ("甲精密有限公司", "91320500MA1XXXXX1A", "1", "已评估"), ("乙公司", "91320500MA1YYYYY2B", "2", "出错"),
        ("丙公司", "91320500MA1ZZZZZ3C", "007", "已评估")]
    assert "不参与评估（原样附在结果最后）：“联系人”" in err and "信用代码" not in err and "序号" not in err
    book = tmp_path / "out.xlsx"
    invoke("batch", str(src), "-o", str(book))
    ws = load_workbook(book).worksheets[0]
    assert [[c.value for c in row][:5] for row in ws.iter_rows(min_row=1, max_row=4)] == [
        ["来源（文件:行）", "企业名称", "统一社会信用代码", "序号", "处理结果"],
        [f"{src}:2", "甲精密有限公司", "91320500MA1XXXXX1A", 1, "已评估"],
        [f"{src}:3", "乙公司", "91320500MA1YYYYY2B", 2, "出错"],
        [f"{src}:4", "丙公司", "91320500MA1ZZZZZ3C", 7, "已评估"]]
    assert ws["D4"].number_format == "000"  # 007 shown as typed, and sorted with 1 and 2 as a number
    for full in ((), ("--format", "json")):
        lines = tmp_path / "out.jsonl"
        invoke("batch", str(src), "-o", str(lines), *full)
        assert [(r["status"], r["credit_code"], r["seq_no"]) for r in scored(lines)] == [
            ("scored", "91320500MA1XXXXX1A", "1"), ("error", "91320500MA1YYYYY2B", "2"),
            ("scored", "91320500MA1ZZZZZ3C", "007")]


def test_a_list_without_codes_gives_empty_identity_cells_and_a_results_file_read_back_keeps_them(tmp_path: Path) -> None:
    src = tmp_path / "名单.csv"
    src.write_text("企业名称,营业收入（2025年）\n甲,3000\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    invoke("batch", str(src), "-o", str(out))
    (line,) = scored(out)
    assert (line["credit_code"], line["seq_no"]) == (None, None)  # JSON Lines: an empty cell is null
    coded = tmp_path / "coded.csv"
    coded.write_text(CODED, encoding="utf-8")
    first = tmp_path / "first.csv"
    invoke("batch", str(coded), "-o", str(first))
    again = tmp_path / "again.csv"  # the results with a figure column added, scored again
    rows = read_csv(first)
    with again.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([*rows[0], "从业人员"])
        writer.writerows([*r.values(), "50"] for r in rows)
    out = tmp_path / "again-out.csv"
    code, _, err = invoke("batch", str(again), "-o", str(out))
    assert code == 0 and [(r["统一社会信用代码"], r["序号"]) for r in read_csv(out)] == [
        (r["统一社会信用代码"], r["序号"]) for r in rows], err


def test_a_json_line_that_is_no_object_is_told_to_be_one(tmp_path: Path) -> None:
    """[1,2] on a line got the YAML file's "逐行填写“项目: 值”": it is told a line is a JSON object {…}."""
    src = tmp_path / "名单.jsonl"
    src.write_text('{"name": "甲", "employees": 10}\n[1,2]\n"乙公司"\n', encoding="utf-8")
    out = tmp_path / "out.csv"
    code, _, _ = invoke("batch", str(src), "-o", str(out))
    rows = read_csv(out)
    assert code == 1 and [r["处理结果"] for r in rows] == ["已评估", "出错", "出错"]
    assert rows[1]["错误说明"] == '这一行应是一个 JSON 对象，用花括号写出各项，如 {"name": "某某公司", "employees": 120}；现在是一个列表'
    assert rows[2]["错误说明"].endswith("现在是文字“乙公司”") and "项目: 值" not in rows[2]["错误说明"]


def test_a_workbook_named_csv_is_told_to_be_renamed(tmp_path: Path) -> None:
    """An .xlsx saved or renamed as .csv read as text that is in no encoding: it is named for what it is."""
    book = workbook(tmp_path / "名单.xlsx", LIST)
    named = tmp_path / "名单.csv"
    named.write_bytes(book.read_bytes())
    old = tmp_path / "旧表.csv"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
    for src, said in ((named, "这是 Excel 工作簿（.xlsx），只是文件名以 .csv 结尾：请把文件名改为 名单.xlsx 再运行"),
                      (old, "这是旧版 Excel 工作簿（.xls），只是文件名以 .csv 结尾：请在 Excel 中打开，另存为 .xlsx 再运行")):
        out = tmp_path / "out.csv"
        code, _, err = invoke("batch", str(src), "-o", str(out))
        assert code == 2 and not out.exists() and len(err.strip().splitlines()) == 1
        assert said in err and "编码" not in err
    zipped = tmp_path / "压缩.csv"  # a zip that is no workbook: not called one
    zipped.write_bytes(b"PK\x03\x04" + bytes(60))
    code, _, err = invoke("batch", str(zipped), "-o", str(tmp_path / "z.csv"))
    assert code == 2 and not (tmp_path / "z.csv").exists() and len(err.strip().splitlines()) == 1, err
    assert "Excel" not in err


def test_none_in_an_amount_cell_says_to_write_0_and_is_never_read_as_0(tmp_path: Path) -> None:
    src = tmp_path / "名单.csv"
    src.write_text("企业名称,营业收入（2025年）,从业人员\n甲,无,没有\n乙,,\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    code, _, _ = invoke("batch", str(src), "-o", str(out), "--format", "json")
    jia, yi = scored(out)
    assert code == 1 and jia["status"] == "error"
    assert jia["error"].splitlines() == [
        "“营业收入（2025年）”列：应填金额（单位万元，不能为负数；如 8000、8000万、0.8亿），现在是“无”：没有的请填 0，不清楚的请填“不知道”",
        "“从业人员”列：应填整数，现在是“没有”：没有的请填 0，不清楚的请填“不知道”"]
    assert yi["status"] == "scored" and "financials.2025.revenue" not in {k for k, v in figures(yi).items() if v is not None}


def test_a_second_list_whose_name_column_carries_a_remark_is_read_not_passed_over_as_a_summary(tmp_path: Path) -> None:
    """企业名称（必填） heads the company names as 企业名称 does (the rows read their names from it): a
    second list so headed, beside a first, lost every company as 'a summary sheet' with no name column."""
    later = ("2026年新增", [["企业名称（必填）", "所属行业", "营业收入（2025年）"], ["乙公司", "制造业", 5000],
                          ["丙公司", "制造业", 6000]])
    coded = ("补充", [["统一社会信用代码（18位）", "所属行业", "营业收入（2025年）"], ["91320500MA1XXXXX1A", "制造业", 4000]])
    src = workbook(tmp_path / "名单.xlsx", LIST, later, coded)
    out = tmp_path / "out.csv"
    code, _, err = invoke("batch", str(src), "-o", str(out))
    assert code == 0 and "像是汇总表" not in err
    assert [(r["企业名称"], r["处理结果"]) for r in read_csv(out)] == [
        ("甲公司", "已评估"), ("乙公司", "已评估"), ("丙公司", "已评估"), ("", "已评估")]


def test_a_second_list_headed_by_words_not_known_for_names_is_read_not_passed_over_as_a_summary(tmp_path: Path) -> None:
    """申报单位 heads the names of an application list; 客户 is a name column the tool does not know. Beside a
    企业名称 list, either sheet was passed over whole as 'a summary sheet', its companies gone with one note:
    only a sheet that counts companies (企业数) or groups them (所属行业 first) is one. 申报单位 gives the
    names; under 客户 the rows are scored nameless, as that sheet read alone is."""
    declared = ("申报企业", [["序号", "申报单位", "所属行业", "营业收入（2025年）"], [1, "乙公司", "制造业", 5000],
                         [2, "丙公司", "制造业", 6000]])
    clients = ("客户", [["序号", "客户", "所属行业", "营业收入（2025年）"], [1, "丁公司", "制造业", 4000]])
    src = workbook(tmp_path / "名单.xlsx", LIST, declared, clients, SUMMARY)
    out = tmp_path / "out.csv"
    code, _, err = invoke("batch", str(src), "-o", str(out))
    assert code == 0 and err.count("像是汇总表") == 1 and "按行业汇总 没有企业名称列（像是汇总表），已略过" in err
    assert [(r["企业名称"], r["处理结果"]) for r in read_csv(out)] == [
        ("甲公司", "已评估"), ("乙公司", "已评估"), ("丙公司", "已评估"), ("", "已评估")]
    counted = ("统计", [["序号", "区域", "户数（户）", "营业收入（2025年）"], [1, "园区一", 2, 15000]])
    out = tmp_path / "计数-out.csv"  # not the results above, whose list's own columns this run would drop
    code, _, err = invoke("batch", str(workbook(tmp_path / "计数.xlsx", LIST, counted)), "-o", str(out))
    assert code == 0 and "统计 没有企业名称列（像是汇总表），已略过" in err
    assert [r["企业名称"] for r in read_csv(out)] == ["甲公司"]


def test_the_sheets_unit_stated_alone_under_the_header_reads_every_amount_in_it(tmp_path: Path) -> None:
    """金额单位：元 alone in the first cell of the row under the header is the sheet's unit, as above the
    header: it was taken as the name column's unit and every amount read in 万元, while the note said
    they were read in 元 (R&D of 800,000元 became 80亿, past every threshold, and no size check caught it)."""
    for persons in (None, "人"):  # alone, or opening a units row
        rows = [["企业名称", "从业人员", "营业收入（2025年）", "研发费用（2025年）"], ["金额单位：元", persons, None, None],
                ["甲精密", 250, 50000000, 800000]]
        csv_src = tmp_path / "名单.csv"
        csv_src.write_text("\n".join(",".join("" if c is None else str(c) for c in row) for row in rows) + "\n",
                           encoding="utf-8")
        _read_in_yuan(workbook(tmp_path / "名单.xlsx", ("名单", rows)))
        _read_in_yuan(csv_src)


def _read_in_yuan(src: Path) -> None:
    out = src.with_suffix(".jsonl")
    code, _, err = invoke("batch", str(src), "-o", str(out), "--format", "json")
    (line,) = scored(out)
    read = figures(line)
    assert code == 0 and line["result"]["name"] == "甲精密"
    assert Decimal(str(read["financials.2025.revenue"])) == 5000
    assert Decimal(str(read["financials.2025.rd_expense"])) == 80
    assert "共读取 1 行，已评估 1 行，出错 0 行" in err


def test_a_number_shown_with_yen_reads_as_the_same_text_typed_would(tmp_path: Path) -> None:
    """¥80,000,000.00 shown by Excel's currency format, under 营业收入（2025年）: a cell typed as that text
    was 8000万 (¥ where no unit is named is 元), the formatted number 8000亿. Both are 8000万 now; under
    营业收入（万元）（2024年） the column's unit wins over the sign, as for typed text."""
    book = Workbook()
    ws = book.active
    ws.append(["企业名称", "行业", "从业人员", "营业收入（2025年）", "营业收入（万元）（2024年）"])
    ws.append(["甲", "工业", 100, 80000000, 7000])
    ws.append(["乙", "工业", 100, "¥80,000,000.00", 7000])
    ws.append(["丙", "工业", 100, 80000000.0, 7000])
    for row, fmt in ((2, '"¥"#,##0.00'), (4, '_ ￥* #,##0.00_ ;_ ￥* -#,##0.00_ ')):
        ws.cell(row, 4).number_format = fmt
        ws.cell(row, 5).number_format = '[$¥-804]#,##0.00'
    book.save(tmp_path / "名单.xlsx")
    out = tmp_path / "out.jsonl"
    code, _, err = invoke("batch", str(tmp_path / "名单.xlsx"), "-o", str(out), "--format", "json")
    assert code == 0, err
    assert [(figures(line)["financials.2025.revenue"], figures(line)["financials.2024.revenue"])
            for line in scored(out)] == [(8000, 7000)] * 3


def test_a_unit_written_into_a_cell_s_number_format_is_read_as_the_same_text_typed(tmp_path: Path) -> None:
    """#,##0"元" shows 10,000,000元, 0.00"亿元" shows 1,000.00亿元 and #,##0" USD" shows 1,000 USD: each was
    read as the bare number in 万元 (1,000万万元, 1,000万元 人民币 for dollars, without a word). Each reads as the
    text on the screen typed into the cell would: converted, or refused as foreign; a unit the reader cannot
    read (5,000件 for an amount) is refused quoting what the cell shows, and a count shown with 人 is a count."""
    fmts = {"甲": '#,##0"元"', "乙": '0.00"亿元"', "丙": '#,##0,"千元"', "丁": '0\\万\\元', "戊": '#,##0"美元"',
            "己": '#,##0" USD"', "庚": '[$USD-409] #,##0', "辛": '#,##0"件"', "壬": "G/通用格式"}
    values = {"甲": 10000000, "乙": 0.5, "丙": 5000000, "丁": 8000, "戊": 1000, "己": 1000, "庚": 1000, "辛": 5000,
              "壬": 7000}
    book = Workbook()
    ws = book.active
    ws.append(["企业名称", "行业", "从业人员", "营业收入（万元）（2025年）"])
    for row, name in enumerate(fmts, 2):
        ws.append([name, "工业", 120, values[name]])
        ws.cell(row, 3).number_format = '#,##0"人"'
        ws.cell(row, 4).number_format = fmts[name]
    book.save(tmp_path / "名单.xlsx")
    out = tmp_path / "out.jsonl"
    code, _, err = invoke("batch", str(tmp_path / "名单.xlsx"), "-o", str(out), "--format", "json")
    assert code == 1, err
    lines = scored(out)
    assert [(figures(line)["employees"], figures(line)["financials.2025.revenue"]) for line in lines[:4]] == [
        (120, 1000), (120, 5000), (120, 500), (120, 8000)]
    out = tmp_path / "out.csv"
    invoke("batch", str(tmp_path / "名单.xlsx"), "-o", str(out), "--lang", "zh")
    errors = [r["错误说明"] for r in read_csv(out)[4:]]
    for error, shown in zip(errors, ("1000美元", "1000USD", "USD1000"), strict=False):
        assert f"“{shown}”是外币金额" in error
    assert "“5000件”" in errors[3] and "应填" in errors[3]
    assert figures(lines[-1])["financials.2025.revenue"] == 7000  # a Chinese Excel's name for General: no text


def test_a_percent_sign_written_as_text_in_a_format_is_not_a_hundredfold(tmp_path: Path) -> None:
    """0.0"%" shows 12.5 as 12.5% (the sign is text, the number is not multiplied), where a real percent
    format shows 0.125 so: both are 12.5%, where the first was read as 1250% and refused (at most 100)."""
    book = Workbook()
    ws = book.active
    ws.append(["企业名称", "行业", "主导产品国内细分市场占有率"])
    ws.append(["甲", "工业", 12.5])
    ws.append(["乙", "工业", 0.125])
    ws.cell(2, 3).number_format = '0.0"%"'
    ws.cell(3, 3).number_format = "0.0%"
    book.save(tmp_path / "名单.xlsx")
    out = tmp_path / "out.jsonl"
    code, _, err = invoke("batch", str(tmp_path / "名单.xlsx"), "-o", str(out), "--format", "json")
    assert code == 0, err
    assert [figures(line)["market.domestic_share"] for line in scored(out)] == [12.5, 12.5]


def test_a_sheet_formatted_as_accounting_throughout_reads_its_counts_without_the_sign(tmp_path: Path) -> None:
    """A park formats its whole table 会计专用 (￥): 从业人员 120 shown as ￥120 was read as the text ¥120, and
    every row was an error, 应填整数 (found in review). A count is read as the number; amounts keep the
    sign's meaning."""
    book = Workbook()
    ws = book.active
    ws.append(["企业名称", "行业", "从业人员", "营业收入（万元）（2025年）"])
    ws.append(["甲", "工业", 120, 5000])
    for col in (3, 4):
        ws.cell(2, col).number_format = '_ ￥* #,##0_ ;_ ￥* -#,##0_ '
    book.save(tmp_path / "名单.xlsx")
    out = tmp_path / "out.jsonl"
    code, _, err = invoke("batch", str(tmp_path / "名单.xlsx"), "-o", str(out), "--format", "json")
    assert code == 0, err
    assert [(figures(line)["employees"], figures(line)["financials.2025.revenue"]) for line in scored(out)] == [
        (120, 5000)]


def test_a_sheet_counting_one_kind_of_company_beside_the_list_is_passed_over_as_sheet_refuses_it(tmp_path: Path) -> None:
    """批次 | 高新技术企业数 | 营业收入: --sheet refused it as a summary, yet beside a list it was scored as
    nameless companies; both now read its count column alike (counts_companies)."""
    summary = ("统计", [["批次", "高新技术企业数", "营业收入（2025年）"], ["第一批", 2, 3000]])
    src = workbook(tmp_path / "名单.xlsx", LIST, summary)
    out = tmp_path / "out.csv"
    code, _, err = invoke("batch", str(src), "-o", str(out))
    assert code == 0 and [r["企业名称"] for r in read_csv(out)] == ["甲公司"]
    assert "统计 没有企业名称列（像是汇总表），已略过" in err


@pytest.mark.parametrize(("fmt", "value", "wan"), [('#,##0.0,"千元"', 5000000, 500), ('#,##0,"千元"', 5000000, 500),
                                                    ('0.00,,"百万"', 12000000, 1200), ("#,##0", 5000, 5000)])
def test_thousands_commas_after_the_decimals_scale_as_before_them(tmp_path: Path, fmt: str, value: int,
                                                                   wan: int) -> None:
    """#,##0.0,"千元" shows 5,000,000 as 5,000.0千元 (500万元): the comma after the decimals scales as one after
    a whole number does, where it was missed and the cell read as 5,000,000千元, a thousand times too much."""
    book = Workbook()
    ws = book.active
    ws.append(["企业名称", "营业收入（2025年）"])
    ws.append(["甲", value])
    ws.cell(2, 2).number_format = fmt
    book.save(tmp_path / "名单.xlsx")
    out = tmp_path / "out.jsonl"
    code, _, err = invoke("batch", str(tmp_path / "名单.xlsx"), "-o", str(out), "--format", "json")
    (line,) = scored(out)
    assert code == 0 and Decimal(str(figures(line)["financials.2025.revenue"])) == wan, err


SHOWN_IN_WAN = [("甲精密", 9000, 90), ("丁电子", 3000, 95)]  # 丁: R&D 95万 < 100万, shown 95.0万 in 元 kept


@pytest.mark.parametrize("fmt", ['0!.0,"万"', '[>=10000]0!.0,"万";0', '0!.0000"万"', '0\\.0000"万元"', '0"."0,"万"'])
def test_amounts_kept_in_yuan_and_shown_in_wan_by_a_point_written_as_text_read_as_shown(tmp_path: Path, fmt: str) -> None:
    """80,000,000 元 under 0!.0,"万" shows 8000.0万: the escaped point moves the decimal one more place. It was
    read as 80,000万 (ten times the screen; 0!.0000"万" ten thousand times), and 丁's R&D of 95万 as 950万, so a
    title it misses passed. The sheet kept in 元 so shown now gives every verdict the sheet typed in 万元 does."""
    header = ["企业名称", "所属行业", "从业人员（人）", "2025年营业收入（万元）", "2025年研发费用（万元）"]
    runs = {}
    for kept in ("元", "万元"):
        book = Workbook()
        ws = book.active
        ws.append(header)
        for name, revenue, rd in SHOWN_IN_WAN:
            ws.append([name, "制造业", 80, *((revenue * 10000, rd * 10000) if kept == "元" else (revenue, rd))])
            for col in (4, 5) if kept == "元" else ():
                ws.cell(ws.max_row, col).number_format = fmt
        book.save(tmp_path / f"{kept}.xlsx")
        out = tmp_path / f"{kept}.csv"
        code, _, err = invoke("batch", str(tmp_path / f"{kept}.xlsx"), "-o", str(out), "--lang", "zh")
        assert code == 0, err
        runs[kept] = [{k: v for k, v in row.items() if k != "来源（文件:行）"} for row in read_csv(out)]
    assert runs["元"] == runs["万元"]
    assert "（现为95万元）" in runs["元"][1]["主要差距"]


def test_a_format_whose_text_among_the_digits_cannot_be_read_is_refused_not_guessed(tmp_path: Path) -> None:
    """0"万"0000 shows 80,000,000 as 8000万0000, and [>=10000]0!.0,"万";0 shows 5,000 bare beside amounts in 万:
    neither is read as a figure, each row an error quoting the number and its format; 0 is 0 whatever shows it."""
    book = Workbook()
    ws = book.active
    ws.append(["企业名称", "行业", "从业人员", "营业收入（2025年）", "研发费用（2025年）"])
    for name, revenue, rd, fmt in (("甲", 80000000, 900000, '0"万"0000'), ("乙", 80000000, 5000, '[>=10000]0!.0,"万";0'),
                                   ("丙", 80000000, 0, '[>=10000]0!.0,"万";0')):
        ws.append([name, "工业", 100, revenue, rd])
        for col in (4, 5):
            ws.cell(ws.max_row, col).number_format = fmt
    book.save(tmp_path / "名单.xlsx")
    out = tmp_path / "out.csv"
    code, _, err = invoke("batch", str(tmp_path / "名单.xlsx"), "-o", str(out), "--lang", "zh")
    jia, yi, bing = read_csv(out)
    assert code == 1, err
    assert "现在是“80000000 [0\"万\"0000]”" in jia["错误说明"]
    assert yi["处理结果"] == "出错" and "现在是“5000 [[>=10000]0!.0,\"万\";0]”" in yi["错误说明"]
    assert "营业收入" not in yi["错误说明"]
    assert bing["处理结果"] == "已评估"


def test_a_score_not_yet_given_reads_as_dont_know_as_its_neighbours_do(tmp_path: Path) -> None:
    """未参评 in the platform-score column (the company has not taken the evaluation) made the row an error,
    「应填数字」, for the answer the plan asks for next; it reads as 不知道 does, the row scored alike."""
    src = tmp_path / "名单.csv"
    head = "企业名称,行业,从业人员,营业收入（2025年）,研发费用（2025年）,持有有效的创新型中小企业称号,本年度专精特新发展评价得分（官方平台）\n"
    rows = [f"{name},工业,120,6000,400,是,{said}\n" for name, said in
            (("甲", "不知道"), ("乙", "未参评"), ("丙", "未评价"), ("丁", "未评"))]
    src.write_text(head + "".join(rows), encoding="utf-8")
    out = tmp_path / "out.csv"
    code, _, err = invoke("batch", str(src), "-o", str(out), "--lang", "zh")
    assert code == 0, err
    got = read_csv(out)
    assert [r["处理结果"] for r in got] == ["已评估"] * 4
    alike = [{k: v for k, v in r.items() if k not in ("来源（文件:行）", "企业名称")} for r in got]
    assert alike[1:] == alike[:1] * 3, alike
