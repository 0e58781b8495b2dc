"""A header of three rows, as statistics forms lay it out: a heading over groups (经营情况, 主要经济指标（元）),
each figure's name under it (营业收入 | 研发费用, merged over their years), the years under those; the tall
columns (企业名称, 从业人员) merged down all three. Read as the one-row header 营业收入（2025年）… is, in a
workbook and in a CSV saved from it. Real files in, the results read back."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from openpyxl import Workbook
from tests.test_s39_peryear_join import DECLARED, VERDICTS, invoke, results

YEARS = (2023, 2024, 2025)
TALL = ["企业名称", "所属行业", "从业人员", "资产总额（2025年末）", *DECLARED]
COMPANIES = [["甲科技有限公司", "工业", 120, 7000, *DECLARED.values(), 4200, 5100, 6300, 300, 420, 510],
             ["乙制造有限公司", "工业", 260, 15000, *DECLARED.values(), 9000, 9800, 10400, 200, 260, 300]]


def three_rows(path: Path, heading: str, scale: int) -> Path:
    n = len(TALL)
    top = [*TALL, heading, *[""] * 5]
    middle = [*[""] * n, "营业收入", "", "", "研发费用", "", ""]
    bottom = [*[""] * n, *[f"{y}年" for y in YEARS] * 2]
    rows = [[*c[:n], *[v * scale for v in c[n:]]] for c in COMPANIES]
    if path.suffix == ".csv":  # as Excel saves the workbook: a merge's text in its first cell alone
        with path.open("w", encoding="gbk", newline="") as handle:
            csv.writer(handle).writerows([["2025年度园区企业经营情况"], top, middle, bottom, *rows])
        return path
    wb = Workbook()
    ws = wb.active
    for row in (["2025年度园区企业经营情况"], top, middle, bottom, *rows):
        ws.append(row)
    ws.merge_cells(start_row=2, start_column=n + 1, end_row=2, end_column=n + 6)
    for first in (n + 1, n + 4):
        ws.merge_cells(start_row=3, start_column=first, end_row=3, end_column=first + 2)
    for column in range(1, n + 1):
        ws.merge_cells(start_row=2, start_column=column, end_row=4, end_column=column)
    wb.save(path)
    return path


def one_row(path: Path) -> Path:
    n = len(TALL)
    header = [*TALL, *[f"{name}（{y}年）" for name in ("营业收入", "研发费用") for y in YEARS]]
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle).writerows([header, *[[*c[:n], *c[n:]] for c in COMPANIES]])
    return path


@pytest.mark.parametrize(("heading", "scale"), [("经营情况", 1), ("主要经济指标（万元）", 1), ("主要经济指标（元）", 10000)])
@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_three_header_rows_read_as_one(tmp_path: Path, heading: str, scale: int, suffix: str) -> None:
    """No error row, every company back, its verdicts and gaps those of the one-row header; a unit on the
    heading is each figure's under it."""
    out, plain = tmp_path / "结果.csv", tmp_path / "对照结果.csv"
    code, said = invoke("batch", str(three_rows(tmp_path / f"名单{suffix}", heading, scale)), "-o", str(out),
                        "--columns", "ids")
    assert code == 0, said
    code, said_plain = invoke("batch", str(one_row(tmp_path / "对照.csv")), "-o", str(plain), "--columns", "ids")
    assert code == 0, said_plain
    keys = (*VERDICTS, "status", "next_step", "warnings")
    got = results(out)
    assert [r["name"] for r in got] == ["甲科技有限公司", "乙制造有限公司"]
    assert [{k: r[k] for k in keys} for r in got] == [{k: r[k] for k in keys} for r in results(plain)]
    assert heading not in "".join(got[0].keys())  # the heading names no column of its own


def test_a_company_row_under_a_heading_is_still_a_company(tmp_path: Path) -> None:
    """A heading over figures that carry their years (经营情况 over 营业收入（2025年）), a company right under:
    the two-row header as before, the company scored."""
    path = tmp_path / "名单.csv"
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle).writerows([["企业名称", "经营情况", ""], ["", "营业收入（2025年）", "研发费用（2025年）"],
                                      ["甲科技有限公司", "6300", "510"]])
    code, said = invoke("batch", str(path), "-o", str(tmp_path / "结果.csv"))
    assert code == 0, said
    assert [r["企业名称"] for r in results(tmp_path / "结果.csv")] == ["甲科技有限公司"]
