"""A park's list split into groups (一、高新区 … 高新区小计) and closed by a page's or a list's sums (本页小计,
以上合计, 总计：): those rows are no companies, and are said as passed over; companies whose names hold
the same words are still scored."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from tests.test_park_sheets import invoke, read_csv
from tests.test_sheet_rows_staff import workbook

from littlegiant.load.tabular import not_a_company

HEADER = ["序号", "企业名称", "所属行业", "营业收入（2025年）"]
GROUPS = [
    ["一、高新区", "", "", ""],
    ["1", "甲公司", "工业", "5000"],
    ["", "高新区小计", "", "5000"],
    ["（二）经开区", "", "", ""],
    ["2", "乙公司", "工业", "6000"],
    ["", "经开区小计（1家）", "", "6000"],
    ["三、", "", "", ""],
    ["3", "平均精密机械有限公司", "工业", "300"],
    ["4", "共计科技有限公司", "工业", "50"],
    ["5", "一、丙公司", "工业", "70"],
    ["", "本页小计", "", "11420"],
    ["", "以上合计", "", "11420"],
    ["", "总计：", "", "11420"],
    ["", "合计（万元）", "", "11420"],
    ["", "全部企业平均值", "", "2284"],
    ["", "以上合计金额", "", "11420"],
]
COMPANIES = ["甲公司", "乙公司", "平均精密机械有限公司", "共计科技有限公司", "一、丙公司"]


def test_group_headings_and_prefixed_totals_in_a_csv_are_passed_over_and_said(tmp_path: Path) -> None:
    src = tmp_path / "名单.csv"
    src.write_text("\n".join(",".join(row) for row in [HEADER, *GROUPS]) + "\n", encoding="utf-8")
    out = tmp_path / "out.csv"
    code, _, err = invoke("batch", str(src), "--lang", "zh", "-o", str(out))
    assert code == 0
    assert [(r["企业名称"], r["处理结果"]) for r in read_csv(out)] == [(n, "已评估") for n in COMPANIES]
    assert "第 2、5、8 行（分组标题行）、第 4、7、12–15、17 行（合计行）、第 16 行（平均值行）" in err
    assert "共读取 16 行，已评估 5 行，出错 0 行，略过 11 行（不是企业，见上方提示）" in err


def test_group_headings_and_prefixed_totals_in_a_workbook_are_passed_over_and_said(tmp_path: Path) -> None:
    src = workbook(tmp_path / "名单.xlsx", ("名单", [HEADER, *GROUPS]))
    out = tmp_path / "out.csv"
    code, _, err = invoke("batch", str(src), "--lang", "en", "-o", str(out))
    assert code == 0
    assert [r["Company name"] for r in read_csv(out)] == COMPANIES
    assert "rows 2, 5, 8 (section headings), rows 4, 7, 12–15, 17 (totals), row 16 (averages)" in err


def test_a_heading_with_figures_is_still_a_company(tmp_path: Path) -> None:
    """一、高新区 with an amount beside it is not blank under its heading: a company (named oddly) is scored."""
    src = tmp_path / "名单.csv"
    src.write_text("企业名称,营业收入（2025年）\n一、高新区,5000\n", encoding="utf-8")
    out = tmp_path / "out.csv"
    code, _, err = invoke("batch", str(src), "--lang", "zh", "-o", str(out))
    assert code == 0 and [r["处理结果"] for r in read_csv(out)] == ["已评估"] and "分组标题行" not in err


ENDINGS = ("有限公司", "股份有限公司", "厂", "检测中心", "专业合作社", "研究院", "门市部", "商店")


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(["", "以上", "本页", "全部", "总", "高新区"]),
       st.sampled_from(["合计", "小计", "总计", "共计", "平均", "平均值", "均值"]),
       st.sampled_from(["", "精密", "科技", "（集团）"]), st.sampled_from(ENDINGS))
def test_a_name_ending_as_a_company_does_is_a_company_whatever_comes_before(
        before: str, word: str, middle: str, ending: str) -> None:
    """合计科技有限公司, 以上平均精密厂: a name that ends as a company's is read, never taken for sums;
    the same words without the ending are a totals or averages row."""
    name = before + word + middle + ending
    assert not_a_company(HEADER, ["1", name, "工业", "100"], False) is None
    assert not_a_company(HEADER, ["", before + word, "", "100"], False) in ("total", "average")


def test_amounts_in_a_currency_the_tool_cannot_convert_refuse_the_file_naming_column_and_unit(tmp_path: Path) -> None:
    """万美元 in the units row (or in the header) over 营业收入: the row was an error row saying 现在是“万元”, and
    the company under it read in 万元, 1000万美元 as 1000万元. The run stops in one line naming both; over a
    column the rules do not read (出口额) the unit changes nothing."""
    out = tmp_path / "out.csv"
    for text in ("企业名称,营业收入（2025年）,研发费用（2025年）\n,万美元,万元\n甲公司,1000,300\n",
                 "企业名称,营业收入（2025年）（万美元）,研发费用（2025年）\n甲公司,1000,300\n"):
        src = tmp_path / "名单.csv"
        src.write_text(text, encoding="utf-8")
        code, _, err = invoke("batch", str(src), "--lang", "zh", "-o", str(out))
        assert code == 2 and not out.exists() and len(err.strip().splitlines()) == 1
        assert "“营业收入（2025年）（万美元）”列：金额单位是“万美元”，无法换算" in err
    src = workbook(tmp_path / "名单.xlsx", ("名单", [["企业名称", "营业收入（2025年）"], ["", "千港元"], ["甲公司", 1000]]))
    code, _, err = invoke("batch", str(src), "--lang", "en", "-o", str(out))
    assert code == 2 and "营业收入（2025年）（千港元）: amounts in 千港元, which cannot be converted" in err
    src = tmp_path / "出口.csv"
    src.write_text("企业名称,营业收入（2025年）,出口额\n,万元,万美元\n甲公司,1000,300\n", encoding="utf-8")
    code, _, err = invoke("batch", str(src), "--lang", "zh", "-o", str(out))
    assert code == 0 and [r["处理结果"] for r in read_csv(out)] == ["已评估"] and "“出口额（万美元）”" in err


def test_a_foreign_unit_named_for_the_whole_sheet_stops_the_run_in_one_line(tmp_path: Path) -> None:
    """园区企业情况表（金额单位：万美元） or 单位：美元 over the names: 1000 was read as 1000万元 without a word (found
    in review); then every row was an error row, the same two lines 500 times for a park's list. The run
    stops in one line naming the unit and the row that says it, as 万美元 in a header does, for a CSV and
    a workbook alike, before anything is written."""
    out = tmp_path / "out.csv"
    rows = "".join(f"企业{i}公司,{1000 + i}\n" for i in range(500))
    for above, line, unit in (("园区企业情况表（金额单位：万美元）\n", 1, "万美元"), ("说明\n金额单位：美元\n", 2, "美元")):
        src = tmp_path / "名单.csv"
        src.write_text(above + "企业名称,营业收入（2025年）\n" + rows, encoding="utf-8")
        code, _, err = invoke("batch", str(src), "--lang", "zh", "-o", str(out))
        assert code == 2 and not out.exists()
        assert err.count("\n") == 1 and f"名单.csv 第 {line} 行：这一行写明全表金额单位是“{unit}”，无法换算" in err
    src = tmp_path / "名单.csv"
    src.write_text("企业名称,营业收入（2025年）\n金额单位：万美元,\n" + rows, encoding="utf-8")
    code, _, err = invoke("batch", str(src), "--lang", "en", "-o", str(out))
    assert code == 2 and err.count("\n") == 1 and "名单.csv:2: this line says the sheet's amounts are in 万美元" in err
    src = workbook(tmp_path / "名单.xlsx", ("名单", [["企业名称", "营业收入（2025年）"], ["单位：万美元", ""],
                                                    ["甲公司", 1000]]))
    code, _, err = invoke("batch", str(src), "--lang", "zh", "-o", str(out))
    assert code == 2 and err.count("\n") == 1 and "名单.xlsx:名单 第 2 行：这一行写明全表金额单位是“万美元”" in err
    src = workbook(tmp_path / "名单.xlsx", ("名单", [["2026年园区企业名单（金额单位：美元）"], ["企业名称", "营业收入（2025年）"],
                                                    ["甲公司", 1000]]))
    code, _, err = invoke("batch", str(src), "--lang", "zh", "-o", str(out))
    assert code == 2 and err.count("\n") == 1 and "第 1 行：这一行写明全表金额单位是“美元”" in err
    src = tmp_path / "名单.csv"
    src.write_text("金额单位：万元\n企业名称,营业收入（2025年）（元）\n甲公司,10000000\n", encoding="utf-8")
    code, _, _ = invoke("batch", str(src), "--lang", "zh", "-o", str(out))
    assert code == 0 and [r["处理结果"] for r in read_csv(out)] == ["已评估"]


def test_a_heading_split_between_the_sequence_and_name_columns_is_passed_over(tmp_path: Path) -> None:
    """一、 in the 序号 column and 高新区 under 企业名称, nothing else: scored, it was a company named 高新区 with
    no figure (found in review). Companies numbered 1, 2 and a 一 beside a company's name are still read."""
    src = tmp_path / "名单.csv"
    src.write_text("序号,企业名称,营业收入（2025年）\n一、,高新区,\n1,甲公司,5000\n（二）,经开区,\n2,乙公司,6000\n"
                   "三,丙精密机械有限公司,\n", encoding="utf-8")
    out = tmp_path / "out.csv"
    code, _, err = invoke("batch", str(src), "--lang", "zh", "-o", str(out))
    assert code == 0
    assert [r["企业名称"] for r in read_csv(out)] == ["甲公司", "乙公司", "丙精密机械有限公司"]
    assert "第 2、4 行（分组标题行）" in err


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(["填报单位", "报送单位", "申报单位", "填表单位", "编制单位"]),
       st.sampled_from(["元丰电子有限公司", "元气森林（北京）食品科技集团有限公司", "美元科技有限公司", "万元商贸行"]))
def test_the_organisation_filling_in_the_sheet_names_no_unit(label: str, org: str) -> None:
    """填报单位：元丰电子有限公司 above the list was read as 金额单位：元, and 5000 (万元) became 0.5万元 (found in
    review): 单位 there is who filled the sheet in. 金额单位：元 beside it in the same cell still names the unit."""
    from littlegiant.load.tabular import title_unit

    assert title_unit([f"{label}：{org}"]) is None
    assert title_unit([f"{label}：{org}  金额单位：元"]) == "元"
    assert title_unit([f"{label}：{org}", "单位：万元、人"]) == "万元"


def test_a_sheet_filled_in_by_a_company_whose_name_starts_with_yuan_keeps_its_amounts(tmp_path: Path) -> None:
    src = tmp_path / "名单.csv"
    src.write_text("园区企业情况表\n填报单位：元丰电子有限公司\n企业名称,营业收入（2025年）\n甲公司,5000\n", encoding="utf-8")
    out = tmp_path / "out.csv"
    code, _, err = invoke("batch", str(src), "--lang", "zh", "-o", str(out))
    assert code == 0 and "金额单位为元" not in err
    assert [r["处理结果"] for r in read_csv(out)] == ["已评估"]


def test_an_amount_typed_or_shown_in_a_foreign_currency_is_refused_as_foreign(tmp_path: Path) -> None:
    """$5,000 or 5000万美元 typed in a cell was told it is not an amount (应填金额…); a number Excel shows
    in dollars or euros was read in the column's unit as 人民币 without a word. Each is its row's error,
    saying the amount is foreign and to convert it; a head count shown with $ is still a head count."""
    from openpyxl import Workbook

    out = tmp_path / "out.csv"
    src = tmp_path / "名单.csv"
    src.write_text("企业名称,营业收入（2025年）\n甲公司,\"$5,000\"\n乙公司,5000万美元\n丙公司,USD 5m\n丁公司,¥5000\n",
                   encoding="utf-8")
    code, _, _ = invoke("batch", str(src), "--lang", "zh", "-o", str(out))
    rows = read_csv(out)
    assert code == 1 and [r["处理结果"] for r in rows] == ["出错", "出错", "出错", "已评估"]
    for row, typed in zip(rows, ("$5,000", "5000万美元", "USD 5m"), strict=False):
        assert row["错误说明"] == f"“营业收入（2025年）”列：“{typed}”是外币金额；本工具按人民币评估，请换算成人民币后以万元填写"
    book = Workbook()
    ws = book.active
    ws.append(["企业名称", "营业收入（2025年）", "从业人员（上年末）"])
    for name, fmt in (("甲公司", '"$"#,##0.00'), ("乙公司", "[$€-2] #,##0.00"), ("丙公司", "[$¥-804]#,##0.00"),
                      ("丁公司", "#,##0")):
        ws.append([name, 5000, 120])
        ws.cell(ws.max_row, 2).number_format = fmt
        ws.cell(ws.max_row, 3).number_format = '"$"#,##0'
    book.save(tmp_path / "名单.xlsx")
    code, _, _ = invoke("batch", str(tmp_path / "名单.xlsx"), "--lang", "zh", "-o", str(out))
    rows = read_csv(out)
    assert [r["处理结果"] for r in rows] == ["出错", "出错", "已评估", "已评估"]
    assert "“$5000”是外币金额" in rows[0]["错误说明"] and "“€5000”是外币金额" in rows[1]["错误说明"]
    assert "从业人员" not in rows[0]["错误说明"] + rows[1]["错误说明"]
