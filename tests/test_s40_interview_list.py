"""The list of answers before the report, picked from as people say it: 改第2项, 第2项 or 修改2 was asked again
for 「1–N 之间的编号」, the answer never reached."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.test_cli_interactive import Session


@pytest.mark.parametrize("typed", ["改第2项", "第2项", "修改2", "2项"])
def test_an_answer_picked_in_words_is_asked_again(tmp_path: Path, typed: str) -> None:
    s = Session(["assess", "--as-of", "2026-12-05", "--lang", "zh", "--save", "a.yaml"], tmp_path)
    s.answers("某公司")
    s.unknown_until("被列入经营异常名录")
    listed = s.reply("是")  # a red line: no tier can be met, so the list comes at once
    assert "要修改哪一项？" in listed, listed
    second = next(line for line in listed.splitlines() if line.strip().startswith("2. "))
    label = second.strip()[3:].split("：")[0]
    asked = s.reply(typed)
    assert "请输入" not in asked and label in asked and "修改" in asked, asked
    s.finish()


@pytest.mark.parametrize("typed", ["上一步", "返回上一题", "改上一题", "退回"])
def test_going_back_said_in_other_words_goes_back(tmp_path: Path, typed: str) -> None:
    s = Session(["assess", "--as-of", "2026-12-05", "--lang", "zh", "--save", "a.yaml"], tmp_path)
    s.answers("某公司", "3200")
    s.until_prompt()
    said = s.reply(typed)
    assert "回到上一题（刚才答的是：3,200万元" in said and "营业收入（2025年）" in said, said
    s.finish()


@pytest.mark.parametrize(("typed", "kept"), [("接着答", True), ("好的", True), ("重来", False), ("从头开始", False)])
def test_the_resume_question_takes_the_words_people_answer_it_with(tmp_path: Path, typed: str, kept: bool) -> None:
    s = Session(["assess", "--as-of", "2026-12-05", "--lang", "zh", "--save", "a.yaml"], tmp_path)
    s.answers("某公司", "3200")
    s.until_prompt()
    s.finish()
    s = Session(["assess", "--as-of", "2026-12-05", "--lang", "zh", "--save", "a.yaml"], tmp_path)
    assert "继续这些回答" in (s.until_prompt() or "")
    said = s.reply(typed)
    assert "请输入" not in said.split("\n")[0] and ("研发费用" in said) is kept and ("企业名称" in said) is not kept, said
    s.finish()
