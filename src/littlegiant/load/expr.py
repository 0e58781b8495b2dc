"""A small, safe expression language for rule files.

Rule files may come from third parties, so formulas are never given to ``eval``. They are
parsed with :func:`ast.parse` and only a whitelist of node types is accepted; anything else
(attribute access, lambdas, comprehensions, calls to anything but a few math functions) is
a rule-file error. The accepted tree is compiled once into Python closures, which keeps
evaluation fast enough for batch runs over hundreds of thousands of profiles.

Values are ``Decimal``, ``bool``, ``str`` or ``None``. ``None`` means *unknown* and
propagates through arithmetic and comparisons; ``and``/``or``/``not`` follow Kleene's
three-valued logic so that a known ``False`` still decides an ``and``.

Exactness: arithmetic runs with 60 significant digits and every quotient and square root
is settled to 30 decimal places. Sums of repeating quotients then land on their true value
(92/69 + 69/90 is exactly 2.1), and no two distinct values that real inputs (万元 with cents)
can produce are closer than 1e-25, so nothing is rounded in a way that changes a comparison.
"""

from __future__ import annotations

import ast
import functools
import math
import operator
from collections.abc import Callable, Sequence
from dataclasses import field
from decimal import Context, Decimal, InvalidOperation
from typing import Any, Protocol

from littlegiant.messages import Choices, Text, clip, quoted, say
from littlegiant.records import record

Value = Decimal | bool | str | None

CTX = Context(prec=60)
_SETTLE = Decimal(1).scaleb(-30)
_ONE = Decimal(1)

YEAR_NAMES = {"y1": 0, "y2": 1, "y3": 2, "y4": 3, "y5": 4}
"""``y1`` is the last fiscal year before the as-of year, ``y2`` the one before, and so on."""

PARAM_YEAR = "y"
"""Inside a per-year derived quantity, ``y`` is the year it is computed for."""

# Limits on one formula (README, "Limits and threat model"); the built-in ones stay under a fifth.
MAX_CHARS = 500
"""Characters of one formula (the longest built-in one has 97)."""
MAX_NODES = 200
"""Parts of one formula: names, numbers, operators (42)."""
MAX_DEPTH = 24
"""Operators within operators (8); deeper nesting would recurse through the compiler."""
MAX_CONSTANT = Decimal(10) ** 15
"""A formula's numbers are under this (1e309 would be infinite as a float), as a profile's are."""


class Env(Protocol):
    """What an expression reads its names from (the engine's evaluation context)."""

    def get(self, name: str, offset: int | None) -> Value:
        """The value of a field or derived quantity; ``offset`` counts years back from y1."""
        ...


class ExprError(ValueError):
    """An expression that the whitelist rejects or that refers to something undefined: ``kind`` (a
    messages catalog key) and its parameters, so that the rule file's error says it in zh too."""

    def __init__(self, kind: str, **params: object) -> None:
        super().__init__(say(kind, "en", params))
        self.kind = kind
        self.params = params

    def __reduce__(self) -> tuple[Any, ...]:
        return _expr_error, (self.kind, self.params)


def _expr_error(kind: str, params: dict[str, object]) -> ExprError:
    return ExprError(kind, **params)


def _places30(value: Decimal) -> Decimal:
    """``value`` rounded to 30 places; one of 30 digits or more before the point has no places left
    to round within the 60 digits kept, and stays as it is."""
    try:
        return CTX.quantize(value, _SETTLE)  # positional: keyword arguments cost more than the rounding
    except InvalidOperation:
        return value


def settle(value: Decimal) -> Decimal:
    """Round a quotient to 30 places, dropping the zeros that rounding added."""
    settled = _places30(value)
    if settled == value:  # 30 places or fewer: nothing to settle (cheaper than reading the exponent)
        return value
    if settled == settled.to_integral_value():
        return CTX.quantize(settled, _ONE)
    return settled.normalize(CTX)


def _num(v: Value, what: str | ast.expr) -> Decimal:
    """``v`` as the number an operator needs; ``what``: the operator, or the part of the formula
    (unparsed only for the message: doing it for every part of every formula slowed start-up)."""
    if isinstance(v, bool) or not isinstance(v, Decimal):
        raise ExprError("expr.needs_number", what=what if isinstance(what, str) else ast.unparse(what), got=quoted(v))
    return v


def _div(a: Decimal, b: Decimal) -> Decimal | None:
    if not b:  # zero (a comparison with the int 0 would convert it first)
        return None  # docs/criteria.md §3: a ratio whose denominator is zero is unknown
    return settle(CTX.divide(a, b))


def _div_unsettled(a: Decimal, b: Decimal) -> Decimal | None:
    """The quotient :func:`_div` gives, rounded to the same 30 places but with its zeros kept: the
    same value at half the cost. Decimal arithmetic and comparison depend on values alone, so
    everything computed from it has the same value too; for plans, which never show it."""
    if not b:
        return None
    quotient = CTX.divide(a, b)
    try:  # _places30, inlined: every ratio of every batch row comes here
        return CTX.quantize(quotient, _SETTLE)
    except InvalidOperation:
        return quotient


def _sqrt(a: Decimal) -> Decimal | None:
    if a < 0:
        return None
    return settle(a.sqrt(CTX))


def _floor(a: Decimal) -> Decimal:
    if a.adjusted() >= CTX.prec:  # already whole: math.floor would build an integer of its every digit
        return a
    return Decimal(math.floor(a))


_ARITY: dict[str, tuple[int, int | None]] = {"sqrt": (1, 1), "floor": (1, 1), "abs": (1, 1),
                                              "min": (1, None), "max": (1, None)}
_FUNCS: dict[str, Callable[..., Decimal | None]] = {
    "sqrt": _sqrt,
    "floor": _floor,
    "min": lambda *a: min(a),
    "max": lambda *a: max(a),
    "abs": lambda a: abs(a),
}
_ARITH: dict[type, Callable[[Decimal, Decimal], Decimal | None]] = {
    ast.Add: CTX.add,
    ast.Sub: CTX.subtract,
    ast.Mult: CTX.multiply,
    ast.Div: _div,
}
_ARITH_UNSETTLED = {**_ARITH, ast.Div: _div_unsettled}
_CMP: dict[type, Callable[[Any, Any], Any]] = {
    ast.Lt: operator.lt,
    ast.LtE: operator.le,
    ast.Gt: operator.gt,
    ast.GtE: operator.ge,
    ast.Eq: operator.eq,
    ast.NotEq: operator.ne,
    ast.In: lambda a, b: a in b,
    ast.NotIn: lambda a, b: a not in b,
}

Compiled = Callable[[Any, int], Value]
"""A compiled expression: ``fn(env, param_offset)``; ``env`` is what its leaves read from (an
:class:`Env` for the engine, a plan's per-profile dict for batch plans)."""

Leaf = Callable[[str, int | None, bool], "Compiled | str"]
"""How a name is read: ``leaf(name, offset, is_param)`` gives the compiled read of that reference,
or a key when the environment is a mapping that holds the value under it (``env.get(key)``)."""


def _env_leaf(name: str, offset: int | None, param: bool) -> Compiled:
    """The default read: ask the environment, which resolves fields, years and derived quantities."""
    if param:
        return lambda env, p: env.get(name, p)
    return lambda env, p: env.get(name, offset)


@record(frozen=True)
class Ref:
    """A name an expression reads: a field or derived id and its year (None: not per year).

    ``offset`` is years back from y1; ``param`` marks a reference to the per-year parameter.
    """

    name: str
    offset: int | None
    param: bool = False


@record(frozen=True)
class Expression:
    """A parsed, whitelisted, compiled expression and the names it reads."""

    source: str
    refs: tuple[Ref, ...]
    fn: Compiled
    only: Ref | None = None  # the expression is nothing but this one reference
    tree: ast.expr | None = field(default=None, compare=False, repr=False)  # kept for recompile and kind_of
    parts: int = field(default=0, compare=False, repr=False)  # as MAX_NODES counts them: a rule set's total is bounded

    @property
    def body(self) -> ast.expr:
        """The accepted syntax tree (parsed again only for an Expression built without one)."""
        return self.tree if self.tree is not None else ast.parse(self.source, mode="eval").body

    def __call__(self, env: Env, param: int = 0) -> Value:
        return self.fn(env, param)


def _literal(node: ast.expr) -> Value | tuple[Value, ...]:
    if isinstance(node, ast.Constant):
        v = node.value
        if isinstance(v, bool) or v is None or isinstance(v, str):
            return v
        if isinstance(v, int):
            return _bounded(Decimal(v), node)
        if isinstance(v, float):
            return _bounded(Decimal(repr(v)), node)
    raise ExprError("expr.constant", part=quoted(_short(node)))


def _bounded(value: Decimal, node: ast.expr) -> Decimal:
    if not value.is_finite() or value.copy_abs() >= MAX_CONSTANT:
        raise ExprError("expr.too_large", number=_short(node))
    return value


def _short(node: ast.expr) -> str:
    """A part of a formula as messages quote it: one line, not the whole of a long formula."""
    text = ast.unparse(node)
    return text if len(text) <= 60 else text[:59] + "…"


def _check_size(tree: ast.expr, source: str) -> int:
    """Refuse a formula too large or too deep before anything recurses through it; its parts counted."""
    count = 0
    # each part with its depth and the top of the run of sums and products it is in (None: in none)
    stack: list[tuple[ast.AST, int, ast.BinOp | None]] = [(tree, 1, None)]
    while stack:
        node, depth, run = stack.pop()
        count += 1
        if count > MAX_NODES:
            raise ExprError("expr.parts", limit=MAX_NODES)
        if depth > MAX_DEPTH:
            terms = _terms(run) if run is not None else 0
            if terms > MAX_DEPTH // 2:  # a + b + c + … nests each term a level deeper: said as nesting, it misled
                raise ExprError("expr.long_sum", count=terms, limit=MAX_DEPTH)
            raise ExprError("expr.depth", limit=MAX_DEPTH)
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div | ast.Mod | ast.FloorDiv) \
                and _always_zero(node.right):  # never a value: its criterion stayed unknown with nothing missing
            raise ExprError("expr.div_zero", source=shown(source))
        # a term's own parts (revenue[y1] is three) are still in the run: a sum of them fails there
        top = (run or node) if isinstance(node, ast.BinOp) else run if isinstance(node, ast.Subscript) else None
        stack.extend((child, depth + 1, top) for child in ast.iter_child_nodes(node)
                     if not isinstance(child, ast.expr_context | ast.operator | ast.cmpop | ast.boolop | ast.unaryop))
    return count


def _terms(run: ast.BinOp) -> int:
    """How many terms a run of sums and products (``a + b * c - d``) joins: its operands that are no
    operation of the run themselves. Walked with a stack, the run being as deep as a formula is refused."""
    terms, stack = 0, [run.left, run.right]
    while stack:
        part = stack.pop()
        if isinstance(part, ast.BinOp):
            stack += [part.left, part.right]
        else:
            terms += 1
    return terms


def _always_zero(node: ast.expr, depth: int = 0) -> bool:
    """Whether a part of a formula is 0 whatever the answers: the number 0, a part taken from itself
    (``employees - employees``), minus or a product of such a part. Bounded by MAX_DEPTH, as the
    formula it is in."""
    if depth > MAX_DEPTH:
        return False
    if isinstance(node, ast.Constant):
        return type(node.value) in (int, float) and node.value == 0
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub | ast.UAdd):
        return _always_zero(node.operand, depth + 1)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Sub):
        return ast.dump(node.left) == ast.dump(node.right)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mult):
        return _always_zero(node.left, depth + 1) or _always_zero(node.right, depth + 1)
    return False


SHOWN_CHARS = 80
"""How much of a formula a message quotes: every message is cut at 300 characters, and a formula may
have 500, so "cannot parse '((((…" lost what was wrong with it (too many nested parentheses)."""


def shown(source: str) -> Text:
    """A formula as a message quotes it: on one line, at most SHOWN_CHARS characters."""
    return quoted(clip(source.strip(), SHOWN_CHARS))


def parse(source: str) -> Expression:
    """Parse and compile ``source``; raise ExprError for anything outside the whitelist."""
    if not isinstance(source, str) or not source.strip():
        raise ExprError("expr.empty")
    if len(source) > MAX_CHARS:
        raise ExprError("expr.chars", count=len(source), limit=MAX_CHARS)
    try:
        tree = ast.parse(source.strip(), mode="eval")
    except (SyntaxError, ValueError, MemoryError, RecursionError) as exc:
        problem = exc.msg if isinstance(exc, SyntaxError) else "too complex"
        raise ExprError("expr.syntax", source=shown(source), problem=_parse_problem(problem)) from None
    parts = _check_size(tree.body, source)
    refs: list[Ref] = []
    fn = _compile(tree.body, refs, _env_leaf)
    only = refs[0] if len(refs) == 1 and isinstance(tree.body, ast.Name | ast.Subscript) else None
    return Expression(source.strip(), tuple(dict.fromkeys(refs)), fn, only, tree.body, parts)


_PARSE_PROBLEMS = {
    "invalid syntax": "请检查运算符和括号",
    "too complex": "太复杂",
    "unexpected EOF while parsing": "公式没有写完",
    "invalid decimal literal": "数字写法不对",
    "unterminated string literal": "引号没有配对",
}
"""Python's own words for the commonest parse failures of a formula, in Chinese for a rule author working
in zh (others are kept as Python says them, beside the formula itself)."""


def _parse_problem(problem: str) -> Text | str:
    """Python's reason a formula does not parse, in both languages where it is a common one: ('(' was
    never closed) read as English inside a Chinese message."""
    zh = _PARSE_PROBLEMS.get(problem)
    never, unmatched = "' was never closed", "unmatched '"
    if zh is None and problem.startswith("'") and problem.endswith(never):
        zh = "“" + problem[1:-len(never)] + "”没有配对的右括号"
    elif zh is None and problem.startswith(unmatched) and problem.endswith("'"):
        zh = "多了一个“" + problem[len(unmatched):-1] + "”"
    elif zh is None and problem.startswith("closing parenthesis '"):
        zh = "括号没有正确配对"
    return Text(zh, problem) if zh is not None else problem


def recompile(expression: Expression, leaf: Leaf, settled: bool = True) -> Compiled:
    """The same expression compiled with its names read by ``leaf`` instead of ``env.get``.

    A batch plan resolves every field to its concrete path and every derived quantity to its memo
    once, when it is built, so a profile's evaluation reads its dict directly. The source was
    accepted by :func:`parse` already; the whitelist is applied again all the same. With
    ``settled=False`` quotients keep the zeros that settling drops (see _div_unsettled).
    """
    arith = _ARITH if settled else _ARITH_UNSETTLED
    return _compile(expression.body, [], leaf, arith)


def _ratio(ka: str, kb: str, part: ast.expr, op: Callable[[Decimal, Decimal], Decimal | None] | None = None,
           cb: Decimal | None = None) -> Compiled:
    """``a / b`` of two reads as a plan takes it (_div_unsettled), and with ``op`` and ``cb``
    ``a / b op constant`` (``rd_expense[y] / revenue[y] * 100``): every share and ratio of a rule set
    (R&D share, debt ratio, main-business share, growth), several a batch row. One closure for the
    whole share, the same operations on the same operands as binop's, so the same value: binop's
    dispatch on its operands' kinds, and a second closure for the constant, were a third of its cost."""
    divide, quantize = CTX.divide, CTX.quantize

    def ratio(env: Any, p: int) -> Value:
        a, b = env.get(ka), env.get(kb)
        if a is None or b is None:
            return None
        if type(a) is not Decimal or type(b) is not Decimal:
            a, b = _num(a, part), _num(b, part)
        if not b:
            return None  # a zero denominator (docs/criteria.md §3)
        try:  # _div_unsettled, inlined: a call less for each of a row's several ratios
            quotient = divide(a, b)
            try:
                quotient = quantize(quotient, _SETTLE)
            except InvalidOperation:  # 30 digits or more before the point: as _places30
                pass
            return quotient if op is None else op(quotient, cb)  # type: ignore[arg-type]
        except ArithmeticError:  # as binop: beyond what a number to judge by can be
            return None
    return ratio


def _applied(op: Callable[[Decimal, Decimal], Decimal | None], fa: Compiled, cb: Value, part: ast.expr) -> Compiled:
    """``(…) op constant`` (a ratio ``* 100``, a quotient ``- 1``), the other shape every derived
    share takes: binop without its dispatch on the operands' kinds."""

    def applied(env: Any, p: int) -> Value:
        a = fa(env, p)
        if a is None or cb is None:
            return None
        try:
            if type(a) is Decimal and type(cb) is Decimal:
                return op(a, cb)
            return op(_num(a, part), _num(cb, part))
        except ArithmeticError:
            return None
    return applied


def _reader(read: Compiled | str) -> Compiled:
    if isinstance(read, str):
        return lambda env, p: env.get(read)
    return read


Operand = tuple[Compiled | None, str | None, Value]
"""An operand as :func:`_operand` gives it."""


def _operand(node: ast.expr, refs: list[Ref], leaf: Leaf, arith: dict[type, Any]) -> Operand:
    """An operand as (compiled, None, None), or (None, key, None) for a plain read of a mapping,
    or (None, None, value) for a constant."""
    if isinstance(node, ast.Constant):
        value = _literal(node)
        assert not isinstance(value, tuple)  # _literal gives tuples only for `in` lists
        return None, None, value
    if isinstance(node, ast.Name | ast.Subscript):
        read = _name(node, refs, leaf)
        return (None, read, None) if isinstance(read, str) else (read, None, None)
    return _compile(node, refs, leaf, arith), None, None


def _name(node: ast.Name | ast.Subscript, refs: list[Ref], leaf: Leaf) -> Compiled | str:
    """A reference to a field or derived quantity, with or without a year."""
    if isinstance(node, ast.Name):
        if node.id in YEAR_NAMES or node.id == PARAM_YEAR:
            raise ExprError("expr.year_name", name=node.id)
        refs.append(Ref(node.id, None))
        return leaf(node.id, None, False)
    if not isinstance(node.value, ast.Name) or not isinstance(node.slice, ast.Name):
        raise ExprError("expr.index", part=quoted(ast.unparse(node)))
    name, year = node.value.id, node.slice.id
    if year == PARAM_YEAR:
        refs.append(Ref(name, 0, param=True))
        return leaf(name, 0, True)
    if year not in YEAR_NAMES:
        raise ExprError("expr.year", year=quoted(year))
    refs.append(Ref(name, YEAR_NAMES[year]))
    return leaf(name, YEAR_NAMES[year], False)


def _binop(op: Callable[[Decimal, Decimal], Decimal | None], left: Operand, right: Operand, part: ast.expr) -> Compiled:
    """``left op right``, its operands compiled."""
    fa, ka, ca = left
    fb, kb, cb = right
    if ka is not None and kb is not None and op is _div_unsettled:
        return _ratio(ka, kb, part)
    if fa is not None and kb is None and fb is None:
        return _applied(op, fa, cb, part)

    def binop(env: Any, p: int) -> Value:
        # Operands that are plain reads or constants are fetched here rather than called.
        a = env.get(ka) if ka is not None else ca if fa is None else fa(env, p)
        b = env.get(kb) if kb is not None else cb if fb is None else fb(env, p)
        if a is None or b is None:
            return None
        try:
            if type(a) is Decimal and type(b) is Decimal:  # the usual case, without the type errors' checks
                return op(a, b)
            return op(_num(a, part), _num(b, part))
        except ArithmeticError:  # beyond 1e999999 (a hostile chain of products): not a number to judge by
            return None

    return binop


def _compile(node: ast.expr, refs: list[Ref], leaf: Leaf, arith: dict[type, Any] = _ARITH) -> Compiled:
    if isinstance(node, ast.Constant):
        value = _literal(node)
        return lambda env, p: value  # type: ignore[return-value]
    if isinstance(node, ast.Name | ast.Subscript):
        return _reader(_name(node, refs, leaf))
    if isinstance(node, ast.BinOp):
        op = arith.get(type(node.op))
        if op is None:
            raise ExprError("expr.operator", part=quoted(ast.unparse(node)))
        inner = node.left
        if arith is _ARITH_UNSETTLED and isinstance(inner, ast.BinOp) and isinstance(inner.op, ast.Div):
            x, y = _operand(inner.left, refs, leaf, arith), _operand(inner.right, refs, leaf, arith)
            right = _operand(node.right, refs, leaf, arith)
            ka, kb, cb = x[1], y[1], right[2]
            if ka is not None and kb is not None and right[:2] == (None, None) and type(cb) is Decimal:
                return _ratio(ka, kb, inner, op, cb)
            first: Operand = (_binop(_div_unsettled, x, y, inner), None, None)
        else:
            first, right = _operand(inner, refs, leaf, arith), _operand(node.right, refs, leaf, arith)
        return _binop(op, first, right, node)
    if isinstance(node, ast.UnaryOp):
        operand = _compile(node.operand, refs, leaf, arith)
        if isinstance(node.op, ast.USub):
            return lambda env, p: (None if (v := operand(env, p)) is None else -_num(v, "-"))
        if isinstance(node.op, ast.Not):
            return lambda env, p: (None if (v := operand(env, p)) is None else not v)
        raise ExprError("expr.operator", part=quoted(ast.unparse(node)))
    if isinstance(node, ast.BoolOp):
        parts = [_operand(v, refs, leaf, arith) for v in node.values]
        is_and = isinstance(node.op, ast.And)

        def boolop(env: Any, p: int) -> Value:
            unknown = False
            for fn, key, const in parts:
                v = env.get(key) if key is not None else const if fn is None else fn(env, p)
                if v is None:
                    unknown = True
                elif bool(v) is not is_and:
                    return not is_and  # a known False decides `and`, a known True decides `or`
            return None if unknown else is_and

        return boolop
    if isinstance(node, ast.Compare):
        if len(node.ops) != 1:
            raise ExprError("expr.one_comparison", part=quoted(ast.unparse(node)))
        cmp = _CMP.get(type(node.ops[0]))
        if cmp is None:
            raise ExprError("expr.comparison", part=quoted(ast.unparse(node)))
        fa, ka, ca = _operand(node.left, refs, leaf, arith)
        left = fa if fa is not None else _reader(ka) if ka is not None else (lambda env, p: ca)
        target = node.comparators[0]
        if isinstance(node.ops[0], ast.In | ast.NotIn):
            if not isinstance(target, ast.Tuple | ast.List):
                raise ExprError("expr.in_list", part=quoted(ast.unparse(node)))
            choices = tuple(_literal(e) for e in target.elts)
            return lambda env, p: (None if (v := left(env, p)) is None else cmp(v, choices))
        fb, kb, cb = _operand(target, refs, leaf, arith)

        def compare(env: Any, p: int) -> Value:
            a = env.get(ka) if ka is not None else ca if fa is None else fa(env, p)
            b = env.get(kb) if kb is not None else cb if fb is None else fb(env, p)
            if a is None or b is None:
                return None
            return cmp(a, b)

        return compare
    if isinstance(node, ast.Call):
        if not isinstance(node.func, ast.Name) or node.func.id not in _FUNCS or node.keywords:
            raise ExprError("expr.call", funcs=Choices(tuple(sorted(_FUNCS))), part=quoted(ast.unparse(node)))
        func = _FUNCS[node.func.id]
        args = [_compile(a, refs, leaf, arith) for a in node.args]
        least, most = _ARITY[node.func.id]
        if not least <= len(args) <= (most if most is not None else len(args)):
            wanted = Text(f" {least} 个参数", f"{least} argument") if least == most \
                else Text(f"至少 {least} 个参数", f"at least {least} argument")
            raise ExprError("expr.arity", func=node.func.id, wanted=wanted, count=len(args), part=quoted(_short(node)))
        whole: ast.expr = node
        if len(args) == 1:  # sqrt, floor, abs: call's lists and its any() spared (a growth rate's sqrt, every company)
            arg = args[0]

            def call1(env: Any, p: int) -> Value:
                v = arg(env, p)
                if v is None:
                    return None
                try:
                    return func(v if type(v) is Decimal else _num(v, whole))
                except ArithmeticError:  # as for the operators above
                    return None

            return call1

        def call(env: Any, p: int) -> Value:
            values = [a(env, p) for a in args]
            if any(v is None for v in values):
                return None
            try:
                return func(*[_num(v, whole) for v in values])
            except ArithmeticError:  # as for the operators above
                return None

        return call
    raise ExprError("expr.not_allowed", part=quoted(ast.unparse(node)))


NUMBER, BOOL, TEXT, ANY = "a number", "true or false", "text", "anything"
"""What an expression gives, as :func:`kind_of` infers it from the names' kinds (ANY: not known)."""
KIND_WORDS = {NUMBER: Text("数字", NUMBER), BOOL: Text("true/false（是或否）", BOOL), TEXT: Text("文字", TEXT),
              ANY: Text("任意值", ANY)}
"""Each of them as a rule file's error says it, in zh and en."""
_ORDERING = (ast.Lt, ast.LtE, ast.Gt, ast.GtE)


def kind_of(expression: Expression, kinds: Callable[[str], str | None]) -> str:
    """What an accepted expression gives, given what each name it reads gives.

    Raises ExprError where an operator meets a value it cannot take (text in a sum, a yes/no
    compared with ``>=``...), so that a rule file with such a formula is refused when it loads
    instead of failing on the first profile that reaches it.
    """
    return _kind(expression.body, kinds, expression.source)


def _kind(node: ast.expr, kinds: Callable[[str], str | None], source: str) -> str:
    def need(part: ast.expr, want: str) -> None:
        got = _kind(part, kinds, source)
        if got not in (want, ANY):
            raise ExprError("expr.kind", source=shown(source), part=ast.unparse(part), got=KIND_WORDS[got],
                            want=KIND_WORDS[want])

    if isinstance(node, ast.Constant):
        v = node.value
        return BOOL if isinstance(v, bool) else TEXT if isinstance(v, str) else ANY if v is None else NUMBER
    if isinstance(node, ast.Name):
        return kinds(node.id) or ANY
    if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name):
        return kinds(node.value.id) or ANY
    if isinstance(node, ast.BinOp):
        need(node.left, NUMBER)
        need(node.right, NUMBER)
        return NUMBER
    if isinstance(node, ast.UnaryOp):
        if isinstance(node.op, ast.USub):
            need(node.operand, NUMBER)
            return NUMBER
        _kind(node.operand, kinds, source)
        return BOOL
    if isinstance(node, ast.BoolOp):
        for operand in node.values:
            _kind(operand, kinds, source)
        return BOOL
    if isinstance(node, ast.Compare):
        if isinstance(node.ops[0], _ORDERING):
            need(node.left, NUMBER)
            need(node.comparators[0], NUMBER)
        else:
            _kind(node.left, kinds, source)
        return BOOL
    if isinstance(node, ast.Call):
        for a in node.args:
            need(a, NUMBER)
        return NUMBER
    return ANY  # parse() admits nothing else


def comparer(op: str, threshold: object) -> Callable[[Value], bool | None]:
    """A rule-format comparison against a fixed threshold, built once; unknown in, unknown out."""
    if op == "in":
        choices = threshold
        return lambda v: None if v is None else v in choices  # type: ignore[operator]
    if op == "between":
        bounds: tuple[Decimal, Decimal] = threshold  # type: ignore[assignment]
        low, high = bounds
        return lambda v: None if v is None else bool(low <= v <= high)  # type: ignore[operator]
    fn = OPERATORS[op]
    return lambda v: None if v is None else fn(v, threshold)


def compare(op: str, value: Value, threshold: object) -> bool | None:
    """Apply a rule-format comparison; unknown in, unknown out."""
    return comparer(op, threshold)(value)


OPERATORS: dict[str, Callable[[Any, Any], Any]] = {
    ">=": _CMP[ast.GtE], "<=": _CMP[ast.LtE], ">": _CMP[ast.Gt], "<": _CMP[ast.Lt], "==": _CMP[ast.Eq], "!=": _CMP[ast.NotEq]}
"""The rule format's two-sided comparisons (``in`` and ``between`` are built by :func:`comparer`)."""
COMPARISONS: Sequence[str] = (">=", "<=", ">", "<", "==", "!=", "in", "between")


@functools.lru_cache(maxsize=256)
def divisor_refs(source: str) -> tuple[Ref, ...]:
    """The names ``source`` reads in a divisor (the whole of a share, the earlier year of a growth): a 0
    there, and only there, leaves an accepted formula without a value. The report says which figure
    that was; of a 资产负债率 with both figures 0 it named 负债总额 too, whose 0 alone is a ratio of 0%.
    Empty for a formula that does not parse (it names every zero then, as before)."""
    try:
        tree = ast.parse(source.strip(), mode="eval")
    except (SyntaxError, ValueError, MemoryError, RecursionError):
        return ()
    found: dict[Ref, None] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div | ast.FloorDiv | ast.Mod):
            _refs_in(node.right, found)
    return tuple(found)


def _refs_in(node: ast.AST, found: dict[Ref, None]) -> None:
    """Each reference under ``node`` into ``found``; a year's name (the y1 of revenue[y1]) is none."""
    ref = _ref_of(node)
    if ref is not None:
        found[ref] = None
    elif not isinstance(node, ast.Subscript):
        for part in ast.iter_child_nodes(node):
            _refs_in(part, found)


def _ref_of(node: ast.AST) -> Ref | None:
    """The reference ``node`` is (``_name``'s reading of it), or None for anything else."""
    if isinstance(node, ast.Name) and node.id not in YEAR_NAMES and node.id != PARAM_YEAR:
        return Ref(node.id, None)
    if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name) and isinstance(node.slice, ast.Name):
        year = node.slice.id
        if year == PARAM_YEAR:
            return Ref(node.value.id, 0, param=True)
        if year in YEAR_NAMES:
            return Ref(node.value.id, YEAR_NAMES[year])
    return None
