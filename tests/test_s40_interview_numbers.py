"""One Arabic digit before 千 or 百 (8千, 5百), as people type an amount, is read as 八千 and 五百 were: 8千 to
营业收入（万元） was refused as no amount while 八千 was read as 8,000万元. A digit run with a point or more digits
before the unit (0.8千, 12千) and a unit of 万 or 亿 after it (3千万) are read as before."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from tests.conftest import EXAMPLES

from littlegiant.load.numerals import spelled


@pytest.mark.parametrize(("typed", "read"), [("8千", "8000"), ("五百", "500"), ("5百", "500"), ("八千", "8000"),
                                             ("8千8百", "8800"), ("8千元", "8000元"), ("-8千", "-8000")])
def test_one_digit_before_qian_or_bai_is_that_many(typed: str, read: str) -> None:
    assert spelled(typed, money=True) == read


@pytest.mark.parametrize("typed", ["3千万", "1000.0000千万", "-3百万", "0.8千", "0千元", "500万"])
def test_other_units_are_left_to_the_amount_reader(typed: str) -> None:
    assert spelled(typed, money=True) is None


def test_8qian_to_revenue_is_8000_wan_as_baqian_is() -> None:
    def revenue(typed: str) -> object:
        done = subprocess.run([sys.executable, "-m", "littlegiant", "assess", str(EXAMPLES / "tier1-only.yaml"), "--set",
                               f"financials.2025.revenue={typed}", "--set", "financials.2025.main_revenue=6000",
                               "--format", "json", "--lang", "zh"], capture_output=True, text=True, check=False)
        assert done.returncode == 0, done.stderr
        doc = json.loads(done.stdout)
        return next(c["inputs"]["financials.2025.revenue"] for t in doc["tiers"].values() for c in t["criteria"]
                    if "financials.2025.revenue" in c.get("inputs", {}))

    assert revenue("8千") == revenue("八千") == 8000


def test_yi_ling_wubai_offers_the_spoken_reading_first() -> None:
    """三亿零五百 as said is 3亿零500万 (the 万 left out), as written 300,000,500元: the owner was offered 30000.05万 or
    300000500万 (3万亿), neither of them meant."""
    from littlegiant.load.numerals import Unclear

    with pytest.raises(Unclear) as said:
        spelled("三亿零五百", money=True)
    assert said.value.readings == ("30500万", "30000.05万")
    with pytest.raises(Unclear) as said:
        spelled("一万二", money=True)
    assert said.value.readings == ("1.2万", "12000万")  # no 亿: as before
