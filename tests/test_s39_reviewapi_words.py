"""What a script reads when a what-if puts a whole below several of its parts: the keys to add, listed as
English lists them."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from tests.conftest import EXAMPLES

import littlegiant

DAY = date(2026, 11, 26)
SHANDONG = Path(__file__).parent.parent / "rules" / "overlays" / "shandong-2022.yaml"


def test_three_keys_to_add_to_what_if_are_listed_not_chained_with_and() -> None:
    """Ⅰ类 IP cut to 1 under 4 self-developed, 4 applied and 4 top-3 ones: the message read "put
    'ip.class1_self_developed' and 'ip.class1_applied' and 'ip.class1_top3_holder' in what_if too"."""
    with pytest.raises(littlegiant.InputError) as found:
        littlegiant.assess(EXAMPLES / "little-giant-2026.yaml", as_of=DAY, what_if={"ip.class1": 1})
    assert str(found.value).endswith("to change them together, put 'ip.class1_self_developed', 'ip.class1_applied' "
                                     "and 'ip.class1_top3_holder' in what_if too")
    assert found.value.render("zh").endswith(
        "请在 what_if 中同时写上“自主研发获得的Ⅰ类知识产权（不含受让）”“实际应用并已产生经济效益的Ⅰ类知识产权”"
        "“自主研发、已应用并产生效益、本企业为前三位权利人的Ⅰ类知识产权”")
    # doing as told then works
    done = littlegiant.assess(EXAMPLES / "little-giant-2026.yaml", as_of=DAY, what_if={
        "ip.class1": 1, "ip.class1_self_developed": 1, "ip.class1_applied": 1, "ip.class1_top3_holder": 1})
    assert done.profile.values["ip.class1"] == 1


def test_two_keys_are_still_joined_by_and() -> None:
    with pytest.raises(littlegiant.InputError) as found:
        littlegiant.assess(EXAMPLES / "little-giant-2026.yaml", as_of=DAY, what_if={"employees": 12})
    assert str(found.value).endswith("put 'rd_staff' and 'tech_staff' in what_if too")


def _rules_outside(folder: Path) -> Path:
    """A consultant's rule file in a sub-folder, extending a set kept one folder up."""
    parent = folder / "parent.yaml"
    parent.write_text(SHANDONG.read_text(encoding="utf-8").replace("id: shandong-2022", "id: parent-x", 1), encoding="utf-8")
    (folder / "sub").mkdir()
    child = folder / "sub" / "child.yaml"
    child.write_text("format: 1\nid: child-x\nextends: ../parent.yaml\n", encoding="utf-8")
    return child


@pytest.mark.parametrize("call", ["assess", "screen", "compare"])
def test_a_rule_file_extending_one_outside_its_folder_says_how_to_load_it(tmp_path: Path, call: str) -> None:
    """assess(profile, "sub/child.yaml") said "give allow_outside=True to read it", an argument assess, screen
    and compare do not take (TypeError); it now says to load the set with load_rules(…, allow_outside=True),
    and doing so works."""
    child = _rules_outside(tmp_path)
    with pytest.raises(littlegiant.RulesError) as found:
        if call == "assess":
            littlegiant.assess(EXAMPLES / "little-giant-2022.yaml", child, as_of=DAY)
        elif call == "screen":
            littlegiant.screen([EXAMPLES / "little-giant-2022.yaml"], child, as_of=DAY)
        else:
            littlegiant.compare(EXAMPLES / "little-giant-2022.yaml", ["miit-2022", child], as_of=DAY)
    assert str(found.value).endswith("extends: extends '../parent.yaml', outside this rule file's folder: to read it, "
                                     "load the set with load_rules(its path, allow_outside=True) and pass that")
    assert found.value.render("zh").endswith("extends 指向的“../parent.yaml”在本规则文件所在的文件夹之外：确需读取时，请用 "
                                             "load_rules(文件路径, allow_outside=True) 读入这套规则，再把它传给评估")
    assert found.value.kind == "rule.extends_outside"  # as the command line's, for a script matching on it
    loaded = littlegiant.load_rules(child, allow_outside=True)  # as told
    assert littlegiant.assess(EXAMPLES / "little-giant-2022.yaml", loaded, as_of=DAY).result.rules_id == "child-x"


def test_load_rules_itself_still_says_to_give_its_allow_outside(tmp_path: Path) -> None:
    """load_rules takes allow_outside: its error names it, as it did."""
    child = _rules_outside(tmp_path)
    with pytest.raises(littlegiant.RulesError) as found:
        littlegiant.load_rules(child)
    assert str(found.value).endswith("outside this rule file's folder (give allow_outside=True to read it)")
