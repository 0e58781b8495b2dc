"""Whether a profile's figures hang together (criteria.md §8a), as data: no words, no files.

Two checks, both declared in the rule data on the fields: ``part_of`` (a part never exceeds its
whole: a profile that says otherwise is bad input, refused wherever it comes in) and
``warn_above`` / ``warn_growth`` (figures that are possible but unusual: warnings in the report,
never errors). Loaders, the engine, batch rows and the interview all ask these two functions, so
every way in answers alike; the renderers and the interview put the findings into words.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from littlegiant.rules import FieldDef, RuleSet

ABOVE, GROWTH = "above", "growth"


@dataclass(frozen=True)
class Figure:
    """One known number of a profile: its field, its concrete path, its value."""

    field: FieldDef
    path: str
    value: Decimal


@dataclass(frozen=True)
class PartOverWhole:
    """A part above its whole: ``part.value > whole.value`` (both known)."""

    part: Figure
    whole: Figure


@dataclass(frozen=True)
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
        # the part of a per-year path before "{year}": the keys that say which years a profile holds
        self.prefixes = sorted({f.path.split("{year}")[0] for f in fields.values() if f.per_year})


_COMPILED: dict[int, tuple[RuleSet, _Compiled]] = {}


def _compiled(rules: RuleSet) -> _Compiled:
    hit = _COMPILED.get(id(rules))
    if hit is None or hit[0] is not rules:
        hit = _COMPILED[id(rules)] = (rules, _Compiled(rules))
    return hit[1]


def _years(c: _Compiled, values: dict[str, Any]) -> dict[str, list[int]]:
    """The years a profile holds under each per-year prefix, latest first."""
    found: dict[str, set[int]] = {p: set() for p in c.prefixes}
    for key in values:
        for prefix in c.prefixes:
            if key.startswith(prefix):
                year = key[len(prefix):len(prefix) + 4]
                if year.isdigit():
                    found[prefix].add(int(year))
    return {p: sorted(ys, reverse=True) for p, ys in found.items()}


def _pairs(c: _Compiled, values: dict[str, Any], a: FieldDef, b: FieldDef,
           years: dict[str, list[int]] | None) -> list[tuple[Figure, Figure]]:
    """Both figures of a pair where both are known numbers: once, or once per year held."""
    out = []
    for year in (years or {}).get(a.path.split("{year}")[0], []) if a.per_year else [None]:
        pa, pb = a.concrete_path(year), b.concrete_path(year)
        va, vb = values.get(pa), values.get(pb)
        if isinstance(va, Decimal) and isinstance(vb, Decimal):
            out.append((Figure(a, pa, va), Figure(b, pb, vb)))
    return out


def part_violations(rules: RuleSet, values: dict[str, Any]) -> list[PartOverWhole]:
    """Every part above its whole in ``values`` (concrete path → value); [] when the profile is consistent.

    A part or a whole that is unknown is no violation: nothing is known to disagree.
    """
    c = _compiled(rules)
    years = _years(c, values) if any(p.per_year for p, _ in c.parts) else None
    return [PartOverWhole(part, whole) for p, w in c.parts for part, whole in _pairs(c, values, p, w, years)
            if part.value > whole.value]


def unusual_figures(rules: RuleSet, values: dict[str, Any]) -> list[Unusual]:
    """Figures that are possible but unusual, in field order, latest year first: warnings, never errors."""
    c = _compiled(rules)
    if not (c.above or c.growth):
        return []
    years = _years(c, values)
    out = [Unusual(ABOVE, fig, other) for f, o in c.above for fig, other in _pairs(c, values, f, o, years)
           if fig.value > other.value]
    for f in c.growth:
        limit = f.warn_growth
        assert limit is not None
        for year in years.get(f.path.split("{year}")[0], []):
            now, before = f.concrete_path(year), f.concrete_path(year - 1)
            v, prev = values.get(now), values.get(before)
            if not (isinstance(v, Decimal) and isinstance(prev, Decimal)) or prev <= 0:
                continue  # growth from nothing (or from a loss) has no percentage
            growth = (v / prev - 1) * 100
            if abs(growth) > limit:
                out.append(Unusual(GROWTH, Figure(f, now, v), Figure(f, before, prev), growth, limit))
    return out
