"""Strict YAML and JSON reading for profiles and rule files.

PyYAML's defaults are wrong for data people type by hand: duplicate keys silently keep the
last value, ``NO``/``yes`` become booleans, ``010`` becomes 8, ``1.10`` loses its trailing
digit as a float, and dates become ``date`` objects. This loader resolves only
``true``/``false``, ``null``, decimal integers and decimal numbers (as ``Decimal``); every
other plain scalar stays a string, so the validators can say what was expected instead.
It also records the line of every mapping key for ``file:line`` messages.
"""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

from littlegiant.errors import InputError

try:
    _BaseLoader: type = yaml.CSafeLoader  # the C parser, about 10x faster
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _BaseLoader = yaml.SafeLoader


class LineDict(dict):  # type: ignore[type-arg]
    """A dict that remembers the source line (1-based) of each key."""

    lines: dict[Any, int]
    line: int | None

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lines = {}
        self.line = None


class LineList(list):  # type: ignore[type-arg]
    """A list that remembers the source line of each item."""

    lines: list[int | None]
    line: int | None

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.lines = []
        self.line = None


class StrictLoader(_BaseLoader):  # type: ignore[misc,valid-type]
    """SafeLoader with YAML 1.2-like scalars, duplicate-key rejection and line marks."""


StrictLoader.yaml_implicit_resolvers = {}
StrictLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
StrictLoader.add_implicit_resolver(
    "tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""]
)
StrictLoader.add_implicit_resolver(
    "tag:yaml.org,2002:int", re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$"), list("-+0123456789")
)
StrictLoader.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$"),
    list("-+0123456789."),
)


def _construct_decimal(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> Decimal:
    return Decimal(loader.construct_scalar(node))


def _construct_mapping(loader: yaml.SafeLoader, node: yaml.MappingNode) -> LineDict:
    result = LineDict()
    result.line = node.start_mark.line + 1
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        line = key_node.start_mark.line + 1
        try:
            hash(key)
        except TypeError:
            raise InputError("a mapping key must be a plain value", line=line) from None
        if key in result:
            raise InputError(
                f"duplicate key {key!r} (first at line {result.lines[key]})", line=line
            )
        result[key] = loader.construct_object(value_node, deep=True)
        result.lines[key] = line
    return result


def _construct_sequence(loader: yaml.SafeLoader, node: yaml.SequenceNode) -> LineList:
    result = LineList(loader.construct_object(child, deep=True) for child in node.value)
    result.lines = [child.start_mark.line + 1 for child in node.value]
    result.line = node.start_mark.line + 1
    return result


StrictLoader.add_constructor("tag:yaml.org,2002:float", _construct_decimal)
StrictLoader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)
StrictLoader.add_constructor("tag:yaml.org,2002:seq", _construct_sequence)


def _reject_json_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise InputError(f"duplicate key {key!r}")
        result[key] = value
    return result


def parse_text(text: str, name: str, *, json_only: bool = False) -> Any:
    """Parse YAML (a superset of JSON) or, with ``json_only``, strict JSON.

    Raises InputError naming ``name`` and the line on any syntax problem.
    """
    if json_only:
        try:
            return json.loads(
                text, parse_float=Decimal, object_pairs_hook=_reject_json_duplicates
            )
        except InputError as exc:
            raise exc.located(name) from None
        except json.JSONDecodeError as exc:
            raise InputError(f"invalid JSON: {exc.msg}", file=name, line=exc.lineno) from None
    try:
        return yaml.load(text, Loader=StrictLoader)
    except InputError as exc:
        raise exc.located(name) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        problem = exc.problem or exc.context or "invalid YAML"
        raise InputError(f"invalid YAML: {problem}", file=name, line=line) from None
    except yaml.YAMLError as exc:
        raise InputError(f"invalid YAML: {exc}", file=name) from None


def read_data_file(path: Path, encoding: str | None = None) -> Any:
    """Read a YAML or JSON file (by extension; JSON is strict) with clean errors; its encoding is
    detected (UTF-8, GB18030/GBK, UTF-16 with a byte-order mark) unless ``encoding`` is given."""
    name = str(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InputError("no such file", file=name) from None
    except IsADirectoryError:
        raise InputError("is a folder, expected a file", file=name) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", file=name) from None
    from littlegiant.charsets import decode

    text = decode(raw, name, encoding)
    return parse_text(text, name, json_only=path.suffix.lower() == ".json")


def line_of(container: Any, key: Any) -> int | None:
    """The source line of ``key`` in a mapping or list read by this module, if known."""
    if isinstance(container, LineDict):
        return container.lines.get(key, container.line)
    if isinstance(container, LineList) and isinstance(key, int) and key < len(container.lines):
        return container.lines[key]
    return getattr(container, "line", None)
