"""The command line's help in Chinese: every command's summary, description, options and examples.

The declarations in app.py carry the English help, which typer shows as it is. When the run speaks
Chinese (``--lang zh`` on the command line, else the locale: the choice every message follows), main()
puts these texts on the commands before they parse, and gives them a formatter that says typer's own
words (Usage, Options, [default: …]) in Chinese and breaks lines by display width: click counts a
Chinese character as one column, so a Chinese help would run past the terminal's edge.
Only imported under Chinese, and only the formatter's line breaking costs an import (when help is shown).
"""

from __future__ import annotations

import importlib
import re
from typing import Any

from littlegiant import lazyre

ALLOW_OUTSIDE = "允许规则文件用 extends: 引用它所在文件夹以外的文件（默认不允许，以防读到无关文件）。"
LANG = "使用的语言：zh 为中文，en 为英文。不填则跟随本机的语言设置。"
AS_OF = "评估日期，如 2026-11-26，也可写 2026/11/26 或 2026年11月26日。"

ROOT_HELP = ("检查一家中小企业能否获评工信部梯度培育的各级称号——创新型中小企业（2026年版规则称科技和创新型中小企业）、"
             "专精特新中小企业、专精特新\"小巨人\"企业，并列出还差哪些条件。\n\n"
             "金额一律以万元为单位。在下面的命令后加 --help，可查看该命令的说明和示例。")

COMMANDS: dict[str, dict[str, Any]] = {
    "": {
        "help": ROOT_HELP,
        "params": {"version": "显示本工具的版本号，然后退出。",
                   "lang": "所有命令的说明、提示和报告使用的语言：zh 为中文，en 为英文（命令自己的 --lang 优先）。"
                           "不填则跟随本机的语言设置。"},
        "metavars": {"lang": "语言"},
    },
    "assess": {
        "short": "评估一家企业：逐级给出结论，并列出差距。",
        "help": "按认定条件评估一家企业，逐级给出每个称号的结论：满足、不满足、未知（缺少数据，无法判断）"
                "或待审核（须由认定机关判断），并说明差在哪里、还需准备哪些材料。\n\n"
                "不给企业信息文件时，会逐题提问，每答一题都会保存，中断后可接着答。",
        "params": {
            "profile": "企业信息文件（.yaml 或 .json，可先用 littlegiant init 生成模板再填写）。不给时逐题提问作答。",
            "as_of": AS_OF + "它决定适用哪一版规则，以及“上年度”是哪一年。不填则为今天。",
            "renewal": "按复核评估已获得的称号：zjtx_sme 为专精特新中小企业，little_giant 为专精特新\"小巨人\"企业"
                       "（也可以直接写称号，如“专精特新”“小巨人”）。"
                       "适用哪一版规则按日期自动确定；其他称号仍按新申请评估，仅供参考。"
                       "写 none（或“新申请”）则按新申请评估，即使接着答的回答原先是按复核填写的。"
                       "不填时：接着答的回答原先是按复核填写的，仍按复核评估，否则按新申请评估。",
            "rules": "使用哪一版认定规则：内置的 miit-2022（2022年版）或 miit-2026（2026年版），"
                     "也可以是自行编写的规则文件（.yaml）或其所在的文件夹。不填则按评估日期选用当时有效的版本。",
            "lang": "报告" + LANG,
            "fmt": "报告的格式：text 为直接阅读的文字，markdown 为 Markdown 文档，html 为可用浏览器打开的网页，"
                   "json 供其他程序读取。不填则按 --output 文件名的后缀（.html、.md、.json）确定，否则为 text。",
            "output_as_typed": "把报告写入这个文件，而不是显示在屏幕上。",
            "set_": "假设测算：临时改动一项数据，看结论如何变化。写法为“数据项=数值”，数据项写报告中的名称，按年份的数据带上年份，例如 "
                    "研发费用（2025年）=700 即假设2025年研发费用为700万元。每次改一项，可写多次。",
            "save": "逐题提问时（不给企业信息文件），每答一题就保存到这个文件，下次用同一文件可接着答。"
                    "不填则为 littlegiant-profile.yaml。",
            "explain": "详细说明某个条件是如何判定的：写条件名称中的词即可，如 研发费用；"
                       "几个称号共有的条件（如参评基本条件），可写 称号:条件编号 指定看哪个称号下的，"
                       "如 little_giant:gate.sme（\"小巨人\"企业的中小企业规模条件）。",
            "compare": "用两版规则分别评估并对照结论，例如 miit-2022,miit-2026（2022年版与2026年版）。",
            "detail": "屏幕上的报告也列出每个条件的计算过程（Markdown 和网页报告总会列出）。不能与 --compare 同用。",
            "allow_outside": ALLOW_OUTSIDE,
            "encoding": "企业信息文件的文字编码，如 gbk，用于文件本身看不出编码的情况（带字节顺序标记的文件"
                        "或 UTF-8 文件按其本身读取）。不填则自动识别 UTF-8、GB18030/GBK 或带标记的 UTF-16。",
        },
        "metavars": {"as_of": "日期", "renewal": "称号", "rules": "规则", "lang": "语言", "fmt": "格式",
                     "output_as_typed": "文件", "set_": "数据项=数值", "save": "文件", "explain": "条件",
                     "compare": "两版规则", "encoding": "编码", "profile": "企业信息文件"},
        "examples": [
            ("littlegiant assess 企业信息.yaml --as-of 2026-03-01", "按2026年3月1日适用的规则评估，报告显示在屏幕上"),
            ("littlegiant assess 企业信息.yaml -o 评估报告.html", "生成网页版报告（格式按文件名后缀确定：.html、.md、.json）"),
            ("littlegiant assess 企业信息.yaml --set 研发费用（2025年）=700",
             "假设2025年研发费用为700万元，看结论有何变化"),
            ("littlegiant assess 企业信息.yaml --explain 研发费用", "说明与研发费用有关的条件是如何判定的"),
            ("littlegiant assess 企业信息.yaml --compare miit-2022,miit-2026", "对照2022年版与2026年版规则下的结论"),
            ("littlegiant assess --save 新企业.yaml", "逐题提问作答，答案随时保存，下次可接着答"),
        ],
    },
    "batch": {
        "short": "批量评估企业名单：每家企业一行结果，出错的也列出。",
        "help": "批量评估一份名单里的全部企业：输入的每一行都有一行结果，数据有误的企业也会列出错误原因，不会漏掉。",
        "params": {
            "inputs": "企业名单：Excel 表格（.xlsx）或 CSV 文件（列名用中文或英文均可，也可以是一列企业信息文件的路径）、"
                      "JSON Lines 文件（.jsonl），或存放这些文件和企业信息文件的文件夹。可给多个。",
            "output": "结果写到哪里：.xlsx 为 Excel 表格（含评估结果、错误明细、说明三张工作表），"
                      ".csv 为每家企业一行的汇总，.jsonl 供其他程序读取。",
            "as_of": AS_OF + "不填则为今天。",
            "renewal": "名单中的企业都按复核评估这一称号：zjtx_sme 为专精特新中小企业，"
                       "little_giant 为专精特新\"小巨人\"企业（也可以直接写称号，如“专精特新”“小巨人”）；"
                       "适用哪一版规则按日期自动确定。写 none（或“新申请”）则按新申请评估，与不填相同。",
            "rules": "使用哪一版认定规则：内置版本名（miit-2022、miit-2026）或规则文件（.yaml）。"
                     "不填则按评估日期选用当时有效的版本。",
            "lang": "结果表格" + LANG,
            "fmt": "summary 为每家企业一行汇总；json 为每家企业一行完整结果（仅用于 .jsonl 输出）。",
            "jobs": "同时用几个进程评估（结果顺序不变）。不填时：名单超过2,000行（用 --format json 或 --advice 时"
                    "超过200行）就按本机处理器个数（最多8个），否则只用一个。",
            "quiet": "不显示进度条，也不提示名单中哪些数据没有对应的列；读取时如何处理数据（不参与评估的列、不是企业的行、"
                     "读入的单位）仍照常提示。输出为 .xlsx 时，所有提示都写在“说明”工作表中。",
            "advice": "“下一步”一列给出最先要补的差距及所差的具体数额（名单较长时明显更慢：每行的耗时约为不加此选项时的几倍到几十倍）。",
            "allow_outside": ALLOW_OUTSIDE,
            "encoding": "CSV 文件的文字编码（读入和写出都用它），如 gb18030（即 GBK，较旧的中文软件常用）。"
                        "不填时：读入的文件逐个自动识别（UTF-8、GB18030/GBK、带标记的 UTF-16），"
                        ".csv 结果用带标记的 UTF-8 写出，Excel 双击即可正常打开。",
            "output_encoding": "只指定 .csv 结果的编码（与 --encoding 不同时使用）：utf-8 为不带标记的 UTF-8；"
                               "gbk 或 gb2312 为 Excel 能读的 GBK，GBK 没有的字写成 □ 并指出在哪一行。",
            "columns": ".csv 结果的列名和取值：labels 为 --lang 语言的文字（与 Excel 结果表相同），"
                       "ids 为固定的英文标识，供程序处理（.jsonl 总是用英文标识）。不填则为 labels。",
            "sheet": "只读取 .xlsx 名单中的这张工作表。不填则读取全部工作表。",
        },
        "metavars": {"inputs": "企业名单", "output": "文件", "as_of": "日期", "renewal": "称号", "rules": "规则",
                     "lang": "语言", "fmt": "格式", "jobs": "个数", "encoding": "编码", "output_encoding": "编码",
                     "sheet": "工作表"},
        "examples": [
            ("littlegiant batch 企业名单.xlsx -o 评估结果.xlsx", "评估名单中的每家企业，结果写入 Excel 表格"),
            ("littlegiant batch 企业名单.xlsx -o 评估结果.xlsx --advice", "另给出每家企业下一步最该补的差距和数额"),
            ("littlegiant batch 企业名单.csv -o 评估结果.csv --encoding gb18030",
             "读写 GBK 编码的 CSV 文件（较旧的中文软件常用）"),
            ("littlegiant batch 企业资料 -o 评估结果.jsonl --format json",
             "评估“企业资料”文件夹中的全部企业信息文件，每家一行完整结果"),
        ],
    },
    "schema": {
        "short": "输出企业信息文件的格式说明（供编辑器提示和检查）。",
        "help": "输出企业信息文件的格式说明（JSON Schema），编辑器据此在填写时提示可填的项目并检查填写是否有误。",
        "params": {
            "rules": "按哪一版规则列出数据项。不填则为今天有效的版本。",
            "rule_file": "改为输出规则文件的格式说明。",
        },
        "metavars": {"rules": "规则"},
        "examples": [
            ("littlegiant schema > profile.schema.json", "把企业信息文件的格式说明存为文件"),
            ("littlegiant schema --rule-file > rule-file.schema.json", "把规则文件的格式说明存为文件"),
        ],
    },
    "init": {
        "short": "生成待填写的企业信息模板，或批量评估用的名单表格。",
        "help": "生成一份待填写的企业信息模板（说明文字按 --lang 的语言），或供 batch 批量评估用的 CSV、Excel 名单表格。",
        "params": {
            "file": "模板写到哪里：.yaml 为一家企业的信息模板；以 .xlsx 或 .csv 结尾则为批量评估用的名单表格。"
                    "不填则显示在屏幕上。",
            "csv_file": "改为生成供 batch 使用的 CSV 名单：带列名、一行单位和各列填写说明、一行示例；用带标记的 UTF-8 写出，"
                        "Excel 双击即可打开。",
            "xlsx_file": "改为生成供 batch 使用的 Excel 名单：首页为填写说明，名单带列名（附批注说明）、一行单位说明和下拉选项。",
            "lang": "模板说明文字和 --csv、--xlsx 列名" + LANG,
            "columns": "--csv 的列名：labels 为 --lang 语言的文字，并带一行单位说明（batch 能读回）；"
                       "ids 为固定的英文标识，供程序处理。不填则为 labels。",
            "as_of": "以这一天的“上年度”确定各财务年度。不填则为今天。",
            "force": "文件已存在时覆盖它。",
            "rules": "按哪一版规则列出要填的数据（地方规则会加上自己的项目）。不填则为今天有效的版本。",
        },
        "metavars": {"file": "文件", "csv_file": "文件", "xlsx_file": "文件", "lang": "语言", "as_of": "日期",
                     "rules": "规则"},
        "examples": [
            ("littlegiant init 企业信息模板.yaml", "生成一家企业的信息模板，填好后用 assess 评估"),
            ("littlegiant init 企业名单模板.xlsx", "生成批量评估用的 Excel 名单，每行填一家企业"),
            ("littlegiant init --csv 企业名单模板.csv", "生成批量评估用的 CSV 名单"),
            ("littlegiant init 山东企业.yaml --rules shandong-2022", "按山东省2022年规则生成模板（含山东省自己的项目）"),
        ],
    },
    "rules": {
        "short": "查看认定规则：版本、条款、术语、日历，检查和对比规则文件。",
        "help": "查看认定规则：列出各版本、显示某条规则、解释术语、检查自编的规则文件、运行规则测试、对比两个版本。",
        "params": {"lang": "各个 rules 命令使用的语言：zh 为中文，en 为英文（命令自己的 --lang 优先）。不填则跟随本机的语言设置。"},
        "metavars": {"lang": "语言"},
    },
    "rules list": {
        "short": "列出各版规则及其有效日期。",
        "help": "列出内置的各版规则（以及给出的规则文件）、各自的有效日期，以及各条规则依据的可靠程度。",
        "params": {"files": "除内置版本外，还要列出的规则文件。", "lang": LANG},
        "metavars": {"files": "规则文件", "lang": "语言"},
        "examples": [("littlegiant rules list", "列出内置的各版规则"),
                     ("littlegiant rules list 本省规则.yaml", "同时列出自编的规则文件")],
    },
    "rules calendar": {
        "short": "某天申请或复核适用哪一版规则和通知，及原因。",
        "help": "说明某一天新申请或复核各称号适用哪一版规则和哪一批次的通知，以及原因。",
        "params": {"as_of": "日期，如 2026-11-26：列出这一天新申请和各称号复核分别适用什么。不填则列出完整日历。",
                   "lang": LANG},
        "metavars": {"as_of": "日期", "lang": "语言"},
        "examples": [("littlegiant rules calendar", "列出完整的规则日历"),
                     ("littlegiant rules calendar --as-of 2026-11-26", "2026年11月26日申请或复核适用什么")],
    },
    "rules show": {
        "short": "用文字说明一条规则、一个称号或一版规则。",
        "help": "用文字说明一条规则、一个称号或一版规则：要求是什么（带单位）、出处、出处的可靠程度、用到哪些数据。",
        "params": {
            "ident": "要查看的对象：规则版本名（如 miit-2026）、称号、条件、评分项（评分表.项目）或数据项的编号，"
                     "也可以是条件名称中的文字（如“研发费用”）。",
            "rules": "在哪一版规则中查找。不填则查找全部内置版本，今天有效的版本在前。",
            "lang": LANG,
            "detail": "供编写规则的人查看：编号、类型、公式和比较方式、可靠程度标记、数据项路径，中英文并列。",
        },
        "metavars": {"ident": "编号", "rules": "规则", "lang": "语言"},
        "examples": [("littlegiant rules show miit-2026", "说明2026年版规则"),
                     ("littlegiant rules show zjtx26.rd.share_y1", "说明一个条件：上年度研发费用占比"),
                     ("littlegiant rules show 研发费用", "说明名称中有“研发费用”的各个条件"),
                     ("littlegiant rules show zjtx.points.ip --rules miit-2022 --detail",
                      "2022年版知识产权评分项的全部细节")],
    },
    "rules glossary": {
        "short": "解释问题中用到的官方术语。",
        "help": "用通俗的话解释问题中用到的官方术语（Ⅰ类知识产权、主导产品、上年度等）。",
        "params": {"rules": "按哪一版规则列出用到各术语的问题。不填则为今天有效的版本。", "lang": LANG},
        "metavars": {"rules": "规则", "lang": "语言"},
        "examples": [("littlegiant rules glossary", "列出全部术语及其解释"),
                     ("littlegiant rules glossary --rules shandong-2022", "按山东省2022年规则列出用到各术语的问题")],
    },
    "rules validate": {
        "short": "严格检查规则文件，逐条列出问题。",
        "help": "严格检查规则文件，每个问题都按“文件:行号: 位置: 说明”列出（有问题时退出码为 2）。",
        "params": {"files": "要检查的规则文件（或内置版本名）。", "allow_outside": ALLOW_OUTSIDE,
                   "every": "列出全部问题（默认每个文件只列前 100 个，再说明还有多少个）。", "lang": LANG},
        "metavars": {"files": "规则文件", "lang": "语言"},
        "examples": [("littlegiant rules validate 本省规则.yaml", "检查自编的规则文件")],
    },
    "rules test": {
        "short": "运行规则的测试用例，并在每个门槛处自动验算。",
        "help": "运行每版规则旁的测试用例（.tests.yaml），并在每个门槛值的两侧自动生成用例验算。",
        "params": {"paths": "要测试的规则：版本名、规则文件、其 .tests.yaml 或文件夹。不填则测试全部内置版本及地方规则。",
                   "allow_outside": ALLOW_OUTSIDE, "lang": LANG},
        "metavars": {"paths": "规则", "lang": "语言"},
        "examples": [("littlegiant rules test", "测试全部内置规则"),
                     ("littlegiant rules test shandong-2022", "只测试山东省2022年规则")],
    },
    "rules diff": {
        "short": "逐条对比两版规则的变化。",
        "help": "逐条对比两版规则的变化：新增、删除的条件，以及门槛从多少改为多少。",
        "params": {"a": "较早的一版规则（版本名或文件）。", "b": "较新的一版规则（版本名或文件）。",
                   "allow_outside": ALLOW_OUTSIDE, "lang": LANG},
        "metavars": {"a": "旧版", "b": "新版", "lang": "语言"},
        "examples": [("littlegiant rules diff miit-2022 miit-2026", "2026年版相比2022年版改了什么")],
    },
}

WORDS = {
    "Options": "选项", "Arguments": "参数", "Commands": "命令",
    "Show this message and exit.": "显示本说明，然后退出。",
    "[OPTIONS]": "[选项]", "COMMAND [ARGS]...": "命令 [参数]...",
}
"""typer's and click's own words that its help prints."""
_BRACKETS = lazyre.compile(r"\[(?:default: (?P<default>[^\]]*)|(?P<required>required))\]\s*$")
EXAMPLES_TITLE = "示例："
_TYPE = lazyre.compile(r" <[\w\[\]]+>$")
"""The type typer shows after an argument's name (profile <path>): the Chinese name says what it is."""


def epilog(examples: list[tuple[str, str]]) -> str:
    """The examples as help shows them: each command on a line of its own, what it does beneath."""
    return EXAMPLES_TITLE + "\n" + "".join(f"\n  {command}\n      {what}\n" for command, what in examples)


def translate(command: Any, path: str = "") -> None:
    """Put the Chinese help on ``command`` and every command under it. Arguments get their Chinese
    names in errors too (缺少参数 企业名单, as the help's usage line names it: INPUTS was a word the
    Chinese help never showed). An option declared in app.py without its Chinese here keeps its
    English help rather than failing every Chinese run (test_help_zh finds it)."""
    texts = COMMANDS.get(path, {})  # a command or option added without its Chinese keeps its English
    command.help = texts.get("help", command.help)
    command.short_help = texts.get("short", command.short_help)
    if "examples" in texts:
        command.epilog = epilog(texts["examples"])
    for param in command.params:
        param.help = texts.get("params", {}).get(param.name, param.help)
        metavar = texts.get("metavars", {}).get(param.name)
        if metavar is not None:
            param.metavar = metavar
    if getattr(command, "subcommand_metavar", None) == "COMMAND [ARGS]...":
        command.subcommand_metavar = WORDS["COMMAND [ARGS]..."]
    if command.options_metavar == "[OPTIONS]":
        command.options_metavar = WORDS["[OPTIONS]"]
    command.context_class = _context(command.context_class)
    for name, sub in getattr(command, "commands", {}).items():
        translate(sub, f"{path} {name}".strip())


def _context(base: type) -> type:
    return type(base.__name__, (base,), {"formatter_class": _formatter()})


_FORMATTER: list[type] = []


def _formatter() -> type:
    """A help formatter that says click's headings in Chinese and wraps by display width."""
    if _FORMATTER:
        return _FORMATTER[0]
    try:
        base = importlib.import_module("typer._click.formatting").HelpFormatter
    except ImportError:  # pragma: no cover - typer < 0.29 runs on the click package
        base = importlib.import_module("click.formatting").HelpFormatter

    class Formatter(base):  # type: ignore[misc, valid-type]
        def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
            head = f"{' ' * self.current_indent}用法：{prog} "
            # {企业名单}... read as code: the argument's name alone, as the 参数 list below names it
            self._lines(re.sub(r"\{([^{}]+)\}", r"\1", args), head, " " * min(_cells(head), 8))

        def write_heading(self, heading: str) -> None:
            self.write(f"{' ' * self.current_indent}{WORDS.get(heading, heading)}：\n")

        def write_text(self, text: str) -> None:
            indent = " " * self.current_indent
            for line in text.split("\n"):
                stripped = line.lstrip(" ")
                own = indent + line[:len(line) - len(stripped)]
                if not stripped:
                    self.write("\n")
                elif stripped.startswith("littlegiant "):
                    self._command(stripped, own)
                else:
                    self._lines(stripped, own, own)

        def write_dl(self, rows: Any, col_max: int = 30, col_spacing: int = 2) -> None:
            rows = [(_TYPE.sub("", name), text) for name, text in rows]
            first = min(max(_cells(a) for a, _ in rows), col_max) + col_spacing
            indent = " " * self.current_indent
            for name, text in rows:
                text = _said(text)
                if not text:
                    self.write(f"{indent}{name}\n")
                    continue
                if _cells(name) + col_spacing > first:
                    self.write(f"{indent}{name}\n")
                    head = indent + " " * first
                else:
                    head = indent + name + " " * (first - _cells(name))
                self._lines(text, head, indent + " " * first)

        def _lines(self, text: str, head: str, rest: str) -> None:
            """``text`` after ``head`` on the first line and ``rest`` on the others, within the width."""
            from littlegiant.report.linebreak import wrap

            room = max(self.width - _cells(head), 10)
            lines = wrap(text, room)
            if len(lines) > 1 and _cells(rest) != _cells(head):  # the later lines have their own room
                lines = lines[:1] + wrap(text[len(lines[0]):].lstrip(), max(self.width - _cells(rest), 10))
            for i, line in enumerate(lines):
                self.write(f"{head if i == 0 else rest}{line}\n")

        def _command(self, command: str, indent: str) -> None:
            """An example command, kept whole: broken only at a space, with the shell's \\ at the
            end of a line, so that it is still one command when copied from a narrow terminal."""
            room = max(self.width - _cells(indent) - 2, 20)
            line = ""
            for word in command.split(" "):
                if line and _cells(line) + 1 + _cells(word) > room:
                    self.write(f"{indent}{line} \\\n")
                    line, indent = word, indent + "  "
                else:
                    line = f"{line} {word}" if line else word
            self.write(f"{indent}{line}\n")

    _FORMATTER.append(Formatter)
    return Formatter


def _said(text: str) -> str:
    """An option's help with typer's own words (the help option's, [default: …], [required]) in Chinese."""
    text = WORDS.get(text, text)
    found = _BRACKETS.search(text)
    if found is None:
        return text
    said = f"[默认：{found['default']}]" if found["default"] is not None else "[必填]"
    return text[:found.start()] + said


def _cells(text: str) -> int:
    from rich.cells import cell_len

    return cell_len(text)
