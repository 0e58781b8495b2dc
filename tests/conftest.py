"""Shared helpers: build profiles from flat dotted paths and assess them in-process."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings

from littlegiant.core import engine
from littlegiant.core.result import CriterionResult, Result
from littlegiant.load import profile, rules

# Examples are timed on a shared 2-CPU machine, where a slow minute is not a failure: no deadlines.
settings.register_profile("littlegiant", deadline=None)
settings.load_profile("littlegiant")

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
EARLIER_CSV = "source,name,status\nold.csv:2,Co,scored\n"
"""An earlier batch's results (a .csv with the id columns): what a run may write over, and must keep
when it fails; batch refuses to overwrite any other file."""
EARLIER_JSONL = '{"source": "old.csv:2", "name": "Co", "status": "scored"}\n'
AS_OF_2022 = date(2026, 3, 1)  # last year 2025, miit-2022 in force
AS_OF_2026 = date(2026, 11, 26)  # last year 2025, miit-2026 in force


def command_line(line: str) -> bool:
    """A line that is a command to copy, with at most the brackets and punctuation around it
    (「（littlegiant assess …），」): the wrapper gives a command a line of its own where it does not fit
    beside its words, letting go of a bracket around it (「…问答（」 / the command / 「），在…」) where it must."""
    from littlegiant.report.linebreak import commands

    return any(not line[:a].strip(" （(「：:") and not line[b:].strip(" ）)」，。；、,.;") for a, b in commands(line))


def wide_command(line: str, width: int) -> bool:
    """A command's own line wider than ``width``: it stands whole (``linebreak``), and the terminal folds
    it at its edge; folded by the wrapper, a copy of either line was part of the command."""
    from rich.cells import cell_len

    return cell_len(line) > width and command_line(line)


def fits(line: str, width: int) -> bool:
    """Within ``width`` cells, or a line of its own for a command wider than that."""
    from rich.cells import cell_len

    return cell_len(line) <= width or wide_command(line, width)


def half_missing_unheld(folder: Path) -> Path:
    """examples/half-missing.yaml with its 创新型 title not held, written in ``folder``: its tier 1 (未知) then
    has a plan of 19 questions, which the example itself, holding the title, needs no more (no 复核)."""
    import yaml

    data = yaml.safe_load((EXAMPLES / "half-missing.yaml").read_text(encoding="utf-8"))
    data["titles"]["innovative_sme"] = False
    path = folder / "half-missing.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def flat(path: Path, rule_id: str = "miit-2026") -> dict[str, Any]:
    """An example profile as flat dotted paths."""
    return dict(profile.load_profile(path, rules.load(rule_id)).values)


def make(rule_id: str, base: dict[str, Any], **changes: Any) -> profile.Profile:
    """A validated profile: ``base`` with ``changes`` (keys use __ for dots; None removes)."""
    rs = rules.load(rule_id)
    values = dict(base)
    for key, value in changes.items():
        path = key.replace("__", ".")
        if value is None:
            values.pop(path, None)
            continue
        f = profile.field_for_path(rs, path)
        if isinstance(value, int | float | str) and not isinstance(value, bool) and f.type not in ("choice", "text"):
            value = Decimal(str(value))
        values[path] = profile.check_value(f, value)
    return profile.Profile(values)


def run(rule_id: str, base: dict[str, Any], as_of: date | None = None, renewal: str | None = None, **changes: Any) -> Result:
    as_of = as_of or (AS_OF_2022 if rule_id == "miit-2022" else AS_OF_2026)
    return engine.evaluate(rules.load(rule_id), make(rule_id, base, **changes), as_of, renewal)


def typed(value: object, rule_id: str, path: str) -> str:
    """What a user types at the interview for ``value``: 是/n, ``12,000``, a choice's number; Enter for None."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "n"
    if isinstance(value, Decimal):
        return f"{value:,}"
    f = profile.field_for_path(rules.load(rule_id), path)
    return str(f.choices.index(value) + 1) if f.type == "choice" else str(value)


def crit(result: Result, cid: str) -> CriterionResult:
    found = result.criterion(cid)
    assert found is not None, f"no criterion {cid}"
    return found[1]


@pytest.fixture(scope="session")
def lg2026() -> dict[str, Any]:
    return flat(EXAMPLES / "little-giant-2026.yaml")


@pytest.fixture(scope="session")
def lg2022() -> dict[str, Any]:
    return flat(EXAMPLES / "little-giant-2022.yaml")


def nested(values: dict[str, Any]) -> dict[str, Any]:
    """Dotted paths and their values as the nested structure of a profile file (years as numbers)."""
    out: dict[str, Any] = {}
    for path, value in values.items():
        *parents, last = (int(p) if p.isdigit() else p for p in path.split("."))
        node = out
        for part in parents:
            node = node.setdefault(part, {})
        node[last] = value
    return out


def stderr_on_a_terminal(args: list[str], env: dict[str, str], cwd: Path | None = None) -> tuple[int, str]:
    """(exit code, what a terminal shows) of a command whose stderr is a pseudo-terminal: what is said
    only to a person at a terminal (progress, the rule set a batch was judged by) shows there."""
    import os
    import pty
    import re
    import subprocess

    leader, follower = pty.openpty()
    done = subprocess.run(args, cwd=cwd, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                          stderr=follower, timeout=120, check=False)
    os.close(follower)
    said = b""
    while True:
        try:
            block = os.read(leader, 1 << 16)
        except OSError:  # the terminal's other end is closed: everything is read
            break
        if not block:
            break
        said += block
    os.close(leader)
    return done.returncode, re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", said.decode("utf-8")).replace("\r", "")
