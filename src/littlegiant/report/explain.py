"""``--explain ID``: the full computation trace of one criterion, for people checking a verdict.

It is for the finance manager who asks "why 不满足?", in either language alike: inputs by their
questions with units, the figure and the requirement in words (points said once, in that sentence),
each part as a sentence, the tier under the rule set's title, no ids or paths. Who wants the ids and
paths asks for ``--format json``."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal
from typing import Any

from littlegiant import lazyre
from littlegiant.core.result import CriterionResult, Result, TierResult
from littlegiant.i18n import CONFIDENCE, STATUS
from littlegiant.load.rules import Band, Node, RuleSet, Scale
from littlegiant.messages import unit_text
from littlegiant.report.explanations import band_edges, fmt, source_text, when_words
from littlegiant.report.linebreak import hang
from littlegiant.report.words import ICON, Words, num


def find_criteria(result: Result, ref: str) -> list[tuple[TierResult, CriterionResult]]:
    """The criteria ``--explain`` names: an id (``TIER:ID`` where tiers reuse one), or else words of
    a criterion's title in either language (研发费用, "R&D"), since ids appear in no report a client reads."""
    found = result.find(ref)
    if found or not ref.strip():
        return found
    words = ref.strip().casefold()
    seen: list[tuple[TierResult, CriterionResult]] = []
    for t in result.tiers.values():
        for c in t.criteria:
            if (words in c.title.zh.casefold() or words in c.title.en.casefold()) and \
                    not any(c.title == o.title and c.source == o.source for _, o in seen):
                seen.append((t, c))
    exact = [(t, c) for t, c in seen if words in (c.title.zh.casefold(), c.title.en.casefold())]
    if not seen and len(words) >= 4 and any("\u4e00" <= ch <= "\u9fff" for ch in words):
        # a title shortened as people shorten it: 主营业务收入占比 for 主营业务收入占营业收入比重, its
        # characters in the title's order; the nearest titles (the fewest characters between) first
        spans = [(span, t, c) for t in result.tiers.values() for c in t.criteria
                 if (span := _spread(words, c.title.zh)) is not None]
        for _, t, c in sorted(spans, key=lambda x: x[0]):
            if not any(c.title == o.title and c.source == o.source for _, o in seen):
                seen.append((t, c))
    if not seen and result.rules is not None:  # a park's word for a field (营收, 总资产, 高企): that field's name
        from littlegiant.load.tabular import HEADER_ALIASES, norm

        field = next((fid for fid, aliases in HEADER_ALIASES.items() if norm(ref) in map(norm, aliases)), "")
        named = result.rules.fields[field].label.zh.split("（")[0] if field in result.rules.fields else ""
        if named and norm(named) != norm(ref):  # 资产总额（年末）: its name without the bracket
            return find_criteria(result, named)
    return exact or seen  # a title pasted whole names that criterion, not the groups whose titles contain it


def _spread(words: str, title: str) -> int | None:
    """How many characters of ``title`` the characters of ``words`` span when found in its order (the
    shortest such span from the first match), None when they are not all there."""
    at, start = 0, None
    for ch in words:
        at = title.find(ch, at)
        if at < 0:
            return None
        start = at if start is None else start
        at += 1
    return at - (start or 0)


def elsewhere(rules: RuleSet, ref: str, lang: str) -> tuple[RuleSet, str, date, bool] | None:
    """Where words ``--explain`` found in none of this set's criteria name one of another built-in
    set (数字化 and 净利润 are 2022 score items): that set, the first few titles it has for them in
    ``lang``, a day it judges new applications for the user to pass as --as-of (its last, or its
    first if it has no end), and whether it has none. None when no other set has them either."""
    from littlegiant.load import rules as rulesets

    words = ref.strip().casefold()
    if not words:
        return None
    cal = rulesets.calendar()
    for other_id in rulesets.builtin_ids():
        periods = [p for p in cal.periods if p.rules == other_id and "application" in p.kinds]
        if other_id == rules.id or not periods:
            continue
        open_ended = any(p.end is None for p in periods)
        other = rulesets.load(other_id)
        titles = [n.title for _, n in other.all_nodes() if n.title is not None] + \
            [item.title for table in other.scores.values() for item in table.items]
        found = list(dict.fromkeys(t.get(lang) for t in titles
                                   if words in t.zh.casefold() or words in t.en.casefold()))
        # an id from the other set's JSON (lg.main_growth_avg under 2026): its title, as the words are said
        found = found or list(dict.fromkeys(n.title.get(lang) for _, n in other.all_nodes()
                                            if n.title is not None and n.id.casefold() == words))
        if found:
            named = "、".join(f"「{t}」" for t in found[:3]) if lang == "zh" else "; ".join(found[:3])
            day = min(p.start for p in periods) if open_ended else max(p.end for p in periods if p.end is not None)
            return other, named + (("等" if lang == "zh" else "; …") if len(found) > 3 else ""), day, open_ended
    return None


def other_route(rules: RuleSet, ref: str, renewal: str | None, lang: str) -> tuple[str, str] | None:
    """A criterion of this set that ``--explain`` names (its id, or words of its title) which the assessment
    did not judge because it is for a renewal only, or for a new application only (zjtx26.platform_renewal
    without --renewal): its title, and the --renewal that shows it (``none`` for a new application). The
    answer was 「没有找到…相符的条件」, as if the set had no such criterion."""
    words = ref.strip().casefold()
    named, _, bare = words.rpartition(":")  # TIER:ID, as --explain takes one tier's
    only = named if named in rules.tiers else None
    if only is not None:
        words = bare
    if not words:
        return None
    for tier, node in rules.all_nodes():
        if only is not None and tier != only:
            continue
        wanted = "renewal" if renewal is None else "new" if renewal == tier else None
        if wanted is None or node.applies != wanted or node.title is None:
            continue
        if node.id.casefold() == words or words in node.title.zh.casefold() or words in node.title.en.casefold():
            return node.title.get(lang), tier if wanted == "renewal" else "none"
    return None


def waived(rules: RuleSet, tier_id: str, criterion_id: str, lang: str) -> str:
    """Why a renewal of ``tier_id`` under ``rules`` does not check criterion ``criterion_id`` of the renewed tier: whose
    word waives it (the round notice that made it new applications' only, 190号's growth waiver, or the
    measures' renewal clauses) and what the renewal checks of the same figures instead (the either-year
    platform score for this year's). A consultant asking why the 5% growth is not in a 小巨人 renewal was
    told to add --renewal none, and exit 2, as if the question were a mistake."""
    from littlegiant.load import rules as rulesets

    zh = lang == "zh"
    tier = rules.tiers[tier_id]
    node = next(n for n in tier.criteria.walk() if n.id == criterion_id)
    by = None
    notice = rulesets.calendar().rounds.get(rules.round) if rules.round is not None else None
    if notice is not None and rules.extends is not None:  # a round file, picked by the date or named by --rules
        base = rulesets.load(rules.extends)  # the set before the round file: the notice waived what was checked there
        before = next((n for _, n in base.all_nodes() if n.id == criterion_id), None)
        if before is not None and before.applies != node.applies:
            by = notice.ref
    source = by or rules.source
    why = (f"依据{source}" if by else f"依据{source}的复核条款") if zh else \
        (f"under {source}" if by else f"under the renewal clauses of {source}")
    reads = _reads(node)
    instead = [n.title.get(lang) for n in tier.criteria.walk() if n.applies == "renewal" and reads & _reads(n)]
    name = tier.title.get(lang)
    if zh:
        said = f"本次为{name}复核：复核不评估这一条件（{why}）"
        said += "，改按" + "".join(f"「{t}」" for t in instead) + "评估" if instead else ""
        return said + "。"
    said = f"This is a renewal of {name}: the renewal does not check this condition ({why})"
    said += "; it checks " + " and ".join(f'"{t}"' for t in instead) + " instead" if instead else ""
    return said + "."


def _kind(result: Result, tier: TierResult, lang: str) -> str:
    """In a renewal run, how the tier is judged: the renewed one by its renewal clauses, the others as new
    applications for reference. A consultant renewing 小巨人 asked --explain of a 专精特新 condition and read
    「结论：✔ 满足」 under 「所属称号：专精特新中小企业」, with nothing to say it was not that title's renewal."""
    if result.renewal is None:
        return ""
    if tier.id == result.renewal:
        return "复核，" if lang == "zh" else " (renewal)"
    return "按新申请条件评估，仅供参考；" if lang == "zh" else " (judged as a new application, for reference)"


def _reads(node: Node) -> set[str]:
    """The figures a criterion (or group) reads: a renewal clause that reads what a waived one did stands in
    for it (either year's platform score for this year's)."""
    return {r.name for n in node.walk() if n.value is not None for r in n.value.refs}


def waived_text(result: Result, tier: TierResult, c: CriterionResult, why: str, lang: str,
                rules: RuleSet | None = None, width: int = 0, approximate: frozenset[str] = frozenset()) -> str:
    """The trace of a criterion the renewal does not check (``why``, from ``waived``), as a new application
    judges it (``result`` is that judgement): the verdict said as a new application's, never as the renewal's."""
    rows = _explain(Words(result, rules, lang=lang, approximate=approximate), tier, c, approximate)
    head = _HEADS[lang]["status"]
    as_new = "如按新申请：" if lang == "zh" else "As a new application: "
    rows = [(m, as_new + t.removeprefix(head) if t.startswith(head) and i == 2 else t) for i, (m, t) in enumerate(rows)]
    rows.insert(2, ("", why + ("以下是按新申请评估时的情况，仅供参考。" if lang == "zh" else
                               " Below, how a new application would be judged on it, for reference only.")))
    return _wrapped(rows, width)


EXPLAINED_AT_MOST = 15
"""Words that match more criteria than this are too vague to explain each (研发 matches most of 2022's
tiers, 20 criteria). 研发费用, the help's own example, matches 14 under 2022: at 12 it was refused."""


def several_heading(ref: str, count: int, lang: str, width: int = 0) -> str:
    """The line before the traces of several criteria that the words of ``--explain`` match (wrapped at
    ``width`` columns, as the traces are)."""
    if lang == "zh":
        text = f"“{ref.strip()}”对应 {count} 个条件，逐一说明如下（只看其中一个，可写出它的完整名称）："
    else:
        text = f"{count} criteria match \"{ref.strip()}\"; each is explained below (give a whole title or an id for one)."
    return _wrapped([("", text)], width)


def explain_text(result: Result, tier: TierResult, c: CriterionResult, lang: str, rules: RuleSet | None = None,
                 width: int = 0, approximate: frozenset[str] = frozenset()) -> str:
    """A plain-text trace: inputs with their values, formula, comparison, source, evidence (wrapped at
    ``width`` columns when it is given, in either language). ``approximate``: the paths of figures the
    company gave as approximate (约5000), listed with their 约 as the report's warning says them."""
    return _wrapped(_explain(Words(result, rules, lang=lang, approximate=approximate), tier, c, approximate), width)


def _wrapped(rows: list[tuple[str, str]], width: int) -> str:
    """(mark, text) rows as lines: each text wrapped beside its mark at ``width`` columns (0: unwrapped),
    never inside a word or a number, a unit like "(10k CNY)" kept whole."""
    if width <= 0:
        return "\n".join(mark + text for mark, text in rows) + "\n"
    return "\n".join(line for mark, text in rows for line in hang(mark, text, width)) + "\n"


_HEADS = {
    "zh": {"tier": "所属称号：{tier}（{kind}依据{rules}，评估日期 {day}）", "status": "结论：", "inputs": "用到的数据：",
           "formula": "计算方法：", "result": "计算结果：", "parts": "其中各项：", "missing": "还缺的数据：",
           "source": "政策依据：", "confidence": "来源可靠程度：", "note": "说明：", "evidence": "需准备的材料：",
           "and": "；", "colon": "：", "unknown": "未填（不知道）", "yes": "是", "no": "否",
           "bands": "评分标准{how}：", "each": "（各项相加，最高{top}分）", "ours": "（本企业）", "holds": "（满足）",
           "edge": "恰在分界处的，按高分档计。", "points": "{n}分", "other": "其他", "by_value": "按所填得分计入",
           "about": "约"},
    "en": {"tier": "Tier: {tier}{kind}; under {rules}, as of {day}", "status": "Status: ", "inputs": "Inputs:",
           "formula": "Formula: ", "result": "Computation: ", "parts": "Parts:", "missing": "Still needed: ",
           "source": "Source: ", "confidence": "Confidence: ", "note": "Note: ", "evidence": "Evidence to prepare: ",
           "and": "; ", "colon": ": ", "unknown": "not given (unknown)", "yes": "yes", "no": "no",
           "bands": "Scoring{how}:", "each": " (added up, at most {top})", "ours": " (the company)", "holds": " (holds)",
           "edge": "A figure exactly on an edge takes the higher band.", "points": "{n}", "other": "other",
           "by_value": " counted as given", "about": "about "},
}
# a formula a reader cannot follow: sqrt(y1…), y1 / y2 (the sentence after it says the same with the figures)
_CODE = {"zh": lazyre.compile(r"[A-Za-z_]"), "en": lazyre.compile(r"\b(?:sqrt|y\d)\b|_")}


def _value(words: Words, path: str, value: object, about: bool = False) -> str:
    """An input's value as the report writes it: 2,500万元, 「市级」, 是/否, or 未填 (12,000 (10k CNY), yes);
    ``about``: a figure given as approximate, 约5,000万元."""
    lang = words.lang
    said = _HEADS[lang]
    if value is None:
        return said["unknown"]
    if isinstance(value, bool):
        return said["yes"] if value else said["no"]
    if isinstance(value, str):
        return f"「{words.choice(path, value)}」" if lang == "zh" else words.choice(path, value)
    zero = words.zero_word(path, value)
    if zero is not None:
        return zero
    unit = ""
    if words.rules is not None:
        from littlegiant.load.profile import field_for_path

        try:
            unit = field_for_path(words.rules, path).unit or ""
        except Exception:  # a path the rule set does not know (an overlay's): the number alone
            unit = ""
    return f"{said['about'] if about else ''}{num(value, lang)}{unit_text(unit, lang, value)}"


def _explain(words: Words, tier: TierResult, c: CriterionResult,
             approximate: frozenset[str] = frozenset()) -> list[tuple[str, str]]:
    """The trace for the finance manager, as (mark, text) rows: questions, figures in words, no ids.
    A figure given as 约5000 is listed as 约5,000万元: listed as 5,000万元 it read as the company's exact
    figure, a verdict at the threshold resting on it."""
    result = words.result
    lang = words.lang
    said = _HEADS[lang]
    rows: list[tuple[str, str]] = [
        ("", c.title.get(lang)),
        ("", said["tier"].format(tier=tier.title.get(lang), kind=_kind(result, tier, lang),
                                 rules=result.rules_title.get(lang), day=result.as_of.isoformat())),
        ("", f"{said['status']}{ICON[c.status]} {STATUS[c.status][lang]}")]
    if c.inputs:
        rows.append(("", said["inputs"]))
        rows.extend(("  · ", f"{words.answered(path)}{said['colon']}{_value(words, path, value, path in approximate)}")
                    for path, value in c.inputs.items())
    formula = c.formula.get(lang) if c.formula is not None else ""
    scored = _scored(words, c) if c.kind == "points" else []
    if not formula and len(scored) == 1:
        formula = scored[0][2]
    if formula and not _CODE[lang].search(formula):
        rows.append(("", f"{said['formula']}{formula.replace('/', '÷').replace('*', '×')}"))
    elif len(scored) > 1 and any(f for _, _, f, _ in scored):  # a best-of item: each way's formula
        rows.append(("", said["formula"].rstrip("：: ") + ("：" if lang == "zh" else ":")))
        rows.extend(("  · ", f"{sc.label.get(lang) if sc and sc.label else ''}{said['colon']}{f}")
                    for _, _, f, sc in scored if f)
    sentence = words.sentence(c)
    for shown, how, _, _ in scored:  # each figure with the company's numbers that make it: 55.0002%（2,876.51 ÷ 5,230）
        if how and shown in sentence:
            sentence = sentence.replace(shown, shown + how, 1)
    rows.append(("", f"{said['result']}{sentence}"))
    if c.kind == "points":
        rows.extend(_bands(words, c, scored))
    kids = [k for k in tier.criteria if k.parent == c.id]
    if kids:
        rows.append(("", said["parts"]))
        rows.extend((f"  {ICON[k.status]} ", f"{k.title.get(lang)}{said['colon']}{words.sentence(k)}") for k in kids)
    if c.missing:
        rows.append(("", f"{said['missing']}{words.questions(c.missing, limit=20)}"))
    # a group (复核：近两年任一年度……得分) names no source of its own: its parts' sources, and how firm the least
    # firm of them is, so that the renewal clause a consultant asks about says what it rests on
    sources = [c.source] if c.source else list(dict.fromkeys(k.source for k in kids if k.source))
    sources = [x for x in sources if not any(y != x and y.startswith(x) for y in sources)]  # said once, in full
    if sources:
        rows.append(("", said["source"] + said["and"].join(source_text(x, lang) for x in sources)))
    firm = c.confidence or next((x for x in ("recalled", "single", "multi", "gov")
                                 if any(k.confidence == x for k in kids)), None)
    if firm:
        rows.append(("", f"{said['confidence']}{CONFIDENCE[firm][lang]}"))
    if c.note is not None and c.note.get(lang) not in sentence:  # a red line present says its note already
        rows.append(("", f"{said['note']}{c.note.get(lang)}"))
    if c.evidence:
        rows.append(("", said["evidence"] + said["and"].join(e.get(lang) for e in c.evidence)))
    return rows


def _scored(words: Words, c: CriterionResult) -> list[tuple[str, str, str, Scale | None]]:
    """Each scale a points row shows: (its figure as the row's sentence writes it, how the company's
    figures make it ``（2,876.51 ÷ 5,230）`` or "", its formula in words or "", the scale). The row
    itself records the figures it read, not its formula: they are matched here to the formula's names."""
    item, rules, lang = c.item, words.rules, words.lang
    if item is None:
        return []
    scales = [sc for sc in item.scales if sc.value is not None]
    edges = band_edges(c)
    out: list[tuple[str, str, str, Scale | None]] = []
    for at, (label, v, unit) in enumerate(c.scales):
        sc = scales[at] if at < len(scales) else None
        shown = ""
        if v is not None:
            shown = f"{fmt(v, edges[at] if at < len(edges) else None, lang)}{unit_text(unit, lang, v)}"
            shown = f"{label.get(lang)} {shown}" if label is not None else shown
        how = formula = ""
        only = sc.value.only if sc is not None and sc.value is not None else None
        derived = rules.derived.get(only.name) if rules is not None and only is not None else None
        if derived is not None and only is not None:
            formula = derived.formula.get(lang) if derived.formula is not None else ""
            terms: dict[str, Any] = {}
            inputs: dict[str, Any] = {}
            for ref in derived.expression.refs:
                f = rules.fields.get(ref.name) if rules is not None else None
                if f is None:
                    break
                offset = (only.offset or 0) if ref.param else (ref.offset or 0)
                path = f.concrete_path(words.result.last_year - offset if f.per_year else None)
                if path not in c.inputs:
                    break
                text = ref.name + (f"[{_year_text(ref)}]" if ref.offset is not None or ref.param else "")
                terms[text] = inputs[path] = c.inputs[path]
            else:
                if v is not None and inputs:
                    like = replace(c, kind="check", unit=unit, inputs=inputs, terms=terms,
                                   formula_source=derived.expression.source)
                    how = words.how(like)
        out.append((shown, how, formula, sc))
    return out


def _year_text(ref: Any) -> str:
    """A reference's year as its formula writes it: ``y`` for the year parameter, ``y1``… otherwise."""
    return "y" if ref.param else f"y{(ref.offset or 0) + 1}"


def _bands(words: Words, c: CriterionResult, scored: list[tuple[str, str, str, Scale | None]]) -> list[tuple[str, str]]:
    """The item's bands, one a line, the company's marked: 「≥5%：20分」「3%–5%：15分」…, or the
    conditions of an item that adds points for each (质量管理水平), those that hold marked."""
    said = _HEADS[words.lang]
    rows: list[tuple[str, str]] = []
    edged = False
    for title, each, lines in band_tables(words, c):
        how = said["each"].format(top=num(c.max_points)) if each else \
            (f"（{title}）" if words.lang == "zh" else f" ({title})") if title else ""
        rows.append(("", said["bands"].format(how=how) + ("" if lines else said["by_value"])))
        ours = said["holds"] if each else said["ours"]
        rows.extend(("  → " if mine else "  · ", f"{said['colon'].join((words_of, said['points'].format(n=num(pts))))}"
                     f"{ours if mine else ''}") for words_of, pts, mine in lines)
        edged = edged or (not each and any(b.at_least is not None or b.at_most is not None
                                           for sc in (c.item.scales if c.item else ()) for b in sc.bands))
    if edged:
        rows.append(("", said["edge"]))
    return rows


def band_tables(words: Words, c: CriterionResult) -> list[tuple[str, bool, list[tuple[str, Decimal, bool]]]]:
    """A points row's scoring: for each way it is scored, (its title where an item has several, whether
    points are added for each condition, and each band as (its range or condition in words, its points,
    whether it is the company's)). One table without bands for points typed in (a province's)."""
    item, lang = c.item, words.lang
    said = _HEADS[lang]
    if item is None:
        return []
    if item.each:
        return [("", True, [((b.label.get(lang) if b.label else said["other"]), b.points, _holds(words, c, b))
                            for b in item.each])]
    if item.points_from_value is not None:
        return [("", False, [])]
    shown = {id(sc): v for sc, (_, v, _) in zip([s for s in item.scales if s.value is not None], c.scales,
                                                strict=False)}
    out = []
    for sc in item.scales:
        title = sc.label.get(lang) if sc.label is not None and len(item.scales) > 1 else ""
        chosen = _chosen(sc.bands, shown.get(id(sc)), c)
        unit = unit_text(sc.unit, lang) if sc.unit else ""
        out.append((title, False, [(_range(sc.bands, i, unit, lang, said, words.rules), b.points, i == chosen)
                                   for i, b in enumerate(sc.bands)]))
    return out


def scoring_json(result: Result, c: CriterionResult, lang: str, rules: RuleSet | None = None) -> dict[str, Any]:
    """What --explain's JSON adds for a points row: the formula in words with the company's figures,
    and the bands, the company's marked: what the text trace says, for a program."""
    words = Words(result, rules, lang=lang)
    scored = _scored(words, c)
    return {"formula": [{"formula": f, "figures": how.strip(" ()（）")} for _, how, f, _ in scored if f],
            "bands": [{"title": title, "each": each,
                       "bands": [{"range": r, "points": float(p) if p != int(p) else int(p), "company": mine}
                                 for r, p, mine in lines]}
                      for title, each, lines in band_tables(words, c)]}


_RANGE = {"zh": {"from": "{a}及以上", "to": "{a}及以下", "under": "低于{a}", "over": "高于{a}"},
          "en": {"from": "at least {a}", "to": "at most {a}", "under": "under {a}", "over": "over {a}"}}
"""A band's range in words (≥ and < read as code to a finance manager): 5%及以上, 低于1%."""


def _range(bands: tuple[Band, ...], i: int, unit: str, lang: str, said: dict[str, str],
           rules: RuleSet | None = None) -> str:
    """A band's range in the table's words: 5%及以上, 3%–5%, 低于1% (or 55%及以下, 55%–75%, 高于75%); a
    condition's label, or the question it reads (when_words)."""
    b = bands[i]
    say = _RANGE[lang]
    if b.label is not None and b.at_least is None and b.at_most is None:
        return b.label.get(lang)
    if b.when is not None and b.at_least is None and b.at_most is None:
        return when_words(b.when, rules, lang)
    before = [x for x in bands[:i] if x.when is None]
    if b.at_least is not None:
        above = next((x.at_least for x in reversed(before) if x.at_least is not None), None)
        return say["from"].format(a=f"{num(b.at_least)}{unit}") if above is None else \
            f"{num(b.at_least)}{unit}–{num(above)}{unit}"
    if b.at_most is not None:
        below = next((x.at_most for x in reversed(before) if x.at_most is not None), None)
        return say["to"].format(a=f"{num(b.at_most)}{unit}") if below is None else \
            f"{num(below)}{unit}–{num(b.at_most)}{unit}"
    if b.when is None and before:
        last = before[-1]
        if last.at_least is not None:
            return say["under"].format(a=f"{num(last.at_least)}{unit}")
        if last.at_most is not None:
            return say["over"].format(a=f"{num(last.at_most)}{unit}")
    return said["other"]


def _chosen(bands: tuple[Band, ...], v: Any, c: CriterionResult) -> int | None:
    """Which band a scale's figure falls in (the first that holds, as the evaluator takes it), a
    condition band by the label the row recorded; None when the figure is not known."""
    if isinstance(v, Decimal):
        for i, b in enumerate(bands):
            if b.when is None and (b.at_least is None or v >= b.at_least) and (b.at_most is None or v <= b.at_most):
                return i
        return None
    if c.band is not None and c.points_min == c.points_max:
        return next((i for i, b in enumerate(bands) if b.label == c.band and b.points == c.points_min), None)
    return None


def _holds(words: Words, c: CriterionResult, b: Band) -> bool:
    """Whether a condition of an item that adds points for each holds: a yes/no question answered yes."""
    only = b.when.only if b.when is not None else None
    rules = words.rules
    if only is None or rules is None or only.name not in rules.fields:
        return False
    return c.inputs.get(rules.fields[only.name].concrete_path(None)) is True
