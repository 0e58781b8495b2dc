"""The terminal report: the answer first (a verdict per tier), then the plan and the evidence; the trace on --detail.

Long Chinese text wraps (``overflow="fold"``), never cut with "…"; the status column keeps one line
at a fixed width. The layout holds from 60 columns up.
"""

from __future__ import annotations

from typing import IO

from rich.console import Console
from rich.table import Table
from rich.text import Text as RichText

from littlegiant.core.result import TierResult
from littlegiant.report.common import BASIS, WARNINGS, Report, footer_line, warning_lines
from littlegiant.report.i18n import SIZE, STATUS, t
from littlegiant.report.words import ICON, MARK, w

_STYLE = {"met": "green", "unmet": "red", "unknown": "yellow", "manual_review": "cyan"}


def status_label(status: str, lang: str) -> RichText:
    return RichText(f"{ICON[status]} {STATUS[status][lang]}", style=_STYLE[status])


def _status_width(lang: str) -> int:
    return max(len(STATUS[s][lang]) * (2 if lang == "zh" else 1) + 2 for s in STATUS)


def _hanging(console: Console, rows: list[tuple[str, str]], style: str = "") -> None:
    """Rows of (mark, text): the text wraps under itself, never under the mark."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(ratio=1, overflow="fold")
    for mark, text in rows:
        grid.add_row(mark, RichText(text, style=style))
    console.print(grid)


def render(report: Report, stream: IO[str], *, width: int | None = None, color: bool | None = None) -> None:
    """Write the report: answer, plan, evidence, legend; the criterion trace when ``report.detail``."""
    lang = report.lang
    zh = lang == "zh"
    result = report.result
    console = Console(file=stream, width=width, no_color=color is False, highlight=False,
                      force_terminal=None if color is None else color, soft_wrap=False)
    head = RichText()
    if result.name:
        head.append(result.name + "\n", style="bold")
    head.append(f"{t('as_of', lang)} {result.as_of.isoformat()} · {t('last_year', lang)} {result.last_year} · "
                f"{t('sme', lang)}{'：' if zh else ': '}{SIZE[result.sme_size][lang]}")
    console.print(head)
    for line in report.basis():
        console.print(RichText(line, style="dim"))
    console.print()
    console.print(RichText(w("answer", lang), style="bold"))
    summary = report.summary()
    verdicts = Table.grid(padding=(0, 1))
    verdicts.add_column(no_wrap=True)
    verdicts.add_column(ratio=1, overflow="fold")
    for tier, line, _ in summary:
        verdicts.add_row(RichText(ICON[tier.status], style=_STYLE[tier.status]), RichText(line, style="bold"))
    console.print(verdicts)
    why = [(tier.title.get(lang), reason) for tier, _, reason in summary if reason]
    if why:
        sep = "——" if zh else " — "  # no space in zh: a long run folds to the full width instead of jumping a line
        _hanging(console, [("  ", f"{name}{sep}{reason}") for name, reason in why])
    warnings = warning_lines(result, lang)
    if warnings:
        console.print()
        console.print(RichText(f"⚠ {WARNINGS[lang]}", style="bold yellow"))
        _hanging(console, [("⚠", line) for line in warnings])
    moved = report.what_if_lines()
    if moved:
        console.print()
        console.print(RichText("假设变化带来的判定变化" if zh else "What the what-if changed", style="bold"))
        _hanging(console, [("→", line) for line in moved])
    plan = report.plan()
    if plan:
        console.print()
        console.print(RichText(w("plan", lang), style="bold"))
        for headline, notes, steps in plan:
            _hanging(console, [("■", headline)])
            _hanging(console, [("  ·", n) for n in notes], style="dim")
            _hanging(console, [(f"  {i}.", s) for i, s in enumerate(steps, 1)])
    ev = report.evidence()
    if ev:
        console.print()
        console.print(RichText(w("evidence", lang), style="bold"))
        _hanging(console, [("•", f"{title}{'：' if zh else ': '}{'；'.join(docs) if zh else '; '.join(docs)}")
                           for title, docs in ev])
    legend = report.words.legend()
    if legend:
        console.print()
        console.print(RichText(w("legend", lang), style="bold"))
        _hanging(console, [tuple(line.split("\t", 1)) for line in legend], style="dim")  # type: ignore[misc]
    basis = report.basis_detail()
    if basis:
        console.print()
        console.print(RichText(BASIS[lang], style="bold"))
        _hanging(console, [("·", line) for line in basis])
    if report.detail:
        for tier in result.tiers.values():
            console.print()
            _trace(console, report, tier)
    else:
        console.print()
        console.print(RichText(w("detail_hint", lang), style="dim"))
    foot = RichText(style="dim")
    foot.append(footer_line(result, lang, short=True) + "\n")
    foot.append(t("disclaimer", lang))
    console.print(foot)


def _trace(console: Console, report: Report, tier: TierResult) -> None:
    lang = report.lang
    words = report.words
    title = RichText(f"{w('detail', lang)} · {tier.title.get(lang)}  ", style="bold")
    title.append_text(status_label(tier.status, lang))
    console.print(title)
    table = Table(show_header=True, header_style="bold", expand=True, box=None, pad_edge=False)
    table.add_column(t("status", lang), no_wrap=True, width=_status_width(lang))
    table.add_column(t("criterion", lang), ratio=2, overflow="fold")
    table.add_column(t("detail", lang), ratio=3, overflow="fold")
    gate_ok = all(c.status == "met" for c in tier.criteria if c.id == "gate")
    for c in tier.criteria:
        if gate_ok and c.id.startswith("gate."):
            continue  # the gate's parts only when something in it is not met
        indent = " " * max(c.depth - 1, 0)
        name = RichText(indent + c.title.get(lang), style="bold" if c.kind in ("all", "any") else "")
        if c.confidence in MARK:
            name.append(MARK[c.confidence], style="dim")
        table.add_row(status_label(c.status, lang), name, words.sentence(c))
    console.print(table)
    for note in tier.notes:
        console.print(RichText(note.get(lang), style="italic dim"))
