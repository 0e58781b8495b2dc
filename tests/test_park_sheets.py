"""A park's own sheets as staff fill them in: amounts in 元, merged cells, totals and footer rows,
notes sheets, the headers and cell words a park uses. Real files in, the output read back."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook
from tests.conftest import EXAMPLES
from typer.testing import CliRunner

from littlegiant.cli.app import app

runner = CliRunner()
AS_OF = "2026-11-26"
ROW_HEADER = ["企业名称", "行业", "从业人员（上年末）", "营业收入（2025年）", "营业收入（2024年）",
              "研发费用（2025年）", "持有有效的创新型中小企业称号"]


def invoke(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, [*args, "--as-of", AS_OF], env={"LANG": "zh_CN.UTF-8", "COLUMNS": "80"})
    return result.exit_code, result.stdout, result.stderr


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def results_sheet(path: Path) -> list[dict[str, object]]:
    """The results sheet of an output workbook, as openpyxl reads it back, one dict per row."""
    book = load_workbook(path, read_only=True)
    rows = list(book[book.sheetnames[0]].iter_rows(values_only=True))
    book.close()
    width = len(rows[0])
    return [dict(zip(rows[0], [*row, *[None] * (width - len(row))], strict=True)) for row in rows[1:]]


def yuan_rows() -> list[list[object]]:
    """乙: 900万 revenue and 50万 R&D, typed in 元 as a finance sheet holds them."""
    return [["乙公司", "工业", 60, 9000000, 8000000, 500000, "是"]]


def test_amounts_in_yuan_without_a_unit_are_flagged_in_the_batch_row(tmp_path: Path) -> None:
    """Revenue typed in 元 under a 万元 header is a figure to check in the xlsx results, worded as the interview
    asks; the amounts past any SME's size (both years' revenue) are said in one sentence, not one each."""
    book = Workbook()
    ws = book.active
    ws.append(ROW_HEADER)
    for row in yuan_rows():
        ws.append(row)
    book.save(tmp_path / "in.xlsx")
    out = tmp_path / "out.xlsx"
    code, _, _ = invoke("batch", str(tmp_path / "in.xlsx"), "-o", str(out), "--lang", "zh")
    (row,) = results_sheet(out)
    assert code == 0 and row["处理结果"] == "已评估"
    check = str(row["需核对的数据"])
    assert check == ("「营业收入（2025年）」9,000,000万元（即900亿元）等2项金额超出中小企业常见范围："
                     "是否把「元」当成了「万元」，或单位填错了？请核对")


def test_assess_file_warns_of_an_amount_in_yuan_in_text_and_json(tmp_path: Path) -> None:
    """assess FILE reports 80,000,000 万元 of revenue with 120 staff as a warning, in the report and in JSON."""
    src = tmp_path / "big.yaml"
    src.write_text("name: 甲公司\nindustry: industrial\nemployees: 120\nfinancials:\n  2025: {revenue: 80000000}\n",
                   encoding="utf-8")
    code, out, _ = invoke("assess", str(src), "--format", "json", "--lang", "zh")
    (warning,) = json.loads(out)["warnings"]
    assert code == 0 and (warning["kind"], warning["path"], warning["limit"]) == ("large", "financials.2025.revenue",
                                                                                  1000000)
    assert "是否把「元」当成了「万元」" in warning["message"]
    code, text, _ = invoke("assess", str(src), "--lang", "zh")
    assert "即8,000亿元" in text and "请先核对" in text


def test_the_interview_and_assess_share_one_plausibility_check(tmp_path: Path) -> None:
    """The interview's "元 typed as 万元" concern and assess's warning come from the same finding."""
    from datetime import date
    from decimal import Decimal

    from littlegiant.core.interview import Interview, Question
    from littlegiant.load import rules
    from littlegiant.load.consistency import LARGE, unusual_figures
    from littlegiant.load.profile import field_for_path

    rs = rules.load("miit-2026")
    iv = Interview(rs, date(2026, 11, 26))
    path = "financials.2025.revenue"
    q = Question(path, field_for_path(rs, path), 2025)
    (concern,) = iv.concerns(q, Decimal(80000000))
    (finding,) = unusual_figures(rs, {path: Decimal(80000000)})
    assert (concern.kind, concern.limit) == ("large", finding.limit) and finding.kind == LARGE
    assert iv.concerns(q, Decimal(8000)) == [] and unusual_figures(rs, {path: Decimal(8000)}) == []


def test_a_title_saying_amounts_are_in_yuan_converts_them_with_a_notice(tmp_path: Path) -> None:
    """Under 金额单位：元 in the title, 9,000,000 is 900 万元: 乙 is not 专精特新, and the run says how it read them."""
    book = Workbook()
    ws = book.active
    ws.title = "名单"
    ws.append(["园区企业经营情况（金额单位：元）"])
    ws.append([*ROW_HEADER, "研发费用（2024年）（万元）"])
    ws.append([*yuan_rows()[0], 45])
    ws.append(["丙公司", "工业", 60, "800万", None, None, "是", None])
    book.save(tmp_path / "in.xlsx")
    out = tmp_path / "out.xlsx"
    code, _, err = invoke("batch", str(tmp_path / "in.xlsx"), "--lang", "zh", "--format", "json",
                          "-o", str(tmp_path / "out.jsonl"))
    assert code == 0 and "表头上方写明金额单位为元，金额按元读入并换算成万元" in err
    yi, bing = (json.loads(line)["result"] for line in (tmp_path / "out.jsonl").read_text("utf-8").splitlines())
    assert yi["warnings"] == [] and yi["tiers"]["zjtx_sme"]["status"] == "unmet"
    code, _, _ = invoke("batch", str(tmp_path / "in.xlsx"), "-o", str(out), "--lang", "zh")
    row = results_sheet(out)[0]
    assert (row["专精特新中小企业"], row["需核对的数据"]) == ("不满足", None)
    assert bing["warnings"] == []


def test_merged_cells_fill_every_row_they_cover(tmp_path: Path) -> None:
    """行业 and 高新 merged over 甲 and 乙 count for both: 乙 is sized and scored as 甲 is; a merge over an
    empty row makes no company of it."""
    book = Workbook()
    ws = book.active
    ws.append(["企业名称", "行业", "从业人员（上年末）", "营业收入（2025年）", "有效期内的高新技术企业"])
    ws.append(["甲公司", "工业", 120, 8000, "是"])
    ws.append(["乙公司", None, 130, 9000, None])
    ws.append(["丙公司", "工业", 140, 9500, "否"])
    ws.append(["丁公司", "工业", 150, 9900, "否"])
    ws.merge_cells("B2:B3")
    ws.merge_cells("E2:E3")
    ws.merge_cells("A5:A6")  # a name merged over a row with nothing else: no second 丁公司
    book.save(tmp_path / "merged.xlsx")
    out = tmp_path / "out.xlsx"
    code, _, _ = invoke("batch", str(tmp_path / "merged.xlsx"), "-o", str(out), "--lang", "zh")
    rows = results_sheet(out)
    assert code == 0 and [r["企业规模"] for r in rows] == ["小型", "小型", "小型", "小型"]
    invoke("batch", str(tmp_path / "merged.xlsx"), "-o", str(tmp_path / "out.jsonl"), "--format", "json")
    results = [json.loads(line)["result"] for line in (tmp_path / "out.jsonl").read_text("utf-8").splitlines()]
    missing = [{m for t in r["tiers"].values() for c in t["criteria"] for m in c["missing"]} for r in results]
    assert "industry" not in missing[1] and "honors.high_tech_enterprise" not in missing[1]


def test_totals_and_footer_rows_are_skipped_and_said(tmp_path: Path) -> None:
    """A merged 合计 row and a 填表人 line are not companies: no row for them, and the run names their rows."""
    book = Workbook()
    ws = book.active
    ws.title = "摸底"
    ws.append(["苏州工业园区企业摸底统计表"])
    ws.append(["填报单位：园区经发局", None, None, None, "单位：万元、人"])
    ws.append(["序号", "企业名称", "行业", "从业人员（人）", "营业收入（2025年）"])
    ws.append([1, "甲公司", "工业", 120, 8000])
    ws.append([2, "乙公司", "工业", 130, 9000])
    ws.append(["合计", None, None, "=SUM(D4:D5)", "=SUM(E4:E5)"])
    ws.merge_cells("A6:C6")
    ws.append([])
    ws.append(["填表人：李四    审核人：王五    日期：2026年11月20日"])
    book.save(tmp_path / "park.xlsx")
    out = tmp_path / "out.xlsx"
    code, _, err = invoke("batch", str(tmp_path / "park.xlsx"), "-o", str(out), "--lang", "zh")
    rows = results_sheet(out)
    assert code == 0 and [r["企业名称"] for r in rows] == ["甲公司", "乙公司"]
    assert "park.xlsx:摸底 中以下行不是企业，未计入：第 6 行（合计行）、第 8 行（表尾说明）" in err
    assert err.strip().splitlines()[-1].startswith("共读取 4 行，已评估 2 行，出错 0 行，略过 2 行") and "金额单位" not in err


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
def test_words_beside_the_list_under_no_heading_are_no_company(tmp_path: Path, kind: str) -> None:
    """A check mark written beside the list (已核对 张三, in a column with no heading, below the companies)
    was scored from a workbook as a company with no name, every tier 未知, and counted in 已评估; a CSV
    passed the same row over. Both readers now pass it over and say it; a row with a headed cell is kept."""
    rows = [["企业名称", "行业", "从业人员（上年末）", "营业收入（2025年）", None, None],
            ["甲精密", "工业", 100, 5000, None, None], ["乙精密", "工业", 100, 5000, None, None],
            [None] * 6, [None, None, None, None, None, "已核对 张三"], [None, "工业", None, None, None, None]]
    src = tmp_path / f"park.{kind}"
    if kind == "xlsx":
        book = Workbook()
        for row in rows:
            book.active.append(row)
        book.save(src)
    else:
        src.write_text("".join(",".join("" if c is None else str(c) for c in row) + "\n" for row in rows),
                       encoding="utf-8-sig")
    code, _, err = invoke("batch", str(src), "-o", str(tmp_path / "out.csv"), "--lang", "zh")
    assert code == 0 and [r["企业名称"] for r in read_csv(tmp_path / "out.csv")] == ["甲精密", "乙精密", ""]
    assert "以下行不是企业，未计入：第 5 行（表尾说明）" in err
    assert err.strip().splitlines()[-1].startswith("共读取 4 行，已评估 3 行，出错 0 行，略过 1 行")


def test_two_exports_pasted_together_and_a_second_bom_are_read_as_one_list(tmp_path: Path) -> None:
    """Two exports of a list pasted one under the other: the second's header was an error row (「行业」列：现在是
    文字“行业”); a file saved twice with a byte-order mark lost its 企业名称 column to the second mark, every
    company nameless (a hostile-input review). The header again is passed over and said; the mark is no part
    of a header, nor is a zero-width space copied from a web page."""
    part = "\ufeff企业名称,行业\u200b,从业人员（上年末）,营业收入（2025年）\n甲公司,工业,100,5000\n乙公司,工业,200,6000\n"
    src = tmp_path / "park.csv"
    src.write_bytes(b"\xef\xbb\xbf" + (part + part).encode("utf-8"))
    code, _, err = invoke("batch", str(src), "-o", str(tmp_path / "out.csv"), "--lang", "zh")
    rows = read_csv(tmp_path / "out.csv")
    assert code == 0 and [r["企业名称"] for r in rows] == ["甲公司", "乙公司", "甲公司", "乙公司"]
    assert [r["企业规模"] for r in rows] == ["小型", "小型", "小型", "小型"]  # 行业 read, though marked
    assert "以下行不是企业，未计入：第 4 行（又一次出现的表头行）" in err


def test_a_totals_row_of_a_gbk_csv_is_skipped_and_said(tmp_path: Path) -> None:
    """合计 in a CSV's name column is no company named 合计."""
    src = tmp_path / "park.csv"
    src.write_bytes("企业名称,行业,从业人员,营业收入（2025年）\r\n甲公司,工业,120,8000\r\n合计,,120,8000\r\n"
                    "注：金额单位万元,,,\r\n以上数据由企业自报，园区未核实,,,\r\n以上企业按申报顺序排列,,,\r\n"
                    "乙公司,,,\r\n以上智能科技有限公司,,,\r\n以上金额单位：万元,,,\r\n以上填报内容属实,,,\r\n以上情况属实\r\n"
                    "以上统计截至2025年12月31日,,,\r\n以上为园区重点企业,,,\r\n".encode("gbk"))
    code, _, err = invoke("batch", str(src), "-o", str(tmp_path / "out.csv"), "--lang", "zh")
    # a sentence alone in the name column is a footnote (it was a company, 未知 for every tier); a name alone is not
    assert code == 0 and [r["企业名称"] for r in read_csv(tmp_path / "out.csv")] == ["甲公司", "乙公司", "以上智能科技有限公司"]
    assert "第 3 行（合计行）、第 4–6、9–13 行（表尾说明）" in err


def test_a_notes_sheet_is_passed_over_with_a_notice(tmp_path: Path) -> None:
    """A 填表说明 sheet of a line or two is no error row; a sheet of a table without a known header still is."""
    book = Workbook()
    ws = book.active
    ws.title = "名单"
    ws.append(["企业名称", "营业收入（2025年）"])
    ws.append(["甲公司", 8000])
    book.create_sheet("填表说明")["A1"] = "1. 金额单位为万元；2. 是/否 填“是”或“否”。"
    other = book.create_sheet("别的表")
    other.append(["Company", "Sales", "Staff"])
    other.append(["X", 1, 2])
    book.save(tmp_path / "in.xlsx")
    out = tmp_path / "out.csv"
    code, _, err = invoke("batch", str(tmp_path / "in.xlsx"), "-o", str(out), "--lang", "zh")
    rows = read_csv(out)
    assert code == 1 and [r["处理结果"] for r in rows] == ["已评估", "出错"]
    assert rows[1]["来源（文件:行）"].endswith("in.xlsx:别的表")
    assert "工作表" in err and "填表说明 没有企业名单表格（只有说明文字），已略过" in err


def test_a_hidden_sheet_of_companies_is_said_and_read_when_named(tmp_path: Path) -> None:
    """A list hidden in Excel was passed over without a word: its companies went missing from the
    results. It is still passed over (a template's hidden choices sheet is no list), but said, with
    the --sheet that reads it; a hidden sheet of no companies (the template's choices) is not said."""
    book = Workbook()
    book.active.append(["企业名称", "营业收入（2025年）"])
    book.active.append(["甲公司", 8000])
    put_away = book.create_sheet("已核实")
    put_away.append(["企业名称", "营业收入（2025年）"])
    put_away.append(["乙公司", 9000])
    put_away.sheet_state = "hidden"
    choices = book.create_sheet("选项")
    choices.append(["工业", "是"])
    choices.sheet_state = "hidden"
    book.save(tmp_path / "in.xlsx")
    code, _, err = invoke("batch", str(tmp_path / "in.xlsx"), "-o", str(tmp_path / "out.csv"), "--lang", "zh", "-q")
    assert code == 0 and [r["企业名称"] for r in read_csv(tmp_path / "out.csv")] == ["甲公司"]
    assert err.splitlines()[0] == (f"littlegiant 提示：工作表 {tmp_path / 'in.xlsx'}:已核实 是隐藏的，未读取；"
                                   "如要评估其中的企业，请用 --sheet 已核实")
    assert "选项" not in err
    code, _, _ = invoke("batch", str(tmp_path / "in.xlsx"), "-o", str(tmp_path / "named.csv"), "--sheet", "已核实", "-q")
    assert code == 0 and [r["企业名称"] for r in read_csv(tmp_path / "named.csv")] == ["乙公司"]


PARK_HEADERS = {
    "所属行业": "industry", "职工人数": "employees", "员工人数": "employees", "从业人数": "employees",
    "营收（2025年）": "financials.2025.revenue", "主营收入（2025年）": "financials.2025.main_revenue",
    "有效Ⅰ类知识产权（项）": "ip.class1", "一类知识产权": "ip.class1", "I类知识产权数量": "ip.class1",
    "Ⅱ类知识产权": "ip.class2", "II类知识产权": "ip.class2", "是否高企": "honors.high_tech_enterprise",
    "是否高新技术企业": "honors.high_tech_enterprise", "高新技术企业": "honors.high_tech_enterprise",
    "是否创新型中小企业": "titles.innovative_sme", "是否专精特新中小企业": "titles.zjtx_sme",
    "国内市场占有率": "market.domestic_share", "专精特新发展评价得分": "platform_score",
    # found by a user pass: each was passed over as 与评估无关, leaving 小巨人 未知 for every company
    "专精特新称号": "titles.zjtx_sme", "省级专精特新企业": "titles.zjtx_sme", "是否省级专精特新": "titles.zjtx_sme",
    "小巨人称号": "titles.little_giant", "科技型中小企业入库": "titles.tech_sme", "数字化水平等级": "digital_level",
    "数字化水平": "digital_level", "国内市场占有率排名": "market.domestic_rank",
    "是否专精特新称号": "titles.zjtx_sme", "已获专精特新称号": "titles.zjtx_sme", "是否小巨人称号": "titles.little_giant",
}


def test_the_headers_a_park_uses_are_read_as_their_fields(tmp_path: Path) -> None:
    """A sheet headed in a park's own words (职工人数, 是否高企, 有效Ⅰ类知识产权（项）…) is read, not passed over."""
    from littlegiant.load import rules
    from littlegiant.load.tabular import column

    rs = rules.load("miit-2026")
    assert {h: column(rs, h)[0] for h in PARK_HEADERS} == PARK_HEADERS
    src = tmp_path / "park.csv"
    src.write_text("企业名称,所属行业,职工人数,营收（2025年）,有效Ⅰ类知识产权（项）,是否高企,是否专精特新中小企业\n"
                   "甲公司,工业,120,8000,3,是,否\n", encoding="utf-8")
    code, _, err = invoke("batch", str(src), "-o", str(tmp_path / "out.jsonl"), "--format", "json")
    result = json.loads((tmp_path / "out.jsonl").read_text("utf-8"))["result"]
    missing = {m for t in result["tiers"].values() for c in t["criteria"] for m in c["missing"]}
    assert code == 0 and "与评估无关" not in err and result["sme"]["size"] == "small"
    assert not missing & {"ip.class1", "honors.high_tech_enterprise", "titles.zjtx_sme", "employees"}


def test_ambiguous_headers_stop_the_run_all_at_once_with_what_to_write(tmp_path: Path) -> None:
    """发明专利, 市场占有率 and 评价得分 could mean more than one field: one message, a line each, exit 2, nothing written."""
    src = tmp_path / "park.csv"
    src.write_text("企业名称,发明专利,市场占有率,评价得分,营收2024\n甲公司,1,2,3,4\n", encoding="utf-8")
    out = tmp_path / "out.csv"
    code, _, err = invoke("batch", str(src), "-o", str(out), "--lang", "zh")
    lines = [line for line in err.strip().splitlines() if not line.startswith("littlegiant 提示")]
    assert code == 2 and not out.exists() and len(lines) == 3
    assert "“发明专利”列：含义不明确（发明专利只是Ⅰ类知识产权的一种）：请按实际内容把列名改为“与主导产品相关的有效Ⅰ类知识产权”" in lines[0]
    assert "“主导产品国内细分市场占有率”或“主导产品国际细分市场占有率”" in lines[1]
    assert "“本年度专精特新" in lines[2] and "或“特色化指标得分（按本省指标，0–15）”" in lines[2]


IP_COLUMNS = {
    "有效发明专利数量": ("发明专利只是Ⅰ类知识产权的一种", "“与主导产品相关的有效Ⅰ类知识产权”，"),
    "有效发明专利数（件）": ("发明专利只是Ⅰ类知识产权的一种", "“与主导产品相关的有效Ⅰ类知识产权”，"),
    "授权专利数": ("没有分Ⅰ类和Ⅱ类", "“与主导产品相关的有效Ⅰ类知识产权”或“与主导产品相关的有效Ⅱ类知识产权”，"),
    "有效专利数": ("没有分Ⅰ类和Ⅱ类", "“与主导产品相关的有效Ⅰ类知识产权”或“与主导产品相关的有效Ⅱ类知识产权”，"),
    "实用新型专利数": ("实用新型、外观设计专利授权后维持超过2年才算Ⅱ类知识产权，且只是Ⅱ类的一种",
                "“与主导产品相关的有效Ⅱ类知识产权”，"),
    "软件著作权数": ("软件著作权只是Ⅱ类知识产权的一种，其他著作权不算", "“与主导产品相关的有效Ⅱ类知识产权”，"),
    "集成电路布图设计数": ("集成电路布图设计只是Ⅰ类知识产权的一种", "“与主导产品相关的有效Ⅰ类知识产权”，"),
}


def test_patent_and_copyright_counts_are_never_passed_over_but_refused_naming_the_class(tmp_path: Path) -> None:
    """A park's IP columns (有效发明专利数量, 授权专利数, 实用新型专利数, 软件著作权数, …) were passed over as 与评估无关,
    every company's IP left unknown, while 发明专利数 beside them stopped the run naming the column to use. Each is
    a part of a class at most (criteria.md §7), so none is read as one: each is refused as unclear, a line each,
    naming the class to head it as; exit 2, nothing written. A column of applications, names or shares of
    patents counts no IP: it is passed over as before."""
    src = tmp_path / "park.csv"
    extra = ["发明专利申请数", "专利名称", "发明专利占比"]
    src.write_text(",".join(["企业名称", "营业收入（2025年）", *IP_COLUMNS, *extra]) + "\n"
                   + ",".join(["甲公司", "3000", *["4"] * (len(IP_COLUMNS) + len(extra))]) + "\n", encoding="utf-8")
    out = tmp_path / "out.xlsx"
    code, _, err = invoke("batch", str(src), "-o", str(out), "--lang", "zh")
    lines = [line for line in err.strip().splitlines() if not line.startswith("littlegiant 提示")]
    assert code == 2 and not out.exists() and len(lines) == len(IP_COLUMNS), err
    for line, (header, (why, names)) in zip(lines, IP_COLUMNS.items(), strict=True):
        assert f"“{header}”列：含义不明确（{why}）：请按实际内容把列名改为{names}不需要的话删去这一列" in line, line
    src.write_text("企业名称,营业收入（2025年）,发明专利申请数,专利名称,发明专利占比\n甲公司,3000,4,一种装置,10%\n",
                   encoding="utf-8")
    code, _, err = invoke("batch", str(src), "-o", str(out), "--lang", "zh")
    assert code == 0 and "与评估无关，不参与评估（原样附在结果最后）：“发明专利申请数”、“专利名称”" in err, err


@pytest.mark.parametrize("header", ["专利情况", "中国专利奖", "获得专利奖"])
def test_an_ip_column_that_counts_nothing_is_passed_over_not_refused(tmp_path: Path, header: str) -> None:
    """Refusing counts of patents (above) stopped a whole run on 专利情况 and 中国专利奖 (exit 2, nothing
    written, 「没有分Ⅰ类和Ⅱ类」 said of an award): a column that describes (情况) or names an award is passed
    over and copied back, as it was. A kind of IP named alone (实用新型专利: 3) is a count, refused below."""
    src = tmp_path / "park.csv"
    src.write_text(f"企业名称,营业收入（2025年）,{header}\n甲公司,3000,有\n", encoding="utf-8")
    code, _, err = invoke("batch", str(src), "-o", str(tmp_path / "out.csv"), "--lang", "zh", "--as-of", "2026-11-26")
    assert code == 0, err
    assert f"以下列与评估无关，不参与评估（原样附在结果最后）：“{header}”" in "".join(err.split()), err


@pytest.mark.parametrize("header", ["市级专精特新企业", "国家级专精特新企业", "科技型中小企业入库年份", "国际市场占有率排名"])
def test_a_column_near_a_title_or_an_international_rank_is_passed_over_and_copied_back(tmp_path: Path,
                                                                                       header: str) -> None:
    """Title headers read by their exact names only: as near names of a hint, 市级专精特新企业 stopped the run with 您是不是想写 the provincial
    title 小巨人 asks for (a city's is not it), and 科技型中小企业入库年份 was steered to a yes/no. No
    criterion reads an international rank: it was told to be renamed the domestic share."""
    src = tmp_path / "park.csv"
    src.write_text(f"企业名称,营业收入（2025年）,{header}\n甲公司,8000,是\n", encoding="utf-8")
    code, _, err = invoke("batch", str(src), "-o", str(tmp_path / "out.csv"), "--lang", "zh", "--as-of", "2026-11-26")
    assert code == 0, err
    assert f"以下列与评估无关，不参与评估（原样附在结果最后）：“{header}”" in "".join(err.split())
    row = read_csv(tmp_path / "out.csv")[0]
    assert (row.get(f"{header}（原表）") or row[header]) == "是"  # the park's own, beside a result column so headed


@pytest.mark.parametrize(("header", "path"), [
    ("专精特新中小企业", "titles.zjtx_sme"), ("专精特新（是/否）", "titles.zjtx_sme"), ("专精特新企业", "titles.zjtx_sme"),
    ("创新型中小企业（是/否）", "titles.innovative_sme"), ("科技型中小企业", "titles.tech_sme"),
    ("小巨人企业", "titles.little_giant"), ("专精特新“小巨人”企业", "titles.little_giant")])
def test_a_title_column_headed_by_the_title_alone_is_read(tmp_path: Path, header: str, path: str) -> None:
    """A park heads its 是/否 column of a title by the title's name (专精特新中小企业: 是). It was passed over
    as 与评估无关: every company's titles unknown, so 小巨人 stayed 未知 though the sheet said 是."""
    src = tmp_path / "park.csv"
    src.write_text(f"企业名称,营业收入（2025年）,{header}\n甲公司,8000,是\n乙公司,8000,否\n丙公司,8000,大概\n",
                   encoding="utf-8")
    code, _, err = invoke("batch", str(src), "-o", str(tmp_path / "out.jsonl"), "--format", "json", "--lang", "zh",
                          "--as-of", "2026-11-26")
    assert code == 0 and "与评估无关" not in err, err
    *scored, vague = (tmp_path / "out.jsonl").read_text("utf-8").splitlines()
    # 大概 (as 2024, 省级, 2022年认定: a park's own record) is no answer: the title unknown, the company
    # scored, and the row says why the title is unknown and what to write
    vague_criteria = [c for t in json.loads(vague)["result"]["tiers"].values() for c in t["criteria"]]
    assert not any(path in c.get("inputs", {}) and c["inputs"][path] is not None for c in vague_criteria)
    assert "input_columns" not in json.loads(vague)  # the column is read, not copied back as the park's own
    assert json.loads(vague)["notes"] == [f"“{header}”列填的不是“是/否”，按“未知”处理：称号仍在有效期内的请填“是”，否则填“否”"]
    assert all("notes" not in json.loads(line) for line in scored)
    for line, held in zip(scored, (True, False), strict=True):
        criteria = [c for t in json.loads(line)["result"]["tiers"].values() for c in t["criteria"]]
        read = {v for c in criteria for p, v in c.get("inputs", {}).items() if p == path}
        assert read == {held} or (path == "titles.little_giant" and not read)  # no 2026 criterion asks it
        assert not any(path in c["missing"] for c in criteria)
        if held and path == "titles.zjtx_sme":  # 小巨人's own title criterion met on the sheet's 是
            assert any(c["status"] == "met" and c.get("inputs") == {path: True} for c in criteria)


def test_a_title_column_yields_to_the_results_and_to_a_fuller_column(tmp_path: Path) -> None:
    """The same words head batch's result columns: a verdict under them (满足) is no title held and is
    passed over, as is the bare column beside 是否专精特新中小企业 (not a column given twice), whatever it
    holds (2024 beside 是 made the row an error); beside a blank fuller cell, its answer is read."""
    src = tmp_path / "park.csv"
    src.write_text("企业名称,是否专精特新中小企业,专精特新中小企业\n甲公司,是,\n乙公司,否,否\n丙公司,,满足\n丁公司,,不满足\n"
                   "戊公司,是,2024\n己公司,,是\n", encoding="utf-8")
    code, _, err = invoke("batch", str(src), "-o", str(tmp_path / "out.jsonl"), "--format", "json", "--as-of", "2026-11-26")
    assert code == 0, err
    held = []
    for line in (tmp_path / "out.jsonl").read_text("utf-8").splitlines():
        result = json.loads(line)["result"]
        missing = {m for t in result["tiers"].values() for c in t["criteria"] for m in c["missing"]}
        given = {v for t in result["tiers"].values() for c in t["criteria"] for p, v in c.get("inputs", {}).items()
                 if p == "titles.zjtx_sme"}
        held.append(None if "titles.zjtx_sme" in missing else given)
    assert held == [{True}, {False}, None, None, {True}, {True}]
    lines = (tmp_path / "out.jsonl").read_text("utf-8").splitlines()
    assert not any("notes" in json.loads(line) for line in lines)  # 2024 beside 是: the fuller one answered


def test_a_market_share_rank_column_is_told_the_rank_to_write_not_the_share(tmp_path: Path) -> None:
    """市场占有率排名 was told to be renamed 主导产品国内细分市场占有率: followed, a rank of 2 read as a
    2% share, which fails the 10% the rank of 2 meets (criteria.md §6.2, 国内前三名)."""
    src = tmp_path / "park.csv"
    src.write_text("企业名称,市场占有率排名\n甲公司,2\n", encoding="utf-8")
    code, _, err = invoke("batch", str(src), "-o", str(tmp_path / "out.csv"), "--lang", "zh")
    assert code == 2 and not (tmp_path / "out.csv").exists()
    assert "“市场占有率排名”列：含义不明确（没有写明国内还是国际）：请按实际内容把列名改为“主导产品国内细分市场排名（0为无排名）”" \
        in err and "细分市场占有率”" not in err


def test_a_bad_column_on_a_later_sheet_sets_that_sheet_aside(tmp_path: Path) -> None:
    """Every sheet's header is read first: a misnamed column on sheet 2 makes its companies error rows, named at the
    end with each column to change (it stopped sheet 1's companies too); sheet 1 is scored, exit 1."""
    book = Workbook()
    book.active.append(["企业名称", "营业收入（2025年）"])
    book.active.append(["甲公司", 8000])
    second = book.create_sheet("二")
    second.append(["企业名称", "营业收人（2025年）", "Ⅱ类知识产权数", "细分市场排名"])
    second.append(["乙公司", 8000, 1, 2])
    book.save(tmp_path / "in.xlsx")
    out = tmp_path / "out.csv"
    code, _, err = invoke("batch", str(tmp_path / "in.xlsx"), "-o", str(out), "--lang", "zh")
    lines = [line for line in err.strip().splitlines() if not line.startswith("littlegiant 提示")]
    assert code == 1 and [r["企业名称"] for r in read_csv(out)] == ["甲公司", "乙公司"]
    unread = [line for line in lines if "未能读取" in line]
    assert len(unread) == 1 and unread[0].startswith(f"littlegiant：{tmp_path / 'in.xlsx'}:二 未能读取：")
    assert "“营业收人（2025年）”列：不认识这一列；您是不是想写“营业收入（2025年）”？" in unread[0]
    assert "可加上 --sheet Sheet 只读取名单" in unread[0]  # the way to read Sheet alone


def test_suggestions_never_name_a_field_of_another_meaning(tmp_path: Path) -> None:
    """A near miss of Ⅰ类 is not steered to 高价值 Ⅰ类, nor --set's rd to revenue: rd_expense, or nothing."""
    said = {}
    for header in ("Ⅲ类知识产权", "I类知识产", "Ⅱ类知识产权"):
        (tmp_path / "in.csv").write_text(f"企业名称,{header}\n甲,1\n", encoding="utf-8")
        code, _, err = invoke("batch", str(tmp_path / "in.csv"), "-o", str(tmp_path / "out.csv"), "--lang", "zh")
        said[header] = (code, err)
    assert "您是不是想写" not in said["Ⅲ类知识产权"][1]
    assert "您是不是想写“与主导产品相关的有效Ⅰ类知识产权”？" in said["I类知识产"][1]
    assert said["Ⅱ类知识产权"][0] == 0 and "高价值" not in said["Ⅱ类知识产权"][1]
    src = tmp_path / "co.yaml"
    src.write_text("name: 甲\nindustry: industrial\n", encoding="utf-8")
    code, _, err = invoke("assess", str(src), "--lang", "zh", "--set", "financials.2025.rd=500")
    assert code == 2 and "您是不是想写「研发费用（2025年）」（financials.2025.rd_expense）？" in err


def test_ticks_crosses_dashes_and_remarks_in_cells_are_read(tmp_path: Path) -> None:
    """√/× are yes/no, "--", "—" and "/" are unknown (never zero), 是（2024年认定） is yes; 已入库 is still refused."""
    book = Workbook()
    ws = book.active
    ws.append(["企业名称", "行业", "营业收入（2025年）", "有效期内的高新技术企业", "持有有效的创新型中小企业称号"])
    ws.append(["甲公司", "工业", "--", "√", "×"])
    ws.append(["乙公司", "制造业", "—", "是（2024年认定）", "/"])
    ws.append(["丙公司", "采矿业", 8000, "✓", "已入库"])
    book.save(tmp_path / "cells.xlsx")
    code, _, _ = invoke("batch", str(tmp_path / "cells.xlsx"), "-o", str(tmp_path / "out.jsonl"), "--format", "json")
    lines = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text("utf-8").splitlines()]
    assert code == 1 and [line["status"] for line in lines] == ["scored", "scored", "error"]
    missing = [{m for t in line["result"]["tiers"].values() for c in t["criteria"] for m in c["missing"]}
               for line in lines[:2]]
    assert "financials.2025.revenue" in missing[0] and "financials.2025.revenue" in missing[1]
    assert "honors.high_tech_enterprise" not in missing[0] | missing[1]
    assert "titles.innovative_sme" not in missing[0] and "titles.innovative_sme" in missing[1]
    assert "已入库" in lines[2]["error"]


def test_a_yes_whose_remark_says_lapsed_or_pending_is_not_a_yes(tmp_path: Path) -> None:
    """是（已过期）, 是(申报中), 是（待认定） are refused, in a cell and in --set, saying to answer 否 or
    不知道: read as yes they passed tier 1 on a title the company does not hold. 是（2024年认定） is yes,
    否（已过期） is no."""
    src = tmp_path / "titles.csv"
    src.write_text("企业名称,行业,有效期内的高新技术企业\n甲,工业,是（已过期）\n乙,工业,是(申报中)\n丙,工业,是（待认定）\n"
                   "丁,工业,是（2024年认定）\n戊,工业,否（已过期）\n己,工业,是（2025年复核通过）\n庚,工业,是（未过期）\n"
                   "辛,工业,是（2022年认定已满3年）\n壬,工业,是（已作废）\n癸,工业,是（到2025年12月）\n", encoding="utf-8")
    code, _, _ = invoke("batch", str(src), "-o", str(tmp_path / "out.csv"), "--lang", "zh")
    rows = read_csv(tmp_path / "out.csv")
    # only a remark that says when or how the title was won or renewed, or that it is valid, keeps a yes
    assert code == 1 and [bool(r["错误说明"]) for r in rows] == [True, True, True, False, False, False, False,
                                                                 True, True, True]
    assert rows[0]["错误说明"] == ("“有效期内的高新技术企业”列：“是（已过期）”不能算作“是”：目前确实具备才填“是”；"
                                  "已过期、正在申报或待认定的填“否”，说不准的填“不知道”")
    example = str(Path(__file__).parent.parent / "examples" / "micro-startup.yaml")
    said = {}
    for answer in ("是（已过期）", "否（已过期）", "是（2024年认定）"):  # 2022 rules: the title alone decides tier 1
        done = runner.invoke(app, ["assess", example, "--as-of", "2026-03-01", "--lang", "zh", "--format", "json",
                                   "--set", f"honors.high_tech_enterprise={answer}"])
        said[answer] = (done.exit_code, done.stdout, done.stderr)
    assert said["是（已过期）"][0] == 2 and "不能算作“是”" in said["是（已过期）"][2]
    assert json.loads(said["否（已过期）"][1])["tiers"]["innovative_sme"]["status"] == "unmet"
    assert json.loads(said["是（2024年认定）"][1])["tiers"]["innovative_sme"]["status"] == "met"


def test_a_title_marked_by_its_state_is_read_and_one_marked_by_a_year_is_asked_about(tmp_path: Path) -> None:
    """A park marks titles as 已认定 or 未认定 more often than 是/否: each such cell made the whole company
    an error row. They are read as held or not (已入库 only for the 科技型 registration). 2022年认定 says
    when, not whether it still holds (three years, unless renewed): refused, saying what to write; under
    the title's bare name, the title is left unknown and the company still scored."""
    src = tmp_path / "titles.csv"
    src.write_text("企业名称,行业,是否专精特新中小企业,有效期内的高新技术企业,是否科技型中小企业\n"
                   "甲,工业,已认定,有效期内,已入库\n乙,工业,未认定,已获得,未入库\n丙,工业,2022年认定,否,\n"
                   "丁,工业,否,2023.9认定,\n", encoding="utf-8")
    code, _, _ = invoke("batch", str(src), "-o", str(tmp_path / "out.jsonl"), "--format", "json", "--lang", "zh")
    lines = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text("utf-8").splitlines()]
    assert code == 1 and [line["status"] for line in lines] == ["scored", "scored", "error", "error"]
    read = [{k: v for t in line["result"]["tiers"].values() for c in t["criteria"]
             for k, v in c.get("inputs", {}).items() if k.split(".")[0] in ("titles", "honors")} for line in lines[:2]]
    assert [(r["titles.zjtx_sme"], r["honors.high_tech_enterprise"], r["titles.tech_sme"]) for r in read] == [
        (True, True, True), (False, True, False)]
    assert lines[2]["error"] == ("“是否专精特新中小企业”列：“2022年认定”说的是何时获得，不是现在是否有效"
                                 "（称号一般3年有效，到期未复核即失效）：目前仍在有效期内填“是”，否则填“否”")
    assert "“2023.9认定”说的是何时获得" in lines[3]["error"]
    bare = tmp_path / "bare.csv"
    bare.write_text("企业名称,行业,专精特新中小企业\n甲,工业,已认定\n乙,工业,2022年认定\n", encoding="utf-8")
    code, _, _ = invoke("batch", str(bare), "-o", str(tmp_path / "bare.jsonl"), "--format", "json")
    lines = [json.loads(line) for line in (tmp_path / "bare.jsonl").read_text("utf-8").splitlines()]
    assert [line["status"] for line in lines] == ["scored", "scored"]
    missing = [{m for t in line["result"]["tiers"].values() for c in t["criteria"] for m in c["missing"]}
               for line in lines]
    assert "titles.zjtx_sme" not in missing[0] and "titles.zjtx_sme" in missing[1]


def test_a_lapsed_or_pending_title_is_read_as_not_held(tmp_path: Path) -> None:
    """已过期, 过期, 申报中, 待认定 and 未通过 were error rows, 「应填是或否」, while the tool's own
    refusal of 是（已过期） says to write 否 for a lapsed or pending title: a park then called the
    company and ran the list again for an answer the cell gave. Not held, and the tier reads it so;
    已认定（已过期）, 已过期（2025年复核通过） and 待复核 still say nothing certain and are refused."""
    src = tmp_path / "titles.csv"
    states = ["已过期", "过期", "已失效", "申报中", "正在申报", "待认定", "复核未通过"]
    src.write_text("企业名称,行业,是否专精特新中小企业\n" + "".join(f"{n},工业,{s}\n" for n, s in enumerate(states))
                   + "甲,工业,已认定（已过期）\n乙,工业,待复核\n丙,工业,已过期（2025年复核通过）\n"
                   + "丁,工业,申报中（原称号有效期内）\n戊,工业,已过期（2023年）\n", encoding="utf-8")
    code, _, _ = invoke("batch", str(src), "-o", str(tmp_path / "out.jsonl"), "--format", "json", "--lang", "zh")
    lines = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text("utf-8").splitlines()]
    # a lapse its remark undoes (renewed since) is no "not held": refused, as 已认定（已过期） is; a year beside it is a lapse
    assert code == 1 and [line["status"] for line in lines] == ["scored"] * len(states) + ["error"] * 4 + ["scored"]
    lines = lines[:len(states) + 2]
    for line in lines[:len(states)]:
        held = {c["inputs"]["titles.zjtx_sme"] for t in line["result"]["tiers"].values() for c in t["criteria"]
                if "titles.zjtx_sme" in c.get("inputs", {})}
        assert held == {False}, line["name"]
    assert "不能算作“是”" in lines[-2]["error"] and "应填是或否" in lines[-1]["error"]


def test_a_plain_industry_word_is_its_choice_and_a_refusal_lists_chinese_labels(tmp_path: Path) -> None:
    """制造业 and 采矿业 are 工业 (the size standard says so); 批发和零售业 spans two standards and is refused
    naming those two; a word naming none is refused with every choice in Chinese, no ids, nothing cut off,
    after what manufacturers fill."""
    src = tmp_path / "ind.csv"
    src.write_text("企业名称,行业,从业人员,营业收入（2025年）\n甲,制造业,120,8000\n乙,采矿业,120,8000\n"
                   "丙,批发和零售业,120,8000\n丁,高新技术,120,8000\n", encoding="utf-8")
    code, _, _ = invoke("batch", str(src), "-o", str(tmp_path / "out.csv"), "--lang", "zh")
    rows = read_csv(tmp_path / "out.csv")
    assert code == 1 and [r["企业规模"] for r in rows] == ["小型", "小型", "", ""]
    assert rows[2]["错误说明"] == "“行业”列：现在是文字“批发和零售业”，这包括不止一类，请写批发业或零售业"
    error = rows[3]["错误说明"]
    assert error.startswith("“行业”列：现在是文字“高新技术”，不是可填的选项：制造业企业（如电子元器件、"
                            "机械、新材料）请填“工业”。可填的有：农、林、牧、渔业；工业；")
    assert error.endswith("；其他未列明行业") and "industrial" not in error


def test_plain_words_for_an_institution_level_are_its_choice(tmp_path: Path) -> None:
    """省级, 省部级, 省级(省部级) (half-width brackets) are 省级（省部级）, 没有 and 否 are 无: a park's sheet
    says them, and refusing them made each such company an error row."""
    src = tmp_path / "inst.csv"
    words = ["省级", "省部级", "省级(省部级)", "没有", "否", "区级", "国家级", "江苏省工程技术研究中心", "市级企业技术中心",
             "国家企业技术中心"]  # a 研发机构 column often holds the institution's name: its level is in it
    src.write_text("企业名称,行业,经认定的研发机构的最高级别\n" + "".join(f"{w}公司,工业,{w}\n" for w in words),
                   encoding="utf-8")
    code, _, _ = invoke("batch", str(src), "-o", str(tmp_path / "out.jsonl"), "--format", "json")
    lines = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text("utf-8").splitlines()]
    read = [{c["inputs"]["rd_institution"] for t in line["result"]["tiers"].values() for c in t["criteria"]
             if "rd_institution" in c.get("inputs", {})} for line in lines]
    assert code == 0 and read == [{"provincial"}] * 3 + [{"none"}] * 2 + [{"below_city"}, {"national"}, {"provincial"},
                                                                          {"city"}, {"national"}]


def test_assess_on_a_table_points_to_batch_in_one_line(tmp_path: Path) -> None:
    """assess park.xlsx or a GBK park.csv says to use batch, with the command, not that the file is not text."""
    book = Workbook()
    book.active.append(["企业名称", "营业收入（2025年）"])
    book.save(tmp_path / "park.xlsx")
    (tmp_path / "park.csv").write_bytes("企业名称,营业收入（2025年）\r\n甲,8000\r\n".encode("gbk"))
    for name in ("park.xlsx", "park.csv"):
        code, out, err = invoke("assess", str(tmp_path / name), "--lang", "zh")
        assert (code, out, len(err.strip().splitlines())) == (2, "", 1)
        assert err.strip().endswith(f"这是多家企业的表格，assess 只读单家企业的资料文件；请改用：littlegiant batch {tmp_path / name} "
                                    "-o 评估结果.xlsx")  # the path as given: run from where it was typed


def test_a_unit_before_the_year_in_a_header_is_read_as_the_unit(tmp_path: Path) -> None:
    """营业收入（元）（2025年） holds 元 as 营业收入（2025年）（元） does: 80,000,000 is 8,000 万元, no figure to check."""
    book = Workbook()
    ws = book.active
    ws.append(["企业名称", "行业", "从业人员（上年末）", "营业收入（元）（2025年）", "营业收入(元)(2024年)",
               "研发费用（2025年）（元）"])
    ws.append(["甲公司", "工业", 120, 80000000, 70000000, 4000000])
    ws.append(["乙公司", "工业", 120, "8000万", "7000万", "400万"])
    book.save(tmp_path / "in.xlsx")
    code, _, err = invoke("batch", str(tmp_path / "in.xlsx"), "-o", str(tmp_path / "out.xlsx"), "--lang", "zh")
    jia, yi = results_sheet(tmp_path / "out.xlsx")
    assert code == 0 and "与评估无关" not in err
    assert jia["需核对的数据"] is None and {k: v for k, v in jia.items() if k not in ("企业名称", "来源（文件:行）")} == \
        {k: v for k, v in yi.items() if k not in ("企业名称", "来源（文件:行）")}
    code, _, _ = invoke("batch", str(tmp_path / "in.xlsx"), "-o", str(tmp_path / "out.jsonl"), "--format", "json")
    first = json.loads((tmp_path / "out.jsonl").read_text("utf-8").splitlines()[0])["result"]
    assert code == 0 and first["warnings"] == [] and first["sme"]["size"] == "small"


def test_the_headers_parks_write_for_last_year_and_levels_are_read(tmp_path: Path) -> None:
    """上年度 is the --as-of's last year, 25年 is 2025, 年度 and 万元 may share brackets; 研发机构级别 and
    细分市场年限 are their fields: nothing is passed over, and the figures reach the result."""
    src = tmp_path / "park.csv"
    src.write_text("企业名称,行业,从业人员,上年度营业收入,营业收入（2024年度，万元）,23年营业收入,研发机构级别,"
                   "从事细分市场年限,研发费用（上年度）\n"
                   "甲公司,工业,120,8000,7000,6000,省级,6,400\n", encoding="utf-8")
    code, _, err = invoke("batch", str(src), "-o", str(tmp_path / "out.jsonl"), "--format", "json")
    result = json.loads((tmp_path / "out.jsonl").read_text("utf-8"))["result"]
    missing = {m for t in result["tiers"].values() for c in t["criteria"] for m in c["missing"]}
    assert code == 0 and "与评估无关" not in err and result["sme"]["size"] == "small"
    assert not missing & {"financials.2025.revenue", "financials.2024.revenue", "financials.2023.revenue",
                          "financials.2025.rd_expense", "rd_institution", "niche_years"}


def test_the_year_before_last_is_read_from_qiannian_headers_and_in_set(tmp_path: Path) -> None:
    """前年营业收入 and 研发费用（上上年度） were refused with a hint to write 2025's, which would label
    2024's figures as 2025's: they are the year before the --as-of's last year, in a sheet and in
    --set alike (2024's under an as-of in 2026, 2025's under one in 2027)."""
    src = tmp_path / "park.csv"
    src.write_text("企业名称,行业,上年度营业收入,前年营业收入,研发费用（上上年度）\n甲公司,工业,8000,7000,350\n", encoding="utf-8")
    run = runner.invoke(app, ["batch", str(src), "-o", str(tmp_path / "out.jsonl"), "--format", "json", "--as-of", "2027-03-01"])
    code, err = run.exit_code, run.stderr
    result = json.loads((tmp_path / "out.jsonl").read_text("utf-8"))["result"]
    read = {k: v for t in result["tiers"].values() for c in t["criteria"] for k, v in c.get("inputs", {}).items()}
    assert code == 0, err
    assert (read["financials.2026.revenue"], read["financials.2025.revenue"], read["financials.2025.rd_expense"]) == \
        (8000, 7000, 350)
    done = runner.invoke(app, ["assess", str(EXAMPLES / "little-giant-2026.yaml"), "--as-of", AS_OF, "--format", "json",
                               "--set", "前年研发费用=600"])
    assert json.loads(done.stdout)["what_if"]["assumed"] == [
        {"path": "financials.2024.rd_expense", "before": 560, "after": 600}]


def test_headers_that_hold_a_figures_words_but_not_the_figure_are_refused_with_what_to_write(tmp_path: Path) -> None:
    """销售额, R&D经费 and 营业收入合计 are not passed over as of no use, nor is a yes/no 省级以上研发机构 taken
    for a level: each is refused by name with the column to write; 研发机构名称 (a name) is not among them."""
    src = tmp_path / "park.csv"
    src.write_text("企业名称,2025年销售额,R&D经费（2025年）,省级以上研发机构,营业收入合计,研发机构名称\n"
                   "甲公司,8000,400,是,8000,某某中心\n", encoding="utf-8")
    out = tmp_path / "out.csv"
    code, _, err = invoke("batch", str(src), "-o", str(out), "--lang", "zh")
    lines = [line for line in err.strip().splitlines() if not line.startswith("littlegiant 提示")]
    assert code == 2 and not out.exists() and len(lines) == 4
    assert "“2025年销售额”列：含义不明确（没有写明是营业收入还是主营业务收入）" in lines[0]
    assert "“R&D经费（2025年）”列：含义不明确（研发投入可能含研发费用以外的支出）：请按实际内容把列名改为“研发费用（2025年）”" in lines[1]
    assert "“省级以上研发机构”列：这一列只说有没有，评估要的是级别：请把列名改为“经认定的研发机构的最高级别”" in lines[2]
    assert "“营业收入合计”列：列名里有“营业收入”，但看不出是哪一项数据：若填的是这一项，请把列名改为“营业收入（2025年）”" in lines[3]
    assert "研发机构名称" not in err


def test_excel_unicode_text_and_semicolon_csv_are_read_by_their_delimiter(tmp_path: Path) -> None:
    """Excel's "Unicode 文本" (UTF-16 with a BOM, tabs, saved as .txt) and a CSV parted by semicolons or pipes read as
    their columns: 甲's figures size it, not one column and an empty company."""
    lines = [["企业名称", "行业", "营业收入（2025年）", "从业人员"], ["甲公司", "工业", "8000", "100"]]
    tab = tmp_path / "名单.txt"
    tab.write_bytes(b"\xff\xfe" + "".join("\t".join(r) + "\r\n" for r in lines).encode("utf-16-le"))
    semi = tmp_path / "semi.csv"
    semi.write_text("\n".join(";".join(r) for r in lines) + "\n", encoding="utf-8-sig")
    pipe = tmp_path / "pipe.csv"  # a finance system's export: read as one column, it was refused as no list
    pipe.write_text("\n".join("|".join(r) for r in lines) + "\n", encoding="utf-8")
    for src in (tab, semi, pipe):
        out = tmp_path / f"{src.stem}-out.csv"
        code, _, err = invoke("batch", str(src), "-o", str(out), "--lang", "zh")
        (row,) = read_csv(out)
        assert code == 0 and (row["企业名称"], row["企业规模"]) == ("甲公司", "小型") and "与评估无关" not in err


def test_a_table_read_as_one_column_of_semicolons_stops_with_a_plain_message(tmp_path: Path) -> None:
    """A header parted by full-width semicolons reads as one column: exit 2 saying how to save the file, nothing written."""
    src = tmp_path / "in.csv"
    src.write_text("企业名称；营业收入（2025年）；从业人员\n甲公司；8000；100\n", encoding="utf-8")
    out = tmp_path / "out.csv"
    code, _, err = invoke("batch", str(src), "-o", str(out), "--lang", "zh")
    assert code == 2 and not out.exists()
    assert "读出来只有一列，列名里夹着制表符或分号：请在 Excel 中另存为“CSV（逗号分隔）”或 Excel 工作簿（.xlsx）后再试" in err


def test_rows_numbered_but_blank_are_skipped_and_a_row_without_a_name_says_so(tmp_path: Path) -> None:
    """A template numbered 1–20 with two companies filled in gives two rows, not twenty: the numbered blanks are
    skipped and counted in the summary; a row of figures without 企业名称 is scored with a note saying so."""
    book = Workbook()
    ws = book.active
    ws.title = "名单"
    ws.append(["序号", "企业名称", "行业", "营业收入（2025年）", "从业人员"])
    ws.append([1, "甲公司", "工业", 8000, 100])
    ws.append([2, None, "工业", 5000, 50])
    for number in range(3, 21):
        ws.append([number])
    book.save(tmp_path / "in.xlsx")
    csv_src = tmp_path / "in.csv"
    csv_src.write_text("序号,企业名称,行业,营业收入（2025年）,从业人员\n1,甲公司,工业,8000,100\n2,,工业,5000,50\n"
                       + "".join(f"{n},,,,\n" for n in range(3, 21)), encoding="utf-8")
    out = tmp_path / "out.xlsx"
    code, _, err = invoke("batch", str(tmp_path / "in.xlsx"), "-o", str(out), "--lang", "zh")
    jia, nameless = results_sheet(out)
    assert code == 0 and (jia["企业名称"], jia["需核对的数据"]) == ("甲公司", None)
    assert (nameless["企业名称"], nameless["处理结果"], nameless["企业规模"]) == (None, "已评估", "小型")
    assert nameless["需核对的数据"] == "没有填写企业名称，请补上以便识别是哪家企业"
    assert "in.xlsx:名单 中以下行不是企业，未计入：第 4–21 行（只有序号的空行）" in err
    assert err.strip().splitlines()[-1] == f"共读取 20 行，已评估 2 行，出错 0 行，略过 18 行（不是企业，见上方提示）→ {out}"
    code, _, err = invoke("batch", str(csv_src), "-o", str(tmp_path / "out.csv"), "--lang", "zh")
    assert code == 0 and [r["企业名称"] for r in read_csv(tmp_path / "out.csv")] == ["甲公司", ""]
    assert "共读取 20 行，已评估 2 行，出错 0 行，略过 18 行" in err


def test_a_formula_without_its_saved_result_is_said_on_its_row(tmp_path: Path) -> None:
    """=4000*2 in a workbook written by a script has no saved result: its row is scored with the figure unknown and
    a note naming the column and what to do; the row beside it, and the 合计 row's sums, are not noted."""
    book = Workbook()
    ws = book.active
    ws.title = "名单"
    ws.append(["企业名称", "行业", "从业人员", "营业收入（2025年）", "研发费用（2025年）"])
    ws.append(["甲公司", "工业", 100, "=4000*2", "=100*4"])
    ws.append(["乙公司", "工业", 100, 8000, 400])
    ws.append(["合计", None, "=SUM(C2:C3)", "=SUM(D2:D3)", None])
    book.save(tmp_path / "in.xlsx")
    out = tmp_path / "out.xlsx"
    code, _, err = invoke("batch", str(tmp_path / "in.xlsx"), "-o", str(out), "--lang", "zh")
    jia, yi = results_sheet(out)
    assert code == 0 and (jia["处理结果"], yi["处理结果"], yi["需核对的数据"]) == ("已评估", "已评估", None)
    assert jia["需核对的数据"] == ("“营业收入（2025年）”、“研发费用（2025年）”是公式，但没有保存计算结果，按“未知”处理："
                                   "请在 Excel 中打开并保存后再试")
    assert "in.xlsx:名单 中有 2 个公式单元格没有保存计算结果（文件可能由程序生成），按“未知”处理" in err


def test_a_formula_that_failed_is_said_as_a_formula_error_and_its_row_stays_an_error(tmp_path: Path) -> None:
    """Excel's error values in a figure's cell (#DIV/0! of a formula saved with it, #VALUE!, #REF!, and
    LibreOffice's Err:502 in a CSV) were told 「应填金额…现在是“#DIV/0!”」, as if typed wrongly: the message now
    says the cell's formula failed and to correct it; the company is still an error row, nothing scored.
    #N/A is Excel's "not available", typed as a sheet's placeholder: unknown, not among the row's problems."""
    import zipfile

    book = Workbook()
    ws = book.active
    ws.append(["企业名称", "行业", "从业人员", "营业收入（2025年）", "研发费用（2025年）", "有效期内的高新技术企业"])
    ws.append(["甲公司", "工业", 100, "#DIV/0!", 400, "是"])
    ws.append(["乙公司", "工业", "#VALUE!", 8000, "#N/A", "#REF!"])
    book.save(tmp_path / "saved.xlsx")
    with zipfile.ZipFile(tmp_path / "saved.xlsx") as src, zipfile.ZipFile(tmp_path / "in.xlsx", "w") as dst:
        for item in src.infolist():  # 甲's revenue as Excel saves a failed formula: the formula and its error value
            data = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b'<c r="D2" t="e"><v>', b'<c r="D2" t="e"><f>E2/0</f><v>')
                assert b"<f>E2/0</f>" in data
            dst.writestr(item, data)
    out = tmp_path / "out.xlsx"
    code, _, _ = invoke("batch", str(tmp_path / "in.xlsx"), "-o", str(out), "--lang", "zh")
    jia, yi = results_sheet(out)
    assert code == 1 and jia["处理结果"] == yi["处理结果"] == "出错"
    money = "金额（单位万元，不能为负数；如 8000、8000万、0.8亿）"
    assert jia["错误说明"] == f"“营业收入（2025年）”列（D列）：公式出错（单元格里是“#DIV/0!”），没有算出数值：请在表格中改正公式，或直接填{money}"
    for said in ("“从业人员”列（C列）：公式出错（单元格里是“#VALUE!”），没有算出数值：请在表格中改正公式，或直接填整数",
                 "“有效期内的高新技术企业”列（F列）：公式出错（单元格里是“#REF!”）"):
        assert said in str(yi["错误说明"]), yi["错误说明"]
    assert "研发费用" not in str(yi["错误说明"])
    (tmp_path / "in.csv").write_text("企业名称,营业收入（2025年）\n丙公司,Err:502\n", encoding="utf-8")
    code, _, _ = invoke("batch", str(tmp_path / "in.csv"), "-o", str(out), "--lang", "en")
    (bing,) = results_sheet(out)
    assert code == 1 and str(bing["Problems"]).startswith("营业收入（2025年）: the cell's formula failed ('Err:502'), so it "
                                                      "holds no figure: correct the formula in the sheet, or type an amount")


def test_a_formula_without_its_result_in_a_column_not_read_is_not_said_on_every_row(tmp_path: Path) -> None:
    """研发费用占比 =E2/D2 written by a script has no saved result, but the tool works the share out itself and
    reads nothing from it: every row's 需核对的数据 said it was a formula read as unknown, and a park filtering that
    column for real problems got every row. Only the formula in a column the criteria read is said."""
    book = Workbook()
    ws = book.active
    ws.title = "名单"
    ws.append(["企业名称", "行业", "从业人员", "营业收入（2025年）", "研发费用（2025年）", "研发费用占比"])
    ws.append(["甲公司", "工业", 100, 8000, 400, "=E2/D2"])
    ws.append(["乙公司", "工业", 100, "=4000*2", 400, "=E3/D3"])
    book.save(tmp_path / "in.xlsx")
    out = tmp_path / "out.xlsx"
    code, _, err = invoke("batch", str(tmp_path / "in.xlsx"), "-o", str(out), "--lang", "zh")
    jia, yi = results_sheet(out)
    assert code == 0 and jia["需核对的数据"] is None
    assert yi["需核对的数据"] == "“营业收入（2025年）”是公式，但没有保存计算结果，按“未知”处理：请在 Excel 中打开并保存后再试"
    assert "in.xlsx:名单 中有 1 个公式单元格没有保存计算结果" in err


def test_nothing_to_score_stops_naming_the_file_and_writes_nothing(tmp_path: Path) -> None:
    """A 0-byte CSV, or --sheet 填表说明 on a notes sheet, ends on exit 2 and one line naming the file, with no output
    written: an empty result passed for a screened list."""
    (tmp_path / "zero.csv").write_bytes(b"")
    book = Workbook()
    book.active.append(["企业名称", "营业收入（2025年）"])
    book.active.append(["甲公司", 8000])
    book.create_sheet("填表说明")["A1"] = "1. 金额单位为万元。"
    book.save(tmp_path / "in.xlsx")
    out = tmp_path / "out.xlsx"
    for args, said in ((["zero.csv"], "：没有可评估的企业行（文件是空的或只有列名，或工作表里没有企业名单）"),
                       (["in.xlsx", "--sheet", "填表说明"], "，--sheet：工作表“填表说明”只有说明文字，没有企业名单表格；"
                                                           "请指定列有企业名单的工作表（现有：Sheet、填表说明）")):
        code, _, err = invoke("batch", str(tmp_path / args[0]), *args[1:], "-o", str(out), "--lang", "zh")
        assert code == 2 and not out.exists() and not list(tmp_path.glob("out.partial*"))
        assert err.strip() == f"littlegiant 出错：{tmp_path / args[0]}{said}；没有写出任何行，未生成 {out}"


def test_an_output_encoding_without_chinese_is_refused_before_anything_is_written(tmp_path: Path) -> None:
    """--output-encoding latin-1 wrote every Chinese character as ? and exited 0: it is refused up front (exit 2,
    no output); --encoding latin-1 for the input says to give the output its own encoding; gb18030 writes."""
    src = tmp_path / "in.csv"
    src.write_text("企业名称,营业收入（2025年）\n甲公司,8000\n", encoding="utf-8")
    out = tmp_path / "out.csv"
    code, _, err = invoke("batch", str(src), "-o", str(out), "--lang", "zh", "--output-encoding", "latin-1")
    assert code == 2 and not out.exists()
    assert err.strip() == "littlegiant 出错：--output-encoding：latin-1 编码写不出中文（企业名称和列名都会变成“?”）：请改用 utf-8 或 gb18030"
    code, _, err = invoke("batch", str(src), "-o", str(out), "--lang", "zh", "--encoding", "latin-1")
    assert code == 2 and not out.exists() and "请加上 --output-encoding utf-8（只改结果文件的编码）" in err
    code, _, _ = invoke("batch", str(src), "-o", str(out), "--lang", "zh", "--output-encoding", "gb18030")
    assert code == 0 and out.read_bytes().decode("gb18030").splitlines()[1].split(",")[1] == "甲公司"


def test_a_share_column_is_passed_over_saying_the_tool_works_it_out_and_a_domestic_share_is_read(tmp_path: Path) -> None:
    """研发费用占比 and 资产负债率, which parks keep beside the amounts, stopped the whole run; they are passed
    over, the run saying the tool computes them from the amounts (not steered to 研发费用), and every
    company scored; 市场占有率（国内） is the domestic share; a suggestion's question mark is not followed by a
    semicolon."""
    src = tmp_path / "in.csv"
    src.write_text("企业名称,研发费用占比,营业收人（2025年）\n甲公司,5%,8000\n", encoding="utf-8")
    out = tmp_path / "out.csv"
    code, _, err = invoke("batch", str(src), "-o", str(out), "--lang", "zh")
    assert code == 2 and not out.exists() and "？；" not in err and "研发费用占比" not in err
    assert "您是不是想写“营业收入（2025年）”？没有写出任何行" in err
    book = Workbook()
    ws = book.active
    for row in ([None, None, "2025年", None, None, None], ["企业名称", "行业", "营业收入", "研发费用", "研发费用占比", "资产负债率"],
                ["甲公司", "工业", 8000, 400, 0.05, 0.45], ["乙公司", "工业", 6000, 120, 0.02, 0.8]):
        ws.append(row)
    ws.merge_cells("C1:F1")
    book.save(tmp_path / "park.xlsx")
    code, _, err = invoke("batch", str(tmp_path / "park.xlsx"), "-o", str(tmp_path / "park.csv"), "--lang", "zh")
    assert code == 0 and "已评估 2 行，出错 0 行" in err
    assert "以下列是占比、比率等，由本工具按填写的金额自行计算，不参与评估（原样附在结果最后）：“2025年研发费用占比”、“2025年资产负债率”" in \
        "".join(err.split())
    # a share no 2026 criterion reads (净利润率) asks for no amounts
    src.write_text("企业名称,营业收入（2025年）,净利润率（2025年）\n甲公司,8000,12\n", encoding="utf-8")
    code, _, said = invoke("batch", str(src), "-o", str(tmp_path / "margin.csv"), "--lang", "zh", "--as-of", "2026-11-26")
    assert code == 0 and "净利润率" in said and "请补上" not in said
    # the R&D share has its amounts; the debt ratio has neither of its own, and was said to be worked out
    assert "；但表中没有计算所需的“负债总额（年末）”、“资产总额（年末）”列，相关条件都将是“未知”：请补上这些列" in \
        "".join(err.split())
    assert "与评估无关" not in err
    src.write_text("企业名称,市场占有率（国内）,市场排名（国内）\n甲公司,12.5,2\n", encoding="utf-8")
    code, _, err = invoke("batch", str(src), "-o", str(tmp_path / "out.jsonl"), "--format", "json")
    result = json.loads((tmp_path / "out.jsonl").read_text("utf-8"))["result"]
    missing = {m for t in result["tiers"].values() for c in t["criteria"] for m in c["missing"]}
    assert code == 0 and not missing & {"market.domestic_share", "market.domestic_rank"} and "含义不明确" not in err
    src.write_text("企业名称,研发费用占比（参考）\n甲公司,5%\n", encoding="utf-8")
    code, _, err = invoke("batch", str(src), "-o", str(tmp_path / "kept.csv"), "--lang", "zh")
    assert code == 0 and "以下列与评估无关，不参与评估（原样附在结果最后）：“研发费用占比（参考）”" in err


def test_an_old_xls_file_is_named_as_the_old_excel_format_with_how_to_save_it(tmp_path: Path) -> None:
    """An .xls given to batch gets what it is and what to do (另存为 .xlsx), not a list of suffixes."""
    src = tmp_path / "名单.xls"
    src.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504)
    code, _, err = invoke("batch", str(src), "-o", str(tmp_path / "out.xlsx"), "--lang", "zh")
    assert code == 2 and not (tmp_path / "out.xlsx").exists()
    assert f"{src}：这是旧版 Excel 格式（.xls），无法直接读取：请在 Excel 中打开，“另存为”Excel 工作簿（.xlsx）后再试" in err


@pytest.mark.parametrize(("name", "said"), [
    ("名单.et", "这是 WPS 表格（.et），无法直接读取：请在 WPS 中打开，“另存为”Excel 工作簿（.xlsx）后再试"),
    ("名单.ods", "这是 OpenDocument 表格（.ods），无法直接读取：请在 WPS、LibreOffice 或 Excel 中打开，"
                 "“另存为”Excel 工作簿（.xlsx）后再试"),
    ("名单.xlsb", "这是 Excel 二进制工作簿（.xlsb），无法直接读取：请在 Excel 中打开，“另存为”Excel 工作簿（.xlsx）后再试"),
])
def test_a_wps_or_opendocument_sheet_is_named_with_how_to_save_it_as_xlsx(tmp_path: Path, name: str, said: str) -> None:
    """A WPS .et or LibreOffice .ods list given to batch was told 「应是 .csv、.xlsx 或 .jsonl 文件…」, a list of
    suffixes, where an .xls is told what it is and to 另存为 .xlsx: each is told so too, one line, exit 2."""
    src = tmp_path / name
    src.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504)
    code, _, err = invoke("batch", str(src), "-o", str(tmp_path / "out.xlsx"), "--lang", "zh")
    assert code == 2 and not (tmp_path / "out.xlsx").exists() and err.count("\n") == 1, err
    assert err.startswith(f"littlegiant 出错：{src}：{said}；"), err


def test_a_company_or_a_file_given_twice_is_said_on_the_later_rows_and_every_row_is_scored(tmp_path: Path) -> None:
    """The same 企业名称 or 统一社会信用代码 on a later row, and every row of a file given again, carry a note
    naming the earlier row; no row is dropped and the first rows carry none."""
    src = tmp_path / "in.csv"
    src.write_text("企业名称,统一社会信用代码,营业收入（2025年）\n甲公司,91320500MA1AAAAA0M,8000\n"
                   "乙公司,91320500MA1BBBBB0X,7000\n甲公司,91320500MA1CCCCC06,8000\n丙公司,91320500ma1bbbbb0x,100\n",
                   encoding="utf-8")  # real codes (their check characters fit): a wrong one is noted on its row
    out = tmp_path / "out.xlsx"
    code, _, err = invoke("batch", str(src), str(src), "-o", str(out), "--lang", "zh")
    rows = results_sheet(out)
    assert code == 0 and [r["处理结果"] for r in rows] == ["已评估"] * 8 and "共读取 8 行" in err
    notes = [r["需核对的数据"] for r in rows]
    assert notes[:2] == [None, None]
    assert notes[2] == f"与“{src}:2”的企业名称相同，可能重复填写了同一家企业（两行都列在结果中）"
    assert notes[3] == f"与“{src}:3”的统一社会信用代码相同，可能重复填写了同一家企业（两行都列在结果中）"
    assert notes[4:] == ["这个文件在输入中出现了两次，这一行与前面读到的重复（两行都列在结果中）"] * 4


@given(st.lists(st.tuples(st.sampled_from(["name", "code"]), st.text(max_size=3),
                          st.sampled_from(["a.csv", "b.xlsx:表1", "资料/c.yaml"])), max_size=300))
def test_the_first_row_of_each_name_is_remembered_as_a_dict_would(rows: list[tuple[str, str, str]]) -> None:
    """The compact store of names and codes read names the same earlier row (or profile file) as a
    plain dict of them."""
    from littlegiant.cli.batch import _FirstRows

    kept, plain = _FirstRows(), {}
    for number, (kind, text, table) in enumerate(rows, start=2):
        source = table if table.endswith(".yaml") else f"{table}:{number}"
        assert kept.first((kind, text), source) == plain.setdefault((kind, text), source)


JSON_LINE = st.one_of(
    st.tuples(st.just("name"), st.sampled_from(["甲公司", "甲 公司", "Good Co", " good  CO", "goodco", "乙公司", "", " "])),
    st.tuples(st.just("other"), st.sampled_from(["", "  ", "\r", '{"name": "甲公司"', '{"name": 5}', "[1, 2]",
                                                 '{"industry": "industrial"}', '{"name": "甲\udcff"}'])))


@given(st.lists(JSON_LINE, max_size=120), st.sampled_from([1, 999_999_950]), st.integers(1, 40))
def test_a_json_line_names_the_first_line_of_its_company_in_any_block(lines: list[tuple[str, str]], first: int,
                                                                       rows: int) -> None:
    """However a file's lines fall into blocks, a company name met again (folded as a sheet's are:
    case, spaces, full-width forms) names the first line that gave it; blank lines, broken lines and
    names that are no text give none; row numbers past nine digits too."""
    from littlegiant.cli.batch import Lines, _Seen
    from littlegiant.load.tabular import norm

    data = [json.dumps({"name": text}, ensure_ascii=False).encode() if kind == "name" else text.encode("utf-8", "surrogateescape")
            for kind, text in lines]
    seen, got = _Seen(lambda cells: []), []
    for start in range(0, len(data), rows):
        block = Lines("名单.jsonl", first + start, b"".join(line + b"\n" for line in data[start:start + rows]))
        got += seen.lines(block, again=False).notes
    firsts: dict[str, str] = {}
    expected = []
    for number, (kind, text) in enumerate(lines, first):
        if kind == "name" and norm(text):
            earlier = firsts.setdefault(norm(text), f"名单.jsonl:{number}")
            if earlier != f"名单.jsonl:{number}":
                expected.append((number, "note.same_name", earlier))
    assert got == expected


def test_a_company_given_again_in_a_later_block_names_its_first_line_on_workers_too(tmp_path: Path) -> None:
    """A JSON Lines file of 700 companies read in blocks of 256 lines, scored on two workers: the
    company given again on line 650 names line 2, as on one process, and the rows are the same."""
    src = tmp_path / "名单.jsonl"
    names = [f"公司{i}" for i in range(700)]
    names[649] = "公司1"
    src.write_text("".join(json.dumps({"name": n, "industry": "industrial", "employees": 50}, ensure_ascii=False) + "\n"
                           for n in names), encoding="utf-8")
    outs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"out{jobs}.csv"
        code, _, _ = invoke("batch", str(src), "-o", str(out), "--jobs", jobs, "--lang", "zh")
        assert code == 0
        outs.append(out.read_bytes())
    rows = read_csv(tmp_path / "out2.csv")
    notes = {r["来源（文件:行）"].rsplit(":", 1)[1]: r["需核对的数据"] for r in rows if r["需核对的数据"]}
    assert notes == {"650": f"与“{src}:2”的企业名称相同，可能重复填写了同一家企业（两行都列在结果中）"}
    assert outs[0] == outs[1] and len(rows) == 700


def test_a_summary_sheet_beside_the_list_is_passed_over_and_the_run_succeeds(tmp_path: Path) -> None:
    """A 统计 sheet (区域, 企业数, 营业收入合计: no company-name column) is passed over with a note and exit 0, as
    填表说明 is; the same sheet alone in a workbook, or named by --sheet, is still an error, not silently nothing."""
    book = Workbook()
    ws = book.active
    ws.title = "企业名单"
    ws.append(["企业名称", "所属行业", "从业人数", "2025年营业收入（万元）"])
    ws.append(["甲公司", "工业", 260, 12000])
    summary = book.create_sheet("统计")
    summary.append(["区域", "企业数", "营业收入合计"])
    summary.append(["园区一", 2, 15000])
    summary.append(["合计", 3, 18000])
    book.save(tmp_path / "in.xlsx")
    out = tmp_path / "out.csv"
    code, _, err = invoke("batch", str(tmp_path / "in.xlsx"), "-o", str(out), "--lang", "zh")
    assert code == 0 and [(r["企业名称"], r["处理结果"]) for r in read_csv(out)] == [("甲公司", "已评估")]
    assert "工作表" in err and "统计 没有企业名称列（像是汇总表），已略过" in err
    code, _, err = invoke("batch", str(tmp_path / "in.xlsx"), "--sheet", "统计", "-o", str(tmp_path / "s.csv"),
                          "--lang", "zh")  # named, it stops the run: no results file of one error row
    assert code == 2 and not (tmp_path / "s.csv").exists() and len(err.strip().splitlines()) == 1
    assert "工作表“统计”里没有找到列名行" in err and "请指定列有企业名单的工作表（现有：企业名单、统计）" in err
    del book["企业名单"]
    book.save(tmp_path / "alone.xlsx")
    code, _, _ = invoke("batch", str(tmp_path / "alone.xlsx"), "-o", str(tmp_path / "a.csv"), "--lang", "zh")
    assert code == 1 and [r["处理结果"] for r in read_csv(tmp_path / "a.csv")] == ["出错"]


def test_sheet_naming_an_empty_or_notes_sheet_stops_in_one_line_listing_the_sheets(tmp_path: Path) -> None:
    """--sheet 说明 (lines of notes) said it was passed over, then failed with "no company rows (the file is
    empty…)"; --sheet on an empty sheet said the same, naming neither the sheet nor those there are. Each
    is one line naming the sheet and listing the workbook's, joined as the language joins a list."""
    book = Workbook()
    ws = book.active
    ws.title = "名单"
    ws.append(["企业名称", "营业收入（2025年）"])
    ws.append(["甲公司", 100])
    notes = book.create_sheet("说明")
    for line in ("填表说明", "1. 金额以万元填写", "2. 每个企业一行"):
        notes.append([line])
    book.create_sheet("空表")
    book.save(tmp_path / "park.xlsx")
    out = tmp_path / "out.csv"
    for sheet, said in (("说明", "工作表“说明”只有说明文字，没有企业名单表格"), ("空表", "工作表“空表”是空的")):
        code, _, err = invoke("batch", str(tmp_path / "park.xlsx"), "--sheet", sheet, "-o", str(out), "--lang", "zh")
        assert code == 2 and not out.exists() and len(err.strip().splitlines()) == 1, err
        assert said in err and "请指定列有企业名单的工作表（现有：名单、说明、空表）" in err
    code, _, err = invoke("batch", str(tmp_path / "park.xlsx"), "--sheet", "说明", "-o", str(out), "--lang", "en")
    assert code == 2 and "sheet '说明' holds only notes" in err and "(the workbook has: 名单, 说明, 空表)" in err


def test_sheet_with_no_workbook_among_the_inputs_is_refused_and_beside_one_is_said(tmp_path: Path) -> None:
    """--sheet 名单 with a CSV (the workbook saved as CSV, given in its place) was passed over without a word.
    With no workbook, nothing it names exists: one line, exit 2, nothing written. Beside a workbook, the CSV
    is read whole and the run says so once."""
    src = tmp_path / "名单.csv"
    src.write_text("企业名称,营业收入（2025年）\n甲公司,100\n", encoding="utf-8")
    out = tmp_path / "out.csv"
    code, _, err = invoke("batch", str(src), "--sheet", "名单", "-o", str(out), "--lang", "zh")
    assert code == 2 and not out.exists() and err.strip() == (
        "littlegiant 出错：--sheet：所给的文件都不是 Excel 工作簿（.xlsx），没有名为“名单”的工作表（CSV、JSON Lines 文件"
        f"没有工作表）：请去掉 --sheet，或改为给出工作簿；没有写出任何行，未生成 {out}")
    book = Workbook()
    book.active.title = "名单"
    book.active.append(["企业名称", "营业收入（2025年）"])
    book.active.append(["乙公司", 200])
    book.save(tmp_path / "park.xlsx")
    code, _, err = invoke("batch", str(src), str(tmp_path / "park.xlsx"), "--sheet", "名单", "-o", str(out), "--lang", "zh")
    assert code == 0 and [r["企业名称"] for r in read_csv(out)] == ["甲公司", "乙公司"]
    assert err.count("--sheet 只用于 Excel 工作簿；名单.csv（1 个文件）没有工作表，已整个读取") == 1


def test_a_subtotal_row_under_the_totals_is_no_company(tmp_path: Path) -> None:
    """其中：高新技术企业 under 小计 counts some of the companies: skipped, never scored, and named as the
    其中 row it is beside the totals row (it was called 合计行, and a park looked for a second totals
    row), in a CSV and an .xlsx alike, in Chinese and English."""
    rows = [["序号", "企业名称", "所属行业", "从业人数", "2025年营业收入（万元）"], ["1", "合计科技有限公司", "工业", "50", "3000"],
            ["", "小计", "", "50", "3000"], ["", "其中：高新技术企业", "", "1", "3000"],
            ["", "其中，专精特新企业", "", "1", "3000"], ["2", "其中精密有限公司", "工业", "70", "5000"]]
    src = tmp_path / "tot.csv"
    src.write_text("".join(",".join(r) + "\n" for r in rows), encoding="utf-8")
    book = Workbook()
    for r in rows:
        book.active.append([int(v) if v.isdigit() else v or None for v in r])
    book.save(tmp_path / "tot.xlsx")
    for name in ("tot.csv", "tot.xlsx"):
        code, _, err = invoke("batch", str(tmp_path / name), "-o", str(tmp_path / "out.csv"), "--lang", "zh")
        names = [r["企业名称"] for r in read_csv(tmp_path / "out.csv")]
        assert code == 0 and names == ["合计科技有限公司", "其中精密有限公司"]
        assert "以下行不是企业，未计入：第 3 行（合计行）、第 4、5 行（“其中”分项行）\n" in err, err
        code, _, err = invoke("batch", str(tmp_path / name), "-o", str(tmp_path / "en.csv"), "--lang", "en")
        assert code == 0 and "not read as companies: row 3 (totals), rows 4, 5 (其中 subtotals)\n" in err, err


def test_a_column_headed_qiye_is_the_company_name(tmp_path: Path) -> None:
    """A bare 企业 (or 名称) header holds the names, not a misspelt field; beside 企业名称 it is passed over."""
    src = tmp_path / "in.csv"
    src.write_text("企业,所属行业,从业人数,2025年营业收入（万元）\n甲公司,工业,50,3000\n", encoding="utf-8")
    code, _, err = invoke("batch", str(src), "-o", str(tmp_path / "out.csv"), "--lang", "zh")
    (row,) = read_csv(tmp_path / "out.csv")
    assert code == 0 and (row["企业名称"], row["处理结果"], row["企业规模"]) == ("甲公司", "已评估", "小型")
    assert "您是不是想写" not in err
    src.write_text("企业名称,名称,从业人数\n甲公司,甲,50\n", encoding="utf-8")
    code, _, err = invoke("batch", str(src), "-o", str(tmp_path / "two.csv"), "--lang", "zh")
    (row,) = read_csv(tmp_path / "two.csv")
    assert code == 0 and (row["企业名称"], row["处理结果"]) == ("甲公司", "已评估")
    assert "以下列与评估无关，不参与评估（原样附在结果最后）：“名称”" in err


def test_no_maker_china_result_in_a_park_s_words_reads_as_none(tmp_path: Path) -> None:
    """无, 没有, 否, 未获奖 in the 创客中国 column mean 未进入 (the rule data's words) and the row is scored; a word
    that says no result for certain only: 大概 is still an error naming the three choices."""
    src = tmp_path / "in.csv"
    header = "企业名称,所属行业,从业人数,2025年营业收入（万元）,近三年\"创客中国\"大赛全国企业组名次\n"
    rows = "".join(f"{w}公司,工业,50,3000,{w}\n" for w in ("无", "没有", "否", "未获奖", "全国50强", "大概"))
    src.write_text(header + rows, encoding="utf-8")
    code, _, _ = invoke("batch", str(src), "-o", str(tmp_path / "out.csv"), "--lang", "zh")
    rows_out = read_csv(tmp_path / "out.csv")
    assert code == 1 and [r["处理结果"] for r in rows_out] == ["已评估"] * 5 + ["出错"]
    assert "未进入；全国500强；全国50强" in rows_out[-1]["错误说明"]
    from littlegiant.load import rules
    from littlegiant.load.profile import choice_named

    maker = rules.load("miit-2026").fields["maker_china"]
    assert [choice_named(maker, w) for w in ("无", "没有", "否", "未获奖", "全国50强")] == ["none"] * 4 + ["top50"]


INDUSTRY_NAMES = {  # 国民经济行业分类 names as parks record them → the size class at 250 staff, 15000万 revenue
    "通用设备制造业": "小型", "C制造业": "小型", "C34通用设备制造业": "小型", "制造业-通用设备": "小型",
    "黑色金属矿采选业": "小型", "燃气生产和供应业": "小型", "橡胶和塑料制品业": "小型", "D电力、热力生产和供应业": "小型",
    "I65软件和信息技术服务业": "中型", "科学研究和技术服务业": "中型", "居民服务业": "中型", "卫生和社会工作": "中型",
    "教育": "中型", "文化、体育和娱乐业": "中型", "水利、环境和公共设施管理业": "中型",
    "房地产中介": "中型", "房地产经纪": "中型", "K7030房地产中介服务": "中型",  # no 300号 row: 其他未列明行业
    "C": "小型", "B": "小型", "D": "小型", "Ｃ": "小型", "M": "中型",  # a bare 门类 letter of one choice
    "C38": "小型", "c3971": "小型", "B06": "小型", "M73": "中型",  # a code alone: its 门类 letter (it was refused)
    "F51": "中型", "F5123": "中型", "I65": "中型", "K7030": "中型",  # or the code that splits its letter (F51 批发业)
    "G53": "中型",  # 铁路运输业: outside 300号's 交通运输业, in no row: 其他未列明行业
    "电子元器件制造": "小型", "汽车零部件制造": "小型",  # a 制造 is 制造业 whatever the 业 (it was refused)
    "manufacturing": "小型", "Manufacturing": "小型", "industrial": "小型", "mining": "小型", "IT services": "中型",
    "wholesale": "中型", "Retail": "中型",  # wholesale and retail: medium from 20 / 50 staff with the revenue
}
"""工业 is small below 300 staff; 其他未列明行业 and 软件和信息技术服务业 are medium from 100 staff (criteria.md §2.1)."""
TWO_WAY = {"批发和零售业": "请写批发业或零售业", "房地产业": "请写房地产开发经营、物业管理或其他未列明行业",
           "F": "请写批发业或零售业", "K": "请写房地产开发经营、物业管理或其他未列明行业", "G": "请写交通运输业、仓储业或邮政业",
           "real estate": "请写房地产开发经营、物业管理或其他未列明行业",
           "logistics": "请写交通运输业、仓储业或邮政业",  # carrying and storing: 仓储业 is sized otherwise
           "交通运输、仓储和邮政业": "请写交通运输业、仓储业或邮政业", "住宿和餐饮业": "请写住宿业或餐饮业",
           "I信息传输、软件和信息技术服务业": "请写信息传输业或软件和信息技术服务业",
           "G59": "请写交通运输业、仓储业或邮政业"}  # a code alone that does not settle its 门类 (装卸搬运和仓储): as G says


def test_industry_names_as_parks_record_them_are_read_or_refused_naming_the_choices(tmp_path: Path) -> None:
    """A 大类 of manufacturing, mining or utilities (with or without its code, or its bare 门类 letter C, B, D) is
    工业; 科学研究和技术服务业, 教育, 房地产中介 and the like are 其他未列明行业; English names are the choices they
    name; each sized as such. A 门类 of two or more choices (批发和零售业, F, K) is an error row naming just those,
    and a letter of no enterprise's 门类 (S) one listing every choice."""
    names = [*INDUSTRY_NAMES, *TWO_WAY, "信息技术", "S"]
    src = tmp_path / "ind.csv"
    src.write_text("企业名称,所属行业,从业人数,2025年营业收入（万元）,2025年资产总额（万元）\n"
                   + "".join(f"{n}公司,{n},250,15000,9000\n" for n in names), encoding="utf-8-sig")
    code, _, _ = invoke("batch", str(src), "-o", str(tmp_path / "out.csv"), "--lang", "zh")
    rows = {r["企业名称"].removesuffix("公司"): r for r in read_csv(tmp_path / "out.csv")}
    assert code == 1 and list(rows) == names
    assert {n: (rows[n]["处理结果"], rows[n]["企业规模"]) for n in INDUSTRY_NAMES} == {
        n: ("已评估", size) for n, size in INDUSTRY_NAMES.items()}
    for name, said in TWO_WAY.items():
        assert rows[name]["处理结果"] == "出错" and said in rows[name]["错误说明"], rows[name]["错误说明"]
        assert "应填以下之一" not in rows[name]["错误说明"]  # just those choices, not the list of 16
    # refused with the sixteen choices, the likeliest first: never taken for it
    assert "现在是文字“信息技术”，您是不是想写“软件和信息技术服务业”？制造业企业（如电子元器件、机械、新材料）请填“工业”。" \
           "可填的有：农、林、牧、渔业；工业；" in rows["信息技术"]["错误说明"]
    assert "。可填的有：农、林、牧、渔业；工业；" in rows["S"]["错误说明"]


APPROX = [("甲公司", "约1425"), ("乙公司", "约1424"), ("丙公司", "1575左右"), ("丁公司", "约1576"), ("戊公司", "1500")]
"""2026 专精特新 needs 营业收入 of at least 1500万: within 5% (1425–1575) an approximate figure decides it
too closely to be taken as said; 1424 and 1576 are past that, and a plain 1500 is exact."""


def _close_flags(warnings: list[object]) -> list[bool]:
    return ["填的是约数" in str(w or "") and "「上年度营业收入不低于1500万元」的门槛1,500万元相差不到5%" in str(w or "")
            for w in warnings]


def test_an_approximate_cell_near_a_threshold_is_flagged_in_the_batch_row(tmp_path: Path) -> None:
    """约1425万 in a park's CSV, .xlsx or JSON Lines decides 专精特新's 1500万 within 5%: the row's 需核对的数据
    says so in the report's sentence, on both sides of the edge (1425 and 1575 are flagged, 1424 and
    1576 are not, nor an exact 1500); the CSV row was silent where the report and JSON warned."""
    header = ["企业名称", "所属行业", "从业人数", "2025年营业收入（万元）", "2024年营业收入（万元）", "2025年研发费用（万元）"]
    src = tmp_path / "名单.csv"
    src.write_text(",".join(header) + "\n" + "".join(f"{n},工业,120,{r},1300,60\n" for n, r in APPROX), encoding="utf-8")
    book = Workbook()
    book.active.append(header)
    for n, r in APPROX:
        book.active.append([n, "工业", 120, r if not r.isdigit() else int(r), 1300, 60])
    book.save(tmp_path / "名单.xlsx")
    lines = tmp_path / "名单.jsonl"
    lines.write_text("".join(json.dumps({"name": n, "industry": "industrial", "employees": 120, "financials": {
        "2025": {"revenue": r if not r.isdigit() else int(r), "rd_expense": 60}, "2024": {"revenue": 1300}}},
        ensure_ascii=False) + "\n" for n, r in APPROX), encoding="utf-8")
    expected = [True, False, True, False, False]
    code, _, _ = invoke("batch", str(src), "-o", str(tmp_path / "out.csv"), "--lang", "zh")
    assert code == 0 and _close_flags([r["需核对的数据"] for r in read_csv(tmp_path / "out.csv")]) == expected
    code, _, _ = invoke("batch", str(tmp_path / "名单.xlsx"), "-o", str(tmp_path / "out.xlsx"), "--lang", "zh")
    assert code == 0 and _close_flags([r["需核对的数据"] for r in results_sheet(tmp_path / "out.xlsx")]) == expected
    code, _, _ = invoke("batch", str(lines), "-o", str(tmp_path / "out.jsonl"), "--lang", "zh")
    rows = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    assert code == 0 and _close_flags([r["warnings"] for r in rows]) == expected
    # the same sentence the report prints for the same figure
    profile = tmp_path / "甲.yaml"
    profile.write_text("name: 甲公司\nindustry: industrial\nemployees: 120\nfinancials:\n"
                       "  2025: {revenue: 约1425, rd_expense: 60}\n  2024: {revenue: 1300}\n", encoding="utf-8")
    report = runner.invoke(app, ["assess", str(profile), "--as-of", AS_OF, "--lang", "zh"], env={"COLUMNS": "300"}).stdout
    sentence = rows[0]["warnings"]
    assert f"⚠ {sentence}\n" in report


def test_columns_of_no_use_are_looked_up_once_per_sheet_not_once_per_row(tmp_path: Path, monkeypatch) -> None:
    """序号, 联系人 and 备注 beside the figures: every row searched again for the field name nearest each,
    and 5,000 rows took 55 s instead of 3. The search now runs once per column, whatever the rows, and
    every company is still scored."""
    from littlegiant.load import rules, tabular

    rules.load("miit-2026").memo.pop("tabular.columns", None)  # looked up here, whatever ran before in this process
    calls: list[str] = []
    nearest = tabular.nearest
    monkeypatch.setattr(tabular, "nearest", lambda text, pool: calls.append(text) or nearest(text, pool))
    lines = ["序号,企业名称,所属行业,从业人员,营业收入（2025年）,联系人,备注,成立日期"]
    lines += [f"{i},园区企业{i:03d},工业,120,{3000 + i},张三,无,2015-03-01" for i in range(1, 301)]
    sheet = tmp_path / "名单.csv"
    sheet.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, _, said = invoke("batch", str(sheet), "-o", str(tmp_path / "out.csv"), "--jobs", "1", "--lang", "zh",
                           "--as-of", "2026-11-26", "--rules", "miit-2026")
    assert code == 0 and "共读取 300 行，已评估 300 行" in said
    assert 0 < len(calls) <= 4 * 4, calls  # four unread columns, each asked at most a few ways, not 300 times


def test_set_says_an_unclear_or_mistyped_label_as_batch_says_its_column(tmp_path: Path) -> None:
    """--set 市场占有率=12 is unclear as the column is (at home or abroad), naming both; 研发费=12 suggests the
    label 研发费用（2025年） with no code path; before, both read 没有“…”这个项目 and nothing more."""
    src = tmp_path / "co.yaml"
    src.write_text("name: 甲\nindustry: industrial\n", encoding="utf-8")
    code, _, err = invoke("assess", str(src), "--lang", "zh", "--set", "市场占有率=12")
    assert code == 2 and err.strip().endswith(
        "--set：“市场占有率”含义不明确（没有写明国内还是国际）：请写“主导产品国内细分市场占有率”或“主导产品国际细分市场占有率”")
    code, _, err = invoke("assess", str(src), "--lang", "zh", "--set", "研发费=12")
    assert code == 2 and err.strip().endswith("--set：没有“研发费”这个项目；您是不是想写「研发费用（2025年）」？")


def test_the_platform_score_by_where_it_is_read(tmp_path: Path) -> None:
    """平台得分 is what a park heads the score it reads off the official platform, and what a finance manager
    types in --set: both were refused (「没有“平台得分”这个项目」, no suggestion)."""
    src = tmp_path / "park.csv"
    src.write_text("企业名称,行业,从业人员,营业收入（2025年）,平台得分\n甲公司,工业,120,8000,45\n", encoding="utf-8")
    code, _, err = invoke("batch", str(src), "-o", str(tmp_path / "out.csv"), "--lang", "zh", "--advice")
    row = read_csv(tmp_path / "out.csv")[0]
    assert code == 0 and "平台得分" not in err, err  # read, not listed among the columns not read
    assert row["专精特新中小企业"] == "不满足" and "发展评价得分" in row["主要差距"] and "现为45分" in row["主要差距"]
    said = invoke("assess", str(EXAMPLES / "little-giant-2026.yaml"), "--lang", "zh", "--set", "平台得分=45")
    assert said[0] == 0 and "本年度专精特新发展评价得分（官方平台）：72分 → 45分" in said[1]


RED_LINE_HEADERS = {
    "是否为境内注册独立法人": ("registered_in_china", "是"),
    "是否列入经营异常名录": ("compliance.abnormal_operation", "否"),
    "是否失信": ("compliance.serious_dishonesty", "否"),
    "产品（服务）是否属于国家禁止、限制或淘汰类": ("compliance.prohibited_products", "否"),
    "是否有偷漏税行为": ("compliance.tax_violation", "否"),
    "近三年有无数据造假行为": ("compliance.data_fabrication", "否"),
}


@pytest.mark.parametrize("rule_set", ["miit-2026", "miit-2022"])
def test_the_red_lines_as_a_park_asks_them_are_read(tmp_path: Path, rule_set: str) -> None:
    """A park asks the red lines as 是否有偷漏税行为, 是否列入经营异常名录, 近三年是否有数据造假行为: the columns
    were passed over as 与评估无关 (every tier 未知 for every company) or stopped the run with a rename
    hint. They are read, under either rule set; a column asking several at once (是否存在失信、经营异常等
    情况) is passed over and said so, with the columns to write; 企业称号 is not steered to 企业名称."""
    src = tmp_path / "park.csv"
    headers = ["企业名称", *RED_LINE_HEADERS, "是否存在失信、经营异常等情况", "企业称号", "科技型中小企业是否入库"]
    src.write_text(",".join(headers) + "\n" + ",".join(["甲公司", *(v for _, v in RED_LINE_HEADERS.values()), "否",
                                                        "省级专精特新", "已入库"]) + "\n", encoding="utf-8")
    code, _, err = invoke("batch", str(src), "-o", str(tmp_path / "out.jsonl"), "--format", "json", "--lang", "zh",
                          "--rules", rule_set)
    assert code == 0, err
    assert "以下列一列问了几项基本条件，“是”无法说明是哪一项，不参与评估（原样附在结果最后）：“是否存在失信、经营异常等情况”" in err
    assert "以下列与评估无关，不参与评估（原样附在结果最后）：“企业称号”" in err, err
    line = json.loads((tmp_path / "out.jsonl").read_text("utf-8"))
    read = {k: v for t in line["result"]["tiers"].values() for c in t["criteria"] for k, v in c.get("inputs", {}).items()}
    missing = {m for t in line["result"]["tiers"].values() for c in t["criteria"] for m in c["missing"]}
    asked = {path: answer == "是" for path, answer in RED_LINE_HEADERS.values() if path in read}
    assert len(asked) >= 5 and {path: read[path] for path in asked} == asked  # 2022 asks no 数据造假
    assert not missing & {path for path, _ in RED_LINE_HEADERS.values()}, missing
    assert read.get("titles.tech_sme") is True or rule_set == "miit-2022"  # 是否 inside a title's question too


def test_a_title_column_holding_the_titles_name_reads_it_as_held(tmp_path: Path) -> None:
    """A park's 专精特新称号 column holds the title's name (省级专精特新) where 是 was asked: each such
    company was an error row. The title's own name is 是; another title's (国家级专精特新小巨人,
    创新型中小企业) is refused saying it is another title; under the title's bare name, it is unknown and said."""
    src = tmp_path / "park.csv"
    src.write_text("企业名称,行业,专精特新称号\n甲,工业,省级专精特新\n乙,工业,国家级专精特新小巨人\n丙,工业,专精特新中小企业\n"
                   "丁,工业,无\n", encoding="utf-8")
    code, _, _ = invoke("batch", str(src), "-o", str(tmp_path / "out.jsonl"), "--format", "json", "--lang", "zh")
    lines = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text("utf-8").splitlines()]
    assert code == 1 and [line["status"] for line in lines] == ["scored", "error", "scored", "scored"]
    held = [{v for t in line["result"]["tiers"].values() for c in t["criteria"] for k, v in c.get("inputs", {}).items()
             if k == "titles.zjtx_sme"} for line in (lines[0], lines[2], lines[3])]
    assert held == [{True}, {True}, {False}]
    assert lines[1]["error"] == ("“专精特新称号”列：“国家级专精特新小巨人”是另一个称号，不是这里问的："
                                 "持有这里问的称号填“是”，否则填“否”")
    bare = tmp_path / "bare.csv"
    bare.write_text("企业名称,行业,专精特新中小企业\n甲,工业,国家级专精特新小巨人\n", encoding="utf-8")
    code, _, _ = invoke("batch", str(bare), "-o", str(tmp_path / "bare.jsonl"), "--format", "json", "--lang", "zh")
    (line,) = [json.loads(x) for x in (tmp_path / "bare.jsonl").read_text("utf-8").splitlines()]
    assert line["status"] == "scored" and "“专精特新中小企业”列填的不是“是/否”" in line["notes"][0]


def test_a_title_state_with_a_note_is_read_by_its_note_and_a_citys_title_is_not_the_provinces(tmp_path: Path) -> None:
    """已认定（已过期） read as held (its note was cut off before the state was read), and 市级专精特新 as
    the provincial title (市级 dropped): each passed a tier on a title the company does not have. Both
    are refused now; 已认定（有效期内） is held, 已认定（2021年） asks whether it still holds."""
    src = tmp_path / "titles.csv"
    src.write_text("企业名称,行业,是否高新技术企业,是否专精特新中小企业\n甲,工业,已认定（已过期）,否\n乙,工业,已认定（有效期内）,否\n"
                   "丙,工业,已认定（2021年）,否\n丁,工业,否,市级专精特新\n戊,工业,否,市级专精特新中小企业\n", encoding="utf-8")
    code, _, _ = invoke("batch", str(src), "-o", str(tmp_path / "out.csv"), "--lang", "zh")
    rows = read_csv(tmp_path / "out.csv")
    assert code == 1 and [r["处理结果"] for r in rows] == ["出错", "已评估", "出错", "出错", "出错"]
    assert "“已认定（已过期）”不能算作“是”" in rows[0]["错误说明"] and "说的是何时获得" in rows[2]["错误说明"]
    assert "市级专精特新" in rows[3]["错误说明"] and "市级专精特新中小企业" in rows[4]["错误说明"]


@pytest.mark.parametrize("rule_set", ["miit-2026", "miit-2022"])
def test_a_red_line_header_with_a_note_or_another_bar_is_not_read_as_the_red_line(tmp_path: Path, rule_set: str) -> None:
    """是否单项冠军（省级） (a province's champion is not excluded), 是否有偷漏税（含欠税）, 是否发生重大事故（含一般
    事故）: a 是 under them said more than the red line and vetoed a tier. 近三年是否发生重大事故 under 2026
    (whose bar is 较大) or 较大 under 2022 (重大) is not the set's question either. All are passed over and
    said, the tiers left as the sheet's other columns make them."""
    headers = ["是否单项冠军（省级）", "是否有偷漏税（含欠税）", "是否发生重大事故（含一般事故）", "近三年是否发生重大事故",
               "近三年是否发生较大生产安全事故"]
    src = tmp_path / "park.csv"
    src.write_text("企业名称," + ",".join(headers) + "\n甲公司," + ",".join("是" for _ in headers) + "\n", encoding="utf-8")
    code, _, err = invoke("batch", str(src), "-o", str(tmp_path / "out.jsonl"), "--format", "json", "--rules", rule_set)
    assert code == 0, err
    line = json.loads((tmp_path / "out.jsonl").read_text("utf-8"))
    read = {k for t in line["result"]["tiers"].values() for c in t["criteria"] for k, v in c.get("inputs", {}).items()
            if v is not None}
    assert not read & {"exclusions.single_champion", "compliance.tax_violation", "compliance.major_incident"}, read
    assert all(t["status"] != "unmet" for t in line["result"]["tiers"].values())
    said = "".join(err.split())
    assert all(h in said for h in headers), err


@pytest.mark.parametrize("header", ["实用新型专利", "外观设计专利", "著作权", "软著"])
def test_a_kind_of_ip_named_alone_is_refused_as_a_count(tmp_path: Path, header: str) -> None:
    """实用新型专利 holding 3 is a count though it says no 数: passed over, every company's IP was unknown."""
    src = tmp_path / "park.csv"
    src.write_text(f"企业名称,营业收入（2025年）,{header}\n甲公司,3000,3\n", encoding="utf-8")
    code, _, err = invoke("batch", str(src), "-o", str(tmp_path / "out.csv"), "--lang", "zh", "--as-of", "2026-11-26")
    assert code == 2 and f"“{header}”列：含义不明确" in err, err


@pytest.mark.parametrize(("title", "typed"), [("名单", "名单"), ("2025 名单", '"2025 名单"')])
def test_a_lookup_sheet_that_stops_the_run_names_the_list_sheet_to_read(tmp_path: Path, title: str, typed: str) -> None:
    """A workbook's 数据 sheet, which the list's VLOOKUP reads (名称 | 收入), stopped the run on its 收入 column,
    and nothing said that --sheet reads the list alone (a park's review). The list is read, the sheet named
    at the end with its refusal and that --sheet reads the list alone, a name with a space quoted as it is
    typed; with --sheet the list alone is read."""
    book = Workbook()
    ws = book.active
    ws.title = title
    ws.append(["企业名称", "所属行业", "从业人员", "营业收入（2025年）"])
    ws.append(["甲公司", "工业", 260, "=数据!B2*1"])
    data = book.create_sheet("数据")
    data.append(["名称", "收入"])
    data.append(["甲公司", 3000])
    book.save(tmp_path / "园区.xlsx")
    code, _, err = invoke("batch", str(tmp_path / "园区.xlsx"), "-o", str(tmp_path / "out.csv"), "--lang", "zh")
    assert code == 1 and "园区.xlsx:数据 未能读取：“收入”列：含义不明确" in err
    assert f"如果这张表不是企业名单（例如供公式查找的数据表），可加上 --sheet {typed} 只读取名单" in err
    assert [r["企业名称"] for r in read_csv(tmp_path / "out.csv")] == ["甲公司", "甲公司"]  # each row of 数据 its own
    code, _, err = invoke("batch", str(tmp_path / "园区.xlsx"), "-o", str(tmp_path / "out.csv"), "--lang", "zh",
                          "--sheet", title)
    assert code == 0 and [r["企业名称"] for r in read_csv(tmp_path / "out.csv")] == ["甲公司"]
