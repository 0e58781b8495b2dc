"""The park's own columns come back in the results workbook as the sheet typed them (a park-staff review): a
formula's result as the number it is, shown by its format; an ID typed as text as text, never a number Excel
shows as 3.20594E+14; a number as a number. A .csv and JSON Lines keep giving the text as read."""

from __future__ import annotations

import csv
import json
import zipfile
from datetime import datetime
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


def test_a_formulas_result_comes_back_a_number_shown_as_in_the_sheet(tmp_path: Path) -> None:
    """亩均税收 =F2/E2 (2.85714285714286, shown 0.00) and 资产负债率 =2/3 (0.0%) came back as the text
    '2.85714285714286' and '66.6666666666667%', sorted as text; a debt ratio of 0.837490216925826 shown 0.00% came
    back as text too, and percent cells that stayed numbers lost their format (0.3512 shown 0% became 0.00%, 35.12%;
    0.12 shown 0.0% became 0%). Each comes back the number the sheet held, with the sheet's number format; JSON Lines
    still gives the text as read."""
    book = Workbook()
    sheet = book.active
    sheet.append(["企业名称", "行业", "从业人员", "营业收入（2025年）", "用地面积（亩）", "纳税总额（万元）", "亩均税收（万元）",
                  "资产负债率", "毛利率", "增长率", "注册资本（元）"])
    sheet.append(["甲有限公司", "工业", 7, 3000, 35, 100, 2.85714285714286, 0.666666666666667, 0.3512, 0.12, 1234567.891])
    sheet.append(["乙有限公司", "工业", 9, 3000, 20, 50, 2.5, 0.837490216925826, 0.35, -0.05, 800000])
    for row, formats in ((2, ("0.00", "0.0%")), (3, ("0.00", "0.00%"))):
        sheet[f"G{row}"].number_format, sheet[f"H{row}"].number_format = formats
        sheet[f"I{row}"].number_format, sheet[f"J{row}"].number_format = "0%", "0.0%"
        sheet[f"K{row}"].number_format = "#,##0.00"
    src = saved(book, tmp_path / "名单.xlsx", {"G2": "F2/E2", "H2": "2/3", "G3": "F3/E3"})
    code, err = invoke("batch", str(src), "-o", str(tmp_path / "out.xlsx"))
    assert code == 0, err
    assert carried(tmp_path / "out.xlsx", 7) == [
        [(35, "n", "General"), (100, "n", "General"), (2.85714285714286, "n", "0.00"), (0.666666666666667, "n", "0.0%"),
         (0.3512, "n", "0%"), (0.12, "n", "0.0%"), (1234567.891, "n", "#,##0.00")],
        [(20, "n", "General"), (50, "n", "General"), (2.5, "n", "0.00"), (0.837490216925826, "n", "0.00%"),
         (0.35, "n", "0%"), (-0.05, "n", "0.0%"), (800000, "n", "#,##0.00")]]
    code, err = invoke("batch", str(src), "-o", str(tmp_path / "out.jsonl"))
    first = json.loads((tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()[0])
    assert code == 0 and first["input_columns"]["亩均税收（万元）"] == "2.85714285714286", err
    assert first["input_columns"]["资产负债率"] == "66.6666666666667%"


def test_an_id_typed_as_text_stays_text_and_a_number_a_number(tmp_path: Path) -> None:
    """A 工商注册号 320594000123456, a 银行账号 and a phone number typed as text came back as numbers, shown by Excel
    as 3.20594E+14; each stays text, as typed. A number cell stays a number (a long one too), a day a day with
    its format, TRUE a truth value; a value merged down over two companies is the same kind on both rows. A .csv
    gives the text as read: the digits, not 3.2E+14 nor a formula (="…") that scripts and a run read back would
    take for the ID."""
    book = Workbook()
    sheet = book.active
    sheet.append(["企业名称", "行业", "从业人员", "营业收入（2025年）", "工商注册号", "联系电话", "邮政编码", "银行账号",
                  "注册资本（元）", "成立日期", "是否规上", "园区面积（亩）"])
    sheet.append(["甲有限公司", "工业", 120, 3500, "320594000123456", "13912345678", "215000", "6222021234567890",
                  320594000123456, datetime(2015, 3, 1), True, 1500])
    sheet.append(["乙有限公司", "工业", 120, 3500, "320500000012345", "051266668888", "215021", "62220212345678",
                  5000, datetime(2019, 12, 31), False, None])
    sheet["J2"].number_format = sheet["J3"].number_format = "yyyy/m/d"
    sheet["L2"].number_format = "#,##0"
    sheet.merge_cells("L2:L3")
    src = saved(book, tmp_path / "名单.xlsx")
    code, err = invoke("batch", str(src), "-o", str(tmp_path / "out.xlsx"))
    assert code == 0, err
    assert carried(tmp_path / "out.xlsx", 8) == [
        [("320594000123456", "s", "General"), ("13912345678", "s", "General"), ("215000", "s", "General"),
         ("6222021234567890", "s", "General"), (320594000123456, "n", "General"),
         (datetime(2015, 3, 1), "d", "yyyy/m/d"), (True, "b", "General"), (1500, "n", "#,##0")],
        [("320500000012345", "s", "General"), ("051266668888", "s", "General"), ("215021", "s", "General"),
         ("62220212345678", "s", "General"), (5000, "n", "General"), (datetime(2019, 12, 31), "d", "yyyy/m/d"),
         (False, "b", "General"), (1500, "n", "#,##0")]]
    code, err = invoke("batch", str(src), "-o", str(tmp_path / "out.csv"))
    with (tmp_path / "out.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))[1:]
    assert code == 0 and [row[-8:-4] for row in rows] == [["320594000123456", "13912345678", "215000", "6222021234567890"],
                                                          ["320500000012345", "051266668888", "215021", "62220212345678"]]


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
