"""A total's floor (the least a sum of figures can be with its blank years at their lowest) is given back
for a profile with every figure of it blank as the number worked out once, and otherwise added up: held
here to the formula's own floor on any mix of blank and given years, for every summing formula of the
shipped rule sets, and through a batch row whose verdict rests on it."""

from __future__ import annotations

import csv
import json
from decimal import Decimal
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from littlegiant.cli.app import app
from littlegiant.core.plan import plan_for
from littlegiant.load import rules as rulesets

runner = CliRunner()

_AMOUNT = st.one_of(st.none(), st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False))


def _summing_checks() -> list[tuple[object, object]]:
    """(plan, formula) for each check of a shipped set whose value is a total with a floor."""
    out = []
    for rid in ("miit-2026", "miit-2022"):
        rs = rulesets.load(rid)
        plan = plan_for(rs, 2025, None)
        for tier in rs.tiers.values():
            for node in tier.criteria.walk():
                if node.kind == "check" and node.value is not None and plan._floor_of(node.value, 0)[0] is not None:
                    out.append((plan, node.value))
    return out


CHECKS = _summing_checks()


def test_the_shipped_sets_have_totals_with_floors() -> None:
    """equity_3y, equity_2y, rd_2y_total: without any the properties below would hold of nothing."""
    sources = {e.source for _, e in CHECKS}  # type: ignore[attr-defined]
    assert {"equity_3y", "equity_2y", "rd_2y_total"} <= sources, sources


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_a_floor_is_the_formulas_own_whatever_years_are_blank(data: st.DataObject) -> None:
    plan, e = data.draw(st.sampled_from(CHECKS))
    exact, paths = plan._floor_of(e, 0)  # type: ignore[attr-defined]
    quick = plan._floor(e)  # type: ignore[attr-defined]
    state: dict[str, object] = {"name": "甲公司"}
    for path in paths:
        v = data.draw(_AMOUNT)
        if v is not None:
            state[path] = v
    got, want = quick(state, 0), exact(state, 0)
    assert got == want and str(got) == str(want), (state, got, want)


def test_a_total_carried_past_its_bar_by_the_years_given_is_met_in_a_batch_row(tmp_path: Path) -> None:
    """Innovative's direct route of 近三年新增股权融资 ≥ 500万: 600万 in one year, the others blank, meets
    it (the blank years can only add); with every year blank it stays unknown, as before."""
    base = {"name": "甲公司", "industry": "industrial", "employees": 100, "registered_in_china": True,
            "compliance": {k: False for k in ("abnormal_operation", "serious_dishonesty", "prohibited_products",
                                              "major_incident", "tax_violation", "data_fabrication")},
            "financials": {"2025": {"revenue": 3000, "total_assets": 3000}}}
    given_one = json.loads(json.dumps(base))
    given_one["name"] = "乙公司"
    given_one["equity_financing"] = {"2024": 600}
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in (base, given_one)) + "\n", encoding="utf-8")
    out = tmp_path / "out.csv"
    done = runner.invoke(app, ["batch", str(src), "-o", str(out), "--lang", "zh", "--as-of", "2026-06-01", "-q"])
    assert done.exit_code == 0, done.output
    rows = list(csv.DictReader(out.open(encoding="utf-8-sig")))
    assert [r["科技和创新型中小企业"] for r in rows] == ["未知", "满足"], rows
    assert Decimal(0) == plan_for(rulesets.load("miit-2026"), 2025, None)._floor(  # every year blank: the least
        next(e for _, e in CHECKS if e.source == "equity_3y"))({}, 0)  # type: ignore[attr-defined]
