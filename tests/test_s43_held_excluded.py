"""Found in review: a company holding 小巨人 whose exclusion stands (与"小巨人"企业存在控股关系) read in its JSON
``gaps`` that the title is held, where its plan said the exclusion bars the tier. Since a held title's plan
needs no --renewal, every run met it. The exclusion is said, and the title not called held, alike."""

from __future__ import annotations

import json

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
