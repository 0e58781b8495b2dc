"""`littlegiant batch`: every input row becomes an output row, errors explained, exit codes kept."""

from __future__ import annotations

import codecs
import concurrent.futures
import csv
import errno
import io
import json
import os
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

import pexpect
import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st
from tests.conftest import EARLIER_CSV, EXAMPLES
from typer.testing import CliRunner

from littlegiant.cli import batch as batching
from littlegiant.cli.app import app
from littlegiant.report.table import Labels, ScoreRange, inert, result_words, text_cells

runner = CliRunner()
HEADER = "name,industry,employees,financials.2025.revenue,financials.2025.rd_expense,registered_in_china\n"
GOOD = "Good Co,industrial,100,5000,200,true\n"


def batch(*args: str) -> tuple[int, str]:
    """``littlegiant batch`` as a script runs it: a .csv output headed with the stable ids."""
    result = runner.invoke(app, ["batch", "--as-of", "2026-11-26", "--columns", "ids", *args],
                           env={"LANG": "en_US.UTF-8"})
    return result.exit_code, result.stderr


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_broken_rows_are_accounted_for(tmp_path: Path) -> None:
    src = tmp_path / "in.csv"
    src.write_bytes((HEADER + GOOD
                     + "Bad number,industrial,lots,5000,200,true\n"
                     + "Bad industry,banking,100,5000,200,true\n"
                     + "Negative,industrial,100,-1,200,true\n"
                     + "Short,industrial\n"
                     + "Extra,industrial,100,5000,200,true,surplus\n"
                     + "Blank cells,industrial,,,,\n").encode("utf-8")
                    + b"Bytes,industrial,5,\xff\xfe,1,true\n")
    out = tmp_path / "out.csv"
    code, err = batch(str(src), "--output", str(out))
    assert code == 1
    assert err.strip().endswith(f"read 8, scored 2, errors 6 -> {out}")
    rows = read_csv(out)
    assert len(rows) == 8
    by_line = {r["source"].rsplit(":", 1)[1]: r for r in rows}
    assert by_line["2"]["status"] == "scored" and by_line["2"]["sme_size"] == "small"
    assert by_line["3"]["error"] == "employees: expected a whole number, got 'lots'"
    assert by_line["4"]["error"].startswith("industry: got text 'banking'; a manufacturer of any kind is 'industrial' "
                                            "(expected one of agriculture")
    assert by_line["5"]["error"] == "financials.2025.revenue: expected an amount that is not negative, got -1"
    assert by_line["6"]["error"] == "the row has 2 cells but the header (line 1) has 6 columns"
    assert by_line["7"]["error"] == "the row has 7 cells but the header (line 1) has 6 columns"
    assert by_line["8"]["status"] == "scored" and by_line["8"]["innovative_sme_status"] == "unknown"
    assert by_line["9"]["error"].startswith("the row is not text in any encoding tried (UTF-8, GB18030/GBK")


def test_a_jsonl_row_keyed_by_sheet_headers_is_told_how_a_profile_writes_them(tmp_path: Path) -> None:
    """A JSON Lines row is a profile (CONTRACT.md), so 企业名称 stays an error; but it is a header batch reads from a
    CSV, and the row was told only "unknown field" with every id: each cell now names what to write instead.
    A key that is no header (a typo) keeps the usual message; a profile file keyed so is refused alike."""
    lines = tmp_path / "in.jsonl"
    lines.write_text(json.dumps({"企业名称": "甲公司", "营业收入（2025年）": 5000, "revenu": 1}, ensure_ascii=False) + "\n",
                     encoding="utf-8")
    out = tmp_path / "out.csv"
    code, err = batch(str(lines), "--output", str(out))
    (row,) = read_csv(out)
    assert (code, err.strip(), row["status"]) == (1, f"read 1, scored 0, errors 1 -> {out}", "error")
    problems = row["error"].split("\n")
    assert problems[:2] == [
        "企业名称: a sheet's column header, not a profile key: a profile (and each JSON Lines row) writes it as name: …",
        "营业收入（2025年）: a sheet's column header, not a profile key: a profile (and each JSON Lines row) writes it as "
        "financials: {2025: {revenue: …}}"]
    assert len(problems) == 3 and problems[2].startswith("revenu: unknown field (expected one of: awards, "), problems
    profile = tmp_path / "p.yaml"
    profile.write_text("企业名称: 甲公司\n", encoding="utf-8")
    said = runner.invoke(app, ["assess", str(profile), "--lang", "zh"], env={"LANG": "zh_CN.UTF-8"})
    assert (said.exit_code, said.stderr) == (2, f"littlegiant 出错：{profile} 第 1 行：“企业名称”是表格的列名：档案（及 JSON Lines "
                                                "的每一行）里应写作 name: …\n")


def test_folder_and_jsonl_with_full_results(tmp_path: Path) -> None:
    lines = tmp_path / "in.jsonl"
    lines.write_text(json.dumps({"name": "J", "industry": "retail", "employees": 12}) + "\n{oops\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    code, err = batch(str(EXAMPLES), str(lines), "--output", str(out), "--format", "json")
    assert code == 1
    rows = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    n_examples = len(list(EXAMPLES.glob("*.yaml")))
    assert len(rows) == n_examples + 2
    scored = {Path(r["source"]).name: r for r in rows if r["status"] == "scored"}
    assert scored["little-giant-2026.yaml"]["result"]["tiers"]["little_giant"]["status"] == "manual_review"
    assert rows[-1]["status"] == "error" and rows[-1]["error"].startswith("invalid JSON")
    assert f"read {n_examples + 2}, scored {n_examples + 1}, errors 1" in err


def test_a_folder_scores_the_lists_in_it_and_names_the_files_it_does_not_read(tmp_path: Path) -> None:
    """A park officer drops profiles, a CSV list and an Excel list into one folder: all their companies are
    scored (the lists were skipped without a word, exit 0), and a note names each file and folder not read
    and why; Office's lock file of an open list is no one's input and passes silently. An old .xls list in
    the folder is named with how to save it as .xlsx, without stopping the other lists (the run exits 1 for
    it: test_a_spreadsheet_not_read_in_a_folder_fails_the_run). Results written
    into the folder itself (a run repeated, its partial file while it writes) are not read as lists: the
    output and an earlier run's results are passed over, the latter named."""
    import openpyxl

    folder = tmp_path / "园区企业"
    folder.mkdir()
    (folder / "a.yaml").write_text((EXAMPLES / "tier1-only.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "名单.csv").write_text("企业名称,行业,从业人员,2025年营业收入（万元）\n甲公司,工业,100,5000\n乙公司,工业,80,3000\n",
                                    encoding="utf-8")
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in (["企业名称", "行业", "从业人员", "2025年营业收入（万元）"], ["丙公司", "工业", 50, 2000], ["丁公司", "工业", 60, 2500]):
        sheet.append(row)
    book.save(folder / "园区.xlsx")
    (folder / "~$园区.xlsx").write_bytes(b"\x05owner")
    (folder / "说明.txt").write_text("二〇二六年重点企业\n", encoding="utf-8")
    (folder / "旧名单").mkdir()
    out = tmp_path / "结果.csv"
    done = runner.invoke(app, ["batch", str(folder), "-o", str(out), "--lang", "zh", "--as-of", "2026-11-26", "-q"])
    names = [row[1] for row in csv.reader(out.read_text(encoding="utf-8-sig").splitlines()[1:])]
    assert done.exit_code == 0, done.stderr
    assert sorted(names[1:]) == ["丁公司", "丙公司", "乙公司", "甲公司"] and len(names) == 5
    said = done.stderr.replace("\n", "")
    assert f"littlegiant 提示：文件夹 {folder} 中有 2 个文件未读取：旧名单/、说明.txt。文件夹里只读取企业信息文件" in said
    assert "~$" not in said and "共读取 5 行，已评估 5 行，出错 0 行" in said

    (folder / "老名单.xls").write_bytes(b"\xd0\xcf\x11\xe0")
    inside = folder / "结果.xlsx"
    for _ in range(2):  # written into the folder it reads, then again over its own results
        done = runner.invoke(app, ["batch", str(folder), "-o", str(inside), "--lang", "zh", "-q"])
        said = done.stderr.replace("\n", "")
        assert done.exit_code == 1 and "共读取 5 行，已评估 5 行，出错 0 行，1 个文件无法读取" in said, said
        assert "2 个文件未读取：旧名单/、说明.txt" in said and "1 个表格文件无法读取，其中的企业都不在结果里：老名单.xls" in said
        assert "partial" not in said and not [f for f in folder.iterdir() if "partial" in f.name]
    (folder / "老名单.xls").unlink()
    done = runner.invoke(app, ["batch", str(folder), "-o", str(tmp_path / "再次.csv"), "--lang", "zh", "-q"])
    said = done.stderr.replace("\n", "")
    assert done.exit_code == 0 and "共读取 5 行，已评估 5 行，出错 0 行 →" in said
    assert f"文件夹 {folder} 中有 1 个文件未读取：结果.xlsx：这是以前批量评估输出的结果，不是企业名单" in said


@pytest.mark.parametrize("name", ["老名单.xls", "园区名单.et", "名单.ods", "名单.xlsb"])
def test_a_spreadsheet_not_read_in_a_folder_fails_the_run(tmp_path: Path, name: str) -> None:
    """A park's folder with a CSV list and an old .xls list (or WPS's .et, LibreOffice's .ods): the .xls
    companies were missing from the results with only a note among others, exit 0, a run that looked clean.
    The note names the file and how to save it as .xlsx, the closing line counts it, the run exits 1 as for
    rows in error, and the results workbook's 说明 sheet keeps the note; the CSV's companies are all scored."""
    import openpyxl

    folder = tmp_path / "园区企业"
    folder.mkdir()
    (folder / "名单.csv").write_text("企业名称,行业,从业人员,2025年营业收入（万元）\n甲公司,工业,100,5000\n",
                                    encoding="utf-8")
    (folder / name).write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
    out = tmp_path / "结果.xlsx"
    done = runner.invoke(app, ["batch", str(folder), "-o", str(out), "--lang", "zh", "--as-of", "2026-11-26", "-q"])
    lines = done.stderr.splitlines()
    assert done.exit_code == 1, done.stderr
    note = (f"littlegiant 提示：文件夹 {folder} 中有 1 个表格文件无法读取，其中的企业都不在结果里：{name}。"
            "请在 Excel 或 WPS 中打开，“另存为”Excel 工作簿（.xlsx）后再运行")
    assert note in lines and lines[-1] == f"共读取 1 行，已评估 1 行，出错 0 行，1 个文件无法读取（见上方提示） → {out}"
    book = openpyxl.load_workbook(out, read_only=True)
    assert [r[1] for r in book["评估结果"].iter_rows(min_row=2, values_only=True)] == ["甲公司"]
    assert note.removeprefix("littlegiant 提示：") in [r[1] for r in book["说明"].iter_rows(values_only=True)]
    book.close()
    done = runner.invoke(app, ["batch", str(folder), "-o", str(tmp_path / "结果.jsonl"), "--lang", "en", "-q"])
    assert done.exit_code == 1 and done.stderr.splitlines()[-1].startswith("read 1, scored 1, errors 0, 1 file not read")


CONTACTS = "姓名,电话,邮箱\n张三,13800000000,zhang@example.cn\n李四,13900000000,li@example.cn\n"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_contacts_list_in_a_folder_is_passed_over_and_refused_when_named(tmp_path: Path, lang: str) -> None:
    """A contacts list (姓名, 电话, 邮箱) dropped in a park's folder was scored as a company of unknowns
    a row, with no name, exit 0. In a folder it is passed over and named with why, the other lists
    scored; named on the command line it is refused in one line, exit 2, nothing written. A list whose
    only known column is the company's name, or whose one column is meant for a field, is still read."""
    folder = tmp_path / "园区"
    folder.mkdir()
    (folder / "联系人.csv").write_text(CONTACTS, encoding="utf-8-sig")
    (folder / "联系人二.tsv").write_text(CONTACTS.replace(",", "\t"), encoding="gb18030")
    (folder / "名单.csv").write_text("企业名称,联系人,电话\n甲公司,张三,138\n", encoding="utf-8")
    out = tmp_path / "结果.csv"
    done = runner.invoke(app, ["batch", str(folder), "-o", str(out), "--lang", lang, "--as-of", "2026-11-26", "-q"])
    said = done.stderr.replace("\n", "")
    assert done.exit_code == 0, said
    assert [row[1] for row in csv.reader(out.read_text(encoding="utf-8-sig").splitlines()[1:])] == ["甲公司"]
    assert {"zh": f"文件夹 {folder} 中有 2 个文件未读取：联系人.csv、联系人二.tsv：没有一列是评估要用的数据，不是企业名单",
            "en": f"{folder}: 2 files not read: 联系人.csv, 联系人二.tsv: no column holds anything the criteria read, "
                  "not lists of companies"}[lang] in said, said

    for named in ([folder / "联系人.csv"], [folder / "名单.csv", folder / "联系人二.tsv"]):
        done = runner.invoke(app, ["batch", *map(str, named), "-o", str(tmp_path / "再次.csv"), "--lang", lang, "-q"])
        *notes, line = done.stderr.strip().splitlines()  # 名单.csv's columns passed over are noted
        assert done.exit_code == 2 and str(named[-1]) in line and len(notes) == len(named) - 1, done.stderr
        assert {"zh": "没有一列是评估要用的数据（企业名称、行业、各项数字等），不是企业名单",
                "en": "no column holds anything the criteria read (a company's name, industry, figures), so this is "
                      "not a list of companies"}[lang] in line
        assert not (tmp_path / "再次.csv").exists()

    (folder / "联系人.csv").write_text("姓名,营业收入\n张三,100\n", encoding="utf-8")  # which year? said by name
    done = runner.invoke(app, ["batch", str(folder / "联系人.csv"), "-o", str(tmp_path / "再次.csv"), "--lang", lang])
    assert done.exit_code == 2 and "不是企业名单" not in done.stderr and "not a list" not in done.stderr, done.stderr


@pytest.mark.parametrize(("jobs", "block"), [("1", batching.BLOCK_BYTES), ("2", batching.BLOCK_BYTES), ("1", 16), ("2", 16)])
def test_jsonl_lines_are_parsed_where_they_are_scored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                       jobs: str, block: int) -> None:
    """JSON Lines travel as blocks of bytes to whichever process scores them; each line keeps its number,
    a bad line is still its own row, a block smaller than a line changes nothing, and a byte-order mark
    (Windows editors' "UTF-8") is not part of the first line."""
    monkeypatch.setattr(batching, "BLOCK_BYTES", block)
    good = json.dumps({"name": "Decimal Co", "industry": "industrial", "employees": 10,
                       "financials": {"2025": {"revenue": 1000.25}}}).encode("utf-8")
    src = tmp_path / "in.jsonl"
    src.write_bytes(codecs.BOM_UTF8 + good + b"\n\n  \n" + b'{"name": "Caf\xe9"}\n' + b"[1, 2]\n"
                    + b'{"financials": {"2025": {"revenue": -5}}}\n' + b"{oops\n" + good + b"\r\n"
                    + b"[" * 100_000 + b"]" * 100_000 + b"\n" + b'{"employees": NaN}\n' + good)
    out = tmp_path / "out.csv"
    code, err = batch(str(src), "--output", str(out), "--jobs", jobs)
    assert code == 1
    assert err.strip().endswith(f"read 9, scored 3, errors 6 -> {out}")
    rows = {r["source"].rsplit(":", 1)[1]: r for r in read_csv(out)}
    assert list(rows) == ["1", "4", "5", "6", "7", "8", "9", "10", "11"]  # blank lines 2 and 3 are not companies
    assert rows["1"]["status"] == rows["8"]["status"] == rows["11"]["status"] == "scored"
    assert rows["1"]["sme_size"] == "micro"
    assert rows["4"]["error"] == "the line is not UTF-8 text"
    assert rows["5"]["error"] == ('expected a JSON object of profile fields such as {"name": "Acme Ltd", "employees": 120}, '
                                  "got a list")
    assert rows["6"]["error"] == "financials.2025.revenue: expected an amount that is not negative, got -5"
    assert rows["7"]["error"].startswith("invalid JSON: Expecting property name")
    assert rows["9"]["error"] == "invalid JSON: nested too deeply"
    assert rows["10"]["error"] == "employees: expected a whole number, got nan"


def test_all_good_exits_0_and_jobs_keep_order(tmp_path: Path) -> None:
    src = tmp_path / "in.csv"
    src.write_text(HEADER + "".join(f"Co {i},industrial,{10 + i},{1000 + i},{i},true\n" for i in range(150)), encoding="utf-8")
    one, many = tmp_path / "one.csv", tmp_path / "many.csv"
    assert batch(str(src), "--output", str(one))[0] == 0
    assert batch(str(src), "--output", str(many), "--jobs", "2")[0] == 0
    assert read_csv(one) == read_csv(many)
    assert [r["name"] for r in read_csv(many)] == [f"Co {i}" for i in range(150)]


def test_default_jobs_spread_a_long_input_and_keep_its_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Past the first rows the default hands the rest to workers; the output is the same, in order."""
    monkeypatch.setattr(batching, "AUTO_JOBS_AFTER", 40)
    monkeypatch.setattr(batching, "CHUNK_ROWS", 16)
    monkeypatch.setattr(batching, "cpu_count", lambda: 2)
    src = tmp_path / "in.csv"
    src.write_text(HEADER + "".join(f"Co {i},industrial,{10 + i},{1000 + i},{i},true\n" for i in range(300))
                   + "Bad,industrial,lots,1,1,true\n", encoding="utf-8")
    auto, one = tmp_path / "auto.csv", tmp_path / "one.csv"
    code, err = batch(str(src), "--output", str(auto))
    assert (code, err.strip().splitlines()[-1]) == (1, f"read 301, scored 300, errors 1 -> {auto}")
    assert batch(str(src), "--output", str(one), "--jobs", "1")[0] == 1
    assert read_csv(auto) == read_csv(one)
    assert [r["name"] for r in read_csv(auto)][:-1] == [f"Co {i}" for i in range(300)]


@pytest.mark.parametrize(("args", "message"), [
    (["missing.csv", "--output", "OUT"], "missing.csv: no such file or folder"),
    (["README", "--output", "OUT"], "expected a .csv, .xlsx or .jsonl file (or text saved from Excel as .txt or .tsv), "
                                    "a profile file, or a folder of profiles"),
    (["IN", "--output", "out.txt"], "--output: expected an output file ending in .csv, .jsonl or .xlsx"),
    (["IN", "--output", "OUT", "--jobs", "0"], "--jobs: expected 1 or more"),
    (["IN", "--output", "OUT", "--format", "json"], "--output: --format json rows need a .jsonl output"),
])
def test_unreadable_input_exits_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], message: str) -> None:
    monkeypatch.chdir(tmp_path)
    Path("IN").mkdir()
    Path("README").write_text("x", encoding="utf-8")
    code, err = batch(*[str(tmp_path / "o.csv") if a == "OUT" else a for a in args])
    assert code == 2
    assert message in err and len(err.strip().splitlines()) == 1


def test_advice_puts_the_checked_plans_first_step_after_the_gap(tmp_path: Path) -> None:
    """--advice keeps what holds the row back and adds the first step of the tier's checked plan: the
    round it is for, never a figure of a closed year (the gap search alone advised 2025's R&D
    expense, which the audited accounts fix), and the plan's --set arguments for a script."""
    out = tmp_path / "advice.csv"
    code, _ = batch(str(EXAMPLES / "tier1-only.yaml"), "--output", str(out), "--advice", "--lang", "en", "--columns", "ids")
    assert code == 0
    (row,) = read_csv(out)
    gap, _, step = row["next_step"].partition("  ⇒ ")
    assert gap == ("zjtx_sme: zjtx26.niche_years — At least 3 years in the niche market at last year end (now 2 years); "
                   "R&D expense last year at least 1 million CNY (now 900,000 CNY); 3 more")
    assert step.startswith("Specialised and sophisticated SME (专精特新中小企业): earliest in 2028 (on 2027 figures), "
                           "only if R&D expense 2026 reaches 100 (10k CNY) in the 36 days left of 2026, else earliest in 2029; "
                           "Meets Technology-based and innovative SME: "
                           "apply for it first; 7 more, and with all done it meets it  [--set ")
    assert "financials.2025." not in step and "--set niche_years=4" in step
    plain = tmp_path / "plain.csv"
    batch(str(EXAMPLES / "tier1-only.yaml"), "--output", str(plain), "--lang", "en", "--columns", "ids")
    (fast,) = read_csv(plain)
    assert {k: v for k, v in fast.items() if k != "next_step"} == {k: v for k, v in row.items() if k != "next_step"}
    # without --advice (a park's screening of thousands) the first failing criterion by its title and
    # what the company has of it: the report's other words need the tier's full rows, a third of a row's cost
    assert fast["next_step"] == ("zjtx_sme: zjtx26.niche_years — At least 3 years in the niche market at last year end"
                                 " (now 2 years)")
    words = tmp_path / "words.csv"
    runner.invoke(app, ["batch", "--as-of", "2026-11-26", str(EXAMPLES / "tier1-only.yaml"), "--output", str(words),
                        "--advice", "--lang", "en"])
    (said,) = read_csv(words)
    assert said["What holds it back"] == ("Specialised and sophisticated SME (专精特新中小企业): "
                                          "At least 3 years in the niche market at last year end (now 2 years); "
                                          "R&D expense last year at least 1 million CNY (now 900,000 CNY); 3 more")
    assert said["Next step"] == step.split("  [--set ")[0]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_ctrl_c_keeps_the_rows_written_and_says_how_many(tmp_path: Path, jobs: str) -> None:
    """Ctrl-C reaches the whole process group, as from a terminal: workers leave it to the parent,
    which closes the output with whole rows only and says how many, without a traceback."""
    line = json.dumps({"name": "Co", "industry": "industrial", "employees": 50,
                       "financials": {"2025": {"revenue": 3000, "rd_expense": 150}}})
    src = tmp_path / "big.jsonl"
    src.write_text((line + "\n") * 200_000, encoding="utf-8")
    out = tmp_path / "out.csv"
    out.write_text(EARLIER_CSV, encoding="utf-8")
    child = subprocess.Popen([sys.executable, "-m", "littlegiant", "batch", str(src), "--output", str(out),
                              "--as-of", "2026-11-26", "--jobs", jobs, "--columns", "ids"],
                             stderr=subprocess.PIPE, text=True, start_new_session=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not any(p.stat().st_size > 20_000 for p in tmp_path.glob("out.partial-*.csv")):
        time.sleep(0.05)
    os.killpg(child.pid, signal.SIGINT)
    _, err = child.communicate(timeout=60)
    assert child.returncode == 130
    assert "Traceback" not in err
    (message,) = err.strip().splitlines()
    written = int(message.split("; ")[1].split(" ")[0])
    (partial,) = tmp_path.glob("out.partial-*.csv")
    assert message == f"littlegiant: interrupted; {written} {'row' if written == 1 else 'rows'} written to {partial} ({out} left as it was)"
    assert out.read_text(encoding="utf-8") == EARLIER_CSV
    rows = read_csv(partial)
    assert 0 < written == len(rows) < 200_000
    assert all(r["status"] == "scored" and r["next_step"] for r in rows)


@given(st.lists(st.text(alphabet=st.sampled_from('ab ,"\r\n\t;\'é—，=+-@1'), max_size=6),
                min_size=len(batching.SUMMARY_COLUMNS), max_size=len(batching.SUMMARY_COLUMNS)),
       st.integers(0, 120), st.floats(0, 100, allow_nan=False))
def test_csv_lines_are_what_the_csv_module_writes(cells: list[str], whole: int, part: float) -> None:
    """Summary lines are joined by hand when no cell needs quoting; every line is still exactly the
    csv module's, quotes, commas, line breaks and numbers included (text cells made formula-inert)."""
    row: list[object] = list(cells)
    row[batching.SUMMARY_COLUMNS.index("innovative_sme_score")] = whole
    row[batching.SUMMARY_COLUMNS.index("zjtx_sme_score")] = part
    job = batching.Job(batching.Scorer("miit-2026", date(2026, 11, 26), False, "en", False, "x"), csv_rows=True)
    job.line(row)
    expected = io.StringIO()
    text_cells = ("source", "name", "error", "next_step", "credit_code", "seq_no")
    csv.writer(expected).writerow([inert(str(c)) if col in text_cells else c
                                   for col, c in zip(batching.SUMMARY_COLUMNS, row, strict=True)])
    assert job._lines == [expected.getvalue()]


def json_cells(row: list[object]) -> list[object]:
    """A summary row's cells as JSON Lines has them, in JSONL_COLUMNS order (the reference _json_line is
    held to): a score is null with its range's ends, or the score three times; an empty cell is null."""
    out: list[object] = []
    for i, cell in enumerate(row):
        if i not in batching._SCORES:
            out.append(None if cell == "" else cell)
        elif isinstance(cell, ScoreRange):
            out += (None, cell.low, cell.high)
        else:
            out += (None, None, None) if cell == "" else (cell, cell, cell)
    return out


@given(st.lists(st.one_of(st.text(), st.integers(-10**30, 10**30), st.floats(), st.none(), st.booleans(), st.just(""),
                          st.builds(ScoreRange, st.one_of(st.integers(0, 100), st.floats(0, 100)),
                                    st.one_of(st.integers(0, 100), st.floats(0, 100)))),
                min_size=len(batching.SUMMARY_COLUMNS), max_size=len(batching.SUMMARY_COLUMNS)))
def test_json_lines_are_what_json_dumps_writes(row: list[object]) -> None:
    """Summary JSON Lines are joined by hand; every line is still exactly json.dumps of the row's
    dict of JSON Lines cells (ensure_ascii off), escapes, lone surrogates, big and odd numbers, empty
    cells and score ranges included, in any cell."""
    job = batching.Job(batching.Scorer("miit-2026", date(2026, 11, 26), False, "en", False, "x"), csv_rows=False)
    job.line(row)
    cells = json_cells(row)
    assert job._lines == [json.dumps(dict(zip(batching.JSONL_COLUMNS, cells, strict=True)), ensure_ascii=False) + "\n"]


NEXT_STEPS = ["", "zjtx_sme: zjtx26.niche_years — At least 3 years", "zjtx_sme: zjtx26.niche_years — At least 3 years (now 1)",
              "zjtx_sme: zjtx26.niche_years — 达到3年以上（现为2年）", "innovative_sme: gate.x — red line: a — b",
              "innovative_sme: gate.x — =1", "little_giant: lg.a b — c", "zjtx_sme — no criterion", "no dash at all",
              "=zjtx_sme: a — b", "zjtx_sme: zjtx26.niche_years — \n", "zjtx_sme:  ⇒ Apply  [--set a=1]",
              "zjtx_sme: zjtx26.niche_years — At least 3 years  ⇒ Apply in May  [--set ip.class1=2]",
              "other: x.y — title"]
"""Next-step cells: screening cells, figures after the title, red lines, heads that are no screening cell
(a space in the criterion, no criterion, no dash), --advice steps, text a spreadsheet would run."""


@given(st.lists(st.tuples(st.sampled_from(["Plain Co", "=1+1", "", "-5", 'A, "B"']),
                          st.sampled_from([60, 60.0, 59.5, "", "55-60"]),
                          st.sampled_from(["", "-5%?", "研发费用高于营业收入"]),
                          st.sampled_from(["", "91320500MA1XXXXX1A", "=HYPERLINK(1)", "0"]),
                          st.sampled_from(["", 1, "007", 0]),
                          st.sampled_from(NEXT_STEPS), st.sampled_from(["unknown", "unmet", "manual_review"])),
                min_size=1, max_size=8),
       st.sampled_from(["zh", "en"]), st.booleans())
def test_rows_in_words_are_their_own_whatever_rows_came_before(
        rows: list[tuple[str, object, str, str, object, str, str]], lang: str, advice: bool) -> None:
    """A .csv in words keeps the words of the rows it wrote (all but the source, the name, the
    input's 信用代码 and 序号 and the figure after a next step's title, worded once for rows that share
    them); each line is still its own row's result_words as the csv module writes it: names and codes
    made inert row by row, a score of 60.0 not written as the 60 of a row before, no row given another's
    信用代码 or 序号, nor the next step or its status's words of another."""
    labels = Labels(lang, {"innovative_sme": "T1", "zjtx_sme": "T2", "little_giant": "T3"}, "Name", advice)
    job = batching.Job(batching.Scorer("miit-2026", date(2026, 11, 26), False, lang, False, "x"), csv_rows=True,
                       labels=labels)
    expected = io.StringIO()
    for i, (name, score, warnings, code, seq, step, status) in enumerate(rows):
        row: list[object] = [f"in.jsonl:{i + 1}", name, "scored", "", "small", "unknown", score, status, "",
                             "unmet", "", step, warnings, code, seq]
        job.line(row)
        words = ["" if c is None else str(c) for c in result_words(dict(zip(batching.SUMMARY_COLUMNS, row, strict=True)), labels)]
        csv.writer(expected).writerow([inert(c) if n in text_cells(labels) else c for n, c in enumerate(words)])
    assert "".join(job._lines) == expected.getvalue()


def test_names_with_commas_quotes_and_line_breaks_survive_the_round_trip(tmp_path: Path) -> None:
    names = ["Plain Co", 'Comma, Inc', 'The "Quoted" Co', "Two\nLines Co", "科技，有限公司"]
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps({"name": n, "industry": "industrial"}, ensure_ascii=False) + "\n" for n in names),
                   encoding="utf-8")
    out = tmp_path / "out.csv"
    assert batch(str(src), "--output", str(out))[0] == 0
    assert [r["name"] for r in read_csv(out)] == names


@pytest.mark.parametrize("jobs", [[], ["--jobs", "1"], ["--jobs", "2"]])
def test_rows_before_an_unreadable_input_are_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, jobs: list[str]) -> None:
    """The default decides on workers by reading ahead; an unreadable input met while reading ahead
    still leaves every row before it scored and written."""
    monkeypatch.setattr(batching, "AUTO_JOBS_AFTER", 100)
    monkeypatch.setattr(batching, "CHUNK_ROWS", 16)
    monkeypatch.setattr(batching, "cpu_count", lambda: 2)
    src = tmp_path / "in.csv"
    src.write_text(HEADER + "".join(f"Co {i},industrial,{10 + i},{1000 + i},{i},true\n" for i in range(50)), encoding="utf-8")
    out = tmp_path / "out.csv"
    code, err = batch(str(src), str(tmp_path / "missing.csv"), "--output", str(out), "-q", *jobs)
    (partial,) = tmp_path.glob("out.partial-*.csv")
    assert (code, err.strip()) == (2, f"littlegiant: error: {tmp_path / 'missing.csv'}: no such file or folder; "
                                      f"50 rows written to {partial} ({out} not created)")
    assert [r["name"] for r in read_csv(partial)] == [f"Co {i}" for i in range(50)]
    assert not out.exists()


@pytest.fixture
def no_workers(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Workers replaced by a note of each start (a start then fails the run): the default's choice
    at 100 summary rows of work, on 2 CPUs."""
    started: list[object] = []

    def no_pool(*args: object, **kwargs: object) -> None:
        started.append(args)
        raise RuntimeError("no workers in this test")

    monkeypatch.setattr(batching, "AUTO_JOBS_AFTER", 100)
    monkeypatch.setattr(batching, "cpu_count", lambda: 2)
    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", no_pool)
    return started


def test_a_short_input_never_starts_workers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                            no_workers: list[object]) -> None:
    started = no_workers
    monkeypatch.setattr(batching, "CHUNK_ROWS", 16)
    src = tmp_path / "in.csv"
    src.write_text(HEADER + "".join(f"Co {i},industrial,{10 + i},{1000 + i},{i},true\n" for i in range(100)), encoding="utf-8")
    out = tmp_path / "out.csv"
    assert batch(str(src), "--output", str(out))[0] == 0
    assert len(read_csv(out)) == 100 and started == []
    monkeypatch.setattr(batching, "AUTO_JOBS_AFTER", 99)  # one row more than the limit: workers
    batch(str(src), "--output", str(out))
    assert started == [(2,)]


def test_full_results_start_workers_on_a_shorter_input(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                       no_workers: list[object]) -> None:
    """A full result costs some ten summary rows: the default spreads ``--format json`` (and
    ``--advice``) over the CPUs from a tenth of the rows on, and a summary of as many rows stays in
    this process."""
    started = no_workers
    monkeypatch.setattr(batching, "CHUNK_ROWS", 4)
    src = tmp_path / "in.csv"
    src.write_text(HEADER + "".join(f"Co {i},industrial,{10 + i},{1000 + i},{i},true\n" for i in range(11)), encoding="utf-8")
    assert batch(str(src), "--output", str(tmp_path / "out.csv"))[0] == 0
    assert started == []
    batch(str(src), "--format", "json", "--output", str(tmp_path / "out.jsonl"))
    assert started == [(2,)]
    started.clear()
    batch(str(src), "--advice", "--output", str(tmp_path / "advice.csv"))
    assert started == [(2,)]


def _companies(path: Path, n: int) -> None:
    path.write_text("".join(json.dumps({"name": f"Co {i}", "industry": "industrial", "employees": 10 + i % 500,
                                        "financials": {"2025": {"revenue": 1000 + i}}}) + "\n" for i in range(n)),
                    encoding="utf-8")


def test_progress_shows_in_a_terminal_and_nowhere_else(tmp_path: Path) -> None:
    """In a terminal, stderr counts the rows while the batch runs and ends on the summary; piped,
    stderr holds the summary alone."""
    src = tmp_path / "in.jsonl"
    _companies(src, 30_000)
    env = {**os.environ, "LANG": "en_US.UTF-8", "COLUMNS": "120", "TERM": "xterm"}
    cmd = [sys.executable, "-m", "littlegiant", "batch", "--as-of", "2026-11-26", "--output", str(tmp_path / "tty.csv"), str(src)]
    child = pexpect.spawn(cmd[0], cmd[1:], env=env, encoding="utf-8", timeout=120, dimensions=(40, 120))
    child.expect(r"(\d+) rows")
    assert int(child.match.group(1)) < 30_000  # counted while it ran
    child.expect(r"read 30000, scored 30000, errors 0 -> ")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    piped = subprocess.run([*cmd[:-2], str(tmp_path / "piped.csv"), str(src)], env=env, capture_output=True,
                           text=True, check=True)
    assert piped.stderr == f"read 30000, scored 30000, errors 0 -> {tmp_path / 'piped.csv'}\n"


@pytest.mark.parametrize(("revenue", "error"), [
    ("0", ""), ("0.000001", ""), ("999999999999999", ""), ("999999999999999.99", ""),
    ("0.0000009", "financials.2025.revenue: expected 0 or a number from 0.000001 to 999999999999999 in size, got 9E-7"),
    ("1000000000000000", "financials.2025.revenue: expected 0 or a number from 0.000001 to 999999999999999 in size, "
                         "got 1000000000000000"),
    ("1e-10", "financials.2025.revenue: expected 0 or a number from 0.000001 to 999999999999999 in size, got 1E-10"),
])
def test_amounts_outside_any_real_size_are_refused(tmp_path: Path, revenue: str, error: str) -> None:
    """1e-10 of revenue under 1e35 of R&D made a ratio too long to settle, and the run stopped with a
    traceback; such sizes are refused as input, both sides of each edge checked."""
    src = tmp_path / "in.jsonl"
    src.write_text('{"industry": "industrial", "financials": {"2025": {"revenue": ' + revenue
                   + ', "rd_expense": 999999999999999}}}\n', encoding="utf-8")
    out = tmp_path / "out.csv"
    code, err = batch(str(src), "--output", str(out))
    assert "Traceback" not in err
    row = read_csv(out)[0]
    assert (row["status"], row["error"], code) == (("error", error, 1) if error else ("scored", "", 0))


def test_a_worker_that_dies_stops_the_run_with_a_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A worker killed mid-run (the OOM killer, say) used to leave the run waiting forever for the rows
    it held; now the run stops with a one-line message, the rows before them written whole."""
    parent = os.getpid()
    real_items = batching.items_in

    def dying(chunk: batching.Chunk) -> Any:
        if os.getpid() != parent and any(item.payload.get("name") == "Co 200" for item in chunk):  # type: ignore[union-attr]
            os._exit(9)
        return real_items(chunk)

    monkeypatch.setattr(batching, "items_in", dying)
    monkeypatch.setattr(batching, "CHUNK_ROWS", 16)
    src = tmp_path / "in.csv"
    src.write_text(HEADER + "".join(f"Co {i},industrial,{10 + i},{1000 + i},{i},true\n" for i in range(300)), encoding="utf-8")
    out = tmp_path / "out.csv"
    code, err = batch(str(src), "--output", str(out), "--jobs", "2")
    assert code == 2
    assert err.strip().splitlines()[-1].startswith("littlegiant: error: a worker process stopped unexpectedly")
    (partial,) = tmp_path.glob("out.partial-*.csv")
    names = [r["name"] for r in read_csv(partial)]
    assert names == [f"Co {i}" for i in range(len(names))] and len(names) <= 192  # whole chunks before Co 200's


def test_a_worker_killed_while_it_writes_full_results_leaves_whole_rows(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """With --format json the workers write their chunks to the output themselves, in input order:
    one killed halfway through its chunk stops the run with a message, and the partial file keeps
    the chunks written whole before it, no half row, the count in the message the rows it holds."""
    parent = os.getpid()
    real_write = batching._Turns.write

    def dying(turns: batching._Turns, place: int, data: bytes, rows: int) -> None:
        if os.getpid() != parent and place == 3:
            with turns.changed:
                while turns.next.value != place:
                    turns.changed.wait()
            os.write(turns.fd, data[:len(data) // 2])
            os._exit(9)
        real_write(turns, place, data, rows)

    monkeypatch.setattr(batching._Turns, "write", dying)
    monkeypatch.setattr(batching, "CHUNK_ROWS", 16)
    src = tmp_path / "in.csv"
    src.write_text(HEADER + "".join(f"Co {i},industrial,{10 + i},{1000 + i},{i},true\n" for i in range(300)), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    code, err = batch(str(src), "--output", str(out), "--jobs", "2", "--format", "json")
    assert code == 2
    last = err.strip().splitlines()[-1]
    assert last.startswith("littlegiant: error: a worker process stopped unexpectedly"), err
    (partial,) = tmp_path.glob("out.partial-*.jsonl")
    text = partial.read_text(encoding="utf-8")
    names = [json.loads(line)["result"]["name"] for line in text.splitlines()]
    assert text.endswith("\n") and names == [f"Co {i}" for i in range(48)]  # chunks 0-2, 16 rows each
    assert "48 rows written to" in last


@pytest.mark.parametrize(("failing", "jobs"), [(18, 2), (2, 3)])
def test_a_full_disk_on_a_chunk_a_worker_writes_stops_the_run_and_never_hangs(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: int, jobs: int) -> None:
    """A worker hands a chunk back before it is written in its turn, and scores on. Its chunk failing to
    be written (a full disk), the last of 19 or the third with later chunks' writers waiting for a turn
    that never passes on, still stops the run with the disk's words, the output left as it was and the
    chunks before it whole: not a run that says every row was written, nor one hung for ever with every
    worker waiting for the failed turn (an alarm fails the test instead)."""
    parent = os.getpid()
    real_write = batching._Turns.write

    def full_disk(turns: batching._Turns, place: int, data: bytes, rows: int) -> None:
        if os.getpid() != parent and place == failing:  # 300 rows in chunks of 16: 19 chunks
            with turns.changed:  # in its turn, as a real write fails
                while turns.next.value != place:
                    turns.changed.wait()
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real_write(turns, place, data, rows)

    def hung(_signum: int, _frame: object) -> None:
        raise TimeoutError("batch hung after a failed write")

    monkeypatch.setattr(batching._Turns, "write", full_disk)
    monkeypatch.setattr(batching, "CHUNK_ROWS", 16)
    src = tmp_path / "in.csv"
    src.write_text(HEADER + "".join(f"Co {i},industrial,{10 + i},{1000 + i},{i},true\n" for i in range(300)), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(120)
    try:
        code, err = batch(str(src), "--output", str(out), "--jobs", str(jobs), "--format", "json")
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    assert code == 2 and not out.exists()
    assert os.strerror(errno.ENOSPC) in err.strip().splitlines()[-1], err
    (partial,) = tmp_path.glob("out.partial-*.jsonl")
    names = [json.loads(line)["result"]["name"] for line in partial.read_text(encoding="utf-8").splitlines()]
    assert names == [f"Co {i}" for i in range(16 * failing)]  # every chunk before the failed one, whole


def test_ctrl_c_during_a_write_is_held_until_the_rows_are_counted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Ctrl-C landing between writing a chunk and counting it made the message a chunk short of
    the file; the writer holds it back until both are done, then stops."""
    writer = batching.Writer(tmp_path / "out.csv", full=False)
    real_write = writer.handle.write

    def interrupted_write(text: str) -> int:
        os.kill(os.getpid(), signal.SIGINT)  # Ctrl-C arrives while the chunk is being written
        return real_write(text)

    monkeypatch.setattr(writer.handle, "write", interrupted_write)
    with pytest.raises(KeyboardInterrupt):
        writer.write(batching.Done(3, 0, "a,1\r\nb,2\r\nc,3\r\n"))
    partial = writer.abandon()
    assert partial is not None and writer.rows == len(read_csv(partial)) == 3
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


def test_a_batch_row_says_when_what_holds_it_back_is_unanswered_or_for_the_authority(tmp_path: Path) -> None:
    """The 主要差距 cell of a zh CSV speaks of the lowest tier not met, else the lowest not known,
    else the lowest awaiting the authority: an unanswered criterion is 尚待回答, a qualitative one
    待认定机关判断, an unmet one as the report's summary says it (with its figure)."""
    out = tmp_path / "out.csv"
    done = CliRunner().invoke(app, ["batch", str(EXAMPLES), "-o", str(out), "--lang", "zh", "--as-of", "2026-11-26",
                                    "--advice"])  # the report's words: a consultant's run (see the next test)
    assert done.exit_code == 0, done.output
    with out.open(encoding="utf-8-sig", newline="") as f:
        cells = {r["企业名称"]: r["主要差距"] for r in csv.DictReader(f)}
    # its 小巨人 revenue is known to fail, and its IP (2 class I, so at most 2 of the 4 asked): those, before
    # the red-line question it has not answered
    assert cells["佛山某机械有限公司"] == ('专精特新"小巨人"企业：上年度营业收入不低于5000万元（现为3,000万元）；'
                                       "拥有4项以上与主导产品相关的Ⅰ类知识产权，实际应用并已产生经济效益，不含受让，"
                                       "且企业为前三位权利人（未填，最多也只有2项）")
    # 小巨人 fails on its main-business share: that, not the 专精特新 market question the authority decides
    assert cells["华东精密传动股份有限公司"] == '专精特新"小巨人"企业：上年度主营业务收入占营业收入比重不低于90%（现为85%）'
    # it holds 专精特新, which needs no application: its row speaks of 小巨人, the step up it has yet to take
    assert cells["示例精密部件有限公司"].startswith('专精特新"小巨人"企业：待认定机关判断——主导产品')
    # it holds no 创新型 title, which 专精特新 asks first; its niche years fail it too, and say more
    assert cells["宁波恒达密封件有限公司"] == ("专精特新中小企业：截至上年末从事特定细分市场时间达到3年以上（现为2年）；"
                                          "上年度研发费用不低于100万元（现为90万元）；另3项")


def test_a_tier_failed_only_for_want_of_the_title_below_says_so_last(tmp_path: Path) -> None:
    """A company whose figures meet 专精特新 but which holds no 创新型 title: no figure fails anywhere,
    so the cell names the title, the one step it lacks."""
    data = yaml.safe_load((EXAMPLES / "little-giant-2026.yaml").read_text(encoding="utf-8"))
    data["titles"]["innovative_sme"] = False
    data["titles"]["zjtx_sme"] = False  # applying for it: a title held needs no application, and no cell of its own
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps(data, ensure_ascii=False, default=str) + "\n", encoding="utf-8")
    out = tmp_path / "out.csv"
    done = CliRunner().invoke(app, ["batch", str(src), "-o", str(out), "--lang", "zh", "--as-of", "2026-11-26", "-q"])
    assert done.exit_code == 0, done.output
    row = read_csv(out)[0]
    assert row["专精特新中小企业"] == "不满足"
    assert row["主要差距"] == "专精特新中小企业：持有有效期内的科技和创新型中小企业称号（创新型或科技型）"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_header_only_sheet_stops_saying_there_were_no_companies(tmp_path: Path, lang: str) -> None:
    """A CSV with its header and no rows used to end on a quiet "read 0" and an empty result that passed for one:
    the run now stops (exit 2) naming the file, and writes nothing."""
    src = tmp_path / "empty.csv"
    src.write_text("name,employees\n", encoding="utf-8")
    out = tmp_path / "out.csv"
    done = CliRunner().invoke(app, ["batch", str(src), "-o", str(out), "--lang", lang])
    assert done.exit_code == 2 and not out.exists() and not list(tmp_path.glob("out.partial*"))
    said = "没有可评估的企业行（文件是空的或只有列名" if lang == "zh" else "no company rows to score"
    line = done.stderr.strip().splitlines()[-1]
    assert line.startswith(("littlegiant 出错：", "littlegiant: error: ")) and f"{src}" in line and said in line


class _HeldTurns:
    """A worker's share of _Turns whose writes wait until ``go`` is set (the other worker's chunk
    before them still being scored), or fail (a full disk)."""

    def __init__(self, fail: bool = False) -> None:
        import threading
        from types import SimpleNamespace

        self.go = threading.Event()
        self.fail = fail
        self.written: list[tuple[int, bytes, int]] = []
        self.failed = SimpleNamespace(value=0)
        self.changed = threading.Condition()

    def write(self, place: int, data: bytes, rows: int) -> None:
        self.go.wait(10)
        if self.fail:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        self.written.append((place, data, rows))


def test_a_worker_scores_on_while_its_chunks_wait_for_their_turn_and_holds_at_most_two() -> None:
    """A worker's writer holds WRITE_AHEAD chunks waiting for their turn, on one thread for the run: with
    one, the worker waited idle for its last chunk's turn before handing over the next (and started a
    thread a chunk), 0.01-0.14 s a worker of a 2,000-row --format json run on a busy machine. A third
    chunk waits, so memory stays bounded; the chunks are written in the order given."""
    import threading

    def writers() -> int:
        return sum(thread.name == batching.WRITER_THREAD for thread in threading.enumerate())

    turns = _HeldTurns()
    threads = writers()
    writer = batching._Behind(turns)  # type: ignore[arg-type]
    started = time.monotonic()
    writer.put(0, b"a", 1)
    writer.put(1, b"b", 1)  # the first is not written yet: handed over all the same
    assert time.monotonic() - started < 5 and not turns.written
    third = threading.Thread(target=writer.put, args=(2, b"c", 1))
    third.start()
    third.join(0.3)
    assert third.is_alive()  # two wait: the third waits for room
    turns.go.set()
    third.join(10)
    for place in range(3, 23):
        writer.put(place, b"d", 1)
    deadline = time.monotonic() + 10
    while len(turns.written) < 23 and time.monotonic() < deadline:
        time.sleep(0.01)
    assert [place for place, _, _ in turns.written] == list(range(23))
    assert writers() == threads + 1  # one writer, not a thread a chunk


def test_a_chunk_the_writer_failed_to_write_is_raised_on_the_next_one_handed_over() -> None:
    """A full disk on a chunk waiting for its turn stops the worker at its next chunk with the disk's
    error, and tells the other workers' writers (_Turns.failed), whose turns would never come."""
    turns = _HeldTurns(fail=True)
    writer = batching._Behind(turns)  # type: ignore[arg-type]
    writer.put(0, b"a", 1)
    writer.put(1, b"b", 1)
    turns.go.set()
    with pytest.raises(OSError) as raised:
        for place in range(2, 10):
            writer.put(place, b"c", 1)
    assert raised.value.errno == errno.ENOSPC and turns.failed.value == errno.ENOSPC


@pytest.mark.parametrize(("encoding", "suffix"), [("utf-8-sig", ".jsonl"), ("gbk", ".csv"), ("utf-16", ".jsonl")])
def test_rows_from_workers_are_the_bytes_one_process_writes(tmp_path: Path, encoding: str, suffix: str) -> None:
    """Workers send their chunks already encoded: with two processes the file is byte for byte the
    one-process file, with one byte-order mark at its start and an undecodable file name written
    as an escape (UTF) or ``?`` (GBK)."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.yaml").write_text((EXAMPLES / "red-line.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    os.symlink(folder / "a.yaml", os.path.join(bytes(folder), b"b\xffc.yaml"))
    rows = tmp_path / "rows.jsonl"
    rows.write_text("".join(json.dumps({"name": f"公司 {i}", "employees": i + 1}) + "\n" for i in range(600)),
                    encoding="utf-8")
    written = []
    for jobs in ("1", "2"):
        out = tmp_path / f"out-{jobs}{suffix}"
        args = ["--output-encoding", encoding] + (["--format", "json"] if suffix == ".jsonl" else [])
        assert batch(str(folder), str(rows), "--output", str(out), "--jobs", jobs, *args)[0] == 0
        written.append(out.read_bytes())
    assert written[0] == written[1]
    text = written[0].decode(encoding)
    assert not text.startswith("\ufeff") and "\ufeff" not in text  # the codec took the one mark at the start
    assert written[0].startswith(codecs.BOM_UTF8 if encoding == "utf-8-sig" else codecs.BOM_UTF16_LE
                                 if encoding == "utf-16" else b"source,")
    assert ("b\\udcffc.yaml" if encoding.startswith("utf") else "b?c.yaml") in text
    assert text.count("公司 599") == 1


PARK_SHEET = ("企业名称,行业,从业人员,营业收入（2025年）,营业收入（2024年）,营业收入（2023年）,主营业务收入（2025年）,"
              "研发费用（2025年）,研发费用（2024年）,从事特定细分市场年限,持有有效的创新型中小企业称号,"
              "持有有效的科技型中小企业称号（入库）,持有有效的专精特新中小企业称号\n"
              "甲公司,工业,120,8000,7000,6000,7500,180,150,2,,,\n"
              "乙公司,工业,300,20000,18000,15000,19000,900,800,6,,,\n"
              "丙公司,工业,200,20000,18000,15000,19000,100,90,6,否,否,否\n")
"""A park's sheet as parks keep them: figures, no red-line or registration columns."""


def test_a_park_sheet_without_red_line_columns_shows_each_companys_real_gap(tmp_path: Path) -> None:
    """Without the red-line columns every tier 1 is 未知 and 主要差距 said "尚待回答：境内工商注册登记"
    on every row; a tier that a known figure fails says more: 甲 has been in its niche for 2 years
    (专精特新 needs 3). The run says once, in one line, that the sheet lacks columns the criteria
    read, how many, and how to get a sheet with all of them."""
    src = tmp_path / "park.csv"
    src.write_text(PARK_SHEET, encoding="utf-8")
    out = tmp_path / "out.csv"
    done = CliRunner().invoke(app, ["batch", str(src), "-o", str(out), "--lang", "zh", "--as-of", "2026-11-26"],
                              env={"COLUMNS": "80", "LANG": "en_US.UTF-8", "LC_ALL": ""})
    assert done.exit_code == 0, done.output
    with out.open(encoding="utf-8-sig", newline="") as f:
        row, known, untitled = csv.DictReader(f)
    assert row["科技和创新型中小企业"] == "未知" and row["专精特新中小企业"] == "不满足"
    # a screening of thousands names the first criterion that fails it and what the company has of it;
    # --advice words it all as the report does
    assert row["主要差距"] == "专精特新中小企业：截至上年末从事特定细分市场时间达到3年以上（现为2年）"
    advised = tmp_path / "advised.csv"
    assert CliRunner().invoke(app, ["batch", str(src), "-o", str(advised), "--lang", "zh", "--as-of", "2026-11-26", "-q",
                                    "--advice"]).exit_code == 0
    with advised.open(encoding="utf-8-sig", newline="") as f:
        first = next(csv.DictReader(f))
    assert first["主要差距"] == ("专精特新中小企业：截至上年末从事特定细分市场时间达到3年以上（现为2年）；"
                                "上年度研发费用占营业收入比重不低于3%（现为2.25%）；前年研发费用占营业收入比重不低于3%（现为2.14%）")
    # 乙 fails nothing known: the first question still open, and that nothing it gives falls short
    assert known["主要差距"] == "科技和创新型中小企业：尚待回答——境内工商注册登记、具有独立法人资格；按本行已填的数据，没有哪一级不满足"
    # 丙 answered 否 to the titles, which 专精特新 asks first: its R&D, which fails too, is what it can act on
    assert untitled["主要差距"] == "专精特新中小企业：前年研发费用不低于100万元（现为90万元）"
    notes = [line for line in done.stderr.splitlines() if "没有评估要用的" in line]
    assert len(notes) == 1
    assert "营业收入（2025年）" not in notes[0]
    # the red-line answers are named in full in a note of their own (test_batch_declarations), not among these
    assert "在中华人民共和国境内工商注册登记、具有独立法人资格" not in notes[0] and "被列入经营异常名录" not in notes[0]
    assert sum("没有参评基本条件的 7 项回答的列" in line for line in done.stderr.splitlines()) == 1
    # the command as given, in the language asked for (the locale here is English)
    assert notes[0].endswith("相关称号也可能因此为“未知”。需要含全部列的空白表格，请运行：littlegiant init 模板.xlsx --lang zh")
    assert "`" not in done.stderr  # no code marks in client text


def test_a_sheet_with_every_column_gets_no_note_of_absent_columns(tmp_path: Path) -> None:
    """The sheet ``init`` writes has a column for every input: nothing is said to be missing."""
    sheet = tmp_path / "模板.csv"
    done = CliRunner().invoke(app, ["init", str(sheet), "--lang", "zh", "--as-of", "2026-11-26"])
    assert done.exit_code == 0, done.output
    with sheet.open(encoding="utf-8-sig", newline="") as f:
        header = next(csv.reader(f))
    assert "营业收入（2025年）" in header  # `init NAME.csv` writes the batch sheet, not a YAML profile
    sheet.write_text(",".join(header) + "\n" + ",".join(["甲公司", "工业"] + [""] * (len(header) - 2)) + "\n",
                     encoding="utf-8")
    done = CliRunner().invoke(app, ["batch", str(sheet), "-o", str(tmp_path / "out.csv"), "--lang", "zh",
                                    "--as-of", "2026-11-26"])
    assert done.exit_code == 0, done.output
    assert "没有评估要用的" not in done.stderr


RESULTS_SAID = {"en": "this is a results file written by littlegiant batch, not a list of companies",
                "zh": "这是批量评估输出的结果文件，不是企业名单"}


@pytest.mark.parametrize(("suffix", "extra"), [(".csv", []), (".csv", ["--columns", "ids"]), (".xlsx", []),
                                               (".jsonl", []), (".jsonl", ["--format", "json"])])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_results_file_given_back_as_input_is_refused_in_one_line(tmp_path: Path, suffix: str, extra: list[str],
                                                                    lang: str) -> None:
    """batch's own output (CSV in words or ids, the workbook, JSON Lines summary or full) fed back in is
    refused up front, exit 2, in one line saying what it is, in the user's language; nothing is written,
    even after a good input, where every output column would have been an error of every row."""
    src = tmp_path / "in.csv"
    src.write_text(HEADER + GOOD + "Other Co,industrial,20,900,40,true\n", encoding="utf-8")
    first = tmp_path / f"results{suffix}"
    env = {"LANG": "en_US.UTF-8", "COLUMNS": "80"}
    done = runner.invoke(app, ["batch", str(src), "-o", str(first), "--as-of", "2026-11-26", "--lang", lang, *extra],
                         env=env)
    assert done.exit_code == 0, done.stderr
    for inputs in ([first], [src, first]):
        again = tmp_path / "again.csv"
        back = runner.invoke(app, ["batch", *map(str, inputs), "-o", str(again), "--as-of", "2026-11-26",
                                   "--lang", lang, "-q"], env=env)  # -q: no note on in.csv's absent columns
        assert back.exit_code == 2, back.stderr
        lines = back.stderr.strip().splitlines()
        assert len(lines) == 1 and RESULTS_SAID[lang] in lines[0] and str(first) in lines[0], back.stderr
        assert "Traceback" not in back.stderr and not again.exists()
        assert not list(tmp_path.glob("again.partial*"))


OLD_INCIDENT = "近三年发生重大安全（含网络安全、数据安全）、质量、环境污染等事故"
NEW_INCIDENT = "近三年发生较大生产安全事故、重大网络和数据安全事件、重大环境违法行为、严重质量问题或严重违反相关行业管理规定"


@pytest.mark.parametrize(("header", "as_of", "renewal", "answered"), [
    (OLD_INCIDENT, "2026-11-26", None, "2022"), (NEW_INCIDENT, "2026-03-01", None, "2026"),
    (NEW_INCIDENT, "2026-11-26", "little_giant", "2026")])  # a 2026 sheet for a 小巨人 复核 judged by 2022
def test_a_column_of_the_other_rule_sets_incident_question_is_read_and_each_row_warned(
        tmp_path: Path, header: str, as_of: str, renewal: str | None, answered: str) -> None:
    """The 2022 and 2026 red lines on incidents name different events. A sheet answering one set's
    question read under the other was refused whole, so the tool's own 2026 template could not be
    used for a 小巨人 复核 (judged by 2022) and nothing was scored until every company was asked
    again; a profile with the same answer is counted with a warning. A sheet's row now is too: its
    answer counts (the red line is not left unknown), and the row's figures to check say which
    question it answered and to answer it again; a blank cell answers nothing and warns of nothing."""
    src = tmp_path / "in.csv"
    src.write_text(f"企业名称,行业,{header}\n甲公司,工业,否\n乙公司,工业,\n", encoding="utf-8")
    out = tmp_path / "out.csv"
    done = CliRunner().invoke(app, ["batch", str(src), "-o", str(out), "--lang", "zh", "--as-of", as_of, "-q",
                                    *(("--renewal", renewal) if renewal else ())])
    assert done.exit_code == 0, done.stderr
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = {r["企业名称"]: r for r in csv.DictReader(handle)}
    said = f"是按《{'优质中小企业梯度培育管理暂行办法（2022）' if answered == '2022' else '优质中小企业梯度培育管理办法（2026）'}》的问题"
    assert said in rows["甲公司"]["需核对的数据"] and "重新填写" in rows["甲公司"]["需核对的数据"]
    assert "的问题" not in rows["乙公司"]["需核对的数据"]
    full = tmp_path / "full.jsonl"  # the answer counts: the red line is met, not left unknown
    assert CliRunner().invoke(app, ["batch", str(src), "-o", str(full), "--format", "json", "--as-of", as_of, "-q",
                                    *(("--renewal", renewal) if renewal else ())]).exit_code == 0
    jia, yi = (json.loads(line)["result"] for line in full.read_text(encoding="utf-8").splitlines())
    incident = [{c["status"] for t in r["tiers"].values() for c in t["criteria"] if c["id"] == "gate.major_incident"}
                for r in (jia, yi)]
    assert incident == [{"met"}, {"unknown"}]


def test_a_cell_whose_comma_does_not_group_thousands_is_an_error_row(tmp_path: Path) -> None:
    """A sheet's "1,20" was scored as 120 without a word: in a CSV or an xlsx text cell the row is now an
    error quoting the cell and saying what to write, and the "1,200" row beside it is scored."""
    import openpyxl

    src = tmp_path / "in.csv"
    src.write_text(HEADER + 'Comma Co,industrial,100,5000,"1,20",true\nGood Co,industrial,100,5000,"1,200",true\n',
                   encoding="utf-8")
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in (HEADER.strip().split(","), ["Comma Co", "industrial", 100, 5000, "1,20", "true"],
                ["Good Co", "industrial", 100, 5000, "1,200", "true"]):
        sheet.append(row)
    book.save(tmp_path / "in.xlsx")
    said = ("financials.2025.rd_expense: got '1,20', which is ambiguous: a comma (or space) may only group "
            "thousands, as in 1,200 or 12,000.5; write 1.20 or 120")
    for name in ("in.csv", "in.xlsx"):
        code, _ = batch(str(tmp_path / name), "--output", str(tmp_path / f"{name}.out.csv"))
        rows = read_csv(tmp_path / f"{name}.out.csv")
        where = " (column E)" if name.endswith(".xlsx") else ""  # a workbook's column by its letter too
        assert code == 1 and [(r["status"], r["error"]) for r in rows] == [
            ("error", said.replace(":", where + ":", 1)), ("scored", "")], name


def test_digits_grouped_by_four_in_a_yuan_column_are_offered_as_one_whole_number(tmp_path: Path) -> None:
    """"1 2000 0000" in a 元 column was answered "请写成 12000.0000 或 120000000", the first 12,000元: the
    error row now offers only the reading the digits can mean, and "1,20" still gets both of its readings."""
    src = tmp_path / "in.csv"
    src.write_text("企业名称,行业,从业人员,2025年营业收入（元）\n"
                   "甲公司,工业,100,1 2000 0000\n乙公司,工业,100,\"1,20\"\n丙公司,工业,100,120000000\n", encoding="utf-8")
    out = tmp_path / "out.csv"
    done = runner.invoke(app, ["batch", str(src), "-o", str(out), "--lang", "zh", "--as-of", "2026-11-26", "-q"])
    rows = list(csv.reader(out.read_text(encoding="utf-8-sig").splitlines()))
    errors = {row[1]: row[-2] for row in rows[1:] if "出错" in row}
    assert done.exit_code == 1 and set(errors) == {"甲公司", "乙公司"}
    assert errors["甲公司"].endswith("“1 2000 0000”看不出是多少：逗号（或空格）只能三位一组分隔千位，"
                                  "如 1,200、12,000.5；请写成 120000000"), errors
    assert errors["乙公司"].endswith("请写成 1.20 或 120"), errors


def test_counts_of_one_take_the_singular_in_english(tmp_path: Path) -> None:
    """A row of one cell under a six-column header is said as "1 cell", not "1 cells"."""
    src = tmp_path / "in.csv"
    src.write_text(HEADER + "Lonely Co\n" + GOOD, encoding="utf-8")
    code, _ = batch(str(src), "--output", str(tmp_path / "out.csv"))
    rows = read_csv(tmp_path / "out.csv")
    assert code == 1 and rows[0]["error"] == "the row has 1 cell but the header (line 1) has 6 columns"


def test_ctrl_c_in_an_80_column_terminal_says_what_was_kept_on_lines_of_its_own(tmp_path: Path) -> None:
    """Ctrl-C at a quiet run in a terminal 80 columns wide: the message began right after the echoed
    ^C, so the terminal broke it mid-word (（未生 / 成); it starts on a fresh line now, every line within
    80 columns. With the progress display, the partial .xlsx kept reads as what it is: its about sheet
    says first that the run stopped and how many companies the file holds, which are its result rows."""
    from openpyxl import load_workbook

    src = tmp_path / "园区名单.jsonl"
    _companies(src, 30_000)
    env = {**os.environ, "LANG": "zh_CN.UTF-8", "COLUMNS": "80", "TERM": "xterm"}
    cmd = [sys.executable, "-m", "littlegiant", "batch", "--as-of", "2026-11-26", "--lang", "zh", "--jobs", "1",
           src.name, "--output"]
    child = pexpect.spawn(cmd[0], [*cmd[1:], "评估结果.csv", "-q"], cwd=str(tmp_path), env=env, encoding="utf-8",
                          timeout=120, dimensions=(40, 80))
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not any(p.stat().st_size > 20_000 for p in tmp_path.glob("评估结果.partial-*")):
        time.sleep(0.05)
    child.sendintr()
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    screen = str(child.before).split("\r\n")
    assert screen[0] == "^C" and screen[1].startswith("littlegiant：已中断；已写出的"), screen
    assert all(sum(2 if ord(ch) > 0x2E7F else 1 for ch in line) <= 80 for line in screen), screen
    (partial,) = tmp_path.glob("评估结果.partial-*.csv")
    assert "".join("".join(screen).split()).endswith(f"保存在{partial.name}（未生成评估结果.csv）")

    child = pexpect.spawn(cmd[0], [*cmd[1:], "评估结果.xlsx"], cwd=str(tmp_path), env=env, encoding="utf-8",
                          timeout=120, dimensions=(40, 80))
    child.expect(r" ([1-9]\d*)/30000")  # the progress display: rows are scored
    child.sendintr()
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    (partial,) = tmp_path.glob("评估结果.partial-*.xlsx")
    book = load_workbook(partial)
    rows = book["评估结果"].max_row - 1
    first = next(book["说明"].iter_rows(values_only=True))
    assert 0 < rows < 30_000
    assert first == ("未完成", f"本次运行中途停止，本文件只有前 {rows} 家企业的结果，不是名单的全部")
    assert book.active.title == "说明"  # the file opens at that line, whatever it is later called


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_json_lines_summary_gives_each_key_one_type(tmp_path: Path, jobs: str) -> None:
    """A JSON Lines summary had `*_score` as 90, "30-95" or "" under one key and `sme_size` as "": a
    program reading it had to guess. Scores are a number or null with `*_score_min`/`*_score_max` (as
    `assess --format json`), an empty cell is null; the .csv keeps its "30-95" and empty cells."""
    unknown = tmp_path / "unknown-size.yaml"
    unknown.write_text("name: 规模未知公司\nindustry: industrial\n", encoding="utf-8")
    broken = tmp_path / "broken.yaml"
    broken.write_text("name: 出错公司\nemployees: many\n", encoding="utf-8")
    inputs = [str(EXAMPLES / "little-giant-2022.yaml"), str(EXAMPLES / "half-missing.yaml"), str(unknown), str(broken)]
    out, table = tmp_path / "s.jsonl", tmp_path / "s.csv"
    for target in (out, table):
        result = CliRunner().invoke(app, ["batch", *inputs, "-o", str(target), "--as-of", "2026-03-01", "--jobs", jobs,
                                          "--columns", "ids"] if target == table else
                                    ["batch", *inputs, "-o", str(target), "--as-of", "2026-03-01", "--jobs", jobs])
        assert result.exit_code == 1, result.output  # the broken profile is an error row
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 4
    for key in rows[0]:
        kinds = {type(r[key]).__name__ for r in rows} - {"NoneType"}
        assert len(kinds) <= 1, (key, [r[key] for r in rows])
        assert "" not in [r[key] for r in rows], key
    lg22, half, size, error = rows
    assert (lg22["innovative_sme_score"], lg22["innovative_sme_score_min"], lg22["innovative_sme_score_max"]) == (90, 90, 90)
    assert (half["innovative_sme_score"], half["innovative_sme_score_min"], half["innovative_sme_score_max"]) == (None, 30, 95)
    assert lg22["little_giant_score"] is None and lg22["little_giant_score_min"] is None  # no score table
    assert size["sme_size"] is None and error["status"] == "error" and error["sme_size"] is None
    assert error["error"] and lg22["error"] is None and lg22["warnings"] is None
    cells = list(csv.DictReader(io.StringIO(table.read_text(encoding="utf-8-sig"), newline="")))
    assert [c["innovative_sme_score"] for c in cells[:2]] == ["90", "30-95"]
    assert cells[2]["sme_size"] == "" and cells[0]["error"] == "" and "innovative_sme_score_min" not in cells[0]
    again = CliRunner().invoke(app, ["batch", *inputs, "-o", str(out), "--as-of", "2026-03-01"])
    assert again.exit_code == 1, again.output  # its own earlier results are known as such, and replaced


def test_a_row_not_answered_names_its_own_blank_cells_beside_the_sheets_missing_column(tmp_path: Path) -> None:
    """Without a registration column every row awaits 「境内工商注册登记」; a company that left its revenue
    blank read the same as one that gave every figure. Its 主要差距 now adds the cells it left blank (or
    answered — or 不知道) that the tier reads, in the order its criteria read them, in zh and en; the
    complete row's says that nothing it gives falls short (a park could not tell a strong candidate
    from an empty row: both 未知), which a row a figure fails does not say."""
    src = tmp_path / "park.csv"
    src.write_text("企业名称,行业,从业人员,营业收入（2025年）,主营业务收入（2025年）,研发费用（2025年）\n"
                   "甲公司,工业,120,8000,7500,300\n乙公司,工业,80,,—,不知道\n丙公司,工业,120,8000,7500,50\n",
                   encoding="utf-8")
    for lang, complete, blank, short in (
            ("zh", "科技和创新型中小企业：尚待回答——境内工商注册登记、具有独立法人资格",
             "；本行缺：「营业收入（2025年）」、「研发费用（2025年）」、「主营业务收入（2025年）」", "；按本行已填的数据，没有哪一级不满足"),
            ("en", "Technology-based and innovative SME: not answered yet: Registered in mainland China",
             "; missing in this row: Operating revenue 2025; R&D expense 2025; Main-business revenue 2025",
             "; nothing this row gives fails a tier")):
        out = tmp_path / f"{lang}.csv"
        done = CliRunner().invoke(app, ["batch", str(src), "-o", str(out), "--lang", lang, "--as-of", "2026-11-26", "-q"])
        assert done.exit_code == 0, done.output
        jia, yi, bing = [row[-3] for row in list(csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig"))))[1:]]
        assert jia.startswith(complete) and jia.endswith(short) and "本行缺" not in jia
        assert yi.startswith(complete) and yi.endswith(blank) and short not in yi
        assert short not in bing and ("研发费用" in bing or "R&D" in bing), bing  # 50万 of R&D fails 专精特新's 100万


def test_a_large_enterprise_is_said_so_beside_the_size_criterion(tmp_path: Path) -> None:
    """A company of 2,000 staff and 50亿 of revenue fails every tier on its size; its 主要差距 named only the
    criterion, 「符合《中小企业划型标准规定》（中小微企业）」, which read as a pass: the size follows it, as a
    figure's 「（现为…）」 does, and a small company's cell says nothing of it."""
    src = tmp_path / "park.csv"
    src.write_text("企业名称,行业,从业人员,营业收入（2025年）,资产总额（2025年末）\n"
                   "大公司,工业,2000,500000,300000\n小公司,工业,50,3000,2000\n", encoding="utf-8")
    for lang, said in (("zh", "科技和创新型中小企业：符合《中小企业划型标准规定》（中小微企业）（现为大型企业）"),
                       ("en", "Technology-based and innovative SME: An SME under the 2011 size standard (now a large enterprise)")):
        out = tmp_path / f"{lang}.csv"
        done = CliRunner().invoke(app, ["batch", str(src), "-o", str(out), "--lang", lang, "--as-of", "2026-11-26", "-q"])
        assert done.exit_code == 0, done.output
        big, small = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig"))))[1:]
        assert big[9] == said
        assert "企业）" not in small[9] and "enterprise)" not in small[9] and small[9], small[9]


def test_nothing_short_is_said_by_the_tiers_and_not_of_a_red_line_answered_yes(tmp_path: Path) -> None:
    """「按本行已填的数据，没有哪一级不满足」 was said of a row that answered 是 to 偷漏税 (under 2026 the authority
    judges it; the tier read 未知 for the blanks beside it): no more. It speaks of the tiers: a route that
    another route of its group may still meet fails none (a 5% domestic share beside a blank rank under
    2026, a 市级 institution beside a blank exemption, 3% R&D beside 2022's blank direct routes), where
    one no other route saves does (5% under 2022, whose 小巨人 asks 10%)."""
    src = tmp_path / "park.csv"
    src.write_text("企业名称,行业,从业人员,营业收入（2025年）,营业收入（2024年）,研发费用（2025年）,研发费用（2024年）,"
                   "近三年有偷漏税等违法违规行为,主导产品国内细分市场占有率,经认定的研发机构的最高级别,与主导产品相关的有效Ⅰ类知识产权\n"
                   "甲公司,工业,120,8000,7000,700,600,是,12,市级,5\n乙公司,工业,120,8000,7000,700,600,否,5,市级,5\n"
                   "丙公司,工业,120,8000,7000,700,600,否,12,市级,5\n丁公司,工业,120,8000,7000,250,200,否,12,市级,5\n",
                   encoding="utf-8")
    for as_of, marked in (("2026-11-26", ["乙公司", "丙公司"]), ("2026-03-01", ["丙公司", "丁公司"])):
        out = tmp_path / "out.csv"
        done = CliRunner().invoke(app, ["batch", str(src), "-o", str(out), "--lang", "zh", "--as-of", as_of, "-q"])
        assert done.exit_code == 0, done.output
        cells = {r["企业名称"]: r["主要差距"] for r in csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig")))}
        assert [n for n, cell in cells.items() if cell.endswith("；按本行已填的数据，没有哪一级不满足")] == marked, (as_of, cells)


def test_a_cell_read_as_unknown_by_any_word_is_named_among_the_rows_blanks(tmp_path: Path) -> None:
    """暂无 under 营业收入 is read as 不知道 is (as 未参评 is under the platform score), yet 主要差距's 「本行缺」
    listed only cells left blank or holding a word of 不知道's own list: a row answering 暂无 read as one
    whose every figure was given. Every cell read as unknown is named, whatever the word."""
    src = tmp_path / "park.csv"
    src.write_text("企业名称,行业,从业人员,营业收入（2025年）,主营业务收入（2025年）,研发费用（2025年）\n"
                   "乙公司,工业,80,暂无,7500,300\n", encoding="utf-8")
    out = tmp_path / "zh.csv"
    done = CliRunner().invoke(app, ["batch", str(src), "-o", str(out), "--lang", "zh", "--as-of", "2026-11-26", "-q"])
    assert done.exit_code == 0, done.output
    (yi,) = [row[-3] for row in list(csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig"))))[1:]]
    assert yi.endswith("；本行缺：「营业收入（2025年）」"), yi


def test_an_old_list_saved_as_xlsx_beside_it_leaves_the_run_clean(tmp_path: Path) -> None:
    """The note above asks to save 名单.xls as .xlsx and run again: done, the folder holds both, and the run
    still exited 1 saying 「其中的企业都不在结果里」 though the .xlsx's companies were scored. The .xls is now
    passed over as superseded (named in a note), the run exits 0."""
    import openpyxl

    folder = tmp_path / "园区企业"
    folder.mkdir()
    (folder / "名单.xls").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
    book = openpyxl.Workbook()
    book.active.append(["企业名称", "行业", "从业人员", "2025年营业收入（万元）"])
    book.active.append(["甲公司", "工业", 100, 5000])
    book.save(folder / "名单.xlsx")
    out = tmp_path / "结果.csv"
    done = runner.invoke(app, ["batch", str(folder), "-o", str(out), "--lang", "zh", "--as-of", "2026-11-26", "-q"])
    assert done.exit_code == 0, done.stderr
    assert f"littlegiant 提示：文件夹 {folder} 中有 1 个文件未读取：名单.xls：旁边已有另存的同名 .xlsx，读取的是那一份" \
        in done.stderr.splitlines(), done.stderr
    assert "不在结果里" not in done.stderr and "甲公司" in out.read_text(encoding="utf-8-sig")


def test_files_of_one_template_say_their_missing_columns_in_full_once(tmp_path: Path) -> None:
    """A park's folder of lists kept from one template repeated the paragraph on missing columns, with its
    init command, once a file (seven times in a six-file run, on the terminal and the 说明 sheet): said in
    full for the first, then in a line for each other file missing the same columns."""
    folder = tmp_path / "园区"
    folder.mkdir()
    for name in ("一季度", "二季度", "三季度"):
        (folder / f"{name}.csv").write_text(f"企业名称,营业收入（2025年）\n{name}甲,3000\n", encoding="utf-8")
    done = CliRunner().invoke(app, ["batch", str(folder), "-o", str(tmp_path / "out.csv"), "--lang", "zh",
                                    "--as-of", "2026-11-26"])
    assert done.exit_code == 0, done.output
    said = [line for line in done.stderr.splitlines() if "项数据的列" in line]
    assert len(said) == 3 and said[0].endswith("请运行：littlegiant init 模板.xlsx --lang zh"), said
    assert all(line.endswith("同样没有上面所说的 " + said[0].split("没有评估要用的 ")[1].split(" 项")[0] + " 项数据的列")
               for line in said[1:]), said
