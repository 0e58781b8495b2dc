"""Answers as people type them at the interview: 0.8亿, 8,000万元, ５０％, 对, 没有.

A finance manager reads amounts off statements in 元 or 亿 and answers yes or no in whatever
words come first; refusing ``0.8亿`` or ``对`` makes them stop. Everything here turns such text
into the profile's canonical value (万元 for money) and says which conversion it made, so the
interview can show it back ("0.8亿 = 8,000 万元") before it is saved. No terminal, no words.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal

from littlegiant.errors import InputError
from littlegiant.load.profile import Scalar, check_value, choice_named
from littlegiant.load.rules import FieldDef

YES = frozenset({"是", "是的", "对", "对的", "有", "有的", "y", "yes", "true", "1", "✓"})
NO = frozenset({"否", "不是", "不对", "没有", "无", "没", "不", "n", "no", "false", "0", "✗"})

# money units → how many 万元 one of them is; longest first so 亿元 wins over 元
MONEY_UNITS: tuple[tuple[str, Decimal], ...] = (
    ("万亿元", Decimal(100000000)), ("亿元", Decimal(10000)), ("亿", Decimal(10000)),
    ("千万元", Decimal(1000)), ("千万", Decimal(1000)), ("百万元", Decimal(100)), ("百万", Decimal(100)),
    ("万元", Decimal(1)), ("万", Decimal(1)), ("千元", Decimal("0.1")), ("元", Decimal("0.0001")),
)
_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)$")


@dataclass(frozen=True)
class Conversion:
    """An amount typed in another unit than 万元: what was typed and what it is in 万元."""

    typed: str
    value: Decimal


def normalise(text: str) -> str:
    """Full-width digits and punctuation to their ASCII forms (NFKC), thousands separators and
    spaces out: ``８，０００ 万元`` → ``8000万元``."""
    text = unicodedata.normalize("NFKC", text).strip()
    return re.sub(r"[,_\s'’、]", "", text.replace("。", "."))


def plain(value: Decimal) -> Decimal:
    """8000.0 → 8000, 0.50 → 0.5: a value that saves as it would be typed."""
    if value == value.to_integral_value():
        return Decimal(int(value))
    return value.normalize()


def _number(f: FieldDef, text: str, where: str) -> Decimal:
    if not _NUMBER.match(text):
        raise InputError(f"expected {_expected(f)}, got {text!r}", field=where)
    # the pattern admits only plain decimals, which Decimal always reads
    return Decimal(text)


def _expected(f: FieldDef) -> str:
    return {"money": "an amount in 万元 (a number, not negative; 8000万, 0.8亿 and 80,000,000元 work too)",
            "signed_money": "an amount in 万元 (8000万, 0.8亿 and -500万 work too)",
            "percent": "a percentage from 0 to 100",
            "int": "a whole number"}.get(f.type, "a number")


def parse_answer(f: FieldDef, text: str, where: str | None = None) -> tuple[Scalar | None, Conversion | None]:
    """The value of one typed answer (None: "don't know") and the unit conversion made, if any.

    Raises InputError saying what was expected when the text is not an answer to ``f``.
    """
    where = where or f.path
    raw = normalise(text)
    if raw == "":
        return None, None
    if f.type == "text":
        return check_value(f, text.strip(), where=where), None
    if f.type == "bool":
        low = raw.lower()
        if low in YES:
            return True, None
        if low in NO:
            return False, None
        raise InputError(f"expected yes or no (是/否, 对/不是, 有/没有, y/n), got {text.strip()!r}", field=where)
    if f.type == "choice":
        if raw.isdigit() and 1 <= int(raw) <= len(f.choices):
            return f.choices[int(raw) - 1], None
        found = choice_named(f, text.strip()) or choice_named(f, raw)
        if found is None:
            raise InputError(f"expected a number from 1 to {len(f.choices)} or one of the names listed, "
                             f"got {text.strip()!r}", field=where)
        return found, None
    if f.type in ("money", "signed_money"):
        raw = raw.replace("−", "-")  # the minus sign of Word and Excel
        if f.type == "signed_money" and raw.startswith("(") and raw.endswith(")"):
            raw = "-" + raw[1:-1]  # (120) is how statements write a loss
        for unit, factor in MONEY_UNITS:
            if raw.endswith(unit):
                number = _number(f, raw[: -len(unit)], where)
                value = plain(number * factor)
                conversion = None if factor == 1 else Conversion(text.strip(), value)
                return check_value(f, value, where=where), conversion
        return check_value(f, plain(_number(f, raw, where)), where=where), None
    if f.type == "percent":
        raw = raw.removesuffix("%")
    else:
        if f.unit and raw.endswith(f.unit):
            raw = raw[: -len(f.unit)]
        if raw.startswith("第") or raw.endswith("名"):  # a rank typed as 第3名
            raw = raw.removeprefix("第").removesuffix("名")
    return check_value(f, plain(_number(f, raw, where)), where=where), None
