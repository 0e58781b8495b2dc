"""A script passes on what its user typed, as the command line takes it: a date as text, a renewal in words."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.conftest import EXAMPLES
from tests.test_cli_assess import assess_json

import littlegiant

TIER1 = EXAMPLES / "tier1-only.yaml"


@pytest.mark.parametrize(("typed", "renewal"), [
    ("2026-11-26", "小巨人"),        # a consultant's script reading its client's words
    ("2026年11月26日", "none"),      # a new application said outright
    ("2026/3/1", "专精特新"),
    ("20261126", "新申请"),
    ("2026-11-26", '专精特新"小巨人"企业'),  # the title as the certificate writes it
])
def test_a_date_as_text_and_a_renewal_in_words_give_the_clis_document(typed: str, renewal: str) -> None:
    """The API refused as_of="2026-11-26" and renewal="小巨人" or "none", which --as-of and --renewal take:
    now the same words give the same JSON document the command line writes for them."""
    cli = assess_json(TIER1, "--as-of", typed, "--renewal", renewal, "--lang", "zh")
    api = littlegiant.assess(TIER1, as_of=typed, renewal=renewal).to_json("zh")
    assert json.loads(json.dumps(api, ensure_ascii=False)) == cli
    choice = littlegiant.calendar_choice(typed, renewal)
    assert choice.rule_set == cli["calendar"]["rule_set"] and choice.renewal == cli["renewal"]


@settings(max_examples=15)
@given(st.dates(date(2025, 1, 1), date(2027, 12, 31)))
def test_a_day_written_out_is_the_day(day: date) -> None:
    """Text naming a day judges as that date object does: same rule set, same "last year", same verdicts."""
    by_date = littlegiant.assess(TIER1, as_of=day, advice=False).to_json("en")
    for typed in (day.isoformat(), f"{day.year}年{day.month}月{day.day}日", day.strftime("%Y%m%d")):
        assert littlegiant.assess(TIER1, as_of=typed, advice=False).to_json("en") == by_date
    assert [s.summary.tiers == t.summary.tiers  # type: ignore[union-attr]
            for s, t in zip(littlegiant.screen([TIER1], as_of=day), littlegiant.screen([TIER1], as_of=day.isoformat()),
                            strict=True)] == [True]
    assert littlegiant.load_rules(as_of=day.isoformat()).id == littlegiant.load_rules(as_of=day).id


def test_text_that_names_no_day_or_no_title_is_refused_by_the_argument() -> None:
    """What cannot be read is an InputError naming the argument and saying what it was, on one line."""
    said = {}
    for typed in ("11/26/2026", "2026-02-30", "2026-13-01", "明天"):
        with pytest.raises(littlegiant.InputError) as caught:
            littlegiant.assess(TIER1, as_of=typed)
        said[typed] = str(caught.value)
    assert said == {
        "11/26/2026": "as_of: expected a date YYYY-MM-DD, got '11/26/2026'",
        "2026-02-30": "as_of: '2026-02-30' is no day: February 2026 has 28 days",
        "2026-13-01": "as_of: '2026-13-01' is no day: a month is 1 to 12",
        "明天": "as_of: expected a date YYYY-MM-DD, got '明天'",
    }
    with pytest.raises(littlegiant.InputError, match=r"^renewal: .*got 'zjtx'; did you mean 'zjtx_sme'\?$"):
        littlegiant.screen([TIER1], renewal="zjtx")
    with pytest.raises(littlegiant.InputError, match=r"^renewal: .*got '中小企业', which fits more than one title$"):
        littlegiant.calendar_choice(date(2026, 11, 26), "中小企业")
    with pytest.raises(littlegiant.InputError, match=r"^renewal: expected None, zjtx_sme or little_giant, got True$"):
        littlegiant.assess(TIER1, renewal=True)  # type: ignore[arg-type]
    # a new application in words is no renewal: the document says so, as without one
    day = date(2026, 11, 26) + timedelta(days=1)
    assert littlegiant.assess(TIER1, as_of=day, renewal="新申请").to_json() == littlegiant.assess(TIER1, as_of=day).to_json()
