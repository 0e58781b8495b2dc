"""A rule set compiled for screening: statuses and scores only, no explanations.

``engine.evaluate`` builds every criterion's explanation, inputs and missing list, which is
what reports need and most of its cost. Batch summaries need only each tier's status and
score, SME size and the first criterion holding a tier back, so this plan evaluates the same
compiled formulas, bands and combination rules without building any of that, and stops an
all-of group at its first unmet child and an any-of group at its first met one. The test
suite holds it to exactly the statuses, scores and blockers that ``evaluate`` gives.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from littlegiant import engine, expr
from littlegiant.result import MET, REVIEW, UNKNOWN, UNMET
from littlegiant.rules import Node, RuleSet, ScoreItem, Text

# Statuses as codes ordered from best to worst: an all-of takes the highest, an any-of the lowest
# (CONTRACT.md: unmet > unknown > manual_review > met for all-of, the reverse for any-of).
C_MET, C_REVIEW, C_UNKNOWN, C_UNMET = 0, 1, 2, 3
_NAMES = (MET, REVIEW, UNKNOWN, UNMET)
_OK: tuple[int, None] = (C_MET, None)

Outcome = tuple[int, str | None]  # (status code, the first leaf id holding it back, None when met)


@dataclass
class TierSummary:
    status: str
    score: Decimal | None
    score_min: Decimal | None
    score_max: Decimal | None
    blocker: str | None
    blocker_title: Text | None = None


@dataclass
class Summary:
    sme_status: str
    sme_size: str | None
    tiers: dict[str, TierSummary]


class _Env:
    """Per profile: what compiled formulas read (fields by name and year offset, derived quantities
    memoised), and the score tables and SME size once computed."""

    __slots__ = ("derived", "memo", "paths", "reads", "sme", "sme_code", "tables", "values")

    def __init__(self, plan: Plan, values: dict[str, object]) -> None:
        self.paths = plan.paths
        self.derived = plan.derived
        self.values = values
        self.memo: dict[tuple[str, int | None], expr.Value] = {}
        self.reads: dict[str, expr.Value] = {}  # the Env protocol's; nothing is recorded here
        self.tables: dict[str, tuple[Decimal, Decimal, Decimal, dict[str, tuple[Decimal, Decimal, Decimal]]]] = {}
        self.sme: tuple[str, str | None] | None = None
        self.sme_code: int | None = None

    def get(self, name: str, offset: int | None) -> expr.Value:
        key = (name, offset)
        path = self.paths.get(key)
        if path is not None:
            return self.values.get(path)  # type: ignore[return-value]
        if key in self.memo:  # a derived quantity, already computed for this profile
            return self.memo[key]
        value = self.derived[name](self, offset or 0)
        self.memo[key] = value
        return value


Compiled = Callable[[_Env], Outcome]


class Plan:
    """One rule set for one last year and applicant type, compiled to closures."""

    def __init__(self, rules: RuleSet, last_year: int, renewal: bool) -> None:
        self.rules = rules
        self.renewal = renewal
        self.paths: dict[tuple[str, int | None], str] = {}
        for f in rules.fields.values():
            if f.per_year:
                for offset in range(len(expr.YEAR_NAMES)):
                    self.paths[(f.id, offset)] = f.concrete_path(last_year - offset)
            else:
                self.paths[(f.id, None)] = f.path
        self.derived = {d.id: d.expression.fn for d in rules.derived.values()}
        self.titles = {node.id: node.title for _, node in rules.all_nodes()}
        self.ceilings = {iid: [(rules.size.inputs[k].fn, bound) for k, bound in cls.ceiling.items()]
                         for iid, cls in rules.size.industries.items()}
        self.items = {tid: [(item.group, _compile_item(item)) for item in t.items] for tid, t in rules.scores.items()}
        self.groups = {tid: [g.id for g in t.groups] for tid, t in rules.scores.items()}
        self.tiers: list[tuple[str, Compiled, str | None]] = [
            (tid, self._compile(tier.criteria), tier.score_table) for tid, tier in rules.tiers.items()]

    def run(self, values: dict[str, object]) -> Summary:
        state = _Env(self, values)
        tiers = {}
        for tid, fn, table in self.tiers:
            code, blocker = fn(state)
            status = _NAMES[code]
            score = low = high = None
            if table is not None:
                low, high, _, _ = self._table(state, table)
                score = low if low == high else None
            tiers[tid] = TierSummary(status, score, low, high, blocker,
                                     self.titles.get(blocker) if blocker is not None else None)
        sme_status, size = self._sme(state)
        return Summary(sme_status, size, tiers)

    def tier_status(self, values: dict[str, object], tier_id: str) -> str:
        """One tier's status alone (what a screen for a single title needs)."""
        for tid, fn, _ in self.tiers:
            if tid == tier_id:
                return _NAMES[fn(_Env(self, values))[0]]
        raise KeyError(tier_id)

    # ---- per-profile pieces, computed once

    def _sme(self, state: _Env) -> tuple[str, str | None]:
        """(status, size) as engine.classify_size gives them (the report's SME line)."""
        if state.sme is None:
            size = self.rules.size
            industry = state.values.get("industry")
            inputs: dict[str, expr.Value] = {}
            if isinstance(industry, str) and industry in size.industries:
                cls = size.industries[industry]
                for k in set(cls.ceiling) | set(cls.medium):
                    inputs[k] = size.inputs[k](state)
            state.sme = engine.classify_size(size, industry if isinstance(industry, str) else None, inputs)
        return state.sme

    def _sme_status(self, state: _Env) -> int:
        """Whether it is an SME at all: 'X以下' under any ceiling figure (the first step of classify_size)."""
        if state.sme_code is None:
            spec = self.ceilings.get(state.values.get("industry"))  # type: ignore[call-overload]
            code = C_UNKNOWN
            if spec is not None:
                unknown = False
                for fn, bound in spec:
                    v = fn(state, 0)
                    if v is None:
                        unknown = True
                    elif v < bound:  # type: ignore[operator]
                        code = C_MET
                        break
                else:
                    code = C_UNKNOWN if unknown else C_UNMET
            state.sme_code = code
        return state.sme_code

    def _table(self, state: _Env, table_id: str) -> tuple[Decimal, Decimal, Decimal, dict[str, tuple[Decimal, Decimal, Decimal]]]:
        hit = state.tables.get(table_id)
        if hit is None:
            sums = {g: [Decimal(0), Decimal(0), Decimal(0)] for g in self.groups[table_id]}
            low = high = strict = Decimal(0)
            for group, item in self.items[table_id]:
                lo, hi, st = item(state)
                acc = sums[group]
                acc[0] += lo
                acc[1] += hi
                acc[2] += st
                low += lo
                high += hi
                strict += st
            hit = (low, high, strict, {g: (a[0], a[1], a[2]) for g, a in sums.items()})
            state.tables[table_id] = hit
        return hit

    # ---- compiling nodes

    def _applies(self, node: Node) -> bool:
        return node.applies == "always" or (node.applies == "renewal") == self.renewal

    def _compile(self, node: Node) -> Compiled:
        kind = node.kind
        if kind in ("all", "any"):
            return self._group(node)
        nid = node.id
        if kind == "check":
            value, op, threshold = node.value, node.op, node.threshold
            assert value is not None and op is not None
            holds, fn = expr.comparer(op, threshold), value.fn
            unknown, unmet = (C_UNKNOWN, nid), (C_UNMET, nid)

            def check(state: _Env) -> Outcome:
                ok = holds(fn(state, 0))
                if ok is None:
                    return unknown
                return _OK if ok else unmet
            return check
        if kind in ("veto", "qualitative"):
            path = self.rules.fields[node.field].path  # type: ignore[index]
            unknown, unmet, review = (C_UNKNOWN, nid), (C_UNMET, nid), (C_REVIEW, nid)
            if kind == "veto":
                def veto(state: _Env) -> Outcome:
                    v = state.values.get(path)
                    return unknown if v is None else unmet if v else _OK
                return veto

            def qualitative(state: _Env) -> Outcome:
                v = state.values.get(path)
                return unknown if v is None else review if v else unmet
            return qualitative
        if kind == "sme":
            def sme(state: _Env) -> Outcome:
                code = self._sme_status(state)
                return _OK if code == C_MET else (code, nid)
            return sme
        if kind == "score":
            table, group, score_op, thr = node.table, node.group, node.op, node.threshold
            assert table is not None

            def passes(x: Decimal) -> bool:
                return bool(x >= thr) if score_op == ">=" else bool(x > thr)

            def score(state: _Env) -> Outcome:
                low, high, strict, groups = self._table(state, table)
                if group is not None:
                    low, high, strict = groups[group]
                if passes(strict):
                    return _OK
                if passes(low):
                    return C_REVIEW, nid
                if not passes(high):
                    return C_UNMET, nid
                return C_UNKNOWN, nid
            return score
        raise ValueError(f"cannot compile a {kind} node")  # the loader admits no other kinds

    def _group(self, node: Node) -> Compiled:
        children = [self._compile(c) for c in node.children if self._applies(c)]
        if node.kind == "all":
            def all_of(state: _Env) -> Outcome:
                worst, first = C_MET, None
                for child in children:
                    code, blocker = child(state)
                    if code:
                        if first is None:
                            first = blocker
                        if code == C_UNMET:
                            return C_UNMET, first
                        if code > worst:
                            worst = code
                return worst, first
            return all_of

        def any_of(state: _Env) -> Outcome:
            best, first = C_UNMET, None
            for child in children:
                code, blocker = child(state)
                if not code:
                    return _OK
                if first is None:
                    first = blocker
                if code < best:
                    best = code
            return best, first
        return any_of


ItemFn = Callable[[_Env], tuple[Decimal, Decimal, Decimal]]
_ZERO = Decimal(0)


def _compile_item(item: ScoreItem) -> ItemFn:
    """(lowest, highest, lowest without points that await review) of one score item, scored by the
    engine's own band functions; only the labels and reads that reports need are left out."""
    cap = item.max
    if item.points_from_value is not None:
        pfv = item.points_from_value.fn

        def from_value(env: _Env) -> tuple[Decimal, Decimal, Decimal]:
            v = pfv(env, 0)
            if v is None:
                return _ZERO, cap, _ZERO
            pts = min(max(v, _ZERO), cap)  # type: ignore[type-var]
            return pts, pts, pts  # type: ignore[return-value]
        return from_value
    if item.each:
        each = item.each

        def each_of(env: _Env) -> tuple[Decimal, Decimal, Decimal]:
            low, high, strict, _, _ = engine.each_points(each, env)
            return min(low, cap), min(high, cap), min(strict, cap)
        return each_of
    scales = [(sc.value.fn if sc.value is not None else None, sc.bands) for sc in item.scales]

    def banded(env: _Env) -> tuple[Decimal, Decimal, Decimal]:
        lows, highs, stricts = [], [], []
        for value, bands in scales:
            low, high, strict, _ = engine.band_points(bands, value(env, 0) if value is not None else None, env)
            lows.append(low)
            highs.append(high)
            stricts.append(strict)
        return min(max(lows), cap), min(max(highs), cap), min(max(stricts), cap)
    return banded


_PLANS: dict[tuple[int, int, bool], Plan] = {}


def plan_for(rules: RuleSet, last_year: int, renewal: bool) -> Plan:
    """The compiled plan, built once per rule set, year and applicant type in a process."""
    key = (id(rules), last_year, renewal)
    if key not in _PLANS:
        _PLANS[key] = Plan(rules, last_year, renewal)
    return _PLANS[key]
