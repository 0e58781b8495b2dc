"""littlegiant: check a Chinese SME against MIIT's 专精特新 ladder of titles.

The Python API (docs/output.md §9, README "Python"): ``load_rules``, ``read_profile``, ``assess``,
``compare``, ``render_comparison``, ``screen``, ``calendar_choice`` and ``to_json``, and the types they take and give:
``Summary`` and ``TierSummary`` are what a screen's items hold (``Screened.summary``, one
``TierSummary`` a tier), named so a script can annotate its own functions that take them. They
are imported on first use, so that the command line, which imports this package too, starts no
slower for them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

# Static on purpose: importlib.metadata costs 45-90 ms at every start.
__version__ = "0.1.0"

__all__ = ["Assessment", "Choice", "InputError", "Profile", "ProfileSource", "Result", "RuleSet", "RulesError", "Screened",
           "Summary", "TierSummary", "__version__", "assess", "calendar_choice", "compare", "load_rules", "read_profile",
           "render_comparison", "screen", "to_json"]

if TYPE_CHECKING:  # what a type checker reads (the package ships py.typed); at run time, __getattr__ below
    from littlegiant.api import (
        Assessment,
        ProfileSource,
        RulesError,
        Screened,
        assess,
        calendar_choice,
        compare,
        load_rules,
        read_profile,
        render_comparison,
        screen,
        to_json,
    )
    from littlegiant.core.plan import Summary, TierSummary
    from littlegiant.core.result import Result
    from littlegiant.errors import InputError
    from littlegiant.load.profile import Profile
    from littlegiant.load.rulecalendar import Choice
    from littlegiant.load.rules import RuleSet

_ELSEWHERE = {"InputError": "littlegiant.errors", "Result": "littlegiant.core.result",
              "Summary": "littlegiant.core.plan", "TierSummary": "littlegiant.core.plan",
              "Profile": "littlegiant.load.profile", "Choice": "littlegiant.load.rulecalendar",
              "RuleSet": "littlegiant.load.rules"}
"""The types a caller's annotations name, from the modules that define them (the rest are api's)."""


def __dir__() -> list[str]:
    """The API's names, for ``dir()``, ``help()`` and a notebook's completion (they load on first use)."""
    return sorted(__all__)


def __getattr__(name: str) -> Any:
    if name in _ELSEWHERE:
        import importlib

        return getattr(importlib.import_module(_ELSEWHERE[name]), name)
    if name in __all__:
        from littlegiant import api

        return getattr(api, name)
    raise AttributeError(f"module 'littlegiant' has no attribute {name!r}")
