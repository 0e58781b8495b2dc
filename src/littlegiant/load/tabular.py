"""Spreadsheet-shaped input: column headers in either language, whole-row validation, a header's
mistakes found once. (The words batch writes, and its templates, are report/table.py.)

A sheet filled in by a finance manager has Chinese headers (营业收入（2025年）), a consultant's
script has field ids (financials.2025.revenue); both name the same field. A row is checked whole,
so that its error lists every problem with its column, not only the first.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any

from littlegiant.errors import InputError
from littlegiant.load.answers import MONEY_TYPES, MONEY_UNITS, read_typed
from littlegiant.load.profile import (
    PartExceedsWhole,
    Profile,
    Scalar,
    check_parts,
    field_for_path,
    field_words,
    input_label,
)
from littlegiant.load.rules import FieldDef, RuleSet
from littlegiant.messages import Text, nearest

PROBLEMS_SEPARATOR = "\n"
"""Between the problems of one row in its error cell. Messages quote what users typed with repr,
so a problem never holds a newline of its own, and the xlsx errors sheet can split them again."""


class RowError(InputError):
    """Every problem of one row, with the company's name so that the error row still says whose it is."""

    def __init__(self, errors: list[InputError], name: str | None) -> None:
        super().__init__(PROBLEMS_SEPARATOR.join(map(str, errors)))
        self.errors = errors
        self.name = name

    def render(self, lang: str) -> str:
        """Every problem of the row in ``lang``."""
        return PROBLEMS_SEPARATOR.join(e.render(lang) for e in self.errors)


_YEAR = re.compile(r"\(?(19\d\d|20\d\d|2100)(?:年度|年)?\)?")
_TRAILING_GROUP = re.compile(r"\([^()]*\)$")


def norm(text: str) -> str:
    """A header as compared: full-width forms folded (（）→()), letter case and spaces ignored."""
    return "".join(unicodedata.normalize("NFKC", text).lower().split())


def _labels(rules: RuleSet) -> dict[str, FieldDef]:
    found: dict[str, FieldDef] | None = rules.memo.get("tabular.labels")
    if found is None:
        found = rules.memo["tabular.labels"] = {}
        short: dict[str, FieldDef | None] = {}
        for f in rules.fields.values():
            for label in (f.label.zh, f.label.en):
                found.setdefault(norm(label), f)
                # 行业 for 行业（《中小企业划型标准规定》）, as people head a column; kept when unambiguous
                brief = _TRAILING_GROUP.sub("", norm(label))
                if brief and brief != norm(label):
                    short[brief] = f if short.get(brief, f) is f else None
        for brief, only in short.items():
            if only is not None:
                found.setdefault(brief, only)
    return found


def column(rules: RuleSet, header: str) -> tuple[str, FieldDef]:
    """The concrete profile path and field a column header names: a dotted field path, or a field's
    zh or en label, per-year fields with their year (营业收入（2025年）, "Operating revenue 2025",
    2025年营业收入), a unit in brackets allowed at the end (营业收入（2025年）（万元）).

    Looked up once per header and rule set; only headers that name a field are kept."""
    cache: dict[str, tuple[str, FieldDef]] = rules.memo.setdefault("tabular.columns", {})
    found = cache.get(header)
    if found is None:
        found = cache[header] = _resolve(rules, header)
    return found


def _resolve(rules: RuleSet, header: str) -> tuple[str, FieldDef]:
    text = header.strip()
    try:
        return text, field_for_path(rules, text)
    except InputError:
        pass
    labels = _labels(rules)
    folded = norm(text)
    year_match = _YEAR.search(folded)
    year = int(year_match.group(1)) if year_match else None
    rest = folded[: year_match.start()] + folded[year_match.end():] if year_match else folded
    for candidate in (folded, rest, _TRAILING_GROUP.sub("", rest)):
        f = labels.get(candidate)
        if f is None:
            continue
        if not f.per_year:
            if year is None or candidate == folded:  # a label may hold a year of its own (〔2011〕300号)
                return f.path, f
            continue
        if year is None:
            raise InputError(kind="column.needs_year", params={"example_zh": input_label(f, f.concrete_path(2025)).zh,
                                                               "example": f.concrete_path(2025)},
                             field=text, label=Text(f"“{text}”列", text))
        return f.concrete_path(year), f
    pool = {**labels, **{f.concrete_path(year or 2025) if f.per_year else f.path: f for f in rules.fields.values()}}
    near = nearest(folded, pool) or (nearest(rest, labels) if year_match else None)
    if near is not None:
        f = pool[near]
        shown = input_label(f, f.concrete_path(year or 2025)) if f.per_year else f.label
        raise InputError(kind="column.unknown_near", params={"near": f.concrete_path(year or 2025) if f.per_year
                                                             else f.path, "near_label": shown},
                         field=text, label=Text(f"“{text}”列", text))
    raise InputError(kind="column.unknown", field=text, label=Text(f"“{text}”列", text))


def known_header(rules: RuleSet, header: object) -> bool:
    """Whether a cell reads as a column header (to find the header row under a sheet's title)."""
    if not isinstance(header, str) or not header.strip():
        return False
    try:
        column(rules, header)
    except InputError:
        return False
    return True


def header_unit(rules: RuleSet, header: str, f: FieldDef, sheet: str | None = None) -> Decimal:
    """How many 万元 one of a money column's plain numbers is, as the unit its header ends with
    says: 营业收入（2025年）（元） holds 元, so 50,000,000 in it is 5,000 万元, not 50,000,000 万元; else
    as the sheet's title rows say (``sheet``: 金额单位：元). 1 when neither names a unit but 万元."""
    if f.type not in MONEY_TYPES:
        return Decimal(1)
    cache: dict[str, Decimal | None] = rules.memo.setdefault("tabular.units", {})
    if header in cache:
        found = cache[header]
    else:
        group = _TRAILING_GROUP.search(norm(header))
        unit = group.group(0)[1:-1] if group else ""
        found = cache[header] = next((factor for name, factor in MONEY_UNITS if name == unit), None)
    if found is None:
        return _UNIT_FACTOR.get(sheet or "", Decimal(1))
    return found


_UNIT_FACTOR = dict(MONEY_UNITS)
SHEET_UNIT = "\x00unit"
"""The key under which a sheet's row carries the money unit its title rows name (金额单位：元): no
header can be it (a cell holds no NUL), and ``row_profile`` reads it as the unit of money columns
whose header names none."""
_TITLE_UNIT = re.compile(r"单位[:：]\s*(?:人民币)?(万亿元|亿元|千万元|百万元|万元|千元|元)")


def title_unit(cells: Iterable[str]) -> str | None:
    """The money unit a title row names (苏州园区企业情况（金额单位：元）, 单位：万元、人), or None; 万元 is
    none (it is the profile's own). A park's sheet says its unit once above the header, and a user
    who typed 9,000,000 under 金额单位：元 means 900 万元: reading it as 900 亿 turned a small company
    into a candidate for every title."""
    for cell in cells:
        found = _TITLE_UNIT.search(unicodedata.normalize("NFKC", cell).replace(" ", ""))
        if found is not None:
            return None if found.group(1) == "万元" else found.group(1)
    return None


TOTAL, FOOTER = "total", "footer"
_TOTALS = frozenset({"合计", "总计", "小计", "总合计", "累计", "合计数", "total", "subtotal", "grandtotal"})
_FOOTER = re.compile(r"(填表人|填报人|制表人|审核人|审核|复核人|负责人|单位负责人|统计人|联系人|联系电话|"
                     r"填表日期|填报日期|制表日期|日期|注|备注|说明|填表说明|制表)[:：]")


def skipped_row(values: list[str]) -> str | None:
    """Why a row of a sheet is no company: TOTAL (合计, 总计, 小计 in its first cells: the column
    sums a park adds under its list) or FOOTER (填表人：…, 注：…, alone on their row); else None.
    Scored, a totals row became a company with no name and the park's summed figures."""
    filled = [v.strip() for v in values if v.strip()]
    if not filled:
        return None
    if any(norm(v).replace(":", "") in _TOTALS for v in filled[:2]):
        return TOTAL
    if len(filled) <= 2 and _FOOTER.match(unicodedata.normalize("NFKC", filled[0]).replace(" ", "")):
        return FOOTER
    return None


def skipped_text(skipped: Mapping[str, list[int]]) -> Text:
    """The rows a sheet's reader passed over, by why, in words: 第 34 行（合计行）、第 36 行（表尾说明）."""
    words = {TOTAL: ("合计行", "totals"), FOOTER: ("表尾说明", "footer")}
    zh, en = [], []
    for why, rows in skipped.items():
        zh.append(f"第 {_row_list(rows, '、')} 行（{words[why][0]}）")
        en.append(f"{'rows' if len(rows) > 1 else 'row'} {_row_list(rows, ', ')} ({words[why][1]})")
    return Text("、".join(zh), ", ".join(en))


def _row_list(rows: list[int], sep: str, most: int = 10) -> str:
    shown = sep.join(map(str, rows[:most]))
    return shown + (f" … (+{len(rows) - most})" if len(rows) > most else "")


def ignored_columns(header: Iterable[str], rules: RuleSet, ours: frozenset[str] = frozenset()) -> list[str]:
    """The columns of a header that ``row_profile`` passes over as naming nothing the rules know,
    so that a run can say once which they are (a misspelt 营业收入 among them would leave it unknown).
    ``ours``: the headers batch output has (as ``norm`` gives them), passed over without a word."""
    out = []
    for h in header:
        if not h.strip() or norm(h) in ours:
            continue
        try:
            column(rules, h)
        except InputError as exc:
            if exc.kind == "column.unknown":
                out.append(h.strip())
    return out


def header_problem(header: Iterable[str], rules: RuleSet, ours: frozenset[str] = frozenset()) -> InputError | None:
    """The first column of a header that would make every row an error: a near miss of a field's
    name (营收2024 for 营业收入（2024年）), a per-year field without its year, or a second column for
    a field already read. Passing over it would leave that input unknown for every company, and
    failing each row would bury one mistake in the header under hundreds of errors: a run says it
    once, up front, and stops."""
    taken: dict[str, str] = {}
    for h in header:
        if not h.strip() or norm(h) in ours:
            continue
        try:
            path, _ = column(rules, h)
        except InputError as exc:
            if exc.kind == "column.unknown":
                continue
            return exc
        if path in taken:
            return _same(h, taken[path])
        taken[path] = h
    return None


def _same(header: str, other: str) -> InputError:
    return InputError(kind="column.same", params={"other": other}, field=header, label=Text(f"“{header}”列", header))


def row_profile(cells: Mapping[str, str], rules: RuleSet, source: str, ours: frozenset[str] = frozenset()) -> Profile:
    """A row of text cells (header → cell) as a Profile; RowError listing every problem, each with
    its column, and the company's name, when any cell is wrong. Columns that name nothing the rules
    know are passed over (``ignored_columns`` says which, once per file), as are the columns of
    batch's own output (``ours``, as ``norm`` gives them), so that a results file reads back."""
    values: dict[str, Scalar] = {}
    problems: list[InputError] = []
    taken: dict[str, str] = {}
    sheet_unit = cells.get(SHEET_UNIT)
    for header, cell in cells.items():
        if header == SHEET_UNIT:
            continue
        if not header.strip():
            if cell.strip():
                problems.append(InputError(kind="column.no_header", params={"cell": cell.strip()}))
            continue
        try:
            path, f = column(rules, header)
        except InputError as exc:
            # a column batch writes (its results read back are not figures), or one like nothing the
            # rules know (序号, 联系人, 备注: a park's sheet has them) is passed over; a near miss of a
            # field's name (营业收人2025) or a per-year field without its year is the row's problem
            if exc.kind != "column.unknown" and norm(header) not in ours:
                problems.append(exc)
            continue
        try:
            # as the interview reads an answer, a unit in the cell winning over the header's; never a
            # choice by its number (a stray 1 in a cell would silently pick the first)
            value, _ = read_typed(f, cell, where=header, label=field_words(f, path), unit=header_unit(rules, header, f, sheet_unit))
        except InputError as exc:
            problems.append(exc)
            continue
        if path in taken:
            problems.append(_same(header, taken[path]))
            continue
        taken[path] = header
        if value is not None:
            values[path] = value
    if not problems:
        try:
            check_parts(rules, values)
        except PartExceedsWhole as exc:
            problems.append(exc)
    if problems:
        name = values.get("name")
        raise RowError(problems, name if isinstance(name, str) else None)
    return Profile(values, source)


NOTES_MARK = {"zh": "填写说明（本行不计入）", "en": "Notes (this row is not read)"}
"""The first cell of the template's notes row: a row starting with it is not a company. The
templates (report/table.py) write it; the readers know it."""
SAMPLE_MARK = {"zh": "示例公司（示例行，不计入）", "en": "Example Co (sample row, not read)"}
"""The name in the template's sample row: left in a filled-in sheet, it is not scored as a company
(a park's results listed 示例公司 among its members)."""


def cell_text(value: Any) -> str:
    """A spreadsheet cell's value as the text a CSV cell would hold (whole floats without ".0")."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if hasattr(value, "isoformat"):
        text: str = value.isoformat()
        return text.removesuffix("T00:00:00")
    return str(value)


COUNT_LIMIT = 1 << 30
"""Inputs up to this size (1 GB) have their lines counted for the progress bar's total: a fast
scan next to the scoring. Beyond it, or for what cannot be counted cheaply, the bar has no total."""


def estimate_rows(paths: list[Path], sheet: str | None = None) -> int | None:
    """About how many companies the inputs hold (lines of text files, rows of sheets, profile files),
    for a progress bar's total and time left; None when that would cost more than it is worth."""
    total = 0
    for path in paths:
        try:
            suffix = path.suffix.lower()
            if path.is_dir():
                total += sum(1 for p in path.iterdir() if p.suffix.lower() in (".yaml", ".yml", ".json"))
            elif suffix in (".xlsx", ".xlsm"):
                from littlegiant.load.xlsx import count_rows

                total += count_rows(path, sheet)
            elif suffix in (".csv", ".jsonl", ".ndjson"):
                if path.stat().st_size > COUNT_LIMIT:
                    return None
                lines = 0
                with path.open("rb") as handle:
                    while block := handle.read(1 << 20):
                        lines += block.count(b"\n")
                total += max(lines - (suffix == ".csv"), 0)
            else:
                total += 1
        except (OSError, InputError):
            return None
    return total


PROBLEMS_LIMIT = 50
"""At most this many problems are listed for one row (a row of garbage need not list hundreds)."""


def every_problem(data: dict[Any, Any], rules: RuleSet, source: str, first: InputError) -> RowError:
    """Every problem of a nested profile (a JSON line, a profile file) that failed with ``first``,
    found by taking out each field in error and validating again, so each message is the loader's
    own; with the company's name. Only a row in error pays for this."""
    from littlegiant.load.profile import from_data

    problems = [first]
    current: Any = data
    while len(problems) < PROBLEMS_LIMIT:
        current = _without(current, problems[-1].field)
        if current is None:
            break
        try:
            from_data(current, rules, source)
        except InputError as exc:
            problems.append(exc)
            continue
        break
    name = data.get("name")
    return RowError(problems, name if isinstance(name, str) else None)


def _without(data: Any, field: str | None) -> Any:
    """A copy of nested ``data`` without the key at the dotted ``field`` (year keys matched as
    text), or None when there is no such key to take out."""
    if field is None or not isinstance(data, dict):
        return None
    head, _, rest = field.partition(".")
    key = next((k for k in data if str(k) == head), _MISSING)
    if key is _MISSING:
        return None
    copy = dict(data)
    if not rest:
        del copy[key]
        return copy
    inner = _without(data[key], rest)
    if inner is None:
        return None
    copy[key] = inner
    return copy


_MISSING = object()
