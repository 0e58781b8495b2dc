"""A yes whose remark only names what is asked (是高新, 是高企 to 有效期内的高新技术企业; 是专精特新 to the title) is a
yes: each was told 「不能算作“是”……已过期……」, the words for a lapsed or pending title. A remark that may undo
the yes (已过期, 申报中) is still refused."""

from __future__ import annotations

import pytest

from littlegiant.errors import InputError
from littlegiant.load import rules
from littlegiant.load.answers import read_typed

RS = rules.load("miit-2026")


def _field(path: str) -> object:
    return next(f for f in RS.fields.values() if f.path == path)


@pytest.mark.parametrize(("path", "typed"), [("honors.high_tech_enterprise", "是高新"),
                                             ("honors.high_tech_enterprise", "是高企"),
                                             ("honors.high_tech_enterprise", "是，高新技术企业"),
                                             ("titles.zjtx_sme", "是专精特新")])
def test_a_yes_naming_the_question_is_a_yes(path: str, typed: str) -> None:
    assert read_typed(_field(path), typed, where=path)[0] is True  # type: ignore[arg-type]


@pytest.mark.parametrize("typed", ["是（已过期）", "是，申报中", "是（待认定）"])
def test_a_yes_a_remark_may_undo_is_still_asked(typed: str) -> None:
    with pytest.raises(InputError):
        read_typed(_field("honors.high_tech_enterprise"), typed, where="honors.high_tech_enterprise")  # type: ignore[arg-type]


@pytest.mark.parametrize("typed", ["前三", "前3名", "国内前三", "排名前三"])
def test_a_rank_said_as_top_three_is_told_what_to_type(typed: str) -> None:
    """前三 to 主导产品国内细分市场排名 was told only 「应填整数」, and the owner had no way to say what they knew."""
    with pytest.raises(InputError) as told:
        read_typed(_field("market.domestic_rank"), typed, where="market.domestic_rank")  # type: ignore[arg-type]
    said = told.value.render("zh")
    assert "是一个范围，不是名次：请填具体名次（如 2）；只知道在前 3 名以内时，可填 3（按其中最后一名判定）" in said, said
    assert read_typed(_field("market.domestic_rank"), "第三", where="market.domestic_rank")[0] == 3  # type: ignore[arg-type]


@pytest.mark.parametrize(("path", "typed"), [("market.leading", "主导的"), ("market.leading", "没有主导"),
                                             ("field.priority_domain", "主导的")])
def test_zhudao_of_the_main_product_answers_nothing(path: str, typed: str) -> None:
    """Found in review: 主导的 to 主导产品在国内或国际细分市场占有率较为靠前…？ was saved as 是: the question's 主导 is the
    main product's, no verb the answer can echo. 主导过 to the standard a company led still answers it."""
    with pytest.raises(InputError):
        read_typed(_field(path), typed, where=path)  # type: ignore[arg-type]
    assert read_typed(_field("awards.led_standard_5y"), "主导过", where="x")[0] is True  # type: ignore[arg-type]
