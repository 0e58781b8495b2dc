"""A whole sheet or file refused by a batch is named on screen with why, not only counted.

A park's sheet whose header named 营业收入（万元） twice ended the run with 「共读取 1 行，已评估 0 行，出错 1 行」
alone: the reason sat in the results file's error row, which nothing told the user to open."""

from __future__ import annotations

import csv
from pathlib import Path

from openpyxl import Workbook
from typer.testing import CliRunner

from littlegiant.cli.app import app

runner = CliRunner()


def _sheet(path: Path, header: list[str]) -> Path:
    book = Workbook()
    ws = book.active
    ws.title = "名单"
    ws.append(header)
    ws.append(["甲公司", 3000, 3200, 120])
    book.save(path)
    return path


def _batch(*args: str) -> tuple[int, list[str]]:
    done = runner.invoke(app, ["batch", *args, "--as-of", "2026-11-26", "--lang", "zh"], env={"COLUMNS": "80"})
    return done.exit_code, done.stderr.splitlines()


def test_a_sheet_refused_by_its_header_is_named_with_why(tmp_path: Path) -> None:
    book = _sheet(tmp_path / "名单.xlsx", ["企业名称", "营业收入（万元）", "营业收入（万元）", "从业人员"])
    code, said = _batch(str(book), "-o", str(tmp_path / "结果.csv"))
    assert code == 1
    assert said[-1] == (f"littlegiant：{book}:名单 未能读取：第 1 行（列名）中“营业收入（万元）”列出现了两次"
                        "（结果文件中这张表的企业每家一行，共 1 行，都写明了原因）")
    with (tmp_path / "结果.csv").open(encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 1 and "出现了两次" in rows[0]["错误说明"]
    assert rows[0]["企业名称"] == "甲公司"  # its company, named, on its own row


def test_a_folder_of_refused_sheets_names_three_and_counts_the_rest(tmp_path: Path) -> None:
    folder = tmp_path / "各园区"
    folder.mkdir()
    for name in "abcde":
        _sheet(folder / f"{name}.xlsx", ["企业名称", "营业收入（万元）", "营业收入（万元）", "从业人员"])
    code, said = _batch(str(folder), "-o", str(tmp_path / "结果.csv"))
    assert code == 1
    named = [line for line in said if "未能读取：" in line]
    assert [line.split(":名单")[0].rsplit("/", 1)[1] for line in named] == ["a.xlsx", "b.xlsx", "c.xlsx"]
    assert said[-1] == "littlegiant：另有 2 张表未能读取，原因见结果文件中出错的行"


def test_a_row_in_error_is_not_named_as_a_table(tmp_path: Path) -> None:
    """One company's row in error (its own figure wrong) is the results file's to say, row by row."""
    book = tmp_path / "名单.xlsx"
    wb = Workbook()
    ws = wb.active
    ws.append(["企业名称", "营业收入（2025年）（万元）", "从业人员"])
    ws.append(["甲公司", "很多", 120])
    wb.save(book)
    code, said = _batch(str(book), "-o", str(tmp_path / "结果.csv"))
    assert code == 1
    assert not [line for line in said if "未能读取" in line], said
