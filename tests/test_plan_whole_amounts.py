"""A plan's amounts are whole 万元, taken on the side that cannot understate what is needed: a raise up
(「营业收入（2026年）：9,800 → 9,812.25万元」 asked a quarter of a 万元 beside targets all whole), the same
in text, Markdown and HTML, and the plan so rounded is the one checked."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
from tests.test_compare_alternatives import PROFILE
from tests.test_reports import cli, squash

ARGS = ("--as-of", "2026-12-04", "--lang", "zh")


@pytest.fixture()
def mixed(tmp_path: Path) -> str:
    """2024 revenue of 8,900万: a compound growth of 5% to 2026 needs 9,812.25万 (8,900 × 1.05²)."""
    path = tmp_path / "b_mix.yaml"
    path.write_text(PROFILE, encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_a_raise_is_said_in_whole_wan_rounded_up(mixed: str, fmt: str) -> None:
    """The growth's 9,812.25万 is planned as 9,813万 (+13), its main revenue with it, in every format."""
    out = html.unescape(re.sub(r"<[^>]+>", "", cli("assess", mixed, *ARGS, "--format", fmt, columns=80)))
    plan = squash(out.split("行动计划", 1)[1].split("需准备的材料", 1)[0])
    assert squash("营业收入（2026年）：9,800 → 9,813万元（+13；") in plan, plan
    assert squash("主营业务收入（2026年）：9,100 → 9,113万元（+13；") in plan
    assert not re.search(r"\d,\d{3}\.\d+万元", plan), plan


def test_the_rounded_plan_is_the_one_checked(mixed: str) -> None:
    """The JSON's moves carry the whole amounts, and the tier re-assessed with them is what the plan says;
    one 万元 less revenue fails the growth the raise is for."""
    doc = json.loads(cli("assess", mixed, *ARGS, "--format", "json"))
    plan = doc["plans"]["little_giant"]
    moves = {m["path"]: m["after"] for m in plan["moves"]}
    assert moves["financials.2026.revenue"] == 9813 and moves["financials.2026.main_revenue"] == 9113
    sets = [x for m in plan["moves"] for x in ("--set", m["set"])]
    day = ("--as-of", "2027-12-04", "--lang", "zh", "--format", "json")
    again = json.loads(cli("assess", mixed, *day, *sets))
    assert again["tiers"]["little_giant"]["status"] == plan["checked"]

    def growth(revenue: str) -> str:
        out = json.loads(cli("assess", mixed, *day, *sets, "--set", f"financials.2026.revenue={revenue}"))
        return next(c["status"] for c in out["tiers"]["little_giant"]["criteria"] if c["id"] == "lg26.cagr")

    assert growth("9813") == "met" and growth("9812") == "unmet"


@pytest.mark.parametrize(("before", "planned", "whole"), [
    ("100", "100.005", "101"),  # a raise with no whole 万元 between: up, never the fraction kept
    ("100.5", "100.7", "101"),
    ("1602.9", "1602.4", "1602"),  # a cut: down
])
def test_a_move_with_no_whole_amount_between_is_taken_on_the_safe_side(before: str, planned: str,
                                                                       whole: str) -> None:
    """The nearer whole amount is tried first (10,800 for 10,800.0099); where none lies between the figure
    and the target (100 → 100.005), that try kept the fraction and the plan said 100 → 100.01万元 (review,
    session 30). Both tries now give the whole amount on the side that cannot understate it."""
    from decimal import Decimal

    from littlegiant.core.tierplan import Move, _whole_amounts
    from littlegiant.load import rules
    from littlegiant.load.profile import field_for_path
    from littlegiant.messages import Text

    rs = rules.load("miit-2026")
    path = "financials.2026.rd_expense"
    move = Move(path, field_for_path(rs, path), Decimal(before), Decimal(planned), "change", "x", Text("x", "x"))
    for toward in (False, True):
        moves, values = _whole_amounts(rs, {path: move}, {path: Decimal(planned)}, toward=toward)
        assert values[path] == moves[path].after == Decimal(whole), (toward, values)
