"""The full result (``--format json``, the API's dicts) written as text: the same document whatever
path makes it, numbers written as people and programs read them."""

from __future__ import annotations

import hashlib
import json
from dataclasses import replace
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, localcontext
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from tests.conftest import EXAMPLES, nested
from tests.test_properties import plausible

from littlegiant import __version__
from littlegiant.core import engine
from littlegiant.core.result import CriterionResult, Result, json_value
from littlegiant.load import profile, rules
from littlegiant.load.profile import Profile
from littlegiant.load.rules import Text
from littlegiant.report import explanations, result_json
from littlegiant.report.explanations import fmt
from littlegiant.report.result_json import (
    _criterion_dict,
    _value,
    criterion_dict,
    criterion_json,
    sayer,
    to_bytes,
    to_dict,
    to_json,
)

DAY = date(2026, 11, 26)
CODECS = (("utf-8", "backslashreplace"), ("gb18030", "replace"))
"""What a batch's output file may hold (``--output-encoding``): a document written as bytes is its text encoded."""
_FIGURES = st.decimals(min_value=Decimal("-1e19"), max_value=Decimal("1e19"), allow_nan=False, allow_infinity=False)


@settings(max_examples=500)
@given(v=_FIGURES)
def test_a_figure_is_written_to_two_places_rounded_half_up(v: Decimal) -> None:
    """What a report shows of a figure: its value to two places (half up), plain digits, no trailing zeros;
    a figure that is not 0 but two places would write as 0, its first two digits (0.0012%, not 0%)."""
    text = fmt(v)
    assert "E" not in text and not (text.endswith("0") and "." in text) and not text.endswith(".")
    two = v.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    if v and not two:
        assert Decimal(text) == v.quantize(Decimal(1).scaleb(v.adjusted() - 1), rounding=ROUND_HALF_UP) != 0
    else:
        assert Decimal(text) == two


@settings(max_examples=500)
@given(v=st.decimals(min_value=Decimal("1e20"), max_value=Decimal("1e40"), allow_nan=False, allow_infinity=False),
       negative=st.booleans())
@example(v=Decimal("99999999999999999999999999999.5"), negative=False)
@example(v=Decimal("9.99999999999999E+22"), negative=True)
def test_a_figure_past_twenty_digits_reads_as_three_digits_and_a_power_of_ten(v: Decimal, negative: bool) -> None:
    """A quotient no amount reaches (R&D of 10^15 万元 over revenue of 0.000001) is written as its first three
    digits, rounded half up, times a power of ten: 1×10^23, never 1E+1×10^22 (rounded after it was split)."""
    v = -v if negative else v
    text = fmt(v)
    mantissa, _, power = text.partition("×10^")
    assert "E" not in text and power.isdigit() and mantissa == format(Decimal(mantissa).normalize(), "f")
    assert Decimal(1) <= abs(Decimal(mantissa)) < 10 and len(mantissa.strip("-").replace(".", "")) <= 3
    with localcontext() as ctx:
        ctx.prec = 100
        assert Decimal(mantissa).scaleb(int(power)) == v.quantize(Decimal(1).scaleb(v.adjusted() - 2), ROUND_HALF_UP)


def test_a_share_of_a_revenue_of_almost_nothing_reads_as_a_power_of_ten() -> None:
    """What a company's report says of R&D of 999,999,999,999,999万元 over revenue of 0.000001万元 (each
    allowed alone): 1×10^23%, in both languages, in the JSON's sentences as in the report's."""
    values = {"name": "测试", "industry": "industrial", "employees": 50,
              "financials": {"2025": {"revenue": Decimal("0.000001"), "rd_expense": Decimal("999999999999999")}}}
    rs = rules.load("miit-2026")
    prof = profile.from_data(values, rs, "test")
    result = engine.evaluate(rs, prof, date(2026, 11, 26))
    for lang, said in (("zh", "1×10^23%（999,999,999,999,999 ÷ 0.000001），要求不低于3%"),
                       ("en", "1×10^23% (999,999,999,999,999 ÷ 0.000001); required at least 3%")):
        text = to_json(result, lang, __version__)
        assert said in text and "E+" not in text


@settings(max_examples=300)
@given(v=_FIGURES, near=_FIGURES)
def test_a_figure_beside_its_threshold_never_reads_as_the_threshold(v: Decimal, near: Decimal) -> None:
    """A miss of a threshold by less than a cent shows more places, up to six."""
    shown = Decimal(fmt(v, near))
    if v != near and abs(v - near) >= Decimal("0.000001"):
        assert shown != near


@settings(max_examples=500)
@given(v=_FIGURES, extra=st.integers(min_value=0, max_value=30), near=st.none() | _FIGURES)
@example(v=Decimal("5000000000000000000.0000000000087581846584620982013794485350770926392288457785855544631"),
         extra=15, near=None)  # 101 digits once padded: the test's own context was too narrow for them
def test_equal_figures_are_written_alike_whatever_their_digits(v: Decimal, extra: int, near: Decimal | None) -> None:
    """7845 and 7845.00, or a quotient and the same value with more zeros, read the same in a report
    and in the JSON, however many digits they came with (short and long figures take other paths)."""
    with localcontext() as ctx:  # room for every digit the padding adds (hypothesis gives figures of 80 and more)
        ctx.prec = len(v.as_tuple().digits) + extra + 40
        padded = v.quantize(Decimal(1).scaleb(min(v.as_tuple().exponent, 0) - extra))  # type: ignore[operator]
    assert fmt(padded, near) == fmt(v, near)

    def row(value: Decimal) -> CriterionResult:
        return CriterionResult(id="x", kind="check", title=Text("收入", "revenue"), status="met", depth=1, parent=None,
                               value=value, op=">=", threshold=near, inputs={"revenue": value})
    for lang in ("zh", "en"):
        text = criterion_json(row(padded), lang, sayer(None, lang))
        assert text == criterion_json(row(v), lang, sayer(None, lang))
        assert text == json.dumps(json.loads(text), ensure_ascii=False)


_QUOTIENTS = st.builds(lambda m, e: Decimal(m).scaleb(e), st.integers(-10**40, 10**40), st.integers(-45, 3))
"""Figures with many places, as a quotient has them (56.405353728489483747609942638600), and the odd ones
beside them: tiny, negative, past 10^9, whole with thirty zeros, ending in a tie at the sixth place."""


@settings(max_examples=2000)
@given(v=_QUOTIENTS | _FIGURES | st.decimals(allow_nan=False, allow_infinity=False))
@example(v=Decimal("0.000099999999999999999999999999"))
@example(v=Decimal("-0.000000100000000000000000000000"))
@example(v=Decimal("999999999.999999999999999999999"))
@example(v=Decimal("2.000000000000000000000000000001"))
@example(v=Decimal("12.00000050000000000000000000000"))
@example(v=Decimal("56.000000000000000000000000000000"))
def test_a_figure_in_the_json_is_the_number_json_dumps_writes(v: Decimal) -> None:
    """A value in the JSON result is what ``json.dumps`` writes for its number (six places; a float's
    repr), however the text is made (a long quotient's without a float)."""
    assert _value(v) == json.dumps(json_value(v))


@settings(max_examples=500)
@given(v=_QUOTIENTS, nears=st.lists(st.none() | _FIGURES | _QUOTIENTS, max_size=3))
def test_a_long_figure_kept_by_its_digits_reads_as_written_afresh(v: Decimal, nears: list[Decimal | None]) -> None:
    """A quotient's text for people and for the JSON is kept by its digits (a company's ratio is shown
    in several rows, each with its own threshold): what is kept is what is made afresh, and a figure
    kept from a row without a threshold still never reads as the threshold of the next row it misses."""
    with localcontext() as ctx:
        ctx.prec = 100
        cent = v.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)  # the threshold its two places would read as
    shown = [fmt(v, near) for near in (*nears, None, cent)]
    json_text = _value(v)
    if v != cent and "×" not in shown[-1] and abs(v - cent) >= Decimal("0.000001"):
        assert Decimal(shown[-1]) != cent
    explanations._LONG.clear()
    result_json._LONG.clear()
    assert [fmt(v, near) for near in (*nears, None, cent)] == shown and _value(v) == json_text


@settings(max_examples=500)
@given(v=st.decimals(allow_nan=False, allow_infinity=False))
def test_the_profile_digest_reads_each_figure_digit_for_digit(v: Decimal) -> None:
    """Two profiles share a digest exactly when their figures are equal: 1.50 and 1.5 alike, 1E+3
    and 1000 alike, and a figure differing in its last of many digits apart."""
    plain = format(v, "f")
    padded = Decimal(plain + ("0" if "." in plain else ".0"))
    digest = Profile({"employees": v}).sha256()
    assert digest == Profile({"employees": padded}).sha256()
    with localcontext() as ctx:
        ctx.prec = 200
        nudged = v + Decimal(1).scaleb(min(v.as_tuple().exponent, 0) - 1)  # type: ignore[operator]
    assert digest != Profile({"employees": nudged}).sha256()


_SCALARS = (st.decimals() | st.booleans() | st.text()
            | st.builds(lambda m, e: Decimal(m).scaleb(e), st.integers(-10**30, 10**30), st.integers(-40, 40)))
"""Figures include those Python writes with an exponent (1E+3, 5E-7), as a quotient or a spreadsheet's may be."""


@settings(max_examples=500)
@given(values=st.dictionaries(st.text(), _SCALARS, max_size=40))
def test_the_profile_digest_is_the_sorted_compact_json_of_its_values(values: dict[str, Any]) -> None:
    """The check code a report shows is the sha256 of the profile's values as compact JSON by sorted
    path, each figure by its digits (``_canonical``): the code given by earlier versions, so a
    consultant's saved reports still match the profiles they came from."""
    canonical = {k: profile._canonical(v) for k, v in values.items()}
    text = json.dumps(canonical, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    assert Profile(values).sha256() == hashlib.sha256(text.encode("utf-8")).hexdigest()


def _both(rule_id: str, data: dict[str, Any], renewal: str | None) -> None:
    rs = rules.load(rule_id)
    result = engine.evaluate(rs, profile.from_data(data, rs, "<gen>"), DAY, renewal)
    for lang in ("zh", "en"):
        text = to_json(result, lang, __version__)
        doc = json.loads(text)
        assert doc == to_dict(result, lang, __version__)
        assert text == json.dumps(doc, ensure_ascii=False)  # what json.dumps writes, byte for byte
        rows = [c for t in result.tiers.values() for c in t.criteria]
        say = sayer(rs, lang)
        assert [criterion_dict(c, lang, rs) for c in rows] == [c for t in doc["tiers"].values() for c in t["criteria"]]
        assert all(criterion_json(c, lang, say) == json.dumps(criterion_dict(c, lang, rs), ensure_ascii=False)
                   for c in rows)
        # and each row is the row's own dict, key for key in its order, whichever row of its rule wrote the rule's text
        assert all(criterion_json(c, lang, say) == json.dumps(_criterion_dict(c, lang, say), ensure_ascii=False)
                   for c in rows)
        for codec in CODECS:
            assert to_bytes(result, lang, __version__, codec) == text.encode(*codec)


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(data=plausible(), rule_id=st.sampled_from(("miit-2022", "miit-2026")),
       renewal=st.sampled_from((None, "zjtx_sme", "little_giant")))
def test_the_json_text_is_what_json_dumps_writes(data: dict[str, Any], rule_id: str, renewal: str | None) -> None:
    """The document is written as text from parts made once per rule: it reads back to the same
    dict, and is what ``json.dumps`` would write for it."""
    _both(rule_id, data, renewal)


def _made_afresh(result: Result) -> Result:
    """``result`` with rows of its own and no text kept from earlier rows, as the API hands it out."""
    tiers = {tid: replace(t, criteria=[replace(c, made=None, memo=None) for c in t.criteria])
             for tid, t in result.tiers.items()}
    return replace(result, tiers=tiers)


@settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow])
@given(companies=st.lists(plausible(), min_size=2, max_size=4), rule_id=st.sampled_from(("miit-2022", "miit-2026")))
def test_rows_shared_between_companies_and_tiers_write_what_each_company_gave(
        companies: list[dict[str, Any]], rule_id: str) -> None:
    """A batch shares rows among companies that give the same values, and one SME row's text among
    the tiers of a company: every company's document, written after all of them were evaluated, is
    the one its own rows, made afresh, write."""
    rs = rules.load(rule_id)
    results = [engine.evaluate(rs, profile.from_data(data, rs, "<gen>"), DAY) for data in companies]
    for result in results:
        for lang in ("zh", "en"):
            text = to_json(result, lang, __version__)
            assert text == to_json(_made_afresh(result), lang, __version__)
            for codec in CODECS:  # rows' bytes kept beside their text, made once for all the companies sharing them
                assert to_bytes(result, lang, __version__, codec) == text.encode(*codec)
        sme = [c for t in result.tiers.values() for c in t.criteria if c.kind == "sme"]
        assert len({(c.value, c.status, tuple(c.inputs.items())) for c in sme}) <= 1


@settings(max_examples=30, suppress_health_check=[HealthCheck.too_slow])
@given(order=st.permutations([(r, renewal, day, lang) for r, renewal, day in (
    ("miit-2022", None, DAY), ("miit-2026", None, DAY), ("miit-2026", "little_giant", DAY),
    ("miit-2026", None, date(2027, 3, 1))) for lang in ("zh", "en")]))
def test_each_document_opens_with_its_own_rule_set_and_date_whatever_came_before(
        order: list[tuple[str, str | None, date, str]]) -> None:
    """A batch writes the rule set's opening once and again while it stays the same: documents of
    other rule sets, renewals, dates and languages written one after another each name their own."""
    data = nested(profile.load_profile(EXAMPLES / "little-giant-2026.yaml", rules.load("miit-2026")).values)
    for rule_id, renewal, day, lang in order:
        rs = rules.load(rule_id)
        result = engine.evaluate(rs, profile.from_data(data, rs, "<gen>"), day, renewal)
        doc = json.loads(to_bytes(result, lang, __version__, CODECS[0]).decode("utf-8"))
        assert doc["rules"] == {"id": rs.id, "title": rs.title.get(lang), "in_force_from": rs.in_force_from.isoformat(),
                                "source": rs.source, "documents": list(engine.documents(rs)),
                                "notes": [n.get(lang) for n in rs.notes]}
        assert (doc["as_of"], doc["last_year"], doc["renewal"]) == (day.isoformat(), day.year - 1, renewal)
        assert doc["input_sha256"] == result.input_sha256 and doc["sme"]["status"] == result.sme_status


def test_rows_of_amounts_made_afresh_after_a_long_run_write_the_same_documents() -> None:
    """Past a few hundred companies, a criterion whose rows never repeat (it reads revenue) stops
    keeping them: the companies after that write what their own rows write, and a yes/no
    criterion still hands the same row to companies that answered alike."""
    rs = rules.load("miit-2026")
    base = nested(profile.load_profile(EXAMPLES / "little-giant-2026.yaml", rs).values)
    results = []
    for i in range(800):  # three stores' worth: enough whatever earlier tests left in them
        data = json.loads(json.dumps(base, default=str))
        data["financials"]["2025"]["revenue"] = str(12000 + i)
        results.append(engine.evaluate(rs, profile.from_data(data, rs, "<gen>"), DAY))
    from littlegiant.core.plan import plan_for

    steps = {s.node.id: s for s in plan_for(rs, DAY.year - 1, None).flat["little_giant"]}
    assert not steps["lg26.revenue"].keep and steps["gate.tax_violation"].keep
    for result in results[-3:]:
        assert to_json(result, "zh", __version__) == to_json(_made_afresh(result), "zh", __version__)
        assert to_bytes(result, "zh", __version__, CODECS[0]) == to_json(result, "zh", __version__).encode()
    rows = [{c.id: c for c in r.tiers["little_giant"].criteria} for r in results[-2:]]
    assert rows[0]["gate.tax_violation"] is rows[1]["gate.tax_violation"]
    assert rows[0]["lg26.revenue"].value == 12798 and rows[1]["lg26.revenue"].value == 12799


def test_every_example_writes_the_same_document_both_ways() -> None:
    """The shipped examples (every kind of criterion, awaited reviews, warnings) under both rule sets."""
    for path in sorted(Path(EXAMPLES).glob("*.yaml")):
        for rule_id in ("miit-2022", "miit-2026"):
            rs = rules.load(rule_id)
            _both(rule_id, nested(profile.load_profile(path, rs).values), None)



_ODD = 'q\\"uote\\\\back\\nline\\ttab\\u2028 😀𝄞 \\u00e9'
"""Quotes, a backslash, a newline, a tab, a line separator, characters beyond the BMP: written into a rule
file's titles and sources (YAML escapes, so the file stays one line a key). Other control characters are
refused in a rule file (tests/test_rule_file_checks.py): they reached the terminal raw."""


def test_odd_titles_and_sources_are_written_as_json_dumps_writes_them(tmp_path: Path) -> None:
    """A rule file's titles and sources with quotes, backslashes, newlines, tabs, line separators and
    emoji come out of ``batch --format json`` as valid JSON, byte for byte what json.dumps writes,
    and as ``assess --format json`` gives the same company."""
    from tests.test_hostile_rules import cli
    from tests.test_rule_tools import OK

    text = OK.replace("zh: 收入不低于100万元, en: Revenue, source: test",
                      f'zh: "收入{_ODD}", en: "Revenue{_ODD}", source: "src{_ODD}"')
    text = text.replace("zh: 研发\n        en: R&D", f'zh: "研发{_ODD}"\n        en: "R&D{_ODD}"')
    assert text.count(_ODD) == 5
    rule = tmp_path / "odd.yaml"
    rule.write_text(text, encoding="utf-8")
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("tier1-only", "little-giant-2026", "half-missing"):
        for copy in ("a", "b"):  # the same company twice: its rows are shared, their text made once
            (folder / f"{name}-{copy}.yaml").write_bytes((EXAMPLES / f"{name}.yaml").read_bytes())
    out = tmp_path / "out.jsonl"
    done, _ = cli("batch", str(folder), "-o", str(out), "--rules", str(rule), "--format", "json",
                  "--as-of", "2026-05-01", "--lang", "zh", "-q", "-j", "1")
    assert done.returncode == 0, done.stderr
    lines = out.read_text(encoding="utf-8").split("\n")[:-1]  # not splitlines: U+2028 is text here
    assert len(lines) == 6
    for line in lines:
        doc = json.loads(line)
        assert json.dumps(doc, ensure_ascii=False) == line
        assert doc["status"] == "scored"
        one, _ = cli("assess", doc["source"], "--rules", str(rule), "--format", "json", "--as-of", "2026-05-01",
                     "--lang", "zh")
        assert one.returncode == 0, one.stderr
        assert json.loads(one.stdout) == doc["result"]
        titles = [c["title"] for t in doc["result"]["tiers"].values() for c in t["criteria"]]
        assert "收入q\"uote\\back\nline\ttab\u2028 😀𝄞 é" in titles
        assert "研发q\"uote\\back\nline\ttab\u2028 😀𝄞 é" in titles


def test_a_new_row_holding_a_lone_surrogate_is_written_as_its_codec_says() -> None:
    """A row's values are encoded the quick way (``str.encode``) for UTF-8; text UTF-8 cannot hold (a
    lone surrogate no check caught) is then written as the output's errors say, \\ud800 in a batch's
    JSON Lines, exactly what encoding the document's text writes, or refused under strict errors."""
    rs = rules.load("miit-2026")
    result = engine.evaluate(rs, profile.load_profile(EXAMPLES / "little-giant-2026.yaml", rs), DAY)
    tid, tier = next(iter(result.tiers.items()))
    odd = replace(tier.criteria[0], made=None, missing=["名称\ud800"])  # its rule's writer kept (memo), the row new
    result = replace(result, tiers={**result.tiers, tid: replace(tier, criteria=[odd, *tier.criteria[1:]])})
    text = to_json(result, "zh", __version__)
    assert "\ud800" in text
    for codec in (("utf-8", "backslashreplace"), ("utf-8", "surrogatepass"), ("gb18030", "replace")):
        odd.made = None
        assert to_bytes(result, "zh", __version__, codec) == text.encode(*codec)
    odd.made = None
    assert b"\\ud800" in to_bytes(result, "zh", __version__, ("utf-8", "backslashreplace"))
    odd.made = None
    try:
        to_bytes(result, "zh", __version__, ("utf-8", "strict"))
    except UnicodeEncodeError:
        pass
    else:
        raise AssertionError("a lone surrogate written under strict errors")


def test_a_row_maker_row_is_the_record_its_constructor_makes() -> None:
    """``row_maker`` sets a bare row's fields from one tuple: each field as the constructor sets it,
    whatever was fixed, and a new list and dicts for each row."""
    from dataclasses import MISSING, fields

    from littlegiant.core.result import row_maker

    fixed: dict[str, Any] = {f.name: (f"value of {f.name}",) for f in fields(CriterionResult)
                             if f.name not in ("status", "missing", "inputs", "terms")}
    for fixed_here in (fixed, {k: fixed[k] for k in ("id", "kind", "title", "depth", "parent")}):
        make = row_maker(**fixed_here)
        one, two = make("met"), make("unknown")
        expected = CriterionResult(**fixed_here, status="met")
        for f in fields(CriterionResult):
            assert getattr(one, f.name) == getattr(expected, f.name), f.name
            if f.name not in fixed_here and f.default is not MISSING:
                assert getattr(one, f.name) is f.default, f.name
        assert (one.status, two.status) == ("met", "unknown")
        assert one.missing == [] and one.inputs == {} and one.terms == {}
        assert one.missing is not two.missing and one.inputs is not two.inputs and one.terms is not two.terms
