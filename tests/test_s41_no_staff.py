"""Employees 0 beside revenue (8,000万元) was taken as it was typed, often for "not known", and sized the company
微型 without a word. It is now a warning in every report, the JSON result and a batch row, and the interview
asks about it at the answer that completes the pair."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from tests.test_cli_interactive import Session
from typer.testing import CliRunner

from littlegiant.cli.app import app

PROFILE = "name: 甲\nindustry: industrial\nemployees: {staff}\nfinancials:\n  2025: {{revenue: {revenue}}}\n"


def _assess(tmp_path: Path, *args: str, staff: int = 0, revenue: int = 8000) -> str:
    path = tmp_path / "甲.yaml"
    path.write_text(PROFILE.format(staff=staff, revenue=revenue), encoding="utf-8")
    done = CliRunner().invoke(app, ["assess", str(path), "--as-of", "2026-11-26", *args],
                              env={"COLUMNS": "200", "NO_COLOR": "1"})
    assert done.exit_code == 0, done.output
    return done.stdout


def test_no_staff_beside_revenue_is_asked_to_be_checked(tmp_path: Path) -> None:
    text = _assess(tmp_path, "--lang", "zh")
    assert ("⚠ 「从业人员（上年末）」0人，而「营业收入（2025年）」8,000万元：有营业收入的企业一般都有从业人员（按社保缴纳人数），"
            "人数会影响企业规模的划分；如果是不知道，请留空；请核对") in text
    doc = json.loads(_assess(tmp_path, "--format", "json"))
    said = [w for w in doc["warnings"] if w["kind"] == "no_staff"]
    assert said == [{"kind": "no_staff", "path": "employees", "value": 0, "compared_with": "financials.2025.revenue",
                     "compared_value": 8000, "message": said[0]["message"]}]
    assert said[0]["message"].startswith("Employees at last year end is 0 people, while Operating revenue 2025 is 8,000")


@pytest.mark.parametrize(("staff", "revenue"), [(1, 8000), (0, 0)])
def test_staff_given_or_no_revenue_is_no_warning(tmp_path: Path, staff: int, revenue: int) -> None:
    assert "no_staff" not in _assess(tmp_path, "--format", "json", staff=staff, revenue=revenue)


def test_a_batch_row_says_it(tmp_path: Path) -> None:
    src = tmp_path / "园区.csv"
    src.write_text("企业名称,从业人员,营业收入（2025年）（万元）\n甲科技有限公司,0,8000\n", encoding="utf-8")
    out = tmp_path / "结果.csv"
    done = CliRunner().invoke(app, ["batch", str(src), "-o", str(out), "--as-of", "2026-11-26", "--lang", "zh", "--quiet"])
    assert done.exit_code == 0, done.output
    with out.open(encoding="utf-8-sig", newline="") as handle:
        row = next(csv.DictReader(handle))
    assert "「从业人员（上年末）」0人，而「营业收入（2025年）」8,000万元" in row["需核对的数据"], row


def test_the_interview_asks_at_the_answer(tmp_path: Path) -> None:
    s = Session(["assess", "--as-of", "2026-12-05", "--lang", "zh", "--save", "a.yaml"], tmp_path)
    s.answers("某公司")
    s.until_prompt()
    said = s.reply("8000万")  # revenue first, then 不知道 until the head count is asked
    for _ in range(80):
        if any(line.startswith("从业人员") for line in said.splitlines()):
            break
        said = s.reply("不知道")
    said = "".join(s.reply("0").split())
    assert "有营业收入的企业一般都有从业人员（按社保缴纳人数），人数会影响企业规模的划分" in said, said
