"""-o onto a file an earlier run wrote: a consultant runs the same command again (a figure corrected, another
question asked) and the earlier result is replaced; a file this tool did not write is never replaced."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.conftest import EXAMPLES
from typer.testing import CliRunner

from littlegiant.cli.app import app

runner = CliRunner()
AS_OF = ("--as-of", "2026-11-26")
HELD_LG = EXAMPLES / "little-giant-2026.yaml"


def run(*args: str) -> tuple[int, str]:
    done = runner.invoke(app, [*args, *AS_OF], env={"COLUMNS": "80", "NO_COLOR": "1"})
    return done.exit_code, done.stderr


@pytest.mark.parametrize("explain", [
    ("--explain", "lg26.revenue"),  # one criterion: tier, renewal, judged_as, criterion
    ("--explain", "innovative.points.rd_share"),  # a points item: its scoring too
    ("--explain", "lg26.cagr", "--renewal", "little_giant", "--rules", "miit-2026"),  # not checked by a renewal: why
])
def test_an_explanation_saved_as_json_is_replaced_by_the_next_run(tmp_path: Path, explain: tuple[str, ...]) -> None:
    """assess --explain lg26.revenue --format json -o 说明.json, then any run again onto 说明.json, was
    refused: 「已存在，而且不是本工具写出的评估结果」, since the explanation's keys (tier, renewal,
    judged_as, criterion) were not the ones looked for. It is replaced, as a result or comparison is;
    a profile saved as JSON still is not."""
    out = tmp_path / "说明.json"
    code, err = run("assess", str(HELD_LG), *explain, "--format", "json", "-o", str(out))
    assert code == 0, err
    assert "criterion" in json.dumps(json.loads(out.read_text(encoding="utf-8")))
    for again in (explain, ()):
        code, err = run("assess", str(HELD_LG), *again, "--format", "json", "-o", str(out))
        assert code == 0, err
    assert "tiers" in json.loads(out.read_text(encoding="utf-8"))
    profile = tmp_path / "乙.json"
    profile.write_text(json.dumps({"name": "乙", "industry": "industrial", "criterion": 1, "tier": 2}), encoding="utf-8")
    before = profile.read_bytes()
    code, err = run("assess", str(HELD_LG), "--format", "json", "-o", str(profile))
    assert code == 2 and profile.read_bytes() == before, err
