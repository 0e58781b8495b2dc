"""A part left blank that its whole already decides (docs/criteria.md §8a: a part never exceeds its whole;
CONTRACT §3: `unknown` is for what the missing inputs decide). A company with 3 class I IP cannot hold the
4 applied ones 「小巨人」 asks for, whatever it answers to the part; one with none has none applied."""

from __future__ import annotations

import csv
import json
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.test_calendar import company, status, write
from tests.test_cli_assess import assess_json, invoke

from littlegiant import api
from littlegiant.core.interview import Interview

PARTS = ("class1_self_developed", "class1_high_value", "class1_applied", "class1_top3_holder")


def blank_parts(class1: int, **kept: int) -> dict[str, Any]:
    """A company growing 5% a year that meets 「小巨人」 but for the IP the test gives (its market share unanswered),
    applying for it (held, a title needs no application, and its plan would be none)."""
    data = company(2025, (12500, 12000, 11500), revenue=(13300, 12600, 12000), platform_score=70)
    data["titles"] = {**data["titles"], "little_giant": False}
    data["ip"] = {"class1": class1, "class2": 3, **kept}
    return data


# (rule set, as of, tier, criterion, the bar): each checks a part against a bar of that many
BARS = [
    ("miit-2026", "2026-11-26", "little_giant", "lg26.ip.top3", 4),
    ("miit-2026", "2026-11-26", "zjtx_sme", "zjtx26.ip.applied", 1),
    ("miit-2022", "2026-03-01", "little_giant", "lg.ip_applied", 2),
]


@pytest.mark.parametrize(("rule_set", "as_of", "tier", "cid", "bar"), BARS)
@pytest.mark.parametrize(("short", "expected"), [(1, "unmet"), (0, "unknown")])
def test_a_blank_part_below_the_bar_by_its_whole(tmp_path: Path, rule_set: str, as_of: str, tier: str, cid: str,
                                                 bar: int, short: int, expected: str) -> None:
    """One class I IP short of the bar, the part cannot reach it: unmet; with the bar's count, it could: unknown."""
    doc = assess_json(write(tmp_path, blank_parts(bar - short)), "--as-of", as_of, "--rules", rule_set)
    assert status(doc, tier, cid) == expected
    row = next(c for c in doc["tiers"][tier]["criteria"] if c["id"] == cid)
    if expected == "unmet":
        assert row["missing"] == []  # no answer to ask: none changes the verdict
        if bar - short:
            assert row["inputs"]["ip.class1"] == bar - short  # the whole it was held to, shown beside the blank
        else:
            assert list(row["inputs"].values()) == [0]  # no class I IP: none of it of any kind
    else:
        assert row["missing"] and "ip.class1" not in row["inputs"]


def test_no_class_one_ip_means_none_of_its_parts(tmp_path: Path) -> None:
    """With no class I IP, the tier-1 IP item scores what the class II patents give (5 of 20), not 5-20
    points: a score range that no answer could narrow left 创新型 waiting on questions about nothing."""
    doc = assess_json(write(tmp_path, blank_parts(0)), "--as-of", "2026-11-26", "--rules", "miit-2022")
    item = next(c for c in doc["tiers"]["innovative_sme"]["criteria"] if c["id"] == "innovative.points.ip")
    assert (item["status"], item["points"], item["missing"]) == ("met", 5, [])
    assert item["inputs"]["ip.class1_high_value"] == 0 and item["inputs"]["ip.class1_self_developed"] == 0
    assert doc["tiers"]["innovative_sme"]["score_min"] == doc["tiers"]["innovative_sme"]["score_max"]


@pytest.mark.parametrize(("lang", "words"), [
    ("zh", ("未填", "「3项」之内，最多3项，要求不低于4项：不满足")),
    ("en", ("not given: Class I IP that is self-developed", "it is counted within valid class I IP related to the main "
            "product — 3 items, so at most 3 items; required at least 4 items: not met")),
])
def test_the_row_says_the_whole_holds_the_part(tmp_path: Path, lang: str, words: tuple[str, str]) -> None:
    doc = assess_json(write(tmp_path, blank_parts(3)), "--as-of", "2026-11-26", "--lang", lang)
    row = next(c for c in doc["tiers"]["little_giant"]["criteria"] if c["id"] == "lg26.ip.top3")
    assert all(w in row["explanation"] for w in words), row["explanation"]


def test_the_plan_raises_the_whole_with_the_blank_part(tmp_path: Path) -> None:
    """The advice for a blank part held below the bar: the whole up to the bar, and the part from blank to it."""
    result = invoke("assess", str(write(tmp_path, blank_parts(3))), "--as-of", "2026-11-26", "--lang", "zh",
                    "--format", "markdown")
    assert result.exit_code == 0, result.output
    plan = result.stdout.split("行动计划", 1)[1].split("需准备的材料", 1)[0]
    assert "与主导产品相关的有效Ⅰ类知识产权：3 → 4项（+1）" in plan
    assert "本企业为前三位权利人的Ⅰ类知识产权：未填 → 4项" in plan


WORDS = {"met": "met", "not met": "unmet", "unknown": "unknown"}


def test_batch_says_what_assess_says(tmp_path: Path) -> None:
    rows = [blank_parts(n) for n in (0, 3, 4)]
    source = tmp_path / "many.jsonl"
    source.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    out = tmp_path / "out.csv"
    result = invoke("batch", str(source), "--as-of", "2026-11-26", "--output", str(out), "--quiet", "--lang", "en")
    assert result.exit_code == 0, result.output
    with out.open(encoding="utf-8-sig") as handle:
        table = list(csv.DictReader(handle))
    said = [WORDS[row['Specialised and sophisticated "Little Giant"']] for row in table]
    assessed = [status(assess_json(write(tmp_path, data), "--as-of", "2026-11-26"), "little_giant") for data in rows]
    assert said == assessed == ["unmet", "unmet", "unknown"]


@settings(max_examples=60, deadline=None)
@given(class1=st.integers(0, 6), rule_set=st.sampled_from(["miit-2022", "miit-2026"]),
       blank=st.sets(st.sampled_from(PARTS), min_size=1), filled=st.data())
def test_filling_a_blank_part_never_flips_a_decided_criterion(class1: int, rule_set: str, blank: set[str],
                                                              filled: st.DataObject) -> None:
    """Whatever a blank part is filled with (never above its whole), a criterion met or unmet with it
    blank stays so, and a tier decided with it blank stays decided the same way."""
    rs = api.load_rules(rule_set)
    day = date(2026, 3, 1) if rule_set == "miit-2022" else date(2026, 11, 26)
    data = blank_parts(class1, **{p: min(class1, 2) for p in PARTS if p not in blank})
    before = api.assess(data, rs, as_of=day, advice=False).result
    for part in blank:
        data["ip"][part] = filled.draw(st.integers(0, class1), label=part)
    after = api.assess(data, rs, as_of=day, advice=False).result
    for tid, tier in before.tiers.items():
        if tier.status in ("met", "unmet"):
            assert after.tiers[tid].status == tier.status, tid
        now = {(c.id, c.parent): c.status for c in after.tiers[tid].criteria}
        for c in tier.criteria:
            if c.status in ("met", "unmet") and (c.id, c.parent) in now:
                assert now[(c.id, c.parent)] == c.status, (tid, c.id)


@pytest.mark.parametrize(("lang", "blank"), [("zh", "未填 → 4项"), ("en", "not given → 4 items")])
def test_the_json_advice_words_a_blank_part_as_the_report_does(tmp_path: Path, lang: str, blank: str) -> None:
    """The JSON result's advice text for a blank part raised with its whole: the report's plan writes
    「未填 → 4项」, the JSON's step text wrote 「? → 4项」 (review)."""
    doc = assess_json(write(tmp_path, blank_parts(3)), "--as-of", "2026-11-26", "--lang", lang)
    text = next(s["text"] for s in doc["gaps"]["little_giant"]["steps"] if s["criterion"] == "lg26.ip.top3")
    assert "? →" not in text and blank in text, text


def test_a_part_blank_under_no_whole_is_0_in_the_verdict_and_the_plan_alike(tmp_path: Path) -> None:
    """With no class I IP and the top-3 part blank, the verdict line says the part 「现为0项」 (it can be
    nothing else): the plan, a few lines down, said 「未填 → 4项」, two accounts of one figure (review)."""
    result = invoke("assess", str(write(tmp_path, blank_parts(0))), "--as-of", "2026-11-26", "--lang", "zh")
    assert result.exit_code == 0, result.output
    verdict, plan = ("".join(part.split()) for part in result.stdout.split("行动计划", 1))  # lines unwrapped
    assert "前三位权利人（现为0项）" in verdict
    assert "前三位权利人的Ⅰ类知识产权：0→4项（+4）" in plan and "未填" not in plan


def test_the_interview_asks_the_whole_that_decides_a_blank_part() -> None:
    """Class I IP and its top-3 part both blank, the part answered "don't know": the total alone (below 4)
    would decide 小巨人, yet the interview stopped with 小巨人 unknown, never asking it (review)."""
    rules = api.load_rules("miit-2026")
    day = date(2026, 11, 26)
    data = blank_parts(3)
    del data["ip"]["class1"]
    iv = Interview(rules, day, None, dict(api.read_profile(data, rules, as_of=day).values))
    iv.record("ip.class1_top3_holder", None)
    assert iv.result().tiers["little_giant"].status == "unknown"
    assert "ip.class1" in iv.relevant("little_giant")
    iv.record("ip.class1", 3)
    assert iv.result().tiers["little_giant"].status == "unmet"


@pytest.mark.parametrize(("lang", "share", "points"), [
    ("zh", "营业收入（2025年）「0万元」：除数为0，无法计算：未知", "除数为0，无法计算：得分 0–20/20"),
    ("en", "Operating revenue 2025 — 0 (10k CNY): a division by 0, cannot be computed: unknown",
     "a division by 0, cannot be computed: 0–20 of 20 points"),
])
def test_a_share_of_a_zero_says_so_not_that_its_figures_are_missing(tmp_path: Path, lang: str, share: str,
                                                                   points: str) -> None:
    """Revenue 0 and its main-business part blank (so 0): the share is unknown (criteria.md §3: a zero
    denominator is unknown), and no answer can change that. Its row said 「尚缺：主营业务收入（2025年）；营业
    收入（2025年）」 of two figures given, and a points row 「?：得分 0–20/20（缺少数据）」 (review)."""
    data = blank_parts(3)
    data["financials"][2025]["revenue"] = 0
    del data["financials"][2025]["main_revenue"]
    doc = assess_json(write(tmp_path, data), "--as-of", "2026-11-26", "--lang", lang, "--rules", "miit-2026")
    rows = {c["id"]: c for t in doc["tiers"].values() for c in t["criteria"]}
    main = rows["lg26.main_share"]
    assert (main["status"], main["missing"]) == ("unknown", [])
    assert main["explanation"].endswith(share), main["explanation"]
    assert rows["innovative.points.main_share"]["explanation"] == points


def test_a_points_row_known_without_one_scale_keeps_that_scale_unknown_not_a_zero_division(tmp_path: Path) -> None:
    """The 科技型 R&D item scores the better of two shares: with total costs blank and the revenue share
    already at its top band, the points are known and nothing is missing; the blank share is no division
    by 0 (its figure was never given)."""
    data = blank_parts(3)
    for year in data["financials"].values():
        del year["total_costs"]
    data["financials"][2025]["rd_expense"] = 1000  # over 6% of 13,300: the top band whatever the other share
    doc = assess_json(write(tmp_path, data), "--as-of", "2026-11-26", "--lang", "zh")
    row = next(c for c in doc["tiers"]["innovative_sme"]["criteria"] if c["id"] == "tech.points.rd_input")
    assert (row["status"], row["points"], row["missing"]) == ("met", 50, [])
    assert "除数为0" not in row["explanation"], row["explanation"]


@pytest.mark.parametrize(("lang", "said"), [("zh", "且企业为前三位权利人（未填，最多也只有3项）"),
                                            ("en", "company among the top 3 right holders (not given; at most 3 items)")])
def test_the_verdict_line_says_how_far_the_whole_lets_a_blank_part_go(tmp_path: Path, lang: str, said: str) -> None:
    """差在 names a failing figure with what it is now (「（现为85%）」); a blank part its whole holds below the
    bar had nothing beside it: it says the most it can be."""
    result = invoke("assess", str(write(tmp_path, blank_parts(3))), "--as-of", "2026-11-26", "--lang", lang)
    assert result.exit_code == 0, result.output
    head = result.stdout.split("行动计划" if lang == "zh" else "The plan", 1)[0]
    assert said in re.sub(r"\s*\n\s*", "" if lang == "zh" else " ", head), head
