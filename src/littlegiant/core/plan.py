"""The one evaluator: a rule set compiled, for one last year and applicant type, to closures.

``run`` gives a batch summary (each tier's status and score, the SME status and size, the
first criterion holding a tier back): it stops an all-of group at its first unmet child and an
any-of group at its first met one. ``evaluate`` gives the full result's data (every criterion's
status, the values it read, the quantities it computed, threshold or points, what is missing)
from the same compiled closures: a criterion's status is the one ``run`` would see, and groups
combine their children's outcomes with the same ``all_of`` / ``any_of``. No sentence is made
here; the report layer words the data.
"""

from __future__ import annotations

import ast
import operator
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import field
from decimal import Decimal
from functools import partial
from typing import Any

from littlegiant import lazyre
from littlegiant.core import scoring
from littlegiant.core.result import MET, REVIEW, UNKNOWN, UNMET, CriterionResult, GroupScore, TierResult, row_maker
from littlegiant.load import expr
from littlegiant.load.rules import Band, Node, RuleSet, ScoreItem, ScoreTable, Text
from littlegiant.records import record

# Statuses as codes ordered from best to worst: an all-of takes the highest, an any-of the lowest
# (docs/output.md §5: unmet > unknown > manual_review > met for all-of, the reverse for any-of).
C_MET, C_REVIEW, C_UNKNOWN, C_UNMET = 0, 1, 2, 3
NAMES = (MET, REVIEW, UNKNOWN, UNMET)
CODES = {name: code for code, name in enumerate(NAMES)}

Outcome = tuple[int, Node | None]  # (status code, the first leaf holding it back, None when met)
_OK: Outcome = (C_MET, None)
_NONE_MET: Outcome = (C_UNMET, None)  # an any-of without children
State = dict[str, object]
"""One profile's evaluation: a copy of its values (path → value), to which the plan adds what it
computes once per profile (derived quantities, score tables, SME status) under keys that start
with a NUL, which no profile path can."""

Compiled = Callable[[State], Outcome]


def all_group(children: Sequence[Compiled]) -> Compiled:
    """All-of as a closure: unmet if any child is unmet (looking no further), else unknown, else
    manual_review, else met; with the child that decides it: the first unmet one, else the first of the
    worst status (that child's own outcome, not a tuple made of it). (A tier unmet because revenue falls
    short is not "held back" by an unanswered question before it: a batch row names the criterion that
    decides the verdict it shows.) The children are called here, one by one, rather than handed over as a
    generator (some 5 µs of a row's 33 in ``run``); and a group is a closure of its own, not a partial of
    a function over its children, which is called through C, a new evaluation loop for every group of a
    row, where a Python closure's call is made inline (Python 3.11; some 11 groups a batch row)."""
    kids = tuple(children)

    def all_of_these(state: State) -> Outcome:
        worst, outcome = C_MET, _OK
        for child in kids:
            out = child(state)
            code = out[0]
            if code == C_UNMET:
                return out
            if code > worst:
                worst, outcome = code, out
        return outcome
    return all_of_these


def any_group(children: Sequence[Compiled]) -> Compiled:
    """Any-of as a closure (``all_group``): the best branch (met, looking no further, > manual_review >
    unknown > unmet), with the first child of that best status as what holds it back (its own outcome)."""
    kids = tuple(children)

    def any_of_these(state: State) -> Outcome:
        best, outcome = C_UNMET + 1, _NONE_MET  # above every status: the first child always counts
        for child in kids:
            out = child(state)
            code = out[0]
            if not code:
                return _OK
            if code < best:
                best, outcome = code, out
        return outcome
    return any_of_these


Nearness = tuple[int, int, Decimal]
"""How far a route is from met, as the report orders a choice's routes (report.words ``_nearness``):
(parts failing, minus parts met, how short the failing figures fall as a share of what they need)."""


def banded_group(children: Sequence[Compiled], selectors: Sequence[Sequence[Compiled]],
                 nearness: Sequence[Callable[[State], Nearness]]) -> Compiled:
    """An any-of whose routes are said by a selector each (2022 小巨人's revenue bands), as ``any_group``
    but, every route failing, held back by the route the report's 差在 names: of those whose selectors
    do not fail (the band the company is in), the nearest, the first of equals. ``any_group`` named the
    first route's first failure, the 1亿 band's revenue: a row of 7,000万 short of 6% R&D read
    「上年度营业收入1亿元以上」, no requirement of its title. Its met path is ``any_group``'s; the
    selectors are asked again only of a row every route fails, and how near each route is only when
    more than one band may be the company's (its revenue blank)."""
    kids = tuple(children)
    bands = tuple(tuple(s) for s in selectors)
    near = tuple(nearness)
    ids = range(len(kids))
    plain = any_group(kids)

    def any_band(state: State) -> Outcome:
        outcome = plain(state)
        if outcome[0] == C_UNMET and kids:  # every route fails: the one the company's band holds it back
            held = [i for i in ids if not any(selector(state)[0] == C_UNMET for selector in bands[i])] or list(ids)
            return kids[held[0] if len(held) == 1 else min(held, key=lambda i: near[i](state))](state)
        return outcome
    return any_band


def all_of(children: Sequence[Compiled], state: State) -> Outcome:
    """``all_group`` of ``children`` on one state (what the tests and a caller with no compiled group use)."""
    return all_group(children)(state)


def any_of(children: Sequence[Compiled], state: State) -> Outcome:
    """``any_group`` of ``children`` on one state."""
    return any_group(children)(state)


def all_codes(codes: Iterable[int]) -> int:
    """``all_of`` on codes alone (a full result's groups): codes rank statuses from best to worst,
    so an all-of is its worst child, met when it has none."""
    return max(codes, default=C_MET)


def any_codes(codes: Iterable[int]) -> int:
    """``any_of`` on codes alone: the best child, unmet when it has none."""
    return min(codes, default=C_UNMET)


def combine_all(statuses: list[str]) -> str:
    """``all_codes`` on status names."""
    return NAMES[all_codes([CODES[s] for s in statuses])]


def combine_any(statuses: list[str]) -> str:
    """``any_codes`` on status names."""
    return NAMES[any_codes([CODES[s] for s in statuses])]


def applies(node: Node, renewing: bool) -> bool:
    """Whether a node counts for a tier: always, or only for (or only outside) its renewal."""
    return node.applies == "always" or (node.applies == "renewal") == renewing


@record(slots=True, hot=True)
class TierSummary:
    status: str
    score: Decimal | None
    score_min: Decimal | None
    score_max: Decimal | None
    blocker: str | None
    blocker_title: Text | None = None
    blocker_node: Node | None = field(default=None, compare=False, repr=False)
    """The criterion ``blocker`` names, whose row a batch row words (``Plan.row_of``); not pickled (a
    rule's node holds compiled closures): a summary crosses processes as it did before it had one."""

    def __reduce__(self) -> tuple[type[TierSummary], tuple[object, ...]]:
        return TierSummary, (self.status, self.score, self.score_min, self.score_max, self.blocker, self.blocker_title)


@record(slots=True, hot=True)
class Summary:
    sme_status: str
    sme_size: str | None
    tiers: dict[str, TierSummary]
    state: State = field(default_factory=dict, compare=False, repr=False)
    """The profile's state as ``run(keep=True)`` left it (what it worked out once kept): ``row_of`` reads it."""


_MISS = object()
Table = tuple[Decimal, Decimal, Decimal, dict[str, tuple[Decimal, Decimal, Decimal]]]
ItemFn = Callable[[State], "scoring.Points"]
ItemRows = tuple[tuple[str, ...], dict[tuple[object, ...], CriterionResult], Callable[[str], CriterionResult],
                 tuple[tuple[int, Text | None, str | None], ...]]
"""A score item's points rows in one tier: the paths it reads, its rows kept by their values, their
maker, and the scales whose value is scored (their place among the item's scales, label, unit)."""
_ZERO = Decimal(0)
_REF = lazyre.compile(r"\b([a-z_][a-z0-9_]*)(?:\[(y[0-9]?)\])?")
_LITERAL = lazyre.compile(r'"(?:[^"\\]|\\.)*"|\'(?:[^\'\\]|\\.)*\'')


@record(slots=True, hot=True)
class ItemDetail:
    """One score item as a full result shows it: points, the value scored, the band chosen."""

    low: Decimal
    high: Decimal
    strict: Decimal
    value: expr.Value
    label: Text | None
    review: bool
    scale_values: tuple[expr.Value, ...]


@record(slots=True)
class _Step:
    """A node of one tier's tree as compiled: its closure and, for full results, where it sits."""

    node: Node
    fn: Compiled
    depth: int
    parent: str | None
    children: list[_Step]
    reads: tuple[str, ...] = ()  # the input paths it reads, in the order it reads them
    terms: tuple[tuple[str, str | None, expr.Compiled | None], ...] = ()  # name[year] of its formula -> its path or read
    source: str = ""  # the formula an explanation fills in
    show: bool = False  # whether it is shown whatever the value (else only when the value is no number)
    value: expr.Compiled | None = None  # a check's value as its row shows it (quotients settled)
    shown: str | None = None  # a check whose value another check shows too: where a profile's state keeps it (_check_detail)
    memo: dict[object, object] = field(default_factory=dict)  # each row's CriterionResult.memo
    rows: dict[Any, Any] = field(default_factory=dict)  # rows by what they read (a leaf: with its code, see _tier_rows)
    seen: dict[tuple[int, ...], tuple[int, CriterionResult]] = field(default_factory=dict)  # a group's code and row by its children's codes
    key: tuple[str, ...] = ()  # the paths a leaf's row is a function of (a group's row: of its children)
    mode: int = 0  # how a full result makes its row: _ALL, _ANY, _KEYED (by ``key``) or _OTHER
    kids: tuple[int, ...] = ()  # a group's children: their places in the tier's flat list
    pick: Callable[[list[int]], tuple[int, ...]] = tuple  # a group's children's codes, read at once (set by _flatten)
    one: str | None = None  # the path of a leaf whose row is a function of that one value (its key)
    points: str | None = None  # the score table whose points rows follow this row
    keep: bool = True  # whether a leaf's rows are kept (see _keep_leaf)
    since: int = 1  # a kept leaf: the walk of its tier when its store last emptied (_keep_row); 1 before
    make: Callable[[str], CriterionResult] | None = None  # its rows, with what the rule says of them (Plan._maker)
    fresh: Callable[[State], tuple[int, CriterionResult]] | None = None  # a leaf's code and new row (Plan._fresher), a score's (_scorer)
    where: str | None = None  # where its node is defined (Node.place; set by _flatten)
    wholes: tuple[str, ...] = ()  # a check of a part: its wholes' paths, which decide it when it is blank (_capped)


_ALL, _ANY, _KEYED, _OTHER = 0, 1, 2, 3


@record(slots=True)
class _Store:
    """What a score item's values gave (its detail, by the values it reads), kept for the profiles
    that give the same, while that pays (see _keep_leaf, which keeps a leaf's rows alike)."""

    rows: dict[Any, Any] = field(default_factory=dict)  # details by the values their item reads
    hits: int = 0
    keep: bool = True
    reuse: bool = True
    """False for an item whose points are the value itself: its detail is worked out for each company,
    so that the table's sums carry the company's own digits (5.20 where another gave 5.2); its
    rows are still kept (as a leaf's, which show the digits of the first company to give the value)."""


class Plan:
    """One rule set for one last year and applicant type, compiled to closures.

    Every name a formula reads is resolved here, once: a field to its concrete path (the year
    filled in), a derived quantity to a memo slot. Evaluating a profile then reads its dict
    directly, which is most of what makes a batch of 100,000 rows fast.
    """

    def __init__(self, rules: RuleSet, last_year: int, renewal: str | None) -> None:
        self.rules = rules
        self.last_year = last_year
        self.renewal = renewal
        self._renewing = False  # whether the tier being compiled is the one renewed
        self.paths: dict[tuple[str, int | None], str] = {}
        for f in rules.fields.values():
            if f.per_year:
                for offset in range(len(expr.YEAR_NAMES)):
                    self.paths[(f.id, offset)] = f.concrete_path(last_year - offset)
            else:
                self.paths[(f.id, None)] = f.path
        self._derived: dict[str, expr.Compiled] = {}
        self._derived_reads: dict[tuple[str, int], tuple[str, ...]] = {}
        self._members: dict[str, list[tuple[str, list[int]]]] = {}
        self._item_rows: dict[tuple[str, str], list[ItemRows]] = {}  # (tier, table) -> its items' points rows
        self._whole_sums: dict[str, dict[tuple[scoring.Points, ...], Table]] = {}  # a table of whole points: its sums by them
        self._zero_parts = self._parts_of_zero()
        size_inputs = {k: self._expr(e) for k, e in rules.size.inputs.items()}
        self.size_reads = {iid: [(k, size_inputs[k]) for k in sorted(set(cls.ceiling) | set(cls.medium))]
                           for iid, cls in rules.size.industries.items()}
        self._size_paths = {k: self.reads_of(e) for k, e in rules.size.inputs.items()}
        plain: dict[str, str] = {}  # the size figures that are a field as it is (all of 300号's): their paths
        for k, e in rules.size.inputs.items():
            path = self.paths.get((e.only.name, e.only.offset)) if e.only is not None and not e.only.param else None
            if path is not None:
                plain[k] = path
        self._sizes = {iid: scoring.size_classifier(rules.size.industries[iid], {k: plain[k] for k, _ in reads})
                       for iid, reads in self.size_reads.items() if all(k in plain for k, _ in reads)}
        """Each industry's size, as classify_size gives it, where its figures are plain reads (all of 300号's)."""
        self.tables = {tid: self._compile_table(tid, t) for tid, t in rules.scores.items()}
        self.items = {tid: [(i, self._item_detail(i), self._item_reads(i)) for i in t.items]
                      for tid, t in rules.scores.items()}
        self._item_kept = {tid: [_Store(reuse=i.points_from_value is None) for i in t.items]
                           for tid, t in rules.scores.items()}
        # where a profile's state keeps a table's details, sums, the values each item read, what it lacks
        self._table_keys = {tid: (f"\0items:{tid}", f"\0table:{tid}", f"\0keys:{tid}", f"\0missing:{tid}")
                            for tid in rules.scores}
        # Groups that several tiers use (the gate) are evaluated once per profile.
        seen = Counter(n.place() for tier in rules.tiers.values() for n in tier.criteria.walk())
        self.shared = {where for where, count in seen.items() if count > 1 and where is not None}
        self._groups: dict[str, Compiled] = {}
        self._summaries: dict[object, TierSummary] = {}
        """A tier without a score's summary by its status code and the id of the criterion holding it back
        (each a node of this rule set, so a few hundred at most): read again, not made, for each profile."""
        # Two caches by id(node), each entry holding its node (here, or as the step's): an id in them is
        # a live node's, which no other node can have, so a hit is the node asked about (the `is` checks
        # confirm it). Keyed by the node itself they would hash it by value: its whole subtree, 2.5 us
        # for a leaf and 75 us for a tier, where id() takes 0.1 us.
        self._nodes: dict[int, tuple[Node, Compiled]] = {}  # id of a node (held here) -> its closure
        self.tiers: list[tuple[str, Compiled, Callable[[State], Table] | None]] = []
        self.trees: dict[str, _Step] = {}
        self.flat: dict[str, list[_Step]] = {}  # each tier's steps in pre-order
        self._walks: dict[str, Walk] = {}  # each tier's steps as _tier_rows walks them
        self._walked: dict[str, list[int]] = {}  # how many times each tier's have been walked (_keep_row)
        self._tops: dict[str, dict[tuple[int, ...], tuple[int, tuple[CriterionResult | None, ...]]]] = {}
        """Each tier's code and its groups' rows by all its leaves' codes (``_tier_rows``)."""
        self._by_node: dict[str, dict[int, _Step]] = {}  # each tier's steps by the id of their node, held by the step (row_of)
        for tid, tier in rules.tiers.items():
            self._renewing = renewal == tid
            self.trees[tid] = self._steps(tier.criteria, 0, None)
            self.flat[tid] = _flatten(self.trees[tid])
            self.tiers.append((tid, self.trees[tid].fn,
                               self.tables[tier.score_table] if tier.score_table else None))
        # checks that show one value (the same formula) in several places share what they read (_check_detail)
        checks = [s for steps in self.flat.values() for s in steps if s.value is not None]
        sources = Counter(s.node.value.source for s in checks)  # type: ignore[union-attr]
        for s in checks:
            if sources[s.node.value.source] > 1:  # type: ignore[union-attr]
                s.shown = "\0shown:" + s.node.value.source  # type: ignore[union-attr]

    def run(self, values: dict[str, object], keep: bool = False) -> Summary:
        """The batch summary of one profile; ``keep``: with the state it worked out, for ``row_of``
        (a batch row words one criterion from it; a script's list of summaries need not hold them)."""
        state = self.start(values)
        tiers = {}
        made = self._summaries
        for tid, fn, table in self.tiers:
            code, blocker = fn(state)
            if table is None:  # _summary, inlined
                summary = made.get((code, blocker.id) if blocker is not None else code)
                tiers[tid] = summary if summary is not None and summary.blocker_node is blocker \
                    else self._summary(code, blocker)
                continue
            low, high, _, _ = table(state)
            tiers[tid] = TierSummary(NAMES[code], low if low == high else None, low, high,
                                     blocker.id if blocker is not None else None,
                                     blocker.title if blocker is not None else None, blocker)
        sme: tuple[str, str | None] = state.get("\0sme") or self._sme(state)  # type: ignore[assignment]  # the gate's
        sme_status, size = sme
        return Summary(sme_status, size, tiers, state) if keep else Summary(sme_status, size, tiers)

    def _summary(self, code: int, blocker: Node | None) -> TierSummary:
        """A tier's summary without its score: a status and the criterion holding it back, which most
        profiles of a batch share. Made once each and read again (~230 ns a tier a row made): it is
        read-only, as every summary is, and holds no profile's figures."""
        key = (code, blocker.id) if blocker is not None else code
        summary = self._summaries.get(key)
        if summary is None or summary.blocker_node is not blocker:  # another node of the same id (a probe's)
            summary = self._summaries[key] = TierSummary(NAMES[code], None, None, None,
                                                         blocker.id if blocker is not None else None,
                                                         blocker.title if blocker is not None else None, blocker)
        return summary

    def evaluate(self, values: dict[str, object]) -> tuple[str, str | None, dict[str, TierResult]]:
        """(SME status, size, every tier's full result) of one profile: the data a report words."""
        state = self.start(values)
        details = {tid: self._score_details(tid, state) for tid in self.items}
        tiers = {tid: self._tier_result(tid, state, details) for tid in self.rules.tiers}
        sme_status, size = self._sme(state)
        return sme_status, size, tiers

    def tier_result(self, tid: str, values: dict[str, object]) -> TierResult:
        """One tier's full result on ``values``, its own score tables only: what a batch row words
        its 主要差距 from, at a fraction of a whole result's cost (tier 1's tables are most of it)."""
        state = self.start(values)
        details = {s.points: self._score_details(s.points, state) for s in self.flat[tid] if s.points is not None}
        return self._tier_result(tid, state, details)

    def _tier_result(self, tid: str, state: State, details: dict[str, list[ItemDetail]]) -> TierResult:
        tier = self.rules.tiers[tid]
        code, out = self._tier_rows(tid, state, details)
        score = low = high = None
        groups: list[GroupScore] = []
        if tier.score_table is not None:
            low, high, _, sums = self.tables[tier.score_table](state)
            score = low if low == high else None
            groups = [GroupScore(g.id, g.title, g.max, *sums[g.id][:2])
                      for g in self.rules.scores[tier.score_table].groups]
        return TierResult(tid, tier.title, NAMES[code], score, low, high, tier.score_table, out, groups, tier.notes)

    def outcome(self, tid: str, values: dict[str, object]) -> TierSummary:
        """One tier's status and first failing criterion on ``values``, without its score: what a
        batch row asks again of a tier with other answers assumed (every title held)."""
        for t, fn, _ in self.tiers:
            if t == tid:
                return self._summary(*fn(self.start(values)))
        raise KeyError(tid)

    def outcomes(self, tids: list[str], values: dict[str, object]) -> dict[str, TierSummary]:
        """``outcome`` of each of ``tids`` on ``values``, worked out from one start: what a batch row asks
        again of the tiers it leaves unknown, with the red-line answers it lacks given (``Declarations``)."""
        state = self.start(values)
        out: dict[str, TierSummary] = {}
        for t, fn, _ in self.tiers:
            if t in tids:
                out[t] = self._summary(*fn(state))
        return out

    def row_of(self, tid: str, node: Node, state: State) -> CriterionResult | None:
        """The row a full result would give ``node`` (a figure or a score of tier ``tid``) on a profile's
        ``state`` (``start``, or a summary's): what a batch row words beside the title of the criterion
        holding a tier back (「……不低于5000万元（现为3,000万元）」), one row made, where a whole tier's
        rows cost ten times as much. None for another kind of criterion, whose title says all a
        summary shows of it."""
        if node.kind not in ("check", "score"):
            return None
        steps = self._by_node.get(tid)
        if steps is None:
            steps = self._by_node[tid] = {id(s.node): s for s in self.flat[tid]}
        step = steps.get(id(node))
        if step is None or step.node is not node:
            return None
        return (self._score_row if node.kind == "score" else self._leaf_row)(step, state, tid)[1]

    def uncomputed_row(self, tid: str, node: Node, state: State) -> CriterionResult | None:
        """The row of a check of tier ``tid`` left unknown though every figure it reads is given (growth
        from a revenue of 0, a share of a 0: criteria.md §3, unknown, never zero), else None: a batch row
        whose tier it holds back said 「尚待回答」 its title, as if a figure were missing, where the
        report names the 0. Asked only of a tier not known; a figure missing ends it before any row is made."""
        if node.kind != "check":
            return None
        steps = self._by_node.get(tid)
        if steps is None:
            steps = self._by_node[tid] = {id(s.node): s for s in self.flat[tid]}
        step = steps.get(id(node))
        if step is None or step.node is not node or not step.reads:
            return None
        get = state.get
        if any(get(p) is None for p in step.reads):
            return None
        row = self._leaf_row(step, state, tid)[1]
        return row if row.status == UNKNOWN and row.value is None and not row.missing else None

    def figure_of(self, tid: str, node: Node) -> tuple[expr.Compiled, Callable[[str], CriterionResult]] | None:
        """A check of tier ``tid`` as a batch row words it when it holds the tier back: the reader of its
        value as its row shows it, and the maker of its rows (once ``row_of`` has made one). A summary
        row words the figure alone, from a row of the rule holding it, not a whole row made for it
        (the inputs it read, its formula filled in: ~12,000 instructions of a row's ~525,000). None for
        another kind of criterion, or before its first row."""
        if node.kind != "check":
            return None
        for step in self.flat[tid]:
            if step.node is node and step.value is not None and step.make is not None:
                return step.value, step.make
        return None

    def inputs(self, tid: str | None = None) -> tuple[str, ...]:
        """Every input path a criterion of some tier (of tier ``tid``) reads, in the tiers' order: what a
        sheet without its column leaves unknown for every company."""
        out: dict[str, None] = {}
        for steps in self.flat.values() if tid is None else (self.flat[tid],):
            for step in steps:
                kind = step.node.kind
                if kind == "sme":
                    out["industry"] = None
                    for paths in self._size_paths.values():
                        out.update(dict.fromkeys(paths))
                elif kind == "score":
                    for _, _, reads in self.items[step.node.table]:  # type: ignore[index]
                        out.update(dict.fromkeys(reads))
                else:
                    out.update(dict.fromkeys(step.key))
        return tuple(out)

    def holds(self, node: Node, values: dict[str, object],
              overrides: dict[tuple[str, int | None], expr.Value] | None = None) -> str:
        """One criterion's status on ``values``, derived quantities in ``overrides`` forced to a
        value: the cheap probe the gap search and the rule tests repeat."""
        hit = self._nodes.get(id(node))
        if hit is None or hit[0] is not node:  # a clause of another applicant type: compiled alone
            assert node.kind not in ("all", "any")
            hit = self._nodes[id(node)] = (node, self._compile(node, []))
        return NAMES[hit[1](self._state(values, overrides))[0]]

    def item_points(self, item: ScoreItem, values: dict[str, object],
                    overrides: dict[tuple[str, int | None], expr.Value] | None = None) -> tuple[Decimal, Decimal]:
        """(lowest, highest) points of one score item on ``values``."""
        for table_items in self.items.values():
            for it, detail, _ in table_items:
                if it is item:
                    d = detail(self._state(values, overrides))
                    return d.low, d.high
        raise KeyError(item.id)

    def _state(self, values: dict[str, object], overrides: dict[tuple[str, int | None], expr.Value] | None) -> State:
        state = self.start(values)
        for (name, offset), value in (overrides or {}).items():
            if name in self.rules.derived:
                state[f"\0{name}@{offset or 0}"] = value  # a derived quantity forced to a value (boundary cases)
                state[_PROBED] = True  # no group's outcome kept by its inputs holds here (_kept_group)
        return state

    def start(self, values: dict[str, object]) -> State:
        """A profile's state: its values, and 0 for a part left blank whose whole is 0 (no class I IP:
        none of it applied either). Left unknown, such a part made a tier unknown that no answer to it
        could change (docs/criteria.md §8a: a part never exceeds its whole; CONTRACT §3: unknown is
        for what the missing inputs decide), and the interview asked it of a company with none."""
        state = dict(values)
        get = state.get
        for whole, parts in self._zero_parts:  # a whole read once for all its parts: 7 reads, not 18
            if (w := get(whole)) is not None and not w:  # (not == 0: a Decimal's == an int is slow)
                for part in parts:
                    if get(part) is None:
                        state[part] = _ZERO
        return state

    def _parts_of_zero(self) -> tuple[tuple[str, tuple[str, ...]], ...]:
        """Each whole's concrete path with those of its parts that cannot go below 0, a whole before
        its own parts (a part of a part is 0 once its whole is found to be)."""
        fields = self.rules.fields
        pairs: list[tuple[int, str, str]] = []
        for f in fields.values():
            whole = fields.get(f.part_of) if f.part_of else None
            if whole is None or f.value_range()[0] != 0:
                continue
            depth, up = 0, whole
            while up.part_of in fields:  # the loader refuses a circle
                depth, up = depth + 1, fields[up.part_of]
            for offset in range(len(expr.YEAR_NAMES)) if f.per_year else (None,):
                pairs.append((depth, self.paths[(f.id, offset)], self.paths[(whole.id, offset)]))
        wholes: dict[str, list[str]] = {}  # in the order of their depth: the parts of a whole share it
        for _, part, whole_path in sorted(pairs, key=lambda p: p[0]):
            wholes.setdefault(whole_path, []).append(part)
        return tuple((whole_path, tuple(parts)) for whole_path, parts in wholes.items())

    def ceiling(self, name: str, offset: int | None) -> tuple[str, ...]:
        """The concrete paths of the wholes a field is a part of, nearest first: the least of those
        known is the most the part can be."""
        fields, out = self.rules.fields, []
        f = fields[name]
        while f.part_of in fields:
            f = fields[f.part_of]
            out.append(self.paths[(f.id, offset if f.per_year else None)])
        return tuple(out)

    # ---- full results

    def _tier_rows(self, tid: str, state: State, details: dict[str, list[ItemDetail]]) -> tuple[int, list[CriterionResult]]:
        """The tier's status code and its criterion rows in pre-order (a score table's points rows
        under the first score criterion that uses it).

        A row is a function of what it reads: a leaf's of its input values, a group's of its
        children's outcomes. Rows are kept by those (at most ROWS_KEPT a rule) and shared by the
        profiles that give the same: in a batch most criteria (red lines, yes/no questions, levels,
        counts) see a few values, and their rows, and what a report makes of them, are made once.
        The tree is walked as a flat list, children before their group, rather than by recursion:
        a full result visits some hundred nodes a profile, and the calls were most of its cost.

        The leaves whose rows are kept come first, then those whose rows are made for each profile,
        then the groups, each list children before their group (``_walk``): a step of one kind is
        not asked its kind, ~3% of an evaluation. Nothing a leaf's row holds depends on which leaf
        was read first (what several read, a derived figure or a shown value, is read once and is
        the same whoever reads it).

        The groups' codes and rows are a function of the leaves' codes, whose few hundred sets a batch
        repeats: kept by all of them (``TOPS_KEPT``), they are one lookup a tier, not one a group
        (1,163,464 -> 1,151,559 instructions an evaluation). A group's row says its status and
        counts, no company's digits: whichever company's walk kept it shows the same."""
        walked = self._walks.get(tid)
        if walked is None:
            walked = self._walks[tid] = self._walk(tid)
        leaves, others, groups, n, start, points, places, tops, walks = walked
        walks[0] += 1  # this walk's number: a leaf's hits are the walks since its store emptied, less its misses
        codes = [0] * n
        rows: list[CriterionResult | None] = [None] * n
        get = state.get
        hit: tuple[int, CriterionResult] | None
        for i, step, one, paths, kept in leaves:  # one value (most leaves) is its own key, spared a tuple
            key = get(one) if one is not None else tuple(map(get, paths))
            hit = kept.get(key)
            if hit is None:
                hit = self._leaf_row(step, state, tid)
                _keep_row(step, key, hit, walks[0])
                if not step.keep:  # its rows are made afresh from now on: it joins the others
                    self._walks.pop(tid, None)
            codes[i], rows[i] = hit
        for i, fresh in others:
            codes[i], rows[i] = fresh(state)
        leaf_codes = tuple(codes)  # the groups' places still 0: their codes and rows follow from these
        done = tops.get(leaf_codes)
        if done is None:
            for i, step, kept, pick in groups:  # kept by their children's codes, which most profiles repeat
                outcomes = pick(codes)
                codes[i], rows[i] = kept.get(outcomes) or self._group_row(step, tid, outcomes, i)
            done = _kept(tops, leaf_codes, (codes[0], tuple([rows[i] for i in places])), TOPS_KEPT)
        else:
            for i, row in zip(places, done[1], strict=True):
                rows[i] = row
        out: list[CriterionResult] = rows[start:]  # type: ignore[assignment]
        for i, step in reversed(points):  # the points rows, from the last table up: places before stay put
            table = step.points
            assert table is not None
            made: list[CriterionResult] = []
            self._points(table, details[table], state, tid, step.depth + 1, step.node.id, made)
            out[i + 1 - start:i + 1 - start] = made
        return done[0], out

    def _group_row(self, step: _Step, tid: str, outcomes: tuple[int, ...], at: int) -> tuple[int, CriterionResult]:
        """A group's code and row for its children's codes, kept under them (``_tier_rows``). The row
        itself is a function of its status and how many children are met, and is shared by every
        set of codes that gives the same; the tier itself (at 0) has no row."""
        code = all_codes(outcomes) if step.mode == _ALL else any_codes(outcomes)
        entry = None
        if at:
            key = (code, outcomes.count(C_MET), len(outcomes))
            entry = step.rows.get(key)
            if entry is None:  # complete before it is kept: a row kept is read by other profiles
                entry = (step.make or self._maker(step, tid))(NAMES[code])
                entry.counts = (key[1], key[2])
                _kept(step.rows, key, entry)
        return _kept(step.seen, outcomes, (code, entry))

    def _leaf_row(self, step: _Step, state: State, tid: str) -> tuple[int, CriterionResult]:
        """A check's, red line's or question's code and row, made afresh (``_fresher``)."""
        return (step.fresh or self._fresher(step, tid))(state)

    def _walk(self, tid: str) -> Walk:
        """Tier ``tid``'s steps as ``_tier_rows`` walks them, each list children before their group:
        the leaves whose rows are kept (place, step, the one path it reads or None, the paths it reads,
        its store), the other leaves (place, what makes its code and row), the groups (place, step,
        its store by its children's codes, their codes' reader); how many steps; the place of the
        first row (after the tier itself, which has none); the steps points rows follow; the groups'
        places, and the tier's code and those groups' rows kept by all its leaves' codes."""
        flat = self.flat[tid]
        leaves: list[tuple[int, _Step, str | None, tuple[str, ...], dict[Any, tuple[int, CriterionResult]]]] = []
        others: list[tuple[int, Callable[[State], tuple[int, CriterionResult]]]] = []
        groups: list[tuple[int, _Step, dict[tuple[int, ...], tuple[int, CriterionResult]],
                          Callable[[list[int]], tuple[int, ...]]]] = []
        for i, s in reversed(list(enumerate(flat))):
            if s.mode <= _ANY:
                groups.append((i, s, s.seen, s.pick))
            elif s.mode == _KEYED and s.keep:
                leaves.append((i, s, s.one, s.key, s.rows))
            elif s.mode == _KEYED:
                others.append((i, s.fresh or self._fresher(s, tid)))
            elif s.node.kind == "sme":
                others.append((i, partial(self._sme_row, s, tid)))
            else:
                others.append((i, s.fresh or self._scorer(s, tid)))
        start = 1 if flat[0].mode <= _ANY else 0
        return (leaves, others, groups, len(flat), start,
                [(i, s) for i, s in enumerate(flat) if i >= start and s.points is not None],
                tuple([i for i, _, _, _ in groups]), self._tops.setdefault(tid, {}), self._walked.setdefault(tid, [0]))

    def _sme_row(self, step: _Step, tid: str, state: State) -> tuple[int, CriterionResult]:
        """The gate's SME code and row, in every tier: worked out once a profile, for the first tier;
        another tier's row of the same rule at the same place takes its value, inputs and JSON text."""
        code = step.fn(state)[0]
        entry = (step.make or self._maker(step, tid))(NAMES[code])
        first: CriterionResult | None
        where: str | None
        first, where = state.get("\0sme row") or (None, None)  # type: ignore[misc]
        if first is not None and where is not None and where == step.where and first.depth == entry.depth \
                and first.parent == entry.parent:
            entry.value, entry.inputs, entry.missing = first.value, first.inputs, first.missing
            if first.made is None:
                first.made = {}
            entry.made = first.made  # its JSON text, made for the first tier's row, is this row's too
        else:
            self._detail(entry, step, state)
            state["\0sme row"] = (entry, step.where)
        return code, entry

    def _score_row(self, step: _Step, state: State, tid: str) -> tuple[int, CriterionResult]:
        """A score criterion's code and row (``_scorer``)."""
        return (step.fresh or self._scorer(step, tid))(state)

    def _scorer(self, step: _Step, tier: str) -> Callable[[State], tuple[int, CriterionResult]]:
        """A score criterion's code and row on a profile's state, as one closure made once a step: known
        to the point (nothing missing), a function of its points; a range of points, of its status,
        range and missing inputs. The key is found before a row is made: most companies of a batch
        lack some scored figure, and share the row of that range. Six a company, in one tier. Its status
        is worked out here from the points just read, as its compiled check (``_compile``) would."""
        node, rows = step.node, step.rows
        table, group = self.tables[node.table], node.group  # type: ignore[index]
        passes, thr = expr.OPERATORS[node.op], node.threshold  # type: ignore[index]
        make = step.make or self._maker(step, tier)

        def score_row(state: State) -> tuple[int, CriterionResult]:
            low, high, strict, groups = table(state)
            if group is not None:
                low, high, strict = groups[group]
            if low == high:
                known: tuple[object, ...] = (low, strict)
            else:
                code = C_MET if passes(strict, thr) else C_REVIEW if passes(low, thr) else \
                    C_UNKNOWN if passes(high, thr) else C_UNMET
                known = (code, low, high, *(self._missing_of(node, state) if code == C_UNKNOWN else ()))
            hit: tuple[int, CriterionResult] | None = rows.get(known)
            if hit is None:
                if low == high:
                    code = C_MET if passes(strict, thr) else C_REVIEW if passes(low, thr) else \
                        C_UNKNOWN if passes(high, thr) else C_UNMET
                entry = make(NAMES[code])
                self._detail(entry, step, state)
                hit = _kept(rows, known, (code, entry))
            return hit
        step.fresh = score_row
        return score_row

    def _missing_of(self, node: Node, state: State) -> list[str]:
        """The inputs an unknown score criterion lacks: those of its items (of its group) not known to
        the point, in order, each once. Each item's are found once a profile (a table's criteria
        ask them in turn)."""
        table = node.table
        assert table is not None
        at = self._table_keys[table][3]
        lacking: list[tuple[str, list[str]]] | None = state.get(at)  # type: ignore[assignment]
        if lacking is None:
            get = state.get
            lacking = state[at] = [(item.group, [p for p in reads if get(p) is None])
                                   for (item, _, reads), d in zip(self.items[table], self._score_details(table, state),
                                                                  strict=True) if d.low != d.high]
        out: dict[str, None] = {}
        for group, paths in lacking:
            if node.group is None or group == node.group:
                out.update(dict.fromkeys(paths))
        return list(out)

    def _detail(self, c: CriterionResult, step: _Step, state: State) -> None:
        """What a profile gave an SME or score criterion's row (a leaf's: ``_fresher``)."""
        node, kind = step.node, step.node.kind
        if kind == "sme":
            c.value = self._sme(state)[1]
            industry = state.get("industry")
            c.inputs = {"industry": industry}
            for k, _ in self.size_reads.get(industry, ()) if isinstance(industry, str) else ():
                c.inputs.update((p, state.get(p)) for p in self._size_paths[k])
            if c.status == UNKNOWN:
                c.missing = [p for p, v in c.inputs.items() if v is None]
        elif kind == "score":
            low, high, _, groups = self.tables[node.table](state)  # type: ignore[index]
            if node.group is not None:
                low, high, _ = groups[node.group]
            c.value = c.points = low if low == high else None
            c.points_min, c.points_max = low, high
            c.review = c.status == REVIEW
            if c.status == UNKNOWN:
                c.missing = self._missing_of(node, state)

    def _fresher(self, step: _Step, tier: str) -> Callable[[State], tuple[int, CriterionResult]]:
        """A leaf's code and new row on a profile's state, as one closure made once a step: a check's
        value, the inputs it read and the figures its formula is filled in with; a red line's or a
        question's answer. Some 17 leaves a company read amounts and make their rows afresh (their
        values seldom repeat), and the calls and reads of the step's fields that went around the
        work itself (_leaf_row, _detail, _check_detail) were a fifth of a row's cost."""
        make = step.make or self._maker(step, tier)
        fn = step.fn
        if step.node.kind != "check":  # a red line or a question: the answer read is the value
            path = step.key[0]

            def answer_row(state: State) -> tuple[int, CriterionResult]:
                code = fn(state)[0]
                c = make(NAMES[code])
                v = c.value = state.get(path)
                c.inputs = {path: v}
                if v is None:
                    c.missing = [path]
                c.review = code == C_REVIEW
                return code, c
            step.fresh = answer_row
            return answer_row
        value_of, at, reads, wholes = step.value, step.shown, step.reads, step.wholes
        source, show, named = step.source, step.show, step.terms
        assert value_of is not None
        # one or two paths read (a year's revenue; a share's two figures), and two terms read as they are
        # (a share's formula): their dicts made as displays, without a comprehension's call (~25 a result)
        r0, r1 = (*reads, "", "")[:2] if len(reads) <= 2 else ("", "")
        t0, p0, t1, p1 = (named[0][0], named[0][1], named[1][0], named[1][1]) \
            if len(named) == 2 and named[0][1] is not None and named[1][1] is not None else ("", "", "", "")

        def check_row(state: State) -> tuple[int, CriterionResult]:
            """Checks that show the same value (资产负债率 in two tiers, one year's revenue in three)
            share what they read within a profile: it is read once, and the rows, read-only, share
            the dicts."""
            code = fn(state)[0]
            c = make(NAMES[code])
            shown = state.get(at) if at is not None else None
            if shown is None:
                get = state.get
                value = value_of(state, 0)
                terms = None
                if source and (show or not isinstance(value, Decimal)):
                    terms = {t0: get(p0), t1: get(p1)} if p0 else \
                        {text: get(path) if path is not None else read(state, 0)  # type: ignore[misc]
                         for text, path, read in named}
                inputs = {r0: get(r0), r1: get(r1)} if r1 else {r0: get(r0)} if r0 else {p: get(p) for p in reads}
                shown = (value, inputs, terms)
                if at is not None:
                    state[at] = shown
            c.value, c.inputs, terms = shown  # type: ignore[misc]
            if code == C_UNKNOWN:
                missing = c.missing  # a loop, not a comprehension (a function made each row)
                for p, v in c.inputs.items():
                    if v is None:
                        missing.append(p)
                if c.value is None and wholes and all(state.get(p) is None for p in wholes):
                    # the whole, blank too, could decide it alone (3 class I IP hold no 4 of a part): ask it as well
                    c.inputs = {**c.inputs, wholes[0]: None}
                    c.missing.append(wholes[0])
            elif c.value is None and wholes:  # a blank part its whole decides: the whole it was held to
                whole = next((p for p in wholes if state.get(p) is not None), None)
                if whole is not None:
                    c.inputs, c.held_by = {**c.inputs, whole: state[whole]}, whole
            if terms is not None:
                c.formula_source = source
                c.terms = terms
            return code, c
        step.fresh = check_row
        return check_row

    def _maker(self, step: _Step, tier: str) -> Callable[[str], CriterionResult]:
        """The rows of ``step`` (of ``tier``), with what its rule alone says of them: its words, where
        it sits, and of a leaf what it compares with what (``_detail`` adds what the profile gave)."""
        node = step.node
        fixed: dict[str, object] = dict(
            id=node.id, kind=node.kind, title=node.title, depth=step.depth, parent=step.parent, source=node.source,
            confidence=node.confidence, unit=node.unit, note=node.note, evidence=node.evidence, tier=tier, rule=node,
            memo=step.memo)
        if node.kind in ("check", "score"):
            fixed |= {"op": node.op, "threshold": node.threshold}
        only = node.value.only if node.kind == "check" and node.value is not None else None
        if only is not None and only.name in self.rules.derived:
            fixed["formula"] = self.rules.derived[only.name].formula
        if node.kind in ("veto", "qualitative"):
            f = self.rules.fields[node.field]  # type: ignore[index]
            fixed |= {"op": "==", "threshold": node.kind == "qualitative", "field_label": f.label}
            if node.kind == "qualitative":
                fixed["evidence"] = node.evidence or f.evidence
        step.make = row_maker(**fixed)
        return step.make

    def _points(self, table_id: str, details: list[ItemDetail], state: State, tier: str, depth: int, parent: str,
                out: list[CriterionResult]) -> None:
        """The rows of a score table's items, under the first score criterion of a tier that uses it.
        An item's row is kept by the values it read, as its detail is (_score_details); an item whose
        details are not kept (amounts seldom repeat) makes its rows afresh."""
        items = self._item_rows.get((tier, table_id))
        if items is None:
            items = self._item_rows[(tier, table_id)] = self._item_makers(table_id, tier, depth, parent)
        keys: list[tuple[object, ...] | None] = state[self._table_keys[table_id][2]]  # type: ignore[assignment]
        get = state.get
        for (reads, kept, make, scales), s, key in zip(items, details, keys, strict=True):
            if key is not None:
                hit = kept.get(key)
                if hit is not None:
                    out.append(hit)
                    continue
            low, high = s.low, s.high
            known = low == high
            status = UNKNOWN if not known else REVIEW if s.review else MET if low > _ZERO else UNMET
            row = make(status)
            row.value, row.points_min, row.points_max, row.band = s.value, low, high, s.label
            inputs = row.inputs = dict(zip(reads, key, strict=True)) if key is not None else {p: get(p) for p in reads}
            if known:
                row.points = low
            else:
                row.missing = [p for p, v in inputs.items() if v is None]
            row.review = status == REVIEW
            if scales:
                values = s.scale_values
                row.scales = ((scales[0][1], values[scales[0][0]], scales[0][2]),) if len(scales) == 1 else \
                    tuple([(label, values[at], unit) for at, label, unit in scales])
            out.append(_kept(kept, key, row) if key is not None else row)

    def _item_makers(self, table_id: str, tier: str, depth: int, parent: str) -> list[ItemRows]:
        """Each item of a score table as a tier's points rows show it (ItemRows)."""
        table = self.rules.scores[table_id]
        return [(reads, {}, row_maker(
            id=f"{table.id}.points.{item.id}", kind="points", title=item.title, depth=depth, parent=parent,
            required=False, unit=item.scales[0].unit if len(item.scales) == 1 else None, max_points=item.max,
            source=item.source, confidence=item.confidence, evidence=item.evidence, note=item.note, tier=tier,
            item=item, memo={}), tuple((at, sc.label, sc.unit) for at, sc in enumerate(item.scales) if sc.value is not None))
                for item, _, reads in self.items[table_id]]

    def _score_details(self, table_id: str, state: State) -> list[ItemDetail]:
        """Every item of a score table in full, once per profile; the table's sums come from them.
        An item's detail is a function of the values it reads: kept by them, it is worked out once
        for the companies of a batch that give the same (a count of patents, a yes/no question).
        The sums of a table of whole points are kept by its items' points, as a summary's are (a few
        hundred sets in a batch): some 15 Decimal additions a company spared, and the sums, shared,
        hash once for the score rows kept by them (1,151,559 -> 1,118,750 instructions an evaluation)."""
        at, sums, keys_at, _ = self._table_keys[table_id]
        hit: list[ItemDetail] | None = state.get(at)  # type: ignore[assignment]
        if hit is None:
            get = state.get
            details: list[ItemDetail] = []
            keys: list[tuple[object, ...] | None] = []
            for (_, detail, reads), store in zip(self.items[table_id], self._item_kept[table_id], strict=True):
                if not store.keep:
                    details.append(detail(state))
                    keys.append(None)
                    continue
                key = tuple(map(get, reads))
                d: ItemDetail | None = store.rows.get(key)
                if d is None:
                    d = detail(state)
                    _keep_leaf(store, key, d)
                else:
                    store.hits += 1
                    if not store.reuse:
                        d = detail(state)
                details.append(d)
                keys.append(key if store.keep else None)  # rows are kept while details are
            state[at] = hit = details
            state[keys_at] = keys
            if sums not in state:  # the sums, from these very points
                points = tuple([(d.low, d.high, d.strict) for d in details])
                made = self._whole_sums.get(table_id)
                if made is None:
                    state[sums] = _sums(self._members[table_id], points)
                else:  # whole points: equal points have the same digits, and so do their sums
                    total = made.get(points)
                    if total is None:
                        if len(made) >= SUMS_KEPT:
                            made.clear()
                        total = made[points] = _sums(self._members[table_id], points)
                    state[sums] = total
        return hit

    # ---- reading names

    def _leaf(self, param_offset: int) -> expr.Leaf:
        """Reads for a formula evaluated with its year parameter ``y`` at ``param_offset``."""

        def leaf(name: str, offset: int | None, param: bool) -> expr.Compiled | str:
            if param:
                offset = param_offset
            path = self.paths.get((name, offset))
            if path is not None:
                return path  # read straight from the profile's dict
            if name not in self.rules.derived:
                raise ValueError(f"{name} is neither a field nor a derived quantity")  # the loader rejects these
            return self._derived_reader(name, offset or 0)
        return leaf

    def _derived_reader(self, name: str, offset: int) -> expr.Compiled:
        key, fn = self._derived_slot(name, offset)

        def derived(state: State, p: int) -> expr.Value:
            v = state.get(key, _MISS)
            if v is _MISS:
                v = state[key] = fn(state, 0)
            return v  # type: ignore[return-value]
        return derived

    def _derived_slot(self, name: str, offset: int) -> tuple[str, expr.Compiled]:
        """Where a profile's state keeps a derived quantity for a year, and what computes it there."""
        key = f"\0{name}@{offset}"
        fn = self._derived.get(key)
        if fn is None:
            fn = self._derived[key] = self._expr(self.rules.derived[name].expression, offset)
        return key, fn

    def _slot_of(self, e: expr.Expression) -> tuple[str | None, expr.Compiled]:
        """``e`` as a reader that keeps what it computes: a derived quantity's slot and computation,
        which a closure reading it checks itself (one call a read fewer than its reader: a batch row
        reads seven), else no slot and ``e`` compiled."""
        only = e.only
        if only is not None and not only.param and (only.name, only.offset) not in self.paths \
                and only.name in self.rules.derived:
            return self._derived_slot(only.name, only.offset or 0)
        return None, self._expr(e)

    def _floor(self, e: expr.Expression, param_offset: int = 0) -> expr.Compiled | None:
        """The least ``e`` can be with its blank fields at their lowest (an amount's 0), where ``e``
        only adds figures and scales them by positive numbers (``equity[y1] + equity[y2]``, a mean
        of two years), so no blank can take it lower; None for any other formula. What lets a total
        that the given years already carry past its threshold be met though a year is blank."""
        fn, paths = self._floor_of(e, param_offset)
        if fn is None:
            return None
        # Most profiles leave every figure of such a total blank (no equity raised: innovative's direct
        # route asks equity_3y of nearly every batch row), and then the floor is the same number for all:
        # worked out once here, as the formula gives it on an empty profile, and given back once the
        # reads are found blank, not added up again through a closure a term and a binop a sum (~5,000
        # instructions of a summary row's plan.run; a read given still goes the whole way).
        blank = fn({}, 0)
        whole = fn

        def floor(state: State, p: int) -> expr.Value:
            for path in paths:
                if state.get(path) is not None:
                    return whole(state, p)
            return blank
        return floor

    def _floor_of(self, e: expr.Expression, param_offset: int) -> tuple[expr.Compiled | None, tuple[str, ...]]:
        """``_floor`` as its formula gives it, with the concrete paths it reads (None: no floor)."""
        if not _adds_up(e.body):
            return None, ()
        unbounded = False
        paths: dict[str, None] = {}

        def leaf(name: str, offset: int | None, param: bool) -> expr.Compiled | str:
            nonlocal unbounded
            if param:
                offset = param_offset
            path = self.paths.get((name, offset))
            if path is not None:
                least = self.rules.fields[name].value_range()[0]
                unbounded = unbounded or least is None
                paths[path] = None
                return lambda state, p: v if (v := state.get(path)) is not None else least
            inner, reads = self._floor_of(self.rules.derived[name].expression, offset or 0)
            unbounded = unbounded or inner is None
            paths.update(dict.fromkeys(reads))
            return inner or (lambda state, p: None)

        fn = expr.recompile(e, leaf, settled=False)
        return (None, ()) if unbounded else (fn, tuple(paths))

    def _expr(self, e: expr.Expression, param_offset: int = 0) -> expr.Compiled:
        """``e`` compiled to read this plan's profile dicts (``y`` at ``param_offset``)."""
        return expr.recompile(e, self._leaf(param_offset), settled=False)  # a plan never shows a quotient

    # ---- per-profile pieces, computed once

    def _sme(self, state: State) -> tuple[str, str | None]:
        """(status, size) as scoring.classify_size gives them: the report's SME line and, its status,
        the gate's SME criterion (as in the engine). Computed once per profile."""
        hit = state.get("\0sme")
        if hit is None:
            industry = state.get("industry")
            size = self._sizes.get(industry) if isinstance(industry, str) else None
            if size is not None:
                state["\0sme"] = hit = size(state.get)
                return hit
            reads = self.size_reads.get(industry) if isinstance(industry, str) else None
            if reads is None or not isinstance(industry, str):
                hit = scoring.classify_size(self.rules.size, None, {})
            else:
                hit = scoring.classify_size(self.rules.size, industry, {k: fn(state, 0) for k, fn in reads})
            state["\0sme"] = hit
        return hit  # type: ignore[return-value]

    def _compile_table(self, table_id: str, table: ScoreTable) -> Callable[[State], Table]:
        """(low, high, strict low, per group) of a score table, computed once per profile; of a
        table whose items each score by their bands (not a value itself, nor a count of conditions,
        which make new numbers for every company), kept for the profiles whose items score alike."""
        key = f"\0table:{table_id}"
        fns = [self._kept_item(i, self._compile_item(i)) for i in table.items]
        members = self._members.setdefault(table_id, [(g.id, [n for n, i in enumerate(table.items) if i.group == g.id])
                                                      for g in table.groups])

        made: dict[tuple[scoring.Points, ...], Table] = {}
        if any(i.points_from_value is not None or i.each for i in table.items):
            def fresh(state: State) -> Table:
                hit = state.get(key)
                if hit is None:
                    hit = state[key] = _sums(members, [fn(state) for fn in fns])
                return hit  # type: ignore[return-value]
            return fresh

        def scored(state: State) -> Table:
            """The sums of a table whose every item scores by its bands, kept by the items' points:
            their combinations repeat (a few hundred in a batch), and their Decimal additions were
            ~8k instructions a row. Kept by value, a sum may carry another row's digits (5 for
            5.0): the summary shows it as a number (json_number) and a status compares it; a full
            result's sums come from its details first (_score_details), from this store only for a
            table of whole points (_whole_points), whose equal points are equal digits."""
            hit = state.get(key)
            if hit is None:
                got = []  # a loop, not a comprehension: a function made each row, and ``state`` made a cell
                for fn in fns:
                    got.append(fn(state))
                points = tuple(got)  # made once each (points_scorer): no slices to build
                hit = made.get(points)
                if hit is None:
                    if len(made) >= SUMS_KEPT:
                        made.clear()
                    hit = made[points] = _sums(members, points)
                state[key] = hit
            return hit  # type: ignore[return-value]
        if _whole_points(table):
            self._whole_sums[table_id] = made
        return scored

    def _kept_item(self, item: ScoreItem, fn: ItemFn) -> ItemFn:
        """``fn``, its points kept by the values it reads when it reads fields alone (a count of
        patents, a yes/no answer): those repeat across a batch, and an item of conditions (Ⅰ类
        知识产权1项以上, ...) evaluates each in turn, some 6k instructions a row against ~1.5k for the
        lookup. Not an item reading a derived quantity, which a probe may force to a value (``holds``),
        nor one whose points are the value itself (its own digits); amounts stop being kept as a
        leaf's rows do (_keep_leaf)."""
        exprs = [e for e in (item.points_from_value, *(b.when for b in item.each),
                             *(x for sc in item.scales for x in (sc.value, *(b.when for b in sc.bands))))
                 if e is not None]
        if item.points_from_value is not None or any((r.name, r.offset) not in self.paths or r.param
                                                     for e in exprs for r in e.refs):
            return fn
        reads, store = self._item_reads(item), _Store()
        one = reads[0] if len(reads) == 1 else None

        def kept(state: State) -> scoring.Points:
            if not store.keep:
                return fn(state)
            at = state.get(one) if one is not None else tuple(map(state.get, reads))  # one value: its own key
            hit: scoring.Points | None = store.rows.get(at)
            if hit is None:
                hit = fn(state)
                _keep_leaf(store, at, hit)
            else:
                store.hits += 1
            return hit
        return kept

    def _compile_item(self, item: ScoreItem) -> ItemFn:
        """(lowest, highest, lowest without points that await review) of one score item, scored by
        the engine's band functions; a summary needs no more of it."""
        cap = item.max
        if item.points_from_value is not None or item.each:
            return _points_of(self._item_detail(item))
        scales = [(self._expr(sc.value) if sc.value is not None else None,
                   scoring.points_scorer(sc.bands, self._whens(sc.bands))) for sc in item.scales]
        capped = any(b.points > cap for sc in item.scales for b in sc.bands)
        if len(scales) == 1 and not capped:
            value, scorer = scales[0]
            if value is None:
                return lambda state: scorer(None, state)
            slot, compute = self._slot_of(item.scales[0].value)  # type: ignore[arg-type]
            lines = scoring.at_least_lines(item.scales[0].bands, self._whens(item.scales[0].bands), False)
            if slot is not None and lines is not None:  # its "at least" bands scored here too (points_scorer's)
                unknown, floors, missed = lines

                def derived_at_least(state: State) -> scoring.Points:
                    """A derived quantity's points by "at least" bands (R&D share, main business share, growth):
                    the slot and the bands read here, where derived_item called its scorer (~4 a row)."""
                    v = state.get(slot, _MISS)
                    if v is _MISS:
                        v = state[slot] = compute(state, 0)
                    if v is None:
                        return unknown
                    for bound, result in floors:
                        if v >= bound:  # type: ignore[operator]
                            return result
                    return missed
                return derived_at_least
            ceilings = _at_most_lines(item.scales[0].bands)
            if slot is not None and ceilings is not None:  # "at most" bands (the debt ratio), as conditions scores them
                below, missed_all = ceilings
                unknown_all = scorer(None, {})  # no band reads anything but the value: its answer for an unknown

                def derived_at_most(state: State) -> scoring.Points:
                    """A derived quantity's points by "at most" bands (innovative's debt ratio, nearly every
                    batch row): the first band whose ceiling the value is within, as points_scorer's general
                    loop finds it, read here (~2,000 instructions of a summary row's plan.run)."""
                    v = state.get(slot, _MISS)
                    if v is _MISS:
                        v = state[slot] = compute(state, 0)
                    if v is None:
                        return unknown_all
                    for bound, result in below:
                        if v <= bound:  # type: ignore[operator]
                            return result
                    return missed_all
                return derived_at_most
            if slot is not None:  # a derived quantity (R&D share): its slot read here

                def derived_item(state: State) -> scoring.Points:
                    v = state.get(slot, _MISS)
                    if v is _MISS:
                        v = state[slot] = compute(state, 0)
                    return scorer(v, state)  # type: ignore[arg-type]
                return derived_item
            read = value
            return lambda state: scorer(read(state, 0), state)
        if len(scales) == 2 and not capped and _ZERO <= cap:
            # two scales within the cap (tech's R&D input: a share of revenue or of costs): min(x, cap)
            # gives x, and the larger of two (the first of equals) is max's; _best's lists, maxima and
            # minima were ~1 µs of a row
            (read1, scorer1), (read2, scorer2) = scales

            def best_of_two(state: State) -> scoring.Points:
                a0, a1, a2 = scorer1(read1(state, 0) if read1 is not None else None, state)
                b0, b1, b2 = scorer2(read2(state, 0) if read2 is not None else None, state)
                return a0 if a0 >= b0 else b0, a1 if a1 >= b1 else b1, a2 if a2 >= b2 else b2
            return best_of_two
        return lambda state: _best([scorer(read(state, 0) if read is not None else None, state)
                                    for read, scorer in scales], cap)

    def _item_detail(self, item: ScoreItem) -> Callable[[State], ItemDetail]:
        """One score item in full: its points (low, high, strict low), the value scored and the band
        chosen. A best-of item counts its best scale, the first of equals."""
        cap = item.max
        if item.points_from_value is not None:
            pfv = self._expr(item.points_from_value)

            def from_value(state: State) -> ItemDetail:
                v = pfv(state, 0)
                if v is None:
                    return ItemDetail(_ZERO, cap, _ZERO, None, None, False, ())
                pts = min(max(v, _ZERO), cap)
                return ItemDetail(pts, pts, pts, v, None, False, ())  # type: ignore[arg-type]
            return from_value
        if item.each:
            each, each_whens = item.each, self._whens(item.each)

            def each_of(state: State) -> ItemDetail:
                low, high, strict, count, review = scoring.each_points(each, state, each_whens)
                return ItemDetail(min(low, cap), min(high, cap), min(strict, cap), count, None, review, ())
            return each_of
        scales = [(self._expr(sc.value) if sc.value is not None else None,
                   scoring.band_scorer(sc.bands, self._whens(sc.bands))) for sc in item.scales]

        if len(scales) == 1:  # most items: the best of one scale is that scale, spared best_of's lists and maxima
            read, scorer = scales[0]
            if _ZERO <= cap and all(_NO_POINTS < b.points <= cap for b in item.scales[0].bands):
                # every points the scale can give (a band's, or 0) is within the cap and scores: min() and
                # the test of whether it scores would give what they are given, for six items a company
                value = item.scales[0].value
                slot, compute = self._slot_of(value) if value is not None else (None, None)
                lines = scoring.at_least_lines(item.scales[0].bands, self._whens(item.scales[0].bands), True)
                if slot is not None and compute is not None and lines is not None:
                    unknown, floors, missed = lines

                    def derived_within(state: State) -> ItemDetail:
                        """``within`` of a derived quantity by "at least" bands: its slot and bands read
                        here, not by a reader and a scorer called (five items a full result)."""
                        v = state.get(slot, _MISS)
                        if v is _MISS:
                            v = state[slot] = compute(state, 0)
                        if v is None:
                            low, high, strict, chosen = unknown
                        else:
                            for bound, result in floors:
                                if v >= bound:  # type: ignore[operator]
                                    low, high, strict, chosen = result
                                    break
                            else:
                                low, high, strict, chosen = missed
                        if chosen is None:
                            return ItemDetail(low, high, strict, v, None, False, (v,))  # type: ignore[arg-type]
                        return ItemDetail(low, high, strict, v, chosen.label, bool(chosen.review), (v,))  # type: ignore[arg-type]
                    return derived_within

                def within(state: State) -> ItemDetail:
                    v = read(state, 0) if read is not None else None
                    low, high, strict, chosen = scorer(v, state)
                    if chosen is None:
                        return ItemDetail(low, high, strict, v, None, False, (v,))
                    return ItemDetail(low, high, strict, v, chosen.label, bool(chosen.review), (v,))
                return within

            def one(state: State) -> ItemDetail:
                v = read(state, 0) if read is not None else None
                low, high, strict, chosen = scorer(v, state)
                counts = low > _NO_POINTS  # as best_of: a scale's value and band are shown when it scores
                return ItemDetail(min(low, cap), min(high, cap), min(strict, cap), v if counts else None,
                                  chosen.label if counts and chosen is not None else None,
                                  bool(counts and chosen is not None and chosen.review), (v,))
            return one

        def best_of(state: State) -> ItemDetail:
            points, values = [], []
            best, value, label, review = _NO_POINTS, None, None, False
            for read, scorer in scales:
                v = read(state, 0) if read is not None else None
                values.append(v)
                points.append(scorer(v, state))
                low, _, _, chosen = points[-1]
                if low > best:
                    best, value = low, v
                    label = chosen.label if chosen is not None else None
                    review = bool(chosen is not None and chosen.review)
            low, high, strict = _best(points, cap)
            return ItemDetail(low, high, strict, value, label, review, tuple(values))
        return best_of

    def _item_reads(self, item: ScoreItem) -> tuple[str, ...]:
        exprs = [item.points_from_value, *(b.when for b in item.each)]
        for sc in item.scales:
            exprs += [sc.value, *(b.when for b in sc.bands)]
        out: dict[str, None] = {}
        for e in exprs:
            if e is not None:
                out.update(dict.fromkeys(self.reads_of(e)))
        return tuple(out)

    def reads_of(self, e: expr.Expression, param: int = 0) -> tuple[str, ...]:
        """The input paths ``e`` reads (through derived quantities), in the order it reads them."""
        out: dict[str, None] = {}
        for ref in e.refs:
            offset = param if ref.param else ref.offset
            path = self.paths.get((ref.name, offset))
            if path is not None:
                out[path] = None
            elif ref.name in self.rules.derived:
                key = (ref.name, offset or 0)
                if key not in self._derived_reads:
                    self._derived_reads[key] = ()  # a cycle, which the loader rejects, reads nothing more
                    self._derived_reads[key] = self.reads_of(self.rules.derived[ref.name].expression, offset or 0)
                out.update(dict.fromkeys(self._derived_reads[key]))
        return tuple(out)

    def _whens(self, bands: tuple[Band, ...]) -> tuple[scoring.Cond | None, ...]:
        return tuple(self._expr(b.when) if b.when is not None else None for b in bands)

    # ---- compiling nodes

    def _steps(self, node: Node, depth: int, parent: str | None) -> _Step:
        """``node`` of the tier being compiled, its closure and its applicable children."""
        kids = [c for c in node.children if applies(c, self._renewing)]
        children = [self._steps(c, depth + 1, node.id if depth > 0 else None) for c in kids]
        step = _Step(node, self._compile(node, [c.fn for c in children]), depth, parent, children)
        if node.kind in ("all", "any") and (reads := _group_reads(children)) is not None:
            step.fn = _kept_group(step.fn, reads)
        self._nodes[id(node)] = (node, step.fn)
        if node.kind in ("veto", "qualitative"):
            step.key = (self.rules.fields[node.field].path,)  # type: ignore[index]
        if node.kind == "check" and node.value is not None:
            step.value = self._settled(node.value)
            step.key = step.reads = self.reads_of(node.value)
            step.wholes = self._wholes(node)
            step.key += step.wholes  # a blank part's row is decided by its wholes (_capped)
            only = node.value.only
            if only is None:  # a formula: shown filled in when it reads several names or gives no number
                step.source, step.show = node.value.source, len(node.value.refs) > 1
                step.terms = self._terms(step.source, 0)
            elif only.name in self.rules.derived:  # a derived quantity: its own formula, for its year
                step.source, step.show = self.rules.derived[only.name].expression.source, True
                step.terms = self._terms(step.source, only.offset or 0)
        return step

    def _settled(self, e: expr.Expression) -> expr.Compiled:
        """``e`` read as a full result shows it: quotients settled to their shortest form."""
        return expr.recompile(e, self._leaf(0), settled=True)

    def _terms(self, source: str, param: int) -> tuple[tuple[str, str | None, expr.Compiled | None], ...]:
        """Each ``name[year]`` of a formula and how to read its value, for the numbers an explanation
        fills in: a field's path (read from the state as it is), else a derived quantity's read."""
        out = []
        # a word inside a string literal ("employees" in `industry != "employees"`) is text, not a
        # name: read, it would fill the literal with a figure the row's key does not hold (another
        # company's, once the row is shared)
        for m in _REF.finditer(_LITERAL.sub('""', source)):
            name, year = m.group(1), m.group(2)
            if name not in self.rules.fields and name not in self.rules.derived:
                continue
            offset = None if year is None else (param if year == expr.PARAM_YEAR else expr.YEAR_NAMES.get(year, 0))
            read = self._leaf(0)(name, offset, False)
            out.append((m.group(0), (read, None) if isinstance(read, str) else (None, read)))
        return tuple((text, path, fn) for text, (path, fn) in dict(out).items())

    def _compile(self, node: Node, children: list[Compiled]) -> Compiled:
        kind = node.kind
        if kind in ("all", "any"):
            return self._group(node, children)
        if kind == "check":
            value, op, threshold = node.value, node.op, node.threshold
            assert value is not None and op is not None
            unknown, unmet = (C_UNKNOWN, node), (C_UNMET, node)
            only = value.only
            path = self.paths.get((only.name, only.offset)) if only is not None and not only.param else None
            cmp = expr.OPERATORS.get(op)
            caps = self._wholes(node)
            if caps and path is not None and cmp is not None:  # a part of a whole: blank, it can be no more than the whole
                return self._capped(path, caps, cmp, threshold, op in (">=", ">"), node)
            if path is not None and op == ">=":  # a field at least a number, the commonest check: compared inline
                at = path

                def field_at_least(state: State) -> Outcome:
                    v = state.get(at)
                    if v is None:
                        return unknown
                    return _OK if v >= threshold else unmet
                return field_at_least
            if path is not None and cmp is not None:  # a field against a number: the common case, inlined
                read = path

                def field_check(state: State) -> Outcome:
                    v = state.get(read)
                    if v is None:
                        return unknown
                    return _OK if cmp(v, threshold) else unmet
                return field_check
            if cmp is not None:
                binary = cmp
                floor = self._floor(value) if op in _ORDERED else None
                at_least = op in (">=", ">")
                slot, compute = self._slot_of(value)

                def value_check(state: State) -> Outcome:
                    v: object
                    if slot is None:
                        v = compute(state, 0)
                    elif (v := state.get(slot, _MISS)) is _MISS:  # _derived_reader, inlined
                        v = state[slot] = compute(state, 0)
                    if v is None:
                        # a total of several years, some blank: the years given bound it from below
                        # (CONTRACT §3: unknown only while the blank years could change the verdict)
                        low = floor(state, 0) if floor is not None else None
                        if low is not None:
                            held = binary(low, threshold)
                            if at_least and held:
                                return _OK  # already this much, whatever the blank years hold
                            if not at_least and not held:
                                return unmet  # already over the bar
                        return unknown
                    return _OK if binary(v, threshold) else unmet
                return value_check
            holds = expr.comparer(op, threshold)  # in, between
            if path is not None:  # a field in a list or range (an institution's level, an award's rank)
                return self._field_within(path, op, threshold, node)
            fn = self._expr(value)

            def check(state: State) -> Outcome:
                ok = holds(fn(state, 0))
                if ok is None:
                    return unknown
                return _OK if ok else unmet
            return check
        if kind in ("veto", "qualitative"):
            path = self.rules.fields[node.field].path  # type: ignore[index]
            unknown, unmet, review = (C_UNKNOWN, node), (C_UNMET, node), (C_REVIEW, node)
            if kind == "veto":
                present = review if node.when_present == REVIEW else unmet

                def veto(state: State) -> Outcome:
                    v = state.get(path)
                    return unknown if v is None else present if v else _OK
                return veto

            def qualitative(state: State) -> Outcome:
                v = state.get(path)
                return unknown if v is None else review if v else unmet
            return qualitative
        if kind == "sme":
            def sme(state: State) -> Outcome:
                code = CODES[self._sme(state)[0]]
                return _OK if code == C_MET else (code, node)
            return sme
        if kind == "score":
            table, group, score_op, thr = node.table, node.group, node.op, node.threshold
            assert table is not None and score_op is not None
            scored, passes = self.tables[table], expr.OPERATORS[score_op]
            review, unmet, unknown = (C_REVIEW, node), (C_UNMET, node), (C_UNKNOWN, node)
            kept = self._table_keys[table][1]  # where the table's sums are kept once worked out (_compile_table)

            def score(state: State) -> Outcome:
                # the table's sums as kept: most of a row's score criteria come after the first has them
                sums: Table = state.get(kept) or scored(state)  # type: ignore[assignment]
                low, high, strict, groups = sums
                if group is not None:
                    low, high, strict = groups[group]
                if passes(strict, thr):
                    return _OK
                if passes(low, thr):
                    return review
                return unknown if passes(high, thr) else unmet
            return score
        raise ValueError(f"cannot compile a {kind} node")  # the loader admits no other kinds

    def _field_within(self, path: str, op: str, threshold: Any, node: Node) -> Compiled:
        """A field checked against a list (``in``) or a range (``between``), compared as comparer
        does, inline: three calls a check were two of its reader and comparer (~1% of a row)."""
        unknown, unmet = (C_UNKNOWN, node), (C_UNMET, node)
        if op == "between":
            low, high = threshold

            def field_between(state: State) -> Outcome:
                v = state.get(path)
                if v is None:
                    return unknown
                return _OK if low <= v <= high else unmet
            return field_between
        assert op == "in"

        def field_in(state: State) -> Outcome:
            v = state.get(path)
            if v is None:
                return unknown
            return _OK if v in threshold else unmet
        return field_in

    def _wholes(self, node: Node) -> tuple[str, ...]:
        """The wholes whose figures can decide a check of a blank part (``_capped``), else ()."""
        only = node.value.only if node.value is not None else None
        if only is None or only.param or node.op not in _ORDERED or (only.name, only.offset) not in self.paths:
            return ()
        return self.ceiling(only.name, only.offset)

    def _capped(self, path: str, wholes: tuple[str, ...], cmp: Callable[[Any, Any], bool], threshold: Any,
                at_least: bool, node: Node) -> Compiled:
        """A check of a part (Ⅰ类知识产权 applied, of the class I IP) whose blank is decided by its whole:
        met or unmet as at any value up to the least whole known (3 class I IP cannot hold the 4
        asked of the part), else unknown. A profile never holds a part above its whole (§8a)."""
        unknown, unmet = (C_UNKNOWN, node), (C_UNMET, node)
        decided = unmet if at_least else _OK  # the part at its most fails an at-least bar, holds an at-most one

        def capped_check(state: State) -> Outcome:
            v = state.get(path)
            if v is not None:
                return _OK if cmp(v, threshold) else unmet
            for whole in wholes:
                w = state.get(whole)
                if w is not None:
                    return decided if cmp(w, threshold) is not at_least else unknown
            return unknown
        return capped_check

    def _group(self, node: Node, children: list[Compiled]) -> Compiled:
        where = node.place()
        if node.kind == "all":
            children = self._fused(node, children)
            group = all_group(children)
        else:
            bands = self._bands(node)
            group = any_group(children) if not any(bands) else banded_group(
                children, bands, [self._nearness(k) for k in node.children if applies(k, self._renewing)])
        if where is None or where not in self.shared:
            return group
        where = f"{where}:{'renewal' if self._renewing else 'new'}"  # a shared group may hold renewal clauses
        if where not in self._groups:
            key = "\0node:" + where

            def shared(state: State) -> Outcome:
                hit = state.get(key)
                if hit is None:
                    hit = state[key] = group(state)
                return hit  # type: ignore[return-value]
            self._groups[where] = shared
        return self._groups[where]

    def _bands(self, node: Node) -> list[tuple[Compiled, ...]]:
        """Each route of an any-of, its own selectors' closures (compiled before it, in ``_steps``):
        what ``banded_group`` asks of a row every route fails. None anywhere: ``any_group`` as it was."""
        out = []
        for route in node.children:
            if not applies(route, self._renewing):
                continue
            band = []
            for part in route.children:
                hit = self._nodes.get(id(part))
                if part.selector and applies(part, self._renewing) and hit is not None and hit[0] is part:
                    band.append(hit[1])
            out.append(tuple(band))
        return out

    def _nearness(self, node: Node) -> Callable[[State], Nearness]:
        """How near ``node`` is to met on a state, as the report's ``_nearness`` reckons it from the
        rows: a leaf by its closure's code and, failing, its figure's shortfall (a score's, or one that
        is no number, counts 1; no route a selector says holds a score). Made for ``banded_group``."""
        if node.kind in ("all", "any"):
            parts = tuple(self._nearness(k) for k in node.children if applies(k, self._renewing))
            if not parts:
                return lambda state: (0, 0, Decimal(0))
            if node.kind == "any":
                return lambda state: min(p(state) for p in parts)

            def total(state: State) -> Nearness:
                got = [p(state) for p in parts]
                return sum(g[0] for g in got), sum(g[1] for g in got), sum((g[2] for g in got), Decimal(0))
            return total
        fn = self._nodes[id(node)][1]
        value = self._settled(node.value) if node.kind == "check" and node.value is not None else None
        need, op = node.threshold, node.op

        def leaf(state: State) -> Nearness:
            code = fn(state)[0]
            if code in (C_MET, C_REVIEW):
                return (0, -1, Decimal(0))
            if code != C_UNMET:
                return (0, 0, Decimal(0))
            have = value(state, 0) if value is not None else None
            if not isinstance(have, Decimal) or not isinstance(need, Decimal) or need == 0:
                return (1, 0, Decimal(1))
            gap = have - need if op in ("<=", "<") else need - have
            return (1, 0, max(gap, Decimal(0)) / abs(need))
        return leaf

    def _fused(self, node: Node, children: list[Compiled]) -> list[Compiled]:
        """An all-of's children, each run of two or more red lines as one closure (``_red_lines``), and
        each run of two or more score criteria of one table as one (``_scores``)."""
        kids = [c for c in node.children if applies(c, self._renewing)]  # as _steps compiled them
        out: list[Compiled] = []
        run: list[tuple[Node, Compiled]] = []
        for kid, child in zip(kids, children, strict=True):
            if run and (kid.kind != run[0][0].kind or (kid.kind == "score" and kid.table != run[0][0].table)):
                out += self._run_of(run)
                run = []
            if kid.kind in ("veto", "score"):
                run.append((kid, child))
            else:
                out.append(child)
        return out + self._run_of(run)

    def _run_of(self, run: list[tuple[Node, Compiled]]) -> list[Compiled]:
        """A run of an all-of's children of one kind, as ``_fused`` gives it."""
        if len(run) < 2:
            return [child for _, child in run]
        if run[0][0].kind == "veto":
            return _red_lines(run, self.rules)
        return [self._scores([node for node, _ in run])]

    def _scores(self, nodes: list[Node]) -> Compiled:
        """Consecutive score criteria of one table in an all-of (innovative's total and its three groups,
        every row that reaches its scored route), as one closure: all_of over them, each compared as
        ``_compile``'s ``score`` compares it, on the table's sums read once."""
        table = nodes[0].table
        assert table is not None
        scored, kept = self.tables[table], self._table_keys[table][1]
        lines = tuple((n.group, expr.OPERATORS[n.op], n.threshold,  # type: ignore[index]
                       (C_REVIEW, n), (C_UNKNOWN, n), (C_UNMET, n)) for n in nodes)

        def scores(state: State) -> Outcome:
            sums: Table = state.get(kept) or scored(state)  # type: ignore[assignment]
            worst, outcome = C_MET, _OK
            for group, passes, thr, review, unknown, unmet in lines:
                if group is None:
                    low, high, strict = sums[0], sums[1], sums[2]
                else:
                    low, high, strict = sums[3][group]
                if passes(strict, thr):
                    continue
                if passes(low, thr):
                    if worst < C_REVIEW:
                        worst, outcome = C_REVIEW, review
                elif passes(high, thr):
                    if worst < C_UNKNOWN:
                        worst, outcome = C_UNKNOWN, unknown
                else:
                    return unmet
            return outcome
        return scores


def _red_lines(run: list[tuple[Node, Compiled]], rules: RuleSet) -> list[Compiled]:
    """Consecutive red lines of an all-of, two or more as one closure: all_of over them is their own
    all_of (the first unmet, else the first of the worst), so the group's outcome is the same, and
    the gate's six are one call a row, not six."""
    if len(run) < 2:
        return [child for _, child in run]
    lines = tuple((rules.fields[n.field].path,  # type: ignore[index]
                   (C_REVIEW if n.when_present == REVIEW else C_UNMET, n), (C_UNKNOWN, n)) for n, _ in run)

    def red_lines(state: State) -> Outcome:
        get = state.get
        worst, outcome = C_MET, _OK
        for path, present, unknown in lines:  # each as veto (_compile) answers, all_of's loop around it
            v = get(path)
            if v is None:
                if C_UNKNOWN > worst:
                    worst, outcome = C_UNKNOWN, unknown
            elif v:
                if present[0] == C_UNMET:
                    return present
                if present[0] > worst:
                    worst, outcome = present[0], present
        return outcome
    return [red_lines]


_ORDERED = (">=", ">", "<=", "<")


def _adds_up(node: ast.expr) -> bool:
    """Whether a formula only adds names and numbers and multiplies or divides by a positive number:
    it can only grow with each name it reads."""
    if isinstance(node, ast.Name | ast.Subscript):
        return True
    if isinstance(node, ast.Constant):
        return isinstance(node.value, int | float) and not isinstance(node.value, bool)
    if not isinstance(node, ast.BinOp):
        return False
    if isinstance(node.op, ast.Add):
        return _adds_up(node.left) and _adds_up(node.right)
    if isinstance(node.op, ast.Mult | ast.Div) and _positive(node.right):
        return _adds_up(node.left)
    return isinstance(node.op, ast.Mult) and _positive(node.left) and _adds_up(node.right)


def _positive(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, int | float) \
        and not isinstance(node.value, bool) and node.value > 0


def _flatten(root: _Step) -> list[_Step]:
    """A tier's steps in pre-order, each group knowing its children's places, each score table's
    points rows placed after the first score criterion that uses it."""
    flat: list[_Step] = []
    tables: set[str] = set()

    def add(step: _Step) -> int:
        at = len(flat)
        flat.append(step)
        kind = step.node.kind
        step.mode = (_ALL if kind == "all" else _ANY if kind == "any"
                     else _KEYED if kind in ("check", "veto", "qualitative") else _OTHER)
        step.where = step.node.place()
        if kind == "score" and step.node.table not in tables:
            tables.add(step.node.table)  # type: ignore[arg-type]
            step.points = step.node.table
        step.kids = tuple(add(c) for c in step.children)
        if len(step.kids) > 1:
            step.pick = operator.itemgetter(*step.kids)
        else:
            step.pick = (lambda k: lambda codes: tuple([codes[j] for j in k]))(step.kids)
        if step.mode == _KEYED and len(step.key) == 1:
            step.one = step.key[0]
        return at

    add(root)
    return flat


Walk = tuple[list[tuple[int, _Step, str | None, tuple[str, ...], dict[Any, tuple[int, CriterionResult]]]],
             list[tuple[int, Callable[[State], tuple[int, CriterionResult]]]],
             list[tuple[int, _Step, dict[tuple[int, ...], tuple[int, CriterionResult]], Callable[[list[int]], tuple[int, ...]]]],
             int, int, list[tuple[int, _Step]], tuple[int, ...],
             dict[tuple[int, ...], tuple[int, tuple[CriterionResult | None, ...]]], list[int]]
"""A tier's steps as ``_tier_rows`` walks them (``Plan._walk``)."""


def _best(points: Sequence[scoring.BandScore | scoring.Points], cap: Decimal) -> scoring.Points:
    """A best-of item's points from its scales': the highest lowest, highest and strict lowest (the
    first of equals), each within the item's cap; which band counts is the detail's to say."""
    return (min(max([p[0] for p in points]), cap), min(max([p[1] for p in points]), cap),
            min(max([p[2] for p in points]), cap))


def _points_of(detail: Callable[[State], ItemDetail]) -> ItemFn:
    """A score item's points as a summary takes them, from the full detail of the item."""
    def points(state: State) -> scoring.Points:
        d = detail(state)
        return d.low, d.high, d.strict
    return points


_NO_POINTS = Decimal(-1)
"""Below any scale's points: best_of's start, so the first scale that scores is the best so far."""

ROWS_KEPT = 256
"""How many rows a rule keeps for reuse: enough for every value a yes/no question, a level or a
small count takes; an amount seldom repeats, and its rows are let go when the store fills."""


SUMS_KEPT = 4096
"""How many sets of a score table's points keep their sums: a table's points take few values each
(its bands'), and a batch repeats a few hundred of their combinations (336 of innovative's in
20,000 generated companies)."""


TOPS_KEPT = 1024
"""How many sets of a tier's leaf codes keep its groups' rows: 151, 397 and 404 sets in the three
tiers of 4,000 generated companies, the commonest 256 of them 95% of the companies."""


def _at_most_lines(bands: tuple[Band, ...]) -> tuple[tuple[tuple[Decimal, scoring.Points], ...], scoring.Points] | None:
    """A list of "at most" bands without review points or conditions, as points_scorer scores it: each
    ceiling with its band's points, up to the first band without one, and the points when the value
    is over every ceiling (that band's, else none); None for any other list."""
    below: list[tuple[Decimal, scoring.Points]] = []
    missed: scoring.Points = (_ZERO, _ZERO, _ZERO)
    for b in bands:
        if b.review or b.when is not None or b.at_least is not None:
            return None
        points = (b.points, b.points, b.points)
        if b.at_most is None:
            missed = points
            break
        below.append((b.at_most, points))
    return (tuple(below), missed) if below else None


def _whole_points(table: ScoreTable) -> bool:
    """Whether every points a table's item can give is a whole number written without a point (its
    bands' points, its cap, 0), as in both 2026 tables: then points equal in value are equal in
    digits, and so are their sums, and a full result may take a table's sums kept by its items'
    points (``_score_details``) and show the same digits as its own additions would."""
    return all(p.as_tuple().exponent == 0 for item in table.items
               for p in (item.max, *(b.points for sc in item.scales for b in sc.bands), *(b.points for b in item.each)))


def _kept(rows: dict[Any, Any], key: object, row: Any, most: int = ROWS_KEPT) -> Any:
    """``row``, kept under ``key`` for the profiles that read the same values (at most ``most``)."""
    if len(rows) >= most:
        rows.clear()
    rows[key] = row
    return row


def _keep_row(step: _Step, key: object, hit: object, walk: int) -> None:
    """``_keep_leaf`` for a leaf of a tier's walk (``_tier_rows``), which reads its store once a walk: the
    hits since the store last emptied are the walks since then less its misses, and are not counted
    one by one (~49 kept leaves a full result, ~1% of it). The same rows kept, the same let go."""
    rows: dict[Any, Any] = step.rows
    if len(rows) >= ROWS_KEPT:
        rows.clear()
        if walk - step.since - ROWS_KEPT < ROWS_KEPT // 4:  # the misses: the rows kept and this one
            step.keep = False
            return
        step.since = walk
    rows[key] = hit


_PROBED = "\0probed"
"""Where a probe's state (``Plan._state``) says a derived quantity was forced to a value: what a group
reads then is no longer what decides it."""


def _group_reads(children: list[_Step]) -> tuple[str, ...] | None:
    """The input paths a group's outcome is a function of: every leaf under it a check, a red line or a
    question (each its ``key``: the fields it reads, through derived quantities, and the wholes of a
    part); None for a group with a score, the SME criterion or a leaf that reads nothing."""
    out: dict[str, None] = {}
    for child in children:
        kind = child.node.kind
        if kind in ("all", "any"):
            inner = _group_reads(child.children)
            if inner is None:
                return None
            out.update(dict.fromkeys(inner))
        elif kind in ("check", "veto", "qualitative") and child.key:
            out.update(dict.fromkeys(child.key))
        else:
            return None
    return tuple(out)


def _kept_group(group: Compiled, reads: tuple[str, ...]) -> Compiled:
    """``group``, its outcome kept by the values of what it reads (``_group_reads``): a group of yes/no
    answers, levels, ranks and counts (innovative's and tech's direct routes: awards, honours, an
    institution, equity raised; the market and IP routes) sees the same few values in row after row, most
    of them blank, and its children's closures (a formula's boolop and comparisons each) were called
    again for each. Its outcome (a status code and the criterion holding it back) depends on those values
    alone, compared as values: a profile's value at a path is of its field's type. A group of amounts sees
    new ones in every row, and stops keeping once its store fills without paying (``_keep_leaf``); a
    probe's state, with a derived quantity forced, is worked out afresh."""
    store = _Store()
    one = reads[0] if len(reads) == 1 else None

    def kept_group(state: State) -> Outcome:
        if not store.keep or _PROBED in state:
            return group(state)
        key = state.get(one) if one is not None else tuple(map(state.get, reads))
        hit: Outcome | None = store.rows.get(key)
        if hit is None:
            hit = group(state)
            _keep_leaf(store, key, hit)
        else:
            store.hits += 1
        return hit
    return kept_group


def _keep_leaf(step: _Store, key: object, hit: object) -> None:
    """A leaf's code and row kept for reuse, unless its rows seldom repeat: a criterion that reads amounts
    (revenue, R&D spending) sees a new value in nearly every company, and keeping its rows costs a
    hash of those amounts and a store that fills and empties; once a full store was read again
    fewer than ROWS_KEPT / 4 times, the leaf makes its rows afresh for the rest of the run."""
    rows: dict[Any, Any] = step.rows
    if len(rows) >= ROWS_KEPT:
        rows.clear()
        if step.hits < ROWS_KEPT // 4:
            step.keep = False
            return
        step.hits = 0
    rows[key] = hit


def _sums(members: list[tuple[str, list[int]]], points: Sequence[scoring.Points]) -> Table:
    """A score table's (low, high, strict low) in all and per group, from its items' points (in the
    table's order; ``members``: each group's items, by their places in it).

    An item known to the point gives one Decimal as its low, high and strict low (the band's own
    points), and while every sum so far is one Decimal too, the three sums are one addition, not
    three: the same operands give the same sum. A Decimal addition is some 1,700 instructions, and
    a batch row's innovative table made 27 of them where it now makes 9."""
    groups = {}
    low = high = strict = _ZERO
    for group, items in members:
        g_low = g_high = g_strict = _ZERO
        for i in items:
            lo, hi, st = points[i]
            if lo is hi is st and g_low is g_high is g_strict:
                g_low = g_high = g_strict = g_low + lo
            else:
                g_low, g_high, g_strict = g_low + lo, g_high + hi, g_strict + st
        groups[group] = (g_low, g_high, g_strict)
        if g_low is g_high is g_strict and low is high is strict:
            low = high = strict = low + g_low
        else:
            low, high, strict = low + g_low, high + g_high, strict + g_strict
    return low, high, strict, groups


def plan_for(rules: RuleSet, last_year: int, renewal: str | None) -> Plan:
    """The compiled plan, built once per rule set, year and applicant type in a process."""
    plans: dict[tuple[int, str | None], Plan] = rules.memo.setdefault("plan", {})
    key = (last_year, renewal)
    if key not in plans:
        plans[key] = Plan(rules, last_year, renewal)
    return plans[key]
