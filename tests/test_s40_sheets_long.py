"""A long table (a row per company and year, a 年度 column) that cannot be read as one: the run says the one
thing to change, not a year for every figure column (which every row already gives). Real files in."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from openpyxl import Workbook
from tests.test_s39_peryear_join import invoke, results

HEADER = ["企业名称", "统一社会信用代码", "年度", "所属行业", "营业收入（万元）", "研发费用（万元）", "从业人员"]
ROWS = [["甲科技有限公司", "91310000MA1FL1234X", 2024, "工业", 5000, 300, 80],
        ["甲科技有限公司", "91310000MA1FL1234X", 2025, "工业", 6000, 400, 90],
        ["乙制造有限公司", "91440300MA5F0A1B2C", 2024, "工业", 3000, 200, 60],
        ["乙制造有限公司", "91440300MA5F0A1B2C", 2025, "工业", 3500, 250, 70]]


def write(path: Path, header: list[str], rows: list[list[object]]) -> Path:
    if path.suffix == ".csv":
        with path.open("w", encoding="utf-8-sig", newline="") as handle:
            csv.writer(handle).writerows([header, *rows])
        return path
    book = Workbook()
    ws = book.active
    ws.title = "企业数据"
    for row in [header, *rows]:
        ws.append(row)
    book.save(path)
    return path


def columns(keep: list[int]) -> tuple[list[str], list[list[object]]]:
    return [HEADER[i] for i in keep], [[row[i] for i in keep] for row in ROWS]


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_two_year_columns_are_named_and_one_asked_to_go(tmp_path: Path, suffix: str) -> None:
    """年度 and 年份 both given: the run stops naming the two and asking to delete one, and the table
    so changed is read as the long table it is."""
    header = [*HEADER[:3], "年份", *HEADER[3:]]
    rows = [[*row[:3], row[2], *row[3:]] for row in ROWS]
    out = tmp_path / "结果.csv"
    code, said = invoke("batch", str(write(tmp_path / f"长表{suffix}", header, rows)), "-o", str(out))
    assert code == 2
    assert "“年份”列：表中每家企业每年一行，但有“年度”和这一列两列年份" in said
    assert "请删去其中一列" in said
    assert "请在列名中写明年份" not in said
    assert not out.exists()
    code, said = invoke("batch", str(write(tmp_path / f"改后{suffix}", HEADER, ROWS)), "-o", str(out))
    assert code == 0, said
    assert [r["企业名称"] for r in results(out)] == ["甲科技有限公司", "乙制造有限公司"]


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_no_name_nor_code_column_is_asked_for(tmp_path: Path, suffix: str) -> None:
    """Neither 企业名称 nor 统一社会信用代码: which rows are one company's cannot be told, and the run says
    to add one of them rather than a year for each figure column."""
    header, rows = columns([2, 3, 4, 5, 6])
    out = tmp_path / "结果.csv"
    code, said = invoke("batch", str(write(tmp_path / f"长表{suffix}", ["序号", *header],
                                           [[i + 1, *row] for i, row in enumerate(rows)])), "-o", str(out))
    assert code == 2
    assert "“年度”列：表中每家企业每年一行，但没有“企业名称”或“统一社会信用代码”列" in said
    assert "请在列名中写明年份" not in said
    for keep in ([0, 2, 3, 4, 5, 6], [1, 2, 3, 4, 5, 6]):  # either one is enough
        header, rows = columns(keep)
        code, said = invoke("batch", str(write(tmp_path / f"有{keep[0]}{suffix}", header, rows)), "-o", str(out))
        assert code == 0, said
        assert len(results(out)) == 2


def test_a_wide_sheet_without_years_is_still_asked_for_them(tmp_path: Path) -> None:
    """No year column: the figure columns are asked for their year as before."""
    header, rows = columns([0, 4, 5])
    code, said = invoke("batch", str(write(tmp_path / "名单.xlsx", header, rows[:1])), "-o", str(tmp_path / "o.csv"))
    assert code == 2
    assert "“营业收入（万元）”列：请在列名中写明年份" in said
