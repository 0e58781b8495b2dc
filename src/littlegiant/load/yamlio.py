"""Strict YAML and JSON reading for profiles and rule files.

PyYAML's defaults are wrong for data people type by hand: duplicate keys silently keep the
last value, ``NO``/``yes`` become booleans, ``010`` becomes 8, ``1.10`` loses its trailing
digit as a float, and dates become ``date`` objects. This loader resolves only
``true``/``false``, ``null``, decimal integers and decimal numbers (as ``Decimal``); every
other plain scalar stays a string, so the validators can say what was expected instead.
It also records the line of every mapping key for ``file:line`` messages.

Files may be hostile, so the reader bounds its work before it grows (README, "Limits and
threat model"): the file's size, the nodes after alias expansion (a "billion laughs" file of
a few hundred bytes otherwise expands to millions), the aliases, the nesting depth and the
length of a number. Explicit tags (``!!int abc``, ``!!python/...``) and lone surrogates are
refused with one line each.

Most profiles are nested ``key: value`` lines and one-line ``{key: value}`` mappings. Those
:func:`parse_simple` reads without PyYAML, whose import is a fifth of an assessment's start-up
(its reader compiles a pattern of most of Unicode): the same mappings, values and lines, held to
PyYAML's reading by a property test. Any other document (lists, quotes, a duplicate key, a tab,
anything it is not sure of) goes to PyYAML, which says every error.
"""

from __future__ import annotations

import functools
import json
import math
import os
import re
import stat
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TYPE_CHECKING, Any

from littlegiant import lazyre
from littlegiant.errors import InputError
from littlegiant.messages import SystemError_, clip

if TYPE_CHECKING:
    import yaml


MAX_FILE_BYTES = 1_000_000
"""A profile or rule file larger than this is refused unread (the built-in rule files are under 30 KB)."""
MAX_NODES = 100_000
"""Values in one file after YAML aliases are expanded (the largest built-in rule file has about 2,100)."""
MAX_ALIASES = 100
"""Alias uses (``*name``) in one file; the built-in rule files use none."""
MAX_DEPTH = 32
"""Levels of nested mappings and lists (the built-in rule files nest 14 deep)."""
MAX_NUMBER_CHARS = 100
"""Characters of one number as written (more would be slow to convert, and means nothing here)."""

_STR_TAG = "tag:yaml.org,2002:str"
_NULL_TAG = "tag:yaml.org,2002:null"
_PLAIN = (None, "")
"""A plain scalar's style: None from PyYAML's own parser, "" from libyaml's."""
_COLLECTION_TAGS = {"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"}


_INT_TEXT = r"[-+]?(?:0|[1-9][0-9]*)"
_FLOAT_TEXT = r"[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?"
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_NULL = ("null", "Null", "NULL")
"""The plain scalars the strict loader resolves (every other stays a string); :func:`parse_simple` reads the same."""
_INT = lazyre.compile(_INT_TEXT)
_FLOAT = lazyre.compile(_FLOAT_TEXT)


def _has_surrogate(text: str) -> bool:
    """Whether ``text`` holds a lone surrogate (U+D800 to U+DFFF), which no UTF-8 can encode: a
    regular expression of that range would cost more to compile, at every start, than this takes."""
    if text.isascii():
        return False
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


class LineDict(dict):
    """A dict that remembers the source line (1-based) of each key."""

    lines: dict[Any, int]
    line: int | None

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lines = {}
        self.line = None


class LineList(list):
    """A list that remembers the source line of each item."""

    lines: list[int | None]
    line: int | None

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.lines = []
        self.line = None


@functools.cache
def _loader() -> type:
    """The strict loader: SafeLoader (the C parser, about 10x faster, when PyYAML has it) with
    YAML 1.2-like scalars, duplicate-key rejection and line marks.

    Made on first use: importing PyYAML costs about 30 ms (its reader compiles a large pattern),
    which an assessment of a JSON or simple YAML profile (:func:`parse_simple`), or a batch of a
    CSV file, never needs now that the built-in rule files are read from their parsed form
    (littlegiant.load.parsed)."""
    import yaml

    base: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # SafeLoader: PyYAML built without libyaml

    class StrictLoader(base):
        """SafeLoader with YAML 1.2-like scalars, duplicate-key rejection and line marks."""

    StrictLoader.yaml_implicit_resolvers = {}
    StrictLoader.add_implicit_resolver(
        "tag:yaml.org,2002:bool", re.compile(f"^(?:{'|'.join(_BOOL)})$"), list("tTfF")
    )
    StrictLoader.add_implicit_resolver(
        "tag:yaml.org,2002:null", re.compile(f"^(?:~|{'|'.join(_NULL)}|)$"), ["~", "n", "N", ""]
    )
    StrictLoader.add_implicit_resolver(
        "tag:yaml.org,2002:int", re.compile(f"^{_INT_TEXT}$"), list("-+0123456789")
    )
    StrictLoader.add_implicit_resolver(
        "tag:yaml.org,2002:float",
        re.compile(f"^{_FLOAT_TEXT}$"),
        list("-+0123456789."),
    )
    StrictLoader.add_constructor("tag:yaml.org,2002:float", _construct_decimal)
    StrictLoader.add_constructor("tag:yaml.org,2002:int", _construct_int)
    StrictLoader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)
    StrictLoader.add_constructor("tag:yaml.org,2002:seq", _construct_sequence)
    return StrictLoader


def _number_text(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> str:
    text = loader.construct_scalar(node)
    if len(text) > MAX_NUMBER_CHARS:
        raise InputError(kind="data.number_chars", params={"chars": len(text), "most": MAX_NUMBER_CHARS},
                         line=node.start_mark.line + 1)
    return text


def read_decimal(text: str, line: int | None = None) -> Decimal:
    """A number as written, exactly; one whose exponent is past what Decimal holds
    (``1.0e9999999999999999999``, short enough for MAX_NUMBER_CHARS) is refused in words, not met as
    a bug."""
    try:
        return Decimal(text)
    except InvalidOperation:
        raise InputError(kind="data.number_range", params={"text": text}, line=line) from None


def _construct_decimal(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> Decimal:
    return read_decimal(_number_text(loader, node), node.start_mark.line + 1)


def _construct_int(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> int:
    return int(_number_text(loader, node))


class TypedKey:
    """A mapping key that Python's ``==`` takes for another key of another type in the same mapping:
    ``true:`` beside ``1:`` (True == 1), ``1.0:`` beside ``1:`` (Decimal('1.0') == 1). Different keys as
    written, so neither is a duplicate; a dict would hold them as one, keeping the first key with the
    second's value and line, so the later one is held as this: equal only to a TypedKey of the same
    type and value, shown as its key, and read by the checks after as a key that names nothing (an
    unknown field, not a year), at its own line."""

    __slots__ = ("key",)

    def __init__(self, key: Any) -> None:
        self.key = key

    def __eq__(self, other: object) -> bool:
        return isinstance(other, TypedKey) and type(other.key) is type(self.key) and other.key == self.key

    def __hash__(self) -> int:
        return hash((type(self.key), self.key))

    def __repr__(self) -> str:
        return repr(self.key)

    def __str__(self) -> str:
        return str(self.key)

    def __reduce__(self) -> tuple[Any, ...]:
        return TypedKey, (self.key,)  # slots, no __dict__: a profile's data goes to batch workers pickled


class CommaPiece:
    """A piece of a number that a comma split in a one-line ``{…}`` mapping, kept as it was written:
    ``{revenue: 12,000,000}`` is YAML for revenue 12 and two keys ``000``, ``{revenue: 12,000.5}`` for
    revenue 12 and a key ``000.5`` that YAML reads as 0.5. The first was refused as a duplicate key, the
    second quoted back as "12,0.5": the profile's reader (which names the field and the two ways to write
    the number) sees this piece instead, its digits as the source line has them. Each piece is its own
    key (equal only to itself), so a repeated ``000`` is not a duplicate."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text

    def __repr__(self) -> str:
        return repr(self.text)

    def __str__(self) -> str:
        return self.text

    def __reduce__(self) -> tuple[Any, ...]:
        return CommaPiece, (self.text,)  # slots, no __dict__: a profile's data goes to batch workers pickled


_PIECE = lazyre.compile(r"[0-9]+(?:\.[0-9]+)?")
"""A key that may be the rest of a number a comma split: ``000`` of 12,000, ``000.5`` of 12,000.5."""


def _comma_piece(node: yaml.MappingNode, key_node: yaml.Node, value_node: yaml.Node, key: Any,
                 duplicate: bool, previous_line: int | None) -> CommaPiece | None:
    """The key as a :class:`CommaPiece` where YAML's reading of it loses what was typed: a key of digits
    with no value, after another key on the same line of a ``{…}`` mapping, that YAML reads as another
    number (``000.5`` as 0.5) or that repeats a thousands group (the second ``000`` of 12,000,000). None
    for any other key: ``{2025: 0, 2024}`` keeps its year, a repeated ``2025`` stays a duplicate."""
    if not node.flow_style:
        return None
    import yaml  # loaded already: only PyYAML's reading comes here

    if not isinstance(key_node, yaml.ScalarNode) or key_node.style not in _PLAIN:
        return None
    if not isinstance(value_node, yaml.ScalarNode) or value_node.value or value_node.style not in _PLAIN \
            or value_node.tag != _NULL_TAG:
        return None
    text = key_node.value
    if previous_line != key_node.start_mark.line + 1 or not _PIECE.fullmatch(text):
        return None
    if str(key) != text or (duplicate and len(text.split(".")[0]) == 3):
        return CommaPiece(text)
    return None


_NO_KEY: Any = object()
"""No earlier key (None is a key: ``~:``)."""


def _construct_mapping(loader: yaml.SafeLoader, node: yaml.MappingNode) -> LineDict:
    result = LineDict()
    result.line = node.start_mark.line + 1
    # keys compared by type and value, as written: Python's 1 == True == 1.0 made "duplicate key True"
    # of two keys that differ. ``2025:`` and ``"2025":`` name one profile path, and are one key by text.
    written: dict[tuple[type, Any], Any] = {}
    as_text: dict[str, Any] = {}
    previous_line: int | None = None
    for key_node, value_node in node.value:
        line = key_node.start_mark.line + 1
        if not getattr(key_node, "style", None) and key_node.value == "<<":  # plain, not "<<" quoted
            # a merge key (<<: *common) was read as a key named "<<": refused as unknown, then every key it
            # was to copy as missing. Merged, what it copies would be hidden from the line numbers; neither.
            raise InputError(kind="data.merge_key", line=line)
        key = loader.construct_object(key_node, deep=True)
        try:
            typed = (type(key), key)
            hash(typed)
        except TypeError:
            raise InputError(kind="data.key_plain", line=line) from None
        text = str(key) if isinstance(key, int | Decimal | str) and not isinstance(key, bool) else None
        earlier = written[typed] if typed in written else as_text.get(text, _NO_KEY) if text is not None else _NO_KEY
        piece = _comma_piece(node, key_node, value_node, key, earlier is not _NO_KEY, previous_line)
        previous_line = line
        if piece is not None:
            result[piece] = None
            result.lines[piece] = line
            continue
        if earlier is not _NO_KEY:
            raise InputError(kind="data.duplicate", params={"key": key, "first": result.lines[earlier]}, line=line)
        held = TypedKey(key) if key in result else key
        written[typed] = held
        if text is not None:
            as_text[text] = held
        result[held] = loader.construct_object(value_node, deep=True)
        result.lines[held] = line
    return result


def _construct_sequence(loader: yaml.SafeLoader, node: yaml.SequenceNode) -> LineList:
    result = LineList(loader.construct_object(child, deep=True) for child in node.value)
    result.lines = [child.start_mark.line + 1 for child in node.value]
    result.line = node.start_mark.line + 1
    return result


def _check_shape(root: yaml.Node, loader: Any) -> None:
    """Refuse, before anything is built, a node graph too large once its aliases are expanded,
    too deep, aliased too often or in a loop, or tagged with a type this reader does not read.

    Sizes and depths are counted per node once (an alias reuses the count), so the check is
    linear in the file even where expanding it would not be.
    """
    import yaml

    size: dict[int, int] = {}
    height: dict[int, int] = {}
    open_: set[int] = set()
    aliases = 0
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        nid = id(node)
        line = node.start_mark.line + 1
        if nid in size and not done:
            aliases += 1
            if aliases > MAX_ALIASES:
                raise InputError(kind="data.aliases", params={"most": MAX_ALIASES}, line=line)
            continue
        if isinstance(node, yaml.ScalarNode):
            if node.tag != _STR_TAG and node.tag != loader.resolve(
                    yaml.ScalarNode, node.value, (not node.style, bool(node.style))):
                raise InputError(kind="data.tag", params={"tag": _tag_text(node.tag)}, line=line)
            size[nid], height[nid] = 1, 0
            continue
        children = [c for pair in node.value for c in pair] if isinstance(node, yaml.MappingNode) else node.value
        if done:
            open_.discard(nid)
            size[nid] = 1 + sum(size[id(c)] for c in children)
            height[nid] = 1 + max((height[id(c)] for c in children), default=0)
            if size[nid] > MAX_NODES:
                raise InputError(kind="data.nodes_expanded", params={"most": MAX_NODES}, line=line)
            if height[nid] > MAX_DEPTH:
                raise InputError(kind="data.depth", params={"depth": MAX_DEPTH}, line=line)
            continue
        if nid in open_:
            raise InputError(kind="data.alias_loop", line=line)
        if node.tag not in _COLLECTION_TAGS:
            raise InputError(kind="data.tag_group", params={"tag": _tag_text(node.tag)}, line=line)
        if len(stack) > MAX_NODES:
            raise InputError(kind="data.nodes", params={"most": MAX_NODES}, line=line)
        open_.add(nid)
        stack.append((node, True))
        stack.extend((c, False) for c in reversed(children))


def _tag_text(tag: str) -> str:
    return "!!" + tag[len("tag:yaml.org,2002:"):] if tag.startswith("tag:yaml.org,2002:") else tag


def _check_json(data: Any) -> None:
    """What :func:`_check_shape` checks of YAML, for a parsed JSON document: depth and size (JSON has
    no aliases or tags), and strings that are not text (a lone ``\\ud800`` escape)."""
    count = 0
    stack: list[tuple[Any, int]] = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        count += 1
        if count > MAX_NODES:
            raise InputError(kind="data.nodes", params={"most": MAX_NODES})
        if isinstance(value, str):
            if _has_surrogate(value):
                raise InputError(kind="data.surrogate_escape")
        elif isinstance(value, dict | list):
            if depth > MAX_DEPTH:
                raise InputError(kind="data.depth", params={"depth": MAX_DEPTH})
            items = [*value.keys(), *value.values()] if isinstance(value, dict) else value
            stack.extend((v, depth + 1) for v in items)


def _json_number(text: str) -> int | Decimal:
    if len(text) > MAX_NUMBER_CHARS:
        raise InputError(kind="data.number_chars", params={"chars": len(text), "most": MAX_NUMBER_CHARS})
    return int(text) if text.lstrip("-").isdigit() else json_decimal(text)


DOUBLE_DIGITS = 15
"""The significant digits a binary double holds faithfully: any figure typed with this many or fewer
reads back as typed, and what a program writes beyond them is the double's noise."""


def excel_number(value: float) -> str:
    """A number a spreadsheet stored as a binary double, as Excel shows it: to 15 significant digits.
    A revenue summed from quarters (=1360.61+1467.61+1515.67+656.11) is saved as 4999.999999999999
    and shown as 5,000.00; R&D typed as =B2*3% on 12,345 is saved as 370.34999999999997. Read
    digit for digit, both missed their thresholds by a hair the user never typed and cannot see."""
    if not math.isfinite(value):
        return repr(value)  # refused as a number where a number is asked
    text = format(value, f".{DOUBLE_DIGITS}g")
    if "e" in text:  # a tiny or huge figure: its digits written out, as a CSV cell would hold them
        text = format(Decimal(text), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def json_decimal(text: str) -> Decimal:
    """A JSON number with a fraction or exponent: as written, unless it is a binary double as a program
    prints it (its shortest form, 16 or 17 significant digits: 4999.999999999999 for a revenue Excel
    shows as 5,000.00, 370.34999999999997 for 3% of 12,345). That is read as the 15 digits the double
    stands for, as a spreadsheet cell and a notebook's float are, so that one figure gets one verdict
    whichever way it came in. Digits no double prints (1000.000…0001, 999999999999999.99) are a
    person's or an exact tool's, and kept."""
    d = read_decimal(text)
    if len(text) > DOUBLE_DIGITS + 1 and d.is_finite() and len(d.as_tuple().digits) > DOUBLE_DIGITS:
        double = float(d)
        if math.isfinite(double) and Decimal(repr(double)) == d:
            return Decimal(excel_number(double))
    return d


def _reject_json_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise InputError(kind="data.duplicate_here", params={"key": key})
        result[key] = value
    return result


def parse_text(text: str, name: str, *, json_only: bool = False) -> Any:
    """Parse YAML (a superset of JSON) or, with ``json_only``, strict JSON.

    Raises InputError naming ``name`` and the line on any syntax problem or broken limit.
    """
    if json_only:
        try:
            data = json.loads(text, parse_float=_json_number, parse_int=_json_number,
                              parse_constant=_json_constant, object_pairs_hook=_reject_json_duplicates)
            _check_json(data)
            return data
        except InputError as exc:
            raise exc.located(name) from None
        except json.JSONDecodeError as exc:
            raise InputError(kind="data.json", params={"problem": exc.msg}, file=name, line=exc.lineno) from None
        except RecursionError:
            raise InputError(kind="data.depth", params={"depth": MAX_DEPTH}, file=name) from None
    if _has_surrogate(text):  # only a str handed in can hold one; a file's bytes cannot
        raise InputError(kind="data.surrogate", file=name)
    data = parse_simple(text)
    return parse_yaml(text, name) if data is NOT_SIMPLE else data


def _without_closing_start(text: str) -> str:
    """``text`` without a document start (---) that has nothing after it but blank lines and comments:
    the line blanked, so that every line keeps its number. Linear in the file's tail, no pattern to backtrack."""
    end = len(text)
    while True:
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end].strip()
        if start == 0 and not line:
            return text
        if line.startswith("---"):
            rest = line[3:].strip()
            if not rest or rest.startswith("#"):
                return text[:start] + text[start:].replace(text[start:end], "", 1)
            return text
        if line and not line.startswith("#"):
            return text
        if start == 0:
            return text
        end = start - 1


def parse_yaml(text: str, name: str) -> Any:
    """Parse YAML with PyYAML's strict loader (what :func:`parse_simple` reads, it reads alike)."""
    import yaml

    # a bare --- closing the file (an editor's or a template's habit) starts an empty second document:
    # it was refused as "expected a single document", the file's one document whole above it
    text = _without_closing_start(text)
    loader = _loader()(text)
    try:
        root = loader.get_single_node()
        if root is None:
            return None
        _check_shape(root, loader)
        return loader.construct_document(root)
    except InputError as exc:
        raise exc.located(name) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        problem = (exc.problem or exc.context or "invalid YAML").splitlines()[0]
        if problem.startswith("but ") and exc.context:  # "but found another document": of what was expected
            problem = f"{exc.context.splitlines()[0]}, {problem}"
        problem += _indent_hint(text, line)
        typed = _typing_slip(text, line)
        if typed is not None:
            kind, params, line = typed
            raise InputError(kind=kind, params=params, file=name, line=line) from None
        raise InputError(kind="data.yaml", params={"problem": problem}, file=name, line=line) from None
    except yaml.YAMLError as exc:
        raise InputError(kind="data.yaml", params={"problem": str(exc).splitlines()[0] if str(exc) else "unreadable"},
                         file=name) from None
    except RecursionError:
        raise InputError(kind="data.depth", params={"depth": MAX_DEPTH}, file=name) from None
    finally:
        loader.dispose()


def _indent_hint(text: str, line: int | None) -> str:
    """Where the line PyYAML stopped on is indented unlike the key above it (5 spaces under 6), that,
    said after its words: "did not find expected '-' indicator" named the line but not what was wrong
    with it. Nothing when the line above opens a block (``bands:``), or either is no key's line."""
    if line is None or line < 2:
        return ""
    lines = text.split("\n", line)[:line]
    here = lines[-1].rstrip("\r")
    above = next((x.rstrip("\r") for x in reversed(lines[:-1]) if x.strip() and not x.lstrip().startswith("#")), None)
    if above is None or not here.strip() or here.lstrip().startswith(("#", "-")) or above.rstrip().endswith((":", "|", ">")):
        return ""
    indent = len(here) - len(here.lstrip(" "))
    key = len(above) - len(above.lstrip(" -"))  # a list item's keys start after its dash
    if indent == key or "\t" in here[:indent] or ":" not in above or indent in _levels_above(lines[:-1], key):
        return ""
    return f" (this line is indented {indent} spaces, the key above it {key}: keys of one level line up)"


def _levels_above(lines: list[str], key: int) -> set[int]:
    """The indents of the keys that hold the key above (its parents', and theirs): a line back at one of
    them is where it should be. The line after 「2024: {revenue: 10500」, its brace left open, was told
    "indented 0 spaces, the key above it 2", sending the user to mend an indent that was right."""
    levels: set[int] = set()
    for x in reversed(lines):
        if not x.strip() or x.lstrip().startswith("#"):
            continue
        at = len(x) - len(x.lstrip(" -"))
        if at < key:
            levels.add(at)
            key = at
    return levels


def _typing_slip(text: str, line: int | None) -> tuple[str, dict[str, Any], int] | None:
    """The slip of typing that most likely broke the YAML, on the line PyYAML stopped on or the one
    above it, comments and blank lines not counted: a key ended with 「：」, an indent made with the
    Tab key, or no space after a colon. PyYAML stops on the next line that holds something after a 「：」 (that line read as a plain
    word; in the template, comment lines come between) and says only what it expected; a finance
    manager looking at the line named saw nothing wrong there. No further up: a 「：」 in a block of text
    (注意：…) lines above an unclosed bracket was blamed for it. None when neither line has one."""
    if line is None:
        return None
    lines = text.split("\n", line)[:line]
    seen = 0
    for number in range(len(lines), 0, -1):
        typed = lines[number - 1].rstrip("\r")
        if not typed.strip() or typed.lstrip().startswith("#"):
            continue
        seen += 1
        if seen > 2:
            return None
        colon = _wide_colon(typed)
        if colon is not None:
            key = clip(colon[0], 40)  # the message's advice kept whole beside a long key
            return "data.wide_colon", {"key": key, "written": clip(f"{key}: {colon[1]}".rstrip(), 60)}, number
        if "\t" in typed[: len(typed) - len(typed.lstrip())]:
            return "data.tab_indent", {}, number
        tight = _TIGHT_COLON.match(typed)
        if tight is not None:  # employees:180 is one word to YAML: the error came a line or more below it
            key, value = clip(tight.group(1), 40), clip(tight.group(2).split(" #", 1)[0].rstrip(), 40)
            return "data.tight_colon", {"typed": f"{key}:{value}", "written": f"{key}: {value}"}, number
    return None


_TIGHT_COLON = lazyre.compile(r"[ \t]*(?:- +)?([A-Za-z0-9_][A-Za-z0-9_.]{0,80}):([^\s/:][^\n]{0,200})$")
"""A key and its value with no space after the colon (employees:180): YAML reads the line as one word,
and stopped on the line below it, where a finance manager saw nothing wrong (``rd_staff: 35``)."""


def _wide_colon(line: str) -> tuple[str, str] | None:
    """The key and value of a line whose key a Chinese input method ended with 「：」 (employees：120),
    the first colon of either width; None for any other line. String scans, not a pattern: one
    with a lazy key and the spaces around the colon took a minute over a long line of spaces."""
    cut = min((i for i in (line.find(":"), line.find("："), line.find("#")) if i >= 0), default=-1)
    if cut < 0 or line[cut] != "：":
        return None
    key = line[:cut].strip()
    key = key[1:].lstrip() if key.startswith("- ") else key
    return (key, line[cut + 1:].split("#", 1)[0].strip()) if key else None


_SIMPLE_LINE = lazyre.compile(r"( *)([^ #][^#]*?) *:(?: +(?:(\{[^#]*\})|([^ #{][^#]*?)))?(?: +#.*| *)$")
"""A line of the simple form: indent, key, ``:``, then a one-line flow mapping, a scalar or nothing, and a comment."""
SIMPLE_LINE_MAX = 256
"""The longest line the simple reader matches; a longer one goes to PyYAML. The line pattern's key
and value may both hold spaces and colons, so a line it finally refuses is tried many ways first:
a 16 KB line took a minute, one of 256 characters takes milliseconds (a profile's longest lines,
a year's figures in braces, are some 150)."""
_SIMPLE_BAD = lazyre.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff]")
"""Characters that send a document to PyYAML whatever its shape: tabs, CR and other control characters,
YAML 1.1's other line breaks (U+0085, U+2028, U+2029), the byte-order mark; and, tested apart, those
beyond U+FFFD. (Small classes: a class of a wide range, such as all of CJK, costs milliseconds to compile.)"""
_SIMPLE_START = lazyre.compile(r"[0-9A-Za-z_]|[-+.][0-9]")
"""How an ASCII scalar of the simple form starts: never with an indicator YAML gives a meaning to."""
NOT_SIMPLE: Any = object()
_MAX_SIMPLE_NODES = 10_000


def _simple_scalar(text: str) -> Any:
    """A plain scalar as the strict loader resolves it, or NOT_SIMPLE for one it might read otherwise."""
    if not (text[:1] >= "\u00a0" or _SIMPLE_START.match(text)) or len(text) > MAX_NUMBER_CHARS or "  " in text \
            or any(c in text for c in ":[]{}"):
        return NOT_SIMPLE
    if text in _BOOL:
        return _BOOL[text]
    if text in _NULL:
        return None
    if _INT.fullmatch(text):
        return int(text)
    if _FLOAT.fullmatch(text):
        try:
            return Decimal(text)
        except InvalidOperation:  # an exponent past Decimal's: PyYAML's path says so, with its line
            return NOT_SIMPLE
    return text


class _Simple:
    """The state of one simple parse: the texts of each mapping's keys, and the nodes made."""

    def __init__(self) -> None:
        # by the mapping's id, the mapping held beside its texts: a mapping dropped mid-parse (a
        # flow mapping refused) cannot free its address for another to be given its texts
        self.texts: dict[int, tuple[LineDict, set[str]]] = {}
        self.nodes = 0

    def mapping(self, line: int) -> LineDict:
        made = LineDict()
        made.line = line
        self.texts[id(made)] = (made, set())
        self.nodes += 1
        return made

    def add(self, mapping: LineDict, key: Any, value: Any, line: int) -> bool:
        """Put one pair in; False for a pair the strict loader would read otherwise or refuse (a key
        already there, also as ``2025`` against ``2025.0``'s text: PyYAML's path says those errors)."""
        if key is NOT_SIMPLE or value is NOT_SIMPLE or key in mapping:
            return False
        if isinstance(key, int | Decimal | str) and not isinstance(key, bool):
            texts = self.texts[id(mapping)][1]
            if str(key) in texts:
                return False
            texts.add(str(key))
        self.nodes += 2
        mapping[key] = value
        mapping.lines[key] = line
        return self.nodes <= _MAX_SIMPLE_NODES

    def flow(self, text: str, line: int) -> Any:
        """``{key: value, ...}`` of simple scalars on one line, or NOT_SIMPLE."""
        made = self.mapping(line)
        inner = text[1:-1].strip(" ")
        if not inner:
            return made
        for part in inner.split(","):
            key, colon, value = part.partition(": ")
            if not colon or not self.add(made, _simple_scalar(key.strip(" ")), _simple_scalar(value.strip(" ")), line):
                return NOT_SIMPLE
        return made


def parse_simple(text: str) -> Any:
    """A document of the shape people type: ``key: value`` lines nested by spaces, one-line
    ``{key: value}`` mappings, comments. The very mappings, values and lines PyYAML's strict
    loader makes of it, or NOT_SIMPLE for any other document (PyYAML then reads it, and says
    every error): importing PyYAML costs more of an assessment's start-up than the rest of the
    profile's reading."""
    if (not text.isascii() and max(text) > "\ufffd") or _SIMPLE_BAD.search(text) or _has_surrogate(text):
        return NOT_SIMPLE
    state = _Simple()
    root: LineDict | None = None
    stack: list[tuple[int, LineDict]] = []  # (indent, mapping) of the open block mappings
    pending: tuple[int, LineDict, Any, int] | None = None  # a ``key:`` with nothing after it yet
    for number, raw in enumerate(text.split("\n"), 1):
        content = raw.strip(" ")
        if not content or content.startswith("#"):
            continue
        if len(raw) > SIMPLE_LINE_MAX:
            return NOT_SIMPLE
        match = _SIMPLE_LINE.fullmatch(raw)
        if match is None:
            return NOT_SIMPLE
        indent = len(match.group(1))
        if pending is not None:
            above, parent, key, line = pending
            pending = None
            if indent > above:  # the key's value is a block mapping, from this line
                child = state.mapping(number)
                if len(stack) >= MAX_DEPTH - 2 or not state.add(parent, key, child, line):
                    return NOT_SIMPLE
                stack.append((indent, child))
            elif not state.add(parent, key, None, line):
                return NOT_SIMPLE
        if root is None:
            if indent:
                return NOT_SIMPLE
            root = state.mapping(number)
            stack.append((0, root))
        while indent < stack[-1][0]:
            stack.pop()
        if indent != stack[-1][0]:
            return NOT_SIMPLE
        mapping = stack[-1][1]
        key = _simple_scalar(match.group(2))
        flow, scalar = match.group(3), match.group(4)
        if flow is None and scalar is None:
            pending = (indent, mapping, key, number)
            continue
        value = state.flow(flow, number) if flow is not None else _simple_scalar(scalar)
        if not state.add(mapping, key, value, number):
            return NOT_SIMPLE
    if pending is not None and not state.add(pending[1], pending[2], None, pending[3]):
        return NOT_SIMPLE
    return NOT_SIMPLE if root is None else root


def _json_constant(text: str) -> None:
    raise InputError(kind="data.not_json_number", params={"text": text})


def read_data_file(path: Path, encoding: str | None = None) -> Any:
    """Read a YAML or JSON file (by extension; JSON is strict) with clean errors; its encoding is
    detected (``charsets.TRIED``) unless ``encoding`` is given.

    Only a regular file is read, and at most :data:`MAX_FILE_BYTES` of it: a pipe would hang
    and ``/dev/zero`` would fill the memory.
    """
    name = str(path)
    try:
        with open(path, "rb", opener=_open_nonblocking) as handle:
            mode = os.fstat(handle.fileno()).st_mode
            if stat.S_ISDIR(mode):
                raise InputError(kind="file.folder", file=name)
            if not stat.S_ISREG(mode):
                raise InputError(kind="file.special", file=name)
            raw = handle.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise InputError(kind="file.missing", file=name) from None
    except IsADirectoryError:
        raise InputError(kind="file.folder", file=name) from None
    except OSError as exc:
        raise InputError(kind="file.unreadable", params={"error": SystemError_(exc.errno, exc.strerror)},
                         file=name) from None
    if len(raw) > MAX_FILE_BYTES:
        raise InputError(kind="file.too_large", params={"limit": MAX_FILE_BYTES}, file=name)
    from littlegiant.load.charsets import decode

    text = decode(raw, name, encoding)
    return parse_text(text, name, json_only=path.suffix.lower() == ".json")


def _open_nonblocking(path: str, flags: int) -> int:
    """Open without waiting for a writer, so that a FIFO is refused instead of hanging."""
    return os.open(path, flags | os.O_NONBLOCK)


def line_of(container: Any, key: Any) -> int | None:
    """The source line of ``key`` in a mapping or list read by this module, if known."""
    if isinstance(container, LineDict):
        return container.lines.get(key, container.line)
    if isinstance(container, LineList) and isinstance(key, int) and key < len(container.lines):
        return container.lines[key]
    return getattr(container, "line", None)
