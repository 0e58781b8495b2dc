"""A park's own columns (联系人, 所属园区, 备注) come back after the results, as typed: staff sort and
filter the results by them in Excel, rather than looking each company up in their master list."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from typer.testing import CliRunner

from littlegiant.cli.app import app

runner = CliRunner()
AS_OF = "2026-11-26"
HEADER = ["序号", "企业名称", "联系人", "营业收入（2025年）", "从业人员（上年末）", "联系电话", "所属园区", "备注"]
ROWS = [["1", "甲精密部件有限公司", "张三", "5000", "120", "013800000000", "东区", "=HYPERLINK(\"x\")"],
        ["2", "乙软件股份有限公司", "李四", "3000", "很多", "13900000000", "西区", ""],
        ["3", "丙食品有限公司", "", "12000", "300", "", "东区", "重点"]]
OWN = ["联系人", "联系电话", "所属园区", "备注"]


def invoke(*args: str, as_of: str = AS_OF) -> tuple[int, str]:
    result = runner.invoke(app, [*args, "--as-of", as_of, "--lang", "zh", "--quiet"], env={"LANG": "zh_CN.UTF-8"})
    return result.exit_code, result.stderr


def write_csv(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle).writerows(rows)
    return path


def read_csv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))


def test_the_columns_no_rule_reads_come_back_last_in_the_csv_as_typed(tmp_path: Path) -> None:
    """In the order of the sheet, after every column of the results; a blank cell stays blank, a phone
    number keeps its leading 0, a row refused for a bad figure keeps its 联系人 (staff call about it), and
    a cell Excel would run as a formula is made inert as every other text cell is."""
    src = write_csv(tmp_path / "名单.csv", [HEADER, *ROWS])
    code, err = invoke("batch", str(src), "-o", str(tmp_path / "out.csv"))
    header, *rows = read_csv(tmp_path / "out.csv")
    assert code == 1 and header[-5:] == ["需核对的数据", *OWN], err
    assert [row[-4:] for row in rows] == [["张三", "013800000000", "东区", "'=HYPERLINK(\"x\")"],
                                         ["李四", "13900000000", "西区", ""], ["", "", "东区", "重点"]]
    assert [row[header.index("处理结果")] for row in rows] == ["已评估", "出错", "已评估"]
    assert "以下列与评估无关，不参与评估（原样附在结果最后）：“联系人”、“联系电话”、“所属园区”、“备注”" in err
    code, _ = invoke("batch", str(src), "-o", str(tmp_path / "ids.csv"), "--columns", "ids")
    header, *rows = read_csv(tmp_path / "ids.csv")
    assert header[-6:] == ["credit_code", "seq_no", *OWN] and rows[2][-4:] == ["", "", "东区", "重点"]


def test_json_lines_rows_hold_them_under_input_columns(tmp_path: Path) -> None:
    """A summary line and a full result's line alike, by heading, a blank cell null; a JSON Lines
    input, which has no such columns, gets no such key."""
    src = write_csv(tmp_path / "名单.csv", [HEADER, *ROWS])
    for extra in ([], ["--format", "json"]):
        out = tmp_path / f"out{len(extra)}.jsonl"
        code, err = invoke("batch", str(src), "-o", str(out), *extra)
        lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
        assert code == 1, err
        assert [line["input_columns"] for line in lines] == [
            {"联系人": "张三", "联系电话": "013800000000", "所属园区": "东区", "备注": "=HYPERLINK(\"x\")"},
            {"联系人": "李四", "联系电话": "13900000000", "所属园区": "西区", "备注": None},
            {"联系人": None, "联系电话": None, "所属园区": "东区", "备注": "重点"}]
        again = tmp_path / f"again{len(extra)}.jsonl"
        code, err = invoke("batch", str(out), "-o", str(again))
        assert code == 2 and "这是批量评估输出的结果文件" in err  # still known for results
    profiles = tmp_path / "in.jsonl"
    profiles.write_text(json.dumps({"name": "甲", "employees": 50}, ensure_ascii=False) + "\n", encoding="utf-8")
    code, err = invoke("batch", str(profiles), "-o", str(tmp_path / "p.jsonl"))
    assert code == 0 and "input_columns" not in (tmp_path / "p.jsonl").read_text(encoding="utf-8")


def test_sheets_with_different_columns_give_every_column_once(tmp_path: Path) -> None:
    """Two sheets of one workbook and a CSV beside it: the output has each own column once, in the order
    they were first met, and a row from a sheet without one leaves it empty. The .xlsx keeps the cells
    as text (a formula's text is not run)."""
    book = Workbook()
    first = book.active
    first.title = "东区"
    for row in (["企业名称", "营业收入（2025年）", "联系人"], ["甲公司", 5000, "张三"]):
        first.append(row)
    second = book.create_sheet("西区")
    for row in (["企业名称", "营业收入（2025年）", "备注", "联系人"], ["乙公司", 3000, "=1+1", "李四"]):
        second.append(row)
    second["C2"].data_type = "s"  # typed as text (Excel: '=1+1), not a formula
    book.save(tmp_path / "名单.xlsx")
    more = write_csv(tmp_path / "补充.csv", [["企业名称", "所属街道"], ["丙公司", "星湖街道"]])
    code, err = invoke("batch", str(tmp_path / "名单.xlsx"), str(more), "-o", str(tmp_path / "out.xlsx"))
    assert code == 0, err
    sheet = load_workbook(tmp_path / "out.xlsx").worksheets[0]
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[0][-3:] == ["联系人", "备注", "所属街道"]
    assert [row[-3:] for row in rows[1:]] == [["张三", None, None], ["李四", "=1+1", None], [None, None, "星湖街道"]]
    assert sheet.cell(3, len(rows[0]) - 1).data_type == "s"  # text, not a formula Excel would run
    assert sheet.auto_filter.ref == f"A1:{sheet.cell(1, len(rows[0])).column_letter}4"


def test_a_run_repeated_replaces_its_output_and_the_results_read_back_are_known(tmp_path: Path) -> None:
    """The results with the park's columns after them are still the run's own output: a run repeated
    replaces them (they were refused as 'not results'); given as the list, they are refused as
    results. With a column of figures typed in after them, they are a list again: scored, and the
    park's columns come back once, the results' own columns not copied."""
    src = write_csv(tmp_path / "名单.csv", [HEADER, *ROWS])
    for name in ("out.csv", "out.xlsx"):
        for _ in range(2):
            code, err = invoke("batch", str(src), "-o", str(tmp_path / name))
            assert code == 1, err
        code, err = invoke("batch", str(tmp_path / name), "-o", str(tmp_path / "again.csv"))
        assert code == 2 and "这是批量评估输出的结果文件" in err and not (tmp_path / "again.csv").exists()
        code, err = invoke("batch", str(src), "-o", str(tmp_path / name), as_of="2026-03-31")  # under the 2022 set
        assert code == 1 and "创新型中小企业得分" in results_of(tmp_path / name), err
    header, *rows = read_csv(tmp_path / "out.csv")
    write_csv(tmp_path / "more.csv", [[*header, "研发费用（2025年）"], *([*row, "300"] for row in rows)])
    code, err = invoke("batch", str(tmp_path / "more.csv"), "-o", str(tmp_path / "more-out.csv"))
    again, *scored = read_csv(tmp_path / "more-out.csv")
    # the results of the 2022 set (the run above) read under 2026: its 创新型中小企业 heads a park's column of
    # the title held too, and its verdict words (满足, 未知) are no title held: passed over, never read as 是
    assert code == 0 and again[-4:] == OWN and again.count("联系人") == 1, err
    assert "创新型中小企业" not in again and "“创新型中小企业”" not in err
    code, err = invoke("batch", str(tmp_path / "more.csv"), "-o", str(tmp_path / "more.jsonl"), "--format", "json")
    for line in (tmp_path / "more.jsonl").read_text("utf-8").splitlines():
        criteria = [c for t in json.loads(line)["result"]["tiers"].values() for c in t["criteria"]]
        assert not any("titles.innovative_sme" in c.get("inputs", {}) and c["inputs"]["titles.innovative_sme"] is not None
                       for c in criteria)
    # said even under --quiet: the results hold none of the list's other figures (its verdicts fell to 未知)
    assert f"{tmp_path / 'more.csv'} 是 littlegiant 写出的评估结果，后来补了数据列（“研发费用（2025年）”）" in err
    assert "请把新数据填到原来的企业名单中" in err
    assert [row[-4:] for row in scored] == [row[-4:] for row in rows]


def results_of(path: Path) -> str:
    """The output's header and rows as one text, whatever its kind."""
    if path.suffix == ".xlsx":
        return repr([[c.value for c in row] for row in load_workbook(path).worksheets[0].iter_rows()])
    return path.read_text(encoding="utf-8-sig")


def test_workers_write_the_same_rows(tmp_path: Path) -> None:
    """Scored on two processes, the copied cells are the same, byte for byte."""
    rows = [[str(i), f"企业{i}", f"联系人{i}", str(1000 + i), "50", "", "东区" if i % 2 else "", f"备注{i}"]
            for i in range(600)]
    src = write_csv(tmp_path / "名单.csv", [HEADER, *rows])
    outputs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"out{jobs}.csv"
        subprocess.run([sys.executable, "-m", "littlegiant", "batch", str(src), "-o", str(out), "--jobs", jobs,
                        "--as-of", AS_OF, "--lang", "zh", "--quiet"], check=True, capture_output=True)
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]
    header, *back = list(csv.reader(io.StringIO(outputs[1].decode("utf-8-sig"))))
    assert header[-4:] == OWN and [row[-4:] for row in back] == [[r[2], r[5], r[6], r[7]] for r in rows]


def test_a_column_staff_typed_into_the_results_is_never_replaced(tmp_path: Path) -> None:
    """Results with a 跟进情况 column staff typed in after the park's own: the run repeated to the same
    file replaced it, the notes lost (the results' trailing columns were all taken for the run's own).
    It is refused as any file not the run's results is, and left as it was; the same run into a new
    file works."""
    src = write_csv(tmp_path / "名单.csv", [HEADER, *ROWS])
    for name in ("out.csv", "out.xlsx"):
        out = tmp_path / name
        assert invoke("batch", str(src), "-o", str(out))[0] == 1
        if name.endswith(".csv"):
            header, *rows = read_csv(out)
            write_csv(out, [[*header, "跟进情况"], *([*row, "已电话沟通，下周上门"] for row in rows)])
        else:
            book = load_workbook(out)
            sheet = book.worksheets[0]
            sheet.cell(1, sheet.max_column + 1, "跟进情况")
            sheet.cell(2, sheet.max_column, "已电话沟通，下周上门")
            book.save(out)
        before = out.read_bytes()
        code, err = invoke("batch", str(src), "-o", str(out))
        assert code == 2 and out.read_bytes() == before, err
        assert "这是以前的评估结果，但其中有本次不会再写出的列（“跟进情况”）：为免这些内容丢失，请另选输出文件名" in err
        assert "（或先删去这些列）；这些列如改加在输入名单里，每次的结果都会原样附在最后；" in err  # the way to keep them
        assert not list(tmp_path.glob("out.partial-*"))


def test_the_parks_columns_come_back_in_its_order_a_bare_name_column_too(tmp_path: Path) -> None:
    """A share the tool works out, a contact and a bare 企业 beside 企业名称 come back in the sheet's order
    (they came back by kind, 企业 always last); and those results are still the run's own: replaced by a
    run repeated (企业 was taken for a figure, and the repeat refused), refused when given as the list."""
    src = write_csv(tmp_path / "名单.csv", [["企业名称", "研发费用占比", "企业", "营业收入（2025年）", "联系人"],
                                           ["甲公司", "3.2%", "甲", "5000", "张三"]])
    out = tmp_path / "out.csv"
    for _ in range(2):
        code, err = invoke("batch", str(src), "-o", str(out))
        assert code == 0, err
    header, row = read_csv(out)
    assert header[-3:] == ["研发费用占比", "企业", "联系人"] and row[-3:] == ["3.2%", "甲", "张三"]
    code, err = invoke("batch", str(out), "-o", str(tmp_path / "again.csv"))
    assert code == 2 and "这是批量评估输出的结果文件" in err


def test_a_plain_figure_comes_back_a_number_in_the_workbook(tmp_path: Path) -> None:
    """注册资本 1234.5 came back as the text "1234.5": Excel sorted it as text and flagged every cell.
    A plain figure comes back a number; a phone number with its leading 0 and text stay text."""
    book = Workbook()
    for row in (["企业名称", "营业收入（2025年）", "注册资本", "联系电话", "员工宿舍"], ["甲公司", 5000, 1234.5, "013800000000", 0]):
        book.active.append(row)
    book.save(tmp_path / "名单.xlsx")
    code, err = invoke("batch", str(tmp_path / "名单.xlsx"), "-o", str(tmp_path / "out.xlsx"))
    cells = next(iter(load_workbook(tmp_path / "out.xlsx").worksheets[0].iter_rows(min_row=2)))[-3:]
    assert code == 0 and [(c.value, c.data_type) for c in cells] == [(1234.5, "n"), ("013800000000", "s"), (0, "n")], err


def test_a_date_comes_back_a_date_in_the_workbook(tmp_path: Path) -> None:
    """成立日期 came back as the text "2015-03-01", which no date filter of Excel takes: a day comes back a
    date cell; text that only looks like one (2015-02-30) stays as typed."""
    from datetime import date, datetime

    book = Workbook()
    for row in (["企业名称", "营业收入（2025年）", "成立日期", "备注"], ["甲公司", 5000, date(2015, 3, 1), "2015-02-30"]):
        book.active.append(row)
    book.save(tmp_path / "名单.xlsx")
    code, err = invoke("batch", str(tmp_path / "名单.xlsx"), "-o", str(tmp_path / "out.xlsx"))
    founded, note = next(iter(load_workbook(tmp_path / "out.xlsx").worksheets[0].iter_rows(min_row=2)))[-2:]
    assert code == 0 and founded.value == datetime(2015, 3, 1) and founded.is_date, err
    assert founded.number_format == "yyyy-mm-dd" and (note.value, note.data_type) == ("2015-02-30", "s")


def test_stopped_while_the_headers_are_read_it_leaves_no_empty_file(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """Ctrl-C while a long workbook's headers were read left an empty partial file and said nothing: the
    header is written once they are all read. It says it stopped, exit 130, and leaves no file."""
    from littlegiant.cli import batch

    def interrupted(*_: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(batch, "check_headers", interrupted)
    src = write_csv(tmp_path / "名单.csv", [HEADER, *ROWS])
    code, err = invoke("batch", str(src), "-o", str(tmp_path / "out.xlsx"))
    assert code == 130 and "已中断" in err and sorted(p.name for p in tmp_path.iterdir()) == ["名单.csv"], err


def test_one_column_however_its_brackets_and_spaces_are_typed(tmp_path: Path) -> None:
    """Two lists of one park, one typed with half-width brackets and one with full-width (and a stray space):
    one column back, headed as first met, each row's cell under it; a results file gave two, half-empty."""
    east = write_csv(tmp_path / "东区.csv", [["企业名称", "营业收入（2025年）", "联系人(手机)"],
                                            ["甲公司", "5000", "13800000000"]])
    west = write_csv(tmp_path / "西区.csv", [["企业名称", "营业收入（2025年）", "联系人（手机） "],
                                            ["乙公司", "3000", "13900000000"]])
    code, err = invoke("batch", str(east), str(west), "-o", str(tmp_path / "out.csv"))
    header, *rows = read_csv(tmp_path / "out.csv")
    assert code == 0 and header[-1] == "联系人(手机)" and "联系人（手机）" not in header, err
    assert [row[-1] for row in rows] == ["13800000000", "13900000000"] and len(header) == len(rows[0])


def test_a_parks_column_headed_as_a_results_column_comes_back_as_listed(tmp_path: Path) -> None:
    """A park's 企业规模 (its own classification), 处理结果 and 下一步 (its record of visits) were passed over
    without a word as if they were batch's own columns, and lost: they are said, and come back after the
    results headed 「（原表）」; the results so written are still known as results when given back."""
    src = write_csv(tmp_path / "名单.csv", [["企业名称", "营业收入（2025年）", "企业规模", "处理结果", "下一步", "联系人"],
                                          ["甲有限公司", "9000", "小型", "已走访", "待补材料", "张三"]])
    code, err = invoke("batch", str(src), "-o", str(tmp_path / "out.csv"))
    header, row = read_csv(tmp_path / "out.csv")
    assert code == 0 and header[-4:] == ["企业规模（原表）", "处理结果（原表）", "下一步（原表）", "联系人"], err
    assert row[-4:] == ["小型", "已走访", "待补材料", "张三"] and row[header.index("处理结果")] == "已评估"
    assert "“企业规模”、“处理结果”、“下一步”、“联系人”" in err
    code, err = invoke("batch", str(tmp_path / "out.csv"), "-o", str(tmp_path / "again.csv"))
    assert code == 2 and "这是批量评估输出的结果文件" in err
    code, err = invoke("batch", str(src), "-o", str(tmp_path / "out.csv"))  # a run repeated replaces its results
    assert code == 0 and read_csv(tmp_path / "out.csv") == [header, row], err


def test_a_column_no_rule_reads_given_twice_comes_back_twice(tmp_path: Path) -> None:
    """A park's sheet with two 备注 columns (one a visit) was refused whole, every company with it; they
    come back as 备注 and 备注 2, each row's cells under its own. A column a rule reads given twice is still
    refused: which of the two figures to read is no guess to make."""
    book = Workbook()
    sheet = book.active
    for row in (["企业名称", "营业收入（2025年）", "备注", "备注"], ["甲有限公司", 9000, "重点", "二次走访"],
                ["乙有限公司", 2000, None, None]):
        sheet.append(row)
    book.save(tmp_path / "名单.xlsx")
    write_csv(tmp_path / "名单.csv", [["企业名称", "营业收入（2025年）", "备注", "备注"], ["丙有限公司", "500", "", "三次"]])
    code, err = invoke("batch", str(tmp_path / "名单.xlsx"), str(tmp_path / "名单.csv"), "-o", str(tmp_path / "out.csv"))
    header, *rows = read_csv(tmp_path / "out.csv")
    assert code == 0 and header[-2:] == ["备注", "备注 2"], err
    assert [row[-2:] for row in rows] == [["重点", "二次走访"], ["", ""], ["", "三次"]]
    assert [row[header.index("处理结果")] for row in rows] == ["已评估"] * 3
    for name, said in (("twice.csv", "“营业收入（2025年）”列出现了两次（第 2 列和第 3 列）"),
                       ("twice.xlsx", "“营业收入（2025年）”列出现了两次")):
        header_row = ["企业名称", "营业收入（2025年）", "营业收入（2025年）", "备注", "备注"]
        if name.endswith(".csv"):
            write_csv(tmp_path / name, [header_row, ["甲", "5000", "6000", "", ""]])
        else:
            book = Workbook()
            for row in (header_row, ["甲", 5000, 6000, None, None]):
                book.active.append(row)
            book.save(tmp_path / name)
        code, err = invoke("batch", str(tmp_path / name), "-o", str(tmp_path / f"{name}.out.csv"))
        if name.endswith(".csv"):  # the file refused, as a CSV's header always was
            assert code == 2 and said in err and not (tmp_path / f"{name}.out.csv").exists(), err
        else:  # the sheet refused in one error row, as a sheet's header always was
            (_, row) = read_csv(tmp_path / f"{name}.out.csv")
            assert code == 1 and row[4] == "出错" and said in row[10], row


def test_a_sheet_no_workbook_has_is_said_before_the_output_is_weighed(tmp_path: Path) -> None:
    """`--sheet 企业` (a typo for 名单) with results beside that carry the park's columns was told those
    results could not be replaced (their 联系人 would be lost), not that there is no such sheet."""
    book = Workbook()
    book.active.title = "名单"
    for row in (["企业名称", "营业收入（2025年）", "联系人"], ["甲公司", 5000, "张三"]):
        book.active.append(row)
    book.save(tmp_path / "名单.xlsx")
    out = tmp_path / "结果.xlsx"
    code, err = invoke("batch", str(tmp_path / "名单.xlsx"), "-o", str(out))
    assert code == 0, err
    before = out.read_bytes()
    code, err = invoke("batch", str(tmp_path / "名单.xlsx"), "-o", str(out), "--sheet", "企业")
    assert code == 2 and "工作簿里没有名为“企业”的工作表（现有：名单）" in err and "以前的评估结果" not in err, err
    assert out.read_bytes() == before


def test_a_note_in_a_column_without_a_header_keeps_the_row_scored(tmp_path: Path) -> None:
    """Staff wrote 手写补充 in a column with no header: the company became an error row, with no verdict for
    any tier. It is scored, and the note is kept in its 需核对的数据 cell, naming what was not read."""
    book = Workbook()
    for row in (["企业名称", "营业收入（2025年）", "联系人", None], ["甲有限公司", 9000, "张三", "手写补充"],
                ["乙有限公司", 2000, "李四", None]):
        book.active.append(row)
    book.save(tmp_path / "名单.xlsx")
    write_csv(tmp_path / "名单.csv", [["企业名称", "营业收入（2025年）", "", "联系人"], ["丙有限公司", "500", "待核实", "王五"]])
    code, err = invoke("batch", str(tmp_path / "名单.xlsx"), str(tmp_path / "名单.csv"), "-o", str(tmp_path / "out.csv"))
    header, *rows = read_csv(tmp_path / "out.csv")
    assert code == 0 and [row[header.index("处理结果")] for row in rows] == ["已评估"] * 3, err
    said = [row[header.index("需核对的数据")] for row in rows]
    assert said[0] == "“手写补充”所在的列没有列名，未参与评估；如是某项数据，请在表头补上列名" and said[1] == ""
    assert said[2].startswith("“待核实”所在的列没有列名") and [row[-1] for row in rows] == ["张三", "李四", "王五"]


def test_a_share_comes_back_a_share_in_the_workbook(tmp_path: Path) -> None:
    """A park's 出口占比 formatted 85% came back as the text "85%" (a plain 0.5 beside it a number): Excel
    sorted it as text. A share comes back the fraction Excel holds, shown as it was; other text stays text."""
    book = Workbook()
    for row in (["企业名称", "营业收入（2025年）", "出口占比", "毛利率", "备注"], ["甲公司", 5000, 0.85, 0.125, "12%左右"]):
        book.active.append(row)
    book.active["C2"].number_format = "0%"
    book.active["D2"].number_format = "0.0%"
    book.save(tmp_path / "名单.xlsx")
    code, err = invoke("batch", str(tmp_path / "名单.xlsx"), "-o", str(tmp_path / "out.xlsx"))
    cells = next(iter(load_workbook(tmp_path / "out.xlsx").worksheets[0].iter_rows(min_row=2)))[-3:]
    assert code == 0 and [(c.value, c.number_format) for c in cells] == [(0.85, "0%"), (0.125, "0.0%"),
                                                                          ("12%左右", "General")], err


def test_two_columns_of_one_sheet_alike_are_both_kept(tmp_path: Path) -> None:
    """Columns folded as one heading across sheets (联系人(手机), 联系人（手机）) or marked 原表 must not fold within
    one sheet: its second cell was lost. A 备注 2 made for a second 备注 keeps clear of the sheet's own 备注2. A CRM's
    list with source and status columns is no results file: no such note, and its columns come back. A run
    repeated in the other language replaces its output (原表 is one mark in both)."""
    src = write_csv(tmp_path / "名单.csv", [["企业名称", "营业收入（2025年）", "处理结果", "处理结果（原表）", "联系人(手机)",
                                            "联系人（手机）", "备注", "备注", "备注2"],
                                           ["甲公司", "5000", "本次走访", "上次走访", "111", "222", "x1", "x2", "x3"]])
    code, err = invoke("batch", str(src), "-o", str(tmp_path / "out.csv"))
    header, row = read_csv(tmp_path / "out.csv")
    assert code == 0 and row[-7:] == ["本次走访", "上次走访", "111", "222", "x1", "x2", "x3"], err
    assert len(set(header)) == len(header) and header[-7] == "处理结果（原表）" and header[-3:] == ["备注", "备注 3", "备注2"]
    result = runner.invoke(app, ["batch", str(src), "-o", str(tmp_path / "out.csv"), "--as-of", AS_OF, "--lang", "en",
                                 "--quiet"], env={"LANG": "en_US.UTF-8"})
    assert result.exit_code == 0, result.stderr
    crm = write_csv(tmp_path / "crm.csv", [["name", "financials.2025.revenue", "source", "status"],
                                          ["甲公司", "5000", "园区推荐", "已走访"]])
    code, err = invoke("batch", str(crm), "-o", str(tmp_path / "crm-out.csv"))
    header, row = read_csv(tmp_path / "crm-out.csv")
    assert code == 0 and "是 littlegiant 写出的评估结果" not in err, err
    assert header[-2:] == ["source（原表）", "status（原表）"] and row[-2:] == ["园区推荐", "已走访"]


def test_a_results_workbook_with_figures_added_reads_its_results_sheet_alone(tmp_path: Path) -> None:
    """A results workbook given back with a column of figures typed into its 评估结果 sheet: its 错误明细 and 说明
    sheets were read as lists too (the 说明 text taken for a header, the run stopped on a column it named). They
    are passed over and said; the results sheet is scored, with the note that it holds no other figure."""
    src = write_csv(tmp_path / "名单.csv", [HEADER, *ROWS])
    code, err = invoke("batch", str(src), "-o", str(tmp_path / "out.xlsx"))
    assert code == 1, err
    book = load_workbook(tmp_path / "out.xlsx")
    assert book.sheetnames == ["评估结果", "错误明细", "说明"]
    results = book["评估结果"]
    results.cell(1, results.max_column + 1, "净利润（2025年）")
    for row in range(2, results.max_row + 1):
        results.cell(row, results.max_column, 100)
    book.save(tmp_path / "补一列.xlsx")
    code, err = invoke("batch", str(tmp_path / "补一列.xlsx"), "-o", str(tmp_path / "again.csv"))
    header, *rows = read_csv(tmp_path / "again.csv")
    assert code == 0 and len(rows) == 3, err
    assert "中的“错误明细”、“说明”是评估结果自带的工作表，不是企业名单，已略过" in err and "隐藏" not in err
    assert "是 littlegiant 写出的评估结果，后来补了数据列（“净利润（2025年）”）" in err
    assert [row[header.index("企业名称")] for row in rows] == [r[1] for r in ROWS]


def test_what_a_second_look_found_in_the_parks_sheets(tmp_path: Path) -> None:
    """Review (h-review): a park workbook whose sheets bear batch's names (评估结果, 错误明细, 说明) lost two of its
    three companies; a CSV's two columns without a header kept only the last cell, and a footnote under no
    heading became a nameless company; results with a column typed in before them were scored as a list;
    a date before 1900 became a date Excel shows as ####, a moment came back as text."""
    from datetime import date, datetime

    book = Workbook()
    for i, (name, company) in enumerate((("评估结果", "甲"), ("错误明细", "乙"), ("说明", "丙"))):
        sheet = book.active if i == 0 else book.create_sheet(name)
        sheet.title = name
        for row in (["企业名称", "营业收入（2025年）"], [company, 5000]):
            sheet.append(row)
    book.save(tmp_path / "park.xlsx")
    code, err = invoke("batch", str(tmp_path / "park.xlsx"), "-o", str(tmp_path / "park.csv"))
    assert code == 0 and [r[1] for r in read_csv(tmp_path / "park.csv")[1:]] == ["甲", "乙", "丙"], err
    write_csv(tmp_path / "notes.csv", [["企业名称", "营业收入（2025年）", "", "联系人", ""], ["甲", "5000", "注一", "张三", "注二"],
                                       ["乙", "3000", "注三", "李四", ""], ["", "", "以上数据截至6月", "", ""]])
    code, err = invoke("batch", str(tmp_path / "notes.csv"), "-o", str(tmp_path / "notes-out.csv"))
    header, *rows = read_csv(tmp_path / "notes-out.csv")
    said = [row[header.index("需核对的数据")] for row in rows]
    assert code == 0 and len(rows) == 2 and "第 4 行（表尾说明）" in err, err
    assert said[0].startswith("“注一 注二”所在的列没有列名") and said[1].startswith("“注三”所在的列没有列名")
    results = read_csv(tmp_path / "park.csv")
    write_csv(tmp_path / "ins.csv", [["区县", *results[0]], *(["东区", *r] for r in results[1:])])
    code, err = invoke("batch", str(tmp_path / "ins.csv"), "-o", str(tmp_path / "ins-out.csv"))
    assert code == 2 and "这是批量评估输出的结果文件" in err, err
    book = Workbook()
    for row in (["企业名称", "营业收入（2025年）", "成立日期", "老日期", "时刻"],
                ["甲", 5000, date(2015, 3, 1), date(1800, 1, 1), datetime(2020, 5, 6, 13, 30)]):
        book.active.append(row)
    book.save(tmp_path / "dates.xlsx")
    code, err = invoke("batch", str(tmp_path / "dates.xlsx"), "-o", str(tmp_path / "dates-out.xlsx"))
    cells = next(iter(load_workbook(tmp_path / "dates-out.xlsx").worksheets[0].iter_rows(min_row=2)))[-3:]
    assert code == 0 and [c.value for c in cells] == [datetime(2015, 3, 1), "1800-01-01", datetime(2020, 5, 6, 13, 30)]
