"""A group row naming a year with the words parks put after it (2025年财务数据 over 营业收入 and 研发费用, 2024年度
主要经济指标 over the year before's) stopped the whole sheet as "营业收入（万元） appears twice": the joined names
named no column, so the row under them was taken for the header. The figures under such a group are that
year's, as under 2025年."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook
from tests.test_park_sheets import invoke, read_csv


@pytest.mark.parametrize(("this", "before"), [("2025年财务数据", "2024年财务数据"),
                                              ("2025年度主要经济指标（万元）", "2024年度主要经济指标（万元）"),
                                              ("2025年经营情况", "2024年")])
def test_a_years_group_with_words_after_it_files_its_figures_under_that_year(tmp_path: Path, this: str,
                                                                              before: str) -> None:
    book = Workbook()
    ws = book.active
    ws.append(["基本信息", None, this, None, before, None])
    ws.append(["企业名称", "从业人员", "营业收入", "研发费用", "营业收入", "研发费用"])
    ws.append(["甲公司", 120, 3500, 105, 3150, 94.5])
    ws.append(["乙公司", 80, 6000, 400, 5000, 300])
    for cells in ("A1:B1", "C1:D1", "E1:F1"):
        ws.merge_cells(cells)
    src = tmp_path / "名单.xlsx"
    book.save(src)
    out = tmp_path / "结果.csv"
    code, _, err = invoke("batch", str(src), "-o", str(out), "--lang", "zh")  # as of 2026-11-26: last year 2025
    assert code == 0, err
    rows = {r["企业名称"]: r for r in read_csv(out)}
    assert set(rows) == {"甲公司", "乙公司"} and all(r["处理结果"] == "已评估" for r in rows.values())
    # 2024's R&D of 94.5万 (the group's second year) is what fails 甲's tier 2, as typed
    assert "前年研发费用不低于100万元（现为94.5万元）" in rows["甲公司"]["主要差距"]
