"""A park's sheet that states its money unit in a note under the list (注：金额单位为元, 说明：本表金额以元为单位)
is read in that unit, as one stating it above the list is: 9,000,000 was read as 9,000,000 万元 (900 亿).
Real files in (the workbook, and the CSV Excel saves of it), the results read back."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Border, Side
from tests.test_office_files import excel_csv
from tests.test_park_sheets import invoke, read_csv
from tests.test_sheet_headers import Rows, figures, results, write_both

HEADER = ["企业名称", "行业", "从业人员（上年末）", "营业收入（2025年）", "营业收入（2024年）", "研发费用（2025年）",
          "持有有效的创新型中小企业称号"]
YI = ["乙公司", "工业", 60, 9000000, 8000000, 500000, "是"]  # 900万 revenue, 50万 R&D, in 元


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
@pytest.mark.parametrize("notes", [[["注：金额单位为元"]],
                                   [["合计", "", 60, 9000000, 8000000, 500000, ""], [], ["填表人：李四"],
                                    ["说明：本表金额以元为单位，人数以人为单位。"]],
                                   [["金额单位：元"]]])
def test_a_unit_stated_under_the_list_converts_every_amount_with_a_notice(tmp_path: Path, kind: str,
                                                                           notes: Rows) -> None:
    """Under the list, 注：金额单位为元 (with a totals row and the 填表人 line between, or 金额单位：元 alone on
    its row) makes 9,000,000 900 万元: 乙 is not 专精特新, no amount is flagged as too large, the run says
    where the unit came from, and the note is no company."""
    sheet, book = write_both(tmp_path, [HEADER, YI, *notes])
    (yi,), said = results(book if kind == "xlsx" else sheet)
    assert figures(yi)["financials.2025.revenue"] == 900 and figures(yi)["financials.2025.rd_expense"] == 50
    assert yi["warnings"] == [] and yi["tiers"]["zjtx_sme"]["status"] == "unmet"
    at = "（第 3 行）" if kind == "xlsx" and len(notes) == 1 else "（第 6 行）" if kind == "xlsx" else ""
    assert f"表尾{at}写明金额单位为元，金额按元读入并换算成万元" in said, said


def test_a_unit_under_a_bordered_template_a_column_s_unit_and_one_in_wan_are_read_as_they_say(tmp_path: Path) -> None:
    """A template bordered down to row 8,000 (rows with formatted empty cells in the sheet's XML) still
    has its note read; a note naming one column's unit (研发费用以元为单位) is no unit of the sheet;
    注：金额单位为万元 changes nothing and says nothing."""
    book = Workbook()
    ws = book.active
    ws.title = "名单"
    for row in ([*HEADER], [*YI], ["注：金额单位为元"]):
        ws.append(row)
    thin = Side(style="thin")
    for number in range(4, 8001):
        for column in range(1, 8):
            ws.cell(number, column).border = Border(left=thin, right=thin, top=thin, bottom=thin)
    book.save(tmp_path / "边框.xlsx")
    (yi,), said = results(tmp_path / "边框.xlsx")
    assert figures(yi)["financials.2025.revenue"] == 900 and "表尾（第 3 行）写明金额单位为元" in said
    for note in ("注：研发费用以元为单位", "注：金额单位为万元"):
        _, book_path = write_both(tmp_path, [HEADER, ["乙公司", "工业", 60, 9000, 8000, 500, "是"], [note]])
        (yi,), said = results(book_path)
        assert figures(yi)["financials.2025.revenue"] == 9000 and "金额按" not in said, said


def test_a_note_that_contradicts_the_title_or_names_a_foreign_unit_stops_the_run_in_one_line(tmp_path: Path) -> None:
    """金额单位：元 above the list and 注：金额单位为万元 under it: which one the figures are in, nothing on the
    sheet says, and either reading is 10,000 times off the other; 万美元 under it cannot be converted.
    The run stops in one line naming both, before anything is written."""
    out = tmp_path / "out.csv"
    _, book = write_both(tmp_path, [["园区企业情况（金额单位：元）"], HEADER, YI, ["注：金额单位为万元"]])
    code, _, err = invoke("batch", str(book), "--lang", "zh", "-o", str(out))
    assert code == 2 and not out.exists() and err.count("\n") == 1, err
    assert "sheet.xlsx:名单 第 4 行：表尾写明全表金额单位为万元，表头上方（第 1 行）却写着元：请只保留数字实际所用的单位" in err
    _, book = write_both(tmp_path, [HEADER, YI, ["注：金额单位为万美元"]])
    code, _, err = invoke("batch", str(book), "--lang", "en", "-o", str(out))
    assert code == 2 and not out.exists() and err.count("\n") == 1, err
    assert "sheet.xlsx:名单:3: the lines under the list say the sheet's amounts are in 万美元" in err
    _, book = write_both(tmp_path, [HEADER, YI, ["注：金额单位为元"], ["以上金额单位：万元"]])
    code, _, err = invoke("batch", str(book), "--lang", "zh", "-o", str(out))
    assert code == 2 and "第 4 行：表尾写明全表金额单位为万元，表尾第 3 行却写着元" in err, err


@pytest.mark.parametrize("codec", ["gbk", "utf-8-sig", "utf-16"])
def test_the_end_of_a_long_csv_is_read_as_its_rows_a_note_of_several_lines_one_row(tmp_path: Path, codec: str) -> None:
    """A CSV far longer than what is read of its end, in each encoding Excel saves: its last rows come
    back as the reader reads them, a quoted note with line breaks in it one row, and its unit found."""
    from littlegiant.load.footers import footer_unit, text_tail_rows

    rows = [HEADER, *([f"企业{i:05d}有限公司", "工业", 60, 9000000, 8000000, 500000, "是"] for i in range(3000)),
            ["合计", "", "", 1, 2, 3, ""], ["注：\n1. 本表金额以元为单位；\n2. 人数以人为单位。"]]
    path = tmp_path / "名单.csv"
    path.write_bytes(excel_csv([[str(v) for v in row] for row in rows]).encode(codec))
    bom = {"gbk": 0, "utf-8-sig": 3, "utf-16": 2}[codec]
    with path.open("rb") as raw:
        raw.seek(100)
        tail = text_tail_rows(raw, {"gbk": "gb18030", "utf-8-sig": "utf-8", "utf-16": "utf-16-le"}[codec], bom, ",")
        assert raw.tell() == 100  # the reader reads on from where it was
    assert 100 < len(tail) < 3000 and [cells for _, cells in tail[-3:]] == [[str(v) for v in row] for row in rows[-3:]]
    found = footer_unit(tail, str(path))
    assert found is not None and (found.unit, found.line) == ("元", None)


def test_the_last_rows_of_a_workbook_of_many_blocks_are_read_from_its_scan(tmp_path: Path) -> None:
    """A sheet whose XML is read in many blocks (20,000 companies) gives its last rows from the pass over
    its XML the reader makes anyway, each by its row number."""
    from littlegiant.load.footers import footer_unit
    from littlegiant.load.xlsx import _scan, last_rows

    book = Workbook(write_only=True)
    ws = book.create_sheet("名单")
    ws.append(HEADER)
    for i in range(20000):
        ws.append([f"企业{i:05d}有限公司", "工业", 60, 9000000, 8000000, 500000, "是"])
    ws.append(["合计", None, None, 1, 2, 3])
    ws.append(["注：金额单位为元"])
    book.save(tmp_path / "大表.xlsx")
    read = load_workbook(tmp_path / "大表.xlsx", read_only=True, data_only=True)
    try:
        sheet = read["名单"]
        rows = last_rows(sheet, _scan(sheet))
    finally:
        read.close()
    assert rows[-1] == (20003, ["注：金额单位为元"]) and rows[-2] == (20002, ["合计", "", "", "1", "2", "3"])
    assert rows[-3] == (20001, ["企业19999有限公司", "工业", "60", "9000000", "8000000", "500000", "是"])
    found = footer_unit(rows, "大表.xlsx:名单")
    assert found is not None and (found.unit, found.line) == ("元", 20003)


def test_a_gbk_csv_s_notes_in_wan_read_as_before(tmp_path: Path) -> None:
    """Notes under a CSV's list in 万元 (以上金额单位：万元) change no figure: the companies read as typed."""
    src = tmp_path / "park.csv"
    src.write_bytes("企业名称,行业,从业人员,营业收入（2025年）\r\n甲公司,工业,120,8000\r\n合计,,120,8000\r\n"
                    "以上金额单位：万元,,,\r\n".encode("gbk"))
    code, _, err = invoke("batch", str(src), "-o", str(tmp_path / "out.csv"), "--lang", "zh")
    assert code == 0 and [r["企业名称"] for r in read_csv(tmp_path / "out.csv")] == ["甲公司"] and "金额按" not in err


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
@pytest.mark.parametrize("note", [["填表人：张三", "", "单位：元宝山区工业和信息化局"],  # a signature: 元宝山区 is a district
                                  ["注：营业收入单位：元"],  # one item's, not the sheet's
                                  ["注：注册资本单位：元，其余金额单位：万元"]])  # the sheet's is 万元
def test_a_line_under_the_list_naming_a_place_or_an_item_is_no_unit_of_the_sheet(tmp_path: Path, kind: str,
                                                                                 note: list[str]) -> None:
    """A review found each of these read as 「表尾写明金额单位为元」, every company's amounts divided by
    10,000 and every tier failed: a signature beginning 单位：元宝山区, a note of one item's unit, a note
    whose first unit is 注册资本's. None is the sheet's unit in 元."""
    row = ["乙公司", "工业", 60, 9000000, 8000000, 500000, "是"]
    sheet, book = write_both(tmp_path, [HEADER, row, note])
    (yi,), said = results(book if kind == "xlsx" else sheet)
    assert figures(yi)["financials.2025.revenue"] == 9000000 and "表尾写明" not in said, said


def test_a_csv_whose_lines_end_in_cr_alone_has_its_note_read(tmp_path: Path) -> None:
    """An old Mac Excel's "CSV (Macintosh)" ends its lines in CR: the note under the list was passed over
    as a note, its unit never read, and 9,000,000 元 read as 9,000,000 万元."""
    text = "\r".join([",".join(map(str, HEADER)), ",".join(map(str, YI)), "注：金额单位为元", ""])
    path = tmp_path / "mac.csv"
    path.write_bytes(text.encode("utf-8"))
    (yi,), said = results(path)
    assert figures(yi)["financials.2025.revenue"] == 900 and "表尾写明金额单位为元" in said, said


def test_a_group_title_naming_its_unit_mid_list_is_a_heading_not_a_footer(tmp_path: Path) -> None:
    """「第二批企业名单（金额单位：元）」 between two lists was said as 「第 3 行（表尾说明）」 once a unit alone on
    its row counted as a note under the list; it heads a group, as before."""
    sheet, _ = write_both(tmp_path, [HEADER, YI, ["第二批企业名单（金额单位：元）"],
                                     ["丙公司", "工业", 60, 9000, 8000, 500, "是"]])
    _, said = results(sheet)
    assert "第 3 行（分组标题行）" in said and "表尾说明" not in said, said


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
def test_both_readers_take_the_unit_under_the_list_by_one_sequence(tmp_path: Path, kind: str,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """The workbook's reader and the CSV's each wrote out the footer's steps (read the unit, refuse one
    that cannot hold, give it to the sheet, say so): both go through footers.SheetFooter now, the unit
    read before the sheet's header is checked and taken after, and the run says the same of either file."""
    from littlegiant.load import footers

    seen: list[tuple[str, str | None]] = []

    class Watched(footers.SheetFooter):
        def __init__(self, *args: Any) -> None:
            super().__init__(*args)
            seen.append(("read", self.unit.unit if self.unit is not None else None))

        def take(self, on_note: Any) -> None:
            super().take(on_note)
            seen.append(("taken", self.search.unit))

    monkeypatch.setattr(footers, "SheetFooter", Watched)
    sheet, book = write_both(tmp_path, [HEADER, YI, ["注：金额单位为元"]])
    (yi,), said = results(book if kind == "xlsx" else sheet)
    assert seen[-2:] == [("read", "元"), ("taken", "元")], seen  # (the headers, read first, read it too)
    assert figures(yi)["financials.2025.revenue"] == 900
    at = "（第 3 行）" if kind == "xlsx" else ""
    assert f"表尾{at}写明金额单位为元，金额按元读入并换算成万元" in said, said
