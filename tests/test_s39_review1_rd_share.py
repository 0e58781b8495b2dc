"""R&D over half of revenue is asked about only where true figures hardly land there.

The warning added for a column pasted one over (11,280万 of R&D against 12,000万 of revenue) also told
real R&D-heavy firms 「少见，请核对」 above their verdict: the shipped micro software start-up (30万 of
R&D on 40万 of revenue), and a firm on the 2022 Little Giant route that criteria.md §6.1 gives firms
with revenue under 5,000万 and 3,000万 of R&D in two years. Under 5,000万 of revenue it is not asked.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from littlegiant.cli.app import app
from littlegiant.load import rules
from littlegiant.load.consistency import SHARE, unusual_figures

runner = CliRunner()
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
LINE = "  2025: {revenue: 12000, main_revenue: 11000, rd_expense: 650,"


def warned(path: Path, lang: str = "zh") -> list[tuple[str, str]]:
    done = runner.invoke(app, ["assess", str(path), "--as-of", "2026-11-26", "--format", "json", "--lang", lang])
    assert done.exit_code == 0, done.output
    return [(w["kind"], w["path"]) for w in json.loads(done.stdout)["warnings"]]


def test_the_micro_startup_example_is_not_told_its_rd_is_unusual() -> None:
    assert ("share", "financials.2025.rd_expense") not in warned(EXAMPLES / "micro-startup.yaml")
    text = runner.invoke(app, ["assess", str(EXAMPLES / "micro-startup.yaml"), "--as-of", "2026-11-26", "--lang", "zh"])
    assert "占「营业收入（2025年）」40万元的75%" not in text.stdout


def example_with(tmp_path: Path, revenue: str, main: str, rd: str) -> Path:
    text = (EXAMPLES / "little-giant-2026.yaml").read_text(encoding="utf-8")
    assert LINE in text
    path = tmp_path / f"企业{revenue}-{rd}.yaml"
    path.write_text(text.replace(LINE, f"  2025: {{revenue: {revenue}, main_revenue: {main}, rd_expense: {rd},"),
                    encoding="utf-8")
    return path


def test_an_rd_heavy_firm_under_5000_wan_is_not_asked(tmp_path: Path) -> None:
    """1,500万 of R&D on 2,000万 of revenue (75%): a firm the 2022 under-5,000万 route is written for."""
    assert ("share", "financials.2025.rd_expense") not in warned(example_with(tmp_path, "2000", "1900", "1500"))


def test_a_column_pasted_over_at_a_larger_firm_is_still_asked(tmp_path: Path) -> None:
    assert ("share", "financials.2025.rd_expense") in warned(example_with(tmp_path, "12000", "11000", "11280"), "en")
    assert ("share", "financials.2025.rd_expense") in warned(example_with(tmp_path, "5000", "4800", "2501"))


RS = rules.load("miit-2026")


@settings(max_examples=200, deadline=None)
@given(revenue=st.integers(1, 10**6), rd=st.integers(0, 10**6))
def test_rd_over_half_is_asked_from_5000_wan_of_revenue(revenue: int, rd: int) -> None:
    values: dict[str, object] = {"financials.2025.revenue": Decimal(revenue), "financials.2025.rd_expense": Decimal(rd),
                                 "financials.2025.main_revenue": Decimal(revenue)}
    found = {w.figure.path for w in unusual_figures(RS, values, last_year=2025) if w.kind == SHARE}
    assert ("financials.2025.rd_expense" in found) == (2 * rd > revenue and rd <= revenue and revenue >= 5000)
