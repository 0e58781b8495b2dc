"""A rule set compiled for screening: statuses and scores only, no explanations.

``engine.evaluate`` builds every criterion's explanation, inputs and missing list, which is
what reports need and most of its cost. Batch summaries need only each tier's status and
score, SME size and the first criterion holding a tier back, so this plan evaluates the same
compiled formulas, bands and combination rules without building any of that, and stops an
all-of group at its first unmet child and an any-of group at its first met one. The test
suite holds it to exactly the statuses, scores and blockers that ``evaluate`` gives.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from littlegiant.core import engine
from littlegiant.core.result import MET, REVIEW, UNKNOWN, UNMET
from littlegiant.load import expr
from littlegiant.load.rules import Band, Node, RuleSet, ScoreItem, ScoreTable, Text

# Statuses as codes ordered from best to worst: an all-of takes the highest, an any-of the lowest
# (docs/output.md §5: unmet > unknown > manual_review > met for all-of, the reverse for any-of).
C_MET, C_REVIEW, C_UNKNOWN, C_UNMET = 0, 1, 2, 3
_NAMES = (MET, REVIEW, UNKNOWN, UNMET)
_OK: tuple[int, None] = (C_MET, None)
_CODES = {name: code for code, name in enumerate(_NAMES)}

Outcome = tuple[int, str | None]  # (status code, the first leaf id holding it back, None when met)


@dataclass(slots=True)
class TierSummary:
    status: str
    score: Decimal | None
    score_min: Decimal | None
    score_max: Decimal | None
    blocker: str | None
    blocker_title: Text | None = None


@dataclass(slots=True)
class Summary:
    sme_status: str
    sme_size: str | None
    tiers: dict[str, TierSummary]


_MISS = object()
State = dict[str, object]
"""One profile's evaluation: a copy of its values (path → value), to which the plan adds what it
computes once per profile (derived quantities, score tables, SME status) under keys that start
with a NUL, which no profile path can."""

Compiled = Callable[[State], Outcome]
Table = tuple[Decimal, Decimal, Decimal, dict[str, tuple[Decimal, Decimal, Decimal]]]
ItemFn = Callable[[State], "engine.BandScore"]
_ZERO = Decimal(0)


class Plan:
    """One rule set for one last year and applicant type, compiled to closures.

    Every name a formula reads is resolved here, once: a field to its concrete path (the year
    filled in), a derived quantity to a memo slot. Evaluating a profile then reads its dict
    directly, which is most of what makes a batch of 100,000 rows fast.
    """

    def __init__(self, rules: RuleSet, last_year: int, renewal: str | None) -> None:
        self.rules = rules
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
        self.titles = {node.id: node.title for _, node in rules.all_nodes()}
        size_inputs = {k: self._expr(e) for k, e in rules.size.inputs.items()}
        self.size_reads = {iid: [(k, size_inputs[k]) for k in sorted(set(cls.ceiling) | set(cls.medium))]
                           for iid, cls in rules.size.industries.items()}
        self.tables = {tid: self._compile_table(tid, t) for tid, t in rules.scores.items()}
        # Groups that several tiers use (the gate) are evaluated once per profile.
        seen = Counter(_where(n) for tier in rules.tiers.values() for n in tier.criteria.walk())
        self.shared = {where for where, count in seen.items() if count > 1 and where is not None}
        self._groups: dict[str, Compiled] = {}
        self.tiers: list[tuple[str, Compiled, Callable[[State], Table] | None]] = []
        for tid, tier in rules.tiers.items():
            self._renewing = renewal == tid
            self.tiers.append((tid, self._compile(tier.criteria),
                               self.tables[tier.score_table] if tier.score_table else None))

    def run(self, values: dict[str, object]) -> Summary:
        state = dict(values)
        tiers = {}
        for tid, fn, table in self.tiers:
            code, blocker = fn(state)
            score = low = high = None
            if table is not None:
                low, high, _, _ = table(state)
                score = low if low == high else None
            tiers[tid] = TierSummary(_NAMES[code], score, low, high, blocker,
                                     self.titles.get(blocker) if blocker is not None else None)
        sme_status, size = self._sme(state)
        return Summary(sme_status, size, tiers)

    def tier_status(self, values: dict[str, object], tier_id: str) -> str:
        """One tier's status alone (what a screen for a single title needs)."""
        for tid, fn, _ in self.tiers:
            if tid == tier_id:
                return _NAMES[fn(dict(values))[0]]
        raise KeyError(tier_id)

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
        key = f"\0{name}@{offset}"
        fn = self._derived.get(key)
        if fn is None:
            fn = self._derived[key] = self._expr(self.rules.derived[name].expression, offset)

        def derived(state: State, p: int) -> expr.Value:
            v = state.get(key, _MISS)
            if v is _MISS:
                v = state[key] = fn(state, 0)  # type: ignore[arg-type]
            return v  # type: ignore[return-value]
        return derived

    def _expr(self, e: expr.Expression, param_offset: int = 0) -> expr.Compiled:
        """``e`` compiled to read this plan's profile dicts (``y`` at ``param_offset``)."""
        return expr.recompile(e, self._leaf(param_offset), settled=False)  # a plan never shows a quotient

    # ---- per-profile pieces, computed once

    def _sme(self, state: State) -> tuple[str, str | None]:
        """(status, size) as engine.classify_size gives them: the report's SME line and, its status,
        the gate's SME criterion (as in the engine). Computed once per profile."""
        hit = state.get("\0sme")
        if hit is None:
            industry = state.get("industry")
            reads = self.size_reads.get(industry) if isinstance(industry, str) else None
            if reads is None or not isinstance(industry, str):
                hit = engine.classify_size(self.rules.size, None, {})
            else:
                hit = engine.classify_size(self.rules.size, industry, {k: fn(state, 0) for k, fn in reads})
            state["\0sme"] = hit
        return hit  # type: ignore[return-value]

    def _compile_table(self, table_id: str, table: ScoreTable) -> Callable[[State], Table]:
        """(low, high, strict low, per group) of a score table, computed once per profile."""
        key = f"\0table:{table_id}"
        members = [(g.id, [self._compile_item(i) for i in table.items if i.group == g.id]) for g in table.groups]
        # Without points that await review, every item's strict low is its low: a third fewer sums.
        review = any(b.review for i in table.items for b in (*i.each, *(b for sc in i.scales for b in sc.bands)))

        def scored(state: State) -> Table:
            hit = state.get(key)
            if hit is None:
                groups = {}
                low = high = strict = _ZERO
                for group, items in members:
                    g_low = g_high = g_strict = _ZERO
                    for item in items:
                        lo, hi, st, _ = item(state)
                        g_low += lo
                        g_high += hi
                        if review:
                            g_strict += st
                    if not review:
                        g_strict = g_low
                    groups[group] = (g_low, g_high, g_strict)
                    low += g_low
                    high += g_high
                    strict += g_strict
                hit = state[key] = (low, high, strict, groups)
            return hit  # type: ignore[return-value]
        return scored

    def _compile_item(self, item: ScoreItem) -> ItemFn:
        """(lowest, highest, lowest without points that await review) of one score item, scored by
        the engine's own band functions; only the labels and reads that reports need are left out."""
        cap = item.max
        if item.points_from_value is not None:
            pfv = self._expr(item.points_from_value)

            def from_value(state: State) -> engine.BandScore:
                v = pfv(state, 0)
                if v is None:
                    return _ZERO, cap, _ZERO, None
                pts = min(max(v, _ZERO), cap)  # type: ignore[type-var]
                return pts, pts, pts, None  # type: ignore[return-value]
            return from_value
        if item.each:
            each, each_whens = item.each, self._whens(item.each)

            def each_of(state: State) -> engine.BandScore:
                low, high, strict, _, _ = engine.each_points(each, state, each_whens)
                return min(low, cap), min(high, cap), min(strict, cap), None
            return each_of
        scales = [(self._expr(sc.value) if sc.value is not None else None,
                   engine.band_scorer(sc.bands, self._whens(sc.bands))) for sc in item.scales]
        capped = any(b.points > cap for sc in item.scales for b in sc.bands)
        if len(scales) == 1 and not capped:
            value, scorer = scales[0]
            if value is None:
                return lambda state: scorer(None, state)
            read = value
            return lambda state: scorer(read(state, 0), state)

        def best_of(state: State) -> engine.BandScore:
            lows, highs, stricts = [], [], []
            for value, scorer in scales:
                low, high, strict, _ = scorer(value(state, 0) if value is not None else None, state)
                lows.append(low)
                highs.append(high)
                stricts.append(strict)
            return min(max(lows), cap), min(max(highs), cap), min(max(stricts), cap), None
        return best_of

    def _whens(self, bands: tuple[Band, ...]) -> tuple[engine.Cond | None, ...]:
        return tuple(self._expr(b.when) if b.when is not None else None for b in bands)

    # ---- compiling nodes

    def _applies(self, node: Node) -> bool:
        return node.applies == "always" or (node.applies == "renewal") == self._renewing

    def _compile(self, node: Node) -> Compiled:
        kind = node.kind
        if kind in ("all", "any"):
            return self._group(node)
        nid = node.id
        if kind == "check":
            value, op, threshold = node.value, node.op, node.threshold
            assert value is not None and op is not None
            unknown, unmet = (C_UNKNOWN, nid), (C_UNMET, nid)
            only = value.only
            path = self.paths.get((only.name, only.offset)) if only is not None and not only.param else None
            cmp = expr.OPERATORS.get(op)
            if path is not None and cmp is not None:  # a field against a number: the common case, inlined
                read = path

                def field_check(state: State) -> Outcome:
                    v = state.get(read)
                    if v is None:
                        return unknown
                    return _OK if cmp(v, threshold) else unmet
                return field_check
            fn = self._expr(value)
            if cmp is not None:
                binary = cmp

                def value_check(state: State) -> Outcome:
                    v = fn(state, 0)
                    if v is None:
                        return unknown
                    return _OK if binary(v, threshold) else unmet
                return value_check
            holds = expr.comparer(op, threshold)  # in, between

            def check(state: State) -> Outcome:
                ok = holds(fn(state, 0))
                if ok is None:
                    return unknown
                return _OK if ok else unmet
            return check
        if kind in ("veto", "qualitative"):
            path = self.rules.fields[node.field].path  # type: ignore[index]
            unknown, unmet, review = (C_UNKNOWN, nid), (C_UNMET, nid), (C_REVIEW, nid)
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
                code = _CODES[self._sme(state)[0]]
                return _OK if code == C_MET else (code, nid)
            return sme
        if kind == "score":
            table, group, score_op, thr = node.table, node.group, node.op, node.threshold
            assert table is not None and score_op is not None
            scored, passes = self.tables[table], expr.OPERATORS[score_op]
            review, unmet, unknown = (C_REVIEW, nid), (C_UNMET, nid), (C_UNKNOWN, nid)

            def score(state: State) -> Outcome:
                low, high, strict, groups = scored(state)
                if group is not None:
                    low, high, strict = groups[group]
                if passes(strict, thr):
                    return _OK
                if passes(low, thr):
                    return review
                return unknown if passes(high, thr) else unmet
            return score
        raise ValueError(f"cannot compile a {kind} node")  # the loader admits no other kinds

    def _group(self, node: Node) -> Compiled:
        where = _where(node)
        if where is None or where not in self.shared:
            return self._group_fn(node)
        where = f"{where}:{'renewal' if self._renewing else 'new'}"  # a shared group may hold renewal clauses
        if where not in self._groups:
            fn, key = self._group_fn(node), "\0node:" + where

            def shared(state: State) -> Outcome:
                hit = state.get(key)
                if hit is None:
                    hit = state[key] = fn(state)
                return hit  # type: ignore[return-value]
            self._groups[where] = shared
        return self._groups[where]

    def _group_fn(self, node: Node) -> Compiled:
        children = [self._compile(c) for c in node.children if self._applies(c)]
        if node.kind == "all":
            def all_of(state: State) -> Outcome:
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

        def any_of(state: State) -> Outcome:
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


def _where(node: Node) -> str | None:
    """Where a node is defined: the same place means the same node, wherever a tier uses it.
    None for a node that does not know its place (built in code): it is never shared."""
    if node.file is None or node.line is None:
        return None
    return f"{node.file}:{node.line}:{node.id}"


def plan_for(rules: RuleSet, last_year: int, renewal: str | None) -> Plan:
    """The compiled plan, built once per rule set, year and applicant type in a process."""
    plans: dict[tuple[int, str | None], Plan] = rules.memo.setdefault("plan", {})
    key = (last_year, renewal)
    if key not in plans:
        plans[key] = Plan(rules, last_year, renewal)
    return plans[key]
