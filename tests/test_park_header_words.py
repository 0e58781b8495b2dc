"""The words a park's sheet heads its columns with and states its units in, as a tester's park pass
found them (大前年, 去年营业收入, 其中：研发人员, 2025年末从业人员, 是否国家级专精特新小巨人, 说明：金额单位为元):
real workbooks through ``batch``, what was read or what the refusal says checked."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook
from typer.testing import CliRunner

from littlegiant.cli.app import app
from littlegiant.errors import InputError
from littlegiant.load import rules
from littlegiant.load.tabular import HeaderSearch, column, header_problems, known_header, meant_header

AS_OF = "2026-11-26"


def batch(src: Path, out: Path) -> tuple[int, str]:
    """``batch`` as a park's staff run it (zh, 80 columns), JSON out: exit code and what stderr said."""
    result = CliRunner().invoke(app, ["batch", str(src), "-o", str(out), "--format", "json", "--as-of", AS_OF,
                                      "--lang", "zh"], env={"LANG": "zh_CN.UTF-8", "COLUMNS": "80"})
    return result.exit_code, result.stderr


def sheet(path: Path, rows: list[list[Any]], merged: tuple[str, ...] = (), title: str = "名单") -> Path:
    """A one-sheet workbook of ``rows``, its cells ``merged`` as Excel's 合并后居中 leaves them."""
    book = Workbook()
    ws = book.active
    ws.title = title
    for row in rows:
        ws.append(row)
    for cells in merged:
        ws.merge_cells(cells)
    book.save(path)
    return path


def read_inputs(out: Path) -> list[dict[str, Any]]:
    """The figures each company's criteria read, by profile path, as the JSON results give them."""
    found = []
    for line in out.read_text(encoding="utf-8").splitlines():
        inputs: dict[str, Any] = {}
        for tier in json.loads(line)["result"]["tiers"].values():
            for criterion in tier["criteria"]:
                inputs.update(criterion.get("inputs") or {})
        found.append(inputs)
    return found


def test_the_year_before_the_year_before_last_is_read_as_its_own_year(tmp_path: Path) -> None:
    """营业收入 merged over 上年度 | 前年 | 大前年, as parks lay out three years: 大前年 was read as 前年 and the
    run stopped, telling the clerk to write 2024, the year 前年 already took. It is 2023 (the as-of year
    less three), and the sheet reads."""
    src = sheet(tmp_path / "三年.xlsx", [["企业名称", "营业收入（万元）", None, None, "研发费用（万元）", None],
                                         [None, "上年度", "前年", "大前年", "上年度", "前年"],
                                         ["丁公司", 9000, 8000, 7000, 500, 400]], ("B1:D1", "E1:F1", "A1:A2"))
    code, err = batch(src, tmp_path / "out.jsonl")
    assert code == 0, err
    (read,) = read_inputs(tmp_path / "out.jsonl")
    assert (read["financials.2025.revenue"], read["financials.2024.revenue"], read["financials.2023.revenue"]) == (
        9000, 8000, 7000)


def test_last_year_said_as_qunian_is_read_as_last_year(tmp_path: Path) -> None:
    """去年营业收入 stopped the run while 上年度营业收入 and 前年营业收入 beside it were read: it is last year's."""
    src = sheet(tmp_path / "去年.xlsx", [["企业名称", "去年营业收入", "前年营业收入"], ["丁公司", 9000, 8000]])
    code, err = batch(src, tmp_path / "out.jsonl")
    assert code == 0, err
    (read,) = read_inputs(tmp_path / "out.jsonl")
    assert (read["financials.2025.revenue"], read["financials.2024.revenue"]) == (9000, 8000)


@pytest.mark.parametrize(("header", "back"), [("上年度营业收入", 0), ("去年营业收入", 0), ("营业收入（去年）", 0),
                                              ("前年营业收入", 1), ("营业收入（上上年度）", 1), ("大前年营业收入", 2),
                                              ("营业收入（大前年）", 2), ("上上上年度营业收入", 2)])
def test_year_words_count_back_from_the_as_of_year(header: str, back: int) -> None:
    """Each word for a year names the as-of year's last year less ``back``; with no date to count from,
    its year is asked for, the hint naming the year the word means, not last year's."""
    rs = rules.load("miit-2026")
    assert column(rs, header, 2025)[0] == f"financials.{2025 - back}.revenue"
    with pytest.raises(InputError) as refused:
        column(rs, header, None)
    assert f"{2025 - back}年" in refused.value.render("zh")


def test_a_score_of_the_year_before_last_is_not_read_as_last_years() -> None:
    """前年发展评价得分 was read as 上年度专精特新发展评价得分, which a renewal counts: neither is it."""
    rs = rules.load("miit-2026")
    assert column(rs, "上年度发展评价得分", 2025)[0] == "platform_score_previous"
    for header in ("前年发展评价得分", "大前年发展评价得分"):
        with pytest.raises(InputError):
            column(rs, header, 2025)


def test_the_year_a_sheet_states_is_the_year_its_refusal_suggests() -> None:
    """A title 2024年度XX园区企业经营情况表 over 营业收入（万元）: the refusal said to write 2025, and a clerk who
    copied it filed 2024's figures as 2025's. The title's year is the hint's, said as seen there; one
    later than last year (a 2026 list holds 2025's figures), or two years named, leaves last year's."""
    from littlegiant.load.tabular import stated_year

    rs = rules.load("miit-2026")
    search = HeaderSearch(lambda c: known_header(rs, c, 2025), lambda c: meant_header(rs, c, 2025), "名单.xlsx")
    for line, row in enumerate([["2024年度XX园区企业经营情况表", "", ""], ["企业名称", "营业收入（万元）", "从业人员"],
                                ["甲公司", "8000", "120"]], 1):
        search.take(line, row)
    assert search.header is not None and search.year == 2024
    (problem,) = header_problems(search.header, rs, frozenset(), 2025, search.year)
    assert problem.render("zh") == ("“营业收入（万元）”列：请在列名中写明年份：表格标题或工作表名写的是“2024年”，"
                                    "若这一列是那一年的数据，请把列名改为“营业收入（2024年）（万元）”（若是每个工作表一年、"
                                    "同一批企业，请把各工作表按年份命名，如“2024年”，评估整个工作簿即可自动合并为每家企业一行）")
    (later,) = header_problems(search.header, rs, frozenset(), 2025, 2026)
    assert later.render("zh") == "“营业收入（万元）”列：请在列名中写明年份，如“营业收入（2025年）（万元）”"
    assert HeaderSearch(None, sheet="2024年度").year == 2024
    assert [stated_year([t]) for t in ("2023—2025年经营情况", "2025年1-9月快报", "填报日期：2026-11-20", "Sheet1")] == [
        None, None, None, None]


def test_a_title_year_is_the_year_the_batch_refusal_suggests(tmp_path: Path) -> None:
    """The tester's sheet: title and sheet name 2024年度, headers with no year. The run stops (which year is
    the clerk's to say), suggesting 2024 as seen in the title, not last year's 2025."""
    src = sheet(tmp_path / "经营情况.xlsx", [["2024年度XX园区企业经营情况表"], ["企业名称", "从业人员", "营业收入（万元）"],
                                             ["甲公司", 120, 8000]], ("A1:C1",), title="2024年度")
    code, err = batch(src, tmp_path / "out.jsonl")
    assert code == 2 and "写的是“2024年”，若这一列是那一年的数据，请把列名改为“营业收入（2024年）（万元）”" in err
    assert "2025年" not in err


def test_a_part_headed_qizhong_under_its_whole_is_read_as_that_part(tmp_path: Path) -> None:
    """从业人员（人） | 其中：研发人员（人） | 其中：科技人员（人）, the usual way to put parts under their whole,
    stopped the run (列名里有“研发人员”，但看不出是哪一项数据): the parts are read (研发人员 by the 2022 rules'
    share, 科技人员 by 2026's)."""
    src = sheet(tmp_path / "其中.xlsx", [["企业名称", "从业人员（人）", "其中：研发人员（人）", "其中：科技人员（人）"],
                                         ["甲公司", 200, 40, 60]])
    for rule_set, path, value in (("miit-2022", "rd_staff", 40), ("miit-2026", "tech_staff", 60)):
        out = tmp_path / f"{rule_set}.jsonl"
        result = CliRunner().invoke(app, ["batch", str(src), "-o", str(out), "--format", "json", "--as-of", AS_OF,
                                          "--lang", "zh", "--rules", rule_set])
        assert result.exit_code == 0, result.stderr
        (read,) = read_inputs(out)
        assert (read["employees"], read[path]) == (200, value)


def test_a_part_away_from_its_whole_is_refused_naming_the_whole(tmp_path: Path) -> None:
    """其中：研发人员 under 大专以上学历人员 is the graduates among the R&D staff, not all of them: a 其中 reads
    only right after its whole, else the run stops saying which column it belongs under."""
    src = sheet(tmp_path / "其中.xlsx", [["企业名称", "从业人员", "大专以上学历人员", "其中：研发人员（人）"],
                                         ["甲公司", 200, 120, 40]])
    code, err = batch(src, tmp_path / "out.jsonl")
    assert code == 2 and ("“其中：研发人员（人）”列：“其中”项应紧跟在它所属的“从业人员（上年末）”列之后，这里看不出是"
                          "哪一项中的一部分：若填的是企业全部的这项数据，请把列名改为“研发人员人数”") in err


def test_employees_at_a_named_year_end_are_read_when_it_is_last_years(tmp_path: Path) -> None:
    """2025年末从业人员 stopped the run, though 年末从业人员 and 从业人员（人） were read: at the as-of year's last
    year end it is the field (从业人员（上年末）); 2024年末's headcount is not, and the run says which to give."""
    src = sheet(tmp_path / "年末.xlsx", [["企业名称", "2025年末从业人员（人）", "营业收入（2025年）"], ["甲公司", 200, 8000]])
    code, err = batch(src, tmp_path / "out.jsonl")
    assert code == 0, err
    assert read_inputs(tmp_path / "out.jsonl")[0]["employees"] == 200
    src = sheet(tmp_path / "前年末.xlsx", [["企业名称", "2024年末从业人员", "营业收入（2025年）"], ["甲公司", 200, 8000]])
    code, err = batch(src, tmp_path / "out.jsonl")
    assert code == 2 and ("“2024年末从业人员”列：这一项按上年末（2025年末）计，这一列写的是“2024年末”，评估用不到：请另加"
                          "一列“从业人员（上年末）”，填入上年末（2025年末）的数据（这一列可以保留）") in err


@pytest.mark.parametrize(("header", "field"), [
    ("研发人员（2025年末）", "rd_staff"), ("研发人员（2025年）", "rd_staff"), ("从业人员（2025年）", "employees"),
    ("科技人员（2025年）", "tech_staff"), ("国内细分市场占有率（2025年）", "domestic_share"),
    ("上年度研发人员", "rd_staff")])
def test_a_head_count_or_share_dated_last_year_is_read(tmp_path: Path, header: str, field: str) -> None:
    """研发人员（2025年末） and 从业人员（2025年） stopped the whole run (看不出是哪一项数据), though their
    questions are last year's (填2025年…的人数): a park dates every column of its 2025 sheet. Dated last year,
    they are the field."""
    assert column(rules.load("miit-2026"), header, 2025)[1].id == field
    src = sheet(tmp_path / "年.xlsx", [["企业名称", "营业收入（2025年）", "从业人员（上年末）", header],
                                       ["甲公司", 8000, 200, 12]])
    if field == "employees":
        src = sheet(tmp_path / "年.xlsx", [["企业名称", "营业收入（2025年）", header], ["甲公司", 8000, 12]])
    code, err = batch(src, tmp_path / "out.jsonl")
    assert code == 0, err
    if field in ("employees", "tech_staff"):  # read by a criterion (the others by none in 2026's set)
        assert read_inputs(tmp_path / "out.jsonl")[0][field] == 12


@pytest.mark.parametrize(("header", "said"), [
    ("研发人员（2024年）", "“2024年”，评估用不到：请另加一列“研发人员人数”，填入 2025年的数据"),
    ("从业人员（2024年）", "“2024年”，评估用不到：请另加一列“从业人员（上年末）”，填入 2025年的数据"),
    ("研发人员（2024年末）", "“2024年末”，评估用不到：请另加一列“研发人员人数”，填入 2025年的数据")])
def test_a_head_count_dated_another_year_says_which_year_to_give(tmp_path: Path, header: str, said: str) -> None:
    """Another year's head count is not the field: the run stops saying the year it reads and the column to add."""
    src = sheet(tmp_path / "年.xlsx", [["企业名称", "营业收入（2025年）", header], ["甲公司", 8000, 12]])
    code, err = batch(src, tmp_path / "out.jsonl")
    assert code == 2 and f"“{header}”列：这一项按上一年（2025年）计，这一列写的是{said}" in err, err


@pytest.mark.parametrize("header", ["是否国家级专精特新小巨人", "是否为国家级专精特新“小巨人”企业"])
def test_whether_a_national_little_giant_is_read_as_the_title(tmp_path: Path, header: str) -> None:
    """是否国家级专精特新小巨人 was passed over as 与评估无关 and copied back: 小巨人 is MIIT's title, which no other
    level confers, so the column is whether the company holds it, read as 是否专精特新小巨人 is (a cell that is
    no yes or no is that row's error, naming the title asked)."""
    src = sheet(tmp_path / "称号.xlsx", [["企业名称", "营业收入（2025年）", header], ["甲公司", 8000, "是"],
                                         ["乙公司", 8000, "否"], ["丙公司", 8000, "大概"]])
    code, err = batch(src, tmp_path / "out.jsonl")
    assert code == 1 and "与评估无关" not in err
    rows = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [row["status"] for row in rows] == ["scored", "scored", "error"]
    assert not any("input_columns" in row for row in rows)  # read, not carried back as the park's own column
    assert rows[2]["error"].startswith(f"“{header}”列（C列）：应填是或否")


@pytest.mark.parametrize("said", ["说明：金额单位为元，人数单位为人", "本表金额均以元为单位", "金额单位是元",
                                  "本表以元为单位", "本表单位为元", "金额单位统一为元", "本表数值以元为单位"])
def test_a_money_unit_said_in_a_sentence_above_the_list_is_the_sheets(tmp_path: Path, said: str) -> None:
    """说明：金额单位为元，人数单位为人 merged under the title: 80,000,000 元 was read as 80,000,000 万元, scored so,
    with a plausibility warning for the only sign. The sentence names the sheet's unit as 金额单位：元 does:
    the run says so, and the amounts are read in 元."""
    src = sheet(tmp_path / "单位.xlsx", [["2026年企业情况表"], [said], ["企业名称", "从业人员", "2025年营业收入", "2025年研发费用"],
                                         ["甲公司", 120, 80_000_000, 600_000]], ("A1:D1", "A2:D2"))
    code, err = batch(src, tmp_path / "out.jsonl")
    assert code == 0 and "表头上方写明金额单位为元，金额按元读入并换算成万元" in err, err
    (read,) = read_inputs(tmp_path / "out.jsonl")
    assert (read["financials.2025.revenue"], read["financials.2025.rd_expense"]) == (8000, 60)


def test_a_unit_said_of_one_column_or_a_word_holding_danwei_is_no_sheets_unit(tmp_path: Path) -> None:
    """研发费用以元为单位 is one column's unit, and 所在单位为元宝山区… names a place: neither is the sheet's, so
    the amounts stay in 万元 (their column's default, checked by the plausibility warning), not divided by 10,000."""
    src = tmp_path / "名单.csv"
    src.write_text("说明：研发费用以元为单位；所在单位为元宝山区工信局；研发费用以万元为单位，其余以元为单位\n"
                   "企业名称,营业收入（2025年）\n甲公司,8000\n",
                   encoding="utf-8")
    code, err = batch(src, tmp_path / "out.jsonl")
    assert code == 0 and "金额按元读入" not in err, err
    assert read_inputs(tmp_path / "out.jsonl")[0]["financials.2025.revenue"] == 8000


def test_a_column_without_its_year_is_never_told_a_year_another_column_holds(tmp_path: Path) -> None:
    """营业收入（2025年） beside 营业收入（万元）: the refusal told the clerk to write 营业收入（2025年）（万元）, and
    the next run stopped on the field given twice. It asks which year, naming the column that has 2025."""
    src = sheet(tmp_path / "两年.xlsx", [["企业名称", "营业收入（2025年）", "营业收入（万元）"], ["甲公司", 9000, 8000]])
    code, err = batch(src, tmp_path / "out.jsonl")
    assert code == 2 and ("“营业收入（万元）”列：请在列名中写明年份：“营业收入（2025年）”已有一列，这一列应是另一年的"
                          "数据，请写明是哪一年") in err
    assert "（2025年）（万元）" not in err


def test_a_unit_after_a_slash_and_a_national_rank_are_read_not_set_aside(tmp_path: Path) -> None:
    """从业人员/人 was set aside as a per-head figure (与评估无关) and a company over the industrial revenue ceiling
    lost the head count its size rests on; 细分市场占有率全国排名, the domestic rank, was set aside as a ranked
    figure. /人 is the head count's unit; 万元/人 stays per head."""
    src = sheet(tmp_path / "斜杠.xlsx", [["企业名称", "营业收入（2025年）", "从业人员/人", "细分市场占有率全国排名",
                                          "人均营收（万元/人）"],
                                         ["甲公司", 45000, 260, 2, 173]])
    code, err = batch(src, tmp_path / "out.jsonl")
    (read,) = read_inputs(tmp_path / "out.jsonl")
    assert code == 0 and read["employees"] == 260 and read["market.domestic_rank"] == 2
    assert read["financials.2025.revenue"] == 45000 and "“人均营收（万元/人）”" in err
    assert "“从业人员/人”" not in err and "“细分市场占有率全国排名”" not in err


def test_an_estimated_share_reads_and_an_estimated_score_or_a_mid_year_balance_is_set_aside(tmp_path: Path) -> None:
    """主导产品国内市场占有率（估算） was set aside as a forecast (a market share is always an estimate), while
    平台评价得分（预估） and 专精特新发展评价得分（预评） were read as the platform's score, and 资产总额（截至2025年9月30日）
    as the year-end balance the debt ratio takes. 2025年12月营业收入, one month, stopped the run asking for a rename."""
    heads = ["企业名称", "主导产品国内市场占有率（估算）", "平台评价得分（预估）", "专精特新发展评价得分（预评）",
             "资产总额（截至2025年9月30日）", "负债总额（截至2025年9月30日）", "2025年12月营业收入"]
    src = sheet(tmp_path / "估算.xlsx", [heads, ["甲公司", 12.5, 72, 70, 15000, 6000, 4000]])
    code, err = batch(src, tmp_path / "out.jsonl")
    (read,) = read_inputs(tmp_path / "out.jsonl")
    assert code == 0 and read["market.domestic_share"] == 12.5
    assert read["platform_score"] is None and read["financials.2025.total_assets"] is None
    assert read["financials.2025.revenue"] is None
    said = next(line for line in err.splitlines() if "预计或含税的数" in line)
    assert all(f"“{head}”" in said for head in heads[2:]) and "占有率" not in said


def test_a_balance_dated_the_31st_of_december_is_the_year_end_one(tmp_path: Path) -> None:
    """资产总额（2025年12月31日）, as a balance sheet dates its year-end, stopped the run: it is 资产总额（2025年末）."""
    src = sheet(tmp_path / "年末.xlsx", [["企业名称", "资产总额（2025年12月31日）", "负债总额（截至2025年12月31日）"],
                                         ["甲公司", 16000, 6000]])
    code, _ = batch(src, tmp_path / "out.jsonl")
    (read,) = read_inputs(tmp_path / "out.jsonl")
    assert code == 0 and read["financials.2025.total_assets"] == 16000
    assert read["financials.2025.total_liabilities"] == 6000


def test_a_year_sharing_its_brackets_with_a_unit_or_the_fields_own_basis_reads(tmp_path: Path) -> None:
    """营业收入（2025年度，单位：万元） and 营业收入（2025年，不含税）, as parks head their columns, stopped the
    run as figure words to rename, where （2025年，万元） and 2025年营业收入（不含税） read: 营业收入 is without
    增值税, so 不含税 is its own basis, and 单位：元 beside the year is read in 元. 含税 beside it is still
    another figure, set aside."""
    src = sheet(tmp_path / "名单.xlsx", [
        ["企业名称", "营业收入（2025年度，单位：元）", "营业收入（2024年不含税）", "营业收入（2023年度，不含增值税）",
         "研发费用（2025年，单位：万元，不含税）", "研发费用（2024年）（单位：万元）（不含税）", "营业收入（2025年，含税）",
         "从业人员（2025年末，单位：人）"],
        ["甲精密部件有限公司", 56_500_000, 5200, 4100, 300, 250, 6384.5, 120]])
    code, err = batch(src, tmp_path / "结果.jsonl")
    assert code == 0 and "列名里有" not in err, err
    assert "“营业收入（2025年，含税）”" in err  # set aside, said so
    (read,) = read_inputs(tmp_path / "结果.jsonl")
    assert read["financials.2025.revenue"] == 5650 and read["financials.2024.revenue"] == 5200
    assert read["financials.2023.revenue"] == 4100 and read["financials.2025.rd_expense"] == 300
    assert read["financials.2024.rd_expense"] == 250 and read["employees"] == 120  # a unit, 单位 and the basis together
