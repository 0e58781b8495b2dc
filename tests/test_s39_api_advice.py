"""An assessment without advice (a script that wants verdicts fast) says what the advised one says, plans
aside: answers given to another rule set's questions were warned of with advice and dropped without."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from tests.conftest import EXAMPLES
from tests.test_cli_assess import assess_json

import littlegiant

DAY = date(2026, 11, 26)
ANSWERED_2022 = "name: 甲公司\nanswered_under: miit-2022\nfinancials:\n  2025:\n    revenue: 8000\ncompliance:\n  major_incident: false\n"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_answers_to_another_sets_questions_are_warned_of_without_advice_too(tmp_path: Path, lang: str) -> None:
    path = tmp_path / "客户.yaml"
    path.write_text(ANSWERED_2022, encoding="utf-8")
    cli = assess_json(path, "--as-of", DAY.isoformat(), "--lang", lang)
    fast = littlegiant.assess(path, as_of=DAY, advice=False)
    for doc in (fast.to_json(lang), littlegiant.to_json(fast.result, lang)):
        assert [w["kind"] for w in doc["warnings"]] == ["answered_under", "asked_otherwise"]
        assert json.loads(json.dumps(doc["warnings"], ensure_ascii=False)) == cli["warnings"]
        assert "plans" not in doc
    said = "这些回答是按《优质中小企业梯度培育管理暂行办法（2022）》的问题填写的" if lang == "zh" else \
        "These answers were given to the questions of Interim Measures for Cultivating Quality SMEs (2022)"
    for fmt in ("text", "markdown", "html"):
        assert said in " ".join(fast.render(fmt, lang, width=1000).split()), fmt


@pytest.mark.parametrize("name", sorted(p.name for p in EXAMPLES.glob("*.yaml")))
def test_without_advice_the_document_is_the_commands_without_its_advice(name: str) -> None:
    cli = assess_json(EXAMPLES / name, "--as-of", DAY.isoformat(), "--lang", "zh")
    cli.pop("plans", None)
    cli.pop("gaps", None)
    doc = littlegiant.assess(EXAMPLES / name, as_of=DAY, advice=False).to_json("zh")
    assert json.loads(json.dumps(doc, ensure_ascii=False)) == cli


def test_a_comparison_warns_of_answers_given_to_another_sets_questions_under_that_set_alone(tmp_path: Path) -> None:
    """compare(client answered under 2022, ["miit-2022", "miit-2026"]): the 2026 result's document said nothing
    of the 2022 incident answer it judged as an answer to its own question; it now warns as assess's does."""
    path = tmp_path / "客户.yaml"
    path.write_text(ANSWERED_2022, encoding="utf-8")
    old, new = littlegiant.compare(path, ["miit-2022", "miit-2026"], as_of=DAY)
    assert littlegiant.to_json(old)["warnings"] == []
    alone = littlegiant.assess(path, "miit-2026", as_of=DAY).to_json("zh")["warnings"]
    assert [w["kind"] for w in littlegiant.to_json(new, "zh")["warnings"]] == ["answered_under", "asked_otherwise"]
    assert littlegiant.to_json(new, "zh")["warnings"] == alone
