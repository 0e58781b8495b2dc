"""A later round's plan that takes next year's figures as last year's says how low each may fall."""

from __future__ import annotations

import csv
import re
from pathlib import Path

from typer.testing import CliRunner

from littlegiant.cli.app import app

runner = CliRunner()

JIA = """\
name: 甲精密制造有限公司
industry: 工业
employees: 320
financials:
  2025: {revenue: 12000, main_revenue: 11500, rd_expense: 650}
  2024: {revenue: 9800, rd_expense: 520}
  2023: {revenue: 8600}
honors: {high_tech_enterprise: true}
ip: {class1: 6}
platform_score: 72
"""


def test_a_plan_with_nothing_to_raise_says_the_least_next_years_figures_may_be(tmp_path: Path) -> None:
    """小巨人 in 2027 on 2026's figures, which the plan takes as 2025's: R&D 650万 kept meets 近两年合计
    ≥1200万 and revenue 12,000万 the compound growth from 2024's 9,800万. The plan said only the platform
    score, and a client read nothing to do; a 2026 R&D under 550万, or revenue under 10,804.5万
    (√(y/9,800) − 1 ≥ 5%), fails that round. Both are steps now, in the report and the batch's 下一步: the R&D
    first, which mends the 近两年合计 the tier fails today, then the revenue, which keeps a growth it meets."""
    src = tmp_path / "jia.yaml"
    src.write_text(JIA, encoding="utf-8")
    done = runner.invoke(app, ["assess", str(src), "--lang", "zh", "--as-of", "2026-11-26"],
                         env={"COLUMNS": "80", "NO_COLOR": "1"})
    assert done.exit_code == 0, done.output
    flat = re.sub(r"\n\s*", "", done.stdout)
    plan = flat[flat.index("■ 专精特新\"小巨人\"企业：最早2027年申报"):flat.index("需准备的材料")]
    assert "1. 研发费用（2026年）：须不低于550万元（本计划按2025年的650万元估计；其他数据与估计不同时请重新评估）" in plan, plan
    assert "2. 营业收入（2026年）：须不低于10,805万元（本计划按2025年的12,000万元估计；其他数据与估计不同时请重新评估）" in plan, plan
    for rd, verdict in (("549", "不满足"), ("550", "未知")):  # the floor is the edge: one under fails the round
        later = runner.invoke(app, ["assess", str(src), "--lang", "zh", "--as-of", "2027-11-26",
                                    "--set", "financials.2026.revenue=12000", "--set", "financials.2026.main_revenue=11500",
                                    "--set", f"financials.2026.rd_expense={rd}"], env={"COLUMNS": "200", "NO_COLOR": "1"})
        assert later.exit_code == 0, later.output
        assert f"专精特新\"小巨人\"企业：{verdict}" in later.stdout, (rd, later.stdout)
    out = tmp_path / "out.csv"
    done = runner.invoke(app, ["batch", str(src), "-o", str(out), "--advice", "--lang", "zh", "--as-of", "2026-11-26", "-q"])
    assert done.exit_code == 0, done.output
    cell = next(csv.DictReader(out.open(encoding="utf-8-sig")))["下一步"]
    assert "最早2027年申报（以2026年数据计）；研发费用（2026年）：须不低于550万元" in cell, cell


def test_one_day_left_is_said_as_one_day() -> None:
    """On 31 December the English plan said 「in the 1 days left of 2026」: in its head and step where the
    raise may be made that day (+0.5万 of R&D), and in the last step, the earlier round's only if, where
    it is far beyond the day (+10万, where the day brings some 0.25万)."""
    from tests.conftest import EXAMPLES

    for extra in (["--set", "financials.2026.rd_expense=99.5"], []):
        done = runner.invoke(app, ["assess", str(EXAMPLES / "tier1-only.yaml"), "--as-of", "2026-12-31", "--lang", "en",
                                   *extra], env={"COLUMNS": "200", "NO_COLOR": "1"})
        assert done.exit_code == 0, done.output
        assert "in the 1 day left of 2026" in done.stdout, done.stdout
        assert ("only 1 day of 2026 left" in done.stdout) is bool(extra), done.stdout
        assert "1 days" not in done.stdout
