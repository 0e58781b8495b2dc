"""Each criterion's explanation in zh and en, made from the evaluator's data when a report reads it.

The evaluator (``plan.py``) records what it found (the value, the numbers of a formula, the points,
the band chosen); the sentences are made here, and only for the rows a report shows. Numbers are
written by ``fmt`` and units by ``unit_text``, for every renderer.
"""

from __future__ import annotations

import functools
import re
from decimal import ROUND_HALF_UP, Decimal

from littlegiant.core.result import MET, REVIEW, UNKNOWN, UNMET, CriterionResult
from littlegiant.i18n import SIZE
from littlegiant.load.rules import Text
from littlegiant.messages import plural, unit_text


def fmt(v: object, near: object = None, lang: str = "en") -> str:
    """A number for people: two places, more when two places would hide a miss of ``near`` (a threshold,
    or a tuple of a score item's band edges: 55.0002% scores 5 where ≤55% scores 10, so it is not "55%")."""
    if type(v) is not Decimal:  # the type first: nearly every figure is a Decimal, spared two isinstance
        if isinstance(v, bool):
            if lang == "zh":
                return "是" if v else "否"
            return "yes" if v else "no"
        if not isinstance(v, Decimal):
            return "?" if v is None else str(v)
    text = str(v)
    if text.isdigit() and len(text) <= 20:  # plain digits (most amounts of a batch): as they are, whatever ``near``
        return text
    # digits after the point, not all 0: surely not whole, spared making an int of a quotient's 30 places
    if not ("." in text and "E" not in text and text.rstrip("0")[-1] != ".") and v.adjusted() < 20:
        whole = int(v)
        if whole == v:  # a whole number reads as its digits, whatever ``near``
            return str(whole)
    near = near if isinstance(near, Decimal) or (isinstance(near, tuple) and near) else None
    if len(text) > SHORT_NUMBER:  # a quotient's thirty places: kept by its digits, not by the number
        hit = _LONG.get(text)
        if hit is None:
            if len(_LONG) >= 4096:
                _LONG.clear()
            if v.adjusted() < 20:  # rounded to two places once, for both: twice was ~0.2 us of each new quotient
                two = v.quantize(_PLACES[0], ROUND_HALF_UP)
                hit = _LONG[text] = (_written(v, two), two)
            else:
                hit = _LONG[text] = (_number.__wrapped__(v, None), None)
        if near is None or hit[1] is None or not _misread(hit[1], v, near):  # two places read as v does
            return hit[0]
        return _number.__wrapped__(v, near)
    return _number(v, near)


SHORT_NUMBER = 16
"""Characters of a number kept by ``_number`` and ``_decimal`` (thresholds, counts, levels, points,
amounts with cents); a longer one (a settled quotient, ``56.324187380497131931166347992351``) is
kept by its digits (``_LONG``): hashing such a Decimal (~2 us, as ``lru_cache`` would) cost more than
writing it."""

_LONG: dict[str, tuple[str, Decimal | None]] = {}
"""``fmt`` of a long figure without ``near``, and its two places, by its ``str``: nearly every quotient
is one company's, but a company's ratio is shown by two to four rows (a share of revenue under each
tier, each with its threshold); kept to a few thousand."""


_PLACES = (Decimal("0.01"), Decimal("0.0001"), Decimal("0.000001"))


def _misread(q: Decimal, v: Decimal, near: Decimal | tuple[Decimal, ...]) -> bool:
    """Whether ``q``, ``v`` rounded, reads otherwise than ``v`` beside ``near``: on a threshold or band edge
    that ``v`` is not on, or across one (a rounding lands where a band it does not reach begins). That is
    an edge between them, either end included (q < e <= v reads below where v is not, q <= e < v on it
    where v is not): found with two comparisons an edge where four (a points row's four edges were 16 for
    every new row, ~0.8 us of its ~2.5 us sentence)."""
    if q == v:
        return False
    lo, hi = (q, v) if q < v else (v, q)
    if isinstance(near, tuple):
        for edge in near:
            if lo <= edge <= hi:
                return True
        return False
    return lo <= near <= hi


@functools.lru_cache(maxsize=8192)
def _number(v: Decimal, near: Decimal | tuple[Decimal, ...] | None) -> str:
    """``fmt`` of a number, kept: a batch writes the same figures (counts, levels, thresholds, points)
    in row after row. Equal numbers are written alike whatever their digits (1.0 and 1 give "1")."""
    if v.adjusted() >= 20:  # no figure of a company, only a (hostile) rule's product: too long to write out
        return f"{v.scaleb(-v.adjusted()).quantize(Decimal('0.01')).normalize()}×10^{v.adjusted()}"
    for step in _PLACES:
        q = v.quantize(step, ROUND_HALF_UP)
        if near is None or not _misread(q, v, near):
            break
    else:  # a miss finer than six places: every digit, or the figure would read as the threshold it missed
        q = v.normalize()
    return _written(v, q)


def _written(v: Decimal, q: Decimal) -> str:
    """``_number``'s text of ``v`` rounded to ``q`` (a figure under 10^20)."""
    if v and not q:  # a sliver (R&D beside revenue of 4,500亿 typed for 4,500万): its first two digits, not "现为0%"
        q = v.quantize(Decimal(1).scaleb(v.adjusted() - 1), ROUND_HALF_UP)
    text = str(q)  # plain digits: a quantized figure under 10^20 has no exponent to write
    if "E" in text:
        text = format(q, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text if text != "-0" else "0"


_REF = re.compile(r"\b([a-z_][a-z0-9_]*)(?:\[(y[0-9]?)\])?")


@functools.lru_cache(maxsize=1024)
def formula_pieces(source: str) -> tuple[tuple[str, str], ...]:
    """A formula cut into (text, name) pairs, each name a ``name[year]`` to fill in (the last one
    empty), ``*`` written as ``×``; cut once for each formula a rule set has."""
    out, at = [], 0
    for m in _REF.finditer(source):
        out.append((source[at:m.start()].replace("*", "×"), m.group(0)))
        at = m.end()
    out.append((source[at:].replace("*", "×"), ""))
    return tuple(out)


def explanation_in(c: CriterionResult, lang: str) -> str:
    """The explanation in one language: the sentence ``words.Phrasing.sentence`` says of a kind it does not
    word itself (a group, a red line, a points row, a yes/no question, the size), and so a JSON row's
    ``explanation`` too. A check and a score total are worded there alone, so people read one wording of
    what a criterion requires (「要求不低于80%」), not two."""
    return _MAKERS[c.kind](c, lang)


def _group(c: CriterionResult, lang: str) -> str:
    met, of = c.counts or (0, 0)
    if c.kind == "all":
        return f"须全部满足：{met}/{of} 项满足" if lang == "zh" else f"all required: {met} of {of} met"
    return f"满足其一即可：{met}/{of} 项满足" if lang == "zh" else f"any one suffices: {met} of {of} met"


def _veto(c: CriterionResult, lang: str) -> str:
    label = (c.field_label or Text("", "")).get(lang)
    note = c.rule.note if c.rule is not None else None
    zh = lang == "zh"
    if c.rule is not None and c.rule.when_present == REVIEW:  # a red line not treated as a veto: the authority decides
        if c.status == UNKNOWN:
            return f"未回答「{label}」；如存在，由认定机关判断" if zh else f"not answered: \"{label}\"; if true, the authority decides"
        if c.status == REVIEW:
            if zh:
                return f"存在：{label}。" + (note.zh if note else "不作一票否决，由认定机关判断。")
            return f"present: {label}. " + (note.en if note else "Not a veto here; the authority decides.")
        return "不存在" if zh else "not present"
    if c.status == UNKNOWN:
        return f"未回答「{label}」；如存在则一票否决" if zh else f"not answered: \"{label}\"; if true it vetoes every tier"
    if c.status == UNMET:
        return f"存在：{label}（一票否决）" if zh else f"present: {label} (a veto on every tier)"
    return "不存在" if zh else "not present"


_QUALITATIVE = {
    UNKNOWN: Text("定性条件，尚未回答", "qualitative, not answered yet"),
    UNMET: Text("自评为否：不满足", "answered no: not met"),
    REVIEW: Text("定性条件：自评为是，由认定机关依据材料判断", "qualitative: answered yes; the authority judges it from the evidence"),
}


def _qualitative(c: CriterionResult, lang: str) -> str:
    return _QUALITATIVE[c.status].get(lang)


def _sme(c: CriterionResult, lang: str) -> str:
    if isinstance(c.value, str) and c.value in SIZE:
        return f"划型结果：{SIZE[c.value]['zh']}企业" if lang == "zh" else f"size: {SIZE[c.value]['en']}"
    if c.status == MET:
        return "属于中小微企业（具体规模缺少数据）" if lang == "zh" else "an SME (exact size needs more data)"
    return "缺少行业或规模数据，无法划型" if lang == "zh" else "industry or size figures missing"


def _points(c: CriterionResult, lang: str) -> str:
    zh = lang == "zh"
    parts = []
    # a scale with every figure given and no value is a share of a 0 (criteria.md §3), not a "?" (a row whose
    # points are known lists nothing missing though a scale's figure may be blank: its inputs tell)
    # (worked out for a blank scale alone: ``None in`` compared every Decimal input with None, ~0.3 us a row)
    edges = band_edges(c)
    for at, (label, v, unit) in enumerate(c.scales):
        # a scale whose figure is blank: said in words, not as a bare "?" beside the others' figures
        near = edges[at] if at < len(edges) else None
        if v is None:
            uncounted = ("除数为0，无法计算" if zh else "a division by 0, cannot be computed") \
                if not c.missing and None not in c.inputs.values() else None
            shown = uncounted or ("未知" if zh else "unknown")
        else:
            shown = fmt(v, near, lang)
        parts.append(f"{(label or _NO_LABEL).get(lang)} {shown}{unit_text(unit, lang, v) if v is not None else ''}".strip())
    if c.band is not None:
        parts.append(c.band.get(lang).strip())
    try:
        pts = _points_text(c.points_min, c.points_max, c.max_points, lang,
                           (type(c.points_min), type(c.points_max), type(c.max_points)), bool(c.missing))
    except TypeError:  # points that cannot be a key (none the evaluator makes)
        pts = _points_text.__wrapped__(c.points_min, c.points_max, c.max_points, lang, (), bool(c.missing))
    lead = ("；" if zh else "; ").join(parts)
    text = (f"{lead}：{pts}" if zh else f"{lead}: {pts}") if lead else pts
    if c.status == REVIEW:
        text += "（定性得分，待审核）" if zh else " (qualitative points, await review)"
    return text


_NO_LABEL = Text("", "")


def band_edges(c: CriterionResult) -> tuple[tuple[Decimal, ...], ...]:
    """The band edges of each scale a points row shows (``c.scales``), for ``fmt``'s ``near``: a figure
    written with two places must not read as on an edge it misses (55.0002% shown as 55% beside ≤55%: 10
    分, where it scores 5). Worked out once for each item (the row's memo is its rule's)."""
    item = c.item
    if item is None:
        return ()
    memo = c.memo
    hit = memo.get(band_edges) if memo is not None else None
    if hit is None:
        hit = tuple(tuple(sorted({e for b in sc.bands for e in (b.at_least, b.at_most) if e is not None}))
                    for sc in item.scales if sc.value is not None)
        if memo is not None:
            memo[band_edges] = hit
    return hit


@functools.lru_cache(maxsize=1024)
def _points_text(low: object, high: object, top: object, lang: str, kinds: tuple[type, ...], missing: bool = True) -> str:
    """A points row's points out of its most (``得 10/20 分``), made once for each: a batch repeats a
    few dozen, and wrote them for some 7 new points rows a company. ``kinds``: the numbers' types, in
    the key (True == 1 == Decimal(1), but fmt writes True as yes)."""
    if low == high:
        return f"得 {fmt(low)}/{fmt(top)} 分" if lang == "zh" else f"{fmt(low)} of {fmt(top)} {plural(top, 'point', 'points')}"
    if not missing:  # a range no answer narrows (a share of a 0): no data is said to be missing
        return f"得分 {fmt(low)}–{fmt(high)}/{fmt(top)}" if lang == "zh" else f"{fmt(low)}–{fmt(high)} of {fmt(top)} points"
    return f"得分 {fmt(low)}–{fmt(high)}/{fmt(top)}（缺少数据）" if lang == "zh" else \
        f"{fmt(low)}–{fmt(high)} of {fmt(top)} points (missing data)"


_MAKERS = {"all": _group, "any": _group, "veto": _veto, "qualitative": _qualitative, "sme": _sme, "points": _points}

points_sentence = _points
"""``explanation_in`` of a points row, for ``words.Phrasing.sentence`` to call straight."""
