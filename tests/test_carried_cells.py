"""The park's own columns come back in the results workbook as the sheet typed them (a park-staff review): a
formula's result as the number it is, shown by its format; an ID typed as text as text, never a number Excel
shows as 3.20594E+14; a number as a number. A .csv and JSON Lines keep giving the text as read."""

from __future__ import annotations

import zipfile
from pathlib import Path

from openpyxl import Workbook, load_workbook
from typer.testing import CliRunner

from littlegiant.cli.app import app

runner = CliRunner()
AS_OF = "2026-11-26"


def invoke(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, [*args, "--as-of", AS_OF, "--lang", "zh", "--quiet"], env={"LANG": "zh_CN.UTF-8"})
    return result.exit_code, result.stderr


def saved(book: Workbook, path: Path, formulas: dict[str, str] | None = None) -> Path:
    """``book`` saved at ``path``, each cell named in ``formulas`` (by reference) as Excel saves a formula: the
    formula with its result beside it (openpyxl writes a formula without its result, or the result alone)."""
    plain = path.with_suffix(".plain.xlsx")
    book.save(plain)
    with zipfile.ZipFile(plain) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                for ref, formula in (formulas or {}).items():
                    start = data.index(f'<c r="{ref}"'.encode())
                    value = data.index(b"<v>", start)
                    data = data[:value] + f"<f>{formula}</f>".encode() + data[value:]
            dst.writestr(info, data)
    return path


def carried(path: Path, count: int) -> list[list[tuple[object, str, str]]]:
    """The last ``count`` cells of each results row of an .xlsx: (value, Excel's cell type, number format)."""
    sheet = load_workbook(path).worksheets[0]
    return [[(c.value, c.data_type, c.number_format) for c in row[-count:]] for row in sheet.iter_rows(min_row=2)]


def test_a_csvs_long_digit_strings_stay_text_and_its_figures_become_numbers(tmp_path: Path) -> None:
    """From a .csv, where every cell is text, the results workbook makes numbers of figures and shares as before,
    a long one too (2.85714285714286 was text past 10 decimal places, 66.6666666666667% past 8), but a digit string
    of 12 digits or more (工商注册号, 银行账号) or with a leading 0 stays text: made a number, Excel showed
    320594000123456 as 3.20594E+14 and kept 15 digits of a 16-digit account."""
    src = tmp_path / "名单.csv"
    src.write_text("企业名称,营业收入（2025年）,工商注册号,银行账号,联系电话,亩均税收,资产负债率,注册资本\n"
                   "甲有限公司,3500,320594000123456,6222021234567890,051266668888,2.85714285714286,66.6666666666667%,"
                   "1234.5\n", encoding="utf-8")
    code, err = invoke("batch", str(src), "-o", str(tmp_path / "out.xlsx"))
    assert code == 0, err
    (row,) = carried(tmp_path / "out.xlsx", 6)
    assert row[:3] == [("320594000123456", "s", "General"), ("6222021234567890", "s", "General"),
                       ("051266668888", "s", "General")]
    assert row[3] == (2.85714285714286, "n", "General") and row[5] == (1234.5, "n", "General")
    assert row[4][:2] == (0.666666666666667, "n") and row[4][2] == "0.0000000000000%"
