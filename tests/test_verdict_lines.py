"""The 结论 lines as a company owner reads them (a user pass, December 2026): a renewal named where its
verdict stands, and a tier met by a direct path without a score beside it that looks as if it could
still fail."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from littlegiant.cli.app import app

RENEWING = """\
name: 浙江新昌精工轴承有限公司
industry: industrial
niche_years: 17
registered_in_china: true
compliance: {abnormal_operation: false, serious_dishonesty: false, prohibited_products: false, major_incident: false,
             tax_violation: false, data_fabrication: false}
financials:
  2025: {revenue: 8000, main_revenue: 7600, rd_expense: 约260, total_assets: 11000, total_liabilities: 6500}
  2024: {revenue: 7000, rd_expense: 230}
rd_institution: provincial
market: {leading: true}
titles: {innovative_sme: false, tech_sme: false, zjtx_sme: true}
platform_score: null
platform_score_previous: 62
"""
"""The tester's renewing company (a 省级 R&D institution, the 创新型 score unknown), as of 2026-12-04:
renewals that day are judged by the 2022 measures, whose 创新型 tier has a score."""

AS_OF = "2026-12-04"
def run(path: Path, *args: str, lang: str = "zh", fmt: str = "text") -> str:
    done = CliRunner().invoke(app, ["assess", str(path), "--as-of", AS_OF, "--lang", lang, "--format", fmt, *args],
                              env={"COLUMNS": "80", "NO_COLOR": "1"})
    assert done.exit_code == 0, done.output
    return done.stdout


def verdicts(out: str, fmt: str) -> str:
    """The summary's lines, markup and line breaks taken out."""
    if fmt == "html":
        out = html.unescape(re.sub(r"<[^>]+>", " ", out.split('id="summary"', 1)[1].split("</section>", 1)[0]))
    else:
        out = re.split(r"\n(?:⚠|行动计划|The plan|## )", out.split("结论", 1)[-1] if "结论" in out else
                       out.split("The answer", 1)[1], maxsplit=1)[0]
    return re.sub(r"\s+", "", out.replace("*", ""))


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
@pytest.mark.parametrize(("renewed", "lang", "said", "plain"), [
    ("zjtx_sme", "zh", "专精特新中小企业（复核）：不满足", '专精特新"小巨人"企业：'),
    ("little_giant", "zh", '专精特新"小巨人"企业（复核）：未知', "专精特新中小企业："),
    ("zjtx_sme", "en", "SpecialisedandsophisticatedSME(专精特新中小企业)(renewal):notmet",
     'Specialisedandsophisticated"LittleGiant":'),
])
def test_the_verdict_line_of_a_renewal_names_the_renewal(tmp_path: Path, fmt: str, renewed: str, lang: str,
                                                         said: str, plain: str) -> None:
    """「✘ 专精特新中小企业：不满足」 in a renewal read as a new application failing: 复核 was only in the
    header's 依据 line. The renewed tier's verdict line says it; the others, judged as new applications,
    do not."""
    path = tmp_path / "co.yaml"
    path.write_text(RENEWING, encoding="utf-8")
    out = verdicts(run(path, "--renewal", renewed, lang=lang, fmt=fmt), fmt)
    if fmt == "html":  # the status is a badge before the name: the name and its note alone
        said, plain = said.split("：" if lang == "zh" else ":")[0], plain.rstrip("：:")
    assert said in out, out
    assert plain in out and out.count("（复核）" if lang == "zh" else "(renewal)") == 1, out


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
@pytest.mark.parametrize(("lang", "said", "scored"), [
    ("zh", "创新型中小企业：满足（经直通条件：拥有经认定的省部级以上研发机构）", "专精特新中小企业：不满足（得分区间25–90）"),
    ("en", "InnovativeSME:met(byadirectpath:arecognisedprovincialornationalR&Dinstitution)",
     "SpecialisedandsophisticatedSME(专精特新中小企业):notmet(scorerange25–90)"),
])
def test_a_tier_met_by_a_direct_path_shows_no_score_range_beside_its_verdict(tmp_path: Path, fmt: str, lang: str,
                                                                            said: str, scored: str) -> None:
    """「✔ 创新型中小企业：满足（得分区间 45–90）」 for a company met by its 省级研发机构: a range reaching below
    the 60 asked read as if the tier might still fail. The line names the direct path that meets it
    instead; a tier that fails keeps its score range."""
    path = tmp_path / "co.yaml"
    path.write_text(RENEWING, encoding="utf-8")
    out = verdicts(run(path, "--renewal", "little_giant", lang=lang, fmt=fmt), fmt)
    if fmt == "html":  # the status is a badge before the name: the name and its note alone
        said, scored = (re.sub(r"[：:](满足|不满足|met|notmet)", "", x) for x in (said, scored))
    assert said in out and scored in out, out
    assert "45–90" not in out


def test_a_tier_met_by_its_score_keeps_the_score() -> None:
    """The score stays where it is what meets the tier (90 and 87, over the 60 asked)."""
    from tests.conftest import EXAMPLES

    out = verdicts(run(EXAMPLES / "little-giant-2022.yaml", "--as-of", "2026-03-01"), "text")
    assert "创新型中小企业：满足（得分90）" in out and "专精特新中小企业：满足（得分87）" in out
    assert "直通" not in out


def test_a_tier_awaiting_review_on_its_score_shows_the_score_not_a_direct_path() -> None:
    """A 2022 专精特新 whose score reaches 60 only with the points awaiting review (the chain-role item),
    every direct path unmet, was said 「待审核（符合直通条件，无需评分）」: no direct path held. Its score
    range stays beside the verdict."""
    from tests.conftest import EXAMPLES

    out = verdicts(run(EXAMPLES / "little-giant-2022.yaml", "--as-of", "2025-06-01", "--set", "awards.provincial_rank=0",
                       "--set", "awards.maker_china=none", "--set", "field.foundation=false", "--set",
                       "characteristic_score=6", "--set", "digital_level=1", "--set", "ip.class1_high_value=0"), "text")
    assert "专精特新中小企业：待审核（得分区间60–80）" in out, out
    assert "直通" not in out.split("专精特新中小企业：", 1)[1].split("专精特新", 1)[0], out
