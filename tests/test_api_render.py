"""A consultant's script writes each client's report: the same file ``assess --format F -o FILE`` writes."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from tests.conftest import EXAMPLES, ROOT

import littlegiant
from littlegiant.cli.reportfile import unmarked

DAY = date(2026, 11, 26)


def _cli_file(tmp_path: Path, profile: str, fmt: str, *extra: str, columns: int | None = None) -> bytes:
    """What the command line writes to ``-o``, run from the repository as a user runs it: ``-o 报告.txt`` is
    the client's copy (80 columns, no hint to type, the check code: test_s39_clifiles_report_files), its
    byte-order mark, CRLF line ends and last line (the mark that tells it as written) the writing's, not the
    report's."""
    out = tmp_path / f"report.{fmt}"
    env = {k: v for k, v in os.environ.items() if k != "COLUMNS"} | ({"COLUMNS": str(columns)} if columns else {})
    done = subprocess.run([sys.executable, "-m", "littlegiant", "assess", profile, "--format", fmt, "-o", str(out),
                           "--as-of", DAY.isoformat(), *extra], cwd=ROOT, env=env, capture_output=True, check=False,
                          stdin=subprocess.DEVNULL)
    assert done.returncode == 0, done.stderr.decode()
    written = out.read_bytes()
    # the line that tells a report's file as written (cli.reportfile) is the file's, not the report's
    written = unmarked(written.decode("utf-8")).encode("utf-8")
    return written.removeprefix("\ufeff".encode()).replace(b"\r\n", b"\n") if fmt == "text" else written


@pytest.mark.parametrize("fmt", ["text", "markdown", "html", "json"])
@pytest.mark.parametrize(("profile", "lang", "sets"), [
    ("examples/tier1-only.yaml", "zh", ("financials.2025.rd_expense=100",)),  # a what-if: its assumptions said
    ("examples/half-missing.yaml", "en", ()),
    ("examples/little-giant-2022.yaml", "zh", ("研发费用（2025年）=700", "employees=300")),
])
def test_a_report_from_python_is_the_file_the_command_line_writes(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str, profile: str, lang: str, sets: tuple[str, ...]) -> None:
    """Python gave only the JSON document: a report for the client (text, Markdown, HTML) meant running the
    command line once a client. ``render`` gives the file ``-o`` writes, byte for byte, what-if included, but for
    its line ends: a .markdown file is written with CRLF for Windows' Notepad, a Python string ends its lines \\n."""
    monkeypatch.chdir(ROOT)  # the profile named as the command line was given it: the report's commands name it
    extra = [x for s in sets for x in ("--set", s)]
    cli = _cli_file(tmp_path, profile, fmt, "--lang", lang, *extra)
    api = littlegiant.assess(profile, as_of=DAY, what_if=list(sets)).render(fmt, lang)
    assert api.encode("utf-8") == (cli.replace(b"\r\n", b"\n") if fmt == "markdown" else cli)


def test_a_rule_file_of_ones_own_is_named_in_the_reports_commands(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A report judged by the consultant's own rule file gives the client commands that name it, as the CLI's does;
    whether the set was given by its file's path or loaded first."""
    monkeypatch.chdir(ROOT)
    rules = tmp_path / "mine.yaml"
    text = (ROOT / "rules" / "overlays" / "shandong-2022.yaml").read_text(encoding="utf-8")
    rules.write_text(text.replace("id: shandong-2022", "id: shandong-mine"), encoding="utf-8")
    cli = _cli_file(tmp_path, "examples/tier1-only.yaml", "markdown", "--rules", str(rules), "--lang", "zh").decode()
    api = littlegiant.assess("examples/tier1-only.yaml", rules, as_of=DAY).render("markdown", "zh")
    assert api.count("--rules mine.yaml") == cli.count("--rules mine.yaml") == 2
    # the one line that differs says who chose the set: the caller, where the CLI says --rules
    assert [x for x in api.splitlines() if x not in cli.splitlines()] == ["- 调用时指定的规则集。"]
    loaded = littlegiant.assess("examples/tier1-only.yaml", littlegiant.load_rules(rules), as_of=DAY)
    assert loaded.render("markdown", "zh") == api
    # a built-in set loaded first is named by its id, which the command line takes as it takes the file
    assert "--rules miit-2022 " in littlegiant.assess("examples/tier1-only.yaml", littlegiant.load_rules("miit-2022"),
                                                      as_of=DAY).render("markdown", "zh")


def test_a_format_or_width_it_cannot_write_is_refused_by_the_argument(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """One line naming the argument; the text report's width as the command line bounds COLUMNS, and a
    narrow one folded as the command line folds it at that COLUMNS."""
    one = littlegiant.assess(EXAMPLES / "tier1-only.yaml", as_of=DAY)
    assert one.render("HTML ") == one.render("html")
    said = []
    for call in (lambda: one.render("pdf"), lambda: one.render("text", width=20), lambda: one.render("text", "fr")):
        with pytest.raises(littlegiant.InputError) as caught:
            call()
        said.append(str(caught.value))
    assert said == ["format: expected text, markdown, html or json, got 'pdf'",
                    "width: expected a whole number of columns from 40 to 1000, got 20",
                    "lang: expected zh or en (or a tag such as zh-CN, en-US), got 'fr'"]
    narrow = one.render("text", width=60)
    assert narrow != one.render() and max(map(_columns, narrow.splitlines())) <= 60 < max(map(_columns, one.render().splitlines()))


def _columns(line: str) -> int:
    """The columns a line takes in a monospaced font: a Chinese character two."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line)
