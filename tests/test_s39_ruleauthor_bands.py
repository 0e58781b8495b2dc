"""A province's author slipping in a score table's bands: a percent written as a fraction, points that
rise as the figure falls. Both passed `rules validate` and gave wrong verdicts; both are refused now at
the line of the band to correct, in the author's language."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from tests.conftest import EXAMPLES
from tests.test_rule_tools import ENGLISH, OK, cli, write

from littlegiant.load import rules

CHINESE = {"LANG": "zh_CN.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""}

PROVINCE = """\
format: 1
id: prov-2022
extends: miit-2022
title: {{zh: 某省细则, en: Province rules}}
source: 某省工信厅〔2024〕1号
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
      bands:
        - {{at_least: {a}, points: {pa}}}
        - {{at_least: {b}, points: {pb}}}
        - {{at_least: {c}, points: {pc}}}
        - {{points: 0}}
"""
"""The 2022 专精特新 main-business share item (80% → 5, 70% → 3, 60% → 1) as a province writes its own;
its bands are lines 18–21."""


def province(tmp_path: Path, a: str = "80", b: str = "70", c: str = "60", pa: int = 5, pb: int = 3, pc: int = 1) -> Path:
    return write(tmp_path, PROVINCE.format(a=a, b=b, c=c, pa=pa, pb=pb, pc=pc), "prov.yaml")


def test_percent_bands_written_as_fractions_are_refused_at_their_line(tmp_path: Path) -> None:
    """at_least 0.8 / 0.7 / 0.6 under unit % passed validate, test and assess: every company of 1% or more
    took the full 5 points. Now validate and assess refuse it at the first band's line, saying 80."""
    rule = province(tmp_path, "0.8", "0.7", "0.6")
    done = cli("rules", "validate", str(rule), env=ENGLISH)
    assert done.returncode == 2
    assert f"{rule}:18: replace_items.zjtx.main_share[0].bands[0]: 0.8 in % means 0.8%, which looks like a " \
           "fraction: write percent as whole numbers (80 for 80%)" in done.stderr
    zh = cli("rules", "validate", str(rule), env=CHINESE)
    assert "单位为 % 时 0.8 表示 0.8%，像是按小数写的：百分数请按百分点写（80% 写 80）" in zh.stderr
    assessed = cli("assess", str(EXAMPLES / "tier1-only.yaml"), "--rules", str(rule), "--as-of", "2026-03-01",
                   env=ENGLISH)
    assert assessed.returncode == 2 and "0.8 in % means 0.8%" in assessed.stderr and "Traceback" not in assessed.stderr


def test_two_fractions_among_whole_percents_are_named_not_just_the_order(tmp_path: Path) -> None:
    """0.8, 0.7, 60 was refused as "at_least bands must go from the highest bound down": true, yet it
    did not say why; the fraction is named now."""
    done = cli("rules", "validate", str(province(tmp_path, "0.8", "0.7", "60")), env=ENGLISH)
    assert done.returncode == 2
    assert ":18: replace_items.zjtx.main_share[0].bands[0]: 0.8 in % means 0.8%" in done.stderr
    assert "must go from the highest bound down" not in done.stderr


def test_a_whole_percent_scale_and_one_at_zero_still_pass(tmp_path: Path) -> None:
    assert cli("rules", "validate", str(province(tmp_path)), env=ENGLISH).returncode == 0
    assert cli("rules", "validate", str(province(tmp_path, "10", "5", "0")), env=ENGLISH).returncode == 0


def test_points_rising_down_the_bands_are_refused_at_the_band(tmp_path: Path) -> None:
    """80% → 1, 70% → 3, 60% → 5 passed: a company of 90% scored 1 and one of 65% scored 5."""
    rule = province(tmp_path, pa=1, pb=3, pc=5)
    done = cli("rules", "validate", str(rule), env=ENGLISH)
    assert done.returncode == 2
    assert f"{rule}:19: replace_items.zjtx.main_share[0].bands[1]: at_least 70 gives 3 points, more than 1 for " \
           "at_least 80 above it" in done.stderr
    assert done.stderr.splitlines()[0].endswith("; where a lower figure scores more, use at_most bands, lowest bound first")
    zh = cli("rules", "validate", str(rule), env=CHINESE)
    assert "at_least 70 得 3 分，比上一档 at_least 80 的 1 分还多" in zh.stderr
    assert "数值越低得分越高的，请用 at_most 分档，从最低的界限往上排" in zh.stderr


def test_a_percent_threshold_written_as_a_fraction_is_refused_unless_the_title_writes_it(tmp_path: Path) -> None:
    """threshold 0.03 under 「不低于3%」 passed validate (and assess): only `rules test` said it. A bar under
    1% that the title writes itself (不低于0.5%) is meant, and passes."""
    line = 'value: "revenue[y1]", op: ">=", threshold: 100, zh: 收入不低于100万元'
    fraction = write(tmp_path, OK.replace(line, 'value: "rd_share[y1]", op: ">=", threshold: 0.03, unit: "%", '
                                                'zh: 研发费用占比不低于3%'))
    done = cli("rules", "validate", str(fraction), env=ENGLISH)
    assert done.returncode == 2
    assert "threshold: threshold 0.03 in % means 0.03%: write percent as whole numbers (3 for 3%)" in done.stderr
    meant = write(tmp_path, OK.replace(line, 'value: "rd_share[y1]", op: ">=", threshold: 0.5, unit: "%", '
                                             'zh: 研发费用占比不低于0.5%'), "meant.yaml")
    assert cli("rules", "validate", str(meant), env=ENGLISH).returncode == 0
    # no unit written: rd_share is in % all the same
    bare = write(tmp_path, OK.replace(line, 'value: "rd_share[y1]", op: ">=", threshold: 0.03, zh: 研发费用占比不低于3%'),
                 "bare.yaml")
    done = cli("rules", "validate", str(bare), env=ENGLISH)
    assert done.returncode == 2 and "threshold 0.03 in % means 0.03%" in done.stderr


def _problems(text: str) -> list[str]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "prov.yaml"
        path.write_text(text, encoding="utf-8")
        return [e.kind for e in rules.validate(path)]


@settings(max_examples=25, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=5), min_size=3, max_size=3))
def test_any_points_are_taken_exactly_when_they_never_rise(points: list[int]) -> None:
    pa, pb, pc = points
    kinds = _problems(PROVINCE.format(a="80", b="70", c="60", pa=pa, pb=pb, pc=pc))
    assert (kinds == []) == (pa >= pb >= pc), kinds
    assert all(k == "rule.band_rises" for k in kinds)


def test_a_scale_without_a_unit_of_its_own_reading_a_share_is_in_percent(tmp_path: Path) -> None:
    """A scale that left out `unit: "%"` reads main_share all the same, which is in %."""
    rule = write(tmp_path, PROVINCE.format(a="0.8", b="0.7", c="0.6", pa=5, pb=3, pc=1).replace('      unit: "%"\n', ""),
                 "prov.yaml")
    done = cli("rules", "validate", str(rule), env=ENGLISH)
    assert done.returncode == 2
    assert ":17: replace_items.zjtx.main_share[0].bands[0]: 0.8 in % means 0.8%" in done.stderr


def test_a_bar_under_one_percent_its_band_writes_is_taken(tmp_path: Path) -> None:
    """A province whose bars truly are under 1% writes them in the bands' words; refused, it is told so."""
    bare = province(tmp_path, "0.8", "0.7", "0.6")
    done = cli("rules", "validate", str(bare), env=ENGLISH)
    assert "if 0.8% is meant, write it in the band's zh too" in done.stderr
    text = bare.read_text(encoding="utf-8")
    for v in ("0.8", "0.7", "0.6"):
        text = text.replace(f"{{at_least: {v}, ", f"{{at_least: {v}, zh: 不低于{v}%, en: at least {v}%, ")
    labelled = write(tmp_path, text, "labelled.yaml")
    assert cli("rules", "validate", str(labelled), env=ENGLISH).returncode == 0


def test_a_last_band_giving_more_than_the_one_above_is_named_as_the_last_band(tmp_path: Path) -> None:
    rule = write(tmp_path, PROVINCE.format(a="80", b="70", c="60", pa=5, pb=3, pc=1).replace("{points: 0}", "{points: 2}"),
                 "prov.yaml")
    done = cli("rules", "validate", str(rule), env=ENGLISH)
    assert f"{rule}:21: replace_items.zjtx.main_share[0].bands[3]: the last band (otherwise) gives 2 points, more than 1 " \
           "for at_least 60 above it" in done.stderr
