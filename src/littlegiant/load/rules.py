"""Rule sets: the data model, and a strict loader from YAML.

Rule files are data, possibly from third parties. The loader accepts only the keys it
knows, checks every type, compiles formulas with the whitelisted evaluator in
:mod:`littlegiant.load.expr`, resolves ``use:`` references and ``extends:`` chains, and reports
problems as ``file:line: path: what was expected``. It knows nothing of scoring.
"""

from __future__ import annotations

import copy
import hashlib
import os
import re
import stat
import time
import unicodedata
from collections.abc import Callable, Iterator, Mapping
from contextvars import ContextVar
from dataclasses import field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

from littlegiant import lazyre
from littlegiant.errors import InputError, clip, describe
from littlegiant.load import expr, parsed
from littlegiant.load.yamlio import MAX_FILE_BYTES, LineDict, LineList, line_of, read_data_file
from littlegiant.messages import Choices, Got, SystemError_, Text, found, nearest, quoted, say, shown_path
from littlegiant.records import record

if TYPE_CHECKING:
    from littlegiant.load.rulecalendar import Calendar, Choice

CONFIDENCE = ("gov", "multi", "single", "recalled")
CALENDAR_FILE = "calendar.yaml"
GLOSSARY_FILE = "_glossary.yaml"
FIELD_TYPES = ("text", "bool", "int", "number", "money", "signed_money", "percent", "choice")
TYPE_RANGE: dict[str, tuple[Decimal | None, Decimal | None]] = {
    "money": (Decimal(0), None), "percent": (Decimal(0), Decimal(100))}
"""What a field type allows whatever the field's own min and max (None: no bound): an amount is not
negative (a loss is signed_money), a percentage is 0 to 100. ``FieldDef.value_range`` joins the two;
the profile reader words a value beyond the type's own bound by the type (金额不能为负数)."""
_NO_RANGE: tuple[Decimal | None, Decimal | None] = (None, None)
NODE_KINDS = ("all", "any", "check", "veto", "qualitative", "score", "sme", "use")
APPLIES = ("always", "new", "renewal")
TIER_IDS = ("innovative_sme", "zjtx_sme", "little_giant")
_ID = lazyre.compile(r"^[a-z][a-z0-9_]*$")
_T = TypeVar("_T")
_COLLECT: ContextVar[list[InputError] | None] = ContextVar("littlegiant_rule_errors", default=None)
_TERMS: ContextVar[dict[str, Any] | None] = ContextVar("littlegiant_glossary_terms", default=None)
"""The glossary while a rule file is checked for its authors; None on an ordinary load."""

# Limits on what one rule set may ask of the tool (README, "Limits and threat model"). Each is far
# above what the built-in sets use (in brackets), and each is checked before the work it bounds.
MAX_NUMBER = Decimal(10) ** 15
"""A number in a rule file (a bound, threshold or points) is 0 or of a size from MIN_NUMBER to under
this, as a profile's numbers are (the built-in ones go from 0.5 to 200000)."""
MIN_NUMBER = Decimal("0.000001")
MAX_PLACES = 12
"""Decimal places of a number in a rule file (2)."""
MAX_DERIVED_CHAIN = 16
"""Derived quantities computed from derived quantities, one from the next (2)."""
MAX_PART_OF_CHAIN = 16
"""Fields each ``part_of`` the next (3)."""
MAX_CRITERIA = 2_000
"""Criteria of one rule set once every ``use:`` is expanded (99)."""
MAX_CRITERIA_DEPTH = 16
"""Levels of criteria within criteria, ``use:`` included (6)."""
MAX_SCORE_ITEMS = 60
"""Items of one score table (16)."""
MAX_BANDS = 24
"""Lines of one ``bands`` or ``each`` list (6), and at most MAX_SCALES ways of a ``best_of`` (2)."""
MAX_SCALES = 6
MAX_EXTENDS = 8
"""Rule files in one ``extends:`` chain (3: an overlay, miit-2022, _base)."""
MAX_TIER_CRITERIA = 200
"""Criteria listed in one tier, a round's or an overlay's ``add_criteria`` for it included (16)."""
MAX_FORMULA_PARTS = 10_000
"""Parts (names, numbers, operators) of all the formulas of one rule set together, each ``use:``
counted each time it is used (319). Every part is compiled when read and again into the plan each
assessment runs, and kept: 1,700 added criteria of 99 parts each (within every other limit) took
an assessment 40 s and 430 MB, and the interview 20 s before its first question."""


class _Building:
    """The rule file being built, ``extends:`` merged into it (the user's own), and the formula parts
    read so far (:data:`MAX_FORMULA_PARTS`)."""

    def __init__(self, top: _Reader) -> None:
        self.top = top
        self.parts = 0


_BUILDING: ContextVar[_Building | None] = ContextVar("littlegiant_rule_building", default=None)


def _over_limit(r: _Reader, kind: str, key: str | None = None, **params: object) -> NoReturn:
    """A broken limit ends the reading even under ``validate``: going on would do the work it bounds.
    A total passed at a line of a shipped file the one read extends (its criteria come after an
    overlay's) is said on the file read, which is what went over it."""
    building = _BUILDING.get()
    if building is not None and r.file != building.top.file and _is_shipped_file(r.file) \
            and not _is_shipped_file(building.top.file):
        r, key = building.top, None
    try:
        r.fail(kind, key, **params)
    except InputError as exc:
        errors = _COLLECT.get()
        if errors is None:
            raise
        errors.append(exc)
        raise _Stop from None


def _meant(name: str) -> Text:
    """"Did you mean" a name, after a problem that names what was written instead."""
    return Text(f"；您是不是想写“{name}”？", f"; did you mean {name!r}?")


_OP_SLIPS = {"=>": ">=", "=<": "<=", "≥": ">=", "≤": "<=", "=": "==", "<>": "!=", "≠": "!=", "＞=": ">=", "＜=": "<="}
"""Operators as people slip into writing them (=> for >=, ≥ as typed in Word): named in the message."""


class _Stop(Exception):
    """Under ``validate``: the problems are recorded and the rule set cannot be built further."""


def _raise(exc: InputError) -> NoReturn:
    raise exc


def _attempt(fn: Callable[..., _T], *args: Any, **kwargs: Any) -> _T | None:
    """Run one part of the loading. Normally an error propagates; under ``validate`` it is
    recorded and the part skipped, so that one run lists every problem of a file."""
    errors = _COLLECT.get()
    if errors is None:
        return fn(*args, **kwargs)
    try:
        return fn(*args, **kwargs)
    except InputError as exc:
        errors.append(exc)
        return None
_NODE_ID = lazyre.compile(r"^[a-z][a-z0-9_.]*$")


@record(frozen=True)
class FieldDef:
    """One input of the profile: where it sits, what it holds, how to ask for it."""

    id: str
    path: str  # dotted; "{year}" marks a per-year segment
    type: str
    label: Text
    help: Text | None = None
    unit: str | None = None
    minimum: Decimal | None = None
    maximum: Decimal | None = None
    choices: tuple[str, ...] = ()
    choice_labels: dict[str, Text] = field(default_factory=dict)
    choice_words: dict[str, str] = field(default_factory=dict)  # plain word (choice_key) → the choice it names
    name_endings: tuple[str, ...] = ()  # a name ending so (…研究中心) gives a level by name_marks
    name_marks: tuple[tuple[str, str], ...] = ()  # (mark, choice): the first mark in such a name decides
    choice_codes: bool = False  # a leading classification code (C, C34, I65) before a choice's name is passed over
    choice_endings: tuple[tuple[str, str], ...] = ()  # (ending, choice): a name ending so names that choice
    choice_either: dict[str, tuple[str, ...]] = field(default_factory=dict)  # word → the choices it may mean
    choice_hint: tuple[str, Text] | None = None  # (choice, who): said when a value names no choice (制造业企业 … 工业)
    qualitative: bool = False
    evidence: tuple[Text, ...] = ()
    lever: str = "up"  # which way advice may move a number: up, down, or none (not the company's to change)
    yearly: bool = False  # given anew each year though not kept by year (本年度…得分): no later round has it yet
    lump_sum: bool = False  # paid in at once (a capital increase), not earned day by day: no pace in the days left
    zero: Text | None = None  # what 0 means for a count or rank (未获奖, 无排名): said for 0, and typed, read as 0
    terms: tuple[str, ...] = ()  # glossary terms its help leans on (rules/_glossary.yaml)
    part_of: str | None = None  # the field this one is a part of: never above it (docs/criteria.md §8a)
    warn_above: str | None = None  # above this field is possible but unusual: a warning, never an error
    warn_growth: Decimal | None = None  # a change from one year to the next beyond ± this percent: a warning
    # fields this one is counted within by its definition, besides its whole (前三位权利人的Ⅰ类 within 自主研发 and
    # 已应用): a plan raising it raises them with it; a profile above one is warned of, never refused (criteria.md §8a)
    within: tuple[str, ...] = ()

    @property
    def per_year(self) -> bool:
        return "{year}" in self.path

    def concrete_path(self, year: int | None) -> str:
        return self.path.replace("{year}", str(year)) if year is not None else self.path

    def value_range(self) -> tuple[Decimal | None, Decimal | None]:
        """The lowest and highest value a number field accepts (None: no bound): its own min and max,
        within what its type allows (an amount or a percentage not below 0, a percentage not above 100).
        The one place this is worked out: the profile reader (every number of a batch's cells), the
        interview's prompt, the templates' notes, ``rules show``, the Excel input sheet, advice and the
        rule tests all ask here. A bound the field and its type share is the field's own, as its rule file wrote it."""
        low, high = self.minimum, self.maximum
        type_low, type_high = TYPE_RANGE.get(self.type, _NO_RANGE)
        if type_low is not None and (low is None or low < type_low):
            low = type_low
        if type_high is not None and (high is None or high > type_high):
            high = type_high
        return low, high


@record(frozen=True)
class Derived:
    """A quantity computed from fields, shown with its formula."""

    id: str
    expression: expr.Expression
    label: Text
    unit: str | None
    per_year: bool
    formula: Text | None
    confidence: str | None


@record(frozen=True)
class Band:
    """One line of a score table: the first line whose condition holds gives its points."""

    points: Decimal
    at_least: Decimal | None = None
    at_most: Decimal | None = None
    when: expr.Expression | None = None
    review: bool = False  # the points rest on a qualitative answer and await the authority
    label: Text | None = None


@record(frozen=True)
class Scale:
    """A value and the bands it is scored against (one of the ways of a best-of item)."""

    value: expr.Expression | None
    bands: tuple[Band, ...]
    unit: str | None
    label: Text | None


@record(frozen=True)
class ScoreItem:
    """One indicator of a score table."""

    id: str
    title: Text
    group: str
    max: Decimal
    source: str
    confidence: str
    scales: tuple[Scale, ...]  # more than one: the best of them counts
    each: tuple[Band, ...] = ()  # points for each condition that holds, capped at max
    points_from_value: expr.Expression | None = None  # the value itself is the points
    note: Text | None = None
    evidence: tuple[Text, ...] = ()
    line: int | None = None
    file: str | None = None


@record(frozen=True)
class ScoreGroup:
    """A group of a score table's items (e.g. 专业化), with the points its items add up to."""

    id: str
    title: Text
    max: Decimal


@record(frozen=True)
class ScoreTable:
    """A points table (e.g. the 专精特新 score): its groups, its items, and the total they add up to."""

    id: str
    title: Text
    max: Decimal
    groups: tuple[ScoreGroup, ...]
    items: tuple[ScoreItem, ...]


@record(frozen=True)
class Node:
    """A criterion, or a group of criteria (all-of / any-of)."""

    id: str
    kind: str
    title: Text
    source: str | None = None
    confidence: str | None = None
    children: tuple[Node, ...] = ()
    value: expr.Expression | None = None
    op: str | None = None
    threshold: Any = None
    unit: str | None = None
    field: str | None = None
    table: str | None = None
    group: str | None = None
    applies: str = "always"
    note: Text | None = None
    evidence: tuple[Text, ...] = ()
    line: int | None = None
    file: str | None = None
    when_present: str = "unmet"  # a veto's status when the problem exists: unmet, or manual_review
    prerequisite: bool = False  # a check that the company holds the title below (the tier's step up the ladder)
    selector: bool = False  # a check that says which route of a choice the company is in (a revenue band)

    def walk(self) -> Iterator[Node]:
        yield self
        for child in self.children:
            yield from child.walk()

    def place(self) -> str | None:
        """Where the node is defined (``file:line:id``): the same place is the same rule, wherever a
        tier uses it (the gate every tier shares). None for a node built in code, which knows no
        place: it is only ever itself, and no cache keeps it by its id(), which another node can
        have once it is gone."""
        if self.file is None or self.line is None:
            return None
        return f"{self.file}:{self.line}:{self.id}"


@record(frozen=True)
class SizeClass:
    """The 300号 bounds of one industry; each dict maps 'staff'/'revenue'/'assets' to a bound."""

    id: str
    label: Text
    ceiling: dict[str, Decimal]
    medium: dict[str, Decimal]
    small: dict[str, Decimal]


@record(frozen=True)
class SizeStandard:
    """The 300号 size table: the figures it reads, how firm its source is, and each industry's bounds."""

    source: str
    confidence: str
    inputs: dict[str, expr.Expression]
    industries: dict[str, SizeClass]


@record(frozen=True)
class Tier:
    """One title of the ladder, with its criteria under one all-of node and the score table it uses."""

    id: str
    title: Text
    criteria: Node  # an "all" node
    score_table: str | None
    notes: tuple[Text, ...] = ()


@record(frozen=True)
class RuleSet:
    """A rule set as loaded, ``extends:`` merged: what a profile is checked and scored against."""

    id: str
    title: Text
    in_force_from: date
    in_force_to: date | None
    source: str
    url: str | None
    fields: dict[str, FieldDef]
    derived: dict[str, Derived]
    size: SizeStandard
    scores: dict[str, ScoreTable]
    tiers: dict[str, Tier]
    origin: str  # the file it came from
    extends: str | None = None
    round: str | None = None  # the round notice a round file applies (rules/calendar.yaml)
    notes: tuple[Text, ...] = ()  # what every report of this set must say (e.g. how firm its sources are)
    # What other modules build from this set (the profile trie, batch plans), held by the set itself:
    # a cache keyed by id() would hand a freed set's work to a new set at the same address.
    memo: dict[Any, Any] = field(default_factory=dict, init=False, compare=False, repr=False)

    def all_nodes(self) -> Iterator[tuple[str, Node]]:
        for tier in self.tiers.values():
            for node in tier.criteria.walk():
                yield tier.id, node


# --------------------------------------------------------------------------- reading


class _Reader:
    """Typed access to one mapping of a rule file, with located errors."""

    def __init__(self, data: Any, file: str, path: str, line: int | None = None) -> None:
        self.file = _file_of(data, file)
        self.path = path
        self.line = line if line is not None else getattr(data, "line", None)
        if not isinstance(data, dict):
            self.fail("rule.mapping", got=Got(data))
        self.data: dict[str, Any] = data

    def fail(self, kind: str, key: str | None = None, **params: object) -> NoReturn:
        """Raise the problem ``kind`` (a messages catalog key, said in en and zh) at ``key`` of this mapping."""
        line = self._line(key) if key is not None and hasattr(self, "data") else self.line
        where = f"{self.path}.{key}" if key is not None and self.path else (key or self.path)
        raise InputError(kind=kind, params=params, file=self.file, line=line, field=where or None)

    def _line(self, key: str) -> int | None:
        """The line of ``key``, given as the text a path names it by: a key written ``1:`` or ``true:``
        (no text equals it) was placed on its mapping's first line."""
        lines = getattr(self.data, "lines", None)
        if isinstance(lines, dict) and key not in lines:
            return line_of(self.data, next((k for k in lines if str(k) == key), key))
        return line_of(self.data, key)

    def keys(self, required: tuple[str, ...], optional: tuple[str, ...] = (), *, telling: tuple[str, ...] = ()) -> None:
        """Refuse a key not in ``required`` or ``optional``, naming the one a slip of a few letters meant
        (threshhold → threshold), and a required key missing; a key missing because it was misspelt is
        said once, as the slip: "missing required key 'confidence'" under "unknown key 'confidance'"
        sent the author looking for a second problem. ``telling``: optional keys whose absence changes
        what the rest means (``extends``, a band's ``at_least``), read no further when misspelt: what
        followed was said as problems of its own (a band "never reached", a date in force missing)."""
        allowed = dict.fromkeys((*required, *optional))  # looked up by hash: the set is told every key a
        # mapping holds (it checks only what is required), and a tuple scanned for each of a hostile file's
        # 40,000 keys took 9.6 s of ``rules validate``
        names = tuple(allowed)
        slips: dict[str, InputError] = {}
        unknown = 0
        for key in self.data:
            if key not in allowed:
                unknown += 1  # a mapping of thousands of unknown keys is no slip: each costs a search, so few are
                near = nearest(key, names) if isinstance(key, str) and unknown <= MAX_SLIPS else None
                if near is None or near in self.data:
                    _attempt(self.fail, "rule.unknown_key", str(key), name=quoted(key), allowed=Choices(names))
                    continue
                try:
                    self.fail("rule.unknown_key_near", str(key), name=quoted(key), near=quoted(near),
                              allowed=Choices(names))
                except InputError as exc:
                    slips.setdefault(near, exc)
                    _attempt(_raise, exc)
        for key in (*required, *telling):
            if key not in self.data and key in slips:
                raise slips[key]  # under validate, said already: the same problem is listed once
        for key in required:
            if key not in self.data:
                self.fail("rule.missing_key", name=quoted(key))

    def sub(self, key: str) -> _Reader:
        return _Reader(self.data[key], self.file, self._join(key), line_of(self.data, key))

    def _join(self, key: object) -> str:
        return f"{self.path}.{key}" if self.path else str(key)

    def get(self, key: str) -> Any:
        return self.data.get(key)

    def has(self, key: str) -> bool:
        return key in self.data and self.data[key] is not None

    def string(self, key: str, *, optional: bool = False, pattern: re.Pattern[str] | None = None) -> Any:
        v = self.data.get(key)
        if v is None and optional:
            return None
        if not isinstance(v, str) or not v.strip():
            self.fail("rule.string", key, got=Got(v))
        if pattern is not None and not pattern.match(v):
            self.fail("rule.id", key, value=quoted(v))
        return v

    def choice(self, key: str, allowed: tuple[str | None, ...], default: str | None = None) -> Any:
        v = self.data.get(key, default)
        if v not in allowed:
            meant = _OP_SLIPS.get(v) if isinstance(v, str) else None
            hint = _meant(meant) if meant is not None and meant in allowed else ""
            self.fail("rule.choice", key, allowed=Choices(tuple(a for a in allowed if a)), value=quoted(v), hint=hint)
        return v

    def flag(self, key: str, default: bool = False) -> bool:
        v = self.data.get(key, default)
        if not isinstance(v, bool):
            self.fail("rule.flag", key, got=Got(v))
        return v

    def number(self, key: str, *, optional: bool = False) -> Any:
        v = self.data.get(key)
        if v is None and optional:
            return None
        if isinstance(v, bool) or not isinstance(v, int | Decimal):
            self.fail("rule.number", key, got=Got(v))
        return checked_number(v, lambda kind, **params: self.fail(kind, key, **params))

    def text(self, key: str, *, optional: bool = False) -> Any:
        if not self.has(key):
            if optional:
                return None
            self.fail("rule.missing_text", name=quoted(key))
        r = self.sub(key)
        r.keys(("zh", "en"))
        return Text(r.string("zh"), r.string("en"))

    def texts(self, key: str) -> tuple[Text, ...]:
        if not self.has(key):
            return ()
        items: Any = self.data[key]
        if not isinstance(items, list):
            self.fail("rule.texts", key, got=Got(items))
        out = []
        for i, item in enumerate(items):
            r = _Reader(item, self.file, f"{self._join(key)}[{i}]", line_of(items, i))
            r.keys(("zh", "en"))
            out.append(Text(r.string("zh"), r.string("en")))
        return tuple(out)

    def expression(self, key: str, *, optional: bool = False) -> Any:
        v = self.data.get(key)
        if v is None and optional:
            return None
        if isinstance(v, bool):
            self.fail("rule.formula_bool", key)
        if isinstance(v, int | Decimal):
            v = str(v)
        if not isinstance(v, str):
            self.fail("rule.formula_kind", key, got=Got(v))
        try:
            parsed_formula = expr.parse(v)
        except expr.ExprError as exc:
            self.fail(exc.kind, key, **exc.params)
        building = _BUILDING.get()
        if building is not None:
            building.parts += parsed_formula.parts
            if building.parts > MAX_FORMULA_PARTS:
                _over_limit(self, "rule.formula_parts", key, limit=MAX_FORMULA_PARTS)
        return parsed_formula

    def words(self, key: str) -> tuple[str, ...]:
        """A list of plain words (a choice's other names, a name's endings), each non-empty text."""
        v = self.data.get(key)
        if not isinstance(v, list) or not v:
            self.fail("rule.words", key, got=Got(v))
        if len(v) > MAX_WORDS:
            self.fail("rule.words_many", key, limit=MAX_WORDS)
        for i, word in enumerate(v):
            if not isinstance(word, str) or not word.strip() or len(word) > MAX_WORD:
                raise InputError(kind="rule.word", params={"limit": MAX_WORD, "got": Got(word)},
                                 file=self.file, line=line_of(v, i), field=f"{self._join(key)}[{i}]")
        return tuple(v)

    def items(self, key: str) -> list[tuple[_Reader, Any]]:
        v = self.data.get(key)
        if not isinstance(v, list):
            self.fail("rule.list", key, got=Got(v))
        return [
            (_Reader(item, self.file, f"{self._join(key)}[{i}]", line_of(v, i)), item)
            for i, item in enumerate(v)
        ]


MAX_SLIPS = 8
"""Unknown keys of one mapping searched for the key they misspell: bounded work on a hostile file."""
MAX_WORDS = 200
MAX_WORD = 40
"""Bounds of a list of plain words in a rule file (a choice's other names): work stays bounded."""


def choice_key(text: str) -> str:
    """A choice's id, label or plain word as compared with what was typed: NFKC (full-width brackets
    and letters folded), traditional characters as their simplified forms, trimmed, in lower case."""
    return unicodedata.normalize("NFKC", text).strip().lower().translate(_SIMPLIFIED)


_SIMPLIFIED: dict[int, str] = str.maketrans({pair[0]: pair[1] for pair in (
    "專专 業业 樂乐 產产 倉仓 會会 傳传 體体 儲储 關关 農农 製制 務务 動动 區区 衛卫 縣县 參参 發发 圍围 國国 備备 復复 複复 "
    "獎奖 娛娱 學学 屬属 廣广 應应 廢废 開开 棄弃 強强 錄录 術术 機机 構构 氣气 沒没 漁渔 煉炼 熱热 環环 電电 礦矿 "
    "級级 紀纪 紡纺 織织 經经 綜综 網网 聯联 膠胶 獲获 穫获 營营 裝装 視视 認认 記记 設设 試试 賃赁 資资 車车 軟软 "
    "輔辅 輸输 運运 進进 選选 郵邮 採采 飲饮 飾饰 驗验 無无 築筑").split()})
"""The traditional forms of the characters the shipped choices are named with (製造業, 批發和零售業,
軟件和信息技術服務業), as a list kept by a parent company's system in Hong Kong or Taiwan writes them:
製造業 was "not a choice" and 批發零售 offered only 零售业. Each simplified form is a character of those
names (a test holds the table to them), so a simplified name is left as it is."""


def checked_number(v: int | Decimal, fail: Callable[..., NoReturn]) -> Decimal:
    """A rule file's number within the sizes a profile's numbers have and :data:`MAX_PLACES`; beyond
    them a number is no rule, and ``1.0e999999999`` would hang every comparison that rounds it."""
    d = Decimal(v)
    if not d.is_finite() or d.copy_abs() >= MAX_NUMBER or (d and d.copy_abs() < MIN_NUMBER):
        fail("rule.number_size", number=clip(str(v), 40))
    exponent = d.as_tuple().exponent
    if d and isinstance(exponent, int) and exponent < -MAX_PLACES and d != d.quantize(Decimal(1).scaleb(-MAX_PLACES)):
        fail("rule.number_places", number=clip(str(v), 40), places=MAX_PLACES)
    return d


def _tag(data: Any, file: str) -> None:
    """Remember in every mapping and list which file it came from (for merged overlays)."""
    if isinstance(data, LineDict | LineList):
        data.file = file  # type: ignore[union-attr]
        for v in data.values() if isinstance(data, dict) else data:
            _tag(v, file)


def _file_of(data: Any, default: str) -> str:
    return getattr(data, "file", default)


# ------------------------------------------------------------------- built-in lookup


def builtin_dir() -> Path:
    """Where the built-in rule sets are: inside the wheel, or the checkout's ``rules/``.

    A wheel carries them as ``littlegiant/rules`` (hatch force-include); an editable install
    does not, so the top-level ``rules/`` of the source tree is the fallback.
    """
    here = Path(__file__).resolve().parent.parent  # the littlegiant package
    packaged = here / "rules"
    if packaged.is_dir():
        return packaged
    return here.parent.parent / "rules"


def builtin_ids() -> list[str]:
    d = builtin_dir()
    return sorted(p.stem for p in d.glob("*.yaml")
                  if not p.stem.startswith("_") and not p.name.endswith(".tests.yaml") and p.name != CALENDAR_FILE)


OVERLAYS = "overlays"
"""The folder, inside the built-in rules, of the shipped overlays (a province's indicators): each
named by its id as the national sets are, so that ``--rules shandong-2022`` works from any folder."""


def overlay_ids() -> list[str]:
    """The ids of the shipped overlays (their files' names, which are their ids)."""
    return sorted(p.stem for p in (builtin_dir() / OVERLAYS).glob("*.yaml")
                  if not p.stem.startswith("_") and not p.name.endswith(".tests.yaml"))


def shipped_headings() -> list[tuple[dict[str, Text], Text]]:
    """Each shipped rule set's (national and overlay) tier titles and company-name label: what the
    header of batch's results is made of. Read from the files' data without building the sets, so
    that batch recognises its own earlier results (before writing over them) at the cost of reading
    a few parsed files, not of building every rule set (some 160 ms)."""
    out: list[tuple[dict[str, Text], Text]] = []
    for rid in (*builtin_ids(), *overlay_ids()):
        path = _shipped(rid)
        assert path is not None  # listed from the folder
        try:
            data = _read_merged(path.resolve(), seen=())
            tiers = {str(tid): Text(str(tier["zh"]), str(tier["en"])) for tid, tier in data["tiers"].items()}
            name = data["fields"]["name"]
            out.append((tiers, Text(str(name["zh"]), str(name["en"]))))
        except (InputError, KeyError, TypeError, AttributeError):  # an edited file: as the reader reads it
            rs = load(rid)
            out.append(({tid: tier.title for tid, tier in rs.tiers.items()}, rs.fields["name"].label))
    return out


def _shipped(rule_id: str) -> Path | None:
    """The shipped file of a built-in set or overlay named by its id, or None."""
    if not _ID_OR_DASH.match(rule_id):
        return None
    return next((p for p in (builtin_dir() / f"{rule_id}.yaml", builtin_dir() / OVERLAYS / f"{rule_id}.yaml")
                 if p.is_file()), None)


def resolve_rules_arg(arg: str) -> Path:
    """A ``--rules`` value: a built-in id, a YAML file, or a folder holding one rule set."""
    if not arg.strip():  # Path("") is "." : --rules "" was read as the current folder
        known = [*builtin_ids(), *overlay_ids()]
        raise InputError(kind="rules.unknown", params={"got": arg, "known": ", ".join(known)}, field="--rules")
    path = Path(arg)
    try:
        is_dir, exists = path.is_dir(), path.exists()
    except OSError as exc:  # a name too long for the system, a path through a file: said, not raised as OSError
        raise InputError(kind="file.os", params={"error": SystemError_(exc.errno, exc.strerror)},
                         file=shown_path(arg)) from None
    if path.suffix.lower() in (".yaml", ".yml") or is_dir or exists:
        if is_dir:
            candidates = [p for p in sorted(path.glob("*.yaml")) + sorted(path.glob("*.yml"))
                          if not p.name.endswith((".tests.yaml", ".tests.yml"))]  # my.yml's cases: my.tests.yml
            if len(candidates) != 1:
                raise InputError(kind="rules.folder_count", params={"count": len(candidates)}, file=str(path))
            return candidates[0]
        if not exists:
            raise InputError(kind="rules.no_file", file=str(path))
        return path
    builtin = _shipped(arg)
    if builtin is None:
        known = [*builtin_ids(), *overlay_ids()]
        near = nearest(arg, known) or _of_year(arg)
        if near is not None:
            raise InputError(kind="rules.unknown_near", params={"got": arg, "near": near, "known": ", ".join(known)},
                             field="--rules")
        raise InputError(kind="rules.unknown", params={"got": arg, "known": ", ".join(known)}, field="--rules")
    return builtin


_ID_OR_DASH = lazyre.compile(r"^[a-z0-9][a-z0-9_-]*$")


def _of_year(arg: str) -> str | None:
    """The national set of a year typed alone (2022 for miit-2022), when just one is of that year:
    people name the measures by their year, and 2022 was told only that no such set exists."""
    if not re.fullmatch(r"(19|20)\d\d", arg.strip()):
        return None
    sets = [i for i in builtin_ids() if i.endswith(f"-{arg.strip()}")]
    return sets[0] if len(sets) == 1 else None


# ------------------------------------------------------------------------- loading

RACY_NS = 2_000_000_000
"""A file changed this close (in ns) to its reading may change again within one tick of the file
system's clock, leaving its time and size as they were (a script rewriting an overlay in a loop, a
threshold of 5000 made 6000): such a file is compared by its bytes, as git does its "racy" entries."""


@record(frozen=True)
class _Stamp:
    """One rule file read from its YAML, as it was when read: what says whether it still is."""

    path: Path  # as reached (a link followed each time: one pointed elsewhere shows another file)
    key: tuple[int, ...] | None  # times, size, inode, device; None: not stamped (no regular file), never holds
    digest: bytes | None  # its bytes' sha256, kept only when it was racy (RACY_NS)

    def holds(self) -> bool:
        """Whether the file is as it was read."""
        return self.key is not None and _stat_key(self.path) == self.key \
            and (self.digest is None or _digest(self.path) == self.digest)


def _stat_key(path: Path) -> tuple[int, ...] | None:
    """A regular file's (mtime, ctime, size, inode, device); None for anything else."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    if not stat.S_ISREG(st.st_mode):
        return None  # a pipe is never read here (it would hang); the reader refuses it in its words
    return st.st_mtime_ns, st.st_ctime_ns, st.st_size, st.st_ino, st.st_dev


def _digest(path: Path) -> bytes | None:
    """The sha256 of a regular file's bytes (as many as the reader reads); None when there is none."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with open(fd, "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                return None
            return hashlib.sha256(handle.read(MAX_FILE_BYTES + 1)).digest()
    except OSError:
        return None


def _stamp(path: Path) -> _Stamp:
    """Taken just before the file is read, so that a change while it is read shows next time."""
    key = _stat_key(path)
    if key is None or max(key[0], key[1]) < time.time_ns() - RACY_NS:
        return _Stamp(path, key, None)
    digest = _digest(path)
    return _Stamp(path, key if digest is not None else None, digest)


@record(frozen=True)
class _Loaded:
    """A rule set loaded from a file, and the files of its ``extends:`` chain read from their YAML
    (not the shipped ones read from their parsed form: they live in the package, read once a process)."""

    rules: RuleSet
    files: tuple[_Stamp, ...]

    def current(self) -> bool:
        """Whether every file it was read from is as it was: a set is what its files hold now."""
        return all(s.holds() for s in self.files)


_CACHE: dict[Path, _Loaded] = {}
"""Rule sets by their file's resolved path, each good while its files are unchanged (_Loaded.current):
a consultant editing an overlay in a notebook got the old thresholds from load_rules without a word."""


def validate(arg: str | Path, *, allow_outside: bool = False) -> list[InputError]:
    """Every problem of a rule file (following ``extends:``), each with its file and line; [] when clean.

    It reads exactly as :func:`load` does, so a file it passes loads and assesses without error.
    """
    errors: list[InputError] = []
    token = _COLLECT.set(errors)
    terms = _TERMS.set(None)
    try:
        _TERMS.set(glossary())
        path = resolve_rules_arg(str(arg)).resolve()
        _build(_read_merged(path, seen=(), allow_outside=allow_outside), str(_display(path)), path)
    except InputError as exc:
        errors.append(exc)
    except _Stop:
        pass
    finally:
        _TERMS.reset(terms)
        _COLLECT.reset(token)
    unique: dict[str, InputError] = {}
    for e in errors:
        unique.setdefault(str(e), e)
    return list(unique.values())


def load(arg: str | Path, *, allow_outside: bool = False, check_terms: bool = False) -> RuleSet:
    """Load a rule set by built-in id or path, following ``extends:``; cached per process while its
    files are unchanged (the shipped ones are read once: they live in the package).

    ``extends:`` reaches only built-in sets and files in the rule file's own folder (or below it),
    unless ``allow_outside``. A set loaded with that permission is the one a later load of the same
    unchanged files gets without it: a batch's scorer (and its forked workers) load the set the run
    loaded by its reference alone. An edited file is read again, under the permission then given.
    A field that links a glossary term which does not exist is refused in any file read from its YAML
    (every file but the shipped ones); ``check_terms`` (for rule authors, as :func:`validate` does)
    checks the shipped ones too, reading the set again even if cached.
    """
    path = resolve_rules_arg(str(arg)).resolve()
    kept = _CACHE.get(path)
    if kept is not None and not check_terms and kept.current():
        return kept.rules
    files: list[_Stamp] = []
    data = _read_merged(path, seen=(), allow_outside=allow_outside, files=files)
    # a file read from its YAML (the user's own, or an edited built-in) has its glossary links checked;
    # the shipped files, read from their parsed form, are checked by the tests and cost no glossary
    token = _TERMS.set(glossary() if check_terms or getattr(data, "from_yaml", False) else None)
    try:
        built = _build(data, str(_display(path)), path)
    finally:
        _TERMS.reset(token)
    if kept is not None and kept.current():  # checked again (check_terms): the set already handed out stays
        return kept.rules
    _CACHE[path] = _Loaded(built, tuple(files))
    return built


def _display(path: Path) -> Path:
    try:
        return path.relative_to(Path.cwd())
    except ValueError:
        return path


_MERGED_SECTIONS = ("fields", "derived", "nodes", "scores", "tiers")
_TOP_KEYS = ("format", "id", "title", "in_force", "source", "url", "extends", "size_standard",
             *_MERGED_SECTIONS, "replace_items", "notes", "round", "add_criteria", "set_applies")
_MERGED_KEYS = (*_MERGED_SECTIONS, "replace_items")
"""Keys whose entries a file adds to those of the file it extends (one it names again replaces the
base's). ``replace_items`` is one: an overlay of shandong-2022 swapping one more item took the place of
Shandong's swaps, its 特色化 indicators gone and the 0–15 input back, without a word. The base's swaps
come first, so an item one of them brought in (zjtx.sd_listing) may be swapped in turn."""


def read_file(path: Path, name: str | None = None) -> Any:
    """What a rule file holds: a built-in one from its parsed form (:mod:`littlegiant.load.parsed`) when
    that was made from these very bytes, any other from its YAML. ``name``: the file as messages show
    it; every mapping and list remembers it (for merged overlays)."""
    name = name if name is not None else str(path)
    data = parsed.read(path.resolve(), builtin_dir(), name)
    if data is None:
        data = read_rule_data(Path(name))
        _tag(data, name)
        if isinstance(data, LineDict):
            data.from_yaml = True  # type: ignore[attr-defined]  # see load(): its glossary links are checked
    return data


def read_rule_data(path: Path) -> Any:
    """A rule file's (or its tests file's) data as :func:`read_data_file` reads it; a file in no encoding
    it knows is told to be saved as UTF-8, not to have --encoding name it: no ``rules`` command takes
    that option, and assess's names the profile's encoding, not the rule file's."""
    try:
        return read_data_file(path)
    except InputError as exc:
        if exc.kind != "data.not_text":
            raise
        raise InputError(kind="rules.not_text", params=exc.params, file=exc.file, line=exc.line) from None


def _check_is_rules(data: Any, name: str) -> None:
    """Refuse a file that is no rule file in one line that quotes none of it: anything at all may be
    given to --rules (/etc/passwd, a .env of keys), and the YAML reader folds such a file's lines into
    one text, which "expected a mapping, got text '…'" printed. A company profile is said to be one,
    not listed the rule keys it lacks."""
    if not isinstance(data, dict):
        raise InputError(kind="rules.top", params={"found": found(data)}, file=name, line=getattr(data, "line", None))
    if data and not {"format", "id", "extends", "nodes", "tiers"} & set(data):
        raise InputError(kind="rules.not_rules", file=name)


_CONTROL = lazyre.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
"""Control characters but tab and line feed, and the bidirectional overrides: written in a rule file's
text as YAML escapes ("\\e[2J", "\\a"), they reached the terminal raw through ``rules show`` and
``assess --detail`` (cleared it, retitled it, reordered what it showed), as in a profile's text."""


def _refuse_controls(data: Any, name: str) -> None:
    """Refuse a control character in any text of a rule file, key or value, at its line: the first in
    the file's order. Walked with a stack; the reader bounded how many values and how deep."""
    stack: list[tuple[Any, str]] = [(data, "")]
    while stack:
        value, path = stack.pop()
        if isinstance(value, dict):
            pairs: list[tuple[Any, Any]] = list(value.items())
        elif isinstance(value, list):
            pairs = list(enumerate(value))
        else:
            continue
        children = []
        for key, item in pairs:
            at = f"{path}[{key}]" if isinstance(value, list) else f"{path}.{key}" if path else str(key)
            bad = None
            if isinstance(value, dict) and isinstance(key, str) and (bad := _CONTROL.search(key)) is not None:
                at = path  # the key itself is not shown: it holds what a terminal would run
            elif isinstance(item, str):
                bad = _CONTROL.search(item)
            if bad is not None:
                raise InputError(kind="rule.control", params={"code": f"{ord(bad.group()):04X}"},
                                 file=_file_of(value, name), line=line_of(value, key), field=at or None)
            children.append((item, at))
        stack.extend(reversed(children))


def _format_one(value: object) -> bool:
    """Whether a file says ``format: 1``: the whole number, not ``true`` or ``1.0`` (which equal it)."""
    return type(value) is int and value == 1


def _read_merged(path: Path, seen: tuple[Path, ...], *, allow_outside: bool = False,
                 files: list[_Stamp] | None = None, reached: Path | None = None) -> LineDict:
    """The rule file at (resolved) ``path`` with its ``extends:`` chain merged in. ``files`` collects a
    stamp of each file read from its YAML (``reached``: its path as the file naming it wrote it); a
    shipped file read from its parsed form is the package's, and needs none."""
    name = str(_display(path))
    stamp = _stamp(reached if reached is not None else path) if files is not None else None
    data = read_file(path, name)
    if stamp is not None and files is not None and getattr(data, "from_yaml", False):
        files.append(stamp)
    _check_is_rules(data, name)
    if getattr(data, "from_yaml", False):  # the shipped files, read from their parsed form, are checked by tests
        _refuse_controls(data, name)
    top = _Reader(data, name, "")
    top.keys(("format", "id"), _TOP_KEYS[2:], telling=("extends",))
    if not _format_one(top.get("format")):
        top.fail("rule.format", "format", got=Got(top.get("format")))
    parent_ref = top.string("extends", optional=True)
    if parent_ref is None:
        return data
    if parent_ref.endswith((".yaml", ".yml")):
        parent_path = (path.parent / parent_ref).resolve()
        if not allow_outside and not parent_path.is_relative_to(path.parent):
            top.fail("rule.extends_outside", "extends", ref=quoted(clip(parent_ref, 60)))
        if not _is_file(parent_path):
            top.fail("rule.extends_missing", "extends", ref=quoted(clip(parent_ref, 60)))
    else:
        # an id no file name can hold is none: looked up, the system's "File name too long" named a
        # path inside the package, not the user's file
        named = re.match(r"^_?[a-z0-9][a-z0-9_-]{0,99}$", parent_ref) is not None
        # a shipped overlay by its id too, as --rules takes it: extends: shandong-2022 was "unknown rule set"
        parent_path = ((_shipped(parent_ref) if named else None) or builtin_dir() / f"{parent_ref}.yaml").resolve()
        # the calendar and the glossary lie beside the sets but are none: extended, their keys were refused
        # at lines of the shipped file, the user's own file never named
        if not named or not parent_path.is_file() or parent_path.name in (CALENDAR_FILE, GLOSSARY_FILE):
            _unknown_parent(top, parent_ref, path)
    if parent_path in seen or parent_path == path:
        top.fail("rule.extends_loop", "extends", ref=quoted(parent_ref))
    if len(seen) >= MAX_EXTENDS:
        top.fail("rule.extends_chain", "extends", limit=MAX_EXTENDS)
    base = _read_merged(parent_path, (*seen, path), allow_outside=allow_outside, files=files,
                        reached=path.parent / parent_ref if parent_ref.endswith((".yaml", ".yml")) else None)
    merged = LineDict(base)
    merged.lines = dict(base.lines)
    merged.line = getattr(data, "line", None)  # this file's, as its name is: not the base file's first line
    merged.file = name  # type: ignore[attr-defined]
    merged.from_yaml = getattr(base, "from_yaml", False) or getattr(data, "from_yaml", False)  # type: ignore[attr-defined]
    for key, value in data.items():
        if key in _MERGED_KEYS and isinstance(value, dict) and isinstance(base.get(key), dict):
            section = LineDict(base[key])
            section.lines = dict(getattr(base[key], "lines", {}))
            section.line = getattr(value, "line", None)
            section.file = name  # type: ignore[attr-defined]
            # what this file's entries replace: a field or derived quantity keeps what the base's formulas read
            section.replaced = {k: base[key][k] for k in value if k in base[key]}  # type: ignore[attr-defined]
            for k, v in value.items():
                section[k] = v
                section.lines[k] = value.lines.get(k, 0) if isinstance(value, LineDict) else 0
            merged[key] = section
        else:
            merged[key] = value
        line = getattr(data, "lines", {}).get(key)  # a JSON rule file's keys carry no lines
        if line is not None:
            merged.lines[key] = line
        else:
            merged.lines.pop(key, None)  # the base's line is another file's
    merged["extends"] = parent_ref
    return merged


def _is_file(path: Path) -> bool:
    """Whether ``path`` is a file, a name the system refuses (too long) being none: its OSError named
    the path it was joined into, not the rule file and line that wrote it."""
    try:
        return path.is_file()
    except OSError:
        return False


def _unknown_parent(top: _Reader, ref: str, own: Path) -> NoReturn:
    """``extends:`` naming no rule set, said with the ids it may name, as ``--rules`` says it, and the
    nearest of them or the file beside it (``extends: mine`` for mine.yaml): "extends unknown rule set
    'miit-2023'" left the author to guess what was expected."""
    known = [*builtin_ids(), *overlay_ids()]
    beside = own.with_name(f"{ref}.yaml") if _ID_OR_DASH.match(ref) else None  # no path: ../x is no name
    near = nearest(ref, known) or (beside.name if beside is not None and _is_file(beside) and beside != own
                                   else None)
    if near is not None:
        top.fail("rules.unknown_near", "extends", got=clip(ref, 60), near=near, known=", ".join(known))
    top.fail("rules.unknown", "extends", got=clip(ref, 60), known=", ".join(known))


def _build(data: LineDict, file: str, path: Path) -> RuleSet:
    """The rule set of ``data`` (a file, ``extends:`` merged), its problems said on that file: one found
    in a shipped file it extends is its doing, since the shipped files load alone (their tests say so)."""
    top = _Reader(data, _file_of(data, file), "")
    token = _BUILDING.set(_Building(top))
    errors = _COLLECT.get()
    start = len(errors) if errors is not None else 0
    try:
        return _build_set(top, file, path)
    except InputError as exc:
        if errors is None:
            raise _on_own_file([exc], top)[0] from None
        errors.append(exc)
        raise _Stop from None
    finally:
        _BUILDING.reset(token)
        if errors is not None:
            errors[start:] = _on_own_file(errors[start:], top)


def _on_own_file(errors: list[InputError], top: _Reader) -> list[InputError]:
    """``errors`` as the author of ``top``'s file can act on them: those found in the shipped files it
    extends left out when its own file has some (they follow from them: a derived quantity it broke is
    missing from every formula that reads it), else the first said on its ``extends:`` line, where the
    change that broke the shipped rules is."""
    if _is_shipped_file(top.file):
        return errors
    own = [e for e in errors if not _is_shipped_file(e.file)]
    if own or not errors:
        return own
    first = errors[0]
    where = f"{Path(first.file or '').name}:{first.line}" if first.line is not None else Path(first.file or "").name
    said = Text(f"{first.field}：{first.words('zh')}" if first.field else first.words("zh"),
                f"{first.field}: {first.message}" if first.field else first.message)
    return [InputError(kind="rule.extends_broken", params={"said": said, "where": where},
                       file=top.file, line=line_of(top.data, "extends"), field="extends")]


def _is_shipped_file(name: str | None) -> bool:
    """Whether a file named in an error is one of the shipped rule files."""
    if not name:
        return False
    try:
        return Path(name).resolve().is_relative_to(builtin_dir().resolve())
    except OSError:
        return False


def _build_set(top: _Reader, file: str, path: Path) -> RuleSet:
    # unknown keys were refused as each file was read (_read_merged): here only what the merged set lacks
    top.keys(("format", "id", "title", "in_force", "source", "fields", "size_standard", "tiers"), tuple(top.data))
    rule_id = top.string("id")
    if not _ID_OR_DASH.match(rule_id):
        top.fail("rule.set_id", "id", value=quoted(rule_id))
    round_id = top.string("round", optional=True, pattern=_ID_OR_DASH)
    if round_id is not None and rule_id != top.get("extends"):
        top.fail("rule.round_id", "id", expected=quoted(top.get("extends")))
    shipped = _shipped(rule_id)
    if round_id is None and shipped is not None and shipped.resolve() != path:
        # results name the set by its id: an overlay as miit-2026 reported its own rules as the national ones
        top.fail("rule.builtin_id", "id", value=quoted(rule_id), suggest=quoted(rule_id + "-local"))
    title = top.text("title")
    force = top.sub("in_force")
    force.keys(("from",), ("to",))
    start = _date(force, "from")
    end = _date(force, "to") if force.has("to") else None
    if end is not None and end < start:  # in force on no day: the calendar never chose it, nothing said why
        force.fail("rule.force_end", "to", start=str(start), end=str(end))

    fields = _fields(top)
    _check_relations(top, fields)
    derived = _derived(top, fields)
    # under validate, a field or derived quantity whose entry was refused is still a name formulas may
    # read: else each formula reading it was a problem more ("refers to undefined 'rd_share'"), eight for one
    unread = {str(k) for section in ("fields", "derived") if isinstance(top.get(section), dict) for k in top.get(section)}
    names = _names(fields, derived, unread - set(fields) - set(derived))
    _check_refs_all(top, derived, names)
    size = _size(top, names)
    scores = _scores(top, names, fields)
    if top.has("replace_items"):
        scores = _replace_items(top, scores, names, fields)
    shared = _shared_nodes(top)
    tiers = _tiers(top, shared, names, fields, scores)
    return RuleSet(
        id=rule_id, title=title, in_force_from=start, in_force_to=end,
        source=top.string("source"), url=top.string("url", optional=True), fields=fields,
        derived=derived, size=size, scores=scores, tiers=tiers, origin=file,
        extends=top.string("extends", optional=True), round=round_id, notes=top.texts("notes"),
    )


_ISO_DATE = lazyre.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def iso_date(value: object) -> date:
    """A date as rule files and the calendar write it, YYYY-MM-DD and nothing else (``fromisoformat``
    alone also takes 20270101 and 2027-W01-1); ValueError with the one message both loaders give."""
    if isinstance(value, str) and _ISO_DATE.fullmatch(value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise ValueError(f"expected a date YYYY-MM-DD, got {describe(value)}")


def _date(r: _Reader, key: str) -> date:
    try:
        return iso_date(r.get(key))
    except ValueError:
        r.fail("rule.date", key, got=Got(r.get(key)))


def _fields(top: _Reader) -> dict[str, FieldDef]:
    section = top.sub("fields")
    out: dict[str, FieldDef] = {}
    paths: dict[str, str] = {}
    groups: dict[str, str] = {}  # every path that holds fields under it (compliance), by one field it holds
    for fid in section.data:
        f = _attempt(_field, section, fid, paths, groups)
        if f is not None:
            out[fid] = f
    return out


def _field(section: _Reader, fid: Any, paths: dict[str, str], groups: dict[str, str]) -> FieldDef:
    r = section.sub(fid)
    if not isinstance(fid, str) or not _ID.match(fid):
        section.fail("rule.field_id", str(fid))
    r.keys(("path", "type", "zh", "en"),
           ("help", "unit", "min", "max", "choices", "name_levels", "name_forms", "choice_hint", "qualitative",
            "evidence", "lever",
            "yearly", "lump_sum", "zero", "part_of",
            "warn_above", "warn_growth", "terms", "within"))
    ftype = r.choice("type", FIELD_TYPES)
    path = r.string("path")
    if not re.match(r"^[a-z_][a-z0-9_]*(\.([a-z_][a-z0-9_]*|\{year\}))*$", path):
        r.fail("rule.path", "path", value=quoted(path))
    _field_as_before(section, fid, r, ftype, path)
    if path in paths:
        r.fail("rule.path_used", "path", value=quoted(path), other=quoted(paths[path]))
    # a value where fields are nested, or under a value: every profile was refused ("compliance: expected a
    # number, got a mapping"), the rule file never
    if path in groups:
        r.fail("rule.path_group", "path", value=quoted(path), other=quoted(groups[path]))
    parts = path.split(".")
    for end in range(1, len(parts)):
        above = ".".join(parts[:end])
        if above in paths:
            r.fail("rule.path_under", "path", value=quoted(path), other=quoted(paths[above]))
        groups.setdefault(above, fid)
    paths[path] = fid
    choices: tuple[str, ...] = ()
    labels: dict[str, Text] = {}
    if ftype == "choice":
        if not r.has("choices"):
            r.fail("rule.choices_needed", "choices")
        ch = r.sub("choices")
        for key in ch.data:
            if not isinstance(key, str):  # its labels are keyed by text: 1: or true: was a KeyError, exit 3
                ch.fail("rule.choice_id_text", str(key), got=Got(key))
            cr = ch.sub(key)
            cr.keys(("zh", "en"), ("words",))
            labels[str(key)] = Text(cr.string("zh"), cr.string("en"))
        choices = tuple(labels)
        words = _choice_words(ch, labels)
    elif r.has("choices"):
        r.fail("rule.choices_only", "choices")
    endings, marks = _name_levels(r, choices)
    codes, forms, either, sections = _name_forms(r, labels, words if ftype == "choice" else {})
    if sections:
        words = {**words, **sections}
    if not r.has("help"):  # as every shipped field has: the interview shows it under the question
        r.fail("rule.help_missing")
    h = r.sub("help")
    h.keys(("zh", "en"))
    helptext = Text(h.string("zh"), h.string("en"))
    low, high = r.number("min", optional=True), r.number("max", optional=True)
    if low is not None and high is not None and low > high:  # no answer fits: every profile giving it was refused
        r.fail("rule.max_min", "max", low=str(low), high=str(high))
    return FieldDef(
        id=fid, path=path, type=ftype, label=Text(r.string("zh"), r.string("en")), help=helptext,
        unit=amount_unit(r, "unit"), minimum=low,
        maximum=high, choices=choices, choice_labels=labels,
        choice_words=words if ftype == "choice" else {}, name_endings=endings, name_marks=marks,
        choice_codes=codes, choice_endings=forms, choice_either=either, choice_hint=_choice_hint(r, choices),
        qualitative=r.flag("qualitative"), evidence=r.texts("evidence"),
        lever=r.choice("lever", ("up", "down", "none"), "up"), yearly=r.flag("yearly"),
        lump_sum=r.flag("lump_sum"),
        part_of=r.string("part_of", optional=True, pattern=_ID),
        warn_above=r.string("warn_above", optional=True, pattern=_ID),
        warn_growth=_growth_limit(r, ftype, path), terms=_field_terms(r), zero=_zero_word(r, ftype),
        within=_within(r),
    )


def _within(r: _Reader) -> tuple[str, ...]:
    """A field's ``within:``: a list of field ids (each checked to be a number field kept as this one is,
    by ``_check_relations``)."""
    if "within" not in r.data:
        return ()
    items = r.get("within")
    if not isinstance(items, list):  # (``within: null`` too: a list left empty by mistake, not "none")
        r.fail("rule.within", "within", got=Got(items))
    if not items:  # ``within: []`` compares nothing, as null does: a list left empty, not a field with no whole
        r.fail("rule.within_empty", "within")
    for i in items:
        if not (isinstance(i, str) and _ID.match(i)):
            r.fail("rule.within_item", "within", got=Got(i))
    if len(set(items)) < len(items):
        r.fail("rule.within_twice", "within", name=quoted(next(i for n, i in enumerate(items) if i in items[:n])))
    return tuple(items)


def _field_as_before(section: _Reader, fid: str, r: _Reader, ftype: str, path: str) -> None:
    """A field of the rules a file extends, given again, keeps what it gives (a number, true or false,
    text) and whether it is kept per year: their formulas read it so, and read otherwise they failed in
    the shipped files (``employees`` made a yes/no broke five formulas of _base.yaml), not in this one."""
    before = getattr(section.data, "replaced", {}).get(fid)
    if not isinstance(before, dict) or before.get("type") not in FIELD_TYPES or not isinstance(before.get("path"), str):
        return
    was = _FIELD_KINDS.get(before["type"], expr.NUMBER)
    if _FIELD_KINDS.get(ftype, expr.NUMBER) != was:
        types = [t for t in FIELD_TYPES if _FIELD_KINDS.get(t, expr.NUMBER) == was]
        r.fail("rule.type_as_before", "type", name=quoted(fid), was=expr.KIND_WORDS[was], types=Choices(tuple(types)),
               got=quoted(ftype))
    if ("{year}" in path) != ("{year}" in before["path"]):
        kept = Text("按年填写（路径中有 {year}）", "per year (its path has {year})") if "{year}" in before["path"] \
            else Text("只填一次（路径中没有 {year}）", "once (its path has no {year})")
        r.fail("rule.path_as_before", "path", name=quoted(fid), kept=kept, path=quoted(path))


def _choice_hint(r: _Reader, choices: tuple[str, ...]) -> tuple[str, Text] | None:
    """A choice field's ``choice_hint``: who most often types what names no choice, and the choice
    they are (制造业企业（如电子元器件、机械、新材料）: 工业). A refusal says it before listing every choice,
    where a word such as 电子元器件 was answered with the sixteen 行业 alone; it is never taken as the
    answer (a guess could size a company wrongly)."""
    if not r.has("choice_hint"):
        return None
    if not choices:
        r.fail("rule.hint_only", "choice_hint")
    h = r.sub("choice_hint")
    h.keys(("choice", "zh", "en"))
    return h.choice("choice", choices), Text(h.string("zh"), h.string("en"))


def _zero_word(r: _Reader, ftype: str) -> Text | None:
    """What 0 means for a whole-number field (未获奖 for an award rank): a report says it for 0, and
    an answer of it, or of 没有, is 0. Where the user answers, the label says it too (0为未获奖,
    ``profile.answer_label``), so the answer is the person's own, never a blank read as none."""
    if not r.has("zero"):
        return None
    if ftype != "int":
        r.fail("rule.zero_only", "zero")
    return r.text("zero")


def _choice_words(ch: _Reader, labels: dict[str, Text]) -> dict[str, str]:
    """The plain words of a field's choices, by ``choice_key``: each names one choice only, and none
    is a choice's id or label (those name it already, and a word that named another would be read
    two ways)."""
    named = {choice_key(n): c for c, label in labels.items() for n in (c, label.zh, label.en)}
    words: dict[str, str] = {}
    for choice in labels:
        cr = ch.sub(choice)
        if not cr.has("words"):
            continue
        for i, word in enumerate(cr.words("words")):
            key = choice_key(word)
            other = named.get(key, words.get(key))
            if other is not None:
                said = Text("别称", "a word") if key in words else Text("编号或名称", "the id or label")
                raise InputError(kind="rule.word_taken", params={"word": quoted(word), "said": said, "other": quoted(other)},
                                 file=cr.file, line=line_of(cr.data["words"], i), field=f"{cr.path}.words[{i}]")
            words[key] = choice
    return words


def _name_levels(r: _Reader, choices: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[tuple[str, str], ...]]:
    """A choice field's ``name_levels``: the endings of a name that gives a level (…研究中心), and the
    marks in it (省, 市) with the choice each gives; ((), ()) without it."""
    if not r.has("name_levels"):
        return (), ()
    if not choices:
        r.fail("rule.levels_only", "name_levels")
    nl = r.sub("name_levels")
    nl.keys(("endings", "marks"))
    endings = tuple(choice_key(w) for w in nl.words("endings"))
    mr = nl.sub("marks")
    if not mr.data or len(mr.data) > MAX_WORDS:
        nl.fail("rule.marks", "marks", limit=MAX_WORDS)
    marks = []
    for mark in mr.data:
        if not isinstance(mark, str) or not mark.strip() or len(mark) > MAX_WORD:
            mr.fail("rule.word", str(mark), limit=MAX_WORD, got=Got(mark))
        marks.append((choice_key(mark), mr.choice(mark, choices)))
    return endings, tuple(marks)


def _name_forms(r: _Reader, labels: dict[str, Text], words: dict[str, str],
                ) -> tuple[bool, tuple[tuple[str, str], ...], dict[str, tuple[str, ...]], dict[str, str]]:
    """A choice field's ``name_forms``: how a classification's own names give a choice (the
    国民经济行业分类 names a park's sheet holds for 行业). ``codes``: a leading code (C, C34, I65) is
    passed over; ``endings``: choice → endings of names that are that choice only (…制造业 is 工业);
    ``either``: word → the two or more choices it may mean (批发和零售业), which an answer is asked to
    pick from; ``sections``: a bare 门类 letter (C) → the one choice it is (returned as a word of that
    choice) or the choices it spans (added to ``either``). Bounded lists, no patterns from the data:
    the matching is fixed in the reader."""
    if not r.has("name_forms"):
        return False, (), {}, {}
    if not labels:
        r.fail("rule.forms_only", "name_forms")
    nf = r.sub("name_forms")
    nf.keys((), ("codes", "endings", "either", "sections"))
    if not any(nf.has(k) for k in ("codes", "endings", "either", "sections")):
        r.fail("rule.forms_empty", "name_forms")
    named = {choice_key(n): c for c, label in labels.items() for n in (c, label.zh, label.en)} | words
    endings: list[tuple[str, str]] = []
    if nf.has("endings"):
        er = nf.sub("endings")
        for choice in er.data:
            if choice not in labels:
                er.fail("rule.not_choice", str(choice), value=quoted(choice), allowed=Choices(tuple(labels)))
            for i, ending in enumerate(er.words(choice)):
                key = choice_key(ending)
                if any(key == e for e, _ in endings):
                    raise InputError(kind="rule.ending_twice", params={"value": quoted(ending)},
                                     file=er.file, line=line_of(er.data[choice], i), field=f"{er.path}.{choice}[{i}]")
                endings.append((key, choice))
    either: dict[str, tuple[str, ...]] = {}
    if nf.has("either"):
        wr = nf.sub("either")
        if not wr.data or len(wr.data) > MAX_WORDS:
            nf.fail("rule.either_count", "either", limit=MAX_WORDS)
        for word in wr.data:
            if not isinstance(word, str) or not word.strip() or len(word) > MAX_WORD:
                wr.fail("rule.word", str(word), limit=MAX_WORD, got=Got(word))
            key = choice_key(word)
            if key in named or key in either:
                wr.fail("rule.either_taken", word, word=quoted(word), other=quoted(named.get(key)))
            meant = wr.words(word)
            for i, choice in enumerate(meant):
                if choice not in labels:
                    raise InputError(kind="rule.not_choice", params={"value": quoted(choice),
                                                                     "allowed": Choices(tuple(labels))},
                                     file=wr.file, line=line_of(wr.data[word], i), field=f"{wr.path}.{word}[{i}]")
            if len(set(meant)) < 2 or len(set(meant)) != len(meant):
                wr.fail("rule.either_two", word)
            either[key] = tuple(meant)
    sections = _sections(nf, labels, {**named, **dict.fromkeys(either, "")})
    for letter, meant in sections.items():
        if len(meant) > 1:
            either[letter] = meant
    return nf.flag("codes"), tuple(endings), either, {k: m[0] for k, m in sections.items() if len(m) == 1}


SECTIONS_MOST = 200
"""The most 门类 letters and codes ``name_forms.sections`` may hold: the 26 letters and the codes that
split the letters of several choices, with room to spare; bounded, as every list of rule data is."""


def _sections(nf: _Reader, labels: dict[str, Text], named: dict[str, str]) -> dict[str, tuple[str, ...]]:
    """``name_forms.sections``: each 门类 letter (one of A–Z, once) with the choices it is: one, or
    two or more different ones it spans; and a 大类 (or finer) code under a letter of several (F51 is
    批发业, F52 零售业), which decides where its letter does not. A letter already naming something (a
    choice's id) is refused: it would be read two ways."""
    if not nf.has("sections"):
        return {}
    sr = nf.sub("sections")
    if not sr.data or len(sr.data) > SECTIONS_MOST:
        nf.fail("rule.sections_count", "sections", limit=SECTIONS_MOST)
    out: dict[str, tuple[str, ...]] = {}
    for letter in sr.data:
        if not isinstance(letter, str) or re.fullmatch("[A-Z](?:[0-9]{2,4})?", letter) is None:
            sr.fail("rule.section_letter", str(letter), got=Got(letter))
        key = choice_key(letter)
        if key in named:
            sr.fail("rule.section_taken", letter, letter=quoted(letter), other=quoted(named[key]))
        meant = sr.words(letter)
        for i, choice in enumerate(meant):
            if choice not in labels:
                raise InputError(kind="rule.not_choice", params={"value": quoted(choice), "allowed": Choices(tuple(labels))},
                                 file=sr.file, line=line_of(sr.data[letter], i), field=f"{sr.path}.{letter}[{i}]")
        if len(set(meant)) != len(meant):
            sr.fail("rule.section_same", letter)
        out[key] = tuple(meant)
    return out


def _growth_limit(r: _Reader, ftype: str, path: str) -> Decimal | None:
    limit = r.number("warn_growth", optional=True)
    if limit is not None and (limit <= 0 or ftype not in _NUMERIC or "{year}" not in path):
        r.fail("rule.warn_growth", "warn_growth")
    return limit


_NUMERIC = ("int", "number", "money", "signed_money", "percent")


def _check_relations(top: _Reader, fields: dict[str, FieldDef]) -> None:
    """``part_of``, ``warn_above`` and ``within`` name another number field kept the same way (both per
    year, or neither), so that a part is compared with its whole of the same year; parts never loop."""
    section = top.sub("fields")
    for f in fields.values():
        for key, other in (("part_of", f.part_of), ("warn_above", f.warn_above), *(("within", w) for w in f.within)):
            if other is None:
                continue
            r = section.sub(f.id)
            if other == f.id:
                _attempt(r.fail, "rule.self_compare", key)
            elif other not in fields:
                _attempt(r.fail, "rule.not_field", key, name=quoted(other))
            elif f.type not in _NUMERIC or fields[other].type not in _NUMERIC:
                _attempt(r.fail, "rule.both_numbers", key, name=quoted(f.id), other=quoted(other))
            elif f.per_year != fields[other].per_year:
                _attempt(r.fail, "rule.both_yearly", key, name=quoted(f.id), other=quoted(other))
            elif key == "within" and f.unit != fields[other].unit:  # 4 项 within 59 分 compares nothing
                _attempt(r.fail, "rule.within_unit", key, name=quoted(f.id), other=quoted(other),
                         unit=quoted(f.unit or "-"), other_unit=quoted(fields[other].unit or "-"))
            elif key == "within" and other in _wholes(fields, f.id):  # part_of says it already
                _attempt(r.fail, "rule.within_whole", key, name=quoted(f.id), other=quoted(other))
    for f in fields.values():  # a within that comes round to itself (``_within_circle``)
        trail = _within_circle(fields, f.id)
        if trail is not None:
            _attempt(section.sub(f.id).fail, "rule.within_circle", "within", trail=" -> ".join(trail))
    for f in fields.values():
        seen = [f.id]
        whole = f.part_of
        while whole is not None and whole in fields:
            if whole in seen:
                _attempt(section.sub(f.id).fail, "rule.part_circle", "part_of", trail=" -> ".join((*seen, whole)))
                break
            if len(seen) > MAX_PART_OF_CHAIN:  # else each field would walk a chain as long as the file
                _over_limit(section.sub(f.id), "rule.part_chain", "part_of", limit=MAX_PART_OF_CHAIN)
            seen.append(whole)
            whole = fields[whole].part_of


def _wholes(fields: dict[str, FieldDef], fid: str) -> list[str]:
    """The wholes a field is part of (``part_of``), nearest first, as far as the chain goes."""
    out: list[str] = []
    whole = fields[fid].part_of
    while whole is not None and whole in fields and whole not in out and len(out) <= MAX_PART_OF_CHAIN:
        out.append(whole)
        whole = fields[whole].part_of
    return out


def _within_circle(fields: dict[str, FieldDef], start: str) -> list[str] | None:
    """A ``within`` chain from ``start`` back to it (a -> b -> a), or None. Two counts each at most the
    other are only ever equal: a rule file meaning one bound wrote both, and every profile with them
    apart was warned twice, one way and the other."""
    todo: list[list[str]] = [[start]]
    seen: set[str] = set()
    while todo:
        trail = todo.pop()
        for nxt in fields[trail[-1]].within if trail[-1] in fields else ():
            if nxt == start:
                return [*trail, nxt]
            if nxt not in seen and nxt in fields:
                seen.add(nxt)
                todo.append([*trail, nxt])
    return None


def _derived(top: _Reader, fields: dict[str, FieldDef]) -> dict[str, Derived]:
    out: dict[str, Derived] = {}
    if not top.has("derived"):
        return out
    section = top.sub("derived")

    def one(did: Any) -> Derived:
        r = section.sub(did)
        if not isinstance(did, str) or not _ID.match(did):
            section.fail("rule.derived_id", str(did))
        if did in fields:
            section.fail("rule.derived_is_field", did, name=quoted(did))
        r.keys(("expr", "zh", "en"), ("unit", "per_year", "formula", "confidence"))
        expression = r.expression("expr")
        before = getattr(section.data, "replaced", {}).get(did)
        if isinstance(before, dict) and isinstance(before.get("per_year", False), bool) \
                and before.get("per_year", False) != r.flag("per_year"):  # the base's formulas read it as it was
            kept = Text("按年计算（per_year: true）", "per year (per_year: true)") if before.get("per_year") \
                else Text("只算一次（没有 per_year）", "once (no per_year)")
            r.fail("rule.per_year_as_before", "per_year", name=quoted(did), kept=kept)
        formula = r.text("formula", optional=True)
        return Derived(
            id=did, expression=expression, label=Text(r.string("zh"), r.string("en")),
            unit=amount_unit(r, "unit"), per_year=r.flag("per_year"), formula=formula,
            confidence=r.choice("confidence", (*CONFIDENCE, None), None),
        )

    for did in section.data:
        d = _attempt(one, did)
        if d is not None:
            out[did] = d
    _check_chains(section, out)
    return out


def _check_chains(section: _Reader, derived: dict[str, Derived]) -> None:
    """Refuse a cycle of derived quantities, or a chain longer than :data:`MAX_DERIVED_CHAIN`, found
    without recursion. Either ends the reading: what comes after follows chains recursively."""
    length: dict[str, int] = {}
    for start in derived:
        if start in length:
            continue
        stack: list[tuple[str, bool]] = [(start, False)]
        path: list[str] = []
        while stack:
            name, done = stack.pop()
            refs = [r.name for r in derived[name].expression.refs if r.name in derived]
            if done:
                path.pop()
                length[name] = 1 + max((length[n] for n in refs), default=0)
                if length[name] > MAX_DERIVED_CHAIN:
                    _over_limit(section, "rule.derived_chain", name, limit=MAX_DERIVED_CHAIN)
                continue
            if name in length:
                continue
            if name in path:
                trail = " -> ".join((*path[path.index(name):], name))
                _over_limit(section, "rule.derived_cycle", name, trail=trail)
            path.append(name)
            if len(path) > MAX_DERIVED_CHAIN:
                _over_limit(section, "rule.derived_chain", name, limit=MAX_DERIVED_CHAIN)
            stack.append((name, True))
            stack.extend((n, False) for n in reversed(refs) if n not in length)


class _Names(dict[str, bool]):
    """Every field and derived quantity a formula may name (→ whether it is per year), and what
    each gives (``kinds``: a number, true or false, text), so that formulas are checked for both."""

    kinds: dict[str, str]
    unread: set[str]  # names whose entries were refused (under validate): read as anything, never a problem more
    units: dict[str, str]  # the unit each is in, where it has one (% of a share): a scale reading it is in it too


_FIELD_KINDS = {"bool": expr.BOOL, "text": expr.TEXT, "choice": expr.TEXT}


def _names(fields: dict[str, FieldDef], derived: dict[str, Derived], unread: set[str] | None = None) -> _Names:
    names = _Names({**{k: f.per_year for k, f in fields.items()}, **{k: d.per_year for k, d in derived.items()}})
    names.kinds = {k: _FIELD_KINDS.get(f.type, expr.NUMBER) for k, f in fields.items()}
    names.units = {k: u for k, u in [*((k, f.unit) for k, f in fields.items()), *((k, d.unit) for k, d in derived.items())]
                   if u}
    names.unread = set(unread or ())
    names.kinds.update(dict.fromkeys(names.unread, expr.ANY))
    visiting: set[str] = set()

    def kind(name: str) -> str | None:
        """A derived quantity gives what its formula gives (ANY while a cycle, reported elsewhere, is open)."""
        if name in names.kinds or name not in derived or name in visiting:
            return names.kinds.get(name)
        visiting.add(name)
        try:
            names.kinds[name] = expr.kind_of(derived[name].expression, kind)
        except expr.ExprError:
            names.kinds[name] = expr.ANY  # reported where the derived quantity is checked
        finally:
            visiting.discard(name)
        return names.kinds[name]

    for name in derived:
        kind(name)
    return names


def _check_refs(e: expr.Expression, names: _Names, r: _Reader, key: str,
                *, in_per_year: bool = False, want: str | None = None) -> None:
    """Every name a formula reads is defined and read as it is kept (per year or not), and every
    operator gets what it can take; ``want``: what the formula must give where it is used."""
    for ref in e.refs:
        if ref.name in names.unread:
            continue
        if ref.name not in names:
            near = nearest(ref.name, sorted(names))  # revenu for revenue: the name meant, as a key's slip is told
            r.fail("rule.undefined", key, source=expr.shown(e.source), name=quoted(ref.name),
                   hint=_meant(near) if near is not None else "")
        per_year = names[ref.name]
        if per_year and ref.offset is None:
            r.fail("rule.per_year", key, name=quoted(ref.name), bare=ref.name)
        if not per_year and ref.offset is not None:
            r.fail("rule.not_per_year", key, name=quoted(ref.name), bare=ref.name)
        if ref.param and not in_per_year:
            r.fail("rule.param_year", key)
    try:
        got = expr.kind_of(e, names.kinds.get)
    except expr.ExprError as exc:
        r.fail(exc.kind, key, **exc.params)
    if want is not None and got not in (want, expr.ANY):
        r.fail("rule.formula_gives", key, source=expr.shown(e.source), got=expr.KIND_WORDS[got], want=expr.KIND_WORDS[want])


def _check_refs_all(top: _Reader, derived: dict[str, Derived], names: _Names) -> None:
    """Derived formulas may refer to derived quantities defined after them: checked once all are read."""
    if not derived:
        return
    section = top.sub("derived")
    replaced = getattr(section.data, "replaced", {})
    for d in derived.values():
        _attempt(_check_refs, d.expression, names, section.sub(d.id), "expr", in_per_year=d.per_year)
        before = replaced.get(d.id)
        if isinstance(before, dict) and isinstance(before.get("expr"), str):
            _attempt(_derived_as_before, d, before["expr"], names, section.sub(d.id))


def _derived_as_before(d: Derived, before: str, names: _Names, r: _Reader) -> None:
    """A derived quantity of the rules a file extends, given again, gives what it gave (a number, true
    or false, text): their formulas read it so (see _field_as_before)."""
    try:
        was = expr.kind_of(expr.parse(before), names.kinds.get)
    except expr.ExprError:
        return
    now = names.kinds.get(d.id)
    if now != was and expr.ANY not in (now, was):
        r.fail("rule.derived_as_before", "expr", name=quoted(d.id), was=expr.KIND_WORDS[was],
               source=expr.shown(d.expression.source), now=expr.KIND_WORDS.get(now or "", now))


def _size(top: _Reader, names: _Names) -> SizeStandard:
    r = top.sub("size_standard")
    r.keys(("source", "confidence", "inputs", "industries"))
    ir = r.sub("inputs")
    ir.keys((), ("staff", "revenue", "assets"))
    inputs = {}
    for k in ir.data:
        inputs[k] = ir.expression(k)
        _check_refs(inputs[k], names, ir, k, want=expr.NUMBER)
    industries: dict[str, SizeClass] = {}
    ind = r.sub("industries")

    def one(iid: Any) -> SizeClass:
        cr = ind.sub(iid)
        cr.keys(("zh", "en", "ceiling", "medium", "small"))
        bounds = []
        for part in ("ceiling", "medium", "small"):
            pr = cr.sub(part)
            pr.keys((), tuple(inputs))
            if not pr.data:
                pr.fail("rule.size_bound")
            bounds.append({k: pr.number(k) for k in pr.data})
        if set(bounds[1]) != set(bounds[2]):
            cr.fail("rule.size_same", "small")
        return SizeClass(str(iid), Text(cr.string("zh"), cr.string("en")), *bounds)

    for iid in ind.data:
        cls = _attempt(one, iid)
        if cls is not None:
            industries[str(iid)] = cls
    return SizeStandard(r.string("source"), r.choice("confidence", CONFIDENCE), inputs, industries)


def _bands(r: _Reader, key: str, names: _Names, *, numeric: bool) -> tuple[Band, ...]:
    out = []
    seen_fallback = False
    lines = r.items(key)
    if len(lines) > MAX_BANDS:
        _over_limit(r, "rule.bands_many", key, count=len(lines), limit=MAX_BANDS)
    for br, _ in lines:
        br.keys(("points",), ("at_least", "at_most", "when", "review", "zh", "en"), telling=("at_least", "at_most", "when"))
        conds = [k for k in ("at_least", "at_most", "when") if br.has(k)]
        if len(conds) > 1:
            br.fail("rule.band_one")
        if seen_fallback:
            br.fail("rule.band_unreached")
        if not conds:
            seen_fallback = True
        if conds and conds[0] in ("at_least", "at_most") and not numeric:
            br.fail("rule.band_value", conds[0], cond=conds[0])
        when = br.expression("when", optional=True)
        if when is not None:
            _check_refs(when, names, br, "when", want=expr.BOOL)  # when: employees (>= 10 forgotten) held for any non-zero
        label = Text(br.string("zh"), br.string("en")) if br.has("zh") or br.has("en") else None
        out.append(Band(points=br.number("points"), at_least=br.number("at_least", optional=True),
                        at_most=br.number("at_most", optional=True), when=when,
                        review=br.flag("review"), label=label))
    if not out:
        r.fail("rule.bands_none", key)
    return tuple(out)


def _check_band_order(r: _Reader, key: str, bands: tuple[Band, ...], maximum: Decimal) -> None:
    """Bands must be ordered so that the first match is the most favourable (docs/criteria.md §3)."""
    lows = [b.at_least for b in bands if b.at_least is not None]
    highs = [b.at_most for b in bands if b.at_most is not None]
    if lows and highs:
        r.fail("rule.bands_mixed", key)
    if lows != sorted(lows, reverse=True) or len(set(lows)) != len(lows):
        r.fail("rule.bands_down", key)
    if highs != sorted(highs) or len(set(highs)) != len(highs):
        r.fail("rule.bands_up", key)
    for b in bands:
        if b.points > maximum:
            r.fail("rule.band_above", key, points=str(b.points), maximum=str(maximum))
        if b.points < 0:  # an item scores 0 to its maximum: a minus typed by mistake took points off the total
            r.fail("rule.band_below", key, points=str(b.points))
    if (lows or highs) and bands[-1].at_least is None and bands[-1].at_most is None:
        _check_points_fall(r, key, bands)
        return
    if lows or highs:
        r.fail("rule.band_last", key)


def _band_at(r: _Reader, key: str, i: int, kind: str, **params: object) -> NoReturn:
    """Raise ``kind`` at the line of band ``i`` of ``key``: the one to correct, in a list of six."""
    listed = r.get(key)
    raise InputError(kind=kind, params=params, file=r.file, line=line_of(listed, i) or r._line(key),
                     field=f"{r._join(key)}[{i}]")


def _bound(b: Band) -> str | Text:
    """A band by its bound as the file writes it; the last band, which has none, by what it is."""
    if b.at_least is not None:
        return f"at_least {b.at_least}"
    return f"at_most {b.at_most}" if b.at_most is not None else Text("兜底档（其他情况）", "the last band (otherwise)")


def _check_points_fall(r: _Reader, key: str, bands: tuple[Band, ...]) -> None:
    """The first band that holds gives its points, and the bands run from the best figure to the worst:
    so no band may give more than the one above it. Ordered 80% → 1, 70% → 3, 60% → 5, a company of 90%
    scored 1 and one of 65% scored 5, and nothing said so (``when`` bands are a list of answers, in any
    order, and are not checked)."""
    for i in range(1, len(bands)):
        above, band = bands[i - 1], bands[i]
        if above.when is None and band.points > above.points:
            # points rising down at_least bands are a lower-is-better figure, whose edges then take the worse
            # band (criteria.md §3: the better one): at_most says it
            hint = Text(*(say("rule.band_rises_low" if above.at_least is not None else "rule.band_rises_high", lang, {})
                          for lang in ("zh", "en")))
            _band_at(r, key, i, "rule.band_rises", bound=_bound(band), points=str(band.points),
                     above=_bound(above), above_points=str(above.points), hint=hint)


def _check_percent_bounds(r: _Reader, key: str, bands: tuple[Band, ...], unit: str | None) -> None:
    """A scale in % whose every bound lies under 1% was written as fractions (at_least: 0.8 for 80%):
    each company of 1% or more took its top band. Bounds in % are whole percent, as every shipped one is;
    one under 1% is taken where the band's own words write it.
    Said before the bands' order, which fractions among whole percents break (0.8, 0.7, 60): "must go
    from the highest bound down" did not say why."""
    if unit is None or unit.strip() not in ("%", "％"):
        return
    bounds = [(i, b.at_least if b.at_least is not None else b.at_most) for i, b in enumerate(bands)]
    written = [(i, v) for i, v in bounds if v is not None and v != 0]
    # a band whose own words write its bound (zh: 不低于0.5%) means it: a bar under 1% can be written
    fractions = [(i, v) for i, v in written if abs(v) < 1 and not _labelled(bands[i], v)]
    lows = [b.at_least for b in bands if b.at_least is not None]
    highs = [b.at_most for b in bands if b.at_most is not None]
    # 0.8, 0.7, 60: two written as fractions among whole percents, which put them out of order
    unordered = lows != sorted(lows, reverse=True) or highs != sorted(highs)
    if fractions and (len(fractions) == len(written) or unordered):
        i, v = fractions[0]
        _band_at(r, key, i, "rule.percent_fraction", value=_plain_number(v), meant=_plain_number(v * 100))


def _unit_of(value: expr.Expression | None, names: _Names) -> str | None:
    """The unit of what a scale reads when it is one field or derived quantity (main_share: %): a scale
    that wrote no ``unit`` of its own is in it all the same."""
    if value is None or value.only is None:
        return None
    return getattr(names, "units", {}).get(value.only.name)


def _labelled(band: Band, v: Decimal) -> bool:
    return band.label is not None and _plain_number(v) in unicodedata.normalize("NFKC", band.label.zh)


def _plain_number(v: Decimal) -> str:
    """A number as an author writes it: 80, not 8E+1 nor 80.0."""
    return format(v.normalize(), "f")


def _score_item(r: _Reader, names: _Names, groups: dict[str, ScoreGroup]) -> ScoreItem:
    r.keys(("id", "zh", "en", "group", "max", "source", "confidence"),
           ("value", "unit", "bands", "best_of", "each", "points_from_value", "note", "evidence"))
    ways = [k for k in ("bands", "best_of", "each", "points_from_value") if r.has(k)]
    if len(ways) != 1:
        r.fail("rule.item_ways")
    group = r.string("group")
    if group not in groups:
        r.fail("rule.unknown_group", "group", name=quoted(group), groups=Choices(tuple(groups)))
    maximum = r.number("max")
    scales: list[Scale] = []
    if r.has("bands"):
        value = r.expression("value", optional=True)
        if value is not None:
            _check_refs(value, names, r, "value", want=expr.NUMBER)
        bands = _bands(r, "bands", names, numeric=value is not None)
        unit = amount_unit(r, "unit")
        _check_percent_bounds(r, "bands", bands, unit or _unit_of(value, names))
        _check_band_order(r, "bands", bands, maximum)
        scales.append(Scale(value, bands, unit, None))
    elif r.has("best_of"):
        listed = r.items("best_of")
        if len(listed) > MAX_SCALES:
            _over_limit(r, "rule.scales_many", "best_of", count=len(listed), limit=MAX_SCALES)
        for sr, _ in listed:
            sr.keys(("bands",), ("value", "unit", "zh", "en"))
            value = sr.expression("value", optional=True)
            if value is not None:
                _check_refs(value, names, sr, "value", want=expr.NUMBER)
            bands = _bands(sr, "bands", names, numeric=value is not None)
            unit = amount_unit(sr, "unit")
            _check_percent_bounds(sr, "bands", bands, unit or _unit_of(value, names))
            _check_band_order(sr, "bands", bands, maximum)
            label = Text(sr.string("zh"), sr.string("en")) if sr.has("zh") else None
            scales.append(Scale(value, bands, unit, label))
    each: tuple[Band, ...] = ()
    if r.has("each"):
        each = _bands(r, "each", names, numeric=False)
        if any(b.when is None for b in each):
            r.fail("rule.each_when", "each")
    pfv = r.expression("points_from_value", optional=True)
    if pfv is not None:
        _check_refs(pfv, names, r, "points_from_value", want=expr.NUMBER)
    return ScoreItem(
        id=r.string("id", pattern=_ID), title=Text(r.string("zh"), r.string("en")), group=group,
        max=maximum, source=r.string("source"), confidence=r.choice("confidence", CONFIDENCE),
        scales=tuple(scales), each=each, points_from_value=pfv, note=r.text("note", optional=True),
        evidence=r.texts("evidence"), line=r.line, file=r.file,
    )


def _scores(top: _Reader, names: _Names, fields: dict[str, FieldDef]) -> dict[str, ScoreTable]:
    out: dict[str, ScoreTable] = {}
    if not top.has("scores"):
        return out
    section = top.sub("scores")
    for tid in section.data:
        table = _attempt(_score_table, section, tid, names)
        if table is not None:
            out[str(tid)] = table
    return out


def _score_table(section: _Reader, tid: Any, names: _Names) -> ScoreTable:
    r = section.sub(tid)
    r.keys(("zh", "en", "max", "groups", "items"))
    groups: dict[str, ScoreGroup] = {}
    gs = r.sub("groups")
    for gid in gs.data:
        gr = gs.sub(gid)
        gr.keys(("zh", "en", "max"))
        groups[str(gid)] = ScoreGroup(str(gid), Text(gr.string("zh"), gr.string("en")), gr.number("max"))
    listed = r.items("items")
    if len(listed) > MAX_SCORE_ITEMS:
        _over_limit(r, "rule.items_many", "items", count=len(listed), limit=MAX_SCORE_ITEMS)
    items = [i for ir, _ in listed if (i := _attempt(_score_item, ir, names, groups)) is not None]
    maximum = _attempt(r.number, "max")  # a bad max is reported once, not again as a sum that differs
    if maximum is None:
        maximum = sum((g.max for g in groups.values()), Decimal(0))
    table = ScoreTable(str(tid), Text(r.string("zh"), r.string("en")), maximum, tuple(groups.values()), tuple(items))
    _attempt(_check_table, r, table, sums=len(items) == len(listed))  # a refused item's group falls short too
    return table


def _check_table(r: _Reader, table: ScoreTable, key: str | None = None, *, sums: bool = True) -> ScoreTable:
    """A table's items (ids once, at most MAX_SCORE_ITEMS) and, with ``sums``, its groups adding up to
    its max; ``key``: every problem said at that key of ``r`` (an overlay's ``replace_items`` entry,
    which holds no groups, items or max of its own to point at)."""
    def fail(kind: str, at: str, **params: object) -> NoReturn:
        r.fail(kind, key if key is not None else at, **params)

    if len(table.items) > MAX_SCORE_ITEMS:  # an overlay's replace_items can add some
        _over_limit(r, "rule.items_many", key or "items", count=len(table.items), limit=MAX_SCORE_ITEMS)
    ids = [i.id for i in table.items]
    for i in ids:
        if ids.count(i) > 1:
            fail("rule.item_twice", "items", name=quoted(i), table=quoted(table.id))
    if not sums:
        return table
    for g in table.groups:
        total = sum((i.max for i in table.items if i.group == g.id), Decimal(0))
        if total != g.max:
            if key is None and isinstance(r.get("groups"), dict):
                r.sub("groups").fail("rule.group_sum", g.id, name=quoted(g.id), maximum=str(g.max), total=str(total))
            fail("rule.group_sum", g.id, name=quoted(g.id), maximum=str(g.max), total=str(total))
    if sum((g.max for g in table.groups), Decimal(0)) != table.max:
        fail("rule.table_sum", "max", maximum=str(table.max))
    return table


def _replace_items(top: _Reader, scores: dict[str, ScoreTable], names: _Names,
                   fields: dict[str, FieldDef]) -> dict[str, ScoreTable]:
    """An overlay's ``replace_items: {table.item: [items]}`` swaps one indicator for others."""
    section = top.sub("replace_items")
    out = dict(scores)
    for key in section.data:
        # the swaps of the file this one extends come first (_MERGED_KEYS): each is said in its own file
        at = copy.copy(section)
        at.file = _file_of(section.data[key], section.file)
        # each swap on its own: one naming no item (zjtx.main_shar) stopped the file there, every
        # problem after it, in the tiers too, unsaid until it was put right
        replaced = _attempt(_replace_item, at, str(key), out, names)
        if replaced is not None:
            out[replaced.id] = replaced
    return out


def _replace_item(at: _Reader, key: str, tables: dict[str, ScoreTable], names: _Names) -> ScoreTable:
    """The table ``key`` (table.item) names with that item swapped for the items listed under it."""
    table_id, _, item_id = key.partition(".")
    if table_id not in tables or item_id not in [i.id for i in tables[table_id].items]:
        near = nearest(key, [f"{t}.{i.id}" for t, table in tables.items() for i in table.items])
        if near is not None:
            at.fail("rule.replace_target_near", key, name=quoted(key), near=quoted(near))
        at.fail("rule.replace_target", key, name=quoted(key))
    table = tables[table_id]
    groups = {g.id: g for g in table.groups}
    listed = at.items(key)
    new_items = [i for ir, _ in listed if (i := _attempt(_score_item, ir, names, groups)) is not None]
    items: list[ScoreItem] = []
    for item in table.items:
        items.extend(new_items if item.id == item_id else [item])
    replaced = ScoreTable(table.id, table.title, table.max, table.groups, tuple(items))
    _attempt(_check_table, at, replaced, key, sums=len(new_items) == len(listed))
    return replaced


def _shared_nodes(top: _Reader) -> dict[str, tuple[Any, _Reader]]:
    if not top.has("nodes"):
        return {}
    section = top.sub("nodes")
    return {str(k): (section.data[k], section) for k in section.data}


_SCALED_MONEY = lazyre.compile(r"[十百千]?万?亿元?|[十百千]万元?|[十百千]?万|[十百千]元?|元|人民币|rmb|cny|yuan|"
                           r".*(?:美元|港元|港币|欧元|日元|英镑)|usd|hkd|eur|jpy|gbp|\$", re.IGNORECASE)
"""Units that scale an amount (元, 千元, 亿元, 百万元, 万) or name another currency: every amount is in 万元."""


def amount_unit(r: _Reader, key: str) -> str | None:
    """A unit as the reports write it after a figure; an amount's is 万元, whatever its size."""
    unit = r.string(key, optional=True)
    if unit is not None and _SCALED_MONEY.fullmatch(unit.strip()):
        r.fail("rule.unit_money", key, unit=quoted(unit))
    return unit


class _NodeBuilder:
    def __init__(self, shared: dict[str, tuple[Any, _Reader]], names: _Names,
                 fields: dict[str, FieldDef], scores: dict[str, ScoreTable]) -> None:
        self.shared = shared
        self.names = names
        self.fields = fields
        self.scores = scores
        self.ids: dict[str, tuple[str, _Reader]] = {}
        self.stack: list[str] = []
        self.applies: dict[str, str] = {}  # set_applies: criterion id -> new 'applies'
        self.applied: set[str] = set()
        self.built = 0
        self.depth = 0

    def build(self, r: _Reader, tier: str) -> Node:
        """One criterion, counted against the limits before its children (or its ``use:``) are built:
        shared nodes used four times at each of sixteen levels would otherwise be built 4**16 times."""
        self.built += 1
        if self.built > MAX_CRITERIA:
            _over_limit(r, "rule.criteria_many", limit=MAX_CRITERIA)
        if self.depth >= MAX_CRITERIA_DEPTH:
            _over_limit(r, "rule.criteria_deep", limit=MAX_CRITERIA_DEPTH)
        self.depth += 1
        try:
            return self._build(r, tier)
        finally:
            self.depth -= 1

    def _build(self, r: _Reader, tier: str) -> Node:
        kind = r.choice("kind", NODE_KINDS, "check")
        if kind == "use":
            r.keys(("kind", "ref"))
            ref = r.string("ref")
            if ref not in self.shared:
                r.fail("rule.use_undefined", "ref", name=quoted(ref))
            if ref in self.stack:
                r.fail("rule.use_self", "ref", name=quoted(ref))
            _, section = self.shared[ref]
            self.stack.append(ref)
            node = self.build(section.sub(ref), tier)
            self.stack.pop()
            return node
        common = ("id", "kind", "zh", "en")
        optional = ("source", "confidence", "applies", "note", "evidence")
        per_kind = {
            "all": ("children",), "any": ("children",),
            "check": ("value", "op", "threshold", "unit", "prerequisite", "selector"),
            "veto": ("field", "when_present"), "qualitative": ("field",), "sme": (),
            "score": ("table", "op", "threshold", "group"),
        }[kind]
        required = {"all": ("children",), "any": ("children",), "check": ("value", "op", "threshold"),
                    "veto": ("field",), "qualitative": ("field",), "sme": (),
                    "score": ("table", "op", "threshold")}[kind]
        r.keys((*common, *required) if kind != "check" else ("id", "zh", "en", *required),
               (*optional, *per_kind, "kind"))
        nid = r.string("id", pattern=_NODE_ID)
        key = f"{tier}:{nid}"
        if key in self.ids and self.ids[key][0] != r.file + str(r.line):
            first = self.ids[key][1]
            building = _BUILDING.get()
            own = building.top.file if building is not None else r.file
            # an overlay's criterion comes before the one it repeats: the overlay's is the one to rename
            blamed = first if r.file != own and first.file == own else r
            blamed.fail("rule.criterion_twice", "id", name=quoted(nid), tier=tier)
        self.ids[key] = (r.file + str(r.line), r)
        leaf = kind not in ("all", "any")
        source = r.string("source", optional=True)
        confidence = r.choice("confidence", (*CONFIDENCE, None), None)
        if leaf and (source is None or confidence is None):
            r.fail("rule.source_needed")
        children: tuple[Node, ...] = ()
        if not leaf:
            children = tuple(n for cr, _ in r.items("children") if (n := _attempt(self.build, cr, tier)) is not None)
            if not children:
                r.fail("rule.group_empty", "children")
        value = op = threshold = fld = table = group = None
        prerequisite = False
        if kind == "check":
            value = r.expression("value")
            op = r.choice("op", tuple(expr.COMPARISONS))
            _check_refs(value, self.names, r, "value", want=expr.NUMBER if op in (">=", "<=", ">", "<", "between") else None)
            threshold = self._threshold(r, op, expr.kind_of(value, self.names.kinds.get))
            prerequisite = r.flag("prerequisite")
            if prerequisite:
                self._prerequisite(r, value, op, threshold)
        elif kind in ("veto", "qualitative"):
            fld = r.string("field")
            if fld not in self.names.unread and (fld not in self.fields or self.fields[fld].type != "bool"):
                r.fail("rule.not_bool_field", "field", name=quoted(fld))
        elif kind == "score":
            table = r.string("table")
            if table not in self.scores:
                r.fail("rule.unknown_table", "table", name=quoted(table))
            group = r.string("group", optional=True)
            if group is not None and group not in [g.id for g in self.scores[table].groups]:
                r.fail("rule.table_group", "group", table=quoted(table), name=quoted(group))
            op = r.choice("op", (">=", ">"))
            threshold = r.number("threshold")
        unit = self._unit(r, value)
        if kind == "check":
            _check_percent_threshold(r, op, threshold, unit or _unit_of(value, self.names))
        applies = r.choice("applies", APPLIES, "always")
        if nid in self.applies:
            applies = self.applies[nid]
            self.applied.add(nid)
        return Node(
            id=nid, kind=kind, title=Text(r.string("zh"), r.string("en")), source=source,
            confidence=confidence, children=children, value=value, op=op, threshold=threshold,
            unit=unit, field=fld, table=table, group=group,
            applies=applies, note=r.text("note", optional=True),
            evidence=r.texts("evidence"), line=r.line, file=r.file,
            when_present=r.choice("when_present", ("unmet", "manual_review"), "unmet"),
            prerequisite=prerequisite, selector=r.flag("selector"),
        )

    def _unit(self, r: _Reader, value: expr.Expression | None) -> str | None:
        """A check's unit, as the reports write it after its value and threshold. It names no scale:
        ``unit: 亿元`` beside ``threshold: 1`` compared revenue in 万元 against 1 and wrote 「2,500亿元，要求
        不低于1亿元：满足」 of a company of 2,500万 (a hostile rule file that validate passed). So an amount's
        unit is 万元, and a check of one field's figure is in that field's unit."""
        unit = amount_unit(r, "unit")
        if unit is None or value is None or value.only is None:
            return unit
        f = self.fields.get(value.only.name)
        if f is not None and f.unit and f.unit != unit:
            r.fail("rule.unit_of_field", "unit", unit=quoted(unit), own=quoted(f.unit), name=quoted(value.only.name))
        return unit

    def _prerequisite(self, r: _Reader, value: expr.Expression, op: str, threshold: Any) -> None:
        """A prerequisite asks whether titles are held: yes/no answers that must be yes. Batch asks a
        tier failed by one again with those answers all yes (is a figure failing it too?), which means
        nothing for a number or a no."""
        if op != "==" or threshold is not True:
            r.fail("rule.prereq_yes", "prerequisite")
        for ref in value.refs:
            f = self.fields.get(ref.name)
            if f is None or f.type != "bool":
                r.fail("rule.prereq_bool", "prerequisite", name=quoted(ref.name))

    def _threshold(self, r: _Reader, op: str, gives: str) -> Any:
        """The threshold, of the kind the formula gives (a number for ``>=`` and ``between``), so that
        no comparison can fail on the first profile that reaches it."""
        v = r.get("threshold")
        if op == "in":
            if not isinstance(v, list) or not v:
                r.fail("rule.in_list", "threshold")
            return tuple(self._scalar(r, item, gives) for item in v)
        if op == "between":
            if not isinstance(v, list) or len(v) != 2:
                r.fail("rule.between", "threshold")
            low, high = (self._scalar(r, item, expr.NUMBER) for item in v)
            if low > high:
                r.fail("rule.between_order", "threshold", low=str(low), high=str(high))
            return (low, high)
        return self._scalar(r, v, expr.NUMBER if op in (">=", "<=", ">", "<") else gives)

    @staticmethod
    def _scalar(r: _Reader, v: Any, want: str) -> Any:
        got = expr.BOOL if isinstance(v, bool) else expr.TEXT if isinstance(v, str) else \
            expr.NUMBER if isinstance(v, int | Decimal) else None
        if got is None or (want != expr.ANY and got != want):
            r.fail("rule.threshold_kind", "threshold", want=expr.KIND_WORDS[want], got=Got(v))
        return checked_number(v, lambda kind, **params: r.fail(kind, "threshold", **params)) if got == expr.NUMBER else v


def _check_percent_threshold(r: _Reader, op: str | None, threshold: Any, unit: str | None) -> None:
    """A bar in % written as a fraction (``threshold: 0.03`` for 3%) is met by every company with any of
    the figure. One under 1% that the title writes as well (不低于0.5%) is meant; one it does not write is
    refused here, where ``rules test`` said it only if the title wrote some number."""
    if unit is None or unit.strip() not in ("%", "％"):
        return
    edges: tuple[Any, ...] = threshold if op == "between" and isinstance(threshold, tuple) else (threshold,)
    title = unicodedata.normalize("NFKC", str(r.get("zh") or ""))
    for v in edges:  # a number was made a Decimal (checked_number)
        if isinstance(v, Decimal) and v != 0 and abs(v) < 1 and _plain_number(v) not in title:
            r.fail("rule.percent_threshold", "threshold", value=_plain_number(v), meant=_plain_number(v * 100))


def _tiers(top: _Reader, shared: dict[str, tuple[Any, _Reader]], names: _Names,
           fields: dict[str, FieldDef], scores: dict[str, ScoreTable]) -> dict[str, Tier]:
    section = top.sub("tiers")
    builder = _NodeBuilder(shared, names, fields, scores)
    additions: _Reader | None = None
    if top.has("add_criteria"):
        additions = top.sub("add_criteria")
        for tid in additions.data:
            if tid not in TIER_IDS:  # said, and the other tiers' additions still checked
                _attempt(additions.fail, "rule.unknown_tier", str(tid), name=quoted(tid), tiers=Choices(TIER_IDS))
    if top.has("set_applies"):
        patch = top.sub("set_applies")
        for nid in patch.data:
            builder.applies[str(nid)] = patch.choice(nid, APPLIES)
    out: dict[str, Tier] = {}
    for tid in section.data:
        tier = _attempt(_tier, section, tid, builder, scores, additions)
        if tier is not None:
            out[tid] = tier
    for tid in TIER_IDS:
        if tid not in section.data:
            section.fail("rule.missing_tier", name=quoted(tid))
    for nid in builder.applies:
        if nid not in builder.applied:
            top.sub("set_applies").fail("rule.no_criterion", nid, name=quoted(nid))
    if len(out) < len(TIER_IDS):  # only under validate: a broken tier was recorded, nothing more to build
        raise _Stop
    return {t: out[t] for t in TIER_IDS}


def _tier(section: _Reader, tid: Any, builder: _NodeBuilder, scores: dict[str, ScoreTable],
          additions: _Reader | None = None) -> Tier:
    """One tier; a round file's ``add_criteria`` for it come first, after what leads the tier (the gate it
    uses, the title it needs, its exclusions: ``_leads``): a round's condition (2025: no application
    below 5000万 this year) is what a company below it meets first, and the report's 差在 and a batch
    row named the closed route's figures before it; an exclusion (already a 单项冠军) still comes
    before it, as the report names it first."""
    if tid not in TIER_IDS:
        section.fail("rule.unknown_tier", str(tid), name=quoted(tid), tiers=Choices(TIER_IDS))
    r = section.sub(tid)
    r.keys(("zh", "en", "criteria"), ("score_table", "notes"))
    table = r.string("score_table", optional=True)
    if table is not None and table not in scores:
        r.fail("rule.unknown_table", "score_table", name=quoted(table))
    readers = [cr for cr, _ in r.items("criteria")]
    if not readers:  # an empty "all of" holds for everyone: the tier would be met with nothing checked
        r.fail("rule.tier_empty", "criteria")
    if additions is not None and tid in additions.data:
        added = additions.items(tid)
        if len(readers) + len(added) > MAX_TIER_CRITERIA:
            _over_limit(additions, "rule.added_many", str(tid), count=len(added), tier=tid, has=len(readers),
                        limit=MAX_TIER_CRITERIA)
        at = next((i for i, cr in enumerate(readers) if not _leads(cr.data)), len(readers))
        readers[at:at] = [cr for cr, _ in added]
    if len(readers) > MAX_TIER_CRITERIA:
        _over_limit(r, "rule.tier_many", "criteria", count=len(readers), limit=MAX_TIER_CRITERIA)
    children = tuple(n for cr in readers if (n := _attempt(builder.build, cr, tid)) is not None)
    title = Text(r.string("zh"), r.string("en"))
    root = Node(id=tid, kind="all", title=title, children=children, line=r.line, file=r.file)
    return Tier(tid, title, root, table, r.texts("notes"))


def _leads(data: Any) -> bool:
    """Whether a tier's criterion is of those that lead it: the gate it uses, the title it needs
    (``prerequisite``), a veto (its exclusions)."""
    return isinstance(data, dict) and (data.get("kind") in ("use", "veto") or data.get("prerequisite") is True)


def calendar() -> Calendar:
    """The shipped rule calendar (``rules/calendar.yaml``)."""
    from littlegiant.load.rulecalendar import load_calendar

    return load_calendar(builtin_dir() / CALENDAR_FILE)


def choose(as_of: date, renewal: str | None = None, rules_arg: str | None = None, *,
           allow_outside: bool = False) -> tuple[str, Choice]:
    """What to load for an assessment on ``as_of`` and why (docs/criteria.md §1).

    ``--rules`` forces a set and the calendar is not asked; otherwise the calendar names the set
    and the round notice, if any, whose round file modifies it.
    """
    from littlegiant.load.rulecalendar import forced

    if rules_arg is not None:
        return rules_arg, forced(load(rules_arg, allow_outside=allow_outside).id, renewal)
    cal = calendar()
    choice = cal.choose(as_of, renewal)
    return cal.rule_ref(choice, builtin_dir()), choice


def with_round(ref: str | Path, as_of: date, renewal: str | None = None) -> tuple[str, Choice] | None:
    """What to load for ``ref`` (a set named to compare) and the calendar's choice, when ``ref`` is the
    shipped set the calendar names on ``as_of`` and a round notice modifies it that day: compared, the
    2022 set in 2025 was judged without 工信厅企业函〔2025〕190号, giving 小巨人 待审核 on 4,000万 of
    revenue where the plain report (and the comparison's own heading) held it to the 5,000万 floor.
    None: the set is judged as it is."""
    cal = calendar()
    choice = cal.choose(as_of, renewal)
    # a notice with no round file (117号: the 2022 standard for the 2026 小巨人 renewals) changes no bar, but
    # the column it judges is named by it as the plain report is, not as a set the user forced
    if choice.round is None:
        return None
    if resolve_rules_arg(str(ref)).resolve() != (builtin_dir() / f"{choice.rule_set}.yaml").resolve():
        return None
    return cal.rule_ref(choice, builtin_dir()), choice


def for_application(as_of: date) -> RuleSet:
    """The rule set (with its round notice, if any) the calendar names for a new application on
    ``as_of``: a plan that waits for a later round is checked by the rules that will judge it."""
    return load(choose(as_of)[0])


def select_version(as_of: date) -> str:
    """The built-in rule set id the calendar names for an application on ``as_of`` (round files keep
    their set's id): what ``schema``, ``init`` and ``rules show`` read when no --rules is given. A renewal's
    set is the calendar's to choose with the title renewed (``calendar().choose``)."""
    return calendar().choose(as_of).rule_set


# ------------------------------------------------------------------------ glossary


@record(frozen=True)
class Term:
    """An official term the field help leans on (Ⅰ类知识产权, 主导产品), explained in plain words."""

    id: str
    name: Text
    text: Text
    source: str | None


_GLOSSARY: dict[str, Term] = {}


def glossary() -> dict[str, Term]:
    """The built-in glossary (rules/_glossary.yaml), read as strictly as a rule file; cached."""
    if not _GLOSSARY:
        path = builtin_dir() / GLOSSARY_FILE
        name = str(_display(path.resolve()))
        top = _Reader(read_file(path), name, "")
        top.keys(("format", "terms"))
        if not _format_one(top.get("format")):
            top.fail("rule.format", "format", got=Got(top.get("format")))
        section = top.sub("terms")
        terms = {}
        for tid in section.data:
            if not isinstance(tid, str) or not _ID.match(tid):
                section.fail("rule.term_id", str(tid))
            r = section.sub(tid)
            r.keys(("zh", "en", "text"), ("source",))
            terms[tid] = Term(tid, Text(r.string("zh"), r.string("en")), r.text("text"), r.string("source", optional=True))
        _GLOSSARY.update(terms)
    return _GLOSSARY


def _field_terms(r: _Reader) -> tuple[str, ...]:
    """A field's ``terms:``: a list of glossary ids, each checked to exist when the file was read from its
    YAML or by :func:`validate` and ``rules test`` (see :func:`load`): assessing with the shipped rule sets
    never reads the glossary."""
    if not r.has("terms"):
        return ()
    items = r.get("terms")
    if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
        r.fail("rule.terms", "terms", got=Got(items))
    known = _TERMS.get()
    if known is not None:
        for item in items:
            if item not in known:
                kind, at, params = _no_term(item, known)
                _attempt(r.fail, kind, at, **params)
    return tuple(items)


def _no_term(item: str, known: Mapping[str, object]) -> tuple[str, str, dict[str, object]]:
    """A link to no glossary term, on one line: the few ids it is closest to (a typo), never all of them;
    as (kind, key, params) for ``_Reader.fail``."""
    import difflib

    near = difflib.get_close_matches(item, list(known), n=3, cutoff=0.6)
    glossary_file = builtin_dir() / GLOSSARY_FILE
    where = Text(f"术语表的 {len(known)} 个术语编号见 {glossary_file}",
                 f"the glossary's {len(known)} term ids are in {glossary_file}")
    if not near:
        return "rule.no_term", "terms", {"name": quoted(item), "where": where}
    said = Text("或".join(f"“{n}”" for n in near), " or ".join(map(repr, near)))
    return "rule.no_term_near", "terms", {"name": quoted(item), "near": said, "where": where}
