"""The run's closing note on revenue far too small for the head count blamed 万元 typed where 元 is read on
every such row: 800 people and 100 under 营业收入（万元） (a labour-heavy plant, or a slip in either figure)
were told 「多半是按万元填写、被当作元读取了…请把…单位改为“万元”」, which the header already said. The unit is
blamed only where the sheet's 元 was read (a header or title saying 元, over a bare number); else the note
asks to check the two figures."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from typer.testing import CliRunner

from littlegiant.cli.app import app

AS_OF = "2026-11-26"
UNIT_ZH = ("littlegiant 提示：有 {n} 行的营业收入按从业人数算低得不合常理（见{col}），多半是按万元填写、被当作元读取了，"
           "这些行的结论不可靠。如金额以万元为单位，请把标题行或列名中的单位改为“万元”后重新运行")
PLAIN_ZH = ("littlegiant 提示：有 {n} 行的营业收入按从业人数算低得不合常理（见{col}），这些行的结论可能不可靠，"
            "请核对这些企业填写的营业收入和从业人员")
PLAIN_EN = ("littlegiant: note: {n} {rows} revenue far too small for the head count (see the “Figures to check” "
            "column): check those companies' revenue and head count, on which their results rest")
CHECKS = "“需核对的数据”列"


def batch(src: Path, out: Path, *more: str, lang: str = "zh") -> tuple[int, list[str]]:
    """``batch`` as a park's staff run it (80 columns, -q): exit code and stderr's lines."""
    done = CliRunner().invoke(app, ["batch", str(src), "-o", str(out), "--as-of", AS_OF, "--lang", lang, "-q", *more],
                              env={"COLUMNS": "80", "NO_COLOR": "1"})
    return done.exit_code, done.stderr.splitlines()


def about_notes(path: Path) -> list[str]:
    """The results workbook's 说明 sheet, its second column: what the run said, as the file keeps it."""
    book = load_workbook(path, read_only=True)
    said = [str(row[1]) for row in book[book.sheetnames[-1]].iter_rows(values_only=True) if len(row) > 1 and row[1]]
    book.close()
    return said


def test_a_header_in_wan_is_not_told_it_was_read_as_yuan(tmp_path: Path) -> None:
    """The park's small_per_head.csv: 100 under 2025年营业收入（万元） beside 800 people. The note asks to check
    the figures, in the terminal and on the results workbook's 说明 sheet, and says nothing of units."""
    src = tmp_path / "名单.csv"
    src.write_text("企业名称,所属行业,从业人员,2025年营业收入（万元）\n劳动密集加工厂,工业,800,100\n", encoding="utf-8")
    code, lines = batch(src, tmp_path / "结果.xlsx")
    assert code == 0 and lines[-1] == PLAIN_ZH.format(n=1, col=CHECKS), lines
    assert not any("被当作元" in line for line in lines)
    notes = about_notes(tmp_path / "结果.xlsx")
    assert PLAIN_ZH.format(n=1, col=CHECKS).removeprefix("littlegiant 提示：") in notes, notes
    code, lines = batch(src, tmp_path / "结果.csv", lang="en")
    assert code == 0 and lines[-1] == PLAIN_EN.format(n=1, rows="row has"), lines


@pytest.mark.parametrize("output", ["结果.csv", "结果.jsonl"])
def test_only_rows_read_in_the_sheets_yuan_are_told_of_the_unit(tmp_path: Path, output: str) -> None:
    """Under 营业收入（2025年）（元）: two bare numbers (1,000,000 read as 100万元) are counted as the unit's slip;
    a cell with its own unit (100万, 1000000元) was not read in the header's 元, and is counted as figures to check."""
    book = Workbook()
    ws = book.active
    ws.append(["企业名称", "所属行业", "从业人员", "营业收入（2025年）（元）"])
    for i, cell in enumerate([1000000, "100万", 1200000, "1000000元"]):
        ws.append([f"企业{i}", "工业", 800, cell])
    book.save(tmp_path / "名单.xlsx")
    code, lines = batch(tmp_path / "名单.xlsx", tmp_path / output, *(("--format", "json") if "json" in output else ()))
    col = CHECKS if output.endswith(".csv") else "各行的 warnings"
    assert code == 0 and lines[-2:] == [UNIT_ZH.format(n=2, col=col), PLAIN_ZH.format(n=2, col=col)], lines
