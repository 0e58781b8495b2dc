"""Words a reader meets in the reports, read from the real output: one language a report, no file
paths, labels that stand alone, the 2022 growth formula with the company's figures, plain JSON
explanations and JSON numbers that say what the report says."""

from __future__ import annotations

import json
import re

import pytest
from tests.conftest import EXAMPLES, ROOT
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


PATH_LIKE = re.compile(r"docs/|\.md\b|\.ya?ml\b|§")


def _sources(doc: object) -> list[str]:
    """Every ``source`` string of a JSON result, its rule set's and its criteria's."""
    found: list[str] = []
    if isinstance(doc, dict):
        for key, value in doc.items():
            if key == "source" and isinstance(value, str):
                found.append(value)
            else:
                found += _sources(value)
    elif isinstance(doc, list):
        for value in doc:
            found += _sources(value)
    return found


@pytest.mark.parametrize("args", [
    (str(EXAMPLES / "little-giant-2022.yaml"), "--as-of", "2026-03-01"),
    (str(EXAMPLES / "overlays" / "shandong.yaml"), "--rules", str(ROOT / "rules" / "overlays" / "shandong-2022.yaml"),
     "--as-of", "2026-03-01")])
def test_a_policy_source_cites_documents_never_a_file_of_this_project(args: tuple[str, ...]) -> None:
    """The 2022 growth criteria cited "见 docs/criteria.md §3" and the Shandong overlay "docs/criteria.md §5.1
    示例": a path a user cannot open, in the source a consultant copies into an application."""
    for lang in ("zh", "en"):
        sources = _sources(json.loads(cli("assess", *args, "--lang", lang, "--format", "json")))
        assert sources and not [s for s in sources if PATH_LIKE.search(s)]
    trace = cli("assess", str(EXAMPLES / "little-giant-2022.yaml"), "--as-of", "2026-03-01", "--lang", "zh",
                "--explain", "近2年主营业务收入平均增长率不低于5%", columns=2000)
    assert "政策依据：工信部企业〔2022〕63号 附件3 专业化指标（平均增长率按两年增长率的算术平均计算，为本工具采用的口径）" in trace
    assert not PATH_LIKE.search(trace)
