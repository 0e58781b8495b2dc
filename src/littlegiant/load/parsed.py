"""The built-in rule files in parsed form, so that an assessment does not parse YAML.

Parsing the built-in YAML is most of an assessment's own start-up (about 90 ms of it, with the C
parser); reading the same data from JSON takes a few. ``rules/_parsed/NAME.json`` holds, for each
built-in ``rules/NAME.yaml``, exactly what :func:`littlegiant.load.yamlio.read_data_file` makes of
it (mappings and lists with the line of every key and item, ``Decimal`` numbers), and the sha256 of
the YAML bytes it was made from. It is read only when that digest matches the YAML beside it, so an
edited rule file is always read from its YAML; the data then goes through the same typed reader as
the YAML would, which checks every key and type again. Nothing here runs code: the form is inert
JSON, and a file that does not decode as expected is ignored.

The files are made by ``python -m littlegiant.load.parsed`` and shipped in the wheel with ``rules/``;
a test makes them again and fails when one differs from what is committed. A rule file a user names
(``--rules FILE``) is never looked up here: it is read from its YAML, with its line numbers.
"""

from __future__ import annotations

import hashlib
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

from littlegiant.load.yamlio import MAX_FILE_BYTES, LineDict, LineList, read_data_file

FORMAT = 1
"""The layout of a parsed file; one of another layout is ignored (read from its YAML)."""
FOLDER = "_parsed"
"""Where, inside the rules folder, the parsed files are kept."""
_MAP, _SEQ, _DEC = "m", "s", "d"


def parsed_path(yaml_path: Path, rules_dir: Path) -> Path | None:
    """The parsed file of a built-in rule file, or None for a file outside the rules folder."""
    try:
        relative = yaml_path.relative_to(rules_dir)
    except ValueError:
        return None
    if relative.parts[:1] == (FOLDER,) or relative.suffix != ".yaml":
        return None
    return rules_dir / FOLDER / relative.with_suffix(".json")


def read(yaml_path: Path, rules_dir: Path, file: str) -> Any:
    """What the YAML file holds, from its parsed file, each mapping and list marked as read from ``file``;
    None when there is none or it was not made from this YAML (then the caller reads the YAML)."""
    target = parsed_path(yaml_path, rules_dir)
    if target is None:
        return None
    try:
        with open(yaml_path, "rb") as handle:
            source = handle.read(MAX_FILE_BYTES + 1)
        with open(target, "rb") as handle:
            doc = json.loads(handle.read(4 * MAX_FILE_BYTES))
        if not isinstance(doc, dict) or doc.get("format") != FORMAT \
                or doc.get("sha256") != hashlib.sha256(source).hexdigest():
            return None
        return _decode(doc["data"], file)
    except (OSError, ValueError, KeyError, TypeError, IndexError, RecursionError):
        return None  # no parsed file, or one this version does not read: the YAML is the truth


def _decode(value: Any, file: str) -> Any:
    """The reader's data from its parsed form; ``file`` as :func:`littlegiant.load.rules` marks it."""
    if type(value) is not list:
        return value
    tag = value[0]
    if tag == _MAP:
        mapping = LineDict()
        mapping.line = value[1]
        mapping.file = file  # type: ignore[attr-defined]
        lines = mapping.lines
        for i in range(2, len(value), 3):
            key, item = value[i], value[i + 2]
            if type(key) is list:
                key = _decode(key, file)
            mapping[key] = _decode(item, file) if type(item) is list else item
            lines[key] = value[i + 1]
        return mapping
    if tag == _SEQ:
        items = LineList(_decode(v, file) if type(v) is list else v for v in value[3::2])
        items.lines = value[2::2]
        items.line = value[1]
        items.file = file  # type: ignore[attr-defined]
        return items
    if tag == _DEC:
        return Decimal(value[1])
    raise ValueError(f"unknown tag {tag!r}")


def _encode(value: Any) -> Any:
    if isinstance(value, LineDict):
        out: list[Any] = [_MAP, value.line]
        for key, item in value.items():
            out += [_encode(key), value.lines.get(key), _encode(item)]
        return out
    if isinstance(value, LineList):
        out = [_SEQ, value.line]
        for line, item in zip(value.lines, value, strict=True):
            out += [line, _encode(item)]
        return out
    if isinstance(value, Decimal):
        return [_DEC, str(value)]
    if value is None or isinstance(value, bool | int | str):
        return value
    raise TypeError(f"{type(value).__name__} has no parsed form")


def render(yaml_path: Path) -> str:
    """The parsed file's text for one YAML file (as committed: one line of JSON)."""
    data = read_data_file(yaml_path)
    source = yaml_path.read_bytes()
    doc = {"format": FORMAT, "sha256": hashlib.sha256(source).hexdigest(), "data": _encode(data)}
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":")) + "\n"


def sources(rules_dir: Path) -> list[Path]:
    """The built-in files an assessment may read: every YAML under the rules folder but the test cases."""
    return sorted(p for p in rules_dir.rglob("*.yaml")
                  if not p.name.endswith(".tests.yaml") and parsed_path(p, rules_dir) is not None)


def expected(rules_dir: Path) -> dict[Path, str]:
    """Each parsed file as it should read, by its path."""
    out: dict[Path, str] = {}
    for path in sources(rules_dir):
        target = parsed_path(path, rules_dir)
        assert target is not None  # sources() keeps only files that have one
        out[target] = render(path)
    return out


def write(rules_dir: Path) -> list[Path]:
    """Make every parsed file again and remove those whose YAML is gone; the files that changed."""
    changed = []
    wanted = expected(rules_dir)
    for target, text in wanted.items():
        if not target.is_file() or target.read_text(encoding="utf-8") != text:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
            changed.append(target)
    for stale in (rules_dir / FOLDER).rglob("*.json"):
        if stale not in wanted:
            stale.unlink()
            changed.append(stale)
    return changed


if __name__ == "__main__":  # python -m littlegiant.load.parsed: after editing a built-in rule file
    from littlegiant.load.rules import builtin_dir

    for path in write(builtin_dir()):
        print(f"wrote {path}")
