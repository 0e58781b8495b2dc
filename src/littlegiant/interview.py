"""The adaptive interview: which question to ask next, and the answers so far.

No terminal here (``interactive.py`` does the prompting). After every answer the
profile is re-evaluated; a question is *relevant* only when its input is missing from
a criterion that can still move a tier: the criterion is unknown, every group above it
is unknown too (a met any-of or an unmet all-of is settled), and its tier is unknown.
Points items stay relevant while their tier is not unmet and its score is an interval.
Statuses only ever move from unknown to known as answers arrive, so a settled tier
never reopens and a question skipped as irrelevant never becomes relevant again.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from littlegiant import engine
from littlegiant.consistency import part_violations
from littlegiant.errors import InputError
from littlegiant.inputs import InputPaths
from littlegiant.profile import (
    PartExceedsWhole,
    Profile,
    Scalar,
    choice_named,
    field_for_path,
    parse_text_value,
    year_in_path,
)
from littlegiant.result import UNKNOWN, UNMET, CriterionResult, Result, TierResult
from littlegiant.rules import FieldDef, Node, RuleSet


@dataclass(frozen=True)
class Question:
    """One input to ask for: a concrete profile path and its field definition."""

    path: str
    field: FieldDef
    year: int | None


def _score_open(tier: TierResult) -> bool:
    return tier.status != UNMET and tier.score_table is not None and tier.score_min != tier.score_max


def _live(tier: TierResult) -> list[CriterionResult]:
    """The criteria of ``tier`` whose answer could still change its status or score."""
    if tier.status == UNMET:
        return []
    status = {c.id: c.status for c in tier.criteria}
    parent = {c.id: c.parent for c in tier.criteria}
    prefix = f"{tier.score_table}.points." if tier.score_table else None
    live = []
    for c in tier.criteria:
        if c.status != UNKNOWN and not (c.kind == "points" and c.points_min != c.points_max):
            continue
        if prefix is not None and c.kind == "points" and c.id.startswith(prefix) and _score_open(tier):
            live.append(c)
            continue
        if tier.status != UNKNOWN or c.status != UNKNOWN:
            continue
        up = c.parent
        while up is not None and status.get(up) == UNKNOWN:
            up = parent.get(up)
        if up is None:
            live.append(c)
    return live


@dataclass
class Interview:
    """The answers so far and the choice of the next question."""

    rules: RuleSet
    as_of: date
    renewal: str | None = None  # the tier renewed
    values: dict[str, Scalar] = field(default_factory=dict)
    unknown: set[str] = field(default_factory=set)  # asked, answered "don't know"
    asked: int = 0
    _result: Result | None = None

    def __post_init__(self) -> None:
        self._paths = InputPaths(self.rules, self.as_of.year - 1)

    @property
    def last_year(self) -> int:
        return self.as_of.year - 1

    def profile(self) -> Profile:
        return Profile(dict(self.values), "<interview>")

    def result(self) -> Result:
        if self._result is None:
            self._result = engine.evaluate(self.rules, self.profile(), self.as_of, self.renewal)
        return self._result

    def answered(self, path: str) -> bool:
        return path in self.values or path in self.unknown

    def weights(self) -> dict[str, float]:
        """How much each open question could settle: Σ 1/len(missing) over the live criteria needing it."""
        weights: dict[str, float] = {}
        for tier in self.result().tiers.values():
            for c in _live(tier):
                todo = [p for p in c.missing if not self.answered(p)]
                share = (1.0 if c.required else 0.5) / max(len(todo), 1)
                for p in todo:
                    weights[p] = weights.get(p, 0.0) + share
        return weights

    def next_question(self) -> Question | None:
        """The most decisive relevant question; ties go to the rule set's field order, latest year first."""
        weights = self.weights()
        if not weights:
            return None
        order = {f.id: i for i, f in enumerate(self.rules.fields.values())}

        def rank(p: str) -> tuple[float, int, int]:
            f = field_for_path(self.rules, p)
            return (-weights[p], order[f.id], -(year_in_path(f, p) or 0))

        path = min(weights, key=rank)
        f = field_for_path(self.rules, path)
        return Question(path, f, year_in_path(f, path))

    def relevant(self, tier_id: str) -> set[str]:
        """The unanswered inputs that could still move ``tier_id``'s status or score."""
        tier = self.result().tiers[tier_id]
        return {p for c in _live(tier) for p in c.missing if not self.answered(p)}

    def possible(self, tier_id: str | None = None) -> set[str]:
        """Every input the rule set could ever ask about (for one tier, or all): the interview's ceiling."""
        paths: set[str] = set()
        for tid, tier in self.rules.tiers.items():
            if tier_id is None or tid == tier_id:
                for node in self._applicable(tier.criteria, self.renewal == tid):
                    paths |= self._paths.of_node(node)
        return paths

    def _applicable(self, node: Node, renewing: bool) -> Iterable[Node]:
        if node.applies == "always" or (node.applies == "renewal") == renewing:
            yield node
            for child in node.children:
                yield from self._applicable(child, renewing)

    def remaining_bound(self) -> int:
        """At most this many questions are left: every input the unsettled criteria could read."""
        paths: set[str] = set()
        for tier in self.result().tiers.values():
            for c in _live(tier):
                paths |= self._paths.of_criterion(c)
        return len({p for p in paths if not self.answered(p)})

    def answer(self, q: Question, text: str) -> Scalar | None:
        """Record an answer typed as text; empty or ``?`` is "don't know". Bad text raises InputError."""
        raw = text.strip()
        value: Scalar | None
        if raw in ("", "?", "？"):
            value = None
        elif q.field.type == "choice" and raw.isdigit() and 1 <= int(raw) <= len(q.field.choices):
            value = q.field.choices[int(raw) - 1]
        elif q.field.type == "choice":
            choice = choice_named(q.field, raw)
            if choice is None:
                raise InputError(f"expected a number from 1 to {len(q.field.choices)} or one of the names listed, "
                                 f"got {raw!r}", field=q.path)
            value = choice
        else:
            value = parse_text_value(q.field, raw, where=q.path)
        if value is not None:
            self.check_parts(q.path, value)
        self.record(q.path, value)
        self.asked += 1
        return value

    def check_parts(self, path: str, value: Scalar) -> None:
        """Refuse an answer that puts a part above its whole (criteria.md §8a), before it is recorded."""
        for v in part_violations(self.rules, {**self.values, path: value}):
            if path in (v.part.path, v.whole.path):
                raise PartExceedsWhole(v, field=path)

    def record(self, path: str, value: Scalar | None) -> None:
        if value is None:
            self.values.pop(path, None)
            self.unknown.add(path)
        else:
            self.unknown.discard(path)
            self.values[path] = value
        self._result = None

    def saved_data(self) -> dict[str, Any]:
        """The answers as a nested profile (field order, latest year first); don't-knows are null."""
        order = {f.id: i for i, f in enumerate(self.rules.fields.values())}
        entries: list[tuple[int, int, str, Scalar | None]] = []
        for path in set(self.values) | self.unknown:
            f = field_for_path(self.rules, path)
            entries.append((order[f.id], -(year_in_path(f, path) or 0), path, self.values.get(path)))
        out: dict[Any, Any] = {}
        for _, _, path, value in sorted(entries, key=lambda e: (e[0], e[1])):
            node = out
            parts = path.split(".")
            for part in parts[:-1]:
                node = node.setdefault(int(part) if part.isdigit() else part, {})
            last = parts[-1]
            node[int(last) if last.isdigit() else last] = value
        return out


def null_paths(data: Any, prefix: str = "") -> Iterable[str]:
    """The dotted paths a saved profile holds as null: the questions answered "don't know"."""
    if isinstance(data, dict):
        for key, value in data.items():
            path = f"{prefix}{key}"
            if value is None:
                yield path
            elif isinstance(value, dict):
                yield from null_paths(value, path + ".")


def dump_profile(data: dict[str, Any], header: str) -> str:
    """YAML text of a nested profile that the strict loader reads back to the same values."""
    import yaml

    class _Dumper(yaml.SafeDumper):
        pass

    def decimal(dumper: yaml.SafeDumper, value: Decimal) -> yaml.ScalarNode:
        text = format(value, "f")
        tag = "tag:yaml.org,2002:int" if "." not in text else "tag:yaml.org,2002:float"
        return dumper.represent_scalar(tag, text)

    _Dumper.add_representer(Decimal, decimal)
    body = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, default_flow_style=False)
    return header + body
