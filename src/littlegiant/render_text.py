"""The terminal report: one panel per tier, its verdict and score, the criteria as a table."""

from __future__ import annotations

from typing import IO

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text as RichText

from littlegiant import __version__
from littlegiant.engine import fmt
from littlegiant.i18n import SIZE, STATUS, t
from littlegiant.report_common import ADVICE, BASIS, WARNINGS, advice_lines, basis_lines, warning_lines
from littlegiant.result import Result, TierResult

_STYLE = {"met": "green", "unmet": "red", "unknown": "yellow", "manual_review": "cyan"}
_ICON = {"met": "✔", "unmet": "✘", "unknown": "?", "manual_review": "◔"}


def status_label(status: str, lang: str) -> RichText:
    return RichText(f"{_ICON[status]} {STATUS[status][lang]}", style=_STYLE[status])


def render(result: Result, lang: str, stream: IO[str], *, width: int | None = None, color: bool | None = None,
           verbose: bool = False) -> None:
    """Write the report; ``verbose`` also lists met leaf criteria of the gate in full."""
    console = Console(file=stream, width=width, no_color=color is False, highlight=False,
                      force_terminal=None if color is None else color, soft_wrap=False)
    head = RichText()
    if result.name:
        head.append(result.name + "\n", style="bold")
    head.append(f"{t('rules', lang)}: {result.rules_id} — {result.rules_title.get(lang)}")
    if result.renewal:
        head.append(f" ({t('renewal', lang)})")
    head.append(f"\n{t('as_of', lang)}: {result.as_of.isoformat()}   {t('last_year', lang)}: {result.last_year}")
    head.append(f"\n{t('sme', lang)}: ")
    head.append_text(status_label(result.sme_status, lang))
    head.append(f" · {SIZE[result.sme_size][lang]}")
    console.print(head)
    warnings = warning_lines(result, lang)
    if warnings:
        console.print(Panel(_bullets("⚠", warnings), title=WARNINGS[lang], title_align="left", border_style="yellow"))
    for tier in result.tiers.values():
        console.print(_tier_panel(tier, lang, verbose, advice_lines(result, tier, lang)))
    basis = Table.grid(padding=(0, 1))
    basis.add_column(no_wrap=True)
    basis.add_column(overflow="fold")  # long Chinese runs fold inside their column, never cut
    for line in basis_lines(result, lang):
        basis.add_row("·", line)
    console.print(RichText(BASIS[lang], style="bold"), basis, "")
    foot = RichText(style="dim")
    foot.append(f"{t('rules', lang)} {result.rules_id} · {t('as_of', lang)} {result.as_of.isoformat()} · "
                f"sha256 {result.input_sha256[:16]}… · littlegiant {__version__}\n")
    foot.append(t("disclaimer", lang))
    console.print(foot)


def _tier_panel(tier: TierResult, lang: str, verbose: bool, advice: list[str]) -> Panel:
    table = Table(show_header=True, header_style="bold", expand=True, box=None, pad_edge=False)
    table.add_column(t("status", lang), no_wrap=True, width=10)
    table.add_column(t("criterion", lang), ratio=3)
    table.add_column(t("detail", lang), ratio=4)
    gate_ok = all(c.status == "met" for c in tier.criteria if c.id.startswith("gate.") or c.id == "gate")
    for c in tier.criteria:
        if not verbose and gate_ok and (c.id.startswith("gate.")):
            continue
        indent = "  " * max(c.depth - 1, 0)
        title = RichText(indent + c.title.get(lang), style="bold" if c.kind in ("all", "any") else "")
        if c.confidence in ("single", "recalled"):
            title.append(f" [{c.confidence}]", style="dim")
        detail = c.explanation.get(lang)
        if c.missing:
            detail += f"\n{t('missing', lang)}: " + ", ".join(c.missing)
        table.add_row(status_label(c.status, lang), title, detail)
    subtitle = None
    if tier.score is not None:
        subtitle = f"{t('score', lang)} {fmt(tier.score)}"
    elif tier.score_min is not None:
        subtitle = f"{t('score_range', lang)} {fmt(tier.score_min)}–{fmt(tier.score_max)}"
    title = RichText(f"{tier.title.get(lang)}  ", style="bold")
    title.append_text(status_label(tier.status, lang))
    if subtitle:
        title.append(f"  · {subtitle}")
    parts: list[RichText | Table] = [table]
    if tier.groups:
        g = " · ".join(f"{x.title.get(lang)} {fmt(x.low)}" + (f"–{fmt(x.high)}" if x.high != x.low else "")
                       + f"/{fmt(x.max)}" for x in tier.groups)
        parts.insert(0, RichText(g, style="dim"))
    for note in tier.notes:
        parts.append(RichText(note.get(lang), style="italic dim"))
    if advice:
        parts.extend([RichText(ADVICE[lang], style="bold"), _bullets("→", advice)])
    return Panel(Group(*parts), title=title, title_align="left", border_style=_style_of(tier.status))


def _bullets(mark: str, lines: list[str]) -> Table:
    """Lines under a mark, wrapped beside it."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(ratio=1)
    for line in lines:
        grid.add_row(mark, line)
    return grid


def _style_of(status: str) -> str:
    return _STYLE[status]

