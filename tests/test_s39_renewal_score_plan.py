"""A renewal is met by either of the last two years' platform scores; last year's is history. A plan for a
专精特新 renewal at 40 (this year) and 45 (last year) asked to raise last year's score to 50 and called the plan
verified; it now asks for this year's. The renewal's score clause names its evidence (the platform's results of
both years), which the materials list left out."""

from __future__ import annotations

from pathlib import Path

import yaml
from tests.conftest import EXAMPLES
from typer.testing import CliRunner

from littlegiant.cli.app import app


def _company(folder: Path, this_year: int, last_year: int) -> str:
    doc = yaml.safe_load((EXAMPLES / "little-giant-2026.yaml").read_text(encoding="utf-8"))
    doc["titles"] = {"innovative_sme": True, "tech_sme": False, "zjtx_sme": True, "little_giant": False}
    doc["platform_score"] = this_year
    doc["platform_score_previous"] = last_year
    path = folder / "复核.yaml"
    path.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    return str(path)


def _report(*args: str) -> str:
    done = CliRunner().invoke(app, [*args, "--lang", "zh", "--as-of", "2026-11-26"],
                              env={"COLUMNS": "200", "NO_COLOR": "1"})
    assert done.exit_code == 0, done.output
    return done.stdout


def test_a_renewal_plan_raises_this_years_score_not_last_years(tmp_path: Path) -> None:
    out = _report("assess", _company(tmp_path, 40, 45), "--renewal", "zjtx_sme")
    plan = out[out.index("行动计划"):out.index("需准备的材料")]
    assert "本年度专精特新发展评价得分（官方平台）：40 → 50分" in plan
    assert "上一年度专精特新发展评价得分" not in plan


def test_a_renewals_materials_name_the_platform_results_of_both_years(tmp_path: Path) -> None:
    out = _report("assess", _company(tmp_path, 55, 45), "--renewal", "zjtx_sme")
    materials = out[out.index("需准备的材料"):out.index("依据说明")]
    assert "官方平台近两年评价结果截图" in materials
