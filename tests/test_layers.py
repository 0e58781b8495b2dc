"""Imports run one way: load → core → report → cli, with api beside the CLI.

Every module under src/littlegiant is parsed (imports inside functions count too), so a
loader that reaches for a renderer, or a core module that makes sentences through the report
layer, fails here with the file and line."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "littlegiant"
LAYERS = ("load", "core", "report", "cli")
"""Lowest first: a layer may import its own and lower layers, never a higher one."""
BASE = {"errors", "i18n", "lazyre", "messages", "records"}
"""Top-level modules every layer may use (exceptions, the message catalog, the error messages in
zh and en that exceptions carry, patterns compiled on first use, the cheaper dataclass); they import
no layer."""


def _layer(module: str) -> str | None:
    """The layer of a dotted module name inside the package ('' for the package itself)."""
    parts = module.split(".")
    if parts[0] != "littlegiant":
        return None
    if len(parts) == 1:
        return ""
    return parts[1]


def _imports(path: Path) -> list[tuple[int, str]]:
    """(line, module) of every littlegiant module ``path`` imports, wherever in the file."""
    here = "littlegiant." + ".".join(path.relative_to(PACKAGE).with_suffix("").parts)
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: from the module's own package
                package = here.split(".")[: -node.level]
                base = ".".join([*package, base] if base else package)
            # `from littlegiant import core` names a layer; `from littlegiant.core import plan` a module in it
            found += [(node.lineno, f"{base}.{a.name}" if base == "littlegiant" and not a.name.startswith("__")
                       else base) for a in node.names]
    return sorted({(line, m) for line, m in found if _layer(m) is not None})


def _allowed(layer: str, target: str) -> bool:
    if target == "":  # `littlegiant` itself: its __version__
        return True
    if target in BASE:
        return True
    if layer in BASE:
        return target in BASE
    if layer in LAYERS:
        return target in LAYERS and LAYERS.index(target) <= LAYERS.index(layer)
    if layer == "api":
        return target != "cli" and target in (*LAYERS, "api")
    return True  # __init__ and __main__ sit on top


MODULES = sorted(PACKAGE.rglob("*.py"))


def test_every_module_sits_in_a_known_place() -> None:
    """A module outside the layers and the base set would escape the check below."""
    places = {p.relative_to(PACKAGE).parts[0].removesuffix(".py") for p in MODULES}
    assert places <= {*LAYERS, *BASE, "api", "__init__", "__main__"}, places


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_imports_run_one_way(path: Path) -> None:
    """No module imports a layer above its own."""
    layer = path.relative_to(PACKAGE).parts[0].removesuffix(".py")
    wrong = [f"{path.relative_to(PACKAGE)}:{line}: imports {module}"
             for line, module in _imports(path) if not _allowed(layer, _layer(module) or "")]
    assert not wrong, "\n".join(wrong)
