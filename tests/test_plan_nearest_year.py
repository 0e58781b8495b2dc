"""A later round's plan takes a year not given from the nearest year before it that is given, not
always from last year: a reviewer gave 极光智算's 2026 revenue (800万) on 5 December 2026 and the plan
for the 2029 round still said 「40万元是按2025年的数额估计的」 and asked for new equity instead of
revenue the 800万 already nearly met."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

from tests.test_plan_floors import JIA
from tests.test_reports import cli, squash

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
STARTUP = str(EXAMPLES / "micro-startup.yaml")
RUN = ("--lang", "zh", "--as-of", "2026-12-05", "--set", "financials.2026.revenue=800")
ZJTX_HEAD = "专精特新中小企业：最早2029年申报（以2028年数据计）"
REVENUE_STEP = "营业收入（2028年）：800 → 1,500万元（+700；2028年尚无数据，800万元是按2026年的数额估计的）"
RD_STEP = "研发费用（2028年）：30 → 100万元（+70；2028年尚无数据，30万元是按2025年的数额估计的）"


def zjtx_block(text: str) -> str:
    """The 专精特新 plan of a report, squashed: from its headline to the 小巨人 one."""
    flat = squash(text)
    start = flat.index(squash(ZJTX_HEAD))
    return flat[start:flat.index(squash('专精特新"小巨人"企业：最早'), start)]


def test_the_zh_report_estimates_later_years_from_the_2026_revenue_given() -> None:
    """The 2029 round judges 2028 and 2027, neither given: revenue is taken from 2026's 800万 (the
    nearest year given), so the 1,500万 route is a raise of 700万 and no new equity is asked. R&D,
    not given for 2026, is still taken from 2025's 30万, and the step says 2025 for it: a year
    given only in part is estimated field by field, each step naming its own year."""
    block = zjtx_block(cli("assess", STARTUP, *RUN, columns=80))
    assert "已验证" in block
    assert squash(REVENUE_STEP) in block, block
    assert squash(RD_STEP) in block, block
    # main revenue, not given for 2026, keeps 2025's share of revenue (18 of 40: 45%) of the 800万: copied
    # alone, 2025's 18万 read as a 2% share and the step asked a raise the company's own share makes
    assert "主营业务收入（2028年）：360→1,200万元（+840；2028年尚无数据，360万元是按2025年主营业务收入占营业收入的比例（45%）估计的）" in block
    assert "新增股权融资" not in block
    assert "40万元是按2025年" not in block


def test_the_json_plan_starts_from_the_2026_revenue_and_names_each_estimates_year() -> None:
    """The JSON of the same run: the revenue move starts from 800, the years assumed take 2026's
    revenue and 2025's R&D, ``estimated_from`` says which year each came from, no equity move is
    made, and the plan's text lines say the same as the terminal."""
    doc = json.loads(cli("assess", STARTUP, *RUN, "--format", "json"))
    for tier in ("zjtx_sme", "little_giant"):
        plan = doc["plans"][tier]
        moves = {m["path"]: m for m in plan["moves"]}
        assert moves["financials.2028.revenue"]["before"] == 800
        assert not any(p.startswith("equity_financing.") for p in moves)
        assert plan["assumed"]["financials.2027.revenue"] == 800
        assert plan["estimated_from"]["financials.2027.revenue"] == 2026
        assert plan["estimated_from"]["financials.2028.revenue"] == 2026
        assert plan["estimated_from"]["financials.2028.rd_expense"] == 2025  # 2026's R&D not given
        assert plan["estimated_from_share"]["financials.2028.main_revenue"] == 2025  # 45% of 2026's revenue
        assert plan["assumed"]["financials.2027.main_revenue"] == 360
        assert "financials.2026.revenue" not in plan["estimated_from"]  # given: no estimate
    zjtx = doc["plans"]["zjtx_sme"]
    assert zjtx["checked"] == "unknown" and zjtx["as_of"] == "2029-12-05"
    assert {m["path"]: m["after"] for m in zjtx["moves"]}["financials.2028.revenue"] == 1500
    assert any(line.endswith(REVENUE_STEP) for line in zjtx["text"]), zjtx["text"]
    assert any(line.endswith(RD_STEP) for line in zjtx["text"]), zjtx["text"]


def test_markdown_and_html_say_the_same_estimate() -> None:
    """Markdown and HTML draw the same plan: the 2026 revenue, said to be 2026's, and no equity step."""
    md = cli("assess", STARTUP, *RUN, "--format", "markdown")
    page = html.unescape(re.sub(r"<[^>]+>", "", cli("assess", STARTUP, *RUN, "--format", "html")))
    for text in (md, page):
        block = zjtx_block(text)
        assert squash(REVENUE_STEP) in block
        assert squash(RD_STEP) in block
        assert "新增股权融资" not in block


PART = JIA.replace("financials:\n", "niche_years: 1\nfinancials:\n  2026: {revenue: 12500, main_revenue: 12000}\n")
"""test_plan_floors' company, one year in the niche, with 2026's revenue and main revenue given (not its R&D)."""


def test_a_later_year_given_only_in_part_takes_each_figure_from_its_own_nearest_year(tmp_path: Path) -> None:
    """2026's revenue and main revenue given, its R&D not; one year in the niche at the end of 2025, so
    2028 is the first round (on 2027's figures). 2027's revenue is taken from 2026's 12,500万 (the
    floor step and the 小巨人 growth step say 2026), its R&D from 2025's 650万 (those steps say 2025).
    Before, every estimate was 2025's: the 小巨人 step read 「12,000 → 13,230万元」, 500万 less than
    the company's own 2026 revenue."""
    src = tmp_path / "jia.yaml"
    src.write_text(PART, encoding="utf-8")
    flat = squash(cli("assess", str(src), "--lang", "zh", "--as-of", "2026-11-26", columns=80))
    plan = flat[flat.index("行动计划"):flat.index("需准备的材料")]
    assert "营业收入（2027年）：须不低于1,500万元（本计划按2026年的12,500万元估计；" in plan, plan
    assert "研发费用（2027年）：须不低于550万元（本计划按2025年的650万元估计；" in plan, plan
    assert "营业收入（2027年）：12,500→13,230万元（+730；2027年尚无数据，12,500万元是按2026年的数额估计的）" in plan, plan
    assert "12,000→13,230" not in plan
    doc = json.loads(cli("assess", str(src), "--as-of", "2026-11-26", "--format", "json"))
    lg = doc["plans"]["little_giant"]
    assert lg["estimated_from"]["financials.2027.revenue"] == 2026
    assert lg["estimated_from"]["financials.2027.rd_expense"] == 2025
    assert lg["estimated_from"]["financials.2026.rd_expense"] == 2025
    assert lg["assumed"]["financials.2027.rd_expense"] == 650


LITTLE_GIANT = (EXAMPLES / "little-giant-2026.yaml").read_text(encoding="utf-8").replace("niche_years: 6", "niche_years: 1")


def test_a_part_keeps_its_share_of_a_whole_given_for_a_later_year(tmp_path: Path) -> None:
    """The review's case: a 2026 Little Giant with one year in the niche and its 2026 revenue given
    (14,000万), its 2026 main revenue not. Main revenue was taken from 2025 (11,000万) beside the
    2026 revenue, a 79% share, and the plans asked to raise it (+200万 for 专精特新, +1,600万 for
    小巨人) where the company's 92% share needs nothing. Kept at 2025's share, no plan asks for it."""
    src = tmp_path / "lg.yaml"
    src.write_text(LITTLE_GIANT, encoding="utf-8")
    run = ("--as-of", "2026-12-05", "--set", "financials.2026.revenue=14000")
    flat = squash(cli("assess", str(src), "--lang", "zh", *run, columns=80))
    plan = flat[flat.index("行动计划"):flat.index("需准备的材料")]
    assert "主营业务收入" not in plan, plan
    assert "营业收入（2027年）：须不低于13,230万元（本计划按2026年的14,000万元估计；" in plan, plan
    doc = json.loads(cli("assess", str(src), *run, "--format", "json"))
    # 专精特新's plan as the application of a company not holding it (a title held needs none)
    applying = json.loads(cli("assess", str(src), *run, "--set", "titles.zjtx_sme=false", "--format", "json"))
    for tier, made in (("zjtx_sme", applying), ("little_giant", doc)):
        plan_json = made["plans"][tier]
        assert not any("main_revenue" in m["path"] for m in plan_json["moves"])
        assert plan_json["assumed"]["financials.2026.main_revenue"] == 12833  # 11,000 / 12,000 of 14,000, in whole 万元
        assert plan_json["estimated_from_share"]["financials.2027.main_revenue"] == 2025
        assert "financials.2027.main_revenue" not in plan_json["estimated_from"]


def test_a_whole_older_than_its_part_is_grown_with_it(tmp_path: Path) -> None:
    """The reverse: 2026's main revenue given (13,000万), its revenue not. Copied from 2025, revenue
    (12,000万) stood below its own part; it is grown at 2025's proportion, and the floor says so."""
    src = tmp_path / "lg.yaml"
    src.write_text(LITTLE_GIANT, encoding="utf-8")
    run = ("--as-of", "2026-12-05", "--set", "financials.2026.main_revenue=13000")
    flat = squash(cli("assess", str(src), "--lang", "zh", *run, columns=80))
    assert "营业收入（2027年）：须不低于13,230万元（本计划估计14,182万元是按2025年主营业务收入占营业收入的比例（91.67%）由主营业务收入推算的；" in flat, flat
    doc = json.loads(cli("assess", str(src), *run, "--format", "json"))
    lg = doc["plans"]["little_giant"]
    assert lg["assumed"]["financials.2027.revenue"] == 14182
    assert lg["assumed"]["financials.2027.revenue"] >= lg["assumed"]["financials.2027.main_revenue"]
    assert lg["estimated_from_share"]["financials.2026.revenue"] == 2025


def test_new_equity_is_not_copied_into_later_years() -> None:
    """A 2026 raise of 2,000万 was copied into 2027 and 2028, and the 2029 专精特新 round rested on 4,000万
    of 近两年新增股权投资 never raised, with neither route said. New equity is paid in at once
    (``lump_sum``): a later year not given is taken as none, so the plan says what would meet the round."""
    run = ("--as-of", "2026-12-05", "--set", "equity_financing.2026=2000")
    doc = json.loads(cli("assess", STARTUP, *run, "--format", "json"))
    zjtx = doc["plans"]["zjtx_sme"]
    assert zjtx["assumed"]["equity_financing.2027"] == 0 and zjtx["assumed"]["equity_financing.2028"] == 0
    assert zjtx["assumed_none"] == ["equity_financing.2027", "equity_financing.2028"]
    assert not any(p.startswith("equity_financing.") for p in zjtx["estimated_from"])
    block = zjtx_block(cli("assess", STARTUP, "--lang", "zh", *run, columns=80))
    assert "营业收入（2028年）：40→1,500万元" in block, block


def test_a_whole_with_no_share_known_is_never_below_its_part() -> None:
    """The second review: half-missing.yaml gives no 2025 main revenue, so no share is known, and 2026's
    main revenue of 4,000万 stood beside a 2026 revenue copied at 3,000万; the plan asked to raise
    revenue from 3,000. Revenue is held at its part at least, and the step says why."""
    run = ("--as-of", "2026-12-05", "--set", "financials.2026.main_revenue=4000")
    doc = json.loads(cli("assess", str(EXAMPLES / "half-missing.yaml"), *run, "--format", "json"))
    lg = doc["plans"]["little_giant"]
    moves = {m["path"]: m for m in lg["moves"]}
    assert moves["financials.2027.revenue"]["before"] == 4000  # held at its part, then raised
    assert lg["estimated_from_share"]["financials.2027.revenue"] == 2025  # copied from 2025, held at its part
    flat = squash(cli("assess", str(EXAMPLES / "half-missing.yaml"), "--lang", "zh", *run, columns=80))
    assert "4,000→5,000万元（+1,000；2027年尚无数据，4,000万元：取主营业务收入的数额（主营业务收入不会超过营业收入））" in flat
    assert "3,000→5,000" not in flat


def test_a_part_of_0_grows_no_whole(tmp_path: Path) -> None:
    """The second review: a 2026 main revenue of 0 made 2026 and 2027 revenue 0 (grown from the part at
    2025's share), and the plans asked for 13,230万 from nothing and fell to 未知. A part of 0 says
    nothing of its whole: revenue is 2025's, and the plan is what it was without the 0."""
    src = tmp_path / "lg.yaml"
    src.write_text(LITTLE_GIANT, encoding="utf-8")
    doc = json.loads(cli("assess", str(src), "--as-of", "2026-12-05", "--set", "financials.2026.main_revenue=0",
                         "--format", "json"))
    lg = doc["plans"]["little_giant"]
    moves = {m["path"]: m for m in lg["moves"]}
    assert moves["financials.2027.revenue"]["before"] == 12000 and moves["financials.2027.revenue"]["after"] == 13230
    assert lg["estimated_from"]["financials.2027.revenue"] == 2025
    assert lg["checked"] == "manual_review"


def test_the_english_plan_says_the_share_a_figure_was_kept_at() -> None:
    """The same estimate in English: the figure without its unit (as the nearest-year note has it), the
    share named, and "taken as an estimate" once; read back after the review, it said the unit twice
    and "keeps …, taken as an estimate" where a floor read "this plan estimates: …"."""
    flat = " ".join(cli("assess", STARTUP, "--lang", "en", "--as-of", "2026-12-05", "--set",
                        "financials.2026.revenue=800", columns=80).split())
    assert ("Main-business revenue 2028: 360 → 1,200 (10k CNY) (+840; 2028 has no figure yet: 360, at 2025's share "
            "of main-business revenue in operating revenue (45%), taken as an estimate)") in flat, flat
