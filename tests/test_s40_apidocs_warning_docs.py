"""docs/criteria.md §8a and docs/output.md §4 list every figure check a report says: a park analyst reading a
需核对的数据 cell, or a script matching a JSON warning's ``kind``, looked there for it."""

from __future__ import annotations

import re

import pytest
from tests.conftest import EXAMPLES, ROOT

import littlegiant

CASES = {  # a what-if on a clear 2026 Little Giant that each check (session 39's among them) warns of
    "net profit above revenue": {"financials.2025.net_profit": 13000},
    "R&D over half of revenue": {"financials.2025.rd_expense": 7000},
    "R&D above 成本费用支出总额": {"financials.2025.total_costs": 600, "financials.2025.rd_expense": 650},
    "main business under a tenth": {"financials.2025.main_revenue": 1000},
    "assets under 2% of revenue": {"financials.2025.total_assets": 100, "financials.2025.total_liabilities": 50},
    "成本费用支出总额 under a fifth": {"financials.2025.total_costs": 2000},
    "a debt ratio as its percent": {"financials.2025.total_liabilities": 45},
    "a debt ratio as a fraction": {"financials.2025.total_liabilities": 0.45},
    "a figure of a year after last year": {"financials.2026.revenue": 13000},
    "an IP count above one holding it": {"ip.class1": 6, "ip.class1_self_developed": 5, "ip.class1_applied": 4,
                                         "ip.class1_top3_holder": 5},
}


def _section(text: str, start: str, end: str) -> str:
    return text[text.index(start):text.index(end, text.index(start))]


@pytest.mark.parametrize("case", CASES)
def test_each_figure_check_is_documented(case: str) -> None:
    """§8a's table listed R&D and liabilities above their wholes, growth and sizes, not the checks added since
    (net profit above revenue, R&D over half of revenue, the shares under a tenth, 2% and a fifth, a debt ratio
    typed as its percent, figures of a year after last year); §4's kinds had no `share`, `within` nor `later_year`.
    Each warning's kind is in §4, and its figure with the figure it is held to in one row of §8a's table."""
    done = littlegiant.assess(EXAMPLES / "little-giant-2026.yaml", as_of="2026-11-26", what_if=CASES[case], advice=False)
    warned = [w for w in done.to_json("en")["warnings"] if w["path"] in {*CASES[case], "financials.2025.rd_expense"}]
    assert warned, case
    output = (ROOT / "docs" / "output.md").read_text(encoding="utf-8")
    kinds = next(line for line in _section(output, "## 4.", "## 5.").splitlines()
                 if line.startswith("| `kind` |") and "`growth`" in line)  # the warnings' table
    table = [line for line in _section((ROOT / "docs" / "criteria.md").read_text(encoding="utf-8"), "## 8a.", "## 9.")
             .splitlines() if line.startswith("| ")]
    for w in warned:
        assert f"`{w['kind']}`" in kinds, w["kind"]
        figure = re.sub(r"\.20\d\d\.", ".Y.", w["path"])
        other = re.sub(r"\.20\d\d\.", ".Y.", w.get("compared_with") or "")
        rows = [r for r in table if f"`{figure}`" in r and other in r] if not figure.startswith("financials.Y.") or \
            w["kind"] != "later_year" else [r for r in table if "a year after last year" in r]
        if w["kind"] == "within":  # said in §8a's words after the table: within: [OTHER, …]
            rows = [p for p in _section((ROOT / "docs" / "criteria.md").read_text(encoding="utf-8"), "## 8a.", "## 9.")
                    .split("\n\n") if "`ip.class1_top3_holder`" in p and "`ip.class1_applied`" in p]
        assert rows, (case, w)
