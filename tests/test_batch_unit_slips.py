"""A whole sheet in the wrong unit, said once at the end of a batch run: each row's 需核对的数据 asked
about its amounts, but the run ended on 「共读取 10 行，已评估 10 行，出错 0 行」 with exit 0, and staff who
read the verdict columns never saw that every verdict was worked out on amounts 10,000 times too
large (or too small). The verdicts stay those the figures give; the run says how many rows, and what to do."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from typer.testing import CliRunner

from littlegiant.cli.app import app

runner = CliRunner()
AS_OF = "2026-12-04"
HEADER = ["序号", "企业名称", "所属行业", "从业人员", "营业收入（2025年）", "主营业务收入（2025年）", "研发费用（2025年）",
          "营业收入（2024年）", "研发费用（2024年）", "营业收入（2023年）"]
IN_YUAN = [32000000, 29440000, 1440000, 28800000, 1280000, 25600000]  # 3,200万元 in 元
LARGE_ZH = ("littlegiant 提示：有 {n} 行的金额远超中小企业规模或按从业人数算高得不合常理（见“需核对的数据”列），多半是按元填写、"
            "被当作万元读取了，这些行的结论不可靠。如金额以元为单位，请在标题行写明“金额单位：元”（或在列名中写“元”）后重新运行")
LARGE_EN = ("littlegiant: note: {n} rows have amounts far beyond any SME's size or revenue far too large for the head "
            "count (see the “Figures to check” column): most likely amounts in yuan read as 10k CNY, so those rows' results cannot be relied on. If the sheet's "
            "amounts are in yuan, say so (a title row 金额单位：元, 'amount unit: yuan', or 元 in the amount headers, "
            "e.g. 'Operating revenue 2025 (元)') and run again")
SMALL_ZH = ("littlegiant 提示：有 {n} 行的营业收入按从业人数算低得不合常理（见“需核对的数据”列），多半是按万元填写、被当作"
            "元读取了，这些行的结论不可靠。如金额以万元为单位，请把标题行或列名中的单位改为“万元”后重新运行")


def sheet(path: Path, rows: list[list[object]], title: str | None = None, header: list[str] = HEADER) -> Path:
    book = Workbook()
    ws = book.active
    if title is not None:
        ws.append([title])
    ws.append(header)
    for i, amounts in enumerate(rows, 1):
        ws.append([i, f"企业{i}", "工业", 120, *amounts])
    book.save(path)
    return path


def batch(*args: str, lang: str = "zh") -> tuple[int, list[str]]:
    done = runner.invoke(app, ["batch", *args, "--as-of", AS_OF, "--lang", lang, "-q"],
                         env={"COLUMNS": "80", "NO_COLOR": "1"})
    return done.exit_code, done.stderr.splitlines()


def verdicts(path: Path) -> list[tuple[object, ...]]:
    """The results sheet's columns from 处理结果 to its last tier's score: what staff read."""
    book = load_workbook(path, read_only=True)
    head, *rows = book[book.sheetnames[0]].iter_rows(values_only=True)
    book.close()
    first, last = head.index("处理结果"), head.index("主要差距")
    return [tuple(r[first:last]) for r in rows]


def test_a_sheet_in_yuan_is_said_once_at_the_end_with_what_to_do(tmp_path: Path) -> None:
    """Ten companies in 元 with no unit named: the run's last line says 10 rows, that their amounts
    read as 万元 cannot be right, and how to name the unit; exit 0, every verdict as the figures give it."""
    src = sheet(tmp_path / "名单.xlsx", [IN_YUAN] * 10)
    code, lines = batch(str(src), "-o", str(tmp_path / "结果.xlsx"))
    assert code == 0
    assert lines[-2:] == [f"共读取 10 行，已评估 10 行，出错 0 行 → {tmp_path / '结果.xlsx'}", LARGE_ZH.format(n=10)]
    assert sum("金额远超" in line for line in lines) == 1
    assert all(v[0] == "已评估" for v in verdicts(tmp_path / "结果.xlsx"))


def test_only_the_rows_in_yuan_are_counted_and_the_verdicts_do_not_change(tmp_path: Path) -> None:
    """Two rows in 元 among three in 万元: 2 rows are named, and the verdict columns are what they were
    without the note (the same sheet's rows scored alone give the same)."""
    in_wan = [3200, 2944, 144, 2880, 128, 2560]
    src = sheet(tmp_path / "名单.xlsx", [in_wan, IN_YUAN, in_wan, IN_YUAN, in_wan])
    code, lines = batch(str(src), "-o", str(tmp_path / "结果.xlsx"))
    assert code == 0 and lines[-1] == LARGE_ZH.format(n=2)
    found = verdicts(tmp_path / "结果.xlsx")
    batch(str(sheet(tmp_path / "元.xlsx", [IN_YUAN])), "-o", str(tmp_path / "元结果.xlsx"))
    batch(str(sheet(tmp_path / "万元.xlsx", [in_wan])), "-o", str(tmp_path / "万元结果.xlsx"))
    alone_yuan, alone_wan = verdicts(tmp_path / "元结果.xlsx")[0], verdicts(tmp_path / "万元结果.xlsx")[0]
    assert found == [alone_wan, alone_yuan, alone_wan, alone_yuan, alone_wan]


def test_naming_the_unit_as_told_clears_the_note(tmp_path: Path) -> None:
    """What the note says to do works: a title row 金额单位：元, or 元 in the amount headers, reads the
    same figures as 3,200万元, and the run ends on its count alone."""
    titled = sheet(tmp_path / "标题.xlsx", [IN_YUAN] * 3, title="园区企业名单（金额单位：元）")
    headed = sheet(tmp_path / "列名.xlsx", [IN_YUAN] * 3,
                   header=[h.replace("年）", "年）（元）") if "（20" in h else h for h in HEADER])
    for src in (titled, headed):
        code, lines = batch(str(src), "-o", str(tmp_path / "结果.xlsx"))
        assert code == 0 and lines[-1].startswith("共读取 3 行，已评估 3 行，出错 0 行"), lines
        assert not any("远超" in line for line in lines)


def test_wan_typed_on_a_sheet_in_yuan_is_said_the_other_way_round(tmp_path: Path) -> None:
    """A sheet headed 金额单位：元 whose companies typed 万元 (3200 for 3,200万): revenue of a few 元 a head,
    said once at the end with the fix the other way round."""
    src = sheet(tmp_path / "名单.xlsx", [[x // 10000 for x in IN_YUAN]] * 4, title="园区企业名单（金额单位：元）")
    code, lines = batch(str(src), "-o", str(tmp_path / "结果.xlsx"))
    assert code == 0 and lines[-1] == SMALL_ZH.format(n=4)
    assert not any("远超" in line for line in lines)


@pytest.mark.parametrize(("output", "column"), [("结果.csv", "the “Figures to check” column"),
                                                ("结果.jsonl", "each row's warnings")])
def test_in_english_and_other_outputs_the_note_names_where_to_look(tmp_path: Path, output: str, column: str) -> None:
    """In English, and in a .csv or JSON Lines output, the note points to where that file says it."""
    src = sheet(tmp_path / "名单.xlsx", [IN_YUAN] * 3)
    code, lines = batch(str(src), "-o", str(tmp_path / output), lang="en")
    assert code == 0 and lines[-1] == LARGE_EN.format(n=3).replace("the “Figures to check” column", column)


def test_rows_scored_on_workers_are_all_counted(tmp_path: Path) -> None:
    """600 rows over two workers, one in three in 元: the count is the whole run's, not one chunk's."""
    src = tmp_path / "名单.csv"
    with src.open("w", encoding="utf-8-sig", newline="") as out:
        w = csv.writer(out)
        w.writerow(HEADER)
        for i in range(600):
            amounts = IN_YUAN if i % 3 == 0 else [3200, 2944, 144, 2880, 128, 2560]
            w.writerow([i + 1, f"企业{i + 1}", "工业", 120, *amounts])
    code, lines = batch(str(src), "-o", str(tmp_path / "结果.jsonl"), "--jobs", "2")
    assert code == 0 and lines[-1] == LARGE_ZH.format(n=200).replace("“需核对的数据”列", "各行的 warnings")
    rows = [json.loads(line) for line in (tmp_path / "结果.jsonl").read_text(encoding="utf-8").splitlines()]
    assert sum("超出中小企业常见范围" in (r.get("warnings") or "") for r in rows) == 200


def test_full_results_count_alike(tmp_path: Path) -> None:
    """--format json rows (full results) are counted from their own warnings."""
    src = sheet(tmp_path / "名单.xlsx", [IN_YUAN] * 2)
    code, lines = batch(str(src), "-o", str(tmp_path / "结果.jsonl"), "--format", "json")
    assert code == 0 and lines[-1] == LARGE_ZH.format(n=2).replace("“需核对的数据”列", "各行的 warnings")


@pytest.mark.parametrize("title", ["填报单位：江北高新区经发局    金额单位：元    填报日期：2026年11月",
                                   "金额单位：元  制表人：张三",
                                   "填报单位：江北高新区经发局\u3000\u3000金额单位：元\u3000\u3000填报日期：2026年11月",
                                   "金额单位：元\t制表人：张三"])
def test_a_unit_with_more_words_after_it_on_the_title_line_is_read(tmp_path: Path, title: str) -> None:
    """金额单位：元 followed on its line by 填报日期 or 制表人 (parted by spaces, full-width spaces or a tab) was
    missed: the spaces were taken out, 元 ran into 填报日期 and was refused as the start of a name (元宝山区),
    so 900,000元 read as 90亿, exit 0, and the closing note told staff to write what the title already said.
    The title's unit is said, the figures read as 3,200万元 (the verdicts a plain title gives), no 远超 note."""
    lines_of = {}
    for name, said in (("plain", "园区企业名单（金额单位：元）"), ("after", title)):
        src = sheet(tmp_path / f"{name}.xlsx", [IN_YUAN] * 2, title=said)
        code, lines = batch(str(src), "-o", str(tmp_path / f"{name}结果.xlsx"))
        assert code == 0, lines
        lines_of[name] = lines
    assert any("表头上方写明金额单位为元，金额按元读入并换算成万元" in line for line in lines_of["after"]), lines_of["after"]
    assert not any("远超" in line or "金额单位：元" in line for line in lines_of["after"])
    assert verdicts(tmp_path / "after结果.xlsx") == verdicts(tmp_path / "plain结果.xlsx")


def test_a_sheet_titled_in_yuan_is_not_told_to_write_its_unit_in_yuan(tmp_path: Path) -> None:
    """A sheet titled 金额单位：元 with one absurd amount (320万亿元, read in 元 as the title says): the row
    asks to check the figure, but the run does not end telling staff to write 金额单位：元, which the title
    already says; on a sheet with no unit the same row is counted."""
    huge = [x * 10**7 for x in IN_YUAN]
    titled = sheet(tmp_path / "标题.xlsx", [huge], title="园区企业名单（金额单位：元）")
    code, lines = batch(str(titled), "-o", str(tmp_path / "结果.xlsx"))
    assert code == 0 and lines[-1].startswith("共读取 1 行，已评估 1 行，出错 0 行"), lines
    book = load_workbook(tmp_path / "结果.xlsx", read_only=True)
    head, row = list(book[book.sheetnames[0]].iter_rows(values_only=True))[:2]
    book.close()
    assert "超出中小企业常见范围" in str(row[head.index("需核对的数据")])
    code, lines = batch(str(sheet(tmp_path / "无单位.xlsx", [huge])), "-o", str(tmp_path / "结果2.xlsx"))
    assert code == 0 and lines[-1] == LARGE_ZH.format(n=1)


def about_notes(path: Path) -> list[str]:
    """The results workbook's 说明 sheet, its second column: what the run said, as the file keeps it."""
    book = load_workbook(path, read_only=True)
    said = [str(row[1]) for row in book[book.sheetnames[-1]].iter_rows(values_only=True) if len(row) > 1 and row[1]]
    book.close()
    return said


def test_the_closing_note_on_a_sheets_unit_is_kept_on_the_about_sheet(tmp_path: Path) -> None:
    """「有 N 行的金额远超中小企业规模…」 was said on stderr only, while the README says the .xlsx keeps every
    note on its 说明 sheet: whoever was sent the file read verdicts on amounts 10,000 times too large with no
    word. The sheet keeps it (without the terminal's 「littlegiant 提示：」), and the other way round alike."""
    src = sheet(tmp_path / "名单.xlsx", [IN_YUAN] * 3)
    code, lines = batch(str(src), "-o", str(tmp_path / "结果.xlsx"))
    assert code == 0 and lines[-1] == LARGE_ZH.format(n=3)
    notes = about_notes(tmp_path / "结果.xlsx")
    assert LARGE_ZH.format(n=3).removeprefix("littlegiant 提示：") in notes, notes
    small = sheet(tmp_path / "万元.xlsx", [[x // 10000 for x in IN_YUAN]] * 2, title="园区企业名单（金额单位：元）")
    code, lines = batch(str(small), "-o", str(tmp_path / "结果.xlsx"))
    notes = about_notes(tmp_path / "结果.xlsx")
    assert SMALL_ZH.format(n=2).removeprefix("littlegiant 提示：") in notes and not any("远超" in n for n in notes), notes
    code, lines = batch(str(src), "-o", str(tmp_path / "结果.xlsx"), lang="en")
    assert LARGE_EN.format(n=3).removeprefix("littlegiant: note: ") in about_notes(tmp_path / "结果.xlsx")
    batch(str(sheet(tmp_path / "好.xlsx", [[3200, 2944, 144, 2880, 128, 2560]])), "-o", str(tmp_path / "好结果.xlsx"))
    assert not any("远超" in n or "不合常理" in n for n in about_notes(tmp_path / "好结果.xlsx"))


def test_a_cell_gone_wrong_in_a_sheet_in_yuan_is_told_the_amount_in_yuan(tmp_path: Path) -> None:
    """A sheet titled 金额单位：元 with a cell that is no amount was told 「应填金额（单位万元…）」: staff who
    followed it typed 万元 into a sheet read in 元, every figure 10,000 times too small. The error names the
    sheet's unit, with examples in it; a sheet in 万元 keeps its words; the row stays an error."""
    rows = [[32000000, 29440000, "见附表", 28800000, 1280000, 25600000]]
    code, _ = batch(str(sheet(tmp_path / "元.xlsx", rows, title="园区企业名单（金额单位：元）")), "-o", str(tmp_path / "元结果.xlsx"))
    book = load_workbook(tmp_path / "元结果.xlsx", read_only=True)
    head, row = list(book[book.sheetnames[0]].iter_rows(values_only=True))[:2]
    book.close()
    said = str(row[head.index("错误说明")])
    assert code == 1 and row[head.index("处理结果")] == "出错"
    assert said.startswith("“研发费用（2025年）”列（G列）：应填金额（以元为单位，与表中写明的一致，不能为负数；"
                           "如 80,000,000、8000万、0.8亿），现在是“见附表”"), said
    assert "单位万元" not in said
    code, _ = batch(str(sheet(tmp_path / "万元.xlsx", rows)), "-o", str(tmp_path / "万元结果.xlsx"))
    book = load_workbook(tmp_path / "万元结果.xlsx", read_only=True)
    head, row = list(book[book.sheetnames[0]].iter_rows(values_only=True))[:2]
    book.close()
    assert code == 1 and "“研发费用（2025年）”列（G列）：应填金额（单位万元，不能为负数；如 8000、8000万、0.8亿）" in str(row[head.index("错误说明")])
