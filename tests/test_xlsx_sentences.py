"""The results workbook's sentence columns (主要差距, 下一步) as a park reads them in Excel."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
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


def _park_results(tmp_path: Path) -> Path:
    src = tmp_path / "名单.csv"
    src.write_bytes(excel_csv([ZH_HEADER, *ZH_ROWS]).encode("utf-8"))
    out = tmp_path / "结果.xlsx"
    assert invoke("batch", str(src), "-o", str(out), "--as-of", AS_OF, "--lang", "zh")[0] == 0
    return out


def test_the_about_sheets_notes_are_tall_enough_to_read_in_print(tmp_path: Path) -> None:
    """The 说明 sheet's 读取提示 (the columns a sheet lacks, several lines of them) were wrapped in rows one
    line high: printed, their lines ran over each other. Each sentence longer than its column is now
    wrapped in a row tall enough for its lines, and the labels' column is as wide as its longest label."""
    about = load_workbook(_park_results(tmp_path))["说明"]
    width = about.column_dimensions["B"].width
    tall = 0
    for label, said in about.iter_rows(min_col=1, max_col=2):
        text = said.value if isinstance(said.value, str) else ""
        lines = sum(max(1, -(-sum(2 if ord(ch) > 0x2E7F else 1 for ch in part) // (width - 2)))
                    for part in text.split("\n"))
        height = about.row_dimensions[said.row].height
        if lines > 1:
            assert said.alignment.wrap_text and height is not None and height >= 15 * min(lines, 27), (text, height)
            tall += 1
        else:
            assert height is None, text
        assert sum(2 if ord(ch) > 0x2E7F else 1 for ch in label.value or "") <= about.column_dimensions["A"].width
    assert tall and any(c.value == "读取提示" for c in about["A"]), "no note longer than its column: the test shows nothing"


def test_the_results_print_landscape_one_page_across_with_the_header_on_every_page(tmp_path: Path) -> None:
    """Without a page setup the results sheet printed on 18 portrait pages, two columns each. It is now
    landscape A4, fitted to one page across (as many down as it takes) with row 1 repeated; the errors
    sheet likewise; the about sheet portrait, one page across."""
    book = load_workbook(_park_results(tmp_path))
    for name, across in (("评估结果", "landscape"), ("错误明细", "landscape"), ("说明", "portrait")):
        sheet = book[name]
        setup = sheet.page_setup
        assert (setup.orientation, int(setup.paperSize), int(setup.fitToWidth), int(setup.fitToHeight)) == \
            (across, 9, 1, 0), name
        assert sheet.sheet_properties.pageSetUpPr.fitToPage, name
        assert sheet.print_title_rows == ("$1:$1" if across == "landscape" else None), name


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_the_results_workbook_prints_one_page_a_sheet_in_libreoffice(tmp_path: Path) -> None:
    """What a park prints: the workbook of a short list, converted by LibreOffice, is three pages (one
    a sheet), where it was 18."""
    out = _park_results(tmp_path)
    done = subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to",
                           "pdf", "--outdir", str(tmp_path), str(out)], capture_output=True, timeout=300, check=False)
    pdf = (tmp_path / "结果.pdf").read_bytes()
    assert done.returncode == 0 and len(re.findall(rb"/Type\s*/Page\b", pdf)) == 3
