"""Each criterion's explanation in zh and en, made from the evaluator's data when a report reads it.

The evaluator (``plan.py``) records what it found (the value, the numbers of a formula, the points,
the band chosen); the sentences are made here, and only for the rows a report shows. Numbers are
written by ``fmt`` and units by ``unit_text``, for every renderer.
"""

from __future__ import annotations

import functools
import re
from decimal import ROUND_HALF_UP, Decimal

from littlegiant import lazyre
from littlegiant.core.result import MET, REVIEW, UNKNOWN, UNMET, CriterionResult
from littlegiant.i18n import SIZE
from littlegiant.load.expr import Expression
from littlegiant.load.rules import RuleSet, Text
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


UNCOMPUTED_ENDS = ("无法计算，请核对）", "cannot be computed; please check)",
                   "cannot be computed from the figures given; please check)")
"""How a condition whose figures are all given and still cannot be computed ends (``Words.uncomputed``):
a batch row's 主要差距 says it as figures to check, not as a question awaiting its answer."""

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
    if not isinstance(near, tuple):  # one threshold (a check's, nearly every figure a batch row words): where
        # ``q`` is beside it, ``v`` must be on it or across; where on it, ``v`` must not be. Two comparisons where
        # four, each of which looks up the Decimal context (~1,000 instructions of a new quotient's fmt)
        if q < near:
            return near <= v
        if near < q:
            return v <= near
        return q != v
    if q == v:
        return False
    lo, hi = (q, v) if q < v else (v, q)
    for edge in near:
        if lo <= edge <= hi:
            return True
    return False


@functools.lru_cache(maxsize=8192)
def _number(v: Decimal, near: Decimal | tuple[Decimal, ...] | None) -> str:
    """``fmt`` of a number, kept: a batch writes the same figures (counts, levels, thresholds, points)
    in row after row. Equal numbers are written alike whatever their digits (1.0 and 1 give "1")."""
    if v.adjusted() >= 20:  # a quotient past any amount (R&D of 10^15 over revenue of 0.000001): too long to write
        # out. Rounded to three digits first, then split: rounded after, 9.995 became 10.00 of its power
        # and read "1E+1×10^22"
        three = v.quantize(Decimal(1).scaleb(v.adjusted() - 2), ROUND_HALF_UP)
        return f"{three.scaleb(-three.adjusted()).normalize():f}×10^{three.adjusted()}"
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


_REF = lazyre.compile(r"\b([a-z_][a-z0-9_]*)(?:\[(y[0-9]?)\])?")


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


# A rule's source in English. The rule files cite their sources as a Chinese reader looks them up
# (工信部企业〔2026〕2号 附件1 第6项); an English reader met that line, and the report's list of official
# texts, as Chinese alone. The number stays (it is what one searches for), after an English name.

DOCUMENTS_EN = {
    "工信部企业〔2022〕63号": "Interim Measures for Cultivating Quality SMEs",
    "工信部企业〔2026〕2号": "Measures for Cultivating Quality SMEs",
    "工信部联企业〔2011〕300号": "SME size standard",
    "国科发政〔2017〕115号": "Technology-based SME assessment measures",
    "工信厅企业〔2024〕75号": "SME development-evaluation indicators",
    "工信厅企业函〔2025〕190号": "Little Giant round notice",
    "工信厅企业函〔2026〕117号": "Little Giant renewal round notice",
}
"""The official texts the built-in rules cite, by number: what each is, for a reader of English (the
year, in the number, is said after the name as the rule sets' titles say it)."""

_DOC = lazyre.compile(r"[\u4e00-\u9fff]{2,8}〔\d{4}〕\d+号")

_CN_DIGITS = {c: str(i) for i, c in enumerate("一二三四五六七八九十", 1)}
_CN = "[一二三四五六七八九十]"

_REMARKS_EN = {
    "（一票否决）": "(a veto)",
    "（一票否决；第三方数据集转述「……严重质量问题、数据造假等」）":
        "(a veto; a third-party data set's transcription: \u201c…serious quality problems, data fabrication and "
        "the like\u201d)",
    "（2026年办法的转述中未见此项，沿用待核实）":
        "(not seen in the transcriptions of the 2026 measures; carried over, to be verified)",
    "（直通）": "(direct paths)",
    "（2年合计为项目决定）": "(the two-year total is this tool's reading)",
    "（平均增长率按两年增长率的算术平均计算，为本工具采用的口径）":
        "(the average growth rate taken as the mean of the two years' rates: this tool's reading)",
    "（特色化指标由省级主管部门制定）": "(each province sets its characteristic indicators)",
    "（专精特新中小企业从创新型中小企业中培育；项目决定）":
        "(specialised SMEs are cultivated from innovative SMEs: this tool's reading)",
    "（由官方平台计算）": "(computed by the official platform)",
    "（\"上年度\"\"近2年\"的用法）": "(how \u201clast year\u201d and \u201cthe last 2 years\u201d are used)",
    "（新闻转载及市级通知转载，2025-05）": "(a news repost and a municipal notice's repost, 2025-05)",
    "（多个第三方转载）": "(several third-party reposts)",
    "（\"本年度暂不接收营业收入低于5000万元企业的申请和复核\"）":
        "(\u201cno application or renewal this year from a company with revenue under 50 million CNY\u201d)",
    "（\"不得用于当前或未来的新申报、复核\"）": "(\u201cnot to be used for current or future applications or renewals\u201d)",
}
"""The remarks the built-in rules add to a citation, in English (a rule file's own stays as written)."""

_NAMED_EN = {
    "工信部年度\"小巨人\"培育通知（排除条件）": "MIIT's yearly Little Giant round notices (exclusions)",
    "山东省专精特新中小企业特色化指标（示例）": "Shandong's characteristic indicators for specialised SMEs (an example)",
    "湖北省（\"失效后按新版办法…复核\"）、天津市2026年复评通知":
        "Hubei (\u201conce expired, renewed under the new measures\u201d) and Tianjin's 2026 renewal notice",
    "长治市2026年1月专精特新复核通知": "Changzhi's January 2026 renewal notice for specialised SMEs",
    "\"X以下\"不含本数，\"X及以上\"含本数": "\u201cbelow X\u201d excludes X, \u201cX and above\u201d includes it",
}
"""Whole citations the built-in rules make by a name rather than a number, in English."""

_TITLES_OF = {"《中小企业划型标准规定》": "工信部联企业〔2011〕300号"}
"""A document's Chinese title a citation puts before its number, which the English name replaces."""

_SECTIONS_EN: tuple[tuple[re.Pattern[str], str], ...] = tuple((lazyre.compile(p), e) for p, e in (
    (r"附件(\d+)[–-](\d+)", "Annexes {0}–{1}"),
    (r"附件(\d+)", "Annex {0}"),
    (r"附件", "the annex"),
    (r"第(\d+)项", "item {0}"),
    (r"评价指标(\d+)", "indicator {0}"),
    (rf"评价指标（({_CN})）", "indicator ({0})"),
    (r"评分指标(\d+)", "scoring indicator {0}"),
    (rf"认定条件（({_CN})）(\d+)", "condition ({0}), point {1}"),
    (rf"认定条件（({_CN})）", "condition ({0})"),
    (rf"({_CN})（({_CN})）", "part {0} ({1})"),
    (rf"第({_CN})条", "Article {0}"),
    (rf"第({_CN})章", "Chapter {0}"),
    (rf"({_CN})", "part {0}"),
    (r"参评条件", "eligibility conditions"),
    (r"说明", "notes"),
    (r"创新能力指标", "innovation indicators"),
    (r"专业化指标", "specialisation indicators"),
    (r"精细化指标", "sophistication indicators"),
    (r"特色化指标", "characteristic indicators"),
    (r"产业链配套指标", "supply-chain indicators"),
    (r"主导产品所属领域指标", "main-product domain indicators"),
    (r"创新型中小企业评价标准", "the Innovative SME assessment standard"),
))
"""A section of a cited text (附件1, 第6项, 评价指标（一）…), whole, in English; numbers in Chinese
characters written in digits."""

_IN_FORCE = lazyre.compile(r"（(\d{4}-\d{2}-\d{2})施行）")


def document_text(number: str, lang: str, remark: str = "") -> str:
    """An official text as a report lists it: in English its name, then its year and number, which is
    what one looks it up by (「Measures for Cultivating Quality SMEs (2026, 工信部企业〔2026〕2号)」), with
    ``remark`` (English) inside the brackets; a number this tool has no name for, and Chinese, as it is."""
    name = DOCUMENTS_EN.get(number) if lang != "zh" else None
    if name is None:
        return f"{number} ({remark})" if remark else number
    year = number[number.index("〔") + 1:number.index("〕")]
    return f"{name} ({year}, {number}{'; ' + remark if remark else ''})"


@functools.lru_cache(maxsize=512)
def source_text(source: str, lang: str) -> str:
    """A rule's source as ``--explain`` says it: the rule file's words in Chinese; in English each
    official text by its name and number, its sections (附件1 第6项: Annex 1, item 6) and the built-in
    remarks in English. What is not known here (a rule file's own words) is kept as written."""
    if lang == "zh":
        return source
    return "; ".join(_citation(part) for part in _outside_brackets(source, "；"))


def _outside_brackets(text: str, sep: str) -> list[str]:
    """``text`` cut at each ``sep`` outside （）and 「」 (a remark may hold a ；), each piece stripped."""
    pieces, depth, at = [], 0, 0
    for i, ch in enumerate(text):
        if ch in "（「":
            depth += 1
        elif ch in "）」":
            depth = max(depth - 1, 0)
        elif ch == sep and depth == 0:
            pieces.append(text[at:i])
            at = i + 1
    pieces.append(text[at:])
    return [p.strip() for p in pieces if p.strip()]


def _citation(cite: str) -> str:
    """One citation (工信部企业〔2026〕2号 附件1 第6项) in English: the text by its name and number, then each
    section, a remark after what it remarks on."""
    if cite in _NAMED_EN:
        return _NAMED_EN[cite]
    for title, number in _TITLES_OF.items():
        if cite.startswith(title + number) and number in DOCUMENTS_EN:
            cite = cite[len(title):]
    found = _DOC.match(cite)
    if found is None:
        return cite
    rest, remark = cite[found.end():], ""
    if rest.startswith("（"):  # a remark on the text itself: 工信部企业〔2026〕2号（2026-04-01施行）
        remark, rest = _leading_remark(rest)
        remark = _remark(remark)[1:-1]
    words = [document_text(found.group(0), "en", remark)]
    words.extend(_section(part) for part in rest.split())
    return ", ".join(words)


def _leading_remark(text: str) -> tuple[str, str]:
    """A （…） that ``text`` starts with, and what follows it."""
    depth = 0
    for i, ch in enumerate(text):
        depth += ch == "（"
        depth -= ch == "）"
        if depth == 0:
            return text[:i + 1], text[i + 1:]
    return text, ""


def _remark(remark: str) -> str:
    """A remark （…） in English when the built-in rules make it; else as written."""
    in_force = _IN_FORCE.fullmatch(remark)
    if in_force is not None:
        return f"(in force from {in_force.group(1)})"
    return _REMARKS_EN.get(remark, remark)


def _section(part: str) -> str:
    """A section of a cited text in English (附件1: Annex 1), with the remark after it; as written when
    not known."""
    for pattern, en in _SECTIONS_EN:
        m = pattern.fullmatch(part)
        if m is not None:
            return en.format(*(_CN_DIGITS.get(g, g) for g in m.groups()))
    for remark in _REMARKS_EN:
        if part.endswith(remark) and len(part) > len(remark):
            return f"{_section(part[:-len(remark)])} {_remark(remark)}"
    return part


def when_words(when: Expression, rules: RuleSet | None, lang: str) -> str:
    """A yes/no score band without a label of its own, by the question it reads: Shandong's 上市进展 read
    "其他情况：3分" then "其他情况：0分" in `rules show` and --explain, as if any answer earned the 3 points."""
    def label_of(name: str) -> Text | None:
        known = rules.fields.get(name) if rules is not None else None
        return known.label if known is not None else \
            rules.derived[name].label if rules is not None and name in rules.derived else None

    label = label_of(when.only.name) if when.only is not None else None
    if label is not None:
        return f"“{label.zh}”为“是”" if lang == "zh" else f"yes to “{label.en}”"
    # a condition of several answers, by the answers it reads: 「符合条件时」 alone lost what it asks
    labels = list(dict.fromkeys(x for r in when.refs if (x := label_of(r.name)) is not None))
    if not labels or when.only is not None:
        return "符合条件时" if lang == "zh" else "when its condition holds"
    if lang == "zh":
        return "按“" + "”“".join(t.zh for t in labels) + "”符合条件时"
    return "when its condition on " + ", ".join(f"“{t.en}”" for t in labels) + " holds"
