"""Reports handed on as documents. A finance manager pastes the Markdown into a wiki or turns it into
Word or PDF with pandoc, and it must read the same there as on GitHub; a client's browser names a
saved HTML page after its title and lists its headings as the PDF's outline. markdown-it (rich's own
dependency) stands in for a renderer that does not pass HTML through (pandoc to Word, a wiki that
escapes tags); pandoc's documented rule for a wide pipe table's columns is modelled where pandoc
itself is not at hand."""

from __future__ import annotations

import re
from itertools import pairwise
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from tests.conftest import EXAMPLES
from typer.testing import CliRunner

from littlegiant.cli.app import app

NAMES = sorted(p.stem for p in EXAMPLES.glob("*.yaml"))
NO_HTML = MarkdownIt("commonmark", {"html": False}).enable("table")
"""A renderer that shows typed HTML as text, as pandoc's Word and PDF output and many wikis treat it."""


def markdown_report(tmp_path: Path, profile: Path, lang: str, *args: str) -> str:
    out = tmp_path / f"report.{lang}.md"
    result = CliRunner().invoke(app, ["assess", str(profile), "--as-of", "2026-06-01", "--lang", lang,
                                      "-o", str(out), *args])
    assert result.exit_code == 0, result.output
    return out.read_text(encoding="utf-8")


def answer(html: str) -> str:
    """The rendered summary: the first list under the first second-level heading (warnings may follow)."""
    return html.split("</h2>", 1)[1].split("</ul>", 1)[0]


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("name", NAMES)
def test_each_verdict_and_its_reason_stand_on_lines_of_their_own_without_html(
        tmp_path: Path, name: str, lang: str) -> None:
    """pandoc to Word read "❌ Little Giant: not metheld back by: ..." where the report had typed <br>."""
    html = NO_HTML.render(markdown_report(tmp_path, EXAMPLES / f"{name}.yaml", lang))
    summary = answer(html)
    assert "&lt;br" not in summary
    items = re.findall(r"<li>(.*?)</li>", summary, re.S)
    reasons = [item.split("</strong>", 1)[1] for item in items if item.split("</strong>", 1)[1].strip()]
    assert len(items) == 3 and reasons  # every example has a tier held back or awaiting review
    assert all(why.startswith("<br />\n") for why in reasons), reasons


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_sources_legend_nests_at_four_spaces(tmp_path: Path, lang: str) -> None:
    """python-markdown (MkDocs, many wikis) nests a list only at four spaces: at two, the tiers the
    † / ‡ lines count stood beside them as if they were marks of their own."""
    text = markdown_report(tmp_path, EXAMPLES / "little-giant-2026.yaml", lang)
    legend = text.split("\n## ")[[s.split("\n", 1)[0] for s in text.split("\n## ")].index(
        "依据说明" if lang == "zh" else "About the sources")]
    items = [line for line in legend.splitlines() if line.lstrip().startswith("- ")]
    marks = [line for line in items if line.startswith("- ")]
    nested = [line for line in items if not line.startswith("- ")]
    assert marks and nested
    assert all(line.startswith("    - ") for line in nested), nested
    html = NO_HTML.render(legend)  # still a nested list, not a code block, in CommonMark
    assert html.count("<ul>") == 1 + len(marks) and "<pre>" not in html


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_comparison_nests_an_either_or_s_routes_at_four_spaces(tmp_path: Path, lang: str) -> None:
    """--compare lists an either-or still open with its routes under it: at two spaces python-markdown
    listed each route as one more requirement."""
    out = tmp_path / "compare.md"
    result = CliRunner().invoke(app, ["assess", str(EXAMPLES / "micro-startup.yaml"), "--as-of", "2026-06-01",
                                      "--lang", lang, "--compare", "miit-2022,miit-2026", "-o", str(out)])
    assert result.exit_code == 0, result.output
    nested = [line for line in out.read_text(encoding="utf-8").splitlines() if re.match(r" +- ", line)]
    assert nested and all(line.startswith("    - ") for line in nested), nested


def pandoc_widths(rule: str) -> list[float]:
    """Pandoc's share of the page for each column of a pipe table whose rows are longer than its
    line width: each column's share of the header rule's width, dashes and spaces between pipes."""
    cells = rule.strip().strip("|").split("|")
    total = sum(len(c) for c in cells)
    return [len(c) / total for c in cells]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_pandoc_gives_the_criterion_and_its_computation_the_page_not_the_status(tmp_path: Path, lang: str) -> None:
    """With | --- | --- | --- | a one-word status (满足) took a third of a Word or PDF page."""
    text = markdown_report(tmp_path, EXAMPLES / "half-missing.yaml", lang)
    rules = [line for line in text.splitlines() if re.fullmatch(r"\|(?: *-+ *\|)+", line)]
    assert len(rules) == 3  # one criterion table a tier
    for rule in rules:
        status, criterion, computation = pandoc_widths(rule)
        assert status <= 0.2 and criterion >= 0.3 and computation >= 0.4


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_comparison_page_is_titled_with_the_company(tmp_path: Path, lang: str) -> None:
    """The browser's tab and its Save as PDF take the page title: every client's comparison was
    called 对比：…（2022） 与 …（2026）."""
    out = tmp_path / "compare.html"
    result = CliRunner().invoke(app, ["assess", str(EXAMPLES / "little-giant-2022.yaml"), "--lang", lang,
                                      "--compare", "miit-2022,miit-2026", "-o", str(out)])
    assert result.exit_code == 0, result.output
    title = re.search(r"<title>(.*?)</title>", out.read_text(encoding="utf-8"), re.S)
    assert title is not None and title.group(1).startswith("华东精密传动股份有限公司 · ")


@pytest.mark.parametrize("fmt", ["html", "markdown", "text"])
def test_a_direction_mark_in_the_name_stays_inside_the_name(tmp_path: Path, fmt: str) -> None:
    """A right-to-left override pasted with the name turned the rest of --compare's line: the date
    read 50-21-6202. Overrides and isolates are refused in a name now (test_typed_text); a right-to-left
    mark (U+200F), which a name may hold, still turns the text after it: the name is closed off
    (U+2068 … U+2069) where it shares a line."""
    profile = tmp_path / "company.yaml"
    profile.write_text('name: "Evil\\u200fLTR 有限公司"\nindustry: industrial\nemployees: 10\n', encoding="utf-8")
    out = tmp_path / f"compare.{fmt}"
    result = CliRunner().invoke(app, ["assess", str(profile), "--as-of", "2026-06-01", "--lang", "en",
                                      "--compare", "miit-2022,miit-2026", "--format", fmt, "-o", str(out)])
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if "\u200f" in line]
    assert lines
    for line in lines:
        assert "\u2068Evil\u200fLTR 有限公司\u2069 · " in line, line


def heading_levels(html: str) -> list[int]:
    return [int(level) for level in re.findall(r"<h([1-6])[ >]", html)]


@pytest.mark.parametrize("args", [[], ["--compare", "miit-2022,miit-2026"]], ids=["report", "compare"])
@pytest.mark.parametrize("name", NAMES)
def test_html_headings_never_skip_a_level(tmp_path: Path, name: str, args: list[str]) -> None:
    """A PDF's outline and a screen reader list the headings: --compare went from its h1 to h3."""
    out = tmp_path / "report.html"
    result = CliRunner().invoke(app, ["assess", str(EXAMPLES / f"{name}.yaml"), "--as-of", "2026-06-01",
                                      "--lang", "zh", *args, "-o", str(out)])
    assert result.exit_code == 0, result.output
    levels = heading_levels(out.read_text(encoding="utf-8"))
    assert levels[0] == 1 and levels.count(1) == 1 and len(levels) > 1
    assert all(b <= a + 1 for a, b in pairwise(levels)), levels


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_name_of_spaces_reads_as_no_name(tmp_path: Path, lang: str) -> None:
    """name: "   " gave the HTML an empty heading and tab title, the Markdown an empty # and the
    terminal report a blank first line: now each reads as a report without a name does."""
    profile = tmp_path / "company.yaml"
    profile.write_text('name: "   "\nindustry: industrial\nemployees: 10\n', encoding="utf-8")
    untitled = "自评报告" if lang == "zh" else "Self-assessment"
    said = {}
    for fmt in ("html", "markdown", "text"):
        out = tmp_path / f"report.{fmt}"
        result = CliRunner().invoke(app, ["assess", str(profile), "--lang", lang, "--format", fmt, "-o", str(out)])
        assert result.exit_code == 0, result.output
        said[fmt] = out.read_text(encoding="utf-8")
    assert f"<title>{untitled}</title>" in said["html"] and f"<h1>{untitled}</h1>" in said["html"]
    assert said["markdown"].startswith(f"# {untitled}\n")
    assert said["text"].split("\n", 1)[0].startswith("评估日期" if lang == "zh" else "As of")


@pytest.mark.parametrize("fmt", ["html", "markdown"])
def test_a_filed_comparison_carries_the_profile_s_check_code(tmp_path: Path, fmt: str) -> None:
    """A consultant files the report and the comparison of each client: the report ended with the
    profile's check code, the comparison with nothing that matched it to a profile or a version."""
    profile = EXAMPLES / "little-giant-2022.yaml"
    said = {}
    for name, args in (("report", []), ("compare", ["--compare", "miit-2022,miit-2026"])):
        out = tmp_path / f"{name}.{fmt}"
        result = CliRunner().invoke(app, ["assess", str(profile), "--lang", "zh", "--format", fmt, *args,
                                          "-o", str(out)])
        assert result.exit_code == 0, result.output
        said[name] = out.read_text(encoding="utf-8")
    code = re.search(r"资料校验码 ([0-9a-f]{8})", said["report"])
    assert code is not None
    tail = said["compare"][-600:]
    assert f"资料校验码 {code.group(1)}" in tail and "littlegiant " in tail
    assert "优质中小企业梯度培育管理暂行办法（2022） 与 优质中小企业梯度培育管理办法（2026）" in tail



@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_plan_s_notes_never_run_into_its_numbered_steps(tmp_path: Path, lang: str) -> None:
    """python-markdown (MkDocs, many wikis) runs a bullet list on into a numbered one after a blank
    line: the plan's notes (「…」要等时间累积，本轮不能满足) and its steps came out as one bulleted list, the
    steps unnumbered, the reasons a round cannot come sooner read as things to do. No bullet list is
    followed by a numbered one at the margin; the notes still render as a list, set apart."""
    text = markdown_report(tmp_path, EXAMPLES / "tier1-only.yaml", lang)
    blocks = [b for b in re.split(r"\n\s*\n", text) if b.strip()]
    for before, after in pairwise(blocks):
        assert not (before.startswith("- ") and re.match(r"\d+\. ", after)), (before[:80], after[:80])
    html = NO_HTML.render(text)
    assert html.count("<blockquote>\n<ul>") >= 2 and html.count("<ol>") >= 2  # two plans, each with notes and steps
