"""Groups: none is defined in terms of itself, directly or through other groups."""

from __future__ import annotations

from ...core.diagnostics import Diagnostic, error
from ...core.messages import Text
from ..symbols import Symbols
from ._util import cycles, group_refs


def check_group_cycles(symbols: Symbols) -> list[Diagnostic]:
    """One error per cycle of group definitions, at the reference that starts it."""
    found: list[Diagnostic] = []
    edges = {
        key: [ref.name.key for ref in group_refs(group) if ref.name.key in symbols.groups]
        for key, group in symbols.groups.items()
    }
    for cycle in cycles(edges):
        first = symbols.groups[cycle[0]]
        ref = next(r for r in group_refs(first) if r.name.key == cycle[1])
        if len(cycle) == 2:
            message = Text("diag.group_cycle.self", name=first.name.text)
        else:
            path = " → ".join(f"`{symbols.groups[key].name.text}`" for key in cycle)
            message = Text("diag.group_cycle", path=path)
        found.append(
            error(
                "group-cycle",
                message,
                ref.name.span,
                Text("diag.group_cycle.hint"),
            )
        )
    return found
