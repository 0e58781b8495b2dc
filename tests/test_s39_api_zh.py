"""The API's own checks of its arguments are said in Chinese too: a Chinese screen's item, or an error a
notebook renders with render("zh"), read "expected a profile file's path … got bytes" in English."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from tests.conftest import EXAMPLES

import littlegiant

DAY = date(2026, 11, 26)
PROFILE = EXAMPLES / "tier1-only.yaml"
CJK = re.compile(r"[\u4e00-\u9fff]")
ENGLISH = re.compile(r"\b(expected|got|put|pass|read the sheet)\b")

CALLS: dict[str, Callable[[], Any]] = {
    "rules of another kind": lambda: littlegiant.assess(PROFILE, ["miit-2026"], as_of=DAY),  # type: ignore[arg-type]
    "renewal of another kind": lambda: littlegiant.assess(PROFILE, as_of=DAY, renewal=5),  # type: ignore[arg-type]
    "renewal naming no title": lambda: littlegiant.assess(PROFILE, as_of=DAY, renewal="big"),
    "renewal near a title": lambda: littlegiant.assess(PROFILE, as_of=DAY, renewal="little_gaint"),
    "profile's text": lambda: littlegiant.assess("name: 甲\nemployees: 3\n", as_of=DAY),
    "profile of another kind": lambda: littlegiant.assess(b"name: x", as_of=DAY),  # type: ignore[arg-type]
    "header of two rows": lambda: littlegiant.read_profile({"企业名称": "甲", ("营业收入（2025年）", "万元"): 8000},
                                                           as_of=DAY),
    "as_of of another kind": lambda: littlegiant.assess(PROFILE, as_of=20261126),  # type: ignore[arg-type]
    "format": lambda: littlegiant.assess(PROFILE, as_of=DAY).render("pdf"),
    "width": lambda: littlegiant.assess(PROFILE, as_of=DAY).render("text", width=20),
    "advice": lambda: littlegiant.assess(PROFILE, as_of=DAY, advice="no"),  # type: ignore[arg-type]
    "what_if of another kind": lambda: littlegiant.assess(PROFILE, as_of=DAY, what_if=5),  # type: ignore[arg-type]
    "what_if item": lambda: littlegiant.assess(PROFILE, as_of=DAY, what_if=[("employees", 3)]),  # type: ignore[list-item]
    "one rule set to compare": lambda: littlegiant.compare(PROFILE, "miit-2026", as_of=DAY),
    "one profile to screen": lambda: littlegiant.screen(PROFILE, as_of=DAY),  # type: ignore[arg-type]
}


@pytest.mark.parametrize("call", sorted(CALLS))
def test_an_argument_refused_is_said_in_chinese_too_and_its_english_kept(call: str) -> None:
    with pytest.raises(littlegiant.InputError) as found:
        CALLS[call]()
    error = found.value
    assert type(error).__name__ in ("InputError", "RulesError")  # what a notebook's traceback names
    assert ENGLISH.search(str(error))  # the English words are as they were
    zh = error.render("zh")
    assert CJK.search(zh) and not ENGLISH.search(zh), zh
    assert "\n" not in zh


@pytest.mark.parametrize(("source", "said"), [
    (b"name: x", "source：应填企业资料文件的路径、字典（mapping）或 Profile，现在是 bytes"),
    ("name: 甲\nemployees: 3\n", "source：应填企业资料文件的路径、字典（mapping）或 Profile，现在是多行文字（文件的内容？）："
                                "请给出文件的路径，或 yaml.safe_load 读出的字典"),
])
def test_a_chinese_screen_says_a_source_it_cannot_read_in_chinese(source: object, said: str) -> None:
    items = list(littlegiant.screen([source, PROFILE], as_of=DAY, lang="zh"))  # type: ignore[list-item]
    assert items[0].error == said and items[1].error is None
