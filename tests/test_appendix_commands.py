"""The appendix of a Markdown or HTML report: commands a consultant re-runs to check a plan, in a file
handed to the client. They name figures by the labels the report shows and the profile by its file
name alone (the consultant's folders are nobody else's business), and each one reproduces the verdict
the plan claims."""

from __future__ import annotations

import json
import re
import shlex
import shutil
from html import unescape
from pathlib import Path

import pytest
from tests.conftest import EXAMPLES
from typer.testing import CliRunner

from littlegiant.cli.app import app

PATH_ARG = re.compile(r"--set [a-z_]+(\.[a-z0-9_]+)+=")  # financials.2025.rd_expense=…


def _invoke(*args: str) -> str:
    result = CliRunner().invoke(app, list(args), env={"COLUMNS": "100", "NO_COLOR": "1"})
    assert result.exit_code == 0, result.output
    return result.stdout


def _commands(report: str) -> list[str]:
    """The commands of a Markdown report's appendix (each in its own code block)."""
    appendix = re.split(r"\n## (?:附录|Appendix)", report)
    assert len(appendix) == 2, "no appendix"
    return re.findall(r"```\n(littlegiant [^\n]+)\n```", appendix[1])


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize(("name", "day"), [("micro-startup", "2026-03-01"), ("tier1-only", "2026-03-01"),
                                          ("half-missing", "2026-11-26")])
def test_each_appendix_command_names_labels_and_reproduces_its_plan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                    name: str, day: str, lang: str) -> None:
    folder = tmp_path / "客户资料" / "2026"
    folder.mkdir(parents=True)
    profile = shutil.copy(EXAMPLES / f"{name}.yaml", folder / f"{name}.yaml")
    args = ("assess", str(profile), "--as-of", day, "--lang", lang, "--set", "financials.2025.rd_expense=30")
    plans = json.loads(_invoke(*args, "--format", "json"))["plans"]
    md = _invoke(*args, "--format", "markdown")
    html = _invoke(*args, "--format", "html")
    for report in (md, html):
        assert str(tmp_path) not in report and "客户资料" not in report  # no folder of the consultant's
        assert not PATH_ARG.search(report), PATH_ARG.search(report)  # no field ids
    commands = _commands(md)
    shown = unescape(re.sub(r"<[^>]+>", "", html))  # as the page shows and copies them (options in spans)
    assert commands and all(c in shown for c in commands)
    monkeypatch.chdir(folder)  # where the consultant runs them: beside the profile
    claimed = [p["checked"] for p in plans.values() if p["moves"] or p["assumed"]]
    reached = []
    for tid, command in zip([t for t, p in plans.items() if p["moves"] or p["assumed"]], commands, strict=True):
        words = shlex.split(command)
        assert words[:3] == ["littlegiant", "assess", f"{name}.yaml"]
        # in the report's language, wherever it is run (an English Windows gave a Chinese report's reader English)
        assert words[words.index("--lang") + 1] == lang
        assert "研发费用（2025年）=30" in words or "R&D expense 2025=30" in words  # the user's own what-if, by label
        reached.append(json.loads(_invoke(*words[1:], "--format", "json"))["tiers"][tid]["status"])
    assert reached == claimed
