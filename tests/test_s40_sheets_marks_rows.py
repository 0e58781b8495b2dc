"""Rows a park's list holds between its companies that are no company: a group's name with no ordinal
(高新区 in the 序号 column, 规下企业, 其他), page marks (续表, 第2页，共5页), ——以下空白——, 数据截至…: passed
over and said, as 合计 is; a company with nothing but its name is still a row of the results. Real files in."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from openpyxl import Workbook
from tests.test_s39_peryear_join import invoke, results

HEADER = ["序号", "企业名称", "营业收入（2025年）", "研发费用（2025年）", "从业人员"]
MARKS = {  # the row's one cell, its column, and how the run names it
    "以下为规上企业": (0, "分组标题行"), "高新区": (0, "分组标题行"), "规上工业企业（共12家）": (1, "分组标题行"),
    "规下企业": (1, "分组标题行"), "A区企业": (1, "分组标题行"), "其他": (1, "分组标题行"), "一区": (1, "分组标题行"),
    "续表": (1, "分页标记：续表、第几页"), "第2页，共5页": (0, "分页标记：续表、第几页"),
    "——以下空白——": (1, "表尾说明"), "数据截至2025年12月31日": (1, "表尾说明"), "数据来源：区统计局": (0, "表尾说明"),
}
KEPT = ["苏州华恒科技有限公司", "苏州德嘉商贸合伙企业", "华为技术"]  # names alone: companies yet to report


def write(path: Path, rows: list[list[object]]) -> Path:
    if path.suffix == ".csv":  # as Excel saves a sheet: every row as wide as the header
        with path.open("w", encoding="gbk", newline="") as handle:
            csv.writer(handle).writerows([[*r, *[""] * (len(HEADER) - len(r))] for r in rows])
        return path
    wb = Workbook()
    for row in rows:
        wb.active.append(row)
    wb.save(path)
    return path


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_marks_between_companies_are_no_companies(tmp_path: Path, suffix: str) -> None:
    """Each mark row is passed over and named with why; each company (one with its name alone too) comes
    back, none dropped."""
    rows: list[list[object]] = [HEADER]
    said_as: dict[int, str] = {}
    names = []
    for k, (text, (column, why)) in enumerate(MARKS.items()):
        rows.append([None] * column + [text])
        said_as[len(rows)] = why
        name = f"企业{k:02d}有限公司"
        rows.append([k + 1, name, 5000 + k, 300, 50])
        names.append(name)
    for name in KEPT:
        rows.append([None, name])
        names.append(name)
    out = tmp_path / "结果.csv"
    code, said = invoke("batch", str(write(tmp_path / f"名单{suffix}", rows)), "-o", str(out))
    assert code == 0, said
    assert [r["企业名称"] for r in results(out)] == names
    assert f"略过 {len(MARKS)} 行" in said
    for line, why in said_as.items():
        assert f"{line}" in said and f"（{why}）" in said


def test_a_numbered_company_with_only_its_name_is_still_a_company(tmp_path: Path) -> None:
    """Found in review: rows 「2 | 华恒电子企业」 and 「5 | 其它」, numbered in the companies' run with no figure yet,
    were passed over as group headings (规下企业, 其他 alone); a heading is never numbered with the companies."""
    book = Workbook()
    ws = book.active
    ws.append(["序号", "企业名称", "营业收入（2025年）（万元）"])
    ws.append([1, "甲科技有限公司", 5000])
    ws.append([2, "华恒电子企业", None])
    ws.append([None, "规下企业", None])
    ws.append([3, "其它", None])
    book.save(tmp_path / "名单.xlsx")
    _, said = invoke("batch", str(tmp_path / "名单.xlsx"), "-o", str(tmp_path / "结果.csv"))
    assert [r["企业名称"] for r in results(tmp_path / "结果.csv")] == ["甲科技有限公司", "华恒电子企业", "其它"], said
    assert "第 4 行（分组标题行）" in said, said
