"""The money unit a sentence under a park's list states for the whole sheet (注：金额单位为万元,
说明：本表金额以元为单位), read before the first company is scored.

The rows are streamed, and a unit said at the bottom holds for the rows above it: each reader looks
at the sheet's end first, cheaply, and never holds the sheet. A workbook's end comes from the pass
over its XML the reader makes anyway (``xlsx._scan``); a CSV's from its last bytes, read by a seek.
Refusing such a sheet instead (move the sentence to the top) would have a park edit a sheet that
says plainly what it means, where Excel users put notes under their tables; so the unit is taken,
and the run says where from, as it does for a unit stated in the title rows.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Callable, Sequence
from typing import BinaryIO, NamedTuple

from littlegiant.errors import InputError
from littlegiant.load.answers import MONEY_UNITS
from littlegiant.load.tabular import FOOTER, HeaderSearch, UnitsUnder, _foreign, sheet_unit, skipped_row
from littlegiant.messages import Text


class FooterUnit(NamedTuple):
    """The money unit the sentences under a list state for the whole sheet, and the row saying it."""

    unit: str
    line: int | None  # None where the row is not known (a CSV's end is read without the lines above it)


Row = tuple[int | None, list[str]]
"""A row of a sheet's end: its number (None where not known) and its cells' text."""

FOOTER_ROWS = 30
"""How many filled rows up from a sheet's end are looked at for a sentence stating its unit: the notes
under a list are a few lines; the walk stops sooner, at the first row that may be a company."""

_FACTOR = dict(MONEY_UNITS)


def same_unit(a: str, b: str) -> bool:
    """Whether two money units a sheet states are one (万元 and 万 are; a foreign one only itself)."""
    return a == b or (a in _FACTOR and b in _FACTOR and _FACTOR[a] == _FACTOR[b])


def footer_unit(rows: Sequence[Row], where: str) -> FooterUnit | None:
    """The money unit the rows under a sheet's last company state for the whole sheet, from the sheet's
    last ``rows`` in order: walked up from the end over its notes and totals rows (``skipped_row``),
    each note read for the sheet's unit (``sheet_unit``: 金额单位为元, 以元为单位, never a column's
    研发费用以元为单位 nor a named item's 注册资本单位：元). None when none states one. Two notes stating different units are
    refused (``where``: the sheet): which one the figures are in, nothing on the sheet says."""
    found: FooterUnit | None = None
    looked = 0
    for line, values in reversed(rows):
        filled = [v for v in values if v.strip()]
        if not filled:
            continue
        looked += 1
        why = skipped_row(values)
        if looked > FOOTER_ROWS or why is None:
            break  # a company (or the header): the notes under the list are all read
        unit = sheet_unit(filled) if why == FOOTER else None
        if unit is None:
            continue
        if found is not None and not same_unit(unit, found.unit):
            above = Text(f"表尾第 {line} 行" if line is not None else "表尾另一行",
                         f"row {line} under the list" if line is not None else "another line under the list")
            raise InputError(kind="column.footer_unit", params={"below": found.unit, "above": above, "unit": unit},
                             file=where, line=found.line)
        found = FooterUnit(unit, line)
    return found


def refuse_footer(search: HeaderSearch, found: UnitsUnder | None, footer: FooterUnit | None, where: str,
                  under: int) -> None:
    """Stop the run on a unit the notes under the list state that cannot hold for the sheet: a foreign
    one (万美元: nothing of it can be read in 万元), or another than the title rows or the row right
    under the header (row ``under``) state. A sheet saying 元 above its list and 万元 under it is
    10,000 times off one way or the other; which, only the park knows."""
    if footer is None:
        return
    if _foreign(footer.unit):
        raise InputError(kind="column.foreign_footer", params={"unit": footer.unit}, file=where, line=footer.line)
    for unit, line, place in ((search.unit, search.unit_line, Text("表头上方", "the title rows")),
                              (found.stated if found is not None else None, under, Text("列名下一行", "the row under the header"))):
        if unit is not None and not same_unit(unit, footer.unit):
            above = Text(f"{place.zh}（第 {line} 行）", f"{place.en} (row {line})")
            raise InputError(kind="column.footer_unit", params={"below": footer.unit, "above": above, "unit": unit},
                             file=where, line=footer.line)


def take_footer(search: HeaderSearch, found: UnitsUnder | None, footer: FooterUnit | None) -> dict[str, object] | None:
    """Give the sheet the unit its notes state (``footer_unit``, checked by ``refuse_footer``) where
    nothing above the list names one; the parameters of the run's note saying so (run.footer_unit)
    when the amounts are converted, else None (万元, or a unit said above, which its own note says)."""
    if footer is None or search.unit is not None or (found is not None and found.stated is not None):
        return None
    search.unit = footer.unit
    if footer.unit in ("万元", "万"):
        return None
    at = Text(f"（第 {footer.line} 行）", f" (row {footer.line})") if footer.line is not None else Text("", "")
    return {"unit": footer.unit, "at": at}


class SheetFooter:
    """The unit the notes under a sheet's list state, from its header's reading to its first company:
    the sequence both readers (a workbook's sheet, a CSV) follow, kept here so that they follow one.
    Made once the header and the row under it are known: the unit is read (``footer_unit``) and a unit
    that cannot hold stops the run (``refuse_footer``) before anything of the sheet is said. Once the
    sheet opens (its header's own checks and notes said), ``take`` gives the sheet that unit where
    nothing above the list names one, and says so."""

    def __init__(self, rows: Sequence[Row], search: HeaderSearch, found: UnitsUnder | None, where: str,
                 under: int) -> None:
        self.search, self.found, self.where = search, found, where
        self.unit = footer_unit(rows, where)
        refuse_footer(search, found, self.unit, where, under)

    def take(self, on_note: Callable[[str, dict[str, object]], None] | None) -> None:
        """Give the sheet the notes' unit (``take_footer``), with the run's note (run.footer_unit) where
        its amounts are converted."""
        below = take_footer(self.search, self.found, self.unit)
        if below is not None and on_note is not None:
            on_note("run.footer_unit", {"where": self.where, **below})


TEXT_TAIL_BYTES = 64 << 10
"""How much of a text table's end is read for the notes under its list: some hundreds of rows."""


def text_tail_rows(raw: BinaryIO, codec: str, bom: int, delimiter: str) -> list[Row]:
    """The last rows of a text table (a CSV), from its last TEXT_TAIL_BYTES, ``raw`` left where it was
    (the reader reads on from there). The rows are told apart from the end, where no quote is open: a
    line break ends a row when the quotes after it are even in number, so a note of several lines in
    one quoted cell (注：1. …\\n2. 金额单位为元) is one row, as the reader reads it. The first row, which
    the cut may have begun inside, is left out."""
    at = raw.tell()
    try:
        size = raw.seek(0, os.SEEK_END)
        width = 4 if "32" in codec else 2 if "16" in codec else 1  # UTF-32, UTF-16: whole code units
        start = max(bom, size - TEXT_TAIL_BYTES)
        start -= (start - bom) % width
        raw.seek(start)
        data = raw.read(size - start)
    finally:
        raw.seek(at)
    cut = start > bom
    if cut and width == 1:  # no byte of a character is a line break in an encoding read one byte a unit
        ends = [i for i in (data.find(b"\n"), data.find(b"\r")) if i >= 0]
        data = data[min(ends) + 1:] if ends else b""
    # a CSV saved by an old Mac Excel ends its lines in CR alone: split on LF only, its note under the
    # list was passed over as a note and its unit never read
    text = data.decode(codec, errors="replace").replace("\r\n", "\n").replace("\r", "\n")
    if cut and width > 1:
        text = text[text.find("\n") + 1:] if "\n" in text else ""
    records: list[str] = []
    lines: list[str] = []
    quotes = 0
    for line in reversed(text.split("\n")):
        lines.append(line)
        quotes += line.count('"')
        if quotes % 2 == 0:
            records.append("\n".join(reversed(lines)))
            lines, quotes = [], 0
    if cut and records:
        records.pop()  # the first whole line after the cut may be the end of a row begun above it
    out: list[Row] = []
    for record in reversed(records):
        if not record.strip():
            continue  # a blank line (the end of the last row's line break): no row
        try:
            cells = next(csv.reader(io.StringIO(record, newline=""), delimiter=delimiter), [])
        except csv.Error:
            cells = []
        out.append((None, cells))
    return out
