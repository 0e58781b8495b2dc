"""The profile's JSON Schema and the batch columns, both generated from the rule set's fields, so that
a field added to a rule set reaches editors and templates without code changes (the commented YAML
template, which is words, is ``report/template.py``)."""

from __future__ import annotations

import math
from decimal import Decimal
from typing import Any

from littlegiant.load.profile import ANSWERED_UNDER, answer_label
from littlegiant.load.rules import SECTIONS_MOST, FieldDef, RuleSet

_YEAR_KEY = "^(199[0-9]|20[0-9][0-9]|2100)$"


def _field_schema(f: FieldDef) -> dict[str, Any]:
    asked = answer_label(f)  # an editor's hint is where the user answers: with what 0 means (0为未获奖)
    s: dict[str, Any] = {"description": f"{asked.zh} / {asked.en}" + (f" ({f.unit})" if f.unit else "")}
    if f.type == "bool":
        s["type"] = ["boolean", "null"]
    elif f.type == "text":
        s["type"] = ["string", "null"]
    elif f.type == "choice":
        s["enum"] = [*f.choices, None]
    else:
        s["type"] = ["integer", "null"] if f.type == "int" else ["number", "null"]
        low, high = f.value_range()  # what the profile reader accepts, so the schema and it agree
        if low is not None:
            s["minimum"] = int(low) if low == int(low) else float(low)
        if high is not None:
            s["maximum"] = int(high) if high == int(high) else float(high)
        # minimum and maximum hold for a number, the pattern for a string: the interview saves a figure
        # answered as approximate as 约300 (the report says it is one), a share typed with its sign as
        # typed (0.5%, no fraction for 50%); the schema said the file it wrote was wrong
        s["type"] = [s["type"][0], "string", "null"]
        if f.unit == "%":
            s["pattern"] = PERCENT_TEXT
        else:
            s["pattern"] = f"^约\\s*{_approx(f.type == 'int', low, high)}$"
    return s


def _approx(whole: bool, low: Decimal | None, high: Decimal | None) -> str:
    """The number after 约 as a pattern: any, with a minus where the field takes one; between a field's
    bounds where it has both (a score of 0–100, a level of 1–4: 约999 and 约0 were let through that the
    reader refuses), each whole number named, the top one with no fraction above it."""
    places = "" if whole else _PLACES
    if low is None or high is None or low < 0 or high - low > 1000:
        return f"{'-?' if low is None or low < 0 else ''}[0-9]+{places}"
    first, last = math.ceil(low), math.floor(high)
    below = "|".join(str(n) for n in range(first, last))
    top = str(last) + ("" if whole else _ZEROS)
    return f"(({below}){places}|{top})" if below else f"({top})"


_PLACES = r"(\.[0-9]+)?"
_ZEROS = r"(\.0+)?"
_SHARE = r"(100(\.0+)?|[0-9]{1,2}(\.[0-9]+)?)"
PERCENT_TEXT = rf"^\s*(约\s*{_SHARE}|(约\s*)?{_SHARE}\s*[%％])\s*$"
"""A share written with its percent sign, as the interview saves one answered so (12%), or approximate
(约12, 约12%): 0–100, as the reader takes it (a number's minimum and maximum do not bound a string)."""


def profile_schema(rules: RuleSet) -> dict[str, Any]:
    """A draft 2020-12 JSON Schema of the profile file; unknown keys are rejected as the loader does."""
    root: dict[str, Any] = {"type": "object", "additionalProperties": False, "properties": {ANSWERED_UNDER: {
        "type": ["string", "null"], "pattern": "^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$",
        "description": "The rule set whose questions these answers were given to (such as miit-2026)"}}}
    for f in rules.fields.values():
        node = root
        parts = f.path.split(".")
        for part in parts[:-1]:
            if part == "{year}":
                node = node.setdefault("patternProperties", {}).setdefault(
                    _YEAR_KEY, {"type": "object", "properties": {}, "additionalProperties": False})
                node.setdefault("additionalProperties", False)
            else:
                node = node["properties"].setdefault(part, {"type": ["object", "null"], "properties": {},
                                                            "additionalProperties": False})
        last = parts[-1]
        if last == "{year}":
            node.setdefault("patternProperties", {})[_YEAR_KEY] = _field_schema(f)
            node.pop("properties", None)
        else:
            node.setdefault("properties", {})[last] = _field_schema(f)
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": "littlegiant company profile",
            "description": "Money in 万元, shares in percent; absent or null means unknown.", **root}


def csv_header(rules: RuleSet, last_year: int) -> list[str]:
    """The batch CSV columns: every field's dotted path, per-year fields for the last three years."""
    cols: list[str] = []
    for f in rules.fields.values():
        if f.per_year:
            cols += [f.concrete_path(y) for y in (last_year, last_year - 1, last_year - 2)]
        else:
            cols.append(f.path)
    return cols


def _obj(properties: dict[str, Any], required: tuple[str, ...] = ()) -> dict[str, Any]:
    out: dict[str, Any] = {"type": "object", "properties": properties, "additionalProperties": False}
    if required:
        out["required"] = list(required)
    return out


def rule_file_schema() -> dict[str, Any]:
    """A draft 2020-12 JSON Schema of rule files, for editors; the loader's own checks go further
    (references, cycles, band order, group sums), so ``littlegiant rules validate`` stays the judge."""
    from littlegiant.load.expr import COMPARISONS
    from littlegiant.load.rules import APPLIES, CONFIDENCE, FIELD_TYPES, NODE_KINDS, TIER_IDS

    text = _obj({"zh": {"type": "string"}, "en": {"type": "string"}}, ("zh", "en"))
    texts = {"type": "array", "items": {"$ref": "#/$defs/text"}}
    number = {"type": "number"}
    formula = {"type": "string", "description": "a formula over field and derived ids, e.g. rd_expense[y1] / revenue[y1] * 100"}
    confidence = {"enum": list(CONFIDENCE)}
    band = _obj({"points": number, "at_least": number, "at_most": number, "when": formula,
                 "review": {"type": "boolean"}, "zh": {"type": "string"}, "en": {"type": "string"}}, ("points",))
    bands = {"type": "array", "items": {"$ref": "#/$defs/band"}, "minItems": 1}
    item = _obj({
        "id": {"type": "string", "pattern": "^[a-z][a-z0-9_]*$"}, "zh": {"type": "string"}, "en": {"type": "string"},
        "group": {"type": "string"}, "max": number, "source": {"type": "string"}, "confidence": confidence,
        "value": formula, "unit": {"type": "string"}, "bands": bands,
        "best_of": {"type": "array", "items": _obj({"value": formula, "unit": {"type": "string"}, "bands": bands,
                                                     "zh": {"type": "string"}, "en": {"type": "string"}}, ("bands",))},
        "each": bands, "points_from_value": formula, "note": {"$ref": "#/$defs/text"}, "evidence": texts,
    }, ("id", "zh", "en", "group", "max", "source", "confidence"))
    node = _obj({
        "id": {"type": "string", "pattern": "^[a-z][a-z0-9_.]*$"}, "kind": {"enum": list(NODE_KINDS)},
        "zh": {"type": "string"}, "en": {"type": "string"}, "source": {"type": "string"}, "confidence": confidence,
        "applies": {"enum": list(APPLIES)}, "note": {"$ref": "#/$defs/text"}, "evidence": texts,
        "children": {"type": "array", "items": {"$ref": "#/$defs/node"}, "minItems": 1},
        "value": formula, "op": {"enum": list(COMPARISONS)},
        "threshold": {"type": ["number", "boolean", "string", "array"]}, "unit": {"type": "string"},
        "field": {"type": "string"}, "table": {"type": "string"}, "group": {"type": "string"}, "ref": {"type": "string"},
        "when_present": {"enum": ["unmet", "manual_review"],
                         "description": "veto: the status when the problem exists (default unmet)"},
        "prerequisite": {"type": "boolean", "description": "check: it asks for the title below (yes/no answers, "
                         "op == and threshold true), a tier's step up the ladder (default false)"},
        "selector": {"type": "boolean", "description": "check: it says which route of its any-of the company is in "
                     "(a revenue band); reports name a route whose selector fails after the others (default false)"},
    })
    words = {"type": "array", "minItems": 1, "maxItems": 200, "items": {"type": "string", "minLength": 1, "maxLength": 40}}
    field = _obj({
        "path": {"type": "string", "pattern": r"^[a-z_][a-z0-9_]*(\.([a-z_][a-z0-9_]*|\{year\}))*$"},
        "type": {"enum": list(FIELD_TYPES)}, "zh": {"type": "string"}, "en": {"type": "string"},
        "help": {"$ref": "#/$defs/text"}, "unit": {"type": "string"}, "min": number, "max": number,
        "choices": {"type": "object", "additionalProperties": _obj({
            "zh": {"type": "string"}, "en": {"type": "string"},
            "words": {**words, "description": "other words for this choice, where the meaning is certain "
                      "(制造业 for 工业); compared as typed after NFKC, in lower case"}}, ("zh", "en"))},
        "name_levels": _obj({
            "endings": {**words, "description": "a name ending in one of these (…研究中心) gives a choice by its marks"},
            "marks": {"type": "object", "minProperties": 1, "maxProperties": 200,
                      "additionalProperties": {"type": "string"},
                      "description": "word in the name → the choice it gives; the first in the name decides"},
        }, ("endings", "marks")),
        "name_forms": _obj({
            "codes": {"type": "boolean", "description": "a leading classification code (C, C34, I65) is passed over"},
            "endings": {"type": "object", "minProperties": 1, "additionalProperties": words,
                        "description": "choice → endings of the names that are that choice only (…制造业 is 工业)"},
            "either": {"type": "object", "minProperties": 1, "maxProperties": 200,
                       "additionalProperties": {**words, "minItems": 2},
                       "description": "word → the choices it may mean (批发和零售业); a refusal names just those"},
            "sections": {"type": "object", "minProperties": 1, "maxProperties": SECTIONS_MOST,
                         "propertyNames": {"pattern": "^[A-Z]([0-9]{2,4})?$"}, "additionalProperties": words,
                         "description": "a bare 门类 letter (C) → the choice it is, or the choices it spans (refused "
                                        "naming them)"},
        }, ()),
        "choice_hint": {**_obj({"choice": {"type": "string"}, "zh": {"type": "string"}, "en": {"type": "string"}},
                               ("choice", "zh", "en")),
                        "description": "a choice field: who most often types what names no choice (制造业企业（如电子"
                                       "元器件、机械、新材料）) and the choice they are (industrial); said in the "
                                       "refusal, never taken as the answer"},
        "qualitative": {"type": "boolean"}, "evidence": texts, "lever": {"enum": ["up", "down", "none"]},
        "yearly": {"type": "boolean", "description": "given anew each year though not kept by year (本年度…得分): a "
                                                     "plan for a later round does not carry this year's into it"},
        "lump_sum": {"type": "boolean", "description": "an amount paid in at once (new equity), not earned through "
                                                       "the year: a plan does not weigh its raise against the days left"},
        "zero": {"$ref": "#/$defs/text", "description": "a whole-number field: what 0 means (未获奖, 无排名), said for 0 "
                 "in reports, and read as 0 when typed (as is 没有)"},
        "terms": {"type": "array", "items": {"type": "string", "pattern": "^[a-z][a-z0-9_]*$"},
                  "description": "ids of the glossary terms (rules/_glossary.yaml) the help leans on"},
        "part_of": {"type": "string", "description": "the id of the field this one is a part of: never above it"},
        "warn_above": {"type": "string", "description": "the id of a field this one is seldom above (a warning)"},
        "within": {"type": "array", "items": {"type": "string"}, "minItems": 1, "uniqueItems": True,
                   "description": "ids of fields this one is counted within by its definition, besides its whole: "
                                  "a plan raising it raises them with it; a profile above one is a warning"},
        "warn_growth": {"type": "number", "exclusiveMinimum": 0,
                        "description": "a change from one year to the next beyond ± this percent is a warning"},
    }, ("path", "type", "zh", "en", "help"))
    bounds = _obj({"staff": number, "revenue": number, "assets": number})
    tier = _obj({"zh": {"type": "string"}, "en": {"type": "string"}, "score_table": {"type": "string"},
                 "notes": texts, "criteria": {"type": "array", "items": {"$ref": "#/$defs/node"}}},
                ("zh", "en", "criteria"))
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://littlegiant.invalid/rule-file.schema.json",
        "title": "littlegiant rule file",
        "description": "A rule set (or an overlay that extends one). Check with: littlegiant rules validate FILE",
        **_obj({
            "format": {"const": 1}, "id": {"type": "string", "pattern": "^[a-z0-9][a-z0-9_-]*$"},
            "title": {"$ref": "#/$defs/text"}, "source": {"type": "string"}, "url": {"type": "string"},
            "extends": {"type": "string"},
            "in_force": _obj({"from": {"type": "string", "format": "date"}, "to": {"type": "string", "format": "date"}},
                             ("from",)),
            "notes": texts,
            "fields": {"type": "object", "additionalProperties": {"$ref": "#/$defs/field"}},
            "derived": {"type": "object", "additionalProperties": _obj({
                "expr": formula, "zh": {"type": "string"}, "en": {"type": "string"}, "unit": {"type": "string"},
                "per_year": {"type": "boolean"}, "formula": {"$ref": "#/$defs/text"}, "confidence": confidence,
            }, ("expr", "zh", "en"))},
            "size_standard": _obj({
                "source": {"type": "string"}, "confidence": confidence,
                "inputs": _obj({"staff": formula, "revenue": formula, "assets": formula}),
                "industries": {"type": "object", "additionalProperties": _obj({
                    "zh": {"type": "string"}, "en": {"type": "string"}, "ceiling": bounds, "medium": bounds,
                    "small": bounds}, ("zh", "en", "ceiling", "medium", "small"))},
            }, ("source", "confidence", "inputs", "industries")),
            "nodes": {"type": "object", "additionalProperties": {"$ref": "#/$defs/node"}},
            "scores": {"type": "object", "additionalProperties": _obj({
                "zh": {"type": "string"}, "en": {"type": "string"}, "max": number,
                "groups": {"type": "object", "additionalProperties": _obj(
                    {"zh": {"type": "string"}, "en": {"type": "string"}, "max": number}, ("zh", "en", "max"))},
                "items": {"type": "array", "items": {"$ref": "#/$defs/item"}},
            }, ("zh", "en", "max", "groups", "items"))},
            "tiers": _obj({t: {"$ref": "#/$defs/tier"} for t in TIER_IDS}),
            "replace_items": {"type": "object", "propertyNames": {"pattern": r"^[a-z0-9_]+\.[a-z0-9_]+$"},
                              "additionalProperties": {"type": "array", "items": {"$ref": "#/$defs/item"}}},
            "round": {"type": "string", "pattern": "^[a-z0-9][a-z0-9_-]*$",
                      "description": "a round file: the round notice (rules/calendar.yaml) whose changes it applies"},
            "add_criteria": _obj({t: {"type": "array", "items": {"$ref": "#/$defs/node"}} for t in TIER_IDS}),
            "set_applies": {"type": "object", "additionalProperties": {"enum": list(APPLIES)}},
        }, ("format", "id")),
        "$defs": {"text": text, "band": band, "item": item, "node": node, "field": field, "tier": tier},
    }
