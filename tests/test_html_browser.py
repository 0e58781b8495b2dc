"""The HTML report measured in a real browser (headless Chromium): it fits a phone and a desktop, status words
stay on one line, and the summary comes before the first table.

Needs Debian's ``chromium`` on PATH (``apt-get install chromium``; ``.ci/run`` installs it when absent).
Elsewhere these tests skip with that reason.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
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


def measure(html: str, width: int, tmp: Path) -> dict[str, object]:
    """Load the report in a frame ``width`` CSS pixels wide (a browser window is at least 500) and measure it."""
    from html import escape

    probed = html.replace("</body>", PROBE + "</body>")
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
