"""A what_if key mistyped in a consultant's script: the Chinese message offers the question's words, which what_if
takes as its key, and no dotted field id (rd_staff, financials.2025.revenue) a client shown it cannot read."""

from __future__ import annotations

import re
from datetime import date

import pytest
from tests.conftest import EXAMPLES

import littlegiant

DAY = date(2026, 11, 26)
PROFILE = EXAMPLES / "tier1-only.yaml"


@pytest.mark.parametrize(("typed", "offered", "value"), [
    ("rd_staf", "研发人员人数", 7), ("financials.2025.revenu", "营业收入（2025年）", 9000),
    ("financials.2025.rd_expence", "研发费用（2025年）", 300)])
@pytest.mark.parametrize("call", ["assess", "compare"])
def test_a_mistyped_what_if_key_is_offered_as_the_question_it_names(typed: str, offered: str, value: int,
                                                                     call: str) -> None:
    """It said 您是不是想写「研发人员人数」（rd_staff）？, the field's id beside its words; the words alone now, and
    they work as the key. English keeps the id a script types ('rd_staff'), its kind and params kept."""
    def run(what_if: dict[str, object]) -> object:
        if call == "assess":
            return littlegiant.assess(PROFILE, as_of=DAY, what_if=what_if)
        return littlegiant.compare(PROFILE, ["miit-2022", "miit-2026"], as_of=DAY, what_if=what_if)

    with pytest.raises(littlegiant.InputError) as caught:
        run({typed: value})
    zh = caught.value.render("zh")
    assert zh == f"what_if：没有“{typed}”这个项目；您是不是想写「{offered}」？"
    assert re.search(r"[a-z]+_[a-z]+|\.\d{4}\.", zh.removeprefix("what_if").replace(typed, "")) is None
    assert caught.value.kind == "set.no_field_near" and caught.value.params["path"] == typed
    assert str(caught.value).startswith(f"what_if {typed}: no such field {typed!r}; did you mean '")
    run({offered: value})  # the words offered are a key what_if takes


@pytest.mark.parametrize(("what_if", "said"), [
    (["financials.2025.revenue"], "what_if：应写成“项目=值”（如“营业收入（2025年）=5000”），现在是“financials.2025.revenue”"),
    ({"financials": 3}, "what_if：这是一组项目，请写到具体的一项（如「营业收入（2025年）」）"),
])
def test_a_what_if_of_the_wrong_shape_shows_a_key_in_words(what_if: object, said: str) -> None:
    """Its example was financials.2025.revenue=5000: a dotted id where the question's words work as well."""
    with pytest.raises(littlegiant.InputError) as caught:
        littlegiant.assess(PROFILE, as_of=DAY, what_if=what_if)  # type: ignore[arg-type]
    assert caught.value.render("zh") == said
    littlegiant.assess(PROFILE, as_of=DAY, what_if=["营业收入（2025年）=5000"])
