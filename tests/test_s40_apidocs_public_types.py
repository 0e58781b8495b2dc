"""The types a screen gives are public: a consultant's script annotating its own helpers could not name them."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

from tests.conftest import EXAMPLES, ROOT

import littlegiant

DAY = date(2026, 11, 26)


def test_a_screens_summary_and_its_tiers_are_public_types() -> None:
    """``littlegiant.Summary`` was AttributeError; the types of ``item.summary`` and its tiers are listed in
    ``__all__`` and are what a screen gives."""
    assert {"Summary", "TierSummary"} <= set(littlegiant.__all__) and {"Summary", "TierSummary"} <= set(dir(littlegiant))
    item = next(littlegiant.screen([EXAMPLES / "little-giant-2022.yaml"], "miit-2022", as_of=date(2024, 11, 26)))
    assert isinstance(item.summary, littlegiant.Summary)
    tiers = item.summary.tiers
    assert all(isinstance(t, littlegiant.TierSummary) for t in tiers.values())
    scored = tiers["zjtx_sme"]
    assert (scored.score_min, scored.score_max) == (Decimal(56), Decimal(91))  # the range docs/output.md §9 says


def test_a_script_annotated_with_them_type_checks(tmp_path: Path) -> None:
    """What a consultant writes: helpers that take a Summary and a TierSummary, imported from the package."""
    script = tmp_path / "clients.py"
    script.write_text(
        "from littlegiant import Screened, Summary, TierSummary, screen\n\n\n"
        "def blocked(tier: TierSummary) -> str:\n"
        "    return tier.blocker_title.get('zh') if tier.blocker_title is not None else ''\n\n\n"
        "def first(summary: Summary) -> TierSummary:\n"
        "    return summary.tiers['little_giant']\n\n\n"
        "def line(item: Screened) -> str:\n"
        "    return blocked(first(item.summary)) if item.summary is not None else item.error or ''\n\n\n"
        "print([line(i) for i in screen(['examples/tier1-only.yaml'], as_of='2026-11-26')])\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--cache-dir", str(tmp_path / "c"),
                           str(script)], cwd=ROOT, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout
    ran = subprocess.run([sys.executable, str(script)], cwd=ROOT, capture_output=True, text=True, check=False)
    assert ran.returncode == 0 and "持有有效期内的专精特新中小企业称号" in ran.stdout, ran.stderr
