"""The rule engine: a pure function from (profile, rule set, as-of date, renewal) to a Result.

It knows nothing of terminals or files. Unknown inputs stay unknown: a criterion whose
inputs are missing is ``unknown`` and a score with missing inputs is an interval
[score_min, score_max] over every value those inputs could take. Statuses combine as
docs/output.md §4 says: all-of takes the worst, any-of the best branch.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from littlegiant.core.result import MET, REVIEW, UNKNOWN, UNMET, CriterionResult, GroupScore, Result, TierResult
from littlegiant.load import expr
from littlegiant.load.consistency import unusual_figures
from littlegiant.load.profile import Profile
from littlegiant.load.rulecalendar import Choice
from littlegiant.load.rules import Band, Node, RuleSet, ScoreItem, ScoreTable, SizeStandard, Text

_ORDER_ANY = (MET, REVIEW, UNKNOWN, UNMET)  # best first


def combine_all(statuses: list[str]) -> str:
    """All-of: unmet if any is unmet, else unknown, else manual_review, else met."""
    for s in (UNMET, UNKNOWN, REVIEW):
        if s in statuses:
            return s
    return MET


def combine_any(statuses: list[str]) -> str:
    """Any-of: the best branch, in the order met > manual_review > unknown > unmet."""
    for s in _ORDER_ANY:
        if s in statuses:
            return s
    return UNMET


class _Ctx:
    """Evaluation context: reads fields for concrete years, memoises derived quantities,
    and records every input path read (with None for the missing ones)."""

    def __init__(self, rules: RuleSet, profile: Profile, last_year: int) -> None:
        self.fields = rules.fields
        self.derived = rules.derived
        self.values = profile.values
        self.last_year = last_year
        self.reads: dict[str, expr.Value] = {}
        self.cache: dict[tuple[str, int | None], tuple[expr.Value, dict[str, expr.Value]]] = {}

    def path(self, name: str, offset: int | None) -> str:
        f = self.fields[name]
        return f.path.replace("{year}", str(self.last_year - offset)) if offset is not None else f.path

    def get(self, name: str, offset: int | None) -> expr.Value:
        if name in self.fields:
            p = self.path(name, offset)
            v = self.values.get(p)
            self.reads[p] = v
            return v
        key = (name, offset)
        hit = self.cache.get(key)
        if hit is None:
            saved, self.reads = self.reads, {}
            value = self.derived[name].expression(self, offset or 0)
            hit = (value, self.reads)
            self.reads = saved
            self.cache[key] = hit
        self.reads.update(hit[1])
        return hit[0]

    def measure(self, e: expr.Expression, param: int = 0) -> tuple[expr.Value, dict[str, expr.Value]]:
        self.reads = {}
        value = e(self, param)
        return value, self.reads


# ------------------------------------------------------------------------ formatting


_UNIT_EN = {"万元": " (10k CNY)", "年": " years", "级": "", "人": " people", "项": " items", "分": " points"}


def unit_text(unit: str | None, lang: str) -> str:
    """The unit as shown after a number: Chinese units stay in zh, English words in en."""
    if not unit:
        return ""
    return unit if lang == "zh" else _UNIT_EN.get(unit, unit)


def fmt(v: object, near: object = None, lang: str = "en") -> str:
    """A number for people: two places, more when two places would hide a miss of ``near``."""
    if isinstance(v, bool):
        if lang == "zh":
            return "是" if v else "否"
        return "yes" if v else "no"
    if not isinstance(v, Decimal):
        return "?" if v is None else str(v)
    if v.adjusted() >= 20:  # no figure of a company, only a (hostile) rule's product: too long to write out
        return f"{v.scaleb(-v.adjusted()).quantize(Decimal('0.01')).normalize()}×10^{v.adjusted()}"
    for places in (2, 4, 6):
        q = v.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
        if not (isinstance(near, Decimal) and q == near and v != near):
            break
    text = format(q, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text if text != "-0" else "0"


_REF = re.compile(r"\b([a-z_][a-z0-9_]*)(?:\[(y[0-9]?)\])?")


def fill(ctx: _Ctx, source: str, param: int = 0, lang: str = "en") -> str:
    """The formula with the numbers filled in: ``rd_expense[y1] / revenue[y1] * 100`` → ``650 / 12000 × 100``."""

    def sub(m: re.Match[str]) -> str:
        name, year = m.group(1), m.group(2)
        if name not in ctx.fields and name not in ctx.derived:
            return m.group(0)
        offset = None if year is None else (param if year == "y" else expr.YEAR_NAMES.get(year, 0))
        return fmt(ctx.get(name, offset), lang=lang)

    return _REF.sub(sub, source).replace("*", "×")


def _cmp_text(op: str | None, threshold: object, unit: str | None, lang: str) -> str:
    if op is None:
        return ""
    u = unit_text(unit, lang)
    if op == "between":
        assert isinstance(threshold, tuple)
        return f"{fmt(threshold[0])}–{fmt(threshold[1])}{u}"
    if op == "in":
        assert isinstance(threshold, tuple)
        return "∈ {" + ", ".join(str(t) for t in threshold) + "}"
    if isinstance(threshold, bool):
        return f"= {fmt(threshold, lang=lang)}"
    return f"{expr.comparison_text(op)} {fmt(threshold)}{u}"


_WORD = {
    MET: Text("满足", "met"),
    UNMET: Text("不满足", "not met"),
    UNKNOWN: Text("未知（缺少数据）", "unknown (missing data)"),
    REVIEW: Text("待认定机关审核", "awaits the authority's review"),
}


def status_word(status: str) -> Text:
    return _WORD[status]


# ---------------------------------------------------------------------------- scores


@dataclass
class _ItemScore:
    item: ScoreItem
    low: Decimal
    high: Decimal
    strict_low: Decimal  # the low bound when points resting on qualitative answers are not counted
    value: expr.Value
    reads: dict[str, expr.Value]
    label: Text | None
    review: bool
    scale_values: tuple[expr.Value, ...] = ()


@dataclass
class _TableScore:
    table: ScoreTable
    items: list[_ItemScore]
    low: Decimal = Decimal(0)
    high: Decimal = Decimal(0)
    strict_low: Decimal = Decimal(0)
    groups: dict[str, tuple[Decimal, Decimal, Decimal]] = field(default_factory=dict)


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


def _whens(bands: tuple[Band, ...]) -> tuple[Cond | None, ...]:
    return tuple(b.when.fn if b.when is not None else None for b in bands)


_ZERO = Decimal(0)
BandScore = tuple[Decimal, Decimal, Decimal, Band | None]


def band_points(bands: tuple[Band, ...], value: expr.Value, env: Any, *,
                complete: bool = False, whens: tuple[Cond | None, ...] | None = None) -> BandScore:
    """A first-match band list under unknown conditions: (lowest possible points, highest possible,
    lowest when points resting on qualitative answers are not counted, the band surely chosen).

    The one implementation of band scoring, for reports and batch plans alike. ``complete``
    evaluates every condition even after the outcome is settled, so that the engine records
    every input a band reads; plans stop as soon as nothing further can change. ``whens`` are
    the bands' conditions compiled for ``env`` when it is not the engine's (a batch plan's).
    """
    if whens is None:
        whens = _whens(bands)
    possible: list[Decimal] = []
    strict_possible: list[Decimal] = []
    chosen: Band | None = None
    settled = False
    strict_open = True  # no band surely chosen yet when review bands count as not holding
    for band, when in zip(bands, whens, strict=True):
        if settled and not strict_open and not complete:
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


def band_scorer(bands: tuple[Band, ...], whens: tuple[Cond | None, ...] | None = None
                ) -> Callable[[expr.Value, Any], BandScore]:
    """``band_points`` for one band list, prepared once for scoring many profiles.

    Without review points, ``band_points`` reduces to: every band whose condition is unknown is
    possible, up to the first that surely holds (or the unconditional last line, or zero), and the
    lowest possible is also the strict low. When every condition on the way is a known no, that
    is the first band that holds, alone: those results are made here, once. An unknown value of an
    "at least" list gives ``band_points``'s own answer for an unknown, also made once. Lists with
    review points are scored by ``band_points`` on each call. Property tests hold the two to the
    same answers.
    """
    conds = whens if whens is not None else _whens(bands)
    if any(b.review for b in bands):
        return lambda value, env: band_points(bands, value, env, whens=conds)
    missed: BandScore = (_ZERO, _ZERO, _ZERO, None)
    steps = []
    for b, when in zip(bands, conds, strict=True):
        result: BandScore = (b.points, b.points, b.points, b)
        if b.at_least is None and b.at_most is None and when is None:
            missed = result  # unconditional: every later band is unreachable
            break
        steps.append((b.at_least, b.at_most, when, result))
    if steps and all(low is not None for low, _, _, _ in steps):  # "at least" lines: most score items
        unknown = band_points(bands, None, None, whens=conds)
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


def each_points(bands: tuple[Band, ...], env: Any, whens: tuple[Cond | None, ...] | None = None
                ) -> tuple[Decimal, Decimal, Decimal, expr.Value, bool]:
    """Points for each condition that holds: (lowest, highest, lowest without review points,
    how many hold or None when some are unknown, whether review points are counted); uncapped."""
    low = high = strict = _ZERO
    held, unknown, review = 0, False, False
    for band, when in zip(bands, whens if whens is not None else _whens(bands), strict=True):
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


def score_item(ctx: _Ctx, item: ScoreItem) -> _ItemScore:
    ctx.reads = {}
    reads: dict[str, expr.Value] = {}
    cap = item.max
    if item.points_from_value is not None:
        v = item.points_from_value(ctx)
        reads.update(ctx.reads)
        if v is None:
            return _ItemScore(item, Decimal(0), cap, Decimal(0), None, reads, None, False)
        pts = min(max(v, Decimal(0)), cap)  # type: ignore[type-var]
        return _ItemScore(item, pts, pts, pts, v, reads, None, False)  # type: ignore[arg-type]
    if item.each:
        low, high, strict, count, review = each_points(item.each, ctx)
        reads.update(ctx.reads)
        return _ItemScore(item, min(low, cap), min(high, cap), min(strict, cap), count, reads, None, review)
    lows, highs, stricts = [], [], []
    value: expr.Value = None
    label: Text | None = None
    review = False
    best: Decimal = Decimal(-1)
    values: list[expr.Value] = []
    for scale in item.scales:
        ctx.reads = {}
        v = scale.value(ctx) if scale.value is not None else None
        values.append(v)
        lo, hi, s_lo, chosen = band_points(scale.bands, v, ctx, complete=True)
        reads.update(ctx.reads)
        lows.append(lo)
        highs.append(hi)
        stricts.append(s_lo)
        if lo > best:
            best = lo
            value = v
            label = chosen.label if chosen is not None else None
            review = bool(chosen is not None and chosen.review)
    return _ItemScore(item, min(max(lows), cap), min(max(highs), cap), min(max(stricts), cap), value, reads,
                      label, review, tuple(values))


def _score_table(ctx: _Ctx, table: ScoreTable) -> _TableScore:
    result = _TableScore(table, [score_item(ctx, i) for i in table.items])
    for g in table.groups:
        members = [s for s in result.items if s.item.group == g.id]
        result.groups[g.id] = (sum((s.low for s in members), Decimal(0)),
                               sum((s.high for s in members), Decimal(0)),
                               sum((s.strict_low for s in members), Decimal(0)))
    result.low = sum((s.low for s in result.items), Decimal(0))
    result.high = sum((s.high for s in result.items), Decimal(0))
    result.strict_low = sum((s.strict_low for s in result.items), Decimal(0))
    return result


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


class _TierEval:
    def __init__(self, ctx: _Ctx, rules: RuleSet, renewal: bool, tables: dict[str, _TableScore],
                 sme: tuple[str, str | None, dict[str, expr.Value]]) -> None:
        self.ctx = ctx
        self.rules = rules
        self.renewal = renewal
        self.tables = tables
        self.sme = sme
        self.out: list[CriterionResult] = []
        self.emitted: set[str] = set()

    def applies(self, node: Node) -> bool:
        return node.applies == "always" or (node.applies == "renewal") == self.renewal

    def visit(self, node: Node, depth: int, parent: str | None) -> str:
        if node.kind in ("all", "any"):
            entry = CriterionResult(id=node.id, kind=node.kind, title=node.title, status=UNKNOWN, depth=depth,
                                    parent=parent, note=node.note, evidence=node.evidence,
                                    source=node.source, confidence=node.confidence)
            if depth > 0:
                self.out.append(entry)
            kids = [c for c in node.children if self.applies(c)]
            statuses = [self.visit(c, depth + 1, node.id if depth > 0 else None) for c in kids]
            status = combine_all(statuses) if node.kind == "all" else combine_any(statuses)
            entry.status = status
            met = sum(1 for s in statuses if s == MET)
            if node.kind == "all":
                entry.explanation = Text(f"须全部满足：{met}/{len(statuses)} 项满足", f"all required: {met} of {len(statuses)} met")
            else:
                entry.explanation = Text(f"满足其一即可：{met}/{len(statuses)} 项满足",
                                         f"any one suffices: {met} of {len(statuses)} met")
            return status
        entry = getattr(self, f"_{node.kind}")(node)
        entry.depth, entry.parent = depth, parent
        self.out.append(entry)
        if node.kind == "score" and node.table not in self.emitted:
            self.emitted.add(node.table)  # type: ignore[arg-type]
            self._items(self.tables[node.table], depth + 1, node.id)  # type: ignore[index]
        return entry.status

    def _base(self, node: Node, status: str, **kw: object) -> CriterionResult:
        kw.setdefault("evidence", node.evidence)
        return CriterionResult(id=node.id, kind=node.kind, title=node.title, status=status, depth=0, parent=None,
                               source=node.source, confidence=node.confidence, unit=node.unit,
                               note=node.note, **kw)  # type: ignore[arg-type]

    def _check(self, node: Node) -> CriterionResult:
        assert node.value is not None and node.op is not None
        value, reads = self.ctx.measure(node.value)
        ok = expr.compare(node.op, value, node.threshold)
        status = UNKNOWN if ok is None else (MET if ok else UNMET)
        missing = [p for p, v in reads.items() if v is None] if status == UNKNOWN else []
        formula: Text | None = None
        source, param = "", 0
        only = node.value.only
        if only is not None:
            d = self.rules.derived.get(only.name)
            if d is not None:
                formula = d.formula
                source, param = d.expression.source, only.offset or 0
        elif len(node.value.refs) > 1 or not isinstance(value, Decimal):
            source = node.value.source
        word = status_word(status)
        texts = []
        for lang in ("zh", "en"):
            filled = fill(self.ctx, source, param, lang) if source else ""
            shown = fmt(value, node.threshold, lang) + ("" if value is None else unit_text(node.unit, lang))
            calc = f"{filled} = {shown}" if filled and filled != shown else shown
            texts.append((calc, _cmp_text(node.op, node.threshold, node.unit, lang)))
        expl = Text(f"{texts[0][0]}，要求 {texts[0][1]}：{word.zh}", f"{texts[1][0]}; required {texts[1][1]}: {word.en}")
        return self._base(node, status, value=value, op=node.op, threshold=node.threshold, missing=missing,
                          inputs=dict(reads), explanation=expl, formula=formula)

    def _veto(self, node: Node) -> CriterionResult:
        f = self.rules.fields[node.field]  # type: ignore[index]
        v = self.ctx.values.get(f.path)
        present = REVIEW if node.when_present == REVIEW else UNMET
        status = UNKNOWN if v is None else (present if v else MET)
        if present == REVIEW:  # a red line the rule set does not treat as a veto: the authority decides
            expl = {
                UNKNOWN: Text(f"未回答「{f.label.zh}」；如存在，由认定机关判断", f"not answered: \"{f.label.en}\"; "
                              "if true, the authority decides"),
                REVIEW: Text(f"存在：{f.label.zh}。" + (node.note.zh if node.note else "不作一票否决，由认定机关判断。"),
                             f"present: {f.label.en}. " + (node.note.en if node.note else
                                                            "Not a veto here; the authority decides.")),
                MET: Text("不存在", "not present"),
            }[status]
        else:
            expl = {
                UNKNOWN: Text(f"未回答「{f.label.zh}」；如存在则一票否决", f"not answered: \"{f.label.en}\"; if true it vetoes every tier"),
                UNMET: Text(f"存在：{f.label.zh}（一票否决）", f"present: {f.label.en} (a veto on every tier)"),
                MET: Text("不存在", "not present"),
            }[status]
        return self._base(node, status, value=v, op="==", threshold=False, inputs={f.path: v},
                          missing=[f.path] if v is None else [], explanation=expl, review=status == REVIEW)

    def _qualitative(self, node: Node) -> CriterionResult:
        f = self.rules.fields[node.field]  # type: ignore[index]
        v = self.ctx.values.get(f.path)
        status = UNKNOWN if v is None else (REVIEW if v else UNMET)
        expl = {
            UNKNOWN: Text("定性条件，尚未回答", "qualitative, not answered yet"),
            UNMET: Text("自评为否：不满足", "answered no: not met"),
            REVIEW: Text("定性条件：自评为是，由认定机关依据材料判断", "qualitative: answered yes; the authority judges it from the evidence"),
        }[status]
        return self._base(node, status, value=v, op="==", threshold=True, inputs={f.path: v},
                          missing=[f.path] if v is None else [], explanation=expl,
                          evidence=node.evidence or f.evidence, review=status == REVIEW)

    def _sme(self, node: Node) -> CriterionResult:
        status, size, reads = self.sme
        names = {"micro": Text("微型企业", "micro"), "small": Text("小型企业", "small"),
                 "medium": Text("中型企业", "medium"), "large": Text("大型企业", "large")}
        if size is not None:
            expl = Text(f"划型结果：{names[size].zh}", f"size: {names[size].en}")
        elif status == MET:
            expl = Text("属于中小微企业（具体规模缺少数据）", "an SME (exact size needs more data)")
        else:
            expl = Text("缺少行业或规模数据，无法划型", "industry or size figures missing")
        missing = [p for p, v in reads.items() if v is None] if status == UNKNOWN else []
        return self._base(node, status, value=size, inputs=dict(reads), missing=missing, explanation=expl)

    def _score(self, node: Node) -> CriterionResult:
        ts = self.tables[node.table]  # type: ignore[index]
        if node.group is None:
            low, high, strict = ts.low, ts.high, ts.strict_low
            items = ts.items
        else:
            low, high, strict = ts.groups[node.group]
            items = [s for s in ts.items if s.item.group == node.group]
        thr: Decimal = node.threshold

        def passes(x: Decimal) -> bool:
            return x >= thr if node.op == ">=" else x > thr

        if passes(strict):
            status = MET
        elif passes(low):
            status = REVIEW
        elif not passes(high):
            status = UNMET
        else:
            status = UNKNOWN
        missing: list[str] = []
        if status == UNKNOWN:
            for s in items:
                if s.low != s.high:
                    missing.extend(p for p, v in s.reads.items() if v is None and p not in missing)
        cmp_text = f"{expr.comparison_text(node.op or '>=')} {fmt(thr)}"
        if low == high:
            calc = Text(f"得分 {fmt(low)}", f"{fmt(low)} points")
        else:
            calc = Text(f"得分在 {fmt(low)}–{fmt(high)} 之间（缺少数据）", f"between {fmt(low)} and {fmt(high)} points (missing data)")
        word = status_word(status)
        expl = Text(f"{calc.zh}，要求 {cmp_text}：{word.zh}", f"{calc.en}; required {cmp_text}: {word.en}")
        if status == REVIEW:
            expl = Text(expl.zh + "（含待审核的定性得分）", expl.en + " (counting points that await review)")
        return self._base(node, status, value=low if low == high else None, op=node.op, threshold=thr,
                          points=low if low == high else None, points_min=low, points_max=high,
                          missing=missing, explanation=expl, review=status == REVIEW)

    def _items(self, ts: _TableScore, depth: int, parent: str) -> None:
        for s in ts.items:
            item = s.item
            known = s.low == s.high
            if not known:
                status = UNKNOWN
            elif s.review:
                status = REVIEW
            else:
                status = MET if s.low > 0 else UNMET
            unit = item.scales[0].unit if item.scales else None
            if len(item.scales) > 1:
                unit = None
            parts_zh, parts_en = [], []
            for scale, v in zip(item.scales, s.scale_values, strict=True):
                if scale.value is not None:
                    lbl = scale.label or Text("", "")
                    parts_zh.append(f"{lbl.zh} {fmt(v, lang='zh')}{unit_text(scale.unit, 'zh') if v is not None else ''}")
                    parts_en.append(f"{lbl.en} {fmt(v)}{unit_text(scale.unit, 'en') if v is not None else ''}")
            if s.label is not None:
                parts_zh.append(s.label.zh)
                parts_en.append(s.label.en)
            if known:
                pts = Text(f"得 {fmt(s.low)}/{fmt(item.max)} 分", f"{fmt(s.low)} of {fmt(item.max)} points")
            else:
                pts = Text(f"得分 {fmt(s.low)}–{fmt(s.high)}/{fmt(item.max)}（缺少数据）",
                           f"{fmt(s.low)}–{fmt(s.high)} of {fmt(item.max)} points (missing data)")
            lead_zh = "；".join(p.strip() for p in parts_zh)
            lead_en = "; ".join(p.strip() for p in parts_en)
            expl = Text(f"{lead_zh}：{pts.zh}" if lead_zh else pts.zh, f"{lead_en}: {pts.en}" if lead_en else pts.en)
            if status == REVIEW:
                expl = Text(expl.zh + "（定性得分，待审核）", expl.en + " (qualitative points, await review)")
            missing = [p for p, v in s.reads.items() if v is None] if not known else []
            self.out.append(CriterionResult(
                id=f"{ts.table.id}.points.{item.id}", kind="points", title=item.title, status=status, depth=depth,
                parent=parent, required=False, value=s.value, unit=unit, points=s.low if known else None,
                points_min=s.low, points_max=s.high, max_points=item.max, source=item.source,
                confidence=item.confidence, missing=missing, inputs=dict(s.reads), explanation=expl,
                evidence=item.evidence, note=item.note, review=status == REVIEW,
            ))


def evaluate(rules: RuleSet, profile: Profile, as_of: date, renewal: str | None = None,
             calendar: Choice | None = None) -> Result:
    """Assess ``profile`` under ``rules`` as of ``as_of`` (last year = as_of.year − 1).

    ``renewal`` names the tier renewed: that tier uses its renewal clauses and the others are
    judged as new applications. ``calendar`` is carried into the result so that every report can
    say which set judged it and why; the engine does not read it.
    """
    last_year = as_of.year - 1
    ctx = _Ctx(rules, profile, last_year)
    tables = {tid: _score_table(ctx, t) for tid, t in rules.scores.items()}
    size_inputs: dict[str, expr.Value] = {}
    ctx.reads = {}
    industry = profile.values.get("industry")
    ctx.reads["industry"] = industry
    if isinstance(industry, str) and industry in rules.size.industries:
        cls = rules.size.industries[industry]
        for k in sorted(set(cls.ceiling) | set(cls.medium)):  # sorted: the same JSON on every run
            size_inputs[k] = rules.size.inputs[k](ctx)
    sme_reads = dict(ctx.reads)
    sme_status, size = classify_size(rules.size, industry if isinstance(industry, str) else None, size_inputs)
    tiers: dict[str, TierResult] = {}
    for tid, tier in rules.tiers.items():
        te = _TierEval(ctx, rules, renewal == tid, tables, (sme_status, size, sme_reads))
        status = te.visit(tier.criteria, 0, None)
        score = low = high = None
        groups: list[GroupScore] = []
        if tier.score_table is not None:
            ts = tables[tier.score_table]
            low, high = ts.low, ts.high
            score = low if low == high else None
            groups = [GroupScore(g.id, g.title, g.max, *ts.groups[g.id][:2]) for g in ts.table.groups]
        tiers[tid] = TierResult(tid, tier.title, status, score, low, high, tier.score_table, te.out, groups,
                                tier.notes)
    return Result(
        rules_id=rules.id, rules_title=rules.title, in_force_from=rules.in_force_from, rules_source=rules.source,
        as_of=as_of, last_year=last_year, renewal=renewal, input_sha256=profile.sha256(), name=profile.name,
        sme_status=sme_status, sme_size=size, tiers=tiers, calendar=calendar, rules_notes=rules.notes,
        documents=documents(rules), warnings=unusual_figures(rules, profile.values),
    )


_DOCUMENT = re.compile(r"[\u4e00-\u9fff]+〔\d{4}〕\d+号")


def documents(rules: RuleSet) -> tuple[str, ...]:
    """The official texts a rule set rests on: every document number its sources cite, in order."""
    found: dict[str, None] = {}
    for text in (rules.source, rules.size.source, *(n.source or "" for _, n in rules.all_nodes()),
                 *(i.source for t in rules.scores.values() for i in t.items)):
        for m in _DOCUMENT.findall(text):
            found.setdefault(m, None)
    return tuple(found)


# ------------------------------------------------------------------ probes for advice


Overrides = dict[tuple[str, int | None], expr.Value]


def _probe_ctx(rules: RuleSet, values: dict[str, object], last_year: int, overrides: Overrides | None) -> _Ctx:
    ctx = _Ctx(rules, Profile(values), last_year)  # type: ignore[arg-type]
    for key, value in (overrides or {}).items():
        ctx.cache[key] = (value, {})  # a derived quantity forced to a value (boundary cases)
    return ctx


def check_holds(rules: RuleSet, values: dict[str, object], last_year: int, node: Node,
                overrides: Overrides | None = None) -> bool | None:
    """Whether one check node holds on ``values``: the cheap probe the gap search repeats."""
    assert node.value is not None and node.op is not None
    ctx = _probe_ctx(rules, values, last_year, overrides)
    return expr.compare(node.op, node.value(ctx), node.threshold)


def item_points(rules: RuleSet, values: dict[str, object], last_year: int, item: ScoreItem,
                overrides: Overrides | None = None) -> tuple[Decimal, Decimal]:
    """(lowest, highest) points of one score item on ``values``."""
    s = score_item(_probe_ctx(rules, values, last_year, overrides), item)
    return s.low, s.high
