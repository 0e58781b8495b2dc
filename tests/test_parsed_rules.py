"""The built-in rule files' parsed form (rules/_parsed): current, exact, and used only when made from the YAML."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from tests.conftest import EXAMPLES, ROOT

from littlegiant.load import parsed, rules
from littlegiant.load.yamlio import LineDict, LineList, read_data_file

RULES = ROOT / "rules"


def same(a: Any, b: Any, where: str = "") -> None:
    """Equal as read: the same types (int is not Decimal), digits as written, keys in order, every line."""
    assert type(a) is type(b), f"{where}: {type(a).__name__} vs {type(b).__name__}"
    if isinstance(a, LineDict):
        assert list(a) == list(b) and a.lines == b.lines and a.line == b.line, where
        assert getattr(a, "file", None) == getattr(b, "file", None), where
        for key in a:
            same(a[key], b[key], f"{where}.{key}")
    elif isinstance(a, LineList):
        assert a.lines == b.lines and a.line == b.line and len(a) == len(b), where
        assert getattr(a, "file", None) == getattr(b, "file", None), where
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            same(x, y, f"{where}[{i}]")
    else:
        assert a == b and str(a) == str(b), f"{where}: {a!r} vs {b!r}"


def test_the_committed_parsed_files_are_those_the_yaml_makes_today() -> None:
    """A rule file edited without `python -m littlegiant.load.parsed` fails here, and no parsed file is left over."""
    wanted = parsed.expected(RULES)
    committed = set((RULES / parsed.FOLDER).rglob("*.json"))
    assert committed == set(wanted), "run: python -m littlegiant.load.parsed"
    for target, text in wanted.items():
        assert target.read_text(encoding="utf-8") == text, f"{target} is stale: run python -m littlegiant.load.parsed"
    assert {p.stem for p in committed} >= {"_base", "miit-2022", "miit-2026", "calendar", "_glossary"}


@pytest.mark.parametrize("path", parsed.sources(RULES), ids=lambda p: str(p.relative_to(RULES)))
def test_a_parsed_file_holds_exactly_what_the_yaml_reader_makes(path: Path) -> None:
    """Every value, its type and digits (1.10 stays Decimal 1.10), and the file and line of every key and item."""
    fast = parsed.read(path, RULES, "shown.yaml")
    assert fast is not None
    slow = read_data_file(path)
    rules._tag(slow, "shown.yaml")
    same(fast, slow)


def test_a_rule_set_read_from_its_parsed_files_is_the_one_read_from_yaml(monkeypatch: pytest.MonkeyPatch) -> None:
    """The same criteria, thresholds, files and lines either way (formulas compared by their text)."""
    def shown(rs: rules.RuleSet) -> str:
        return re.sub(r" at 0x[0-9a-f]+", "", repr(rs))

    for ref in ("miit-2022", "miit-2026", str(RULES / "overlays" / "shandong-2022.yaml")):
        rules._CACHE.clear()
        fast = rules.load(ref)
        monkeypatch.setattr(parsed, "read", lambda *_: None)
        rules._CACHE.clear()
        slow = rules.load(ref)
        monkeypatch.undo()
        assert shown(fast) == shown(slow), ref
    rules._CACHE.clear()


def _copy_rules(tmp_path: Path) -> Path:
    target = tmp_path / "rules"
    shutil.copytree(RULES, target)
    return target


def test_an_edited_rule_file_is_read_from_its_yaml_not_its_old_parsed_file(tmp_path: Path) -> None:
    """The parsed file names the sha256 of the bytes it was made from; other bytes are read as YAML."""
    copy = _copy_rules(tmp_path)
    path = copy / "miit-2026.yaml"
    assert parsed.read(path, copy, str(path)) is not None
    path.write_text(path.read_text(encoding="utf-8").replace("id: miit-2026", "id: miit-2026x", 1), encoding="utf-8")
    assert parsed.read(path, copy, str(path)) is None


@pytest.mark.parametrize("content", [b"", b"not json", b"[1, 2]", b'{"format": 1}', b'{"format": 99, "sha256": ""}',
                                     b"[" * 100_000, b'{"format": 1, "sha256": "SHA", "data": ["x", 1]}'])
def test_a_broken_parsed_file_is_ignored_and_the_yaml_read(tmp_path: Path, content: bytes) -> None:
    """Whatever a parsed file holds, the worst it can do is not be used (it is data, never code)."""
    copy = _copy_rules(tmp_path)
    path = copy / "miit-2026.yaml"
    target = copy / parsed.FOLDER / "miit-2026.json"
    target.write_bytes(content.replace(b"SHA", hashlib.sha256(path.read_bytes()).hexdigest().encode()))
    assert parsed.read(path, copy, str(path)) is None


def test_assess_says_the_same_with_and_without_the_parsed_files(tmp_path: Path) -> None:
    """An installed copy whose parsed files are gone (or stale) gives the same JSON result, only slower."""
    args = ["assess", str(EXAMPLES / "little-giant-2026.yaml"), "--format", "json", "--as-of", "2026-11-26"]
    fast = subprocess.run([sys.executable, "-m", "littlegiant", *args], capture_output=True, text=True, check=True)
    program = ("import sys; from littlegiant.load import parsed; parsed.read = lambda *a: None; "
               "from littlegiant.cli.app import main; sys.argv = ['littlegiant', *sys.argv[1:]]; main()")
    slow = subprocess.run([sys.executable, "-c", program, *args], capture_output=True, text=True, check=True)
    assert fast.stdout == slow.stdout and '"little_giant"' in fast.stdout


def test_a_file_outside_the_rules_folder_is_never_looked_up(tmp_path: Path) -> None:
    """--rules FILE is read from its YAML, with its own line numbers, even beside a folder named _parsed."""
    mine = tmp_path / "miit-2026.yaml"
    shutil.copy(RULES / "miit-2026.yaml", mine)
    (tmp_path / parsed.FOLDER).mkdir()
    shutil.copy(RULES / parsed.FOLDER / "miit-2026.json", tmp_path / parsed.FOLDER / "miit-2026.json")
    assert parsed.parsed_path(mine, RULES) is None and parsed.read(mine, RULES, str(mine)) is None
    assert parsed.parsed_path(RULES / parsed.FOLDER / "x.yaml", RULES) is None


_KEYS = st.one_of(st.text(max_size=8), st.integers(-10**6, 10**6))
_SCALARS = st.one_of(st.none(), st.booleans(), st.integers(-10**20, 10**20), st.text(max_size=12),
                     st.decimals(allow_nan=False, allow_infinity=False))
_LINES = st.one_of(st.none(), st.integers(1, 10_000))


def _line_dict(pairs: list[tuple[Any, Any, int | None]], line: int | None) -> LineDict:
    d = LineDict()
    d.line = line
    for key, value, key_line in pairs:
        d[key] = value
        d.lines[key] = key_line
    return d


def _line_list(items: list[tuple[Any, int | None]], line: int | None) -> LineList:
    out = LineList(v for v, _ in items)
    out.lines = [n for _, n in items]
    out.line = line
    return out


_DATA = st.recursive(
    _SCALARS,
    lambda inner: st.one_of(
        st.builds(_line_dict, st.lists(st.tuples(_KEYS, inner, _LINES), max_size=4, unique_by=lambda t: t[0]), _LINES),
        st.builds(_line_list, st.lists(st.tuples(inner, _LINES), max_size=4), _LINES)),
    max_leaves=20)


@given(_DATA)
@example(_line_list([(Decimal(t), 3) for t in ('5', '1.10', '-0.0', '1E+3', '0.000001')], 2))
def test_any_data_the_yaml_reader_makes_comes_back_from_its_parsed_form(data: Any) -> None:
    """Decimals keep their digits (1.10, 5E+3, -0.0), ints stay ints, and every line comes back."""
    back = parsed._decode(json.loads(json.dumps(parsed._encode(data), ensure_ascii=False)), "f.yaml")
    rules._tag(data, "f.yaml")
    same(back, data)


def test_assessing_a_json_profile_with_the_built_in_rules_never_imports_pyyaml(tmp_path: Path) -> None:
    """PyYAML's import is a large part of start-up; the built-in rules come from JSON, so only a YAML file needs it."""
    profile = tmp_path / "company.json"
    data = read_data_file(EXAMPLES / "little-giant-2026.yaml")
    profile.write_text(json.dumps(data, default=str, ensure_ascii=False), encoding="utf-8")
    program = ("import sys; from littlegiant.cli.app import main; sys.argv = ['littlegiant', *sys.argv[1:]]\n"
               "try:\n    main()\nfinally:\n    sys.stderr.write('yaml' if 'yaml' in sys.modules else 'no yaml')")
    done = subprocess.run([sys.executable, "-c", program, "assess", str(profile), "--format", "json",
                           "--as-of", "2026-11-26"], capture_output=True, text=True, check=False)
    assert done.returncode == 0 and done.stderr.endswith("no yaml"), done.stderr
    from_yaml = subprocess.run([sys.executable, "-m", "littlegiant", "assess", str(EXAMPLES / "little-giant-2026.yaml"),
                                "--format", "json", "--as-of", "2026-11-26"], capture_output=True, text=True, check=True)
    statuses = [{t: v["status"] for t, v in json.loads(out)["tiers"].items()} for out in (done.stdout, from_yaml.stdout)]
    assert statuses[0] == statuses[1] and statuses[0]["little_giant"]
