"""Reports a consultant writes to files with -o and hands to a client: what a .txt file ends with, how wide
its lines are, and what a comparison's JSON and files carry. Each runs the command as a user types it
and reads the file it wrote."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rich.cells import cell_len
from tests.conftest import EXAMPLES, wide_command
from typer.testing import CliRunner

from littlegiant.cli.app import app
from littlegiant.cli.reportfile import unmarked

runner = CliRunner()
AS_OF = "2026-11-26"
HELD = EXAMPLES / "little-giant-2022.yaml"  # holds 专精特新中小企业: the terminal is told how to judge its renewal


def run(*args: str, columns: str = "80") -> tuple[int, str, str]:
    done = runner.invoke(app, [*args, "--as-of", AS_OF], env={"COLUMNS": columns, "NO_COLOR": "1"})
    return done.exit_code, done.stdout, done.stderr


def read(path: Path) -> str:
    """The file as Notepad shows it: the byte-order mark and CR of a .txt are the writing's."""
    return path.read_text(encoding="utf-8-sig").replace("\r\n", "\n")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_text_report_written_to_a_file_ends_as_the_markdown_does(tmp_path: Path, lang: str) -> None:
    """-o 报告.txt ended on 「想看每一项条件是怎么算的：在同一条命令后面加上 --detail 再运行一次」 and
    「--renewal 专精特新中小企业」, lines for the one at the keyboard, and had no 资料校验码, which the .md
    and .html of the same run carry. The file now ends on the footer with the check code and the
    disclaimer and names no option; the terminal's report keeps its hints."""
    out = tmp_path / "报告.txt"
    code, _, err = run("assess", str(HELD), "--lang", lang, "-o", str(out))
    assert code == 0, err
    text = read(out)
    assert not re.search(r"(?<![\w-])--[a-z]", text), text[-800:]
    md = tmp_path / "报告.md"
    assert run("assess", str(HELD), "--lang", lang, "-o", str(md))[0] == 0
    footer = [line for line in unmarked(read(md)).splitlines() if "littlegiant " in line][-1]
    check = re.search(r"(资料校验码|profile check code) [0-9a-f]{8}", footer)
    assert check is not None and check.group(0) in re.sub(r"\s*\n\s*", " " if lang == "en" else "", text)
    # after it only the line that tells the file as written (cli.reportfile), which names no option either
    assert unmarked(text).rstrip().endswith("本报告为企业自评结果，不是主管部门的正式认定。" if lang == "zh" else "determination.")
    assert text.rstrip().splitlines()[-1].startswith("报告校验码 " if lang == "zh" else "report check code ")
    # the renewal is still said in words beside the verdict, as the .md says it
    assert ("称号复核须按复核条件另行评估" if lang == "zh" else "itsrenewalisjudgedseparately") in re.sub(r"\s", "", text)
    _, shown, _ = run("assess", str(HELD), "--lang", lang)
    assert "--detail" in shown and "--renewal" in shown and "资料校验码" not in shown


@settings(max_examples=5, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(columns=st.one_of(st.just(""), st.integers(40, 999).map(str)))
def test_a_text_report_file_has_the_same_width_whatever_the_terminal(tmp_path: Path, columns: str) -> None:
    """A .txt written with -o took COLUMNS (or the terminal's width): COLUMNS=200 gave a client lines of 200
    columns that a phone or Notepad broke raggedly and print cut off. A file is 80 columns wide (40 Chinese
    characters: an A4 page in a monospaced font, and at most two screen lines on a phone), whatever the
    screen it was typed at; only a command wider than that stands on a line of its own."""
    out = tmp_path / "报告.txt"
    code, _, err = run("assess", str(EXAMPLES / "half-missing.yaml"), "--lang", "zh", "--detail", "-o", str(out),
                       columns=columns)
    assert code == 0, err
    lines = [line for line in read(out).splitlines() if not wide_command(line, 80)]
    assert max(cell_len(line) for line in lines) in range(72, 81)
    first = tmp_path / "first.txt"
    if not first.exists():
        first.write_text(read(out), encoding="utf-8")
    assert read(out) == first.read_text(encoding="utf-8")


def test_a_comparison_written_to_a_text_file_is_80_columns_and_carries_the_check_code(tmp_path: Path) -> None:
    """--compare -o 对比.txt took COLUMNS too, and its footer lacked the 资料校验码 the .md and .html of the
    same comparison carry: a printed comparison could not be matched to the profile it read."""
    out = tmp_path / "对比 甲.txt"
    code, _, err = run("assess", str(HELD), "--lang", "zh", "--compare", "miit-2022,miit-2026", "-o", str(out),
                       columns="200")
    assert code == 0, err
    text = read(out)
    assert max(cell_len(line) for line in text.splitlines()) in range(72, 81)
    md = tmp_path / "对比.md"
    assert run("assess", str(HELD), "--lang", "zh", "--compare", "miit-2022,miit-2026", "-o", str(md))[0] == 0
    check = re.search(r"资料校验码 [0-9a-f]{8}", read(md))
    assert check is not None and check.group(0) in text.replace("\n", "")
    _, shown, _ = run("assess", str(HELD), "--lang", "zh", "--compare", "miit-2022,miit-2026")
    assert "资料校验码" not in shown
