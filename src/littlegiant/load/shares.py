"""A share column of a park's sheet typed as fractions throughout (0.16 for 16%), found across its rows.

Excel holds 16% as 0.16 and shows it so in a cell left in General format; the profile wants percent
(12.5 means 12.5%). Each such cell is read as typed, 0.16%, and its row's 需核对的数据 asks whether a
fraction was meant (consistency.FRACTION): one note among many on every row, which a park scanning
verdicts missed, while 主要差距 said 「国内细分市场占有率达到10%以上（现为0.16%）」 of a company at 16%.
A whole column of figures between 0 and 1 is the pattern of the format, not of small shares: the run
names the column once, at its end and on the 说明 sheet. Nothing is reinterpreted: a real 0.5% share
is possible, and only the park can say which was meant.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from decimal import Decimal

from littlegiant import lazyre
from littlegiant.errors import InputError
from littlegiant.load.answers import percent_signed, read_typed
from littlegiant.load.consistency import FRACTION_MOST
from littlegiant.load.rules import FieldDef, RuleSet
from littlegiant.records import record

_PLAIN = lazyre.compile(r"\d{1,15}(?:\.\d{1,15})?", re.ASCII)
"""A bare figure, as most share cells hold one (0.16, 12.5): read at once, no sign or word to look for."""


@record(frozen=True)
class FractionColumn:
    """A share column whose every figure read was a bare number above 0 and at most 1: where (file and
    sheet, as the run's other notes name a table), its header as typed, how many such figures, and the
    first of them, as typed (0.16), for the note's example."""

    where: str
    header: str
    count: int
    example: Decimal


class _Tally:
    """What one column's cells have shown so far."""

    __slots__ = ("example", "fractions", "other")

    def __init__(self) -> None:
        self.fractions = 0  # bare figures 0 < v <= 1
        self.other = 0  # a figure above 1, or one typed with its % sign (or formatted as a percentage)
        self.example: Decimal | None = None


class ShareColumns:
    """Watches a run's rows (header → cell text, by table) for share columns typed as fractions. Cheap
    per row: a table's share columns are found from its first row's headers, and only their cells are read."""

    def __init__(self, rules: RuleSet, last_year: int | None) -> None:
        self._rules = rules
        self._last_year = last_year
        self._tables: dict[str, tuple[tuple[str, FieldDef], ...]] = {}
        self._tallies: dict[tuple[str, str], _Tally] = {}

    def see(self, where: str, cells: Mapping[str, str]) -> None:
        """Take one row of the table ``where`` (its cells by header, as the reader gives them)."""
        shares = self._tables.get(where)
        if shares is None:
            shares = self._tables[where] = self._share_headers(cells)
        if not shares:
            return
        settled = False
        for header, f in shares:
            text = cells.get(header)
            if not text:
                continue
            if _PLAIN.fullmatch(text):  # 0.16, 12.5: most cells, no sign to look for
                value: object = Decimal(text)
                signed = False
            else:
                try:
                    value, _ = read_typed(f, text, where=header)
                except InputError:  # refused: the row says why, and it is no figure of the column
                    continue
                signed = percent_signed(f, text)
            if not isinstance(value, Decimal) or value == 0:  # unknown, or 0: the same in either reading
                continue
            tally = self._tallies.setdefault((where, header), _Tally())
            if value > FRACTION_MOST or signed:
                tally.other += 1
                settled = True
            else:
                tally.fractions += 1
                if tally.example is None:
                    tally.example = value
        if settled:  # a column in percent after all: its other rows are not read
            self._tables[where] = tuple((h, f) for h, f in shares if not self._tallies.get((where, h), _Tally()).other)

    def _share_headers(self, cells: Mapping[str, str]) -> tuple[tuple[str, FieldDef], ...]:
        from littlegiant.load.tabular import column

        found = []
        for header in cells:
            try:
                _, f = column(self._rules, header, self._last_year)
            except InputError:  # a column no rule reads (序号, 联系人), or the reader's own keys
                continue
            if f.type == "percent":
                found.append((header, f))
        return tuple(found)

    def columns(self) -> list[FractionColumn]:
        """The share columns every figure of which was a fraction, in the order first met."""
        return [FractionColumn(where, header, tally.fractions, tally.example)
                for (where, header), tally in self._tallies.items()
                if tally.fractions and not tally.other and tally.example is not None]
