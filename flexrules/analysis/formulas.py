"""Building z3 formulas quickly and small: what lint asks is made of many thousands of them.

z3's own `And`, `Or` and `==` check and convert every argument in Python, which cost more than
the solver's answers on a policy of 200 rules. Here `conj`, `disj` and `neg` call z3's C API
directly, leave out `TRUE` and `FALSE` (so a rule that cannot deny adds nothing to a denial),
and each comparison of a variable with a constant is made once (`Domain`). A truth table
becomes a formula by splitting on one attribute at a time and sharing equal rests
(`table_formula`, a Shannon expansion), far smaller than one conjunction per row. Every
formula here means exactly what the plain one means over the variables' domains, which the
solver always holds (`Domain.range`).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from typing import Any

try:  # an optional extra: `pip install flexrules[lint]`
    import z3
except ImportError:  # pragma: no cover - the test extra installs it
    z3 = None

Expr = Any  # a z3 expression (z3 ships no type information)

TRUE: Expr = z3.BoolVal(True) if z3 is not None else None
FALSE: Expr = z3.BoolVal(False) if z3 is not None else None


def _made(maker: Any, items: list[Expr]) -> Expr:
    ctx = items[0].ctx
    array = (z3.Ast * len(items))(*(item.as_ast() for item in items))
    return z3.BoolRef(maker(ctx.ref(), len(items), array), ctx)


def conj(*items: Expr) -> Expr:
    """`And` of the items, `TRUE` left out; `FALSE` if any is."""
    kept = []
    for item in items:
        if item is FALSE:
            return FALSE
        if item is not TRUE:
            kept.append(item)
    if not kept:
        return TRUE
    return kept[0] if len(kept) == 1 else _made(z3.Z3_mk_and, kept)


def disj(*items: Expr) -> Expr:
    """`Or` of the items, `FALSE` left out; `TRUE` if any is."""
    kept = []
    for item in items:
        if item is TRUE:
            return TRUE
        if item is not FALSE:
            kept.append(item)
    if not kept:
        return FALSE
    return kept[0] if len(kept) == 1 else _made(z3.Z3_mk_or, kept)


def neg(item: Expr) -> Expr:
    if item is TRUE:
        return FALSE
    if item is FALSE:
        return TRUE
    return z3.BoolRef(z3.Z3_mk_not(item.ctx.ref(), item.as_ast()), item.ctx)


class Domain:
    """An integer variable that names one of `size` classes (0 to size - 1), with each
    comparison with a constant made once."""

    def __init__(self, var: Expr, size: int) -> None:
        self.var = var
        self.size = size
        self._eq: dict[int, Expr] = {}
        self._among: dict[frozenset[int], Expr] = {}

    @property
    def range(self) -> Expr:
        """What the solver must hold for the other formulas to mean what they say."""
        return conj(self.var >= 0, self.var < self.size)

    def eq(self, value: int) -> Expr:
        found = self._eq.get(value)
        if found is None:
            found = self._eq[value] = self.var == value
        return found

    def among(self, values: Iterable[int]) -> Expr:
        """The variable is one of `values`: a range, the values, or not the others, whichever
        is shortest."""
        chosen = frozenset(values)
        found = self._among.get(chosen)
        if found is None:
            found = self._among[chosen] = self._among_of(sorted(chosen))
        return found

    def _among_of(self, values: list[int]) -> Expr:
        inside = [v for v in values if 0 <= v < self.size]
        if not inside:
            return FALSE
        if len(inside) == self.size:
            return TRUE
        if len(inside) == 1:
            return self.eq(inside[0])
        low, high = inside[0], inside[-1]
        if high - low + 1 == len(inside):  # one run of values
            return conj(
                self.var >= low if low > 0 else TRUE,
                self.var <= high if high < self.size - 1 else TRUE,
            )
        others = [v for v in range(self.size) if v not in set(inside)]
        if len(others) < len(inside):
            return neg(disj(*(self.eq(v) for v in others)))
        return disj(*(self.eq(v) for v in inside))


def table_formula(domains: Sequence[Domain], rows: Iterable[tuple[int, ...]]) -> Expr:
    """The formula that holds exactly for the combinations of classes in `rows` (one value
    per domain, in order)."""
    return _split(tuple(domains), frozenset(rows), {})


def _split(
    domains: tuple[Domain, ...],
    rows: frozenset[tuple[int, ...]],
    memo: dict[tuple[int, frozenset[tuple[int, ...]]], Expr],
) -> Expr:
    if not rows:
        return FALSE
    if not domains or len(rows) == math.prod(d.size for d in domains):
        return TRUE
    key = (len(domains), rows)
    found = memo.get(key)
    if found is not None:
        return found
    first, rest = domains[0], domains[1:]
    tails: dict[int, set[tuple[int, ...]]] = {}
    for combo in rows:
        tails.setdefault(combo[0], set()).add(combo[1:])
    groups: dict[frozenset[tuple[int, ...]], list[int]] = {}
    for value, tail in tails.items():
        groups.setdefault(frozenset(tail), []).append(value)
    found = memo[key] = disj(
        *(
            conj(first.among(values), _split(rest, tail, memo))
            for tail, values in sorted(groups.items(), key=lambda item: min(item[1]))
        )
    )
    return found
