"""The terminal report: the answer first (a verdict per tier), then the plan and the evidence; the trace on --detail.

Long Chinese text wraps by ``linebreak`` (never cut with "…", no line starting with "。" or "）", no
trailing spaces); the status column keeps one line at a fixed width. The layout holds from 60 columns up.
"""

from __future__ import annotations

from typing import IO

from rich.console import Console
from rich.text import Text as RichText

from littlegiant.core.result import TierResult
from littlegiant.i18n import STATUS, t
from littlegiant.report.common import Report, compare_hint, footer_line, size_words
from littlegiant.report.linebreak import wrap_rich
from littlegiant.report.words import ICON, MARK, bullet, w

_STYLE = {"met": "green", "unmet": "red", "unknown": "yellow", "manual_review": "cyan"}


def status_label(status: str, lang: str) -> RichText:
    return RichText(f"{ICON[status]} {STATUS[status][lang]}", style=_STYLE[status])


def _status_width(lang: str) -> int:
    return max(len(STATUS[s][lang]) * (2 if lang == "zh" else 1) + 2 for s in STATUS)


def _hanging(console: Console, rows: list[tuple[str | RichText, str | RichText]], style: str = "") -> None:
    """Rows of (mark, text): the text wraps under itself, never under the mark (see ``linebreak``)."""
    marks = [m if isinstance(m, RichText) else RichText(m) for m, _ in rows]
    room = max((m.cell_len for m in marks), default=0)
    room += 1 if room else 0  # a space after the mark
    for mark, (_, text) in zip(marks, rows, strict=True):
        body = text if isinstance(text, RichText) else RichText(text, style=style)
        for i, line in enumerate(wrap_rich(body, console.width - room)):
            out = mark.copy() if i == 0 else RichText()
            out.pad_right(room - out.cell_len)
            out.append_text(line)
            out.rstrip()
            console.print(out, soft_wrap=True)


def _line(console: Console, text: str | RichText, style: str = "") -> None:
    """One paragraph, wrapped by ``linebreak`` (no line starts with closing punctuation, none padded)."""
    _hanging(console, [("", RichText(text, style=style) if isinstance(text, str) else text)])


def render(report: Report, stream: IO[str], *, width: int | None = None, color: bool | None = None) -> None:
    """Write the report: answer, plan, evidence, legend; the criterion trace when ``report.detail``. A
    ``report.whole`` is a file handed on (``-o 报告.txt``): every question named, no command to type next,
    and the footer's check code, as the Markdown has them."""
    lang = report.lang
    zh = lang == "zh"
    result = report.result
    console = Console(file=stream, width=width, no_color=color is False, highlight=False,
                      force_terminal=None if color is None else color, soft_wrap=False)
    head = RichText()
    if result.name and result.name.strip():  # a name of spaces opened the report with a blank line
        head.append(result.name.strip() + "\n", style="bold")
    head.append(f"{t('as_of', lang)} {result.as_of.isoformat()} · {t('last_year', lang)} {result.last_year} · "
                f"{t('sme', lang)}{'：' if zh else ': '}{size_words(result, lang)}")
    _line(console, head)
    for line in report.basis():
        _line(console, line, style="dim")
    assumed = report.assumed_lines()
    if assumed:
        console.print()
        console.print(RichText(f"⚑ {w('assumed', lang)}", style="bold yellow"))
        _hanging(console, [("→", line) for line in assumed])
    console.print()
    console.print(RichText(report.answer_heading(), style="bold"))
    summary = report.summary()
    _hanging(console, [(RichText(ICON[tier.status], style=_STYLE[tier.status]), RichText(line, style="bold"))
                       for tier, line, _ in summary])
    why = [(tier.title.get(lang), reason) for tier, _, reason in summary if reason]
    if why:
        sep = "——" if zh else " — "  # no space in zh: a long run folds to the full width instead of jumping a line
        _hanging(console, [("  ", f"{name}{sep}{reason}") for name, reason in why])
    warnings = report.warnings()
    if warnings:
        console.print()
        console.print(RichText(f"⚠ {w('warnings', lang)}", style="bold yellow"))
        _hanging(console, [("⚠", line) for line in warnings])
    moved = report.what_if_lines()
    if moved:
        console.print()
        console.print(RichText(w("what_if", lang), style="bold"))
        _hanging(console, [("→", line) for line in moved])
    plan = report.plan()
    if plan:
        console.print()
        console.print(RichText(w("plan", lang), style="bold"))
        for headline, notes, steps in plan:
            _hanging(console, [("■", headline)])
            _hanging(console, [("  ·", n) for n in notes], style="dim")
            _hanging(console, [(f"  {i}.", s) for i, s in enumerate(steps, 1)])
        if report.words.asks_answers() and not report.whole:  # a command for the keyboard, not the client's file
            _line(console, report.answer_hint(), style="dim")
    ev = report.evidence()
    if ev:
        console.print()
        console.print(RichText(w("evidence", lang), style="bold"))
        for heading, items in ev:
            _hanging(console, [("■", heading)])
            # a held title's one line (已持有，无需准备) has no documents, and no colon
            _hanging(console, [("  •", f"{title}{'：' if zh else ': '}{'；'.join(docs) if zh else '; '.join(docs)}"
                                if docs else title) for title, docs in items])
    legend = report.words.legend()
    if legend:
        console.print()
        console.print(RichText(w("legend", lang), style="bold"))
        for mark, meaning, parts in legend:
            _hanging(console, [(mark, meaning)], style="dim")
            _hanging(console, [("  ·", part) for part in parts], style="dim")
    basis = report.basis_detail()
    if basis:
        console.print()
        console.print(RichText(w("basis_detail", lang), style="bold"))
        _hanging(console, [("·", line) for line in basis])
    if report.detail:
        for tier in result.tiers.values():
            console.print()
            _trace(console, report, tier)
    # what to type next, for the one at the terminal: never in the verdicts and header a client is handed, nor
    # in a file written with -o (``report.whole``), which the client reads with no command to run; the renewal
    # is said in words beside its verdict
    hints = [] if report.whole else [*report.words.renewal_hints(), *compare_hint(result, lang)]
    hints += [] if report.detail or report.whole else [w("detail_hint", lang)]
    if hints:
        console.print()
        for hint in hints:
            _line(console, hint, style="dim")
    foot = RichText(style="dim")
    # a file carries the profile's check code, as the .md and .html do: the printed copy is matched to its profile
    foot.append(footer_line(result, lang, traced=report.whole) + "\n")
    foot.append(t("disclaimer", lang))
    _line(console, foot)


def _trace(console: Console, report: Report, tier: TierResult) -> None:
    lang = report.lang
    words = report.words
    title = RichText(f"{w('detail', lang)} · {tier.title.get(lang)}  ", style="bold")
    title.append_text(status_label(tier.status, lang))
    _line(console, title)
    sw = _status_width(lang)
    room = console.width - sw - 1 - 2  # status, a space, the criterion, two spaces, the sentence
    crit = max(room * 2 // 5, 8)
    widths = (sw, crit, max(room - crit, 8))
    _row(console, widths, [RichText(t(k, lang), style="bold") for k in ("status", "criterion", "detail")])
    gate_ok = all(c.status == "met" for c in tier.criteria if c.id == "gate")
    for c in tier.criteria:
        if gate_ok and c.id.startswith("gate."):
            continue  # the gate's parts only when something in it is not met
        name = RichText(c.title.get(lang), style="bold" if c.kind in ("all", "any") else "")
        if c.confidence in MARK:
            name.append(MARK[c.confidence], style="dim")
        _row(console, widths, [status_label(c.status, lang), name, RichText(words.sentence(c))], max(c.depth - 1, 0))
    for note in tier.notes:
        _line(console, note.get(lang), style="italic dim")


def _row(console: Console, widths: tuple[int, int, int], cells: list[RichText], level: int = 0) -> None:
    """One row of the criterion table: each cell wrapped in its column, the last line of each unpadded.
    ``level`` 0 is a tier's own criterion; each level below it is indented two columns and marked."""
    status, name, detail = cells
    # the deepest levels share the column with the words: never leave less than eight columns for them
    room = max(widths[1] - 8, 0)
    pad = min(2 * max(level - 1, 0), room)
    mark = bullet(level)
    lead = len(mark) + pad
    names = [RichText(" " * pad + (mark if i == 0 else " " * len(mark))) + line
             for i, line in enumerate(wrap_rich(name, widths[1] - lead))]
    details = wrap_rich(detail, widths[2])
    for i in range(max(len(names), len(details), 1)):
        out = status.copy() if i == 0 else RichText()
        out.pad_right(widths[0] + 1 - out.cell_len)
        if i < len(names):
            out.append_text(names[i])
        out.pad_right(widths[0] + 1 + widths[1] + 2 - out.cell_len)
        if i < len(details):
            out.append_text(details[i])
        out.rstrip()
        console.print(out, soft_wrap=True)
