"""A province's author misspelling a key (threshhold, confidance, at_lest, extend): refused as an
unknown key with the whole list to search, and then again as a second problem (a required key missing,
a band "never reached", no date in force) that was only the slip. The slip is named now, once."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.test_rule_tools import ENGLISH, cli, write

CHINESE = {"LANG": "zh_CN.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""}

OVERLAY = """\
format: 1
id: prov-2022
extends: miit-2022
title: {zh: 某省细则, en: Province rules}
source: 某省工信厅〔2024〕1号
add_criteria:
  zjtx_sme:
    - {id: extra.rd, value: "rd_share[y1]", op: ">=", threshold: 3, unit: "%", zh: 研发费用占营业收入比重不低于3%, en: R&D at least 3%, source: x, confidence: single}
replace_items:
  zjtx.main_share:
    - id: main_share_p
      zh: 上年度主营业务收入总额占营业收入总额比重（某省）
      en: Main-business share (province)
      group: specialisation
      max: 5
      source: 某省工信厅〔2024〕1号
      confidence: single
      value: "main_share[y1]"
      unit: "%"
      bands: [{at_least: 80, points: 5}, {at_least: 70, points: 3}, {points: 0}]
"""


@pytest.mark.parametrize(("right", "slip", "line", "at"), [
    ("threshold: 3", "threshhold: 3", 8, "add_criteria.zjtx_sme[0].threshhold"),
    ("confidence: single\n      value", "confidance: single\n      value", 17, "replace_items.zjtx.main_share[0].confidance"),
    ("{at_least: 70", "{at_lest: 70", 20, "replace_items.zjtx.main_share[0].bands[1].at_lest"),
    ("extends: miit-2022", "extend: miit-2022", 3, "extend"),
])
def test_a_misspelt_key_is_named_with_the_key_meant_and_said_once(tmp_path: Path, right: str, slip: str, line: int,
                                                                 at: str) -> None:
    assert OVERLAY.count(right) == 1
    rule = write(tmp_path, OVERLAY.replace(right, slip), "prov.yaml")
    typed, meant = slip.split(":")[0].lstrip("{"), right.split(":")[0].lstrip("{")
    done = cli("rules", "validate", str(rule), env=ENGLISH)
    assert done.returncode == 2
    assert done.stderr.splitlines() == [
        f"{rule}:{line}: {at}: unknown key '{typed}': did you mean '{meant}'? (expected one of: "
        + done.stderr.split("(expected one of: ", 1)[1].split("\n", 1)[0],
        "littlegiant: 1 problem found"]
    zh = cli("rules", "validate", str(rule), env=CHINESE)
    assert f"不认识的键“{typed}”，是不是想写“{meant}”？" in zh.stderr and "发现 1 个问题" in zh.stderr


def test_a_key_like_one_already_there_is_not_said_to_be_meant(tmp_path: Path) -> None:
    """`sources:` beside `source:` is no slip for it: listed as unknown, as before."""
    rule = write(tmp_path, OVERLAY.replace("source: x,", "source: x, sources: y,"), "prov.yaml")
    done = cli("rules", "validate", str(rule), env=ENGLISH)
    assert "unknown key 'sources' (expected one of:" in done.stderr and "did you mean" not in done.stderr


ADDITIONS = """\
format: 1
id: prov-2022
extends: miit-2022
title: {zh: 某省细则, en: Province rules}
source: 某省工信厅〔2024〕1号
replace_items:
  zjtx.main_shar:
    - id: x
add_criteria:
  zjtx:
    - {id: extra.rev, value: "revenue[y1]", op: ">=", threshold: 2000, unit: 万元, zh: 营业收入不低于2000万元, en: Revenue at least 20 million, source: x, confidence: single}
  little_giant:
    - {id: extra.rev2, value: "revenu[y1]", op: ">=", threshold: 2000, unit: 万元, zh: 营业收入不低于2000万元, en: Revenue at least 20 million, source: x, confidence: single}
"""


def test_a_misnamed_swap_or_tier_is_said_with_every_problem_after_it(tmp_path: Path) -> None:
    """replace_items naming no item (zjtx.main_shar) stopped `rules validate` there, one problem of three
    said, without the item meant; add_criteria of a tier misnamed stopped the additions after it."""
    rule = write(tmp_path, ADDITIONS, "prov.yaml")
    done = cli("rules", "validate", str(rule), env=ENGLISH)
    assert done.returncode == 2
    lines = done.stderr.splitlines()
    assert lines[0] == f"{rule}:7: replace_items.zjtx.main_shar: 'zjtx.main_shar' names no score item: did you mean " \
                       "'zjtx.main_share'? (write table.item)"
    assert lines[1].startswith(f"{rule}:10: add_criteria.zjtx: ")
    assert lines[2].startswith(f"{rule}:13: add_criteria.little_giant[0].value: ") and "'revenue'" in lines[2]
    assert lines[3] == "littlegiant: 3 problems found"
    zh = cli("rules", "validate", str(rule), env=CHINESE)
    assert "“zjtx.main_shar”不是已有的评分项，是不是想写“zjtx.main_share”？" in zh.stderr


def test_a_file_of_thousands_of_problems_lists_the_first_hundred_and_says_how_many_more(tmp_path: Path) -> None:
    """A table pasted under the wrong heading (thousands of unknown keys) printed a line each, the first
    ones scrolled out of sight, after ten seconds (every key looked up in a list of all the file's keys):
    the first 100 are listed, then how many more and how to see them, then the count; --all lists them all."""
    rule = write(tmp_path, OVERLAY + "".join(f"pasted_{i}: {i}\n" for i in range(3000)), "prov.yaml")
    done = cli("rules", "validate", str(rule), env=ENGLISH)
    lines = done.stderr.splitlines()
    assert done.returncode == 2 and len(lines) == 102
    assert lines[0].startswith(f"{rule}:21: pasted_0: unknown key 'pasted_0'") and "pasted_99:" in lines[99]
    assert lines[100] == "... and 2900 more problems of this file, not listed: fix the ones above and check again, " \
                         "or give --all to list them all"
    assert lines[101] == "littlegiant: 3000 problems found"
    zh = cli("rules", "validate", str(rule), env=CHINESE).stderr.splitlines()
    assert zh[100:] == ["……这个文件还有 2,900 个问题没有列出：先改好上面这些再检查一次，或加 --all 全部列出",
                        "littlegiant：发现 3000 个问题"]
    every = cli("rules", "validate", "--all", str(rule), env=ENGLISH)
    assert every.returncode == 2 and len(every.stderr.splitlines()) == 3001 and "pasted_2999:" in every.stderr
    assert "more problems" not in every.stderr


def test_a_file_of_a_hundred_problems_lists_them_all_without_a_word_more(tmp_path: Path) -> None:
    """At 100 problems nothing is held back, so nothing is said of more."""
    rule = write(tmp_path, OVERLAY + "".join(f"pasted_{i}: {i}\n" for i in range(100)), "prov.yaml")
    lines = cli("rules", "validate", str(rule), env=ENGLISH).stderr.splitlines()
    assert len(lines) == 101 and lines[-1] == "littlegiant: 100 problems found" and "pasted_99:" in lines[99]
