"""A consultant's script writes each client's text report from ``Assessment.render("text")``: a string read by the
client, who types no command, as the copy ``assess -o 报告.txt`` writes."""

from __future__ import annotations

import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from tests.conftest import EXAMPLES

import littlegiant
from littlegiant.cli.reportfile import unmarked

DAY = date(2026, 11, 26)
COMMAND = re.compile(r"littlegiant (assess|batch|rules)|--detail|--save|--set|press |按回车")


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize(("profile", "renewal"), [("tier1-only.yaml", None), ("little-giant-2026.yaml", "little_giant"),
                                                  ("half-missing.yaml", None)])
def test_a_text_report_from_python_tells_its_reader_no_command_to_type(lang: str, profile: str,
                                                                      renewal: str | None) -> None:
    """It said "run the interview on that file (littlegiant assess --save /home/…/client.yaml …)" and "run the same
    command again with --detail added": words for a terminal, in a string a script writes into the client's file,
    with the consultant's own folder in it. It names every question still to answer, and the check code that
    matches it to the profile it read, as the client's copy written with -o does."""
    one = littlegiant.assess(EXAMPLES / profile, as_of=DAY, renewal=renewal, what_if={"employees": 150})
    text = one.render("text", lang)
    assert COMMAND.search(text) is None, COMMAND.search(text)
    assert str(EXAMPLES) not in text
    assert re.search(r"(profile check code|资料校验码) [0-9a-f]{8}", text), text[-400:]


def test_the_text_report_is_the_client_copy_at_its_width() -> None:
    """80 columns by default, as -o 报告.txt writes it; a width given is kept to."""
    one = littlegiant.assess(EXAMPLES / "tier1-only.yaml", as_of=DAY)
    assert max(len(line) for line in one.render("text").splitlines()) <= 80
    assert max(len(line) for line in one.render("text", width=120).splitlines()) > 80


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_text_report_works_out_each_criterion_when_asked(tmp_path: Path, lang: str) -> None:
    """The text had no way to the criterion trace -o 报告.txt --detail writes (nor any word of how to get it, now
    the hint to rerun with --detail is gone): ``detail=True`` gives that file."""
    out = tmp_path / "报告.txt"
    done = subprocess.run([sys.executable, "-m", "littlegiant", "assess", str(EXAMPLES / "tier1-only.yaml"), "--as-of",
                           DAY.isoformat(), "--lang", lang, "--detail", "-o", str(out)], capture_output=True, check=False,
                          stdin=subprocess.DEVNULL)
    assert done.returncode == 0, done.stderr
    one = littlegiant.assess(EXAMPLES / "tier1-only.yaml", as_of=DAY)
    # less its last line, the mark that tells the file as written (cli.reportfile)
    written = unmarked(out.read_bytes().decode("utf-8").removeprefix("\ufeff").replace("\r\n", "\n"))
    assert one.render("text", lang, detail=True) == written != one.render("text", lang)
    with pytest.raises(littlegiant.InputError, match=r"^detail: expected True or False, got 'yes'$"):
        one.render("text", detail="yes")  # type: ignore[arg-type]
