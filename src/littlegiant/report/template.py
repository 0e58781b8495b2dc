"""The YAML profile template of ``init``, in the reader's language: what each line asks, in words.

A finance manager fills it in with an editor, so every field says what it is, its unit, where the
figure comes from (the field's help), and for a choice what each code means. The keys and the choice
codes are the file format and stay as they are; yes/no fields take 是/否 (or yes/no, true/false), a
choice its code or its name. Left empty, a field is unknown: it is never taken as 0.
"""

from __future__ import annotations

import json
from typing import Any

from littlegiant import lazyre
from littlegiant.load.profile import answer_label
from littlegiant.load.rules import FieldDef, RuleSet
from littlegiant.report.linebreak import NO_START, wrap
from littlegiant.report.words import ask_zh

WIDTH = 100  # comment lines wrap here: an editor shows them whole, a printout too
_CLOSING = "".join(NO_START)

HEAD = {
    "zh": ["企业自评资料（littlegiant）：填写已知的数据，不知道的留空。",
           "留空表示「不知道」，不会当作 0；报告会列出还缺哪些数据。",
           "金额单位：万元；比例单位：%（填 12.5 表示 12.5%）；是/否题填「是」或「否」；"
           "选择题填所列代码（冒号前的英文）或其中文名称。",
           "冒号前的英文是固定的项目名，请勿改动；只在冒号后面填写。",
           "填好后运行：littlegiant assess 本文件名"],
    "en": ["Company profile for littlegiant: fill in what you know and leave the rest empty.",
           "An empty field is unknown, never taken as 0; the report lists what is still missing.",
           "Amounts in 10k CNY (万元); shares in % (12.5 means 12.5%); yes/no fields take yes or no; "
           "a choice takes one of the codes listed (or its name).",
           "The names before the colons are the file's keys: keep them, fill in after the colon.",
           "Then run: littlegiant assess THIS-FILE"],
}
SHEET_RULES = {
    "zh": ["「{companies}」表每行填一家企业，从第 3 行起填写：第 1 行是列名，第 2 行是各列的单位和填法（不计入）。"
           "请勿改动列名、不要删除列；可以在最右边加自己的列（如联系人），评估结果会原样带回。",
           "不知道的请留空，不要填 0。留空表示「不知道」，评估结果会列出还缺哪些数据；"
           "填 0 会被当作真实数字（如研发费用 0 万元、知识产权 0 项），直接判为不满足。"
           "列名写明「0为未获奖」「0为无排名」的，确实没有才填 0；不清楚就留空。",
           "金额一律以万元为单位（800 万元填 800）；占比填百分数（12.5% 填 12.5）；人数、项数填整数，年限可填小数（如 3.5）。"
           "财务数据以经审计的财务报表或年度汇算清缴申报表为准。",
           "是/否题从下拉列表中选「是」或「否」；有选项的列从下拉列表中选。",
           "「上年」指 {last_year} 年；按年份填的列，年份写在列名里。",
           "各列怎么填见下表；在「{companies}」表里，把鼠标移到列名上（有红色小三角的单元格）也能看到同样的说明。"],
    "en": ["Fill in one company a row of the sheet {companies}, from row 3: row 1 names the columns, row 2 gives "
           "each column's unit or answers (not read). Keep the column names and do not delete columns; you may add "
           "your own columns at the right (a contact, say): the results bring them back as they are.",
           "Leave a cell blank if you do not know; never type 0 for unknown. A blank is read as unknown and the "
           "results list what is still missing; 0 is read as a real figure (R&D expense 0, no patents) and fails "
           "the criterion. Where a column name says 0 means none (no award, no rank), type 0 only when there is none; "
           "blank when you do not know.",
           "Amounts in 10k CNY (万元: 8 million CNY is 800); shares in percent (12.5% is 12.5); people and items "
           "as whole numbers, years may have decimals (3.5). Financial figures as in the audited accounts or the annual tax return.",
           "Yes/no columns: pick yes or no from the drop-down list; columns with choices: pick from the list.",
           "Last year is {last_year}; a column asked by year names its year.",
           "What each column asks is in the table below; on the sheet {companies}, hover over a column name (the "
           "cells with a small red triangle) to see the same note."],
}
"""The general rules of the sheet template's 填写说明 sheet, as HEAD is the YAML template's."""
NOTES_RULE = {"zh": "：不知道的请留空，不要填 0", "en": ": leave a cell blank if unknown, never 0"}
"""What the notes row says after its mark, under the company name: the one rule a filler most needs."""
GUIDE_HEAD = {"zh": ("列名", "单位 / 填法", "怎么填"), "en": ("Column", "Unit / answers", "What to fill in")}
GUIDE_TERMS = {"zh": "名词解释", "en": "Terms"}

_ANSWERED = {"zh": "这些问题出自哪套规则（勿改）：按问法不同的另一套规则评估时，报告会提醒核对那几项。",
             "en": "The rule set these questions come from (keep it): judged under a set that asks some of them "
                   "in other words, the report says which to check."}
_YEAR = {"zh": "{year}年的数据", "en": "figures of {year}"}
_LAST = {"zh": "（上年度）", "en": " (last year)"}
_CHOICE = {"zh": "填下列代码之一：", "en": "one of these codes:"}
_YES_NO = {"zh": "填「是」或「否」", "en": "yes or no"}
_UNIT_EN = {"万元": "10k CNY", "人": "people", "项": "items", "年": "years", "%": "%", "分": "points"}


def _what(f: FieldDef, lang: str) -> str:
    """The comment beside a key: the question, its unit or how to answer it."""
    zh = lang == "zh"
    label = answer_label(f).get(lang)  # with what to type for 0 (0为未获奖)
    if f.type == "bool":
        ask = ask_zh(label) if zh else label  # 产品（服务）是否属于…, as the reports ask it, not 是否产品（服务）…
        return f"{ask}？{_YES_NO[lang]}" if zh else f"{label}? {_YES_NO[lang]}"
    if f.type == "choice":
        return f"{label}：{_CHOICE[lang]}" if zh else f"{label}: {_CHOICE[lang]}"
    if f.unit:
        unit = f.unit if zh else _UNIT_EN.get(f.unit, f.unit)
        return f"{label}（单位：{unit}）" if zh else f"{label} ({unit})"
    return label


_YEARS = lazyre.compile(r"\{year(?:-([1-9]))?\}")
_QUOTED = lazyre.compile(r'"([^"]*)"')


def help_text(f: FieldDef, lang: str, year: int) -> str | None:
    """The field's help with ``{year}`` and ``{year-2}`` as the years they stand for (data: no format())."""
    if f.help is None:
        return None
    text = _YEARS.sub(lambda m: str(year - int(m.group(1) or 0)), f.help.get(lang))
    if lang == "zh":  # Chinese quotes, so a line never ends on an opening one nor starts on a closing one
        text = _QUOTED.sub(lambda m: f"“{m.group(1)}”", text)
    return text


def _comment(indent: str, text: str) -> list[str]:
    """``text`` as comment lines; a closing mark the wrap would put first stays on the line before."""
    lines: list[str] = []
    for line in wrap(text, WIDTH - len(indent) - 2):
        head = len(line) - len(line.lstrip(_CLOSING))
        if lines and head:
            lines[-1] += line[:head]
            line = line[head:]
        if line:
            lines.append(line)
    return [f"{indent}# {line}" for line in lines]


def profile_template(rules: RuleSet, last_year: int, lang: str, run_with: str = "") -> str:
    """A commented YAML profile with every field empty (unknown), in ``lang``; it loads as it is.
    ``run_with``: what the command reading it back needs after the file's name (--rules of a
    province's set, which a run would not pick by itself)."""
    zh = lang == "zh"
    years = [last_year, last_year - 1, last_year - 2]
    tree: dict[str, Any] = {}
    for f in rules.fields.values():
        for year in (years if f.per_year else [None]):
            node = tree
            parts = f.concrete_path(year).split(".")
            for part in parts[:-1]:
                node = node.setdefault(part, {})
            node[parts[-1]] = (f, year)
    head = [*HEAD[lang][:-1], HEAD[lang][-1] + run_with]
    lines = [line for text in head for line in _comment("", text)] + [""]
    # quoted: an id such as 2027 or null is text, which answered_under must hold
    lines += [*_comment("", _ANSWERED[lang]), f"answered_under: {json.dumps(rules.id)}", ""]
    helped: set[str] = set()  # a per-year field's help is said at its first year only

    def emit(node: dict[str, Any], depth: int) -> None:
        indent = "  " * depth
        for key, value in node.items():
            if isinstance(value, dict):
                if key.isdigit() and int(key) in years:
                    said = _YEAR[lang].format(year=key) + (_LAST[lang] if int(key) == last_year else "")
                    lines.append(f"{indent}{key}:    # {said}")
                else:
                    lines.append(f"{indent}{key}:")
                emit(value, depth + 1)
                continue
            f, year = value
            helps = help_text(f, lang, year or last_year)
            if helps and f.path not in helped:
                helped.add(f.path)
                lines.extend(_comment(indent, helps))
            lines.append(f"{indent}{key}:    # {_what(f, lang)}")
            for choice in f.choices if f.type == "choice" else ():
                label = f.choice_labels.get(choice)
                meaning = label.get(lang) if label is not None else choice
                lines.append(f"{indent}  #   {choice}{'：' if zh else ': '}{meaning}")

    emit(tree, 0)
    return "\n".join(lines) + "\n"
