"""The simple-profile reader gives exactly what PyYAML's strict loader gives, or leaves the document to it."""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.conftest import EXAMPLES, ROOT

from littlegiant.errors import InputError
from littlegiant.load.yamlio import NOT_SIMPLE, LineDict, parse_simple, parse_text, parse_yaml

SAFE = ["a", "b", "c", "name", "2025", "2024", "-1", "+5", "0", "1.10", ".5", "true", "False", "null", "", "a b", "名称",
        "示例 公司", "x1", "1e5", "007", "a,b", "a-b", "\u00a0x", "é", "x\u3000", "a?b", "a'b", "10.0"]
TRICKY = ["-0", "5.", "1.5e3", "1_000", "0x1F", "TRUE", "tRUE", "no", "yes", "Null", "NULL", "~", "a  b", "a:b", "a: b",
          "x#y", "x #y", "'q'", '"q"', "a, b", "{", "}", "[x]", "x]", "&a", "*a", "!x", "!!str x", "- x", "-x", "? x", "?x",
          "%x", "@x", "`x", "\u3000x", "<<", "=", "---", "...", "|", ">", 'a"b', "12:30", "http://x", "-", ".", "+", ".x",
          "-.5", "9" * 101, "inf", ".inf", ".nan", "1.0"]
TOKEN = st.sampled_from(SAFE * 6 + TRICKY)
FLOW = st.one_of(
    st.lists(st.tuples(TOKEN, st.sampled_from([": ", ":", " : ", ":  "]), TOKEN), max_size=4).map(
        lambda pairs: "{" + ", ".join(k + sep + v for k, sep, v in pairs) + "}"),
    st.sampled_from(["{}", "{ }", "{a: 1,}", "{a: {b: 1}}", "{a: 1} x", "{a: 1}  # c", "{a: [1]}", "{a: 1, a: 2}",
                     "{1: a, 1.0: b}"]))
COMMENT = st.sampled_from(["", "", "", " # c", "  # 注释", " #", "# c", "\t# c"])
LINE = st.one_of(
    st.tuples(st.sampled_from([0, 0, 0, 1, 2, 2, 2, 3, 4, 4, 6]), TOKEN,
              st.sampled_from([":", ": ", ":  ", " :", ": \t", ":\t", ": "]), st.one_of(st.just(""), TOKEN, FLOW),
              COMMENT).map(lambda t: " " * t[0] + t[1] + t[2] + t[3] + t[4]),
    st.sampled_from(["", "", "# comment", "  # c", "---", "...", "- item", "  - item", "\t", " ", "a", "x\r", "%YAML 1.1",
                     "a: b\u2028c", "a: b\x85", "\ufeffa: 1", "a: \U0001f600", "a: \x07"]))
LINES = st.tuples(st.lists(LINE, min_size=1, max_size=12), st.booleans()).map(
    lambda t: "\n".join(t[0]) + ("\n" if t[1] else ""))


def _render(tree: list[Any], indent: int = 0) -> list[str]:
    out = []
    for key, value, step, comment in tree:
        if isinstance(value, list):
            out.append(" " * indent + key + ":" + comment)
            out.extend(_render(value, indent + step))
        else:
            out.append(" " * indent + key + ":" + (" " + value if value else "") + comment)
    return out


LEAF = st.tuples(TOKEN, st.one_of(TOKEN, TOKEN, FLOW), st.just(2), COMMENT)
TREE = st.recursive(st.lists(LEAF, min_size=1, max_size=4),
                    lambda inner: st.lists(st.one_of(LEAF, st.tuples(TOKEN, inner, st.sampled_from([1, 2, 2, 4]), COMMENT)),
                                           min_size=1, max_size=4), max_leaves=12)
EXTRA = st.lists(st.tuples(st.integers(0, 20), st.sampled_from(["", "# c", "  ", "---", "- x", "  a: 1", "a:"])), max_size=2)


def _nested(tree: list[Any], extra: list[tuple[int, str]], newline: bool) -> str:
    lines = _render(tree)
    for at, text in extra:
        lines.insert(min(at, len(lines)), text)
    return "\n".join(lines) + ("\n" if newline else "")


NESTED = st.builds(_nested, TREE, EXTRA, st.booleans())


def _same(a: Any, b: Any) -> bool:
    """Equal values of the same types, Decimals written alike, mappings with the same keys and lines."""
    if type(a) is not type(b):
        return False
    if isinstance(a, LineDict):
        return (a.line == b.line and a.lines == b.lines and list(a) == list(b)
                and all(type(x) is type(y) for x, y in zip(a, b, strict=True)) and all(_same(a[k], b[k]) for k in a))
    if isinstance(a, Decimal):
        return str(a) == str(b)
    return bool(a == b)


@settings(max_examples=600, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.one_of(LINES, NESTED, NESTED))
def test_a_simple_reading_is_pyyamls_reading(text: str) -> None:
    """Where the simple reader answers, PyYAML's strict loader reads the same mappings, values, types and lines."""
    simple = parse_simple(text)
    if simple is NOT_SIMPLE:
        return
    try:
        strict = parse_yaml(text, "x.yaml")
    except InputError as exc:
        pytest.fail(f"the simple reader accepted what PyYAML refuses ({exc}): {text!r}")
    assert _same(simple, strict), (text, simple, strict)


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.yaml")), ids=lambda p: p.name)
def test_the_example_profiles_are_read_simply_and_alike(path: Any) -> None:
    """Each example profile takes the simple path, and reads as PyYAML reads it."""
    text = path.read_text(encoding="utf-8")
    simple = parse_simple(text)
    assert simple is not NOT_SIMPLE
    assert _same(simple, parse_yaml(text, str(path)))


@pytest.mark.parametrize(("text", "kind", "line"), [
    ("name: a\nemployees: 5\nname: b\n", "data.duplicate", 3),
    ("financials:\n  2025: {revenue: 1}\n  '2025': {revenue: 2}\n", "data.duplicate", 3),
    ("a: {b: 1, b: 2}\n", "data.duplicate", 1),
    ("a: 1\n b: 2\n", "data.yaml", 2),
    ("a: " + "9" * 101 + "\n", "data.number_chars", 1),
])
def test_errors_are_still_pyyamls(text: str, kind: str, line: int) -> None:
    """A document the simple reader leaves alone is refused by PyYAML's path, with its kind of error and line."""
    assert parse_simple(text) is NOT_SIMPLE
    with pytest.raises(InputError) as caught:
        parse_text(text, "p.yaml")
    assert (caught.value.kind, caught.value.line) == (kind, line)


def test_an_assessment_of_a_simple_profile_does_not_import_pyyaml() -> None:
    """The point of the simple reader: a YAML profile is assessed without importing PyYAML (a fifth of the start-up)."""
    code = ("import sys, io, contextlib\n"
            "sys.argv = ['littlegiant', 'assess', sys.argv[1], '--format', 'json', '--as-of', '2026-11-26']\n"
            "from littlegiant.cli.app import main\n"
            "with contextlib.redirect_stdout(io.StringIO()):\n"
            "    try:\n        main()\n    except SystemExit:\n        pass\n"
            "print('yaml' in sys.modules)\n")
    out = subprocess.run([sys.executable, "-c", code, str(EXAMPLES / "little-giant-2026.yaml")], cwd=ROOT,
                         capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False", out.stderr


@pytest.mark.parametrize("line", ["company: " * 4000 + "x#", "k" + " :" * 8000 + "#", "a" + " " * 16000 + "b"])
def test_a_long_line_goes_to_pyyaml_at_once(line: str, tmp_path: Any) -> None:
    """A line the simple pattern would try in every way before refusing (minutes for a 16 KB line,
    hours for one near the size limit) is handed to PyYAML unmatched: ``assess`` refuses such a
    profile with PyYAML's one-line message and exit 2, as it did before the simple reader."""
    text = "name: a\n" + line + "\n"
    assert parse_simple(text) is NOT_SIMPLE
    path = tmp_path / "long.yaml"
    path.write_text(text, encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "littlegiant", "assess", str(path), "--as-of", "2026-11-26",
                           "--lang", "en"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 2 and done.stderr.count("\n") == 1 and "long.yaml" in done.stderr, done.stderr


@pytest.mark.parametrize(("text", "keys", "lines"), [
    ("1: a\ntrue: b\n", [(int, 1), (bool, True)], [1, 2]),
    ("true: a\n1: b\n", [(bool, True), (int, 1)], [1, 2]),
    ("0: a\nfalse: b\n", [(int, 0), (bool, False)], [1, 2]),
    ("1: a\n1.0: b\ntrue: c\n", [(int, 1), (Decimal, Decimal("1.0")), (bool, True)], [1, 2, 3]),
    ("{2025: a, 2025.0: b}\n", [(int, 2025), (Decimal, Decimal("2025.0"))], [1, 1]),
])
def test_keys_python_takes_for_one_are_different_keys_as_written(
        text: str, keys: list[tuple[type, object]], lines: list[int]) -> None:
    """1, True and 1.0 are equal to Python, so ``1:`` beside ``true:`` was "duplicate key True (first at
    line 1)": they are different keys as written, each kept with its own value and line."""
    data = parse_text(text, "p.yaml")
    held = list(data)
    assert [(type(getattr(k, "key", k)), getattr(k, "key", k)) for k in held] == keys
    assert [data.lines[k] for k in held] == lines
    assert len(data) == len(keys) and all(str(k) == str(v) for k, (_, v) in zip(held, keys, strict=True))


@pytest.mark.parametrize(("text", "said", "line"), [
    ("1: a\n1: b\n", "duplicate key 1 (first at line 1)", 2),
    ("true: a\nTrue: b\n", "duplicate key True (first at line 1)", 2),
    ("1: a\ntrue: b\nTRUE: c\n", "duplicate key True (first at line 2)", 3),
    ("1.0: a\n1.00: b\n", "duplicate key '1.00' (first at line 1)", 2),
    ("2025: a\n'2025': b\n", "duplicate key '2025' (first at line 1)", 2),
])
def test_keys_the_same_in_type_and_value_are_still_duplicates(text: str, said: str, line: int) -> None:
    """The same key twice is refused as before, as is ``2025:`` beside ``"2025":`` (one profile path)."""
    with pytest.raises(InputError) as caught:
        parse_text(text, "p.yaml")
    assert (caught.value.message, caught.value.line) == (said, line)


@pytest.mark.parametrize(("body", "said"), [
    ("honors:\n  1: yes\n  true: no\n",
     "p.yaml:4: honors.1: unknown field (expected one of: high_tech_enterprise, ip_advantage, tech_innovation_demo)"),
    ("honors:\n  true: no\n  1: yes\n",
     "p.yaml:4: honors.true: unknown field (expected one of: high_tech_enterprise, ip_advantage, tech_innovation_demo)"),
    ("financials:\n  2025: {revenue: 5000}\n  2025.0: {revenue: 6}\n",
     "p.yaml:5: financials.2025.0: expected a year between 1990 and 2100 as the key, got 2025.0"),
])
def test_a_profile_with_keys_python_takes_for_one_is_refused_for_the_key_at_its_line(
        body: str, said: str, tmp_path: Any) -> None:
    """A profile's ``1:`` and ``true:`` were refused as a duplicate key they are not: each key now meets the
    profile's own checks, and the first wrong one is named at its own line, in one line and exit 2."""
    (tmp_path / "p.yaml").write_text("name: 甲公司\nemployees: 50\n" + body, encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "littlegiant", "assess", "p.yaml", "--as-of", "2026-11-26",
                           "--lang", "en"], cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert done.returncode == 2 and done.stderr.count("\n") == 1, done.stderr
    assert done.stderr.startswith(f"littlegiant: error: {said}"), done.stderr


@pytest.mark.parametrize("ending", ["---\n", "---", "--- # end\n\n# saved by the template\n", "---\n\n\n"])
def test_a_bare_document_start_closing_the_file_is_no_second_document(ending: str) -> None:
    """A file closed by --- (an editor's or a template's habit) was refused: "expected a single document
    in the stream, but found another document", its one document whole above it (the second review). Two
    documents with content are still refused, at the second's line."""
    assert parse_text(f"name: 甲公司\nemployees: 12\n{ending}", "p.yaml") == {"name": "甲公司", "employees": 12}
    with pytest.raises(InputError) as caught:
        parse_text("name: 甲公司\n---\nname: 乙公司\n", "p.yaml")
    assert caught.value.line == 2 and "single document" in str(caught.value)
