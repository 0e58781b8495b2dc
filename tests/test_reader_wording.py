"""Words a finance manager reads as they are meant: a plan's check that does not speak of a merger, what a
what-if changed named with its tier, inputs shown as label and value."""

from __future__ import annotations

from tests.conftest import EXAMPLES
from tests.test_reports import cli, squash


def test_a_plans_check_does_not_read_as_a_merger() -> None:
    """The plan head said 「已验证：合并后重新评估」: to a finance manager 合并 is a merger or consolidated
    accounts, not "all the steps put in at once"."""
    out = squash(cli("assess", str(EXAMPLES / "tier1-only.yaml"), "--as-of", "2026-11-26", "--lang", "zh"))
    assert "合并后" not in out
    assert "（已验证：以下各项一并代入重新评估，结果为「待审核」）" in out
