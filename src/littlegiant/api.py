"""The Python API: what a consultant's script or a notebook needs, without the command line.

Every function here is a thin, typed front to the same loaders, engine and advice search the CLI
uses, so a result from Python renders to exactly the JSON ``littlegiant assess --format json``
writes (:func:`to_json`). Nothing here prints or reads stdin; bad input raises
:class:`littlegiant.InputError` with the file, field and what was expected.
"""

from __future__ import annotations

import copyreg
import functools
import math
import numbers
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import field, replace
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any, NoReturn, TypeVar

from littlegiant import __version__, lazyre
from littlegiant.core import engine
from littlegiant.core.assessment import assessed
from littlegiant.core.plan import Summary, plan_for
from littlegiant.core.result import Result
from littlegiant.errors import InputError, internal_message
from littlegiant.i18n import lang_of
from littlegiant.load import profile as profiles
from littlegiant.load import rules as rulesets
from littlegiant.load.profile import Profile
from littlegiant.load.rulecalendar import RENEWABLE, Choice, forced
from littlegiant.load.rules import Node, RuleSet, ScoreItem, Text
from littlegiant.load.tabular import COLUMNS_KEPT, cell_text, excel_number, known_header, meant_header
from littlegiant.load.yamlio import MAX_DEPTH, MAX_NODES
from littlegiant.messages import clip, nearest
from littlegiant.records import record

ProfileSource = Profile | Mapping[str, Any] | str | Path

_F = TypeVar("_F", bound=Callable[..., Any])

FILE_WIDTH = 80
"""The text report's columns, as ``-o 报告.txt`` writes it (the command line's FILE_WIDTH): 40 Chinese
characters a line, which an A4 page prints and a phone shows; at 110 a client's copy broke raggedly."""

_ARGUMENTS = {"--set": "what_if", "--rules": "rules", "--renewal": "renewal", "--as-of": "as_of"}
"""The command line's options that errors raised below name, as this API's arguments: a script
passing ``what_if`` read "--set employees: …", an option it never typed."""


def _as_arguments(fn: _F) -> _F:
    """``fn`` with the errors it raises naming this API's arguments, not the command line's options."""
    @functools.wraps(fn)
    def named(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except InputError as exc:
            exc.field = _argument(exc.field)
            exc.file = _argument(exc.file)
            if exc.label is not None and _argument(exc.label.zh) != exc.label.zh:
                exc.label = Text(_argument(exc.label.zh) or "", exc.label.en)
                if exc.field and exc.label.zh == "what_if" and not exc.field.startswith("what_if"):
                    # said in Chinese as the argument (what_if：没有“bogus”这个项目), in English it named the
                    # field alone ("bogus: no such field"), as a profile's own key is named
                    exc.field = f"what_if {exc.field}"
            _in_own_words(exc, _LOADS_RULES if fn.__name__ == "load_rules" else ())
            raise
    return named  # type: ignore[return-value]


_OWN_WORDS = {"profile.other_set": "api.profile_other_set", "column.other_set": "api.column_other_set",
              "profile.other_set_only": "api.profile_other_set_only",
              "set.other_question": "api.set_other_question", "set.part_over_whole": "api.set_part_over_whole",
              "set.no_field_near": "api.set_no_field_near", "set.group": "api.set_group", "set.syntax": "api.set_syntax",
              "data.not_text": "api.data_not_text", "rule.extends_outside": "api.rule_extends_outside"}
"""The errors whose words tell the user which command-line option to give, by the catalog entry that
says it with this API's argument: a script was told to "assess it with --rules shandong-2022" or to
"add --set rd_staff=…", options it has no way to type (nor --encoding: a profile's file is read in
the encodings it detects), nor "give allow_outside=True" to assess(), which takes no such argument.
A what_if key near a field's is offered in Chinese as the question's words alone (「研发人员人数」), which what_if
takes as its key, not beside its dotted id (rd_staff): code in a sentence a client may be shown."""

_LOADS_RULES = ("rule.extends_outside",)
"""What ``load_rules`` says in its own words (RulesError.words): "give allow_outside=True", its own argument."""

_SET = lazyre.compile(r"--set (.+?)=…")


def _in_own_words(exc: InputError, kept: tuple[str, ...] = ()) -> None:
    """``exc``, and each problem of a row's error, said in this API's words where the command line's name
    one of its options (their ``kind`` and ``params`` kept, for a script matching on them); ``kept``: the
    kinds the function raising it says rightly as they are."""
    from littlegiant.load.tabular import PROBLEMS_SEPARATOR, RowError

    for each in (*exc.errors, exc) if isinstance(exc, RowError) else (exc,):
        worded = _OWN_WORDS.get(each.kind or "")
        if worded is None or each.worded is not None or each.kind in kept:
            continue
        sets = each.params.get("sets")
        keys = None
        if isinstance(sets, Text):  # the other figures to set with it, --set 研发人员人数=… as what_if's keys
            named = [repr(k) for k in _SET.findall(sets.en)]  # three read "'a' and 'b' and 'c'": 'a', 'b' and 'c'
            keys = Text("".join(f"“{k}”" for k in _SET.findall(sets.zh)),
                        " and ".join(named) if len(named) < 3 else f"{', '.join(named[:-1])} and {named[-1]}")
        each.said_as(worded, {"keys": keys} if keys is not None else None)
    if isinstance(exc, RowError):  # its message is its problems' lines, said again
        exc.message = PROBLEMS_SEPARATOR.join(map(str, exc.errors))
        exc.args = (exc.message,)


def _argument(where: str | None) -> str | None:
    """A place an error names, with a command-line option in it as this API's argument ("--set employees":
    "what_if employees")."""
    option, _, rest = (where or "").partition(" ")
    if option not in _ARGUMENTS:
        return where
    return f"{_ARGUMENTS[option]} {rest}" if rest else _ARGUMENTS[option]


class RulesError(InputError):
    """An InputError whose fault is in the rule set, not in the company's profile: a rule file that is
    unreadable or invalid, a set's id that names none. Every company assessed with it fails alike, so a
    script going through its clients stops on this one and skips a client on any other InputError: both
    were InputError alone, and a broken rule file was logged against every client as their profile's fault."""

    def words(self, lang: str) -> str:
        """What is wrong, with the command line's options said as this API's arguments: a script was told
        to "give --allow-outside", an option it has no way to pass."""
        text = super().words(lang)
        return text.replace("--allow-outside", "allow_outside=True").replace("--rules", "rules")


def _rule_set(ref: str | Path, allow_outside: bool = False) -> RuleSet:
    """The rule set ``ref`` names, loaded; its problems raised as :class:`RulesError`. A ``ref`` of
    another kind is the caller's slip, not a rule set's fault: ``["miit-2026"]`` (compare's list given
    to assess) was "unknown rule set \"['miit-2026']\"; did you mean 'miit-2026'?"."""
    if not isinstance(ref, str | Path):
        several = isinstance(ref, list | tuple)
        raise InputError(said=Text(f"应填规则版本名（如 miit-2026）、规则文件的路径或 RuleSet，现在是 {type(ref).__name__} "
                         f"{clip(repr(ref), 40)}{'：几套规则请交给 compare()' if several else ''}",
                         f"expected a rule set's id, a rule file's path or a RuleSet, got {type(ref).__name__} "
                         f"{clip(repr(ref), 40)}{': compare() takes several' if several else ''}"), field="rules")
    try:
        return rulesets.load(ref, allow_outside=allow_outside)
    except RulesError:
        raise
    except InputError as exc:
        raise RulesError(exc.message, file=exc.file, line=exc.line, field=exc.field, kind=exc.kind,
                         params=exc.params, label=exc.label) from None


def _renewal(renewal: object) -> str | None:
    """``renewal`` as the title renewed, or None for a new application: the words ``--renewal`` takes
    (小巨人, 专精特新, a title as the certificate writes it; none, 新申请 for a new application), so that a
    script passing on what its user typed, or a sheet's 复核 column, is read as the command line reads
    it (it refused 小巨人 and none). compare() and screen() took "littlegiant" and wrote it into the
    document as the run's renewal, its tiers judged as new: a word naming no title is refused."""
    if renewal is None or renewal in RENEWABLE:
        return renewal
    if not isinstance(renewal, str):
        raise InputError(said=Text(f"应填 None、{' 或 '.join(RENEWABLE)}，现在是 {clip(repr(renewal), 60)}",
                         f"expected None, {' or '.join(RENEWABLE)}, got {renewal!r}"), field="renewal")
    from littlegiant.load.typedwords import NO_RENEWAL, renewal_named

    named = renewal_named(renewal)
    if isinstance(named, str):
        return None if named == NO_RENEWAL else named
    expected = Text(f"应填 None、{' 或 '.join(RENEWABLE)}（也可写小巨人、专精特新；新申请写 {NO_RENEWAL} 或新申请）",
                    f"expected None, {' or '.join(RENEWABLE)} (小巨人, 专精特新; {NO_RENEWAL} or 新申请 for a new application)")
    if len(named) > 1:
        raise InputError(said=Text(f"{expected.zh}，现在是“{clip(renewal, 60)}”，可以指不止一个称号",
                         f"{expected.en}, got {renewal!r}, which fits more than one title"), field="renewal")
    near = nearest(renewal, (*RENEWABLE, NO_RENEWAL))
    raise InputError(said=Text(f"{expected.zh}，现在是“{clip(renewal, 60)}”{f'；您是不是想写 {near}？' if near is not None else ''}",
                     f"{expected.en}, got {clip(repr(renewal), 60)}{f'; did you mean {near!r}?' if near is not None else ''}"),
                field="renewal")


@_as_arguments
def load_rules(ref: str | Path | None = None, *, as_of: date | str | None = None,
               renewal: str | None = None, allow_outside: bool = False) -> RuleSet:
    """A rule set: a built-in id (``"miit-2026"``), a YAML file or folder, or with no ``ref`` the
    set the rule calendar names for ``as_of`` (default today) and ``renewal`` (a title renewed).
    A file edited since (or a file it extends) is read again: a notebook sees the bars it was given.
    ``allow_outside``: let a rule file's ``extends:`` read a file outside its own folder (as the
    command line's --allow-outside)."""
    renewal = _renewal(renewal)
    if ref is not None:
        return _rule_set(ref, allow_outside)
    return _rule_set(rulesets.choose(_day(as_of), renewal)[0])


@_as_arguments
def read_profile(source: ProfileSource, rules: RuleSet | str | Path | None = None, *,
                 as_of: date | str | None = None) -> Profile:
    """A validated profile from a file path, nested data as in a profile file, or a flat row whose
    keys are dotted paths or the column headers ``littlegiant batch`` reads (企业名称, 营业收入（2025年）:
    ``pd.read_excel(...).to_dict("records")`` of a park's sheet) and whose values are text as typed in
    a CSV cell (``"1,200"``, ``"是"``) or numbers. ``as_of``: the assessment date, whose year before is
    the year of a header saying 上年度. ``rules``: as ``assess`` takes them (the calendar's set when None)."""
    if isinstance(source, Profile):
        return source
    day = None if as_of is None else _day(as_of)  # None: a header saying 上年度 names no year
    if not isinstance(rules, RuleSet):  # an id or a file, as assess takes it ('str' has no attribute 'memo')
        rules = load_rules(rules, as_of=day)
    if isinstance(source, str) and "\n" in source:  # a file's contents: "no such file", or "File name too long"
        raise InputError(said=Text("应填企业资料文件的路径、字典（mapping）或 Profile，现在是多行文字（文件的内容？）：请给出文件的路径，"
                         "或 yaml.safe_load 读出的字典",
                         "expected a profile file's path, a mapping or a Profile, got text of several lines (a "
                         "file's contents?): pass the file's path, or the mapping yaml.safe_load gives"), field="source")
    if isinstance(source, str | Path):
        try:
            return profiles.load_profile(Path(source), rules)
        except InputError as exc:
            if exc.kind not in ("file.table", "file.table_xls", "file.table_sheet"):
                raise
            raise InputError(said=_TABLE, file=exc.file, kind=exc.kind, params=exc.params) from None  # it said "run littlegiant batch …"
    source = _series(source)
    if not isinstance(source, Mapping):  # bytes, None, a number: was AttributeError or "not iterable"
        sheet = _frame(source)
        named = _shared_label(source) if sheet else None
        if named is not None:  # df.loc["甲公司"] of a sheet naming 甲公司 on two rows: a table, not the row asked for
            rows = len(source)  # type: ignore[arg-type]
            raise InputError(said=Text(f"应填一家企业的一行，现在是名称都为“{clip(named, 40)}”的 {rows} 行：表中有同名的企业，"
                             f"请用 df.iloc 选出其中一行，或先去掉重复的行",
                             f"expected one company's row, got {rows} rows all named {clip(repr(named), 40)}: the sheet "
                             f"names that company more than once; pick one row with df.iloc, or drop the repeats first"),
                             field="source")
        raise InputError(said=Text(f"应填企业资料文件的路径、字典（mapping）或 Profile，现在是 {type(source).__name__}"
                         f"{'（整张表格请交给 littlegiant.screen 逐行评估）' if sheet else ''}",
                         f"expected a profile file's path, a mapping or a Profile, got {type(source).__name__}"
                         f"{' (a sheet: give it to littlegiant.screen, row by row)' if sheet else ''}"), field="source")
    _check_nesting(source)
    from littlegiant.report.table import OUTCOME_HEADERS, is_results

    # a row of batch's own output (a results file read back with csv.DictReader or json.loads); its
    # outcome key, as written, is looked up first: a profile has none, and pays no more than that
    if not OUTCOME_HEADERS.isdisjoint(source) and is_results(source, rules):
        from littlegiant.load.tabular import RowError

        refused = RowError([InputError(kind="column.results_row")], _results_name(source, rules))
        refused.kind = "column.results_row"  # as read_profile raised it before it named the company: a script matches on it
        raise refused
    last_year = None if day is None else day.year - 1
    keyed: Mapping[Any, Any] = source
    if isinstance(keyed.get(None), list):  # csv.DictReader's cells past the header's columns
        _extra_cells(source, rules, last_year)
    if _flat(source, rules, last_year):
        return _row({_header(k): _typed(v) for k, v in source.items()}, rules, last_year)
    return profiles.from_data(_no_floats(dict(source)), rules, "")


def _row(row: dict[str, str | None], rules: RuleSet, last_year: int | None) -> Profile:
    """A sheet's row read as batch reads it, with what only a script meets said its way: a province's
    column (``_other_sets_columns``), and a 上年度 column read without ``as_of``."""
    from littlegiant.load.tabular import RowError

    elsewhere = _other_sets_columns(row, rules, last_year)
    try:
        prof = profiles.from_row(row, rules, "", last_year)
    except RowError as exc:
        if last_year is None:  # 营业收入（上年度） names the year before as_of: "head it 营业收入（2025年）" hid that
            for e in exc.errors:
                if e.kind == "column.needs_year" and e.field and known_header(rules, e.field, date.today().year - 1):
                    e.said_as("api.column_needs_as_of")
            exc.message = "\n".join(map(str, exc.errors))
            exc.args = (exc.message,)
        if not elsewhere:
            raise
        refused = {e.field for e in elsewhere}  # its other problems, and its company's name, said with them
        raise RowError([*elsewhere, *(e for e in exc.errors if e.field not in refused)], exc.name) from None
    if elsewhere:
        raise RowError(elsewhere, prof.name)
    return prof


def _other_sets_columns(row: Mapping[str, object], rules: RuleSet, last_year: int | None) -> list[InputError]:
    """A refusal for each column of a province's set (an overlay, init --csv --rules shandong-2022) that
    ``rules`` do not ask, as batch refuses its sheet, naming the set that asks it. A row of such a sheet
    was offered the national question nearest in name (主导产品属于山东省重点产业领域: "did you mean
    主导产品属于重点领域…?", another question), or had the column passed over, its answers unread."""
    from littlegiant.load.tabular import _asked_elsewhere
    from littlegiant.messages import column_label

    kept: dict[tuple[str, int | None], RuleSet | None] = rules.memo.setdefault("api.asked_elsewhere", {})
    out = []
    for header in row:
        if (header, last_year) not in kept:  # a screen asks it of every row's every column: once a header
            if len(kept) >= COLUMNS_KEPT:
                kept.clear()
            kept[header, last_year] = _asked_elsewhere(rules, header, last_year) if header.strip() else None
        other = kept[header, last_year]
        if other is not None:
            out.append(InputError(kind="column.other_set", params={"id": other.id, "title": other.title},
                                  field=header, label=column_label(header)))
    return out


def _results_name(row: Mapping[Any, Any], rules: RuleSet) -> str | None:
    """The company a row of batch's results names: under its name column as batch heads it (name, 企业名称,
    Company name), or in a JSON line's full result. A screen of such rows gave error items naming no one."""
    label = rules.fields["name"].label
    result = row.get("result")
    for name in (row.get("name"), row.get(label.zh), row.get(label.en),
                 result.get("name") if isinstance(result, Mapping) else None):
        if isinstance(name, str) and name.strip():
            return name.strip()
    return None


def _extra_cells(row: Mapping[Any, Any], rules: RuleSet, last_year: int | None) -> NoReturn:
    """Refuse a CSV row with more cells than its header has columns, as batch refuses it (the row is
    shifted, or a comma split a cell), naming its company. csv.DictReader puts those cells under the
    key None, and the row was then taken for a profile's nested data: "企业名称 is a sheet's column
    header, not a profile key", of a row that was a sheet's, its company not named."""
    from littlegiant.load.tabular import RowError

    rest = {k: v for k, v in row.items() if k is not None}
    name = None
    try:
        name = profiles.from_row({_header(k): _typed(v) for k, v in rest.items()}, rules, "", last_year).name
    except RowError as exc:
        name = exc.name
    except InputError:
        pass
    cells = InputError(kind="row.cells", params={"cells": len(rest) + len(row[None]), "header_line": 1,
                                                 "columns": len(rest)})
    raise RowError([cells], name)


def _header(key: object) -> str:
    """A row's key as the text of its header cell: pandas names a column headed by a number (a year
    typed in the header row) by that number and one headed by nothing NaN, which met ``str.strip``
    deep in the reader (AttributeError, an internal error in a screen); a header of two rows (pandas'
    header=[0, 1]) is a tuple, refused rather than its column passed over as a 备注 column would be."""
    if isinstance(key, str):
        return key
    if isinstance(key, tuple):
        raise InputError(said=Text(f"每列应只有一个列名，现在是多行列名 {clip(repr(key), 80)}：请只用一行列名读取表格（pandas：header=0）",
                         f"expected one header cell a column, got a header of several rows {clip(repr(key), 80)}: "
                         f"read the sheet with one header row (pandas: header=0)"), field="source")
    return _typed(key) or ""


_TABLE = Text("这是多家企业的表格，不是单家企业的资料：请把表中各行交给 littlegiant.screen（csv.DictReader、"
              "pandas.read_excel(...).to_dict(\"records\") 读出的各行，或 .jsonl 每行 json.loads 的结果）",
              "a table of companies, not one company's profile: pass its rows to littlegiant.screen (as "
              "csv.DictReader or pandas.read_excel(...).to_dict(\"records\") gives them, or json.loads of each line "
              "of a .jsonl)")
"""A table given as one company's file: the command line's words pointed the script to ``littlegiant batch``."""


def _check_nesting(data: Mapping[Any, Any]) -> None:
    """Refuse, before anything recurses into it, data a file could not hold: nested deeper than a
    profile file may be (yamlio.MAX_DEPTH), holding itself (``d["financials"] = d``), or of more
    values than one file may have (shared lists of lists expand like a YAML "billion laughs"). Built
    in Python, such data met the float-to-Decimal pass as a RecursionError, which also ended a
    screen's iterator where its promise is an error item and the next company. Walked with a stack,
    not the call stack; a mapping used twice side by side is no loop, only one inside itself. The
    error names the top-level key it is under (a path 32 keys long says no more)."""
    stack: list[tuple[Any, str | None, int, bool]] = [(data, None, 1, False)]
    inside: set[int] = set()  # the mappings and lists the walk is within, by id
    count = 0
    while stack:
        value, top, depth, done = stack.pop()
        if done:
            inside.discard(id(value))
            continue
        count += 1
        if count > MAX_NODES:
            raise InputError(kind="data.nodes", params={"most": MAX_NODES}, field=top)
        if not isinstance(value, Mapping | list | tuple):
            continue
        if id(value) in inside:
            raise InputError(kind="data.holds_itself", field=top)
        if depth > MAX_DEPTH:
            raise InputError(kind="data.depth", params={"depth": MAX_DEPTH}, field=top)
        inside.add(id(value))
        stack.append((value, top, depth, True))
        if isinstance(value, Mapping):
            spelled: set[str] = set()
            for key, item in value.items():
                under = top if depth > 1 else key if isinstance(key, str) else None  # str() of a deep tuple recurses
                if isinstance(key, str) or (type(key) is int and abs(key) < 10**6):
                    # 2025 beside "2025" name one year: a YAML profile holding both is refused, and here the
                    # last was kept silently (an int of thousands of digits names no year; str() refuses it)
                    if str(key) in spelled:
                        raise InputError(kind="data.duplicate_here", params={"key": str(key)}, field=under)
                    spelled.add(str(key))
                stack.append((key, under, depth + 1, False))
                stack.append((item, under, depth + 1, False))
        else:
            stack.extend((item, top, depth + 1, False) for item in value)


def _day(as_of: object) -> date:
    """``as_of`` as the day it names (today when None; a datetime's day, as ``datetime.now()`` is
    often passed; text as ``--as-of`` takes it, 2026-11-26 or 2026年11月26日, as a script reads it from
    its own arguments or a sheet), or InputError: a number met a date deep inside ("'<=' not
    supported"), and a day past the years a profile holds ended in an internal error, as ``--as-of`` did."""
    if as_of is None:
        return date.today()
    if isinstance(as_of, datetime):
        as_of = as_of.date()
    if isinstance(as_of, str):
        as_of = _date_text(as_of)
    if not isinstance(as_of, date):
        raise InputError(said=Text(f"应填 datetime.date 或日期文字（如 '2026-11-26'），现在是 {type(as_of).__name__} {clip(repr(as_of), 40)}",
                         f"expected a datetime.date or a date such as '2026-11-26', got {type(as_of).__name__} "
                         f"{clip(repr(as_of), 40)}"), field="as_of")
    if as_of.year > profiles.LATEST_AS_OF_YEAR:
        raise InputError(kind="opt.date_late", params={"got": as_of.isoformat(),
                                                        "last": date(profiles.LATEST_AS_OF_YEAR, 12, 31).isoformat()},
                         field="as_of")
    return as_of


def _date_text(text: str) -> date:
    """A day written as ``--as-of`` takes it (year, month, day in that order), or the InputError it
    would say: 4/1/2026 is refused, not read as a day nobody wrote."""
    from littlegiant.load.typedwords import typed_day

    return typed_day(text, "as_of")


def _lang(lang: object) -> str:
    """``lang`` as the catalog language (zh-CN is zh), or InputError: "fr" ended in KeyError 'fr'."""
    found = lang_of(lang) if isinstance(lang, str) else None
    if found is None:
        raise InputError(kind="opt.lang", params={"got": str(lang)}, field="lang")
    return found


def _blank(v: object) -> bool:
    """Whether a notebook's value is a blank cell: None, or what pandas puts in one (NaN in a column
    of numbers, NA or NaT in others). A blank is unknown, as an empty CSV cell is; read as a value,
    every company with one blank cell became an error row."""
    return v is None or (isinstance(v, float) and math.isnan(v)) or type(v).__name__ in ("NAType", "NaTType")


def _flat(source: Mapping[Any, Any], rules: RuleSet, last_year: int | None) -> bool:
    """Whether a mapping is a sheet's row rather than a profile's nested data: every value a cell's
    (no section of figures), and a key that is a dotted path or a column header batch reads (企业名称,
    营业收入（2025年）, or one it refuses by name, 营业收入 without its year). Keys that are neither, or
    a slip of a profile's own key (employes), leave the mapping nested, so that a key naming nothing
    is refused as an unknown field, not passed over as a sheet's 备注 column would be."""
    if any(isinstance(v, Mapping | list | tuple | set) for v in source.values()):  # a section: nested data
        return False
    top: frozenset[str] | None = rules.memo.get("api.top_fields")  # name, employees: a profile's own keys too
    if top is None:
        top = rules.memo["api.top_fields"] = frozenset(f.path for f in rules.fields.values() if "." not in f.path)
    kept: dict[tuple[str, int | None], bool] = rules.memo.setdefault("api.row_keys", {})
    for k in source:
        if not isinstance(k, str):
            continue
        if (k, last_year) not in kept:  # a screen asks it of every row's every key (a nearest-name search): once a key
            if len(kept) >= COLUMNS_KEPT:
                kept.clear()
            kept[k, last_year] = "." in k or (k not in top and nearest(k, sorted(top)) is None and (
                known_header(rules, k, last_year) or meant_header(rules, k, last_year)))
        if kept[k, last_year]:
            return True
    return False


def _typed(v: object) -> str | None:
    """A flat row's value as the text a CSV cell would hold (a number from a notebook, as typed; a
    date of a 成立日期 column as the day, numpy's numbers as Python's)."""
    if _blank(v):
        return None
    if isinstance(v, str):
        return v
    if isinstance(v, Decimal):  # 1E+999999999 written out is a billion digits; as it is, refused for its size
        return profiles.plain_number(v) if not v.is_finite() or abs(v.adjusted()) < 100 else str(v)
    return cell_text(_python_number(v))


def _python_number(v: object) -> object:
    """numpy's integers and floats (a DataFrame's cells) as Python's, which every reader here takes;
    anything else as it is."""
    if isinstance(v, bool | int | float) or not isinstance(v, numbers.Real):
        return v
    return int(v) if isinstance(v, numbers.Integral) else float(v)


def _no_floats(data: Any) -> Any:
    """``data`` with each float a Decimal of the 15 digits a float holds (as Excel shows them): a
    notebook's rows (pandas, another tool's JSON) carry floats, and 0.1 + 0.2 or a sum read from a
    sheet (4999.999999999999) must read as the figure the user sees, not miss a threshold by a hair."""
    if _blank(data):
        return None
    data = _python_number(data)
    if isinstance(data, float):
        return Decimal(excel_number(data)) if math.isfinite(data) else data
    if isinstance(data, dict):
        return {k: _no_floats(v) for k, v in data.items()}
    if isinstance(data, list | tuple):
        return [_no_floats(v) for v in data]
    return data


@record(frozen=True, hot=True)
class Assessment:
    """One assessment: the result every renderer draws, and the profile it was made from."""

    result: Result
    profile: Profile
    rules: RuleSet
    baseline: Result | None = None  # before the what-if changes, when there were any
    sets: tuple[str, ...] = ()  # the what-if as FIELD=VALUE, as --set takes it
    assumed: tuple[profiles.Assumed, ...] = ()  # each figure the what-if changed, before and after
    rules_ref: str | None = None  # the rule set as the caller named it (None: the calendar's), for the report's commands

    def __reduce__(self) -> tuple[Any, ...]:
        """Its rule set pickled first, so that one whose file changed since is refused naming that file."""
        return _assessment, (self.rules, self.result, self.profile, self.baseline, self.sets, self.assumed,
                             self.rules_ref)

    def to_json(self, lang: str = "en") -> dict[str, Any]:
        """The document ``littlegiant assess --format json`` writes (with the checked plans when
        advised, and what the what-if assumed and moved)."""
        lang = _lang(lang)
        from littlegiant.report.common import Report, _answered_under, make_report, report_json

        kw: dict[str, Any] = {}
        if self.baseline is not None:
            from littlegiant.report.compare import moves

            kw = {"sets": list(self.sets), "assumed": list(self.assumed), "what_if": moves(self.baseline, self.result, lang)}
        if not self.result.advice:  # no plans; the warning that answers were given to another set's questions kept
            return report_json(Report(self.result, lang, self.rules, **kw, **_answered_under(self.rules, self.profile)))
        return report_json(make_report(self.rules, self.profile, self.result, lang, **kw))

    def render(self, format: str = "text", lang: str = "en", *, width: int = FILE_WIDTH, detail: bool = False) -> str:
        """The report ``littlegiant assess FILE --format FORMAT -o FILE`` writes, as text: ``"text"``
        (``width`` columns, no colour), ``"markdown"``, ``"html"`` or ``"json"``. A consultant's script
        writing each client's report had only the JSON, and the command line to run once a client. The
        text is the client's copy ``-o 报告.txt`` writes (every question named, the check code), not the
        terminal's: that told a script's reader to "run the interview (littlegiant assess --save …)" and
        to "run the same command again with --detail", in a string no one typed a command for. ``detail``:
        the text also works out each criterion, as ``-o 报告.txt --detail`` (Markdown and HTML always do)."""
        lang = _lang(lang)
        fmt = format.strip().lower() if isinstance(format, str) else format
        if fmt not in ("text", "markdown", "html", "json"):
            raise InputError(said=Text(f"应填 text、markdown、html 或 json，现在是 {clip(repr(format), 40)}",
                             f"expected text, markdown, html or json, got {clip(repr(format), 40)}"), field="format")
        if fmt == "json":
            import json

            return json.dumps(self.to_json(lang), ensure_ascii=False, indent=2) + "\n"
        if type(width) is not int or not 40 <= width <= 1000:  # as the command line bounds COLUMNS
            raise InputError(said=Text(f"应填 40 到 1000 之间的整数（每行的列数），现在是 {clip(repr(width), 40)}",
                             f"expected a whole number of columns from 40 to 1000, got {clip(repr(width), 40)}"), field="width")
        if not isinstance(detail, bool):  # "no" was taken as true
            raise InputError(said=Text(f"应填 True 或 False，现在是 {clip(repr(detail), 40)}",
                             f"expected True or False, got {clip(repr(detail), 40)}"), field="detail")
        from littlegiant.report.common import Report, _answered_under, make_report

        kw: dict[str, Any] = {"profile_file": self.profile.source or None, "rules_ref": self.rules_ref,
                              "sets": list(self.sets), "assumed": list(self.assumed), "detail": fmt != "text" or detail}
        report = make_report(self.rules, self.profile, self.result, lang, **kw) if self.result.advice else \
            Report(self.result, lang, self.rules, **kw, **_answered_under(self.rules, self.profile))
        if self.baseline is not None:
            from littlegiant.report.compare import moves

            report.what_if = moves(self.baseline, self.result, lang)
        if fmt == "markdown":
            from littlegiant.report.markdown import render_markdown

            return render_markdown(report)
        if fmt == "html":
            from littlegiant.report.html import render_html

            return render_html(report)
        import io

        from littlegiant.report.text import render as render_text

        buf = io.StringIO()
        render_text(replace(report, whole=True), buf, width=width, color=False)
        return buf.getvalue()


def _assessment(rules: RuleSet, result: Result, profile: Profile, baseline: Result | None, sets: tuple[str, ...],
                assumed: tuple[profiles.Assumed, ...], rules_ref: str | None) -> Assessment:
    return Assessment(result, profile, rules, baseline, sets, assumed, rules_ref)


@_as_arguments
def assess(source: ProfileSource, rules: RuleSet | str | Path | None = None, *, as_of: date | str | None = None,
           renewal: str | None = None, what_if: Mapping[str, Any] | Iterable[str] = (),
           advice: bool = True) -> Assessment:
    """Assess one company as ``littlegiant assess`` does.

    ``rules`` defaults to the calendar's choice for ``as_of`` (a date, or text as ``--as-of`` takes it)
    and ``renewal`` (a title's id or words as ``--renewal`` takes them: 小巨人, none); ``what_if`` takes
    ``{"financials.2025.rd_expense": 700}`` or ``["financials.2025.rd_expense=700"]``; ``advice``
    adds, for every tier not met, the steps that would meet it (``result.advice``).
    """
    day = _day(as_of)
    renewal = _renewal(renewal)
    if not isinstance(advice, bool):  # "no" was taken as true
        raise InputError(said=Text(f"应填 True 或 False，现在是 {clip(repr(advice), 40)}", f"expected True or False, got {advice!r}"),
                    field="advice")
    if rules is None:
        ref, choice = rulesets.choose(day, renewal)
        rs = _rule_set(ref)
    else:
        rs = rules if isinstance(rules, RuleSet) else _rule_set(rules)
        calendars = _calendars(rs, day, renewal) if isinstance(rules, RuleSet) else None
        choice = forced(rs.id, renewal, None) if calendars is None else calendars
        rules = rules if calendars is None else None  # the report's commands leave the set to the calendar
    prof = read_profile(source, rs, as_of=day)
    if isinstance(what_if, Mapping):  # a value holding itself, or too deep, made the text of a cell recurse
        _check_nesting(what_if)
    sets = _what_if(what_if)
    done = assessed(rs, prof, day, renewal, choice, sets, advice)
    baseline = None if done.baseline is None else _own(done.baseline)
    named = None if rules is None else rules if isinstance(rules, str) else str(rules) if isinstance(rules, Path) \
        else rs.id if rs.id in (*rulesets.builtin_ids(), *rulesets.overlay_ids()) else rs.origin
    made = Assessment(_own(done.result), done.profile, rs, baseline, tuple(sets), tuple(done.assumed), named)
    # what to_json(made.result) needs to write the assessment's document: a what-if's result alone was
    # written without its what_if block (assumed figures passed for the company's own) and without plans
    made.result.__dict__[_ASSESSED] = (rs, made.profile, baseline, made.sets, made.assumed, named)
    return made


def _calendars(rs: RuleSet, day: date, renewal: str | None) -> Choice | None:
    """The calendar's choice for ``day`` and ``renewal`` when ``rs`` is the set it names (a script loads
    ``load_rules(as_of=day)`` once and assesses every client with it), else None. Such a set was taken
    as one the caller forced: the calendar's reason and round notice went unsaid ("the rule set given by
    the caller"), and the report's commands named it with --rules, judging a later round by this set
    where the calendar names another. A set named by its id or file is forced, as --rules forces it."""
    try:
        ref, choice = rulesets.choose(day, renewal)
        return choice if rulesets.load(ref) is rs else None
    except InputError:  # no set in force that day, or a calendar's set unreadable: the caller's set judges
        return None


def _what_if(what_if: object) -> list[str]:
    """``what_if`` as FIELD=VALUE texts, or InputError: bytes were iterated as numbers, which met
    ``str.partition`` deep in the loader (AttributeError), and None or 5 raised TypeError."""
    if isinstance(what_if, Mapping):
        # a value as a flat row's cell reads it: a float to the digits it shows, a NaN blank (unknown)
        return [f"{k}={_typed(v) or ''}" for k, v in what_if.items()]
    if isinstance(what_if, str):  # one change (iterated, it was its characters: "expected FIELD=VALUE, got 'f'")
        return [what_if]
    expected = Text('应填字典（如 {"financials.2025.rd_expense": 700}）或文字的列表（如 "financials.2025.rd_expense=700"）',
                    'expected a mapping such as {"financials.2025.rd_expense": 700} or texts such as '
                    '"financials.2025.rd_expense=700"')
    if isinstance(what_if, bytes | bytearray | memoryview) or not isinstance(what_if, Iterable):
        got = "None" if what_if is None else type(what_if).__name__
        raise InputError(said=Text(f"{expected.zh}，现在是 {got}", f"{expected.en}, got {got}"), field="what_if")
    sets = list(what_if)
    for item in sets:
        if not isinstance(item, str):
            raise InputError(said=Text(f"{expected.zh}，现在其中一项是 {clip(repr(item), 40)}",
                             f"{expected.en}, got the item {clip(repr(item), 40)}"), field="what_if")
    return sets


@_as_arguments
def compare(source: ProfileSource, rule_sets: Iterable[RuleSet | str | Path], *, as_of: date | str | None = None,
            renewal: str | None = None, what_if: Mapping[str, Any] | Iterable[str] = ()) -> list[Result]:
    """The same company under several rule sets (e.g. ``["miit-2022", "miit-2026"]``), side by side;
    ``what_if`` as ``assess`` takes it, applied under each set, as ``--compare`` with ``--set`` does
    (each result's document, ``to_json(result)``, says what it assumed and moved); ``render_comparison``
    writes them side by side as ``--compare -o`` does."""
    day, renewal = _day(as_of), _renewal(renewal)
    refs = _rule_sets(rule_sets)
    if isinstance(what_if, Mapping):
        _check_nesting(what_if)
    sets = _what_if(what_if)
    out = []
    for ref in refs:
        try:
            rs = ref if isinstance(ref, RuleSet) else _rule_set(ref)
            # the set in force that day with its round notice, as --compare has it (rules.with_round)
            in_force = rulesets.with_round(ref, day, renewal) if isinstance(ref, str | Path) else None
            if in_force is not None:
                rs = _rule_set(in_force[0])
        except InputError as exc:  # "rules: unknown rule set 'miit-2030'": compare has no argument rules
            if exc.field in ("rules", "--rules"):
                exc.field = "rule_sets"
            raise
        # the calendar's own set, loaded once (load_rules(as_of=day)), is the calendar's choice, as assess has it
        mine = _calendars(rs, day, renewal) if isinstance(ref, RuleSet) else None
        choice = in_force[1] if in_force is not None else mine or forced(rs.id, renewal, None)
        try:
            prof = read_profile(source, rs, as_of=day)
        except InputError as exc:  # "pass rules=…": compare has none, and the set it names is in rule_sets already
            for each in getattr(exc, "errors", None) or (exc,):  # a row's problems, or the error itself
                worded = _COMPARED.get(each.kind or "")
                if worded is not None:
                    each.said_as(worded, {"this": rs.id})
            if hasattr(exc, "errors"):
                exc.message = "\n".join(map(str, exc.errors))
                exc.args = (exc.message,)
            raise
        done = assessed(rs, prof, day, renewal, choice, sets, False)
        result = _own(done.result)
        # its document says it is a what-if, as an assessment's does, and that answers were given to another
        # set's questions (a 2022 answer judged under 2026's): a comparison's documents said neither
        baseline = _own(done.baseline) if done.baseline is not None else None
        result.__dict__[_ASSESSED] = (rs, done.profile, baseline, tuple(sets), tuple(done.assumed), None)
        out.append(result)
    return out


def render_comparison(results: Iterable[Result], format: str = "text", lang: str = "en", *,
                      width: int = FILE_WIDTH) -> str:
    """The comparison ``assess --compare A,B --format FORMAT -o FILE`` writes, of ``compare``'s results:
    ``"text"`` (the file's copy, its check code in the footer), ``"markdown"``, ``"html"`` or ``"json"``,
    what-if and what to check first included. A consultant comparing each client under 2022's and 2026's
    measures had the results alone, and the command line to run once a client for the document."""
    lang = _lang(lang)
    fmt = format.strip().lower() if isinstance(format, str) else format
    if fmt not in ("text", "markdown", "html", "json"):
        raise InputError(said=Text(f"应填 text、markdown、html 或 json，现在是 {clip(repr(format), 40)}",
                         f"expected text, markdown, html or json, got {clip(repr(format), 40)}"), field="format")
    if type(width) is not int or not 40 <= width <= 1000:  # as the command line bounds COLUMNS
        raise InputError(said=Text(f"应填 40 到 1000 之间的整数（每行的列数），现在是 {clip(repr(width), 40)}",
                         f"expected a whole number of columns from 40 to 1000, got {clip(repr(width), 40)}"), field="width")
    if isinstance(results, Result | Assessment) or not isinstance(results, Iterable):
        raise TypeError(f"render_comparison takes the list compare() gives, got {type(results).__name__}")
    listed = list(results)
    judged = []
    for each in listed:
        kept = each.__dict__.get(_ASSESSED) if isinstance(each, Result) else None
        if kept is None:
            raise TypeError(f"render_comparison takes the results of littlegiant.compare(...), got {type(each).__name__}")
        judged.append(kept)
    if not listed:
        raise InputError(said=Text("应给出 compare() 的结果，现在是空的", "expected the results compare() gives, got none"),
                         field="results")
    rules, _, _, sets, assumed, _ = judged[0]
    if fmt == "json":
        import json

        from littlegiant.core.result import json_value
        from littlegiant.report.compare import answered_under_json

        docs = []
        for result, (rs, profile, *_rest) in zip(listed, judged, strict=True):
            doc = _document(result, lang)
            doc["warnings"] += answered_under_json(rs, profile, result, lang)
            docs.append(doc)
        what_if = {"what_if": {"set": list(sets), "assumed": [
            {"path": a.path, "before": json_value(a.before), "after": json_value(a.after)} for a in assumed]}} \
            if assumed else {}
        return json.dumps({"compare": docs, **what_if}, ensure_ascii=False, indent=2) + "\n"
    from littlegiant.report.common import assumed_lines, compared_warnings
    from littlegiant.report.compare import compare_html, compare_markdown, compare_text

    sets_of = [kept[0] for kept in judged]
    said = assumed_lines(list(assumed), rules, lang)
    checks = compared_warnings([(kept[0], kept[1], r) for r, kept in zip(listed, judged, strict=True)], lang)
    if fmt == "markdown":
        return compare_markdown(listed, lang, sets_of, said, checks)
    if fmt == "html":
        return compare_html(listed, lang, sets_of, said, checks)
    return compare_text(listed, lang, width, sets_of, said, checks, traced=True)


def _rule_sets(rule_sets: object) -> list[RuleSet | str | Path]:
    """compare's ``rule_sets`` as a list, or InputError naming the argument: None or a number raised
    TypeError "'NoneType' object is not iterable", and an empty list compared under no set at all,
    giving ``[]`` where the script read its results by place (``old, new = compare(...)``)."""
    expected = Text('应给出几套规则组成的列表，如 ["miit-2022", "miit-2026"]',
                    'expected a list of rule sets, e.g. ["miit-2022", "miit-2026"]')
    if isinstance(rule_sets, str | Path | RuleSet):  # one set: "miit-2026" was compared letter by letter ('m')
        raise InputError(said=Text(f"应给出几套规则组成的列表，现在只有一个 {type(rule_sets).__name__}：请放在列表里，"
                         f"如 [\"miit-2022\", \"miit-2026\"]",
                         f"expected an iterable of rule sets, got one {type(rule_sets).__name__}: put them in a "
                         f"list, e.g. [\"miit-2022\", \"miit-2026\"]"), field="rule_sets")
    if isinstance(rule_sets, bytes | bytearray | Mapping) or not isinstance(rule_sets, Iterable):
        got = "None" if rule_sets is None else type(rule_sets).__name__
        raise InputError(said=Text(f"{expected.zh}，现在是 {got}", f"{expected.en}, got {got}"), field="rule_sets")
    refs = list(rule_sets)
    if not refs:
        raise InputError(said=Text(f"{expected.zh}，现在是空的", f"{expected.en}, got none"), field="rule_sets")
    return refs


_COMPARED = {"profile.other_set": "api.compare_other_set", "column.other_set": "api.compare_column_other_set",
             "profile.other_set_only": "api.compare_other_set_only"}
"""A province's question met in a comparison, said as compare's: "pass rules=…" named an argument compare
has not, and a set its rule_sets already held."""


def _own(result: Result) -> Result:
    """``result`` with criterion rows of its own. The evaluator hands one row to every profile that
    reads the same values (``plan.Plan._tier_rows``) and reads its status back for later profiles: a
    caller who changes a row it was given (a notebook trying "what if this were met") would change
    every later assessment in the process, its verdicts included. Nor do they write through the
    rule's JSON template (``memo``): a row renamed by its caller would name every later company's."""
    for t in result.tiers.values():
        t.criteria = [replace(c, missing=list(c.missing), inputs=dict(c.inputs), terms=dict(c.terms), made=None,
                              memo=None) for c in t.criteria]
    return result


@record(frozen=True, hot=True)
class Screened:
    """One company of a screen: its summary (statuses, scores, first blocker), or why it could not be read.
    ``index`` is its place among the sources (a skipped notes row keeps its place, so ``rows[item.index]``
    is its row); ``name`` is the company's name as given, on an error item too, as batch's error rows keep it.
    ``problems``: an error item's problems as InputErrors, one a cell of a sheet's row, each with its
    ``field`` (the column's header, or the profile's path), ``kind`` and ``params``: a script marking the
    cells to fix had to take ``error`` apart, one line a problem, in the words of ``lang``. ``warnings``: the
    figures to check, one sentence each in ``lang``, as batch's 需核对的数据 says them (a share typed as a
    fraction, as pandas gives a 12% cell: 0.12; amounts that look like 元; a 约 figure near a bar)."""

    index: int
    summary: Summary | None
    error: str | None
    name: str | None
    problems: tuple[InputError, ...] = field(default=(), compare=False)
    warnings: tuple[str, ...] = ()  # a screen said none: 0.12 was judged as 0.12% where batch's row asked to check it


@_as_arguments
def screen(sources: Iterable[ProfileSource], rules: RuleSet | str | Path | None = None, *,
           as_of: date | str | None = None, renewal: str | None = None, lang: str = "en") -> Iterator[Screened]:
    """Screen many companies lazily, one summary per input in order; a bad input is an error item,
    never a stop (what ``littlegiant batch`` does, for an iterator of profiles), its error said in
    ``lang`` as batch's 错误说明 says it: a Chinese sheet's label inside an English sentence read to
    a park's analyst as neither. A row whose first filled cell marks it as the template's notes or
    sample row (填写说明（本行不计入）, the second row of the sheet ``littlegiant init`` writes) is skipped,
    as batch skips it: read from ``pd.read_excel(...).to_dict("records")``, it was item 0, an error.
    A row with no cell filled is skipped too, as batch skips it. A pandas DataFrame is screened row by
    row. The arguments are checked here, before the first item is asked for."""
    day, lang, renewal = _day(as_of), _lang(lang), _renewal(renewal)
    if isinstance(sources, str | Path | Mapping):  # one profile: a path's letters were screened one by one
        raise InputError(said=Text(f"应给出多家企业（列表等），现在只有一个 {type(sources).__name__}：请放在列表里",
                         f"expected an iterable of profiles, got one {type(sources).__name__}: put it in a list"),
                    field="sources")
    if _frame(sources):  # iterated, a DataFrame gives its column names: each was screened as a file's path
        sources = _indexed(sources).to_dict("records")
    elif isinstance(sources, bytes | bytearray) or not isinstance(sources, Iterable):  # was TypeError "not iterable"
        got = "None" if sources is None else type(sources).__name__
        raise InputError(said=Text(f"应给出多家企业（列表等），现在是 {got}", f"expected an iterable of profiles, got {got}"),
                         field="sources")
    rs = load_rules(rules, as_of=day, renewal=renewal) if not isinstance(rules, RuleSet) else rules
    forced = rules is not None and (not isinstance(rules, RuleSet) or _calendars(rs, day, renewal) is None)
    return _screened(sources, rs, day, renewal, lang, forced)


def _series(source: Any) -> Any:
    """A pandas Series (one row of a sheet: ``df.iloc[i]``, or a row ``df.iterrows()`` gives) as the
    mapping of its cells by header; anything else as it is. It was refused ("got Series"), and in a
    screen the template's notes row, not a mapping, was screened as a company."""
    if not isinstance(source, Mapping) and callable(getattr(source, "to_dict", None)) and hasattr(source, "index") \
            and not _frame(source):
        return _named(source.to_dict(), getattr(source, "name", None))
    return source


_NOT_A_NAME = lazyre.compile(r"[0-9]*|(?=[A-Za-z]*[0-9])[0-9A-Za-z]{18}")
"""A Series' label that is a row's number or a 统一社会信用代码 (18 letters and digits, a digit among them: a
name of 18 letters, ShenzhenMicroChips, is a name), not a company's name (a blank too)."""


def _named(cells: dict[Any, Any], label: object) -> dict[Any, Any]:
    """A row's cells with the company's name its Series carries as its label: ``df.loc["甲公司"]`` of a sheet
    indexed by 企业名称 (``set_index``), or a row ``iterrows()`` gives of it, holds the name as ``.name``,
    no longer among its cells, and the company was assessed and reported with no name. A label that is a
    row's number (1, or "001" of a 序号 column), or a 统一社会信用代码 (a sheet indexed by its codes, one
    mistyped too), names no company; a row with a column naming its company keeps that."""
    from littlegiant.load.tabular import names_companies

    if not isinstance(label, str) or _NOT_A_NAME.fullmatch(label.strip()):
        return cells
    if any(isinstance(k, str) and (k == "name" or names_companies(k)) for k in cells):
        return cells
    return {"name": label, **cells}


def _shared_label(frame: Any) -> str | None:
    """The one label every row of a DataFrame shares, when it has more than one row: what ``df.loc["甲公司"]``
    gives of a sheet indexed by 企业名称 that names 甲公司 twice, where a script meant one company's row (it
    was told to screen "a sheet"); None for any other frame."""
    try:
        labels = {str(label) for label in frame.index}
        return labels.pop() if len(frame.index) > 1 and len(labels) == 1 else None
    except (TypeError, AttributeError):
        return None


def _indexed(frame: Any) -> Any:
    """A DataFrame with the columns its index was made of (``df.set_index("企业名称")``) put back among the
    others: its records leave the index out, and every company was screened without its name, the
    template's notes row (its first cell, 填写说明, in the index) as one more company with 60 errors."""
    names = list(getattr(getattr(frame, "index", None), "names", None) or [None])
    if None in names or any(n in frame.columns for n in names) or not callable(getattr(frame, "reset_index", None)):
        return frame  # a plain row number, or a column kept beside it
    return frame.reset_index()


def _frame(data: object) -> bool:
    """Whether ``data`` is a pandas DataFrame (a park's sheet as ``pd.read_excel`` gives it), told by
    what it has, pandas not imported: ``screen(df)`` screened its column headers, 企业名称 and every
    other, each "no such file", not one company."""
    return callable(getattr(data, "to_dict", None)) and hasattr(data, "columns") and hasattr(data, "iterrows")


def _screened(sources: Iterable[ProfileSource], rs: RuleSet, day: date, renewal: str | None,
              lang: str, forced: bool) -> Iterator[Screened]:
    plan = plan_for(rs, day.year - 1, renewal)
    from littlegiant.load.tabular import RowError

    for i, source in enumerate(sources):
        source = _series(source)
        if isinstance(source, Mapping) and _skipped(source):
            continue
        prof = None
        try:
            prof = read_profile(source, rs, as_of=day)
            summary = plan.run(dict(prof.values))
            # the plan hands one TierSummary to every profile of a status and blocker: the caller's own copies
            summary.tiers = {tid: replace(s) for tid, s in summary.tiers.items()}
        except InputError as exc:
            name = exc.name if isinstance(exc, RowError) else None
            if name is None and isinstance(source, Mapping) and isinstance(source.get("name"), str):
                name = source["name"]  # nested data: its name, as a JSON line's error row keeps it
            yield Screened(i, None, exc.render(lang), name, tuple(exc.errors) if isinstance(exc, RowError) else (exc,))
            continue
        except Exception as exc:  # a bug met on this item: said on it, as batch's row says it; the rest go on
            yield Screened(i, None, internal_message(exc), prof.name if prof is not None else None)
            continue
        try:
            # whether it is a sheet's row matters to answers given under another set alone: asked of those
            # only, for _flat (read_profile asked it already) was a tenth of a 10,000-row screen's time
            row = prof.answered_under is not None and isinstance(source, Mapping) and _flat(source, rs, day.year - 1)
            checks = _checks(prof, rs, day, renewal, lang, forced, row)
        except Exception as exc:  # a bug met saying them: said on the item, as a bug met assessing it is
            yield Screened(i, None, internal_message(exc), prof.name)
            continue
        yield Screened(i, summary, None, prof.name, warnings=checks)


def _checks(prof: Profile, rs: RuleSet, day: date, renewal: str | None, lang: str, forced: bool,
            row: bool) -> tuple[str, ...]:
    """``Screened.warnings``: what batch's 需核对的数据 says of the company, in its order (cli.batch's
    ``_warnings``, but for its notes on the run's files: a formula without its result, a company given twice). ``row``:
    a sheet's row, under another set by one column's question alone, which that answer's sentence says."""
    from littlegiant.load.consistency import unusual_figures
    from littlegiant.report.common import (
        answered_under_texts,
        close_texts,
        stale_year_text,
        standing_close,
        unheld_text,
        warning_sentences,
    )

    values, last_year = prof.values, day.year - 1
    held = values.get(f"titles.{renewal}")
    title = rs.tiers[renewal].title.get(lang) if renewal in rs.tiers else ""
    unheld = unheld_text(renewal, held if isinstance(held, bool) else None, title, lang)
    stale = stale_year_text(profiles.stale_year(rs, values, last_year), last_year, day, lang)
    asked: list[str] = []
    if prof.answered_under is not None:  # answers given under another set, as batch's row says them
        other = None if row else profiles.answered_set(rs, prof)
        asked = answered_under_texts(other.title if other is not None else None, profiles.other_questions(rs, prof),
                                     profiles.unknown_set(rs, prof), rs.title, day, lang, forced)
    close = close_texts(standing_close(engine.evaluate(rs, prof, day, renewal)), lang) if prof.approximate else []
    unusual = unusual_figures(rs, dict(values), prof.percent_signed, prof.yuan_by_sign, last_year)
    return tuple(s for s in (unheld, stale, *asked, *close, *warning_sentences(unusual, lang)) if s)


def _skipped(row: Mapping[Any, Any]) -> bool:
    """Whether batch passes a row over: the template's notes or sample row (its first filled cell says
    so), or a row with no cell filled. pandas reads the rows Excel keeps formatted under a list as rows
    of NaN, and each was an item, a company with no name and every title 未知, where batch reads none."""
    from littlegiant.load.tabular import template_row

    first = next((v for v in row.values() if not _blank(v) and not (isinstance(v, str) and not v.strip())), None)
    return (first is None and bool(row)) or (isinstance(first, str) and template_row(first.strip()))


@_as_arguments
def calendar_choice(as_of: date | str, renewal: str | None = None) -> Choice:
    """Which set and round notice judge an assessment on ``as_of`` (a renewal names its title), and why."""
    return rulesets.choose(_day(as_of), _renewal(renewal))[1]


def to_json(result: Result | Assessment, lang: str = "en") -> dict[str, Any]:
    """The JSON document of a result (or of an assessment: its own ``to_json``), the same the CLI writes
    (docs/output.md): an assessment's result gives its assessment's document, what-if and plans included. A screen's summary holds statuses and scores only, not the criteria the document
    is made of: passing one raises TypeError saying so (it was AttributeError 'Summary' has no 'rules')."""
    if isinstance(result, Assessment):
        return result.to_json(lang)
    if not isinstance(result, Result):
        hint = (" (a screen's summary holds only statuses and scores: assess the company, "
                "littlegiant.assess(source), for the whole document)" if isinstance(result, Summary) else "")
        raise TypeError(f"to_json takes an assessment's result (littlegiant.assess(...).result) or the "
                        f"assessment itself, got {type(result).__name__}{hint}")
    assessed_as = result.__dict__.get(_ASSESSED)
    if assessed_as is not None:
        rules, profile, baseline, sets, assumed, named = assessed_as
        return Assessment(result, profile, rules, baseline, sets, assumed, named).to_json(lang)
    return _document(result, _lang(lang))


_ASSESSED = "_littlegiant_assessed"
"""The key under which an assessment's result keeps the rest of its assessment (rule set, profile,
baseline, what-if), for :func:`to_json` given the result alone."""


def _document(result: Result, lang: str) -> dict[str, Any]:
    """A result's JSON document, without what an assessment adds (plans, what-if)."""
    from littlegiant.report.result_json import to_dict

    return to_dict(result, _lang(lang), __version__)


def _rules_reduced(rs: RuleSet) -> tuple[Callable[..., RuleSet], tuple[str, tuple[tuple[str, bytes | None], ...]]]:
    """A rule set pickled as its file and the bytes of the files it was read from. Its rules are
    compiled into functions pickle cannot carry, and a result and an assessment hold their set: a
    script handing companies to ``multiprocessing`` workers stopped at the first result sent back
    ("Can't pickle local object"). Unpickled, the set is loaded again from its file, and refused if
    a file it came from has changed since, never judged by other bars than the result was."""

    path = next((p for p, kept in rulesets._CACHE.items() if kept.rules is rs), None)
    if path is None:  # its file was edited and read again since: what the set was is in no file now
        raise _changed(rs.origin)
    files = rulesets._CACHE[path].files
    return _rules_again, (str(path), tuple((str(f.path), rulesets._digest(f.path)) for f in files))


def _changed(file: str | None) -> Exception:
    """Why a result cannot be pickled: the rule file it was judged by has been read again since, edited."""
    import pickle

    return pickle.PicklingError(f"cannot pickle results of {f'the rule file {file}' if file else 'a rule file'} as it "
                                f"was: it has changed since they were made; assess again (rules loaded again with "
                                f"littlegiant.load_rules)")


def _rules_again(path: str, files: tuple[tuple[str, bytes | None], ...]) -> RuleSet:
    """A pickled rule set, loaded again from its file as it was then (``extends:`` already allowed
    where it was first loaded); InputError naming the file that changed since."""
    for file, digest in files:
        if rulesets._digest(Path(file)) != digest:
            raise RulesError("the rule file changed after the results sent here were made with it: run them again",
                             file=file)
    return _rule_set(path, allow_outside=True)


def _part_reduced(part: Any) -> tuple[Callable[..., Any], tuple[RuleSet, int]]:
    """A rule or score item a result's row names (each row keeps the rule it judged) pickled as its
    place in its rule set, which pickles as its file: the compiled expressions it holds cannot be."""

    for kept in list(rulesets._CACHE.values()):
        places: dict[int, int] | None = kept.rules.memo.get("api.part_places")
        if places is None:
            places = kept.rules.memo["api.part_places"] = {}
            for i, each in enumerate(_parts(kept.rules)):
                places.setdefault(id(each), i)
        if id(part) in places:
            return _part_again, (kept.rules, places[id(part)])
    raise _changed(None)  # a rule's own file may be the one it extends, not the one edited


def _parts(rs: RuleSet) -> Iterator[Node | ScoreItem]:
    """A rule set's rules and score items, in an order its file fixes."""
    for _, node in rs.all_nodes():
        yield node
    for table in rs.scores.values():
        yield from table.items


def _part_again(rs: RuleSet, place: int) -> Node | ScoreItem:
    """The rule or score item at ``place`` among a rule set's, as :func:`_part_reduced` counted them."""
    for i, part in enumerate(_parts(rs)):
        if i == place:
            return part
    raise RulesError("the rule file no longer holds a rule the results sent here were made with: run them again",
                     file=rs.origin)


copyreg.pickle(RuleSet, _rules_reduced)
copyreg.pickle(Node, _part_reduced)
copyreg.pickle(ScoreItem, _part_reduced)
