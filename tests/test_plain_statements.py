"""What a QA pass reading the zh reports at 80 columns found: a large enterprise told it is large, with the
figures that decide it; sentences without doubled colons or brackets; Markdown and HTML plans that name
every question; a title already held said so, with how its renewal is judged; examples that agree with
their own comments."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from tests.conftest import half_missing_unheld
from tests.test_report_reading import section
from tests.test_reports import cli, squash
from typer.testing import CliRunner

from littlegiant.cli.app import app
from littlegiant.load.rulecalendar import RENEWABLE

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
AS_OF = "2026-11-26"
PLAN_ENDS = ("需准备的材料", "依据说明", "评估依据")
LARGE = "不属于中小企业，从业人员（上年末）1,500人、营业收入（2025年）5亿元，按《中小企业划型标准规定》为大型企业"


def changed(tmp_path: Path, name: str, **changes: Any) -> Path:
    """An example profile with dotted keys (``ip.class1_top3_holder``) changed, saved as the user would."""
    data = yaml.safe_load((EXAMPLES / name).read_text(encoding="utf-8"))
    for key, value in changes.items():
        *parents, last = key.split(".")
        node = data
        for p in parents:
            node = node[int(p) if p.isdigit() else p]
        node[int(last) if last.isdigit() else last] = value
    out = tmp_path / f"{len(list(tmp_path.iterdir()))}-{name}"
    out.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return out


def large(tmp_path: Path, revenue: int = 50000, industry: str = "industrial") -> Path:
    """tier1-only grown to 1,500 people and ``revenue`` 万元 a year (so no growth warning stands in the way)."""
    return changed(tmp_path, "tier1-only.yaml", employees=1500, industry=industry,
                   **{f"financials.{y}.revenue": revenue for y in (2023, 2024, 2025)},
                   **{f"financials.{y}.main_revenue": revenue * 9 // 10 for y in (2023, 2024, 2025)})


def batch_row(tmp_path: Path, path: Path, *args: str) -> dict[str, str]:
    out = tmp_path / "rows.csv"
    result = CliRunner().invoke(app, ["batch", str(path), "--advice", "--lang", "zh", "--output", str(out), *args])
    assert result.exit_code == 0, result.output
    return next(csv.DictReader(out.read_text(encoding="utf-8-sig").splitlines()))


def test_a_large_enterprise_is_told_it_is_large_and_nothing_is_planned(tmp_path: Path) -> None:
    """1,500 people and 5亿元 (both at or above 工业's ceiling, 1,000人 and 4亿元): every tier's 差在 says
    it is not an SME, with those figures, not the criterion's title read as if met nor a direct route as
    if it were a gap; the plan stops every tier as a red line does, searching no routes."""
    path = str(large(tmp_path))
    out = cli("assess", path, "--as-of", AS_OF, "--lang", "zh", columns=80)
    summary = squash(section(out, "结论", ("行动计划",)))
    assert summary.count(f"差在：{LARGE}") == 3, summary
    for wrong in ("符合《中小企业划型标准规定》", "近三年内获得过", "另1项", "尚缺"):
        assert wrong not in summary, wrong
    plan = squash(section(out, "行动计划", PLAN_ENDS))
    assert plan == squash(f"■ {LARGE.removesuffix('，按《中小企业划型标准规定》为大型企业')}：按《中小企业划型标准规定》，"
                          "工业企业从业人员1,000人及以上且营业收入4亿元及以上为大型企业；各层级只面向中小企业，"
                          "任何层级都不能申报，因此不列行动计划，也不需要准备申报材料"), plan
    assert "找不到可行的调整方案" not in out and "需准备的材料" not in out and "取决于2025年的数据" not in out
    doc = json.loads(cli("assess", path, "--as-of", AS_OF, "--lang", "zh", "--format", "json"))
    assert doc["sme"] == {"status": "unmet", "size": "large"} and "plans" not in doc
    for gap in doc["gaps"].values():
        assert (gap["steps"][0]["kind"], gap["steps"][0]["criterion"]) == ("barred", "gate.sme")
        assert gap["steps"][0]["text"] == "按《中小企业划型标准规定》为大型企业，不属于中小企业，任何层级都不能申报"
    en = squash(cli("assess", path, "--as-of", AS_OF, "--lang", "en", columns=80))
    assert squash("held back by: not an SME: a large enterprise under the 2011 size standard (employees at last "
                  "year end: 1,500 people; operating revenue 2025: 500,000,000 CNY)") in en
    # the plan's rule in a sentence: 「an enterprise in Industry with Employees at last year end 1,000 people or
    # more and Operating revenue 400,000,000 CNY or more is large」 ran capitalised labels into their figures
    assert squash("an enterprise in industry (mining, manufacturing, utilities) with employees at last year end "
                  "of 1,000 people or more and operating revenue of 400,000,000 CNY or more is large.") in en
    row = batch_row(tmp_path, Path(path), "--as-of", AS_OF)
    assert row["主要差距"] == f"科技和创新型中小企业：{LARGE}"
    assert "任何层级都不能申报" in row["下一步"] and "4亿元及以上为大型企业" in row["下一步"]


@pytest.mark.parametrize(("revenue", "size"), [(39999, "medium"), (40000, "large")])
def test_the_sme_ceiling_is_either_figure_under_its_bound(tmp_path: Path, revenue: int, size: str) -> None:
    """工业: 1,500 people but revenue under 4亿元 is still an SME (the ceiling is 或, "以下" exclusive);
    at 4亿元 exactly both figures reach their bounds and the company is large."""
    path = str(large(tmp_path, revenue))
    doc = json.loads(cli("assess", path, "--as-of", AS_OF, "--format", "json"))
    assert doc["sme"]["size"] == size
    out = squash(cli("assess", path, "--as-of", AS_OF, "--lang", "zh", columns=80))
    assert ("不属于中小企业" in out) == (size == "large")
    if size == "large":
        assert "营业收入（2025年）4亿元，按《中小企业划型标准规定》为大型企业" in out


def test_where_staff_alone_decides_the_size_only_staff_is_named(tmp_path: Path) -> None:
    """其他未列明行业 is sized by its people alone: the statement names 从业人员, not the revenue beside it."""
    out = squash(cli("assess", str(large(tmp_path, industry="other")), "--as-of", AS_OF, "--lang", "zh", columns=80))
    assert "差在：不属于中小企业，从业人员（上年末）1,500人，按《中小企业划型标准规定》为大型企业" in out
    assert "其他未列明行业企业从业人员300人及以上为大型企业" in out and "5亿元" not in out


def test_an_exemption_route_follows_or_without_a_second_colon(tmp_path: Path) -> None:
    """小巨人's Ⅰ类 IP short (2 of 4 as top-3 holder) names its exemption after 或 as 或豁免：…, not 或：豁免：…."""
    path = str(changed(tmp_path, "little-giant-2026.yaml", **{"ip.class1_top3_holder": 2}))
    out = squash(cli("assess", path, "--as-of", AS_OF, "--lang", "zh", columns=80))
    assert "且企业为前三位权利人（现为2项）；或豁免：近三年获得国家级科学技术奖励（获奖单位排名前三）" in out
    assert "：豁免：" not in out
    en = squash(cli("assess", path, "--as-of", AS_OF, "--lang", "en", columns=80))
    assert squash("; or exemption: national S&T award in 3 years, ranked top 3") in en


def test_a_next_step_of_questions_opens_them_with_a_colon(tmp_path: Path) -> None:
    """A batch row whose tier awaits answers says 先回答以下问题才能判定：<the questions>, as the report's
    plan heads them, not "才能判定；是否…" (a semicolon read as a second thing to do)."""
    row = batch_row(tmp_path, EXAMPLES / "little-giant-2026.yaml", "--as-of", "2027-03-01")
    # it holds 专精特新 (which needs no application): its row speaks of 小巨人, the step up
    assert row["下一步"].startswith('专精特新"小巨人"企业：先回答以下问题才能判定：营业收入（2026年）；'), row["下一步"]
    assert "才能判定；" not in row["下一步"]


def test_a_year_end_figure_carries_its_year_in_one_bracket(tmp_path: Path) -> None:
    """资产总额（2025年末）, not 资产总额（年末）（2025年); a user who types the label back (``--set``, a sheet's
    column) is read as before, and so is the old form."""
    out = cli("assess", str(EXAMPLES / "half-missing.yaml"), "--as-of", AS_OF, "--lang", "zh", columns=80)
    assert "资产总额（2025年末）" in squash(out) and "（年末）（" not in out
    for label in ("资产总额（2025年末）", "资产总额（年末）（2025年）"):
        doc = json.loads(cli("assess", str(EXAMPLES / "tier1-only.yaml"), "--as-of", AS_OF, "--format", "json",
                             "--set", f"{label}=3000"))
        seen = {c.get("inputs", {}).get("financials.2025.total_assets") for t in doc["tiers"].values() for c in t["criteria"]}
        assert 3000 in seen, label
    sheet = tmp_path / "park.csv"
    sheet.write_text("企业名称,行业,资产总额（2025年末）,负债总额（2025年末）\n甲,工业,2000,1500\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["batch", str(sheet), "--format", "json", "--as-of", AS_OF,
                                      "--output", str(tmp_path / "park.jsonl"), "--quiet"])
    assert result.exit_code == 0, result.output
    doc = json.loads((tmp_path / "park.jsonl").read_text(encoding="utf-8").splitlines()[0])["result"]
    ratios = [c for t in doc["tiers"].values() for c in t["criteria"] if "financials.2025.total_liabilities" in c.get("inputs", {})]
    assert ratios and all(c["inputs"]["financials.2025.total_assets"] == 2000 for c in ratios)


def test_the_held_title_report_says_so_and_how_its_renewal_is_judged() -> None:
    """little-giant-2026 holds 专精特新: its tier-2 line says the title is held, judged here as new, and that
    its renewal is judged apart, in plain words in every report; the verdict block said 「称号复核请在命令后
    加上 --renewal 专精特新中小企业 另行评估」, a command among the verdicts a finance manager reads and forwards.
    The terminal gives the option in its hint lines below the report. 小巨人, not held, says nothing of the
    kind, nor does the renewal run itself."""
    path = str(EXAMPLES / "little-giant-2026.yaml")
    held = squash("。已持有这一称号，本报告按新申请条件判定；称号复核须按复核条件另行评估")
    hint = squash("想按复核条件评估已持有的「专精特新中小企业」称号：在同一条命令后面加上 --renewal 专精特新中小企业 再运行一次。")
    for as_of in (AS_OF, "2027-03-01"):  # awaiting review, and awaiting the 2026 accounts
        out = cli("assess", path, "--as-of", as_of, "--lang", "zh", columns=80)
        summary = squash(section(out, "结论", ("需准备的材料", "⚠请先核对", "行动计划")))
        assert summary.count(held) == 1, summary
        assert summary.index(held) < summary.index('专精特新"小巨人"企业——')
        assert "--renewal" not in summary
        assert squash(out).count(hint) == 1 and squash(out).index(hint) > squash(out).index("评估依据")
    # the report names the title as a finance manager says it, not its id, and the option takes it so
    renewal = cli("assess", path, "--as-of", AS_OF, "--lang", "zh", "--renewal", "专精特新中小企业", columns=80)
    # (the plan may say 科技和创新型 is held: the renewal's own tier is what must not read as a new application)
    assert "本报告按新申请条件判定" not in renewal and "（专精特新中小企业复核）" in renewal
    for fmt in ("markdown", "html"):
        page = cli("assess", path, "--as-of", AS_OF, "--lang", "zh", "--format", fmt)
        assert "已持有这一称号，本报告按新申请条件判定；称号复核须按复核条件另行评估" in page
        assert "--renewal" not in page


def test_a_held_title_is_not_sent_to_a_renewal_where_every_tier_is_stopped(tmp_path: Path) -> None:
    """A large enterprise holding 专精特新: its 差在 says it is large and nothing of a renewal run, which
    the same size test would stop (the note read 称号复核请加 --renewal zjtx_sme 另行评估 after 大型企业)."""
    path = large(tmp_path)
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data.setdefault("titles", {})["zjtx_sme"] = True
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    out = cli("assess", str(path), "--as-of", AS_OF, "--lang", "zh", columns=80)
    assert squash(f"差在：{LARGE}") in squash(out) and "已持有这一称号" not in out and "--renewal" not in out


def test_the_documents_name_every_question_the_terminal_counts(tmp_path: Path) -> None:
    """half-missing, its 创新型 title not held (held, it needs no plan): the terminal's plan names ten of tier
    1's 19 questions, one a line, and counts them (共19项); Markdown and HTML, documents handed on, name all
    19, while their one-line summary keeps its three."""
    path = str(half_missing_unheld(tmp_path))
    terminal = section(cli("assess", path, "--as-of", AS_OF, "--lang", "zh", columns=80), "行动计划", PLAN_ENDS)
    asked = terminal.split("先回答以下问题才能判定（共19项，下面是前10项）\n")[1].split("■")[0]
    numbered = re.findall(r"^  (\d+)\. ", asked, re.M)
    assert numbered == [str(n) for n in range(1, 11)], asked
    assert "；" not in asked and "近三年国家级科技奖励获奖单位排名\n" in asked
    md = cli("assess", path, "--as-of", AS_OF, "--lang", "zh", "--format", "markdown")
    plan_md = md.split("## 行动计划")[1].split("**专精特新中小企业")[0]
    assert "先回答以下问题才能判定**" in plan_md and "共19项" not in plan_md
    assert re.findall(r"^(\d+)\. ", plan_md, re.M) == [str(n) for n in range(1, 20)], plan_md
    assert "等19项" in md.split("## 行动计划")[0]  # the summary's 尚缺 stays three and a count
    page = cli("assess", path, "--as-of", AS_OF, "--lang", "zh", "--format", "html")
    plan = page.split("行动计划")[1].split("需准备的材料")[0]
    first = plan.split("</ol>")[0]
    assert first.count("<li>") == 19 and "；" not in first and "等19项" not in plan


def test_an_example_suggests_a_renewal_only_of_a_title_it_holds() -> None:
    """An example's comment that suggests --renewal names a title its profile holds (following it otherwise
    read 没有这一称号，就谈不上复核); little-giant-2022, a first application, is assessed as its comment says."""
    for path in sorted(EXAMPLES.glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        comment = "".join(line for line in text.splitlines(keepends=True) if line.startswith("#"))
        titles = yaml.safe_load(text).get("titles", {})
        for renewal in re.findall(r"--renewal(?:\s+(\w+))?", comment):  # bare, it reads as the tier the file is about
            assert renewal in RENEWABLE, f"{path.name}: --renewal without the title it renews"
            assert titles.get(renewal) is True, f"{path.name}: --renewal of a title not held"
    comment = (EXAMPLES / "little-giant-2022.yaml").read_text(encoding="utf-8").split("\nname:")[0]
    as_of = re.search(r"--as-of (\S+?)[,.]?\s", comment)
    assert as_of is not None
    doc = json.loads(cli("assess", str(EXAMPLES / "little-giant-2022.yaml"), "--as-of", as_of.group(1), "--format", "json"))
    assert doc["rules"]["id"] == "miit-2022" and doc["tiers"]["little_giant"]["status"] == "manual_review"
    assert not any(w["kind"] == "renewal_not_held" for w in doc["warnings"])


@pytest.mark.parametrize(("lang", "said"), [
    ("zh", "近两年营业收入复合增长率不低于5%（营业收入（2023年）为0，无法计算，请核对）"),
    ("en", "Two-year compound revenue growth at least 5% (Operating revenue 2023: 0, so it cannot be computed; please check)"),
])
def test_a_tier_unknown_for_growth_from_zero_says_which_figure_makes_it_so(tmp_path: Path, lang: str, said: str) -> None:
    """A 小巨人 whose 2023 revenue was 0 read 「未知」 with no reason under it, and its plan 「无法通过调整数据
    满足」: every figure was given, the growth from 0 cannot be computed (unknown, never zero). The summary
    and the plan now name the figure, and the plan no longer says no change meets it."""
    company = tmp_path / "co.yaml"
    text = (EXAMPLES / "little-giant-2026.yaml").read_text(encoding="utf-8")
    company.write_text(text.replace("2023: {revenue: 9000, main_revenue: 8500}", "2023: {revenue: 0, main_revenue: 0}"),
                       encoding="utf-8")
    assert "2023: {revenue: 0," in company.read_text(encoding="utf-8")
    done = CliRunner().invoke(app, ["assess", str(company), "--as-of", "2026-11-26", "--lang", lang],
                              env={"COLUMNS": "80", "NO_COLOR": "1"})
    assert done.exit_code == 0, done.output
    flat = re.sub(r"\n *", "" if lang == "zh" else " ", done.stdout)
    assert flat.count(said) == 2  # under the verdict, and as the plan's head
    assert "无法通过调整数据满足" not in flat and "no change to the inputs meets it" not in flat
