"""Words a reader meets in the reports, read from the real output: one language a report, no file
paths, labels that stand alone, the 2022 growth formula with the company's figures, plain JSON
explanations and JSON numbers that say what the report says."""

from __future__ import annotations

import re

from tests.conftest import EXAMPLES
from tests.test_reports import cli, squash

HAN = re.compile(r"[\u4e00-\u9fff]")
CITATION = re.compile(r"[\u4e00-\u9fff]*〔\d{4}〕\d+号|《[^》]*》|（[^）]*）|\([^)]*[\u4e00-\u9fff][^)]*\)")
"""What an English sentence may hold in Chinese: a document number, a title in 《》, and a gloss in
brackets after its English name (Specialised and sophisticated SME (专精特新中小企业))."""


def test_the_english_report_under_the_2026_rules_says_its_notes_in_english() -> None:
    """The 2026 set's note read "The 2026 criteria for 专精特新中小企业 and Little Giant come from
    third-party transcriptions" in an English report: a Chinese name in the middle of an English sentence."""
    out = cli("assess", str(EXAMPLES / "little-giant-2026.yaml"), "--as-of", "2026-11-26", "--lang", "en",
              columns=2000)
    rests_on = out.split("What this rests on")[1].split("\n\n")[0]
    note = next(line for line in rests_on.splitlines() if "third-party" in line)
    assert not HAN.search(CITATION.sub("", note)), note
    assert "specialised and sophisticated SME and Little Giant tiers" in note
