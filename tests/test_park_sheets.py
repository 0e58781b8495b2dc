"""A park's own sheets as staff fill them in: amounts in 元, merged cells, totals and footer rows,
notes sheets, the headers and cell words a park uses. Real files in, the output read back."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from openpyxl import Workbook, load_workbook
from typer.testing import CliRunner

from littlegiant.cli.app import app

runner = CliRunner()
AS_OF = "2026-11-26"
ROW_HEADER = ["企业名称", "行业", "从业人员（上年末）", "营业收入（2025年）", "营业收入（2024年）",
              "研发费用（2025年）", "持有有效的创新型中小企业称号"]


def invoke(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, [*args, "--as-of", AS_OF], env={"LANG": "zh_CN.UTF-8", "COLUMNS": "80"})
    return result.exit_code, result.stdout, result.stderr


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def results_sheet(path: Path) -> list[dict[str, object]]:
    """The results sheet of an output workbook, as openpyxl reads it back, one dict per row."""
    book = load_workbook(path, read_only=True)
    rows = list(book[book.sheetnames[0]].iter_rows(values_only=True))
    book.close()
    width = len(rows[0])
    return [dict(zip(rows[0], [*row, *[None] * (width - len(row))], strict=True)) for row in rows[1:]]


def yuan_rows() -> list[list[object]]:
    """乙: 900万 revenue and 50万 R&D, typed in 元 as a finance sheet holds them."""
    return [["乙公司", "工业", 60, 9000000, 8000000, 500000, "是"]]


def test_amounts_in_yuan_without_a_unit_are_flagged_in_the_batch_row(tmp_path: Path) -> None:
    """Revenue typed in 元 under a 万元 header is a figure to check in the xlsx results, worded as the interview asks."""
    book = Workbook()
    ws = book.active
    ws.append(ROW_HEADER)
    for row in yuan_rows():
        ws.append(row)
    book.save(tmp_path / "in.xlsx")
    out = tmp_path / "out.xlsx"
    code, _, _ = invoke("batch", str(tmp_path / "in.xlsx"), "-o", str(out), "--lang", "zh")
    (row,) = results_sheet(out)
    assert code == 0 and row["处理结果"] == "已评估"
    check = str(row["需核对的数据"])
    assert "「营业收入（2025年）」9000000万元，即 900 亿元" in check and "是否把「元」当成了「万元」" in check


def test_assess_file_warns_of_an_amount_in_yuan_in_text_and_json(tmp_path: Path) -> None:
    """assess FILE reports 80,000,000 万元 of revenue with 120 staff as a warning, in the report and in JSON."""
    src = tmp_path / "big.yaml"
    src.write_text("name: 甲公司\nindustry: industrial\nemployees: 120\nfinancials:\n  2025: {revenue: 80000000}\n",
                   encoding="utf-8")
    code, out, _ = invoke("assess", str(src), "--format", "json", "--lang", "zh")
    (warning,) = json.loads(out)["warnings"]
    assert code == 0 and (warning["kind"], warning["path"], warning["limit"]) == ("large", "financials.2025.revenue",
                                                                                  1000000)
    assert "是否把「元」当成了「万元」" in warning["message"]
    code, text, _ = invoke("assess", str(src), "--lang", "zh")
    assert "8,000 亿元" in text and "请核对的数字" in text


def test_the_interview_and_assess_share_one_plausibility_check(tmp_path: Path) -> None:
    """The interview's "元 typed as 万元" concern and assess's warning come from the same finding."""
    from datetime import date
    from decimal import Decimal

    from littlegiant.core.interview import Interview, Question
    from littlegiant.load import rules
    from littlegiant.load.consistency import LARGE, unusual_figures
    from littlegiant.load.profile import field_for_path

    rs = rules.load("miit-2026")
    iv = Interview(rs, date(2026, 11, 26))
    path = "financials.2025.revenue"
    q = Question(path, field_for_path(rs, path), 2025)
    (concern,) = iv.concerns(q, Decimal(80000000))
    (finding,) = unusual_figures(rs, {path: Decimal(80000000)})
    assert (concern.kind, concern.limit) == ("large", finding.limit) and finding.kind == LARGE
    assert iv.concerns(q, Decimal(8000)) == [] and unusual_figures(rs, {path: Decimal(8000)}) == []
