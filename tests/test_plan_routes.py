"""Which route of an any-of a plan takes: the one nearest for the company, not the first the rule
data lists nor a choice counted as one step however many levels it climbs."""

from __future__ import annotations

import pytest
from tests.conftest import EXAMPLES
from tests.test_plan_years import STARTUP, plan_block
from tests.test_reports import cli, squash

ZJTX_HEAD = "专精特新中小企业：最早2028年申报"
PATENT = "与主导产品相关的有效Ⅰ类知识产权：0 → 1项（+1）；实际应用并已产生经济效益的Ⅰ类知识产权：0 → 1项（+1）"


@pytest.mark.parametrize("institution", ["none", "below_city"])
def test_a_company_without_a_patent_is_asked_for_one_applied_patent_not_a_provincial_institution(
        institution: str) -> None:
    """A micro start-up with no Ⅰ类 patent and no recognised R&D institution was told 研发机构 从「无」
    提升到「省级」: three accreditations up counted as one step. One applied Ⅰ类 patent (the patent and
    its being applied, said as one step, the whole first) is nearer; from below city level the two
    weigh the same and the rule's order (the patent first) decides."""
    out = cli("assess", STARTUP, "--lang", "zh", "--as-of", "2026-12-02", "--set", f"rd_institution={institution}",
              columns=80)
    block = plan_block(out, ZJTX_HEAD)
    assert "已验证" in block
    assert squash(PATENT) in block
    assert "研发机构" not in block


def test_a_city_level_institution_one_level_short_is_raised_instead() -> None:
    """With a city-level institution, provincial recognition is one level up: nearer than a patent the
    company does not have."""
    out = cli("assess", STARTUP, "--lang", "zh", "--as-of", "2026-12-02", "--set", "rd_institution=city", columns=80)
    block = plan_block(out, ZJTX_HEAD)
    assert squash("经认定的研发机构的最高级别：从「市级」提升到「省级（省部级）」") in block
    assert "Ⅰ类知识产权" not in block


def test_a_part_and_its_whole_are_one_english_step_with_the_whole_first() -> None:
    """The part (class I IP applied and already earning) opened a step of its own, before the total it is part of."""
    out = cli("assess", STARTUP, "--lang", "en", "--as-of", "2026-12-02", columns=200)
    assert squash("Valid class I IP related to the main product: 0 → 1 item (+1); Class I IP applied and already "
                  "earning: 0 → 1 item (+1)") in squash(out)


def test_a_title_below_left_blank_is_planned_as_not_held_and_says_so() -> None:
    """With 专精特新 left blank, the 小巨人 plan was dated 2027 under a 专精特新 plan dated 2028: two plans that
    cannot both hold. The title below is planned as not held (the tier no sooner than its round) and the
    step says the answer was not given and would change the plan."""
    out = cli("assess", str(EXAMPLES / "tier1-only.yaml"), "--lang", "zh", "--as-of", "2026-12-02",
              "--set", "titles.zjtx_sme=不知道", columns=80)
    block = plan_block(out, '专精特新"小巨人"企业：最早2028年申报')
    assert squash("须先取得「专精特新中小企业」称号，该称号最早2028年申报，本层级不能早于这一年") in block
    assert squash("先取得「专精特新中小企业」称号（按上面的计划最早2028年申报）。资料中未填是否已持有这一称号，"
                  "本计划按目前尚未持有安排；如已持有，请补填后重新评估") in block
    assert '专精特新"小巨人"企业：最早2027年' not in squash(out)
    held = cli("assess", str(EXAMPLES / "tier1-only.yaml"), "--lang", "zh", "--as-of", "2026-12-02", columns=80)
    assert "资料中未填是否已持有" not in held  # answered 否: planned as not held, with nothing to say
