"""Found trying the interview as a finance manager: revenue given as 约1.2亿 made R&D of 350万 a share of
2.92%, short of 3% by less than 5% of it, and the plan said the condition 「取决于2024、2025年的数据，已无法
改变，本轮不能满足」 under a warning that the verdict rests on that approximation. The years cannot change,
but the exact figure may: the plan says so. An exact figure, or a rough one far from the threshold, reads
as before."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from littlegiant.cli.app import app

PROFILE = """name: 某精密部件有限公司
industry: industrial
employees: 230
financials:
  2025: {{revenue: {revenue}, rd_expense: 350}}
"""
CONDITION = "「上年度研发费用占营业收入比重不低于3%」取决于2024、2025年的数据，"


def _plan(tmp_path: Path, revenue: str, lang: str = "zh") -> list[str]:
    path = tmp_path / "co.yaml"
    path.write_text(PROFILE.format(revenue=revenue), encoding="utf-8")
    done = CliRunner().invoke(app, ["assess", str(path), "--as-of", "2026-12-01", "--lang", lang, "--format", "json"])
    assert done.exit_code == 0, done.output
    text: list[str] = json.loads(done.stdout)["plans"]["zjtx_sme"]["text"]
    return text


def test_a_closed_condition_missed_by_a_rough_figure_asks_for_the_exact_one(tmp_path: Path) -> None:
    said = [line for line in _plan(tmp_path, "约1.2亿") if line.startswith(CONDITION)]
    assert said == [CONDITION + "这些年份已无法改变；按所填的约数不能满足，但相差不到5%，结论取决于准确数字，请先核对"]
    english = [line for line in _plan(tmp_path, "约1.2亿", "en") if "can no longer change" in line]
    assert english == ["\"R&D share of revenue last year at least 3%\" rests on 2024, 2025 figures, which can no longer "
                       "change; at the approximate figure given it is not met, but by less than 5%: the verdict rests on "
                       "the exact figure, please check it first"]


def test_an_exact_figure_or_a_rough_one_far_off_cannot_change(tmp_path: Path) -> None:
    for revenue in ("12000", "约1.5亿"):  # 2.92% exact; 2.33% of a rough 1.5亿, 5% off still short
        said = [line for line in _plan(tmp_path, revenue) if line.startswith(CONDITION)]
        assert said == [CONDITION + "已无法改变，本轮不能满足"], revenue


def test_a_blocker_one_of_whose_conditions_is_missed_by_an_exact_figure_cannot_change(tmp_path: Path) -> None:
    """Found in review: 2025's R&D given as 约355万 (2.96%, close to 3%) beside 2024's exact 150万 (1.43%): the
    blocker holding both said the exact figure decided, where no figure of 2025 can meet 2024's share."""
    path = tmp_path / "co.yaml"
    path.write_text(PROFILE.format(revenue="12000").replace("rd_expense: 350}", "rd_expense: 约355万}")
                    + "  2024: {revenue: 10500, rd_expense: 150}\n", encoding="utf-8")
    done = CliRunner().invoke(app, ["assess", str(path), "--as-of", "2026-11-26", "--lang", "zh", "--format", "json"])
    assert done.exit_code == 0, done.output
    doc = json.loads(done.stdout)
    assert any(w["kind"] == "approximate_close" for w in doc["warnings"])  # the rough figure is close to its bar
    said = [line for line in doc["plans"]["zjtx_sme"]["text"] if "无法改变" in line]
    assert said and all(line.endswith("已无法改变，本轮不能满足") for line in said), said
