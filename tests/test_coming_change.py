"""A report dated shortly before another rule set takes over says so beside its basis."""

from __future__ import annotations

import re

import pytest
from tests.conftest import EXAMPLES
from typer.testing import CliRunner

from littlegiant.cli.app import app

runner = CliRunner()
SRC = str(EXAMPLES / "little-giant-2022.yaml")
HINT = ("2026年4月1日起，新申请改按《优质中小企业梯度培育管理办法（2026）》；想同时看两版规则的结果，可在命令后加上"
        "--compare（写法见littlegiantassess--help）")


def flat(*args: str) -> str:
    done = runner.invoke(app, ["assess", SRC, "--lang", "zh", *args], env={"COLUMNS": "80", "NO_COLOR": "1"})
    assert done.exit_code == 0, done.output
    return re.sub(r"<[^>]+>|\s+", "", done.stdout)


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_a_report_before_the_2026_measures_names_them_and_the_comparison(fmt: str) -> None:
    """This company met 小巨人 in March 2026 under the 2022 measures and would not under the 2026 ones from
    1 April; its report said nothing of the change. Within a year of another set for the same kind of
    assessment, the basis says when and the --compare that shows both; once in force, or with --rules
    (a set the user chose), nothing."""
    assert HINT in flat("--as-of", "2026-03-01", "--format", fmt)
    assert "miit" not in flat("--as-of", "2026-03-01", "--format", fmt)  # a client reads titles, not ids
    assert HINT in flat("--as-of", "2025-06-01", "--format", fmt)
    assert "改按" not in flat("--as-of", "2026-11-26", "--format", fmt)
    assert "改按" not in flat("--as-of", "2026-03-01", "--rules", "miit-2022", "--format", fmt)
    assert "改按" not in flat("--as-of", "2024-06-01", "--format", fmt)  # more than a year ahead


def test_a_little_giant_renewal_in_2026_names_the_2027_change() -> None:
    """The 2026 小巨人 renewals were judged by 2022's measures for that round only; from 2027 the 2026 ones."""
    assert "2027年1月1日起，复核改按《优质中小企业梯度培育管理办法（2026）》" in flat(
        "--as-of", "2026-09-01", "--renewal", "little_giant")
