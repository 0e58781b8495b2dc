"""The rule engine: a pure function from (profile, rule set, as-of date, renewal) to a Result.

It knows nothing of terminals or files. Unknown inputs stay unknown: a criterion whose
inputs are missing is ``unknown`` and a score with missing inputs is an interval
[score_min, score_max] over every value those inputs could take. Statuses combine as
docs/output.md §4 says: all-of takes the worst, any-of the best branch.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any

from littlegiant.core.result import MET, UNKNOWN, UNMET, Result, close_calls
from littlegiant.load import expr
from littlegiant.load.consistency import unusual_figures
from littlegiant.load.profile import Profile, stale_year
from littlegiant.load.rulecalendar import RENEWABLE, Choice
from littlegiant.load.rules import Band, Node, RuleSet, ScoreItem, SizeStandard

Cond = Callable[[Any, int], expr.Value]
"""A band's ``when`` condition as compiled for some environment (``fn(env, 0)``)."""


def _condition(band: Band, value: expr.Value, env: Any, when: Cond | None) -> bool | None:
    if band.at_least is not None:
        return None if value is None else bool(value >= band.at_least)  # type: ignore[operator]
    if band.at_most is not None:
        return None if value is None else bool(value <= band.at_most)  # type: ignore[operator]
    if when is not None:
        v = when(env, 0)
        return None if v is None else bool(v)
    return True


_ZERO = Decimal(0)
BandScore = tuple[Decimal, Decimal, Decimal, Band | None]


def band_points(bands: tuple[Band, ...], value: expr.Value, env: Any, *,
                whens: tuple[Cond | None, ...]) -> BandScore:
    """A first-match band list under unknown conditions: (lowest possible points, highest possible,
    lowest when points resting on qualitative answers are not counted, the band surely chosen).

    The one implementation of band scoring: it stops as soon as nothing further can change (a
    full result lists a band's inputs from the rule data, not from what was read). ``whens`` are
    the bands' conditions compiled for ``env`` (a plan's per-profile dict).
    """
    possible: list[Decimal] = []
    strict_possible: list[Decimal] = []
    chosen: Band | None = None
    settled = False
    strict_open = True  # no band surely chosen yet when review bands count as not holding
    for band, when in zip(bands, whens, strict=True):
        if settled and not strict_open:
            break
        cond = _condition(band, value, env, when)
        if strict_open:
            strict = False if band.review else cond
            if strict is None:
                strict_possible.append(band.points)
            elif strict:
                strict_possible.append(band.points)
                strict_open = False
        if not settled:
            if cond is None:
                possible.append(band.points)
            elif cond:
                possible.append(band.points)
                chosen, settled = band, True
    if not settled:
        possible.append(_ZERO)
    if strict_open:
        strict_possible.append(_ZERO)
    if len(possible) > 1:
        chosen = None
    return min(possible), max(possible), min(strict_possible), chosen


def band_scorer(bands: tuple[Band, ...], whens: tuple[Cond | None, ...]) -> Callable[[expr.Value, Any], BandScore]:
    """``band_points`` for one band list, prepared once for scoring many profiles.

    Without review points, ``band_points`` reduces to: every band whose condition is unknown is
    possible, up to the first that surely holds (or the unconditional last line, or zero), and the
    lowest possible is also the strict low. When every condition on the way is a known no, that
    is the first band that holds, alone: those results are made here, once. An unknown value of an
    "at least" list gives ``band_points``'s own answer for an unknown, also made once. Lists with
    review points are scored by ``band_points`` on each call. Property tests hold the two to the
    same answers.
    """
    if any(b.review for b in bands):
        return lambda value, env: band_points(bands, value, env, whens=whens)
    missed: BandScore = (_ZERO, _ZERO, _ZERO, None)
    steps = []
    for b, when in zip(bands, whens, strict=True):
        result: BandScore = (b.points, b.points, b.points, b)
        if b.at_least is None and b.at_most is None and when is None:
            missed = result  # unconditional: every later band is unreachable
            break
        steps.append((b.at_least, b.at_most, when, result))
    if steps and all(low is not None for low, _, _, _ in steps):  # "at least" lines: most score items
        unknown = band_points(bands, None, None, whens=whens)
        floors = [(low, result) for low, _, _, result in steps]

        def at_least(value: expr.Value, env: Any) -> BandScore:
            if value is None:
                return unknown
            for bound, result in floors:
                if value >= bound:  # type: ignore[operator]
                    return result
            return missed
        return at_least

    def conditions(value: expr.Value, env: Any) -> BandScore:
        # band_points without review bands: every band not surely skipped is possible, up to the
        # first that surely holds, and the lowest possible is also the strict low.
        low = high = None
        for at_least, at_most, when, result in steps:
            if at_least is not None:
                holds = None if value is None else value >= at_least  # type: ignore[operator]
            elif at_most is not None:
                holds = None if value is None else value <= at_most  # type: ignore[operator]
            else:
                holds = when(env, 0)  # type: ignore[misc]
            if holds is None:
                points = result[0]
                if low is None or high is None:
                    low = high = points
                elif points < low:
                    low = points
                elif points > high:
                    high = points
            elif holds:
                if low is None or high is None:
                    return result
                return min(low, result[0]), max(high, result[0]), min(low, result[0]), None
        if low is None or high is None:
            return missed
        return min(low, missed[0]), max(high, missed[0]), min(low, missed[0]), None
    return conditions


def each_points(bands: tuple[Band, ...], env: Any, whens: tuple[Cond | None, ...]
                ) -> tuple[Decimal, Decimal, Decimal, expr.Value, bool]:
    """Points for each condition that holds: (lowest, highest, lowest without review points,
    how many hold or None when some are unknown, whether review points are counted); uncapped."""
    low = high = strict = _ZERO
    held, unknown, review = 0, False, False
    for band, when in zip(bands, whens, strict=True):
        cond = _condition(band, None, env, when)
        if cond is None:
            unknown = True
            high += band.points
        elif cond:
            held += 1
            low += band.points
            high += band.points
            if band.review:
                review = True
            else:
                strict += band.points
    return low, high, strict, (None if unknown else Decimal(held)), review


# ------------------------------------------------------------------------------ SME


def _any_under(bounds: dict[str, Decimal], inputs: dict[str, expr.Value]) -> bool | None:
    """Whether some figure lies under its bound (unknown when none does but some are missing)."""
    unknown = False
    for k, bound in bounds.items():
        v = inputs.get(k)
        if v is None:
            unknown = True
        elif v < bound:  # type: ignore[operator]
            return True
    return None if unknown else False


def _all_at_least(bounds: dict[str, Decimal], inputs: dict[str, expr.Value]) -> bool | None:
    under = _any_under(bounds, inputs)
    return None if under is None else not under


def classify_size(size: SizeStandard, industry: str | None, inputs: dict[str, expr.Value]) -> tuple[str, str | None]:
    """(status, size) under the 300号 standard; 'X以下' exclusive, 'X及以上' inclusive."""
    if industry is None or industry not in size.industries:
        return UNKNOWN, None
    cls = size.industries[industry]
    is_sme = _any_under(cls.ceiling, inputs)
    if is_sme is False:
        return UNMET, "large"
    if is_sme is None:
        return UNKNOWN, None
    medium = _all_at_least(cls.medium, inputs)
    if medium:
        return MET, "medium"
    small = _all_at_least(cls.small, inputs)
    if medium is False and small is not None:
        return MET, "small" if small else "micro"
    if small is False:  # the medium bounds lie above the small ones, so neither holds
        return MET, "micro"
    return MET, None


# --------------------------------------------------------------------------- engine


def evaluate(rules: RuleSet, profile: Profile, as_of: date, renewal: str | None = None,
             calendar: Choice | None = None) -> Result:
    """Assess ``profile`` under ``rules`` as of ``as_of`` (last year = as_of.year − 1).

    ``renewal`` names the tier renewed: that tier uses its renewal clauses and the others are
    judged as new applications. ``calendar`` is carried into the result so that every report can
    say which set judged it and why; the engine does not read it. The rule set's compiled plan
    (``plan.py``, the one evaluator) does the work; this adds what a result says about itself.
    """
    from littlegiant.core.plan import plan_for

    last_year = as_of.year - 1
    plan = plan_for(rules, last_year, renewal)
    sme_status, size, tiers = plan.evaluate(profile.values)  # type: ignore[arg-type]
    return Result(
        rules_id=rules.id, rules_title=rules.title, in_force_from=rules.in_force_from, rules_source=rules.source,
        as_of=as_of, last_year=last_year, renewal=renewal, input_sha256=profile.sha256(), name=profile.name,
        sme_status=sme_status, sme_size=size, tiers=tiers, calendar=calendar, rules_notes=rules.notes,
        documents=documents(rules), warnings=unusual_figures(rules, profile.values, profile.percent_signed,
                                                                 profile.yuan_by_sign, last_year),
        latest_year=stale_year(rules, profile.values, last_year),
        close=close_calls(tiers, profile.approximate, rules, profile.values, plan.item_points, plan.holds),
        renewal_held=_held(profile.values.get(f"titles.{renewal}")) if renewal else None,
        titles_held=tuple(t for t in RENEWABLE if profile.values.get(f"titles.{t}") is True), rules=rules,
    )


def _held(answer: object) -> bool | None:
    """A yes/no title answer as given, else None (not asked or not answered)."""
    return answer if isinstance(answer, bool) else None


_DOCUMENT_TAIL = re.compile(r"〔\d{4}〕\d+号")


def document_numbers(text: str) -> list[str]:
    """The official document numbers in ``text`` (工信部企业〔2026〕2号): a run of CJK ideographs
    (U+4E00 to U+9FFF), 〔, four digits, 〕, digits, 号, as a regular expression with a class of
    those ideographs would find them, without compiling that class at every start (~10M
    instructions, 1% of an assessment's)."""
    found: list[str] = []
    end = 0  # where the last number found ends: numbers do not overlap
    at = text.find("〔")
    while at != -1:
        tail = _DOCUMENT_TAIL.match(text, at)
        start = at
        while start > end and "\u4e00" <= text[start - 1] <= "\u9fff":
            start -= 1
        if tail is not None and start < at:
            found.append(text[start:tail.end()])
            end = tail.end()
        at = text.find("〔", max(at + 1, end))
    return found


def documents(rules: RuleSet) -> tuple[str, ...]:
    """The official texts a rule set rests on: every document number its sources cite, in order
    (found once per rule set: every result carries them)."""
    hit = rules.memo.get("documents")
    if hit is None:
        hit = rules.memo["documents"] = _documents(rules)
    return hit


def _documents(rules: RuleSet) -> tuple[str, ...]:
    found: dict[str, None] = {}
    for text in (rules.source, rules.size.source, *(n.source or "" for _, n in rules.all_nodes()),
                 *(i.source for t in rules.scores.values() for i in t.items)):
        for m in document_numbers(text):
            found.setdefault(m, None)
    return tuple(found)


# ------------------------------------------------------------------ probes for advice


Overrides = dict[tuple[str, int | None], expr.Value]


def check_holds(rules: RuleSet, values: dict[str, object], last_year: int, node: Node,
                overrides: Overrides | None = None) -> bool | None:
    """Whether one check node holds on ``values``: the cheap probe the gap search repeats."""
    from littlegiant.core.plan import plan_for

    status = plan_for(rules, last_year, None).holds(node, values, overrides)
    return None if status == UNKNOWN else status == MET


def item_points(rules: RuleSet, values: dict[str, object], last_year: int, item: ScoreItem,
                overrides: Overrides | None = None) -> tuple[Decimal, Decimal]:
    """(lowest, highest) points of one score item on ``values``."""
    from littlegiant.core.plan import plan_for

    return plan_for(rules, last_year, None).item_points(item, values, overrides)
