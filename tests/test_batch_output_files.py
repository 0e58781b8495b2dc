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
