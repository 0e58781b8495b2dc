"""What the interview says back after an answer is what it saves: a rough figure shown as rough, a
start year as the years it makes, 无 for a count as 0.

Each test drives the real command (``littlegiant assess`` with no file) on pipes, types an owner's
words at the question, reads the line said back and the answers file saved (the input ends
mid-interview, as Ctrl-C does, and the answers are kept).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pexpect
import pytest
from tests.test_cli_interactive import ENV, Session, pty_prompt
from tests.test_reports import squash

AS_OF = ["--as-of", "2026-12-05"]  # last year 2025
NICHE = "从事特定细分市场年限（截至上年末）（年）"
NICHE_EN = "Years in the specific niche market at last year end (years)"


def started(tmp_path: Path, lang: str, *extra: str) -> Session:
    """The interview under way, its first question (the company's name) answered."""
    s = Session(["assess", *AS_OF, "--lang", lang, "--save", "a.yaml", *extra], tmp_path)
    s.answers("某公司" if lang == "zh" else "Acme")
    return s


def saved_text(s: Session, tmp_path: Path) -> str:
    """End the input (exit 130, as Ctrl-C) and give the answers file as written."""
    code, _ = s.finish()
    assert code == 130, s.transcript
    return (tmp_path / "a.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize("typed", ["约8000万", "约合8000万", "大约8000万", "大概8000万", "差不多8000万", "将近8000万",
                                   "接近8000万", "近8000万", "8000万左右", "8000万上下", "约 8,000 万元", "0.8亿左右"])
def test_a_rough_amount_is_said_back_as_rough(tmp_path: Path, typed: str) -> None:
    """差不多8000万 was saved as 约8000 but said back 「差不多8000万 = 8,000万元」: the owner took it as read exact.
    Every word that makes a figure rough says 约 in the line said back, as in the file."""
    s = started(tmp_path, "zh")
    assert "营业收入（2025年）（万元）" in (s.until_prompt() or "")
    said = s.reply(typed)
    assert f"→ {typed} = 约8,000万元\n" in said, said
    assert "    revenue: 约8000\n" in saved_text(s, tmp_path)


@pytest.mark.parametrize("typed", ["about 80 million", "around 80 million", "approximately 80 million",
                                   "roughly 80 million", "80 million or so", "~80 million"])
def test_a_rough_amount_in_english_is_said_back_as_rough(tmp_path: Path, typed: str) -> None:
    """In English "about" was said back as exact, and "around" (as "roughly") was refused as no amount."""
    s = started(tmp_path, "en")
    assert "Operating revenue 2025" in (s.until_prompt() or "")
    said = s.reply(typed)
    assert f"→ {typed} = about 8,000 (10k CNY)\n" in said, said
    assert "    revenue: 约8000\n" in saved_text(s, tmp_path)


def test_an_exact_amount_in_another_unit_is_said_back_without_about(tmp_path: Path) -> None:
    """Only a rough figure gets 约: 0.8亿 is said back as 8,000万元, saved as 8000."""
    s = started(tmp_path, "zh")
    s.until_prompt()
    assert "→ 0.8亿 = 8,000万元\n" in s.reply("0.8亿")
    assert "    revenue: 8000\n" in saved_text(s, tmp_path)


@pytest.mark.parametrize("typed", ["2008年开始", "2008年起", "从2008年", "从2008年起", "自2008年以来", "2008年至今",
                                   "从2008年开始"])
def test_a_start_year_for_years_in_the_niche_is_read_as_the_years_to_last_year_end(tmp_path: Path, typed: str) -> None:
    """「2008年开始」 was refused. Under --as-of 2026-12-05 it is the years to the end of 2025: 17 whole years
    (2008 itself not counted, as the start within it is not known), said back with that reason and saved as 17."""
    s = started(tmp_path, "zh")
    s.unknown_until(NICHE)
    said = s.reply(typed)
    assert squash(f"→ {typed} = 17年（算到2025年末，2008年当年不计；如是2008年1月开始，可直接填18）") in squash(said), said
    assert "\nniche_years: 17\n" in saved_text(s, tmp_path)


def test_a_start_year_in_english_is_read_as_the_years_to_last_year_end(tmp_path: Path) -> None:
    """"since 2008" under --lang en is the 17 whole years to the end of 2025, said back so."""
    s = started(tmp_path, "en")
    s.unknown_until(NICHE_EN)
    said = s.reply("since 2008")
    assert " ".join("→ since 2008 = 17 years (to the end of 2025, not counting 2008 itself; if it began in January "
                    "2008, type 18)".split()) in " ".join(said.split()), said
    assert "\nniche_years: 17\n" in saved_text(s, tmp_path)


@pytest.mark.parametrize(("typed", "reason"), [
    ("2026年开始", "✗ “2026年开始”晚于 2025年：到 2025年末还没有开始的，请填 0。请重新输入"),
    ("从2030年起", "✗ “从2030年起”晚于 2025年：到 2025年末还没有开始的，请填 0。请重新输入"),
    ("1900年开始", "✗ “1900年开始”早于 1949年，请核对开始的年份。请重新输入"),
])
def test_a_start_year_after_last_year_or_before_1949_is_refused_in_one_line(tmp_path: Path, typed: str,
                                                                             reason: str) -> None:
    """A start after the end of last year makes no years to count (nor a negative count), and one before 1949
    is a slip: each is refused with its reason on one line, and the question is asked again."""
    s = started(tmp_path, "zh")
    s.unknown_until(NICHE)
    said = s.reply(typed)
    assert said.startswith("  " + reason) and said.count("\n") == 1, said
    assert "→" not in said
    s.send("17")
    s.until_prompt()
    assert "\nniche_years: 17\n" in saved_text(s, tmp_path)


@pytest.mark.parametrize(("question", "typed", "back", "line"), [
    ("与主导产品相关的有效Ⅰ类知识产权（项）", "无", "→ 无 = 0项", "  class1: 0\n"),
    ("与主导产品相关的有效Ⅰ类知识产权（项）", "没有", "→ 没有 = 0项", "  class1: 0\n"),
    ("研发费用（2025年）（万元）", "无", "→ 无 = 0万元", "    rd_expense: 0\n"),
    ("研发费用（2025年）（万元）", "没有", "→ 没有 = 0万元", "    rd_expense: 0\n"),
])
def test_none_to_a_count_or_an_amount_is_read_as_0_and_said_back(tmp_path: Path, question: str, typed: str,
                                                                 back: str, line: str) -> None:
    """无 to 「有几项Ⅰ类知识产权」 or 没有 to 研发费用 was refused, though the owner said there are none: an
    answer, not a missing input (never a silent 0: it is said back as 0 before it counts)."""
    s = started(tmp_path, "zh")
    s.unknown_until(question)
    said = s.reply(typed)
    assert back + "\n" in said and "✗" not in said, said
    assert line in saved_text(s, tmp_path)


def test_none_to_staff_is_0_and_dont_know_stays_unknown(tmp_path: Path) -> None:
    """没有 to 科技人员 is 0 people, said back; 不知道 to the question after it stays unknown (null), never 0."""
    s = started(tmp_path, "zh", "--set", "employees=100")
    s.unknown_until("科技人员人数（人）")
    said = s.reply("没有")
    assert "→ 没有 = 0人\n" in said, said
    assert "→ 记为「不知道」" in s.reply("不知道")
    text = saved_text(s, tmp_path)
    assert "\ntech_staff: 0\n" in text and ": null\n" in text


def test_none_in_english_to_a_count_is_0(tmp_path: Path) -> None:
    """"none" to a count under --lang en is 0, said back as such."""
    s = started(tmp_path, "en")
    s.unknown_until("Valid class I IP related to the main product (items)")
    said = s.reply("none")
    assert "→ none = 0 items\n" in said, said
    assert "  class1: 0\n" in saved_text(s, tmp_path)


def test_none_to_net_profit_is_still_asked_which_it_is(tmp_path: Path) -> None:
    """没有 to 净利润 may be a loss (没有利润) as well as exactly 0: it stays refused, asking for 0 or 不知道."""
    s = started(tmp_path, "zh", "--rules", "miit-2022")
    s.unknown_until("净利润（2025年）（万元）")
    said = s.reply("没有")
    assert "✗ 没有的话请填 0" in said and "→" not in said, said
    s.finish()


def test_the_answers_said_back_in_a_terminal_80_columns_wide(tmp_path: Path) -> None:
    """The lines said back, seen as the owner sees them: in a terminal 80 columns wide."""
    child = pexpect.spawn(sys.executable, ["-m", "littlegiant", "assess", *AS_OF, "--lang", "zh", "--save", "t.yaml"],
                          cwd=str(tmp_path), env={**ENV, "COLUMNS": "80"}, encoding="utf-8", timeout=30,
                          dimensions=(40, 80))
    pty_prompt(child)
    child.sendline("某公司")
    pty_prompt(child)
    child.sendline("差不多8000万")
    assert "→ 差不多8000万 = 约8,000万元" in pty_prompt(child)
    child.sendline("无")
    assert "→ 无 = 0万元" in pty_prompt(child)
    child.sendintr()
    child.expect(pexpect.EOF)
    child.close()
    assert "revenue: 约8000\n" in (tmp_path / "t.yaml").read_text(encoding="utf-8")


def test_none_to_a_level_says_to_leave_it_unknown_not_to_type_0(tmp_path: Path) -> None:
    """无 to 数字化水平评测等级 (1–4; never assessed) was told 「没有的话请填 0」, and 0 was then refused (不能小于
    1): a level has no 0, and its help says to leave it empty, so the refusal says to press Enter."""
    s = started(tmp_path, "zh", "--rules", "miit-2022")
    s.unknown_until("中小企业数字化水平评测等级")
    said = s.reply("无")
    assert "✗ 没有的话直接回车（记为「不知道」）。" in said and "请填 0" not in said, said
    assert "→ 记为「不知道」" in s.reply("")
    assert "\ndigital_level: null\n" in saved_text(s, tmp_path)


def test_none_to_main_revenue_asks_for_the_revenue_instead(tmp_path: Path) -> None:
    """无 to 主营业务收入 was read as 0 (the review of f5ceb4d): an owner who does not split out main revenue
    answers 无, and 0 made the main-business share 0%, failing the 80% and 90% tests. It is refused,
    saying to give the revenue's amount where all of it is main business, or 不知道; nothing is saved."""
    s = started(tmp_path, "zh", "--set", "financials.2025.revenue=9000")
    s.unknown_until("其中主营业务收入（万元）")
    said = s.reply("无")
    assert "✗" in said and "→" not in said, said
    assert "与营业收入相同的数额" in said, said
    s.send("8000")
    s.until_prompt()
    assert "    main_revenue: 8000\n" in saved_text(s, tmp_path)


def test_a_bare_year_for_years_in_the_niche_says_a_start_year_may_be_typed(tmp_path: Path) -> None:
    """2008 alone is refused (it could be a count typed wrong); the refusal says 「2008年开始」 is read,
    and that answer is then counted (the review of a7f5f75: the owner was not told the way in)."""
    s = started(tmp_path, "zh")
    s.unknown_until(NICHE)
    said = s.reply("2008")
    assert "像是开始的年份" in said and squash("也可以写“2008年开始”，由本工具算出年数") in squash(said), said
    said = s.reply("2008年开始")
    assert "→ 2008年开始 = 17年" in said, said


@pytest.mark.parametrize(("typed", "shown", "saved"), [
    ("亏损约300万", "约-300万元", "约-300"),
    ("净亏损大概0.5亿", "约-5,000万元", "约-5000"),
    ("盈利300万", "300万元", "300"),
    ("盈利约300万", "约300万元", "约300"),
    ("净利润-300万元", "-300万元", "-300"),
    ("赚了300万", "300万元", "300"),
])
def test_a_profit_or_loss_said_in_words_is_read_and_said_back(tmp_path: Path, typed: str, shown: str,
                                                               saved: str) -> None:
    """亏损约300万 was refused as no amount where 约亏损300万 was read, and 盈利300万 (or 净利润-300万元, the
    question's own word before the figure) was refused too: the owner typed again what the tool could read."""
    s = started(tmp_path, "zh", "--rules", "miit-2022")
    s.unknown_until("净利润（2025年）（万元）")
    said = s.reply(typed)
    assert f"→ {typed} = {shown}\n" in said, said
    assert f"    net_profit: {saved}\n" in saved_text(s, tmp_path)


@pytest.mark.parametrize(("typed", "saved"), [("12个", "12"), ("12位", "12"), ("12个人", "12"), ("十二个人", "12")])
def test_a_count_of_people_said_with_ge_or_wei_is_read(tmp_path: Path, typed: str, saved: str) -> None:
    """12人 and 12名 were read, but 12个, 12位 and 十二个人 were refused as no whole number."""
    s = started(tmp_path, "zh")
    s.unknown_until("科技人员人数（人）")
    said = s.reply(typed)
    assert "✗" not in said, said
    assert f"tech_staff: {saved}\n" in saved_text(s, tmp_path)


@pytest.mark.parametrize("typed", ["国内第二", "排名第2", "行业第二", "国内排名第二名"])
def test_a_rank_said_with_where_it_stands_is_read(tmp_path: Path, typed: str) -> None:
    """第二 and 第2名 were read, but 国内第二 or 排名第2 (how an owner says the rank) was refused."""
    s = started(tmp_path, "zh", "--set", f"market.domestic_rank={typed}")
    assert s.until_prompt() is not None
    assert "  domestic_rank: 2\n" in saved_text(s, tmp_path)


@pytest.mark.parametrize(("typed", "shown", "saved"), [
    ("loss of 3 million", "-300 (10k CNY)", "-300"),
    ("a net loss of 3 million", "-300 (10k CNY)", "-300"),
    ("minus 3 million", "-300 (10k CNY)", "-300"),
    ("profit 3 million", "300 (10k CNY)", "300"),
])
def test_a_profit_or_loss_said_in_english_words_is_read_and_said_back(tmp_path: Path, typed: str, shown: str,
                                                                       saved: str) -> None:
    """"loss of 3 million" was refused as no amount, where -3 million and (3 million) were read."""
    s = started(tmp_path, "en", "--rules", "miit-2022")
    _unknown_until_en(s, "Net profit 2025")
    said = s.reply(typed)
    assert f"→ {typed} = {shown}\n" in said, said
    assert f"    net_profit: {saved}\n" in saved_text(s, tmp_path)


def _unknown_until_en(s: Session, asked: str) -> None:
    """Answer "don't know" until the question holding ``asked`` is put."""
    for _ in range(80):
        if asked in (s.until_prompt() or ""):
            return
        s.send("don't know")
    raise AssertionError(f"{asked} was not asked: {s.transcript[-1500:]}")


@pytest.mark.parametrize(("typed", "path", "saved"), [
    ("12 people", "tech_staff", "12"), ("12 staff", "tech_staff", "12"),
    ("2nd", "market.domestic_rank", "2"), ("No. 2", "market.domestic_rank", "2"),
    ("18 years", "niche_years", "18"),
])
def test_a_count_a_rank_or_years_said_in_english_words_is_read(tmp_path: Path, typed: str, path: str,
                                                               saved: str) -> None:
    """12 people, 2nd or 18 years were refused as no whole number (or no number), where 12 and 2 were read."""
    s = started(tmp_path, "en", "--set", f"{path}={typed}")
    assert s.until_prompt() is not None
    assert f"{path.rsplit('.', 1)[-1]}: {saved}\n" in saved_text(s, tmp_path)
