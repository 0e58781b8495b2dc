"""A park's workbook read as Excel shows it: 序号 kept as numbers formatted 000 come back 001.

Staff match results to their master list by 序号; a 001 that came back 1 (in the .csv, and as a plain 1
in the .xlsx) matched nothing. Figures under such a format are read as the same figures.
"""

from __future__ import annotations

import csv
from datetime import datetime
from pathlib import Path

import openpyxl
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from littlegiant.cli.app import app

runner = CliRunner()
AS_OF = "2026-12-01"


def sheet(path: Path, seqs: list[int], seq_format: str = "000", staff_format: str = "General") -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "企业名单"
    ws.append(["序号", "企业名称", "所属行业", "从业人员", "营业收入（2025年）"])
    for i, n in enumerate(seqs):
        ws.append([n, f"企业{i}", "工业", 120, 8000])
        ws.cell(ws.max_row, 1).number_format = seq_format
        ws.cell(ws.max_row, 4).number_format = staff_format
    wb.save(path)
    return path


def batch(src: Path, out: Path, *extra: str) -> None:
    done = runner.invoke(app, ["batch", str(src), "-o", str(out), "--as-of", AS_OF, "--lang", "zh", "-q", *extra])
    assert done.exit_code == 0, done.output


def test_a_sequence_formatted_000_comes_back_as_shown(tmp_path: Path) -> None:
    """1, 2 and 12 shown 001, 002, 012: the .csv says 001, the .xlsx shows 001 (a number formatted 000)."""
    src = sheet(tmp_path / "名单.xlsx", [1, 2, 12])
    batch(src, tmp_path / "结果.csv")
    with (tmp_path / "结果.csv").open(encoding="utf-8-sig", newline="") as f:
        assert [r["序号"] for r in csv.DictReader(f)] == ["001", "002", "012"]
    batch(src, tmp_path / "结果.xlsx")
    ws = openpyxl.load_workbook(tmp_path / "结果.xlsx").worksheets[0]
    col = [c.value for c in ws[1]].index("序号") + 1
    assert [(ws.cell(r, col).value, ws.cell(r, col).number_format) for r in (2, 3, 4)] == [
        (1, "000"), (2, "000"), (12, "000")]


def test_a_plain_sequence_stays_plain(tmp_path: Path) -> None:
    """Under General, 1 is 1: nothing is padded that Excel does not pad."""
    batch(sheet(tmp_path / "名单.xlsx", [1, 10], seq_format="General"), tmp_path / "结果.csv")
    with (tmp_path / "结果.csv").open(encoding="utf-8-sig", newline="") as f:
        assert [r["序号"] for r in csv.DictReader(f)] == ["1", "10"]


@settings(max_examples=10, deadline=None)
@given(width=st.integers(2, 6))
def test_a_head_count_formatted_with_zeros_reads_the_same(tmp_path_factory: object, width: int) -> None:
    """从业人员 120 formatted 0000…: shown 0120, read 120, the same verdicts as under General."""
    tmp = Path(str(tmp_path_factory.mktemp("w")))  # type: ignore[attr-defined]
    batch(sheet(tmp / "a.xlsx", [1], staff_format="0" * width), tmp / "a.csv")
    batch(sheet(tmp / "b.xlsx", [1], staff_format="General"), tmp / "b.csv")
    read = [list(csv.reader((tmp / n).open(encoding="utf-8-sig")))[1][1:] for n in ("a.csv", "b.csv")]
    assert read[0] == read[1]


def test_a_credit_code_kept_as_a_number_formatted_with_zeros_reads_as_under_0(tmp_path: Path) -> None:
    """An 18-digit code stored as a number shown by 18 zeros is Excel's 15 digits, as under the format 0:
    the same note on both rows, each code written back with the digits Excel rounded away marked unknown, and
    neither said to repeat the other (two companies of one district share their first 15 digits)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["企业名称", "统一社会信用代码", "所属行业", "从业人员", "营业收入（2025年）"])
    for name, shown in (("甲公司", "0" * 18), ("乙公司", "0")):
        ws.append([name, 913201001234567891, "工业", 120, 8000])
        ws.cell(ws.max_row, 2).number_format = shown
    wb.save(tmp_path / "名单.xlsx")
    batch(tmp_path / "名单.xlsx", tmp_path / "结果.csv")
    with (tmp_path / "结果.csv").open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert [r["统一社会信用代码"] for r in rows] == ["91320100123456????"] * 2
    assert rows[0]["需核对的数据"] == rows[1]["需核对的数据"]
    assert "“913201001234568000”在 Excel 中存成了数字" in rows[1]["需核对的数据"]


def dated_header(path: Path, shown: str) -> Path:
    """A park's two-row header: 2025年12月31日 typed over 营业收入, 研发费用 and 资产总额, which Chinese Excel
    keeps as a day shown by ``shown``."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "名单"
    ws.append(["企业名称", "所属行业", "从业人员", datetime(2025, 12, 31), None, None])
    ws.append([None, None, None, "营业收入", "研发费用", "资产总额"])
    ws.merge_cells("D1:F1")
    for c in "ABC":
        ws.merge_cells(f"{c}1:{c}2")
    ws.append(["甲公司", "工业", 120, 8000, 400, 9000])
    ws["D1"].number_format = shown
    wb.save(path)
    return path


def test_a_header_day_shown_in_chinese_names_the_year_of_the_figures_under_it(tmp_path: Path) -> None:
    """2025年12月31日 over the figures: each is 2025's, and the row under the header is no company. Read
    as 2025-12-31 it named no year: 营业收入 was scored as a company in error, 甲公司's figures were not read."""
    src = dated_header(tmp_path / "名单.xlsx", 'yyyy"年"m"月"d"日"')
    out = tmp_path / "结果.jsonl"
    batch(src, out, "--format", "json")
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 1
    text = lines[0]
    for said in ('"financials.2025.revenue": 8000', '"financials.2025.rd_expense": 400',
                 '"financials.2025.total_assets": 9000'):
        assert said in text


def test_a_day_with_a_time_is_read_as_before(tmp_path: Path) -> None:
    """A format showing a time is no header's year: the day is given as before (2025-12-31 00:00 is no year)."""
    from littlegiant.load.xlsx import _day_shown

    assert _day_shown(datetime(2025, 12, 31), 'yyyy"年"m"月"d"日" h:mm') == "2025-12-31"
    assert _day_shown(datetime(2025, 1, 5), '[$-804]yyyy"年"mm"月"dd"日";@') == "2025年01月05日"
    assert _day_shown(datetime(2025, 1, 5), 'yyyy"年"m"月"') == "2025年1月"
