"""A row of batch's results given to read_profile: the error names its company and keeps the kind a script
matched on before it did."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

from typer.testing import CliRunner

import littlegiant
from littlegiant.cli.app import app

DAY = date(2026, 11, 26)


def test_a_results_row_read_as_a_profile_keeps_its_kind_and_names_its_company(tmp_path: Path) -> None:
    """read_profile(row of 结果.csv) raised an error of kind "column.results_row" (dfb9da1); naming the company
    made it a row's error of kind None, and ``except InputError as e: if e.kind == "column.results_row"`` in a
    script no longer matched."""
    sheet = tmp_path / "名单.csv"
    sheet.write_text("企业名称,营业收入（2025年）,从业人员（上年末）\n甲公司,8000,120\n", encoding="utf-8")
    out = tmp_path / "结果.csv"
    done = CliRunner().invoke(app, ["batch", str(sheet), "--as-of", DAY.isoformat(), "-o", str(out), "--lang", "zh"])
    assert done.exit_code == 0, done.output
    with out.open(encoding="utf-8-sig", newline="") as handle:
        row = next(csv.DictReader(handle))
    try:
        littlegiant.read_profile(row, as_of=DAY)
    except littlegiant.InputError as exc:
        assert exc.kind == "column.results_row"
        assert exc.render("zh") == "这是批量评估输出的一行评估结果，不是企业的数据：请改用原来企业名单的各行（要补充的数据也填在名单中）"
        assert exc.name == "甲公司"  # type: ignore[attr-defined]
    else:
        raise AssertionError("a results row was read as a company's figures")
    item = next(littlegiant.screen([row], as_of=DAY, lang="zh"))
    assert item.name == "甲公司" and [p.kind for p in item.problems] == ["column.results_row"]
