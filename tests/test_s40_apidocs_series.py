"""A consultant's notebook indexes a client sheet by 企业名称 (``df.set_index("企业名称")``) and assesses one client
as ``df.loc["甲公司"]``: a pandas Series whose ``.name`` is the company's name, no longer among its cells."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest

import littlegiant

DAY = date(2026, 11, 26)


class _Series:
    """Stands in for a pandas Series (pandas is not a dependency): its cells by header, and its label ``name``,
    the index value of its row (what ``df.loc[label]`` and ``df.iterrows()`` give)."""

    def __init__(self, cells: dict[str, object], name: object) -> None:
        self.cells = cells
        self.index = list(cells)
        self.name = name

    def to_dict(self) -> dict[str, object]:
        return dict(self.cells)


def _rows(tmp_path: Path, text: str, by: str) -> list[_Series]:
    """A client sheet's rows as the Series of a frame indexed by the column ``by``."""
    sheet = tmp_path / "客户.csv"
    sheet.write_text(text, encoding="utf-8")
    with sheet.open(encoding="utf-8", newline="") as handle:
        return [_Series({k: v for k, v in row.items() if k != by}, row[by]) for row in csv.DictReader(handle)]


SHEET = ("企业名称,统一社会信用代码,从业人员（上年末）,营业收入（2025年）\n"
         "宁波甲精密有限公司,91330200MA2H00000X,45,2500\n乙公司,,80,6000\n")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_row_of_a_sheet_indexed_by_company_name_keeps_the_name(tmp_path: Path, lang: str) -> None:
    """``assess(df.loc["宁波甲精密有限公司"])`` was assessed as a company with no name: the report, the JSON and
    a screen's items named no one, and the consultant could not tell one client's report from another's."""
    first, second = _rows(tmp_path, SHEET, "企业名称")
    one = littlegiant.assess(first, as_of=DAY)  # type: ignore[arg-type]
    assert one.result.name == one.profile.name == "宁波甲精密有限公司"
    assert one.render("text", lang).splitlines()[0] == "宁波甲精密有限公司"
    assert one.to_json(lang)["name"] == "宁波甲精密有限公司"
    assert littlegiant.read_profile(second, as_of=DAY).name == "乙公司"  # type: ignore[arg-type]
    assert [i.name for i in littlegiant.screen([first, second], as_of=DAY, lang=lang)] == [  # type: ignore[list-item]
        "宁波甲精密有限公司", "乙公司"]


def test_a_label_that_is_no_name_is_not_taken_for_one(tmp_path: Path) -> None:
    """A row number (a plain frame's, or a 序号 column's as text), a 统一社会信用代码 (a frame indexed by its
    codes) is no company's name; a row whose own column names the company keeps its own name."""
    by_code = _rows(tmp_path, SHEET, "统一社会信用代码")
    assert [littlegiant.assess(r, as_of=DAY).result.name for r in by_code] == ["宁波甲精密有限公司", "乙公司"]  # type: ignore[arg-type]
    cells = {"从业人员（上年末）": "45", "营业收入（2025年）": "2500"}
    for label in (0, "001", "91330200MA2H00000X", "  ", None):
        assert littlegiant.assess(_Series(cells, label), as_of=DAY).result.name is None, label  # type: ignore[arg-type]
    nested = _Series({"name": "丙公司", "employees": 45}, "another label")
    assert littlegiant.assess(nested, as_of=DAY).result.name == "丙公司"  # type: ignore[arg-type]


class _Rows:
    """Stands in for the DataFrame ``df.loc["甲公司"]`` gives when two rows of the sheet are named 甲公司."""

    def __init__(self, rows: list[dict[str, object]], label: str) -> None:
        self.rows = rows
        self.columns = list(rows[0])
        self.index = [label] * len(rows)

    def __len__(self) -> int:
        return len(self.rows)

    def to_dict(self, orient: str) -> list[dict[str, object]]:
        return [dict(r) for r in self.rows]

    def iterrows(self) -> object:
        return iter(())


def test_a_company_named_on_two_rows_is_said_to_be_so() -> None:
    """``assess(df.loc["甲公司"])`` of a sheet naming 甲公司 twice gets a table of both rows: it was told to give "a
    sheet" to screen, where it meant one company and the sheet holds a repeat."""
    twice = _Rows([{"从业人员（上年末）": 45}, {"从业人员（上年末）": 50}], "甲公司")
    with pytest.raises(littlegiant.InputError) as caught:
        littlegiant.assess(twice, as_of=DAY)  # type: ignore[arg-type]
    assert str(caught.value) == ("source: expected one company's row, got 2 rows all named '甲公司': the sheet names that "
                                 "company more than once; pick one row with df.iloc, or drop the repeats first")
    assert caught.value.render("zh") == ("source：应填一家企业的一行，现在是名称都为“甲公司”的 2 行：表中有同名的企业，"
                                         "请用 df.iloc 选出其中一行，或先去掉重复的行")


def test_a_name_of_eighteen_letters_is_still_a_name() -> None:
    """A 统一社会信用代码 is 18 letters and digits; a company named by 18 letters alone is named."""
    cells = {"从业人员（上年末）": "45"}
    assert littlegiant.assess(_Series(cells, "ShenzhenMicroChips"), as_of=DAY).result.name == "ShenzhenMicroChips"  # type: ignore[arg-type]
