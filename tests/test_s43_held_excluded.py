"""Found in review: a company holding 小巨人 whose exclusion stands (与"小巨人"企业存在控股关系) read in its JSON
``gaps`` that the title is held, where its plan said the exclusion bars the tier. Since a held title's plan
needs no --renewal, every run met it. The exclusion is said, and the title not called held, alike."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from tests.conftest import EXAMPLES
from typer.testing import CliRunner

from littlegiant.cli.app import app


def test_a_held_title_barred_by_its_exclusion_is_not_called_held() -> None:
    args = ["assess", str(EXAMPLES / "little-giant-2026.yaml"), "--as-of", "2026-11-26", "--lang", "zh",
            "--set", "titles.little_giant=true", "--set", "exclusions.related_to_little_giant=true"]
    done = CliRunner().invoke(app, [*args, "--format", "json"])
    assert done.exit_code == 0, done.output
    doc = json.loads(done.stdout)
    assert doc["plans"]["little_giant"]["held"] is False and doc["gaps"]["little_giant"]["held"] is False
    text = "".join(CliRunner().invoke(app, args, env={"COLUMNS": "80"}).stdout.split())
    plan = text[text.index("行动计划"):text.index("需准备的材料")]
    assert "存在时不能认定这一层级" in plan and '专精特新"小巨人"企业：已持有这一称号' not in plan


def test_a_row_holding_every_title_says_the_reports_plan_line(tmp_path: Path) -> None:
    """Found in review: a company holding both 专精特新 and 小巨人 got an empty 下一步 under batch --advice
    without --renewal (every tier passed over as held). The row says the report's plan line of the highest
    title: that it is held, with nothing said to hold it back; or, where the tier's exclusion stands, that."""
    text = (EXAMPLES / "little-giant-2026.yaml").read_text(encoding="utf-8")
    both = text.replace("zjtx_sme: true, little_giant: false", "zjtx_sme: true, little_giant: true")
    barred = both.replace("related_to_little_giant: false", "related_to_little_giant: true")
    assert both != text and barred != both
    for name, profile, gap in (("held", both, ""), ("barred", barred, None)):
        folder = tmp_path / name
        folder.mkdir()
        (folder / "a.yaml").write_text(profile, encoding="utf-8")
        out = tmp_path / f"{name}.csv"
        done = CliRunner().invoke(app, ["batch", str(folder), "-o", str(out), "--advice", "--lang", "zh", "--as-of",
                                        "2026-11-26", "-q"])
        assert done.exit_code == 0, done.output
        row = next(csv.DictReader(out.open(encoding="utf-8-sig")))
        report = CliRunner().invoke(app, ["assess", str(folder / "a.yaml"), "--lang", "zh", "--as-of", "2026-11-26"],
                                    env={"COLUMNS": "200"})
        plan = report.stdout[report.stdout.index("行动计划"):report.stdout.index("需准备的材料")]
        assert f"■ {row['下一步']}" in plan, (row["下一步"], plan)
        if gap is not None:
            assert row["主要差距"] == gap and row["下一步"] == \
                '专精特新"小巨人"企业：已持有这一称号，有效期内无需再申报，到期前按复核条件复核'
        else:
            assert "排除情形" in row["主要差距"] and "存在时不能认定这一层级" in row["下一步"]
