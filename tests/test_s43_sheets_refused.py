"""A workbook's sheet refused beside sheets read: a batch drops no row, so each company of it is an error row of
its own, named, saying why its sheet was not read; a sheet that cannot be read row by row at all is one row that
says so, naming the sheet. Real workbooks in, the results read back as staff see them."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook
from tests.test_s39_peryear_join import AS_OF, results
from typer.testing import CliRunner

from littlegiant.cli.app import app

CODES = ("91310000MA1FL1234X", "91440300MA5F0A1B2C", "91320100MA1K4ABC18")


def run(path: Path, out: Path, lang: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["batch", str(path), "-o", str(out), "--as-of", AS_OF, "--lang", lang],
                                env={"LANG": "zh_CN.UTF-8", "COLUMNS": "80"})
    return result.exit_code, result.stderr


def park(path: Path, third: list[list[object]] | None = None) -> Path:
    """一园区 read; 二园区 headed 营业收入（万元） without its year (refused, as a sheet beside one that passed is);
    ``third``: the rows of a 三园区 sheet."""
    wb = Workbook()
    ws = wb.active
    ws.title = "一园区"
    ws.append(["企业名称", "统一社会信用代码", "营业收入（2025年）（万元）", "从业人员"])
    ws.append(["甲科技有限公司", CODES[0], 5000, 80])
    ws = wb.create_sheet("二园区")
    ws.append(["企业名称", "统一社会信用代码", "营业收入（万元）", "从业人员"])
    ws.append(["乙制造有限公司", CODES[1], 6000, 90])
    ws.append(["丙精密机械有限公司", CODES[2], 7000, 100])
    ws.append(["合计", None, 13000, 190])  # no company: passed over, as on a sheet read
    if third is not None:
        ws = wb.create_sheet("三园区")
        for row in third:
            ws.append(row)
    wb.save(path)
    return path


@pytest.mark.parametrize(("lang", "why", "screen"), [
    ("zh", "未评估：所在的工作表“二园区”未能读取：“营业收入（万元）”列：请在列名中写明年份",
     "（结果文件中这张表的企业每家一行，共 2 行，都写明了原因）"),
    ("en", "not scored: its sheet '二园区' was not read: 营业收入（万元）: needs its year",
     "(its 2 companies are in the results, a row each, saying so)")])
def test_each_company_of_a_refused_sheet_is_its_own_error_row(tmp_path: Path, lang: str, why: str, screen: str) -> None:
    """The refused sheet's two companies were one nameless error row (p.xlsx:二园区): each is now its own row,
    with its name and code, saying why the sheet was not read; the screen names the sheet once, and counts them."""
    out = tmp_path / "结果.csv"
    code, said = run(park(tmp_path / "名单.xlsx"), out, lang)
    assert code == 1, said
    name, credit, error, status = (("企业名称", "统一社会信用代码", "错误说明", "处理结果") if lang == "zh" else
                                   ("Company name", "Unified social credit code", "Problems", "Outcome"))
    got = [(r[next(iter(r))].rpartition("名单.xlsx:")[2], r[name], r[credit], r[status]) for r in results(out)]
    failed = "出错" if lang == "zh" else "error"
    assert got == [("一园区:2", "甲科技有限公司", CODES[0], "已评估" if lang == "zh" else "scored"),
                   ("二园区:2", "乙制造有限公司", CODES[1], failed), ("二园区:3", "丙精密机械有限公司", CODES[2], failed)]
    for row in results(out)[1:]:
        assert row[error].startswith(why), row[error]
    (line,) = [x for x in said.splitlines() if "二园区" in x]
    assert line.endswith(screen), line
    assert ("共读取 3 行，已评估 1 行，出错 2 行" if lang == "zh" else "read 3, scored 1, errors 2") in said


@pytest.mark.parametrize(("lang", "said_of"), [
    ("zh", "工作表“三园区”无法逐行读取，其中的企业都未评估（结果中只有这一行）：没有找到列名行"),
    ("en", "sheet '三园区' could not be read row by row, and none of its companies was scored (this row stands for "
           "them): no header row found")])
def test_a_sheet_that_cannot_be_read_row_by_row_says_so_on_its_one_row(tmp_path: Path, lang: str, said_of: str) -> None:
    """A sheet of a column a day (366 of them) is no list whose header can be found: its one row said only
    没有找到列名行, as though it were one company's; it names the sheet and says its companies were not read."""
    third = [["企业名称", *(f"{d}日" for d in range(1, 367))], ["丁新材料股份有限公司", *([1] * 366)]]
    out = tmp_path / "结果.csv"
    code, said = run(park(tmp_path / "名单.xlsx", third), out, lang)
    assert code == 1, said
    rows = results(out)
    source = next(iter(rows[0]))
    (row,) = [r for r in rows if r[source].endswith(":三园区")]
    assert row["错误说明" if lang == "zh" else "Problems"].startswith(said_of)
    (line,) = [x for x in said.splitlines() if "三园区" in x]  # the screen says the sheet's reason once, as before
    assert ("未能读取：没有找到列名行" if lang == "zh" else "not read, no header row found") in line
