"""Rows as a script gets them from a park's sheet: csv.DictReader's and pandas' keys, read as batch reads the sheet."""

from __future__ import annotations

import csv
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import littlegiant

DAY = date(2026, 11, 26)
HEADER = ["企业名称", "从业人员（上年末）", "营业收入（2025年）"]


def test_a_csv_row_with_a_cell_past_the_header_is_refused_as_batch_refuses_it(tmp_path: Path) -> None:
    """csv.DictReader puts a row's extra cells (a comma typed inside a 备注, a shifted row) under the key None;
    the row was then read as a profile's nested data and refused with "企业名称 is a sheet's column header, not
    a profile key", of a row that was a sheet's, its company unnamed. Now it says what batch says of that row."""
    sheet = tmp_path / "名单.csv"
    sheet.write_text("企业名称,从业人员（上年末）,营业收入（2025年）\n甲公司,45,2500,多出的\n乙公司,50,3000\n",
                     encoding="utf-8")
    with sheet.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    items = list(littlegiant.screen(rows, as_of=DAY, lang="zh"))
    assert [(i.index, i.name, i.error) for i in items] == [
        (0, "甲公司", "这一行有 4 个单元格，但第 1 行（列名）有 3 列"), (1, "乙公司", None)]
    out = tmp_path / "结果.csv"
    subprocess.run([sys.executable, "-m", "littlegiant", "batch", str(sheet), "-o", str(out), "--as-of", DAY.isoformat(),
                    "--lang", "zh", "--quiet"], check=False, capture_output=True)
    with out.open(encoding="utf-8-sig", newline="") as handle:
        assert [r["错误说明"] for r in csv.DictReader(handle)] == [items[0].error, ""]
    try:
        littlegiant.read_profile(rows[0], as_of=DAY)
    except littlegiant.InputError as exc:
        assert str(exc) == "the row has 4 cells but the header (line 1) has 3 columns"
    else:
        raise AssertionError("a row with a cell past its header was read")


@given(st.one_of(st.integers(1900, 2100), st.floats(allow_nan=True, allow_infinity=False), st.none().map(lambda _: float("nan"))))
def test_a_header_pandas_gives_as_a_number_is_a_header_not_an_internal_error(key: float) -> None:
    """pandas names a column headed by a number (a year typed in the header row) by that number, and an
    unheaded one NaN: read_profile raised AttributeError 'int' object has no attribute 'strip', and a
    screen said "internal error" for every company of the sheet. Such a column is passed over, as batch
    passes over a column it does not know; the rest of the row is read."""
    plain = {"企业名称": "甲公司", "行业（《中小企业划型标准规定》）": "工业", "从业人员（上年末）": 45.0, "营业收入（2025年）": 2500}
    row = {**plain, key: 7}
    profile = littlegiant.read_profile(row, as_of=DAY)
    assert profile.name == "甲公司" and profile.values["financials.2025.revenue"] == 2500
    (item,) = littlegiant.screen([row], as_of=DAY)
    assert item.error is None and item.summary is not None and item.summary.sme_size == "small"
    assert item == next(littlegiant.screen([plain], as_of=DAY))


def test_a_header_of_two_rows_is_refused_not_passed_over() -> None:
    """pandas' header=[0, 1] keys a column by a tuple; passed over, the figures under it would be lost and
    the verdict said as if they were unknown."""
    row = {"企业名称": "甲公司", ("财务数据", "营业收入（2025年）"): 2500}
    (item,) = littlegiant.screen([row], as_of=DAY)
    assert item.error == ("source: expected one header cell a column, got a header of several rows "
                          "('财务数据', '营业收入（2025年）'): read the sheet with one header row (pandas: header=0)")


def test_rows_with_no_cell_filled_are_passed_over_as_batch_passes_them(tmp_path: Path) -> None:
    """pandas reads the rows Excel keeps formatted under a list as rows of NaN (csv.DictReader as rows of
    ""): each was an item, a company with no name and every title 未知, where batch reads none of them. Now
    the screen's companies are batch's, each item's index still its row's place."""
    sheet = tmp_path / "名单.csv"
    sheet.write_text("企业名称,从业人员（上年末）,营业收入（2025年）\n甲公司,45,2500\n,,\n  ,, \n乙公司,50,3000\n",
                     encoding="utf-8")
    with sheet.open(encoding="utf-8", newline="") as handle:
        rows: list[dict[object, object]] = list(csv.DictReader(handle))
    rows.append({"企业名称": float("nan"), "从业人员（上年末）": None, "营业收入（2025年）": float("nan")})
    rows.append({"企业名称": "丙公司", "从业人员（上年末）": float("nan"), "营业收入（2025年）": 100})
    items = list(littlegiant.screen(rows, as_of=DAY))
    assert [(i.index, i.name) for i in items] == [(0, "甲公司"), (3, "乙公司"), (5, "丙公司")]
    out = tmp_path / "结果.csv"
    subprocess.run([sys.executable, "-m", "littlegiant", "batch", str(sheet), "-o", str(out), "--as-of", DAY.isoformat(),
                    "--lang", "zh", "--quiet"], check=False, capture_output=True)
    with out.open(encoding="utf-8-sig", newline="") as handle:
        assert [r["企业名称"] for r in csv.DictReader(handle)] == ["甲公司", "乙公司"]
    assert [i.summary for i in items[:2]] == [i.summary for i in littlegiant.screen([rows[0], rows[3]], as_of=DAY)]


def test_an_error_items_problems_name_their_cells() -> None:
    """A script marking the cells to fix had only ``error``, one line a problem in the words of ``lang``, to
    take apart: each problem is an InputError too, its field the column's header (or the profile's path)."""
    row = {"企业名称": "戊公司", "从业人员（上年末）": "-5", "营业收入（2025年）": "abc"}
    bad, nested = littlegiant.screen([row, {"name": "己公司", "employees": -5}], as_of=DAY, lang="zh")
    assert [(p.field, p.kind) for p in bad.problems] == [("从业人员（上年末）", "value.min"), ("营业收入（2025年）", "value.typed")]
    assert bad.error == "\n".join(p.render("zh") for p in bad.problems)
    assert [(p.field, p.kind) for p in nested.problems] == [("employees", "value.min")] and nested.name == "己公司"
    assert next(littlegiant.screen([row], as_of=DAY)).problems[0].render("zh") == "“从业人员（上年末）”列：不能小于 0，现在是 -5"


def test_a_table_given_as_one_companys_file_points_to_screen_not_to_a_command(tmp_path: Path) -> None:
    """read_profile("名单.csv") said "run littlegiant batch 名单.csv -o results.xlsx": the script's author was
    sent to the command line. It says what to do in Python, in either language, its kind kept."""
    sheet = tmp_path / "名单.csv"
    sheet.write_text("企业名称,从业人员（上年末）\n甲公司,45\n", encoding="utf-8")
    try:
        littlegiant.read_profile(sheet)
    except littlegiant.InputError as exc:
        assert exc.kind == "file.table" and "littlegiant batch" not in str(exc) + exc.render("zh")
        assert str(exc) == f"{sheet}: a table of companies, not one company's profile: pass its rows to littlegiant.screen " \
            "(as csv.DictReader or pandas.read_excel(...).to_dict(\"records\") gives them, or json.loads of each line of a .jsonl)"
        assert exc.render("zh").startswith(f"{sheet}：这是多家企业的表格，不是单家企业的资料：请把表中各行交给 littlegiant.screen")
    else:
        raise AssertionError("a table was read as one company's profile")
    (item,) = littlegiant.screen([sheet], as_of=DAY, lang="zh")
    assert item.error is not None and "littlegiant.screen" in item.error


class _Series:
    """Stands in for a pandas Series, one row of a sheet (pandas is not a dependency of the tool)."""

    def __init__(self, cells: dict[str, object]) -> None:
        self.cells = cells
        self.index = list(cells)

    def to_dict(self) -> dict[str, object]:
        return dict(self.cells)


class _Frame:
    """Stands in for a pandas DataFrame: iterated, it gives its column names, as pandas' does."""

    def __init__(self, rows: list[dict[str, object]]) -> None:
        self.rows = rows
        self.columns = list(rows[0])

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self.columns)

    def to_dict(self, orient: str) -> list[dict[str, object]]:
        assert orient == "records"
        return [dict(r) for r in self.rows]

    def iterrows(self):  # type: ignore[no-untyped-def]
        return ((i, _Series(r)) for i, r in enumerate(self.rows))


def test_a_dataframe_is_screened_row_by_row_and_a_series_read_as_its_row(tmp_path: Path) -> None:
    """screen(df), a park analyst's first call, screened the sheet's column headers, each "企业名称: no such
    file"; a row as df.iloc[i] gives it was refused ("got Series"), and among df.iterrows() the notes row of
    init's sheet was screened as a company. Now a DataFrame is its rows and a Series its cells."""
    sheet = tmp_path / "名单.csv"
    sheet.write_text("企业名称,从业人员（上年末）,营业收入（2025年）\n填写说明（本行不计入）：不知道的请留空,人,万元\n"
                     "甲公司,45,2500\n乙公司,-3,3000\n", encoding="utf-8")
    with sheet.open(encoding="utf-8", newline="") as handle:
        frame = _Frame(list(csv.DictReader(handle)))
    said = [(i.index, i.name, i.error) for i in littlegiant.screen(frame, as_of=DAY, lang="zh")]  # type: ignore[arg-type]
    assert said == [(1, "甲公司", None), (2, "乙公司", "“从业人员（上年末）”列：不能小于 0，现在是 -3")]
    rows = [row for _, row in frame.iterrows()]
    assert [(i.index, i.name, i.error) for i in littlegiant.screen(rows, as_of=DAY, lang="zh")] == said  # type: ignore[arg-type]
    one = littlegiant.assess(rows[1], as_of=DAY)  # type: ignore[arg-type]
    assert one.to_json() == littlegiant.assess(frame.rows[1], as_of=DAY).to_json()
    with pytest.raises(littlegiant.InputError, match=r"got _Frame \(a sheet: give it to littlegiant.screen, row by row\)"):
        littlegiant.read_profile(frame)  # type: ignore[arg-type]
