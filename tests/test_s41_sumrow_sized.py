"""A profile read with every whole number inside its plausible size (Profile.sized, told by the bounds the
reader takes numbers at once by) is spared the size checks of unusual_figures: the warnings are those the
checks give, figure by figure, for any figures a hair either side of each size, in any form a JSON line
gives them; and a batch row with an amount typed in 元 is still asked about it."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from littlegiant.load import consistency, profile
from littlegiant.load import rules as rulesets

RS = rulesets.load("miit-2026")


def _near(limit: int, signed: bool = False) -> st.SearchStrategy[Any]:
    """A figure at, a hair either side of, or far from ``limit`` (and, ``signed``, its negative), as an int
    or a decimal."""
    ints = [0, 1, limit - 1, limit, limit + 1, 2 * limit] + ([-1, -limit, -limit - 1] if signed else [])
    decimals = [f"{limit}.0", f"{limit}.0001", f"{limit - 1}.9999", "0.5"] + ([f"-{limit}.5"] if signed else [])
    return st.one_of(st.sampled_from(ints), st.sampled_from(decimals).map(Decimal), st.none())


AMOUNT, RANK, STAFF = 1_000_000, 30, 20_000


@settings(max_examples=400, deadline=None)
@given(revenue=_near(AMOUNT), profit=_near(AMOUNT, signed=True), assets=_near(AMOUNT), rank=_near(RANK), staff=_near(STAFF),
       ip=_near(5000), equity=_near(AMOUNT))
def test_a_sized_profile_is_warned_of_as_every_figure_checked(revenue: Any, profit: Any, assets: Any, rank: Any,
                                                               staff: Any, ip: Any, equity: Any) -> None:
    data = {"name": "甲", "industry": "industrial", "employees": staff,
            "financials": {"2025": {"revenue": revenue, "net_profit": profit, "total_assets": assets}},
            "awards": {"national_rank": rank}, "ip": {"class2": ip}, "equity_financing": {"2024": equity}}
    # as a JSON line: decimals as JSON numbers (1000000.0001), read back exactly, as a batch reads them
    data = json.loads(json.dumps(data, default=lambda d: _Raw(str(d))).replace('"@', "").replace('@"', ""),
                      parse_float=Decimal)
    try:
        prof = profile.from_data(data, RS, "in.jsonl:1")
    except Exception:  # a figure the reader refuses (a negative amount): no profile, no warning
        return
    values = prof.values
    every = consistency.unusual_figures(RS, values, prof.percent_signed, prof.yuan_by_sign, 2025)
    assert consistency.unusual_figures(RS, values, prof.percent_signed, prof.yuan_by_sign, 2025, prof.sized) == every
    if prof.sized:  # nothing past its size, told by the reading alone
        assert not [w for w in every if w.kind in (consistency.LARGE,)]
        assert all(-lim <= v <= lim for p, v in values.items()
                   if isinstance(v, Decimal) and (lim := _limit(p)) is not None)


class _Raw(str):
    def __new__(cls, text: str) -> _Raw:
        return super().__new__(cls, f"@{text}@")


def _limit(path: str) -> Decimal | None:
    f = profile.field_for_path(RS, path)
    return consistency.plausible_limit(f)


def test_an_amount_in_yuan_is_asked_about_on_its_batch_row(tmp_path: Path) -> None:
    """A row whose revenue is typed in 元 (past 100亿 read as 万元), after rows read at once: its
    需核对的数据 cell asks about that figure; the rows around it have nothing to check."""
    row = {"name": "甲", "industry": "industrial", "employees": 120,
           "financials": {"2025": {"revenue": 3000, "total_assets": 2000}}, "awards": {"national_rank": 2}}
    slip = {**row, "name": "乙", "financials": {"2025": {"revenue": 30_000_000, "total_assets": 2000}}}
    rank = {**row, "name": "丙", "awards": {"national_rank": 31}}
    src, out = tmp_path / "in.jsonl", tmp_path / "out.csv"
    src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in (
        {**row, "name": "甲一"}, slip, {**row, "name": "甲二"}, rank, {**row, "name": "甲三"})),
                   encoding="utf-8")
    subprocess.run([sys.executable, "-m", "littlegiant", "batch", "--as-of", "2026-11-26", "--quiet", "--lang",
                    "zh", "--jobs", "1", "-o", str(out), str(src)], check=True)
    with out.open(encoding="utf-8-sig", newline="") as f:
        checks = [row[-1] for row in csv.reader(f)][1:]  # 需核对的数据
    assert checks[0] == checks[2] == checks[4] == ""
    assert "营业收入" in checks[1] and "30,000,000" in checks[1]
    assert "30" in checks[3] and checks[3]
