"""A Markdown report shows what the profile says as text: a Markdown viewer renders the HTML in a
file, so a company named ``<script>…</script>`` ran its script where the client opened the report."""

from __future__ import annotations

import html
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from tests.conftest import EXAMPLES
from typer.testing import CliRunner

from littlegiant.cli.app import app
from littlegiant.report.markdown import HARD_BREAK, md, md_cell

VIEWER = MarkdownIt("commonmark").enable(["table", "strikethrough"])  # what GitHub, VS Code and most viewers follow

HOSTILE = [
    "<script>alert(1)</script>&<b>x",
    '<img src=x onerror="alert(1)">有限公司',
    "[点此领取补贴](javascript:alert(1))",
    "# 假标题",
    "- 一项",
    "> 引用",
    "1. 第一",
    "A | B | C 科技",
    "**粗体** _斜体_ `代码`",
    "&lt;script&gt; R&D",
    "<!-- 注释 -->",
    "<https://example.com>",
    "~~~ 星辰科技",  # opened --compare's second line: a fence, and the rest of the document was code
    "宏达~~科技~~有限公司",  # struck through on GitHub; pandoc made ~科技~ a subscript
]


class _Tags(HTMLParser):
    """The tags of the rendered page, its text and the text of its first <h1>."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.h1: list[str] = []
        self.text: list[str] = []
        self._in_h1 = False
        self._h1_done = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self._in_h1 = tag == "h1" and not self._h1_done

    def handle_endtag(self, tag: str) -> None:
        if tag == "h1" and self._in_h1:
            self._in_h1, self._h1_done = False, True

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self._in_h1:
            self.h1.append(data)


def _viewed(markdown: str) -> _Tags:
    parser = _Tags()
    parser.feed(VIEWER.render(markdown))
    return parser


def _report(tmp_path: Path, name: str, *args: str) -> str:
    profile = (EXAMPLES / "little-giant-2026.yaml").read_text(encoding="utf-8")
    path = tmp_path / "company.yaml"
    path.write_text(re.sub(r"(?m)^name:.*$", lambda _: "name: " + json.dumps(name, ensure_ascii=False), profile),
                    encoding="utf-8")
    out = tmp_path / "report.md"
    result = CliRunner().invoke(app, ["assess", str(path), "--as-of", "2026-11-26", "-o", str(out), *args])
    assert result.exit_code == 0, result.output
    return out.read_text(encoding="utf-8")


@pytest.mark.parametrize("name", HOSTILE)
@pytest.mark.parametrize("args", [(), ("--compare", "miit-2022,miit-2026")], ids=["report", "compare"])
def test_a_hostile_company_name_is_shown_as_typed_and_runs_nothing(tmp_path: Path, name: str,
                                                                 args: tuple[str, ...]) -> None:
    page = _viewed(_report(tmp_path, name, *args))
    plain = _viewed(_report(tmp_path, "示例科技有限公司", *args))
    assert page.tags == plain.tags  # the same page, tag for tag: nothing of the name became markup
    if args:  # the comparison is headed by the two sets; the name opens its second line
        assert name in "".join(page.text)
    else:
        assert "".join(page.h1) == name


def test_a_bar_in_a_table_cell_stays_in_its_cell() -> None:
    rows = _viewed(f"| a | b |\n| --- | --- |\n| {md_cell('x | y')} | {md_cell('第一行' + chr(10) + '<b>第二行</b>')} |\n")
    assert rows.tags.count("td") == 2 and "b" not in rows.tags


_SPECIALS = st.text(alphabet=st.sampled_from(list("<>&#;|*_`~[]()!-+=.1 \\abc中文")), min_size=1, max_size=30).filter(str.strip)


@given(_SPECIALS)
@example("1 #")  # a heading dropped a closing run of # after a space (found by CI)
@example("~~~ 星辰科技")  # --compare's second line: the rest of the document became a block of code
@example("===")  # on the summary's second line, the verdict above it became a heading
@example("a~~b~~")  # struck through
def test_any_text_reads_back_as_itself_in_a_heading_a_list_and_a_paragraph(text: str) -> None:
    """Whatever a name holds, the viewer shows those characters and no markup: as a heading, a list
    item, a paragraph, in bold, and on the line a verdict's reason takes under it."""
    expected = " ".join(text.split())
    for before in ("# ", "- ", "", "**⚑ ", f"- **x**{HARD_BREAK}  "):
        page = VIEWER.render(before + md(text) + ("**" if before == "**⚑ " else ""))
        assert not re.search(r"<(?!/?(h1|ul|li|p|strong)>|br />)", page), page
        seen = " ".join(html.unescape(re.sub(r"<[^>]+>", "", page)).replace("⚑", "").split())
        assert seen == (f"x {expected}" if before.startswith("- **x**") else expected)
        assert "<h1>" not in page or before == "# "
