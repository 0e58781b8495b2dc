"""Days in a workbook saved by Chinese Excel or WPS, formatted by the built-in Chinese formats the file names
by id alone (31: 2025年12月31日, 57: 2019年3月): read as the days they are, as the sheet shows them, in a header
(2025年12月31日 over 资产总额) and in the park's own columns. Real workbooks in, their styles rewritten to the
ids Chinese Excel writes."""

from __future__ import annotations

import datetime
import re
import zipfile
from pathlib import Path

from openpyxl import Workbook, load_workbook
from tests.test_s39_peryear_join import invoke, results


def as_chinese_excel(path: Path) -> Path:
    """The workbook's own day formats swapped for the built-in ids Chinese Excel writes, without their text."""
    with zipfile.ZipFile(path) as book:
        parts = {i.filename: book.read(i.filename) for i in book.infolist()}
    styles = parts["xl/styles.xml"].decode()
    for fid, code in re.findall(r'<numFmt numFmtId="(\d+)" formatCode="([^"]*)"', styles):
        if "年" in code:
            styles = styles.replace(f'numFmtId="{fid}"', f'numFmtId="{31 if "d" in code else 57}"')
    parts["xl/styles.xml"] = re.sub(r'<numFmt numFmtId="(31|57)" formatCode="[^"]*"\s*/>', "", styles).encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as book:
        for name, data in parts.items():
            book.writestr(name, data)
    return path


def test_days_by_chinese_builtin_ids(tmp_path: Path) -> None:
    """A group header 2025年12月31日 (a day) over 资产总额 and 营业收入 files them under 2025, and the own
    columns come back as shown: the CSV as text, the .xlsx as days."""
    wb = Workbook()
    ws = wb.active
    ws.append(["企业名称", datetime.datetime(2025, 12, 31), None, "成立日期", "入园年月"])
    ws.append([None, "资产总额", "营业收入", None, None])
    ws.append(["甲科技有限公司", 7000, 6300, datetime.datetime(2015, 7, 9), datetime.datetime(2019, 3, 1)])
    ws.merge_cells("B1:C1")
    for ref in ("A1:A2", "D1:D2", "E1:E2"):
        ws.merge_cells(ref)
    ws["B1"].number_format = ws["D3"].number_format = 'yyyy"年"m"月"d"日"'
    ws["E3"].number_format = 'yyyy"年"m"月"'
    wb.save(tmp_path / "名单.xlsx")
    path = as_chinese_excel(tmp_path / "名单.xlsx")
    assert load_workbook(path, read_only=True).active["D3"].number_format == "General"  # as openpyxl alone sees it
    code, said = invoke("batch", str(path), "-o", str(tmp_path / "结果.csv"))
    assert code == 0, said
    row = results(tmp_path / "结果.csv")[0]
    assert (row["成立日期"], row["入园年月"]) == ("2015年7月9日", "2019年3月")
    assert "资产总额" not in said and "营业收入" not in said  # both read, as 2025's: no column named unread
    code, said = invoke("batch", str(path), "-o", str(tmp_path / "结果.xlsx"))
    assert code == 0, said
    out = load_workbook(tmp_path / "结果.xlsx").worksheets[0]
    header = [c.value for c in out[1]]
    cell = out.cell(2, header.index("成立日期") + 1)
    assert cell.value == datetime.datetime(2015, 7, 9)
    assert cell.number_format == 'yyyy"年"m"月"d"日"'
