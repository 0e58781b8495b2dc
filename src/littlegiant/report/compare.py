"""Differences between two results: what-if (same rules, changed inputs) and version comparison."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any, NamedTuple

from littlegiant import __version__, lazyre
from littlegiant.core.result import MET, UNKNOWN, UNMET, CriterionResult, Result, TierResult
from littlegiant.i18n import STATUS
from littlegiant.load.profile import Profile
from littlegiant.load.rules import RuleSet
from littlegiant.records import record
from littlegiant.report.words import ICON, Words, now_text, num, w


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


class Failing(NamedTuple):
    """A criterion holding a tier back: its status, title, what its status means when it is not a
    failure, and its level: 1 for a route of an either-or under the line that heads it (``lead``, 或
    before every route after the first)."""

    status: str
    title: str
    why: str
    level: int = 0
    lead: str = ""


def _compare_rows(results: list[Result], lang: str,
                  rule_sets: Sequence[RuleSet] = ()) -> list[tuple[str, list[tuple[str, str, list[Failing], str]]]]:
    """Per tier: (its titles, [(rule set title, status, what holds it back, the tier's title in that
    set)]) for every rule set; each
    criterion keeps its status, since one awaiting the authority or an answer is not a failure. What
    fails an unmet tier is said as the report's summary says it (``Words.failing``): the nearest
    route's unmet parts, and 或 before the other routes, never every route's parts as if all were
    needed; ``rule_sets`` (one for each result) name a red line by its input's label. An either-or
    not yet decided is said as one: its title, then its routes still open (and the nearest that
    fails), 或 before each after the first. Listed one under the other, 2022's 评分达到60分以上 and
    the three direct paths of 专精特新 read as four requirements."""
    out = []
    for tid in results[0].tiers:
        cells = []
        for i, r in enumerate(results):
            t = r.tiers.get(tid)
            if t is None:
                continue
            words = Words(r, rule_sets[i] if i < len(rule_sets) else None, lang=lang)
            cells.append((r.rules_title.get(lang), t.status, _holding_rows(words, t, lang), t.title.get(lang)))
        out.append((both_titles([c[3] for c in cells]), cells))
    return out


def _held_notes(results: list[Result], lang: str, rule_sets: Sequence[RuleSet] = ()) -> dict[str, str]:
    """Per tier whose title the company holds, what the report says of it beside its verdict (已持有这一称号，
    本报告按新申请条件判定；称号复核须按复核条件另行评估): a comparison of a 专精特新 company read
    「专精特新中小企业 …（2026）：待审核」 with no word that it holds the title and that this is no renewal."""
    out: dict[str, str] = {}
    for i, r in enumerate(results):
        words = Words(r, rule_sets[i] if i < len(rule_sets) else None, lang=lang)
        for tid, t in r.tiers.items():
            said = words._held(t)
            if said and tid not in out:
                out[tid] = said + ("。" if lang == "zh" else ".")
    return out


def _holding_rows(words: Words, t: TierResult, lang: str) -> list[Failing]:
    """What holds tier ``t`` back, in the comparison's rows (``_compare_rows``)."""
    if t.status == UNMET and words.stops_tier(t):  # a red line or the gate: said as the report says it
        return [Failing(UNMET, text, "") for _, text in words.failing(t)] + \
            [Failing(c.status, c.title.get(lang), _why(c, lang)) for c in t.holding_back() if c.status != UNMET]
    kids = t.children()
    out: list[Failing] = []

    def walk(c: CriterionResult) -> None:
        if not c.required or c.status == MET:
            return
        if c.status == UNMET:  # the nearest route's parts, 或 before the other routes, as the summary says it
            out.extend(Failing(UNMET, text, "") for _, text in words.unmet_parts(c, kids)
                       if all(text != f.title for f in out))
        elif c.kind == "all":
            for k in kids.get(c.id, []):
                walk(k)
        elif c.kind == "any":
            out.extend(_either(words, c, kids, lang))
        else:
            out.append(Failing(c.status, c.title.get(lang), _why(c, lang)))

    for c in kids.get(None, []):
        walk(c)
    return out


def _either(words: Words, c: CriterionResult, kids: dict[str | None, list[CriterionResult]],
            lang: str) -> list[Failing]:
    """An either-or not yet decided: its title, then each route still open (an inner either-or by its
    own routes) and the nearest one that fails with what it lacks, 或 before each after the first."""
    zh = lang == "zh"
    title = c.title.get(lang)
    # a title that says it is a choice (直通条件（满足其一）, …或满足直通条件之一) is not told so twice
    head = (f"{title}：" if "其一" in title or "或" in title else f"{title}（满足其一即可）：") if zh else \
        (f"{title}:" if re.search(r"\b(or|one of|either)\b", title, re.I) else f"{title}, any one of:")
    failed = words.nearest_failed_route(c, kids)
    routes: list[Failing] = []

    def route(k: CriterionResult) -> None:
        if k.status == UNMET:
            if k is failed:
                parts = [text for _, text in words.unmet_parts(k, kids, alternatives=False)]
                said = k.title.get(lang) if k.kind != "all" or not parts else \
                    f"{k.title.get(lang)}{'：' if zh else ': '}{('、' if zh else ', ').join(parts)}"
                routes.append(Failing(UNMET, said + (now_text(k, lang) if k.kind != "all" else ""), ""))
        elif k.kind == "any":
            for x in kids.get(k.id, []):
                route(x)
        elif k.kind == "all":  # a route of several conditions: what it still lacks, one level down
            parts = [x.title.get(lang) + (now_text(x, lang) if x.status == UNMET else "")
                     for x in kids.get(k.id, []) if x.required and x.status != MET]
            said = f"{k.title.get(lang)}{'：' if zh else ': '}{('、' if zh else ', ').join(parts)}" if parts else \
                k.title.get(lang)
            routes.append(Failing(k.status, said, _why(k, lang)))
        else:
            routes.append(Failing(k.status, k.title.get(lang), _why(k, lang)))

    for k in kids.get(c.id, []):
        route(k)
    lead = "或：" if zh else "or: "
    return [Failing(c.status, head, ""),
            *(f._replace(level=1, lead=lead if i else "") for i, f in enumerate(routes))]


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
    """A criterion with what its status means: 「……（待认定机关判断）」, a failure as it is; a route
    after the first of an either-or with 或 before it."""
    _, title, why, _, lead = f
    return lead + (f"{title}（{why}）" if why and lang == "zh" else f"{title} ({why})" if why else title)


def _head(results: list[Result], lang: str) -> str:
    names = [r.rules_title.get(lang) for r in results]
    return w("compare", lang) + w("compare_and", lang).join(names)


def _about(results: list[Result], lang: str) -> str:
    """Whose comparison, as of when: a consultant prints one for each client, and a page that names
    neither could be any of them."""
    from littlegiant.i18n import t

    r = results[0]
    return f"{company(r, lang)} · {t('as_of', lang)} {r.as_of.isoformat()} · {t('last_year', lang)} {r.last_year}"


_BIDI = lazyre.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
"""Marks that turn the direction of the text after them (a name pasted from a right-to-left document)."""


def company(r: Result, lang: str) -> str:
    """The company's name for a line it shares with other words, isolated (U+2068 … U+2069) when it holds a
    direction mark: a right-to-left override in the name turned the rest of the line, and the client
    read the date as 50-21-6202."""
    name = (r.name or "").strip() or w("untitled", lang)
    return f"\u2068{name}\u2069" if _BIDI.search(name) else name


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


def _footer(results: list[Result], lang: str, traced: bool) -> str:
    """The report's last line for the comparison: both rule sets, the date, the tool and, in a file
    (``traced``), the profile's check code. Without it a printed comparison could not be matched to
    the profile it read, nor to the report of the same profile that carries the same code."""
    from littlegiant.report.common import CHECK_CODE, FOOTER

    r = results[0]
    rules = w("compare_and", lang).join(x.rules_title.get(lang) for x in results)
    line = FOOTER[lang].format(rules=rules, as_of=r.as_of.isoformat(), version=__version__)
    return line + CHECK_CODE[lang].format(sha=r.input_sha256[:8]) if traced else line


def compare_text(results: list[Result], lang: str, width: int = 100, rule_sets: Sequence[RuleSet] = (),
                 assumed: Sequence[str] = (), checks: Sequence[str] = (), traced: bool = False) -> str:
    """Each tier under each rule set side by side, and the criteria that hold each one back, wrapped
    to ``width`` columns like the report (Chinese never cut, no line opening with 。 or ）); a renewal
    said under the head, what to check first as the report says it (``checks``:
    ``compared_warnings``), and under a what-if what it assumed (``assumed``: ``assumed_lines``).
    ``traced``: a file handed on (-o 对比.txt), whose footer carries the check code as the .md's does."""
    from littlegiant.report.linebreak import hang, wrap

    colon = "：" if lang == "zh" else ": "
    lines = [*wrap(_head(results, lang), width), *wrap(_about(results, lang), width),
             *(x for said in [*_renewal(results, lang), *_in_force(results, lang)] for x in wrap(said, width))]
    if assumed:
        lines += ["", f"⚑ {w('assumed', lang)}", *(x for a in assumed for x in hang("→ ", a, width))]
    if checks:
        lines += ["", f"⚠ {w('warnings', lang)}", *(x for c in checks for x in hang("⚠ ", c, width))]
    held = _held_notes(results, lang, rule_sets)
    for tid, (title, cells) in zip(results[0].tiers, _compare_rows(results, lang, rule_sets), strict=True):
        lines += ["", *wrap(title, width)]
        lines += hang("  ", held[tid], width) if tid in held else []
        for name, status, fails, _ in cells:
            lines += hang("  ", f"{name}{colon}{STATUS[status][lang]}", width)
            for f in fails:
                lines += hang(f"    {'  ' * f.level}{ICON[f.status]} ", _said(f, lang), width)
    lines += ["", *wrap(_footer(results, lang, traced=traced), width), *wrap(_disclaimer(lang), width)]
    return "\n".join(lines) + "\n"


def answered_under_json(rules: RuleSet, profile: Profile, result: Result, lang: str) -> list[dict[str, Any]]:
    """The ``warnings`` entries assess's JSON adds under ``rules`` for answers saved under another set
    (``answered_under_warnings``), for the comparison's document of that set: the text comparison says
    them in 请先核对, and its JSON said nothing of them."""
    from littlegiant.load.profile import answered_set, other_questions, unknown_set
    from littlegiant.report.common import answered_under_warnings

    answered = answered_set(rules, profile)
    forced = result.calendar is not None and result.calendar.forced
    return answered_under_warnings(answered.title if answered is not None else None, other_questions(rules, profile),
                                   unknown_set(rules, profile), result.rules_title, result.as_of, lang, forced)


_MD_ICON = {"met": "✅", "unmet": "❌", "unknown": "❔", "manual_review": "🔎"}


def compare_markdown(results: list[Result], lang: str, rule_sets: Sequence[RuleSet] = (),
                     assumed: Sequence[str] = (), checks: Sequence[str] = ()) -> str:
    """The comparison as a Markdown document: a table of verdicts, then what holds each one back; the
    words escaped as the report's (``md``), a company name being the user's."""
    from littlegiant.report.markdown import NEST, md, md_cell

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
    held = _held_notes(results, lang, rule_sets)
    lines += [f"- {md(title)}{'：' if lang == 'zh' else ': '}{md(held[tid])}"
              for tid, (title, _) in zip(results[0].tiers, rows, strict=True) if tid in held]
    lines += [""] if held else []
    for _, cells in rows:
        for name, _, fails, own in cells:
            if fails:
                lines.append(f"**{md(own)} · {md(name)}**")
                lines.append("")
                lines += [f"{NEST * f.level}- {_MD_ICON[f.status]} {md(_said(f, lang))}" for f in fails]
                lines.append("")
    lines += ["---", "", md(_footer(results, lang, traced=True)), "", f"*{md(_disclaimer(lang))}*"]
    return "\n".join(lines) + "\n"


def compare_html(results: list[Result], lang: str, rule_sets: Sequence[RuleSet] = (),
                 assumed: Sequence[str] = (), checks: Sequence[str] = ()) -> str:
    """The comparison as one offline HTML file, laid out like the assessment report."""
    from littlegiant.report.html import escape, page, unbroken

    names = [r.rules_title.get(lang) for r in results]
    rows = _compare_rows(results, lang, rule_sets)
    # each rule set's column as wide as the tier's: a verdict column never squeezes its heading to a few characters
    share = f"{100 / (len(names) + 1):.0f}%"
    said = (f'<section class="warnings" id="assumed"><h2>⚑ {escape(w("assumed", lang))}</h2><ul>'
            + "".join(f"<li>{escape(a)}</li>" for a in assumed) + "</ul></section>") if assumed else ""
    said += (f'<section class="warnings" id="warnings"><h2>⚠ {escape(w("warnings", lang))}</h2><ul>'
             + "".join(f"<li>{escape(c)}</li>" for c in checks) + "</ul></section>") if checks else ""
    # dates kept whole (.whole): at 390 px the footer broke one as 2026-12- / 05
    body = [f"<h1>{escape(_head(results, lang))}</h1>", f"<p>{unbroken(escape(_about(results, lang)))}</p>",
            *(f"<p>{unbroken(escape(x))}</p>" for x in [*_renewal(results, lang), *_in_force(results, lang)]), said, f'<div class="wide"><table><thead><tr><th style="width:{share}">'
            + escape(w("tier", lang)) + "</th>"
            + "".join(f'<th style="width:{share}">{escape(n)}</th>' for n in names) + "</tr></thead><tbody>"]
    for title, cells in rows:
        body.append(f"<tr><td>{escape(title)}</td>" + "".join(
            f'<td class="status {s}" style="width:{share}">{ICON[s]} {escape(STATUS[s][lang])}</td>'
            for _, s, _, _ in cells) + "</tr>")
    body.append("</tbody></table></div>")
    held = _held_notes(results, lang, rule_sets)
    if held:
        colon = "：" if lang == "zh" else ": "
        body.append('<ul class="held">' + "".join(f"<li>{escape(title)}{colon}{escape(held[tid])}</li>"
                                                 for tid, (title, _) in zip(results[0].tiers, rows, strict=True)
                                                 if tid in held) + "</ul>")
    for _, cells in rows:
        for name, _, fails, own in cells:
            if fails:
                # h2 under the page's h1: at h3 a reader's outline (a PDF's bookmarks, a screen reader's
                # list of headings) had a level missing, and the sections hung from nothing
                body.append(f"<h2>{escape(own)} · {escape(name)}</h2>" + _html_list(fails, lang))
    body.append(f"<footer><p>{unbroken(escape(_footer(results, lang, traced=True)))}</p><p><strong>{escape(_disclaimer(lang))}"
                "</strong></p></footer>")
    # the company first in the title: a browser names the tab and the saved PDF after it, and a
    # consultant's comparisons for each client were all called 对比：…2022 与 …2026
    title = f"{company(results[0], lang)} · {_head(results, lang)}"
    return page(title, lang, "\n".join(body))


def _html_list(fails: list[Failing], lang: str) -> str:
    """The rows as a list, an either-or's routes as a list inside the item that heads them."""
    from littlegiant.report.html import escape

    out = ["<ul>"]
    for i, f in enumerate(fails):
        if f.level and not fails[i - 1].level:
            out.append("<ul>")
        out.append(f'<li><span class="status {f.status}">{ICON[f.status]}</span> {escape(_said(f, lang))}')
        nested_next = i + 1 < len(fails) and fails[i + 1].level > f.level
        if not nested_next:
            out.append("</li>")
        if f.level and (i + 1 == len(fails) or not fails[i + 1].level):
            out.append("</ul></li>")
    out.append("</ul>")
    return "".join(out)
