"""Opening a workbook reads each sheet's size from its head (load.xlsx.open_book), not the whole sheet."""

from __future__ import annotations

import contextlib
import re
import tracemalloc
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from openpyxl.worksheet._read_only import ReadOnlyWorksheet
from tests.test_cli_batch import batch, read_csv

from littlegiant.errors import InputError
from littlegiant.load.xlsx import count_rows, open_book, sheet_rows


def write_only_sheet(path: Path, rows: int) -> None:
    """A list as openpyxl's write-only mode saves it (our own results files, many generated lists):
    no <dimension> element in the sheet."""
    book = openpyxl.Workbook(write_only=True)
    ws = book.create_sheet("名单")
    ws.append(["企业名称", "营业收入（2025年）", "从业人员"])
    for i in range(rows):
        ws.append([f"企业{i}", 1000 + i, 50])
    book.save(path)


def traced(fn: Callable[[], Any]) -> tuple[Any, int]:
    """What ``fn`` gives, and the most memory it held at once."""
    tracemalloc.start()
    try:
        return fn(), tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_a_sheet_without_its_size_is_not_parsed_whole_on_opening(tmp_path: Path) -> None:
    """30,000 rows: openpyxl's own opening kept a shell a row while it looked for the size (MiBs);
    opening it here costs what its head does, and its rows read the same as openpyxl reads them."""
    path = tmp_path / "list.xlsx"
    write_only_sheet(path, 30_000)
    book, peak = traced(lambda: open_book(path))
    theirs, their_peak = traced(lambda: openpyxl.load_workbook(path, read_only=True))
    assert peak * 4 < their_peak, f"{peak / 1024:.0f} KiB to open the workbook, openpyxl {their_peak / 1024:.0f} KiB"
    try:
        ours = list(book.worksheets[0].iter_rows(values_only=True))
        assert ours == list(theirs.worksheets[0].iter_rows(values_only=True))
        assert len(ours) == 30_001 and ours[-1] == ("企业29999", 30999, 50)
        assert book.worksheets[0].max_row is None  # unsized, as openpyxl leaves it
    finally:
        book.close()
        theirs.close()


def test_a_sheet_stating_its_size_keeps_it(tmp_path: Path) -> None:
    """A sheet saved by Excel, WPS or openpyxl's normal mode states its size: the same size is read."""
    path = tmp_path / "sized.xlsx"
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["企业名称", "营业收入（2025年）"])
    for i in range(40):
        ws.append([f"企业{i}", i])
    ws["E45"] = "备注"
    book.save(path)
    opened = open_book(path)
    try:
        sheet = opened.worksheets[0]
        assert (sheet.min_row, sheet.min_column, sheet.max_row, sheet.max_column) == (1, 1, 45, 5)
    finally:
        opened.close()
    assert count_rows(path, None) == 44


def test_openpyxl_sizes_its_sheets_its_own_way_after_an_opening_even_a_failed_one(tmp_path: Path) -> None:
    """The head-only sizing holds only while open_book opens a workbook: another reader of
    openpyxl in the same process (a user's script around the API) meets openpyxl as it is."""
    own = ReadOnlyWorksheet._get_size
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(b"PK\x03\x04 not really a workbook")
    with pytest.raises(InputError):
        list(sheet_rows(bad, None, None))
    path = tmp_path / "list.xlsx"
    write_only_sheet(path, 3)
    open_book(path).close()
    assert ReadOnlyWorksheet._get_size is own


def test_workbooks_opened_from_two_threads_at_once_leave_openpyxl_as_it_was(tmp_path: Path,
                                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """A program around the API that opens two lists from two threads: each opening finds openpyxl's
    own sizing and puts it back, never the other's swap, whichever finishes first."""
    import threading
    import time

    own = ReadOnlyWorksheet._get_size
    path = tmp_path / "list.xlsx"
    write_only_sheet(path, 3)
    real, both = openpyxl.load_workbook, threading.Barrier(2, timeout=0.5)
    order: list[int] = []

    def slow(*args: Any, **kwargs: Any) -> Any:
        order.append(len(order))
        second = order[-1] == 1
        with contextlib.suppress(threading.BrokenBarrierError):
            both.wait()  # both openings under way at once, where nothing keeps them apart
        if second:
            time.sleep(0.2)  # the second to start finishes last
        return real(*args, **kwargs)

    monkeypatch.setattr(openpyxl, "load_workbook", slow)
    books: list[Any] = []
    threads = [threading.Thread(target=lambda: books.append(open_book(path))) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for book in books:
        assert len(list(book.worksheets[0].iter_rows(values_only=True))) == 4
        book.close()
    assert ReadOnlyWorksheet._get_size is own


def park_list(path: Path, top_left: str, rows: list[tuple[str, object, int]]) -> None:
    """A list saved by Excel's rules (openpyxl's normal mode: the sheet states its size), its header at ``top_left``."""
    book = openpyxl.Workbook()
    ws = book.active
    start = ws[top_left]
    for r, line in enumerate([("企业名称", "营业收入（2025年）", "从业人员"), *rows]):
        for c, value in enumerate(line):
            ws.cell(row=start.row + r, column=start.column + c, value=value)
    book.save(path)


def test_a_list_that_starts_below_and_right_of_a1_names_the_rows_excel_shows(tmp_path: Path) -> None:
    """A park's list with two blank rows and a blank column before it (header on B3): its companies
    are on rows 4 and 5 of the sheet, and the results and the error say so (they said 6 and 7)."""
    park_list(tmp_path / "名单.xlsx", "B3", [("甲公司", 1000, 50), ("乙公司", "abc", 60)])
    code, _ = batch("--output", str(tmp_path / "out.csv"), str(tmp_path / "名单.xlsx"))
    assert code == 1  # one row in error
    rows = read_csv(tmp_path / "out.csv")
    assert [(r["source"].rsplit(":", 1)[1], r["name"], r["status"]) for r in rows] == [
        ("4", "甲公司", "scored"), ("5", "乙公司", "error")]


def test_a_sheet_stating_too_small_a_size_is_read_to_its_last_row(tmp_path: Path) -> None:
    """Some exporters state A1 as the size of a full sheet; the rows are read as the sheet holds them,
    not refused as a sheet without companies."""
    path = tmp_path / "导出.xlsx"
    park_list(path, "A1", [(f"企业{i}", 1000 + i, 50) for i in range(3)])
    with zipfile.ZipFile(path) as src:
        parts = {name: src.read(name) for name in src.namelist()}
    sheet = next(n for n in parts if n.startswith("xl/worksheets/sheet"))
    assert b'<dimension ref="A1:C4"/>' in parts[sheet] or b'<dimension ref="A1:C4" />' in parts[sheet]
    parts[sheet] = re.sub(rb'<dimension ref="[^"]*" ?/>', b'<dimension ref="A1"/>', parts[sheet])
    with zipfile.ZipFile(path, "w") as out:
        for name, data in parts.items():
            out.writestr(name, data)
    code, _ = batch("--output", str(tmp_path / "out.csv"), str(path))
    assert code == 0
    assert [r["name"] for r in read_csv(tmp_path / "out.csv")] == ["企业0", "企业1", "企业2"]
