"""A score item of one derived quantity by "at most" bands (innovative's 资产负债率: 55% and under 10
points, 75% and under 5, else 0) is scored by the plan itself: held here to the scorer every full
result and report uses, on any value and at each ceiling, and through a batch row's verdict."""

from __future__ import annotations

import csv
import json
from decimal import Decimal
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from littlegiant.cli.app import app
from littlegiant.core import scoring
from littlegiant.core.plan import plan_for
from littlegiant.load import rules as rulesets

runner = CliRunner()


def _at_most_items() -> list[tuple[object, object]]:
    """(plan, item) for each score item of a shipped set scored by "at most" bands of one value."""
    out = []
    for rid in ("miit-2026", "miit-2022"):
        rs = rulesets.load(rid)
        plan = plan_for(rs, 2025, None)
        for table in rs.scores.values():
            for item in table.items:
                if len(item.scales) == 1 and item.scales[0].value is not None and \
                        any(b.at_most is not None for b in item.scales[0].bands):
                    out.append((plan, item))
    return out


ITEMS = _at_most_items()
_VALUE = st.one_of(st.none(), st.decimals(min_value=-50, max_value=200, places=3, allow_nan=False),
                   st.sampled_from([Decimal(55), Decimal("55.000"), Decimal(75), Decimal("75.0001"), Decimal(0)]))


def test_innovatives_debt_ratio_is_among_them() -> None:
    assert any(i.id == "debt_ratio" for _, i in ITEMS), ITEMS  # type: ignore[attr-defined]


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_at_most_points_are_the_scorers(data: st.DataObject) -> None:
    plan, item = data.draw(st.sampled_from(ITEMS))
    v = data.draw(_VALUE)
    fn = plan._compile_item(item)  # type: ignore[attr-defined]
    slot, _ = plan._slot_of(item.scales[0].value)  # type: ignore[attr-defined]
    bands = item.scales[0].bands  # type: ignore[attr-defined]
    want = scoring.points_scorer(bands, plan._whens(bands))(v, {})  # type: ignore[attr-defined]
    state = {slot: v} if slot is not None else {}
    assert fn(state) == want, (item, v)  # type: ignore[attr-defined]


def test_a_debt_ratio_at_its_ceiling_scores_its_band_in_a_batch_row(tmp_path: Path) -> None:
    """Two companies alike but for liabilities of 55% and 55.01% of assets: innovative's 成长性 of at
    least 15 (revenue flat: 5 for growth) is met by the debt ratio's 10 points of the first, and missed by
    the 5 of the second, whose tier is then not met (its direct routes unanswered: unknown)."""
    def company(name: str, liabilities: str) -> dict[str, object]:
        return {"name": name, "industry": "industrial", "employees": 100, "registered_in_china": True,
                "compliance": {k: False for k in ("abnormal_operation", "serious_dishonesty", "prohibited_products",
                                                  "major_incident", "tax_violation", "data_fabrication")},
                "financials": {"2025": {"revenue": 3000, "main_revenue": 2400, "rd_expense": 150,
                                        "total_assets": 1000, "total_liabilities": float(liabilities)},
                               "2024": {"revenue": 2700, "main_revenue": 2400}},
                "ip": {"class1": 1, "class1_high_value": 1}, "strategic_emerging_industry": True}
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(json.dumps(company(n, x), ensure_ascii=False)
                             for n, x in (("甲公司", "550"), ("乙公司", "550.1"))) + "\n", encoding="utf-8")
    out = tmp_path / "out.csv"
    done = runner.invoke(app, ["batch", str(src), "-o", str(out), "--lang", "zh", "--as-of", "2026-06-01", "-q",
                               "--columns", "ids"])
    assert done.exit_code == 0, done.output
    rows = list(csv.DictReader(out.open(encoding="utf-8-sig")))
    assert [r["innovative_sme_status"] for r in rows] == ["met", "unknown"], rows
