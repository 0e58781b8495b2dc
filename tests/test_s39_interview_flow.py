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
