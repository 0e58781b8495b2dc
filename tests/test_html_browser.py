"""The HTML report measured in a real browser (headless Chromium): it fits a phone and a desktop, status words
stay on one line, and the summary comes before the first table. Printed on A4 (print media, then a real PDF
read back with pypdf), rows are never split across pages and the summary opens page one.

Needs Debian's ``chromium`` on PATH (``apt-get install chromium``; ``.ci/run`` installs it when absent).
Elsewhere these tests skip with that reason.
"""

from __future__ import annotations

import base64
import fcntl
import io
import itertools
import json
import os
import re
import select
import shutil
import subprocess
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from tests.conftest import EXAMPLES
from typer.testing import CliRunner

from littlegiant.cli.app import app

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="headless Chromium not installed (apt-get install chromium)")

# Injected into a copy of the report only: the report itself carries no script.
PROBE = """<script>
window.addEventListener('load', () => {
  const lines = el => {
    const r = document.createRange(); r.selectNodeContents(el);
    const tops = new Set([...r.getClientRects()].filter(x => x.width > 0).map(x => Math.round(x.top)));
    return tops.size;
  };
  const status = [...document.querySelectorAll('.status')].filter(el => el.getClientRects().length).map(el => [el.textContent.trim(), lines(el)]);
  const summary = document.querySelector('#summary, h1');
  const table = document.querySelector('table');
  const out = {
    inner: window.innerWidth,
    scroll: document.documentElement.scrollWidth,
    status: status,
    summary_bottom: summary ? summary.getBoundingClientRect().bottom : null,
    table_top: table ? table.getBoundingClientRect().top : null,
  };
  const host = window.parent.document;  // the page holding this report in a frame of the width under test
  const pre = host.createElement('pre'); pre.id = 'lg-probe'; pre.textContent = JSON.stringify(out);
  host.body.appendChild(pre);
});
</script>"""


def cli(*args: str) -> str:
    result = CliRunner().invoke(app, list(args), env={"COLUMNS": "100", "NO_COLOR": "1"})
    assert result.exit_code == 0, result.output
    return result.stdout


# Every "(10k CNY)" of the page, and the ones a line ends inside (their text from a little before).
UNIT_PROBE = """<script>
window.addEventListener('load', () => {
  const broken = [];
  let seen = 0;
  const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walk.nextNode(); n; n = walk.nextNode()) {
    const re = /\\(10k\\sCNY\\)/g;
    let m;
    while ((m = re.exec(n.data)) !== null) {
      const r = document.createRange(); r.setStart(n, m.index); r.setEnd(n, m.index + m[0].length);
      const tops = new Set([...r.getClientRects()].filter(x => x.width > 0).map(x => Math.round(x.top)));
      seen += 1;
      if (tops.size > 1) broken.push(n.data.slice(Math.max(0, m.index - 30), m.index + m[0].length));
    }
  }
  const host = window.parent.document;
  const pre = host.createElement('pre'); pre.id = 'lg-probe'; pre.textContent = JSON.stringify({seen, broken});
  host.body.appendChild(pre);
});
</script>"""


def measure(html: str, width: int, tmp: Path, probe: str = PROBE) -> dict[str, object]:
    """Load the report in a frame ``width`` CSS pixels wide (a browser window is at least 500) and measure it."""
    from html import escape

    probed = html.replace("</body>", probe + "</body>")
    page = tmp / f"probe-{width}.html"
    page.write_text(f'<!DOCTYPE html><html><body style="margin:0"><iframe style="border:0;width:{width}px;height:900px" '
                    f'srcdoc="{escape(probed, quote=True)}"></iframe></body></html>', encoding="utf-8")
    profile_dir = tmp / f"chromium-{width}"
    cmd = [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
           "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars",
           f"--user-data-dir={profile_dir}", "--window-size=1400,1000", "--virtual-time-budget=5000",
           "--dump-dom", page.as_uri()]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=False)
    found = re.search(r'<pre id="lg-probe">(.*?)</pre>', done.stdout, re.S)
    assert found, f"the probe did not run: {done.stderr[-500:]}"
    text = found.group(1).replace("&quot;", '"').replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    return json.loads(text)  # type: ignore[no-any-return]


def check(html: str, tmp: Path) -> None:
    for width in (1280, 390):
        m = measure(html, width, tmp)
        assert m["inner"] == width
        assert m["scroll"] <= width, f"horizontal overflow at {width}px: {m['scroll']}px wide"
        broken = [text for text, lines in m["status"] if lines != 1]  # type: ignore[union-attr]
        assert m["status"] and not broken, f"status broken over lines at {width}px: {broken[:5]}"
        if m["table_top"] is not None:
            assert m["summary_bottom"] <= m["table_top"], "the summary must come before the first table"  # type: ignore[operator]


@pytest.mark.parametrize("name", sorted(p.stem for p in EXAMPLES.glob("*.yaml")))
def test_every_example_fits_desktop_and_phone_with_status_on_one_line(name: str, tmp_path: Path) -> None:
    """Each example's zh report: no overflow at 1280 and 390 px, every status on one line, summary first."""
    html = cli("assess", str(EXAMPLES / f"{name}.yaml"), "--as-of", "2026-11-26", "--lang", "zh",
               "--format", "html")
    check(html, tmp_path)


def test_english_report_and_comparison_fit_too(tmp_path: Path) -> None:
    """English words are longer: the en report and the --compare page hold the same layout rules."""
    path = str(EXAMPLES / "little-giant-2022.yaml")
    check(cli("assess", path, "--as-of", "2026-11-26", "--lang", "en", "--format", "html"), tmp_path)
    out = tmp_path / "compare.html"
    cli("assess", path, "--as-of", "2026-11-26", "--lang", "en", "--compare", "miit-2022,miit-2026",
        "--format", "html", "-o", str(out))
    check(out.read_text(encoding="utf-8"), tmp_path)


def test_an_english_unit_is_never_split_over_two_lines_on_a_phone(tmp_path: Path) -> None:
    """"(10k CNY)" stays on one line in the en report at phone widths, as it does in the terminal."""
    html = cli("assess", str(EXAMPLES / "little-giant-2026.yaml"), "--as-of", "2026-11-26", "--lang", "en",
               "--format", "html")
    for width in (390, 420, 500):
        m = measure(html, width, tmp_path, UNIT_PROBE)
        assert m["seen"] and not m["broken"], f"at {width}px: {m}"


# Every "=figure" and "（…年）" of the appendix's commands, and the ones a line breaks inside.
FIGURE_PROBE = UNIT_PROBE.replace("document.body, NodeFilter.SHOW_TEXT", "document.querySelector('pre'), NodeFilter.SHOW_TEXT") \
    .replace("/\\(10k\\sCNY\\)/g", "/=[0-9.,]+|（[0-9]{4}年末?）|--[a-z][a-z-]*|[0-9]{4}-[0-9]{2}-[0-9]{2}/g")


def test_a_figure_in_the_appendix_commands_is_never_split_over_two_lines(tmp_path: Path) -> None:
    """The appendix's commands broke anywhere on a phone, in the middle of a figure (…=10 / 50), a year
    (（2026 / 年）), an option (- / -set) or a date (2028-11- / 26): a reader copying one by eye typed it wrong."""
    html = cli("assess", str(EXAMPLES / "tier1-only.yaml"), "--as-of", "2026-11-26", "--lang", "zh", "--format", "html")
    for width in (390, 500):
        m = measure(html, width, tmp_path, FIGURE_PROBE)
        assert m["seen"] and not m["broken"], f"at {width}px: {m}"


# Every option and date of the header (the coming rule change names --compare), and the ones a line breaks inside.
HEADER_PROBE = UNIT_PROBE.replace("document.body, NodeFilter.SHOW_TEXT", "document.querySelector('header'), NodeFilter.SHOW_TEXT") \
    .replace("/\\(10k\\sCNY\\)/g", "/--[a-z][a-z-]*|[0-9]{4}-[0-9]{2}-[0-9]{2}/g")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_header_s_hint_keeps_the_option_it_names_on_one_line(tmp_path: Path, lang: str) -> None:
    """In March 2026 the header says the rules change on 1 April. It named --compare, which at 420 px broke
    as -- / compare (and --help as - / -help at 390); a page handed on names no option now (the terminal
    gives it), and its dates still keep whole on a line."""
    html = cli("assess", str(EXAMPLES / "little-giant-2022.yaml"), "--as-of", "2026-03-15", "--lang", lang,
               "--format", "html")
    header = html.split("</header>", 1)[0]
    assert "--compare" not in header and ("改按《" in header or "a new application follows" in header)
    for width in (390, 420, 500, 1000):
        m = measure(html, width, tmp_path, HEADER_PROBE)
        assert m["seen"] and not m["broken"], f"at {width}px: {m}"


# The left edge of each criterion's title in the detail tables, by the row's depth (1: under the tier).
DEPTH_PROBE = """<script>
window.addEventListener('load', () => {
  const rows = [...document.querySelectorAll('table.trace tbody tr')].map(tr => {
    const table = [...document.querySelectorAll('table.trace')].indexOf(tr.closest('table'));
    const d = parseInt((tr.className.match(/\\bd(\\d+)/) || [0, '0'])[1], 10);
    const range = document.createRange(); range.selectNodeContents(tr.querySelector('td.crit'));
    return [table, d, Math.round(range.getClientRects()[0].left)];  // the title's text, after the cell's padding
  });
  const host = window.parent.document;
  const pre = host.createElement('pre'); pre.id = 'lg-probe'; pre.textContent = JSON.stringify({rows});
  host.body.appendChild(pre);
});
</script>"""


@pytest.mark.parametrize("width", [390, 1280])
def test_a_route_under_its_group_is_indented_on_a_phone_as_on_a_desktop(tmp_path: Path, width: int) -> None:
    """At 390 px every row of the detail tables started at the left edge: 「营业收入1亿元以上…不满足」, a route of
    an either-or the company is not in, read as a failure of a tier that awaits review (a user pass). A
    criterion stands further right the deeper it is, on a phone as on a desktop."""
    html = cli("assess", str(EXAMPLES / "little-giant-2022.yaml"), "--as-of", "2026-11-26", "--lang", "en",
               "--format", "html")
    rows: list[list[int]] = measure(html, width, tmp_path, DEPTH_PROBE)["rows"]  # type: ignore[assignment]
    tables: dict[int, dict[int, set[int]]] = {}  # a table's columns are its own: compared within each
    for table, depth, x in rows:
        tables.setdefault(table, {}).setdefault(depth, set()).add(x)
    assert len(tables) == 3 and max(len(left) for left in tables.values()) >= 4, tables
    for left in tables.values():
        depths = sorted(left)
        assert all(max(left[a]) < min(left[b]) for a, b in itertools.pairwise(depths)), left


class DevTools:
    """Chromium driven over its DevTools pipe (commands on fd 3, answers on fd 4, each JSON ending in NUL):
    the standard library is enough, no WebSocket client."""

    def __init__(self, profile: Path) -> None:
        cmd_r, cmd_w = os.pipe()
        out_r, out_w = os.pipe()
        # out of the way of 3 and 4, which the child's ends take
        child_r, child_w = fcntl.fcntl(cmd_r, fcntl.F_DUPFD, 10), fcntl.fcntl(out_w, fcntl.F_DUPFD, 10)
        os.close(cmd_r)
        os.close(out_w)

        def ends() -> None:
            os.dup2(child_r, 3)
            os.dup2(child_w, 4)

        self.proc = subprocess.Popen(
            [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars",
             f"--user-data-dir={profile}", "--remote-debugging-pipe", "about:blank"],
            pass_fds=(3, 4), preexec_fn=ends, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(child_r)
        os.close(child_w)
        self.out, self.into = out_r, cmd_w
        self.buf = b""
        self.events: list[dict[str, Any]] = []
        self.next_id = 0

    def _read(self) -> dict[str, Any]:
        while b"\0" not in self.buf:
            ready, _, _ = select.select([self.out], [], [], 120)
            assert ready, "chromium did not answer within 120 s"
            chunk = os.read(self.out, 1 << 20)
            if not chunk:
                raise EOFError("chromium closed its DevTools pipe")
            self.buf += chunk
        msg, self.buf = self.buf.split(b"\0", 1)
        return json.loads(msg)  # type: ignore[no-any-return]

    def send(self, method: str, params: dict[str, Any] | None = None, session: str | None = None) -> dict[str, Any]:
        self.next_id += 1
        msg: dict[str, Any] = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = session
        os.write(self.into, json.dumps(msg).encode() + b"\0")
        while True:
            answer = self._read()
            if answer.get("id") == self.next_id:
                assert "error" not in answer, answer["error"]
                return answer["result"]  # type: ignore[no-any-return]
            self.events.append(answer)

    def wait(self, method: str) -> None:
        while not any(e.get("method") == method for e in self.events):
            self.events.append(self._read())

    def open(self, url: str, *, width: int, media: str) -> str:
        """A page ``width`` CSS pixels wide under ``media`` (screen or print), loaded: its session id."""
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session: str = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        self.send("Page.enable", session=session)
        self.send("Emulation.setEmulatedMedia", {"media": media}, session=session)
        self.send("Emulation.setDeviceMetricsOverride",
                  {"width": width, "height": 1000, "deviceScaleFactor": 1, "mobile": False}, session=session)
        self.send("Page.navigate", {"url": url}, session=session)
        self.wait("Page.loadEventFired")
        return session

    def evaluate(self, session: str, expression: str) -> Any:
        return self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True},
                         session=session)["result"]["value"]

    def pdf(self, session: str) -> bytes:
        """The page printed as the browser prints it (the report's own @page: A4, 14 mm margins)."""
        done = self.send("Page.printToPDF", {"preferCSSPageSize": True, "printBackground": True}, session=session)
        return base64.b64decode(done["data"])

    def close(self) -> None:
        try:
            self.send("Browser.close")
        except (EOFError, OSError, AssertionError):
            pass  # already gone or silent: the wait below ends it
        finally:
            os.close(self.into)
            os.close(self.out)
            try:
                self.proc.wait(60)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


A4_WIDTH = 688  # CSS pixels between the report's 14 mm margins on 210 mm paper (182 mm at 96 px per inch)
MEASURE = """(() => {
  const lines = el => {
    const r = document.createRange(); r.selectNodeContents(el);
    return new Set([...r.getClientRects()].filter(x => x.width > 0).map(x => Math.round(x.top))).size;
  };
  const rows = [...document.querySelectorAll('tr')];
  const table = document.querySelector('table');
  return {
    inner: window.innerWidth,
    scroll: document.documentElement.scrollWidth,
    status: [...document.querySelectorAll('.status')].filter(el => el.getClientRects().length)
              .map(el => [el.textContent.trim(), lines(el)]),
    row_breaks: [...new Set(rows.map(tr => getComputedStyle(tr).breakInside))],
    rows: rows.filter(tr => tr.closest('tbody')).map(tr => [...tr.cells].map(td => td.innerText)),
    summary_bottom: document.querySelector('#summary, h1').getBoundingClientRect().bottom,
    table_top: table ? table.getBoundingClientRect().top : null,
  };
})()"""


_RADICALS = str.maketrans("⻅⻈⻉⻋⻍⻐⻓⻔⻘⻙⻚⻛⻜⻝⻠⻢⻣⻤⻥⻦⻧⻨⻩⻬⻮⻰⻳⺠⺟",
                          "见讠贝车辶钅长门青韦页风飞食饣马骨鬼鱼鸟卤麦黄齐齿龙龟民母")
"""Radical forms a PDF's text layer gives for some characters when the page is set in Noto Sans CJK (长 as
⻓, which NFKC leaves): the characters they stand for, so that a row is found on its page whatever CJK
font the machine has (with Noto installed, every row with 增长率 read as split across pages)."""


def squash(text: str) -> str:
    """Text without spaces or line breaks, ligatures and radical forms undone (the PDF draws "ﬃ" for "ffi")."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text).translate(_RADICALS))


@pytest.mark.parametrize(("name", "lang"), [("tier1-only", "zh"), ("little-giant-2022", "zh"), ("half-missing", "en")])
def test_a4_print_keeps_rows_whole_status_on_one_line_and_the_summary_first(name: str, lang: str,
                                                                            tmp_path: Path) -> None:
    """Under print media at A4 width nothing overflows and every status is on one line; printed to PDF, each
    table row lies whole on one page (rows avoid page breaks) and page one opens with the three verdicts."""
    html = cli("assess", str(EXAMPLES / f"{name}.yaml"), "--as-of", "2026-11-26", "--lang", lang, "--format", "html")
    page = tmp_path / "report.html"
    page.write_text(html, encoding="utf-8")
    tools = DevTools(tmp_path / "chromium")
    try:
        session = tools.open(page.as_uri(), width=A4_WIDTH, media="print")
        m = tools.evaluate(session, MEASURE)
        pdf = tools.pdf(session)
    finally:
        tools.close()
    assert m["inner"] == A4_WIDTH and m["scroll"] <= A4_WIDTH, f"wider than A4: {m['scroll']}px"
    broken = [text for text, lines in m["status"] if lines != 1]
    assert m["status"] and not broken, f"status broken over lines on A4: {broken[:5]}"
    assert m["row_breaks"] == ["avoid"]
    assert m["table_top"] is not None and m["summary_bottom"] <= m["table_top"]
    pages = [squash(p.extract_text()) for p in PdfReader(io.BytesIO(pdf)).pages]
    assert len(pages) > 2, "a report this long fills several pages: rows could split"
    doc = json.loads(cli("assess", str(EXAMPLES / f"{name}.yaml"), "--as-of", "2026-11-26", "--lang", lang,
                         "--format", "json"))
    for tier in doc["tiers"].values():
        assert squash(tier["title"]) in pages[0]
    split = [row for row in m["rows"] if not any(all(squash(cell) in p for cell in row) for p in pages)]
    assert not split, f"rows split across pages: {split[:3]}"


# Every date of the footer (the rules, the date, the version, the profile's check code), and the ones a line breaks inside.
FOOTER_PROBE = HEADER_PROBE.replace("document.querySelector('header')", "document.querySelector('footer')")


@pytest.mark.parametrize("args", [[], ["--compare", "miit-2022,miit-2026"]], ids=["report", "compare"])
def test_the_footer_keeps_its_date_on_one_line(tmp_path: Path, args: list[str]) -> None:
    """The footer's date broke as 2026-12- / 05 on a phone (the comparison's at 390 px): a date read
    off a printed or forwarded page, split, reads as two figures."""
    html = cli("assess", str(EXAMPLES / "little-giant-2022.yaml"), "--as-of", "2026-11-26", "--lang", "zh",
               *args, "--format", "html")
    for width in (360, 375, 390, 414):
        m = measure(html, width, tmp_path, FOOTER_PROBE)
        assert m["seen"] and not m["broken"], f"at {width}px: {m}"
