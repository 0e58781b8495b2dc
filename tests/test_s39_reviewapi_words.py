"""What a script reads when a what-if puts a whole below several of its parts: the keys to add, listed as
English lists them."""

from __future__ import annotations

from datetime import date

import pytest
from tests.conftest import EXAMPLES

import littlegiant

DAY = date(2026, 11, 26)


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
