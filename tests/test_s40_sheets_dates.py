"""A park's own columns holding days shown as a year or a month (成立年份 yyyy, 入园年月 yyyy-mm): the CSV of
the results gives them as the sheet shows them, not as a day nobody typed. Real workbooks in."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from tests.test_s39_peryear_join import invoke, results


@pytest.mark.parametrize(("shown", "want"), [("yyyy", "2015"), ("yyyy-mm", "2015-07"), ("yyyy/m", "2015/7"),
                                             ('yyyy"年"', "2015年"), ("yyyy-mm-dd", "2015-07-09"),
                                             ("m/d/yyyy", "2015-07-09")])
def test_own_day_columns_come_back_as_shown(tmp_path: Path, shown: str, want: str) -> None:
    """The CSV cell is the sheet's text (a full day stays ISO); the .xlsx keeps the day with its format."""
    wb = Workbook()
    ws = wb.active
    ws.append(["企业名称", "营业收入（2025年）", "成立时间"])
    ws.append(["甲科技有限公司", 6000, datetime.datetime(2015, 7, 9)])
    ws["C2"].number_format = shown
    wb.save(tmp_path / "名单.xlsx")
    code, said = invoke("batch", str(tmp_path / "名单.xlsx"), "-o", str(tmp_path / "结果.csv"))
    assert code == 0, said
    assert results(tmp_path / "结果.csv")[0]["成立时间"] == want
    code, said = invoke("batch", str(tmp_path / "名单.xlsx"), "-o", str(tmp_path / "结果.xlsx"))
    assert code == 0, said
    out = load_workbook(tmp_path / "结果.xlsx").worksheets[0]
    column = [c.value for c in out[1]].index("成立时间") + 1
    cell = out.cell(2, column)
    assert cell.value == datetime.datetime(2015, 7, 9)
    assert cell.number_format == shown
