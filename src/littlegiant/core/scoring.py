"""Scoring primitives the compiled evaluator (``plan.py``) builds on: a band list's points under
unknown inputs, and an SME's size under its industry's standard. Kept apart from ``engine`` so that
the evaluator and the engine that calls it import one way (plan -> scoring, engine -> plan)."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from littlegiant.core.result import MET, UNKNOWN, UNMET
from littlegiant.load import expr
from littlegiant.load.rules import Band, SizeClass, SizeStandard

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
Points = tuple[Decimal, Decimal, Decimal]
"""A band list's points without the band chosen (``points_scorer``)."""


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
    return _scorer(bands, whens, True)


def points_scorer(bands: tuple[Band, ...], whens: tuple[Cond | None, ...]) -> Callable[[expr.Value, Any], Points]:
    """``band_scorer``'s points alone, (lowest, highest, strict lowest), without the band chosen: what
    a summary's score table adds up and keeps its sums by. Its answers are made once, as
    ``band_scorer``'s are, so a table's key is a tuple of them, not a tuple built of their slices."""
    return _scorer(bands, whens, False)


AtLeast = tuple[tuple[Any, ...], tuple[tuple[Decimal, tuple[Any, ...]], ...], tuple[Any, ...]]
"""A list of "at least" bands as ``at_least_lines`` gives it: (the answer for an unknown value, each
bound with the answer from it up, the answer below every bound)."""


def at_least_lines(bands: tuple[Band, ...], whens: tuple[Cond | None, ...], chosen: bool) -> AtLeast | None:
    """What ``_scorer`` scores a list of "at least" bands without review points by (most score items), for
    a caller that scores such a value itself (a plan's item of one derived quantity, without a call for
    its bands); None for any other list. ``chosen``: answers with the band chosen, as ``band_scorer``'s."""
    if any(b.review for b in bands):
        return None
    steps, missed = _steps(bands, whens, chosen)
    floors = tuple((low, result) for low, _, _, result in steps if low is not None)
    if not steps or len(floors) < len(steps):
        return None
    return band_points(bands, None, None, whens=whens)[:4 if chosen else 3], floors, missed


def _steps(bands: tuple[Band, ...], whens: tuple[Cond | None, ...], chosen: bool
           ) -> tuple[list[tuple[Decimal | None, Decimal | None, Cond | None, tuple[Any, ...]]], tuple[Any, ...]]:
    """Each band up to the first unconditional one as (at least, at most, when, its answer), and the
    answer when none holds (that band's, else no points)."""
    missed: tuple[Any, ...] = (_ZERO, _ZERO, _ZERO, *((None,) if chosen else ()))
    steps = []
    for b, when in zip(bands, whens, strict=True):
        result: tuple[Any, ...] = (b.points, b.points, b.points, b)[:4 if chosen else 3]
        if b.at_least is None and b.at_most is None and when is None:
            missed = result  # unconditional: every later band is unreachable
            break
        steps.append((b.at_least, b.at_most, when, result))
    return steps, missed


def _scorer(bands: tuple[Band, ...], whens: tuple[Cond | None, ...], chosen: bool) -> Callable[[expr.Value, Any], Any]:
    """``band_scorer`` (``chosen``: with the band surely chosen) or ``points_scorer``."""
    if any(b.review for b in bands):
        if chosen:
            return lambda value, env: band_points(bands, value, env, whens=whens)
        return lambda value, env: band_points(bands, value, env, whens=whens)[:3]
    tail = (None,) if chosen else ()  # a band_scorer's fourth, the band chosen
    steps, missed = _steps(bands, whens, chosen)
    lines = at_least_lines(bands, whens, chosen)
    if lines is not None:  # "at least" lines: most score items
        unknown, floors, missed = lines

        def at_least(value: expr.Value, env: Any) -> tuple[Any, ...]:
            if value is None:
                return unknown
            for bound, result in floors:
                if value >= bound:  # type: ignore[operator]
                    return result
            return missed
        return at_least

    def conditions(value: expr.Value, env: Any) -> tuple[Any, ...]:
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
                return (min(low, result[0]), max(high, result[0]), min(low, result[0]), *tail)
        if low is None or high is None:
            return missed
        return (min(low, missed[0]), max(high, missed[0]), min(low, missed[0]), *tail)
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


def classify_size(size: SizeStandard, industry: str | None, inputs: dict[str, expr.Value]) -> tuple[str, str | None]:
    """(status, size) under the 300号 standard; 'X以下' exclusive, 'X及以上' inclusive. One way of
    classifying (``size_classifier``), here on a dict of the industry's figures by name."""
    if industry is None or industry not in size.industries:
        return UNKNOWN, None
    cls = size.industries[industry]
    return size_classifier(cls, {k: k for k in (*cls.ceiling, *cls.medium, *cls.small)})(inputs.get)


def size_classifier(cls: SizeClass, paths: dict[str, str]) -> Callable[[Callable[[str], Any]], tuple[str, str | None]]:
    """The size class of one industry, prepared once (``paths``: each figure its ceiling, medium or small
    bounds name -> where a dict holds it; a figure outside ``paths`` unknown): a function of the dict's
    ``get``. A batch row's plan reads the profile's dict itself, without a dict of inputs and the
    calls around each bound list (~2 µs of a row, the SME gate of every row); ``classify_size`` is it
    on a dict of figures by name. Some figure under its bound is True, unknown when none is but some
    are missing; a class is below every ceiling, medium at or above every medium bound."""
    def bounds(of: dict[str, Decimal]) -> tuple[tuple[str | None, Decimal], ...]:
        return tuple((paths.get(k), bound) for k, bound in of.items())

    ceiling, medium, small = bounds(cls.ceiling), bounds(cls.medium), bounds(cls.small)
    large, unknown = (UNMET, "large"), (UNKNOWN, None)

    def under(lines: tuple[tuple[str | None, Decimal], ...], get: Callable[[str], Any]) -> bool | None:
        missing = False
        for path, bound in lines:
            v = get(path) if path is not None else None
            if v is None:
                missing = True
            elif v < bound:
                return True
        return None if missing else False

    def classify(get: Callable[[str], Any]) -> tuple[str, str | None]:
        is_sme = under(ceiling, get)
        if is_sme is False:
            return large
        if is_sme is None:
            return unknown
        below = under(medium, get)
        if below is False:  # at least every medium bound
            return MET, "medium"
        below_small = under(small, get)
        if below is True and below_small is not None:
            return MET, "micro" if below_small else "small"
        if below_small is True:  # the medium bounds lie above the small ones, so neither holds
            return MET, "micro"
        return MET, None
    return classify
