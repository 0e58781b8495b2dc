"""Error messages as data: each kind of bad input has a sentence in en and zh, filled in from the
error's parameters only when it is shown, so that one raised error reads in the user's language.

An InputError carries its kind and parameters; its English text is made from this catalog when it
is raised (so ``str(exc)`` stays English for logs and rule authors), and the CLI and batch call
``render(exc, lang)`` for the user. Under zh a profile field is named by its label (营业收入（2025年）),
never by its path, and every value is described in Chinese. Nothing here imports the rest of the
package: the loaders raise with it, and the CLI speaks with it.
"""

from __future__ import annotations

import errno as errnos
import re
import string
import unicodedata
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Protocol

from littlegiant import lazyre
from littlegiant.records import record


class Bilingual(Protocol):
    """Anything that says one thing in both languages (Text, or a report's own phrase)."""

    @property
    def zh(self) -> str: ...

    @property
    def en(self) -> str: ...


@record(frozen=True)
class Text:
    """One thing said in both languages the tool speaks: the rule data's titles and labels (the loader
    names it rules.Text) and the phrases an error is filled in with. Defined here, in a base module,
    so that every layer can make one."""

    zh: str
    en: str

    def __init__(self, zh: str, en: str) -> None:  # written out: made per company in a batch, and cheaper so
        object.__setattr__(self, "zh", zh)
        object.__setattr__(self, "en", en)

    def get(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en




@record(frozen=True)
class Got:
    """The bad value a user gave, described in each language ("got text 'abc'", 文字“abc”)."""

    value: object


@record(frozen=True)
class SystemError_:
    """An operating-system error (errno and its English text), said in each language."""

    errno: int | None
    text: str | None


@record(frozen=True)
class Choices:
    """Names to list (ids, each with its label where there is one), joined as each language joins them."""

    names: tuple[str, ...]
    labels: tuple[Bilingual | None, ...] = ()


CATALOG: dict[str, tuple[str, str]] = {
    # files being read: profiles, rule files, batch inputs (yamlio, fileio, charsets, batch, xlsx)
    "file.missing": ("no such file", "找不到这个文件"),
    "file.missing_any": ("no such file or folder", "找不到这个文件或文件夹"),
    "file.folder": ("is a folder, expected a file", "这是一个文件夹，请给出文件"),
    "file.special": ("not a regular file (a pipe or a device); save it to a file first",
                     "不是普通文件（是管道或设备），请先把内容存成文件"),
    "file.kind": ("is {kind}, expected a regular file", "是{kind}，请给出普通文件"),
    "file.unreadable": ("cannot read: {error}", "无法读取：{error}"),
    "file.os": ("the system cannot use this path: {error}", "系统无法使用这个路径：{error}"),
    "file.too_large": ("larger than {limit:,} bytes (the limit for one profile or rule file)",
                       "文件超过 {limit:,} 字节（单个企业信息文件或规则文件的上限）"),
    "file.table": ("a table of companies, which assess does not read (it reads one company's YAML or JSON "
                   "profile): run littlegiant batch {name} -o results.xlsx",
                   "这是多家企业的表格，assess 只读单家企业的资料文件；请改用：littlegiant batch {name} -o 评估结果.xlsx"),
    "out.added_columns": ("earlier results, with columns this run would not write again ({columns}): to keep "
                          "them, name another output file (or take those columns out first); a column added to the "
                          "input list instead comes back at the end of every result",
                          "这是以前的评估结果，但其中有本次不会再写出的列（{columns}）：为免这些内容丢失，请另选输出文件名"
                          "（或先删去这些列）；这些列如改加在输入名单里，每次的结果都会原样附在最后"),
    "file.document": ("a document or picture ({kind}), not a company profile: run littlegiant init profile.yaml for a profile to "
                      "fill in, or littlegiant assess alone to be asked the questions",
                      "这是文档或图片（{kind}），不是企业资料文件：请运行 littlegiant init 企业资料.yaml 生成资料模板照着填写，"
                      "或直接运行 littlegiant assess 逐题回答"),
    "file.table_xls": ("an old-style Excel table of companies: save it as .xlsx in Excel, then run littlegiant "
                       "batch {xlsx} -o results.xlsx",
                       "这是旧版 Excel 表格（.xls）：请在 Excel 中另存为 .xlsx，再运行：littlegiant batch {xlsx} -o 评估结果.xlsx"),
    "file.table_sheet": ("{kind} ({suffix}), a table of companies: save it as .xlsx in {app}, then run littlegiant "
                         "batch {xlsx} -o results.xlsx",
                         "这是{kind}（{suffix}）：请在 {app} 中另存为 .xlsx，再运行：littlegiant batch {xlsx} -o 评估结果.xlsx"),
    "file.batch_kind": ("expected a .csv, .xlsx or .jsonl file (or text saved from Excel as .txt or .tsv), a profile "
                        "file, or a folder of profiles",
                        "应是 .csv、.xlsx 或 .jsonl 文件（或从 Excel 另存的 .txt、.tsv 文本）、一个企业信息文件，"
                        "或存放企业信息文件的文件夹"),
    "file.xlsx_named": ("an Excel workbook named {suffix}: rename it {stem}.xlsx and run again",
                        "这是 Excel 工作簿（.xlsx），只是文件名以 {suffix} 结尾：请把文件名改为 {stem}.xlsx 再运行"),
    "file.xls_named": ("an old-style Excel workbook (.xls) named {suffix}: open it in Excel and save it as .xlsx",
                       "这是旧版 Excel 工作簿（.xls），只是文件名以 {suffix} 结尾：请在 Excel 中打开，另存为 .xlsx 再运行"),
    "file.locked_or_xls": ("a workbook with an opening password, or an old .xls renamed: open it in Excel, remove "
                           "the password (File > Info > Protect Workbook) and save it as Excel Workbook (.xlsx)",
                           "这个工作簿设了打开密码，或是改了扩展名的旧版 .xls：请在 Excel 中打开，取消密码（文件→信息→"
                           "保护工作簿），再“另存为”Excel 工作簿（.xlsx）"),
    "file.not_xlsx": ("not an Excel workbook that can be read (save it as .xlsx)",
                      "不是可读取的 Excel 工作簿（请另存为 .xlsx）"),
    "file.no_sheet": ("no sheet {sheet!r} (the workbook has: {sheets})", "工作簿里没有名为“{sheet}”的工作表（现有：{sheets}）"),
    "data.yaml": ("invalid YAML: {problem}",
                  "格式有误，无法读取（请检查这一行附近：冒号后要有空格，同级的项目缩进要对齐，引号要成对）"),
    "data.wide_colon": ("the colon after {key} is a full-width one (：): write {written} (an ASCII colon, then a space)",
                        "“{key}”后面的冒号是中文的「：」：请改成英文冒号加一个空格，写成 {written}"),
    "data.tight_colon": ("no space after the colon in {typed}: write {written}",
                         "“{typed}”的冒号后面少了一个空格：请写成 {written}"),
    "data.tab_indent": ("indented with the Tab key: indent with spaces, the same number for items of one level",
                        "这一行用 Tab 键缩进了：请改用空格缩进，同一级的项目空格数相同"),
    "data.json": ("invalid JSON: {problem}", "JSON 格式有误，无法读取（请检查这一行附近的括号、引号和逗号）"),
    "data.depth": ("nested more than {depth} levels deep", "层级嵌套超过 {depth} 层"),
    "data.surrogate": ("text that is half of a character (a lone surrogate)", "含有无法识别的半个字符"),
    "data.surrogate_escape": ("a \\u escape that is half of a character (a lone surrogate)",
                              "含有表示半个字符的 \\u 转义，无法识别"),
    "data.number_chars": ("a number of {chars} characters (at most {most})", "数字长达 {chars} 个字符（最多 {most} 个）"),
    "data.number_range": ("the number {text} is too large or too small to read",
                          "数字 {text} 过大或过小，无法读取"),
    "data.digits": ("a number has more than 4,300 digits", "有一个数字超过 4300 位"),
    "data.not_json_number": ("{text} is not a number JSON allows", "{text} 不是 JSON 允许的数字"),
    "data.key_plain": ("a mapping key must be a plain value", "项目名称只能是普通的文字或数字"),
    "data.duplicate": ("duplicate key {key!r} (first at line {first})", "“{key}”重复填写了（第一次在第 {first} 行）"),
    "data.merge_key": ("'<<' (a YAML merge key) is not read here: write the keys it would copy out in full",
                       "这里不读取 YAML 合并键“<<”：请把要沿用的各项完整写出"),
    "data.duplicate_here": ("duplicate key {key!r}", "“{key}”重复填写了"),
    "data.aliases": ("more than {most} alias uses (*name)", "引用（*名称）超过 {most} 次"),
    "data.tag": ("explicit tag {tag} is not read (write the value plainly)", "不读取 {tag} 这样的标记，请直接写出值"),
    "data.tag_group": ("explicit tag {tag} is not read (write a plain mapping or list)",
                       "不读取 {tag} 这样的标记，请直接写出各项"),
    "data.nodes": ("more than {most:,} values", "内容超过 {most:,} 个值"),
    "data.nodes_expanded": ("more than {most:,} values once its aliases are expanded", "展开引用后内容超过 {most:,} 个值"),
    "data.holds_itself": ("refers to itself: a mapping or list that holds itself never ends",
                          "有一组内容包含了它自己（引用了自身），无法读完"),
    "data.alias_loop": ("an alias refers to the mapping or list that holds it", "有一个引用指向了包含它自己的内容"),
    "data.not_utf8_line": ("the line is not UTF-8 text", "这一行不是 UTF-8 文字"),
    "data.surrogate_line": ("the line holds an unpaired \\ud800-\\udfff escape, which is not text",
                            "这一行含有表示半个字符的 \\u 转义，无法识别"),
    "data.unknown_encoding": ("unknown encoding {name!r} (expected e.g. utf-8, utf-8-sig, gb18030, gbk, utf-16)",
                              "不认识的编码“{name}”（可用如 utf-8、utf-8-sig、gb18030、gbk、utf-16）"),
    "data.not_forced": ("not {encoding} text (byte {byte}); leave out --encoding to have it detected", "不是 {encoding} 编码的文字（第 {byte} 字节）；去掉 --encoding 让程序自动识别，或写明正确的编码"),
    "table.too_wide": ("a row of {count:,} filled cells before the table's header: at most {most} columns are read; "
                       "keep the columns the criteria read and save it again",
                       "表头之前（或表头）有一行填了 {count:,} 格，最多读 {most} 列：请只保留评估要用的列后再保存"),
    "column.other_sheet": ("if sheet {sheets_en} holds no list of companies (a table a formula looks up), read the "
                           "list alone: add --sheet {sheet}",
                           "如果工作表{sheets}不是企业名单（例如供公式查找的数据表），可加上 --sheet {sheet} 只读取名单"),
    "data.mixed_utf8": ("two encodings in one file: line {line} is UTF-8, the lines before it GBK (a line added from "
                        "another file or editor); save the whole file in one encoding, UTF-8 for instance",
                        "文件里混有两种编码：第 {line} 行是 UTF-8，之前是 GBK（可能是从别的文件或编辑器加进来的）；"
                        "请把整个文件另存为同一种编码，如 UTF-8"),
    "note.utf8_row": ("this row is UTF-8 text, the rest of the file GBK (a row added from another export): read as "
                      "UTF-8; save the whole file in one encoding, UTF-8 for instance",
                      "这一行是 UTF-8 编码，文件其余部分是 GBK（可能是从别的导出文件加进来的），已按 UTF-8 读取；"
                      "请把整个文件另存为同一种编码，如 UTF-8"),
    "data.mixed": ("two encodings in one file: UTF-8 up to line {line}, another from there on (a line typed in "
                   "another editor); save the whole file as UTF-8",
                   "文件里混有两种编码：第 {line} 行之前是 UTF-8，这一行起是另一种（可能是在别的编辑器里加的）；"
                   "请把整个文件另存为 UTF-8"),
    "data.not_text": ("not text in any encoding tried ({tried}); save it as UTF-8 or name its encoding with "
                      "--encoding", "按常用编码（UTF-8、GB18030/GBK、UTF-16、UTF-32）都读不出文字；"
                      "请另存为 UTF-8，或用 --encoding 写明编码"),
    "api.data_not_text": ("not text in any encoding tried ({tried}); save it as UTF-8",
                          "按常用编码（UTF-8、GB18030/GBK、UTF-16、UTF-32）都读不出文字；请另存为 UTF-8"),
    "calendar.before": ("no rule set is in force on {day} (the calendar starts {first})",
                        "{day} 没有适用的规则（本工具收录的规则从 {first} 起施行）"),
    "calendar.words": ("expected {{zh: ..., en: ...}} with both texts, got {got}", "应写 zh 和 en 两种文字，现在是{got}"),
    "calendar.round_file": ("expected a round file beside the calendar (rounds/NAME.yaml), got {got}",
                            "应填日历所在文件夹里的年度通知文件（如 rounds/NAME.yaml），现在是{got}"),
    "calendar.periods": ("expected a list of periods, got {got}", "应是时段的列表，现在是{got}"),
    "calendar.kinds": ("expected a list of {kinds}, got {got}", "应是以下类别组成的列表：{kinds}，现在是{got}"),
    "calendar.unknown_round": ("unknown round {name} (the rounds: {known})", "没有年度通知{name}（已有：{known}）"),
    "calendar.unknown_set": ("unknown rule set {name} (the rule sets beside the calendar: {known})",
                             "没有规则集{name}（日历所在文件夹里的规则集：{known}）"),
    "calendar.no_sets": ("unknown rule set {name}: no rule set file is beside the calendar (copy the rule sets it "
                         "names into its folder)",
                         "没有规则集{name}：日历所在文件夹里没有规则集文件（请把日历用到的规则集文件复制到同一文件夹）"),
    "calendar.round_names": ("the file of round {round} ({file}) names round {names}",
                             "年度通知{round}的文件（{file}）写的是年度通知{names}"),
    "calendar.round_set": ("round {round} modifies rule set {sets} ({file}), not {rules} that this period names",
                           "年度通知{round}修改的是规则集{sets}（{file}），不是本时段写的{rules}"),
    "calendar.no_period": ("no period for {kind}", "没有适用于{kind}的时段"),
    "calendar.overlap": ("for {kind} the period from {a} overlaps the one from {b}",
                         "{kind}从 {a} 起的时段与从 {b} 起的时段重叠"),
    "calendar.gap": ("for {kind} the period from {a} leaves a gap before the one from {b}",
                     "{kind}从 {a} 起的时段与从 {b} 起的时段之间有空档"),
    "calendar.open_end": ("for {kind} the last period must be open-ended (no 'to')", "{kind}的最后一个时段不应写结束日（to）"),
    # the profile's structure and values (profile.py)
    "profile.empty": ("the profile is empty", "文件是空的，没有填写任何企业信息"),
    "profile.not_profile": ("not a company profile: no key in it is a profile field (expected keys such as {known}; "
                            "littlegiant init writes a template)",
                            "这不是企业信息文件：其中没有一项是可识别的项目（应填写 {known} 等；可用 littlegiant init 生成模板）"),
    "profile.answered_under": ("expected the id of the rule set whose questions these answers were given to (such as "
                               "miit-2026), got {shown}",
                               "应填这些回答所依据的规则编号（如 miit-2026），现在是 {shown}"),
    "profile.top": ("expected a mapping of profile fields at the top",
                    "文件应逐行填写“项目: 值”（如 name: 某某公司），现在不是这种格式"),
    "field.header_key": ("a sheet's column header, not a profile key: a profile (and each JSON Lines row) writes "
                         "it as {written}", "“{key}”是表格的列名：档案（及 JSON Lines 的每一行）里应写作 {written}"),
    "profile.other_set": ("'{key}' is asked by {title} alone, whose questions this profile answers (answered_under: "
                          "{id}): assess it with --rules {id}",
                          "“{key}”是「{title}」才有的项目，这份资料是按这套规则填写的（answered_under: {id}）：评估时请加 --rules {id}"),
    "profile.other_set_only": ("'{key}' is asked by {title} alone: assess this profile with --rules {id}",
                               "“{key}”是「{title}」才有的项目：评估这份资料时请加 --rules {id}"),
    # the same, said to a Python API caller, who passes rules= where the command line takes --rules
    "api.profile_other_set_only": ("'{key}' is asked by {title} alone: pass rules=\"{id}\"",
                                   "“{key}”是「{title}」才有的项目：请指定 rules=\"{id}\""),
    "api.compare_other_set_only": ("'{key}' is asked by {title} alone: {this} does not ask it, and cannot judge "
                                   "this profile; compare it under sets that ask it, such as \"{id}\"",
                                   "“{key}”是「{title}」才有的项目：{this} 没有这一项，不能据以评估这份资料；"
                                   "请只在有这一项的规则下比较，如 \"{id}\""),
    "api.profile_other_set": ("'{key}' is asked by {title} alone, whose questions this profile answers (answered_under: "
                              "{id}): pass rules=\"{id}\"",
                              "“{key}”是「{title}」才有的项目，这份资料是按这套规则填写的（answered_under: {id}）：请指定 rules=\"{id}\""),
    "api.compare_other_set": ("'{key}' is asked by {title} alone, whose questions this profile answers (answered_under: "
                              "{id}): {this} does not ask it, and cannot judge these answers; compare it under sets that "
                              "ask it, such as \"{id}\"",
                              "“{key}”是「{title}」才有的项目，这份资料是按这套规则填写的（answered_under: {id}）：{this} "
                              "没有这一项，不能据以评估这些回答；请只在有这一项的规则下比较，如 \"{id}\""),
    "field.unknown": ("unknown field (expected one of: {known})", "“{key}”不是可识别的项目（这里可填写：{known}）"),
    "field.unknown_many": ("unknown field (expected one of: {known})",
                           "“{key}”不是可识别的项目（可填写的项目见 littlegiant init 生成的模板）"),
    "field.unknown_near": ("unknown field; did you mean {near!r}? (expected one of: {known})",
                           "“{key}”不是可识别的项目；您是不是想写“{near}”（{near_label}）？"),
    "field.flow_comma": ("written \"{typed}\", but in a {{…}} line a comma splits a number: drop the thousands comma "
                         "({number}) or put the figure in quotes (\"{typed}\")",
                         "写成“{typed}”，但在 {{…}} 写法里逗号会把数字拆开：请去掉千位逗号（{number}），"
                         "或给数字加上引号（\"{typed}{unit}\"）"),
    "field.flow_comma_decimal": ("written \"{typed}\", but in a {{…}} line a comma splits a number: write it without "
                                 "the comma, with a point for decimals (12.5)",
                                 "写成“{typed}”，但在 {{…}} 写法里逗号会把数字拆开：数字里不要写逗号，小数请用小数点（如 12.5）"),
    "field.part_over_whole": ("{part} is {part_value}, more than {whole} at {whole_value}: a part cannot exceed its whole",
                              "「{part}」为 {part_value}，多于「{whole}」{whole_value}：其中的部分不能超过总数"),
    "row.part_over_whole": ("{part} is {part_value}, more than {whole} at {whole_value}: a part cannot exceed its whole",
                            "{part}为 {part_value}，多于{whole}{whole_value}：其中的部分不能超过总数"),
    "set.part_over_whole": ("{part} is {part_value}, more than {whole} at {whole_value}: a part cannot exceed its whole; "
                            "to change them together, add {sets}",
                            "「{part}」为 {part_value}，多于「{whole}」{whole_value}：其中的部分不能超过总数；要一起改，"
                            "请再加 {sets}"),
    "api.set_part_over_whole": ("{part} is {part_value}, more than {whole} at {whole_value}: a part cannot exceed its "
                                "whole; to change them together, put {keys} in what_if too",
                                "「{part}」为 {part_value}，多于「{whole}」{whole_value}：其中的部分不能超过总数；要一起改，"
                                "请在 what_if 中同时写上{keys}"),
    "field.year_wide": ("the year {key!r} is written in full-width digits: write {year}",
                        "年份“{key}”用了全角数字：请改成半角的 {year}"),
    "field.year_key": ("expected a year between {low} and {high} as the key, got {shown}",
                       "这里应填年份（{low}–{high}），现在是“{key}”"),
    "field.group": ("expected a mapping, got {got}", "应在下面逐项填写（每项一行，如 {example}: …），现在是{got}"),
    "value.bool": ("expected true or false, got {got}", "应填是或否（true 或 false），现在是{got}"),
    "value.text": ("expected text, got {got}", "应填文字，现在是{got}"),
    "value.text_bytes": ("expected text, got an unpaired \\ud800-\\udfff escape or bytes that are not UTF-8",
                         "应填文字，现在含有无法识别的字符"),
    "value.text_long": ("expected text of at most {most:,} characters, got {length:,}",
                        "文字太长：最多 {most:,} 个字，现在有 {length:,} 个"),
    "value.text_bidi": ("expected text, got a direction control ({code}), which turns the text around it in a report",
                        "文字里有改变书写方向的控制字符（{code}），会使报告中前后的文字颠倒显示：请删去"),
    "value.text_control": ("expected text, got a control character ({code}), which a terminal would run",
                           "文字里有控制字符（{code}），显示时会扰乱终端：请删去"),
    "value.choice": ("expected one of {choices}, got {got}", "应填以下之一：{choices}，现在是{got}"),
    "value.choice_words": ("expected one of {choices}, got {got}", "应填以下之一：{labels}，现在是{got}"),
    "value.choice_either": ("got {got}, which covers more than one choice: write {options}",
                            "现在是{got}，这包括不止一类，请写{options}"),
    "value.choice_words_near": ("got {got}; did you mean {near!r}? (expected one of {choices})",
                                "现在是{got}，您是不是想写“{near_label}”？可填的有：{labels}"),
    "value.choice_near": ("got {got}; did you mean {near!r}? (expected one of {choices})",
                          "现在是{got}，您是不是想写“{near}”（{near_label}）？可填的有：{choices}"),
    # a choice field's choice_hint (rule data), said before the choices: 电子元器件 for 行业 told the sixteen alone
    "value.choice_hint": ("got {got}; {who} is {choice!r} (expected one of {choices})",
                          "现在是{got}，不是可填的选项：{who}请填 {choice}（{choice_label}）。可填的有：{choices}"),
    "value.choice_near_hint": ("got {got}; did you mean {near!r}? ({who} is {choice!r})",
                               "现在是{got}，您是不是想写“{near}”（{near_label}）？{who}请填 {choice}（{choice_label}）。"
                               "可填的有：{choices}"),
    "value.choice_words_hint": ("got {got}; {who} is {choice!r} (expected one of {choices})",
                                "现在是{got}，不是可填的选项：{who}请填“{choice_label}”。可填的有：{labels}"),
    "value.choice_words_near_hint": ("got {got}; did you mean {near!r}? ({who} is {choice!r})",
                                     "现在是{got}，您是不是想写“{near_label}”？{who}请填“{choice_label}”。可填的有：{labels}"),
    "value.expected": ("expected {expect}, got {got}", "应填{expect}，现在是{got}"),
    "value.yes_doubt": ("{shown!r} does not say yes for certain: answer yes only if it holds now; "
                        "a lapsed or pending one is no, and don't know if unsure",
                        "“{shown}”不能算作“是”：目前确实具备才填“是”；已过期、正在申报或待认定的填“否”，说不准的填“不知道”"),
    "value.boxes_both": ("{shown!r} ticks both boxes: tick one, or write yes or no",
                         "“{shown}”两个框都勾选了：请只勾选一个，或直接填“是”或“否”"),
    # a yes with a remark, at a question that is no title (a red line): the title's words (已过期, 申报中) meant nothing there
    "value.had_now": ("{shown!r} says it was so once: the question is whether it is so now; answer yes if it still is, "
                      "no if it no longer is", "“{shown}”说的是以前：这里问的是现在的情况，现在仍是这样填“是”，已不是（如已移出名录）填“否”"),
    "value.average": ("{shown!r} is an average over years, not this year's figure: give the year's own figure, or about "
                      "it if only roughly known (about 3200)", "“{shown}”是几年的平均数，不是这一年的数：请填这一年的数；只知道大概的，可写“约…”，如“约3200万”"),
    "value.yes_remark": ("{shown!r} does not say yes for certain: answer yes or no alone, or don't know",
                         "“{shown}”不能算作“是”：请只填“是”或“否”，说不准就填“不知道”"),
    "value.count_for_yes": ("{shown!r} does not say whether there is any: answer yes if there is at least one, "
                            "no if there is none",
                            "“{shown}”没说有没有：至少有一个填“是”，一个也没有填“否”"),
    "value.yes_and_no": ("{shown!r} says both yes and no: answer yes if it is so, no if it is not, or don't know",
                         "“{shown}”里既有“是”又有“没有”，意思相反：属实填“是”，不属实填“否”，说不准就填“不知道”"),
    "value.other_title": ("{shown!r} is another title than the one asked: answer yes if the company holds this one, "
                          "else no", "“{shown}”是另一个称号，不是这里问的：持有这里问的称号填“是”，否则填“否”"),
    "value.title_level": ("{shown!r} names a {level} title, which is not the one asked ({title}): answer yes if the "
                          "company holds {held}, else no",
                          "“{shown}”说的是{level}称号，不是这里问的{title}：持有{held}填“是”，否则填“否”"),
    "value.held_until": ("{shown!r} says until when it is valid ({until}), and this year whether it still is depends on "
                         "the day: answer yes if it is valid now, else no",
                         "“{shown}”说的是有效期到{until}，今年是否仍有效要看具体日期：目前仍在有效期内填“是”，否则填“否”"),
    "value.held_when": ("{shown!r} says when it was won, not whether it holds now (a title lapses after three "
                        "years unless renewed): answer yes if it is still in force, else no",
                        "“{shown}”说的是何时获得，不是现在是否有效（称号一般3年有效，到期未复核即失效）：目前仍在有效期内"
                        "填“是”，否则填“否”"),
    "value.choice_numbered": ("expected a number from 1 to {n} or a choice's name, got {shown!r}",
                              "应填 1–{n} 的编号或选项名称，现在是“{shown}”"),
    "value.choice_numbered_hint": ("expected a number from 1 to {n} or a choice's name, got {shown!r}; {who} is "
                                   "{choice_label} ({number})",
                                   "应填 1–{n} 的编号或选项名称，现在是“{shown}”：{who}请选“{choice_label}”（{number}）"),
    "value.choice_numbered_near": ("expected a number from 1 to {n} or a choice's name, got {shown!r}; did you mean "
                                   "{near_label} ({number})?",
                                   "应填 1–{n} 的编号或选项名称，现在是“{shown}”；您是不是想选“{near_label}”（{number}）？"),
    "value.foreign_money": ("{shown!r} is an amount in a foreign currency: the tool assesses in CNY; convert it "
                            "and give it in 万元 (10k CNY)",
                            "“{shown}”是外币金额；本工具按人民币评估，请换算成人民币后以万元填写"),
    "value.formula_error": ("the cell's formula failed ({shown!r}), so it holds no figure: correct the formula in the "
                            "sheet, or type {expect}",
                            "公式出错（单元格里是“{shown}”），没有算出数值：请在表格中改正公式，或直接填{expect}"),
    "value.typed": ("expected {expect}, got {shown!r}", "应填{expect}，现在是“{shown}”"),
    "value.typed_none": ("expected {expect}, got {shown!r}: if there is none, write 0; if unknown, write don't know",
                         "应填{expect}，现在是“{shown}”：没有的请填 0，不清楚的请填“不知道”"),
    "value.typed_none_part": ("expected {expect}, got {shown!r}: if all of the revenue comes from the main business, write "
                              "the same amount as the revenue; if there truly is none, write 0; if unknown, write "
                              "don't know",
                              "应填{expect}，现在是“{shown}”：如果收入全部来自主营业务，请填与营业收入相同的数额；"
                              "确实没有的请填 0；不清楚的请填“不知道”"),
    "value.typed_none_assets": ("expected {expect}, got {shown!r}: a company always holds some assets (its cash at "
                                "least), so total assets are never 0; write the \"total assets\" line of the balance "
                                "sheet at year end; if unknown, write don't know",
                                "应填{expect}，现在是“{shown}”：企业总有资产（至少有货币资金），资产总额不会是 0；"
                                "请填资产负债表“资产总计”行的年末数，不清楚的请填“不知道”"),
    "value.typed_none_unknown": ("expected {expect}, got {shown!r}: if there is none, or it is not known, write "
                                 "don't know",
                                 "应填{expect}，现在是“{shown}”：没有或不清楚的请填“不知道”"),
    "value.grouping": ("got {shown!r}, which is ambiguous: a comma (or space) may only group thousands, as in 1,200 "
                       "or 12,000.5; write {write}",
                       "“{shown}”看不出是多少：逗号（或空格）只能三位一组分隔千位，如 1,200、12,000.5；请写成 {write}"),
    "value.tax_inclusive": ("{shown!r} includes VAT: give the amount without VAT, as the financial statements show it "
                            "(the amount with VAT ÷ (1 + the VAT rate), e.g. ÷ 1.13 at 13%)",
                            "“{shown}”是含税金额：这里填不含增值税的数，即财务报表上的数；请换算后再填"
                            "（含税金额 ÷（1＋税率），如税率 13% 时 ÷1.13）"),
    "value.consolidated": ("{shown!r} is a consolidated figure, with the subsidiaries': the question takes the company's "
                           "own (its own audited statements or annual tax return); give the parent company's own figure "
                           "(with no subsidiaries it is the same: type {figure})",
                           "“{shown}”是合并报表的数（含子公司）：这里按本企业自己的财务报表或汇算清缴申报表填，"
                           "请填母公司（本企业）单体报表上的数；没有子公司的，直接填“{figure}”"),
    "value.pre_tax_profit": ("{shown!r} is before income tax (the total profit): give the net profit after income tax, "
                             "the \"net profit\" line of the income statement",
                             "“{shown}”是税前的数（利润总额）：这里填扣除所得税后的净利润，即利润表“净利润”行的数"),
    "value.rank_abroad": ("{shown!r} is a rank in the world; the question asks for the {asked}: give that rank "
                          "(first is 1), or don't know",
                          "“{shown}”是全球（国际）的排名；这里问的是{asked}：请填这个名次（第1名填1），不清楚就填“不知道”"),
    "value.unsure": ("{shown!r} sounds unsure: answer yes only if it is so, no if it is not, or don't know",
                     "“{shown}”听起来还不确定：确定是就填“是”，确定不是就填“否”，说不准就填“不知道”"),
    "value.ip_pending": ("{shown!r}: IP applied for counts only once granted; give the number granted and in force, "
                         "0 if none",
                         "“{shown}”：申请中的还不算，授权（取得证书）后才计入；请填已授权且有效的项数，没有就填 0"),
    "value.ip_class2": ("{shown!r} counts Class II IP (utility models, designs, software copyrights); the question asks "
                        "for Class I (invention patents and the like): give that count, 0 if none, or don't know",
                        "“{shown}”是Ⅱ类知识产权（实用新型、外观设计、软件著作权）；这里问的是Ⅰ类（发明专利等）的项数：请填Ⅰ类的项数，"
                        "没有就填 0，不清楚就填“不知道”"),
    "value.other_year": ("{shown!r} is {year}'s figure; the question asks for {asked}'s: give {asked}'s, or don't know",
                         "“{shown}”是{year}年的数；这里问的是{asked}年的，请填{asked}年的数，不清楚就填“不知道”"),
    "value.dot_grouping": ("{shown!r} is ambiguous: a point before three digits may group thousands (as some countries "
                           "write them) or be a decimal point; write {write}",
                           "“{shown}”看不出是多少：点后面跟三位数字，可能是分隔千位（有的国家这样写），也可能是小数点；请写成 {write}"),
    "value.vague": ("{shown!r} is no single figure (a range, or more or less than one): write the figure itself, "
                    "or don't know",
                    "“{shown}”不是一个确切的数（像是一个范围，或比某个数多些、少些）：请填确切的数，不清楚就填“不知道”"),
    "value.numeral": ("{shown!r} can be read more than one way: write it in digits (1200万), or in full Chinese "
                      "numerals with 零 where a place is empty (一千零五十, 一亿零二百万)",
                      "“{shown}”可以有不止一种读法：请写阿拉伯数字（如 1200万），或把中文数字写完整，"
                      "空着的位写“零”（如一千零五十、一亿零二百万）"),
    "value.numeral_mixed": ("{shown!r} mixes Chinese numerals with an exponent: write the figure in digits "
                            "(100000 or 1e5) or in Chinese numerals (十万), not both",
                            "“{shown}”把中文数字和科学计数法混在一起：请只用一种写法，写阿拉伯数字（如 100000）或中文数字（如十万）"),
    "value.numeral_unit": ("{shown!r} does not say its unit: write {write}",
                           "“{shown}”看不出单位：请写成 {write}"),
    "value.size": ("expected 0 or a number from 0.000001 to 999999999999999 in size, got {shown}",
                   "数值大小不合理（应为 0，或绝对值在 0.000001 到 999999999999999 之间），现在是 {shown}"),
    "value.rank_top": ("{shown} is a range, not a rank: give the rank itself (e.g. 2); if you only know it is in the "
                       "top {n}, type {n} (judged as the last of them)",
                       "“{shown}”是一个范围，不是名次：请填具体名次（如 2）；只知道在前 {n} 名以内时，可填 {n}（按其中最后一名判定）"),
    "value.whole": ("expected a whole number, got {shown}", "应填整数，现在是 {shown}"),
    "value.negative": ("expected an amount that is not negative, got {shown}", "金额不能为负数，现在是 {shown}"),
    "value.percent": ("expected a percentage from 0 to 100, got {shown}", "应填 0 到 100 之间的百分数，现在是 {shown}"),
    "value.min": ("expected at least {low}, got {shown}", "不能小于 {low}，现在是 {shown}"),
    "value.max": ("expected at most {high}, got {shown}", "不能大于 {high}，现在是 {shown}"),
    "value.founded": ("{shown!r} gives the year the company was founded; the question asks for the years in the main "
                      "product's market: if it has made that product since then, type \"since {year}\" and the years are "
                      "counted; if not, the year it began making it, or the number of years",
                      "“{shown}”是企业成立的年份；这里问的是从事主导产品的年限：如果成立起就做这个产品，可写“{year}年开始”，由本工具"
                      "算出年数；否则写开始做这个产品的那一年（如“2012年开始”）或年数"),
    "value.start_year": ("{shown} looks like the year it began: give the number of years up to last year end instead "
                         "(decimals allowed, e.g. 6.5)",
                         "现在是 {shown}，像是开始的年份：这里要填到上年末共从事了几年（可填小数，如 6.5）"),
    "value.start_after": ("{shown!r} is after {last_year}: if it had not begun by the end of {last_year}, write 0",
                          "“{shown}”晚于{last_year}年：到{last_year}年末还没有开始的，请填 0"),
    "value.start_before": ("{shown!r} is before {first}: check the year it began",
                           "“{shown}”早于{first}年，请核对开始的年份"),
    # --set and field paths (profile.py); columns of a batch sheet (tabular.py)
    "set.syntax": ("expected FIELD=VALUE, got {item!r}", "应写成“项目=值”（如 financials.2025.revenue=5000），现在是“{item}”"),
    "set.no_field": ("no such field {path!r}", "没有“{path}”这个项目"),
    "set.year_range": ("{year} is not a year a profile holds: figures are kept for {low} to {high}",
                       "“{path}”：没有 {year} 年这一栏，档案按年填写的数字只能是 {low}–{high} 年的"),
    "column.year_range": ("{year} is not a year a profile holds: figures are kept for {low} to {high}",
                          "没有 {year} 年这一栏，按年填写的数字只能是 {low}–{high} 年的"),
    "set.no_field_near": ("no such field {path!r}; did you mean {near!r}?",
                          "没有“{path}”这个项目；您是不是想写{near_label}（{near}）？"),
    "api.set_no_field_near": ("no such field {path!r}; did you mean {near!r}?", "没有“{path}”这个项目；您是不是想写{near_label}？"),
    "set.no_label_near": ("no such field {path!r}; did you mean {near_label!r}?", "没有“{path}”这个项目；您是不是想写「{near_label}」？"),
    "set.ambiguous": ("{path!r} is unclear ({why}): write '{names}'", "“{path}”含义不明确（{why}）：请写“{names}”"),
    "set.needs_year": ("{path!r} is a figure of some year; did you mean {near!r} ({near_label})?",
                       "“{path}”是按年份填的数字，请写明年份；您是不是想写{near_label}？"),
    "set.other_question": ("another rule set's question; these rules ask '{label}': answer it, e.g. --set {path}=no",
                           "这是另一套办法的问题；本次依据的办法问的是“{label}”，请按这个问题回答，如 --set {path}=否"),
    "api.set_other_question": ("another rule set's question; these rules ask '{label}': answer it, e.g. what_if="
                               "{{\"{path}\": \"no\"}}",
                               "这是另一套办法的问题；本次依据的办法问的是“{label}”，请按这个问题回答，如 what_if="
                               "{{\"{path}\": \"否\"}}"),
    "api.set_group": ("names a group of fields, not one field", "这是一组项目，请写到具体的一项（如「营业收入（2025年）」）"),
    "api.set_syntax": ("expected FIELD=VALUE, got {item!r}", "应写成“项目=值”（如“营业收入（2025年）=5000”），现在是“{item}”"),
    "set.group": ("names a group of fields, not one field", "这是一组项目，请写到具体的一项（如 financials.2025.revenue）"),
    "column.needs_year": ("needs its year, e.g. {example_zh} or {example}", "请在列名中写明年份，如“{example_zh}”"),
    "api.column_needs_as_of": ("names the year before the assessment date: pass as_of (the assessment date), or head it "
                               "with its year, e.g. {example_zh}",
                               "指的是评估日期的上一年：请指定 as_of（评估日期），或在列名中写明年份，如“{example_zh}”"),
    "column.part_alone": ("an 'of which' column follows the column of its whole ('{whole}'): what it is a part of "
                          "is not clear here; if it holds the company's whole figure, head it '{name}'",
                          "“其中”项应紧跟在它所属的“{whole}”列之后，这里看不出是哪一项中的一部分：若填的是企业全部的"
                          "这项数据，请把列名改为“{name}”"),
    "column.year_end_other": ("this figure is taken at last year end ({last}); the column says {year}, and is not "
                              "read: add a column '{label}' holding the figures at {last} (this one may stay)",
                              "这一项按上年末（{last}）计，这一列写的是“{year}”，评估用不到：请另加一列“{label}”，"
                              "填入上年末（{last}）的数据（这一列可以保留）"),
    "column.year_other": ("this figure is last year's ({last}); the column says {year}, and is not read: add a "
                          "column '{label}' holding {last}'s figures (this one may stay)",
                          "这一项按上一年（{last}）计，这一列写的是“{year}”，评估用不到：请另加一列“{label}”，"
                          "填入{last}的数据（这一列可以保留）"),
    "column.years_other": ("this figure is taken for {asked}; these columns are of {years}, and are not read: add "
                           "one column '{label}' holding the figures for {asked} (these may stay)",
                           "这一项按{asked}计，这几列写的是{years}，评估用不到：请另加一列“{label}”，"
                           "填入{asked}的数据（这几列可以保留）"),
    "column.needs_year_taken": ("needs its year: '{other}' is already a column, so this one holds another year's "
                                "figures; say which",
                                "请在列名中写明年份：“{other}”已有一列，这一列应是另一年的数据，请写明是哪一年"),
    "column.needs_year_stated": ("needs its year: the sheet's title or name says {year}; if these are {year}'s figures, "
                                 "head it {example_zh} or {example} (if each sheet holds one year of the same companies, "
                                 "name each sheet by its year ({year}年 …) and give the whole workbook: its sheets "
                                 "are read as one list, a row a company)",
                                 "请在列名中写明年份：表格标题或工作表名写的是“{year}年”，若这一列是那一年的数据，"
                                 "请把列名改为“{example_zh}”（若是每个工作表一年、同一批企业，请把各工作表按年份命名，"
                                 "如“{year}年”，评估整个工作簿即可自动合并为每家企业一行）"),
    "column.needs_year_titled": ("needs its year: the table's title says {year}; if these are {year}'s figures, "
                                 "head it {example_zh} or {example}",
                                 "请在列名中写明年份：表格标题写的是“{year}年”，若这一列是那一年的数据，"
                                 "请把列名改为“{example_zh}”"),
    "column.peryear_early": ("sheet '{sheet}' holds {year}, a year not over by the assessment date, whose last year is "
                             "{last}: its figures are no year's the criteria read; move the sheet out of the workbook, "
                             "or give --as-of a date in {year_after} or later",
                             "工作表“{sheet}”是{year}年的数据，按评估日期，上一年度是{last}年，{year}年尚未结束，"
                             "其数据不能作为已结束年度的数据评估：请把这张表移出工作簿，或用 --as-of 指定{year_after}年的日期"),
    "column.long_two_years": ("the table has a row per company and year, and two year columns, this one and {other!r}: "
                              "which dates a row is not guessed; delete one of them (the rows are then read for the "
                              "year the other gives)",
                              "表中每家企业每年一行，但有“{other}”和这一列两列年份，看不出按哪一列分年度：请删去其中一列"
                              "（各行按留下的那一列的年份读取）"),
    "column.long_no_ids": ("the table has a row per company and year, but no company-name or unified social credit "
                           "code column to tell which rows are one company's: add one of them (企业名称 or "
                           "统一社会信用代码)",
                           "表中每家企业每年一行，但没有“企业名称”或“统一社会信用代码”列，分不出哪几行是同一家企业："
                           "请加上其中一列"),
    "column.long_taken": ("in the rows of {year} this column is {year}'s, and so is the column {other!r}: which one "
                          "holds the figures is not guessed; keep one of the two",
                          "在{year}的行中，这一列就是{year}的数据，而“{other}”列也是：无法判断以哪一列为准，请只保留其中一列"),
    "column.long_early": ("every row's {column} is {years}, a year not over by the assessment date, whose last year is "
                          "{last}: its figures are no year's the criteria read; if they are {last}'s, write {last} in "
                          "the {column} column, or give --as-of a date in {year_after} or later",
                          "每一行的“{column}”都是{years}：按评估日期，上一年度是{last}年，这些年份尚未结束，其数据不能作为"
                          "已结束年度的数据评估；如这些其实是{last}年的数据，请把“{column}”改为{last}，或用 --as-of 指定"
                          "{year_after}年的日期"),
    "column.unknown": ("unknown column (expected a field id such as financials.2025.revenue, or its label such as "
                       "Operating revenue 2025 or 营业收入（2025年）)", "不认识这一列（列名应是项目名称，如“营业收入（2025年）”）"),
    "column.unknown_near": ("unknown column; did you mean {near_label!r}?",
                            "不认识这一列；您是不是想写“{near_label}”？"),
    "column.refused": ("{count:column|columns} refused, first: {first}", "有 {count} 列需要改名，第一列：{first}"),
    "column.ambiguous": ("unclear ({why}): head it '{names}' as it holds, or leave it out",
                         "含义不明确（{why}）：请按实际内容把列名改为“{names}”，不需要的话删去这一列"),
    "column.other_set": ("a question of {title} alone: score this list with --rules {id}",
                         "是「{title}」才有的项目：评估这份名单请加 --rules {id}"),
    "api.column_other_set": ("a question of {title} alone: pass rules=\"{id}\"",
                             "是「{title}」才有的项目：请指定 rules=\"{id}\""),
    "api.compare_column_other_set": ("a question of {title} alone: {this} does not ask it; compare under sets that ask it, "
                                     "such as \"{id}\"",
                                     "是「{title}」才有的项目：{this} 没有这一项；请只在有这一项的规则下比较，如 \"{id}\""),
    "column.same": ("the same field as column {other!r}", "与“{other}”列是同一个项目"),
    "column.results_file": ("this is a results file written by littlegiant batch, not a list of companies: give the "
                            "list the results came from (with any figures to add typed into it)",
                            "这是批量评估输出的结果文件，不是企业名单：请改用原来的企业名单再评估（要补充的数据也填在名单中）"),
    "column.no_fields": ("no column holds anything the criteria read (a company's name, industry, figures), so this "
                         "is not a list of companies: give the list of companies, or for a sheet with every column "
                         "run: littlegiant init sheet.xlsx{lang_arg}",
                         "没有一列是评估要用的数据（企业名称、行业、各项数字等），不是企业名单：请改用企业名单；"
                         "需要含全部列的空白表格，请运行：littlegiant init 模板.xlsx{lang_arg}"),
    "column.results_lines": ("this is a results file written by littlegiant batch, not a list of companies: give the "
                             "list the results came from", "这是批量评估输出的结果文件，不是企业名单：请改用原来的企业名单"),
    # said by the Python API alone (screen, read_profile), whose caller reads rows itself
    "column.results_row": ("this is a row of a results file written by littlegiant batch, not a company's figures: "
                           "screen the rows of the list the results came from (with any figures to add typed into it)",
                           "这是批量评估输出的一行评估结果，不是企业的数据：请改用原来企业名单的各行（要补充的数据也填在名单中）"),
    "column.header_row": ("the header row: {problem}", "列名行有误：{problem}"),
    "column.header_text": ("the header row is {what}", "列名行{what}"),
    "column.unit_row": ("its name says amounts in {own}, but the units row (row {line}) under it says {unit}: keep "
                        "the one the figures are in",
                        "列名写明金额单位是{own}，下面的单位行（第 {line} 行）却写着{unit}：请只保留数字实际所用的单位"),
    "column.unit_kind": ("its unit is {unit} (in its name, or in a units row under the header), but the column is "
                         "{kind}: has the units row slipped a column? Check it and run again",
                         "单位是“{unit}”（写在列名里，或列名下一行的单位行里），这一列却是{kind}：单位行是否错位了？"
                         "请核对后重新运行"),
    "column.foreign_money": ("amounts in {unit}, which cannot be converted: give them in yuan (元, 万元 or 亿元) "
                             "at the rate of the year, and name that unit",
                             "金额单位是“{unit}”，无法换算：请按当年汇率折成人民币（元、万元或亿元）填写，并写明单位"),
    "column.foreign_sheet": ("this line says the sheet's amounts are in {unit}, which cannot be converted: give them "
                             "in yuan at the rate of the year, and change the unit to 元, 万元 or 亿元",
                             "这一行写明全表金额单位是“{unit}”，无法换算：请按当年汇率把金额折成人民币填写，"
                             "并把单位改为元、万元或亿元"),
    "column.foreign_footer": ("the lines under the list say the sheet's amounts are in {unit}, which cannot be "
                              "converted: give them in yuan at the rate of the year, and change the unit to 元, 万元 or 亿元",
                              "表尾写明全表金额单位是“{unit}”，无法换算：请按当年汇率把金额折成人民币填写，"
                              "并把单位改为元、万元或亿元"),
    "column.footer_unit": ("the lines under the list say the sheet's amounts are in {below}, but {above} says {unit}: "
                           "keep the one the figures are in",
                           "表尾写明全表金额单位为{below}，{above}却写着{unit}：请只保留数字实际所用的单位"),
    "opt.sheet_no_workbook": ("no input is an Excel workbook (.xlsx), so there is no sheet {sheet!r} (a CSV or JSON "
                              "Lines file has no sheets): leave out --sheet, or give the workbook",
                              "所给的文件都不是 Excel 工作簿（.xlsx），没有名为“{sheet}”的工作表（CSV、JSON Lines 文件没有"
                              "工作表）：请去掉 --sheet，或改为给出工作簿"),
    "column.twice": ("column {column!r} appears twice (columns {first} and {second})",
                     "“{column}”列出现了两次（第 {first} 列和第 {second} 列）"),
    "row.json_object": ("expected a JSON object of profile fields such as {example}, got {got}",
                        "这一行应是一个 JSON 对象，用花括号写出各项，如 {example}；现在是{got}"),
    "row.too_long": ("the row is longer than {most:,} characters", "这一行超过 {most:,} 个字符"),
    "row.quote": ("a quote (\") opens a cell that does not close; check the quotes on this line",
                  "这一行有一个引号（\"）没有配对，请检查引号"),
    "row.cell_long": ("a cell is longer than {most:,} characters", "有一个单元格超过 {most:,} 个字符"),
    "row.csv": ("not valid CSV ({problem})", "不是有效的 CSV 格式，无法读取"),
    "row.not_text": ("the row is {what} (save the file as UTF-8, or name its encoding with --encoding)",
                     "这一行{what}（请另存为 UTF-8，或用 --encoding 写明编码）"),
    "row.cells": ("the row has {cells:cell|cells} but the header (line {header_line}) has {columns:column|columns}",
                  "这一行有 {cells} 个单元格，但第 {header_line} 行（列名）有 {columns} 列"),
    "sheet.repeated": ("the column {column!r} appears twice in the header row {row}",
                       "第 {row} 行（列名）中“{column}”列出现了两次"),
    "sheet.summary_named": ("sheet {sheet!r} has no column of company names but counts them ({column!r}): it looks "
                            "like a summary, not a list of companies; name the sheet that lists them (the workbook "
                            "has: {sheets})",
                            "工作表“{sheet}”没有企业名称列，却有“{column}”这样的计数列，像是汇总表，不是企业名单；"
                            "请指定列有企业名单的工作表（现有：{sheets}）"),
    "sheet.set_aside": ("{problems}; the workbook's other sheets ({sheets}) were read. If this one holds no list of "
                        "companies (a table a formula looks up), hide it in Excel: a hidden sheet is not read",
                        "{problems}。其余工作表{sheets}已照常评估；如果这张表不是企业名单（例如供公式查找的数据表），"
                        "可在 Excel 中把它隐藏，隐藏的工作表不会读取"),
    "sheet.set_aside_one": ("{problems}; the workbook's other sheet ({sheets}) was read. If this one holds no list of "
                            "companies (a table a formula looks up), read the list alone: add --sheet {sheet}",
                            "{problems}。工作表{sheets}已照常评估；如果这张表不是企业名单（例如供公式查找的数据表），"
                            "可加上 --sheet {sheet} 只读取名单"),
    "row.sheet_unread": ("sheet '{sheet}' could not be read row by row, and none of its companies was scored (this "
                         "row stands for them): {why}",
                         "工作表“{sheet}”无法逐行读取，其中的企业都未评估（结果中只有这一行）：{why}"),
    "row.sheet_refused": ("not scored: its sheet '{sheet}' was not read: {why}",
                          "未评估：所在的工作表“{sheet}”未能读取：{why}"),
    "sheet.set_aside_more": (", and {count:column|columns} more", "，另有 {count} 列也需改正"),
    "sheet.no_header_named": ("sheet {sheet!r} has no header row (expected column names such as Company name, "
                              "Operating revenue 2025, their Chinese 企业名称, 营业收入（2025年）, or field ids such as "
                              "financials.2025.revenue): name the sheet that lists the companies (the workbook has: "
                              "{sheets})",
                              "工作表“{sheet}”里没有找到列名行（列名应是项目名称，如企业名称、营业收入（2025年））；"
                              "请指定列有企业名单的工作表（现有：{sheets}）"),
    "sheet.empty_named": ("sheet {sheet!r} is empty: name the sheet that lists the companies (the workbook has: {sheets})",
                          "工作表“{sheet}”是空的；请指定列有企业名单的工作表（现有：{sheets}）"),
    "sheet.notes_named": ("sheet {sheet!r} holds only notes, no table of companies: name the sheet that lists them "
                          "(the workbook has: {sheets})",
                          "工作表“{sheet}”只有说明文字，没有企业名单表格；请指定列有企业名单的工作表（现有：{sheets}）"),
    "sheet.no_header": ("no header row found (expected column names such as Company name, Operating revenue 2025, "
                        "their Chinese 企业名称, 营业收入（2025年）, or field ids such as financials.2025.revenue)",
                        "没有找到列名行（列名应是项目名称，如企业名称、营业收入（2025年））"),
    "sheet.unreadable_cell": ("cell {cell} cannot be read, so the sheet was read only down to the row above it "
                              "(the file is damaged, or was saved by a program that does not keep to the Excel "
                              "format): open it in Excel or WPS, let it repair the file if it offers to, save it and "
                              "run again",
                              "单元格 {cell} 无法读取，这张工作表只读到了它的上一行（文件已损坏，或是由不符合 Excel "
                              "格式的程序保存的）：请用 Excel 或 WPS 打开，如提示修复请同意，保存后再运行"),
    "sheet.unreadable_after": ("the sheet cannot be read past row {row}, so it was read only that far (the file is "
                               "damaged, or was saved by a program that does not keep to the Excel format): open it "
                               "in Excel or WPS, let it repair the file if it offers to, save it and run again",
                               "这张工作表第 {row} 行之后的内容无法读取，只读到了第 {row} 行（文件已损坏，或是由不符合 "
                               "Excel 格式的程序保存的）：请用 Excel 或 WPS 打开，如提示修复请同意，保存后再运行"),
    "sheet.unreadable": ("the sheet cannot be read (the file is damaged, or was saved by a program that does not keep "
                         "to the Excel format): open it in Excel or WPS, let it repair the file if it offers to, save "
                         "it and run again",
                         "这张工作表无法读取（文件已损坏，或是由不符合 Excel 格式的程序保存的）：请用 Excel 或 WPS "
                         "打开，如提示修复请同意，保存后再运行"),
    "file.xlsx_inflates": ("a part of the workbook would grow from {packed:,} to {size:,} bytes, more than {most} "
                           "times (real sheets grow 5 to 20 times), which Excel does not write: open it in Excel or "
                           "WPS, save it and run again",
                           "工作簿内部有一部分解压后会从 {packed:,} 字节膨胀到 {size:,} 字节，超过 {most} 倍（正常的"
                           "工作表只有 5–20 倍），不像是 Excel 保存的文件：请用 Excel 或 WPS 打开，保存后再运行"),
    "file.xlsx_too_big": ("the workbook would hold {size:,} bytes once unpacked, more than {most:,} (Excel's largest "
                          "sheets hold some 1.3 GB): split it into several files",
                          "工作簿解压后有 {size:,} 字节，超过 {most:,} 字节（Excel 最大的工作表约 1.3 GB）：请拆分成几个文件"),
    "file.not_workbook": ("not an Excel workbook", "不是 Excel 工作簿"),
    "file.xml_comment": ("a sheet holds a comment in its XML of more than {most} MB, which Excel never writes: open "
                         "it in Excel and save it again", "工作表内部含有超过 {most} MB 的注释（Excel 不会这样保存）："
                         "请在 Excel 中打开后重新保存"),
    # a park's sheets: headers, rows and files as staff make them (tabular.py, xlsx.py, batch)
    "note.same_name": ("the same company name as {param}: entered twice? (both rows are in the results)",
                       "与“{param}”的企业名称相同，可能重复填写了同一家企业（两行都列在结果中）"),
    "note.same_code": ("the same unified social credit code as {param}: entered twice? (both rows are in the results)",
                       "与“{param}”的统一社会信用代码相同，可能重复填写了同一家企业（两行都列在结果中）"),
    "note.same_both": ("the same company name and unified social credit code as {param}: entered twice? (both rows "
                       "are in the results)", "与“{param}”的企业名称和统一社会信用代码都相同，可能重复填写了同一家企业"
                       "（两行都列在结果中）"),
    "note.code_number": ("unified social credit code “{param}” was stored by Excel as a number, which keeps 15 digits "
                         "and zeroes the rest: set the column to Text in the original sheet and type the codes again",
                         "统一社会信用代码“{param}”在 Excel 中存成了数字，只保留 15 位，末几位已变成 0；请在原表中把这一列"
                         "设为文本后重新填写"),
    "note.code_old": ("“{param}” in the unified social credit code column has 15 digits: an old business "
                      "registration number (工商注册号, before 2015), not an 18-character code; to match it against a "
                      "list of codes, type the company's unified social credit code instead",
                      "统一社会信用代码一栏的“{param}”是 15 位数字，像 2015 年以前的工商注册号，不是 18 位的统一社会"
                      "信用代码；如需与名单核对，请在原表中换成该企业的统一社会信用代码"),
    "note.code_scientific": ("unified social credit code “{param}” is Excel's scientific notation: the code's "
                             "digits are lost; set the column to Text in the original sheet and type the codes again",
                             "统一社会信用代码“{param}”是 Excel 显示的科学计数法，代码的数字已丢失；请在原表中把这一列"
                             "设为文本后重新填写"),
    "note.code_org": ("“{param}” in the unified social credit code column is a 9-character organization code "
                      "(组织机构代码), not an 18-character code; to match it against a list of codes, type the "
                      "company's unified social credit code instead",
                      "统一社会信用代码一栏的“{param}”是 9 位的组织机构代码，不是 18 位的统一社会信用代码；如要与代码"
                      "名单对照，请改填企业的统一社会信用代码"),
    "note.code_typo": ("unified social credit code “{param}” fails its check character (GB 32100): a character "
                       "mistyped? Check it in the original sheet",
                       "统一社会信用代码“{param}”校验位不符，可能有字符填错了；请在原表中核对"),
    "note.code_check": ("unified social credit code “{param}” fails its check character (GB 32100): a character "
                        "mistyped, or digits lost when Excel stored it as a number? Check it in the original sheet",
                        "统一社会信用代码“{param}”校验位不符，可能填错了，或被 Excel 存成数字后丢了末几位；请在原表中核对"
                        "（若是后者，请把这一列设为文本后重新填写）"),
    "note.code_invisible": ("unified social credit code “{param}” holds an invisible character (a zero-width space "
                            "or the like, copied from a web page): read without it; a lookup on the original sheet "
                            "still misses it, so type the code again there",
                            "统一社会信用代码“{param}”中夹有看不见的字符（如从网页复制带入的零宽空格），已去掉后读取；"
                            "原表中用它查找、比对仍会对不上，请在原表中重新输入这个代码"),
    "note.code_length": ("unified social credit code “{param}” is not 18 characters long: a character left out or "
                         "typed twice? Check it in the original sheet",
                         "统一社会信用代码“{param}”不是 18 位，可能漏填或多填了字符；请在原表中核对"),
    "note.code_no_such_letter": ("unified social credit code “{param}” holds a letter no code has (I, O, S, V, Z): a "
                                 "digit typed as the letter it looks like? Check it in the original sheet",
                                 "统一社会信用代码“{param}”中有代码里不会出现的字母（I、O、S、V、Z），可能把数字输成了形状"
                                 "相近的字母；请在原表中核对"),
    "note.code_letter": ("unified social credit code “{param}” holds the letter O or I, which no code has: read as the "
                         "digit 0 or 1 its check character fits; correct it in the original sheet",
                         "统一社会信用代码“{param}”中有字母 O 或 I（代码中没有这两个字母），按数字 0、1 读取后校验位相符；"
                         "请在原表中改正"),
    "note.same_file": ("this file is given twice: this row repeats one read before (both rows are in the results)",
                       "这个文件在输入中出现了两次，这一行与前面读到的重复（两行都列在结果中）"),
    "file.batch_xls": ("an old Excel format (.xls) this tool cannot read: open it in Excel and save it as "
                       "Excel Workbook (.xlsx), then give that file",
                       "这是旧版 Excel 格式（.xls），无法直接读取：请在 Excel 中打开，“另存为”Excel 工作簿（.xlsx）后再试"),
    "file.batch_sheet": ("{kind} ({suffix}), which this tool cannot read: open it in {app} and save it as Excel "
                         "Workbook (.xlsx), then give that file",
                         "这是{kind}（{suffix}），无法直接读取：请在 {app} 中打开，“另存为”Excel 工作簿（.xlsx）后再试"),
    "column.several": ("one yes/no for several red lines: give each its own column",
                       "一列问了几项基本条件，无法分开读取：请每项一列填写"),
    "column.not_actual": ("a figure of part of a year, a forecast or a tax-inclusive amount, not the year's actual "
                          "figure the criteria read: not read", "是部分月份、预计或含税的数，不是评估要用的全年实际数，"
                          "不读这一列"),
    "column.derived": ("a share or growth rate, which the tool works out from the figures itself: leave the column "
                       "out, or head it 备注 (notes)", "占比、增长率等由本工具按填写的数据自行计算，不读这一列："
                       "请删去这一列，或把列名改为“备注”"),
    "opt.no_chinese": ("{got} cannot hold Chinese (company names and headers would turn into ?): use utf-8 or gb18030",
                       "{got} 编码写不出中文（企业名称和列名都会变成“?”）：请改用 utf-8 或 gb18030"),
    "opt.no_chinese_input": ("the .csv output would be written in {got} too, which cannot hold Chinese (company names "
                             "and headers would turn into ?): add --output-encoding utf-8",
                             "结果文件也会用 {got} 编码，写不出中文（企业名称和列名都会变成“?”）：请加上 "
                             "--output-encoding utf-8（只改结果文件的编码）"),
    "run.no_companies": ("no company rows to score (the file is empty or holds only its header, or the sheet holds "
                         "no list of companies)", "没有可评估的企业行（文件是空的或只有列名，或工作表里没有企业名单）"),
    "note.formula_unsaved": ("{param}: a formula without its saved result, read as unknown: open the file in Excel, "
                             "save it and run again", "{param}是公式，但没有保存计算结果，按“未知”处理：请在 Excel 中"
                             "打开并保存后再试"),
    "note.merged_figures": ("{param}: a cell merged over several companies, a figure none of them has alone, read "
                            "as unknown: unmerge it and give each company its own figure",
                            "{param}是跨几家企业的合并单元格，不能算作其中任何一家的数，按“未知”处理：请取消合并，"
                            "给每家企业分别填上自己的数"),
    "run.formula_unsaved": ("littlegiant: note: {where}: {count:formula cell has|formula cells have} no saved result "
                            "(a file written by a program?), read as unknown: open the file in Excel, save it and run "
                            "again",
                            "littlegiant 提示：{where} 中有 {count} 个公式单元格没有保存计算结果（文件可能由程序生成），"
                            "按“未知”处理：请在 Excel 中打开并保存后再试"),
    "run.summary_skipped": ("read {read}, scored {scored}, errors {errors}, skipped {skipped} (no company: see above)"
                            "{unread} -> {output}", "共读取 {read} 行，已评估 {scored} 行，出错 {errors} 行，略过 {skipped} 行"
                            "（不是企业，见上方提示）{unread}→ {output}"),
    "note.title_unread": ("{param}: not a yes or no, read as unknown: write yes for a title still in force, "
                          "else no",
                          "{param}列填的不是“是/否”，按“未知”处理：称号仍在有效期内的请填“是”，否则填“否”"),
    "note.no_header": ("“{param}” is in a column without a header and was not read: if it is a figure, give its "
                       "column a header", "“{param}”所在的列没有列名，未参与评估；如是某项数据，请在表头补上列名"),
    "note.hidden_row": ("this row is hidden in the original sheet (by hand, or filtered out): scored all the same",
                        "这一行在原表中是隐藏的（手动隐藏或被筛选掉），仍照常评估"),
    "note.no_name": ("no company name: fill in its name so that the row can be told", "没有填写企业名称，请补上以便识别是哪家企业"),
    # a workbook of one sheet a year, read as one list (load/peryear.py)
    "note.peryear_missing": ("not on sheet {param}: that year's figures are unknown (not 0); add the company's row "
                             "there if it has them",
                             "工作表{param}中没有这家企业，那一年的数据按未知处理（不按0计）；如有数据，请在该表补上这家企业的行"),
    "note.peryear_not_latest": ("not on the latest sheet {param}: that year's figures are unknown, and so are its head "
                                "count, IP, titles and the other figures that are not a year's (older sheets' are "
                                "not read for them)",
                                "最新一年的工作表“{param}”中没有这家企业：那一年的数据，以及从业人员、知识产权、称号等不分年份的"
                                "数据，都按未知处理（不取旧年份表中的数据）"),
    "row.peryear_twice": ("{name} is on sheet '{sheet}' more than once ({rows}): which row holds the company's "
                          "figures cannot be told; keep one",
                          "“{name}”在工作表“{sheet}”中出现了不止一次（{rows}），无法判断哪一行是这家企业的数据，请只保留一行"),
    "row.peryear_disagree": ("the sheets disagree on its {what}: {first_value} on {first}, {second_value} on {second}; "
                             "correct the wrong one so the rows can be matched",
                             "各年工作表的{what}不一致：{first}为“{first_value}”，{second}为“{second_value}”，"
                             "请改正错的一处，以便对应为同一家企业"),
    # a long table, a row per company and year (年度 in a column), read as one row per company (load/peryear.py)
    "note.long_carried": ("rows of some years name no company: read as this company's, the row above them, as a name "
                          "merged down over its years' rows is; what is not a year's figure (head count, IP, yes/no "
                          "answers) is read from its latest year's row alone, unknown where that row is blank",
                          "有的年度行没有填企业名称和统一社会信用代码，按其上方这家企业读取（如同企业名称合并单元格）；"
                          "从业人员、知识产权、是否类回答等不分年份的数据只取最新一年的那一行，那一行空着的按未知处理"),
    "note.long_missing": ("no row of {param}: that year's figures are unknown (not 0); add the company's row of "
                          "that year if it has them",
                          "没有这家企业{param}的一行，那一年的数据按未知处理（不按0计）；如有数据，请补上这家企业那一年的一行"),
    "note.long_not_latest": ("no row of the latest year, {param}: that year's figures are unknown, and so are its "
                             "head count, IP, titles and the other figures that are not a year's (older years' rows "
                             "are not read for them)",
                             "没有这家企业最新一年（{param}）的一行：那一年的数据，以及从业人员、知识产权、称号等不分年份的"
                             "数据，都按未知处理（不取旧年份那一行的数据）"),
    "note.long_after": ("its row of {param} was not read: that year is not over by the assessment date, and the "
                        "criteria read the years before it",
                        "{param}年的一行未读取：按评估日期该年尚未结束，评估只看此前已结束的年度"),
    "row.long_twice": ("{name} has more than one row of {year} ({rows}): which holds the company's figures cannot be "
                       "told; keep one",
                       "“{name}”{year}有不止一行（{rows}），无法判断哪一行是这家企业的数据，请只保留一行"),
    "row.long_disagree": ("its rows disagree on its {what}: {first_value} on {first}, {second_value} on {second}; "
                          "correct the wrong one so the rows can be matched",
                          "这家企业各年的{what}不一致：{first}为“{first_value}”，{second}为“{second_value}”，"
                          "请改正错的一处，以便对应为同一家企业"),
    "row.long_year_blank": ("{row}: the {column} cell is empty: which year its figures are of cannot be told; "
                            "fill in the year (2025)",
                            "{row}“{column}”为空，无法判断这一行是哪一年的数据，请填写年份（如2025）"),
    "row.long_year_not": ("{row}: {column} {value!r} is not a year: which year its figures are of cannot be "
                          "told; write the year alone (2025 or 2025年度)",
                          "{row}“{column}”填的“{value}”不是年份，无法判断这一行是哪一年的数据，请只填年份（如2025或2025年度）"),
    "row.long_year_part": ("{row}: {column} {value!r} is part of {year}, not the whole year: the criteria read "
                           "whole years' figures; give the row of the whole year {year}, once it is over (if its "
                           "figures are the whole year's already, write {year} alone)",
                           "{row}“{column}”填的“{value}”只是{year}的一部分，不是全年：评估看的是全年数据，"
                           "请改为{year}全年的数据（该年结束后）；如这一行本就是全年数据（1-12月累计），请只填“{year}”"),
    "row.long_after": ("{row}: {column} {year} is a year not over by the assessment date, whose last year is "
                       "{last}: its figures are no year's the criteria read, and the company has no row of an "
                       "earlier year",
                       "{row}“{column}”为{year}：按评估日期，上一年度是{last}，{year}尚未结束，其数据不能作为"
                       "已结束年度的数据评估，而这家企业没有更早年份的一行"),
    "column.one_column": ("the file reads as one column whose name holds tabs or semicolons: save it from Excel "
                          "as CSV (comma delimited) or as an Excel workbook (.xlsx)",
                          "读出来只有一列，列名里夹着制表符或分号：请在 Excel 中另存为“CSV（逗号分隔）”或 Excel 工作簿（.xlsx）后再试"),
    "column.not_level": ("says whether there is one, not its level: head the column '{label}' and give "
                         "national, provincial, city, below_city or none",
                         "这一列只说有没有，评估要的是级别：请把列名改为“{label}”，填写国家级、省级、市级、市级以下或无"),
    "column.score_year": ("a year in the header does not say whether it is this year's evaluation or last year's: "
                          "head it '{this}' or '{previous}', as it holds",
                          "列名中的年份看不出是本年度还是上一年度的评价得分：请按实际内容把列名改为“{this}”或“{previous}”"),
    "column.figure_words": ("names {words!r} but not which figure: head it '{name}' if it holds that, or "
                            "leave it out (or head it 备注) if it is only for reference",
                            "列名里有“{words}”，但看不出是哪一项数据：若填的是这一项，请把列名改为“{name}”；"
                            "若只是参考，请删去这一列或把列名改为“备注”"),
    # outputs (fileio, cli, batch)
    "out.dangling": ("is a link to nothing; give the path of a file", "是指向不存在位置的链接，请给出文件路径"),
    "opt.save_suffix": ("answers are saved as a YAML file: name one ending in .yaml",
                        "回答保存为 YAML 文件：请给出以 .yaml 结尾的文件名"),
    "out.not_results": ("exists and is not a littlegiant results file; to keep it, write the results to another "
                        "file name (or move it away first)",
                        "已存在，而且不是本工具写出的评估结果（可能是企业名单等文件）；为免覆盖，请把结果写到另一个文件名，或先把它移走"),
    "out.not_report": ("exists and is not a littlegiant result (a profile can be JSON too); write the report to "
                       "another file name", "已存在，而且不是本工具写出的评估结果（企业数据也可能是 JSON 文件）；请把报告写到另一个文件名"),
    "out.not_our_report": ("exists and is not a littlegiant report; to keep it, write the report to another file name "
                           "(or move it away first)",
                           "已存在，而且不是本工具写出的报告；为免覆盖，请把报告写到另一个文件名，或先把它移走"),
    "out.report_input_name": ("a report cannot be written to a {suffix} file, the kind that holds a company's "
                              "figures: write .html, .md, .json or .txt",
                              "报告不能写到 {suffix} 文件（这类文件存放企业数据，会被覆盖）：请写成 .html、.md、.json 或 .txt"),
    "out.unwritable": ("cannot write: {error}", "无法写入：{error}"),
    "out.kind": ("is {kind}, expected a regular file to write", "是{kind}，请给出要写入的普通文件"),
    "out.is_input": ("is one of the inputs{what}; write the output to another file",
                     "是输入文件之一{what}，不能覆盖；请把结果写到另一个文件"),
    "out.read_only": ("is read-only; give another file or make it writable", "是只读文件；请换一个文件，或先取消只读"),
    "out.no_folder": ("expected a file in an existing folder", "所在的文件夹不存在"),
    "out.no_name": ("expected a file name, got an empty one", "文件名是空的，请给出要写入的文件名"),
    "out.trailing_space": ("the name ends in a space, which no one sees when looking for the file: write {name}",
                          "文件名末尾有空格，找文件时看不出来：请写成 {name}"),
    "out.no_folder_named": ("there is no folder {folder}: create it first, or name a file in a folder that exists",
                           "没有“{folder}”这个文件夹：请先建好它，或改存到已有的文件夹中"),
    "out.folder_is_file": ("{file} is a file, not a folder: name a file in a folder that exists",
                          "“{file}”是文件，不是文件夹：请改存到已有的文件夹中"),
    "out.open_in_excel": ("{output} is open in Excel: close it, then run again (if Excel is closed, delete "
                          "{lock} beside it)", "{output} 正在 Excel 中打开，请先关闭再运行（若 Excel 已关闭，请删去旁边的 {lock}）"),
    "out.open_in_office": ("{output} is open in LibreOffice or WPS: close it, then run again (if it is closed, delete "
                           "{lock} beside it)",
                           "{output} 正在 LibreOffice 或 WPS 中打开，请先关闭再运行（若已关闭，请删去旁边的 {lock}）"),
    "out.in_use": ("{output} cannot be replaced: it is probably open in Excel or another program; close it, then run "
                   "again", "{output} 无法替换，可能正在 Excel 等程序中打开，请先关闭再运行"),
    "out.no_such_folder": ("ends in /, which names a folder, and there is no such folder: give the file's name "
                           "without the /", "以 / 结尾，指的是文件夹，但没有这个文件夹：请给出文件名（去掉末尾的 /）"),
    "out.lock_kind": ("{lock} beside it is {kind}, not littlegiant's own lock file: remove it, then run again",
                      "旁边的 {lock} 是{kind}，不是本工具自己的锁文件：请删除它后再运行"),
    "out.locked": ("{output} is being written by another littlegiant run (in another window, or a colleague's); this "
                   "run wrote nothing: wait for that run to end, then run again, or write to another file",
                   "{output} 正在由另一个 littlegiant 写入（可能在另一个窗口，或是同事在运行），本次没有写入任何内容。"
                   "请等它运行结束后再运行，或写到另一个文件"),
    "out.changed": ("became {kind} while the output was written; not replaced", "在写入期间变成了{kind}，未替换"),
    "out.exists": ("already exists (use --force to overwrite)", "已存在（要覆盖请加 --force）"),
    "out.batch_kind": ("expected an output file ending in .csv, .jsonl or .xlsx", "结果文件名应以 .csv、.jsonl 或 .xlsx 结尾"),
    "out.json_rows": ("--format json rows need a .jsonl output", "--format json 的结果只能写到 .jsonl 文件"),
    "out.report_kind": ("cannot write a {suffix} report: write .html (open it in a browser to print or save as PDF), "
                        ".md, .json or .txt",
                        "不能直接写出 {suffix} 格式的报告：请写成 .html（在浏览器中打开后可打印或另存为 PDF），或 .md、.json、.txt"),
    "out.xlsx_name": ("expected a file name ending in .xlsx", "文件名应以 .xlsx 结尾"),
    "out.csv_name": ("expected a file name ending in .csv", "文件名应以 .csv 结尾"),
    "out.stdout": ("cannot write the report to standard output: {error}", "无法把报告输出到屏幕（标准输出）：{error}"),
    "out.stdout_closed": ("cannot write the report to standard output: it is closed",
                          "无法把报告输出到屏幕：标准输出已关闭（例如命令末尾写了 >&-）"),
    "out.save": ("cannot save the answers: {error}", "无法保存回答：{error}"),
    "interview.replaced_kind": ("{save} was replaced by {kind} during the interview: it is neither read nor "
                                "written; all {n:answer|answers} are saved to {kept}. Check them, then run {cmd} "
                                "to go on", "{save} 在问答过程中被换成了{kind}，没有读取或写入它；全部 {n} 个回答已存到 "
                                "{kept}。核对后可运行 {cmd} 继续"),
    "out.save_kept": ("cannot save the last answer: {error}; the file keeps every answer before it: once that is "
                      "mended, run {cmd} to go on", "无法保存刚才的回答：{error}；文件里保留着此前的全部回答，问题解决后"
                      "运行 {cmd} 继续"),
    "out.kept_none": ("no rows written; {output} left as it was", "没有写出任何行；{output} 保持原样"),
    "out.kept_none_new": ("no rows written; {output} not created", "没有写出任何行，未生成 {output}"),
    "out.kept_rows_new": ("{rows:row|rows} written to {partial} ({output} not created)",
                          "已写出的 {rows} 行保存在 {partial}（未生成 {output}）"),
    "out.kept_rows": ("{rows:row|rows} written to {partial} ({output} left as it was)",
                      "已写出的 {rows} 行保存在 {partial}（{output} 保持原样）"),
    # options (cli)
    "opt.no_such_day": ("{got!r} is no day: {en_month} has {days} days", "“{got}”不是存在的日期：{zh_month}只有 {days} 天"),
    "opt.no_such_month": ("{got!r} is no day: a month is 1 to 12", "“{got}”不是存在的日期：月份应在 1 到 12 之间"),
    "opt.date": ("expected a date YYYY-MM-DD, got {got!r}", "应填日期，格式为“年-月-日”（如 2026-03-01），现在是“{got}”"),
    "opt.date_late": ("expected a date up to {last}, got {got!r}", "应填 {last} 及以前的日期，现在是“{got}”"),
    "opt.renewal": ("name the title renewed: --renewal zjtx_sme (the specialised and sophisticated SME title, 专精特新中小企业) "
                    "or --renewal little_giant (the Little Giant title, 小巨人), "
                    "or --renewal none for a new application; got {got!r}",
                    "请写明复核的称号：--renewal zjtx_sme（专精特新中小企业）或 --renewal little_giant"
                    "（专精特新“小巨人”），新申请写 --renewal none；现在是“{got}”"),
    "opt.renewal_near": ("name the title renewed: --renewal zjtx_sme (the specialised and sophisticated SME title, "
                         "专精特新中小企业) or --renewal little_giant (the Little Giant title, 小巨人), or --renewal none "
                         "for a new application; got {got!r}; did you mean {near!r}?",
                         "请写明复核的称号：--renewal zjtx_sme（专精特新中小企业）或 --renewal little_giant"
                         "（专精特新“小巨人”），新申请写 --renewal none；现在是“{got}”；您是不是想写 {near}？"),
    "opt.renewal_ambiguous": ("{got!r} fits more than one title: name the title renewed, --renewal zjtx_sme "
                              "(the specialised and sophisticated SME title, 专精特新中小企业) or --renewal "
                              "little_giant (the Little Giant title, 专精特新\"小巨人\"企业)",
                              "“{got}”可以指不止一个称号，请写明复核哪一个：--renewal zjtx_sme（专精特新中小企业）"
                              "或 --renewal little_giant（专精特新“小巨人”企业）"),
    "opt.renewal_missing": ("name the title renewed: --renewal zjtx_sme (the specialised and sophisticated SME title, "
                            "专精特新中小企业) or --renewal little_giant (the Little Giant title, 小巨人)",
                            "请写明复核的称号：--renewal zjtx_sme（专精特新中小企业）或 --renewal little_giant"
                            "（专精特新“小巨人”）"),
    "opt.value_missing": ("{option} needs a value after it (here, {what}); the next word, {next}, is another option",
                          "{option} 后面要跟{what}，现在紧跟着的是另一个选项 {next}"),
    "opt.lang": ("expected zh or en (or a tag such as zh-CN, en-US), got {got!r}", "应填 zh 或 en，现在是“{got}”"),
    "opt.choice": ("expected one of {choices}, got {got!r}", "应填以下之一：{choices}，现在是“{got}”"),
    "opt.choice_near": ("got {got!r}; did you mean {near!r}? (expected one of {choices})",
                        "现在是“{got}”，您是不是想写 {near}？（可填：{choices}）"),
    "opt.compare": ("expected two rule sets separated by a comma, got {got!r}",
                    "应填两个规则版本，用逗号隔开（如 miit-2022,miit-2026），现在是“{got}”"),
    "opt.compare_same": ("names {got!r} twice: a comparison is of two different rule sets (e.g. miit-2022,miit-2026)",
                         "两次写的都是“{got}”：对比要写两个不同的规则版本（如 miit-2022,miit-2026）"),
    "opt.explain_other": ("no criterion of {rules} matches {got!r}; {other} has: {named} (it judges assessments up to "
                          "{as_of}: add --as-of {as_of} to see it)",
                          "《{rules}》中没有与“{got}”相符的条件；《{other}》中有：{named}（该办法适用于 {as_of} 及以前的"
                          "评估，可加 --as-of {as_of} 查看）"),
    "opt.explain_other_rules": ("no criterion of {rules} matches {got!r}; {other} has: {named} (--rules {other_id} "
                                "shows it)",
                                "《{rules}》中没有与“{got}”相符的条件；《{other}》中有：{named}（用 --rules {other_id} 查看）"),
    "opt.explain_other_from": ("no criterion of {rules} matches {got!r}; {other} has: {named} (it judges assessments "
                               "from {as_of}: add --as-of {as_of} to see it)",
                               "《{rules}》中没有与“{got}”相符的条件；《{other}》中有：{named}（该办法适用于 {as_of} 起"
                               "的评估，可加 --as-of {as_of} 查看）"),
    "rules.test_none": ("no rule file (.yaml) in this folder to test", "这个文件夹里没有可测试的规则文件（.yaml）"),
    "opt.explain_route": ("{got!r} is \u201c{title}\u201d, judged only in a renewal of the title: add --renewal {renewal}",
                          "“{got}”是「{title}」，只在称号复核时评估：请加上 --renewal {renewal}"),
    "opt.explain_near": ("no criterion {got!r}; did you mean {near} ({title})?",
                         "没有找到“{got}”这一条件；您是不是想写 {near}（{title}）？"),
    "opt.explain": ("no criterion {got!r} in {rules} (an id from --format json, or words of a criterion's title)",
                    "没有找到与“{got}”相符的条件：请写条件名称中的词，如“研发费用”“营业收入”“细分市场”"),
    "opt.init_two": ("give one template at a time: FILE, --csv or --xlsx", "一次只能生成一个模板：FILE、--csv 或 --xlsx 三选一"),
    "opt.init_kind": ("cannot write a {suffix} template: name it .yaml (a profile), .xlsx or .csv (a sheet for batch)",
                      "不能生成 {suffix} 格式的模板：请用 .yaml（企业资料）、.xlsx 或 .csv（批量评估表格）"),
    "opt.explain_format": ("writes text or JSON; write it to a .txt or .json file",
                           "只输出文字或 JSON，请写到 .txt 或 .json 文件"),
    "opt.explain_compare": ("explains a criterion under one rule set and cannot be used with --compare: run it once for "
                            "each set, with --rules {first} and then --rules {second}",
                            "一次只解释一个规则集下的条件，不能与 --compare 同用：请分别加 --rules {first} 和 "
                            "--rules {second} 各运行一次"),
    "opt.detail_compare": ("shows how each criterion was worked out under one rule set, and a comparison shows the "
                           "verdicts side by side without it: for the working, run it once for each set, with "
                           "--rules {first} --detail and then --rules {second} --detail",
                           "会列出一个规则集下每项条件的计算过程，对比只并排列出结论，不含计算过程：要看计算过程，请分别加 "
                           "--rules {first} --detail 和 --rules {second} --detail 各运行一次"),
    "opt.explain_many": ("{got!r} names {count} criteria; be more specific, e.g. write one of their titles in full: "
                         "{named}",
                         "“{got}”对应 {count} 个条件，请写得更具体，例如写出其中一个的完整名称：{named}"),
    "opt.columns_template": ("only with --csv (an .xlsx template has labels, a profile template field ids)",
                             "只能与 --csv 一起用（.xlsx 模板总用文字列名，企业信息模板总用英文编号）"),
    "opt.jobs_min": ("expected 1 or more, got {got}", "至少为 1，现在是 {got}"),
    "opt.jobs_max": ("expected at most {most} (twice the {cpus} CPUs this process may use), got {got}",
                     "最多为 {most}（本机可用 {cpus} 个处理器的两倍），现在是 {got}"),
    "opt.columns_csv": ("only for a .csv output (an .xlsx has labels, JSON Lines has ids)",
                        "只用于 .csv 结果文件（.xlsx 总用文字列名，JSON Lines 总用英文编号）"),
    "opt.profile_stdin": ("a profile is not read from standard input: save it to a file and give the file's name "
                          "(littlegiant assess company.yaml), or give no file to answer the questions",
                          "不能从标准输入读取企业信息：请先存成文件再写文件名（如 littlegiant assess company.yaml），"
                          "或不写文件名改为逐题回答"),
    "opt.save_profile": ("is for the interview (assess with no profile file), where its answers are saved; a profile "
                         "file is only read: drop --save, or leave out the file to answer the questions",
                         "只用于问答（assess 后面不写企业信息文件时），指定回答保存到哪里；给了企业信息文件时只读取、"
                         "不另存：请去掉 --save，或不写文件名改为逐题回答"),
    "opt.save_chars": ("expected a file name without line breaks or other control characters",
                       "文件名里不能有换行或其他控制字符"),
    "opt.no_rule": ("no rule {got!r} in {sets} (a rule set's id lists every rule: littlegiant rules show {first})",
                    "{sets} 中没有“{got}”这条规则；写规则版本（如 {first}）可列出其中全部条件及编号"),
    "rules.unknown": ("unknown rule set {got!r} (built-in: {known}; or give a YAML file)",
                      "没有“{got}”这个规则版本（内置的有：{known}；也可以给出规则文件）"),
    "rules.unknown_near": ("unknown rule set {got!r}; did you mean {near!r}? (built-in: {known}; or give a YAML file)",
                           "没有“{got}”这个规则版本；您是不是想写 {near}？（内置的有：{known}；也可以给出规则文件）"),
    "rules.no_file": ("no such rule file", "找不到这个规则文件"),
    "rules.not_text": ("not text in any encoding tried ({tried}); save it as UTF-8",
                       "按常用编码（UTF-8、GB18030/GBK、UTF-16、UTF-32）都读不出文字；请另存为 UTF-8"),
    "rules.not_rules": ("not a rule file (it looks like a company's profile): --rules takes a rule set's id "
                        "(such as miit-2026) or a rule file",
                        "这不是规则文件（像是企业信息文件）：--rules 后面应写规则版本名（如 miit-2026）或规则文件"),
    "rules.top": ("not a rule file: expected a mapping of rule keys (format: 1, id, ...) at the top, got {found}",
                  "这不是规则文件：文件开头应是规则的各项（format: 1、id 等），现在是{found}"),
    "rules.folder_count": ("a rules folder must hold exactly one rule set, found {count}",
                           "规则文件夹中应只有一个规则文件，现在有 {count} 个"),
    # rule files, for their author (load/rules, load/expr): each problem at its file:line and key, which stay
    # as written; a value the author wrote is quoted as each language quotes it ('x' in en, “x” in zh)
    "rule.mapping": ("expected a mapping, got {got}", "应是一组键值，现在是{got}"),
    "rule.unknown_key": ("unknown key {name} (expected one of: {allowed})", "不认识的键{name}（应是以下之一：{allowed}）"),
    "rule.unknown_key_near": ("unknown key {name}: did you mean {near}? (expected one of: {allowed})",
                              "不认识的键{name}，是不是想写{near}？（应是以下之一：{allowed}）"),
    "rule.missing_key": ("missing required key {name}", "缺少必填的键{name}"),
    "rule.string": ("expected a non-empty string, got {got}", "应填非空的文字，现在是{got}"),
    "rule.id": ("{value} is not a valid id (lower-case letters, digits, '_')",
                "{value}不是有效的编号（只能用小写字母、数字和 _）"),
    "rule.unit_money": ("{unit} scales an amount: every amount is in 万元 (write unit: 万元, and 1亿元 as 10000)",
                        "单位{unit}会改变金额的大小：金额一律以万元计（请写 unit: 万元，1亿元写作 10000）"),
    "rule.unit_of_field": ("the unit {unit} is not that of {name}, {own}: its figure is compared as given",
                           "单位{unit}与{name}本身的单位{own}不同：比较时用的是原数，请改用{own}"),
    "rule.choice": ("expected one of {allowed}, got {value}{hint}", "应是以下之一：{allowed}，现在是{value}{hint}"),
    "rule.flag": ("expected true or false, got {got}", "应填 true 或 false，现在是{got}"),
    "rule.number": ("expected a number, got {got}", "应填数字，现在是{got}"),
    "rule.missing_text": ("missing required key {name} (a mapping with zh and en)",
                          "缺少必填的键{name}（应写 zh 和 en 两种文字）"),
    "rule.texts": ("expected a list of {{zh, en}} texts, got {got}", "应是一个列表，每项写 zh 和 en 两种文字，现在是{got}"),
    "rule.formula_bool": ("expected a formula, got a boolean", "应填公式，现在是 true 或 false"),
    "rule.formula_kind": ("expected a formula string, got {got}", "应填公式（文字），现在是{got}"),
    "rule.formula_parts": ("the formulas of this rule set have more than {limit:,} parts in all (names, numbers, "
                           "operators; each 'use' counted)",
                           "这版规则的公式合计超过 {limit:,} 个部分（名称、数字、运算符；每处 use 都计入）"),
    "rule.words": ("expected a non-empty list of words, got {got}", "应是非空的词语列表，现在是{got}"),
    "rule.words_many": ("more than {limit} words", "词语超过 {limit} 个"),
    "rule.word": ("expected a word (text of 1 to {limit} characters), got {got}",
                  "应是一个词语（1 到 {limit} 个字符的文字），现在是{got}"),
    "rule.list": ("expected a list, got {got}", "应是一个列表，现在是{got}"),
    "rule.number_size": ("{number} is not a size a rule uses (0, or from 0.000001 to under 10^15)",
                         "{number} 超出规则可用的数值范围（应为 0，或 0.000001 到 10^15 以下）"),
    "rule.number_places": ("{number} has more than {places} decimal places", "{number} 的小数超过 {places} 位"),
    "rule.control": ("expected text without control characters (such as ESC, BEL or a bidirectional override), got "
                     "U+{code}", "文字中不能有控制字符（如 ESC、BEL 或文字方向控制符），现在有 U+{code}"),
    "rule.format": ("expected format 1 (the one this version reads), got {got}",
                    "应写 format: 1（本版本读取的格式），现在是{got}"),
    "rule.extends_outside": ("extends {ref}, outside this rule file's folder (give --allow-outside to read it)",
                             "extends 指向的{ref}在本规则文件所在的文件夹之外（确需读取时请加 --allow-outside）"),
    # the same, said to a Python API caller: assess(), compare() and screen() take no allow_outside; load_rules does
    "api.rule_extends_outside": ("extends {ref}, outside this rule file's folder: to read it, load the set with "
                                 "load_rules(its path, allow_outside=True) and pass that",
                                 "extends 指向的{ref}在本规则文件所在的文件夹之外：确需读取时，请用 load_rules(文件路径, "
                                 "allow_outside=True) 读入这套规则，再把它传给评估"),
    "rule.extends_missing": ("extends {ref}, which does not exist", "extends 指向的{ref}不存在"),
    "rule.extends_unknown": ("extends unknown rule set {ref}", "extends 指向的规则版本{ref}不存在"),
    "rule.extends_loop": ("extends {ref}, which extends this file again", "extends 指向的{ref}又扩展回本文件，形成循环"),
    "rule.extends_chain": ("extends more than {limit} rule sets in a chain", "extends 逐层扩展的规则超过 {limit} 个"),
    "rule.extends_broken": ("the built-in rules it extends do not load with this file's changes: {said} ({where})",
                            "本文件的改动使它所扩展的内置规则无法读取：{said}（{where}）"),
    "rule.set_id": ("{value} is not a valid rule set id", "{value}不是有效的规则版本编号"),
    "rule.round_id": ("a round file modifies the set it extends and keeps its id: expected id {expected}",
                      "批次文件修改它所扩展的规则并沿用其编号：id 应为{expected}"),
    "rule.builtin_id": ("{value} is the id of a built-in rule set, whose name the results would carry: give this file "
                        "an id of its own, such as {suggest}",
                        "{value}是内置规则版本的编号，评估结果会带上这个名称：请给本文件另起一个编号，如{suggest}"),
    "rule.force_end": ("expected a last day on or after the first ({start}), got {end}",
                       "最后一天应不早于第一天（{start}），现在是 {end}"),
    "rule.date": ("expected a date YYYY-MM-DD, got {got}", "应填 YYYY-MM-DD 格式的日期，现在是{got}"),
    "rule.field_id": ("a field id is lower-case letters, digits and '_'", "数据项的编号只能用小写字母、数字和 _"),
    "rule.path": ("{value} is not a dotted path of lower-case names and {{year}}",
                  "{value}不是由小写名称和 {{year}} 以点连接的路径"),
    "rule.path_used": ("path {value} is already used by field {other}", "路径{value}已被数据项{other}使用"),
    "rule.path_group": ("path {value} holds other fields (such as {other}): a field's path cannot be a group's",
                        "路径{value}下还有其他数据项（如{other}）：数据项的路径不能同时是一组数据项的路径"),
    "rule.path_under": ("path {value} is under the path of field {other}, which holds a value, not fields",
                        "路径{value}在数据项{other}的路径之下，而后者存放的是一个值，不是一组数据项"),
    "rule.choices_needed": ("a choice field needs 'choices'", "选项型数据项（type: choice）要写 choices"),
    "rule.choice_id_text": ("a choice id is text, got {got} (put it in quotes)", "选项编号应是文字，现在是{got}（请加上引号）"),
    "rule.choices_only": ("only a choice field has 'choices'", "只有选项型数据项（type: choice）才能写 choices"),
    "rule.help_missing": ("missing required key 'help' ({zh: …, en: …}: what the interview shows under the question, "
                          "as every built-in field has)",  # no parameters: said as written, braces and all
                          "缺少必填的键“help”（{zh: …, en: …}：逐题回答时显示在问题下方的说明，每个内置数据项都有）"),
    "rule.max_min": ("expected a max at or above the min ({low}), got {high}", "max 应不小于 min（{low}），现在是 {high}"),
    "rule.type_as_before": ("the rules this file extends read {name} as {was}: expected type {types}, got {got}",
                            "本文件所扩展的规则把{name}当作{was}读取：type 应为 {types}，现在是{got}"),
    "rule.path_as_before": ("the rules this file extends keep {name} {kept}: expected the same, got {path}",
                            "本文件所扩展的规则中{name}{kept}：应与之相同，现在是{path}"),
    "rule.hint_only": ("only a choice field has 'choice_hint'", "只有选项型数据项（type: choice）才能写 choice_hint"),
    "rule.zero_only": ("only a whole-number field (type: int) says what 0 means",
                       "只有整数型数据项（type: int）才能用 zero 说明 0 的含义"),
    "rule.word_taken": ("{word} is already {said} of choice {other}: a word names one choice, once",
                        "{word}已是选项{other}的{said}：一个词只能指一个选项，且只写一次"),
    "rule.levels_only": ("only a choice field has 'name_levels'", "只有选项型数据项（type: choice）才能写 name_levels"),
    "rule.marks": ("expected 1 to {limit} marks, each a word with the choice it gives",
                   "应有 1 到 {limit} 个标记，每个标记是一个词及其对应的选项"),
    "rule.forms_only": ("only a choice field has 'name_forms'", "只有选项型数据项（type: choice）才能写 name_forms"),
    "rule.forms_empty": ("name_forms needs at least one of codes, endings, either, sections",
                         "name_forms 至少要写 codes、endings、either、sections 中的一项"),
    "rule.not_choice": ("{value} is not a choice of this field (expected one of: {allowed})",
                        "{value}不是这个数据项的选项（应是以下之一：{allowed}）"),
    "rule.ending_twice": ("ending {value} is given twice: an ending names one choice, once",
                          "结尾{value}写了两次：一个结尾只能指一个选项，且只写一次"),
    "rule.either_count": ("expected 1 to {limit} words, each with the choices it may mean",
                          "应有 1 到 {limit} 个词，每个词附上它可能指的几个选项"),
    "rule.either_taken": ("{word} already names choice {other} or is given twice: a word that may mean several "
                          "choices names none of them",
                          "{word}已指选项{other}，或写了两次：可能指几个选项的词，不能再单指其中一个"),
    "rule.either_two": ("expected two or more different choices", "应有两个或更多不同的选项"),
    "rule.sections_count": ("expected 1 to {limit} letters or codes, each with the choices its 门类 is",
                            "应有 1 到 {limit} 个门类字母或代码，每个附上该门类对应的选项"),
    "rule.section_letter": ("expected a 门类 letter (one of A to Z) or a code under one (F51), got {got}",
                            "应是门类字母（A 到 Z 之一）或其下的代码（如 F51），现在是{got}"),
    "rule.section_taken": ("{letter} already names choice {other}: a letter names a 门类 only",
                           "{letter}已指选项{other}：门类字母只能指门类"),
    "rule.section_same": ("expected different choices", "各选项应互不相同"),
    "rule.warn_growth": ("warn_growth is a percentage above 0, on a number kept per year",
                         "warn_growth 应是大于 0 的百分数，且只用于按年填写的数字"),
    "rule.self_compare": ("a field cannot be compared with itself", "数据项不能与自身比较"),
    "rule.not_field": ("{name} is not a field of this rule set", "{name}不是这版规则中的数据项"),
    "rule.both_numbers": ("{name} and {other} must both be numbers", "{name}和{other}都应是数字"),
    "rule.both_yearly": ("{name} and {other} must both be kept per year, or neither",
                         "{name}和{other}应都按年填写，或都不按年填写"),
    "rule.part_circle": ("part_of goes round in a circle: {trail}", "part_of 形成了循环：{trail}"),
    "rule.part_chain": ("a chain of more than {limit} fields, each part of the next",
                        "part_of 逐个相连的数据项超过 {limit} 个（每个是下一个的一部分）"),
    "rule.derived_id": ("a derived id is lower-case letters, digits and '_'", "计算项的编号只能用小写字母、数字和 _"),
    "rule.derived_is_field": ("{name} is already a field", "{name}已是一个数据项"),
    "rule.per_year_as_before": ("the rules this file extends keep {name} {kept}: expected the same",
                                "本文件所扩展的规则中{name}{kept}：应与之相同"),
    "rule.derived_chain": ("a chain of more than {limit} derived quantities, each computed from the next",
                           "逐个相连的计算项超过 {limit} 个（每个由下一个算出）"),
    "rule.derived_cycle": ("derived quantities refer to each other in a cycle: {trail}", "计算项之间循环引用：{trail}"),
    "rule.undefined": ("formula {source} refers to undefined {name}{hint}", "公式{source}用到了未定义的{name}{hint}"),
    "rule.per_year": ("{name} is per year: write {bare}[y1] (or y2, y3)", "{name}按年取值：请写 {bare}[y1]（或 y2、y3）"),
    "rule.not_per_year": ("{name} is not per year: write {bare} without an index",
                          "{name}不按年取值：请写 {bare}，不加年份下标"),
    "rule.param_year": ("[y] is only allowed in a per-year derived quantity", "[y] 只能用在按年计算的计算项中"),
    "rule.formula_gives": ("formula {source} gives {got}, where {want} is needed", "公式{source}的结果是{got}，这里需要{want}"),
    "rule.derived_as_before": ("the rules this file extends read {name} as {was}: expected a formula that gives {was}, "
                               "got {source}, which gives {now}",
                               "本文件所扩展的规则把{name}当作{was}读取：公式的结果应是{was}，现在的{source}给出的是{now}"),
    "rule.size_bound": ("expected at least one of staff, revenue, assets", "至少要写 staff、revenue、assets 中的一项"),
    "rule.size_same": ("medium and small must bound the same figures", "medium 和 small 应限定相同的几项数据"),
    "rule.bands_many": ("{count} bands (at most {limit})", "共 {count} 档（最多 {limit} 档）"),
    "rule.band_one": ("a band has one condition: at_least, at_most or when",
                      "每一档只能有一个条件：at_least、at_most 或 when"),
    "rule.band_unreached": ("a band after the catch-all band (one without a condition) is never reached",
                            "这一档在兜底档（没有条件的一档）之后，永远轮不到"),
    "rule.band_value": ("{cond} needs the item to have a 'value'", "{cond} 要求评分项写有 value"),
    "rule.bands_none": ("expected at least one band", "至少要有一档"),
    "rule.bands_mixed": ("a scale mixes at_least and at_most bands", "同一计分方式中混用了 at_least 和 at_most 分档"),
    "rule.bands_down": ("at_least bands must go from the highest bound down, each bound once",
                        "at_least 分档应从最高的界限往下排，每个界限只出现一次"),
    "rule.bands_up": ("at_most bands must go from the lowest bound up, each bound once",
                      "at_most 分档应从最低的界限往上排，每个界限只出现一次"),
    "rule.band_above": ("a band gives {points} points, above the item's maximum {maximum}",
                        "有一档给 {points} 分，超过了该评分项的满分 {maximum}"),
    "rule.band_below": ("a band gives {points} points, below 0", "有一档给 {points} 分，小于 0"),
    "rule.band_rises": ("{bound} gives {points} points, more than {above_points} for {above} above it: the first band "
                        "that holds is taken, so the points must fall (or stay) from each band to the next; {hint}",
                        "{bound} 得 {points} 分，比上一档 {above} 的 {above_points} 分还多：计分取第一个满足的档，"
                        "各档的分数应从上往下递减（或相同）；{hint}"),
    "rule.band_rises_low": ("where a lower figure scores more, use at_most bands, lowest bound first",
                            "数值越低得分越高的，请用 at_most 分档，从最低的界限往上排"),
    "rule.band_rises_high": ("where a higher figure scores more, use at_least bands, highest bound first",
                             "数值越高得分越高的，请用 at_least 分档，从最高的界限往下排"),
    "rule.percent_fraction": ("{value} in % means {value}%, which looks like a fraction: write percent as whole "
                              "numbers ({meant} for {meant}%); if {value}% is meant, write it in the band's zh too",
                              "单位为 % 时 {value} 表示 {value}%，像是按小数写的：百分数请按百分点写（{meant}% 写 {meant}）；"
                              "确实是 {value}% 的，请在这一档的 zh 里也写明"),
    "rule.percent_threshold": ("threshold {value} in % means {value}%: write percent as whole numbers ({meant} for "
                               "{meant}%); if {value}% is meant, write it in the title (zh) too",
                               "单位为 % 时门槛 {value} 表示 {value}%：百分数请按百分点写（{meant}% 写 {meant}）；"
                               "确实是 {value}% 的，请在名称（zh）里也写明"),
    "rule.band_last": ("a numeric scale needs a last band without a bound (what scores below the lowest)",
                       "按数值分档时，最后一档不应设界限（它是低于最低界限时的得分）"),
    "rule.item_ways": ("an item scores by exactly one of: bands, best_of, each, points_from_value",
                       "评分项只能用 bands、best_of、each、points_from_value 中的一种方式计分"),
    "rule.unknown_group": ("unknown group {name} (groups: {groups})", "没有分组{name}（现有分组：{groups}）"),
    "rule.scales_many": ("{count} ways to score (at most {limit})", "共 {count} 种计分方式（最多 {limit} 种）"),
    "rule.each_when": ("every line of 'each' needs a 'when'", "each 的每一行都要写 when"),
    "rule.items_many": ("{count} items (at most {limit})", "共 {count} 个评分项（最多 {limit} 个）"),
    "rule.item_twice": ("item id {name} appears twice in table {table}", "评分项编号{name}在评分表{table}中出现了两次"),
    "rule.group_sum": ("group {name} has max {maximum} but its items add up to {total}",
                       "分组{name}的满分是 {maximum}，但其中各评分项的满分合计为 {total}"),
    "rule.table_sum": ("the groups do not add up to the table's max {maximum}", "各分组的满分合计不等于评分表的满分 {maximum}"),
    "rule.replace_target": ("{name} names no score item (write table.item)", "{name}不是已有的评分项（应写成 table.item：评分表编号.评分项编号）"),
    "rule.replace_target_near": ("{name} names no score item: did you mean {near}? (write table.item)",
                                 "{name}不是已有的评分项，是不是想写{near}？（应写成 table.item：评分表编号.评分项编号）"),
    "rule.criteria_many": ("more than {limit:,} criteria once every 'use' is expanded",
                           "展开每处 use 后，条件超过 {limit:,} 个"),
    "rule.criteria_deep": ("criteria nested more than {limit} levels deep ('use' included)",
                           "条件嵌套超过 {limit} 层（含 use）"),
    "rule.use_undefined": ("uses undefined node {name}", "use 引用的共用条件{name}未定义"),
    "rule.use_self": ("node {name} uses itself", "共用条件{name}引用了自身"),
    "rule.criterion_twice": ("duplicate criterion id {name} in tier {tier}", "层级 {tier} 中条件编号{name}重复"),
    "rule.source_needed": ("every criterion needs a 'source' and a 'confidence'",
                           "每个条件都要写 source（出处）和 confidence（可靠程度）"),
    "rule.group_empty": ("a group needs at least one child", "条件组至少要有一个子条件（children）"),
    "rule.not_bool_field": ("{name} is not a yes/no field", "{name}不是是否型数据项（type: bool）"),
    "rule.unknown_table": ("unknown score table {name}", "没有评分表{name}"),
    "rule.table_group": ("table {table} has no group {name}", "评分表{table}中没有分组{name}"),
    "rule.prereq_yes": ("a prerequisite is met when its answer is yes: write op: \"==\" and threshold: true",
                        "前提条件在回答为“是”时满足：请写 op: \"==\" 和 threshold: true"),
    "rule.prereq_bool": ("a prerequisite reads yes/no answers (titles held) only, not {name}",
                         "前提条件只能读取是否型的回答（已获称号），不能读取{name}"),
    "rule.in_list": ("'in' needs a list of values", "in 需要一个值的列表"),
    "rule.between": ("'between' needs [low, high]", "between 需要写成 [下限, 上限]"),
    "rule.between_order": ("'between' needs [low, high], got {low} above {high}",
                           "between 需要写成 [下限, 上限]，现在下限 {low} 大于上限 {high}"),
    "rule.threshold_kind": ("the threshold must be {want} like its formula, got {got}",
                            "门槛应与公式的结果一样是{want}，现在是{got}"),
    "rule.unknown_tier": ("unknown tier {name} (expected {tiers})", "没有层级{name}（应是 {tiers}）"),
    "rule.missing_tier": ("missing tier {name}", "缺少层级{name}"),
    "rule.no_criterion": ("no criterion {name} to change", "没有要修改的条件{name}"),
    "rule.tier_empty": ("a tier needs at least one criterion", "每个层级至少要有一个条件"),
    "rule.added_many": ("{count:,} criteria added to tier {tier}, which has {has} (at most {limit} in all)",
                        "层级 {tier} 新增 {count:,} 个条件，原有 {has} 个（合计最多 {limit} 个）"),
    "rule.tier_many": ("{count:,} criteria (at most {limit})", "共 {count:,} 个条件（最多 {limit} 个）"),
    "rule.term_id": ("a term id is lower-case letters, digits and '_'", "术语编号只能用小写字母、数字和 _"),
    "rule.within": ("expected a list of field ids, got {got}", "应是数据项编号的列表，现在是{got}"),
    "rule.within_item": ("expected a list of field ids, and each item a field id, got {got}",
                         "应是数据项编号的列表，每一项都应是数据项编号，其中有{got}"),
    "rule.within_empty": ("an empty list compares nothing: name the fields, or leave within out",
                          "列表是空的，什么也不比较：请列出数据项编号，或删去 within"),
    "rule.within_twice": ("{name} is listed twice", "{name}列了两次"),
    "rule.within_unit": ("{name} ({unit}) and {other} ({other_unit}) must be in the same unit",
                         "{name}（{unit}）和{other}（{other_unit}）的单位应相同"),
    "rule.within_whole": ("{name} is part of {other} already (part_of): within says it again",
                          "{name}已是{other}的一部分（part_of），within 无需再写"),
    "rule.within_circle": ("within goes round in a circle: {trail}", "within 形成了循环：{trail}"),
    "rule.terms": ("expected a list of glossary term ids, got {got}", "应是术语编号的列表，现在是{got}"),
    "rule.no_term": ("no glossary term {name} ({where})", "术语表中没有{name}（{where}）"),
    "rule.no_term_near": ("no glossary term {name}; did you mean {near}? ({where})",
                          "术语表中没有{name}；您是不是想写{near}？（{where}）"),
    # formulas of rule files (load/expr)
    "expr.needs_number": ("{what} needs a number, got {got}", "{what} 需要数字，现在是{got}"),
    "expr.constant": ("unsupported constant {part}", "不支持的常量{part}"),
    "expr.too_large": ("the number {number} is too large (a formula's numbers are under 10^15)",
                       "数字 {number} 太大（公式中的数字应小于 10^15）"),
    "expr.parts": ("a formula of more than {limit} parts", "公式超过 {limit} 个部分"),
    "expr.depth": ("a formula nested more than {limit} levels deep", "公式嵌套超过 {limit} 层"),
    "expr.long_sum": ("{count} terms added or multiplied in one run: a formula has at most {limit} levels and each term "
                      "is one; add them in parts (derived quantities), then add those",
                      "连续相加或相乘的 {count} 项，每一项多一层嵌套，超过了公式最多 {limit} 层：请分成几个派生量分别合计，再相加"),
    "expr.div_zero": ("a division by 0 in {source}, which no answer can settle", "公式{source}中除以 0，无论怎样回答都算不出结果"),
    "expr.empty": ("an expression must be a non-empty string", "公式不能为空"),
    "expr.chars": ("a formula of {count} characters (at most {limit})", "公式有 {count} 个字符（最多 {limit} 个）"),
    "expr.syntax": ("cannot parse {source}: {problem}", "公式{source}写法有误，无法解析（{problem}）"),
    "expr.year_name": ("{name} is a year and can only be used as an index, as in revenue[{name}]",
                       "{name} 表示年份，只能用作下标，如 revenue[{name}]"),
    "expr.index": ("an index must look like revenue[y1], not {part}", "下标应写成 revenue[y1] 这样，不能是{part}"),
    "expr.year": ("unknown year {year} (use y1, y2, y3, y4, y5 or y)", "没有年份{year}（可用 y1、y2、y3、y4、y5 或 y）"),
    "expr.operator": ("operator not allowed in {part}", "{part}中的运算符不能使用"),
    "expr.one_comparison": ("write one comparison at a time: {part}", "一次只能写一个比较：{part}"),
    "expr.comparison": ("comparison not allowed in {part}", "{part}中的比较方式不能使用"),
    "expr.in_list": ("'in' needs a list of values: {part}", "in 需要一个值的列表：{part}"),
    "expr.call": ("only {funcs} may be called: {part}", "只能调用 {funcs}：{part}"),
    "expr.arity": ("{func}() takes {wanted}, got {count}: {part}", "{func}() 需要{wanted}，现在是 {count} 个：{part}"),
    "expr.not_allowed": ("not allowed in a rule expression: {part}", "规则公式中不能使用：{part}"),
    "expr.kind": ("in {source}, {part} is {got}, where {want} is needed", "公式{source}中，{part} 给出的是{got}，这里需要{want}"),
    # the command line itself (click's usage errors, said again from their parts)
    "usage.no_option": ("No such option: {option}", "没有 {option} 这个选项"),
    "usage.assess_advice": ("assess has no --advice: its report always holds the plan (--advice is batch's, for a next "
                            "step in every row)",
                            "assess 没有 --advice 选项：它的报告本来就列出行动计划（--advice 是 batch 的选项，让名单的每一行也给出下一步）"),
    "usage.init_output": ("init takes no -o: put the file to write after it, e.g. littlegiant init template.xlsx",
                          "init 不用 -o：把要写出的文件名直接写在后面，例如 littlegiant init 模板.xlsx"),
    "usage.no_option_near": ("No such option: {option} Did you mean {near}?", "没有 {option} 这个选项；您是不是想写 {near}？"),
    "usage.no_command": ("No such command {got!r}.", "没有 {got} 这个命令（可用的有：{known}）"),
    "usage.no_command_elsewhere": ("No such command {got!r}; use: {use}", "没有 {got} 这个命令；要用的是：{use}"),
    "usage.no_command_near": ("No such command {got!r}.", "没有 {got} 这个命令；您是不是想写 {near}？"),
    "usage.needs_value": ("Option {option!r} requires an argument.", "{option} 后面要跟一个值"),
    "usage.missing": ("Missing {what}.", "缺少{what}"),
    "usage.bad_value": ("Invalid value for {option}: {detail}", "{option} 的值无效：应填{expect}"),
    "usage.extra": ("Got unexpected extra arguments ({args})", "多余的参数：{args}"),
    "usage.extra_profiles": ("assess scores one profile; got more ({args}). To score several, use batch: "
                             "littlegiant batch {files} -o {out}",
                             "assess 一次只评估一家企业，多出了：{args}。要一次评估几家，请用 batch："
                             "littlegiant batch {files} -o {out}"),
    "usage.other": ("{detail}", "命令写法有误（{detail}）"),
    "usage.see_help": ("{message} (see --help)", "{message}（用法见 --help）"),
    # what the run says at its end
    "run.error": ("littlegiant: error: {message}", "littlegiant 出错：{message}"),
    "run.internal": ("littlegiant: {message}", "littlegiant 出错：程序内部错误（这是 littlegiant 的缺陷，请连同引起它的输入一起"
                     "报告给我们）：{detail}"),
    "run.interrupted": ("littlegiant: interrupted", "littlegiant：已中断"),
    "run.interrupted_kept": ("littlegiant: interrupted; {kept}", "littlegiant：已中断；{kept}"),
    "run.init_profile": ("wrote {file}: fill it in, then run: littlegiant assess {command}",
                         "已生成企业信息模板 {file}：填好后运行 littlegiant assess {command} 即可评估"),
    "run.init_sheet": ("wrote {file}: one company a row; then run: littlegiant batch {command} -o results.xlsx",
                       "已生成批量评估名单 {file}：每行填一家企业，填好后运行 littlegiant batch {command} -o 评估结果.xlsx"),
    "rules.validate_tests": ("holds test cases, not rules: run them with littlegiant rules test on this file",
                             "是测试用例文件，不是规则文件：请用 littlegiant rules test 运行其中的用例"),
    "rules.valid": ("{ref}: ok", "{ref}：检查通过"),
    "rules.more": ("... and {count:more problem|more problems} of this file, not listed: fix the ones above and check "
                   "again, or give --all to list them all",
                   "……这个文件还有 {count:,} 个问题没有列出：先改好上面这些再检查一次，或加 --all 全部列出"),
    "rules.invalid": ("littlegiant: {count:problem|problems} found", "littlegiant：发现 {count} 个问题"),
    "rules.test_failed": ("FAIL {line}", "未通过：{line}"),
    "rules.test_done": ("{rules}: {cases:case|cases}: {verdict}", "{rules}：测试用例 {cases} 个，{verdict}"),
    "rules.test_done_generated": ("{rules}: {cases:case|cases}, "
                                  "{generated:generated boundary case|generated boundary cases}: {verdict}",
                                  "{rules}：测试用例 {cases} 个，另在门槛两侧自动生成用例 {generated} 个，{verdict}"),
    "rules.test_passed": ("all passed", "全部通过"),
    # a rule test that failed, after its case (file:line name) or rule id as written; the values the
    # tests file holds (met, small, null) as its author writes them, in Chinese beside them
    "rules.fail_rule_set": ("rule set {got}, expected {want}", "日历选用的规则版本是{got}，用例期望{want}"),
    "rules.fail_round": ("round {got}, expected {want}", "适用的年度通知是{got}，用例期望{want}"),
    "rules.fail_sme": ("sme size {got}, expected {want}", "企业规模是{got}，用例期望{want}"),
    "rules.fail_tier": ("tier {tier} is {got}, expected {want}", "层级 {tier} 的结论是{got}，用例期望{want}"),
    "rules.fail_score": ("tier {tier} scores {got}, expected {want}", "层级 {tier} 的得分：{got}，用例期望{want}"),
    "rules.fail_score_exact": ("tier {tier} scores exactly {got}, no answer missing, where the case expects the range "
                               "{want} that missing answers leave: expect {got}, or leave out the answers the range is for",
                               "层级 {tier} 的得分确定为 {got}（没有缺失数据），用例期望的却是缺失数据才会留下的得分范围 {want}："
                               "请写 {got}，或去掉这个范围所针对的数据"),
    "rules.fail_no_score": ("tier {tier} has no score (no score table decides it), expected {want}",
                            "层级 {tier} 没有得分（不按评分表评定），用例期望{want}"),
    "rules.fail_criterion": ("criterion {criterion} is {got}, expected {want}",
                             "条件 {criterion} 的结论是{got}，用例期望{want}"),
    "rules.fail_wording": ("the wording 「{title}」 means {ops}, but the rule uses {op}",
                           "条件名称「{title}」的措辞对应 {ops}，但规则用的是 {op}"),
    "rules.fail_wording_en": ("the English title '{title}' writes {numbers}, but the rule uses {op}",
                              "英文名称「{title}」写的是 {numbers}，但规则用的是 {op}"),
    "rules.fail_wording_en_amount": ("the English title '{title}' writes {numbers} (in 万元: 20 million CNY is 2000), "
                                     "but the rule uses {op}",
                                     "英文名称「{title}」写的是 {numbers}（折算为万元：20 million CNY 即 2000），但规则用的是 {op}"),
    "rules.fail_boundary": ("at {value} the rule gives {got}, §3 says {want}",
                            "取值为 {value} 时，规则判定{got}，按边界规则（criteria.md 第3节）应{want}"),
    "rules.fail_band": ("at {value} the item gives {low}–{high} points, §3 says {want}",
                        "取值为 {value} 时，该项得 {low}–{high} 分，按边界规则（criteria.md 第3节）应得 {want} 分"),
    # a tests file (.tests.yaml) written wrong
    "rules.cases_top": ("expected a mapping with 'format: 1' and a list 'cases'",
                        "应是一组键值，写明 format: 1 和用例列表 cases"),
    "rules.case_mapping": ("expected a mapping for a case", "每个用例应是一组键值"),
    "rules.case_keys": ("a case has {keys} (name and expect required)", "用例的键是 {keys}（name 和 expect 必填）"),
    "rules.case_keys_unknown": ("a case has {keys} (name and expect required); unknown: {unknown}",
                                "用例的键是 {keys}（name 和 expect 必填）；不认识的键：{unknown}"),
    "rules.case_keys_near": ("a case has {keys} (name and expect required); unknown: {unknown}; did you mean {near!r}?",
                             "用例的键是 {keys}（name 和 expect 必填）；不认识的键：{unknown}，是不是想写 {near}？"),
    "rules.case_profile": ("a case needs a profile", "用例缺少 profile"),
    "rules.expect_keys": ("expected a mapping of {keys}", "应是一组键值，键为 {keys}"),
    "rules.expect_keys_near": ("expected a mapping of {keys}; unknown: {unknown}; did you mean {near!r}?",
                               "应是一组键值，键为 {keys}；不认识的键：{unknown}，是不是想写 {near}？"),
    "rules.expect_ids": ("expected a mapping of ids", "应是一组键值，键为编号"),
    "rules.expect_choice": ("{id}expected one of {allowed}{null}, got {value}", "{id}应是以下之一：{allowed}{null}，现在是{value}"),
    "rules.expect_number": ("{id}expected a number, got {value}", "{id}应填数字，现在是{value}"),
    "rules.expect_no_tier": ("{rules} has no tier {tier} (expected one of {allowed})",
                             "{rules} 没有层级{tier}（应是以下之一：{allowed}）"),
    "rules.expect_no_criterion": ("{rules} has no criterion {criterion}", "{rules} 没有条件{criterion}"),
    "rules.expect_shared": ("{criterion} names a criterion of {count} tiers: write TIER:{id} (one of {tiers})",
                            "{criterion}是 {count} 个层级共有的条件，请写成“层级:{id}”（层级为以下之一：{tiers}）"),
    "rules.test_failures": ("{count} failed", "{count} 个未通过"),
    "run.basis": ("judged under {title}, as of {as_of}. {basis}", "评估依据：{title}，评估日期 {as_of}。{basis}"),
    "out.kept_changed": ("littlegiant: {output} is not as it was last written (notes typed in?): the old file is kept as "
                         "{backup}", "littlegiant 提示：{output} 与本工具上次写出的不同（可能有手工填写的内容），原文件已另存为 {backup}"),
    "run.kept_changed": ("{output} is not as batch last wrote it (notes typed in?): the old file is kept as {backup}",
                         "{output} 与本工具上次写出的不同（可能有手工填写的内容），原文件已另存为 {backup}"),
    "run.amounts_large": ("littlegiant: note: {count:row has|rows have} amounts far beyond any SME's size or "
                          "revenue far too large for the head count (see {column}): most likely amounts in yuan read "
                          "as 10k CNY, so those rows' results cannot be relied on. If the sheet's amounts are in "
                          "yuan, say so (a title row 金额单位：元, 'amount unit: yuan', or 元 in the amount headers, "
                          "e.g. 'Operating revenue 2025 (元)') and run again",
                          "littlegiant 提示：有 {count} 行的金额远超中小企业规模或按从业人数算高得不合常理（见{column}），"
                          "多半是按元填写、被当作万元读取了，这些行的结论不可靠。如金额以元为单位，请在标题行写明"
                          "“金额单位：元”（或在列名中写“元”）后重新运行"),
    "run.amounts_small": ("littlegiant: note: {count:row has|rows have} revenue far too small for the head count (see "
                          "{column}): most likely amounts in 10k CNY read as yuan, so those rows' results cannot be "
                          "relied on. If the sheet's amounts are in 10k CNY, say so (a title row 金额单位：万元, "
                          "'amount unit: 10k CNY', or 万元 in the amount headers, e.g. 'Operating revenue 2025 (万元)') "
                          "and run again",
                          "littlegiant 提示：有 {count} 行的营业收入按从业人数算低得不合常理（见{column}），多半是按万元填写、被当作"
                          "元读取了，这些行的结论不可靠。如金额以万元为单位，请把标题行或列名中的单位改为“万元”后重新运行"),
    "run.revenue_small": ("littlegiant: note: {count:row has|rows have} revenue far too small for the head count (see "
                          "{column}): check those companies' revenue and head count, on which their results rest",
                          "littlegiant 提示：有 {count} 行的营业收入按从业人数算低得不合常理（见{column}），这些行的结论可能不可靠，"
                          "请核对这些企业填写的营业收入和从业人员"),
    "run.summary": ("read {read}, scored {scored}, errors {errors}{unread} -> {output}",
                    "共读取 {read} 行，已评估 {scored} 行，出错 {errors} 行{unread} → {output}"),
    "run.table_unread_rows": ("littlegiant: {source}: not read, {message} (its {count:company is|companies are} in "
                              "the results, a row each, saying so)",
                              "littlegiant：{source} 未能读取：{message}（结果文件中这张表的企业每家一行，共 {count} 行，"
                              "都写明了原因）"),
    "run.table_unread": ("littlegiant: {source}: not read, {message} (its row in the results says so too)",
                         "littlegiant：{source} 未能读取：{message}（结果文件中它的那一行也写明了原因）"),
    "run.tables_unread_more": ("littlegiant: and {count:table|tables} more not read: see the error rows in the results",
                               "littlegiant：另有 {count} 张表未能读取，原因见结果文件中出错的行"),
    "run.summary_unread": (", {count:file|files} not read (see above)", "，{count} 个文件无法读取（见上方提示）"),
    "run.ignored_columns": ("littlegiant: note: {where}: columns not read, as they name nothing the rules ask for "
                            "(copied as they are after the results): {columns}",
                            "littlegiant 提示：{where} 中以下列与评估无关，不参与评估（原样附在结果最后）：{columns}"),
    "run.other_year_columns": ("littlegiant: note: {where}: columns not read, as each holds another year's figure "
                               "of an item read for last year alone, whose column the sheet has (copied as they are "
                               "after the results): {columns}",
                               "littlegiant 提示：{where} 中以下列是其他年份的数据，这些项只按上一年计，已读取表中上一年的那一列，"
                               "这几列不参与评估（原样附在结果最后）：{columns}"),
    "run.several_columns": ("littlegiant: note: {where}: columns not read, as each asks several red lines in one "
                            "yes/no, and a yes cannot say which (copied as they are after the results): {columns}; give "
                            "each its own column, e.g. 是否被列入经营异常名录, 是否被列入严重失信主体名单",
                            "littlegiant 提示：{where} 中以下列一列问了几项基本条件，“是”无法说明是哪一项，不参与评估"
                            "（原样附在结果最后）：{columns}；请每项一列填写，如“是否被列入经营异常名录”“是否被列入严重失信"
                            "主体名单”"),
    "run.not_actual_columns": ("littlegiant: note: {where}: columns not read, as each is a figure of part of a year, "
                               "a forecast or a tax-inclusive amount, not the year's actual figure the criteria read "
                               "(copied as they are after the results): {columns}",
                               "littlegiant 提示：{where} 中以下列是部分月份、预计或含税的数，不是评估要用的全年实际数，"
                               "不参与评估（原样附在结果最后）：{columns}"),
    "run.derived_columns": ("littlegiant: note: {where}: columns not read, as the tool works out shares and ratios "
                            "from the amounts itself (copied as they are after the results): {columns}",
                            "littlegiant 提示：{where} 中以下列是占比、比率等，由本工具按填写的金额自行计算，不参与评估（原样附在结果最后）："
                            "{columns}"),
    "run.derived_lacking": ("littlegiant: note: {where}: columns not read, as the tool works out shares and ratios "
                            "from the amounts itself (copied as they are after the results): {columns}; the sheet has "
                            "no column of {needed}, which they are worked out from: those criteria stay unknown until "
                            "such columns are added",
                            "littlegiant 提示：{where} 中以下列是占比、比率等，由本工具按填写的金额自行计算，不参与评估（原样附在结果"
                            "最后）：{columns}；但表中没有计算所需的{needed}列，相关条件都将是“未知”：请补上这些列"),
    "run.sheet_unit": ("littlegiant: note: {where}: the title rows say amounts are in {unit}: plain amounts are read "
                       "in {unit} and converted to 10k CNY, 万元 (a unit in a column's name or in a cell wins)",
                       "littlegiant 提示：{where} 表头上方写明金额单位为{unit}，金额按{unit}读入并换算成万元"
                       "（列名或单元格里写明的单位优先）"),
    "run.footer_unit": ("littlegiant: note: {where}: a line under the list{at} says amounts are in {unit}: plain "
                        "amounts are read in {unit} and converted to 10k CNY, 万元 (a unit in a column's name or in a cell wins)",
                        "littlegiant 提示：{where} 表尾{at}写明金额单位为{unit}，金额按{unit}读入并换算成万元"
                        "（列名或单元格里写明的单位优先）"),
    "run.unit_row": ("littlegiant: note: {where}: row {line} gives the columns' units ({units}): the figures are "
                     "read in them (amounts converted to 10k CNY, 万元), and the row is not a company",
                     "littlegiant 提示：{where} 第 {line} 行写的是各列的单位（{units}），各列数字按这些单位读入"
                     "（金额换算成万元），这一行不是企业，未计入"),
    "run.skipped_rows": ("littlegiant: note: {where}: not read as companies: {rows}",
                         "littlegiant 提示：{where} 中以下行不是企业，未计入：{rows}"),
    "run.sheet_not_workbook": ("littlegiant: note: --sheet names a sheet of the Excel workbooks only; {files} "
                               "({count:file|files}) have no sheets and were read whole",
                               "littlegiant 提示：--sheet 只用于 Excel 工作簿；{files}（{count} 个文件）没有工作表，已整个读取"),
    "run.folder_passed": ("littlegiant: note: {where}: {count:file|files} not read: {files} (from a folder, profiles "
                          "(.yaml, .yml, .json) and lists (.csv, .tsv, .xlsx, .xlsm, .jsonl) are read; name a list "
                          "saved as .txt on the command line)",
                          "littlegiant 提示：文件夹 {where} 中有 {count} 个文件未读取：{files}。文件夹里只读取企业信息文件"
                          "（.yaml、.yml、.json）和企业名单（.csv、.tsv、.xlsx、.xlsm、.jsonl）；存成 .txt 的名单请直接写在命令里"),
    "run.folder_unreadable": ("littlegiant: note: {where}: {count:spreadsheet|spreadsheets} this tool cannot read, "
                              "whose companies are not in the results: {files}; open each in Excel or WPS, save it as "
                              "Excel Workbook (.xlsx), and run again",
                              "littlegiant 提示：文件夹 {where} 中有 {count} 个表格文件无法读取，其中的企业都不在结果里：{files}。"
                              "请在 Excel 或 WPS 中打开，“另存为”Excel 工作簿（.xlsx）后再运行"),
    "run.folder_skipped": ("littlegiant: note: {where}: {count:file|files} not read: {files}: each saved as .xlsx "
                           "beside it, which is read",
                           "littlegiant 提示：文件夹 {where} 中有 {count} 个文件未读取：{files}：旁边已有另存的同名 .xlsx，"
                           "读取的是那一份"),
    "run.folder_results": ("littlegiant: note: {where}: {count:file|files} not read: {files}: results of an earlier "
                           "run of batch, not lists of companies",
                           "littlegiant 提示：文件夹 {where} 中有 {count} 个文件未读取：{files}：这是以前批量评估输出的结果，"
                           "不是企业名单"),
    "run.folder_no_fields": ("littlegiant: note: {where}: {count:file|files} not read: {files}: no column holds "
                             "anything the criteria read, not lists of companies",
                             "littlegiant 提示：文件夹 {where} 中有 {count} 个文件未读取：{files}：没有一列是评估要用的数据，"
                             "不是企业名单"),
    "run.summary_sheet": ("littlegiant: note: {where}: passed over: no column of company names (a summary sheet?)",
                          "littlegiant 提示：工作表 {where} 没有企业名称列（像是汇总表），已略过"),
    "run.results_sheets": ("littlegiant: note: {where}: passed over: the sheets {sheets} of batch's own results, "
                           "which list no companies",
                           "littlegiant 提示：{where} 中的{sheets}是评估结果自带的工作表，不是企业名单，已略过"),
    "run.hidden_sheet": ("littlegiant: note: {where}: passed over: a hidden sheet; to score its companies, name it: --sheet {sheet}",
                         "littlegiant 提示：工作表 {where} 是隐藏的，未读取；如要评估其中的企业，请用 --sheet {sheet}"),
    "run.hidden_rows": ("littlegiant: note: {where}: {count:row|rows} hidden in the sheet{rows}, scored all the same "
                        "and marked so in the results; delete them from the results if those companies are not wanted",
                        "littlegiant 提示：{where} 中有 {count} 家企业的行在原表中是隐藏的{rows}，仍照常评估，结果中已逐行"
                        "注明；如不需要这些企业，请在结果中删去这些行"),
    "run.filtered_rows": ("littlegiant: note: {where} has a filter on: {count:row is|rows are} filtered out or hidden{rows}; "
                          "a filter only changes what Excel shows, so they were scored all the same and marked so in the "
                          "results; delete them from the results if those companies are not wanted",
                          "littlegiant 提示：{where} 设了筛选，有 {count} 家企业的行被筛选掉或隐藏{rows}；筛选只影响显示，"
                          "这些行仍照常评估，结果中已逐行注明；如不需要这些企业，请在结果中删去这些行"),
    "run.hidden_columns": ("littlegiant: note: {where}: {count:column|columns} hidden in the sheet, read and scored all "
                           "the same: {columns}; if those figures should not count, delete the hidden columns from the "
                           "sheet and run again",
                           "littlegiant 提示：{where} 中以下列在原表中是隐藏的，仍照常读取并参与评估：{columns}；如这些列的"
                           "数据不该使用，请在原表中删去这些列后再试"),
    "run.notes_sheet": ("littlegiant: note: {where}: passed over: no table of companies (notes only)",
                        "littlegiant 提示：工作表 {where} 没有企业名单表格（只有说明文字），已略过"),
    "run.peryear_joined": ("littlegiant: note: {book}: sheets {sheets} read as one list, a row per company ({count}), "
                           "matched by {by}{named}: each sheet's figures without a year are that sheet's year's; what is not "
                           "a year's figure (head count, IP, yes/no answers, your own columns) is read from {latest} "
                           "alone{missing}",
                           "littlegiant 提示：{book}：工作表{sheets}按年份合并为每家企业一行（共 {count} 家），按{by}"
                           "对应{named}；各表中未写年份的数据按该表的年份读取，从业人员、知识产权、是否类回答及自加的列等"
                           "不分年份的数据只取“{latest}”表{missing}"),
    "run.long_joined": ("littlegiant: note: {where}: a row per company and year ({rows:row|rows}, {years}) read as "
                        "one list, a row per company ({count}), matched by {by}{named}: each row's figures without a year are of "
                        "the year in its {column!r} column; what is not a year's figure (head count, IP, yes/no "
                        "answers, your own columns) is read from each company's latest year's row alone{missing}{later}",
                        "littlegiant 提示：{where}：每家企业每年一行（共 {rows} 行，{years}），已按“{column}”列合并为每家"
                        "企业一行（共 {count} 家），按{by}对应{named}；各行未写年份的数据按该行的年份读取，从业人员、知识产权、"
                        "是否类回答及自加的列等不分年份的数据只取每家企业最新一年的那一行{missing}{later}"),
    "run.joined_by_name": (" (by company name for {count:company whose code is|companies whose codes are} {why})",
                           "（其中 {count} 家的代码{why}，按企业名称对应）"),
    "run.long_missing": ("; {count:company has|companies have} no row of some year: that year's figures are "
                         "unknown, said on each row",
                         "；有 {count} 家企业缺某一年的一行，那一年的数据按未知处理（各行已注明）"),
    "run.long_later": ("; rows of {years} were not read: not over by the assessment date (the criteria read up to "
                       "{last}), said on each row",
                       "；{years}的行未读取：按评估日期尚未结束（评估看到{last}为止），各行已注明"),
    "run.peryear_missing": ("; {count:company is|companies are} missing from some sheet: that year's figures are "
                            "unknown, said on each row",
                            "；有 {count} 家企业在某一年的表中没有，那一年的数据按未知处理（各行已注明）"),
    "run.peryear_early": ("littlegiant: note: {book}: sheet '{sheet}' not read: it holds {year}, a year not over by the "
                          "assessment date (the criteria read up to {last}); the other sheets are read as one list. "
                          "To read it as a closed year, give --as-of a date in {year_after} or later",
                          "littlegiant 提示：{book}：工作表“{sheet}”未读取：它是{year}年的数据，按评估日期{year}年尚未结束"
                          "（评估只看到{last}年）；其余各表照常合并读取。该年结束后可用 --as-of 指定{year_after}年的日期再评估"),
    "run.peryear_unread": ("littlegiant: note: {where}: columns {columns} not read: of an older year's sheet only that "
                           "year's figures are read, everything else from the latest sheet {latest}",
                           "littlegiant 提示：{where} 中的{columns}列未读取：旧年份的表只读该年度的数据，其余都只取最新一年的"
                           "“{latest}”表"),
    "run.results_as_list": ("littlegiant: note: {where} is results written by littlegiant with columns of figures added "
                            "({columns}): results hold none of the list's other figures, so those are unknown for every "
                            "company and the verdicts may fall short of the earlier run's. To keep them, type the new "
                            "figures into the list the results came from and assess that list",
                            "littlegiant 提示：{where} 是 littlegiant 写出的评估结果，后来补了数据列（{columns}）；结果表里"
                            "没有原名单的其他数据，这些数据对每家企业都按“未知”处理，结论可能不如上次。要保留原来的数据，"
                            "请把新数据填到原来的企业名单中，再对名单重新评估"),
    "run.share_fractions": ("littlegiant: note: {where}: every figure of the column {column} ({count:figure|figures}, "
                            "such as {example}) is between 0 and 1, and was read as a percentage: {example} as {example}%. "
                            "If they are fractions as Excel holds a percentage ({example} for {percent}%), type {percent} "
                            "for {percent}%, or format the column's cells as percentages, and run again",
                            "littlegiant 提示：{where} 的“{column}”列填的数都在 0 到 1 之间（共 {count} 个，如 {example}），"
                            "已按百分数读取，即 {example} 按 {example}% 计。如果填的是小数（{example} 即 {percent}%），"
                            "请改填百分数（{percent}% 填 {percent}），或把这一列设为百分比格式，然后重新运行"),
    "run.absent_columns": ("littlegiant: note: {where} has no column for {count} of the inputs the criteria read ({named}); "
                           "they are unknown for every company, and so may be the tiers they decide. For a sheet with "
                           "every column, run: littlegiant init sheet.xlsx{lang_arg}",
                           "littlegiant 提示：{where} 中没有评估要用的 {count} 项数据的列（{named}），每家企业的这些项都按"
                           "“未知”处理，相关称号也可能因此为“未知”。需要含全部列的空白表格，请运行：littlegiant init 模板.xlsx{lang_arg}"),
    "run.absent_declarations": ("littlegiant: note: {where} has no column for {count:answer|answers} every company "
                                "declares for the conditions every tier shares: {named}. Each is unknown for every "
                                "company, never taken as no, and so are the tiers it decides; a company whose other "
                                "figures meet a tier says \"{only}\" in its main gap, to pick them out by. Add a column "
                                "for each, headed as above{fill}, and run again",
                                "littlegiant 提示：{where} 中没有参评基本条件的 {count} 项回答的列：{named}。这些项每家企业"
                                "都按“未知”处理，不会当作“否”，相关称号因此为“未知”；其余条件按已填数据都满足的企业，主要"
                                "差距中写有“{only}”，可据此把它们挑出来。可在表中加上这些列，列名照上面写{fill}，再评估一次"),
    "run.absent_declarations_same": ("littlegiant: note: {where} lacks the same {count:answer|answers} as said above",
                                     "littlegiant 提示：{where} 同样没有上面所说的 {count} 项回答的列"),
    "run.absent_columns_same": ("littlegiant: note: {where} lacks the same {count} columns as said above",
                                "littlegiant 提示：{where} 同样没有上面所说的 {count} 项数据的列"),
    "run.encoding_gaps": ("littlegiant: note: {count:row holds|rows hold} characters {encoding} cannot ({chars}), "
                          "written as {gap} in the output: {rows}. To keep them, write a .xlsx, or add "
                          "--output-encoding utf-8-sig (Excel opens it by double-click)",
                          "littlegiant 提示：有 {count} 行含 {encoding} 编码存不下的字（{chars}），结果中已写作“{gap}”："
                          "{rows}。要原样保留，请把结果输出为 .xlsx，或加上 --output-encoding utf-8-sig（Excel 双击即可打开）"),
    "run.internal_rows": ("littlegiant: {count:row|rows} met an internal error (a bug in littlegiant): please report it "
                          "with the rows marked 'internal error'",
                          "littlegiant：有 {count} 行遇到程序内部错误（littlegiant 的缺陷），请把标为 internal error "
                          "的行一并报告给我们"),
    "run.worker": ("a worker process stopped unexpectedly (killed, or out of memory?); the rows scored before it "
                   "are kept", "一个工作进程意外停止（被终止，或内存不足？）；之前已评估的行都已保留"),
}
"""kind → (en, zh). ``{name}`` takes a parameter; a ``!r`` or format spec applies in English only
when the parameter is plain text or a number; ``{n:row|rows}`` says a count with the word its
number takes (``fill``)."""

# what typed text for a field's type should be, said in each language: the one table for every door
# in (profile files, --set, sheet cells, the interview), which all read text the same way (answers.py)
SELF_NAMED = frozenset({"field.part_over_whole", "set.part_over_whole"})
"""Kinds whose sentence names its fields in words: said without the field's path in front, in en as in zh."""


EXPECT = {
    "bool": Text("是或否（也可以写对/不是、有/没有、y/n）", "yes or no (是/否, 对/不是, 有/没有, y/n, true/false)"),
    "int": Text("整数", "a whole number"),
    "number": Text("数字", "a number"),
    "money": Text("金额（单位万元，不能为负数；如 8000、8000万、0.8亿）",
                   "an amount in 10k CNY (万元): a number, not negative; 80 million, 80,000,000 CNY and 8000万 "
                   "work too"),
    "signed_money": Text("金额（单位万元；亏损写负数，如 -120万，或写“亏损120万”）",
                         "an amount in 10k CNY (万元), a loss negative; -1.2 million, -1,200,000 CNY and -120万 work too"),
    "percent": Text("0 到 100 之间的百分数（如 12.5 或 12.5%）", "a percentage from 0 to 100 (12.5 or 12.5%)"),
    "text": Text("文字", "text"),
    "choice": Text("所列选项之一（输入编号或名称）", "one of the choices listed (its number or its name)"),
}

_MONEY_UNIT_EN = {"万亿元": "trillion CNY", "亿元": "100 million CNY", "千万元": "10 million CNY",
                  "百万元": "million CNY", "千元": "thousand CNY", "元": "yuan"}


def expect_money(kind: str, unit: str, factor: Decimal) -> Text:
    """What an amount should be where the sheet or the column says its unit (金额单位：元, 营业收入（元）):
    EXPECT's 「应填金额（单位万元…）」 in that unit, its examples (8000万, a loss of 120万) written in it. Told
    单位万元 in a sheet declared in 元, staff typed 万元 into it and every figure read 10,000 times too small."""
    def written(wan: int) -> str:
        return grouped(format((Decimal(wan) / factor).normalize(), "f"))

    en = _MONEY_UNIT_EN.get(unit, unit)
    if kind == "signed_money":
        return Text(f"金额（以{unit}为单位，与表中写明的一致；亏损写负数，如 {written(-120)}、-120万）",
                    f"an amount in {en} ({unit}), as the sheet says, a loss negative; {written(-120)} and -120万 work")
    return Text(f"金额（以{unit}为单位，与表中写明的一致，不能为负数；如 {written(8000)}、8000万、0.8亿）",
                f"an amount in {en} ({unit}), as the sheet says: a number, not negative; {written(8000)}, 8000万 and "
                "0.8亿 work")


_KINDS = {
    "a folder": "文件夹",
    "a named pipe (FIFO)": "命名管道",
    "a device": "设备",
    "a socket": "套接字",
    "a link": "链接",
    "not a regular file": "特殊文件",
}
"""fileio's words for what a path is, in Chinese."""

_ERRNO_ZH = {
    errnos.EACCES: "没有权限", errnos.EPERM: "没有权限", errnos.ENOENT: "找不到文件或文件夹",
    errnos.EISDIR: "这是一个文件夹", errnos.ENOTDIR: "路径中有一段不是文件夹", errnos.ENOSPC: "磁盘已满",
    errnos.EROFS: "磁盘只读", errnos.EDQUOT: "超出磁盘配额", errnos.EIO: "读写出错（输入输出错误）",
    errnos.ENAMETOOLONG: "文件名太长", errnos.ELOOP: "链接层数太多", errnos.EPIPE: "输出已被关闭",
    errnos.EBADF: "输出已被关闭", errnos.EFBIG: "文件太大", errnos.EMFILE: "打开的文件太多",
    errnos.EBUSY: "文件正被占用", errnos.ETXTBSY: "文件正被占用", errnos.EINVAL: "参数无效",
}


_UNIT_EN = {"万元": " (10k CNY)", "年": " years", "级": "", "人": " people", "项": " items", "分": " points"}
UNIT_WHOLE = lazyre.compile("|".join([*(re.escape(u.strip(" ()")) for u in _UNIT_EN.values() if " " in u.strip()),
                                   r"\d[\d,.]* CNY\b"]))
"""Unit words that hold a space yet are one word to a reader: no line ends at "(10k", nor an amount
away from its CNY ("450,000" / "CNY)"), terminal and HTML alike."""


_UNIT_ONE = {" years": " year", " people": " person", " items": " item", " points": " point"}


_SHELL_PLAIN = lazyre.compile(r"[^\s\"'$`\\!&|;<>()*?\[\]{}~#^,@%]+")
_NOT_IN_QUOTES = lazyre.compile(r'["$`!%]|\\(?=[\\$`"]|$)')
r"""What double quotes do not hold as it is in every shell: $ ` ! (bash), % (cmd), a quote, and a
backslash before one of those or at the end (bash reads it as an escape); a folder's backslash
(D:\园区 资料\名单.xlsx) is held as it is."""


def headers_said(headers: Iterable[str], lang: str) -> str:
    """Column headers as a message names them: “联系人”、“备注” in zh, 'Contact', 'Notes' in en."""
    return ("、" if lang == "zh" else ", ").join(f"“{h}”" if lang == "zh" else repr(h) for h in headers)


def declared_fill(declared: list[tuple[str, bool]], lang: str) -> str:
    """What to type in the red-line columns a run's note asks for (run.absent_declarations), by the answer
    that meets each, as found for each company: 「：“在中华人民共和国境内工商注册登记、具有独立法人资格”一般填
    “是”，其余各列一般填“否”（以逐家核实的实际情况为准）」. A missing answer is never taken as 否: the
    staff who checked type it."""
    yes = [label for label, answer in declared if answer]
    zh = lang == "zh"
    checked = "（以逐家核实的实际情况为准）" if zh else " (as found for each company)"
    if not yes:
        return ("：各列一般填“否”" if zh else ": usually 'no' in each") + checked
    if len(yes) == len(declared):
        return ("：各列一般填“是”" if zh else ": usually 'yes' in each") + checked
    return (f"：{headers_said(yes, lang)}一般填“是”，其余各列一般填“否”" if zh else
            f": usually 'yes' under {headers_said(yes, lang)} and 'no' under the others") + checked


def shell_word(text: str) -> str:
    """``text`` as one word of a command a user pastes into bash, zsh, PowerShell or cmd: as it is when
    no shell reads anything in it, else in double quotes (all four take them, a Windows path's
    backslashes too), else POSIX-quoted."""
    if _SHELL_PLAIN.fullmatch(text):
        return text
    if not _NOT_IN_QUOTES.search(text):
        return f'"{text}"'
    import shlex

    return shlex.quote(text)


def unit_text(unit: str | None, lang: str, n: object = None) -> str:
    """The unit as shown after a number: Chinese units stay in zh, English words in en (reports and
    the error messages that quote an amount alike); after the number ``n`` when it is 1, in the
    singular ("now 1 year", not "1 years")."""
    if not unit:
        return ""
    if lang == "zh":
        return unit
    words = _UNIT_EN.get(unit, unit)
    return _UNIT_ONE.get(words, words) if n == 1 else words


def grouped(text: str) -> str:
    """Plain digits with their thousands grouped, the sign kept (a written-out ×10^ form is left as it is)."""
    sign = "-" if text.startswith("-") else ""
    whole, dot, frac = text[len(sign):].partition(".")
    if not whole.isdigit() or not (frac.isdigit() or not dot):
        return text
    return f"{sign}{int(whole):,}{dot}{frac}"


def column_label(header: str) -> Text:
    """A sheet's column as an error names it: 「“研发费用”列」 in zh, the header alone in en (the message
    says "column" itself); one wording for every column a sheet's reader refuses."""
    return Text(f"“{header}”列", header)


def column_said(header: str, lang: str) -> str:
    """A results column named mid-sentence (check the “提示”列 / the “warnings” column)."""
    return column_label(header).zh if lang == "zh" else f"the \u201c{header}\u201d column"


def kind_words(kind: str) -> Text:
    """fileio's English for what a path is, with its Chinese."""
    return Text(_KINDS.get(kind, "特殊文件"), kind)


def nearest(word: str, names: Iterable[str]) -> str | None:
    """The valid name closest to a typo (``revenu`` → ``revenue``), or None when none is close.

    Close means a slip of a few characters, not a name that shares most of its words with another
    of a different meaning: Ⅰ类知识产权 is not a typo of 其中Ⅰ类高价值知识产权 (followed, that advice
    scored 20 points instead of 10). A dotted path is matched on its last part among the paths
    beside it, so that ``financials.2025.rd`` finds ``rd_expense``, not ``revenue``, which only
    shares the rest of the path."""
    pool = [n for n in names if isinstance(n, str)]
    if not isinstance(word, str) or not pool:
        return None
    if "." in word:
        head, _, tail = word.rpartition(".")
        beside = {n.rpartition(".")[2]: n for n in pool if "." in n and n.rpartition(".")[0] == head}
        if beside and tail:
            starting = [t for t in beside if t.startswith(tail)]
            if len(starting) == 1:  # rd for rd_expense
                return beside[starting[0]]
            found = _close(tail, list(beside))
            if found is not None:
                return beside[found]
    return _close(word, pool)


def _close(word: str, pool: list[str]) -> str | None:
    import difflib

    found = [m for m in difflib.get_close_matches(word, pool, n=3, cutoff=0.6) if _slip(word, m)]
    if not found:
        low = {n.lower(): n for n in pool}
        found = [low[m] for m in difflib.get_close_matches(word.lower(), list(low), n=3, cutoff=0.6)
                 if _slip(word.lower(), m)]
    return found[0] if found else None


def _slip(typed: str, name: str) -> bool:
    """Whether ``typed`` differs from ``name`` as a slip does: few characters added, dropped or
    changed, against the longer of the two (a third of it, at least two), or its start (zjtx for
    zjtx_sme)."""
    import difflib

    if name.startswith(typed):
        return True

    same = sum(block.size for block in difflib.SequenceMatcher(None, typed, name).get_matching_blocks())
    return (len(typed) - same) + (len(name) - same) <= max(2, max(len(typed), len(name)) // 3)


_BIDI = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def escape_controls(text: str, *, keep: str = "") -> str:
    """``text`` with control characters (and bidirectional overrides) shown as escapes such as
    \\x1b: a company name read from a file, or an answer quoted back in a refusal, must not move the
    cursor, recolour or reorder a terminal's output. ``keep``: controls left as they are (the line
    breaks of a message that lists one problem a line)."""
    if text.isprintable():
        return text
    return "".join(ch.encode("unicode_escape").decode("ascii")
                   if (unicodedata.category(ch) == "Cc" and ch not in keep) or ch in _BIDI else ch for ch in text)


KEY_CHARS = 24
"""A key quoted back in a message is cut to this many characters: no field's name is longer, and a file
that is no profile (a password file's ``user:hash:…`` lines, each read as one key) is not copied out."""


def written_key(key: object) -> str:
    """A mapping's key as its file wrote it, for a message: YAML's ``true``, ``false`` and ``null`` where
    Python says True, False and None, and at most KEY_CHARS of it."""
    text = "null" if key is None else ("true" if key else "false") if isinstance(key, bool) else str(key)
    return clip(escape_controls(text), KEY_CHARS)


def shown_path(path: str) -> str:
    """A path as a one-line message shows it: a 300-character name cut in the middle."""
    return path if len(path) <= 80 else f"{path[:40]}…{path[-30:]}"


def clip(text: str, limit: int) -> str:
    """``text`` on one line and at most ``limit`` characters, with "…" where it was cut."""
    lines = text.splitlines()  # every line break Python knows (\x85, \u2028 ...), not only \n and \r
    one = " ".join(lines) if len(lines) != 1 or lines[0] != text else text
    return one if len(one) <= limit else one[: limit - 1] + "…"


_FOUND_WORDS = {"none": Text("空的", "nothing"), "bool": Text("一个是/否值", "true or false"),
                "number": Text("一个数字", "a number"), "text": Text("一段文字", "text"), "list": Text("一个列表", "a list"),
                "mapping": Text("一组分项", "a mapping"), "other": Text("别的内容", "something else")}


def found(value: object) -> Text:
    """What sort of thing ``value`` is ("text", "a list", "a number"), none of it quoted: said of a whole
    file that is not what was asked for. Such a file may be anything (/etc/passwd, a .env of keys and
    passwords), and a YAML reader folds its lines into one text, which ``describe`` quoted across lines."""
    from decimal import Decimal  # imported here: this module is read at every start, and this only on an error

    kind = "none" if value is None else "bool" if isinstance(value, bool) else \
        "number" if isinstance(value, int | float | Decimal) else "text" if isinstance(value, str) else \
        "list" if isinstance(value, list | tuple) else "mapping" if isinstance(value, dict) else "other"
    return _FOUND_WORDS[kind]


_VALUE_WORDS = {"none": ("nothing", "空的"), "mapping": ("a mapping", "一组分项"), "list": ("a list", "一个列表")}


def describe(value: object, lang: str = "en") -> str:
    """A bad value as messages show it ("got text 'many'", "got a list"; 文字“many”, 一个列表), for
    profiles and rule files alike."""
    zh = lang == "zh"
    kind = "none" if value is None else "mapping" if isinstance(value, dict) else \
        "list" if isinstance(value, list | tuple) else None
    if kind is not None:
        return _VALUE_WORDS[kind][zh]
    if isinstance(value, bool):
        return ("“是”" if value else "“否”") if zh else str(value).lower()
    if isinstance(value, str):
        return f"文字“{clip(value, 40)}”" if zh else f"text {clip(value, 40)!r}"
    return clip(str(value), 40) if zh else str(value)  # the templates put the space: 现在是 2022


def quoted(value: object) -> Text:
    """A value a rule author wrote, as each language's message quotes it: Python's repr in English
    ('author', 3, None), as the loader always said it; “author” in Chinese, a number as it is."""
    return Text(f"“{clip(value, 60)}”" if isinstance(value, str) else describe(value, "zh"), repr(value))


def system_error(err: SystemError_, lang: str) -> str:
    """An OS error in words: Python's English text, or its Chinese by errno."""
    if lang == "zh":
        return _ERRNO_ZH.get(err.errno or -1, err.text or "系统错误")
    return err.text or "unknown error"


def _word(value: object, lang: str) -> object:
    """One parameter as the sentence in ``lang`` takes it."""
    if isinstance(value, Got):
        return describe(value.value, lang)
    if isinstance(value, SystemError_):
        return system_error(value, lang)
    if isinstance(value, Choices):
        if lang == "zh":
            parts = [f"{n}（{lab.zh}）" if lab is not None and lab.zh != n else n
                     for n, lab in zip(value.names, value.labels or (None,) * len(value.names), strict=True)]
            return "、".join(parts)
        return ", ".join(value.names)
    if isinstance(value, str | int | float) or value is None:
        return value
    zh, en = getattr(value, "zh", None), getattr(value, "en", None)
    if isinstance(zh, str) and isinstance(en, str):
        return zh if lang == "zh" else en
    return str(value)


def say(kind: str, lang: str, params: Mapping[str, object] | None = None) -> str:
    """The sentence of ``kind`` in ``lang`` with its parameters filled in, any control character they
    bring shown as an escape: an answer quoted back as typed (“5\\x1b[31m”) recoloured the terminal, or
    rang its bell, where English's ``{shown!r}`` showed the escape. A line break stays: a list of
    problems, one a line, is passed on inside one sentence."""
    en, zh = CATALOG[kind]
    text = zh if lang == "zh" else en
    if not params:
        return text
    words = {k: _word(v, lang) for k, v in params.items()}
    if lang == "zh" and " {" in text:
        text = _SPACED.sub(lambda m: m.group(1) if str(words.get(m.group(2), "")).startswith("“") else m.group(0), text)
    if lang == "zh":
        text = _TIGHT.sub(lambda m: " " + m.group(1) if _LATIN.match(str(words.get(m.group(2), ""))) else m.group(1), text)
    return escape_controls(fill(text, words), keep="\n")


_SPACED = lazyre.compile(r" (\{(\w+)\})")
"""A parameter after a space (现在是 {shown}): the space a number takes in Chinese text (现在是 150), not
a quotation (现在是“150%”, typed text as the person typed it), which sat one space off the rest."""
_TIGHT = lazyre.compile(r"(?<=[\u4e00-\u9fff])(\{(\w+)\})")
_LATIN = lazyre.compile(r"[-+]?[0-9A-Za-z]")
"""A parameter straight after Chinese (应填{expect}, 现在是{got}) that turns out a number or Latin text takes
the space the catalog gives one everywhere else (请填 0, 现在是 7): 「应填0 到 100 之间的百分数」 and
「应填文字，现在是5」 read glued where 「应填 0 到 100 之间的百分数」 did not. Words (文字“abc”, 一个列表) stay
tight."""


def plural(n: object, one: str, many: str) -> str:
    """The word a count takes in English: 1 answer, 2 answers, 0 answers, 1.5 points."""
    return one if n == 1 else many


class _Counting(string.Formatter):
    """``str.format``, and ``{n:answer|answers}`` for a count and the word its number takes."""

    def format_field(self, value: object, format_spec: str) -> str:
        if "|" in format_spec and not isinstance(value, bool):
            one, _, many = format_spec.partition("|")
            return f"{value} {plural(value, one, many)}"
        return str(super().format_field(value, format_spec))


_COUNTING = _Counting()


def fill(text: str, fields: Mapping[str, object]) -> str:
    """``text.format(**fields)``, a count said with its word: "1 answers" read as careless English,
    and a sentence written for the usual many is shown for one as often as not."""
    return _COUNTING.vformat(text, (), fields) if "|" in text else text.format(**fields)
