"""One assessment as ``littlegiant assess`` and ``littlegiant.assess`` both make it: the what-if
applied, its baseline kept, and the advice searched. Written once here so that the command and the
Python API cannot come to differ in what they evaluate (they did it step by step, each its own way)."""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from littlegiant.core import engine
from littlegiant.core.result import Result
from littlegiant.load import profile as profiles
from littlegiant.load.profile import Profile
from littlegiant.load.rulecalendar import Choice
from littlegiant.load.rules import RuleSet


class Assessed(NamedTuple):
    """What an assessment gives a report: the result, the profile it read (the what-if applied),
    the result before the what-if (None without one) and each figure the what-if changed."""

    result: Result
    profile: Profile
    baseline: Result | None
    assumed: list[profiles.Assumed]


def assessed(rules: RuleSet, profile: Profile, day: date, renewal: str | None, choice: Choice | None,
             sets: list[str], advice: bool) -> Assessed:
    """``profile`` assessed under ``rules`` on ``day``; with ``sets`` (FIELD=VALUE, as --set takes
    them), after the what-if, the result before it kept as the baseline; with ``advice``, the steps
    that would meet each tier not met (``result.advice``)."""
    baseline = None
    assumed: list[profiles.Assumed] = []
    if sets:
        baseline = engine.evaluate(rules, profile, day, renewal, choice)
        before, profile = profile, profiles.apply_sets(profile, rules, sets, day.year - 1)
        assumed = profiles.set_changes(before, profile, rules, sets, day.year - 1)
    result = engine.evaluate(rules, profile, day, renewal, choice)
    if advice:
        from littlegiant.core.gaps import analyse

        result.advice = {g.tier: g for g in analyse(rules, result, profile)}
    return Assessed(result, profile, baseline, assumed)
