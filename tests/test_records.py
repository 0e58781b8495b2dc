"""A ``record`` behaves as the ``@dataclass`` it replaces: equality, hashing, repr, frozenness, replace, pickling."""

from __future__ import annotations

import dataclasses
import pickle
from dataclasses import dataclass, field
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from littlegiant.records import record

VALUES = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=5)
                      | st.decimals(allow_nan=False),
                      lambda inner: st.tuples(inner, inner) | st.frozensets(st.integers(), max_size=3), max_leaves=4)


@dataclass(frozen=True)
class FrozenDC:
    a: Any
    b: Any = None
    hidden: Any = field(default=None, compare=False, repr=False)


@record(frozen=True)
class FrozenRec:
    a: Any
    b: Any = None
    hidden: Any = field(default=None, compare=False, repr=False)


@dataclass(slots=True)
class MutableDC:
    a: Any
    items: list[Any] = field(default_factory=list)


@record(slots=True)
class MutableRec:
    a: Any
    items: list[Any] = field(default_factory=list)


@dataclass(frozen=True)
class OneDC:
    a: Any


@record(frozen=True)
class OneRec:
    a: Any


def _repr_as_dc(text: str, rec: str, dc: str) -> str:
    return text.replace(rec, dc, 1)


@given(VALUES, VALUES, VALUES, VALUES, VALUES)
def test_frozen_record_compares_hashes_and_shows_as_a_dataclass(a: Any, b: Any, hidden: Any, a2: Any, b2: Any) -> None:
    """Two frozen records are equal, hash and repr exactly when (and as) the same dataclasses do."""
    dc1, dc2 = FrozenDC(a, b, hidden), FrozenDC(a2, b2)
    r1, r2 = FrozenRec(a, b, hidden), FrozenRec(a2, b2)
    assert (r1 == r2) == (dc1 == dc2)
    assert (r1 != r2) == (dc1 != dc2)
    assert (r1 == r1) == (dc1 == dc1)  # a NaN field: the same object still equals itself
    try:
        expected: int | type[Exception] = hash(dc1)
    except TypeError:
        expected = TypeError
    if expected is TypeError:
        with pytest.raises(TypeError):
            hash(r1)
    else:
        assert hash(r1) == expected
    assert _repr_as_dc(repr(r1), "FrozenRec", "FrozenDC") == repr(dc1)
    assert r1 != dc1 and dc1 != r1  # another class is never equal, as between two dataclasses
    assert (OneRec(a) == OneRec(a2)) == (OneDC(a) == OneDC(a2))
    if expected is not TypeError:
        assert hash(OneRec(a)) == hash(OneDC(a))


@given(VALUES, st.lists(VALUES, max_size=3), VALUES)
def test_mutable_record_compares_and_refuses_a_hash_as_a_dataclass(a: Any, items: list[Any], a2: Any) -> None:
    """A mutable record compares by its fields, shows them, and cannot be hashed, as a mutable dataclass."""
    dc, rec = MutableDC(a, list(items)), MutableRec(a, list(items))
    assert (rec == MutableRec(a2, list(items))) == (dc == MutableDC(a2, list(items)))
    assert _repr_as_dc(repr(rec), "MutableRec", "MutableDC") == repr(dc)
    with pytest.raises(TypeError):
        hash(rec)
    rec.a = a2
    assert rec.a is a2


def test_a_record_is_a_dataclass_to_the_standard_library() -> None:
    """fields, replace, asdict, frozenness and pickling work on a record as on a dataclass."""
    rec = FrozenRec(1, [2], hidden="h")
    assert dataclasses.is_dataclass(rec)
    assert [f.name for f in dataclasses.fields(rec)] == ["a", "b", "hidden"]
    assert dataclasses.replace(rec, a=5) == FrozenRec(5, [2])
    assert dataclasses.asdict(rec) == {"a": 1, "b": [2], "hidden": "h"}
    with pytest.raises(dataclasses.FrozenInstanceError):
        rec.a = 2  # type: ignore[misc]
    assert pickle.loads(pickle.dumps(rec)) == rec
    mutable = MutableRec(1)
    assert MutableRec(1).items is not mutable.items  # default_factory: one list each
    assert pickle.loads(pickle.dumps(mutable)) == mutable
    assert MutableRec.__match_args__ == ("a", "items")


def test_a_record_that_holds_itself_shows_dots() -> None:
    """A record inside its own field shows as ``...`` there, as a dataclass's repr does."""
    rec = MutableRec(1)
    rec.items.append(rec)
    dc = MutableDC(1)
    dc.items.append(dc)
    assert _repr_as_dc(repr(rec), "MutableRec", "MutableDC") == repr(dc) == "MutableDC(a=1, items=[...])"


def test_a_class_with_its_own_comparison_is_refused() -> None:
    """A class that defines __eq__ itself is told to use @dataclass, not silently given another."""
    with pytest.raises(TypeError, match="__eq__"):
        @record
        class Own:
            a: int

            def __eq__(self, other: object) -> bool:
                return True


def test_a_keyword_only_field_is_refused() -> None:
    """The shared __init__ binds arguments by position in field order: a keyword-only field would
    take a positional argument meant for the field after it (K(5) gave a=5, b=2; a dataclass gives
    a=1, b=5), so such a class is told to use @dataclass."""
    with pytest.raises(TypeError, match="keyword-only"):
        @record
        class K:
            a: int = field(default=1, kw_only=True)
            b: int = 2


def _many(decorate: Any, name: str) -> Any:
    """One class with every kind of field (defaults, factories, init=False), under ``decorate``, named
    ``name`` (the module-level name it is given, by which pickle finds it)."""

    class Many:
        a: Any
        b: Any = 7
        c: list[Any] = field(default_factory=list)
        d: Any = field(default="class", init=False)
        e: list[Any] = field(default_factory=list, init=False)

    Many.__name__ = Many.__qualname__ = name
    return decorate(Many)


ManyDC = _many(dataclass(frozen=True), "ManyDC")
ManyRec = _many(record(frozen=True), "ManyRec")
ManyHot = _many(record(frozen=True, hot=True), "ManyHot")


def _outcome(make: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
    """What calling a class gives: its fields and instance dict, or the kind of error."""
    try:
        made = make(*args, **kwargs)
    except TypeError:
        return TypeError
    return dataclasses.astuple(made), sorted(vars(made))


ARGS = st.lists(st.integers(0, 3), max_size=4).map(tuple)
KWARGS = st.dictionaries(st.sampled_from(["a", "b", "c", "d", "z"]), st.integers(0, 3), max_size=3)


@given(ARGS, KWARGS)
def test_shared_init_takes_what_a_dataclass_init_takes(args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    """Positional and keyword arguments, defaults, factories and init=False fields: the same instance or a TypeError."""
    expected = _outcome(ManyDC, args, kwargs)
    assert _outcome(ManyRec, args, kwargs) == expected
    assert _outcome(ManyHot, args, kwargs) == expected


def test_a_shared_frozen_record_refuses_every_assignment_as_a_dataclass() -> None:
    """Assigning or deleting a field, or setting a new attribute, raises FrozenInstanceError with dataclasses' words."""
    rec, dc = ManyRec(1), ManyDC(1)
    for obj in (rec, dc):
        with pytest.raises(dataclasses.FrozenInstanceError, match="cannot assign to field 'a'"):
            obj.a = 2
        with pytest.raises(dataclasses.FrozenInstanceError, match="cannot assign to field 'new'"):
            obj.new = 2
        with pytest.raises(dataclasses.FrozenInstanceError, match="cannot delete field 'a'"):
            del obj.a
    assert rec.c is not ManyRec(1).c  # one list each
    assert pickle.loads(pickle.dumps(rec)) == rec
    assert dataclasses.replace(rec, b=3) == ManyRec(1, 3)


def test_post_init_runs_after_the_fields_are_set() -> None:
    """A record's __post_init__ sees its fields, as a dataclass's does."""
    seen: list[Any] = []

    @record
    class Late:
        a: int
        b: int = 2

        def __post_init__(self) -> None:
            seen.append((self.a, self.b))

    Late(1)
    Late(b=5, a=4)
    assert seen == [(1, 2), (4, 5)]
