"""Advice in words: each gap step and change (``core/gaps.py`` finds them as data) as a sentence."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from littlegiant.core.gaps import Change, Step, TierGap
from littlegiant.load.profile import input_label
from littlegiant.load.rules import Text
from littlegiant.report.explanations import fmt, unit_text
from littlegiant.report.words import CUT_SHORT, SEP, before_unit, delta_text, excluded_named, given, num, obtain_zh

__all__ = ["CUT_SHORT", "change_text", "gap_dict", "step_note", "step_text"]

def change_text(ch: Change, lang: str) -> str:
    """One input moved: ``营业收入（2025年）：1,000 → 2,000万元（+1,000）`` / ``Operating revenue 2025: 1,000 → 2,000 (10k CNY) (+1,000)``."""
    zh = lang == "zh"
    label = input_label(ch.field, ch.path).get(lang)
    colon = "：" if zh else ": "
    if isinstance(ch.after, bool) and ch.after and zh:
        return obtain_zh(label)
    if isinstance(ch.after, bool):
        return f"{label}{colon}{fmt(ch.after, lang=lang)}"
    if isinstance(ch.after, str):
        choice = ch.field.choice_labels.get(ch.after)
        shown = choice.get(lang) if choice is not None else ch.after
        return f"{label} → {shown}"
    unit = unit_text(ch.field.unit, lang, ch.after)
    d = ch.delta
    sign = "" if d is None else delta_text(d, unit, lang)
    sign = "" if not sign else f"（{sign}）" if zh else f" ({sign})"
    before = given(ch.before) + before_unit(unit) if ch.before is not None else ("未填" if zh else "not given")
    return f"{label}{colon}{before} → {num(ch.after)}{unit}{sign}"  # the figure as given (a blank part: 未填)


def step_note(step: Step) -> Text | None:
    """What a step adds in brackets: the score it lifts or leaves open, and a search cut short."""
    notes: list[Text] = []
    if step.score is not None and step.kind == "points":
        now, target, required = step.score
        said = fmt(now, required)  # 59.996 beside 60 is not "60"
        notes.append(Text(f"得分 {said} → 至少 {fmt(target)}（要求 {fmt(required)}）",
                          f"score {said} → at least {fmt(target)} (required {fmt(required)})"))
    elif step.score is not None:
        low, high, _ = step.score
        notes.append(Text(f"目前得分在 {fmt(low)}–{fmt(high)} 之间", f"now between {fmt(low)} and {fmt(high)} points"))
    if step.cut_short and step.kind != "blocked":
        notes.append(CUT_SHORT)
    if not notes:
        return None
    return Text("；".join(n.zh for n in notes), "; ".join(n.en for n in notes))


def step_text(step: Step, lang: str) -> str:
    """One thing to do for a tier, as a sentence."""
    title = step.title.get(lang)
    if step.kind == "title":
        # the title to obtain, not the question asked of it: 「first obtain: Holds a valid … title」 read as a slip
        held = SEP[lang].join(c.field.label.get(lang).removeprefix("持有有效的").removeprefix("Holds a valid ")
                              for c in step.changes)
        lead = f"先取得{held}" if lang == "zh" else f"first obtain: {held}"  # 先取得创新型中小企业称号
    elif step.kind in ("change", "points"):
        body = SEP[lang].join(change_text(c, lang) for c in step.changes)
        lead = f"{body}（达到「{title}」）" if lang == "zh" else f"{body} (to meet: {title})"
    elif step.kind == "answer":
        names = [m.get(lang) for m in step.missing_labels[:8]]
        if len(step.missing_labels) > 8:
            names.append(f"…（另 {len(step.missing_labels) - 8} 项）" if lang == "zh"
                         else f"… ({len(step.missing_labels) - 8} more)")
        if step.deciding:
            # ；between questions: a question's own label holds 、 (安全、质量、环境污染等事故)
            lead = f"回答以下问题即可判定「{title}」：" + "；".join(names) if lang == "zh" else \
                f"answering these decides {title}: " + "; ".join(names)
        else:
            lead = "此外尚缺以下数据：" + "；".join(names) if lang == "zh" else \
                "still unanswered besides: " + "; ".join(names)
    elif step.kind == "qualitative" and step.answered_no:
        lead = f"定性条件「{title}」自评为否；如实际具备，请改答并准备材料" if lang == "zh" else \
            f"qualitative: {title}; answered no. If the company does meet it, answer yes and prepare the evidence"
    elif step.kind == "qualitative":
        lead = f"定性条件「{title}」：准备材料，由认定机关判断" if lang == "zh" else \
            f"qualitative: {title}; prepare the evidence for the authority"
    elif step.kind == "authority":  # a red line this rule set leaves to the authority (docs/criteria.md §2)
        lead = f"「{title}」：存在；本规则不作一票否决，能否认定由认定机关判断" if lang == "zh" else \
            f"{title}: present; not a veto under these rules, the authority decides whether any tier is granted"
    elif step.kind == "barred" and not step.answered_no:  # the size test found a large enterprise
        lead = "按《中小企业划型标准规定》为大型企业，不属于中小企业，任何层级都不能申报" if lang == "zh" else \
            "a large enterprise under the 2011 size standard, not an SME: no tier can be applied for"
    elif step.kind == "barred":
        lead = f"「{title}」答「否」：不具备这一参评基本条件，任何层级都不能申报" if lang == "zh" else \
            f"{title}: answered no; without this basic condition no tier can be applied for"
    elif step.kind == "red_line":
        lead = f"红线「{title}」：消除前任何层级都不能认定" if lang == "zh" else \
            f"red line: {title}; no tier can be met while it stands"
    elif step.kind == "excluded":  # one tier's exclusion (already a 单项冠军: no 小巨人); the others stay open
        lead = excluded_named(title, lang) + ("：存在时不能认定这一层级" if lang == "zh" else "; this tier cannot be met while it stands")
    elif step.cut_short:
        lead = f"「{title}」：建议的搜索达到工作量上限，未能找到可行的调整" if lang == "zh" else \
            f"{title}: the search for advice reached its work limit before finding a change"
    else:
        lead = f"「{title}」无法通过调整数据满足" if lang == "zh" else f"{title}: no change to your inputs meets it"
    note = step_note(step)
    if note is not None:
        lead += "（" + note.get(lang) + "）" if lang == "zh" else f" ({note.get(lang)})"
    return lead


def gap_dict(gap: TierGap, lang: str, closed: Callable[[str], bool] = lambda path: False) -> dict[str, Any]:
    """A tier's advice in the JSON result (``gaps``). ``closed``: whether a path cannot change before
    this round (a shut year's figure, years in the niche): a step changing one says so, as the plan
    does; read alone, "R&D expense 2024: 70 → 100" advised a change to books already shut."""
    steps = []
    for s in gap.steps:
        d: dict[str, Any] = {"criterion": s.criterion, "kind": s.kind, "text": step_text(s, lang),
                             "changes": [c.to_dict() for c in s.changes],
                             "closed": any(closed(c.path) for c in s.changes)}
        if s.missing:
            d["missing"] = s.missing
        steps.append(d)
    return {"status": gap.status, "steps": steps}
