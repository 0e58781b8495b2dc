"""``--explain ID``: the full computation trace of one criterion, for people checking a verdict."""

from __future__ import annotations

from littlegiant.core.result import CriterionResult, Result, TierResult
from littlegiant.i18n import CONFIDENCE, STATUS
from littlegiant.report.explanations import explanation, fmt

_L = {
    "tier": {"zh": "层级", "en": "Tier"},
    "status": {"zh": "状态", "en": "Status"},
    "inputs": {"zh": "输入", "en": "Inputs"},
    "formula": {"zh": "公式", "en": "Formula"},
    "computation": {"zh": "计算", "en": "Computation"},
    "points": {"zh": "得分", "en": "Points"},
    "source": {"zh": "依据", "en": "Source"},
    "confidence": {"zh": "可靠度", "en": "Confidence"},
    "missing": {"zh": "缺少", "en": "Missing"},
    "evidence": {"zh": "需准备的材料", "en": "Evidence to prepare"},
    "note": {"zh": "说明", "en": "Note"},
    "children": {"zh": "下级条件", "en": "Parts"},
    "unknown": {"zh": "（未知）", "en": "(unknown)"},
}


def explain_text(result: Result, tier: TierResult, c: CriterionResult, lang: str) -> str:
    """A plain-text trace: inputs with their values, formula, comparison, source, evidence."""

    def lab(key: str) -> str:
        return _L[key][lang]

    lines = [f"{c.id} — {c.title.get(lang)}",
             f"{lab('tier')}: {tier.title.get(lang)} ({result.rules_id}, {result.as_of.isoformat()})",
             f"{lab('status')}: {STATUS[c.status][lang]}"]
    if c.inputs:
        lines.append(f"{lab('inputs')}:")
        for path, value in c.inputs.items():
            lines.append(f"  {path} = {lab('unknown') if value is None else fmt(value, lang=lang)}")
    if c.formula is not None:
        lines.append(f"{lab('formula')}: {c.formula.get(lang)}")
    lines.append(f"{lab('computation')}: {explanation(c).get(lang)}")
    if c.points_min is not None:
        pts = fmt(c.points_min) if c.points_min == c.points_max else f"{fmt(c.points_min)}–{fmt(c.points_max)}"
        if c.max_points is not None:
            pts += f" / {fmt(c.max_points)}"
        lines.append(f"{lab('points')}: {pts}")
    kids = [k for k in tier.criteria if k.parent == c.id]
    if kids:
        lines.append(f"{lab('children')}:")
        lines.extend(f"  [{STATUS[k.status][lang]}] {k.id}: {explanation(k).get(lang)}" for k in kids)
    if c.missing:
        lines.append(f"{lab('missing')}: {', '.join(c.missing)}")
    if c.source:
        lines.append(f"{lab('source')}: {c.source}")
    if c.confidence:
        lines.append(f"{lab('confidence')}: {c.confidence} ({CONFIDENCE[c.confidence][lang]})")
    if c.note is not None:
        lines.append(f"{lab('note')}: {c.note.get(lang)}")
    if c.evidence:
        lines.append(f"{lab('evidence')}: " + "; ".join(e.get(lang) for e in c.evidence))
    return "\n".join(lines) + "\n"
