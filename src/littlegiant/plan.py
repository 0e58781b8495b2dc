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
from littlegiant.rules import Node, RuleSet, ScoreItem

_RANK_ALL = {UNMET: 3, UNKNOWN: 2, REVIEW: 1, MET: 0}  # the worst wins in an all-of
_RANK_ANY = {MET: 3, REVIEW: 2, UNKNOWN: 1, UNMET: 0}  # the best wins in an any-of

Outcome = tuple[str, str | None]  # (status, the first leaf id holding it back, None when met)


@dataclass
class TierSummary:
    status: str
    score: Decimal | None
    score_min: Decimal | None
    score_max: Decimal | None
    blocker: str | None


@dataclass
class Summary:
    sme_status: str
    sme_size: str | None
    tiers: dict[str, TierSummary]


class _Env:
    """What compiled formulas read: fields by (name, year offset), derived quantities memoised."""

    __slots__ = ("derived", "memo", "paths", "reads", "values")

    def __init__(self, plan: Plan, values: dict[str, object]) -> None:
        self.paths = plan.paths
        self.derived = plan.derived
        self.values = values
        self.memo: dict[tuple[str, int | None], expr.Value] = {}
        self.reads: dict[str, expr.Value] = {}  # engine._score_item resets it; nothing is recorded here

    def get(self, name: str, offset: int | None) -> expr.Value:
        path = self.paths.get((name, offset))
        if path is not None:
            return self.values.get(path)  # type: ignore[return-value]
        key = (name, offset)
        if key in self.memo:
            return self.memo[key]
        value = self.derived[name](self, offset or 0)
        self.memo[key] = value
        return value


class _State:
    """Per profile: the environment, and the score tables and SME size once computed."""

    __slots__ = ("env", "sme", "sme_full", "tables")

    def __init__(self, env: _Env) -> None:
        self.env = env
        self.tables: dict[str, tuple[Decimal, Decimal, Decimal, dict[str, tuple[Decimal, Decimal, Decimal]]]] = {}
        self.sme: tuple[str, str | None] | None = None
        self.sme_full = False


Compiled = Callable[[_State], Outcome]


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
        self.derived = {d.id: d.expression for d in rules.derived.values()}
        self.items = {tid: [(item.group, _compile_item(item)) for item in t.items] for tid, t in rules.scores.items()}
        self.groups = {tid: [g.id for g in t.groups] for tid, t in rules.scores.items()}
        self.tiers: list[tuple[str, Compiled, str | None]] = [
            (tid, self._compile(tier.criteria), tier.score_table) for tid, tier in rules.tiers.items()]

    def run(self, values: dict[str, object]) -> Summary:
        state = _State(_Env(self, values))
        tiers = {}
        for tid, fn, table in self.tiers:
            status, blocker = fn(state)
            score = low = high = None
            if table is not None:
                low, high, _, _ = self._table(state, table)
                score = low if low == high else None
            tiers[tid] = TierSummary(status, score, low, high, blocker)
        sme_status, size = self._sme(state, size_too=True)
        return Summary(sme_status, size, tiers)

    def tier_status(self, values: dict[str, object], tier_id: str) -> str:
        """One tier's status alone (what a screen for a single title needs)."""
        for tid, fn, _ in self.tiers:
            if tid == tier_id:
                return fn(_State(_Env(self, values)))[0]
        raise KeyError(tier_id)

    # ---- per-profile pieces, computed once

    def _sme(self, state: _State, *, size_too: bool = False) -> tuple[str, str | None]:
        """(status, size); the status alone needs only the ceiling figures, so criteria ask for that."""
        if state.sme is None or (size_too and not state.sme_full):
            size = self.rules.size
            industry = state.env.values.get("industry")
            inputs: dict[str, expr.Value] = {}
            if isinstance(industry, str) and industry in size.industries:
                cls = size.industries[industry]
                for k in (set(cls.ceiling) | set(cls.medium)) if size_too else cls.ceiling:
                    inputs[k] = size.inputs[k](state.env)
            state.sme = engine.classify_size(size, industry if isinstance(industry, str) else None, inputs)
            state.sme_full = size_too
        return state.sme

    def _table(self, state: _State, table_id: str) -> tuple[Decimal, Decimal, Decimal, dict[str, tuple[Decimal, Decimal, Decimal]]]:
        hit = state.tables.get(table_id)
        if hit is None:
            sums = {g: [Decimal(0), Decimal(0), Decimal(0)] for g in self.groups[table_id]}
            low = high = strict = Decimal(0)
            for group, item in self.items[table_id]:
                lo, hi, st = item(state.env)
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
            value, op, threshold = node.value, node.op or ">=", node.threshold
            assert node.op is not None
            assert value is not None

            holds, fn = expr.comparer(op, threshold), value.fn

            def check(state: _State) -> Outcome:
                ok = holds(fn(state.env, 0))
                if ok is None:
                    return UNKNOWN, nid
                return (MET, None) if ok else (UNMET, nid)
            return check
        if kind in ("veto", "qualitative"):
            path = self.rules.fields[node.field].path  # type: ignore[index]
            veto = kind == "veto"

            def answer(state: _State) -> Outcome:
                v = state.env.values.get(path)
                if v is None:
                    return UNKNOWN, nid
                if veto:
                    return (UNMET, nid) if v else (MET, None)
                return (REVIEW, nid) if v else (UNMET, nid)
            return answer
        if kind == "sme":
            def sme(state: _State) -> Outcome:
                status = self._sme(state)[0]
                return status, (None if status == MET else nid)
            return sme
        if kind == "score":
            table, group, score_op, thr = node.table, node.group, node.op, node.threshold
            assert table is not None

            def passes(x: Decimal) -> bool:
                return bool(x >= thr) if score_op == ">=" else bool(x > thr)

            def score(state: _State) -> Outcome:
                low, high, strict, groups = self._table(state, table)
                if group is not None:
                    low, high, strict = groups[group]
                if passes(strict):
                    return MET, None
                if passes(low):
                    return REVIEW, nid
                if not passes(high):
                    return UNMET, nid
                return UNKNOWN, nid
            return score
        raise ValueError(f"cannot compile a {kind} node")  # the loader admits no other kinds

    def _group(self, node: Node) -> Compiled:
        children = [self._compile(c) for c in node.children if self._applies(c)]
        if node.kind == "all":
            def all_of(state: _State) -> Outcome:
                worst, first = MET, None
                for child in children:
                    status, blocker = child(state)
                    if status != MET and first is None:
                        first = blocker
                    if status == UNMET:
                        return UNMET, first
                    if _RANK_ALL[status] > _RANK_ALL[worst]:
                        worst = status
                return worst, first
            return all_of

        def any_of(state: _State) -> Outcome:
            best, first = UNMET, None
            for child in children:
                status, blocker = child(state)
                if status == MET:
                    return MET, None
                if first is None:
                    first = blocker
                if _RANK_ANY[status] > _RANK_ANY[best]:
                    best = status
            return best, first
        return any_of


ItemFn = Callable[[_Env], tuple[Decimal, Decimal, Decimal]]
_ZERO = Decimal(0)


def _compile_item(item: ScoreItem) -> ItemFn:
    """(lowest, highest, lowest without points that await review) of one score item, as engine.score_item."""
    cap = item.max
    if item.points_from_value is not None:
        pfv = item.points_from_value

        def from_value(env: _Env) -> tuple[Decimal, Decimal, Decimal]:
            v = pfv(env)
            if v is None:
                return _ZERO, cap, _ZERO
            pts = min(max(v, _ZERO), cap)  # type: ignore[type-var]
            return pts, pts, pts  # type: ignore[return-value]
        return from_value
    if item.each:
        each = [(b.when, b.points, b.review) for b in item.each]

        def each_of(env: _Env) -> tuple[Decimal, Decimal, Decimal]:
            low = high = strict = _ZERO
            for when, pts, review in each:
                c = when(env) if when is not None else True
                if c is None:
                    high += pts
                elif c:
                    low += pts
                    high += pts
                    if not review:
                        strict += pts
            return min(low, cap), min(high, cap), min(strict, cap)
        return each_of
    scales = [(sc.value, [(b.at_least, b.at_most, b.when, b.points, b.review) for b in sc.bands]) for sc in item.scales]

    def banded(env: _Env) -> tuple[Decimal, Decimal, Decimal]:
        best_low = best_high = best_strict = _ZERO
        first = True
        for value, bands in scales:
            v = value(env) if value is not None else None
            low, high, strict = _scan(bands, v, env)
            if first or low > best_low:
                best_low = low
            if first or high > best_high:
                best_high = high
            if first or strict > best_strict:
                best_strict = strict
            first = False
        return min(best_low, cap), min(best_high, cap), min(best_strict, cap)
    return banded


Band = tuple[Decimal | None, Decimal | None, expr.Expression | None, Decimal, bool]


def _scan(bands: list[Band], v: expr.Value, env: _Env) -> tuple[Decimal, Decimal, Decimal]:
    """First-match bands over an unknown-aware condition: possible points, and the strict low."""
    low = high = None
    strict: Decimal | None = None
    strict_open = True  # no band surely chosen yet when review bands count as not holding
    strict_possible: list[Decimal] = []
    settled = False
    for at_least, at_most, when, pts, review in bands:
        if at_least is not None:
            c = None if v is None else v >= at_least  # type: ignore[operator]
        elif at_most is not None:
            c = None if v is None else v <= at_most  # type: ignore[operator]
        elif when is not None:
            w = when(env)
            c = None if w is None else bool(w)
        else:
            c = True
        if strict_open:
            sc = False if review else c
            if sc is None:
                strict_possible.append(pts)
            elif sc:
                strict_possible.append(pts)
                strict_open = False
        if not settled:
            if c is None:
                low = pts if low is None or pts < low else low
                high = pts if high is None or pts > high else high
            elif c:
                low = pts if low is None or pts < low else low
                high = pts if high is None or pts > high else high
                settled = True
        if settled and not strict_open:
            break
    if not settled:
        low = _ZERO if low is None or _ZERO < low else low
        high = _ZERO if high is None or _ZERO > high else high
    if strict_open:
        strict_possible.append(_ZERO)
    strict = min(strict_possible)
    assert low is not None and high is not None
    return low, high, strict


_PLANS: dict[tuple[int, int, bool], Plan] = {}


def plan_for(rules: RuleSet, last_year: int, renewal: bool) -> Plan:
    """The compiled plan, built once per rule set, year and applicant type in a process."""
    key = (id(rules), last_year, renewal)
    if key not in _PLANS:
        _PLANS[key] = Plan(rules, last_year, renewal)
    return _PLANS[key]
