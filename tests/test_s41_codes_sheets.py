"""A park's 统一社会信用代码 column as staff's sheets hold it: typed as numbers (Excel keeps 15 digits and zeroes
the rest), copied from a web page with an invisible character in it, typed with spaces or dashes, or with the
letter O for the digit 0. Each is read as what it can truthfully say: lost digits tell no company apart and
come back marked unknown; an invisible character is left out and said; a dash or a letter O is no mistyped
character to hunt for."""

from __future__ import annotations

import csv
import zipfile
from decimal import Decimal
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook
from typer.testing import CliRunner

from littlegiant.cli.app import app
from littlegiant.load.tabular import CODE_CHARS, code_checks

HEADER = ["企业名称", "统一社会信用代码", "所属行业", "营业收入（2025年）（万元）", "从业人员"]
SAME_CODE = "的统一社会信用代码相同"


def fitted(body: str) -> str:
    """``body`` (17 characters) with the check character that fits it."""
    return next(body + ch for ch in CODE_CHARS if code_checks(body + ch))


def digit_codes(prefix: str, count: int) -> list[str]:
    """``count`` codes of 18 digits beginning with ``prefix`` (15 digits) whose check characters fit."""
    found = [code for n in range(100) if (code := fitted(f"{prefix}{n:02d}"))[-1].isdigit()]
    return found[:count]


def whole(path: Path, numbers: dict[int, str]) -> None:
    """Write number cells of all their digits into the workbook at ``path`` in place of the placeholders
    ``numbers`` keys (openpyxl, as Excel, writes a number by 15 digits; a program writing the XML itself
    keeps 18)."""
    with zipfile.ZipFile(path) as book:
        parts = {name: book.read(name) for name in book.namelist()}
    sheet = "xl/worksheets/sheet1.xml"
    for placeholder, digits in numbers.items():
        assert f"<v>{placeholder}</v>".encode() in parts[sheet]
        parts[sheet] = parts[sheet].replace(f"<v>{placeholder}</v>".encode(), f"<v>{digits}</v>".encode())
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as book:
        for name, data in parts.items():
            book.writestr(name, data)


def run(tmp_path: Path, rows: list[list[object]], header: list[str] = HEADER, numbers: dict[int, str] | None = None
        ) -> tuple[list[dict[str, object]], str]:
    """Batch a workbook of ``rows`` through the CLI into a .xlsx: its result rows by header, and the screen."""
    book = Workbook()
    ws = book.active
    ws.append(header)
    for row in rows:
        ws.append(row)
    src, out = tmp_path / "园区企业.xlsx", tmp_path / "结果.xlsx"
    book.save(src)
    whole(src, numbers or {})
    out.unlink(missing_ok=True)
    result = CliRunner().invoke(app, ["batch", str(src), "-o", str(out), "--as-of", "2026-11-26"],
                                env={"LANG": "zh_CN.UTF-8", "COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    sheet = load_workbook(out)["评估结果"]
    values = list(sheet.iter_rows(values_only=True))
    return [dict(zip(values[0], r, strict=True)) for r in values[1:]], result.stderr


def shared(kept: str) -> str:
    """The digits every 18-digit number Excel shows as ``kept`` (15 digits) has, the rest marked unknown."""
    low, high = int(kept) * 1000 - 500, int(kept) * 1000 + 499
    sure = next(i for i in range(19) if str(low)[:i + 1] != str(high)[:i + 1])
    return str(low)[:sure] + "?" * (18 - sure)


def notes(row: dict[str, object]) -> str:
    return str(row["需核对的数据"] or "")


@settings(max_examples=8, deadline=None)
@given(prefix=st.from_regex(r"9[1-5][1-6][0-9]{12}", fullmatch=True))
def test_codes_excel_zeroed_never_say_two_companies_are_one(prefix: str) -> None:
    """Two companies whose codes share their first 15 digits (one district, one year), the column typed as
    numbers: both read 9131011567890120000, and the second was said to repeat the first. Neither is now;
    each says its digits were lost, none is said to fail its check character, and the code comes back
    with its lost digits marked unknown, never as a code that looks whole."""
    import tempfile

    codes = digit_codes(prefix, 2)
    if len(codes) < 2:
        return
    with tempfile.TemporaryDirectory() as folder:
        rows, screen = run(Path(folder), [["甲科技有限公司", float(codes[0]), "工业", 6000, 100],
                                          ["乙制造有限公司", float(codes[1]), "工业", 300, 10]])
    kept = format(Decimal(format(float(codes[0]), ".15g")), "f")[:15]
    assert [r["统一社会信用代码"] for r in rows] == [shared(kept)] * 2
    for row in rows:
        assert "在 Excel 中存成了数字，只保留 15 位，末几位已变成 0" in notes(row)
        assert SAME_CODE not in notes(row) and "校验位" not in notes(row)
    assert "共读取 2 行，已评估 2 行，出错 0 行" in screen


def test_all_18_digits_of_a_number_cell_another_tool_wrote_are_the_code(tmp_path: Path) -> None:
    """A sheet written by a program keeps all 18 digits in a number cell: said to have lost digits it had
    not, the code came back zeroed in the note; it is the code, checked as any, and tells a company given
    twice."""
    good = next(c for c in digit_codes("914403001922038", 30) if not c.endswith("000"))
    wrong = good[:-1] + str((int(good[-1]) + 1) % 10)
    rows, _ = run(tmp_path, [["甲科技有限公司", 1111111, "工业", 6000, 100],
                             ["甲科技有限公司（重复）", good, "工业", 6000, 100],
                             ["乙制造有限公司", 2222222, "工业", 6000, 100]], numbers={1111111: good, 2222222: wrong})
    assert [r["统一社会信用代码"] for r in rows] == [good, good, wrong]
    assert "Excel" not in notes(rows[0]) and notes(rows[0]) == ""
    assert SAME_CODE in notes(rows[1])
    assert "校验位不符" in notes(rows[2]) and "存成了数字" not in notes(rows[2])


def test_a_zeroed_code_typed_as_text_tells_no_company_apart(tmp_path: Path) -> None:
    """The column set to Text after Excel zeroed it: 913101156789012000 twice, failing its check, may
    be two companies; no row is said to repeat another by it."""
    rows, _ = run(tmp_path, [["甲科技有限公司", "913101156789012000", "工业", 6000, 100],
                             ["乙制造有限公司", "913101156789012000", "工业", 6000, 100]])
    assert all("校验位不符" in notes(r) and SAME_CODE not in notes(r) for r in rows)


INVISIBLE = st.sampled_from(["\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u2060", "\ufeff", "\u00ad",
                             "\u202a", "\u202c", "\u2066", "\u2069"])


@settings(max_examples=8, deadline=None)
@given(marks=st.lists(st.tuples(INVISIBLE, st.integers(0, 18)), min_size=1, max_size=3))
def test_a_code_copied_with_an_invisible_character_is_read_as_seen_and_said(marks: list[tuple[str, int]]) -> None:
    """91310000MA1FL0GD12 with a zero-width space (or a direction mark) in it, copied from a web page, was
    said to fail its check character: staff compared 18 characters that were right. It is read as seen,
    comes back without the character (a lookup on the results finds it), is said to have held one, and
    tells the company given twice."""
    import tempfile

    good = "91310000MA1FL0GD12"
    typed = good
    for mark, at in sorted(marks, key=lambda m: -m[1]):
        typed = typed[:at] + mark + typed[at:]
    with tempfile.TemporaryDirectory() as folder:
        rows, _ = run(Path(folder), [["乙有限公司", good, "工业", 6000, 100], ["乙有限公司（网页）", typed, "工业", 6000, 100]])
    assert [r["统一社会信用代码"] for r in rows] == [good, good]
    assert notes(rows[0]) == ""
    said = notes(rows[1])
    assert f"统一社会信用代码“{good}”中夹有看不见的字符" in said and "校验位" not in said
    assert "园区企业.xlsx:Sheet:2”的统一社会信用代码相同" in said


def test_a_code_typed_with_dashes_or_the_letter_o_is_no_mistyped_character(tmp_path: Path) -> None:
    """91440300-MA5F… (dashes, as a licence is read out) was said to fail its check character and to be no
    other row's code; 9144O300… (the letter O, full-width too) was said to hold a mistyped character among
    18 that look right. A dash is read past; a letter O read as the 0 its check character fits is said to be
    one; both tell the company given twice. A code with O that no reading fits is said to hold a letter no code
    has, where staff should look."""
    good = fitted("91440300MA5F00001")
    rows, screen = run(tmp_path, [["戊有限公司", good, "工业", 6000, 100],
                                  ["己有限公司", f"{good[:8]}-{good[8:]}", "工业", 6000, 100],
                                  ["己有限公司（二）", f"{good[:4]}—{good[4:8]}—{good[8:]}", "工业", 6000, 100],
                                  ["辛有限公司", good.replace("0", "O"), "工业", 6000, 100],
                                  ["壬有限公司", good.replace("0", "Ｏ", 1), "工业", 6000, 100],
                                  ["癸有限公司", "O" + good[1:], "工业", 6000, 100]])
    for row in rows[1:3]:
        assert "校验位" not in notes(row) and SAME_CODE in notes(row)
    for row, typed in zip(rows[3:5], (good.replace("0", "O"), good.replace("0", "Ｏ", 1)), strict=True):
        assert f"统一社会信用代码“{typed}”中有字母 O 或 I" in notes(row) and "校验位相符" in notes(row)
        assert "校验位不符" not in notes(row) and SAME_CODE in notes(row)
    assert "中有代码里不会出现的字母（I、O、S、V、Z）" in notes(rows[5]) and SAME_CODE not in notes(rows[5])
    assert "共读取 6 行，已评估 6 行，出错 0 行" in screen


def test_companies_with_no_code_yet_are_not_one_company(tmp_path: Path) -> None:
    """暂无 (no code yet) or - in the code column of two companies: no code, said to be the same code, and the
    second company to repeat the first."""
    rows, _ = run(tmp_path, [["甲有限公司", "暂无", "工业", 6000, 100], ["乙有限公司", "暂无", "工业", 6000, 100],
                             ["丙有限公司", "-", "工业", 6000, 100], ["丁有限公司", "-", "工业", 6000, 100]])
    assert [notes(r) for r in rows] == [""] * 4
    assert [r["统一社会信用代码"] for r in rows] == ["暂无", "暂无", "-", "-"]


def test_a_code_a_character_short_or_long_is_said_to_be_so(tmp_path: Path) -> None:
    """A code of 17 or 19 characters was said to fail its check character: staff checked the last character of
    a code whose fault was a character left out. Its length is said."""
    good = fitted("91440300MA5F00001")
    rows, _ = run(tmp_path, [["甲有限公司", good[:9] + good[10:], "工业", 6000, 100],
                             ["乙有限公司", good[:9] + "8" + good[9:], "工业", 6000, 100]])
    for row in rows:
        assert "不是 18 位，可能漏填或多填了字符" in notes(row) and "校验位" not in notes(row)


def test_codes_a_csv_shows_as_9_14403e17_say_no_two_companies_are_one(tmp_path: Path) -> None:
    """The CSV Excel saves of a column typed as numbers holds 9.14403E+17 for every code of one district: each
    company was said to repeat the first. Each now only says its digits are lost."""
    src, out = tmp_path / "园区企业.csv", tmp_path / "结果.csv"
    src.write_text("企业名称,统一社会信用代码,所属行业\r\n甲有限公司,9.14403E+17,工业\r\n乙有限公司,9.14403E+17,工业\r\n",
                   encoding="gbk")
    result = CliRunner().invoke(app, ["batch", str(src), "-o", str(out), "--as-of", "2026-11-26"],
                                env={"LANG": "zh_CN.UTF-8", "COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    text = out.read_text("utf-8-sig")
    assert text.count("是 Excel 显示的科学计数法，代码的数字已丢失") == 2 and SAME_CODE not in text


def test_a_code_a_csv_keeps_as_a_formula_or_behind_an_apostrophe_is_the_code(tmp_path: Path) -> None:
    """="91440300MA5F…" (how systems export codes so that Excel keeps them whole; Excel shows the code) and
    '91440300MA5F… were said not to be 18 characters long, and to be no other row's code."""
    good = fitted("91440300MA5F00001")
    src, out = tmp_path / "园区企业.csv", tmp_path / "结果.csv"
    src.write_text(f'企业名称,统一社会信用代码,所属行业\r\n甲有限公司,{good},工业\r\n乙有限公司,="{good}",工业\r\n'
                   f"丙有限公司,'{good},工业\r\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["batch", str(src), "-o", str(out), "--as-of", "2026-11-26"],
                                env={"LANG": "zh_CN.UTF-8", "COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert rows[1]["统一社会信用代码"] == good
    for row in rows[1:]:
        assert "18 位" not in row["需核对的数据"] and "看不见" not in row["需核对的数据"]
        assert "园区企业.csv:2”的统一社会信用代码相同" in row["需核对的数据"]
