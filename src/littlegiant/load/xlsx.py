"""Excel workbooks in, streamed (openpyxl's read-only mode), so that a park's sheet of 100,000
companies costs no more memory than one of a thousand. (Workbooks out, in words, are
report/workbook.py.)

openpyxl is imported inside the functions, and this module only by the commands that meet an
.xlsx: start-up time stays what it was for everyone else.
"""

from __future__ import annotations

import functools
import io
import json
import math
import re
import threading
import unicodedata
from collections.abc import Callable, Iterator
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path
from typing import IO, Any, NamedTuple

from littlegiant import lazyre
from littlegiant.errors import InputError
from littlegiant.load.tabular import (
    CELL_TYPES,
    COLUMN_PLACES,
    CURRENCY_SIGNS,
    GUIDE_MARK,
    NOTE_LIST,
    SHEET_UNIT,
    HeaderSearch,
    add_note,
    cell_text,
    excel_number,
    notes_cell,
    read_twice,
    told_apart,
)
from littlegiant.messages import Text

Note = Callable[[str, dict[str, object]], None]
"""Told what the reader did that the user should know of: a message kind and its parameters."""


def open_book(path: Path | IO[bytes], data_only: bool = False) -> Any:
    """The workbook in openpyxl's read-only mode, each sheet's size read from the sheet's head.

    openpyxl looks for a sheet's <dimension> among the parser's end events, and <sheetData> ends
    after the last row: a sheet that states no size (openpyxl's own write-only sheets: our results
    files, many generated lists) was parsed whole once more on opening, a shell kept for every row
    (the run's peak memory grew by ~10 MiB at 100,000 rows, and each opening of it cost a full pass
    of its XML). The schema puts <dimension> before <sheetData>, so its start is where to stop."""
    from openpyxl import load_workbook
    from openpyxl.styles.stylesheet import Stylesheet
    from openpyxl.worksheet._read_only import ReadOnlyWorksheet

    _refuse_inflating(path)
    with _SWAPPING:
        numbers = getattr(Stylesheet, "_normalise_numbers", None)
        if numbers is not None:
            Stylesheet._normalise_numbers = _with_chinese_formats(numbers)
        own = getattr(ReadOnlyWorksheet, "_get_size", None)
        try:
            if own is None:  # an openpyxl that sizes its sheets otherwise: its way
                return load_workbook(path, read_only=True, data_only=data_only)
            ReadOnlyWorksheet._get_size = _size_from_head
            return load_workbook(path, read_only=True, data_only=data_only)
        finally:
            if own is not None:
                ReadOnlyWorksheet._get_size = own
            if numbers is not None:
                Stylesheet._normalise_numbers = numbers


CHINESE_FORMATS = {
    27: 'yyyy"年"m"月"', 28: 'm"月"d"日"', 29: 'm"月"d"日"', 30: "m-d-yy", 31: 'yyyy"年"m"月"d"日"',
    32: 'h"时"mm"分"', 33: 'h"时"mm"分"ss"秒"', 34: '上午/下午h"时"mm"分"', 35: '上午/下午h"时"mm"分"ss"秒"',
    36: 'yyyy"年"m"月"', 50: 'yyyy"年"m"月"', 51: 'm"月"d"日"', 52: 'yyyy"年"m"月"', 53: 'm"月"d"日"',
    54: 'm"月"d"日"', 55: '上午/下午h"时"mm"分"', 56: '上午/下午h"时"mm"分"ss"秒"', 57: 'yyyy"年"m"月"',
    58: 'm"月"d"日"'}
"""The number formats Excel builds in for a Chinese (zh-CN) system, by id (ECMA-376 Part 1, 18.8.30): a file
saved by Chinese Excel or WPS refers to them by id alone, and openpyxl knows only the ids every locale
shares. A day typed as 2025年12月31日 (id 31) was read as the number 46022: over 资产总额 and 营业收入 it named
no year and the figures under it went unread, and a park's 成立日期 came back as 42194."""


def _with_chinese_formats(numbers: Callable[[Any], None]) -> Callable[[Any], None]:
    """openpyxl's indexing of a stylesheet's number formats, told first the Chinese built-in formats the
    sheet's styles refer to by id alone (``CHINESE_FORMATS``), as the file's own formats: its days are
    then read as days, shown as the sheet shows them."""
    from openpyxl.styles.numbers import NumberFormat

    def indexed(sheet: Any) -> None:
        try:
            given = {n.numFmtId for n in sheet.numFmts.numFmt}
            for fid in sorted({style.numFmtId for style in sheet.cell_styles} - given):
                if fid in CHINESE_FORMATS:
                    sheet.numFmts.numFmt.append(NumberFormat(numFmtId=fid, formatCode=CHINESE_FORMATS[fid]))
        except AttributeError:  # an openpyxl that keeps its formats otherwise: its reading, as before
            pass
        numbers(sheet)

    return indexed


INFLATES_FROM = 16 << 20
"""A part of a workbook this large or larger (uncompressed) is refused past INFLATES_MOST times its
compressed size; a smaller one costs little however it is packed."""
INFLATES_MOST = 100
"""How many times its compressed size a large part may grow: the XML of real sheets grows 5 to 20
times (a 100,000-row park sheet, 121 MB, 9.4 times; 200,000 rows of the same 30 zeros, 16.7 times,
their cell references differing), runs of blanks or one text repeated about 1,000 times."""
WORKBOOK_BYTES_MOST = 4 << 30
"""The most a workbook's parts may hold together, uncompressed: a 100,000-row park sheet holds 121 MB,
Excel's 1,048,576 rows of such a sheet some 1.3 GB."""


def _refuse_inflating(path: Path | IO[bytes]) -> None:
    """InputError for a workbook whose parts would inflate past the limits above, from the sizes its
    zip directory states, before a byte is inflated: a 1.9 MB file holding 2 GB of blanks in a sheet
    took 39 s and 2 GB of memory, the XML reader keeping the blanks as one text. A part stating less
    than it holds is cut there by the zip reader, and then fails as a damaged file."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as archive:
            parts = archive.infolist()
    except Exception:  # not a zip (an .xls, a password's compound file): said when it is opened
        return
    total = sum(part.file_size for part in parts)
    if total > WORKBOOK_BYTES_MOST:
        raise InputError(kind="file.xlsx_too_big", params={"size": total, "most": WORKBOOK_BYTES_MOST}, file=str(path))
    for part in parts:
        if part.file_size >= INFLATES_FROM and part.file_size > INFLATES_MOST * part.compress_size:
            raise InputError(kind="file.xlsx_inflates", params={"packed": part.compress_size, "size": part.file_size,
                                                                 "most": INFLATES_MOST}, file=str(path))


_SWAPPING = threading.Lock()
"""One opening at a time swaps openpyxl's sizing: two threads of a program around the API, each
opening a workbook, would otherwise each restore what it found, the second the first's swap, and
openpyxl would size every later sheet the head-only way."""


def _size_from_head(ws: Any) -> None:
    """``ReadOnlyWorksheet._get_size`` reading no further than the start of the rows."""
    from openpyxl.worksheet._reader import DATA_TAG, DIMENSION_TAG
    from openpyxl.worksheet.dimensions import SheetDimension
    from openpyxl.xml.functions import iterparse

    src = ws._get_source()
    try:
        for _, element in iterparse(src, events=("start",)):
            if element.tag == DIMENSION_TAG:
                ws._min_column, ws._min_row, ws._max_column, ws._max_row = \
                    SheetDimension.from_tree(element).boundaries
                return
            if element.tag == DATA_TAG:
                return
    finally:
        src.close()


OLE_MARK = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
"""How an Office compound file begins: an old-style workbook (.xls), or one with an opening password."""


def _office_compound(path: Path) -> bool:
    """Whether the file is an Office compound file: a workbook with an opening password (Excel keeps it
    so, encrypted) or an old .xls renamed, which were told to be saved as .xlsx, as they already were."""
    try:
        with open(path, "rb") as handle:
            return handle.read(8) == OLE_MARK
    except OSError:
        return False


def sheet_rows(path: Path, sheet: str | None, known: Callable[[object], bool] | None,
               on_header: Callable[[str, list[str], int | None], None] | None = None, on_note: Note | None = None,
               headers_only: bool = False, meant: Callable[[object], bool] | None = None,
               used: Callable[[object], bool] | None = None, figure: Callable[[object], bool] | None = None,
               ) -> Iterator[tuple[str, dict[str, str] | InputError]]:
    """(source, cells by header) for every company row of the workbook's sheets, or of ``sheet``;
    (source, message) for a row or sheet that cannot be read as companies, so none goes missing.
    ``headers_only``: read each sheet only down to its header row (every header of a workbook is
    checked before its first row is scored). ``used``: whether a criterion reads a column's figures (a
    hidden one is said; else every hidden column ``known`` reads is). ``figure``: whether a column is a
    number field's (``_Merged``: merged over several companies, its one figure is none of theirs)."""
    try:
        book = open_book(path, data_only=True)
    except FileNotFoundError:
        raise InputError(kind="file.missing_any", file=str(path)) from None
    except InputError:
        raise
    except Exception:  # openpyxl raises zip, XML and key errors alike for what is not a workbook
        raise InputError(kind="file.locked_or_xls" if _office_compound(path) else "file.not_xlsx",
                         file=str(path)) from None
    try:
        names = book.sheetnames
        listed = Text("、".join(names), ", ".join(names))  # the sheets there are, said when one named is wrong
        if sheet is not None:
            if sheet not in names:
                raise InputError(kind="file.no_sheet", params={"sheet": sheet, "sheets": listed},
                                 file=str(path), field="--sheet")
            names = [sheet]
            on_header = _refusing_summary(path, sheet, listed, on_header)
            on_note = _refusing_notes(path, sheet, listed, on_note)
        tables = False  # whether a sheet of the workbook held a table of companies
        unnamed: list[str] = []  # sheets of a table with no company-name column (统计: 区域, 企业数, 合计)
        batch_own = _results_book(book, names) if sheet is None else ()
        own = (*batch_own, *_guide(book, names)) if sheet is None else ()  # the template's guide: passed over unsaid
        shown = [name for name in names if _tabled(book[name], sheet) and name not in own]
        if batch_own and on_note is not None:
            on_note("run.results_sheets", {"where": str(path), "sheets": Text("、".join(f"“{n}”" for n in batch_own),
                                                                              ", ".join(repr(n) for n in batch_own))})
        naming: dict[str, bool] = {}  # by sheet: whether its header names companies, found once
        yielded = False

        def names_companies(other: str) -> bool:
            if other not in naming:
                naming[other] = _names_companies(book[other], known, meant)
            return naming[other]

        for name in shown:
            def elsewhere(this: str = name) -> bool:
                return any(names_companies(other) for other in shown if other != this)

            for where, cells in _rows(book[name], f"{path}:{name}", known, on_header, on_note, headers_only, meant,
                                      None if sheet is not None or headers_only else unnamed.append,
                                      elsewhere if sheet is None and len(shown) > 1 else None, used=used,
                                      figure=figure):
                tables = tables or not isinstance(cells, InputError)
                if sheet is not None and isinstance(cells, InputError) and cells.kind == "sheet.no_header":
                    # the sheet the user named holds no table: the run stops, as for a summary named so,
                    # rather than writing a results file of one error row
                    raise InputError(kind="sheet.no_header_named", params={"sheet": sheet, "sheets": listed},
                                     file=str(path), field="--sheet")
                yielded = True
                yield where, cells
        if sheet is not None and not yielded and _empty(book[sheet]):
            # nothing at all on the sheet named: said so, with the sheets there are, rather than
            # "no company rows (the file is empty …)" of a file that is not
            raise InputError(kind="sheet.empty_named", params={"sheet": sheet, "sheets": listed}, file=str(path),
                             field="--sheet")
        if sheet is None and not headers_only and on_note is not None:
            for name in names:
                if name not in shown and name not in own and hasattr(book[name], "iter_rows") and names_companies(name):
                    # a list hidden in Excel (put away, not deleted): passed over as the choices sheet
                    # of a template is, but said, or its companies went missing without a word
                    on_note("run.hidden_sheet", {"where": f"{path}:{name}", "sheet": name})
        for where in unnamed:  # beside a list of companies, a summary sheet is passed over, and said;
            if tables and on_note is not None:  # alone, it is refused (and so is one named by --sheet)
                on_note("run.summary_sheet", {"where": where})
            else:
                yield where, InputError(kind="sheet.no_header")
    finally:
        book.close()


def _results_book(book: Any, names: list[str]) -> tuple[str, ...]:
    """The errors and about sheets of a workbook batch wrote (its three sheets, named in one language, the
    results sheet headed by its source column), else (): read as lists beside its results sheet (given
    back with a column of figures added), the about sheet's text was taken for a header and the run
    stopped on a column it named. A park's workbook whose sheets bear those names is read whole."""
    from littlegiant.i18n import MESSAGES

    for lang in ("zh", "en"):
        results, errors, about = (MESSAGES[f"xlsx.{k}"][lang] for k in ("results", "errors", "about"))
        if results in names and errors in names and about in names and hasattr(book[results], "iter_rows"):
            try:
                first = next(_until_unreadable(book[results].iter_rows(max_row=1, max_col=1, values_only=True)), (None,))
            except _Unreadable:  # a damaged first row: not ours; read as a list, the sheet says so as its error
                return ()
            if first and first[0] == MESSAGES["xlsx.source"][lang]:
                return errors, about
    return ()


def _guide(book: Any, names: list[str]) -> tuple[str, ...]:
    """The template's own 填写说明 sheet (named and headed GUIDE_MARK), else (): read as a list, its table of
    columns and what to fill in them was a sheet of notes, passed over with a word on every run."""
    for name in names:
        if name in GUIDE_MARK.values() and hasattr(book[name], "iter_rows"):
            try:
                first = next(_until_unreadable(book[name].iter_rows(max_row=1, max_col=1, values_only=True)), (None,))
            except _Unreadable:
                return ()
            if first and first[0] == name:
                return (name,)
    return ()


def _tabled(ws: Any, sheet: str | None) -> bool:
    """Whether a sheet is read for companies: a chart sheet has no cells, and a hidden sheet holds lists
    or workings, not companies (unless named by --sheet)."""
    return hasattr(ws, "iter_rows") and (sheet is not None or ws.sheet_state == "visible")


def _names_companies(ws: Any, known: Callable[[object], bool] | None, meant: Callable[[object], bool] | None) -> bool:
    """Whether a sheet's header, once found, has a column naming its companies (``_rows``, down to it)."""
    found: list[list[str]] = []
    for _ in _rows(ws, "", known, lambda _, header, __: found.append(header), headers_only=True, meant=meant):
        pass
    return any(_company_column(header) for header in found)


def _company_column(header: list[str]) -> bool:
    """Whether a header has a column that tells its rows' companies apart: a name, or a 统一社会信用代码."""
    from littlegiant.load.tabular import tells_companies_apart

    return any(tells_companies_apart(h) for h in header if h)


def _empty(ws: Any) -> bool:
    """Whether a sheet has no cell with anything in it (a chart sheet has no cells at all)."""
    if not hasattr(ws, "iter_rows"):
        return True
    try:
        return not any(v is not None and str(v).strip() for row in _until_unreadable(ws.iter_rows(values_only=True))
                       for v in row)
    except _Unreadable:  # a cell openpyxl cannot read: something is there
        return False


def _refusing_notes(path: Path, sheet: str, sheets: Text, on_note: Note | None) -> Note:
    """``on_note`` for the sheet named by --sheet, refusing it when it holds notes and no table (a 说明
    sheet of text lines): "passed over" was said of it, then the run failed for a file with no company
    rows, naming neither the sheet nor the sheets there are."""
    def told(kind: str, params: dict[str, object]) -> None:
        if kind == "run.notes_sheet":
            raise InputError(kind="sheet.notes_named", params={"sheet": sheet, "sheets": sheets}, file=str(path),
                             field="--sheet")
        if on_note is not None:
            on_note(kind, params)
    return told


def _refusing_summary(path: Path, sheet: str, sheets: Text,
                      on_header: Callable[[str, list[str], int | None], None] | None,
                      ) -> Callable[[str, list[str], int | None], None]:
    """``on_header`` for the sheet named by --sheet, refusing it when its header names no company but
    counts them (按行业汇总: 所属行业 | 企业数 | 营业收入): each of its rows scored was a nameless company
    with a group's summed figures, which a park took for results, where it had meant the list."""
    from littlegiant.load.tabular import counts_companies

    def told(where: str, header: list[str], year: int | None) -> None:
        counted = [h for h in header if h and counts_companies(h)]
        if counted and not _company_column(header):
            raise InputError(kind="sheet.summary_named", params={"sheet": sheet, "column": counted[0],
                                                                 "sheets": sheets},
                             file=str(path), field="--sheet")
        if on_header is not None:
            on_header(where, header, year)
    return told


def count_rows(path: Path, sheet: str | None, known: Callable[[object], bool] | None = None) -> int | None:
    """The rows under the header the workbook's sheets say they hold (their stored dimensions), the
    header found among the top rows by ``known`` as the reader finds it (else the first row), and a
    row of the columns' units under it left out: a park's title and units rows counted as companies
    showed 192/3001 where the run read 3,000. None when a sheet states no size (a streaming
    exporter's, with no <dimension>): not known, where 0 is a sheet with nothing under its header.
    Counted as 0, such a sheet beside one of 300 rows gave the bar a total of 300 where the run read
    600. Only a regular file is opened (``open_regular``): a FIFO named .xlsx is refused, not waited on."""
    counts = _sheet_counts(path, sheet, known)
    return None if counts is None else sum(counts.values())


def joined_extra(path: Path, known: Callable[[object], bool] | None = None) -> int:
    """The rows of a workbook kept a sheet a year that are more than its companies, about (each company has a
    row on each year's sheet: those sheets' rows less the longest's), for a progress bar's total of companies.
    Only sheets whose names state a year are counted; 0 when the sizes are not stated."""
    from littlegiant.load.tabular import stated_year, year_named

    counts = _sheet_counts(path, None, known) or {}
    years = [n for name, n in counts.items() if stated_year([year_named(name)]) is not None]
    return sum(years) - max(years) if len(years) > 1 else 0


def _sheet_counts(path: Path, sheet: str | None, known: Callable[[object], bool] | None) -> dict[str, int] | None:
    """``count_rows`` by sheet name."""
    from littlegiant.load.fileio import open_regular

    with open_regular(path) as handle:
        try:
            book = open_book(handle)
        except InputError as exc:  # said of the file, not of its handle
            raise exc.moved(file=str(path)) from None
        except Exception:
            raise InputError(kind="file.not_workbook", file=str(path)) from None
        try:
            counts: dict[str, int] = {}
            # the sheets the reader passes over (a template's 填写说明 and its hidden 选项, the errors and about
            # sheets of a results workbook) hold no companies: counted, a filled-in template of 101 companies
            # showed 101/226 (found trying the tool as park staff)
            own = () if sheet is not None else (*_guide(book, book.sheetnames), *_results_book(book, book.sheetnames))
            for name in book.sheetnames:
                ws = book[name]
                if (sheet is not None and name != sheet) or not _tabled(ws, sheet) or name in own:
                    continue
                if ws.max_row is None:
                    return None
                counts[name] = max(ws.max_row - _header_line(ws, known), 0)
            return counts
        finally:
            book.close()


def _header_line(ws: Any, known: Callable[[object], bool] | None) -> int:
    """The last row above a sheet's companies: its header's, or the units row under it (人 | 万元),
    searched among its first rows; 1 when not found there."""
    from littlegiant.load.tabular import HEADER_SEARCH_ROWS, template_row, units_under

    if known is None:
        return 1
    search = HeaderSearch(known)
    first = ws.min_row or 1  # the stated first row; the rows themselves are read, and numbered, from row 1
    rows = ws.iter_rows(max_row=first + HEADER_SEARCH_ROWS, values_only=True)
    for number, row in enumerate(readable(rows), 1):  # a damaged sheet: said, with its cell, when it is read
        values = [cell_text(v) for v in row]
        try:
            taken = search.take(number, values) if any(v.strip() for v in values) else True
        except InputError:  # a row too wide: said, with its sheet, when the sheet is read
            return 1
        if not taken:
            lead = next((v.strip() for v in values if v.strip()), "")
            if search.header is not None and template_row(lead):  # the template's notes row (填写说明（本行不计入）),
                return number  # which no run reads as a company: counted, a filled-in template of 1 showed 1/2
            try:
                units = search.header is not None and units_under(search.header, values, "", number) is not None
            except InputError:  # a units row the reader refuses: said when the sheet is read
                units = False
            return number if units else search.line or 1
    return 1


def _cell(cell: Any) -> str:
    """A number cell's value as the text Excel shows, as typed text would be read: the same figure
    typed or formatted must not be read two ways (found by QA, each a verdict on the wrong figure).

    A number shown as a percentage (12.5% typed into Excel is stored as 0.125) is given as shown,
    12.5%: read as 0.125 it was 0.125%, and without its sign 0.5% was warned of as a fraction that may
    mean 50%. A number shown with ¥ (a currency or accounting format) is given with its sign, as typed
    text is: ¥ gives way to a unit the column or the sheet names, else it is 元 (answers.CURRENCY).
    Read as a bare number, ¥80,000,000.00 in a column named without a unit was 8,000亿, where the same
    text typed into a cell was 8,000万 (found by QA). $ € £ are given too, and refused as foreign.

    A unit the format writes as text (#,##0"元" shows 10,000,000元; 0.00"亿元", #,##0" USD", 0"人") is
    given where the format puts it, so that 10,000,000元 is 1,000万元 and 1,000美元 is refused as
    foreign, as typed; read bare, they were 1,000万万元 and 1,000万元 人民币. Any other text so shown
    (5,000件 for an amount) is given too, and the reader refuses what it cannot read, quoting it as
    shown, rather than reading the bare number in another unit than the one on the screen. Excel's
    thousands scaling (#,##0,"千元" shows 5,000,000 as 5,000千元) is applied, as the screen shows it,
    and so is a point written as text among the digits (0!.0,"万" shows 80,000,000 as 8000.0万):
    a park keeping amounts in 元 and showing them in 万 so had every amount read ten times over.

    A whole number under a format of zeros alone (000) is given padded as shown (001): a 序号 so kept
    came back 1 beside its result. A day shown in Chinese (yyyy"年"m"月"d"日", which Chinese Excel makes
    of 2025年12月31日 typed into a header over 资产总额 and 营业收入) is given as shown (``_day_shown``).

    The figure is kept whole, not rounded to the digits shown (5,123,456 under #,##0,"千元" is
    5,123.456千元). A format whose text cannot be told so (text other than a point among the digits, a
    condition sending the figure to a section showing it otherwise) gives the number with its format,
    which a column the rules read refuses, quoting both, rather than a figure the screen does not show."""
    value = cell.value
    if type(value) not in (float, int):
        if type(value) in (datetime, date) and ("年" in (cell.number_format or "") or _no_day(cell.number_format)):
            return _day_shown(value, cell.number_format)
        return cell_text(value)
    shown = cell.number_format or ""
    if shown == "General":  # most cells: no format to read
        return cell_text(value)
    width = _zero_padded(shown)
    if width and value >= 0 and (whole := _decimal(value)) == whole.to_integral_value():
        return str(int(whole)).zfill(width)  # by the 15 digits Excel shows, as a code kept as a number is read
    form = _shown_by(shown, value)
    if form is None:
        return cell_text(value)
    if form.unsure:  # zero apart: nothing a format shows makes it another figure
        return f"{cell_text(value)} [{shown}]" if value else cell_text(value)
    if not (form.percent or form.divisor != 1):
        return form.before + cell_text(value) + form.after
    from littlegiant.load.profile import plain_number

    number = _decimal(value)
    if form.percent:
        return plain_number(number * 100) + "%"
    return form.before + plain_number(number / form.divisor) + form.after


_DAY_PARTS = lazyre.compile(r'"([^"]*)"|\\(.)|(y+|m+|d+)|(.)', re.IGNORECASE)
"""A day format's pieces: quoted text, an escaped character, a run of y, m or d, any other character."""


@functools.lru_cache(maxsize=64)
def _no_day(shown: str | None) -> bool:
    """Whether a day's format shows its year, or year and month, and no day (yyyy, yyyy-mm, yyyy/m): a park's
    成立年份 or 入园年月 so kept came back 2015-01-01, a day it never typed, in a CSV of the results."""
    bare = _QUOTED_PARTS.sub("", (shown or "").split(";")[0]).lower()
    return "y" in bare and not re.search(r"[dhs]", bare) and not re.search(r"m{3,}", bare)


_QUOTED_PARTS = lazyre.compile(r'"[^"]*"|\\.|\[[^\]]*\]')


def _day_shown(day: date, shown: str) -> str:
    """A day as a format writing 年 shows it (2025年12月31日, 2025年12月, 2025年; mm and dd with a leading 0),
    its first section's year, month and day only. Given as 2025-12-31, a park's header 2025年12月31日 over
    营业收入 and 研发费用, made a day by Chinese Excel as it was typed, named no year: the row under it was
    read as a company (an error row named 营业收入), and every company's figures under it were not read.
    A format with a time (h, s) gives the day as before."""
    section = shown.split(";")[0]
    section = re.sub(r"\[[^\]]*\]", "", section)  # [$-804], [DBNum1]: a locale, no text of its own
    if re.search(r"[hs]", re.sub(r'"[^"]*"', "", section), re.IGNORECASE):
        return cell_text(day)
    out: list[str] = []
    for quoted, escaped, code, other in _DAY_PARTS.findall(section):
        if code:
            kind, width = code[0].lower(), len(code)
            number = day.year if kind == "y" else day.month if kind == "m" else day.day
            if kind == "y":
                out.append(str(number) if width > 2 else f"{number % 100:02d}")
            elif width > 2:  # mmm, ddd: a month or weekday by name, which Chinese formats do not use
                return cell_text(day)
            else:
                out.append(f"{number:0{width}d}")
        else:
            out.append(quoted or escaped or other)
    return "".join(out)


@functools.lru_cache(maxsize=64)
def _zero_padded(shown: str) -> int:
    """How many digits a format of zeros alone (000, 0000) pads a whole number to, as Excel shows it:
    序号 1 shown 001; 0 for any other format. Read as 1, a park's 001 came back 1 beside its result,
    and the results no longer matched its master list by 序号."""
    return len(shown) if len(shown) > 1 and shown.count("0") == len(shown) else 0


class _Format(NamedTuple):
    """What a number format's section does to the text of a number: shown as a percentage, divided
    (each thousands comma after the digits by 1,000, a point written as text among them by ten for each
    digit after it), with text (a sign, a unit) before and after it; ``unsure``: shown in a way not
    worked out here (text among the digits), so no figure is taken from it."""

    percent: bool
    divisor: int
    before: str
    after: str
    unsure: bool = False


_UNSURE = _Format(False, 1, "", "", True)


def _decimal(value: float | int) -> Decimal:
    """A number cell's value as the figure Excel shows (a float by its 15 digits)."""
    return Decimal(excel_number(value) if type(value) is float else value)


def _shown_by(shown: str, value: float | int) -> _Format | None:
    """The _Format of the section of ``shown`` Excel shows ``value`` by. Without conditions, the first
    (negative amounts and zero are refused or read alike by it); with them ([>=10000]0!.0,"万";0), the
    section whose condition holds, else the one without: a figure sent to a section that shows it other
    than the first does (5,000 shown bare beside amounts shown in 万) is in a unit the sheet does not
    say, and is not taken, zero apart."""
    sections = _sections(shown)
    first = _format(sections[0][1])
    if sections[0][0] is None:
        return first
    number = _decimal(value)
    for condition, section in sections:
        if condition is None or _holds(condition, number):
            form = _format(section)
            return form if form == first or not number else _UNSURE
    return _UNSURE  # no section for it: Excel shows ####


@functools.lru_cache(maxsize=256)
def _sections(shown: str) -> tuple[tuple[tuple[str, Decimal] | None, str], ...]:
    """A number format's sections for numbers (the fourth is for text), each with its condition
    ([>=10000]: (">=", 10000)), cut at the semicolons that are not quoted or escaped."""
    cut: list[str] = []
    start = i = 0
    while i < len(shown):
        ch = shown[i]
        if ch == '"':
            end = shown.find('"', i + 1)
            i = len(shown) if end < 0 else end + 1
            continue
        if ch in "\\!_*":  # the next character is text, or what _ and * pad with
            i += 2
            continue
        if ch == ";":
            cut.append(shown[start:i])
            start = i + 1
        i += 1
    cut.append(shown[start:])
    out = []
    for section in cut[:3]:
        found = _CONDITION.search(section)
        out.append(((found.group(1), Decimal(found.group(2))) if found is not None else None, section))
    return tuple(out)


_CONDITION = lazyre.compile(r"\[(<=|>=|<>|<|>|=)\s*(-?[0-9]{1,20}(?:\.[0-9]{1,20})?)\]")


def _holds(condition: tuple[str, Decimal], number: Decimal) -> bool:
    """Whether ``number`` meets a section's condition."""
    op, bound = condition
    return {"<": number < bound, ">": number > bound, "=": number == bound, "<=": number <= bound,
            ">=": number >= bound, "<>": number != bound}[op]


@functools.lru_cache(maxsize=256)
def _format(section: str) -> _Format | None:
    """``section``'s _Format, None when it shows the number as it is (a workbook has a few formats, its
    cells many: each is read once)."""
    parts = _format_parts(section)
    code = parts.code
    point = _literal_point(parts)
    if point is None:
        return _UNSURE
    if "%" in code:  # a point among a percentage's digits (0!.0%): not worked out
        return _Format(True, 1, "", "") if not point else _UNSURE
    sign = _currency_sign(section) if any(c in section for c in CURRENCY_SIGNS) else ""
    # #,##0, and #,##0.0, alike: the commas after the last digit, whole or decimal, scale by thousands
    scaled = _THOUSANDS_SCALE.search(code) if "e" not in code.lower() else None
    scale = len(scaled.group(1)) if scaled is not None else 0
    if not (sign or parts.before or parts.after or scale or point):
        return None
    return _Format(False, 1000 ** scale * 10 ** point, sign + parts.before, parts.after)


def _literal_point(parts: _Parts) -> int | None:
    """How many digits a point written as text among a format's whole-number digits puts after it
    (0!.0 and 0"."0000 show 80000 as 8000.0 and 8.0000: 1 and 4), 0 for none; None when the text among
    the digits is anything else than one such point or separators (spaces, commas: 0\\ 000 shows the
    figure's digits as they are), which is not worked out here."""
    shift = 0
    marks = [i for i, ch in enumerate(parts.code) if ch == _TEXT_MARK]
    for text, at in zip(parts.inside, marks, strict=True):
        if not text.strip(" ,'\u00a0\u2019"):
            continue
        rest = parts.code[at + 1:]
        if text != "." or shift or "." in parts.code or "e" in rest.lower():
            return None
        shift = sum(ch in "0#?" for ch in rest)
    return shift


_THOUSANDS_SCALE = lazyre.compile(r"[0#?](,+)[^0#?]*$")
"""Commas after a format's last digit: each shows the number in thousands."""
_SIGNS = lazyre.compile(rf"[{CURRENCY_SIGNS}\s]")


_GENERAL = lazyre.compile(r"general|G/[\u4e00-\u9fff]+", re.IGNORECASE)
_TEXT_MARK = "\x00"
"""Where a piece of text stands among a format's digits, in its codes (``_Parts``)."""


class _Parts(NamedTuple):
    """A number format section's codes, each piece of text among its digits marked by _TEXT_MARK; the
    text shown before and after the number; and the pieces among the digits, in order."""

    code: str
    before: str
    after: str
    inside: tuple[str, ...]


def _format_parts(shown: str) -> _Parts:
    """A number format's first section (for numbers above zero, and for all when it is the only one)
    as its codes and the text it shows before, among and after the digits: quoted ("元"), escaped (\\元,
    !元) or bare Chinese characters. Currency signs and spaces are left out of the text before and after
    (``_currency_sign`` gives the sign), as are the characters _ and * pad with, and [tags] but a
    currency's ([$USD-409]). Text among the digits is kept apart (0!.0 shows 80000 as 8000.0): taken
    for text after the number, it was lost, and the point with it."""
    code: list[str] = []
    before: list[str] = []
    pending: list[str] = []  # text after a digit: the number's, or among its digits if another follows
    inside: list[str] = []
    started = False

    def text(piece: str) -> None:
        (pending if started else before).append(piece)

    i = 0
    while i < len(shown):
        ch = shown[i]
        if ch == ";":
            break
        if ch == '"':
            end = shown.find('"', i + 1)
            end = len(shown) if end < 0 else end
            text(shown[i + 1:end])
            i = end + 1
            continue
        if ch in "\\!" and i + 1 < len(shown):
            text(shown[i + 1])
            i += 2
            continue
        if ch in "_*":
            i += 2
            continue
        if ch == "[":  # a colour, a condition, or [$USD-409]: its symbol is shown
            end = shown.find("]", i)
            tag = _LOCALE_TAG.match(shown, i)
            if tag is not None:
                text(tag.group(1))
            i = len(shown) if end < 0 else end + 1
            continue
        general = _GENERAL.match(shown, i)  # General, or as a Chinese Excel may store it, G/通用格式
        if general is not None:
            code.append("0")
            started = True
            i = general.end()
            continue
        if "\u4e00" <= ch <= "\u9fff":
            text(ch)
        else:
            if ch in "0#?" and pending:
                inside.extend(pending)
                code.append(_TEXT_MARK * len(pending))
                pending.clear()
            code.append(ch)
            started = started or ch in "0#?@"
        i += 1
    shown_before, shown_after = (_SIGNS.sub("", "".join(part)) for part in (before, pending))
    return _Parts("".join(code), shown_before, shown_after, tuple(inside))


_LOCALE_TAG = lazyre.compile(r"\[\$([^\]-]*)(?:-[0-9A-Fa-f]+)?\]")
"""A number format's [$symbol-locale] tag: [$¥-804] (yuan), [$€-2] (euro), [$-804] (a locale, no symbol)."""


def _currency_sign(shown: str) -> str:
    """The currency sign a number format shows: ¥ (a 人民币 amount, read as typed text with ¥ is), a
    foreign one ($, €, £: refused as such, as the same text typed is, where it was read in the
    column's unit as if it were 人民币), or "" for none."""
    signs = "".join(_LOCALE_TAG.findall(shown)) + _LOCALE_TAG.sub("", shown)
    for foreign in ("$", "€", "£"):
        if foreign in signs:
            return foreign
    return "¥" if "¥" in signs or "￥" in signs else ""


_MERGE = lazyre.compile(rb'<(?:\w+:)?mergeCell\s+ref="([A-Z]{1,3})(\d{1,7}):([A-Z]{1,3})(\d{1,7})"')
_FORMULA_ONLY = lazyre.compile(
    rb'<(?:\w+:)?c\s+r="([A-Z]{1,3})(\d{1,7})"(?![^>]*\bt="str")[^>]*>\s*<(?:\w+:)?f\b[^>]*(?:/>|>[^<]{0,8192}</(?:\w+:)?f>)\s*'
    rb'(?:<(?:\w+:)?v\s*/>|<(?:\w+:)?v>\s*</(?:\w+:)?v>)?\s*</(?:\w+:)?c>')
"""A cell holding a formula and no saved result (a workbook written by a script, never opened in
Excel): read-only data_only mode gives None, as for an empty cell. Not a t="str" cell: Excel saves
a formula whose result is an empty text (=IF(A2="","",…)) with an empty value."""
_FILTERED = lazyre.compile(
    rb'<(?:\w+:)?sheetPr\b[^>]*\bfilterMode="(?:1|true)"|<(?:\w+:)?autoFilter\b[^>]*[^/]>\s*<(?:\w+:)?filterColumn\b')
"""A sheet with a filter on: filtering (sheetPr's filterMode), or an autofilter with a column's criteria
(Excel writes both; openpyxl the second alone). An autofilter's buttons with nothing chosen hide nothing."""
MERGES_MOST = 100_000
"""Merged ranges read from one sheet (a real sheet has a few dozen; past this the rest are not filled)."""


class _Scan:
    """What read-only mode does not give, from one pass over a sheet's XML: the merged ranges
    spanning more than one row, by their top row [(first column, last row)] (a value merged over
    several companies' rows belongs to each of them), the cells with a formula but no saved
    result, by row [column] (a figure that is there but not computed must not pass as blank), and
    the XML of its last rows (``_LastRows``), where a note under the list may state the sheet's unit."""

    def __init__(self) -> None:
        self.merges: dict[int, list[tuple[int, int]]] = {}
        self.across: dict[int, dict[int, int]] = {}  # by top row: first column → last, of merges over columns
        self.unsaved: dict[int, list[int]] = {}
        self.last = _LastRows()
        self.filtered = False  # a filter on (its rows filtered out are hidden rows, said as such)


LAST_ROWS_BYTES = 256 << 10
"""How much of a sheet's XML, up to the end of its last row holding a value, is read for the notes
under its list (footers.py): some hundreds of rows, whatever the sheet's size."""
_VALUE_ENDS = (b"</v>", b"</t>", b":v>", b":t>")
"""How a cell's value (<v>, or an inline text's <t>) ends in a sheet's XML, with or without a prefix."""
_ROOT = lazyre.compile(rb"<((?:\w+:)?worksheet)\b[^>]*>")
_ROW_START = lazyre.compile(rb"<(?:\w+:)?row[\s>/]")


class _LastRows:
    """The blocks of a sheet's XML around its last value, kept as ``_scan`` reads it (three blocks at
    most: the one holding the last value, the one before it, the one after, where its row may end),
    and the sheet's root tag, which declares the names the rows are in. The rows formatted but empty
    that Excel writes under a bordered template (thousands of them) are passed over."""

    def __init__(self) -> None:
        self.root = b""
        self._kept: tuple[bytes, bytes, bytes] = (b"", b"", b"")
        self._previous = b""
        self._after = False  # whether the next block is the one after the last holding a value

    def feed(self, block: bytes) -> None:
        if not self.root and not self._previous:
            found = _ROOT.search(block)
            self.root = found.group(0) if found is not None else b""
        if self._after:
            self._kept, self._after = (self._kept[0], self._kept[1], block), False
        seam = self._previous[-4:] + block  # a value's end cut between two blocks
        if any(end in seam for end in _VALUE_ENDS):
            self._kept, self._after = (self._previous, block, b""), True
        self._previous = block

    def xml(self) -> bytes | None:
        """A worksheet of the sheet's last rows up to its last one holding a value, to parse as the
        sheet is parsed; None when there is none (or no root tag to put them in)."""
        found = _ROOT.match(self.root)
        if found is None:
            return None
        text = b"".join(self._kept)
        last = max(text.rfind(end) for end in _VALUE_ENDS)
        end = text.find(b"row>", last) if last >= 0 else -1  # </row> or </x:row>: rows do not nest
        if end < 0:
            return None
        text = text[max(end + 4 - LAST_ROWS_BYTES, 0):end + 4]
        start = _ROW_START.search(text)
        if start is None:
            return None
        return self.root + text[start.start():] + b"</" + found.group(1) + b">"


def last_rows(ws: Any, scan: _Scan) -> list[tuple[int | None, list[str]]]:
    """The sheet's last rows up to its last one holding a value, each by its number (None where the
    sheet's rows state none) and its cells' text, from ``scan``: the rows of a sheet are streamed,
    and what a note under them says of the whole sheet must be known before the first is read. []
    where they cannot be read: the sheet's reading says what is wrong with it."""
    from openpyxl.worksheet._reader import WorkSheetParser

    xml = scan.last.xml()
    if xml is None:
        return []
    numbered = re.search(rb'<(?:\w+:)?row\b[^>]*\br="', xml) is not None
    book = ws.parent
    out: list[tuple[int | None, list[str]]] = []
    try:
        parser = WorkSheetParser(io.BytesIO(xml), ws._shared_strings, data_only=True, epoch=book.epoch,
                                 date_formats=book._date_formats, timedelta_formats=book._timedelta_formats)
        for number, cells in parser.parse():
            values = [""] * max((cell["column"] for cell in cells), default=0)
            for cell in cells:
                values[cell["column"] - 1] = cell_text(cell["value"])
            out.append((number if numbered else None, values))
    except Exception:  # a damaged sheet, said when it is read; a shared text the file does not have
        return []
    return out


COMMENT_MOST = 1 << 20
"""The longest XML comment a sheet may hold: Excel writes none. The XML reader keeps a comment whole
and looks through it again at each piece it is given, so a 618 KB workbook holding 60 MB of comment
took over a minute, 600 MB hours."""


class _Comments:
    """How long the comment a sheet's XML is in has run, fed the XML a block at a time; InputError
    past COMMENT_MOST (a file crafted to stall the reader, or broken)."""

    def __init__(self) -> None:
        self.inside, self.run, self.tail = False, 0, b""

    def feed(self, block: bytes) -> None:
        text, at = self.tail + block, 0
        while True:
            if not self.inside:
                start = text.find(b"<!--", at)
                if start < 0:
                    break
                self.inside, self.run, at = True, 0, start + 4
            end = text.find(b"-->", at)
            self.run += (end if end >= 0 else len(text)) - at
            if self.run > COMMENT_MOST:
                raise InputError(kind="file.xml_comment", params={"most": COMMENT_MOST >> 20})
            if end < 0:
                break
            self.inside, at = False, end + 3
        self.tail = text[-3:]
        if self.inside:  # the tail's bytes are counted once: a boundary inside "-->" is found in the next block
            self.run -= len(self.tail)


def _scan(ws: Any) -> _Scan:
    from openpyxl.utils import column_index_from_string

    out = _Scan()
    try:
        source = ws._get_source()
    except Exception:  # no XML to scan (not a file-backed sheet): nothing merged is known
        return out
    found = 0
    comment = _Comments()
    with source:
        tail = b""
        while block := source.read(1 << 20):
            comment.feed(block)
            out.last.feed(block)
            text = tail + block
            end = 0
            for m in _MERGE.finditer(text) if found < MERGES_MOST else ():
                end = max(end, m.end())
                top, bottom = int(m.group(2)), int(m.group(4))
                first, last = (column_index_from_string(m.group(g).decode()) for g in (1, 3))
                if bottom > top:
                    out.merges.setdefault(top, []).append((first, bottom))
                if last > first:  # a group label over its columns (2024年 over 营业收入, 研发费用)
                    out.across.setdefault(top, {})[first] = last
                found += bottom > top or last > first
            if not out.filtered and (b"autoFilter" in text or b"filterMode" in text):
                out.filtered = _FILTERED.search(text) is not None
            if b"<f" in text or b":f" in text:
                for m in _FORMULA_ONLY.finditer(text):
                    end = max(end, m.end())
                    out.unsaved.setdefault(int(m.group(2)), []).append(column_index_from_string(m.group(1).decode()))
            tail = text[max(end, len(text) - 9000):]
    return out


def held(cell: Any) -> list[Any] | None:
    """What a cell holds other than text, as CELL_TYPES gives it ([kind, value, number format]): a number (a
    formula's saved result too) with the format it is shown by, a day or moment, a time of day, TRUE or FALSE;
    None for text, a day before 1900, an empty cell, an error value (#DIV/0!) and what JSON cannot hold (NaN)."""
    value = cell.value
    kind = type(value)
    if kind is int or kind is float:
        return ["n", value, cell.number_format or "General"] if math.isfinite(value) else None
    if kind is bool:
        return ["b", value, "General"]
    if kind is datetime or kind is date:  # before 1900, where Excel's days begin, as its text (shown #### as a day)
        return ["d", value.isoformat(), cell.number_format or "General"] if value.year >= 1900 else None
    if kind is time:
        return ["t", value.isoformat(), cell.number_format or "General"]
    return None


def _read_rows(ws: Any, hidden: _Hidden | None = None) -> Iterator[tuple[tuple[Any, ...], list[str]] | InputError]:
    """Each row of a sheet as openpyxl reads it, with its cells' text (``_cell``); where openpyxl cannot
    read on (NaN, INF or 1,000 stored as a number, a shared text or a style the file does not have, a
    broken tag: a damaged file, or one saved by a program that does not keep to the format), an
    InputError naming the cell, or the last row read, and no more rows, as openpyxl's reader stops
    there. Raised, it was an internal error that wrote nothing of the batch, the other files' rows too.
    ``hidden``: kept up to date with the row given (``_in_order``)."""
    rows = _until_unreadable(_in_order(ws, hidden))
    number = 0
    while True:
        try:
            raw = next(rows)
        except StopIteration:
            return
        except _Unreadable as stop:
            yield _unreadable(stop.cell, number)
            return
        number += 1
        values: list[str] = []
        for cell in raw:
            try:
                values.append(_cell(cell))
            except IndexError:
                if _styled(cell):
                    raise
                # its style is not in the file (s="999"): the number format that says how to read it is not known
                yield _unreadable(cell.coordinate, number - 1)
                return
        yield raw, values


class _Hidden:
    """What Excel hides of a sheet, which read-only mode does not give: whether the row just given is
    hidden (by hand, or filtered out), and the hidden columns as (first, last) column numbers. Both
    were read and scored without a word: a clerk hides a company that moved away, or filters the list
    to one street, and takes the results for the companies on the screen."""

    def __init__(self) -> None:
        self.row = False
        self.columns: list[tuple[int, int]] = []

    def column(self, number: int) -> bool:
        """Whether column ``number`` (A is 1) is hidden."""
        return any(first <= number <= last for first, last in self.columns)


def _hidden_columns(dimensions: dict[str, dict[str, str]]) -> list[tuple[int, int]]:
    """The hidden column ranges among a sheet's <col> attributes as openpyxl's parser keeps them."""
    out = []
    for attrs in dimensions.values():
        if attrs.get("hidden") in _TRUE:
            try:
                out.append((int(attrs["min"]), int(attrs.get("max", attrs["min"]))))
            except (KeyError, ValueError):  # a <col> openpyxl read without numbers: nothing to place
                continue
    return out


_TRUE = ("1", "true")
"""How the sheet's XML writes a boolean attribute that is set."""


def _in_order(ws: Any, hidden: _Hidden | None = None) -> Iterator[tuple[Any, ...]]:
    """``ws.iter_rows()`` of a read-only sheet (every row from row 1, a blank one for each row the XML
    leaves out, each from column A), raising _Unreadable at a row whose number repeats or goes back
    (the sheet is read as far as the row before), and at a cell whose column does not come after the
    one before it in its row (read down to the row above). openpyxl passes over such a row and keeps
    the last of two cells at one address, or drops a cell put before its neighbour: a sheet written by
    a program other than Excel (rows 3, 3, 4, 2) lost two of four companies without a word.

    ``hidden``: set, before each row is given, to whether it is hidden, and its columns to the hidden
    columns (the sheet's <cols> come before its rows). The parser keeps the attributes of every row that
    has more than its number (a height, hidden) in a dict, which grew all the sheet long (6 MiB at 20,000
    rows of a set height); each is taken out as its row is read."""
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet._reader import WorkSheetParser

    book = ws.parent
    last = 0
    with ws._get_source() as source:
        parser = WorkSheetParser(source, ws._shared_strings, data_only=book.data_only, epoch=book.epoch,
                                 date_formats=book._date_formats, timedelta_formats=book._timedelta_formats)
        for number, cells in parser.parse():
            if number <= last:
                raise _Unreadable(None)
            columns = [cell["column"] for cell in cells]
            if sorted(set(columns)) != columns:
                at = next(i for i in range(1, len(columns)) if columns[i] <= columns[i - 1])
                raise _Unreadable(f"{get_column_letter(columns[at])}{number}")
            row_hidden = False
            if parser.row_dimensions:
                attrs = parser.row_dimensions.pop(str(number), None)
                row_hidden = attrs is not None and attrs.get("hidden") in _TRUE
            if hidden is not None:
                if not last:
                    hidden.columns = _hidden_columns(parser.column_dimensions)
                hidden.row = False
            for _ in range(last + 1, number):
                yield ()
            last = number
            if hidden is not None:
                hidden.row = row_hidden
            yield ws._get_row(cells)


def _styled(cell: Any) -> bool:
    """Whether a cell's style is one the file has (openpyxl looks it up by number when asked)."""
    try:
        return cell.style_array is not None
    except IndexError:
        return False


def _unreadable(cell: str | None, read: int) -> InputError:
    """The error of a sheet that cannot be read past ``cell`` (None: not known), ``read`` rows read."""
    if cell is not None:
        return InputError(kind="sheet.unreadable_cell", params={"cell": cell})
    if read:
        return InputError(kind="sheet.unreadable_after", params={"row": read})
    return InputError(kind="sheet.unreadable")


class _Unreadable(Exception):
    """openpyxl failed to read a sheet's XML on: at ``cell`` (D3) when its reference is known."""

    def __init__(self, cell: str | None) -> None:
        super().__init__(cell)
        self.cell = cell


def _until_unreadable(rows: Iterator[Any]) -> Iterator[Any]:
    """``rows`` (openpyxl's iter_rows) as they come, then _Unreadable where openpyxl raises: it raises
    ValueError, IndexError, KeyError, an XML ParseError, a zip or zlib error alike for a damaged sheet."""
    try:
        yield from rows
    except (MemoryError, _Unreadable):
        raise
    except Exception as exc:
        raise _Unreadable(_failed_cell(exc)) from None


def readable(rows: Iterator[Any]) -> Iterator[Any]:
    """``rows`` (openpyxl's iter_rows) up to where openpyxl cannot read on, and no error: for a look at
    a sheet's first rows, whose damage is said when the sheet itself is read."""
    try:
        yield from _until_unreadable(rows)
    except _Unreadable:
        return


_CELL_REF = lazyre.compile(r"[A-Za-z]{1,8}[0-9]{1,10}")


def _failed_cell(exc: BaseException) -> str | None:
    """The reference of the cell openpyxl was reading when it failed (D3; ZZZZ3, when that is what is
    wrong), from its parse_cell's frame: openpyxl's own message says only what it could not convert
    ("invalid literal for int() with base 10: 'NaN'"). None where no cell was being read."""
    trace = exc.__traceback__
    while trace is not None:
        frame = trace.tb_frame
        if frame.f_code.co_name == "parse_cell":
            element = frame.f_locals.get("element")
            ref = element.get("r") if element is not None else None
            return ref if isinstance(ref, str) and _CELL_REF.fullmatch(ref) else None
        trace = trace.tb_next
    return None


def _rows(ws: Any, where: str, known: Callable[[object], bool] | None,
          on_header: Callable[[str, list[str], int | None], None] | None = None, on_note: Note | None = None,
          headers_only: bool = False, meant: Callable[[object], bool] | None = None,
          on_unnamed: Callable[[str], None] | None = None, elsewhere: Callable[[], bool] | None = None,
          *, used: Callable[[object], bool] | None = None, figure: Callable[[object], bool] | None = None
          ) -> Iterator[tuple[str, dict[str, str] | InputError]]:
    """The rows of one sheet, as ``sheet_rows`` says. ``on_unnamed``: told of a sheet holding a table
    with no header found and no company-name column (a 统计 sheet: 区域, 企业数, 营业收入合计), instead
    of its error: the caller knows whether another sheet held the companies. ``elsewhere``: whether
    another sheet's table names its companies, asked of a table whose header names none (按行业汇总:
    所属行业 | 企业数 | 营业收入): beside such a list, if it counts companies or groups them
    (``looks_like_summary``), it is a summary, passed over and said, as its rows scored were nameless
    companies; alone (None, or False), or a list with a name column headed in words not known (客户),
    its rows are read as they always were. ``figure``: as ``sheet_rows`` says."""
    from littlegiant.load.footers import SheetFooter
    from littlegiant.load.tabular import (
        FOOTER,
        ColumnSums,
        looks_like_summary,
        names_companies,
        not_a_company,
        note_code,
        refuse_foreign_sheet,
        skipped_text,
        tells_companies_apart,
        units_under,
    )

    # Every row and cell as the sheet holds them, its stated size (<dimension>) not trusted: some
    # exporters state A1 over a full sheet, which read as a sheet without companies.
    ws.reset_dimensions()
    search = HeaderSearch(known, meant, where, ws.title)
    header: list[str] | None = None
    blank: list[int] = []
    places = ""
    # iter_rows starts at A1 whatever the stated size: a list beginning at B3 was numbered from its
    # size's first row, and its first company said to be on row 6 of the sheet, not 4
    number, first_column = 0, 1
    try:
        scan = _scan(ws)  # merged cells (a tall header reads alike unfilled, a group label heads only the columns
    except InputError as exc:  # it is merged over), and formulas without a saved result
        raise exc.moved(file=where) from None
    except MemoryError:
        raise
    except Exception:  # a damaged part (its check sum, its packed data; one stating less than it holds, cut
        yield where, InputError(kind="sheet.unreadable")  # there): the sheet's error row, not an internal error
        return
    merges = scan.merges
    unsaved = 0
    filling: list[tuple[int, int, str]] = []  # (column index, last row, value) of merged cells
    merged_held: dict[int, list[Any] | None] = {}  # by column index: what the merged cell filling it down held (held)
    merged: set[int] = set()  # the row's cells filled from a merged cell above
    spans: list[_Merged] = []  # a number field's merged cells open over the rows read
    waiting: list[tuple[str, dict[str, str], list[tuple[int, str]]]] = []  # rows held until each merge over them is known
    naming: list[int] = []  # the columns that tell companies apart (a name, a 统一社会信用代码)
    kept: list[tuple[int, str]] = []  # the columns whose cells' kinds go with the row (CELL_TYPES)
    skipped: dict[str, list[int]] = {}
    under = 0  # the row right under the header
    named = False  # whether a row above the header (none found) names the company-name column
    broken: InputError | None = None  # where the sheet stopped being readable, said after what was read
    shown = _Hidden()
    hidden_rows: list[int] = []  # the companies' rows Excel hides, the first few (all are counted): said
    hidden_count = 0
    scored = False
    refused: RowsRefused | None = None  # a sheet refused with its header found: its rows each an error row
    sums: ColumnSums | None = None  # the list's column sums, to pass over a totals row named nowhere
    for read in _read_rows(ws, shown):
        if isinstance(read, InputError):
            broken = read
            break
        raw, values = read
        number += 1
        if any(span.bottom < number for span in spans):  # a merge's rows all read: its rows go on when none is open
            for span in spans:
                if span.bottom < number:
                    span.close()
            spans = [span for span in spans if span.bottom >= number]
            if not spans:
                yield from _released(waiting)
        own = any(v.strip() for v in values)  # a row with nothing of its own stays blank, merged over or not
        merged = set()
        if filling:
            filling = [f for f in filling if f[1] >= number]
            for index, _, value in filling if own else ():
                if index >= len(values):  # a row ends at its last cell of its own: merged over, it reaches further
                    values += [""] * (index + 1 - len(values))
                if not values[index].strip():
                    values[index] = value
                    merged.add(index)
        for column, bottom in merges.get(number, ()):
            index = column - first_column
            if 0 <= index < len(values) and values[index].strip():
                filling.append((index, bottom, values[index]))
                merged_held[index] = held(raw[index]) if index < len(raw) else None
        if not own:
            continue
        if header is None:
            named = named or any(names_companies(v) for v in values)
            across = {first - first_column: last - first_column for first, last in scan.across.get(number, {}).items()}
            try:
                taken = search.take(number, values, across)
            except InputError as exc:  # a row too wide to be a list's header (a 月度统计 sheet of a column a
                yield where, exc  # day): this sheet's error row; the workbook's other sheets are still read
                return
            if taken:
                if search.given_up:
                    break
                continue
            header = search.header
            assert header is not None
            if elsewhere is not None and not _company_column(header) and looks_like_summary(header) and elsewhere():
                if on_note is not None and not headers_only:
                    on_note("run.summary_sheet", {"where": where})
                return
            # 金额单位：元 under the header: the sheet's, as above it; 人 | 亿元: the columns' units
            found = units_under(header, values, where, number)
            if found is not None:
                header = found.header
            refuse_foreign_sheet(search, found, where, number)
            # 注：金额单位为元 under the list: the sheet's too, known before its first company is read
            footer = SheetFooter(last_rows(ws, scan), search, found, where, number)
            problem = _opened(header, search, where, on_header, on_note, headers_only)
            if problem is NOTES_SHEET:
                if on_note is not None and not headers_only:
                    on_note("run.notes_sheet", {"where": where})
                return
            if isinstance(problem, RowsRefused) and not headers_only:
                refused = problem  # its rows read on, each its company's error row
            elif problem is not None:
                yield where, problem.problem if isinstance(problem, RowsRefused) else problem
                return
            if headers_only:
                return
            if refused is None:  # a sheet not read says nothing of its units
                footer.take(on_note)
            blank = [i for i, h in enumerate(header) if not h]
            # the columns no criterion reads: what their cells held (a number, a day) goes with the row's
            # text, and batch copies them back as typed (CELL_TYPES); looked up once a sheet, not a row
            wanted = used or known
            kept = [(i, h) for i, h in enumerate(header) if h and (wanted is None or not wanted(h))]
            places = NOTE_LIST.join(header)  # where each column is, for a row's problem to name (column_named)
            naming = [i for i, h in enumerate(header) if h and tells_companies_apart(h)]
            under = number
            if found is not None:
                if found.stated is not None:
                    search.unit = search.unit or found.stated
                if on_note is not None and found.said and refused is None:
                    on_note("run.unit_row", {"where": where, "line": number, "units": found.said})
                under = number + 1
                continue
        for column, bottom in merges.get(number, ()) if refused is None else ():  # a number field's merged down
            index = column - first_column  # from this row: whose it is, known once the rows under it are read
            if figure is not None and 0 <= index < min(len(header), len(values)) and header[index] and \
                    values[index].strip() and figure(header[index]):
                spans.append(_Merged(header[index], column, _merge_ref(scan, number, column, bottom), bottom))
        first = next(v for v in values if v.strip()).strip()
        if notes_cell(first):
            continue
        if sums is None:
            sums = ColumnSums(header)
        why = not_a_company(header, values, number == under, sums)
        if why is None and not any(h and i < len(values) and values[i].strip() for i, h in enumerate(header)):
            why = FOOTER  # words under no heading alone (已核对 张三 beside the list): no company, as a CSV reads it
        if why is not None:
            skipped.setdefault(why, []).append(number)
            continue
        cells = {h: (values[i] if i < len(values) else "") for i, h in enumerate(header) if h}
        if refused is not None:
            yield f"{where}:{number}", refused.row(cells)
            continue
        extra = [v for i, v in enumerate(values) if (i >= len(header) or i in blank) and v.strip()]
        if extra:
            cells[""] = " ".join(extra)
        if search.unit is not None:
            cells[SHEET_UNIT] = search.unit
        if kept:
            types = {}
            for i, h in kept:
                kind = merged_held.get(i) if i in merged else held(raw[i]) if i < len(raw) else None
                if kind is not None:
                    types[h] = kind
            cells[CELL_TYPES] = json.dumps(types, ensure_ascii=False)
        cells[COLUMN_PLACES] = places
        # only in columns the rules read: a formula in one passed over (研发费用占比, which the tool works
        # out itself) was said on every row to be read as unknown, where nothing was read from it
        uncomputed = [h for h in (header[c - first_column] for c in scan.unsaved.get(number, ())
                                  if 0 <= c - first_column < len(header)) if h and (known is None or known(h))]
        if uncomputed:
            unsaved += len(uncomputed)
            add_note(cells, "note.formula_unsaved", NOTE_LIST.join(uncomputed))
        note_code(cells, {header[i] for i, c in enumerate(raw) if i < len(header) and type(c.value) in (int, float)})
        if shown.row:
            add_note(cells, "note.hidden_row")
            hidden_count += 1
            if hidden_count <= HIDDEN_LISTED:
                hidden_rows.append(number)
        scored = True
        if spans:
            marks: list[tuple[int, str]] = []
            own_name = any(i < len(values) and values[i].strip() and i not in merged for i in naming)
            for span in spans:
                span.take(cells, marks, own_name)
            waiting.append((f"{where}:{number}", cells, marks))
            if all(span.decided for span in spans):  # nothing under the merges left to learn of the rows read
                yield from _released(waiting)
        else:
            yield f"{where}:{number}", cells
    for span in spans:  # the sheet ends, or stops being readable, inside a merge
        span.close()
    yield from _released(waiting)
    if broken is None and header is None and search.end() is not None:  # a header with no company under it
        assert search.header is not None
        problem = _opened(search.header, search, where, on_header, on_note, headers_only)
        if problem is NOTES_SHEET:
            if on_note is not None and not headers_only:
                on_note("run.notes_sheet", {"where": where})
        elif problem is not None:  # refused with no company under its header: its one error row
            yield where, problem.problem if isinstance(problem, RowsRefused) else problem
        return
    if scored and on_note is not None:
        _said_hidden(where, header, shown, (hidden_count, hidden_rows), scan.filtered, used or known, first_column,
                     on_note)
    if unsaved and on_note is not None:
        on_note("run.formula_unsaved", {"where": where, "count": unsaved})
    if skipped and on_note is not None and refused is None:
        on_note("run.skipped_rows", {"where": where, "rows": skipped_text(skipped),
                                     "count": sum(map(len, skipped.values()))})
    if broken is not None:  # the rows read are kept, and said of; the rest of the sheet is its error row
        yield where, broken
        return
    if header is None and search.seen:
        if search.wide and on_unnamed is not None and on_note is not None and notes_named(ws.title):
            on_note("run.notes_sheet", {"where": where})  # 填表说明 as a table: no header of a list in it
        elif search.wide or headers_only:
            if named or on_unnamed is None:
                yield where, InputError(kind="sheet.no_header")
            else:
                on_unnamed(where)
        elif on_note is not None:  # a sheet of notes (填表说明): a line or two a row, no table
            on_note("run.notes_sheet", {"where": where})


class _Merged:
    """A number field's cell merged down over several rows (营业收入（2025年） D3:D4). A park merges a group's
    revenue or R&D over its parent's and subsidiary's rows: copied to each, every one of them was scored
    on the group's figure, a subsidiary passing 小巨人's revenue test on it without a word. Over two
    companies or more (rows with a name or code of their own), each of its rows reads the field as
    unknown and says why; over one company's rows (the rows under it blank, or nameless: read as the
    same company's, as before) the figure stays that company's. A text, yes/no or choice merged so
    (所属行业, 是否高新) is shared by the companies it covers, and is copied to each as before."""

    def __init__(self, header: str, column: int, ref: str, bottom: int) -> None:
        self.header, self.column, self.ref, self.bottom = header, column, ref, bottom
        self.rows: list[tuple[dict[str, str], list[tuple[int, str]]]] = []  # the companies' cells, their notes' items
        self.companies = 0

    def take(self, cells: dict[str, str], marks: list[tuple[int, str]], own_name: bool) -> None:
        """A company's row read inside the merge; ``own_name``: its name or code is its own, not merged.
        Once a second company is in it, it is decided: the rows held so far and every later one lose the
        figure at once, and the reader lets them go (``decided``); a merge over a hostile sheet's thousands
        of rows held them all until its end."""
        self.companies += own_name
        if not self.decided:
            self.rows.append((cells, marks))
            return
        for held, noted in self.rows:
            self._none(held, noted)
        self.rows.clear()
        self._none(cells, marks)

    @property
    def decided(self) -> bool:
        """Whether the figure is known to be no one company's (two companies under it)."""
        return self.companies >= 2

    def close(self) -> None:
        """The merge's rows all read: over one company's rows, the figure stays its own."""
        self.rows.clear()

    def _none(self, cells: dict[str, str], marks: list[tuple[int, str]]) -> None:
        """A row of a merge over several companies: the figure is none of its own, and its note says why."""
        cells[self.header] = ""
        if CELL_TYPES in cells:  # a figure no criterion reads, copied back as typed: not the group's either
            types = json.loads(cells[CELL_TYPES])
            if types.pop(self.header, None) is not None:
                cells[CELL_TYPES] = json.dumps(types, ensure_ascii=False)
        marks.append((self.column, f"{self.header} {self.ref}"))


def _merge_ref(scan: _Scan, top: int, first: int, bottom: int) -> str:
    """A merged range as Excel shows it in the name box: D3:D4, D3:E4 over two columns."""
    from openpyxl.utils import get_column_letter

    last = scan.across.get(top, {}).get(first, first)
    return f"{get_column_letter(first)}{top}:{get_column_letter(last)}{bottom}"


def _released(waiting: list[tuple[str, dict[str, str], list[tuple[int, str]]]]
              ) -> Iterator[tuple[str, dict[str, str]]]:
    """The rows held while a number field's merge over them was open, in order, each with its note on
    the merges its figures were taken from (``_Merged``), left to right as the sheet has its columns
    (the workbook lists its merges in the order they were made); ``waiting`` is emptied."""
    for source, cells, marks in waiting:
        if marks:
            add_note(cells, "note.merged_figures", NOTE_LIST.join(text for _, text in sorted(marks)))
        yield source, cells
    waiting.clear()


HIDDEN_LISTED = 10
"""Hidden rows named by number, and hidden columns by name, up to this many; past it, rows are counted
(each row's own note marks it in the results) and columns named with 等."""


def _said_hidden(where: str, header: list[str] | None, shown: _Hidden, rows: tuple[int, list[int]], filtered: bool,
                 used: Callable[[object], bool] | None, first_column: int, on_note: Note) -> None:
    """Say the companies' rows a sheet hides (or filters out), scored all the same, and the hidden columns
    the rules read: read without a word, a park's moved-away companies came back among the results,
    and an old year's hidden figures decided verdicts nobody could see on the screen. ``rows``: how many
    companies' rows are hidden, and the first of them; ``used``: whether the rules read a column's figures
    (a hidden 营业收入（2022年） no criterion reads, an old year put away, is not said)."""
    from littlegiant.load.tabular import row_numbers
    from littlegiant.messages import headers_said

    count, first = rows
    if count:
        listed = Text(f"（第 {row_numbers(first, '、')} 行）", f" ({'rows' if count > 1 else 'row'} "
                      f"{row_numbers(first, ', ')})") if count <= HIDDEN_LISTED else Text("", "")
        on_note("run.filtered_rows" if filtered else "run.hidden_rows", {"where": where, "count": count,
                                                                          "rows": listed})
    if header is None or not shown.columns:
        return
    read = [h for i, h in enumerate(header) if h and shown.column(i + first_column) and (used is None or used(h))]
    if read:
        more = len(read) > HIDDEN_LISTED
        columns = Text(headers_said(read[:HIDDEN_LISTED], "zh") + ("等" if more else ""),
                       headers_said(read[:HIDDEN_LISTED], "en") + (", …" if more else ""))
        on_note("run.hidden_columns", {"where": where, "count": len(read), "columns": columns})


class SheetSetAside(Exception):
    """Raised by an ``on_header`` for a sheet not to be read while the workbook's other sheets are (its
    header refused beside theirs that passed): ``problem`` is its error row; None for a sheet of notes by its
    name (``notes_named``), passed over and said as one."""

    def __init__(self, problem: InputError | None) -> None:
        super().__init__(problem.message if problem is not None else "notes")
        self.problem = problem


NOTES_SHEET = InputError(kind="run.notes_sheet")
"""What ``_opened`` gives for a sheet passed over as notes: no error row, a note."""
_NOTES_NAME = lazyre.compile(r"说明|须知|注意事项|指标解释|填报要求|填表要求|填写要求|封面")
_LIST_NAME = lazyre.compile(r"企业|公司|单位|名单|名录|清单|目录|台账|明细")
"""Words of a sheet's name that say it lists companies (企业情况说明, 名单及说明): never passed over by its name."""


def notes_named(sheet: str) -> bool:
    """Whether a sheet's name says it holds notes (填表说明, 指标解释, 封面), not companies: such a sheet laid out as
    a table (指标名称 | 填写要求 | 示例, 企业名称 in its first column) was taken for a list, refused, and stopped
    the workbook (or was its error row), where a 说明 sheet of lines is passed over with a note."""
    name = unicodedata.normalize("NFKC", sheet)
    return _NOTES_NAME.search(name) is not None and _LIST_NAME.search(name) is None


class RowsRefused(NamedTuple):
    """A sheet refused whose header was found (set aside by the run, ``SheetSetAside``, or a column named twice):
    its rows are still read as rows, each its company's error row saying why the sheet was not read (``row``).
    As one nameless error row, the sheet's companies were one line of the results, none of them named, where a
    batch drops no company."""

    problem: InputError  # the sheet's error: what to change (and, set aside, the sheets read)
    where: str  # file:sheet

    def row(self, cells: dict[str, str]) -> InputError:
        """The error row of the company of ``cells``: its name and 统一社会信用代码 as typed, where a column gives
        them; the sheet's error kept whole (``problem``) for the run's line naming the sheet."""
        from littlegiant.load.tabular import RowError, names_companies, row_identity

        name = next((v.strip() for h, v in cells.items() if v.strip() and names_companies(h)), None)
        why = self.problem.moved(file=None) if self.problem.file == self.where else self.problem
        error = InputError(kind="row.sheet_refused", params={  # the row's source names the workbook and sheet
            "sheet": self.where.rpartition(":")[2], "why": Text(why.render("zh"), why.render("en")),
            "problem": self.problem})
        return RowError([error], name, row_identity(cells))


def _opened(header: list[str], search: HeaderSearch, where: str, on_header: Callable[[str, list[str], int | None], None] | None,
            on_note: Note | None, headers_only: bool) -> InputError | RowsRefused | None:
    """A sheet's header found: a name given twice refuses it (the error returned); else the caller
    is told of it, and of the money unit the title rows name. A sheet so refused, or one the run set
    aside, is its error as ``RowsRefused``: its rows are still read, each its company's error row."""
    apart = told_apart(header, search)
    if apart is None:
        return RowsRefused(InputError(kind="sheet.repeated", params={"column": read_twice(header, search),
                                                                     "row": search.line}), where)
    header[:] = apart  # the rows are read by this header: 备注 2's cells under their own name
    if on_header is not None:
        try:
            on_header(where, header, search.year)
        except SheetSetAside as aside:
            return RowsRefused(aside.problem, where) if aside.problem is not None else NOTES_SHEET
    if search.converted is not None and on_note is not None and not headers_only:
        on_note("run.sheet_unit", {"where": where, "unit": search.converted})
    return None
