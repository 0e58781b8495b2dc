"""Excel workbooks out: batch's results (streamed, openpyxl's write-only mode, so that 100,000
companies cost no more memory than a thousand) and the template a park fills in, both in the words
of the user's language (table.py makes the words, this module lays them out and colours them).

openpyxl is imported inside the functions, and this module only by the commands that write an
.xlsx: start-up time stays what it was for everyone else.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path
from typing import IO, Any

from littlegiant import lazyre
from littlegiant.errors import InputError
from littlegiant.i18n import t
from littlegiant.load.rules import TIER_IDS, RuleSet
from littlegiant.load.tabular import ID_COLUMNS, NOTES_MARK, PROBLEMS_SEPARATOR
from littlegiant.messages import SystemError_
from littlegiant.report.table import (
    CARRIED_KEY,
    RESULT_OUTCOME,
    RESULT_VERDICTS,
    Labels,
    choice_word,
    column_note,
    result_header,
    result_words,
    text_cells,
)

_FILLS = {"met": "C6EFCE", "unmet": "FFC7CE", "unknown": "EDEDED", "manual_review": "FFEB9C", "error": "FFC7CE"}
"""Excel's own conditional-format colours: green good, red bad, amber neutral, grey unknown."""


_PLAIN_FIGURE = lazyre.compile(r"-?(?:0|[1-9]\d{0,10})(?:\.\d+)?")
"""A CSV cell's text that is a plain figure (1234.5, -20, 0.25): no leading 0 (a phone number, a code
keeps it), no separator, at most 11 digits before the point: 12 or more are an ID's (a 15-digit 工商注册号, a
bank account), which Excel shows as 3.20594E+14 and keeps 15 digits of. At most 15 digits in all
(_EXACT_DIGITS): a longer figure is text that Excel could not hold as typed."""

_EXACT_DIGITS = 15
"""The most significant digits Excel keeps of a number."""


def _exact(digits: str) -> bool:
    """Whether a figure's digits (its sign and point removed) are few enough for Excel to keep them all."""
    return len(digits.lstrip("0")) <= _EXACT_DIGITS


_DAY = lazyre.compile(r"(19|2\d)\d{2}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2})?")
"""A cell's text that is a day or a moment, as a sheet's date cell is read (2015-03-01, 2020-05-06T13:30:00):
from 1900, where Excel's dates begin (an earlier one written as a date shows as ####)."""


def _figure(text: object) -> Decimal | date | datetime | None:
    """A park's column's cell copied back as the number or day it was, where it was a plain figure or a
    date: written as text, 注册资本 sorted as text and Excel flagged every cell as a number stored as
    text; a 成立日期 came back as text that no date filter took."""
    if not isinstance(text, str):
        return None
    if _PLAIN_FIGURE.fullmatch(text):
        return Decimal(text) if _exact(text.lstrip("-").replace(".", "")) else None
    if _DAY.fullmatch(text):
        try:
            return datetime.fromisoformat(text) if "T" in text else date.fromisoformat(text)
        except ValueError:  # 2015-02-30: kept as typed
            return None
    return None


_SHARE = lazyre.compile(r"(-?(?:0|[1-9]\d{0,14}))(?:\.(\d+))?%")
"""A CSV cell's text that is a share with its sign (85%, 12.5%), of at most 15 digits (_exact)."""


def _share(text: object) -> tuple[Decimal, str] | None:
    """A park's column's share copied back as the fraction Excel holds and the percent format that shows
    it as it was (85% → 0.85 shown 0%; 12.5% → 0.125 shown 0.0%): as text, 占比 sorted as text."""
    if not isinstance(text, str) or (found := _SHARE.fullmatch(text)) is None:
        return None
    if not _exact(found.group(1).lstrip("-") + (found.group(2) or "")):
        return None
    places = len(found.group(2) or "")
    return Decimal(text[:-1]) / 100, "0" + ("." + "0" * places if places else "") + "%"


_NOT_XML = lazyre.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
"""The characters XML 1.0 cannot hold: C0 controls but tab, line feed and carriage return, halves of a
character (lone surrogates), U+FFFE and U+FFFF."""
NOT_XML_MARK = "\ufffd"
"""What a character XML cannot hold is written as in an .xlsx (�, Unicode's mark for a character lost)."""


def xml_text(text: str) -> str:
    """``text`` as a cell of an .xlsx can hold it, each character XML 1.0 cannot hold written as
    NOT_XML_MARK. A vertical tab (a line break as some systems export one) or an escape code in a
    park's cell stopped the run with an internal error and no file; U+FFFE passed openpyxl's check and
    wrote a workbook that neither Excel nor openpyxl could open, exit 0. A .csv or JSON Lines output
    keeps them."""
    return _NOT_XML.sub(NOT_XML_MARK, text) if _NOT_XML.search(text) else text


_WRAPPED_FROM = 50
"""The results sheet's columns this wide or wider hold sentences (主要差距, 下一步, 需核对的数据): a cell
longer than its column is written wrapped. Unwrapped, a park scanning the sheet read 「（现为53」 where the
cell said 538, the rest hidden under the next column's text."""


_LINE_HEIGHT, _MOST_LINES = 15, 8
"""A wrapped row's height in points a line, and the most lines it is made tall for (a longer cell
shows the rest when clicked, as a long cell always has)."""


_SEQ_WIDTH, _SEQ_DIGITS = 10, 9
"""The 序号 column's width, and the most digits of a 序号 written as a number, which then fits it: 20260001
in a column of 6 showed as ######."""

_OWN_WIDTH = 16
"""The results sheet's columns of the park's own (联系人, 联系电话, 备注): a name or a phone number a line."""

_PROBLEM_WIDTH = 80
"""The errors sheet's problem column: some 40 Chinese characters a line, a longer problem wrapped below
them. Unwrapped, a problem that lists what may be written (the 18 industries) ran on as one line far past
the sheet's columns: on screen, and in print, where fitting it across shrank the page to an unreadable size."""

_ABOUT_WIDTH, _ABOUT_MOST_LINES = 70, 27
"""The about sheet's sentence column, and the most lines its rows are made tall for: 27 of 15 points is
about Excel's tallest row (409 points); the list of columns a sheet lacks runs to several lines."""


def line_units(width: int) -> int:
    """How many of ``_columns``'s units a line of a wrapped cell ``width`` wide holds, reckoned as Excel
    shows Chinese: a column is 7 pixels a unit (Calibri 11's digit), a Chinese character of the fallback
    font (等线 11) some 15, less a character a line that the line breaking leaves (no line starts with
    ，or ）, and 1,613万元 is not split). Reckoned at 2 units a character across the whole width, Excel
    showed a line fewer than the row was made tall for, and the last line of 主要差距 was cut off."""
    return max(2, (width * 7 - 5) // 15 * 2 - 2)


def _lines(text: str, width: int, per: int | None = None) -> int:
    """How many lines ``text`` wraps to in a column ``width`` wide (each of its own lines at least one),
    ``per`` units a line (line_units for the sentences of the results and about sheets; by default the
    width less 2, as the template's labels and notes are laid out)."""
    per = per or width - 2
    return sum(max(1, -(-_columns(part) // per)) for part in text.split("\n"))


def _print_across(ws: Any, landscape: bool = True, pages: int = 1, repeat: str | None = None) -> None:
    """Print ``ws`` on A4 fitted to ``pages`` across (as many down as the rows take), landscape with
    its header row on every page (a sheet of companies) or portrait (the about sheet): without a page
    setup the results sheet printed on 18 portrait pages, two columns a page, with 来源 and 企业名称 alone
    on the first, and the about sheet's labels on one page and what they label on the next. ``repeat``:
    the columns printed at the left of every page across (来源 and 企业名称), which are then printed
    across before down, so that a page's rows go on on the next sheet of paper. Set before the sheet's
    first row: a write-only sheet writes its properties with its first row (and the setup at the end)."""
    from openpyxl.worksheet.properties import PageSetupProperties
    from openpyxl.worksheet.worksheet import Worksheet

    setup = ws.page_setup
    setup.orientation = "landscape" if landscape else "portrait"
    setup.paperSize = Worksheet.PAPERSIZE_A4
    setup.fitToWidth, setup.fitToHeight = pages, 0  # 0: as many pages down as the rows take
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    if landscape:
        ws.print_title_rows = "1:1"
        ws.print_options.gridLines = True  # a row read across a sheet of paper, with no line to follow, was lost
    if repeat is not None:
        ws.print_title_cols = repeat
        setup.pageOrder = "overThenDown"


def _header_height(heads: Iterable[str], widths: Iterable[int]) -> int:
    """A header row's height in points: as many lines as its longest header wraps to in its column."""
    lines = max(_lines(h, w, line_units(w)) for h, w in zip(heads, widths, strict=True))
    return _LINE_HEIGHT * min(lines, _MOST_LINES) + 6


def _longest_word(text: str) -> int:
    """The width of the longest word of a header written in letters (a header in Chinese wraps anywhere)."""
    words = re.split(r"[\s\-/]+", text)
    return max((len(w) for w in words if len(w) == _columns(w)), default=0)


def _columns(text: str) -> int:
    """Roughly how many of Excel's column-width units ``text`` takes: a Chinese character two."""
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)


_SEQ_NO = 2 + ID_COLUMNS.index("seq_no")
"""The cell of a result_words row holding the input's 序号."""


class ResultBook:
    """The batch's .xlsx output, written as the rows come: a results sheet (one row per company,
    verdicts in words and colour), an errors sheet (one row per problem) and a sheet saying which
    rule set, date and tool made it. File-like (write, flush, close) so that batch's Writer feeds
    it the JSON Lines of the summary rows as it would a .jsonl file."""

    def __init__(self, path: Path, about: dict[str, Any], handle: IO[bytes] | None = None) -> None:
        from openpyxl import Workbook
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.cell.cell import Cell
        from openpyxl.styles import Alignment, Font, PatternFill

        self._cell = WriteOnlyCell  # imported here, once: _text makes one for every text cell of every row
        self._made = Cell  # what it makes (WriteOnlyCell is a function)
        self.path = path  # as errors name it (a handle batch opened from a descriptor is named by its number)
        self.saved = False
        """Whether the workbook was written whole (``close``): a save cut short by a full disk is no zip."""
        self.archive: Any = None  # the zip while ``_save`` writes it
        try:  # batch hands in the temporary file that is renamed into place at the end
            self.handle = handle if handle is not None else path.open("wb")
        except OSError as exc:
            raise InputError(kind="out.unwritable", params={"error": SystemError_(exc.errno, exc.strerror)},
                             file=str(path)) from None
        self.lang = lang = about.get("lang", "en")
        self.labels = Labels(lang, about.get("tiers", {}), about.get("name_label") or t("xlsx.name", lang),
                             bool(about.get("advice", True)))
        self.book = Workbook(write_only=True)
        self.fills = {k: PatternFill("solid", start_color=v, end_color=v) for k, v in _FILLS.items()}
        self.bold = Font(bold=True)
        self.wrap = Alignment(wrap_text=True, vertical="top")  # a cell of several lines shows them, not one
        self.top = Alignment(vertical="top")  # the other cells of a tall row, read across from its first line
        self.left = Alignment(horizontal="left")  # 上年度's 2025 beside the text of the about sheet, not at its far right
        self.notes: list[str] = about.get("notes", [])  # the run's notes, added to as the inputs are read
        self.results = self.book.create_sheet(t("xlsx.results", lang))
        self.errors = self.book.create_sheet(t("xlsx.errors", lang))
        self.info = info = self.book.create_sheet(t("xlsx.about", lang))
        # the results two pages across, 来源 and 企业名称 on each: fitted to one, a park's sheet of 17 columns
        # printed at 43%, too small to read; at two, the verdicts and 主要差距 fill the first, the notes the
        # second, at some 70% (a page's width is some 140 of its columns' units at 100%)
        _print_across(self.results, pages=2, repeat="A:B")
        _print_across(self.errors)
        _print_across(info, landscape=False)

        self.about = about
        self.width, self.rows, self.problems = 0, 0, 0  # problems: the errors sheet's rows under its header
        self.heights: dict[int, Any] = {}  # the errors sheet's row heights by lines (_problem)
        self.carried: tuple[str, ...] | None = None  # the input's own columns copied back, once start has run
        self.long: tuple[tuple[int, int], ...] = ()  # the sentence columns (index, width), once start has run
        # the row's 信用代码 and 序号 beside its name, as on the results sheet: staff fix a refused row in
        # their own list, found there by the code or the number rather than by a name typed two ways
        heads = [t("xlsx.source", lang), t("xlsx.name", lang), *(t(f"xlsx.{i}", lang) for i in ID_COLUMNS),
                 t("xlsx.problem", lang)]
        widths = (28, 28, 20, _SEQ_WIDTH, _PROBLEM_WIDTH)
        for letter, width in zip("ABCDE", widths, strict=True):
            self.errors.column_dimensions[letter].width = width
        # Unified social credit code wraps to two lines: in a row of one, its second line sat on the first code
        self.errors.row_dimensions[1].height = _header_height(heads, widths)
        self.errors.append(self._header(self.errors, heads))
        del self.errors.row_dimensions[1]
        info.column_dimensions["B"].width = _ABOUT_WIDTH
        renewed = about.get("renewal") or ""
        kind = t("xlsx.new", lang) if not renewed else t("xlsx.renewal", lang).format(title=renewed)
        self.made = [(t("xlsx.rules", lang), about.get("rules_title", "")),  # the title: an id is code to a client
                (t("xlsx.kind", lang), kind),
                *([(t("xlsx.basis", lang), about["basis"])] if about.get("basis") else []),
                (t("as_of", lang), about.get("as_of", "")),
                (t("last_year", lang), about.get("last_year", "")),
                (t("tool", lang), f"littlegiant {about.get('version', '')}"),
                (t("xlsx.made", lang), datetime.now().strftime("%Y-%m-%d %H:%M")),
                # what each verdict means, not only its name: 未知 and 待审核 were left to guess (a park's review)
                (t("xlsx.verdicts_head", lang), t("xlsx.verdicts", lang)),
                ("", t("disclaimer", lang))]
        """The about sheet's rows, written at ``close``: a stopped run's first says it holds only some rows."""

    def start(self, carried: Iterable[str] = ()) -> None:
        """The results sheet's header: the results' columns, then ``carried``, the columns of the park's
        own sheet that no rule reads (联系人, 所属园区, 备注), copied back last so that the results are its
        list again. Known only once every input's header is read; before the first row."""
        from openpyxl.utils import get_column_letter

        if self.carried is not None:
            return
        self.carried = tuple(carried)
        columns = result_header(self.labels)
        self.width = len(columns) + len(self.carried)
        widths = [28, 28, 20, _SEQ_WIDTH, 8, 10, 16, 10, 16, 10, 16, 10, 50, 50, 50, 50][:len(columns)]
        widths += [_OWN_WIDTH] * len(self.carried)
        heads = [*columns, *self.carried]
        # no word of a header broken in two: Outcome over a column of 8 showed Outcom / e
        widths = [max(w, _longest_word(h) + 2) for w, h in zip(widths, heads, strict=True)]
        for number, width in enumerate(widths, 1):
            self.results.column_dimensions[get_column_letter(number)].width = width
        self.long = tuple((i, w) for i, w in enumerate(widths[:len(columns)]) if w >= _WRAPPED_FROM)
        # a tier the rule set scores by no table (the 2026 tiers: routes and the platform's score
        # instead) leaves its score column empty in every row: hidden, not three dead columns
        scored, titles = self.about.get("scored"), self.about.get("tiers", {})
        for tid, title in titles.items():
            if scored is not None and tid not in scored and title in columns:
                self.results.column_dimensions[get_column_letter(columns.index(title) + 2)].hidden = True
        self.results.freeze_panes = "C2"
        # as tall as the longest header wraps to: two lines cut the English headers (Specialised and
        # sophisticated SME (专精特新中小企业) showed its first two lines, Technology-based and innovative lost SME)
        hidden = {i for i in range(len(widths)) if self.results.column_dimensions[get_column_letter(i + 1)].hidden}
        shown = [(h, w) for i, (h, w) in enumerate(zip(heads, widths, strict=True)) if i not in hidden]
        self.results.row_dimensions[1].height = max(36, _header_height(*zip(*shown, strict=True)))
        self.results.append(self._header(self.results, [*columns, *self.carried]))

    def _text(self, ws: Any, value: Any, styled: bool = False) -> Any:
        """A cell that holds text as text, even text starting with = or # (which openpyxl would
        write as a formula or an error value); numbers stay numbers. Plain values are appended as
        they are, which is faster than a cell object each. Every text the workbook holds comes
        through here, and is written as XML can hold it (xml_text)."""
        if not isinstance(value, str):
            return value
        value = xml_text(value)
        if not (styled or value.startswith(("=", "#")) or "\n" in value):
            return value
        cell = self._cell(ws, value=value)
        cell.data_type = "s"
        if "\n" in value:  # a row's problems, one a line: Excel shows one line of them without wrap_text
            cell.alignment = self.wrap
        return cell

    def _header(self, ws: Any, labels: list[str]) -> list[Any]:
        cells = [self._text(ws, label, styled=True) for label in labels]
        for cell in cells:  # wrapped: 科技和创新型中小企业得分 over a column of 10 showed its first half alone
            cell.font, cell.alignment = self.bold, self.wrap
        return cells

    def _verdict(self, status: str, word: str | None) -> Any:
        """A verdict in words, coloured as Excel colours good and bad."""
        if not status:
            return None
        cell = self._text(self.results, word, True)
        fill = self.fills.get(status)
        if fill is not None:
            cell.fill = fill
        return cell

    def write(self, text: str) -> None:
        """Append the companies of some JSON Lines of summary rows (a full disk is bad output, not a bug)."""
        try:
            self._write(text)
        except OSError as exc:
            self.handle.close()  # nothing more can be written: close() then has nothing to do
            self._discard()
            raise InputError(kind="out.unwritable", params={"error": SystemError_(exc.errno, exc.strerror)},
                             file=str(self.path)) from None

    def _own(self, value: Any) -> Any:
        """A cell of the park's own columns as the results sheet is given it: as the sheet typed it, where
        the row is a sheet's (``value`` a list: Scorer.own_typed) — a number with its number format (a
        formula's 2.85714285714286 shown 0.00, a debt ratio shown 0.00%), a day, TRUE or FALSE, and text as
        text (an ID typed as text, 320594000123456, made a number was shown 3.20594E+14); a CSV's text as
        the figure, share or day it is (``_figure``, ``_share``), else as text."""
        if value is None:
            return None
        if isinstance(value, list):
            kind, held, shown = value[0], value[1], value[-1]
            if kind == "s":
                return self._text(self.results, held)
            if kind == "d":
                held = datetime.fromisoformat(held)
            elif kind == "t":
                held = time.fromisoformat(held)
            elif kind == "b" or shown == "General":
                return held
            cell = self._cell(self.results, value=held)
            if shown != "General":  # a day read with General is a day of openpyxl's format (yyyy-mm-dd)
                cell.number_format = shown
            return cell
        figure = _figure(value)
        if figure is not None:
            return figure
        share = _share(value)
        if share is not None:  # 85% as a share Excel sorts and sums, shown as it was
            cell = self._cell(self.results, value=share[0])
            cell.number_format = share[1]
            return cell
        return self._text(self.results, value)

    def _seq_no(self, ws: Any, number: str | None) -> Any:
        """A 序号 of digits as a number, shown as typed: 001 a 1 shown 001. A park's 001 to 300 came back
        001 to 099 as text and 100 to 300 as numbers, which Excel sorts apart (every number before any
        text: 100 … 300, then 001 … 099) and a number filter half misses. Digits beyond what fits
        in the column (a number too wide for it shows as ###### or 2.02601E+11), and any other 序号 (A-01, 1-2),
        stay text as typed."""
        if number is None or not (number.isascii() and number.isdigit()) or len(number) > _SEQ_DIGITS:
            return number
        if len(number) == 1 or not number.startswith("0"):
            return int(number)
        cell = self._cell(ws, value=int(number))
        cell.number_format = "0" * len(number)  # 007 shown 007, not 7
        return cell

    def _wrap_own(self, cells: list[Any]) -> int:
        """Wrap the park's own text cells that are longer than their column, and say how many lines the
        tallest takes. A 备注 of a sentence (已走访，拟推荐申报…) ran on as one line: cut at the next column
        that held anything (跟进情况), and printed, spread over empty columns that shrank every page. Only
        text with Chinese in it, or lines of its own, is wrapped: a phone number or a code is not broken
        across two lines, and runs on as it always has."""
        lines, per = 1, line_units(_OWN_WIDTH)
        for i, value in enumerate(cells):
            text = value.value if isinstance(value, self._made) else value
            if not isinstance(text, str) or (len(text) == _columns(text) and "\n" not in text):
                continue
            if "\n" not in text and _columns(text) <= per:
                continue
            if not isinstance(value, self._made):
                value = cells[i] = self._cell(self.results, value=text)
                value.data_type = "s"
            value.alignment = self.wrap
            lines = max(lines, _lines(text, _OWN_WIDTH, per))
        return lines

    def _write(self, text: str) -> None:
        self.start()
        results, text_cell, verdict = self.results, self._text, self._verdict
        carried = self.carried or ()
        for line in text.splitlines():
            row = json.loads(line)
            error = row["status"] == "error"
            cells = result_words(row, self.labels)
            ids = cells[2:RESULT_OUTCOME]  # the input's 信用代码 and 序号, before they become the results sheet's cells
            cells[_SEQ_NO] = self._seq_no(results, cells[_SEQ_NO])
            for i in text_cells(self.labels):
                cells[i] = text_cell(results, cells[i])
            if error:
                cells[RESULT_OUTCOME] = verdict("error", cells[RESULT_OUTCOME])
            for i, tid in zip(RESULT_VERDICTS, TIER_IDS, strict=True):
                cells[i] = verdict(row[f"{tid}_status"], cells[i])
                if cells[i + 1] is not None:
                    cells[i + 1] = text_cell(results, cells[i + 1])
            lines = 1
            for i, width in self.long:  # 主要差距, 下一步: wrapped where longer than the column, not cut off
                value = cells[i]
                if isinstance(value, str) and len(value) * 2 > (per := line_units(width)) and _columns(value) > per:
                    cell = cells[i] = self._cell(results, value=value)
                    cell.data_type, cell.alignment = "s", self.wrap
                    lines = max(lines, _lines(value, width, per))
                elif isinstance(value, self._made) and "\n" in value.value:  # 错误说明's problems, one a line
                    lines = max(lines, _lines(value.value, width, line_units(width)))
            if carried:
                own = row.get(CARRIED_KEY) or {}
                mine = [self._own(own.get(h)) for h in carried]
                lines = max(lines, self._wrap_own(mine))
                cells += mine
            if lines > 1:  # tall enough to show them: LibreOffice keeps a row one line high unless told
                results.row_dimensions[self.rows + 2].height = _LINE_HEIGHT * min(lines, _MOST_LINES)
            if lines > 1:
                self._top(cells)
            results.append(cells)  # written out as it is appended, with its height:
            if lines > 1:  # the height is dropped, or 100,000 rows' heights were held to the end (1.2x → 1.8x memory)
                del results.row_dimensions[self.rows + 2]
            self.rows += 1
            if error:
                where = [row["source"], row["name"], *ids]
                for problem in row["error"].split(PROBLEMS_SEPARATOR):
                    where[_SEQ_NO] = self._seq_no(self.errors, ids[_SEQ_NO - 2])  # a cell is written once
                    self._problem(where, problem)

    def _problem(self, where: list[Any], problem: str) -> None:
        """One row of the errors sheet: where the problem is (source, name, 信用代码, 序号), and the problem,
        wrapped where it is longer than its column, its row as tall as its lines (LibreOffice keeps a row
        one line high unless told) and the cells beside it at its top, to be read across from its first line.
        The sheet streams: the height is given with the row and dropped once it is written, as on the
        results sheet, and it is one RowDimension a height, not one a row."""
        errors, text_cell = self.errors, self._text
        self.problems += 1
        lines = _lines(problem, _PROBLEM_WIDTH, line_units(_PROBLEM_WIDTH))  # as Excel shows Chinese, as 主要差距
        if lines == 1:
            errors.append([*(text_cell(errors, v) for v in where), text_cell(errors, problem)])
            return
        cells = []
        for value in where:
            if value is not None:
                if isinstance(value, str):
                    value = text_cell(errors, value, styled=True)
                elif not isinstance(value, self._made):  # a 序号 of digits comes as its cell, with its format
                    value = self._cell(errors, value=value)
                value.alignment = self.top
            cells.append(value)
        said = text_cell(errors, problem, styled=True)
        said.alignment = self.wrap
        height = min(lines, _MOST_LINES)
        if height not in self.heights:
            from openpyxl.worksheet.dimensions import RowDimension

            self.heights[height] = RowDimension(errors, ht=_LINE_HEIGHT * height)
        number = self.problems + 1  # under the header
        errors.row_dimensions[number] = self.heights[height]
        errors.append([*cells, said])
        del errors.row_dimensions[number]

    def _top(self, cells: list[Any]) -> None:
        """Start every cell of a tall row at its top, as its wrapped sentences do: left at Excel's bottom,
        a row's name and verdicts sat level with the last line of its 主要差距, just above the next row's
        first, and printed, a park read a sentence as the next company's."""
        results, top, make, made = self.results, self.top, self._cell, self._made
        for i, value in enumerate(cells):
            if value is None:
                continue
            if not isinstance(value, made):
                cells[i] = value = make(results, value=value)
            elif value.alignment.vertical is not None:  # wrapped: at the top already
                continue
            value.alignment = top

    def flush(self) -> None:
        """Rows are on disk only once the workbook is closed (a zip is written whole)."""

    def close(self, stopped: bool = False) -> None:
        """Write the workbook: the rows appended so far, also after an interruption (``stopped``), whose
        about sheet then says first that the run stopped and how many companies the file holds: the
        partial file of a run stopped at row 3,000 of 8,000 read like a finished run."""
        if self.handle.closed:
            return
        from openpyxl.utils import get_column_letter

        self.start()  # no row came: the header alone
        info = self.info
        rows: list[tuple[str, Any]] = []
        if stopped:  # said first, on the sheet the file opens at, whatever the file is later called
            rows.append((t("xlsx.stopped", self.lang), t("xlsx.stopped_rows", self.lang, n=self.rows)))
            self.book.active = self.book.worksheets.index(info)
        rows += self.made[:-1]
        # what the run said of the data (columns it has none for, columns and rows passed over, units
        # read), as stderr said it: whoever is sent the file learns why 1,723 of 3,000 rows are 未知
        rows += [(t("xlsx.notes", self.lang) if i == 0 else "", _plain_note(note)) for i, note in enumerate(self.notes)]
        rows.append(self.made[-1])
        # the labels' column as wide as its longest label (Verdicts (by colour) was cut at 16)
        info.column_dimensions["A"].width = max(16, *(_columns(label) + 2 for label, _ in rows))
        try:  # rows go to openpyxl's temporary files: a full disk shows here as well as in the save
            for number, (label, value) in enumerate(rows, 1):
                said = self._text(info, value)
                if isinstance(value, str) and (lines := _lines(value, _ABOUT_WIDTH, line_units(_ABOUT_WIDTH))) > 1:
                    # wrapped, and as tall as its lines: LibreOffice keeps a row one line high unless told,
                    # and printed, the lines of 读取提示 ran over each other
                    said = self._text(info, value, styled=True)
                    said.alignment = self.wrap
                    info.row_dimensions[number].height = _LINE_HEIGHT * min(lines, _ABOUT_MOST_LINES)
                    # its label at the top too: at Excel's bottom, 读取提示 sat beside another note's last line
                    named = self._text(info, label, styled=True)
                    named.alignment = self.wrap
                    info.append([named, said])
                    continue
                if isinstance(value, int) and not isinstance(value, bool):  # a number kept a number (as text,
                    said = self._cell(info, value=value)  # Excel marks it "stored as text"), set left as the text
                    said.alignment = self.left
                info.append([self._text(info, label), said])
            # a filter on every column of the results: park staff sort and pick by verdict in Excel
            self.results.auto_filter.ref = f"A1:{get_column_letter(self.width)}{self.rows + 1}"
            self._save()
            self.handle.flush()
            os.fsync(self.handle.fileno())
            self.saved = True
        except OSError as exc:
            self._discard()
            raise InputError(kind="out.unwritable", params={"error": SystemError_(exc.errno, exc.strerror)},
                             file=str(self.path)) from None
        finally:
            self.handle.close()

    def _save(self) -> None:
        """openpyxl's ``save_workbook`` with the zip in hand: a save cut short (a full disk) left it open,
        and the garbage collector's close of it wrote to the closed file ("Exception ignored" tracebacks)."""
        from datetime import UTC
        from zipfile import ZIP_DEFLATED, ZipFile

        from openpyxl.writer.excel import ExcelWriter

        archive = ZipFile(self.handle, "w", ZIP_DEFLATED, allowZip64=True)
        self.archive = archive
        self.book.properties.modified = datetime.now(tz=UTC).replace(tzinfo=None)  # as openpyxl's
        ExcelWriter(self.book, archive).save()  # writes every part, then closes the zip
        self.archive = None

    def _discard(self) -> None:
        """After a failed write or save: the zip and every sheet's stream ended now, quietly (whatever
        fails on the full disk again is the failure already said), not by the garbage collector later,
        which printed three tracebacks of its own after the run's one line."""
        archive, self.archive = self.archive, None
        if archive is not None:
            try:
                archive.close()
            except (OSError, ValueError):
                pass
        for sheet in self.book.worksheets:
            if not sheet.closed:
                try:
                    sheet.close()  # its rows' stream, then its file's
                except Exception:
                    pass
            # a close that failed half-way leaves streams open: ended inner first, as close would
            for stream in (getattr(sheet, "_rows", None), getattr(getattr(sheet, "_writer", None), "xf", None)):
                try:
                    if stream is not None:
                        stream.close()
                except Exception:
                    pass


_NOTE_HEADS = ("littlegiant 提示：", "littlegiant: note: ")


def _plain_note(line: str) -> str:
    """A run's note as a sentence of the about sheet: stderr's ``littlegiant 提示：`` head names the
    tool speaking in a terminal, which the sheet does not need."""
    for head in _NOTE_HEADS:
        if line.startswith(head):
            return line[len(head):]
    return line


def template(rules: RuleSet, last_year: int, lang: str, columns: list[str]) -> bytes:
    """An .xlsx to fill in: a first sheet saying how (the rules every column shares, then each column's
    unit and help, then the terms they use), the companies sheet with column labels in ``lang`` (each
    with its help as a comment), a notes row of units and choices, and drop-down lists for choices and
    yes/no (with numbers checked as they are typed: warned of, not refused)."""
    import io

    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    from littlegiant.load.profile import answer_label, field_for_path, year_in_path
    from littlegiant.report.template import NOTES_RULE, help_text

    book = Workbook()
    guide = book.active
    ws = book.create_sheet(t("xlsx.companies", lang))
    lists = book.create_sheet(t("xlsx.choices", lang))
    lists.sheet_state = "hidden"
    last = 1000 + 2
    notes_fill = PatternFill("solid", start_color="F2F2F2", end_color="F2F2F2")
    wrap = Alignment(wrap_text=True, vertical="top")

    def warning(rule: DataValidation, message: str) -> DataValidation:
        """``rule`` as a warning the filler can pass, saying what to do: Excel's default, stop, refused
        800万, 约200, 不知道 and 制造业, which batch reads (and says it read so), and left a filler who did
        not know nowhere to go but 0, which batch takes for a figure."""
        rule.allow_blank = True
        rule.errorStyle, rule.errorTitle, rule.error = "warning", t("xlsx.bad_title", lang), t(message, lang)
        rule.showErrorMessage = True
        ws.add_data_validation(rule)
        return rule

    yes_no = warning(DataValidation(type="list", formula1=f'"{t("xlsx.yes_no_list", lang)}"'), "xlsx.bad_choice")
    list_column = 0
    helps: list[tuple[str, str, str | None]] = []  # each column's label, note and help, for the guide
    tall = [1, 1]  # the most lines a label and a note take
    for place, path in enumerate(columns, start=1):
        i = place if place == 1 else place + 1  # the 统一社会信用代码 after the name (_code_column)
        f = field_for_path(rules, path)
        letter = get_column_letter(i)
        label = answer_label(f, path)  # with what to type for 0 (0为未获奖), which the reader takes too
        shown = label.zh if lang == "zh" else label.en
        head = ws.cell(row=1, column=i, value=shown)
        head.font = Font(bold=True)
        head.alignment = wrap
        said = help_text(f, lang, year_in_path(f, path) or last_year)
        if said:  # the field's help, as the YAML template says it, where the filler looks: on the label
            head.comment = Comment(said, "littlegiant", width=320, height=_COMMENT_LINE * (_lines(said, 44) + 1))
        column_said = column_note(f, lang)
        helps.append((shown, column_said, said))
        note = ws.cell(row=2, column=i, value=NOTES_MARK[lang] + NOTES_RULE[lang] if i == 1 else column_said)
        note.fill = notes_fill
        note.data_type = "s"
        note.alignment = wrap
        width = _fitting_width(shown, str(note.value), 28 if i == 1 else 16)
        ws.column_dimensions[letter].width = width
        tall = [max(tall[0], _lines(shown, width)), max(tall[1], _lines(str(note.value), width))]
        cells = f"{letter}3:{letter}{last}"
        if f.type == "bool":
            yes_no.add(cells)
        elif f.type == "choice":
            list_column += 1
            list_letter = get_column_letter(list_column)
            for j, choice in enumerate(f.choices, start=1):
                lists.cell(row=j, column=list_column, value=choice_word(f, choice, lang))
            warning(DataValidation(type="list", formula1=f"'{lists.title}'!${list_letter}$1:${list_letter}${len(f.choices)}"),
                    "xlsx.bad_choice").add(cells)
        elif f.type in ("int", "money", "percent", "number", "signed_money"):
            low, high = f.value_range()
            kind = "whole" if f.type == "int" else "decimal"
            if low is not None and high is not None:
                rule = DataValidation(type=kind, operator="between", formula1=str(low), formula2=str(high))
            elif low is not None:
                rule = DataValidation(type=kind, operator="greaterThanOrEqual", formula1=str(low))
            else:
                continue
            warning(rule, "xlsx.bad_number").add(cells)
    tall = _code_column(ws, lang, helps, tall)
    for row, lines in enumerate(tall, 1):  # as tall as the longest label and note: LibreOffice never grows a row
        ws.row_dimensions[row].height = _LINE_HEIGHT * lines + 3
    ws.freeze_panes = "B3"
    _guide(guide, rules, columns, last_year, lang, helps)
    book.active = 0  # opened on the guide: read before the first cell is typed
    buf = io.BytesIO()
    book.save(buf)
    return buf.getvalue()


_WIDTHS = (16, 20, 24, 30, 40)
"""The widths a template's column may take, narrowest first; _MOST_HEAD_LINES the lines its label and note
may wrap to before a wider one is taken. Every column 16 wide under a row 48 points high showed some 24
characters of a label: the red line's 54 ended mid-word, the industries listed under 行业 were cut."""
_MOST_HEAD_LINES = 4


def _fitting_width(label: str, note: str, least: int) -> int:
    """The narrowest of _WIDTHS, at least ``least``, in which ``label`` and ``note`` each wrap to at most
    _MOST_HEAD_LINES lines; the widest when none does (the rows are then made as tall as they need)."""
    for width in _WIDTHS:
        if width >= least and max(_lines(label, width), _lines(note, width)) <= _MOST_HEAD_LINES:
            return width
    return max(least, _WIDTHS[-1])


_COMMENT_LINE = 15
"""A comment box's height in points a line of its text (openpyxl's default box showed two lines)."""
_GUIDE_WIDTHS = (36, 20, 64)
"""The guide sheet's columns: a column's label, its unit or answers, what to fill in."""


def _code_column(ws: Any, lang: str, helps: list[tuple[str, str, str | None]], tall: list[int]) -> list[int]:
    """The 统一社会信用代码 column, second, after the name: no rule reads it, but a park keys its companies
    by it and batch checks it and carries it back; the template had none, and the results' column of it
    stayed empty. Its cells are text (Excel turns 18 digits typed into a number, its last three 0), and
    the guide lists it after the name. ``tall``, the most lines a label and a note take, grown to it."""
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment, Font, PatternFill

    shown, note, said = t("xlsx.credit_code", lang), t("xlsx.credit_code_note", lang), t("xlsx.credit_code_help", lang)
    wrap = Alignment(wrap_text=True, vertical="top")
    head = ws.cell(row=1, column=2, value=shown)
    head.font, head.alignment = Font(bold=True), wrap
    head.comment = Comment(said, "littlegiant", width=320, height=_COMMENT_LINE * (_lines(said, 44) + 1))
    cell = ws.cell(row=2, column=2, value=note)
    cell.fill, cell.data_type, cell.alignment = PatternFill("solid", start_color="F2F2F2", end_color="F2F2F2"), "s", wrap
    width = max(_fitting_width(shown, note, 16), 22)  # 18 characters shown whole
    # text as the column's own format, which a cell typed into takes: set on each of its rows, the cells
    # stated the sheet as 1,002 rows long, and a run's progress bar counted them as companies
    ws.column_dimensions["B"].width = width
    ws.column_dimensions["B"].number_format = "@"
    helps.insert(1, (shown, note, said))
    return [max(tall[0], _lines(shown, width)), max(tall[1], _lines(note, width))]


def _guide(ws: Any, rules: RuleSet, columns: list[str], last_year: int, lang: str,
           helps: list[tuple[str, str, str | None]]) -> None:
    """The template's 填写说明 sheet: the rules every column shares (blank for unknown, never 0; units;
    yes/no; where the platform's score is found), then each column with its unit and the field's help (the
    YAML template's), then the glossary's terms those helps use (Ⅰ类知识产权, 科技人员). The sheet's name and
    its first cell are GUIDE_MARK, by which batch knows it and passes it over. A park's finance managers had
    only the units: they counted utility models as Ⅰ类, typed 0 where they did not know."""
    from openpyxl.styles import Alignment, Font, PatternFill

    from littlegiant.load.profile import field_for_path
    from littlegiant.load.rules import glossary
    from littlegiant.load.tabular import GUIDE_MARK
    from littlegiant.report.template import GUIDE_HEAD, GUIDE_TERMS, SHEET_RULES, help_text

    ws.title = GUIDE_MARK[lang]
    wrap = Alignment(wrap_text=True, vertical="top")
    bold, shade = Font(bold=True), PatternFill("solid", start_color="F2F2F2", end_color="F2F2F2")
    for letter, width in zip("ABC", _GUIDE_WIDTHS, strict=True):
        ws.column_dimensions[letter].width = width
    whole = sum(_GUIDE_WIDTHS)
    ws.cell(row=1, column=1, value=GUIDE_MARK[lang]).font = Font(bold=True, size=14)
    ws.row_dimensions[1].height = 24
    rules_said = [text.format(companies=t("xlsx.companies", lang), last_year=last_year) for text in SHEET_RULES[lang]]
    platform = rules.fields.get("platform_score")
    if platform is not None and platform.path in columns and platform.help is not None:
        said = help_text(platform, lang, last_year)
        rules_said.insert(4, f"{platform.label.get(lang)}{'：' if lang == 'zh' else ': '}{said}")
    row = 2
    for number, text in enumerate(rules_said, 1):
        row += 1
        text = f"{number}. {text}"
        ws.cell(row=row, column=1, value=text).alignment = wrap
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=3)
        ws.row_dimensions[row].height = _LINE_HEIGHT * _lines(text, whole)
    row += 2
    for col, text in enumerate(GUIDE_HEAD[lang], 1):
        head = ws.cell(row=row, column=col, value=text)
        head.font, head.fill = bold, shade
    for label, note, said in helps:
        row += 1
        cells = (label, note, said or "")
        for col, text in enumerate(cells, 1):
            cell = ws.cell(row=row, column=col, value=text)
            cell.alignment, cell.data_type = wrap, "s"
        ws.row_dimensions[row].height = _LINE_HEIGHT * max(_lines(text, width) for text, width
                                                           in zip(cells, _GUIDE_WIDTHS, strict=True))
    terms: dict[str, None] = {}
    for path in columns:
        terms.update(dict.fromkeys(field_for_path(rules, path).terms))
    known = glossary()
    said_terms = [known[term] for term in terms if term in known]
    if said_terms:
        row += 2
        ws.cell(row=row, column=1, value=GUIDE_TERMS[lang]).font = bold
        for term in said_terms:
            row += 1
            name, text = term.name.get(lang), term.text.get(lang)
            ws.cell(row=row, column=1, value=name).alignment = wrap
            cell = ws.cell(row=row, column=2, value=text)
            cell.alignment, cell.data_type = wrap, "s"
            ws.merge_cells(start_row=row, start_column=2, end_row=row, end_column=3)
            ws.row_dimensions[row].height = _LINE_HEIGHT * max(_lines(name, _GUIDE_WIDTHS[0]),
                                                               _lines(text, _GUIDE_WIDTHS[1] + _GUIDE_WIDTHS[2]))
    # protected (no password): a company typed here, not on the list, is told so by Excel at the first key,
    # rather than passed over by batch with the rest of the guide
    ws.protection.sheet = True
    _print_across(ws, landscape=False)
