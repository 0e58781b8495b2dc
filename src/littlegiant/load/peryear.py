"""A workbook kept one sheet a year (2023年 | 2024年 | 2025年), each sheet's figures headed without
their year (营业收入（万元）): read as one list, one row per company.

Parks keep their screening workbooks so; such a workbook stopped the run asking staff to merge the
sheets by hand (a VLOOKUP per column for hundreds of companies). A sheet's yearless per-year column
is read as that sheet's year, by the name the tool's own refusal gave it (营业收入（2023年）（万元）);
the companies are matched across the sheets by their 统一社会信用代码 when every sheet has the
column, else by their names as the tool compares them. What is not a per-year figure (从业人员,
知识产权, the yes/no answers, the park's own columns) describes the end of the latest year, and is
read from the latest year's sheet alone.

Unlike the one-sheet path, which streams, the rows of the joined sheets are held in memory until every
one is read (a company's last sheet may be read last): parks keep such workbooks for hundreds of
companies, not for hundreds of thousands.

A long table (a row per company and year, the year in a 年度 column, as a statistics system exports a
park's companies) is joined the same way: its rows of each year are that year's "sheet" (``long_plan``,
``long_rows``), held in memory as well; a row whose year cell states no whole year, or a year not over,
is matched to its company and said there, never filed under a year guessed.
"""

from __future__ import annotations

import json
import re
import unicodedata
import zipfile
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import NamedTuple

from littlegiant import lazyre
from littlegiant.errors import InputError
from littlegiant.load.tabular import (
    APPLICATION_WORDS,
    CELL_TYPES,
    NOTE_LIST,
    ROW_NOTES,
    SHEET_UNIT,
    RowError,
    _bare,
    add_note,
    figures_titles,
    id_kind,
    names_money_unit,
    norm,
    row_identity,
    stated_year,
    year_named,
)
from littlegiant.messages import Text, column_label

NEEDS_YEAR = "column.needs_year_stated"
"""The refusal of a per-year column without its year on a sheet whose name or title states one."""

_SHEET = lazyre.compile(rb"<(?:\w+:)?sheet\b([^>]*)>")
_ATTRIBUTE = lazyre.compile(rb'(\w+)="([^"]*)"')


def year_sheets(path: Path) -> bool:
    """Whether the workbook has two shown sheets or more whose names state different years: only
    such a workbook is probed for joining, so that every other one is read as it always was, at
    its cost (the sheet list is read from the workbook's own part, a few hundred bytes)."""
    try:
        with zipfile.ZipFile(path) as book:
            xml = book.read("xl/workbook.xml")[:1 << 20]
    except Exception:  # not a workbook, or a damaged one: its reading says so, as before
        return False
    years: set[int] = set()
    shown = 0
    for found in _SHEET.finditer(xml):
        attributes = {k.decode(): v.decode("utf-8", "replace") for k, v in _ATTRIBUTE.findall(found.group(1))}
        if attributes.get("state", "visible") != "visible":
            continue
        shown += 1
        year = stated_year([year_named(_unescaped(attributes.get("name", "")))])
        if year is not None:
            years.add(year)
    return len(years) >= 2 or (shown >= 2 and len(_title_years(path)) >= 2)


_TITLE_ROWS = 5
"""The rows a sheet's title is looked for in, above its header."""


def _title_years(path: Path) -> set[int]:
    """The years the shown sheets' titles state (Sheet1 headed 2024年度企业经营情况, Sheet2 2025年度…): a
    park names its sheets Sheet1, Sheet2 and writes the year in a title row above the header. Such a
    workbook was refused, each column asked for its year, where the same sheets named 2024年 are
    joined. A title naming an application (2026年申报名单) is no year of figures, and is not counted (its year
    beside the figures', 2026年申报企业2024年度经营数据, is set aside: ``figures_titles``)."""
    from littlegiant.load.xlsx import open_book

    years: set[int] = set()
    try:
        book = open_book(path)
        try:
            for ws in book.worksheets:
                if getattr(ws, "sheet_state", "visible") != "visible":
                    continue
                titles: list[str] = []
                for row in ws.iter_rows(max_row=_TITLE_ROWS, values_only=True):
                    cells = [str(v).strip() for v in row if v is not None and str(v).strip()]
                    if len(cells) > 2:  # the header: the title is above it
                        break
                    titles += cells
                # the application's year beside the figures' (2026年申报企业2024年度经营数据) is set aside: the year
                # left is the sheet's; a title naming an application alone (2026年申报名单) states none
                named = figures_titles(titles) != titles or not any(APPLICATION_WORDS.search(t) for t in titles)
                year = stated_year(titles) if named else None
                if year is not None:
                    years.add(year)
        finally:
            book.close()
    except MemoryError:
        raise
    except Exception:  # a damaged workbook: its reading says so, as before
        return set()
    return years


def _unescaped(text: str) -> str:
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&apos;", "'") \
        .replace("&amp;", "&")


class Probed(NamedTuple):
    """One table's header as the run's header check saw it: its problems, None when it passed."""

    where: str
    header: list[str]
    year: int | None
    problems: list[InputError] | None


class Sheet(NamedTuple):
    """A sheet of the year ``year`` joined: its per-year columns renamed with the year."""

    where: str
    name: str
    year: int
    header: list[str]
    renamed: dict[str, str]  # a yearless per-year column -> its header with the sheet's year
    others: list[InputError]  # the sheet's problems that are not a missing year (a misnamed column)
    roles: tuple[str | None, str | None] = (None, None)  # its company-name and 统一社会信用代码 columns


class Plan(NamedTuple):
    """How a workbook's per-year sheets are read as one list."""

    book: str
    sheets: list[Sheet]  # by year, the latest last
    where: str  # the joined table, as notes and problems name it: 名单.xlsx:2023年、2024年、2025年
    header: list[str]
    name_column: str | None  # the latest sheet's, as the joined rows hold it
    code_column: str | None
    by_code: bool
    unread: dict[str, list[str]]  # an older sheet's columns not read (not per-year figures): by sheet name
    early: list[InputError]  # a sheet of a year not over by the assessment date: why it stops the run
    early_problems: list[InputError]  # the refusals of its columns the line above stands for
    long: bool = False  # a long table's (a row per company and year): its "sheets" are its years' rows

    @property
    def latest(self) -> Sheet:
        return self.sheets[-1]

    @property
    def early_sheets(self) -> frozenset[str]:
        """The tables (file:sheet) of a year not over by the assessment date (``early``): not read, and said
        so. A workbook of 2023年 to 2026年, the last year-to-date, stopped the run in 2026 where an assessment
        of the same figures notes the later year's and goes on."""
        return frozenset(f"{self.book}:{p.params['sheet']}" for p in self.early)


def _roles(header: list[str], identity: Callable[[dict[str, str]], list[tuple[str, str]]] | None
           ) -> tuple[str | None, str | None]:
    """The sheet's company-name and 统一社会信用代码 columns, as the run tells a company entered twice."""
    name = code = None
    for h in header:
        if code is None and id_kind(h) == 0:
            code = h
        elif name is None and identity is not None and ("name", "x") in identity({h: "x"}):
            name = h
    return name, code


def plan(book: str, probed: list[Probed], identity: Callable[[dict[str, str]], list[tuple[str, str]]] | None,
         least: int = 2) -> Plan | None:
    """The joining of ``book``'s sheets refused only for want of their year, when two or more of
    different years are (None otherwise: the workbook is read, or refused, as before). Two such sheets
    of one year (2025年 and 2025年（修订）) are not joined: which one holds the year is not guessed. The
    latest sheet may be headed with its years already (营业收入（2025年）: the park took up the template
    this year), an older one not: its columns of other years would not be read."""
    sheets: list[Sheet] = []
    passed: list[Sheet] = []  # sheets of a year whose header passed: only the latest may join
    for table in {table.where: table for table in probed}.values():  # the workbook given twice: its sheets once
        if table.year is None or not table.where.startswith(book + ":"):
            continue
        missing = [p for p in table.problems or () if p.kind == NEEDS_YEAR and p.params.get("year") == table.year]
        if table.problems is None:
            passed.append(Sheet(table.where, table.where[len(book) + 1:], table.year, table.header, {}, []))
        if not missing:
            continue
        renamed = {str(p.field).strip(): str(getattr(p.params.get("example_zh"), "zh", p.params.get("example_zh")))
                   for p in missing if p.field and p.params.get("example_zh")}
        renamed = {h: renamed[h.strip()] for h in table.header if h.strip() in renamed}
        others = [p for p in table.problems or () if p not in missing]
        sheets.append(Sheet(table.where, table.where[len(book) + 1:], table.year, table.header, renamed, others))
    early: list[InputError] = []
    early_problems: list[InputError] = []
    for table in {table.where: table for table in probed}.values():
        # a 2026年 sheet in a 2026 run: each column was told to write 2025 (last year), where the sheet holds 2026's
        asked = {p.params.get("year") for p in table.problems or ()}
        if table.year is not None and table.where.startswith(book + ":") and table.problems and \
                all(p.kind == "column.needs_year" for p in table.problems) and \
                all(isinstance(y, int) and y < table.year for y in asked):
            early.append(InputError(kind="column.peryear_early", params={
                "sheet": table.where[len(book) + 1:], "year": table.year, "year_after": table.year + 1,
                "last": max(y for y in asked if isinstance(y, int))},
                file=book))
            early_problems += table.problems
    later = [s for s in passed if sheets and s.year > max(t.year for t in sheets)]
    if len(later) == 1 and len(passed) == 1:
        sheets += later
    if len(sheets) < least or len({s.year for s in sheets}) != len(sheets):
        return None
    sheets.sort(key=lambda s: s.year)
    sheets = [s._replace(roles=_roles(s.header, identity)) for s in sheets]
    roles = [s.roles for s in sheets]
    if any(name is None and code is None for name, code in roles):
        return None  # a sheet whose companies cannot be told: its refusal stands
    latest = sheets[-1]
    header = [latest.renamed.get(h, h) for h in latest.header]
    name_column, code_column = roles[-1]
    unread: dict[str, list[str]] = {}
    for sheet, (name, code) in zip(sheets[:-1], roles[:-1], strict=True):
        header += [sheet.renamed[h] for h in sheet.header if h in sheet.renamed]
        left = [h for h in sheet.header if h not in sheet.renamed and h not in (name, code) and id_kind(h) is None]
        if left:
            unread[sheet.name] = left
    if name_column is None:  # the latest sheet names none: the name an older sheet gives is kept
        name_column = next((n for n, _ in roles if n is not None), None)
        if name_column is not None:
            header.insert(0, name_column)
    if code_column is None:
        code_column = next((c for _, c in roles if c is not None), None)
        if code_column is not None:
            header.insert(1 if name_column is not None else 0, code_column)
    by_code = all(code is not None for _, code in roles)
    where = f"{book}:" + "、".join(s.name for s in sheets)
    return Plan(book, sheets, where, header, name_column, code_column, by_code, unread, early, early_problems)


def as_typed(plan: Plan, problem: InputError) -> InputError:
    """A problem of the joined list's header on a column the join renamed, moved to the sheet and header
    the park typed: 名单.xlsx:2024年，“营业收入（万元）”列, not a header of the joined list no sheet holds."""
    if problem.file != plan.where:
        return problem
    for sheet in plan.sheets:
        for typed, renamed in sheet.renamed.items():
            if problem.field is not None and problem.field.strip() == renamed:
                return problem.moved(file=sheet.where, field=typed, label=column_label(typed))
    return problem


class _Row(NamedTuple):
    sheet: int  # its sheet's place in Plan.sheets
    source: str  # file:sheet:row
    cells: dict[str, str]
    name: str  # as compared ("" when none)
    code: str


def _place(row: _Row, plan: Plan) -> Text:
    line = row.source.rpartition(":")[2]
    if plan.long:
        year = plan.sheets[row.sheet].year if row.sheet >= 0 else None
        return Text(f"第{line}行" + (f"（{year}年）" if year else ""), f"row {line}" + (f" ({year})" if year else ""))
    sheet = plan.sheets[row.sheet].name
    return Text(f"“{sheet}”表第{line}行", f"sheet '{sheet}' row {line}")


def _shown(row: _Row, plan: Plan, role: int) -> str:
    """The row's company name (role 0) or code (1) as typed on its own sheet."""
    column = plan.sheets[max(row.sheet, 0)].roles[role]  # a long table's row set aside (-1): its header is theirs
    return row.cells.get(column, "").strip() if column else ""


def joined(plan: Plan, rows: list[tuple[int, str, dict[str, str]]],
           identity: Callable[[dict[str, str]], list[tuple[str, str]]] | None,
           aside: Mapping[str, tuple[InputError, bool]] | None = None, by_name: list[bool] | None = None
           ) -> Iterator[tuple[str, dict[str, str] | InputError]]:
    """One (source, cells) per company of the plan's sheets, in the order of the latest sheet, then of
    the older ones: its per-year figures from each sheet, the rest from the latest sheet's row. A
    company entered twice on a sheet, or whose name and code disagree across sheets, is one error row
    naming both places; a company missing from a sheet has that year's figures blank (unknown,
    never 0), and its row says so. A long table's rows whose year is not read (``aside``: by source, why,
    and whether the company cannot be scored without it) come as sheet -1: each is matched to its
    company as any row is, and said on its row, or makes it an error row. ``by_name`` (when given) gets a
    flag for each company whose years were matched by its name where the plan matches by code (the run's note
    said 按统一社会信用代码对应 of them all): a row of it gave a code that lost digits to Excel (True), or none
    (False)."""
    aside = aside or {}
    read: list[_Row] = []
    for sheet, source, cells in rows:
        keys = dict(reversed(identity(cells))) if identity is not None else {}  # the first of each kind
        read.append(_Row(sheet, source, cells, keys.get("name", ""), keys.get("code", "")))
    groups: dict[tuple[str, str], list[_Row]] = {}
    named: dict[str, list[_Row]] = {}  # a name -> the rows giving it with a code
    for row in read:
        if row.name and row.code:
            named.setdefault(row.name, []).append(row)
    for row in sorted(read, key=lambda r: -r.sheet):  # stable: the latest sheet's order first
        codes = {other.code for other in named.get(row.name, ())}
        if plan.by_code and row.code:
            key = ("code", row.code)
        elif plan.by_code and row.name and len(codes) == 1:
            key = ("code", codes.pop())  # a code left blank on one sheet: its name's
        elif row.name:
            key = ("name", row.name)
        else:
            key = ("row", row.source)  # a row naming no company: scored alone, as on one sheet
        groups.setdefault(key, []).append(row)
    for group in groups.values():
        group.sort(key=lambda r: (r.sheet < 0, r.sheet))  # a long table's rows set aside: after the years read
        kept = [r for r in group if r.sheet >= 0]
        set_aside = [aside[r.source] for r in group if r.sheet < 0]
        conflict = _conflict(plan, group, named) or next((why for why, fatal in set_aside if fatal), None)
        if conflict is None and not kept:  # every row of a year the assessment does not read: why, said of the first
            conflict = set_aside[0][0]
        if conflict is not None:
            yield _joined_row(plan, group, conflict, aside)
            continue
        _, out = _joined_row(plan, kept, None)
        if by_name is not None and plan.by_code and len(kept) > 1 and not isinstance(out, InputError):
            codeless = [r for r in kept if not r.code]
            if codeless:
                by_name.append(any(ch.isdigit() for r in codeless for ch in _shown(r, plan, 1)))
        if not isinstance(out, InputError):
            for why, _ in set_aside:  # a row of a year not over: its figures no year's the criteria read
                add_note(out, "note.long_after", getattr(why.params.get("year"), "en", ""))
        yield _source(plan, group, aside), out


def _conflict(plan: Plan, group: list[_Row], named: Mapping[str, list[_Row]]) -> InputError | None:
    """Why the group's rows cannot be taken as one company's, or None."""
    by_sheet: dict[int, list[_Row]] = {}
    for row in group:
        if row.sheet >= 0:  # a long table's rows set aside are said on their own
            by_sheet.setdefault(row.sheet, []).append(row)
    for sheet, twice in by_sheet.items():
        if len(twice) > 1:
            numbers = [r.source.rpartition(":")[2] for r in twice]
            lines = Text("、".join(f"第{n}行" for n in numbers), "rows " + ", ".join(numbers))
            name = _shown(twice[0], plan, 0) or twice[0].code
            return InputError(kind="row.long_twice" if plan.long else "row.peryear_twice", params={
                "name": name, "sheet": plan.sheets[sheet].name, "year": _year(plan.sheets[sheet].year), "rows": lines})
    for kind, of in (("code", lambda r: r.code), ("name", lambda r: r.name)):
        seen: dict[str, _Row] = {}
        for row in group:
            if of(row):
                seen.setdefault(of(row), row)
        if len(seen) > 1:
            first, second = list(seen.values())[:2]
            return _disagree(plan, kind, first, second)
    if plan.by_code:  # one name under two codes, each a group of its own: neither is taken for the other
        for row in group:
            other = next((o for o in named.get(row.name, ()) if o.code != row.code and row.code), None)
            if other is not None:
                return _disagree(plan, "code", *sorted((row, other), key=lambda r: r.sheet))
    return None


def _disagree(plan: Plan, kind: str, first: _Row, second: _Row) -> InputError:
    role = 1 if kind == "code" else 0
    return InputError(kind="row.long_disagree" if plan.long else "row.peryear_disagree", params={
        "what": Text("统一社会信用代码", "unified social credit code") if kind == "code" else Text("企业名称", "company name"),
        "first": _place(first, plan), "first_value": _shown(first, plan, role),
        "second": _place(second, plan), "second_value": _shown(second, plan, role)})


def _source(plan: Plan, group: list[_Row], aside: Mapping[str, tuple[InputError, bool]] | None = None) -> str:
    """file:2023年:4 + 2024年:3 + 2025年:3: every row the company's results came from (a long table's
    row whose year is not read, by its year when it states one, else by its line alone: long.csv:2024年:3
    + 2026年:5 + 7)."""
    def place(row: _Row) -> str:
        if row.sheet >= 0:
            return f"{plan.sheets[row.sheet].name}:"
        year = (aside or {}).get(row.source, (None, True))[0]
        said = year.params.get("year") if year is not None and year.kind == "row.long_after" else None
        return f"{said.zh}:" if isinstance(said, Text) else ""
    return plan.book + ":" + " + ".join(place(r) + r.source.rpartition(':')[2] for r in group)


def _joined_row(plan: Plan, group: list[_Row], conflict: InputError | None,
                aside: Mapping[str, tuple[InputError, bool]] | None = None) -> tuple[str, dict[str, str] | InputError]:
    source = _source(plan, group, aside)
    name = next((n for r in reversed(group) if (n := _shown(r, plan, 0))), None)
    if conflict is not None:  # its code written back where the rows agree on one (a name twice under one code)
        codes = {row_identity(r.cells)[0] for r in group} - {""}
        ids = (next(iter(codes)) if len(codes) == 1 else "", row_identity(group[-1].cells)[1])
        return source, RowError([conflict], name, ids)
    cells = dict.fromkeys(plan.header, "")
    latest = len(plan.sheets) - 1
    # one row holds one sheet unit: the latest sheet's, which its other amounts (资产总额（2025年末）) are read
    # in; an older sheet's amounts under another (金额单位：元 over 2023年 alone) are headed with their own
    unit = group[-1].cells.get(SHEET_UNIT) if group[-1].sheet == latest else None
    for row in group:
        sheet = plan.sheets[row.sheet]
        own = row.cells.get(SHEET_UNIT)
        for h, renamed in sheet.renamed.items():
            if own != unit and not names_money_unit(renamed):
                cells.pop(renamed, None)
                renamed = f"{renamed}（{own or '万元'}）"
            cells[renamed] = row.cells.get(h, "")
        if row.sheet == latest:
            for h in sheet.header:
                if h not in sheet.renamed:
                    cells[h] = row.cells.get(h, "")
            for key in (CELL_TYPES, ""):
                if key in row.cells:
                    cells[key] = row.cells[key]
        for line in filter(None, row.cells.get(ROW_NOTES, "").split("\x1e")):
            if line not in cells.get(ROW_NOTES, "").split("\x1e"):  # a code's note, said once for its three sheets
                kind, _, param = line.partition("\x1f")
                add_note(cells, kind, param)
    for column in (plan.name_column, plan.code_column):  # said once: the latest sheet that gives it
        if column is not None and not cells.get(column, "").strip():
            role = 0 if column == plan.name_column else 1
            cells[column] = next((r.cells.get(c or "", "") for r in reversed(group)
                                  for c in [plan.sheets[r.sheet].roles[role]] if r.cells.get(c or "", "").strip()), "")
    if unit is not None:
        cells[SHEET_UNIT] = unit
    given = {r.sheet for r in group}
    # a long table's years by their numbers, which its note words in the run's language (2024年 in English was
    # its "sheet" name); a workbook's by its sheets' names, as the park typed them
    absent = [str(s.year) if plan.long else s.name for i, s in enumerate(plan.sheets)
              if i not in given and i != latest]  # the latest: below
    if absent:
        add_note(cells, "note.long_missing" if plan.long else "note.peryear_missing", NOTE_LIST.join(absent))
    if latest not in given:
        add_note(cells, "note.long_not_latest" if plan.long else "note.peryear_not_latest",
                 str(plan.latest.year) if plan.long else plan.latest.name)
    return source, cells



# A long table: one row per company and year, as a statistics system exports it (企业名称 | 年度 | 营业收入（万元）
# | …). Its yearless per-year columns are read as each row's year, and a company's rows joined as a workbook's
# year sheets are (``joined``): each year's rows are a "sheet" of that year, named 2025年.

YEAR_HEADERS = frozenset(norm(h) for h in (
    "年度", "年份", "年", "报告期", "报告年度", "报告年份", "统计年度", "统计年份", "会计年度", "财务年度", "数据年度",
    "所属年度", "所属年份", "year", "fiscal year", "reporting year", "report year"))
"""Headers of a long table's year column (by ``norm``, a remark in brackets after it dropped). Not 申报年度
or 填报年度: the year of the application or of the filling in (2026), not of the figures (2025)."""


def year_column(header: list[str]) -> str | None:
    """The header's one year column (年度, 年份, 报告期, year), None when it has none or several (which
    one dates the row is not guessed)."""
    found = [h for h in header if h.strip() and _bare(norm(h)) in YEAR_HEADERS]
    return found[0] if len(found) == 1 else None


class Long(NamedTuple):
    """A table found to be long from its header: refused only for its per-year columns' years."""

    where: str
    header: list[str]
    column: str  # the year column
    last: int  # the assessment's last year: a row of a later year is not read
    rows: list[tuple[str, dict[str, str]]]  # (source, cells), held until the table is read


def long_table(where: str, header: list[str], problems: list[InputError] | None,
               identity: Callable[[dict[str, str]], list[tuple[str, str]]] | None) -> Long | None:
    """The table as a long one, when it has a year column, tells its companies apart (a name or a
    统一社会信用代码 column), and its header was refused (``problems``) for a per-year column without its
    year; None otherwise: it is read, or refused, as before."""
    column = year_column(header)
    if column is None or not problems:
        return None
    missing = [p for p in problems if p.kind in ("column.needs_year", NEEDS_YEAR) and p.field
               and isinstance(p.params.get("year"), int)]
    if not missing or _roles(header, identity) == (None, None):
        return None
    return Long(where, header, column, max(int(str(p.params["year"])) for p in missing), [])


_YEAR_CELL = lazyre.compile(r"(19\d\d|20\d\d|2100)(?:\.0+)?\s*(?:年度|年)?")
_WHOLE_YEAR_CELL = lazyre.compile(r"(19\d\d|20\d\d|2100)\s*年\s*(?:全年|(?:0?1|一)\s*月?份?\s*[-–—~～至到]\s*(?:12|十二)\s*月份?)"
                              r"(?:累计)?")
"""2025年1-12月, 2025年全年: a statistics system's report period of the whole year."""
_YEAR_END_CELL = lazyre.compile(r"(19\d\d|20\d\d|2100)(?:[-/.]12[-/.]31|年12月31[日号]?)(?:\s+0?0:00(?::00)?)?")
_DATE_CELL = lazyre.compile(r"(19\d\d|20\d\d|2100)(?:[-/.]\d{1,2}[-/.]\d{1,2}|年\d{1,2}月\d{1,2}[日号]?)(?:\s+[\d:]+)?")
_IN_A_YEAR = lazyre.compile(r"(?<!\d)(19\d\d|20\d\d|2100)(?!\d)")


def cell_year(cell: str) -> int | tuple[str, dict[str, object]]:
    """The year a long table's year cell states (2025, 2025年, 2025年度; a year-end date, 2025-12-31),
    or why it is none (a message kind and its parameters, the row's line and column to add): a date within a year, or a part of one (2025年1-9月, 2025年上半年), holds no
    whole year's figures, and is never read as that year's."""
    text = unicodedata.normalize("NFKC", cell).strip()
    found = _YEAR_CELL.fullmatch(text) or _YEAR_END_CELL.fullmatch(text) or _WHOLE_YEAR_CELL.fullmatch(text)
    if found is not None:
        return int(found.group(1))
    if not text:
        return "row.long_year_blank", {}
    years = _IN_A_YEAR.findall(text)
    if len(set(years)) == 1 and (_DATE_CELL.fullmatch(text) or re.search(r"月|季|半年|q[1-4]", text, re.IGNORECASE)):
        return "row.long_year_part", {"value": cell.strip(), "year": _year(years[0])}
    return "row.long_year_not", {"value": cell.strip()}


_QUOTED = lazyre.compile(r'"[^"]*"|\\.|\[[^\]]*\]')


def row_year(long: Long, cells: Mapping[str, str]) -> int | tuple[str, dict[str, object]]:
    """The year the row's year cell states (``cell_year``), as the sheet shows it: a day in a cell formatted
    to show its year alone (yyyy, yyyy"年度") is that year, as the park sees it in Excel (read as the day
    2025-01-01, it was refused as part of 2025)."""
    typed = cells.get(CELL_TYPES)
    if typed and long.column in typed:
        try:
            kind, value, shown = json.loads(typed).get(long.column, (None, None, None))[:3]
        except (ValueError, TypeError, AttributeError):
            kind = None
        if kind == "d" and isinstance(value, str) and isinstance(shown, str):
            bare = _QUOTED.sub("", shown).lower()
            if "y" in bare and not re.search(r"[mdhs]", bare):
                year = cell_year(value[:4])
                if isinstance(year, int):
                    return year
    return cell_year(cells.get(long.column, ""))


def long_plan(long: Long, probed: list[Probed],
              identity: Callable[[dict[str, str]], list[tuple[str, str]]] | None) -> Plan | None:
    """How the long table is joined: a "sheet" for each year its rows give (``probed``: its header told
    to the run's header check once for each of them, as a sheet of that year, named 2025年). The year
    column itself is no company's figure once the rows are joined: it is left out of the joined list."""
    joining = plan(long.where, probed, identity, least=1)
    if joining is None:
        return None
    sheets = [s._replace(where=long.where, header=[h for h in s.header if h != long.column]) for s in joining.sheets]
    header = [h for h in joining.header if h != long.column]
    return joining._replace(sheets=sheets, where=long.where, header=header, unread={}, long=True)


def long_taken(joining: Plan) -> list[InputError]:
    """A yearless column whose year some rows give is also a column of its own (营业收入（万元） in the rows
    of 2024, beside 营业收入（2024年）（万元）): which holds 2024's figures is not guessed. Passed over, the
    2024 rows' figure was dropped without a word."""
    out: list[InputError] = []
    for sheet in reversed(joining.sheets):
        for p in sheet.others:
            if p.kind == "column.needs_year_taken" and p.field and all(o.field != p.field for o in out):
                out.append(InputError(kind="column.long_taken", params={"year": _year(sheet.year),
                                                                        "other": p.params.get("other", "")},
                                      field=p.field, label=column_label(p.field), file=joining.where))
    return out


def long_rows(joining: Plan, long: Long) -> tuple[list[tuple[int, str, dict[str, str]]], dict[str, tuple[InputError, bool]]]:
    """The long table's rows as ``joined`` takes them: each filed under its year's "sheet", and those
    whose year is not read set aside with why: a cell that is no year (the company cannot be scored
    without guessing which year's its figures are), or a year not over by the assessment date (read
    for no year the criteria read: said on the company's row)."""
    years = {s.year: i for i, s in enumerate(joining.sheets)}
    rows: list[tuple[int, str, dict[str, str]]] = []
    aside: dict[str, tuple[InputError, bool]] = {}
    for source, cells in _carried(long.rows, [c for c in (joining.name_column, joining.code_column) if c]):
        year = row_year(long, cells)
        if isinstance(year, int) and year in years:
            rows.append((years[year], source, cells))
            continue
        aside[source] = (unread_year(long, source, year), not isinstance(year, int))
        rows.append((-1, source, cells))
    return rows, aside


def _carried(rows: list[tuple[str, dict[str, str]]], ids: list[str]) -> Iterator[tuple[str, dict[str, str]]]:
    """The long table's rows, a row naming no company (its name and code blank) right under a row of one
    taken as that company's, as its name merged down over its years' rows says in a workbook: saved as CSV
    (or typed once, as a printed table leaves it), the merge keeps its text in the first row alone, and each
    later year's row was scored as a nameless company of one year while the company lost those years. Said
    on the company's row."""
    above: tuple[int, dict[str, str]] | None = None  # the line and ids of the row above
    for source, cells in rows:
        line = _line(source)
        if ids and above is not None and line == above[0] + 1 and not any(cells.get(c, "").strip() for c in ids):
            cells = {**cells, **above[1]}
            add_note(cells, "note.long_carried")
        elif any(cells.get(c, "").strip() for c in ids):
            above = (line, {c: cells.get(c, "") for c in ids})
        else:
            above = None
        if above is not None:
            above = (line, above[1])
        yield source, cells


def _line(source: str) -> int:
    """A row's line on its sheet, from its source (名单.csv:12, 名单.xlsx:数据:12); -1 when it has none."""
    tail = source.rpartition(":")[2]
    return int(tail) if tail.isdigit() else -1


def unread_year(long: Long, source: str, year: int | tuple[str, dict[str, object]]) -> InputError:
    """Why the row at ``source`` is not read for its year (``cell_year``'s): it states none, or one
    later than the assessment's last year."""
    line = source.rpartition(":")[2]
    place: dict[str, object] = {"row": Text(f"第{line}行", f"row {line}"), "column": long.column}
    if isinstance(year, int):
        return InputError(kind="row.long_after", params={"year": _year(year), "last": _year(long.last), **place})
    kind, params = year
    return InputError(kind=kind, params={**params, **place})


def _year(year: object) -> Text:
    """A year as a sentence says it: 2025年 in Chinese (no space before it), 2025 in English."""
    return Text(f"{year}年", str(year))
