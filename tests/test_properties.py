"""Properties over generated profiles (hypothesis): any input evaluates or fails cleanly, and
more R&D or more Ⅰ类 IP never lowers a score nor turns a met criterion unmet."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from littlegiant.core import engine
from littlegiant.core.result import Result
from littlegiant.errors import InputError
from littlegiant.load import profile, rules

RULE_IDS = ("miit-2022", "miit-2026")
money = st.decimals(min_value=0, max_value=10**7, places=2, allow_nan=False, allow_infinity=False)
absurd = st.one_of(
    st.none(), st.booleans(), st.text(max_size=8), st.integers(min_value=-10**12, max_value=10**12),
    st.decimals(allow_nan=True, allow_infinity=True), st.lists(st.integers(), max_size=2),
    st.dictionaries(st.text(max_size=4), st.integers(), max_size=2),
)
YEARS = (2023, 2024, 2025)
FIN = ("revenue", "main_revenue", "rd_expense", "net_profit", "total_assets", "total_liabilities", "total_costs")


@st.composite
def unchecked(draw: st.DrawFn) -> dict[str, Any]:
    """A profile of valid values with any subset of fields known, parts not kept within their wholes."""
    d: dict[str, Any] = {}

    def maybe(key: str, strategy: st.SearchStrategy[Any]) -> None:
        if draw(st.booleans()):
            d[key] = draw(strategy)

    maybe("industry", st.sampled_from(["industrial", "software_it", "retail", "other", "real_estate"]))
    for k in ("employees", "rd_staff", "tech_staff"):
        maybe(k, st.integers(0, 5000))
    maybe("niche_years", st.decimals(0, 50, places=1))
    maybe("registered_in_china", st.booleans())
    d["compliance"] = {k: draw(st.booleans()) for k in ("abnormal_operation", "serious_dishonesty",
                                                       "prohibited_products", "major_incident", "tax_violation",
                                                       "data_fabrication")
                       if draw(st.integers(0, 3))}
    d["financials"] = {y: {k: draw(money) for k in FIN if draw(st.integers(0, 3))} for y in YEARS}
    d["equity_financing"] = {y: draw(money) for y in YEARS if draw(st.booleans())}
    d["ip"] = {k: draw(st.integers(0, 30)) for k in ("class1", "class1_self_developed", "class1_high_value",
                                                    "class1_applied", "class1_top3_holder", "class2") if draw(st.booleans())}
    maybe("rd_institution", st.sampled_from(["none", "below_city", "city", "provincial", "national"]))
    maybe("digital_level", st.integers(1, 4))
    d["quality"] = {k: draw(st.booleans()) for k in ("provincial_award", "iso9001", "own_brand", "standards") if draw(st.booleans())}
    d["market"] = {k: draw(st.decimals(0, 100, places=2)) for k in ("domestic_share", "international_share") if draw(st.booleans())}
    d["field"] = {k: draw(st.booleans()) for k in ("chain_role", "foundation", "priority_domain") if draw(st.booleans())}
    d["awards"] = {k: draw(st.integers(0, 8)) for k in ("national_rank", "national_5y_rank", "provincial_rank") if draw(st.booleans())}
    d["titles"] = {k: draw(st.booleans()) for k in ("innovative_sme", "tech_sme", "zjtx_sme") if draw(st.booleans())}
    maybe("platform_score", st.decimals(0, 100, places=1))
    maybe("characteristic_score", st.decimals(0, 15, places=1))
    maybe("strategic_emerging_industry", st.booleans())
    return d


IP_PARTS = ("class1_self_developed", "class1_high_value", "class1_applied", "class1_top3_holder")


def within_wholes(d: dict[str, Any]) -> dict[str, Any]:
    """The profile with every part cut down to its whole (docs/criteria.md §8a), where both are known."""
    d = {**d, "ip": dict(d["ip"]), "financials": {y: dict(v) for y, v in d["financials"].items()}}
    if "class1" in d["ip"]:
        for k in IP_PARTS:
            if k in d["ip"]:
                d["ip"][k] = min(d["ip"][k], d["ip"]["class1"])
    for k in ("rd_staff", "tech_staff"):
        if k in d and "employees" in d:
            d[k] = min(d[k], d["employees"])
    for fin in d["financials"].values():
        if "main_revenue" in fin and "revenue" in fin:
            fin["main_revenue"] = min(fin["main_revenue"], fin["revenue"])
    return d


def plausible() -> st.SearchStrategy[dict[str, Any]]:
    """A valid profile with any subset of fields known (unknowns left out), parts within their wholes."""
    return unchecked().map(within_wholes)


def _eval(rule_id: str, data: dict[str, Any], renewal: str | None = None) -> Result:
    rs = rules.load(rule_id)
    return engine.evaluate(rs, profile.from_data(data, rs, "<gen>"), date(2026, 11, 26), renewal)


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.dictionaries(st.sampled_from(["employees", "industry", "financials", "ip", "market", "nonsense",
                                             "titles", "niche_years", "compliance"]), absurd, max_size=6),
       rule_id=st.sampled_from(RULE_IDS))
def test_absurd_input_evaluates_or_fails_cleanly(data: dict[str, Any], rule_id: str) -> None:
    try:
        result = _eval(rule_id, data)
    except InputError as exc:
        assert "\n" not in str(exc) and str(exc)
        return
    assert all(t.status in ("met", "unmet", "unknown", "manual_review") for t in result.tiers.values())


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(data=plausible(), rule_id=st.sampled_from(RULE_IDS), renewal=st.sampled_from((None, "zjtx_sme", "little_giant")))
def test_plausible_profiles_always_evaluate(data: dict[str, Any], rule_id: str, renewal: str | None) -> None:
    result = _eval(rule_id, data, renewal)
    for tier in result.tiers.values():
        if tier.score_min is not None:
            assert tier.score_min <= tier.score_max  # type: ignore[operator]
            if tier.score is not None:
                assert tier.score == tier.score_min == tier.score_max


def _statuses(result: Result) -> dict[str, str]:
    return {f"{t.id}:{c.id}": c.status for t in result.tiers.values() for c in t.criteria}


def _scores(result: Result) -> list[tuple[Any, Any]]:
    out = []
    for t in result.tiers.values():
        out.append((t.score_min, t.score_max))
        out += [(c.points_min, c.points_max) for c in t.criteria if c.points_min is not None]
    return out


def _no_worse(before: Result, after: Result) -> None:
    for (lo0, hi0), (lo1, hi1) in zip(_scores(before), _scores(after), strict=True):
        if lo0 is not None:
            assert lo1 >= lo0 and hi1 >= hi0
    b, a = _statuses(before), _statuses(after)
    for key, status in b.items():
        if status == "met":
            assert a[key] != "unmet", key
    order = {"unmet": 0, "unknown": 1, "manual_review": 2, "met": 3}
    for tid, tier in before.tiers.items():
        if tier.status in ("met", "manual_review"):
            assert order[after.tiers[tid].status] >= order[tier.status], tid


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(data=plausible(), rule_id=st.sampled_from(RULE_IDS), year=st.sampled_from(YEARS),
       extra=st.decimals(min_value=Decimal("0.01"), max_value=10**5, places=2))
def test_more_rd_never_hurts(data: dict[str, Any], rule_id: str, year: int, extra: Decimal) -> None:
    assume("rd_expense" in data["financials"][year])  # raising an unknown amount is answering, not raising
    before = _eval(rule_id, data)
    fin = {y: dict(v) for y, v in data["financials"].items()}
    fin[year]["rd_expense"] += extra
    _no_worse(before, _eval(rule_id, {**data, "financials": fin}))


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(data=plausible(), rule_id=st.sampled_from(RULE_IDS), pick=st.data(), extra=st.integers(1, 10))
def test_more_class1_ip_never_hurts(data: dict[str, Any], rule_id: str, pick: st.DataObject, extra: int) -> None:
    """More Ⅰ类 IP, of any kind, never turns a verdict worse. A count given is raised (raising an unknown one
    is answering a question, not an increase); a part raised raises its whole with it, so a part stays a
    part. (Drawn from the counts given, where a filter on them made Hypothesis give up now and then.)"""
    given_keys = [k for k in ("class1", "class1_self_developed", "class1_high_value", "class1_applied",
                              "class1_top3_holder") if k in data["ip"]]
    assume(given_keys)
    key = pick.draw(st.sampled_from(given_keys))
    ip = {**data["ip"], key: data["ip"][key] + extra}
    if key != "class1" and "class1" in ip:
        ip["class1"] += extra
    raised = {**data, "ip": ip}
    before = _eval(rule_id, data)
    _no_worse(before, _eval(rule_id, raised))


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(data=unchecked(), rule_id=st.sampled_from(RULE_IDS))
def test_a_part_over_its_whole_is_refused_and_no_ip_is_met_without_class1(data: dict[str, Any], rule_id: str) -> None:
    """Every profile either puts a part over its whole and is refused, naming both, or evaluates; and
    with no Ⅰ类 IP at all no criterion that counts Ⅰ类 IP is met (docs/criteria.md §8a)."""
    ip, fin = data["ip"], data["financials"]
    over = [k for k in IP_PARTS if k in ip and "class1" in ip and ip[k] > ip["class1"]]
    over += [k for k in ("rd_staff", "tech_staff") if k in data and "employees" in data and data[k] > data["employees"]]
    over += [f"{y}.main_revenue" for y, v in fin.items() if "main_revenue" in v and "revenue" in v
             and v["main_revenue"] > v["revenue"]]
    try:
        result = _eval(rule_id, data)
    except profile.PartExceedsWhole as exc:
        assert over, "refused a consistent profile"
        part, whole = exc.violation.part, exc.violation.whole
        named = [profile.input_label(f.field, f.path).en for f in (part, whole)]
        assert part.value > whole.value and all(n in str(exc) for n in named) and f"{part.path}, {whole.path}: " in str(exc)
        return
    assert not over, f"accepted {over}"
    counted = [c for t in result.tiers.values() for c in t.criteria if c.id in CLASS1_CRITERIA[rule_id]]
    assert counted  # the criteria that count Ⅰ类 IP are there to be checked
    if ip.get("class1") == 0:
        assert all(c.status != "met" for c in counted), [c.id for c in counted if c.status == "met"]


CLASS1_CRITERIA = {"miit-2022": ("lg.ip_applied",), "miit-2026": ("zjtx26.ip.applied", "lg26.ip.top3")}
