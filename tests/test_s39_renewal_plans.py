"""A title held beside the one a run renews has no application plan in the report (「已持有这一称号……到期前按
复核条件复核」); the JSON plan of that title still gave a 2029 application with R&D raises and their --set
arguments, and the Markdown/HTML appendix a command to re-check it. Now the JSON plan says it is held, with
no moves, and the appendix gives no command for it; the verdicts are unchanged."""

from __future__ import annotations

import json
from pathlib import Path

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.conftest import EXAMPLES
from typer.testing import CliRunner

from littlegiant.cli.app import app

AS_OF = "2027-03-01"
HELD = ("专精特新中小企业：已持有这一称号，有效期内无需再申报，到期前按复核条件复核；上面的结论是按新申请条件判定的，"
        "不是复核的结论")


def _run(*args: str) -> str:
    done = CliRunner().invoke(app, list(args), env={"COLUMNS": "80", "NO_COLOR": "1"})
    assert done.exit_code == 0, done.output
    return done.stdout


def _holder(folder: Path, rd_2026: int) -> str:
    """The 2022 sample holding 专精特新 and 小巨人, 2026's R&D ``rd_2026`` (of 13,000万 revenue)."""
    doc = yaml.safe_load((EXAMPLES / "little-giant-2022.yaml").read_text(encoding="utf-8"))
    doc["titles"]["little_giant"] = True
    doc["financials"][2026] = {"revenue": 13000, "main_revenue": 11000, "rd_expense": rd_2026, "net_profit": 900,
                               "total_assets": 15000, "total_liabilities": 6000, "total_costs": 10500}
    doc["equity_financing"][2026] = 0
    doc["platform_score_previous"] = 70
    path = folder / f"两个称号-{rd_2026}.yaml"
    path.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    return str(path)


def test_the_json_plan_of_the_title_held_beside_the_renewal_has_no_moves(tmp_path: Path) -> None:
    """R&D at 2.31% of revenue fails 专精特新 as a new application: the report says the title is held, and the
    JSON plan now says the same, held, with no moves, date or blockers; the verdict stays unmet."""
    path = _holder(tmp_path, 300)
    text = "".join(_run("assess", path, "--as-of", AS_OF, "--lang", "zh", "--renewal", "little_giant").split())
    assert HELD in text
    doc = json.loads(_run("assess", path, "--as-of", AS_OF, "--lang", "zh", "--renewal", "little_giant",
                          "--format", "json"))
    assert doc["tiers"]["zjtx_sme"]["status"] == "unmet"
    plan = doc["plans"]["zjtx_sme"]
    assert plan["held"] is True
    assert (plan["moves"], plan["blockers"], plan["checked"], plan["as_of"]) == ([], [], None, None)
    assert plan["text"] == [HELD]
    assert doc["plans"]["little_giant"]["held"] is False and doc["plans"]["little_giant"]["moves"]


def test_the_appendix_gives_no_command_for_the_title_held(tmp_path: Path) -> None:
    """The Markdown appendix re-checks the renewed title's plan only: no command for the 专精特新 held."""
    path = _holder(tmp_path, 300)
    md = _run("assess", path, "--as-of", AS_OF, "--lang", "zh", "--renewal", "little_giant", "--format", "markdown")
    appendix = md.split("## 附录", 1)[1]
    assert '专精特新"小巨人"企业：' in appendix
    assert "专精特新中小企业：" not in appendix, appendix


@settings(max_examples=6, deadline=None)
@given(rd_2026=st.integers(min_value=0, max_value=1000))
def test_a_held_titles_json_plan_agrees_with_the_report_whatever_the_figures(tmp_path_factory: object,
                                                                            rd_2026: int) -> None:
    """Whatever 2026's R&D, each JSON plan's text is the report's plan line for that tier, and a plan that
    says the title is held carries no move to make."""
    path = _holder(tmp_path_factory.mktemp("held"), rd_2026)  # type: ignore[attr-defined]
    doc = json.loads(_run("assess", path, "--as-of", AS_OF, "--lang", "zh", "--renewal", "little_giant",
                          "--format", "json"))
    text = "".join(_run("assess", path, "--as-of", AS_OF, "--lang", "zh", "--renewal", "little_giant").split())
    for tid, plan in doc["plans"].items():
        assert "".join(plan["text"][0].split()) in text
        assert doc["gaps"][tid]["held"] == plan["held"]  # the gaps say it too
        if plan["held"]:
            assert plan["moves"] == [] and plan["otherwise"] == [] and plan["if_not_this_year"] is None
            assert "已持有这一称号" in plan["text"][0]


def test_the_check_of_a_lapsed_titles_new_application_runs_without_the_title(tmp_path: Path) -> None:
    """The 小巨人 renewal fails this round (2026's figures are shut): the plan applies again in 2029, and the
    appendix's command to check it kept the lapsed title as held, so its report read 「已持有这一称号」 and
    「已持有，无需准备」 for the title being applied for. The command now answers no to holding it, and its run
    gives the verdict the plan promised."""
    import shlex

    path = _holder(tmp_path, 300)
    md = _run("assess", path, "--as-of", AS_OF, "--lang", "zh", "--renewal", "little_giant", "--format", "markdown")
    command = next(line for line in md.split("## 附录", 1)[1].splitlines() if line.startswith("littlegiant assess"))
    assert "--set '持有有效的专精特新\"小巨人\"称号=否'" in command, command
    args = shlex.split(command)[1:]
    args[1] = path  # the command names the file alone, to be run in its folder
    doc = json.loads(_run(*args, "--format", "json"))
    plan = json.loads(_run("assess", path, "--as-of", AS_OF, "--renewal", "little_giant",
                           "--format", "json"))["plans"]["little_giant"]
    assert doc["tiers"]["little_giant"]["status"] == plan["checked"]
    text = "".join(_run(*args).split())
    giant = text[text.index('■专精特新"小巨人"企业', text.index("需准备的材料")):]
    assert not giant.startswith('■专精特新"小巨人"企业•已持有'), giant[:80]
