"""A title the company holds and keeps by its renewal (复核), judged as a new application in a run renewing
the other title, has no application plan: a 小巨人 company
renewing its 专精特新 read 「专精特新"小巨人"企业：最早2027年申报……」 for the title it holds, as if it had to
win it again. The plan says it is held, renewed under the renewal clauses, and that the verdict above is a
new application's; the verdict itself is unchanged."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.conftest import EXAMPLES
from tests.test_reports import cli, squash

AS_OF = "2026-11-26"
HELD = squash('专精特新"小巨人"企业：已持有这一称号，有效期内无需再申报，到期前按复核条件复核；'
              "上面的结论是按新申请条件判定的，不是复核的结论")


def _giant_holder(tmp_path: Path, score: int) -> str:
    """The 2026 sample holding 小巨人 too, this year's platform score ``score`` (last year's 65)."""
    doc = yaml.safe_load((EXAMPLES / "little-giant-2026.yaml").read_text(encoding="utf-8"))
    doc["titles"]["little_giant"] = True
    doc["platform_score"] = score
    doc["platform_score_previous"] = 65
    path = tmp_path / f"持有小巨人-{score}.yaml"
    path.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    return str(path)


def _plan(text: str) -> str:
    return squash(text.split("行动计划", 1)[1].split("需准备的材料", 1)[0])


def test_a_held_little_giant_failing_as_a_new_application_gets_no_application_date(tmp_path: Path) -> None:
    """Renewing 专精特新, the 小巨人 it holds fails the new application's score of 60 (45): in the terminal at 80
    columns, Markdown and HTML the plan says it is held and renewed apart, with no round to apply in."""
    path = _giant_holder(tmp_path, 45)
    for fmt in ("text", "markdown", "html"):
        out = cli("assess", path, "--as-of", AS_OF, "--lang", "zh", "--renewal", "zjtx_sme", "--format", fmt,
                  columns=80)
        plan = _plan(html.unescape(re.sub(r"<[^>]+>|\*\*", "", out)))
        assert HELD in plan, (fmt, plan)
        giant = plan[plan.index(HELD):]
        assert "申报（以" not in giant and "最早" not in giant, (fmt, plan)
    en = " ".join(cli("assess", path, "--as-of", AS_OF, "--lang", "en", "--renewal", "zjtx_sme", columns=80).split())
    assert ("the company holds this title: no application while it is valid; before it expires it is renewed "
            "under the renewal clauses. The verdict above judges a new application, not the renewal") in en, en
    doc = json.loads(cli("assess", path, "--as-of", AS_OF, "--renewal", "zjtx_sme", "--format", "json"))
    assert doc["tiers"]["little_giant"]["status"] == "unmet"  # the verdict itself is unchanged


@settings(max_examples=6, deadline=None)
@given(score=st.integers(min_value=0, max_value=59))
def test_a_held_title_judged_as_a_new_application_is_never_dated(tmp_path_factory: object, score: int) -> None:
    """Whatever this year's score below the new application's 60, a run renewing 专精特新 dates no application
    for the 小巨人 it holds and asks no question for it; the hint under the report says how to judge its renewal.
    A run with no --renewal plans none either: it planned the held title as a new application, 「最早……申报」 and
    a score to raise, under a verdict saying the title is held (found trying the tool as a finance manager)."""
    tmp = tmp_path_factory.mktemp("held")  # type: ignore[attr-defined]
    path = _giant_holder(tmp, score)
    out = cli("assess", path, "--as-of", AS_OF, "--lang", "zh", "--renewal", "专精特新", columns=80)
    assert HELD in _plan(out), out
    assert squash("把命令中的 --renewal 改为 --renewal 专精特新小巨人企业") in squash(out)
    new = cli("assess", path, "--as-of", AS_OF, "--lang", "zh", columns=80)
    assert HELD in _plan(new), new
    giant = _plan(new)[_plan(new).index(HELD):]
    assert "申报（以" not in giant and "→ 60分" not in giant, new
    assert squash("在同一条命令后面加上 --renewal 专精特新小巨人企业 再运行一次") in squash(new)


def _basis(out: str) -> str:
    return " ".join(out.split("评估依据" if "评估依据" in out else "What this rests on", 1)[1].split())


def test_the_basis_says_whether_a_new_application_today_follows_the_measures_the_other_tiers_used(
        tmp_path: Path) -> None:
    """A 2027 小巨人 renewal judges 专精特新 beside it by the 2026 measures, as a new application that day is:
    the basis said 「仅供参考，不代表今天新申请适用的标准」, which read as if it were not. In November 2026 (the
    2022 measures under 117号) it now names the measures a new application follows instead."""
    path = _giant_holder(tmp_path, 70)
    later = squash(_basis(cli("assess", path, "--as-of", "2027-03-01", "--renewal", "小巨人", "--lang", "zh",
                              columns=80)))
    assert squash("的新申请条件评估，仅供参考；今天新申请也按这一办法。") in later, later
    assert "不代表" not in later
    now = squash(_basis(cli("assess", path, "--as-of", AS_OF, "--renewal", "小巨人", "--lang", "zh", columns=80)))
    assert squash("仅供参考；今天新申请按《优质中小企业梯度培育管理办法（2026）》，结论可能不同。") in now, now
    en = _basis(cli("assess", path, "--as-of", "2027-03-01", "--renewal", "little_giant", "--lang", "en", columns=80))
    assert "for reference only; a new application today follows the same measures." in en, en


def test_the_basis_names_what_the_renewal_checks_that_a_new_application_does_not(tmp_path: Path) -> None:
    """A 2027 小巨人 renewal said only 「该层级按复核条款评估」: a finance manager who knows the published criteria
    looked for the 5% growth and the score of 60 this year. The basis names the renewal's own condition and
    the ones it leaves out, from the rule data, in the terminal, Markdown and HTML; and the 2025 round's
    waiver of the growth condition (190号)."""
    path = _giant_holder(tmp_path, 55)
    for fmt in ("text", "markdown", "html"):
        out = html.unescape(re.sub(r"<[^>]+>|\*\*", "", cli("assess", path, "--as-of", "2027-03-01", "--renewal",
                                                             "little_giant", "--lang", "zh", "--format", fmt,
                                                             columns=80)))
        assert squash("复核与新申请条件的不同：复核按「近两年任一年度专精特新发展评价得分不低于60分」评估，"
                      "不评估「近两年营业收入复合增长率不低于5%」「本年度专精特新发展评价得分不低于60分」。") \
            in squash(out), (fmt, out)
    en = " ".join(cli("assess", path, "--as-of", "2027-03-01", "--renewal", "zjtx_sme", "--lang", "en",
                      columns=80).split())
    assert ('Where the renewal differs from a new application: the renewal checks "development-evaluation score '
            'at least 50 in either of the last two years"; it does not check "This year\'s development-evaluation '
            'score at least 50".') in en, en
    doc = yaml.safe_load((EXAMPLES / "little-giant-2022.yaml").read_text(encoding="utf-8"))
    doc["titles"]["little_giant"] = True
    old = tmp_path / "2022.yaml"
    old.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    out = squash(cli("assess", str(old), "--as-of", "2025-09-01", "--renewal", "小巨人", "--lang", "zh", columns=80))
    assert squash("复核与新申请条件的不同：不评估「近2年主营业务收入平均增长率不低于5%」。") in out, out


def test_a_renewal_of_a_title_answered_not_held_is_not_told_to_apply_for_its_renewal(tmp_path: Path) -> None:
    """Renewing 小巨人 that the profile says is not held: under 「没有这一称号，就谈不上复核」 the plan read
    「数据方面的复核条件均已满足，可按期申请复核」. It now says there is nothing to renew, in zh and en."""
    doc = yaml.safe_load((EXAMPLES / "little-giant-2026.yaml").read_text(encoding="utf-8"))  # 小巨人: 否
    path = tmp_path / "未持有.yaml"
    path.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    out = cli("assess", str(path), "--as-of", AS_OF, "--renewal", "little_giant", "--lang", "zh", columns=80)
    plan = _plan(out)
    assert squash('专精特新"小巨人"企业：数据方面的复核条件均已满足，但资料中填的是未持有这一称号，无从复核') \
        in plan, plan
    assert "可按期申请复核" not in plan
    en = " ".join(cli("assess", str(path), "--as-of", AS_OF, "--renewal", "little_giant", "--lang", "en",
                      columns=80).split())
    assert "does not hold this title: there is nothing to renew" in en, en
    assert "apply for it when due" not in en


def test_a_renewal_that_cannot_pass_names_the_condition_its_past_figures_fail(tmp_path: Path) -> None:
    """November 2026, 小巨人's renewal under the 2022 measures (117号), main-business growth 0.46%: the plan
    read 「「专业化」取决于2023、2024、2025年的数据，已无法改变」, the heading of six conditions; it names the one."""
    doc = yaml.safe_load((EXAMPLES / "little-giant-2022.yaml").read_text(encoding="utf-8"))
    doc["titles"]["little_giant"] = True
    doc["financials"] = {"2025": {**doc["financials"][max(doc["financials"])], "revenue": 12000, "main_revenue": 11000},
                         "2024": {"revenue": 11950, "main_revenue": 10950, "rd_expense": 600},
                         "2023": {"revenue": 11900, "main_revenue": 10900, "rd_expense": 600}}
    path = tmp_path / "增长不足.yaml"
    path.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    out = squash(cli("assess", str(path), "--as-of", AS_OF, "--renewal", "小巨人", "--lang", "zh", columns=80))
    assert squash("「近2年主营业务收入平均增长率不低于5%」取决于2023、2024、2025年的数据，已无法改变") in out, out
    assert "「专业化」取决于" not in out
