"""The Markdown report: the answer, the plan and the evidence first, then every criterion, then the appendix."""

from __future__ import annotations

from dataclasses import replace

from littlegiant import lazyre
from littlegiant.i18n import STATUS, t
from littlegiant.report.common import Report, footer_line, size_words
from littlegiant.report.words import MARK, bullet, w

_ICON = {"met": "✅", "unmet": "❌", "unknown": "❔", "manual_review": "🔎"}

_NBSP = "\u00a0"

HARD_BREAK = "  \n"
"""A line break every Markdown reader keeps (CommonMark, pandoc, python-markdown); one that strips
trailing spaces still reads: the break becomes a space."""

NEST = "    "
"""A nested list's indent: python-markdown (MkDocs and many wikis) nests only at four spaces and
lists two-space items as siblings; CommonMark and pandoc nest at four as well."""

TABLE_RULE = "| --------- | ------------------- | ------------------------- |"
"""The trace table's header rule. Pandoc sizes a table with long rows by these dashes: with
``| --- | --- | --- |`` the one-word status column took a third of a Word or PDF page."""


_ENTITY = lazyre.compile(r"&(?=#?[0-9A-Za-z]+;)")  # "&lt;" typed in a name is shown as typed, never as "<"
_INLINE = lazyre.compile(r"([\\`*_\[\]~])")
"""Emphasis, code, links, and ~ (GitHub's strike-through, pandoc's subscript, a ~~~ fence at a line's
start, which turned the rest of a comparison opening with such a name into one block of code): a
name never turns into markup."""
_BLOCK = lazyre.compile(r"^(?:[#>|-]|[+:](?=\s|$)|=(?==*\s*$))")
"""What opens a heading, quote, list, or pandoc's line block (|) or definition (: after a paragraph), at a
line's start; and a line of = alone, which makes the line above it a heading (a verdict's reason goes
on the line under it)."""
_LIST = lazyre.compile(r"^\(?(?:\d{1,9}|[a-zA-Z]|[ivxlcdm]+|[IVXLCDM]+|#|@[\w-]*)(?=[.)](?:\s|$))")
"""A numbered list's marker: 1. and 1) everywhere, and pandoc's (1), a), (a), iv., (@): a comparison
of 「(1) 恒达」 opened with a list in Word or PDF, the (1) gone, and a name 「| 恒达」 with a line block,
the | gone. Its . or ) is backslashed."""


def _inline(text: str) -> str:
    """``text`` with no HTML and no inline markup: ``<`` and an entity's ``&`` as entities, as the HTML
    report escapes them, and emphasis, code and link marks backslashed."""
    return _INLINE.sub(r"\\\1", _ENTITY.sub("&amp;", text).replace("<", "&lt;"))


def md(text: str) -> str:
    """Text as Markdown shows it, never as markup: a Markdown viewer renders the HTML in a file, so
    ``<script>`` in a company name (or a rule file's title) ran where the client opened the report.
    Besides ``_inline``, a first character that would open a heading, quote or list is backslashed
    and a line break is a space (one would end a heading); so is a list marker's . or ). Plain ``&``
    and ``>`` stay as they are: a reader of the .md as text sees R&D, not R&amp;D."""
    text = _inline(" ".join(text.splitlines()).strip())
    text = _CLOSING.sub(lambda m: m.group(1) + "\\#" * len(m.group(2)), text)
    text = _LIST.sub(lambda m: m.group() + "\\", text)
    return _BLOCK.sub(lambda m: "\\" + m.group(), text)


_CLOSING = lazyre.compile(r"(^|\s)(#+)$")
"""A run of # ending the text after a space (1 #): in a heading, the closing sequence a viewer drops."""


def md_cell(text: str) -> str:
    """Text for a table cell, where only inline markup counts: ``_inline`` on each line, a ``|``
    kept from ending the cell, lines joined by <br>."""
    return "<br>".join(_inline(line).replace("|", "\\|") for line in text.splitlines() or [""])


def render_markdown(report: Report) -> str:
    report = replace(report, whole=True)  # a document handed on: no terminal width to fit
    lang = report.lang
    zh = lang == "zh"
    colon = "：" if zh else ": "
    result = report.result
    words = report.words
    lines = [f"# {md((result.name or '').strip() or w('untitled', lang))}", ""]  # spaces: an empty heading
    lines.append(f"{t('as_of', lang)} {result.as_of.isoformat()} · {t('last_year', lang)} {result.last_year} · "
                 f"{t('sme', lang)}{colon}{md(size_words(result, lang))}")
    lines.append("")
    # one paragraph each: lines in a row are one paragraph in Markdown, and the basis, a notice ending on
    # 1 January and the measures changing on 1 April read as one run-on sentence
    for i, b in enumerate(report.basis()):
        lines.extend([""] * (i > 0) + [f"*{md(b)}*"])
    assumed = report.assumed_lines()
    if assumed:
        lines += ["", f"**⚑ {w('assumed', lang)}**", ""] + [f"- {md(a)}" for a in assumed]
    lines += ["", f"## {md(report.answer_heading())}", ""]
    for tier, line, why in report.summary():
        # a Markdown line break (two spaces), not <br>: pandoc to Word or PDF, and a wiki that escapes
        # HTML, dropped or showed the tag, and the verdict ran into its reason ("not metheld back by")
        lines.append(f"- {_ICON[tier.status]} **{md(line)}**" + (f"{HARD_BREAK}  {md(why)}" if why else ""))
    lines.append("")
    warnings = report.warnings()
    if warnings:
        lines += [f"**⚠ {w('warnings', lang)}**", ""]
        lines += [f"- {md(x)}" for x in warnings]
        lines.append("")
    moved = report.what_if_lines()
    if moved:
        lines += [f"**{w('what_if', lang)}**", ""]
        lines += [f"- {md(m)}" for m in moved]
        lines.append("")
    plan = report.plan()
    if plan:
        lines += [f"## {w('plan', lang)}", ""]
        for head, notes, steps in plan:
            lines += [f"**{md(head)}**", ""]
            if notes:  # quoted: python-markdown ran a bullet list on into the numbered steps after it,
                # the reasons a round cannot come sooner unnumbered among the steps, as if things to do
                lines += [f"> - {md(n)}" for n in notes]
                lines.append("")
            if steps:
                lines += [f"{i}. {md(s)}" for i, s in enumerate(steps, 1)]
                lines.append("")
    ev = report.evidence()
    if ev:
        lines += [f"## {w('evidence', lang)}", ""]
        for heading, items in ev:
            lines += [f"**{md(heading)}**", ""]
            # a held title's one line (已持有，无需准备) has no documents, and no colon
            lines += [f"- {md(title)}" + (f"{colon}{md(('；' if zh else '; ').join(docs))}" if docs else "")
                      for title, docs in items]
            lines.append("")
    legend = words.legend()
    if legend:
        lines += [f"## {w('legend', lang)}", ""]
        for mark, head, parts in legend:
            lines.append(f"- {mark} {md(head)}")
            lines += [f"{NEST}- {md(x)}" for x in parts]
        lines.append("")
    basis = report.basis_detail()
    if basis:
        lines += [f"## {w('basis_detail', lang)}", ""]
        lines += [f"- {md(b)}" for b in basis]
        lines.append("")
    lines += [f"## {w('detail', lang)}", ""]
    for tier in result.tiers.values():
        lines += [f"### {md(tier.title.get(lang))} — {_ICON[tier.status]} {STATUS[tier.status][lang]}", ""]
        lines.append(f"| {t('status', lang)} | {t('criterion', lang)} | {t('detail', lang)} |")
        lines.append(TABLE_RULE)
        for c in tier.criteria:
            level = max(c.depth - 1, 0)
            # no-break spaces, as characters: a table cell keeps them where it trims spaces, and a
            # reader of the .md file as plain text sees spaces, not 100 "&nbsp;"
            indent = _NBSP * 2 * max(level - 1, 0) + bullet(level).strip() + (_NBSP if level else "")
            title = c.title.get(lang) + MARK.get(c.confidence or "", "")
            lines.append(f"| {_ICON[c.status]}{_NBSP}{STATUS[c.status][lang].replace(' ', _NBSP)} | "
                         f"{indent}{md_cell(title)} | {md_cell(words.sentence(c))} |")
        lines.append("")
        for note in tier.notes:
            lines += [f"> {md(note.get(lang))}", ""]
    appendix = report.appendix()
    if appendix:
        lines += [f"## {w('appendix', lang)}", ""]
        lines.append(w("appendix_intro", lang))
        lines.append("")
        for title, cmd in appendix:
            lines += [f"{md(title)}{colon}", "", "```", cmd, "```", ""]
    lines += ["---", "", md(footer_line(result, lang, traced=True)), "", f"*{md(t('disclaimer', lang))}*"]
    return "\n".join(lines) + "\n"
