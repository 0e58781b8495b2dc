"""What park staff meet when they screen companies from their own sheets: rows that are no company,
messages that name the right row and year, notes in the order that explains them. Real files in,
the output and the terminal's words read back."""

from __future__ import annotations

import csv
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from openpyxl import Workbook
from tests.conftest import stderr_on_a_terminal
from typer.testing import CliRunner

from littlegiant.cli.app import app

runner = CliRunner()
AS_OF = "2026-11-26"
HEADER = ["企业名称", "行业", "从业人员", "营业收入（2025年）", "研发费用（2025年）", "营业收入（2024年）"]


def invoke(*args: str, as_of: str = AS_OF) -> tuple[int, str]:
    """The CLI run as a park's staff run it (zh, 80 columns): exit code and what stderr said."""
    result = runner.invoke(app, [*args, "--as-of", as_of, "--lang", "zh"], env={"LANG": "zh_CN.UTF-8", "COLUMNS": "80"})
    return result.exit_code, result.stderr


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def workbook(path: Path, rows: list[list[object]]) -> Path:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


def test_a_row_numbering_the_columns_under_the_header_is_skipped_and_said(tmp_path: Path) -> None:
    """甲 | 乙 | 1 | 2 | 3 | 4 under a template's header is no company: not scored, said with its row, counted."""
    src = workbook(tmp_path / "名单.xlsx", [HEADER, ["甲", "乙", 1, 2, 3, 4], ["甲公司", "工业", 60, 9000, 500, 8000]])
    out = tmp_path / "out.csv"
    code, err = invoke("batch", str(src), "-o", str(out))
    assert code == 0 and [r["企业名称"] for r in read_csv(out)] == ["甲公司"]
    assert "第 2 行（给各列编号的栏次行）" in err
    assert err.strip().splitlines()[-1].startswith("共读取 2 行，已评估 1 行，出错 0 行，略过 1 行")


def test_a_csv_row_of_column_numbers_alone_is_skipped_too(tmp_path: Path) -> None:
    """1 | 2 | 3 | 4 | 5 | 6 under a CSV's header (after a title line) is passed over as the workbook's is."""
    src = tmp_path / "名单.csv"
    src.write_text("园区企业名单\n" + ",".join(HEADER) + "\n1,2,3,4,5,6\n甲公司,工业,60,9000,500,8000\n", encoding="utf-8")
    out = tmp_path / "out.csv"
    code, err = invoke("batch", str(src), "-o", str(out))
    assert code == 0 and [r["企业名称"] for r in read_csv(out)] == ["甲公司"]
    assert "第 3 行（给各列编号的栏次行）" in err and "略过 1 行" in err


def test_a_company_with_small_figures_or_a_numbers_row_further_down_is_never_dropped(tmp_path: Path) -> None:
    """Only the row right under the header can number the columns: a company whose figures count 1, 2, 3
    is scored, and the same numbers further down are an error row, not a row gone missing."""
    src = workbook(tmp_path / "名单.xlsx", [HEADER, ["甲公司", "工业", 1, 2, 3, 4], ["甲", "乙", 1, 2, 3, 4]])
    out = tmp_path / "out.csv"
    code, err = invoke("batch", str(src), "-o", str(out))
    rows = read_csv(out)
    assert [(r["企业名称"], r["处理结果"]) for r in rows] == [("甲公司", "已评估"), ("甲", "出错")]
    assert code == 1 and "略过" not in err


def test_a_row_of_the_wrong_width_names_the_header_line_under_title_lines(tmp_path: Path) -> None:
    """Under two title lines the header is line 3: a row with a cell too many says so, not 第一行."""
    src = tmp_path / "名单.csv"
    src.write_text("2026年园区企业名单\n金额单位：万元\n企业名称,行业,营业收入（2025年）\n甲公司,工业,9000,5\n",
                   encoding="utf-8")
    out = tmp_path / "out.csv"
    code, _ = invoke("batch", str(src), "-o", str(out))
    (row,) = read_csv(out)
    assert code == 1 and row["错误说明"] == "这一行有 4 个单元格，但第 3 行（列名）有 3 列"
    assert row["企业名称"] == "甲公司"  # whose row it is: the error row left the name out
    # a cell too many left of the name (1,200 typed unquoted) shifts a figure under it: no name, not "200"
    src.write_text("营业收入（2025年）,企业名称,从业人员\n1,200,甲公司,45\n", encoding="utf-8")
    code, _ = invoke("batch", str(src), "-o", str(tmp_path / "shifted.csv"))
    (row,) = read_csv(tmp_path / "shifted.csv")
    assert code == 1 and row["企业名称"] == "" and row["错误说明"] == "这一行有 4 个单元格，但第 1 行（列名）有 3 列"


def test_a_header_that_is_not_text_is_said_at_its_own_line(tmp_path: Path) -> None:
    """A header with bytes that are not UTF-8 on line 2 (under a title) is refused as 第 2 行's, once."""
    src = tmp_path / "名单.csv"
    src.write_bytes("2026年园区企业名单\n企业名称,行业,营业收入（2025年）,".encode() + b"\xff\xfe\n"
                    + "甲公司,工业,9000,x\n".encode())
    code, err = invoke("batch", str(src), "-o", str(tmp_path / "out.csv"), "--encoding", "utf-8")
    assert code == 2 and "名单.csv 第 2 行：列名行不是 UTF-8 编码的文字" in err and "第一行" not in err


def test_last_years_formula_without_a_result_is_said_as_the_cause_not_as_a_missing_year(tmp_path: Path) -> None:
    """2025's revenue is a formula a script wrote and nothing computed: the row says that, first, and
    not that 2025's figures were never filled in (they were: the file only needs saving in Excel)."""
    src = workbook(tmp_path / "名单.xlsx", [
        ["企业名称", "行业", "从业人员", "营业收入（2025年）", "营业收入（2024年）", "研发费用（2024年）"],
        ["丙公司", "工业", 60, "=E2*1.1", 8000, 500]])
    out = tmp_path / "out.csv"
    code, _ = invoke("batch", str(src), "-o", str(out))
    (row,) = read_csv(out)
    assert code == 0 and row["需核对的数据"] == ("“营业收入（2025年）”是公式，但没有保存计算结果，按“未知”处理："
                                              "请在 Excel 中打开并保存后再试")


def test_an_older_years_formula_comes_first_and_a_missing_year_is_still_said(tmp_path: Path) -> None:
    """Formulas in 2024's columns (one header wrapped onto two lines) come first; 2025, truly not
    given, is still said after them, in both languages."""
    src = workbook(tmp_path / "名单.xlsx", [
        ["企业名称", "行业", "从业人员", "营业收入（2024年）", "营业收入（2023年）", "研发费用\n（2024年）"],
        ["丙公司", "工业", 60, "=E2*1.1", 8000, "=D2*0.05"]])
    out = tmp_path / "out.csv"
    code, _ = invoke("batch", str(src), "-o", str(out))
    first, stale = read_csv(out)[0]["需核对的数据"].split("；", 1)
    assert code == 0 and first.startswith("“营业收入（2024年）”、“研发费用 （2024年）”是公式，但没有保存计算结果")
    assert stale.startswith("资料中最近的年度数据是2023年的") and "2025年的数据尚未填写" in stale
    runner.invoke(app, ["batch", str(src), "-o", str(out), "--as-of", AS_OF, "--lang", "en", "--columns", "ids"])
    assert read_csv(out)[0]["warnings"].startswith("'营业收入（2024年）', '研发费用 （2024年）': a formula without")


def test_a_rename_hint_writes_the_runs_last_fiscal_year(tmp_path: Path) -> None:
    """营业收入 without a year is refused with the as-of date's last fiscal year in the hint (2026 for
    January 2027, 2025 for November 2026), as is the near miss 营业收人."""
    src = tmp_path / "名单.csv"
    src.write_text("企业名称,行业,营业收入\n甲公司,工业,9000\n", encoding="utf-8")
    near = tmp_path / "近似.csv"
    near.write_text("企业名称,行业,营业收人\n甲公司,工业,9000\n", encoding="utf-8")
    for as_of, year in (("2027-01-05", 2026), ("2026-11-26", 2025)):
        code, err = invoke("batch", str(src), "-o", str(tmp_path / "out.csv"), as_of=as_of)
        assert code == 2 and f"请在列名中写明年份，如“营业收入（{year}年）”" in err
        code, err = invoke("batch", str(near), "-o", str(tmp_path / "out.csv"), as_of=as_of)
        assert code == 2 and f"您是不是想写“营业收入（{year}年）”？" in err


def platform_criteria(path: Path) -> dict[str, str]:
    """The statuses of the 专精特新 tier's platform-score criteria in a --format json output's first row."""
    import json

    result = json.loads(path.read_text("utf-8").splitlines()[0])["result"]
    return {c["id"]: c["status"] for c in result["tiers"]["zjtx_sme"]["criteria"] if "platform" in c["id"]}


def test_last_years_evaluation_score_is_read_as_last_years_not_this_years(tmp_path: Path) -> None:
    """上年度专精特新发展评价得分 (or 发展评价得分（上年度）) of 70 counts for a renewal's 'either of the
    last two years', and leaves this year's score unknown; the plain header is this year's."""
    for header, this, last in (("上年度专精特新发展评价得分", "unknown", "met"), ("发展评价得分（上年度）", "unknown", "met"),
                               ("本年度专精特新发展评价得分", "met", "unknown")):
        src = workbook(tmp_path / "名单.xlsx", [["企业名称", "行业", "营业收入（2025年）", header], ["丁公司", "工业", 9000, 70]])
        out = tmp_path / f"{this}{last}{len(header)}.jsonl"
        code, _ = invoke("batch", str(src), "-o", str(out), "--format", "json", "--renewal", "zjtx_sme")
        statuses = platform_criteria(out)
        assert code == 0 and (statuses["zjtx26.platform_renewal.this_year"],
                              statuses["zjtx26.platform_renewal.last_year"]) == (this, last), header


def test_an_evaluation_score_with_a_year_written_out_is_refused_with_both_names(tmp_path: Path) -> None:
    """2025年专精特新发展评价得分 could be the 2025 evaluation or the one of 2025's figures: the run stops
    and names both columns it could be, rather than take it for this year's."""
    src = workbook(tmp_path / "名单.xlsx", [["企业名称", "行业", "2025年专精特新发展评价得分"], ["丁公司", "工业", 70]])
    code, err = invoke("batch", str(src), "-o", str(tmp_path / "out.csv"))
    assert code == 2 and ("列名中的年份看不出是本年度还是上一年度的评价得分：请按实际内容把列名改为"
                          "“本年度专精特新发展评价得分（官方平台）”或“上一年度专精特新发展评价得分（复核用）”") in err


def test_a_company_given_twice_in_json_lines_or_a_folder_is_noted_as_in_a_sheet(tmp_path: Path) -> None:
    """甲公司 on two JSON lines (spaces aside) and again in a folder's profile files is noted on each later
    row with where it was first met; both rows are scored; a file given twice says so; a broken line or
    profile is an error row as before."""
    lines = tmp_path / "名单.jsonl"
    lines.write_text('{"name": "甲公司", "industry": "industrial"}\n\n{"name": " 甲公司 ", "industry": "industrial"}\n'
                     '{broken\n{"name": "乙公司"}\n', encoding="utf-8")
    folder = tmp_path / "资料"
    folder.mkdir()
    (folder / "a.yaml").write_text("name: 乙公司\nindustry: industrial\n", encoding="utf-8")
    (folder / "b.yaml").write_text("name: [\n", encoding="utf-8")
    (folder / "c.json").write_text('{"name": "丙公司"}', encoding="utf-8")
    out = tmp_path / "out.csv"
    code, _ = invoke("batch", str(lines), str(folder), str(lines), "-o", str(out))
    rows = [(r["来源（文件:行）"].rsplit("/", 1)[-1], r["处理结果"], r["需核对的数据"]) for r in read_csv(out)]
    same = "的企业名称相同，可能重复填写了同一家企业（两行都列在结果中）"
    again = "这个文件在输入中出现了两次，这一行与前面读到的重复（两行都列在结果中）"
    first = f"{lines}:1"
    assert code == 1 and rows == [
        ("名单.jsonl:1", "已评估", ""), ("名单.jsonl:3", "已评估", f"与“{first}”{same}"), ("名单.jsonl:4", "出错", ""),
        ("名单.jsonl:5", "已评估", ""), ("a.yaml", "已评估", f"与“{lines}:5”{same}"), ("b.yaml", "出错", ""),
        ("c.json", "已评估", ""), ("名单.jsonl:1", "已评估", again), ("名单.jsonl:3", "已评估", again),
        ("名单.jsonl:4", "出错", ""), ("名单.jsonl:5", "已评估", again)]


def test_a_latin_name_given_twice_is_noted_whatever_its_case_and_spaces(tmp_path: Path) -> None:
    """Good Co, GOOD  co and goodco are one name to a sheet's reader (norm): the JSON lines fold them
    alike, and Good Co. stays another company."""
    lines = tmp_path / "list.jsonl"
    lines.write_text("".join(f'{{"name": "{n}", "industry": "industrial"}}\n'
                             for n in ("Good Co", " GOOD  co ", "goodco", "Good Co.")), encoding="utf-8")
    out = tmp_path / "out.csv"
    invoke("batch", str(lines), "-o", str(out))
    same = f"与“{lines}:1”的企业名称相同，可能重复填写了同一家企业（两行都列在结果中）"
    assert [r["需核对的数据"] for r in read_csv(out)] == ["", same, same, ""]


def test_a_folder_of_profiles_scored_on_workers_keeps_its_notes(tmp_path: Path) -> None:
    """With --jobs 2 a folder's duplicate is noted as on one process, and in the full result's notes."""
    folder = tmp_path / "资料"
    folder.mkdir()
    for name in ("a", "b"):
        (folder / f"{name}.yaml").write_text("name: 甲公司\nindustry: industrial\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    code, _ = invoke("batch", str(folder), "-o", str(out), "--jobs", "2", "--format", "json")
    import json

    notes = [json.loads(line).get("notes") for line in out.read_text("utf-8").splitlines()]
    assert code == 0 and notes == [None, [f"与“{folder / 'a.yaml'}”的企业名称相同，可能重复填写了同一家企业（两行都列在结果中）"]]


NOTE_TEXT = st.lists(st.sampled_from(["littlegiant 提示：", "：园区企业名单.xlsx:企业名单 ", "中以下列与评估无关，不参与评估（原样附在结果最后）：", "“序号”",
                                      "、", "（参考）", "columns passed over, as they name", " ", "研发费用占比", "2025年",
                                      "8,000万元", "'联系电话'", "；", "。"]), min_size=1, max_size=40).map("".join)


@given(NOTE_TEXT, st.integers(min_value=40, max_value=120))
def test_a_fitted_note_keeps_its_words_and_fits_the_terminal(text: str, width: int) -> None:
    """Fitted to a terminal, a note holds the same words in the same order, no line is wider than the
    terminal or starts with a closing mark, and a file name is never cut in two."""
    from rich.cells import cell_len

    from littlegiant.cli.notelines import INDENT, fitted

    lines = fitted(text, width).split("\n")
    assert "".join(line.removeprefix(INDENT) for line in lines).replace(" ", "") == text.replace(" ", "")
    assert all(cell_len(line) <= width for line in lines)
    assert all(line.removeprefix(INDENT)[:1] not in "，。、；：）”" for line in lines[1:])
    assert text.count("园区企业名单.xlsx:企业名单") == sum(line.count("园区企业名单.xlsx:企业名单") for line in lines)


def test_batch_notes_on_an_80_column_terminal_are_broken_between_words(tmp_path: Path) -> None:
    """Run in a real terminal 80 columns wide, a park sheet's notes come out in lines of at most 80
    cells, the later ones indented, the sheet's name whole; written to a file they stay one line each."""
    import os
    import subprocess
    import sys

    from rich.cells import cell_len

    src = workbook(tmp_path / "苏州工业园区重点企业经营情况表.xlsx", [
        ["企业名称", "行业", "从业人员", "营业收入（2025年）", "联系人", "联系电话", "研发费用占比（参考）"],
        ["甲", "乙", 1, 2, 3, 4, 5], ["甲公司", "工业", 60, 9000, "张三", "123", "5%"], ["合计", "", "", 9000]])
    args = [sys.executable, "-m", "littlegiant", "batch", str(src.name), "-o", "out.csv", "--lang", "zh", "--as-of", AS_OF]
    env = {**os.environ, "COLUMNS": "80", "LINES": "40", "LANG": "zh_CN.UTF-8"}
    returncode, shown = stderr_on_a_terminal(args, env, tmp_path)  # the screen's text
    lines = [line for line in shown.split("\n") if line.strip() and "━" not in line]  # the progress bar aside
    assert returncode == 0 and all(cell_len(line) <= 80 for line in lines)
    assert any(line.startswith("  ") for line in lines)
    joined = "".join(line.strip() for line in lines)
    assert "以下列与评估无关，不参与评估（原样附在结果最后）：“联系人”、“联系电话”、“研发费用占比（参考）”" in joined
    assert "第 2 行（给各列编号的栏次行）、第 4 行（合计行）" in joined
    assert all(line.count("苏州工业园区重点企业经营情况表.xlsx:Sheet") == 1 for line in lines
               if line.startswith("littlegiant 提示"))
    piped = subprocess.run(args, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120, check=False)
    assert [line.startswith("littlegiant 提示：") for line in piped.stderr.splitlines()[:-1]] == [True] * 4


def test_full_results_with_notes_are_known_as_results_both_ways(tmp_path: Path) -> None:
    """A --format json output whose first row carries a note (甲公司 given twice) is batch's own: a run
    repeated writes it anew, and given back as the list of companies it is refused as results."""
    lines = tmp_path / "名单.jsonl"
    lines.write_text('{"name": "甲公司"}\n{"name": "甲公司"}\n', encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert invoke("batch", str(lines), str(lines), "-o", str(out), "--format", "json")[0] == 0
    assert '"notes": ["这个文件在输入中出现了两次' in out.read_text("utf-8").splitlines()[2]
    assert invoke("batch", str(lines), "-o", str(out), "--format", "json")[0] == 0
    (tmp_path / "again.jsonl").write_text(out.read_text("utf-8").splitlines()[1] + "\n", encoding="utf-8")
    code, err = invoke("batch", str(tmp_path / "again.jsonl"), "-o", str(tmp_path / "x.csv"))
    assert code == 2 and "这是批量评估输出的结果文件，不是企业名单" in err


def test_a_company_named_like_a_column_letter_is_still_a_company(tmp_path: Path) -> None:
    """丁 with 0, 1 (or 甲 with 1, 2, 3) right under the header is a company with small figures, not a row
    of column numbers: only letters from 甲 (two or more) or numbers from 1 mark a numbering row."""
    for row in (["丁", "工业", 0, 1], ["甲", "工业", 1, 2], ["甲", 1, 2, 3]):
        src = workbook(tmp_path / "名单.xlsx", [HEADER[:4], row])
        out = tmp_path / "out.csv"
        _, err = invoke("batch", str(src), "-o", str(out))
        assert [r["企业名称"] for r in read_csv(out)] == [row[0]] and "略过" not in err, row


def test_a_latin_name_in_a_sheet_and_in_json_lines_is_one_company_whatever_its_case(tmp_path: Path) -> None:
    """ABC Ltd in a CSV and abc in JSON Lines: the sheet folds case, so the JSON line must too."""
    sheet = tmp_path / "名单.csv"
    sheet.write_text("企业名称,行业\nABC,工业\n", encoding="utf-8")
    lines = tmp_path / "名单.jsonl"
    lines.write_text('{"name": "abc", "industry": "industrial"}\n', encoding="utf-8")
    out = tmp_path / "out.csv"
    invoke("batch", str(sheet), str(lines), "-o", str(out))
    notes = [r["需核对的数据"] for r in read_csv(out)]
    assert notes[0] == "" and notes[1] == f"与“{sheet}:2”的企业名称相同，可能重复填写了同一家企业（两行都列在结果中）"
