"""A park's sheet as staff fill it in, through ``batch`` to the result workbook they open: columns beside
the figures that are not those figures (人均营收, 研发费用加计扣除额, 营业收入排名, 2026年1-10月营业收入,
2026年预计研发费用, 2025年营业收入（含税）) are set aside and copied back, never read as the figure nor
stopped on with a rename into it; and a row's problem names the column as the park headed it, with its
letter, so that staff find the cell."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook
from typer.testing import CliRunner

from littlegiant.cli.app import app
from littlegiant.errors import InputError
from littlegiant.load import rules
from littlegiant.load.tabular import column

AS_OF = "2026-12-05"
HEADER = ["企业名称", "所属行业", "员工人数", "2025年营业收入（万元）", "2024年营业收入（万元）", "2025年研发费用（万元）"]
COMPANY = ["午有限公司", "工业", 100, 3000, 2800, 150]


def batch(src: Path, out: Path, lang: str = "zh") -> tuple[int, str]:
    """``batch`` as staff run it: exit code and what stderr said (80 columns, so each note on lines)."""
    result = CliRunner().invoke(app, ["batch", str(src), "-o", str(out), "--as-of", AS_OF, "--lang", lang],
                                env={"COLUMNS": "80"})
    return result.exit_code, " ".join(result.stderr.split())


def workbook(path: Path, rows: list[list[Any]]) -> Path:
    book = Workbook()
    ws = book.active
    ws.title = "企业名单"
    for row in rows:
        ws.append(row)
    book.save(path)
    return path


def sheet_rows(out: Path, name: str) -> list[dict[str, Any]]:
    """A sheet of the result workbook as staff read it: each row under its heading."""
    ws = load_workbook(out, read_only=True)[name]
    rows = [list(r) for r in ws.iter_rows(values_only=True)]
    return [dict(zip(rows[0], r, strict=False)) for r in rows[1:] if any(v is not None for v in r)]


SET_ASIDE = [  # (header, its cell, the reason the run's note gives)
    ("人均营收（万元）", 12.5, "与评估无关"), ("亩均营收（万元/亩）", 85, "与评估无关"), ("人均研发费用", 1.5, "与评估无关"),
    ("研发费用加计扣除额（万元）", 150, "与评估无关"), ("研发费用加计扣除金额", 150, "与评估无关"),
    ("2025年研发费用加计扣除", 150, "与评估无关"), ("营业收入排名", 3, "与评估无关"), ("从业人员平均工资", 9.6, "与评估无关"),
    ("2025年营业收入（含税）", 3390, "不是评估要用的全年实际数"),
    ("2026年1-10月营业收入（万元）", 5200, "不是评估要用的全年实际数"),
    ("2026年预计研发费用（万元）", 260, "不是评估要用的全年实际数"),
    ("营业收入（2026年上半年）", 1600, "不是评估要用的全年实际数"),
    ("2026年前三季度研发费用", 120, "不是评估要用的全年实际数"),
    ("截至10月营业收入", 5200, "不是评估要用的全年实际数"), ("2026年营业收入（预测）", 6000, "不是评估要用的全年实际数"),
    ("研发费用目标（2026年）", 300, "不是评估要用的全年实际数"),
]


@pytest.mark.parametrize(("header", "cell", "why"), SET_ASIDE)
def test_a_column_beside_the_figures_is_set_aside_and_copied_back_not_read_nor_stopped_on(
        tmp_path: Path, header: str, cell: float, why: str) -> None:
    """Each of these stopped the whole run (exit 2, no rows) telling staff to rename it into 营业收入（2025年）
    or 研发费用（2025年）, which, followed, read 12.5 万元 a head, a rank of 3 or a forecast as the company's
    figure; 2025年营业收入（含税） stopped it as a second revenue column. Now the run scores the company from
    its own figures, says why the column was not read, and copies it back after the results."""
    src = workbook(tmp_path / "名单.xlsx", [[*HEADER, header], [*COMPANY, cell]])
    code, err = batch(src, tmp_path / "结果.xlsx")
    assert code == 0, err
    assert f"以下列{'与评估无关' if why == '与评估无关' else '是部分月份、预计或含税的数，' + why}" in err
    assert f"“{header}”" in err and "请把列名改为" not in err
    (row,) = sheet_rows(tmp_path / "结果.xlsx", "评估结果")
    assert row["处理结果"] == "已评估" and row[header] == cell  # the park's own column, after the results
    # read from 2025年营业收入 (3,000万元), not from the column set aside: 小巨人 asks 5,000万元 of last year
    assert "上年度营业收入不低于5000万元（现为3,000万元）" in row["主要差距"]


def test_a_tax_inclusive_or_forecast_column_alone_is_never_read_as_the_years_figure(tmp_path: Path) -> None:
    """With no other revenue column, 2025年营业收入（含税） was read as 营业收入（2025年） (its 含税 dropped as a
    note): the 小巨人 revenue test passed on 5,650万元 with tax whose books say 5,000. Set aside, it
    leaves revenue unknown, as a sheet without the figure does, and both columns come back as typed."""
    src = workbook(tmp_path / "名单.xlsx", [["企业名称", "所属行业", "员工人数", "2025年营业收入（含税）",
                                             "营业收入（2026年预计）"], ["午有限公司", "工业", 100, 5650, 6000]])
    result = CliRunner().invoke(app, ["batch", str(src), "-o", str(tmp_path / "结果.jsonl"), "--format", "json",
                                      "--as-of", AS_OF, "--lang", "zh"])
    assert result.exit_code == 0, result.stderr
    (line,) = [json.loads(t) for t in (tmp_path / "结果.jsonl").read_text(encoding="utf-8").splitlines()]
    read = {k: v for tier in line["result"]["tiers"].values() for c in tier["criteria"]
            for k, v in (c.get("inputs") or {}).items()}
    assert read["financials.2025.revenue"] is None and "financials.2026.revenue" not in read
    assert line["input_columns"] == {"2025年营业收入（含税）": "5650", "营业收入（2026年预计）": "6000"}


def test_a_two_row_header_with_partial_and_forecast_columns_reads_its_years(tmp_path: Path) -> None:
    """The park's 2026 list (c15): 营业收入 and 研发费用 over their years, beside 2026年1-10月营业收入 and
    2026年预计研发费用. The run stopped, telling staff to rename them 营业收入（2026年）and 研发费用（2026年）,
    a forecast then read as the year's actual figure. The years are read and the two set aside."""
    rows: list[list[Any]] = [["2026年园区重点企业数据表"],
                             ["序号", "企业名称", "所属行业", "从业人员\n（人）", "营业收入（万元）", None, "研发费用（万元）",
                              None, "2026年1-10月营业收入（万元）", "2026年预计研发费用（万元）"],
                             [None, None, None, None, "2024年", "2025年", "2024年", "2025年"],
                             [1, "甲一科技有限公司", "工业", 150, 5000, 6000, 150, 200, 5200, 260]]
    book = Workbook()
    ws = book.active
    for row in rows:
        ws.append(row)
    for cells in ("E2:F2", "G2:H2", "A2:A3", "B2:B3", "C2:C3", "D2:D3", "I2:I3", "J2:J3"):
        ws.merge_cells(cells)
    book.save(tmp_path / "名单.xlsx")
    code, err = batch(tmp_path / "名单.xlsx", tmp_path / "结果.xlsx")
    assert code == 0, err
    assert "不是评估要用的全年实际数" in err and "“2026年预计研发费用（万元）”" in err
    (row,) = sheet_rows(tmp_path / "结果.xlsx", "评估结果")
    assert "近两年研发费用合计不低于1200万元（现为350万元）" in row["主要差距"]  # 150 + 200, not 260
    assert (row["2026年1-10月营业收入（万元）"], row["2026年预计研发费用（万元）"]) == (5200, 260)


@pytest.mark.parametrize(("header", "path"), [
    ("2025年营业收入", "financials.2025.revenue"), ("营业收入（2025年）（万元）", "financials.2025.revenue"),
    ("2025年营业收入（不含税）", "financials.2025.revenue"), ("研发费用（2025年度，万元）", "financials.2025.rd_expense"),
    ("上年度营业收入", "financials.2025.revenue"), ("从业人员（上年末）", "employees"), ("2025年末从业人员", "employees"),
    ("国内细分市场排名", "market.domestic_rank"), ("从事特定细分市场年限（截至上年末）", "niche_years"),
    ("近三年国家级科技奖励获奖单位排名", "awards.national_rank")])
def test_the_fields_own_names_are_still_read(header: str, path: str) -> None:
    """A rule of words, not a list: a field's own name holding 排名 or 截至 is read as before, and 不含税 is
    the basis the figure is kept on."""
    assert column(rules.load("miit-2026"), header, 2025)[0] == path


@pytest.mark.parametrize(("header", "kind"), [("营业收入（万元）", "column.needs_year"), ("研发费用合计", "column.figure_words"),
                                            ("2025年1-12月营业收入", "column.figure_words"),
                                            ("市场占有率排名", "column.ambiguous"), ("收入", "column.ambiguous")])
def test_a_figure_without_a_year_or_of_the_whole_year_is_still_told_what_to_write(header: str, kind: str) -> None:
    """Columns that are the figure, with its year missing or its name loose (1-12月 is the whole year),
    still stop the run naming the column to write: only part of a year, a forecast or 含税 is set aside."""
    with pytest.raises(InputError) as caught:
        column(rules.load("miit-2026"), header, 2025)
    assert caught.value.kind == kind


def test_a_rows_problems_name_the_parks_column_and_its_letter(tmp_path: Path) -> None:
    """The park's 所属行业 and 研发人员 were named by the tool's labels, 「行业（《中小企业划型标准规定》）」 and
    「研发人员人数」, on neither the sheet nor the screen staff had open. The error cell and the 错误明细
    sheet name the header as typed, with its column letter; a header wrapped in its cell on one line."""
    src = workbook(tmp_path / "名单.xlsx", [
        ["序号", "企业名称", "所属行业", "员工人数", "研发人员\n（人）", "2025年营业收入（万元）", "是否高新技术企业"],
        [1, "A精工有限公司", "工业", 50, 80, 3000, "是"],
        [2, "D精工有限公司", "电子元器件", 50, 10, 3000, "高新"]])
    code, _ = batch(src, tmp_path / "结果.xlsx")
    assert code == 1
    first, second = sheet_rows(tmp_path / "结果.xlsx", "评估结果")
    assert first["错误说明"] == "“研发人员 （人）”列（E列）为 80人，多于“员工人数”列（D列）50人：其中的部分不能超过总数"
    assert second["错误说明"].startswith("“所属行业”列（C列）：现在是文字“电子元器件”")
    assert "\n“是否高新技术企业”列（G列）：应填是或否" in second["错误说明"]
    said = [r["问题（列：说明）"] for r in sheet_rows(tmp_path / "结果.xlsx", "错误明细")]
    assert len(said) == 3 and not any("「" in s for s in said)
    assert [s[:s.index("列（") + 5] for s in said] == ["“研发人员 （人）”列（E列）", "“所属行业”列（C列）", "“是否高新技术企业”列（G列）"]


def test_a_csv_rows_problem_names_the_parks_header_in_either_language(tmp_path: Path) -> None:
    """A CSV has no letters to give, but the header as typed; in English, the header after the row's place."""
    src = tmp_path / "名单.csv"
    src.write_text("企业名称,所属行业,员工人数\n丁公司,电子元器件,50\n", encoding="utf-8")
    code, _ = batch(src, tmp_path / "结果.csv")
    assert code == 1
    with open(tmp_path / "结果.csv", encoding="utf-8-sig", newline="") as f:
        (row,) = list(csv.DictReader(f))
    assert row["错误说明"].startswith("“所属行业”列：现在是文字“电子元器件”")
    code, _ = batch(src, tmp_path / "out.csv", lang="en")
    with open(tmp_path / "out.csv", encoding="utf-8-sig", newline="") as f:
        (row,) = list(csv.DictReader(f))
    assert row["Problems"].startswith("所属行业: got text '电子元器件'")
