"""`batch 名单.xlsx -o 结果.xlsx` on a sheet whose rows or columns Excel hides: a clerk hides a company
that moved away, filters the list to one street, or hides an old year's column. Every row is still
scored (a batch never drops one), and the run says which were hidden: on stderr, on the results
workbook's 说明 sheet, and on each hidden row's result. A sheet with nothing hidden says nothing new."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook, load_workbook
from openpyxl.worksheet.filters import FilterColumn, Filters
from typer.testing import CliRunner

from littlegiant.cli.app import app

ZH = {"LANG": "zh_CN.UTF-8", "LC_ALL": "", "LC_MESSAGES": "", "COLUMNS": "80", "NO_COLOR": "1"}
HEADER = ["序号", "企业名称", "所在街道", "联系人", "从业人员（上年末）", "营业收入（2025年）", "研发费用（2025年）",
          "营业收入（2024年）", "营业收入（2022年）"]


def park_sheet(path: Path, companies: int = 12, hide_rows: tuple[int, ...] = (), hide_columns: tuple[str, ...] = (),
               street: str | None = None) -> Path:
    """A park's list (a title row, the header on row 2, companies from row 3), saved by openpyxl as Excel
    saves one: the rows hidden, the columns hidden, and with ``street`` a filter on 所在街道 showing only
    that street, the other streets' rows hidden as Excel hides the rows its filter leaves out."""
    book = Workbook()
    ws = book.active
    ws.title = "企业名单"
    ws.append(["2026年高新区企业梯度培育摸底表"])
    ws.append(HEADER)
    for i in range(1, companies + 1):
        ws.append([i, f"园区企业{i:03d}有限公司", "东街" if i % 3 else "西街", f"张{i}", 20 + i, 1000 + i, 50 + i, 900 + i,
                   800 + i])
    for row in hide_rows:
        ws.row_dimensions[row].hidden = True
    for letters in hide_columns:  # H:I is one <col min="8" max="9" hidden="1">, as Excel writes columns hidden together
        first, _, last = letters.partition(":")
        ws.column_dimensions.group(first, last or first, hidden=True)
    if street is not None:
        ws.auto_filter.ref = f"A2:I{companies + 2}"
        ws.auto_filter.filterColumn.append(FilterColumn(colId=2, filters=Filters(filter=[street])))
        for row in range(3, companies + 3):
            if ws.cell(row, 3).value != street:
                ws.row_dimensions[row].hidden = True
    book.save(path)
    return path


def run(sheet: Path, out: Path, *extra: str) -> tuple[str, list[str], dict[str, str | None]]:
    """The run's stderr, the notes on the results' 说明 sheet, and each result row's 需核对的数据 (Figures to
    check) cell by the row it came from."""
    done = CliRunner().invoke(app, ["batch", str(sheet), "-o", str(out), "--as-of", "2026-11-26", *extra], env=ZH)
    assert done.exit_code == 0, done.output
    book = load_workbook(out)
    results, about = book.worksheets[0], book.worksheets[-1]
    rows = list(results.iter_rows(values_only=True))
    header = list(rows[0])
    warnings = header.index("需核对的数据" if "需核对的数据" in header else "Figures to check")
    checks = {str(r[0]).rsplit(":", 1)[1]: r[warnings] for r in rows[1:]}
    notes = [str(b) for a, b in about.iter_rows(max_col=2, values_only=True)
             if b is not None and (a in ("读取提示", "Notes on the data") or a is None)]
    return done.stderr, notes, checks


def test_hidden_rows_and_a_hidden_column_are_scored_and_said(tmp_path: Path) -> None:
    """Rows 5 and 9 hidden, and 营业收入（2024年） (read), 营业收入（2022年） (an old year no criterion reads) and
    联系人 (not read) hidden: all twelve companies are scored; stderr and the 说明 sheet name the two rows and
    the one hidden column the criteria read, and the two rows' results say they were hidden."""
    sheet = park_sheet(tmp_path / "名单.xlsx", hide_rows=(5, 9), hide_columns=("H:I", "D"))
    err, notes, checks = run(sheet, tmp_path / "结果.xlsx")
    rows = ("littlegiant 提示：名单.xlsx:企业名单 中有 2 家企业的行在原表中是隐藏的（第 5、9 行），仍照常评估，"
            "结果中已逐行注明；如不需要这些企业，请在结果中删去这些行")
    columns = ("littlegiant 提示：名单.xlsx:企业名单 中以下列在原表中是隐藏的，仍照常读取并参与评估：“营业收入（2024年）”；"
               "如这些列的数据不该使用，请在原表中删去这些列后再试")
    said = err.replace(str(tmp_path) + "/", "")
    assert rows in said.splitlines() and columns in said.splitlines()
    assert "共读取 12 行，已评估 12 行，出错 0 行" in err
    about = [n.replace(str(tmp_path) + "/", "") for n in notes]
    assert rows.removeprefix("littlegiant 提示：") in about and columns.removeprefix("littlegiant 提示：") in about
    assert len(checks) == 12
    assert {row: text for row, text in checks.items() if text} == {
        "5": "这一行在原表中是隐藏的（手动隐藏或被筛选掉），仍照常评估",
        "9": "这一行在原表中是隐藏的（手动隐藏或被筛选掉），仍照常评估"}


def test_rows_a_filter_leaves_out_are_said_as_filtered(tmp_path: Path) -> None:
    """A list filtered to 东街: the 西街 rows Excel hides are scored, and the note says a filter only
    changes what Excel shows (a clerk takes the results for the companies on the screen); in English too."""
    sheet = park_sheet(tmp_path / "筛选.xlsx", street="东街")
    err, notes, checks = run(sheet, tmp_path / "结果.xlsx")
    line = ("筛选.xlsx:企业名单 设了筛选，有 4 家企业的行被筛选掉或隐藏（第 5、8、11、14 行）；筛选只影响显示，"
            "这些行仍照常评估，结果中已逐行注明；如不需要这些企业，请在结果中删去这些行")
    assert any(n.endswith(line) for n in notes) and line in err
    assert sorted(row for row, text in checks.items() if text) == ["11", "14", "5", "8"]
    err, notes, checks = run(sheet, tmp_path / "results.xlsx", "--lang", "en")
    line = ("筛选.xlsx:企业名单 has a filter on: 4 rows are filtered out or hidden (rows 5, 8, 11, 14); a filter only "
            "changes what Excel shows, so they were scored all the same and marked so in the results; delete them "
            "from the results if those companies are not wanted")
    assert any(n.endswith(line) for n in notes) and line in err
    assert checks["5"] == "this row is hidden in the original sheet (by hand, or filtered out): scored all the same"
    assert "hidden in the sheet" not in err  # the filter's note, not the hidden rows' as well


def test_many_hidden_rows_are_counted_and_each_marked(tmp_path: Path) -> None:
    """Past ten hidden rows the note counts them (a list of numbers no one reads), and each row's result
    still says it; a hidden column the rules do not read (联系人) is not named as read."""
    hidden = tuple(range(3, 33, 2))
    sheet = park_sheet(tmp_path / "名单.xlsx", companies=40, hide_rows=hidden, hide_columns=("D",))
    err, notes, checks = run(sheet, tmp_path / "结果.xlsx", "--quiet")
    assert "中有 15 家企业的行在原表中是隐藏的，仍照常评估" in err
    assert "以下列在原表中是隐藏的" not in err and not any("以下列在原表中是隐藏的" in n for n in notes)
    assert sorted(int(row) for row, text in checks.items() if text) == list(hidden)


def test_a_sheet_with_nothing_hidden_says_nothing_new(tmp_path: Path) -> None:
    """Nothing hidden (an autofilter's buttons on, nothing chosen): no word of hidden rows or columns
    anywhere, and no row's 需核对的数据 filled."""
    sheet = park_sheet(tmp_path / "名单.xlsx")
    book = load_workbook(sheet)
    book.active.auto_filter.ref = "A2:I14"
    book.save(sheet)
    err, notes, checks = run(sheet, tmp_path / "结果.xlsx")
    assert "隐藏" not in err and "筛选" not in err and not any("隐藏" in n or "筛选" in n for n in notes)
    assert len(checks) == 12 and not any(checks.values())
