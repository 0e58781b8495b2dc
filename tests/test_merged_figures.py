"""A number merged down over several companies' rows in a park's workbook (a park-staff review): a group's
营业收入 and 研发费用 merged over its parent and its subsidiary were copied to both, and each was scored on the
group's figures without a word. Such a figure is no one company's: each row of the merge reads it as unknown
and says why in 需核对的数据, in the .csv and the .xlsx results alike. A text merged so (所属行业) is shared by
the companies it covers, and one company's figure merged over its own rows stays its own."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook
from typer.testing import CliRunner

from littlegiant.cli.app import app

runner = CliRunner()
AS_OF = "2026-11-26"
HEADER = ["企业名称", "所属行业", "从业人员（上年末）", "营业收入（2025年）", "研发费用（2025年）", "联系人"]
NOTE = ("“营业收入（2025年）”（D2:D3）、“研发费用（2025年）”（E2:E3）是跨几家企业的合并单元格，不能算作其中任何一家的数，"
        "按“未知”处理：请取消合并，给每家企业分别填上自己的数")


def invoke(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, [*args, "--as-of", AS_OF, "--quiet"], env={"LANG": "zh_CN.UTF-8", "COLUMNS": "80"})
    return result.exit_code, result.stderr


def results(path: Path) -> list[dict[str, str]]:
    """The results as the user opens them: the .csv's rows, or the .xlsx's first sheet ('' for an empty cell)."""
    if path.suffix == ".csv":
        with path.open(encoding="utf-8-sig", newline="") as handle:
            return list(csv.DictReader(handle))
    book = load_workbook(path, read_only=True)
    rows = list(book[book.sheetnames[0]].iter_rows(values_only=True))
    book.close()
    return [{str(k): "" if v is None else str(v) for k, v in zip(rows[0], row, strict=False)} for row in rows[1:]]


def group_book(path: Path) -> Path:
    """甲集团's 8,000万 revenue and 400万 R&D merged over its parent's row and its subsidiary's, their industry
    merged beside them; 丙公司 below with figures of its own."""
    book = Workbook()
    ws = book.active
    ws.append(HEADER)
    ws.append(["甲集团母公司", "工业", 200, 8000, 400, "张三"])
    ws.append(["甲集团子公司", None, 100, None, None, "李四"])
    ws.append(["丙公司", "工业", 150, 1500, 80, "王五"])
    for cells in ("B2:B3", "D2:D3", "E2:E3"):
        ws.merge_cells(cells)
    book.save(path)
    return path


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_an_amount_merged_over_two_companies_is_neither_ones_and_the_row_says_so(tmp_path: Path, suffix: str) -> None:
    """Neither 甲集团母公司 nor its subsidiary is sized on the group's revenue (小型 on 8,000万 before: 未知 now,
    its revenue 本行缺), each row's 需核对的数据 names the figures, their cells as Excel shows them, and what to
    do; 丙公司 is scored on its own figures as before."""
    out = tmp_path / f"结果{suffix}"
    code, err = invoke("batch", str(group_book(tmp_path / "名单.xlsx")), "-o", str(out), "--lang", "zh")
    assert code == 0, err
    parent, subsidiary, other = results(out)
    for row in (parent, subsidiary):
        assert (row["企业规模"], row["需核对的数据"]) == ("未知", NOTE)
        assert "本行缺：「营业收入（2025年）」、「研发费用（2025年）」" in row["主要差距"]
        assert "「行业" not in row["主要差距"]  # 所属行业 merged over both: shared, read for each
    assert (other["企业名称"], other["企业规模"], other["需核对的数据"]) == ("丙公司", "小型", "")
    assert "研发费用不低于100万元（现为80万元）" in other["主要差距"]


def test_the_industry_merged_beside_still_counts_for_both_and_the_figures_for_neither(tmp_path: Path) -> None:
    """In the JSON Lines results the subsidiary's industry is read from the merged cell (not missing), its revenue
    and R&D are missing (unknown: not the group's figure, not 0), and its note is in the run's language."""
    out = tmp_path / "结果.jsonl"
    code, err = invoke("batch", str(group_book(tmp_path / "名单.xlsx")), "-o", str(out), "--format", "json",
                       "--lang", "en")
    assert code == 0, err
    lines = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    for line in lines[:2]:
        missing = {m for tier in line["result"]["tiers"].values() for c in tier["criteria"] for m in c["missing"]}
        assert "industry" not in missing
        assert {"financials.2025.revenue", "financials.2025.rd_expense"} <= missing
        assert line["notes"] == ["'营业收入（2025年）' (D2:D3), '研发费用（2025年）' (E2:E3): a cell merged over several "
                                 "companies, a figure none of them has alone, read as unknown: unmerge it and give each "
                                 "company its own figure"]
    assert "notes" not in lines[2]


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(companies=st.integers(1, 4), blank=st.integers(0, 2), first=st.integers(0, 2))
def test_a_merged_figure_is_kept_only_by_the_one_company_under_it(tmp_path: Path, companies: int, blank: int,
                                                                   first: int) -> None:
    """1,500万 revenue merged down from a company's row over ``companies`` named rows and ``blank`` empty ones
    under them (a tall row), below ``first`` companies of their own: over one company it is that company's (小型,
    no note), over two or more no one's (未知, each row naming the merged cells); the companies above and any
    copy of a text merged beside it are read as before."""
    book = Workbook()
    ws = book.active
    ws.append(HEADER)
    for i in range(first):
        ws.append([f"上{i}公司", "工业", 150, 1500, 80, None])
    top = 2 + first
    for i in range(companies):
        ws.append([f"并{i}公司", "工业" if i == 0 else None, 150, 1500 if i == 0 else None, 80, None])
    for _ in range(blank):
        ws.append([None] * len(HEADER))
    bottom = top + companies + blank - 1
    if bottom > top:
        ws.merge_cells(f"D{top}:D{bottom}")
        ws.merge_cells(f"B{top}:B{bottom}")
    src = tmp_path / f"名单{companies}{blank}{first}.xlsx"
    book.save(src)
    out = src.with_suffix(".csv")
    code, err = invoke("batch", str(src), "-o", str(out), "--lang", "zh")
    assert code == 0, err
    rows = results(out)
    assert [r["企业名称"] for r in rows] == [*(f"上{i}公司" for i in range(first)), *(f"并{i}公司" for i in range(companies))]
    assert all((r["企业规模"], r["需核对的数据"]) == ("小型", "") for r in rows[:first])
    merged = rows[first:]
    if companies == 1:
        assert (merged[0]["企业规模"], merged[0]["需核对的数据"]) == ("小型", "")
    else:
        assert all(r["企业规模"] == "未知" for r in merged)
        assert all(r["需核对的数据"].startswith(f"“营业收入（2025年）”（D{top}:D{bottom}）是跨几家企业的合并单元格")
                   for r in merged)
        assert all("「行业" not in r["主要差距"] for r in merged)  # 本行缺：「行业（《中小企业划型标准规定》）」


def test_a_figure_merged_over_a_row_that_names_no_company_of_its_own_stays_as_it_was(tmp_path: Path) -> None:
    """丁公司's name and revenue merged over its row and one under it that holds only a second 联系人: the lower row
    is no other company (its name is the merged one), so the figure is not taken from either row: both read
    1,500万 as before (the run says the name is there twice), and no row speaks of a merged cell over companies."""
    book = Workbook()
    ws = book.active
    ws.append(HEADER)
    ws.append(["丁公司", "工业", 150, 1500, 80, "赵六"])
    ws.append([None, "工业", 150, None, 80, "钱七"])
    ws.merge_cells("A2:A3")
    ws.merge_cells("D2:D3")
    book.save(tmp_path / "名单.xlsx")
    out = tmp_path / "结果.csv"
    code, err = invoke("batch", str(tmp_path / "名单.xlsx"), "-o", str(out), "--lang", "zh")
    assert code == 0, err
    rows = results(out)
    assert [(r["企业名称"], r["企业规模"]) for r in rows] == [("丁公司", "小型"), ("丁公司", "小型")]
    assert not any("合并单元格" in r["需核对的数据"] for r in rows)
