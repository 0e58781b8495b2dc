"""A park's title or note giving its units as a list, counts first (单位：人、元, 计量单位：个、人、万元): the money
unit in it is the sheet's, as in 单位：元、人. Real files in, the results read back."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from openpyxl import Workbook
from tests.test_s39_peryear_join import DECLARED, VERDICTS, invoke, results

HEADER = ["企业名称", "所属行业", "从业人员", *[f"{n}（{y}年）" for n in ("营业收入", "研发费用") for y in (2024, 2025)],
          "资产总额（2025年末）", *DECLARED]
WAN = [["甲科技有限公司", "工业", 120, 5100, 6300, 420, 510, 7000, *DECLARED.values()],
       ["乙制造有限公司", "工业", 260, 9800, 10400, 260, 300, 15000, *DECLARED.values()]]


def in_yuan(row: list[object]) -> list[object]:
    return [*row[:3], *[int(v) * 10000 for v in row[3:8]], *row[8:]]  # type: ignore[call-overload]


def write(path: Path, lines: list[list[object]]) -> Path:
    if path.suffix == ".csv":
        width = max(map(len, lines))
        with path.open("w", encoding="gbk", newline="") as handle:  # as Excel saves it: every row as wide
            csv.writer(handle).writerows([[*line, *[""] * (width - len(line))] for line in lines])
        return path
    wb = Workbook()
    for line in lines:
        wb.active.append(line)
    wb.save(path)
    return path


@pytest.mark.parametrize("said", ["单位：人、元", "计量单位：个、人、元", "（单位：人，元）"])
@pytest.mark.parametrize(("suffix", "where"), [(".xlsx", "title"), (".csv", "title"), (".xlsx", "foot")])
def test_counts_listed_before_yuan(tmp_path: Path, said: str, suffix: str, where: str) -> None:
    """Amounts in 元 under such a title (or note under the list) give the verdicts of the same in 万元."""
    rows = [in_yuan(r) for r in WAN]
    lines = [[f"2025年度企业经营情况{said}"], HEADER, *rows] if where == "title" else [HEADER, *rows, [f"注：{said}"]]
    out, plain = tmp_path / "结果.csv", tmp_path / "对照结果.csv"
    code, told = invoke("batch", str(write(tmp_path / f"名单{suffix}", lines)), "-o", str(out), "--columns", "ids")
    assert code == 0, told
    code, told_plain = invoke("batch", str(write(tmp_path / f"对照{suffix}", [HEADER, *WAN])), "-o", str(plain),
                              "--columns", "ids")
    assert code == 0, told_plain
    keys = (*VERDICTS, "next_step", "warnings")
    assert [{k: r[k] for k in keys} for r in results(out)] == [{k: r[k] for k in keys} for r in results(plain)]
    assert "超出" not in told and "元" in told  # the unit said, no amount beyond an SME's


@pytest.mark.parametrize("unit", ["元人民币", "人民币元", "（元人民币）", "元RMB"])
@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_a_units_row_in_yuan_as_statements_write_it(tmp_path: Path, unit: str, suffix: str) -> None:
    """单位 | | 人 | 元人民币 …: a units row, its amounts in 元, as 单位 | | 人 | 元 is; never a company's row."""
    units = ["单位", "", "人", *[unit] * 5, *[""] * len(DECLARED)]
    out, plain = tmp_path / "结果.csv", tmp_path / "对照结果.csv"
    code, told = invoke("batch", str(write(tmp_path / f"名单{suffix}", [HEADER, units, *[in_yuan(r) for r in WAN]])),
                        "-o", str(out), "--columns", "ids")
    assert code == 0, told
    code, told_plain = invoke("batch", str(write(tmp_path / f"对照{suffix}", [HEADER, *WAN])), "-o", str(plain),
                              "--columns", "ids")
    assert code == 0, told_plain
    keys = (*VERDICTS, "next_step", "warnings")
    assert [{k: r[k] for k in keys} for r in results(out)] == [{k: r[k] for k in keys} for r in results(plain)]


@pytest.mark.parametrize("said", ["单位：元", "（金额单位：元）", "金额单位:元"])
@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_the_unit_at_the_end_of_the_header_row(tmp_path: Path, said: str, suffix: str) -> None:
    """单位：元 typed in the header row's last cell, where a sheet has no title row: the sheet's unit, as in a
    title, and no column of the park's own."""
    out, plain = tmp_path / "结果.csv", tmp_path / "对照结果.csv"
    code, told = invoke("batch", str(write(tmp_path / f"名单{suffix}", [[*HEADER, said], *[in_yuan(r) for r in WAN]])),
                        "-o", str(out), "--columns", "ids")
    assert code == 0, told
    code, told_plain = invoke("batch", str(write(tmp_path / f"对照{suffix}", [HEADER, *WAN])), "-o", str(plain),
                              "--columns", "ids")
    assert code == 0, told_plain
    keys = (*VERDICTS, "next_step", "warnings")
    got = results(out)
    assert [{k: r[k] for k in keys} for r in got] == [{k: r[k] for k in keys} for r in results(plain)]
    assert said not in got[0]


@pytest.mark.parametrize(("title", "unit"), [("（单位：元/人、万元）", "万元"), ("（亩均税收单位：元，其余金额单位：万元）", "万元"),
                                             ("（单位：元/人）", None), ("金额单位：元", "元"), ("单位：人、元", "元")])
def test_a_per_head_or_a_measures_own_unit_is_not_the_moneys(title: str, unit: str | None) -> None:
    """Found in review: 单位：元/人、万元 and 亩均税收单位：元，其余金额单位：万元 read every amount in 元 (3000 as 0.3万元,
    10,000 times too small): 元/人 is a figure per head, and the money's unit is the one named for 金额."""
    from littlegiant.load.tabular import title_unit

    assert title_unit([f"2025年园区企业情况{title}"]) == unit


def test_a_units_row_under_merged_tall_header_cells_is_read(tmp_path: Path) -> None:
    """Found in review: 序号 and 企业名称 merged down over the units row (A1:A2, B1:B2) give that row their text again,
    and the row 「（元）（元）」 was refused as units: every amount in 元 read as 万元, 10,000 times too large."""
    from openpyxl import Workbook

    book = Workbook()
    ws = book.active
    ws.append(["序号", "企业名称", "营业收入（2025年）", "研发费用（2025年）", "从业人员"])
    ws.append([None, None, "（元）", "（元）", None])
    ws.append([1, "甲科技有限公司", 50000000, 3000000, 120])
    for col in "ABE":
        ws.merge_cells(f"{col}1:{col}2")
    book.save(tmp_path / "名单.xlsx")
    out = tmp_path / "结果.jsonl"
    code, said = invoke("batch", str(tmp_path / "名单.xlsx"), "-o", str(out), "--format", "json")
    assert code == 0, said
    import json

    line = json.loads(out.read_text(encoding="utf-8"))
    read = {c["inputs"]["financials.2025.revenue"] for t in line["result"]["tiers"].values() for c in t["criteria"]
            if "financials.2025.revenue" in c.get("inputs", {})}
    assert read == {5000}
