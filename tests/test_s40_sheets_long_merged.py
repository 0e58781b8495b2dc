"""A long table laid out as parks print it: a company's name (and code) once, merged down over its years' rows,
or saved as CSV with the name in its first row alone. Each company is one company of all its years, as when
every row names it; the row says so. Real files in, the results read back."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from openpyxl import Workbook
from tests.test_s39_peryear_join import DECLARED, VERDICTS, invoke, results

HEADER = ["企业名称", "统一社会信用代码", "年度", "所属行业", "营业收入（万元）", "研发费用（万元）", "从业人员",
          "资产总额（2025年末）", *DECLARED]
COMPANIES = {("甲科技有限公司", "91310000MA1FL1234X"): {2025: (6300, 510), 2024: (5100, 420), 2023: (4200, 300)},
             ("乙制造有限公司", "91440300MA5F0A1B2C"): {2025: (10400, 300), 2024: (9800, 260), 2023: (9000, 200)}}


def rows(named_every_row: bool) -> list[list[object]]:
    out: list[list[object]] = []
    for (name, code), years in COMPANIES.items():
        for k, (year, (revenue, rd)) in enumerate(years.items()):  # the latest first, what is not a year's with it
            first = k == 0
            ids = [name, code] if first or named_every_row else ["", ""]
            rest = ["工业", revenue, rd, 120, 9000, *DECLARED.values()] if first else ["", revenue, rd, "", "",
                                                                                     *[""] * len(DECLARED)]
            out.append([*ids, f"{year}年", *rest])
    return out


def write(path: Path, body: list[list[object]], merged: bool = False) -> Path:
    if path.suffix == ".csv":
        with path.open("w", encoding="gbk", newline="") as handle:
            csv.writer(handle).writerows([HEADER, *body])
        return path
    wb = Workbook()
    ws = wb.active
    for row in (HEADER, *body):
        ws.append(row)
    if merged:
        for first in range(2, 2 + len(body), 3):
            for column in ("A", "B"):
                ws.merge_cells(f"{column}{first}:{column}{first + 2}")
    wb.save(path)
    return path


@pytest.mark.parametrize(("suffix", "merged"), [(".csv", False), (".xlsx", False), (".xlsx", True)])
def test_name_once_over_the_years(tmp_path: Path, suffix: str, merged: bool) -> None:
    """Two companies, not six: their verdicts those of the table naming every row, said on each row."""
    out, plain = tmp_path / "结果.csv", tmp_path / "对照结果.csv"
    code, said = invoke("batch", str(write(tmp_path / f"长表{suffix}", rows(False), merged)), "-o", str(out),
                        "--columns", "ids")
    assert code == 0, said
    code, said = invoke("batch", str(write(tmp_path / "对照.csv", rows(True))), "-o", str(plain), "--columns", "ids")
    assert code == 0, said
    keys = (*VERDICTS, "status", "next_step", "name", "credit_code")
    got = results(out)
    assert [{k: r[k] for k in keys} for r in got] == [{k: r[k] for k in keys} for r in results(plain)]
    if not merged:
        assert all("按其上方这家企业读取" in r["warnings"] or "read as this company's" in r["warnings"] for r in got)


def test_a_nameless_row_after_a_gap_is_not_carried(tmp_path: Path) -> None:
    """A row naming no company after a blank line is no company's year: it stays a row of its own."""
    body = rows(True)
    body.append(["", "", "2024年", "工业", 100, 10, 5, 50, *DECLARED.values()])
    body.insert(len(body) - 1, [""] * len(HEADER))
    out = tmp_path / "结果.csv"
    code, said = invoke("batch", str(write(tmp_path / "长表.csv", body)), "-o", str(out), "--columns", "ids")
    assert code in (0, 1), said
    got = results(out)
    assert len(got) == 3
    assert not any("按其上方" in r["warnings"] for r in got)
