"""Spreadsheet-shaped input and output: column headers in either language, whole-row validation,
formula-safe cells.

A sheet filled in by a finance manager has Chinese headers (营业收入（2025年）), a consultant's
script has field ids (financials.2025.revenue); both name the same field. A row is checked whole,
so that its error lists every problem with its column, not only the first.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, NamedTuple

from littlegiant.errors import InputError
from littlegiant.i18n import SIZE, STATUS, t
from littlegiant.load.profile import (
    PartExceedsWhole,
    Profile,
    Scalar,
    check_parts,
    check_value,
    field_for_path,
    field_words,
    input_label,
    parse_text_value,
)
from littlegiant.load.rules import TIER_IDS, FieldDef, RuleSet
from littlegiant.messages import Words, nearest

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


def _norm(text: str) -> str:
    """A header as compared: full-width forms folded (（）→()), letter case and spaces ignored."""
    return "".join(unicodedata.normalize("NFKC", text).lower().split())


def _labels(rules: RuleSet) -> dict[str, FieldDef]:
    found: dict[str, FieldDef] | None = rules.memo.get("tabular.labels")
    if found is None:
        found = rules.memo["tabular.labels"] = {}
        short: dict[str, FieldDef | None] = {}
        for f in rules.fields.values():
            for label in (f.label.zh, f.label.en):
                found.setdefault(_norm(label), f)
                # 行业 for 行业（《中小企业划型标准规定》）, as people head a column; kept when unambiguous
                brief = _TRAILING_GROUP.sub("", _norm(label))
                if brief and brief != _norm(label):
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
    norm = _norm(text)
    year_match = _YEAR.search(norm)
    year = int(year_match.group(1)) if year_match else None
    rest = norm[: year_match.start()] + norm[year_match.end():] if year_match else norm
    for candidate in (norm, rest, _TRAILING_GROUP.sub("", rest)):
        f = labels.get(candidate)
        if f is None:
            continue
        if not f.per_year:
            if year is None or candidate == norm:  # a label may hold a year of its own (〔2011〕300号)
                return f.path, f
            continue
        if year is None:
            raise InputError(kind="column.needs_year", params={"example_zh": input_label(f, f.concrete_path(2025)).zh,
                                                               "example": f.concrete_path(2025)},
                             field=text, label=Words(f"“{text}”列", text))
        return f.concrete_path(year), f
    pool = {**labels, **{f.concrete_path(year or 2025) if f.per_year else f.path: f for f in rules.fields.values()}}
    near = nearest(norm, pool) or (nearest(rest, labels) if year_match else None)
    if near is not None:
        f = pool[near]
        shown = input_label(f, f.concrete_path(year or 2025)) if f.per_year else f.label
        raise InputError(kind="column.unknown_near", params={"near": f.concrete_path(year or 2025) if f.per_year
                                                             else f.path, "near_label": shown},
                         field=text, label=Words(f"“{text}”列", text))
    raise InputError(kind="column.unknown", field=text, label=Words(f"“{text}”列", text))


def known_header(rules: RuleSet, header: object) -> bool:
    """Whether a cell reads as a column header (to find the header row under a sheet's title)."""
    if not isinstance(header, str) or not header.strip():
        return False
    try:
        column(rules, header)
    except InputError:
        return False
    return True


NUMERIC_TYPES = frozenset({"int", "number", "percent", "money", "signed_money"})
MONEY_TYPES = frozenset({"money", "signed_money"})
"""Field types whose cells are numbers, and of those the amounts in 万元."""


def header_unit(rules: RuleSet, header: str, f: FieldDef) -> Decimal:
    """How many 万元 one of a money column's plain numbers is, as the unit its header ends with
    says: 营业收入（2025年）（元） holds 元, so 50,000,000 in it is 5,000 万元, not 50,000,000 万元. 1 when
    the header names no unit or 万元."""
    if f.type not in MONEY_TYPES:
        return Decimal(1)
    cache: dict[str, Decimal] = rules.memo.setdefault("tabular.units", {})
    found = cache.get(header)
    if found is None:
        from littlegiant.load.answers import MONEY_UNITS

        group = _TRAILING_GROUP.search(_norm(header))
        unit = group.group(0)[1:-1] if group else ""
        found = cache[header] = next((factor for name, factor in MONEY_UNITS if name == unit), Decimal(1))
    return found


def cell_value(f: FieldDef, cell: str, where: str, unit: Decimal = Decimal(1),
               label: Words | None = None) -> Scalar | None:
    """One cell's value; a plain amount in a column whose header names another unit than 万元
    (``unit``, from header_unit) is converted to 万元. A number the plain reading refuses is read
    as the interview reads an answer (0.5亿, 800万, ８，０００万元, 12.5%, 第3名; 有/无, 对, 没有 for yes
    and no), with the same parser, so that a sheet takes what a person types; money converts to
    万元 in Decimal, a unit in the cell winning over the header's. When neither reads it, the plain
    reading's message says what was expected. (Choices keep the plain reading: an answer's "1"
    for the first choice would silently pick a choice in a sheet.)"""
    try:
        value = parse_text_value(f, cell, where=where, label=label)
        if unit != 1 and isinstance(value, Decimal):
            from littlegiant.load.answers import plain

            value = check_value(f, plain(value * unit), where=where, label=label)
        return value
    except InputError as exc:
        if (f.type not in NUMERIC_TYPES and f.type != "bool") or cell.strip().lower() in ("null", "~"):
            raise
        refused = exc
    from littlegiant.load.answers import parse_answer

    try:
        return parse_answer(f, cell, where)[0]
    except InputError:
        raise refused from None


def ignored_columns(header: Iterable[str], rules: RuleSet) -> list[str]:
    """The columns of a header that ``row_profile`` passes over as naming nothing the rules know,
    so that a run can say once which they are (a misspelt 营业收入 among them would leave it unknown)."""
    out = []
    for h in header:
        if not h.strip() or _norm(h) in output_columns(rules):
            continue
        try:
            column(rules, h)
        except InputError as exc:
            if exc.kind == "column.unknown":
                out.append(h.strip())
    return out


def row_profile(cells: Mapping[str, str], rules: RuleSet, source: str) -> Profile:
    """A row of text cells (header → cell) as a Profile; RowError listing every problem, each with
    its column, and the company's name, when any cell is wrong. Columns that name nothing the rules
    know are passed over (``ignored_columns`` says which, once per file)."""
    values: dict[str, Scalar] = {}
    problems: list[InputError] = []
    taken: dict[str, str] = {}
    for header, cell in cells.items():
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
            if exc.kind != "column.unknown" and _norm(header) not in output_columns(rules):
                problems.append(exc)
            continue
        try:
            value = cell_value(f, cell, header, header_unit(rules, header, f), label=field_words(f, path))
        except InputError as exc:
            problems.append(exc)
            continue
        if path in taken:
            problems.append(InputError(kind="column.same", params={"other": taken[path]}, field=header,
                                       label=Words(f"“{header}”列", header)))
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


SUMMARY_COLUMNS = ["source", "name", "status", "error", "sme_size", *[
    f"{t}_{k}" for t in TIER_IDS for k in ("status", "score")], "next_step", "warnings"]
"""The columns of batch's summary rows by id: a .csv with ``--columns ids``, and JSON Lines keys."""


class Labels(NamedTuple):
    """What batch output headed with words needs: the language, each tier's title in it, and the
    company-name field's label (so that the name column reads back as input)."""

    lang: str
    tiers: Mapping[str, str]
    name: str


def output_columns(rules: RuleSet) -> frozenset[str]:
    """The columns batch writes (ids, and words in either language), as compared: passed over when
    a results file is read back as input, so that figures added to it can be scored again."""
    found: frozenset[str] | None = rules.memo.get("tabular.output")
    if found is None:
        headers = list(SUMMARY_COLUMNS)
        for lang in ("zh", "en"):
            tiers = {tid: getattr(tier.title, lang) for tid, tier in rules.tiers.items()}
            headers += result_header(Labels(lang, tiers, getattr(rules.fields["name"].label, lang)))
        found = rules.memo["tabular.output"] = frozenset(map(_norm, headers))
    return found


def result_header(labels: Labels) -> list[str]:
    """The columns of batch output meant for people (the .xlsx results sheet, a .csv unless
    ``--columns ids``): words of the language, one verdict and one score column per tier."""
    lang = labels.lang
    columns = [t("xlsx.source", lang), labels.name, t("xlsx.status", lang), t("sme", lang)]
    score = t("score", lang)
    for tid in TIER_IDS:
        title = labels.tiers.get(tid, tid)
        columns += [title, f"{title}{score}" if lang == "zh" else f"{title} {score.lower()}"]
    return [*columns, t("xlsx.blocker", lang), t("xlsx.next_step", lang), t("xlsx.problems", lang),
            t("xlsx.warnings", lang)]


RESULT_TEXT = (0, 1, 10, 11, 12, 13)
"""The cells of a result_words row that hold free text (source, name, blocker, next step, problems,
figures to check): what a spreadsheet could take for a formula."""
RESULT_VERDICTS = (4, 6, 8)
"""The cells of a result_words row that hold a tier's verdict (coloured in .xlsx)."""


def result_words(row: Mapping[str, Any], labels: Labels) -> list[Any]:
    """A summary row (keyed by the ids of batch's SUMMARY_COLUMNS) in words, in result_header's
    order: outcome, size and verdicts in the language, the blocker and next step without ids.
    Empty cells are None; scores stay as they were (numbers, or a MIN-MAX range)."""
    lang = labels.lang
    error = row["status"] == "error"
    blocker, step = _blocker_and_step(row["next_step"], labels.tiers, lang, row)
    cells: list[Any] = [row["source"], row["name"] or None, t("xlsx.error" if error else "xlsx.scored", lang),
                        None if error else SIZE[row["sme_size"] or None][lang]]
    for tid in TIER_IDS:
        status, score = row[f"{tid}_status"], row[f"{tid}_score"]
        cells += [STATUS[status][lang] if status in STATUS else status or None, None if score == "" else score]
    return [*cells, blocker or None, step or None, row["error"] or None, row.get("warnings") or None]


_SCREENING = re.compile(r"^(\w+): ([\w.]+) — (.*)$", re.S)
_ADVICE = re.compile(r"^(\w+): (.*?)(?:  \[--set .*\])?$", re.S)


def _blocker_and_step(next_step: str, tiers: Mapping[str, str], lang: str,
                      row: Mapping[str, Any]) -> tuple[str, str]:
    """(what holds the company back, the first step to take) in words, from a next_step cell
    (``tier: criterion — title`` or, with --advice, ``tier: step  [--set …]``), ids left out. A
    criterion not answered or left to the authority says so: its title alone would read as failed."""
    if not next_step:
        return "", ""
    found = _SCREENING.match(next_step)
    if found:
        colon = "：" if lang == "zh" else ": "
        status = row.get(f"{found.group(1)}_status")
        how = t(f"xlsx.blocker_{status}", lang) if status in ("unknown", "manual_review") else ""
        return f"{tiers.get(found.group(1), found.group(1))}{colon}{how}{found.group(3)}", ""
    found = _ADVICE.match(next_step)
    if found:
        return tiers.get(found.group(1), found.group(1)), found.group(2)
    return "", next_step


NOTES_MARK = {"zh": "填写说明（本行不计入）", "en": "Notes (this row is not read)"}
SAMPLE_MARK = {"zh": "示例公司（示例行，不计入）", "en": "Example Co (sample row, not read)"}
"""The name in the template's sample row: left in a filled-in sheet, it is not scored as a company
(a park's results listed 示例公司 among its members)."""
"""The first cell of the template's notes row: a row starting with it is not a company."""


def column_note(f: FieldDef, lang: str) -> str:
    """What a template's notes row says under a column: its unit, its choices, or yes/no."""
    if f.type == "bool":
        return t("xlsx.yes_no", lang)
    if f.type == "choice":
        return " / ".join(choice_word(f, c, lang) for c in f.choices)
    if f.type == "percent":
        return "%（0–100）" if lang == "zh" else "% (0-100)"
    if f.unit:
        return f.unit
    return t("xlsx.text", lang) if f.type == "text" else t("xlsx.number", lang)


def choice_word(f: FieldDef, choice: str, lang: str) -> str:
    """A choice as the template offers it: its label in ``lang`` (the reader takes ids and labels)."""
    label = f.choice_labels.get(choice)
    if label is None:
        return choice
    return label.zh if lang == "zh" else label.en


def csv_template(rules: RuleSet, columns: list[str], last_year: int, lang: str, ids: bool = False) -> str:
    """The text of ``init --csv``: a header row in the labels of ``lang`` (with the year where a
    column has one), a notes row of units and choices as the .xlsx template has (not read: it
    starts with NOTES_MARK), and a sample row in the same words (not read either: SAMPLE_MARK). With ``ids`` the header and the
    sample are field ids and no notes row, for scripts. A byte-order mark leads, so that Excel
    opens the file by double-click without garbling the Chinese."""
    import csv
    import io

    fields = [field_for_path(rules, path) for path in columns]
    sample = {"name": SAMPLE_MARK[lang], "industry": "industrial", "employees": "120",
              "registered_in_china": True, f"financials.{last_year}.revenue": "3000",
              f"financials.{last_year}.rd_expense": "150"}
    buf = io.StringIO()
    out = csv.writer(buf, lineterminator="\r\n")
    if ids:
        out.writerow(columns)
    else:
        out.writerow([getattr(input_label(f, path), lang) for f, path in zip(fields, columns, strict=True)])
        out.writerow([NOTES_MARK[lang] if i == 0 else column_note(f, lang) for i, f in enumerate(fields)])
    row = []
    for f, path in zip(fields, columns, strict=True):
        value = sample.get(path, "")
        if value is True:
            value = "true" if ids else ("是" if lang == "zh" else "yes")
        elif f.type == "choice" and value and not ids:
            value = choice_word(f, str(value), lang)
        row.append(value)
    out.writerow(row)
    return "\ufeff" + buf.getvalue()


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def inert(text: str) -> str:
    """Text a spreadsheet will show rather than run: a cell starting like a formula (=, +, -, @,
    tab, CR) gets a leading apostrophe, unless it is a plain number (-5 stays -5)."""
    if text.startswith(FORMULA_STARTS):
        try:
            Decimal(text)
        except InvalidOperation:
            return "'" + text
        if text.strip() != text:
            return "'" + text
    return text


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
