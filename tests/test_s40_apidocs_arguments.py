"""Errors a consultant's script meets passing the wrong thing: each an InputError naming the Python argument,
never a TypeError from deep inside nor a command-line option."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from tests.conftest import EXAMPLES

import littlegiant

DAY = date(2026, 11, 26)
PROFILE = EXAMPLES / "tier1-only.yaml"


@pytest.mark.parametrize(("rule_sets", "en", "zh"), [
    (None, 'rule_sets: expected a list of rule sets, e.g. ["miit-2022", "miit-2026"], got None',
     'rule_sets：应给出几套规则组成的列表，如 ["miit-2022", "miit-2026"]，现在是 None'),
    (2026, 'rule_sets: expected a list of rule sets, e.g. ["miit-2022", "miit-2026"], got int',
     'rule_sets：应给出几套规则组成的列表，如 ["miit-2022", "miit-2026"]，现在是 int'),
    ([], 'rule_sets: expected a list of rule sets, e.g. ["miit-2022", "miit-2026"], got none',
     'rule_sets：应给出几套规则组成的列表，如 ["miit-2022", "miit-2026"]，现在是空的'),
])
def test_compare_without_a_list_of_sets_names_rule_sets(rule_sets: Any, en: str, zh: str) -> None:
    """compare(p, None) raised TypeError "'NoneType' object is not iterable"; compare(p, []) gave [], and the
    script's ``old, new = compare(...)`` failed on the unpacking, far from the cause."""
    with pytest.raises(littlegiant.InputError) as caught:
        littlegiant.compare(PROFILE, rule_sets, as_of=DAY)
    assert (str(caught.value), caught.value.render("zh")) == (en, zh)


@pytest.mark.parametrize("ref", ["miit-2030", "2022"])
def test_an_unknown_set_in_a_comparison_is_said_of_rule_sets(ref: str) -> None:
    """It was said of "rules", an argument compare has not: the script's author looked for one."""
    with pytest.raises(littlegiant.RulesError) as caught:
        littlegiant.compare(PROFILE, ["miit-2026", ref], as_of=DAY)
    assert str(caught.value).startswith(f"rule_sets: unknown rule set {ref!r}")
    assert caught.value.render("zh").startswith(f"rule_sets：没有“{ref}”这个规则版本")


@pytest.mark.parametrize(("sources", "got"), [(None, "None"), (5, "int"), (b"rows", "bytes")])
def test_screen_of_no_iterable_names_sources_at_the_call(sources: Any, got: str) -> None:
    """screen(None) raised TypeError "'NoneType' object is not iterable"; the arguments are checked at the call."""
    with pytest.raises(littlegiant.InputError) as caught:
        littlegiant.screen(sources, as_of=DAY)
    assert str(caught.value) == f"sources: expected an iterable of profiles, got {got}"
    assert caught.value.render("zh") == f"sources：应给出多家企业（列表等），现在是 {got}"
