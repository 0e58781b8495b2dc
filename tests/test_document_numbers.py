"""The document numbers a result lists are those the CJK pattern they replace would find."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from littlegiant.core.engine import document_numbers

PATTERN = re.compile(r"[\u4e00-\u9fff]+〔\d{4}〕\d+号")


@given(st.text(alphabet=st.sampled_from(list("工信部企业联号〔〕2016０١ a,（）\u3400\u9fff\u4e00\ua000")), max_size=40))
def test_document_numbers_are_what_the_pattern_finds(text: str) -> None:
    """Any text, numbers back to back or broken: the same numbers, in order, as re.findall with the CJK class."""
    assert document_numbers(text) == PATTERN.findall(text)


def test_the_rule_sources_numbers_are_found() -> None:
    """Numbers as the rule files cite them, one after another and inside other words."""
    text = "工信部企业〔2026〕2号 参评条件；工信部联企业〔2011〕300号工信部〔2022〕63号附件"
    assert document_numbers(text) == ["工信部企业〔2026〕2号", "工信部联企业〔2011〕300号", "工信部〔2022〕63号"]
