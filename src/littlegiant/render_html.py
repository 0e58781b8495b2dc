"""The HTML report: one self-contained file (no network, fonts or scripts), readable printed."""

from __future__ import annotations

from html import escape

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
from littlegiant.result import Result, TierResult

_CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI","PingFang SC","Microsoft YaHei",sans-serif;margin:2em auto;max-width:60em;color:#222;line-height:1.45}
h1{font-size:1.5em}h2{font-size:1.2em;margin-top:1.6em;border-bottom:1px solid #ccc}
table{border-collapse:collapse;width:100%;font-size:.9em}td,th{border-bottom:1px solid #eee;padding:.25em .4em;text-align:left;vertical-align:top}
.met{color:#17702b}.unmet{color:#b00020}.unknown{color:#8a6d00}.manual_review{color:#005f8a}
.badge{font-weight:bold}.bar{background:#eee;height:.9em;width:14em;display:inline-block;vertical-align:middle;position:relative}
.bar span{background:#4a7bb7;height:100%;display:block}.bar i{background:#b7cbe6;height:100%;position:absolute;top:0}
.conf{color:#777;font-size:.85em}.muted{color:#666;font-size:.9em}footer{margin-top:2em;font-size:.85em;color:#555}
@media print{body{margin:0;max-width:none}.bar span{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
"""


def _bars(tier: TierResult, lang: str) -> str:
    rows = []
    for g in tier.groups:
        mx = float(g.max) or 1.0
        lo = 100 * float(g.low) / mx
        hi = 100 * float(g.high) / mx
        label = fmt(g.low) + (f"–{fmt(g.high)}" if g.high != g.low else "") + f"/{fmt(g.max)}"
        rows.append(
            f'<tr><td>{escape(g.title.get(lang))}</td><td><span class="bar" role="img" aria-label="{escape(label)}">'
            f'<i style="left:{lo:.1f}%;width:{hi - lo:.1f}%"></i><span style="width:{lo:.1f}%"></span></span> {escape(label)}</td></tr>'
        )
    return f'<table class="groups">{"".join(rows)}</table>' if rows else ""


def render_html(result: Result, lang: str) -> str:
    out = [f'<!DOCTYPE html><html lang="{"zh-CN" if lang == "zh" else "en"}"><head><meta charset="utf-8">',
           f"<title>{escape(result.name or 'littlegiant')}</title><style>{_CSS}</style></head><body>",
           f"<h1>{escape(result.name or 'littlegiant')}</h1>",
           f'<p class="muted">{escape(t("rules", lang))}: <code>{escape(result.rules_id)}</code> — '
           f"{escape(result.rules_title.get(lang))}{' (' + escape(t('renewal', lang)) + ')' if result.renewal else ''}<br>"
           f"{escape(t('as_of', lang))}: {result.as_of.isoformat()} · {escape(t('last_year', lang))} {result.last_year}<br>"
           f'{escape(t("sme", lang))}: <span class="{result.sme_status}">{escape(STATUS[result.sme_status][lang])}</span>'
           f" · {escape(SIZE[result.sme_size][lang])}</p>"]
    warnings = warning_lines(result, lang)
    if warnings:
        out.append(f'<section class="warnings"><h2>⚠ {escape(WARNINGS[lang])}</h2><ul>')
        out.extend(f"<li>{escape(w)}</li>" for w in warnings)
        out.append("</ul></section>")
    for tier in result.tiers.values():
        score = ""
        if tier.score is not None:
            score = f" · {escape(t('score', lang))} {fmt(tier.score)}"
        elif tier.score_min is not None:
            score = f" · {escape(t('score_range', lang))} {fmt(tier.score_min)}–{fmt(tier.score_max)}"
        out.append(f'<section><h2>{escape(tier.title.get(lang))} — <span class="badge {tier.status}">'
                   f"{escape(STATUS[tier.status][lang])}</span>{score}</h2>")
        out.append(_bars(tier, lang))
        out.append(f"<table><thead><tr><th>{escape(t('status', lang))}</th><th>{escape(t('criterion', lang))}</th>"
                   f"<th>{escape(t('detail', lang))}</th></tr></thead><tbody>")
        for c in tier.criteria:
            pad = 1.2 * max(c.depth - 1, 0)
            conf = f' <span class="conf">[{escape(c.confidence)}]</span>' if c.confidence in ("single", "recalled") else ""
            detail = escape(c.explanation.get(lang))
            if c.missing:
                detail += f'<br><span class="muted">{escape(t("missing", lang))}: {escape(", ".join(c.missing))}</span>'
            weight = "bold" if c.kind in ("all", "any") else "normal"
            out.append(f'<tr><td class="{c.status}">{escape(STATUS[c.status][lang])}</td>'
                       f'<td style="padding-left:{pad:.1f}em;font-weight:{weight}">{escape(c.title.get(lang))}{conf}</td>'
                       f"<td>{detail}</td></tr>")
        out.append("</tbody></table>")
        out.extend(f'<p class="muted"><em>{escape(n.get(lang))}</em></p>' for n in tier.notes)
        advice = advice_lines(result, tier, lang)
        if advice:
            out.append(f"<h3>{escape(ADVICE[lang])}</h3><ol>")
            out.extend(f"<li>{escape(a)}</li>" for a in advice)
            out.append("</ol>")
        ev = evidence(tier, lang)
        if ev:
            out.append(f"<h3>{escape(t('evidence', lang))}</h3><ul>")
            out.extend(f"<li>{escape(title)}: {escape('; '.join(docs))}</li>" for title, docs in ev)
            out.append("</ul>")
        out.append("</section>")
    out.append(f'<aside class="basis"><h2>{escape(BASIS[lang])}</h2><ul>'
               + "".join(f"<li>{escape(b)}</li>" for b in basis_lines(result, lang)) + "</ul></aside>")
    out.append(f"<footer><p>{escape(footer_line(result, lang))}</p><p><strong>{escape(t('disclaimer', lang))}"
               "</strong></p></footer></body></html>")
    return "\n".join(out) + "\n"
