"""A checked plan per tier: one set of changes that together meet it, proved by evaluating them all at once.

The gap analysis (``gaps.py``) finds, criterion by criterion, the smallest move that mends each one on
its own. Moves interact: raising revenue lowers the R&D share, a title held for one tier is itself a
tier to meet first. So the plan applies every move, evaluates the whole profile again, asks the gap
analysis what is still missing, and repeats until the tier is met (or awaits only the authority's
review) or nothing more can be moved. The verdict of that last evaluation is the plan's ``checked``.

What no one can move is held still: figures of closed years (last year and before) and counts that grow
only with time (years in the niche market). When those hold a tier back, the plan looks at the next
application rounds (up to three years on), with each later year's figure not given assumed equal to
that of the nearest year before it that is (last year's, or this year's where the user gave it), and
the waiting counts grown by the years waited, so "wait" becomes a date and "a closed year" becomes
what the coming year's figures need. A raise that a sum over several open years needs is shared by
the days left in each as of the assessment date, not the later round's day (the gap analysis's
``today``): on 2 December the month left takes little, the year ahead the rest. Data only: the
words live in the report modules.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from dataclasses import field
from datetime import date
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal

from littlegiant.core import engine
from littlegiant.core.gaps import CENT, Change, analyse, days_left, routes_beside_blank
from littlegiant.core.inputs import sibling_path, whole_of
from littlegiant.core.result import MET, REVIEW, UNKNOWN, Result, TierResult
from littlegiant.errors import InputError
from littlegiant.load.profile import Profile, Scalar, field_for_path, year_in_path
from littlegiant.load.rules import FieldDef, Node, RuleSet, Text
from littlegiant.records import record

ROUNDS = 4  # this round and up to three later ones
ITERATIONS = 8  # apply, evaluate, mend again: each pass mends what the last one broke
LATE_IN_YEAR = 92
"""Days left (the last quarter) below which a raise of the current year's figure is weighed against
what those days bring (``pace``): earlier in the year the rest of it is time enough to judge."""
FAR_BEYOND = 4
"""How many times what the days left bring at the present rate (``pace``) a late raise may ask before
its round is out of reach (``out_of_reach``) and the plan leads with the round after: +680万 of R&D in
the 28 days that bring some 20万 is no date a company can meet; +10万 where they bring 9万 may be."""


@record(hot=True)
class Move:
    """One input of the plan, from its value now to the value the plan needs."""

    path: str
    field: FieldDef
    before: Scalar | None
    after: Scalar
    # change | title | qualitative (answer yes if true) | follows (moves with another) | wait | within (raised
    # to a count it holds by definition: ``_raise_within``)
    kind: str
    criterion: str
    title: Text  # the criterion it serves

    @property
    def set_arg(self) -> str:
        return Change(self.path, self.field, self.before, self.after).set_arg


@record(hot=True)
class Blocker:
    """What stops a round: a red line, a criterion no input can meet, or inputs fixed by time."""

    # red_line | excluded | blocked | closed | wait | title (a title held first comes no sooner) | late (a figure
    # of the current year the plan may not raise: its days left cannot bring the raise, ``out_of_reach``)
    kind: str
    criterion: str
    title: Text
    paths: list[str] = field(default_factory=list)  # the fixed inputs it rests on
    year: int | None = None  # title: the first round the title itself can be applied for


@record(hot=True)
class Otherwise:
    """What the plan needs besides, should a blank answer fail its route: an any-of the answer leaves
    unknown (4 Ⅰ类 IP or a national award ranked top 3, the rank not given) is met by its other route
    with ``moves``. Not applied to the plan, which still asks the answer (``TierPlan.missing``)."""

    group: str  # the any-of's criterion
    unless: list[str]  # the blank routes' criteria, any of which would meet the group instead
    titles: list[Text]
    moves: list[Move] = field(default_factory=list)
    reachable: bool = True  # False: no change reaches the other routes (closed years, an award): no moves
    group_title: Text | None = None
    estimated: frozenset[str] = frozenset()  # as TierPlan.estimated (the year each is taken from: TierPlan.basis)


@record(hot=True)
class Shift:
    """A part the plan raises by more than its whole (main-business revenue +600万, revenue as it was): the
    rest of the whole (其他业务收入, whole less part) must fall by the difference, or the figures do not add up.
    A plan that said 「主营业务收入 10,200 → 10,800」 beside revenue held at 12,000 read as 600万 more sold,
    which raises revenue too and leaves the share at 85.7%. ``together``: the part and its whole with the
    rest kept as it was (the whole grows with its part), the least that keeps the plan's verdict; None where
    none does (or the plan has no verdict to keep)."""

    part: str
    whole: str
    part_before: Decimal
    part_after: Decimal
    whole_after: Decimal  # as the plan takes it: moved by a step of its own, or as estimated
    whole_moved: bool
    rest_before: Decimal
    rest_after: Decimal
    together: tuple[Decimal, Decimal] | None = None


@record(hot=True)
class TierPlan:
    tier: str
    status: str  # the tier's verdict now
    moves: list[Move] = field(default_factory=list)
    checked: str | None = None  # the tier's verdict with every move applied; None: no plan
    as_of: date | None = None  # the application round the plan is for
    last_year: int | None = None
    later: int = 0  # rounds after this one (0: this round)
    blockers: list[Blocker] = field(default_factory=list)  # why this round cannot work (when later > 0 or no plan)
    missing: list[str] = field(default_factory=list)  # answers still needed to decide the tier after the moves
    # later years' figures not given, each taken from the nearest year before it given (``basis``)
    assumed: dict[str, Scalar] = field(default_factory=dict)
    # a later round's figures given anew each year (``yearly``: 本年度…得分) its criteria read, by this
    # year's value: that round's own is still to be obtained (in ``assumed`` too, unless moved)
    renewed: dict[str, Scalar] = field(default_factory=dict)
    estimated: frozenset[str] = frozenset()  # moved figures of later years whose "before" is an estimate (``basis``)
    # each later year's figure the round takes from an earlier year, by the year it is taken from: the
    # nearest given year before it, last year at the earliest (2027's revenue from 2026's where 2026's is given)
    basis: dict[str, int] = field(default_factory=dict)
    # a part kept at its share of its whole (or a whole at its part's), by the year of that share (``Shifted.shares``)
    shares: dict[str, int] = field(default_factory=dict)
    proportions: dict[str, tuple[str, Decimal | None]] = field(default_factory=dict)  # as Shifted.proportions
    none: frozenset[str] = frozenset()  # amounts paid in at once (new equity) of later years, taken as none
    cut_short: bool = False  # the gap search hit its work limit: a smaller set of changes may exist
    judged_by: RuleSet | None = None  # a later round's rule set, where it is not the assessment's own
    otherwise: list[Otherwise] = field(default_factory=list)  # should an answer still asked fail its route
    # the next round's plan, where this one raises a figure of the current year by more than its days left
    # bring at the present rate (``hurried``): what a company that cannot make the raise in time can still do
    unhurried: TierPlan | None = None
    # the earlier round this plan stands in for, where that round's raises of the current year are far beyond
    # what its days left bring (``out_of_reach``): the plan leads with the round a company can meet, and
    # keeps the earlier one as the alternative, only if those raises are made
    sooner: TierPlan | None = None
    # the least each amount in ``assumed`` may fall to for the plan to hold, the others as assumed (_floors)
    floors: dict[str, Decimal] = field(default_factory=dict)
    # the floors that only keep what the tier meets now: every criterion one holds (met at the floor, not
    # under it) is met today (上年度营业收入不低于1500万元, 8,520.91万 now). The others mend what fails it
    # today (2026's R&D share, which replaces 2024's 2.93% in the 2027 round): those are the steps to take
    kept: frozenset[str] = frozenset()
    # each part the plan raises by more than its whole, by the part's path: the rest of the whole falls (_shifts)
    shifts: dict[str, Shift] = field(default_factory=dict)
    # each step's path, the estimates in ``assumed`` (with no floor of their own) its figure holds on (_rests)
    rests: dict[str, list[str]] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.checked in (MET, REVIEW)


def hurried(p: TierPlan, today: date) -> list[Move]:
    """The plan's raises of a figure of the current year that its days left cannot bring (``pace``),
    other than a year's share of a sum the plan spreads over a later year too (2026's part of 近两年研发
    费用合计, the rest in 2027): the later year of the same round can take that share."""
    spread = {(m.field.id, m.criterion) for m in p.moves
              if m.kind == "change" and (y := year_in_path(m.field, m.path)) is not None and y > today.year}
    return [m for m in p.moves if (pace(m, today) is not None or _rest_falls(p, m, today) is not None)
            and (m.field.id, m.criterion) not in spread]


def _rest_falls(p: TierPlan, m: Move, today: date) -> Decimal | None:
    """What the days left bring of the rest of the whole a part's step asks to fall by more than that
    (``shift_pace``), or None: main revenue +600万 beside revenue held is other revenue -600万, which the
    27 days left, bringing some 133万 of it, cannot take away; the plan is then as late as a raise they cannot bring."""
    sh = p.shifts.get(m.path)
    return shift_pace(sh, m, today) if sh is not None and m.kind == "change" else None


def pace(m: Move, today: date) -> Decimal | None:
    """What the days of the current year left after ``today`` bring of an amount that a move raises, at
    the year's present rate (its figure, or the one it is estimated by, spread over the year), where the
    year is late (LATE_IN_YEAR) and the raise asks more than that; else None. (+560万 of R&D asked on
    4 December, where 320万 a year brings some 25万 by its end.)"""
    year = year_in_path(m.field, m.path)
    if m.kind != "change" or year != today.year or m.field.unit != "万元" or m.field.lump_sum:
        return None  # (new equity comes in one payment, any day: the days left weigh nothing against it)
    left = days_left(year, today)
    if left > LATE_IN_YEAR or not (isinstance(m.before, Decimal) and isinstance(m.after, Decimal)) or m.before < 0:
        return None  # (at a rate of 0 the days left bring 0: any raise asks more)
    brought = _days_bring(m.before, year, left)
    return brought if m.after - m.before > brought else None


def _days_bring(rate: Decimal, year: int, left: int) -> Decimal:
    """What the ``left`` days of ``year`` bring of an amount that comes in at ``rate`` a year, in whole 万元
    (to 0.1 where that is under 10): the measure a late raise (``pace``) and a late fall (``shift_pace``)
    are held to."""
    days = date(year, 12, 31).timetuple().tm_yday
    return (rate * left / days).quantize(Decimal(1) if rate * left >= days * 10 else Decimal("0.1"))


def shift_pace(sh: Shift, m: Move, today: date) -> Decimal | None:
    """What the days of the current year left after ``today`` bring of the rest of a whole (其他业务收入) at
    its present rate, where a part's step (``m``) asks it to fall by more than that late in the year (as
    ``pace`` for a raise): what is already booked stays, and 1,800万 a year brings some 133万 in the 27 days
    left, so a fall of 600万 by the year's end is out of those days' reach. None otherwise."""
    year = year_in_path(m.field, m.path)
    if year != today.year:
        return None
    left = days_left(year, today)
    if left > LATE_IN_YEAR or sh.rest_before <= 0:
        return None
    brought = _days_bring(sh.rest_before, year, left)
    return brought if sh.rest_before - sh.rest_after > brought else None


def out_of_reach(p: TierPlan, today: date) -> bool:
    """Whether a raise the plan must make in the days left of the current year (``hurried``) asks more than
    FAR_BEYOND times what those days bring at the present rate (nothing brings nothing: any raise from 0
    is): 「最早2027年申报……须在28天内使研发费用达到940万元」 led a plan whose own step said those days
    bring some 20万, and the year a company can meet came as its seventh step."""
    return bool(far_beyond(p, today))


def far_beyond(p: TierPlan, today: date) -> list[Move]:
    """The plan's raises of the current year that ask more than FAR_BEYOND times what its days left bring, and
    its falls of the rest of a whole (``shift_pace``) larger than what those days bring at all: what is
    booked stays, so even stopping all other revenue takes away no more than the days left would bring
    (600万 less in 36 days that bring some 178万 of it was weighed as a raise, and led the plan)."""
    out = []
    for m in hurried(p, today):
        brought, rest = pace(m, today), _rest_falls(p, m, today)
        sh = p.shifts.get(m.path)
        if brought is not None and isinstance(m.after, Decimal) and isinstance(m.before, Decimal) \
                and m.after - m.before > brought * FAR_BEYOND:
            out.append(m)
        elif rest is not None and sh is not None and sh.rest_before - sh.rest_after > rest:
            out.append(m)  # what is booked stays: no effort takes away more than the days left bring
    return out


def _shift(rules: RuleSet, values: dict[str, Scalar], last_year: int, years: int) -> Shifted:
    """Values as they would stand ``years`` rounds on, and how each later year's figure not given is estimated.

    A later year not given takes the figure of the nearest year before it that is, from last year on:
    with 2026's revenue given (800万) and 2025's 40万, 2027 and 2028 are 800万, not 40万. Taking last
    year's for every later year planned a 2029 round on 40万 of revenue beside the 800万 given, and asked
    for new equity that the given revenue made needless. Waiting counts (years in the niche) are grown
    by the years waited. Two kinds of figure are not copied from year to year:

    - a part whose whole comes from a later year than it (2026's revenue given, 2026's main revenue not)
      keeps its share of that whole (``Shifted.shares``): copied alone, 2025's 11,000万 of main revenue
      beside 2026's 14,000万 of revenue read as a 79% share, and the plan asked to raise main revenue the
      company's 92% already covers; a whole older than its part (2026's main revenue 13,000万 given, its
      revenue not) is grown the same way, never left below its part;
    - an amount paid in at once (``lump_sum``: new equity) is taken as none in a later year not given
      (``Shifted.none``): a 2026 raise copied into 2027 and 2028 met a 2029 round on money never raised."""
    out = dict(values)
    shifted = Shifted(out)
    if years == 0:
        return shifted
    given: dict[str, tuple[FieldDef, dict[int, Scalar]]] = {}
    for path, value in values.items():
        try:
            f = field_for_path(rules, path)
        except Exception:
            continue
        year = year_in_path(f, path) if f.per_year else None
        if year is not None and year >= last_year:
            given.setdefault(f.id, (f, {}))[1][year] = value
        elif waits(f) and isinstance(value, Decimal):
            out[path] = value + years
    targets = range(last_year + 1, last_year + years + 1)
    for f, by_year in given.values():
        for target in targets:
            earlier = [y for y in by_year if y < target]
            if target in by_year or not earlier:
                continue
            path = f.concrete_path(target)
            if f.lump_sum:
                out[path] = Decimal(0)
                shifted.none.add(path)
            else:
                out[path], shifted.basis[path] = by_year[max(earlier)], max(earlier)
    for f, by_year in given.values():
        whole = whole_of(rules, f)
        if whole is None or not (f.per_year and whole.per_year) or whole.id not in given or f.lump_sum or whole.lump_sum:
            continue
        wholes = given[whole.id][1]
        for target in targets:
            _keep_share(shifted, f.concrete_path(target), whole.concrete_path(target), by_year, wholes, target)
    return shifted


@record
class Shifted:
    """A later round's starting values (``_shift``) and how its years' figures not given were estimated."""

    values: dict[str, Scalar]
    basis: dict[str, int] = field(default_factory=dict)  # copied from the nearest year given before: that year
    shares: dict[str, int] = field(default_factory=dict)  # kept in proportion to its whole (or part): that year
    # each of ``shares``: the part or whole it was kept in proportion to (the same year's), and the part's
    # share of the whole (%) it was kept at; None: no share known, only held within its whole (above its part)
    proportions: dict[str, tuple[str, Decimal | None]] = field(default_factory=dict)
    none: set[str] = field(default_factory=set)  # an amount paid in at once (new equity), taken as none


def _keep_share(shifted: Shifted, part: str, whole: str, parts: dict[int, Scalar], wholes: dict[int, Scalar],
                target: int) -> None:
    """Keep a part and its whole of ``target`` in the proportion of the year one of them was copied from,
    where the other is of a later year (``_shift``), in whole 万元; with no share known that year (no
    part given, or 0), the copied one is only held within the other: a part never exceeds its whole."""
    out, basis = shifted.values, shifted.basis
    part_year = target if target in parts else basis.get(part)
    whole_year = target if target in wholes else basis.get(whole)
    now_part, now_whole = out.get(part), out.get(whole)
    if part_year is None or whole_year is None or part_year == whole_year or not isinstance(now_part, Decimal) \
            or not isinstance(now_whole, Decimal):
        return
    older = min(part_year, whole_year)
    was_part, was_whole = parts.get(older), wholes.get(older)
    share = was_part * 100 / was_whole if isinstance(was_part, Decimal) and isinstance(was_whole, Decimal) \
        and was_part > 0 and was_whole > 0 else None
    if part_year < whole_year:  # the part copied beside a later whole: its share then, of the whole now
        if share is not None:
            value = min((now_whole * share / 100).quantize(_WAN, ROUND_HALF_UP), now_whole)
        elif now_part > now_whole:
            value = now_whole
        else:
            return
        changed, other = part, whole
    else:  # the whole copied beside a later part: grown with it (from a part of 0, nothing to grow by)
        if share is not None and now_part > 0:
            value = max((now_part * 100 / share).quantize(_WAN, ROUND_HALF_UP), now_part)
        elif now_part > now_whole:
            value, share = now_part, None
        else:
            return
        changed, other = whole, part
    out[changed] = value
    shifted.shares[changed] = basis.pop(changed)
    shifted.proportions[changed] = (other, share)


_WAN = Decimal(1)
"""An estimate kept in proportion is said in whole 万元, as the figures beside it are."""


def followers(rules: RuleSet) -> dict[str, list[FieldDef]]:
    """The figures that move with a yearly figure the plan raises: its parts of the same year (the rule
    data's ``part_of``). Raising revenue keeps the main-business share, for main revenue rises with it;
    counts of staff and patents are no yearly figures and are raised one by one, never in proportion."""
    found: dict[str, list[FieldDef]] | None = rules.memo.get("tierplan.followers")
    if found is None:
        found = {}
        for f in rules.fields.values():
            whole = whole_of(rules, f)
            if whole is not None and f.per_year:
                found.setdefault(whole.id, []).append(f)
        rules.memo["tierplan.followers"] = found
    return found


def waits(f: FieldDef) -> bool:
    """A count that only time raises (years in the niche market): never a lever, a date instead."""
    return f.unit == "年" and not f.per_year and f.lever == "up"


def closed_now(rules: RuleSet, path: str, last_year: int) -> bool:
    """Whether an input cannot change before the round judged with ``last_year``'s figures: a figure
    of a fiscal year already shut (last year's included), or a count only time raises (years in the
    niche). An input no field names is taken as closed."""
    try:
        f = field_for_path(rules, path)
    except Exception:
        return True
    year = year_in_path(f, path)
    return (year is not None and year <= last_year) or waits(f)


def _add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


Judge = Callable[[date], RuleSet]
"""The rule set a new application on a day is judged by (the calendar's), for the later rounds."""


def plan_tier(rules: RuleSet, result: Result, profile: Profile, tier_id: str, start: int = 0,
              judge: Judge | None = None, frozen: frozenset[str] = frozenset()) -> TierPlan:
    """The first round (``start`` rounds on or later) whose moves, applied together, meet the tier.

    A later round is a new application (a renewal that fails lets the title lapse), judged by the rule
    set ``judge`` names for its day: a plan for 2027 made under the 2022 measures in March 2026 was
    "verified" by rules that would not judge it. Without ``judge`` (a set the user forced), ``rules``.
    ``frozen``: inputs no move may change, besides the closed years."""
    tier = result.tiers[tier_id]
    first = _round(rules, result, profile, tier, start, judge, frozen)
    p = first
    for later in range(start + 1, ROUNDS):
        if p.checked is not None or not any(b.kind in ("closed", "wait", "late") for b in p.blockers):
            break  # a plan, or no wait helps (a red line, a large enterprise, answers needed)
        p = _round(rules, result, profile, tier, later, judge, frozen)
        if p.checked is not None:
            p.blockers = first.blockers  # why this round cannot work
            return p
    return first


def _round(rules: RuleSet, result: Result, profile: Profile, tier: TierResult, later: int,
           judge: Judge | None, frozen: frozenset[str] = frozenset()) -> TierPlan:
    last = result.last_year + later
    day = _add_years(result.as_of, later)
    renewal = result.renewal if later == 0 else None
    judged_by = judge(day) if judge is not None and later > 0 else None
    if judged_by is not None and (judged_by.id, judged_by.round) != (rules.id, rules.round):  # a round file keeps its set's id
        rules = judged_by
        if tier.id not in rules.tiers:
            return TierPlan(tier.id, tier.status, as_of=day, last_year=last, later=later, judged_by=rules)
    else:
        judged_by = None
    shifted = _shift(rules, dict(profile.values), result.last_year, later)
    start, basis = shifted.values, shifted.basis
    values = dict(start)

    def fixed(path: str) -> bool:
        return path in frozen or closed_now(rules, path, result.last_year)

    plan = TierPlan(tier.id, tier.status, as_of=day, last_year=last, later=later, judged_by=judged_by)
    moves: dict[str, Move] = {}
    for _ in range(ITERATIONS):
        now = engine.evaluate(rules, Profile(values), day, renewal)
        t = now.tiers[tier.id]
        if t.status in (MET, REVIEW, UNKNOWN):
            break  # met, or answers (not changes) decide it now
        gaps = analyse(rules, now, Profile(values), only=tier.id, fixed=fixed, today=result.as_of)
        steps = gaps[0].steps if gaps else []
        new: list[Move] = []
        blockers: list[Blocker] = []
        by_id = {c.id: c for c in t.criteria}
        if any(s.cut_short for s in steps):
            plan.cut_short = True
        for s in steps:
            if s.kind in ("red_line", "excluded", "barred"):
                blockers.append(Blocker(s.kind, s.criterion, s.title))
            elif s.kind == "blocked":
                held = [p for p in _leaf_inputs(t, s.criterion) if fixed(p)]
                shut = [p for p in held if closed_now(rules, p, result.last_year)]
                kind = "blocked"
                if shut:
                    kind = "wait" if all(waits(field_for_path(rules, p)) for p in shut) else "closed"
                elif held:  # a figure of the current year held at its value: the raise its days left cannot bring
                    kind = "late"
                blockers.append(Blocker(kind, s.criterion, s.title, shut or held))
            elif s.kind in ("change", "points", "title"):
                kind = "title" if s.kind == "title" else "change"
                new.extend(Move(c.path, c.field, c.before, c.after, kind, s.criterion, s.title) for c in s.changes)
            elif s.kind == "qualitative" and s.answered_no:
                c = by_id.get(s.criterion)
                for path in (c.inputs if c is not None else {}):
                    new.append(Move(path, field_for_path(rules, path), values.get(path), True, "qualitative",
                                    s.criterion, s.title))
        if blockers:
            plan.blockers = blockers
            break
        if not new:
            break
        for m in new:
            _apply(rules, m, values, moves, start)
        if plan.cut_short:
            break  # the budget is spent: check what we have rather than search again
    if not plan.blockers and not plan.cut_short:
        _trim(rules, tier.id, values, moves, last, renewal)
        _sync_within(rules, values, moves)
    _to_whole_amounts(rules, tier.id, values, moves, last, renewal)
    # waiting counts grown by the rounds waited, where a criterion of the tier waited for them (six
    # years in the niche, three needed, is no step: "2026年末达到7年" read like a to-do)
    waited = {p for c in tier.criteria if c.status != MET for p in c.inputs}
    for path, value in values.items():
        if path in start and start[path] != profile.values.get(path) and path not in moves and path in waited:
            f = field_for_path(rules, path)
            if waits(f):  # with the criterion it waits for, whose bar the step says beside the count
                waits_for = next((c.id for c in tier.criteria if c.kind == "check" and c.status != MET and path in c.inputs), "")
                moves[path] = Move(path, f, profile.values.get(path), value, "wait", waits_for, f.label)
    whole = engine.evaluate(rules, Profile(values), day, renewal)
    final = whole.tiers[tier.id]
    if not plan.blockers and final.status == UNKNOWN:
        plan.otherwise = _otherwise(rules, whole, values, tier.id, day, renewal, fixed, result.as_of)
    if plan.blockers:
        plan.checked = None
    elif final.status in (MET, REVIEW) or moves or (later > 0 and final.status == UNKNOWN):
        # a later round that only answers still decide is a plan: the wait (or the year's figures) is
        # its step and the answers its last one. Left without a verdict, the search went on to later
        # rounds that answers cannot reach either and reported "no plan in 4 years" for a tier that a
        # yes/no question and one year's wait settle.
        plan.checked = final.status
    plan.missing = sorted(final.needed())  # not a leaf under a met any-of: its answer decides nothing
    plan.moves = list(moves.values())
    plan.assumed = {p: v for p, v in start.items() if profile.values.get(p) != v and p not in moves}
    plan.basis, plan.shares, plan.none = basis, shifted.shares, frozenset(shifted.none)
    plan.proportions = shifted.proportions
    guessed = basis.keys() | shifted.shares.keys() | shifted.none
    plan.estimated = frozenset(p for p, m in moves.items() if p in guessed and m.before == start[p])
    for o in plan.otherwise:  # "2026年尚无数据" beside their steps too: 1,000 → 1,500 read as a figure reported
        o.estimated = frozenset(m.path for m in o.moves if m.path in guessed and m.before == start[m.path])
    if later > 0:
        read = {p for c in final.criteria if c.status != UNKNOWN for p in c.inputs}
        plan.renewed = {p: v for p in sorted(read) if (v := start.get(p)) is not None and is_yearly(rules, p)}
        plan.assumed |= {p: v for p, v in plan.renewed.items() if p not in moves}  # a premise, as the years' figures
        if plan.checked is not None:
            floors = _floors(rules, tier.id, values, {p: v for p, v in plan.assumed.items() if p in read},
                             last, renewal, frozenset(moves))
            plan.floors = {p: low for p, (low, _) in floors.items()}
            met_now = {c.id for c in tier.criteria if c.status == MET}
            # a criterion the later round's set names otherwise (another rule set) is not known met: a step
            plan.kept = frozenset(p for p, (_, held) in floors.items() if held and held <= met_now)
            plan.rests = _rests(rules, tier.id, values, final, plan, last, renewal)
    if plan.checked is not None:
        plan.shifts = _shifts(rules, tier.id, values, moves, last, renewal)
    return plan


def _shifts(rules: RuleSet, tier_id: str, values: dict[str, Scalar], moves: dict[str, Move], last: int,
            renewal: str | None) -> dict[str, Shift]:
    """Each yearly part the plan raises by more than its whole (``Shift``), with the figures that would
    add up the other way: the part and its whole raised together, the rest of the whole kept."""
    out: dict[str, Shift] = {}
    keeps: Callable[[dict[str, Scalar]], bool] | None = None
    asked = False
    for path, m in moves.items():
        whole_f = whole_of(rules, m.field)
        if m.kind != "change" or whole_f is None or not m.field.per_year:
            continue
        wpath = sibling_path(m.field, path, whole_f)
        wm = moves.get(wpath)
        part_before, part_after, whole_after = m.before, values.get(path), values.get(wpath)
        whole_before = wm.before if wm is not None else whole_after
        if not (isinstance(part_before, Decimal) and isinstance(part_after, Decimal)
                and isinstance(whole_before, Decimal) and isinstance(whole_after, Decimal)):
            continue
        rest_before, rest_after = whole_before - part_before, whole_after - part_after
        if rest_after >= rest_before or rest_before <= 0:
            continue  # the whole grows at least with its part: it adds up as it stands
        if not asked:
            keeps, asked = _keeper(rules, tier_id, values, last, renewal), True
        if keeps is not None and _sold_more(rules, keeps, values, path, wpath, part_after, rest_before):
            continue  # the part raised with its whole meets the tier too: nothing else need fall
        node = next((n for tid, n in rules.all_nodes() if tid == tier_id and n.id == m.criterion and n.kind == "check"),
                    None)
        together = _together(rules, keeps, values, path, wpath, part_after, rest_before, node, last) \
            if keeps is not None and node is not None else None
        out[path] = Shift(path, wpath, part_before, part_after, whole_after, wm is not None, rest_before, rest_after,
                          together)
    return out


def _sold_more(rules: RuleSet, keeps: Callable[[dict[str, Scalar]], bool], values: dict[str, Scalar], part: str,
               whole: str, part_after: Decimal, rest: Decimal) -> bool:
    """Whether the plan's part figure with its whole raised by as much (the rest kept at ``rest``) keeps the
    plan's verdict: then no fall of the rest is needed. 主营业务收入 raised for 2022's growth criterion
    reads as more sold, revenue rising with it; saying 其他业务收入须相应减少 there asked for a fall the
    criterion never needed, and late in the year weighed it as out of reach, a round later."""
    from littlegiant.load.consistency import part_violations

    trial = {**values, part: part_after, whole: part_after + rest}
    return keeps(trial) and not part_violations(rules, trial)


def _together(rules: RuleSet, keeps: Callable[[dict[str, Scalar]], bool], values: dict[str, Scalar], part: str,
              whole: str, part_after: Decimal, rest: Decimal, node: Node, last: int) -> tuple[Decimal, Decimal] | None:
    """The least part (in whole 万元, from the plan's on) that meets the criterion its step serves (``node``:
    the share) with its whole raised by as much, the rest of the whole kept at ``rest``: what selling more
    of the main business alone takes (10,200 → 16,200万 at 12,000万 of revenue, for a 90% share). Searched
    on that criterion alone, which only grows with the part (the tier as a whole need not: revenue
    past 24,000万 took an R&D share under 3%, and a search on it leapt there and found nothing), up to
    the ``LIMIT`` the gap search stops at; kept where the tier keeps the plan's verdict there too."""
    from littlegiant.core.gaps import LIMIT
    from littlegiant.load.consistency import part_violations

    trial = dict(values)
    base = part_after.to_integral_value(rounding=ROUND_CEILING)

    def at(k: int) -> dict[str, Scalar]:
        trial[part], trial[whole] = base + k, base + k + rest
        return trial

    def ok(k: int) -> bool:
        return engine.check_holds(rules, at(k), last, node) is True  # type: ignore[arg-type]

    bad, good = -1, 0
    while not ok(good):
        if good >= LIMIT:
            return None
        bad, good = good, max(good * 2, 1)
    while good - bad > 1:
        mid = (good + bad) // 2
        bad, good = (bad, mid) if ok(mid) else (mid, good)
    found = at(good)
    if not keeps(found) or part_violations(rules, found):
        return None  # selling more alone breaks another condition there (an R&D share): no figure to offer
    return base + good, base + good + rest


RESTS_MARGIN = Decimal("0.01")
"""How far (a share of it) an estimate may move, the way that hurts, before a step resting on it fails: a
step's figure is the least that meets its bar as estimated, so where its bar reads the estimate the step
fails at any move (负债总额 4,500万 is 75% of 资产总额 6,000万 exactly); where the step's own bar decides it
(研发费用 100万, its 3% of revenue far below), a year's figure 1% off last year's leaves it standing. 1% is
well under what a year's figure commonly moves by, and well over the whole 万元 a step is rounded to."""


def _rests(rules: RuleSet, tier_id: str, values: dict[str, Scalar], final: TierResult, plan: TierPlan, last: int,
           renewal: str | None) -> dict[str, list[str]]:
    """For each step, the estimated amounts (a later year's figure taken from an earlier one, with no floor
    line of its own) that its criterion reads and the plan holds on only as estimated: 1% off the estimate
    (RESTS_MARGIN), either way, and it fails. 「负债总额（2026年末）：4,512 → 4,500万元」 reaches 75% only
    with 资产总额 at 2025's 6,000万, which the revenue and R&D lines say of theirs (本计划按…估计) and it did not."""
    from littlegiant.load.consistency import part_violations

    keeps = _keeper(rules, tier_id, values, last, renewal)
    if keeps is None:
        return {}
    kids = final.children()
    found: dict[str, bool] = {}
    out: dict[str, list[str]] = {}
    for m in plan.moves:
        if m.kind != "change":
            continue
        read: list[str] = []
        todo = [c for c in final.criteria if c.id == m.criterion]
        while todo:
            c = todo.pop()
            read.extend(p for p in c.inputs if p not in read)
            todo.extend(kids.get(c.id, []))
        for path in read:
            v = plan.assumed.get(path)
            if path in plan.floors or path in plan.renewed or path in plan.none or not isinstance(v, Decimal) or v <= 0:
                continue
            try:
                f = field_for_path(rules, path)
            except InputError:
                continue
            if f.unit != "万元":
                continue
            if path not in found:
                step = max((v * RESTS_MARGIN).quantize(_WAN, ROUND_HALF_UP), _WAN)
                tight = False
                for w in (v - step, v + step):
                    trial = {**values, path: w}
                    if w >= 0 and not part_violations(rules, trial) and not keeps(trial):
                        tight = True
                        break
                found[path] = tight
            if found[path]:
                out.setdefault(m.path, []).append(path)
    return out


def _otherwise(rules: RuleSet, now: Result, values: dict[str, Scalar], tier_id: str, day: date, renewal: str | None,
               fixed: Callable[[str], bool], today: date) -> list[Otherwise]:
    """The other route of each any-of a blank answer leaves unknown once the plan's moves are made,
    kept where its moves, made together on top of the plan's, meet the group whatever that answer is."""
    out: list[Otherwise] = []
    for found in routes_beside_blank(rules, now, Profile(values), tier_id, fixed=fixed, today=today):
        group, blank, steps = found.group, found.blank, found.steps
        if steps is None:  # should the answer fail, the group fails this round: said, as much as a step
            out.append(Otherwise(group.id, [k.id for k in blank], [k.title for k in blank], reachable=False,
                                 group_title=group.title))
            continue
        trial, moves = dict(values), dict[str, Move]()
        for step in steps:
            for c in step.changes:
                _apply(rules, Move(c.path, c.field, c.before, c.after, "change", step.criterion, step.title),
                       trial, moves, values)
        whole_moves, whole_trial = _whole_amounts(rules, moves, trial)  # said in whole 万元, if they meet it so
        for said, tried in ((whole_moves, whole_trial), (moves, trial)):
            met = engine.evaluate(rules, Profile(tried), day, renewal).tiers[tier_id]
            if any(c.id == group.id and c.status == MET for c in met.criteria):
                out.append(Otherwise(group.id, [k.id for k in blank], [k.title for k in blank], list(said.values()),
                                     group_title=group.title))
                break
    return out


def is_yearly(rules: RuleSet, path: str) -> bool:
    """Whether ``path`` is a figure given anew each year though not kept by year (``yearly``: 本年度…得分)."""
    try:
        return field_for_path(rules, path).yearly
    except InputError:  # a path no field of this set has
        return False


def _apply(rules: RuleSet, m: Move, values: dict[str, Scalar], moves: dict[str, Move],
           start: dict[str, Scalar]) -> None:
    """Apply one move (and the figures that move with it), keeping the value before the plan."""
    old = moves.get(m.path)
    current = values.get(m.path)  # may differ from m.before when another move of this pass set it
    values[m.path] = m.after
    # before the plan: the figure given (or assumed for a later year), else what the search started from
    # (a part under a whole of 0 is 0, as its verdict says)
    moves[m.path] = Move(m.path, m.field, start.get(m.path, m.before) if old is None else old.before, m.after,
                         m.kind if old is None or old.kind in ("follows", "within") else old.kind, m.criterion, m.title)
    _raise_within(rules, m, values, moves, start)
    year = year_in_path(m.field, m.path)
    if year is None:
        return
    for pf in followers(rules).get(m.field.id, []):
        ppath = pf.concrete_path(year)
        before, part = current, values.get(ppath)
        if not (isinstance(before, Decimal) and isinstance(m.after, Decimal) and isinstance(part, Decimal)) or \
                before <= 0:
            continue
        if ppath in moves and moves[ppath].kind != "follows":
            continue  # the plan moves it on its own account
        # the same share of the new figure, never more than the whole (a part cannot exceed it)
        after = min((part * m.after / before).quantize(CENT, rounding=ROUND_HALF_UP), m.after)
        values[ppath] = after
        prev = moves.get(ppath)
        moves[ppath] = Move(ppath, pf, start.get(ppath) if prev is None else prev.before, after, "follows",
                            m.criterion, m.title)


def _raise_within(rules: RuleSet, m: Move, values: dict[str, Scalar], moves: dict[str, Move],
                  start: dict[str, Scalar]) -> None:
    """The counts a raised count is within by its definition (``FieldDef.within``) raised to it where
    below or blank: 4 Ⅰ类 held as a top-3 right holder are 4 self-developed and 4 applied, and a plan that
    raised the first to 4 beside 2 applied asked for figures that contradict each other. Each is a move
    of its own (``within``), which the plan says beside the one it follows."""
    if not isinstance(m.after, Decimal):
        return
    for other in m.field.within:
        of = rules.fields.get(other)
        if of is None:
            continue
        path = sibling_path(m.field, m.path, of)
        have = values.get(path)
        if isinstance(have, Decimal) and have >= m.after:
            continue
        values[path] = m.after
        prev = moves.get(path)
        kind = "within" if prev is None or prev.kind in ("within", "follows") else prev.kind
        before = start.get(path) if prev is None else prev.before
        whole = whole_of(rules, of)
        if before is None and whole is not None and start.get(sibling_path(of, path, whole)) == 0:
            before = Decimal(0)  # a blank part of a whole of 0 is 0, as the verdict and the plan's own step say
        moves[path] = Move(path, of, before, m.after, kind, m.criterion, m.title)


def _sync_within(rules: RuleSet, values: dict[str, Scalar], moves: dict[str, Move]) -> None:
    """The ``within`` moves brought to the count they follow as ``_trim`` left it: no higher than it
    needs (nor below what they were)."""
    for m in list(moves.values()):
        if m.kind != "within":
            continue
        leads = [v for lead in moves.values() if m.field.id in lead.field.within
                 and isinstance(v := values.get(lead.path), Decimal)]
        if not leads:  # the count it followed is no longer raised: nor is it
            if m.before is None:
                values.pop(m.path, None)
            else:
                values[m.path] = m.before
            del moves[m.path]
            continue
        after = max(leads) if not isinstance(m.before, Decimal) else max(max(leads), m.before)
        if after == m.before:
            values[m.path] = m.before
            del moves[m.path]
        else:
            values[m.path] = after
            moves[m.path] = dataclasses.replace(m, after=after)


def _whole_amounts(rules: RuleSet, moves: dict[str, Move], values: dict[str, Scalar], toward: bool = False
                   ) -> tuple[dict[str, Move], dict[str, Scalar]]:
    """Copies of ``moves`` and ``values`` with each amount in 万元 a move sets to a fraction of 万元 taken
    to the whole 万元 on the side that cannot understate it: a raise up, a cut down (with ``toward``, the
    other side instead, for the caller to check). A part whose whole the plan moves too (main revenue
    with revenue) keeps at least its share of the whole so taken. 「营业收入（2026年）：9,800 → 9,812.25万元」
    asked a finance manager for a quarter of a 万元 where every other target was whole (须不低于7,828万元)."""
    out_moves, out_values = dict(moves), dict(values)

    def whole_move(m: Move) -> tuple[str, Move] | None:
        whole = whole_of(rules, m.field)
        wpath = sibling_path(m.field, m.path, whole) if whole is not None else None
        return (wpath, moves[wpath]) if wpath is not None and wpath in moves else None

    amounts = {path: (m, m.after) for path, m in moves.items()
               if m.kind in ("change", "follows") and m.field.unit == "万元" and isinstance(m.after, Decimal)}
    for path, (m, planned) in amounts.items():
        if whole_move(m) is not None or planned == planned.to_integral_value():
            continue
        up = not isinstance(m.before, Decimal) or planned > m.before
        after = planned.to_integral_value(rounding=ROUND_CEILING if up != toward else ROUND_FLOOR)
        if toward and isinstance(m.before, Decimal) and (after <= m.before if up else after >= m.before):
            # no whole amount between: the side that cannot understate it (100 → 100.01 kept the fraction)
            after = planned.to_integral_value(rounding=ROUND_CEILING if up else ROUND_FLOOR)
        out_values[path] = after
        out_moves[path] = dataclasses.replace(m, after=after)
    for path, (m, planned) in amounts.items():
        found = whole_move(m)
        if found is None:
            continue
        wpath, wm = found
        was, now = wm.after, out_values.get(wpath)
        if not (isinstance(was, Decimal) and isinstance(now, Decimal)) or was <= 0:
            continue
        # its share of the whole as planned, of the whole as now taken, never over the whole
        after = min(max(planned, planned * now / was).to_integral_value(rounding=ROUND_CEILING), now)
        if after != planned:
            out_values[path] = after
            out_moves[path] = dataclasses.replace(m, after=after)
    return out_moves, out_values


def _to_whole_amounts(rules: RuleSet, tier_id: str, values: dict[str, Scalar], moves: dict[str, Move], last: int,
                      renewal: str | None) -> None:
    """The plan's amounts in whole 万元 (``_whole_amounts``), where the tier keeps what the plan gives it
    so; else as they are (a raise of revenue by a fraction may take a share of it under its bar)."""
    from littlegiant.load.consistency import part_violations

    whole_moves, whole_values = _whole_amounts(rules, moves, values)
    if whole_values == values:
        return
    keeps = _keeper(rules, tier_id, values, last, renewal)
    if keeps is not None:
        # the whole 万元 nearer the present figure first, where it does (10,800 for a 90% share of 12,000,
        # found as 10,800.0099): the least whole amount that keeps the tier
        near_moves, near_values = _whole_amounts(rules, moves, values, toward=True)
        if near_values != whole_values and keeps(near_values) and not part_violations(rules, near_values):
            whole_moves, whole_values = near_moves, near_values
        elif not (keeps(whole_values) and not part_violations(rules, whole_values)):
            return
    values.update(whole_values)
    moves.update(whole_moves)


def _keeper(rules: RuleSet, tier_id: str, values: dict[str, Scalar], last: int,
            renewal: str | None) -> Callable[[dict[str, Scalar]], bool] | None:
    """Whether other values keep what ``values`` give tier ``tier_id``: its verdict where met or awaiting
    review; where answers still decide it, every criterion met that was met (an unanswered branch beside
    a trimmed figure might not be, which the tier's own status cannot tell). None for a tier not met."""
    from littlegiant.core.plan import plan_for

    plan = plan_for(rules, last, renewal)
    summary = plan.run
    goal = summary(dict[str, object](values)).tiers[tier_id].status
    if goal == UNKNOWN:
        def met(vals: dict[str, Scalar]) -> frozenset[tuple[str, int]]:
            t = plan.tier_result(tier_id, dict[str, object](vals))  # the tier alone, as the engine judges it
            return frozenset((c.id, i) for i, c in enumerate(t.criteria) if c.status == MET)

        before = met(values)
        return lambda vals: met(vals) >= before
    if goal in (MET, REVIEW):
        return lambda vals: summary(dict[str, object](vals)).tiers[tier_id].status == goal
    return None


def _trim(rules: RuleSet, tier_id: str, values: dict[str, Scalar], moves: dict[str, Move], last: int,
          renewal: str | None) -> None:
    """Each raised figure brought down to the least that still meets the tier with the others as they
    are. Steps found one criterion at a time overshoot together: R&D raised for a two-year sum, then
    the later year raised for its share, left the first year 60万 above what the sum needed. Figures
    another moves with (revenue, with main-business revenue following) are left as planned."""
    from littlegiant.load.consistency import part_violations

    keeps = _keeper(rules, tier_id, values, last, renewal)
    if keeps is None:
        return
    led = followers(rules)
    for path, m in reversed(list(moves.items())):
        low, high = m.before, values.get(path)
        if m.kind != "change" or m.field.id in led or m.field.lever != "up" or \
                not (isinstance(low, Decimal) and isinstance(high, Decimal)) or high <= low:
            continue
        unit = Decimal(1) if low == low.to_integral_value() and high == high.to_integral_value() else CENT
        lo, hi = low, high  # high is known to keep it; search the whole steps between
        while hi - lo > unit:
            mid = (lo + (hi - lo) / 2).quantize(unit, rounding=ROUND_HALF_UP)
            if mid in (lo, hi):
                break
            values[path] = mid
            if keeps(values) and not part_violations(rules, values):  # a whole never below its part
                hi = mid
            else:
                lo = mid
        values[path] = lo
        passes = lo if keeps(values) and not part_violations(rules, values) else hi
        values[path] = passes
        if passes == m.before:
            del moves[path]  # the others meet it without this one
        else:
            moves[path] = Move(m.path, m.field, m.before, passes, m.kind, m.criterion, m.title)


def _floors(rules: RuleSet, tier_id: str, values: dict[str, Scalar], assumed: dict[str, Scalar], last: int,
            renewal: str | None, moved: frozenset[str] = frozenset()) -> dict[str, tuple[Decimal, frozenset[str]]]:
    """The least each amount a later round's plan takes as last year's may fall to, the others as
    assumed, for the plan to hold: 研发费用（2026年） at least 550万 where 2025's 650万 was assumed. A plan
    with no step to take (2025's R&D, kept in 2026, meets 近两年合计1200万) was read as nothing to do,
    where a 2026 below 550万 fails it. A floor that is the estimate itself is kept too: 2025's 600万 of
    R&D, kept in 2026, meets 近两年合计1200万 exactly, and left out as "met" the plan said nothing of a
    2026 that 1万 less fails. A whole moves its parts in proportion (revenue, main revenue
    with it); an amount whose floor is nothing, or a twentieth of it or less (营业收入
    at least 1万, for a share of it to be defined) is left out, and so is a balance
    at year end: 资产总额 holds a debt ratio, which a floor on assets alone says as if assets were a budget.
    With each floor, the criteria it holds: met at the floor and not just under it (the R&D share and
    its 近两年 group for 研发费用, 上年度营业收入不低于1500万元 for revenue), which tell a floor that mends
    what fails the tier today from one that keeps what it meets (``TierPlan.kept``). A part the plan itself
    sets (``moved``: 主营业务收入 raised by a step) is held at the plan's figure: scaled with its whole, the
    whole's "floor" restated the part's own need (营业收入 须不低于4,980万, 正好达到, which 1万 less still met)."""
    from littlegiant.core.plan import plan_for
    from littlegiant.load.consistency import part_violations

    keeps = _keeper(rules, tier_id, values, last, renewal)
    if keeps is None:
        return {}
    judged = plan_for(rules, last, renewal)

    def met(vals: dict[str, Scalar]) -> set[str]:
        return {c.id for c in judged.tier_result(tier_id, dict[str, object](vals)).criteria if c.status == MET}

    led = followers(rules)
    parts = {f.id for fs in led.values() for f in fs}
    out: dict[str, tuple[Decimal, frozenset[str]]] = {}
    for path, high in assumed.items():
        try:
            f = field_for_path(rules, path)
        except InputError:
            continue
        year = year_in_path(f, path)
        if f.unit != "万元" or f.lever != "up" or f.id in parts or year is None or not isinstance(high, Decimal) \
                or high <= 0 or "年末" in f.label.zh:  # a year-end balance (资产总额（年末）) is no budget to keep
            continue
        trial = dict(values)
        shares = {pf.concrete_path(year): v / high for pf in led.get(f.id, [])
                  if pf.concrete_path(year) not in moved and isinstance(v := trial.get(pf.concrete_path(year)), Decimal)}

        def holds(v: Decimal, path: str = path, trial: dict[str, Scalar] = trial,
                  shares: dict[str, Decimal] = shares) -> bool:
            trial[path] = v
            for ppath, share in shares.items():
                trial[ppath] = (v * share).quantize(CENT, rounding=ROUND_HALF_UP)
            return keeps(trial) and not part_violations(rules, trial)

        if holds(Decimal(0)) or not holds(high):
            continue  # nothing of it is needed, or the plan does not hold on the estimate (no floor to say)
        unit = Decimal(1) if high == high.to_integral_value() else CENT
        lo, hi = Decimal(0), high
        while hi - lo > unit:
            mid = (lo + (hi - lo) / 2).quantize(unit, rounding=ROUND_HALF_UP)
            if mid in (lo, hi):
                break
            lo, hi = (lo, mid) if holds(mid) else (mid, hi)
        held = [v for pf in led.get(f.id, []) if (pp := pf.concrete_path(year)) in moved
                and isinstance(v := values.get(pp), Decimal)]
        if held and hi <= max(held):
            continue  # no whole is under its part: the step that sets the part says this floor already
        if hi * 20 >= high:  # far under it (营业收入 at least 1万, a share's defined), it plans nothing
            holds(hi)
            at = met(trial)
            holds(lo)  # fails the plan (0 was tried above)
            out[path] = hi, frozenset(at - met(trial))
    return out


def _leaf_inputs(tier: TierResult, cid: str) -> list[str]:
    """Every input read by a criterion and the criteria under it that are not met: what holds it. The
    met ones' were said too: 2022's 专业化, failing on two years in the niche alone, was said to rest
    on 2023–2025's figures (its met main-business share), which no one can change, rather than to
    wait for the third year."""
    kids = tier.children()
    out: list[str] = []
    todo = [c for c in tier.criteria if c.id == cid]
    while todo:
        c = todo.pop()
        if c.status == MET and c.id != cid:
            continue
        out.extend(p for p in c.inputs if p not in out)
        todo.extend(kids.get(c.id, []))
    return out


def plan_all(rules: RuleSet, result: Result, profile: Profile, judge: Judge | None = None) -> dict[str, TierPlan]:
    """A checked plan for every tier that is neither met nor awaiting review, in ladder order.

    A tier whose plan asks for a lower tier's title first can be applied for no sooner than that title:
    its plan starts at the round of the lower tier's own plan (2028 for 专精特新 makes 小巨人 2028 at the
    earliest), and has none when the lower tier has none. A plan whose round hangs on a raise of the
    current year's figures is given the round after: beside it (``unhurried``) where the raise may be
    made, in its place (``sooner``) where it is far beyond the days left (``out_of_reach``), so that
    the tiers above are dated by the round a company can meet.
    """
    plans: dict[str, TierPlan] = {}
    for tid, t in result.tiers.items():
        if t.status in (MET, REVIEW):
            continue
        own = _without_unrenewed(result, profile, plans)
        p = _after_titles(rules, result, own, plan_tier(rules, result, own, tid, judge=judge), plans, judge)
        dated = (MET, REVIEW, UNKNOWN)  # a plan that meets the tier, or leaves only answers to give
        if p.checked in dated and out_of_reach(p, result.as_of):
            # the same round another way, without the raises far beyond its days left (new equity where
            # revenue +1,300万 in 36 days was asked; a raise the days may bring, R&D +10万, may stay): it is the
            # plan, as it asks nothing out of reach
            same = plan_tier(rules, result, own, tid, start=p.later, judge=judge,
                             frozen=frozenset(m.path for m in far_beyond(p, result.as_of)))
            same = _after_titles(rules, result, own, same, plans, judge)
            if same.checked in dated and same.later == p.later and not out_of_reach(same, result.as_of):
                p = same
        rushed = frozenset(m.path for m in hurried(p, result.as_of))
        if p.checked in dated and rushed:
            # the raise may not be made in the days left: the first round after that needs none of these
            # figures raised (a round that read them raised again was offered, and the raise with it)
            q = plan_tier(rules, result, own, tid, start=p.later + 1, judge=judge, frozen=rushed)
            if q.checked in dated and q.later > p.later and out_of_reach(p, result.as_of):
                # the raise is far beyond the days left: the round after is the plan, this one its "only if";
                # why the rounds before cannot work (closed years, a title first) is said of it as of this one
                q.sooner = p
                q.blockers = list({(b.kind, b.criterion): b for b in [*p.blockers, *q.blockers]}.values())
                p = q
            elif q.checked in dated and q.later > p.later:
                p.unhurried = q
        plans[tid] = p
    return plans


def unrenewed(result: Result, plans: Mapping[str, TierPlan]) -> str | None:
    """The title this run renews where its renewal has not passed (its tier has a plan: not met, nor
    awaiting only the authority's review) though the profile says it is held: kept only if that plan
    works this round, lost if the plan is for a later round. None otherwise."""
    renewed = result.renewal
    return renewed if renewed is not None and result.renewal_held is True and renewed in plans else None


def _without_unrenewed(result: Result, profile: Profile, plans: Mapping[str, TierPlan]) -> Profile:
    """The profile the plans of the tiers above a renewed title start from: that title not held until
    its renewal passes (``unrenewed``). A failing 专精特新 renewal's plan re-applied in 2028, while the 小巨人
    plan, reading the title still held, dated the company in 2027, when it would hold no 专精特新 title;
    planned as not held, the title is a step asked first and dates the tier by its own plan."""
    renewed = unrenewed(result, plans)
    if renewed is None:
        return profile
    return dataclasses.replace(profile, values={**profile.values, f"titles.{renewed}": False})


def titles_first(p: TierPlan) -> list[str]:
    """The tiers whose titles the plan asks for first."""
    return [tid for tid in map(held_tier, p.moves) if tid is not None]


def held_tier(m: Move) -> str | None:
    """The tier whose title a title move asks for: its yes/no answer is ``titles.<tier>`` (a title
    that is no tier here, such as 科技型中小企业 入库, names none)."""
    if m.kind != "title" or not m.path.startswith("titles."):
        return None
    return m.path.split(".", 1)[1]


def _after_titles(rules: RuleSet, result: Result, profile: Profile, p: TierPlan,
                  plans: dict[str, TierPlan], judge: Judge | None) -> TierPlan:
    """The plan moved to the round of the titles it needs first, never before them."""
    needed = [(tid, plans[tid]) for tid in titles_first(p) if tid in plans]
    if not needed:
        return p
    moves = {m.path: m for m in p.moves}

    def blocker(tid: str, q: TierPlan) -> Blocker:
        m = moves[f"titles.{tid}"]
        return Blocker("title", m.criterion, result.tiers[tid].title, [m.path],
                       q.as_of.year if q.checked is not None and q.as_of is not None else None)

    hopeless = [(tid, q) for tid, q in needed if q.checked is None and (q.blockers or not q.missing)]
    if hopeless:  # no plan for the title: none for the tier that needs it
        tid, q = hopeless[0]
        return TierPlan(p.tier, p.status, as_of=p.as_of, last_year=p.last_year, later=p.later,
                        blockers=[blocker(tid, q), *p.blockers])
    undated = [blocker(tid, q) for tid, q in needed if q.checked is None]  # answers first: no date yet
    if undated:  # the plan stands, and says its title cannot be dated until those answers are in
        p.blockers = [*undated, *p.blockers]
        return p
    earliest = max(q.later for _, q in needed)
    if earliest <= p.later:
        return p
    later = plan_tier(rules, result, profile, p.tier, start=earliest, judge=judge)
    why = [blocker(tid, q) for tid, q in needed if q.later == earliest]
    blockers: dict[tuple[str, str], Blocker] = {}
    for b in [*why, *p.blockers, *(later.blockers if later.checked is None else [])]:
        blockers.setdefault((b.kind, b.criterion), b)
    later.blockers = list(blockers.values())
    return later
