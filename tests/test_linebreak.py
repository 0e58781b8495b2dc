"""Chinese line breaking in the terminal: lines fit, keep every character, never start with closing
punctuation nor end with an opening one, and carry no trailing spaces."""

from __future__ import annotations

import re
from itertools import pairwise

from hypothesis import assume, given
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.text import Text
from tests.conftest import EXAMPLES
from typer.testing import CliRunner

from littlegiant.cli.app import app
from littlegiant.report.linebreak import NO_END, NO_START, pieces, wrap, wrap_rich

PIECES = st.one_of(
    st.text(alphabet="研发费用占营业收入比重不低于专精特新小巨人企业称号", min_size=1, max_size=12),
    st.sampled_from(["。", "，", "、", "；", "：", "）", "」", "（", "「", "——", " ", "  ", "2,500", "5.42%", "→",
                     "(2026)", "Little Giant", "demonstration,", "Ⅰ类", "\"", "（+2,300）", " (10k CNY)"]),
)
TEXTS = st.lists(PIECES, max_size=30).map("".join)


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@given(text=TEXTS, width=st.integers(min_value=4, max_value=60))
def test_lines_fit_keep_every_character_and_carry_no_trailing_space(text: str, width: int) -> None:
    """Every line fits the width, ends without a space, and the lines hold the whole text in order."""
    lines = wrap(text, width)
    assert all(cell_len(line) <= width for line in lines)
    assert all(line == line.rstrip() for line in lines)
    assert squash("".join(lines)) == squash(text)


@given(text=TEXTS, width=st.integers(min_value=4, max_value=60))
def test_no_line_starts_with_a_closing_mark_when_every_run_fits(text: str, width: int) -> None:
    """When no unbreakable run (a word, a character with its closing marks) is wider than the line, no line
    starts with 。，）… and none ends with （「…; wider runs are folded, the only exception."""
    assume(all(cell_len(text[a:b]) <= width for a, b in pieces(text)))
    lines = wrap(text, width)
    for before, line in pairwise(lines):
        assert line[:1] not in NO_START and before[-1:] not in NO_END, (before, line)


def test_a_chinese_sentence_breaks_before_the_word_not_before_its_comma() -> None:
    """At the width where 。 or ， would open the next line, the character before it moves down with it."""
    text = "专精特新中小企业，差在细分市场年限。另有两项"
    # 8 characters fill 16 cells exactly; the comma would start line two
    assert wrap(text, 16) == ["专精特新中小企", "业，差在细分市场", "年限。另有两项"]
    assert wrap("营业收入（2026年）：2,500 → 5,000万元", 12)[0] == "营业收入"  # （2026年） is not split after （


def test_styles_survive_the_wrap() -> None:
    """A styled text keeps its styles on every line."""
    text = Text.assemble(("不满足", "red"), ("：研发费用占营业收入比重不低于3%", "bold"))
    lines = wrap_rich(text, 10)
    assert [line.plain for line in lines] == wrap(text.plain, 10)
    assert [(sp.start, sp.end, sp.style) for sp in lines[0].spans] == [(0, 3, "red"), (3, 5, "bold")]
    assert all(sp.style == "bold" for line in lines[1:] for sp in line.spans)
    assert all(not line.plain.endswith(" ") for line in lines)


def english_units() -> set[str]:
    """Every unit the built-in rule sets (and the templates) write after an English number."""
    from littlegiant.load import rules
    from littlegiant.report.explanations import unit_text
    from littlegiant.report.template import _UNIT_EN

    units = {f.unit for rid in ("miit-2022", "miit-2026") for f in rules.load(rid).fields.values() if f.unit}
    return {unit_text(u, "en").strip() for u in units} | set(_UNIT_EN.values())


@given(before=TEXTS, after=st.sampled_from(["", "。", ": met", "; required", "）：满足", " (+2,300)", "，高于"]),
       width=st.integers(min_value=20, max_value=60), data=st.data())
def test_an_english_unit_is_never_broken_at_its_space(before: str, after: str, width: int, data: st.DataObject) -> None:
    """A unit such as "(10k CNY)" after a number stays on one line wherever the number falls."""
    unit = data.draw(st.sampled_from(sorted(u for u in english_units() if " " in u)))
    lines = wrap(f"{before} 1,200 {unit}{after}", width)
    assert any(unit in line for line in lines), lines


def test_words_read_at_once_and_figures_with_units_stay_whole() -> None:
    """QA at 80 columns: 不满 / 足, 不知 / 道, 8,000万 / 元 and a line opening with the closing quote of
    "补短板" read as typos or as a different amount; each now moves down whole."""
    assert wrap("主营业务收入占比 85%，要求 ≥ 90%：不满足", 36) == ["主营业务收入占比 85%，要求 ≥ 90%：", "不满足"]
    assert wrap("回车表示不知道", 12) == ["回车表示", "不知道"]
    assert wrap("营业收入：3,000 → 8,000万元（+5,000）", 26) == ["营业收入：3,000 →", "8,000万元（+5,000）"]
    quoted = "发挥\"补短板\"\"锻长板\"等作用"  # ASCII quotes pair up: a closing one keeps to its word, an opening one too
    assert wrap(quoted, 10) == ["发挥\"补短", "板\"\"锻长", "板\"等作用"]
    assert wrap(quoted, 12) == ["发挥\"补短", "板\"\"锻长板\"", "等作用"]


@given(before=TEXTS, word=st.sampled_from(["不满足", "满足", "不知道", "万元", "2025年", "8,000万元"]), after=TEXTS,
       width=st.integers(min_value=10, max_value=60))
def test_a_status_word_or_a_figure_with_its_unit_is_never_split(before: str, word: str, after: str, width: int) -> None:
    """Wherever it falls, a status word or a figure with its unit is on one line (when a line can hold it)."""
    text = f"{before}，{word}。{after}"
    assume(all(cell_len(text[a:b]) <= width for a, b in pieces(text)))
    assert any(word in line for line in wrap(text, width))


def test_a_long_text_full_of_whole_words_and_quotes_wraps_at_once() -> None:
    """A pasted name of thousands of 满足 or quoted words wraps in well under a second, every character kept
    (each piece once looked through every whole word and quote: minutes for a 16,000-character name)."""
    import time

    for text in ("满足" * 8000, "满足 不知道 8,000万元 " * 1500, '"a" ' * 8000):
        began = time.perf_counter()
        lines = wrap(text, 80)
        assert time.perf_counter() - began < 3
        assert squash("".join(lines)) == squash(text)
        assert all(cell_len(line) <= 80 for line in lines)


@given(st.integers(min_value=20, max_value=90))
def test_the_footer_never_parts_the_tool_from_its_version(width: int) -> None:
    """At 80 columns the zh footer ended "· littlegiant" with "0.1.0" alone on the next line."""
    text = "依据 优质中小企业梯度培育管理办法（2026） · 评估日期 2026-11-26 · littlegiant 0.1.0"
    lines = wrap(text, width)
    assert any(line.endswith("littlegiant 0.1.0") for line in lines), lines


@given(st.integers(min_value=24, max_value=90))
def test_the_footer_keeps_each_date_with_its_label(width: int) -> None:
    """At 60 columns the zh footer ended "· 评估日期" with "2026-12-03" opening the next line; the header's
    上年度 and the English "as of" could part the same way."""
    for text in ("依据 优质中小企业梯度培育管理办法（2026） · 评估日期 2026-11-26 · littlegiant 0.1.0",
                 "评估日期 2026-11-26 · 上年度 2025 · 企业规模：小型",
                 "Rules: Measures for Cultivating Quality SMEs (2026) · as of 2026-11-26 · littlegiant 0.1.0"):
        lines = wrap(text, width)
        assert not any(line.rstrip().endswith(("评估日期", "上年度", "as of")) for line in lines), lines


def test_a_60_column_report_ends_with_its_date_beside_its_label() -> None:
    """The report as printed in a 60-column terminal: its footer names the date right after 评估日期."""
    out = CliRunner().invoke(app, ["assess", str(EXAMPLES / "half-missing.yaml"), "--as-of", "2026-11-26",
                                   "--lang", "zh"], env={"COLUMNS": "60", "NO_COLOR": "1"}).stdout
    lines = out.splitlines()
    assert "评估日期 2026-11-26 · littlegiant 0.1.0" in lines, lines[-4:]
    assert not any(line.endswith("评估日期") for line in lines)


def test_a_document_number_stays_whole_in_english_text() -> None:
    """工信部企业 / 〔2026〕2号 on two lines of an English report read as two things; 115 / 号 as a number
    with a stray character."""
    text = "Basis: documents read (工信部企业〔2026〕2号, 国科发政〔2017〕115号) and the 2022 measures"
    for width in range(cell_len("(工信部企业〔2026〕2号,"), 60):
        lines = wrap(text, width)
        joined = "\n".join(lines)
        assert all(cell_len(line) <= width for line in lines)
        assert "工信部企业〔2026〕2号" in joined and "国科发政〔2017〕115号" in joined, lines


def test_a_run_wider_than_the_line_folds_where_two_chinese_characters_meet() -> None:
    """Too wide for its column, a glued run folded by cells: (国科发政〔2017〕115 / 号); it now folds
    before the bracket, the number kept whole with its 号, and no line starts with a closing mark."""
    assert wrap("(国科发政〔2017〕115号)", 20) == ["(国科发政", "〔2017〕115号)"]
    assert wrap("abcdefghijklmnopqrstuvwxyz", 10) == ["abcdefghij", "klmnopqrst", "uvwxyz"]  # no break in it: cells


@given(st.text(alphabet="国科发政〔〕（）。，0123456789号年 abc", min_size=1, max_size=60), st.integers(4, 30))
def test_folding_keeps_every_character_and_the_width(text: str, width: int) -> None:
    lines = wrap(text, width)
    assert all(cell_len(line) <= width for line in lines)
    assert squash("".join(lines)) == squash(text)


def test_an_option_stays_on_one_line_with_its_value() -> None:
    """The held-title hint at 80 columns broke as "--renewal 专精特" / "新中小企业": a reader who types what
    the first line shows gets an error. The option and its value now share a line, in the report and at
    any width they fit in."""
    out = CliRunner().invoke(app, ["assess", str(EXAMPLES / "little-giant-2026.yaml"), "--as-of", "2026-11-26",
                                   "--lang", "zh", "--set", "financials.2025.rd_expense=500"],
                             env={"COLUMNS": "80", "NO_COLOR": "1"}).stdout
    assert any("--renewal 专精特新中小企业" in line for line in out.splitlines()), out
    hint = "称号复核请在命令后加上 --renewal 专精特新小巨人企业 另行评估，或加上 -o 报告.html 另存"
    for width in range(cell_len("--renewal 专精特新小巨人企业"), 70):
        joined = "\n".join(wrap(hint, width))
        assert "--renewal 专精特新小巨人企业" in joined and "-o 报告.html" in joined, (width, joined)


def test_a_long_option_value_keeps_a_line_of_its_own() -> None:
    """A path after --output is no title: glued to its option it was folded inside itself ("…/res" /
    "ults.xlsx") where, as before, a line of its own holds it whole. In a whole command, wider than the
    line, the command holds a line of its own, path and all, unfolded (the terminal folds it at its edge)."""
    path = "/home/user/some/very/long/folder/name/for/results/of/the/park/2026/results.xlsx"
    lines = wrap(f"请在命令后加上 --output {path} 即可", 80)
    assert path in lines, lines
    command = f"littlegiant batch 名单.xlsx --output {path}"
    assert wrap(f"请运行 {command} 即可", 80) == ["请运行", command, "即可"]


COMMANDS = st.lists(st.sampled_from(["--save cases/zero_rev.yaml", "--as-of 2026-12-05", "--lang zh", "--detail",
                                     "--renewal 专精特新中小企业", "--set 研发费用（2025年）=700", "-o 评估报告.html",
                                     "企业信息.yaml", "'my file.yaml'", "--rules miit-2022"]),
                    max_size=6).map(lambda args: " ".join(["littlegiant assess", *args]))
PROSE = st.text(alphabet="也可以对这个文件重新运行逐题问答输入退出后，。；", max_size=40)
AFTER = st.sampled_from(["", "（已答的题会保留）", "），在答案列表处输入 p 逐一回答。", "，填好后即可评估。", " 生成资料模板照着填写",
                         "。"])


@given(before=PROSE, opening=st.sampled_from(["", "（", "：", " "]), command=COMMANDS, after=AFTER,
       width=st.integers(min_value=10, max_value=100))
def test_a_command_to_copy_is_never_broken_inside(before: str, opening: str, command: str, after: str,
                                                   width: int) -> None:
    """At 80 columns the report's 「…（littlegiant assess --save ../cases/zero_rev.yaml --as-of 2026-12-05」 went on
    「--lang zh）」 on the next line, and a user who copied the line ran the command without its --lang. A
    command is now whole on one line at any width; wider than the line, it stands alone at a line's start
    (the terminal folds it at its edge), every other line fitting the width as before."""
    if opening == "（":
        after = "）" + after.removeprefix("）")
    text = before + opening + command + after
    lines = wrap(text, width)
    holding = [line for line in lines if command in line]
    assert len(holding) == 1, (command, lines)
    assert all(cell_len(line) <= width for line in lines if line not in holding), lines
    if cell_len(command) > width:
        assert holding[0].lstrip("（：").startswith(command), lines
    else:  # its brackets let go of where with them it would not fit: 「…问答（」 / the command / 「），在…」
        assert cell_len(holding[0]) <= width, lines
    assert squash("".join(lines)) == squash(text)


def test_a_command_that_fits_lets_go_of_its_brackets_rather_than_run_past_the_line() -> None:
    """「（littlegiant assess … --lang zh），」 one cell past 80 columns: the terminal folded 「），」 onto a line of
    its own. The command keeps its opening bracket where the two fit, and the line after takes the rest."""
    text = ("计划中仍需回答的问题：把答案补填到企业信息文件后重新评估；也可以对这个文件重新运行逐题问答"
            "（littlegiant assess --save ../cases/zero_rev.yaml --as-of 2026-12-05 --lang zh），在答案列表处输入 p 逐一回答。")
    assert wrap(text, 80)[1:] == ["行逐题问答", "（littlegiant assess --save ../cases/zero_rev.yaml --as-of 2026-12-05 --lang zh",
                                  "），在答案列表处输入 p 逐一回答。"]
