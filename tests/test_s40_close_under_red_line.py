"""A batch row and a screened item do not say a verdict rests on an approximate figure where a red line
has settled the tier, as the report no longer does: under a serious incident (a red line) the row's 需核对的数据
said 「这一项的结论取决于这个约数，请核对准确数字」 of an R&D given as 约600, and a park chased an exact figure
that could change nothing."""

from __future__ import annotations

import csv
from pathlib import Path

import yaml
from tests.conftest import EXAMPLES
from typer.testing import CliRunner

import littlegiant
from littlegiant.cli.app import app


def _company(red_line: bool) -> dict[str, object]:
    """The 2026 sample with R&D given as about 600万, its two-year total 1,250万 just above 1,200万."""
    doc = yaml.safe_load((EXAMPLES / "little-giant-2026.yaml").read_text(encoding="utf-8"))
    doc["financials"][2025]["rd_expense"] = "约600"
    doc["financials"][2024]["rd_expense"] = 650
    doc["compliance"]["major_incident"] = red_line
    return doc


def _row(tmp_path: Path, red_line: bool) -> dict[str, str]:
    source = tmp_path / f"企业-{red_line}.yaml"
    source.write_text(yaml.safe_dump(_company(red_line), allow_unicode=True), encoding="utf-8")
    out = tmp_path / f"结果-{red_line}.csv"
    done = CliRunner().invoke(app, ["batch", str(source), "-o", str(out), "--as-of", "2026-11-26", "--lang", "zh"])
    assert done.exit_code == 0, done.output
    with out.open(encoding="utf-8-sig") as handle:
        return next(csv.DictReader(handle))


def test_a_batch_row_under_a_red_line_rests_nothing_on_an_approximate_figure(tmp_path: Path) -> None:
    assert "这一项的结论取决于这个约数" in _row(tmp_path, red_line=False)["需核对的数据"]
    settled = _row(tmp_path, red_line=True)
    assert settled["处理结果"] == "已评估" and "约数" not in settled["需核对的数据"], settled


def test_a_screened_item_under_a_red_line_rests_nothing_on_an_approximate_figure() -> None:
    open_call, settled = littlegiant.screen([_company(False), _company(True)], as_of="2026-11-26", lang="zh")
    assert any("这一项的结论取决于这个约数" in w for w in open_call.warnings)
    assert not any("约数" in w for w in settled.warnings), settled.warnings
