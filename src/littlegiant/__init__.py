"""littlegiant: check a Chinese SME against MIIT's 专精特新 ladder of titles.

The Python API (docs/output.md, "Python"): ``load_rules``, ``read_profile``, ``assess``,
``compare``, ``screen``, ``calendar_choice`` and ``to_json``. They are imported on first use, so
that the command line, which imports this package too, starts no slower for them.
"""

from __future__ import annotations

from typing import Any

# Static on purpose: importlib.metadata costs 45-90 ms at every start.
__version__ = "0.1.0"

__all__ = ["Assessment", "InputError", "Screened", "__version__", "assess", "calendar_choice", "compare",
           "load_rules", "read_profile", "screen", "to_json"]


def __getattr__(name: str) -> Any:
    if name == "InputError":
        from littlegiant.errors import InputError

        return InputError
    if name in __all__:
        from littlegiant import api

        return getattr(api, name)
    raise AttributeError(f"module 'littlegiant' has no attribute {name!r}")
