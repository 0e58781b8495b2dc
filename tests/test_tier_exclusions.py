"""An exclusion of one tier (already a manufacturing 单项冠军, or tied to a Little Giant, excludes 小巨人
alone) is not a red line: the report told such a company that no tier could be met and that no
materials were needed, while it met 科技和创新型 and awaited review for 专精特新."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from tests.conftest import EXAMPLES
from typer.testing import CliRunner

from littlegiant.cli.app import app

runner = CliRunner()
CASES = [  # (rule set, example, as of, the exclusion's path, the problem it states in zh)
    ("miit-2026", "little-giant-2026.yaml", "2026-11-26", "exclusions.single_champion", "已是制造业单项冠军企业或产品"),
    ("miit-2022", "little-giant-2022.yaml", "2026-03-01", "exclusions.related_to_little_giant", None),
]


def assess(*args: str) -> str:
    done = runner.invoke(app, ["assess", *args], env={"COLUMNS": "80", "LANG": "zh_CN.UTF-8"})
    assert done.exit_code == 0, done.output
    return done.stdout


@pytest.mark.parametrize(("rules_id", "example", "as_of", "path", "problem"), CASES)
def test_an_exclusion_of_little_giant_leaves_the_lower_tiers_and_their_materials(
        rules_id: str, example: str, as_of: str, path: str, problem: str | None) -> None:
    """The lower tiers keep their verdicts, plans and materials; 小巨人 is unmet by the exclusion, which the
    summary and the plan call an exclusion of that tier, never a red line that stops every tier."""
    common = [str(EXAMPLES / example), "--rules", rules_id, "--as-of", as_of, "--lang", "zh"]
    plain = json.loads(assess(*common, "--format", "json"))
    doc = json.loads(assess(*common, "--format", "json", "--set", f"{path}=true"))
    assert doc["tiers"]["little_giant"]["status"] == "unmet"
    for tid in ("innovative_sme", "zjtx_sme"):
        assert doc["tiers"][tid]["status"] == plain["tiers"][tid]["status"] != "unmet"
    kinds = [s["kind"] for s in doc["gaps"]["little_giant"]["steps"]]
    assert kinds[0] == "excluded" and "red_line" not in kinds
    text = assess(*common, "--set", f"{path}=true")
    assert "任何层级" not in text and "不需要准备申报材料" not in text
    assert "需准备的材料" in text
    summary = text.split("行动计划")[0]
    assert "专精特新\"小巨人\"企业——差在：排除情形「" in summary and "红线" not in summary
    if problem is not None:
        assert f"排除情形「{problem}」，存在时不能认定这一层级，其他层级不受影响" in text.replace("\n  ", "")


def test_a_red_line_of_the_shared_gate_still_stops_every_tier() -> None:
    """数据造假, a red line every tier's gate holds, still says that no tier can be met and lists no materials."""
    text = assess(str(EXAMPLES / "little-giant-2026.yaml"), "--as-of", "2026-11-26", "--lang", "zh",
                  "--set", "compliance.data_fabrication=true")
    assert "存在时任何层级都不能认定" in text.replace("\n  ", "") and "需准备的材料" not in text


def test_a_batch_row_names_an_exclusion_as_one(tmp_path: Path) -> None:
    """A park's row names the exclusion as what keeps 小巨人 out, not as a red line; in English too."""
    src = tmp_path / "co.yaml"
    src.write_text((EXAMPLES / "little-giant-2026.yaml").read_text(encoding="utf-8")
                   .replace("single_champion: false", "single_champion: true"), encoding="utf-8")
    for lang, said in (("zh", "专精特新\"小巨人\"企业：排除情形「已是制造业单项冠军企业或产品」"),
                       ("en", "Specialised and sophisticated \"Little Giant\": exclusion \"Already a manufacturing single champion")):
        out = tmp_path / f"{lang}.csv"
        done = runner.invoke(app, ["batch", str(src), "-o", str(out), "--as-of", "2026-11-26", "--lang", lang, "-q"])
        assert done.exit_code == 0, done.output
        row = next(csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig").split("\n", 1)[1])))
        assert said in row[-3] and "red line" not in row[-3] and "红线" not in row[-3]


def test_in_2025_an_exclusion_is_named_before_the_rounds_revenue_floor(tmp_path: Path) -> None:
    """A 单项冠军 below 2025's 5000万 floor: growing revenue would not help it, the exclusion stops 小巨人.
    The batch row names the exclusion, as the report does (the round's floor, placed first in its tier,
    came before the exclusion in the batch row alone)."""
    src = tmp_path / "co.yaml"
    src.write_text((EXAMPLES / "little-giant-2022.yaml").read_text(encoding="utf-8")
                   .replace("2024: {revenue: 10500, main_revenue: 9300", "2024: {revenue: 3000, main_revenue: 2800")
                   .replace("single_champion: false", "single_champion: true"), encoding="utf-8")
    out = tmp_path / "out.csv"
    done = runner.invoke(app, ["batch", str(src), "-o", str(out), "--as-of", "2025-06-01", "--lang", "zh", "-q"])
    assert done.exit_code == 0, done.output
    cell = next(csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig").split("\n", 1)[1])))[-3]
    assert cell.startswith("专精特新\"小巨人\"企业：排除情形「已是制造业单项冠军企业或产品」"), cell
    text = assess(str(src), "--as-of", "2025-06-01", "--lang", "zh")
    assert "专精特新\"小巨人\"企业——差在：排除情形「已是制造业单项冠军企业或产品」" in text
