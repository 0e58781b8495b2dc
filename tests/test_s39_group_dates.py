"""A group row that names a month or a day instead of a year (2025年12月, 2025-12-31) over 营业收入 and 研发费用:
the row of 营业收入 and 研发费用 was scored as a nameless company and the figures under it went unread, the
run ending 0 with nothing said of why. Now the two rows are read as one header: 2025年12月营业收入 is passed
over as one month's figure (as the same header in one row is), a day's column is refused naming the header
to write, before any company is scored."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.test_park_sheets import invoke, read_csv
from tests.test_sheet_rows_staff import workbook


def _rows(group: str) -> list[list[str]]:
    return [["企业名称", "所属行业", "从业人员", group, ""], ["", "", "", "营业收入", "研发费用"],
            ["甲公司", "工业", "120", "8000", "400"], ["乙公司", "工业", "80", "3000", "90"]]


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_a_month_over_the_figures_is_said_and_no_header_row_is_a_company(tmp_path: Path, suffix: str) -> None:
    src = tmp_path / f"名单{suffix}"
    if suffix == ".csv":
        src.write_text("\n".join(",".join(r) for r in _rows("2025年12月")) + "\n", encoding="utf-8")
    else:
        workbook(src, ("名单", _rows("2025年12月")))
    out = tmp_path / "结果.csv"
    code, _, err = invoke("batch", str(src), "-o", str(out), "--lang", "zh")
    assert code == 0, err
    assert [r["企业名称"] for r in read_csv(out)] == ["甲公司", "乙公司"]
    assert "部分月份" in err and "“2025年12月营业收入”" in err


@pytest.mark.parametrize("group", ["2025-12-31", "2025/12/31", "2025.12.31"])
def test_a_day_over_the_figures_stops_the_run_naming_the_header_to_write(tmp_path: Path, group: str) -> None:
    src = tmp_path / "名单.csv"
    src.write_text("\n".join(",".join(r) for r in _rows(group)) + "\n", encoding="utf-8")
    out = tmp_path / "结果.csv"
    code, _, err = invoke("batch", str(src), "-o", str(out), "--lang", "zh")
    assert code == 2
    assert f"“{group}营业收入”列" in err and "营业收入（2025年）" in err
    assert not out.exists()
