"""The Markdown report: the same result, for pasting into documents and tickets."""

from __future__ import annotations

from littlegiant.engine import fmt
from littlegiant.i18n import SIZE, STATUS, t
from littlegiant.report_common import (
    ADVICE,
    BASIS,
    WARNINGS,
    advice_lines,
    basis_lines,
    evidence,
    footer_line,
    warning_lines,
)
from littlegiant.result import Result

_ICON = {"met": "✅", "unmet": "❌", "unknown": "❔", "manual_review": "🔎"}


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", "<br>")


def render_markdown(result: Result, lang: str) -> str:
    lines = [f"# {result.name or 'littlegiant'}", ""]
    lines.append(f"- {t('rules', lang)}: `{result.rules_id}` — {result.rules_title.get(lang)}"
                 + (f" ({t('renewal', lang)})" if result.renewal else ""))
    lines.append(f"- {t('as_of', lang)}: {result.as_of.isoformat()} ({t('last_year', lang)} {result.last_year})")
    lines.append(f"- {t('sme', lang)}: {STATUS[result.sme_status][lang]} · {SIZE[result.sme_size][lang]}")
    lines.append("")
    warnings = warning_lines(result, lang)
    if warnings:
        lines.extend([f"**⚠ {WARNINGS[lang]}**", "", *(f"- {_cell(w)}" for w in warnings), ""])
    for tier in result.tiers.values():
        head = f"## {tier.title.get(lang)} — {_ICON[tier.status]} {STATUS[tier.status][lang]}"
        lines.append(head)
        lines.append("")
        if tier.score is not None:
            lines.append(f"**{t('score', lang)}: {fmt(tier.score)}**")
            lines.append("")
        elif tier.score_min is not None:
            lines.append(f"**{t('score_range', lang)}: {fmt(tier.score_min)}–{fmt(tier.score_max)}**")
            lines.append("")
        if tier.groups:
            lines.append(" · ".join(f"{g.title.get(lang)} {fmt(g.low)}" + (f"–{fmt(g.high)}" if g.low != g.high else "")
                                    + f"/{fmt(g.max)}" for g in tier.groups))
            lines.append("")
        lines.append(f"| {t('status', lang)} | {t('criterion', lang)} | {t('detail', lang)} |")
        lines.append("| --- | --- | --- |")
        for c in tier.criteria:
            indent = "&nbsp;&nbsp;" * max(c.depth - 1, 0)
            detail = c.explanation.get(lang)
            if c.missing:
                detail += f" — {t('missing', lang)}: " + ", ".join(f"`{m}`" for m in c.missing)
            title = c.title.get(lang) + (f" *[{c.confidence}]*" if c.confidence in ("single", "recalled") else "")
            lines.append(f"| {_ICON[c.status]} {STATUS[c.status][lang]} | {indent}{_cell(title)} | {_cell(detail)} |")
        lines.append("")
        for note in tier.notes:
            lines.append(f"> {note.get(lang)}")
            lines.append("")
        advice = advice_lines(result, tier, lang)
        if advice:
            lines.append(f"**{ADVICE[lang]}**")
            lines.append("")
            lines.extend(f"1. {_cell(a)}" for a in advice)
            lines.append("")
        ev = evidence(tier, lang)
        if ev:
            lines.append(f"**{t('evidence', lang)}**")
            lines.append("")
            lines.extend(f"- {title}: {'; '.join(docs)}" for title, docs in ev)
            lines.append("")
    lines.append(f"## {BASIS[lang]}")
    lines.append("")
    lines.extend(f"- {_cell(b)}" for b in basis_lines(result, lang))
    lines.append("")
    lines.append("---")
    lines.append("")
    lines.append(footer_line(result, lang))
    lines.append("")
    lines.append(f"*{t('disclaimer', lang)}*")
    return "\n".join(lines) + "\n"
