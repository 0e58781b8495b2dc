"""What the document reports (Markdown, HTML) share: the footer facts and evidence lists."""

from __future__ import annotations

from littlegiant import __version__
from littlegiant.consistency import ABOVE, Figure, PartOverWhole, Unusual
from littlegiant.engine import fmt, unit_text
from littlegiant.profile import input_label
from littlegiant.result import MET, REVIEW, Result, TierResult

FOOTER = {
    "zh": "规则版本 {rules} · 评估日期 {as_of} · 输入 sha256 {sha} · littlegiant {version}",
    "en": "Rule set {rules} · as of {as_of} · input sha256 {sha} · littlegiant {version}",
}


def footer_line(result: Result, lang: str) -> str:
    return FOOTER[lang].format(rules=result.rules_id, as_of=result.as_of.isoformat(), sha=result.input_sha256,
                               version=__version__)


BASIS = {"zh": "评估依据", "en": "What this rests on"}
_TIER_WORDS = {"zjtx_sme": {"zh": "专精特新中小企业", "en": "专精特新中小企业 (specialised SME)"},
               "little_giant": {"zh": "专精特新\"小巨人\"企业", "en": "Little Giant (小巨人)"}}


def basis_lines(result: Result, lang: str) -> list[str]:
    """Which rules judged this and why, the official texts, and how firm they are: every report says it."""
    zh = lang == "zh"
    lines: list[str] = []
    cal = result.calendar
    if cal is not None:
        lines.append(cal.reason.get(lang) + ("。" if zh and not cal.reason.get(lang).endswith("。") else ""))
        if cal.round is not None and not cal.forced and cal.round.ref not in cal.reason.get(lang):
            lines.append((f"年度通知 {cal.round.ref}：{cal.round.summary.get(lang)}。") if zh
                         else f"Round notice {cal.round.ref}: {cal.round.summary.get(lang)}.")
    if result.renewal is not None:
        title = _TIER_WORDS.get(result.renewal, {"zh": result.renewal, "en": result.renewal})[lang]
        lines.append(f"本次为{title}复核：该层级按复核条款评估；其他层级按新申请评估，仅供参考。" if zh
                     else f"A renewal (复核) of {title}: that tier is judged by its renewal clauses; "
                          "the other tiers are judged as new applications, for reference.")
    if result.documents:
        sep = "、" if zh else ", "
        lines.append(("依据文件：" if zh else "Official texts: ") + sep.join(result.documents)
                     + ("。" if zh else "."))
    lines.extend(n.get(lang) for n in result.rules_notes)
    return lines


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


WARNINGS = {"zh": "请核对的数字", "en": "Figures to check"}


def _figure(fig: Figure, lang: str) -> tuple[str, str]:
    """(label with its year, value with its unit) of one figure, as a reader names them."""
    return input_label(fig.field, fig.path).get(lang), fmt(fig.value, lang=lang) + unit_text(fig.field.unit, lang)


def part_text(v: PartOverWhole, lang: str) -> str:
    """Why a part above its whole is refused, in words (the interview's retry message)."""
    (part, pv), (whole, wv) = _figure(v.part, lang), _figure(v.whole, lang)
    if lang == "zh":
        return f"「{part}」为 {pv}，多于「{whole}」{wv}：其中的部分不能超过总数"
    return f"{part} ({pv}) is more than {whole} ({wv}): a part cannot exceed its whole"


def warning_text(w: Unusual, lang: str) -> str:
    """One unusual figure as a sentence: what it is, what it is compared with, and to check it."""
    (name, value), (other, other_value) = _figure(w.figure, lang), _figure(w.other, lang)
    if w.kind == ABOVE:
        if lang == "zh":
            return f"「{name}」{value} 高于「{other}」{other_value}：少见，请核对"
        return f"{name} is {value}, above {other} at {other_value}: unusual, please check"
    growth, limit = fmt(w.growth, lang=lang), fmt(w.limit, lang=lang)
    sign = "+" if w.growth is not None and w.growth > 0 else ""
    if lang == "zh":
        return f"「{name}」{value}，比上年（{other_value}）变化 {sign}{growth}%，超过 ±{limit}%：少见，请核对"
    return f"{name} is {value}, {sign}{growth}% on the year before ({other_value}), beyond ±{limit}%: unusual, please check"


def warning_lines(result: Result, lang: str) -> list[str]:
    """The result's unusual figures as sentences (empty when there are none)."""
    return [warning_text(w, lang) for w in result.warnings]
