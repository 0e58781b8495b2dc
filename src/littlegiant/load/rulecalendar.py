"""The rule calendar: which rule set, and which yearly round notice, judges an assessment on a date.

The calendar is data (``rules/calendar.yaml``, docs/criteria.md §1), so next year's round notice
is an edit of a file, not of code. This module reads it strictly and answers one question: for a
date and a kind of assessment (a new application, or the renewal of one title), which set, which
round, and why. It knows nothing of scoring.
"""

from __future__ import annotations

from datetime import date
from itertools import pairwise
from pathlib import Path
from typing import Any

from littlegiant.errors import InputError
from littlegiant.load.rules import CONFIDENCE, Text, iso_date, read_file, read_rule_data
from littlegiant.load.yamlio import line_of
from littlegiant.messages import Choices, Got, nearest, quoted
from littlegiant.records import record

APPLICATION = "application"
RENEWABLE = ("zjtx_sme", "little_giant")  # the titles a renewal (复核) can name
KINDS = (APPLICATION, *RENEWABLE)


@record(frozen=True)
class Round:
    """A yearly round notice that modifies (or only confirms) a rule set for its round."""

    id: str
    ref: str  # the notice's document number, e.g. 工信厅企业函〔2025〕190号
    title: Text
    summary: Text
    rules: str | None  # a round file beside the calendar that modifies the set, or None
    source: str
    confidence: str


@record(frozen=True)
class Period:
    """A stretch of days in which one set (and round) judges the kinds of assessment it names."""

    start: date
    end: date | None
    kinds: tuple[str, ...]
    rules: str
    round: Round | None
    reason: Text
    source: str
    confidence: str
    line: int | None


@record(frozen=True)
class Choice:
    """What judges one assessment: the answer the calendar gives, or a set forced by ``--rules``."""

    kind: str  # "application" or "renewal"
    renewal: str | None  # the tier id renewed
    rule_set: str
    round: Round | None
    reason: Text
    source: str | None
    confidence: str | None
    forced: bool = False

    def to_dict(self, lang: str) -> dict[str, Any]:
        """The ``calendar`` object of the JSON result (docs/output.md)."""
        return {
            "kind": self.kind,
            "rule_set": self.rule_set,
            "round": self.round.ref if self.round else None,
            "round_id": self.round.id if self.round else None,
            "reason": self.reason.get(lang),
            "source": self.source,
            "confidence": self.confidence,
            "forced": self.forced,
        }


@record(frozen=True)
class Calendar:
    """The whole calendar: the round notices and the periods, checked to follow each other day by day."""

    rounds: dict[str, Round]
    periods: tuple[Period, ...]
    file: str

    def choose(self, as_of: date, renewal: str | None = None) -> Choice:
        """The period in force on ``as_of`` for a new application (``renewal=None``) or a renewal."""
        kind = renewal or APPLICATION
        if kind not in KINDS:
            raise InputError(kind="rule.choice", params={"allowed": Choices(RENEWABLE), "value": quoted(renewal),
                                                         "hint": ""}, field="--renewal")
        for p in self.periods:
            if kind in p.kinds and p.start <= as_of and (p.end is None or as_of <= p.end):
                return Choice("renewal" if renewal else APPLICATION, renewal, p.rules, p.round, p.reason,
                              p.source, p.confidence)
        first = min(p.start for p in self.periods if kind in p.kinds)
        raise InputError(kind="calendar.before", params={"day": as_of.isoformat(), "first": first.isoformat()},
                         field="--as-of")

    def rule_ref(self, choice: Choice, rules_dir: Path) -> str:
        """What to load for a choice: the round file when the round modifies the set, else the set id."""
        if choice.round is not None and choice.round.rules is not None:
            return str(rules_dir / choice.round.rules)
        return choice.rule_set


def forced(rule_set: str, renewal: str | None, option: str | None = "--rules") -> Choice:
    """The choice when an option (``--rules``, or ``--compare`` for each set it names) names the set:
    the calendar is not asked, and the reason names the option the user typed (a comparison's said
    "由 --rules 指定" to a user who never gave --rules). ``None``: the set came from a program (the
    Python API), which has no options to name."""
    reason = (Text(f"由 {option} 指定的规则集", f"the rule set named by {option}") if option is not None
              else Text("调用时指定的规则集", "the rule set given by the caller"))
    return Choice("renewal" if renewal else APPLICATION, renewal, rule_set, None, reason, None, None, forced=True)


_CACHE: dict[Path, Calendar] = {}


def is_calendar_file(path: Path) -> bool:
    """Whether ``path`` is a calendar by its keys (``periods``, no ``id``), whatever its name: a copy
    saved as my-calendar.yaml was read as a rule set by ``rules test`` ("unknown key 'rounds'"). A file
    that cannot be read is none here; read as a rule file, what is wrong with it is said."""
    try:
        if not path.is_file() or path.suffix.lower() not in (".yaml", ".yml"):
            return False
        data = read_rule_data(path)
    except (InputError, OSError):  # OSError: a name too long for the system
        return False
    return isinstance(data, dict) and "periods" in data and "id" not in data


def load_calendar(path: Path) -> Calendar:
    """Read and check a calendar file: strict keys, real dates, no gap or overlap within a kind."""
    key = path.resolve()
    if key not in _CACHE:
        _CACHE[key] = _read(path)
    return _CACHE[key]


# Every problem is a catalog message, said in the language of the run: a maintainer editing the calendar
# under --lang zh (next year's round notice is an edit of this file) was told each one in English.


def _words(v: Any, where: str, name: str, line: int | None) -> Text:
    if not isinstance(v, dict) or set(v) != {"zh", "en"} or not all(isinstance(x, str) and x for x in v.values()):
        raise InputError(kind="calendar.words", params={"got": Got(v)}, file=where, line=line, field=name)
    return Text(v["zh"], v["en"])


def _string(d: dict[str, Any], key: str, where: str, name: str) -> str:
    v = d.get(key)
    if not isinstance(v, str) or not v:
        raise InputError(kind="rule.string", params={"got": Got(v)}, file=where, line=line_of(d, key),
                         field=f"{name}.{key}")
    return v


def _date(d: dict[str, Any], key: str, where: str, name: str) -> date:
    try:
        return iso_date(d.get(key))
    except ValueError:
        raise InputError(kind="rule.date", params={"got": Got(d.get(key))}, file=where, line=line_of(d, key),
                         field=f"{name}.{key}") from None


def _keys(d: Any, required: set[str], optional: set[str], where: str, name: str, line: int | None) -> None:
    """An unknown key first, with the key it misspells (kind → kinds): "missing kinds" of a period that
    wrote ``kind:`` left the author to find the slip."""
    if not isinstance(d, dict):
        raise InputError(kind="rule.mapping", params={"got": Got(d)}, file=where, line=line, field=name)
    missing = required - set(d)
    unknown = set(d) - required - optional
    allowed = Choices(tuple(sorted(required | optional)))
    if unknown:
        bad = sorted(unknown, key=str)[0]
        near = nearest(bad, sorted(missing | (optional - set(d)))) if isinstance(bad, str) else None
        params: dict[str, object] = {"name": quoted(bad), "allowed": allowed}
        if near is not None:
            params["near"] = quoted(near)
        raise InputError(kind="rule.unknown_key_near" if near is not None else "rule.unknown_key", params=params,
                         file=where, line=line_of(d, bad), field=f"{name}.{bad}" if name else str(bad))
    if missing:
        raise InputError(kind="rule.missing_key", params={"name": quoted(sorted(missing)[0])}, file=where, line=line,
                         field=name or None)


def _confidence(d: dict[str, Any], where: str, name: str) -> str:
    v = d.get("confidence")
    if v not in CONFIDENCE:
        raise InputError(kind="rule.choice", params={"allowed": Choices(tuple(CONFIDENCE)), "value": quoted(v),
                                                     "hint": ""},
                         file=where, line=line_of(d, "confidence"), field=f"{name}.confidence")
    return str(v)


def _read(path: Path) -> Calendar:
    where = str(path)
    data = read_file(path)
    _keys(data, {"format", "rounds", "periods"}, set(), where, "", None)
    if type(data["format"]) is not int or data["format"] != 1:
        raise InputError(kind="rule.format", params={"got": Got(data["format"])}, file=where,
                         line=line_of(data, "format"), field="format")
    rounds: dict[str, Round] = {}
    raw_rounds = data["rounds"]
    _keys(raw_rounds, set(), set(raw_rounds) if isinstance(raw_rounds, dict) else set(), where, "rounds",
          line_of(data, "rounds"))
    for rid, r in raw_rounds.items():
        name = f"rounds.{rid}"
        _keys(r, {"ref", "zh", "en", "summary", "source", "confidence"}, {"rules"}, where, name,
              line_of(raw_rounds, rid))
        rules = r.get("rules")
        if rules is not None:
            if not isinstance(rules, str) or not rules.endswith(".yaml") or ".." in Path(rules).parts \
                    or Path(rules).is_absolute() or not (path.parent / rules).is_file():
                raise InputError(kind="calendar.round_file", params={"got": Got(rules)}, file=where,
                                 line=line_of(r, "rules"), field=f"{name}.rules")
        rounds[str(rid)] = Round(str(rid), _string(r, "ref", where, name), Text(_string(r, "zh", where, name),
                                 _string(r, "en", where, name)),
                                 _words(r["summary"], where, f"{name}.summary", line_of(r, "summary")),
                                 rules, _string(r, "source", where, name), _confidence(r, where, name))
    periods: list[Period] = []
    raw_periods = data["periods"]
    if not isinstance(raw_periods, list) or not raw_periods:
        raise InputError(kind="calendar.periods", params={"got": Got(raw_periods)}, file=where,
                         line=line_of(data, "periods"), field="periods")
    for i, p in enumerate(raw_periods):
        name = f"periods[{i}]"
        line = line_of(raw_periods, i)
        _keys(p, {"from", "kinds", "rules", "reason", "source", "confidence"}, {"to", "round"}, where, name, line)
        kinds = p["kinds"]
        if not isinstance(kinds, list) or not kinds or any(k not in KINDS for k in kinds):
            raise InputError(kind="calendar.kinds", params={"kinds": Choices(KINDS), "got": Got(kinds)}, file=where,
                             line=line_of(p, "kinds"), field=f"{name}.kinds")
        start = _date(p, "from", where, name)
        end = _date(p, "to", where, name) if "to" in p else None
        if end is not None and end < start:
            raise InputError(kind="rule.force_end", params={"start": str(start), "end": str(end)}, file=where,
                             line=line_of(p, "to"), field=f"{name}.to")
        round_id = p.get("round")
        if round_id is not None and round_id not in rounds:
            raise InputError(kind="calendar.unknown_round", params={"name": quoted(round_id), "known": Choices(tuple(rounds))},
                             file=where, line=line_of(p, "round"), field=f"{name}.round")
        periods.append(Period(start, end, tuple(kinds), _string(p, "rules", where, name),
                              rounds[round_id] if round_id else None,
                              _words(p["reason"], where, f"{name}.reason", line_of(p, "reason")),
                              _string(p, "source", where, name), _confidence(p, where, name), line))
    _check_continuous(periods, where)
    _check_beside(path, raw_periods, periods)
    return Calendar(rounds, tuple(periods), where)


def _check_beside(path: Path, raw: list[Any], periods: list[Period]) -> None:
    """What each period names is beside the calendar and fits it: its rule set is a file there, and a
    round that modifies a set modifies that one. A typo (miit-2062) was told to a user who typed no
    --rules as 「--rules: unknown rule set」; a period of miit-2026 given the 2025 round (whose file modifies
    miit-2022) was judged by the 2022 measures while the report and the JSON named miit-2026."""
    where, folder = str(path), path.parent
    known = sorted(p.stem for p in folder.glob("*.yaml") if not p.stem.startswith("_")
                   and not p.name.endswith(".tests.yaml") and p.name != path.name)
    modified: dict[str, tuple[Any, Any]] = {}  # round id -> (the set its file modifies, the round it names)
    for i, (p, period) in enumerate(zip(raw, periods, strict=True)):
        name = f"periods[{i}]"
        if period.rules not in known:
            # a copy in a folder of its own has none beside it: "(the rule sets beside the calendar: )" said nothing
            raise InputError(kind="calendar.unknown_set" if known else "calendar.no_sets",
                             params={"name": quoted(period.rules), "known": Choices(tuple(known))},
                             file=where, line=line_of(p, "rules"), field=f"{name}.rules")
        rnd = period.round
        if rnd is None or rnd.rules is None:
            continue
        if rnd.id not in modified:
            data = read_file(folder / rnd.rules)
            modified[rnd.id] = (data.get("id"), data.get("round")) if isinstance(data, dict) else (None, None)
        sets, names = modified[rnd.id]
        if names != rnd.id:
            raise InputError(kind="calendar.round_names", params={"round": quoted(rnd.id), "file": rnd.rules,
                                                                  "names": quoted(names)},
                             file=where, line=line_of(p, "round"), field=f"{name}.round")
        if sets != period.rules:
            raise InputError(kind="calendar.round_set", params={"round": quoted(rnd.id), "sets": quoted(sets),
                                                                "file": rnd.rules, "rules": quoted(period.rules)},
                             file=where, line=line_of(p, "round"), field=f"{name}.round")


def _check_continuous(periods: list[Period], where: str) -> None:
    """Within each kind the periods follow each other day by day, and only the last is open-ended."""
    for kind in KINDS:
        mine = sorted((p for p in periods if kind in p.kinds), key=lambda p: p.start)
        if not mine:
            raise InputError(kind="calendar.no_period", params={"kind": quoted(kind)}, file=where, field="periods")
        for a, b in pairwise(mine):
            if a.end is None or (b.start - a.end).days != 1:
                what = "calendar.overlap" if a.end is None or b.start <= a.end else "calendar.gap"
                raise InputError(kind=what, params={"kind": quoted(kind), "a": str(a.start), "b": str(b.start)},
                                 file=where, line=b.line, field="periods")
        if mine[-1].end is not None:
            raise InputError(kind="calendar.open_end", params={"kind": quoted(kind)}, file=where,
                             line=mine[-1].line, field="periods")
