"""``re.compile`` for a module's patterns, compiled when first used rather than when the module loads.

The sheet reader alone holds some 90 patterns and the answer reader 60: compiled at import they cost a
JSON Lines batch about 45 ms of its start-up and an assessment about 7 ms (issue #14), though a run
uses few of them. A pattern made here is compiled by its first use; the module-level names it was
bound to are then bound to the compiled pattern itself, so a function that reads it by its global name
pays nothing more on a later call (a batch row's hot paths do). Held elsewhere (a tuple, a class, another
module's import of it), it answers every later use from attributes it keeps (a dictionary look-up, as a
pattern's method is). Use it at module level only: ``re.sub(PATTERN, ...)`` and the like take a compiled
pattern, not this; call the pattern's own method (``PATTERN.sub(...)``), which is the same.
"""

from __future__ import annotations

import re
import sys
from typing import Any, AnyStr


class _Later:
    """A pattern not compiled yet; ``pattern`` is its text, readable without compiling it (a pattern
    built from another's text)."""

    def __init__(self, pattern: str | bytes, flags: int, where: dict[str, Any]) -> None:
        self.pattern = pattern
        self._made = (flags, where)

    def __getattr__(self, name: str) -> Any:
        real = self.__dict__.get("_real")
        if real is None:
            flags, where = self._made
            real = self._real = re.compile(self.pattern, flags)
            for key in [key for key, value in where.items() if value is self]:
                where[key] = real
        value = getattr(real, name)
        self.__dict__[name] = value
        return value

    def __reduce__(self) -> tuple[Any, ...]:
        return re.compile, (self.pattern, self._made[0])

    def __repr__(self) -> str:
        return f"lazyre.compile({self.pattern!r})"


def compile(pattern: AnyStr, flags: int | re.RegexFlag = 0) -> re.Pattern[AnyStr]:
    """``re.compile(pattern, flags)``, done on the pattern's first use. For module-level names only:
    those the calling module binds it to are bound to the compiled pattern once it is made."""
    return _Later(pattern, int(flags), sys._getframe(1).f_globals)  # type: ignore[return-value]
