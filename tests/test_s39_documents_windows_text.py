"""A report file a consultant writes (``-o 报告.txt``, ``-o 报告.md``) is opened on the client's Windows
machine by double-click, after WeChat's file transfer or mail: Notepad before Windows 10 1809 showed a
file of LF line ends as one long line, and without a byte-order mark Notepad, WPS and Excel's text import
guess the encoding (GBK on a Chinese Windows). The words are the report's, the same as on the screen."""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest
from tests.conftest import EXAMPLES
from typer.testing import CliRunner

from littlegiant.cli.app import app
from littlegiant.cli.reportfile import unmarked

PROFILE = str(EXAMPLES / "half-missing.yaml")
AS_OF = ("--as-of", "2026-11-26", "--lang", "zh")


def run(*args: str) -> str:
    done = CliRunner().invoke(app, list(args), env={"COLUMNS": "80", "NO_COLOR": "1"})
    assert done.exit_code == 0, done.output
    return done.stdout


def windows_lines(data: bytes) -> str:
    """The text of a file every line of which ends CRLF (none with a bare LF or CR)."""
    assert b"\r\n" in data
    assert data.count(b"\n") == data.count(b"\r\n") and data.count(b"\r") == data.count(b"\r\n")
    return data.decode("utf-8").replace("\r\n", "\n")


@pytest.mark.parametrize("args", [(), ("--compare", "miit-2022,miit-2026"), ("--explain", "研发费用")],
                         ids=["report", "compare", "explain"])
def test_a_txt_report_opens_in_old_notepad_line_by_line_and_in_chinese(tmp_path: Path, args: tuple[str, ...]) -> None:
    """-o 报告.txt: UTF-8 with a byte-order mark, CRLF line ends; the text is the one the screen shows (a
    report or comparison handed on as a file ends without the terminal's hints, on the check code:
    test_s39_clifiles_report_files)."""
    out = tmp_path / "报告.txt"
    run("assess", PROFILE, *AS_OF, *args, "-o", str(out))
    data = out.read_bytes()
    assert data.startswith(codecs.BOM_UTF8) and not data.startswith(codecs.BOM_UTF8 * 2)
    # less its last line, which tells the file as written (cli.reportfile)
    text, shown = unmarked(windows_lines(data[len(codecs.BOM_UTF8):])), run("assess", PROFILE, *AS_OF, *args)
    if "--explain" in args:
        assert text == shown
    else:
        assert text.splitlines()[:8] == shown.splitlines()[:8] and text.splitlines()[-1] == shown.splitlines()[-1]


def test_a_markdown_report_has_crlf_line_ends_and_no_mark(tmp_path: Path) -> None:
    """-o 报告.md: CRLF (Notepad is what opens a .md on most client machines), no byte-order mark (a
    Markdown tool may show one); the same Markdown as on stdout."""
    out = tmp_path / "报告.md"
    run("assess", PROFILE, *AS_OF, "-o", str(out))
    data = out.read_bytes()
    assert data.startswith("# 佛山".encode())
    assert unmarked(windows_lines(data)) == run("assess", PROFILE, *AS_OF, "--format", "markdown")


def test_json_written_to_a_txt_file_still_reads_as_json(tmp_path: Path) -> None:
    """--format json -o 结果.txt: no byte-order mark, which json.loads refuses ("Unexpected UTF-8 BOM")."""
    out = tmp_path / "结果.txt"
    run("assess", PROFILE, *AS_OF, "--format", "json", "-o", str(out))
    doc = json.loads(out.read_bytes().decode("utf-8"))
    assert doc == json.loads(run("assess", PROFILE, *AS_OF, "--format", "json"))


@pytest.mark.parametrize("name", ["报告.html", "report", "result.json"])
def test_other_names_and_stdout_keep_lf_and_no_mark(tmp_path: Path, name: str) -> None:
    """An HTML page, a JSON file, a file of no suffix, and stdout (a pipe, a script) are as they were."""
    out = tmp_path / name
    run("assess", PROFILE, *AS_OF, "-o", str(out))
    data = out.read_bytes()
    assert b"\r" not in data and not data.startswith(codecs.BOM_UTF8)
    shown = run("assess", PROFILE, *AS_OF)
    assert "\r" not in shown and not shown.startswith("\ufeff")


def test_a_csv_template_named_txt_is_the_csv_template_byte_for_byte(tmp_path: Path) -> None:
    """init --csv 模板.txt (batch reads a .txt list): the template's own BOM and CRLF, not a second mark
    and CR CR LF, which the report's .txt form gave it."""
    as_txt, as_csv = tmp_path / "模板.txt", tmp_path / "模板.csv"
    run("init", "--csv", str(as_txt), "--lang", "zh")
    run("init", "--csv", str(as_csv), "--lang", "zh")
    data = as_txt.read_bytes()
    assert data == as_csv.read_bytes() and data.count(codecs.BOM_UTF8) == 1 and b"\r\r" not in data
