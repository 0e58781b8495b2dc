"""What the document reports (Markdown, HTML) share: the footer facts and evidence lists."""

from __future__ import annotations

from littlegiant import __version__
from littlegiant.result import MET, REVIEW, Result, TierResult

FOOTER = {
    "zh": "规则版本 {rules} · 评估日期 {as_of} · 输入 sha256 {sha} · littlegiant {version}",
    "en": "Rule set {rules} · as of {as_of} · input sha256 {sha} · littlegiant {version}",
}


def footer_line(result: Result, lang: str) -> str:
    return FOOTER[lang].format(rules=result.rules_id, as_of=result.as_of.isoformat(), sha=result.input_sha256,
                               version=__version__)


ADVICE = {"zh": "差距与建议", "en": "What it would take"}


def advice_lines(result: Result, tier: TierResult, lang: str, limit: int = 12) -> list[str]:
    """The gap steps of one tier as sentences, smallest change first (empty when not analysed)."""
    gap = result.advice.get(tier.id)
    if gap is None:
        return []
    lines = []
    for step in gap.steps:
        sets = [c.set_arg for c in step.changes] if step.kind in ("change", "points", "title") else []
        lines.append(step.text(lang) + ("  [--set " + " --set ".join(sets) + "]" if sets else ""))
    if len(lines) > limit:
        more = len(lines) - limit
        lines = [*lines[:limit], f"…另有 {more} 项" if lang == "zh" else f"… and {more} more"]
    return lines


def evidence(tier: TierResult, lang: str) -> list[tuple[str, list[str]]]:
    """(criterion title, documents) for every criterion met or awaiting review that names evidence."""
    out: list[tuple[str, list[str]]] = []
    seen: set[str] = set()
    for c in tier.criteria:
        if c.status in (MET, REVIEW) and c.evidence and c.id not in seen:
            seen.add(c.id)
            out.append((c.title.get(lang), [e.get(lang) for e in c.evidence]))
    return out
