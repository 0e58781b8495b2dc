"""Words a finance manager reads as they are meant: a plan's check that does not speak of a merger, what a
what-if changed named with its tier, inputs shown as label and value, a red line named by its problem."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from tests.conftest import EXAMPLES
from tests.test_reports import cli, squash
from typer.testing import CliRunner

from littlegiant.cli.app import app


def test_a_plans_check_does_not_read_as_a_merger() -> None:
    """The plan head said 「已验证：合并后重新评估」: to a finance manager 合并 is a merger or consolidated
    accounts, not "all the steps put in at once"."""
    out = squash(cli("assess", str(EXAMPLES / "tier1-only.yaml"), "--as-of", "2026-11-26", "--lang", "zh"))
    assert "合并后" not in out
    assert "（已验证：以下各项一并代入重新评估，结果为「待审核」）" in out


def test_what_a_what_if_changed_names_each_criterions_tier() -> None:
    """A criterion two tiers share (细分市场年限 under 专精特新 and 小巨人) was listed twice in the same words
    under 假设变化带来的判定变化, as if the what-if had moved it twice: each line names its tier."""
    out = cli("assess", str(EXAMPLES / "tier1-only.yaml"), "--as-of", "2026-11-26", "--lang", "zh",
              "--set", "niche_years=3", columns=200)
    moved = out.split("假设变化带来的判定变化")[1].split("行动计划")[0]
    lines = [line for line in moved.splitlines() if line.startswith("→")]
    assert lines == ["→ 专精特新中小企业——截至上年末从事特定细分市场时间达到3年以上：不满足 → 满足",
                     '→ 专精特新"小巨人"企业——截至上年末从事特定细分市场时间达到3年以上：不满足 → 满足'], moved


def test_each_input_of_a_criterion_stands_apart_from_the_next() -> None:
    """A criterion read from several inputs listed each as 「label value」 with a bare space between: the
    answer ran into the next label (「……排名（0为未获奖） 2，近三年……」) and the figures of a growth rate
    into their years. Each answer is now quoted in zh and set off by a dash in en."""
    zh = cli("assess", str(EXAMPLES / "little-giant-2026.yaml"), "--as-of", "2026-11-26", "--lang", "zh",
             "--format", "markdown")
    assert ("近三年国家级科技奖励获奖单位排名「未获奖」，近三年省级科技奖励获奖单位排名「2」：满足"
            in zh)
    assert "15.47%（√(12,000 ÷ 9,000) − 1；营业收入（2025年）「12,000万元」，营业收入（2023年）「9,000万元」），要求不低于5%：满足" in zh
    assert "是否为有效期内的高新技术企业「是」" in zh and "） 2，" not in zh
    en = cli("assess", str(EXAMPLES / "little-giant-2026.yaml"), "--as-of", "2026-11-26", "--lang", "en",
             "--format", "markdown")
    assert "Valid High and New Technology Enterprise — yes; National technological-innovation demonstration " \
           "enterprise — no; IP advantage or IP demonstration enterprise — no: met" in en


@pytest.mark.parametrize(("lang", "fabricated", "tax"), [
    ("zh", "科技和创新型中小企业：红线「近三年有数据造假行为」",
     "科技和创新型中小企业：待认定机关判断——近三年有偷漏税等违法违规行为"),
    ("en", "Technology-based and innovative SME: red line: Fabricated data in the last three years",
     "Technology-based and innovative SME: for the authority to judge: Tax evasion or similar violations in the "
     "last three years")])
def test_a_batch_row_names_a_red_line_by_the_problem_not_its_absence(tmp_path: Path, lang: str, fabricated: str,
                                                                     tax: str) -> None:
    """A park's sheet (batch without --advice) named what held a company with fabricated data back by the
    red line's title, 「近三年无数据造假行为」 (no fabricated data): the opposite of the fact. It names the
    problem, as the report does; a tax violation the 2026 text does not list is left to the authority."""
    text = (EXAMPLES / "little-giant-2026.yaml").read_text(encoding="utf-8")
    (tmp_path / "fabricated.yaml").write_text(text.replace("data_fabrication: false", "data_fabrication: true"),
                                              encoding="utf-8")
    (tmp_path / "tax.yaml").write_text(text.replace("tax_violation: false", "tax_violation: true"), encoding="utf-8")
    out = tmp_path / "rows.csv"
    result = CliRunner().invoke(app, ["batch", str(tmp_path / "fabricated.yaml"), str(tmp_path / "tax.yaml"),
                                      "--as-of", "2026-11-26", "--lang", lang, "--output", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(out.read_text(encoding="utf-8-sig").splitlines()))
    gap = rows[0].index("主要差距" if lang == "zh" else "What holds it back")
    assert [r[gap] for r in rows[1:]] == [fabricated, tax]


def test_a_later_rounds_platform_score_step_says_the_score_it_must_reach() -> None:
    """A plan for a later round said the platform score 「届时须达到要求」 / "must meet the bar then",
    leaving a finance manager to look up which score: it says 不低于60分 (the tier's own bar)."""
    # (its 小巨人 plan is 2028's: 2027 would need other revenue 600万 less in 36 days that bring some 178万 of it)
    zh = squash(cli("assess", str(EXAMPLES / "little-giant-2022.yaml"), "--as-of", "2026-11-26", "--lang", "zh"))
    assert "本年度专精特新发展评价得分（官方平台）：申报时看2028年度的得分，本计划按今年的72分估计，届时须仍不低于60分" in zh
    en = cli("assess", str(EXAMPLES / "half-missing.yaml"), "--as-of", "2026-11-26", "--lang", "en", columns=200)
    # its 小巨人 plan is 2028's: 2027 would need +2,000万 of 2026 revenue in the 36 days that bring some 296万
    assert "that round counts 2028's, which must be at least 60 points then" in en


def test_a_red_line_left_to_the_authority_reads_without_a_chain_of_colons() -> None:
    """The 2026 tax violation (the authority decides) read 「待认定机关审核：存在：近三年有偷漏税……」 in the
    answer: it names the problem and the rule's note after it."""
    zh = squash(cli("assess", str(EXAMPLES / "red-line.yaml"), "--as-of", "2026-11-26", "--lang", "zh"))
    assert "科技和创新型中小企业——待认定机关审核：近三年有偷漏税等违法违规行为。所读到的2026年办法文本未列出偷漏税" in zh
    assert "审核：存在：" not in zh
    en = cli("assess", str(EXAMPLES / "red-line.yaml"), "--as-of", "2026-11-26", "--lang", "en", columns=300)
    assert "the authority judges: Tax evasion or similar violations in the last three years. The 2026 text" in en
    assert "judges: present:" not in en


def test_a_report_under_a_forced_set_says_which_set_that_day_follows() -> None:
    """--rules miit-2022 on 2026-12-03: the report's basis said only 「由 --rules 指定的规则集」, and a client
    handed it read the 2022 measures as the ones a new application follows now. It names the set the
    calendar picks that day; a forced set that is the day's own says nothing more."""
    zh = squash(cli("assess", str(EXAMPLES / "tier1-only.yaml"), "--as-of", "2026-12-03", "--rules", "miit-2022",
                    "--lang", "zh", "--format", "markdown"))
    assert ("评估日期2026-12-03的新申请按《优质中小企业梯度培育管理办法（2026）》；本报告按指定的《优质中小企业梯度培育"
            "管理暂行办法（2022）》评估，结论仅供对比参考。") in zh
    same = cli("assess", str(EXAMPLES / "tier1-only.yaml"), "--as-of", "2026-03-01", "--rules", "miit-2022",
               "--lang", "zh")
    assert "仅供对比参考" not in same
