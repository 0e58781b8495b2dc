"""Found trying the tool as a finance manager and as park staff: an amount with its audit state in brackets
after it was read or refused by which words said it and by which door it came in. The interview read
12000万（审计数） but refused 12000万（未审）; a sheet's cell, --set and a profile file refused every one, as no
amount. 12000万（暂估） (a provisional estimate, as the books call it) was refused too. Every door now reads an
audit state as nothing the figure says, and an estimate as 约 (approximate, flagged where a verdict rests
on it); 预计 (foreseen) stays refused, as a figure of a year whose books are closed is no forecast."""

from __future__ import annotations

from decimal import Decimal

import pytest
from tests.test_typed_text import doors

from littlegiant.load import profile, rules

REVENUE = "financials.2025.revenue"


@pytest.mark.parametrize("typed", ["12000万（未审）", "1.2亿（未审）", "12000万（已审）", "1.2亿元（审计后）", "12000（未审计）",
                                   "12000万（审定数）", "12000万(审计数)", "12000万元（经审计）", "12000万（审定）"])
def test_an_audit_state_after_an_amount_is_read_at_every_door(typed: str) -> None:
    assert set(doors(REVENUE, typed).values()) == {("ok", Decimal(12000))}


@pytest.mark.parametrize("typed", ["12000万（暂估）", "1.2亿（估计）", "12000万（预估数）", "约12000万（暂估）"])
def test_an_estimate_is_read_as_approximate(typed: str) -> None:
    assert set(doors(REVENUE, typed).values()) == {("ok", Decimal(12000))}
    rs = rules.load("miit-2026")
    read = profile.from_data({"name": "甲", "financials": {"2025": {"revenue": typed}}}, rs, "p.yaml")
    assert read.approximate == frozenset({REVENUE})


@pytest.mark.parametrize("typed", ["12000万（预计）", "12000万（审计数）（暂估）", "12000万（合并）"])
def test_a_forecast_two_notes_or_a_groups_figure_stay_refused(typed: str) -> None:
    assert set(doors(REVENUE, typed).values()) == {("refused", "")}


def test_an_exact_figure_stays_exact() -> None:
    rs = rules.load("miit-2026")
    read = profile.from_data({"name": "甲", "financials": {"2025": {"revenue": "12000万（审计数）"}}}, rs, "p.yaml")
    assert read.values[REVENUE] == Decimal(12000) and read.approximate == frozenset()
