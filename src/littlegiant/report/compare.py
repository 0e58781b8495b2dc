"""Differences between two results: what-if (same rules, changed inputs) and version comparison."""

from __future__ import annotations

from collections.abc import Sequence

from littlegiant.core.result import UNKNOWN, UNMET, CriterionResult, Result
from littlegiant.i18n import STATUS
from littlegiant.load.rules import RuleSet
from littlegiant.records import record
from littlegiant.report.words import ICON, Words, holding_back, num, w


@record(frozen=True)
class Move:
    """A tier or criterion whose status differs between two results."""

    tier: str
    id: str
    title: str
    before: str
    after: str


def moves(before: Result, after: Result, lang: str) -> list[Move]:
    """Tier and criterion statuses that changed (same rule set, e.g. after --set)."""
    out: list[Move] = []
    for tid, tier in after.tiers.items():
        old = before.tiers[tid]
        if old.status != tier.status:
            out.append(Move(tid, tid, tier.title.get(lang), old.status, tier.status))
        old_by_id = {c.id: c for c in old.criteria}
        for c in tier.criteria:
            prev = old_by_id.get(c.id)
            if prev is not None and prev.status != c.status:
                out.append(Move(tid, c.id, c.title.get(lang), prev.status, c.status))
    return out


Failing = tuple[str, str, str]
"""A criterion holding a tier back: (status, title, what its status means when it is not a failure)."""


def _compare_rows(results: list[Result], lang: str,
                  rule_sets: Sequence[RuleSet] = ()) -> list[tuple[str, list[tuple[str, str, list[Failing], str]]]]:
    """Per tier: (its titles, [(rule set title, status, what holds it back, the tier's title in that
    set)]) for every rule set; each
    criterion keeps its status, since one awaiting the authority or an answer is not a failure. What
    fails an unmet tier is said as the report's summary says it (``Words.failing``): the nearest
    route's unmet parts, and 或 before the other routes, never every route's parts as if all were
    needed; ``rule_sets`` (one for each result) name a red line by its input's label."""
    out = []
    for tid in results[0].tiers:
        cells = []
        for i, r in enumerate(results):
            t = r.tiers.get(tid)
            if t is None:
                continue
            fails: list[Failing] = []
            if t.status == UNMET:
                words = Words(r, rule_sets[i] if i < len(rule_sets) else None, lang=lang)
                fails = [(UNMET, text, "") for _, text in words.failing(t)]
            fails += [(c.status, c.title.get(lang), _why(c, lang)) for c in holding_back(r, tid) if c.status != UNMET]
            cells.append((r.rules_title.get(lang), t.status, fails, t.title.get(lang)))
        out.append((both_titles([c[3] for c in cells]), cells))
    return out


def _why(c: CriterionResult, lang: str) -> str:
    """What a criterion's status means; an unknown score with the range its points may still take, as
    the report of one set says it: the 2022 专精特新 score read 「评分达到60分以上（尚缺数据）」 beside a
    single-set report's 59–81, though the range is what tells a consultant how near it is."""
    why = w(f"why_{c.status}", lang)
    low, high = c.points_min, c.points_max
    if c.kind != "score" or c.status != UNKNOWN or low is None or high is None or low == high:
        return why
    return f"得分在{num(low)}–{num(high)}分之间，{why}" if lang == "zh" else f"between {num(low)} and {num(high)} points; {why}"


def both_titles(titles: list[str]) -> str:
    """A tier as every compared set names it: one title where they agree, else each in the sets' order
    (the 2026 measures renamed 创新型中小企业 科技和创新型中小企业, and a heading with the first set's
    name alone told a 2026 reader of a title that no longer exists)."""
    return " / ".join(dict.fromkeys(titles))


def _said(f: Failing, lang: str) -> str:
    """A criterion with what its status means: 「……（待认定机关判断）」, a failure as it is."""
    _, title, why = f
    return f"{title}（{why}）" if why and lang == "zh" else f"{title} ({why})" if why else title


def _head(results: list[Result], lang: str) -> str:
    names = [r.rules_title.get(lang) for r in results]
    return w("compare", lang) + w("compare_and", lang).join(names)


def _about(results: list[Result], lang: str) -> str:
    """Whose comparison, as of when: a consultant prints one for each client, and a page that names
    neither could be any of them."""
    from littlegiant.i18n import t

    r = results[0]
    name = r.name or w("untitled", lang)
    return f"{name} · {t('as_of', lang)} {r.as_of.isoformat()} · {t('last_year', lang)} {r.last_year}"


def _renewal(results: list[Result], lang: str) -> list[str]:
    """That this is a renewal (复核), in the words of a batch's 说明 sheet, or nothing: a comparison run
    with --renewal read as two new applications, only its JSON saying otherwise."""
    from littlegiant.i18n import t
    from littlegiant.report.common import renewed_title

    r = results[0]
    said = t("xlsx.renewal", lang).format(title=renewed_title(r, lang))
    return [said[:1].upper() + said[1:]] if r.renewal else []  # a line of its own: "Renewal of …"


def _in_force(results: list[Result], lang: str) -> list[str]:
    """Which rules judge this company on the day compared (the calendar's pick, with its round notice):
    a comparison of two sets said nothing of which one applies, and a consultant had to run the
    report again to tell the client."""
    from littlegiant.load.rules import load
    from littlegiant.report.common import assessment_kind, calendar_pick

    r = results[0]
    picked = calendar_pick(r)
    if picked is None:  # a day before the calendar's first period: no set to name
        return []
    title, kind = load(picked.rule_set).title.get(lang), assessment_kind(r, lang)
    if lang == "zh":
        notice = f"，并按年度通知 {picked.round.ref}" if picked.round is not None else ""
        return [f"评估日期 {r.as_of.isoformat()} 的{kind}适用《{title}》{notice}。"]
    notice = f", with the round notice {picked.round.ref}" if picked.round is not None else ""
    return [f"On {r.as_of.isoformat()} {kind} follows the {title}{notice}."]


def _disclaimer(lang: str) -> str:
    from littlegiant.i18n import t

    return t("disclaimer", lang)


def compare_text(results: list[Result], lang: str, width: int = 100, rule_sets: Sequence[RuleSet] = (),
                 assumed: Sequence[str] = (), checks: Sequence[str] = ()) -> str:
    """Each tier under each rule set side by side, and the criteria that hold each one back, wrapped
    to ``width`` columns like the report (Chinese never cut, no line opening with 。 or ）); a renewal
    said under the head, what to check first as the report says it (``checks``:
    ``compared_warnings``), and under a what-if what it assumed (``assumed``: ``assumed_lines``)."""
    from littlegiant.report.linebreak import hang, wrap

    colon = "：" if lang == "zh" else ": "
    lines = [*wrap(_head(results, lang), width), *wrap(_about(results, lang), width),
             *(x for said in [*_renewal(results, lang), *_in_force(results, lang)] for x in wrap(said, width))]
    if assumed:
        lines += ["", f"⚑ {w('assumed', lang)}", *(x for a in assumed for x in hang("→ ", a, width))]
    if checks:
        lines += ["", f"⚠ {w('warnings', lang)}", *(x for c in checks for x in hang("⚠ ", c, width))]
    for title, cells in _compare_rows(results, lang, rule_sets):
        lines += ["", *wrap(title, width)]
        for name, status, fails, _ in cells:
            lines += hang("  ", f"{name}{colon}{STATUS[status][lang]}", width)
            for f in fails:
                lines += hang(f"    {ICON[f[0]]} ", _said(f, lang), width)
    lines += ["", *wrap(_disclaimer(lang), width)]
    return "\n".join(lines) + "\n"


_MD_ICON = {"met": "✅", "unmet": "❌", "unknown": "❔", "manual_review": "🔎"}


def compare_markdown(results: list[Result], lang: str, rule_sets: Sequence[RuleSet] = (),
                     assumed: Sequence[str] = (), checks: Sequence[str] = ()) -> str:
    """The comparison as a Markdown document: a table of verdicts, then what holds each one back; the
    words escaped as the report's (``md``), a company name being the user's."""
    from littlegiant.report.markdown import md, md_cell

    lines = [f"# {md(_head(results, lang))}", "", md(_about(results, lang)), "",
             *(f"{md(said)}\n" for said in [*_renewal(results, lang), *_in_force(results, lang)])]
    if assumed:
        lines += [f"**⚑ {md(w('assumed', lang))}**", "", *(f"- {md(a)}" for a in assumed), ""]
    if checks:
        lines += [f"**⚠ {md(w('warnings', lang))}**", "", *(f"- {md(c)}" for c in checks), ""]
    names = [r.rules_title.get(lang) for r in results]
    lines.append("| " + (" | ".join(md_cell(x) for x in [w("tier", lang), *names])) + " |")
    lines.append("|" + " --- |" * (len(names) + 1))
    rows = _compare_rows(results, lang, rule_sets)
    for title, cells in rows:
        lines.append("| " + " | ".join([md_cell(title), *(f"{_MD_ICON[s]} {STATUS[s][lang]}" for _, s, _, _ in cells)]) + " |")
    lines.append("")
    for _, cells in rows:
        for name, _, fails, own in cells:
            if fails:
                lines.append(f"**{md(own)} · {md(name)}**")
                lines.append("")
                lines += [f"- {_MD_ICON[f[0]]} {md(_said(f, lang))}" for f in fails]
                lines.append("")
    lines.append(f"*{md(_disclaimer(lang))}*")
    return "\n".join(lines) + "\n"


def compare_html(results: list[Result], lang: str, rule_sets: Sequence[RuleSet] = (),
                 assumed: Sequence[str] = (), checks: Sequence[str] = ()) -> str:
    """The comparison as one offline HTML file, laid out like the assessment report."""
    from littlegiant.report.html import escape, page

    names = [r.rules_title.get(lang) for r in results]
    rows = _compare_rows(results, lang, rule_sets)
    # each rule set's column as wide as the tier's: a verdict column never squeezes its heading to a few characters
    share = f"{100 / (len(names) + 1):.0f}%"
    said = (f'<section class="warnings" id="assumed"><h2>⚑ {escape(w("assumed", lang))}</h2><ul>'
            + "".join(f"<li>{escape(a)}</li>" for a in assumed) + "</ul></section>") if assumed else ""
    said += (f'<section class="warnings" id="warnings"><h2>⚠ {escape(w("warnings", lang))}</h2><ul>'
             + "".join(f"<li>{escape(c)}</li>" for c in checks) + "</ul></section>") if checks else ""
    body = [f"<h1>{escape(_head(results, lang))}</h1>", f"<p>{escape(_about(results, lang))}</p>",
            *(f"<p>{escape(x)}</p>" for x in [*_renewal(results, lang), *_in_force(results, lang)]), said, f'<div class="wide"><table><thead><tr><th style="width:{share}">'
            + escape(w("tier", lang)) + "</th>"
            + "".join(f'<th style="width:{share}">{escape(n)}</th>' for n in names) + "</tr></thead><tbody>"]
    for title, cells in rows:
        body.append(f"<tr><td>{escape(title)}</td>" + "".join(
            f'<td class="status {s}" style="width:{share}">{ICON[s]} {escape(STATUS[s][lang])}</td>'
            for _, s, _, _ in cells) + "</tr>")
    body.append("</tbody></table></div>")
    for _, cells in rows:
        for name, _, fails, own in cells:
            if fails:
                body.append(f"<h3>{escape(own)} · {escape(name)}</h3><ul>"
                            + "".join(f'<li><span class="status {f[0]}">{ICON[f[0]]}</span> {escape(_said(f, lang))}</li>'
                                      for f in fails) + "</ul>")
    body.append(f"<footer><p>{escape(_disclaimer(lang))}</p></footer>")
    return page(_head(results, lang), lang, "\n".join(body))
