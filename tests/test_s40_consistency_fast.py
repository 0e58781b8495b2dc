"""unusual_figures and part_violations tell most rows by cheap tests before the exact ones (issue #14: ``_none_above``,
``_within_growth``, ``_within_sizes``, the leading-digit test of a share): whatever a row holds, every warning and
every part over its whole is found exactly as the plain checks below find them, in the same order, with the same
figures. Any later speed-up of these functions is held to the same reference.

The reference is each check written out plainly, one pair at a time, as the module's docstrings define it; it reads
the pairs each key set calls for from ``consistency._checks`` (which pairs a row has is not what the cheap tests
change). The figures are drawn around every limit: each check's boundary (a share, a growth, a size, a per-head
bound, a ratio), a hair either side of it, 0, negatives, None and values that are no Decimal (an int, a float,
text, True, a Decimal subclass); all finite, as the loaders give them (profile.py refuses NaN and infinity).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from hypothesis import example, given, settings
from hypothesis import strategies as st

from littlegiant.load import consistency, rules
from littlegiant.load.consistency import (
    ABOVE,
    FRACTION,
    FRACTION_MOST,
    GROWTH,
    LARGE,
    LARGE_PER_HEAD,
    LATER,
    NO_STAFF,
    RATIO,
    RATIO_SHARE,
    SHARE,
    SMALL,
    WITHIN,
    YUAN_SIGN,
    Figure,
    PartOverWhole,
    Unusual,
    typed_ratio,
)
from littlegiant.load.rules import RuleSet

ZERO = Decimal(0)


def plain_unusual(rs: RuleSet, values: dict[str, Any], signed: frozenset[str], by_sign: dict[str, str] | None,
                  last_year: int | None) -> list[Unusual]:
    """unusual_figures as its docstrings say it, each figure compared exactly, none skipped by a quick test."""
    checks = consistency._checks(rs, values)
    out: list[Unusual] = []
    for kind, pairs in ((ABOVE, checks.above), (WITHIN, checks.within)):
        for a, pa, b, pb in pairs:
            va, vb = values[pa], values[pb]
            if isinstance(va, Decimal) and isinstance(vb, Decimal) and va > vb:
                out.append(Unusual(kind, Figure(a, pa, va), Figure(b, pb, vb)))
    for f, now, _, before in checks.growth:
        v, prev = values[now], values[before]
        if isinstance(v, Decimal) and isinstance(prev, Decimal) and prev > 0:
            growth = (v / prev - 1) * 100
            assert f.warn_growth is not None
            if abs(growth) > f.warn_growth:
                out.append(Unusual(GROWTH, Figure(f, now, v), Figure(f, before, prev), growth, f.warn_growth))
    for f, path, most, least in checks.large:
        v = values[path]
        if type(v) is Decimal and (v > most or v < least):
            out.append(Unusual(LARGE, Figure(f, path, v), None, limit=most))
    for f, paths, heads, at, floor, ceiling, past in checks.per_head if last_year is not None else ():
        staff, held = values[at], paths.get(last_year) if last_year is not None else None
        if type(staff) is Decimal and staff == 0 and held is not None and type(values[held]) is Decimal \
                and values[held] > 0:  # no staff beside that year's revenue: "not known" typed as 0
            out.append(Unusual(NO_STAFF, Figure(heads, at, staff), Figure(f, held, values[held])))
            continue
        if type(staff) is not Decimal or staff <= 0 or held is None:
            continue
        v = values[held]
        if type(v) is not Decimal or (by_sign and held in by_sign):
            continue
        if floor is not None and 0 < v < staff * floor:
            out.append(Unusual(SMALL, Figure(f, held, v), Figure(heads, at, staff), limit=floor))
        elif ceiling is not None and v > staff * ceiling and (past is None or v <= past):
            out.append(Unusual(LARGE_PER_HEAD, Figure(f, held, v), Figure(heads, at, staff), limit=ceiling))
    for a, pa, b, pb in checks.ratios:
        v, whole = values[pa], values[pb]
        if type(v) is not Decimal or type(whole) is not Decimal or not v < whole * RATIO_SHARE:
            continue
        if 0 < v < 1 and (ratio := typed_ratio(v)) is not None:
            out.append(Unusual(RATIO, Figure(a, pa, v), Figure(b, pb, whole), limit=ratio))
        elif 10 <= v < 100:
            out.append(Unusual(RATIO, Figure(a, pa, v), Figure(b, pb, whole), limit=v / 100))
    for (a, pa, b, pb), share, upper, _, least in checks.bounds:
        v, whole = values[pa], values[pb]
        if type(v) is not Decimal or type(whole) is not Decimal or whole <= 0 or whole < least:
            continue
        if (whole * share < v <= whole) if upper else (0 <= v < whole * share):
            out.append(Unusual(SHARE, Figure(a, pa, v), Figure(b, pb, whole), limit=share))
    inside = [w for w in out if w.kind == ABOVE and w.other is not None
              and consistency.HELD_IN.get(w.figure.field.id) == w.other.field.id]
    asked = {w.figure.path for w in out if w not in inside}
    out = [w for w in out if not (w in inside and w.figure.path in asked)]
    for f, path in checks.shares:
        v = values[path]
        if type(v) is Decimal and 0 < v <= FRACTION_MOST and path not in signed:
            out.append(Unusual(FRACTION, Figure(f, path, v), None, limit=FRACTION_MOST))
    dated = checks.dated
    if last_year is not None and any(year > last_year for year, _, _ in dated) \
            and any(values[path] is not None for year, _, path in dated if year == last_year):
        out += [Unusual(LATER, Figure(f, path, values[path]), None, limit=Decimal(last_year))
                for year, f, path in dated if year > last_year and isinstance(values[path], Decimal)]
    for f, path, _, _ in checks.large if by_sign else ():
        if path in by_sign and type(values[path]) is Decimal:  # type: ignore[operator]
            out.append(Unusual(YUAN_SIGN, Figure(f, path, values[path]), None, typed=by_sign[path]))  # type: ignore[index]
    return out


def plain_parts(rs: RuleSet, values: dict[str, Any]) -> list[PartOverWhole]:
    """part_violations as its docstring says it: every part above its whole, both known numbers."""
    return [PartOverWhole(Figure(a, pa, values[pa]), Figure(b, pb, values[pb]))
            for a, pa, b, pb in consistency._checks(rs, values).parts
            if isinstance(values[pa], Decimal) and isinstance(values[pb], Decimal) and values[pa] > values[pb]]


class Sub(Decimal):
    """A Decimal subclass: the checks that ask ``type(v) is Decimal`` pass it by, those that ask isinstance read it."""


RULES = {rid: rules.load(rid) for rid in ("miit-2026", "miit-2022")}
YEARS = (2022, 2023, 2024, 2025, 2026)
NUMERIC = ("int", "money", "number", "percent", "signed_money")
PATHS = sorted({p for rs in RULES.values() for f in rs.fields.values() if f.type in NUMERIC
                for p in ([f.path.replace("{year}", str(y)) for y in YEARS] if f.per_year else [f.path])})

FACTORS = [Decimal(x) for x in ("0", "1", "0.5", "0.1", "0.02", "0.2", "0.01", "6", "5", "-4", "-5", "10000", "0.0001",
                                "0.45", "0.0045", "0.00001", "2", "100", "0.001",
                                # between the bounds, where leading digits alone may mislead: a share of
                                # 1.5% beside the 2% bound, 15% beside 20%, 9.9% beside 10%, 0.3 of a half
                                "0.015", "0.15", "0.099", "0.0199", "0.3", "0.7", "5.9", "0.05", "0.9")]
"""A figure as a multiple of a shared anchor: each share, growth, per-head and ratio bound of the checks."""
ABSOLUTE = [Decimal(x) for x in ("0", "-0", "0.00", "0.01", "0.45", "0.000045", "0.5", "1", "1.00", "9.99", "10", "45",
                                 "99.99", "100", "30", "31", "1000", "1001", "5000", "4999.99", "20000", "20001",
                                 "1000000", "1000000.01", "-1000000", "-1000000.01", "100.0001", "0.2", "-1", "12.5")]
"""Figures at the fixed limits: sizes, ranks, FRACTION_MOST, the ratio's 1% to 99% and 10 to 100, SHARE_MOST's 5,000."""
NUDGES = [Decimal(x) for x in ("0", "0", "0", "1e-9", "-1e-9", "1e-12", "-1e-12", "0.01", "-0.01", "1e-30", "-1e-30")]


@st.composite
def figure(draw: st.DrawFn, anchors: list[Decimal]) -> Any:
    kind = draw(st.integers(0, 9))
    if kind <= 4:  # a multiple of an anchor, a hair either side of the bound
        v = draw(st.sampled_from(anchors)) * draw(st.sampled_from(FACTORS))
        return v * (1 + draw(st.sampled_from(NUDGES)))
    if kind <= 6:
        return draw(st.sampled_from(ABSOLUTE)) + draw(st.sampled_from(NUDGES))
    if kind == 7:
        return draw(st.decimals(min_value=-10**7, max_value=10**7, allow_nan=False, allow_infinity=False, places=3))
    return draw(st.sampled_from([None, None, 0, 5, 3000, 0.5, 45.0, "120", True, False, Sub(50), Sub("0.3"),
                                 Sub(2000000)]))


@st.composite
def rows(draw: st.DrawFn) -> tuple[RuleSet, dict[str, Any], frozenset[str], dict[str, str] | None, int | None]:
    rs = RULES[draw(st.sampled_from(sorted(RULES)))]
    anchors = draw(st.lists(st.sampled_from([Decimal(x) for x in ("1", "164", "900", "5000", "11111", "12000", "30000",
                                                                  "1000000", "0.3", "7", "-50")])
                            | st.decimals(min_value=-10**6, max_value=10**7, allow_nan=False, allow_infinity=False,
                                          places=2), min_size=1, max_size=3))
    # a batch's usual rows hold most keys; drawn rows leave some out so that many key sets are met
    keys = draw(st.lists(st.sampled_from(PATHS), min_size=0, max_size=len(PATHS), unique=True))
    values: dict[str, Any] = {"name": "Co", "registered_in_china": True}
    for key in keys:
        values[key] = draw(figure(anchors))
    money = [k for k in keys if k.startswith(("financials.", "equity_financing."))]
    shares = [k for k in keys if k.endswith("_share")]
    signed = frozenset(draw(st.lists(st.sampled_from(shares), unique=True))) if shares else frozenset()
    by_sign = {k: "¥12,000.00" for k in draw(st.lists(st.sampled_from(money), unique=True))} if money else {}
    return rs, values, signed, draw(st.sampled_from([by_sign, None, {}])), draw(st.sampled_from([None, 2024, 2025, 2026]))


@settings(max_examples=1000, deadline=None)
@given(row=rows())
# no staff (0.000) beside revenue: the check session 41 added, which these plain checks lacked (found by a
# helper's run of this test: it fails only where the draw gives 0 staff and that year's revenue)
@example(row=(RULES["miit-2022"], {"name": "Co", "registered_in_china": True, "financials.2024.revenue": Decimal(1),
                                   "employees": Decimal("0.000")}, frozenset(), {}, 2024))
def test_every_warning_and_part_over_its_whole_is_found_as_the_plain_checks_find_it(
        row: tuple[RuleSet, dict[str, Any], frozenset[str], dict[str, str] | None, int | None]) -> None:
    rs, values, signed, by_sign, last_year = row
    # repr: the same figures as written (12000 and 1.2E+4 are equal Decimals, but a report shows them apart)
    assert repr(consistency.unusual_figures(rs, values, signed, by_sign, last_year)) == \
        repr(plain_unusual(rs, values, signed, by_sign, last_year))
    assert repr(consistency.part_violations(rs, values)) == repr(plain_parts(rs, values))


def test_a_batch_of_rows_with_one_key_set_is_told_alike_row_after_row() -> None:
    """What is worked out once a key set is kept for the next row of that set: a row after others of its key set
    is told by its own figures, and a row with nothing unusual is told so."""
    rs = RULES["miit-2026"]
    base = {"employees": Decimal(164), "financials.2025.revenue": Decimal(11111),
            "financials.2025.main_revenue": Decimal(7587), "financials.2025.rd_expense": Decimal(64),
            "financials.2025.total_assets": Decimal(11111), "financials.2025.total_liabilities": Decimal(6168),
            "financials.2024.revenue": Decimal(9999), "financials.2024.rd_expense": Decimal(444)}
    odd = [("financials.2025.main_revenue", Decimal(1000)), ("financials.2025.total_liabilities", Decimal("0.45")),
           ("financials.2025.total_liabilities", Decimal(45)), ("financials.2025.rd_expense", Decimal(6000)),
           ("financials.2025.revenue", Decimal(60000)), ("employees", Decimal(50000)),
           ("financials.2025.total_assets", Decimal(200)), ("financials.2024.revenue", Decimal(1000)),
           ("financials.2025.revenue", Decimal(30)), ("financials.2025.main_revenue", Decimal(11112))]
    for path, v in odd:
        for row in (base, {**base, path: v}, base):
            assert repr(consistency.unusual_figures(rs, row, frozenset(), {}, 2025)) == \
                repr(plain_unusual(rs, row, frozenset(), {}, 2025))
            assert repr(consistency.part_violations(rs, row)) == repr(plain_parts(rs, row))
    assert consistency.unusual_figures(rs, base, frozenset(), {}, 2025) == []
    assert [w.kind for w in consistency.unusual_figures(rs, {**base, "financials.2025.rd_expense": Decimal(6000)},
                                                        frozenset(), {}, 2025)] == [SHARE]
