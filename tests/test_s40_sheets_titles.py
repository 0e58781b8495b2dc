"""A workbook of a sheet a year named Sheet1, Sheet2, each year written only in a title row above the header
(2024年度企业经营情况): joined as the same sheets named 2024年, 2025年 are. Real workbooks in."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from tests.test_s39_peryear_join import DECLARED, VERDICTS, invoke, results

HEADER = ["企业名称", "所属行业", "营业收入（万元）", "研发费用（万元）", "净利润（万元）", "从业人员", *DECLARED]
FIGURES = {2023: {"甲科技有限公司": (4200, 300, 150), "乙制造有限公司": (9000, 200, 400)},
           2024: {"甲科技有限公司": (5100, 420, 220), "乙制造有限公司": (9800, 260, 420)},
           2025: {"甲科技有限公司": (6300, 510, 260), "乙制造有限公司": (10400, 300, 380)}}


def book(path: Path, named: dict[int, str], title: str | None) -> Path:
    wb = Workbook()
    wb.remove(wb.active)
    for year, name in named.items():
        ws = wb.create_sheet(name)
        if title is not None:
            ws.append([title.format(year=year)])
        ws.append(HEADER)
        for company, figures in FIGURES[year].items():
            ws.append([company, "工业", *figures, 120, *DECLARED.values()])
    wb.save(path)
    return path


def test_title_years_join_as_sheet_names_do(tmp_path: Path) -> None:
    """Sheet1–Sheet3 titled 2023年度…2025年度 give the verdicts and gaps of sheets named 2023年…2025年."""
    plain = {y: f"Sheet{i + 1}" for i, y in enumerate(FIGURES)}
    out, want = tmp_path / "结果.csv", tmp_path / "对照结果.csv"
    code, said = invoke("batch", str(book(tmp_path / "名单.xlsx", plain, "{year}年度园区企业经营情况")), "-o", str(out),
                        "--columns", "ids")
    assert code == 0, said
    # each named with the year its title gave it, which its name does not say
    years = "、".join(f"“Sheet{i + 1}”（{y}年）" for i, y in enumerate(FIGURES))
    assert f"{years}按年份合并为每家企业一行" in said
    code, said = invoke("batch", str(book(tmp_path / "对照.xlsx", {y: f"{y}年" for y in FIGURES}, None)), "-o", str(want),
                        "--columns", "ids")
    assert code == 0, said
    assert "、".join(f"“{y}年”" for y in FIGURES) + "按年份合并" in said  # a name stating its year: said once
    got, expected = results(out), results(want)
    assert [r["name"] for r in got] == ["甲科技有限公司", "乙制造有限公司"]
    keys = (*VERDICTS, "next_step")
    assert [{k: r[k] for k in keys} for r in got] == [{k: r[k] for k in keys} for r in expected]


def test_an_application_year_in_the_title_is_not_the_figures_year(tmp_path: Path) -> None:
    """Titles 2024年专精特新申报名单 name the year of an application, not of the figures: the columns are
    still asked for their year, nothing joined on a guess."""
    named = {2024: "Sheet1", 2025: "Sheet2"}
    out = tmp_path / "结果.csv"
    code, said = invoke("batch", str(book(tmp_path / "名单.xlsx", named, "{year}年专精特新申报名单")), "-o", str(out))
    assert code == 2
    assert "请在列名中写明年份" in said
    assert not out.exists()


def test_a_title_with_the_day_it_was_filled_in_joins_by_its_figures_year(tmp_path: Path) -> None:
    """Found in review: 2024年度企业经营情况（填报时间：2025年3月） named two years, and the sheets were refused, each
    column asked for its year; the day a sheet was filled in is no year of its figures."""
    plain = {y: f"Sheet{i + 1}" for i, y in enumerate(FIGURES)}
    out = tmp_path / "结果.csv"
    code, said = invoke("batch", str(book(tmp_path / "名单.xlsx", plain, "{year}年度园区企业经营情况（填报时间：2026年3月）")),
                        "-o", str(out), "--columns", "ids")
    assert code == 0, said
    years = "、".join(f"“Sheet{i + 1}”（{y}年）" for i, y in enumerate(FIGURES))
    assert f"{years}按年份合并为每家企业一行" in said
