"""The JSON document of a result (docs/output.md §4): the result's data with its sentences.

Sentences come from the report layer (``explanations``, ``report_common.warning_text``), so this
module is part of it; ``result.py`` holds the data alone.

The document is written as text, not built as dicts for ``json.dumps``: a batch with
``--format json`` writes some 50 KB a company, most of it what the rules say (titles, sources,
thresholds), the same in every row. What a criterion's rule alone gives is encoded once per rule and
language; a row adds what the profile gave. ``to_dict`` reads that text back, so the CLI, the batch
and the API carry one document, byte for byte what ``json.dumps(..., ensure_ascii=False)`` writes.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Iterable
from decimal import Decimal
from json.encoder import encode_basestring
from typing import Any, NamedTuple, TypeVar

from littlegiant.core.result import (
    FORMAT_VERSION,
    JSON_DIGITS,
    MET,
    REVIEW,
    UNKNOWN,
    UNMET,
    CriterionResult,
    GroupScore,
    Result,
    TierResult,
    json_number,
    json_value,
)
from littlegiant.core.tierplan import closed_now
from littlegiant.load.consistency import LARGE_PER_HEAD, SMALL, Unusual
from littlegiant.load.rules import RuleSet
from littlegiant.report.advice import gap_dict
from littlegiant.report.common import (
    calendar_notes,
    close_warning,
    stale_year_warning,
    unheld_warning,
    warning_text,
)
from littlegiant.report.explanations import SHORT_NUMBER

Say = Callable[[CriterionResult], str]
"""A criterion's ``explanation``: its sentence as the reports say it (``words.sentences``)."""


def _dumps(v: Any) -> str:
    """``json.dumps(v, ensure_ascii=False)``, by one encoder: that call makes an encoder each time, ~8
    us of a writer's (``_Writer``) 16 keys each (a worker's first rows make a hundred writers)."""
    return _ENCODER.encode(v)


_ENCODER = json.JSONEncoder(ensure_ascii=False)


def _value(v: Any) -> str:
    """``json_value(v)`` as JSON text, the common kinds without a call to the encoder."""
    if v is None:
        return "null"
    if v is True:
        return "true"
    if v is False:
        return "false"
    kind = type(v)
    if kind is str:
        return encode_basestring(v)
    if kind is Decimal:
        text = str(v)
        if text.isdigit() and len(text) <= 20:  # plain digits: the int json.dumps writes for them
            return text
        if len(text) <= SHORT_NUMBER:
            return _decimal(v)
        hit = _LONG.get(text)  # a long one: kept by its digits, as fmt keeps it
        if hit is None:
            if len(_LONG) >= 4096:
                _LONG.clear()
            hit = _LONG[text] = _long(v, text)
        return hit
    return _dumps(json_value(v))


_LONG: dict[str, str] = {}
"""The JSON of a long figure (a quotient) by its ``str``: a company's ratio is the value of two to four
rows; kept to a few thousand."""


def _long(v: Decimal, text: str) -> str:
    """``_decimal`` of a long figure (``text`` its ``str``): a quotient of a figure not whole, written
    out, is read off its digits as ``json_number`` reads them, where its ``as_given`` (a tuple of 30
    digits), ``int`` and a comparison cost ~0.8 of its 2 us, paid for each of a company's six-odd
    ratios. Any other (an exponent, 10^20 or more, a whole number) goes the general way."""
    whole, _, frac = text.lstrip("-").partition(".")
    if "E" in text or len(whole) > 20 or not frac.strip("0"):
        return _decimal.__wrapped__(v)
    if len((whole + frac).strip("0")) <= JSON_DIGITS:  # as_given: at most 15 digits but trailing zeros
        return repr(float(v))
    six = str(round(v, 6))  # its 6 places written out (an exponent of -6, none of them under 10^20): whole
    # when they are all 0, read off the text where int() and a comparison of Decimals cost ~0.2 us
    if six.endswith(".000000"):
        return repr(float(v))
    whole, _, frac = six.partition(".")
    frac = frac.rstrip("0")
    digits = whole.lstrip("-")
    # repr of the float of at most 15 digits is those digits (a double holds 15 exactly, and no fewer read as
    # the same double), written out from 0.0001 up (below, with an exponent): the float, made and written, was
    # some 3K of the ~13K instructions of each of a company's new quotients (callgrind)
    if len(digits) + len(frac) <= JSON_DIGITS if digits != "0" else not frac.startswith("0000"):
        return f"{whole}.{frac}"
    return repr(float(six))  # float(Decimal) is float(its str)


@functools.lru_cache(maxsize=8192)
def _decimal(v: Decimal) -> str:
    """What json.dumps writes for ``json_number(v)``, kept: thresholds, counts and points recur row
    after row (equal Decimals, whatever their digits, are one JSON number)."""
    return repr(json_number(v))


def _object(pairs: Iterable[tuple[str, str]]) -> str:
    """An object from keys and their values already encoded."""
    return "".join(("{", ", ".join([encode_basestring(k) + ": " + v for k, v in pairs]), "}"))


def _array(items: list[str]) -> str:
    """An array of values already encoded."""
    return "".join(("[", ", ".join(items), "]"))


def to_json(result: Result, lang: str, tool_version: str) -> str:
    """The JSON document of docs/output.md §4 (plus additions: format_version, names, groups), as text."""
    return "".join(_pieces(result, lang, tool_version, None))  # type: ignore[arg-type]


def to_bytes(result: Result, lang: str, tool_version: str, codec: tuple[str, str]) -> bytes:
    """``to_json`` as the bytes a file in ``codec`` (encoding, errors) holds. A batch with ``--format
    json`` writes some 50 KB a company, most of it rows shared by many companies: each such row is
    encoded once, and a document is a join of bytes, where encoding the whole text again (~140 us a
    company) and joining it as text (~80 us: its Chinese widens every copy) were a tenth of a row's cost."""
    return b"".join(_pieces(result, lang, tool_version, codec))  # type: ignore[arg-type]


_NONE: dict[Any, Any] = {}


def _pieces(result: Result, lang: str, tool_version: str, codec: tuple[str, str] | None) -> list[str] | list[bytes]:
    """The document in order, as text or (``codec`` given) as bytes: made of the same pieces
    (``_company``, ``_tier_head``, the rows, ``_tier_end``, ``_end``), so they cannot differ but by
    their encoding."""
    say = sayer(result.rules, lang)
    opening = _opening(result, lang, tool_version)
    tiers = result.tiers.items()
    if codec is None:
        text = [opening[0], _company(result)]
        for i, (tid, t) in enumerate(tiers):
            text += (_tier_head(i, tid, t, lang), ", ".join([criterion_json(c, lang, say) for c in t.criteria]),
                     _tier_end(t, lang))
        text.append(_end(result, lang))
        return text
    key = f"{lang} {codec[0]} {codec[1]}"  # a str: its hash is kept, a tuple's made again each row
    made = _MADE.get(key)
    if made is None:
        if len(_MADE) >= 16:
            _MADE.clear()
        made = _MADE[key] = _Made(", ".encode(*codec), {}, _QUIET_END.encode(*codec))
    comma, kept = made.comma, made.kept
    out = [_encoded(opening, codec), _company(result).encode(*codec)]
    for i, (tid, t) in enumerate(tiers):
        out.append(_tier_bytes(i, tid, t, lang, codec, kept))
        rows = [(c.made or _NONE).get(key) or _row_bytes(c, key, lang, codec, say) for c in t.criteria]
        if rows:  # each row's bytes straight into the document, a comma between: not joined twice
            seq = [comma] * (2 * len(rows) - 1)
            seq[::2] = rows
            out += seq
        end = kept.get((tid, lang))
        if end is None or end[0] is not t.notes:  # the rule's own notes, the same every company
            end = _keep(kept, (tid, lang), (t.notes, _tier_end(t, lang).encode(*codec)))
        out.append(end[1])
    end = _end(result, lang)
    out.append(made.quiet if end is _QUIET_END else end.encode(*codec))
    return out


class _Made(NamedTuple):
    """What every document in one language and codec shares (``_pieces``): the comma between rows,
    the tiers' heads and ends, kept by what makes them, and the end of a document without warnings."""

    comma: bytes
    kept: dict[Any, Any]
    quiet: bytes


_MADE: dict[str, _Made] = {}
"""``_Made`` by language and codec."""

_KEPT = 4096
"""How many tier heads and ends ``_Made.kept`` holds: a tier's head is one of a few statuses and
scores (a few hundred in a batch)."""


def _keep(kept: dict[Any, Any], key: Any, value: _T) -> _T:
    if len(kept) >= _KEPT:
        kept.clear()
    kept[key] = value
    return value


def _company(result: Result) -> str:
    """The document from the company's name to its tiers' opening brace."""
    return "".join((", \"name\": ", _value(result.name), ", \"input_sha256\": ", _value(result.input_sha256),
                    ", \"sme\": {\"status\": ", _value(result.sme_status), ", \"size\": ", _value(result.sme_size),
                    "}, \"tiers\": {"))


def _tier_head(i: int, tid: str, t: TierResult, lang: str) -> str:
    """Tier ``tid`` (the ``i``th) up to its rows."""
    return "".join(("" if i == 0 else ", ", encode_basestring(tid), ": {\"title\": ", _value(t.title.get(lang)),
                    ", \"status\": ", encode_basestring(t.status), ", \"score\": ", _value(t.score),
                    ", \"score_min\": ", _value(t.score_min), ", \"score_max\": ", _value(t.score_max),
                    ", \"groups\": ", _groups(t.groups, lang) if t.groups else "[]", ", \"criteria\": ["))


def _tier_bytes(i: int, tid: str, t: TierResult, lang: str, codec: tuple[str, str], kept: dict[Any, Any]) -> bytes:
    """``_tier_head`` encoded, kept by what it says: the tier's title, the rule's own (the same every
    company, so known by its words), its status and scores. Encoding three tiers' Chinese titles
    again for every company, with the text around them, cost ~3 us a document (issue #14). A tier
    with groups of scores is made each time (miit-2022's: a few a company)."""
    if t.groups:
        return _tier_head(i, tid, t, lang).encode(*codec)
    title = t.title.get(lang)
    said = (i, tid, title, t.status, _value(t.score), _value(t.score_min), _value(t.score_max))
    hit: bytes | None = kept.get(said)
    if hit is None:
        hit = _keep(kept, said, _tier_head(i, tid, t, lang).encode(*codec))
    return hit


def _tier_end(t: TierResult, lang: str) -> str:
    """Tier ``t`` after its rows."""
    return "".join(("], \"notes\": ", _array([encode_basestring(n.get(lang)) for n in t.notes]) if t.notes else "[]",
                    "}"))


def _end(result: Result, lang: str) -> str:
    """The document after its tiers: its gaps, if asked for, and its warnings."""
    # the close calls asked for only where there are some (most companies have none): standing_close
    # asked first whether a gate stops every tier, ~2.5% of a full row for an empty list (issue #14)
    # (and so the others, each none without a renewal or a stale year: asked only where they may be some)
    warnings = [*(unheld_warning(result, lang) if result.renewal is not None else ()),
                *(stale_year_warning(result, lang) if result.latest_year is not None else ()),
                *(close_warning(result, lang) if result.close else ()), *(_warning_dict(w, lang) for w in result.warnings)]
    if result.advice or warnings:
        from littlegiant.report.words import held_beside  # only with gaps: words loads late (see ``sayer``)

        tail: dict[str, Any] = {
            # "held": the title is held and no application planned (the report's 已持有这一称号): the steps
            # still measure the tier's verdict as a new application, and are none to take
            **({"gaps": {tid: {**gap_dict(g, lang, _closed(result)), "held": held_beside(result, result.tiers[tid])}
                         for tid, g in result.advice.items()}}
               if result.advice else {}),
            "warnings": warnings,
            "self_assessment": True,
        }
        return "}, " + _dumps(tail)[1:]
    return _QUIET_END  # most companies of a batch


def _closed(result: Result) -> Callable[[str], bool]:
    """Whether an input of ``result``'s profile cannot change before its round (``closed_now``)."""
    rules = result.rules
    if rules is None:  # a result not made by the engine (a test's): nothing is known closed
        return lambda path: False
    return lambda path: closed_now(rules, path, result.last_year)


def _groups(groups: list[GroupScore], lang: str) -> str:
    """A tier's scored groups (miit-2022's score tables)."""
    return _array([_object((("id", encode_basestring(g.id)), ("title", encode_basestring(g.title.get(lang))),
                            ("max", _value(g.max)), ("min_points", _value(g.low)), ("max_points", _value(g.high))))
                   for g in groups])


_QUIET_END = '}, "warnings": [], "self_assessment": true}'  # the tiers' brace, _dumps of the tail dict less its {
"""The end of a document without gaps or warnings."""

Opening = tuple[str, dict[tuple[str, str], bytes]]
"""A document's opening: its text, and its bytes by codec."""
_OPENING: tuple[tuple[Any, ...] | None, Opening] = (None, ("", {}))
"""The last document's opening and what it was made of."""


def _opening(result: Result, lang: str, tool_version: str) -> Opening:
    """The document up to the company's name: the tool's and the rule set's, the same for every
    company of a batch, so made once for a run (its json.dumps, and then its encoding, of some 1 KB
    of Chinese text were a tenth of the cost of a document whose rows were all made already)."""
    global _OPENING
    made_of = (lang, tool_version, result.rules_id, result.rules_title, result.in_force_from, result.rules_source,
               result.documents, result.rules_notes, result.as_of, result.last_year, result.renewal, result.calendar)
    last = _OPENING
    if made_of != last[0]:
        opening = {
            "format_version": FORMAT_VERSION,
            "tool_version": tool_version,
            "rules": {"id": result.rules_id, "title": result.rules_title.get(lang),
                      "in_force_from": result.in_force_from.isoformat(), "source": result.rules_source,
                      "documents": list(result.documents), "notes": [n.get(lang) for n in result.rules_notes]},
            "as_of": result.as_of.isoformat(),
            "last_year": result.last_year,
            "renewal": result.renewal,
            "calendar": {**result.calendar.to_dict(lang), **calendar_notes(result, lang)}
            if result.calendar is not None else None,
        }
        last = _OPENING = (made_of, (_dumps(opening)[:-1], {}))
    return last[1]


def _encoded(opening: Opening, codec: tuple[str, str]) -> bytes:
    hit = opening[1].get(codec)
    if hit is None:
        hit = opening[1][codec] = opening[0].encode(*codec)
    return hit


def to_dict(result: Result, lang: str, tool_version: str) -> dict[str, Any]:
    """The JSON document as a dict: ``to_json`` read back, so that it is the very document the CLI writes."""
    return json.loads(to_json(result, lang, tool_version))


def sayer(rules: RuleSet | None, lang: str) -> Say:
    """The explanations of the rows of a result judged by ``rules``, in ``lang``. ``words`` is imported
    the first time (not at start-up), and its function kept: an import a document was 0.83 us of a
    call that is otherwise 0.1."""
    global _SENTENCES
    if _SENTENCES is None:
        from littlegiant.report.words import sentences

        _SENTENCES = sentences
    return _SENTENCES(rules, lang)


_SENTENCES: Callable[[RuleSet | None, str], Say] | None = None
"""``words.sentences``, once ``sayer`` has imported it."""


def criterion_dict(c: CriterionResult, lang: str, rules: RuleSet | None) -> dict[str, Any]:
    """One criterion row of the JSON result, as a dict (``rules``: the set that judged it, for its sentence)."""
    return json.loads(criterion_json(c, lang, sayer(rules, lang)))


def criterion_json(c: CriterionResult, lang: str, say: Say) -> str:
    """One criterion row of the JSON result, as text. What comes from the rule alone is encoded once
    per rule and language (kept in ``c.memo``); a row fills in what this profile gave."""
    return _made(c, lang, _criterion_json, c, lang, say)


def _row_bytes(c: CriterionResult, key: str, lang: str, codec: tuple[str, str], say: Say) -> bytes:
    """``criterion_json`` encoded, kept on a row the evaluator shares under ``key`` without the text
    beside it: a batch reads only the bytes, and the API, which reads the text, has rows of its own.
    Kept here rather than through ``_made``, whose packed arguments a company's two dozen new rows
    each paid (~1% of a full row, issue #14); the writer is found here, not through ``_criterion_json``,
    for the same reason (a call a new row, ~1%), and its encoded text here, not by a method of the
    writer's that then called ``joined`` (one call less for each of a company's 26 new rows: to_bytes
    1,352,616 -> 1,339,772 instructions a company, callgrind). The row is made as bytes: the rule's text encoded once for ``key`` (the language and
    ``codec``), only the row's values each time; joining the text, whose Chinese widens every piece,
    and encoding the whole row again was ~0.9 of a new row's ~2.5 us (issue #14)."""
    memo = c.memo
    if memo is None:
        return _Writer(c, lang)(c, say).encode(*codec)
    writer = memo.get(lang) or _writer(c, lang)
    coded = writer.coded.get(key) or writer.code(key, codec)
    try:
        hit = writer.joined(c, say, coded, coded.encode)
    except UnicodeEncodeError:  # a lone surrogate: written as the codec's errors say (or refused as they say)
        hit = writer.joined(c, say, coded, coded.slow)
    made = c.made
    if made is None:
        c.made = {key: hit}
    else:
        made[key] = hit
    return hit


_T = TypeVar("_T")


def _made(c: CriterionResult, key: object, make: Callable[..., _T], *args: Any) -> _T:
    """What ``make(*args)`` gives for row ``c``, kept on the row under ``key`` when the evaluator
    shares it (many companies read it). A row without a memo is not the evaluator's shared one (the
    API's own copies, which their caller may change): it is made afresh each time."""
    if c.memo is None:
        return make(*args)
    made = c.made
    if made is None:
        made = c.made = {}
    hit = made.get(key)
    if hit is None:
        hit = made[key] = make(*args)
    return hit


_PAIRS: dict[tuple[str, Any], str] = {}
"""Each input as an ``inputs`` entry (``"financials.2025.revenue": 7845``), by path and value: a
company's revenue is an input of a dozen new rows of its full result, whose 40-odd entries are some
12 of its own (worked out each time they were a tenth of a new row's cost); kept to a few thousand."""


_KEYS: dict[str, str] = {}
"""Each input's key as an ``inputs`` entry begins (``"financials.2025.revenue": ``), by its path: a
rule set has a few hundred; kept to a few thousand."""


_SAID: dict[str, tuple[Any, str]] = {}
"""Each input's last ``inputs`` entry by its path, with the very value it was written for: a
company's rows read its figures over and over (49 entries of 13 values a company, in three tiers),
and an entry is a function of its path and value. Known by the value itself (``is``), not by one
equal to it, and holding it, so no other value can be taken for it; kept to a few thousand."""

_SAID_KINDS = (Decimal, str, bool, type(None))
"""The kinds of value an entry is kept for: those that cannot change."""


def _inputs(inputs: dict[str, Any]) -> str:
    """A row's ``inputs``, with the comma before it. An entry written for the very value a row holds is
    taken from ``_SAID``: str(Decimal), the key and the join around them, some 1.5-2K instructions,
    were spent on each of the 36 entries a company's rows repeat (issue #14). Else a figure of plain
    digits (most amounts) is written as it is after its key, found in a small table (``_KEYS``): each
    looked up with its value in ``_PAIRS``, thousands of the companies' figures mostly out of the
    processor's cache, _inputs took ~3 us a row in a batch (a third of a new row's JSON outside its
    sentence, issue #14); any other value goes by ``_PAIRS`` as before."""
    texts = []
    said = _SAID
    for path, v in inputs.items():
        hit = said.get(path)
        if hit is not None and hit[0] is v:
            texts.append(hit[1])
            continue
        kind = type(v)
        if kind is Decimal:
            text = str(v)
            if text.isdigit() and len(text) <= 20:  # as _value writes it
                key = _KEYS.get(path)
                if key is None:
                    if len(_KEYS) >= 4096:
                        _KEYS.clear()
                    key = _KEYS[path] = encode_basestring(path) + ": "
                text = key + text
            else:
                text = _pair(path, v)
        else:
            text = _pair(path, v)
        if kind in _SAID_KINDS:
            if len(said) >= 4096:
                said.clear()
            said[path] = (v, text)
        texts.append(text)
    return ", \"inputs\": {" + ", ".join(texts) + "}"


def _pair(path: str, value: Any) -> str:
    """An ``inputs`` entry, kept in ``_PAIRS`` by path and value unless the value is a kind others equal."""
    kind = type(value)
    if kind is not Decimal and kind is not str and value is not None:  # True == 1 == Decimal(1): never looked up
        return encode_basestring(path) + ": " + _value(value)
    pair = (path, value)
    text = _PAIRS.get(pair)
    if text is None:
        if len(_PAIRS) >= 8192:
            _PAIRS.clear()
        text = _PAIRS[pair] = encode_basestring(path) + ": " + _value(value)
    return text


class _Writer:
    """A rule's rows in one language: the rule's own text of a row, cut where the profile's values go.

    The values a row fills in are always the same keys, in this order: status, value, points,
    missing, explanation, and for a scored row points_min and points_max; then its inputs (which a
    row may lack), then the rule's text again (evidence, note), then awaits_review if the row awaits
    it. A row is one join of the pieces with its values: filling them through a list of small
    functions, key by key, cost some 2.7 us a row, a third of a new row's cost (issue #14)."""

    __slots__ = ("coded", "end", "end_review", "heads", "ranged", "texts")

    def __init__(self, c: CriterionResult, lang: str) -> None:
        d = _criterion_dict(c, lang, _unsaid)  # its explanation is a row's: not worked out for the rule's text
        d.pop("awaits_review", None)
        d.pop("inputs", None)
        texts: list[str] = []
        text, after, filled = "{", None, []
        for i, (key, value) in enumerate(d.items()):
            piece = ("" if i == 0 else ", ") + encode_basestring(key) + ": "
            if after is None and key in ("evidence", "note"):  # where the inputs go
                after = ""
            if after is not None:
                after += piece + _dumps(value)
            elif key in _FILLED:
                texts.append(text + piece)
                text = ""
                filled.append(key)
            else:
                text += piece + _dumps(value)
        if filled not in (list(_FILLED), list(_FILLED[:5])):
            raise AssertionError(f"a row's values in an unexpected order: {filled}")
        texts.append(text)
        self.texts = tuple(texts)
        # the row up to its value, for each status a criterion has: one piece where three (and an encoding) were
        self.heads = {status: texts[0] + encode_basestring(status) + texts[1] for status in (MET, UNMET, UNKNOWN, REVIEW)}
        self.ranged = len(filled) == 7
        self.end = (after or "") + "}"
        self.end_review = (after or "") + ", \"awaits_review\": true}"
        self.coded: dict[str, _Coded] = {}

    def __call__(self, c: CriterionResult, say: Say) -> str:
        s = self.texts
        missing = "[" + ", ".join(map(encode_basestring, c.missing)) + "]" if c.missing else "[]"
        parts = [self.heads[c.status], _value(c.value), s[2], "null" if c.points is None else _value(c.points), s[3], missing,
                 s[4], encode_basestring(say(c)), s[5]]
        if self.ranged:
            parts += (_value(c.points_min), s[6], _value(c.points_max), s[7])
        if c.inputs:
            parts.append(_inputs(c.inputs))
        parts.append(self.end_review if c.review else self.end)
        return "".join(parts)

    def code(self, key: str, codec: tuple[str, str]) -> _Coded:
        """The rule's text encoded for ``key`` (the language and ``codec``), made the first time."""
        coded = self.coded[key] = _Coded(
            {status: head.encode(*codec) for status, head in self.heads.items()},
            tuple(text.encode(*codec) for text in self.texts), self.end.encode(*codec),
            self.end_review.encode(*codec), "null".encode(*codec), "[]".encode(*codec), *_encoders(codec))
        return coded

    def joined(self, c: CriterionResult, say: Say, coded: _Coded, encode: Callable[[str], bytes]) -> bytes:
        """A row as bytes (``_row_bytes``): the rule's bytes and the row's values encoded by ``encode``."""
        s = coded.texts
        points = c.points
        said = coded.null if points is None else encode(_value(points))
        parts = [coded.heads[c.status], encode(_value(c.value)), s[2], said, s[3],
                 encode("[" + ", ".join(map(encode_basestring, c.missing)) + "]") if c.missing else coded.empty,
                 s[4], encode(encode_basestring(say(c))), s[5]]
        if self.ranged:  # a points row known to the point holds one Decimal three times: written once
            low, high = c.points_min, c.points_max
            low_said = said if low is points and points is not None else encode(_value(low))
            parts += (low_said, s[6], low_said if high is low else encode(_value(high)), s[7])
        if c.inputs:
            parts.append(encode(_inputs(c.inputs)))
        parts.append(coded.end_review if c.review else coded.end)
        return b"".join(parts)


def _unsaid(c: CriterionResult) -> str:
    return ""


class _Coded(NamedTuple):
    """A ``_Writer``'s pieces encoded for one language and codec (``_Writer.code``)."""

    heads: dict[str, bytes]
    texts: tuple[bytes, ...]
    end: bytes
    end_review: bytes
    null: bytes
    empty: bytes
    encode: Callable[[str], bytes]
    """A row's values encoded, the quick way (``_encoders``)."""
    slow: Callable[[str], bytes]
    """A row's values encoded by the codec's own error handler."""


def _encoders(codec: tuple[str, str]) -> tuple[Callable[[str], bytes], Callable[[str], bytes]]:
    """``text.encode(*codec)`` as a call of one argument, the quick way and the codec's own. For UTF-8 (a
    batch's, whose errors are backslashreplace) the quick one is ``str.encode`` itself, 23 ns where
    ``encode(*codec)`` took 75 (timeit), for the six-odd values of each of a company's two dozen new
    rows: it writes the same bytes for any text UTF-8 holds and refuses the rest (a lone surrogate),
    which the codec's own then writes as its errors say."""
    encoding, errors = codec

    def slow(text: str) -> bytes:
        return text.encode(encoding, errors)

    return (str.encode if encoding == "utf-8" else slow), slow


_FILLED = ("status", "value", "points", "missing", "explanation", "points_min", "points_max")
"""The keys of a row the profile gives, in the order a row has them (``_Writer``)."""


def _criterion_json(c: CriterionResult, lang: str, say: Say) -> str:
    """A row's text by its rule's writer, kept on the rule's memo under the language (the memo's
    other key is ``explanations.band_edges``)."""
    if c.memo is None:
        return _Writer(c, lang)(c, say)
    return (c.memo.get(lang) or _writer(c, lang))(c, say)


def _writer(c: CriterionResult, lang: str) -> _Writer:
    """The writer of ``c``'s rule in ``lang``, made the first time and kept on the rule's memo."""
    writer = c.memo[lang] = _Writer(c, lang)  # type: ignore[index]
    return writer


def _criterion_dict(c: CriterionResult, lang: str, say: Say) -> dict[str, Any]:
    d: dict[str, Any] = {
        "id": c.id,
        "kind": c.kind,
        "title": c.title.get(lang),
        "status": c.status,
        "required": c.required,
        "parent": c.parent,
        "depth": c.depth,
        "value": json_value(c.value),
        "op": c.op,
        "threshold": json_value(c.threshold),
        "unit": c.unit,
        "points": json_value(c.points),
        "source": c.source,
        "confidence": c.confidence,
        "missing": c.missing,
        "explanation": say(c),
    }
    if c.points_min is not None or c.points_max is not None:
        d["points_min"] = json_value(c.points_min)
        d["points_max"] = json_value(c.points_max)
    if c.max_points is not None:
        d["max_points"] = json_value(c.max_points)
    if c.formula is not None:
        d["formula"] = c.formula.get(lang)
    if c.inputs:
        d["inputs"] = {k: json_value(v) for k, v in c.inputs.items()}
    if c.evidence:
        d["evidence"] = [e.get(lang) for e in c.evidence]
    if c.note is not None:
        d["note"] = c.note.get(lang)
    if c.review:
        d["awaits_review"] = True
    return d


def _warning_dict(w: Unusual, lang: str) -> dict[str, Any]:
    """An unusual figure in the JSON result (an addition to docs/output.md §4): the figures and a sentence."""
    d: dict[str, Any] = {"kind": w.kind, "path": w.figure.path, "value": json_value(w.figure.value)}
    if w.other is not None:
        d |= {"compared_with": w.other.path, "compared_value": json_value(w.other.value)}
        if w.kind in (SMALL, LARGE_PER_HEAD):  # the least (most) revenue a head (万元), as large says the most
            d["limit"] = json_value(w.limit)
    elif w.typed is not None:  # yuan_sign: the amount as typed (¥12,000.00), read in 元
        d["typed"] = w.typed
    else:
        d["limit"] = json_value(w.limit)
    if w.growth is not None:
        d["growth_percent"] = json_value(w.growth)
        d["limit_percent"] = json_value(w.limit)
    d["message"] = warning_text(w, lang)
    return d
