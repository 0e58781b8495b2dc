"""A choice typed as people type it, near one of the choices: the likely one is suggested, never taken."""

from __future__ import annotations

import pytest
from tests.conftest import EXAMPLES
from typer.testing import CliRunner

from littlegiant.cli.app import app
from littlegiant.errors import InputError
from littlegiant.load import rules
from littlegiant.load.answers import read_typed

runner = CliRunner()
INDUSTRY = rules.load("miit-2026").fields["industry"]


@pytest.mark.parametrize(("typed", "meant"), [
    ("制照业", "工业"),  # a slip of 制造业, a word of 工业
    ("manufactring", "工业"),  # a slip of manufacturing
    ("软件和信息技术服务页", "软件和信息技术服务业"),  # a label's last character mistyped
])
def test_the_interview_suggests_the_choice_a_near_miss_means_by_its_number(typed: str, meant: str) -> None:
    """The 行业 question told 制照业 only 「应填 1–16 的编号或选项名称」, and an owner scrolled back for the
    number; the README promised 您是不是想…. The refusal now names the likely choice and its number."""
    with pytest.raises(InputError) as caught:
        read_typed(INDUSTRY, typed, where="industry", numbered=True)
    number = INDUSTRY.choices.index(next(c for c in INDUSTRY.choices if INDUSTRY.choice_labels[c].zh == meant)) + 1
    assert caught.value.render("zh").endswith(
        f"现在是“{typed}”；您是不是想选“{meant}”（{number}）？"), caught.value.render("zh")
    with pytest.raises(InputError) as caught:
        read_typed(INDUSTRY, "量子纠缠", where="industry", numbered=True)
    assert "您是不是想" not in caught.value.render("zh")  # nothing near: no guess


def test_set_suggests_the_choice_a_near_miss_means() -> None:
    """--set industry=制照业 listed all sixteen choices with no hint; it now names 工业 first."""
    done = runner.invoke(app, ["assess", str(EXAMPLES / "tier1-only.yaml"), "--set", "industry=制照业", "--lang", "zh"])
    assert done.exit_code == 2 and "现在是文字“制照业”，您是不是想写“工业”？" in done.stderr, done.stderr
