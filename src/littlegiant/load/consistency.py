"""Whether a profile's figures hang together (docs/criteria.md §8a), as data: no words, no files.

Two checks, both declared in the rule data on the fields: ``part_of`` (a part never exceeds its
whole: a profile that says otherwise is bad input, refused wherever it comes in) and
``warn_above`` / ``warn_growth`` (figures that are possible but unusual: warnings in the report,
never errors). Loaders, the engine, batch rows and the interview all ask these two functions, so
every way in answers alike; the renderers and the interview put the findings into words.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from littlegiant.load.rules import FieldDef, RuleSet
from littlegiant.records import record

ABOVE, GROWTH = "above", "growth"


@record(frozen=True, hot=True)
class Figure:
    """One known number of a profile: its field, its concrete path, its value."""

    field: FieldDef
    path: str
    value: Decimal


@record(frozen=True, hot=True)
class PartOverWhole:
    """A part above its whole: ``part.value > whole.value`` (both known)."""

    part: Figure
    whole: Figure


@record(frozen=True, hot=True)
class Unusual:
    """A possible but unusual figure.

    ``kind`` ABOVE: ``figure`` is above ``other`` (R&D expense above revenue, liabilities above
    assets), same year. ``kind`` GROWTH: ``figure`` changed by ``growth`` percent on ``other``, the
    year before, beyond ± ``limit``.
    """

    kind: str
    figure: Figure
    other: Figure
    growth: Decimal | None = None
    limit: Decimal | None = None


class _Compiled:
    """A rule set's relations, resolved once: which pairs to compare, and where years are kept."""

    def __init__(self, rules: RuleSet) -> None:
        fields = rules.fields
        self.parts = [(f, fields[f.part_of]) for f in fields.values() if f.part_of in fields]
        self.above = [(f, fields[f.warn_above]) for f in fields.values() if f.warn_above in fields]
        self.growth = [f for f in fields.values() if f.warn_growth is not None and f.per_year]
        # the part of a per-year path before "{year}", for the fields compared: the keys that say which
        # years a profile holds (a batch row's few dozen keys are scanned once per prefix)
        compared = [f for pair in (*self.parts, *self.above) for f in pair] + self.growth
        self.prefixes = sorted({_prefix(f) for f in compared if f.per_year})


def _prefix(f: FieldDef) -> str:
    return f.path.split("{year}")[0]


def _compiled(rules: RuleSet) -> _Compiled:
    found: _Compiled | None = rules.memo.get("consistency")
    if found is None:
        found = rules.memo["consistency"] = _Compiled(rules)
    return found


def _years(c: _Compiled, values: dict[str, Any]) -> dict[str, list[int]]:
    """The years a profile holds under each per-year prefix, latest first."""
    out = {}
    for prefix in c.prefixes:
        start = len(prefix)
        found = {key[start:start + 4] for key in values if key.startswith(prefix)}
        out[prefix] = sorted((int(y) for y in found if y.isdigit()), reverse=True)
    return out


def _above(values: dict[str, Any], a: FieldDef, b: FieldDef, years: dict[str, list[int]]) -> list[tuple[Figure, Figure]]:
    """Each (a, b) where both are known numbers and a is above b: once, or once per year held."""
    out = []
    for year in years.get(_prefix(a), ()) if a.per_year else (None,):
        pa, pb = a.concrete_path(year), b.concrete_path(year)
        va, vb = values.get(pa), values.get(pb)
        if isinstance(va, Decimal) and isinstance(vb, Decimal) and va > vb:
            out.append((Figure(a, pa, va), Figure(b, pb, vb)))
    return out


def part_violations(rules: RuleSet, values: dict[str, Any]) -> list[PartOverWhole]:
    """Every part above its whole in ``values`` (concrete path → value); [] when the profile is consistent.

    A part or a whole that is unknown is no violation: nothing is known to disagree.
    """
    c = _compiled(rules)
    years = _years(c, values)
    return [PartOverWhole(part, whole) for p, w in c.parts for part, whole in _above(values, p, w, years)]


def unusual_figures(rules: RuleSet, values: dict[str, Any]) -> list[Unusual]:
    """Figures that are possible but unusual, in field order, latest year first: warnings, never errors."""
    c = _compiled(rules)
    if not (c.above or c.growth):
        return []
    years = _years(c, values)
    out = [Unusual(ABOVE, fig, other) for f, o in c.above for fig, other in _above(values, f, o, years)]
    for f in c.growth:
        limit = f.warn_growth
        assert limit is not None
        for year in years.get(_prefix(f), []):
            now, before = f.concrete_path(year), f.concrete_path(year - 1)
            v, prev = values.get(now), values.get(before)
            if not (isinstance(v, Decimal) and isinstance(prev, Decimal)) or prev <= 0:
                continue  # growth from nothing (or from a loss) has no percentage
            growth = (v / prev - 1) * 100
            if abs(growth) > limit:
                out.append(Unusual(GROWTH, Figure(f, now, v), Figure(f, before, prev), growth, limit))
    return out
