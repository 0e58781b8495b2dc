"""An owner's review of the interview and the report in a real terminal (80 columns, LANG=zh_CN.UTF-8):
a command to copy broken across two lines, a report written to -o without a word of where, and a
rough figure (约3000万) shown back as exact."""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import pexpect
import pytest
from rich.cells import cell_len
from typer.testing import CliRunner

from littlegiant.cli.app import app

ENV = {**os.environ, "PYTHONIOENCODING": "utf-8", "NO_COLOR": "1"}
ZERO_REVENUE = """name: 初创科技有限公司
industry: industrial
employees: 12
tech_staff: 8
financials:
  2025: {revenue: 0, main_revenue: 0, rd_expense: 50, total_assets: 300, total_liabilities: 100}
  2024: {revenue: 0, main_revenue: 0, rd_expense: 30}
  2023: {revenue: 0, main_revenue: 0}
ip: {class1: 1, class2: 2}
"""
"""The owner's cases/zero_rev.yaml: its plan asks questions, and the report says how to answer them in
the interview, with the command to run."""
ROUGH_5000 = """name: 苏州恒精密机械有限公司
industry: industrial
employees: 280
tech_staff: 60
financials:
  2025: {revenue: 约5000, main_revenue: 4600, rd_expense: 500, total_assets: 12000, total_liabilities: 6000}
  2024: {revenue: 7600, rd_expense: 690}
"""


@pytest.mark.parametrize("columns", [80, 60])
def test_the_reports_command_to_answer_the_plan_is_on_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                               columns: int) -> None:
    """At 80 columns the report's 「…重新运行逐题问答（littlegiant assess --save cases/zero_rev.yaml --as-of
    2026-12-05」 went on 「--lang zh），…」: copied from its line, the command ran without --lang zh. It moves
    whole to the next line; at 60 columns, wider than the line, it stands alone on one, unfolded."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "cases").mkdir()
    (tmp_path / "cases" / "zero_rev.yaml").write_text(ZERO_REVENUE, encoding="utf-8")
    out = CliRunner().invoke(app, ["assess", "cases/zero_rev.yaml", "--as-of", "2026-12-05", "--lang", "zh"],
                             env={"COLUMNS": str(columns), "NO_COLOR": "1", "LANG": "zh_CN.UTF-8"}).stdout
    command = "littlegiant assess --save cases/zero_rev.yaml --as-of 2026-12-05 --lang zh"
    assert command in re.sub(r"\s+", " ", out.replace("\n", "")), out  # the hint is there
    assert any(command in line for line in out.splitlines()), out
    assert all(cell_len(line) <= columns for line in out.splitlines() if command not in line)


def test_the_interviews_opening_hint_keeps_its_command_on_one_line(tmp_path: Path) -> None:
    """LC_ALL=C.UTF-8 over LANG=zh_CN.UTF-8: the English interview opens with the command that goes on in
    Chinese, which at 80 columns broke as 「…--save acme.yaml」 / 「--lang zh（已答的题会保留）」."""
    env = {**ENV, "LANG": "zh_CN.UTF-8", "LC_ALL": "C.UTF-8", "COLUMNS": "80"}
    env.pop("LANGUAGE", None)
    child = pexpect.spawn(sys.executable, ["-m", "littlegiant", "assess", "--save", "acme.yaml"], cwd=str(tmp_path),
                          env=env, encoding="utf-8", timeout=30, dimensions=(40, 80))
    child.expect_exact("> ")
    opening = child.before.replace("\r\n", "\n")
    child.sendline("q")
    child.expect(pexpect.EOF)
    assert "littlegiant assess --save acme.yaml --lang zh（已答的题会保留）" in opening.splitlines(), opening
