"""A company a per-year workbook gives twice on one sheet, or under two names, is an error row; its
统一社会信用代码 cell was left empty although every sheet gave the same code, so a park could not match the
row to its master list. The code the rows agree on is written back; rows under two codes give none."""

from __future__ import annotations

from pathlib import Path

from tests.test_s39_peryear_join import invoke, per_year_book, results

HEADER = ["企业名称", "统一社会信用代码", "所属行业", "从业人员", "营业收入（万元）"]
CODE_A, CODE_B = "91440300MA5F0A1B2C", "91320500MA1X2Y3Z4W"


def test_a_joined_error_row_keeps_the_code_its_rows_agree_on(tmp_path: Path) -> None:
    book = per_year_book(tmp_path / "分年名单.xlsx", {
        "2024年": [["甲公司", CODE_A, "工业", 100, 3000], ["甲公司", CODE_A, "工业", 100, 3100],
                  ["乙公司", CODE_B, "工业", 80, 2000]],
        "2025年": [["甲公司", CODE_A, "工业", 100, 3500], ["丙公司", CODE_B, "工业", 80, 2200]]}, HEADER)
    out = tmp_path / "结果.csv"
    code, err = invoke("batch", str(book), "-o", str(out), "--lang", "zh")
    assert code == 1, err  # error rows, every row written
    rows = {r["企业名称"]: r for r in results(out)}
    assert rows["甲公司"]["处理结果"] == "出错" and rows["甲公司"]["统一社会信用代码"] == CODE_A  # twice on 2024年
    assert rows["丙公司"]["处理结果"] == "出错" and rows["丙公司"]["统一社会信用代码"] == CODE_B  # 乙 / 丙 under one code
