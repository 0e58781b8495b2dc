"""A check's figure as its sentence writes it, by the kept way (``words._figure_text`` and the float test of
how far its threshold is) and as ``num`` writes it beside that threshold: the same text, whatever the figure;
and a long figure's JSON number as json.dumps writes it."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from littlegiant.core.result import json_number
from littlegiant.report import result_json, words


def _kept(v: Decimal, near: Decimal) -> str:
    """The figure as ``Phrasing._figure_row`` writes it beside ``near``."""
    hit = words._figure_text(v, str(v), {})
    f = float(near)
    return hit[0] if f < hit[1] or f > hit[2] else words.num(v, near=near)


EDGES = ["999.996", "999.994", "999.995", "-999.995", "0.004", "-0.004", "0.0000001", "-0.0000001", "1", "-1", "1.004",
         "0.995", "99.995", "79.995", "80.004999", "1000000000.5", "999999999.999", "0", "-0", "12345678", "1234.5"]


@pytest.mark.parametrize("text", EDGES)
@pytest.mark.parametrize("near", ["80", "0", "1", "1000", "100"])
def test_edges_read_as_num_writes_them(text: str, near: str) -> None:
    """Figures on and about a rounding's edges, as quotients of 28 digits write them, read as num writes them."""
    for v in (Decimal(text), Decimal(text) * Decimal("1.0000000000000000000000001"), Decimal(text) / 3 * 3):
        assert _kept(v, Decimal(near)) == words.num(v, near=Decimal(near))
        assert words._figure_text(v, str(v), {})[3] == (v == 1)


@settings(max_examples=400, deadline=None)
@given(st.integers(-10**12, 10**12), st.integers(1, 10**9), st.sampled_from([1, 100]),
       st.decimals(min_value=-10**6, max_value=10**6, places=3, allow_nan=False, allow_infinity=False))
def test_quotients_read_as_num_writes_them(a: int, b: int, scale: int, near: Decimal) -> None:
    """A share (a ÷ b, × 100) beside any threshold, and beside one just off it, reads as num writes it."""
    v = Decimal(a) / Decimal(b) * scale
    for n in (near, v, v + Decimal("0.004"), v - Decimal("0.006"), v.quantize(Decimal("0.01"))):
        assert _kept(v, n) == words.num(v, near=n)


@settings(max_examples=400, deadline=None)
@given(st.integers(-10**12, 10**12), st.integers(1, 10**12), st.sampled_from([1, 100, 10**6, 10**9, Decimal("0.001")]))
def test_a_quotients_json_number_is_json_dumps(a: int, b: int, scale: int | Decimal) -> None:
    """A long figure's JSON text (result_json._long, its float's repr read off its 6 places) is what
    json.dumps writes for json_number of it, from 0.0001 up and below."""
    v = Decimal(a) / Decimal(b) * scale
    for x in (v, v / 10**4, v / 10**5):
        text = str(x)
        if len(text) > 16:
            assert result_json._long(x, text) == json.dumps(json_number(x))
