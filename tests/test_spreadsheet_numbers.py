"""Numbers as a spreadsheet or a notebook holds them: binary doubles, read as the figures people see."""

from __future__ import annotations

import json
import zipfile
from datetime import date
from decimal import Decimal
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from openpyxl import Workbook
from typer.testing import CliRunner

import littlegiant
from littlegiant.cli.app import app
from littlegiant.load.tabular import excel_number

runner = CliRunner()
AS_OF = "2026-11-26"
HEADER = ["企业名称", "行业", "从业人员（上年末）", "营业收入（2025年）", "营业收入（2024年）", "研发费用（2024年）"]


def criterion(document: dict, tier: str, cid: str) -> dict:
    """One criterion row of a full result."""
    return next(c for c in document["result"]["tiers"][tier]["criteria"] if c["id"] == cid)


def full_results(path: Path, tmp_path: Path) -> list[dict]:
    """``batch --format json`` of a workbook, each line read back."""
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["batch", str(path), "-o", str(out), "--format", "json", "--as-of", AS_OF],
                           env={"LANG": "zh_CN.UTF-8", "COLUMNS": "80"})
    assert result.exit_code == 0, result.stderr
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


def workbook(tmp_path: Path, rows: list[list[object]], patch: dict[bytes, bytes] | None = None) -> Path:
    """A sheet of companies; ``patch`` replaces stored values in the sheet's XML, for the doubles Excel
    saves that openpyxl would write shorter."""
    book = Workbook()
    sheet = book.active
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    plain = tmp_path / "plain.xlsx"
    book.save(plain)
    if not patch:
        return plain
    path = tmp_path / "in.xlsx"
    with zipfile.ZipFile(plain) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                for old, new in patch.items():
                    assert old in data
                    data = data.replace(old, new)
            dst.writestr(info, data)
    return path


def test_a_revenue_summed_from_quarters_meets_the_threshold_excel_shows_it_meeting(tmp_path: Path) -> None:
    """=1360.61+1467.61+1515.67+656.11 is saved as 4999.999999999999 and shown as 5,000.00: it meets
    上年度营业收入不低于5000万元, and one hair under (4999.99) does not."""
    summed = 1360.61 + 1467.61 + 1515.67 + 656.11
    assert summed != 5000
    path = workbook(tmp_path, [["甲公司", "工业", 300, summed, 4800, 100], ["乙公司", "工业", 300, 4999.99, 4800, 100]])
    first, second = full_results(path, tmp_path)
    met = criterion(first, "little_giant", "lg26.revenue")
    assert (met["status"], met["value"]) == ("met", 5000)
    missed = criterion(second, "little_giant", "lg26.revenue")
    assert (missed["status"], missed["value"]) == ("unmet", 4999.99)


def test_rd_worked_out_as_three_percent_of_revenue_is_three_percent(tmp_path: Path) -> None:
    """R&D typed as =B2*3% on 12,345 is saved as 370.34999999999997: the R&D share is 3%, not a hair under."""
    path = workbook(tmp_path, [["丙公司", "工业", 300, 13000, 12345, 370.35]],
                    patch={b"<v>370.35</v>": b"<v>370.34999999999997</v>"})
    (document,) = full_results(path, tmp_path)
    row = criterion(document, "zjtx_sme", "zjtx26.rd.share_y2")
    assert (row["status"], row["value"]) == ("met", 3)
    assert row["inputs"]["financials.2024.rd_expense"] == 370.35


@given(st.decimals(min_value=Decimal("-99999999999"), max_value=Decimal("99999999999"), allow_nan=False, places=4))
def test_any_figure_of_up_to_fifteen_digits_reads_back_as_typed(typed: Decimal) -> None:
    """A figure a user typed (15 digits or fewer) and a sheet saved as a double is read as typed."""
    assert Decimal(excel_number(float(typed))) == typed


def test_a_notebooks_floats_are_read_as_the_figures_they_show() -> None:
    """The API takes a notebook's floats (pandas rows, another tool's JSON), nested or flat, and reads
    them as Excel shows them; the same figures as text give the same result."""
    day = date(2026, 11, 26)
    floats = littlegiant.assess({"name": "丁", "industry": "industrial", "employees": 300.0,
                                 "financials": {"2025": {"revenue": 1360.61 + 1467.61 + 1515.67 + 656.11}}}, as_of=day)
    texts = littlegiant.assess({"name": "丁", "industry": "industrial", "employees": 300,
                                "financials": {"2025": {"revenue": "5000"}}}, as_of=day)
    assert floats.to_json()["tiers"] == texts.to_json()["tiers"]
    (row,) = littlegiant.screen([{"name": "戊", "industry": "industrial", "financials.2025.revenue": 5000.5,
                                  "employees": 300.0}], as_of=day)
    assert row.error is None and row.name == "戊"


def test_a_figure_that_misses_by_a_hair_is_never_shown_as_the_threshold(tmp_path: Path) -> None:
    """A revenue typed as 4999.999999999999 fails 不低于5000万元; the report shows its digits, not 5,000."""
    result = runner.invoke(app, ["assess", "examples/little-giant-2026.yaml", "--as-of", AS_OF, "--lang", "zh",
                                 "--set", "financials.2025.revenue=4999.999999999999",
                                 "--set", "financials.2025.main_revenue=4800"],
                           env={"LANG": "zh_CN.UTF-8", "COLUMNS": "200"})
    assert "上年度营业收入不低于5000万元（现为4,999.999999999999万元）" in result.stdout
    assert "现为5,000万元" not in result.stdout


def test_one_figure_gets_one_verdict_from_a_json_file_json_lines_and_a_loaded_dict(tmp_path: Path) -> None:
    """Another tool's JSON writes a double's noise (4999.999999999999): a profile file, a line of JSON
    Lines and the same JSON loaded in a notebook read it alike, as 5000; 4999.99 still misses."""
    for revenue, status in (("4999.999999999999", "met"), ("4999.99", "unmet")):
        text = ('{"name": "浮点公司", "industry": "industrial", "employees": 100, '
                f'"financials": {{"2025": {{"revenue": {revenue}, "rd_expense": 100}}}}}}')
        (tmp_path / "co.json").write_text(text, encoding="utf-8")
        (tmp_path / "co.jsonl").write_text(text + "\n", encoding="utf-8")
        result = runner.invoke(app, ["assess", str(tmp_path / "co.json"), "--format", "json", "--as-of", AS_OF])
        from_file = next(c for c in json.loads(result.stdout)["tiers"]["little_giant"]["criteria"]
                         if c["id"] == "lg26.revenue")
        (from_lines,) = full_results(tmp_path / "co.jsonl", tmp_path)
        loaded = littlegiant.assess(json.loads(text), as_of=date(2026, 11, 26)).to_json()
        from_dict = next(c for c in loaded["tiers"]["little_giant"]["criteria"] if c["id"] == "lg26.revenue")
        assert from_file["status"] == criterion(from_lines, "little_giant", "lg26.revenue")["status"] \
            == from_dict["status"] == status


@given(st.decimals(min_value=Decimal("-99999999999"), max_value=Decimal("99999999999"), allow_nan=False, places=4))
def test_a_json_number_of_up_to_fifteen_digits_is_read_exactly(typed: Decimal) -> None:
    """Only a double's noise is rounded: a figure written with 15 significant digits or fewer is read as written."""
    from littlegiant.load.yamlio import json_decimal

    assert json_decimal(f"{typed:f}") == typed
