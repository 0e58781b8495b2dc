"""The compiled screening plan (batch summaries) gives exactly what the full engine gives:
every tier's status, score and score range, the SME status and size, and the first criterion
holding a tier back — on the examples, the Shandong overlay, and generated profiles."""

from __future__ import annotations

import ast
import json
import operator
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.conftest import EXAMPLES, ROOT
from tests.test_hostile_rules import check, cli, write
from tests.test_properties import plausible, within_wholes

from littlegiant.core import engine, scoring
from littlegiant.core import plan as plan_module
from littlegiant.core.plan import plan_for
from littlegiant.core.result import MET
from littlegiant.load import expr, profile, rules
from littlegiant.load.rules import Band

DAY = date(2026, 11, 26)


def same(rule_ref: str, values: dict[str, Any], renewal: str | None) -> None:
    rs = rules.load(rule_ref)
    full = engine.evaluate(rs, profile.Profile(dict(values)), DAY, renewal)
    fast = plan_for(rs, DAY.year - 1, renewal).run(values)
    assert (fast.sme_status, fast.sme_size) == (full.sme_status, full.sme_size)
    for tid, tier in full.tiers.items():
        got = fast.tiers[tid]
        assert (got.status, got.score, got.score_min, got.score_max) == \
            (tier.status, tier.score, tier.score_min, tier.score_max), tid
        if tier.status != MET:  # the criterion named holds the tier back with the tier's own status
            deciding = [c.id for c in tier.holding_back() if c.status == tier.status]
            assert got.blocker in deciding if deciding else got.blocker is None, (tid, got.blocker, deciding)


CASES = [(str(p), rid, renewal) for p in sorted(EXAMPLES.glob("*.yaml")) for rid in ("miit-2022", "miit-2026")
         for renewal in (None, "zjtx_sme", "little_giant")]


@pytest.mark.parametrize(("path", "rule_id", "renewal"), CASES)
def test_the_plan_agrees_on_every_example(path: str, rule_id: str, renewal: str | None) -> None:
    rs = rules.load(rule_id)
    same(rule_id, dict(profile.load_profile(EXAMPLES / path, rs).values), renewal)


def test_the_plan_agrees_under_the_overlay() -> None:
    overlay = str(ROOT / "rules" / "overlays" / "shandong-2022.yaml")
    values = dict(profile.load_profile(EXAMPLES / "overlays" / "shandong.yaml", rules.load(overlay)).values)
    same(overlay, values, None)
    values["shandong.priority_industry"] = False
    del values["shandong.listing_progress"]
    same(overlay, values, None)


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(data=plausible(), rule_id=st.sampled_from(("miit-2022", "miit-2026")), renewal=st.sampled_from((None, "zjtx_sme", "little_giant")))
def test_the_plan_agrees_on_generated_profiles(data: dict[str, Any], rule_id: str, renewal: str | None) -> None:
    rs = rules.load(rule_id)
    same(rule_id, dict(profile.from_data(data, rs, "<gen>").values), renewal)


def _bands(draw: st.DrawFn) -> tuple[Band, ...]:
    points = st.integers(0, 50).map(Decimal)
    bound = st.integers(-5, 105).map(Decimal)
    one = st.one_of(st.builds(lambda b, p: Band(p, at_least=b), bound, points),
                    st.builds(lambda b, p: Band(p, at_most=b), bound, points))
    bands = draw(st.lists(one, min_size=1, max_size=6))
    if draw(st.booleans()):
        bands.append(Band(draw(points)))  # the unconditional last line most tables end with
    return tuple(bands)


@settings(max_examples=300)
@given(data=st.data())
def test_a_prepared_band_list_scores_as_band_points_does(data: st.DataObject) -> None:
    """The batch plan's band scorer is held to the engine's band_points on threshold lists, for
    unknown values and for values on, just below and just above every bound."""
    bands = data.draw(st.composite(_bands)())
    edges = [b.at_least if b.at_least is not None else b.at_most for b in bands]
    near = [e + d for e in edges if e is not None for d in (Decimal("-0.01"), Decimal(0), Decimal("0.01"))]
    value = data.draw(st.one_of(st.none(), st.sampled_from(near) if near else st.none(),
                                st.decimals(-10, 110, places=2)))
    whens = _conditions(bands)
    expected = scoring.band_points(bands, value, None, whens=whens)
    assert scoring.band_scorer(bands, whens)(value, None) == expected
    assert scoring.points_scorer(bands, whens)(value, None) == expected[:3]  # a summary's: the points alone


def test_when_bands_fall_back_to_band_points_on_an_unknown() -> None:
    """A `when` list walks known conditions itself; the first unknown hands the list to band_points."""
    rs = rules.load("miit-2026")
    ip = next(i for i in rs.scores["innovative"].items if i.id == "ip")
    bands = ip.scales[0].bands
    whens = _conditions(bands)
    scorer = scoring.band_scorer(bands, whens)
    some = _Answers({"ip_class1": Decimal(2)})
    expected = scoring.band_points(bands, None, some, whens=whens)
    assert scorer(None, some) == expected
    assert expected[:3] == (Decimal(10), Decimal(20), Decimal(10))  # 10 surely, 20 if the unknowns hold
    known = _Answers({"ip_class1": Decimal(2), "ip_class1_high_value": Decimal(0), "ip_class1_self": Decimal(0)})
    assert scorer(None, known) == scoring.band_points(bands, None, known, whens=whens) == \
        (Decimal(10), Decimal(10), Decimal(10), bands[2])


_FIGURE = st.one_of(st.none(), st.sampled_from([Decimal(n) for n in (0, 5, 10, 20, 50, 100, 300, 500, 1000, 2000, 5000,
                                                                     8000, 10000, 40000, 80000, 120000, 200000)]),
                    st.decimals(0, 300000, places=2))


@settings(max_examples=300)
@given(data=st.data(), rule_id=st.sampled_from(("miit-2022", "miit-2026")))
def test_a_prepared_size_table_classifies_as_classify_size_does(data: st.DataObject, rule_id: str) -> None:
    """Each industry's prepared classifier gives classify_size's status and size on the same figures
    (some unknown, some on a bound), a figure it is not given the paths of read as unknown."""
    size = rules.load(rule_id).size
    industry = data.draw(st.sampled_from(sorted(size.industries)))
    cls = size.industries[industry]
    read = sorted(set(cls.ceiling) | set(cls.medium))
    if data.draw(st.booleans()):
        read = read[:-1]  # a figure of the small bounds alone, or one left out: unknown to both
    figures = {k: data.draw(_FIGURE) for k in ("staff", "revenue", "assets")}
    given = {k: figures[k] for k in read}
    classify = scoring.size_classifier(cls, {k: "at." + k for k in read})
    assert classify({"at." + k: v for k, v in figures.items()}.get) == scoring.classify_size(size, industry, given)


@settings(max_examples=200)
@given(answers=st.lists(st.sampled_from((None, True, False)), min_size=6, max_size=6))
def test_red_lines_made_one_closure_answer_as_all_of_does(answers: list[bool | None]) -> None:
    """The gate's red lines, one closure in a plan's all-of: the same status and the same red line
    holding it back as all_of over each (the first unmet, else the first of the worst; one of them
    asks for review when answered yes)."""
    rs = rules.load("miit-2026")
    plan = plan_for(rs, DAY.year - 1, None)
    gate = next(c for c in rs.tiers["innovative_sme"].criteria.children if c.kind == "all")
    vetoes = [c for c in gate.children if c.kind == "veto"]
    children = [plan._compile(n, []) for n in vetoes]
    fused = plan_module._red_lines(list(zip(vetoes, children, strict=True)), rs)
    assert len(fused) == 1 and len(vetoes) == len(answers)
    values = {rs.fields[n.field].path: v for n, v in zip(vetoes, answers, strict=True)}  # type: ignore[index]
    got, want = fused[0](dict(values)), plan_module.all_of(children, dict(values))
    assert got[0] == want[0] and got[1] is want[1]


_SUM = st.lists(st.integers(0, 100).map(Decimal), min_size=3, max_size=3).map(sorted)


@settings(max_examples=200)
@given(sums=st.lists(_SUM, min_size=4, max_size=4))
def test_score_criteria_made_one_closure_answer_as_all_of_does(sums: list[list[Decimal]]) -> None:
    """A table's score criteria in an all-of (innovative's total and its three groups), one closure:
    the same status and the same criterion holding it back as all_of over each, whatever the
    table's sums (strict low <= low <= high, in all and in each group)."""
    rs = rules.load("miit-2026")
    plan = plan_for(rs, DAY.year - 1, None)
    scored = next(n for _, n in rs.all_nodes() if n.id == "innovative.scored")
    nodes = [c for c in scored.children if c.kind == "score"]
    assert len(nodes) == 4 and nodes[0].group is None
    children = [plan._compile(n, []) for n in nodes]
    groups = {n.group: (low, high, strict) for n, (strict, low, high) in zip(nodes[1:], sums[1:], strict=True)}
    strict, low, high = sums[0]
    state = {plan._table_keys[nodes[0].table][1]: (low, high, strict, groups)}  # type: ignore[index]
    got, want = plan._scores(nodes)(dict(state)), plan_module.all_of(children, dict(state))
    assert got[0] == want[0] and got[1] is want[1]


@settings(max_examples=200)
@given(value=st.none() | st.decimals(min_value=-50, max_value=150, places=2))
def test_an_item_of_one_derived_quantity_scores_as_its_bands_do(value: Decimal | None) -> None:
    """A score item of one derived quantity by "at least" bands (R&D share, growth), its slot and bands
    read by one closure: the points points_scorer gives the value, and in full the points and band
    band_scorer gives it."""
    rs = rules.load("miit-2026")
    plan = plan_for(rs, DAY.year - 1, None)
    fused = 0
    for table in rs.scores.values():
        for item in table.items:
            fn, detail = plan._compile_item(item), plan._item_detail(item)
            if getattr(fn, "__name__", "") != "derived_at_least":
                continue
            fused += 1
            scale = item.scales[0]
            assert getattr(detail, "__name__", "") == "derived_within"
            slot, _ = plan._slot_of(scale.value)  # type: ignore[arg-type]
            whens = plan._whens(scale.bands)
            state: dict[str, object] = {slot: value}  # type: ignore[dict-item]
            assert fn(dict(state)) == scoring.points_scorer(scale.bands, whens)(value, state)
            low, high, strict, chosen = scoring.band_scorer(scale.bands, whens)(value, state)
            d = detail(dict(state))
            assert (d.low, d.high, d.strict, d.value, d.label, d.review, d.scale_values) == \
                (low, high, strict, value, chosen.label if chosen else None, bool(chosen and chosen.review), (value,))
    assert fused >= 3


def _conditions(bands: tuple[Band, ...]) -> tuple[scoring.Cond | None, ...]:
    """The bands' `when` conditions compiled to read an `expr` environment such as _Answers (a plan
    compiles them to read its own per-profile dicts)."""
    return tuple(b.when.fn if b.when is not None else None for b in bands)


class _Answers:
    """An environment of three counts, any of them unknown."""

    def __init__(self, values: dict[str, Decimal | None]) -> None:
        self.values = values

    def get(self, name: str, offset: int | None) -> Decimal | None:
        return self.values.get(name)


_WHENS = [expr.parse(s) for s in ("a >= 1", "b >= 2", "b == 1", "a + b >= 3", "c", "not c", "a >= 1 and b >= 1")]


@settings(max_examples=400)
@given(data=st.data())
def test_condition_lists_score_as_band_points_does(data: st.DataObject) -> None:
    """`when` lines mixed with thresholds, each condition possibly unknown: the prepared scorer
    continues past unknowns as band_points does (possible points up to the first sure line)."""
    points = st.integers(0, 30).map(Decimal)
    line = st.one_of(st.builds(lambda w, p: Band(p, when=w), st.sampled_from(_WHENS), points),
                     st.builds(lambda b, p: Band(p, at_least=Decimal(b)), st.integers(0, 3), points))
    bands = data.draw(st.lists(line, min_size=1, max_size=6))
    if data.draw(st.booleans()):
        bands.append(Band(data.draw(points)))
    count = st.one_of(st.none(), st.integers(0, 3).map(Decimal))
    env = _Answers({"a": data.draw(count), "b": data.draw(count), "c": data.draw(st.one_of(st.none(), count))})
    value = data.draw(count)
    whens = _conditions(tuple(bands))
    expected = scoring.band_points(tuple(bands), value, env, whens=whens)
    assert scoring.band_scorer(tuple(bands), whens)(value, env) == expected
    assert scoring.points_scorer(tuple(bands), whens)(value, env) == expected[:3]


_AMOUNTS = st.decimals(min_value=Decimal("-1e9"), max_value=Decimal("1e9"), places=4, allow_nan=False, allow_infinity=False)


class _Values:
    def __init__(self, values: dict[str, Decimal]) -> None:
        self.values = values

    def get(self, name: str, offset: int | None) -> expr.Value:
        return self.values[name]


@settings(max_examples=300)
@given(a=_AMOUNTS, b=_AMOUNTS, c=_AMOUNTS, d=_AMOUNTS,
       text=st.sampled_from(["a / b + c / d", "a / b * 100 - c / d * 100", "(a + c) / (b - d) * (c / b)", "a / b / (c / d)"]))
def test_unsettled_quotients_give_the_settled_values(a: Decimal, b: Decimal, c: Decimal, d: Decimal, text: str) -> None:
    """The plan's quotients keep the zeros that settling drops; whatever is computed from them has
    the value that the reports' settled arithmetic gives, so both agree at every threshold."""
    values = {"a": a, "b": b, "c": c, "d": d}
    settled = expr.parse(text)
    unsettled = expr.recompile(settled, lambda name, offset, param: name, settled=False)
    assert unsettled(values, 0) == settled(_Values(values))


def test_a_quotient_too_long_to_settle_is_kept_whole() -> None:
    """A third-party formula may multiply ratios; one with 30 digits or more before the point has no
    places left to round within the 60 kept, and both the reports and the plan keep it as it is."""
    values = {"a": Decimal("999999999999999"), "b": Decimal("0.000001")}
    e = expr.parse("a / b * (a / b) / (b / a)")
    unsettled = expr.recompile(e, lambda name, offset, param: name, settled=False)
    got = e(_Values(values))
    assert got == unsettled(values, 0)
    assert Decimal("9.99999999999997e62") < got < Decimal("1e63")  # (1e15 - 1)^3 / 1e-18, to 60 digits


def test_the_criterion_named_decides_the_verdict_shown() -> None:
    """half-missing leaves a red-line question unanswered and lacks the 专精特新 title: 小巨人 is unmet
    for the title, so a batch row names that, not the unanswered question that comes first in the
    rules (it read as if the company had had an accident)."""
    rs = rules.load("miit-2026")
    values = dict(profile.load_profile(EXAMPLES / "half-missing.yaml", rs).values)
    summary = plan_for(rs, DAY.year - 1, None).run(values)
    lg = summary.tiers["little_giant"]
    assert lg.status == "unmet" and lg.blocker == "lg26.prerequisite", lg.blocker
    first = summary.tiers["innovative_sme"]
    assert first.status == "unknown" and first.blocker == "gate.major_incident"



def _rows_alone_and_shared(rs: rules.RuleSet, values: dict[str, Any], renewal: str | None) -> None:
    """Each tier's rows from the process's plan (rows shared with the profiles before) against a
    plan made for this profile alone: the same data, and the same JSON text in both languages."""
    from littlegiant.core.plan import Plan
    from littlegiant.report.result_json import criterion_json, sayer

    shared = plan_for(rs, DAY.year - 1, renewal).evaluate(values)
    alone = Plan(rs, DAY.year - 1, renewal).evaluate(values)
    assert shared[:2] == alone[:2]
    for tid, tier in alone[2].items():
        got = shared[2][tid].criteria
        assert got == tier.criteria, tid
        for lang in ("zh", "en"):
            say = sayer(rs, lang)
            assert [criterion_json(c, lang, say) for c in got] == [criterion_json(c, lang, say) for c in tier.criteria]


@settings(max_examples=30, suppress_health_check=[HealthCheck.too_slow])
@given(base=plausible(), variants=st.lists(plausible(), min_size=1, max_size=4),
       rule_id=st.sampled_from(("miit-2022", "miit-2026")), renewal=st.sampled_from((None, "little_giant")))
def test_a_row_shared_by_profiles_is_what_each_profile_alone_gives(
        base: dict[str, Any], variants: list[dict[str, Any]], rule_id: str, renewal: str | None) -> None:
    """Profiles that share some answers (each variant laid over the first, as a batch's rows share
    red-line answers and levels) get rows kept from earlier profiles: each is what it alone gives."""
    rs = rules.load(rule_id)
    for data in [base, *(within_wholes({**base, **v}) for v in variants)]:
        _rows_alone_and_shared(rs, dict(profile.from_data(data, rs, "<gen>").values), renewal)


def test_rows_are_right_when_the_store_keeps_few(monkeypatch: pytest.MonkeyPatch) -> None:
    """A store that fills (amounts seldom repeat) is emptied and filled again, never read stale."""
    from littlegiant.core import plan as plan_module

    monkeypatch.setattr(plan_module, "ROWS_KEPT", 2)
    rs = rules.load("miit-2026")
    for _ in range(2):
        for path in sorted(EXAMPLES.glob("*.yaml")):
            _rows_alone_and_shared(rs, dict(profile.load_profile(path, rs).values), None)


def test_a_word_in_a_formula_s_quotes_is_never_filled_with_a_figure(tmp_path: Path) -> None:
    """A field's name inside a string literal is text: each company's explanation and inputs name
    what the formula reads, and never a figure, least of all the employees of the company before it."""
    rule = write(tmp_path, check('revenue[y1] >= 0 and industry != \\"employees\\"', "==", "true"))
    rows = tmp_path / "in.jsonl"
    rows.write_text("".join(json.dumps({"name": f"c{n}", "industry": "industrial", "employees": n,
                                        "financials": {"2025": {"revenue": 500}}}) + "\n" for n in (10, 999)),
                    encoding="utf-8")
    out = tmp_path / "out.jsonl"
    done, _ = cli("batch", str(rows), "-o", str(out), "--rules", str(rule), "--format", "json", "--as-of",
                  "2026-05-01", "--lang", "en", "-q", "-j", "1")
    assert done.returncode == 0, done.stderr
    for line in out.read_text(encoding="utf-8").splitlines():
        row = next(c for c in json.loads(line)["result"]["tiers"]["innovative_sme"]["criteria"] if c["id"] == "t1.x")
        assert row["explanation"] == "Operating revenue 2025 — 500 (10k CNY); Industry (size standard 工信部联企业〔2011〕300号) — " \
            "Industry (mining, manufacturing, utilities): met"
        assert row["inputs"] == {"financials.2025.revenue": 500, "industry": "industrial"}


_LEAVES = st.sampled_from(["a", "b", "c", "2", "0", "7"])
_NUMERIC = st.recursive(_LEAVES, lambda inner: st.builds("({} {} {})".format, inner, st.sampled_from("+-*"), inner),
                        max_leaves=6)
_BOOLEAN = st.recursive(
    st.one_of(st.sampled_from(["flag", "True"]),
              st.builds("({} {} {})".format, _NUMERIC, st.sampled_from([">=", ">", "<=", "<", "==", "!="]), _NUMERIC)),
    lambda inner: st.one_of(st.builds("({} {} {})".format, inner, st.sampled_from(["and", "or"]), inner),
                            st.builds("(not {})".format, inner)),
    max_leaves=5)


def _reference(node: ast.expr, values: dict[str, expr.Value]) -> expr.Value:
    """Three-valued evaluation written plainly: unknown in, unknown out; `and`/`or` decided by a known operand."""
    if isinstance(node, ast.Constant):
        return node.value if isinstance(node.value, bool) else Decimal(node.value)
    if isinstance(node, ast.Name):
        return values[node.id]
    if isinstance(node, ast.UnaryOp):
        v = _reference(node.operand, values)
        return None if v is None else not v
    if isinstance(node, ast.BoolOp):
        parts = [_reference(v, values) for v in node.values]
        decider = isinstance(node.op, ast.Or)  # a known True decides `or`, a known False `and`
        if any(p is not None and bool(p) is decider for p in parts):
            return decider
        return None if any(p is None for p in parts) else not decider
    a, b = ((_reference(node.left, values), _reference(node.right, values)) if isinstance(node, ast.BinOp)
            else (_reference(node.left, values), _reference(node.comparators[0], values)))
    if a is None or b is None:
        return None
    ops = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.GtE: operator.ge,
           ast.Gt: operator.gt, ast.LtE: operator.le, ast.Lt: operator.lt, ast.Eq: operator.eq, ast.NotEq: operator.ne}
    op = node.op if isinstance(node, ast.BinOp) else node.ops[0]
    return ops[type(op)](a, b)


@settings(max_examples=400)
@given(text=st.one_of(_NUMERIC, _BOOLEAN), data=st.data())
def test_every_operand_kind_is_fetched_alike_in_every_operator(text: str, data: st.DataObject) -> None:
    """Constants, plain reads of a mapping (a plan's leaf gives a key), compiled reads (the engine's) and
    sub-expressions as operands of arithmetic, comparisons and and/or: all three ways of compiling give the
    plain three-valued result, with any input unknown."""
    count = st.one_of(st.none(), st.integers(-3, 9).map(Decimal))
    values: dict[str, expr.Value] = {"a": data.draw(count), "b": data.draw(count), "c": data.draw(count),
                                     "flag": data.draw(st.one_of(st.none(), st.booleans()))}
    parsed = expr.parse(text)
    want = _reference(ast.parse(text, mode="eval").body, values)
    by_key = expr.recompile(parsed, lambda name, offset, param: name)
    by_read = expr.recompile(parsed, lambda name, offset, param: lambda env, p: env.get(name))
    assert parsed(_Answers(values)) == by_key(values, 0) == by_read(values, 0) == want


@settings(max_examples=25, suppress_health_check=[HealthCheck.too_slow])
@given(score=st.decimals(0, 15, places=1), zeros=st.lists(st.integers(0, 3), min_size=2, max_size=3),
       base=plausible())
def test_a_score_that_is_the_value_itself_keeps_each_company_s_digits(score: Decimal, zeros: list[int],
                                                                      base: dict[str, Any]) -> None:
    """Score items are worked out once for the companies of a batch that give the same values, but
    an item whose points are the figure itself (地方特色指标) is each company's own: 5.20 after
    another company's 5.2 sums to 5.20, as it does for that company alone."""
    from littlegiant.core.plan import Plan

    rs = rules.load("miit-2022")
    for n in zeros:
        digits = score.quantize(Decimal(1).scaleb(-1 - n))  # 5.2, 5.20, 5.200...
        values = dict(profile.from_data({**base, "characteristic_score": digits}, rs, "<gen>").values)
        shared = plan_for(rs, DAY.year - 1, None).evaluate(values)[2]
        alone = Plan(rs, DAY.year - 1, None).evaluate(values)[2]
        for tid, tier in alone.items():
            got = shared[tid]
            assert [str(x) for x in (got.score, got.score_min, got.score_max)] == \
                [str(x) for x in (tier.score, tier.score_min, tier.score_max)], tid
            assert [(str(g.low), str(g.high)) for g in got.groups] == [(str(g.low), str(g.high)) for g in tier.groups]


@settings(max_examples=300)
@given(a=st.one_of(st.none(), _AMOUNTS), b=st.one_of(st.none(), st.just(Decimal(0)), _AMOUNTS),
       op=st.sampled_from(["*", "/", "+", "-"]), c=st.sampled_from(["100", "1", "0.01", "3"]))
def test_a_share_of_two_reads_is_the_quotient_then_the_constant(a: Decimal | None, b: Decimal | None, op: str,
                                                                 c: str) -> None:
    """A plan computes ``a / b * 100`` of two reads in one closure; it gives the value, and the digits,
    that the quotient and then the constant give computed apart (as compiled reads are)."""
    values = {"a": a, "b": b}
    parsed = expr.parse(f"a / b {op} {c}")
    by_key = expr.recompile(parsed, lambda name, offset, param: name, settled=False)
    by_read = expr.recompile(parsed, lambda name, offset, param: lambda env, p: env.get(name), settled=False)
    assert str(by_key(values, 0)) == str(by_read(values, 0))



def _figures_alone_as_rows(rule_id: str, data: dict[str, Any] | Path, lang: str) -> int:
    """How many checks' figures ``Plan.figure_of`` words alone on ``data`` (a profile, or its file), each
    asserted to read as its whole row."""
    from littlegiant.core.result import UNMET
    from littlegiant.report.words import now_text

    rs = rules.load(rule_id)
    plan = plan_for(rs, DAY.year - 1, None)
    read = profile.load_profile(data, rs) if isinstance(data, Path) else profile.from_data(data, rs, "<gen>")
    values = dict(read.values)
    compared = 0
    for tid, steps in plan.flat.items():
        state = plan.start(values)
        for step in steps:
            row = plan.row_of(tid, step.node, state)  # made first: it gives the step its maker
            figure = plan.figure_of(tid, step.node)
            if row is None or figure is None:
                continue
            value = figure[0](state, 0)
            if not isinstance(value, Decimal):
                continue  # no figure: the batch row asks the whole row (a blank part its whole holds)
            alone = figure[1](UNMET)
            alone.value = value
            assert now_text(alone, lang) == now_text(row, lang), (tid, step.node.id)
            compared += 1
    return compared


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(data=plausible(), rule_id=st.sampled_from(("miit-2022", "miit-2026")), lang=st.sampled_from(("zh", "en")))
def test_a_checks_figure_alone_is_worded_as_its_whole_row(data: dict[str, Any], rule_id: str, lang: str) -> None:
    """A batch row words the check holding a tier back (「……（现为3,000万元）」) from its figure alone, in a row of
    the rule holding that value (``Plan.figure_of``, cli.batch Scorer._now), not from the whole row the full result
    makes: that is only right while ``now_text`` reads nothing of a check's row but its rule and its value. Every
    check of every tier, on generated profiles: the figure alone reads as the whole row does."""
    _figures_alone_as_rows(rule_id, data, lang)


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize(("rule_id", "example"), [("miit-2026", "little-giant-2026.yaml"),
                                                   ("miit-2022", "little-giant-2022.yaml")])
def test_a_full_profiles_figures_alone_read_as_their_rows(rule_id: str, example: str, lang: str) -> None:
    """The same on a shipped example with every figure given: dozens of checks compared, not none."""
    assert _figures_alone_as_rows(rule_id, EXAMPLES / example, lang) >= 20
