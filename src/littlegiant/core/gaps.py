"""Gap analysis: for every tier not met, the smallest changes to the user's own inputs that meet it.

Amounts are found by search, not by algebra, so that every rule shape (a share, a growth
rate, a sum over years, a band table) is handled alike and the answer is exact by
construction: the suggested value meets the criterion and one unit less (0.01 万元, one
person, one item) does not — both are checked before a step is offered. Criteria are
assumed monotone in each input along its field's ``lever`` direction; where they are not
the search simply finds nothing and no amount is offered.
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Iterable
from dataclasses import field
from datetime import date
from decimal import Decimal
from typing import Any

from littlegiant.core import engine
from littlegiant.core.inputs import InputPaths, sibling_path, whole_of
from littlegiant.core.result import (
    MET,
    REVIEW,
    UNKNOWN,
    UNMET,
    CriterionResult,
    Result,
    TierResult,
    bars_every_tier,
    json_value,
    stops_every_tier,
)
from littlegiant.load.expr import YEAR_NAMES, Expression
from littlegiant.load.profile import Profile, Scalar, field_for_path, input_label, year_in_path
from littlegiant.load.rules import FieldDef, Node, RuleSet, ScoreItem, Text
from littlegiant.records import record

CENT = Decimal("0.01")
LIMIT = Decimal(10) ** 9  # no advice beyond a trillion 万元
MAX_WORK = 1_000_000
"""Work one advice search (one gap analysis) may spend. Counted, not timed: a time budget cut a search
short on a busy machine that an idle one finished, and the same file got different advice on two
runs. Each probe costs what it re-evaluates (``_Search.price``), about 0.1 to 0.6 µs of this machine
a unit: the built-in sets spend at most ~130,000 on any profile tried (90,137 in the tests), a
hostile rule set whose every probe is slow reaches the limit in about half a second. Past it, the
advice says the search stopped early."""
VALUES_PER_PART = 16
"""Values a probe copies for the cost of one formula part (~6 ns a value, ~0.15 µs an addition)."""
SQRT_PARTS = 64
"""What a square root of 60 digits costs in formula parts (4 to 15 µs, ~0.15 µs an addition)."""
MAX_STATES = 500
"""Point totals the score search keeps per item (a table with points 1, 2, 4... would keep 2**n)."""
Values = dict[str, Scalar]
Pred = Callable[[Values], "bool | None"]


@record(hot=True)
class Change:
    """One input moved: where, from what, to what."""

    path: str
    field: FieldDef
    before: Scalar | None
    after: Scalar
    whole: Change | None = None  # a part raised above its whole takes the whole up with it (docs/criteria.md §8a)

    @property
    def delta(self) -> Decimal | None:
        if isinstance(self.after, Decimal) and isinstance(self.before, Decimal):
            return self.after - self.before
        return None

    def cost(self) -> Decimal:
        """Relative size of the change; flipping a flag counts as 1 (100%), a choice 1 per level climbed.

        Levels, because routes of an any-of are ranked by this cost and a choice counted 1 whatever its
        distance: a micro company with no Ⅰ类 patent was told to get a provincial R&D institution
        (无 → 省级, three accreditations up) rather than one applied Ⅰ类 patent (0 → 1 with its total,
        cost 2). Choices are listed lowest first, as the search tries them; an unanswered one counts 1."""
        d = self.delta
        if isinstance(self.after, str) and self.before in self.field.choices:
            levels = self.field.choices
            return Decimal(max(levels.index(self.after) - levels.index(self.before), 1))
        if d is None or not isinstance(self.before, Decimal):  # a blank part counts 1, with the whole it takes up
            return Decimal(1) + (self.whole.cost() if self.whole is not None else 0)
        return abs(d) / max(abs(self.before), Decimal(1)) + (self.whole.cost() if self.whole is not None else 0)

    @property
    def set_arg(self) -> str:
        """The ``--set`` argument that applies this change."""
        value = str(self.after).lower() if isinstance(self.after, bool) else \
            format(self.after.normalize(), "f") if isinstance(self.after, Decimal) else str(self.after)
        return f"{self.path}={value}"

    def to_dict(self) -> dict[str, Any]:
        return {"path": self.path, "before": json_value(self.before), "after": json_value(self.after),
                "delta": json_value(self.delta), "set": self.set_arg}


@record(hot=True)
class Step:
    """One thing to do for a tier; ``changes`` are exact when ``kind`` is change or points."""

    tier: str
    criterion: str
    kind: str  # change | points | answer | title | qualitative | red_line | excluded | barred | authority | blocked
    title: Text
    changes: list[Change] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # paths whose answers decide the tier
    missing_labels: list[Text] = field(default_factory=list)
    score: tuple[Decimal, Decimal, Decimal] | None = None  # points: (now, at least, required); answer: (low, high, 0)
    answered_no: bool = False
    deciding: bool = True  # an answer step for an unknown tier; False: an unmet tier's remaining unknowns
    cut_short: bool = False  # the advice search hit its work limit first (MAX_WORK)

    def cost(self) -> Decimal:
        """The changes' costs, a whole listed beside its part counted once: a part's cost holds its
        whole's, and counted again one applied Ⅰ类 patent (0 → 1 with its total) weighed 3 against a
        choice two levels up."""
        listed = {id(c) for c in self.changes}
        return sum((c.cost() - (c.whole.cost() if c.whole is not None and id(c.whole) in listed else 0)
                    for c in self.changes), Decimal(0))


@record(hot=True)
class TierGap:
    tier: str
    title: Text
    status: str
    steps: list[Step]


def _unit(f: FieldDef) -> Decimal:
    return Decimal(1) if f.type == "int" else CENT


class _Search:
    """The probes: re-evaluate one node or item on a copy of the values with one input moved."""

    def __init__(self, rules: RuleSet, values: Values, last_year: int,
                 fixed: Callable[[str], bool] | None = None) -> None:
        self.rules = rules
        self.values = values
        self.last_year = last_year
        self.fixed = fixed or (lambda path: False)  # inputs no step may move (closed years, waiting)
        self.left = MAX_WORK
        self.cut_short = False  # the budget ran out, or the score search dropped totals
        self._prices: dict[int, int] = {}  # by the id of a node or score item its rules hold
        self.overhead = self._overhead()

    def _overhead(self) -> int:
        """What every probe costs besides its formulas: the values it copies (twice: the probe's, and
        the state the plan starts from) and the parts of a whole the plan looks at in that state (a
        blank part of a whole of 0 is 0): a rule set of thousands of such fields made each probe slow."""
        fields = self.rules.fields
        parts = sum(len(YEAR_NAMES) if f.per_year else 1 for f in fields.values()
                    if f.part_of in fields and f.value_range()[0] == 0)
        return 1 + len(self.values) // VALUES_PER_PART + parts

    def spent(self) -> bool:
        """Whether the budget is gone (and say so): every search then stops where it is."""
        if self.left <= 0:
            self.cut_short = True
        return self.left <= 0

    def with_(self, changes: dict[str, Scalar], price: int) -> Values:
        """The values with ``changes`` made, for one probe that costs ``price`` (see ``price``)."""
        self.left -= price
        v = dict(self.values)
        v.update(changes)
        return v

    def price(self, key: Node | ScoreItem, formulas: Iterable[Expression], lines: int = 0) -> int:
        """What one probe of a check or a score item costs, in formula parts: those of the ``formulas`` it
        evaluates, each derived quantity they read counted once (a probe's state keeps its value), its
        band ``lines``, for an item half the items the plan looks through to find it, and what every
        probe costs (``_overhead``). Read from the rule data, so it is the same on every machine; the
        time a unit takes varies within a few times (0.1 to 0.6 µs measured), which bounds a hostile set."""
        found = self._prices.get(id(key))
        if found is None:
            parts, seen = 0, set()
            todo = [(e, 0) for e in formulas]
            while todo:
                e, param = todo.pop()
                parts += _parts(e)
                for ref in e.refs:
                    at = (ref.name, (param if ref.param else ref.offset) or 0)
                    if ref.name in self.rules.derived and ref.name not in self.rules.fields and at not in seen:
                        seen.add(at)
                        todo.append((self.rules.derived[ref.name].expression, at[1]))
            if isinstance(key, ScoreItem):  # the plan finds an item by looking through the tables' items in turn
                items = (i for table in self.rules.scores.values() for i in table.items)
                parts += next((n for n, i in enumerate(items) if i is key), 0) // 2
            found = self._prices[id(key)] = self.overhead + parts + lines
        return found

    def amount(self, path: str, holds: Pred, price: int) -> Change | None:
        """The smallest move of ``path`` along its lever that makes ``holds`` true (exact to one unit)."""
        f = field_for_path(self.rules, path)
        given = self.values.get(path)
        if f.lever == "none" or self.fixed(path):
            return None
        unit = _unit(f)
        up = f.lever == "up"
        lowest, highest = f.value_range()
        whole_f = whole_of(self.rules, f)
        whole_path = sibling_path(f, path, whole_f) if whole_f is not None else ""
        whole = self.values.get(whole_path) if up else None
        # a blank part its whole holds below the bar (plan._capped): from its least, the whole taken up with it;
        # under a whole of 0 it is 0 (plan.start), and its row says so: the move starts there too
        current = lowest if given is None and isinstance(whole, Decimal) else given
        if not isinstance(current, Decimal):
            return None
        if given is None and not whole:
            given = current
        low = lowest if lowest is not None else -LIMIT
        high = highest if highest is not None else LIMIT
        room = int((high - current) / unit) if up else int((current - low) / unit)

        def at(k: int) -> Decimal:
            return current + unit * k if up else current - unit * k

        def moved(k: int) -> dict[str, Scalar]:
            """The part at step k, and its whole with it where the part would pass it."""
            v = at(k)
            return {path: v, whole_path: v} if isinstance(whole, Decimal) and v > whole else {path: v}

        good = self.least(room, lambda k: holds(self.with_(moved(k), price)) is True)
        if good is None:
            return None
        change = Change(path, f, given, at(good))
        if whole_f is not None and isinstance(whole, Decimal) and change.after > whole:  # type: ignore[operator]
            change.whole = Change(whole_path, whole_f, whole, change.after)
        return change

    def least(self, room: int, ok: Callable[[int], bool]) -> int | None:
        """The fewest units (1 to ``room``) for which ``ok`` holds: gallop to a count that holds, then
        bisect down to the first one (None: none within room, or the budget ran out)."""
        if room < 1 or self.spent():
            return None
        bad, good = 0, 1
        while not ok(good):
            if good == room or self.spent():
                return None
            bad, good = good, min(good * 2, room)
        while good - bad > 1:
            if self.spent():
                return None
            mid = (good + bad) // 2
            if ok(mid):
                good = mid
            else:
                bad = mid
        return good

    def spread(self, f: FieldDef, paths: list[str], weights: list[int], holds: Pred,
               price: int) -> list[Change] | None:
        """The least total raise of one yearly figure over several years that makes ``holds`` true, shared
        out in proportion to ``weights`` (the days left in each year); ``paths`` run from the earliest
        year, and the latest takes the rounding and whatever an earlier year has no room for.

        Only for a figure raised (lever up) with no whole above it: a part raised would have to take its
        whole up year by year, which the single-year search does and this one need not repeat."""
        if f.lever != "up" or whole_of(self.rules, f) is not None or any(self.fixed(p) for p in paths):
            return None
        now = [self.values.get(p) for p in paths]
        if not all(isinstance(v, Decimal) for v in now):
            return None
        unit = _unit(f)
        highest = f.value_range()[1]
        high = highest if highest is not None else LIMIT
        rooms = [int((high - v) / unit) for v in now]  # type: ignore[operator]
        total_weight = sum(weights)
        grain = int(1 / unit)  # an earlier year's share in whole 万元 (86万, not 86.58万): the latest is exact

        def shares(k: int) -> list[int]:
            out = [min(k * w // total_weight // grain * grain, r) for w, r in zip(weights[:-1], rooms[:-1], strict=True)]
            return [*out, k - sum(out)]

        def moved(k: int) -> dict[str, Scalar]:
            return {p: v + unit * n for p, v, n in zip(paths, now, shares(k), strict=True)}  # type: ignore[operator]

        k = self.least(sum(rooms), lambda k: shares(k)[-1] <= rooms[-1] and holds(self.with_(moved(k), price)) is True)
        if k is None:
            return None
        return [Change(p, f, v, v + unit * n) for p, v, n in zip(paths, now, shares(k), strict=True)  # type: ignore[operator]
                if n > 0]

    def move(self, f: FieldDef, path: str, holds: Pred, price: int) -> Change | None:
        """The cheapest move of one input that makes ``holds`` true: a yes/no or a choice set, an
        amount searched for; text is never moved."""
        if f.type in ("bool", "choice"):
            return self.flag_or_choice(path, holds, price)
        return self.amount(path, holds, price) if f.type != "text" else None

    def flag_or_choice(self, path: str, holds: Pred, price: int) -> Change | None:
        """Setting a yes/no or choice input (unanswered ones too) to the first value that meets."""
        f = field_for_path(self.rules, path)
        current = self.values.get(path)
        if self.fixed(path):
            return None
        options: list[Scalar] = [True] if f.type == "bool" else list(f.choices) if f.type == "choice" else []
        for option in options:
            if self.spent():
                return None
            if option != current and holds(self.with_({path: option}, price)) is True:
                return Change(path, f, current, option)
        return None


def _parts(e: Expression) -> int:
    """The parts of one formula (names, numbers, operators), as its limit counts them; a square root
    as SQRT_PARTS, for what it costs."""
    return sum(SQRT_PARTS if isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id == "sqrt" else 1
               for n in ast.walk(e.body) if isinstance(n, ast.expr))


def days_left(year: int, today: date) -> int:
    """Days of ``year`` from ``today`` on (today included): a whole year ahead, none for a year past."""
    return max(0, (date(year + 1, 1, 1) - max(today, date(year, 1, 1))).days)


class _Advisor:
    def __init__(self, rules: RuleSet, result: Result, profile: Profile,
                 fixed: Callable[[str], bool] | None = None, today: date | None = None) -> None:
        self.rules = rules
        self.result = result
        self.today = today or result.as_of  # the day the time left in each year counts from
        self.search = _Search(rules, dict(profile.values), result.last_year, fixed)
        self.inputs = InputPaths(rules, result.last_year)

    # ---- one criterion

    def steps(self, tier: TierResult, c: CriterionResult, kids: dict[str | None, list[CriterionResult]]) -> list[Step] | None:
        """Steps that would turn ``c`` met (None: no change to the inputs can)."""
        node = c.rule  # the tier's own node: ids repeat across tiers
        if c.kind == "all":
            out: list[Step] = []
            met: list[CriterionResult] = []
            for k in kids.get(c.id, []):
                if k.status == UNMET:
                    s = self.steps(tier, k, kids)
                    if s is None:
                        return None
                    out.extend(s)
                    met.extend(k for _ in s)
            return self._covered(out, met)
        if c.kind == "any":
            routes = [self.steps(tier, k, kids) for k in kids.get(c.id, []) if k.status == UNMET]
            found = [r for r in routes if r is not None]
            if not found:
                return None
            return nearest(found)
        if node is None:
            return None
        if c.kind == "veto" and node.field is not None:  # named by the problem, not by its absence
            kind = "red_line" if stops_every_tier(self.rules, node) else "excluded"  # one tier's exclusion
            return [Step(tier.id, c.id, kind, self.rules.fields[node.field].label)]
        if c.kind == "qualitative":
            return [Step(tier.id, c.id, "qualitative", c.title, answered_no=True)]
        if bars_every_tier(self.result, c):
            return [Step(tier.id, c.id, "barred", c.title, answered_no=c.kind == "check")]  # else a large enterprise
        if c.kind == "check":
            return self._check(tier, c, node)
        if c.kind == "score":
            return self._score(tier, c, node)
        return None  # anything else: not the company's inputs to move

    def _covered(self, steps: list[Step], served: list[CriterionResult]) -> list[Step]:
        """The steps of an all-of, less each that the others' changes make needless: the 科技型 score and its
        科技人员 score above 0, each mended on its own, asked a fourth Ⅱ类 patent for the one and 科技人员
        10 → 50 for the other, where the hire lifts the score over 60 alone (two actions against one
        certification, and the certification won). ``served``: each step's criterion. Only a check or a
        score, mended by changes, is dropped, and only where it holds on the others' changes."""
        keep = list(range(len(steps)))
        dropped: list[CriterionResult] = []
        for i in reversed(range(len(steps))):  # a later step first: the order the rest come in stays
            s, c = steps[i], served[i]
            if s.kind not in ("change", "points") or not s.changes or c.kind not in ("check", "score"):
                continue
            others = [ch for j in keep if j != i for ch in steps[j].changes]
            # and every step dropped before still met without this one's changes: a step let go for what this
            # one changes, this one then let go for a third's, left the first asked of no one
            if others and all(self._holds_on(x, others) for x in (c, *dropped)):
                keep.remove(i)
                dropped.append(c)
        return [steps[i] for i in keep]

    def _holds_on(self, c: CriterionResult, changes: list[Change]) -> bool:
        """Whether criterion ``c`` (a check or a score) is met with ``changes`` made."""
        node, last = c.rule, self.result.last_year
        if node is None:
            return False
        values = self.search.with_({ch.path: ch.after for ch in _merge(changes)}, 1)  # two moves of one input: the further
        if c.kind == "check":
            return engine.check_holds(self.rules, values, last, node) is True  # type: ignore[arg-type]
        if node.table is None or not isinstance(node.threshold, Decimal | int) or isinstance(node.threshold, bool):
            return False
        items = [i for i in self.rules.scores[node.table].items if node.group is None or i.group == node.group]
        total = sum((engine.item_points(self.rules, values, last, i)[0] for i in items), Decimal(0))  # type: ignore[arg-type]
        return total > node.threshold if node.op == ">" else total >= node.threshold if node.op == ">=" else False

    def settled(self, tier: TierResult, c: CriterionResult, kids: dict[str | None, list[CriterionResult]]) -> bool:
        """Whether every answer ``c`` lacks is a fact no plan changes (an award won or not, a closed
        year's figure): once given, 「如「c」不能满足」 stays so. Where the blank is a count the company
        could raise (Ⅰ类 IP held by it as a top-3 holder), answered low its own route may be the nearer
        one, and a step said on its failing read as "give up" (本轮无法满足) or pointed elsewhere."""
        todo, paths = [c], []
        while todo:
            k = todo.pop()
            paths.extend(k.missing)
            todo.extend(kids.get(k.id, []))
        return bool(paths) and all(field_for_path(self.rules, p).lever == "none" or self.search.fixed(p) for p in paths)

    def _check(self, tier: TierResult, c: CriterionResult, node: Node) -> list[Step] | None:
        def holds(values: Values) -> bool | None:
            return engine.check_holds(self.rules, values, self.result.last_year, node)  # type: ignore[arg-type]

        price = self.search.price(node, [node.value] if node.value is not None else [])
        candidates: list[Change] = []
        for path in c.inputs:
            try:
                f = field_for_path(self.rules, path)
            except Exception:  # an input such as industry read by the size table
                continue
            ch = self.search.move(f, path, holds, price)
            if ch is not None:
                candidates.append(ch)
        if not candidates:
            return None
        best = min(candidates, key=lambda ch: (ch.cost(), ch.path))
        kind = "title" if node.prerequisite else "change"  # the rule data marks a step up the ladder
        return [Step(tier.id, c.id, kind, c.title, self._over_years(best, candidates, holds, price) or _with_wholes([best]))]

    def _over_years(self, best: Change, candidates: list[Change], holds: Pred, price: int) -> list[Change] | None:
        """The best move shared out over the open years of its figure, where the criterion sums them.

        A two-year sum (近两年研发费用合计) is met by a raise in either year alike, and the cheapest
        single year was the earlier one by path order: on 2 December 2026 the plan asked for 1,020万 more
        R&D in 2026's last month. A raise is made over time, so it is shared in proportion to the days
        left in each year as of the assessment date: a year ahead counts whole, the current year only
        its remaining days, a closed year none (its figure is fixed anyway). Early in the year both
        years take about half, in December nearly all falls on the next year; either way the company
        spends at one pace from today to the end of the period. Taken only when the shared raise costs
        no more in total than the single year's (a sum; an either-year criterion stays with one year),
        and each year's own floor (a share of that year's revenue) is the plan's to check and mend."""
        f = best.field
        delta = best.delta
        if not f.per_year or delta is None:
            return None
        open_years = sorted((year, ch.path) for ch in candidates if ch.field.id == f.id
                            and (year := year_in_path(f, ch.path)) is not None and days_left(year, self.today) > 0)
        if len(open_years) < 2:
            return None
        paths = [path for _, path in open_years]
        shared = self.search.spread(f, paths, [days_left(year, self.today) for year, _ in open_years], holds,
                                    price)
        if shared is None or sum((ch.delta or Decimal(0) for ch in shared), Decimal(0)) > delta:
            return None
        return shared

    def _score(self, tier: TierResult, c: CriterionResult, node: Node) -> list[Step] | None:
        """The fewest band moves (then the smallest relative change) that lift the score over the mark."""
        table = self.rules.scores[node.table]  # type: ignore[index]
        items = [i for i in table.items if node.group is None or i.group == node.group]
        now = c.points_min if c.points_min is not None else Decimal(0)
        thr: Decimal = node.threshold
        need = thr - now + (CENT if node.op == ">" else 0)
        if need <= 0:
            return None
        options: list[list[tuple[Decimal, Change]]] = []
        for item in items:
            options.append(self._item_moves(item))
        # DP over items: best (moves, cost, changes) per points gained (capped at need)
        best: dict[Decimal, tuple[int, Decimal, list[Change]]] = {Decimal(0): (0, Decimal(0), [])}
        for opts in options:
            nxt = dict(best)
            costed = [(gain, ch, ch.cost()) for gain, ch in opts]
            for gained, (moves, cost, chs) in best.items():
                for gain, ch, ch_cost in costed:
                    g = min(gained + gain, need)
                    cand = (moves + 1, cost + ch_cost, [*chs, ch])
                    if g not in nxt or cand[:2] < nxt[g][:2]:
                        nxt[g] = cand
            if len(nxt) > MAX_STATES:  # keep the highest totals: the one that reaches `need` stays
                self.search.cut_short = True
                nxt = dict(sorted(nxt.items(), key=lambda kv: (-kv[0], kv[1][:2]))[:MAX_STATES])
            best = nxt
        if need not in best:
            return None
        changes = _merge(_with_wholes(best[need][2]))
        return [Step(tier.id, c.id, "points", c.title, changes, score=(now, now + need, thr))]

    def _item_moves(self, item: ScoreItem) -> list[tuple[Decimal, Change]]:
        """Each higher points level of one item and the cheapest single input change that reaches it."""
        last = self.result.last_year
        low, high = engine.item_points(self.rules, self.search.values, last, item)  # type: ignore[arg-type]
        if low != high:
            return []
        levels = sorted({b.points for s in item.scales for b in s.bands if not b.review and b.points > low}
                        | {b.points for b in item.each if not b.review})
        paths = self.inputs.of_item(item)
        bands = [*item.each, *(b for s in item.scales for b in s.bands)]
        formulas = [e for e in (item.points_from_value, *(s.value for s in item.scales), *(b.when for b in bands))
                    if e is not None]
        price = self.search.price(item, formulas, len(bands))
        out: list[tuple[Decimal, Change]] = []
        for level in levels:
            target = min(level if not item.each else low + level, item.max)
            if target <= low:
                continue

            def holds(values: Values, target: Decimal = target) -> bool:
                return engine.item_points(self.rules, values, last, item)[0] >= target  # type: ignore[arg-type]

            found: list[Change] = []
            for path in sorted(paths):
                ch = self.search.move(field_for_path(self.rules, path), path, holds, price)
                if ch is not None:
                    found.append(ch)
            if found:
                out.append((target - low, min(found, key=lambda ch: (ch.cost(), ch.path))))
        return out


def nearest(routes: list[list[Step]]) -> list[Step]:
    """The route of an any-of a company reaches first: the fewest actions (``actions``); between routes of
    as many, the fewest certifications to obtain (``obtained``), then the smallest relative change.

    Counted as steps (the route's criteria), 科技人员 49 → 50 was two (the score and the 科技人员 score
    above 0 each asked it) against one for 取得高新技术企业认定, and a company one hire short of 科技型
    was told to get a certification that takes a year's application. A figure the company moves is in
    its own hands; a certification (a yes/no input set to yes: 高新技术企业; a recognised level: 研发机构
    市级 → 省级) is granted by an authority on its own terms and time, so between routes of as many actions
    the figures are preferred, whatever their relative size (a Ⅰ类 patent applied, 0 → 1, before provincial
    recognition of a city-level institution). A certification that is one action against two figures
    still leads. Between certifications, the fewer levels climbed (``Change.cost``)."""
    return min(routes, key=lambda r: (actions(r), obtained(r), sum((s.cost() for s in r), Decimal(0))))


def actions(route: list[Step]) -> int:
    """What a route asks a company to do, counted as a reader does: steps that move a common input are one
    action (the two criteria of the 科技人员 score met by the one hire), a step that moves nothing one each."""
    groups: list[set[str]] = []
    alone = 0
    for s in route:
        paths = {c.path for c in s.changes}
        if not paths:
            alone += 1
            continue
        joined = [g for g in groups if g & paths]
        for g in joined:
            groups.remove(g)
            paths |= g
        groups.append(paths)
    return len(groups) + alone


def obtained(route: list[Step]) -> int:
    """The certifications, titles and recognised levels a route asks a company to obtain: its inputs set
    to yes or moved to another choice, as against the amounts and counts it moves itself."""
    return len({c.path for s in route for c in s.changes if not isinstance(c.after, Decimal)})


def _with_wholes(changes: list[Change]) -> list[Change]:
    """The changes, each followed by the move of the whole it takes up with it (one step applies both)."""
    return [x for ch in changes for x in (ch, ch.whole) if x is not None]


def _merge(changes: list[Change]) -> list[Change]:
    """Two moves of one input keep the further one (criteria are monotone along the lever)."""
    by_path: dict[str, Change] = {}
    for ch in changes:
        old = by_path.get(ch.path)
        if old is None or (isinstance(ch.after, Decimal) and isinstance(old.after, Decimal)
                           and abs(ch.after - ch.before) > abs(old.after - old.before)):  # type: ignore[operator]
            by_path[ch.path] = ch
    return list(by_path.values())


def analyse(rules: RuleSet, result: Result, profile: Profile, only: str | None = None,
            fixed: Callable[[str], bool] | None = None, today: date | None = None) -> list[TierGap]:
    """Steps for every tier that is not met (or just tier ``only``), ranked: the smallest change first.

    ``fixed`` names inputs no step may move (a checked plan holds closed years and waiting still);
    ``today``: the assessment date a raise over several years is timed from, where ``result`` is a
    later round's (its as-of is that round's day, not the day the plan is made)."""
    advisor = _Advisor(rules, result, profile, fixed, today)
    out: list[TierGap] = []
    interview = None
    for tier in result.tiers.values():
        if only is not None and tier.id != only:
            continue
        if tier.status in (MET, REVIEW):
            review = [Step(tier.id, c.id, "qualitative", c.title) if c.kind == "qualitative" else
                      Step(tier.id, c.id, "authority", _label(rules, next(iter(c.inputs))))  # named by the problem
                      for c in tier.criteria if c.status == REVIEW and c.kind in ("qualitative", "veto")]
            if review:
                out.append(TierGap(tier.id, tier.title, tier.status, review))
            continue
        kids = tier.children()
        steps: list[Step] = []
        if tier.status == UNMET:
            for c in kids.get(None, []):
                if c.status == UNKNOWN and c.rule is not None and c.rule.prerequisite:
                    # the title below left blank: planned as not held, the tier after that title's own round
                    # (a 小巨人 plan dated 2027 under a 专精特新 plan dated 2028 read as two contradicting plans)
                    steps.extend(advisor.steps(tier, c, kids) or [])
                    continue
                if c.status != UNMET:
                    continue
                found = advisor.steps(tier, c, kids)
                steps.extend(found if found is not None else [Step(tier.id, c.id, "blocked", c.title)])
                if advisor.search.cut_short:
                    for step in found or steps[-1:]:
                        step.cut_short = True
            # not a route of a choice met already: 「此外尚缺：主导产品国际细分市场占有率」 of a 小巨人 whose
            # domestic share met the market condition asked for an answer that could change nothing
            by_id = {c.id: c for c in tier.criteria}
            unknown = [p for c in tier.criteria if c.status == UNKNOWN and c.kind != "points"
                       and not _under_met(c, by_id) for p in c.missing]
            if unknown:  # once the unmet ones are mended, these answers decide the tier
                relevant = sorted(dict.fromkeys(unknown))
                steps.append(Step(tier.id, tier.id, "answer", tier.title, missing=relevant,
                                  missing_labels=[_label(rules, p) for p in relevant], deciding=False))
        elif tier.status == UNKNOWN:
            if interview is None:
                from littlegiant.core.interview import Interview  # only unknown tiers need the interview's relevance

                # the evaluation is already done: hand it over instead of repeating it
                interview = Interview(rules, result.as_of, result.renewal, dict(profile.values), _result=result)
            weights = interview.weights()
            relevant = sorted(interview.relevant(tier.id), key=lambda p: (-weights.get(p, 0), p))
            labels = [_label(rules, p) for p in relevant]
            score = None
            if tier.score_min is not None and tier.score_max is not None and tier.score_min != tier.score_max:
                score = (tier.score_min, tier.score_max, Decimal(0))  # the score is open: it says so
            steps.append(Step(tier.id, tier.id, "answer", tier.title, missing=relevant, missing_labels=labels,
                              score=score))
        order = {"red_line": 0, "barred": 0, "excluded": 0, "blocked": 1, "change": 3, "title": 3, "points": 4, "qualitative": 5,
                 "answer": 2 if tier.status == UNKNOWN else 6}
        steps.sort(key=lambda s: (order[s.kind], s.cost()))
        out.append(TierGap(tier.id, tier.title, tier.status, steps))
    return out


def _under_met(c: CriterionResult, by_id: dict[str, CriterionResult]) -> bool:
    """Whether a group above ``c`` is met: ``c``'s answer cannot change the tier (one awaiting review might
    still be met by it)."""
    at = by_id.get(c.parent) if c.parent is not None else None
    while at is not None:
        if at.status == MET:
            return True
        at = by_id.get(at.parent) if at.parent is not None else None
    return False


def routes_beside_blank(rules: RuleSet, result: Result, profile: Profile, tier_id: str,
                        fixed: Callable[[str], bool] | None = None,
                        today: date | None = None) -> list[Beside]:
    """For each required any-of of the tier left unknown by a blank route beside one the figures fail
    (4 Ⅰ类 IP, 3 held, beside a national award's rank not given): the group, its blank routes, its
    failed ones, and the steps of the nearest failed route (None: no change reaches any: a closed
    year's figures, an award). Only where every blank is such a fact too (``settled``). A plan that asks the blank answer said nothing of what the company must do if the
    answer is no, and dated 小巨人 without the patent it takes years to get; planned outright (da2604b)
    the route hid the question where the blank is the likelier route. Groups inside another such
    group are its own business."""
    advisor = _Advisor(rules, result, profile, fixed, today)
    tier = result.tiers[tier_id]
    kids = tier.children()
    out: list[Beside] = []
    todo = [c for c in kids.get(None, []) if c.required]
    while todo:
        c = todo.pop(0)
        if c.kind == "all":
            todo.extend(k for k in kids.get(c.id, []) if k.required)
            continue
        if c.kind != "any" or c.status != UNKNOWN:
            continue
        routes = kids.get(c.id, [])
        blank = [k for k in routes if k.status == UNKNOWN]
        failed = [k for k in routes if k.status == UNMET]
        if not blank or not failed or not all(advisor.settled(tier, k, kids) for k in blank):
            continue  # a blank the company could still change (a count of patents): its answer settles nothing
        found = [r for r in (advisor.steps(tier, k, kids) for k in failed) if r is not None]
        if advisor.search.cut_short:
            continue  # the search gave up: whether a change reaches the route is not known, so nothing is said
        if not found:
            out.append(Beside(c, blank, failed, None))
            continue
        best = nearest(found)
        if best and all(s.kind in ("change", "points") and s.changes for s in best):
            out.append(Beside(c, blank, failed, best))
    return out


@record(hot=True)
class Beside:
    """An any-of a blank answer leaves unknown beside routes the figures fail (``routes_beside_blank``)."""

    group: CriterionResult
    blank: list[CriterionResult]
    failed: list[CriterionResult]
    steps: list[Step] | None  # the nearest failed route's; None: no change reaches any failed route


def _label(rules: RuleSet, path: str) -> Text:
    return input_label(field_for_path(rules, path), path)
