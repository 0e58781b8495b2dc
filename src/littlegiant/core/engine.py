"""The rule engine: a pure function from (profile, rule set, as-of date, renewal) to a Result.

It knows nothing of terminals or files. Unknown inputs stay unknown: a criterion whose
inputs are missing is ``unknown`` and a score with missing inputs is an interval
[score_min, score_max] over every value those inputs could take. Statuses combine as
docs/output.md §4 says: all-of takes the worst, any-of the best branch.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from littlegiant import lazyre
from littlegiant.core.plan import plan_for
from littlegiant.core.result import MET, UNKNOWN, Result, close_calls
from littlegiant.load import expr
from littlegiant.load.consistency import unusual_figures
from littlegiant.load.profile import Profile, stale_year
from littlegiant.load.rulecalendar import RENEWABLE, Choice
from littlegiant.load.rules import Node, RuleSet, ScoreItem

# --------------------------------------------------------------------------- engine


def evaluate(rules: RuleSet, profile: Profile, as_of: date, renewal: str | None = None,
             calendar: Choice | None = None) -> Result:
    """Assess ``profile`` under ``rules`` as of ``as_of`` (last year = as_of.year − 1).

    ``renewal`` names the tier renewed: that tier uses its renewal clauses and the others are
    judged as new applications. ``calendar`` is carried into the result so that every report can
    say which set judged it and why; the engine does not read it. The rule set's compiled plan
    (``plan.py``, the one evaluator) does the work; this adds what a result says about itself.
    """
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


_DOCUMENT_TAIL = lazyre.compile(r"〔\d{4}〕\d+号")


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
    status = plan_for(rules, last_year, None).holds(node, values, overrides)
    return None if status == UNKNOWN else status == MET


def item_points(rules: RuleSet, values: dict[str, object], last_year: int, item: ScoreItem,
                overrides: Overrides | None = None) -> tuple[Decimal, Decimal]:
    """(lowest, highest) points of one score item on ``values``."""
    return plan_for(rules, last_year, None).item_points(item, values, overrides)
