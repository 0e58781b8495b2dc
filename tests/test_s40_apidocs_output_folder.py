"""``-o`` into a folder that is not there: the message names the folder to create (or the file in its place)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from tests.conftest import EXAMPLES

DAY = "2026-11-26"


def _run(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "littlegiant", *args], cwd=cwd, capture_output=True, text=True,
                          check=False, stdin=subprocess.DEVNULL)


@pytest.mark.parametrize(("command", "name"), [
    (("assess", str(EXAMPLES / "tier1-only.yaml"), "--as-of", DAY), "报告.html"),
    (("batch", "名单.csv", "--as-of", DAY), "结果.xlsx"),
    (("init", "--csv"), "模板.csv"),
])
def test_an_output_in_a_missing_folder_names_the_folder(tmp_path: Path, command: tuple[str, ...], name: str) -> None:
    """It said "expected a file in an existing folder" (所在的文件夹不存在) of 客户/2026年/报告.html: which of the
    folders was mistyped or not made yet, the consultant had to find out. It names the first that is missing,
    as typed, and nothing is written."""
    (tmp_path / "名单.csv").write_text("企业名称,从业人员（上年末）\n甲公司,45\n", encoding="utf-8")
    (tmp_path / "客户").mkdir()
    target = f"客户/2026年/{name}"
    args = [*command, target] if command[0] == "init" else [*command, "-o", target]
    for lang, said in (("en", "there is no folder 客户/2026年: create it first, or name a file in a folder that exists"),
                       ("zh", "没有“客户/2026年”这个文件夹：请先建好它，或改存到已有的文件夹中")):
        done = _run(tmp_path, *args, "--lang", lang)
        assert done.returncode == 2 and done.stderr.strip().endswith(said), done.stderr
    done = _run(tmp_path, *(args[:-1] if command[0] == "init" else args[:-2]), *(
        [f"缺/2026年/{name}"] if command[0] == "init" else ["-o", f"缺/2026年/{name}"]), "--lang", "zh")
    assert done.returncode == 2 and "没有“缺”这个文件夹" in done.stderr, done.stderr
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["名单.csv", "客户"]


def test_a_file_where_a_folder_should_be_is_named(tmp_path: Path) -> None:
    """报告.txt/客户.txt, a file standing where the path needs a folder: "cannot write: Not a directory"
    (路径中有一段不是文件夹) named no part of it."""
    (tmp_path / "报告.txt").write_text("earlier\n", encoding="utf-8")
    for lang, said in (("en", "报告.txt is a file, not a folder: name a file in a folder that exists"),
                       ("zh", "“报告.txt”是文件，不是文件夹：请改存到已有的文件夹中")):
        done = _run(tmp_path, "assess", str(EXAMPLES / "tier1-only.yaml"), "--as-of", DAY, "-o", "报告.txt/甲.txt",
                    "--lang", lang)
        assert done.returncode == 2 and done.stderr.strip().endswith(said), done.stderr
    assert (tmp_path / "报告.txt").read_text(encoding="utf-8") == "earlier\n"


@pytest.mark.parametrize("empty", ["", " "])
@pytest.mark.parametrize("command", [("assess", str(EXAMPLES / "tier1-only.yaml"), "--as-of", DAY),
                                     ("batch", "名单.csv", "--as-of", DAY)])
def test_an_empty_output_name_is_said_to_be_empty(tmp_path: Path, empty: str, command: tuple[str, ...]) -> None:
    """A script's ``-o "$REPORT"`` with REPORT unset: "--output : is a folder" (是文件夹) of a name the user never
    typed, and -o " " wrote the report to a file named by a space, which no one finds."""
    (tmp_path / "名单.csv").write_text("企业名称,从业人员（上年末）\n甲公司,45\n", encoding="utf-8")
    for lang, said in (("en", "--output: expected a file name, got an empty one"),
                       ("zh", "--output：文件名是空的，请给出要写入的文件名")):
        done = _run(tmp_path, *command, "-o", empty, "--lang", lang)
        assert done.returncode == 2 and done.stderr.strip().endswith(said), done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["名单.csv"]


@pytest.mark.parametrize(("command", "name"), [(("assess", str(EXAMPLES / "tier1-only.yaml"), "--as-of", DAY), "报告.html"),
                                               (("batch", "名单.csv", "--as-of", DAY), "结果.xlsx")])
def test_an_output_name_ending_in_a_space_is_refused(tmp_path: Path, command: tuple[str, ...], name: str) -> None:
    """A name copied from a sheet's cell with a space after it: assess wrote a text report (".html " names no
    format) to a file named "报告.html ", which the consultant looked for and could not tell from none."""
    (tmp_path / "名单.csv").write_text("企业名称,从业人员（上年末）\n甲公司,45\n", encoding="utf-8")
    for lang, said in (("en", f"--output '{name} ': the name ends in a space, which no one sees when looking for the "
                              f"file: write {name}"),
                       ("zh", f"--output '{name} '：文件名末尾有空格，找文件时看不出来：请写成 {name}")):
        done = _run(tmp_path, *command, "-o", f"{name} ", "--lang", lang)
        assert done.returncode == 2 and done.stderr.strip().endswith(said), done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["名单.csv"]


@pytest.mark.parametrize("args", [["init", "--csv", ""], ["init", "--xlsx", " "], ["assess", "--save="],
                                  ["assess", "--save", "", "--lang", "en"]])
def test_an_empty_file_name_to_save_or_write_a_template_is_said_to_be_empty(tmp_path: Path, args: list[str]) -> None:
    """typer reads "" as the path ".": a script's --save "$ANSWERS" with ANSWERS unset was told
    "--save .: is a folder", of a name no one typed."""
    import os

    env = {**os.environ, "LANG": "C.UTF-8"}
    done = subprocess.run([sys.executable, "-m", "littlegiant", *args], capture_output=True, text=True, cwd=tmp_path,
                          env=env, input="", check=False)
    option = args[1].split("=")[0]
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr == f"littlegiant: error: {option}: expected a file name, got an empty one\n"
    assert list(tmp_path.iterdir()) == []
