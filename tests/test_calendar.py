"""The rule calendar (docs/criteria.md §1) as a user meets it: `assess --as-of D [--renewal TITLE]`
picks the set and round notice, the renewed tier uses its renewal clauses, and every report says why."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from tests.conftest import EXAMPLES, ROOT
from tests.test_cli_assess import assess_json, invoke
from typer.testing import CliRunner

from littlegiant.cli.app import app
from littlegiant.errors import InputError
from littlegiant.load.rulecalendar import load_calendar

R190, R117 = "工信厅企业函〔2025〕190号", "工信厅企业函〔2026〕117号"


def company(last_year: int, main: tuple[int, int, int], revenue: tuple[float, float, float] = (12000, 12000, 12000),
            **extra: Any) -> dict[str, Any]:
    """A company that meets every 2022 and 2026 tier-3 condition but the ones a test varies."""
    years = (last_year, last_year - 1, last_year - 2)
    rd, equity = extra.pop("rd", 650), extra.pop("equity", 0)
    data: dict[str, Any] = {
        "name": "复核测试企业", "industry": "industrial", "employees": 260, "rd_staff": 58, "tech_staff": 60,
        "niche_years": 6, "registered_in_china": True,
        "compliance": {"abnormal_operation": False, "serious_dishonesty": False, "prohibited_products": False,
                       "major_incident": False, "tax_violation": False, "data_fabrication": False},
        "financials": {y: {"revenue": r, "main_revenue": m, "rd_expense": rd, "net_profit": 900,
                           "total_assets": 15000, "total_liabilities": 6000, "total_costs": 10500}
                       for y, m, r in zip(years, main, revenue, strict=True)},
        "equity_financing": {y: equity for y in years},
        "ip": {"class1": 5, "class1_self_developed": 4, "class1_high_value": 1, "class1_applied": 3,
               "class1_top3_holder": 4, "class2": 12},
        "rd_institution": "provincial", "digital_level": 3,
        "quality": {"provincial_award": False, "iso9001": True, "own_brand": True, "standards": True},
        "certification": {"management_system": True, "developed_market_product": False},
        "info_system_core_business": True, "market": {"domestic_share": 12.5, "domestic_rank": 2, "leading": True},
        "strategic_emerging_industry": True, "field": {"chain_role": True, "foundation": True, "priority_domain": True},
        "awards": {"national_rank": 0, "national_5y_rank": 0, "provincial_rank": 2, "maker_china": "top500",
                   "led_standard_5y": False},
        "honors": {"high_tech_enterprise": True, "tech_innovation_demo": False, "ip_advantage": False},
        "titles": {"innovative_sme": True, "tech_sme": False, "zjtx_sme": True, "little_giant": True},
        "characteristic_score": 10, "exclusions": {"single_champion": False, "related_to_little_giant": False},
    }
    data.update(extra)
    return data


def write(tmp_path: Path, data: dict[str, Any], name: str = "company.yaml") -> Path:
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def status(doc: dict[str, Any], tier: str, cid: str | None = None) -> str | None:
    t = doc["tiers"][tier]
    if cid is None:
        return str(t["status"])
    found = [c["status"] for c in t["criteria"] if c["id"] == cid]
    return found[0] if found else None


# docs/criteria.md §1, row by row, with the first and last day of each period: (date, kind, set, round)
TABLE = [
    ("2022-08-01", None, "miit-2022", None), ("2024-06-30", None, "miit-2022", None),
    ("2024-06-30", "zjtx_sme", "miit-2022", None), ("2024-12-31", "little_giant", "miit-2022", None),
    ("2025-01-01", None, "miit-2022", R190), ("2025-06-30", "zjtx_sme", "miit-2022", R190),
    ("2025-06-30", "little_giant", "miit-2022", R190), ("2025-12-31", None, "miit-2022", R190),
    ("2026-01-01", None, "miit-2022", None), ("2026-02-15", "zjtx_sme", "miit-2022", None),
    ("2026-03-31", "little_giant", "miit-2022", None), ("2026-04-01", None, "miit-2026", None),
    ("2026-04-01", "zjtx_sme", "miit-2026", None), ("2026-04-01", "little_giant", "miit-2022", R117),
    ("2026-12-31", "little_giant", "miit-2022", R117), ("2026-11-26", "zjtx_sme", "miit-2026", None),
    ("2027-01-01", None, "miit-2026", None), ("2027-01-01", "zjtx_sme", "miit-2026", None),
    ("2027-01-01", "little_giant", "miit-2026", None), ("2031-06-30", "little_giant", "miit-2026", None),
    # the first and last day of every period for every kind
    ("2022-08-01", "zjtx_sme", "miit-2022", None), ("2022-08-01", "little_giant", "miit-2022", None),
    ("2024-12-31", None, "miit-2022", None), ("2024-12-31", "zjtx_sme", "miit-2022", None),
    ("2025-01-01", "zjtx_sme", "miit-2022", R190), ("2025-12-31", "zjtx_sme", "miit-2022", R190),
    ("2025-01-01", "little_giant", "miit-2022", R190), ("2025-12-31", "little_giant", "miit-2022", R190),
    ("2026-01-01", "zjtx_sme", "miit-2022", None), ("2026-01-01", "little_giant", "miit-2022", None),
    ("2026-03-31", None, "miit-2022", None), ("2026-03-31", "zjtx_sme", "miit-2022", None),
    ("2026-12-31", None, "miit-2026", None), ("2026-12-31", "zjtx_sme", "miit-2026", None),
]


@pytest.mark.parametrize(("day", "renewal", "rule_set", "round_ref"), TABLE)
def test_each_row_of_the_calendar(tmp_path: Path, day: str, renewal: str | None, rule_set: str,
                                  round_ref: str | None) -> None:
    """The JSON names the set, the round and the kind the calendar gives for that date and title."""
    last = date.fromisoformat(day).year - 1
    doc = assess_json(write(tmp_path, company(last, (11000, 10500, 10000))), "--as-of", day,
                 *(("--renewal", renewal) if renewal else ()))
    assert doc["rules"]["id"] == rule_set
    assert doc["renewal"] == renewal
    cal = doc["calendar"]
    assert (cal["kind"], cal["rule_set"], cal["round"]) == ("renewal" if renewal else "application", rule_set, round_ref)
    assert cal["reason"] and cal["source"] and not cal["forced"]


def test_2025_little_giant_renewal_waives_the_growth_condition(tmp_path: Path) -> None:
    """190号: a 2025 tier-3 renewal does not check average growth (0.6% here); an application does,
    and so do the 2024 renewal and the 2026 renewal round judged by 63号 under 117号."""
    slow = company(2024, (8600, 8550, 8500))
    path = write(tmp_path, slow)
    renewal = assess_json(path, "--as-of", "2025-06-30", "--renewal", "little_giant")
    assert status(renewal, "little_giant") == "manual_review"
    assert status(renewal, "little_giant", "lg.main_growth_avg") is None
    application = assess_json(path, "--as-of", "2025-06-30")
    assert status(application, "little_giant") == "unmet"
    assert status(application, "little_giant", "lg.main_growth_avg") == "unmet"
    before = assess_json(write(tmp_path, company(2023, (8600, 8550, 8500)), "2024.yaml"),
                    "--as-of", "2024-06-30", "--renewal", "little_giant")
    assert status(before, "little_giant", "lg.main_growth_avg") == "unmet"
    round_117 = assess_json(write(tmp_path, company(2025, (8600, 8550, 8500)), "2026.yaml"),
                       "--as-of", "2026-11-26", "--renewal", "little_giant")
    assert round_117["calendar"]["round"] == R117
    assert status(round_117, "little_giant", "lg.main_growth_avg") == "unmet"


def test_2025_round_closes_the_small_company_route(tmp_path: Path) -> None:
    """A 4000万 company on the 2022 small-company route is unmet in 2025 for the round notice's floor,
    and the same company dated 2026-03-15 is not held to it."""
    kw: dict[str, Any] = {"rd": 1600, "employees": 100, "rd_staff": 60, "equity": 4000}
    in_2025 = assess_json(write(tmp_path, company(2024, (3800, 3400, 3000), (4000, 4000, 4000), **dict(kw))),
                     "--as-of", "2025-06-30")
    assert status(in_2025, "little_giant") == "unmet"
    assert status(in_2025, "little_giant", "lg.innovation.rd.small") == "met"
    assert status(in_2025, "little_giant", "lg.round2025.revenue") == "unmet"
    blocker = next(c for c in in_2025["tiers"]["little_giant"]["criteria"] if c["id"] == "lg.round2025.revenue")
    assert R190 in blocker["source"]
    in_2026 = assess_json(write(tmp_path, company(2025, (3800, 3400, 3000), (4000, 4000, 4000), **dict(kw)), "b.yaml"),
                     "--as-of", "2026-03-15")
    assert in_2026["calendar"]["round"] is None
    assert status(in_2026, "little_giant") == "manual_review"
    assert status(in_2026, "little_giant", "lg.round2025.revenue") is None


@pytest.mark.parametrize("renewal", [None, "little_giant", "zjtx_sme"])
@pytest.mark.parametrize(("revenue", "expected"), [(5000, "met"), (4999.99, "unmet")])
def test_2025_round_revenue_floor_on_both_sides(tmp_path: Path, renewal: str | None, revenue: float,
                                                expected: str) -> None:
    """190号 (docs/criteria.md §1): in 2025 tier 3 needs 上年度营业收入 ≥ 5000万 for applications and renewals
    alike; exactly 5000万 is received, a hundred yuan less is not. A 专精特新 renewal judges its 小巨人 tier as a
    2025 application, so the floor holds there too."""
    data = company(2024, (4800, 4500, 4200), (revenue, 4800, 4500))
    doc = assess_json(write(tmp_path, data), "--as-of", "2025-06-30", *(("--renewal", renewal) if renewal else ()))
    assert doc["calendar"]["round"] == R190
    assert status(doc, "little_giant", "lg.round2025.revenue") == expected
    if expected == "unmet":
        assert status(doc, "little_giant") == "unmet"


def test_2026_renewals_use_the_previous_years_platform_score(tmp_path: Path) -> None:
    """Under miit-2026 a 专精特新 renewal passes on last year's 55 points where an application needs 50 this
    year; in 2027 a 小巨人 renewal skips the compound growth (0% here) and takes last year's 65 points."""
    zjtx = write(tmp_path, company(2025, (11000, 10200, 9500), (12000, 11000, 10000),
                                   platform_score=45, platform_score_previous=55))
    renewal = assess_json(zjtx, "--as-of", "2026-11-26", "--renewal", "zjtx_sme")
    assert status(renewal, "zjtx_sme") == "manual_review"
    assert status(renewal, "zjtx_sme", "zjtx26.platform_renewal") == "met"
    assert status(renewal, "little_giant", "lg26.platform") == "unmet"  # other tiers: as new applications
    assert status(assess_json(zjtx, "--as-of", "2026-11-26"), "zjtx_sme") == "unmet"
    flat = write(tmp_path, company(2026, (11000, 11000, 11000), platform_score=55, platform_score_previous=65), "lg.yaml")
    lg = assess_json(flat, "--as-of", "2027-03-01", "--renewal", "little_giant")
    assert (lg["rules"]["id"], status(lg, "little_giant")) == ("miit-2026", "manual_review")
    assert status(lg, "little_giant", "lg26.cagr") is None
    new = assess_json(flat, "--as-of", "2027-03-01")
    assert status(new, "little_giant", "lg26.cagr") == "unmet" and status(new, "little_giant") == "unmet"


def test_forced_rules_say_so(tmp_path: Path) -> None:
    """--rules overrides the calendar, and the result says it was forced."""
    doc = assess_json(write(tmp_path, company(2026, (11000, 10500, 10000))), "--as-of", "2027-03-01",
                 "--rules", "miit-2022", "--renewal", "little_giant")
    assert doc["rules"]["id"] == "miit-2022" and doc["calendar"]["forced"] is True
    assert doc["calendar"]["round"] is None and doc["renewal"] == "little_giant"


@pytest.mark.parametrize("args", [["--renewal"], ["--renewal", "--format", "json"], ["--renewal", "yes"]])
def test_a_bare_renewal_asks_for_the_title(args: list[str]) -> None:
    """The old bare flag gets one line saying to name the title, and exit 2."""
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-m", "littlegiant", "assess", str(ROOT / "examples" / "tier1-only.yaml"),
                           *args], capture_output=True, text=True, check=False)
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "--renewal zjtx_sme" in lines[0] and "little_giant" in lines[0], done.stderr


def test_every_report_names_its_basis(tmp_path: Path) -> None:
    """Text, Markdown and HTML say which set judged it and why, that it is a renewal, and the texts."""
    path = write(tmp_path, company(2025, (11000, 10500, 10000)))
    for fmt in ("text", "markdown", "html"):
        out = invoke("assess", str(path), "--as-of", "2026-11-26", "--renewal", "zjtx_sme", "--format", fmt,
                     "--lang", "zh").stdout
        assert "专精特新中小企业复核按2026年办法" in out, fmt
        assert "其他层级按同一办法（优质中小企业梯度培育管理办法（2026））的新申请条件评估" in "".join(out.split()), fmt
        assert "工信部企业〔2026〕2号" in out and "第三方转载" in out, fmt
    plain = invoke("assess", str(path), "--as-of", "2026-03-01", "--lang", "zh").stdout
    assert "第三方转载" not in plain and "工信部企业〔2022〕63号" in plain


def test_rules_calendar_command() -> None:
    """`rules calendar --as-of` says what applies to each kind that day; `rules list` shows the calendar."""
    day = invoke("rules", "calendar", "--as-of", "2026-11-26", "--lang", "en")  # zh names them by title
    assert day.exit_code == 0
    # in English the titles in English: 「renewal of 小巨人」 left an English reader with a word they cannot read
    assert "renewal of the Little Giant title: miit-2022 + 工信厅企业函〔2026〕117号" in day.stdout
    assert "renewal of the specialised and sophisticated SME title: miit-2026" in day.stdout
    assert "new application: miit-2026" in day.stdout and "专精特新" not in day.stdout and "小巨人" not in day.stdout
    listed = invoke("rules", "list")
    assert "2027-01-01 – …" in listed.stdout and R190 in listed.stdout
    assert invoke("rules", "calendar", "--as-of", "2021-01-01").exit_code == 2


def test_rules_diff_pairs_by_meaning() -> None:
    """The 2022 revenue bands of tier 3 are not a threshold that moved: band removed, new minimum."""
    out = invoke("rules", "diff", "miit-2022", "miit-2026").stdout
    assert "band removed: Revenue last year at least 100 million CNY" in out
    assert "new minimum: Revenue last year at least 50 million CNY" in out
    assert "10000 万元 → revenue[y1] >= 5000" not in out
    assert "main_share[y1] >= 70 % → main_share[y1] >= 90 %" in out  # a real change still pairs


@pytest.mark.parametrize(("edit", "message"), [
    (lambda s: s.replace('to: "2024-12-31"', 'to: "2024-12-30"', 1), "leaves a gap before"),
    (lambda s: s.replace('to: "2024-12-31"', 'to: "2025-01-05"', 1), "overlaps"),
    (lambda s: s.replace("round: gxt-2025-190", "round: gxt-2099-1", 1), "unknown round 'gxt-2099-1'"),
    (lambda s: s.replace("kinds: [application]", "kinds: [applicaton]", 1), "expected a list of application"),
    (lambda s: s.replace('from: "2027-01-01"', 'from: "2027-13-01"', 1), 'expected a date YYYY-MM-DD, got text \'2027-13-01\''),
    (lambda s: s.replace("    confidence: gov\n", "    confidence: sure\n", 1), "expected one of gov"),
    (lambda s: s.replace("rules: rounds/gxt-2025-190.yaml", "rules: ../../etc/passwd.yaml", 1),
     "expected a round file beside the calendar"),
])
def test_a_broken_calendar_is_refused_with_its_line(tmp_path: Path, edit: Any, message: str) -> None:
    """The calendar is data: a gap, an overlap, an unknown round or kind is an error at file:line."""
    source = ROOT / "rules" / "calendar.yaml"
    (tmp_path / "rounds").mkdir()
    (tmp_path / "rounds" / "gxt-2025-190.yaml").write_text("format: 1\n", encoding="utf-8")
    broken = tmp_path / "calendar.yaml"
    broken.write_text(edit(source.read_text(encoding="utf-8")), encoding="utf-8")
    with pytest.raises(InputError, match=message) as caught:
        load_calendar(broken)
    assert str(caught.value).startswith(f"{broken}:")


def test_a_round_file_keeps_its_sets_id_and_names_real_criteria(tmp_path: Path) -> None:
    """A round file must keep the id of the set it modifies, and set_applies must name a criterion."""
    base = (ROOT / "rules" / "rounds" / "gxt-2025-190.yaml").read_text(encoding="utf-8")
    wrong_id = tmp_path / "a.yaml"
    wrong_id.write_text(base.replace("id: miit-2022\n", "id: other\n", 1), encoding="utf-8")
    out = invoke("rules", "validate", str(wrong_id))
    assert out.exit_code == 2 and "keeps its id" in out.stderr
    typo = tmp_path / "b.yaml"
    typo.write_text(base.replace("lg.main_growth_avg: new", "lg.main_growth: new"), encoding="utf-8")
    out = invoke("rules", "validate", str(typo))
    assert out.exit_code == 2 and "no criterion 'lg.main_growth' to change" in out.stderr


def test_rules_test_runs_the_calendar_cases() -> None:
    """`rules test` runs the cases beside the calendar with the rule sets' own."""
    out = invoke("rules", "test")
    assert out.exit_code == 0, out.stdout
    assert "calendar: 36 cases: all passed" in out.stdout
    assert "miit-2022 + gxt-2025-190" in out.stdout


@pytest.mark.parametrize(("written", "got"), [
    ('"2027-13-01"', "text '2027-13-01'"), ('"20270101"', "text '20270101'"),
    ('"2027-W01-5"', "text '2027-W01-5'"), ("20270101", "20270101"), ('"2027-1-1"', "text '2027-1-1'"),
])
def test_a_rule_file_and_the_calendar_refuse_a_date_alike(tmp_path: Path, written: str, got: str) -> None:
    """One date reader: a set's in_force and a calendar period take YYYY-MM-DD only (20270101 and week
    dates were taken as dates) and say the same sentence, each at its file and line."""
    said = f"expected a date YYYY-MM-DD, got {got}"
    rule_set = (ROOT / "rules" / "miit-2026.yaml").read_text(encoding="utf-8")
    assert rule_set.count('in_force: {from: "2026-04-01"}') == 1
    mine = tmp_path / "mine.yaml"
    mine.write_text(rule_set.replace('in_force: {from: "2026-04-01"}', f"in_force: {{from: {written}}}")
                    .replace("id: miit-2026\n", "id: mine\n", 1), encoding="utf-8")  # a built-in's id is refused
    line = next(i for i, ln in enumerate(rule_set.splitlines(), 1) if ln.startswith("in_force:"))
    out = invoke("rules", "validate", str(mine))
    assert out.exit_code == 2 and f"mine.yaml:{line}: in_force.from: {said}" in out.stderr, out.stderr
    out = invoke("assess", str(ROOT / "examples" / "little-giant-2026.yaml"), "--rules", str(mine))
    assert out.exit_code == 2 and f"mine.yaml:{line}: in_force.from: {said}" in out.stderr, out.stderr

    (tmp_path / "rounds").mkdir()
    (tmp_path / "rounds" / "gxt-2025-190.yaml").write_text("format: 1\n", encoding="utf-8")
    calendar = tmp_path / "calendar.yaml"
    source = (ROOT / "rules" / "calendar.yaml").read_text(encoding="utf-8")
    calendar.write_text(source.replace('from: "2027-01-01"', f"from: {written}", 1), encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_calendar(calendar)
    assert str(caught.value).startswith(f"{calendar}:") and str(caught.value).endswith(f"from: {said}")


def test_a_forced_set_says_the_round_notice_it_leaves_out() -> None:
    """--rules miit-2022 on a 2025 小巨人 renewal applies the 2022 set without the 2025 round notice (190号),
    as criteria.md §1 has it (--rules forces a set); the report says the notice applies that day and was
    left out, where it said only 「由 --rules 指定的规则集」 and the verdict differed unexplained. Without
    --rules, or on a day with no notice, nothing is added."""
    def basis(*args: str) -> str:
        done = CliRunner().invoke(app, ["assess", str(EXAMPLES / "little-giant-2022.yaml"), "--lang", "zh",
                                        "--format", "markdown", *args])
        assert done.exit_code == 0, done.output
        return done.stdout.split("评估依据")[1]

    forced = basis("--as-of", "2025-06-01", "--renewal", "little_giant", "--rules", "miit-2022")
    assert "评估日期 2025-06-01 还适用年度通知 工信厅企业函〔2025〕190号" in forced
    assert "本报告按指定的规则集评估，不含这一通知" in forced
    assert "不含这一通知" not in basis("--as-of", "2025-06-01", "--renewal", "little_giant")
    assert "不含这一通知" not in basis("--as-of", "2026-03-01", "--renewal", "little_giant", "--rules", "miit-2022")


def test_an_overlay_of_the_set_in_force_says_the_round_notice_it_leaves_out(tmp_path: Path) -> None:
    """The Shandong overlay (over the 2022 measures) in 2025 judged 小巨人 on 4,000万 of revenue 待审核, its
    report saying only that the overlay is for comparison: the 2025 round notice (190号: no 小巨人 under
    5000万 that year) goes unapplied under an overlay, and now the report says so, as it does for
    --rules miit-2022. In 2026 the day follows the 2026 measures and no notice: nothing more is said."""
    company = tmp_path / "sd.yaml"
    text = (EXAMPLES / "little-giant-2022.yaml").read_text(encoding="utf-8")
    company.write_text(text.replace("2024: {revenue: 10500, main_revenue: 9300", "2024: {revenue: 4000, main_revenue: 3800"),
                       encoding="utf-8")
    assert "revenue: 4000," in company.read_text(encoding="utf-8")

    def basis(day: str) -> str:
        done = CliRunner().invoke(app, ["assess", str(company), "--lang", "zh", "--format", "markdown", "--as-of", day,
                                        "--rules", "shandong-2022"])
        assert done.exit_code == 0, done.output
        return done.stdout.split("评估依据")[1]

    said = basis("2025-06-30")
    assert "结论仅供对比参考" in said and "评估日期 2025-06-30 还适用年度通知 工信厅企业函〔2025〕190号" in said
    assert "不含这一通知" not in basis("2026-06-30")
    english = CliRunner().invoke(app, ["assess", str(company), "--lang", "en", "--as-of", "2025-06-30",
                                       "--rules", "shandong-2022"], env={"COLUMNS": "200"})
    assert "the round notice 工信厅企业函〔2025〕190号 applies too (in 2025 no Little Giant" in english.stdout


def test_the_2025_rounds_floor_is_named_first_where_it_fails_a_company(tmp_path: Path) -> None:
    """A 2025 小巨人 renewal with 4,800万 of revenue fails the round notice's 5000万 floor: the report's 差在
    and a batch row name that floor first, where they named the closed small-company route's figures
    (新增股权融资) and the floor came last, as 另1项."""
    src = tmp_path / "co.yaml"
    src.write_text((EXAMPLES / "little-giant-2022.yaml").read_text(encoding="utf-8")
                   .replace("2024: {revenue: 10500, main_revenue: 9300", "2024: {revenue: 4800, main_revenue: 4500"),
                   encoding="utf-8")
    common = ["--as-of", "2025-06-01", "--renewal", "little_giant", "--lang", "zh"]
    done = CliRunner().invoke(app, ["assess", str(src), *common], env={"COLUMNS": "200"})
    assert done.exit_code == 0, done.output
    gap = next(line for line in done.stdout.splitlines() if "小巨人\"企业——差在" in line)
    assert gap.split("差在：")[1].startswith("2025年度通知：上年度营业收入不低于5000万元")
    out = tmp_path / "out.csv"
    assert CliRunner().invoke(app, ["batch", str(src), "-o", str(out), "-q", "--columns", "ids", *common]).exit_code == 0
    assert "little_giant: lg.round2025.revenue — 2025年度通知" in out.read_text(encoding="utf-8-sig")


def test_the_round_file_itself_named_by_rules_is_not_said_to_leave_its_notice_out() -> None:
    """--rules rules/rounds/gxt-2025-190.yaml applies the 2025 notice: the report says nothing of leaving it out."""
    done = CliRunner().invoke(app, ["assess", str(EXAMPLES / "little-giant-2022.yaml"), "--lang", "zh", "--format",
                                    "markdown", "--as-of", "2025-06-01", "--rules",
                                    str(ROOT / "rules" / "rounds" / "gxt-2025-190.yaml")])
    assert done.exit_code == 0, done.output
    assert "不含这一通知" not in done.stdout
