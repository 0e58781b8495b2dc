"""The CLI's own messages in zh and en (rule texts carry their own zh/en)."""

from __future__ import annotations

import os
import re
import sys

STATUS = {
    "met": {"zh": "满足", "en": "met"},
    "unmet": {"zh": "不满足", "en": "not met"},
    "unknown": {"zh": "未知", "en": "unknown"},
    "manual_review": {"zh": "待审核", "en": "awaits review"},
}
SIZE = {
    "micro": {"zh": "微型", "en": "micro"},
    "small": {"zh": "小型", "en": "small"},
    "medium": {"zh": "中型", "en": "medium"},
    "large": {"zh": "大型", "en": "large"},
    None: {"zh": "未知", "en": "unknown"},
}
MESSAGES = {
    "score": {"zh": "得分", "en": "Score"},
    "criterion": {"zh": "条件", "en": "Criterion"},
    "status": {"zh": "状态", "en": "Status"},
    "detail": {"zh": "计算与说明", "en": "Computation"},
    "sme": {"zh": "企业规模", "en": "SME size"},
    "rules": {"zh": "规则版本", "en": "Rule set"},
    "as_of": {"zh": "评估日期", "en": "As of"},
    "last_year": {"zh": "上年度", "en": "Last year"},
    "renewal": {"zh": "复核", "en": "renewal"},
    "missing": {"zh": "缺少的数据", "en": "Missing data"},
    "evidence": {"zh": "需准备的材料", "en": "Evidence to prepare"},
    "disclaimer": {
        "zh": "本报告为企业自评结果，不是主管部门的正式认定。",
        "en": "This is a self-assessment, not an official determination.",
    },
    "confidence": {"zh": "依据可靠度", "en": "Source confidence"},
    "tool": {"zh": "工具版本", "en": "Tool version"},
    # the interview (interactive.py)
    "interview.intro": {
        "zh": "littlegiant 交互式自评（{rules}；评估日期 {as_of}，上年度 = {year} 年）。\n{renewal}"
              "不知道就直接回车（或输入「不知道」）；输入 ? 看这道题的说明；输入 < 回到上一题。\n"
              "每答一题都会保存到 {save}。输入「退出」或按 Ctrl-C 可随时中断，下次继续。\n",
        "en": "littlegiant interactive assessment ({rules}; as of {as_of}, last year = {year}).\n{renewal}"
              "Enter (or typing \"don't know\") = don't know; ? explains the question; < goes back one question.\n"
              "Every answer is saved to {save} at once; typing quit (or Ctrl-C) stops and you can resume later.\n",
    },
    # the opening line under --renewal (or a renewal resumed): which kind of assessment, where the user first looks
    "interview.intro_renewal": {"zh": "本次为{title}复核。\n", "en": "This is a renewal (复核) of {title}.\n"},
    # the resume question, when the save file says its answers were given for another kind of assessment
    "interview.renewal_resumed": {"zh": "这些回答是按{title}复核填写的，这次仍按复核评估。\n",
                                  "en": "These answers were given for a renewal (复核) of {title}: this sitting is "
                                        "that renewal too.\n"},
    "interview.renewal_changed": {"zh": "这些回答是按{was}填写的，这次按您指定的{title}复核评估。\n",
                                  "en": "These answers were given for {was}; this sitting is, as you asked, a renewal "
                                        "(复核) of {title}.\n"},
    "interview.application_changed": {"zh": "这些回答是按{was}填写的，这次按您指定的新申请评估，不是复核。\n",
                                      "en": "These answers were given for {was}; this sitting is, as you asked, a new "
                                            "application, not a renewal.\n"},
    "interview.renewal_was": {"zh": "{title}复核", "en": "a renewal (复核) of {title}"},
    "interview.application_was": {"zh": "新申请", "en": "a new application"},
    "interview.in_chinese": {"zh": "中文界面：输入 quit 退出后，运行 {command}（已答的题会保留）\n",
                             "en": "中文界面：输入 quit 退出后，运行 {command}（已答的题会保留）\n"},
    "interview.question": {"zh": "第 {n} 题，最多共 {total} 题  {bar}", "en": "Question {n} of at most {total}  {bar}"},
    "interview.question_more": {"zh": "第 {n} 题，最多共 {total} 题（因改了回答而增加）  {bar}",
                                "en": "Question {n} of at most {total} (up: an answer changed)  {bar}"},
    "interview.edit": {"zh": "修改这一项（现在是：{now}；直接回车保留不变）", "en": "Change this answer (now: {now}; Enter keeps it)"},
    "interview.back": {"zh": "回到上一题（刚才答的是：{was}；直接回车保留不变）",
                       "en": "Back one question (you answered: {was}; Enter keeps it)"},
    "interview.asked_otherwise": {"zh": "「{label}」是按《{rules}》的问题回答的，现在问的是另一回事，稍后会再问一次。\n",
                                  "en": "'{label}' was answered to the question of {rules}, which asked something else: "
                                        "it is asked again below.\n"},
    "interview.unknown_set": {"zh": "这些回答注明是按“{said}”的问题填写的，本工具没有收录这个规则版本，无法核对有没有问法"
                                    "不同的问题；这次按《{rules}》继续，之后保存时会注明按它填写。\n",
                              "en": "These answers say they were given to the questions of \"{said}\", a rule set this "
                                    "tool does not have, so questions asked in other words cannot be found; this sitting "
                                    "goes on under {rules}, and saving names it.\n"},
    "interview.kept_answer": {"zh": "→ 保留原来的回答：{now}", "en": "→ kept as it was: {now}"},
    "interview.first": {"zh": "  这已是本次的第一题，无法再往回。\n", "en": "  This is the first question of this sitting; there is nothing to go back to.\n"},
    "interview.first_resumed": {"zh": "  这已是本次的第一题，无法再往回；上次答过的题，答完后可在核对列表中按编号修改。\n",
                                "en": "  This is the first question of this sitting; answers from the earlier sitting can be changed by their number in the list shown at the end.\n"},
    "interview.yesno": {"zh": "[是/否]", "en": "[y/n]"},
    "interview.yesno_retry": {"zh": "  请回答是或否：", "en": "  Please answer y or n: "},
    "interview.pick": {"zh": "输入编号或名称", "en": "type a number or a name"},
    "interview.money_hint": {"zh": "单位万元；也可写 500万、0.8亿、80,000,000元", "en": "in 万元 (10k CNY); 80 million, 3,200,000 CNY, 500万 or 0.8亿 work too"},
    "interview.unknown_value": {"zh": "不知道", "en": "don't know"},
    "interview.about": {"zh": "约", "en": "about "},
    "interview.since_counted": {"zh": "（算到{last_year}年末，{year}年当年不计；如是{year}年1月开始，可直接填{more}）",
                                "en": " (to the end of {last_year}, not counting {year} itself; if it began in January "
                                      "{year}, type {more})"},
    "interview.since_hint": {"zh": "；也可以写“{year}年开始”，由本工具算出年数", "en": "; or type \"since {year}\" and the years are counted for you"},
    "interview.no_help": {"zh": "这道题没有更多说明。", "en": "No more help for this question."},
    "interview.retry": {"zh": "  ✗ {msg}。请重新输入（回车表示不知道，? 看说明）\n",
                        "en": "  ✗ {msg}. Please answer again (Enter = don't know, ? = help)\n"},
    "interview.retry_keep": {"zh": "  ✗ {msg}。请重新输入（回车保留原来的回答，? 看说明）\n",
                             "en": "  ✗ {msg}. Please answer again (Enter keeps the answer as it was, ? = help)\n"},
    "interview.share_typed": {"zh": "这里要填金额，不是比例：{pct}按{bases}", "en": "An amount is asked here, not a share: {pct} of {bases}"},
    "interview.share_base": {"zh": "{label}{said}计为{amount}", "en": "{label}, {said}, is {amount}"},
    "interview.share_sep": {"zh": "，按", "en": "; of "},
    "interview.share_unknown": {"zh": "这里要填金额，不是比例；请换算成金额后填写", "en": "An amount is asked here, not a share; please work out the amount and type it"},
    "interview.share_typed_count": {"zh": "这里要填{what}，不是比例：{pct}按{bases}", "en": "{what} is asked here, not a share: {pct} of {bases}"},
    "interview.share_unknown_count": {"zh": "这里要填{what}，不是比例；请换算成{what}后填写",
                                      "en": "{what} is asked here, not a share; please work it out and type it"},
    "interview.count_of_people": {"zh": "人数", "en": "A number of people"},
    "interview.count_of_ip": {"zh": "项数", "en": "A number of items"},
    "interview.count_of_items": {"zh": "数目", "en": "A count"},
    "interview.none_is_zero": {"zh": "没有的话请填 0；不知道就直接回车。", "en": "If there is none, type 0; if you don't know, press Enter."},
    "interview.none_is_zero_keep": {"zh": "没有的话请填 0；不知道请输入「不知道」；直接回车保留原来的回答。",
                                    "en": "If there is none, type 0; if you don't know, type \"don't know\"; "
                                          "Enter keeps the answer as it was."},
    "interview.none_is_whole": {"zh": "如果收入全部来自主营业务，请填与营业收入相同的数额；确实没有的请填 0；不知道就直接回车。",
                                "en": "If all of the revenue comes from the main business, type the revenue's amount; "
                                      "if there truly is none, type 0; if you don't know, press Enter."},
    "interview.none_is_whole_keep": {"zh": "如果收入全部来自主营业务，请填与营业收入相同的数额；确实没有的请填 0；"
                                           "不知道请输入「不知道」；直接回车保留原来的回答。",
                                     "en": "If all of the revenue comes from the main business, type the revenue's amount; "
                                           "if there truly is none, type 0; if you don't know, type \"don't know\"; "
                                           "Enter keeps the answer as it was."},
    "interview.none_is_assets": {"zh": "企业总有资产（至少有货币资金），资产总额不会是 0：请填资产负债表“资产总计”行的年末数；"
                                       "不知道就直接回车。",
                                 "en": "A company always holds some assets (its cash at least), so total assets are never "
                                       "0: type the \"total assets\" line of the balance sheet at year end; if you don't "
                                       "know, press Enter."},
    "interview.none_is_assets_keep": {"zh": "企业总有资产（至少有货币资金），资产总额不会是 0：请填资产负债表“资产总计”行的"
                                            "年末数；不知道请输入「不知道」；直接回车保留原来的回答。",
                                      "en": "A company always holds some assets (its cash at least), so total assets are "
                                            "never 0: type the \"total assets\" line of the balance sheet at year end; if "
                                            "you don't know, type \"don't know\"; Enter keeps the answer as it was."},
    "interview.none_is_unknown": {"zh": "没有的话直接回车（记为「不知道」）。", "en": "If there is none, press Enter (don't know)."},
    "interview.none_is_unknown_keep": {"zh": "没有的话请输入「不知道」；直接回车保留原来的回答。",
                                       "en": "If there is none, type \"don't know\"; Enter keeps the answer as it was."},
    "interview.changed_to": {"zh": "→ 改为：{now}", "en": "→ changed to: {now}"},
    "interview.unknown": {"zh": "  → 记为「不知道」\n", "en": "  → recorded as \"don't know\"\n"},
    "interview.again": {"zh": "请重新输入。", "en": " Please answer again."},
    "interview.again_plain": {"zh": "好的，请重新回答：{question}", "en": "Then please answer again: {question}"},
    "interview.again_other": {
        "zh": "（如果填错的是之前的{other}{other_value}：本题照实再填一次即可，不再询问；之后在汇总里修改那一项。）",
        "en": " (If the earlier {other} of {other_value} is the slip: type this figure again and it is kept, not asked "
              "about again; then change that one in the summary.)",
    },
    "interview.confirm": {"zh": "确认无误吗？[是/否]", "en": " Is that right? [y/n]"},
    "interview.fix_earlier": {
        "zh": "若是之前那一项填错了，可先回车跳过本题，最后在汇总里修改。",
        "en": " If the earlier answer is the wrong one, press Enter here and change it in the summary at the end.",
    },
    "interview.fix_earlier_held": {
        "zh": "本项原来的回答不能保留：请输入新的数字；若是之前那一项填错了，可输入 < 回去修改，或输入「不知道」先跳过本题。",
        "en": " The answer this question had cannot be kept: type a new figure; if the earlier answer is the wrong "
              "one, type < to go back to it, or \"don't know\" to skip this one.",
    },
    "interview.fix_earlier_keep": {
        "zh": "若是之前那一项填错了，可先回车保留本项原来的回答，再在汇总里修改那一项。",
        "en": " If the earlier answer is the wrong one, press Enter to keep this one as it was, then change "
              "the earlier one in the summary.",
    },
    "interview.above": {
        "zh": "{this}{value}，高于{other}{other_value}，这很少见。",
        "en": "{this} of {value} is above {other} of {other_value}, which is unusual.",
    },
    "interview.above_yuan": {"zh": "如果填的是「元」，应填 {wan}（万元）。", "en": " If typed in yuan, it is {wan} (10k CNY) to enter."},
    "interview.below": {
        "zh": "{this}{value}，低于已填的{other}{other_value}，这很少见。",
        "en": "{this} of {value} is below {other} of {other_value} already given, which is unusual.",
    },
    "interview.growth": {
        "zh": "{this}{value}，与{other}{other_value}相比变化{growth}%，幅度异常大。",
        "en": "{this} of {value} against {other} of {other_value} is a change of {growth}%, unusually large.",
    },
    "interview.large": {
        "zh": "{this}{value}，超出常见范围（一般不超过{limit}）。",
        "en": "{this} of {value} is beyond the usual range (at most {limit} as a rule).",
    },
    "interview.fraction": {
        "zh": "{this}{value}：如果想填的是小数（{typed} 即 {percent}%），请改填 {percent}。",
        "en": "{this} of {value}: if a fraction was meant ({typed} for {percent}%), enter {percent} instead.",
    },
    "interview.ratio": {
        "zh": "{this}{value}，不到{other}{other_value}的1%：如果填的是比例（{typed} 即 {percent}%），应填金额约 {amount}。",
        "en": "{this} of {value} is under 1% of {other} of {other_value}: if the ratio was entered ({typed} for "
              "{percent}%), the amount is about {amount}.",
    },
    "interview.large_money": {
        "zh": "{this}{value}，即{yi}亿元，是否把「元」当成了「万元」？",
        "en": "{this} of {value} is {yi} billion CNY: was an amount in yuan entered as 10k CNY?",
    },
    "interview.no_staff": {
        "zh": "{this}{value}，而{other}{other_value}：有营业收入的企业一般都有从业人员（按社保缴纳人数），人数会影响企业规模的划分。",
        "en": "{this} of {value} beside {other} of {other_value}: a firm with revenue has staff (its social-insurance "
              "headcount), which decides its size class.",
    },
    "interview.small": {
        "zh": "{amount}{value}，{heads}{staff}，人均每年仅{each}，是否把「万元」当成了「元」？",
        "en": "{amount} of {value} for {staff} ({heads}) is {each} a year each: was an amount in 10k CNY entered as yuan?",
    },
    "interview.large_per_head": {
        "zh": "{amount}{value}，{heads}{staff}，人均每年{each}，是否把「元」当成了「万元」？",
        "en": "{amount} of {value} for {staff} ({heads}) is {each} a year each: was an amount in yuan entered as 10k CNY?",
    },
    # an amount past its usual share of another (consistency's SHARE), asked at the answer completing the pair
    "interview.share_high": {
        "zh": "{amount}{value}，占{base}{base_value}的{share}%，超过{bound}%，这很少见（常见是多写了一位，或填成了别的数）。",
        "en": "{amount} of {value} is {share}% of {base} of {base_value}, over {bound}%, which is unusual (a digit "
              "too many, or another figure, as a rule).",
    },
    "interview.share_low": {
        "zh": "{amount}{value}，只占{base}{base_value}的{share}%，不到{bound}%，这很少见（常见是少写了一位，或只填了其中一部分）。",
        "en": "{amount} of {value} is only {share}% of {base} of {base_value}, under {bound}%, which is unusual (a "
              "digit too few, or only part of it, as a rule).",
    },
    "interview.share_days": {
        "zh": "{amount}{value}，只有{base}{base_value}的{share}%（一般不少于{bound}%，即约{days}天的{per_day}），"
              "是否少写了位数或单位填错了？",
        "en": "{amount} of {value} is only {share}% of {base} of {base_value} (usually at least {bound}%, some {days} "
              "days' {per_day}): were digits left out or the unit given wrongly?",
    },
    "interview.share_none_at_year_end": {
        "zh": "{amount}{value}，而{base}{base_value}：有收入的企业年末总有资产（现金、应收账款、存货）；如果是不知道，请答“否”后填“不知道”。",
        "en": "{amount} of {value}, while {base} is {base_value}: a firm with revenue holds something at the year's end "
              "(cash, receivables, stock); if it is not known, answer no, then \"don't know\".",
    },
    "interview.summary": {"zh": "全部 {n} 个回答：", "en": "All {n:answer|answers}:"},
    # at the list of answers, where an answer stops every tier and no more questions were asked: which, and why
    "interview.stop": {"zh": "\n因为{named}，{why}，其余问题不用再答。如果答错了，输入编号 {numbers} 改正。\n",
                       "en": "\nBecause of answer {named}, {why}, so no more questions are asked. If it is wrong, "
                             "type {numbers} to change it.\n"},
    "interview.stop_red_line": {"zh": "任何称号都不能认定（红线）", "en": "no title can be met (a red line)"},
    "interview.stop_gate": {"zh": "任何称号都不能认定（每个称号都要求这一条）",
                            "en": "no title can be met (every title requires it)"},
    "interview.stop_large": {"zh": "按这些数据属于大型企业，任何称号都不能认定（只认定中小企业）",
                             "en": "these figures make a large enterprise, and no title can be met (SMEs only)"},
    # after a range or a bound refused (3200多万, 十几项): a rough figure is taken, with its 约
    "interview.vague_hint": {"zh": "；只知道大概的，可以在数前加“约”，如 {example}",
                             "en": "; if you know it only roughly, put \"about\" before it ({example})"},
    "interview.vague_money": {"zh": "约3000万", "en": "about 30 million"},
    "interview.vague_share": {"zh": "约12%", "en": "about 12%"},
    "interview.vague_number": {"zh": "约12", "en": "about 12"},
    "interview.change": {"zh": "\n要修改哪一项？输入编号（1–{n}）；直接回车生成报告。\n> ",
                         "en": "\nChange an answer? Type its number (1-{n}); Enter makes the report.\n> "},
    "interview.back_none": {"zh": "  本次没有可以回去的上一题；要修改哪一项，请输入它的编号。\n",
                            "en": "  There is no earlier question of this sitting to go back to; to change an answer, "
                                  "type its number.\n"},
    "interview.change_retry": {"zh": "  请输入 1–{n} 之间的编号，或直接回车：", "en": "  Please type a number from 1 to {n}, or press Enter: "},
    # at the list of answers, when the report's plans would still ask questions the interview never put
    # (it asks only what decides a verdict today): the report lists them, the user may answer them here
    "interview.plan_offer": {
        "zh": "\n另外，报告中的行动计划还需要 {n} 项信息，才能推算{tiers}今后哪一年可以申报。这些问题不影响现在的结论；"
              "不答也可以，报告会列出它们。\n",
        "en": "\nThe report's plans also need {n:answer|answers} to work out in which later year {tiers} can be "
              "applied for. They do not change today's verdicts; leave them, and the report lists them.\n",
    },
    "interview.change_plan": {"zh": "\n输入 p 回答这 {k} 项；输入编号（1–{n}）修改答案；直接回车生成报告。\n> ",
                              "en": "\np: answer them now; 1-{n}: change that answer; Enter makes the report.\n> "},
    "interview.change_plan_retry": {"zh": "  请输入 p、1–{n} 之间的编号，或直接回车：",
                                    "en": "  Please type p, a number from 1 to {n}, or press Enter: "},
    "interview.plan_question": {"zh": "行动计划补充题：第 {n} 题，共 {total} 题  {bar}", "en": "Plan question {n} of {total}  {bar}"},
    "interview.found": {
        "zh": "{save} 中已保存「{name}」的 {n} 个回答。\n",
        "en": "{save} holds {n:saved answer|saved answers} for {name}.\n",
    },
    "interview.found_unnamed": {
        "zh": "{save} 中已保存 {n} 个回答（尚未填企业名称）。\n",
        "en": "{save} holds {n:saved answer|saved answers} (no company name yet).\n",
    },
    "interview.found_ask": {
        "zh": "直接回车（或输入 r）继续这些回答；重新开始请输入 o（原来的回答会先另存一份备份）：[R/o]",
        "en": "Resume them (Enter or r), or start over (o; the old answers are first copied to a backup)? [R/o]",
    },
    "interview.found_retry": {"zh": "  请输入 r（继续）或 o（重新开始）\n", "en": "  Please type r (resume) or o (start over)\n"},
    "interview.kept_edits": {
        "zh": "{save} 里有保存时不会保留的内容（如注释、手工调整的排列），原文件已另存到 {backup}。\n",
        "en": "{save} holds what saving would not keep (comments, a layout of its own): the file as it was is "
              "copied to {backup}.\n",
    },
    "interview.answered_under": {
        "zh": "这些回答是按《{answered}》的问题填写的，这次按评估日期 {as_of} 适用的《{rules}》继续；"
              "要按原来的规则继续，请中断后加上 --rules {other} 重新运行。\n",
        "en": "These answers were given to the questions of {answered}; they are taken up under {rules}, the rules "
              "for {as_of}. To go on under the former rules, stop and run again with --rules {other}.\n",
    },
    "interview.backed_up": {
        "zh": "原来的 {n} 个回答已另存到 {backup}（需要时可用它继续）。\n现在从头开始。\n",
        "en": "{n:old answer|old answers} copied to {backup} (resume from it if you need them).\nStarting over.\n",
    },
    "interview.done": {"zh": "\n问答结束：共回答 {n} 题，已保存到 {save}。\n\n",
             "en": "\nDone: {n:answer|answers}, saved to {save}.\n\n"},
    # after the report an interview made went to -o: the interview's screen said where the answers went, not it
    "interview.report_written": {"zh": "评估报告已写入 {output}。\n", "en": "The report is written to {output}.\n"},
    "interview.stopped": {
        "zh": "\n已中断：{n} 个回答已保存到 {save}。继续请运行：\n{cmd}\n",
        "en": "\ninterrupted: {n:answer|answers} saved to {save}. To resume, run:\n{cmd}\n",
    },
    "interview.kept": {"zh": "\n已中断：{save} 中保存的回答保持不变。继续请运行：\n{cmd}\n",
                       "en": "\ninterrupted: the answers saved in {save} are kept. To resume, run:\n{cmd}\n"},
    "interview.nothing": {"zh": "\n已中断：尚未回答任何问题，未保存文件。\n", "en": "\ninterrupted: no answers yet, nothing saved.\n"},
    "interview.replaced": {
        "zh": "{save} 在问答过程中被改动或换成了别的文件（不是本次问答写的），为免覆盖，没有写入它；全部 {n} 个回答"
              "已存到 {kept}。核对后可运行 {cmd} 继续",
        "en": "{save} was changed or replaced by something else during the interview: it is not written over; "
              "all {n:answer|answers} are saved to {kept}. Check them, then run {cmd} to go on",
    },
    "interview.locked": {
        "zh": "{save} 正由另一个问答使用（它的回答不会被改动）。请先结束那个问答，或用 --save 另存一个文件",
        "en": "{save} is in use by another interview (its answers are left alone); finish that one first or --save to another file",
    },
}
MESSAGES.update({
    # batch's .xlsx output and init --xlsx (xlsx.py)
    "xlsx.results": {"zh": "评估结果", "en": "Results"},
    "xlsx.errors": {"zh": "错误明细", "en": "Errors"},
    "xlsx.about": {"zh": "说明", "en": "About"},
    "xlsx.rules": {"zh": "依据", "en": "Rules"},
    "xlsx.kind": {"zh": "评估类型", "en": "Assessed as"},
    "xlsx.new": {"zh": "新申请", "en": "new applications"},
    "xlsx.renewal": {"zh": "{title}复核：该层级按复核条款评估；其他层级按新申请条件评估，仅供参考",
                     "en": "renewal of {title}: that tier by its renewal clauses; the other tiers as new "
                           "applications, for reference only"},
    "xlsx.basis": {"zh": "适用说明", "en": "Why these rules"},
    "xlsx.notes": {"zh": "读取提示", "en": "Notes on the data"},
    "xlsx.source": {"zh": "来源（文件:行）", "en": "Source (file:row)"},
    "xlsx.name": {"zh": "企业名称", "en": "Company"},
    "xlsx.credit_code": {"zh": "统一社会信用代码", "en": "Unified social credit code"},
    "xlsx.seq_no": {"zh": "序号", "en": "No."},
    "xlsx.credit_code_note": {"zh": "18位，按文本填写", "en": "18 characters, as text"},
    "xlsx.credit_code_help": {
        "zh": "营业执照上的18位统一社会信用代码。评估不用它，但靠它区分企业：同一代码出现两次会提示，结果表中原样带回，"
              "便于与名单核对。请按文本填写：填成数字时 Excel 会把末几位变成 0。",
        "en": "The 18-character unified social credit code on the business licence. No rule reads it, but it tells one "
              "company from another: a code given twice is pointed out, and the results carry it back as given, to match "
              "them to the list. Keep it as text: as a number, Excel turns its last digits into 0."},
    "xlsx.status": {"zh": "处理结果", "en": "Outcome"},
    "xlsx.scored": {"zh": "已评估", "en": "scored"},
    "xlsx.error": {"zh": "出错", "en": "error"},
    "xlsx.problems": {"zh": "错误说明", "en": "Problems"},
    "xlsx.warnings": {"zh": "需核对的数据", "en": "Figures to check"},
    "xlsx.problem": {"zh": "问题（列：说明）", "en": "Problem (column: what is wrong)"},
    "xlsx.blocker_unknown": {"zh": "尚待回答——", "en": "not answered yet: "},
    "xlsx.blocker_uncomputed": {"zh": "需核对数据——", "en": "figures to check: "},
    "xlsx.blocker_manual_review": {"zh": "待认定机关判断——", "en": "for the authority to judge: "},
    "xlsx.blocker": {"zh": "主要差距", "en": "What holds it back"},
    "xlsx.next_step": {"zh": "下一步", "en": "Next step"},
    "xlsx.stopped": {"zh": "未完成", "en": "Incomplete"},
    "xlsx.stopped_rows": {"zh": "本次运行中途停止，本文件只有前 {n} 家企业的结果，不是名单的全部",
                          "en": "The run was stopped: this file holds only the first {n} companies, not the whole list"},
    "xlsx.made": {"zh": "生成时间", "en": "Made at"},
    "xlsx.verdicts_head": {"zh": "结论的含义", "en": "What a verdict says"},
    "xlsx.verdicts": {
        "zh": "满足：按所填数据，这一称号的条件都已满足\n"
              "不满足：至少有一项条件达不到（见“主要差距”）\n"
              "未知：缺少数据，还判定不了（“主要差距”中写明缺哪几项）\n"
              "待审核：数据方面的条件都已满足，其余（如主导产品所属领域、市场地位）由认定机关审核",
        "en": "met: by the figures given, every condition of the title is met\n"
              "not met: at least one condition is not reached (see the main gap)\n"
              "unknown: figures are missing, so it cannot be decided yet (the main gap names them)\n"
              "awaits review: every condition on figures is met; the rest (the product's field, its market "
              "standing) is for the authority to review"},
    "xlsx.companies": {"zh": "企业名单", "en": "Companies"},
    "xlsx.choices": {"zh": "选项", "en": "Choices"},
    "xlsx.yes_no": {"zh": "是 / 否", "en": "yes / no"},
    "xlsx.yes_no_list": {"zh": "是,否", "en": "yes,no"},
    "xlsx.text": {"zh": "文字", "en": "text"},
    "xlsx.number": {"zh": "数字", "en": "number"},
    "xlsx.bad_number": {"zh": "这一格应填数字，范围见第 2 行。不知道的请留空，不要填 0。"
                              "「约200」「800万」这类写法也能读取：点「是」（或「确定」）保留。",
                        "en": "This cell takes a number, in the range of row 2. Leave it blank if you do not know; "
                              "never 0 for unknown. Text such as \"about 200\" is read too: choose Yes (or OK) to keep it."},
    "xlsx.bad_choice": {"zh": "请从下拉列表中选择；不知道的请留空。意思相同的其他写法（如「制造业」「有」）也能读取："
                              "点「是」（或「确定」）保留。",
                        "en": "Pick from the drop-down list; leave it blank if you do not know. Other words for the same "
                              "answer are read too: choose Yes (or OK) to keep them."},
    "xlsx.bad_title": {"zh": "请核对", "en": "Please check"},
})
CONFIDENCE = {
    "gov": {"zh": "政府网站原文", "en": "government page"},
    "multi": {"zh": "多个独立转载一致", "en": "several independent reposts"},
    "single": {"zh": "单一第三方来源，未交叉核对", "en": "one third-party source, not cross-checked"},
    "recalled": {"zh": "凭记忆，未见来源，请核实", "en": "recalled, no source seen: verify"},
}


def lang_of(tag: str) -> str | None:
    """The catalog language a language tag or locale names (zh, zh-CN, zh_CN.UTF-8, zh-Hans,
    en, en-US, C), or None when it names neither."""
    base = re.split(r"[-_.@]", tag.strip().lower(), maxsplit=1)[0]
    if base in ("zh", "zho", "chi", "cn", "chinese", "中文", "汉语", "简体中文"):  # cn, 中文: as people write it
        return "zh"
    if base in ("en", "eng", "english", "英文", "英语", "c", "posix"):
        return "en"
    return None


_CHOSEN: list[str] = []
"""The language named before the command (``littlegiant --lang zh assess …``), for this run."""


def choose_lang(lang: str | None) -> None:
    """Make ``lang`` every command's language where the command is given none of its own (None: the
    locale's again). A user on an English-locale machine typed ``littlegiant --lang zh --help`` and
    was told there was no such option."""
    _CHOSEN[:] = [lang] if lang is not None else []


def chosen_lang(own: str | None = None) -> str | None:
    """The language named on the command line (a command's ``own`` --lang, else one before the
    command) where the locale would give another; None where the locale gives it anyway. The commands
    a run prints for the next step carry it: run as printed, they came out in the locale's language."""
    named = lang_of(own) if own is not None else _CHOSEN[0] if _CHOSEN else None
    return None if named is None or named == locale_lang() else named


def default_lang() -> str:
    """The language chosen before the command, else the locale's (docs/output.md §1)."""
    return _CHOSEN[0] if _CHOSEN else locale_lang()


def locale_lang() -> str:
    """zh when the locale says Chinese, else en. Windows sets no LANG: there, the user's display
    language says it (a Chinese Windows's cmd and PowerShell, where most of the users are, got English)."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var)
        if value:
            return "zh" if lang_of(value) == "zh" else "en"
    if sys.platform == "win32":
        return "zh" if windows_ui_language() & 0x3FF == LANG_CHINESE else "en"
    return "en"


LANG_CHINESE = 0x04
"""The primary language of a Windows language id (its low ten bits) that is Chinese, whichever script."""


def windows_ui_language() -> int:
    """The language id of the Windows user's display language (0 where it cannot be read)."""
    try:
        import ctypes

        return int(ctypes.windll.kernel32.GetUserDefaultUILanguage())  # type: ignore[attr-defined]
    except (AttributeError, OSError):
        return 0


def t(key: str, lang: str, **fields: object) -> str:
    """A message in ``lang``, with ``{name}`` fields filled in when given."""
    text = MESSAGES[key][lang]
    if not fields:
        return text
    from littlegiant.messages import fill

    return fill(text, fields)
