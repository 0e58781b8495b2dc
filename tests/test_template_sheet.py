"""The sheet a park sends its companies (``init x.xlsx``, ``init --csv``): what it asks for, what it
tells the person filling it in, what Excel lets them type, and that it reads back through batch."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from littlegiant.cli.app import app

AS_OF = "2026-11-26"
runner = CliRunner()

UNREAD = ["净利润（2024年）", "净利润（2023年）", "资产总额（2024年末）", "资产总额（2023年末）",
          "负债总额（2024年末）", "负债总额（2023年末）", "成本费用支出总额（2024年）", "成本费用支出总额（2023年）",
          "研发费用（2023年）"]
"""Columns no rule of miit-2022 or miit-2026 reads (nor a consistency check of a year a rule reads)."""
READ = ["净利润（2025年）", "资产总额（2025年末）", "负债总额（2025年末）", "成本费用支出总额（2025年）",
        "研发费用（2025年）", "研发费用（2024年）", "营业收入（2023年）", "主营业务收入（2023年）",
        "新增股权融资（合格机构投资者实缴额）（2023年）"]
"""Columns of those fields some rule reads: 2022's 净利率 and 主营业务收入 growth, 2026's 资产总额 and 研发费用占比
of 成本费用, 营业收入 growth, three years of equity financing."""


def init(tmp_path: Path, name: str, *args: str) -> Path:
    path = tmp_path / name
    result = runner.invoke(app, ["init", str(path), "--lang", "zh", "--as-of", AS_OF, *args])
    assert result.exit_code == 0, result.output
    return path


def xlsx_header(path: Path) -> list[str]:
    ws = load_workbook(path)["企业名单"]
    return [c.value for c in ws[1]]


def csv_rows(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"), newline="")))


@pytest.mark.parametrize("rules", ["miit-2026", "miit-2022"])
def test_the_template_asks_only_for_years_a_rule_reads(tmp_path: Path, rules: str) -> None:
    """The .xlsx and the .csv leave out the years no shipped set reads, under either set (a renewal's
    calendar may judge under the other), and keep every year some rule reads."""
    header = xlsx_header(init(tmp_path, "t.xlsx", "--rules", rules))
    labels = csv_rows(init(tmp_path, "t.csv", "--rules", rules))[0]
    assert header == labels
    assert [c for c in UNREAD if c in header] == []
    assert [c for c in READ if c not in header] == []
    ids = csv_rows(init(tmp_path, "ids.csv", "--rules", rules, "--columns", "ids"))[0]
    assert "financials.2024.net_profit" not in ids and "financials.2025.total_costs" in ids


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_excel_warns_of_a_cell_batch_reads_rather_than_refusing_it(tmp_path: Path, lang: str) -> None:
    """Every check of the companies sheet is a warning the filler can pass (800万, 约200, 制造业 are read by
    batch), whose message says to leave an unknown blank; Excel's messages hold at most 225 characters."""
    path = tmp_path / "t.xlsx"
    assert runner.invoke(app, ["init", str(path), "--lang", lang, "--as-of", AS_OF]).exit_code == 0
    ws = load_workbook(path)["企业名单" if lang == "zh" else "Companies"]
    rules = ws.data_validations.dataValidation
    assert {dv.type for dv in rules} == {"list", "whole", "decimal"}
    for dv in rules:
        assert (dv.errorStyle, dv.showErrorMessage, dv.allow_blank) == ("warning", True, True)
        assert ("留空" if lang == "zh" else "blank") in dv.error and len(dv.error) <= 225
    numbers = [dv for dv in rules if dv.type != "list"]
    assert numbers and all(("不要填 0" if lang == "zh" else "never 0") in dv.error for dv in numbers)
