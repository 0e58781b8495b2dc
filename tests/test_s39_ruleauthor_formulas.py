"""A province's author summing many figures in one formula: refused as "nested 24 levels", which no
bracket of theirs was; it says now that the sum is too long and how to write it."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from tests.test_rule_tools import ENGLISH, cli, write

from littlegiant.load import expr

CHINESE = {"LANG": "zh_CN.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""}


def summed(terms: int) -> str:
    return " + ".join(f"revenue[y{1 + i % 3}]" for i in range(terms))


def test_a_long_sum_is_said_to_be_a_long_sum(tmp_path: Path) -> None:
    rule = write(tmp_path, f"""\
format: 1
id: prov-sum
extends: miit-2022
title: {{zh: 某省细则, en: Province rules}}
source: 某省工信厅〔2024〕1号
derived:
  rev_sum:
    expr: "{summed(30)}"
    zh: 合计
    en: Sum
""")
    done = cli("rules", "validate", str(rule), env=ENGLISH)
    assert done.returncode == 2
    assert f"{rule}:8: derived.rev_sum.expr: 30 terms added or multiplied in one run: a formula has at most 24 " \
           "levels and each term is one; add them in parts (derived quantities), then add those" in done.stderr
    assert "nested" not in done.stderr
    zh = cli("rules", "validate", str(rule), env=CHINESE)
    assert "连续相加或相乘的 30 项" in zh.stderr and "请分成几个派生量分别合计，再相加" in zh.stderr


@settings(max_examples=40, deadline=None)
@given(st.integers(min_value=1, max_value=45), st.sampled_from([" + ", " - ", " * ", " / "]),
       st.sampled_from(["rd_staff", "revenue[y1]"]))
def test_a_run_of_terms_parses_or_is_said_too_long_never_too_nested(terms: int, op: str, term: str) -> None:
    source = op.join([term] * terms)
    if len(source) > expr.MAX_CHARS:
        return
    try:
        expr.parse(source)
    except expr.ExprError as exc:
        assert exc.kind == "expr.long_sum" and exc.params["count"] == terms, exc
        assert terms > 20


def test_brackets_nested_too_deep_are_still_said_to_be_nested() -> None:
    try:
        expr.parse("max(" * 26 + "revenue[y1]" + ")" * 26)
    except expr.ExprError as exc:
        assert exc.kind == "expr.depth"
    else:
        raise AssertionError("26 nested calls were taken")
