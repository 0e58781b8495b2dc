"""The results workbook's sentence columns (主要差距, 下一步) as a park reads them in Excel."""

from __future__ import annotations

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
            per = excel_line(width)
            assert bool(cell.alignment.wrap_text) == (wide > per), (head, text)
            tallest = max(tallest, -(-wide // per) if wide > per else 1)
            wrapped += wide > per
        height = sheet.row_dimensions[number].height
        assert (height or 15) >= 15 * min(tallest, 8), (number, height, tallest)
        assert height is None or tallest > 1, number
    assert wrapped, "no sentence was longer than its column: the test shows nothing"


def excel_line(width: float) -> int:
    """What a line of a wrapped cell ``width`` wide holds in Excel, in units of 2 a Chinese character:
    (width × 7 − 5) pixels, a character 15 (等线 11), less one a line for line breaking."""
    return int((width * 7 - 5) // 15) * 2 - 2


def test_a_row_is_made_tall_enough_for_sentences_as_excel_shows_them() -> None:
    """A 主要差距 of 47 units fits a column of 50 at 2 units a character, but Excel shows Chinese some 15
    pixels a character in a column of 355: it wrapped onto a second line in a row one line high, and the
    line was cut off. A sentence is now wrapped, and its row made tall, by what Excel shows; and a
    row's problems, one a line in 错误说明, make it as tall as their lines though each is short."""
    from littlegiant.report.workbook import _lines, line_units

    assert line_units(50) == excel_line(50) == 44
    assert _lines("专" * 23, 50, line_units(50)) == 2  # 46 units: one line at 2 a character, two in Excel
    assert _lines("「从业人员」：应填整数\n「营业收入」：应填金额\n「研发费用」：应填金额", 50, line_units(50)) == 3


def test_every_cell_of_a_tall_row_starts_at_its_top(tmp_path: Path) -> None:
    """A row made tall for its 主要差距 had its name, verdicts and colours at Excel's bottom and the
    sentence at the top: printed, the sentence sat level with the next row's name. Every cell of such
    a row now starts at the top; a row of one line is left as Excel lays it out."""
    src = tmp_path / "名单.csv"
    src.write_bytes(excel_csv([ZH_HEADER, *ZH_ROWS]).encode("utf-8"))
    out = tmp_path / "结果.xlsx"
    assert invoke("batch", str(src), "-o", str(out), "--as-of", AS_OF, "--lang", "zh", "--advice")[0] == 0
    sheet = load_workbook(out)["评估结果"]
    tall = 0
    for row in sheet.iter_rows(min_row=2):
        height = sheet.row_dimensions[row[0].row].height
        filled = [c for c in row if c.value is not None]
        if height is not None:
            tall += 1
            assert all(c.alignment.vertical == "top" for c in filled), [(c.coordinate, c.value) for c in filled]
        else:
            assert not any(c.alignment.vertical for c in filled)
    assert tall, "no tall row: the test shows nothing"


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
        lines = sum(max(1, -(-sum(2 if ord(ch) > 0x2E7F else 1 for ch in part) // excel_line(width)))
                    for part in text.split("\n"))
        height = about.row_dimensions[said.row].height
        if lines > 1:
            assert said.alignment.wrap_text and height is not None and height >= 15 * min(lines, 27), (text, height)
            tall += 1
        else:
            assert height is None, text
        assert sum(2 if ord(ch) > 0x2E7F else 1 for ch in label.value or "") <= about.column_dimensions["A"].width
    assert tall and any(c.value == "读取提示" for c in about["A"]), "no note longer than its column: the test shows nothing"


def test_the_results_print_two_pages_across_with_the_names_on_each(tmp_path: Path) -> None:
    """Without a page setup the results sheet printed on 18 portrait pages, two columns each; fitted to
    one page across, its 17 columns printed at some 43%, too small to read. It is now landscape A4,
    two pages across with 来源 and 企业名称 and the header on every page, printed across before down
    (a page's rows go on on the next sheet of paper), with gridlines to follow a row by; the errors
    sheet one page across; the about sheet portrait, one page across."""
    book = load_workbook(_park_results(tmp_path))
    for name, across, pages in (("评估结果", "landscape", 2), ("错误明细", "landscape", 1), ("说明", "portrait", 1)):
        sheet = book[name]
        setup = sheet.page_setup
        assert (setup.orientation, int(setup.paperSize), int(setup.fitToWidth), int(setup.fitToHeight)) == \
            (across, 9, pages, 0), name
        assert sheet.sheet_properties.pageSetUpPr.fitToPage, name
        assert sheet.print_title_rows == ("$1:$1" if across == "landscape" else None), name
        assert sheet.print_title_cols == ("$A:$B" if pages == 2 else None), name
        assert setup.pageOrder == ("overThenDown" if pages == 2 else None), name
        assert bool(sheet.print_options.gridLines) == (across == "landscape"), name


@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None,
                    reason="LibreOffice or pdftotext is not installed")
def test_the_results_workbook_prints_the_verdicts_then_the_notes_in_libreoffice(tmp_path: Path) -> None:
    """What a park prints: the workbook of a short list, converted by LibreOffice, is four pages (it was
    18): the results on two, the verdicts and 主要差距 on the first, the notes on the second, each with
    the companies' names; then the errors and the about sheet."""
    out = _park_results(tmp_path)
    done = subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to",
                           "pdf", "--outdir", str(tmp_path), str(out)], capture_output=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    text = subprocess.run(["pdftotext", "-layout", str(tmp_path / "结果.pdf"), "-"], capture_output=True, text=True,
                          timeout=60, check=True).stdout
    pages = text.split("\f")[:-1]
    assert len(pages) == 4, len(pages)
    first, second = pages[0], pages[1]
    assert "主要差距" in first and "专精特新中小企业" in first and "需核对的数据" not in first
    assert "需核对的数据" in second and "主要差距" not in second
    for page in (first, second):
        assert all(row[0] in page for row in ZH_ROWS), page
