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
