"""Moving about the interview as people do (``littlegiant assess`` with no file, on pipes): going back in
words, and what the answers file holds after it."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.test_cli_interactive import Session

AS_OF = ["--as-of", "2026-12-05"]


@pytest.mark.parametrize(("lang", "word", "back"), [("zh", "上一题", "回到上一题（刚才答的是：8,000万元"),
                                                     ("zh", "返回", "回到上一题（刚才答的是：8,000万元"),
                                                     ("en", "Back", "Back one question (you answered: 8,000 (10k CNY)")])
def test_back_in_words_goes_back_one_question(tmp_path: Path, lang: str, word: str, back: str) -> None:
    """上一题 (or "back"), typed by one who wanted to change the revenue just given, was refused as no
    amount: only < went back. Now the word goes back too, and the new figure is the one saved."""
    s = Session(["assess", *AS_OF, "--lang", lang, "--save", "a.yaml"], tmp_path)
    s.answers("某公司" if lang == "zh" else "Acme", "8000万")
    s.until_prompt()
    said = s.reply(word)
    assert back in said, said
    s.send("9000万")
    s.until_prompt()
    code, _ = s.finish()
    assert code == 130, s.transcript
    assert "    revenue: 9000\n" in (tmp_path / "a.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize("word", ["不用", "确认", "没问题", "ok", "done"])
def test_nothing_to_change_in_words_makes_the_report(tmp_path: Path, word: str) -> None:
    """At 「要修改哪一项？」 不用 or 确认 was asked again for a number; it makes the report, as Enter does."""
    s = Session(["assess", "--as-of", "2026-11-26", "--lang", "zh", "--save", "sum.yaml",
                 "--set", "compliance.data_fabrication=是", "--format", "json"], tmp_path)
    s.answers("甲公司")
    assert "直接回车生成报告" in (s.until_prompt() or "")
    s.send(word)
    code, out = s.finish()
    assert code == 0 and '"name": "甲公司"' in out, s.transcript
    assert "请输入 1–" not in s.transcript


@pytest.mark.parametrize(("lang", "typed", "told"), [("zh", "900万", "→ 改为：900万元"),
                                                     ("zh", "0.09亿", "→ 0.09亿 = 900万元"),
                                                     ("en", "9 million", "→ 9 million = 900 (10k CNY)")])
def test_the_corrected_figure_typed_at_a_check_is_the_answer(tmp_path: Path, lang: str, typed: str, told: str) -> None:
    """At 「研发费用9,000万元，高于营业收入8,000万元…确认无误吗？[是/否]」 an owner who typed the right figure, 900万,
    was told 「请回答是或否」, then had to say 否 and type it again. The figure is read as the answer, said back."""
    s = Session(["assess", *AS_OF, "--lang", lang, "--save", "a.yaml"], tmp_path)
    s.answers("某公司" if lang == "zh" else "Acme", "8000万", "9000万")
    assert "[" in (s.until_prompt() or "")
    said = s.reply(typed)
    assert told in said and "请回答是或否" not in said and "answer y or n" not in said, said
    code, _ = s.finish()
    assert code == 130, s.transcript
    assert "    rd_expense: 900\n" in (tmp_path / "a.yaml").read_text(encoding="utf-8")
