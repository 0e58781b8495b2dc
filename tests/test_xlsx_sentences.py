"""The results workbook's sentence columns (主要差距, 下一步) as a park reads them in Excel."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook
from tests.test_office_files import AS_OF, ZH_HEADER, ZH_ROWS, excel_csv, invoke


def test_a_sentence_longer_than_its_column_wraps_in_a_row_tall_enough(tmp_path: Path) -> None:
    """A park scanning the results read 「（现为53」 where the cell said 538: 主要差距 and 下一步 ran
    under the next column and were cut there. A cell longer than its column is now wrapped, in a row
    made tall enough for its lines (LibreOffice keeps an unsized row one line high); a short one stays
    one plain line."""
    src = tmp_path / "名单.csv"
    src.write_bytes(excel_csv([ZH_HEADER, *ZH_ROWS]).encode("utf-8"))
    out = tmp_path / "结果.xlsx"
    assert invoke("batch", str(src), "-o", str(out), "--as-of", AS_OF, "--lang", "zh", "--advice")[0] == 0
    sheet = load_workbook(out)["评估结果"]
    heads = [c.value for c in sheet[1]]
    wrapped = 0
    for number in range(2, sheet.max_row + 1):
        tallest = 1
        for head in ("主要差距", "下一步"):
            cell = sheet.cell(number, heads.index(head) + 1)
            text = cell.value or ""
            width = sheet.column_dimensions[cell.column_letter].width
            wide = sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)
            assert bool(cell.alignment.wrap_text) == (wide > width), (head, text)
            tallest = max(tallest, -(-wide // (width - 2)) if wide > width else 1)
            wrapped += wide > width
        height = sheet.row_dimensions[number].height
        assert (height or 15) >= 15 * min(tallest, 8), (number, height, tallest)
        assert height is None or tallest > 1, number
    assert wrapped, "no sentence was longer than its column: the test shows nothing"
