"""A workbook of one sheet a year whose last sheet is the year still running (2023年 to 2026年, 2026
year-to-date, assessed in 2026) stopped the run, no row written, where `assess` notes a later year's
figures and goes on. The closed years are joined and the running year's sheet is said not read. And a
share column of a joined workbook was told "all between 0 and 1" once a company, each joined row taken
for a table of its own."""

from __future__ import annotations

from pathlib import Path

from tests.test_s39_peryear_join import invoke, per_year_book, results

HEADER = ["企业名称", "所属行业", "从业人员", "营业收入（万元）", "研发费用（万元）", "主导产品国内细分市场占有率（%）"]


def _rows(year: int, shares: list[object]) -> list[list[object]]:
    return [[f"企业{i}有限公司", "工业", 100 + i, 3000 + 500 * i + (year - 2023) * 300, 200 + 10 * i, share]
            for i, share in enumerate(shares)]


def test_the_running_years_sheet_is_said_and_the_closed_years_are_joined(tmp_path: Path) -> None:
    shares = [12, 30, 8]
    book = per_year_book(tmp_path / "分年名单.xlsx", {f"{y}年": _rows(y, shares) for y in (2023, 2024, 2025, 2026)},
                         HEADER)
    out = tmp_path / "结果.csv"
    code, err = invoke("batch", str(book), "-o", str(out), "--lang", "zh")
    assert code == 0, err
    said = "".join(err.split())
    assert "工作表“2026年”未读取：它是2026年的数据，按评估日期2026年尚未结束" in said
    assert "工作表“2023年”、“2024年”、“2025年”按年份合并为每家企业一行（共3家）" in said
    rows = results(out)
    assert [r["企业名称"] for r in rows] == ["企业0有限公司", "企业1有限公司", "企业2有限公司"]
    assert all("2026年" not in r["来源（文件:行）"] for r in rows)


def test_a_share_column_of_joined_sheets_is_judged_as_one_column(tmp_path: Path) -> None:
    shares: list[object] = [0.5, 12, 30, 0.8]  # mostly percents: no notice that all lie between 0 and 1
    book = per_year_book(tmp_path / "分年名单.xlsx", {f"{y}年": _rows(y, shares) for y in (2024, 2025)}, HEADER)
    code, err = invoke("batch", str(book), "-o", str(tmp_path / "结果.csv"), "--lang", "zh")
    assert code == 0, err
    assert "都在 0 到 1 之间" not in err
