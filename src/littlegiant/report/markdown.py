"""The Markdown report: the answer, the plan and the evidence first, then every criterion, then the appendix."""

from __future__ import annotations

from littlegiant.i18n import STATUS, t
from littlegiant.report.common import Report, footer_line, size_words
from littlegiant.report.words import MARK, bullet, w

_ICON = {"met": "✅", "unmet": "❌", "unknown": "❔", "manual_review": "🔎"}

_NBSP = "\u00a0"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", "<br>")


def render_markdown(report: Report) -> str:
    lang = report.lang
    zh = lang == "zh"
    colon = "：" if zh else ": "
    result = report.result
    words = report.words
    lines = [f"# {result.name or w('untitled', lang)}", ""]
    lines.append(f"{t('as_of', lang)} {result.as_of.isoformat()} · {t('last_year', lang)} {result.last_year} · "
                 f"{t('sme', lang)}{colon}{size_words(result, lang)}")
    lines.append("")
    lines.extend(f"*{b}*" for b in report.basis())
    assumed = report.assumed_lines()
    if assumed:
        lines += ["", f"**⚑ {w('assumed', lang)}**", ""] + [f"- {_cell(a)}" for a in assumed]
    lines += ["", f"## {report.answer_heading()}", ""]
    for tier, line, why in report.summary():
        lines.append(f"- {_ICON[tier.status]} **{line}**" + (f"<br>{why}" if why else ""))
    lines.append("")
    warnings = report.warnings()
    if warnings:
        lines += [f"**⚠ {w('warnings', lang)}**", ""]
        lines += [f"- {_cell(x)}" for x in warnings]
        lines.append("")
    moved = report.what_if_lines()
    if moved:
        lines += [f"**{w('what_if', lang)}**", ""]
        lines += [f"- {m}" for m in moved]
        lines.append("")
    plan = report.plan()
    if plan:
        lines += [f"## {w('plan', lang)}", ""]
        for head, notes, steps in plan:
            lines += [f"**{head}**", ""]
            if notes:
                lines += [f"- {_cell(n)}" for n in notes]
                lines.append("")
            if steps:
                lines += [f"{i}. {_cell(s)}" for i, s in enumerate(steps, 1)]
                lines.append("")
    ev = report.evidence()
    if ev:
        lines += [f"## {w('evidence', lang)}", ""]
        lines += [f"- {title}{colon}{('；' if zh else '; ').join(docs)}" for title, docs in ev]
        lines.append("")
    legend = words.legend()
    if legend:
        lines += [f"## {w('legend', lang)}", ""]
        for mark, head, parts in legend:
            lines.append(f"- {mark} {_cell(head)}")
            lines += [f"  - {_cell(x)}" for x in parts]
        lines.append("")
    basis = report.basis_detail()
    if basis:
        lines += [f"## {w('basis_detail', lang)}", ""]
        lines += [f"- {_cell(b)}" for b in basis]
        lines.append("")
    lines += [f"## {w('detail', lang)}", ""]
    for tier in result.tiers.values():
        lines += [f"### {tier.title.get(lang)} — {_ICON[tier.status]} {STATUS[tier.status][lang]}", ""]
        lines.append(f"| {t('status', lang)} | {t('criterion', lang)} | {t('detail', lang)} |")
        lines.append("| --- | --- | --- |")
        for c in tier.criteria:
            level = max(c.depth - 1, 0)
            # no-break spaces, as characters: a table cell keeps them where it trims spaces, and a
            # reader of the .md file as plain text sees spaces, not 100 "&nbsp;"
            indent = _NBSP * 2 * max(level - 1, 0) + bullet(level).strip() + (_NBSP if level else "")
            title = c.title.get(lang) + MARK.get(c.confidence or "", "")
            lines.append(f"| {_ICON[c.status]}{_NBSP}{STATUS[c.status][lang].replace(' ', _NBSP)} | "
                         f"{indent}{_cell(title)} | {_cell(words.sentence(c))} |")
        lines.append("")
        for note in tier.notes:
            lines += [f"> {note.get(lang)}", ""]
    appendix = report.appendix()
    if appendix:
        lines += [f"## {w('appendix', lang)}", ""]
        lines.append(w("appendix_intro", lang))
        lines.append("")
        for title, cmd in appendix:
            lines += [f"{title}{colon}", "", "```", cmd, "```", ""]
    lines += ["---", "", footer_line(result, lang, traced=True), "", f"*{t('disclaimer', lang)}*"]
    return "\n".join(lines) + "\n"
