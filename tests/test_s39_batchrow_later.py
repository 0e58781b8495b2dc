"""Figures of a year after last year are said, never dropped without a word.

A finance manager keeps this year's figures beside last year's (financials.2026 in a profile assessed in
December 2026), or assesses answers saved under a later date: no criterion reads them, and they vanished
from every report and batch row with no word. Now each report, the JSON result and a batch row's
需核对的数据 say that the assessment reads last year's and these change nothing; no verdict changes.
"""

from __future__ import annotations

import csv
import json
import re
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from littlegiant.cli.app import app
from littlegiant.core import engine
from littlegiant.load import profile, rules
from littlegiant.report.common import warning_sentences

runner = CliRunner()
EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "little-giant-2026.yaml"
AS_OF = "2026-12-01"


def with_2026(tmp_path: Path) -> Path:
    text = EXAMPLE.read_text(encoding="utf-8").replace(
        "financials:\n", "financials:\n  2026: {revenue: 11000, main_revenue: 10000, rd_expense: 600}\n", 1)
    path = tmp_path / "企业.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_the_report_says_the_later_years_figures_change_nothing(tmp_path: Path) -> None:
    """The text report names 2026, its first figure and how many, and that 2025's are read."""
    done = runner.invoke(app, ["assess", str(with_2026(tmp_path)), "--as-of", AS_OF, "--lang", "zh"])
    assert done.exit_code == 0, done.output
    assert ("资料中填有2026年的数据（「营业收入（2026年）」11,000万元等3项）：评估看的是上年度（2025年）的数据，"
            "2026年的数据不影响本次结论；如果它们其实是2025年的，请改填到2025年") in squash(done.stdout)
    english = runner.invoke(app, ["assess", str(with_2026(tmp_path)), "--as-of", AS_OF, "--lang", "en"])
    assert ("The profile gives figures for 2026 (Operating revenue 2026: 11,000 (10k CNY) and 2 more): the "
            "assessment reads last year's, 2025") in " ".join(english.stdout.split())


def test_the_json_names_each_later_figure_and_the_verdicts_stay(tmp_path: Path) -> None:
    """Each 2026 figure is a later_year warning; every tier's status is the one without them."""
    path = with_2026(tmp_path)
    doc = json.loads(runner.invoke(app, ["assess", str(path), "--as-of", AS_OF, "--format", "json"]).stdout)
    plain = json.loads(runner.invoke(app, ["assess", str(EXAMPLE), "--as-of", AS_OF, "--format", "json"]).stdout)
    later = [w for w in doc["warnings"] if w["kind"] == "later_year"]
    assert [(w["path"], w["value"], w["limit"]) for w in later] == [
        ("financials.2026.revenue", 11000, 2025), ("financials.2026.main_revenue", 10000, 2025),
        ("financials.2026.rd_expense", 600, 2025)]
    assert {t: v["status"] for t, v in doc["tiers"].items()} == {t: v["status"] for t, v in plain["tiers"].items()}
    assert plain["warnings"] == []


def test_a_sheet_with_this_years_column_says_it_on_each_row_once(tmp_path: Path) -> None:
    """A park's sheet with 2026 and 2025 columns: each row's 需核对的数据 says it once, however many figures."""
    sheet = tmp_path / "名单.csv"
    sheet.write_text("企业名称,所属行业,从业人员,营业收入（2025年）,营业收入（2026年）,研发费用（2026年）\n"
                     "甲公司,工业,120,7000,8000,400\n乙公司,工业,80,3000,,\n", encoding="utf-8")
    out = tmp_path / "out.csv"
    done = runner.invoke(app, ["batch", str(sheet), "-o", str(out), "--as-of", AS_OF, "--lang", "zh", "-q"])
    assert done.exit_code == 0, done.output
    with out.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert [r["需核对的数据"] for r in rows] == [
        "资料中填有2026年的数据（「营业收入（2026年）」8,000万元等2项）：评估看的是上年度（2025年）的数据，"
        "2026年的数据不影响本次结论；如果它们其实是2025年的，请改填到2025年", ""]


BASE: dict[str, Any] = json.loads(json.dumps(yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))), parse_float=Decimal)
"""The example as a reader's data: figures with a point as Decimal (a float is refused as a binary double)."""


@settings(max_examples=25, deadline=None)
@given(later=st.dictionaries(st.integers(2026, 2030), st.fixed_dictionaries(
    {}, optional={"revenue": st.integers(0, 50000), "rd_expense": st.integers(0, 3000),
                  "net_profit": st.integers(-500, 5000)}), min_size=1, max_size=3))
def test_later_figures_never_change_a_verdict_and_each_year_is_said(later: dict[int, dict[str, int]]) -> None:
    """Whatever figures of years after 2025 are added, every tier's status is the same, and each year
    with a figure is named in one sentence."""
    rs = rules.load("miit-2026")
    base = profile.from_data(BASE, rs, "base")
    data = {**BASE, "financials": {**BASE["financials"], **{str(y): f for y, f in later.items()}}}
    prof = profile.from_data(data, rs, "later")
    day = date(2026, 12, 1)
    before, after = engine.evaluate(rs, base, day), engine.evaluate(rs, prof, day)
    assert {t: r.status for t, r in after.tiers.items()} == {t: r.status for t, r in before.tiers.items()}
    said = " ".join(warning_sentences(after.warnings, "zh"))
    for year, figures in later.items():
        assert (f"资料中填有{year}年的数据" in said) == bool(figures)
