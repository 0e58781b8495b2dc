"""「⚠ 请先核对」 as a company owner reads it (a user pass, December 2026): one approximate figure near a
threshold that two tiers share is one thing to check, said once."""

from __future__ import annotations

import csv
import html
import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from littlegiant.cli.app import app

APPROXIMATE = """\
name: 浙江新昌精工轴承有限公司
industry: industrial
employees: 约120
niche_years: 17
registered_in_china: true
compliance: {abnormal_operation: false, serious_dishonesty: false, prohibited_products: false, major_incident: false,
             tax_violation: false, data_fabrication: false}
financials:
  2025: {revenue: 8000, main_revenue: 7600, rd_expense: 260, total_assets: 11000, total_liabilities: 6500}
  2024: {revenue: 7000, rd_expense: 约220}
ip: {class1: 3, class1_applied: 2}
rd_institution: city
market: {leading: true}
honors: {high_tech_enterprise: true}
titles: {innovative_sme: true}
"""
"""约220万 of 2024 R&D against 7,000万 of revenue: 3.14%, within 5% of the 3% that 专精特新 and 小巨人 each ask."""

AS_OF = "2026-12-04"
CLOSE = ("「研发费用（2024年）」填的是约数（约220万元），由它算出的约3.14%与「前年研发费用占营业收入比重不低于3%」的门槛3%相差不到5%："
         "这一项的结论取决于这个约数，请核对准确数字")


def run(path: Path, fmt: str = "text") -> str:
    done = CliRunner().invoke(app, ["assess", str(path), "--as-of", AS_OF, "--lang", "zh", "--format", fmt],
                              env={"COLUMNS": "80", "NO_COLOR": "1"})
    assert done.exit_code == 0, done.output
    return done.stdout


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_an_approximate_figure_near_a_threshold_two_tiers_share_is_said_once(tmp_path: Path, fmt: str) -> None:
    """约220万 of 2024 R&D, within 5% of the 3% share 专精特新 and 小巨人 each ask: 「⚠ 请先核对」 printed the
    same sentence twice, word for word (each tier raised it; the sentence names no tier). Said once in
    every format, and once in a park's warnings cell; the JSON keeps an entry per criterion, its tier named."""
    path = tmp_path / "co.yaml"
    path.write_text(APPROXIMATE, encoding="utf-8")
    out = run(path, fmt=fmt)
    flat = re.sub(r"\s+", "", html.unescape(re.sub(r"<[^>]+>", "", out)) if fmt == "html" else out)
    assert flat.count(re.sub(r"\s+", "", CLOSE)) == 1, out
    doc = json.loads(run(path, fmt="json"))
    close = [w for w in doc["warnings"] if w["kind"] == "approximate_close"]
    assert sorted(w["tier"] for w in close) == ["little_giant", "zjtx_sme"]


def test_a_batch_rows_warnings_say_the_close_call_once(tmp_path: Path) -> None:
    """The park's warnings cell joined the same two sentences too."""
    path = tmp_path / "co.yaml"
    path.write_text(APPROXIMATE, encoding="utf-8")
    out = tmp_path / "out.csv"
    done = CliRunner().invoke(app, ["batch", str(path), "-o", str(out), "--as-of", AS_OF, "--lang", "zh", "-q"])
    assert done.exit_code in (0, 1), done.output
    text = out.read_text(encoding="utf-8-sig")
    assert text.count(CLOSE) == 1, text
    assert any(CLOSE in cell for row in csv.reader(text.splitlines()) for cell in row)
