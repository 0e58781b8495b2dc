"""A park's 统一社会信用代码 column typed as numbers: Excel keeps 15 significant digits, and
914403001922038216 comes back 914403001922038000. Batch writes the code back beside the results for
the park to match against its master list, so a damaged code must be said on its row (需核对的数据),
from a workbook and from the CSV Excel saves, and the row still scored."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st
from openpyxl import Workbook
from tests.test_office_files import excel_csv
from typer.testing import CliRunner

from littlegiant.cli.app import app
from littlegiant.load.tabular import CODE_CHARS, code_checks

GOOD = "914403001922038216"
"""A code whose check character fits (GB 32100-2015)."""
LUCKY = "914403001922006000"
"""A code ending in the zeros Excel leaves, whose check character happens to fit: only the number cell tells."""


def batch(path: Path) -> list[dict[str, Any]]:
    out = path.with_name(path.stem + "-out.jsonl")
    run = CliRunner().invoke(app, ["batch", str(path), "-o", str(out), "--format", "json", "--as-of", "2026-11-26",
                                   "--lang", "zh"])
    assert run.exit_code == 0, run.output
    return [json.loads(line) for line in out.read_text("utf-8").splitlines()]


def test_a_code_stored_as_a_number_or_failing_its_check_is_noted_on_its_row(tmp_path: Path) -> None:
    """In a workbook: 914403001922038216 stored as a number (Excel saves 9.14403001922038E+17) and one
    whose zeros happen to pass the check are said to have lost digits; a code typed as text with a wrong
    last character fails its check; a good code typed as text says nothing. Every row is scored."""
    book = Workbook()
    ws = book.active
    ws.append(["企业名称", "统一社会信用代码", "所属行业", "营业收入（2025年）"])
    for name, code in (("甲公司", 914403001922038000.0), ("乙公司", int(LUCKY)), ("丙公司", GOOD[:-1] + "7"),
                       ("丁公司", GOOD)):
        ws.append([name, code, "工业", 5000])
    book.save(tmp_path / "名单.xlsx")
    rows = batch(tmp_path / "名单.xlsx")
    assert [r["status"] for r in rows] == ["scored"] * 4
    notes = [" ".join(r.get("notes", [])) for r in rows]
    assert "“914403001922038000”在 Excel 中存成了数字" in notes[0] and "设为文本后重新填写" in notes[0]
    assert f"“{LUCKY}”在 Excel 中存成了数字" in notes[1]
    assert f"“{GOOD[:-1]}7”校验位不符" in notes[2]
    assert "信用代码" not in notes[3]
    assert rows[3]["credit_code"] == GOOD


def test_the_csv_excel_saves_is_noted_as_the_workbook_is(tmp_path: Path) -> None:
    """The same column saved as CSV shows 9.14403E+17: lost digits; a wrong check character is said too;
    暂无 (no code yet) is no code to check."""
    text = excel_csv([["企业名称", "统一社会信用代码", "所属行业"], ["甲公司", "9.14403E+17", "工业"],
                      ["乙公司", "91440300192203821X", "工业"], ["丙公司", GOOD, "工业"], ["丁公司", "暂无", "工业"]])
    (tmp_path / "名单.csv").write_bytes(text.encode("gbk"))
    rows = batch(tmp_path / "名单.csv")
    assert [r["status"] for r in rows] == ["scored"] * 4
    notes = [" ".join(r.get("notes", [])) for r in rows]
    assert "“9.14403E+17”是 Excel 显示的科学计数法，代码的数字已丢失" in notes[0] and "15 位" not in notes[0]
    # with a letter it was never a number Excel cut: a character mistyped, not digits lost
    assert "“91440300192203821X”校验位不符，可能有字符填错了" in notes[1] and "Excel" not in notes[1]
    assert "信用代码" not in notes[2] and "信用代码" not in notes[3]  # 暂无: no code to check


CODES = st.text(alphabet=CODE_CHARS, min_size=17, max_size=17)


@given(body=CODES, at=st.integers(0, 17), other=st.sampled_from(CODE_CHARS))
def test_exactly_one_check_character_fits_and_any_one_character_changed_fails(body: str, at: int, other: str) -> None:
    """Of the 31 characters, one completes any 17 to a code; then changing any one character, the check
    character included, is caught (the weights 3^i mod 31 are never 0 mod the prime 31)."""
    fits = [c for c in CODE_CHARS if code_checks(body + c)]
    assert len(fits) == 1
    code = body + fits[0]
    assert code_checks(code.lower()) and code_checks(" ".join(code))
    changed = code[:at] + other + code[at + 1:]
    assert code_checks(changed) == (changed == code)


def test_a_code_column_headed_with_a_remark_is_carried_and_checked(tmp_path: Path) -> None:
    """统一社会信用代码（18位）: the note said the column was passed over as naming nothing the rules ask, and
    its codes came back neither in the results nor checked. A remark in brackets changes nothing."""
    src = tmp_path / "名单.csv"
    src.write_text("企业名称,统一社会信用代码（18位）,营业收入（2025年）\n甲,91320500MA1XXXXX1A,3000\n"
                   "乙,914403001922038216,100\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(app, ["batch", str(src), "-o", str(out), "--as-of", "2026-11-26", "--lang", "zh"])
    assert result.exit_code == 0 and "统一社会信用代码（18位）" not in result.output, result.output
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["credit_code"] for r in rows] == ["91320500MA1XXXXX1A", "914403001922038216"]
    assert "校验位不符" in rows[0]["warnings"] and rows[1]["warnings"] is None


def test_an_old_15_digit_registration_number_is_said_to_be_one_not_a_mistyped_code(tmp_path: Path) -> None:
    """A park list still holding a company's 工商注册号 (15 digits, before 2015), typed as text or kept by
    Excel as a number (15 digits survive): named as the old number, not as a code failing its check; a
    16-digit one is still a mistyped code, said to be no code of 18."""
    book = Workbook()
    ws = book.active
    ws.append(["企业名称", "统一社会信用代码", "所属行业", "营业收入（2025年）"])
    for name, code in (("甲公司", "440301103456789"), ("乙公司", 440301103456789), ("丙公司", "4403011034567890")):
        ws.append([name, code, "工业", 5000])
    book.save(tmp_path / "名单.xlsx")
    rows = batch(tmp_path / "名单.xlsx")
    assert [r["status"] for r in rows] == ["scored"] * 3
    notes = [" ".join(r.get("notes", [])) for r in rows]
    for note in notes[:2]:
        assert "“440301103456789”是 15 位数字，像 2015 年以前的工商注册号" in note and "校验位" not in note
    assert "“4403011034567890”不是 18 位" in notes[2] and "工商注册号" not in notes[2]
    assert [r["credit_code"] for r in rows] == ["440301103456789", "440301103456789", "4403011034567890"]
