"""A rule set loaded again in one process (a consultant's notebook) is what its files say now: an edited
rule file, overlay or base file is read again; an unchanged one is not."""

from __future__ import annotations

import os
import time
from datetime import date
from pathlib import Path

import pytest
from tests.conftest import EXAMPLES
from tests.test_rule_tools import OK

import littlegiant
from littlegiant.errors import InputError

DAY = date(2026, 11, 26)
RULE = OK.replace("threshold: 100, zh: 收入不低于100万元", "threshold: 1000, zh: 收入不低于1000万元")
"""The test rule set with tier 1 asking 1000万元 of revenue: the example's 2,200 meets it."""


def tier1(rules: object) -> str:
    """Tier 1's status of the example company (revenue 2,200万元 the year the rule reads) under ``rules``."""
    return littlegiant.assess(EXAMPLES / "tier1-only.yaml", rules, as_of=DAY, advice=False) \
        .result.tiers["innovative_sme"].status


def raise_bar(path: Path, old: str = "1000", new: str = "9000") -> None:
    """The edit a consultant makes: the revenue bar raised, the file's size unchanged, within the
    same second as it was first written."""
    text = path.read_text(encoding="utf-8")
    assert f"threshold: {old}," in text
    path.write_text(text.replace(f"threshold: {old},", f"threshold: {new},"), encoding="utf-8")


def test_an_edited_rule_file_is_read_again(tmp_path: Path) -> None:
    """load_rules after the file was edited gives the new bar, and assessing by the path does too."""
    rule = tmp_path / "mine.yaml"
    rule.write_text(RULE, encoding="utf-8")
    before = littlegiant.load_rules(rule)
    assert tier1(before) == "met" and tier1(rule) == "met"
    raise_bar(rule)
    after = littlegiant.load_rules(rule)
    assert after.tiers["innovative_sme"].criteria.children[0].threshold == 9000
    assert tier1(after) == "unmet" and tier1(rule) == "unmet"
    assert tier1(before) == "met"  # the set already handed out is left as it was


def test_an_edited_base_file_is_seen_through_extends(tmp_path: Path) -> None:
    """An overlay that only extends a base file of its folder: editing the base changes the overlay's set."""
    base = tmp_path / "base.yaml"
    base.write_text(RULE.replace("id: mine", "id: base"), encoding="utf-8")
    overlay = tmp_path / "overlay.yaml"
    overlay.write_text("format: 1\nid: overlay\nextends: base.yaml\n", encoding="utf-8")
    assert tier1(littlegiant.load_rules(overlay)) == "met"
    raise_bar(base)
    assert tier1(littlegiant.load_rules(overlay)) == "unmet"


def test_an_edited_overlay_of_a_shipped_set_is_read_again(tmp_path: Path) -> None:
    """A copy of the Shandong overlay (extending the shipped miit-2022) with a criterion's bar changed."""
    shipped = Path(littlegiant.load_rules("shandong-2022").origin)
    overlay = tmp_path / "shandong-mine.yaml"
    overlay.write_text(shipped.read_text(encoding="utf-8").replace("id: shandong-2022", "id: shandong-mine"),
                       encoding="utf-8")
    first = littlegiant.load_rules(overlay)
    table = next(iter(first.scores))
    overlay.write_text(overlay.read_text(encoding="utf-8") + "\nnotes:\n  - {zh: 新加的说明, en: A note added}\n",
                       encoding="utf-8")
    again = littlegiant.load_rules(overlay)
    assert [n.zh for n in again.notes][-1:] == ["新加的说明"] and "新加的说明" not in [n.zh for n in first.notes]
    assert table in again.scores


def test_a_base_file_reached_by_a_link_that_now_points_elsewhere_is_read_again(tmp_path: Path) -> None:
    """`extends: current.yaml`, a link moved from one version of the base to the next (as a deploy does)."""
    v1, v2 = tmp_path / "v1.yaml", tmp_path / "v2.yaml"
    v1.write_text(RULE.replace("id: mine", "id: base"), encoding="utf-8")
    v2.write_text(RULE.replace("id: mine", "id: base").replace("threshold: 1000,", "threshold: 9000,"),
                  encoding="utf-8")
    link = tmp_path / "current.yaml"
    link.symlink_to(v1.name)
    overlay = tmp_path / "overlay.yaml"
    overlay.write_text("format: 1\nid: overlay\nextends: current.yaml\n", encoding="utf-8")
    assert tier1(littlegiant.load_rules(overlay)) == "met"
    link.unlink()
    link.symlink_to(v2.name)
    assert tier1(littlegiant.load_rules(overlay)) == "unmet"


def test_a_rule_file_broken_by_an_edit_is_refused_not_served_from_before(tmp_path: Path) -> None:
    """The error names the file and line, as a first load of it would."""
    rule = tmp_path / "mine.yaml"
    rule.write_text(RULE, encoding="utf-8")
    littlegiant.load_rules(rule)
    raise_bar(rule, new="'x1'")
    with pytest.raises(InputError) as caught:
        littlegiant.load_rules(rule)
    assert "mine.yaml:" in str(caught.value)


def test_an_unchanged_rule_file_is_not_read_again(tmp_path: Path) -> None:
    """The same set comes back (with what was built on it), for a file written long ago or just now."""
    for age in (0, 3600):
        rule = tmp_path / f"mine{age}.yaml"
        rule.write_text(RULE, encoding="utf-8")
        if age:
            then = time.time_ns() - age * 10**9
            os.utime(rule, ns=(then, then))
        first = littlegiant.load_rules(rule)
        assert littlegiant.load_rules(rule) is first
        assert littlegiant.load_rules(str(rule)) is first


def test_an_edit_within_one_tick_of_a_coarse_clock_is_seen(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """On a file system whose times move once a second (FAT, some network shares), a script rewriting an
    overlay in a loop leaves its time and size as they were: the file is then compared by its bytes."""
    from littlegiant.load import rules as rulesets

    real = rulesets._stat_key

    def coarse(path: Path) -> tuple[int, ...] | None:
        key = real(path)
        return None if key is None else (key[0] // 10**9 * 10**9, key[1] // 10**9 * 10**9, *key[2:])

    monkeypatch.setattr(rulesets, "_stat_key", coarse)
    rule = tmp_path / "mine.yaml"
    for threshold in ("1000", "9000", "1000"):
        rule.write_text(RULE.replace("threshold: 1000,", f"threshold: {threshold},"), encoding="utf-8")
        assert tier1(littlegiant.load_rules(rule)) == ("met" if threshold == "1000" else "unmet")
