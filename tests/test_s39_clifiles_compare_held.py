"""A comparison of a company that holds a title says so, as the report of one set does: a 专精特新 company's
comparison read 「专精特新中小企业 …（2026）：待审核」 with no word that it holds the title and that both sets
judge a new application, not its renewal."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from tests.conftest import EXAMPLES
from typer.testing import CliRunner

from littlegiant.cli.app import app

runner = CliRunner()
HELD = EXAMPLES / "little-giant-2022.yaml"  # holds 专精特新中小企业
COMPARE = ("--as-of", "2026-11-26", "--compare", "miit-2022,miit-2026")
NOTE = {"zh": "已持有这一称号，本报告按新申请条件判定；称号复核须按复核条件另行评估",
        "en": "The company holds this title: it is judged here as a new application; its renewal is judged separately"}


def run(*args: str) -> str:
    done = runner.invoke(app, list(args), env={"COLUMNS": "80", "NO_COLOR": "1"})
    assert done.exit_code == 0, done.output
    return done.stdout


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_a_comparison_says_which_titles_the_company_holds(fmt: str, lang: str) -> None:
    out = run("assess", str(HELD), *COMPARE, "--lang", lang, "--format", fmt)
    flat = re.sub(r"\s+", "" if lang == "zh" else " ", out)
    assert flat.count(NOTE[lang]) == 1, out
    if fmt == "text":  # under the tier it is about, before its verdicts
        lines = out.splitlines()
        title = "专精特新中小企业" if lang == "zh" else "Specialised and sophisticated SME (专精特新中小企业)"
        at = lines.index(title)
        assert lines[at + 1].strip().startswith(NOTE[lang][:8]), lines[at:at + 4]
    # a renewal of that title is no new application: said by the renewal line, not this one
    renewed = run("assess", str(HELD), *COMPARE, "--lang", lang, "--format", fmt, "--renewal", "zjtx_sme")
    assert NOTE[lang] not in re.sub(r"\s+", "" if lang == "zh" else " ", renewed)


def test_a_comparison_of_a_company_holding_nothing_says_nothing_of_it(tmp_path: Path) -> None:
    out = run("assess", str(EXAMPLES / "micro-startup.yaml"), *COMPARE, "--lang", "zh")
    assert "已持有" not in out
