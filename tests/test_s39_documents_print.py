"""The HTML report printed to A4 (a client prints it, or saves it as PDF, from the browser): the footer, which
carries the check code and the disclaimer, is never left alone on a last page (a loose last sheet is lost,
and the report with it read as an official decision), nor split across two; an appendix command a
consultant retypes is never cut across a page break. Measured in headless Chromium (``test_html_browser``)."""

from __future__ import annotations

import html as htmllib
import io
import re
from pathlib import Path

import pytest
from pypdf import PdfReader
from tests.conftest import EXAMPLES
from tests.test_html_browser import A4_WIDTH, DevTools, cli, squash


def printed(page: str, tmp: Path) -> list[str]:
    """The text of each A4 page of the report, squashed (no spaces or line breaks)."""
    file = tmp / "report.html"
    file.write_text(page, encoding="utf-8")
    tools = DevTools(tmp / "chromium")
    try:
        session = tools.open(file.as_uri(), width=A4_WIDTH, media="print")
        pdf = tools.pdf(session)
    finally:
        tools.close()
    return [squash(p.extract_text()) for p in PdfReader(io.BytesIO(pdf)).pages]


def texts(page: str, tag: str) -> list[str]:
    """The squashed text of each ``tag`` element of the page."""
    return [squash(htmllib.unescape(re.sub(r"<[^>]+>", "", m))) for m in re.findall(rf"<{tag}>(.*?)</{tag}>", page, re.S)]


@pytest.mark.parametrize("args", [("half-missing", "zh"), ("little-giant-2026", "zh"), ("half-missing", "en"),
                                  ("half-missing", "en", "--compare", "miit-2022,miit-2026")],
                         ids=["appendix-zh", "table-zh", "appendix-en", "compare"])
def test_the_printed_footer_is_whole_and_never_alone_on_the_last_page(tmp_path: Path, args: tuple[str, ...]) -> None:
    """half-missing (zh) printed its disclaimer alone on a ninth page, the check code on the eighth."""
    name, lang, *extra = args
    page = cli("assess", str(EXAMPLES / f"{name}.yaml"), "--as-of", "2026-11-26", "--lang", lang, *extra,
               "--format", "html")
    (footer,) = texts(page, "footer")
    pages = printed(page, tmp_path)
    assert len(pages) > 1
    assert footer in pages[-1], "the footer is split across pages"
    rest = pages[-1].replace(footer, "")
    assert len(rest) > 40, f"the last page holds the footer alone: {pages[-1][:80]}"
    for command in texts(page, "pre"):
        assert any(command in p for p in pages), f"a command cut across pages: {command[:60]}"


@pytest.mark.parametrize("name", ["little-giant-2022", "half-missing"])
def test_the_appendix_heading_is_printed_with_its_first_command(tmp_path: Path, name: str) -> None:
    """Once commands were kept whole, little-giant-2022 printed 附录 and its one line of intro at the foot of a
    page and the commands on the next: a heading that leads nowhere on its page."""
    page = cli("assess", str(EXAMPLES / f"{name}.yaml"), "--as-of", "2026-11-26", "--lang", "zh", "--format", "html")
    intro = squash(htmllib.unescape(re.search(r'<section id="appendix"><h2>(.*?)</h2><p>(.*?)</p>', page).group(2)))
    first = texts(page, "pre")[0]
    pages = printed(page, tmp_path)
    assert [p for p in pages if intro in p] == [p for p in pages if first in p]
