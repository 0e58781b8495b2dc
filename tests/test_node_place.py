"""A rule is a place of a rule file (``Node.place``), wherever the tiers use it; a node built in code is
only itself, and what the rule set keeps of it (its memo, which lives as long as the set) never goes
by its id(), which a later node can have once it is gone."""

from __future__ import annotations

import dataclasses

import littlegiant
from littlegiant.core.result import stops_every_tier
from littlegiant.load.rules import Node, RuleSet


def _with_first(rs: RuleSet, node: Node) -> None:
    """``node`` put first in every tier of ``rs``, as a script adding a red line of its own would."""
    for tid, tier in list(rs.tiers.items()):
        rs.tiers[tid] = dataclasses.replace(
            tier, criteria=dataclasses.replace(tier.criteria, children=(node, *tier.criteria.children)))


def test_the_shared_gates_red_line_is_one_rule_in_every_tier() -> None:
    """数据造假 of the 2026 gate stands in every tier (one place of the file), a 单项冠军 exclusion in one."""
    rs = littlegiant.load_rules("miit-2026")
    nodes = {n.id: n for _, n in rs.all_nodes()}
    assert nodes["gate.data_fabrication"].place() is not None
    assert stops_every_tier(rs, nodes["gate.data_fabrication"])
    single = next(n for n in nodes.values() if n.kind == "veto" and n.field == "single_champion")
    assert not stops_every_tier(rs, single)


def test_a_red_line_built_in_code_is_judged_by_itself_not_by_a_gone_nodes_answer() -> None:
    """Red lines built in code (no file, no line) asked about and let go, then one more put in every tier:
    it stops every tier, though it sits where one of those gone, each in no tier, sat."""
    shipped = littlegiant.load_rules("miit-2026")
    rs = dataclasses.replace(shipped, tiers=dict(shipped.tiers))
    fabrication = next(n for _, n in rs.all_nodes() if n.id == "gate.data_fabrication")

    def built_in_code() -> Node:
        return dataclasses.replace(fabrication, id="mine.red_line", file=None, line=None)

    gone: set[int] = set()
    for _ in range(200):
        stray = built_in_code()
        assert stray.place() is None
        assert not stops_every_tier(rs, stray)  # in no tier
        gone.add(id(stray))
        del stray
    alive = [built_in_code()]
    while id(alive[-1]) not in gone and len(alive) < 10_000:
        alive.append(built_in_code())
    added = alive[-1]
    assert id(added) in gone  # where a gone one sat (CPython reuses the memory at once)
    _with_first(rs, added)
    assert stops_every_tier(rs, added)
    assert not any(stops_every_tier(rs, other) for other in alive[:-1])
