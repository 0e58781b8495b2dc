"""A module's patterns are compiled when first used, not when it loads (issue #14: the sheet and
answer readers' 150 patterns cost a JSON Lines batch some 45 ms of start-up), and behave as
``re.compile``'s do wherever they are held."""

from __future__ import annotations

import pickle
import re
import subprocess
import sys

from littlegiant import lazyre


def _module(source: str) -> dict[str, object]:
    """The globals of a module made of ``source``, as an import runs it."""
    namespace: dict[str, object] = {"__name__": "made_here"}
    exec(compile(source, "made_here.py", "exec"), namespace)
    return namespace


def test_the_readers_compile_no_pattern_as_they_load() -> None:
    """Imported alone, the sheet reader, the answer reader and the report's explanations hold no
    compiled pattern: each is made by its first use."""
    code = ("import re, sys\nimport littlegiant.load.tabular as t, littlegiant.load.answers as a\n"
            "import littlegiant.report.explanations as e, littlegiant.load.rules as r\n"
            "made = [f'{m.__name__}.{k}' for m in (t, a, e, r) for k, v in vars(m).items() if isinstance(v, re.Pattern)]\n"
            "print(len([v for m in (t, a) for v in vars(m).values() if type(v).__name__ == '_Later']), made)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    waiting, made = done.stdout.split(" ", 1)
    assert int(waiting) > 100, done.stdout
    assert made.strip() == "[]", done.stdout


def test_a_pattern_once_used_is_the_compiled_one_under_every_name_of_its_module() -> None:
    """The first use binds the module's names to the compiled pattern: a later call by the name pays
    for no stand-in (a batch row's hot paths read patterns by their global names)."""
    made = _module("from littlegiant import lazyre\nWORD = lazyre.compile(r'[a-z]+')\nALSO = WORD\n"
                   "def first(text):\n    return WORD.match(text).group()\n")
    assert not isinstance(made["WORD"], re.Pattern)
    assert made["first"]("abc1") == "abc"  # type: ignore[operator]
    assert made["WORD"] is made["ALSO"]
    assert made["WORD"] is re.compile(r"[a-z]+")


def test_a_pattern_held_elsewhere_answers_as_the_compiled_one() -> None:
    """Kept in a tuple (or imported by another module before its first use), the stand-in gives what
    the compiled pattern gives, for every method, with its flags, bytes patterns included."""
    held = (lazyre.compile(r"(\d+)年", re.ASCII),)
    real = re.compile(r"(\d+)年", re.ASCII)
    text = "2025年与2024年"
    assert held[0].pattern == real.pattern
    assert held[0].findall(text) == real.findall(text) == ["2025", "2024"]
    assert held[0].sub(r"<\1>", text) == real.sub(r"<\1>", text)
    assert [m.span() for m in held[0].finditer(text)] == [m.span() for m in real.finditer(text)]
    assert held[0].split(text) == real.split(text)
    assert held[0].search("x") is None and held[0].fullmatch("12年").group(1) == "12"  # type: ignore[union-attr]
    assert held[0].flags == real.flags and held[0].groups == 1
    data = (lazyre.compile(rb"<(\w+)>"),)
    assert data[0].findall(b"<a><bc>") == [b"a", b"bc"]


def test_a_pattern_built_from_another_ones_text_leaves_it_uncompiled() -> None:
    """``pattern`` is there before any use: the sheet reader builds patterns from others' text."""
    made = _module("from littlegiant import lazyre\nA = lazyre.compile('x|y')\nB = lazyre.compile(A.pattern + '|z')\n")
    assert not isinstance(made["A"], re.Pattern)
    assert made["B"].match("z") is not None  # type: ignore[attr-defined]
    assert not isinstance(made["A"], re.Pattern)


def test_a_pattern_pickles_as_the_compiled_one() -> None:
    """An object holding a pattern crosses to a worker process whole: it unpickles as re.compile's."""
    before = lazyre.compile(r"\s+", re.MULTILINE)
    assert pickle.loads(pickle.dumps(before)) is re.compile(r"\s+", re.MULTILINE)
    before.match(" ")
    assert pickle.loads(pickle.dumps(before)) is re.compile(r"\s+", re.MULTILINE)
