"""The adaptive interview, driven by a respondent who answers from an example profile.

The respondent knows only the example file: a question about a field the file leaves out
is answered "don't know", exactly as a user pressing Enter.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.conftest import AS_OF_2022, AS_OF_2026, EXAMPLES, typed
from tests.test_properties import plausible

from littlegiant.core import engine
from littlegiant.core.interview import Interview, Question, dump_profile
from littlegiant.core.result import UNKNOWN, UNMET
from littlegiant.errors import InputError
from littlegiant.load import profile, rules

VERSIONS = [("miit-2022", AS_OF_2022), ("miit-2026", AS_OF_2026)]


def interview_from(values: dict[str, object], rule_id: str, as_of: date,
                   preset: tuple[str, ...] = ()) -> tuple[Interview, list[str]]:
    """Run a whole interview, answering each question from ``values`` (absent: don't know).

    ``preset`` paths are answered before the first question (as resumed or ``--set`` answers).
    """
    iv = Interview(rules.load(rule_id), as_of)
    for path in preset:
        iv.record(path, values[path])  # type: ignore[arg-type]
    asked: list[str] = []
    while (q := iv.next_question()) is not None:
        assert q.path not in asked, f"{q.path} asked twice"
        asked.append(q.path)
        iv.answer(q, typed(values.get(q.path), rule_id, q.path))
        assert len(asked) <= 200
    return iv, asked


def statuses(result: engine.Result) -> dict[str, str]:
    return {tid: t.status for tid, t in result.tiers.items()}


EXAMPLE_FILES = sorted(EXAMPLES.glob("*.yaml"))


@pytest.mark.parametrize(("rule_id", "as_of"), VERSIONS)
@pytest.mark.parametrize("example", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_interview_reaches_the_verdicts_of_the_file(example: Path, rule_id: str, as_of: date) -> None:
    rs = rules.load(rule_id)
    prof = profile.load_profile(example, rs)
    expected = engine.evaluate(rs, prof, as_of)
    iv, asked = interview_from(prof.values, rule_id, as_of)
    got = iv.result()
    assert statuses(got) == statuses(expected)
    for tid, tier in got.tiers.items():
        if tier.status != UNMET and expected.tiers[tid].score_table is not None:
            assert (tier.score_min, tier.score_max) == (expected.tiers[tid].score_min, expected.tiers[tid].score_max)
    assert len(asked) <= len(iv.possible())


# The red-line and clear-failure profiles: the interview stops early.
@pytest.mark.parametrize(("rule_id", "as_of"), VERSIONS)
@pytest.mark.parametrize("name", ["red-line", "micro-startup"])
def test_interview_asks_at_most_60_percent_for_clear_outcomes(name: str, rule_id: str, as_of: date) -> None:
    rs = rules.load(rule_id)
    prof = profile.load_profile(EXAMPLES / f"{name}.yaml", rs)
    iv, asked = interview_from(prof.values, rule_id, as_of)
    total = len(iv.possible())
    assert total >= 45
    assert len(asked) <= 0.6 * total, f"{len(asked)} of {total}: {asked}"


RED_LINE = {"miit-2022": "compliance.tax_violation", "miit-2026": "compliance.data_fabrication"}


@pytest.mark.parametrize(("rule_id", "as_of"), VERSIONS)
def test_a_red_line_answered_yes_ends_the_interview(rule_id: str, as_of: date) -> None:
    """The rule set's own red line (2022 偷漏税, 2026 数据造假) is asked, and a yes ends the interview."""
    iv = Interview(rules.load(rule_id), as_of)
    first = iv.next_question()
    assert first is not None
    asked = 0
    while (q := iv.next_question()) is not None and q.path != RED_LINE[rule_id]:
        iv.answer(q, "")
        asked += 1
    assert q is not None, "the red line was never asked"
    iv.answer(q, "y")
    assert iv.next_question() is None
    assert not iv.remaining_paths()
    assert set(statuses(iv.result()).values()) == {UNMET}


def test_revenue_over_100_million_drops_the_equity_route_of_tier_3() -> None:
    iv = Interview(rules.load("miit-2022"), AS_OF_2022)
    equity = {"equity_financing.2025", "equity_financing.2024"}
    assert equity <= iv.relevant("little_giant")
    iv.record("financials.2025.revenue", Decimal("10000.01"))
    assert not equity & iv.relevant("little_giant")
    iv.record("financials.2025.revenue", Decimal("4999.99"))  # under 50 million: the route is back
    assert equity <= iv.relevant("little_giant")


@pytest.mark.parametrize(("rule_id", "as_of"), VERSIONS)
def test_tier_3_details_are_not_asked_once_tier_3_fails_twice(rule_id: str, as_of: date, lg2026: dict[str, object]) -> None:
    values = dict(lg2026)
    values["titles.zjtx_sme"] = False  # no 专精特新 title: tier 3 unmet
    values["exclusions.single_champion"] = True  # and already a single champion
    iv, asked = interview_from(values, rule_id, as_of, preset=("titles.zjtx_sme", "exclusions.single_champion"))
    assert iv.result().tiers["little_giant"].status == UNMET
    only_tier3 = iv.possible("little_giant") - iv.possible("zjtx_sme") - iv.possible("innovative_sme")
    only_tier3 -= {"titles.zjtx_sme", "exclusions.single_champion"}
    assert only_tier3, "the rule set has tier-3-only inputs"
    assert not only_tier3 & set(asked), sorted(only_tier3 & set(asked))


def test_the_bound_never_grows_and_is_never_beaten(lg2022: dict[str, object]) -> None:
    """The inputs left to ask, which the terminal shows as "question n of at most N", never grow and
    are never fewer than the questions still to come."""
    iv = Interview(rules.load("miit-2022"), AS_OF_2022)
    bounds = []
    while (q := iv.next_question()) is not None:
        bounds.append(len(iv.remaining_paths()))
        iv.answer(q, typed(lg2022.get(q.path), "miit-2022", q.path))
    assert bounds == sorted(bounds, reverse=True)
    assert all(b >= len(bounds) - i for i, b in enumerate(bounds))


# A finance manager's answers from a user pass: a blank applied-IP count is decided by the class I IP
# count alone, so the interview asks that whole, which no criterion reads itself.
ASKS_A_WHOLE = {
    "name": "苏州精工精密部件有限公司", "financials.2025.revenue": Decimal(8000), "financials.2025.rd_expense": Decimal(520),
    "financials.2025.main_revenue": Decimal(7600), "industry": "industrial", "registered_in_china": True,
    **{f"compliance.{k}": False for k in ("abnormal_operation", "serious_dishonesty", "prohibited_products",
                                          "major_incident", "tax_violation", "data_fabrication")},
    "financials.2024.rd_expense": Decimal(450), "financials.2025.total_assets": Decimal(9000),
    "financials.2025.total_liabilities": Decimal(4000), "employees": Decimal(200), "tech_staff": Decimal(40),
    "niche_years": Decimal(8), "financials.2024.revenue": Decimal(7100), "ip.class1": Decimal(3),
    "titles.innovative_sme": True,
}


def shown_bounds(iv: Interview, values: dict[str, object], rule_id: str) -> tuple[list[int], int]:
    """Answer every question from ``values``; the "at most N" shown with each (as the terminal counts:
    the questions answered, this one, and what is left) and the number of questions answered."""
    shown = []
    while (q := iv.next_question()) is not None:
        number = len(iv.values) + len(iv.unknown) + 1
        shown.append(number + len(iv.remaining_paths() - {q.path}))
        iv.answer(q, typed(values.get(q.path), rule_id, q.path))
    return shown, len(iv.values) + len(iv.unknown)


@pytest.mark.parametrize("renewal", [None, "little_giant"])
def test_the_bound_shown_counts_the_whole_asked_for_a_blank_part(renewal: str | None) -> None:
    """「第 22 题，最多共 27 题」 was followed by 「第 23 题，最多共 28 题」: the class I IP asked as the whole
    of a blank applied-IP count was in no bound. Every question asked is counted before it is asked."""
    iv = Interview(rules.load("miit-2026"), AS_OF_2026, renewal)
    iv.record("name", ASKS_A_WHOLE["name"])  # asked first, by the command
    shown, answered = shown_bounds(iv, ASKS_A_WHOLE, "miit-2026")
    assert "ip.class1" in iv.values
    assert shown == sorted(shown, reverse=True), shown
    assert min(shown) >= answered
    assert "ip.class1" in iv.possible() and "ip.class1" in iv.possible("zjtx_sme")


def test_most_decisive_first_and_no_question_for_settled_tiers() -> None:
    iv = Interview(rules.load("miit-2026"), AS_OF_2026)
    q = iv.next_question()
    assert q is not None and q.path == "financials.2025.revenue"  # read by every tier's hardest checks
    iv.record("compliance.abnormal_operation", True)
    assert iv.next_question() is None


def question(rule_id: str, path: str) -> Question:
    rs = rules.load(rule_id)
    f = profile.field_for_path(rs, path)
    return Question(path, f, 2025 if f.per_year else None)


@pytest.mark.parametrize(("path", "text", "expected"), [
    ("financials.2025.revenue", "1,200", Decimal(1200)),
    ("financials.2025.revenue", "1200.5", Decimal("1200.5")),
    ("financials.2025.revenue", "1200万元", Decimal(1200)),
    ("financials.2025.revenue", " 80 ", Decimal(80)),
    ("registered_in_china", "y", True),
    ("registered_in_china", "否", False),
    ("registered_in_china", "是", True),
    ("registered_in_china", "No", False),
    ("industry", "2", "industrial"),
    ("industry", "software_it", "software_it"),
    ("industry", "工业", "industrial"),
    ("industry", "Wholesale", "wholesale"),
    ("employees", "", None),
    ("employees", "  ", None),
    ("financials.2025.revenue", "0.8亿", Decimal(8000)),
    ("financials.2025.revenue", "０．８亿元", Decimal(8000)),
    ("financials.2025.revenue", "500万", Decimal(500)),
    ("financials.2025.revenue", "8,000万元", Decimal(8000)),
    ("financials.2025.revenue", "80,000,000元", Decimal(8000)),
    ("financials.2025.revenue", "1,234.5千元", Decimal("123.45")),
    ("financials.2025.revenue", "３千万", Decimal(3000)),
    ("financials.2025.net_profit", "-0.05亿", Decimal(-500)),
    ("financials.2025.net_profit", "（120）", Decimal(-120)),
    ("financials.2025.net_profit", "−120万", Decimal(-120)),
    ("market.domestic_share", "12.5%", Decimal("12.5")),
    ("market.domestic_share", "１２．５％", Decimal("12.5")),
    ("market.domestic_share", "30", Decimal(30)),
    ("employees", "１２０人", Decimal(120)),
    ("awards.provincial_rank", "第3名", Decimal(3)),
    ("registered_in_china", "对", True),
    ("registered_in_china", "是的", True),
    ("registered_in_china", "有", True),
    ("registered_in_china", "没有", False),
    ("registered_in_china", "不是", False),
    ("registered_in_china", "YES", True),
    ("industry", "２", "industrial"),
    # an owner's words for a loss and for a red line, each asked again before (a review as the owner)
    ("financials.2025.net_profit", "亏损300万", Decimal(-300)),
    ("financials.2025.net_profit", "负300", Decimal(-300)),
    ("financials.2025.net_profit", "净亏损0.5亿", Decimal(-5000)),
    ("financials.2025.net_profit", "亏损三百万元", Decimal(-300)),
    ("compliance.abnormal_operation", "未列入", False),
    ("compliance.abnormal_operation", "没被列入", False),
    ("compliance.abnormal_operation", "已列入", True),
    ("compliance.tax_violation", "不存在", False),
    ("compliance.tax_violation", "存在", True),
])
def test_answers_are_read_as_users_type_them(path: str, text: str, expected: object) -> None:
    iv = Interview(rules.load("miit-2026"), AS_OF_2026)
    assert iv.answer(question("miit-2026", path), text) == expected
    if expected is None:
        assert iv.answered(path) and path not in iv.values
    else:
        assert iv.values[path] == expected


@pytest.mark.parametrize(("path", "text", "message"), [
    ("financials.2025.revenue", "abc", "expected an amount in 10k CNY"),
    ("financials.2025.revenue", "-5", "not negative"),
    ("financials.2025.revenue", "0.8亿亿", "expected an amount in 10k CNY"),
    ("financials.2025.revenue", "八千万美元", "is an amount in a foreign currency"),
    ("market.domestic_share", "120%", "percentage from 0 to 100"),
    ("registered_in_china", "也许", "expected yes or no"),
    ("employees", "12.5", "whole number"),
    ("registered_in_china", "maybe", "expected yes or no"),
    ("industry", "17", "a number from 1 to 16 or a choice's name"),
    ("industry", "steel", "a number from 1 to 16 or a choice's name"),
    ("market.domestic_share", "120", "percentage from 0 to 100"),
    ("digital_level", "7", "at most 4"),
    ("financials.2025.net_profit", "亏损-300", "a loss negative"),  # a loss said twice is no figure
    ("financials.2025.net_profit", "亏损", "a loss negative"),
    ("financials.2025.revenue", "亏损300万", "expected an amount in 10k CNY"),  # revenue is never a loss
    ("registered_in_china", "不涉及", "expected yes or no"),  # not applicable: said of a red line, 否 failed the gate
])
def test_a_bad_answer_is_refused_and_records_nothing(path: str, text: str, message: str) -> None:
    iv = Interview(rules.load("miit-2026"), AS_OF_2026)
    with pytest.raises(InputError, match=message):
        iv.answer(question("miit-2026", path), text)
    assert not iv.answered(path) and not iv.values


@pytest.mark.parametrize(("rule_id", "as_of"), VERSIONS)
def test_the_saved_answers_are_a_profile_with_the_same_verdicts(tmp_path: Path, rule_id: str, as_of: date,
                                                                 lg2022: dict[str, object]) -> None:
    values = {k: v for k, v in lg2022.items() if not k.startswith("financials.2024")}  # some unknowns
    iv, asked = interview_from(values, rule_id, as_of)
    saved = tmp_path / "answers.yaml"
    saved.write_text(dump_profile(iv.saved_data(), "# test\n"), encoding="utf-8")
    rs = rules.load(rule_id)
    reread = profile.load_profile(saved, rs)
    assert reread.values == iv.values
    assert reread.sha256() == iv.profile().sha256()
    again = engine.evaluate(rs, reread, as_of)
    assert statuses(again) == statuses(iv.result())
    text = saved.read_text(encoding="utf-8")
    assert "null" in text  # the don't-knows are kept, so a resumed interview does not ask them again
    assert len(asked) == len(iv.values) + len(iv.unknown)


def test_an_unknown_answer_leaves_the_tier_unknown() -> None:
    iv, asked = interview_from({}, "miit-2026", AS_OF_2026)
    assert set(statuses(iv.result()).values()) == {UNKNOWN}
    assert not iv.values and len(iv.unknown) == len(asked)


@settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(data=plausible(), version=st.sampled_from(VERSIONS))
def test_any_respondent_reaches_the_verdicts_of_their_full_answers(data: dict[str, object],
                                                                    version: tuple[str, date]) -> None:
    rule_id, as_of = version
    rs = rules.load(rule_id)
    values = dict(profile.from_data(data, rs, "<gen>").values)
    iv, asked = interview_from(values, rule_id, as_of)
    assert statuses(iv.result()) == statuses(engine.evaluate(rs, profile.Profile(values), as_of))
    assert len(asked) <= len(iv.possible())


def concerns_of(given: dict[str, str], path: str, text: str) -> list[tuple[str, bool]]:
    """The (kind, refused) findings of answering ``text`` to ``path`` after the ``given`` answers."""
    iv = Interview(rules.load("miit-2026"), AS_OF_2026)
    for p, t in given.items():
        iv.answer(question("miit-2026", p), t)
    q = question("miit-2026", path)
    value, _ = iv.parse(q, text)
    return [(c.kind, c.refused) for c in iv.concerns(q, value)]


@pytest.mark.parametrize(("given", "path", "text", "expected"), [
    ({"financials.2025.revenue": "6000"}, "financials.2025.main_revenue", "10000", [("part_over_whole", True)]),
    ({"financials.2025.revenue": "6000"}, "financials.2025.main_revenue", "6000", []),
    ({"financials.2025.main_revenue": "10000"}, "financials.2025.revenue", "6000", [("whole_under_part", True)]),
    ({"financials.2024.revenue": "6000"}, "financials.2025.main_revenue", "10000", []),  # another year
    ({"ip.class1": "3"}, "ip.class1_high_value", "4", [("part_over_whole", True)]),
    ({"ip.class1": "3"}, "ip.class1_top3_holder", "3", []),
    ({"employees": "40"}, "rd_staff", "41", [("part_over_whole", True)]),
    ({"tech_staff": "41"}, "employees", "40", [("whole_under_part", True)]),
    ({"financials.2025.revenue": "6000"}, "financials.2025.rd_expense", "6000.01", [("above", False)]),
    ({"financials.2025.rd_expense": "700"}, "financials.2025.revenue", "600", [("below", False)]),
    ({"financials.2025.revenue": "6000"}, "financials.2025.rd_expense", "6000", [("share", False)]),  # not above it: over half of it
    ({"financials.2025.total_assets": "5000"}, "financials.2025.total_liabilities", "5001", [("above", False)]),
    ({"financials.2025.total_liabilities": "5001"}, "financials.2025.total_assets", "5000", [("below", False)]),
    ({"financials.2025.total_assets": "5000"}, "financials.2025.total_liabilities", "5000", []),
    ({"financials.2024.revenue": "1000"}, "financials.2025.revenue", "6001", [("growth", False)]),
    ({"financials.2024.revenue": "1000"}, "financials.2025.revenue", "6000", []),  # exactly +500%
    ({"financials.2025.main_revenue": "6001"}, "financials.2024.main_revenue", "1000", [("growth", False)]),
    ({}, "awards.provincial_rank", "10500", [("large", False)]),
    ({}, "awards.provincial_rank", "3", []),
    ({}, "financials.2025.revenue", "80,000,000", [("large", False)]),  # 元 typed as 万元
    ({}, "financials.2025.revenue", "80,000,000元", []),
])
def test_answers_are_checked_against_the_answers_already_given(given: dict[str, str], path: str, text: str,
                                                              expected: list[tuple[str, bool]]) -> None:
    """A part over its whole is refused; R&D over revenue, debts over assets, ±500% growth (the rule
    data's warnings, as assess reports them) and implausible sizes are to be confirmed; ordinary figures pass."""
    assert concerns_of(given, path, text) == expected


FULL_WIDTH = str.maketrans("0123456789,.", "０１２３４５６７８９，．")


@settings(max_examples=200, deadline=None)
@given(yuan=st.integers(min_value=0, max_value=10**13), unit=st.sampled_from(["元", "千元", "万元", "万", "亿", "亿元"]),
       wide=st.booleans(), separators=st.booleans())
def test_an_amount_in_any_unit_is_saved_in_wan_yuan_exactly(yuan: int, unit: str, wide: bool, separators: bool) -> None:
    """An amount typed in 元, 千元, 万 or 亿 (with separators, in full-width digits) is the same 万元 figure."""
    factor = {"元": 1, "千元": 1000, "万元": 10000, "万": 10000, "亿": 10**8, "亿元": 10**8}[unit]
    typed_number = Decimal(yuan) / factor
    text = f"{typed_number:,f}" if separators else f"{typed_number:f}"
    text += unit
    if wide:
        text = text.translate(FULL_WIDTH)
    iv = Interview(rules.load("miit-2026"), AS_OF_2026)
    value, conversion = iv.parse(question("miit-2026", "financials.2025.revenue"), text)
    assert value == Decimal(yuan) / 10000
    assert (conversion is None) == (unit in ("万元", "万"))
    if conversion is not None:
        assert conversion.value == value and conversion.typed == text


def test_the_shares_the_rules_take_of_an_amount_name_their_bases_and_answers() -> None:
    """What a share typed for an amount could have meant comes from the rule data's derived shares:
    R&D expense is taken of revenue and of total costs, liabilities of assets, revenue of nothing; a
    base not yet answered is unknown, never 0."""
    rs = rules.load("miit-2026")
    iv = Interview(rs, AS_OF_2026)
    iv.record("financials.2025.revenue", Decimal(12000))
    rd = iv.shares(question("miit-2026", "financials.2025.rd_expense"))
    assert [(s.derived.id, s.path, s.value) for s in rd] == [
        ("rd_share", "financials.2025.revenue", Decimal(12000)), ("rd_cost_share", "financials.2025.total_costs", None)]
    debt = iv.shares(question("miit-2026", "financials.2024.total_liabilities"))
    assert [(s.derived.id, s.path, s.value) for s in debt] == [("debt_ratio", "financials.2024.total_assets", None)]
    assert iv.shares(question("miit-2026", "financials.2025.revenue")) == []


def test_a_part_is_asked_after_its_whole_when_both_are_to_be_asked() -> None:
    """Midway through an interview (the state a finance manager's resumed one reached: 2025's revenue and
    the headcount not known), 主营业务收入（2024年） ranked first and was asked before 营业收入（2024年）, so it
    could not be put as 「营业收入（2024年）7,100万元，其中主营业务收入」 nor checked against its total.
    The whole is asked first; answered, the part follows with its whole in the question."""
    rs = rules.load("miit-2026")
    iv = Interview(rs, AS_OF_2026)
    for path, value in {"compliance.abnormal_operation": False, "compliance.prohibited_products": False,
                        "compliance.serious_dishonesty": False, "compliance.tax_violation": False,
                        "financials.2024.rd_expense": Decimal(280), "financials.2025.main_revenue": Decimal(7600),
                        "financials.2025.rd_expense": Decimal(320), "financials.2025.total_assets": Decimal(3200),
                        "financials.2025.total_liabilities": Decimal(1500), "rd_institution": "city",
                        "registered_in_china": True, "tech_staff": Decimal(30)}.items():
        iv.record(path, value)
    for path in ("compliance.data_fabrication", "compliance.major_incident", "employees", "financials.2025.revenue",
                 "industry"):
        iv.answer(Question(path, profile.field_for_path(rs, path), profile.year_in_path(profile.field_for_path(rs, path), path)), "")
    part, whole = "financials.2024.main_revenue", "financials.2024.revenue"
    weights = iv.weights()
    assert weights[part] > weights[whole]  # ranked alone, the part came first
    q = iv.next_question()
    assert q is not None and q.path == whole
    iv.answer(q, "7100")
    q = iv.next_question()
    assert q is not None and q.path == part and iv.whole(q) == (whole, rs.fields["revenue"])


@pytest.mark.parametrize("renewal", ["zjtx_sme", "little_giant"])
def test_a_renewal_interview_asks_the_title_renewed_first(renewal: str) -> None:
    """The report of a renewal asks the user to answer 是 to "holds the title" when the file leaves
    it blank. A company too small for 小巨人 settles every criterion reading that answer without it, so
    the interview never put the question, and its report then asked for an answer nobody could give
    there. Under --renewal the question comes first; answered, the report has no such notice."""
    rs = rules.load("miit-2026")
    values = profile.load_profile(EXAMPLES / "micro-startup.yaml", rs).values | {f"titles.{renewal}": True}
    iv = Interview(rs, AS_OF_2026, renewal)
    first = iv.next_question()
    assert first is not None and first.path == f"titles.{renewal}"
    assert f"titles.{renewal}" in iv.remaining_paths()
    asked = []
    while (q := iv.next_question()) is not None:
        asked.append(q.path)
        iv.answer(q, typed(values.get(q.path), "miit-2026", q.path))
        assert len(asked) <= 200
    assert asked.count(f"titles.{renewal}") == 1
    assert iv.result().renewal_held is True
    opening = Interview(rs, AS_OF_2026).next_question()
    assert opening is not None and not opening.path.startswith("titles.")


def test_an_answer_taken_back_is_saved_as_it_was_said() -> None:
    """An answer taken back with "<" stays in the file until a new one replaces it, and as it was said:
    saved there as bare figures, 约200 lost its approximate mark and 0.5% its sign (then read as the
    fraction 0.5 may be)."""
    rs = rules.load("miit-2026")
    iv = Interview(rs, AS_OF_2026)
    iv.record("financials.2025.rd_expense", Decimal(200), approximate=True)
    iv.record("market.domestic_share", Decimal("0.5"), signed=True)
    answered = dump_profile(iv.saved_data(), "")
    assert "rd_expense: 约200\n" in answered and "domestic_share: 0.5%\n" in answered
    for path in ("financials.2025.rd_expense", "market.domestic_share"):
        iv.forget(path)
    assert dump_profile(iv.saved_data(), "") == answered
