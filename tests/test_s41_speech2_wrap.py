"""The interview's hint for a rough figure (只知道大概的，可以在数前加“约”，如 约3000万) never splits 约 from its
figure across two lines: at 74 columns a line ended 「如 约」 and the next began 「3000万」."""

from __future__ import annotations

import sys
from pathlib import Path

import pexpect
from tests.test_cli_interactive import ENV

AS_OF = ["--as-of", "2026-12-05"]


def test_the_hint_for_a_rough_figure_keeps_about_with_its_figure_in_a_narrow_terminal(tmp_path: Path) -> None:
    child = pexpect.spawn(sys.executable, ["-m", "littlegiant", "assess", *AS_OF, "--lang", "zh", "--save", "a.yaml"],
                          cwd=str(tmp_path), env={**ENV, "COLUMNS": "74"}, encoding="utf-8", timeout=30,
                          dimensions=(50, 74))
    child.expect("> ")
    child.sendline("某公司")
    child.expect("营业收入")
    child.expect("> ")
    child.sendline("营收1亿多")  # at 74 columns (a terminal split in two) its refusal's line ended 「如 约」
    child.expect("看说明）")
    shown = str(child.before)
    child.sendline("退出")
    child.expect(pexpect.EOF)
    lines = [ln.rstrip() for ln in shown.replace("\r", "").split("\n")]
    assert any("约3000万" in ln for ln in lines), shown
    assert not any(ln.endswith("约") for ln in lines), shown
