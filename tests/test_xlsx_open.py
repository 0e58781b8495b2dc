"""Opening a workbook reads each sheet's size from its head (load.xlsx.open_book), not the whole sheet."""

from __future__ import annotations

import contextlib
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from openpyxl.worksheet._read_only import ReadOnlyWorksheet

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
