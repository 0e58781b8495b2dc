"""The results sheet's header row, as staff read it on screen and on paper."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from tests.test_park_sheets import invoke


def _units(word: str) -> int:
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in word)


def _words(header: str) -> list[str]:
    """A header's words, as a line may break after them: at a space, or after a hyphen (Technology-)."""
    return [w for w in re.split(r"\s+|(?<=-)", header) if w]


def _wrapped(header: str, width: float) -> int:
    """Lines a bold header takes in a column ``width`` wide, broken at spaces as Excel breaks English
    (after a hyphen too; a character of Chinese two units, a unit short of the width a line for the bold face)."""
    room, lines, used = width - 1, 1, 0
    for word in _words(header):
        need = _units(word) + (1 if used else 0)
        if used and used + need > room:
            lines, used = lines + 1, _units(word)
        else:
            used += need
        while used > room:  # a word wider than the column breaks over lines
            lines, used = lines + 1, used - room
    return lines


@pytest.mark.parametrize("renewal", ["none", "little_giant"])
def test_every_english_header_shows_whole_on_its_row(tmp_path: Path, renewal: str) -> None:
    """The header row was two lines high whatever its headers: in English, Specialised and sophisticated SME
    (专精特新中小企业) showed its first two lines, Technology-based and innovative SME lost SME, and Outcome
    over its column of 8 read Outcom / e. Each visible header now fits its column, word by word, on a row
    tall enough for the longest."""
    src = tmp_path / "list.csv"
    src.write_text("企业名称,营业收入（2025年）,Contact person\n甲,3000,Wang\n", encoding="utf-8")
    out = tmp_path / "results.xlsx"
    code, _, err = invoke("batch", str(src), "--lang", "en", "--advice", "--renewal", renewal, "-o", str(out))
    assert code in (0, 1) and "Traceback" not in err, err
    ws = load_workbook(out).worksheets[0]
    height = ws.row_dimensions[1].height
    shown = 0
    for cell in ws[1]:
        column = ws.column_dimensions[get_column_letter(cell.column)]
        if column.hidden:
            continue
        header, width = str(cell.value), column.width
        assert max(len(w) for w in _words(header) if _units(w) == len(w)) <= width - 1, (header, width)  # Chinese breaks anywhere
        assert height is not None and height >= 15 * _wrapped(header, width), (header, width, height)
        shown += 1
    assert shown >= 12


def test_the_errors_sheets_header_is_tall_enough_for_its_wrapped_headers(tmp_path: Path) -> None:
    """On the errors sheet, Unified social credit code wraps to two lines in its column of 20, in a row one
    line high: printed, its second line sat on the first row's code. The row is now as tall as it wraps."""
    src = tmp_path / "list.csv"
    src.write_text("企业名称,统一社会信用代码,营业收入（2025年）\n甲,91320500MA1XXXXX1A,abc\n", encoding="utf-8")
    out = tmp_path / "results.xlsx"
    code, _, err = invoke("batch", str(src), "--lang", "en", "-o", str(out))
    assert code == 1 and "Traceback" not in err, err
    ws = load_workbook(out).worksheets[1]
    assert ws["C1"].value == "Unified social credit code" and ws["A2"].value
    height = ws.row_dimensions[1].height
    for cell in ws[1]:
        width = ws.column_dimensions[get_column_letter(cell.column)].width
        assert height is not None and height >= 15 * _wrapped(str(cell.value), width), (cell.value, width, height)
