"""Differences between two results: what-if (same rules, changed inputs) and version comparison."""

from __future__ import annotations

from dataclasses import dataclass

from littlegiant.i18n import STATUS
from littlegiant.result import MET, CriterionResult, Result


@dataclass(frozen=True)
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


def moves_text(items: list[Move], lang: str) -> str:
    head = "假设变化（--set）带来的状态变化：" if lang == "zh" else "What changed with --set:"
    if not items:
        return head + (" 无\n" if lang == "zh" else " nothing\n")
    lines = [head]
    lines += [f"  {m.tier} · {m.id}: {STATUS[m.before][lang]} → {STATUS[m.after][lang]}  ({m.title})" for m in items]
    return "\n".join(lines) + "\n"


def holding_back(result: Result, tier: str) -> list[CriterionResult]:
    """Leaf criteria not met whose groups are not met either: what keeps the tier from ``met``."""
    t = result.tiers[tier]
    by_id = {c.id: c for c in t.criteria}
    out = []
    for c in t.criteria:
        if not c.required or c.kind in ("all", "any") or c.status == MET:
            continue
        parent = by_id.get(c.parent) if c.parent else None
        while parent is not None and parent.status != MET:
            parent = by_id.get(parent.parent) if parent.parent else None
        if parent is None:
            out.append(c)
    return out


def compare_text(results: list[Result], lang: str) -> str:
    """Each tier under each rule set side by side, and the criteria that hold each one back."""
    ids = [r.rules_id for r in results]
    lines = [("对比：" if lang == "zh" else "Comparison: ") + " vs ".join(ids)]
    for tid, tier in results[0].tiers.items():
        row = "  ".join(f"{r.rules_id}: {STATUS[r.tiers[tid].status][lang]}" for r in results)
        lines.append(f"\n{tier.title.get(lang)}  —  {row}")
        for r in results:
            fails = [(c.id, c.status, c.title.get(lang)) for c in holding_back(r, tid)]
            if fails:
                lines.append(f"  {r.rules_id}:")
                lines += [f"    [{STATUS[s][lang]}] {cid}: {title}" for cid, s, title in fails]
    return "\n".join(lines) + "\n"
