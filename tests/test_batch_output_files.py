"""What `littlegiant batch` does with the files around a run: the output it replaces, one open in
Excel, a name that is no file, and a folder holding something that cannot be read."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from typer.testing import CliRunner

from littlegiant.cli.app import app

runner = CliRunner()
AS_OF = "2026-11-26"
HEADER = ["序号", "企业名称", "营业收入（2025年）", "从业人员（上年末）", "备注"]
ROWS = [["1", "甲精密部件有限公司", "5000", "120", ""], ["2", "乙软件股份有限公司", "3000", "80", "重点"]]


def invoke(*args: str, lang: str = "zh") -> tuple[int, str]:
    """The batch command as a park runs it, in ``lang``: its exit code and what stderr says."""
    result = runner.invoke(app, ["batch", *args, "--as-of", AS_OF, "--lang", lang, "--quiet"],
                           env={"LANG": "zh_CN.UTF-8"})
    return result.exit_code, result.stderr


def park_list(path: Path) -> Path:
    """A park's list of two companies, as Excel saves CSV (UTF-8 with a byte-order mark)."""
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle).writerows([HEADER, *ROWS])
    return path


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_an_output_name_ending_in_a_slash_is_refused_not_written_without_it(tmp_path: Path, lang: str) -> None:
    """``-o 评估结果.csv/`` names a folder that does not exist: the shell and the system refuse such a
    path, and the run wrote 评估结果.csv instead, without a word. It is refused in one line, exit 2."""
    src = park_list(tmp_path / "名单.csv")
    said = "以 / 结尾，指的是文件夹，但没有这个文件夹" if lang == "zh" else "ends in /, which names a folder"
    for name in ("评估结果.csv/", "评估结果.txt/"):
        code, err = invoke(str(src), "-o", f"{tmp_path}/{name}", lang=lang)
        assert code == 2 and err.count("\n") == 1 and "Traceback" not in err, err
        assert said in err and name in err, err
    assert [p.name for p in tmp_path.iterdir()] == ["名单.csv"]  # nothing written under the name without its /
    (tmp_path / "已有").mkdir()
    code, err = invoke(str(src), "-o", str(tmp_path / "已有") + "/", lang=lang)
    assert code == 2 and ("是文件夹" in err or "is a folder" in err), err


@pytest.mark.parametrize("name", ["报告.txt/", "报告.html/"])
def test_a_report_named_with_a_trailing_slash_is_refused_too(tmp_path: Path, name: str) -> None:
    """``assess … -o 报告.txt/`` wrote 报告.txt, as batch did: refused alike, nothing written; - is still stdout."""
    profile = tmp_path / "co.yaml"
    profile.write_text("name: 甲公司\nindustry: 工业\nemployees: 120\n", encoding="utf-8")
    done = runner.invoke(app, ["assess", str(profile), "-o", f"{tmp_path}/{name}", "--lang", "zh"])
    assert done.exit_code == 2 and "以 / 结尾，指的是文件夹，但没有这个文件夹" in done.stderr, done.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["co.yaml"]
    done = runner.invoke(app, ["assess", str(profile), "-o", "-", "--format", "json"])
    assert done.exit_code == 0 and done.stdout.startswith("{"), done.output


def read_rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))


@pytest.mark.parametrize("terminal", [False, True])
def test_a_file_in_a_folder_that_cannot_be_read_is_an_error_row_and_the_run_goes_on(tmp_path: Path,
                                                                                    terminal: bool) -> None:
    """A FIFO or a link to nothing named .csv, .jsonl or .xlsx in a park's folder stopped the whole run
    (exit 2, the output not written, the lists after it never read), where the same named .yaml was an
    error row. Each is now an error row, found by its type before it is opened (a FIFO is never
    opened, so it cannot hang the run, nor the progress bar's count on a terminal)."""
    import os
    import subprocess
    import sys

    from tests.conftest import stderr_on_a_terminal

    folder = tmp_path / "园区"
    folder.mkdir()
    park_list(folder / "1-名单.csv")
    os.mkfifo(folder / "2-管道.csv")
    (folder / "3-断链.csv").symlink_to("不存在.csv")
    (folder / "4-断链.jsonl").symlink_to("不存在.jsonl")
    os.mkfifo(folder / "5-管道.xlsx")
    with (folder / "6-名单.csv").open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle).writerows([HEADER, ["1", "丙食品有限公司", "12000", "300", ""]])
    out = tmp_path / "评估结果.csv"
    args = [sys.executable, "-m", "littlegiant", "batch", str(folder), "-o", str(out), "--as-of", AS_OF, "--lang", "zh"]
    env = {**os.environ, "LANG": "zh_CN.UTF-8", "COLUMNS": "120", "TERM": "xterm"}
    if terminal:
        code, err = stderr_on_a_terminal(args, env)
    else:
        done = subprocess.run(args, env=env, capture_output=True, text=True, timeout=60, check=False)
        code, err = done.returncode, done.stderr
    assert code == 1 and "Traceback" not in err, err
    assert "共读取 7 行，已评估 3 行，出错 4 行" in err, err
    header, *rows = read_rows(out)
    problem = header.index("错误说明")
    said = {Path(row[0]).name: row[problem] for row in rows if row[header.index("处理结果")] == "出错"}
    assert said == {"2-管道.csv": "是命名管道，请给出普通文件", "3-断链.csv": "找不到这个文件",
                    "4-断链.jsonl": "找不到这个文件", "5-管道.xlsx": "是命名管道，请给出普通文件"}, said
    assert [row[1] for row in rows if row[1]] == ["甲精密部件有限公司", "乙软件股份有限公司", "丙食品有限公司"]


def test_a_file_of_bytes_named_csv_in_a_folder_is_an_error_row_and_named_it_stops_the_run(tmp_path: Path) -> None:
    """A corrupt or encrypted file named .csv among a park's lists stopped the whole run (exit 2, nothing
    written) at the header check, whose refusals are about columns to rename; in a folder it is its
    error row now and the lists beside it are scored. Named on the command line, it still stops the run."""
    folder = tmp_path / "园区"
    folder.mkdir()
    park_list(folder / "1-名单.csv")
    (folder / "2-加密.csv").write_bytes(bytes(range(256)) * 8)
    out = tmp_path / "评估结果.csv"
    code, err = invoke(str(folder), "-o", str(out))
    assert code == 1 and "Traceback" not in err, err
    header, *rows = read_rows(out)
    said = {Path(row[0]).name: row[header.index("错误说明")] for row in rows if row[header.index("处理结果")] == "出错"}
    assert list(said) == ["2-加密.csv"] and "都读不出文字" in said["2-加密.csv"], said
    assert [row[1] for row in rows if row[1]] == ["甲精密部件有限公司", "乙软件股份有限公司"]
    code, err = invoke(str(folder / "2-加密.csv"), "-o", str(tmp_path / "单独.csv"))
    assert code == 2 and "都读不出文字" in err, err


@pytest.mark.parametrize(("lang", "said"), [
    ("zh", "评估结果.xlsx 正在 Excel 中打开，请先关闭再运行（若 Excel 已关闭，请删去旁边的 ~$评估结果.xlsx）"),
    ("en", "评估结果.xlsx is open in Excel: close it, then run again (if Excel is closed, delete ~$评估结果.xlsx beside it)"),
])
def test_an_output_open_in_excel_is_refused_before_any_row_is_scored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                     lang: str, said: str) -> None:
    """With 评估结果.xlsx open in Excel (its lock file ~$评估结果.xlsx beside it), every row was scored first
    and the run then failed to replace the file, saying 没有权限: on a list of 20,000 companies, after
    minutes. The lock file is now looked for first: one line, exit 2, no row scored, nothing written."""
    src = park_list(tmp_path / "名单.csv")
    monkeypatch.chdir(tmp_path)
    assert invoke(str(src), "-o", "评估结果.xlsx")[0] == 0
    before = (tmp_path / "评估结果.xlsx").read_bytes()
    (tmp_path / "~$评估结果.xlsx").write_bytes(b"\x0bExcel user")
    scored: list[object] = []
    from littlegiant.cli import batch as batching

    monkeypatch.setattr(batching, "read_chunks", lambda *a, **k: scored.append(a) or iter(()))
    code, err = invoke(str(src), "-o", "评估结果.xlsx", lang=lang)
    assert code == 2 and err.endswith(f"{said}\n") and err.count("\n") == 1, err
    assert scored == [] and (tmp_path / "评估结果.xlsx").read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["~$评估结果.xlsx", "名单.csv", "评估结果.xlsx"]


@pytest.mark.parametrize(("lang", "said"), [
    ("zh", "评估结果.xlsx 正在 LibreOffice 或 WPS 中打开，请先关闭再运行（若已关闭，请删去旁边的 .~lock.评估结果.xlsx#）"),
    ("en", "评估结果.xlsx is open in LibreOffice or WPS: close it, then run again (if it is closed, delete "
           ".~lock.评估结果.xlsx# beside it)"),
])
def test_an_output_open_in_libreoffice_is_refused_as_one_open_in_excel(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                        lang: str, said: str) -> None:
    """With 评估结果.xlsx open in LibreOffice or WPS on Linux (the lock file .~lock.评估结果.xlsx# beside it),
    the results were written over under the open program (only Excel's ~$ lock was looked for), and saving
    there lost this run's. Refused as Excel's lock is: one line, exit 2, no row scored, the file untouched."""
    src = park_list(tmp_path / "名单.csv")
    monkeypatch.chdir(tmp_path)
    assert invoke(str(src), "-o", "评估结果.xlsx")[0] == 0
    before = (tmp_path / "评估结果.xlsx").read_bytes()
    (tmp_path / ".~lock.评估结果.xlsx#").write_text("张三,zhang,host,04.12.2026 22:41,file:///home/zhang/.config/libreoffice/4;",
                                                  encoding="utf-8")
    scored: list[object] = []
    from littlegiant.cli import batch as batching

    monkeypatch.setattr(batching, "read_chunks", lambda *a, **k: scored.append(a) or iter(()))
    code, err = invoke(str(src), "-o", "评估结果.xlsx", lang=lang)
    assert code == 2 and err.endswith(f"{said}\n") and err.count("\n") == 1, err
    assert scored == [] and (tmp_path / "评估结果.xlsx").read_bytes() == before


@pytest.mark.parametrize(("lang", "said"), [
    ("zh", "评估结果.xlsx 无法替换，可能正在 Excel 等程序中打开，请先关闭再运行；已写出的 2 行保存在 评估结果.partial-"),
    ("en", "评估结果.xlsx cannot be replaced: it is probably open in Excel or another program; close it, then run "
           "again; 2 rows written to 评估结果.partial-"),
])
def test_an_output_opened_in_excel_during_the_run_is_said_so_and_the_rows_are_kept(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, said: str) -> None:
    """Opened in Excel once the run began, the output cannot be replaced (Windows refuses): the run said
    「无法写入：没有权限」, which sent staff to their folder's permissions. It names the usual cause, in the
    words of the refusal up front, and the rows written are kept in the partial file it names."""
    import os

    src = park_list(tmp_path / "名单.csv")
    monkeypatch.chdir(tmp_path)
    assert invoke(str(src), "-o", "评估结果.xlsx")[0] == 0
    real = os.replace

    def held_open(source: object, target: object) -> None:
        if Path(str(target)).name == "评估结果.xlsx":
            raise PermissionError(13, "Permission denied", str(target))
        real(source, target)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "replace", held_open)
    code, err = invoke(str(src), "-o", "评估结果.xlsx", lang=lang)
    assert code == 2 and said in err and "没有权限" not in err and "Traceback" not in err, err
    assert len(list(tmp_path.glob("评估结果.partial-*.xlsx"))) == 1


def _read_all(fd: int) -> bytes:
    try:
        return __import__("os").read(fd, 4096)
    except OSError:  # the other end closed
        return b""


def test_a_sheet_that_does_not_state_its_size_shows_a_count_and_a_running_clock(tmp_path: Path) -> None:
    """A sheet from a streaming exporter has no <dimension>, so its size reads as 0: the progress bar
    showed 20000/0, the task was done from the start and its clock stood at 0:00:01 for the whole run.
    Without a total the rows are counted in words (已评估 1,280 行), the clock running on."""
    import os
    import pty
    import re
    import subprocess
    import sys
    import threading
    import time

    from openpyxl import Workbook

    book = Workbook(write_only=True)  # streamed: no <dimension>, as some systems export
    ws = book.create_sheet("企业库")
    ws.append(HEADER)
    for i in range(1, 3001):
        ws.append([i, f"企业{i:05d}有限公司", 300 + i, 10 + i % 500, ""])
    book.save(tmp_path / "企业库.xlsx")
    leader, follower = pty.openpty()
    seen: list[bytes] = []
    reader = threading.Thread(target=lambda: seen.extend(iter(lambda: _read_all(leader), b"")))
    reader.start()
    began = time.monotonic()
    done = subprocess.run([sys.executable, "-m", "littlegiant", "batch", str(tmp_path / "企业库.xlsx"), "-o",
                           str(tmp_path / "评估结果.xlsx"), "--as-of", AS_OF, "--lang", "zh", "--jobs", "1"],
                          stderr=follower, stdout=subprocess.DEVNULL, check=False, timeout=300,
                          env={**os.environ, "LANG": "zh_CN.UTF-8", "COLUMNS": "120", "TERM": "xterm"})
    took = time.monotonic() - began
    os.close(follower)
    reader.join(timeout=30)
    os.close(leader)
    text = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", b"".join(seen).decode("utf-8", "replace"))
    assert done.returncode == 0 and "共读取 3000 行" in text, text
    assert re.search(r"\d/0\b", text) is None, text
    counted = re.findall(r"已评估 ([\d,]+) 行[^\r\n]*? (\d+):(\d\d):(\d\d)", text)
    assert counted and max(int(n.replace(",", "")) for n, *_ in counted) >= 256, text
    clock = max(int(h) * 3600 + int(m) * 60 + int(s) for _, h, m, s in counted)
    # it ran on with the run, not stopped at its first second; start-up and the last save are outside the
    # bar's time, and on a loaded machine they take seconds, so half the run is what it must show at least
    assert clock >= min(int(took) - 2, int(took / 2)), (clock, took, text)


def _backups(folder: Path, stem: str = "评估结果") -> list[Path]:
    return sorted(folder.glob(f"{stem}.backup-*"))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_notes_typed_into_the_results_workbook_are_kept_when_the_run_is_repeated(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str) -> None:
    """Staff type into 评估结果.xlsx (the 备注 column it carries, over a 主要差距 cell), then run again onto it
    once a company sends corrected figures: what they typed was gone, exit 0, no word, no copy. Results
    changed since they were written are now kept as 评估结果.backup-….xlsx first, and the run says so in
    one line; results as written are replaced as before, with no copy."""
    from openpyxl import load_workbook

    src = park_list(tmp_path / "名单.csv")
    monkeypatch.chdir(tmp_path)
    code, base = invoke(str(src), "-o", "评估结果.xlsx", lang=lang)
    assert code == 0
    code, err = invoke(str(src), "-o", "评估结果.xlsx", lang=lang)
    assert code == 0 and err == base and _backups(tmp_path) == [], err  # as written: replaced, nothing more said
    book = load_workbook("评估结果.xlsx")
    sheet = book.worksheets[0]
    header = [c.value for c in sheet[1]]
    gap = header.index("主要差距" if lang == "zh" else "What holds it back") + 1
    sheet.cell(2, header.index("备注") + 1, "已电话联系，12月复查")
    sheet.cell(3, gap).value = "园区意见：优先培育"
    book.save("评估结果.xlsx")
    code, err = invoke(str(src), "-o", "评估结果.xlsx", lang=lang)
    (backup,) = _backups(tmp_path)
    said = (f"评估结果.xlsx 与本工具上次写出的不同（可能有手工填写的内容），原文件已另存为 {backup.name}\n" if lang == "zh" else
            f"评估结果.xlsx is not as batch last wrote it (notes typed in?): the old file is kept as {backup.name}\n")
    assert code == 0 and said in err and err.replace(said, "") == base, err
    kept = load_workbook(backup).worksheets[0]
    assert kept.cell(2, header.index("备注") + 1).value == "已电话联系，12月复查"
    assert kept.cell(3, gap).value == "园区意见：优先培育"
    fresh = load_workbook("评估结果.xlsx").worksheets[0]
    assert fresh.cell(2, header.index("备注") + 1).value is None
    assert invoke(str(src), "-o", "评估结果.xlsx", lang=lang)[0] == 0 and _backups(tmp_path) == [backup]


@pytest.mark.parametrize("suffix", [".csv", ".jsonl"])
def test_a_results_csv_or_json_lines_file_changed_since_written_is_kept_too(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, suffix: str) -> None:
    """A .csv of results opened in Excel and typed into, or JSON Lines edited, lost the edits on the next
    run as the workbook did. Its fingerprint is kept beside it (a hidden file: a text table has no place
    for one): changed, or with no fingerprint, it is kept as 评估结果.backup-… first; as written, replaced."""
    import shutil

    src = park_list(tmp_path / "名单.csv")
    monkeypatch.chdir(tmp_path)
    out = tmp_path / f"评估结果{suffix}"
    assert invoke(str(src), "-o", out.name)[0] == 0
    assert invoke(str(src), "-o", out.name)[0] == 0 and _backups(tmp_path) == []
    typed = out.read_text(encoding="utf-8-sig").replace("重点", "重点，已走访")
    out.write_text(typed, encoding="utf-8-sig" if suffix == ".csv" else "utf-8")
    code, err = invoke(str(src), "-o", out.name)
    (backup,) = _backups(tmp_path)
    assert code == 0 and f"原文件已另存为 {backup.name}" in err, err
    assert "已走访" in backup.read_text(encoding="utf-8-sig") and "已走访" not in out.read_text(encoding="utf-8-sig")
    shutil.copy(out, tmp_path / f"副本{suffix}")  # results with no fingerprint (a copy, an older version's)
    code, err = invoke(str(src), "-o", f"副本{suffix}")
    assert code == 0 and "原文件已另存为 副本.backup-" in err, err
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == [f".评估结果{suffix}.littlegiant",
                                                                             f".副本{suffix}.littlegiant"] or \
        sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == sorted(
            [f".评估结果{suffix}.littlegiant", f".副本{suffix}.littlegiant"])


@pytest.mark.parametrize("suffix", [".csv", ".jsonl"])
def test_an_edit_that_keeps_the_files_size_is_found_and_an_earlier_versions_fingerprint_still_counts(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, suffix: str) -> None:
    """The fingerprint beside text results is a CRC-32 and the size (the SHA-256 it was took a tenth
    of a large --format json run to read back): one figure typed over another of as many characters
    is still a change, kept first; results an earlier version marked with a SHA-256 are still known
    as written, replaced without a copy."""
    import hashlib
    import json

    src = park_list(tmp_path / "名单.csv")
    monkeypatch.chdir(tmp_path)
    out = tmp_path / f"评估结果{suffix}"
    mark = tmp_path / f".评估结果{suffix}.littlegiant"
    assert invoke(str(src), "-o", out.name)[0] == 0
    data = out.read_bytes()
    out.write_bytes(data.replace("重点".encode(), "待访".encode(), 1))  # the same size, another text
    assert out.stat().st_size == len(data) and out.read_bytes() != data
    code, err = invoke(str(src), "-o", out.name)
    (backup,) = _backups(tmp_path)
    assert code == 0 and f"原文件已另存为 {backup.name}" in err, err
    assert "待访" in backup.read_text(encoding="utf-8-sig")
    backup.unlink()
    mark.write_text(json.dumps({"sha256": hashlib.sha256(out.read_bytes()).hexdigest()}), encoding="utf-8")
    code, err = invoke(str(src), "-o", out.name)
    assert code == 0 and "另存为" not in err and _backups(tmp_path) == [], err
    assert set(json.loads(mark.read_text(encoding="utf-8"))) == {"crc32", "size", "about"}


def test_an_output_that_will_not_open_for_writing_is_refused_before_any_row_is_scored(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without a lock file beside it (WPS, a copy of Excel that leaves none), an output the system will
    not open for writing, as Windows refuses one open in Excel, is found up front too."""
    import builtins

    from littlegiant.load import fileio

    src = park_list(tmp_path / "名单.csv")
    monkeypatch.chdir(tmp_path)
    assert invoke(str(src), "-o", "评估结果.csv")[0] == 0
    real = builtins.open

    def held_open(file: object, mode: str = "r", *args: object, **kwargs: object) -> object:
        if Path(str(file)).name == "评估结果.csv" and mode == "r+b":
            raise PermissionError(13, "Permission denied", str(file))
        return real(file, mode, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(fileio, "open", held_open, raising=False)
    code, err = invoke(str(src), "-o", "评估结果.csv")
    assert (code, err) == (2, "littlegiant 出错：评估结果.csv 无法替换，可能正在 Excel 等程序中打开，请先关闭再运行\n")
    assert not list(tmp_path.glob("*.partial-*"))


def test_a_stop_while_the_workbook_writer_loads_leaves_no_partial_file(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """openpyxl loads once the partial file exists, a good part of a second: a Ctrl-C or SIGTERM then
    left an empty 评估结果.partial-….xlsx that no message named. The writer removes it before the stop goes on."""
    from littlegiant.cli import batch as batching
    from littlegiant.report import workbook

    def stopped(*_: object, **__: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(workbook.ResultBook, "__init__", stopped)
    with pytest.raises(KeyboardInterrupt):
        batching.Writer(tmp_path / "评估结果.xlsx", False, about={})
    assert list(tmp_path.iterdir()) == []


def _workbook(path: Path, rows: int, stated: bool) -> Path:
    """A list of ``rows`` companies under HEADER; ``stated``: with its size (<dimension>), as Excel saves
    it, else streamed without one, as some systems export."""
    from openpyxl import Workbook

    book = Workbook(write_only=not stated)
    ws = book.active if stated else book.create_sheet("企业库")
    if stated:
        ws.title = "企业库"
    ws.append(HEADER)
    for i in range(1, rows + 1):
        ws.append([i, f"企业{i:05d}有限公司", 300 + i, 10 + i % 500, ""])
    book.save(path)
    return path


def test_a_sheet_without_its_size_makes_the_total_unknown_and_an_empty_one_zero(tmp_path: Path) -> None:
    """A sheet that states no size counted 0 rows, as an empty one does: beside a sheet of 300, the bar's
    total was 300 where the run read 600. Not stated, the total is not known; a header alone is 0."""
    from littlegiant.cli.app import _progress
    from littlegiant.load.tabular import estimate_rows

    stated = _workbook(tmp_path / "有尺寸.xlsx", 300, True)
    streamed = _workbook(tmp_path / "无尺寸.xlsx", 300, False)
    empty = _workbook(tmp_path / "空表.xlsx", 0, True)
    assert estimate_rows([stated]) == 300 and estimate_rows([empty]) == 0 and estimate_rows([stated, empty]) == 300
    assert estimate_rows([streamed]) is None and estimate_rows([stated, streamed]) is None

    class Options:
        sheet = None
        known_header = None

    for inputs, total, count in (([stated, streamed], None, "已评估 0 行"), ([empty], 0, "0/0"),
                                 ([stated, empty], 300, "0/300")):
        progress = _progress(inputs, Options(), "zh")
        try:
            task = progress.tasks[0]
            assert (task.total, task.fields["count"]) == (total, count), inputs
        finally:
            progress.stop()


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_full_results_are_fingerprinted_as_written_without_reading_them_back(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, jobs: str) -> None:
    """The fingerprint of --format json results (some 50 KB a company) is worked out as the rows are
    written, by this process or by the workers in their turn: reading 110 MB back at the end took 26 ms
    after the work was done. It is the file's own CRC all the same, error rows and every chunk in it,
    so a run onto the untouched file replaces it without a copy, and one onto an edited file keeps it."""
    import json
    import zlib

    from littlegiant.cli import batch as batching

    lines = [json.dumps({"name": f"公司{i}", "employees": 20 + i, "financials": {"2025": {"revenue": 1000 + 37 * i}}},
                        ensure_ascii=False) for i in range(150)]
    lines[70] = '{"name": "坏行", "employees": "很多"}'
    src = tmp_path / "名单.jsonl"
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    read_back: list[Path] = []
    monkeypatch.setattr(batching, "_file_crc", lambda path: read_back.append(path) or f"{zlib.crc32(path.read_bytes()):08x}")
    code, err = invoke(src.name, "-o", "全部.jsonl", "--format", "json", "--jobs", jobs)
    assert code == 1 and "读取 150" in err, err  # the bad row is an error row: exit 1, every row written
    out, mark = tmp_path / "全部.jsonl", tmp_path / ".全部.jsonl.littlegiant"
    assert read_back == [] and len(out.read_text(encoding="utf-8").splitlines()) == 150
    assert json.loads(mark.read_text(encoding="utf-8"))["crc32"] == f"{zlib.crc32(out.read_bytes()):08x}"
    assert invoke(src.name, "-o", "全部.jsonl", "--format", "json", "--jobs", jobs)[0] == 1
    assert _backups(tmp_path, "全部") == []  # as written: replaced without a copy (its fingerprint read it, once)
    out.write_bytes(out.read_bytes().replace("公司7".encode(), "公司8".encode(), 1))
    assert "原文件已另存为" in invoke(src.name, "-o", "全部.jsonl", "--format", "json", "--jobs", jobs)[1]
    (backup,) = _backups(tmp_path, "全部")
    assert "公司8" in backup.read_text(encoding="utf-8")
