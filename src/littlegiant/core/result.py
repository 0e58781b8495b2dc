"""The result of an assessment: what every renderer (text, JSON, Markdown, HTML) draws."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import MISSING, field, fields
from datetime import date
from decimal import Decimal
from typing import Any

from littlegiant.load.consistency import Unusual
from littlegiant.load.rulecalendar import Choice
from littlegiant.load.rules import FieldDef, Node, RuleSet, ScoreItem, Text
from littlegiant.records import record

MET, UNMET, UNKNOWN, REVIEW = "met", "unmet", "unknown", "manual_review"
FORMAT_VERSION = 1


@record(slots=True, hot=True)
class CriterionResult:
    """One criterion, group or score item as evaluated: data only, the report layer words it.

    ``tier`` and ``id`` name it together (the loader makes ids unique within one tier only); ``rule``
    is the rule node it judged, ``item`` the score item for a points row.
    """

    id: str
    kind: str
    title: Text
    status: str
    depth: int
    parent: str | None
    required: bool = True
    value: Any = None
    op: str | None = None
    threshold: Any = None
    unit: str | None = None
    points: Decimal | None = None
    points_min: Decimal | None = None
    points_max: Decimal | None = None
    max_points: Decimal | None = None
    source: str | None = None
    confidence: str | None = None
    missing: list[str] = field(default_factory=list)
    inputs: dict[str, Any] = field(default_factory=dict)
    formula: Text | None = None
    evidence: tuple[Text, ...] = ()
    note: Text | None = None
    review: bool = False
    tier: str = ""
    rule: Node | None = field(default=None, compare=False, repr=False)
    item: ScoreItem | None = field(default=None, compare=False, repr=False)
    counts: tuple[int, int] | None = None  # a group: (children met, children that apply)
    formula_source: str = ""  # the formula an explanation shows with its numbers filled in
    terms: dict[str, Any] = field(default_factory=dict)  # each name[year] of formula_source -> its value
    band: Text | None = None  # a points row: the label of the band surely chosen
    scales: tuple[tuple[Text | None, Any, str | None], ...] = ()  # a points row: (label, value, unit) of each scale
    field_label: Text | None = None  # a veto or qualitative criterion: the question it asks
    held_by: str | None = None  # a blank part decided by its whole (plan._capped): the whole's path, in ``inputs``
    memo: dict[Any, Any] | None = field(default=None, compare=False, repr=False)
    """Shared by every row the same rule gives (in any profile): where a report keeps what it makes
    from the rule alone once (the static part of a JSON row), rather than once a row."""
    made: dict[Any, Any] | None = field(default=None, compare=False, repr=False)
    """What a report made of this very row (its JSON text in a language, and those bytes in an encoding): the evaluator shares a
    row among the profiles that read the same values (see ``plan.Plan._tier_rows``), so it is made once.
    Rows are read-only once evaluated: a shared row changed would change other results."""

    @property
    def key(self) -> tuple[str, str]:
        """(tier, id): what names a criterion across a rule set."""
        return self.tier, self.id


_FRESH = ("missing", "inputs", "terms")
"""The fields of a row whose default is a new list or dict (``row_maker`` makes them for each row)."""

_MADE_AS = ("id", "kind", "title", "depth", "parent", "required", "value", "op", "threshold", "unit", "points",
            "points_min", "points_max", "max_points", "source", "confidence", "formula", "evidence", "note", "review",
            "tier", "rule", "item", "counts", "formula_source", "band", "scales", "field_label", "held_by", "memo", "made")
"""The fields ``row_maker``'s rows take from its tuple, in the order its ``make`` sets them: every field
but the status and the new lists and dicts (``_FRESH``)."""


def _fields() -> tuple[frozenset[str], tuple[Any, ...]]:
    """CriterionResult's field names, and the defaults of those in ``_MADE_AS``, found once: a worker's
    first rows make row makers for some 300 rules, and ``fields`` read four times for each was ~5% of
    the cost of its first hundred companies (cProfile)."""
    global _FIELDS
    if _FIELDS is None:
        names = [f.name for f in fields(CriterionResult)]
        if tuple(f.name for f in fields(CriterionResult) if f.default_factory is not MISSING) != _FRESH \
                or tuple(n for n in names if n not in ("status", *_FRESH)) != _MADE_AS:
            raise TypeError("row_maker sets the fields of CriterionResult as they were")  # CriterionResult changed
        by_name = {f.name: f.default for f in fields(CriterionResult)}
        _FIELDS = frozenset(names), tuple(by_name[n] for n in _MADE_AS)
    return _FIELDS


_FIELDS: tuple[frozenset[str], tuple[Any, ...]] | None = None
"""``_fields``, once found."""


def row_maker(**fixed: Any) -> Callable[[str], CriterionResult]:
    """Rows of one rule: the ``fixed`` fields as given, a status for each row, every other field its
    default (``missing``, ``inputs`` and ``terms`` new for each row). The fields are worked out here
    once, as one tuple in ``_MADE_AS``'s order, and a row is a bare instance whose fields are set from
    it: a call by keyword of the 34-field record was twice the cost of one by position (issue #14),
    and the call by position itself (the class's call, its ``__init__``'s frame of 35 locals) 1,570 of
    a row's 6,960 instructions (callgrind), for some 26 new rows a company of a full result."""
    names, defaults = _fields()
    unknown = set(fixed).difference(names)
    if unknown:
        raise TypeError(f"CriterionResult has no field {sorted(unknown)[0]!r}")
    values: list[Any] = []
    for name, default in zip(_MADE_AS, defaults, strict=True):
        if name in fixed:
            values.append(fixed[name])
        elif default is not MISSING:
            values.append(default)
        else:
            raise TypeError(f"row_maker needs the field {name!r}")
    args = tuple(values)
    new = object.__new__

    def make(status: str) -> CriterionResult:
        row: CriterionResult = new(CriterionResult)
        (row.id, row.kind, row.title, row.depth, row.parent, row.required, row.value, row.op, row.threshold, row.unit,
         row.points, row.points_min, row.points_max, row.max_points, row.source, row.confidence, row.formula,
         row.evidence, row.note, row.review, row.tier, row.rule, row.item, row.counts, row.formula_source, row.band,
         row.scales, row.field_label, row.held_by, row.memo, row.made) = args
        row.status, row.missing, row.inputs, row.terms = status, [], {}, {}
        return row
    return make


@record(hot=True)
class GroupScore:
    id: str
    title: Text
    max: Decimal
    low: Decimal
    high: Decimal


@record(hot=True)
class TierResult:
    id: str
    title: Text
    status: str
    score: Decimal | None
    score_min: Decimal | None
    score_max: Decimal | None
    score_table: str | None
    criteria: list[CriterionResult]
    groups: list[GroupScore] = field(default_factory=list)
    notes: tuple[Text, ...] = ()

    def children(self) -> dict[str | None, list[CriterionResult]]:
        """The rows under each criterion by its id (None: the tier's top level), in result order: the
        tree that advice and plans walk down (ids are unique within one tier)."""
        out: dict[str | None, list[CriterionResult]] = {}
        for c in self.criteria:
            out.setdefault(c.parent, []).append(c)
        return out

    def holding_back(self) -> list[CriterionResult]:
        """Leaf criteria not met none of whose groups is met: what keeps the tier from ``met``. A leaf
        under a met any-of is moot (国际占有率 beside a domestic share that meets the criterion), so
        neither the summary nor a plan asks for it. So is a leaf not yet failed (unknown, awaiting
        review) under a group that needs all and fails already: no answer to it changes that group
        (2022's 小巨人 asked a company of 8,000万 its 新增股权融资, a condition of the band under
        5,000万 that the company is not in)."""
        by_id = {c.id: c for c in self.criteria}
        out = []
        for c in self.criteria:
            if not c.required or c.kind in ("all", "any") or c.status == MET:
                continue
            parent = by_id.get(c.parent) if c.parent else None
            while parent is not None and parent.status != MET and not (
                    c.status != UNMET and parent.kind == "all" and parent.status == UNMET):
                parent = by_id.get(parent.parent) if parent.parent else None
            if parent is None:
                out.append(c)
        return out

    def needed(self) -> list[str]:
        """The answers that decide the tier: what the unknown criteria holding it back lack, in order."""
        out: dict[str, None] = {}
        for c in self.holding_back():
            if c.status == UNKNOWN:
                out.update(dict.fromkeys(c.missing))
        return list(out)


@record(hot=True)
class Result:
    rules_id: str
    rules_title: Text
    in_force_from: date
    rules_source: str
    as_of: date
    last_year: int
    renewal: str | None  # the tier id renewed, or None for a new application
    input_sha256: str
    name: str | None
    sme_status: str
    sme_size: str | None
    tiers: dict[str, TierResult]
    advice: dict[str, Any] = field(default_factory=dict)  # tier id -> gaps.TierGap, when asked for
    calendar: Choice | None = None  # which set judged it and why (rules/calendar.yaml)
    rules_notes: tuple[Text, ...] = ()  # the rule set's own notes, e.g. that its sources are third-party
    documents: tuple[str, ...] = ()  # the official texts the criteria cite, in order of first use
    warnings: list[Unusual] = field(default_factory=list)  # figures to check (possible but unusual), not errors
    latest_year: int | None = None  # the latest fiscal year with figures when last year has none (else None)
    close: list[CloseCall] = field(default_factory=list)  # verdicts that rest on an approximate figure near its threshold
    renewal_held: bool | None = None  # a renewal: the profile's answer to "holds the renewed title" (None: not given)
    titles_held: tuple[str, ...] = ()  # the titles a renewal can name that the profile says are held
    rules: RuleSet | None = field(default=None, compare=False, repr=False)
    """The rule set that judged it: the labels and choice names its sentences say inputs by."""

    def criterion(self, cid: str, tier: str | None = None) -> tuple[TierResult, CriterionResult] | None:
        """The criterion ``cid`` of ``tier`` (or of the first tier that has one of that id)."""
        for t in self.tiers.values():
            if tier is None or t.id == tier:
                for c in t.criteria:
                    if c.id == cid:
                        return t, c
        return None

    def find(self, ref: str) -> list[tuple[TierResult, CriterionResult]]:
        """The criteria ``ref`` names: ``ID``, or ``TIER:ID`` for one tier's. Tiers may reuse an id for
        different rules; a node they share (the gate) is found once, in the first tier."""
        tier, _, cid = ref.rpartition(":")
        out: list[tuple[TierResult, CriterionResult]] = []
        for t in self.tiers.values():
            if tier and t.id != tier:
                continue
            for c in t.criteria:
                if c.id == cid and not any(_same_rule(c, o) for _, o in out):
                    out.append((t, c))
        return out


def bars_every_tier(result: Result, c: CriterionResult) -> bool:
    """Whether ``c`` is a yes/no condition of a group that every tier shares, answered no (not
    registered in China as an independent legal person), or the size test of such a group that finds
    a large enterprise: no input to move and no tier to apply for, like a red line, so advice and
    reports plan no steps for it (a plan that kept last year's revenue "closed" read as if a smaller
    figure might have done). Every tier must need its own row of that rule as ``c``'s tier needs
    ``c`` (under all-of groups only, not met): a tier that holds it under an any-of may still be met
    another way, and is not barred."""
    said_no = c.kind == "check" and c.op == "==" and c.threshold is True and c.value is False
    return ((said_no or c.kind == "sme") and c.status == UNMET and c.parent is not None
            and len(result.tiers) > 1 and _needed_alone(result, c)
            and all(any(_same_rule(c, o) and o.status == UNMET and _needed_alone(result, o) for o in t.criteria)
                    for t in result.tiers.values()))


def _needed_alone(result: Result, c: CriterionResult) -> bool:
    """Whether its tier needs ``c`` itself: every group above it needs all its children. Under an
    any-of another branch may still meet the group, so a no there bars nothing."""
    t = result.tiers.get(c.tier)
    by_id = {r.id: r for r in t.criteria} if t is not None else {}
    parent = c.parent
    while parent is not None:
        above = by_id.get(parent)
        if above is None or above.kind != "all":
            return False
        parent = above.parent
    return True


def stops_every_tier(rules: RuleSet | None, node: Node | None) -> bool:
    """Whether the red line ``node`` stands in every tier of ``rules`` (the shared gate's 数据造假), rather
    than excluding one tier (already a manufacturing 单项冠军 excludes 小巨人 alone): a report told
    such a company that no tier could be met and no materials were needed, while the lower tiers it
    met stayed open. Without a rule set to look in, every red line is taken to stop every tier."""
    if rules is None or node is None:
        return True
    where = node.place()
    if where is None:  # built in code: itself alone, and not kept (the memo outlives it; its id does not)
        return all(any(n is node for n in tier.criteria.walk()) for tier in rules.tiers.values())
    memo: dict[str, bool] = rules.memo.setdefault("result.stops_every_tier", {})
    hit = memo.get(where)
    if hit is None:
        hit = memo[where] = all(any(n.place() == where for n in tier.criteria.walk()) for tier in rules.tiers.values())
    return hit


def _same_rule(a: CriterionResult, b: CriterionResult) -> bool:
    """Whether two rows judge one rule: the same score item, or nodes defined at one place of a rule file."""
    if a.item is not None or b.item is not None:
        return a.item is b.item
    if a.rule is None or b.rule is None:
        return False
    where = a.rule.place()
    return a.rule is b.rule or (where is not None and where == b.rule.place())


JSON_DIGITS = 15
"""Significant digits a JSON number (a double) carries exactly as written."""


def as_given(v: Decimal) -> bool:
    """Whether ``v`` has at most JSON_DIGITS significant digits (trailing zeros aside): a figure as
    a person types it, written exactly, where a quotient's 28 digits are rounded."""
    digits = v.as_tuple().digits
    n = len(digits)
    while n > JSON_DIGITS and digits[n - 1] == 0:
        n -= 1
    return n <= JSON_DIGITS


def json_number(v: Decimal) -> int | float:
    """A JSON number for a Decimal, saying what the reports say: whole numbers stay ints; a figure of
    up to 15 significant digits (any a person types) as it is, where 6 places wrote a share of
    9.99999999 as 10.0 in ``inputs`` and a plan's ``before`` while the explanation said 9.99999999%
    and the check failed ≥ 10; a longer one (a quotient's 28 digits) to 6 places, but never onto a
    whole number it is not (89.9999999996… failing ≥ 90 read 90.0): that one keeps what a double can. One beyond
    10^20 (only a rule's product can be) a float, which JSON can carry and no reader has to parse
    digit by digit."""
    if v.adjusted() >= 20:
        return float(v) if v.adjusted() < 300 else float("1e300") * (1 if v > 0 else -1)
    whole = int(v)
    if whole == v:
        return whole
    if as_given(v):
        return float(v)
    rounded = round(v, 6)
    return float(v) if rounded == int(rounded) else float(rounded)


def json_value(v: Any) -> Any:
    if isinstance(v, bool) or v is None or isinstance(v, str):
        return v
    if isinstance(v, Decimal):
        return json_number(v)
    if isinstance(v, tuple | list):
        return [json_value(x) for x in v]
    return v


CLOSE_MARGIN = Decimal("0.05")
"""How near its threshold (a share of it) a figure given as approximate decides a criterion too
closely to be taken as said: 约500万 against 不低于500万元 (criteria.md's thresholds are exact). A
scored item: how far (a share of the figure) the approximate figure may be off, either way, before
the item's points change."""


@record(frozen=True)
class CloseCall:
    """A criterion decided (met or unmet) by a value within CLOSE_MARGIN of its threshold, or a score
    item whose points change within CLOSE_MARGIN of the figure, when an input it read (``path``) was
    given as approximate: the verdict, or the points, rest on the approximation."""

    tier: str
    criterion: CriterionResult
    path: str
    field: FieldDef  # the input's, for its label and unit


Recheck = Callable[[Node, dict[str, Any]], str]
"""A check's status on other values: the evaluator's, handed in as ``Rescore`` is."""
Rescore = Callable[[ScoreItem, dict[str, Any]], tuple[Decimal, Decimal]]
"""A score item's (lowest, highest) points on other values: the evaluator's, handed in (core.plan
imports this module)."""


def close_calls(tiers: dict[str, TierResult], approximate: frozenset[str], rules: RuleSet,
                values: dict[str, Any] | None = None, rescore: Rescore | None = None,
                recheck: Recheck | None = None) -> list[CloseCall]:
    """The criteria of ``tiers`` whose verdict rests on an approximate input close to the threshold,
    and, given the profile's ``values`` and ``rescore``, the score items whose points would change
    were an approximate input CLOSE_MARGIN lower or higher (约300万 R&D scores 6 points, 285万 4):
    a score, and the verdict it decides, rest on that figure as much as a threshold does."""
    out: list[CloseCall] = []
    if not approximate:
        return out
    from littlegiant.load.profile import field_for_path

    scored: set[int] = set()  # a table's points rows, under each tier that scores it: said once
    for tier in tiers.values():
        for c in tier.criteria:
            said = [p for p in c.inputs if p in approximate]
            if not said:
                continue
            if c.item is not None:
                if rescore is not None and values is not None and id(c.item) not in scored:
                    path = _moves_points(c, said, values, rescore)
                    if path is not None:
                        scored.add(id(c.item))
                        out.append(CloseCall(tier.id, c, path, field_for_path(rules, path)))
                continue
            if c.status not in (MET, UNMET) or c.op not in (">=", ">", "<=", "<"):
                continue
            if c.value is None and recheck is not None and values is not None and c.rule is not None:
                # a total the years given decide, a year blank: no value to measure, so the verdict itself
                # is moved (约510万 met 500万以上 with two years blank, flagged beside two zeros)
                path = _moves_verdict(c, said, values, recheck)
                if path is not None:
                    out.append(CloseCall(tier.id, c, path, field_for_path(rules, path)))
                continue
            if not isinstance(c.value, Decimal) or not isinstance(c.threshold, Decimal):
                continue
            if abs(c.value - c.threshold) <= abs(c.threshold) * CLOSE_MARGIN:
                out.append(CloseCall(tier.id, c, said[0], field_for_path(rules, said[0])))
            elif len(c.inputs) > 1 and recheck is not None and values is not None and c.rule is not None:
                # a figure worked out of several (a growth, a share): a rough input 5% off moves it by more
                # than 5% (约4500万 two years back: 5.41% met 5%, at 4,599万 4.27%), so the verdict itself is moved
                path = _moves_verdict(c, said, values, recheck)
                if path is not None:
                    out.append(CloseCall(tier.id, c, path, field_for_path(rules, path)))
    return out


def _moves_verdict(c: CriterionResult, said: list[str], values: dict[str, Any], recheck: Recheck) -> str | None:
    """The first approximate input of a check decided from part of its inputs whose figure, CLOSE_MARGIN
    lower or higher, decides it otherwise; None when there is none."""
    assert c.rule is not None
    for path in said:
        figure = values.get(path)
        if not isinstance(figure, Decimal) or not figure:
            continue
        for factor in (1 - CLOSE_MARGIN, 1 + CLOSE_MARGIN):
            if recheck(c.rule, {**values, path: figure * factor}) != c.status:
                return path
    return None


def _moves_points(c: CriterionResult, said: list[str], values: dict[str, Any], rescore: Rescore) -> str | None:
    """The first approximate input of a points row known to the point whose figure, CLOSE_MARGIN
    lower or higher, scores the item otherwise; None when there is none."""
    if c.item is None or c.points_min is None or c.points_min != c.points_max:
        return None
    for path in said:
        figure = values.get(path)
        if not isinstance(figure, Decimal) or not figure:
            continue
        for factor in (1 - CLOSE_MARGIN, 1 + CLOSE_MARGIN):
            if rescore(c.item, {**values, path: figure * factor}) != (c.points_min, c.points_max):
                return path
    return None
