"""What to type for 0 (「（0为未获奖）」) is a hint for the one answering, kept apart from the label in the
rule data (``zero``): the interview and the templates say it, the reports name the field without it."""

from __future__ import annotations

import html
import io
import re
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from tests.conftest import EXAMPLES
from tests.test_reports import cli

from littlegiant.core.interview import Interview, Question
from littlegiant.load import profile, rules

HALF = str(EXAMPLES / "half-missing.yaml")  # asks for the award ranks in 尚缺 and in the plan
RANKS = ("近三年国家级科技奖励获奖单位排名", "近三年省部级科技奖励获奖单位排名")


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_reports_name_a_rank_without_the_fill_in_note(fmt: str) -> None:
    """结论's 尚缺 and 行动计划 named 「近三年国家级科技奖励获奖单位排名（0为未获奖）」: how to type an answer,
    beside what is missing. Every report now names it by its label alone, in every format."""
    out = html.unescape(cli("assess", HALF, "--as-of", "2026-11-26", "--lang", "zh", "--format", fmt, columns=80))
    flat = re.sub(r"\s*\n\s*", "", out)
    assert "0为" not in flat
    assert all(rank in flat for rank in RANKS)


def test_the_rule_data_keeps_the_label_and_what_0_means_apart() -> None:
    """The label is the field's name; ``zero`` says what 0 means, from which the hint is made."""
    rs = rules.load("miit-2026")
    f = profile.field_for_path(rs, "awards.national_rank")
    assert f.label.zh == RANKS[0] and f.zero is not None and f.zero.zh == "未获奖"
    assert profile.answer_label(f).zh == RANKS[0] + "（0为未获奖）"


def test_the_interview_asks_with_the_hint() -> None:
    """The interview's question says what to type for 0."""
    from littlegiant.cli.interactive import Asker, Terminal

    rs = rules.load("miit-2026")
    iv = Interview(rs, date(2026, 11, 26))
    rank = profile.field_for_path(rs, "awards.national_rank")
    heading = Asker(iv, Terminal(io.StringIO(), io.StringIO()), "zh").heading(Question("awards.national_rank", rank, None))
    assert heading.startswith(RANKS[0] + "（0为未获奖）"), heading


def test_the_templates_head_a_rank_with_the_hint_and_read_it_back(tmp_path: Path) -> None:
    """init's YAML comments, CSV and Excel headers say what to type for 0; the sheets read back."""
    yaml_text = cli("init", "--lang", "zh", "--as-of", "2026-11-26", "-")
    assert RANKS[0] + "（0为未获奖）" in yaml_text
    cli("init", "--csv", str(tmp_path / "t.csv"), "--lang", "zh", "--as-of", "2026-11-26")
    header = (tmp_path / "t.csv").read_text(encoding="utf-8-sig").splitlines()[0]
    assert RANKS[0] + "（0为未获奖）" in header.split(",")
    cli("init", "--xlsx", str(tmp_path / "t.xlsx"), "--lang", "zh", "--as-of", "2026-11-26")
    heads = [c.value for c in openpyxl.load_workbook(tmp_path / "t.xlsx")["企业名单"][1]]  # the sheet after 填写说明
    assert RANKS[1] + "（0为未获奖）" in heads
    from littlegiant.load.tabular import column

    rs = rules.load("miit-2026")
    for head in (RANKS[0] + "（0为未获奖）", RANKS[0]):
        assert column(rs, head, 2025)[0] == "awards.national_rank"
