"""Tools for rule authors: list, show, diff, and test rule sets (no terminal here; the CLI prints).

Test cases live beside each rule set as ``NAME.tests.yaml``. Besides them, ``run_tests``
generates boundary cases at every threshold and score band edge of the rule set and checks
them against docs/criteria.md §3: 「不低于」「以上」 include the number, 「超过」「不满」 exclude it, and
a value exactly on a band edge takes the more favourable band. The operator of every
threshold is also checked against the words of its Chinese title.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from dataclasses import field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from littlegiant import lazyre
from littlegiant.core import engine
from littlegiant.core.inputs import InputPaths
from littlegiant.core.result import Result
from littlegiant.errors import InputError
from littlegiant.i18n import CONFIDENCE, SIZE, STATUS
from littlegiant.load import expr
from littlegiant.load.profile import from_data
from littlegiant.load.rulecalendar import KINDS, RENEWABLE, Calendar, Choice, is_calendar_file
from littlegiant.load.rules import (
    CALENDAR_FILE,
    FieldDef,
    Node,
    RuleSet,
    ScoreItem,
    Text,
    builtin_dir,
    builtin_ids,
    iso_date,
    load,
    overlay_ids,
    read_rule_data,
)
from littlegiant.load.yamlio import line_of
from littlegiant.messages import Choices, Got, plural, quoted, say, unit_text
from littlegiant.records import record
from littlegiant.report.explanations import fmt, when_words
from littlegiant.report.linebreak import hang
from littlegiant.report.template import help_text
from littlegiant.report.words import OPS

TESTS_SUFFIX = ".tests.yaml"


# ---------------------------------------------------------------------------- list


def confidence_counts(rs: RuleSet) -> Counter[str]:
    """Leaf criteria (each id once) and score items, by confidence tag."""
    seen: dict[str, str] = {}
    for _, node in rs.all_nodes():
        if node.kind not in ("all", "any") and node.confidence is not None:
            seen.setdefault(node.id, node.confidence)
    for table in rs.scores.values():
        for item in table.items:
            seen.setdefault(f"{table.id}.points.{item.id}", item.confidence)
    return Counter(seen.values())


def rule_files(extra: list[str]) -> list[str]:
    """The built-in ids, the overlays shipped with them (by id too: ``--rules`` takes it from any
    folder), then whatever the user named."""
    return [*builtin_ids(), *overlay_ids(), *extra]


def test_refs() -> list[str]:
    """What a bare ``rules test`` runs: every rule set and overlay, every round file, and the calendar."""
    rounds = sorted(_shown(p) for p in (builtin_dir() / "rounds").glob("*.yaml") if not p.name.endswith(TESTS_SUFFIX))
    return [*rule_files([]), *rounds, CALENDAR_ID]


def _shown(path: Path) -> str:
    """A path as the user would type it: relative to the working folder when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _folder_first(path: Path) -> tuple[int, Path]:
    """A folder's own files before its sub-folders' (the sets before the overlays that extend them)."""
    return len(path.parts), path


def test_targets(paths: list[str]) -> list[str]:
    """What ``rules test PATH...`` runs: a rule set id or file, the rule file beside a ``.tests.yaml``,
    or every rule file in a folder."""
    out: list[str] = []
    for arg in paths:
        path = Path(arg)
        if path.is_dir():
            # the .yml ones too, as --rules takes them: a folder of one my.yml was "no rule file to test"
            # not a fragment (_base.yaml, _glossary.yaml: read by the sets that extend them, no set of their
            # own): the shipped folder itself stopped at _base.yaml's "missing required key 'title'"
            # and its sub-folders' (overlays/, rounds/), as a bare `rules test` tests the shipped folder's
            found = [_shown(p) for p in sorted(path.rglob("*.yaml"), key=_folder_first) +
                     sorted(path.rglob("*.yml"), key=_folder_first)
                     if not is_tests_file(p.name) and not any(part.startswith(("_", ".")) for part in
                                                                 p.relative_to(path).parts)]
            if not found:  # a folder of none was tested silently, exit 0, as if it had passed
                raise InputError(kind="rules.test_none", file=arg)
            out.extend(found)
        elif path.name == CALENDAR_FILE.removesuffix(".yaml") + TESTS_SUFFIX:
            out.append(str(path.with_name(CALENDAR_FILE)))
        elif is_tests_file(path.name):
            out.append(str(_rule_file_of(path)))
        else:
            out.append(arg)
    return out


# ---------------------------------------------------------------------------- calendar

def list_line(rs: RuleSet, ref: str, lang: str, width: int) -> str:
    """One rule set as ``rules list`` shows it, in ``width`` columns. English keeps the columns a rule
    author scans (id, dates, tag counts), the titles each on a line of its own below (zh / en on one
    line ran past 80) and a user's file under them; Chinese leads with the title, the dates and the
    tags said in words."""
    counts = confidence_counts(rs)
    until = rs.in_force_to.isoformat() if rs.in_force_to else None
    if lang != "zh":
        tags = " ".join(f"{tag}:{counts.get(tag, 0)}" for tag in CONFIDENCE)
        out = [*hang(f"{rs.id:<16} {rs.in_force_from.isoformat()} – {until or '…':<10}  ", tags, width),
               *hang("    ", rs.title.zh, width), *hang("    ", rs.title.en, width)]
        if ref != rs.id:  # a shipped set is named by its id, a user's file by its path too
            out += hang("    file: ", ref, width)
        return "\n".join(out)
    when = f"{rs.in_force_from.isoformat()} 至 {until}" if until else f"{rs.in_force_from.isoformat()} 起"
    named = f"编号：{ref}" if ref == rs.id else f"文件：{ref}"
    tags = "；".join(f"{CONFIDENCE[tag]['zh']} {counts[tag]} 条" for tag in CONFIDENCE if counts.get(tag))
    lines = [("", rs.title.zh), ("  有效期：", when), ("  ", named), ("  来源可靠度：", tags)]
    return "\n".join(line for mark, text in lines for line in hang(mark, text, width))


def wrap_lines(text: str, width: int, more: int = 0) -> str:
    """Each line of ``text`` wrapped to ``width``, its later lines under its own indent and, for an
    indented line, ``more`` columns further in (a list's item, "  新增可选条件：…", whose next line
    must not read as another item; its first line gives up those columns too)."""
    out: list[str] = []
    for line in text.split("\n"):
        body = line.lstrip(" ")
        indent = line[: len(line) - len(body)]
        if not body:
            out.append(line)
            continue
        step = more if indent else 0
        lines = hang(" " * step, body, width - len(indent))
        out += [indent + (x[step:] if i == 0 else x) for i, x in enumerate(lines)]
    return "\n".join(out)


_KIND_WORDS = {"application": Text("新申请", "new application"),
               "zjtx_sme": Text("专精特新中小企业复核", "renewal of the specialised and sophisticated SME title"),
               "little_giant": Text("小巨人复核", "renewal of the Little Giant title")}


def calendar_text(cal: Calendar, lang: str, as_of: date | None = None, titles: dict[str, Text] | None = None) -> str:
    """The calendar as people read it: every period, or for one day what applies to each kind.

    In Chinese the rule sets go by their titles (``titles``: id → title) and the confidence tags by
    their meaning; in English the ids stay, as rule authors type them."""
    if lang == "zh":
        return _calendar_zh(cal, as_of, titles or {})
    lines: list[str] = []
    if as_of is not None:
        lines.append(f"What applies on {as_of.isoformat()}:")
        for kind, choice in _on(cal, as_of):
            rnd = f" + {choice.round.ref}" if choice.round else ""
            lines += [f"  {_KIND_WORDS[kind].en}: {choice.rule_set}{rnd}", f"      {choice.reason.en}",
                      f"      source: {choice.source} [{choice.confidence}]"]
        return "\n".join(lines) + "\n"
    lines.append("The rule calendar (rules/calendar.yaml):")
    for p in cal.periods:
        until = p.end.isoformat() if p.end else "…"
        kinds = ", ".join(_KIND_WORDS[k].en for k in p.kinds)
        rnd = f" + {p.round.ref}" if p.round else ""
        lines.append(f"  {p.start.isoformat()} – {until:<10}  {p.rules}{rnd}  ({kinds}) [{p.confidence}]")
    if cal.rounds:
        lines.append("Round notices:")
        for r in cal.rounds.values():
            lines.append(f"  {r.ref}  {r.title.en} [{r.confidence}]")
            lines.append(f"      {r.summary.en}")
    return "\n".join(lines) + "\n"


def _on(cal: Calendar, as_of: date) -> list[tuple[str, Any]]:
    """(kind, choice) for a new application and each renewal on ``as_of``."""
    return [(kind, cal.choose(as_of, None if kind == "application" else kind)) for kind in KINDS]


def _sure(tag: str | None) -> str:
    """A confidence tag as its meaning (可靠度：多个独立转载一致)."""
    return f"可靠度：{CONFIDENCE[tag]['zh']}" if tag in CONFIDENCE else ""


def _calendar_zh(cal: Calendar, as_of: date | None, titles: dict[str, Text]) -> str:
    def rule_set(rid: str, rnd: Any) -> str:
        name = titles[rid].zh if rid in titles else rid
        return name + (f"，并按{rnd.ref}" if rnd is not None else "")

    lines: list[str] = []
    if as_of is not None:
        lines.append(f"{as_of.isoformat()} 适用的规则：")
        for kind, choice in _on(cal, as_of):
            lines += [f"  {_KIND_WORDS[kind].zh}：{rule_set(choice.rule_set, choice.round)}", f"      {choice.reason.zh}",
                      f"      依据：{choice.source}（{_sure(choice.confidence)}）"]
        return "\n".join(lines) + "\n"
    lines.append("规则日历（哪天、哪类申请适用哪套规则）：")
    for p in cal.periods:
        when = f"{p.start.isoformat()} 至 {p.end.isoformat()}" if p.end else f"{p.start.isoformat()} 起"
        lines.append(f"  {when}，{'、'.join(_KIND_WORDS[k].zh for k in p.kinds)}：")
        lines.append(f"      适用{rule_set(p.rules, p.round)}（{_sure(p.confidence)}）")
    if cal.rounds:
        lines.append("年度通知：")
        for r in cal.rounds.values():
            lines.append(f"  {r.ref}：{r.title.zh}（{_sure(r.confidence)}）")
            lines.append(f"      {r.summary.zh}")
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------- glossary


def glossary_text(lang: str, rules: RuleSet | None = None) -> str:
    """Every official term the field help leans on, explained, with the questions that use it."""
    from littlegiant.load.rules import glossary

    used: dict[str, list[str]] = {}
    if rules is not None:
        for f in rules.fields.values():
            for tid in f.terms:
                used.setdefault(tid, []).append(f.label.get(lang))
    blocks = []
    for term in glossary().values():
        lines = [term.name.get(lang), "  " + term.text.get(lang)]
        if term.source:
            lines.append(("  依据：" if lang == "zh" else "  Source: ") + term.source)
        if used.get(term.id):
            lines.append(("  用于：" if lang == "zh" else "  Used by: ") + ("、" if lang == "zh" else "; ").join(used[term.id]))
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n"


# ---------------------------------------------------------------------------- show


def find(rs: RuleSet, ident: str) -> tuple[str, Any] | None:
    """(kind, object) for a tier, criterion (``ID`` or ``TIER:ID``), score item (``table.item`` or
    ``table.points.item``), derived or field id. A bare id that tiers reuse for different rules is
    the first tier's: ``criteria_named`` gives each."""
    if ident in rs.tiers:
        return "tier", rs.tiers[ident]
    nodes = _criteria(rs, ident)
    if nodes:
        return "criterion", nodes[0][1]
    table_id, _, rest = ident.partition(".")
    item_id = rest.removeprefix("points.")
    if table_id in rs.scores:
        for item in rs.scores[table_id].items:
            if item.id == item_id:
                return "item", item
    if ident in rs.derived:
        return "derived", rs.derived[ident]
    if ident in rs.fields:
        return "field", rs.fields[ident]
    return None


def _criteria(rs: RuleSet, ident: str) -> list[tuple[str, Node]]:
    """(tier, node) of each rule ``ident`` (``ID`` or ``TIER:ID``) names, a rule the tiers share (the gate,
    defined at one place) once."""
    tier, _, cid = ident.rpartition(":")
    out: list[tuple[str, Node]] = []
    for tid, node in rs.all_nodes():
        if node.id == cid and (not tier or tid == tier) and not any(
                node is other or (node.place() is not None and node.place() == other.place()) for _, other in out):
            out.append((tid, node))
    return out


def criteria_named(rs: RuleSet, ident: str) -> list[str]:
    """``TIER:ID`` for each different rule a bare criterion id names in several tiers (a rule file may
    reuse an id in another tier, which ``rules validate`` accepts); empty when it names one. ``rules
    show`` showed the first tier's rule alone, said to belong to both tiers, and the other could not
    be shown at all."""
    if ":" in ident or ident in rs.tiers:
        return []
    nodes = _criteria(rs, ident)
    return [f"{tid}:{node.id}" for tid, node in nodes] if len(nodes) > 1 else []


def find_by_words(rs: RuleSet, words: str) -> tuple[bool, list[str]]:
    """(whether ``words`` are a whole title, the ids ``find`` takes of the tiers, criteria and score items
    whose title holds them, in either language and any letter case); a title given whole names that
    rule alone. A consultant typed ``rules show 研发费用`` as ``assess --explain`` takes it, and was told
    there was no such rule."""
    wanted = words.strip().casefold()
    if not wanted:
        return False, []
    titled: list[tuple[str, Text]] = [(tid, tier.title) for tid, tier in rs.tiers.items()]
    titled += [(f"{tid}:{node.id}" if criteria_named(rs, node.id) else node.id, node.title)  # a reused id: its tier's
               for tid, node in rs.all_nodes() if node.title is not None]
    titled += [(f"{tid}.{item.id}", item.title) for tid, table in rs.scores.items() for item in table.items]
    found = {ident: title for ident, title in titled
             if wanted in title.zh.casefold() or wanted in title.en.casefold()}
    exact = [ident for ident, title in found.items() if wanted in (title.zh.casefold(), title.en.casefold())]
    return bool(exact), exact or list(found)


def is_rule_set(rs: RuleSet, ident: str) -> bool:
    """Whether ``ident`` names the rule set itself (``rules show miit-2026``), not one rule in it."""
    return ident == rs.id and find(rs, ident) is None


_SAY = {
    "set": Text("所属", "Part of"), "tier": Text("称号", "Title"), "in_force": Text("有效期", "In force"),
    "source": Text("依据", "Source"), "sure": Text("可靠度", "Confidence"), "need": Text("要求", "Requires"),
    "evidence": Text("需准备材料", "Evidence"), "note": Text("说明", "Note"), "uses": Text("用到的数据", "Uses"),
    "all": Text("以下条件须全部满足", "All of these must hold"), "any": Text("以下满足其一即可", "Any one of these is enough"),
    "all_tail": Text("，须全部满足：", ", all of:"), "any_tail": Text("，满足其一即可：", ", any one of:"),
    "max": Text("满分", "Maximum"), "points": Text("计分", "Points"), "formula": Text("计算方法", "Worked out as"),
    "unit": Text("单位", "Unit"), "answer": Text("填写", "Answer"), "other": Text("其他情况", "otherwise"),
    "each": Text("每符合一项", "for each that holds"), "score": Text("评分", "Score"),
}
_TYPE_WORDS = {"bool": Text("是或否", "yes or no"), "int": Text("整数", "a whole number"), "number": Text("数字", "a number"),
               "money": Text("金额", "an amount"), "signed_money": Text("金额（亏损为负数）", "an amount (a loss is negative)"),
               "percent": Text("百分数", "a percentage"), "text": Text("文字", "text"),
               "choice": Text("所列选项之一", "one of the choices")}


def plain_show_text(rs: RuleSet, ident: str, lang: str, width: int) -> str:
    """A rule, a tier or a whole rule set as a finance manager reads it: titles, what is required with
    its unit, the source and how sure it is, the data it uses, by name. No ids, operators or paths:
    those are the rule author's (``show_text``, ``--detail``)."""
    zh = lang == "zh"
    sep = "：" if zh else ": "
    lines: list[tuple[str, str]] = []  # (indent, text), wrapped at the end

    def say(key: str, text: str, indent: str = "  ") -> None:
        lines.append((f"{indent}{_SAY[key].get(lang)}{sep}", text))

    joiner = "、" if zh else "; "
    if is_rule_set(rs, ident):
        lines.append(("", rs.title.get(lang)))
        until = rs.in_force_to.isoformat() if rs.in_force_to else None
        say("in_force", (f"{rs.in_force_from.isoformat()} 至 {until}" if until else f"{rs.in_force_from.isoformat()} 起")
            if zh else (f"{rs.in_force_from.isoformat()} to {until}" if until else f"from {rs.in_force_from.isoformat()}"))
        say("source", rs.source)
        shown: set[str] = set()
        for tier in rs.tiers.values():
            lines.append(("", ""))
            lines.append(("", tier.title.get(lang)))
            lines += _conditions(tier.criteria, rs, lang, "  ", shown)
        return _wrapped(lines, width)
    found = find(rs, ident)
    if found is None:
        raise InputError(f"no tier, criterion, score item, derived quantity or field {ident!r} in {rs.id}")
    kind, obj = found
    where = [t.title.get(lang) for t in rs.tiers.values()
             if kind == "criterion" and any(n is obj or (n.place() is not None and n.place() == obj.place())
                                            for n in t.criteria.walk())]
    lines.append(("", (obj.title if hasattr(obj, "title") else obj.label).get(lang)))
    say("set", rs.title.get(lang) + (f"{'，' if zh else ', '}{joiner.join(where)}" if where else ""))
    reads: set[str] = set()
    inputs = InputPaths(rs, None)
    if kind == "tier":
        lines += _conditions(obj.criteria, rs, lang, "  ")
    elif kind == "criterion":
        node: Node = obj
        if node.kind in ("all", "any"):
            lines += _conditions(node, rs, lang, "  ")
        else:
            say("need", _need(node, rs, lang))
        if node.kind != "score":
            reads = inputs.of_node(node)
        lines += _plain_provenance(node.source, node.confidence, node.evidence, node.note, lang)
    elif kind == "item":
        item: ScoreItem = obj
        say("max", _points(item.max, lang))
        for scale in item.scales:
            say("points", (scale.label.get(lang) if scale.label is not None else ""))
            lines.extend(("    ", _plain_band(b, scale.unit, lang, rs)) for b in scale.bands)
        if item.each:
            say("points", _SAY["each"].get(lang))
            lines.extend(("    ", _plain_band(b, None, lang, rs)) for b in item.each)
        reads = inputs.of_item(item)
        lines += _plain_provenance(item.source, item.confidence, item.evidence, item.note, lang)
    elif kind == "derived":
        if obj.formula is not None:
            say("formula", obj.formula.get(lang))
        if obj.unit:
            say("unit", obj.unit if zh else unit_text(obj.unit, lang).strip(" ()"))
        reads = inputs.of_expression(obj.expression, 0)
    elif kind == "field":
        f: FieldDef = obj
        answer = _TYPE_WORDS[f.type].get(lang)
        if f.type == "percent":  # the range the reader checks a share against: 0–100, or a rule file's own within it
            low, high = (fmt(b) for b in f.value_range())
            answer += f"（{low}–{high}）" if zh else f" ({low}–{high})"
        if f.unit:
            answer += f"{'，单位' if zh else ', in '}{f.unit if zh else unit_text(f.unit, lang).strip(' ()')}"
        if f.choices:
            answer += sep + joiner.join((f.choice_labels[c].get(lang) if c in f.choice_labels else c) for c in f.choices)
        say("answer", answer)
        helped = help_text(f, lang, date.today().year - 1)  # {year}: last year, as an application made today reads it
        if helped is not None:
            lines.append(("  ", helped))
    if reads:
        labels = {fd.path: fd.label.get(lang) for fd in rs.fields.values()}
        say("uses", joiner.join(dict.fromkeys(labels.get(p, p) for p in sorted(reads))))
    return _wrapped(lines, width)


def _conditions(group: Node, rs: RuleSet, lang: str, indent: str, shown: set[str] | None = None) -> list[tuple[str, str]]:
    """The parts of an all-of or any-of group, each by its title, a nested group's parts under it;
    ``shown``: the groups already spelt out (the gate every tier shares is listed once)."""
    zh = lang == "zh"
    shown = set() if shown is None else shown
    out = [(indent, _SAY[group.kind if group.kind in ("all", "any") else "all"].get(lang) + ("：" if zh else ":"))]
    for child in group.children:
        title = child.title.get(lang)
        # a title that says whom it is for already (……（复核不考核）) is not told again（仅新申请）
        said = ("复核", "新申请", "renewal", "new application") if child.applies in ("new", "renewal") else ()
        if not any(word in title.lower() for word in said):
            title += (_ZH_APPLIES if zh else _EN_APPLIES).get(child.applies, "").replace("，", "（", 1)
            if zh and child.applies in ("new", "renewal"):
                title += "）"
        if child.kind == "veto" and child.when_present == "manual_review":
            title += "（" + _need(child, rs, lang) + "）" if zh else f" ({_need(child, rs, lang)})"
        nested = child.kind in ("all", "any") and len(indent) < 6
        if nested and child.id in shown:
            title += "（同上）" if zh else " (as above)"
        elif nested and not ("其一" in title or "any one" in title.lower()):  # the title may say it already
            title += _SAY[f"{child.kind}_tail"].get(lang)
        elif nested:
            title += "：" if zh else ":"
        out.append((indent + "• ", title))
        if nested and child.id not in shown:
            shown.add(child.id)
            out += _conditions(child, rs, lang, indent + "    ", shown)[1:]
    return out


def _plain_band(b: Any, unit: str | None, lang: str, rs: RuleSet) -> str:
    """One line of a score table in words: 不低于 50%：5分 (its label when it has one)."""
    zh = lang == "zh"
    shown = (unit or "") if zh else unit_text(unit, lang, b.at_least if b.at_least is not None else b.at_most)
    if b.at_least is not None:
        cond = f"{OPS[lang]['>=']}{'' if zh else ' '}{_n(b.at_least)}{shown}"
    elif b.at_most is not None:
        cond = f"{OPS[lang]['<=']}{'' if zh else ' '}{_n(b.at_most)}{shown}"
    elif b.label is not None:
        cond = b.label.get(lang)
    elif b.when is not None:
        cond = when_words(b.when, rs, lang)
    else:
        cond = _SAY["other"].get(lang)
    if b.label is not None and cond != b.label.get(lang):
        cond += f"（{b.label.zh}）" if zh else f" ({b.label.en})"
    points = _points(b.points, lang)
    review = ("（由认定机关判断）" if zh else " (judged by the authority)") if b.review else ""
    return f"{cond}{'：' if zh else ': '}{points}{review}"


def _points(v: Decimal, lang: str) -> str:
    return f"{_n(v)}分" if lang == "zh" else f"{_n(v)} {plural(v, 'point', 'points')}"


def _plain_provenance(source: str | None, confidence: str | None, evidence: tuple[Text, ...], note: Text | None,
                      lang: str) -> list[tuple[str, str]]:
    """Where a rule comes from and how sure that is, in words (the tag's meaning, not the tag)."""
    sep = "：" if lang == "zh" else ": "
    out = []
    if source:
        out.append((f"  {_SAY['source'].get(lang)}{sep}", source))
    if confidence in CONFIDENCE:
        out.append((f"  {_SAY['sure'].get(lang)}{sep}", CONFIDENCE[confidence][lang]))
    if evidence:
        out.append((f"  {_SAY['evidence'].get(lang)}{sep}", ("；" if lang == "zh" else "; ").join(e.get(lang) for e in evidence)))
    if note is not None:
        out.append((f"  {_SAY['note'].get(lang)}{sep}", note.get(lang)))
    return out


def _wrapped(lines: list[tuple[str, str]], width: int) -> str:
    """Each line wrapped to ``width`` under its own text (the reports' line-break rule)."""
    out: list[str] = []
    for mark, text in lines:
        out.extend(hang(mark, text, width) if text or mark else [""])
    return "\n".join(line.rstrip() for line in out) + "\n"


def show_text(rs: RuleSet, ident: str, lang: str) -> str:
    """A rule as its author reads it: ids, kind, formula and operator, confidence tag, field paths."""
    if is_rule_set(rs, ident):
        lines = [f"{rs.id} — {rs.title.zh} / {rs.title.en}", f"  origin: {rs.origin}"]
        lines += [f"  {tid}: " + ", ".join(c.id for c in tier.criteria.children) for tid, tier in rs.tiers.items()]
        return "\n".join(lines) + "\n"
    found = find(rs, ident)
    if found is None:
        raise InputError(f"no tier, criterion, score item, derived quantity or field {ident!r} in {rs.id}")
    kind, obj = found
    zh = lang == "zh"
    lines = [f"{ident} — {rs.id} ({kind})"]
    if hasattr(obj, "title"):
        lines += [f"  zh: {obj.title.zh}", f"  en: {obj.title.en}"]
    elif hasattr(obj, "label"):
        lines += [f"  zh: {obj.label.zh}", f"  en: {obj.label.en}"]
    inputs = InputPaths(rs, None)
    reads: set[str] = set()
    if kind == "tier":
        lines.append(("  条件：" if zh else "  criteria: ") + ", ".join(c.id for c in obj.criteria.children))
        if obj.score_table:
            lines.append(("  评分表：" if zh else "  score table: ") + obj.score_table)
    elif kind == "criterion":
        node: Node = obj
        lines.append(f"  kind: {node.kind}" + (f"   applies: {node.applies}" if node.applies != "always" else ""))
        if node.kind == "check" and node.value is not None:
            lines.append(f"  {node.value.source} {_op_text(node.op, node.threshold)}" + (f" {node.unit}" if node.unit else ""))
        elif node.kind == "score":
            lines.append(f"  {node.table}{'.' + node.group if node.group else ''} {node.op} {node.threshold}")
        elif node.children:
            lines.append(("  子条件：" if zh else "  children: ") + ", ".join(c.id for c in node.children))
        if node.kind != "score":  # a score criterion reads its whole table: see the table's items
            reads = inputs.of_node(node)
        lines += _provenance(node.source, node.confidence, node.evidence, node.note, lang)
    elif kind == "item":
        item: ScoreItem = obj
        lines.append(f"  group: {item.group}   max: {item.max}")
        for scale in item.scales:
            if scale.value is not None:
                lines.append(f"  value: {scale.value.source}" + (f" ({scale.unit})" if scale.unit else ""))
            lines.extend("    " + _band_text(b, lang) for b in scale.bands)
        for b in item.each:
            lines.append("    each " + _band_text(b, lang))
        if item.points_from_value is not None:
            lines.append(f"  points = {item.points_from_value.source}")
        reads = inputs.of_item(item)
        lines += _provenance(item.source, item.confidence, item.evidence, item.note, lang)
    elif kind == "derived":
        lines.append(f"  = {obj.expression.source}")
        reads = inputs.of_expression(obj.expression, 0)
    elif kind == "field":
        lines.append(f"  path: {obj.path}   type: {obj.type}" + (f"   unit: {obj.unit}" if obj.unit else ""))
    if reads:
        lines.append(("  读取字段：" if zh else "  reads: ") + ", ".join(sorted(reads)))
    return "\n".join(lines) + "\n"


def _op_text(op: str | None, threshold: Any) -> str:
    if op == "between":
        return f"between {threshold[0]} and {threshold[1]}"
    if op == "in":
        return "in [" + ", ".join(str(t) for t in threshold) + "]"
    return f"{op} {str(threshold).lower() if isinstance(threshold, bool) else threshold}"


def _band_text(b: Any, lang: str) -> str:
    cond = (f"≥ {b.at_least}" if b.at_least is not None else f"≤ {b.at_most}" if b.at_most is not None
            else b.when.source if b.when is not None else ("其他" if lang == "zh" else "otherwise"))
    label = f"  ({b.label.get(lang)})" if b.label is not None else ""
    return f"{cond}: {b.points}{' [review]' if b.review else ''}{label}"


def _provenance(source: str | None, confidence: str | None, evidence: tuple[Text, ...], note: Text | None,
                lang: str) -> list[str]:
    zh = lang == "zh"
    out = [("  依据：" if zh else "  source: ") + (source or "-"), ("  可靠度：" if zh else "  confidence: ") + (confidence or "-")]
    if evidence:
        out.append(("  需准备材料：" if zh else "  evidence: ") + "; ".join(e.get(lang) for e in evidence))
    if note is not None:
        out.append(("  说明：" if zh else "  note: ") + note.get(lang))
    return out


# ---------------------------------------------------------------------------- diff


# How a criterion stands in its tier: required of every applicant, one condition of an alternative
# route (inside an any-of), or the band that picks a route (the same quantity sorts two or more
# routes, like the 2022 tier-3 revenue bands 1亿 / 5000万–1亿 / 5000万以下). A diff pairs criteria
# only within the same standing, so a band that moved into a minimum reads "band removed" and
# "new minimum", never "1亿 → 5000万".
REQUIRED, ROUTE, BAND = "required", "route", "band"


def _standing(tier: Node, chains: dict[str, tuple[Node, ...]] | None = None) -> dict[str, str]:
    """Each leaf's standing; in ``chains``, the groups a leaf sits in below the tier, outermost first
    (what ``_where`` names: the either-or, the route taken in it, the group of routes inside)."""
    out: dict[str, str] = {}

    def visit(node: Node, in_route: bool, chain: tuple[Node, ...]) -> None:
        bands: set[tuple[str, int | None]] = set()
        if node.kind == "any":
            seen: dict[tuple[str, int | None], int] = {}
            branches = [b for b in node.children if b.kind == "all"]
            for branch in branches:
                reads = {(r.name, r.offset) for c in branch.children if c.kind == "check" and c.value is not None
                         for r in c.value.refs}
                for ref in reads:
                    seen[ref] = seen.get(ref, 0) + 1
            # the quantity every route tests sorts the applicants between them: that is the band
            bands = {ref for ref, n in seen.items() if n == len(branches) >= 2}
        for child in node.children:
            if child.kind in ("all", "any"):
                if bands and child.kind == "all":
                    for c in child.children:
                        if c.kind == "check" and c.value is not None and {(r.name, r.offset) for r in c.value.refs} <= bands:
                            out.setdefault(c.id, BAND)
                visit(child, in_route or node.kind == "any", (*chain, child))
            else:
                out.setdefault(child.id, ROUTE if in_route or node.kind == "any" else REQUIRED)
                if chains is not None:
                    chains.setdefault(child.id, chain)

    visit(tier, False, ())
    return out


def _leaves(rs: RuleSet, chains: dict[tuple[str, str], tuple[Node, ...]] | None = None
            ) -> dict[str, list[tuple[Node, str]]]:
    """Leaf criteria per tier (each id once per tier), each with its standing; in ``chains`` by (tier, id),
    the groups it sits in."""
    out: dict[str, list[tuple[Node, str]]] = {}
    for tid, tier in rs.tiers.items():
        found: dict[str, tuple[Node, ...]] = {}
        standing = _standing(tier.criteria, found)
        if chains is not None:
            chains.update({(tid, cid): chain for cid, chain in found.items()})
        seen: dict[str, Node] = {}
        for node in tier.criteria.walk():
            if node.kind not in ("all", "any") and node is not tier.criteria:
                seen.setdefault(node.id, node)
        out[tid] = [(n, standing.get(n.id, REQUIRED)) for n in seen.values()]
    return out


_EITHER = ("（满足其一）", "（同时满足）", " (any one)", " (all)", " (either)")


def _bare(title: Text) -> Text:
    """A group's title without the 满足其一 it carries: the line says 之一 or 须全部满足 itself."""
    zh, en = title.zh, title.en
    for tail in _EITHER:
        zh, en = zh.removesuffix(tail), en.removesuffix(tail)
    return Text(zh, en)


def _where(chain: tuple[Node, ...]) -> Text | None:
    """Where a condition sits, in words, when it is not simply required: one of an either-or (之一), or a
    condition of the route taken in one (the 科技型 route of the 2026 tier 1; inside it, one of its
    直通条件). The diff said 新增可选条件：有效期内的高新技术企业 with no route, and a consultant read
    it as new to 创新型, where it had been a direct path since 2022. None: required of every applicant."""
    anys = [i for i, g in enumerate(chain) if g.kind == "any"]
    if not anys:
        return None
    first, last = anys[0], anys[-1]
    if first == len(chain) - 1:  # a leaf right under the either-or: one of its choices
        t = _bare(chain[first].title)
        return Text(f"可选条件（「{t.zh}」，满足其一即可）", f"choice of '{t.en}' (any one)")
    route = _bare(chain[first + 1].title)
    zh, en = f"可选途径「{route.zh}」中", f"the alternative route '{route.en}'"
    if len(route.zh) <= 8:  # 一般性条件, 直通条件: which either-or they are routes of (the 2022 tier-3 创新能力)
        outer = _bare(chain[first].title)
        zh, en = f"「{outer.zh}」的{zh}", f"{en} of '{outer.en}'"
    if last == first + 1 == len(chain) - 1:  # the route is itself a list of choices (直通条件)
        return Text(f"{zh.removesuffix('中')}之一", f"one of {en}")
    if last == len(chain) - 1 and last != first:  # one of a group of choices inside the route
        inner = _bare(chain[last].title)
        return Text(f"{zh}「{inner.zh}」之一", f"one of '{inner.en}' in {en}")
    if last != first:  # a condition of a route inside the route
        inner = _bare(chain[last + 1].title)
        return Text(f"{zh}「{inner.zh}」的条件", f"condition of '{inner.en}' in {en}")
    return Text(f"{zh}的条件", f"condition of {en}")


def _group(chain: tuple[Node, ...]) -> str:
    """The group a condition sits in, by the last part of its id (direct, ip, revenue): the same in both
    sets when only its wording or threshold changed."""
    return chain[-1].id.rsplit(".", 1)[-1] if chain else ""


def _applies(node: Node, chain: tuple[Node, ...]) -> str:
    """Whom a condition is for, its own or its group's: the renewal scores (本年度得分不低于50分) sit
    under a group that applies to renewals, and the diff listed them as if every applicant needed one."""
    for n in (node, *reversed(chain)):
        if n.applies != "always":
            return n.applies
    return "always"


def _key(node: Node, standing: str) -> str:
    """What a criterion measures and how it stands, whatever its id: the formula, the field, or the score table."""
    if node.kind == "check" and node.value is not None:
        return f"check:{node.value.source.replace(' ', '')}:{standing}"
    if node.kind in ("veto", "qualitative"):
        return f"{node.kind}:{node.field}"
    if node.kind == "score":
        return f"score:{node.table}:{node.group}"
    return f"{node.kind}:{node.id}"


@record
class DiffLine:
    """One criterion or score item that differs: where it sits (a tier or a score table), ids, what it checks."""

    section: str
    change: str  # added | removed | changed
    title: Text
    ids: str
    before: str | None
    after: str | None
    standing: str = REQUIRED
    where: Text | None = None  # where it sits when not required of everyone (_where), without the verb
    applies: str = "always"  # whom it is for, its group's when not its own
    old_title: Text | None = None  # a red line or qualitative criterion reworded: its words before
    moved_from: tuple[Text, Text | None] | None = None  # a condition now in another group: its title and place before
    provenance: tuple[tuple[str, str | None, str | None], ...] = ()  # ("source"|"confidence", before, after) that differ


PROVENANCE = "provenance"
"""The section of the criteria and score items whose requirement is the same and whose cited document or
confidence tag changed: an overlay citing the province's own notice for a national bar said "0 changed"."""


def _changed_provenance(old: Any, new: Any) -> tuple[tuple[str, str | None, str | None], ...]:
    """What changed of where a criterion or score item comes from, and how sure that is."""
    return tuple((what, getattr(old, what), getattr(new, what)) for what in ("source", "confidence")
                 if getattr(old, what) != getattr(new, what))


SHARED = "shared"  # the section of the conditions every tier shares (the gate), said once


def _worded(node: Node) -> str | None:
    """The words a red line or qualitative criterion is judged by: its title is the whole rule (the 2026
    red line names 较大生产安全事故 where 2022 named 重大…事故), so a new wording is a change."""
    return node.title.zh if node.kind in ("veto", "qualitative") else None


def _shared_ids(a: RuleSet, b: RuleSet) -> set[str]:
    """The criteria under a group every tier of both sets uses (the gate): a change there was listed
    once per tier, three times over."""
    groups = [{c.id for c in t.criteria.children if c.kind in ("all", "any")} for rs in (a, b) for t in rs.tiers.values()]
    common = set.intersection(*groups) if groups else set()
    return {n.id for rs in (a, b) for _, node in rs.all_nodes() if node.id in common for n in node.walk()}


def diff(a: RuleSet, b: RuleSet) -> list[DiffLine]:
    """Criterion by criterion per tier (matched by what they measure and how they stand, then by
    order), then score items per table (matched by id: an overlay that swaps one indicator shows here)."""
    out: list[DiffLine] = []
    provenance: list[DiffLine] = []
    ca: dict[tuple[str, str], tuple[Node, ...]] = {}
    cb: dict[tuple[str, str], tuple[Node, ...]] = {}
    la, lb = _leaves(a, ca), _leaves(b, cb)
    for tid in a.tiers:
        left: dict[str, list[tuple[Node, str]]] = {}
        for n, st in la.get(tid, []):
            left.setdefault(_key(n, st), []).append((n, st))
        for n, st in lb.get(tid, []):
            pool = left.get(_key(n, st))
            if pool:
                old, _ = pool.pop(0)
                was, now = ca.get((tid, old.id), ()), cb.get((tid, n.id), ())
                if (_where(was) or _where(now)) and _group(was) != _group(now):
                    # 2022's direct path 国家级科技奖励前三 is 2026's exemption from the IP condition: same test,
                    # another meaning; matched by what it tests alone, it was not said at all
                    out.append(DiffLine(tid, "changed", n.title, f"{old.id} → {n.id}", _threshold(old), _threshold(n), st,
                                        where=_where(now), applies=_applies(n, now),
                                        moved_from=(old.title, _where(was)), provenance=_changed_provenance(old, n)))
                    continue
                if (old.op, old.threshold, old.unit, old.applies, old.when_present) != \
                        (n.op, n.threshold, n.unit, n.applies, n.when_present) or _worded(old) != _worded(n):
                    out.append(DiffLine(tid, "changed", n.title, f"{old.id} → {n.id}", _threshold(old), _threshold(n), st,
                                        old_title=old.title if _worded(old) != _worded(n) else None,
                                        provenance=_changed_provenance(old, n)))
                elif _changed_provenance(old, n):
                    provenance.append(DiffLine(PROVENANCE, "provenance", n.title, f"{old.id} → {n.id}", None, None, st,
                                               provenance=_changed_provenance(old, n)))
            else:
                chain = cb.get((tid, n.id), ())
                out.append(DiffLine(tid, "added", n.title, n.id, None, _threshold(n), st, where=_where(chain),
                                    applies=_applies(n, chain)))
        for pool in left.values():
            out.extend(DiffLine(tid, "removed", n.title, n.id, _threshold(n), None, st,
                                where=_where(ca.get((tid, n.id), ())), applies=_applies(n, ca.get((tid, n.id), ())))
                       for n, st in pool)
    shared = _shared_ids(a, b)
    said: set[tuple[str, str]] = set()
    hoisted, rest = [], []
    for d in out:
        if any(i in shared for i in d.ids.split(" → ")):
            if (d.change, d.ids) not in said:
                said.add((d.change, d.ids))
                hoisted.append(DiffLine(SHARED, d.change, d.title, d.ids, d.before, d.after, d.standing,
                                        where=d.where, applies=d.applies, old_title=d.old_title,
                                        provenance=d.provenance))
        else:
            rest.append(d)
    out = hoisted + rest
    for table_id in dict.fromkeys([*a.scores, *b.scores]):
        old_items = {i.id: i for i in a.scores[table_id].items} if table_id in a.scores else {}
        new_items = {i.id: i for i in b.scores[table_id].items} if table_id in b.scores else {}
        section = f"scores.{table_id}"
        for iid, item in new_items.items():
            if iid not in old_items:
                out.append(DiffLine(section, "added", item.title, iid, None, _item_text(item)))
            elif _item_text(old_items[iid]) != _item_text(item):
                out.append(DiffLine(section, "changed", item.title, iid, _item_text(old_items[iid]), _item_text(item),
                                    provenance=_changed_provenance(old_items[iid], item)))
            elif _changed_provenance(old_items[iid], item):
                provenance.append(DiffLine(PROVENANCE, "provenance", item.title, iid, None, None,
                                           provenance=_changed_provenance(old_items[iid], item)))
        out.extend(DiffLine(section, "removed", item.title, iid, _item_text(item), None)
                   for iid, item in old_items.items() if iid not in new_items)
    # last, and each once: the gate's criteria are in every tier
    said_once: dict[tuple[str, str, tuple[tuple[str, str | None, str | None], ...]], DiffLine] = {}
    for d in provenance:
        said_once.setdefault((d.title.zh, d.ids, d.provenance), d)
    return out + list(said_once.values())


def _item_text(item: ScoreItem) -> str:
    """A score item in one line: its maximum and bands (what a diff compares)."""
    parts = [f"max {item.max}"]
    for scale in item.scales:
        value = f"{scale.value.source}: " if scale.value is not None else ""
        parts.append(value + ", ".join(_band_text(b, "en") for b in scale.bands))
    parts.extend(f"each {_band_text(b, 'en')}" for b in item.each)
    if item.points_from_value is not None:
        parts.append(f"points = {item.points_from_value.source}")
    return "; ".join(parts)


def diff_text(a: RuleSet, b: RuleSet, lang: str) -> str:
    """The diff for people: in Chinese by titles and requirements in words, in English with the ids."""
    if lang == "zh":
        return _diff_zh(a, b)

    def name(rs: RuleSet) -> str:
        return rs.id + (f" + {rs.round}" if rs.round else "")

    lines = [f"{name(a)} → {name(b)} (in force from {b.in_force_from})", *_in_force_change(a, b, "en")]
    words = {("added", REQUIRED): "new minimum", ("removed", REQUIRED): "requirement removed",
             ("added", ROUTE): "new alternative", ("removed", ROUTE): "alternative removed",
             ("added", BAND): "new band", ("removed", BAND): "band removed"}
    counts: Counter[str] = Counter()
    for head, d in _by_section(a, b, "en"):
        lines += head
        counts[d.change] += 1
        if d.change == "provenance":
            lines.append(f"  {d.title.en}  [{d.ids}]")
            lines += _provenance_lines(d, "en")
            continue
        if d.change == "changed":
            word = "changed"
        elif d.section.startswith("scores."):
            word = d.change
        else:
            word = words[(d.change, d.standing)]
        if d.change == "changed":
            lines.append(f"  {word}: {d.title.en}  [{d.ids}]")
            if d.moved_from is not None:
                lines.append(f"      now: {d.where.en if d.where else 'a minimum'}")
                lines.append(f"      was: {d.moved_from[1].en if d.moved_from[1] else 'a minimum'}: {d.moved_from[0].en}")
            if d.old_title is not None:
                lines.append(f"      worded before: {d.old_title.en}")
            if d.before != d.after:
                lines.append(f"      {d.before} → {d.after}")
            lines += _provenance_lines(d, "en")
        else:
            shown = d.after or d.before
            if d.where is not None and d.standing != BAND:  # a band says which route it picks itself
                word = ("new, " if d.change == "added" else "removed, ") + d.where.en
            if d.applies != "always" and not (shown or "").endswith(_EN_APPLIES[d.applies]):  # its group's
                shown = (shown or "") + _EN_APPLIES[d.applies]
            lines.append(f"  {word}: {d.title.en}  [{d.ids}]" + (f"  ({shown})" if shown else ""))
    lines.append("")
    lines.append(_totals(counts, "en"))
    return "\n".join(lines) + "\n"


def _provenance_lines(d: DiffLine, lang: str) -> list[str]:
    """A criterion's or score item's new source and confidence, in words (the tag's meaning, as ``rules
    show`` says it), under its line of the diff."""
    out = []
    for what, before, after in d.provenance:
        if what == "confidence":
            before, after = (CONFIDENCE[t][lang] if t in CONFIDENCE else t for t in (before, after))
        was, now = (t or ("未写" if lang == "zh" else "none") for t in (before, after))
        if lang == "zh":
            out.append(f"      {_SAY['source' if what == 'source' else 'sure'].zh}由「{was}」改为「{now}」")
        else:
            out.append(f"      {what}: {was} → {now}")
    return out


def _totals(counts: Counter[str], lang: str) -> str:
    """The diff's last line; criteria whose source or confidence alone changed are counted apart from
    the changed requirements, which they are not."""
    if lang == "zh":
        also = f"；另有 {counts['provenance']} 项仅依据或可靠度有变化" if counts["provenance"] else ""
        return f"共 {counts['added']} 项新增、{counts['removed']} 项删除、{counts['changed']} 项修改{also}"
    also = f"; {counts['provenance']} with only their source or confidence changed" if counts["provenance"] else ""
    return f"{counts['added']} added, {counts['removed']} removed, {counts['changed']} changed{also}"


def _in_force(rs: RuleSet, lang: str) -> str:
    until = rs.in_force_to.isoformat() if rs.in_force_to else None
    if lang == "zh":
        return f"{rs.in_force_from.isoformat()} 至 {until}" if until else f"{rs.in_force_from.isoformat()} 起"
    return f"{rs.in_force_from.isoformat()} to {until}" if until else f"from {rs.in_force_from.isoformat()}"


def _in_force_change(a: RuleSet, b: RuleSet, lang: str) -> list[str]:
    """The days in force, when they changed: which applications a set judges. A version that moved them
    and nothing else was "0 added, 0 removed, 0 changed", its new last day said nowhere."""
    if (a.in_force_from, a.in_force_to) == (b.in_force_from, b.in_force_to):
        return []
    if lang == "zh":
        return [f"施行期间由「{_in_force(a, lang)}」改为「{_in_force(b, lang)}」"]
    return [f"in force: {_in_force(a, lang)} → {_in_force(b, lang)}"]


def _by_section(a: RuleSet, b: RuleSet, lang: str) -> Iterator[tuple[list[str], DiffLine]]:
    """Each difference with the lines to print before it: a blank line and its heading when the section changes."""
    current = None
    for d in diff(a, b):
        head = [] if d.section == current else ["", _heading(a, b, d.section, lang)]
        current = d.section
        yield head, d


def _heading(a: RuleSet, b: RuleSet, section: str, lang: str) -> str:
    """A tier or score table of the diff: by its title (in English with its id, as authors type it)."""
    zh = lang == "zh"
    if section == SHARED:
        return "各层级共用的参评基本条件" if zh else "Who may be assessed at all (every tier)"
    if section == PROVENANCE:
        return "依据或可靠度有变化（要求未变）" if zh else "Source or confidence changed (requirement unchanged)"
    if section in b.tiers:
        title = b.tiers[section].title.get(lang)
        return title if zh else f"{title} ({section})"
    table = section.removeprefix("scores.")
    title = (b.scores.get(table) or a.scores[table]).title.get(lang)
    return f"评分表：{title}" if zh else f"Score table {title} ({table})"


_ZH_WORDS = {("added", REQUIRED): "新增最低要求", ("removed", REQUIRED): "删除要求",
             ("added", ROUTE): "新增可选条件", ("removed", ROUTE): "删除可选条件",
             ("added", BAND): "新增分档", ("removed", BAND): "删除分档"}
_ZH_APPLIES = {"always": "", "new": "，仅新申请", "renewal": "，仅复核"}


def _diff_zh(a: RuleSet, b: RuleSet) -> str:
    """The diff in Chinese: rule sets, tiers and score tables by their titles, each requirement in words
    (不低于3年, 为「省级」或「国家级」), no ids, formulas or choice ids."""

    def name(rs: RuleSet) -> str:
        return rs.title.zh + (f"（含{rs.round}）" if rs.round else "")

    # an id both sets use (gate.tax_violation) is two rules: each side is read from its own set; an id
    # two tiers use for different rules, each tier's own (a lab criterion added to 专精特新 under the id of
    # 小巨人's main-business share was said to require 不低于90%)
    old_nodes = _by_tier(a)
    nodes = _by_tier(b)
    old_items = {(t, i.id): i for t, table in a.scores.items() for i in table.items}
    new_items = {(t, i.id): i for t, table in b.scores.items() for i in table.items}
    lines = [f"{name(a)} → {name(b)}（{b.in_force_from} 起施行）", *_in_force_change(a, b, "zh")]
    counts: Counter[str] = Counter()
    for head, d in _by_section(a, b, "zh"):
        lines += head
        counts[d.change] += 1
        if d.change == "provenance":
            lines.append(f"  {d.title.zh}")
            lines += _provenance_lines(d, "zh")
            continue
        if d.section.startswith("scores."):
            key = (d.section.removeprefix("scores."), d.ids)
            if d.change == "changed":
                before, after = old_items[key], new_items[key]
                how = f"满分{_n(before.max)}分 → {_n(after.max)}分" if before.max != after.max else "分档有变化"
                lines.append(f"  修改：{d.title.zh}（{how}）")
                was, now = _bands_zh(before, a), _bands_zh(after, b)
                if was != now:
                    lines.append(f"      分档由「{was}」改为「{now}」")
                lines += _provenance_lines(d, "zh")
            else:
                item = new_items[key] if d.change == "added" else old_items[key]
                lines.append(f"  {'新增' if d.change == 'added' else '删除'}：{d.title.zh}（满分{_n(item.max)}分）")
            continue
        if d.change == "changed":
            old_id, new_id = d.ids.split(" → ")
            lines.append(f"  修改：{d.title.zh}")
            if d.moved_from is not None:
                before_title, before_where = d.moved_from
                lines.append(f"      现为{d.where.zh if d.where else '最低要求'}")
                lines.append(f"      原为{before_where.zh if before_where else '最低要求'}：{before_title.zh}")
            if d.old_title is not None:
                lines.append(f"      原为「{d.old_title.zh}」")
            old_node, new_node = old_nodes(d.section, old_id), nodes(d.section, new_id)
            was, now = _need(*old_node, 'zh'), _need(*new_node, 'zh')
            if was != now:
                lines.append(f"      要求由「{was}」改为「{now}」")
                note = new_node[0].note
                if new_node[0].when_present != old_node[0].when_present and note is not None:
                    lines.append(f"      说明：{note.zh}")  # why a red line stopped being one
            lines += _provenance_lines(d, "zh")
        else:
            word = _ZH_WORDS[(d.change, d.standing)] if d.where is None or d.standing == BAND else \
                f"{'新增' if d.change == 'added' else '删除'}{d.where.zh}"
            need = _need(*(nodes if d.change == 'added' else old_nodes)(d.section, d.ids), 'zh', d.applies)
            lines.append(f"  {word}：{d.title.zh}（{need}）")
    lines.append("")
    lines.append(_totals(counts, "zh"))
    return "\n".join(lines) + "\n"


def _n(v: Any) -> str:
    return fmt(v, lang="zh")


def _bands_zh(item: ScoreItem, rs: RuleSet) -> str:
    """A score item's bands in words, as ``rules show`` says them: the Chinese diff said only 分档有变化
    where the English one gave both scales, so a province's 80% → 85% bar was not said."""
    parts = [(f"{scale.label.zh}：" if scale.label is not None and len(item.scales) > 1 else "")
             + "，".join(_plain_band(band, scale.unit, "zh", rs) for band in scale.bands) for scale in item.scales]
    if item.each:
        parts.append("每项" + "，".join(_plain_band(band, None, "zh", rs) for band in item.each))
    if item.points_from_value is not None:
        parts.append("按所填得分计入")
    return "；".join(parts)


def _by_tier(rs: RuleSet) -> Callable[[str, str], tuple[Node, RuleSet]]:
    """A criterion of ``rs`` by its diff section (a tier, or the section of those every tier shares) and
    id: the tier's own where it has one, else the first tier's."""
    own = {(t, n.id): (n, rs) for t, n in rs.all_nodes()}
    first: dict[str, tuple[Node, RuleSet]] = {}
    for (_, cid), found in own.items():
        first.setdefault(cid, found)
    return lambda section, cid: own.get((section, cid)) or first[cid]


_EN_APPLIES = {"always": "", "new": " (new applications only)", "renewal": " (renewals only)"}


def _need(node: Node, rs: RuleSet, lang: str, applies_to: str | None = None) -> str:
    """What a criterion requires, in words: 不低于3年, 在1–3之间, 为「省级」或「国家级」, 一票否决;
    ``applies_to``: whom it is for when its group says so (仅复核)."""
    zh = lang == "zh"
    applies = (_ZH_APPLIES if zh else _EN_APPLIES).get(applies_to or node.applies, "")
    if node.kind == "veto" and node.when_present == "manual_review":
        # the 2026 偷漏税 line: shown as 一票否决 above a note saying 本工具不作一票否决 (criteria.md §2)
        return ("如存在，不作一票否决，由认定机关判断" if zh else "if it exists, not a veto: the authority decides") + applies
    if node.kind == "veto":
        return ("一票否决" if zh else "a red line: if it exists, the title is out of reach") + applies
    if node.kind == "qualitative":
        return ("定性条件，由认定机关判断" if zh else "qualitative: the authority judges it") + applies
    if node.kind == "score":
        if zh:
            return f"得分{OPS['zh'].get(node.op or '>=', '')}{_n(node.threshold)}分{applies}"
        return f"a score {OPS['en'].get(node.op or '>=', '')} {_points(node.threshold, 'en')}{applies}"
    if node.kind != "check":
        return (node.title.get(lang) if node.title else node.kind) + applies
    unit = (node.unit or "") if zh else unit_text(node.unit, lang, node.threshold)
    if node.op == "between" and isinstance(node.threshold, tuple | list):
        lo, hi = node.threshold
        return f"在{_n(lo)}–{_n(hi)}{unit}之间{applies}" if zh else f"between {_n(lo)} and {_n(hi)}{unit}{applies}"
    refs = list(node.value.refs) if node.value is not None else []
    f = rs.fields.get(refs[0].name) if len(refs) == 1 else None

    def label(choice: Any) -> str:
        named = f.choice_labels[choice].get(lang) if f is not None and choice in f.choice_labels else choice
        return f"「{named}」" if zh else f"'{named}'"

    if node.op == "in" and isinstance(node.threshold, tuple | list):
        if zh:
            return "为" + "或".join(label(t) for t in node.threshold) + applies
        return "one of " + " or ".join(label(t) for t in node.threshold) + applies
    space = "" if zh else " "
    if isinstance(node.threshold, str):
        return f"{OPS[lang].get(node.op or '', '')}{space}{label(node.threshold)}".strip() + applies
    if isinstance(node.threshold, bool) and (f is None or f.type != "bool"):
        # a test of several answers (an award rank of 1–3 at either level) read 答「是」 where nothing is
        # answered yes: name the answers it is judged from, as the 用到的数据 of rules show does
        names = list(dict.fromkeys(r.name for r in refs))
        # each answer by its label, less the note on how to fill it in (（0为未获奖）)
        labels = [re.sub(r"（[^（）]*）$| \([^()]*\)$", "", rs.fields[name].label.get(lang)) for name in names
                  if name in rs.fields]
        if len(labels) == len(names) and all(rs.fields[name].type == "bool" for name in names) and \
                re.fullmatch(r"\w+( or \w+)+", node.value.source if node.value is not None else ""):
            if zh:
                return "「" + "」或「".join(labels) + "」任一答「是」" + applies
            return "yes to any of: " + "; ".join(labels) + applies
        if labels and node.threshold:
            if zh:
                return "按所填的" + "、".join(labels) + "判断" + applies
            return "judged from: " + "; ".join(labels) + applies
    if isinstance(node.threshold, bool):
        # a yes/no question answered yes: "须满足" beside 新增可选条件 read as "optional, yet must be met"
        if zh:
            return ("答「是」" if node.threshold else "须不存在") + applies
        return ("answered yes" if node.threshold else "must not exist") + applies
    return f"{OPS[lang].get(node.op or '', '')}{space}{_n(node.threshold)}{unit}".strip() + applies


_APPLIES_TEXT = {"always": "", "new": " (new applications only)", "renewal": " (renewals only)"}


def _threshold(node: Node) -> str:
    if node.kind == "check" and node.value is not None:
        return (f"{node.value.source} {_op_text(node.op, node.threshold)}" + (f" {node.unit}" if node.unit else "")
                + _APPLIES_TEXT[node.applies])
    if node.kind == "score":
        return f"score {node.op} {node.threshold}"
    if node.kind == "veto" and node.when_present == "manual_review":
        return "veto, when present: the authority decides"
    return node.kind


# ---------------------------------------------------------------------------- test


@record(frozen=True)
class Failure:
    """A rule test that failed: where (a case as ``file:line name``, or the rule's id, as the author
    wrote them) and what, a catalog kind with its values, said in the language of the run. A failure
    was an English sentence, printed so under --lang zh."""

    where: str
    kind: str
    params: dict[str, object]

    def said(self, lang: str) -> str:
        """``where: what``, the place as ``rules validate`` gives one, the explanation in ``lang``."""
        return f"{self.where}: {say(self.kind, lang, self.params)}"


@record
class Outcome:
    rules_id: str
    cases: int = 0
    generated: int = 0
    failures: list[Failure] = field(default_factory=list)


def _as_written(value: object, words: Mapping[Any, Mapping[str, str]] | None = None) -> Text:
    """A value of a test's result or expectation as the tests file writes it (met, small, null), with
    its Chinese words beside it (满足（met）); English keeps what rules test always printed (None)."""
    if value is None:
        return Text("无（null）" if words is None or None not in words else f"{words[None]['zh']}（null）", "None")
    said = (words or {}).get(value)
    return Text(f"{said['zh']}（{value}）" if said is not None else str(value), str(value))


def holds(value: bool | None) -> Text:
    """Whether a generated boundary case's condition holds, in words (English True / False, as it was)."""
    return Text("成立" if value else "无法判定" if value is None else "不成立", str(value))


_RULE_SUFFIXES = (".yaml", ".yml", ".json")
"""What a rule file's name may end with (--rules reads any of them): its tests file is NAME.tests.yaml
whatever it ends with. my.yml looked for my.yml.tests.yaml, so my.tests.yaml beside it was never run
and ``rules test my.yml`` said "0 cases: all passed", exit 0, however its cases failed."""


TESTS_SUFFIXES = (TESTS_SUFFIX, ".tests.yml")
"""What a cases file's name may end with: an author who saves my.yml saves my.tests.yml beside it, which
``rules test my.yml`` passed over ("0 cases: all passed", exit 0, however its cases failed) and
``rules test FOLDER`` read as a rule file ("unknown key 'cases'")."""


def is_tests_file(name: str) -> bool:
    return name.endswith(TESTS_SUFFIXES)


def tests_file_for(rule_path: Path) -> Path:
    """NAME.tests.yaml beside the rule file, or NAME.tests.yml where only that one is there."""
    name = rule_path.name
    stem = name[: -len(suffix)] if (suffix := rule_path.suffix).lower() in _RULE_SUFFIXES else name
    found = rule_path.with_name(stem + TESTS_SUFFIX)
    other = rule_path.with_name(stem + TESTS_SUFFIXES[1])
    return other if not found.is_file() and other.is_file() else found


def _rule_file_of(tests_file: Path) -> Path:
    """The rule file a NAME.tests.yaml (or .tests.yml) tests: NAME.yaml, else the NAME.yml or NAME.json beside it."""
    stem = next(tests_file.name.removesuffix(s) for s in TESTS_SUFFIXES if tests_file.name.endswith(s))
    beside = (tests_file.with_name(stem + suffix) for suffix in _RULE_SUFFIXES)
    return next((p for p in beside if p.is_file()), tests_file.with_name(stem + ".yaml"))


def run_tests(rule_ref: str, *, allow_outside: bool = False) -> Outcome:
    """The YAML cases beside the rule set, then the generated boundary cases; or the calendar's cases.
    ``allow_outside``: the set's ``extends:`` may read a file outside its folder (--allow-outside)."""
    from littlegiant.load.rules import resolve_rules_arg

    if rule_ref == CALENDAR_ID or Path(rule_ref).name == CALENDAR_FILE or is_calendar_file(Path(rule_ref)):
        return run_calendar_tests(Path(rule_ref) if rule_ref != CALENDAR_ID else builtin_dir() / CALENDAR_FILE)
    path = resolve_rules_arg(rule_ref)
    rs = load(rule_ref, check_terms=True, allow_outside=allow_outside)
    outcome = Outcome(rs.id if rs.round is None else f"{rs.id} + {rs.round}")
    cases_file = tests_file_for(path)
    if cases_file.is_file():
        _run_cases(rs, cases_file, outcome)
    _boundaries(rs, outcome)
    return outcome


CALENDAR_ID = "calendar"
_CASE_KEYS = ("name", "as_of", "renewal", "profile", "expect")
_EXPECT_KEYS = ("sme", "tiers", "scores", "criteria")
_CALENDAR_EXPECT_KEYS = ("rule_set", "round", *_EXPECT_KEYS)


def _near_key(unknown: set[Any], allowed: tuple[str, ...]) -> str | None:
    """The key meant by the one unknown key of a case (profle, exepct, tier), as a rule file's keys are
    told theirs: a cases file's slip was listed with every key allowed and the author left to spot it."""
    from littlegiant.messages import nearest

    return nearest(next(iter(unknown)), allowed) if len(unknown) == 1 else None


def _expect_error(expect: Any, allowed: tuple[str, ...], where: str, line: int | None) -> InputError:
    """An ``expect`` that is no mapping of ``allowed`` keys, or checks nothing; a slip of one key named."""
    near = _near_key(set(expect) - set(allowed), allowed) if isinstance(expect, dict) else None
    if near is not None:
        bad = next(iter(set(expect) - set(allowed)))
        return InputError(kind="rules.expect_keys_near", params={"keys": Choices(allowed), "unknown": Choices((str(bad),)),
                                                                 "near": near}, file=where, line=line, field="expect")
    return InputError(kind="rules.expect_keys", params={"keys": Choices(allowed)}, file=where, line=line, field="expect")


def _cases(file: Path) -> list[tuple[dict[str, Any], int | None, date, str | None]]:
    """The cases of a ``.tests.yaml`` file, each with its line, date and the title renewed (if any)."""
    data = read_rule_data(file)
    where = str(file)
    # a format 2 file would be read by the rules of 1, its cases judged wrongly (format: true equals 1 in Python)
    if not isinstance(data, dict) or set(data) - {"format", "cases"} or not isinstance(data.get("cases"), list) \
            or type(data.get("format")) is not int or data["format"] != 1:
        raise InputError(kind="rules.cases_top", file=where)
    out = []
    for i, case in enumerate(data["cases"]):
        line = line_of(data["cases"], i)
        if not isinstance(case, dict):
            raise InputError(kind="rules.case_mapping", file=where, line=line)
        unknown = set(case) - set(_CASE_KEYS)
        if unknown or "name" not in case or "expect" not in case:
            near = _near_key(unknown, _CASE_KEYS)
            raise InputError(kind=("rules.case_keys_near" if near else "rules.case_keys_unknown") if unknown
                             else "rules.case_keys",
                             params={"keys": Choices(_CASE_KEYS), "unknown": Choices(tuple(sorted(map(str, unknown)))),
                                     "near": near}, file=where, line=line)
        try:
            as_of = iso_date(case.get("as_of"))  # the rule files' and the calendar's own reader: no 20270101
        except ValueError:
            raise InputError(kind="rule.date", params={"got": Got(case.get("as_of"))}, file=where,
                             line=line_of(case, "as_of") or line, field="as_of") from None
        renewal = case.get("renewal")
        if renewal is not None and renewal not in RENEWABLE:
            raise InputError(kind="rule.choice", params={"allowed": Choices(RENEWABLE), "value": quoted(renewal),
                                                         "hint": ""}, file=where, line=line, field="renewal")
        out.append((case, line, as_of, renewal))
    return out


def _checks_nothing(expect: dict[str, Any]) -> bool:
    """Whether an ``expect`` holds no expectation (``{}``, ``tiers: {}``): such a case passed whatever
    the rules gave, counted among the cases that pass. A size, set or round written, even null, is one."""
    return not any(k in expect for k in ("sme", "rule_set", "round")) and \
        not any(expect.get(k) for k in ("tiers", "scores", "criteria"))


def _run_cases(rs: RuleSet, file: Path, outcome: Outcome) -> None:
    for case, line, as_of, renewal in _cases(file):
        if "profile" not in case:
            raise InputError(kind="rules.case_profile", file=str(file), line=line)
        prof = from_data(case["profile"], rs, str(file))
        result = engine.evaluate(rs, prof, as_of, renewal)
        expect = case["expect"]
        if not isinstance(expect, dict) or set(expect) - set(_EXPECT_KEYS) or _checks_nothing(expect):
            raise _expect_error(expect, _EXPECT_KEYS, str(file), line)
        _expect_names(rs, result, expect, str(file), line)
        outcome.cases += 1
        _check_expect(result, expect, f"{file.name}:{line} {case['name']}", outcome)


def run_calendar_tests(calendar_file: Path) -> Outcome:
    """The cases beside the calendar: the set and round chosen on a date, and, with a profile, the verdicts."""
    from littlegiant.load.rulecalendar import load_calendar

    outcome = Outcome(CALENDAR_ID)
    cases_file = tests_file_for(calendar_file)  # a copy saved as my-calendar.yml has my-calendar.tests.yaml
    if not cases_file.is_file():
        return outcome
    # the calendar given, not the shipped one: `rules test copy/calendar.yaml` of an edited copy tested the
    # shipped calendar and said "all passed" whatever the copy held
    cal = load_calendar(calendar_file)

    def choose(as_of: date, renewal: str | None) -> tuple[str, Choice]:
        """The set by its id (a copy beside the calendar may not carry a built-in id), a round by its file
        beside the calendar: the shipped one where the two are the same (a copy is refused its built-in id)."""
        choice = cal.choose(as_of, renewal)
        ref = cal.rule_ref(choice, calendar_file.parent)
        if ref != choice.rule_set:
            shipped = builtin_dir() / Path(ref).relative_to(calendar_file.parent)
            if shipped.is_file() and shipped.read_bytes() == Path(ref).read_bytes():
                ref = str(shipped)
        return ref, choice
    for case, line, as_of, renewal in _cases(cases_file):
        expect = case["expect"]
        if not isinstance(expect, dict) or set(expect) - set(_CALENDAR_EXPECT_KEYS) or _checks_nothing(expect):
            raise _expect_error(expect, _CALENDAR_EXPECT_KEYS, str(cases_file), line)
        name = f"{cases_file.name}:{line} {case['name']}"
        ref, choice = choose(as_of, renewal)
        outcome.cases += 1
        if "rule_set" in expect and expect["rule_set"] != choice.rule_set:
            outcome.failures.append(Failure(name, "rules.fail_rule_set", {
                "got": _as_written(choice.rule_set), "want": _as_written(expect["rule_set"])}))
        got_round = choice.round.ref if choice.round else None
        if "round" in expect and expect["round"] != got_round:
            outcome.failures.append(Failure(name, "rules.fail_round", {
                "got": _as_written(got_round), "want": _as_written(expect["round"])}))
        if "profile" in case:
            rs = load(ref)
            prof = from_data(case["profile"], rs, str(cases_file))
            result = engine.evaluate(rs, prof, as_of, renewal, choice)
            _expect_names(rs, result, expect, str(cases_file), line)
            _check_expect(result, expect, name, outcome)
    return outcome


def _expect_names(rs: RuleSet, result: Result, expect: dict[str, Any], file: str, line: int | None) -> None:
    """Refuse an ``expect`` that names what no result can hold: a tier or criterion id the rule set
    lacks, a status or size that is none, a score that is no number. Such a case is a mistake in the
    tests file, not a rule that fails it: reported as a failed case (exit 1) it sent the author
    looking at the rules, and a criterion misspelt in every case "failed" forever."""
    def bad(key: str, kind: str, **params: object) -> InputError:
        return InputError(kind=kind, params=params, file=file, line=line, field=f"expect: {key}")

    def named(an_id: object) -> Text:  # the id an expectation is of, before what is wrong with it
        return Text(f"{an_id}：", f"{an_id}: ")

    statuses, null = Choices(tuple(STATUS)), Text("，或 null", " or null")
    if "sme" in expect and expect["sme"] not in SIZE:
        raise bad("sme", "rules.expect_choice", id="", allowed=Choices(tuple(s for s in SIZE if s)), null=null,
                  value=quoted(expect["sme"]))
    for key in ("tiers", "scores", "criteria"):
        if not isinstance(expect.get(key) or {}, dict):
            raise bad(key, "rules.expect_ids")
    for key in ("tiers", "scores"):
        for tid in expect.get(key) or {}:
            if tid not in result.tiers:
                raise bad(key, "rules.expect_no_tier", rules=rs.id, tier=quoted(tid), allowed=Choices(tuple(result.tiers)))
    for tid, status in (expect.get("tiers") or {}).items():
        if status not in STATUS:
            raise bad("tiers", "rules.expect_choice", id=named(tid), allowed=statuses, null="", value=quoted(status))
    for tid, score in (expect.get("scores") or {}).items():
        if not _score_written(score):
            raise bad("scores", "rules.expect_number", id=named(tid), value=quoted(score))
    for cid, status in (expect.get("criteria") or {}).items():
        found = result.find(str(cid))  # null may name a criterion of another set: the calendar's cases do
        if not found and status is not None and find(rs, str(cid).rpartition(":")[2]) is None:
            raise bad("criteria", "rules.expect_no_criterion", rules=rs.id, criterion=quoted(cid))
        if len(found) > 1:
            raise bad("criteria", "rules.expect_shared", criterion=quoted(cid), count=len(found), id=str(cid),
                      tiers=Choices(tuple(t.id for t, _ in found)))
        if status is not None and status not in STATUS:  # null: the criterion is not judged at all
            raise bad("criteria", "rules.expect_choice", id=named(cid), allowed=statuses, null=null,
                      value=quoted(status))


def _score_written(score: Any) -> bool:
    """Whether an expected score is a number, or [low, high]: the range a score with answers missing
    takes (77–92), which no number could expect."""
    if isinstance(score, list):
        # each end a number: [[80, 85], 95] was an internal error (a list read as a Decimal)
        return len(score) == 2 and all(not isinstance(s, list) and _score_written(s) for s in score) \
            and Decimal(str(score[0])) <= Decimal(str(score[1]))
    return not isinstance(score, bool) and _numeric(score)


def _score_range(low: Any, high: Any) -> Text:
    return Text(f"{_as_written(low).zh}–{_as_written(high).zh}", f"{low}–{high}")


def _numeric(value: Any) -> bool:
    """Whether ``value`` reads as a finite Decimal (a score written 85, 85.5 or "85")."""
    try:
        return Decimal(str(value)).is_finite()
    except ArithmeticError:
        return False


_NOT_JUDGED: dict[Any, dict[str, str]] = {None: {"zh": "未评判"}}
"""A criterion expected or found null: not judged at all (a renewal clause waives it)."""


def _check_expect(result: Result, expect: dict[str, Any], name: str, outcome: Outcome) -> None:
    def failed(kind: str, **params: object) -> None:
        outcome.failures.append(Failure(name, kind, params))

    if "sme" in expect and expect["sme"] != result.sme_size:
        failed("rules.fail_sme", got=_as_written(result.sme_size, SIZE), want=_as_written(expect["sme"], SIZE))
    for tid, status in (expect.get("tiers") or {}).items():
        got = result.tiers[tid].status if tid in result.tiers else None
        if got != status:
            failed("rules.fail_tier", tier=str(tid), got=_as_written(got, STATUS), want=_as_written(status, STATUS))
    for tid, score in (expect.get("scores") or {}).items():
        tier = result.tiers.get(tid)
        got_score = tier.score if tier is not None else None
        # a score with answers missing is a range, said as one: "scores None, expected 85" hid the 77–92
        low, high = (got_score, got_score) if got_score is not None or tier is None else (tier.score_min, tier.score_max)
        want_low, want_high = (score if isinstance(score, list) else [score, score])
        # a range expected is a score left open by answers missing: "scores 90, expected 80–95" read as met
        wanted = Text(f"得分范围 {_score_range(*score).zh}（有数据缺失）", f"a range {_score_range(*score).en} (answers missing)") \
            if isinstance(score, list) else _as_written(score)
        if tier is not None and low is None and high is None:  # 'scores None' said nothing of why
            failed("rules.fail_no_score", tier=str(tid), want=wanted)
        elif low is None or high is None or (Decimal(str(want_low)), Decimal(str(want_high))) != (low, high):
            if low == high and isinstance(score, list):
                # "scores 75, expected a range 70–80" read as met: a range is what missing answers leave, and
                # none is missing here
                failed("rules.fail_score_exact", tier=str(tid), got=_as_written(low), want=_score_range(*score))
                continue
            said = Text(f"得分范围 {_score_range(low, high).zh}（有数据缺失）", f"the range {_score_range(low, high).en} "
                        "(answers missing)") if low != high else _as_written(low)
            failed("rules.fail_score", tier=str(tid), got=said, want=wanted)
    for cid, status in (expect.get("criteria") or {}).items():
        found = result.find(cid)  # ID, or TIER:ID where tiers reuse an id
        got = found[0][1].status if len(found) == 1 else None
        if got != status:
            failed("rules.fail_criterion", criterion=str(cid), got=_as_written(got, {**STATUS, **_NOT_JUDGED}),
                   want=_as_written(status, {**STATUS, **_NOT_JUDGED}))


# words of a Chinese threshold and the operators they allow (docs/criteria.md §3)
_WORDING = (
    ("不低于", (">=", "between")), ("不少于", (">=", "between")), ("不高于", ("<=",)), ("不超过", ("<=",)),
    ("超过", (">",)), ("不满", ("<",)), ("低于", ("<",)), ("以上", (">=", "between")), ("达到", (">=", "between")),
)


def _expected_ops(title: str) -> tuple[str, ...] | None:
    for word, ops in _WORDING:
        if word in title:
            return ops
    return None


_TITLE_NUMBER = lazyre.compile(r"((?:(?<![0-9])-)?(?:[0-9]{1,3}(?:[, \u00a0\u202f][0-9]{3})+|[0-9]+)(?:\.[0-9]+)?)\s*(亿|千万|百万)?(年)?")
_TITLE_SCALE = {"亿": 10000, "千万": 1000, "百万": 100, None: 1}
"""What a title's amount is in 万元, the unit of every amount: 1亿元 is 10000, 5千万元 is 5000. A number
may be written 2,000 or 2 000 (a comma or a space between thousands) or below zero (不低于-5%); 2000-5000 is a
range, not -5000."""
_TITLE_YEAR = lazyre.compile(r"(?:19|20)[0-9]{2}")
_CHINESE_NUMBER = lazyre.compile(r"([零〇一二两三四五六七八九十百千]+)(亿)?")
_CHINESE_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CHINESE_PLACES = {"十": 10, "百": 100, "千": 1000}


def _title_numbers(title: str) -> list[Decimal]:
    """The numbers a Chinese title writes in digits, amounts in 万元 (1亿元 as 10000); full-width digits
    too. A year (2024年) is not one: 「研发费用占比不低于百分之四（2024年起）」 failed as "means >= 2024%"."""
    return [Decimal(re.sub(r"[, \u00a0\u202f]", "", m.group(1))) * _TITLE_SCALE[m.group(2)]
            for m in _TITLE_NUMBER.finditer(unicodedata.normalize("NFKC", title))
            if not (m.group(3) and m.group(2) is None and _TITLE_YEAR.fullmatch(m.group(1)))]


def _chinese_numbers(title: str) -> list[Decimal]:
    """The numbers a title writes in Chinese numerals (两项, 三年, 五十人, 一亿元 as 10000): a bar written so
    beside a figure in digits (「近3年拥有两项以上Ⅰ类知识产权」) is written, not missing."""
    out = []
    for m in _CHINESE_NUMBER.finditer(title):
        total = digit = 0
        for ch in m.group(1):
            if ch in _CHINESE_DIGITS:
                digit = _CHINESE_DIGITS[ch]
            else:
                total += (digit or 1) * _CHINESE_PLACES[ch]
                digit = 0
        out.append(Decimal(total + digit) * (10000 if m.group(2) else 1))
    return out


def _plain(v: Decimal) -> str:
    return format(v.normalize(), "f")


def _check_title_numbers(node: Node, outcome: Outcome) -> None:
    """A threshold the title's words do not write: a percent typed as a fraction (0.03 under 「不低于3%」,
    which every company with any R&D meets) or a bar changed without its title passed every test,
    generated boundary cases included (they test the rule against itself). Every numeric check of the
    shipped sets writes its threshold in its title; a title with no number is not checked."""
    written = _title_numbers(node.title.zh)
    edges = list(node.threshold) if node.op == "between" else [node.threshold]
    if not written or not all(isinstance(e, Decimal) for e in edges) or \
            all(e in written or e in _chinese_numbers(node.title.zh) for e in edges):
        return
    unit = node.unit or ""
    numbers = list(dict.fromkeys(written))  # of several, which is the bar is not known: none given a unit
    said = [f"{node.op} {_plain(n)}{unit if len(numbers) == 1 else ''}" for n in numbers]
    uses = " – ".join(f"{_plain(e)}{unit}" for e in edges) if node.op == "between" else f"{_plain(edges[0])}{unit}"
    outcome.failures.append(Failure(node.id, "rules.fail_wording", {
        "title": node.title.zh, "ops": Text(" 或 ".join(said), " or ".join(said)), "op": f"{node.op} {uses}"}))


_EN_NUMBER = lazyre.compile(r"(?<![\w.])(-?[0-9]{1,3}(?:,[0-9]{3})+|-?[0-9]+(?:\.[0-9]+)?)\s*(million|billion)?", re.IGNORECASE)
_EN_SCALE = {"million": 100, "billion": 100000, None: 1}
"""What an English title's amount is in 万元: 20 million CNY is 2000, 200 million 20000."""


def _english_numbers(title: str) -> list[Decimal]:
    """The numbers an English title writes, amounts in 万元; "top 3" writes 1 as well (a rank from 1 to 3)."""
    out = [Decimal(m.group(1).replace(",", "")) * _EN_SCALE[(m.group(2) or "").lower() or None]
           for m in _EN_NUMBER.finditer(title)]
    return out + [Decimal(1)] * bool(re.search(r"\btop [0-9]", title, re.IGNORECASE))


def _check_english_numbers(node: Node, outcome: Outcome) -> None:
    """The English title writes the threshold too: a province's author who set 职工总数不超过300人 left
    "At most 500 employees" beside it, and every English report and ``rules show --lang en`` said 500.
    A title with no number is not checked."""
    written = _english_numbers(node.title.en)
    edges = list(node.threshold) if node.op == "between" else [node.threshold]
    if not written or not all(isinstance(e, Decimal) for e in edges) or all(e in written for e in edges):
        return
    uses = " – ".join(_plain(e) for e in edges)
    numbers = ", ".join(dict.fromkeys(_plain(n) for n in written))
    amount = node.unit is not None and "万元" in node.unit
    outcome.failures.append(Failure(node.id, "rules.fail_wording_en_amount" if amount else "rules.fail_wording_en", {
        "title": node.title.en, "numbers": numbers, "op": f"{node.op} {uses}{node.unit or ''}"}))


def _holds(op: str, value: Decimal, threshold: Any) -> bool:
    result = expr.compare(op, value, threshold)
    assert result is not None
    return result


def _step(rs: RuleSet, name: str) -> Decimal:
    f = rs.fields.get(name)
    return Decimal(1) if f is not None and f.type == "int" else Decimal("0.01")


def _inject(rs: RuleSet, ref: expr.Ref, last_year: int, value: Decimal) -> tuple[dict[str, Any], engine.Overrides]:
    if ref.name in rs.fields:
        f = rs.fields[ref.name]
        path = f.concrete_path(last_year - (ref.offset or 0)) if f.per_year else f.path
        return {path: value}, {}
    return {}, {(ref.name, ref.offset): value}


def _in_bounds(rs: RuleSet, ref: expr.Ref, value: Decimal) -> bool:
    f = rs.fields.get(ref.name)
    if f is None:
        return True
    low, high = f.value_range()
    return (low is None or value >= low) and (high is None or value <= high)


def _boundaries(rs: RuleSet, outcome: Outcome) -> None:
    last_year = 2025
    seen: set[str] = set()
    for _, node in rs.all_nodes():
        if node.kind == "score" and node.id not in seen:
            # a score's bar is written in its title too (得分不低于60分): 65 beside it passed unseen
            seen.add(node.id)
            _check_title_numbers(node, outcome)
            _check_english_numbers(node, outcome)
        if node.kind != "check" or node.id in seen or node.value is None or node.value.only is None:
            continue
        seen.add(node.id)
        op, thr = node.op, node.threshold
        if op not in (">=", ">", "<=", "<", "between"):
            continue
        allowed = _expected_ops(node.title.zh)
        if allowed is not None and op not in allowed:
            outcome.failures.append(Failure(node.id, "rules.fail_wording", {
                "title": node.title.zh, "ops": Text(" 或 ".join(allowed), " or ".join(allowed)), "op": op}))
        _check_title_numbers(node, outcome)
        _check_english_numbers(node, outcome)
        ref = node.value.only
        delta = _step(rs, ref.name)
        edges = [thr[0], thr[1]] if op == "between" else [thr]
        for edge in edges:
            for value in (edge - delta, edge, edge + delta):
                if not _in_bounds(rs, ref, value):
                    continue
                values, overrides = _inject(rs, ref, last_year, value)
                got = engine.check_holds(rs, values, last_year, node, overrides)
                want = _holds(op or ">=", value, thr)
                outcome.generated += 1
                if got is not want:
                    outcome.failures.append(Failure(node.id, "rules.fail_boundary", {
                        "value": value, "got": holds(got), "want": holds(want)}))
    for table in rs.scores.values():
        for item in table.items:
            if len(item.scales) != 1 or item.scales[0].value is None or item.scales[0].value.only is None:
                continue
            _band_edges(rs, item, item.scales[0].value.only, last_year, outcome)


def _band_edges(rs: RuleSet, item: ScoreItem, ref: expr.Ref, last_year: int, outcome: Outcome) -> None:
    """A value exactly on a band's edge takes that band (the more favourable); one step off takes the next."""
    bands = item.scales[0].bands
    delta = _step(rs, ref.name)
    for i, band in enumerate(bands):
        edge = band.at_least if band.at_least is not None else band.at_most
        if edge is None or any(b.when is not None for b in bands):
            continue
        outside = edge - delta if band.at_least is not None else edge + delta
        nxt = next((b for b in bands[i + 1:] if _band_takes(b, outside)), None)
        for value, want in ((edge, band.points), (outside, nxt.points if nxt is not None else Decimal(0))):
            if not _in_bounds(rs, ref, value):
                continue
            values, overrides = _inject(rs, ref, last_year, value)
            low, high = engine.item_points(rs, values, last_year, item, overrides)
            outcome.generated += 1
            want = min(want, item.max)
            if not low == high == want:
                outcome.failures.append(Failure(item.id, "rules.fail_band", {
                    "value": value, "low": low, "high": high, "want": want}))


def _band_takes(band: Any, value: Decimal) -> bool:
    if band.at_least is not None:
        return bool(value >= band.at_least)
    if band.at_most is not None:
        return bool(value <= band.at_most)
    return True
