"""Whether a profile's figures hang together (docs/criteria.md §8a), as data: no words, no files.

Two checks, both declared in the rule data on the fields: ``part_of`` (a part never exceeds its
whole: a profile that says otherwise is bad input, refused wherever it comes in) and
``warn_above`` / ``warn_growth`` (figures that are possible but unusual: warnings in the report,
never errors); and three on sizes: a count, rank or amount past what any SME has (``PLAUSIBLE_MAX``),
most often 元 typed as 万元, which would otherwise be scored as a very large company; revenue too small
for the head count (``PER_HEAD_LEAST``), most often 万元 typed into a sheet in 元, which would otherwise be
scored as a micro firm failing every tier; and revenue too large for the head count (``PER_HEAD_MOST``),
元 typed as 万元 by a firm too small for its amounts to pass the flat limit. Loaders, the engine, batch rows
and the interview all ask these two functions, so every way in answers alike; the renderers and the
interview put the findings into words.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from typing import Any

from littlegiant.load.rules import FieldDef, RuleSet
from littlegiant.records import record

ABOVE, GROWTH, LARGE, SMALL, LARGE_PER_HEAD, FRACTION, YUAN_SIGN, RATIO, WITHIN, LATER, SHARE, NO_STAFF = (
    "above", "growth", "large", "small", "large_per_head", "fraction", "yuan_sign", "ratio", "within", "later_year",
    "share", "no_staff")
FRACTION_MOST = Decimal(1)
"""A share in percent at most this (and above 0) may be a fraction typed for it: 0.125 for 12.5%, as
a cell unformatted in Excel holds it. Read as 0.125%, it failed a 10% share with no word."""

# Figures past these are possible but usually a slip (元 typed as 万元, a year typed as a rank).
PLAUSIBLE_MAX = {"national_rank": 30, "national_5y_rank": 30, "provincial_rank": 30, "domestic_rank": 1000,
                 "employees": 20000, "rd_staff": 20000, "tech_staff": 20000, "niche_years": 100,
                 "ip_class1": 5000, "ip_class1_self": 5000, "ip_class1_high_value": 5000, "ip_class1_applied": 5000,
                 "ip_class1_top3": 5000, "ip_class2": 5000}
MONEY_PLAUSIBLE_MAX = Decimal(1000000)  # 100亿元 in 万元: above it, 元 was most likely typed as 万元
MONEY_TYPES = frozenset({"money", "signed_money"})

HEAD_COUNT = "employees"
PER_HEAD_LEAST = {"revenue": Decimal("0.2")}
"""The least of an amount (万元) a year per employee below which it is most likely 万元 typed where 元 was
asked (a park sheet headed 金额单位：元, one company writing 8000 for 8000万): every amount then reads
10,000 times too small, and the company is scored as a micro firm failing every tier, with no word.

Revenue only, last year's, against the head count (at last year's end). 0.2万元 is 2,000 元 a
year a head: about a tenth of a year's pay at China's lowest minimum wages (some 1,500 to 2,000 元 a
month), so a firm below it takes in almost nothing for the staff it pays. Real SMEs take in 10万 to
several 100万 a head; read 10,000 times too small that is 10 to a few 100 元 a head, far below the bound,
while a micro firm of 5 staff and 50万 (10万 a head) is far above it. A firm that has only just begun
selling may fall below it: for it the warning only asks to check. Revenue of 0 or less is no unit slip
(0 is 0 in any unit), and an unknown or zero head count gives nothing to divide by: neither is warned of.
An earlier year's revenue is not compared: the head count is today's, and a growing firm had fewer then;
nor this year's, a part year's (30万 by March for 200 staff).

R&D expense and assets are left out: a firm may have next to no R&D, and a light-asset one little in
assets, so no bound on them a head is as safe; the slip shrinks revenue alike, which this check finds."""

PER_HEAD_MOST = {"revenue": Decimal(10000)}
"""The most of an amount (万元) a year per employee above which it is most likely 元 typed where 万元 is
read (a sheet kept in 元 with no unit named): the mirror of PER_HEAD_LEAST. MONEY_PLAUSIBLE_MAX (100亿)
misses it in a small firm: 12 staff and 900,000 元 of revenue read as 900,000万元, 90亿, under the flat
limit, and every verdict was built on a figure 10,000 times too large, with no word.

10,000万元 is 1亿元 a year a head. China's industrial firms take in on the order of 100 to 300万元 a head
(规模以上工业企业: some 130万亿元 of revenue a year over several 1,000万 staff); the bound is some 50 times
that, so a real trading company, whose revenue a head runs far above a maker's, rarely meets it. Read
10,000 times too large, a firm taking in even 1万元 a head in 元 comes to 1亿 a head, and real firms take
in 10万元 a head and more: a sheet in 元 is past the bound, by far. Exactly 1亿 a head is not warned of
(the bound is a figure a real firm may have); above it is. As with the least: last year's revenue alone,
against the head count; an unknown or zero head count gives nothing to divide by. Revenue past
MONEY_PLAUSIBLE_MAX is not asked about twice (its LARGE warning asks the same question), nor an amount
read in 元 for ¥ alone (its YUAN_SIGN warning asks which unit was meant)."""


SHARE_MOST = {"rd_expense": ("revenue", Decimal("0.5"), Decimal(5000))}
"""An amount above this share of another, same year, but not above it (``warn_above`` says that): R&D
expense of more than half of revenue. 11,280万 of R&D against 12,000万 of revenue (94%) passed with no
word, where 12,001万 was warned of. Half, because the slips that make it land there: a column pasted
one to the side (主营业务收入 under 研发费用: a main business is most of revenue by its definition) and
a digit too many (650 typed 6,500 against 12,000: 5% read as 54%); and because real firms stay under
it: an SME's R&D runs some 3 to 10% of revenue, a small R&D-heavy one 20 to 40%. Asked only from a
revenue of 5,000万 (the third figure): under it a firm past half is what real R&D-heavy firms are (a
software start-up spending 30万 of its 40万, the shipped micro-startup example; a chip or drug developer
selling little yet), and criteria.md §6.1 gives them their own Little Giant route (revenue under 5,000万,
R&D of 3,000万 in two years): each was told 「少见，请核对」 of true figures, above its verdict."""

SHARE_LEAST = {"main_revenue": ("revenue", Decimal("0.1"), Decimal(0))}
"""An amount below this share of another, same year (主营业务收入 under a tenth of 营业收入), 0 included:
180万 of 12,000万 (1.5%) failed every main-business condition with no word. A main business is by its
definition most of revenue (主导产品: over half of it); what lands under a tenth is a slip: the share
typed for the amount (92 for 92%: 0.77% of 12,000万), a digit too few (1,100 for 11,000: 9.2%), another
unit, or 0 typed for "not known". A firm whose other business truly outweighs its main one by nine to
one is asked only to check."""

SHARE_LEAST_OF_OTHER = {"total_assets": ("revenue", Decimal("0.02"), Decimal(0)),
                        "total_costs": ("revenue", Decimal("0.2"), Decimal(0))}
"""An amount below this share of another that is no whole of it, same year, 0 included: 资产总额 at year
end under 2% of the year's 营业收入, and 成本费用支出总额 under a fifth of it.

成本费用支出总额 is the year's cost of sales and expenses: under a fifth of revenue, the firm kept over 80% of
its sales as operating profit, which no going SME does (a software house keeps some 10 to 30%). 600万 of it
beside 12,000万 of revenue passed with no word, and the 科技型 score read 650万 of R&D as 108% of the costs, at
full points: a slip there raises the score. What lands under it: one line of the sum typed for the whole
(营业成本 left out, the R&D or the 管理费用 alone), a digit too few.

Assets: 30万 of assets beside 8,000万 of revenue (0.4%) passed with no word,
and the size and debt ratio were judged on it. A firm's year-end assets hold at least its receivables,
stock and cash, which for a going concern are weeks of its sales, not days: 2% is about a week's revenue,
an asset turnover of 50 a year. Real SMEs turn their assets over about once or twice a year (makers),
several times (wholesale, retail: 2 to 5), the quickest some 10 to 20 (a supply-chain trader, a labour
agency booking its wages as revenue, a travel agency at gross): the bound is several times past them, so
a real company rarely meets it. The slips that land under it: a digit or two too few (3,000 typed 30),
assets given in 亿元 or 百万元 beside revenue in 万元, 0 typed for "not known". Each is asked only to check,
with both figures."""

YEAR_END = frozenset({"total_assets"})
"""Amounts at the year's end, said against a year's revenue as the days of it they come to (0.38% of
revenue says less to a finance manager than some 1 day of sales)."""

HELD_IN = {"rd_expense": "total_costs"}
"""An amount another holds by its definition, beside its field's ``warn_above`` (a field names one),
same year: 成本费用支出总额 is the year's costs and expenses, R&D expense among them. 研发费用 of 650万 beside
600万 of it passed with no word, and the 科技型 score read R&D as 108% of the costs, at full points.
A warning, never a refusal (criteria.md §8a refuses only the parts it names): the R&D sub-ledger also
holds the R&D spent and capitalised, which the income statement's costs leave out, so an R&D-heavy firm
selling little may truly have it above; far more often it is a column pasted one over or the costs
without the R&D added in. Said as ABOVE, in words that name the definition."""

AS_RATIO_OF = {"total_liabilities": "total_assets"}
"""An amount (万元) often known as a ratio of another, same year: 负债总额 as 资产负债率 of 资产总额. Typed
as the ratio (0.45 for 45%, as a finance manager has it at hand), it read as 4,500 元 of liabilities
against millions of assets, a debt ratio near 0% that passed every "at most 70%" test, with no word.
Warned of when the digits typed read as a ratio of 1% to 99% (typed_ratio) and the figure is under 1%
of the other: a real amount that small against its whole is not."""
RATIO_SHARE = Decimal("0.01")
_RATIO_LEAST, _RATIO_MOST, _YUAN = Decimal("0.01"), Decimal(1), Decimal(10000)
_PERCENT_LEAST, _PERCENT_MOST = Decimal(10), Decimal(100)
"""A ratio typed as its percent (45 for 45%) is a figure of 10 up to 100, under 1% of the other: a debt ratio
that decides a test (the limits are 50% and more) is typed 10 or more, and 1 or 5 owed stays an amount."""


def typed_ratio(v: Decimal) -> Decimal | None:
    """The ratio an amount (万元) was most likely typed as, if it reads as one of 1% to 99%: the figure
    itself (0.45 typed in a 万元 field), or the figure as typed in a sheet in 元 (0.45 there reads as
    0.000045万元: the ratio is the digits typed, and a warning computed on the 万元 figure told the
    user 0.0045% of the assets); None otherwise (no figure under 1元 or of 1 to 100元 is a debt ratio)."""
    if _RATIO_LEAST <= v < _RATIO_MOST:
        return v
    typed = v * _YUAN
    return typed if _RATIO_LEAST <= typed < _RATIO_MOST else None


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
    assets), same year. ``kind`` WITHIN: ``figure`` is above ``other``, which by its definition holds
    each of it (``FieldDef.within``: 4 Ⅰ类 held as a top-3 right holder beside 2 applied): said, as
    criteria.md §8a lists only the whole as a bound to refuse. ``kind`` GROWTH: ``figure`` changed by ``growth`` percent on ``other``, the
    year before, beyond ± ``limit``. ``kind`` LARGE: ``figure`` is past the plausible ``limit``
    (no ``other``). ``kind`` SMALL: ``figure`` (last year's revenue) is below ``limit`` (万元) a head
    of ``other`` (the employees): most likely 万元 typed as 元 (PER_HEAD_LEAST). ``kind``
    LARGE_PER_HEAD: ``figure`` (last year's revenue) is above ``limit`` (万元) a head of ``other``: most
    likely 元 typed as 万元 (PER_HEAD_MOST). ``kind`` FRACTION: a
    share in percent of at most ``limit`` (no ``other``), which may be a fraction (0.125 for 12.5%):
    said, never changed. ``kind`` RATIO: ``figure`` (负债总额) reads as a ratio of 1% to 99% as typed
    (typed_ratio: in 万元 or in a sheet in 元) and is under 1% of ``other`` (资产总额, same year): most likely
    the ratio typed for the amount (AS_RATIO_OF); ``limit`` is that ratio (0.45 for 45%). ``kind`` YUAN_SIGN: an amount read in 元 only because ¥ stood before it,
    ``typed`` (¥12,000.00, no unit named anywhere), which a 万元 column formatted as currency shows
    alike (no ``other``, no ``limit``). ``kind`` LATER: ``figure`` is of a year after last year (``limit``,
    the year the assessment reads as last year): no criterion reads it, so the verdict is the same
    with or without it, but a figure given must never vanish without a word (the year still running
    typed beside last year's, or answers saved under a later assessment date). ``kind`` SHARE:
    ``figure`` is above ``limit`` (a share, 0.5 for half) of ``other`` but not above it (SHARE_MOST),
    or below ``limit`` of it (SHARE_LEAST), same year. ``kind`` NO_STAFF: ``figure`` (the employees at last
    year end) is 0 beside ``other``, that year's revenue above 0: a firm with revenue has staff, and 0 (often
    typed for "not known") sizes it 微型 whatever its revenue.
    """

    kind: str
    figure: Figure
    other: Figure | None
    growth: Decimal | None = None
    limit: Decimal | None = None
    typed: str | None = None


class _Compiled:
    """A rule set's relations, resolved once: which pairs to compare, and where years are kept."""

    def __init__(self, rules: RuleSet) -> None:
        fields = rules.fields
        self.parts = [(f, fields[f.part_of]) for f in fields.values() if f.part_of in fields]
        self.above = [(f, fields[f.warn_above]) for f in fields.values() if f.warn_above in fields]
        self.above += [(fields[a], fields[b]) for a, b in HELD_IN.items()
                       if a in fields and b in fields and fields[a].per_year == fields[b].per_year]
        self.within = [(f, fields[o]) for f in fields.values() for o in f.within if o in fields]
        self.growth = [f for f in fields.values() if f.warn_growth is not None and f.per_year]
        # the part of a per-year path before "{year}", for the fields compared: the keys that say which
        # years a profile holds (a batch row's few dozen keys are scanned once per prefix)
        compared = [f for pair in (*self.parts, *self.above, *self.within) for f in pair] + self.growth
        # the size limits: by path for fixed fields, by (prefix, suffix) around the year for per-year ones
        self.limits: dict[str, tuple[FieldDef, Decimal]] = {}
        self.year_limits: list[tuple[str, str, FieldDef, Decimal]] = []
        for f in fields.values():
            found = plausible_limit(f)
            if found is None:
                continue
            if f.per_year:
                head, _, tail = f.path.partition("{year}")
                self.year_limits.append((head, tail, f, found))
            else:
                self.limits[f.path] = (f, found)
        self.shares = {f.path: f for f in fields.values() if f.type == "percent" and not f.per_year}
        # every per-year field, around its year: a figure of a year after last year is said (LATER)
        self.dated = [(*f.path.partition("{year}")[::2], f) for f in fields.values() if f.per_year]
        heads = fields.get(HEAD_COUNT)
        self.per_head = [(fields[fid], heads, PER_HEAD_LEAST.get(fid), PER_HEAD_MOST.get(fid), plausible_limit(fields[fid]))
                         for fid in {**PER_HEAD_LEAST, **PER_HEAD_MOST}
                         if heads is not None and not heads.per_year and fid in fields and fields[fid].per_year]
        self.ratios = [(fields[a], fields[b]) for a, b in AS_RATIO_OF.items()
                       if a in fields and b in fields and fields[a].per_year == fields[b].per_year]
        # (the amount, its whole, the bound, whether it is a most, the least whole asked of): SHARE_MOST,
        # SHARE_LEAST and SHARE_LEAST_OF_OTHER
        self.bounds = [(fields[a], fields[b], share, most, least) for table, most in
                       ((SHARE_MOST, True), (SHARE_LEAST, False), (SHARE_LEAST_OF_OTHER, False))
                       for a, (b, share, least) in table.items()
                       if a in fields and b in fields and fields[a].per_year == fields[b].per_year]
        compared += [f for a, b, *_ in self.bounds for f in (a, b)]
        compared += [f for pair in self.ratios for f in pair]
        self.prefixes = sorted({*(_prefix(f) for f in compared if f.per_year), *(_prefix(f) for f, *_ in self.per_head)})
        self.layouts: dict[tuple[str, ...], _Checks] = {}


_Pair = tuple[FieldDef, str, FieldDef, str]
"""Two figures to compare: each field with its concrete path."""


class _Checks:
    """The comparisons one set of keys calls for, in the order findings are reported: the rows of a
    batch share a few key sets, so the years and paths are worked out once a set rather than per row."""

    def __init__(self, c: _Compiled, keys: Iterable[str]) -> None:
        years = _years(c, keys)
        held = set(keys)

        def pairs(a: FieldDef, b: FieldDef, before: int) -> list[_Pair]:
            out = []
            for year in years.get(_prefix(a), ()) if a.per_year else (None,):
                pa, pb = a.concrete_path(year), b.concrete_path(None if year is None else year - before)
                if pa in held and pb in held:
                    out.append((a, pa, b, pb))
            return out

        self.parts = [pair for p, w in c.parts for pair in pairs(p, w, 0)]
        self.above = [pair for f, o in c.above for pair in pairs(f, o, 0)]
        self.within = [pair for f, o in c.within for pair in pairs(f, o, 0)]
        self.growth = [pair for f in c.growth for pair in pairs(f, f, 1)]
        self.ratios = [pair for a, b in c.ratios for pair in pairs(a, b, 0)]
        self.bounds = [(pair, share, most, _sure_gap(share, most), least) for a, b, share, most, least in c.bounds
                       for pair in pairs(a, b, 0)]
        # each list's first figures and second figures, read at once: a row with none above is told so by
        # one comparison a pair in C (_none_above), where each pair cost two isinstance and a test in Python
        self.parts_sides, self.above_sides, self.within_sides = map(_sides, (self.parts, self.above, self.within))
        self.large: list[tuple[FieldDef, str, Decimal, Decimal]] = []
        self.shares = [(c.shares[key], key) for key in keys if key in c.shares]
        # each amount's paths by year, with the head count's: last year's amount alone is compared (its
        # path looked up, not made a row: str.replace and str(year) were ~3% of unusual_figures)
        self.per_head = [(f, paths, heads, heads.path, least, most, past) for f, heads, least, most, past in c.per_head
                         if heads.path in held and (paths := {year: p for year in years.get(_prefix(f), ())
                                                              if (p := f.concrete_path(year)) in held})]
        for key in keys:
            fixed = c.limits.get(key)
            if fixed is not None:
                self.large.append((fixed[0], key, fixed[1], -fixed[1]))
                continue
            for head, tail, f, limit in c.year_limits:
                if key.startswith(head) and key.endswith(tail) and key[len(head):len(key) - len(tail)].isdigit():
                    self.large.append((f, key, limit, -limit))
                    break
        by_limit: dict[Decimal, list[str]] = {}
        for _, key, most, _ in self.large:
            by_limit.setdefault(most, []).append(key)
        self.sizes = [(_getter(paths), most, -most) for most, paths in by_limit.items()]
        self.sized = _getter([key for _, key, _, _ in self.large]) if self.large else None
        # the per-year figures by year, latest first (in field order within a year): the first year
        # alone tells most rows, whose latest year is last year, that they have nothing after it
        dated = []
        for key in keys:
            for head, tail, f in c.dated:
                if key.startswith(head) and key.endswith(tail) and (year := key[len(head):len(key) - len(tail)]).isdigit():
                    dated.append((int(year), f, key))
                    break
        self.dated = sorted(dated, key=lambda d: -d[0])
        self.digits = [_digits(most) for _, _, most, _ in self.large]
        self.growth_bounds = [(now, before, _growth_bounds(f.warn_growth)) for f, now, _, before in self.growth
                              if f.warn_growth is not None]


_Sides = tuple[Callable[[Mapping[str, Any]], tuple[Any, ...]], Callable[[Mapping[str, Any]], tuple[Any, ...]]] | None


def _sides(pairs: list[_Pair]) -> _Sides:
    """The first figures of ``pairs`` and the second, each read at once (None: no pairs)."""
    if not pairs:
        return None
    return _getter([pa for _, pa, _, _ in pairs]), _getter([pb for _, _, _, pb in pairs])


def _none_above(values: Mapping[str, Any], sides: _Sides) -> bool:
    """Whether no first figure of a list of pairs is above its second: then ``_above`` finds nothing
    either. False (also for a value no number compares with) sends the pairs through ``_above``,
    which alone says which are above."""
    if sides is None:
        return True
    first, second = sides
    try:
        return not any(map(operator.gt, first(values), second(values)))
    except (TypeError, ArithmeticError):
        return False


def _getter(paths: list[str]) -> Callable[[Mapping[str, Any]], tuple[Any, ...]]:
    """The values at ``paths``, read at once (operator.itemgetter, a tuple even for one path)."""
    if len(paths) == 1:
        only = paths[0]
        return lambda values: (values[only],)
    return operator.itemgetter(*paths)


_ZERO = Decimal(0)
_ADJUSTED, _FINITE = Decimal.adjusted, Decimal.is_finite
_MARGIN = Decimal("1e-9")
"""How far inside a growth limit a ratio must lie for the cheap test to pass it without the exact
percentage: far more than the rounding of two products at 28 digits, far less than any real change."""


def _growth_bounds(limit: Decimal) -> tuple[Decimal | None, Decimal]:
    """The ratios (this year over last) strictly between which a change is surely within ± ``limit``
    percent: each end pulled ``_MARGIN`` inwards, so that rounding never lets a change past it through.
    No lower end (None) where it is below 0: a fall of more than 100% takes a figure below 0."""
    low = 1 - limit / 100 + _MARGIN
    return (None if low < 0 else low), 1 + limit / 100 - _MARGIN


def _sure_gap(share: Decimal, most: bool) -> int:
    """The difference of leading digits (``Decimal.adjusted``, figure less whole) at or below which (for
    a most) or at or above which (for a least) a figure is surely within ``share`` of its whole, so that a
    row is spared the product: a figure with leading digit at 10^f is under 10^(f+1), a whole at 10^w at
    least 10^w, so their quotient is under 10^(f-w+1) and at least 10^(f-w-1). A most of 0.5: 2 places
    fewer (5% of revenue and less); a least of 0.1: as many places or more (main business of 10,500
    beside revenue of 12,000)."""
    if most:
        gap = 0
        while Decimal(10) ** (gap + 1) > share:
            gap -= 1
        return gap
    gap = 0
    while Decimal(10) ** (gap - 1) < share:
        gap += 1
    return gap


def plausible_limit(f: FieldDef) -> Decimal | None:
    """The most a figure of ``f`` plausibly is (PLAUSIBLE_MAX, MONEY_PLAUSIBLE_MAX for an amount); None: no
    bound. A figure beyond it either way is warned of (LARGE); the profile reader holds its whole numbers
    to it as it reads them (profile._sized_bounds)."""
    limit = PLAUSIBLE_MAX.get(f.id)
    return Decimal(limit) if limit is not None else MONEY_PLAUSIBLE_MAX if f.type in MONEY_TYPES else None


def _prefix(f: FieldDef) -> str:
    return f.path.split("{year}")[0]


def _compiled(rules: RuleSet) -> _Compiled:
    found: _Compiled | None = rules.memo.get("consistency")
    if found is None:
        found = rules.memo["consistency"] = _Compiled(rules)
    return found


LAYOUTS = 256
"""Key sets whose comparisons are kept (a batch from one sheet has a handful; past this many the
keeping starts again, so memory stays bounded whatever the input)."""


def _checks(rules: RuleSet, values: dict[str, Any]) -> _Checks:
    c: _Compiled | None = rules.memo.get("consistency")  # _compiled's look-up, without its call: twice a batch row
    if c is None:
        c = _compiled(rules)
    keys = tuple(values)
    found = c.layouts.get(keys)
    if found is None:
        if len(c.layouts) >= LAYOUTS:
            c.layouts.clear()
        found = c.layouts[keys] = _Checks(c, keys)
    return found


def _years(c: _Compiled, keys: Iterable[str]) -> dict[str, list[int]]:
    """The years a profile holds under each per-year prefix, latest first."""
    out = {}
    for prefix in c.prefixes:
        start = len(prefix)
        found = {key[start:start + 4] for key in keys if key.startswith(prefix)}
        out[prefix] = sorted((int(y) for y in found if y.isdigit()), reverse=True)
    return out


def _above(values: dict[str, Any], pairs: list[_Pair]) -> list[tuple[Figure, Figure]]:
    """Each pair where both are known numbers and the first is above the second."""
    out = []
    for a, pa, b, pb in pairs:
        va, vb = values[pa], values[pb]
        if isinstance(va, Decimal) and isinstance(vb, Decimal) and va > vb:
            out.append((Figure(a, pa, va), Figure(b, pb, vb)))
    return out


def part_violations(rules: RuleSet, values: dict[str, Any]) -> list[PartOverWhole]:
    """Every part above its whole in ``values`` (concrete path → value); [] when the profile is consistent.

    A part or a whole that is unknown is no violation: nothing is known to disagree.
    """
    checks = _checks(rules, values)
    if _none_above(values, checks.parts_sides):
        return []
    return [PartOverWhole(part, whole) for part, whole in _above(values, checks.parts)]


def unusual_figures(rules: RuleSet, values: dict[str, Any], signed: frozenset[str] = frozenset(),
                    by_sign: Mapping[str, str] | None = None, last_year: int | None = None,
                    sized: bool = False) -> list[Unusual]:
    """Figures that are possible but unusual, in field order, latest year first, then figures past
    a plausible size and revenue too small or too large for the head count (as the interview asks
    about them): warnings, never errors. ``signed``: the shares typed with their percent sign (0.5%), which say
    they are no fraction. ``by_sign``: the
    amounts read in 元 for ¥ alone, as typed (Profile.yuan_by_sign), each said with what it was read as.
    ``last_year``: the year whose end the head count is at, whose revenue alone is held to it (none
    without it: this year's revenue is a part year's, an earlier year's a smaller firm's), and after
    which every figure given is said (LATER), being read by no criterion. ``sized``: the reader found every
    figure within its plausible size (Profile.sized), so none is looked at for that again (a batch row's
    ~17 sized figures, a quarter of this function's work)."""
    checks = _checks(rules, values)
    out = [] if _none_above(values, checks.above_sides) else \
        [Unusual(ABOVE, fig, other) for fig, other in _above(values, checks.above)]
    if checks.within_sides is not None and not _none_above(values, checks.within_sides):
        out += [Unusual(WITHIN, fig, other) for fig, other in _above(values, checks.within)]
    for f, now, _, before in checks.growth if checks.growth and not _within_growth(values, checks) else ():
        limit = f.warn_growth
        assert limit is not None
        v, prev = values[now], values[before]
        if not (isinstance(v, Decimal) and isinstance(prev, Decimal)) or prev <= 0:
            continue  # growth from nothing (or from a loss) has no percentage
        growth = (v / prev - 1) * 100
        if abs(growth) > limit:
            out.append(Unusual(GROWTH, Figure(f, now, v), Figure(f, before, prev), growth, limit))
    for f, path, most, least in checks.large if not (sized or _within_sizes(values, checks)) else ():
        v = values[path]
        if type(v) is Decimal and (v > most or v < least):
            out.append(Unusual(LARGE, Figure(f, path, v), None, limit=most))
    for f, paths, heads, at, floor, ceiling, past in checks.per_head if last_year is not None else ():
        staff = values[at]
        held = paths.get(last_year)  # type: ignore[arg-type]  # an int: the loop runs only with one
        if type(staff) is Decimal and staff == _ZERO and held is not None and type(values[held]) is Decimal \
                and values[held] > _ZERO:  # 0 staff beside revenue: "not known" typed as 0, sized 微型 by it
            out.append(Unusual(NO_STAFF, Figure(heads, at, staff), Figure(f, held, values[held])))
            continue
        if type(staff) is not Decimal or staff <= _ZERO or held is None:
            continue  # nothing to divide by, or no revenue of the head count's year
        path = held
        v = values[path]
        # read in 元 for ¥ alone: its YUAN_SIGN warning already asks which unit was meant
        if type(v) is not Decimal or (by_sign and path in by_sign):
            continue
        if floor is not None and _ZERO < v < staff * floor:
            out.append(Unusual(SMALL, Figure(f, path, v), Figure(heads, at, staff), limit=floor))
        # past the flat limit: its LARGE warning already asks whether 元 was typed as 万元
        elif ceiling is not None and v > staff * ceiling and (past is None or v <= past):
            out.append(Unusual(LARGE_PER_HEAD, Figure(f, path, v), Figure(heads, at, staff), limit=ceiling))
    for a, pa, b, pb in checks.ratios:
        v, whole = values[pa], values[pb]
        # under 1 first: no larger figure reads as a ratio (typed_ratio), and most rows are spared a product
        if type(v) is Decimal and type(whole) is Decimal and _ZERO < v < _RATIO_MOST and v < whole * RATIO_SHARE \
                and (ratio := typed_ratio(v)) is not None:
            out.append(Unusual(RATIO, Figure(a, pa, v), Figure(b, pb, whole), limit=ratio))
        elif type(v) is Decimal and type(whole) is Decimal and _PERCENT_LEAST <= v < _PERCENT_MOST and v < whole * RATIO_SHARE:
            # 45 typed for a debt ratio of 45% (the percent, not the fraction): read as 45万元 against 1.5亿 of assets,
            # a ratio of 0.3% that passed every "at most 70%" test; said with the ratio it would be (limit: 0.45)
            out.append(Unusual(RATIO, Figure(a, pa, v), Figure(b, pb, whole), limit=v / 100))
    for (a, pa, b, pb), share, upper, gap, least in checks.bounds:
        v, whole = values[pa], values[pb]
        if type(v) is not Decimal or type(whole) is not Decimal:
            continue  # no share of an unknown
        # told by the leading digits first (_sure_gap): R&D a hundredth of revenue, main business most of it
        if (_ADJUSTED(v) - _ADJUSTED(whole) <= gap) if upper else (v and _ADJUSTED(v) - _ADJUSTED(whole) >= gap):
            continue  # (0 has no leading digit: a main business of 0 is told by the product)
        if whole <= _ZERO or whole < least:
            continue  # no share of nothing; a firm this small may truly spend most of its revenue on R&D
        if (whole * share < v <= whole) if upper else (_ZERO <= v < whole * share):
            out.append(Unusual(SHARE, Figure(a, pa, v), Figure(b, pb, whole), limit=share))
    if len(out) > 1 and any(map(_held, out)):
        # R&D above the costs holding it is said only when nothing else asks about that R&D figure: above revenue
        # or over half of it, that one question has the user look at it, and a second on one figure buried it
        asked = {w.figure.path for w in out if not _held(w)}
        out = [w for w in out if not (_held(w) and w.figure.path in asked)]
    for f, path in checks.shares:
        v = values[path]
        if type(v) is Decimal and 0 < v <= FRACTION_MOST and path not in signed:
            out.append(Unusual(FRACTION, Figure(f, path, v), None, limit=FRACTION_MOST))
    # with none of last year's figures, the reports say so first (profile.stale_year, year_ahead): not twice
    if last_year is not None and checks.dated and checks.dated[0][0] > last_year \
            and any(values[path] is not None for year, _, path in checks.dated if year == last_year):
        after = Decimal(last_year)
        out += [Unusual(LATER, Figure(f, path, v), None, limit=after) for year, f, path in checks.dated
                if year > last_year and isinstance(v := values[path], Decimal)]
    if by_sign:
        for f, path, _, _ in checks.large:  # every amount has a size check: its field is there
            typed = by_sign.get(path)
            v = values[path]
            if typed is not None and type(v) is Decimal:
                out.append(Unusual(YUAN_SIGN, Figure(f, path, v), None, typed=typed))
    return out


def _held(w: Unusual) -> bool:
    """Whether ``w`` is an amount above another that holds it by definition (HELD_IN)."""
    return w.kind == ABOVE and w.other is not None and HELD_IN.get(w.figure.field.id) == w.other.field.id


def _within_growth(values: dict[str, Any], checks: _Checks) -> bool:
    """Whether every year-on-year change ``unusual_figures`` works out is surely within its limit,
    told by two products a pair instead of a quotient, a difference, a product and abs(). False
    sends the row through the exact check, which alone says what is unusual: this test never finds
    anything, it only spares the exact work on the rows (nearly all) that have nothing to find."""
    for now, before, (low, high) in checks.growth_bounds:
        v, prev = values[now], values[before]
        if type(v) is not Decimal or type(prev) is not Decimal:
            if isinstance(v, Decimal) and isinstance(prev, Decimal):
                return False  # a subclass: the exact check decides
            continue  # not two numbers: no growth (as the exact check says)
        if prev <= _ZERO:  # a Decimal: compared with the int 0, it would be converted first
            continue  # growth from nothing (or from a loss) has no percentage
        if not v < prev * high:
            return False
        if v < _ZERO if low is None else not v > prev * low:
            return False
    return True


def _digits(limit: Decimal) -> int:
    """The power of ten below which a figure's leading digit (``Decimal.adjusted``) says it is surely
    within ± ``limit``: 6 for 1,000,000 (a figure under 10^6), 1 for 30 (under 10). None is below
    the one given for a limit not above 0."""
    return limit.adjusted() if limit > 0 else -(2 ** 64)


def _within_sizes(values: dict[str, Any], checks: _Checks) -> bool:
    """Whether no figure is past its plausible size. First by the figures' leading digits: each finite,
    and its leading digit below its limit's (``_digits``), it is within ± the limit. ``adjusted`` and
    ``is_finite`` need no context, which each comparison of two Decimals looks up: a batch row's 17
    sized figures cost ~10,000 instructions fewer (unusual_figures ~58,000 -> ~47,000). Then, for a
    row not passed so (a rank of 10 against 30, a figure that is no Decimal), from the largest and the
    smallest of the figures that share a limit; False (also for a figure that is no number) sends the
    row through the exact check."""
    read = checks.sized
    if read is None:
        return True
    try:
        found = read(values)
        if all(map(operator.lt, map(_ADJUSTED, found), checks.digits)) and all(map(_FINITE, found)):
            return True
    except TypeError:  # a figure that is no Decimal (an int, text): the tests below decide
        pass
    try:
        for read, most, least in checks.sizes:
            found = read(values)
            if max(found) > most or min(found) < least:
                return False
    except (TypeError, ArithmeticError):
        return False
    return True


def unit_slips(found: Iterable[Unusual]) -> tuple[bool, bool]:
    """Whether ``found`` (``unusual_figures``) holds an amount past any SME's size or revenue too large
    for the head count (元 typed where 万元 is read), and revenue too small for the head count (万元
    typed where 元 is read): the warnings that say a whole sheet's unit may be wrong, which a batch
    counts and names once at its end (a count, a rank past its bound is no unit's slip)."""
    large = small = False
    for w in found:
        if (w.kind == LARGE and w.figure.field.type in MONEY_TYPES) or w.kind == LARGE_PER_HEAD:
            large = True
        elif w.kind == SMALL:
            small = True
    return large, small
