"""A sheet kept in English: its money columns in the unit their header names, as a Chinese sheet's
营业收入（2025年）（元） is read in 元, and revenue under the names an English ledger gives it. Real CSV
files through ``batch --format json``, the figures read back from the results."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from littlegiant.cli.app import app

EN = {"LANG": "en_US.UTF-8", "LC_ALL": "", "COLUMNS": "80", "NO_COLOR": "1"}


def revenue_read(tmp_path: Path, header: str, cell: str) -> Any:
    """The last-year revenue (万元) the 2026 小巨人 revenue test read from a one-company sheet."""
    sheet = tmp_path / "list.csv"
    sheet.write_text(f'Company name,Employees at last year end,"{header}"\nA Co,120,"{cell}"\n', encoding="utf-8")
    out = tmp_path / "out.jsonl"
    done = CliRunner().invoke(app, ["batch", str(sheet), "-o", str(out), "--format", "json", "--as-of", "2026-11-26",
                                    "-q"], env=EN)
    assert done.exit_code == 0, done.output
    result = json.loads(out.read_text(encoding="utf-8"))["result"]
    return next(c["value"] for c in result["tiers"]["little_giant"]["criteria"] if c["id"] == "lg26.revenue")


@pytest.mark.parametrize(("header", "cell", "wan"), [
    # a column in yuan was read in 万元: 30 million yuan as 30 million 万元, the 5,000万 revenue test met
    ("Operating revenue 2025 (CNY)", "30000000", 3000),
    ("Operating revenue 2025 (RMB)", "30,000,000", 3000),
    ("Operating revenue 2025 (yuan)", "30000000", 3000),
    ("Operating revenue 2025 (Unit: CNY)", "30000000", 3000),
    ("Operating revenue 2025 (10k CNY)", "3000", 3000),  # the reports' own name of 万元
    ("Operating revenue 2025 (CNY 10,000)", "3000", 3000),
    ("Operating revenue 2025 (CNY '000)", "30000", 3000),
    ("Operating revenue 2025 (RMB million)", "30", 3000),
    ("Operating revenue 2025 (CNY bn)", "0.03", 3000),  # was read in 万元: 1.2 billion yuan as 1.2万
    ("Operating revenue 2025 (RMB billions)", "0.03", 3000),
    ("Operating revenue 2025", "3000", 3000),  # no unit: 万元, as the template's notes row says
    ("营业收入（2025年）（元）", "30000000", 3000),
])
def test_an_english_unit_in_a_money_header_is_the_unit_the_column_is_read_in(tmp_path: Path, header: str, cell: str,
                                                                             wan: int) -> None:
    assert revenue_read(tmp_path, header, cell) == wan


@pytest.mark.parametrize("header", ["Revenue 2025", "Turnover 2025", "Sales revenue 2025", "Total revenue 2025"])
def test_revenue_under_an_english_ledgers_name_is_read(tmp_path: Path, header: str) -> None:
    """'Revenue 2025' was passed over with a 'columns not read' note: every company's revenue unknown."""
    assert revenue_read(tmp_path, header, "3000") == 3000


@pytest.mark.parametrize(("header", "cell"), [
    # an English ledger's plural or numbered units: each was read in 万元, 30,000 thousand yuan as 30,000万
    # (3亿, a 小巨人's revenue) and 30 million yuan as 30万, without a word
    ("Operating revenue 2025 (RMB thousands)", "30000"),
    ("Operating revenue 2025 (RMB 1,000)", "30000"),
    ("Operating revenue 2025 (in thousands of RMB)", "30000"),
    ("Operating revenue 2025 (RMB in thousands)", "30000"),
    ("Operating revenue 2025 (RMB millions)", "30"),
    ("Operating revenue 2025 (CNY mln)", "30"),
    ("Operating revenue 2025 (yuan RMB)", "30000000"),
    # a scale alone, the currency said above the table or nowhere: each was read in 万元, 30,000 thousand
    # yuan as 30,000万 (3亿: the 2022 小巨人's 1亿 revenue band met by a company of 3,000万) and 30 million as 30万
    ("Operating revenue 2025 ('000)", "30000"),
    ("Operating revenue 2025 (thousands)", "30000"),
    ("Operating revenue 2025 (in thousands)", "30000"),
    ("Operating revenue 2025 (k)", "30000"),
    ("Operating revenue 2025 (millions)", "30"),
    ("Operating revenue 2025 (mn)", "30"),
    # the unit beside other words, as 营业收入（2025年度，万元） has it: read in 万元, 30 million yuan as 30 million 万元
    ("Operating revenue 2025 (RMB, audited)", "30000000"),
    ("Operating revenue 2025 (audited, RMB thousands)", "30000"),
    ("Operating revenue 2025 (RMB; audited)", "30000000"),
])
def test_an_english_ledgers_plural_unit_is_the_unit_the_column_is_read_in(tmp_path: Path, header: str,
                                                                           cell: str) -> None:
    assert revenue_read(tmp_path, header, cell) == 3000


@pytest.mark.parametrize("header", ["Operating revenue 2025 (US$)", "Operating revenue 2025 (HK$)",
                                    "Operating revenue 2025 ($)", "Operating revenue 2025 (€)",
                                    "Operating revenue 2025 (US$ '000)", "Operating revenue 2025 (USD, audited)",
                                    "Operating revenue 2025 (audited, US$)"])
def test_a_money_column_headed_in_dollars_or_euros_by_their_sign_is_refused(tmp_path: Path, header: str) -> None:
    """'(USD)' was refused as money the tool has no rate for, but '(US$)' was read in 万元: 3,000 dollars as
    3,000万元 of revenue, without a word. The sign names the currency as the code does."""
    sheet = tmp_path / "list.csv"
    sheet.write_text(f'Company name,Employees at last year end,"{header}"\nA Co,120,3000\n', encoding="utf-8")
    done = CliRunner().invoke(app, ["batch", str(sheet), "-o", str(tmp_path / "out.jsonl"), "--format", "json",
                                    "--as-of", "2026-11-26", "-q"], env=EN)
    assert done.exit_code == 2
    assert f"{header}: amounts in " in done.output and "which cannot be converted" in done.output
    assert not (tmp_path / "out.jsonl").exists()


@pytest.mark.parametrize(("units", "cell"), [(",people,CNY", "30000000"), ("Units,people,10k CNY", "3000"),
                                             (",persons,RMB million", "30")])
def test_an_english_units_row_under_the_header_gives_the_columns_their_units(tmp_path: Path, units: str,
                                                                             cell: str) -> None:
    """A row of units under an English header (people | CNY) was read as a company, an error row, and the
    amounts in 万元: 30 million yuan as 30 million 万元. It is a units row, as 人 | 元 under a Chinese one."""
    sheet = tmp_path / "list.csv"
    sheet.write_text(f"Company name,Employees at last year end,Operating revenue 2025\n{units}\nA Co,120,{cell}\n",
                     encoding="utf-8")
    out = tmp_path / "out.jsonl"
    done = CliRunner().invoke(app, ["batch", str(sheet), "-o", str(out), "--format", "json", "--as-of", "2026-11-26"],
                              env=EN)
    assert done.exit_code == 0, done.output
    (line,) = out.read_text(encoding="utf-8").splitlines()
    result = json.loads(line)["result"]
    assert [c["value"] for c in result["tiers"]["little_giant"]["criteria"] if c["id"] == "lg26.revenue"] == [3000]
    assert "gives the columns' units" in done.stderr
