"""A park's list of a sheet a year (or a long table, a row per company and year) read as a row per company, as
staff see it: the note says how the years were matched where codes Excel damaged were matched by name; a long
table's years are said in the run's language; the progress bar counts companies, not the sheets' rows. Real
workbooks and CSV files in."""

from __future__ import annotations

import csv
import os
import re
import sys
from pathlib import Path

import pytest
from openpyxl import Workbook
from tests.test_s39_peryear_join import AS_OF, DECLARED, results
from tests.test_s40_sheets_titles import FIGURES
from tests.test_s41_codes_sheets import digit_codes, fitted
from typer.testing import CliRunner

from littlegiant.cli.app import app

HEADER = ["企业名称", "统一社会信用代码", "所属行业", "营业收入（万元）", "研发费用（万元）", "净利润（万元）", "从业人员",
          *DECLARED]
WHOLE = fitted("91310115MA1K4ABC1")
"""A code with letters: Excel keeps it as text, whole."""
NUMBER = digit_codes("913201001234567", 1)[0]
"""A code of 18 digits: written as a number (as Excel keeps one typed in a General cell), 15 of them are left."""


def run(path: Path, lang: str, *more: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["batch", str(path), "--as-of", AS_OF, "--lang", lang, *more],
                                env={"LANG": "zh_CN.UTF-8", "COLUMNS": "80"})
    return result.exit_code, " ".join(result.stderr.split())  # a note wrapped at 80 columns, as one line


def year_book(path: Path, codes: dict[str, object]) -> Path:
    """FIGURES on a sheet a year (2023年 to 2025年), each company with its code as ``codes`` gives it."""
    book = Workbook()
    book.remove(book.active)
    for year, companies in FIGURES.items():
        ws = book.create_sheet(f"{year}年")
        ws.append(HEADER)
        for company, figures in companies.items():
            ws.append([company, codes[company], "工业", *figures, 120, *DECLARED.values()])
    book.save(path)
    return path


@pytest.mark.parametrize(("lang", "said"), [
    ("zh", "按统一社会信用代码对应（其中 1 家的代码不完整，按企业名称对应）；"),
    ("en", "matched by unified social credit code (by company name for 1 company whose code is incomplete):")])
def test_a_code_excel_cut_short_is_said_to_be_matched_by_name(tmp_path: Path, lang: str, said: str) -> None:
    """A code Excel kept as a number (its last digits lost) tells no company apart: that company's years were
    joined by its name, where the note said every company was matched by code."""
    path = year_book(tmp_path / "名单.xlsx", {"甲科技有限公司": int(NUMBER), "乙制造有限公司": WHOLE})
    out = tmp_path / "结果.csv"
    code, text = run(path, lang, "-o", str(out))
    assert code == 0, text
    assert said in text
    got = results(out)
    assert [r["企业名称" if lang == "zh" else "Company name"] for r in got] == ["甲科技有限公司", "乙制造有限公司"]


def test_whole_codes_are_said_as_before(tmp_path: Path) -> None:
    """Every code whole: matched by code, said as it always was."""
    path = year_book(tmp_path / "名单.xlsx", {"甲科技有限公司": fitted("91320100MA1K4ABC1"), "乙制造有限公司": WHOLE})
    code, text = run(path, "zh", "-o", str(tmp_path / "结果.csv"))
    assert code == 0, text
    assert "（共 2 家），按统一社会信用代码对应；" in text


def long_csv(path: Path, rows: list[list[object]]) -> Path:
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle).writerows([["企业名称", "统一社会信用代码", "年度", "营业收入（万元）", "从业人员"], *rows])
    return path


@pytest.mark.parametrize(("lang", "said"), [
    ("zh", "按统一社会信用代码对应（其中 2 家的代码不完整或未填，按企业名称对应）；"),
    ("en", "(by company name for 2 companies whose codes are incomplete or not given):")])
def test_a_long_table_says_which_companies_were_matched_by_name(tmp_path: Path, lang: str, said: str) -> None:
    """A long table's company with its code left blank in a year, and one whose code Excel turned into
    9.14403E+17 (saved as CSV), were matched by name: said, with the two reasons."""
    path = long_csv(tmp_path / "long.csv", [
        ["甲公司", "91310000MA1FL1234X", 2024, 5000, 80], ["甲公司", "", 2025, 6000, 90],
        ["乙公司", "9.14403E+17", 2024, 5000, 80], ["乙公司", "9.14403E+17", 2025, 5000, 80],
        ["丙公司", "91440300MA5F0A1B2C", 2024, 5000, 80], ["丙公司", "91440300MA5F0A1B2C", 2025, 5000, 80]])
    code, text = run(path, lang, "-o", str(tmp_path / "结果.csv"))
    assert code == 0, text
    assert said in text


@pytest.mark.parametrize(("lang", "missing", "latest"), [
    ("zh", "没有这家企业 2023年的一行", "没有这家企业最新一年（2025年）的一行"),
    ("en", "no row of 2023:", "no row of the latest year, 2025:")])
def test_a_long_table_names_its_years_in_the_run_language(tmp_path: Path, lang: str, missing: str, latest: str) -> None:
    """A company with no row of a year is told so on its row; in English the year read 2023年, the name the
    table's rows of 2023 were given inside the tool."""
    path = long_csv(tmp_path / "long.csv", [
        ["甲公司", "", 2023, 5000, 80], ["甲公司", "", 2024, 5000, 80], ["甲公司", "", 2025, 6000, 90],
        ["乙公司", "", 2023, 5000, 80], ["乙公司", "", 2024, 5000, 80],
        ["丙公司", "", 2024, 5000, 80], ["丙公司", "", 2025, 5000, 80]])
    out = tmp_path / "结果.csv"
    code, text = run(path, lang, "-o", str(out))
    assert code == 0, text
    column = "需核对的数据" if lang == "zh" else "Figures to check"
    checks = {r["企业名称" if lang == "zh" else "Company name"]: r[column] for r in results(out)}
    assert missing in checks["丙公司"] and latest in checks["乙公司"]
    if lang == "en":
        assert "年" not in checks["丙公司"] + checks["乙公司"]


def progress_totals(path: Path, tmp_path: Path) -> tuple[set[str], str]:
    """The totals the progress bar showed on a terminal while the run scored ``path``, and what it said."""
    import pexpect

    child = pexpect.spawn(sys.executable, ["-m", "littlegiant", "batch", str(path), "-o", str(tmp_path / "r.csv"),
                                           "--as-of", AS_OF, "--lang", "zh"], encoding="utf-8", timeout=300,
                          dimensions=(40, 120), env={**os.environ, "LANG": "zh_CN.UTF-8", "TERM": "xterm"})
    seen = child.read()
    return set(re.findall(r"\d+/(\d+)", seen)), seen


def test_the_progress_bar_of_a_sheet_a_year_counts_companies(tmp_path: Path) -> None:
    """Three year sheets of 400 companies: the bar counted their 1,200 rows and ended at 400/1200, where the
    run reads 400 companies."""
    book = Workbook()
    book.remove(book.active)
    for year in FIGURES:
        ws = book.create_sheet(f"{year}年")
        ws.append(HEADER)
        for i in range(400):
            ws.append([f"企业{i:04d}有限公司", "", "工业", 4000 + i, 300, 100, 120, *DECLARED.values()])
    book.save(tmp_path / "名单.xlsx")
    totals, seen = progress_totals(tmp_path / "名单.xlsx", tmp_path)
    assert "共读取 400 行" in seen, seen
    assert totals == {"400"}, seen


def test_the_progress_bar_of_a_long_table_counts_companies(tmp_path: Path) -> None:
    """A long table of 300 companies over three years: 300, not its 900 lines."""
    path = long_csv(tmp_path / "long.csv", [[f"企业{i:04d}有限公司", "", year, 4000 + i, 120]
                                            for i in range(300) for year in FIGURES])
    totals, seen = progress_totals(path, tmp_path)
    assert "共读取 300 行" in seen, seen
    assert totals == {"300"}, seen


def test_sheets_named_by_year_but_not_joined_count_every_row(tmp_path: Path) -> None:
    """Sheets 2024年新增 and 2025年新增, each a list of its own with the year in every header, are not joined:
    each of their rows is a company, and the bar counts them all."""
    book = Workbook()
    book.remove(book.active)
    for year in (2024, 2025):
        ws = book.create_sheet(f"{year}年新增")
        ws.append(["企业名称", "营业收入（2025年）（万元）", "从业人员"])
        for i in range(150):
            ws.append([f"{year}企业{i:04d}有限公司", 4000 + i, 120])
    book.save(tmp_path / "名单.xlsx")
    totals, seen = progress_totals(tmp_path / "名单.xlsx", tmp_path)
    assert "共读取 300 行" in seen, seen
    assert totals == {"300"}, seen
