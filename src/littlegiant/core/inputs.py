"""The inputs a criterion or score item could ever read, found from the rule data alone.

The interview uses it for its "at most N left" bound and for what a rule set could ask at
all; gap analysis for the inputs worth moving. Static, so it covers inputs that the current
answers happen not to reach (the size table reads nothing until the industry is known). Where
an input's whole sits (its ``part_of``) is found here too, for the interview and the advice alike.
"""

from __future__ import annotations

from collections.abc import Iterable

from littlegiant.core.result import CriterionResult
from littlegiant.load import expr
from littlegiant.load.profile import year_in_path
from littlegiant.load.rules import FieldDef, Node, RuleSet, ScoreItem


def whole_of(rules: RuleSet, f: FieldDef) -> FieldDef | None:
    """The field ``f`` is a part of (the rule data's ``part_of``), if any."""
    return rules.fields.get(f.part_of) if f.part_of else None


def sibling_path(f: FieldDef, path: str, other: FieldDef) -> str:
    """The path of ``other`` for the same year as ``path`` (the loader keeps a part and its whole
    both per year or neither)."""
    return other.concrete_path(year_in_path(f, path) if other.per_year else None)


class InputPaths:
    """The concrete input paths a node or score item could ever read (a static upper bound).

    With ``last_year`` None the paths of per-year fields stay templates (``financials.{year}.revenue``),
    which is how ``rules show`` lists what a rule reads.
    """

    def __init__(self, rules: RuleSet, last_year: int | None) -> None:
        self.rules = rules
        self.last_year = last_year
        self.memo: dict[tuple[str, int], frozenset[str]] = {}

    def of_expression(self, e: expr.Expression, param: int) -> set[str]:
        out: set[str] = set()
        for ref in e.refs:
            offset = param if ref.param else ref.offset
            if ref.name in self.rules.fields:
                f = self.rules.fields[ref.name]
                per_year = f.per_year and self.last_year is not None
                out.add(f.concrete_path(self.last_year - (offset or 0)) if per_year else f.path)  # type: ignore[operator]
            elif ref.name in self.rules.derived:
                key = (ref.name, offset or 0)
                if key not in self.memo:
                    self.memo[key] = frozenset(self.of_expression(self.rules.derived[ref.name].expression, offset or 0))
                out |= self.memo[key]
        return out

    def of_item(self, item: ScoreItem) -> set[str]:
        out: set[str] = set()
        exprs = [item.points_from_value] + [b.when for b in item.each]
        for scale in item.scales:
            exprs.append(scale.value)
            exprs.extend(b.when for b in scale.bands)
        for e in exprs:
            if e is not None:
                out |= self.of_expression(e, 0)
        return out

    def of_node(self, node: Node) -> set[str]:
        if node.kind == "check" and node.value is not None:
            return self.of_expression(node.value, 0)
        if node.kind in ("veto", "qualitative") and node.field is not None:
            return {self.rules.fields[node.field].path}
        if node.kind == "sme":
            out = {"industry"}
            for e in self.rules.size.inputs.values():
                out |= self.of_expression(e, 0)
            return out
        if node.kind == "score" and node.table is not None:
            out = set()
            for item in self.rules.scores[node.table].items:
                if node.group is None or item.group == node.group:
                    out |= self.of_item(item)
            return out
        return set()

    def of_criterion(self, c: CriterionResult) -> set[str]:
        if c.item is not None:
            return self.of_item(c.item)
        return self.of_node(c.rule) if c.rule is not None else set()


def paths_read(rules: RuleSet, last_year: int) -> set[str]:
    """Every concrete input path some criterion or score item of ``rules`` could read, with the years of
    ``last_year``: what a template is worth asking for."""
    inputs = InputPaths(rules, last_year)
    out: set[str] = set()
    for tier in rules.tiers.values():
        for node in tier.criteria.walk():
            out |= inputs.of_node(node)
    for table in rules.scores.values():
        for item in table.items:
            out |= inputs.of_item(item)
    return out


def template_columns(rules: RuleSet, columns: list[str], last_year: int, others: Iterable[RuleSet] = ()) -> list[str]:
    """``columns`` (every field, each per-year field for three years) without the years of a per-year
    field that neither ``rules`` nor any of ``others`` (the other shipped sets, which a renewal's
    calendar may pick) reads: a park's template asked 40 companies for 净利润, 资产总额, 负债总额 and
    成本费用支出总额 of years no rule looks at, and for 研发费用 three years back. The consistency checks
    compare only years both of which a rule reads (revenue and main revenue year on year, liabilities
    against assets and R&D expense against revenue in one year), so they lose nothing. A field that is
    not per year stays whatever reads it: the renewal asks for the title it renews."""
    read = paths_read(rules, last_year)
    for other in others:
        read |= paths_read(other, last_year)
    per_year = {f.concrete_path(year) for f in rules.fields.values() if f.per_year
                for year in (last_year, last_year - 1, last_year - 2)}
    return [path for path in columns if path not in per_year or path in read]
