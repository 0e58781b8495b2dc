"""An owner's review of the interview and the report in a real terminal (80 columns, LANG=zh_CN.UTF-8):
a command to copy broken across two lines, a report written to -o without a word of where, and a
rough figure (约3000万) shown back as exact."""

from __future__ import annotations

import os
import re
import subprocess
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
    assert all(cell_len(line) <= columns for line in out.splitlines() if command not in line or columns == 80)


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


def _interview(tmp_path: Path, args: list[str], typed: str, lang: str = "zh") -> subprocess.CompletedProcess[str]:
    """The interview on pipes (no wrapping), ``typed`` then Enter to every question left and at the list
    of answers: don't know, then the report."""
    return subprocess.run([sys.executable, "-m", "littlegiant", "assess", "--as-of", "2026-11-26", "--lang", lang,
                           *args], input=typed + "\n" * 80, capture_output=True, text=True, check=False,
                          cwd=tmp_path, env=ENV, encoding="utf-8")


@pytest.mark.parametrize(("lang", "said"), [("zh", "评估报告已写入 r.html。"), ("en", "The report is written to r.html.")])
def test_an_interview_with_an_output_file_says_where_the_report_went(tmp_path: Path, lang: str, said: str) -> None:
    """`assess --save n.yaml --format html -o r.html` ended on 「问答结束：共回答 32 题，已保存到 n.yaml。」 and
    nothing said the report went to r.html. Its last line says so, once the file is written."""
    done = _interview(tmp_path, ["--save", "n.yaml", "--format", "html", "-o", "r.html"], "Acme", lang)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "r.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert done.stderr.rstrip().splitlines()[-1] == said, done.stderr[-300:]


def test_an_interview_without_an_output_file_says_nothing_of_one(tmp_path: Path) -> None:
    """The report on the screen is where the reader looks: no line about a file."""
    done = _interview(tmp_path, ["--save", "n.yaml"], "Acme")
    assert done.returncode == 0 and "已写入" not in done.stderr and "问答结束" in done.stderr, done.stderr[-300:]


def test_a_rough_whole_is_shown_rough_in_the_questions_after_it(tmp_path: Path) -> None:
    """After 约3000万 the main-business question read 「营业收入（2025年）3,000万元，其中主营业务收入」, and a
    check of the R&D expense 「高于营业收入（2025年）3,000万元」: the rough figure passed for an exact one.
    Both now say 约3,000万元, as the read-back and the near-threshold warning do."""
    done = _interview(tmp_path, ["--save", "n.yaml"], "Acme\n约3000万\n3500\n否\n200")
    shown = re.sub(r"\s+", "", done.stderr)
    assert "高于营业收入（2025年）约3,000万元" in shown, done.stderr
    assert "营业收入（2025年）约3,000万元，其中主营业务收入" in shown, done.stderr
    assert "营业收入（2025年）3,000万元" not in shown


@pytest.mark.parametrize(("lang", "said"), [("zh", "  · 营业收入（2025年）：约5,000万元"),
                                            ("en", "  · Operating revenue 2025: about 5,000 (10k CNY)")])
def test_explain_lists_a_rough_figure_with_its_about(tmp_path: Path, lang: str, said: str) -> None:
    """--explain on a revenue given as 约5000, at the 5000 threshold, listed 「营业收入（2025年）：5,000万元」 among
    the data it used, as if exact (the report's warning says 约5,000万元). An exact 5000 has no 约."""
    rough = tmp_path / "rough.yaml"
    rough.write_text(ROUGH_5000, encoding="utf-8")
    exact = tmp_path / "exact.yaml"
    exact.write_text(ROUGH_5000.replace("约5000", "5000"), encoding="utf-8")
    runner = CliRunner()
    args = ["--explain", "lg26.revenue", "--lang", lang, "--as-of", "2026-12-05"]
    out = runner.invoke(app, ["assess", str(rough), *args], env={"COLUMNS": "80"}).stdout
    assert said in out.splitlines(), out
    plain = runner.invoke(app, ["assess", str(exact), *args], env={"COLUMNS": "80"}).stdout
    assert said.replace("约", "").replace("about ", "") in plain.splitlines(), plain
