"""The rule calendar (docs/criteria.md §1) checked against the rule sets beside it, as an edit of it is how
next year's round notice comes in: what a period names is there and fits, or `assess` says where it is wrong."""

from __future__ import annotations

import shutil
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.conftest import EXAMPLES, ROOT
from tests.test_cli_assess import assess_json, invoke

from littlegiant.load import rules as rulesets

PROFILE = EXAMPLES / "little-giant-2026.yaml"
APPLICATION_2026 = '    kinds: [application]\n    rules: miit-2026\n    source: 工信部企业〔2026〕2号（2026-04-01施行）\n'


def shipped_with(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, old: str, new: str,
                 file: str = "calendar.yaml") -> Path:
    """The shipped rules, copied, with one edit of one file, standing in for the built-in ones; the calendar."""
    folder = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", folder)
    edited = folder / file
    text = edited.read_text(encoding="utf-8")
    assert text.count(old) == 1
    edited.write_text(text.replace(old, new), encoding="utf-8")
    monkeypatch.setattr(rulesets, "builtin_dir", lambda: folder)
    return folder / "calendar.yaml"


def test_a_period_naming_a_set_not_beside_the_calendar_is_said_of_the_calendar(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A typo in a period's set (miit-2062) was told to a user who typed no --rules as
    「--rules: unknown rule set 'miit-2062'」; it is said at the calendar's line, with the sets there."""
    calendar = shipped_with(tmp_path, monkeypatch, APPLICATION_2026, APPLICATION_2026.replace("miit-2026", "miit-2062"))
    out = invoke("assess", str(PROFILE), "--as-of", "2026-11-26")
    assert out.exit_code == 2
    said = out.stderr.strip()
    assert "--rules" not in said and "Traceback" not in said
    assert f"{calendar}:" in said and "unknown rule set 'miit-2062'" in said
    assert "the rule sets beside the calendar: miit-2022, miit-2026" in said
    # the calendar is read whole: a day another period covers is refused alike, not judged half-checked
    other = invoke("assess", str(PROFILE), "--as-of", "2025-06-30")
    assert other.exit_code == 2 and other.stderr == out.stderr


def test_a_round_whose_file_modifies_another_set_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A period of miit-2026 given the 2025 round (whose file modifies miit-2022) was judged by the 2022
    measures while the JSON's calendar said miit-2026; now the period is named as the error."""
    edited = APPLICATION_2026.replace("    source:", "    round: gxt-2025-190\n    source:")
    calendar = shipped_with(tmp_path, monkeypatch, APPLICATION_2026, edited)
    out = invoke("assess", str(PROFILE), "--as-of", "2026-11-26", "--format", "json")
    assert out.exit_code == 2 and out.stdout == ""
    said = out.stderr.strip()
    lines = calendar.read_text(encoding="utf-8").splitlines()
    line = next(i for i, ln in enumerate(lines, 1) if ln == "    round: gxt-2025-190" and lines[i - 2] == "    rules: miit-2026")
    assert said.startswith(f"littlegiant: error: {calendar}:{line}: periods[5].round: ")
    assert "round 'gxt-2025-190' modifies rule set 'miit-2022' (rounds/gxt-2025-190.yaml), not 'miit-2026'" in said


def test_a_round_file_naming_another_round_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The round file says which round it is; the calendar's round must be that one, or the calendar and the
    report's 「不含这一通知」 check (which compares the two) disagree on what judged the company."""
    calendar = shipped_with(tmp_path, monkeypatch, "round: gxt-2025-190\n", "round: gxt-2024-9\n",
                            file="rounds/gxt-2025-190.yaml")
    out = invoke("assess", str(PROFILE), "--as-of", "2025-06-30", "--renewal", "little_giant")
    assert out.exit_code == 2 and "Traceback" not in out.stderr
    assert f"{calendar}:" in out.stderr
    assert "the file of round 'gxt-2025-190' (rounds/gxt-2025-190.yaml) names round 'gxt-2024-9'" in out.stderr


KINDS = st.sampled_from([(), ("--renewal", "zjtx_sme"), ("--renewal", "little_giant")])
DAYS = st.integers(0, (date(2031, 12, 31) - date(2022, 8, 1)).days).map(lambda n: date(2022, 8, 1) + timedelta(n))


@settings(max_examples=25, deadline=None)
@given(day=DAYS, kind=KINDS)
def test_the_set_that_judged_is_the_set_the_calendar_names(day: date, kind: tuple[str, ...]) -> None:
    """On any day and for any kind, the JSON's rules and its calendar key name the same set and round."""
    doc = assess_json(PROFILE, "--as-of", day.isoformat(), *kind)
    assert doc["rules"]["id"] == doc["calendar"]["rule_set"]
    assert (doc["calendar"]["round"] == "工信厅企业函〔2025〕190号") == (day.year == 2025)
    little_giant_2026 = kind == ("--renewal", "little_giant") and date(2026, 4, 1) <= day <= date(2026, 12, 31)
    assert (doc["calendar"]["round"] == "工信厅企业函〔2026〕117号") == little_giant_2026
