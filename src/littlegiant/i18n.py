"""The CLI's own messages in zh and en (rule texts carry their own zh/en)."""

from __future__ import annotations

import os
import re

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
    "score_range": {"zh": "得分区间", "en": "Score range"},
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
    "footer": {"zh": "输入摘要", "en": "Input sha256"},
    "tool": {"zh": "工具版本", "en": "Tool version"},
    # the interview (interactive.py)
    "interview.intro": {
        "zh": "littlegiant 交互式自评（规则 {rules}，评估日期 {as_of}，上年度 {year}）。\n"
              "直接回车或输入 ? 表示「不知道」。每答一题都会保存到 {save}。按 Ctrl-C 可随时中断，下次继续。\n",
        "en": "littlegiant interactive assessment (rules {rules}, as of {as_of}, last year {year}).\n"
              "Press Enter or type ? for \"don't know\". Every answer is saved to {save} at once; "
              "Ctrl-C stops and you can resume later.\n",
    },
    "interview.question": {"zh": "问题 {n}（最多还剩 {left} 个）· {path}", "en": "Question {n} (at most {left} left) · {path}"},
    "interview.year": {"zh": "{year} 年度", "en": "fiscal year {year}"},
    "interview.yesno": {"zh": "[是/否，y/n]", "en": "[y/n]"},
    "interview.pick": {"zh": "输入编号或名称", "en": "type a number or a name"},
    "interview.retry": {"zh": "  ✗ {msg}。请重新输入（回车表示不知道）\n", "en": "  ✗ {msg}. Please answer again (Enter = don't know)\n"},
    "interview.unknown": {"zh": "  → 记为「不知道」\n", "en": "  → recorded as \"don't know\"\n"},
    "interview.found": {
        "zh": "{save} 中已保存 {n} 个回答。继续上次的问答 (r)，还是清空重新开始 (o)？[R/o] ",
        "en": "{save} holds {n} saved answers. Resume them (r) or start over and overwrite them (o)? [R/o] ",
    },
    "interview.found_retry": {"zh": "  请输入 r（继续）或 o（重新开始）\n", "en": "  Please type r (resume) or o (start over)\n"},
    "interview.done": {"zh": "\n问答结束：共回答 {n} 题，已保存到 {save}。\n\n",
             "en": "\nDone: {n} answers, saved to {save}.\n\n"},
    "interview.stopped": {
        "zh": "\n已中断：{n} 个回答已保存到 {save}。继续请运行：{cmd}\n",
        "en": "\ninterrupted: {n} answers saved to {save}. To resume, run: {cmd}\n",
    },
    "interview.kept": {"zh": "\n已中断：{save} 中保存的回答保持不变。\n", "en": "\ninterrupted: the answers saved in {save} are kept.\n"},
    "interview.nothing": {"zh": "\n已中断：尚未回答任何问题，未保存文件。\n", "en": "\ninterrupted: no answers yet, nothing saved.\n"},
}
MESSAGES.update({
    # batch's .xlsx output and init --xlsx (xlsx.py)
    "xlsx.results": {"zh": "评估结果", "en": "Results"},
    "xlsx.errors": {"zh": "错误明细", "en": "Errors"},
    "xlsx.about": {"zh": "说明", "en": "About"},
    "xlsx.source": {"zh": "来源（文件:行）", "en": "Source (file:row)"},
    "xlsx.name": {"zh": "企业名称", "en": "Company"},
    "xlsx.status": {"zh": "处理结果", "en": "Outcome"},
    "xlsx.scored": {"zh": "已评估", "en": "scored"},
    "xlsx.error": {"zh": "出错", "en": "error"},
    "xlsx.problems": {"zh": "错误说明", "en": "Problems"},
    "xlsx.problem": {"zh": "问题（列：说明）", "en": "Problem (column: what is wrong)"},
    "xlsx.blocker": {"zh": "主要差距", "en": "What holds it back"},
    "xlsx.next_step": {"zh": "下一步", "en": "Next step"},
    "xlsx.made": {"zh": "生成时间", "en": "Made at"},
    "xlsx.colours": {"zh": "结论（按颜色）", "en": "Verdicts (by colour)"},
    "xlsx.companies": {"zh": "企业名单", "en": "Companies"},
    "xlsx.choices": {"zh": "选项", "en": "Choices"},
    "xlsx.yes_no": {"zh": "是 / 否", "en": "yes / no"},
    "xlsx.yes_no_list": {"zh": "是,否", "en": "yes,no"},
    "xlsx.text": {"zh": "文字", "en": "text"},
    "xlsx.number": {"zh": "数字", "en": "number"},
    "xlsx.bad_number": {"zh": "请输入符合范围的数字（见第 2 行说明）", "en": "Enter a number in range (see the notes in row 2)"},
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
    if base == "zh":
        return "zh"
    if base in ("en", "c", "posix"):
        return "en"
    return None


def default_lang() -> str:
    """zh when the locale says Chinese, else en (CONTRACT.md §1)."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var)
        if value:
            return "zh" if lang_of(value) == "zh" else "en"
    return "en"


def t(key: str, lang: str, **fields: object) -> str:
    """A message in ``lang``, with ``{name}`` fields filled in when given."""
    text = MESSAGES[key][lang]
    return text.format(**fields) if fields else text


# what a field type expects, in Chinese (the loaders' own messages are English)
EXPECT_ZH = {
    "bool": "请回答 是 或 否（y/n）",
    "int": "请输入整数",
    "number": "请输入数字",
    "money": "请输入金额（万元，不能为负数）",
    "signed_money": "请输入金额（万元）",
    "percent": "请输入 0 到 100 之间的百分数",
    "choice": "请输入选项编号或名称",
    "text": "请输入文字",
}
