"""A tier met, or awaiting only the authority's review, has its line in 行动计划: when it can be applied
for and what the authority judges, with the evidence to send. A 小巨人 「待审核」 had none, so the plan
spoke of 专精特新 alone and a client read 小巨人 as nothing to do."""

from __future__ import annotations

import html
import json
import re

from tests.conftest import EXAMPLES
from tests.test_reports import cli, squash

AS_OF = "2026-11-26"
GIANT = str(EXAMPLES / "little-giant-2026.yaml")  # 小巨人 awaits review; 专精特新 and 科技和创新型 held
TIER1 = str(EXAMPLES / "tier1-only.yaml")  # 科技和创新型 met, not held
LATE_2026 = ("可在下一次申报时申报（以2025年数据计；申报时间以各地主管部门的通知为准，2026年的申报如已结束，"
             "2027年申报时看2026年的数据，届时请重新评估）")


def _plan(text: str) -> str:
    return squash(text.split("行动计划", 1)[1].split("需准备的材料", 1)[0])


def test_a_tier_awaiting_review_says_when_to_apply_and_what_the_authority_judges() -> None:
    """小巨人 awaiting review: its plan line dates the application (this round, on last year's figures) and
    lists each item the authority judges with the evidence to send, in the terminal at 80 columns, in
    Markdown and in HTML; the held tiers say they need no application."""
    head = squash(f'专精特新"小巨人"企业：数据方面的条件均已满足，{LATE_2026}；以下各项由认定机关审核（所列材料随申报提交）')
    item = squash("位于产业链关键环节：配套关系证明（主要客户、采购合同）、替代进口或首台套证明")
    for fmt in ("text", "markdown", "html"):
        out = cli("assess", GIANT, "--as-of", AS_OF, "--lang", "zh", "--format", fmt, columns=80)
        plan = _plan(html.unescape(re.sub(r"<[^>]+>|\*\*", "", out)))
        assert head in plan and item in plan[plan.index(head):], (fmt, plan)
        assert squash("专精特新中小企业：已持有这一称号，有效期内无需再申报，到期前按复核条件复核") in plan
        assert squash("科技和创新型中小企业：已持有这一称号，有效期内无需再申报") in plan


def test_a_met_tier_not_held_says_when_to_apply() -> None:
    """科技和创新型 met and not held: 「各项条件均已满足，可在下一次申报时申报」 before the 专精特新 plan."""
    plan = _plan(cli("assess", TIER1, "--as-of", AS_OF, "--lang", "zh", columns=80))
    line = squash(f"科技和创新型中小企业：各项条件均已满足，{LATE_2026}")
    assert line in plan and plan.index(line) < plan.index(squash("专精特新中小企业："))


def test_a_met_tier_late_in_the_year_names_no_round_the_windows_may_have_closed() -> None:
    """On 5 December, with 27 days of the year left, 「最早2026年即可申报」 named a round whose windows each
    province sets and has mostly closed. The line says the next round, on last year's figures, that the
    authorities set the dates, and that a round next year reads this year's figures; mid-year, without
    that last clause. In the terminal, Markdown, HTML and English alike."""
    for fmt in ("text", "markdown", "html"):
        out = cli("assess", TIER1, "--as-of", "2026-12-05", "--lang", "zh", "--format", fmt, columns=80)
        plan = _plan(html.unescape(re.sub(r"<[^>]+>|\*\*", "", out)))
        assert squash(f"科技和创新型中小企业：各项条件均已满足，{LATE_2026}") in plan, (fmt, plan)
        assert "即可申报" not in plan and "最早2026年" not in plan
    plan = _plan(cli("assess", TIER1, "--as-of", "2026-06-01", "--lang", "zh", columns=80))
    assert squash("科技和创新型中小企业：各项条件均已满足，可在下一次申报时申报（以2025年数据计；申报时间以各地主管部门的"
                  "通知为准）") in plan
    en = squash(cli("assess", TIER1, "--as-of", "2026-12-05", "--lang", "en", columns=80))
    assert squash("every condition is met, so it can be applied for in the next round (on 2025 figures; each "
                  "authority sets its dates; if 2026's rounds are over, a 2027 application is judged on 2026 "
                  "figures: assess again then)") in en


def test_a_renewal_awaiting_review_says_renewal_not_application() -> None:
    """The renewed tier awaiting review speaks of its renewal, not of an application."""
    plan = _plan(cli("assess", GIANT, "--as-of", AS_OF, "--lang", "zh", "--renewal", "zjtx_sme", columns=80))
    assert squash("专精特新中小企业：数据方面的复核条件均已满足，可按期申请复核；以下各项由认定机关审核") in plan


def test_the_json_keeps_plans_for_tiers_not_met_only() -> None:
    """The JSON contract is unchanged: ``plans`` holds the checked plans of tiers not met, as before."""
    doc = json.loads(cli("assess", GIANT, "--as-of", AS_OF, "--lang", "zh", "--format", "json"))
    assert "little_giant" not in doc.get("plans", {})


def _materials(text: str) -> str:
    return text.split("需准备的材料", 1)[1].split("依据说明", 1)[0]


def test_materials_are_grouped_by_tier_so_the_little_giant_documents_can_be_told_apart() -> None:
    """需准备的材料 was one flat list: a client could not tell which documents were for 小巨人. Now the
    shared conditions come first under their own heading, then each tier with its own documents: under
    小巨人 its score screenshot, though 专精特新 lists the same one. A tier whose title is held is not
    applied for: one line says so (the example holds 科技和创新型; 专精特新 set as not held here)."""
    for fmt in ("text", "markdown", "html"):
        out = html.unescape(re.sub(r"<[^>]+>|\*\*", "", cli("assess", GIANT, "--as-of", AS_OF, "--lang", "zh",
                                                              "--set", "titles.zjtx_sme=false",
                                                              "--format", fmt, columns=80)))
        lines = [re.sub(r"^[■•\-\s]+", "", x) for x in _materials(out).splitlines() if x.strip()]
        heads = ["各层级共用", "科技和创新型中小企业", "专精特新中小企业", '专精特新"小巨人"企业']
        assert [x for x in lines if x in heads] == heads, (fmt, lines)
        assert lines[lines.index(heads[1]) + 1] == "已持有，无需准备", (fmt, lines)
        zjtx = squash("".join(lines[lines.index(heads[2]):lines.index(heads[3])]))
        giant = squash("".join(lines[lines.index(heads[-1]):]))
        assert "位于产业链关键环节：" in giant and "本年度专精特新发展评价得分不低于60分：官方平台评价结果截图" in giant
        assert "官方平台评价结果截图" in zjtx
        shared = squash("".join(lines[:lines.index(heads[1])]))
        assert "营业执照" in shared and squash(out).count("：营业执照") == 1


def test_a_held_title_needs_no_materials_and_the_tier_to_apply_for_lists_them_all() -> None:
    """The plan said 「科技和创新型中小企业：已持有这一称号，有效期内无需再申报」 while 需准备的材料 listed four
    documents for that tier, and as many for 专精特新, also held: a held title (not the one a run renews)
    is not applied for, so each says 「已持有，无需准备」 in one line. 小巨人, the one tier to apply for, keeps
    every document, the shared ones (营业执照) under it, in every format."""
    for fmt in ("text", "markdown", "html"):
        out = html.unescape(re.sub(r"<[^>]+>|\*\*", "", cli("assess", GIANT, "--as-of", AS_OF, "--lang", "zh",
                                                              "--format", fmt, columns=80)))
        lines = [re.sub(r"^[■•\-\s]+", "", x) for x in _materials(out).splitlines() if x.strip()]
        heads = ["科技和创新型中小企业", "专精特新中小企业", '专精特新"小巨人"企业']
        assert [x for x in lines if x in [*heads, "各层级共用"]] == heads, (fmt, lines)
        assert lines[:4] == [heads[0], "已持有，无需准备", heads[1], "已持有，无需准备"], (fmt, lines)
        giant = squash("".join(lines[lines.index(heads[-1]):]))
        for doc in ("营业执照", "省级专精特新中小企业认定文件", "近两年研发费用专项审计报告", "官方平台评价结果截图"):
            assert doc in giant, (fmt, doc)
        assert squash(out).count("：营业执照") == 1
    en = cli("assess", GIANT, "--as-of", AS_OF, "--lang", "en", columns=80)
    assert en.split("Evidence to prepare", 1)[1].count("Title held: nothing to prepare") == 2
    # the title this run renews is applied for (its renewal): its documents stay
    renewal = cli("assess", GIANT, "--as-of", AS_OF, "--lang", "zh", "--renewal", "zjtx_sme", columns=80)
    assert _materials(renewal).count("已持有，无需准备") == 1


def test_a_held_title_with_no_renewal_is_not_planned_for_however_a_new_application_would_fare() -> None:
    """科技和创新型中小企业 held (it has no 复核), judged 未知 as a new application for want of answers: its plan
    listed 19 questions under 「先回答以下问题才能判定」, as if the title the company has were still to be won.
    The plan says it needs no application while valid, and the verdict's line says why it reads 未知, in
    every format and in English; the tier above, not held, keeps its questions."""
    half = str(EXAMPLES / "half-missing.yaml")  # 创新型 held; tier 1 未知
    for fmt in ("text", "markdown", "html"):
        out = squash(html.unescape(re.sub(r"<[^>]+>|\*\*", "", cli("assess", half, "--as-of", AS_OF, "--lang", "zh",
                                                                   "--format", fmt, columns=80))))
        plan = _plan(out)
        held, asked = "科技和创新型中小企业：已持有这一称号，有效期内无需再申报", "专精特新中小企业：先回答以下问题才能判定"
        assert held in plan and asked in plan and plan.index(held) < plan.index(asked), (fmt, plan)
        assert plan.count("先回答以下问题才能判定") == 1, fmt
        summary = out.split("行动计划", 1)[0]
        assert "19项。已持有这一称号，有效期内无需再申报；以上是按新申请条件判定的结果" in summary, (fmt, summary)
    en = cli("assess", half, "--as-of", AS_OF, "--lang", "en", columns=80)
    assert "holds this title: no application while it is valid; the above judges it as a new application" \
        in " ".join(en.split()), en
    doc = json.loads(cli("assess", half, "--as-of", AS_OF, "--format", "json"))
    assert doc["tiers"]["innovative_sme"]["status"] == "unknown"  # the verdict itself is unchanged
