"""A Markdown report (or --compare page) taken to Word or PDF with pandoc reads as the company wrote its name.
Pandoc reads more at a line's start than CommonMark does: (1), a), (a), iv. and (@) open a numbered list,
| a line block, ": " a definition. A comparison of 「(1) 恒达密封件」 opened with a list whose marker ate the
(1), and 「| 恒达 | 密封 |」 lost its first |. The rules below are pandoc's manual's (Lists, Line blocks,
Definition lists); CommonMark (markdown-it, what GitHub shows) must show the name unchanged."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from tests.conftest import EXAMPLES
from typer.testing import CliRunner

from littlegiant.cli.app import app
from littlegiant.report.markdown import md

PANDOC_BLOCK = re.compile(r"^(?:\|(?:\s|$)|[:~]\s|\(?(?:\d+|#|[a-zA-Z]|[ivxlcdm]+|[IVXLCDM]+|@[\w-]*)[.)](?:\s|$))")
"""A line pandoc reads as a line block, a definition or an (ordered, fancy or example) list item."""

VIEWER = MarkdownIt("commonmark")

MARKERS = ["(1)", "(12)", "1)", "1.", "a)", "(a)", "B.", "iv.", "(iv)", "XII)", "(@)", "(@ex)", "#.", "(#)", "|", ":"]


def shown(markdown: str) -> str:
    """The text CommonMark shows for one paragraph of Markdown (markup, if any, left as tags)."""
    rendered = VIEWER.render(markdown)
    assert rendered.startswith("<p>") and rendered.count("<p>") == 1, rendered
    return rendered.removeprefix("<p>").removesuffix("</p>\n").replace("&amp;", "&").replace("&lt;", "<") \
        .replace("&gt;", ">").replace("&quot;", '"')


@given(st.sampled_from(MARKERS), st.sampled_from([" ", ""]), st.text(alphabet="恒达密封件有限公司 ABC|&.", max_size=12))
def test_a_text_opening_with_a_pandoc_marker_stays_text(marker: str, space: str, rest: str) -> None:
    name = f"{marker}{space}恒达{rest}".strip()
    line = md(name)
    assert not PANDOC_BLOCK.match(line), line
    assert " ".join(shown(line).split()) == " ".join(name.split())  # as a browser shows spaces


@pytest.mark.parametrize("name", ["(1) 恒达密封件", "| 恒达 | 密封 |", "a) 恒达密封件", "iv. 恒达密封件"])
def test_a_comparison_opens_with_the_company_s_name_as_written(tmp_path: Path, name: str) -> None:
    """The --compare page's second line is the company's name: in pandoc it opened a list or a line block."""
    data = yaml.safe_load((EXAMPLES / "tier1-only.yaml").read_text(encoding="utf-8"))
    data["name"] = name
    profile = tmp_path / "公司.yaml"
    profile.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    out = tmp_path / "对比.md"
    done = CliRunner().invoke(app, ["assess", str(profile), "--as-of", "2026-11-26", "--lang", "zh",
                                    "--compare", "miit-2022,miit-2026", "-o", str(out)])
    assert done.exit_code == 0, done.output
    lines = out.read_text(encoding="utf-8").splitlines()
    (line,) = [x for x in lines if "评估日期 2026-11-26 · 上年度" in x]
    assert not PANDOC_BLOCK.match(line), line
    assert shown(line).startswith(f"{name} · 评估日期")
