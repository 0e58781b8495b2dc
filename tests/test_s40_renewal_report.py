"""What a consultant renewing a title reads: a red line's report no longer asks to check an approximate figure
that cannot change its verdict; a failed renewal's 差在 gives each year's platform score; the JSON plan of a
renewal that cannot pass says the title lapses; --detail marks a figure given as 约 with its 约."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.conftest import EXAMPLES
from typer.testing import CliRunner

from littlegiant.cli.app import app

AS_OF = "2027-03-01"
RED_LINES = ("abnormal_operation", "serious_dishonesty", "prohibited_products", "major_incident",
             "data_fabrication")


def _run(*args: str) -> str:
    done = CliRunner().invoke(app, list(args), env={"COLUMNS": "80", "NO_COLOR": "1"})
    assert done.exit_code == 0, done.output
    return done.stdout


def _flat(text: str) -> str:
    return "".join(text.split())


def _holder(folder: Path, name: str, **changes: Any) -> str:
    """The 2026 sample holding 专精特新 and 小巨人, with 2026's accounts (R&D 约600, R&D over two years
    1,250万 against 1,200万: within 5%), this year's platform score 62 and last year's 58; ``changes``
    as dotted paths (``compliance.major_incident=True``)."""
    doc = yaml.safe_load((EXAMPLES / "little-giant-2026.yaml").read_text(encoding="utf-8"))
    doc["titles"]["little_giant"] = True
    doc["financials"][2026] = {"revenue": 15000, "main_revenue": 14200, "rd_expense": "约600", "net_profit": 1100,
                               "total_assets": 18000, "total_liabilities": 8000, "total_costs": 13000}
    doc["financials"][2025]["rd_expense"] = 650
    doc["equity_financing"][2026] = 0
    doc["platform_score"] = 62
    doc["platform_score_previous"] = 58
    for dotted, value in changes.items():
        *parents, last = dotted.split(".")
        at = doc
        for key in parents:
            at = at[int(key) if key.isdigit() else key]
        at[int(last) if last.isdigit() else last] = value
    path = folder / f"{name}.yaml"
    path.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    return str(path)


def _assess(path: str, *more: str) -> str:
    return _run("assess", path, "--as-of", AS_OF, "--lang", "zh", "--renewal", "little_giant", *more)


def test_an_approximate_figure_near_its_threshold_is_still_to_check_without_a_red_line(tmp_path: Path) -> None:
    """The 约600 that makes 1,250万 of R&D against 1,200万 is said under 请先核对, and in the JSON warnings."""
    path = _holder(tmp_path, "约数")
    assert "这一项的结论取决于这个约数" in _flat(_assess(path))
    doc = json.loads(_assess(path, "--format", "json"))
    assert any(w["kind"] == "approximate_close" for w in doc["warnings"])


@settings(max_examples=5, deadline=None)
@given(red=st.sampled_from(RED_LINES))
def test_under_a_red_line_no_verdict_is_said_to_rest_on_an_approximate_figure(tmp_path_factory: Any,
                                                                               red: str) -> None:
    """Whatever red line stands, every tier is unmet by it: 请先核对 no longer says a verdict (or points) rests
    on the 约600, nor does the JSON carry that warning; the red line is still the answer."""
    path = _holder(tmp_path_factory.mktemp("red"), "红线", **{f"compliance.{red}": True})
    text = _flat(_assess(path))
    assert "约数" not in text, text
    assert "差在：红线" in text
    doc = json.loads(_assess(path, "--format", "json"))
    assert all(t["status"] == "unmet" for t in doc["tiers"].values())
    assert not [w for w in doc["warnings"] if w["kind"] == "approximate_close"]


def test_an_exclusion_of_little_giant_leaves_the_other_tiers_close_calls(tmp_path: Path) -> None:
    """A single champion is excluded from 小巨人 alone: the close call of 专精特新's and 科技和创新型's figures
    is still said, 小巨人's R&D total no longer."""
    path = _holder(tmp_path, "单项冠军", **{"exclusions.single_champion": True})
    doc = json.loads(_assess(path, "--format", "json"))
    tiers = {w["tier"] for w in doc["warnings"] if w["kind"] == "approximate_close"}
    assert "little_giant" not in tiers and tiers, doc["warnings"]


@settings(max_examples=8, deadline=None)
@given(this_year=st.integers(min_value=0, max_value=59), last_year=st.integers(min_value=0, max_value=59))
def test_a_failed_renewals_gap_gives_both_years_scores(tmp_path_factory: Any, this_year: int, last_year: int) -> None:
    """Both platform scores under 60 fail the 小巨人 renewal: 差在 names each year's condition with that year's
    score (the one after 或 had none), in either language."""
    path = _holder(tmp_path_factory.mktemp("score"), "得分", platform_score=this_year,
                   platform_score_previous=last_year, **{"financials.2026.rd_expense": 700})
    gap = _flat(_assess(path).split("差在：", 1)[1].split("⚠", 1)[0].split("行动计划", 1)[0])
    assert f"本年度得分不低于60分（现为{this_year}分）" in gap, gap
    assert f"上一年度得分不低于60分（现为{last_year}分）" in gap, gap
    assert "或：" not in gap  # one part, its years joined by 或: not an alternative to every part before it
    english = " ".join(_assess(path, "--lang", "en").split()).lower()  # the second year after "or", lower-cased
    assert f"this year's score at least 60 (now {this_year} point{'' if this_year == 1 else 's'})" in english
    assert f"last year's score at least 60 (now {last_year} point{'' if last_year == 1 else 's'})" in english


def _zjtx_renewal(folder: Path, name: str, rd_2025: int) -> dict[str, Any]:
    """A 2026-06 renewal of 专精特新 with this year's score 40 and last year's 45 (both under 50), 2025's R&D
    ``rd_2025`` of 12,000万 revenue (under 3%: a closed year, the renewal cannot pass this round)."""
    path = _holder(folder, name, platform_score=40, platform_score_previous=45,
                   **{"financials.2025.rd_expense": rd_2025, "financials.2026.rd_expense": 700})
    args = ("assess", path, "--as-of", "2026-06-01", "--lang", "zh", "--renewal", "zjtx_sme")
    doc: dict[str, Any] = json.loads(_run(*args, "--format", "json"))
    doc["_text"] = _flat(_run(*args))
    return doc


@settings(max_examples=6, deadline=None)
@given(rd_2025=st.integers(min_value=0, max_value=1000))
def test_the_json_plan_of_a_renewal_that_cannot_pass_moves_the_title_off(tmp_path_factory: Any, rd_2025: int) -> None:
    """Where the report says 「这一轮复核不能通过，称号将失效」, the renewed tier's JSON plan carries the title
    lapsing as a move (``--set titles.zjtx_sme=false``, as the report's appendix re-checks it); where the
    renewal can still pass this round, no such move."""
    doc = _zjtx_renewal(tmp_path_factory.mktemp("lapse"), "复核", rd_2025)
    plan = doc["plans"]["zjtx_sme"]
    lapses = [m for m in plan["moves"] if m["kind"] == "lapse"]
    said = "这一轮复核不能通过，称号将失效；以下按重新申报安排" in doc["_text"]
    assert said == (plan["rounds_later"] > 0)
    if said:
        assert lapses == [{"path": "titles.zjtx_sme", "kind": "lapse", "criterion": None, "before": True,
                           "after": False, "set": "titles.zjtx_sme=false"}]
    else:
        assert lapses == []


def test_a_renewal_that_cannot_pass_this_round_lapses_in_json_as_in_the_appendix(tmp_path: Path) -> None:
    """2025's R&D at 2.5% of revenue fails the renewal in a closed year: the plan is a 2027 application, its
    JSON moves end with the lapse, and the Markdown appendix's command sets the title to 否 as well."""
    doc = _zjtx_renewal(tmp_path, "不能通过", 300)
    plan = doc["plans"]["zjtx_sme"]
    assert plan["rounds_later"] >= 1
    assert plan["moves"][-1]["set"] == "titles.zjtx_sme=false"
    path = str(tmp_path / "不能通过.yaml")
    md = _run("assess", path, "--as-of", "2026-06-01", "--lang", "zh", "--renewal", "zjtx_sme", "--format", "markdown")
    assert "--set 持有有效的专精特新中小企业称号=否" in md.split("## 附录", 1)[1]


@settings(max_examples=6, deadline=None)
@given(rd=st.integers(min_value=100, max_value=900), rough=st.booleans())
def test_the_detail_says_a_figure_given_as_approximate_with_its_about(tmp_path_factory: Any, rd: int,
                                                                      rough: bool) -> None:
    """2026's R&D given as 约N: --detail's rows of last year's R&D and of the two-year total say 约 before
    the figure, in the terminal, Markdown and HTML alike, and --explain's result too; given exactly, no 约."""
    given_as = f"约{rd}" if rough else rd
    path = _holder(tmp_path_factory.mktemp("about"), "约数", **{"financials.2026.rd_expense": given_as})
    total = f"{rd + 650:,}万元（{rd}+650）"  # as _flat reads it
    about = "约" if rough else ""
    for fmt in ("text", "markdown", "html"):
        out = _flat(_assess(path, "--detail", "--format", fmt))
        assert f"{about}{total}" in out, fmt
        assert f"{about}{rd}万元，要求不低于100万元" in out, fmt
        if not rough:
            assert f"约{total}" not in out
    trace = _flat(_assess(path, "--explain", "近两年研发费用合计不低于1200万元"))
    assert f"计算结果：{about}{total}" in trace


@settings(max_examples=8, deadline=None)
@given(domestic=st.integers(min_value=0, max_value=30), rank=st.integers(min_value=0, max_value=6))
def test_the_json_advice_asks_for_no_route_of_a_condition_met(tmp_path_factory: Any, domestic: int, rank: int) -> None:
    """The 小巨人 renewal fails on both years' scores; the international share is blank. Its JSON advice
    (``gaps``) asks for that share only where the domestic share (10%) or the domestic rank (top 3) does not
    already meet the market condition: the sample's 12.5% read 「此外尚缺：主导产品国际细分市场占有率」."""
    path = _holder(tmp_path_factory.mktemp("market"), "市场", platform_score=50, platform_score_previous=50,
                   **{"market.domestic_share": domestic, "market.domestic_rank": rank,
                      "financials.2026.rd_expense": 700})
    doc = json.loads(_assess(path, "--format", "json"))
    assert doc["tiers"]["little_giant"]["status"] == "unmet"
    asked = [p for s in doc["gaps"]["little_giant"]["steps"] for p in s.get("missing", [])]
    met = domestic >= 10 or 1 <= rank <= 3
    assert ("market.international_share" in asked) == (not met), asked


def test_a_blank_title_of_a_little_giant_renewal_names_no_condition_left_unknown(tmp_path: Path) -> None:
    """小巨人 held left blank in its renewal: asked to answer 是, without 「要求持有这一称号的条件按未知处理」,
    for no tier asks for that title; a 专精特新 renewal's blank still says it (小巨人 asks for 专精特新)."""
    path = _holder(tmp_path, "未填", **{"titles.little_giant": None, "financials.2026.rd_expense": 700})
    text = _flat(_assess(path))
    assert "资料中未填是否持有这一称号：复核以持有为前提，请把这一项填为「是」" in text
    assert "按未知处理" not in text
    doc = json.loads(_assess(path, "--format", "json"))
    assert doc["tiers"]["little_giant"]["status"] != "unknown"
    other = _holder(tmp_path, "未填专精特新", **{"titles.zjtx_sme": None, "financials.2026.rd_expense": 700})
    zjtx = _flat(_run("assess", other, "--as-of", AS_OF, "--lang", "zh", "--renewal", "zjtx_sme"))
    assert "未填时，要求持有这一称号的条件按未知处理" in zjtx


@settings(max_examples=6, deadline=None)
@given(rank=st.integers(min_value=1, max_value=9))
def test_a_rank_is_said_as_a_place_against_the_top_three(tmp_path_factory: Any, rank: int) -> None:
    """The domestic rank row of --detail says 「现为第N名，要求排名前3」 (now ranked N; required top 3), not
    「现为 N，要求在 1–3 之间」, met for the first three places only."""
    path = _holder(tmp_path_factory.mktemp("rank"), "排名", **{"market.domestic_rank": rank,
                                                              "financials.2026.rd_expense": 700})
    verdict = "满足" if rank <= 3 else "不满足"
    assert f"现为第{rank}名，要求排名前3：{verdict}" in _flat(_assess(path, "--detail"))
    english = " ".join(_assess(path, "--detail", "--lang", "en", "--format", "markdown").split())
    assert f"now ranked {rank}; required top 3: {'met' if rank <= 3 else 'not met'}" in english
    assert "之间" not in _flat(_assess(path, "--explain", "国内细分市场前三名"))


def test_a_renewal_failing_on_several_conditions_names_both_years_as_one_part(tmp_path: Path) -> None:
    """A 专精特新 renewal failing on 2025's R&D share and both years' scores: 差在 says the R&D share, then the
    two years' scores joined by 或 as one part, never 「；或：」 after the R&D share, nor 另1项 for the scores."""
    doc = _zjtx_renewal(tmp_path, "三项", 300)
    text = doc["_text"]
    assert "上一年度得分不低于50分（现为45分）或本年度得分不低于50分（现为40分）" in text, text
    assert "；或：本年度得分" not in text and "另1项" not in text.split("行动计划", 1)[0]
