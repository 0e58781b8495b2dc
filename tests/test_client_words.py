"""What a finance manager reads in the zh reports: real profiles in, the printed sentences checked."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from tests.test_rule_tools import OK, cli, write
from typer.testing import CliRunner

from littlegiant.cli.app import app
from littlegiant.load import rules

runner = CliRunner()

CLEAN = ("registered_in_china: true\ncompliance: {abnormal_operation: false, serious_dishonesty: false, "
         "prohibited_products: false, major_incident: false, tax_violation: false, data_fabrication: false}\n")
"""Registered in China, no red line: what every profile here shares."""
INNO22 = """\
name: 创新型分组测试
industry: industrial
employees: 100
@CLEAN@financials:
  2025: {revenue: 5000, main_revenue: 3500, rd_expense: 250, total_assets: 5000, total_liabilities: 3800}
  2024: {revenue: 5200, main_revenue: 3600}
ip: {class1: 1, class1_self_developed: 1, class1_high_value: 1, class2: 0}
rd_institution: none
strategic_emerging_industry: true
awards: {national_rank: 0, provincial_rank: 0}
honors: {high_tech_enterprise: false, tech_innovation_demo: false, ip_advantage: false}
equity_financing: {2025: 0, 2024: 0, 2023: 0}
""".replace("@CLEAN@", CLEAN)

LG22 = """\
name: 二二边界有限公司
industry: industrial
employees: 200
rd_staff: 30
tech_staff: 40
niche_years: 3
@CLEAN@financials:
  2025: {revenue: 10000, main_revenue: 8000, rd_expense: 300, net_profit: 600, total_assets: 10000, total_liabilities: 7000, total_costs: 9000}
  2024: {revenue: 9500, main_revenue: 7600, rd_expense: 285}
  2023: {revenue: 9000, main_revenue: 7200}
equity_financing: {2025: 0, 2024: 0, 2023: 0}
ip: {class1: 2, class1_self_developed: 2, class1_high_value: 0, class1_applied: 2, class1_top3_holder: 2, class2: 3}
rd_institution: city
digital_level: 2
quality: {provincial_award: false, iso9001: true, own_brand: true, standards: false}
certification: {management_system: true, developed_market_product: false}
info_system_core_business: true
market: {domestic_share: 10, international_share: null, domestic_rank: 4, leading: true}
strategic_emerging_industry: false
field: {chain_role: true, foundation: false, priority_domain: true}
awards: {national_rank: 0, national_5y_rank: 0, provincial_rank: 0, maker_china: none, led_standard_5y: false}
honors: {high_tech_enterprise: false, tech_innovation_demo: false, ip_advantage: false}
titles: {innovative_sme: true, tech_sme: false, zjtx_sme: true, little_giant: false}
platform_score: 60
characteristic_score: 5
exclusions: {single_champion: false, related_to_little_giant: false}
""".replace("@CLEAN@", CLEAN)


def assess(tmp_path: Path, text: str, *args: str, columns: int = 80) -> Any:
    """Run ``littlegiant assess`` on a profile written from ``text``, as a user at a terminal would."""
    src = tmp_path / "公司.yaml"
    src.write_text(text, encoding="utf-8")
    return runner.invoke(app, ["assess", str(src), *args],
                         env={"COLUMNS": str(columns), "NO_COLOR": "1", "LANG": "zh_CN.UTF-8"})


def summary_line(out: str, tier: str) -> str:
    """One tier's 差在/尚缺 line of the summary, its wrapped lines joined."""
    block = out.split("结论\n", 1)[1].split("\n\n", 1)[0]
    joined = re.sub(r"\n\s+", "\n", block)
    lines = re.split(r"\n(?=\S+——)", joined)
    found = [ln for ln in lines if ln.startswith(f"{tier}——")]
    assert found, block
    return found[0].replace("\n", "")


def test_footer_names_the_rules_by_title_and_no_hash(tmp_path: Path) -> None:
    """The terminal report's last lines name the rules by their title with no id or fingerprint; the
    Markdown file keeps a short, labelled check code, never the full hash."""
    out = assess(tmp_path, INNO22, "--as-of", "2026-03-15", "--lang", "zh")
    assert out.exit_code == 0, out.output
    doc = json.loads(assess(tmp_path, INNO22, "--as-of", "2026-03-15", "--format", "json").stdout)
    sha = doc["input_sha256"]
    tail = out.stdout.rsplit("--detail", 1)[1]
    assert "依据 优质中小企业梯度培育管理暂行办法（2022） · 评估日期 2026-03-15" in tail.replace("\n", "")
    # the sets' ids only in the hint that gives the command comparing them, below the report
    body = re.sub(r"想同时看两版规则的结果：[^。]*。", "", out.stdout)
    assert "miit" not in body and "指纹" not in out.stdout and sha[:8] not in out.stdout
    md = assess(tmp_path, INNO22, "--as-of", "2026-03-15", "--lang", "zh", "--format", "markdown").stdout
    footer = md.split("\n---\n")[-1]
    assert f"资料校验码 {sha[:8]}（核对本报告对应哪一份资料时用）" in footer
    assert sha[:9] not in md and "miit-2022" not in footer


def test_summary_names_the_failing_group_minimum_and_the_direct_paths_as_alternatives(tmp_path: Path) -> None:
    """2022 创新型 with 70 points but 成长性 0 of the 15 needed: the summary names that minimum with the
    score, and the direct paths after 或, not as further requirements."""
    out = assess(tmp_path, INNO22, "--as-of", "2026-03-15", "--lang", "zh").stdout
    assert "创新型中小企业：不满足（得分 70）" in out
    line = summary_line(out, "创新型中小企业")
    assert line == "创新型中小企业——差在：成长性得分不低于15分（现为0分）；或：近三年内获得过国家级、省级科技奖励等4项中的任一项"


def test_summary_gives_the_score_and_says_or_before_the_direct_paths(tmp_path: Path) -> None:
    """2022 专精特新 at 56 points: the score comes first with its figure, the direct paths only as an alternative."""
    out = assess(tmp_path, LG22, "--as-of", "2026-03-15", "--lang", "zh").stdout
    line = summary_line(out, "专精特新中小企业")
    assert line.startswith("专精特新中小企业——差在：评分达到60分以上（现为56分）；或：")
    gap, held = line.split("。", 1)  # the profile holds this title: its renewal is said after the gap
    assert gap.endswith("等4项中的任一项") and held.startswith("已持有这一称号")


def test_summary_names_the_revenue_band_condition_not_the_band_itself(tmp_path: Path) -> None:
    """2022 小巨人 with 5,000万 revenue and R&D 5%: the gap is the 6% its band needs, never 营业收入1亿元以上;
    and --detail shows the band check by the revenue figure, not as an answer the user never gave."""
    out = assess(tmp_path, INNO22, "--as-of", "2026-03-15", "--lang", "zh").stdout
    line = summary_line(out, '专精特新"小巨人"企业')
    assert "上年度研发费用占比不低于6%（现为5%）" in line and "1亿元以上" not in line
    assert "截至上年末资产负债率不高于70%（现为76%）" in line
    detail = assess(tmp_path, INNO22, "--as-of", "2026-03-15", "--lang", "zh", "--detail", columns=160).stdout
    band = next(ln for ln in detail.splitlines() if "上年度营业收入5000万元（含）至1亿元" in ln)
    assert "营业收入（2025年）「5,000万元」：满足" in band and "答「是」" not in band


def test_summary_names_the_own_band_when_both_years_fall_short(tmp_path: Path) -> None:
    """2022 小巨人 with 7,000万 revenue and R&D 4.29% and 4%: two parts of its own band (6%) fail against
    one of the 1亿 band (the revenue itself); the summary still names its own band's share, since the
    rule marks the revenue band as what selects the route, and 1亿 is never said as what it lacks."""
    text = LG22.replace("revenue: 10000, main_revenue: 8000, rd_expense: 300", "revenue: 7000, main_revenue: 5600, rd_expense: 300")
    text = text.replace("revenue: 9500, main_revenue: 7600, rd_expense: 285", "revenue: 6500, main_revenue: 5200, rd_expense: 260")
    text = text.replace("revenue: 9000, main_revenue: 7200", "revenue: 6000, main_revenue: 4800")
    out = assess(tmp_path, text, "--as-of", "2026-03-15", "--lang", "zh").stdout
    line = summary_line(out, '专精特新"小巨人"企业')
    assert "上年度研发费用占比不低于6%（现为4.29%）" in line and "1亿元以上" not in line


def test_summary_names_no_failed_exemption_where_the_main_route_is_unanswered(tmp_path: Path) -> None:
    """2026 小巨人 short of R&D, its Ⅰ类知识产权 unanswered and no national award: 差在 went on
    「；豁免：近三年获得国家级科学技术奖励（获奖单位排名前三）」, which read as an exemption granted,
    for a choice still open. Only the R&D gap is said, then what is still to be answered; a batch
    row's 主要差距 the same."""
    text = ("name: 东莞测试有限公司\nindustry: industrial\nemployees: 100\n" + CLEAN
            + "financials:\n  2025: {revenue: 8000, rd_expense: 500, total_assets: 6000}\n"
            + "  2024: {rd_expense: 120}\nawards: {national_rank: 0}\n")
    out = assess(tmp_path, text, "--as-of", "2026-11-26", "--lang", "zh").stdout
    line = summary_line(out, '专精特新"小巨人"企业')
    assert line.startswith('专精特新"小巨人"企业——差在：近两年研发费用合计不低于1200万元（现为620万元）；尚缺：')
    assert "豁免" not in line
    sheet = tmp_path / "名单.csv"
    sheet.write_text("企业名称,营业收入（2025年）,研发费用（2025年）,研发费用（2024年）,近三年国家级科技奖励获奖单位排名（0为未获奖）\n"
                     "东莞测试有限公司,8000,500,120,0\n", encoding="utf-8")
    done = runner.invoke(app, ["batch", str(sheet), "-o", str(tmp_path / "结果.csv"), "--as-of", "2026-11-26",
                               "--lang", "zh", "-q", "--advice"])
    assert done.exit_code == 0, done.output
    row = (tmp_path / "结果.csv").read_text(encoding="utf-8-sig").splitlines()[1]
    assert '专精特新""小巨人""企业：近两年研发费用合计不低于1200万元（现为620万元）' in row and "豁免" not in row


def test_plan_and_next_step_phrase_yes_no_steps_as_things_to_do(tmp_path: Path) -> None:
    """A yes/no step reads as a finance manager says it (取得高新技术企业认定（有效期内）, 主导产品是否……),
    in the report's plan and in the batch 下一步 column, never 取得：是否…."""
    out = assess(tmp_path, INNO22, "--as-of", "2026-03-15", "--lang", "zh").stdout
    plan = re.sub(r"\n\s+", "", out.split("行动计划\n", 1)[1].split("\n\n", 1)[0])
    assert "1. 取得高新技术企业认定（有效期内）" in plan
    assert "主导产品是否属于重点领域" in plan  # 小巨人's 2027 round, judged by the 2026 measures
    assert "取得：" not in plan and "是否主导" not in plan and "是否产品" not in plan
    folder = tmp_path / "clients"
    folder.mkdir()
    (folder / "a.yaml").write_text(INNO22, encoding="utf-8")
    result = runner.invoke(app, ["batch", str(folder), "-o", str(tmp_path / "out.csv"), "--lang", "zh", "--advice",
                                 "--as-of", "2026-03-15"], env={"COLUMNS": "80", "NO_COLOR": "1"})
    assert result.exit_code == 0, result.output
    sheet = (tmp_path / "out.csv").read_text(encoding="utf-8-sig")
    assert "取得高新技术企业认定（有效期内）" in sheet and "取得：" not in sheet and "是否主导" not in sheet


def test_renewal_of_a_title_not_held_is_flagged(tmp_path: Path) -> None:
    """--renewal little_giant for a profile that says it holds no 小巨人 title: the report, the JSON
    warnings and the batch row all say there is nothing to renew; with the title held, none does."""
    args = ("--as-of", "2026-11-26", "--renewal", "little_giant")
    out = assess(tmp_path, LG22, *args, "--lang", "zh")
    assert out.exit_code == 0, out.output
    said = re.sub(r"\n\s*", "", out.stdout.split("⚠ 请先核对\n", 1)[1])
    assert said.startswith('⚠ 本次按专精特新"小巨人"企业复核评估，但资料中填的是未持有这一称号：没有这一称号，就谈不上复核。')
    doc = json.loads(assess(tmp_path, LG22, *args, "--format", "json", "--lang", "en").stdout)
    assert doc["warnings"][0]["kind"] == "renewal_not_held" and "nothing to renew" in doc["warnings"][0]["message"]
    held = json.loads(assess(tmp_path, LG22.replace("little_giant: false", "little_giant: true"), *args,
                             "--format", "json").stdout)
    assert all(w["kind"] != "renewal_not_held" for w in held["warnings"])
    folder = tmp_path / "list"
    folder.mkdir()
    (folder / "a.yaml").write_text(LG22, encoding="utf-8")
    result = runner.invoke(app, ["batch", str(folder), "-o", str(tmp_path / "r.csv"), "--lang", "zh", *args],
                           env={"COLUMNS": "80", "NO_COLOR": "1"})
    assert result.exit_code == 0, result.output
    assert "没有这一称号，就谈不上复核" in (tmp_path / "r.csv").read_text(encoding="utf-8-sig")


def test_xlsx_about_sheet_says_a_renewal_and_its_round_notice(tmp_path: Path) -> None:
    """A 2026 小巨人 renewal written to .xlsx: the 说明 sheet names the rules by title, says it was a
    renewal and under which round notice (117号), and shows no rule-set id."""
    from openpyxl import load_workbook

    folder = tmp_path / "list"
    folder.mkdir()
    (folder / "a.yaml").write_text(LG22.replace("little_giant: false", "little_giant: true"), encoding="utf-8")
    out = tmp_path / "结果.xlsx"
    result = runner.invoke(app, ["batch", str(folder), "-o", str(out), "--lang", "zh", "--renewal", "little_giant",
                                 "--as-of", "2026-11-26"], env={"COLUMNS": "80", "NO_COLOR": "1"})
    assert result.exit_code == 0, result.output
    about = dict(load_workbook(out, read_only=True)["说明"].iter_rows(values_only=True))
    assert about["依据"] == "优质中小企业梯度培育管理暂行办法（2022）"
    assert about["评估类型"].startswith('专精特新"小巨人"企业复核：该层级按复核条款评估')
    assert "工信厅企业函〔2026〕117号" in about["适用说明"]
    assert not any("miit" in str(v) for v in about.values())


def test_zh_progress_bar_speaks_chinese(tmp_path: Path) -> None:
    """A zh batch on a terminal shows its speed as 每秒 N 行, never rows/s (read from a real pty)."""
    import os
    import pty
    import subprocess
    import sys

    src = tmp_path / "名单.csv"
    rows = [f"企业{i:04d},工业,{100 + i % 500},{5000 + i},{4800 + i},{4500 + i},{200 + i % 50},{190 + i % 50}"
            for i in range(4000)]
    src.write_text("企业名称,所属行业,从业人数,2025年营业收入（万元）,2024年营业收入（万元）,2023年营业收入（万元）,"
                   "2025年研发费用（万元）,2024年研发费用（万元）\n" + "\n".join(rows) + "\n", encoding="utf-8")
    main, child = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "littlegiant", "batch", str(src), "-o", str(tmp_path / "out.csv"),
                             "--lang", "zh", "--jobs", "1"], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                            stderr=child, env={**os.environ, "COLUMNS": "80", "TERM": "xterm"})
    os.close(child)
    seen = b""
    while True:
        try:
            chunk = os.read(main, 65536)
        except OSError:  # the child closed its end
            break
        if not chunk:
            break
        seen += chunk
    assert proc.wait(timeout=300) == 0
    text = seen.decode("utf-8", "replace")
    assert "每秒" in text and "行" in text, text[-500:]
    assert "rows/s" not in text


def test_zh_messages_have_no_space_between_chinese_words(tmp_path: Path) -> None:
    """No zh message in the catalogs puts a space between two Chinese words (应填是 或 否 read as a
    typo); and the yes/no error a user meets reads 应填是或否."""
    from littlegiant.i18n import MESSAGES
    from littlegiant.messages import CATALOG, EXPECT

    texts = [zh for _, zh in CATALOG.values()] + [e.zh for e in EXPECT.values()]
    texts += [m["zh"] for m in MESSAGES.values() if isinstance(m, dict) and "zh" in m]
    gap = re.compile(r"[\u4e00-\u9fff）」”][ \u3000]+[\u4e00-\u9fff（「“]")
    assert [t for t in texts if gap.search(t)] == []
    out = assess(tmp_path, LG22, "--lang", "zh", "--set", "honors.high_tech_enterprise=maybe")
    assert out.exit_code == 2
    assert "「有效期内的高新技术企业」：应填是或否（也可以写对/不是、有/没有、y/n），现在是“maybe”" in out.output


LG22_APPLYING = LG22.replace("zjtx_sme: true", "zjtx_sme: false")
"""LG22 applying for 专精特新 (held, a title needs no application, and a row speaks of the tier above it)."""


def _batch_of(tmp_path: Path, out_name: str, *args: str) -> Path:
    """``littlegiant batch`` over a folder of the two 2022 profiles above, as a park runs it."""
    folder = tmp_path / "名单"
    folder.mkdir(exist_ok=True)
    (folder / "a_inno.yaml").write_text(INNO22, encoding="utf-8")
    (folder / "b_lg.yaml").write_text(LG22_APPLYING, encoding="utf-8")
    out = tmp_path / out_name
    result = runner.invoke(app, ["batch", str(folder), "-o", str(out), "--as-of", "2026-03-15", *args],
                           env={"COLUMNS": "80", "NO_COLOR": "1"})
    assert result.exit_code == 0, result.output
    return out


def test_batch_gap_column_says_what_the_report_summary_says(tmp_path: Path) -> None:
    """With --advice (a consultant's run), the 主要差距 cell of a CSV, an .xlsx (read back) and a JSON
    Lines row names the real unmet condition and 或 before the other routes, word for word the
    report's 差在, never a direct path as if it were the cause (the 2022 创新型 row said
    近三年内获得过国家级、省级科技奖励). A screening without it names the first failing criterion."""
    import csv

    from openpyxl import load_workbook

    said = {tier: summary_line(assess(tmp_path, text, "--as-of", "2026-03-15", "--lang", "zh").stdout, tier)
            for tier, text in (("创新型中小企业", INNO22), ("专精特新中小企业", LG22_APPLYING))}
    expected = [line.replace("——差在：", "：", 1) for line in said.values()]
    assert expected[0] == "创新型中小企业：成长性得分不低于15分（现为0分）；或：近三年内获得过国家级、省级科技奖励等4项中的任一项"
    assert expected[1].startswith("专精特新中小企业：评分达到60分以上（现为56分）；或：")

    text = _batch_of(tmp_path, "结果.csv", "--lang", "zh", "--advice").read_text(encoding="utf-8-sig")
    assert [row["主要差距"] for row in csv.DictReader(text.splitlines())] == expected
    plain = _batch_of(tmp_path, "筛查.csv", "--lang", "zh").read_text(encoding="utf-8-sig")
    # without --advice, the compiled plan's first failing criterion by its title (of an any-of, its first
    # route's: here a direct path), without figures; the report's words cost a third of a row more
    assert next(row["主要差距"] for row in csv.DictReader(plain.splitlines())) == "创新型中小企业：近三年内获得过国家级、省级科技奖励"

    sheet = load_workbook(_batch_of(tmp_path, "结果.xlsx", "--lang", "zh", "--advice"), read_only=True).worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    column = list(rows[0]).index("主要差距")
    assert [r[column] for r in rows[1:]] == expected

    lines = _batch_of(tmp_path, "结果.jsonl", "--lang", "zh", "--advice").read_text(encoding="utf-8").splitlines()
    steps = [json.loads(line)["next_step"].split("  ⇒ ")[0] for line in lines]
    assert steps[0] == "innovative_sme: innovative.score.growth — " + expected[0].split("：", 1)[1]
    assert steps[1].startswith("zjtx_sme: zjtx.score — 评分达到60分以上（现为56分）；或：")


def test_batch_gap_in_english_names_the_route_and_or(tmp_path: Path) -> None:
    """The English 主要差距 says "or:" before the other routes, as the English summary does."""
    import csv

    text = _batch_of(tmp_path, "results.csv", "--lang", "en", "--advice").read_text(encoding="utf-8-sig")
    gap = next(csv.DictReader(text.splitlines()))["What holds it back"]
    assert gap.startswith("Innovative SME: ") and "(now 0 points); or: " in gap, gap


def test_compare_says_or_between_routes_as_the_summary_does(tmp_path: Path) -> None:
    """--compare in text at 80 columns: 2022 创新型 fails on 成长性 with 或 before the direct paths,
    which are no longer listed one by one as if each were needed."""
    out = assess(tmp_path, INNO22, "--as-of", "2026-03-15", "--lang", "zh", "--compare", "miit-2022,miit-2026").stdout
    block = out.split("\n创新型中小企业 / 科技和创新型中小企业\n", 1)[1].split("\n\n", 1)[0]  # as each set names it
    first = block.split("（2026）：", 1)[0]
    assert "✘ 成长性得分不低于15分（现为0分）\n" in first
    assert "✘ 或：近三年内获得过国家级、省级科技奖励等4项中的任一项" in first
    assert "拥有经认定的省部级以上研发机构" not in first and "股权融资" not in first
    from rich.cells import cell_len

    assert all(cell_len(line) <= 80 for line in out.splitlines())


@pytest.mark.parametrize(("criterion", "words"), [
    ('{id: t3.band, kind: veto, field: title_zjtx, selector: true', "unknown key 'selector'"),
    ('{id: t3.band, value: "revenue[y1]", op: ">=", threshold: 100, selector: 1', "selector"),
])
def test_a_selector_is_a_yes_no_flag_of_a_check(tmp_path: Path, criterion: str, words: str) -> None:
    """``selector`` marks a check (a band) only, as true or false: on a veto, or as a number, the rule
    file is refused at its line; on a check it validates and loads."""
    path = write(tmp_path, OK + f"      - {criterion}, zh: 档位, en: Band, source: test, confidence: gov}}  # <-\n")
    done = cli("rules", "validate", str(path), cwd=tmp_path)
    line = len(OK.splitlines()) + 1
    assert done.returncode == 2
    assert any(p.startswith(f"mine.yaml:{line}:") and words in p for p in done.stderr.splitlines()), done.stderr
    good = write(tmp_path, OK + '      - {id: t3.band, value: "revenue[y1]", op: ">=", threshold: 100, selector: true, '
                 "zh: 档位, en: Band, source: test, confidence: gov}\n", "good.yaml")
    assert cli("rules", "validate", str(good), cwd=tmp_path).returncode == 0
    assert {n.id for _, n in rules.load(str(good)).all_nodes() if n.selector} == {"t3.band"}



def test_a_condition_of_new_applications_does_not_say_renewals_skip_it(tmp_path: Path) -> None:
    """小巨人's growth condition was titled 「……不低于5%（复核不考核）」, and a park's 主要差距 of a new
    application read 「近两年营业收入复合增长率不低于5%（复核不考核）（现为1.64%）」, taken as "not
    checked": in a new application it is required. Whom a condition is for is said where it matters
    (`rules show`: 仅新申请; a renewal run skips it), never in the title every result shows."""
    lg26 = (Path(__file__).parents[1] / "examples" / "little-giant-2026.yaml").read_text(encoding="utf-8")
    out = assess(tmp_path, lg26, "--as-of", "2026-12-04", "--lang", "zh", "--detail",
                 "--set", "financials.2023.revenue=14000")
    assert out.exit_code == 0, out.output
    flat = re.sub(r"\n\s*", "", out.stdout)
    assert "近两年营业收入复合增长率不低于5%（现为" in flat and "复核不考核" not in flat
    for rule_id in ("miit-2022", "miit-2026"):
        rs = rules.load(rule_id)
        for _, node in rs.all_nodes():
            if node.applies == "new":
                assert not any(w in node.title.zh for w in ("复核", "续期")), node.title.zh
                assert "renewal" not in node.title.en.lower(), node.title.en
