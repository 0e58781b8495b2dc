"""The profile's JSON Schema and a commented template, both generated from the rule set's fields,
so that a field added to a rule set reaches editors and templates without code changes."""

from __future__ import annotations

from typing import Any

from littlegiant.rules import FieldDef, RuleSet

_YEAR_KEY = "^(199[0-9]|20[0-9][0-9]|2100)$"


def _field_schema(f: FieldDef) -> dict[str, Any]:
    s: dict[str, Any] = {"description": f"{f.label.zh} / {f.label.en}" + (f" ({f.unit})" if f.unit else "")}
    if f.type == "bool":
        s["type"] = ["boolean", "null"]
    elif f.type == "text":
        s["type"] = ["string", "null"]
    elif f.type == "choice":
        s["enum"] = [*f.choices, None]
    else:
        s["type"] = ["integer", "null"] if f.type == "int" else ["number", "null"]
        low = f.minimum if f.minimum is not None else (0 if f.type in ("money", "percent") else None)
        high = f.maximum if f.maximum is not None else (100 if f.type == "percent" else None)
        if low is not None:
            s["minimum"] = int(low) if low == int(low) else float(low)
        if high is not None:
            s["maximum"] = int(high) if high == int(high) else float(high)
    return s


def profile_schema(rules: RuleSet) -> dict[str, Any]:
    """A draft 2020-12 JSON Schema of the profile file; unknown keys are rejected as the loader does."""
    root: dict[str, Any] = {"type": "object", "properties": {}, "additionalProperties": False}
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


def template(rules: RuleSet, last_year: int) -> str:
    """A commented YAML profile with every field empty (null = unknown), zh and en comments."""
    tree: dict[str, Any] = {}
    for f in rules.fields.values():
        hint = f.unit or ""
        if f.type == "choice":
            hint = " | ".join(f.choices)
        elif f.type == "bool":
            hint = "true | false"
        comment = f"{f.label.zh} / {f.label.en}" + (f" [{hint}]" if hint else "")
        for year in ([last_year, last_year - 1, last_year - 2] if f.per_year else [None]):
            node = tree
            parts = f.concrete_path(year).split(".")
            for part in parts[:-1]:
                node = node.setdefault(part, {})
            node[parts[-1]] = comment
    lines = ["# littlegiant company profile — fill in what you know; leave the rest empty (unknown).",
             "# 企业画像：填写已知数据，未知的留空。金额单位：万元；比例单位：%。", ""]

    def emit(node: dict[str, Any], depth: int) -> None:
        for key, value in node.items():
            if isinstance(value, dict):
                lines.append("  " * depth + f"{key}:")
                emit(value, depth + 1)
            else:
                lines.append("  " * depth + f"{key}:    # {value}")

    emit(tree, 0)
    return "\n".join(lines) + "\n"


def csv_header(rules: RuleSet, last_year: int) -> list[str]:
    """The batch CSV columns: every field's dotted path, per-year fields for the last three years."""
    cols: list[str] = []
    for f in rules.fields.values():
        if f.per_year:
            cols += [f.concrete_path(y) for y in (last_year, last_year - 1, last_year - 2)]
        else:
            cols.append(f.path)
    return cols
