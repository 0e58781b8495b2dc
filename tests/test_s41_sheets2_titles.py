"""Sheets a year each (Sheet1, Sheet2) titled with the year of the application beside the year of their figures
(2026年申报企业2024年度经营数据, 2025年度数据（2026年申报用）): read as that figures' year, joined as sheets named
2024年, 2025年 are. Real workbooks in, the results file read back."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.test_s39_peryear_join import VERDICTS, invoke, results
from tests.test_s40_sheets_titles import FIGURES, book

from littlegiant.load.tabular import stated_year


@pytest.mark.parametrize("title", ["2026年申报企业{year}年度经营数据", "{year}年度数据（2026年申报用）",
                                   "2026年拟推荐企业{year}年主要经济指标"])
def test_the_application_year_beside_the_figures_year_is_set_aside(tmp_path: Path, title: str) -> None:
    """Before, the title named two years and the sheets were refused, each column asked for its year."""
    plain = {y: f"Sheet{i + 1}" for i, y in enumerate(FIGURES)}
    out, want = tmp_path / "结果.csv", tmp_path / "对照结果.csv"
    code, said = invoke("batch", str(book(tmp_path / "园区企业.xlsx", plain, title)), "-o", str(out),
                        "--columns", "ids")
    assert code == 0, said
    years = "、".join(f"“Sheet{i + 1}”（{y}年）" for i, y in enumerate(FIGURES))
    assert f"{years}按年份合并为每家企业一行" in said
    assert "请在列名中写明年份" not in said
    code, said = invoke("batch", str(book(tmp_path / "对照.xlsx", {y: f"{y}年" for y in FIGURES}, None)), "-o", str(want),
                        "--columns", "ids")
    assert code == 0, said
    got, expected = results(out), results(want)
    assert [r["name"] for r in got] == ["甲科技有限公司", "乙制造有限公司"]
    keys = (*VERDICTS, "next_step")
    assert [{k: r[k] for k in keys} for r in got] == [{k: r[k] for k in keys} for r in expected]


def test_one_such_sheet_is_asked_its_figures_year_not_the_applications(tmp_path: Path) -> None:
    """One sheet titled 2026年申报企业2024年度经营数据: its columns are asked for their year as any sheet's are, the
    hint writing the figures' 2024 (it wrote last year's 2025, and a clerk who copied it filed 2024 as 2025)."""
    out = tmp_path / "结果.csv"
    code, said = invoke("batch", str(book(tmp_path / "园区企业.xlsx", {2024: "Sheet1"}, "2026年申报企业{year}年度经营数据")),
                        "-o", str(out))
    assert code == 2
    assert "表格标题或工作表名写的是“2024年”，若这一列是那一年的数据，请把列名改为“营业收入（2024年）（万元）”" in said
    assert not out.exists()


def test_a_title_whose_years_are_not_told_apart_states_none() -> None:
    """Only a year said as the figures' (2024年度, 2024年经营数据) is left for them; else no year is guessed."""
    assert [stated_year([t]) for t in ("2024年度经营数据申报表（2026年）", "2026年专精特新申报名单", "2023—2025年经营情况",
                                       "2026年申报2024、2025年度数据")] == [None, 2026, None, None]
