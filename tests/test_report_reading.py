"""What a reader of the reports meets: a gate answered no reads like a red line, counts that agree,
comparisons that mark what is not a failure, a trace whose levels show, a legend that says things once."""

from __future__ import annotations

import csv
import html
import json
import re
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len
from tests.conftest import fits, half_missing_unheld
from tests.test_cli_interactive import ANSWERED, Session
from tests.test_reports import NAMES, check_breaks, cli, squash
from typer.testing import CliRunner

from littlegiant.cli.app import app
from littlegiant.core import engine
from littlegiant.i18n import STATUS, t
from littlegiant.load import profile, rules
from littlegiant.report.words import ICON, bullet

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
AS_OF = "2026-11-26"


def variant(tmp_path: Path, name: str, **changes: object) -> Path:
    """An example profile with top-level or ``compliance.`` keys changed, written as the user would."""
    data = yaml.safe_load((EXAMPLES / name).read_text(encoding="utf-8"))
    for key, value in changes.items():
        if key in data.get("compliance", {}):
            data["compliance"][key] = value
        else:
            data[key] = value
    out = tmp_path / f"{'-'.join(changes)}.yaml"
    out.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return out


def section(text: str, head: str, ends: tuple[str, ...]) -> str:
    """The lines of the terminal report's section ``head`` up to the next of ``ends``."""
    body = text.split(f"\n{head}\n", 1)[1]
    for end in ends:
        body = body.split(f"\n{end}\n", 1)[0]
    return body


@pytest.mark.parametrize("rule_id", ["miit-2022", "miit-2026"])
def test_not_registered_in_china_reads_like_a_red_line(tmp_path: Path, rule_id: str) -> None:
    """registered_in_china: false stops every tier in plain words, with no steps, questions or materials."""
    path = str(variant(tmp_path, "little-giant-2026.yaml", registered_in_china=False))
    out = cli("assess", path, "--as-of", AS_OF, "--rules", rule_id, "--lang", "zh", columns=80)
    flat = squash(out)
    assert flat.count("差在：不具备参评基本条件「境内工商注册登记、具有独立法人资格」") == 3
    plan = squash(section(out, "行动计划", ("依据说明", "评估依据")))
    assert plan == squash("■ 参评基本条件「境内工商注册登记、具有独立法人资格」答「否」：不具备这一条件，"
                          "任何层级都不能申报，因此不列行动计划，也不需要准备申报材料")
    assert "需准备的材料" not in out and "取得：" not in out and "尚缺" not in out
    en = squash(cli("assess", path, "--as-of", AS_OF, "--rules", rule_id, "--lang", "en", columns=80))
    assert squash('"Registered in mainland China as an independent legal person": answered no. Every tier needs '
                  "it, so no tier can be applied for") in en
    doc = json.loads(cli("assess", path, "--as-of", AS_OF, "--rules", rule_id, "--format", "json"))
    assert "plans" not in doc and {t["status"] for t in doc["tiers"].values()} == {"unmet"}
    for fmt in ("markdown", "html"):
        page = cli("assess", path, "--as-of", AS_OF, "--rules", rule_id, "--lang", "zh", "--format", fmt)
        plan_part = page.split("行动计划")[1].split("依据说明")[0]
        assert "任何层级都不能申报" in plan_part and "<ol>" not in plan_part and "\n1. " not in plan_part


@pytest.mark.parametrize("rule_id", ["miit-2022", "miit-2026"])
def test_not_registered_in_china_gives_no_step_to_take(tmp_path: Path, rule_id: str) -> None:
    """The JSON advice and batch --advice say the company cannot apply (no "register: yes" change),
    as the report does, in each tier and language."""
    path = variant(tmp_path, "little-giant-2026.yaml", registered_in_china=False)
    doc = json.loads(cli("assess", str(path), "--as-of", AS_OF, "--rules", rule_id, "--format", "json",
                         "--lang", "zh"))
    for gap in doc["gaps"].values():
        first = gap["steps"][0]
        assert (first["kind"], first["changes"]) == ("barred", [])
        assert first["text"].endswith("答「否」：不具备这一参评基本条件，任何层级都不能申报"), first["text"]
        assert not any(c["path"] == "registered_in_china" for s in gap["steps"] for c in s["changes"])
    for lang, words in (("zh", "任何层级都不能申报"), ("en", "no tier can be applied for")):
        out = tmp_path / f"advice-{lang}.csv"
        result = CliRunner().invoke(app, ["batch", str(path), "--advice", "--lang", lang, "--rules", rule_id,
                                          "--as-of", AS_OF, "--output", str(out)])
        assert result.exit_code == 0, result.output
        rows = list(csv.reader(out.read_text(encoding="utf-8-sig").splitlines()))
        step = rows[1][rows[0].index("下一步" if lang == "zh" else "Next step")]
        assert words in step and "--set" not in step, step


def test_a_no_under_an_any_of_the_tiers_share_bars_nothing(tmp_path: Path) -> None:
    """A rule file whose shared entry group is met by registration in China or by the high-tech
    title: a company with neither is told how to meet it, not that no tier can be applied for."""
    from tests.test_rule_tools import OK

    entry = ("nodes:\n  entry: {id: entry, kind: any, zh: 准入, en: Entry, children: ["
             '{id: entry.reg, value: "registered_in_china", op: "==", threshold: true, zh: 境内注册, en: Registered, '
             "source: t, confidence: gov}, "
             '{id: entry.ht, value: "high_tech", op: "==", threshold: true, zh: 高新技术企业, en: High tech, '
             "source: t, confidence: gov}]}\n")
    text = OK.replace("tiers:\n", entry + "tiers:\n").replace("    criteria:\n",
                                                              "    criteria:\n      - {kind: use, ref: entry}\n")
    rule = tmp_path / "entry.yaml"
    rule.write_text(text, encoding="utf-8")
    path = variant(tmp_path, "tier1-only.yaml", registered_in_china=False)
    doc = json.loads(cli("assess", str(path), "--as-of", AS_OF, "--rules", str(rule), "--format", "json",
                         "--lang", "zh"))
    assert doc["tiers"]["innovative_sme"]["status"] == "unmet"
    for gap in doc["gaps"].values():
        assert all(s["kind"] != "barred" for s in gap["steps"]), gap["steps"]
    report = cli("assess", str(path), "--as-of", AS_OF, "--rules", str(rule), "--lang", "zh")
    assert "任何层级都不能申报" not in report and "不具备准入" not in report


def test_a_gate_one_tier_holds_under_an_any_of_bars_no_tier(tmp_path: Path) -> None:
    """miit-2026 with tier 2's gate under an any-of (or revenue ≥ 1亿): not registered in China, tier 2 is
    still reachable, so neither the report nor the advice may call the gate a bar on every tier; tiers 1 and
    3, which need it alone, get it as their step (the advice called it barred, with no plan found). Tier 1's
    title is held (创新型, no 复核): its report plan says it needs no application, its advice keeps the step."""
    src = (ROOT / "rules" / "miit-2026.yaml").read_text(encoding="utf-8").replace("id: miit-2026\n", "id: mine\n", 1)
    marker = "    criteria:\n      - {kind: use, ref: gate}\n      - {id: zjtx26.prerequisite"
    assert src.count(marker) == 1
    rule = tmp_path / "mine.yaml"
    rule.write_text(src.replace(marker, (
        "    criteria:\n      - kind: any\n        id: zjtx26.gate_or_big\n"
        "        zh: 参评基本条件，或上年度营业收入不低于1亿元\n        en: The gate, or revenue last year at least 100 million CNY\n"
        "        children:\n          - {kind: use, ref: gate}\n"
        '          - {id: zjtx26.big, value: "revenue[y1]", op: ">=", threshold: 10000, unit: 万元, '
        "zh: 上年度营业收入不低于1亿元, en: Revenue last year at least 100 million CNY, source: 测试, confidence: single}\n"
        "      - {id: zjtx26.prerequisite")), encoding="utf-8")
    path = str(variant(tmp_path, "little-giant-2026.yaml", registered_in_china=False))
    args = ("assess", path, "--as-of", AS_OF, "--rules", str(rule))
    doc = json.loads(cli(*args, "--format", "json", "--lang", "zh"))
    assert {t: d["status"] for t, d in doc["tiers"].items()} == {
        "innovative_sme": "unmet", "zjtx_sme": "manual_review", "little_giant": "unmet"}
    for tier in ("innovative_sme", "little_giant"):
        steps = doc["gaps"][tier]["steps"]
        assert [c["path"] for s in steps for c in s["changes"]] == ["registered_in_china"], steps
        assert all(s["kind"] != "barred" for s in steps), steps
    out = cli(*args, "--lang", "zh", columns=80)
    plan = squash(section(out, "行动计划", ("需准备的材料", "依据说明")))
    assert "任何层级都不能申报" not in squash(out) and "找不到" not in plan
    assert plan.count("做到：在中华人民共和国境内工商注册登记、具有独立法人资格") == 1, plan
    assert "科技和创新型中小企业：已持有这一称号，有效期内无需再申报" in plan


def test_a_red_line_and_the_gate_read_alike(tmp_path: Path) -> None:
    """Both stops: each named in the answer and in the plan, in the same shape, and no materials listed."""
    path = str(variant(tmp_path, "little-giant-2026.yaml", registered_in_china=False, serious_dishonesty=True))
    out = cli("assess", path, "--as-of", AS_OF, "--lang", "zh", columns=80)
    flat = squash(out)
    assert flat.count("差在：红线「被列入严重失信主体名单」；不具备参评基本条件「境内工商注册登记、具有独立法人资格」") == 3
    plan = section(out, "行动计划", ("依据说明",))
    assert plan.count("■") == 2 and "存在时任何层级都不能认定" in squash(plan) and "任何层级都不能申报" in squash(plan)
    assert "需准备的材料" not in out


def test_an_interview_answered_no_to_registration_ends_in_the_stop(tmp_path: Path) -> None:
    """Answering 没有 to 境内注册 ends the interview, and its report says no tier can be applied for."""
    s = Session(["assess", "--as-of", AS_OF, "--lang", "zh", "--save", "noreg.yaml"], tmp_path)
    asked = 0
    while (prompt := s.until_prompt()) is not None:
        asked += 1
        if prompt.endswith(("[y/n] ", "[是/否] ")):
            s.send("y")
        elif "境内工商注册登记" in squash(prompt.rsplit("题", 1)[-1]):
            s.send("没有")
        else:  # don't know (Enter) until the question comes; the summary is taken as it is
            s.send("某贸易公司" if asked == 1 else "")
    code, out = s.finish()
    assert code == 0, s.transcript
    flat = squash(out)
    assert "任何层级都不能申报" in flat and "不具备参评基本条件「境内工商注册登记、具有独立法人资格」" in flat
    assert "取得：" not in flat and "先回答以下问题" not in flat and "需准备的材料" not in flat


def _count(text: str) -> int:
    """How many items a list says it has: 等N项, else the items shown."""
    found = re.search(r"等(\d+)项", text)
    return int(found[1]) if found else len(text.split("；"))


@pytest.mark.parametrize("rule_id", ["miit-2022", "miit-2026"])
@pytest.mark.parametrize("name", NAMES)
def test_the_answer_and_a_plan_of_questions_count_the_same(name: str, rule_id: str) -> None:
    """Where the plan for a tier is "answer these first", it asks what the answer says is missing: one count."""
    doc = json.loads(cli("assess", str(EXAMPLES / f"{name}.yaml"), "--as-of", AS_OF, "--rules", rule_id,
                         "--lang", "zh", "--format", "json"))
    out = squash(cli("assess", str(EXAMPLES / f"{name}.yaml"), "--as-of", AS_OF, "--rules", rule_id, "--lang", "zh",
                     columns=200))
    for tid, plan in doc.get("plans", {}).items():
        title = doc["tiers"][tid]["title"]
        head = plan["text"][0]
        if not head.startswith(f"{title}：先回答以下问题才能判定"):
            continue
        # one question a step; past ten, the head gives the count (共19项)
        in_all = re.search(r"（共(\d+)项，下面是前(\d+)项）$", head)
        assert in_all is not None or head.endswith("才能判定"), head
        questions = [t for t in plan["text"][1:] if not t.startswith("如「")]  # not a step said on a condition
        asked = int(in_all[1]) if in_all else len(questions)
        assert len(questions) == (int(in_all[2]) if in_all else asked)
        assert not any("；" in step for step in questions), plan["text"]
        said = re.search(squash(f"{title}——") + r"(?:差在：[^——]*?)?尚缺：(.*?)(?=" + "|".join(
            re.escape(squash(t["title"])) + "——" for t in doc["tiers"].values()) + "|行动计划)", out)
        assert said is not None, (tid, out[:400])
        assert _count(said[1]) == asked, (tid, said[1], plan["text"])


def test_a_plan_after_its_steps_says_what_its_questions_count() -> None:
    """A plan's own questions (after its changes, on a later year's data) say they come after the steps."""
    out = squash(cli("assess", str(EXAMPLES / "half-missing.yaml"), "--as-of", AS_OF, "--lang", "zh", columns=80))
    assert "做到以上各项后，仍需回答：" in out and "另需回答" not in out


def test_compare_marks_what_awaits_the_authority_or_an_answer() -> None:
    """--compare lists a failure with ✘ (a red line as the summary names it), an item the authority judges
    with ◔ and words, in every format."""
    args = ("assess", str(EXAMPLES / "red-line.yaml"), "--as-of", AS_OF, "--compare", "miit-2022,miit-2026")
    out = cli(*args, "--lang", "zh", columns=80)
    old, new = out.split("优质中小企业梯度培育管理办法（2026）：")[0], out.split("优质中小企业梯度培育管理办法（2026）：待审核")[1]
    assert "✘ 红线「近三年有偷漏税等违法违规行为」\n" in old
    assert "◔ 近三年无偷漏税等违法违规行为（待认定机关判断）" in new and "✘" not in new.split("\n\n")[0]
    half = cli("assess", str(EXAMPLES / "half-missing.yaml"), "--as-of", AS_OF, "--compare", "miit-2022,miit-2026",
               "--lang", "zh", columns=80)
    assert "? 近三年内获得过国家级、省级科技奖励（尚缺数据）" in half
    assert "（不满足）" not in half and "\n    - " not in half
    en = cli(*args, "--lang", "en", columns=80)
    assert "◔ No tax evasion or similar violation in 3 years (the authority decides)" in en
    md = cli(*args, "--lang", "zh", "--format", "markdown")
    assert "- 🔎 近三年无偷漏税等违法违规行为（待认定机关判断）" in md and "- ❌ 红线「近三年有偷漏税等违法违规行为」\n" in md
    html = cli(*args, "--lang", "zh", "--format", "html")
    assert '<span class="status manual_review">◔</span> 近三年无偷漏税等违法违规行为（待认定机关判断）' in html


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("columns", [60, 80])
def test_the_trace_shows_each_level_by_indent_and_mark(lang: str, columns: int) -> None:
    """In --detail a criterion stands two columns further in per level, behind · or -, so parts sit under groups."""
    path = EXAMPLES / "half-missing.yaml"
    out = cli("assess", str(path), "--as-of", AS_OF, "--lang", lang, "--detail", columns=columns)
    assert all(fits(line, columns) for line in out.splitlines()), out
    check_breaks(out)
    rs = rules.load("miit-2026")
    result = engine.evaluate(rs, profile.load_profile(path, rs), date.fromisoformat(AS_OF))
    tier = result.tiers["innovative_sme"]
    head = t("status", lang)  # the first table is the first tier's
    trace = out.split(f"\n{head} ", 1)[1].split("\n\n")[0].splitlines()[1:]
    rows = [line for line in trace if line[:1] in ICON.values()]
    assert len(rows) == len(tier.criteria) >= 20  # the gate holds an unknown part: all of it is shown
    base = None
    for row, c in zip(rows, tier.criteria, strict=True):
        label = f"{ICON[c.status]} {STATUS[c.status][lang]}"
        assert row.startswith(label), (c.id, row)
        rest = row[len(label):]
        col = cell_len(label) + len(rest) - len(rest.lstrip(" "))
        level = max(c.depth - 1, 0)
        base = col if base is None else base
        assert col == base + 2 * max(level - 1, 0), (c.id, level, row)
        assert rest.lstrip(" ").startswith(bullet(level) or c.title.get(lang)[:3]), (c.id, row)
    assert {max(c.depth - 1, 0) for c in tier.criteria} >= {0, 1, 2, 3}


def test_advice_parts_its_items_with_a_mark_their_labels_do_not_hold() -> None:
    """A step of several changes parts them with ；, since a label holds 、 itself; zh numbers read as zh."""
    doc = json.loads(cli("assess", str(EXAMPLES / "micro-startup.yaml"), "--as-of", AS_OF, "--lang", "zh",
                         "--format", "json"))
    steps = [s for g in doc["gaps"].values() for s in g["steps"] if len(s["changes"]) > 1]
    assert steps
    for step in steps:
        parts = step["text"].split("（达到「")[0].split("；")
        assert len(parts) == len(step["changes"]), step["text"]
        assert all("：" in p and " → " in p and ": " not in p and " (+" not in p for p in parts), step["text"]
    assert any("本企业为前三位权利人的Ⅰ类知识产权：0 → 4项（+4）；与主导产品相关的有效Ⅰ类知识产权：0 → 4项（+4）" in s["text"]
               for s in steps)


def test_batch_advice_next_step_reads_as_chinese(tmp_path: Path) -> None:
    """batch --advice in zh: the next step's figure is grouped and its colon and brackets are Chinese, and
    it is the plan's: 2025's accounts are closed, so the step is on a later year's figures, said to be estimated."""
    out = tmp_path / "advice.csv"
    result = CliRunner().invoke(app, ["batch", str(EXAMPLES / "little-giant-2022.yaml"), "--advice", "--lang", "zh",
                                      "--as-of", AS_OF, "--output", str(out)], env={"COLUMNS": "100"})
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(out.read_text(encoding="utf-8-sig").splitlines()))
    step = rows[1][rows[0].index("下一步")]
    # (2027's round hangs on other revenue falling 600万 in the 36 days left, which bring some 178万 of it: no
    # effort takes that away, so 2028's round, on 2027's figures, is the plan)
    assert step.startswith("专精特新\"小巨人\"企业：最早2028年申报（以2027年数据计）；主营业务收入（2027年）："
                           "10,200 → 11,907万元（+1,707；2027年尚无数据，10,200万元是按2025年的数额估计的）"), step
    assert rows[1][rows[0].index("主要差距")] == '专精特新"小巨人"企业：上年度主营业务收入占营业收入比重不低于90%（现为85%）'



def test_a_renewal_is_named_by_the_rule_sets_own_title() -> None:
    """The renewal lines take the tier's title from the rule set (no table of titles of their own)."""
    import dataclasses

    from littlegiant.load.rules import Text
    from littlegiant.report.common import make_report

    rs = rules.load("miit-2022")
    prof = profile.load_profile(EXAMPLES / "little-giant-2026.yaml", rs)
    result = engine.evaluate(rs, prof, date(2026, 3, 1), "zjtx_sme")
    result.tiers["zjtx_sme"] = dataclasses.replace(result.tiers["zjtx_sme"], title=Text("某省专精特新", "Province title"))
    for lang, head, detail in (("zh", "（某省专精特新复核）", "本次为某省专精特新复核"),
                               ("en", " (renewal of Province title)", "A renewal (复核) of Province title")):
        report = make_report(rs, prof, result, lang)
        assert report.basis()[0].endswith(head)
        assert any(line.startswith(detail) for line in report.basis_detail()), report.basis_detail()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_report_headings_come_from_the_words_table(tmp_path: Path, lang: str) -> None:
    """Every heading of a report with a what-if, unusual figures and no name is the words table's, in each format."""
    from littlegiant.report.words import W

    data = yaml.safe_load((EXAMPLES / "micro-startup.yaml").read_text(encoding="utf-8"))
    data.pop("name")
    path = tmp_path / "anon.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    args = ("assess", str(path), "--as-of", AS_OF, "--lang", lang, "--set", "financials.2025.rd_expense=100")
    heads = [W[k][lang] for k in ("what_if", "warnings", "basis_detail")]
    for fmt in ("text", "markdown", "html"):
        out = cli(*args, "--format", fmt, columns=200)
        assert all(h in out for h in heads), (fmt, [h for h in heads if h not in out])
        if fmt != "text":
            assert W["untitled"][lang] in out
        if fmt == "markdown":
            assert W["appendix_intro"][lang] in out


def test_english_lists_give_the_whole_count_like_zh(tmp_path: Path) -> None:
    """In en a cut list says how many in all, so the answer and a plan showing different heads agree
    (half-missing with tier 1 not held: held, it has no plan of questions)."""
    out = squash(cli("assess", str(half_missing_unheld(tmp_path)), "--as-of", AS_OF, "--lang", "en", columns=80))
    counts = re.findall(r"and(\d+)more\((\d+)inall\)", out)
    assert counts and all(int(a) < int(b) for a, b in counts)
    assert sum(b == "19" for _, b in counts) == 1  # innovative_sme: the answer's 3 shown
    assert "answerthesefirsttodecideit(19inall;thefirst10below)" in out  # the plan's 10, one a line


@settings(max_examples=400)
@given(v=st.decimals(min_value=Decimal("-1e15"), max_value=Decimal("1e15"), allow_nan=False, allow_infinity=False))
def test_a_figure_in_words_keeps_its_sign_and_only_gains_separators(v: Decimal) -> None:
    """What the reports write of a figure (``num``) and what the interview shows back (``exact``) are
    the figure's digits with thousands separators: a fall or a loss keeps its minus sign."""
    from littlegiant.report.explanations import fmt
    from littlegiant.report.words import exact, num

    shown = num(v)
    assert shown.replace(",", "") == fmt(v)
    assert Decimal(exact(v).replace(",", "")) == v
    if Decimal(fmt(v)) != 0:
        assert shown.startswith("-") == (v < 0)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_shrinking_company_reads_its_negative_growth_and_loss(tmp_path: Path, lang: str) -> None:
    """Revenue 8,000 → 5,000 over two years is a fall of 20.94% a year, and a net loss of 300 is -300:
    the conclusion, the detail table and the explanation all say so with the minus sign."""
    path = tmp_path / "decline.yaml"
    path.write_text("name: 下滑公司\nindustry: industrial\nfinancials:\n"
                    "  2025: {revenue: 5000, main_revenue: 4900, net_profit: -300}\n"
                    "  2024: {revenue: 6000, main_revenue: 5900}\n"
                    "  2023: {revenue: 8000, main_revenue: 7900}\n", encoding="utf-8")
    out = squash(cli("assess", str(path), "--as-of", AS_OF, "--lang", lang, "--detail", columns=120))
    assert "-20.94%" in out and " 20.94%" not in out and "（现为20.94%）" not in out
    explained = squash(cli("assess", str(path), "--as-of", "2026-03-01", "--rules", "miit-2022", "--lang", lang,
                           "--explain", "净利润率", columns=120))
    assert "-300" in explained and "-6%" in explained


def test_explain_with_words_of_several_titles_explains_each_of_them() -> None:
    """``--explain 研发费用`` (the example --help gives) explains every R&D criterion in turn after a line
    saying how many; it used to stop with exit 2 and a line of ids."""
    out = cli("assess", str(EXAMPLES / "little-giant-2026.yaml"), "--as-of", AS_OF, "--lang", "zh",
              "--explain", "研发费用", columns=80)
    assert out.startswith("“研发费用”对应 10 个条件，逐一说明如下")
    assert out.count("\n所属称号：") == 10 and out.count("结论：") == 10
    assert "lg26." not in out and "zjtx_sme" not in out


def test_explain_with_a_whole_title_explains_that_criterion_alone() -> None:
    """A title pasted whole names that criterion, not also the group whose title begins with it."""
    out = cli("assess", str(EXAMPLES / "little-giant-2026.yaml"), "--as-of", AS_OF, "--lang", "zh",
              "--explain", "近两年研发费用合计不低于1200万元", columns=80)
    assert out.startswith("近两年研发费用合计不低于1200万元\n") and out.count("结论：") == 1
    assert "1,210万元（650 + 560）" in out


def test_explain_with_too_vague_words_asks_for_more_in_titles_not_ids() -> None:
    """Words matching more criteria than a reader would go through (研发) are refused in one line that
    names some titles to type, without ids; --format json still needs exactly one criterion."""
    runner = CliRunner()
    done = runner.invoke(app, ["assess", str(EXAMPLES / "little-giant-2022.yaml"), "--as-of", "2026-03-01", "--lang",
                               "zh", "--explain", "研发"], env={"COLUMNS": "80", "NO_COLOR": "1"})
    assert done.exit_code == 2 and done.output.count("\n") == 1
    assert "请写得更具体" in done.output and "「上年度研发费用总额不低于100万元」" in done.output
    assert "lg." not in done.output and "little_giant:" not in done.output
    done = runner.invoke(app, ["assess", str(EXAMPLES / "little-giant-2026.yaml"), "--as-of", AS_OF, "--lang", "en",
                               "--explain", "研发费用", "--format", "json"], env={"COLUMNS": "80", "NO_COLOR": "1"})
    assert done.exit_code == 2 and "little_giant:lg26.rd.total" in done.output


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_a_comparison_names_the_company_the_date_and_that_it_is_a_self_assessment(fmt: str) -> None:
    """A consultant prints a comparison for each client: each says whose it is, as of when, and that it
    is a self-assessment, as the report does."""
    out = cli("assess", str(EXAMPLES / "little-giant-2026.yaml"), "--as-of", AS_OF, "--lang", "zh",
              "--compare", "miit-2022,miit-2026", "--format", fmt, columns=80)
    out = re.sub(r"<[^>]+>", "", out)  # the page's words (a date sits in a span that keeps it on one line)
    assert "示例精密部件有限公司 · 评估日期 2026-11-26 · 上年度 2025" in out
    assert "本报告为企业自评结果，不是主管部门的正式认定。" in out


FACTORY = ANSWERED
"""A factory whose 小巨人 plan moves a figure of 2026, a year with no accounts yet (the QA pass's
finance manager's file, which the interview tests resume)."""


@pytest.mark.parametrize(("lang", "said"), [
    ("zh", "研发费用（2027年）：320 → 880万元（+560；2027年尚无数据，320万元是按2025年的数额估计的）"),
    ("en", "R&D expense 2027: 320 → 880 (10k CNY) (+560; 2027 has no figure yet: 320 is 2025's, taken as an estimate)"),
])
def test_a_plan_step_of_a_year_without_accounts_says_its_figure_is_an_estimate(tmp_path: Path, lang: str,
                                                                                said: str) -> None:
    """"研发费用（2027年）：320 → 880" read as if the company had reported 320 for 2027: the step says the
    figure is 2025's, taken as the estimate for a year whose accounts do not exist yet."""
    path = tmp_path / "factory.yaml"
    path.write_text(FACTORY, encoding="utf-8")
    out = squash(cli("assess", str(path), "--as-of", AS_OF, "--lang", lang, columns=80))
    assert squash(said) in out


def test_a_late_raise_far_beyond_the_days_left_gives_the_plan_the_round_after(tmp_path: Path) -> None:
    """+560万 of R&D with 36 days of 2026 left (where 320万 a year brings some 32万) dated 小巨人 2027, and
    the round a full year's R&D reaches (2028) came as the plan's last step: a finance manager read a date
    no one could meet. A raise more than four times what the days left bring leads with 2028, 2026's R&D
    left as it is and 2027's the rest of the 1,200万; 2027 is the last step, only if the raise is made
    (``only_if_this_year`` in the JSON). Not before the last quarter, when the year still lies ahead."""
    path = tmp_path / "factory.yaml"
    path.write_text(FACTORY, encoding="utf-8")
    out = squash(cli("assess", str(path), "--as-of", AS_OF, "--lang", "zh", columns=80))
    assert squash("■ 专精特新\"小巨人\"企业：最早2028年申报（以2027年数据计）；以下各项全部做到后") in out
    assert "须在2026年余下的" not in out and "年内达不到" not in out
    plan = json.loads(cli("assess", str(path), "--as-of", AS_OF, "--format", "json", "--lang", "zh"))["plans"]["little_giant"]
    assert "研发费用（2027年）：320 → 880万元（+560；2027年尚无数据，320万元是按2025年的数额估计的）" in plan["text"]
    sooner = plan["text"][-1]
    assert sooner == ("只有在2026年余下的36天内使研发费用（2026年）达到880万元（须增加560万元，按目前的水平这36天约32万元），"
                      "才可能提前到2027年申报（以2026年数据计）：做到后请按实际数字重新评估")
    # 2026's R&D is not raised; kept at 2025's 320万, which 2027's 880万 leaves exactly enough, it is said to keep
    assert [t for t in plan["text"][:-1] if "研发费用（2026年）" in t] == [
        "研发费用（2026年）：须不低于320万元（本计划按2025年的320万元估计，正好达到；其他数据与估计不同时请重新评估）"]
    earlier = plan["only_if_this_year"]
    assert (plan["as_of"], earlier["as_of"], earlier["rounds_later"], plan["if_not_this_year"]) == \
        ("2028-11-26", "2027-11-26", 1, None)
    assert not any(m["path"] == "financials.2026.rd_expense" for m in plan["moves"])
    assert [Decimal(str(m["after"])) for m in plan["moves"] if m["path"] == "financials.2027.rd_expense"] == [880]
    assert [(r["path"], Decimal(str(r["after"])), Decimal(str(r["days_bring"]))) for r in earlier["raises"]] == \
        [("financials.2026.rd_expense", 880, 32)]
    en = squash(cli("assess", str(path), "--as-of", AS_OF, "--lang", "en", columns=80))
    assert squash("Sooner, in 2027 (on 2026 figures), only if, in the 36 days left of 2026, R&D expense 2026 reaches "
                  "880 (10k CNY) (+560; those days bring some 32 (10k CNY) at the present rate): if it does, assess "
                  "again on the actual figures") in en
    early = cli("assess", str(path), "--as-of", "2026-09-01", "--lang", "zh", columns=80)
    assert "年内达不到" not in early and "提前到" not in early
    plan = json.loads(cli("assess", str(path), "--as-of", "2026-09-01", "--format", "json"))["plans"]["little_giant"]
    assert plan["if_not_this_year"] is None and plan["only_if_this_year"] is None


NEARLY = """\
name: 苏州恒精密机械有限公司
industry: industrial
employees: 280
tech_staff: 60
niche_years: 10
registered_in_china: true
compliance: {abnormal_operation: false, serious_dishonesty: false, prohibited_products: false, major_incident: false,
  tax_violation: false, data_fabrication: false}
financials:
  2025: {revenue: 8000, main_revenue: 7300, rd_expense: 500, total_assets: 约12000, total_liabilities: 6000}
  2024: {revenue: 7600, rd_expense: 690}
ip: {class1: 6, class1_applied: 5, class1_top3_holder: 5}
rd_institution: city
market: {domestic_share: 12%, leading: true}
field: {chain_role: true, priority_domain: true}
titles: {innovative_sme: true, zjtx_sme: false}
platform_score: 62
exclusions: {single_champion: false, related_to_little_giant: false}
"""
"""An owner's interview: R&D 1,190 of the 1,200万 小巨人 asks over 2024-25, revenue up from 7,600万 in 2024."""


def test_the_sooner_round_names_every_figure_of_this_year_it_needs(tmp_path: Path) -> None:
    """On 5 December the 2027 小巨人 round needs 2026's R&D 500 → 700万 (beyond what 27 days bring) and 2026's
    revenue 8,000 → 8,379万 (the 5% growth from 2024's 7,600万), with main revenue in step: the last step
    named the R&D alone, and an owner who made it applied on a growth rate of 2.6%. Every figure of 2026
    the round moves is named now, the one beyond the days' reach with what they bring."""
    path = tmp_path / "nearly.yaml"
    path.write_text(NEARLY, encoding="utf-8")
    args = ("assess", str(path), "--as-of", "2026-12-05")
    plan = json.loads(cli(*args, "--format", "json", "--lang", "zh"))["plans"]["little_giant"]
    sooner = plan["text"][-1]
    assert sooner == ("只有在2026年余下的27天内使营业收入（2026年）达到8,379万元（须增加379万元）、主营业务收入（2026年）"
                      "随之达到7,646万元（保持主营业务占比）、研发费用（2026年）达到700万元（须增加200万元，按目前的水平"
                      "这27天约37万元），才可能提前到2027年申报（以2026年数据计）：做到后请按实际数字重新评估")
    moved = [m for m in plan["only_if_this_year"]["moves"] if m["path"].startswith("financials.2026.")]
    assert len(moved) == 3 and all(f"达到{Decimal(str(m['after'])):,}万元" in sooner for m in moved)  # the JSON's own
    terminal = squash(cli(*args, "--lang", "zh", columns=80))
    assert squash(sooner) in terminal
    en = squash(cli(*args, "--lang", "en", columns=80))
    assert squash("in the 27 days left of 2026, operating revenue 2026 reaches 8,379 (10k CNY) (+379), main-business "
                  "revenue 2026 rises with it to 7,646 (10k CNY) (keeping the main-business share) and R&D expense "
                  "2026 reaches 700 (10k CNY) (+200; those days bring some 37 (10k CNY) at the present rate)") in en
    # a figure the round needs lower (the debt ratio's 2026 liabilities) is said as a fall, never 「须增加-500万元」
    owes = squash(cli(*args, "--lang", "zh", "--set", "financials.2025.total_liabilities=9500", columns=80))
    assert squash("负债总额（2026年末）减到9,000万元（须减少500万元）、研发费用（2026年）达到700万元") in owes
    assert "须增加-" not in owes


SMALL_RD = """\
name: 甲
industry: industrial
employees: 120
rd_staff: 20
tech_staff: 25
niche_years: 2.5
registered_in_china: true
compliance: {abnormal_operation: false, serious_dishonesty: false, prohibited_products: false, major_incident: false, tax_violation: false, data_fabrication: false}
financials:
  2026: {revenue: 3000, main_revenue: 2800, rd_expense: 60}
  2025: {revenue: 3000, main_revenue: 2800, rd_expense: 150, net_profit: 200, total_assets: 4000, total_liabilities: 1500, total_costs: 2700}
  2024: {revenue: 2800, main_revenue: 2600, rd_expense: 140}
  2023: {revenue: 2500, main_revenue: 2300, rd_expense: 120}
ip: {class1: 2, class1_self_developed: 2, class1_applied: 2, class1_top3_holder: 2, class2: 5}
rd_institution: city
market: {domestic_share: 5, domestic_rank: 5, leading: true}
field: {chain_role: true, foundation: true, priority_domain: true}
titles: {innovative_sme: true, tech_sme: false, zjtx_sme: false, little_giant: false}
platform_score: 70
"""
"""A review's company: 60万 of R&D in 2026 so far, where 专精特新 asks 100万 in each of two years."""


@pytest.mark.parametrize("rd_2026", ["60", "0"])
def test_the_next_round_for_a_late_raise_is_one_that_needs_no_such_raise(tmp_path: Path, rd_2026: str) -> None:
    """2026's R&D 60 → 100万 with 36 days left: the round after was 2028, whose two years are 2026 and
    2027, so it needed the very raise it stood in for (its step hidden as the plan's own). The first
    round that reads no 2026 figure is 2029. A raise from 0 (the days bring nothing) is one too. Either
    raise is far beyond what the days bring (some 6万, or nothing): the plan is 2029's, which says why
    2028 cannot be either (2026's figure, not a closed year), and 2027 its last step, only if."""
    path = tmp_path / "co.yaml"
    path.write_text(SMALL_RD.replace("rd_expense: 60}", f"rd_expense: {rd_2026}}}"), encoding="utf-8")
    plan = json.loads(cli("assess", str(path), "--as-of", AS_OF, "--format", "json", "--lang", "zh"))["plans"]["zjtx_sme"]
    assert plan["as_of"] == "2029-11-26" and not any(m["path"].startswith("financials.2026.") for m in plan["moves"])
    earlier = plan["only_if_this_year"]
    assert earlier["as_of"] == "2027-11-26" and "financials.2026.rd_expense=100" in [m["set"] for m in earlier["moves"]]
    assert plan["text"][-1].startswith("只有在2026年余下的36天内使研发费用（2026年）达到100万元（须增加")
    assert "才可能提前到2027年申报（以2026年数据计）" in plan["text"][-1]
    assert "「近两年研发费用每年均不低于100万元，且每年占营业收入比重均不低于3%」也要看2026年的数据：按目前的水平，" \
           "2026年余下的天数达不到所需的数额（见最后一项）" in plan["text"]
    assert not any("取决于2026年的数据" in t for t in plan["text"])  # 2026 is no closed year


def test_the_markdown_report_reads_as_plain_text_without_entities() -> None:
    """Opened as plain text (as many do with a .md), the report had some hundred "&nbsp;"; the kept
    spaces are no-break space characters, which a Markdown table keeps and a text editor shows as spaces."""
    md = cli("assess", str(EXAMPLES / "little-giant-2026.yaml"), "--as-of", AS_OF, "--lang", "zh", "--format", "markdown")
    assert "&nbsp;" not in md and "&" not in md.replace("&amp;", "")
    assert "| ✅\u00a0满足 | ·\u00a0境内工商注册登记、具有独立法人资格† |" in md


def test_an_english_shortfall_is_written_in_the_units_of_its_title(tmp_path: Path) -> None:
    """"at least 12 million CNY (now 600 (10k CNY))" mixed two units in one line: beside a title in
    yuan the figure is in yuan too, every digit (11,996,000 CNY never rounds up to the 12 million)."""
    path = tmp_path / "factory.yaml"
    path.write_text(FACTORY.replace("rd_expense: 280", "rd_expense: 879.6"), encoding="utf-8")
    out = squash(cli("assess", str(path), "--as-of", AS_OF, "--lang", "en", columns=100))
    assert squash("at least 12 million CNY (now 11,996,000 CNY)") in out and "(10kCNY))" not in out


@pytest.mark.parametrize(("lang", "said"), [
    ("zh", "资料中最近的年度数据是2025年的，而评估日期 2027-01-15 的上年度是2026年：2026年的数据尚未填写"),
    ("en", "The profile's latest yearly figures are for 2025, but as of 2027-01-15 last year is 2026"),
])
def test_a_profile_assessed_after_new_year_says_its_figures_are_a_year_old(tmp_path: Path, lang: str,
                                                                           said: str) -> None:
    """A profile saved in 2026 and assessed in January 2027 turned every tier 未知, and the missing
    list led with awards rather than the 2026 accounts: the report now says so first, with what to do."""
    path = tmp_path / "factory.yaml"
    path.write_text(FACTORY, encoding="utf-8")
    later = squash(cli("assess", str(path), "--as-of", "2027-01-15", "--lang", lang, columns=80))
    assert squash(said) in later and "评估日期设在" not in later
    for fmt in ("markdown", "html"):
        assert squash(said) in squash(html.unescape(cli("assess", str(path), "--as-of", "2027-01-15", "--lang", lang,
                                                        "--format", fmt)))
    now = squash(cli("assess", str(path), "--as-of", AS_OF, "--lang", lang, columns=80))
    assert "最近的年度数据" not in now and "latest yearly figures" not in now


def test_a_tier_not_known_yet_lists_the_documents_for_what_it_already_meets(tmp_path: Path) -> None:
    """专精特新 is 未知 only for want of the platform score: its documents for the criteria already met
    (the R&D audit, the market-share statement) are listed, as they are once the score is given."""
    path = tmp_path / "factory.yaml"
    path.write_text(FACTORY, encoding="utf-8")
    out = squash(cli("assess", str(path), "--as-of", AS_OF, "--lang", "zh", columns=80))
    assert "?专精特新中小企业：未知" in out
    materials = out.split("需准备的材料")[1].split("依据说明")[0]
    assert "近两年研发费用专项审计报告" in materials


def test_an_sme_of_unknown_exact_size_is_said_to_be_an_sme(tmp_path: Path) -> None:
    """120 staff in industry make an SME whatever the revenue: the head said 企业规模：未知 beside a met
    SME condition, which read as a contradiction; every format now says it is an SME of a size still
    to be worked out, and a company with no figures at all stays 未知."""
    src = tmp_path / "co.yaml"
    src.write_text("name: 测试公司\nindustry: industrial\nemployees: 120\n", encoding="utf-8")
    bare = tmp_path / "bare.yaml"
    bare.write_text("name: 测试公司\n", encoding="utf-8")
    for fmt in ("text", "markdown", "html"):
        said = cli("assess", str(src), "--as-of", AS_OF, "--lang", "zh", "--format", fmt)
        assert "企业规模：中小企业（具体规模尚缺数据）" in said, fmt
        assert "企业规模：未知" in cli("assess", str(bare), "--as-of", AS_OF, "--lang", "zh", "--format", fmt), fmt
    assert "SME size: an SME (exact size needs more figures)" in cli("assess", str(src), "--as-of", AS_OF, "--lang", "en")


def test_a_share_to_raise_shows_its_percent_on_both_figures(tmp_path: Path) -> None:
    """"占有率：0.5 → 10%" read as a fraction beside a percentage: a share's first figure carries its % too,
    in the JSON step and the terminal plan; an amount keeps its unit once (10,200 → 10,800万元)."""
    data = yaml.safe_load((EXAMPLES / "little-giant-2022.yaml").read_text(encoding="utf-8"))
    data["market"] = {"domestic_share": 0.5}
    src = tmp_path / "share.yaml"
    src.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    doc = json.loads(cli("assess", str(src), "--as-of", "2026-03-01", "--lang", "zh", "--format", "json"))
    texts = [s["text"] for g in doc["gaps"].values() for s in g["steps"]]
    assert any(t.startswith("主导产品国内细分市场占有率：0.5% → 10%（+9.5个百分点）") for t in texts), texts
    shown = cli("assess", str(src), "--as-of", "2026-03-01", "--lang", "zh")
    assert "主导产品国内细分市场占有率：0.5% → 10%" in shown and "0.5 → 10%" not in shown


def test_a_plan_checked_on_amounts_typed_in_yuan_says_so(tmp_path: Path) -> None:
    """A profile whose amounts were typed in 元 (38,600,000 for 3,860万) got a warning box, then a plan 「已验证」
    that asked only for 2 more patents: a reader who skipped the box took it for the company's plan. Each
    plan checked on such figures says so first; one on plausible figures does not."""
    data = yaml.safe_load((EXAMPLES / "little-giant-2026.yaml").read_text(encoding="utf-8"))
    data["financials"] = {year: {k: v * 10000 if isinstance(v, int) and k != "total_costs" else v for k, v in fig.items()}
                          for year, fig in data["financials"].items()}
    data["ip"]["class1"] = data["ip"]["class1_self_developed"] = data["ip"]["class1_applied"] = 2
    data["ip"]["class1_top3_holder"], data["ip"]["class1_high_value"] = 2, 0
    path = tmp_path / "yuan.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    said = "所填金额疑似把「元」当成了「万元」（见上方「请先核对」）：本计划按所填数字验证，核对改正后请重新评估"
    out = squash(cli("assess", str(path), "--as-of", AS_OF, "--lang", "zh", columns=80))
    assert "请先核对" in out and squash("· " + said) in out
    assert out.index("行动计划") < out.index(squash(said))
    en = cli("assess", str(path), "--as-of", AS_OF, "--lang", "en", columns=200)
    assert "amounts look typed in CNY rather than 10k CNY (see the check above)" in en
    plain = squash(cli("assess", str(EXAMPLES / "little-giant-2026.yaml"), "--as-of", AS_OF, "--lang", "zh", "--set",
                       "ip.class1_top3_holder=2", columns=80))
    assert "行动计划" in plain and squash(said) not in plain
