"""Found trying the tool as park staff: a CSV titled 顺德区2025年度…培育库 over columns without a year was
told to name each worksheet by its year, which a CSV has none of. It is told to write the year in the column
heading; a workbook's sheet, which may be one of a sheet a year, is still told both."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from typer.testing import CliRunner

from littlegiant.cli.app import app

TITLE = "顺德区2025年度规上工业企业专精特新培育库"
ROWS = [["企业名称", "营业收入", "从业人员"], ["甲公司", "5000", "100"]]


def _refusal(tmp_path: Path, source: Path, lang: str) -> str:
    done = CliRunner().invoke(app, ["batch", str(source), "-o", str(tmp_path / "out.csv"), "--lang", lang,
                                    "--as-of", "2026-11-26"])
    assert done.exit_code == 2 and not (tmp_path / "out.csv").exists()
    return done.stderr


def test_a_csv_titled_with_its_year_is_told_to_date_its_column(tmp_path: Path) -> None:
    source = tmp_path / "培育库.csv"
    source.write_bytes(("\n".join([TITLE, *(",".join(r) for r in ROWS)]) + "\n").encode("gbk"))
    zh = _refusal(tmp_path, source, "zh")
    assert "“营业收入”列：请在列名中写明年份：表格标题写的是“2025年”，若这一列是那一年的数据，请把列名改为“营业收入（2025年）”" in zh
    assert "工作表" not in zh
    en = _refusal(tmp_path, source, "en")
    assert "needs its year: the table's title says 2025; if these are 2025's figures, head it 营业收入（2025年） or " \
           "financials.2025.revenue" in en and "sheet" not in en


def test_a_sheet_titled_with_its_year_is_still_told_of_a_sheet_a_year(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    ws = book.active
    assert ws is not None
    ws.append([TITLE])
    for row in ROWS:
        ws.append(row)
    source = tmp_path / "培育库.xlsx"
    book.save(source)
    zh = _refusal(tmp_path, source, "zh")
    assert "表格标题或工作表名写的是“2025年”" in zh and "请把各工作表按年份命名" in zh
