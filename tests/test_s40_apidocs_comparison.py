"""A consultant compares each client under 2022's and 2026's measures from a script, and hands on the document
``assess --compare miit-2022,miit-2026 -o 对比.html`` writes: ``render_comparison`` gives it from compare()'s results."""

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


def _cli(tmp_path: Path, profile: str, fmt: str, *extra: str) -> str:
    """What ``assess --compare … -o FILE`` writes, without the byte-order mark and CRLF of a Windows text file, and
    the line at its end that tells a report's file as written (cli.reportfile)."""
    out = tmp_path / f"对比.{fmt}"
    env = {k: v for k, v in os.environ.items() if k != "COLUMNS"}
    done = subprocess.run([sys.executable, "-m", "littlegiant", "assess", profile, "--compare", "miit-2022,miit-2026",
                           "--format", fmt, "-o", str(out), "--as-of", DAY.isoformat(), *extra], cwd=ROOT, env=env,
                          capture_output=True, check=False, stdin=subprocess.DEVNULL)
    assert done.returncode == 0, done.stderr.decode()
    text = out.read_bytes().decode("utf-8").removeprefix("\ufeff").replace("\r\n", "\n")
    return unmarked(text)


@pytest.mark.parametrize("fmt", ["text", "markdown", "html", "json"])
@pytest.mark.parametrize(("profile", "lang", "sets"), [
    ("examples/little-giant-2022.yaml", "zh", ()),
    ("examples/tier1-only.yaml", "en", ("研发费用（2025年）=700",)),  # a what-if: what it assumed said above
    ("examples/half-missing.yaml", "zh", ("financials.2025.rd_expense=7000",)),  # and a figure to check first
])
def test_a_comparison_from_python_is_the_file_the_command_line_writes(tmp_path: Path, fmt: str, profile: str,
                                                                      lang: str, sets: tuple[str, ...]) -> None:
    """Python gave the two results and no document: the comparison meant running the command line once a client."""
    cli = _cli(tmp_path, profile, fmt, "--lang", lang, *(x for s in sets for x in ("--set", s)))
    results = littlegiant.compare(ROOT / profile, ["miit-2022", "miit-2026"], as_of=DAY, what_if=list(sets))
    api = littlegiant.render_comparison(results, fmt, lang)
    if fmt == "json":  # who chose the sets: the caller, where the command line says --compare
        for by in ("由 --compare 指定的规则集", "the rule set named by --compare"):
            cli = cli.replace(by, "调用时指定的规则集" if "由" in by else "the rule set given by the caller")
    assert api == cli


def test_render_comparison_refuses_what_it_cannot_render() -> None:
    """A format, language or width it has not, naming the argument; a list that is not compare()'s, a TypeError."""
    results = littlegiant.compare(EXAMPLES / "tier1-only.yaml", ["miit-2022", "miit-2026"], as_of=DAY)
    said = []
    for call in (lambda: littlegiant.render_comparison(results, "pdf"), lambda: littlegiant.render_comparison(results, lang="fr"),
                 lambda: littlegiant.render_comparison(results, width=20), lambda: littlegiant.render_comparison([])):
        with pytest.raises(littlegiant.InputError) as caught:
            call()
        said.append(str(caught.value))
    assert said == ["format: expected text, markdown, html or json, got 'pdf'",
                    "lang: expected zh or en (or a tag such as zh-CN, en-US), got 'fr'",
                    "width: expected a whole number of columns from 40 to 1000, got 20",
                    "results: expected the results compare() gives, got none"]
    with pytest.raises(TypeError, match="takes the list compare"):
        littlegiant.render_comparison(results[0])
    with pytest.raises(TypeError, match=r"takes the results of littlegiant\.compare"):
        littlegiant.render_comparison([None])  # type: ignore[list-item]
