"""The result of an assessment: what every renderer (text, JSON, Markdown, HTML) draws."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from littlegiant.load.consistency import Unusual
from littlegiant.load.rulecalendar import Choice
from littlegiant.load.rules import Text

MET, UNMET, UNKNOWN, REVIEW = "met", "unmet", "unknown", "manual_review"
STATUSES = (MET, UNMET, UNKNOWN, REVIEW)
FORMAT_VERSION = 1


@dataclass
class CriterionResult:
    """One criterion, group or score item as evaluated, with what explains it."""

    id: str
    kind: str
    title: Text
    status: str
    depth: int
    parent: str | None
    required: bool = True
    value: Any = None
    op: str | None = None
    threshold: Any = None
    unit: str | None = None
    points: Decimal | None = None
    points_min: Decimal | None = None
    points_max: Decimal | None = None
    max_points: Decimal | None = None
    source: str | None = None
    confidence: str | None = None
    missing: list[str] = field(default_factory=list)
    inputs: dict[str, Any] = field(default_factory=dict)
    explanation: Text = field(default_factory=lambda: Text("", ""))
    formula: Text | None = None
    evidence: tuple[Text, ...] = ()
    note: Text | None = None
    review: bool = False


@dataclass
class GroupScore:
    id: str
    title: Text
    max: Decimal
    low: Decimal
    high: Decimal


@dataclass
class TierResult:
    id: str
    title: Text
    status: str
    score: Decimal | None
    score_min: Decimal | None
    score_max: Decimal | None
    score_table: str | None
    criteria: list[CriterionResult]
    groups: list[GroupScore] = field(default_factory=list)
    notes: tuple[Text, ...] = ()


@dataclass
class Result:
    rules_id: str
    rules_title: Text
    in_force_from: date
    rules_source: str
    as_of: date
    last_year: int
    renewal: str | None  # the tier id renewed, or None for a new application
    input_sha256: str
    name: str | None
    sme_status: str
    sme_size: str | None
    tiers: dict[str, TierResult]
    advice: dict[str, Any] = field(default_factory=dict)  # tier id -> gaps.TierGap, when asked for
    calendar: Choice | None = None  # which set judged it and why (rules/calendar.yaml)
    rules_notes: tuple[Text, ...] = ()  # the rule set's own notes, e.g. that its sources are third-party
    documents: tuple[str, ...] = ()  # the official texts the criteria cite, in order of first use
    warnings: list[Unusual] = field(default_factory=list)  # figures to check (possible but unusual), not errors

    def criterion(self, cid: str) -> tuple[TierResult, CriterionResult] | None:
        for tier in self.tiers.values():
            for c in tier.criteria:
                if c.id == cid:
                    return tier, c
        return None


def json_number(v: Decimal) -> int | float:
    """A JSON number for a Decimal: whole numbers stay ints, others keep 6 places; one beyond 10^20
    (only a rule's product can be) a float, which JSON can carry and no reader has to parse digit by digit."""
    if v.adjusted() >= 20:
        return float(v) if v.adjusted() < 300 else float("1e300") * (1 if v > 0 else -1)
    if v == v.to_integral_value():
        return int(v)
    return float(round(v, 6))


def json_value(v: Any) -> Any:
    if isinstance(v, bool) or v is None or isinstance(v, str):
        return v
    if isinstance(v, Decimal):
        return json_number(v)
    if isinstance(v, tuple | list):
        return [json_value(x) for x in v]
    return v


def to_dict(result: Result, lang: str, tool_version: str) -> dict[str, Any]:
    """The JSON document of docs/output.md §4 (plus additions: format_version, names, groups)."""
    tiers: dict[str, Any] = {}
    for tid, t in result.tiers.items():
        tiers[tid] = {
            "title": t.title.get(lang),
            "status": t.status,
            "score": json_value(t.score),
            "score_min": json_value(t.score_min),
            "score_max": json_value(t.score_max),
            "groups": [
                {"id": g.id, "title": g.title.get(lang), "max": json_value(g.max),
                 "min_points": json_value(g.low), "max_points": json_value(g.high)}
                for g in t.groups
            ],
            "criteria": [criterion_dict(c, lang) for c in t.criteria],
            "notes": [n.get(lang) for n in t.notes],
        }
    return {
        "format_version": FORMAT_VERSION,
        "tool_version": tool_version,
        "rules": {"id": result.rules_id, "title": result.rules_title.get(lang),
                  "in_force_from": result.in_force_from.isoformat(), "source": result.rules_source,
                  "documents": list(result.documents), "notes": [n.get(lang) for n in result.rules_notes]},
        "as_of": result.as_of.isoformat(),
        "last_year": result.last_year,
        "renewal": result.renewal,
        "calendar": result.calendar.to_dict(lang) if result.calendar is not None else None,
        "name": result.name,
        "input_sha256": result.input_sha256,
        "sme": {"status": result.sme_status, "size": result.sme_size},
        "tiers": tiers,
        **({"gaps": {tid: g.to_dict(lang) for tid, g in result.advice.items()}} if result.advice else {}),
        "warnings": [_warning_dict(w, lang) for w in result.warnings],
        "self_assessment": True,
    }


def criterion_dict(c: CriterionResult, lang: str) -> dict[str, Any]:
    d: dict[str, Any] = {
        "id": c.id,
        "kind": c.kind,
        "title": c.title.get(lang),
        "status": c.status,
        "required": c.required,
        "parent": c.parent,
        "depth": c.depth,
        "value": json_value(c.value),
        "op": c.op,
        "threshold": json_value(c.threshold),
        "unit": c.unit,
        "points": json_value(c.points),
        "source": c.source,
        "confidence": c.confidence,
        "missing": c.missing,
        "explanation": c.explanation.get(lang),
    }
    if c.points_min is not None or c.points_max is not None:
        d["points_min"] = json_value(c.points_min)
        d["points_max"] = json_value(c.points_max)
    if c.max_points is not None:
        d["max_points"] = json_value(c.max_points)
    if c.formula is not None:
        d["formula"] = c.formula.get(lang)
    if c.inputs:
        d["inputs"] = {k: json_value(v) for k, v in c.inputs.items()}
    if c.evidence:
        d["evidence"] = [e.get(lang) for e in c.evidence]
    if c.note is not None:
        d["note"] = c.note.get(lang)
    if c.review:
        d["awaits_review"] = True
    return d


def _warning_dict(w: Unusual, lang: str) -> dict[str, Any]:
    """An unusual figure in the JSON result (an addition to docs/output.md §4): the figures and a sentence."""
    from littlegiant.report.common import warning_text

    d: dict[str, Any] = {"kind": w.kind, "path": w.figure.path, "value": json_value(w.figure.value),
                         "compared_with": w.other.path, "compared_value": json_value(w.other.value)}
    if w.growth is not None:
        d["growth_percent"] = json_value(w.growth)
        d["limit_percent"] = json_value(w.limit)
    d["message"] = warning_text(w, lang)
    return d
