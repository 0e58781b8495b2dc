"""`assess --compare` and `--renewal` as a Chinese user runs them (LANG=zh_CN.UTF-8, 80 columns): a
renewal said in the comparison, the checks the single report asks for, --compare's own errors, and
--renewal taking the titles people type."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import EXAMPLES
from typer.testing import CliRunner

from littlegiant.cli.app import app

ZH = {"LANG": "zh_CN.UTF-8", "LC_ALL": "", "LC_MESSAGES": "", "COLUMNS": "80", "NO_COLOR": "1"}
LG22 = str(EXAMPLES / "little-giant-2022.yaml")
MICRO = str(EXAMPLES / "micro-startup.yaml")
BOTH = ("--compare", "miit-2022,miit-2026", "--as-of", "2026-11-26")


def run(*args: str) -> Any:
    return CliRunner().invoke(app, list(args), env=ZH)


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_a_renewal_compared_says_it_is_one_and_why_not(fmt: str) -> None:
    """The JSON said renewal: little_giant and warned the title is not held; the text, Markdown and
    HTML comparison said neither (grep 复核: nothing)."""
    out = run("assess", LG22, *BOTH, "--renewal", "little_giant", "--format", fmt)
    assert out.exit_code == 0, out.output
    page = re.sub(r"\n *", "", out.stdout).replace("&quot;", '"').replace("&#x27;", "'")
    assert '专精特新"小巨人"企业复核：该层级按复核条款评估；其他层级按新申请条件评估，仅供参考' in page
    assert "请先核对" in page and "没有这一称号，就谈不上复核" in page
    plain = run("assess", LG22, *BOTH, "--format", fmt).stdout
    # a new application says neither (its 复核 is the held title's, said apart: test_s39_clifiles_compare_held)
    assert "按复核条款评估" not in plain and "请先核对" not in plain
    assert "复核" not in plain.replace("称号复核须按复核条件另行评估", "")


def test_a_comparison_asks_the_single_reports_checks_once() -> None:
    """The single report asks to check R&D above revenue and a share typed as a fraction; the
    comparison said nothing of either. Both sets see the same figures: each is asked once."""
    single = run("assess", MICRO, "--as-of", "2026-11-26").stdout
    compared = run("assess", MICRO, *BOTH).stdout
    asked = "「研发费用（2024年）」15万元，高于「营业收入（2024年）」10万元：少见，请核对"
    assert asked in single and compared.count(asked) == 1
    assert "⚠ 请先核对" in compared and "如果填的是小数（0.1 即 10%）" in re.sub(r"\n *", "", compared)


def test_the_comparison_json_says_its_sets_were_named_by_compare() -> None:
    out = run("assess", LG22, *BOTH, "--renewal", "little_giant", "--format", "json")
    docs = json.loads(out.stdout)["compare"]
    # the 2026 set, not the one the calendar names for this renewal: named by --compare; the 2022 set in
    # force is the plain report's (test_the_2026_little_giant_renewal_column_names_its_round_notice…)
    assert docs[1]["calendar"]["reason"] == "由 --compare 指定的规则集"
    assert [d["renewal"] for d in docs] == ["little_giant"] * 2
    single = json.loads(run("assess", LG22, "--rules", "miit-2022", "--format", "json").stdout)
    assert single["calendar"]["reason"] == "由 --rules 指定的规则集"


@pytest.mark.parametrize(("given", "said"), [
    ("2022,2026", "--compare：没有“2022”这个规则版本；您是不是想写 miit-2022,miit-2026？"),
    ("miit-2022,2026", "--compare：没有“2026”这个规则版本；您是不是想写 miit-2022,miit-2026？"),
    ("miit-2022,foo", "--compare：没有“foo”这个规则版本（内置的有："),
])
def test_a_compare_naming_a_set_by_its_year_is_said_of_compare(given: str, said: str) -> None:
    """--compare 2022,2026 was told --rules：没有“2022”: the option the user did not give, and no
    word of miit-2022."""
    out = run("assess", MICRO, "--compare", given)
    assert out.exit_code == 2
    assert said in out.stderr and "--rules" not in out.stderr


def test_rules_given_a_year_suggests_the_set_of_that_year() -> None:
    out = run("assess", MICRO, "--rules", "2026")
    assert out.exit_code == 2 and "您是不是想写 miit-2026？" in out.stderr


@pytest.mark.parametrize(("given", "renewed"), [
    ("专精特新中小企业", "zjtx_sme"), ("专精特新", "zjtx_sme"), ("小巨人", "little_giant"),
    ('专精特新"小巨人"企业', "little_giant"), ("专精特新“小巨人”企业", "little_giant"),
    ("little_giant", "little_giant"),
])
def test_renewal_takes_a_titles_chinese_name(given: str, renewed: str) -> None:
    """Refused before with 请写明复核的称号…现在是“专精特新中小企业”: the title on the certificate."""
    out = run("assess", LG22, "--renewal", given, "--format", "json")
    assert out.exit_code == 0, out.output
    assert json.loads(out.stdout)["renewal"] == renewed
    text = run("assess", LG22, "--renewal", given).stdout
    title = '专精特新"小巨人"企业' if renewed == "little_giant" else "专精特新中小企业"
    assert f"（{title}复核）" in text


@pytest.mark.parametrize("given", ["中小企业", "企业"])
def test_renewal_refuses_words_of_several_titles_naming_them(given: str) -> None:
    out = run("assess", LG22, "--renewal", given)
    assert out.exit_code == 2
    assert (f"--renewal：“{given}”可以指不止一个称号，请写明复核哪一个：--renewal zjtx_sme（专精特新中小企业）"
            "或 --renewal little_giant（专精特新“小巨人”企业）") in out.stderr


def test_batch_renewal_takes_the_short_name(tmp_path: Path) -> None:
    sheet = tmp_path / "名单.csv"
    sheet.write_text("企业名称,从业人员（上年末）\n甲公司,50\n", encoding="utf-8")
    out = run("batch", str(sheet), "-o", str(tmp_path / "结果.jsonl"), "--renewal", "小巨人", "--format", "json",
              "--quiet")
    assert out.exit_code == 0, out.output
    row = json.loads((tmp_path / "结果.jsonl").read_text(encoding="utf-8").splitlines()[0])
    assert row["result"]["renewal"] == "little_giant"


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
@pytest.mark.parametrize(("args", "said"), [
    (("--as-of", "2026-11-26"), "评估日期 2026-11-26 的新申请适用《优质中小企业梯度培育管理办法（2026）》。"),
    (("--as-of", "2025-06-01", "--renewal", "little_giant"),
     "评估日期 2025-06-01 的复核适用《优质中小企业梯度培育管理暂行办法（2022）》，并按年度通知 工信厅企业函〔2025〕190号。"),
])
def test_a_comparison_says_which_rules_apply_on_its_date(fmt: str, args: tuple[str, ...], said: str) -> None:
    """Two sets side by side said nothing of which one judges the company that day: the comparison names
    the calendar's pick (with its round notice), in every format."""
    done = run("assess", LG22, "--compare", "miit-2022,miit-2026", "--format", fmt, *args)
    assert done.exit_code == 0, done.output
    words = re.sub(r"<[^>]+>", "", done.stdout) if fmt == "html" else done.stdout  # a date sits in a span
    assert said in re.sub(r"\s*\n\s*", "", words)


def _banded(tmp_path: Path, r_and_d: bool) -> str:
    """A manufacturer of 8,000万 last year (2022's 5,000万–1亿 band of the Little Giant's R&D), with
    its R&D given at 4% or left blank, and no new equity answered: a condition of the band under
    5,000万 alone."""
    rd1, rd2 = (", rd_expense: 320", ", rd_expense: 280") if r_and_d else ("", "")
    text = (Path(EXAMPLES / "little-giant-2026.yaml").read_text(encoding="utf-8")
            .replace("2025: {revenue: 12000, main_revenue: 11000, rd_expense: 650", f"2025: {{revenue: 8000, main_revenue: 7600{rd1}")
            .replace("2024: {revenue: 10500, main_revenue: 9800, rd_expense: 560}", f"2024: {{revenue: 7000, main_revenue: 6600{rd2}}}")
            .replace("2023: {revenue: 9000, main_revenue: 8500}", "2023: {revenue: 6000, main_revenue: 5600}")
            .replace("equity_financing: {2025: 0, 2024: 0, 2023: 0}\n", "")
            .replace("maker_china: top500", "maker_china: none"))
    path = tmp_path / "banded.yaml"
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_a_condition_of_a_revenue_band_the_company_is_not_in_is_not_asked(tmp_path: Path) -> None:
    """2022's 小巨人 judges R&D by last year's revenue band; its band under 5,000万 also needs 8,000万
    of new equity. A company of 8,000万 was asked 新增股权融资 (2025年, 2024年) in 尚缺 and as plan
    steps, and the comparison listed 「近2年新增股权融资总额8000万元以上（尚缺数据）」 beside the 6% it fails:
    no answer to it changes a band the company is not in (criteria.md §6.1)."""
    blank = run("assess", _banded(tmp_path, r_and_d=False), "--rules", "miit-2022", "--as-of", "2026-12-04").stdout
    flat = re.sub(r"\n *", "", blank)
    assert "专精特新\"小巨人\"企业——尚缺：研发费用（2025年）；研发费用（2024年）" in flat
    assert "新增股权融资" not in blank
    compared = run("assess", _banded(tmp_path, r_and_d=True), "--compare", "miit-2022,miit-2026",
                   "--as-of", "2026-12-04").stdout
    assert "✘ 上年度研发费用占比不低于6%（现为4%）" in compared
    assert "股权融资" not in compared and "尚缺数据" not in compared


@pytest.mark.parametrize("sets", ["miit-2022,miit-2026", "miit-2022，miit-2026", " miit-2022、 miit-2026"])
def test_explain_with_compare_says_how_to_explain_under_each_set(sets: str) -> None:
    """--explain beside --compare was ignored without a word: the comparison came out, no explanation.
    The two runs it names are --compare's sets however they were separated (a Chinese comma gave
    --rules miit-2022，miit-2026, which fails)."""
    out = run("assess", LG22, "--compare", sets, "--as-of", "2026-11-26", "--explain", "研发费用")
    assert out.exit_code == 2 and out.stdout == ""
    assert re.sub(r"\n *", "", out.stderr).strip() == (
        "littlegiant 出错：--explain：一次只解释一个规则集下的条件，不能与 --compare 同用："
        "请分别加 --rules miit-2022 和 --rules miit-2026 各运行一次")


@pytest.mark.parametrize(("sets", "said"), [("miit-2026", "应填两个规则版本"), ("2022,2026", "您是不是想写 miit-2022,miit-2026？"),
                                           ("miit-2022,miit-2026,miit-2022", "应填两个规则版本")])
def test_explain_with_a_wrong_compare_is_told_what_compare_needs(sets: str, said: str) -> None:
    """One set, three, or names to correct: --compare's own message, not two --rules runs that fail."""
    out = run("assess", LG22, "--compare", sets, "--explain", "研发费用")
    assert out.exit_code == 2 and said in re.sub(r"\n *", "", out.stderr) and "--rules 2022" not in out.stderr


def test_the_same_set_twice_is_no_comparison() -> None:
    """--compare miit-2022,miit-2022 printed a comparison of a set with itself (a review)."""
    out = run("assess", LG22, "--compare", "miit-2022,MIIT-2022")
    assert out.exit_code == 2 and out.stdout == ""
    assert re.sub(r"\n *", "", out.stderr).strip() == (
        "littlegiant 出错：--compare：两次写的都是“miit-2022”：对比要写两个不同的规则版本（如 miit-2022,miit-2026）")


def test_a_renewal_of_a_title_left_blank_asks_for_it_and_fills_no_blank(tmp_path: Path) -> None:
    """A 专精特新 renewal of a profile leaving the title blank was told under 小巨人 「尚缺：是否持有有效的专精特新
    中小企业称号」 and, in the plan, to apply for 专精特新 first, with no word why. The engine fills no blank
    (CONTRACT §2), so the title stays unknown; every report, the JSON warnings and a batch row now say a
    renewal presumes the title and to answer 是. Answered 是, nothing of the kind is said; 否 is said as before."""
    text = (EXAMPLES / "little-giant-2022.yaml").read_text(encoding="utf-8").replace("zjtx_sme: true", "zjtx_sme: null")
    assert "zjtx_sme: null" in text
    (tmp_path / "blank.yaml").write_text(text, encoding="utf-8")
    args = ("--renewal", "zjtx_sme", "--lang", "zh", "--as-of", "2026-11-26")
    report = CliRunner().invoke(app, ["assess", str(tmp_path / "blank.yaml"), *args], env={"COLUMNS": "80"}).stdout
    asked = "本次按专精特新中小企业复核评估，但资料中未填是否持有这一称号：复核以持有为前提，请把这一项填为「是」"
    assert "专精特新中小企业复核" in report and asked in "".join(report.split()), report
    assert "是否持有有效的专精特新中小企业称号" in report  # unknown, as a blank is: no default filled in
    doc = json.loads(CliRunner().invoke(app, ["assess", str(tmp_path / "blank.yaml"), *args, "--format", "json"]).stdout)
    assert [w["kind"] for w in doc["warnings"]] == ["renewal_title_blank"]
    done = CliRunner().invoke(app, ["batch", str(tmp_path / "blank.yaml"), "-o", str(tmp_path / "out.csv"), *args])
    assert done.exit_code == 0, done.stderr
    with (tmp_path / "out.csv").open(encoding="utf-8-sig") as handle:
        row = next(csv.DictReader(handle))
    status = {"met": "满足", "unmet": "不满足", "unknown": "未知", "manual_review": "待审核"}
    assert row['专精特新"小巨人"企业'] == status[doc["tiers"]["little_giant"]["status"]]
    assert "复核以持有为前提" in row["需核对的数据"]
    (tmp_path / "yes.yaml").write_text(text.replace("zjtx_sme: null", "zjtx_sme: true"), encoding="utf-8")
    held = CliRunner().invoke(app, ["assess", str(tmp_path / "yes.yaml"), *args], env={"COLUMNS": "80"}).stdout
    assert "复核以持有为前提" not in "".join(held.split()) and "是否持有有效的专精特新中小企业称号" not in held
    (tmp_path / "no.yaml").write_text(text.replace("zjtx_sme: null", "zjtx_sme: false"), encoding="utf-8")
    said = CliRunner().invoke(app, ["assess", str(tmp_path / "no.yaml"), *args], env={"COLUMNS": "80"}).stdout
    assert "就谈不上复核" in "".join(said.split())


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_an_unknown_score_compared_says_its_range(fmt: str) -> None:
    """The report of one set gives 专精特新's 2022 score as 「未知（得分区间 35–74）」; the comparison
    said only 「评分达到60分以上（尚缺数据）」, hiding how near the company is."""
    half = str(EXAMPLES / "half-missing.yaml")
    single = run("assess", half, "--rules", "miit-2022", "--as-of", "2026-11-26").stdout
    assert "专精特新中小企业：未知（得分区间 35–74）" in single
    out = run("assess", half, *BOTH, "--format", fmt)
    assert out.exit_code == 0, out.output
    assert "评分达到60分以上（得分在35–74分之间，尚缺数据）" in re.sub(r"\n *", "", out.stdout)
    en = CliRunner().invoke(app, ["assess", half, *BOTH, "--format", fmt, "--lang", "en"], env={**ZH, "COLUMNS": "200"})
    assert "Score at least 60 (between 35 and 74 points; answers missing)" in en.stdout


@pytest.mark.parametrize("renewal", [[], ["--renewal", "little_giant"]])
def test_the_set_in_force_is_compared_with_its_round_notice_as_a_plain_report_judges_it(tmp_path: Path,
                                                                                       renewal: list[str]) -> None:
    """In 2025 the 2022 column of --compare judged 小巨人 without 工信厅企业函〔2025〕190号, which the
    comparison's heading named: 4,500万 of revenue gave 待审核 there and 不满足 in the report without
    --compare (190号: no application or renewal under 5,000万). Each tier now comes out as the plain report's."""
    company = tmp_path / "co.yaml"
    text = (EXAMPLES / "little-giant-2022.yaml").read_text(encoding="utf-8")
    company.write_text(text.replace("2024: {revenue: 10500, main_revenue: 9300", "2024: {revenue: 4500, main_revenue: 4300"),
                       encoding="utf-8")
    assert "revenue: 4500," in company.read_text(encoding="utf-8")
    common = (str(company), "--as-of", "2025-06-30", "--format", "json", *renewal)
    plain = json.loads(run("assess", *common).stdout)
    docs = json.loads(run("assess", *common, "--compare", "miit-2022,miit-2026").stdout)["compare"]
    assert plain["rules"]["id"] == docs[0]["rules"]["id"] == "miit-2022"
    assert docs[0]["calendar"]["round"] == plain["calendar"]["round"] == "工信厅企业函〔2025〕190号"
    assert {t: d["status"] for t, d in docs[0]["tiers"].items()} == {t: d["status"] for t, d in plain["tiers"].items()}
    assert plain["tiers"]["little_giant"]["status"] == "unmet"
    said = run("assess", *common[:3], *renewal, "--compare", "miit-2022,miit-2026").stdout
    assert "低于5000万元的企业本年度暂不受理申请和复核" in re.sub(r"\n *", "", said)


def test_the_2026_little_giant_renewal_column_names_its_round_notice_as_the_plain_report_does() -> None:
    """The 2026 小巨人 renewal round follows the 2022 set under 工信厅企业函〔2026〕117号, a notice with no
    round file: compared, the 2022 column's calendar said 'the rule set named by --compare', forced, no
    round, while the plain report and the comparison's heading named the notice. Now it is the plain report's."""
    import littlegiant

    common = (str(EXAMPLES / "little-giant-2022.yaml"), "--as-of", "2026-11-26", "--renewal", "little_giant",
              "--format", "json")
    plain = json.loads(run("assess", *common).stdout)
    docs = json.loads(run("assess", *common, "--compare", "miit-2022,miit-2026").stdout)["compare"]
    assert plain["calendar"]["round"] == "工信厅企业函〔2026〕117号" and plain["rules"]["id"] == "miit-2022"
    assert docs[0]["calendar"] == plain["calendar"]
    assert docs[1]["calendar"]["forced"] is True  # the 2026 set, not in force for this round: as named
    api = littlegiant.compare(common[0], ["miit-2022", "miit-2026"], as_of="2026-11-26", renewal="little_giant")
    assert littlegiant.to_json(api[0])["calendar"]["round"] == "工信厅企业函〔2026〕117号"
