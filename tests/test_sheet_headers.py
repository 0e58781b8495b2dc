"""Park staff save their Excel sheets as CSV: title lines above the header (2026年园区企业名单,
单位：元) and two-row headers (2025年 over 营业收入 and 研发费用) read from the CSV as from the
workbook. Real files in (a CSV and the same sheet as an .xlsx, merged cells and all), the results
read back and compared."""

from __future__ import annotations

import csv
import json
import re
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from tests.test_office_files import excel_csv
from typer.testing import CliRunner

from littlegiant.cli import batch as batching
from littlegiant.cli.app import app
from littlegiant.errors import InputError
from littlegiant.load import rules
from littlegiant.load.tabular import COLUMN_PLACES, column, known_header

AS_OF = "2026-11-26"
Rows = list[list[Any]]


def write_both(folder: Path, rows: Rows, merges: tuple[str, ...] = ()) -> tuple[Path, Path]:
    """The sheet as Excel saves it as CSV (GBK, as Chinese Excel does) and as the workbook, merges included."""
    text = excel_csv([["" if v is None else str(v) for v in row] for row in rows])
    (folder / "sheet.csv").write_bytes(text.encode("gbk"))
    book = Workbook()
    ws = book.active
    ws.title = "名单"
    for row in rows:
        ws.append(row)
    for ref in merges:
        ws.merge_cells(ref)
    book.save(folder / "sheet.xlsx")
    return folder / "sheet.csv", folder / "sheet.xlsx"


def results(path: Path) -> tuple[list[dict[str, Any]], str]:
    """Each row's full JSON result from ``batch --format json`` (the error, for an error row), and what the run said."""
    out = path.with_name(path.stem + "-" + path.suffix[1:] + ".jsonl")
    run = CliRunner().invoke(app, ["batch", str(path), "-o", str(out), "--format", "json", "--as-of", AS_OF,
                                   "--lang", "zh"], env={"COLUMNS": "80"})
    assert run.exit_code == 0, run.output
    rows = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    return [r.get("result") or {"error": r.get("error")} for r in rows], run.stderr


def figures(result: dict[str, Any]) -> dict[str, Any]:
    """The figures a result's criteria read, by path."""
    return {k: v for t in result["tiers"].values() for c in t["criteria"] for k, v in c.get("inputs", {}).items()}


def test_title_lines_above_a_csv_header_are_passed_over_as_in_the_workbook(tmp_path: Path) -> None:
    """2026年园区企业名单 alone in the first cell and 单位：万元 above the header: the CSV's companies are read
    from the header below them, the same results as the workbook's, figures in 万元 as typed."""
    rows: Rows = [["2026年园区企业名单"], ["单位：万元"],
                  ["企业名称", "行业", "从业人员（上年末）", "营业收入（2025年）", "研发费用（2025年）"],
                  ["甲公司", "工业", 120, 8000, 400], ["乙公司", "工业", 60, 900, 20]]
    sheet, book = write_both(tmp_path, rows)
    from_csv, said = results(sheet)
    assert from_csv == results(book)[0]
    assert [r["name"] for r in from_csv] == ["甲公司", "乙公司"]
    assert figures(from_csv[0])["financials.2025.revenue"] == 8000 and from_csv[0]["sme"]["size"] == "small"
    assert "没有列名" not in said and "出错 0 行" in said


@pytest.mark.parametrize(("rows", "merges"), [
    ([["企业名称", "行业", "从业人员", "2025年", None, "2024年", None],
      [None, None, None, "营业收入", "研发费用", "营业收入", "研发费用"]], ("A2:A3", "B2:B3", "C2:C3", "D2:E2", "F2:G2")),
    ([[None, None, None, "2025年", None, "2024年", None],
      ["企业名称", "行业", "从业人员", "营业收入", "研发费用", "营业收入", "研发费用"]], ("D2:E2", "F2:G2")),
], ids=["names-merged-down", "group-row-alone"])
def test_a_two_row_header_reads_each_year_from_csv_as_from_the_merged_workbook(tmp_path: Path, rows: Rows,
                                                                             merges: tuple[str, ...]) -> None:
    """A group row (2025年 over 营业收入 and 研发费用, 2024年 over the next two) heads its columns by year:
    the CSV Excel saves (the group name in its first column only) reads as the merged workbook does."""
    sheet, book = write_both(tmp_path, [["2026年园区企业名单"], *rows, ["甲公司", "工业", 120, 8000, 400, 7000, 300]],
                             merges)
    from_csv, said = results(sheet)
    assert from_csv == results(book)[0]
    (jia,) = from_csv
    read = figures(jia)
    assert (read["financials.2025.revenue"], read["financials.2025.rd_expense"]) == (8000, 400)
    assert (read["financials.2024.revenue"], read["financials.2024.rd_expense"]) == (7000, 300)
    assert "出错 0 行" in said and "略过" not in said


@pytest.mark.parametrize("title", ["园区企业情况表（金额单位：万元）", "金额单位：万元", "园区企业情况表（单位：万元）"])
@pytest.mark.parametrize("units", [None, [None, None, "亿元", None, "亿元", "万元"]], ids=["no-units-row", "units-row"])
def test_a_title_naming_the_unit_over_a_two_row_header_reads_every_year(tmp_path: Path, title: str,
                                                                        units: list[Any] | None) -> None:
    """园区企业情况表（金额单位：万元） over 2025年/2024年 merged over 营业收入 and 研发费用 (and a units row
    under them): each year's figures are read, from the CSV as from the workbook, no row an error. The
    title's unit was given to 企业名称 as to a group row's column, and every company was an error."""
    rows: Rows = [[title], ["企业名称", "所属行业", "2025年", None, "2024年", None],
                  [None, None, "营业收入", "研发费用", "营业收入", "研发费用"], *([units] if units else []),
                  ["甲公司", "工业", 1.2, 300, 1, 250]]
    sheet, book = write_both(tmp_path, rows, ("C2:D2", "E2:F2"))
    from_csv, said = results(sheet)
    assert from_csv == results(book)[0]
    (jia,) = from_csv
    read = figures(jia)
    scale = 10000 if units else 1
    assert (read["financials.2025.revenue"], read["financials.2025.rd_expense"]) == (1.2 * scale, 300)
    assert (read["financials.2024.revenue"], read["financials.2024.rd_expense"]) == (1 * scale, 250)
    assert "出错 0 行" in said and "略过" not in said


def test_a_yuan_title_line_converts_the_csv_amounts_as_the_workbook_does(tmp_path: Path) -> None:
    """Under 金额单位：元, 9,000,000 in a CSV is 900 万元 as in the workbook: 乙 is not 专精特新, no amount is
    flagged as too large, and the run says how it read them."""
    rows: Rows = [["园区企业经营情况（金额单位：元）"],
                  ["企业名称", "行业", "从业人员（上年末）", "营业收入（2025年）", "营业收入（2024年）", "研发费用（2025年）",
                   "持有有效的创新型中小企业称号"],
                  ["乙公司", "工业", 60, 9000000, 8000000, 500000, "是"]]
    sheet, book = write_both(tmp_path, rows)
    (yi,), said = results(sheet)
    assert [yi] == results(book)[0]
    assert "表头上方写明金额单位为元，金额按元读入并换算成万元" in said
    assert figures(yi)["financials.2025.revenue"] == 900 and yi["warnings"] == []
    assert yi["tiers"]["zjtx_sme"]["status"] == "unmet"


@pytest.mark.parametrize(("assets", "liabilities"), [
    ("2025年末资产总额（元）", "2025年末负债总额（万元）"), ("资产总额（2025年末，元）", "负债总额（2025年底）"),
    ("2025年底资产总额(元)", "负债总额（2025年末）（万元）")])
def test_a_year_end_figure_headed_with_its_year_first_or_beside_its_unit_reads_in_that_unit(
        tmp_path: Path, assets: str, liabilities: str) -> None:
    """2025年末资产总额（元）, as parks head it, is 资产总额（2025年末） in 元: 80,000,000 is 8,000 万元. It was
    refused with the hint 资产总额（2025年末）, which, followed, read the 元 as 万元 (×10,000)."""
    rows: Rows = [["企业名称", "行业", assets, liabilities], ["甲公司", "工业", 80000000, 4000]]
    sheet, book = write_both(tmp_path, rows)
    (jia,), _ = results(sheet)
    assert [jia] == results(book)[0]
    got = figures(jia)
    assert (got["financials.2025.total_assets"], got["financials.2025.total_liabilities"]) == (8000, 4000)


@pytest.mark.parametrize(("header", "path"), [("研发费用合计(元)", "financials.2025.rd_expense"),
                                            ("资产总额（元）", "financials.2025.total_assets"),
                                            ("营业收入（单位：元）", "financials.2025.revenue"),
                                            ("营业收入（人民币元）", "financials.2025.revenue"),
                                            ("资产总额（年末，元）", "financials.2025.total_assets")])
def test_a_rename_hint_keeps_the_unit_the_header_gave_and_followed_reads_in_it(
        tmp_path: Path, header: str, path: str) -> None:
    """A refused header's hint keeps its （元）: the hint 资产总额（2025年末）, followed, read a column of 元 in
    万元, each amount 10,000 times its size. Followed, the hint reads 80,000,000 元 as 8,000 万元."""
    with pytest.raises(InputError) as caught:
        column(rules.load("miit-2026"), header, 2025)
    hint = next(q for q in re.findall(r"“([^”]*)”", caught.value.render("zh"))[1:] if "（" in q)
    assert hint.endswith("（元）")
    sheet, _ = write_both(tmp_path, [["企业名称", "行业", hint], ["甲公司", "工业", 80000000]])
    (jia,), _ = results(sheet)
    assert figures(jia)[path] == 8000 and column(rules.load("miit-2026"), hint, 2025)[0] == path


TITLES = [["2026年园区企业名单"], ["单位：万元"], ["填报单位：某园区", None, None, "填报日期：2026-05-01"],
          ["金额单位：元"], ["2025年度"]]
NAMES = st.text(alphabet="甲乙丙丁科技精密有限公司", min_size=1, max_size=6)
AMOUNTS = st.one_of(st.integers(0, 99999), st.none())


@settings(max_examples=40)
@given(titles=st.lists(st.sampled_from(TITLES), max_size=3), two_rows=st.booleans(),
       companies=st.lists(st.tuples(NAMES, AMOUNTS, AMOUNTS, AMOUNTS), min_size=1, max_size=4))
def test_every_csv_layout_reads_as_its_workbook_and_keeps_every_row(titles: Rows, two_rows: bool,
                                                                    companies: list[tuple[Any, ...]]) -> None:
    """Whatever title lines and header rows a sheet has, its CSV gives the workbook's cells row for row,
    and every company comes out (none taken for a header row)."""
    header: Rows = ([["企业名称", "2025年", None, "2024年"], [None, "营业收入", "研发费用", "营业收入"]] if two_rows
                    else [["企业名称", "营业收入（2025年）", "研发费用（2025年）", "营业收入（2024年）"]])
    rows = [*titles, *header, *[list(c) for c in companies]]
    rs = rules.load("miit-2026")
    options = batching.ReadOptions(known_header=lambda cell: known_header(rs, cell))
    with tempfile.TemporaryDirectory() as folder:
        sheet, book = write_both(Path(folder), rows)
        got = [[item.payload for item in batching._items(path, options)] for path in (sheet, book)]
    # (a workbook's rows also say where its columns are, for a row's problem to name a column's letter)
    from_csv, from_book = ([{k: v for k, v in cells.items() if v and k != COLUMN_PLACES} for cells in found]
                           for found in got)
    assert from_csv == from_book and [c["企业名称"] for c in from_csv] == [c[0] for c in companies]
    years = {k for c in from_csv for k in c} - {"企业名称", "\x00unit"}
    assert years <= {"营业收入（2025年）", "研发费用（2025年）", "营业收入（2024年）", "2025年营业收入", "2025年研发费用",
                     "2024年营业收入"}


def test_a_plain_csv_keeps_its_first_row_as_the_header_when_no_column_is_known(tmp_path: Path) -> None:
    """A CSV whose header names nothing the rules know still reads its first row as the header, as before:
    its companies are error-free rows of unknowns, not a sheet without a header."""
    path = tmp_path / "plain.csv"
    path.write_text("名称,备注\n甲公司,无\n", encoding="utf-8")
    rs = rules.load("miit-2026")
    options = batching.ReadOptions(known_header=lambda cell: known_header(rs, cell))
    assert [item.payload for item in batching._items(path, options)] == [{"名称": "甲公司", "备注": "无"}]


def test_a_title_naming_a_field_a_header_to_refuse_and_units_said_in_many_ways(tmp_path: Path) -> None:
    """A review's sheets: a title that names a field (专精特新中小企业) alone above the header was taken for
    it; a header with a column to rename (营业收入 without its year) was not found at all, and every
    company was lost to 'no header row'; 公司名称 was no name; 单位：元 and 人民币元 inside a header's
    brackets, and 元 on a group row over known columns, were passed over (amounts 10,000 times too big)."""
    titled, _ = write_both(tmp_path, [["专精特新中小企业"], ["公司名称", "行业", "从业人员（上年末）", "营业收入（2025年）"],
                                      ["甲公司", "工业", 120, 8000]])
    found, _ = results(titled)
    assert [r["name"] for r in found] == ["甲公司"] and figures(found[0])["financials.2025.revenue"] == 8000
    units = tmp_path / "units"
    units.mkdir()
    _, book = write_both(units, [["基本情况", None, "主要经济指标（元）", None],
                                 ["企业名称", "行业", "营业收入（2025年）", "研发费用（单位：元）（2024年）"],
                                 ["乙公司", "工业", 50_000_000, 3_000_000]], ("C1:D1",))
    read = figures(results(book)[0][0])
    assert read["financials.2025.revenue"] == 5000 and read["financials.2024.rd_expense"] == 300
    refused = tmp_path / "refused"
    refused.mkdir()
    _, book = write_both(refused, [["2025年度园区企业经营情况（单位：万元）"], ["序号", "企业名称", "营业收入", "研发费用"],
                                   [1, "丙公司", 8000, 400]])
    run = CliRunner().invoke(app, ["batch", str(book), "-o", str(refused / "out.csv"), "--as-of", AS_OF, "--lang", "zh"])
    assert run.exit_code == 2 and "“营业收入”列：请在列名中写明年份" in run.stderr and "没有找到列名行" not in run.stderr


def test_the_year_before_last_is_not_read_as_last_year() -> None:
    """营业收入（上上年度） held 上年度 inside it and was taken for last year's revenue; it is the year
    before (上上年度, 前年), while 上年度 stays the assessment date's last year; with no date to count
    from, its year is asked for."""
    from littlegiant.errors import InputError
    from littlegiant.load.tabular import column

    rs = rules.load("miit-2026")
    assert column(rs, "营业收入（上年度）", 2026)[0] == "financials.2026.revenue"
    assert column(rs, "营业收入（上上年度）", 2026)[0] == column(rs, "前年营业收入", 2026)[0] == "financials.2025.revenue"
    with pytest.raises(InputError):
        column(rs, "营业收入（上上年度）", None)
    for previous in ("前一年度营业收入", "前年度营业收入", "当前年度营业收入"):  # "the previous year": asked
        with pytest.raises(InputError):
            column(rs, previous, 2026)


def test_a_merged_year_heads_only_the_columns_it_is_merged_over(tmp_path: Path) -> None:
    """2024年 merged over 营业收入 and 主营业务收入: the 研发费用 beside it, outside the merge, was filed as
    2024's without a word; now it is the column it would be without the group, refused asking its year.
    The same sheet with 研发费用（2025年） reads each year where it belongs."""
    header: Rows = [[None, None, "2024年", None, None], ["企业名称", "行业", "营业收入", "主营业务收入", "研发费用"]]
    _, book = write_both(tmp_path, [*header, ["甲公司", "工业", 6000, 5500, 400]], ("C1:D1",))
    run = CliRunner().invoke(app, ["batch", str(book), "-o", str(tmp_path / "out.jsonl"), "--format", "json",
                                   "--as-of", AS_OF, "--lang", "zh"])
    assert run.exit_code == 2 and "“研发费用”列：请在列名中写明年份" in run.stderr
    assert not (tmp_path / "out.jsonl").exists()
    header[1][4] = "研发费用（2025年）"
    dated = tmp_path / "dated"
    dated.mkdir()
    _, book = write_both(dated, [*header, ["甲公司", "工业", 6000, 5500, 400]], ("C1:D1",))
    read = figures(results(book)[0][0])
    assert (read["financials.2024.revenue"], read["financials.2025.rd_expense"]) == (6000, 400)
    assert read.get("financials.2024.rd_expense") is None


def test_a_group_label_stops_at_its_merge_or_at_a_gap_and_the_note_names_the_columns_as_written(tmp_path: Path) -> None:
    """A park's 2025年 merged over three columns named 备注2 and 联系人 farther right "2025年备注2" and
    "2025年联系人" in its note, the label run to the sheet's end; an unmerged label (a CSV) stops at an
    empty column, so 研发费用 after the gap is asked its year rather than taken for 2025's."""
    rows: Rows = [[None, None, "2025年", None, None, None],
                  ["企业名称", "行业", "营业收入", "研发费用", "备注2", "联系人"], ["甲公司", "工业", 8000, 400, "无", "张三"]]
    _, book = write_both(tmp_path, rows, ("C1:D1",))
    found, said = results(book)
    assert figures(found[0])["financials.2025.rd_expense"] == 400
    assert "“备注2”、“联系人”" in " ".join(said.split()) and "2025年备注2" not in said
    gap = tmp_path / "gap"
    gap.mkdir()
    sheet, _ = write_both(gap, [[None, "2025年", None, None, None], ["企业名称", "营业收入", "主营业务收入", None, "研发费用"],
                                ["甲公司", 8000, 7000, None, 400]])
    run = CliRunner().invoke(app, ["batch", str(sheet), "-o", str(gap / "out.csv"), "--as-of", AS_OF, "--lang", "zh"])
    assert run.exit_code == 2 and "“研发费用”列：请在列名中写明年份" in run.stderr


def test_an_unmerged_year_label_stops_at_a_column_named_by_itself(tmp_path: Path) -> None:
    """A park's sheet saved as CSV keeps a merged 2024年 in its first column only: the group ran to the
    end of the row, and 净利润 after 职工人数 and the market share was filed as 2024's, exit 0. An
    unmerged group stops at a column whose name needs no group; a yearly figure after it is asked
    for its year, in the CSV and in a workbook whose labels are typed, not merged, alike. The
    columns inside each group keep their year."""
    rows: Rows = [[None, "2025年", None, "2024年", None, None, None, None],
                  ["企业名称", "营业收入", "研发费用", "营业收入", "研发费用", "主导产品国内细分市场占有率", "职工人数", "净利润"],
                  ["甲公司", 8000, 400, 7000, 350, 12, 260, 500]]
    sheet, book = write_both(tmp_path, rows)
    for path in (sheet, book):
        run = CliRunner().invoke(app, ["batch", str(path), "-o", str(tmp_path / "out.csv"), "--as-of", AS_OF, "--lang", "zh"])
        assert run.exit_code == 2 and "“净利润”列：请在列名中写明年份" in run.stderr, run.stderr
    rows[1][-1], rows[2][-1] = "备注", "无"
    sheet, book = write_both(tmp_path, rows)
    for path in (sheet, book):
        found, _ = results(path)
        read = figures(found[0])
        assert (read["financials.2025.rd_expense"], read["financials.2024.revenue"], read["financials.2024.rd_expense"],
                read["employees"]) == (400, 7000, 350, 260)


def test_an_amount_read_in_yuan_for_its_yuan_sign_alone_is_said_in_every_output(tmp_path: Path) -> None:
    """"¥12,000.00" under 营业收入（2025年）, no unit named anywhere, is read as 元 (1.2万元), but a 万元 column
    formatted as currency looks the same (then 1.2亿) and no size check catches that reading: the batch row's
    需核对的数据, its JSON warnings, and assess's report and JSON each say how it was read and what to write
    if 万元 was meant; a row's several such amounts are said once; a plain amount beside them is no warning."""
    said = "「营业收入（2025年）」“{}12,000.00”按元读作 1.2万元；如果指的是万元，请写明单位（在列名或数字后写“万元”）后重新评估"
    header = ["企业名称", "行业", "从业人员（上年末）", "营业收入（2025年）", "营业收入（2024年）"]
    sheet, book = write_both(tmp_path, [header, ["甲公司", "工业", 120, "￥12,000.00", 1], ["乙公司", "工业", 60, 900, 800],
                                        ["丙公司", "工业", 60, "￥3,000", "￥2,800"]])
    for path in (sheet, book):
        (jia, yi, bing), _ = results(path)
        assert [(w["kind"], w["path"], w["typed"], w["value"], w["message"]) for w in jia["warnings"]
                if w["kind"] == "yuan_sign"] == [("yuan_sign", "financials.2025.revenue", "￥12,000.00", 1.2, said.format("￥"))]
        assert yi["warnings"] == [] and [w["typed"] for w in bing["warnings"]] == ["￥3,000", "￥2,800"]
        out = tmp_path / "out.csv"
        run = CliRunner().invoke(app, ["batch", str(path), "-o", str(out), "--as-of", AS_OF, "--lang", "zh"])
        assert run.exit_code == 0, run.output
        cells = [r["需核对的数据"] for r in csv.DictReader(out.open(encoding="utf-8-sig"))]
        assert said.format("￥") in cells[0] and "按元" not in cells[1]
        assert cells[2].count("按元") == 1 and "「营业收入（2025年）」“￥3,000”等 2 项金额都按元读取（这一项读作 0.3万元）" in cells[2]
    profile = tmp_path / "co.yaml"
    profile.write_text("name: 甲公司\nemployees: 120\nfinancials:\n  2025:\n    revenue: ¥12,000.00\n", encoding="utf-8")
    run = CliRunner().invoke(app, ["assess", str(profile), "--as-of", AS_OF, "--lang", "zh"], env={"COLUMNS": "200"})
    assert run.exit_code == 0 and said.format("¥") in run.stdout
    run = CliRunner().invoke(app, ["assess", str(profile), "--format", "json", "--as-of", AS_OF, "--lang", "zh"])
    assert [w["message"] for w in json.loads(run.stdout)["warnings"] if w["kind"] == "yuan_sign"] == [said.format("¥")]
    run = CliRunner().invoke(app, ["assess", str(profile), "--format", "json", "--as-of", AS_OF, "--lang", "zh",
                                   "--set", "营业收入（2025年）=12000"])
    assert all(w["kind"] != "yuan_sign" for w in json.loads(run.stdout)["warnings"])


def test_a_yuan_sign_gives_way_to_a_named_unit_and_is_yuan_where_none_is_named(tmp_path: Path) -> None:
    """The sign ¥ gives way to a unit the column or sheet names (Excel's currency format writes ¥1,200 for a
    cell of a 万元 column); where the only unit is the default 万元, it means 元, as RMB and 元 do, in a sheet,
    a profile and --set alike: read as 万元, "￥80,000,000" meant as 元 was 8,000亿 and failed every tier.
    A workbook cell shown with ¥ (a currency format) reads as the same text typed would: 元 where no unit
    is named, the column's unit where one is."""
    sheet, _ = write_both(tmp_path, [["企业名称", "行业", "从业人员（上年末）", "营业收入（2025年）", "研发费用（2025年）"],
                                     ["甲公司", "工业", 260, "￥80,000,000", "￥4,000,000"],
                                     ["乙公司", "工业", 260, "80,000,000元", "4,000,000元"],
                                     ["丙公司", "工业", 260, "RMB 80,000,000", "CNY 4,000,000"],
                                     ["丁公司", "工业", 260, "￥80,000,000.00", "￥4,000,000.00"]])
    found, _ = results(sheet)
    assert [(figures(r)["financials.2025.revenue"], figures(r)["financials.2025.rd_expense"]) for r in found] == \
        [(8000, 400)] * 4
    assert [[w["kind"] for w in r["warnings"]] for r in found] == [["yuan_sign"] * 2, [], [], ["yuan_sign"] * 2]
    book = Workbook()
    book.active.append(["企业名称", "行业", "营业收入（2025年）"])
    book.active.append(["戊公司", "工业", 12000])
    book.active["C2"].number_format = '"¥"#,##0'  # Excel's currency format, shown ¥12,000: 元, as typed text is
    book.save(tmp_path / "formatted.xlsx")
    assert figures(results(tmp_path / "formatted.xlsx")[0][0])["financials.2025.revenue"] == 1.2
    profile = tmp_path / "co.yaml"
    profile.write_text("name: 甲公司\nfinancials:\n  2025:\n    revenue: ￥80,000,000\n    main_revenue: ¥70,000,000\n",
                       encoding="utf-8")
    run = CliRunner().invoke(app, ["assess", str(profile), "--format", "json", "--as-of", AS_OF])
    read = figures(json.loads(run.stdout))
    assert (read["financials.2025.revenue"], read["financials.2025.main_revenue"]) == (8000, 7000)
    run = CliRunner().invoke(app, ["assess", str(profile), "--format", "json", "--as-of", AS_OF,
                                   "--set", "营业收入（2025年）=￥90,000,000", "--set", "主营业务收入（2025年）（万元）=￥8,500"])
    read = figures(json.loads(run.stdout))
    assert (read["financials.2025.revenue"], read["financials.2025.main_revenue"]) == (9000, 8500)
    for where, rows in (("wan", [["企业名称", "行业", "营业收入（2025年）（万元）"]]),
                        ("wan-title", [["园区企业情况（金额单位：万元）"], ["企业名称", "行业", "营业收入（2025年）"]]),
                        ("wan-row", [["企业名称", "行业", "营业收入（2025年）"], ["", "", "万元"]])):
        folder = tmp_path / where
        folder.mkdir()
        sheet, book = write_both(folder, [*rows, ["甲公司", "工业", "￥1,200"]])
        (jia,), _ = results(sheet)
        assert (jia,) == tuple(results(book)[0])
        assert figures(jia)["financials.2025.revenue"] == 1200 and jia["warnings"] == [], where
    for where, rows in (("header", [["企业名称", "行业", "营业收入（2025年）（元）"]]),
                        ("title", [["园区企业情况（金额单位：元）"], ["企业名称", "行业", "营业收入（2025年）"]])):
        folder = tmp_path / where
        folder.mkdir()
        sheet, book = write_both(folder, [*rows, ["甲公司", "工业", "￥120,000,000"]])
        (jia,), _ = results(sheet)
        assert (jia,) == tuple(results(book)[0])
        assert figures(jia)["financials.2025.revenue"] == 12000 and jia["warnings"] == []
