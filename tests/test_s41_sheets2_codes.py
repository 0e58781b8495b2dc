"""A code column headed with the older number it may hold (统一社会信用代码/注册号, 信用代码/组织机构代码,
统一社会信用代码（注册号）) is the 统一社会信用代码 column: its codes come back beside the results, are checked,
and tell a company given twice. So headed, it was passed over as naming nothing. Real workbooks in."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from openpyxl import Workbook
from typer.testing import CliRunner

from littlegiant.cli.app import app

runner = CliRunner()
CODE = "91310000MA1FL0GD12"  # its check character right (GB 32100)


def invoke(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, [*args, "--as-of", "2026-11-26"], env={"LANG": "zh_CN.UTF-8", "COLUMNS": "80"})
    return result.exit_code, result.stderr


@pytest.mark.parametrize("header", ["统一社会信用代码/注册号", "统一社会信用代码／注册号", "统一社会信用代码（注册号）",
                                    "信用代码/组织机构代码", "统一社会信用代码或注册号", "企业统一社会信用代码", "社会统一信用代码"])
def test_a_code_column_headed_with_its_older_number_is_the_code_column(tmp_path: Path, header: str) -> None:
    wb = Workbook()
    ws = wb.active
    ws.append(["企业名称", header, "营业收入（2025年）（万元）", "从业人员"])
    for row in (["甲科技有限公司", CODE, 6000, 100], ["乙制造有限公司", "310115000123456", 7000, 90],
                ["丙电子有限公司", "MA1FL0GD-1", 5000, 80], ["甲科技（上海）有限公司", CODE, 6000, 100]):
        ws.append(row)
    wb.save(tmp_path / "园区企业.xlsx")
    out = tmp_path / "结果.csv"
    code, said = invoke("batch", str(tmp_path / "园区企业.xlsx"), "-o", str(out))
    assert code == 0, said
    assert "与评估无关" not in said  # not passed over as a column of the park's own
    with out.open(encoding="utf-8-sig", newline="") as handle:
        got = list(csv.DictReader(handle))
    assert [r["统一社会信用代码"] for r in got] == [CODE, "310115000123456", "MA1FL0GD-1", CODE]
    checks = [r["需核对的数据"] for r in got]
    assert checks[0] == ""
    assert "像 2015 年以前的工商注册号" in checks[1]
    assert checks[2].startswith("统一社会信用代码一栏的“MA1FL0GD-1”是 9 位的组织机构代码，不是 18 位的统一社会信用代码")
    assert f"与“{tmp_path / '园区企业.xlsx'}:Sheet:2”的统一社会信用代码相同，可能重复填写了同一家企业" in checks[3]


def test_a_code_beside_a_number_of_another_kind_is_not_taken() -> None:
    """统一社会信用代码/序号 names two columns' worth: neither is guessed."""
    from littlegiant.load.tabular import id_kind

    assert [id_kind(h) for h in ("统一社会信用代码/序号", "注册号", "统一社会信用代码、纳税人识别号")] == [None, None, 0]


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_a_row_given_again_is_said_once(tmp_path: Path, suffix: str) -> None:
    """The same name and code as an earlier row: one note naming it, where two said the same of one row; a row
    sharing only the code, or only the name, says which."""
    rows = [["企业名称", "统一社会信用代码", "营业收入（2025年）（万元）", "从业人员"],
            ["甲科技有限公司", CODE, 6000, 100], ["甲科技有限公司", CODE, 6000, 100],
            ["甲科技（上海）有限公司", CODE, 6000, 100], ["甲科技有限公司", "", 6000, 100]]
    src = tmp_path / f"园区企业{suffix}"
    if suffix == ".xlsx":
        wb = Workbook()
        for row in rows:
            wb.active.append(row)
        wb.save(src)
    else:
        with src.open("w", encoding="utf-8", newline="") as handle:
            csv.writer(handle).writerows(rows)
    out = tmp_path / "结果.csv"
    code, said = invoke("batch", str(src), "-o", str(out))
    assert code == 0, said
    with out.open(encoding="utf-8-sig", newline="") as handle:
        checks = [r["需核对的数据"] for r in csv.DictReader(handle)]
    first = f"{src}:Sheet:2" if suffix == ".xlsx" else f"{src}:2"
    assert checks == ["", f"与“{first}”的企业名称和统一社会信用代码都相同，可能重复填写了同一家企业（两行都列在结果中）",
                      f"与“{first}”的统一社会信用代码相同，可能重复填写了同一家企业（两行都列在结果中）",
                      f"与“{first}”的企业名称相同，可能重复填写了同一家企业（两行都列在结果中）"]
