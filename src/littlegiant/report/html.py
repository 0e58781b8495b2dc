"""The HTML report a consultant hands to a client: one offline file (no network, fonts or scripts).

The summary card comes first, then the plan and the evidence, then every criterion, then the
appendix. Status words never break inside (``white-space: nowrap``); below 640 px the criterion
tables stack their cells so nothing overflows a phone (390 px); printed on A4, rows and appendix commands
do not split, and the footer (check code, disclaimer) stays whole with the block before it: it had
printed its disclaimer alone on a last page, where a client's copy lost it.
"""

from __future__ import annotations

from dataclasses import replace
from html import escape as _escape

from littlegiant import lazyre
from littlegiant.core.result import TierResult
from littlegiant.i18n import STATUS, t
from littlegiant.messages import UNIT_WHOLE
from littlegiant.report.common import Report, footer_line, size_words
from littlegiant.report.words import ICON, MARK, w


def escape(text: str) -> str:
    """Text for the page, with a unit that holds a space ("(10k CNY)") joined by a no-break space: a
    browser would otherwise end a line at "(10k" on a phone, where the terminal report never does."""
    return UNIT_WHOLE.sub(lambda m: m.group().replace(" ", "&nbsp;"), _escape(text))


NESTED_MOST = 8
"""The deepest indent a phone shows (a rule file may nest deeper: those rows stand at this one)."""
CSS = """
*{box-sizing:border-box}
body{font-family:system-ui,-apple-system,"Segoe UI","PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;
margin:0 auto;padding:1.5em 1em;max-width:60em;color:#222;line-height:1.5;overflow-wrap:anywhere}
h1{font-size:1.5em;margin:.2em 0}h2{font-size:1.2em;margin-top:1.6em;border-bottom:1px solid #ccc}h3{font-size:1.05em}
.muted{color:#666;font-size:.9em}
.card{border:2px solid #4a7bb7;border-radius:8px;padding:.8em 1em;margin:1em 0;background:#f7faff}
.card h2{margin-top:0;border:0}
.warnings{border-left:4px solid #c9a100;padding:.2em .8em;background:#fffbe6}
.card ul{list-style:none;padding:0;margin:0}.card li{margin:.4em 0}
.card .why{display:block;color:#444;font-size:.92em;margin-left:1.6em}
.verdict{font-weight:bold}
.status{white-space:nowrap;font-weight:bold}
.whole{white-space:nowrap}
.met{color:#17702b}.unmet{color:#b00020}.unknown{color:#8a6d00}.manual_review{color:#005f8a}
table{border-collapse:collapse;width:100%;font-size:.92em}
td,th{border-bottom:1px solid #e4e4e4;padding:.3em .45em;text-align:left;vertical-align:top}
th{background:#f2f2f2}
td.status,th.status{width:1%}
.mark{color:#777}
ol li,ul li{margin:.25em 0}
pre{white-space:pre-wrap;word-break:keep-all;overflow-wrap:anywhere;background:#f4f4f4;padding:.5em;font-size:.85em}
footer{margin-top:2em;font-size:.85em;color:#555}
@media (max-width:640px){
 body{padding:.8em .6em}
 table.trace thead{display:none}
 table.trace tr{display:block;border-bottom:1px solid #ddd;padding:.3em 0}
 table.trace td{display:block;border:0;padding:.1em .2em;width:auto}
 table.trace td.crit{font-weight:bold;padding-left:.2em!important}
 table.trace tr.sub{padding-left:.4em;border-left:2px solid #c8d4e6}
""" + "".join(f" table.trace tr.d{d}{{margin-left:{.9 * d:.1f}em}}\n" for d in range(1, NESTED_MOST + 1)) + """}
@media print{
 @page{size:A4;margin:14mm}
 body{max-width:none;padding:0;font-size:10.5pt}
 .card{break-inside:avoid;-webkit-print-color-adjust:exact;print-color-adjust:exact}
 tr,li{break-inside:avoid;page-break-inside:avoid}
 thead{display:table-header-group}
 h2,h3{break-after:avoid;page-break-after:avoid}
 pre{break-inside:avoid;page-break-inside:avoid}
 #appendix>p{break-after:avoid;page-break-after:avoid}
 footer{break-before:avoid;page-break-before:avoid;break-inside:avoid;page-break-inside:avoid}
}
"""


def page(title: str, lang: str, body: str) -> str:
    """A whole offline HTML document around ``body``."""
    return (f'<!DOCTYPE html><html lang="{"zh-CN" if lang == "zh" else "en"}"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{escape(title)}</title><style>{CSS}</style></head><body>\n{body}\n</body></html>\n")


def _status(status: str, lang: str) -> str:
    return f'<span class="status {status}">{ICON[status]} {escape(STATUS[status][lang])}</span>'


def render_html(report: Report) -> str:
    report = replace(report, whole=True)  # a document handed on: no terminal width to fit
    lang = report.lang
    zh = lang == "zh"
    colon = "：" if zh else ": "
    result = report.result
    words = report.words
    name = (result.name or "").strip() or w("untitled", lang)  # a name of spaces gave an empty heading and tab
    # the basis lines name --compare (and a date, 2026-04-01): at 420 px it broke as -- / compare
    out = [f"<header><h1>{escape(name)}</h1>",
           f'<p class="muted">{escape(t("as_of", lang))} {unbroken(result.as_of.isoformat())} · '
           f"{escape(t('last_year', lang))} {result.last_year} · "
           f'<span class="whole">{escape(t("sme", lang))}{colon}{escape(size_words(result, lang))}</span><br>'
           + "<br>".join(unbroken(escape(b)) for b in report.basis()) + "</p></header>"]
    assumed = report.assumed_lines()
    if assumed:
        out.append(f'<section class="warnings" id="assumed"><h2>⚑ {escape(w("assumed", lang))}</h2><ul>'
                   + "".join(f"<li>{escape(a)}</li>" for a in assumed) + "</ul></section>")
    out.append(f'<section class="card" id="summary"><h2>{escape(report.answer_heading())}</h2><ul>')
    for tier, _line, why in report.summary():
        score = words.verdict_note(tier)
        line = words.verdict_name(tier) + ((f"（{score}）" if zh else f" ({score})") if score else "")
        out.append(f'<li>{_status(tier.status, lang)} <span class="verdict">{escape(line)}</span>'
                   + (f'<span class="why">{escape(why)}</span>' if why else "") + "</li>")
    out.append("</ul></section>")
    warnings = report.warnings()
    if warnings:
        out.append(f'<section class="warnings" id="warnings"><h2>⚠ {escape(w("warnings", lang))}</h2><ul>'
                   + "".join(f"<li>{escape(x)}</li>" for x in warnings) + "</ul></section>")
    moved = report.what_if_lines()
    if moved:
        out.append(f"<h2>{escape(w('what_if', lang))}</h2><ul>"
                   + "".join(f"<li>{escape(m)}</li>" for m in moved) + "</ul>")
    plan = report.plan()
    if plan:
        out.append(f'<section id="plan"><h2>{escape(w("plan", lang))}</h2>')
        for head, notes, steps in plan:
            out.append(f"<h3>{escape(head)}</h3>")
            if notes:
                out.append('<ul class="muted">' + "".join(f"<li>{escape(n)}</li>" for n in notes) + "</ul>")
            if steps:
                out.append("<ol>" + "".join(f"<li>{escape(s)}</li>" for s in steps) + "</ol>")
        out.append("</section>")
    ev = report.evidence()
    if ev:
        out.append(f'<section id="evidence"><h2>{escape(w("evidence", lang))}</h2>')
        for heading, items in ev:
            out.append(f"<h3>{escape(heading)}</h3><ul>")
            # a held title's one line (已持有，无需准备) has no documents, and no colon
            out.extend(f"<li>{escape(title)}" + (f"{colon}{escape(('；' if zh else '; ').join(docs))}" if docs else "")
                       + "</li>" for title, docs in items)
            out.append("</ul>")
        out.append("</section>")
    legend = words.legend()
    if legend:
        out.append(f'<section id="legend"><h2>{escape(w("legend", lang))}</h2><ul>'
                   + "".join(f'<li><span class="mark">{mark}</span> {escape(head)}<ul>'
                             + "".join(f"<li>{escape(x)}</li>" for x in parts) + "</ul></li>"
                             for mark, head, parts in legend) + "</ul></section>")
    basis = report.basis_detail()
    if basis:
        out.append(f'<section id="basis"><h2>{escape(w("basis_detail", lang))}</h2><ul>'
                   + "".join(f"<li>{escape(b)}</li>" for b in basis) + "</ul></section>")
    out.append(f'<section id="detail"><h2>{escape(w("detail", lang))}</h2>')
    for tier in result.tiers.values():
        out.append(_trace(report, tier))
    out.append("</section>")
    appendix = report.appendix()
    if appendix:
        out.append(f'<section id="appendix"><h2>{escape(w("appendix", lang))}</h2><p>{escape(w("appendix_intro", lang))}</p>')
        for title, cmd in appendix:
            out.append(f"<h3>{escape(title)}</h3><pre>{unbroken(escape(cmd))}</pre>")
        out.append("</section>")
    # the date kept whole: at 390 px the footer broke it as 2026-12- / 05
    out.append(f"<footer><p>{unbroken(escape(footer_line(result, lang, traced=True)))}</p><p><strong>"
               f"{escape(t('disclaimer', lang))}</strong></p></footer>")
    return page(name, lang, "\n".join(out))


def _trace(report: Report, tier: TierResult) -> str:
    lang = report.lang
    words = report.words
    rows = [f"<h3>{escape(tier.title.get(lang))} {_status(tier.status, lang)}</h3>",
            f'<table class="trace"><thead><tr><th class="status">{escape(t("status", lang))}</th>'
            f"<th>{escape(t('criterion', lang))}</th><th>{escape(t('detail', lang))}</th></tr></thead><tbody>"]
    for c in tier.criteria:
        pad = 1.1 * max(c.depth - 1, 0)
        weight = "bold" if c.kind in ("all", "any") else "normal"
        mark = f'<span class="mark">{MARK[c.confidence]}</span>' if c.confidence in MARK else ""
        # on a phone a row is a block: the nesting (a route of an either-or under its group) is its indent
        nested = f' class="sub d{min(c.depth - 1, NESTED_MOST)}"' if c.depth > 1 else ""
        rows.append(f'<tr{nested}><td class="status {c.status}">{ICON[c.status]} {escape(STATUS[c.status][lang])}</td>'
                    f'<td class="crit" style="padding-left:{pad + .45:.2f}em;font-weight:{weight}">'
                    f"{escape(c.title.get(lang))}{mark}</td><td>{escape(words.sentence(c))}</td></tr>")
    rows.append("</tbody></table>")
    rows.extend(f'<p class="muted"><em>{escape(n.get(lang))}</em></p>' for n in tier.notes)
    return "\n".join(rows)


_HYPHENED = lazyre.compile(r"(?<![\w-])(--[a-z][a-z-]*|\d{4}-\d{2}-\d{2})")
"""An option (--set, --as-of) or a date in a command: a browser breaks a line after a hyphen."""


def unbroken(command: str) -> str:
    """``command`` (HTML-escaped; or a sentence naming one) with its options and dates kept whole on a
    line (.whole): at 390 px --set broke as - / -set and a date as 2028-11- / 26, and the header's
    --compare as -- / compare at 420. They are short: no line is too narrow for one."""
    return _HYPHENED.sub(r'<span class="whole">\1</span>', command)
