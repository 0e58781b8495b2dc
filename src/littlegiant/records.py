"""``record``: a dataclass whose methods are shared functions, not source compiled class by class.

Python 3.11's ``@dataclass`` writes each method (``__init__``, ``__repr__``, ``__eq__``, and for a
frozen class ``__setattr__``, ``__delattr__``, ``__hash__``) as source text and compiles it: about
2.4 ms for a frozen class here, and an assessment defines some forty classes, a tenth of its
start-up (issue #14). A ``record`` is the same dataclass to the standard library
(``dataclasses.fields``, ``replace``, ``asdict``, ``is_dataclass``, pickling; assigning to a frozen
one raises ``FrozenInstanceError``), whose methods are functions defined once below that read the
class's fields as the generated ones would: the same fields (``init``, ``compare``, ``hash``,
``repr``), in the same order, with the same results. Only ``__dataclass_params__`` differs: it says
what ``dataclasses`` itself made (no eq, repr or frozen), which nothing here reads and which matters
only to a dataclass that inherits from a record (there is none).

The shared ``__init__`` binds its arguments in Python, about 1-3 µs an instance against a
fraction of that for a compiled one: a class made many times a run (per company of a batch) says
``hot=True`` and keeps the ``__init__`` (and frozen methods) dataclasses compiles for it.
"""

from __future__ import annotations

import dataclasses
from _thread import get_ident
from collections.abc import Callable
from operator import attrgetter
from typing import Any, TypeVar, dataclass_transform, overload

T = TypeVar("T")

_REQUIRED, _VALUE, _FACTORY = 0, 1, 2


def _getter(names: tuple[str, ...]) -> Callable[[Any], tuple[Any, ...]]:
    """A function giving a tuple of the named attributes (attrgetter gives a bare value for one name)."""
    if len(names) > 1:
        return attrgetter(*names)
    if names:
        one = names[0]
        return lambda obj: (getattr(obj, one),)
    return lambda obj: ()


def _kind(f: dataclasses.Field[Any]) -> tuple[int, Any]:
    if f.default is not dataclasses.MISSING:
        return _VALUE, f.default
    if f.default_factory is not dataclasses.MISSING:
        return _FACTORY, f.default_factory
    return _REQUIRED, None


def _init(cls: type, fields: tuple[dataclasses.Field[Any], ...], frozen: bool) -> Callable[..., None]:
    """The ``__init__`` dataclasses would write for ``fields``: positional or keyword arguments in field
    order, defaults and default factories, fields with ``init=False`` set from their default, then
    ``__post_init__``."""
    slots = "__slots__" in cls.__dict__
    # a field with init=False and a plain default is read from the class, unless there are slots
    plan = tuple((f.name, f.init, *_kind(f)) for f in fields if f.init or slots or f.default is dataclasses.MISSING)
    names = tuple(f.name for f in fields if f.init)
    count = len(names)
    known = frozenset(names)
    setter = object.__setattr__ if frozen else setattr
    # without slots or a descriptor in a field's place, setting the fields is filling the instance's
    # dict, in field order: one call instead of one a field
    direct = not slots and not any(hasattr(type(getattr(cls, f.name, None)), "__set__") for f in fields)
    post_init = getattr(cls, "__post_init__", None)
    where = f"{cls.__qualname__}.__init__()"
    unset = object()

    def __init__(self: Any, *args: Any, **kwargs: Any) -> None:
        if args:
            if len(args) > count:
                raise TypeError(f"{where} takes {count + 1} positional arguments but {len(args) + 1} were given")
            given = dict(zip(names, args, strict=False))
            for key in kwargs:
                if key in given:
                    raise TypeError(f"{where} got multiple values for argument {key!r}")
            given.update(kwargs)
        else:
            given = kwargs
        if not known.issuperset(given):
            wrong = next(key for key in given if key not in known)
            raise TypeError(f"{where} got an unexpected keyword argument {wrong!r}")
        values = {}
        for name, init, kind, default in plan:
            value = given.get(name, unset) if init else unset
            if value is unset:
                if kind == _VALUE:
                    value = default
                elif kind == _FACTORY:
                    value = default()
                elif init:
                    raise TypeError(f"{where} missing required argument: {name!r}")
                else:
                    continue  # init=False without a default: left unset, as dataclasses leaves it
            values[name] = value
        if direct:
            self.__dict__.update(values)
        else:
            for name, value in values.items():
                setter(self, name, value)
        if post_init is not None:
            self.__post_init__()

    return __init__


def _frozen(cls: type, names: frozenset[str]) -> tuple[Callable[..., None], Callable[..., None]]:
    """``__setattr__`` and ``__delattr__`` of a frozen dataclass, as dataclasses writes them."""

    def __setattr__(self: Any, name: str, value: Any) -> None:
        if type(self) is cls or name in names:
            raise dataclasses.FrozenInstanceError(f"cannot assign to field {name!r}")
        super(cls, self).__setattr__(name, value)  # type: ignore[arg-type]

    def __delattr__(self: Any, name: str) -> None:
        if type(self) is cls or name in names:
            raise dataclasses.FrozenInstanceError(f"cannot delete field {name!r}")
        super(cls, self).__delattr__(name)  # type: ignore[arg-type]

    return __setattr__, __delattr__


def _finish(cls: type[T], frozen: bool, shared_init: bool) -> type[T]:
    fields: tuple[dataclasses.Field[Any], ...] = dataclasses.fields(cls)  # type: ignore[arg-type]
    compared = _getter(tuple(f.name for f in fields if f.compare))
    hashed = _getter(tuple(f.name for f in fields if (f.compare if f.hash is None else f.hash)))
    shown = tuple(f.name for f in fields if f.repr)
    running: set[tuple[int, int]] = set()

    def __eq__(self: Any, other: Any) -> Any:
        if other.__class__ is self.__class__:
            return compared(self) == compared(other)
        return NotImplemented

    def __repr__(self: Any) -> str:
        key = (id(self), get_ident())
        if key in running:  # a record that holds itself, as dataclasses' own repr says it
            return "..."
        running.add(key)
        try:
            return f"{self.__class__.__qualname__}({', '.join(f'{n}={getattr(self, n)!r}' for n in shown)})"
        finally:
            running.discard(key)

    def __hash__(self: Any) -> int:
        return hash(hashed(self))

    methods: dict[str, Any] = {"__eq__": __eq__, "__repr__": __repr__}
    if shared_init:
        if "__init__" not in cls.__dict__:
            methods["__init__"] = _init(cls, fields, frozen)
        if frozen:
            methods["__setattr__"], methods["__delattr__"] = _frozen(cls, frozenset(f.name for f in fields))
    for name, method in methods.items():
        method.__qualname__ = f"{cls.__qualname__}.{name}"
        setattr(cls, name, method)
    if frozen:  # a frozen dataclass that compares by value hashes by value
        __hash__.__qualname__ = f"{cls.__qualname__}.__hash__"
        cls.__hash__ = __hash__  # type: ignore[method-assign]
    else:  # a mutable one that compares by value is unhashable
        cls.__hash__ = None  # type: ignore[assignment]
    return cls


@overload
def record(cls: type[T], /) -> type[T]: ...


@overload
def record(*, frozen: bool = False, slots: bool = False, hot: bool = False) -> Callable[[type[T]], type[T]]: ...


@dataclass_transform(field_specifiers=(dataclasses.field, dataclasses.Field))
def record(cls: type[T] | None = None, /, *, frozen: bool = False, slots: bool = False,
           hot: bool = False) -> type[T] | Callable[[type[T]], type[T]]:
    """``@dataclass`` with ``eq=True, repr=True`` and the given ``frozen``/``slots``, cheaper to define;
    ``hot``: made many times a run, so its ``__init__`` is compiled as dataclasses does."""

    def wrap(cls: type[T]) -> type[T]:
        own = [name for name in ("__eq__", "__repr__", "__hash__", "__setattr__", "__delattr__") if name in cls.__dict__]
        if own:  # a class's own method stays with @dataclass; here it would be replaced
            raise TypeError(f"{cls.__qualname__} defines {own[0]}: use @dataclass")
        shared = not hot and not (frozen and slots)  # frozen slots need dataclasses' own pickling support
        made = dataclasses.dataclass(cls, init=not shared, repr=False, eq=False, frozen=frozen and not shared,
                                     slots=slots)
        if any(f._field_type is dataclasses._FIELD_INITVAR  # type: ignore[attr-defined]
               for f in made.__dataclass_fields__.values()):  # type: ignore[attr-defined]
            raise TypeError(f"{cls.__qualname__}: a record takes no InitVar (use @dataclass)")
        if shared and any(f.kw_only is True for f in made.__dataclass_fields__.values()):  # type: ignore[attr-defined]
            # the shared __init__ binds arguments by position in field order, as kw_only fields are not
            raise TypeError(f"{cls.__qualname__}: a record takes no keyword-only field (use @dataclass)")
        return _finish(made, frozen, shared)

    return wrap if cls is None else wrap(cls)
