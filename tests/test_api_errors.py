"""A script going through its clients tells a broken rule file (stop: every client fails alike) from a bad profile (skip it)."""

from __future__ import annotations

import pickle
from datetime import date
from pathlib import Path

import pytest
from tests.conftest import EXAMPLES

import littlegiant

DAY = date(2026, 11, 26)


def _clients(folder: Path) -> list[Path]:
    good = folder / "good.yaml"
    good.write_text((EXAMPLES / "tier1-only.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    typo = folder / "typo.yaml"
    typo.write_text("name: 乙公司\nemployes: 10\n", encoding="utf-8")
    return [good, typo]


def _run(clients: list[Path], rules: str | Path) -> tuple[list[str], list[str]]:
    """The loop a consultant writes: a bad profile is logged and skipped, a bad rule set ends the run."""
    done, skipped = [], []
    for path in clients:
        try:
            littlegiant.assess(path, rules, as_of=DAY)
        except littlegiant.RulesError:
            raise
        except littlegiant.InputError as exc:
            skipped.append(str(exc))
            continue
        done.append(path.name)
    return done, skipped


def test_a_broken_rule_file_is_a_rules_error_and_a_bad_profile_is_not(tmp_path: Path) -> None:
    """Both were InputError alone: a script could tell them apart only by parsing the message, and a
    broken rule file was logged against every client as their profile's fault."""
    clients = _clients(tmp_path)
    done, skipped = _run(clients, "miit-2026")
    assert done == ["good.yaml"] and len(skipped) == 1
    assert skipped[0].startswith(f"{clients[1]}:2: employes: unknown field; did you mean 'employees'?")
    broken = tmp_path / "mine.yaml"
    broken.write_text("format: 1\nid: mine\nextends: miit-2026\nbogus: 1\n", encoding="utf-8")
    for rules in (broken, "miit-2027", tmp_path / "missing.yaml"):
        with pytest.raises(littlegiant.RulesError) as caught:
            _run(clients, rules)
        assert "\n" not in str(caught.value)
    said = {}
    for name, call in {
        "file": lambda: littlegiant.load_rules(broken),
        "id": lambda: littlegiant.screen([clients[0]], "miit-2027"),
        "read": lambda: littlegiant.read_profile(clients[0], broken),
        "compare": lambda: littlegiant.compare(clients[0], ["miit-2022", broken]),
    }.items():
        with pytest.raises(littlegiant.RulesError) as caught:
            call()
        said[name] = str(caught.value)
    assert said["file"] == said["read"] == said["compare"] == f"{broken}:4: bogus: unknown key 'bogus' (expected one of: " \
        "format, id, title, in_force, source, url, extends, size_standard, fields, derived, nodes, scores, tiers, " \
        "replace_items, notes, round, add_criteria, set_applies)"
    assert said["id"].startswith("rules: unknown rule set 'miit-2027'; did you mean 'miit-2026'?")
    # still an InputError (a script catching that alone goes on as before), and it pickles as itself
    error = pickle.loads(pickle.dumps(caught.value))
    assert isinstance(error, littlegiant.RulesError) and isinstance(error, littlegiant.InputError)
    assert error.render("zh") == caught.value.render("zh")
    # a bad profile, a what-if or an argument stays an InputError only
    for call in (lambda: littlegiant.assess(clients[1], as_of=DAY),
                 lambda: littlegiant.assess(clients[0], as_of=DAY, what_if={"employees": "很多"}),
                 lambda: littlegiant.assess(clients[0], as_of="明天")):
        with pytest.raises(littlegiant.InputError) as other:
            call()
        assert not isinstance(other.value, littlegiant.RulesError)


def test_a_what_if_naming_no_field_says_it_is_the_what_ifs(tmp_path: Path) -> None:
    """In English a what-if naming no field read "bogus: no such field 'bogus'", the words a profile's own
    key is refused in: the script's author looked in the client's file. It names what_if, as in Chinese."""
    said = {}
    for changes in ({"bogus": 1}, {"employes": 1}, {"financials": 1}, {"rd_expense": 1}):
        with pytest.raises(littlegiant.InputError) as caught:
            littlegiant.assess(EXAMPLES / "tier1-only.yaml", as_of=DAY, what_if=changes)
        assert not isinstance(caught.value, littlegiant.RulesError)
        said[str(caught.value)] = caught.value.render("zh")
    assert said == {
        "what_if bogus: no such field 'bogus'": "what_if：没有“bogus”这个项目",
        "what_if employes: no such field 'employes'; did you mean 'employees'?":
            "what_if：没有“employes”这个项目；您是不是想写「从业人员（上年末）」？",
        "what_if financials: names a group of fields, not one field":
            "what_if：这是一组项目，请写到具体的一项（如「营业收入（2025年）」）",
        "what_if rd_expense: 'rd_expense' is a figure of some year; did you mean 'financials.2025.rd_expense' "
        "(R&D expense)?": "what_if：“rd_expense”是按年份填的数字，请写明年份；您是不是想写「研发费用（2025年）」？",
    }


def test_rules_of_a_kind_no_rule_set_is_refused_as_the_callers_slip() -> None:
    """compare's list given to assess read "unknown rule set \\"['miit-2026']\\"; did you mean 'miit-2026'?", a
    RulesError, as if a rule file were broken: it is an argument of the wrong kind, said as such."""
    with pytest.raises(littlegiant.InputError) as caught:
        littlegiant.assess(EXAMPLES / "tier1-only.yaml", ["miit-2026"], as_of=DAY)  # type: ignore[arg-type]
    assert not isinstance(caught.value, littlegiant.RulesError)
    assert str(caught.value) == ("rules: expected a rule set's id, a rule file's path or a RuleSet, got list "
                                 "['miit-2026']: compare() takes several")
    with pytest.raises(littlegiant.InputError, match=r"^rules: expected a rule set's id, .* got int 5$"):
        littlegiant.load_rules(5)  # type: ignore[arg-type]


def test_a_rule_files_error_names_the_apis_argument_not_the_command_lines_option(tmp_path: Path) -> None:
    """A rule file extending one outside its folder said "give --allow-outside to read it", an option a
    script cannot pass: it names the argument, allow_outside=True, which then reads it."""
    (tmp_path / "base").mkdir()
    (tmp_path / "mine").mkdir()
    base = (EXAMPLES.parent / "rules" / "overlays" / "shandong-2022.yaml").read_text(encoding="utf-8")
    (tmp_path / "base" / "base.yaml").write_text(base.replace("id: shandong-2022", "id: base-mine"), encoding="utf-8")
    child = tmp_path / "mine" / "child.yaml"
    child.write_text("format: 1\nid: child-mine\nextends: ../base/base.yaml\ntitle: {zh: 子, en: child}\n", encoding="utf-8")
    with pytest.raises(littlegiant.RulesError) as caught:
        littlegiant.load_rules(child)
    assert str(caught.value).endswith("outside this rule file's folder (give allow_outside=True to read it)")
    assert caught.value.render("zh").endswith("在本规则文件所在的文件夹之外（确需读取时请加 allow_outside=True）")
    assert littlegiant.load_rules(child, allow_outside=True).id == "child-mine"
    with pytest.raises(littlegiant.RulesError, match=r"looks like a company's profile\): rules takes a rule set's id"):
        littlegiant.assess(EXAMPLES / "tier1-only.yaml", EXAMPLES / "tier1-only.yaml", as_of=DAY)
