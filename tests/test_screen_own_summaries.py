"""A screen's summaries are the caller's own (review of session 35's speed work): Plan.run hands the
same TierSummary to every profile of a status and blocker (e13abc8), and a caller who marks one
company's tier ("what if this were met") must not mark every later company's."""
from datetime import date

from littlegiant import api


def test_a_changed_tier_summary_changes_no_other_company() -> None:
    p = {"name": "A", "industry": "industrial", "employees": 100, "registered_in_china": True}
    first, second = api.screen([p, dict(p, name="B")], "miit-2026", as_of=date(2026, 11, 26))
    assert first.summary is not None and second.summary is not None
    before = second.summary.tiers["zjtx_sme"].status
    first.summary.tiers["zjtx_sme"].status = "met"
    first.summary.tiers["zjtx_sme"].blocker = None
    assert second.summary.tiers["zjtx_sme"].status == before
    assert second.summary.tiers["zjtx_sme"].blocker is not None
    third = next(iter(api.screen([dict(p, name="C")], "miit-2026", as_of=date(2026, 11, 26))))
    assert third.summary is not None and third.summary.tiers["zjtx_sme"].status == before
