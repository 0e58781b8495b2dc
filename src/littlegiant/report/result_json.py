"""The JSON document of a result (docs/output.md §4): the result's data with its sentences.

Sentences come from the report layer (``explanations``, ``report_common.warning_text``), so this
module is part of it; ``result.py`` holds the data alone.
"""

from __future__ import annotations

from typing import Any

from littlegiant.core.result import FORMAT_VERSION, CriterionResult, Result, json_value
from littlegiant.load.consistency import Unusual
from littlegiant.report.advice import gap_dict
from littlegiant.report.common import warning_text
from littlegiant.report.explanations import explanation_in


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
        **({"gaps": {tid: gap_dict(g, lang) for tid, g in result.advice.items()}} if result.advice else {}),
        "warnings": [_warning_dict(w, lang) for w in result.warnings],
        "self_assessment": True,
    }


def criterion_dict(c: CriterionResult, lang: str) -> dict[str, Any]:
    """One criterion row of the JSON result. What comes from the rule alone is made once per rule
    (kept in ``c.memo``) and copied; a row adds what this profile gave."""
    if c.memo is None:
        return _criterion_dict(c, lang)
    template = c.memo.get(("json", lang))
    if template is None:
        template = c.memo[("json", lang)] = _criterion_dict(c, lang)
        if c.kind in ("check", "sme", "veto", "qualitative", "points"):  # these read inputs (sme: industry)
            template = c.memo[("json", lang)] = _with_inputs(template)
    d = template.copy()  # the keys in order: assigning one keeps its place
    d["status"] = c.status
    d["value"] = json_value(c.value)
    d["points"] = json_value(c.points)
    d["missing"] = c.missing
    d["explanation"] = explanation_in(c, lang)
    if "points_min" in d:
        d["points_min"] = json_value(c.points_min)
        d["points_max"] = json_value(c.points_max)
    if c.inputs:
        d["inputs"] = {k: json_value(v) for k, v in c.inputs.items()}
    else:
        d.pop("inputs", None)
    d.pop("awaits_review", None)
    if c.review:
        d["awaits_review"] = True
    return d


def _with_inputs(template: dict[str, Any]) -> dict[str, Any]:
    """The template with an ``inputs`` place where a row puts it: after ``formula``, before ``evidence``."""
    out: dict[str, Any] = {}
    for key, value in template.items():
        if key in ("evidence", "note", "awaits_review") and "inputs" not in out:
            out["inputs"] = None
        out[key] = value
    out.setdefault("inputs", None)
    return out


def _criterion_dict(c: CriterionResult, lang: str) -> dict[str, Any]:
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
        "explanation": explanation_in(c, lang),
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
    d: dict[str, Any] = {"kind": w.kind, "path": w.figure.path, "value": json_value(w.figure.value),
                         "compared_with": w.other.path, "compared_value": json_value(w.other.value)}
    if w.growth is not None:
        d["growth_percent"] = json_value(w.growth)
        d["limit_percent"] = json_value(w.limit)
    d["message"] = warning_text(w, lang)
    return d
