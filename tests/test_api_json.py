"""The document a script writes from a result is the one the command line writes for the same run."""

from __future__ import annotations

import json
import pickle
from datetime import date
from pathlib import Path

import pytest
from tests.conftest import EXAMPLES
from tests.test_cli_assess import assess_json

import littlegiant

DAY = date(2026, 11, 26)


@pytest.mark.parametrize("name", ["tier1-only.yaml", "little-giant-2022.yaml"])
def test_a_what_if_results_document_says_it_is_a_what_if(name: str) -> None:
    """``to_json(assessment.result)``, which the README offers beside ``to_json(assessment)``, wrote a what-if's
    verdicts with no what_if block: assumed figures passed for the company's own in a document handed on (and
    the plans the CLI writes were missing). Now the result gives its assessment's document, sent through a
    process pool too."""
    cli = assess_json(EXAMPLES / name, "--as-of", DAY.isoformat(), "--lang", "zh", "--set", "financials.2025.rd_expense=100")
    one = littlegiant.assess(EXAMPLES / name, as_of=DAY, what_if={"financials.2025.rd_expense": 100})
    for doc in (littlegiant.to_json(one.result, "zh"), littlegiant.to_json(pickle.loads(pickle.dumps(one.result)), "zh")):
        assert json.loads(json.dumps(doc, ensure_ascii=False)) == cli
        assert doc["what_if"]["set"] == ["financials.2025.rd_expense=100"] and "plans" in doc
    plain = littlegiant.assess(EXAMPLES / name, as_of=DAY)
    assert json.loads(json.dumps(littlegiant.to_json(plain.result, "zh"), ensure_ascii=False)) == \
        assess_json(EXAMPLES / name, "--as-of", DAY.isoformat(), "--lang", "zh")


@pytest.mark.parametrize(("name", "renewal"), [("tier1-only.yaml", None), ("little-giant-2022.yaml", "little_giant")])
def test_the_calendars_set_loaded_once_judges_as_the_calendar_does(name: str, renewal: str | None) -> None:
    """A script loads the calendar's set once, load_rules(as_of=day), and assesses each client with it: each
    document said "the rule set given by the caller", forced, with no round notice (the 2026 Little Giant
    renewal round's 工信厅企业函〔2026〕117号 went unsaid), and each report's commands named it with --rules.
    Now they are the CLI's for that date, as if the calendar had been left to choose."""
    rules = littlegiant.load_rules(as_of=DAY, renewal=renewal)
    extra = ["--renewal", renewal] if renewal else []
    cli = assess_json(EXAMPLES / name, "--as-of", DAY.isoformat(), "--lang", "zh", *extra)
    loaded = littlegiant.assess(EXAMPLES / name, rules, as_of=DAY, renewal=renewal)
    assert json.loads(json.dumps(loaded.to_json("zh"), ensure_ascii=False)) == cli
    assert cli["calendar"]["forced"] is False and (renewal is None or cli["calendar"]["round"] == "工信厅企业函〔2026〕117号")
    assert loaded.render("markdown", "zh") == littlegiant.assess(EXAMPLES / name, as_of=DAY, renewal=renewal).render(
        "markdown", "zh")
    # a set named by its id is forced, as --rules forces it, even where the calendar names it too
    assert littlegiant.assess(EXAMPLES / name, rules.id, as_of=DAY, renewal=renewal).to_json()["calendar"]["forced"] is True


def test_compare_takes_a_what_if_as_compare_with_set_does() -> None:
    """``--compare miit-2022,miit-2026 --set …`` compares a what-if under both versions; compare() took no
    what_if, and a script assessed each set itself. Now each result is the CLI's for that set, and its
    document says what it assumed and moved."""
    path = EXAMPLES / "tier1-only.yaml"
    cli = assess_json(path, "--as-of", DAY.isoformat(), "--compare", "miit-2022,miit-2026",
                      "--set", "financials.2025.rd_expense=700")
    old, new = littlegiant.compare(path, ["miit-2022", "miit-2026"], as_of=DAY,
                                   what_if={"financials.2025.rd_expense": 700})
    for result, doc in zip((old, new), cli["compare"], strict=True):
        mine = json.loads(json.dumps(littlegiant.to_json(result), ensure_ascii=False))
        assert mine["tiers"] == doc["tiers"] and mine["sme"] == doc["sme"]
        assert mine["what_if"]["set"] == cli["what_if"]["set"] and mine["what_if"]["assumed"] == cli["what_if"]["assumed"]
        assert mine["tiers"] != littlegiant.to_json(littlegiant.compare(path, [result.rules_id], as_of=DAY)[0])["tiers"]


def test_compare_judges_the_set_in_force_with_its_round_notice_as_assess_does(tmp_path: Path) -> None:
    """``compare(p, ["miit-2022", "miit-2026"], as_of=2025-06-30)`` judged the 2022 set without
    工信厅企业函〔2025〕190号: 小巨人 on 4,500万 of revenue came out manual_review beside assess's unmet.
    Each tier of the 2022 result now is assess's; the 2026 set, not in force that day, is judged as it is."""
    company = tmp_path / "co.yaml"
    text = (EXAMPLES / "little-giant-2022.yaml").read_text(encoding="utf-8")
    company.write_text(text.replace("2024: {revenue: 10500, main_revenue: 9300", "2024: {revenue: 4500, main_revenue: 4300"),
                       encoding="utf-8")
    plain = littlegiant.assess(company, as_of="2025-06-30").result
    old, new = littlegiant.compare(company, ["miit-2022", "miit-2026"], as_of="2025-06-30")
    assert plain.tiers["little_giant"].status == "unmet"
    assert {t: r.status for t, r in old.tiers.items()} == {t: r.status for t, r in plain.tiers.items()}
    assert littlegiant.to_json(old)["calendar"]["round"] == "工信厅企业函〔2025〕190号"
    assert littlegiant.to_json(new)["calendar"]["reason"] == "the rule set given by the caller"


def test_compare_given_the_calendars_set_loaded_names_its_round_as_assess_does(tmp_path: Path) -> None:
    """``load_rules(as_of=day)`` (the 2022 set with 工信厅企业函〔2025〕190号 in 2025) passed to assess is the
    calendar's choice, its round named; passed to compare, the same object read 'the rule set given by the
    caller', forced, no round. Its calendar is now assess's; the 2026 set beside it stays the caller's."""
    day = "2025-06-30"
    rules = littlegiant.load_rules(as_of=day)
    path = EXAMPLES / "little-giant-2022.yaml"
    plain = littlegiant.assess(path, rules, as_of=day).to_json()
    mine, other = (littlegiant.to_json(r) for r in littlegiant.compare(path, [rules, "miit-2026"], as_of=day))
    assert plain["calendar"]["round"] == "工信厅企业函〔2025〕190号"
    assert mine["calendar"] == plain["calendar"] and mine["tiers"] == plain["tiers"]
    assert other["calendar"]["forced"] is True
