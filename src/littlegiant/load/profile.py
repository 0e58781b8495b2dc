"""Company profiles: strict loading against a rule set's field definitions.

A profile is held flat, as concrete dotted paths (``financials.2025.revenue``) mapped to
known values. An absent or null field is simply not there: unknown, never a default.
The same flat form is what ``--set``, CSV columns and the interview write to.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import field
from decimal import Decimal
from itertools import islice
from json.encoder import encode_basestring  # what json.dumps(ensure_ascii=False) writes a string as
from pathlib import Path
from typing import Any, NoReturn

from littlegiant import lazyre
from littlegiant.errors import InputError
from littlegiant.load.consistency import MONEY_TYPES, PartOverWhole, part_violations, plausible_limit
from littlegiant.load.fileio import check_input_file
from littlegiant.load.rules import MAX_NUMBER, MIN_NUMBER, TYPE_RANGE, FieldDef, RuleSet, Text, choice_key
from littlegiant.load.yamlio import LineDict, line_of, read_data_file
from littlegiant.messages import EXPECT, Choices, Got, grouped, nearest, shell_word, unit_text, written_key
from littlegiant.records import record

Scalar = Decimal | bool | str
YEAR_MIN, YEAR_MAX = 1990, 2100
LATEST_AS_OF_YEAR = YEAR_MAX - 2
"""The last year an assessment may be dated in: its plans look up to three rounds past last year
(tierplan.ROUNDS), and no profile holds a figure past YEAR_MAX (--as-of 2101-01-01 was exit 3)."""
_YEAR = lazyre.compile(r"^[0-9]{4}$")


@record(hot=True)
class Profile:
    """A validated profile: known values by concrete path, and where it came from."""

    values: dict[str, Scalar] = field(default_factory=dict)
    source: str = "<profile>"
    approximate: frozenset[str] = frozenset()
    """The paths whose figure was given as approximate (约500万): a verdict that rests on one close to
    its threshold is said to need the exact figure."""
    answered_under: str | None = None
    """The rule set whose questions the answers were given to (``answered_under:`` in the file, which
    the interview and ``init`` write): a set that asks one of them in other words is warned of."""
    percent_signed: frozenset[str] = frozenset()
    """The paths of shares typed with their percent sign (0.5%, a cell Excel shows as 0.5%): no
    fraction was meant, and none is warned of (consistency.FRACTION)."""
    yuan_by_sign: dict[str, str] = field(default_factory=dict)
    """The amounts read in 元 only because ¥ stood before them (¥12,000.00, with no unit in the header,
    no 金额单位 and no units row), by path, as typed: a 万元 column Excel formats as currency shows the
    same, so either reading may be wrong, and the report says which was taken (consistency.YUAN_SIGN)."""
    unread_titles: tuple[str, ...] = ()
    """The headers of a sheet's columns headed by a title's bare name whose cell held no answer (2024,
    省级, 2022年认定): the title is left unknown, as if the column were not there, and the row says so."""
    sized: bool = field(default=False, compare=False, repr=False)
    """Whether the reading found every figure within its plausible size (a whole number inside the bounds
    ``_walk`` takes at once, which hold those sizes): no figure is past one, and
    ``consistency.unusual_figures`` is spared looking (``sized``). False where it was not found so (a
    figure read the slow way, a sheet's row, a profile made by hand): then the figures are looked at. Of
    the figures read: a profile made from this one with other amounts must pass ``sized=False``, as
    ``apply_sets`` does (``dataclasses.replace`` would keep it; tierplan's renewal replaces a yes/no title
    only, which has no size)."""

    @property
    def name(self) -> str | None:
        v = self.values.get("name")
        return v if isinstance(v, str) else None

    def sha256(self) -> str:
        """A digest of the canonical form, the same for equal YAML, JSON and CSV input: the compact JSON
        of the values by sorted path (``_canonical`` numbers), written here piece by piece because a
        full result makes one for every company and ``json.dumps`` would build an encoder and sort again.
        The paths' order and their JSON are found once per layout (the paths in the order given: a
        sheet's rows share one), not sorted and looked up for each company: ~9.0 -> ~7.8 us a company."""
        values = self.values
        layout = tuple(values)
        order = _LAYOUTS.get(layout)
        if order is None:
            if len(_LAYOUTS) >= LAYOUTS_KEPT:
                _LAYOUTS.clear()
            paths = sorted(values)
            order = _LAYOUTS[layout] = (paths, [encode_basestring(k) + ":" for k in paths])
        parts: list[str] = []
        append = parts.append
        for k, key in zip(*order, strict=True):
            v = values[k]
            kind = type(v)
            if kind is Decimal:
                text = str(v)
                if not text.isdigit():  # a point, an exponent or a sign: one test for the plain whole numbers
                    text = _canonical(v)
                append(f'{key}"{text}"')  # digits, sign and point: nothing JSON escapes
            elif kind is bool:
                append(f"{key}true" if v else f"{key}false")
            elif isinstance(v, str):
                append(key + encode_basestring(v))
            else:
                append(key + _COMPACT.encode(_canonical(v)))
        return hashlib.sha256(("{" + ",".join(parts) + "}").encode("utf-8")).hexdigest()


LAYOUTS_KEPT = 256
"""How many layouts of a profile's paths (``Profile.sha256``) keep their sorted order: a batch's rows
share a few (a sheet's columns, a JSON Lines file's keys)."""
_LAYOUTS: dict[tuple[str, ...], tuple[list[str], list[str]]] = {}


_COMPACT = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _canonical(v: Scalar) -> Any:
    """A number's digits exactly, without trailing zeros (``normalize`` would round to 28 digits,
    and two profiles differing past them would share a digest)."""
    if isinstance(v, Decimal):
        text = str(v)  # the digits as they are, unless str chose an exponent (then written out)
        if "E" in text:
            text = format(v, "f")
        return text.rstrip("0").rstrip(".") if "." in text else text
    return v


class _Trie:
    """The profile's key structure, built from field paths; ``{year}`` is a wildcard."""

    def __init__(self) -> None:
        self.children: dict[str, _Trie] = {}
        self.field: FieldDef | None = None
        self.accept: Callable[[Any], Scalar | None] = _never
        self.years: _Trie | None = None  # the {year} child, when this level is keyed by year
        self.leaves: dict[str, Leaf] = {}  # the fields keyed at this level

    @classmethod
    def build(cls, fields: Iterable[FieldDef]) -> _Trie:
        root = cls()
        for f in fields:
            node = root
            for part in f.path.split("."):
                node = node.children.setdefault(part, cls())
            node.field = f
            node.accept = _acceptor(f)
        for node in root.walk():
            node.years = node.children.get("{year}")
            # "{year}" is no key a profile writes: as a leaf, {"equity_financing": {"{year}": 5}} was read as
            # the path equity_financing.{year}, and assessing it stopped on an internal error
            node.leaves = {k: _leaf(c.field, c.accept) for k, c in node.children.items()
                           if c.field is not None and k != "{year}"}
        return root

    def walk(self) -> Iterator[_Trie]:
        yield self
        for child in self.children.values():
            yield from child.walk()


def _never(value: Any) -> Scalar | None:
    return None


Leaf = tuple[int, Any, Callable[[Any], Scalar | None], FieldDef]
"""A field as _walk checks it: (how, floor, acceptor, definition). ``how`` is _FLOORED for a number
with only a floor (an int at or above ``floor`` is taken as it is), _BOOL for yes/no, or _OTHER;
the two common cases are checked inline, without calling the acceptor."""
PlacedLeaf = tuple[int, Any, Callable[[Any], Scalar | None], FieldDef, str]
"""A Leaf with its concrete path (``financials.2025.revenue``) as the last element."""
_FLOORED, _BOOL, _OTHER = 0, 1, 2


def _leaf(f: FieldDef, accept: Callable[[Any], Scalar | None]) -> Leaf:
    if f.type == "bool":
        return _BOOL, None, accept, f
    low, high = _bounds(f)
    if low is not None and high is None:
        return _FLOORED, low, accept, f
    return _OTHER, None, accept, f


_HUGE = int(MAX_NUMBER)
"""rules' MAX_NUMBER as an int: the whole numbers of a profile are compared with it as they are."""


_SMALL_END = 1024
_SMALL = tuple(Decimal(i) for i in range(_SMALL_END))
"""The whole numbers a profile's counts take (staff, patents, years, ranks, points), made once: a
Decimal made from an int is some 1,500 instructions against a tenth of that to pick it here, and a
batch row has a dozen such counts (a Decimal is immutable: every profile may share it)."""
_OF_INT = Decimal.from_float
"""An int's Decimal, exactly as ``Decimal(int)`` makes it, without parsing a call's keyword arguments:
~190 -> ~115 ns an amount, of which a batch row has some ten past _SMALL (the docs: from_float takes
an int as well as a float, exactly)."""


def _plain_size(v: Decimal) -> bool:
    """0, or a size from 0.000001 to under 10^15: no real amount (in 万元), count or ratio lies
    outside, and inside it every quotient the rules take is settled to 30 places within the 60
    digits the arithmetic keeps. 1e-10 over 1e35 would not be."""
    size = v.copy_abs()  # abs() rounds in the context, and overflows on 1e999999999
    return not v or MIN_NUMBER <= size < MAX_NUMBER


def _bounds(f: FieldDef) -> tuple[Decimal | int | None, Decimal | int | None]:
    """The lowest and highest value a number field takes, from its type and its own limits; whole
    bounds as ints, which JSON's whole numbers are compared with without a conversion."""
    low, high = f.value_range()
    return _whole(low), _whole(high)


def _whole(bound: Decimal | None) -> Decimal | int | None:
    return int(bound) if bound is not None and bound == bound.to_integral_value() else bound


def _acceptor(f: FieldDef) -> Callable[[Any], Scalar | None]:
    """A fast check that returns the value in canonical form when it is plainly valid, else None.

    None sends the value through ``check_value``, which accepts it the same way or explains what
    is wrong; batch rows are mostly plain, so most never pay for the full check.
    """
    if f.type == "bool":
        return lambda v: v if v is True or v is False else None
    if f.type == "text":
        return lambda v: v if type(v) is str and _is_text(v) else None
    if f.type == "choice":
        choices = frozenset(f.choices)
        return lambda v: v if type(v) is str and v in choices else None
    low, high = _bounds(f)
    whole = f.type == "int"

    def number(v: Any) -> Scalar | None:
        kind = type(v)
        if kind is int:
            if (low is not None and v < low) or (high is not None and v > high) or not -_HUGE < v < _HUGE:
                return None
            return _SMALL[v] if 0 <= v < _SMALL_END else _OF_INT(v)
        if kind is Decimal and v.is_finite() and _plain_size(v) and not (whole and v != v.to_integral_value()):
            if (low is not None and v < low) or (high is not None and v > high):
                return None
            if whole:
                return Decimal(int(v))
            return v if v or not v.is_signed() else v.copy_abs()  # -0.0 is 0, as check_value makes it
        return None

    return number  # plain whole amounts above a floor do not get here: _walk takes them inline


def acceptor(rules: RuleSet, f: FieldDef) -> Callable[[Any], Scalar | None]:
    """``f``'s fast check (``_acceptor``), made once per rule set: a sheet's reader takes a plain cell's
    number by it, and sends any value it does not take through ``check_value`` as before."""
    kept: dict[str, Callable[[Any], Scalar | None]] = rules.memo.setdefault("profile.acceptors", {})
    found = kept.get(f.id)
    if found is None:
        found = kept[f.id] = _acceptor(f)
    return found


def _trie(rules: RuleSet) -> _Trie:
    found: _Trie | None = rules.memo.get("profile.trie")
    if found is None:
        found = rules.memo["profile.trie"] = _Trie.build(rules.fields.values())
    return found


TABLE_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".csv", ".jsonl", ".ndjson")
"""Files of many companies: ``batch`` reads them, not ``assess``."""
SHEET_KINDS = {".xlsb": (Text("Excel 二进制工作簿", "an Excel binary workbook"), Text("Excel", "Excel")),
               ".et": (Text("WPS 表格", "a WPS Spreadsheets file"), Text("WPS", "WPS")),
               ".ett": (Text("WPS 表格模板", "a WPS Spreadsheets template"), Text("WPS", "WPS")),
               ".ods": (Text("OpenDocument 表格", "an OpenDocument spreadsheet"),
                        Text("WPS、LibreOffice 或 Excel", "WPS, LibreOffice or Excel")),
               ".fods": (Text("OpenDocument 表格", "an OpenDocument spreadsheet"),
                         Text("LibreOffice", "LibreOffice"))}
"""What each spreadsheet no command reads but .xls is (a park's list kept in WPS, LibreOffice or
Excel's binary form), and the program to save it as .xlsx in. batch was told the suffixes it reads
(应是 .csv、.xlsx 或 .jsonl 文件), assess that no encoding read the file (save it as UTF-8), where an
.xls is told to 另存为 .xlsx: each is told so too."""


DOCUMENT_SUFFIXES = frozenset({".doc", ".docx", ".wps", ".rtf", ".odt", ".pdf", ".htm", ".html", ".md", ".png",
                              ".jpg", ".jpeg"})
"""Documents and pictures (an application form in Word, a PDF, a report this tool wrote, a photo of a
form): no profile. Read as text they were told to be saved as UTF-8, or that line 6 had a colon amiss."""


def load_profile(path: Path, rules: RuleSet, encoding: str | None = None) -> Profile:
    """Read and validate a YAML or JSON profile file (a regular one: a FIFO would hang, /dev/zero
    never end; its encoding detected unless given). A table (a park's .xlsx or .csv of companies)
    is pointed to ``batch`` rather than read as text and refused for its shape."""
    check_input_file(path)
    suffix = path.suffix.lower()
    if suffix in TABLE_SUFFIXES:  # named as given, folder and all: the command is copied as it stands
        kind = "file.table_xls" if suffix == ".xls" else "file.table"
        raise InputError(kind=kind, params={"name": shell_word(str(path)),
                                            "xlsx": shell_word(str(path.with_suffix(".xlsx")))}, file=str(path))
    if suffix in SHEET_KINDS:
        kind_of, app = SHEET_KINDS[suffix]
        raise InputError(kind="file.table_sheet", params={"kind": kind_of, "suffix": suffix, "app": app,
                                                          "xlsx": shell_word(str(path.with_suffix(".xlsx")))},
                         file=str(path))
    if suffix in DOCUMENT_SUFFIXES:
        raise InputError(kind="file.document", params={"kind": suffix[1:].upper()}, file=str(path))
    try:
        data = read_data_file(path, encoding)
    except ValueError as exc:  # Python's limit on digits in a whole number (YAML and JSON alike)
        if "digits" not in str(exc):
            raise
        raise InputError(kind="data.digits", file=str(path)) from None
    return from_data(data, rules, str(path))


def from_data(data: Any, rules: RuleSet, source: str) -> Profile:
    """Validate parsed profile data (nested, as in the file)."""
    return counted_data(data, rules, source)[0]


def counted_data(data: Any, rules: RuleSet, source: str) -> tuple[Profile, int]:
    """``from_data``'s profile, with how many keys the data holds in its nested mappings: batch compares
    it with a JSON line's colons to know that no key was given twice, without a second pass over the row."""
    if data is None:
        raise InputError(kind="profile.empty", file=source)
    if not isinstance(data, dict):
        raise InputError(kind="profile.top", file=source)
    values: dict[str, Scalar] = {}
    noted = _Noted()
    answered_under = _answered_under(data, source)
    try:
        if answered_under is None:
            keys = _walk(data, _root(rules), values, source, noted)
        else:
            keys = _walk(_without(data, ANSWERED_UNDER), _root(rules), values, source, noted) + 1
    except InputError as exc:
        said = _in_other_set(rules, answered_under, data, exc) or _as_header(rules, exc, data)
        if said.kind in ("field.unknown", "field.unknown_many") and _not_a_profile(rules, data):
            raise _not_profile(rules, said) from None
        raise said from None
    check_parts(rules, values, source=source, data=data)
    return Profile(values, source, noted.approximate, answered_under, noted.signed, noted.by_sign,
                   sized=noted.sized), keys


def _as_header(rules: RuleSet, exc: InputError, data: Mapping[Any, Any]) -> InputError:
    """``exc``, or for a top-level key that is a sheet's column header (企业名称, 营业收入（2025年）: a JSON
    Lines row written from a sheet's columns) the field path a profile writes it as. Such a row was
    told its keys were unknown and given every field id to choose from, though batch reads the very
    same words as a CSV's headers."""
    shown = exc.params.get("key")
    if exc.kind is None or not exc.kind.startswith("field.unknown") or exc.field != shown:
        return exc
    key = next((k for k in data if isinstance(k, str) and written_key(k) == shown), None)  # as typed, not cut
    path = _header_path(rules, key) if key is not None else None
    if path is None:
        return exc
    *outer, last = path.split(".")  # financials.2025.revenue is nested in a profile: say it so
    written = "".join(f"{part}: {{" for part in outer) + f"{last}: …" + "}" * len(outer)
    return InputError(kind="field.header_key", params={"key": key, "written": written}, file=exc.file, line=exc.line,
                      field=exc.field, label=exc.label)


def _header_path(rules: RuleSet, key: str) -> str | None:
    """The field path of a sheet's column header ``key``, or None when no column is headed so."""
    from littlegiant.load.tabular import column

    try:
        return column(rules, key)[0]
    except InputError:
        return None


NOT_PROFILE_KEYS = 50
"""How many of a file's first keys are looked at to tell it is no profile: a profile names a field (or a
near miss of one) long before that."""


def _not_a_profile(rules: RuleSet, data: Mapping[Any, Any]) -> bool:
    """Whether ``data`` is clearly no profile: several keys, and none a profile's field, a sheet's header
    or a near miss of either (a password file's or a config file's lines read as keys). Said so once,
    not key by key: a batch row listed every line of /etc/shadow as an unknown field."""
    if len(data) < 2:
        return False
    names = sorted(_root(rules).trie.children)
    for key in islice(data, NOT_PROFILE_KEYS):  # bounded: 20,000 junk keys took 31 s key by key
        if not isinstance(key, str):
            continue
        if key in names or key == ANSWERED_UNDER or nearest(key, names) is not None or \
                _header_path(rules, key) is not None:
            return False
    return True


def _not_profile(rules: RuleSet, first: InputError) -> InputError:
    """The one problem of a file that is no profile, at the line of its first key, quoting none of it."""
    children = _root(rules).trie.children
    known = [k for k in ("name", "industry", "employees") if k in children] or sorted(children)[:3]
    return InputError(kind="profile.not_profile", params={"known": Choices(tuple(known))}, file=first.file,
                      line=first.line)


def _in_other_set(rules: RuleSet, answered_under: str | None, data: Mapping[Any, Any],
                  exc: InputError) -> InputError | None:
    """For a key these rules do not know in a profile answered under another shipped set (a province's,
    made by ``init --rules shandong-2022``) that reads it whole: the option that judges it, where
    "unknown field" sent the user, following init's own words, to a template that was init's."""
    if answered_under == rules.id or not (exc.kind or "").startswith("field.unknown"):
        return None
    from littlegiant.load import rules as rulesets

    shipped = (*rulesets.builtin_ids(), *rulesets.overlay_ids())
    if answered_under is not None and answered_under not in shipped:
        return None
    # with no answered_under (a profile typed by hand, the shipped Shandong example), a province's key
    # ("shandong") said only "unknown field": the shipped overlays that read the whole profile are named
    for other_id in (answered_under,) if answered_under is not None else \
            [i for i in rulesets.overlay_ids() if i != rules.id]:
        other = rulesets.load(other_id)
        try:
            _walk(_without(data, ANSWERED_UNDER), _root(other), {}, exc.file or "", _Noted())
        except InputError as slip:  # that set does not know a key either: no set to name. A value it refuses
            if (slip.kind or "").startswith("field.unknown"):  # (大概是) is said once the set judging it is right
                continue
        return InputError(kind="profile.other_set" if answered_under is not None else "profile.other_set_only",
                          params={"key": exc.params.get("key", exc.field), "id": other.id, "title": other.title},
                          file=exc.file, line=exc.line, field=exc.field, label=Text("", ""))
    return None


ANSWERED_UNDER = "answered_under"
"""The profile key naming the rule set whose questions were answered: not a field of any set."""


def _answered_under(data: Mapping[Any, Any], source: str) -> str | None:
    value = data.get(ANSWERED_UNDER)
    if value is None:
        return None
    if not isinstance(value, str) or not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]{0,99}", value.strip()):
        raise InputError(kind="profile.answered_under", params={"shown": Got(value)}, file=source,
                         line=line_of(data, ANSWERED_UNDER), field=ANSWERED_UNDER)
    return value.strip()


def _without(data: Mapping[Any, Any], key: str) -> dict[Any, Any]:
    return {k: v for k, v in data.items() if k != key}


@record(frozen=True)
class OtherQuestion:
    """A field the profile answered under another rule set, which asked it in other words (the 2022
    and 2026 red line on incidents name different events): ``field`` as the judging set asks it,
    ``answered`` as the profile's set asked it, and that set's title."""

    field: FieldDef
    answered: FieldDef
    title: Text
    rules_id: str = ""  # that set's id, as ``answered_under`` names it


def answered_set(rules: RuleSet, profile: Profile) -> RuleSet | None:
    """The shipped rule set whose questions the profile answered (``answered_under``), when it is not
    ``rules``: answers saved under miit-2022 and assessed or resumed on a date that picks miit-2026
    were judged by the other set without a word. None when the profile does not say its set, names
    ``rules``, or names one not shipped (it cannot be read)."""
    from littlegiant.load import rules as rulesets

    said = shipped_set(rules, profile.answered_under)
    if said is None or said == rules.id:
        return None
    kept: dict[str, RuleSet] = rules.memo.setdefault("profile.answered_set", {})
    if said in kept:  # a sheet answered under 2022 and judged under 2026 asks it of every row: its file was
        return kept[said]  # found and resolved again each time, a fifth of such a run
    try:
        found = kept[said] = rulesets.load(said)
    except InputError:  # pragma: no cover - the shipped files load (tests/test_parsed_rules.py)
        return None
    return found


def other_questions(rules: RuleSet, profile: Profile) -> list[OtherQuestion]:
    """The answered fields whose question the profile's own rule set (``answered_under``, a shipped
    set) asked in other words than ``rules`` does. An answer to the 2022 incident question, judged
    under the 2026 one, was taken for an answer to a question nobody was asked, without a word."""
    other = answered_set(rules, profile)
    if other is None:
        return []
    # here, not at the top: the sheet reader's module compiles its patterns, which a profile file seldom needs
    from littlegiant.load.tabular import norm

    said = other.id  # the set's id, however the file spelled it (MIIT-2022)
    out = []
    for f in rules.fields.values():
        theirs = other.fields.get(f.id)
        if theirs is None or f.per_year or theirs.path != f.path or f.path not in profile.values:
            continue
        if norm(theirs.label.zh) != norm(f.label.zh):
            out.append(OtherQuestion(f, theirs, other.title, said))
    return out


@record(frozen=True)
class UnknownSet:
    """A profile's ``answered_under`` naming no rule set this tool ships (nor the one judging it):
    what it said, and the shipped sets, (id, title), one of which was most likely meant."""

    said: str
    shipped: tuple[tuple[str, Text], ...]


def unknown_set(rules: RuleSet, profile: Profile) -> UnknownSet | None:
    """The profile's ``answered_under`` when it names a set this tool cannot read (miit-2025, a typo
    of miit-2026), else None. Taken silently, it left a 2022 answer unwarned of (``other_questions``
    reads only a shipped set): the person meant a set, and is told which ones there are."""
    from littlegiant.load import rules as rulesets

    said = profile.answered_under
    if said is None or said == rules.id or shipped_set(rules, said) is not None:
        return None
    return UnknownSet(said, tuple((i, rulesets.load(i).title) for i in _shipped_ids(rules)))


def shipped_set(rules: RuleSet, said: str | None) -> str | None:
    """The shipped rule set ``answered_under`` names, in any case (MIIT-2022 is miit-2022, as a person
    types it from a notice), else None."""
    if said is None:
        return None
    folded = said.lower()
    return next((i for i in _shipped_ids(rules) if i.lower() == folded), None)


def _shipped_ids(rules: RuleSet) -> tuple[str, ...]:
    """The ids of the shipped rule sets, listed once for ``rules`` (a batch asks once a row)."""
    from littlegiant.load import rules as rulesets

    ids: tuple[str, ...] | None = rules.memo.get("profile.shipped")
    if ids is None:
        ids = rules.memo["profile.shipped"] = (*rulesets.builtin_ids(), *rulesets.overlay_ids())
    return ids


class _Noted:
    """What from_data notes of the text it reads, where such text is read (``_checked``), so that a
    profile of plain numbers costs nothing more: the paths of figures written as approximate
    (revenue: 约5000万), of shares written with their percent sign (0.5%), and the amounts read in 元
    because of ¥ alone (Profile.yuan_by_sign). Handed down _walk rather than set in context variables:
    three set and reset a row were ~1 µs of a batch row's profile. The paths are frozensets, the
    profile's own, grown by a union where one is noted (rarely): two sets made and copied a row were
    ~1,000 instructions."""

    __slots__ = ("approximate", "by_sign", "signed", "sized")

    def __init__(self) -> None:
        self.approximate: frozenset[str] = _NO_PATHS
        self.signed: frozenset[str] = _NO_PATHS
        self.by_sign: dict[str, str] = {}
        self.sized = True  # every figure so far a whole number taken at once, within its plausible size (_walk)


_NO_PATHS: frozenset[str] = frozenset()


def from_row(row: Mapping[str, Any], rules: RuleSet, source: str, last_year: int | None = None) -> Profile:
    """Validate a flat row (dotted paths, or the column headers batch reads: 企业名称, 营业收入（2025年）,
    上年度营业收入 as ``last_year``'s; to text as typed in a spreadsheet cell; empty or None is
    unknown); an error lists every problem of the row."""
    from littlegiant.load.tabular import row_profile

    return row_profile({k: "" if v is None else v for k, v in row.items()}, rules, source, last_year=last_year)


class PartExceedsWhole(InputError):
    """A part above its whole (docs/criteria.md §8a): bad input, carrying both figures so that the
    interview can say it in words; the message names both fields by their labels, with the figures
    as typed (every digit, grouped, with their unit), in en and zh alike."""

    def __init__(self, violation: PartOverWhole, *, file: str | None = None, line: int | None = None,
                 field: str | None = None, kind: str = "field.part_over_whole", extra: dict[str, Any] | None = None) -> None:
        super().__init__(kind=kind, params={**part_words(violation), **(extra or {})}, file=file, line=line,
                         field=field or violation.part.path, label=Text("", ""))
        self.violation = violation


def part_words(v: PartOverWhole) -> dict[str, Text | str]:
    """The labels and figures of a part above its whole, as its message says them. The figures are the
    ones typed, every digit: rounded, 8,000.125 over 8,000.12 would read as two equal numbers."""
    out: dict[str, Text | str] = {}
    for name, fig in (("part", v.part), ("whole", v.whole)):
        digits = grouped(plain_number(fig.value))
        out[name] = input_label(fig.field, fig.path)
        out[name + "_path"] = fig.path  # the English error's place (file:line: rd_staff, employees: …)
        out[name + "_value"] = Text(digits + unit_text(fig.field.unit, "zh"), digits + unit_text(fig.field.unit, "en", fig.value))
    return out


def plain_number(v: Decimal) -> str:
    """A number's digits exactly, no trailing zeros, as text (messages, cells read from Excel)."""
    return str(_canonical(v))


def check_parts(rules: RuleSet, values: dict[str, Scalar], *, source: str | None = None, data: Any = None) -> None:
    """Refuse a profile in which a part exceeds its whole: the first such pair, as PartExceedsWhole.

    ``source`` names where the figures came from (a file, ``--set``); ``data``, the nested file,
    gives the part's line."""
    found = part_violations(rules, values)
    if found:
        v = found[0]
        raise PartExceedsWhole(v, file=source, line=_line_at(data, v.part.path) if data is not None else None)


def _line_at(data: Any, path: str) -> int | None:
    """The line of a dotted path in nested file data (year keys may be ints), when it is known."""
    node, line = data, None
    for part in path.split("."):
        if not isinstance(node, Mapping):
            return line
        key: Any = part if part in node else int(part) if part.isdigit() and int(part) in node else None
        if key is None:
            return line
        line = line_of(node, key) or line
        node = node[key]
    return line


class _Place:
    """A trie node at a concrete prefix (``financials.2025.``), with its fields' concrete paths.

    Places are made once, the first time a profile reaches them, so that validating a profile
    builds and hashes no path strings: a batch of 100,000 rows reuses the same few dozen.
    At most one place per trie node and year (years are 1990 to 2100), so they stay few.
    Each key of a row is looked up once, in the table for its value's type (a number within its
    bounds, yes/no, text or a choice, a mapping under a place read before): the levels keyed by year
    and the numbers with a ceiling were tested step by step (_walk ~9.5 -> ~8.8 us a batch row).
    """

    __slots__ = ("flags", "leaves", "numbers", "places", "prefix", "texts", "trie")

    def __init__(self, trie: _Trie, prefix: str) -> None:
        self.trie = trie
        self.prefix = prefix
        self.leaves: dict[str, PlacedLeaf] = {k: (*leaf, prefix + k) for k, leaf in trie.leaves.items()}
        self.places: dict[str, _Place] = {}  # by key as a row writes it (financials, 2025): a mapping goes there at once
        # the fields looked up by the value's type first, before any other test: numbers with the whole
        # numbers taken as they are, yes/no, and text or a choice (by its acceptor). A level keyed by year
        # has none (its keys are years, read the full way)
        numbers = {k: (leaf[4], *_sized_bounds(leaf[3]), leaf[2]) for k, leaf in self.leaves.items()
                   if leaf[3].type not in _NOT_NUMBERS}
        self.numbers: dict[str, tuple[str, Decimal | int, Decimal | int, Callable[[Any], Scalar | None]]] = numbers
        self.flags = {k: leaf[4] for k, leaf in self.leaves.items() if leaf[0] == _BOOL}
        self.texts = {k: (leaf[4], leaf[2]) for k, leaf in self.leaves.items()
                      if leaf[3].type in ("text", "choice") and trie.years is None}

    def child(self, key: str, trie: _Trie) -> _Place:
        """The place under ``key`` (a checked field name or year)."""
        place = self.places.get(key)
        if place is None:
            place = self.places[key] = _Place(trie, f"{self.prefix}{key}.")
        return place


_NOT_NUMBERS = ("bool", "text", "choice")
"""The field types check_value reads as anything but a number."""


def _int_bounds(f: FieldDef) -> tuple[Decimal | int, Decimal | int]:
    """The lowest and highest whole number the acceptor of ``f`` takes as it is: its bounds, within
    what a profile holds (strictly inside ±MAX_NUMBER)."""
    low, high = _bounds(f)
    return (-_HUGE + 1 if low is None else max(low, -_HUGE + 1)), (_HUGE - 1 if high is None else min(high, _HUGE - 1))


def _sized_bounds(f: FieldDef) -> tuple[Decimal | int, Decimal | int]:
    """``_int_bounds`` narrowed to the figure's plausible size (consistency.plausible_limit: 100亿元 of an
    amount, 30 of a rank): a whole number past it is read the slow way, to the same value, and the
    profile is not ``sized``. Within them, ``unusual_figures`` has no figure past its size to find."""
    low, high = _int_bounds(f)
    limit = plausible_limit(f)
    if limit is None:
        return low, high
    return max(low, math.ceil(-limit)), min(high, math.floor(limit))


def _root(rules: RuleSet) -> _Place:
    found: _Place | None = rules.memo.get("profile.root")
    if found is None:
        found = rules.memo["profile.root"] = _Place(_trie(rules), "")
    return found


def _walk(data: Mapping[Any, Any], place: _Place, out: dict[str, Scalar], source: str, noted: _Noted) -> int:
    """Read ``data`` into ``out``, or raise at its first wrong key or value; returns how many keys it held,
    nested ones too (a mapping where a field's value belongs is refused, so none goes uncounted)."""
    keys = len(data)
    # what the first tests read; the rest (leaves, prefix, the trie's children) only where they are needed,
    # and no closure over a local (a cell a call): 91,300 -> 83,100 instructions a batch row of eight mappings
    years = place.trie.years
    numbers, flags, texts, places = place.numbers, place.flags, place.texts, place.places
    for raw_key, value in data.items():
        kind = type(value)  # the common cases first, by the value's type: a row's keys are nearly all one
        try:
            if kind is int:  # subscripts, not .get: a key not there is the KeyError below (~98,800 -> ~94,300
                spec = numbers[raw_key]  # instructions of _walk a batch row, whose keys nearly all are)
                if spec[1] <= value <= spec[2]:
                    out[spec[0]] = _SMALL[value] if 0 <= value < _SMALL_END else _OF_INT(value)
                    continue
            elif kind is bool:
                out[flags[raw_key]] = value
                continue
            elif kind is dict:  # a mapping under a key read before (financials, 2025)
                # (a TypeError or KeyError out of it would be met again the full way, and raised)
                keys += _walk(value, places[raw_key], out, source, noted)
                continue
            elif kind is str:
                text = texts.get(raw_key)
                if text is not None:
                    accepted = text[1](value)
                    if accepted is not None:
                        out[text[0]] = accepted
                        continue
            elif kind is Decimal and years is None:
                spec = numbers[raw_key]
                accepted = spec[3](value)
                if accepted is not None:
                    out[spec[0]] = accepted
                    noted.sized = False  # (its size not held to its plausible one here: unusual_figures looks)
                    continue
        except (KeyError, TypeError):  # no such number or flag here, or an unhashable key (YAML allows them): below
            pass
        if value is not None and kind is not dict:
            noted.sized = False  # a value not taken at once (a figure past its plausible size, a Decimal, text)
        prefix = place.prefix
        if years is None:
            leaves = place.leaves
            try:
                leaf = leaves.get(raw_key)
            except TypeError:  # an unhashable key (YAML allows them)
                leaf = None
            if leaf is not None:  # a field: the usual case, kept short
                if value is None:
                    continue
                how = leaf[0]
                if how == _FLOORED and type(value) is int and leaf[1] <= value < _HUGE:
                    out[leaf[4]] = _SMALL[value] if 0 <= value < _SMALL_END else _OF_INT(value)
                elif how == _BOOL and (value is True or value is False):
                    out[leaf[4]] = value
                else:
                    accepted = leaf[2](value)
                    if accepted is None:
                        accepted = _checked(leaf[3], value, data, raw_key, leaf[4], source, noted)
                    if accepted is not None:
                        out[leaf[4]] = accepted
                continue
            found = place.trie.children.get(raw_key) if isinstance(raw_key, str) else None
            if found is None:
                split = _comma_split(data, raw_key, value, prefix, _leaf_field(leaves), source)
                if split is not None:
                    raise split
                raise _unknown_key(raw_key, place.trie, file=source, line=line_of(data, raw_key),
                                   field=prefix + written_key(raw_key))
            key, child = raw_key, found
        else:
            year = _YEAR_KEYS.get(raw_key) if type(raw_key) is str else None
            if year is None:
                number = _year(raw_key)
                if number is None:
                    folded = unicodedata.normalize("NFKC", raw_key) if isinstance(raw_key, str) else ""
                    if _year(folded) is not None:  # ２０２５ typed in a Chinese input method's full-width mode
                        raise InputError(kind="field.year_wide", params={"key": raw_key, "year": folded},
                                         file=source, line=line_of(data, raw_key), field=f"{prefix}{raw_key}",
                                         label=Text("", ""))
                    split = _comma_split(data, raw_key, value, prefix, _year_field(years), source)
                    if split is not None:  # {2025: 1,000}: "000" is no year, but the rest of 1,000
                        raise split
                    shown = written_key(raw_key)  # true and null as written, not Python's True and None
                    raise InputError(kind="field.year_key", params={
                        "low": YEAR_MIN, "high": YEAR_MAX, "key": shown,
                        "shown": repr(shown) if isinstance(raw_key, str) else shown},
                        file=source, line=line_of(data, raw_key), field=prefix + shown, label=Text("", ""))
                year = str(number)
            key, child = year, years
        if value is None:
            continue
        if child.field is not None:  # a field keyed by year
            where = prefix + key
            accepted = child.accept(value)
            if accepted is None:
                accepted = _checked(child.field, value, data, raw_key, where, source, noted)
            if accepted is not None:
                out[where] = accepted
        elif isinstance(value, dict):
            keys += _walk(value, place.places.get(key) or place.child(key, child), out, source, noted)
        else:
            example = "2025" if child.years is not None else next(iter(child.children), "")
            raise InputError(kind="field.group", params={"got": Got(value), "example": example}, file=source,
                             line=line_of(data, raw_key), field=prefix + key, label=Text(f"“{written_key(raw_key)}”", ""))
    return keys


def _checked(f: FieldDef, value: Any, data: Mapping[Any, Any], key: Any, where: str, source: str,
             noted: _Noted) -> Scalar | None:
    """The full check of a value the fast acceptor did not take: the same value, or why not. Text
    where a number, yes/no or choice belongs is read as a sheet's cell is (0.8亿, "1,200", 是, 工业),
    不知道 or -- as unknown (None): a hand-edited profile takes what the interview and the batch
    cells take."""
    try:
        return check_value(f, value, where=where)
    except InputError as exc:  # the line is looked up only when something is wrong
        if isinstance(value, str) and f.type != "text":
            from littlegiant.load.answers import percent_signed, read_typed

            try:
                typed, conversion = read_typed(f, value, where=where)
                if typed is None:  # 不知道, 不详, --: unknown, as a blank is
                    return None
            except InputError as wrong:
                if (wrong.kind != "value.typed" and f.type not in ("choice", "bool")) or wrong.kind == "value.choice_either":
                    # "1,20", "5级", "三级以上": why the number was refused, not only that it is text (a
                    # choice's own message, with its ids, is the loader's); 批发和零售业 names the two
                    # choices it covers, as a sheet's cell is told, where the loader's list of sixteen ids
                    # was cut at 300 characters before either
                    raise wrong.moved(file=source, line=line_of(data, key)) from None
                typed, conversion = None, None
            if typed is not None:
                if conversion is not None and conversion.approximate:
                    noted.approximate |= {where}
                if percent_signed(f, value):
                    noted.signed |= {where}
                if conversion is not None and conversion.by_sign:
                    noted.by_sign[where] = conversion.typed
                return typed
        raise exc.moved(file=source, line=line_of(data, key), field=where) from None


_YEAR_KEYS = {str(y): str(y) for y in range(YEAR_MIN, YEAR_MAX + 1)}
"""Year keys as they are usually written, looked up instead of parsed (the rest go through _year)."""


_DIGITS = lazyre.compile(r"[0-9]+(?:\.[0-9]+)?")
"""A key that is the rest of a number a comma split: 000 of 12,000, 200.5 of 1,200.5."""

FLOW_COMMA = ("field.flow_comma", "field.flow_comma_decimal")
"""The kinds of error said of a number a comma split in a ``{…}`` line (:func:`comma_pieces`)."""


def comma_pieces(data: Mapping[Any, Any], key: Any) -> list[Any]:
    """The keys after ``key`` in ``data`` that are the rest of its number, split by commas in a one-line
    ``{…}`` mapping: ``{revenue: 12,000,000}`` is YAML for revenue 12 and two keys ``000`` (held as
    written, yamlio.CommaPiece where YAML's reading loses digits). Digits with no value, on the line of
    an int ``key`` (two keys on one line: a ``{…}`` line), up to the piece with the decimals; none for
    any other key."""
    if not isinstance(data, LineDict) or type(data.get(key)) is not int:
        return []
    line = data.lines.get(key)
    if line is None:
        return []
    keys = iter(data)
    for k in keys:
        if k is key:  # by identity: 1 == True, a key YAML keeps apart
            break
    pieces = []
    for k in keys:
        if data[k] is not None or data.lines.get(k) != line or not _DIGITS.fullmatch(text := written_key(k)):
            break
        pieces.append(k)
        if "." in text:
            break
    return pieces


def _comma_split(data: Mapping[Any, Any], key: Any, value: Any, prefix: str, field_of: Callable[[Any], FieldDef | None],
                 source: str) -> InputError | None:
    """Why ``key`` names nothing when a comma split a number in a one-line ``{…}`` mapping, or None.

    ``{revenue: 12,000, main_revenue: 10,200}`` is YAML for revenue 12, a key 000, main_revenue 10 and a
    key 200: the comma ends an item there. Told "“000” is no field", a consultant did not see why. So a
    key of digits with no value, on the line of the number before it (two keys on one line: a ``{…}``
    line), is said to be the rest of that number, with the two ways to write it. ``field_of``: the field
    of a key of ``data`` (for the number's label)."""
    if value is not None or not isinstance(data, LineDict):
        return None
    keys = list(data)
    at = next(i for i, k in enumerate(keys) if k is key)  # by identity: 1 == True, a key YAML keeps apart
    if at == 0:
        return None
    before = keys[at - 1]
    pieces = comma_pieces(data, before)
    if not pieces or pieces[0] is not key:
        return None
    rest = [written_key(k) for k in pieces]
    number, line = data[before], data.lines[before]
    typed = ",".join([str(number), *rest])
    thousands = all(len(r.split(".")[0]) == 3 for r in rest)
    f = field_of(before)
    path = prefix + written_key(before)
    return InputError(kind="field.flow_comma" if thousands else "field.flow_comma_decimal",
                      # quoted, an amount may say its unit ("12,000万"); a count may not ("1,200万" was refused)
                      params={"typed": typed, "number": typed.replace(",", ""),
                              "unit": "万" if f is not None and f.type in MONEY_TYPES else ""},
                      file=source, line=line,
                      field=path, label=input_label(f, path) if f is not None else None)


def _field_of(leaf: PlacedLeaf | None) -> FieldDef | None:
    return leaf[3] if leaf is not None else None


def _leaf_field(leaves: Mapping[Any, PlacedLeaf]) -> Callable[[Any], FieldDef | None]:
    """The field a key names among ``leaves`` (made here, not in _walk: a closure there costs every call)."""
    return lambda key: _field_of(leaves.get(key))


def _year_field(years: _Trie) -> Callable[[Any], FieldDef | None]:
    """The field keyed by year under ``years``, whatever the key."""
    return lambda _: years.field


def _unknown_key(key: Any, trie: _Trie, **where: Any) -> InputError:
    """An unknown key in a profile file, with the nearest valid one (a typo: ``revenu``) when
    there is one; named as typed, since it is no field's label."""
    names = sorted(trie.children)
    shown = written_key(key)  # a short piece, true and null as written: the key may be a whole line of anything
    near = nearest(key, names) if isinstance(key, str) else None
    labels = tuple(_group_label(trie.children[n]) for n in names)
    params: dict[str, object] = {"key": shown, "known": ", ".join(names) or "nothing"}
    if near is None:
        params["known"] = Choices(tuple(names), labels) if names else "nothing"
        kind = "field.unknown" if len(names) <= 8 else "field.unknown_many"
        if kind == "field.unknown_many" and len(names) > 12:  # whole names, and how many: a list of 30 was cut mid-name
            params["known"] = f"{', '.join(names[:12])} and {len(names) - 12} more; littlegiant init writes them all"
        return InputError(kind=kind, params=params, label=Text("", ""), **where)
    params.update(near=near, near_label=_group_label(trie.children[near]) or Text(near, near))
    return InputError(kind="field.unknown_near", params=params, label=Text("", ""), **where)


def _group_label(node: _Trie) -> Text | None:
    """What a key of the profile holds, in words: a field's label, or for a group the labels of
    its first fields (财务数据 has none of its own)."""
    if node.field is not None:
        return Text(node.field.label.zh, node.field.label.en)
    fields = [n.field for n in node.walk() if n.field is not None]
    if not fields:
        return None
    shown = fields[:2]
    more = "等" if len(fields) > 2 else ""
    return Text("、".join(f.label.zh for f in shown) + more, ", ".join(f.label.en for f in shown))


def field_words(f: FieldDef, path: str) -> Text:
    """A field named for a message as the reports, the sheets and the interview name it: 「营业收入（2025年）」
    (``path`` may also be a column header or an option, which name no year)."""
    parts, concrete = f.path.split("."), path.split(".")
    years = [c for p, c in zip(parts, concrete, strict=False) if p == "{year}" and _year(c) is not None]
    zh = input_label(f, path).zh if years and len(parts) == len(concrete) else f.label.zh
    return Text(f"「{zh}」", f.label.en)


def _year(key: Any) -> int | None:
    if isinstance(key, bool):
        return None
    if isinstance(key, int) or (isinstance(key, str) and _YEAR.match(key)):
        y = int(key)
        if YEAR_MIN <= y <= YEAR_MAX:
            return y
    return None


def check_value(f: FieldDef, value: Any, *, where: str | None = None, label: Text | None = None) -> Scalar:
    """Check one value against its field definition; return it in canonical type. ``where`` names
    the field in English (its path, or the column or option it came from), ``label`` in Chinese
    (by default the field's label with the year of ``where``). The error names no file or line: a
    caller that knows them adds them (the line is looked up only when something is wrong)."""
    where = where or f.path
    named = label or field_words(f, where)

    def fail(kind: str, **params: object) -> InputError:
        return InputError(kind=kind, params=params, field=where, label=named)

    if f.type == "bool":
        if not isinstance(value, bool):
            raise fail("value.bool", got=Got(value))
        return value
    if f.type == "text":
        if not isinstance(value, str):
            raise fail("value.text", got=Got(value))
        if "\r" in value:  # a line break typed in a cell (Alt+Enter, a CSV saved on Windows): a line break
            value = value.replace("\r\n", "\n").replace("\r", "\n")
        if not _is_text(value):
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:
                raise fail("value.text_bytes") from None
            if len(value) > TEXT_MAX:
                raise fail("value.text_long", most=TEXT_MAX, length=len(value))
            first = _CONTROL.findall(value)[0]
            raise fail("value.text_bidi" if first in _BIDI else "value.text_control", code=f"U+{ord(first):04X}")
        return value
    if f.type == "choice":
        if not isinstance(value, str) or value not in f.choices:
            choices = Choices(f.choices, tuple(f.choice_labels.get(c) for c in f.choices))
            near = choice_near(f, value) if isinstance(value, str) else None
            hint = choice_hint(f, near, value)
            if near is not None:
                raise fail("value.choice_near_hint" if hint else "value.choice_near", choices=choices, got=Got(value),
                           near=near, near_label=f.choice_labels.get(near) or near, **hint)
            raise fail("value.choice_hint" if hint else "value.choice", choices=choices, got=Got(value), **hint)
        return value
    if isinstance(value, bool) or not isinstance(value, int | Decimal):
        raise fail("value.expected", expect=EXPECT[f.type], got=Got(value))
    number = Decimal(value)
    if not number.is_finite():
        raise fail("value.expected", expect=EXPECT[f.type], got=brief(value))
    if not _plain_size(number):
        raise fail("value.size", shown=brief(value))
    if f.type == "int" and number != number.to_integral_value():
        raise fail("value.whole", shown=brief(value))
    low, high = f.value_range()
    if (low is not None and number < low) or (high is not None and number > high):
        type_low, type_high = TYPE_RANGE.get(f.type, (None, None))
        if (type_low is not None and number < type_low) or (type_high is not None and number > type_high):
            raise fail(_BEYOND_TYPE[f.type], shown=brief(value))  # said by the type: 金额不能为负数
        if low is not None and number < low:
            raise fail("value.min", low=str(low), shown=brief(value))
        if f.unit == "年" and number == number.to_integral_value() and _START_YEARS[0] <= number <= _START_YEARS[1]:
            raise fail("value.start_year", shown=brief(value))  # 2019 for years in the niche: when it began
        raise fail("value.max", high=str(high), shown=brief(value))
    if f.type == "int":
        return Decimal(int(number))
    if not number and number.is_signed():  # -0 (or -0.0) was saved and shown back as -0, a loss of nothing
        return number.copy_abs()
    return number


_BEYOND_TYPE = {"money": "value.negative", "percent": "value.percent"}
"""How a value beyond its type's own bound (rules.TYPE_RANGE) is refused: by what the type allows
(金额不能为负数, 应填 0 到 100 之间的百分数), not by the field's bound the type set."""

_START_YEARS = (1900, 2100)
"""A count of years (从事特定细分市场年限) given as one of these is the year it began: a finance manager
answers 2019, and read 「不能大于 200」 as if the figure were too large."""


def brief(value: object) -> str | Text:
    """A value as a message shows it: a 5,000-digit number would fill the screen (or a CSV cell)."""
    try:
        text = str(value)
    except ValueError:  # an int past Python's 4,300 digits for str()
        return Text("一个超过 4300 位的数", "a number of more than 4,300 digits")
    return text if len(text) <= 40 else Text(f"{text[:20]}…（共 {len(text):,} 个字符）",
                                              f"{text[:20]}… ({len(text):,} characters)")


def _is_text(value: str) -> bool:
    """No lone surrogate (a JSON or YAML ``\\ud800`` escape): such text cannot be written to any file.
    Nor a control character (a terminal runs ESC sequences in a name), nor more than TEXT_MAX characters.
    Printable text has none of either: one scan, where encoding it and a search took twice as long (~0.2 us a name)."""
    if value.isprintable():
        return len(value) <= TEXT_MAX
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return len(value) <= TEXT_MAX and _CONTROL.search(value) is None


TEXT_MAX = 1000
"""The longest text answer (a company's name): an interview answered with a 400,000-character name saved
a file larger than a profile may be, which neither resuming nor assessing would then read."""
_CONTROL = lazyre.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
"""Control characters but tab and line feed: ESC in a name printed raw recoloured or retitled the
terminal a report was read in. And the bidirectional embeddings, overrides and isolates (U+202A–202E,
U+2066–2069, _BIDI): a name holding U+202E turned the rest of its line around in every report
(「EvilEMCA → 司公限有 edirrevo」, a date 50-21-6202)."""
_BIDI = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def field_for_path(rules: RuleSet, path: str) -> FieldDef:
    """The field definition of a concrete dotted path, or an InputError naming it.

    Looked up once per path: a CSV batch asks for every cell of every row, and gap analysis and
    the interview ask for the same few paths again and again. Only valid paths are kept, so the
    cache holds at most one entry per field and year."""
    cache: dict[str, FieldDef] = rules.memo.setdefault("profile.field_of", {})
    found = cache.get(path)
    if found is None:
        found = cache[path] = _walk_path(rules, path)
    return found


def _walk_path(rules: RuleSet, path: str) -> FieldDef:
    node = _trie(rules)
    parts = path.split(".")
    for i, part in enumerate(parts):
        if "{year}" in node.children and _year(part) is not None:
            node = node.children["{year}"]
        elif "{year}" in node.children and _YEAR.match(part) and part not in node.children:
            # financials.1989.revenue: the nearest path was the same one, "did you mean … 1989?"
            raise InputError(kind="set.year_range", params={"year": part, "low": YEAR_MIN, "high": YEAR_MAX, "path": path},
                             field=path, label=Text("", ""))
        elif part in node.children and part != "{year}":  # the wildcard is no year: equity_financing.{year}
            node = node.children[part]                        # was the field, and year_in_path's int() failed
        else:
            return _no_field(rules, path, ".".join(parts[: i + 1]))
    if node.field is None:
        raise InputError(kind="set.group", field=path, label=Text(f"“{path}”", ""))
    return node.field


def _no_field(rules: RuleSet, path: str, wrong: str) -> NoReturn:
    """No field at ``path`` (``wrong`` is where it went astray): with the nearest field path, and
    its label, when one is close (``financials.2025.revenu``)."""
    year_match = re.search(r"\.(\d{4})(?=\.|$)", path)
    year = int(year_match.group(1)) if year_match else None
    paths = {f.concrete_path(year if year and YEAR_MIN <= year <= YEAR_MAX else 2025) if f.per_year else f.path: f
             for f in rules.fields.values()}
    near = nearest(path, paths)
    if near is None:
        raise InputError(kind="set.no_field", params={"path": wrong}, field=path, label=Text("", ""))
    label = field_words(paths[near], near)
    raise InputError(kind="set.no_field_near", params={"path": wrong, "near": near, "near_label": label},
                     field=path, label=Text("", ""))


def year_in_path(f: FieldDef, path: str) -> int | None:
    """The fiscal year a concrete path of a per-year field names (``financials.2025.revenue`` → 2025)."""
    if not f.per_year:
        return None
    for part, concrete in zip(f.path.split("."), path.split("."), strict=True):
        if part == "{year}":
            return int(concrete)
    return None


def latest_year(rules: RuleSet, values: Mapping[str, Any]) -> int | None:
    """The latest fiscal year ``values`` give a figure for (None: no yearly figure at all). A profile
    saved one year and assessed after New Year has no figures for last year: every tier turned 未知,
    and the reports say why only when they know this. Each path's year is found once per rule set
    (a batch asks it of every row)."""
    years: dict[str, int | None] = rules.memo.setdefault("profile.year_of", {})
    latest: int | None = None
    for path, value in values.items():
        if value is None:
            continue
        if path in years:
            year = years[path]
        else:
            try:
                year = years[path] = year_in_path(field_for_path(rules, path), path)
            except InputError:  # a path of no field: no year (and not kept)
                continue
        if year is not None and (latest is None or year > latest):
            latest = year
    return latest


def stale_year(rules: RuleSet, values: Mapping[str, Any], last_year: int) -> int | None:
    """The latest year ``values`` give figures for when ``last_year`` has none (an older year, or the
    year still running, typed in for last year's), else None: what a batch asks of every row,
    answered from a few look-ups for a row with a figure of last year (most rows), where
    ``latest_year`` reads every value (some 10% of a summary row's time)."""
    key = ("profile.last_year_paths", last_year)
    paths: tuple[str, ...] | None = rules.memo.get(key)
    if paths is None:
        paths = rules.memo[key] = tuple(f.concrete_path(last_year) for f in rules.fields.values() if f.per_year)
    for path in paths:
        if values.get(path) is not None:
            return None
    return latest_year(rules, values)


def input_label(f: FieldDef, path: str) -> Text:
    """A field's label with the year of its concrete path: 研发费用（2025年） / R&D expense 2025."""
    year = year_in_path(f, path)
    if year is None:
        return f.label
    if f.label.zh.endswith("（年末）"):  # the day is in the year's bracket: 资产总额（2025年末）, not （年末）（2025年）
        return Text(f"{f.label.zh.removesuffix('（年末）')}（{year}年末）", f"{f.label.en} {year}")
    return Text(f"{f.label.zh}（{year}年）", f"{f.label.en} {year}")


def answer_label(f: FieldDef, path: str | None = None) -> Text:
    """The label where the user answers (the interview's question, a template's key or column): with
    what to type for 0 where the rule data says what 0 means, 近三年国家级科技奖励获奖单位排名（0为未获奖）.
    The reports name the field by ``input_label`` alone: the fill-in note beside a verdict or a step
    (「尚缺：……排名（0为未获奖）」) told a reader how to type, not what is missing. Without ``path``, the
    field's label with no year."""
    label = input_label(f, path) if path is not None else f.label
    if f.zero is None:
        return label
    return Text(f"{label.zh}（0为{f.zero.zh}）", f"{label.en} (0 if {f.zero.en})")


def choice_named(f: FieldDef, text: str) -> str | None:
    """The choice ``text`` names: its id or its label in either language, in any letter case, a
    plain word the rule data gives for it (制造业 for 工业), or a name giving its level (name_levels:
    江苏省工程技术研究中心 is 省级); brackets full- or half-width alike."""
    low = choice_key(text)
    found = _named(f, low)
    if found is None and (f.choice_codes or f.choice_endings):
        found = _named_in_forms(f, low)
    return found


def choice_near(f: FieldDef, text: str) -> str | None:
    """The choice ``text`` was likely meant to name, for a 您是不是想选: a slip of an id, a label or a plain
    word of one (制照业 for 制造业, manufactring for manufacturing: 工业). An owner typed what the business
    does and was told the sixteen choices again; a suggestion is never taken as the answer. (A name's
    ending is no ground for one: any text with 制造业 after it ends so.)"""
    low = choice_key(text)
    if not low:
        return None
    pool: dict[str, str] = {}
    for choice in f.choices:
        pool.setdefault(choice.lower(), choice)
        label = f.choice_labels.get(choice)
        if label is not None:
            pool.setdefault(choice_key(label.zh), choice)  # as what is typed is folded (traditional forms too)
            pool.setdefault(label.en.lower(), choice)
    for word, choice in f.choice_words.items():
        pool.setdefault(word, choice)
    near = nearest(low, pool)
    if near is None:
        return None
    # as near another choice's name too (批发零售: 批发 and 零售), it names neither: no guess
    other = nearest(low, [name for name, choice in pool.items() if choice != pool[near]])
    return pool[near] if other is None else None


def choice_hint(f: FieldDef, near: str | None, typed: object = None) -> dict[str, object]:
    """The parameters of a refusal that says the field's ``choice_hint`` (制造业企业（如电子元器件、机械、
    新材料）填“工业”): who, and the choice's id and label; {} where the field has none, where the nearest
    name (``near``) is that choice already, which says it, or where the text ``typed`` ends in another
    choice's trade, as a classification names a business by its activity last (电子元器件批发 ends in
    批发: the hint sent a wholesaler to 工业, which sizes a company by other bounds; 建筑材料 is made). (The interview's numbered list is on the screen with the question's help under it,
    which says as much.)"""
    if f.choice_hint is None or near == f.choice_hint[0]:
        return {}
    if isinstance(typed, str) and any(
            len(stem := label.zh.removesuffix("业")) >= 2 and typed.strip().endswith(stem)
            for choice, label in f.choice_labels.items() if choice != f.choice_hint[0]):
        return {}
    choice, who = f.choice_hint
    return {"who": who, "choice": choice, "choice_label": f.choice_labels.get(choice) or choice}


def _named(f: FieldDef, low: str) -> str | None:
    """The choice one folded name gives: id, label, word, the level in a name, or its ending."""
    for choice in f.choices:
        label = f.choice_labels.get(choice)
        if low == choice.lower() or (label is not None and low in (choice_key(label.zh),
                                                                    label.en.lower())):
            return choice
    found = f.choice_words.get(low)
    if found is None and f.name_endings:
        found = _level_in_name(f, low)
    if found is None and f.choice_endings and not low.isascii():
        found = next((choice for ending, choice in f.choice_endings if low.endswith(ending)), None)
    return found if found in f.choices else None


def _forms(f: FieldDef, low: str) -> list[str]:
    """A classification's name as a sheet records it, in the forms that may name a choice: without
    its leading code (C34通用设备制造业, I65软件和信息技术服务业) where the field has codes, and
    without a remark in brackets at its end (制造业（通用设备）)."""
    forms = [low]
    if f.choice_codes:
        code = _CODE.match(low)
        if code is not None and code.end() < len(low):
            forms.append(low[code.end():])
        elif _BARE_CODE.fullmatch(low):  # K7030, F51, C38: the code a section names (K703, F51), else its 门类 letter,
            forms += [low[:n] for n in range(len(low) - 1, 2, -1)] + [low[0]]  # which decides or names its choices
    for form in list(forms):
        bare = _REMARK.sub("", form).strip()
        if bare and bare != form:
            forms.append(bare)
    return forms


_CODE = lazyre.compile(r"(?:[a-t]\d{0,4}|\d{1,4})[ .．、\-－]*(?=[^\x00-\x7f])")
"""A 国民经济行业分类 code ahead of a name: a 门类 letter with up to four digits, or the digits alone."""
_BARE_CODE = lazyre.compile(r"[a-t]\d{2,4}")
"""A 国民经济行业分类 code alone: a 门类 letter and the 大类, 中类 or 小类 digits under it (C38)."""
_REMARK = lazyre.compile(r"[(][^()]*[)]$")
_PARTS = lazyre.compile(r"[-－—–/／|｜·:：]")
"""Where a sheet joins a 门类 and what it makes (制造业-通用设备, 制造业/汽车零部件)."""


def _named_in_forms(f: FieldDef, low: str) -> str | None:
    """The choice a classification's name gives in one of its forms, or, joined of parts
    (制造业-通用设备), the one choice every part that names one gives; None when parts disagree."""
    forms = _forms(f, low)
    for form in forms[1:]:
        found = _named(f, form)
        if found is not None:
            return found
    given = {_named(f, part.strip()) for form in forms for part in _PARTS.split(form) if part.strip()} - {None}
    return given.pop() if len(given) == 1 else None


def choices_meant(f: FieldDef, text: str) -> tuple[str, ...]:
    """The choices a word may mean that the rule data says covers several (批发和零售业 is 批发业 or
    零售业), so that a refusal names just those; () for any other word."""
    if not f.choice_either:
        return ()
    forms = _forms(f, choice_key(text))
    for form in forms:
        meant = f.choice_either.get(form)
        if meant is not None:
            return meant
    # the name as people shorten it, joined by no word and with no 业 (批发零售, 住宿与餐饮, 交通运输仓储邮政):
    # it got the list of all sixteen choices, where 批发和零售业 got its two
    loose = {_loose(form) for form in forms} - {""}
    for name, meant in f.choice_either.items():
        if _loose(name) in loose:
            return meant
    return ()


_JOINS = lazyre.compile(r"[和与及、,，&+＋/／\s]|\band\b")
"""What joins the parts of a name that covers several choices (批发和零售业, 住宿、餐饮, wholesale and retail)."""


def _loose(name: str) -> str:
    """A name of several choices with its joins and its closing 业 (trade, industry) left out."""
    bare = _JOINS.sub("", name)
    for end in ("业", "trade", "industry"):
        bare = bare.removesuffix(end)
    return bare


def _level_in_name(f: FieldDef, text: str) -> str | None:
    """The level an institution's name gives (深圳市企业技术中心 is city): a park's 研发机构 column holds
    names more often than levels. The first of the field's marks in a name with one of its endings
    decides; a name with none gives no level."""
    if not text.endswith(f.name_endings):
        return None
    marks = [(text.find(mark), level) for mark, level in f.name_marks if mark in text]
    return min(marks)[1] if marks else None


def _assignment(item: str) -> tuple[str, str]:
    """(path, value text) of one FIELD=VALUE what-if, or a one-line refusal."""
    path, sep, text = item.partition("=")
    path = path.strip()
    if not sep or not path:
        raise InputError(kind="set.syntax", params={"item": item}, field="--set")
    return path, text


@record
class Assumed:
    """One figure a what-if set: what a what-if report says it assumed, above its answer."""

    path: str
    before: Scalar | None
    after: Scalar | None
    approximate_before: bool = False  # given as 约…
    approximate_after: bool = False
    parts_kept: tuple[tuple[str, Scalar], ...] = ()
    """The parts of a whole it set (主营业务收入 of 营业收入) the what-if left as they were, with their
    value: raising revenue alone cut the main-business share from 92% to 19%, and tier 1 failed with
    no word why (the plans raise a part with its whole; --set does only what it is told)."""


def set_changes(before: Profile, after: Profile, rules: RuleSet, assignments: Iterable[str],
                last_year: int | None = None) -> list[Assumed]:
    """Each path the what-if set, once, in the order given, with its value before and after."""
    paths = dict.fromkeys(set_field(rules, _assignment(item)[0], last_year)[0] for item in assignments)
    return [Assumed(path, before.values.get(path), after.values.get(path), path in before.approximate,
                    path in after.approximate, _parts_kept(rules, path, paths, before, after)) for path in paths]


def _parts_kept(rules: RuleSet, path: str, changed: Mapping[str, object], before: Profile,
                after: Profile) -> tuple[tuple[str, Scalar], ...]:
    """The parts of ``path``'s field, the same year, given a value and not changed by the what-if, when
    the whole itself changed."""
    if before.values.get(path) == after.values.get(path):
        return ()
    whole = field_for_path(rules, path)
    year = year_in_path(whole, path)
    out = []
    for f in rules.fields.values():
        if f.part_of != whole.id or f.per_year != whole.per_year:
            continue
        part = f.concrete_path(year) if year is not None else f.path
        value = after.values.get(part)
        if part not in changed and value is not None and value == before.values.get(part):
            out.append((part, value))
    return tuple(out)


def set_field(rules: RuleSet, name: str, last_year: int | None = None) -> tuple[str, FieldDef]:
    """The path and field a what-if names: a dotted path, or a column header as a batch reads it
    (营业收入（2025年）, 上年度营业收入 as ``last_year``'s, 从业人员), since a finance manager types
    the label the reports show. A figure of some year named without one (研发费用, revenue) is
    refused suggesting ``last_year``'s, and anything else as a path is (with the nearest path)."""
    try:
        return name, field_for_path(rules, name)
    except InputError as exc:
        refused = exc.moved(label=Text("--set", ""))
    from littlegiant.load.tabular import HINT_YEAR, asked_under, column

    bare = rules.fields.get(name)
    found: tuple[str, FieldDef] | None = None
    try:
        if bare is None:
            found = column(rules, name, last_year)
    except InputError as exc:
        # a label as a sheet's header would be read: unclear (市场占有率: at home or abroad?) or mistyped
        # (研发费) is said as batch says it, not as a path no field has
        if exc.kind == "column.ambiguous":
            raise InputError(kind="set.ambiguous", params={"path": name, **exc.params}, field=name,
                             label=Text("--set", "")) from None
        if exc.kind == "column.unknown_near" and refused.kind == "set.no_field":
            raise InputError(kind="set.no_label_near", params={"path": name, "near_label": exc.params["near_label"]},
                             field=name, label=Text("--set", "")) from None
        if exc.kind != "column.needs_year":
            raise refused from None
        bare = field_for_path(rules, str(exc.params["example"]))
    if found is not None:
        if asked_under(rules, name) is not None:  # a what-if answers this set's question, as it asks it
            raise InputError(kind="set.other_question", params={"label": found[1].label, "path": found[0]},
                             field=name, label=Text("--set", ""))
        return found
    if bare is None or not bare.per_year:
        raise refused from None
    near = bare.concrete_path(last_year or HINT_YEAR)
    raise InputError(kind="set.needs_year", params={"path": name, "near": near, "near_label": field_words(bare, near)},
                     field=name, label=Text("--set", "")) from None


def apply_sets(profile: Profile, rules: RuleSet, assignments: Iterable[str], last_year: int | None = None) -> Profile:
    """A copy of ``profile`` with ``FIELD=VALUE`` what-if assignments applied (FIELD as ``set_field``
    reads it). A figure set as 约… is approximate, one set exactly is not; the file's other
    approximate figures stay so."""
    values = dict(profile.values)
    approximate, signed, by_sign = set(profile.approximate), set(profile.percent_signed), dict(profile.yuan_by_sign)
    given: set[str] = set()  # the paths set
    for item in assignments:
        name, text = _assignment(item)
        path, f = set_field(rules, name, last_year)
        given.add(path)
        named = field_words(f, path)
        from littlegiant.load.answers import percent_signed, read_typed  # as a cell is read: 1.5亿, 800万, 是
        from littlegiant.load.tabular import header_unit

        # a label that names its unit (营业收入（元）（2025年）=80000000) is read in it, as its column is
        unit = header_unit(rules, name, f) if name != path else None
        value, read = read_typed(f, text, where=f"--set {path}", label=Text(f"--set {named.zh}", named.en), unit=unit)
        if value is None:
            values.pop(path, None)
        else:
            values[path] = value
        if read is not None and read.approximate and value is not None:
            approximate.add(path)
        else:
            approximate.discard(path)
        if value is not None and percent_signed(f, text):
            signed.add(path)
        else:
            signed.discard(path)
        if read is not None and read.by_sign and value is not None:
            by_sign[path] = read.typed
        else:
            by_sign.pop(path, None)
    try:
        check_parts(rules, values, source="--set")
    except PartExceedsWhole as exc:  # say how to set the other figure too: the one not set
        v = exc.violation
        other = v.whole if v.part.path in given and v.whole.path not in given else \
            v.part if v.whole.path in given and v.part.path not in given else None
        if other is None:  # both set (or neither: a file's own pair, refused before): nothing more to add
            raise PartExceedsWhole(v, file="--set") from None
        # a part set above the file's whole was told to set the part (the very --set that failed) again; a whole
        # set below several of its parts names them all (Ⅰ类 2 under 4 self-developed and 3 applied ones)
        others = [other] if other is v.whole else [x.part for x in part_violations(rules, values)
                                                    if x.whole.path == v.whole.path and x.part.path not in given]
        sets = Text(" ".join(f"--set {input_label(o.field, o.path).zh}=…" for o in others),
                    " ".join(f"--set {o.path}=…" for o in others))
        raise PartExceedsWhole(v, file="--set", kind="set.part_over_whole", extra={"sets": sets}) from None
    return Profile(values, profile.source, frozenset(approximate), profile.answered_under, frozenset(signed), by_sign)
