"""A report dated shortly before another rule set takes over says so beside its basis."""

from __future__ import annotations

import html
import re

import pytest
from tests.conftest import EXAMPLES
from typer.testing import CliRunner

from littlegiant.cli.app import app

runner = CliRunner()
SRC = str(EXAMPLES / "little-giant-2022.yaml")
CHANGE = "2026年4月1日起，新申请改按《优质中小企业梯度培育管理办法（2026）》，届时请按新办法重新评估。"
HINT = "想同时看两版规则的结果：在同一条命令后面加上--comparemiit-2022,miit-2026再运行一次。"


def flat(*args: str) -> str:
    done = runner.invoke(app, ["assess", SRC, "--lang", "zh", *args], env={"COLUMNS": "80", "NO_COLOR": "1"})
    assert done.exit_code == 0, done.output
    return re.sub(r"<[^>]+>|\s+", "", done.stdout)


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_a_report_before_the_2026_measures_names_them_and_the_comparison(fmt: str) -> None:
    """This company met 小巨人 in March 2026 under the 2022 measures and would not under the 2026 ones from
    1 April; its report said nothing of the change. Within a year of another set for the same kind of
    assessment, the basis says when, in plain words; once in force, or with --rules (a set the user
    chose), nothing."""
    assert CHANGE in flat("--as-of", "2026-03-01", "--format", fmt)
    assert CHANGE in flat("--as-of", "2025-06-01", "--format", fmt)
    assert "改按" not in flat("--as-of", "2026-11-26", "--format", fmt)
    assert "改按" not in flat("--as-of", "2026-03-01", "--rules", "miit-2022", "--format", fmt)
    assert "改按" not in flat("--as-of", "2024-06-01", "--format", fmt)  # more than a year ahead


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_a_report_handed_on_names_no_command_for_the_comparison(fmt: str) -> None:
    """The HTML header said 「想同时看两版规则的结果，可在命令后加上 --compare（写法见 littlegiant assess
    --help）」: a finance manager who reads and forwards it runs no command. A report handed on says the
    change in words, with titles, never the option or the sets' ids."""
    page = flat("--as-of", "2026-03-01", "--format", fmt)
    assert CHANGE in page
    assert "--compare" not in page and "miit" not in page and "--help" not in page


def test_the_terminal_gives_the_comparison_as_a_hint_below_the_report() -> None:
    """At the terminal, the one who runs the command gets the option that shows both sets, with the two ids
    it takes, in the hint lines at the end, beside --detail's: not in the header above the verdicts."""
    done = runner.invoke(app, ["assess", SRC, "--lang", "zh", "--as-of", "2026-03-01"],
                         env={"COLUMNS": "80", "NO_COLOR": "1"})
    lines = done.stdout.splitlines()
    text = re.sub(r"\s+", "", done.stdout)
    assert HINT in text
    assert text.index(HINT) > text.index("评估依据")  # after the report, not in its header
    assert not any("--compare" in line for line in lines[:lines.index("结论")])
    assert text.index(HINT) < text.index("想看每一项条件是怎么算的")


def test_a_little_giant_renewal_in_2026_names_the_2027_change() -> None:
    """The 2026 小巨人 renewals were judged by 2022's measures for that round only; from 2027 the 2026 ones."""
    assert "2027年1月1日起，复核改按《优质中小企业梯度培育管理办法（2026）》" in flat(
        "--as-of", "2026-09-01", "--renewal", "little_giant")


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_a_tier_met_today_says_what_it_is_under_the_set_that_takes_over(fmt: str) -> None:
    """In March 2026 this company met 小巨人 under the 2022 measures and the plan said 「可在下一次申报时申报」;
    from 1 April a new application follows the 2026 ones, under which its 85% 主营业务占比 fails the 90% asked
    (as --compare shows), and only the header hinted at it. The plan's line says so, and what fails."""
    page = flat("--as-of", "2026-03-01", "--format", fmt)
    plan = html.unescape(page.split("行动计划", 1)[1])
    assert ('专精特新"小巨人"企业：数据方面的条件均已满足，按现行办法可在下一次申报时申报（以2025年数据计；'
            "申报时间以各地主管部门的通知为准）；但2026年4月1日起新申请改按新办法，按新办法目前不满足（差在：上年度"
            "主营业务收入占营业收入比重不低于90%（现为85%））；以下各项由认定机关审核") in plan
    # once the 2026 measures are in force, or under a set the user chose, there is no change to speak of
    for later in (flat("--as-of", "2026-11-26", "--format", fmt),
                  flat("--as-of", "2026-03-01", "--rules", "miit-2022", "--format", fmt)):
        assert "按现行办法" not in later and "按新办法目前" not in later


def test_a_tier_met_under_both_sets_says_so_without_a_but() -> None:
    """A company that meets 小巨人's figures under both sets is told it, with no 「但」 that reads as a warning."""
    done = runner.invoke(app, ["assess", str(EXAMPLES / "little-giant-2026.yaml"), "--lang", "zh", "--as-of",
                               "2026-03-01"], env={"COLUMNS": "80", "NO_COLOR": "1"})
    assert done.exit_code == 0, done.output
    text = re.sub(r"\s+", "", done.stdout)
    assert "；2026年4月1日起新申请改按新办法，按新办法数据方面的条件也均已满足；以下各项由认定机关审核" in text
    assert "但2026年4月1日" not in text
