"""Chinese office files: GBK and UTF-16 inputs, Excel in and out, labelled headers, formula-safe cells,
language tags and consoles that cannot show every symbol."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shlex
import subprocess
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook
from openpyxl.cell import Cell
from tests.conftest import EXAMPLES, stderr_on_a_terminal
from tests.test_hostile_io import lg
from typer.testing import CliRunner

from littlegiant.cli.app import app, render
from littlegiant.load import rules
from littlegiant.load.profile import field_for_path, input_label
from littlegiant.load.tabular import column, estimate_rows, known_header
from littlegiant.messages import escape_controls
from littlegiant.report.table import inert
from littlegiant.report.workbook import NOT_XML_MARK, xml_text

runner = CliRunner()
AS_OF = "2026-11-26"
ZH_HEADER = ["企业名称", "行业", "从业人员（上年末）", "营业收入（2025年）", "研发费用（2025年）",
             "在中华人民共和国境内工商注册登记、具有独立法人资格"]
ZH_ROWS = [["甲精密部件有限公司", "工业", "120", "5000", "200", "是"],
           ["乙软件股份有限公司", "软件和信息技术服务业", "80", "3,000", "400", "是"],
           ["丙食品（集团）有限公司", "工业", "300", "12000", "360", "否"]]


def excel_csv(rows: list[list[str]]) -> str:
    """CSV text as Excel writes it: CRLF line ends, quotes only where a cell needs them."""
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\r\n").writerows(rows)
    return buf.getvalue()


def invoke(*args: str, lang_env: str = "en_US.UTF-8") -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), env={"LANG": lang_env})
    return result.exit_code, result.stdout, result.stderr


def results_sheet(path: Path) -> list[dict[str, object]]:
    """The first sheet of an output workbook, as openpyxl reads it back, one dict per row."""
    book = load_workbook(path, read_only=True)
    rows = list(book[book.sheetnames[0]].iter_rows(values_only=True))
    book.close()
    width = len(rows[0])  # a row read back ends at its last cell with a value
    return [dict(zip(rows[0], [*row, *[None] * (width - len(row))], strict=True)) for row in rows[1:]]


def test_a_gbk_csv_as_chinese_excel_saves_it_scores_every_row(tmp_path: Path) -> None:
    """A CSV in GBK with CRLF line ends, Chinese headers and names (as 另存为 CSV writes it) scores every
    row, and the names come back as they were."""
    src = tmp_path / "企业名单.csv"
    src.write_bytes(excel_csv([ZH_HEADER, *ZH_ROWS]).encode("gbk"))
    out = tmp_path / "out.csv"
    code, _, err = invoke("batch", str(src), "-o", str(out), "--as-of", AS_OF, "--lang", "zh")
    assert (code, err.strip().splitlines()[-1]) == (0, f"共读取 3 行，已评估 3 行，出错 0 行 → {out}")
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert [r["企业名称"] for r in rows] == [r[0] for r in ZH_ROWS]
    assert [r["处理结果"] for r in rows] == ["已评估"] * 3
    assert rows[0]["企业规模"] == "小型" and rows[2]["科技和创新型中小企业"] == "不满足"


@pytest.mark.parametrize("codec", ["utf-16", "utf-8-sig", "gb18030", "utf-32"])
def test_utf16_and_bom_csv_and_jsonl_are_read(tmp_path: Path, codec: str) -> None:
    """CSV and JSON Lines saved as "Unicode" (UTF-16 with BOM), UTF-8 with BOM, GB18030 or UTF-32 with BOM are
    detected."""
    src = tmp_path / "in.csv"
    src.write_bytes(excel_csv([ZH_HEADER, *ZH_ROWS]).encode(codec))
    lines = tmp_path / "in.jsonl"
    lines.write_bytes("".join(json.dumps({"name": r[0], "employees": int(r[2])}, ensure_ascii=False) + "\n"
                              for r in ZH_ROWS).encode(codec))
    out = tmp_path / "out.jsonl"
    code, _, err = invoke("batch", str(src), str(lines), "-o", str(out), "--as-of", AS_OF)
    assert code == 0, err
    names = [json.loads(x)["name"] for x in out.read_text(encoding="utf-8").splitlines()]
    assert names == [r[0] for r in ZH_ROWS] * 2


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_utf16_and_utf32_without_a_bom_are_read(tmp_path: Path, codec: str) -> None:
    """A CSV, a JSON Lines file and a profile saved as UTF-16 or UTF-32 without a byte-order mark (a script's
    export): their ASCII first character shows the encoding, where they read as letters parted by NULs and
    were refused as holding no column the criteria read."""
    src = tmp_path / "in.csv"
    src.write_bytes(excel_csv([["name", "employees"], *[[r[0], r[2]] for r in ZH_ROWS]]).encode(codec))
    lines = tmp_path / "in.jsonl"
    lines.write_bytes("".join(json.dumps({"name": r[0]}, ensure_ascii=False) + "\n" for r in ZH_ROWS).encode(codec))
    out = tmp_path / "out.jsonl"
    code, _, err = invoke("batch", str(src), str(lines), "-o", str(out), "--as-of", AS_OF, "--quiet")
    assert (code, err) == (0, f"read 6, scored 6, errors 0 -> {out}\n")
    assert [json.loads(x)["name"] for x in out.read_text(encoding="utf-8").splitlines()] == [r[0] for r in ZH_ROWS] * 2
    profile = tmp_path / "company.yaml"
    profile.write_bytes((EXAMPLES / "little-giant-2026.yaml").read_text(encoding="utf-8").encode(codec))
    code, said, err = invoke("assess", str(profile), "--format", "json", "--as-of", AS_OF)
    assert (code, err, json.loads(said)["name"]) == (0, "", "示例精密部件有限公司")


def test_a_gb18030_yaml_profile_assesses(tmp_path: Path) -> None:
    """A profile saved in GB18030 (a Chinese Windows editor's default) assesses like its UTF-8 original."""
    text = (EXAMPLES / "little-giant-2026.yaml").read_text(encoding="utf-8")
    gb = tmp_path / "company.yaml"
    gb.write_bytes(text.encode("gb18030"))
    code, out, err = invoke("assess", str(gb), "--format", "json", "--as-of", AS_OF)
    _, out_utf8, _ = invoke("assess", str(EXAMPLES / "little-giant-2026.yaml"), "--format", "json",
                                    "--as-of", AS_OF)
    assert (code, err) == (0, "")
    assert json.loads(out)["name"] == "示例精密部件有限公司"
    assert json.loads(out)["tiers"] == json.loads(out_utf8)["tiers"]


def test_an_undecodable_profile_names_the_encodings_tried(tmp_path: Path) -> None:
    """A file that is no known text gets one line naming what was tried, and exit 2."""
    bad = tmp_path / "bad.yaml"
    bad.write_bytes(b"name: \xff\xfe\xff\n")
    code, _, err = invoke("assess", str(bad))
    assert code == 2
    assert err == (f"littlegiant: error: {bad}: not text in any encoding tried (UTF-8, GB18030/GBK, UTF-16, "
                   "UTF-32); save it as UTF-8 or name its encoding with --encoding\n")
    assert invoke("assess", str(bad), "--encoding", "klingon")[0] == 2
    for codec in ("rot13", "base64", "hex"):  # codecs Python knows, of bytes to bytes: no text encoding
        assert invoke("assess", str(bad), "--encoding", codec)[::2] == (
            2, f"littlegiant: error: --encoding: unknown encoding '{codec}' (expected e.g. utf-8, utf-8-sig, gb18030, gbk, utf-16)\n")
        assert invoke("batch", str(bad), "-o", str(tmp_path / "o.csv"), "--output-encoding", codec)[0] == 2
    said = CliRunner().invoke(app, ["assess", str(bad), "--lang", "zh"]).stderr
    assert said == (f"littlegiant 出错：{bad}：按常用编码（UTF-8、GB18030/GBK、UTF-16、UTF-32）都读不出文字；"
                    "请另存为 UTF-8，或用 --encoding 写明编码\n")  # no English inside the Chinese


@pytest.mark.parametrize("codec", ["idna", "punycode", "utf-7", "unicode_escape", "raw_unicode_escape"])
def test_an_encoding_of_no_text_file_is_refused_before_any_row(tmp_path: Path, codec: str) -> None:
    """idna ended a batch on its first row as an internal error (exit 3); punycode, utf-7 and the escape
    codecs read a file's Chinese as other letters, and wrote a CSV whose headers read \\u4f01… in
    Excel (a hostile-input review). Each is refused as --encoding and --output-encoding, exit 2."""
    sheet = tmp_path / "名单.csv"
    sheet.write_text("企业名称,从业人员\n甲公司,100\n", encoding="utf-8")
    for option in ("--encoding", "--output-encoding"):
        code, _, err = invoke("batch", str(sheet), "-o", str(tmp_path / "o.csv"), option, codec)
        assert (code, err) == (2, f"littlegiant: error: {option}: unknown encoding '{codec}' (expected e.g. utf-8, "
                                  "utf-8-sig, gb18030, gbk, utf-16)\n")
    assert not (tmp_path / "o.csv").exists()


@pytest.mark.parametrize("codec", ["utf-8", "utf-8-sig", "gbk", "gb2312", "gb18030", "utf-16", "utf-16-le", "utf-32"])
def test_the_encodings_of_text_files_are_taken_both_ways(tmp_path: Path, codec: str) -> None:
    """The refusal above spares every encoding a park's file is in: the sheet written in it is read in it,
    and the results written in it read back."""
    sheet = tmp_path / "名单.csv"
    sheet.write_bytes("企业名称,从业人员\n甲公司,100\n".encode(codec))
    code, _, err = invoke("batch", str(sheet), "-o", str(tmp_path / "o.csv"), "--encoding", codec,
                          "--output-encoding", codec, "--lang", "zh", "--as-of", AS_OF)
    assert code == 0, err
    assert "甲公司" in (tmp_path / "o.csv").read_bytes().decode(codec)


def make_workbook(path: Path) -> None:
    """A park's sheet: a title row, a date row, Chinese headers, three companies, one of them broken
    in two cells, and a company whose name is a formula."""
    book = Workbook()
    ws = book.active
    ws.title = "名单"
    ws.append(["2026年专精特新企业摸底名单"])
    ws.append(["填报日期：2026-11-20"])
    ws.append(ZH_HEADER)
    ws.append(["甲精密部件有限公司", "工业", 120, 5000, 200, "是"])
    ws.append(["乙科技有限公司", "工业", "很多", -5, 200, "是"])
    ws.append([None] * 6)
    name = Cell(ws, value="=1+1")
    name.data_type = "s"  # typed as text, as Excel stores '=1+1
    ws.append([name, "工业", 10, 100.5, 1, "否"])
    book.save(path)


def test_an_xlsx_with_a_title_row_goes_through_batch_to_an_xlsx(tmp_path: Path) -> None:
    """An openpyxl workbook (title row, Chinese headers, one broken row) becomes an xlsx whose results
    sheet has every company; the broken row keeps its name and both problems, each with its column."""
    src = tmp_path / "名单.xlsx"
    make_workbook(src)
    out = tmp_path / "结果.xlsx"
    code, _, err = invoke("batch", str(src), "-o", str(out), "--as-of", AS_OF, "--lang", "zh")
    assert (code, err.strip().splitlines()[-1]) == (1, f"共读取 3 行，已评估 2 行，出错 1 行 → {out}")
    rows = results_sheet(out)
    assert [r["企业名称"] for r in rows] == ["甲精密部件有限公司", "乙科技有限公司", "=1+1"]
    assert [r["来源（文件:行）"] for r in rows] == [f"{src}:名单:{n}" for n in (4, 5, 7)]
    assert [r["处理结果"] for r in rows] == ["已评估", "出错", "已评估"]
    assert rows[0]["企业规模"] == "小型" and rows[0]["主要差距"]
    assert rows[1]["错误说明"] == ("“从业人员（上年末）”列（C列）：应填整数，现在是“很多”\n"
                                 "“营业收入（2025年）”列（D列）：金额不能为负数，现在是 -5")
    book = load_workbook(out, read_only=True)
    assert book.sheetnames == ["评估结果", "错误明细", "说明"]
    errors = list(book["错误明细"].iter_rows(values_only=True))
    assert [e[1] for e in errors[1:]] == ["乙科技有限公司", "乙科技有限公司"]
    about = dict(book["说明"].iter_rows(values_only=True))
    assert about["依据"] == "优质中小企业梯度培育管理办法（2026）" and about["评估日期"] == AS_OF
    assert about["评估类型"] == "新申请" and not any("miit" in str(v) for v in about.values())
    assert about["工具版本"].startswith("littlegiant ")


def test_the_errors_sheet_names_a_refused_row_by_its_code_and_number_too(tmp_path: Path) -> None:
    """A park fixes a refused row in its own list, found by the 统一社会信用代码 or the 序号 the errors sheet
    shows beside the name (it showed the name alone, typed in the list perhaps another way)."""
    src = tmp_path / "名单.csv"
    src.write_text("序号,企业名称,统一社会信用代码,所属行业,营业收入（2025年）,从业人员（上年末）\n"
                   "7,甲公司,914403001922038216,工业,5000,很多\n", encoding="utf-8")
    out = tmp_path / "结果.xlsx"
    code, _, _ = invoke("batch", str(src), "-o", str(out), "--as-of", AS_OF, "--lang", "zh")
    assert code == 1
    errors = list(load_workbook(out, read_only=True)["错误明细"].iter_rows(values_only=True))
    assert errors[0][1:4] == ("企业名称", "统一社会信用代码", "序号")
    assert errors[1][1:4] == ("甲公司", "914403001922038216", 7) and "很多" in errors[1][4]


@pytest.mark.parametrize(("as_of", "hidden"), [
    ("2026-11-26", ["科技和创新型中小企业得分", "专精特新中小企业得分", '专精特新"小巨人"企业得分']),
    ("2026-03-01", ['专精特新"小巨人"企业得分']),
])
def test_score_columns_a_rule_set_never_fills_are_hidden(tmp_path: Path, as_of: str, hidden: list[str]) -> None:
    """The 2026 tiers are judged by routes and the platform's score, not a score table: their score
    columns were empty in every row, three dead columns for the park's staff. Those columns are
    hidden (a 2022 run shows the two scored tiers'); the other columns stay where they were."""
    out = tmp_path / "结果.xlsx"
    code, _, _ = invoke("batch", str(EXAMPLES / "little-giant-2026.yaml"), "-o", str(out), "--as-of", as_of,
                        "--lang", "zh", "-q")
    assert code == 0
    sheet = load_workbook(out).worksheets[0]
    header = [c.value for c in sheet[1]]
    shut = [header[ord(letter) - ord("A")] for letter, d in sheet.column_dimensions.items() if d.hidden]
    assert shut == hidden
    assert header[:7] == ["来源（文件:行）", "企业名称", "统一社会信用代码", "序号", "处理结果", "企业规模", header[6]]
    assert header[7] == f"{header[6]}得分"



@pytest.mark.parametrize(("as_of", "scored"), [("2026-11-26", 0), ("2026-03-01", 2)])
def test_a_csv_has_the_columns_the_xlsx_shows(tmp_path: Path, as_of: str, scored: int) -> None:
    """The .xlsx hides the score columns its rule set never fills (the 2026 tiers'); the .csv kept
    them, three columns empty in every row for the park's staff to puzzle over. A .csv now has the
    columns the .xlsx shows, in its order, with the same cells; --columns ids keeps every id."""
    src = tmp_path / "名单.csv"
    src.write_text(excel_csv([ZH_HEADER, *ZH_ROWS]), encoding="utf-8")
    book, table, ids = tmp_path / "结果.xlsx", tmp_path / "结果.csv", tmp_path / "ids.csv"
    for out, more in ((book, ()), (table, ()), (ids, ("--columns", "ids"))):
        assert invoke("batch", str(src), "-o", str(out), "--as-of", as_of, "--lang", "zh", "-q", *more)[0] == 0
    sheet = load_workbook(book).worksheets[0]
    shown = [i for i, c in enumerate(sheet[1]) if not sheet.column_dimensions[c.column_letter].hidden]
    seen = [["" if row[i] is None else str(row[i]) for i in shown] for row in sheet.iter_rows(values_only=True)]
    rows = list(csv.reader(io.StringIO(table.read_bytes().decode("utf-8-sig"), newline="")))
    assert rows == seen and len(rows) == len(ZH_ROWS) + 1
    assert sum(h.endswith("得分") for h in rows[0]) == scored
    assert sum(h.endswith("_score") for h in next(csv.reader(ids.open(encoding="utf-8-sig")))) == 3


def test_unusual_figures_show_in_the_xlsx_results(tmp_path: Path) -> None:
    """A figure to check (R&D above revenue) is a warning in the results sheet, as in CSV, not an error."""
    src = tmp_path / "in.jsonl"
    src.write_text('{"name": "丙公司", "industry": "industrial", "financials": {"2025": {"revenue": 100, '
                   '"rd_expense": 150}}}\n', encoding="utf-8")
    out = tmp_path / "out.xlsx"
    code, _, _ = invoke("batch", str(src), "-o", str(out), "--as-of", AS_OF, "--lang", "zh")
    assert code == 0
    (row,) = results_sheet(out)
    assert row["处理结果"] == "已评估" and "研发费用" in row["需核对的数据"]


def test_formula_like_names_come_back_inert(tmp_path: Path) -> None:
    """A name =1+1 comes back with an apostrophe in CSV and as a text cell (not a formula) in xlsx;
    scores stay numbers in xlsx."""
    src = tmp_path / "in.csv"
    src.write_text("name,industry,employees\n=1+1,industrial,10\n+86 Co,industrial,10\n-5,industrial,10\n"
                   "@SUM(A1),industrial,x\n", encoding="utf-8")
    csv_out, xlsx_out = tmp_path / "out.csv", tmp_path / "out.xlsx"
    invoke("batch", str(src), "-o", str(csv_out), "--as-of", AS_OF)
    invoke("batch", str(src), str(EXAMPLES / "little-giant-2022.yaml"), "-o", str(xlsx_out), "--as-of", "2026-03-01",
           "--rules", "miit-2022")
    rows = list(csv.DictReader(io.StringIO(csv_out.read_text(encoding="utf-8-sig"))))
    assert [r["Company name"] for r in rows] == ["'=1+1", "'+86 Co", "-5", "'@SUM(A1)"]
    book = load_workbook(xlsx_out)  # the full reader, to see each cell's type
    ws = book[book.sheetnames[0]]
    names = [ws.cell(row=r, column=2) for r in range(2, 6)]
    assert [(c.value, c.data_type) for c in names] == [
        ("=1+1", "s"), ("+86 Co", "s"), ("-5", "s"), ("@SUM(A1)", "s")]
    assert [ws.cell(row=6, column=c).value for c in (8, 10)] == [90, 87]  # the example's scores, as numbers
    assert {ws.cell(row=r, column=8).data_type for r in range(2, 5)} == {"s"}  # ranges such as 0-75 stay text


@pytest.mark.parametrize(("char", "scored"), [("\x0b", False), ("\x0c", False), ("\x1b", False), ("\ufffe", True),
                                           ("\uffff", True)])
def test_characters_xml_cannot_hold_are_marked_in_an_xlsx_and_every_row_is_written(
        tmp_path: Path, char: str, scored: bool) -> None:
    """A vertical tab (a line break as some systems export it), a form feed or an escape code in a park's
    cell stopped an .xlsx output with an internal error and no file; U+FFFE and U+FFFF passed openpyxl's
    check and made a workbook no one could open, exit 0. Each is written as � in the .xlsx, every row
    there; a control character in a name is refused on its row, as it always was. A .csv keeps them."""
    src = tmp_path / "in.csv"
    src.write_text(f"name,employees,备注\nA,10,ok\nB{char}C,20,line1{char}line2\nD,30,ok\n", encoding="utf-8")
    code, _, err = lg("batch", "in.csv", "-o", "out.xlsx", "--as-of", AS_OF, cwd=tmp_path)
    assert code == (0 if scored else 1) and "internal error" not in err, err
    rows = results_sheet(tmp_path / "out.xlsx")  # openpyxl opens it
    assert [(r["Company name"], r["Outcome"], r["备注"]) for r in rows] == [
        ("A", "scored", "ok"), (f"B{NOT_XML_MARK}C" if scored else None, "scored" if scored else "error",
                                f"line1{NOT_XML_MARK}line2"), ("D", "scored", "ok")]
    if not scored:
        assert f"a control character (U+{ord(char):04X})" in str(rows[1]["Problems"])
    assert invoke("batch", str(src), "-o", str(tmp_path / "out.csv"), "--as-of", AS_OF)[0] == (0 if scored else 1)
    assert [r["备注"] for r in csv.DictReader(io.StringIO((tmp_path / "out.csv").read_text("utf-8-sig")))] == [
        "ok", f"line1{char}line2", "ok"]


def test_a_json_line_naming_a_control_character_is_on_both_sheets_of_an_xlsx(tmp_path: Path) -> None:
    """{"name": "A\\u000bB"}: its error row, name and all, on the results and errors sheets, and the next
    line scored; the run stopped with an internal error and wrote nothing."""
    src = tmp_path / "in.jsonl"
    src.write_text('{"name": "A\\u000bB", "employees": 10}\n{"name": "C", "employees": 5}\n', encoding="utf-8")
    code, _, err = lg("batch", "in.jsonl", "-o", "out.xlsx", "--as-of", AS_OF, cwd=tmp_path)
    assert code == 1 and "internal error" not in err, err
    assert [(r["Company name"], r["Outcome"]) for r in results_sheet(tmp_path / "out.xlsx")] == [
        (f"A{NOT_XML_MARK}B", "error"), ("C", "scored")]
    book = load_workbook(tmp_path / "out.xlsx", read_only=True)
    errors = [row[:2] for row in book.worksheets[1].iter_rows(min_row=2, values_only=True)]
    book.close()
    assert errors == [("in.jsonl:1", f"A{NOT_XML_MARK}B")]


XML_CHAR = re.compile("[\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
"""A character XML 1.0 holds (its Char production)."""


@given(st.text(st.one_of(st.characters(exclude_categories=()), st.sampled_from("\x00\x0b\x1f\ud800\udfff\ufffe\uffff"))))
def test_xml_text_marks_each_character_xml_cannot_hold_and_keeps_the_rest(text: str) -> None:
    """Every character XML 1.0 holds is kept where it was (tab, line breaks, 𠮷, U+FFFD itself); each other
    one, and only those, becomes the mark: a cell's text keeps its length and everything readable in it."""
    out = xml_text(text)
    assert len(out) == len(text)
    for was, now in zip(text, out, strict=True):
        assert now == (was if XML_CHAR.fullmatch(was) else NOT_XML_MARK)


def test_an_open_score_range_is_text_a_spreadsheet_keeps(tmp_path: Path) -> None:
    """A score that blanks leave open is written 35–74 in the .csv and .xlsx headed with words, as the
    report writes it: Excel, opening a .csv, turns 5-30 into a date (5月30日) and the score is gone
    once the sheet is saved. A script's .csv (--columns ids) keeps 35-74."""
    src = EXAMPLES / "half-missing.yaml"
    words, ids, book = tmp_path / "words.csv", tmp_path / "ids.csv", tmp_path / "out.xlsx"
    common = ["--as-of", "2026-03-01", "--rules", "miit-2022", "--lang", "zh"]
    for out, extra in ((words, []), (ids, ["--columns", "ids"]), (book, [])):
        assert invoke("batch", str(src), "-o", str(out), *common, *extra)[0] == 0
    said = next(csv.DictReader(io.StringIO(words.read_text(encoding="utf-8-sig"))))
    assert (said["创新型中小企业得分"], said["专精特新中小企业得分"]) == ("30–95", "35–74")
    assert next(csv.DictReader(io.StringIO(ids.read_text(encoding="utf-8-sig"))))["zjtx_sme_score"] == "35-74"
    row = results_sheet(book)[0]
    assert (row["创新型中小企业得分"], row["专精特新中小企业得分"]) == ("30–95", "35–74")
    assert "30-95" not in words.read_text(encoding="utf-8-sig")


def test_csv_output_has_a_bom_and_round_trips(tmp_path: Path) -> None:
    """The .csv output starts with a UTF-8 byte-order mark (Excel then shows Chinese) and reads back to
    the same rows; --output-encoding gb18030 writes GB18030 without one."""
    src = tmp_path / "in.csv"
    src.write_text(excel_csv([ZH_HEADER, *ZH_ROWS]), encoding="utf-8")
    out, gb = tmp_path / "out.csv", tmp_path / "gb.csv"
    assert invoke("batch", str(src), "-o", str(out), "--as-of", AS_OF)[0] == 0
    assert invoke("batch", str(src), "-o", str(gb), "--as-of", AS_OF, "--output-encoding", "gb18030")[0] == 0
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert rows == list(csv.reader(io.StringIO(gb.read_bytes().decode("gb18030"), newline="")))
    assert [r[1] for r in rows[1:]] == [r[0] for r in ZH_ROWS]
    again = tmp_path / "again.csv"
    again.write_bytes(data)
    assert list(csv.reader(again.open(encoding="utf-8-sig", newline=""))) == rows


def test_init_xlsx_template_filled_in_goes_through_batch(tmp_path: Path) -> None:
    """init --xlsx writes zh labels, a notes row and drop-down lists; filled in with labels and 是/否,
    it scores, the notes row not counted as a company."""
    template = tmp_path / "模板.xlsx"
    code, _, err = invoke("init", "--xlsx", str(template), "--lang", "zh", "--as-of", AS_OF)
    assert code == 0 and err.startswith(f"已生成批量评估名单 {template}") and err.count("\n") == 1
    book = load_workbook(template)
    ws = book["企业名单"]
    header = [c.value for c in ws[1]]
    assert header[:4] == ["企业名称", "统一社会信用代码", "行业（《中小企业划型标准规定》）", "从业人员（上年末）"]
    assert "营业收入（2025年）" in header
    assert ws["A2"].value.startswith("填写说明（本行不计入）") and ws.cell(row=2, column=4).value == "人"
    # the code as text, so that Excel keeps its 18 digits, and said so in the notes row and the guide
    assert ws["B2"].value == "18位，按文本填写" and ws.column_dimensions["B"].number_format == "@"
    assert ws.max_row == 2  # the column's format, not a cell's a row: the sheet states no rows to fill as rows
    guide = [row for row in book["填写说明"].iter_rows(values_only=True) if row[0] == "统一社会信用代码"]
    assert len(guide) == 1 and "Excel 会把末几位变成 0" in guide[0][2]
    lists = [dv for dv in ws.data_validations.dataValidation if dv.type == "list"]
    assert any(dv.formula1 == '"是,否"' for dv in lists) and len(lists) >= 3
    ws["A3"], ws["B3"], ws["C3"], ws["D3"] = "甲精密部件有限公司", "91440606MA4W12345X", "工业", 120
    ws.cell(row=3, column=header.index("营业收入（2025年）") + 1, value=5000)
    ws.cell(row=3, column=header.index("在中华人民共和国境内工商注册登记、具有独立法人资格") + 1, value="是")
    book.save(template)
    # the progress bar's total: the one company, not the guide's and the hidden choices' rows beside it
    rs = rules.load("miit-2026")
    assert estimate_rows([template], None, lambda cell: known_header(rs, cell, 2025)) == 1
    out = tmp_path / "out.xlsx"
    code, _, err = invoke("batch", str(template), "-o", str(out), "--as-of", AS_OF, "--lang", "zh")
    assert (code, err.strip().splitlines()[-1]) == (0, f"共读取 1 行，已评估 1 行，出错 0 行 → {out}")
    assert [(r["企业名称"], r["统一社会信用代码"]) for r in results_sheet(out)] == [("甲精密部件有限公司", "91440606MA4W12345X")]
    assert invoke("init", "--xlsx", str(template), "--lang", "zh")[0] == 2  # no overwrite without --force


def test_sheet_option_and_a_missing_sheet(tmp_path: Path) -> None:
    """--sheet reads one sheet; a sheet that is not there stops with the sheets there are, exit 2."""
    src = tmp_path / "book.xlsx"
    book = Workbook()
    book.active.title = "A"
    book.active.append(["name", "employees"])
    book.active.append(["Only A", 5])
    other = book.create_sheet("B")
    other.append(["name", "employees"])
    other.append(["Only B", 6])
    book.save(src)
    out = tmp_path / "out.csv"
    assert invoke("batch", str(src), "-o", str(out), "--as-of", AS_OF, "--sheet", "B")[0] == 0
    assert [r["Company name"] for r in csv.DictReader(out.open(encoding="utf-8-sig"))] == ["Only B"]
    assert invoke("batch", str(src), "-o", str(out), "--as-of", AS_OF)[0] == 0
    assert [r["Company name"] for r in csv.DictReader(out.open(encoding="utf-8-sig"))] == ["Only A", "Only B"]
    code, _, err = invoke("batch", str(src), "-o", str(out), "--sheet", "C")
    assert code == 2 and err.strip() == (f"littlegiant: error: {src}: --sheet: no sheet 'C' (the workbook has: A, B)"
                                         f"; no rows written; {out} left as it was")


@given(st.sampled_from(sorted(rules.load("miit-2026").fields)), st.integers(2020, 2030),
       st.sampled_from(["zh", "en"]))
def test_every_field_label_with_its_year_names_its_field(field_id: str, year: int, lang: str) -> None:
    """The labels the template and reports use (zh or en, with the year) read back as the field's path."""
    rs = rules.load("miit-2026")
    f = rs.fields[field_id]
    path = f.concrete_path(year)
    label = input_label(f, path)
    assert column(rs, label.zh if lang == "zh" else label.en)[0] == path
    assert column(rs, path)[0] == path


@given(st.text(max_size=8))
def test_inert_text_never_starts_like_a_formula(text: str) -> None:
    """After inert(), a cell starts with =, +, -, @, tab or CR only when it is a plain number."""
    out = inert(text)
    if out[:1] in ("=", "+", "-", "@", "\t", "\r"):
        float(out)
    assert out in (text, "'" + text)


@pytest.mark.parametrize("tag", ["zh", "zh-CN", "zh_CN.UTF-8", "zh-Hans", "ZH-hans-CN", "cn", "CN", "中文", "chinese"])
def test_lang_takes_language_tags(tag: str) -> None:
    """--lang zh-CN and its cousins (cn and 中文, as people write it) give the Chinese report; en-US the English
    one; nonsense exits 2."""
    code, out, _ = invoke("assess", str(EXAMPLES / "little-giant-2026.yaml"), "--lang", tag, "--as-of", AS_OF)
    assert code == 0 and "企业规模" in out
    assert "SME size" in invoke("assess", str(EXAMPLES / "little-giant-2026.yaml"), "--lang", "en-US")[1]
    assert invoke("assess", str(EXAMPLES / "little-giant-2026.yaml"), "--lang", "fr")[0] == 2


@pytest.mark.parametrize("fmt", ["text", "json", "markdown", "html"])
@pytest.mark.parametrize("env", [{"LC_ALL": "zh_CN.GBK"}, {"LC_ALL": "zh_CN.GBK", "PYTHONIOENCODING": "gbk"},
                                 {"PYTHONIOENCODING": "ascii"}])
def test_a_report_on_a_gbk_console_redirected_exits_0(tmp_path: Path, fmt: str, env: dict[str, str]) -> None:
    """Under a GBK locale with stdout redirected, every report format is written (symbols GBK cannot hold
    as plain text) and the run exits 0, no traceback."""
    out = tmp_path / "report"
    with out.open("wb") as handle:
        proc = subprocess.run([sys.executable, "-m", "littlegiant", "assess", str(EXAMPLES / "little-giant-2026.yaml"),
                               "--format", fmt, "--as-of", AS_OF], stdout=handle, stderr=subprocess.PIPE,
                              env={**os.environ, **env}, check=False)
    assert (proc.returncode, proc.stderr) == (0, b"")
    encoding = env.get("PYTHONIOENCODING", "utf-8")
    text = out.read_bytes().decode(encoding)
    assert "示例精密部件有限公司" in text or encoding == "ascii"
    if fmt == "json":
        assert json.loads(text)["rules"]["id"] == "miit-2026"


def test_control_characters_in_a_name_are_escaped_on_a_terminal() -> None:
    """A name carrying an escape sequence or a right-to-left override is shown escaped on a terminal."""
    from littlegiant.core import engine
    from littlegiant.load import profile
    from littlegiant.report.common import make_report

    rs = rules.load("miit-2026")
    prof = profile.Profile({"name": "Evil\x1b[2J\u202eCo"})
    result = engine.evaluate(rs, prof, date(2026, 11, 26))
    shown = render(make_report(rs, prof, result, "en"), "text", to_terminal=True)
    assert "Evil\\x1b[2J\\u202eCo" in shown and "\x1b[2J" not in shown
    assert escape_controls("甲公司 Ltd.") == "甲公司 Ltd."


def test_a_percentage_typed_into_excel_is_read_in_percent(tmp_path: Path) -> None:
    """12.5% typed into Excel is stored as 0.125 with a % format; it is read as 12.5 (percent), so
    150% is refused as more than 100 (quoted as the sheet shows it) rather than taken as 1.5%."""
    src = tmp_path / "share.xlsx"
    book = Workbook()
    ws = book.active
    ws.append(["企业名称", "主导产品国内细分市场占有率"])
    ws.append(["甲", 0.125])
    ws.append(["乙", 1.5])
    for row in (2, 3):
        ws.cell(row=row, column=2).number_format = "0.0%"
    book.save(src)
    out = tmp_path / "out.csv"
    code, _, _ = invoke("batch", str(src), "-o", str(out), "--as-of", AS_OF)
    rows = list(csv.DictReader(out.open(encoding="utf-8-sig")))
    assert code == 1 and rows[0]["Outcome"] == "scored"
    assert rows[1]["Problems"] == "主导产品国内细分市场占有率 (column B): expected a percentage from 0 to 100, got '150%'"


def test_a_json_line_in_error_keeps_its_name_and_every_problem(tmp_path: Path) -> None:
    """A JSON line with three bad fields becomes an error row with the company's name and all three
    problems, each with its field; a line with one keeps the loader's single message."""
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"name": "甲", "employees": "lots", "financials": {"2025": {"revenue": -1}},
                               "bogus": 1}, ensure_ascii=False) + "\n"
                   + json.dumps({"name": "乙", "employees": 1.5}, ensure_ascii=False) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert invoke("batch", str(src), "-o", str(out), "--as-of", AS_OF)[0] == 1
    rows = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert [r["name"] for r in rows] == ["甲", "乙"]
    problems = rows[0]["error"].split("\n")
    assert [p.split(":")[0] for p in problems] == ["employees", "financials.2025.revenue", "bogus"]
    assert rows[1]["error"] == "employees: expected a whole number, got 1.5"


def test_progress_on_a_terminal_shows_the_total_rate_and_time_left(tmp_path: Path) -> None:
    """On a terminal the progress line counts rows of the total (counted from the file), with the rate
    and the time left, on stderr; piped, nothing but the closing line (test_cli_batch holds that)."""
    import pexpect

    src = tmp_path / "in.csv"
    src.write_text("name,employees\n" + "".join(f"Co {i},{i % 900}\n" for i in range(3000)), encoding="utf-8")
    child = pexpect.spawn(sys.executable, ["-m", "littlegiant", "batch", str(src), "-o", str(tmp_path / "o.csv"),
                                           "--jobs", "1", "--as-of", AS_OF], encoding="utf-8", timeout=120,
                          dimensions=(40, 120), env={**os.environ, "LANG": "en_US.UTF-8"})
    seen = child.read()
    assert "/3000" in seen and "rows/s" in seen
    assert "read 3000, scored 3000, errors 0" in seen


ZH_RESULT_HEADER = ["来源（文件:行）", "企业名称", "统一社会信用代码", "序号", "处理结果", "企业规模", "科技和创新型中小企业",
                    "科技和创新型中小企业得分",
                    "专精特新中小企业", "专精特新中小企业得分", '专精特新"小巨人"企业', '专精特新"小巨人"企业得分',
                    "主要差距", "错误说明", "需核对的数据"]
"""The results' columns in zh; with --advice, 下一步 follows 主要差距 (without it, it would stay empty)."""
ZH_CSV_HEADER = [h for h in ZH_RESULT_HEADER if not h.endswith("得分")]
"""The same in a .csv under the 2026 set, which fills no score column: the .xlsx hides them, a .csv leaves them out."""


def test_the_next_step_column_is_there_only_with_advice(tmp_path: Path) -> None:
    """QA as park staff: an always-empty 下一步 column read as something the tool failed to fill. It
    comes with --advice, filled, in the .csv and the .xlsx alike; the ids view keeps next_step. The
    results sheet has Excel's filter on every column, to sort and pick companies by verdict."""
    src = tmp_path / "名单.csv"
    src.write_bytes(excel_csv([ZH_HEADER, *ZH_ROWS]).encode("utf-8"))
    for suffix in (".csv", ".xlsx"):
        plain, advised = tmp_path / f"plain{suffix}", tmp_path / f"advised{suffix}"
        assert invoke("batch", str(src), "-o", str(plain), "--as-of", AS_OF, "--lang", "zh")[0] == 0
        assert invoke("batch", str(src), "-o", str(advised), "--as-of", AS_OF, "--lang", "zh", "--advice")[0] == 0
        if suffix == ".csv":
            heads = [next(csv.reader(io.StringIO(f.read_bytes().decode("utf-8-sig")))) for f in (plain, advised)]
            steps = [dict(zip(heads[1], r, strict=True))["下一步"]
                     for r in list(csv.reader(io.StringIO(advised.read_bytes().decode("utf-8-sig"))))[1:]]
        else:
            heads = [list(results_sheet(f)[0]) for f in (plain, advised)]
            steps = [r["下一步"] for r in results_sheet(advised)]
        header = ZH_CSV_HEADER if suffix == ".csv" else ZH_RESULT_HEADER
        step = header.index("主要差距") + 1
        assert heads[0] == header, suffix
        assert heads[1] == [*header[:step], "下一步", *header[step:]], suffix
        assert any(steps), (suffix, steps)
    for name, last in (("plain.xlsx", "O"), ("advised.xlsx", "P")):  # a filter over every column and company
        book = load_workbook(tmp_path / name)
        assert book[book.sheetnames[0]].auto_filter.ref == f"A1:{last}{len(ZH_ROWS) + 1}", name
        # headers wrap: 科技和创新型中小企业得分 over its column of 10 showed its first half alone
        assert all(c.alignment.wrap_text for sheet in book.worksheets[:2] for c in sheet[1] if c.value), name
        assert book.worksheets[0].row_dimensions[1].height == 36, name  # tall enough for its two lines


def test_a_zh_batch_csv_has_chinese_headers_and_verdicts_and_ids_on_request(tmp_path: Path) -> None:
    """Under --lang zh the .csv is headed and filled in Chinese words (no ids in what a client sees);
    --columns ids gives scripts the stable ids and values; JSON Lines keeps ids whatever the language."""
    src = tmp_path / "企业名单.csv"
    src.write_bytes(excel_csv([ZH_HEADER, *ZH_ROWS, ["丁公司", "工业", "很多", "", "", ""]]).encode("gbk"))
    out, ids, lines = tmp_path / "评估结果.csv", tmp_path / "ids.csv", tmp_path / "out.jsonl"
    assert invoke("batch", str(src), "-o", str(out), "--as-of", AS_OF, "--lang", "zh")[0] == 1
    assert invoke("batch", str(src), "-o", str(ids), "--as-of", AS_OF, "--lang", "zh", "--columns", "ids")[0] == 1
    assert invoke("batch", str(src), "-o", str(lines), "--as-of", AS_OF, "--lang", "zh")[0] == 1
    table = list(csv.reader(io.StringIO(out.read_bytes().decode("utf-8-sig"), newline="")))
    assert table[0] == ZH_CSV_HEADER
    rows = [dict(zip(table[0], r, strict=True)) for r in table[1:]]
    assert [r["企业名称"] for r in rows] == [*(r[0] for r in ZH_ROWS), "丁公司"]
    assert [r["处理结果"] for r in rows] == ["已评估"] * 3 + ["出错"]
    assert [r["企业规模"] for r in rows[:3]] == ["小型", "小型", "中型"]
    verdicts = {r[c] for r in rows[:3] for c in ZH_CSV_HEADER[6:9]}
    assert verdicts <= {"满足", "不满足", "待审核", "未知"} and "不满足" in verdicts
    assert rows[0]["主要差距"].startswith("科技和创新型中小企业：") and "." not in rows[0]["主要差距"]
    assert rows[3]["错误说明"].startswith("“从业人员（上年末）”列：") and rows[3]["科技和创新型中小企业"] == ""
    by_id = list(csv.DictReader(io.StringIO(ids.read_bytes().decode("utf-8-sig"), newline="")))
    assert list(by_id[0]) == ["source", "name", "status", "error", "sme_size", "innovative_sme_status",
                              "innovative_sme_score", "zjtx_sme_status", "zjtx_sme_score", "little_giant_status",
                              "little_giant_score", "next_step", "warnings", "credit_code", "seq_no"]
    assert [r["status"] for r in by_id] == ["scored"] * 3 + ["error"] and by_id[2]["sme_size"] == "medium"
    assert by_id[2]["innovative_sme_status"] == "unmet"
    records = [json.loads(x) for x in lines.read_text(encoding="utf-8").splitlines()]
    # JSON Lines: the CSV's ids, each score with its ends beside it (as the JSON result has them)
    assert [k for k in records[0] if not k.endswith(("_score_min", "_score_max"))] == list(by_id[0])
    assert records[2]["innovative_sme_status"] == "unmet"
    assert records[0]["name"] == "甲精密部件有限公司"


def test_an_english_batch_csv_is_headed_in_english_words(tmp_path: Path) -> None:
    """Under --lang en the .csv is headed with the English labels, verdicts in English words."""
    src = tmp_path / "in.csv"
    src.write_text(excel_csv([ZH_HEADER, *ZH_ROWS]), encoding="utf-8")
    out = tmp_path / "out.csv"
    assert invoke("batch", str(src), "-o", str(out), "--as-of", AS_OF, "--lang", "en")[0] == 0
    rows = list(csv.DictReader(out.open(encoding="utf-8-sig", newline="")))
    assert list(rows[0])[:6] == ["Source (file:row)", "Company name", "Unified social credit code", "No.", "Outcome",
                                 "SME size"]
    assert [r["Outcome"] for r in rows] == ["scored"] * 3 and rows[2]["SME size"] == "medium"
    assert {r[c] for r in rows for c in list(rows[0])[6:9]} <= {"met", "not met", "awaits review", "unknown"}


def test_a_labelled_results_csv_with_figures_added_scores_again(tmp_path: Path) -> None:
    """The results CSV of a zh batch, with a column of figures added in Excel, goes through batch
    again: its own result columns are passed over, every company is scored, names kept."""
    src = tmp_path / "企业名单.csv"
    src.write_bytes(excel_csv([ZH_HEADER[:3], *(r[:3] for r in ZH_ROWS)]).encode("gbk"))
    first = tmp_path / "评估结果.csv"
    assert invoke("batch", str(src), "-o", str(first), "--as-of", AS_OF, "--lang", "zh")[0] == 0
    table = list(csv.reader(first.open(encoding="utf-8-sig", newline="")))
    added = [[*table[0], "营业收入（2025年）"], *([*r, "0.5亿"] for r in table[1:])]
    again = tmp_path / "补充后.csv"
    again.write_bytes(excel_csv(added).encode("gbk"))
    second = tmp_path / "再评估.csv"
    code, _, err = invoke("batch", str(again), "-o", str(second), "--as-of", AS_OF, "--lang", "zh")
    assert (code, err.strip().splitlines()[-1]) == (0, f"共读取 3 行，已评估 3 行，出错 0 行 → {second}")
    rows = list(csv.DictReader(second.open(encoding="utf-8-sig", newline="")))
    assert [r["企业名称"] for r in rows] == [r[0] for r in ZH_ROWS]
    assert [r["处理结果"] for r in rows] == ["已评估"] * 3


@pytest.mark.parametrize("status", ["met", "unmet", "unknown", "manual_review"])
def test_no_result_column_is_taken_for_a_figure(status: str) -> None:
    """The result columns batch writes (ids and words in both languages) are no input field's header,
    except the company name, which reads back as the name, and a tier's title, which heads a park's
    column of the title held too (专精特新中小企业: 是): a verdict under it is passed over."""
    from littlegiant.i18n import STATUS
    from littlegiant.load.tabular import row_profile
    from littlegiant.report.table import SUMMARY_COLUMNS, Labels, result_header

    rs = rules.load("miit-2026")
    for lang in ("zh", "en"):
        labels = Labels(lang, {tid: getattr(t.title, lang) for tid, t in rs.tiers.items()},
                        getattr(rs.fields["name"].label, lang))
        named = [h for h in [*result_header(labels), *SUMMARY_COLUMNS] if known_header(rs, h)]
        assert {column(rs, h)[0] for h in named} <= {"name", "titles.zjtx_sme", "titles.little_giant"}
        row = {h: STATUS[status][lang] for h in named if column(rs, h)[0] != "name"}
        row[labels.name] = "甲公司"
        assert row_profile(row, rs, "results.csv").values == {"name": "甲公司"}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_init_csv_has_a_bom_labels_and_notes_and_filled_in_scores(tmp_path: Path, lang: str) -> None:
    """init --csv writes a byte-order mark, the labels of --lang with the year, the notes row of the
    .xlsx template (units, choices) and a sample row; a company added in the same words, saved by
    Excel in GBK, scores through batch with the notes and sample rows not counted."""
    template = tmp_path / "企业名单.csv"
    code, _, err = invoke("init", "--csv", str(template), "--lang", lang, "--as-of", AS_OF)
    assert code == 0 and err.startswith("已生成批量评估名单 " if lang == "zh" else "wrote ") and err.count("\n") == 1
    data = template.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    header, notes, sample = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    rs = rules.load("miit-2026")
    revenue = getattr(input_label(field_for_path(rs, "financials.2025.revenue"), "financials.2025.revenue"), lang)
    assert header[0] == ("企业名称" if lang == "zh" else "Company name") and revenue in header
    assert notes[0].startswith("填写说明（本行不计入）" if lang == "zh" else "Notes (this row is not read)")
    # in English the unit by name, the Chinese beside the money's (bare 万元, 人 meant nothing to an English reader)
    assert notes[header.index(revenue)].startswith("万元" if lang == "zh" else "10k CNY (万元)")
    assert notes[3].startswith("人" if lang == "zh" else "people") and sample[header.index(revenue)] == "3000"
    assert header[1] == ("统一社会信用代码" if lang == "zh" else "Unified social credit code") and sample[1] == ""
    assert notes[1].startswith("18位，按文本填写；" if lang == "zh" else "18 characters, as text; ")
    yes = "是" if lang == "zh" else "yes"
    company = dict.fromkeys(header, "")
    registered = getattr(rs.fields["registered_in_china"].label, lang)
    company.update({header[0]: "甲精密部件有限公司", header[1]: "91440606MA4W12345X", header[2]: sample[2],
                    header[3]: "120", revenue: "0.5亿",
                    registered: yes})
    filled = tmp_path / "已填.csv"
    filled.write_bytes(excel_csv([header, notes, sample, list(company.values())]).encode("gb18030"))
    out = tmp_path / "out.csv"
    code, _, err = invoke("batch", str(filled), "-o", str(out), "--as-of", AS_OF, "--lang", lang)
    summary = f"共读取 1 行，已评估 1 行，出错 0 行 → {out}" if lang == "zh" else f"read 1, scored 1, errors 0 -> {out}"
    assert (code, err.strip().splitlines()[-1]) == (0, summary)
    rows = list(csv.reader(out.open(encoding="utf-8-sig", newline="")))
    assert [r[1] for r in rows[1:]] == ["甲精密部件有限公司"]  # the sample row left in is not a company
    assert rows[1][5] == ("小型" if lang == "zh" else "small")
    assert rows[1][2] == "91440606MA4W12345X"  # the code carried back in its own column, in either language


def test_amounts_typed_as_people_type_them_score_in_csv_and_xlsx(tmp_path: Path) -> None:
    """0.5亿, 5000万, 50,000,000元 and full-width ５０００ in a CSV or an xlsx text cell are 5000 万元, the
    same verdicts as 5000; abc is still an error row naming its column."""
    typed = ["5000", "0.5亿", "5000万", "50,000,000元", "５０００", "５，０００万元"]
    rows = [[f"甲{i}", "工业", "120", amount, "200", "是"] for i, amount in enumerate(typed)]
    src = tmp_path / "in.csv"
    src.write_bytes(excel_csv([ZH_HEADER, *rows, ["乙", "工业", "120", "abc", "200", "是"]]).encode("gbk"))
    book = Workbook()
    book.active.append(ZH_HEADER)
    for row in rows:
        book.active.append([f"丙{row[0][1:]}", row[1], 120, row[3], 200, "是"])  # the amount as a text cell
    workbook = tmp_path / "in.xlsx"
    book.save(workbook)
    out = tmp_path / "out.jsonl"
    code, _, err = invoke("batch", str(src), str(workbook), "-o", str(out), "--as-of", AS_OF)
    assert (code, err.strip().splitlines()[-1]) == (1, f"read 13, scored 12, errors 1 -> {out}")
    records = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    verdicts = {json.dumps({k: v for k, v in r.items() if k not in ("source", "name", "warnings")}) for r in records
                if r["status"] == "scored"}  # warnings: the xlsx rows repeat the CSV's companies, and say so
    assert len(verdicts) == 1
    (bad,) = [r for r in records if r["status"] == "error"]
    assert bad["name"] == "乙" and bad["error"].startswith("营业收入（2025年）: expected an amount")
    assert "'abc'" in bad["error"]


@given(st.decimals(min_value=0, max_value=10**6, places=4, allow_nan=False),
       st.sampled_from([("亿", 10000), ("亿元", 10000), ("万", 1), ("万元", 1), ("千万", 1000), ("元", Decimal("0.0001"))]))
def test_a_cell_amount_with_a_unit_is_exact_decimal_wan_yuan(amount: Decimal, unit: tuple[str, Decimal]) -> None:
    """A cell's amount with a unit converts to 万元 exactly (Decimal, no float on the way), as the
    interview converts the same answer."""
    from littlegiant.core.interview import Interview, Question
    from littlegiant.load.tabular import row_profile

    assume(amount * unit[1] == 0 or amount * unit[1] >= Decimal("0.000001"))  # smaller is refused as no real size
    rs = rules.load("miit-2026")
    text = f"{amount}{unit[0]}"
    values = row_profile({"营业收入（2025年）": text}, rs, "t").values
    assert values.get("financials.2025.revenue") == amount * unit[1]
    f = field_for_path(rs, "financials.2025.revenue")
    answered = Interview(rs, date(2026, 6, 1)).parse(Question("financials.2025.revenue", f, 2025), text)[0]
    assert answered == amount * unit[1]


def test_encoding_gb18030_writes_a_gb18030_csv_from_gbk_or_utf8_input(tmp_path: Path) -> None:
    """batch in.csv -o out.csv --encoding gb18030 writes GB18030 (no BOM) that Chinese Excel opens,
    from a GBK input and from a UTF-8 one alike (a UTF-8 input is not misread as GB18030);
    --encoding utf-8 keeps the BOM Excel needs; --output-encoding still sets the output alone."""
    gbk, utf8 = tmp_path / "gbk.csv", tmp_path / "utf8.csv"
    gbk.write_bytes(excel_csv([ZH_HEADER, *ZH_ROWS]).encode("gbk"))
    utf8.write_bytes(excel_csv([ZH_HEADER, *ZH_ROWS]).encode("utf-8"))
    for src in (gbk, utf8):
        out = tmp_path / f"out-{src.stem}.csv"
        code, _, err = invoke("batch", str(src), "-o", str(out), "--as-of", AS_OF, "--lang", "zh",
                              "--encoding", "gb18030")
        assert (code, err.strip().splitlines()[-1]) == (0, f"共读取 3 行，已评估 3 行，出错 0 行 → {out}")
        data = out.read_bytes()
        assert not data.startswith(b"\xef\xbb\xbf")
        rows = list(csv.reader(io.StringIO(data.decode("gb18030"), newline="")))
        assert rows[0] == ZH_CSV_HEADER and [r[1] for r in rows[1:]] == [r[0] for r in ZH_ROWS]
    kept = tmp_path / "kept.csv"
    assert invoke("batch", str(utf8), "-o", str(kept), "--as-of", AS_OF, "--encoding", "utf-8")[0] == 0
    assert kept.read_bytes().startswith(b"\xef\xbb\xbf")
    alone = tmp_path / "alone.csv"
    assert invoke("batch", str(gbk), "-o", str(alone), "--as-of", AS_OF, "--encoding", "gbk",
                  "--output-encoding", "utf-8")[0] == 0
    assert "甲精密部件有限公司" in alone.read_bytes().decode("utf-8") and not alone.read_bytes().startswith(b"\xef")


@pytest.mark.parametrize("asked", ["gbk", "GB2312", "cp936"])
def test_gbk_output_marks_and_names_the_characters_gbk_lacks(tmp_path: Path, asked: str) -> None:
    """--output-encoding gbk (or gb2312) wrote 𠮷, 䶮 and emoji as GB18030's four-byte forms, which Excel
    (GBK) shows as garbage that eats the next characters: the .csv is now GBK throughout, such a
    character is □, every other character of the row is intact, and one note names the rows and the way
    to keep them; JSON Lines keeps them exactly as JSON escapes."""
    names = ["吉祥𠮷科技有限公司", "龑䶮电子有限公司", "普通机械有限公司", "笑脸😀贸易有限公司"]
    src = tmp_path / "名单.csv"
    src.write_text(excel_csv([ZH_HEADER, *([name, *ZH_ROWS[0][1:]] for name in names)]), encoding="utf-8")
    out = tmp_path / "out.csv"
    code, _, err = invoke("batch", str(src), "-o", str(out), "--as-of", AS_OF, "--lang", "zh", "-q",
                          "--output-encoding", asked)
    assert code == 0, err
    rows = list(csv.reader(io.StringIO(out.read_bytes().decode("gbk"), newline="")))  # strict: GBK bytes only
    assert [r[1] for r in rows[1:]] == ["吉祥□科技有限公司", "龑□电子有限公司", "普通机械有限公司", "笑脸□贸易有限公司"]
    assert all(r[4] == "已评估" for r in rows[1:]) and rows[0] == ZH_CSV_HEADER
    assert err.strip().splitlines() == [
        f"littlegiant 提示：有 3 行含 {asked.upper()} 编码存不下的字（𠮷、䶮、😀），结果中已写作“□”：{src}:2、{src}:3、{src}:5。"
        "要原样保留，请把结果输出为 .xlsx，或加上 --output-encoding utf-8-sig（Excel 双击即可打开）",
        f"共读取 4 行，已评估 4 行，出错 0 行 → {out}"]
    plain = tmp_path / "plain.csv"  # a list GBK holds: no note
    plain.write_text(excel_csv([ZH_HEADER, *ZH_ROWS]), encoding="utf-8")
    code, _, err = invoke("batch", str(plain), "-o", str(tmp_path / "p.csv"), "--as-of", AS_OF, "--lang", "zh",
                          "-q", "--encoding", asked)
    assert code == 0 and "提示" not in err and "□" not in (tmp_path / "p.csv").read_bytes().decode("gbk")
    lines = tmp_path / "out.jsonl"
    assert invoke("batch", str(src), "-o", str(lines), "--as-of", AS_OF, "-q", "--output-encoding", asked)[0] == 0
    assert [json.loads(line)["name"] for line in lines.read_bytes().decode("gbk").splitlines()] == names


@pytest.mark.parametrize(("args", "message"), [
    (["-o", "out.xlsx", "--columns", "ids"], "--columns ids: only for a .csv output"),
    (["-o", "out.jsonl", "--columns", "labels"], "--columns labels: only for a .csv output"),
    (["-o", "out.csv", "--columns", "id"], "--columns: got 'id'; did you mean 'ids'? (expected one of labels, ids)"),
])
def test_columns_that_cannot_apply_are_refused(tmp_path: Path, args: list[str], message: str) -> None:
    """--columns ids on an .xlsx, labels on JSON Lines or a misspelt value: exit 2, one line, nothing written."""
    src = tmp_path / "in.csv"
    src.write_text("name\nCo\n", encoding="utf-8")
    args = [a if not a.startswith("out.") else str(tmp_path / a) for a in args]
    code, _, err = invoke("batch", str(src), *args)
    assert code == 2 and message in err and len(err.strip().splitlines()) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.csv"]


def test_init_columns_ids_is_for_scripts_and_only_with_csv(tmp_path: Path) -> None:
    """init --csv --columns ids heads the template with field ids and no notes row; --columns without
    --csv is exit 2 and writes nothing."""
    target = tmp_path / "ids.csv"
    assert invoke("init", "--csv", str(target), "--columns", "ids", "--as-of", AS_OF)[0] == 0
    header, sample = list(csv.reader(target.open(encoding="utf-8-sig", newline="")))
    assert header[:4] == ["name", "credit_code", "industry", "employees"] and "financials.2025.revenue" in header
    assert sample[1:4] == ["", "industrial", "120"]
    code, _, err = invoke("init", "--xlsx", str(tmp_path / "t.xlsx"), "--columns", "ids")
    assert code == 2 and "--columns ids: only with --csv" in err and not (tmp_path / "t.xlsx").exists()


def test_the_readme_round_trips_run_as_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The README's Excel and CSV round trips, command by command as a consultant types them, with a
    company filled in between (in Excel's own way: the sheet saved, the CSV saved as GBK): every
    command exits 0 and the results name the company in Chinese."""
    text = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    section = text.split("## A park's or consultant's Excel round trip")[1].split("\n## ")[0]
    commands = [line.split("  #")[0].strip() for block in re.findall(r"```bash\n(.*?)```", section, re.S)
                for line in block.splitlines() if line.startswith("littlegiant ")]
    assert [c.split()[1] for c in commands] == ["init", "batch", "init", "batch", "batch"]
    monkeypatch.chdir(tmp_path)
    for command in commands:
        args = shlex.split(command)[1:]
        if args[0] == "batch":
            _fill_in(tmp_path / args[1])
        code, _, err = invoke(*args)
        assert code == 0, (command, err)
        if args[0] == "batch":
            zh = "--lang" in args and args[args.index("--lang") + 1] == "zh"
            summary = f"共读取 1 行，已评估 1 行，出错 0 行 → {args[3]}" if zh else f"read 1, scored 1, errors 0 -> {args[3]}"
            assert err.strip().splitlines()[-1] == summary
    assert [r["企业名称"] for r in results_sheet(tmp_path / "评估结果.xlsx")] == ["甲精密部件有限公司"]
    rows = list(csv.reader(io.StringIO((tmp_path / "评估结果.csv").read_bytes().decode("gb18030"), newline="")))
    assert rows[0] == ZH_CSV_HEADER and rows[1][1:6] == ["甲精密部件有限公司", "", "", "已评估", "小型"]


def _fill_in(path: Path) -> None:
    """Step 2 of the README: one company typed into the template (once), the sample row taken out."""
    company = {"企业名称": "甲精密部件有限公司", "行业（《中小企业划型标准规定》）": "工业", "从业人员（上年末）": "120"}
    if path.suffix == ".xlsx":
        book = load_workbook(path)
        ws = book["企业名单"]  # the list, after the sheet saying how to fill it in
        if ws["A3"].value is None:
            header = [c.value for c in ws[1]]
            company[next(h for h in header if h.startswith("营业收入（"))] = "5000"  # last year's, whichever it is
            for label, value in company.items():
                ws.cell(row=3, column=header.index(label) + 1, value=value)
            book.save(path)
        return
    data = path.read_bytes()
    if data.startswith(b"\xef\xbb\xbf"):  # as init --csv wrote it: not filled in yet
        header, notes, _sample = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
        company[next(h for h in header if h.startswith("营业收入（"))] = "0.5亿"
        path.write_bytes(excel_csv([header, notes, [company.get(h, "") for h in header]]).encode("gbk"))


@pytest.mark.parametrize(("header", "cell", "wan"), [
    ("营业收入（2025年）（元）", "50,000,000", "5000"), ("营业收入（2025年）（亿元）", "0.5", "5000"),
    ("营业收入（2025年）（万元）", "5000", "5000"), ("Operating revenue 2025 (元)", "50000000", "5000"),
    ("营业收入（2025年）（元）", "800万", "800"), ("营业收入（2025年）", "5000", "5000"),
])
def test_a_unit_in_the_header_converts_the_column(header: str, cell: str, wan: str) -> None:
    """A money column headed in 元 or 亿元 holds 元 or 亿元: 50,000,000 under （元） is 5,000 万元, never
    50,000,000 万元; a unit typed in the cell wins over the header's."""
    from littlegiant.load.tabular import row_profile

    values = row_profile({"企业名称": "甲", header: cell}, rules.load("miit-2026"), "t").values
    assert values["financials.2025.revenue"] == Decimal(wan)


@pytest.mark.parametrize(("cell", "value"), [("有", True), ("无", False), ("没有", False), ("对", True), ("是", True),
                                             ("否", False), ("✓", True), ("false", False)])
def test_yes_no_cells_take_the_interviews_words(cell: str, value: bool) -> None:
    """A 是/否 column filled with 有/无, 对 or ✓ reads as the interview reads those answers; a choice
    column still refuses "1" (the interview's number for its first choice would pick one silently)."""
    from littlegiant.load.tabular import RowError, row_profile

    rs = rules.load("miit-2026")
    values = row_profile({"被列入经营异常名录": cell}, rs, "t").values
    assert values["compliance.abnormal_operation"] is value
    with pytest.raises(RowError, match="行业"):
        row_profile({"行业": "1"}, rs, "t")


def test_columns_a_park_adds_are_passed_over_with_one_note(tmp_path: Path) -> None:
    """序号, 联系人 and 备注 beside the figures (every park's sheet has them) made every row an error:
    they are passed over, said once per table, in CSV and xlsx alike; 序号 is not said to be of no use,
    as it is written back beside each company's results."""
    header = ["序号", *ZH_HEADER, "联系人", "备注"]
    rows = [[str(i), *row, "王经理", "重点"] for i, row in enumerate(ZH_ROWS, 1)]
    src = tmp_path / "名单.csv"
    src.write_bytes(excel_csv([header, *rows]).encode("gbk"))
    book = Workbook()
    book.active.append(["某园区企业名单"])  # a title row above the header
    book.active.append(header)
    for row in rows:
        book.active.append(row)
    workbook = tmp_path / "名单.xlsx"
    book.save(workbook)
    for table in (src, workbook):
        out = tmp_path / f"{table.suffix[1:]}-out.csv"
        code, _, err = invoke("batch", str(table), "-o", str(out), "--as-of", AS_OF, "--lang", "zh")
        assert code == 0, err
        notes = [line for line in err.splitlines() if "不参与评估" in line]
        assert len(notes) == 1 and "不参与评估（原样附在结果最后）：“联系人”、“备注”" in notes[0] and "序号" not in notes[0], err
        done = list(csv.DictReader(out.open(encoding="utf-8-sig", newline="")))
        assert [(r["处理结果"], r["序号"]) for r in done] == [("已评估", str(i)) for i in range(1, len(ZH_ROWS) + 1)]


def _near_miss_tables(tmp_path: Path) -> tuple[Path, Path]:
    """A park's CSV (GBK, as Excel saves it) and workbook (a title row above the header) whose
    last column, 营业收人2024, was meant for 营业收入（2024年）."""
    header = [*ZH_HEADER, "营业收人2024"]
    rows = [[*row, "4000"] for row in ZH_ROWS]
    src = tmp_path / "near.csv"
    src.write_bytes(excel_csv([header, *rows]).encode("gbk"))
    book = Workbook()
    book.active.append(["某园区企业名单"])
    book.active.append(header)
    for row in rows:
        book.active.append(row)
    workbook = tmp_path / "near.xlsx"
    book.save(workbook)
    return src, workbook


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_column_meant_for_a_field_but_misnamed_stops_the_run_with_one_message(tmp_path: Path, lang: str) -> None:
    """营业收人2024 (meant for 营业收入（2024年）) made every row an error, and passing over it would leave
    that revenue unknown for every company: the run says it once, naming the column and the field
    meant in the user's language, exits 2 and writes nothing, for CSV and xlsx alike."""
    meant = {"zh": "您是不是想写“营业收入（2024年）”", "en": "did you mean 'Operating revenue 2024'?"}[lang]
    for table in _near_miss_tables(tmp_path):
        out = tmp_path / f"{table.suffix[1:]}-out.xlsx"
        code, _, err = invoke("batch", str(table), "-o", str(out), "--as-of", AS_OF, "--lang", lang, "--quiet")
        lines = err.strip().splitlines()
        assert code == 2 and len(lines) == 1, err
        assert "营业收人2024" in lines[0] and meant in lines[0] and str(table) in lines[0], err
        assert not out.exists() and list(tmp_path.glob(f".{out.name}*")) == []


def test_a_misnamed_column_in_a_later_table_stops_the_run_before_any_row_is_scored(tmp_path: Path) -> None:
    """A good CSV first and a workbook with 营业收人2024 second: the second's header is read before the
    first CSV's rows are scored, so the park fixes one header rather than waiting for half a run."""
    good = tmp_path / "good.csv"
    good.write_bytes(excel_csv([ZH_HEADER, *ZH_ROWS]).encode("utf-8-sig"))
    _, workbook = _near_miss_tables(tmp_path)
    out = tmp_path / "out.csv"
    code, _, err = invoke("batch", str(good), str(workbook), "-o", str(out), "--as-of", AS_OF, "--lang", "zh")
    assert code == 2 and "“营业收人2024”列" in err and "营业收入（2024年）" in err and "没有写出任何行" in err, err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["good.csv", "near.csv", "near.xlsx"]  # no partial file


def test_a_yearless_column_and_a_field_read_twice_stop_the_run_too(tmp_path: Path) -> None:
    """研发费用 without its year, or revenue given twice (its label and its id), is a mistake in the
    header, not in each row: said once, exit 2."""
    for extra, words in (("研发费用", "请在列名中写明年份"), ("financials.2025.revenue", "与“营业收入（2025年）”列是同一个项目")):
        src = tmp_path / "t.csv"
        src.write_bytes(excel_csv([[*ZH_HEADER, extra], *[[*row, "1"] for row in ZH_ROWS]]).encode("utf-8-sig"))
        code, _, err = invoke("batch", str(src), "-o", str(tmp_path / "o.csv"), "--as-of", AS_OF, "--lang", "zh",
                              "--quiet")
        assert code == 2 and words in err and len(err.strip().splitlines()) == 1, err


@pytest.mark.parametrize(("header", "meant"), [
    ("financials.2025.revenu", "'Operating revenue 2025'"),
    ("Employes", "'Employees at last year end'"),
    ("营业收人2024", "'Operating revenue 2024'"),
])
def test_an_english_run_names_the_column_meant_by_its_english_label(tmp_path: Path, header: str, meant: str) -> None:
    """`batch --lang en` on a CSV with a misnamed column suggests the field by its English label, as the
    zh message does by its zh label, never by its id (run as a user runs it, in a subprocess)."""
    src = tmp_path / "companies.csv"
    src.write_text(f"name,Operating revenue 2025,{header}\nAcme,12000,40\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "littlegiant", "batch", str(src), "-o", str(tmp_path / "out.csv"),
                           "--lang", "en", "--as-of", AS_OF], capture_output=True, text=True, encoding="utf-8",
                          cwd=tmp_path, env={**os.environ, "COLUMNS": "80"}, timeout=120)
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.strip().splitlines() == [
        f"littlegiant: error: {src}: {header}: unknown column; did you mean {meant}? No rows written; "
        f"{tmp_path / 'out.csv'} not created"], done.stderr
    assert not (tmp_path / "out.csv").exists()


@pytest.mark.parametrize(("args", "lang", "said"), [
    (["--as-of", "2026-11-26"], "zh", "评估依据：优质中小企业梯度培育管理办法（2026），评估日期 2026-11-26。"),
    (["--as-of", "2026-04-01", "--renewal", "little_giant"], "zh", "2026年度\"小巨人\"复核按2022年办法"),
    (["--as-of", "2026-04-01", "--renewal", "little_giant"], "en", "judged under Interim Measures for Cultivating "
                                                                   "Quality SMEs (2022), as of 2026-04-01."),
])
def test_a_batch_says_which_rules_judged_its_rows(tmp_path: Path, args: list[str], lang: str, said: str) -> None:
    """A .csv or JSON Lines file has no 说明 sheet: a run in a terminal says beside its count which rules
    judged the rows and why (a renewal round's notice), where a park read the set from the column
    titles alone; piped (a script's), its stderr stays the count alone."""
    out = tmp_path / "out.csv"
    cmd = [sys.executable, "-m", "littlegiant", "batch", str(EXAMPLES / "tier1-only.yaml"), "-o", str(out),
           "--lang", lang, *args]
    env = {**os.environ, "COLUMNS": "200", "LANG": "en_US.UTF-8"}
    returncode, shown = stderr_on_a_terminal(cmd, env)
    assert returncode == 0
    lines = [line for line in shown.split("\n") if line.strip()]
    assert said in " ".join(lines[:-1]) and lines[-1].startswith(("共读取 1 行", "read 1,"))
    piped = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=120, check=False)
    assert piped.stderr.startswith(("共读取 1 行", "read 1,")) and len(piped.stderr.splitlines()) == 1
