"""The compiled screening plan (batch summaries) gives exactly what the full engine gives:
every tier's status, score and score range, the SME status and size, and the first criterion
holding a tier back — on the examples, the Shandong overlay, and generated profiles."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.conftest import EXAMPLES, ROOT
from tests.test_properties import plausible

from littlegiant import engine, profile, rules
from littlegiant.compare import holding_back
from littlegiant.plan import plan_for
from littlegiant.result import MET

DAY = date(2026, 11, 26)


def same(rule_ref: str, values: dict[str, Any], renewal: bool) -> None:
    rs = rules.load(rule_ref)
    full = engine.evaluate(rs, profile.Profile(dict(values)), DAY, renewal)
    fast = plan_for(rs, DAY.year - 1, renewal).run(values)
    assert (fast.sme_status, fast.sme_size) == (full.sme_status, full.sme_size)
    for tid, tier in full.tiers.items():
        got = fast.tiers[tid]
        assert (got.status, got.score, got.score_min, got.score_max) == \
            (tier.status, tier.score, tier.score_min, tier.score_max), tid
        if tier.status != MET:
            blockers = holding_back(full, tid)
            assert got.blocker == (blockers[0].id if blockers else None), tid
        assert fast.tiers[tid].status == plan_for(rs, DAY.year - 1, renewal).tier_status(values, tid)


CASES = [(str(p), rid, renewal) for p in sorted(EXAMPLES.glob("*.yaml")) for rid in ("miit-2022", "miit-2026")
         for renewal in (False, True)]


@pytest.mark.parametrize(("path", "rule_id", "renewal"), CASES)
def test_the_plan_agrees_on_every_example(path: str, rule_id: str, renewal: bool) -> None:
    rs = rules.load(rule_id)
    same(rule_id, dict(profile.load_profile(EXAMPLES / path, rs).values), renewal)


def test_the_plan_agrees_under_the_overlay() -> None:
    overlay = str(ROOT / "rules" / "overlays" / "shandong-2022.yaml")
    values = dict(profile.load_profile(EXAMPLES / "overlays" / "shandong.yaml", rules.load(overlay)).values)
    same(overlay, values, False)
    values["shandong.priority_industry"] = False
    del values["shandong.listing_progress"]
    same(overlay, values, False)


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(data=plausible(), rule_id=st.sampled_from(("miit-2022", "miit-2026")), renewal=st.booleans())
def test_the_plan_agrees_on_generated_profiles(data: dict[str, Any], rule_id: str, renewal: bool) -> None:
    rs = rules.load(rule_id)
    same(rule_id, dict(profile.from_data(data, rs, "<gen>").values), renewal)
