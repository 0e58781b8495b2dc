"""R&D expense near all of revenue, and main-business revenue a sliver of it, are asked about.

11,280万 of R&D against 12,000万 of revenue (94%: 主营业务收入 pasted one column over) passed without a
word, where 12,001万 was warned of; 180万 of main-business revenue against 12,000万 (1.5%: the share
typed, or a digit short) failed every main-business condition without one. Each is now a warning, as
the other unusual figures are; a real R&D-heavy firm at 40%, or a main business at half of revenue,
is not.
"""

from __future__ import annotations

import csv
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
EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "little-giant-2026.yaml"
AS_OF = "2026-12-01"
LINE = "  2025: {revenue: 12000, main_revenue: 11000, rd_expense: 650,"


def example_with(tmp_path: Path, main: str, rd: str) -> Path:
    text = EXAMPLE.read_text(encoding="utf-8")
    assert LINE in text
    path = tmp_path / f"企业{main}-{rd}.yaml"
    path.write_text(text.replace(LINE, f"  2025: {{revenue: 12000, main_revenue: {main}, rd_expense: {rd},"),
                    encoding="utf-8")
    return path


def warnings(path: Path, lang: str = "zh") -> list[dict[str, object]]:
    done = runner.invoke(app, ["assess", str(path), "--as-of", AS_OF, "--format", "json", "--lang", lang])
    assert done.exit_code == 0, done.output
    return json.loads(done.stdout)["warnings"]  # type: ignore[no-any-return]


def test_rd_at_94_percent_of_revenue_is_asked_about(tmp_path: Path) -> None:
    found = warnings(example_with(tmp_path, "11000", "11280"))
    assert [(w["kind"], w["path"], w["message"]) for w in found] == [
        ("share", "financials.2025.rd_expense",
         "「研发费用（2025年）」11,280万元，占「营业收入（2025年）」12,000万元的94%，超过50%：少见，请核对")]


def test_main_business_at_a_sliver_of_revenue_is_asked_about_in_english(tmp_path: Path) -> None:
    found = warnings(example_with(tmp_path, "180", "650"), "en")
    assert [(w["kind"], w["path"], w["compared_with"]) for w in found] == [
        ("share", "financials.2025.main_revenue", "financials.2025.revenue")]
    assert found[0]["message"] == ("Main-business revenue 2025 is 180 (10k CNY), 1.5% of Operating revenue 2025 at "
                                   "12,000 (10k CNY), under 10%: unusual, please check")


def test_real_shares_are_not_warned_of(tmp_path: Path) -> None:
    """R&D at 40% of revenue, at exactly half; main business at half, at exactly a tenth: nothing."""
    for main, rd in (("6000", "4800"), ("1200", "6000")):
        assert warnings(example_with(tmp_path, main, rd)) == []


def test_a_batch_row_says_it_in_its_notes(tmp_path: Path) -> None:
    sheet = tmp_path / "名单.csv"
    sheet.write_text("企业名称,所属行业,从业人员,营业收入（2025年）,主营业务收入（2025年）,研发费用（2025年）\n"
                     "甲公司,工业,120,8000,92,300\n", encoding="utf-8")
    out = tmp_path / "out.csv"
    done = runner.invoke(app, ["batch", str(sheet), "-o", str(out), "--as-of", AS_OF, "--lang", "zh", "-q"])
    assert done.exit_code == 0, done.output
    with out.open(encoding="utf-8-sig", newline="") as f:
        (row,) = csv.DictReader(f)
    assert row["需核对的数据"] == "「主营业务收入（2025年）」92万元，只占「营业收入（2025年）」8,000万元的1.15%，不到10%：少见，请核对"


RS = rules.load("miit-2026")


@settings(max_examples=200, deadline=None)
@given(revenue=st.integers(1, 10**6), rd=st.integers(0, 10**6), main=st.integers(0, 10**6))
def test_a_share_is_warned_of_exactly_past_its_bound(revenue: int, rd: int, main: int) -> None:
    """R&D over half of revenue and not over all of it (that is the above warning), from 5,000万 of revenue
    (under it R&D-heavy firms are real), or main-business revenue under a tenth of revenue (0 too): a
    share warning each, and only then."""
    values: dict[str, object] = {"financials.2025.revenue": Decimal(revenue), "financials.2025.rd_expense": Decimal(rd),
                                 "financials.2025.main_revenue": Decimal(main)}
    found = {w.figure.path for w in unusual_figures(RS, values, last_year=2025) if w.kind == SHARE}
    assert ("financials.2025.rd_expense" in found) == (2 * rd > revenue and rd <= revenue and revenue >= 5000)
    assert ("financials.2025.main_revenue" in found) == (10 * main < revenue)
